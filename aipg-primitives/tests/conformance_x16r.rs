//! X16R / X16RV2 conformance against the reference's frozen outputs.
//!
//! - `sph_vectors.json`: each of the sixteen sub-hashes, Tiger, and the three X16RV2 Tiger
//!   composites on 23 inputs;
//! - `x16r_vectors.json`: X16R and X16RV2 of 40 headers, with their algorithm order;
//! - `genesis.json`: the main, test and regtest genesis block ids.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::cast_possible_truncation
)]

mod common;

use aipg_primitives::hash::x16r::{Algorithm, algorithm_order, tiger, x16r, x16rv2};
use common::load;
use serde_json::Value;

fn bytes(v: &Value) -> Vec<u8> {
    hex::decode(v.as_str().expect("hex string")).expect("valid hex")
}

fn header80(v: &Value) -> [u8; 80] {
    bytes(v).try_into().expect("an 80-byte header")
}

#[test]
fn sph_sub_hashes() {
    let Some(file) = load("sph_vectors.json") else { return };
    let cases = file["cases"].as_array().expect("cases");
    assert_eq!(cases.len(), 23);

    // The file's own tables: the index of each sub-hash and the size of each output.
    let order = file["algorithm_index_order"].as_object().expect("algorithm_index_order");
    assert_eq!(order.len(), Algorithm::ALL.len());
    for (index, name) in order {
        let algo = Algorithm::from_index(index.parse().expect("an index")).expect("a sub-hash");
        assert_eq!(algo.name(), name.as_str().expect("a name"), "index {index}");
    }
    let sizes = file["output_sizes_bytes"].as_object().expect("output_sizes_bytes");
    for algo in Algorithm::ALL {
        assert_eq!(sizes[algo.name()].as_u64(), Some(algo.hash(b"").len() as u64), "{algo:?}");
    }
    assert_eq!(sizes["tiger192"].as_u64(), Some(tiger(b"").len() as u64));

    let mut functions = 0;
    for algo in Algorithm::ALL {
        let name = algo.name();
        let mut checked = 0;
        for case in cases {
            let input = bytes(&case["input_hex"]);
            assert_eq!(input.len() as u64, case["input_len"].as_u64().unwrap());
            let expected = bytes(&case["digests"][name]);
            assert_eq!(
                hex::encode(algo.hash(&input)),
                hex::encode(&expected),
                "{name} on {}",
                case["name"]
            );
            checked += 1;
        }
        eprintln!("{name}: {checked} cases");
        assert_eq!(checked, cases.len());
        functions += 1;
    }

    let mut checked = 0;
    for case in cases {
        let input = bytes(&case["input_hex"]);
        assert_eq!(hex::encode(tiger(&input)), case["tiger192"].as_str().unwrap());
        let composites = case["x16rv2_composites"].as_object().expect("composites");
        for (label, algo) in [
            ("tiger_then_keccak512 (algo 4 in X16RV2)", Algorithm::Keccak),
            ("tiger_then_luffa512 (algo 6 in X16RV2)", Algorithm::Luffa),
            ("tiger_then_sha512 (algo 15 in X16RV2)", Algorithm::Sha512),
        ] {
            let expected = composites[label].as_str().expect("composite present");
            assert_eq!(hex::encode(algo.hash_v2(&input)), expected, "{label}");
        }
        checked += 1;
    }
    eprintln!("tiger192 and x16rv2 composites: {checked} cases");
    assert_eq!(checked, cases.len());
    functions += 1;

    eprintln!("sph functions checked: {functions} of 17 (16 sub-hashes and tiger)");
    assert_eq!(functions, 17);
}

#[test]
fn x16r_headers() {
    let Some(file) = load("x16r_vectors.json") else { return };
    let cases = file["cases"].as_array().expect("cases");
    assert_eq!(cases.len(), 40);
    let names: Vec<&str> = file["algo_names"]
        .as_array()
        .expect("algo_names")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let ours: Vec<&str> = Algorithm::ALL.iter().map(|a| a.name()).collect();
    assert_eq!(names, ours, "sub-hashes in index order");

    let mut checked = 0;
    for case in cases {
        let header = header80(&case["header_hex"]);
        let mut prev = [0u8; 32];
        prev.copy_from_slice(&header[4..36]);
        let order = algorithm_order(&prev);
        let expected_order: Vec<u64> =
            case["algo_order"].as_array().unwrap().iter().map(|v| v.as_u64().unwrap()).collect();
        let got: Vec<u64> = order.iter().map(|a| u64::from(a.index())).collect();
        assert_eq!(got, expected_order, "order of {}", case["name"]);
        for (algo, name) in order.iter().zip(case["algo_order_names"].as_array().unwrap()) {
            assert_eq!(algo.name(), name.as_str().unwrap());
        }

        let v1 = x16r(&header);
        let v2 = x16rv2(&header);
        assert_eq!(
            v1.to_string(),
            case["x16r_hash_display_hex"].as_str().unwrap(),
            "{}",
            case["name"]
        );
        assert_eq!(hex::encode(v1.to_byte_array()), case["x16r_hash_raw_le_hex"].as_str().unwrap());
        assert_eq!(
            v2.to_string(),
            case["x16rv2_hash_display_hex"].as_str().unwrap(),
            "{}",
            case["name"]
        );
        assert_eq!(
            hex::encode(v2.to_byte_array()),
            case["x16rv2_hash_raw_le_hex"].as_str().unwrap()
        );
        checked += 1;
    }
    eprintln!("x16r/x16rv2 headers: {checked} cases");
    assert_eq!(checked, 40);
}

#[test]
fn genesis_block_ids() {
    let Some(file) = load("genesis.json") else { return };
    let mut checked = 0;
    for network in ["main", "test", "regtest", "regtest_as_asserted"] {
        let g = &file[network];
        let header = header80(&g["header_80_bytes_hex"]);
        let computed = g["block_hash_computed"].as_str().expect("computed hash");
        // The reference labels main and regtest X16R and test X16RV2; with a zero previous-block
        // hash they coincide.
        assert_eq!(x16r(&header).to_string(), computed, "{network} genesis (x16r)");
        assert_eq!(x16rv2(&header).to_string(), computed, "{network} genesis (x16rv2)");
        if g["block_hash_matches"].as_bool() == Some(true) {
            let asserted = g["block_hash_asserted_in_chainparams"].as_str().unwrap();
            assert_eq!(x16r(&header).to_string(), asserted, "{network} asserted genesis");
        }
        checked += 1;
    }
    eprintln!("genesis: {checked} networks");
    assert_eq!(checked, 4);
}

/// The genesis block built from each network's parameters hashes to the network's genesis id
/// (no vector files needed: the expected ids are the reference's chainparams asserts).
#[test]
fn genesis_blocks_from_params() {
    let mut checked = 0;
    for network in aipg_primitives::Network::ALL {
        let params = network.params();
        let block = aipg_primitives::genesis_block(params);
        let header = block.header.to_legacy_bytes();
        assert_eq!(x16r(&header).to_string(), params.genesis_hash, "{}", network.as_str());
        assert_eq!(x16rv2(&header).to_string(), params.genesis_hash, "{}", network.as_str());
        checked += 1;
    }
    eprintln!("genesis from params: {checked} networks");
    assert!(checked > 0);
}
