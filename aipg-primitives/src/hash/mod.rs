//! Hash functions and the hash newtypes of the chain.
//!
//! Every 256-bit hash is stored in the reference's internal byte order and displayed, as the
//! reference prints it, as the byte-reversed hex string.

use crate::encode::{Decode, DecodeError, Encode, Reader, Sink};
use sha2::{Digest, Sha256};

pub mod kawpow;
pub mod x16r;

/// SHA-256 of `data`.
#[inline]
pub fn sha256(data: &[u8]) -> [u8; 32] {
    Sha256::digest(data).into()
}

/// Double SHA-256 (`Hash` in the reference) of `data`.
#[inline]
pub fn sha256d(data: &[u8]) -> [u8; 32] {
    Sha256::digest(Sha256::digest(data)).into()
}

/// RIPEMD-160 of SHA-256 (`Hash160` in the reference) of `data`.
#[inline]
pub fn hash160(data: &[u8]) -> [u8; 20] {
    ripemd::Ripemd160::digest(Sha256::digest(data)).into()
}

/// A streaming double-SHA256 engine; encodable values can be written straight into it.
#[derive(Clone, Default)]
pub struct Sha256dEngine(Sha256);

impl Sha256dEngine {
    /// Creates an engine with nothing written yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Returns the double SHA-256 of everything written.
    pub fn finalize(self) -> [u8; 32] {
        Sha256::digest(self.0.finalize()).into()
    }
}

impl core::fmt::Debug for Sha256dEngine {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("Sha256dEngine")
    }
}

impl Sink for Sha256dEngine {
    #[inline]
    fn write_all(&mut self, bytes: &[u8]) {
        self.0.update(bytes);
    }
}

/// Double SHA-256 of the consensus encoding of `value`, streamed without a buffer.
pub fn sha256d_of<T: Encode + ?Sized>(value: &T) -> [u8; 32] {
    let mut engine = Sha256dEngine::new();
    value.encode(&mut engine);
    engine.finalize()
}

/// Why a hash could not be parsed from hex.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum HashParseError {
    /// The string did not have 64 hex digits.
    #[error("expected 64 hex digits, got {0} characters")]
    Length(usize),
    /// A character was not a hex digit.
    #[error("invalid hex digit")]
    InvalidHex,
}

/// Parses a 32-byte hash from its display form (byte-reversed hex).
///
/// # Errors
/// [`HashParseError`] when `s` is not 64 hex digits.
pub fn parse_display_hex(s: &str) -> Result<[u8; 32], HashParseError> {
    if s.len() != 64 {
        return Err(HashParseError::Length(s.len()));
    }
    let mut out = [0u8; 32];
    hex::decode_to_slice(s, &mut out).map_err(|_| HashParseError::InvalidHex)?;
    out.reverse();
    Ok(out)
}

/// Writes 32 bytes as byte-reversed hex.
pub(crate) fn fmt_display_hex(
    bytes: &[u8; 32],
    f: &mut core::fmt::Formatter<'_>,
) -> core::fmt::Result {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut buf = [0u8; 64];
    for (pair, b) in buf.chunks_exact_mut(2).zip(bytes.iter().rev()) {
        // A nibble indexes the 16 digits.
        #[allow(clippy::indexing_slicing)]
        pair.copy_from_slice(&[DIGITS[usize::from(b >> 4)], DIGITS[usize::from(b & 0x0f)]]);
    }
    // Every byte written above is an ASCII hex digit.
    f.write_str(core::str::from_utf8(&buf).map_err(|_| core::fmt::Error)?)
}

