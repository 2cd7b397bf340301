// SPDX-License-Identifier: MIT
//! KAWPOW light verification of headers mined on the real Ravencoin networks (same KAWPOW as
//! AIPG), from the project's committed chain data (`examples/tests/data/ravencoin_real.json`).
//! Their mix hashes come from the chain, so this checks the ProgPoW loop and the epoch data at
//! epochs far beyond the reference vectors.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    missing_docs,
    clippy::panic,
    clippy::cast_possible_truncation
)]

use aipg_consensus::pow::kawpow::{self, EpochContext, HeaderPow, PowError, epoch_number};
use aipg_primitives::CompactTarget;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::PathBuf;

fn real_chain() -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../examples/tests/data/ravencoin_real.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (committed chain data)", path.display()));
    serde_json::from_str(&text).expect("chain data is valid JSON")
}

#[test]
fn real_kawpow_headers_verify() {
    let data = real_chain();
    // Headers whose mix hash is stated by the chain (not recomputed), grouped by epoch so each
    // context is built once.
    let mut by_epoch: BTreeMap<u32, Vec<&Value>> = BTreeMap::new();
    for h in data["headers"].as_array().unwrap() {
        if h["algorithm"] != "kawpow" || h["note"].as_str().unwrap().contains("computed here") {
            continue;
        }
        let height = u32::try_from(h["height"].as_u64().unwrap()).unwrap();
        by_epoch.entry(epoch_number(height)).or_default().push(h);
    }
    let mut checked = 0;
    for (epoch, headers) in &by_epoch {
        let ctx = EpochContext::new(*epoch).unwrap();
        for h in headers {
            let bytes: [u8; 120] =
                hex::decode(h["hex"].as_str().unwrap()).unwrap().try_into().unwrap();
            let bits = u32::from_str_radix(h["bits"].as_str().unwrap(), 16).unwrap();
            let target = CompactTarget::from_consensus(bits).to_target().unwrap();
            let target = target.to_u256().to_be_bytes();
            let id = kawpow::verify_header(&ctx, &bytes, &target).unwrap();
            assert_eq!(id.to_string(), h["hash"].as_str().unwrap(), "height {}", h["height"]);

            let pow = HeaderPow::from_header_bytes(&bytes);
            assert_eq!(u64::from(pow.height()), h["height"].as_u64().unwrap());
            let mut nonce_flipped = bytes;
            nonce_flipped[80] ^= 1;
            assert!(matches!(
                kawpow::verify_header(&ctx, &nonce_flipped, &[0xff; 32]),
                Err(PowError::MixMismatch { .. })
            ));
            checked += 1;
        }
    }
    eprintln!("real KAWPOW headers: {checked} verified over epochs {:?}", by_epoch.keys());
    assert!(checked > 0);
}
