// SPDX-License-Identifier: MIT
//! Genesis blocks and header layouts against the reference's frozen outputs:
//!
//! - `genesis.json`: the AIPG main, test and regtest genesis blocks byte for byte (coinbase,
//!   txid, merkle root, 80-byte header, whole block), regtest both as coded (500 AIPG) and as
//!   asserted (5000 AIPG);
//! - `kawpow_vectors_generated.json` (`block_header_to_kawpow`) and `kawpow_vectors.json`
//!   (`derived_aipg_header_examples`): 120-byte headers, their KAWPOW input and header hash.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::cast_possible_truncation
)]

mod common;

use aipg_primitives::block::{Block, BlockHeader, HeaderLayout, genesis_block};
use aipg_primitives::encode::{DecodeWith, Encode, EncodeWith};
use aipg_primitives::network::{AIPG_MAIN, AIPG_REGTEST, AIPG_TEST, COIN, NetworkParams};
use aipg_primitives::transaction::Transaction;
use serde_json::Value;

fn check_genesis(name: &str, case: &Value, params: &NetworkParams) {
    let block = genesis_block(params);
    let t = params;
    assert_eq!(block.header.version, case["nVersion"].as_i64().unwrap() as i32, "{name}");
    assert_eq!(u64::from(block.header.time), case["nTime"].as_u64().unwrap(), "{name}");
    assert_eq!(u64::from(block.header.nonce), case["nNonce"].as_u64().unwrap(), "{name}");
    assert_eq!(format!("{:08x}", block.header.bits), case["nBits"].as_str().unwrap(), "{name}");
    assert_eq!(block.txdata[0].output[0].value, case["reward_satoshis"].as_i64().unwrap());

    let coinbase = &block.txdata[0];
    assert_eq!(coinbase.to_bytes(), common::hex_bytes(&case["coinbase_tx_hex"]), "{name}");
    assert_eq!(
        coinbase.input[0].script_sig.as_bytes(),
        common::hex_bytes(&case["coinbase_scriptSig_hex"]),
        "{name}"
    );
    assert_eq!(coinbase.txid().to_string(), case["coinbase_txid"].as_str().unwrap(), "{name}");
    assert_eq!(
        block.header.merkle_root.to_string(),
        case["merkle_root_computed"].as_str().unwrap(),
        "{name}"
    );
    assert_eq!(
        block.header.to_legacy_bytes().to_vec(),
        common::hex_bytes(&case["header_80_bytes_hex"]),
        "{name}"
    );
    let block_bytes = common::hex_bytes(&case["block_hex"]);
    assert_eq!(block.to_bytes_with(t), block_bytes, "{name}");
    assert_eq!(Block::decode_exact_with(&block_bytes, t).as_ref(), Ok(&block), "{name}");
    let coinbase_bytes = common::hex_bytes(&case["coinbase_tx_hex"]);
    let decoded: Transaction = aipg_primitives::decode_exact(&coinbase_bytes).unwrap();
    assert_eq!(&decoded, coinbase);
}

#[test]
fn aipg_genesis_blocks() {
    let Some(file) = common::load("genesis.json") else { return };
    check_genesis("main", &file["main"], &AIPG_MAIN);
    check_genesis("test", &file["test"], &AIPG_TEST);
    check_genesis("regtest_as_asserted", &file["regtest_as_asserted"], &AIPG_REGTEST);
    // The parameters record the asserted hashes for every network.
    assert_eq!(AIPG_MAIN.genesis_hash, file["main"]["block_hash_asserted_in_chainparams"]);
    assert_eq!(AIPG_TEST.genesis_hash, file["test"]["block_hash_asserted_in_chainparams"]);
    assert_eq!(
        AIPG_REGTEST.genesis_hash,
        file["regtest_as_asserted"]["block_hash_asserted_in_chainparams"]
    );
    // The regtest genesis as the reference code builds it (500 AIPG).
    let coded = NetworkParams { genesis_reward: 500 * COIN, ..AIPG_REGTEST };
    check_genesis("regtest", &file["regtest"], &coded);
    // The construction notes: the coinbase pushes the timestamp text and pays to the pubkey.
    let construction = &file["construction"];
    let coinbase = &genesis_block(&AIPG_MAIN).txdata[0];
    let text = construction["timestamp_text"].as_str().unwrap().as_bytes();
    let script_sig = coinbase.input[0].script_sig.as_bytes();
    assert!(script_sig.ends_with(text), "the scriptSig ends with the timestamp text");
    let pubkey = common::hex_bytes(&construction["genesis_pubkey"]);
    let script_pubkey = coinbase.output[0].script_pubkey.as_bytes();
    assert_eq!(script_pubkey.get(1..66), Some(pubkey.as_slice()), "<pubkey> OP_CHECKSIG");
    eprintln!("genesis: 4 AIPG genesis blocks match byte for byte");
}

