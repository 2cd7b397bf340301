// SPDX-License-Identifier: MIT
//! Keccak-256 and Keccak-512 (original Keccak padding) on the fixed input sizes ethash uses.
//!
//! Every input here is shorter than one rate block, so each hash is a single Keccak-f\[1600\]
//! permutation on a state built directly from the input words.

// Keccak-f[1600] on a fixed 25-lane state and inputs shorter than one block: every index is a
// constant or a loop counter bounded by the array, and every cast takes the bytes it means to.
#![allow(clippy::indexing_slicing, clippy::cast_possible_truncation)]

/// Keccak-512 rate in 64-bit lanes (72 bytes).
const RATE_512_LANES: usize = 9;

/// Round constants of Keccak-f\[1600\].
const RC1600: [u64; 24] = [
    0x0000000000000001,
    0x0000000000008082,
    0x800000000000808A,
    0x8000000080008000,
    0x000000000000808B,
    0x0000000080000001,
    0x8000000080008081,
    0x8000000000008009,
    0x000000000000008A,
    0x0000000000000088,
    0x0000000080008009,
    0x000000008000000A,
    0x000000008000808B,
    0x800000000000008B,
    0x8000000000008089,
    0x8000000000008003,
    0x8000000000008002,
    0x8000000000000080,
    0x000000000000800A,
    0x800000008000000A,
    0x8000000080008081,
    0x8000000000008080,
    0x0000000080000001,
    0x8000000080008008,
];

/// Lanes kept complemented during the rounds ("lane complementing", as in the Keccak team's
/// optimised implementations): it turns most of the NOTs of chi into plain AND/OR.
const COMPLEMENTED: [usize; 6] = [1, 2, 8, 12, 17, 20];

/// One Keccak round on 64-bit lanes (state index `x + 5y`) with the lanes of
/// [`COMPLEMENTED`] stored inverted: theta, rho and pi, chi, iota.
#[inline(always)]
fn round(a: &mut [u64; 25], rc: u64) {
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
    let b1 = (a[6] ^ d1).rotate_left(44);
    let b2 = (a[12] ^ d2).rotate_left(43);
    let b3 = (a[18] ^ d3).rotate_left(21);
    let b4 = (a[24] ^ d4).rotate_left(14);
    let b5 = (a[3] ^ d3).rotate_left(28);
    let b6 = (a[9] ^ d4).rotate_left(20);
    let b7 = (a[10] ^ d0).rotate_left(3);
    let b8 = (a[16] ^ d1).rotate_left(45);
    let b9 = (a[22] ^ d2).rotate_left(61);
    let b10 = (a[1] ^ d1).rotate_left(1);
    let b11 = (a[7] ^ d2).rotate_left(6);
    let b12 = (a[13] ^ d3).rotate_left(25);
    let b13 = (a[19] ^ d4).rotate_left(8);
    let b14 = (a[20] ^ d0).rotate_left(18);
    let b15 = (a[4] ^ d4).rotate_left(27);
    let b16 = (a[5] ^ d0).rotate_left(36);
    let b17 = (a[11] ^ d1).rotate_left(10);
    let b18 = (a[17] ^ d2).rotate_left(15);
    let b19 = (a[23] ^ d3).rotate_left(56);
    let b20 = (a[2] ^ d2).rotate_left(62);
    let b21 = (a[8] ^ d3).rotate_left(55);
    let b22 = (a[14] ^ d4).rotate_left(39);
    let b23 = (a[15] ^ d0).rotate_left(41);
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

/// Keccak-f\[1600\], 24 rounds.
///
/// Written out lane by lane on a local copy of the state, so that the lanes stay in registers,
/// and with lane complementing; it is the same function as the `keccak` crate's one, which the
/// tests compare it with, and measurably faster.
#[inline]
pub(crate) fn keccak_f1600(state: &mut [u64; 25]) {
    let mut a = *state;
    for i in COMPLEMENTED {
        a[i] = !a[i];
    }
    for pair in RC1600.chunks_exact(2) {
        round(&mut a, pair[0]);
        round(&mut a, pair[1]);
    }
    for i in COMPLEMENTED {
        a[i] = !a[i];
    }
    *state = a;
}

/// Returns the 64-bit lane `k` of a 16-word (64-byte) block.
#[inline(always)]
fn lane(words: &[u32; 16], k: usize) -> u64 {
    u64::from(words[2 * k]) | (u64::from(words[2 * k + 1]) << 32)
}

/// Replaces `words` (64 bytes as little-endian words) by their Keccak-512 digest.
#[inline]
pub(crate) fn keccak512_64(words: &mut [u32; 16]) {
    let mut st = [0u64; 25];
    for (k, s) in st.iter_mut().take(8).enumerate() {
        *s = lane(words, k);
    }
    // Padding byte 0x01 right after the 64 input bytes and 0x80 at the end of the 72-byte rate.
    st[8] = 0x8000_0000_0000_0001;
    debug_assert_eq!(RATE_512_LANES, 9);
    keccak_f1600(&mut st);
    for (k, s) in st.iter().take(8).enumerate() {
        // Splitting each 64-bit lane into its two little-endian words.
        words[2 * k] = *s as u32;
        words[2 * k + 1] = (*s >> 32) as u32;
    }
}

/// Returns the Keccak-512 digest of 32 bytes, as 16 little-endian words.
pub(crate) fn keccak512_32(data: &[u8; 32]) -> [u32; 16] {
    let mut st = [0u64; 25];
    for (s, chunk) in st.iter_mut().zip(data.chunks_exact(8)) {
        *s = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
    }
    st[4] = 0x01;
    st[RATE_512_LANES - 1] = 0x80 << 56;
    keccak_f1600(&mut st);
    let mut out = [0u32; 16];
    for (k, s) in st.iter().take(8).enumerate() {
        // Splitting each 64-bit lane into its two little-endian words.
        out[2 * k] = *s as u32;
        out[2 * k + 1] = (*s >> 32) as u32;
    }
    out
}

/// Returns the Keccak-256 digest of 32 bytes.
pub(crate) fn keccak256_32(data: &[u8; 32]) -> [u8; 32] {
    let mut st = [0u64; 25];
    for (s, chunk) in st.iter_mut().zip(data.chunks_exact(8)) {
        *s = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
    }
    // Keccak-256 rate is 136 bytes = 17 lanes.
    st[4] = 0x01;
    st[16] = 0x80 << 56;
    keccak_f1600(&mut st);
    let mut out = [0u8; 32];
    for (chunk, s) in out.chunks_exact_mut(8).zip(st.iter()) {
        chunk.copy_from_slice(&s.to_le_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn keccak_f1600_matches_the_keccak_crate(state: [u64; 25]) {
            let mut ours = state;
            keccak_f1600(&mut ours);
            let mut theirs = state;
            keccak::f1600(&mut theirs);
            proptest::prop_assert_eq!(ours, theirs);
        }
    }

    #[test]
    fn keccak256_of_zero_is_epoch_1_seed() {
        assert_eq!(
            hex::encode(keccak256_32(&[0u8; 32])),
            "290decd9548b62a8d60345a988386fc84ba6bc95484008f6362f93160ef3e563"
        );
    }
}
