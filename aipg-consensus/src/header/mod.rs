// SPDX-License-Identifier: MIT
//! Header-chain rules: the proof of work of a header (`CheckBlockHeader`) and its checks
//! against the chain it extends (`AcceptBlockHeader`, `ContextualCheckBlockHeader`).
//!
//! Mirrors `AIPowerGrid/AI-Power-Grid-Core: src/validation.cpp` and the header-height rule of
//! Ravencoin Core 4.8.0. Nothing here stores headers or reads the clock: past headers come
//! through [`HeaderView`], the parent's hash and the current (network-adjusted) time are
//! arguments, and KAWPOW epoch contexts come from an [`EpochContextProvider`] the caller owns
//! (usually an [`EpochContextCache`]).
//!
//! # Rules, in the order they are reported
//! Context-free ([`check_header_pow`]):
//! 1. X16R / X16RV2 headers: the id meets `nBits` (`high-hash`).
//! 2. KAWPOW headers: the final hash from the **claimed** mix meets `nBits` (`high-hash`), then
//!    the mix recomputed with the light cache of the epoch of the header's `nHeight` equals the
//!    claimed one (`invalid-mix-hash`).
//!
//! Against the parent ([`check_header_contextual`]), with `h` = parent height + 1:
//! 1. `hashPrevBlock` is the parent's hash (`prev-blk-not-found`);
//! 2. `nBits` equals [`next_work_required`] (`bad-diffbits`);
//! 3. a KAWPOW header's `nHeight` equals `h` from the binding height on (`bad-blk-height`);
//! 4. `h` is not below the last checkpoint the caller holds (`bad-fork-prior-to-checkpoint`);
//! 5. strict mode: a header at a checkpoint height is that checkpoint (`checkpoint mismatch`);
//! 6. `nTime` is after the median time past of the parent (`time-too-old`);
//! 7. `nTime ≤ now + 720 s` once DGW is active for `h`, else `now + 7200 s` (`time-too-new`);
//! 8. once assets are deployed, `nVersion ≥ 0x30000000` (`bad-version(0x…)`).
//!
//! # Strict and reference-exact rules
//! [`RuleMode::Strict`] (the default) differs from AIPG Core in three ways, each of which only
//! rejects headers an honest miner never produces:
//! - **The mix is always verified.** The reference skips the mix check of a KAWPOW header whose
//!   *claimed* `nHeight` is at most the height of the last checkpoint it holds, checking only the
//!   final hash from the claimed mix (two Keccak-f\[800\] permutations, no ProgPoW work). Since
//!   nothing tied `nHeight` to the real height, a miner could declare a low height and mine
//!   without the DAG: the 2026 Ravencoin exploit, closed by Ravencoin Core 4.8.0. AIPG lists
//!   genesis as checkpoint 0, so there the shortcut is always armed (a declared `nHeight` of 0).
//! - **The header height is bound** to the chain height from genesis on AIPG networks (Ravencoin
//!   networks use their own binding height, [`NetworkParams::header_height_rule_height`]). AIPG
//!   Core has no such rule; honest miners always set the real height.
//! - **Checkpoint hashes are enforced**: a header at a checkpoint height must be the checkpoint.
//!
//! [`RuleMode::ReferenceExact`] reproduces AIPG Core instead, shortcut included. It is
//! **unsafe** for anything but mirroring AIPG Core's verdicts: it accepts headers whose proof of
//! work was never done.
//!
//! # Order of work in [`check_header`]
//! The full check returns the same verdict (accept or reject) as the context-free check followed
//! by the contextual one, but runs the light-cache mix verification last, after every cheap rule.
//! A header that fails both the mix check and a contextual rule is therefore reported with the
//! contextual reason, where the reference would report `invalid-mix-hash`. This keeps an
//! untrusted header from making the verifier build the epoch context of a height it cannot have.
//!
//! # Example
//! ```
//! use aipg_consensus::header::{HeaderRules, check_header_pow};
//! use aipg_consensus::pow::kawpow::EpochContextCache;
//! use aipg_primitives::{genesis_block, network::AIPG_MAIN};
//! # fn main() -> Result<(), aipg_consensus::header::HeaderError> {
//! // The genesis header is an 80-byte X16R header: no epoch context is built for it.
//! let genesis = genesis_block(&AIPG_MAIN).header;
//! let mut epochs = EpochContextCache::new(2);
//! let id = check_header_pow(&genesis, &AIPG_MAIN, &HeaderRules::STRICT, &mut epochs)?;
//! assert_eq!(id.to_string(), AIPG_MAIN.genesis_hash);
//! assert!(epochs.is_empty());
//! # Ok(())
//! # }
//! ```

