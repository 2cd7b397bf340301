//! X16R / X16RV2 of an 80-byte header, and each sub-hash on 80 bytes.

// criterion_group! generates an undocumented function.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::cast_possible_truncation
)]

use aipg_primitives::hash::x16r::{Algorithm, algorithm_order, tiger, x16r, x16rv2};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

/// An 80-byte header whose previous-block hash selects all sixteen functions once
/// (order 0, 1, …, f).
fn header() -> [u8; 80] {
    let mut h = [0u8; 80];
    for (i, b) in h.iter_mut().enumerate() {
        *b = (i as u8).wrapping_mul(37).wrapping_add(11);
    }
    // Round i reads nibble 15 - i of hashPrevBlock (bytes 4..36); digit i at round i.
    for i in 0..16u8 {
        let k = usize::from(15 - i);
        let byte = &mut h[4 + k / 2];
        if k % 2 == 1 {
            *byte = (*byte & 0x0f) | (i << 4);
        } else {
            *byte = (*byte & 0xf0) | i;
        }
    }
    h
}

/// Registers the benchmarks.
fn bench(c: &mut Criterion) {
    let header = header();
    let mut prev = [0u8; 32];
    prev.copy_from_slice(&header[4..36]);
    assert_eq!(algorithm_order(&prev), Algorithm::ALL);

    c.bench_function("x16r/header80", |b| b.iter(|| x16r(black_box(&header))));
    c.bench_function("x16rv2/header80", |b| b.iter(|| x16rv2(black_box(&header))));

    let mut group = c.benchmark_group("sub/80");
    for algo in Algorithm::ALL {
        group.bench_function(algo.name(), |b| b.iter(|| algo.hash(black_box(&header))));
    }
    group.bench_function("tiger192", |b| b.iter(|| tiger(black_box(&header))));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
