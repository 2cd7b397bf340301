//! BLAKE-512, the SHA-3 finalist (final-round version: 16 rounds, rotations 32/25/16/11).
//!
//! Specification: Aumasson, Henzen, Meier, Phan, "SHA-3 proposal BLAKE", version 1.3.

/// Initial chaining value (the SHA-512 initial value).
const IV: [u64; 8] = [
    0x6A09_E667_F3BC_C908,
    0xBB67_AE85_84CA_A73B,
    0x3C6E_F372_FE94_F82B,
    0xA54F_F53A_5F1D_36F1,
    0x510E_527F_ADE6_82D1,
    0x9B05_688C_2B3E_6C1F,
    0x1F83_D9AB_FB41_BD6B,
    0x5BE0_CD19_137E_2179,
];

/// The constants c0..c15 (leading fraction digits of pi).
const C: [u64; 16] = [
    0x243F_6A88_85A3_08D3,
    0x1319_8A2E_0370_7344,
    0xA409_3822_299F_31D0,
    0x082E_FA98_EC4E_6C89,
    0x4528_21E6_38D0_1377,
    0xBE54_66CF_34E9_0C6C,
    0xC0AC_29B7_C97C_50DD,
    0x3F84_D5B5_B547_0917,
    0x9216_D5D9_8979_FB1B,
    0xD131_0BA6_98DF_B5AC,
    0x2FFD_72DB_D01A_DFB7,
    0xB8E1_AFED_6A26_7E96,
    0xBA7C_9045_F12C_7F99,
    0x24A1_9947_B391_6CF7,
    0x0801_F2E2_858E_FC16,
    0x6369_20D8_7157_4E69,
];

/// The message-word permutations sigma_0 .. sigma_9 (round r uses sigma_{r mod 10}).
const SIGMA: [[usize; 16]; 10] = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
    [14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3],
    [11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4],
    [7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8],
    [9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13],
    [2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9],
    [12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11],
    [13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10],
    [6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5],
    [10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0],
];

/// Block size in bytes.
const BLOCK: usize = 128;

/// The compression function on one 128-byte block with bit counter `t` (salt zero).
#[inline(always)]
fn compress(h: &mut [u64; 8], block: &[u8; BLOCK], t: u128) {
    let mut m = [0u64; 16];
    for (w, chunk) in m.iter_mut().zip(block.chunks_exact(8)) {
        let mut b = [0u8; 8];
        b.copy_from_slice(chunk);
        *w = u64::from_be_bytes(b);
    }
    let t0 = t as u64;
    let t1 = (t >> 64) as u64;
    let mut v = [
        h[0],
        h[1],
        h[2],
        h[3],
        h[4],
        h[5],
        h[6],
        h[7],
        C[0],
        C[1],
        C[2],
        C[3],
        t0 ^ C[4],
        t0 ^ C[5],
        t1 ^ C[6],
        t1 ^ C[7],
    ];

    macro_rules! g {
        ($s:expr, $i:expr, $a:expr, $b:expr, $c:expr, $d:expr) => {{
            let x = $s[2 * $i];
            let y = $s[2 * $i + 1];
            v[$a] = v[$a].wrapping_add(v[$b]).wrapping_add(m[x] ^ C[y]);
            v[$d] = (v[$d] ^ v[$a]).rotate_right(32);
            v[$c] = v[$c].wrapping_add(v[$d]);
            v[$b] = (v[$b] ^ v[$c]).rotate_right(25);
            v[$a] = v[$a].wrapping_add(v[$b]).wrapping_add(m[y] ^ C[x]);
            v[$d] = (v[$d] ^ v[$a]).rotate_right(16);
            v[$c] = v[$c].wrapping_add(v[$d]);
            v[$b] = (v[$b] ^ v[$c]).rotate_right(11);
        }};
    }

    for r in 0..16 {
        let s = &SIGMA[r % 10];
        g!(s, 0, 0, 4, 8, 12);
        g!(s, 1, 1, 5, 9, 13);
        g!(s, 2, 2, 6, 10, 14);
        g!(s, 3, 3, 7, 11, 15);
        g!(s, 4, 0, 5, 10, 15);
        g!(s, 5, 1, 6, 11, 12);
        g!(s, 6, 2, 7, 8, 13);
        g!(s, 7, 3, 4, 9, 14);
    }

    for i in 0..8 {
        h[i] ^= v[i] ^ v[i + 8];
    }
}

/// BLAKE-512 of `data`.
pub(crate) fn blake512(data: &[u8]) -> [u8; 64] {
    let mut h = IV;
    let mut t: u128 = 0;
    let mut chunks = data.chunks_exact(BLOCK);
    for chunk in &mut chunks {
        t = t.wrapping_add(BLOCK as u128 * 8);
        let mut block = [0u8; BLOCK];
        block.copy_from_slice(chunk);
        compress(&mut h, &block, t);
    }
    let rest = chunks.remainder();
    let total_bits = (data.len() as u128).wrapping_mul(8);

    // Padding: a 1 bit, zeros, a 1 bit ending byte 111, then the 128-bit big-endian bit length.
    // The counter of a block is the number of message bits up to its end, or zero for a block
    // that holds only padding.
    let mut block = [0u8; BLOCK];
    block[..rest.len()].copy_from_slice(rest);
    block[rest.len()] = 0x80;
    let rest_t = if rest.is_empty() { 0 } else { total_bits };
    if rest.len() >= 112 {
        compress(&mut h, &block, rest_t);
        block = [0u8; BLOCK];
        block[111] = 0x01;
        block[112..].copy_from_slice(&total_bits.to_be_bytes());
        compress(&mut h, &block, 0);
    } else {
        block[111] |= 0x01;
        block[112..].copy_from_slice(&total_bits.to_be_bytes());
        compress(&mut h, &block, rest_t);
    }

    let mut out = [0u8; 64];
    for (chunk, w) in out.chunks_exact_mut(8).zip(h) {
        chunk.copy_from_slice(&w.to_be_bytes());
    }
    out
}
