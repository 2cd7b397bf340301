// SPDX-License-Identifier: MIT
//! [`Target`], the proof-of-work target a block hash must not exceed.

use super::U256;
use core::fmt;

/// A proof-of-work target: a block hash, read as a little-endian 256-bit number, must not
/// exceed it.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Target(pub(super) U256);

impl Target {
    /// Wraps a 256-bit value.
    #[inline]
    pub const fn from_u256(v: U256) -> Self {
        Self(v)
    }

    /// Returns the 256-bit value.
    #[inline]
    pub const fn to_u256(self) -> U256 {
        self.0
    }

    /// Reads 32 big-endian bytes (the order in which limits are usually written).
    pub fn from_be_bytes(bytes: [u8; 32]) -> Self {
        Self(U256::from_be_bytes(bytes))
    }

    /// Returns true when `hash` (32 bytes in internal order, read little-endian) is at most the
    /// target.
    pub fn is_met_by(&self, hash: &[u8; 32]) -> bool {
        U256::from_le_bytes(*hash) <= self.0
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl fmt::Debug for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Target({:x})", self.0)
    }
}
