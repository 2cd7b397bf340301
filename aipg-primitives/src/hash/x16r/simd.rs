//! SIMD-512 (Leurent, Bouillaguet, Fouque; SHA-3 round 2, tweaked version).
//!
//! Each 128-byte block is expanded by a number-theoretic transform over Z/257 (256 points, root
//! 41) into 256 values, which are scaled by 185 or 233, packed two per 32-bit word and fed to a
//! Feistel-like compression of 32 steps over four rows of eight words (A, B, C, D), followed by
//! four feed-forward steps that mix the chaining value back in. The final block carries the
//! bit length and uses a different expansion constant.

/// Bytes in one message block.
const BLOCK: usize = 128;

/// The prime modulus of the expansion.
const P: i32 = 257;

/// 41, a primitive 256-th root of unity modulo 257.
const OMEGA: u32 = 41;

/// Initial chaining value of SIMD-512.
const IV: [u32; 32] = [
    0x0ba1_6b95,
    0x72f9_99ad,
    0x9fec_c2ae,
    0xba32_64fc,
    0x5e89_4929,
    0x8e9f_30e5,
    0x2f1d_aa37,
    0xf0f2_c558,
    0xac50_6643,
    0xa906_35a5,
    0xe25b_878b,
    0xaab7_878f,
    0x8881_7f7a,
    0x0a02_892b,
    0x559a_7550,
    0x598f_657e,
    0x7eef_60a1,
    0x6b70_e3e8,
    0x9c17_14d1,
    0xb958_e2a8,
    0xab02_675e,
    0xed1c_014f,
    0xcd8d_65bb,
    0xfdb7_a257,
    0x0925_4899,
    0xd699_c7bc,
    0x9019_b6dc,
    0x2b90_22e4,
    0x8fa1_4956,
    0x21bf_9bd3,
    0xb94d_0943,
    0x6ffd_dc22,
];

const fn pow_mod(mut b: u32, mut e: u32) -> u32 {
    let mut r = 1u32;
    b %= P as u32;
    while e != 0 {
        if e & 1 != 0 {
            r = r * b % P as u32;
        }
        b = b * b % P as u32;
        e >>= 1;
    }
    r
}

/// 4-bit reversal.
const fn rev4(i: usize) -> usize {
    ((i & 1) << 3) | ((i & 2) << 1) | ((i & 4) >> 1) | ((i & 8) >> 3)
}

/// Where [`expand`] leaves `y[i]`: row `rev4(i / 16)`, column `rev4(i % 16)` of a 16 × 16
/// matrix stored row by row.
const fn position(i: usize) -> usize {
    16 * rev4(i / 16) + rev4(i % 16)
}

/// `x` modulo 257 as the centred representative in `-128..=128`.
const fn centred(x: u32) -> i16 {
    let r = (x % P as u32) as i16;
    if r > 128 { r - P as i16 } else { r }
}

/// Twiddle factors of a 16-point decimation-in-frequency transform with root 2 (`OMEGA^16 =
/// 2`), centred: the stage with half-size `h` uses `TWIDDLE16[h - 1 + k] = 2^(k * 8 / h)`.
const fn make_twiddles16() -> [i16; 15] {
    let mut t = [0i16; 15];
    let mut h = 1;
    while h <= 8 {
        let mut k = 0;
        while k < h {
            t[h - 1 + k] = centred(pow_mod(2, (k * (8 / h)) as u32));
            k += 1;
        }
        h *= 2;
    }
    t
}

static TWIDDLE16: [i16; 15] = make_twiddles16();

/// Twiddles between the two passes: row `r` of the first pass holds output `i1 = rev4(r)`,
/// whose column `j1` is multiplied by `OMEGA^(i1 * j1)`.
const fn make_twiddles256() -> [[i16; 16]; 16] {
    let mut t = [[0i16; 16]; 16];
    let mut r = 0;
    while r < 16 {
        let mut c = 0;
        while c < 16 {
            t[r][c] = centred(pow_mod(OMEGA, (rev4(r) * c) as u32));
            c += 1;
        }
        r += 1;
    }
    t
}

static TWIDDLE256: [[i16; 16]; 16] = make_twiddles256();

