// SPDX-License-Identifier: MIT
//! The required `nBits` of the next header (`GetNextWorkRequired`) and the proof-of-work check
//! against `nBits` (`CheckProofOfWork`).
//!
//! Two algorithms exist, chosen by the height of the new header:
//! - from the network's DGW activation height, [Dark Gravity Wave](dgw) over the last 180 headers
//!   (every built-in network except Ravencoin main before 338,778 and regtest before 200);
//! - before it, the [legacy 2016-block retarget](retarget).
//!
//! Both read past headers through [`HeaderView`], which the caller implements over whatever it
//! stores; a slice of consecutive [`HeaderInfo`] implements it. Nothing here stores headers.
//!
//! All target arithmetic is the reference's 256-bit arithmetic, including the wrap-around of
//! the DGW multiplication (see [`dgw`]). Nothing here panics on any header sequence: a header the
//! rules need but the view does not supply is a [`DifficultyError`].
//!
//! Mirrors `AIPowerGrid/AI-Power-Grid-Core: src/pow.cpp`.

// Consensus arithmetic on untrusted values is checked or saturating; the panic lints are denied
// for all library code in the workspace manifest.
#![deny(clippy::arithmetic_side_effects)]

pub mod dgw;
mod error;
pub mod retarget;

pub use dgw::dark_gravity_wave;
pub use error::{DifficultyError, ProofOfWorkError};
pub use retarget::{calculate_next_work_required, legacy_next_work_required};

use aipg_primitives::block::BlockHeader;
use aipg_primitives::hash::BlockHash;
use aipg_primitives::network::NetworkParams;
use aipg_primitives::units::{CompactTarget, Target, U256};

/// The fields of a past header that the difficulty rules read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct HeaderInfo {
    /// The header's height in the chain.
    pub height: u32,
    /// The header's `nTime`.
    pub time: u32,
    /// The header's `nBits`.
    pub bits: CompactTarget,
}

impl HeaderInfo {
    /// Bundles the three fields.
    pub const fn new(height: u32, time: u32, bits: CompactTarget) -> Self {
        Self { height, time, bits }
    }

    /// Takes `nTime` and `nBits` from a decoded header at chain height `height`.
    ///
    /// The height is the header's position in the chain, which the caller knows; a KAWPOW
    /// header's own `nHeight` field is the miner's claim and is not used.
    pub const fn from_block_header(height: u32, header: &BlockHeader) -> Self {
        Self { height, time: header.time, bits: header.bits }
    }
}

/// Read access, supplied by the caller, to the headers of the chain being extended.
///
/// The rules ask only for ancestors of the tip passed to them, by height. A header at height
/// `h > 0` is taken to have a parent at `h − 1`; the genesis header (height 0) has none.
pub trait HeaderView {
    /// Returns the header at `height` on the chain being extended, or `None` when it is not
    /// available.
    fn header_at(&self, height: u32) -> Option<HeaderInfo>;
}

/// A slice of headers with consecutive heights, oldest first.
impl HeaderView for [HeaderInfo] {
    fn header_at(&self, height: u32) -> Option<HeaderInfo> {
        let first = self.first()?;
        let offset = usize::try_from(height.checked_sub(first.height)?).ok()?;
        self.get(offset).copied()
    }
}

impl<T: HeaderView + ?Sized> HeaderView for &T {
    fn header_at(&self, height: u32) -> Option<HeaderInfo> {
        (**self).header_at(height)
    }
}

/// Fetches the header at `height`, checking that the view returned that height.
fn fetch<V: HeaderView + ?Sized>(chain: &V, height: u32) -> Result<HeaderInfo, DifficultyError> {
    let h = chain.header_at(height).ok_or(DifficultyError::MissingHeader { height })?;
    if h.height != height {
        return Err(DifficultyError::WrongHeight { expected: height, got: h.height });
    }
    Ok(h)
}

/// Fetches the parent of `header`, which must not be the genesis header.
fn parent<V: HeaderView + ?Sized>(
    chain: &V,
    header: &HeaderInfo,
) -> Result<HeaderInfo, DifficultyError> {
    let height =
        header.height.checked_sub(1).ok_or(DifficultyError::MissingHeader { height: 0 })?;
    fetch(chain, height)
}

/// Returns the full 256-bit value of a limit given in compact form.
///
/// The reference stores its limits as 256-bit values whose bits below the compact mantissa are
/// all ones (`00ffff…ff` for `0x2000ffff`); this restores those bits. Comparing against this value
/// or against the compact-decoded one gives the same result for every compact-decoded target and
/// the same `GetCompact`, but the full value is what the reference compares with.
pub fn limit_from_compact(bits: CompactTarget) -> U256 {
    let value = bits.expand().value;
    let size = bits.to_consensus() >> 24;
    if size <= 3 {
        return value;
    }
    let low_ones = U256::ONE.shifted_left(size.saturating_sub(3).saturating_mul(8));
    value | low_ones.wrapping_sub(U256::ONE)
}

/// Returns the network's proof-of-work limit (`powLimit`) as a 256-bit value.
pub fn pow_limit(params: &NetworkParams) -> U256 {
    limit_from_compact(params.pow_limit_bits)
}

