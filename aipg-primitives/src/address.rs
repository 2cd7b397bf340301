// SPDX-License-Identifier: MIT
//! Base58Check addresses and WIF private keys (`src/base58.cpp`, `src/key_io`-style helpers of
//! the reference).
//!
//! An address is `version ‖ hash160` in Base58Check (checksum: the first 4 bytes of double
//! SHA-256). The version bytes come from [`NetworkParams`].
//!
//! # The shared version byte on AIPG main and test
//!
//! AIPG main (0x17) and test (0x14) use the same version byte for P2PKH and P2SH. Like the
//! reference's `DecodeDestination`, which compares the P2PKH prefix first, [`Address::parse`]
//! therefore decodes **every** such address as P2PKH; a P2SH address on those networks encodes
//! to the same string as the P2PKH address with the same 20 bytes and round-trips to P2PKH.
//! On AIPG regtest and on the Ravencoin networks the two prefixes differ and decoding is
//! unambiguous.

#![cfg_attr(
    not(test),
    warn(
        clippy::indexing_slicing,
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::cast_possible_truncation
    )
)]

use crate::network::NetworkParams;
use crate::script::{Destination, PubkeyHash, Script, ScriptBuf, ScriptHash};
use alloc::string::String;
use alloc::vec::Vec;

/// The longest string [`base58_decode`] and [`base58check_decode`] accept, not counting the
/// surrounding whitespace they skip: longer input is rejected before the Base58 decoding, whose
/// work grows with the square of the length, runs. Every Base58 string this crate parses is
/// much shorter ([`MAX_WIF_STRING_LENGTH`] at most).
pub const MAX_BASE58_STRING_LENGTH: usize = 128;

/// The longest string an address can be: 25 bytes (version, hash, checksum) are at most
/// `ceil(25 × log58(256))` = 35 Base58 digits. [`Address::parse`] rejects longer strings (after
/// skipping surrounding whitespace) before decoding.
pub const MAX_ADDRESS_STRING_LENGTH: usize = 35;

/// The longest string a WIF key can be: 38 bytes (version, secret, compression flag, checksum)
/// are at most `ceil(38 × log58(256))` = 52 Base58 digits. [`PrivateKey::from_wif`] rejects
/// longer strings (after skipping surrounding whitespace) before decoding.
pub const MAX_WIF_STRING_LENGTH: usize = 52;

/// Why an address or key string could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AddressError {
    /// A character outside the Base58 alphabet (or whitespace inside the string).
    #[error("invalid base58 character at byte {0}")]
    InvalidCharacter(usize),
    /// The checksum did not match.
    #[error("base58check checksum mismatch")]
    BadChecksum,
    /// Fewer than 4 bytes, so there is no checksum.
    #[error("base58check data too short for a checksum")]
    NoChecksum,
    /// The string, without its surrounding whitespace, is longer than any valid one.
    #[error("base58 string of {len} bytes is longer than the {max} a valid one can be")]
    TooLong {
        /// The length in bytes, without surrounding whitespace.
        len: usize,
        /// The longest valid length ([`MAX_ADDRESS_STRING_LENGTH`], [`MAX_WIF_STRING_LENGTH`] or
        /// [`MAX_BASE58_STRING_LENGTH`]).
        max: usize,
    },
    /// The decoded payload has the wrong length for an address (21 bytes) or key (33 or 34).
    #[error("decoded payload has invalid length {0}")]
    InvalidLength(usize),
    /// The version byte is not one of the network's address or key prefixes.
    #[error("unknown version byte 0x{0:02x}")]
    UnknownVersion(u8),
    /// A WIF key's 34th byte is not the compression flag 0x01.
    #[error("invalid compression flag 0x{0:02x}")]
    InvalidCompressionFlag(u8),
    /// A secret key of zero or not below the secp256k1 group order.
    #[error("secret key out of range")]
    InvalidSecretKey,
}

