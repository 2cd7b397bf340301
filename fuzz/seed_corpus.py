#!/usr/bin/env python3
"""Writes seed corpora from the real chain data in examples/tests/data (public Ravencoin data)."""
import hashlib, json, os

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = json.load(open(os.path.join(HERE, "../examples/tests/data/ravencoin_real.json")))
NETWORK_INDEX = {"aipg-main": 0, "aipg-test": 1, "aipg-regtest": 2, "rvn-main": 3, "rvn-test": 4}

def put(target, data):
    folder = os.path.join(HERE, "corpus", target)
    os.makedirs(folder, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()
    open(os.path.join(folder, name), "wb").write(data)

for tx in DATA["transactions"]:
    raw = bytes.fromhex(tx["hex"])
    put("decode_transaction", raw)
for block in DATA["blocks"]:
    raw = bytes.fromhex(block["hex"])
    if len(raw) <= 50_000:
        put("decode_block", bytes([NETWORK_INDEX[block["network"]]]) + raw)
for header in DATA["headers"]:
    put("decode_block_header", bytes([NETWORK_INDEX[header["network"]]]) + bytes.fromhex(header["hex"]))


def read_varint(b, i):
    n = b[i]
    if n < 0xfd:
        return n, i + 1
    size = {0xfd: 2, 0xfe: 4, 0xff: 8}[n]
    return int.from_bytes(b[i + 1:i + 1 + size], "little"), i + 1 + size


def output_scripts(raw):
    """The output scripts of a serialized transaction (legacy or extended form)."""
    i = 4
    if raw[4] == 0 and raw[5] == 1:
        i = 6
    n_in, i = read_varint(raw, i)
    for _ in range(n_in):
        i += 36
        length, i = read_varint(raw, i)
        i += length + 4
    n_out, i = read_varint(raw, i)
    scripts = []
    for _ in range(n_out):
        i += 8
        length, i = read_varint(raw, i)
        scripts.append(raw[i:i + length])
        i += length
    return scripts


B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def base58check(payload):
    data = payload + hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4]
    n = int.from_bytes(data, "big")
    out = ""
    while n:
        n, r = divmod(n, 58)
        out = B58[r] + out
    return "1" * (len(data) - len(data.lstrip(b"\0"))) + out


PREFIX = {"rvn-main": 60, "rvn-test": 111}
for tx in DATA["transactions"]:
    for script in output_scripts(bytes.fromhex(tx["hex"])):
        put("script_asm", script)
        if len(script) > 25 and script[25] == 0xC0:
            put("parse_asset_script", script)
        if len(script) >= 25 and script[:3] == b"\x76\xa9\x14":
            address = base58check(bytes([PREFIX[tx["network"]]]) + script[3:23])
            put("parse_address", bytes([NETWORK_INDEX[tx["network"]]]) + address.encode())

# verify_header_pow: one rules byte, then a 120-byte KAWPOW header. The real header misses the
# target once its height is reduced into epoch 0; the copies with nBits 0x207fffff and several
# nonces reach the light-cache mix check about half the time.
for header in DATA["headers"]:
    if header["network"] == "rvn-main" and header["height"] == 4487776:
        raw = bytes.fromhex(header["hex"])
        put("verify_header_pow", bytes([1]) + raw)
        for i in range(8):
            easy = bytearray(raw)
            easy[72:76] = (0x207FFFFF).to_bytes(4, "little")
            easy[76:80] = (1000 + i).to_bytes(4, "little")
            easy[80:88] = i.to_bytes(8, "little")
            put("verify_header_pow", bytes([i % 4]) + bytes(easy))


def tx_parts(raw):
    """The out points, inputs, outputs, output scripts and witness stacks of a serialized
    transaction (legacy or extended form), each as its own serialized bytes."""
    parts = {"out_point": [], "tx_in": [], "tx_out": [], "script_buf": [], "witness": []}
    i = 4
    extended = raw[4] == 0 and raw[5] == 1
    if extended:
        i = 6
    n_in, i = read_varint(raw, i)
    for _ in range(n_in):
        start = i
        parts["out_point"].append(raw[i:i + 36])
        i += 36
        length, j = read_varint(raw, i)
        parts["script_buf"].append(raw[i:j + length])
        i = j + length + 4
        parts["tx_in"].append(raw[start:i])
    n_out, i = read_varint(raw, i)
    for _ in range(n_out):
        start = i
        i += 8
        length, j = read_varint(raw, i)
        parts["script_buf"].append(raw[i:j + length])
        i = j + length
        parts["tx_out"].append(raw[start:i])
    if extended:
        for _ in range(n_in):
            start = i
            items, i = read_varint(raw, i)
            for _ in range(items):
                length, i = read_varint(raw, i)
                i += length
            parts["witness"].append(raw[start:i])
    return parts


def push(data):
    """A CompactSize length and the bytes."""
    n = len(data)
    if n < 0xFD:
        return bytes([n]) + data
    return b"\xfd" + n.to_bytes(2, "little") + data


# Decoders of the transaction parts: the real parts (a few of each, shortest first), then edges.
parts = {k: set() for k in ("out_point", "tx_in", "tx_out", "script_buf", "witness")}
for tx in DATA["transactions"]:
    for kind, found in tx_parts(bytes.fromhex(tx["hex"])).items():
        parts[kind].update(found)
for kind, found in parts.items():
    for data in sorted(found, key=lambda b: (len(b), b))[:6]:
        put(f"decode_{kind}", data)
