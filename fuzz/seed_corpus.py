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
