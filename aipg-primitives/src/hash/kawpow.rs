// SPDX-License-Identifier: MIT
//! The two Keccak-f\[800\] steps of KAWPOW that need no DAG.
//!
//! KAWPOW (the ProgPoW 0.9.4 variant of Ravencoin and AIPG) starts and ends with one Keccak-f\[800\]
//! permutation each. The final hash depends only on the header hash, the 64-bit nonce and the mix
//! hash, so anyone can recompute it from a header without the epoch's DAG: it is the block id of
//! every KAWPOW block (`KAWPOWHash_OnlyMix` / `progpow::hash_no_verify` in AIPG Core). Checking that
//! the mix hash itself is right needs the DAG and lives in `aipg-consensus`.
//!
//! The functions taking plain byte arrays use the ProgPoW byte order (the order of the reference's
//! `ethash::hash256` and of its test vectors). [`kawpow_block_hash`] takes and returns the header's
//! internal-order newtypes and does the byte reversals described in the KAWPOW header rules.

// Keccak-f[800] works on a fixed 25-word state with constant lane indices.
#![allow(clippy::indexing_slicing)]

use super::{BlockHash, KawpowHeaderHash, MixHash};

/// The fifteen padding words of the KAWPOW Keccak states: the ASCII codes of "rAVENCOINKAWPOW".
///
/// The first letter is a lower-case `r` (0x72), as in the reference array `aipgcoin_kawpow`
/// (`src/crypto/ethash/lib/ethash/progpow.cpp`). The initial permutation uses all fifteen; the
/// final permutation uses the first nine.
pub const KAWPOW_PADDING: [u32; 15] =
    [0x72, 0x41, 0x56, 0x45, 0x4E, 0x43, 0x4F, 0x49, 0x4E, 0x4B, 0x41, 0x57, 0x50, 0x4F, 0x57];

/// Round constants of Keccak-f\[800\]: the low 32 bits of the first 22 Keccak-f\[1600\] constants.
const RC800: [u32; 22] = [
    0x00000001, 0x00008082, 0x0000808A, 0x80008000, 0x0000808B, 0x80000001, 0x80008081, 0x00008009,
    0x0000008A, 0x00000088, 0x80008009, 0x8000000A, 0x8000808B, 0x0000008B, 0x00008089, 0x00008003,
    0x00008002, 0x00000080, 0x0000800A, 0x8000000A, 0x80008081, 0x00008080,
];

/// Lanes kept complemented during the rounds ("lane complementing", as in the Keccak team's
/// optimised implementations): it turns most of the NOTs of chi into plain AND/OR.
const COMPLEMENTED: [usize; 6] = [1, 2, 8, 12, 17, 20];

