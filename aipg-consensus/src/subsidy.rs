// SPDX-License-Identifier: MIT
//! Block subsidy and the coinbase rules that depend on it.
//!
//! - [`block_subsidy`]: the AIPG schedule (`GetBlockSubsidy` in
//!   `AIPowerGrid/AI-Power-Grid-Core: src/validation.cpp`) on AIPG networks and Ravencoin's
//!   halving schedule (`RavenProject/Ravencoin: src/validation.cpp`) on Ravencoin networks.
//! - [`required_coinbase_fee`] and [`check_coinbase_fee_output`]: AIPG's mandatory output 1
//!   (5 % of the subsidy before height 710,000 on main, 60 % from it), checked in `ConnectBlock`.
//! - [`check_coinbase_amount`]: the coinbase pays at most subsidy plus fees (`bad-cb-amount`).
//!
//! # Heights where the reference's shift is undefined
//!
//! The last phase of the AIPG schedule is `97,656,250 >> ((h − 8,850,000) / 1,050,000)` with no
//! guard against large shift counts. From height 76,050,000 the count reaches 64, which is
//! undefined behaviour in C++; the reference as built on x86-64 (and on AArch64, whose variable
//! shifts behave the same) uses the count modulo 64, so the subsidy comes back (97,656,250 at
//! 76,050,000, 23 at 100,000,000). [`block_subsidy`] returns exactly those values, so that it
//! agrees with deployed nodes; the heights are about 145 years away. The same rule covers
//! regtest heights 600 – 399,999, where the count is −8 (C++ truncating division) and the
//! masked shift of 56 gives 0. Heights above `i32::MAX`, which the reference's `int` height
//! cannot represent, have a subsidy of 0.

// Consensus arithmetic on untrusted values is checked or saturating; the panic lints are denied
// for all library code in the workspace manifest.
#![deny(clippy::arithmetic_side_effects)]

use aipg_primitives::amount::{Amount, COIN};
use aipg_primitives::network::{CoinbaseFeeParams, NetworkParams};
use aipg_primitives::transaction::Transaction;

/// Why a coinbase breaks a subsidy rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SubsidyError {
    /// The coinbase has no output 1 to carry the mandatory fee. The reference reads the missing
    /// output out of bounds; here the block is invalid.
    #[error("coinbase has {outputs} outputs; the fee output 1 is missing")]
    MissingFeeOutput {
        /// The number of coinbase outputs.
        outputs: usize,
    },
    /// Output 1 does not pay exactly the required fee.
    #[error("coinbase fee output pays {actual}, must pay exactly {expected}")]
    WrongFeeAmount {
        /// The required value in satoshis.
        expected: i64,
        /// The value of output 1 in satoshis.
        actual: i64,
    },
    /// Output 1 does not carry the community script.
    #[error("coinbase fee output does not pay the community script")]
    WrongFeeScript,
    /// The coinbase outputs add up to more than subsidy plus fees.
    #[error("coinbase pays too much: {actual} > {limit}")]
    CoinbasePaysTooMuch {
        /// The sum of the coinbase outputs in satoshis.
        actual: i64,
        /// Subsidy plus fees in satoshis.
        limit: i64,
    },
    /// A coinbase output value, or their sum, is outside the money range.
    #[error("coinbase output values are out of range")]
    ValueOutOfRange,
}

impl SubsidyError {
    /// Returns the reference's reject reason (`ConnectBlock` in
    /// `AIPowerGrid/AI-Power-Grid-Core: src/validation.cpp`).
    ///
    /// A missing output 1 has no reason of its own in the reference (it reads out of bounds);
    /// it is reported as the amount failure, the first check that reads it.
    pub fn reject_reason(&self) -> &'static str {
        match self {
            Self::MissingFeeOutput { .. } | Self::WrongFeeAmount { .. } => {
                "bad-cb-community-autonomous-amount"
            }
            Self::WrongFeeScript => "bad-cb-community-autonomous-address",
            Self::CoinbasePaysTooMuch { .. } => "bad-cb-amount",
            Self::ValueOutOfRange => "bad-txns-txouttotal-toolarge",
        }
    }
}

/// Returns the block subsidy at `height` (fees not included).
///
/// AIPG networks use the AIPG schedule with the network's halving interval for the first four
/// halvings; Ravencoin networks halve 5000 RVN every interval and pay 0 from 64 halvings. See the
/// module docs for the heights where the AIPG reference's shift is undefined.
pub fn block_subsidy(height: u32, params: &NetworkParams) -> Amount {
    let sat = if params.network.is_aipg() {
        aipg_subsidy_sat(height, params.subsidy_halving_interval)
    } else {
        ravencoin_subsidy_sat(height, params.subsidy_halving_interval)
    };
    // Every schedule value is between 0 and 5000 coins, inside the money range.
    Amount::from_sat(sat).unwrap_or(Amount::ZERO)
}

