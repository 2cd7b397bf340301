//! Consensus encoding: the [`Encode`] and [`Decode`] traits, the infallible [`Sink`], the bounded
//! [`Reader`] cursor and canonical CompactSize.
//!
//! Encoding streams bytes into a [`Sink`] that cannot fail, so a hash can be computed over the
//! encoding without a temporary buffer. Decoding reads from a [`Reader`] over a complete slice;
//! every length taken from the input is checked against what remains and against a per-type cap
//! before anything is allocated, so a decoder never allocates much more than the input it was
//! given.

mod error;
mod reader;

pub use error::DecodeError;
pub use reader::Reader;

use alloc::vec::Vec;

/// The largest size a CompactSize may announce (`MAX_SIZE` in the reference, 0x02000000).
pub const MAX_SIZE: u64 = 0x0200_0000;

/// The most bytes a vector decoder reserves ahead of reading its elements (about 1 MB): larger
/// vectors grow as their elements are actually read, and never past the announced count.
///
/// Below this cap the reservation is also bounded by the input: [`Reader::read_vec`] rejects a
/// count that the bytes left cannot hold at [`Decode::MIN_ENCODED_LEN`] bytes per element, so it
/// reserves at most `size_of::<T>() / T::MIN_ENCODED_LEN` bytes per input byte.
pub const MAX_PREALLOCATION: usize = 1 << 20;

/// A destination for encoded bytes that cannot fail.
///
/// Implemented for `Vec<u8>`, [`LenCounter`] and the hash engines of this crate.
pub trait Sink {
    /// Appends `bytes` to the sink.
    fn write_all(&mut self, bytes: &[u8]);
}

impl Sink for Vec<u8> {
    #[inline]
    fn write_all(&mut self, bytes: &[u8]) {
        self.extend_from_slice(bytes);
    }
}

impl<S: Sink + ?Sized> Sink for &mut S {
    #[inline]
    fn write_all(&mut self, bytes: &[u8]) {
        (**self).write_all(bytes);
    }
}

/// A [`Sink`] that only counts the bytes written to it.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct LenCounter(pub usize);

impl Sink for LenCounter {
    #[inline]
    fn write_all(&mut self, bytes: &[u8]) {
        self.0 += bytes.len();
    }
}

/// A value with a consensus encoding.
pub trait Encode {
    /// Writes the encoding of `self` to `sink`.
    fn encode<S: Sink + ?Sized>(&self, sink: &mut S);

    /// Returns the number of bytes [`Encode::encode`] writes.
    fn encoded_len(&self) -> usize {
        let mut counter = LenCounter(0);
        self.encode(&mut counter);
        counter.0
    }

    /// Returns the encoding of `self` as a new vector.
    fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.encoded_len());
        self.encode(&mut out);
        out
    }
}

/// A value that can be read back from its consensus encoding.
pub trait Decode: Sized {
    /// The fewest bytes any valid encoding of this type takes.
    ///
    /// [`Reader::read_vec`] rejects a count of `n` elements when fewer than
    /// `n * MIN_ENCODED_LEN` bytes are left and reserves memory only for counts that pass, so
    /// this must never exceed the length of the shortest valid encoding (the default, 1, holds
    /// for every type that takes at least one byte). Types used as vector elements declare their
    /// exact minimum, and the crate's tests check that it is tight.
    const MIN_ENCODED_LEN: usize = 1;

    /// Reads one value from the reader, advancing it past the bytes consumed.
    ///
    /// # Errors
    /// Returns a [`DecodeError`] when the bytes are not a valid encoding; the reader's position is
    /// then unspecified.
    fn decode(r: &mut Reader<'_>) -> Result<Self, DecodeError>;
}

/// Decodes a value that must occupy the whole of `bytes`.
///
/// # Errors
/// Returns [`DecodeError::TrailingBytes`] if bytes remain after the value, or the value's own
/// decoding error.
pub fn decode_exact<T: Decode>(bytes: &[u8]) -> Result<T, DecodeError> {
    let mut r = Reader::new(bytes);
    let value = T::decode(&mut r)?;
    r.finish()?;
    Ok(value)
}

/// Decodes a value from the start of `bytes` and returns it with the bytes that follow it.
///
/// # Errors
/// Returns the value's decoding error.
pub fn decode_prefix<T: Decode>(bytes: &[u8]) -> Result<(T, &[u8]), DecodeError> {
    let mut r = Reader::new(bytes);
    let value = T::decode(&mut r)?;
    Ok((value, r.rest()))
}

/// A value whose encoding depends on context the bytes do not carry, such as a block header,
/// whose layout (80 or 120 bytes) follows from its `nTime` and the network's KAWPOW activation
/// time.
///
/// The context is passed explicitly, never read from a global (the reference reads
/// `nKAWPOWActivationTime`, a global, in `CBlockHeader`'s serialization).
pub trait DecodeWith<C: ?Sized>: Sized {
    /// Reads one value in context `ctx`, advancing the reader past the bytes consumed.
    ///
    /// # Errors
    /// Returns a [`DecodeError`] when the bytes are not a valid encoding in that context; the
    /// reader's position is then unspecified.
    fn decode_with(r: &mut Reader<'_>, ctx: &C) -> Result<Self, DecodeError>;

    /// Decodes a value that must occupy the whole of `bytes`.
    ///
    /// # Errors
    /// As [`DecodeWith::decode_with`], or [`DecodeError::TrailingBytes`] if bytes remain.
    fn decode_exact_with(bytes: &[u8], ctx: &C) -> Result<Self, DecodeError> {
        let mut r = Reader::new(bytes);
        let value = Self::decode_with(&mut r, ctx)?;
        r.finish()?;
        Ok(value)
    }
}

/// The encoding side of [`DecodeWith`]: a value whose encoding depends on context.
pub trait EncodeWith<C: ?Sized> {
    /// Writes the encoding of `self` in context `ctx` to `sink`.
    fn encode_with<S: Sink + ?Sized>(&self, sink: &mut S, ctx: &C);

