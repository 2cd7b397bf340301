// SPDX-License-Identifier: MIT
//! Every header rule on synthetic headers over easy regtest-like parameters, where a header is
//! mined in a couple of tries.

use super::*;
use crate::pow::difficulty::ProofOfWorkError;
use crate::pow::kawpow;
use aipg_primitives::hash::{MerkleRoot, MixHash};
use aipg_primitives::network::AIPG_REGTEST;
use aipg_primitives::units::CompactTarget;
use alloc::boxed::Box;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec;
use alloc::vec::Vec;
// The tests use `std` also in the no-std build.
extern crate std;
use std::sync::OnceLock;

const EASY_BITS: CompactTarget = CompactTarget::from_consensus(0x207f_ffff);
const BASE_TIME: u32 = 1_600_000_000;
const KAWPOW_TIME: u32 = 1_650_000_000;

/// Regtest limits with DGW from height 1 and no minimum-difficulty rule: every header below
/// height 181 requires `0x207fffff`.
const EASY: NetworkParams = NetworkParams {
    allow_min_difficulty_blocks: false,
    no_retargeting: false,
    dgw_activation_height: 1,
    checkpoints: &[],
    ..AIPG_REGTEST
};

/// As [`EASY`], with KAWPOW from [`KAWPOW_TIME`].
const EASY_KAWPOW: NetworkParams = NetworkParams { kawpow_activation_time: KAWPOW_TIME, ..EASY };

/// The epoch-0 context, built once for this test binary.
fn epoch0() -> Arc<EpochContext> {
    static CTX: OnceLock<Arc<EpochContext>> = OnceLock::new();
    Arc::clone(CTX.get_or_init(|| Arc::new(EpochContext::new(0).unwrap())))
}

fn template(prev: BlockHash, time: u32) -> BlockHeader {
    BlockHeader {
        version: VERSION_FLOOR,
        prev_blockhash: prev,
        merkle_root: MerkleRoot::from_byte_array([0x11; 32]),
        time,
        bits: EASY_BITS,
        ..BlockHeader::default()
    }
}

/// Grinds the nonce of a legacy header, from its current one, until its X16R / X16RV2 id meets
/// `nBits`, or gives up after `tries`.
fn try_mine_legacy(mut h: BlockHeader, params: &NetworkParams, tries: u32) -> Option<BlockHeader> {
    for nonce in h.nonce..h.nonce.saturating_add(tries) {
        h.nonce = nonce;
        if check_pow_cheap(&PreparedHeader::new(&h, params)).is_ok() {
            return Some(h);
        }
    }
    None
}

/// Grinds the nonce of a legacy header until its X16R / X16RV2 id meets `nBits`.
fn mine_legacy(h: BlockHeader, params: &NetworkParams) -> BlockHeader {
    try_mine_legacy(h, params, 1 << 12).expect("half of all ids meet 0x207fffff")
}

/// Grinds `nonce64` of a KAWPOW header at epoch 0 until its real mix meets `nBits`, and stores
/// that mix.
fn mine_kawpow(mut h: BlockHeader) -> BlockHeader {
    let ctx = epoch0();
    let target = h.bits.to_target().unwrap().to_u256().to_be_bytes();
    for nonce in 0.. {
        h.nonce64 = nonce;
        let r = kawpow::hash(&ctx, h.height, &h.kawpow_progpow_header(), nonce).unwrap();
        if kawpow::is_below_target(&r.final_hash, &target) {
            let mut mix = r.mix_hash;
            mix.reverse();
            h.mix_hash = MixHash::from_byte_array(mix);
            return h;
        }
    }
    unreachable!()
}

/// Grinds `nonce64` of a KAWPOW header with a made-up mix until the final hash from that
/// claimed mix meets `nBits`: two Keccak-f[800] per try, no ProgPoW work. The mix is wrong.
fn forge_kawpow(mut h: BlockHeader, params: &NetworkParams) -> BlockHeader {
    h.mix_hash = MixHash::from_byte_array([0x5a; 32]);
    for nonce in 0.. {
        h.nonce64 = nonce;
        if check_pow_cheap(&PreparedHeader::new(&h, params)).is_ok() {
            return h;
        }
    }
    unreachable!()
}

