// SPDX-License-Identifier: MIT
//! [`U256`], the reference's `arith_uint256`, and its hex parse error.

use core::cmp::Ordering;
use core::fmt;

/// An unsigned 256-bit integer with the arithmetic of the reference's `arith_uint256`.
///
/// Stored as four 64-bit limbs, least significant first. Ordering is numeric. `Display` and
/// `LowerHex` print 64 big-endian hex digits, the reference's `GetHex`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct U256(pub(super) [u64; 4]);

/// Why a [`U256`] could not be parsed from hex.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum U256ParseError {
    /// The string was empty or had more than 64 hex digits.
    #[error("expected 1 to 64 hex digits, got {0} characters")]
    Length(usize),
    /// A character was not a hex digit.
    #[error("invalid hex digit")]
    InvalidHex,
}

impl U256 {
    /// Zero.
    pub const ZERO: Self = Self([0; 4]);
    /// One.
    pub const ONE: Self = Self([1, 0, 0, 0]);
    /// 2^256 − 1.
    pub const MAX: Self = Self([u64::MAX; 4]);
    /// The number of bits.
    pub const BITS: u32 = 256;

    /// Builds a value from four 64-bit limbs, least significant first.
    #[inline]
    pub const fn from_limbs(limbs: [u64; 4]) -> Self {
        Self(limbs)
    }

    /// Returns the four 64-bit limbs, least significant first.
    #[inline]
    pub const fn to_limbs(self) -> [u64; 4] {
        self.0
    }

    /// Converts a `u64`.
    #[inline]
    pub const fn from_u64(v: u64) -> Self {
        Self([v, 0, 0, 0])
    }

    /// Reads 32 bytes as a little-endian number (the reference's `UintToArith256` of a `uint256`,
    /// e.g. a block hash in internal byte order).
    pub fn from_le_bytes(bytes: [u8; 32]) -> Self {
        let mut limbs = [0u64; 4];
        for (limb, chunk) in limbs.iter_mut().zip(bytes.chunks_exact(8)) {
            let mut b = [0u8; 8];
            b.copy_from_slice(chunk);
            *limb = u64::from_le_bytes(b);
        }
        Self(limbs)
    }

    /// Writes the value as 32 little-endian bytes (`ArithToUint256`).
    pub fn to_le_bytes(self) -> [u8; 32] {
        let mut out = [0u8; 32];
        for (chunk, limb) in out.chunks_exact_mut(8).zip(self.0) {
            chunk.copy_from_slice(&limb.to_le_bytes());
        }
        out
    }

    /// Reads 32 bytes as a big-endian number.
    pub fn from_be_bytes(mut bytes: [u8; 32]) -> Self {
        bytes.reverse();
        Self::from_le_bytes(bytes)
    }

    /// Writes the value as 32 big-endian bytes.
    pub fn to_be_bytes(self) -> [u8; 32] {
        let mut out = self.to_le_bytes();
        out.reverse();
        out
    }

    /// Parses 1 to 64 big-endian hex digits (no prefix), as printed by `Display`.
    ///
    /// # Errors
    /// [`U256ParseError`] for an empty or over-long string or a non-hex character.
    pub fn from_be_hex(s: &str) -> Result<Self, U256ParseError> {
        if s.is_empty() || s.len() > 64 {
            return Err(U256ParseError::Length(s.len()));
        }
        let mut v = Self::ZERO;
        for c in s.bytes() {
            let d = match c {
                b'0'..=b'9' => c.wrapping_sub(b'0'),
                b'a'..=b'f' => c.wrapping_sub(b'a').wrapping_add(10),
                b'A'..=b'F' => c.wrapping_sub(b'A').wrapping_add(10),
                _ => return Err(U256ParseError::InvalidHex),
            };
            // At most 64 digits, so nothing is shifted out.
            v = v.shifted_left(4) | Self::from_u64(u64::from(d));
        }
        Ok(v)
    }

