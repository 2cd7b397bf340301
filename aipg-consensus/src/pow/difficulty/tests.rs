// SPDX-License-Identifier: MIT
use super::*;
use aipg_primitives::network::{AIPG_MAIN, AIPG_REGTEST, AIPG_TEST, RVN_MAIN, RVN_TEST};
use alloc::vec::Vec;
use proptest::prelude::*;

fn cb(bits: u32) -> CompactTarget {
    CompactTarget::from_consensus(bits)
}

/// Headers `from..=to` at `spacing` seconds, all with `bits`, the tip at `tip_time`.
fn chain(from: u32, to: u32, tip_time: u32, spacing: u32, bits: u32) -> Vec<HeaderInfo> {
    (from..=to).map(|h| HeaderInfo::new(h, tip_time - (to - h) * spacing, cb(bits))).collect()
}

#[test]
fn limits_restore_the_low_ones() {
    assert_eq!(pow_limit(&AIPG_MAIN), U256::MAX >> 8);
    assert_eq!(pow_limit(&AIPG_REGTEST), U256::MAX >> 1);
    assert_eq!(kawpow_limit(&AIPG_MAIN), U256::MAX >> 28);
    assert_eq!(pow_limit(&RVN_MAIN), U256::MAX >> 20);
    assert_eq!(kawpow_limit(&RVN_MAIN), U256::MAX >> 40);
    assert_eq!(kawpow_limit(&RVN_TEST), U256::MAX >> 24);
    for p in [&AIPG_MAIN, &AIPG_TEST, &AIPG_REGTEST, &RVN_MAIN, &RVN_TEST] {
        assert_eq!(pow_limit(p).to_compact(), p.pow_limit_bits);
        assert_eq!(kawpow_limit(p).to_compact(), p.kawpow_limit_bits);
        assert_eq!(adjustment_interval(p), Ok(2016));
    }
}

#[test]
fn dgw_activation_heights() {
    assert!(is_dgw_active(&AIPG_MAIN, 0));
    assert!(!is_dgw_active(&AIPG_REGTEST, 198));
    assert!(is_dgw_active(&AIPG_REGTEST, 199));
    assert!(!is_dgw_active(&RVN_MAIN, 338_776));
    assert!(is_dgw_active(&RVN_MAIN, 338_777));
    assert!(is_dgw_active(&RVN_MAIN, u32::MAX));
}

#[test]
fn ravencoin_kawpow_bootstrap_uses_its_own_limit() {
    // 180 X16RV2-era headers, then a KAWPOW-timed header: compact(kawpowLimit).
    let t = RVN_MAIN.kawpow_activation_time;
    let c = chain(1_219_556, 1_219_735, t - 60, 60, 0x1b00_ffff);
    let tip = *c.last().unwrap();
    assert_eq!(next_work_required(&RVN_MAIN, c.as_slice(), &tip, t).unwrap(), cb(0x1c00_ffff));
    let t_test = RVN_TEST.kawpow_activation_time;
    let c_test = chain(231_364, 231_543, t_test - 60, 60, 0x1b00_ffff);
    let tip_test = *c_test.last().unwrap();
    assert_eq!(
        next_work_required(&RVN_TEST, c_test.as_slice(), &tip_test, t_test).unwrap(),
        cb(0x1e00_ffff)
    );
    // Before the switch the same window gives ordinary DGW: the 60-second spacing over 179
    // intervals lowers the target slightly.
    let got = next_work_required(&RVN_MAIN, c.as_slice(), &tip, t - 1).unwrap();
    assert_eq!(got, cb(0x1b00_fe92));
}

#[test]
fn ravencoin_testnet_min_difficulty_flag_has_no_effect() {
    // Allow-min-difficulty without no-retargeting: DGW ignores the late header.
    let c = chain(1000, 1200, 1_600_000_000, 60, 0x1c01_f00d);
    let tip = *c.last().unwrap();
    let late = next_work_required(&RVN_TEST, c.as_slice(), &tip, tip.time + 10_000).unwrap();
    let on_time = next_work_required(&RVN_TEST, c.as_slice(), &tip, tip.time + 60).unwrap();
    assert_eq!(late, on_time);
    assert_ne!(late, RVN_TEST.pow_limit_bits);
}

