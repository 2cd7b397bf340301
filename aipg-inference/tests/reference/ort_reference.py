# SPDX-License-Identifier: MIT
"""Runs an ONNX model through ONNX Runtime's Python API, as an independent reference.

Usage: ort_reference.py MODEL DIR

DIR/request.json names the inputs, the outputs and the sessions to run:

    {"inputs": [{"name": "input_ids", "dtype": "int64", "shape": [1, 5], "file": "in.0.bin"}],
     "outputs": ["logits"],
     "sessions": [{"label": "disable", "optimization": "disable", "intra_threads": 1}]}

Each input file holds the tensor's elements in row-major order, little-endian. For every
session the script writes out.LABEL.OUTPUT.bin (float32, little-endian, row-major) and at the
end DIR/outputs.json with the shapes, the ONNX Runtime version and the session settings.
Only the `onnxruntime` and `numpy` packages are used. Exit status 3 means one of them is
missing (the caller decides whether that is a failure).
"""

import json
import os
import sys

try:
    import numpy as np
    import onnxruntime as ort
except ImportError as e:  # the caller tells "missing" apart from a failure by this status
    print(f"missing Python package: {e}", file=sys.stderr)
    sys.exit(3)

LEVELS = {
    "disable": ort.GraphOptimizationLevel.ORT_DISABLE_ALL,
    "basic": ort.GraphOptimizationLevel.ORT_ENABLE_BASIC,
    "extended": ort.GraphOptimizationLevel.ORT_ENABLE_EXTENDED,
    "all": ort.GraphOptimizationLevel.ORT_ENABLE_ALL,
}
DTYPES = {"float32": "<f4", "int64": "<i8"}


def session(model, spec):
    so = ort.SessionOptions()
    so.graph_optimization_level = LEVELS[spec["optimization"]]
    so.intra_op_num_threads = int(spec["intra_threads"])
    so.inter_op_num_threads = 1
    so.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    so.use_deterministic_compute = True
    so.log_severity_level = 3
    return ort.InferenceSession(model, sess_options=so, providers=["CPUExecutionProvider"])


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    model, work = sys.argv[1], sys.argv[2]
    with open(os.path.join(work, "request.json"), encoding="utf-8") as f:
        req = json.load(f)
    feeds = {}
    for t in req["inputs"]:
        data = np.fromfile(os.path.join(work, t["file"]), dtype=DTYPES[t["dtype"]])
        feeds[t["name"]] = data.reshape(t["shape"])
    result = {"onnxruntime": ort.__version__, "numpy": np.__version__, "sessions": []}
    for spec in req["sessions"]:
        outs = session(model, spec).run(req["outputs"], feeds)
        shapes = {}
        for name, value in zip(req["outputs"], outs):
            value = np.ascontiguousarray(value, dtype="<f4")
            value.tofile(os.path.join(work, f"out.{spec['label']}.{name}.bin"))
            shapes[name] = list(value.shape)
        result["sessions"].append({**spec, "shapes": shapes})
    with open(os.path.join(work, "outputs.json"), "w", encoding="utf-8") as f:
        json.dump(result, f)
    return 0


if __name__ == "__main__":
    sys.exit(main())