/// Encodes bytes in Base58 (Bitcoin alphabet).
pub fn base58_encode(data: &[u8]) -> String {
    bs58::encode(data).into_string()
}

/// Decodes Base58, skipping leading and trailing whitespace as the reference's `DecodeBase58`
/// does.
///
/// # Errors
/// [`AddressError::TooLong`] when the string without that whitespace is longer than
/// [`MAX_BASE58_STRING_LENGTH`], [`AddressError::InvalidCharacter`] for characters outside the
/// alphabet.
pub fn base58_decode(s: &str) -> Result<Vec<u8>, AddressError> {
    let (offset, trimmed) = trim_space_capped(s, MAX_BASE58_STRING_LENGTH)?;
    bs58::decode(trimmed).into_vec().map_err(|e| map_bs58(e, offset))
}

/// Encodes bytes in Base58Check (the bytes, then 4 checksum bytes).
pub fn base58check_encode(data: &[u8]) -> String {
    bs58::encode(data).with_check().into_string()
}

/// Decodes Base58Check and returns the bytes without the checksum.
///
/// # Errors
/// [`AddressError`] for a bad character, a missing or wrong checksum, or input (without
/// surrounding whitespace) longer than [`MAX_BASE58_STRING_LENGTH`].
pub fn base58check_decode(s: &str) -> Result<Vec<u8>, AddressError> {
    base58check_decode_capped(s, MAX_BASE58_STRING_LENGTH)
}

/// Decodes Base58Check from a string of at most `max` bytes once surrounding whitespace is
/// skipped; the length is checked before any decoding.
fn base58check_decode_capped(s: &str, max: usize) -> Result<Vec<u8>, AddressError> {
    let (offset, trimmed) = trim_space_capped(s, max)?;
    bs58::decode(trimmed).with_check(None).into_vec().map_err(|e| map_bs58(e, offset))
}

/// Strips the characters C's `isspace` accepts from both ends (linear work) and rejects what is
/// left when it is longer than `max` bytes. Returns the offset of what is left and the string.
fn trim_space_capped(s: &str, max: usize) -> Result<(usize, &str), AddressError> {
    let is_space = |c: char| matches!(c, ' ' | '\t' | '\n' | '\x0b' | '\x0c' | '\r');
    let start = s.len() - s.trim_start_matches(is_space).len();
    let trimmed = s.trim_matches(is_space);
    if trimmed.len() > max {
        return Err(AddressError::TooLong { len: trimmed.len(), max });
    }
    Ok((start, trimmed))
}

fn map_bs58(e: bs58::decode::Error, offset: usize) -> AddressError {
    match e {
        bs58::decode::Error::InvalidCharacter { index, .. }
        | bs58::decode::Error::NonAsciiCharacter { index } => {
            AddressError::InvalidCharacter(index.saturating_add(offset))
        }
        bs58::decode::Error::NoChecksum => AddressError::NoChecksum,
        _ => AddressError::BadChecksum,
    }
}

/// A P2PKH or P2SH address with its version byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Address {
    version: u8,
    destination: Destination,
}

impl Address {
    /// Returns the address of `destination` on the network of `params`.
    pub const fn new(destination: Destination, params: &NetworkParams) -> Self {
        let version = match destination {
            Destination::PubkeyHash(_) => params.p2pkh_prefix,
            Destination::ScriptHash(_) => params.p2sh_prefix,
        };
        Address { version, destination }
    }

    /// Returns the P2PKH address of a key hash.
    pub const fn p2pkh(hash: PubkeyHash, params: &NetworkParams) -> Self {
        Self::new(Destination::PubkeyHash(hash), params)
    }

    /// Returns the P2SH address of a script hash (on AIPG main and test it has the same string
    /// as the P2PKH address of the same 20 bytes).
    pub const fn p2sh(hash: ScriptHash, params: &NetworkParams) -> Self {
        Self::new(Destination::ScriptHash(hash), params)
    }

