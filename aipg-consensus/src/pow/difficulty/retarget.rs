// SPDX-License-Identifier: MIT
//! The legacy Bitcoin retarget (`GetNextWorkRequiredBTC` and `CalculateNextWorkRequired` in
//! `AIPowerGrid/AI-Power-Grid-Core: src/pow.cpp`), used below the DGW activation height: only on
//! regtest (heights 1–199) and Ravencoin main (heights 1–338,777).
//!
//! `nBits` changes only at heights that are multiples of the interval (timespan / spacing, 2016):
//! there the target is scaled by the time the last 2015 intervals took, clamped to a quarter and
//! four times the timespan, and capped at `powLimit`. Between boundaries, networks with
//! minimum-difficulty blocks allow `powLimit` for a header more than two spacings late and
//! otherwise require the `nBits` of the last header that is not a minimum-difficulty one.

use super::{
    DifficultyError, HeaderInfo, HeaderView, adjustment_interval, fetch, is_late,
    last_non_min_difficulty_bits, low_u32, pow_limit,
};
use aipg_primitives::network::NetworkParams;
use aipg_primitives::units::CompactTarget;

/// Returns the `nBits` the legacy rule requires of the header after `tip`, whose `nTime` is
/// `new_time` (`GetNextWorkRequiredBTC`).
///
/// At a retarget boundary `chain` must supply the header 2015 blocks below `tip`; with
/// minimum-difficulty blocks, the run of such headers below `tip`.
///
/// # Errors
/// [`DifficultyError`] when a needed header is missing or the interval is zero.
pub fn legacy_next_work_required<V: HeaderView + ?Sized>(
    params: &NetworkParams,
    chain: &V,
    tip: &HeaderInfo,
    new_time: u32,
) -> Result<CompactTarget, DifficultyError> {
    let interval = adjustment_interval(params)?;
    let pow_limit_bits = pow_limit(params).to_compact();
    let next_height = u64::from(tip.height).saturating_add(1);

    if next_height.checked_rem(u64::from(interval)) != Some(0) {
        if params.allow_min_difficulty_blocks {
            if is_late(params, tip.time, new_time) {
                return Ok(pow_limit_bits);
            }
            return last_non_min_difficulty_bits(chain, tip, pow_limit_bits, interval);
        }
        return Ok(tip.bits);
    }

    // next_height is a non-zero multiple of the interval, so this does not underflow.
    let first_height = tip
        .height
        .checked_sub(interval.saturating_sub(1))
        .ok_or(DifficultyError::MissingHeader { height: 0 })?;
    let first = fetch(chain, first_height)?;
    Ok(calculate_next_work_required(params, tip.time, tip.bits, first.time))
}

/// Returns the retargeted `nBits` for a boundary header (`CalculateNextWorkRequired`), from the
/// time and `nBits` of the last header of the period and the time of its first.
///
/// With no-retargeting (regtest) `last_bits` is returned unchanged.
pub fn calculate_next_work_required(
    params: &NetworkParams,
    last_time: u32,
    last_bits: CompactTarget,
    first_time: u32,
) -> CompactTarget {
    if params.no_retargeting {
        return last_bits;
    }
    let timespan = i64::from(params.pow_target_timespan);
    let actual = i64::from(last_time)
        .saturating_sub(i64::from(first_time))
        .clamp(timespan.saturating_div(4), timespan.saturating_mul(4));

    let limit = pow_limit(params);
    // The reference decodes with SetCompact and ignores its flags here, and multiplies by the
    // int64 timespan through `operator*=(uint32_t)` (see `low_u32`).
    let next = last_bits
        .expand()
        .value
        .wrapping_mul_u32(low_u32(actual))
        .checked_div_u64(u64::from(params.pow_target_timespan));
    // A zero timespan makes the reference divide by zero; nothing sensible can be required, so
    // the limit is.
    let next = next.unwrap_or(limit);
    if next > limit { limit.to_compact() } else { next.to_compact() }
}
