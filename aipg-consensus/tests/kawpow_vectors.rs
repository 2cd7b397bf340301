// SPDX-License-Identifier: MIT
//! KAWPOW conformance against the reference vectors in `kawpow_vectors.json` and
//! `kawpow_vectors_generated.json` (read at run time from `AIPG_VECTORS_DIR`).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    missing_docs,
    clippy::panic,
    clippy::cast_possible_truncation
)]

mod common;

use aipg_consensus::pow::kawpow::{
    self, EpochContext, EpochContextCache, EpochWindow, HeaderPow, PowError, epoch_number,
    epoch_seed, full_dataset_items, light_cache_items,
};
use aipg_primitives::{BlockHeader, DecodeWith, Network, Target};
use common::load;
use serde_json::Value;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

/// A context built at most once, shared by the tests of this binary.
type Slot = Arc<OnceLock<Arc<EpochContext>>>;

/// Epoch contexts shared by the tests of this binary, each built once.
fn ctx(epoch: u32) -> Arc<EpochContext> {
    static CONTEXTS: OnceLock<Mutex<HashMap<u32, Slot>>> = OnceLock::new();
    let slot = {
        let mut map = CONTEXTS.get_or_init(Default::default).lock().unwrap();
        Arc::clone(map.entry(epoch).or_default())
    };
    Arc::clone(slot.get_or_init(|| Arc::new(EpochContext::new(epoch).unwrap())))
}

fn h32(s: &str) -> [u8; 32] {
    let mut out = [0u8; 32];
    hex::decode_to_slice(s, &mut out).unwrap();
    out
}

fn reversed(mut b: [u8; 32]) -> [u8; 32] {
    b.reverse();
    b
}

fn str_of<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key].as_str().unwrap_or_else(|| panic!("missing string field {key}"))
}

fn u32_of(v: &Value, key: &str) -> u32 {
    u32::try_from(v[key].as_u64().unwrap_or_else(|| panic!("missing integer field {key}"))).unwrap()
}

/// Decodes a compact target into big-endian bytes (test-side `SetCompact` for positive,
/// non-overflowing values).
fn compact_to_target(bits: u32) -> [u8; 32] {
    let size = (bits >> 24) as usize;
    let mut word = bits & 0x007f_ffff;
    let mut out = [0u8; 32];
    if size <= 3 {
        word >>= 8 * (3 - size);
        out[28..].copy_from_slice(&word.to_be_bytes());
    } else {
        let bytes = word.to_be_bytes();
        // The 3 mantissa bytes end at byte index 32 - (size - 3) - 1.
        for (i, b) in bytes[1..].iter().enumerate() {
            let pos = 32 + i + 3 - size - 3;
            out[pos] = *b;
        }
    }
    out
}

/// Checks one full hash case: hash, verify, the DAG-free final hash and a wrong mix.
fn check_case(height: u32, header_hash: [u8; 32], nonce: u64, mix: [u8; 32], fin: [u8; 32]) {
    let context = ctx(epoch_number(height));
    let result = kawpow::hash(&context, height, &header_hash, nonce).unwrap();
    assert_eq!(hex::encode(result.mix_hash), hex::encode(mix), "mix at height {height}");
    assert_eq!(hex::encode(result.final_hash), hex::encode(fin), "final at height {height}");
    assert_eq!(kawpow::hash_no_verify(&header_hash, nonce, &mix), fin);
    assert_eq!(kawpow::verify(&context, &header_hash, nonce, height, &mix, &fin), Ok(()));
    let mut wrong = mix;
    wrong[31] ^= 1;
    let err = kawpow::verify(&context, &header_hash, nonce, height, &wrong, &[0xff; 32]);
    assert_eq!(err, Err(PowError::MixMismatch { computed: mix, claimed: wrong }));
    assert_eq!(err.unwrap_err().reject_reason(), "invalid-mix-hash");
    if fin != [0u8; 32] {
        let mut below = fin;
        // A target one below the final hash in its last non-zero byte rejects it as too high.
        let last = below.iter().rposition(|b| *b != 0).unwrap();
        below[last] -= 1;
        let err = kawpow::verify(&context, &header_hash, nonce, height, &mix, &below).unwrap_err();
        assert_eq!(err, PowError::AboveTarget { final_hash: fin });
        assert_eq!(err.reject_reason(), "high-hash");
    }
}

