//! Luffa-512 (Luffa v2): five 256-bit sub-permutations Q_0 … Q_4 of eight steps each.
//!
//! Specification: De Cannière, Sato, Watanabe, "Hash Function Luffa, Specification Ver. 2.0".
//! Big-endian 32-bit words, 32-byte message blocks, padding 0x80 then zeros, two blank rounds
//! whose outputs (the XOR of the five sub-states) form the 64-byte digest.

/// Block size in bytes.
const BLOCK: usize = 32;

/// Initial values of the five sub-states.
const IV: [[u32; 8]; 5] = [
    [
        0x6d25_1e69,
        0x44b0_51e0,
        0x4eaa_6fb4,
        0xdbf7_8465,
        0x6e29_2011,
        0x9015_2df4,
        0xee05_8139,
        0xdef6_10bb,
    ],
    [
        0xc3b4_4b95,
        0xd9d2_f256,
        0x70ee_e9a0,
        0xde09_9fa3,
        0x5d9b_0557,
        0x8fc9_44b3,
        0xcf1c_cf0e,
        0x746c_d581,
    ],
    [
        0xf7ef_c89d,
        0x5dba_5781,
        0x0401_6ce5,
        0xad65_9c05,
        0x0306_194f,
        0x666d_1836,
        0x24aa_230a,
        0x8b26_4ae7,
    ],
    [
        0x8580_75d5,
        0x36d7_9cce,
        0xe571_f7d7,
        0x204b_1f67,
        0x3587_0c6a,
        0x57e9_e923,
        0x14bc_b808,
        0x7cde_72ce,
    ],
    [
        0x6c68_e9be,
        0x5ec4_1e22,
        0xc825_b7c7,
        0xaffb_4363,
        0xf5df_3999,
        0x0fc6_88f1,
        0xb072_24cc,
        0x03e8_6cea,
    ],
];

/// Step constants: for sub-permutation j and step r, `RC[j][0][r]` is added to word 0 and
/// `RC[j][1][r]` to word 4.
const RC: [[[u32; 8]; 2]; 5] = [
    [
        [
            0x3039_94a6,
            0xc0e6_5299,
            0x6cc3_3a12,
            0xdc56_983e,
            0x1e00_108f,
            0x7800_423d,
            0x8f5b_7882,
            0x96e1_db12,
        ],
        [
            0xe033_7818,
            0x441b_a90d,
            0x7f34_d442,
            0x9389_217f,
            0xe5a8_bce6,
            0x5274_baf4,
            0x2688_9ba7,
            0x9a22_6e9d,
        ],
    ],
    [
        [
            0xb6de_10ed,
            0x70f4_7aae,
            0x0707_a3d4,
            0x1c1e_8f51,
            0x707a_3d45,
            0xaeb2_8562,
            0xbaca_1589,
            0x40a4_6f3e,
        ],
        [
            0x0168_5f3d,
            0x05a1_7cf4,
            0xbd09_caca,
            0xf427_2b28,
            0x144a_e5cc,
            0xfaa7_ae2b,
            0x2e48_f1c1,
            0xb923_c704,
        ],
    ],
    [
        [
            0xfc20_d9d2,
            0x3455_2e25,
            0x7ad8_818f,
            0x8438_764a,
            0xbb6d_e032,
            0xedb7_80c8,
            0xd984_7356,
            0xa2c7_8434,
        ],
        [
            0xe25e_72c1,
            0xe623_bb72,
            0x5c58_a4a4,
            0x1e38_e2e7,
            0x78e3_8b9d,
            0x2758_6719,
            0x36ed_a57f,
            0x703a_ace7,
        ],
    ],
    [
        [
            0xb213_afa5,
            0xc84e_be95,
            0x4e60_8a22,
            0x56d8_58fe,
            0x343b_138f,
            0xd0ec_4e3d,
            0x2ceb_4882,
            0xb3ad_2208,
        ],
        [
            0xe028_c9bf,
            0x4475_6f91,
            0x7e8f_ce32,
            0x9565_48be,
            0xfe19_1be2,
            0x3cb2_26e5,
            0x5944_a28e,
            0xa1c4_c355,
        ],
    ],
    [
        [
            0xf0d2_e9e3,
            0xac11_d7fa,
            0x1bcb_66f2,
            0x6f2d_9bc9,
            0x7860_2649,
            0x8eda_e952,
            0x3b6b_a548,
            0xedae_9520,
        ],
        [
            0x5090_d577,
            0x2d19_25ab,
            0xb464_96ac,
            0xd192_5ab0,
            0x2913_1ab6,
            0x0fc0_53c3,
            0x3f01_4f0c,
            0xfc05_3c31,
        ],
    ],
];

type Sub = [u32; 8];

/// Multiplication by x in GF(2^32)^8 modulo x^8 + x^4 + x^3 + x + 1 (word 7 is the top).
#[inline(always)]
fn mul2(a: &Sub) -> Sub {
    let t = a[7];
    [t, a[0] ^ t, a[1], a[2] ^ t, a[3] ^ t, a[4], a[5], a[6]]
}

