// SPDX-License-Identifier: MIT
//! What the measurement examples share: finding the runtime and the models, and comparing
//! tensors.

#![allow(dead_code)]

use std::path::PathBuf;

use aipg_inference::{ORT_VERSION, Runtime};

/// The workspace root.
pub(crate) fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

/// Loads ONNX Runtime from `ORT_DYLIB_PATH`, or from where `cargo xtask ort` puts it.
pub(crate) fn runtime() -> &'static Runtime {
    let lib = std::env::var_os("ORT_DYLIB_PATH")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join(format!("target/aipg-ort/libonnxruntime.so.{ORT_VERSION}")));
    Runtime::load(&lib).expect("run `cargo xtask ort`")
}

/// `AIPG_MODELS_DIR`, or where `cargo xtask models` puts the models.
pub(crate) fn models_dir() -> PathBuf {
    std::env::var_os("AIPG_MODELS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target/aipg-models"))
}

/// Max-abs and relative L2 of `b` against `a`.
pub(crate) fn diff(a: &[f32], b: &[f32]) -> (f64, f64) {
    assert_eq!(a.len(), b.len(), "tensor sizes differ");
    let mut max = 0.0f64;
    let (mut num, mut den) = (0.0f64, 0.0f64);
    for (&x, &y) in a.iter().zip(b) {
        let d = f64::from(x) - f64::from(y);
        max = max.max(d.abs());
        num += d * d;
        den += f64::from(x) * f64::from(x);
    }
    (max, if den > 0.0 { (num / den).sqrt() } else { 0.0 })
}

/// Formats a [`diff`] result for the markdown tables.
pub(crate) fn fmt((m, r): (f64, f64)) -> String {
    if m == 0.0 { "0 (bitwise)".into() } else { format!("{m:.2e} / {r:.2e}") }
}