/// Constant terms of the expansion, centred and stored where [`expand`] leaves each value:
/// the polynomial of every block carries `X^255`, and that of the final block also `X^253`;
/// the entry for `y[i]` is their value at `OMEGA^i`.
const fn make_offsets(last: bool) -> [[i16; 16]; 16] {
    let mut t = [[0i16; 16]; 16];
    let mut i = 0;
    while i < 256 {
        let mut v = pow_mod(OMEGA, (255 * i) as u32 % 256);
        if last {
            v += pow_mod(OMEGA, (253 * i) as u32 % 256);
        }
        let p = position(i);
        t[p / 16][p % 16] = centred(v);
        i += 1;
    }
    t
}

static OFFSET_NORMAL: [[i16; 16]; 16] = make_offsets(false);
static OFFSET_LAST: [[i16; 16]; 16] = make_offsets(true);

// Arithmetic modulo 257 on centred values in -128..=128 held in i16 lanes, so that the
// transform vectorises (products of two centred values stay within i16).

/// Centres `x` in `-385..=385`.
#[inline(always)]
fn centre(x: i16) -> i16 {
    let x = if x > 128 { x - P as i16 } else { x };
    if x < -128 { x + P as i16 } else { x }
}

/// Product of two centred values, centred (2^8 = -1 modulo 257).
#[inline(always)]
fn mul_mod(a: i16, w: i16) -> i16 {
    let p = a * w;
    let r = (p & 0xff) - (p >> 8);
    if r > 128 { r - P as i16 } else { r }
}

type Row = [i16; 16];

/// Radix-2 decimation-in-frequency butterflies on two whole rows with twiddle `w`.
#[inline(always)]
fn butterfly_rows(u: &mut Row, v: &mut Row, w: i16) {
    for (x, y) in u.iter_mut().zip(v.iter_mut()) {
        let (s, d) = (*x + *y, *x - *y);
        *x = centre(s);
        *y = mul_mod(centre(d), w);
    }
}

/// `FIRST[8r + ..][c] = TWIDDLE16[7 + r]`: the first-stage twiddle of every element of rows 0
/// to 7, so that the stage is one flat loop.
const fn make_first() -> [i16; 128] {
    let mut t = [0i16; 128];
    let mut i = 0;
    while i < 128 {
        t[i] = TWIDDLE16[7 + i / 16];
        i += 1;
    }
    t
}

static FIRST: [i16; 128] = make_first();

/// Rows `8..16 = rows 0..8 * TWIDDLE16[7..15]`: the first stage of [`dft16_columns`] when the
/// input rows 8 to 15 are zero.
#[inline(always)]
fn first_stage(m: &mut [Row; 16]) {
    let (lo, hi) = m.as_flattened_mut().split_at_mut(128);
    for ((x, y), &w) in lo.iter().zip(hi.iter_mut()).zip(&FIRST) {
        *y = mul_mod(*x, w);
    }
}

/// One stage of half-size `h` of sixteen 16-point transforms with root 2, one per column, down
/// the rows of `m`. Kept out of line so that the work vectorises along the rows.
#[inline(never)]
fn stage(m: &mut [Row; 16], h: usize) {
    let tw = &TWIDDLE16[h - 1..2 * h - 1];
    for pair in m.chunks_exact_mut(2 * h) {
        let (lo, hi) = pair.split_at_mut(h);
        for ((u, v), &w) in lo.iter_mut().zip(hi.iter_mut()).zip(tw) {
            butterfly_rows(u, v, w);
        }
    }
}

/// Sixteen 16-point transforms with root 2, one per column, down the rows of `m`; when
/// `half_zero`, the input rows 8 to 15 are zero. Row `r` of the result holds output `rev4(r)`.
fn dft16_columns(m: &mut [Row; 16], half_zero: bool) {
    if half_zero {
        first_stage(m);
    } else {
        stage(m, 8);
    }
    stage(m, 4);
    stage(m, 2);
    stage(m, 1);
}

