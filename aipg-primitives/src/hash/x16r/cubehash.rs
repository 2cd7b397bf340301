//! CubeHash16/32-512: 16 rounds per 32-byte block, 512-bit output.
//!
//! Specification: D. J. Bernstein, "CubeHash specification (2.B.1)", with the round-2 parameters
//! r = 16, b = 32, h = 512. Little-endian 32-bit words; the state is 32 words, kept here as the
//! halves `x[0jklm]` (`a`) and `x[1jklm]` (`b`).

/// Block size in bytes.
const BLOCK: usize = 32;

/// Rounds per block.
const ROUNDS: usize = 16;

/// The state: the low and high halves of the 32 words.
#[derive(Clone, Copy)]
struct State {
    a: [u32; 16],
    b: [u32; 16],
}

/// Adds, rotates, swaps and xors as in one half of a round: `b += a`, `a <<<= rot`, swap the
/// words of `a` whose indices differ in bit `a_bit`, `a ^= b`, swap the words of `b` whose
/// indices differ in bit `b_bit`.
const fn half_round(s: &mut State, rot: u32, a_bit: usize, b_bit: usize) {
    let mut i = 0;
    while i < 16 {
        s.b[i] = s.b[i].wrapping_add(s.a[i]);
        i += 1;
    }
    let mut a = [0u32; 16];
    let mut i = 0;
    while i < 16 {
        a[i] = s.a[i ^ a_bit].rotate_left(rot) ^ s.b[i];
        i += 1;
    }
    s.a = a;
    let mut b = [0u32; 16];
    let mut i = 0;
    while i < 16 {
        b[i] = s.b[i ^ b_bit];
        i += 1;
    }
    s.b = b;
}

/// `ROUNDS` rounds of the CubeHash permutation, for compile-time use.
const fn rounds_const(s: &mut State) {
    let mut r = 0;
    while r < ROUNDS {
        half_round(s, 7, 8, 2);
        half_round(s, 11, 4, 1);
        r += 1;
    }
}

/// `ROUNDS` rounds of the CubeHash permutation at run time.
#[inline(always)]
fn rounds(s: &mut State) {
    let State { mut a, mut b } = *s;
    for _ in 0..ROUNDS {
        for i in 0..16 {
            b[i] = b[i].wrapping_add(a[i]);
        }
        let mut t = [0u32; 16];
        for i in 0..16 {
            t[i] = a[i ^ 8].rotate_left(7) ^ b[i];
        }
        a = t;
        let mut u = [0u32; 16];
        for i in 0..16 {
            u[i] = b[i ^ 2].wrapping_add(a[i]);
        }
        b = u;
        let mut t = [0u32; 16];
        for i in 0..16 {
            t[i] = a[i ^ 4].rotate_left(11) ^ b[i];
        }
        a = t;
        let mut u = [0u32; 16];
        for i in 0..16 {
            u[i] = b[i ^ 1];
        }
        b = u;
    }
    *s = State { a, b };
}

/// The initial state: words 0, 1, 2 set to h/8, b and r, then 10·r rounds.
const IV: State = {
    let mut s = State { a: [0u32; 16], b: [0u32; 16] };
    s.a[0] = 64;
    s.a[1] = BLOCK as u32;
    s.a[2] = ROUNDS as u32;
    let mut i = 0;
    while i < 10 {
        rounds_const(&mut s);
        i += 1;
    }
    s
};

/// Xors a 32-byte block into words 0..8 and runs one block's rounds.
#[inline(always)]
fn absorb(s: &mut State, block: &[u8]) {
    for (w, chunk) in s.a[..8].iter_mut().zip(block.chunks_exact(4)) {
        *w ^= u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
    }
    rounds(s);
}

/// CubeHash-512 of `data`.
pub(crate) fn cubehash512(data: &[u8]) -> [u8; 64] {
    let mut s = IV;
    let mut chunks = data.chunks_exact(BLOCK);
    for chunk in &mut chunks {
        absorb(&mut s, chunk);
    }
    let rest = chunks.remainder();
    let mut block = [0u8; BLOCK];
    block[..rest.len()].copy_from_slice(rest);
    block[rest.len()] = 0x80;
    absorb(&mut s, &block);

    // Finalization: flip the last word's low bit, then 10·r rounds.
    s.b[15] ^= 1;
    for _ in 0..10 {
        rounds(&mut s);
    }

    let mut out = [0u8; 64];
    for (chunk, w) in out.chunks_exact_mut(4).zip(s.a) {
        chunk.copy_from_slice(&w.to_le_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::IV;

    #[test]
    fn initial_state_matches_published_iv() {
        // The first and last words of the published CubeHash16/32-512 initial state.
        assert_eq!(IV.a[0], 0x2AEA_2A61);
        assert_eq!(IV.a[1], 0x50F4_94D4);
        assert_eq!(IV.b[15], 0xD43E_3B44);
    }
}