    /// Returns the least significant 64 bits (`GetLow64`).
    #[inline]
    pub const fn low_u64(&self) -> u64 {
        self.0[0]
    }

    /// Returns true for zero.
    #[inline]
    pub const fn is_zero(&self) -> bool {
        self.0[0] == 0 && self.0[1] == 0 && self.0[2] == 0 && self.0[3] == 0
    }

    /// Returns the position of the highest set bit plus one, 0 for zero (`bits()`).
    pub fn bits(&self) -> u32 {
        let mut top = 256u32;
        for limb in self.0.iter().rev() {
            if *limb != 0 {
                return top.wrapping_sub(limb.leading_zeros());
            }
            top = top.wrapping_sub(64);
        }
        0
    }

    /// Returns `self + rhs` modulo 2^256.
    pub fn wrapping_add(self, rhs: Self) -> Self {
        self.overflowing_add(rhs).0
    }

    /// Returns `self + rhs` modulo 2^256 and whether it wrapped.
    pub fn overflowing_add(self, rhs: Self) -> (Self, bool) {
        let mut out = [0u64; 4];
        let mut carry = false;
        for ((o, a), b) in out.iter_mut().zip(self.0).zip(rhs.0) {
            let (s1, c1) = a.overflowing_add(b);
            let (s2, c2) = s1.overflowing_add(u64::from(carry));
            *o = s2;
            carry = c1 || c2;
        }
        (Self(out), carry)
    }

    /// Returns `self + rhs`, or `None` when the sum does not fit in 256 bits.
    pub fn checked_add(self, rhs: Self) -> Option<Self> {
        match self.overflowing_add(rhs) {
            (v, false) => Some(v),
            (_, true) => None,
        }
    }

    /// Returns `self − rhs` modulo 2^256.
    pub fn wrapping_sub(self, rhs: Self) -> Self {
        self.overflowing_sub(rhs).0
    }

    /// Returns `self − rhs` modulo 2^256 and whether it borrowed.
    pub fn overflowing_sub(self, rhs: Self) -> (Self, bool) {
        let mut out = [0u64; 4];
        let mut borrow = false;
        for ((o, a), b) in out.iter_mut().zip(self.0).zip(rhs.0) {
            let (d1, b1) = a.overflowing_sub(b);
            let (d2, b2) = d1.overflowing_sub(u64::from(borrow));
            *o = d2;
            borrow = b1 || b2;
        }
        (Self(out), borrow)
    }

    /// Returns `self − rhs`, or `None` when `rhs > self`.
    pub fn checked_sub(self, rhs: Self) -> Option<Self> {
        match self.overflowing_sub(rhs) {
            (v, false) => Some(v),
            (_, true) => None,
        }
    }

    /// Returns `self × rhs` modulo 2^256 (the reference's `operator*=(uint32_t)`).
    pub fn wrapping_mul_u32(self, rhs: u32) -> Self {
        self.wrapping_mul_u64(u64::from(rhs))
    }

    /// Returns `self × rhs` modulo 2^256.
    pub fn wrapping_mul_u64(self, rhs: u64) -> Self {
        let mut out = [0u64; 4];
        let mut carry = 0u64;
        for (o, a) in out.iter_mut().zip(self.0) {
            // a·rhs + carry < 2^128, so the wide sum cannot overflow.
            let wide = u128::from(a).wrapping_mul(u128::from(rhs)).wrapping_add(u128::from(carry));
            *o = lo64(wide);
            carry = lo64(wide >> 64);
        }
        Self(out)
    }

