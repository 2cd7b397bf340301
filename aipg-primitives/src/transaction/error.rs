// SPDX-License-Identifier: MIT
//! The errors of the transaction module.

/// Why a BIP143 signature hash could not be computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SighashError {
    /// The input index is not an input of the transaction (the reference's callers never pass
    /// one; its BIP143 code would read out of bounds).
    #[error("input index {index} out of range for a transaction with {inputs} inputs")]
    InputIndexOutOfRange {
        /// The index asked for.
        index: usize,
        /// The number of inputs.
        inputs: usize,
    },
}
