// SPDX-License-Identifier: MIT
//! Keccak-256 and Keccak-512 (original Keccak padding) on the fixed input sizes ethash uses.
//!
//! Every input here is shorter than one rate block, so each hash is a single Keccak-f\[1600\]
//! permutation on a state built directly from the input words.

/// Keccak-512 rate in 64-bit lanes (72 bytes).
const RATE_512_LANES: usize = 9;

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
    keccak::f1600(&mut st);
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
    keccak::f1600(&mut st);
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
    keccak::f1600(&mut st);
    let mut out = [0u8; 32];
    for (chunk, s) in out.chunks_exact_mut(8).zip(st.iter()) {
        chunk.copy_from_slice(&s.to_le_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keccak256_of_zero_is_epoch_1_seed() {
        assert_eq!(
            hex::encode(keccak256_32(&[0u8; 32])),
            "290decd9548b62a8d60345a988386fc84ba6bc95484008f6362f93160ef3e563"
        );
    }
}
