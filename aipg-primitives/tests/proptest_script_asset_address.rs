// SPDX-License-Identifier: MIT
//! Property tests over the public script, asset and address API: round trips, and arbitrary
//! bytes or strings never panic.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::cast_possible_truncation
)]

use aipg_primitives::asset::{AssetOutput, AssetPayload, AssetScriptType, NullAssetData};
use aipg_primitives::encode::{Encode, decode_exact};
use aipg_primitives::network::Network;
use aipg_primitives::script::{Instruction, PubkeyHash, Script, ScriptBuf, ScriptHash};
use aipg_primitives::{Address, PrivateKey};
use proptest::prelude::*;

proptest! {
    #[test]
    fn script_round_trip(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let s = ScriptBuf::from_bytes(bytes);
        let enc = s.to_bytes();
        prop_assert_eq!(enc.len(), s.encoded_len());
        prop_assert_eq!(decode_exact::<ScriptBuf>(&enc), Ok(s));
    }

    #[test]
    fn script_decode_arbitrary(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
        if let Ok(s) = decode_exact::<ScriptBuf>(&bytes) {
            prop_assert_eq!(s.to_bytes(), bytes);
        }
    }

    #[test]
    fn instructions_asm_solver_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let s = Script::new(&bytes);
        let mut consumed = 0usize;
        for ins in s.instructions() {
            match ins {
                Ok(Instruction::Asset(rest)) => consumed = bytes.len() - rest.len(),
                Ok(_) => {}
                Err(_) => break,
            }
        }
        prop_assert!(consumed <= bytes.len());
        let asm = s.to_asm();
        prop_assert!(asm.is_ascii());
        let _ = s.to_asm_decode_sighash();
        let _ = s.solve().destinations();
        let _ = s.is_unspendable();
        let _ = Address::from_script(&s, Network::AipgMain.params());
    }

    #[test]
    fn asset_parse_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        for kind in [AssetScriptType::New, AssetScriptType::Owner, AssetScriptType::Transfer, AssetScriptType::Reissue] {
            if let Ok(p) = AssetPayload::parse(kind, &bytes) {
                // What the reference writes for the parsed value parses back to the same value.
                let again = AssetPayload::parse(kind, &p.to_bytes());
                prop_assert!(again.is_ok());
            }
        }
        let _ = AssetOutput::from_script(Script::new(&bytes));
        let _ = NullAssetData::from_script(Script::new(&bytes));
    }

    #[test]
    fn address_round_trip(hash in any::<[u8; 20]>(), p2sh in any::<bool>(), net in 0usize..5) {
        let params = Network::ALL[net].params();
        let addr = if p2sh {
            Address::p2sh(ScriptHash::from_byte_array(hash), params)
        } else {
            Address::p2pkh(PubkeyHash::from_byte_array(hash), params)
        };
        let text = addr.to_string();
        let back = Address::parse(&text, params).unwrap();
        prop_assert_eq!(back.hash(), hash);
        prop_assert_eq!(back.to_string(), text);
        if params.p2pkh_prefix != params.p2sh_prefix {
            prop_assert_eq!(back, addr);
        }
    }

    #[test]
    fn key_round_trip(secret in any::<[u8; 32]>(), compressed in any::<bool>(), net in 0usize..5) {
        let params = Network::ALL[net].params();
        if let Ok(key) = PrivateKey::new(secret, compressed) {
            prop_assert_eq!(PrivateKey::from_wif(&key.to_wif(params), params), Ok(key));
        }
    }

    #[test]
    fn address_strings_never_panic(s in "\\PC{0,80}") {
        for net in Network::ALL {
            let _ = Address::parse(&s, net.params());
            let _ = PrivateKey::from_wif(&s, net.params());
        }
    }
}
