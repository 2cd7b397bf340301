//! X16R and X16RV2, the block-identity hashes of pre-KAWPOW headers.
//!
//! Both chain sixteen rounds of 512-bit hash functions (the sph variants used by Ravencoin and
//! AIPG Core). Round 0 hashes the 80 header bytes, every later round hashes the 64-byte output of
//! the round before, and the block hash is the first 32 bytes of the last output, in internal
//! byte order. The function of each round is picked by a nibble of the header's previous-block
//! hash ([`algorithm_order`]).
//!
//! X16RV2 differs only in rounds that use Keccak-512, Luffa-512 or SHA-512: the round input is
//! first hashed with Tiger, and the function then runs over the 24 Tiger bytes followed by 40
//! zero bytes.
//!
//! Every function works on fixed-size stack buffers: hashing never allocates.
//!
//! # Example
//! ```
//! use aipg_primitives::hash::x16r::{algorithm_order, x16r, Algorithm};
//! // The AIPG mainnet genesis header: a zero previous-block hash selects BLAKE-512 sixteen times.
//! let header: [u8; 80] = hex::decode(concat!(
//!     "0400000000000000000000000000000000000000000000000000000000000000",
//!     "00000000541db40396b0b553741b37527d673e33bc044c0c46c41a7f5c3dadf0",
//!     "dc784ae00635a264ffff001eebed5b01",
//! ))
//! .unwrap()
//! .try_into()
//! .unwrap();
//! assert_eq!(algorithm_order(&[0u8; 32]), [Algorithm::Blake; 16]);
//! assert_eq!(
//!     x16r(&header).to_string(),
//!     "000000fe8c99a7aacc5aff074278a8378e625c0d02e4894db8f09bab185f4eb6"
//! );
//! ```

// The sixteen hash functions work on fixed-size states and blocks whose indices are loop counters
// or table lookups bounded by construction, and split their input with `chunks_exact`, whose
// blocks always convert to arrays; no length or index comes from the input.
#![allow(clippy::indexing_slicing, clippy::cast_possible_truncation, clippy::expect_used)]

use crate::hash::BlockHash;

mod aes;
mod blake;
mod bmw;
mod cubehash;
mod echo;
mod fugue;
mod hamsi;
mod luffa;
mod shavite;
mod simd;
#[cfg(test)]
mod sph_kat;
mod wrappers;

use blake::blake512;
use bmw::bmw512;
use cubehash::cubehash512;
use echo::echo512;
use fugue::fugue512;
use hamsi::hamsi512;
use luffa::luffa512;
use shavite::shavite512;
use simd::simd512;
use wrappers::{groestl512, jh512, keccak512, sha512, shabal512, skein512, tiger192, whirlpool512};

/// One of the sixteen X16R functions, numbered by the hex digit that selects it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Algorithm {
    /// 0: BLAKE-512 (the SHA-3 finalist, 16 rounds; not BLAKE2).
    Blake = 0,
    /// 1: BMW-512 (Blue Midnight Wish).
    Bmw = 1,
    /// 2: Grøstl-512.
    Groestl = 2,
    /// 3: JH-512.
    Jh = 3,
    /// 4: Keccak-512 with the original Keccak padding (not FIPS 202 SHA3-512).
    Keccak = 4,
    /// 5: Skein-512 with a 512-bit output.
    Skein = 5,
    /// 6: Luffa-512.
    Luffa = 6,
    /// 7: CubeHash-512 (16 rounds per 32-byte block).
    Cubehash = 7,
    /// 8: SHAvite-3-512.
    Shavite = 8,
    /// 9: SIMD-512.
    Simd = 9,
    /// 10 (A): ECHO-512.
    Echo = 10,
    /// 11 (B): Hamsi-512.
    Hamsi = 11,
    /// 12 (C): Fugue-512.
    Fugue = 12,
    /// 13 (D): Shabal-512.
    Shabal = 13,
    /// 14 (E): Whirlpool.
    Whirlpool = 14,
    /// 15 (F): SHA-512.
    Sha512 = 15,
}

impl Algorithm {
    /// All sixteen functions in index order.
    pub const ALL: [Self; 16] = [
        Self::Blake,
        Self::Bmw,
        Self::Groestl,
        Self::Jh,
        Self::Keccak,
        Self::Skein,
        Self::Luffa,
        Self::Cubehash,
        Self::Shavite,
        Self::Simd,
        Self::Echo,
        Self::Hamsi,
        Self::Fugue,
        Self::Shabal,
        Self::Whirlpool,
        Self::Sha512,
    ];

    /// The function selected by hex digit `index` (0 ..= 15), or `None` for a larger value.
    #[inline]
    pub const fn from_index(index: u8) -> Option<Self> {
        if index < 16 { Some(Self::ALL[index as usize]) } else { None }
    }

    /// The hex digit (0 ..= 15) that selects this function.
    #[inline]
    pub const fn index(self) -> u8 {
        self as u8
    }

