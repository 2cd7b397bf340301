//! The `aipg` tool on real chain data from public sources (`tests/data/ravencoin_real.json`):
//! every transaction id, block hash, merkle root and header hash must equal what the source
//! states. Also the tool's contract: exit codes and the error document.

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

fn data() -> Value {
    serde_json::from_str(aipg_examples::demo::RAVENCOIN_REAL).expect("data file is JSON")
}

#[test]
fn real_transactions_decode_to_their_txids() {
    let data = data();
    let txs = data["transactions"].as_array().expect("transactions");
    for t in txs {
        let (code, v) = aipg(
            &[
                "--network",
                t["network"].as_str().unwrap(),
                "tx",
                "decode",
                t["hex"].as_str().unwrap(),
            ],
            None,
        );
        assert_eq!(code, 0, "{v}");
        assert_eq!(v["txid"], t["txid"]);
        if let Some(wtxid) = t.get("wtxid") {
            assert_eq!(&v["wtxid"], wtxid);
        }
        if let Some(size) = t.get("size") {
            assert_eq!(&v["size"], size);
        }
        for asset in t.get("assets").and_then(Value::as_array).into_iter().flatten() {
            let out = &v["vout"][asset["vout"].as_u64().unwrap() as usize]["asset"];
            assert_eq!(out["name"], asset["name"], "{}", t["txid"]);
            if let Some(amount) = asset.get("amount_sats") {
                assert_eq!(&out["amount"], amount, "{}", t["txid"]);
            }
        }
    }
    eprintln!("{} real transactions decode to the txids their sources state", txs.len());
    assert!(txs.len() >= 3);
}

#[test]
fn real_blocks_decode_with_their_hashes_and_merkle_roots() {
    let data = data();
    let blocks = data["blocks"].as_array().expect("blocks");
    for b in blocks {
        let (code, v) = aipg(
            &["--network", b["network"].as_str().unwrap(), "block", "decode", "-"],
            b["hex"].as_str(),
        );
        assert_eq!(code, 0, "{v}");
        assert_eq!(v["hash"], b["hash"]);
        assert_eq!(v["merkle_root"], b["merkle_root"]);
        assert_eq!(v["merkle_root_matches"], true);
        assert_eq!(v["tx_count"], b["tx_count"]);
        assert_eq!(v["size"], b["size"]);
        if let Some(txids) = b.get("txids") {
            assert_eq!(&v["txids"], txids);
        }
        assert_eq!(v["header"]["algorithm"], b["algorithm"]);
    }
    eprintln!(
        "{} real blocks decode with the hashes and merkle roots their sources state",
        blocks.len()
    );
    assert!(!blocks.is_empty());
}

#[test]
fn real_headers_decode_with_their_hashes() {
    let data = data();
    let headers = data["headers"].as_array().expect("headers");
    for h in headers {
        let (code, v) = aipg(
            &[
                "--network",
                h["network"].as_str().unwrap(),
                "header",
                "decode",
                h["hex"].as_str().unwrap(),
            ],
            None,
        );
        assert_eq!(code, 0, "{v}");
        assert_eq!(v["hash"], h["hash"]);
        assert_eq!(v["algorithm"], h["algorithm"]);
        assert_eq!(v["prev_blockhash"], h["prev_hash"]);
        assert_eq!(v["size"].as_u64().unwrap() * 2, h["hex"].as_str().unwrap().len() as u64);
    }
    eprintln!("{} real headers decode with the hashes their sources state", headers.len());
}

#[test]
fn genesis_block_of_every_network() {
    for network in aipg_primitives::network::Network::ALL {
        let params = network.params();
        let block = aipg_primitives::block::genesis_block(params);
        let hex = hex::encode(aipg_primitives::EncodeWith::to_bytes_with(&block, params));
        let (code, v) = aipg(&["--network", network.as_str(), "block", "decode", &hex], None);
        assert_eq!(code, 0);
        assert_eq!(v["hash"], params.genesis_hash);
        assert_eq!(v["merkle_root"], params.genesis_merkle_root);
    }
}

#[test]
fn address_and_script_commands() {
    let (code, v) = aipg(
        &["--network", "rvn-main", "address", "decode", "RA51NDT3VCsRToadtd4A3cz6pV3f4qhQrW"],
        None,
    );
    assert_eq!(code, 0, "{v}");
    assert_eq!(v["type"], "pubkeyhash");
    assert_eq!(v["hash160"], "08aa3137361550fc1dbb98ab30283b989e8fcad4");
    assert_eq!(v["script_pubkey"], "76a91408aa3137361550fc1dbb98ab30283b989e8fcad488ac");
    // The same hash on AIPG main has another prefix, so the Ravencoin string is not an AIPG address.
    let (code, _) = aipg(&["address", "decode", "RA51NDT3VCsRToadtd4A3cz6pV3f4qhQrW"], None);
    assert_eq!(code, 1);

    let (code, v) =
        aipg(&["script", "asm", "76a91408aa3137361550fc1dbb98ab30283b989e8fcad488ac"], None);
    assert_eq!(code, 0);
    assert_eq!(v["type"], "pubkeyhash");
    assert_eq!(
        v["asm"],
        "OP_DUP OP_HASH160 08aa3137361550fc1dbb98ab30283b989e8fcad4 OP_EQUALVERIFY OP_CHECKSIG"
    );
}

#[test]
fn invalid_input_and_usage_errors() {
    for (args, expected) in [
        (&["tx", "decode", "zz"][..], 1),
        (&["tx", "decode", "0100"][..], 1),
        (&["block", "decode", "00"][..], 1),
        (&["header", "decode", ""][..], 1),
        (&["address", "decode", "notanaddress"][..], 1),
        (&["frobnicate", "now"][..], 2),
        (&["--network", "dogecoin", "tx", "decode", "00"][..], 2),
        (&["tx", "decode"][..], 2),
        (&[][..], 2),
    ] {
        let (code, v) = aipg(args, None);
        assert_eq!(code, expected, "{args:?}: {v}");
        assert!(v["error"].is_string(), "{args:?}: {v}");
    }
    // Trailing bytes after a valid transaction are an error, not ignored.
    let data = data();
    let hex = format!("{}00", data["transactions"][0]["hex"].as_str().unwrap());
    assert_eq!(aipg(&["--network", "rvn-main", "tx", "decode", &hex], None).0, 1);
}
