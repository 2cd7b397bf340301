//! Known-answer checks of the sub-hashes against `sph_vectors.json`.

extern crate std;

use std::{eprintln, fs, path::PathBuf, string::String, vec::Vec};

fn vectors_dir() -> PathBuf {
    match std::env::var_os("AIPG_VECTORS_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/vectors"),
    }
}

fn require_vectors() -> bool {
    std::env::var("AIPG_REQUIRE_VECTORS").is_ok_and(|v| v == "1")
}

/// Checks `f` against every case of `sph_vectors.json` for the digest called `name`.
pub(super) fn check(name: &str, f: fn(&[u8]) -> [u8; 64]) {
    let path = vectors_dir().join("sph_vectors.json");
    let text = match fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            assert!(!require_vectors(), "{}: {e}", path.display());
            eprintln!("{name}: skipped, {} not readable ({e})", path.display());
            return;
        }
    };
    let doc: serde_json::Value = serde_json::from_str(&text).expect("sph_vectors.json is JSON");
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