/// As [`forge_kawpow`], but also grinds until the final hash from the real mix meets the target,
/// so that light verification reports exactly `invalid-mix-hash`.
fn forge_kawpow_mix_only(mut h: BlockHeader, params: &NetworkParams) -> BlockHeader {
    let ctx = epoch0();
    let target = h.bits.to_target().unwrap().to_u256().to_be_bytes();
    h.mix_hash = MixHash::from_byte_array([0x5a; 32]);
    for nonce in 0.. {
        h.nonce64 = nonce;
        let real = kawpow::hash(&ctx, h.height, &h.kawpow_progpow_header(), nonce).unwrap();
        if check_pow_cheap(&PreparedHeader::new(&h, params)).is_ok()
            && kawpow::is_below_target(&real.final_hash, &target)
        {
            return h;
        }
    }
    unreachable!()
}

/// A mined legacy chain at heights `0..n`, 61 s apart.
fn legacy_chain(n: u32) -> Vec<BlockHeader> {
    let mut out: Vec<BlockHeader> = Vec::new();
    let mut prev = BlockHash::ZERO;
    for i in 0..n {
        let h = mine_legacy(template(prev, BASE_TIME + i * 61), &EASY);
        prev = h.block_hash(&EASY);
        out.push(h);
    }
    out
}

fn infos(chain: &[BlockHeader]) -> Vec<HeaderInfo> {
    chain.iter().enumerate().map(|(i, h)| HeaderInfo::from_block_header(i as u32, h)).collect()
}

/// Checks `header` as the child of `chain.last()` (at height `chain.len()`).
fn contextual(
    header: &BlockHeader,
    params: &NetworkParams,
    rules: &HeaderRules,
    chain: &[BlockHeader],
    now: i64,
) -> Result<(), HeaderError> {
    let view = infos(chain);
    let parent = *view.last().unwrap();
    let parent_hash = chain.last().unwrap().block_hash(params);
    let ctx = HeaderContext { chain: view.as_slice(), parent, parent_hash, now };
    check_header_contextual(&PreparedHeader::new(header, params), params, rules, &ctx)
}

/// A child of `chain.last()` at parent time + 61 s, not mined.
fn child(chain: &[BlockHeader], params: &NetworkParams) -> BlockHeader {
    let last = chain.last().unwrap();
    template(last.block_hash(params), last.time + 61)
}

fn reason(r: Result<(), HeaderError>) -> String {
    r.unwrap_err().reject_reason().to_string()
}

const NOW: i64 = 2_000_000_000;

/// [`check_header_pow`] on a header prepared for `params`.
fn pow_of<P: EpochContextProvider + ?Sized>(
    header: &BlockHeader,
    params: &NetworkParams,
    rules: &HeaderRules,
    epochs: &mut P,
) -> Result<BlockHash, HeaderError> {
    check_header_pow(&PreparedHeader::new(header, params), rules, epochs)
}

/// [`check_header`] on a header prepared for `params`.
fn full<P: EpochContextProvider + ?Sized>(
    header: &BlockHeader,
    params: &NetworkParams,
    rules: &HeaderRules,
    ctx: &HeaderContext<'_, [HeaderInfo]>,
    epochs: &mut P,
) -> Result<BlockHash, HeaderError> {
    check_header(&PreparedHeader::new(header, params), params, rules, ctx, epochs)
}

#[test]
fn legacy_pow_accepts_a_mined_header_and_rejects_a_miss() {
    let chain = legacy_chain(2);
    let h = chain[1];
    let id = pow_of(&h, &EASY, &HeaderRules::STRICT, &mut epoch_none()).unwrap();
    assert_eq!(id, h.block_hash(&EASY));
    // Find a nonce that misses the target.
    let mut bad = h;
    while check_pow_cheap(&PreparedHeader::new(&bad, &EASY)).is_ok() {
        bad.nonce += 1;
    }
    let err = pow_of(&bad, &EASY, &HeaderRules::STRICT, &mut epoch_none()).unwrap_err();
    assert!(matches!(err, HeaderError::HighHash(ProofOfWorkError::HighHash(_))));
    assert_eq!(err.reject_reason(), "high-hash");
}