#![deny(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::arithmetic_side_effects,
    clippy::cast_possible_truncation
)]

mod error;
mod verifier;

pub use error::HeaderError;
pub use verifier::{HeaderChainVerifier, HeaderVerdict};

use crate::pow::difficulty::{
    DifficultyError, HeaderInfo, HeaderView, check_proof_of_work, checked_target, is_dgw_active,
    next_work_required,
};
use crate::pow::kawpow::{self, EpochContext, EpochContextCache, PowError};
use aipg_primitives::block::{BlockHeader, PowAlgorithm};
use aipg_primitives::hash::BlockHash;
use aipg_primitives::network::{Network, NetworkParams};
use aipg_primitives::units::CompactTarget;
use alloc::sync::Arc;

/// How far a header's time may be ahead of the caller's time before DGW is active
/// (`MAX_FUTURE_BLOCK_TIME` in `src/chain.h`).
pub const MAX_FUTURE_BLOCK_TIME: i64 = 2 * 60 * 60;

/// How far a header's time may be ahead of the caller's time once DGW is active
/// (`MAX_FUTURE_BLOCK_TIME_DGW` in `src/chain.h`).
pub const MAX_FUTURE_BLOCK_TIME_DGW: i64 = MAX_FUTURE_BLOCK_TIME / 10;

/// The number of past block times whose median a new header must exceed (`nMedianTimeSpan`).
pub const MEDIAN_TIME_SPAN: u32 = 11;

/// The lowest block version once assets are deployed (`VERSIONBITS_TOP_BITS_ASSETS` in
/// `src/versionbits.h`).
pub const VERSION_FLOOR: i32 = 0x3000_0000;

/// Height at which the Ravencoin main network activated assets (BIP9 deployment `assets`).
const RVN_MAIN_ASSETS_HEIGHT: u32 = 435_456;
/// Height at which the Ravencoin test network activated assets.
const RVN_TEST_ASSETS_HEIGHT: u32 = 6_048;

/// Which rule set to apply; see the [module docs](self).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum RuleMode {
    /// Every proof of work is fully verified, KAWPOW header heights are bound to the chain height
    /// and checkpoint hashes are enforced.
    #[default]
    Strict,
    /// AIPG Core's rules exactly, including the checkpoint shortcut that leaves the KAWPOW mix of
    /// a header claiming a low height unchecked. **Unsafe**: it accepts headers mined without
    /// doing their proof of work (the 2026 Ravencoin exploit). Use it only to mirror AIPG Core.
    ReferenceExact,
}

/// The rule set and the caller's checkpoint state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct HeaderRules {
    /// Strict (default) or reference-exact rules.
    pub mode: RuleMode,
    /// The height of the highest checkpoint of the network that the caller's block index holds
    /// (`Checkpoints::GetLastCheckpoint`), or `None` when it holds none or checkpoints are
    /// disabled. It arms the fork check in both modes and the PoW shortcut in reference-exact
    /// mode.
    pub known_checkpoint: Option<u32>,
}

impl HeaderRules {
    /// Strict rules with no checkpoint held.
    pub const STRICT: Self = Self { mode: RuleMode::Strict, known_checkpoint: None };

    /// Strict rules with the given checkpoint state.
    pub const fn strict(known_checkpoint: Option<u32>) -> Self {
        Self { mode: RuleMode::Strict, known_checkpoint }
    }

    /// AIPG Core's exact rules with the given checkpoint state. **Unsafe**; see
    /// [`RuleMode::ReferenceExact`].
    pub const fn reference_exact(known_checkpoint: Option<u32>) -> Self {
        Self { mode: RuleMode::ReferenceExact, known_checkpoint }
    }