/// One Keccak round on 32-bit lanes (state index `x + 5y`) with the lanes of
/// [`COMPLEMENTED`] stored inverted: theta, rho and pi, chi, iota.
#[inline(always)]
fn round(a: &mut [u32; 25], rc: u32) {
    let c0 = a[0] ^ a[5] ^ a[10] ^ a[15] ^ a[20];
    let c1 = a[1] ^ a[6] ^ a[11] ^ a[16] ^ a[21];
    let c2 = a[2] ^ a[7] ^ a[12] ^ a[17] ^ a[22];
    let c3 = a[3] ^ a[8] ^ a[13] ^ a[18] ^ a[23];
    let c4 = a[4] ^ a[9] ^ a[14] ^ a[19] ^ a[24];
    let d0 = c4 ^ c1.rotate_left(1);
    let d1 = c0 ^ c2.rotate_left(1);
    let d2 = c1 ^ c3.rotate_left(1);
    let d3 = c2 ^ c4.rotate_left(1);
    let d4 = c3 ^ c0.rotate_left(1);
    let b0 = a[0] ^ d0;
    let b1 = (a[6] ^ d1).rotate_left(12);
    let b2 = (a[12] ^ d2).rotate_left(11);
    let b3 = (a[18] ^ d3).rotate_left(21);
    let b4 = (a[24] ^ d4).rotate_left(14);
    let b5 = (a[3] ^ d3).rotate_left(28);
    let b6 = (a[9] ^ d4).rotate_left(20);
    let b7 = (a[10] ^ d0).rotate_left(3);
    let b8 = (a[16] ^ d1).rotate_left(13);
    let b9 = (a[22] ^ d2).rotate_left(29);
    let b10 = (a[1] ^ d1).rotate_left(1);
    let b11 = (a[7] ^ d2).rotate_left(6);
    let b12 = (a[13] ^ d3).rotate_left(25);
    let b13 = (a[19] ^ d4).rotate_left(8);
    let b14 = (a[20] ^ d0).rotate_left(18);
    let b15 = (a[4] ^ d4).rotate_left(27);
    let b16 = (a[5] ^ d0).rotate_left(4);
    let b17 = (a[11] ^ d1).rotate_left(10);
    let b18 = (a[17] ^ d2).rotate_left(15);
    let b19 = (a[23] ^ d3).rotate_left(24);
    let b20 = (a[2] ^ d2).rotate_left(30);
    let b21 = (a[8] ^ d3).rotate_left(23);
    let b22 = (a[14] ^ d4).rotate_left(7);
    let b23 = (a[15] ^ d0).rotate_left(9);
    let b24 = (a[21] ^ d1).rotate_left(2);
    a[0] = b0 ^ (b1 | b2);
    a[1] = b1 ^ (!b2 | b3);
    a[2] = b2 ^ (b3 & b4);
    a[3] = b3 ^ (b4 | b0);
    a[4] = b4 ^ (b0 & b1);
    a[5] = b5 ^ (b6 | b7);
    a[6] = b6 ^ (b7 & b8);
    a[7] = b7 ^ (b8 | !b9);
    a[8] = b8 ^ (b9 | b5);
    a[9] = b9 ^ (b5 & b6);
    a[10] = b10 ^ (b11 | b12);
    a[11] = b11 ^ (b12 & b13);
    a[12] = b12 ^ (!b13 & b14);
    a[13] = !(b13 ^ (b14 | b10));
    a[14] = b14 ^ (b10 & b11);
    a[15] = b15 ^ (b16 & b17);
    a[16] = b16 ^ (b17 | b18);
    a[17] = b17 ^ (!b18 | b19);
    a[18] = !(b18 ^ (b19 & b15));
    a[19] = b19 ^ (b15 | b16);
    a[20] = b20 ^ (!b21 & b22);
    a[21] = !(b21 ^ (b22 | b23));
    a[22] = b22 ^ (b23 & b24);
    a[23] = b23 ^ (b24 | b20);
    a[24] = b24 ^ (b20 & b21);
    a[0] ^= rc;
}

/// Keccak-f\[800\]: the Keccak permutation on 25 lanes of 32 bits, 22 rounds.
///
/// Written out lane by lane on a local copy of the state, so that the lanes stay in registers,
/// and with lane complementing; it is the same function as the `keccak` crate's one, which the
/// tests compare it with, and measurably faster.
#[inline]
pub fn keccak_f800(state: &mut [u32; 25]) {
    let mut a = *state;
    for i in COMPLEMENTED {
        a[i] = !a[i];
    }
    for pair in RC800.chunks_exact(2) {
        round(&mut a, pair[0]);
        round(&mut a, pair[1]);
    }
    for i in COMPLEMENTED {
        a[i] = !a[i];
    }
    *state = a;
}

#[inline]
fn words_le(bytes: &[u8; 32]) -> [u32; 8] {
    let mut out = [0u32; 8];
    for (w, chunk) in out.iter_mut().zip(bytes.chunks_exact(4)) {
        *w = u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
    }
    out
}

#[inline]
fn bytes_le(words: &[u32; 8]) -> [u8; 32] {
    let mut out = [0u8; 32];
    for (chunk, w) in out.chunks_exact_mut(4).zip(words) {
        chunk.copy_from_slice(&w.to_le_bytes());
    }
    out
}

/// Returns the first eight words of the initial KAWPOW Keccak-f\[800\] state.
///
/// The 25-word state is the header hash as eight little-endian words, the nonce's low and high
/// 32 bits, then the fifteen [`KAWPOW_PADDING`] words. Words 0 and 1 of the result seed the mix;
/// all eight enter the final permutation.
#[inline]
pub fn initial_state(header_hash: &[u8; 32], nonce64: u64) -> [u32; 8] {
    let mut state = [0u32; 25];
    state[..8].copy_from_slice(&words_le(header_hash));
    // The nonce is split into its low and high halves on purpose.
    #[allow(clippy::cast_possible_truncation)]
    let low = nonce64 as u32;
    state[8] = low;
    state[9] = (nonce64 >> 32) as u32;
    state[10..].copy_from_slice(&KAWPOW_PADDING);
    keccak_f800(&mut state);
    let mut out = [0u32; 8];
    out.copy_from_slice(&state[..8]);
    out
}

