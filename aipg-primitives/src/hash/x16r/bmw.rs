//! BMW-512 (Blue Midnight Wish, the tweaked second-round version).
//!
//! Specification: Gligoroski et al., "Cryptographic Hash Function BLUE MIDNIGHT WISH",
//! round-2 tweak. Little-endian 64-bit words, 128-byte blocks, a final compression of the
//! chaining value under a constant key, and the last eight words as the digest.

/// Block size in bytes.
const BLOCK: usize = 128;

/// Initial chaining value: the bytes 0x80, 0x81, …, 0xFF as big-endian 64-bit words.
const IV: [u64; 16] = {
    let mut iv = [0u64; 16];
    let mut i = 0;
    while i < 16 {
        iv[i] = 0x8081_8283_8485_8687 + (i as u64) * 0x0808_0808_0808_0808;
        i += 1;
    }
    iv
};

/// The key of the final compression: 0xaaaa…aaa0 + i.
const FINAL: [u64; 16] = {
    let mut k = [0u64; 16];
    let mut i = 0;
    while i < 16 {
        k[i] = 0xaaaa_aaaa_aaaa_aaa0 + i as u64;
        i += 1;
    }
    k
};

#[inline(always)]
fn s0(x: u64) -> u64 {
    (x >> 1) ^ (x << 3) ^ x.rotate_left(4) ^ x.rotate_left(37)
}
#[inline(always)]
fn s1(x: u64) -> u64 {
    (x >> 1) ^ (x << 2) ^ x.rotate_left(13) ^ x.rotate_left(43)
}
#[inline(always)]
fn s2(x: u64) -> u64 {
    (x >> 2) ^ (x << 1) ^ x.rotate_left(19) ^ x.rotate_left(53)
}
#[inline(always)]
fn s3(x: u64) -> u64 {
    (x >> 2) ^ (x << 2) ^ x.rotate_left(28) ^ x.rotate_left(59)
}
#[inline(always)]
fn s4(x: u64) -> u64 {
    (x >> 1) ^ x
}
#[inline(always)]
fn s5(x: u64) -> u64 {
    (x >> 2) ^ x
}

