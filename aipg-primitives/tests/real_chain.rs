// SPDX-License-Identifier: MIT
//! Decoding real Ravencoin chain data (`examples/tests/data/ravencoin_real.json`, committed with
//! its provenance in the README beside it): blocks, transactions and headers must decode with
//! their network's parameters, re-encode byte for byte, and give the txids, merkle roots, sizes
//! and weights their sources state.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::cast_possible_truncation
)]

mod common;

use aipg_primitives::block::{Block, BlockHeader, HeaderLayout, genesis_block};
use aipg_primitives::encode::{DecodeWith, Encode, EncodeWith, decode_exact};
use aipg_primitives::network::Network;
use aipg_primitives::transaction::Transaction;
use serde_json::Value;

fn hex_bytes(v: &Value) -> Vec<u8> {
    hex::decode(v.as_str().expect("a hex string")).expect("valid hex")
}

fn network(v: &Value) -> Network {
    v["network"].as_str().unwrap().parse().expect("a known network")
}

#[test]
fn real_blocks() {
    let data = common::real_chain_data();
    let mut checked = 0;
    for b in data["blocks"].as_array().unwrap() {
        let params = network(b).params();
        let t = params;
        let bytes = hex_bytes(&b["hex"]);
        let what = format!("{} {}", b["network"], b["height"]);
        let block = Block::decode_exact_with(&bytes, t).unwrap_or_else(|e| panic!("{what}: {e}"));
        assert_eq!(block.to_bytes_with(t), bytes, "{what}");
        let kawpow = block.header.layout(t.kawpow_activation_time) == HeaderLayout::Kawpow;
        assert_eq!(kawpow, b["algorithm"] == "kawpow", "{what}");
        assert_eq!(block.header.pow_algorithm(params).as_str(), b["algorithm"], "{what}");
        assert_eq!(block.header.block_hash(params).to_string(), b["hash"], "{what}");
        assert_eq!(block.header.merkle_root.to_string(), b["merkle_root"].as_str().unwrap());
        assert_eq!(block.header.prev_blockhash.to_string(), b["prev_hash"].as_str().unwrap());
        let (root, mutated) = block.compute_merkle_root();
        assert_eq!(root, block.header.merkle_root, "{what}");
        assert!(!mutated && block.check_merkle_root());
        assert_eq!(block.txdata.len() as u64, b["tx_count"].as_u64().unwrap());
        let txids: Vec<String> = block.txdata.iter().map(|tx| tx.txid().to_string()).collect();
        let expected: Vec<&str> =
            b["txids"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
        assert_eq!(txids, expected, "{what}");
        assert_eq!(block.total_size(t) as u64, b["size"].as_u64().unwrap(), "{what}");
        if let Some(stripped) = b["stripped_size"].as_u64() {
            assert_eq!(block.stripped_size(t) as u64, stripped, "{what}");
        }
        if let Some(weight) = b["weight"].as_u64() {
            assert_eq!(block.weight(t), weight, "{what}");
        }
        // A block with witness data commits to its witness root.
        if block.txdata.iter().any(Transaction::has_witness) {
            let commitment = block.witness_commitment().expect("a witness commitment");
            let nonce: [u8; 32] =
                block.txdata[0].input[0].witness.get(0).unwrap().try_into().unwrap();
            let root = block.compute_witness_merkle_root();
            assert_eq!(
                aipg_primitives::block::merkle::witness_commitment(&root, &nonce),
                commitment,
                "{what}"
            );
        }
        if b["height"] == 0 {
            assert_eq!(genesis_block(params), block, "genesis of {what}");
        }
        checked += 1;
    }
    eprintln!(
        "real chain: {checked} blocks decode, re-encode and match their ids, txids and roots"
    );
    assert_eq!(checked, data["blocks"].as_array().unwrap().len());
    assert!(checked > 0);
}

#[test]
fn real_transactions() {
    let data = common::real_chain_data();
    let mut checked = 0;
    for t in data["transactions"].as_array().unwrap() {
        let bytes = hex_bytes(&t["hex"]);
        let tx: Transaction = decode_exact(&bytes).unwrap();
        assert_eq!(tx.to_bytes(), bytes);
        assert_eq!(tx.txid().to_string(), t["txid"].as_str().unwrap());
        if let Some(wtxid) = t["wtxid"].as_str() {
            assert_eq!(tx.wtxid().to_string(), wtxid);
        }
        assert_eq!(tx.total_size() as u64, t["size"].as_u64().unwrap());
        if let Some(stripped) = t["stripped_size"].as_u64() {
            assert_eq!(tx.base_size() as u64, stripped);
        }
        checked += 1;
    }
    eprintln!("real chain: {checked} transactions round-trip with their txids");
    assert!(checked > 0);
}

#[test]
fn real_headers() {
    let data = common::real_chain_data();
    let mut checked = 0;
    for h in data["headers"].as_array().unwrap() {
        let params = network(h).params();
        let t = params;
        let bytes = hex_bytes(&h["hex"]);
        let header = BlockHeader::decode_exact_with(&bytes, t).unwrap();
        assert_eq!(header.to_bytes_with(t), bytes);
        assert_eq!(header.pow_algorithm(params).as_str(), h["algorithm"]);
        assert_eq!(header.block_hash(params).to_string(), h["hash"]);
        assert_eq!(header.prev_blockhash.to_string(), h["prev_hash"].as_str().unwrap());
        assert_eq!(header.merkle_root.to_string(), h["merkle_root"].as_str().unwrap());
        assert_eq!(u64::from(header.time), h["time"].as_u64().unwrap());
        assert_eq!(format!("{:08x}", header.bits), h["bits"].as_str().unwrap());
        assert_eq!(i64::from(header.version), h["version"].as_i64().unwrap());
        if let Some(header_hash) = h["header_hash"].as_str() {
            assert_eq!(header.layout(t.kawpow_activation_time), HeaderLayout::Kawpow);
            assert_eq!(header.kawpow_header_hash().to_string(), header_hash);
            assert_eq!(header.mix_hash.to_string(), h["mix_hash"].as_str().unwrap());
            if let Some(height) = h["height"].as_u64() {
                assert_eq!(u64::from(header.height), height);
            }
        } else {
            assert_eq!(header.layout(t.kawpow_activation_time), HeaderLayout::Legacy);
            assert_eq!(u64::from(header.nonce), h["nonce"].as_u64().unwrap());
        }
        checked += 1;
    }
    eprintln!("real chain: {checked} headers round-trip with their block ids");
    assert!(checked > 0);
}