/// Returns `value >> shift` with the shift count taken modulo 64, as an `int64_t` shift by a
/// variable count executes on x86-64 and AArch64.
fn shr_masked(value: i64, shift: i32) -> i64 {
    // The count's two's-complement bits (a same-width cast); the mask is what the hardware
    // applies.
    #[allow(clippy::cast_sign_loss)]
    let count = shift as u32;
    value >> (count & 63)
}

/// The AIPG schedule in satoshis.
fn aipg_subsidy_sat(height: u32, halving_interval: u32) -> i64 {
    let Ok(h) = i32::try_from(height) else { return 0 };
    // The reference's interval is an `int`; a zero interval would divide by zero there, so it
    // is taken to skip the first phase.
    let halvings = i32::try_from(halving_interval).ok().and_then(|i| h.checked_div(i));
    match h {
        _ if halvings.is_some_and(|n| n < 4) => shr_masked(500 * COIN, halvings.unwrap_or(0)),
        400_000..500_000 => 3_125_000_000,
        500_000..3_000_000 => 1_562_500_000,
        3_000_000..4_575_000 => {
            shr_masked(1_562_500_000, h.wrapping_sub(3_000_000).wrapping_div(525_000))
        }
        4_575_000..8_850_000 => 195_312_500,
        // Negative below 8,850,000 (regtest), truncated toward zero as in C++.
        _ => shr_masked(97_656_250, h.wrapping_sub(8_850_000).wrapping_div(1_050_000)),
    }
}

/// Ravencoin's schedule in satoshis: 5000 RVN halved every interval, 0 from 64 halvings.
fn ravencoin_subsidy_sat(height: u32, halving_interval: u32) -> i64 {
    match height.checked_div(halving_interval) {
        Some(halvings) if halvings < 64 => (5000 * COIN) >> halvings,
        _ => 0,
    }
}

/// Returns the value coinbase output 1 must have at `height`, or `None` on networks without the
/// fee rule.
///
/// The value is `subsidy × percent / 100` (truncating), with the community percentage below the
/// grid-fee start height and the grid-fee percentage from it. Fees are not included.
pub fn required_coinbase_fee(height: u32, params: &NetworkParams) -> Option<i64> {
    let rule = params.coinbase_fee.as_ref()?;
    Some(fee_for(rule, height, block_subsidy(height, params).to_sat()))
}

fn fee_for(rule: &CoinbaseFeeParams, height: u32, subsidy: i64) -> i64 {
    let percent = if height >= rule.grid_fee_start_height {
        rule.grid_fee_percent
    } else {
        rule.community_percent
    };
    // subsidy ≤ 5·10^11 and percentages are small, so the product fits; saturate anyway for
    // custom parameters.
    subsidy.saturating_mul(percent).checked_div(100).unwrap_or(0)
}

/// Checks AIPG's mandatory coinbase output 1 (`ConnectBlock`): its value must equal
/// [`required_coinbase_fee`] exactly and its script must be the community script, byte for byte.
///
/// Passes on networks without the rule and at height 0 (the genesis block is never connected).
/// `coinbase` is the block's first transaction; it is not checked to be a coinbase here.
///
/// # Errors
/// [`SubsidyError::MissingFeeOutput`], [`SubsidyError::WrongFeeAmount`] or
/// [`SubsidyError::WrongFeeScript`], checked in the reference's order (amount, then script).
pub fn check_coinbase_fee_output(
    coinbase: &Transaction,
    height: u32,
    params: &NetworkParams,
) -> Result<(), SubsidyError> {
    let Some(rule) = params.coinbase_fee.as_ref() else { return Ok(()) };
    if height == 0 {
        return Ok(());
    }
    let output = coinbase
        .output
        .get(1)
        .ok_or(SubsidyError::MissingFeeOutput { outputs: coinbase.output.len() })?;
    let expected = fee_for(rule, height, block_subsidy(height, params).to_sat());
    if output.value != expected {
        return Err(SubsidyError::WrongFeeAmount { expected, actual: output.value });
    }
    if output.script_pubkey.as_bytes() != rule.script_pubkey {
        return Err(SubsidyError::WrongFeeScript);
    }
    Ok(())
}

