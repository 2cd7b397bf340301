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

#[inline(always)]
fn load4(rk: &[u32], at: usize) -> [u32; 4] {
    [rk[at], rk[at + 1], rk[at + 2], rk[at + 3]]
}

#[inline(always)]
fn xor4(a: [u32; 4], b: [u32; 4]) -> [u32; 4] {
    [a[0] ^ b[0], a[1] ^ b[1], a[2] ^ b[2], a[3] ^ b[3]]
}

/// XORs `c` into `rk[at..at + 4]`.
#[inline(always)]
fn xor_in(rk: &mut [u32; 448], at: usize, c: [u32; 4]) {
    for (w, c) in rk[at..at + 4].iter_mut().zip(c) {
        *w ^= c;
    }
}

/// One nonlinear expansion step writing `rk[u..u + 4]`.
#[inline(always)]
fn expand_nonlinear(rk: &mut [u32; 448], u: usize) {
    let x = aes::round_nokey([rk[u - 31], rk[u - 30], rk[u - 29], rk[u - 32]]);
    let y = xor4(x, load4(rk, u - 4));
    rk[u..u + 4].copy_from_slice(&y);
}

/// Compresses one block into `h` under the 128-bit bit counter `cnt` (four 32-bit limbs, least
/// significant first).
fn compress(h: &mut [u32; 16], block: &[u8; BLOCK], cnt: [u32; 4]) {
    let mut rk = [0u32; 448];
    for (i, w) in rk[..32].iter_mut().enumerate() {
        *w = u32::from_le_bytes([
            block[4 * i],
            block[4 * i + 1],
            block[4 * i + 2],
            block[4 * i + 3],
        ]);
    }
    let mut u = 32;
    loop {
        for _ in 0..4 {
            expand_nonlinear(&mut rk, u);
            if u == 32 {
                let c = [cnt[0], cnt[1], cnt[2], !cnt[3]];
                xor_in(&mut rk, 32, c);
            } else if u == 440 {
                let c = [cnt[1], cnt[0], cnt[3], !cnt[2]];
                xor_in(&mut rk, 440, c);
            }
            u += 4;
            expand_nonlinear(&mut rk, u);
            if u == 164 {
                let c = [cnt[3], cnt[2], cnt[1], !cnt[0]];
                xor_in(&mut rk, 164, c);
            } else if u == 316 {
                let c = [cnt[2], cnt[3], cnt[0], !cnt[1]];
                xor_in(&mut rk, 316, c);
            }
            u += 4;
        }
        if u == 448 {
            break;
        }
        for _ in 0..32 {
            rk[u] = rk[u - 32] ^ rk[u - 7];
            u += 1;
        }
    }

    let mut p = [load4(h, 0), load4(h, 4), load4(h, 8), load4(h, 12)];
    let f = |x: [u32; 4], k: &[u32]| {
        let mut x = aes::round_nokey(xor4(x, load4(k, 0)));
        x = aes::round_nokey(xor4(x, load4(k, 4)));
        x = aes::round_nokey(xor4(x, load4(k, 8)));
        aes::round_nokey(xor4(x, load4(k, 12)))
    };
    for r in 0..14 {
        let k = &rk[32 * r..32 * r + 32];
        p[0] = xor4(p[0], f(p[1], &k[..16]));
        p[2] = xor4(p[2], f(p[3], &k[16..]));
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