/// The expansion values `y[i] = sum_j x[j] * OMEGA^(i*j)` plus the constant terms, centred to
/// `-128..=128`, stored at `position(i)`.
///
/// With `j = 16 j2 + j1` and `i = i1 + 16 i2`, `OMEGA^(ij) = 2^(i1 j2) OMEGA^(i1 j1) 2^(i2 j1)`:
/// a 16-point transform down each column `j1`, a twiddle, a transpose, and a 16-point transform
/// down each column `i1`.
#[inline(never)]
fn expand(x: &[u8; BLOCK], last: bool) -> [Row; 16] {
    let mut m = [[0i16; 16]; 16];
    for (v, &b) in m.as_flattened_mut().iter_mut().zip(x) {
        *v = centre(i16::from(b));
    }
    dft16_columns(&mut m, true);
    for (v, &w) in m.as_flattened_mut().iter_mut().zip(TWIDDLE256.as_flattened()) {
        *v = mul_mod(*v, w);
    }
    let mut t = [[0i16; 16]; 16];
    transpose16(&m, &mut t);
    dft16_columns(&mut t, false);
    let off = if last { &OFFSET_LAST } else { &OFFSET_NORMAL };
    for (v, &o) in t.as_flattened_mut().iter_mut().zip(off.as_flattened()) {
        *v = centre(*v + o);
    }
    t
}

type Half = [i16; 8];

// Lane interleaves, written so that they compile to single unpack instructions.
#[inline(always)]
fn lo16(a: Half, b: Half) -> Half {
    [a[0], b[0], a[1], b[1], a[2], b[2], a[3], b[3]]
}
#[inline(always)]
fn hi16(a: Half, b: Half) -> Half {
    [a[4], b[4], a[5], b[5], a[6], b[6], a[7], b[7]]
}
#[inline(always)]
fn lo32(a: Half, b: Half) -> Half {
    [a[0], a[1], b[0], b[1], a[2], a[3], b[2], b[3]]
}
#[inline(always)]
fn hi32(a: Half, b: Half) -> Half {
    [a[4], a[5], b[4], b[5], a[6], a[7], b[6], b[7]]
}
#[inline(always)]
fn lo64(a: Half, b: Half) -> Half {
    [a[0], a[1], a[2], a[3], b[0], b[1], b[2], b[3]]
}
#[inline(always)]
fn hi64(a: Half, b: Half) -> Half {
    [a[4], a[5], a[6], a[7], b[4], b[5], b[6], b[7]]
}

/// Transposes an 8 × 8 block by three rounds of interleaving.
#[inline(always)]
fn transpose8(r: [Half; 8]) -> [Half; 8] {
    let a = [
        lo16(r[0], r[1]),
        hi16(r[0], r[1]),
        lo16(r[2], r[3]),
        hi16(r[2], r[3]),
        lo16(r[4], r[5]),
        hi16(r[4], r[5]),
        lo16(r[6], r[7]),
        hi16(r[6], r[7]),
    ];
    let b = [
        lo32(a[0], a[2]),
        hi32(a[0], a[2]),
        lo32(a[1], a[3]),
        hi32(a[1], a[3]),
        lo32(a[4], a[6]),
        hi32(a[4], a[6]),
        lo32(a[5], a[7]),
        hi32(a[5], a[7]),
    ];
    [
        lo64(b[0], b[4]),
        hi64(b[0], b[4]),
        lo64(b[1], b[5]),
        hi64(b[1], b[5]),
        lo64(b[2], b[6]),
        hi64(b[2], b[6]),
        lo64(b[3], b[7]),
        hi64(b[3], b[7]),
    ]
}

/// `t = m` transposed, as four 8 × 8 blocks.
#[inline(never)]
fn transpose16(m: &[Row; 16], t: &mut [Row; 16]) {
    for rb in 0..2 {
        for cb in 0..2 {
            let mut blk = [[0i16; 8]; 8];
            for (k, h) in blk.iter_mut().enumerate() {
                h.copy_from_slice(&m[8 * rb + k][8 * cb..8 * cb + 8]);
            }
            for (k, h) in transpose8(blk).iter().enumerate() {
                t[8 * cb + k][8 * rb..8 * rb + 8].copy_from_slice(h);
            }
        }
    }
}

