//! The same measurements on the same bytes with `aipg-primitives` and with the `bitcoin` crate
//! (rust-bitcoin): decoding a typical 2-in-2-out P2PKH transaction, decoding a ~1 MB block of
//! them (80-byte header, so both libraries read identical bytes), txid, and the merkle root.
//!
//! Run: `cargo bench --manifest-path compare/rust-bitcoin/Cargo.toml`.

#![allow(missing_docs)]

use aipg_primitives::block::{Block, BlockHeader, genesis_block};
use aipg_primitives::encode::{DecodeWith, Encode, EncodeWith, decode_exact};
use aipg_primitives::hash::Txid;
use aipg_primitives::network::AIPG_MAIN;
use aipg_primitives::script::ScriptBuf;
use aipg_primitives::transaction::{OutPoint, Transaction, TxIn, TxOut, Witness};
use bitcoin::consensus::deserialize;
use criterion::{Criterion, Throughput, black_box, criterion_group, criterion_main};

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

/// A ~1 MB block with a legacy (80-byte) header, the layout rust-bitcoin reads.
fn one_mb_block() -> Block {
    let mut block = genesis_block(&AIPG_MAIN);
    block.header = BlockHeader { time: AIPG_MAIN.kawpow_activation_time - 60, ..block.header };
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
    let btc_tx: bitcoin::Transaction =
        deserialize(&tx_bytes).expect("rust-bitcoin reads the transaction");
    let btc_block: bitcoin::Block =
        deserialize(&block_bytes).expect("rust-bitcoin reads the block");
    assert_eq!(
        btc_tx.compute_txid().to_string(),
        tx.txid().to_string(),
        "both libraries agree on the txid"
    );
    assert_eq!(
        btc_block.compute_merkle_root().expect("non-empty").to_string(),
        block.compute_merkle_root().0.to_string(),
        "both libraries agree on the merkle root"
    );

    let mut g = c.benchmark_group("tx_decode");
    g.throughput(Throughput::Bytes(tx_bytes.len() as u64));
    g.bench_function("aipg", |b| {
        b.iter(|| decode_exact::<Transaction>(black_box(&tx_bytes)).unwrap())
    });
    g.bench_function("rust-bitcoin", |b| {
        b.iter(|| deserialize::<bitcoin::Transaction>(black_box(&tx_bytes)).unwrap())
    });
    g.finish();

    let mut g = c.benchmark_group("txid");
    g.throughput(Throughput::Bytes(tx_bytes.len() as u64));
    g.bench_function("aipg", |b| b.iter(|| black_box(&tx).txid()));
    g.bench_function("rust-bitcoin", |b| b.iter(|| black_box(&btc_tx).compute_txid()));
    g.finish();

    let mut g = c.benchmark_group("block_decode");
    g.throughput(Throughput::Bytes(block_bytes.len() as u64));
    g.bench_function("aipg", |b| {
        b.iter(|| Block::decode_exact_with(black_box(&block_bytes), t).unwrap())
    });
    g.bench_function("rust-bitcoin", |b| {
        b.iter(|| deserialize::<bitcoin::Block>(black_box(&block_bytes)).unwrap())
    });
    g.finish();

    let mut g = c.benchmark_group("merkle_root");
    g.throughput(Throughput::Bytes(block_bytes.len() as u64));
    g.bench_function("aipg", |b| b.iter(|| black_box(&block).compute_merkle_root()));
    g.bench_function("rust-bitcoin", |b| b.iter(|| black_box(&btc_block).compute_merkle_root()));
    g.finish();
}

criterion_group! {
    name = compare;
    config = Criterion::default().warm_up_time(std::time::Duration::from_secs(1)).measurement_time(std::time::Duration::from_secs(4));
    targets = benches
}
criterion_main!(compare);
