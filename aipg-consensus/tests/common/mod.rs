// SPDX-License-Identifier: MIT
//! Shared loader for the reference vectors.
//!
//! Vectors are read at run time from `AIPG_VECTORS_DIR` (default `../shared/vectors` beside the
//! workspace root). When the folder is absent a test prints that it skipped, unless
//! `AIPG_REQUIRE_VECTORS=1`, in which case it fails.

#![allow(dead_code, clippy::panic)]

use serde_json::Value;
use std::path::PathBuf;

/// Returns the vector folder.
pub(crate) fn vectors_dir() -> PathBuf {
    match std::env::var_os("AIPG_VECTORS_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/vectors"),
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

/// Returns a string field.
pub(crate) fn str_field<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key].as_str().unwrap_or_else(|| panic!("field {key} missing or not a string in {v}"))
}

/// Returns an unsigned integer field.
pub(crate) fn u64_field(v: &Value, key: &str) -> u64 {
    v[key].as_u64().unwrap_or_else(|| panic!("field {key} missing or not an integer in {v}"))
}

/// Parses 8 hex digits.
pub(crate) fn hex_u32(s: &str) -> u32 {
    u32::from_str_radix(s, 16).unwrap_or_else(|e| panic!("bad hex {s}: {e}"))
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
