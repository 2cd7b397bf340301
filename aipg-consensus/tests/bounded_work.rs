// SPDX-License-Identifier: MIT
//! Bounded work on untrusted headers: a KAWPOW header that claims a height in the last epoch
//! (32,639, whose light cache is about 4 GiB) and meets its target through a made-up mix is
//! rejected without building any epoch context, on every path that checks headers.
//!
//! On AIPG main the proof-of-work limit `0x2000ffff` lets about one made-up mix in 256 pass the
//! cheap target check, so such a header costs an attacker a few hundred Keccak-f\[800\] calls.
//! The heap each check adds is measured by a peak-counting global allocator.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    missing_docs,
    clippy::indexing_slicing,
    clippy::cast_possible_truncation
)]

use aipg_consensus::header::{
    HeaderChainVerifier, HeaderError, HeaderRules, PreparedHeader, check_header_pow,
    plausible_epoch_window,
};
use aipg_consensus::pow::kawpow::{
    EPOCH_LENGTH, EpochContextCache, EpochWindow, MAX_EPOCH, PowError,
};
use aipg_primitives::block::BlockHeader;
use aipg_primitives::hash::{BlockHash, MerkleRoot, MixHash};
use aipg_primitives::network::AIPG_MAIN;
use peak_alloc::PeakAlloc;
use std::time::Instant;

#[global_allocator]
static PEAK: PeakAlloc = PeakAlloc;

/// Runs `f` and returns its result with the peak of heap bytes it added. The counts are
/// process-wide, so this file holds a single test.
fn allocated_by<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let base = PEAK.current_usage();
    PEAK.reset_peak_usage();
    let out = f();
    (out, PEAK.peak_usage().saturating_sub(base))
}

/// The most a rejected header may cost in allocations: nothing close to a light cache (16 MiB
/// for epoch 0).
const ALLOCATION_BOUND: usize = 64 * 1024;

/// A 120-byte AIPG main header claiming `height` on top of `prev_blockhash`, with a made-up mix and a nonce ground until the
/// final hash from that mix meets the proof-of-work limit.
fn forged(height: u32, prev_blockhash: BlockHash) -> BlockHeader {
    let mut h = BlockHeader {
        version: 0x3000_0000,
        prev_blockhash,
        merkle_root: MerkleRoot::from_byte_array([0x11; 32]),
        time: 1_750_000_000,
        bits: AIPG_MAIN.pow_limit_bits,
        height,
        mix_hash: MixHash::from_byte_array([0x5a; 32]),
        ..BlockHeader::default()
    };
    assert!(h.is_kawpow(&AIPG_MAIN));
    for nonce in 0.. {
        h.nonce64 = nonce;
        if PreparedHeader::new(&h, &AIPG_MAIN).meets_target() {
            return h;
        }
    }
    unreachable!("one made-up mix in about 256 meets the limit")
}

#[test]
fn headers_claiming_the_last_epoch_build_no_context() {
    single_header_checks();
    header_run_checks();
}

fn single_header_checks() {
    let claimed = MAX_EPOCH * EPOCH_LENGTH;
    let header = forged(claimed, BlockHash::from_byte_array([0x22; 32]));
    // A verifier whose tip is at height 1,000,000 accepts the epochs around it.
    let window = EpochWindow::for_heights(0, 1_000_001);
    assert!(!window.contains(MAX_EPOCH));

    let started = Instant::now();
    let mut cache = EpochContextCache::new(2, window);
    let (result, bytes) = allocated_by(|| {
        let prepared = PreparedHeader::new(&header, &AIPG_MAIN);
        check_header_pow(&prepared, &HeaderRules::STRICT, &mut cache)
    });
    let elapsed = started.elapsed();
    let err = result.unwrap_err();
    assert_eq!(
        err,
        HeaderError::Kawpow(PowError::EpochOutsideWindow {
            epoch: MAX_EPOCH,
            first: 0,
            last: 1_000_001 / EPOCH_LENGTH
        })
    );
    assert_eq!(err.reject_reason(), "invalid-mix-hash");
    assert!(cache.is_empty());
    assert!(bytes <= ALLOCATION_BOUND, "{bytes} bytes allocated");
    // Building the context would take minutes; the rejection costs a few hashes.
    assert!(elapsed.as_secs_f64() < 1.0, "{elapsed:?}");
    eprintln!("bounded_work: check_header_pow rejected it in {elapsed:?}, {bytes} bytes allocated");

    // Reference-exact rules without a checkpoint check the mix too: the window still holds.
    let (result, bytes) = allocated_by(|| {
        let prepared = PreparedHeader::new(&header, &AIPG_MAIN);
        check_header_pow(&prepared, &HeaderRules::reference_exact(None), &mut cache)
    });
    assert_eq!(result.unwrap_err().reject_reason(), "invalid-mix-hash");
    assert!(bytes <= ALLOCATION_BOUND && cache.is_empty(), "{bytes} bytes allocated");
}

fn header_run_checks() {
    let claimed = MAX_EPOCH * EPOCH_LENGTH;
    let first = forged(claimed, BlockHash::from_byte_array([0x22; 32]));
    let run = [first, forged(claimed + 1, first.block_hash(&AIPG_MAIN))];

    // Strict rules at the run's real position: the height binding rejects both first.
    let start = 500_000;
    let mut cache = EpochContextCache::new(2, EpochWindow::for_heights(start, start + 1));
    let (verdicts, bytes) = allocated_by(|| {
        HeaderChainVerifier::new(&AIPG_MAIN, HeaderRules::STRICT).verify(start, &run, &mut cache)
    });
    for v in &verdicts {
        assert_eq!(v.result.as_ref().unwrap_err().reject_reason(), "bad-blk-height");
    }
    assert!(bytes <= ALLOCATION_BOUND && cache.is_empty(), "{bytes} bytes allocated");

    // Reference-exact rules do not bind the height: the window alone stops the work.
    let (verdicts, bytes) = allocated_by(|| {
        HeaderChainVerifier::new(&AIPG_MAIN, HeaderRules::reference_exact(None))
            .verify(start, &run, &mut cache)
    });
    for v in &verdicts {
        assert!(matches!(
            v.result,
            Err(HeaderError::Kawpow(PowError::EpochOutsideWindow { epoch: MAX_EPOCH, .. }))
        ));
    }
    assert!(bytes <= ALLOCATION_BOUND && cache.is_empty(), "{bytes} bytes allocated");

    // A verifier that knows no tip (`aipg headers verify` without `--height`) takes the run's
    // start from the first header's claim; the clock's window keeps the claim from choosing.
    let window = plausible_epoch_window(&AIPG_MAIN, 1_800_000_000);
    assert!(!window.contains(MAX_EPOCH) && window.last() < 1_000, "{window:?}");
    let mut cache = EpochContextCache::new(2, window);
    let (verdicts, bytes) = allocated_by(|| {
        HeaderChainVerifier::new(&AIPG_MAIN, HeaderRules::STRICT).verify(claimed, &run, &mut cache)
    });
    assert_eq!(verdicts.len(), 2);
    for v in &verdicts {
        assert_eq!(v.result.as_ref().unwrap_err().reject_reason(), "invalid-mix-hash");
    }
    assert!(bytes <= ALLOCATION_BOUND && cache.is_empty(), "{bytes} bytes allocated");
    eprintln!("bounded_work: runs rejected with at most {bytes} bytes allocated");
}
