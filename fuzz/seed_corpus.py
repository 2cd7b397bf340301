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