    /// The function's conventional lower-case name, e.g. `"blake512"` or `"whirlpool"`.
    pub const fn name(self) -> &'static str {
        match self {
            Self::Blake => "blake512",
            Self::Bmw => "bmw512",
            Self::Groestl => "groestl512",
            Self::Jh => "jh512",
            Self::Keccak => "keccak512",
            Self::Skein => "skein512",
            Self::Luffa => "luffa512",
            Self::Cubehash => "cubehash512",
            Self::Shavite => "shavite512",
            Self::Simd => "simd512",
            Self::Echo => "echo512",
            Self::Hamsi => "hamsi512",
            Self::Fugue => "fugue512",
            Self::Shabal => "shabal512",
            Self::Whirlpool => "whirlpool",
            Self::Sha512 => "sha512",
        }
    }

    /// Hashes `data` (any length) with this function, as X16R does in every round.
    #[inline]
    pub fn hash(self, data: &[u8]) -> [u8; 64] {
        match self {
            Self::Blake => blake512(data),
            Self::Bmw => bmw512(data),
            Self::Groestl => groestl512(data),
            Self::Jh => jh512(data),
            Self::Keccak => keccak512(data),
            Self::Skein => skein512(data),
            Self::Luffa => luffa512(data),
            Self::Cubehash => cubehash512(data),
            Self::Shavite => shavite512(data),
            Self::Simd => simd512(data),
            Self::Echo => echo512(data),
            Self::Hamsi => hamsi512(data),
            Self::Fugue => fugue512(data),
            Self::Shabal => shabal512(data),
            Self::Whirlpool => whirlpool512(data),
            Self::Sha512 => sha512(data),
        }
    }

    /// Returns true for the functions that X16RV2 prefixes with Tiger (Keccak, Luffa, SHA-512).
    #[inline]
    pub const fn uses_tiger_in_v2(self) -> bool {
        matches!(self, Self::Keccak | Self::Luffa | Self::Sha512)
    }

    /// Hashes `data` as one X16RV2 round: for Keccak, Luffa and SHA-512 the function runs over
    /// Tiger(`data`) followed by 40 zero bytes; every other function is the same as [`hash`].
    ///
    /// [`hash`]: Self::hash
    #[inline]
    pub fn hash_v2(self, data: &[u8]) -> [u8; 64] {
        if self.uses_tiger_in_v2() {
            let mut buf = [0u8; 64];
            buf[..24].copy_from_slice(&tiger192(data));
            self.hash(&buf)
        } else {
            self.hash(data)
        }
    }
}

impl core::fmt::Display for Algorithm {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.name())
    }
}

/// Tiger (the original Tiger with 0x01 padding, not Tiger2) of `data`: 24 bytes.
#[inline]
pub fn tiger(data: &[u8]) -> [u8; 24] {
    tiger192(data)
}

/// The function of each of the sixteen rounds, picked by the previous-block hash `prev`
/// (internal byte order).
///
/// Round `i` uses the digit at position `48 + i` of the 64-digit display hex of `prev`, i.e.
/// the last sixteen digits read left to right. In internal terms that is nibble `15 - i` from
/// the least significant end: byte `(15 - i) / 2`, high nibble when `15 - i` is odd.
pub fn algorithm_order(prev: &[u8; 32]) -> [Algorithm; 16] {
    let mut order = [Algorithm::Blake; 16];
    for (i, slot) in order.iter_mut().enumerate() {
        let k = 15 - i;
        let byte = prev[k / 2];
        let nibble = if k % 2 == 1 { byte >> 4 } else { byte & 0x0f };
        *slot = Algorithm::ALL[usize::from(nibble)];
    }
    order
}

/// Runs the sixteen chained rounds over `header`.
#[inline(always)]
fn chain<const V2: bool>(header: &[u8; 80]) -> BlockHash {
    let mut prev = [0u8; 32];
    prev.copy_from_slice(&header[4..36]);
    let order = algorithm_order(&prev);
    let round = |algo: Algorithm, data: &[u8]| {
        if V2 { algo.hash_v2(data) } else { algo.hash(data) }
    };
    let mut state = round(order[0], header);
    for &algo in &order[1..] {
        state = round(algo, &state);
    }
    let mut out = [0u8; 32];
    out.copy_from_slice(&state[..32]);
    BlockHash::from_byte_array(out)
}

/// X16R of an 80-byte legacy header (`nVersion ‖ hashPrevBlock ‖ hashMerkleRoot ‖ nTime ‖ nBits
/// ‖ nNonce`); the function order comes from its `hashPrevBlock` (bytes 4..36).
pub fn x16r(header: &[u8; 80]) -> BlockHash {
    chain::<false>(header)
}

/// X16RV2 of an 80-byte legacy header: X16R with Tiger before Keccak, Luffa and SHA-512.
pub fn x16rv2(header: &[u8; 80]) -> BlockHash {
    chain::<true>(header)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_matches_reference_unit_test() {
        let prev: [u8; 32] = crate::hash::parse_display_hex(
            "19bcdaa780349350b210ca84d73dc1c08fbae659990b47a9d28655e7e9be3970",
        )
        .unwrap();
        let digits: [u8; 16] =
            [0xd, 0x2, 0x8, 0x6, 0x5, 0x5, 0xe, 0x7, 0xe, 0x9, 0xb, 0xe, 0x3, 0x9, 0x7, 0x0];
        let order = algorithm_order(&prev);
        for (algo, digit) in order.iter().zip(digits) {
            assert_eq!(algo.index(), digit);
        }
    }

    #[test]
    fn index_round_trip() {
        for (i, algo) in Algorithm::ALL.iter().enumerate() {
            assert_eq!(usize::from(algo.index()), i);
            assert_eq!(Algorithm::from_index(algo.index()), Some(*algo));
        }
        assert_eq!(Algorithm::from_index(16), None);
    }

    #[test]
    fn blake512_known_answers() {
        // Published BLAKE-512 values for the empty message and for one zero byte.
        assert_eq!(
            hex::encode(blake512(b"")),
            "a8cfbbd73726062df0c6864dda65defe58ef0cc52a5625090fa17601e1eecd1b\
             628e94f396ae402a00acc9eab77b4d4c2e852aaaa25a636d80af3fc7913ef5b8"
        );
        assert_eq!(
            hex::encode(blake512(&[0u8])),
            "97961587f6d970faba6d2478045de6d1fabd09b61ae50932054d52bc29d31be4\
             ff9102b9f69e2bbdb83be13d4b9c06091e5fa0b48bd081b634058be0ec49beb3"
        );
    }
}
