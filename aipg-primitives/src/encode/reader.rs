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
        #[allow(clippy::cast_possible_truncation)]
        self.read_bytes(len as usize)
    }

    /// Reads a vector of decodable values (CompactSize count, then the values), accepting at most
    /// `max_count` elements.
    ///
    /// The count is checked before anything is reserved: above `max_count` it is too large, and
    /// above `remaining / T::MIN_ENCODED_LEN` the input cannot hold it. The vector then starts with
    /// room for `min(count, MAX_PREALLOCATION / size_of::<T>())` elements and, if it needs more,
    /// grows as elements are read, at most doubling and never past `count`. So the vector's buffer
    /// holds at most `size_of::<T>() / T::MIN_ENCODED_LEN` bytes per byte that was left, and a
    /// large announced count costs nothing until the bytes for it are there.
    ///
    /// # Errors
    /// [`DecodeError::TooLarge`] above `max_count`, [`DecodeError::UnexpectedEnd`] when the bytes
    /// left cannot hold `count` elements, a CompactSize error, or the element's error.
    pub fn read_vec<T: Decode>(
        &mut self,
        what: &'static str,
        max_count: usize,
    ) -> Result<Vec<T>, DecodeError> {
        self.read_vec_with(what, max_count, T::MIN_ENCODED_LEN, T::decode)
    }

    /// Reads a vector as [`Reader::read_vec`] does, with `decode` reading each element and
    /// `min_len` the fewest bytes an element takes: for element formats other than the type's
    /// [`Decode`] impl, such as transactions read with witness disallowed.
    ///
    /// `min_len` must not exceed the shortest encoding `decode` accepts, or valid input would be
    /// rejected; 0 turns the input-length check off.
    ///
    /// # Errors
    /// As [`Reader::read_vec`], with the errors of `decode`.
    pub fn read_vec_with<T>(
        &mut self,
        what: &'static str,
        max_count: usize,
        min_len: usize,
        mut decode: impl FnMut(&mut Self) -> Result<T, DecodeError>,
    ) -> Result<Vec<T>, DecodeError> {
        let count = self.read_compact_size()?;
        if count > max_count as u64 {
            return Err(DecodeError::TooLarge { what, got: count, max: max_count as u64 });
        }
        // `count <= max_count`, a usize.
        #[allow(clippy::cast_possible_truncation)]
        let count = count as usize;
        let remaining = self.remaining();
        if min_len > 0 && count > remaining / min_len {
            return Err(DecodeError::UnexpectedEnd {
                needed: count.saturating_mul(min_len),
                remaining,
            });
        }
        let elem = core::mem::size_of::<T>().max(1);
        let mut out = Vec::with_capacity(count.min(MAX_PREALLOCATION / elem));
        for _ in 0..count {
            if out.len() == out.capacity() {
                // Past the preallocation: double, but never past the count the input can hold.
                let len = out.len();
                out.reserve_exact(len.max(1).min(count.saturating_sub(len)));
            }
            out.push(decode(self)?);
        }
        Ok(out)
    }
}
