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
//! Every check takes a [`PreparedHeader`]: the header with its algorithm, block id, decoded target
//! and KAWPOW inputs, computed once from `(header, params)`.
//!
//! Context-free ([`check_header_pow`]):
//! 1. X16R / X16RV2 headers: the id meets `nBits` (`high-hash`).
//! 2. KAWPOW headers: the final hash from the **claimed** mix meets `nBits` (`high-hash`), then
//!    the epoch of the header's `nHeight` lies in the caller's [`EpochWindow`]
//!    (`invalid-mix-hash`, before any context is built), then the mix recomputed with that
//!    epoch's light cache equals the claimed one (`invalid-mix-hash`).
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
//! # Bounded work
//! A header's claimed `nHeight` never chooses which epoch context is built: the caller states the
//! epochs it accepts through [`EpochContextProvider::window`] (from the chain tip it knows, or
//! the heights of the run it checks), and a header whose claimed epoch lies outside is rejected
//! before any light-cache work. Without this, one crafted 120-byte header claiming a height in
//! epoch 32,639 would cost a 4 GiB light cache and some 200 million Keccak-512 calls.
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
//! use aipg_consensus::header::{HeaderRules, PreparedHeader, check_header_pow};
//! use aipg_consensus::pow::kawpow::{EpochContextCache, EpochWindow};
//! use aipg_primitives::{genesis_block, network::AIPG_MAIN};
//! # fn main() -> Result<(), aipg_consensus::header::HeaderError> {
//! // The genesis header is an 80-byte X16R header: no epoch context is built for it.
//! let genesis = PreparedHeader::new(&genesis_block(&AIPG_MAIN).header, &AIPG_MAIN);
//! // A verifier whose chain tip is at height 0 accepts the epoch of heights 0 and 1 only.
//! let mut epochs = EpochContextCache::new(2, EpochWindow::for_heights(0, 1));
//! let id = check_header_pow(&genesis, &HeaderRules::STRICT, &mut epochs)?;
//! assert_eq!(id.to_string(), AIPG_MAIN.genesis_hash);
//! assert!(epochs.is_empty());
//! # Ok(())
//! # }
//! ```

// Consensus arithmetic on untrusted values is checked or saturating; the panic lints are denied
// for all library code in the workspace manifest.
#![deny(clippy::arithmetic_side_effects)]

mod error;
mod verifier;

pub use error::HeaderError;
pub use verifier::{HeaderChainVerifier, HeaderVerdict};

use crate::pow::difficulty::{
    DifficultyError, HeaderInfo, HeaderView, ProofOfWorkError, checked_target, is_dgw_active,
    next_work_required,
};
use crate::pow::kawpow::{
    EPOCH_LENGTH, EpochContext, EpochContextCache, EpochWindow, HeaderPow, PowError,
};
use aipg_primitives::block::{BlockHeader, PowAlgorithm};
use aipg_primitives::hash::BlockHash;
use aipg_primitives::network::{Network, NetworkParams};
use aipg_primitives::units::Target;
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

/// A source of KAWPOW epoch contexts, supplied by the caller, with the window of epochs it
/// accepts.
///
/// Building a context costs about a second and tens of megabytes (16 MiB + 128 KiB × epoch), so
/// the caller decides which epochs it is willing to build: [`EpochContextProvider::window`] is
/// checked before [`EpochContextProvider::epoch_context`] is ever asked for a header's epoch.
/// [`EpochContextCache`] builds the epochs of its window on demand.
pub trait EpochContextProvider {
    /// Returns the epochs the caller accepts, derived from what it knows (its chain tip, or the
    /// heights of the headers it checks), never from the header being checked.
    fn window(&self) -> EpochWindow;

    /// Returns the context of `epoch`, which lies in [`EpochContextProvider::window`].
    ///
    /// # Errors
    /// Whatever prevents the context from being had, as a [`PowError`] (for example
    /// [`PowError::EpochTooLarge`]); the header is then reported as `invalid-mix-hash`.
    fn epoch_context(&mut self, epoch: u32) -> Result<Arc<EpochContext>, PowError>;
}

impl EpochContextProvider for EpochContextCache {
    fn window(&self) -> EpochWindow {
        EpochContextCache::window(self)
    }

    fn epoch_context(&mut self, epoch: u32) -> Result<Arc<EpochContext>, PowError> {
        self.get_or_build(epoch)
    }
}

