// SPDX-License-Identifier: MIT
//! Shared loader for the reference vectors.
//!
//! Vectors are read at run time from `AIPG_VECTORS_DIR` (default `../shared/vectors` beside the
//! workspace root). When the folder is absent a test prints that it skipped, unless
//! `AIPG_REQUIRE_VECTORS=1`, in which case it fails.

#![allow(dead_code)]

use serde_json::Value;
use std::path::PathBuf;

/// Returns the vector folder.
pub(crate) fn vectors_dir() -> PathBuf {
    let workspace = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    match std::env::var_os("AIPG_VECTORS_DIR") {
        Some(dir) => workspace.join(dir),
        None => workspace.join("../shared/vectors"),
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

/// Decodes a hex string.
pub(crate) fn hex_bytes(v: &Value) -> Vec<u8> {
    hex::decode(v.as_str().expect("a hex string")).expect("valid hex")
}

/// The real chain data committed in `examples/tests/data/ravencoin_real.json` (provenance in
/// the README beside it).
pub(crate) fn real_chain_data() -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../examples/tests/data/ravencoin_real.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).expect("valid JSON")
}
