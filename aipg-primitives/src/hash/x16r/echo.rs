//! ECHO-512 (Benadjila, Billet, Gilbert, Macario-Rat, Peyrin, Robshaw, Seurin; SHA-3 round 2).
//!
//! The state is sixteen 128-bit words, each an AES state, laid out as a 4 × 4 matrix stored
//! column by column. For the 512-bit digest the chaining value fills the first eight words and
//! each 128-byte message block the last eight. A compression runs ten BIG rounds (two AES
//! rounds per word keyed by a running counter then by the zero salt, BIG.ShiftRows,
//! BIG.MixColumns) and folds the state back into the chaining value.

use super::aes;

/// Bytes in one message block.
const BLOCK: usize = 128;

type Word = [u32; 4];

#[inline(always)]
fn ctr_words(k: u128) -> Word {
    [k as u32, (k >> 32) as u32, (k >> 64) as u32, (k >> 96) as u32]
}

/// Doubles each byte of `x` in GF(2^8).
#[inline(always)]
fn xtime4(x: u32) -> u32 {
    (((x & 0x8080_8080) >> 7) * 27) ^ ((x & 0x7f7f_7f7f) << 1)
}

/// Compresses one block into `v`; `counter` keys the first AES round of the first word.
fn compress(v: &mut [Word; 8], block: &[u8; BLOCK], counter: u128) {
    let mut m = [[0u32; 4]; 8];
    for (i, w) in m.iter_mut().enumerate() {
        for (j, x) in w.iter_mut().enumerate() {
            let o = 16 * i + 4 * j;
            *x = u32::from_le_bytes([block[o], block[o + 1], block[o + 2], block[o + 3]]);
        }
    }
    let mut w = [[0u32; 4]; 16];
    w[..8].copy_from_slice(v);
    w[8..].copy_from_slice(&m);
    let mut k = counter;
    for _ in 0..10 {
        // BIG.SubWords.
        for x in w.iter_mut() {
            *x = aes::round_nokey(aes::round(*x, ctr_words(k)));
            k = k.wrapping_add(1);
        }
        // BIG.ShiftRows fused with BIG.MixColumns: word (row r, column c) is 4c + r and row r
        // moves left by r columns.
        let s = w;
        for c in 0..4 {
            let a = s[4 * c];
            let b = s[4 * ((c + 1) & 3) + 1];
            let cc = s[4 * ((c + 2) & 3) + 2];
            let d = s[4 * ((c + 3) & 3) + 3];
            for n in 0..4 {
                let (a, b, c2, d) = (a[n], b[n], cc[n], d[n]);
                let ab = a ^ b;
                let bc = b ^ c2;
                let cd = c2 ^ d;
                let abx = xtime4(ab);
                let bcx = xtime4(bc);
                let cdx = xtime4(cd);
                w[4 * c][n] = abx ^ bc ^ d;
                w[4 * c + 1][n] = bcx ^ a ^ cd;
                w[4 * c + 2][n] = cdx ^ ab ^ d;
                w[4 * c + 3][n] = abx ^ bcx ^ cdx ^ ab ^ c2;
            }
        }
    }
    // BIG.Final for a 1024-bit chaining value.
    for i in 0..8 {
        for n in 0..4 {
            v[i][n] ^= m[i][n] ^ w[i][n] ^ w[i + 8][n];
        }
    }
}

/// ECHO-512 of `data`.
pub(crate) fn echo512(data: &[u8]) -> [u8; 64] {
    let mut v: [Word; 8] = [[512, 0, 0, 0]; 8];
    let mut bits: u128 = 0;
    let mut chunks = data.chunks_exact(BLOCK);
    for block in &mut chunks {
        bits = bits.wrapping_add(BLOCK as u128 * 8);
        let block: &[u8; BLOCK] = block.try_into().expect("chunks_exact yields full blocks");
        compress(&mut v, block, bits);
    }
    let rest = chunks.remainder();
    bits = bits.wrapping_add(rest.len() as u128 * 8);
    // A final block that carries no message bit is compressed with a zero counter.
    let mut counter = if rest.is_empty() { 0 } else { bits };
    let mut buf = [0u8; BLOCK];
    buf[..rest.len()].copy_from_slice(rest);
    buf[rest.len()] = 0x80;
    if rest.len() + 1 > BLOCK - 18 {
        compress(&mut v, &buf, counter);
        counter = 0;
        buf = [0u8; BLOCK];
    }
    buf[BLOCK - 18..BLOCK - 16].copy_from_slice(&512u16.to_le_bytes());
    buf[BLOCK - 16..].copy_from_slice(&bits.to_le_bytes());
    compress(&mut v, &buf, counter);
    let mut out = [0u8; 64];
    for (i, x) in v[..4].iter().flatten().enumerate() {
        out[4 * i..4 * i + 4].copy_from_slice(&x.to_le_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn sph_vectors() {
        super::super::sph_kat::check("echo512", super::echo512);
    }
}