/// Checks that the coinbase pays at most the subsidy plus the block's fees (`bad-cb-amount` in
/// `ConnectBlock`). Every output counts, asset outputs included (their value must be 0 anyway).
///
/// # Errors
/// [`SubsidyError::ValueOutOfRange`] when an output or the sum leaves the money range, and
/// [`SubsidyError::CoinbasePaysTooMuch`] when the sum exceeds the limit.
pub fn check_coinbase_amount(
    coinbase: &Transaction,
    fees: Amount,
    height: u32,
    params: &NetworkParams,
) -> Result<(), SubsidyError> {
    let mut total = 0i64;
    for out in &coinbase.output {
        if !params.money_range(out.value) {
            return Err(SubsidyError::ValueOutOfRange);
        }
        total = total.checked_add(out.value).ok_or(SubsidyError::ValueOutOfRange)?;
        if !params.money_range(total) {
            return Err(SubsidyError::ValueOutOfRange);
        }
    }
    let limit = fees.to_sat().saturating_add(block_subsidy(height, params).to_sat());
    if total > limit {
        return Err(SubsidyError::CoinbasePaysTooMuch { actual: total, limit });
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::arithmetic_side_effects)]
mod tests {
    use super::*;
    use aipg_primitives::network::{AIPG_MAIN, AIPG_REGTEST, AIPG_TEST, RVN_MAIN, RVN_TEST};
    use aipg_primitives::script::ScriptBuf;
    use aipg_primitives::transaction::TxOut;
    use alloc::vec;
    use proptest::prelude::*;

    fn sat(h: u32, p: &NetworkParams) -> i64 {
        block_subsidy(h, p).to_sat()
    }

    fn coinbase(outputs: &[(i64, &[u8])]) -> Transaction {
        Transaction {
            version: 1,
            input: vec![],
            output: outputs
                .iter()
                .map(|&(value, script)| TxOut {
                    value,
                    script_pubkey: ScriptBuf::from(script.to_vec()),
                })
                .collect(),
            lock_time: 0,
        }
    }

    #[test]
    fn aipg_schedule_boundaries() {
        let p = &AIPG_MAIN;
        assert_eq!(sat(1, p), 500 * COIN);
        assert_eq!(sat(399_999, p), 6_250_000_000);
        assert_eq!(sat(400_000, p), 3_125_000_000);
        assert_eq!(sat(3_524_999, p), 1_562_500_000);
        assert_eq!(sat(3_525_000, p), 781_250_000);
        assert_eq!(sat(37_199_999, p), 1);
        assert_eq!(sat(37_200_000, p), 0);
        assert_eq!(sat(76_050_000, p), 97_656_250);
        assert_eq!(sat(u32::MAX, p), 0);
        assert_eq!(sat(i32::MAX as u32 + 1, p), 0);
    }

    #[test]
    fn regtest_schedule() {
        let p = &AIPG_REGTEST;
        assert_eq!(sat(149, p), 500 * COIN);
        assert_eq!(sat(150, p), 250 * COIN);
        assert_eq!(sat(599, p), 6_250_000_000);
        // Negative shift count −8, masked to 56.
        assert_eq!(sat(600, p), 0);
        assert_eq!(sat(399_999, p), 0);
        assert_eq!(sat(400_000, p), 3_125_000_000);
        assert_eq!(sat(8_850_000, p), 97_656_250);
    }

    #[test]
    fn ravencoin_schedule() {
        for p in [&RVN_MAIN, &RVN_TEST] {
            assert_eq!(sat(0, p), 5000 * COIN);
            assert_eq!(sat(2_099_999, p), 5000 * COIN);
            assert_eq!(sat(2_100_000, p), 2500 * COIN);
            assert_eq!(sat(79_800_000, p), 1);
            assert_eq!(sat(81_900_000, p), 0);
            assert_eq!(sat(64 * 2_100_000, p), 0);
            assert_eq!(sat(u32::MAX, p), 0);
            assert_eq!(required_coinbase_fee(100, p), None);
            assert_eq!(check_coinbase_fee_output(&coinbase(&[]), 100, p), Ok(()));
        }
        // The total issued by subsidy (ravencoin.md §1): sum over all halvings.
        let total: i64 = (0..64).map(|k| ((5000 * COIN) >> k) * 2_100_000).sum();
        assert_eq!(total, 2_099_999_999_972_700_000);
    }

