// SPDX-License-Identifier: MIT
//! The legacy signature hash against the reference's `sighash.json`: every case must give the
//! expected hash.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss
)]

mod common;

use aipg_primitives::encode::decode_exact;
use aipg_primitives::hash::parse_display_hex;
use aipg_primitives::script::Script;
use aipg_primitives::transaction::{SighashType, Transaction, legacy_sighash};

/// Entries are `[raw tx hex, script hex, input index, hash type (signed), expected sighash hex
/// (display order)]`; the first entry, a one-element array, is a comment.
#[test]
fn sighash_json_all_cases() {
    let Some(file) = common::load("sighash.json") else { return };
    let mut checked = 0;
    let mut comments = 0;
    for (index, entry) in file.as_array().expect("a JSON array").iter().enumerate() {
        let fields = entry.as_array().expect("an array entry");
        if fields.len() == 1 {
            comments += 1;
            continue;
        }
        assert_eq!(fields.len(), 5, "sighash entry {index} has {} fields", fields.len());
        let tx: Transaction = decode_exact(&common::hex_bytes(&fields[0]))
            .unwrap_or_else(|e| panic!("sighash entry {index} does not decode: {e}"));
        let script = common::hex_bytes(&fields[1]);
        let input_index = usize::try_from(fields[2].as_u64().expect("an input index")).unwrap();
        let hash_type = i32::try_from(fields[3].as_i64().expect("a hash type")).unwrap();
        let expected = parse_display_hex(fields[4].as_str().expect("a hash")).unwrap();
        let got = legacy_sighash(
            &tx,
            input_index,
            Script::new(&script),
            SighashType::from_consensus(hash_type as u32),
        );
        assert_eq!(
            got.to_byte_array(),
            expected,
            "sighash entry {index}: got {got}, expected {}",
            fields[4]
        );
        checked += 1;
    }
    eprintln!("sighash.json: {checked} cases checked ({comments} comment rows)");
    assert_eq!(checked, 500);
}