    /// Returns the address an output script pays to (`ExtractDestination`): pubkey, pubkeyhash,
    /// scripthash, asset and tagged null-asset scripts; `None` for the others.
    pub fn from_script(script: &Script<'_>, params: &NetworkParams) -> Option<Self> {
        script.destination().map(|d| Self::new(d, params))
    }

    /// Decodes an address for the network of `params` (`DecodeDestination`): the P2PKH prefix
    /// is compared first, so where both prefixes are equal the result is P2PKH.
    ///
    /// # Errors
    /// [`AddressError::TooLong`] above [`MAX_ADDRESS_STRING_LENGTH`] (checked before decoding),
    /// or [`AddressError`] for bad Base58Check, a payload that is not 21 bytes, or a version
    /// that is neither of the network's address prefixes.
    pub fn parse(s: &str, params: &NetworkParams) -> Result<Self, AddressError> {
        let data = base58check_decode_capped(s, MAX_ADDRESS_STRING_LENGTH)?;
        let (&version, hash) = data.split_first().ok_or(AddressError::InvalidLength(0))?;
        let hash: [u8; 20] =
            hash.try_into().map_err(|_| AddressError::InvalidLength(data.len()))?;
        let destination = if version == params.p2pkh_prefix {
            Destination::PubkeyHash(PubkeyHash::from_byte_array(hash))
        } else if version == params.p2sh_prefix {
            Destination::ScriptHash(ScriptHash::from_byte_array(hash))
        } else {
            return Err(AddressError::UnknownVersion(version));
        };
        Ok(Address { version, destination })
    }

    /// Returns the version byte.
    #[inline]
    pub const fn version(&self) -> u8 {
        self.version
    }

    /// Returns the destination.
    #[inline]
    pub const fn destination(&self) -> Destination {
        self.destination
    }

    /// Returns the 20-byte hash.
    pub const fn hash(&self) -> [u8; 20] {
        match self.destination {
            Destination::PubkeyHash(h) => h.to_byte_array(),
            Destination::ScriptHash(h) => h.to_byte_array(),
        }
    }

    /// Returns the output script paying to this address (`GetScriptForDestination`).
    pub fn script_pubkey(&self) -> ScriptBuf {
        ScriptBuf::for_destination(&self.destination)
    }
}

/// Writes the Base58Check form.
impl core::fmt::Display for Address {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let mut data = [0u8; 21];
        let (v, h) = data.split_at_mut(1);
        v.copy_from_slice(&[self.version]);
        h.copy_from_slice(&self.hash());
        f.write_str(&base58check_encode(&data))
    }
}

/// The secp256k1 group order, big-endian.
const SECP256K1_ORDER: [u8; 32] = [
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe,
    0xba, 0xae, 0xdc, 0xe6, 0xaf, 0x48, 0xa0, 0x3b, 0xbf, 0xd2, 0x5e, 0x8c, 0xd0, 0x36, 0x41, 0x41,
];

/// A private key in Wallet Import Format: the 32-byte secret and whether its public key is
/// used compressed.
#[derive(Clone, PartialEq, Eq)]
pub struct PrivateKey {
    secret: [u8; 32],
    compressed: bool,
}

impl PrivateKey {
    /// Wraps a secret.
    ///
    /// # Errors
    /// [`AddressError::InvalidSecretKey`] for zero or a value not below the group order
    /// (`CKey::Check`).
    pub fn new(secret: [u8; 32], compressed: bool) -> Result<Self, AddressError> {
        if secret == [0u8; 32] || secret >= SECP256K1_ORDER {
            return Err(AddressError::InvalidSecretKey);
        }
        Ok(PrivateKey { secret, compressed })
    }

    /// Returns the secret bytes (big-endian scalar).
    #[inline]
    pub const fn secret_bytes(&self) -> &[u8; 32] {
        &self.secret
    }

    /// Returns true when the key's public key is used in compressed form.
    #[inline]
    pub const fn is_compressed(&self) -> bool {
        self.compressed
    }