/// The compression function: returns the new chaining value for message block `m` under `h`.
#[inline(always)]
fn compress(m: &[u64; 16], h: &[u64; 16]) -> [u64; 16] {
    let mut x = [0u64; 16];
    for i in 0..16 {
        x[i] = m[i] ^ h[i];
    }

    // f0: the bijective transform W, then the s_{j mod 5} diffusion.
    let w = [
        x[5].wrapping_sub(x[7]).wrapping_add(x[10]).wrapping_add(x[13]).wrapping_add(x[14]),
        x[6].wrapping_sub(x[8]).wrapping_add(x[11]).wrapping_add(x[14]).wrapping_sub(x[15]),
        x[0].wrapping_add(x[7]).wrapping_add(x[9]).wrapping_sub(x[12]).wrapping_add(x[15]),
        x[0].wrapping_sub(x[1]).wrapping_add(x[8]).wrapping_sub(x[10]).wrapping_add(x[13]),
        x[1].wrapping_add(x[2]).wrapping_add(x[9]).wrapping_sub(x[11]).wrapping_sub(x[14]),
        x[3].wrapping_sub(x[2]).wrapping_add(x[10]).wrapping_sub(x[12]).wrapping_add(x[15]),
        x[4].wrapping_sub(x[0]).wrapping_sub(x[3]).wrapping_sub(x[11]).wrapping_add(x[13]),
        x[1].wrapping_sub(x[4]).wrapping_sub(x[5]).wrapping_sub(x[12]).wrapping_sub(x[14]),
        x[2].wrapping_sub(x[5]).wrapping_sub(x[6]).wrapping_add(x[13]).wrapping_sub(x[15]),
        x[0].wrapping_sub(x[3]).wrapping_add(x[6]).wrapping_sub(x[7]).wrapping_add(x[14]),
        x[8].wrapping_sub(x[1]).wrapping_sub(x[4]).wrapping_sub(x[7]).wrapping_add(x[15]),
        x[8].wrapping_sub(x[0]).wrapping_sub(x[2]).wrapping_sub(x[5]).wrapping_add(x[9]),
        x[1].wrapping_add(x[3]).wrapping_sub(x[6]).wrapping_sub(x[9]).wrapping_add(x[10]),
        x[2].wrapping_add(x[4]).wrapping_add(x[7]).wrapping_add(x[10]).wrapping_add(x[11]),
        x[3].wrapping_sub(x[5]).wrapping_add(x[8]).wrapping_sub(x[11]).wrapping_sub(x[12]),
        x[12].wrapping_sub(x[4]).wrapping_sub(x[6]).wrapping_sub(x[9]).wrapping_add(x[13]),
    ];
    let mut q = [0u64; 32];
    for j in 0..16 {
        let s = match j % 5 {
            0 => s0(w[j]),
            1 => s1(w[j]),
            2 => s2(w[j]),
            3 => s3(w[j]),
            _ => s4(w[j]),
        };
        q[j] = s.wrapping_add(h[(j + 1) % 16]);
    }

    // f1: two rounds of expand1, fourteen of expand2.
    for j in 16..32 {
        let k = j - 16;
        let add = m[k]
            .rotate_left(k as u32 + 1)
            .wrapping_add(m[(k + 3) % 16].rotate_left(((k + 3) % 16) as u32 + 1))
            .wrapping_sub(m[(k + 10) % 16].rotate_left(((k + 10) % 16) as u32 + 1))
            .wrapping_add((j as u64).wrapping_mul(0x0555_5555_5555_5555))
            ^ h[(k + 7) % 16];
        let mut acc = add;
        if j < 18 {
            for i in 0..16 {
                let v = q[k + i];
                acc = acc.wrapping_add(match i % 4 {
                    0 => s1(v),
                    1 => s2(v),
                    2 => s3(v),
                    _ => s0(v),
                });
            }
        } else {
            const ROT: [u32; 7] = [5, 11, 27, 32, 37, 43, 53];
            for i in 0..7 {
                acc = acc
                    .wrapping_add(q[k + 2 * i])
                    .wrapping_add(q[k + 2 * i + 1].rotate_left(ROT[i]));
            }
            acc = acc.wrapping_add(s4(q[k + 14])).wrapping_add(s5(q[k + 15]));
        }
        q[j] = acc;
    }

    // f2: folding.
    let xl = q[16] ^ q[17] ^ q[18] ^ q[19] ^ q[20] ^ q[21] ^ q[22] ^ q[23];
    let xh = xl ^ q[24] ^ q[25] ^ q[26] ^ q[27] ^ q[28] ^ q[29] ^ q[30] ^ q[31];
    let mut d = [0u64; 16];
    d[0] = ((xh << 5) ^ (q[16] >> 5) ^ m[0]).wrapping_add(xl ^ q[24] ^ q[0]);
    d[1] = ((xh >> 7) ^ (q[17] << 8) ^ m[1]).wrapping_add(xl ^ q[25] ^ q[1]);
    d[2] = ((xh >> 5) ^ (q[18] << 5) ^ m[2]).wrapping_add(xl ^ q[26] ^ q[2]);
    d[3] = ((xh >> 1) ^ (q[19] << 5) ^ m[3]).wrapping_add(xl ^ q[27] ^ q[3]);
    d[4] = ((xh >> 3) ^ q[20] ^ m[4]).wrapping_add(xl ^ q[28] ^ q[4]);
    d[5] = ((xh << 6) ^ (q[21] >> 6) ^ m[5]).wrapping_add(xl ^ q[29] ^ q[5]);
    d[6] = ((xh >> 4) ^ (q[22] << 6) ^ m[6]).wrapping_add(xl ^ q[30] ^ q[6]);
    d[7] = ((xh >> 11) ^ (q[23] << 2) ^ m[7]).wrapping_add(xl ^ q[31] ^ q[7]);
    d[8] =
        d[4].rotate_left(9).wrapping_add(xh ^ q[24] ^ m[8]).wrapping_add((xl << 8) ^ q[23] ^ q[8]);
    d[9] =
        d[5].rotate_left(10).wrapping_add(xh ^ q[25] ^ m[9]).wrapping_add((xl >> 6) ^ q[16] ^ q[9]);
    d[10] = d[6]
        .rotate_left(11)
        .wrapping_add(xh ^ q[26] ^ m[10])
        .wrapping_add((xl << 6) ^ q[17] ^ q[10]);
    d[11] = d[7]
        .rotate_left(12)
        .wrapping_add(xh ^ q[27] ^ m[11])
        .wrapping_add((xl << 4) ^ q[18] ^ q[11]);
    d[12] = d[0]
        .rotate_left(13)
        .wrapping_add(xh ^ q[28] ^ m[12])
        .wrapping_add((xl >> 3) ^ q[19] ^ q[12]);
    d[13] = d[1]
        .rotate_left(14)
        .wrapping_add(xh ^ q[29] ^ m[13])
        .wrapping_add((xl >> 4) ^ q[20] ^ q[13]);
    d[14] = d[2]
        .rotate_left(15)
        .wrapping_add(xh ^ q[30] ^ m[14])
        .wrapping_add((xl >> 7) ^ q[21] ^ q[14]);
    d[15] = d[3]
        .rotate_left(16)
        .wrapping_add(xh ^ q[31] ^ m[15])
        .wrapping_add((xl >> 2) ^ q[22] ^ q[15]);
    d
}

/// Reads a 128-byte block as sixteen little-endian words.
#[inline(always)]
fn words(block: &[u8]) -> [u64; 16] {
    let mut m = [0u64; 16];
    for (w, chunk) in m.iter_mut().zip(block.chunks_exact(8)) {
        let mut b = [0u8; 8];
        b.copy_from_slice(chunk);
        *w = u64::from_le_bytes(b);
    }
    m
}

/// BMW-512 of `data`.
pub(crate) fn bmw512(data: &[u8]) -> [u8; 64] {
    let mut h = IV;
    let mut chunks = data.chunks_exact(BLOCK);
    for chunk in &mut chunks {
        h = compress(&words(chunk), &h);
    }
    let rest = chunks.remainder();

    // Padding: 0x80, zeros, then the 64-bit little-endian bit length in the last 8 bytes.
    let mut block = [0u8; BLOCK];
    block[..rest.len()].copy_from_slice(rest);
    block[rest.len()] = 0x80;
    if rest.len() + 1 > BLOCK - 8 {
        h = compress(&words(&block), &h);
        block = [0u8; BLOCK];
    }
    let bits = (data.len() as u64).wrapping_mul(8);
    block[BLOCK - 8..].copy_from_slice(&bits.to_le_bytes());
    h = compress(&words(&block), &h);

    // Final compression: the chaining value is the message under the constant key.
    let h = compress(&h, &FINAL);
    let mut out = [0u8; 64];
    for (chunk, w) in out.chunks_exact_mut(8).zip(&h[8..]) {
        chunk.copy_from_slice(&w.to_le_bytes());
    }
    out
}
