// SPDX-License-Identifier: MIT
//! `SetCompact` / `GetCompact` against the reference's outputs (`compact_vectors.json`) and the
//! compact examples of `pow_vectors.json`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::cast_possible_truncation
)]

mod common;

use aipg_primitives::units::{CompactTarget, U256};
use common::load as load_json;

fn str_field<'a>(v: &'a serde_json::Value, key: &str) -> &'a str {
    v[key].as_str().unwrap_or_else(|| panic!("field {key} missing or not a string in {v}"))
}

fn bool_field(v: &serde_json::Value, key: &str) -> bool {
    v[key].as_bool().unwrap_or_else(|| panic!("field {key} missing or not a bool in {v}"))
}

fn bits(v: &serde_json::Value, key: &str) -> CompactTarget {
    CompactTarget::from_consensus(u32::from_str_radix(str_field(v, key), 16).unwrap())
}

fn value(v: &serde_json::Value, key: &str) -> U256 {
    U256::from_be_hex(str_field(v, key)).unwrap()
}

#[test]
fn compact_vectors() {
    let Some(doc) = load_json("compact_vectors.json") else { return };
    let cases = doc["cases"].as_array().expect("cases array");
    let (mut set, mut get) = (0usize, 0usize);
    for case in cases {
        match str_field(case, "direction") {
            "SetCompact" => {
                let c = bits(case, "nBits_hex");
                let e = c.expand();
                assert_eq!(e.value, value(case, "target_hex"), "value of {c}");
                assert_eq!(e.negative, bool_field(case, "fNegative"), "negative flag of {c}");
                assert_eq!(e.overflow, bool_field(case, "fOverflow"), "overflow flag of {c}");
                assert_eq!(e.value.to_compact(), bits(case, "GetCompact_of_target_hex"), "{c}");
                // The round trip that carries the decoded sign flag back: GetCompact(fNegative).
                assert_eq!(
                    e.value.to_compact_with_sign(e.negative),
                    bits(case, "GetCompact_of_target_with_fNegative_hex"),
                    "{c}"
                );
                set += 1;
            }
            "GetCompact" => {
                let v = value(case, "target_hex");
                let c = v.to_compact();
                assert_eq!(c, bits(case, "GetCompact_hex"), "GetCompact of {v}");
                assert_eq!(
                    v.to_compact_with_sign(true),
                    bits(case, "GetCompact_negative_true_hex"),
                    "GetCompact(true) of {v}"
                );
                assert_eq!(c.expand().value, value(case, "SetCompact_of_result_target_hex"));
                get += 1;
            }
            other => panic!("unknown direction {other}"),
        }
    }
    eprintln!("compact_vectors: {set} SetCompact and {get} GetCompact cases match");
    assert_eq!(set + get, cases.len());
    assert!(set > 0 && get > 0);
}

#[test]
fn pow_vectors_compact_examples() {
    let Some(doc) = load_json("pow_vectors.json") else { return };
    let cases = doc["compact"].as_array().expect("compact array");
    for case in cases {
        let c = bits(case, "compact");
        let target = value(case, "target_hex");
        if let Some(re) = case.get("re_encoded") {
            // A decoding example: nBits → target and flags → canonical nBits.
            let e = c.expand();
            assert_eq!(e.value, target, "{c}");
            assert_eq!(e.negative, bool_field(case, "negative"), "{c}");
            assert_eq!(e.overflow, bool_field(case, "overflow"), "{c}");
            let re = u32::from_str_radix(re.as_str().unwrap(), 16).unwrap();
            assert_eq!(e.value.to_compact().to_consensus(), re, "{c}");
        } else {
            // An encoding example: a network limit → its compact form.
            assert_eq!(target.to_compact(), c, "{target}");
        }
    }
    eprintln!("pow_vectors compact: {} cases match", cases.len());
    assert!(!cases.is_empty());
}