/// Message-word schedule: step `j` of round `r` reads the 16-value group `GROUP[8r + j]` of
/// the expansion, as in the specification's permutation of the NTT output.
const GROUP: [usize; 32] = [
    4, 6, 0, 2, 7, 5, 3, 1, 15, 11, 12, 8, 9, 13, 10, 14, 17, 18, 23, 20, 22, 21, 16, 19, 30, 24,
    25, 31, 27, 29, 28, 26,
];

/// Per round: offsets of the two values packed into a word, and their multiplier.
const PACK: [(isize, isize, i32); 4] =
    [(0, 1, 185), (0, 1, 185), (-256, -128, 233), (-383, -255, 233)];

/// For word `k` of step `j` of round `r` (at `64r + 8j + k`): positions, in the expansion as
/// stored by [`expand`], of the values packed into its low and high halves.
const fn make_word_index() -> [[u8; 2]; 256] {
    let mut t = [[0u8; 2]; 256];
    let mut r = 0;
    while r < 4 {
        let (o1, o2, _) = PACK[r];
        let mut j = 0;
        while j < 8 {
            let base = (GROUP[8 * r + j] * 16) as isize;
            let mut k = 0;
            while k < 8 {
                let i1 = (base + 2 * k as isize + o1) as usize;
                let i2 = (base + 2 * k as isize + o2) as usize;
                t[64 * r + 8 * j + k] = [position(i1) as u8, position(i2) as u8];
                k += 1;
            }
            j += 1;
        }
        r += 1;
    }
    t
}

static WORD_INDEX: [[u8; 2]; 256] = make_word_index();

/// Rotation amounts per round.
const ROT: [[u32; 4]; 4] = [[3, 23, 17, 27], [28, 19, 22, 7], [29, 9, 15, 5], [4, 13, 10, 25]];

/// Index permutations: step `j` of round `r` adds the rotated A word at `n ^ PERM[r + j]`.
const PERM: [usize; 11] = [1, 6, 2, 3, 5, 7, 4, 1, 6, 2, 3];

#[inline(always)]
fn if_(x: u32, y: u32, z: u32) -> u32 {
    ((y ^ z) & x) ^ z
}

#[inline(always)]
fn maj(x: u32, y: u32, z: u32) -> u32 {
    (x & y) | ((x | y) & z)
}

struct State {
    a: [u32; 8],
    b: [u32; 8],
    c: [u32; 8],
    d: [u32; 8],
}

impl State {
    /// One step on all eight lanes: `use_maj` picks the Boolean function, `r` and `s` are the
    /// rotations and `p` the lane permutation. Always inlined with constant arguments.
    #[inline(always)]
    fn step(&mut self, w: &[u32; 8], use_maj: bool, r: u32, s: u32, p: usize) {
        let ta = self.a.map(|x| x.rotate_left(r));
        for n in 0..8 {
            let f = if use_maj {
                maj(self.a[n], self.b[n], self.c[n])
            } else {
                if_(self.a[n], self.b[n], self.c[n])
            };
            let t = self.d[n].wrapping_add(w[n]).wrapping_add(f);
            self.a[n] = t.rotate_left(s).wrapping_add(ta[n ^ p]);
        }
        self.d = self.c;
        self.c = self.b;
        self.b = ta;
    }

    /// Step `j` of round `r`, reading its message words from the expansion `y`.
    #[inline(always)]
    fn round_step(&mut self, y: &[Row; 16], r: usize, j: usize) {
        let mul = PACK[r].2;
        let idx = &WORD_INDEX[64 * r + 8 * j..64 * r + 8 * j + 8];
        let mut w = [0u32; 8];
        for (x, &[i1, i2]) in w.iter_mut().zip(idx) {
            let (i1, i2) = (usize::from(i1), usize::from(i2));
            let lo = i32::from(y[i1 / 16][i1 % 16]) * mul;
            let hi = i32::from(y[i2 / 16][i2 % 16]) * mul;
            *x = (lo as u32 & 0xffff).wrapping_add((hi as u32) << 16);
        }
        let rot = ROT[r];
        self.step(&w, j >= 4, rot[j % 4], rot[(j + 1) % 4], PERM[r + j]);
    }

