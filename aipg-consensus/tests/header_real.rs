// SPDX-License-Identifier: MIT
//! Header rules on real Ravencoin mainnet headers (`examples/tests/data/ravencoin_real.json`),
//! and the 2026 KAWPOW checkpoint-shortcut exploit replayed on a copy of one of them.
//!
//! The epoch contexts of the real headers (epochs 396 and 598) take seconds to build in a test
//! build, so each is built at most once for this test binary.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::cast_possible_truncation,
    missing_docs
)]

use aipg_consensus::header::{
    EpochContextProvider, HeaderChainVerifier, HeaderError, HeaderRules, PreparedHeader,
    check_header_height, check_header_pow, last_checkpoint_at_or_below,
};
use aipg_consensus::pow::kawpow::{self, EpochContext, EpochWindow, PowError};
use aipg_primitives::block::{BlockHeader, PowAlgorithm};
use aipg_primitives::encode::DecodeWith;
use aipg_primitives::hash::BlockHash;
use aipg_primitives::network::{NetworkParams, RVN_MAIN, RVN_TEST};
use aipg_primitives::units::CompactTarget;
use serde_json::Value;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

mod common;

type Slot = Arc<OnceLock<Arc<EpochContext>>>;

/// Returns the context of `epoch`, building it once per test binary.
fn context(epoch: u32) -> Arc<EpochContext> {
    static CONTEXTS: OnceLock<Mutex<HashMap<u32, Slot>>> = OnceLock::new();
    let slot = {
        let mut map = CONTEXTS.get_or_init(Default::default).lock().unwrap();
        Arc::clone(map.entry(epoch).or_default())
    };
    Arc::clone(slot.get_or_init(|| Arc::new(EpochContext::new(epoch).unwrap())))
}

/// Hands out the shared contexts; only the epochs of the headers in this file are allowed.
struct Shared;

impl EpochContextProvider for Shared {
    fn window(&self) -> EpochWindow {
        EpochWindow::new(0, 598)
    }

    fn epoch_context(&mut self, epoch: u32) -> Result<Arc<EpochContext>, PowError> {
        assert!(matches!(epoch, 0 | 396 | 598), "unexpected epoch {epoch}");
        Ok(context(epoch))
    }
}

/// Fails if asked: proves that no light-cache work was done.
struct NoDag;

impl EpochContextProvider for NoDag {
    fn window(&self) -> EpochWindow {
        EpochWindow::new(0, u32::MAX)
    }

    fn epoch_context(&mut self, epoch: u32) -> Result<Arc<EpochContext>, PowError> {
        panic!("light-cache verification was attempted (epoch {epoch})")
    }
}

struct Real {
    network: &'static NetworkParams,
    height: Option<u32>,
    header: BlockHeader,
    hash: BlockHash,
}

fn real_headers() -> Vec<Real> {
    let v: Value = common::real_chain_data();
    v["headers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let network = match e["network"].as_str().unwrap() {
                "rvn-main" => &RVN_MAIN,
                "rvn-test" => &RVN_TEST,
                other => panic!("unknown network {other}"),
            };
            let bytes = hex::decode(e["hex"].as_str().unwrap()).unwrap();
            let header = BlockHeader::decode_exact_with(&bytes, network).unwrap();
            Real {
                network,
                height: e["height"].as_u64().map(|h| u32::try_from(h).unwrap()),
                header,
                hash: e["hash"].as_str().unwrap().parse().unwrap(),
            }
        })
        .collect()
}

/// The mainnet headers at `from..=to`, which must all be present, in order.
fn main_run(from: u32, to: u32) -> Vec<BlockHeader> {
    let all = real_headers();
    (from..=to)
        .map(|h| {
            all.iter()
                .find(|r| r.network == &RVN_MAIN && r.height == Some(h))
                .unwrap_or_else(|| panic!("height {h} missing"))
                .header
        })
        .collect()
}