    /// Encodes the key in WIF for the network of `params`: version, secret, and `0x01` when
    /// compressed.
    pub fn to_wif(&self, params: &NetworkParams) -> String {
        let mut data = Vec::with_capacity(34);
        data.push(params.wif_prefix);
        data.extend_from_slice(&self.secret);
        if self.compressed {
            data.push(0x01);
        }
        base58check_encode(&data)
    }

    /// Decodes a WIF key for the network of `params` (`CBitcoinSecret::SetString`).
    ///
    /// # Errors
    /// [`AddressError::TooLong`] above [`MAX_WIF_STRING_LENGTH`] (checked before decoding), or
    /// [`AddressError`] for bad Base58Check, a version other than the network's secret-key
    /// prefix, a wrong length or compression flag, or a secret out of range.
    pub fn from_wif(s: &str, params: &NetworkParams) -> Result<Self, AddressError> {
        let data = base58check_decode_capped(s, MAX_WIF_STRING_LENGTH)?;
        let (&version, rest) = data.split_first().ok_or(AddressError::InvalidLength(0))?;
        let (secret, compressed) = match rest.len() {
            32 => (rest, false),
            33 => match rest.split_last() {
                Some((1, secret)) => (secret, true),
                Some((&flag, _)) => return Err(AddressError::InvalidCompressionFlag(flag)),
                None => return Err(AddressError::InvalidLength(data.len())),
            },
            _ => return Err(AddressError::InvalidLength(data.len())),
        };
        if version != params.wif_prefix {
            return Err(AddressError::UnknownVersion(version));
        }
        let secret: [u8; 32] =
            secret.try_into().map_err(|_| AddressError::InvalidLength(data.len()))?;
        Self::new(secret, compressed)
    }
}

impl core::fmt::Debug for PrivateKey {
    /// Never prints the secret.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("PrivateKey").field("compressed", &self.compressed).finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::Network;
    use alloc::string::ToString;
    use proptest::prelude::*;

    #[test]
    fn shared_prefix_decodes_as_p2pkh() {
        let h = [0x42u8; 20];
        for net in [Network::AipgMain, Network::AipgTest] {
            let p = net.params();
            let pkh = Address::p2pkh(PubkeyHash::from_byte_array(h), p);
            let sh = Address::p2sh(ScriptHash::from_byte_array(h), p);
            assert_eq!(pkh.to_string(), sh.to_string());
            assert_eq!(Address::parse(&sh.to_string(), p), Ok(pkh));
        }
        let p = Network::AipgMain.params();
        assert!(Address::p2pkh(PubkeyHash::from_byte_array(h), p).to_string().starts_with('A'));
        let p = Network::AipgRegtest.params();
        let sh = Address::p2sh(ScriptHash::from_byte_array(h), p);
        assert_eq!(Address::parse(&sh.to_string(), p), Ok(sh));
        assert_eq!(sh.script_pubkey(), ScriptBuf::new_p2sh(&ScriptHash::from_byte_array(h)));
    }

    #[test]
    fn burn_addresses() {
        // chain.md §10: regtest burn addresses decode with version 111.
        let regtest = Network::AipgRegtest.params();
        for (s, hash) in [
            ("n1issueAssetXXXXXXXXXXXXXXXXWdnemQ", "dda3d21797ff26cb8ae9a769bdc68cf4567f5bba"),
            ("n1ReissueAssetXXXXXXXXXXXXXXWG9NLd", "da61c47adbad4a81e5f14e1fabb3d167a51ca448"),
            ("n1addTagBurnXXXXXXXXXXXXXXXXX5oLMH", "dc1499312ed8bd062d114e2188d238ee51ca30d9"),
            ("n1BurnXXXXXXXXXXXXXXXXXXXXXXU1qejP", "d7c8944771bbfe427418f27320e72a1322faf134"),
        ] {
            let a = Address::parse(s, regtest).unwrap();
            assert_eq!(hex::encode(a.hash()), hash);
            assert_eq!(a.to_string(), s);
            // On AIPG test the version byte is 20, so the same strings are not addresses.
            assert_eq!(
                Address::parse(s, Network::AipgTest.params()),
                Err(AddressError::UnknownVersion(111))
            );
        }
        // Every main-network burn address contains `I`, which is not Base58.
        assert!(matches!(
            Address::parse("AIissueAssetXXXXXXXXXXXXXXXXXhhZGt", Network::AipgMain.params()),
            Err(AddressError::InvalidCharacter(1))
        ));
        // Ravencoin's main burn address decodes on rvn-main.
        let a = Address::parse("RXissueAssetXXXXXXXXXXXXXXXXXhhZGt", Network::RvnMain.params())
            .unwrap();
        assert_eq!(hex::encode(a.hash()), "f62e63b933953a680f3c3a63324948293ba47d16");
    }