#[test]
fn bits_above_the_limit_or_invalid_are_high_hash() {
    let mut h = template(BlockHash::ZERO, BASE_TIME);
    h.bits = CompactTarget::from_consensus(0x2100_ffff); // above powLimit: every hash would pass the target itself
    let err = pow_of(&h, &EASY, &HeaderRules::STRICT, &mut epoch_none()).unwrap_err();
    assert!(matches!(err, HeaderError::HighHash(ProofOfWorkError::AboveLimit(_))));
    assert_eq!(err.reject_reason(), "high-hash");
    h.bits = CompactTarget::from_consensus(0); // zero target
    let err = pow_of(&h, &EASY, &HeaderRules::STRICT, &mut epoch_none()).unwrap_err();
    assert!(matches!(err, HeaderError::HighHash(ProofOfWorkError::InvalidBits(_))));
    assert_eq!(err.reject_reason(), "high-hash");
}

/// A provider that must never be asked (legacy headers need no epoch context).
fn epoch_none() -> impl EpochContextProvider {
    struct Never;
    impl EpochContextProvider for Never {
        fn window(&self) -> EpochWindow {
            EpochWindow::new(0, u32::MAX)
        }

        fn epoch_context(&mut self, epoch: u32) -> Result<Arc<EpochContext>, PowError> {
            panic!("no epoch context should be needed (asked for {epoch})")
        }
    }
    Never
}

#[test]
fn contextual_accepts_an_honest_child() {
    let chain = legacy_chain(12);
    let h = child(&chain, &EASY);
    assert_eq!(contextual(&h, &EASY, &HeaderRules::STRICT, &chain, NOW), Ok(()));
    assert_eq!(contextual(&h, &EASY, &HeaderRules::reference_exact(None), &chain, NOW), Ok(()));
}

#[test]
fn wrong_parent_is_prev_blk_not_found() {
    let chain = legacy_chain(3);
    let mut h = child(&chain, &EASY);
    h.prev_blockhash = chain[0].block_hash(&EASY);
    let err = contextual(&h, &EASY, &HeaderRules::STRICT, &chain, NOW).unwrap_err();
    assert!(matches!(err, HeaderError::PrevBlockNotFound { .. }));
    assert_eq!(err.reject_reason(), "prev-blk-not-found");
}

#[test]
fn wrong_bits_is_bad_diffbits_and_comes_first() {
    let chain = legacy_chain(3);
    let mut h = child(&chain, &EASY);
    h.bits = CompactTarget::from_consensus(0x207f_fffe);
    // Also too old and with a bad version: bad-diffbits is reported first.
    h.time = chain[0].time;
    h.version = 1;
    let err = contextual(&h, &EASY, &HeaderRules::STRICT, &chain, NOW).unwrap_err();
    assert_eq!(
        err,
        HeaderError::BadDiffBits {
            required: EASY_BITS,
            got: CompactTarget::from_consensus(0x207f_fffe)
        }
    );
    assert_eq!(err.reject_reason(), "bad-diffbits");
}