    /// Returns the first height from which a KAWPOW header's `nHeight` must equal its chain
    /// height, or `None` when the rule is off.
    ///
    /// The network's own binding height where it has one (Ravencoin main 4,487,776, Ravencoin
    /// test 0); otherwise genesis in strict mode and never in reference-exact mode.
    pub fn height_binding_start(&self, params: &NetworkParams) -> Option<u32> {
        match (self.mode, params.header_height_rule_height) {
            (_, Some(h)) => Some(h),
            (RuleMode::Strict, None) => Some(0),
            (RuleMode::ReferenceExact, None) => None,
        }
    }
}

/// A source of KAWPOW epoch contexts, supplied by the caller.
///
/// Building a context costs about a second and tens of megabytes, so the caller decides which
/// epochs it is willing to build; [`EpochContextCache`] builds any supported epoch on demand.
pub trait EpochContextProvider {
    /// Returns the context of `epoch`.
    ///
    /// # Errors
    /// Whatever prevents the context from being had, as a [`PowError`] (for example
    /// [`PowError::EpochTooLarge`]); the header is then reported as `invalid-mix-hash`.
    fn epoch_context(&mut self, epoch: u32) -> Result<Arc<EpochContext>, PowError>;
}

impl EpochContextProvider for EpochContextCache {
    fn epoch_context(&mut self, epoch: u32) -> Result<Arc<EpochContext>, PowError> {
        self.get_or_build(epoch)
    }
}

/// A single prebuilt context; a header of another epoch is reported as
/// [`PowError::WrongEpoch`].
impl EpochContextProvider for Arc<EpochContext> {
    fn epoch_context(&mut self, _epoch: u32) -> Result<Arc<EpochContext>, PowError> {
        Ok(Arc::clone(self))
    }
}

impl<P: EpochContextProvider + ?Sized> EpochContextProvider for &mut P {
    fn epoch_context(&mut self, epoch: u32) -> Result<Arc<EpochContext>, PowError> {
        (**self).epoch_context(epoch)
    }
}

/// Checks the cheap part of a header's proof of work and returns its block id.
///
/// X16R / X16RV2: the whole proof. KAWPOW: the final hash from the claimed mix meets `nBits`.
fn check_pow_cheap(header: &BlockHeader, params: &NetworkParams) -> Result<BlockHash, HeaderError> {
    let id = header.block_hash(params);
    check_proof_of_work(&id, CompactTarget::from_consensus(header.bits), params)?;
    Ok(id)
}

/// Returns true when reference-exact rules skip the mix check of this KAWPOW header.
fn shortcut_applies(header: &BlockHeader, rules: &HeaderRules) -> bool {
    rules.mode == RuleMode::ReferenceExact
        && rules.known_checkpoint.is_some_and(|cp| header.height <= cp)
}

/// Verifies a KAWPOW header's mix with the light cache of its claimed height's epoch.
fn check_mix<P: EpochContextProvider + ?Sized>(
    header: &BlockHeader,
    params: &NetworkParams,
    epochs: &mut P,
) -> Result<(), HeaderError> {
    let target = checked_target(CompactTarget::from_consensus(header.bits), params)?;
    let ctx = epochs.epoch_context(kawpow::epoch_number(header.height))?;
    kawpow::verify_block_header(&ctx, header, &target)?;
    Ok(())
}

/// Checks a header's proof of work and returns its block id (`CheckBlockHeader`).
///
/// X16R / X16RV2 headers (by `nTime`): the id meets `nBits`. KAWPOW headers: the final hash from
/// the claimed mix meets `nBits`, then the mix is recomputed with the light cache of the epoch of
/// the header's own `nHeight` (from `epochs`) and must equal the claimed one. In strict mode the
/// mix is always verified; in reference-exact mode it is skipped when `nHeight` is at most
/// `rules.known_checkpoint` (see the [module docs](self): this is the 2026 exploit).
///
/// `nHeight` is not compared with anything here; [`check_header_height`] binds it.
///
/// # Errors
/// [`HeaderError::HighHash`] (`high-hash`) or [`HeaderError::Kawpow`] (`invalid-mix-hash`, or
/// `high-hash` when the final hash from the recomputed mix misses the target).
pub fn check_header_pow<P: EpochContextProvider + ?Sized>(
    header: &BlockHeader,
    params: &NetworkParams,
    rules: &HeaderRules,
    epochs: &mut P,
) -> Result<BlockHash, HeaderError> {
    let id = check_pow_cheap(header, params)?;
    if header.pow_algorithm(params) == PowAlgorithm::Kawpow && !shortcut_applies(header, rules) {
        check_mix(header, params, epochs)?;
    }
    Ok(id)
}