/// Whether a real header's proof of work is checked in full here: X16R / X16RV2 headers, and the
/// KAWPOW headers of the two epochs this binary builds.
fn fully_checked(r: &Real) -> bool {
    match r.header.pow_algorithm(r.network) {
        PowAlgorithm::Kawpow => matches!(kawpow::epoch_number(r.header.height), 396 | 598),
        _ => true,
    }
}

#[test]
fn real_headers_pass_pow_in_strict_mode() {
    let mut checked = 0;
    let mut kawpow_checked = 0;
    for r in real_headers().iter().filter(|r| fully_checked(r)) {
        let id = check_header_pow(
            &PreparedHeader::new(&r.header, r.network),
            &HeaderRules::STRICT,
            &mut Shared,
        )
        .unwrap_or_else(|e| panic!("{:?} {}: {e}", r.height, r.hash));
        assert_eq!(id, r.hash);
        checked += 1;
        if r.header.pow_algorithm(r.network) == PowAlgorithm::Kawpow {
            kawpow_checked += 1;
        }
    }
    eprintln!("header_real: {checked} real headers pass PoW ({kawpow_checked} KAWPOW)");
    assert!(kawpow_checked >= 19 && checked >= 30);
}

#[test]
fn real_kawpow_runs_pass_linkage_pow_and_the_height_rule() {
    let now = 1_800_000_000;
    for (from, to) in [(2_976_194u32, 2_976_202u32), (2_976_205, 2_976_207), (4_487_774, 4_487_777)]
    {
        let run = main_run(from, to);
        let rules = HeaderRules::strict(last_checkpoint_at_or_below(&RVN_MAIN, from - 1));
        let verdicts = HeaderChainVerifier::new(&RVN_MAIN, rules).with_now(now).verify(
            from,
            &run,
            &mut Shared,
        );
        assert_eq!(verdicts.len(), run.len());
        for v in &verdicts {
            assert_eq!(v.result, Ok(()), "height {}", v.height);
            assert_eq!(v.algorithm, PowAlgorithm::Kawpow);
            // The difficulty window (180 headers) reaches before the run.
            assert!(!v.contextual);
        }
        for (i, h) in run.iter().enumerate().skip(1) {
            assert_eq!(h.prev_blockhash, verdicts[i - 1].hash);
        }
        eprintln!("header_real: run {from}..={to} verified");
    }
}

#[test]
fn binding_height_of_ravencoin_4_8_0() {
    let run = main_run(4_487_774, 4_487_777);
    for rules in [HeaderRules::STRICT, HeaderRules::reference_exact(None)] {
        for (i, h) in run.iter().enumerate() {
            let height = 4_487_774 + i as u32;
            assert_eq!(h.height, height);
            assert_eq!(
                check_header_height(&PreparedHeader::new(h, &RVN_MAIN), &RVN_MAIN, &rules, height),
                Ok(())
            );
        }
        // From 4,487,776 on, the field must equal the position.
        assert_eq!(
            check_header_height(
                &PreparedHeader::new(&run[2], &RVN_MAIN),
                &RVN_MAIN,
                &rules,
                4_487_777
            ),
            Err(HeaderError::BadHeight { expected: 4_487_777, got: 4_487_776 })
        );
        // Below it, Ravencoin never compared them.
        assert_eq!(
            check_header_height(
                &PreparedHeader::new(&run[0], &RVN_MAIN),
                &RVN_MAIN,
                &rules,
                4_487_775
            ),
            Ok(())
        );
    }
}