#[test]
fn kawpow_height_field_is_bound_to_the_chain_height() {
    let chain = legacy_chain(3);
    let last = chain.last().unwrap();
    let mut h = template(last.block_hash(&EASY_KAWPOW), KAWPOW_TIME);
    h.height = 3;
    assert_eq!(contextual(&h, &EASY_KAWPOW, &HeaderRules::STRICT, &chain, NOW), Ok(()));
    h.height = 0;
    let err = contextual(&h, &EASY_KAWPOW, &HeaderRules::STRICT, &chain, NOW).unwrap_err();
    assert_eq!(err, HeaderError::BadHeight { expected: 3, got: 0 });
    assert_eq!(err.reject_reason(), "bad-blk-height");
    // AIPG Core has no such rule.
    assert_eq!(
        contextual(&h, &EASY_KAWPOW, &HeaderRules::reference_exact(None), &chain, NOW),
        Ok(())
    );
    // A network with its own binding height uses it in both modes.
    let late = NetworkParams { header_height_rule_height: Some(4), ..EASY_KAWPOW };
    assert_eq!(contextual(&h, &late, &HeaderRules::STRICT, &chain, NOW), Ok(()));
    let early = NetworkParams { header_height_rule_height: Some(3), ..EASY_KAWPOW };
    for rules in [HeaderRules::STRICT, HeaderRules::reference_exact(None)] {
        assert_eq!(reason(contextual(&h, &early, &rules, &chain, NOW)), "bad-blk-height");
    }
    // 80-byte headers carry no height field.
    let legacy = child(&chain, &EASY);
    assert_eq!(
        check_header_height(&PreparedHeader::new(&legacy, &EASY), &EASY, &HeaderRules::STRICT, 3),
        Ok(())
    );
}

#[test]
fn fork_below_the_known_checkpoint_is_rejected() {
    let chain = legacy_chain(5);
    let h = child(&chain, &EASY);
    for rules in [HeaderRules::strict(Some(6)), HeaderRules::reference_exact(Some(6))] {
        let err = contextual(&h, &EASY, &rules, &chain, NOW).unwrap_err();
        assert_eq!(err, HeaderError::ForkBeforeCheckpoint { height: 5, checkpoint_height: 6 });
        assert_eq!(err.reject_reason(), "bad-fork-prior-to-checkpoint");
    }
    // At or above the checkpoint height is not a fork below it.
    assert_eq!(contextual(&h, &EASY, &HeaderRules::strict(Some(5)), &chain, NOW), Ok(()));
}

/// Parameters with one checkpoint at `height` naming `hash`.
fn with_checkpoint(height: u32, hash: BlockHash) -> NetworkParams {
    let text: &'static str = Box::leak(hash.to_string().into_boxed_str());
    let list: &'static [(u32, &'static str)] = Box::leak(vec![(height, text)].into_boxed_slice());
    NetworkParams { checkpoints: list, ..EASY }
}

#[test]
fn checkpoint_hash_must_match_in_strict_mode() {
    let chain = legacy_chain(6);
    let (prefix, at) = chain.split_at(5);
    let good = with_checkpoint(5, at[0].block_hash(&EASY));
    assert_eq!(contextual(&at[0], &good, &HeaderRules::STRICT, prefix, NOW), Ok(()));
    let other = with_checkpoint(5, BlockHash::from_byte_array([7; 32]));
    let err = contextual(&at[0], &other, &HeaderRules::STRICT, prefix, NOW).unwrap_err();
    assert!(matches!(err, HeaderError::CheckpointMismatch { height: 5, .. }));
    assert_eq!(err.reject_reason(), "checkpoint mismatch");
    // AIPG Core does not compare checkpoint hashes.
    assert_eq!(
        contextual(&at[0], &other, &HeaderRules::reference_exact(None), prefix, NOW),
        Ok(())
    );
    assert_eq!(checkpoint_at(&good, 5), Some(at[0].block_hash(&EASY)));
    assert_eq!(last_checkpoint_at_or_below(&good, 4), None);
    assert_eq!(last_checkpoint_at_or_below(&good, 9), Some(5));
}

#[test]
fn median_time_past_takes_the_middle_of_eleven() {
    // Times out of order: the median of the last 11 is taken after sorting.
    let times = [5u32, 100, 3, 90, 7, 80, 1, 70, 9, 60, 11, 50, 13];
    let view: Vec<HeaderInfo> =
        times.iter().enumerate().map(|(i, &t)| HeaderInfo::new(i as u32, t, EASY_BITS)).collect();
    // Heights 2..=12: sorted 1 3 7 9 11 13 50 60 70 80 90 -> index 5 = 13.
    assert_eq!(median_time_past(view.as_slice(), &view[12]), Ok(13));
    // Near genesis fewer are used: heights 0..=3 sorted 3 5 90 100 -> index 2 = 90.
    assert_eq!(median_time_past(view.as_slice(), &view[3]), Ok(90));
    assert_eq!(median_time_past(view.as_slice(), &view[0]), Ok(5));
    // A gap in the view is missing context.
    assert_eq!(
        median_time_past(&view[5..], &view[12]),
        Err(DifficultyError::MissingHeader { height: 4 })
    );
}

