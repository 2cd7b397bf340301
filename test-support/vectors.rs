// SPDX-License-Identifier: MIT
//! The reference-vector loader and the real chain data, shared by the integration tests of
//! `aipg-primitives` and `aipg-consensus` (each `tests/common/mod.rs` includes this file) and by
//! the unit tests of the X16R sub-hashes.
//!
//! Vectors are read at run time from `AIPG_VECTORS_DIR` (a relative path is taken from the
//! workspace root; default `../shared/vectors` beside it). When the folder is absent a test
//! prints that it skipped, unless `AIPG_REQUIRE_VECTORS=1`, in which case it fails. A missing
//! file inside a present folder always fails.
//!
//! When `AIPG_VECTORS_ACCESS_LOG` names a folder (a relative one is taken from the workspace
//! root), every file loaded and every top-level key read through [`Vectors`] is appended to a
//! log there, one file per test process; `cargo xtask test` then checks that every vector file
//! and every field group in it was read by some test.
//!
//! Only `std::` paths are used, so that the no-std build of a crate's unit tests can include it.

#![allow(
    dead_code,
    clippy::panic,
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::indexing_slicing
)]

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

/// A vector file as loaded. Indexing it with a top-level key (`file["cases"]`) records the key
/// as read; everything else of [`Value`] is reached through `Deref` (files that are one JSON
/// array are recorded as a whole when loaded).
pub(crate) struct Vectors {
    name: std::string::String,
    value: Value,
}

impl core::ops::Index<&str> for Vectors {
    type Output = Value;

    fn index(&self, key: &str) -> &Value {
        record(&std::format!("{}#{key}", self.name));
        &self.value[key]
    }
}

impl core::ops::Deref for Vectors {
    type Target = Value;

    fn deref(&self) -> &Value {
        &self.value
    }
}

/// Loads a vector file as JSON, or returns `None` after printing that the test skipped when the
/// vector folder is absent. A missing file inside a present folder, or any absence while vectors
/// are required, fails the test.
pub(crate) fn load(name: &str) -> Option<Vectors> {
    let dir = vectors_dir();
    let path = dir.join(name);
    if !dir.is_dir() {
        assert!(!vectors_required(), "AIPG_REQUIRE_VECTORS=1 but {} is missing", dir.display());
        std::eprintln!("skipped: vector folder {} not found", dir.display());
        return None;
    }
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    record(name);
    Some(Vectors { name: name.into(), value })
}

/// Appends `entry` (`file` or `file#key`) to this process's access log, once per process, when
/// `AIPG_VECTORS_ACCESS_LOG` is set.
fn record(entry: &str) {
    use std::io::Write as _;
    static SEEN: std::sync::Mutex<std::collections::BTreeSet<std::string::String>> =
        std::sync::Mutex::new(std::collections::BTreeSet::new());
    let Some(dir) = std::env::var_os("AIPG_VECTORS_ACCESS_LOG") else { return };
    // A test that panicked while holding the lock leaves the set usable.
    let mut seen = SEEN.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if !seen.insert(entry.into()) {
        return;
    }
    let dir = workspace().join(dir);
    std::fs::create_dir_all(&dir)
        .unwrap_or_else(|e| panic!("cannot create {}: {e}", dir.display()));
    let path = dir.join(std::format!("{}-{}.log", env!("CARGO_CRATE_NAME"), std::process::id()));
    // One short write per line on a file opened for appending; the lock keeps the threads of
    // this process in turn.
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .and_then(|mut f| f.write_all(std::format!("{entry}\n").as_bytes()))
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}

/// The real chain data committed in `examples/tests/data/ravencoin_real.json` (provenance in
/// the README beside it).
pub(crate) fn real_chain_data() -> Value {
    let path = workspace().join("examples/tests/data/ravencoin_real.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).expect("valid JSON")
}