    /// Returns the number of bytes [`EncodeWith::encode_with`] writes.
    fn encoded_len_with(&self, ctx: &C) -> usize {
        let mut counter = LenCounter(0);
        self.encode_with(&mut counter, ctx);
        counter.0
    }

    /// Returns the encoding of `self` in context `ctx` as a new vector.
    fn to_bytes_with(&self, ctx: &C) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.encoded_len_with(ctx));
        self.encode_with(&mut out, ctx);
        out
    }
}

/// Writes `n` as a CompactSize.
#[allow(clippy::cast_possible_truncation)] // each branch casts a value its range check bounds
pub fn write_compact_size<S: Sink + ?Sized>(sink: &mut S, n: u64) {
    if n < 0xfd {
        sink.write_all(&[n as u8]);
    } else if n <= 0xffff {
        sink.write_all(&[0xfd]);
        sink.write_all(&(n as u16).to_le_bytes());
    } else if n <= 0xffff_ffff {
        sink.write_all(&[0xfe]);
        sink.write_all(&(n as u32).to_le_bytes());
    } else {
        sink.write_all(&[0xff]);
        sink.write_all(&n.to_le_bytes());
    }
}

/// Returns the length of the CompactSize encoding of `n`.
#[inline]
pub const fn compact_size_len(n: u64) -> usize {
    if n < 0xfd {
        1
    } else if n <= 0xffff {
        3
    } else if n <= 0xffff_ffff {
        5
    } else {
        9
    }
}

/// Writes a byte vector: its length as a CompactSize, then the bytes.
pub fn write_var_bytes<S: Sink + ?Sized>(sink: &mut S, bytes: &[u8]) {
    write_compact_size(sink, bytes.len() as u64);
    sink.write_all(bytes);
}

/// Returns the encoded length of a byte vector.
#[inline]
pub const fn var_bytes_len(len: usize) -> usize {
    compact_size_len(len as u64) + len
}

/// Writes a vector of encodable values: the count as a CompactSize, then each value.
pub fn write_vec<T: Encode, S: Sink + ?Sized>(sink: &mut S, items: &[T]) {
    write_compact_size(sink, items.len() as u64);
    for item in items {
        item.encode(sink);
    }
}

/// Returns the encoded length of a vector of encodable values.
pub fn vec_len<T: Encode>(items: &[T]) -> usize {
    compact_size_len(items.len() as u64) + items.iter().map(Encode::encoded_len).sum::<usize>()
}

macro_rules! impl_int {
    ($($t:ty => $read:ident),* $(,)?) => {$(
        impl Encode for $t {
            #[inline]
            fn encode<S: Sink + ?Sized>(&self, sink: &mut S) {
                sink.write_all(&self.to_le_bytes());
            }
            #[inline]
            fn encoded_len(&self) -> usize {
                core::mem::size_of::<$t>()
            }
        }
        impl Decode for $t {
            const MIN_ENCODED_LEN: usize = core::mem::size_of::<$t>();
            #[inline]
            fn decode(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
                r.$read()
            }
        }
    )*};
}

impl_int!(u8 => read_u8, u16 => read_u16, u32 => read_u32, u64 => read_u64, i32 => read_i32, i64 => read_i64);

impl<const N: usize> Encode for [u8; N] {
    #[inline]
    fn encode<S: Sink + ?Sized>(&self, sink: &mut S) {
        sink.write_all(self);
    }
    #[inline]
    fn encoded_len(&self) -> usize {
        N
    }
}

impl<const N: usize> Decode for [u8; N] {
    const MIN_ENCODED_LEN: usize = N;
    #[inline]
    fn decode(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        r.read_array()
    }
}

#[cfg(test)]
mod tests;