/// Returns the KAWPOW final hash from the [`initial_state`] words and a mix hash.
///
/// `mix_hash` and the result are in ProgPoW byte order.
#[inline]
pub fn final_hash_from_state(state: &[u32; 8], mix_hash: &[u8; 32]) -> [u8; 32] {
    let mut s = [0u32; 25];
    s[..8].copy_from_slice(state);
    s[8..16].copy_from_slice(&words_le(mix_hash));
    s[16..].copy_from_slice(&KAWPOW_PADDING[..9]);
    keccak_f800(&mut s);
    let mut out = [0u32; 8];
    out.copy_from_slice(&s[..8]);
    bytes_le(&out)
}

/// Returns the KAWPOW final hash of `(header_hash, nonce64, mix_hash)` without the DAG.
///
/// This is the reference's `progpow::hash_no_verify`. All hashes are in ProgPoW byte order; the
/// result is compared with a target as a big-endian 256-bit number.
#[inline]
pub fn hash_no_verify(header_hash: &[u8; 32], nonce64: u64, mix_hash: &[u8; 32]) -> [u8; 32] {
    final_hash_from_state(&initial_state(header_hash, nonce64), mix_hash)
}

/// Returns the block id of a KAWPOW header from its header hash, `nNonce64` and `mix_hash` fields.
///
/// Mirrors `CBlockHeader::GetHash` for KAWPOW headers (`KAWPOWHash_OnlyMix`,
/// `AIPowerGrid/AI-Power-Grid-Core: src/hash.cpp`): the stored mix hash is trusted, so the id can
/// be computed for any header, valid or not. `header_hash` is the double SHA-256 of the 80-byte
/// KAWPOW input in internal order (raw digest bytes); ProgPoW is given those bytes reversed, the
/// stored mix hash reversed, and the final hash is reversed back into the internal order.
pub fn kawpow_block_hash(
    header_hash: &KawpowHeaderHash,
    nonce64: u64,
    mix_hash: &MixHash,
) -> BlockHash {
    let mut hh = header_hash.to_byte_array();
    hh.reverse();
    let mut mix = mix_hash.to_byte_array();
    mix.reverse();
    let mut id = hash_no_verify(&hh, nonce64, &mix);
    id.reverse();
    BlockHash::from_byte_array(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h32(s: &str) -> [u8; 32] {
        let mut out = [0u8; 32];
        hex::decode_to_slice(s, &mut out).unwrap();
        out
    }

    proptest::proptest! {
        #[test]
        fn keccak_f800_matches_the_keccak_crate(state: [u32; 25]) {
            let mut ours = state;
            keccak_f800(&mut ours);
            let mut theirs = state;
            keccak::f800(&mut theirs);
            proptest::prop_assert_eq!(ours, theirs);
        }
    }

    #[test]
    fn reference_vector_block_0() {
        // progpow_test_vectors.hpp, block 0: zero header hash, nonce 0.
        let mix = h32("6e97b47b134fda0c7888802988e1a373affeb28bcd813b6e9a0fc669c935d03a");
        let expected = h32("e601a7257a70dc48fccc97a7330d704d776047623b92883d77111fb36870f3d1");
        assert_eq!(hash_no_verify(&[0u8; 32], 0, &mix), expected);
    }

    #[test]
    fn reference_vector_nonzero_nonce() {
        // progpow_test_vectors.hpp, block 49.
        let header = h32("63155f732f2bf556967f906155b510c917e48e99685ead76ea83f4eca03ab12b");
        let mix = h32("d36f7e815ee09e74eceb9c96993a3d681edf2bf0921fc7bb710364042db99777");
        let expected = h32("e7ced124598fd2500a55ad9f9f48e3569327fe50493c77a4ac9799b96efb9463");
        assert_eq!(hash_no_verify(&header, 0x0707_3c07, &mix), expected);
    }

    #[test]
    fn block_hash_reverses_every_field() {
        // First worked 120-byte header example of the generated KAWPOW vectors (height 1).
        let raw_digest = h32("92f31b67284fc4689ea98c3e408a3ca9f9149fd07c1d701999c5a71891ea5d10");
        let mix: MixHash =
            "77d216c5eca5c6f9b4ca0cf37593a6944e0e17eeafd45d81c74cb7a398ce6f3f".parse().unwrap();
        let id = kawpow_block_hash(&KawpowHeaderHash::from_byte_array(raw_digest), 0, &mix);
        assert_eq!(
            alloc::format!("{id}"),
            "5025614a1ac7d9a64f4595fa311bbddc1d2e79f0f307250ec84ed72994174da1"
        );
        let id0 =
            kawpow_block_hash(&KawpowHeaderHash::from_byte_array(raw_digest), 0, &MixHash::ZERO);
        assert_eq!(
            alloc::format!("{id0}"),
            "ddbd2fb18a9cec788ac7c11780731ea0ffc8d0f962a7ecc166b13b0fc59656a7"
        );
    }
}