macro_rules! hash_newtype {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        ///
        /// Stored in internal byte order; `Display`, `Debug` and `FromStr` use the byte-reversed
        /// hex that the reference prints.
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
        pub struct $name([u8; 32]);

        impl $name {
            /// The all-zero hash.
            pub const ZERO: Self = Self([0u8; 32]);

            /// Wraps bytes in internal order.
            #[inline]
            pub const fn from_byte_array(bytes: [u8; 32]) -> Self {
                Self(bytes)
            }

            /// Returns the bytes in internal order.
            #[inline]
            pub const fn to_byte_array(self) -> [u8; 32] {
                self.0
            }

            /// Borrows the bytes in internal order.
            #[inline]
            pub const fn as_byte_array(&self) -> &[u8; 32] {
                &self.0
            }

            /// Returns true for the all-zero hash.
            #[inline]
            pub fn is_zero(&self) -> bool {
                self.0 == [0u8; 32]
            }
        }

        impl core::fmt::Display for $name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                $crate::hash::fmt_display_hex(&self.0, f)
            }
        }

        impl core::fmt::Debug for $name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                write!(f, concat!(stringify!($name), "({})"), self)
            }
        }

        impl core::str::FromStr for $name {
            type Err = $crate::hash::HashParseError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $crate::hash::parse_display_hex(s).map(Self)
            }
        }

        impl From<[u8; 32]> for $name {
            fn from(bytes: [u8; 32]) -> Self {
                Self(bytes)
            }
        }

        impl AsRef<[u8]> for $name {
            fn as_ref(&self) -> &[u8] {
                &self.0
            }
        }

        impl $crate::encode::Encode for $name {
            #[inline]
            fn encode<S: $crate::encode::Sink + ?Sized>(&self, sink: &mut S) {
                sink.write_all(&self.0);
            }
            #[inline]
            fn encoded_len(&self) -> usize {
                32
            }
        }

        impl $crate::encode::Decode for $name {
            const MIN_ENCODED_LEN: usize = 32;
            #[inline]
            fn decode(r: &mut $crate::encode::Reader<'_>) -> Result<Self, $crate::encode::DecodeError> {
                r.read_array().map(Self)
            }
        }

        #[cfg(feature = "serde")]
        impl serde::Serialize for $name {
            fn serialize<Ser: serde::Serializer>(&self, s: Ser) -> Result<Ser::Ok, Ser::Error> {
                s.collect_str(self)
            }
        }

        #[cfg(feature = "serde")]
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <alloc::string::String as serde::Deserialize>::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }

        #[cfg(any(test, feature = "proptest-impl"))]
        impl proptest::arbitrary::Arbitrary for $name {
            type Parameters = ();
            type Strategy = proptest::strategy::Map<proptest::arbitrary::StrategyFor<[u8; 32]>, fn([u8; 32]) -> Self>;
            fn arbitrary_with(_: ()) -> Self::Strategy {
                use proptest::strategy::Strategy;
                proptest::arbitrary::any::<[u8; 32]>().prop_map(Self)
            }
        }
    };
}
#[allow(unused_imports)]
pub(crate) use hash_newtype;

hash_newtype!(
    /// A transaction id: double SHA-256 of the transaction's basic (witness-free) serialization.
    Txid
);
hash_newtype!(
    /// A witness transaction id: double SHA-256 of the extended serialization (equal to the txid
    /// for a transaction without witness data).
    Wtxid
);
hash_newtype!(
    /// A block id: X16R/X16RV2 of the 80-byte header, or the KAWPOW final hash.
    BlockHash
);
hash_newtype!(
    /// The merkle root of a block's txids.
    MerkleRoot
);
hash_newtype!(
    /// The merkle root of a block's wtxids (coinbase counted as zero).
    WitnessMerkleRoot
);
hash_newtype!(
    /// The KAWPOW header hash: double SHA-256 of the 80-byte header prefix without nonce and mix.
    KawpowHeaderHash
);
hash_newtype!(
    /// The KAWPOW mix hash carried in a 120-byte header.
    MixHash
);

/// Decodes a raw 32-byte value; a convenience for types that embed hashes.
///
/// # Errors
/// [`DecodeError::UnexpectedEnd`] when fewer than 32 bytes remain.
#[inline]
pub fn read_hash(r: &mut Reader<'_>) -> Result<[u8; 32], DecodeError> {
    <[u8; 32]>::decode(r)
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;

    #[test]
    fn sha256d_known_answer() {
        // Double SHA-256 of the empty string.
        assert_eq!(
            hex::encode(sha256d(b"")),
            "5df6e0e2761359d30a8275058e299fcc0381534545f55cf43e41983f5d4c9456"
        );
        assert_eq!(hex::encode(hash160(b"")), "b472a266d0bd89c13706a4132ccfb16f7c3b9fcb");
    }

    #[test]
    fn display_is_reversed_and_parses_back() {
        let mut bytes = [0u8; 32];
        bytes[0] = 0x01;
        bytes[31] = 0xab;
        let h = Txid::from_byte_array(bytes);
        let s = h.to_string();
        assert!(s.starts_with("ab") && s.ends_with("01"));
        assert_eq!(s.parse::<Txid>(), Ok(h));
        assert_eq!("zz".parse::<Txid>(), Err(HashParseError::Length(2)));
    }
}
