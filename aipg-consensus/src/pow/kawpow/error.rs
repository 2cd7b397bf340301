// SPDX-License-Identifier: MIT
//! Errors of KAWPOW verification.

/// Why a KAWPOW proof of work was rejected or could not be checked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PowError {
    /// The epoch is beyond the largest one the reference supports (its 32-bit item counts).
    #[error("epoch {epoch} is above the largest supported epoch {max}")]
    EpochTooLarge {
        /// The epoch asked for.
        epoch: u32,
        /// The largest supported epoch.
        max: u32,
    },
    /// The epoch of the header's claimed height lies outside the window of epochs the caller
    /// accepts; no context was built for it.
    #[error("epoch {epoch} is outside the accepted epochs {first}..={last}")]
    EpochOutsideWindow {
        /// The epoch of the header's claimed height.
        epoch: u32,
        /// The first accepted epoch.
        first: u32,
        /// The last accepted epoch.
        last: u32,
    },
    /// The epoch context given is not the one of the header's height.
    #[error(
        "epoch context is for epoch {context_epoch}, but height {height} is in epoch {expected_epoch}"
    )]
    WrongEpoch {
        /// The epoch of the context given.
        context_epoch: u32,
        /// The header's height.
        height: u32,
        /// The epoch of that height.
        expected_epoch: u32,
    },
    /// The final hash is above the target (`high-hash` in `CheckProofOfWork`).
    #[error("kawpow final hash {} is above the target", Hex(.final_hash))]
    AboveTarget {
        /// The final hash in ProgPoW byte order (big-endian as a number).
        final_hash: [u8; 32],
    },
    /// The mix hash in the header is not the one the ProgPoW loop computes (`invalid-mix-hash`).
    #[error("mix hash {} does not match the computed {}", Hex(.claimed), Hex(.computed))]
    MixMismatch {
        /// The mix hash computed from the light cache, in ProgPoW byte order.
        computed: [u8; 32],
        /// The mix hash claimed by the header, in ProgPoW byte order.
        claimed: [u8; 32],
    },
}

impl PowError {
    /// Returns the reference's reject reason for this error.
    ///
    /// `high-hash` and `invalid-mix-hash` are the strings of `CheckBlockHeader`
    /// (`AIPowerGrid/AI-Power-Grid-Core: src/validation.cpp`). The reference has no separate rule
    /// for an epoch it cannot build, one outside the caller's window, or a mismatched context;
    /// those report `invalid-mix-hash`, since the mix cannot be shown valid.
    pub fn reject_reason(&self) -> &'static str {
        match self {
            Self::AboveTarget { .. } => "high-hash",
            Self::MixMismatch { .. }
            | Self::EpochTooLarge { .. }
            | Self::EpochOutsideWindow { .. }
            | Self::WrongEpoch { .. } => "invalid-mix-hash",
        }
    }
}

/// Lower-case hex of 32 bytes in array order, for messages.
struct Hex<'a>(&'a [u8; 32]);

impl core::fmt::Display for Hex<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        for b in self.0 {
            write!(f, "{b:02x}")?;
        }
        Ok(())
    }
}
