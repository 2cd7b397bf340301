// SPDX-License-Identifier: MIT
//! Ethash epoch data: sizes, seeds, the light cache and dataset items computed from it.
//!
//! Mirrors `AIPowerGrid/AI-Power-Grid-Core: src/crypto/ethash/lib/ethash/ethash.cpp` with the
//! KAWPOW parameters (512 parents per 512-bit item).

// Light-cache and dataset indices are reduced modulo the item counts (`FastMod`) and hash words
// index fixed-size items; casts split 64-bit products into the 32-bit words the algorithm uses.
#![allow(clippy::indexing_slicing, clippy::cast_possible_truncation)]

use super::keccak::{keccak256_32, keccak512_32, keccak512_64};
use alloc::vec::Vec;

/// Blocks per epoch (`ETHASH_EPOCH_LENGTH`).
pub const EPOCH_LENGTH: u32 = 7_500;

/// The largest epoch whose sizes fit the reference's 32-bit item counts
/// (`ETHASH_MAX_EPOCH_NUMBER`, `include/ethash/ethash.h`).
pub const MAX_EPOCH: u32 = 32_639;

/// Light-cache size of epoch 0 in bytes (`ETHASH_LIGHT_CACHE_INIT_SIZE`).
const LIGHT_CACHE_INIT_SIZE: u64 = 1 << 24;
/// Light-cache growth per epoch in bytes (`ETHASH_LIGHT_CACHE_GROWTH`).
const LIGHT_CACHE_GROWTH: u64 = 1 << 17;
/// Full-dataset size of epoch 0 in bytes (`ETHASH_FULL_DATASET_INIT_SIZE`).
const FULL_DATASET_INIT_SIZE: u64 = 1 << 30;
/// Full-dataset growth per epoch in bytes (`ETHASH_FULL_DATASET_GROWTH`).
const FULL_DATASET_GROWTH: u64 = 1 << 23;
/// Bytes per light-cache item.
pub(crate) const LIGHT_ITEM_BYTES: u64 = 64;
/// Bytes per full-dataset item as counted by `full_dataset_items` (1024 bits).
pub(crate) const FULL_ITEM_BYTES: u64 = 128;
/// Light-cache build rounds (`light_cache_num_rounds`).
const LIGHT_CACHE_ROUNDS: usize = 3;
/// Parents of each 512-bit dataset item in KAWPOW (`full_dataset_item_parents`).
pub(crate) const DATASET_PARENTS: u32 = 512;

/// FNV prime.
pub(crate) const FNV_PRIME: u32 = 0x0100_0193;
/// FNV offset basis.
pub(crate) const FNV_OFFSET_BASIS: u32 = 0x811c_9dc5;

/// `fnv1(u, v) = (u × prime) XOR v` mod 2^32.
#[inline(always)]
pub(crate) fn fnv1(u: u32, v: u32) -> u32 {
    u.wrapping_mul(FNV_PRIME) ^ v
}

/// `fnv1a(u, v) = (u XOR v) × prime` mod 2^32.
#[inline(always)]
pub(crate) fn fnv1a(u: u32, v: u32) -> u32 {
    (u ^ v).wrapping_mul(FNV_PRIME)
}

/// Returns the epoch of a block height (`get_epoch_number`).
#[inline]
pub const fn epoch_number(height: u32) -> u32 {
    height / EPOCH_LENGTH
}

fn is_prime(n: u32) -> bool {
    if n < 2 {
        return false;
    }
    if n % 2 == 0 {
        return n == 2;
    }
    let mut d: u32 = 3;
    // d ≤ 65_537 here, so d × d cannot overflow u64.
    while u64::from(d) * u64::from(d) <= u64::from(n) {
        if n % d == 0 {
            return false;
        }
        d += 2;
    }
    true
}

/// Returns the largest prime ≤ `upper` (`ethash_find_largest_prime`), or 0 when there is none.
fn largest_prime(upper: u32) -> u32 {
    if upper < 2 {
        return 0;
    }
    if upper == 2 {
        return 2;
    }
    let mut n = if upper % 2 == 0 { upper - 1 } else { upper };
    while n > 2 && !is_prime(n) {
        n -= 2;
    }
    n
}

