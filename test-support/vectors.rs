// SPDX-License-Identifier: MIT
//! The reference-vector loader and the real chain data, shared by the integration tests of
//! `aipg-primitives` and `aipg-consensus` (each `tests/common/mod.rs` includes this file).
//!
//! Vectors are read at run time from `AIPG_VECTORS_DIR` (a relative path is taken from the
//! workspace root; default `../shared/vectors` beside it). When the folder is absent a test
//! prints that it skipped, unless `AIPG_REQUIRE_VECTORS=1`, in which case it fails.

#![allow(dead_code, clippy::panic)]

use serde_json::Value;
use std::path::PathBuf;

/// The workspace root (every including crate sits one level below it).
fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Returns the vector folder.
pub(crate) fn vectors_dir() -> PathBuf {
    match std::env::var_os("AIPG_VECTORS_DIR") {
        Some(dir) => workspace().join(dir),
        None => workspace().join("../shared/vectors"),
    }
}

/// Returns true when `AIPG_REQUIRE_VECTORS=1`.
pub(crate) fn vectors_required() -> bool {
    std::env::var("AIPG_REQUIRE_VECTORS").is_ok_and(|v| v == "1")
}

/// Loads a vector file as JSON, or returns `None` after printing that the test skipped when the
/// vector folder is absent. A missing file inside a present folder, or any absence while vectors
/// are required, fails the test.
pub(crate) fn load(name: &str) -> Option<Value> {
    let dir = vectors_dir();
    let path = dir.join(name);
    if !dir.is_dir() {
        assert!(!vectors_required(), "AIPG_REQUIRE_VECTORS=1 but {} is missing", dir.display());
        eprintln!("skipped: vector folder {} not found", dir.display());
        return None;
    }
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    Some(serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}

/// The real chain data committed in `examples/tests/data/ravencoin_real.json` (provenance in
/// the README beside it).
pub(crate) fn real_chain_data() -> Value {
    let path = workspace().join("examples/tests/data/ravencoin_real.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).expect("valid JSON")
}