    #[test]
    fn fee_output_checks() {
        let p = &AIPG_MAIN;
        let script = p.coinbase_fee.unwrap().script_pubkey;
        let ok = coinbase(&[(47_500_000_000, &[0x51]), (2_500_000_000, script)]);
        assert_eq!(check_coinbase_fee_output(&ok, 1, p), Ok(()));
        // Genesis is never connected.
        assert_eq!(check_coinbase_fee_output(&coinbase(&[]), 0, p), Ok(()));
        let e =
            check_coinbase_fee_output(&coinbase(&[(50_000_000_000, &[0x51])]), 1, p).unwrap_err();
        assert_eq!(e, SubsidyError::MissingFeeOutput { outputs: 1 });
        assert_eq!(e.reject_reason(), "bad-cb-community-autonomous-amount");
        let e = check_coinbase_fee_output(&coinbase(&[]), 5, p).unwrap_err();
        assert_eq!(e, SubsidyError::MissingFeeOutput { outputs: 0 });
        let e = check_coinbase_fee_output(&ok, 710_000, p).unwrap_err();
        assert_eq!(
            e,
            SubsidyError::WrongFeeAmount { expected: 937_500_000, actual: 2_500_000_000 }
        );
        let wrong_script = coinbase(&[(0, &[]), (2_500_000_000, &script[..24])]);
        let e = check_coinbase_fee_output(&wrong_script, 1, p).unwrap_err();
        assert_eq!(e, SubsidyError::WrongFeeScript);
        assert_eq!(e.reject_reason(), "bad-cb-community-autonomous-address");
        // Amount is checked before script.
        let both_wrong = coinbase(&[(0, &[]), (1, &[])]);
        assert!(matches!(
            check_coinbase_fee_output(&both_wrong, 1, p),
            Err(SubsidyError::WrongFeeAmount { .. })
        ));
    }

    #[test]
    fn test_and_regtest_fee_choice() {
        // Zero grid-fee parameters and an empty script: output 1 must exist, pay 0 and be empty.
        for p in [&AIPG_TEST, &AIPG_REGTEST] {
            assert_eq!(required_coinbase_fee(1, p), Some(0));
            assert_eq!(check_coinbase_fee_output(&coinbase(&[(0, &[]), (0, &[])]), 1, p), Ok(()));
            assert_eq!(
                check_coinbase_fee_output(&coinbase(&[(0, &[])]), 1, p),
                Err(SubsidyError::MissingFeeOutput { outputs: 1 })
            );
        }
    }

    #[test]
    fn coinbase_amount() {
        let p = &AIPG_MAIN;
        let fees = Amount::from_sat(1000).unwrap();
        let cb = coinbase(&[(47_500_001_000, &[]), (2_500_000_000, &[])]);
        assert_eq!(check_coinbase_amount(&cb, fees, 1, p), Ok(()));
        let e = check_coinbase_amount(&cb, Amount::ZERO, 1, p).unwrap_err();
        assert_eq!(
            e,
            SubsidyError::CoinbasePaysTooMuch { actual: 50_000_001_000, limit: 50_000_000_000 }
        );
        assert_eq!(e.reject_reason(), "bad-cb-amount");
        let neg = coinbase(&[(-1, &[])]);
        assert_eq!(check_coinbase_amount(&neg, fees, 1, p), Err(SubsidyError::ValueOutOfRange));
        let huge = coinbase(&[(p.max_money, &[]), (p.max_money, &[])]);
        assert_eq!(check_coinbase_amount(&huge, fees, 1, p), Err(SubsidyError::ValueOutOfRange));
    }

    proptest! {
        #[test]
        fn never_panics(height in any::<u32>(), interval in any::<u32>(), which in 0usize..5, values in proptest::collection::vec(any::<i64>(), 0..4)) {
            let base = [&AIPG_MAIN, &AIPG_TEST, &AIPG_REGTEST, &RVN_MAIN, &RVN_TEST][which];
            let p = NetworkParams { subsidy_halving_interval: interval, ..base.clone() };
            let s = block_subsidy(height, &p);
            prop_assert!(s.to_sat() >= 0 && s.to_sat() <= 5000 * COIN);
            let outs: alloc::vec::Vec<(i64, &[u8])> = values.iter().map(|&v| (v, &[][..])).collect();
            let cb = coinbase(&outs);
            let _ = check_coinbase_fee_output(&cb, height, &p);
            let _ = check_coinbase_amount(&cb, Amount::MAX_MONEY, height, &p);
        }

        /// The AIPG subsidy never increases with height before the undefined-shift region.
        #[test]
        fn aipg_subsidy_is_non_increasing(a in 0u32..76_050_000, b in 0u32..76_050_000) {
            let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
            prop_assert!(sat(lo, &AIPG_MAIN) >= sat(hi, &AIPG_MAIN));
        }
    }
}
