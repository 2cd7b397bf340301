//! Fugue-512 (Halevi, Hall, Jutla; SHA-3 round 2).
//!
//! The state is 36 columns of four bytes, each kept as a big-endian 32-bit word (row 0 in the
//! most significant byte). Every 4-byte input word goes through TIX and four rounds of ROR3,
//! CMIX and SMIX; the final transformation G and the output columns are those of the
//! specification for the 512-bit digest.
//!
//! The rotations are not performed on the data: the state is a ring, and the logical column `i`
//! sits at `(base + i) % 36`. An input word moves the base back by 12, so it cycles through
//! 0, 24 and 12; each of the three cases is compiled with constant indices.

use super::aes::SBOX;

/// Columns in the state.
const N: usize = 36;

/// Initial value of the last sixteen columns (the first twenty start at zero).
const IV: [u32; 16] = [
    0x8807_a57e,
    0xe616_af75,
    0xc5d3_e4db,
    0xac9a_b027,
    0xd915_f117,
    0xb6ee_cc54,
    0x06e8_020b,
    0x4a92_efd1,
    0xaac6_e2c9,
    0xddb2_1398,
    0xcae6_5838,
    0x437f_203f,
    0x25ea_78e7,
    0x951f_ddd6,
    0xda6e_d11d,
    0xe13e_3567,
];

/// Product in GF(2^8) modulo x^8 + x^4 + x^3 + x + 1.
const fn gmul(mut a: u8, mut b: u8) -> u8 {
    let mut r = 0u8;
    while b != 0 {
        if b & 1 != 0 {
            r ^= a;
        }
        a = (a << 1) ^ if a & 0x80 != 0 { 0x1b } else { 0 };
        b >>= 1;
    }
    r
}

/// `MIX[k][x]` is column `k` of the circulant matrix M (first row 1 4 7 1) multiplied by
/// `SBOX[x]`, packed with row 0 in the most significant byte.
const fn make_mix() -> [[u32; 256]; 4] {
    let mut t = [[0u32; 256]; 4];
    let mut x = 0usize;
    while x < 256 {
        let s = SBOX[x];
        let w = ((s as u32) << 24)
            | ((s as u32) << 16)
            | ((gmul(s, 7) as u32) << 8)
            | (gmul(s, 4) as u32);
        t[0][x] = w;
        t[1][x] = w.rotate_right(8);
        t[2][x] = w.rotate_right(16);
        t[3][x] = w.rotate_right(24);
        x += 1;
    }
    t
}

static MIX: [[u32; 256]; 4] = make_mix();

/// Byte masks of rows 0 to 3.
const ROW: [u32; 4] = [0xff00_0000, 0x00ff_0000, 0x0000_ff00, 0x0000_00ff];

/// SMIX on four columns: S-box on all 16 bytes, then Super-Mix (column mix by M, the row terms
/// of the transposed matrix, and the row shift).
#[inline(always)]
fn smix(x: [u32; 4]) -> [u32; 4] {
    // c[j]: M times column j. r[i]: the contributions of row i's off-diagonal bytes, each
    // spread by the column of M that multiplies row i.
    let mut c = [0u32; 4];
    let mut r = [0u32; 4];
    for (j, &w) in x.iter().enumerate() {
        for (i, m) in MIX.iter().enumerate() {
            let t = m[((w >> (24 - 8 * i)) & 0xff) as usize];
            c[j] ^= t;
            if i != j {
                r[i] ^= t;
            }
        }
    }
    let mut y = [0u32; 4];
    for (k, out) in y.iter_mut().enumerate() {
        // Output column k, row i: element (i, i + k) of the mixed matrix.
        for i in 0..4 {
            let j = (i + k) & 3;
            *out |= (c[j] ^ r[i].rotate_left(8 * k as u32)) & ROW[i];
        }
    }
    y
}

/// Physical index of logical column `i` when the ring starts at `b`.
#[inline(always)]
const fn at(b: usize, i: usize) -> usize {
    (b + i) % N
}

// The helpers below take the ring base as an argument and are always inlined into call sites
// that pass constants, so every index folds to a constant.

/// CMIX then SMIX with the ring at base `b`.
#[inline(always)]
fn cmix_smix(s: &mut [u32; N], b: usize) {
    for (d, src) in [(0, 4), (1, 5), (2, 6), (18, 4), (19, 5), (20, 6)] {
        s[at(b, d)] ^= s[at(b, src)];
    }
    smix_at(s, b);
}