/// Returns the network's KAWPOW bootstrap limit (`kawpowLimit`) as a 256-bit value.
pub fn kawpow_limit(params: &NetworkParams) -> U256 {
    limit_from_compact(params.kawpow_limit_bits)
}

/// Returns the legacy retarget interval in blocks (`DifficultyAdjustmentInterval`: timespan
/// divided by spacing, 2016 on every built-in network).
///
/// # Errors
/// [`DifficultyError::InvalidParams`] when the interval would be zero.
pub fn adjustment_interval(params: &NetworkParams) -> Result<u32, DifficultyError> {
    params.pow_target_timespan.checked_div(params.pow_target_spacing).filter(|&i| i != 0).ok_or(
        DifficultyError::InvalidParams {
            spacing: params.pow_target_spacing,
            timespan: params.pow_target_timespan,
        },
    )
}

/// Returns the `nBits` required of a header whose parent is `tip` and whose `nTime` is
/// `new_time` (`GetNextWorkRequired`).
///
/// DGW decides when the new height (`tip.height + 1`) is at least the network's DGW activation
/// height, the legacy retarget otherwise. `chain` must supply the ancestors of `tip` the chosen
/// rule reads: up to 179 for DGW, one 2015 blocks back for a legacy retarget, and on networks
/// with minimum-difficulty blocks the run of such blocks below `tip`.
///
/// # Errors
/// [`DifficultyError`] when a needed header is missing or the network parameters are unusable.
pub fn next_work_required<V: HeaderView + ?Sized>(
    params: &NetworkParams,
    chain: &V,
    tip: &HeaderInfo,
    new_time: u32,
) -> Result<CompactTarget, DifficultyError> {
    if is_dgw_active(params, tip.height) {
        dark_gravity_wave(params, chain, tip, new_time)
    } else {
        legacy_next_work_required(params, chain, tip, new_time)
    }
}

/// Returns true when the header after `tip_height` is computed by DGW (`IsDGWActive`).
pub fn is_dgw_active(params: &NetworkParams, tip_height: u32) -> bool {
    u64::from(tip_height).saturating_add(1) >= u64::from(params.dgw_activation_height)
}

/// Walks back from `tip` over minimum-difficulty headers and returns the `nBits` of the first
/// header that is not one, stopping at a retarget boundary or genesis (the "last
/// non-special-min-difficulty-rules block" loop of both algorithms).
fn last_non_min_difficulty_bits<V: HeaderView + ?Sized>(
    chain: &V,
    tip: &HeaderInfo,
    pow_limit_bits: CompactTarget,
    interval: u32,
) -> Result<CompactTarget, DifficultyError> {
    let mut cur = *tip;
    // Each step lowers the height and the walk stops at a multiple of the interval, so it takes
    // fewer than `interval` steps.
    while cur.height > 0
        && cur.height.checked_rem(interval) != Some(0)
        && cur.bits == pow_limit_bits
    {
        cur = parent(chain, &cur)?;
    }
    Ok(cur.bits)
}

/// Returns true when `new_time` is more than two target spacings after `tip_time` (the
/// minimum-difficulty rule), computed in 64 bits as the reference does.
fn is_late(params: &NetworkParams, tip_time: u32, new_time: u32) -> bool {
    let limit =
        i64::from(tip_time).saturating_add(i64::from(params.pow_target_spacing).saturating_mul(2));
    i64::from(new_time) > limit
}

/// Returns the low 32 bits of `v`, as C++'s implicit `int64_t` → `uint32_t` conversion does.
///
/// The reference multiplies targets by an `int64_t` timespan through
/// `arith_uint256::operator*=(uint32_t)`; the clamped timespans of every built-in network fit.
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // the conversion is the point
fn low_u32(v: i64) -> u32 {
    v as u32
}

/// Decodes `nBits` and applies the range rules of `CheckProofOfWork`: the target must be
/// positive, not overflow, be non-zero and not exceed the network's `powLimit` (also for KAWPOW
/// headers).
///
/// This is the cheap half of the proof-of-work check; a KAWPOW verifier calls it before any
/// DAG work and passes the target on.
///
/// # Errors
/// [`ProofOfWorkError::InvalidBits`] or [`ProofOfWorkError::AboveLimit`].
pub fn checked_target(
    bits: CompactTarget,
    params: &NetworkParams,
) -> Result<Target, ProofOfWorkError> {
    let target = bits.to_target()?;
    if target.to_u256() > pow_limit(params) {
        return Err(ProofOfWorkError::AboveLimit(bits));
    }
    Ok(target)
}

/// Checks a block id against its header's `nBits` (`CheckProofOfWork`).
///
/// The hash is read as a little-endian 256-bit number (internal byte order). The target must be
/// positive, not overflow, be non-zero and not exceed the network's `powLimit` (also for KAWPOW
/// headers; `kawpowLimit` plays no part here).
///
/// # Errors
/// [`ProofOfWorkError`]; the reference reports every case as `high-hash`.
pub fn check_proof_of_work(
    hash: &BlockHash,
    bits: CompactTarget,
    params: &NetworkParams,
) -> Result<(), ProofOfWorkError> {
    let target = checked_target(bits, params)?;
    if !target.is_met_by(hash.as_byte_array()) {
        return Err(ProofOfWorkError::HighHash(bits));
    }
    Ok(())
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::cast_possible_truncation
)]
mod tests;