#[test]
fn legacy_retarget_on_ravencoin_main() {
    // Between boundaries the bits carry over.
    let c = chain(4000, 4100, 1_520_000_000, 60, 0x1d00_ffff);
    let tip = *c.last().unwrap();
    assert_eq!(
        next_work_required(&RVN_MAIN, c.as_slice(), &tip, tip.time + 1_000_000).unwrap(),
        tip.bits
    );
    // At a boundary (new height 4032) with blocks twice as fast as intended: half the target.
    let c = chain(2016, 4031, 1_520_000_000, 30, 0x1d00_ffff);
    let tip = *c.last().unwrap();
    let got = next_work_required(&RVN_MAIN, c.as_slice(), &tip, tip.time + 30).unwrap();
    // 2015 intervals of 30 s against a 120960 s timespan.
    let expected = cb(0x1d00_ffff)
        .expand()
        .value
        .wrapping_mul_u32(2015 * 30)
        .checked_div_u64(120_960)
        .unwrap();
    assert_eq!(got, expected.to_compact());
    // The first header of the period must be available.
    assert_eq!(
        next_work_required(&RVN_MAIN, &c[1..], &tip, tip.time + 30),
        Err(DifficultyError::MissingHeader { height: 2016 })
    );
}

#[test]
fn regtest_legacy_min_difficulty() {
    // Regtest below height 200: late header → powLimit; otherwise the last non-limit bits.
    let mut c = chain(0, 150, 1_700_000_000, 60, 0x207f_ffff);
    c[100].bits = cb(0x1f00_ffff);
    let tip = *c.last().unwrap();
    assert_eq!(
        next_work_required(&AIPG_REGTEST, c.as_slice(), &tip, tip.time + 121).unwrap(),
        cb(0x207f_ffff)
    );
    assert_eq!(
        next_work_required(&AIPG_REGTEST, c.as_slice(), &tip, tip.time + 120).unwrap(),
        cb(0x1f00_ffff)
    );
    // The walk stops at genesis when every header is at the limit.
    c[100].bits = cb(0x207f_ffff);
    assert_eq!(
        next_work_required(&AIPG_REGTEST, c.as_slice(), &tip, tip.time).unwrap(),
        cb(0x207f_ffff)
    );
}

#[test]
fn missing_and_wrong_headers_are_errors() {
    let c = chain(500, 700, 1_690_000_000, 60, 0x1b04_04cb);
    let tip = *c.last().unwrap();
    assert_eq!(
        next_work_required(&AIPG_MAIN, &c[30..], &tip, tip.time + 60),
        Err(DifficultyError::MissingHeader { height: 529 })
    );
    struct Liar;
    impl HeaderView for Liar {
        fn header_at(&self, height: u32) -> Option<HeaderInfo> {
            Some(HeaderInfo::new(height.wrapping_add(1), 0, CompactTarget::from_consensus(0)))
        }
    }
    assert_eq!(
        next_work_required(&AIPG_MAIN, &Liar, &tip, tip.time + 60),
        Err(DifficultyError::WrongHeight { expected: 699, got: 700 })
    );
    let empty: &[HeaderInfo] = &[];
    assert_eq!(
        next_work_required(&AIPG_MAIN, empty, &tip, tip.time + 60),
        Err(DifficultyError::MissingHeader { height: 699 })
    );
}

#[test]
fn zero_spacing_is_reported() {
    let bad = NetworkParams { pow_target_spacing: 0, ..AIPG_MAIN };
    let c = chain(500, 700, 1_690_000_000, 60, 0x1b04_04cb);
    let tip = *c.last().unwrap();
    assert_eq!(
        next_work_required(&bad, c.as_slice(), &tip, tip.time + 60),
        Err(DifficultyError::InvalidParams { spacing: 0, timespan: 120_960 })
    );
    let legacy = NetworkParams { dgw_activation_height: u32::MAX, ..bad };
    assert!(matches!(
        next_work_required(&legacy, c.as_slice(), &tip, tip.time + 60),
        Err(DifficultyError::InvalidParams { .. })
    ));
}

