// SPDX-License-Identifier: MIT
//! Transaction serialization against the reference's data-driven tests: every transaction in
//! `tx_valid.json`, `tx_invalid.json` and `sighash.json` must decode and re-encode byte for byte.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::cast_possible_truncation
)]

mod common;

use aipg_primitives::encode::{Encode, decode_exact};
use aipg_primitives::transaction::Transaction;
use serde_json::Value;

/// Returns the serialized transactions of a `tx_valid`/`tx_invalid` file: entries of the form
/// `[[prevouts...], "hex", "flags"]`; single-string entries are comments.
fn tx_entries(file: &Value) -> Vec<(usize, Vec<u8>)> {
    file.as_array()
        .expect("a JSON array")
        .iter()
        .enumerate()
        .filter(|(_, e)| e.as_array().is_some_and(|a| a.len() >= 2 && a[0].is_array()))
        .map(|(i, e)| (i, common::hex_bytes(&e[1])))
        .collect()
}

/// Decodes with witness allowed and checks the re-encoding; returns the failures by entry index.
fn round_trip_all(name: &str, entries: &[(usize, Vec<u8>)]) -> (usize, Vec<usize>) {
    let mut ok = 0;
    let mut failures = Vec::new();
    for (index, bytes) in entries {
        match decode_exact::<Transaction>(bytes) {
            Ok(tx) => {
                assert_eq!(tx.to_bytes(), *bytes, "{name} entry {index} re-encodes differently");
                assert_eq!(tx.encoded_len(), bytes.len(), "{name} entry {index}");
                assert_eq!(tx.total_size(), bytes.len(), "{name} entry {index}");
                ok += 1;
            }
            Err(e) => {
                eprintln!("{name} entry {index}: {e}");
                failures.push(*index);
            }
        }
    }
    (ok, failures)
}

#[test]
fn tx_valid_round_trips() {
    let Some(file) = common::load("tx_valid.json") else { return };
    let entries = tx_entries(&file);
    let (ok, failures) = round_trip_all("tx_valid", &entries);
    eprintln!("tx_valid: {ok} of {} cases round-trip", entries.len());
    assert!(failures.is_empty(), "tx_valid entries failed to decode: {failures:?}");
    assert!(ok > 100);
}

#[test]
fn tx_invalid_round_trips() {
    let Some(file) = common::load("tx_invalid.json") else { return };
    let entries = tx_entries(&file);
    let (ok, failures) = round_trip_all("tx_invalid", &entries);
    eprintln!(
        "tx_invalid: {ok} of {} cases round-trip, {} undecodable",
        entries.len(),
        failures.len()
    );
    assert!(failures.is_empty(), "tx_invalid entries failed to decode: {failures:?}");
    assert!(ok > 50);
}

#[test]
fn sighash_transactions_round_trip() {
    let Some(file) = common::load("sighash.json") else { return };
    let mut ok = 0;
    for (index, entry) in file.as_array().expect("a JSON array").iter().enumerate() {
        let Some(fields) = entry.as_array().filter(|a| a.len() == 5) else { continue };
        let bytes = common::hex_bytes(&fields[0]);
        let tx = decode_exact::<Transaction>(&bytes)
            .unwrap_or_else(|e| panic!("sighash entry {index} does not decode: {e}"));
        assert_eq!(tx.to_bytes(), bytes, "sighash entry {index}");
        ok += 1;
    }
    eprintln!("sighash: {ok} transactions round-trip");
    assert_eq!(ok, 500);
}
