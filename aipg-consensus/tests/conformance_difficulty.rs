// SPDX-License-Identifier: MIT
//! Difficulty conformance: `dgw_vectors.json` (`GetNextWorkRequired` of the compiled reference
//! over 33 synthetic chains) and `pow_vectors.json` (the reference's legacy-retarget unit tests
//! and DGW examples derived from the specification).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::cast_possible_truncation
)]

mod common;

use aipg_consensus::pow::difficulty::{
    HeaderInfo, calculate_next_work_required, kawpow_limit, next_work_required, pow_limit,
};
use aipg_primitives::network::{AIPG_MAIN, AIPG_REGTEST, AIPG_TEST, NetworkParams};
use aipg_primitives::units::{CompactTarget, U256};
use common::{Vectors, hex_u32, load, str_field, u64_field};
use serde_json::Value;

fn params_for(name: &str) -> &'static NetworkParams {
    match name {
        "main" => &AIPG_MAIN,
        "test" => &AIPG_TEST,
        "regtest" => &AIPG_REGTEST,
        other => panic!("unknown network {other}"),
    }
}

fn bits(s: &str) -> CompactTarget {
    CompactTarget::from_consensus(hex_u32(s))
}

fn u32_field(v: &Value, key: &str) -> u32 {
    u32::try_from(u64_field(v, key)).unwrap()
}

/// The vector file's own parameter table must describe the networks we use.
fn check_network_params(doc: &Vectors) -> usize {
    let table = doc["network_params"].as_object().expect("network_params");
    for (name, p) in table {
        let ours = params_for(name);
        assert_eq!(pow_limit(ours), U256::from_be_hex(str_field(p, "powLimit")).unwrap(), "{name}");
        assert_eq!(
            kawpow_limit(ours),
            U256::from_be_hex(str_field(p, "kawpowLimit")).unwrap(),
            "{name}"
        );
        assert_eq!(ours.pow_target_spacing, u32_field(p, "spacing"), "{name}");
        assert_eq!(ours.pow_target_timespan, u32_field(p, "timespan"), "{name}");
        assert_eq!(ours.allow_min_difficulty_blocks, u64_field(p, "allowMin") == 1, "{name}");
        assert_eq!(ours.no_retargeting, u64_field(p, "noRetarget") == 1, "{name}");
        assert_eq!(ours.dgw_activation_height, u32_field(p, "dgw_activation"), "{name}");
        assert_eq!(ours.kawpow_activation_time, u32_field(p, "kawpow_activation"), "{name}");
    }
    table.len()
}

#[test]
fn dgw_vectors() {
    let Some(doc) = load("dgw_vectors.json") else { return };
    let networks = check_network_params(&doc);
    let cases = doc["cases"].as_array().expect("cases");
    let mut checked = 0usize;
    for case in cases {
        let name = str_field(case, "name");
        let params = params_for(str_field(case, "network"));
        let chain: Vec<HeaderInfo> = case["chain_oldest_first"]
            .as_array()
            .expect("chain")
            .iter()
            .map(|t| {
                let t = t.as_array().expect("triple");
                HeaderInfo::new(
                    u32::try_from(t[0].as_u64().unwrap()).unwrap(),
                    u32::try_from(t[1].as_u64().unwrap()).unwrap(),
                    bits(t[2].as_str().unwrap()),
                )
            })
            .collect();
        let tip = *chain.last().expect("non-empty chain");
        assert_eq!(tip.height, u32_field(case, "pindexLast_height"), "{name}");
        let got =
            next_work_required(params, chain.as_slice(), &tip, u32_field(case, "new_block_nTime"))
                .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(got, bits(str_field(case, "expected_next_nBits_hex")), "{name}");
        checked += 1;
    }
    eprintln!(
        "dgw_vectors: {checked} chains match the reference ({networks} network parameter sets agree)"
    );
    assert_eq!(checked, cases.len());
    assert!(checked > 0);
}

#[test]
fn legacy_retarget_reference_tests() {
    let Some(doc) = load("pow_vectors.json") else { return };
    let cases = doc["legacy_retarget"].as_array().expect("legacy_retarget");
    for case in cases {
        let got = calculate_next_work_required(
            &AIPG_MAIN,
            u32_field(case, "last_time"),
            bits(str_field(case, "last_bits")),
            u32_field(case, "first_block_time"),
        );
        assert_eq!(got, bits(str_field(case, "expected_bits")), "{}", case["note"]);
    }
    eprintln!("pow_vectors legacy_retarget: {} cases match", cases.len());
    assert!(!cases.is_empty());
}

/// DGW examples computed from the specification (not reference output), including the
/// wrap-around of the 256-bit product at AIPG's `powLimit`.
#[test]
fn derived_dgw_examples() {
    let Some(doc) = load("pow_vectors.json") else { return };
    let cases = doc["dgw"].as_array().expect("dgw");
    for case in cases {
        let params = params_for(str_field(case, "network"));
        let prev_height = u32_field(case, "prev_height");
        let expected = bits(str_field(case, "result_bits"));
        let lowest = prev_height - 179;
        let (chain, new_time): (Vec<HeaderInfo>, u32) = match case.get("spacing") {
            Some(_) => {
                let spacing = u32_field(case, "spacing");
                let b = bits(str_field(case, "all_bits"));
                let chain = (lowest..=prev_height)
                    .map(|h| HeaderInfo::new(h, 1_700_000_000 + h * spacing, b))
                    .collect();
                (chain, 1_700_000_000 + (prev_height + 1) * spacing)
            }
            None => {
                // The transition example: 180 pre-KAWPOW headers, new header at activation.
                let t = params.kawpow_activation_time;
                let chain = (lowest..=prev_height)
                    .map(|h| HeaderInfo::new(h, t - (prev_height + 1 - h) * 60, expected))
                    .collect();
                (chain, t)
            }
        };
        let tip = *chain.last().unwrap();
        let got = next_work_required(params, chain.as_slice(), &tip, new_time).unwrap();
        assert_eq!(got, expected, "{}", case["description"]);
    }
    eprintln!("pow_vectors dgw (derived): {} cases match", cases.len());
    assert!(!cases.is_empty());
}
