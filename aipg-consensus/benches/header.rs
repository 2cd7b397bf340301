// SPDX-License-Identifier: MIT
//! Validation of a KAWPOW header against a 200-header chain (Dark Gravity Wave window, median
//! time past), with a prebuilt epoch context.

#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::cast_possible_truncation
)]

use aipg_consensus::header::{
    HeaderChainVerifier, HeaderContext, HeaderRules, PreparedHeader, check_header,
    check_header_contextual, check_header_pow,
};
use aipg_consensus::pow::difficulty::{HeaderInfo, next_work_required};
use aipg_consensus::pow::kawpow::{self, EpochContext};
use aipg_primitives::block::BlockHeader;
use aipg_primitives::hash::{BlockHash, MerkleRoot, MixHash};
use aipg_primitives::network::{AIPG_REGTEST, NetworkParams};
use aipg_primitives::units::CompactTarget;
use criterion::{Criterion, black_box, criterion_group, criterion_main};
use std::sync::Arc;

/// Regtest limits, one-second spacing, DGW from height 1 and KAWPOW from genesis time.
const PARAMS: NetworkParams = NetworkParams {
    allow_min_difficulty_blocks: false,
    no_retargeting: false,
    pow_target_spacing: 1,
    dgw_activation_height: 1,
    kawpow_activation_time: 1_600_000_000,
    checkpoints: &[],
    ..AIPG_REGTEST
};

/// Mines `header` (its `nBits` already set) with the real mix.
fn mine(mut h: BlockHeader, ctx: &EpochContext) -> BlockHeader {
    let target = h.bits.to_target().expect("DGW gives valid targets").to_u256().to_be_bytes();
    for nonce in 0.. {
        let r = kawpow::hash(ctx, h.height, &h.kawpow_progpow_header(), nonce)
            .expect("heights stay in epoch 0");
        if kawpow::is_below_target(&r.final_hash, &target) {
            h.nonce64 = nonce;
            let mut mix = r.mix_hash;
            mix.reverse();
            h.mix_hash = MixHash::from_byte_array(mix);
            return h;
        }
    }
    unreachable!("a target near the limit is met within a few tries")
}

fn bench_header(c: &mut Criterion) {
    let ctx = Arc::new(EpochContext::new(0).expect("epoch 0 is supported"));
    // 200 past headers, 4 s apart with one-second spacing: DGW clamps the timespan to three times
    // the target and asks for three times the window's target, 0x1f400000 (2^246), without the
    // 256-bit wrap-around a target near the limit would cause. Only the new header is mined.
    let infos: Vec<HeaderInfo> = (0..200u32)
        .map(|h| {
            HeaderInfo::new(h, 1_600_000_000 + 4 * h, CompactTarget::from_consensus(0x1f40_0000))
        })
        .collect();
    let parent = infos[199];
    let time = parent.time + 4;
    let bits = next_work_required(&PARAMS, infos.as_slice(), &parent, time)
        .expect("the whole window is in the view");
    let parent_hash = BlockHash::from_byte_array([0x22; 32]);
    let header = mine(
        BlockHeader {
            version: 0x3000_0000,
            prev_blockhash: parent_hash,
            merkle_root: MerkleRoot::from_byte_array([0x11; 32]),
            time,
            bits,
            height: 200,
            ..BlockHeader::default()
        },
        &ctx,
    );
    let header = &header;
    let hctx = HeaderContext { chain: infos.as_slice(), parent, parent_hash, now: 1_700_000_000 };
    let rules = HeaderRules::STRICT;
    let mut provider = Arc::clone(&ctx);
    let prepared = PreparedHeader::new(header, &PARAMS);
    check_header(&prepared, &PARAMS, &rules, &hctx, &mut provider).expect("the header is valid");

    // Every measurement starts from the decoded header: preparing it (the header and final
    // hashes) is part of the work.
    let mut group = c.benchmark_group("header");
    group.bench_function("check_header/kawpow_full", |b| {
        b.iter(|| {
            let prepared = PreparedHeader::new(black_box(header), &PARAMS);
            check_header(&prepared, &PARAMS, &rules, &hctx, &mut provider)
        })
    });
    group.bench_function("check_header_contextual/kawpow", |b| {
        b.iter(|| {
            let prepared = PreparedHeader::new(black_box(header), &PARAMS);
            check_header_contextual(&prepared, &PARAMS, &rules, &hctx)
        })
    });
    group.bench_function("check_header_pow/kawpow", |b| {
        b.iter(|| {
            let prepared = PreparedHeader::new(black_box(header), &PARAMS);
            check_header_pow(&prepared, &rules, &mut provider)
        })
    });
    group.finish();
}

/// A run of 200 consecutive X16R headers at regtest's difficulty rule, each mined at the limit, and the verification of the whole run as `aipg headers verify` does it.
fn bench_verify_run(c: &mut Criterion) {
    // Regtest's difficulty rule: every header requires the limit.
    const LEGACY: NetworkParams = NetworkParams {
        kawpow_activation_time: u32::MAX,
        x16rv2_activation_time: u32::MAX,
        allow_min_difficulty_blocks: true,
        no_retargeting: true,
        ..PARAMS
    };
    let limit = LEGACY.pow_limit_bits;
    let target = limit.to_target().expect("the limit is a valid target");
    let mut run: Vec<BlockHeader> = Vec::new();
    let mut prev = BlockHash::from_byte_array([0x22; 32]);
    for height in 0..200u32 {
        let mut h = BlockHeader {
            version: 0x3000_0000,
            prev_blockhash: prev,
            merkle_root: MerkleRoot::from_byte_array([0x11; 32]),
            time: 1_600_000_000 + 4 * height,
            bits: limit,
            ..BlockHeader::default()
        };
        while !target.is_met_by(h.block_hash(&LEGACY).as_byte_array()) {
            h.nonce += 1;
        }
        prev = h.block_hash(&LEGACY);
        run.push(h);
    }
    let verifier = HeaderChainVerifier::new(&LEGACY, HeaderRules::STRICT);
    let mut epochs = Arc::new(EpochContext::new(0).expect("epoch 0 is supported"));
    assert!(verifier.verify(0, &run, &mut epochs).iter().all(|v| v.is_valid()));
    c.bench_function("header/verify_run/x16r_200", |b| {
        b.iter(|| verifier.verify(0, black_box(&run), &mut epochs))
    });
}

criterion_group!(benches, bench_header, bench_verify_run);
criterion_main!(benches);
