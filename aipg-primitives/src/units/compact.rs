// SPDX-License-Identifier: MIT
//! [`CompactTarget`], the `nBits` field: expansion as `SetCompact`, and [`U256::to_compact`] as
//! `GetCompact`.

use super::{Target, U256};
use core::fmt;

/// The result of expanding a compact target: the value and the two flags of `SetCompact`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExpandedCompact {
    /// The decoded value; computed (possibly truncated to 256 bits) even when a flag is set.
    pub value: U256,
    /// The sign bit was set on a non-zero mantissa (`fNegative`).
    pub negative: bool,
    /// The value does not fit in 256 bits (`fOverflow`).
    pub overflow: bool,
}

/// Why a compact target is not a usable proof-of-work target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CompactTargetError {
    /// The sign bit was set on a non-zero mantissa.
    #[error("compact target {0} is negative")]
    Negative(CompactTarget),
    /// The encoded value does not fit in 256 bits.
    #[error("compact target {0} overflows 256 bits")]
    Overflow(CompactTarget),
    /// The target is zero, which no hash can meet.
    #[error("compact target {0} is zero")]
    Zero(CompactTarget),
}

/// The 32-bit compact encoding of a target, the header field `nBits`.
///
/// A base-256 floating-point number: the top byte is the size in bytes, bit 23 a sign bit and the
/// low 23 bits the mantissa. `Display` prints 8 hex digits.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct CompactTarget(pub(super) u32);

impl CompactTarget {
    /// Wraps the `nBits` value as it appears in a header.
    #[inline]
    pub const fn from_consensus(bits: u32) -> Self {
        Self(bits)
    }

    /// Returns the `nBits` value.
    #[inline]
    pub const fn to_consensus(self) -> u32 {
        self.0
    }

    /// Expands to a 256-bit value with the negative and overflow flags, exactly as `SetCompact`.
    ///
    /// The mantissa used for both flags is the one after the small-size shift, so for example
    /// `0x00ffffff` expands to zero with neither flag set.
    pub fn expand(self) -> ExpandedCompact {
        let size = self.0 >> 24;
        let mut word = self.0 & 0x007f_ffff;
        let value = if size <= 3 {
            word >>= 3u32.saturating_sub(size).saturating_mul(8);
            U256::from(word)
        } else {
            // size − 3 ≤ 252, so the shift count cannot overflow; shifts ≥ 256 give zero.
            U256::from(word).shifted_left(size.saturating_sub(3).saturating_mul(8))
        };
        let negative = word != 0 && self.0 & 0x0080_0000 != 0;
        let overflow =
            word != 0 && (size > 34 || (word > 0xff && size > 33) || (word > 0xffff && size > 32));
        ExpandedCompact { value, negative, overflow }
    }

    /// Decodes to a [`Target`], rejecting what `CheckProofOfWork` rejects before comparing with
    /// the network's limit: a negative, overflowing or zero value.
    ///
    /// # Errors
    /// [`CompactTargetError`] naming the first failed condition, checked in the order negative,
    /// overflow, zero (an overflowing value is often truncated to zero; the overflow is the cause).
    pub fn to_target(self) -> Result<Target, CompactTargetError> {
        let e = self.expand();
        if e.negative {
            Err(CompactTargetError::Negative(self))
        } else if e.overflow {
            Err(CompactTargetError::Overflow(self))
        } else if e.value.is_zero() {
            Err(CompactTargetError::Zero(self))
        } else {
            Ok(Target(e.value))
        }
    }
}

impl fmt::Display for CompactTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:08x}", self.0)
    }
}

impl fmt::Debug for CompactTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CompactTarget(0x{:08x})", self.0)
    }
}

impl fmt::LowerHex for CompactTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::LowerHex::fmt(&self.0, f)
    }
}

impl crate::encode::Encode for CompactTarget {
    #[inline]
    fn encode<S: crate::encode::Sink + ?Sized>(&self, sink: &mut S) {
        self.0.encode(sink);
    }
    #[inline]
    fn encoded_len(&self) -> usize {
        4
    }
}

impl crate::encode::Decode for CompactTarget {
    const MIN_ENCODED_LEN: usize = 4;

    #[inline]
    fn decode(r: &mut crate::encode::Reader<'_>) -> Result<Self, crate::encode::DecodeError> {
        u32::decode(r).map(Self)
    }
}

impl U256 {
    /// Converts to the compact form (`GetCompact(fNegative)`): the sign bit is set only when
    /// `negative` is requested and the mantissa is non-zero.
    pub fn to_compact_with_sign(&self, negative: bool) -> CompactTarget {
        let mut size = self.bits().div_ceil(8);
        let mut compact: u32 = if size <= 3 {
            // size ≤ 3 means the value is below 2^24; the shift keeps it below 2^24.
            lo32(self.low_u64() << 3u32.saturating_sub(size).saturating_mul(8))
        } else {
            // After the shift at most 24 significant bits remain.
            lo32(self.shifted_right(size.saturating_sub(3).saturating_mul(8)).low_u64())
        };
        if compact & 0x0080_0000 != 0 {
            compact >>= 8;
            size = size.wrapping_add(1);
        }
        // size ≤ 33, so it fits in the top byte.
        compact |= size << 24;
        if negative && compact & 0x007f_ffff != 0 {
            compact |= 0x0080_0000;
        }
        CompactTarget(compact)
    }

    /// Converts to the compact form without the sign bit (`GetCompact()`).
    pub fn to_compact(&self) -> CompactTarget {
        self.to_compact_with_sign(false)
    }
}

impl Target {
    /// Converts to the compact form (`GetCompact()`); precision below the top 23 bits is lost.
    pub fn to_compact(self) -> CompactTarget {
        self.0.to_compact()
    }
}

#[cfg(any(test, feature = "proptest-impl"))]
impl proptest::arbitrary::Arbitrary for CompactTarget {
    type Parameters = ();
    type Strategy = proptest::strategy::Map<proptest::num::u32::Any, fn(u32) -> Self>;
    fn arbitrary_with(_: ()) -> Self::Strategy {
        use proptest::strategy::Strategy;
        proptest::arbitrary::any::<u32>().prop_map(Self)
    }
}

/// Returns the low 32 bits.
#[inline]
#[allow(clippy::cast_possible_truncation)] // truncation is the point
const fn lo32(x: u64) -> u32 {
    x as u32
}
