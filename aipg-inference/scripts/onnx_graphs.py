# SPDX-License-Identifier: MIT
"""ONNX graph builders shared by the fixture script and the GGUF converter.

Only the `onnx` helper API and numpy are used. Every graph is opset 18 and made of
standard operators, so any ONNX Runtime CPU build runs it.
"""

import numpy as np
from onnx import TensorProto, helper, numpy_helper

OPSET = 18


class Builder:
    """Accumulates nodes and initializers with unique names."""

    def __init__(self):
        self.nodes = []
        self.inits = []
        self.count = 0

    def name(self, base):
        self.count += 1
        return f"{base}_{self.count}"

    def const(self, base, array):
        n = self.name(base)
        self.inits.append(numpy_helper.from_array(np.ascontiguousarray(array), n))
        return n

    def op(self, op_type, inputs, base=None, **attrs):
        out = self.name(base or op_type.lower())
        self.nodes.append(helper.make_node(op_type, inputs, [out], **attrs))
        return out

    def op_n(self, op_type, inputs, n, **attrs):
        outs = [self.name(op_type.lower()) for _ in range(n)]
        self.nodes.append(helper.make_node(op_type, inputs, outs, **attrs))
        return outs

    def named(self, op_type, inputs, output, **attrs):
        self.nodes.append(helper.make_node(op_type, inputs, [output], **attrs))
        return output

    def i64(self, values):
        return self.const("i64", np.array(values, dtype=np.int64))

    def f32(self, values):
        return self.const("f32", np.array(values, dtype=np.float32))

    def model(self, name, inputs, outputs):
        graph = helper.make_graph(self.nodes, name, inputs, outputs, self.inits)
        model = helper.make_model(
            graph,
            opset_imports=[helper.make_opsetid("", OPSET)],
            producer_name="aipg-inference",
            producer_version="1",
        )
        model.ir_version = 8
        return model


def rms_norm(b, x, weight, eps):
    sq = b.op("Mul", [x, x])
    mean = b.op("ReduceMean", [sq, b.i64([-1])], keepdims=1)
    denom = b.op("Sqrt", [b.op("Add", [mean, b.f32(eps)])])
    normed = b.op("Div", [x, denom])
    return b.op("Mul", [normed, b.const("norm_w", weight.astype(np.float32))])