/// Returns the number of 64-byte light-cache items of `epoch`
/// (`calculate_light_cache_num_items`): the largest prime ≤ 262,144 + 2,048 × epoch.
///
/// `epoch` must be at most [`MAX_EPOCH`] for the count to match the reference; larger values are
/// computed with saturating arithmetic.
pub fn light_cache_items(epoch: u32) -> u32 {
    let upper = (LIGHT_CACHE_INIT_SIZE + u64::from(epoch) * LIGHT_CACHE_GROWTH) / LIGHT_ITEM_BYTES;
    largest_prime(u32::try_from(upper).unwrap_or(u32::MAX))
}

/// Returns the number of 128-byte full-dataset items of `epoch`
/// (`calculate_full_dataset_num_items`): the largest prime ≤ 8,388,608 + 65,536 × epoch.
///
/// `epoch` must be at most [`MAX_EPOCH`] for the count to match the reference; larger values are
/// computed with saturating arithmetic.
pub fn full_dataset_items(epoch: u32) -> u32 {
    let upper = (FULL_DATASET_INIT_SIZE + u64::from(epoch) * FULL_DATASET_GROWTH) / FULL_ITEM_BYTES;
    largest_prime(u32::try_from(upper).unwrap_or(u32::MAX))
}

/// Returns the seed of `epoch`: Keccak-256 applied `epoch` times to 32 zero bytes
/// (`calculate_epoch_seed`).
pub fn epoch_seed(epoch: u32) -> [u8; 32] {
    let mut seed = [0u8; 32];
    for _ in 0..epoch {
        seed = keccak256_32(&seed);
    }
    seed
}

/// One 64-byte light-cache item as 16 little-endian words, aligned so that it fills exactly one
/// cache line: every parent read while computing a dataset item touches one line, not two.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(C, align(64))]
pub(crate) struct Item(pub(crate) [u32; 16]);

/// `a mod d` by multiplication (Lemire, Kaser and Kurz, "Faster remainder by direct computation",
/// 2019), exact for every 32-bit `a` and divisor `d ≥ 1`. It takes the integer division off the
/// critical path of the dependent parent loads.
#[derive(Clone, Copy, Debug)]
pub(crate) struct FastMod {
    m: u64,
    d: u32,
}

impl FastMod {
    pub(crate) const fn new(d: u32) -> Self {
        let d = if d == 0 { 1 } else { d };
        Self { m: (u64::MAX / d as u64).wrapping_add(1), d }
    }

    #[inline(always)]
    pub(crate) fn reduce(self, a: u32) -> u32 {
        let low = self.m.wrapping_mul(u64::from(a));
        // The high half of a 64 × 32-bit product is below d, so it fits in 32 bits.
        ((u128::from(low) * u128::from(self.d)) >> 64) as u32
    }

    #[inline(always)]
    pub(crate) fn divisor(self) -> u32 {
        self.d
    }
}

/// Light-cache items whose parents are read ahead together during the build.
const TOUCH_AHEAD: usize = 64;

/// Builds the light cache of `n` items from `seed` (`build_light_cache`).
pub(crate) fn build_light_cache(seed: &[u8; 32], n: u32) -> Vec<Item> {
    let len = n as usize;
    let mut cache: Vec<Item> = Vec::with_capacity(len);
    let mut item = keccak512_32(seed);
    cache.push(Item(item));
    for _ in 1..len {
        keccak512_64(&mut item);
        cache.push(Item(item));
    }
    let modn = FastMod::new(n);
    let parent_of = |cache: &[Item], i: usize| modn.reduce(cache[i].0[0]) as usize;
    for _ in 0..LIGHT_CACHE_ROUNDS {
        let mut prev = cache.last().map_or([0u32; 16], |it| it.0);
        for i in 0..len {
            if i % TOUCH_AHEAD == 0 {
                // The parents of the next items are random and usually miss the caches. Their
                // indices are known in advance (each comes from its item's value before this
                // pass reaches it), so their lines are read together here, letting the misses
                // overlap instead of stalling one permutation each. `black_box` keeps these
                // reads from being optimised away.
                for j in i..len.min(i + TOUCH_AHEAD) {
                    core::hint::black_box(cache[parent_of(&cache, j)].0[0]);
                }
            }
            let mut x = cache[parent_of(&cache, i)].0;
            for (a, b) in x.iter_mut().zip(prev.iter()) {
                *a ^= *b;
            }
            keccak512_64(&mut x);
            cache[i].0 = x;
            prev = x;
        }
    }
    cache
}