/// Checks the header-height rule for a header at chain height `height` (`bad-blk-height`).
///
/// From [`HeaderRules::height_binding_start`] on, a KAWPOW header's `nHeight` field must equal
/// `height`. 80-byte headers carry no `nHeight` and always pass.
///
/// # Errors
/// [`HeaderError::BadHeight`].
pub fn check_header_height(
    header: &BlockHeader,
    params: &NetworkParams,
    rules: &HeaderRules,
    height: u32,
) -> Result<(), HeaderError> {
    let bound = rules.height_binding_start(params).is_some_and(|start| height >= start);
    if bound && header.is_kawpow(params) && header.height != height {
        return Err(HeaderError::BadHeight { expected: height, got: header.height });
    }
    Ok(())
}

/// Returns true when the block-version floor applies at `height` (`AreAssetsDeployed`).
///
/// Assets are on from genesis on AIPG networks; on Ravencoin they activated by BIP9, at height
/// 435,456 on main and 6,048 on test.
pub fn assets_deployed(params: &NetworkParams, height: u32) -> bool {
    match params.network {
        Network::AipgMain | Network::AipgTest | Network::AipgRegtest => true,
        Network::RvnMain => height >= RVN_MAIN_ASSETS_HEIGHT,
        Network::RvnTest => height >= RVN_TEST_ASSETS_HEIGHT,
    }
}

/// Returns the checkpoint at `height`, if the network has one there.
///
/// # Errors
/// None in practice: built-in checkpoint hashes always parse. A malformed hash in custom
/// parameters is treated as no checkpoint.
pub fn checkpoint_at(params: &NetworkParams, height: u32) -> Option<BlockHash> {
    params.checkpoints.iter().find(|(h, _)| *h == height).and_then(|(_, hash)| hash.parse().ok())
}

/// Returns the height of the highest checkpoint at or below `height`: the checkpoint state of a
/// block index that holds the network's chain up to `height`.
pub fn last_checkpoint_at_or_below(params: &NetworkParams, height: u32) -> Option<u32> {
    params.checkpoints.iter().map(|(h, _)| *h).filter(|h| *h <= height).max()
}

/// Fetches the header at `height` from `chain`, checking that the view returned that height.
fn fetch<V: HeaderView + ?Sized>(chain: &V, height: u32) -> Result<HeaderInfo, DifficultyError> {
    let h = chain.header_at(height).ok_or(DifficultyError::MissingHeader { height })?;
    if h.height != height {
        return Err(DifficultyError::WrongHeight { expected: height, got: h.height });
    }
    Ok(h)
}

/// Returns the median time past of `tip` (`GetMedianTimePast`): the median of the times of `tip`
/// and its ten ancestors (fewer near genesis), the element at index `count / 2` of the sorted
/// list.
///
/// # Errors
/// [`DifficultyError`] when `chain` lacks one of those ancestors.
pub fn median_time_past<V: HeaderView + ?Sized>(
    chain: &V,
    tip: &HeaderInfo,
) -> Result<u32, DifficultyError> {
    let mut times = [0u32; MEDIAN_TIME_SPAN as usize];
    let mut count = 0usize;
    let mut cur = *tip;
    for slot in &mut times {
        *slot = cur.time;
        count = count.saturating_add(1);
        match cur.height.checked_sub(1) {
            Some(parent) if count < MEDIAN_TIME_SPAN as usize => cur = fetch(chain, parent)?,
            _ => break,
        }
    }
    let used = times.get_mut(..count).unwrap_or_default();
    used.sort_unstable();
    Ok(used.get(count / 2).copied().unwrap_or(tip.time))
}

/// The chain a header is checked against: the caller's view of past headers, the parent and its
/// hash, and the caller's current network-adjusted time.
#[derive(Debug, Clone, Copy)]
pub struct HeaderContext<'a, V: HeaderView + ?Sized> {
    /// Past headers: the parent and, as the rules need them, its ancestors (up to 179 for DGW,
    /// 10 for the median time past).
    pub chain: &'a V,
    /// The parent header.
    pub parent: HeaderInfo,
    /// The parent's block hash.
    pub parent_hash: BlockHash,
    /// The caller's network-adjusted time, Unix seconds (`GetAdjustedTime`).
    pub now: i64,
}