/// SMIX of logical columns 0 to 3 with the ring at base `b`.
#[inline(always)]
fn smix_at(s: &mut [u32; N], b: usize) {
    let y = smix([s[at(b, 0)], s[at(b, 1)], s[at(b, 2)], s[at(b, 3)]]);
    for (i, v) in y.into_iter().enumerate() {
        s[at(b, i)] = v;
    }
}

/// Absorbs one input word with the ring at base `b`; the ring ends at base `b - 12`.
#[inline(always)]
fn absorb(s: &mut [u32; N], b: usize, w: u32) {
    // TIX.
    s[at(b, 22)] ^= s[at(b, 0)];
    s[at(b, 0)] = w;
    s[at(b, 8)] ^= w;
    s[at(b, 1)] ^= s[at(b, 24)];
    s[at(b, 4)] ^= s[at(b, 27)];
    s[at(b, 7)] ^= s[at(b, 30)];
    // Four rounds of ROR3, CMIX, SMIX.
    cmix_smix(s, at(b, 33));
    cmix_smix(s, at(b, 30));
    cmix_smix(s, at(b, 27));
    cmix_smix(s, at(b, 24));
}

/// XORs column 0 into columns 4, `x`, `y` and `z` with the ring at base `b`.
#[inline(always)]
fn spread(s: &mut [u32; N], b: usize, x: usize, y: usize, z: usize) {
    let c0 = s[at(b, 0)];
    for d in [4, x, y, z] {
        s[at(b, d)] ^= c0;
    }
}

/// The absorbing state: the ring and the base at which the next word enters.
struct Fugue {
    s: [u32; N],
    base: usize,
}

impl Fugue {
    #[inline(always)]
    fn word(&mut self, w: u32) {
        match self.base {
            0 => {
                absorb(&mut self.s, 0, w);
                self.base = 24;
            }
            24 => {
                absorb(&mut self.s, 24, w);
                self.base = 12;
            }
            _ => {
                absorb(&mut self.s, 12, w);
                self.base = 0;
            }
        }
    }

    /// The final transformation G, then the 512-bit output.
    fn finish(mut self) -> [u8; 64] {
        // Bring the ring to base 0.
        let s = &mut self.s;
        s.rotate_left(self.base);
        // 32 rounds of ROR3, CMIX, SMIX: twelve of them return the ring to base 0.
        for _ in 0..2 {
            for k in (0..12).rev() {
                cmix_smix(s, 3 * k);
            }
        }
        for k in (4..12).rev() {
            cmix_smix(s, 3 * k);
        }
        // The ring is at base 12. Each of the thirteen iterations ends one column further
        // on; rotating the data back by one keeps the base at 12.
        for _ in 0..13 {
            spread(s, 12, 9, 18, 27);
            smix_at(s, 3); // ROR9
            spread(s, 3, 10, 18, 27);
            smix_at(s, 30); // ROR9
            spread(s, 30, 10, 19, 27);
            smix_at(s, 21); // ROR9
            spread(s, 21, 10, 19, 28);
            smix_at(s, 13); // ROR8
            s.rotate_left(1);
        }
        spread(s, 12, 9, 18, 27);

        let mut out = [0u8; 64];
        let cols = [1, 2, 3, 4, 9, 10, 11, 12, 18, 19, 20, 21, 27, 28, 29, 30];
        for (k, &c) in cols.iter().enumerate() {
            out[4 * k..4 * k + 4].copy_from_slice(&s[at(12, c)].to_be_bytes());
        }
        out
    }
}

/// Fugue-512 of `data`.
pub(crate) fn fugue512(data: &[u8]) -> [u8; 64] {
    let mut st = Fugue { s: [0; N], base: 0 };
    st.s[N - 16..].copy_from_slice(&IV);

    // Message words (big-endian), the last one zero-padded, then the 64-bit bit length.
    let mut chunks = data.chunks_exact(4);
    for c in &mut chunks {
        st.word(u32::from_be_bytes([c[0], c[1], c[2], c[3]]));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut b = [0u8; 4];
        b[..rest.len()].copy_from_slice(rest);
        st.word(u32::from_be_bytes(b));
    }
    let bits = (data.len() as u64).wrapping_mul(8);
    st.word((bits >> 32) as u32);
    st.word(bits as u32);
    st.finish()
}

#[cfg(test)]
mod tests {
    #[test]
    fn sph_vectors() {
        super::super::sph_kat::check("fugue512", super::fugue512);
    }
}