fn hex_u32(v: &Value) -> u32 {
    u32::from_str_radix(v.as_str().unwrap(), 16).unwrap()
}

#[test]
fn kawpow_header_examples() {
    let Some(file) = common::load("kawpow_vectors_generated.json") else { return };
    let t = &AIPG_MAIN;
    let mut checked = 0;
    for ex in file["block_header_to_kawpow"]["examples"].as_array().unwrap() {
        let f = &ex["fields"];
        let bytes = common::hex_bytes(&ex["header_120_hex"]);
        let h = BlockHeader::decode_exact_with(&bytes, t).unwrap();
        assert_eq!(h.layout(t.kawpow_activation_time), HeaderLayout::Kawpow);
        assert_eq!(h.version as u32, hex_u32(&f["nVersion_hex"]));
        assert_eq!(h.prev_blockhash.to_string(), f["hashPrevBlock_display_hex"].as_str().unwrap());
        assert_eq!(h.merkle_root.to_string(), f["hashMerkleRoot_display_hex"].as_str().unwrap());
        assert_eq!(u64::from(h.time), f["nTime"].as_u64().unwrap());
        assert_eq!(h.bits.to_consensus(), hex_u32(&f["nBits_hex"]));
        assert_eq!(u64::from(h.height), f["nHeight"].as_u64().unwrap());
        assert_eq!(h.nonce64.to_string(), f["nNonce64_decimal"].as_str().unwrap());
        assert_eq!(h.mix_hash.to_string(), f["mix_hash_display_hex"].as_str().unwrap());
        assert_eq!(h.to_bytes_with(t), bytes);
        assert_eq!(h.kawpow_input_bytes().to_vec(), common::hex_bytes(&ex["kawpow_input_80_hex"]));
        assert_eq!(
            hex::encode(h.kawpow_header_hash().to_byte_array()),
            ex["sha256d_of_kawpow_input_raw_hex"].as_str().unwrap()
        );
        assert_eq!(hex::encode(h.kawpow_progpow_header()), ex["header_hash_hex"].as_str().unwrap());
        let zero_mix = BlockHeader { mix_hash: Default::default(), ..h };
        assert_eq!(
            zero_mix.to_bytes_with(t),
            common::hex_bytes(&ex["header_120_hex_with_zero_mix"])
        );
        checked += 1;
    }

    let Some(file) = common::load("kawpow_vectors.json") else { return };
    for ex in file["derived_aipg_header_examples"].as_array().unwrap() {
        let bytes = common::hex_bytes(&ex["serialized_header_120_bytes_hex"]);
        let h = BlockHeader::decode_exact_with(&bytes, t).unwrap();
        assert_eq!(i64::from(h.version), ex["nVersion"].as_i64().unwrap());
        assert_eq!(u64::from(h.height), ex["nHeight"].as_u64().unwrap());
        assert_eq!(format!("{:016x}", h.nonce64), ex["nNonce64"].as_str().unwrap());
        assert_eq!(h.to_bytes_with(t), bytes);
        assert_eq!(
            h.kawpow_input_bytes().to_vec(),
            common::hex_bytes(&ex["kawpow_input_80_bytes_hex"])
        );
        assert_eq!(
            hex::encode(h.kawpow_header_hash().to_byte_array()),
            ex["sha256d_of_input_raw_hex"].as_str().unwrap()
        );
        assert_eq!(
            hex::encode(h.kawpow_progpow_header()),
            ex["header_hash_ethash_order_hex"].as_str().unwrap()
        );
        checked += 1;
    }
    eprintln!("kawpow headers: {checked} 120-byte headers decode, re-encode and hash as expected");
    assert!(checked >= 6);
}