#[test]
fn time_not_after_median_is_too_old() {
    let chain = legacy_chain(12);
    let mtp =
        median_time_past(infos(&chain).as_slice(), &HeaderInfo::from_block_header(11, &chain[11]))
            .unwrap();
    let mut h = child(&chain, &EASY);
    h.time = mtp;
    let err = contextual(&h, &EASY, &HeaderRules::STRICT, &chain, NOW).unwrap_err();
    assert_eq!(err, HeaderError::TimeTooOld { time: mtp, median_time_past: mtp });
    assert_eq!(err.reject_reason(), "time-too-old");
    h.time = mtp + 1;
    assert_eq!(contextual(&h, &EASY, &HeaderRules::STRICT, &chain, NOW), Ok(()));
}

#[test]
fn future_limit_is_720_seconds_with_dgw_and_7200_before() {
    let chain = legacy_chain(4);
    let h = child(&chain, &EASY);
    let now = i64::from(h.time) - MAX_FUTURE_BLOCK_TIME_DGW;
    assert_eq!(contextual(&h, &EASY, &HeaderRules::STRICT, &chain, now), Ok(()));
    let err = contextual(&h, &EASY, &HeaderRules::STRICT, &chain, now - 1).unwrap_err();
    assert_eq!(err, HeaderError::TimeTooNew { time: h.time, max_time: i64::from(h.time) - 1 });
    assert_eq!(err.reject_reason(), "time-too-new");

    // Before DGW (legacy retarget keeps the parent's bits between retargets): 7200 s.
    let legacy = NetworkParams { dgw_activation_height: 1000, ..EASY };
    let now = i64::from(h.time) - MAX_FUTURE_BLOCK_TIME;
    assert_eq!(contextual(&h, &legacy, &HeaderRules::STRICT, &chain, now), Ok(()));
    assert_eq!(
        reason(contextual(&h, &legacy, &HeaderRules::STRICT, &chain, now - 1)),
        "time-too-new"
    );
}

#[test]
fn version_below_the_asset_floor_is_rejected() {
    let chain = legacy_chain(3);
    let mut h = child(&chain, &EASY);
    h.version = 0x2000_0000;
    let err = contextual(&h, &EASY, &HeaderRules::STRICT, &chain, NOW).unwrap_err();
    assert_eq!(err, HeaderError::BadVersion(0x2000_0000));
    assert_eq!(err.reject_reason(), "bad-version(0x20000000)");
    h.version = -1;
    assert_eq!(
        reason(contextual(&h, &EASY, &HeaderRules::STRICT, &chain, NOW)),
        "bad-version(0xffffffff)"
    );
    h.version = VERSION_FLOOR;
    assert_eq!(contextual(&h, &EASY, &HeaderRules::STRICT, &chain, NOW), Ok(()));
    // Ravencoin enforced the floor only once assets activated.
    assert!(!assets_deployed(&aipg_primitives::network::RVN_MAIN, 435_455));
    assert!(assets_deployed(&aipg_primitives::network::RVN_MAIN, 435_456));
}

#[test]
fn missing_ancestors_are_context_errors_not_verdicts() {
    // DGW at height 201 needs the 179 ancestors of the parent; give only the parent.
    let parent = HeaderInfo::new(200, BASE_TIME, EASY_BITS);
    let view = [parent];
    let h = template(BlockHash::ZERO, BASE_TIME + 60);
    let ctx = HeaderContext { chain: &view[..], parent, parent_hash: BlockHash::ZERO, now: NOW };
    let err =
        check_header_contextual(&PreparedHeader::new(&h, &EASY), &EASY, &HeaderRules::STRICT, &ctx)
            .unwrap_err();
    assert!(matches!(err, HeaderError::MissingContext(DifficultyError::MissingHeader { .. })));
    assert!(!err.is_invalid_header());
    assert_eq!(err.reject_reason(), "prev-blk-not-found");
    assert!(HeaderError::BadVersion(0).is_invalid_header());
}