/// Computes `N` 512-bit dataset items side by side (`calculate_dataset_item_*` with the
/// `item_state` interleaving): their parent chains are independent, so the cache-line loads of
/// the `N` chains overlap.
#[inline(always)]
pub(crate) fn dataset_items<const N: usize>(
    cache: &[Item],
    modn: FastMod,
    first: u64,
) -> [[u32; 16]; N] {
    let n = u64::from(modn.divisor());
    let mut mix = [[0u32; 16]; N];
    let mut seeds = [0u32; N];
    for (s, (m, seed)) in mix.iter_mut().zip(seeds.iter_mut()).enumerate() {
        let j = first + s as u64;
        // The 32-bit truncation of the item index is the reference's `uint32_t(index)`.
        *seed = j as u32;
        // j mod n < n ≤ cache.len(), so the index fits and is in range.
        *m = cache.get((j % n) as usize).map_or([0u32; 16], |it| it.0);
        m[0] ^= *seed;
        keccak512_64(m);
    }
    // Parent of round r: fnv1(seed XOR r, mix[r mod 16]) mod n, with mix as updated by round
    // r - 1. The word that selects the next parent is computed straight from the parent just
    // loaded rather than read back from the updated mix, which keeps the dependent chain
    // load → index → load as short as possible.
    let mut parent_index = [0usize; N];
    for s in 0..N {
        parent_index[s] = modn.reduce(fnv1(seeds[s], mix[s][0])) as usize;
    }
    for r in 0..DATASET_PARENTS {
        let next = r.wrapping_add(1);
        // next mod 16 < 16, so the cast is exact.
        let k = (next % 16) as usize;
        for s in 0..N {
            let parent = &cache[parent_index[s]].0;
            let selector = fnv1(mix[s][k], parent[k]);
            for (m, c) in mix[s].iter_mut().zip(parent.iter()) {
                *m = fnv1(*m, *c);
            }
            // After the last round this index is computed but unused.
            parent_index[s] = modn.reduce(fnv1(seeds[s] ^ next, selector)) as usize;
        }
    }
    for m in mix.iter_mut() {
        keccak512_64(m);
    }
    mix
}

/// Returns the 2048-bit dataset item `index` (512-bit items `4·index … 4·index + 3`) as 64 words.
#[inline]
pub(crate) fn dataset_item_2048(cache: &[Item], modn: FastMod, index: u32) -> [u32; 64] {
    let items = dataset_items::<4>(cache, modn, u64::from(index) * 4);
    let mut out = [0u32; 64];
    for (chunk, it) in out.chunks_exact_mut(16).zip(items.iter()) {
        chunk.copy_from_slice(it);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_0_sizes() {
        assert_eq!(light_cache_items(0), 262_139);
        assert_eq!(full_dataset_items(0), 8_388_593);
        assert_eq!(epoch_seed(0), [0u8; 32]);
    }

    #[test]
    fn largest_prime_small_values() {
        assert_eq!(largest_prime(0), 0);
        assert_eq!(largest_prime(1), 0);
        assert_eq!(largest_prime(2), 2);
        assert_eq!(largest_prime(3), 3);
        assert_eq!(largest_prime(10), 7);
        assert_eq!(largest_prime(13), 13);
        assert_eq!(largest_prime(u32::MAX), 4_294_967_291);
    }

    #[test]
    fn max_epoch_counts_fit_the_reference_int() {
        assert!(full_dataset_items(MAX_EPOCH) < i32::MAX as u32);
        assert!(light_cache_items(MAX_EPOCH) < i32::MAX as u32);
    }

    proptest::proptest! {
        #[test]
        fn fastmod_equals_remainder(a: u32, d in 1u32..) {
            proptest::prop_assert_eq!(FastMod::new(d).reduce(a), a % d);
        }
    }

    #[test]
    fn fastmod_edges() {
        for d in [1u32, 2, 3, 262_139, 8_388_593, 1 << 31, u32::MAX] {
            for a in [0u32, 1, d - 1, d, d.wrapping_add(1), u32::MAX, u32::MAX - 1] {
                assert_eq!(FastMod::new(d).reduce(a), a % d, "a={a} d={d}");
            }
        }
    }
}
