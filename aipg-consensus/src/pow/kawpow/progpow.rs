// SPDX-License-Identifier: MIT
//! The ProgPoW 0.9.4 loop with the KAWPOW parameters.
//!
//! Mirrors `AIPowerGrid/AI-Power-Grid-Core: src/crypto/ethash/lib/ethash/progpow.cpp` and
//! `kiss99.hpp`.

// The ProgPoW loop indexes its fixed-size mix, program and L1 cache with values reduced modulo
// their lengths, and casts indices of at most a few thousand to 32 bits.
#![allow(clippy::indexing_slicing, clippy::cast_possible_truncation)]

use super::context::{EpochContext, L1_WORDS};
use super::ethash::{FNV_OFFSET_BASIS, fnv1a};

/// Blocks per ProgPoW program period.
pub const PERIOD_LENGTH: u32 = 3;
/// Lanes of the mix.
const LANES: usize = 16;
/// Registers per lane.
const REGS: usize = 32;
/// DAG loads (rounds) per hash.
const ROUNDS: u32 = 64;
/// Cache accesses per round.
const CNT_CACHE: usize = 11;
/// Math operations per round.
const CNT_MATH: usize = 18;
/// DAG words merged into each lane per round.
const DAG_WORDS_PER_LANE: usize = 4;

/// The KISS99 generator of George Marsaglia.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Kiss99 {
    z: u32,
    w: u32,
    jsr: u32,
    jcong: u32,
}

impl Kiss99 {
    pub(crate) fn new(z: u32, w: u32, jsr: u32, jcong: u32) -> Self {
        Self { z, w, jsr, jcong }
    }

    #[inline]
    pub(crate) fn next_u32(&mut self) -> u32 {
        self.z = 36969u32.wrapping_mul(self.z & 0xffff).wrapping_add(self.z >> 16);
        self.w = 18000u32.wrapping_mul(self.w & 0xffff).wrapping_add(self.w >> 16);
        self.jcong = 69069u32.wrapping_mul(self.jcong).wrapping_add(1_234_567);
        self.jsr ^= self.jsr << 17;
        self.jsr ^= self.jsr >> 13;
        self.jsr ^= self.jsr << 5;
        ((self.z << 16).wrapping_add(self.w) ^ self.jcong).wrapping_add(self.jsr)
    }
}

/// One random cache access: `mix[dst] = merge(mix[dst], L1[mix[src] mod 4096], sel)`.
#[derive(Clone, Copy, Debug, Default)]
struct CacheOp {
    src: usize,
    dst: usize,
    sel: u32,
}

/// One random math step: `mix[dst] = merge(mix[dst], math(mix[src1], mix[src2], sel1), sel2)`.
#[derive(Clone, Copy, Debug, Default)]
struct MathOp {
    src1: usize,
    src2: usize,
    sel1: u32,
    dst: usize,
    sel2: u32,
}

/// The random program of one period. Every round of a hash replays the same random sequence,
/// so the program is drawn once per hash.
#[derive(Clone, Debug)]
pub(crate) struct Program {
    cache_ops: [CacheOp; CNT_CACHE],
    math_ops: [MathOp; CNT_MATH],
    dag_dst: [usize; DAG_WORDS_PER_LANE],
    dag_sel: [u32; DAG_WORDS_PER_LANE],
}