#[test]
fn reference_hash_vectors() {
    let Some(v) = load("kawpow_vectors.json") else { return };
    let cases = v["hash_vectors"].as_array().unwrap();
    for case in cases {
        let height = u32_of(case, "block_number");
        assert_eq!(epoch_number(height), u32_of(case, "epoch"));
        let nonce = u64::from_str_radix(str_of(case, "nonce"), 16).unwrap();
        check_case(
            height,
            h32(str_of(case, "header_hash")),
            nonce,
            h32(str_of(case, "mix_hash")),
            h32(str_of(case, "final_hash")),
        );
    }
    eprintln!("kawpow_vectors hash_vectors: {} cases", cases.len());
    assert!(!cases.is_empty());
}

#[test]
fn reference_l1_cache_prefix() {
    let Some(v) = load("kawpow_vectors.json") else { return };
    let words = v["l1_cache_epoch0_first_20_words"]["words"].as_array().unwrap();
    let context = ctx(0);
    for (i, w) in words.iter().enumerate() {
        assert_eq!(u64::from(context.l1_cache()[i]), w.as_u64().unwrap(), "L1 word {i}");
    }
    // The L1 cache is the first 16 KiB of the DAG.
    assert_eq!(context.l1_cache()[..64], context.compute_dataset_item_2048(0));
    assert_eq!(context.l1_cache()[4032..], context.compute_dataset_item_2048(63));
    eprintln!("kawpow_vectors l1 cache: {} words", words.len());
    assert!(!words.is_empty());
}

#[test]
fn reference_search_vectors() {
    let Some(v) = load("kawpow_vectors.json") else { return };
    let cases = v["search_vectors"].as_array().unwrap();
    for case in cases {
        let height = u32_of(case, "block_number");
        let header_hash = h32(str_of(case, "header_hash"));
        let boundary = h32(str_of(case, "boundary"));
        let start = case["start_nonce"].as_u64().unwrap();
        let iterations = case["iterations"].as_u64().unwrap();
        let context = ctx(epoch_number(height));
        let found = (start..start + iterations).find(|&nonce| {
            let r = kawpow::hash(&context, height, &header_hash, nonce).unwrap();
            kawpow::is_below_target(&r.final_hash, &boundary)
        });
        if case["solution_found"].as_bool().unwrap() {
            let nonce = case["nonce"].as_u64().unwrap();
            assert_eq!(found, Some(nonce));
            let r = kawpow::hash(&context, height, &header_hash, nonce).unwrap();
            assert_eq!(
                kawpow::verify(&context, &header_hash, nonce, height, &r.mix_hash, &boundary),
                Ok(())
            );
        } else {
            assert_eq!(found, None);
        }
    }
    eprintln!("kawpow_vectors search_vectors: {} cases", cases.len());
    assert!(!cases.is_empty());
}

#[test]
fn derived_header_examples() {
    let Some(v) = load("kawpow_vectors.json") else { return };
    let cases = v["derived_aipg_header_examples"].as_array().unwrap();
    for case in cases {
        let bytes: [u8; 120] = hex::decode(str_of(case, "serialized_header_120_bytes_hex"))
            .unwrap()
            .try_into()
            .unwrap();
        assert_eq!(
            hex::encode(&bytes[..80]),
            str_of(case, "kawpow_input_80_bytes_hex"),
            "the first 80 bytes are the KAWPOW input"
        );
        let pow = HeaderPow::from_header_bytes(&bytes);
        assert_eq!(hex::encode(pow.header_hash()), str_of(case, "header_hash_ethash_order_hex"));
        assert_eq!(pow.height(), u32_of(case, "nHeight"));
        assert_eq!(pow.nonce64(), u64::from_str_radix(str_of(case, "nNonce64"), 16).unwrap());
        let mix = h32(str_of(case, "mix_hash_ethash_order_hex"));
        let fin = h32(str_of(case, "final_hash_ethash_order_hex"));
        assert_eq!(pow.mix_hash(), mix);
        assert_eq!(pow.block_hash().to_string(), str_of(case, "block_hash_display_hex"));
        assert_eq!(
            hex::encode(pow.block_hash().to_byte_array()),
            str_of(case, "block_hash_internal_le_bytes_hex")
        );
        check_case(pow.height(), pow.header_hash(), pow.nonce64(), mix, fin);

        let context = ctx(pow.epoch());
        assert_eq!(kawpow::verify_header(&context, &bytes, &fin), Ok(pow.block_hash()));
        let bits = u32::from_str_radix(str_of(case, "nBits"), 16).unwrap();
        let meets = kawpow::verify_header(&context, &bytes, &compact_to_target(bits)).is_ok();
        assert_eq!(meets, case["meets_its_nBits"].as_bool().unwrap());
    }
    eprintln!("kawpow_vectors derived header examples: {} cases", cases.len());
    assert!(!cases.is_empty());
}

