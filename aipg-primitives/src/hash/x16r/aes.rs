//! The AES round function (FIPS 197) as used inside ECHO, SHAvite-3 and Fugue.
//!
//! The 128-bit state is four little-endian 32-bit columns: byte `r` of column `c` is state byte
//! `(r, c)`. The tables are computed at compile time from the field arithmetic of FIPS 197.

/// Multiplication by `x` in GF(2^8) modulo x^8 + x^4 + x^3 + x + 1.
const fn xtime(a: u8) -> u8 {
    (a << 1) ^ if a & 0x80 != 0 { 0x1b } else { 0 }
}

/// Product in GF(2^8).
const fn gmul(mut a: u8, mut b: u8) -> u8 {
    let mut r = 0u8;
    while b != 0 {
        if b & 1 != 0 {
            r ^= a;
        }
        a = xtime(a);
        b >>= 1;
    }
    r
}

/// The AES S-box: multiplicative inverse followed by the affine map.
const fn make_sbox() -> [u8; 256] {
    let mut s = [0u8; 256];
    let mut x = 0usize;
    while x < 256 {
        // Inverse by exponentiation: x^254.
        let mut inv = 1u8;
        let mut base = x as u8;
        let mut e = 254u32;
        while e != 0 {
            if e & 1 != 0 {
                inv = gmul(inv, base);
            }
            base = gmul(base, base);
            e >>= 1;
        }
        let b = inv;
        s[x] = b ^ b.rotate_left(1) ^ b.rotate_left(2) ^ b.rotate_left(3) ^ b.rotate_left(4) ^ 0x63;
        x += 1;
    }
    s
}

/// The AES S-box.
pub(super) const SBOX: [u8; 256] = make_sbox();

/// Table `k` combines SubBytes of a byte in row `k` with its MixColumns column contribution.
const fn make_tables() -> [[u32; 256]; 4] {
    let mut t = [[0u32; 256]; 4];
    let mut x = 0usize;
    while x < 256 {
        let s = SBOX[x];
        let w = (gmul(s, 2) as u32)
            | ((s as u32) << 8)
            | ((s as u32) << 16)
            | ((gmul(s, 3) as u32) << 24);
        t[0][x] = w;
        t[1][x] = w.rotate_left(8);
        t[2][x] = w.rotate_left(16);
        t[3][x] = w.rotate_left(24);
        x += 1;
    }
    t
}

static T: [[u32; 256]; 4] = make_tables();

/// One full AES round (SubBytes, ShiftRows, MixColumns, AddRoundKey) with round key `k`.
#[inline(always)]
pub(super) fn round(x: [u32; 4], k: [u32; 4]) -> [u32; 4] {
    let t0 = &T[0];
    let t1 = &T[1];
    let t2 = &T[2];
    let t3 = &T[3];
    let col = |a: u32, b: u32, c: u32, d: u32| {
        t0[(a & 0xff) as usize]
            ^ t1[((b >> 8) & 0xff) as usize]
            ^ t2[((c >> 16) & 0xff) as usize]
            ^ t3[(d >> 24) as usize]
    };
    [
        col(x[0], x[1], x[2], x[3]) ^ k[0],
        col(x[1], x[2], x[3], x[0]) ^ k[1],
        col(x[2], x[3], x[0], x[1]) ^ k[2],
        col(x[3], x[0], x[1], x[2]) ^ k[3],
    ]
}

/// One AES round with an all-zero round key.
#[inline(always)]
pub(super) fn round_nokey(x: [u32; 4]) -> [u32; 4] {
    round(x, [0; 4])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sbox_known_entries() {
        assert_eq!(SBOX[0x00], 0x63);
        assert_eq!(SBOX[0x01], 0x7c);
        assert_eq!(SBOX[0x53], 0xed);
        assert_eq!(SBOX[0xff], 0x16);
    }

    #[test]
    fn fips197_round_one() {
        // FIPS 197 appendix B: state after the initial AddRoundKey, first round key, and the
        // state at the start of round 2.
        let st = [0x193de3be_u32, 0xa0f4e22b, 0x9ac68d2a, 0xe9f84808];
        let k = [0xa0fafe17_u32, 0x88542cb1, 0x23a33939, 0x2a6c7605];
        let want = [0xa49c7ff2_u32, 0x689f352b, 0x6b5bea43, 0x026a5049];
        let le = |a: [u32; 4]| a.map(u32::swap_bytes);
        assert_eq!(round(le(st), le(k)), le(want));
    }
}
