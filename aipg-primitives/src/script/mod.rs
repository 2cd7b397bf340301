// SPDX-License-Identifier: MIT
//! Scripts: the borrowed [`Script`] view and the owned [`ScriptBuf`].
//!
//! A script is an arbitrary byte string; nothing about its contents is checked when it is decoded,
//! exactly as in the reference (`CScript` in `src/script/script.h`). Its consensus encoding is a
//! byte vector (CompactSize length, then the bytes).

use crate::encode::{Decode, DecodeError, Encode, Reader, Sink, var_bytes_len, write_var_bytes};
use alloc::vec::Vec;

/// A borrowed script: a thin, copyable view of script bytes.
///
/// All read-only analysis (instruction iteration, template classification, asm rendering) is
/// done on this type; [`ScriptBuf::as_script`] borrows an owned script as one.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Script<'a>(&'a [u8]);

impl<'a> Script<'a> {
    /// Wraps script bytes.
    #[inline]
    pub const fn new(bytes: &'a [u8]) -> Self {
        Script(bytes)
    }

    /// Returns the script bytes.
    #[inline]
    pub const fn as_bytes(&self) -> &'a [u8] {
        self.0
    }

    /// Returns the length in bytes.
    #[inline]
    pub const fn len(&self) -> usize {
        self.0.len()
    }

    /// Returns true for the empty script.
    #[inline]
    pub const fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Copies the script into an owned [`ScriptBuf`].
    #[inline]
    pub fn to_script_buf(&self) -> ScriptBuf {
        ScriptBuf(self.0.to_vec())
    }
}

impl AsRef<[u8]> for Script<'_> {
    #[inline]
    fn as_ref(&self) -> &[u8] {
        self.0
    }
}

impl<'a> From<&'a [u8]> for Script<'a> {
    #[inline]
    fn from(bytes: &'a [u8]) -> Self {
        Script(bytes)
    }
}

impl<'a> From<&'a ScriptBuf> for Script<'a> {
    #[inline]
    fn from(script: &'a ScriptBuf) -> Self {
        script.as_script()
    }
}

impl core::fmt::Debug for Script<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("Script(")?;
        fmt_hex(self.0, f)?;
        f.write_str(")")
    }
}

/// Formats the bytes as lower-case hex.
impl core::fmt::LowerHex for Script<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        fmt_hex(self.0, f)
    }
}

impl Encode for Script<'_> {
    #[inline]
    fn encode<S: Sink + ?Sized>(&self, sink: &mut S) {
        write_var_bytes(sink, self.0);
    }
    #[inline]
    fn encoded_len(&self) -> usize {
        var_bytes_len(self.0.len())
    }
}

/// An owned script (`CScript` in the reference).
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct ScriptBuf(Vec<u8>);

impl ScriptBuf {
    /// Creates an empty script.
    #[inline]
    pub const fn new() -> Self {
        ScriptBuf(Vec::new())
    }

    /// Wraps script bytes.
    #[inline]
    pub const fn from_bytes(bytes: Vec<u8>) -> Self {
        ScriptBuf(bytes)
    }

    /// Parses a script from hex (not asm).
    ///
    /// # Errors
    /// [`hex::FromHexError`] when `s` is not an even number of hex digits.
    pub fn from_hex(s: &str) -> Result<Self, hex::FromHexError> {
        hex::decode(s).map(ScriptBuf)
    }

    /// Borrows the script as a [`Script`].
    #[inline]
    pub fn as_script(&self) -> Script<'_> {
        Script(&self.0)
    }

    /// Returns the script bytes.
    #[inline]
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// Returns the script bytes mutably.
    #[inline]
    pub fn as_mut_bytes(&mut self) -> &mut Vec<u8> {
        &mut self.0
    }

    /// Returns the underlying vector.
    #[inline]
    pub fn into_bytes(self) -> Vec<u8> {
        self.0
    }

    /// Returns the length in bytes.
    #[inline]
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Returns true for the empty script.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Returns the bytes as lower-case hex.
    pub fn to_hex(&self) -> alloc::string::String {
        hex::encode(&self.0)
    }
}

impl From<Vec<u8>> for ScriptBuf {
    #[inline]
    fn from(bytes: Vec<u8>) -> Self {
        ScriptBuf(bytes)
    }
}

