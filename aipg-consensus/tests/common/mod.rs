// SPDX-License-Identifier: MIT
//! Helpers for the integration tests; the vector loader and the real chain data come from
//! the workspace's `test-support/vectors.rs`, shared with the other crate's tests.

#![allow(dead_code, unused_imports, clippy::panic)]

use serde_json::Value;

#[path = "../../../test-support/vectors.rs"]
mod vectors;
pub(crate) use vectors::{Vectors, load, real_chain_data, vectors_dir, vectors_required};

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
