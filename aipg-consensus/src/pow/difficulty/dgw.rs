// SPDX-License-Identifier: MIT
//! Dark Gravity Wave v3 (`DarkGravityWave` in `AIPowerGrid/AI-Power-Grid-Core: src/pow.cpp`).
//!
//! The rule, for the header after `tip` (pow.md §7.1):
//! 1. fewer than 181 headers in the chain (`tip.height < 180`): `powLimit`;
//! 2. networks with both minimum-difficulty blocks and no retargeting (regtest): `powLimit` when
//!    the new header is more than two spacings after `tip`, otherwise the `nBits` of the last
//!    header that is not a minimum-difficulty one;
//! 3. over `tip` and its 179 ancestors, a running "average" `avg = (avg·k + target_k) / (k + 1)`
//!    (not a true mean; the reference's formula) and a count of KAWPOW-timed headers;
//! 4. a KAWPOW-timed new header with fewer than 180 KAWPOW-timed headers in the window:
//!    `kawpowLimit` (the bootstrap after the algorithm switch);
//! 5. `avg × actual / (180·spacing)`, with `actual` the time from the oldest to the newest header
//!    of the window clamped to a third and three times `180·spacing`, capped at `powLimit`.
//!
//! **Wrap-around quirk.** The products in steps 3 and 5 are taken modulo 2^256, as the
//! reference's `arith_uint256` does. At AIPG's `powLimit` (about 2^248) the step-5 product
//! exceeds 2^256 for every clamped timespan, so the reference's, and our, answer for a window of
//! limit-difficulty headers is the wrapped value (e.g. `0x1f05c7a2` for 60-second spacing, not a
//! value near the limit). Early AIPG difficulty depends on this; do not "fix" it.

use super::{
    DifficultyError, HeaderInfo, HeaderView, adjustment_interval, is_late, kawpow_limit,
    last_non_min_difficulty_bits, low_u32, parent, pow_limit,
};
use aipg_primitives::network::NetworkParams;
use aipg_primitives::units::{CompactTarget, U256};

/// The number of headers DGW averages over (`nPastBlocks`).
pub const DGW_PAST_BLOCKS: u32 = 180;

/// Returns the `nBits` Dark Gravity Wave requires of the header after `tip`, whose `nTime` is
/// `new_time`.
///
/// `chain` must supply the 179 ancestors of `tip` (when `tip.height ≥ 180`), or on regtest the run
/// of minimum-difficulty headers below `tip`.
///
/// # Errors
/// [`DifficultyError`] when a needed header is missing or the spacing is zero.
pub fn dark_gravity_wave<V: HeaderView + ?Sized>(
    params: &NetworkParams,
    chain: &V,
    tip: &HeaderInfo,
    new_time: u32,
) -> Result<CompactTarget, DifficultyError> {
    let pow_limit = pow_limit(params);
    let pow_limit_bits = pow_limit.to_compact();

    if tip.height < DGW_PAST_BLOCKS {
        return Ok(pow_limit_bits);
    }

    if params.allow_min_difficulty_blocks && params.no_retargeting {
        if is_late(params, tip.time, new_time) {
            return Ok(pow_limit_bits);
        }
        let interval = adjustment_interval(params)?;
        return last_non_min_difficulty_bits(chain, tip, pow_limit_bits, interval);
    }

    let target_timespan =
        i64::from(DGW_PAST_BLOCKS).saturating_mul(i64::from(params.pow_target_spacing));
    let divisor = u64::try_from(target_timespan).ok().filter(|&d| d != 0).ok_or(
        DifficultyError::InvalidParams {
            spacing: params.pow_target_spacing,
            timespan: params.pow_target_timespan,
        },
    )?;

    let mut oldest = *tip;
    let mut avg = U256::ZERO;
    let mut kawpow_blocks = 0u32;
    for count in 1..=DGW_PAST_BLOCKS {
        let target = oldest.bits.expand().value;
        avg = if count == 1 {
            target
        } else {
            // count + 1 ≤ 181, never zero.
            avg.wrapping_mul_u32(count)
                .wrapping_add(target)
                .checked_div_u64(u64::from(count).saturating_add(1))
                .unwrap_or(U256::ZERO)
        };
        if oldest.time >= params.kawpow_activation_time {
            kawpow_blocks = kawpow_blocks.saturating_add(1);
        }
        if count != DGW_PAST_BLOCKS {
            // tip.height ≥ 180, so every header walked to here has a parent.
            oldest = parent(chain, &oldest)?;
        }
    }

    if new_time >= params.kawpow_activation_time && kawpow_blocks != DGW_PAST_BLOCKS {
        return Ok(kawpow_limit(params).to_compact());
    }

    // The window's 180 headers span 179 intervals; the reference measures that and compares it
    // with 180 spacings.
    let actual = i64::from(tip.time)
        .saturating_sub(i64::from(oldest.time))
        .clamp(target_timespan.saturating_div(3), target_timespan.saturating_mul(3));

    // The reference multiplies by the int64 timespan through `operator*=(uint32_t)`, an implicit
    // conversion that keeps the low 32 bits; the clamped value fits for every built-in network.
    let factor = low_u32(actual);
    let mut next = avg.wrapping_mul_u32(factor).checked_div_u64(divisor).unwrap_or(U256::ZERO);
    if next > pow_limit {
        next = pow_limit;
    }
    Ok(next.to_compact())
}
