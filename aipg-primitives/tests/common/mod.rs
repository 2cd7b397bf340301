// SPDX-License-Identifier: MIT
//! Helpers for the integration tests; the vector loader and the real chain data come from
//! the workspace's `test-support/vectors.rs`, shared with the other crate's tests.

#![allow(dead_code, unused_imports, clippy::panic)]

use serde_json::Value;

#[path = "../../../test-support/vectors.rs"]
mod vectors;
pub(crate) use vectors::{Vectors, load, real_chain_data, vectors_dir, vectors_required};

/// Decodes a hex string.
pub(crate) fn hex_bytes(v: &Value) -> Vec<u8> {
    hex::decode(v.as_str().expect("a hex string")).expect("valid hex")
}