/// The 2026 exploit. A KAWPOW header declaring an `nHeight` at or below the last checkpoint the
/// node holds (Ravencoin main 4,487,775) had its proof of work checked only through the final
/// hash from the claimed mix: two Keccak-f[800] per nonce tried, no ProgPoW.
///
/// The copy of block 4,487,776 below keeps every field except `nHeight` (1,000 instead of
/// 4,487,776) and `nNonce64`. Grinding a nonce at the real difficulty takes about 2^45 tries of
/// that cheap hash (hours on a GPU, too long for a test), so the forgery is made against a copy
/// of the network parameters whose limit allows `nBits` 0x207fffff; every rule is otherwise the
/// Ravencoin main one.
#[test]
fn exploit_declared_low_height_with_unchecked_mix() {
    let victim = main_run(4_487_776, 4_487_776)[0];
    let known_checkpoint = Some(4_487_775);

    // At the real difficulty, changing the height field alone breaks the proof of work in both
    // modes: the forger has to grind, and the shortcut makes each try cheap.
    let mut copy = victim;
    copy.height = 1_000;
    for rules in
        [HeaderRules::strict(known_checkpoint), HeaderRules::reference_exact(known_checkpoint)]
    {
        let err = check_header_pow(&PreparedHeader::new(&copy, &RVN_MAIN), &rules, &mut NoDag)
            .unwrap_err();
        assert_eq!(err.reject_reason(), "high-hash");
    }

    // The attack, at a difficulty a test can grind.
    let easy =
        NetworkParams { pow_limit_bits: CompactTarget::from_consensus(0x207f_ffff), ..RVN_MAIN };
    let mut forged = victim;
    forged.height = 1_000;
    forged.bits = CompactTarget::from_consensus(0x207f_ffff);
    let target = forged.bits.to_target().unwrap();
    let ctx0 = context(0);
    let mut tries = 0u64;
    let mut real_mix_tries = 0u64;
    for nonce in 0.. {
        forged.nonce64 = nonce;
        tries += 1;
        // The only work the shortcut asks for: the final hash from the claimed (copied) mix.
        if !target.is_met_by(forged.block_hash(&easy).as_byte_array()) {
            continue;
        }
        // Keep a nonce for which the honest final hash meets the target too, so that strict
        // mode's rejection is exactly the mix comparison (`invalid-mix-hash`).
        real_mix_tries += 1;
        let honest = kawpow::hash(&ctx0, 1_000, &forged.kawpow_progpow_header(), nonce).unwrap();
        if kawpow::is_below_target(&honest.final_hash, &target.to_u256().to_be_bytes()) {
            break;
        }
    }
    eprintln!("header_real: forged in {tries} cheap tries ({real_mix_tries} honest hashes)");

    // AIPG Core and pre-4.8.0 Ravencoin: the proof of work passes without any DAG work.
    let exact = HeaderRules::reference_exact(known_checkpoint);
    let id = check_header_pow(&PreparedHeader::new(&forged, &easy), &exact, &mut NoDag).unwrap();
    assert_eq!(id, forged.block_hash(&easy));

    // Strict mode verifies the mix (against epoch 0, the one its declared height selects).
    let strict = HeaderRules::strict(known_checkpoint);
    let err =
        check_header_pow(&PreparedHeader::new(&forged, &easy), &strict, &mut Shared).unwrap_err();
    assert!(matches!(err, HeaderError::Kawpow(PowError::MixMismatch { .. })), "{err:?}");
    assert_eq!(err.reject_reason(), "invalid-mix-hash");

    // At its real position the height binding rejects it, a check that needs no DAG work: in
    // strict mode, and on Ravencoin from 4.8.0 on in both modes.
    for rules in [strict, exact] {
        assert_eq!(
            check_header_height(&PreparedHeader::new(&forged, &easy), &easy, &rules, 4_487_776),
            Err(HeaderError::BadHeight { expected: 4_487_776, got: 1_000 })
        );
    }
    // A node without the binding (pre-4.8.0 Ravencoin, AIPG Core) has nothing else to stop it.
    let pre_4_8 = NetworkParams { header_height_rule_height: None, ..easy.clone() };
    assert_eq!(
        check_header_height(&PreparedHeader::new(&forged, &pre_4_8), &pre_4_8, &exact, 4_487_776),
        Ok(())
    );
    assert_eq!(
        check_header_height(&PreparedHeader::new(&forged, &pre_4_8), &pre_4_8, &strict, 4_487_776),
        Err(HeaderError::BadHeight { expected: 4_487_776, got: 1_000 })
    );
}