#[test]
fn proof_of_work_check() {
    let bits = cb(0x1e00_ffff);
    let mut hash = [0u8; 32];
    hash[29] = 0x00;
    hash[28] = 0xff;
    assert_eq!(check_proof_of_work(&BlockHash::from_byte_array(hash), bits, &AIPG_MAIN), Ok(()));
    hash[29] = 0x01;
    let e = check_proof_of_work(&BlockHash::from_byte_array(hash), bits, &AIPG_MAIN).unwrap_err();
    assert_eq!(e, ProofOfWorkError::HighHash(bits));
    assert_eq!(e.reject_reason(), "high-hash");
    // The hash meeting the target does not excuse a target above the limit.
    let zero = BlockHash::ZERO;
    assert_eq!(check_proof_of_work(&zero, cb(0x2000_ffff), &AIPG_MAIN), Ok(()));
    assert_eq!(
        check_proof_of_work(&zero, cb(0x2001_0000), &AIPG_MAIN),
        Err(ProofOfWorkError::AboveLimit(cb(0x2001_0000)))
    );
    assert_eq!(check_proof_of_work(&zero, cb(0x2001_0000), &AIPG_REGTEST), Ok(()));
    assert!(matches!(
        check_proof_of_work(&zero, cb(0x0492_3456), &AIPG_MAIN),
        Err(ProofOfWorkError::InvalidBits(_))
    ));
    assert!(matches!(
        check_proof_of_work(&zero, cb(0), &AIPG_MAIN),
        Err(ProofOfWorkError::InvalidBits(_))
    ));
    assert_eq!(checked_target(cb(0x1d0f_ffff), &AIPG_MAIN).unwrap().to_compact(), cb(0x1d0f_ffff));
    assert_eq!(
        checked_target(cb(0x1f00_ffff), &RVN_MAIN),
        Err(ProofOfWorkError::AboveLimit(cb(0x1f00_ffff)))
    );
}

fn any_network() -> impl Strategy<Value = NetworkParams> {
    prop_oneof![
        Just(AIPG_MAIN),
        Just(AIPG_TEST),
        Just(AIPG_REGTEST),
        Just(RVN_MAIN),
        Just(RVN_TEST),
    ]
}

/// Arbitrary, possibly nonsensical, parameters: zero or huge spacings, odd limits.
fn any_params() -> impl Strategy<Value = NetworkParams> {
    (
        any_network(),
        any::<u32>(),
        any::<u32>(),
        any::<u32>(),
        any::<u32>(),
        any::<bool>(),
        any::<bool>(),
        any::<u32>(),
    )
        .prop_map(|(base, spacing, timespan, pow, kp, min, noret, dgw)| NetworkParams {
            pow_target_spacing: spacing % 4 * 60 + spacing % 7,
            pow_target_timespan: timespan,
            pow_limit_bits: cb(pow),
            kawpow_limit_bits: cb(kp),
            allow_min_difficulty_blocks: min,
            no_retargeting: noret,
            dgw_activation_height: dgw % 400,
            ..base
        })
}

fn any_chain() -> impl Strategy<Value = Vec<HeaderInfo>> {
    (0u32..3000, proptest::collection::vec((any::<u32>(), any::<u32>()), 0..400)).prop_map(
        |(start, raw)| {
            raw.into_iter()
                .enumerate()
                .map(|(i, (time, bits))| HeaderInfo::new(start + i as u32, time, cb(bits)))
                .collect()
        },
    )
}

proptest! {
    #[test]
    fn never_panics_on_any_chain(params in any_params(), chain in any_chain(), new_time in any::<u32>(), tip in any::<(u32, u32, u32)>(), use_last in any::<bool>()) {
        let tip = match chain.last() {
            Some(t) if use_last => *t,
            _ => HeaderInfo::new(tip.0, tip.1, cb(tip.2)),
        };
        let _ = next_work_required(&params, chain.as_slice(), &tip, new_time);
        let _ = dark_gravity_wave(&params, chain.as_slice(), &tip, new_time);
        let _ = legacy_next_work_required(&params, chain.as_slice(), &tip, new_time);
        let _ = calculate_next_work_required(&params, tip.time, tip.bits, new_time);
    }

    /// With every needed header present, DGW on a network without minimum-difficulty blocks
    /// succeeds and never requires more than `powLimit` (kawpowLimit ≤ powLimit everywhere).
    #[test]
    fn dgw_stays_within_the_limit(
        params in prop_oneof![Just(AIPG_MAIN), Just(AIPG_TEST), Just(RVN_TEST)],
        raw in proptest::collection::vec((any::<u32>(), any::<u32>()), 181..240),
        start in 0u32..100_000,
        new_time in any::<u32>(),
    ) {
        let chain: Vec<HeaderInfo> = raw.iter().enumerate()
            .map(|(i, &(time, bits))| HeaderInfo::new(start + i as u32, time, cb(bits)))
            .collect();
        let tip = *chain.last().unwrap();
        let got = next_work_required(&params, chain.as_slice(), &tip, new_time).unwrap();
        let e = got.expand();
        prop_assert!(!e.negative && !e.overflow);
        prop_assert!(e.value <= pow_limit(&params));
        // Only the last 180 headers are read.
        let window = &chain[chain.len() - 180..];
        prop_assert_eq!(next_work_required(&params, window, &tip, new_time), Ok(got));
    }
}