#[test]
fn check_header_runs_every_rule() {
    let chain = legacy_chain(12);
    let h = mine_legacy(child(&chain, &EASY), &EASY);
    let view = infos(&chain);
    let ctx = HeaderContext {
        chain: view.as_slice(),
        parent: *view.last().unwrap(),
        parent_hash: chain[11].block_hash(&EASY),
        now: NOW,
    };
    let id = full(&h, &EASY, &HeaderRules::STRICT, &ctx, &mut epoch_none()).unwrap();
    assert_eq!(id, h.block_hash(&EASY));
    let mut old = h;
    old.version = 4;
    let old = mine_legacy(old, &EASY);
    let err = full(&old, &EASY, &HeaderRules::STRICT, &ctx, &mut epoch_none()).unwrap_err();
    assert_eq!(err.reject_reason(), "bad-version(0x00000004)");
}

#[test]
fn kawpow_mined_header_passes_and_a_wrong_mix_is_invalid_mix_hash() {
    let mut epochs = epoch0();
    let mut h = template(BlockHash::from_byte_array([3; 32]), KAWPOW_TIME);
    h.height = 7;
    let h = mine_kawpow(h);
    for rules in [HeaderRules::STRICT, HeaderRules::reference_exact(Some(0))] {
        assert_eq!(pow_of(&h, &EASY_KAWPOW, &rules, &mut epochs), Ok(h.block_hash(&EASY_KAWPOW)));
    }
    let forged = forge_kawpow_mix_only(h, &EASY_KAWPOW);
    let err = pow_of(&forged, &EASY_KAWPOW, &HeaderRules::STRICT, &mut epochs).unwrap_err();
    assert!(matches!(err, HeaderError::Kawpow(PowError::MixMismatch { .. })));
    assert_eq!(err.reject_reason(), "invalid-mix-hash");
    // Claimed height 7 is above the checkpoint: reference-exact verifies the mix too.
    assert!(
        pow_of(&forged, &EASY_KAWPOW, &HeaderRules::reference_exact(Some(0)), &mut epochs).is_err()
    );
}

/// The 2026 exploit on an AIPG network: AIPG lists genesis as checkpoint 0, so a KAWPOW header
/// declaring `nHeight` 0 skips the mix check in AIPG Core. Forging one takes two Keccak-f[800]
/// per try, no ProgPoW work.
#[test]
fn declared_height_zero_skips_the_mix_only_in_reference_exact_mode() {
    let mut epochs = epoch0();
    let chain = legacy_chain(3);
    let mut h = template(chain[2].block_hash(&EASY_KAWPOW), KAWPOW_TIME);
    h.height = 0; // the real height is 3
    let forged = forge_kawpow_mix_only(h, &EASY_KAWPOW);
    // Genesis (checkpoint 0) is held.
    let exact = HeaderRules::reference_exact(Some(0));
    assert_eq!(
        pow_of(&forged, &EASY_KAWPOW, &exact, &mut epochs),
        Ok(forged.block_hash(&EASY_KAWPOW))
    );
    assert_eq!(contextual(&forged, &EASY_KAWPOW, &exact, &chain, NOW), Ok(()));

    let strict = HeaderRules::strict(Some(0));
    let err = pow_of(&forged, &EASY_KAWPOW, &strict, &mut epochs).unwrap_err();
    assert_eq!(err.reject_reason(), "invalid-mix-hash");
    let err = contextual(&forged, &EASY_KAWPOW, &strict, &chain, NOW).unwrap_err();
    assert_eq!(err, HeaderError::BadHeight { expected: 3, got: 0 });

    // The full check reports the cheap rule and never builds a context.
    let view = infos(&chain);
    let ctx = HeaderContext {
        chain: view.as_slice(),
        parent: view[2],
        parent_hash: chain[2].block_hash(&EASY_KAWPOW),
        now: NOW,
    };
    let err = full(&forged, &EASY_KAWPOW, &strict, &ctx, &mut epoch_none()).unwrap_err();
    assert_eq!(err.reject_reason(), "bad-blk-height");
    assert!(full(&forged, &EASY_KAWPOW, &exact, &ctx, &mut epoch_none()).is_ok());
}