    /// Round `r`: eight steps. Inlined into call sites with a constant `r`.
    #[inline(always)]
    fn round(&mut self, y: &[Row; 16], r: usize) {
        self.round_step(y, r, 0);
        self.round_step(y, r, 1);
        self.round_step(y, r, 2);
        self.round_step(y, r, 3);
        self.round_step(y, r, 4);
        self.round_step(y, r, 5);
        self.round_step(y, r, 6);
        self.round_step(y, r, 7);
    }
}

/// Compresses one block into `h`; `last` selects the final-block expansion.
fn compress(h: &mut [u32; 32], block: &[u8; BLOCK], last: bool) {
    let y = expand(block, last);

    let mut m = [0u32; 32];
    for (i, w) in m.iter_mut().enumerate() {
        *w = u32::from_le_bytes([
            block[4 * i],
            block[4 * i + 1],
            block[4 * i + 2],
            block[4 * i + 3],
        ]) ^ h[i];
    }
    let lane = |k: usize| -> [u32; 8] { m[8 * k..8 * k + 8].try_into().expect("8 words") };
    let mut st = State { a: lane(0), b: lane(1), c: lane(2), d: lane(3) };
    st.round(&y, 0);
    st.round(&y, 1);
    st.round(&y, 2);
    st.round(&y, 3);

    // Feed-forward of the chaining value.
    let cv = |k: usize| -> [u32; 8] { h[8 * k..8 * k + 8].try_into().expect("8 words") };
    st.step(&cv(0), false, 4, 13, 5);
    st.step(&cv(1), false, 13, 10, 7);
    st.step(&cv(2), false, 10, 25, 4);
    st.step(&cv(3), false, 25, 4, 1);
    h[0..8].copy_from_slice(&st.a);
    h[8..16].copy_from_slice(&st.b);
    h[16..24].copy_from_slice(&st.c);
    h[24..32].copy_from_slice(&st.d);
}

/// SIMD-512 of `data`.
pub(crate) fn simd512(data: &[u8]) -> [u8; 64] {
    let mut h = IV;
    let mut chunks = data.chunks_exact(BLOCK);
    for block in &mut chunks {
        let block: &[u8; BLOCK] = block.try_into().expect("chunks_exact yields full blocks");
        compress(&mut h, block, false);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut buf = [0u8; BLOCK];
        buf[..rest.len()].copy_from_slice(rest);
        compress(&mut h, &buf, false);
    }
    let mut buf = [0u8; BLOCK];
    let bits = (data.len() as u64).wrapping_mul(8);
    buf[..8].copy_from_slice(&bits.to_le_bytes());
    compress(&mut h, &buf, true);
    let mut out = [0u8; 64];
    for (i, x) in h[..16].iter().enumerate() {
        out[4 * i..4 * i + 4].copy_from_slice(&x.to_le_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The expansion computed straight from its definition, one sum per output.
    fn expand_direct(x: &[u8; BLOCK], last: bool) -> [i16; 256] {
        let mut y = [0i16; 256];
        for (i, out) in y.iter_mut().enumerate() {
            let mut acc = pow_mod(OMEGA, (255 * i % 256) as u32);
            if last {
                acc += pow_mod(OMEGA, (253 * i % 256) as u32);
            }
            for (j, &b) in x.iter().enumerate() {
                acc = (acc + u32::from(b) * pow_mod(OMEGA, (i * j % 256) as u32)) % P as u32;
            }
            *out = centred(acc);
        }
        y
    }

    #[test]
    fn fast_expansion_matches_definition() {
        let mut blocks = [[0u8; BLOCK], [0xff; BLOCK], [0u8; BLOCK]];
        for (j, b) in blocks[2].iter_mut().enumerate() {
            *b = (j as u8).wrapping_mul(151).wrapping_add(7);
        }
        for block in &blocks {
            for last in [false, true] {
                let fast = expand(block, last);
                let direct = expand_direct(block, last);
                for (i, &want) in direct.iter().enumerate() {
                    let p = position(i);
                    assert_eq!(fast[p / 16][p % 16], want, "y[{i}], last = {last}");
                }
            }
        }
    }

    #[test]
    fn sph_vectors() {
        super::super::sph_kat::check("simd512", super::simd512);
    }
}