impl Program {
    /// Draws the program of `period` (`mix_rng_state` in the reference).
    pub(crate) fn new(period: u64) -> Self {
        // The period is split into its low and high 32-bit halves on purpose.
        let lo = period as u32;
        let hi = (period >> 32) as u32;
        let z = fnv1a(FNV_OFFSET_BASIS, lo);
        let w = fnv1a(z, hi);
        let jsr = fnv1a(w, lo);
        let jcong = fnv1a(jsr, hi);
        let mut rng = Kiss99::new(z, w, jsr, jcong);

        let mut dst_seq: [usize; REGS] = core::array::from_fn(|i| i);
        let mut src_seq: [usize; REGS] = core::array::from_fn(|i| i);
        for i in (2..=REGS).rev() {
            // i ≤ 32, so the casts are exact and the remainders index the arrays.
            let j = (rng.next_u32() % i as u32) as usize;
            dst_seq.swap(i - 1, j);
            let j = (rng.next_u32() % i as u32) as usize;
            src_seq.swap(i - 1, j);
        }
        let mut dst_ctr = 0usize;
        let mut src_ctr = 0usize;
        let mut next_dst = || {
            let d = dst_seq[dst_ctr % REGS];
            dst_ctr += 1;
            d
        };
        let mut next_src = || {
            let s = src_seq[src_ctr % REGS];
            src_ctr += 1;
            s
        };

        let mut cache_ops = [CacheOp::default(); CNT_CACHE];
        let mut math_ops = [MathOp::default(); CNT_MATH];
        for i in 0..CNT_CACHE.max(CNT_MATH) {
            if i < CNT_CACHE {
                let src = next_src();
                let dst = next_dst();
                let sel = rng.next_u32();
                cache_ops[i] = CacheOp { src, dst, sel };
            }
            if i < CNT_MATH {
                // src_rnd < 992 = 32 × 31, so both halves are register numbers.
                let src_rnd = (rng.next_u32() % (REGS * (REGS - 1)) as u32) as usize;
                let src1 = src_rnd % REGS;
                let mut src2 = src_rnd / REGS;
                if src2 >= src1 {
                    src2 += 1;
                }
                let sel1 = rng.next_u32();
                let dst = next_dst();
                let sel2 = rng.next_u32();
                math_ops[i] = MathOp { src1, src2, sel1, dst, sel2 };
            }
        }
        let mut dag_dst = [0usize; DAG_WORDS_PER_LANE];
        let mut dag_sel = [0u32; DAG_WORDS_PER_LANE];
        for i in 0..DAG_WORDS_PER_LANE {
            dag_dst[i] = if i == 0 { 0 } else { next_dst() };
            dag_sel[i] = rng.next_u32();
        }
        Self { cache_ops, math_ops, dag_dst, dag_sel }
    }
}

/// Merges `b` into `a` keeping entropy (`random_merge`).
#[inline(always)]
fn merge(a: u32, b: u32, sel: u32) -> u32 {
    let x = ((sel >> 16) % 31) + 1;
    match sel % 4 {
        0 => a.wrapping_mul(33).wrapping_add(b),
        1 => (a ^ b).wrapping_mul(33),
        2 => a.rotate_left(x) ^ b,
        _ => a.rotate_right(x) ^ b,
    }
}

/// A random math operation (`random_math`).
#[inline(always)]
fn math(a: u32, b: u32, sel: u32) -> u32 {
    match sel % 11 {
        0 => a.wrapping_add(b),
        1 => a.wrapping_mul(b),
        // The high half of a 32 × 32-bit product fits in 32 bits.
        2 => ((u64::from(a) * u64::from(b)) >> 32) as u32,
        3 => a.min(b),
        4 => a.rotate_left(b),
        5 => a.rotate_right(b),
        6 => a & b,
        7 => a | b,
        8 => a ^ b,
        9 => a.leading_zeros() + b.leading_zeros(),
        _ => a.count_ones() + b.count_ones(),
    }
}

type Mix = [[u32; REGS]; LANES];

/// Fills the registers of every lane from the hash seed (`init_mix`).
fn init_mix(seed0: u32, seed1: u32) -> Mix {
    let z = fnv1a(FNV_OFFSET_BASIS, seed0);
    let w = fnv1a(z, seed1);
    let mut mix = [[0u32; REGS]; LANES];
    for (l, lane) in mix.iter_mut().enumerate() {
        // l < 16, so the cast is exact.
        let jsr = fnv1a(w, l as u32);
        let jcong = fnv1a(jsr, l as u32);
        let mut rng = Kiss99::new(z, w, jsr, jcong);
        for reg in lane.iter_mut() {
            *reg = rng.next_u32();
        }
    }
    mix
}

