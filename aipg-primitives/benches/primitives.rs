// SPDX-License-Identifier: MIT
//! Transaction and block decoding, txid and merkle root throughput.
//!
//! The data is synthetic: a typical two-input, two-output P2PKH transaction (107-byte input
//! scripts: a 72-byte signature push and a 33-byte key push) and a block of about 1 MB made of
//! such transactions with distinct outpoints. The signature hash benches sign that transaction's
//! inputs with the script code of the first output (a P2PKH script).

// `criterion_group!` defines an undocumented public function.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::cast_possible_truncation
)]

use aipg_primitives::block::{Block, BlockHeader, genesis_block};
use aipg_primitives::encode::{DecodeWith, Encode, EncodeWith, decode_exact};
use aipg_primitives::hash::Txid;
use aipg_primitives::network::AIPG_MAIN;
use aipg_primitives::script::ScriptBuf;
use aipg_primitives::transaction::{
    OutPoint, SighashCache, SighashType, Transaction, TxIn, TxOut, Witness, legacy_sighash,
};
use criterion::{BenchmarkId, Criterion, Throughput, black_box, criterion_group, criterion_main};

fn p2pkh_tx(seed: u32) -> Transaction {
    let mut script_sig = vec![0x48];
    script_sig.extend((0..72u8).map(|i| i ^ (seed as u8)));
    script_sig.push(0x21);
    script_sig.extend((0..33u8).map(|i| i.wrapping_mul(7)));
    let input = (0..2u32)
        .map(|i| {
            let mut txid = [0u8; 32];
            txid[..4].copy_from_slice(&seed.to_le_bytes());
            txid[4] = i as u8;
            TxIn {
                previous_output: OutPoint::new(Txid::from_byte_array(txid), i),
                script_sig: ScriptBuf::from_bytes(script_sig.clone()),
                sequence: 0xffff_fffe,
                witness: Witness::new(),
            }
        })
        .collect();
    let output = (0..2u8)
        .map(|i| {
            let mut spk = vec![0x76, 0xa9, 0x14];
            spk.extend([i; 20]);
            spk.extend([0x88, 0xac]);
            TxOut {
                value: 12_345_678 * i64::from(i + 1),
                script_pubkey: ScriptBuf::from_bytes(spk),
            }
        })
        .collect();
    Transaction { version: 2, input, output, lock_time: 0 }
}

fn one_mb_block() -> Block {
    let mut block = genesis_block(&AIPG_MAIN);
    block.header = BlockHeader { time: AIPG_MAIN.kawpow_activation_time + 60, ..block.header };
    let mut seed = 1;
    while block.total_size(&AIPG_MAIN) < 1_000_000 {
        block.txdata.push(p2pkh_tx(seed));
        seed += 1;
    }
    block.header.merkle_root = block.compute_merkle_root().0;
    block
}

fn benches(c: &mut Criterion) {
    let t = &AIPG_MAIN;
    let tx = p2pkh_tx(0);
    let tx_bytes = tx.to_bytes();
    let block = one_mb_block();
    let block_bytes = block.to_bytes_with(t);

    let mut g = c.benchmark_group("transaction");
    g.throughput(Throughput::Bytes(tx_bytes.len() as u64));
    g.bench_function(BenchmarkId::new("decode_p2pkh_2in_2out", tx_bytes.len()), |b| {
        b.iter(|| decode_exact::<Transaction>(black_box(&tx_bytes)).unwrap())
    });
    g.bench_function(BenchmarkId::new("txid_p2pkh_2in_2out", tx_bytes.len()), |b| {
        b.iter(|| black_box(&tx).txid())
    });
    g.finish();

    let mut g = c.benchmark_group("block");
    g.throughput(Throughput::Bytes(block_bytes.len() as u64));
    g.bench_function(BenchmarkId::new("decode", block_bytes.len()), |b| {
        b.iter(|| Block::decode_exact_with(black_box(&block_bytes), t).unwrap())
    });
    g.bench_function(BenchmarkId::new("merkle_root", block.txdata.len()), |b| {
        b.iter(|| black_box(&block).compute_merkle_root())
    });
    g.finish();
}

fn sighash(c: &mut Criterion) {
    let tx = p2pkh_tx(0);
    let code = tx.output[0].script_pubkey.clone();
    let amount = tx.output[0].value;
    let mut g = c.benchmark_group("sighash");
    g.bench_function("legacy_p2pkh_2in_2out_one_input", |b| {
        b.iter(|| legacy_sighash(black_box(&tx), 1, code.as_script(), SighashType::ALL))
    });
    // Both inputs with a fresh cache: the per-transaction hashes are computed once.
    g.bench_function("bip143_p2pkh_2in_2out_both_inputs", |b| {
        b.iter(|| {
            let mut cache = SighashCache::new(black_box(&tx));
            for index in 0..2 {
                black_box(
                    cache
                        .segwit_v0_sighash(index, code.as_script(), amount, SighashType::ALL)
                        .unwrap(),
                );
            }
        })
    });
    // One input once the cache holds the per-transaction hashes.
    let mut cache = SighashCache::new(&tx);
    cache.bip143_hashes();
    g.bench_function("bip143_p2pkh_2in_2out_one_input_cached", |b| {
        b.iter(|| {
            cache
                .segwit_v0_sighash(black_box(1), code.as_script(), amount, SighashType::ALL)
                .unwrap()
        })
    });
    g.finish();
}

criterion_group!(primitives, benches, sighash);
criterion_main!(primitives);