/// A single prebuilt context, whose window is its own epoch.
impl EpochContextProvider for Arc<EpochContext> {
    fn window(&self) -> EpochWindow {
        EpochWindow::single(self.epoch())
    }

    fn epoch_context(&mut self, _epoch: u32) -> Result<Arc<EpochContext>, PowError> {
        Ok(Arc::clone(self))
    }
}

impl<P: EpochContextProvider + ?Sized> EpochContextProvider for &mut P {
    fn window(&self) -> EpochWindow {
        (**self).window()
    }

    fn epoch_context(&mut self, epoch: u32) -> Result<Arc<EpochContext>, PowError> {
        (**self).epoch_context(epoch)
    }
}

/// Returns the epochs a verifier that knows no chain tip can accept at time `now` (Unix
/// seconds): those of heights 0 up to twice the height the network reaches by `now` at its
/// target spacing, plus one epoch.
///
/// For a tool or a fresh node that checks headers before it holds a chain. A claimed height can
/// still choose an epoch inside this window, but each costs at most one context of the window's
/// last epoch (for Ravencoin main at the end of 2026, epoch 1,250: about 170 MiB), never one of the 4 GiB epochs near
/// [`crate::pow::kawpow::MAX_EPOCH`]. A caller that knows its tip should use
/// [`EpochWindow::for_heights`] around it instead.
pub fn plausible_epoch_window(params: &NetworkParams, now: i64) -> EpochWindow {
    let elapsed = now.saturating_sub(i64::from(params.genesis_time)).max(0);
    let spacing = i64::from(params.pow_target_spacing.max(1));
    let height = elapsed.checked_div(spacing).unwrap_or(0).saturating_mul(2);
    let top = u32::try_from(height).unwrap_or(u32::MAX).saturating_add(EPOCH_LENGTH);
    EpochWindow::for_heights(0, top)
}

/// A header with everything its checks need computed once from `(header, params)`: the
/// algorithm that names it, its block id, its decoded `nBits` target and, for KAWPOW, the
/// proof-of-work inputs with the header hash and the final hash from the claimed mix.
///
/// Every header check takes one, so no hash is computed twice however many rules run: an
/// X16R / X16RV2 header is hashed once, a KAWPOW header's double SHA-256 and final hash once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PreparedHeader {
    header: BlockHeader,
    algorithm: PowAlgorithm,
    id: BlockHash,
    target: Result<Target, ProofOfWorkError>,
    kawpow: Option<HeaderPow>,
}

impl PreparedHeader {
    /// Computes the algorithm, block id, target and KAWPOW inputs of `header` on the network of
    /// `params`.
    pub fn new(header: &BlockHeader, params: &NetworkParams) -> Self {
        let algorithm = header.pow_algorithm(params);
        let (id, kawpow) = match algorithm {
            PowAlgorithm::Kawpow => {
                let pow = HeaderPow::from_block_header(header);
                (pow.block_hash(), Some(pow))
            }
            PowAlgorithm::X16r | PowAlgorithm::X16rv2 => (header.block_hash(params), None),
        };
        let target = checked_target(header.bits, params);
        Self { header: *header, algorithm, id, target, kawpow }
    }

    /// Returns the header.
    pub fn header(&self) -> &BlockHeader {
        &self.header
    }

    /// Returns the algorithm that names the header.
    pub fn algorithm(&self) -> PowAlgorithm {
        self.algorithm
    }

    /// Returns the block id (for KAWPOW, from the claimed mix).
    pub fn block_hash(&self) -> BlockHash {
        self.id
    }

    /// Returns the decoded `nBits` target, or why `CheckProofOfWork` rejects it (negative,
    /// overflowing, zero, or above the network's `powLimit`).
    ///
    /// # Errors
    /// The [`ProofOfWorkError`] of the range rules.
    pub fn target(&self) -> Result<Target, ProofOfWorkError> {
        self.target
    }

    /// Returns true when the block id meets a valid target: the cheap half of the proof of work,
    /// and for X16R / X16RV2 headers the whole of it.
    pub fn meets_target(&self) -> bool {
        self.target.is_ok_and(|t| t.is_met_by(self.id.as_byte_array()))
    }

    /// Returns the KAWPOW proof-of-work inputs, or `None` for an X16R / X16RV2 header.
    pub fn kawpow(&self) -> Option<&HeaderPow> {
        self.kawpow.as_ref()
    }

    /// Returns the [`HeaderInfo`] of the header at chain height `height`.
    pub fn info(&self, height: u32) -> HeaderInfo {
        HeaderInfo::from_block_header(height, &self.header)
    }
}

