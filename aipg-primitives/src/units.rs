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

#![deny(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::arithmetic_side_effects,
    clippy::cast_possible_truncation
)]

use core::cmp::Ordering;
use core::fmt;

/// An unsigned 256-bit integer with the arithmetic of the reference's `arith_uint256`.
///
/// Stored as four 64-bit limbs, least significant first. Ordering is numeric. `Display` and
/// `LowerHex` print 64 big-endian hex digits, the reference's `GetHex`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct U256([u64; 4]);

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
pub struct CompactTarget(u32);

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

/// A proof-of-work target: a block hash, read as a little-endian 256-bit number, must not
/// exceed it.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Target(U256);

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

    /// Converts to the compact form (`GetCompact()`); precision below the top 23 bits is lost.
    pub fn to_compact(self) -> CompactTarget {
        self.0.to_compact()
    }

    /// Returns true when `hash` (32 bytes in internal order, read little-endian) is at most the
    /// target.
    pub fn is_met_by(&self, hash: &[u8; 32]) -> bool {
        U256::from_le_bytes(*hash) <= self.0
    }

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

/// Chain work: the expected number of hashes behind a header or chain.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Work(U256);

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

/// Returns the low 64 bits.
#[inline]
#[allow(clippy::cast_possible_truncation)] // truncation is the point
const fn lo64(x: u128) -> u64 {
    x as u64
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::cast_possible_truncation
)]
mod tests;
