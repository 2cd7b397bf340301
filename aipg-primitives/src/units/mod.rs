// SPDX-License-Identifier: MIT
//! 256-bit targets, compact targets (`nBits`) and chain work.
//!
//! [`U256`] reproduces the reference's `arith_uint256` exactly: multiplication and addition wrap
//! modulo 2^256, division truncates, shifts by 256 bits or more give zero. The wrap is not a
//! corner case: the difficulty algorithm multiplies targets near 2^248 by timespans of several
//! thousand seconds, and the reference's answer is the wrapped one, so every operation here is
//! named after what it does on overflow (`wrapping_*`, `checked_*`) and none can panic.
//!
//! [`CompactTarget`] is the 32-bit `nBits` field; [`CompactTarget::expand`] mirrors `SetCompact`
//! including its negative and overflow flags, and [`U256::to_compact`] mirrors `GetCompact`.
//! [`Work`] is the chain work of a header (`GetBlockProof`).
//!
//! Mirrors `AIPowerGrid/AI-Power-Grid-Core: src/arith_uint256.cpp` and `src/chain.cpp`.

// 256-bit arithmetic on untrusted targets wraps or checks explicitly, as the reference's does;
// the panic lints are denied for all library code in the workspace manifest.
#![deny(clippy::arithmetic_side_effects)]

// Each file uses only the ones before it (u256, target, compact, work); a conversion into a later
// type is implemented in that type's file.
mod compact;
mod target;
mod u256;
mod work;

pub use compact::{CompactTarget, CompactTargetError, ExpandedCompact};
pub use target::Target;
pub use u256::{U256, U256ParseError};
pub use work::Work;

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::cast_possible_truncation
)]
mod tests;
