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

use super::{BlockHash, KawpowHeaderHash, MixHash};

/// The fifteen padding words of the KAWPOW Keccak states: the ASCII codes of "rAVENCOINKAWPOW".
///
/// The first letter is a lower-case `r` (0x72), as in the reference array `aipgcoin_kawpow`
/// (`src/crypto/ethash/lib/ethash/progpow.cpp`). The initial permutation uses all fifteen; the
/// final permutation uses the first nine.
pub const KAWPOW_PADDING: [u32; 15] =
    [0x72, 0x41, 0x56, 0x45, 0x4E, 0x43, 0x4F, 0x49, 0x4E, 0x4B, 0x41, 0x57, 0x50, 0x4F, 0x57];

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
    state[8] = nonce64 as u32;
    state[9] = (nonce64 >> 32) as u32;
    state[10..].copy_from_slice(&KAWPOW_PADDING);
    keccak::f800(&mut state);
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
    keccak::f800(&mut s);
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