def rope_pairs(b, x, cos, sin, heads, head_dim):
    """Rotates adjacent pairs (2i, 2i+1) of the last axis; x is [1, heads, T, head_dim]."""
    five = b.op("Reshape", [x, b.i64([1, heads, -1, head_dim // 2, 2])])
    a, c = b.op_n("Split", [five, b.i64([1, 1])], 2, axis=-1)
    a = b.op("Squeeze", [a, b.i64([-1])])
    c = b.op("Squeeze", [c, b.i64([-1])])
    ra = b.op("Sub", [b.op("Mul", [a, cos]), b.op("Mul", [c, sin])])
    rb = b.op("Add", [b.op("Mul", [a, sin]), b.op("Mul", [c, cos])])
    ra = b.op("Unsqueeze", [ra, b.i64([-1])])
    rb = b.op("Unsqueeze", [rb, b.i64([-1])])
    joined = b.op("Concat", [ra, rb], axis=-1)
    return b.op("Reshape", [joined, b.i64([1, heads, -1, head_dim])])


def llama(weights, cfg):
    """Decoder-only llama graph with a KV cache, batch 1.

    Inputs: input_ids [1, T] int64; past_key_values.{l}.key / .value [1, kv_heads, P, head_dim].
    Outputs: logits [1, T, vocab]; last_hidden_state [1, T, dim] (after the final norm);
    present.{l}.key / .value [1, kv_heads, P + T, head_dim].
    Positions are P .. P + T - 1; attention is causal over the cache plus the new tokens.
    weights: numpy arrays in the usual [out, in] orientation:
      embed [V, D], norm [D], layers: list of dicts with attn_norm, wq, wk, wv, wo, ffn_norm,
      w_gate, w_up, w_down.
    """
    b = Builder()
    D, H, KV, L = cfg["dim"], cfg["heads"], cfg["kv_heads"], cfg["layers"]
    hd = D // H
    group = H // KV
    eps = cfg["norm_eps"]
    V = weights["embed"].shape[0]

    inputs = [helper.make_tensor_value_info("input_ids", TensorProto.INT64, [1, "seq"])]
    outputs = [
        helper.make_tensor_value_info("logits", TensorProto.FLOAT, [1, "seq", V]),
        helper.make_tensor_value_info("last_hidden_state", TensorProto.FLOAT, [1, "seq", D]),
    ]
    for layer in range(L):
        for kind in ("key", "value"):
            inputs.append(helper.make_tensor_value_info(
                f"past_key_values.{layer}.{kind}", TensorProto.FLOAT, [1, KV, "past", hd]))
            outputs.append(helper.make_tensor_value_info(
                f"present.{layer}.{kind}", TensorProto.FLOAT, [1, KV, "total", hd]))

    ids_shape = b.op("Shape", ["input_ids"])
    seq = b.op("Gather", [ids_shape, b.i64(1)], axis=0)
    past_shape = b.op("Shape", ["past_key_values.0.key"])
    past = b.op("Gather", [past_shape, b.i64(2)], axis=0)
    total = b.op("Add", [past, seq])
    pos = b.op("Range", [past, total, b.i64(1)])
    pos_f = b.op("Cast", [pos], to=TensorProto.FLOAT)
    inv_freq = (1.0 / (cfg["rope_theta"] ** (np.arange(0, hd, 2, dtype=np.float64) / hd))).astype(np.float32)
    freqs = b.op("Mul", [b.op("Unsqueeze", [pos_f, b.i64([1])]), b.const("inv_freq", inv_freq[None, :])])
    cos = b.op("Cos", [freqs])
    sin = b.op("Sin", [freqs])

    # causal mask [T, S]: key j is visible to query i when j <= past + i
    rows = b.op("Add", [b.op("Unsqueeze", [b.op("Range", [b.i64(0), seq, b.i64(1)]), b.i64([1])]), past])
    cols = b.op("Unsqueeze", [b.op("Range", [b.i64(0), total, b.i64(1)]), b.i64([0])])
    allowed = b.op("LessOrEqual", [cols, rows])
    mask = b.op("Where", [allowed, b.f32(0.0), b.f32(-np.inf)])

    embed_name = b.const("embed", weights["embed"].astype(np.float32))
    x = b.op("Gather", [embed_name, "input_ids"], axis=0)
    scale = b.f32(1.0 / np.sqrt(hd))
    for layer in range(L):
        w = weights["layers"][layer]
        h = rms_norm(b, x, w["attn_norm"], eps)

        def proj(src, mat, heads):
            y = b.op("MatMul", [src, b.const("w", mat.T.astype(np.float32))])
            y = b.op("Reshape", [y, b.i64([1, -1, heads, hd])])
            return b.op("Transpose", [y], perm=[0, 2, 1, 3])

        q = rope_pairs(b, proj(h, w["wq"], H), cos, sin, H, hd)
        k = rope_pairs(b, proj(h, w["wk"], KV), cos, sin, KV, hd)
        v = proj(h, w["wv"], KV)
        k_all = b.named("Concat", [f"past_key_values.{layer}.key", k], f"present.{layer}.key", axis=2)
        v_all = b.named("Concat", [f"past_key_values.{layer}.value", v], f"present.{layer}.value", axis=2)

        def expand(t):
            if group == 1:
                return t
            t5 = b.op("Unsqueeze", [t, b.i64([2])])
            t5 = b.op("Tile", [t5, b.i64([1, 1, group, 1, 1])])
            return b.op("Reshape", [t5, b.i64([1, H, -1, hd])])

        kt = b.op("Transpose", [expand(k_all)], perm=[0, 1, 3, 2])
        scores = b.op("Mul", [b.op("MatMul", [q, kt]), scale])
        probs = b.op("Softmax", [b.op("Add", [scores, mask])], axis=-1)
        att = b.op("MatMul", [probs, expand(v_all)])
        att = b.op("Reshape", [b.op("Transpose", [att], perm=[0, 2, 1, 3]), b.i64([1, -1, D])])
        x = b.op("Add", [x, b.op("MatMul", [att, b.const("wo", w["wo"].T.astype(np.float32))])])

        h = rms_norm(b, x, w["ffn_norm"], eps)
        gate = b.op("MatMul", [h, b.const("wg", w["w_gate"].T.astype(np.float32))])
        up = b.op("MatMul", [h, b.const("wu", w["w_up"].T.astype(np.float32))])
        act = b.op("Mul", [b.op("Mul", [gate, b.op("Sigmoid", [gate])]), up])
        x = b.op("Add", [x, b.op("MatMul", [act, b.const("wd", w["w_down"].T.astype(np.float32))])])

    normed = rms_norm(b, x, weights["norm"], eps)
    b.named("Identity", [normed], "last_hidden_state")
    flat = b.op("Reshape", [normed, b.i64([-1, D])])
    logits2 = b.op("Gemm", [flat, embed_name], transB=1)
    b.named("Reshape", [logits2, b.i64([1, -1, V])], "logits")
    return b.model("llama", inputs, outputs)