/// Checks a header against the chain it extends (`AcceptBlockHeader` after `CheckBlockHeader`,
/// then `ContextualCheckBlockHeader`), in the reference's order; see the [module docs](self).
///
/// `id` is the header's block id when the caller already has it (from [`check_header_pow`]);
/// otherwise it is computed if a checkpoint rule needs it. The proof of work itself is not
/// checked here.
///
/// # Errors
/// The first rule that fails, as a [`HeaderError`]; [`HeaderError::MissingContext`] when the view
/// lacks a header the rules need.
pub fn check_header_contextual<V: HeaderView + ?Sized>(
    header: &BlockHeader,
    params: &NetworkParams,
    rules: &HeaderRules,
    ctx: &HeaderContext<'_, V>,
    id: Option<BlockHash>,
) -> Result<(), HeaderError> {
    if header.prev_blockhash != ctx.parent_hash {
        return Err(HeaderError::PrevBlockNotFound {
            parent: ctx.parent_hash,
            got: header.prev_blockhash,
        });
    }
    let height =
        ctx.parent.height.checked_add(1).ok_or(HeaderError::MissingContext(
            DifficultyError::MissingHeader { height: u32::MAX },
        ))?;

    let got = CompactTarget::from_consensus(header.bits);
    let required = next_work_required(params, ctx.chain, &ctx.parent, header.time)?;
    if got != required {
        return Err(HeaderError::BadDiffBits { required, got });
    }

    check_header_height(header, params, rules, height)?;

    if let Some(checkpoint_height) = rules.known_checkpoint {
        if height < checkpoint_height {
            return Err(HeaderError::ForkBeforeCheckpoint { height, checkpoint_height });
        }
    }

    if rules.mode == RuleMode::Strict {
        if let Some(expected) = checkpoint_at(params, height) {
            let got = id.unwrap_or_else(|| header.block_hash(params));
            if got != expected {
                return Err(HeaderError::CheckpointMismatch { height, expected, got });
            }
        }
    }

    let median_time_past = median_time_past(ctx.chain, &ctx.parent)?;
    if header.time <= median_time_past {
        return Err(HeaderError::TimeTooOld { time: header.time, median_time_past });
    }

    let drift = if is_dgw_active(params, ctx.parent.height) {
        MAX_FUTURE_BLOCK_TIME_DGW
    } else {
        MAX_FUTURE_BLOCK_TIME
    };
    let max_time = ctx.now.saturating_add(drift);
    if i64::from(header.time) > max_time {
        return Err(HeaderError::TimeTooNew { time: header.time, max_time });
    }

    if assets_deployed(params, height) && header.version < VERSION_FLOOR {
        return Err(HeaderError::BadVersion(header.version));
    }
    Ok(())
}

/// Checks a header completely: its proof of work and every rule against the chain it extends,
/// and returns its block id.
///
/// Accepts exactly the headers that pass [`check_header_pow`] and then
/// [`check_header_contextual`]. The light-cache mix verification of a KAWPOW header runs last,
/// after every cheap rule (see the [module docs](self) for how that affects the reported reason).
///
/// # Errors
/// The first failing rule, as a [`HeaderError`].
pub fn check_header<V: HeaderView + ?Sized, P: EpochContextProvider + ?Sized>(
    header: &BlockHeader,
    params: &NetworkParams,
    rules: &HeaderRules,
    ctx: &HeaderContext<'_, V>,
    epochs: &mut P,
) -> Result<BlockHash, HeaderError> {
    let id = check_pow_cheap(header, params)?;
    check_header_contextual(header, params, rules, ctx, Some(id))?;
    if header.pow_algorithm(params) == PowAlgorithm::Kawpow && !shortcut_applies(header, rules) {
        check_mix(header, params, epochs)?;
    }
    Ok(id)
}

/// Returns the [`HeaderInfo`] of a header at chain height `height`.
pub fn header_info(header: &BlockHeader, height: u32) -> HeaderInfo {
    HeaderInfo::new(height, header.time, CompactTarget::from_consensus(header.bits))
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::cast_possible_truncation
)]
mod tests;
