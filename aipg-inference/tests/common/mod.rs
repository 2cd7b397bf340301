// SPDX-License-Identifier: MIT
//! Shared test helpers: finding the ONNX Runtime library, the fixtures and the real models.
#![allow(dead_code, unreachable_pub)]

use std::path::PathBuf;

use aipg_inference::{ORT_VERSION, Runtime};

pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

pub fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

fn required(var: &str) -> bool {
    std::env::var(var).is_ok_and(|v| v == "1")
}

/// Returns the runtime, or None (after printing why) when the library is absent and
/// `AIPG_REQUIRE_ORT` is not 1.
pub fn runtime() -> Option<&'static Runtime> {
    let path = std::env::var_os("ORT_DYLIB_PATH").map(PathBuf::from).unwrap_or_else(|| {
        workspace_root().join(format!("target/aipg-ort/libonnxruntime.so.{ORT_VERSION}"))
    });
    if !path.exists() && !required("AIPG_REQUIRE_ORT") {
        eprintln!(
            "skipped: onnx runtime library not found at {}; run `cargo xtask ort`",
            path.display()
        );
        return None;
    }
    match Runtime::load(&path) {
        Ok(rt) => Some(rt),
        Err(e) => panic!("{e}"),
    }
}

/// Returns a prepared real-model folder, or None (after printing why) when it is absent and
/// `AIPG_REQUIRE_MODELS` is not 1.
pub fn real_model(name: &str) -> Option<PathBuf> {
    let base = std::env::var_os("AIPG_MODELS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("target/aipg-models"));
    let dir = base.join(name);
    if dir.join("aipg-model.json").exists() {
        return Some(dir);
    }
    assert!(
        !required("AIPG_REQUIRE_MODELS"),
        "{} missing; run `cargo xtask models`",
        dir.display()
    );
    eprintln!("skipped: {} not prepared; run `cargo xtask models`", dir.display());
    None
}

/// Returns whether the tests run under CI (`CI` set to anything but empty, `0` or `false`).
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "0" && v != "false")
}

/// Returns the pin of this execution profile's bit class (`ExecutionProfile::bit_class`), or
/// None after printing what was measured when the class has none. Under CI a class without a
/// pin fails: every profile CI runs on must be measured and pinned.
pub fn pin_for<'a, T: std::fmt::Debug>(
    what: &str,
    class: &str,
    pins: &'a [(&str, T)],
    got: &dyn std::fmt::Debug,
) -> Option<&'a T> {
    if let Some((_, pin)) = pins.iter().find(|(c, _)| *c == class) {
        return Some(pin);
    }
    let known: Vec<&str> = pins.iter().map(|(c, _)| *c).collect();
    assert!(
        !in_ci(),
        "{what}: no pinned outputs for {class} (pinned: {known:?}); got {got:?}. Measure this \
         class and add its pin"
    );
    eprintln!("skipped: {what}: no pin for {class} (pinned: {known:?}); got {got:?}");
    None
}