    /// Returns `self × rhs` modulo 2^256 (the reference's `operator*=(const base_uint&)`).
    pub fn wrapping_mul(self, rhs: Self) -> Self {
        let mut out = [0u64; 4];
        for (i, a) in self.0.iter().enumerate() {
            let mut carry = 0u64;
            // Only products landing below limb 4 matter modulo 2^256.
            for (j, b) in rhs.0.iter().enumerate().take(4usize.saturating_sub(i)) {
                let Some(slot) = out.get_mut(i.wrapping_add(j)) else { break };
                // a·b + slot + carry ≤ (2^64−1)^2 + 2(2^64−1) = 2^128 − 1.
                let wide = u128::from(*a)
                    .wrapping_mul(u128::from(*b))
                    .wrapping_add(u128::from(*slot))
                    .wrapping_add(u128::from(carry));
                *slot = lo64(wide);
                carry = lo64(wide >> 64);
            }
        }
        Self(out)
    }

    /// Returns `self / rhs` and `self % rhs`, or `None` when `rhs` is zero (where the reference
    /// throws `uint_error`).
    pub fn checked_div_rem(self, rhs: Self) -> Option<(Self, Self)> {
        if rhs.is_zero() {
            return None;
        }
        if rhs.0[1] == 0 && rhs.0[2] == 0 && rhs.0[3] == 0 {
            let (q, r) = self.div_rem_u64_nonzero(rhs.0[0]);
            return Some((q, Self::from_u64(r)));
        }
        if self < rhs {
            return Some((Self::ZERO, self));
        }
        // Shift-and-subtract long division; the divisor has at least 65 bits, so at most 192
        // quotient bits are produced.
        let shift = self.bits().saturating_sub(rhs.bits());
        let mut div = rhs.shifted_left(shift);
        let mut rem = self;
        let mut quot = Self::ZERO;
        let mut bit = shift;
        loop {
            if rem >= div {
                rem = rem.wrapping_sub(div);
                quot = quot | Self::ONE.shifted_left(bit);
            }
            if bit == 0 {
                break;
            }
            bit = bit.wrapping_sub(1);
            div = div.shifted_right(1);
        }
        Some((quot, rem))
    }

    /// Returns `self / rhs` truncated, or `None` when `rhs` is zero.
    pub fn checked_div(self, rhs: Self) -> Option<Self> {
        self.checked_div_rem(rhs).map(|(q, _)| q)
    }

    /// Returns `self / rhs` truncated, or `None` when `rhs` is zero.
    pub fn checked_div_u64(self, rhs: u64) -> Option<Self> {
        if rhs == 0 {
            return None;
        }
        Some(self.div_rem_u64_nonzero(rhs).0)
    }

    /// Divides by a non-zero 64-bit divisor limb by limb (each step a 128-by-64-bit division,
    /// which x86-64 does in one instruction; splitting into 32-bit digits measured twice as slow).
    fn div_rem_u64_nonzero(self, d: u64) -> (Self, u64) {
        let d = u128::from(d);
        let mut out = [0u64; 4];
        let mut rem = 0u128;
        for (o, a) in out.iter_mut().zip(self.0).rev() {
            let cur = (rem << 64) | u128::from(a);
            // rem < d, so cur < d·2^64 and the quotient digit fits in 64 bits.
            *o = lo64(cur.checked_div(d).unwrap_or(0));
            rem = cur.checked_rem(d).unwrap_or(0);
        }
        // rem < d ≤ u64::MAX
        (Self(out), lo64(rem))
    }
}

impl Ord for U256 {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.iter().rev().cmp(other.0.iter().rev())
    }
}

impl PartialOrd for U256 {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl From<u64> for U256 {
    fn from(v: u64) -> Self {
        Self::from_u64(v)
    }
}

impl From<u32> for U256 {
    fn from(v: u32) -> Self {
        Self::from_u64(u64::from(v))
    }
}

impl U256 {
    /// Shifts left (`<<`); bits moved past 2^255 are lost and shifts of 256 or more give zero.
    pub fn shifted_left(self, shift: u32) -> Self {
        let limb_shift = (shift / 64) as usize; // < 2^26, fits any usize
        let bit_shift = shift % 64;
        let mut out = [0u64; 4];
        for (i, o) in out.iter_mut().enumerate() {
            let Some(src) = i.checked_sub(limb_shift) else { continue };
            let lo = self.0.get(src).copied().unwrap_or(0);
            *o = lo << bit_shift;
            if bit_shift != 0 {
                if let Some(prev) = src.checked_sub(1).and_then(|p| self.0.get(p)) {
                    *o |= prev >> 64u32.wrapping_sub(bit_shift);
                }
            }
        }
        Self(out)
    }

