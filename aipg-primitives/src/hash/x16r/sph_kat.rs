//! Known-answer checks of the sub-hashes against `sph_vectors.json`, read through the workspace's
//! shared vector loader (`test-support/vectors.rs`).

use std::{eprintln, string::String, vec::Vec};

#[path = "../../../../test-support/vectors.rs"]
mod vectors;

/// Checks `f` against every case of `sph_vectors.json` for the digest called `name`.
pub(super) fn check(name: &str, f: fn(&[u8]) -> [u8; 64]) {
    let Some(doc) = vectors::load("sph_vectors.json") else { return };
    let cases = doc["cases"].as_array().expect("cases array");
    let mut checked = 0usize;
    for case in cases {
        let case_name = case["name"].as_str().unwrap_or("?");
        let input: Vec<u8> =
            hex::decode(case["input_hex"].as_str().expect("input_hex")).expect("input hex");
        let want = case["digests"][name].as_str().expect("digest present");
        let got: String = hex::encode(f(&input));
        assert_eq!(got, want, "{name} case {case_name} (len {})", input.len());
        checked += 1;
    }
    eprintln!("{name}: {checked} sph cases match");
    assert!(checked > 0);
}
