use super::{Decode, DecodeError, MAX_PREALLOCATION, MAX_SIZE};
use alloc::vec::Vec;

/// A cursor over a complete input slice. Every read is bounds-checked and returns
/// [`DecodeError::UnexpectedEnd`] instead of panicking.
#[derive(Debug, Clone)]
pub struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    /// Creates a reader at the start of `data`.
    #[inline]
    pub const fn new(data: &'a [u8]) -> Self {
        Reader { data, pos: 0 }
    }

    /// Returns how many bytes have been consumed.
    #[inline]
    pub const fn position(&self) -> usize {
        self.pos
    }

    /// Returns how many bytes are left.
    #[inline]
    pub const fn remaining(&self) -> usize {
        self.data.len() - self.pos
    }

    /// Returns the bytes not yet consumed.
    #[inline]
    pub fn rest(&self) -> &'a [u8] {
        self.data.get(self.pos..).unwrap_or_default()
    }

    /// Returns the bytes consumed since position `start` (as returned by [`Reader::position`]).
    #[inline]
    pub fn consumed_since(&self, start: usize) -> &'a [u8] {
        self.data.get(start..self.pos).unwrap_or_default()
    }

    /// Checks that the whole input has been consumed.
    ///
    /// # Errors
    /// [`DecodeError::TrailingBytes`] if bytes remain.
    #[inline]
    pub fn finish(&self) -> Result<(), DecodeError> {
        match self.remaining() {
            0 => Ok(()),
            n => Err(DecodeError::TrailingBytes(n)),
        }
    }

    /// Reads the next `n` bytes.
    ///
    /// # Errors
    /// [`DecodeError::UnexpectedEnd`] if fewer than `n` bytes remain.
    #[inline]
    pub fn read_bytes(&mut self, n: usize) -> Result<&'a [u8], DecodeError> {
        let remaining = self.remaining();
        if n > remaining {
            return Err(DecodeError::UnexpectedEnd { needed: n, remaining });
        }
        let out = self.data.get(self.pos..self.pos + n).unwrap_or_default();
        self.pos += n;
        Ok(out)
    }

    /// Reads a fixed-size array.
    ///
    /// # Errors
    /// [`DecodeError::UnexpectedEnd`] if fewer than `N` bytes remain.
    #[inline]
    pub fn read_array<const N: usize>(&mut self) -> Result<[u8; N], DecodeError> {
        let bytes = self.read_bytes(N)?;
        let mut out = [0u8; N];
        out.copy_from_slice(bytes);
        Ok(out)
    }

    /// Reads one byte.
    ///
    /// # Errors
    /// [`DecodeError::UnexpectedEnd`] at the end of the input.
    #[inline]
    pub fn read_u8(&mut self) -> Result<u8, DecodeError> {
        Ok(self.read_array::<1>()?[0])
    }

    /// Reads a little-endian `u16`.
    ///
    /// # Errors
    /// [`DecodeError::UnexpectedEnd`] if the input is too short.
    #[inline]
    pub fn read_u16(&mut self) -> Result<u16, DecodeError> {
        self.read_array().map(u16::from_le_bytes)
    }

    /// Reads a little-endian `u32`.
    ///
    /// # Errors
    /// [`DecodeError::UnexpectedEnd`] if the input is too short.
    #[inline]
    pub fn read_u32(&mut self) -> Result<u32, DecodeError> {
        self.read_array().map(u32::from_le_bytes)
    }

    /// Reads a little-endian `u64`.
    ///
    /// # Errors
    /// [`DecodeError::UnexpectedEnd`] if the input is too short.
    #[inline]
    pub fn read_u64(&mut self) -> Result<u64, DecodeError> {
        self.read_array().map(u64::from_le_bytes)
    }

    /// Reads a little-endian `i32`.
    ///
    /// # Errors
    /// [`DecodeError::UnexpectedEnd`] if the input is too short.
    #[inline]
    pub fn read_i32(&mut self) -> Result<i32, DecodeError> {
        self.read_array().map(i32::from_le_bytes)
    }

    /// Reads a little-endian `i64`.
    ///
    /// # Errors
    /// [`DecodeError::UnexpectedEnd`] if the input is too short.
    #[inline]
    pub fn read_i64(&mut self) -> Result<i64, DecodeError> {
        self.read_array().map(i64::from_le_bytes)
    }

    /// Reads a canonical CompactSize no larger than [`MAX_SIZE`].
    ///
    /// # Errors
    /// [`DecodeError::NonCanonicalCompactSize`] for a longer form than needed,
    /// [`DecodeError::OversizedCompactSize`] above [`MAX_SIZE`], or
    /// [`DecodeError::UnexpectedEnd`].
    pub fn read_compact_size(&mut self) -> Result<u64, DecodeError> {
        let n = self.read_compact_size_unbounded()?;
        if n > MAX_SIZE {
            return Err(DecodeError::OversizedCompactSize(n));
        }
        Ok(n)
    }

    /// Reads a canonical CompactSize of any value (used where the reference reads a CompactSize
    /// with its range check disabled).
    ///
    /// # Errors
    /// [`DecodeError::NonCanonicalCompactSize`] or [`DecodeError::UnexpectedEnd`].
    pub fn read_compact_size_unbounded(&mut self) -> Result<u64, DecodeError> {
        let first = self.read_u8()?;
        let (n, min) = match first {
            0xfd => (u64::from(self.read_u16()?), 0xfd),
            0xfe => (u64::from(self.read_u32()?), 0x1_0000),
            0xff => (self.read_u64()?, 0x1_0000_0000),
            n => return Ok(u64::from(n)),
        };
        if n < min {
            return Err(DecodeError::NonCanonicalCompactSize);
        }
        Ok(n)
    }

    /// Reads a byte vector (CompactSize length, then the bytes) and borrows it from the input.
    ///
    /// # Errors
    /// As [`Reader::read_compact_size`], or [`DecodeError::UnexpectedEnd`] when the announced
    /// length is longer than the input.
    pub fn read_var_bytes(&mut self) -> Result<&'a [u8], DecodeError> {
        let len = self.read_compact_size()?;
        // `len <= MAX_SIZE` fits in usize on every supported target.
        self.read_bytes(len as usize)
    }

    /// Reads a vector of decodable values (CompactSize count, then the values), accepting at most
    /// `max_count` elements. Memory is reserved for at most [`MAX_PREALLOCATION`] bytes ahead of
    /// the elements actually read, so a large announced count costs nothing until the bytes for
    /// it arrive.
    ///
    /// # Errors
    /// [`DecodeError::TooLarge`] above `max_count`, a CompactSize error, or the element's error.
    pub fn read_vec<T: Decode>(
        &mut self,
        what: &'static str,
        max_count: usize,
    ) -> Result<Vec<T>, DecodeError> {
        let count = self.read_compact_size()?;
        if count > max_count as u64 {
            return Err(DecodeError::TooLarge { what, got: count, max: max_count as u64 });
        }
        let count = count as usize;
        let elem = core::mem::size_of::<T>().max(1);
        let mut out = Vec::with_capacity(count.min(MAX_PREALLOCATION / elem));
        for _ in 0..count {
            out.push(T::decode(self)?);
        }
        Ok(out)
    }
}