    /// Shifts right (`>>`); shifts of 256 or more give zero.
    pub fn shifted_right(self, shift: u32) -> Self {
        let limb_shift = (shift / 64) as usize; // < 2^26, fits any usize
        let bit_shift = shift % 64;
        let mut out = [0u64; 4];
        for (i, o) in out.iter_mut().enumerate() {
            let Some(src) = i.checked_add(limb_shift) else { continue };
            let Some(hi) = self.0.get(src).copied() else { continue };
            *o = hi >> bit_shift;
            if bit_shift != 0 {
                if let Some(next) = src.checked_add(1).and_then(|n| self.0.get(n)) {
                    *o |= next << 64u32.wrapping_sub(bit_shift);
                }
            }
        }
        Self(out)
    }
}

impl core::ops::Shl<u32> for U256 {
    type Output = Self;
    /// See [`U256::shifted_left`].
    fn shl(self, shift: u32) -> Self {
        self.shifted_left(shift)
    }
}

impl core::ops::Shr<u32> for U256 {
    type Output = Self;
    /// See [`U256::shifted_right`].
    fn shr(self, shift: u32) -> Self {
        self.shifted_right(shift)
    }
}

impl core::ops::Not for U256 {
    type Output = Self;
    fn not(self) -> Self {
        Self(self.0.map(|l| !l))
    }
}

impl core::ops::BitOr for U256 {
    type Output = Self;
    fn bitor(self, rhs: Self) -> Self {
        let mut out = self.0;
        for (o, r) in out.iter_mut().zip(rhs.0) {
            *o |= r;
        }
        Self(out)
    }
}

impl core::ops::BitAnd for U256 {
    type Output = Self;
    fn bitand(self, rhs: Self) -> Self {
        let mut out = self.0;
        for (o, r) in out.iter_mut().zip(rhs.0) {
            *o &= r;
        }
        Self(out)
    }
}

impl core::ops::BitXor for U256 {
    type Output = Self;
    fn bitxor(self, rhs: Self) -> Self {
        let mut out = self.0;
        for (o, r) in out.iter_mut().zip(rhs.0) {
            *o ^= r;
        }
        Self(out)
    }
}

impl fmt::LowerHex for U256 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for limb in self.0.iter().rev() {
            write!(f, "{limb:016x}")?;
        }
        Ok(())
    }
}

impl fmt::Display for U256 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::LowerHex::fmt(self, f)
    }
}

impl fmt::Debug for U256 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "U256({self:x})")
    }
}

impl core::str::FromStr for U256 {
    type Err = U256ParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::from_be_hex(s)
    }
}

#[cfg(any(test, feature = "proptest-impl"))]
impl proptest::arbitrary::Arbitrary for U256 {
    type Parameters = ();
    type Strategy = proptest::strategy::BoxedStrategy<Self>;
    fn arbitrary_with(_: ()) -> Self::Strategy {
        use proptest::strategy::Strategy;
        // Mix full-width values with values of every bit length, so small and boundary values
        // are as likely as large ones.
        (proptest::arbitrary::any::<[u64; 4]>(), 0u32..=256)
            .prop_map(|(limbs, bits)| {
                let v = U256(limbs);
                if bits == 256 {
                    v
                } else {
                    v & U256::ONE.shifted_left(bits).wrapping_sub(U256::ONE)
                }
            })
            .boxed()
    }
}

/// Returns the low 64 bits.
#[inline]
#[allow(clippy::cast_possible_truncation)] // truncation is the point
const fn lo64(x: u128) -> u64 {
    x as u64
}
