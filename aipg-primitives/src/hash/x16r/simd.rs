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

/// Bit reversal of an 8-bit index.
const fn bitrev(i: usize) -> usize {
    (i as u8).reverse_bits() as usize
}

/// Twiddle factors of the decimation-in-frequency transform: the stage with half-size `h`
/// (a power of two) uses `TWIDDLE[h - 1 + k] = OMEGA^(k * 128 / h)` for `k < h`.
const fn make_twiddles() -> [i32; 255] {
    let mut t = [0i32; 255];
    let mut h = 1;
    while h <= 128 {
        let mut k = 0;
        while k < h {
            t[h - 1 + k] = pow_mod(OMEGA, (k * (128 / h)) as u32) as i32;
            k += 1;
        }
        h *= 2;
    }
    t
}

static TWIDDLE: [i32; 255] = make_twiddles();

/// Constant terms of the expansion, stored in bit-reversed order like the transform output:
/// the polynomial of every block carries `X^255`, and that of the final block also `X^253`;
/// entry `bitrev(i)` is their value at `OMEGA^i`.
const fn make_offsets(last: bool) -> [i32; 256] {
    let mut t = [0i32; 256];
    let mut i = 0;
    while i < 256 {
        let mut v = pow_mod(OMEGA, (255 * i) as u32 % 256);
        if last {
            v = (v + pow_mod(OMEGA, (253 * i) as u32 % 256)) % P as u32;
        }
        t[bitrev(i)] = v as i32;
        i += 1;
    }
    t
}

static OFFSET_NORMAL: [i32; 256] = make_offsets(false);
static OFFSET_LAST: [i32; 256] = make_offsets(true);

/// Reduces `x` in `0..=65792` to `0..=256` (2^8 = -1 modulo 257).
#[inline(always)]
fn reduce(x: i32) -> i32 {
    let r = (x & 0xff) - (x >> 8);
    if r < 0 { r + P } else { r }
}

/// One decimation-in-frequency stage of half-size `h` on all blocks of `a`.
#[inline(always)]
fn dif_stage(a: &mut [i32; 256], h: usize) {
    let tw = &TWIDDLE[h - 1..2 * h - 1];
    for blk in a.chunks_exact_mut(2 * h) {
        let (lo, hi) = blk.split_at_mut(h);
        for ((u, v), &w) in lo.iter_mut().zip(hi.iter_mut()).zip(tw) {
            let s = *u + *v;
            let d = *u - *v;
            *u = if s >= P { s - P } else { s };
            *v = reduce(if d < 0 { d + P } else { d } * w);
        }
    }
}

/// The expansion values `y[i] = sum_j x[j] * OMEGA^(i*j)` plus the constant terms, centred to
/// `-128..=128`, at index `bitrev(i)`.
fn expand(x: &[u8; BLOCK], last: bool) -> [i32; 256] {
    // First stage: the upper 128 coefficients are zero.
    let mut a = [0i32; 256];
    let tw = &TWIDDLE[127..255];
    for k in 0..128 {
        let u = i32::from(x[k]);
        a[k] = u;
        a[k + 128] = reduce(u * tw[k]);
    }
    for h in [64, 32, 16, 8, 4, 2, 1] {
        dif_stage(&mut a, h);
    }
    let off = if last { &OFFSET_LAST } else { &OFFSET_NORMAL };
    for (v, o) in a.iter_mut().zip(off.iter()) {
        let t = *v + o;
        let t = if t >= P { t - P } else { t };
        *v = if t <= 128 { t } else { t - P };
    }
    a
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

/// For word `k` of step `j` of round `r` (at `64r + 8j + k`): positions, in the bit-reversed
/// expansion, of the values packed into its low and high halves.
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
                t[64 * r + 8 * j + k] = [bitrev(i1) as u8, bitrev(i2) as u8];
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
    #[inline(always)]
    fn step(&mut self, w: &[u32; 8], f: fn(u32, u32, u32) -> u32, r: u32, s: u32, p: usize) {
        let ta = self.a.map(|x| x.rotate_left(r));
        for n in 0..8 {
            let t = self.d[n].wrapping_add(w[n]).wrapping_add(f(self.a[n], self.b[n], self.c[n]));
            self.a[n] = t.rotate_left(s).wrapping_add(ta[n ^ p]);
        }
        self.d = self.c;
        self.c = self.b;
        self.b = ta;
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
    let mut st = State {
        a: m[0..8].try_into().expect("8 words"),
        b: m[8..16].try_into().expect("8 words"),
        c: m[16..24].try_into().expect("8 words"),
        d: m[24..32].try_into().expect("8 words"),
    };

    for r in 0..4 {
        let mul = PACK[r].2;
        let rot = ROT[r];
        for j in 0..8 {
            let idx = &WORD_INDEX[64 * r + 8 * j..64 * r + 8 * j + 8];
            let mut w = [0u32; 8];
            for (x, &[i1, i2]) in w.iter_mut().zip(idx) {
                let lo = y[usize::from(i1)] * mul;
                let hi = y[usize::from(i2)] * mul;
                *x = (lo as u32 & 0xffff).wrapping_add((hi as u32) << 16);
            }
            let f = if j < 4 { if_ } else { maj };
            st.step(&w, f, rot[j % 4], rot[(j + 1) % 4], PERM[r + j]);
        }
    }

    // Feed-forward of the chaining value.
    let ff: [(u32, u32, usize); 4] = [(4, 13, 5), (13, 10, 7), (10, 25, 4), (25, 4, 1)];
    for (i, &(r, s, p)) in ff.iter().enumerate() {
        let w: [u32; 8] = h[8 * i..8 * i + 8].try_into().expect("8 words");
        st.step(&w, if_, r, s, p);
    }
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
    #[test]
    fn sph_vectors() {
        super::super::sph_kat::check("simd512", super::simd512);
    }
}
