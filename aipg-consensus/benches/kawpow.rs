// SPDX-License-Identifier: MIT
//! KAWPOW light verification, epoch-context building and the DAG-free final hash.

#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::cast_possible_truncation
)]

use aipg_consensus::pow::kawpow::{self, EPOCH_LENGTH, EpochContext};
use criterion::{Criterion, black_box, criterion_group, criterion_main};

fn bench_verify(c: &mut Criterion) {
    let mut group = c.benchmark_group("kawpow");
    group.sample_size(10);
    for epoch in [0u32, 106] {
        let ctx = EpochContext::new(epoch).expect("epochs 0 and 106 are supported");
        let height = epoch * EPOCH_LENGTH + 1;
        let header_hash = [0x5au8; 32];
        let nonce = 0x0123_4567_89ab_cdef;
        let result = kawpow::hash(&ctx, height, &header_hash, nonce).expect("context matches");
        let target = [0xffu8; 32];
        group.bench_function(format!("verify/epoch_{epoch}"), |b| {
            b.iter(|| {
                kawpow::verify(
                    &ctx,
                    black_box(&header_hash),
                    black_box(nonce),
                    height,
                    black_box(&result.mix_hash),
                    &target,
                )
            })
        });
        group.bench_function(format!("build_context/epoch_{epoch}"), |b| {
            b.iter(|| EpochContext::new(black_box(epoch)))
        });
    }
    group.finish();
}

fn bench_final_hash(c: &mut Criterion) {
    let header_hash = [0x5au8; 32];
    let mix = [0xa5u8; 32];
    c.bench_function("kawpow/final_hash_from_mix", |b| {
        b.iter(|| kawpow::hash_no_verify(black_box(&header_hash), black_box(7), black_box(&mix)))
    });
}

criterion_group!(benches, bench_verify, bench_final_hash);
criterion_main!(benches);