    #[test]
    fn community_fee_addresses() {
        // chain.md §7: the main community address and its required script.
        let main = Network::AipgMain.params();
        let a = Address::parse("Ab8KBCTTJgy7XnsPsHbnwRMJD4MFjG12hU", main).unwrap();
        assert_eq!(a.version(), 0x17);
        assert_eq!(hex::encode(a.hash()), "d4480519a83f60e1e9aca8d82f971f9c11f128f2");
        assert_eq!(
            a.script_pubkey().to_hex(),
            "76a914d4480519a83f60e1e9aca8d82f971f9c11f128f288ac"
        );
        // The test network's configured address carries the main prefix and is invalid there.
        assert_eq!(
            Address::parse("AcYHNBj8C6nCFSpu1ANsJxturWp31W32cd", Network::AipgTest.params()),
            Err(AddressError::UnknownVersion(0x17))
        );
    }

    #[test]
    fn from_script_and_whitespace() {
        let p = Network::AipgMain.params();
        let h = PubkeyHash::from_byte_array([7; 20]);
        let a = Address::from_script(&ScriptBuf::new_p2pkh(&h).as_script(), p).unwrap();
        assert_eq!(a, Address::p2pkh(h, p));
        let s = a.to_string();
        assert_eq!(Address::parse(&alloc::format!(" \t{s}\n"), p), Ok(a));
        assert!(Address::parse(&alloc::format!("{} {}", &s[..3], &s[3..]), p).is_err());
        assert_eq!(Address::from_script(&ScriptBuf::new_op_return(b"x").as_script(), p), None);
        assert_eq!(
            Address::parse(&"1".repeat(129), p),
            Err(AddressError::TooLong { len: 129, max: MAX_ADDRESS_STRING_LENGTH })
        );
    }

    #[test]
    fn length_caps_are_the_longest_valid_strings() {
        // The largest 21-byte payload makes the longest Base58Check string of an address's
        // size: it is decoded (and rejected for its version), one more character is too long.
        let longest = base58check_encode(&[0xff; 21]);
        assert_eq!(longest.len(), MAX_ADDRESS_STRING_LENGTH);
        let p = Network::AipgMain.params();
        assert_eq!(Address::parse(&longest, p), Err(AddressError::UnknownVersion(0xff)));
        assert_eq!(
            Address::parse(&alloc::format!("{longest}1"), p),
            Err(AddressError::TooLong { len: MAX_ADDRESS_STRING_LENGTH + 1, max: 35 })
        );
        // Surrounding whitespace is skipped, as by the reference, and not counted.
        assert_eq!(
            Address::parse(&alloc::format!("  {longest}\n"), p),
            Err(AddressError::UnknownVersion(0xff))
        );
        // The same for WIF: the largest 34-byte payload.
        let longest = base58check_encode(&[0xff; 34]);
        assert_eq!(longest.len(), MAX_WIF_STRING_LENGTH);
        assert_eq!(
            PrivateKey::from_wif(&longest, p),
            Err(AddressError::InvalidCompressionFlag(0xff))
        );
        assert_eq!(
            PrivateKey::from_wif(&alloc::format!("{longest}1"), p),
            Err(AddressError::TooLong { len: MAX_WIF_STRING_LENGTH + 1, max: 52 })
        );
        // The generic decoders stop at their own cap.
        let data = [0xffu8; 90];
        let generic = base58_encode(&data);
        assert!(generic.len() <= MAX_BASE58_STRING_LENGTH);
        assert_eq!(base58_decode(&generic).as_deref(), Ok(&data[..]));
        let long = "2".repeat(MAX_BASE58_STRING_LENGTH + 1);
        let too_long =
            Err(AddressError::TooLong { len: long.len(), max: MAX_BASE58_STRING_LENGTH });
        assert_eq!(base58_decode(&long), too_long);
        assert_eq!(base58check_decode(&long), too_long);
    }

