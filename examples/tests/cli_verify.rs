//! `aipg header verify` and `aipg headers verify` on real Ravencoin mainnet headers
//! (`tests/data/ravencoin_real.json`): valid headers exit 0, a forged height or a flipped nonce
//! exits 1 with the reject reason.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::cast_possible_truncation
)]

mod common;

use common::aipg;
use serde_json::Value;

/// The mainnet header hex and stated hash at `height`.
fn header(height: u64) -> (String, String) {
    let data: Value =
        serde_json::from_str(aipg_examples::demo::RAVENCOIN_REAL).expect("data file is JSON");
    let h = data["headers"]
        .as_array()
        .expect("headers")
        .iter()
        .find(|h| h["network"] == "rvn-main" && h["height"] == height)
        .expect("height present");
    (h["hex"].as_str().expect("hex").to_owned(), h["hash"].as_str().expect("hash").to_owned())
}

#[test]
fn header_verify_accepts_real_and_rejects_forged() {
    let (hex, hash) = header(4_487_776);
    let (code, v) = aipg(&["--network", "rvn-main", "header", "verify", &hex], None);
    assert_eq!(code, 0, "{v}");
    assert_eq!(v["hash"], hash.as_str());
    assert_eq!(v["algorithm"], "kawpow");
    assert_eq!(v["valid"], true);
    assert_eq!(v["reason"], Value::Null);

    // At another position the height field is wrong (Ravencoin 4.8.0 rule).
    let (code, v) = aipg(
        &["--network", "rvn-main", "header", "verify", "-", "--height", "4487777"],
        Some(&hex),
    );
    assert_eq!(code, 1, "{v}");
    assert_eq!(v["valid"], false);
    assert_eq!(v["reason"], "bad-blk-height");

    // A flipped nonce bit breaks the proof of work.
    let mut bytes = hex::decode(&hex).expect("hex");
    bytes[80] ^= 1;
    let (code, v) = aipg(&["--network", "rvn-main", "header", "verify", &hex::encode(bytes)], None);
    assert_eq!(code, 1, "{v}");
    assert_eq!(v["reason"], "high-hash");
}

#[test]
fn headers_verify_checks_a_run() {
    let run: Vec<String> = (2_976_194..=2_976_202).map(|h| header(h).0).collect();
    let input = run.join("\n") + "\n";
    let (code, v) = aipg(&["--network", "rvn-main", "headers", "verify", "-"], Some(&input));
    assert_eq!(code, 0, "{v}");
    assert_eq!(v["summary"]["count"], 9);
    assert_eq!(v["summary"]["valid"], 9);
    assert!(v["summary"]["headers_per_second"].as_f64().expect("rate") > 0.0);
    assert_eq!(v["results"][0]["height"], 2_976_194);
    assert_eq!(v["results"][8]["hash"], header(2_976_202).1.as_str());

    // Out of order: the link to the previous header breaks.
    let mut swapped = run.clone();
    swapped.swap(3, 4);
    let input = swapped.join("\n");
    let (code, v) = aipg(
        &["--network", "rvn-main", "headers", "verify", "-", "--height", "2976194"],
        Some(&input),
    );
    assert_eq!(code, 1, "{v}");
    assert_eq!(v["results"][2]["valid"], true);
    // Below Ravencoin's binding height the height field is not compared, only the link.
    assert_eq!(v["results"][3]["reason"], "prev-blk-not-found");
    assert!(v["summary"]["invalid"].as_u64().expect("count") >= 2);
}

/// A header claiming a height in the last KAWPOW epoch (a 4 GiB light cache), with a made-up mix
/// ground to meet AIPG main's limit: the tool rejects it without building that epoch, with or
/// without `--height`.
#[test]
fn header_verify_never_builds_a_claimed_epoch() {
    use aipg_consensus::header::PreparedHeader;
    use aipg_consensus::pow::kawpow::{EPOCH_LENGTH, MAX_EPOCH};
    use aipg_primitives::block::BlockHeader;
    use aipg_primitives::hash::MixHash;
    use aipg_primitives::network::AIPG_MAIN;

    let mut h = BlockHeader {
        version: 0x3000_0000,
        time: 1_750_000_000,
        bits: AIPG_MAIN.pow_limit_bits,
        height: MAX_EPOCH * EPOCH_LENGTH,
        mix_hash: MixHash::from_byte_array([0x5a; 32]),
        ..BlockHeader::default()
    };
    while !PreparedHeader::new(&h, &AIPG_MAIN).meets_target() {
        h.nonce64 += 1;
    }
    let hex = hex::encode(h.to_kawpow_bytes());
    let (code, v) = aipg(&["header", "verify", &hex], None);
    assert_eq!(code, 1, "{v}");
    assert_eq!(v["reason"], "invalid-mix-hash");
    let (code, v) = aipg(&["header", "verify", &hex, "--height", "1000"], None);
    assert_eq!(code, 1, "{v}");
    assert_eq!(v["reason"], "bad-blk-height");
    let (code, v) = aipg(&["headers", "verify", "-"], Some(&hex));
    assert_eq!(code, 1, "{v}");
    assert_eq!(v["results"][0]["reason"], "invalid-mix-hash");
    assert_eq!(v["summary"]["epoch_context_seconds"].as_f64().map(|s| s < 1.0), Some(true));
}