#[inline(always)]
fn xor(a: &Sub, b: &Sub) -> Sub {
    let mut r = [0u32; 8];
    for i in 0..8 {
        r[i] = a[i] ^ b[i];
    }
    r
}

/// The message injection MI for w = 5.
#[inline(always)]
fn inject(v: &mut [Sub; 5], block: &[u8; BLOCK]) {
    let mut m = [0u32; 8];
    for (w, chunk) in m.iter_mut().zip(block.chunks_exact(4)) {
        *w = u32::from_be_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
    }

    let mut a = xor(&xor(&xor(&v[0], &v[1]), &xor(&v[2], &v[3])), &v[4]);
    a = mul2(&a);
    for sub in v.iter_mut() {
        *sub = xor(sub, &a);
    }

    let b = xor(&mul2(&v[0]), &v[1]);
    v[1] = xor(&mul2(&v[1]), &v[2]);
    v[2] = xor(&mul2(&v[2]), &v[3]);
    v[3] = xor(&mul2(&v[3]), &v[4]);
    v[4] = xor(&mul2(&v[4]), &v[0]);

    v[0] = xor(&mul2(&b), &v[4]);
    v[4] = xor(&mul2(&v[4]), &v[3]);
    v[3] = xor(&mul2(&v[3]), &v[2]);
    v[2] = xor(&mul2(&v[2]), &v[1]);
    v[1] = xor(&mul2(&v[1]), &b);

    v[0] = xor(&v[0], &m);
    for sub in v[1..].iter_mut() {
        m = mul2(&m);
        *sub = xor(sub, &m);
    }
}

/// SubCrumb: the 4-bit S-box applied bit-sliced across four words.
#[inline(always)]
fn sub_crumb(a0: &mut u32, a1: &mut u32, a2: &mut u32, a3: &mut u32) {
    let mut tmp = *a0;
    *a0 |= *a1;
    *a2 ^= *a3;
    *a1 = !*a1;
    *a0 ^= *a3;
    *a3 &= tmp;
    *a1 ^= *a3;
    *a3 ^= *a2;
    *a2 &= *a0;
    *a0 = !*a0;
    *a2 ^= *a1;
    *a1 |= *a3;
    tmp ^= *a1;
    *a3 ^= *a2;
    *a2 &= *a1;
    *a1 ^= *a0;
    *a0 = tmp;
}

/// MixWord on the word pair (u, v).
#[inline(always)]
fn mix_word(u: &mut u32, v: &mut u32) {
    *v ^= *u;
    *u = u.rotate_left(2) ^ *v;
    *v = v.rotate_left(14) ^ *u;
    *u = u.rotate_left(10) ^ *v;
    *v = v.rotate_left(1);
}

/// The sub-permutation Q_j: tweak (words 4..8 rotated by j), then eight steps.
#[inline(always)]
fn permute(x: &mut Sub, j: usize) {
    for w in &mut x[4..] {
        *w = w.rotate_left(j as u32);
    }
    let [c0, c4] = &RC[j];
    for r in 0..8 {
        let [mut x0, mut x1, mut x2, mut x3, mut x4, mut x5, mut x6, mut x7] = *x;
        sub_crumb(&mut x0, &mut x1, &mut x2, &mut x3);
        sub_crumb(&mut x5, &mut x6, &mut x7, &mut x4);
        mix_word(&mut x0, &mut x4);
        mix_word(&mut x1, &mut x5);
        mix_word(&mut x2, &mut x6);
        mix_word(&mut x3, &mut x7);
        x0 ^= c0[r];
        x4 ^= c4[r];
        *x = [x0, x1, x2, x3, x4, x5, x6, x7];
    }
}

/// One round: message injection, then the five sub-permutations.
#[inline(always)]
fn round(v: &mut [Sub; 5], block: &[u8; BLOCK]) {
    inject(v, block);
    for (j, sub) in v.iter_mut().enumerate() {
        permute(sub, j);
    }
}

/// The XOR of the five sub-states, as 32 big-endian bytes.
#[inline(always)]
fn output(v: &[Sub; 5], out: &mut [u8]) {
    for (i, chunk) in out.chunks_exact_mut(4).enumerate() {
        let w = v[0][i] ^ v[1][i] ^ v[2][i] ^ v[3][i] ^ v[4][i];
        chunk.copy_from_slice(&w.to_be_bytes());
    }
}

/// Luffa-512 of `data`.
pub(crate) fn luffa512(data: &[u8]) -> [u8; 64] {
    let mut v = IV;
    let mut chunks = data.chunks_exact(BLOCK);
    let mut block = [0u8; BLOCK];
    for chunk in &mut chunks {
        block.copy_from_slice(chunk);
        round(&mut v, &block);
    }
    let rest = chunks.remainder();
    block = [0u8; BLOCK];
    block[..rest.len()].copy_from_slice(rest);
    block[rest.len()] = 0x80;
    round(&mut v, &block);

    let mut out = [0u8; 64];
    let zero = [0u8; BLOCK];
    round(&mut v, &zero);
    output(&v, &mut out[..32]);
    round(&mut v, &zero);
    output(&v, &mut out[32..]);
    out
}
