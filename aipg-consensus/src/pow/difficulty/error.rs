// SPDX-License-Identifier: MIT
//! Errors of the difficulty rules.

use aipg_primitives::units::{CompactTarget, CompactTargetError};

/// Why the required `nBits` could not be computed.
///
/// The reference asserts that every ancestor it walks to exists; here a header the caller's view
/// does not supply is an error instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DifficultyError {
    /// The header view has no header at a height the rule needs.
    #[error("header at height {height} is needed but not available")]
    MissingHeader {
        /// The height asked for.
        height: u32,
    },
    /// The header view answered a request for one height with a header of another.
    #[error("header view returned height {got} when asked for height {expected}")]
    WrongHeight {
        /// The height asked for.
        expected: u32,
        /// The height of the header returned.
        got: u32,
    },
    /// The network's target spacing or timespan is zero, or the timespan is shorter than one
    /// spacing, so no retarget interval exists (the reference divides by zero).
    #[error(
        "network parameters have no valid retarget interval (spacing {spacing}, timespan {timespan})"
    )]
    InvalidParams {
        /// Target spacing in seconds.
        spacing: u32,
        /// Legacy timespan in seconds.
        timespan: u32,
    },
}

/// Why a header's proof of work does not meet its claimed target (`CheckProofOfWork`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ProofOfWorkError {
    /// `nBits` is negative, overflows or is zero.
    #[error("invalid nBits: {0}")]
    InvalidBits(#[from] CompactTargetError),
    /// `nBits` decodes to a target above the network's proof-of-work limit.
    #[error("nBits {0} is above the proof-of-work limit")]
    AboveLimit(CompactTarget),
    /// The hash, as a 256-bit number, is above the target.
    #[error("hash does not meet target {0}")]
    HighHash(CompactTarget),
}

impl ProofOfWorkError {
    /// Returns the reference's reject reason: `CheckBlockHeader` reports every
    /// `CheckProofOfWork` failure as `high-hash` (`AIPowerGrid/AI-Power-Grid-Core:
    /// src/validation.cpp`).
    pub fn reject_reason(&self) -> &'static str {
        "high-hash"
    }
}