put("decode_out_point", b"\x00" * 32 + b"\xff" * 4)  # the coinbase's null out point
put("decode_out_point", b"\x00" * 35)  # one byte short
put("decode_script_buf", b"\x00")  # empty script
put("decode_script_buf", b"\xfd\x01\x00\x6a")  # non-canonical length
put("decode_script_buf", b"\x05\x6a")  # length past the end
put("decode_tx_out", (-1).to_bytes(8, "little", signed=True) + b"\x00")  # SetNull output
put("decode_witness", b"\x00")  # empty stack
put("decode_witness", b"\x02\x00\x00")  # two empty items
put("decode_witness", b"\xff" + b"\xff" * 8)  # a count no input can hold
# A P2WPKH-shaped stack built from a real signature and public key (the pushes of a P2PKH
# scriptSig in the data).
for script in sorted(parts["script_buf"], key=lambda b: (len(b), b)):
    body = script[1:] if script[0] < 0xFD else script[3:]
    if len(body) > 100 and 0x47 <= body[0] <= 0x48 and body[body[0] + 1] in (0x21, 0x41):
        sig = body[1:1 + body[0]]
        key = body[2 + body[0]:]
        put("decode_witness", b"\x02" + push(sig) + push(key))
        break

for data in [b"\x00", b"\xfc", b"\xfd\xfd\x00", b"\xfd\xff\xff", b"\xfe\x00\x00\x01\x00",
             b"\xff" + (2**32).to_bytes(8, "little"), b"\xff" * 9,
             b"\xfd\x01\x00", b"\xfe\xff\xff\x00\x00", b"\xfd\x01"]:
    put("decode_compact_size", data)

for header in DATA["headers"]:
    put("decode_compact_target", bytes.fromhex(header["bits"])[::-1])
for bits in [0x1D00FFFF, 0x207FFFFF, 0x04923456, 0x01803456, 0xFF123456, 0x00000000]:
    put("decode_compact_target", bits.to_bytes(4, "little"))
put("decode_compact_target", b"\xff\xff\x00")  # one byte short

# The hash newtypes decode 32 raw bytes: real block ids and txids in internal order.
for header in DATA["headers"][:4]:
    put("decode_hashes", bytes.fromhex(header["hash"])[::-1])
for tx in DATA["transactions"][:4]:
    put("decode_hashes", bytes.fromhex(tx["txid"])[::-1] + b"\x01")
put("decode_hashes", b"\x00" * 31)

# Text parsers.
for header in DATA["headers"][:4]:
    put("parse_hash", header["hash"].encode())
    put("parse_hash", header["merkle_root"].upper().encode())
for tx in DATA["transactions"][:4]:
    put("parse_hash", tx["txid"].encode())
    for script in output_scripts(bytes.fromhex(tx["hex"])):
        if script[:3] == b"\x76\xa9\x14":
            put("parse_hash", script[3:23].hex().encode())  # a pubkey hash
for text in ["", "00" * 31, "0" * 63 + "g", " " + "0" * 63, "0" * 65, "ab" * 20 + "\n"]:
    put("parse_hash", text.encode())

for text in ["0", "1", "00ff", "FFFF", "f" * 64, "0" * 64, "1" + "0" * 64, "",
             "00000000ffff0000000000000000000000000000000000000000000000000000",
             "7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", "-1", "0x10", "12 "]:
    put("parse_u256", text.encode())

# WIF keys made here from fixed secrets (SHA-256 of a label), for each network's prefix: AIPG
# main 128, test and regtest 239 (network bytes 0, 1, 2), compressed and not.
for index, prefix in [(0, 128), (1, 239), (2, 239)]:
    for label, compressed in [(b"aipg seed key 1", True), (b"aipg seed key 2", False)]:
        secret = hashlib.sha256(label + bytes([index])).digest()
        wif = base58check(bytes([prefix]) + secret + (b"\x01" if compressed else b""))
        put("parse_wif", bytes([index]) + wif.encode())
order = bytes.fromhex("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141")
for payload in [b"\x80" + b"\x00" * 32, b"\x80" + order, b"\x80" + b"\x11" * 32 + b"\x02",
                b"\xef" + b"\x11" * 32]:
    put("parse_wif", b"\x00" + base58check(payload).encode())  # zero, order, bad flag, network
put("parse_wif", b"\x00 " + base58check(b"\x80" + b"\x22" * 32 + b"\x01").encode() + b"\n")

names = set()
for tx in DATA["transactions"]:
    for asset in tx.get("assets") or []:
        names.add(asset["name"])
for name in sorted(names)[:8] + ["ABC", "ABC/SUB", "ABC/SUB/SUB2", "ABC#TOKEN", "ABC~CHANNEL",
                                 "ABC!", "ABC/SUB!", "#QUAL", "#QUAL/#SUB", "$RESTRICTED",
                                 "ABC^VOTE", "AB", "abc", "RVN", "AIPG", "A..B", "_ABC", "A" * 31,
                                 "ABC#", "ABC/", "", "ÄBC"]:
    put("parse_asset_name", name.encode())

for text in ["DUP HASH160 0x14 0x" + "11" * 20 + " EQUALVERIFY CHECKSIG",
             "HASH160 0x14 0x" + "22" * 20 + " EQUAL", "0 1 -1 16 17 1000 -1000",
             "9223372036854775807 -9223372036854775808 99999999999999999999",
             "'' 'text' 0x4c 0x01 0x07", "OP_RETURN 0x04 0xdeadbeef", "NOP10 RESERVED\tNOP",
             "CHECKSIG BADWORD DUP", "0x0", "0xzz", "OP_AIPG_ASSET", "1\n2 \n\t3", ""]:
    put("parse_script_asm", text.encode())
