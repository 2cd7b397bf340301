// SPDX-License-Identifier: MIT
//! The script notation of the reference's data files: every scriptSig and scriptPubKey of
//! `script_tests.json` and every prevout script of `tx_valid.json` / `tx_invalid.json` parses
//! (`ParseScript`), and the parsed scripts never make the instruction iterator, asm renderer or
//! solver misbehave.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::cast_possible_truncation
)]

mod common;

use aipg_primitives::ScriptBuf;
use common::load;

fn check(asm: &str) {
    let script = ScriptBuf::from_asm(asm).unwrap_or_else(|e| panic!("{asm:?}: {e}"));
    let s = script.as_script();
    let rendered = s.to_asm();
    // A script that parses into whole instructions renders without `[error]`.
    let clean = s.instructions().all(|i| i.is_ok());
    assert_eq!(rendered.contains("[error]"), !clean, "{asm:?} -> {rendered:?}");
    let _ = s.solve().destinations();
}

#[test]
fn script_tests_asm() {
    let Some(doc) = load("script_tests.json") else { return };
    let mut n = 0;
    for case in doc.as_array().expect("array") {
        let case = case.as_array().expect("entry array");
        if case.len() < 4 {
            continue; // a comment
        }
        // An optional leading witness array shifts the fields by one.
        let off = usize::from(case[0].is_array());
        check(case[off].as_str().unwrap());
        check(case[off + 1].as_str().unwrap());
        n += 1;
    }
    eprintln!("script_tests: {n} cases' scripts parse");
    assert!(n > 0);
}

#[test]
fn tx_vector_prevout_asm() {
    let mut n = 0;
    for file in ["tx_valid.json", "tx_invalid.json"] {
        let Some(doc) = load(file) else { return };
        for case in doc.as_array().expect("array") {
            let case = case.as_array().expect("entry array");
            let Some(prevouts) = case.first().and_then(|p| p.as_array()) else { continue };
            for prevout in prevouts {
                check(prevout[2].as_str().unwrap());
                n += 1;
            }
        }
    }
    eprintln!("tx_valid/tx_invalid: {n} prevout scripts parse");
    assert!(n > 0);
}
