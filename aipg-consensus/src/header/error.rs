// SPDX-License-Identifier: MIT
//! Errors of the header-chain rules.

use crate::pow::difficulty::{DifficultyError, ProofOfWorkError};
use crate::pow::kawpow::PowError;
use aipg_primitives::hash::BlockHash;
use aipg_primitives::units::CompactTarget;
use alloc::borrow::Cow;
use alloc::format;

/// Why a block header was rejected, one variant per rule.
///
/// [`HeaderError::reject_reason`] gives the reference's reject string for each variant, so
/// results can be compared with what AIPG Core (or Ravencoin Core 4.8.0 for `bad-blk-height`)
/// reports, not only pass or fail. [`HeaderError::MissingContext`] is the one variant that is
/// not a verdict on the header: the caller's view lacked a header the rules need.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum HeaderError {
    /// The block id does not meet `nBits`, or `nBits` is negative, zero, overflows or is above
    /// the network's proof-of-work limit (`high-hash` in `CheckBlockHeader`).
    #[error("proof of work failed: {0}")]
    HighHash(#[source] ProofOfWorkError),
    /// KAWPOW light verification failed: the mix hash computed from the epoch's light cache
    /// differs from the header's (`invalid-mix-hash`), the final hash from the computed mix misses
    /// the target (`high-hash`), or no epoch context could be had for the header's `nHeight`
    /// (`invalid-mix-hash`: the mix cannot be shown valid).
    #[error("kawpow verification failed: {0}")]
    Kawpow(#[source] PowError),
    /// The header's `hashPrevBlock` is not the hash of the parent it is checked against
    /// (`prev-blk-not-found` in `AcceptBlockHeader`).
    #[error("previous block {got} is not the parent {parent}")]
    PrevBlockNotFound {
        /// The hash of the parent supplied by the caller.
        parent: BlockHash,
        /// The header's `hashPrevBlock`.
        got: BlockHash,
    },
    /// The caller's view lacks a past header the rules need (for the required `nBits` or the
    /// median time past), or the network parameters have no retarget interval. This is not a
    /// verdict on the header; it reports as
    /// `prev-blk-not-found`, the reference's answer to a header whose ancestry it does not hold.
    #[error("missing chain context: {0}")]
    MissingContext(#[source] DifficultyError),
    /// `nBits` is not the value `GetNextWorkRequired` gives (`bad-diffbits`).
    #[error("nBits {got} differs from the required {required}")]
    BadDiffBits {
        /// The required `nBits`.
        required: CompactTarget,
        /// The header's `nBits`.
        got: CompactTarget,
    },
    /// A KAWPOW header's `nHeight` field is not its height in the chain (`bad-blk-height`, the
    /// Ravencoin Core 4.8.0 rule).
    #[error("header nHeight {got} differs from its chain height {expected}")]
    BadHeight {
        /// The height in the chain (parent height + 1).
        expected: u32,
        /// The header's `nHeight` field.
        got: u32,
    },
    /// The header forks the chain below the last checkpoint the caller holds
    /// (`bad-fork-prior-to-checkpoint`).
    #[error("header at height {height} forks below the checkpoint at height {checkpoint_height}")]
    ForkBeforeCheckpoint {
        /// The header's height in the chain.
        height: u32,
        /// The height of the last checkpoint held.
        checkpoint_height: u32,
    },
    /// The header sits at a checkpoint height but is not the checkpointed block (strict mode
    /// only; AIPG Core has no such rule, `checkpoint mismatch` is the string Bitcoin Core used for
    /// it).
    #[error("header {got} at checkpoint height {height} is not the checkpoint {expected}")]
    CheckpointMismatch {
        /// The checkpoint height.
        height: u32,
        /// The checkpointed block hash.
        expected: BlockHash,
        /// The header's block hash.
        got: BlockHash,
    },
    /// `nTime` is not after the median time past of the parent (`time-too-old`).
    #[error("time {time} is not after the median time past {median_time_past}")]
    TimeTooOld {
        /// The header's `nTime`.
        time: u32,
        /// The median of the last 11 block times ending at the parent.
        median_time_past: u32,
    },
    /// `nTime` is too far after the caller's (adjusted) current time (`time-too-new`).
    #[error("time {time} is after the latest allowed {max_time}")]
    TimeTooNew {
        /// The header's `nTime`.
        time: u32,
        /// `now` plus the allowed drift (720 s with DGW, 7200 s before).
        max_time: i64,
    },
    /// `nVersion` is below `0x30000000` once assets are deployed (`bad-version(0x…)`).
    #[error("version {0:#010x} is below the floor 0x30000000")]
    BadVersion(i32),
}

impl HeaderError {
    /// Returns the reference's reject reason for this error, for example `"bad-diffbits"` or
    /// `"bad-version(0x20000000)"` (`AIPowerGrid/AI-Power-Grid-Core: src/validation.cpp`,
    /// `CheckBlockHeader`, `AcceptBlockHeader` and `ContextualCheckBlockHeader`).
    pub fn reject_reason(&self) -> Cow<'static, str> {
        Cow::Borrowed(match self {
            Self::HighHash(e) => e.reject_reason(),
            Self::Kawpow(e) => e.reject_reason(),
            Self::PrevBlockNotFound { .. } | Self::MissingContext(_) => "prev-blk-not-found",
            Self::BadDiffBits { .. } => "bad-diffbits",
            Self::BadHeight { .. } => "bad-blk-height",
            Self::ForkBeforeCheckpoint { .. } => "bad-fork-prior-to-checkpoint",
            Self::CheckpointMismatch { .. } => "checkpoint mismatch",
            Self::TimeTooOld { .. } => "time-too-old",
            Self::TimeTooNew { .. } => "time-too-new",
            // `%08x` of a signed int prints its two's complement, as `{:08x}` does.
            Self::BadVersion(v) => return Cow::Owned(format!("bad-version(0x{v:08x})")),
        })
    }

    /// Returns true when the error is a verdict on the header (the header is invalid), false when
    /// the caller's context was insufficient ([`HeaderError::MissingContext`]).
    pub fn is_invalid_header(&self) -> bool {
        !matches!(self, Self::MissingContext(_))
    }
}

impl From<ProofOfWorkError> for HeaderError {
    fn from(e: ProofOfWorkError) -> Self {
        Self::HighHash(e)
    }
}

impl From<PowError> for HeaderError {
    fn from(e: PowError) -> Self {
        Self::Kawpow(e)
    }
}

impl From<DifficultyError> for HeaderError {
    fn from(e: DifficultyError) -> Self {
        Self::MissingContext(e)
    }
}
