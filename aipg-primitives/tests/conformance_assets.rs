// SPDX-License-Identifier: MIT
//! Asset-name validation and kinds against `assets_names.json` (the reference's
//! `name_validation_tests` plus cases derived from the spec's grammar).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::cast_possible_truncation
)]

mod common;

use aipg_primitives::asset::{AssetName, is_owner_name};
use common::load;

#[test]
fn asset_names() {
    let Some(doc) = load("assets_names.json") else { return };
    let mut n = 0;
    for case in doc["cases"].as_array().expect("cases") {
        let name = case["name"].as_str().unwrap();
        let valid = case["valid"].as_bool().unwrap();
        let kind = case["type"].as_str().unwrap();
        match AssetName::new(name) {
            Ok(parsed) => {
                assert!(valid, "{name:?} accepted as {} but is invalid", parsed.kind());
                assert_eq!(parsed.kind().as_str(), kind, "{name:?}");
            }
            Err(e) => {
                assert!(!valid, "{name:?} rejected ({e}) but is a valid {kind}");
                assert_eq!(kind, "INVALID");
            }
        }
        if case["check"].as_str() == Some("is_owner_name") {
            assert_eq!(is_owner_name(name), case["is_owner"].as_bool().unwrap(), "{name:?}");
        }
        n += 1;
    }
    eprintln!("assets_names: {n} cases");
    assert!(n > 0);
}