impl From<&[u8]> for ScriptBuf {
    #[inline]
    fn from(bytes: &[u8]) -> Self {
        ScriptBuf(bytes.to_vec())
    }
}

impl From<Script<'_>> for ScriptBuf {
    #[inline]
    fn from(script: Script<'_>) -> Self {
        script.to_script_buf()
    }
}

impl From<ScriptBuf> for Vec<u8> {
    #[inline]
    fn from(script: ScriptBuf) -> Self {
        script.0
    }
}

impl AsRef<[u8]> for ScriptBuf {
    #[inline]
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

impl core::fmt::Debug for ScriptBuf {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("ScriptBuf(")?;
        fmt_hex(&self.0, f)?;
        f.write_str(")")
    }
}

/// Formats the bytes as lower-case hex.
impl core::fmt::LowerHex for ScriptBuf {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        fmt_hex(&self.0, f)
    }
}

impl Encode for ScriptBuf {
    #[inline]
    fn encode<S: Sink + ?Sized>(&self, sink: &mut S) {
        write_var_bytes(sink, &self.0);
    }
    #[inline]
    fn encoded_len(&self) -> usize {
        var_bytes_len(self.0.len())
    }
}

impl Decode for ScriptBuf {
    /// Reads a CompactSize length (at most `MAX_SIZE`) and that many bytes; the bytes are only
    /// copied once they are known to be present.
    fn decode(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        r.read_var_bytes().map(|b| ScriptBuf(b.to_vec()))
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for ScriptBuf {
    /// Serializes the script bytes as hex.
    fn serialize<Ser: serde::Serializer>(&self, s: Ser) -> Result<Ser::Ok, Ser::Error> {
        s.serialize_str(&self.to_hex())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for ScriptBuf {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <alloc::string::String as serde::Deserialize>::deserialize(d)?;
        ScriptBuf::from_hex(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(any(test, feature = "proptest-impl"))]
impl proptest::arbitrary::Arbitrary for ScriptBuf {
    type Parameters = ();
    type Strategy = proptest::strategy::Map<
        proptest::collection::VecStrategy<proptest::num::u8::Any>,
        fn(Vec<u8>) -> Self,
    >;
    fn arbitrary_with(_: ()) -> Self::Strategy {
        use proptest::strategy::Strategy;
        proptest::collection::vec(proptest::num::u8::ANY, 0..200).prop_map(ScriptBuf)
    }
}

fn fmt_hex(bytes: &[u8], f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
    for b in bytes {
        write!(f, "{b:02x}")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::encode::decode_exact;
    use proptest::prelude::*;

    #[test]
    fn encodes_as_byte_vector() {
        let s = ScriptBuf::from_hex("76a914000000000000000000000000000000000000000088ac").unwrap();
        let bytes = s.to_bytes();
        assert_eq!(bytes[0], 25);
        assert_eq!(&bytes[1..], s.as_bytes());
        assert_eq!(s.encoded_len(), 26);
        assert_eq!(s.as_script().to_bytes(), bytes);
        assert_eq!(decode_exact::<ScriptBuf>(&bytes), Ok(s));
        assert_eq!(decode_exact::<ScriptBuf>(&[0]), Ok(ScriptBuf::new()));
    }

    #[test]
    fn decode_rejects_truncated_and_oversized() {
        assert!(matches!(
            decode_exact::<ScriptBuf>(&[3, 1, 2]),
            Err(DecodeError::UnexpectedEnd { needed: 3, remaining: 2 })
        ));
        assert!(matches!(
            decode_exact::<ScriptBuf>(&[0xfe, 0x01, 0x00, 0x00, 0x02]),
            Err(DecodeError::OversizedCompactSize(_))
        ));
    }

    proptest! {
        #[test]
        fn round_trip(s in any::<ScriptBuf>()) {
            let bytes = s.to_bytes();
            prop_assert_eq!(bytes.len(), s.encoded_len());
            prop_assert_eq!(decode_exact::<ScriptBuf>(&bytes), Ok(s));
        }

        #[test]
        fn decode_arbitrary_never_panics(b in proptest::collection::vec(any::<u8>(), 0..64)) {
            if let Ok(s) = decode_exact::<ScriptBuf>(&b) {
                prop_assert_eq!(s.to_bytes(), b);
            }
        }
    }
}
