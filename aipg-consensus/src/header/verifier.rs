// SPDX-License-Identifier: MIT
//! Checking a run of consecutive headers whose first parent is assumed valid.

use super::{
    EpochContextProvider, HeaderContext, HeaderError, HeaderRules, PreparedHeader,
    check_header_in_run, checkpoint_at,
};
use crate::pow::difficulty::HeaderInfo;
use aipg_primitives::block::{BlockHeader, PowAlgorithm};
use aipg_primitives::hash::BlockHash;
use aipg_primitives::network::NetworkParams;
use alloc::vec::Vec;

/// The outcome for one header of a run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderVerdict {
    /// The header's height in the chain (the run's start height plus its index).
    pub height: u32,
    /// The header's block id (for KAWPOW, from the claimed mix).
    pub hash: BlockHash,
    /// The algorithm that names the header.
    pub algorithm: PowAlgorithm,
    /// `Ok` when every rule that could be checked passed, otherwise the first failure.
    pub result: Result<(), HeaderError>,
    /// True when the rules against the parent (`bad-diffbits`, time, version, checkpoints) were
    /// checked; false when the run did not hold enough earlier headers for them (the first
    /// header, and those whose difficulty window reaches before the run).
    pub contextual: bool,
}

impl HeaderVerdict {
    /// Returns true when every checked rule passed.
    pub fn is_valid(&self) -> bool {
        self.result.is_ok()
    }
}

/// Verifies a run of consecutive headers that starts at a known height and whose first parent
/// is assumed valid (a headers-only client checking what a peer sent, or `aipg headers verify`).
///
/// For every header: its proof of work (with light-cache mix verification for KAWPOW), the
/// header-height rule against its position in the run, and from the second header on its link
/// to the one before. Where the run holds every earlier header a rule needs (the difficulty
/// window and the median-time-past span), the rules against the parent are checked as well, in
/// the reference's order. Nothing is stored between calls.
///
/// Each header is prepared once ([`PreparedHeader`]) and checked by the same rules, in the same
/// order, as [`super::check_header`]. A KAWPOW header's mix is verified after its cheap rules, so
/// a header whose `nHeight` does not match its position (`bad-blk-height`) never causes the epoch
/// context of its claimed height to be built; and where the height rule is off (reference-exact
/// mode, Ravencoin before its binding height) the provider's window still bounds the work. A
/// caller checking a run at known heights gives a provider whose window is
/// [`EpochWindow::for_heights`](crate::pow::kawpow::EpochWindow::for_heights) of the run.
#[derive(Debug, Clone)]
pub struct HeaderChainVerifier<'a> {
    params: &'a NetworkParams,
    rules: HeaderRules,
    now: Option<i64>,
}

impl<'a> HeaderChainVerifier<'a> {
    /// Creates a verifier for `params` with `rules`; `rules.known_checkpoint` is the checkpoint
    /// state before the run (see [`super::last_checkpoint_at_or_below`]).
    pub fn new(params: &'a NetworkParams, rules: HeaderRules) -> Self {
        Self { params, rules, now: None }
    }

    /// Sets the caller's network-adjusted time, which arms the `time-too-new` rule; without it
    /// that rule is not checked.
    #[must_use]
    pub fn with_now(mut self, now: i64) -> Self {
        self.now = Some(now);
        self
    }

    /// Verifies `headers`, the first of which is at `start_height`, with epoch contexts from
    /// `epochs`, and returns one verdict per header in order.
    ///
    /// Heights past `u32::MAX` are not representable; headers beyond it are not returned.
    pub fn verify<P: EpochContextProvider + ?Sized>(
        &self,
        start_height: u32,
        headers: &[BlockHeader],
        epochs: &mut P,
    ) -> Vec<HeaderVerdict> {
        let mut infos: Vec<HeaderInfo> = Vec::with_capacity(headers.len());
        let mut hashes: Vec<BlockHash> = Vec::with_capacity(headers.len());
        let mut verdicts = Vec::with_capacity(headers.len());
        let mut rules = self.rules;
        let now = self.now.unwrap_or(i64::MAX);
        for (i, header) in headers.iter().enumerate() {
            let Some(height) = u32::try_from(i).ok().and_then(|i| start_height.checked_add(i))
            else {
                break;
            };
            let prepared = PreparedHeader::new(header, self.params);
            let hash = prepared.block_hash();
            let ctx = infos.last().zip(hashes.last()).map(|(&parent, &parent_hash)| {
                HeaderContext { chain: infos.as_slice(), parent, parent_hash, now }
            });
            let mut contextual = false;
            let result = check_header_in_run(
                &prepared,
                self.params,
                &rules,
                height,
                ctx.as_ref(),
                epochs,
                &mut contextual,
            );
            if result.is_ok() && checkpoint_at(self.params, height) == Some(hash) {
                let known = rules.known_checkpoint.map_or(height, |k| k.max(height));
                rules.known_checkpoint = Some(known);
            }
            verdicts.push(HeaderVerdict {
                height,
                hash,
                algorithm: prepared.algorithm(),
                result,
                contextual,
            });
            infos.push(prepared.info(height));
            hashes.push(hash);
        }
        verdicts
    }
}