#[test]
fn generated_epochs() {
    let Some(v) = load("kawpow_vectors_generated.json") else { return };
    let parameters = &v["parameters"];
    assert_eq!(u32_of(parameters, "epoch_length"), kawpow::EPOCH_LENGTH);
    assert_eq!(u32_of(parameters, "period_length"), kawpow::PERIOD_LENGTH);
    let epochs = v["epochs"].as_array().unwrap();
    for e in epochs {
        let epoch = u32_of(e, "epoch");
        assert_eq!(u32_of(e, "first_block"), epoch * kawpow::EPOCH_LENGTH);
        assert_eq!(light_cache_items(epoch), u32_of(e, "light_cache_num_items"), "epoch {epoch}");
        assert_eq!(full_dataset_items(epoch), u32_of(e, "full_dataset_num_items"), "epoch {epoch}");
        assert_eq!(hex::encode(epoch_seed(epoch)), str_of(e, "epoch_seed_hex"));
        let context = ctx(epoch);
        assert_eq!(context.epoch(), epoch);
        assert_eq!(context.light_cache_bytes(), e["light_cache_size_bytes"].as_u64().unwrap());
        assert_eq!(context.full_dataset_bytes(), e["full_dataset_size_bytes"].as_u64().unwrap());
    }
    eprintln!("kawpow_vectors_generated epochs: {} epochs", epochs.len());
    assert!(!epochs.is_empty());
}

#[test]
fn generated_hash_cases() {
    let Some(v) = load("kawpow_vectors_generated.json") else { return };
    let cases = v["cases"].as_array().unwrap();
    for case in cases {
        let height = u32_of(case, "height");
        assert_eq!(epoch_number(height), u32_of(case, "epoch"));
        assert_eq!(height / kawpow::PERIOD_LENGTH, u32_of(case, "period"));
        let nonce = u64::from_str_radix(str_of(case, "nonce_u64_hex"), 16).unwrap();
        assert_eq!(nonce.to_string(), str_of(case, "nonce_decimal"));
        check_case(
            height,
            h32(str_of(case, "header_hash_hex")),
            nonce,
            h32(str_of(case, "mix_hash_hex")),
            h32(str_of(case, "final_hash_hex")),
        );
    }
    eprintln!("kawpow_vectors_generated cases: {} cases", cases.len());
    assert!(!cases.is_empty());
}