    #[test]
    fn a_huge_string_is_rejected_by_length() {
        // 4 MB of Base58 digits would take quadratic work to decode; it is refused by length.
        let p = Network::AipgMain.params();
        let huge = "z".repeat(4 << 20);
        let len = huge.len();
        assert_eq!(
            Address::parse(&huge, p),
            Err(AddressError::TooLong { len, max: MAX_ADDRESS_STRING_LENGTH })
        );
        assert_eq!(
            PrivateKey::from_wif(&huge, p),
            Err(AddressError::TooLong { len, max: MAX_WIF_STRING_LENGTH })
        );
        assert_eq!(
            base58_decode(&huge),
            Err(AddressError::TooLong { len, max: MAX_BASE58_STRING_LENGTH })
        );
    }

    #[test]
    fn wif_range_and_flags() {
        let p = Network::AipgMain.params();
        assert_eq!(PrivateKey::new([0; 32], true), Err(AddressError::InvalidSecretKey));
        assert_eq!(PrivateKey::new(SECP256K1_ORDER, true), Err(AddressError::InvalidSecretKey));
        let mut below = SECP256K1_ORDER;
        below[31] -= 1;
        let k = PrivateKey::new(below, true).unwrap();
        assert_eq!(PrivateKey::from_wif(&k.to_wif(p), p), Ok(k.clone()));
        let mut data = alloc::vec![p.wif_prefix];
        data.extend_from_slice(&below);
        data.push(2);
        assert_eq!(
            PrivateKey::from_wif(&base58check_encode(&data), p),
            Err(AddressError::InvalidCompressionFlag(2))
        );
        assert!(!alloc::format!("{k:?}").contains("ff"));
    }

    proptest! {
        #[test]
        fn address_round_trip(h in any::<[u8; 20]>(), script in any::<bool>(), net in 0usize..5) {
            let p = Network::ALL[net].params();
            let a = if script {
                Address::p2sh(ScriptHash::from_byte_array(h), p)
            } else {
                Address::p2pkh(PubkeyHash::from_byte_array(h), p)
            };
            let back = Address::parse(&a.to_string(), p).unwrap();
            prop_assert_eq!(back.hash(), h);
            prop_assert_eq!(back.to_string(), a.to_string());
            if p.p2pkh_prefix != p.p2sh_prefix {
                prop_assert_eq!(back, a);
            }
            prop_assert_eq!(Address::from_script(&back.script_pubkey().as_script(), p), Some(back));
        }

        #[test]
        fn wif_round_trip(secret in any::<[u8; 32]>(), compressed in any::<bool>(), net in 0usize..5) {
            let p = Network::ALL[net].params();
            if let Ok(k) = PrivateKey::new(secret, compressed) {
                prop_assert_eq!(PrivateKey::from_wif(&k.to_wif(p), p), Ok(k));
            }
        }

        #[test]
        fn decoders_never_panic(s in "\\PC{0,60}") {
            let p = Network::AipgMain.params();
            let _ = Address::parse(&s, p);
            let _ = PrivateKey::from_wif(&s, p);
            let _ = base58_decode(&s);
        }
    }
}
