// SPDX-License-Identifier: MIT
//! Dark Gravity Wave next-target over a full 180-header window, and the legacy retarget.

#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::cast_possible_truncation
)]

use aipg_consensus::pow::difficulty::{
    HeaderInfo, calculate_next_work_required, next_work_required,
};
use aipg_primitives::network::AIPG_MAIN;
use aipg_primitives::units::CompactTarget;
use criterion::{Criterion, black_box, criterion_group, criterion_main};

fn bench_difficulty(c: &mut Criterion) {
    // 200 headers with varying bits and spacing, all in the KAWPOW era.
    let chain: Vec<HeaderInfo> = (0u32..200)
        .map(|i| {
            let bits = 0x1b04_04cb + (i % 7) * 0x100;
            HeaderInfo::new(
                800_000 + i,
                1_700_000_000 + i * 60 + (i * 37) % 50,
                CompactTarget::from_consensus(bits),
            )
        })
        .collect();
    let tip = *chain.last().unwrap();
    c.bench_function("dgw_next_work_180", |b| {
        b.iter(|| {
            next_work_required(
                &AIPG_MAIN,
                black_box(chain.as_slice()),
                black_box(&tip),
                tip.time + 60,
            )
            .unwrap()
        })
    });
    // At powLimit the 256-bit product wraps; same work, different numbers.
    let limit_chain: Vec<HeaderInfo> = (0u32..200)
        .map(|i| {
            HeaderInfo::new(
                1000 + i,
                1_700_000_000 + i * 60,
                CompactTarget::from_consensus(0x2000_ffff),
            )
        })
        .collect();
    let limit_tip = *limit_chain.last().unwrap();
    c.bench_function("dgw_next_work_180_pow_limit", |b| {
        b.iter(|| {
            next_work_required(
                &AIPG_MAIN,
                black_box(limit_chain.as_slice()),
                black_box(&limit_tip),
                limit_tip.time + 60,
            )
            .unwrap()
        })
    });
    c.bench_function("legacy_retarget", |b| {
        b.iter(|| {
            calculate_next_work_required(
                &AIPG_MAIN,
                black_box(1_262_152_739),
                CompactTarget::from_consensus(0x1e00_ffff),
                black_box(1_261_130_161),
            )
        })
    });
}

criterion_group!(benches, bench_difficulty);
criterion_main!(benches);