#[test]
fn epoch_context_failures_are_invalid_mix_hash() {
    let mut h = template(BlockHash::ZERO, KAWPOW_TIME);
    h.height = u32::MAX; // epoch above the supported maximum
    let h = forge_kawpow(h, &EASY_KAWPOW);
    let mut cache = EpochContextCache::new(1, EpochWindow::new(0, u32::MAX));
    let err = pow_of(&h, &EASY_KAWPOW, &HeaderRules::STRICT, &mut cache).unwrap_err();
    assert!(matches!(err, HeaderError::Kawpow(PowError::EpochTooLarge { .. })));
    assert_eq!(err.reject_reason(), "invalid-mix-hash");
    assert!(cache.is_empty());
}

#[test]
fn verifier_checks_a_mixed_run() {
    // Heights 0..12 legacy, then two mined KAWPOW headers at 12 and 13.
    let mut run = legacy_chain(12);
    for height in [12u32, 13] {
        let prev = run.last().unwrap();
        let mut h = template(prev.block_hash(&EASY_KAWPOW), KAWPOW_TIME + height);
        h.height = height;
        run.push(mine_kawpow(h));
    }
    let mut epochs = epoch0();
    let verifier = HeaderChainVerifier::new(&EASY_KAWPOW, HeaderRules::STRICT).with_now(NOW);
    let verdicts = verifier.verify(0, &run, &mut epochs);
    assert_eq!(verdicts.len(), 14);
    for (i, v) in verdicts.iter().enumerate() {
        assert_eq!(v.result, Ok(()), "height {i}");
        assert_eq!(v.height, i as u32);
        assert_eq!(v.contextual, i > 0, "height {i}");
        assert_eq!(v.hash, run[i].block_hash(&EASY_KAWPOW));
    }
    assert_eq!(verdicts[13].algorithm, PowAlgorithm::Kawpow);
    assert_eq!(verdicts[1].algorithm, PowAlgorithm::X16rv2);

    // A broken link, a forged KAWPOW header and a wrong height field are each reported.
    let mut bad = run.clone();
    bad[5].prev_blockhash = BlockHash::ZERO;
    bad[5] = mine_legacy(bad[5], &EASY_KAWPOW);
    let v = verifier.verify(0, &bad, &mut epochs);
    assert_eq!(v[5].result.as_ref().unwrap_err().reject_reason(), "prev-blk-not-found");
    assert_eq!(v[6].result.as_ref().unwrap_err().reject_reason(), "prev-blk-not-found");

    let mut bad = run.clone();
    bad[13] = forge_kawpow_mix_only(bad[13], &EASY_KAWPOW);
    let v = verifier.verify(0, &bad, &mut epochs);
    assert!(v[12].is_valid());
    assert_eq!(v[13].result.as_ref().unwrap_err().reject_reason(), "invalid-mix-hash");

    // Started at the wrong height, the first header's height field is caught too.
    let v = verifier.verify(11, &run[12..], &mut epochs);
    assert_eq!(v[0].result, Err(HeaderError::BadHeight { expected: 11, got: 12 }));
    assert!(!v[0].contextual);

    // A run that starts mid-chain: the first header has no parent in the run.
    let v = verifier.verify(12, &run[12..], &mut epochs);
    assert!(v.iter().all(HeaderVerdict::is_valid));
    assert!(!v[0].contextual);
    // Height 13's median time past reaches below the run, so its contextual rules are skipped.
    assert!(!v[1].contextual);
    let _ = format!("{:?}", v);
}
