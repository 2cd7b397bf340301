// SPDX-License-Identifier: MIT
//! Base58, Base58Check addresses and WIF keys against the reference's data files
//! (`base58_encode_decode.json`, `base58_keys_valid.json`, `base58_keys_invalid.json`).
//!
//! The key files carry Ravencoin prefixes; each case is checked against the Ravencoin main or
//! test parameters named by its `isTestnet` flag (regtest shares test's prefixes).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::cast_possible_truncation
)]

mod common;

use aipg_primitives::address::{base58_decode, base58_encode};
use aipg_primitives::network::{Network, NetworkParams};
use aipg_primitives::script::{Destination, PubkeyHash, ScriptHash};
use aipg_primitives::{Address, PrivateKey};
use common::{hex_bytes, load};

fn params(testnet: bool) -> &'static NetworkParams {
    if testnet { Network::RvnTest.params() } else { Network::RvnMain.params() }
}

#[test]
fn base58_encode_decode() {
    let Some(doc) = load("base58_encode_decode.json") else { return };
    let mut n = 0;
    for case in doc.as_array().expect("array") {
        let bytes = hex_bytes(&case[0]);
        let text = case[1].as_str().unwrap();
        assert_eq!(base58_encode(&bytes), text, "encode {}", hex::encode(&bytes));
        assert_eq!(base58_decode(text).unwrap(), bytes, "decode {text}");
        n += 1;
    }
    // The reference's unit test also checks that invalid characters fail and that surrounding
    // whitespace is skipped.
    assert!(base58_decode("invalid").is_err());
    assert_eq!(
        base58_decode(" \t\n\x0b\x0c\r skip \r\x0c\x0b\n\t ").unwrap(),
        hex::decode("971a55").unwrap()
    );
    eprintln!("base58_encode_decode: {n} cases");
    assert!(n > 0);
}

#[test]
fn base58_keys_valid() {
    let Some(doc) = load("base58_keys_valid.json") else { return };
    let (mut keys, mut addrs) = (0usize, 0usize);
    for case in doc.as_array().expect("array") {
        let text = case[0].as_str().unwrap();
        let payload = hex_bytes(&case[1]);
        let meta = &case[2];
        let testnet = meta["isTestnet"].as_bool().unwrap();
        let p = params(testnet);
        if meta["isPrivkey"].as_bool().unwrap() {
            let compressed = meta["isCompressed"].as_bool().unwrap();
            let key = PrivateKey::from_wif(text, p).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(key.secret_bytes().as_slice(), payload.as_slice(), "{text}");
            assert_eq!(key.is_compressed(), compressed, "{text}");
            assert!(Address::parse(text, p).is_err(), "privkey {text} parsed as an address");
            // Encoding back.
            let secret: [u8; 32] = payload.as_slice().try_into().unwrap();
            assert_eq!(PrivateKey::new(secret, compressed).unwrap().to_wif(p), text);
            keys += 1;
        } else {
            let hash: [u8; 20] = payload.as_slice().try_into().unwrap();
            let expected = match meta["addrType"].as_str().unwrap() {
                "pubkey" => Destination::PubkeyHash(PubkeyHash::from_byte_array(hash)),
                "script" => Destination::ScriptHash(ScriptHash::from_byte_array(hash)),
                other => panic!("unknown addrType {other}"),
            };
            let addr = Address::parse(text, p).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(addr.destination(), expected, "{text}");
            assert!(PrivateKey::from_wif(text, p).is_err(), "address {text} parsed as a key");
            assert_eq!(Address::new(expected, p).to_string(), text);
            // The script round trip goes through the same destination.
            let script = addr.script_pubkey();
            assert_eq!(Address::from_script(&script.as_script(), p), Some(addr));
            addrs += 1;
        }
    }
    eprintln!("base58_keys_valid: {keys} keys and {addrs} addresses");
    assert!(keys > 0 && addrs > 0);
}

#[test]
fn base58_keys_invalid() {
    let Some(doc) = load("base58_keys_invalid.json") else { return };
    let mut n = 0;
    for case in doc.as_array().expect("array") {
        let text = case[0].as_str().unwrap();
        for net in [Network::RvnMain, Network::RvnTest] {
            let p = net.params();
            assert!(Address::parse(text, p).is_err(), "{text} is an address on {net:?}");
            assert!(PrivateKey::from_wif(text, p).is_err(), "{text} is a key on {net:?}");
        }
        n += 1;
    }
    eprintln!("base58_keys_invalid: {n} cases");
    assert!(n > 0);
}