/// Checks the cheap part of a header's proof of work (`CheckProofOfWork` on its id).
///
/// X16R / X16RV2: the whole proof. KAWPOW: the final hash from the claimed mix meets `nBits`.
fn check_pow_cheap(header: &PreparedHeader) -> Result<(), HeaderError> {
    header.target()?;
    if !header.meets_target() {
        return Err(ProofOfWorkError::HighHash(header.header.bits).into());
    }
    Ok(())
}

/// Returns true when reference-exact rules skip the mix check of this KAWPOW header.
fn shortcut_applies(header: &PreparedHeader, rules: &HeaderRules) -> bool {
    rules.mode == RuleMode::ReferenceExact
        && rules.known_checkpoint.is_some_and(|cp| header.header.height <= cp)
}

/// Verifies a KAWPOW header's mix with the light cache of its claimed height's epoch, once that
/// epoch is known to lie in the provider's window; X16R / X16RV2 headers pass.
fn check_mix<P: EpochContextProvider + ?Sized>(
    header: &PreparedHeader,
    rules: &HeaderRules,
    epochs: &mut P,
) -> Result<(), HeaderError> {
    let Some(pow) = header.kawpow() else { return Ok(()) };
    if shortcut_applies(header, rules) {
        return Ok(());
    }
    let target = header.target()?;
    let epoch = pow.epoch();
    epochs.window().check(epoch)?;
    let ctx = epochs.epoch_context(epoch)?;
    pow.verify(&ctx, &target.to_u256().to_be_bytes())?;
    Ok(())
}

/// Checks a header's proof of work (`CheckBlockHeader`).
///
/// X16R / X16RV2 headers (by `nTime`): the id meets `nBits`. KAWPOW headers: the final hash from
/// the claimed mix meets `nBits`; then the epoch of the header's own `nHeight` must lie in
/// `epochs.window()`, and the mix is recomputed with that epoch's light cache and must equal the
/// claimed one. In strict mode the mix is always verified; in reference-exact mode it is skipped
/// when `nHeight` is at most `rules.known_checkpoint` (see the [module docs](self): this is the
/// 2026 exploit).
///
/// **Bounded work:** the claimed `nHeight` is the miner's; it never makes `epochs` build a
/// context outside the window the caller states, so an untrusted header costs at most one
/// context of the window (and none when it misses its target). `nHeight` is not compared with
/// anything else here; [`check_header_height`] binds it, and callers that know the header's
/// position should run that first (as [`HeaderChainVerifier`] does).
///
/// # Errors
/// [`HeaderError::HighHash`] (`high-hash`) or [`HeaderError::Kawpow`] (`invalid-mix-hash`,
/// including [`PowError::EpochOutsideWindow`], or `high-hash` when the final hash from the
/// recomputed mix misses the target).
pub fn check_header_pow<P: EpochContextProvider + ?Sized>(
    header: &PreparedHeader,
    rules: &HeaderRules,
    epochs: &mut P,
) -> Result<BlockHash, HeaderError> {
    check_pow_cheap(header)?;
    check_mix(header, rules, epochs)?;
    Ok(header.id)
}

