// SPDX-License-Identifier: MIT
//! [`Work`], the chain work of a header (`GetBlockProof`) or chain.

use super::{CompactTarget, Target, U256};
use core::fmt;

/// Chain work: the expected number of hashes behind a header or chain.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Work(pub(super) U256);

impl Work {
    /// No work.
    pub const ZERO: Self = Self(U256::ZERO);

    /// Wraps a 256-bit amount of work.
    #[inline]
    pub const fn from_u256(v: U256) -> Self {
        Self(v)
    }

    /// Returns the amount as a 256-bit integer.
    #[inline]
    pub const fn to_u256(self) -> U256 {
        self.0
    }

    /// Returns the work a header with these `nBits` proves (`GetBlockProof`): zero for a negative,
    /// overflowing or zero target.
    pub fn from_compact(bits: CompactTarget) -> Self {
        let e = bits.expand();
        if e.negative || e.overflow || e.value.is_zero() {
            return Self::ZERO;
        }
        Target(e.value).to_work()
    }

    /// Returns true for no work.
    #[inline]
    pub const fn is_zero(&self) -> bool {
        self.0.is_zero()
    }

    /// Adds two amounts of work, or `None` when the sum exceeds 2^256 − 1.
    pub fn checked_add(self, rhs: Self) -> Option<Self> {
        self.0.checked_add(rhs.0).map(Self)
    }
}

impl fmt::Display for Work {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl fmt::Debug for Work {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Work({:x})", self.0)
    }
}

impl Target {
    /// Returns the expected number of hashes to meet this target, `⌊2^256 / (target + 1)⌋`,
    /// computed as `~target / (target + 1) + 1` so that it fits in 256 bits. A zero target, whose
    /// work 2^256 does not fit, wraps to zero work.
    pub fn to_work(self) -> Work {
        match self.0.checked_add(U256::ONE) {
            Some(plus_one) => {
                let q = (!self.0).checked_div(plus_one).unwrap_or(U256::ZERO);
                Work(q.wrapping_add(U256::ONE))
            }
            // target = 2^256 − 1: exactly one hash is expected.
            None => Work(U256::ONE),
        }
    }
}