/// One ProgPoW round (`round`).
#[inline]
fn round(ctx: &EpochContext, r: u32, mix: &mut Mix, prog: &Program) {
    // r mod 16 indexes the lanes.
    let lane0 = mix[(r as usize) % LANES][0];
    let item_index = ctx.item_2048_modulus().reduce(lane0);
    let item = ctx.compute_dataset_item_2048(item_index);
    let l1 = ctx.l1_cache();

    for i in 0..CNT_CACHE.max(CNT_MATH) {
        if i < CNT_CACHE {
            let op = prog.cache_ops[i];
            for lane in mix.iter_mut() {
                let offset = lane[op.src] as usize % L1_WORDS;
                lane[op.dst] = merge(lane[op.dst], l1[offset], op.sel);
            }
        }
        if i < CNT_MATH {
            let op = prog.math_ops[i];
            for lane in mix.iter_mut() {
                let data = math(lane[op.src1], lane[op.src2], op.sel1);
                lane[op.dst] = merge(lane[op.dst], data, op.sel2);
            }
        }
    }

    for (l, lane) in mix.iter_mut().enumerate() {
        // (l XOR r) mod 16 < 16, so the offset stays inside the 64-word item.
        let offset = ((l ^ r as usize) % LANES) * DAG_WORDS_PER_LANE;
        for i in 0..DAG_WORDS_PER_LANE {
            let dst = prog.dag_dst[i];
            lane[dst] = merge(lane[dst], item[offset + i], prog.dag_sel[i]);
        }
    }
}

/// Returns the ProgPoW mix hash (ProgPoW byte order) for the seed words of the initial Keccak.
pub(crate) fn hash_mix(ctx: &EpochContext, height: u32, seed0: u32, seed1: u32) -> [u8; 32] {
    let mut mix = init_mix(seed0, seed1);
    let prog = Program::new(u64::from(height / PERIOD_LENGTH));
    for r in 0..ROUNDS {
        round(ctx, r, &mut mix, &prog);
    }

    let mut lane_hash = [0u32; LANES];
    for (h, lane) in lane_hash.iter_mut().zip(mix.iter()) {
        *h = lane.iter().fold(FNV_OFFSET_BASIS, |acc, &x| fnv1a(acc, x));
    }
    let mut words = [FNV_OFFSET_BASIS; 8];
    for (l, h) in lane_hash.iter().enumerate() {
        words[l % 8] = fnv1a(words[l % 8], *h);
    }
    let mut out = [0u8; 32];
    for (chunk, w) in out.chunks_exact_mut(4).zip(words) {
        chunk.copy_from_slice(&w.to_le_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kiss99_reference_sequence() {
        // The ProgPoW specification's KISS99 test (EIP-1057 test vectors): Marsaglia's seeds, the
        // first four outputs and the 100,000th.
        let mut rng = Kiss99::new(362_436_069, 521_288_629, 123_456_789, 380_116_160);
        assert_eq!(rng.next_u32(), 769_445_856);
        assert_eq!(rng.next_u32(), 742_012_328);
        assert_eq!(rng.next_u32(), 2_121_196_314);
        assert_eq!(rng.next_u32(), 2_805_620_942);
        for _ in 4..99_999 {
            rng.next_u32();
        }
        assert_eq!(rng.next_u32(), 941_074_834);
    }

    #[test]
    fn merge_and_math_cover_every_selector() {
        assert_eq!(merge(1, 2, 0), 35);
        assert_eq!(merge(1, 2, 1), 99);
        assert_eq!(merge(1, 0, 2), 2);
        assert_eq!(merge(2, 0, 3), 1);
        assert_eq!(math(0, 0, 9), 64);
        assert_eq!(math(0xffff_ffff, 0xffff_ffff, 2), 0xffff_fffe);
        assert_eq!(math(0xff, 1, 10), 9);
    }
}