/// Checks the header-height rule for a header at chain height `height` (`bad-blk-height`).
///
/// From [`HeaderRules::height_binding_start`] on, a KAWPOW header's `nHeight` field must equal
/// `height`. 80-byte headers carry no `nHeight` and always pass.
///
/// # Errors
/// [`HeaderError::BadHeight`].
pub fn check_header_height(
    header: &PreparedHeader,
    params: &NetworkParams,
    rules: &HeaderRules,
    height: u32,
) -> Result<(), HeaderError> {
    let bound = rules.height_binding_start(params).is_some_and(|start| height >= start);
    let claimed = header.header.height;
    if bound && header.kawpow.is_some() && claimed != height {
        return Err(HeaderError::BadHeight { expected: height, got: claimed });
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
/// The proof of work itself is not checked here.
///
/// # Errors
/// The first rule that fails, as a [`HeaderError`]; [`HeaderError::MissingContext`] when the view
/// lacks a header the rules need.
pub fn check_header_contextual<V: HeaderView + ?Sized>(
    header: &PreparedHeader,
    params: &NetworkParams,
    rules: &HeaderRules,
    ctx: &HeaderContext<'_, V>,
) -> Result<(), HeaderError> {
    check_contextual_rules(header, params, rules, ctx, ViewGaps::Fail).map(|_| ())
}

/// What to do when the view lacks a header a rule needs.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ViewGaps {
    /// Report [`HeaderError::MissingContext`].
    Fail,
    /// Skip the rules that need it (`bad-diffbits`, `time-too-old`) and check the rest.
    Skip,
}

/// The rules against the parent, in the reference's order. Returns true when every rule was
/// checked, false when `gaps` is [`ViewGaps::Skip`] and a rule was skipped.
fn check_contextual_rules<V: HeaderView + ?Sized>(
    header: &PreparedHeader,
    params: &NetworkParams,
    rules: &HeaderRules,
    ctx: &HeaderContext<'_, V>,
    gaps: ViewGaps,
) -> Result<bool, HeaderError> {
    let h = &header.header;
    if h.prev_blockhash != ctx.parent_hash {
        return Err(HeaderError::PrevBlockNotFound {
            parent: ctx.parent_hash,
            got: h.prev_blockhash,
        });
    }
    let height =
        ctx.parent.height.checked_add(1).ok_or(HeaderError::MissingContext(
            DifficultyError::MissingHeader { height: u32::MAX },
        ))?;
    let mut complete = true;
    let mut gap = |e: DifficultyError| match gaps {
        ViewGaps::Fail => Err(HeaderError::MissingContext(e)),
        ViewGaps::Skip => {
            complete = false;
            Ok(())
        }
    };

    match next_work_required(params, ctx.chain, &ctx.parent, h.time) {
        Ok(required) if required != h.bits => {
            return Err(HeaderError::BadDiffBits { required, got: h.bits });
        }
        Ok(_) => {}
        Err(e) => gap(e)?,
    }

    check_header_height(header, params, rules, height)?;

    if let Some(checkpoint_height) = rules.known_checkpoint {
        if height < checkpoint_height {
            return Err(HeaderError::ForkBeforeCheckpoint { height, checkpoint_height });
        }
    }

    if rules.mode == RuleMode::Strict {
        if let Some(expected) = checkpoint_at(params, height) {
            if header.id != expected {
                return Err(HeaderError::CheckpointMismatch { height, expected, got: header.id });
            }
        }
    }

    match median_time_past(ctx.chain, &ctx.parent) {
        Ok(median_time_past) if h.time <= median_time_past => {
            return Err(HeaderError::TimeTooOld { time: h.time, median_time_past });
        }
        Ok(_) => {}
        Err(e) => gap(e)?,
    }

    let drift = if is_dgw_active(params, ctx.parent.height) {
        MAX_FUTURE_BLOCK_TIME_DGW
    } else {
        MAX_FUTURE_BLOCK_TIME
    };
    let max_time = ctx.now.saturating_add(drift);
    if i64::from(h.time) > max_time {
        return Err(HeaderError::TimeTooNew { time: h.time, max_time });
    }

    if assets_deployed(params, height) && h.version < VERSION_FLOOR {
        return Err(HeaderError::BadVersion(h.version));
    }
    Ok(complete)
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
    header: &PreparedHeader,
    params: &NetworkParams,
    rules: &HeaderRules,
    ctx: &HeaderContext<'_, V>,
    epochs: &mut P,
) -> Result<BlockHash, HeaderError> {
    check_pow_cheap(header)?;
    check_contextual_rules(header, params, rules, ctx, ViewGaps::Fail)?;
    check_mix(header, rules, epochs)?;
    Ok(header.id)
}

/// The checks of [`check_header`] for a header at chain height `height` inside a run of headers
/// ([`HeaderChainVerifier`]): against its parent when the run holds one (`ctx`), skipping only
/// the rules whose past headers the run lacks, otherwise the proof of work and the height rule.
/// Sets `contextual` when every rule against the parent was checked and passed.
fn check_header_in_run<V: HeaderView + ?Sized, P: EpochContextProvider + ?Sized>(
    header: &PreparedHeader,
    params: &NetworkParams,
    rules: &HeaderRules,
    height: u32,
    ctx: Option<&HeaderContext<'_, V>>,
    epochs: &mut P,
    contextual: &mut bool,
) -> Result<(), HeaderError> {
    check_pow_cheap(header)?;
    match ctx {
        Some(ctx) => {
            *contextual = check_contextual_rules(header, params, rules, ctx, ViewGaps::Skip)?
        }
        None => check_header_height(header, params, rules, height)?,
    }
    check_mix(header, rules, epochs)
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
