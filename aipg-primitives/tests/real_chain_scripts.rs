// SPDX-License-Identifier: MIT
//! Scripts, asset payloads and addresses of real Ravencoin chain data
//! (`examples/tests/data/ravencoin_real.json`, provenance in the README beside it): every asset
//! output decodes to the fields its source states and re-serializes byte for byte, and every
//! output script of the committed blocks classifies, renders and maps to an address without
//! error.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::cast_possible_truncation
)]

mod common;

use aipg_primitives::asset::{AssetOutput, AssetPayload, recognize_asset_script};
use aipg_primitives::block::Block;
use aipg_primitives::encode::{DecodeWith, decode_exact};
use aipg_primitives::network::Network;
use aipg_primitives::script::{ScriptType, Solution};
use aipg_primitives::transaction::Transaction;
use aipg_primitives::{Address, Script};
use serde_json::Value;
use std::collections::BTreeMap;

fn network(v: &Value) -> Network {
    v["network"].as_str().unwrap().parse().expect("a known network")
}

#[test]
fn real_asset_outputs() {
    let data = common::real_chain_data();
    let mut checked = 0;
    for t in data["transactions"].as_array().unwrap() {
        let Some(assets) = t["assets"].as_array() else { continue };
        let params = network(t).params();
        let tx: Transaction =
            decode_exact(&hex::decode(t["hex"].as_str().unwrap()).unwrap()).unwrap();
        for a in assets {
            let vout = a["vout"].as_u64().unwrap() as usize;
            let script = tx.output[vout].script_pubkey.as_script();
            let what = format!("{} vout {vout}", t["txid"]);
            let out = AssetOutput::from_script(script).unwrap_or_else(|e| panic!("{what}: {e}"));
            assert_eq!(out.to_script().as_bytes(), script.as_bytes(), "{what}: re-serialization");
            assert_eq!(out.payload.name(), a["name"].as_str().unwrap(), "{what}");
            let expected_type = match a["type"].as_str().unwrap() {
                "transfer" => ScriptType::TransferAsset,
                "reissue" => ScriptType::ReissueAsset,
                _ => ScriptType::NewAsset,
            };
            assert_eq!(script.script_type(), expected_type, "{what}");
            assert_eq!(tx.output[vout].value, 0, "{what}: asset outputs carry no coin value");
            match (&out.payload, a["type"].as_str().unwrap()) {
                (AssetPayload::Transfer(tr), "transfer") => {
                    assert_eq!(tr.amount, a["amount_sats"].as_i64().unwrap(), "{what}");
                }
                (AssetPayload::Owner(_), "owner") => {}
                (AssetPayload::New(n), "new") => {
                    assert_eq!(n.amount, a["amount_sats"].as_i64().unwrap(), "{what}");
                    assert_eq!(i64::from(n.units), a["units"].as_i64().unwrap(), "{what}");
                    assert_eq!(n.reissuable == 1, a["reissuable"].as_bool().unwrap(), "{what}");
                    assert_eq!(n.has_ipfs == 1, a["has_ipfs"].as_bool().unwrap(), "{what}");
                    if let Some(ipfs_hex) = a["ipfs_hex"].as_str() {
                        let hash = n.ipfs_hash.as_ref().unwrap();
                        assert_eq!(hex::encode(hash.to_value()), ipfs_hex, "{what}");
                        assert!(hash.is_valid_encoding(), "{what}");
                        if let Some(b58) = a["ipfs"].as_str() {
                            assert_eq!(hash.to_string(), b58, "{what}");
                        }
                    }
                }
                (p, ty) => panic!("{what}: parsed {p:?}, source says {ty}"),
            }
            // The destination is the P2PKH prefix's key hash, as an address of the network.
            let addr = Address::from_script(&script, params).unwrap();
            assert_eq!(addr.hash(), out.key_hash.to_byte_array(), "{what}");
            assert_eq!(Address::parse(&addr.to_string(), params), Ok(addr), "{what}");
            assert!(script.to_asm().contains(" OP_AIPG_ASSET "), "{what}");
            checked += 1;
        }
    }
    eprintln!("real chain: {checked} asset outputs decode to their stated fields");
    assert!(checked > 0);
}

#[test]
fn real_block_scripts() {
    let data = common::real_chain_data();
    let mut types: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut inputs = 0usize;
    for b in data["blocks"].as_array().unwrap() {
        let params = network(b).params();
        let bytes = hex::decode(b["hex"].as_str().unwrap()).unwrap();
        let block = Block::decode_exact_with(&bytes, params).unwrap();
        for tx in &block.txdata {
            for out in &tx.output {
                let script: Script<'_> = out.script_pubkey.as_script();
                let solution = script.solve();
                *types.entry(solution.script_type().as_str()).or_default() += 1;
                let asm = script.to_asm();
                if solution.script_type() != ScriptType::NonStandard {
                    assert!(!asm.contains("[error]"), "{asm}");
                }
                if recognize_asset_script(script.as_bytes()).is_some() {
                    let parsed = AssetOutput::from_script(script).unwrap();
                    assert_eq!(parsed.to_script().as_bytes(), script.as_bytes());
                }
                match solution {
                    Solution::PubKeyHash(_) | Solution::ScriptHash(_) | Solution::Asset { .. } => {
                        let addr = Address::from_script(&script, params).unwrap();
                        let back = Address::parse(&addr.to_string(), params).unwrap();
                        assert_eq!(
                            back.script_pubkey().as_bytes(),
                            &script.as_bytes()[..back.script_pubkey().len()]
                        );
                    }
                    _ => {}
                }
            }
            for input in &tx.input {
                let _ = input.script_sig.as_script().to_asm_decode_sighash();
                inputs += 1;
            }
        }
    }
    let outputs: usize = types.values().sum();
    eprintln!(
        "real chain: {outputs} output scripts classified {types:?}, {inputs} script sigs rendered"
    );
    assert!(types.get("pubkeyhash").copied().unwrap_or(0) > 0);
    assert!(types.get("transfer_asset").copied().unwrap_or(0) > 0);
}