#[test]
fn generated_header_examples() {
    let Some(v) = load("kawpow_vectors_generated.json") else { return };
    let cases = v["block_header_to_kawpow"]["examples"].as_array().unwrap();
    for case in cases {
        let bytes: [u8; 120] =
            hex::decode(str_of(case, "header_120_hex")).unwrap().try_into().unwrap();
        let zero_mix: [u8; 120] =
            hex::decode(str_of(case, "header_120_hex_with_zero_mix")).unwrap().try_into().unwrap();
        assert_eq!(hex::encode(&bytes[..80]), str_of(case, "kawpow_input_80_hex"));
        let pow = HeaderPow::from_header_bytes(&bytes);
        assert_eq!(
            hex::encode(reversed(pow.header_hash())),
            str_of(case, "sha256d_of_kawpow_input_raw_hex")
        );
        assert_eq!(hex::encode(pow.header_hash()), str_of(case, "header_hash_hex"));
        assert_eq!(pow.epoch(), u32_of(case, "epoch"));
        let fields = &case["fields"];
        assert_eq!(pow.height(), u32_of(fields, "nHeight"));
        let mix = h32(str_of(case, "mix_hash_hex"));
        let fin = h32(str_of(case, "final_hash_hex"));
        assert_eq!(pow.mix_hash(), mix);
        assert_eq!(pow.block_hash().to_string(), str_of(case, "block_hash_GetHash_display_hex"));
        assert_eq!(
            hex::encode(pow.block_hash().to_byte_array()),
            str_of(case, "block_hash_GetHash_raw_le_hex")
        );
        assert_eq!(
            HeaderPow::from_header_bytes(&zero_mix).block_hash().to_string(),
            str_of(case, "GetHash_when_stored_mix_hash_is_all_zero_display_hex")
        );
        check_case(pow.height(), pow.header_hash(), pow.nonce64(), mix, fin);
        let context = ctx(pow.epoch());
        assert_eq!(kawpow::verify_header(&context, &bytes, &fin), Ok(pow.block_hash()));

        // The same header through the decoded header type and the primitives' block id.
        let params = Network::AipgMain.params();
        let header = BlockHeader::decode_exact_with(&bytes, params).unwrap();
        assert_eq!(HeaderPow::from_block_header(&header), pow);
        assert_eq!(header.block_hash(params), pow.block_hash());
        let target = Target::from_be_bytes(fin);
        assert_eq!(kawpow::verify_block_header(&context, &header, &target), Ok(pow.block_hash()));
        let mut below = fin;
        let last = below.iter().rposition(|b| *b != 0).unwrap();
        below[last] -= 1;
        assert_eq!(
            kawpow::verify_block_header(&context, &header, &Target::from_be_bytes(below)),
            Err(PowError::AboveTarget { final_hash: fin })
        );
        assert!(matches!(
            kawpow::verify_header(&context, &zero_mix, &[0xff; 32]),
            Err(PowError::MixMismatch { .. })
        ));
    }
    eprintln!("kawpow_vectors_generated header examples: {} cases", cases.len());
    assert!(!cases.is_empty());
}

#[test]
fn wrong_epoch_context_is_refused() {
    let context = ctx(0);
    let err = kawpow::verify(&context, &[0; 32], 0, 7_500, &[0; 32], &[0xff; 32]).unwrap_err();
    assert_eq!(err, PowError::WrongEpoch { context_epoch: 0, height: 7_500, expected_epoch: 1 });
    assert!(kawpow::hash(&context, 7_500, &[0; 32], 0).is_err());
    assert!(kawpow::hash(&context, 7_499, &[0; 32], 0).is_ok());
}

#[test]
fn context_cache_keeps_the_most_recent() {
    let mut cache = EpochContextCache::new(2, EpochWindow::new(0, 2));
    cache.insert(ctx(0));
    cache.insert(ctx(1));
    assert_eq!(cache.len(), 2);
    // Touching epoch 0 makes epoch 1 the least recently used.
    assert_eq!(cache.get_or_build(0).unwrap().epoch(), 0);
    cache.insert(ctx(3));
    assert!(cache.get(1).is_none());
    assert!(Arc::ptr_eq(&cache.get(0).unwrap(), &ctx(0)));
    assert_eq!(cache.get(3).unwrap().epoch(), 3);
    assert_eq!(cache.len(), 2);
}

/// The first worked 120-byte header of `kawpow_vectors.json`, which satisfies its own PoW.
fn vector_header() -> Option<[u8; 120]> {
    let v = load("kawpow_vectors.json")?;
    let hex = str_of(&v["derived_aipg_header_examples"][0], "serialized_header_120_bytes_hex");
    Some(hex::decode(hex).unwrap().try_into().unwrap())
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(96))]

    /// Flipping any single bit of a valid header makes verification fail, even against the
    /// largest target, so the failure comes from the mix (or the epoch), never from luck.
    #[test]
    fn any_bit_flip_in_a_valid_header_fails(bit in 0usize..120 * 8) {
        let Some(header) = vector_header() else { return Ok(()) };
        let context = ctx(HeaderPow::from_header_bytes(&header).epoch());
        proptest::prop_assert!(kawpow::verify_header(&context, &header, &[0xff; 32]).is_ok());
        let mut flipped = header;
        flipped[bit / 8] ^= 1 << (bit % 8);
        let err = kawpow::verify_header(&context, &flipped, &[0xff; 32]).unwrap_err();
        let in_height = (76..80).contains(&(bit / 8));
        proptest::prop_assert!(
            matches!(err, PowError::MixMismatch { .. })
                || (in_height && matches!(err, PowError::WrongEpoch { .. })),
            "bit {bit}: {err:?}"
        );
    }
}
