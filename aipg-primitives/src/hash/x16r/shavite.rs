//! SHAvite-3-512 (Biham, Dunkelman; SHA-3 round 2, tweaked version).
//!
//! The compression function is a 14-round double Feistel block cipher over four 128-bit words
//! in the HAIFA mode: each round feeds two of the words through four keyed AES rounds, and the
//! 448 round-key words come from the 1024-bit message block, the bit counter and the (zero) salt
//! through the message expansion of the specification.

use super::aes;

/// Bytes in one message block.
const BLOCK: usize = 128;

/// Initial chaining value of SHAvite-3-512.
const IV: [u32; 16] = [
    0x72fc_cdd8,
    0x79ca_4727,
    0x128a_077b,
    0x40d5_5aec,
    0xd190_1a06,
    0x430a_e307,
    0xb29f_5cd1,
    0xdf07_fbfc,
    0x8e45_d73d,
    0x681a_b538,
    0xbde8_6578,
    0xdd57_7e47,
    0xe275_eade,
    0x502d_9fcd,
    0xb935_7178,
    0x022a_4b9a,
];

type Word = [u32; 4];

#[inline(always)]
fn xor4(a: Word, b: Word) -> Word {
    [a[0] ^ b[0], a[1] ^ b[1], a[2] ^ b[2], a[3] ^ b[3]]
}

/// Compresses one block into `h` under the 128-bit bit counter `cnt` (four 32-bit limbs, least
/// significant first).
fn compress(h: &mut [u32; 16], block: &[u8; BLOCK], cnt: Word) {
    // The 448 round-key words as 112 128-bit words: eight from the message, then alternately
    // four nonlinear (AES) and eight linear expansion steps.
    let mut rk = [[0u32; 4]; 112];
    for (w, chunk) in rk[..8].iter_mut().zip(block.chunks_exact(16)) {
        for (x, b) in w.iter_mut().zip(chunk.chunks_exact(4)) {
            *x = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
        }
    }
    // The counter enters four nonlinear steps, with its limbs in a different order each time.
    let cnt_at = |k: usize| -> Option<Word> {
        match k {
            8 => Some([cnt[0], cnt[1], cnt[2], !cnt[3]]),
            41 => Some([cnt[3], cnt[2], cnt[1], !cnt[0]]),
            79 => Some([cnt[2], cnt[3], cnt[0], !cnt[1]]),
            110 => Some([cnt[1], cnt[0], cnt[3], !cnt[2]]),
            _ => None,
        }
    };
    let mut k = 8;
    loop {
        // The eight AES rounds of a group are independent; only the XOR chain is serial.
        let mut t = [[0u32; 4]; 8];
        for (x, s) in t.iter_mut().zip(&rk[k - 8..k]) {
            *x = aes::round_nokey([s[1], s[2], s[3], s[0]]);
        }
        for x in t {
            let mut x = xor4(x, rk[k - 1]);
            if let Some(c) = cnt_at(k) {
                x = xor4(x, c);
            }
            rk[k] = x;
            k += 1;
        }
        if k == 112 {
            break;
        }
        for _ in 0..8 {
            let (a, b) = (rk[k - 2], rk[k - 1]);
            rk[k] = xor4(rk[k - 8], [a[1], a[2], a[3], b[0]]);
            k += 1;
        }
    }

    let word = |i: usize| -> Word { [h[4 * i], h[4 * i + 1], h[4 * i + 2], h[4 * i + 3]] };
    let mut p = [word(0), word(1), word(2), word(3)];
    let f = |x: Word, k: &[Word]| {
        let mut x = aes::round_nokey(xor4(x, k[0]));
        x = aes::round_nokey(xor4(x, k[1]));
        x = aes::round_nokey(xor4(x, k[2]));
        aes::round_nokey(xor4(x, k[3]))
    };
    for keys in rk.chunks_exact(8) {
        p[0] = xor4(p[0], f(p[1], &keys[..4]));
        p[2] = xor4(p[2], f(p[3], &keys[4..]));
        p = [p[3], p[0], p[1], p[2]];
    }
    for (i, w) in p.iter().flatten().enumerate() {
        h[i] ^= w;
    }
}

#[inline(always)]
fn limbs(c: u128) -> [u32; 4] {
    [c as u32, (c >> 32) as u32, (c >> 64) as u32, (c >> 96) as u32]
}

/// SHAvite-3-512 of `data`.
pub(crate) fn shavite512(data: &[u8]) -> [u8; 64] {
    let mut h = IV;
    let mut bits: u128 = 0;
    let mut chunks = data.chunks_exact(BLOCK);
    for block in &mut chunks {
        bits = bits.wrapping_add(BLOCK as u128 * 8);
        let block: &[u8; BLOCK] = block.try_into().expect("chunks_exact yields full blocks");
        compress(&mut h, block, limbs(bits));
    }
    let rest = chunks.remainder();
    bits = bits.wrapping_add(rest.len() as u128 * 8);
    // A final block that carries no message bit is compressed with a zero counter.
    let mut counter = if rest.is_empty() { 0 } else { bits };
    let mut buf = [0u8; BLOCK];
    buf[..rest.len()].copy_from_slice(rest);
    buf[rest.len()] = 0x80;
    if rest.len() >= BLOCK - 18 {
        compress(&mut h, &buf, limbs(counter));
        counter = 0;
        buf = [0u8; BLOCK];
    }
    buf[BLOCK - 18..BLOCK - 2].copy_from_slice(&bits.to_le_bytes());
    buf[BLOCK - 2..].copy_from_slice(&512u16.to_le_bytes());
    compress(&mut h, &buf, limbs(counter));
    let mut out = [0u8; 64];
    for (i, x) in h.iter().enumerate() {
        out[4 * i..4 * i + 4].copy_from_slice(&x.to_le_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn sph_vectors() {
        super::super::sph_kat::check("shavite512", super::shavite512);
    }
}
