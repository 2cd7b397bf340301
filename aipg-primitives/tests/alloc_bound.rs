// SPDX-License-Identifier: MIT
//! Decoding untrusted bytes never allocates more than `K` times the input, plus a small
//! constant: the promise of the workspace README, checked with a global allocator that records
//! the peak of live heap bytes.
//!
//! # The bound
//! `K` = 24 (on 64-bit targets). At any moment of a decode the live heap is made of:
//! - (a) the buffers of the vectors being filled: at most the block's transactions and one of a
//!   transaction's inputs or outputs. [`Reader::read_vec`] reserves only for counts the bytes
//!   left can hold at `MIN_ENCODED_LEN` bytes per element, so each buffer is at most
//!   `size_of::<T>() / T::MIN_ENCODED_LEN` bytes per input byte: 56/10 for transactions and
//!   32/9 for outputs (112/41 for inputs);
//! - (b) the heap of what is already decoded: scripts and asset strings are copied at their
//!   exact size (1 byte per byte), a witness allocates once at its final size (one `usize` per
//!   item, each at least one byte, plus the item bytes: at most 8 per byte), and a finished
//!   vector holds at most its ratio from (a) per byte it consumed;
//! - (c) while a vector past `MAX_PREALLOCATION` grows, the new buffer next to the old one:
//!   no more than the vector's bound from (a), since growth stops at the count.
//!
//! So the peak is at most (56/10 + 32/9 + 8 + 56/10) × input ≈ 22.8 × input, below `K`.
//! [`derived_bound`] recomputes this from the types' sizes, so a type that grows fails here.
//! The allocator counts a reallocation as a new buffer next to the old one, the worst case.
//!
//! This file holds a single test: the allocator is global, and a second test running on
//! another thread would add its allocations to the peak.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    missing_docs,
    clippy::indexing_slicing,
    clippy::cast_possible_truncation
)]

use aipg_primitives::block::{Block, LEGACY_HEADER_LEN, MAX_BLOCK_TXS, MIN_TX_LEN};
use aipg_primitives::encode::{Decode, DecodeWith, Reader, write_compact_size};
use aipg_primitives::network::{AIPG_MAIN, NetworkParams};
use aipg_primitives::script::ScriptBuf;
use aipg_primitives::transaction::{
    MAX_TX_INPUTS, MAX_TX_OUTPUTS, MIN_TXIN_LEN, MIN_TXOUT_LEN, OutPoint, Transaction, TxIn, TxOut,
    Witness,
};
use core::mem::size_of;
use peak_alloc::PeakAlloc;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

#[global_allocator]
static PEAK: PeakAlloc = PeakAlloc;

/// Bytes of heap a decode may hold per input byte.
const K: usize = 24;
/// Bytes a decode may hold whatever its input (none are needed today).
const SLACK: usize = 1024;
/// Headers are read in the legacy layout: KAWPOW never activates.
const NEVER: &NetworkParams = &NetworkParams { kawpow_activation_time: u32::MAX, ..AIPG_MAIN };

/// Recomputes the bound of the module docs from the sizes of the decoded types.
fn derived_bound() -> f64 {
    let ratio = |size: usize, min: usize| size as f64 / min as f64;
    let txs = ratio(size_of::<Transaction>(), MIN_TX_LEN);
    let outputs = ratio(size_of::<TxOut>(), MIN_TXOUT_LEN);
    let inputs = ratio(size_of::<TxIn>(), MIN_TXIN_LEN);
    let witness = ratio(size_of::<usize>(), 1);
    let finished = witness.max(inputs).max(outputs).max(txs).max(1.0);
    txs + outputs.max(inputs) + finished + txs.max(outputs).max(inputs)
}

/// Runs `decode` on `input` and returns the peak of heap bytes it added.
fn peak_of(input: &[u8], decode: impl FnOnce(&[u8])) -> usize {
    let base = PEAK.current_usage();
    PEAK.reset_peak_usage();
    decode(input);
    PEAK.peak_usage().saturating_sub(base)
}

/// A decoder under test and its name.
type Decoder = (&'static str, fn(&[u8]));

/// Every decoder under test, by name.
fn decoders() -> Vec<Decoder> {
    fn run<T: Decode>(b: &[u8]) {
        let _ = T::decode(&mut Reader::new(b));
    }
    vec![
        ("transaction", run::<Transaction>),
        ("transaction (no witness)", |b| {
            let _ = Transaction::decode_no_witness(&mut Reader::new(b));
        }),
        ("input", run::<TxIn>),
        ("output", run::<TxOut>),
        ("outpoint", run::<OutPoint>),
        ("script", run::<ScriptBuf>),
        ("witness", run::<Witness>),
        ("block", |b| {
            let _ = Block::decode_with(&mut Reader::new(b), NEVER);
        }),
        ("block (no witness)", |b| {
            let _ = Block::decode_no_witness_with(&mut Reader::new(b), NEVER);
        }),
    ]
}

/// Checks every decoder on `input` and returns the highest peak per input byte.
fn check(what: &str, input: &[u8]) -> f64 {
    let mut worst = 0f64;
    for (name, decode) in decoders() {
        let peak = peak_of(input, decode);
        worst = worst.max(peak as f64 / input.len().max(1) as f64);
        assert!(
            peak <= K * input.len() + SLACK,
            "{what}: decoding {} bytes as {name} peaked at {peak} heap bytes (bound {})",
            input.len(),
            K * input.len() + SLACK
        );
    }
    worst
}

fn compact(n: usize) -> Vec<u8> {
    let mut v = Vec::new();
    write_compact_size(&mut v, n as u64);
    v
}

/// A block header (all zero, legacy layout) and a transaction count.
fn block_prefix(txs: usize) -> Vec<u8> {
    let mut v = vec![0u8; LEGACY_HEADER_LEN];
    v.extend(compact(txs));
    v
}

/// A transaction in extended form: `inputs` empty inputs, `outputs` empty outputs, and
/// `items` empty witness items on the first input.
fn tx(inputs: usize, outputs: usize, items: usize) -> Vec<u8> {
    let mut v = 2i32.to_le_bytes().to_vec();
    if items > 0 {
        v.extend([0, 1]);
    }
    v.extend(compact(inputs));
    v.resize(v.len() + inputs * MIN_TXIN_LEN, 0);
    v.extend(compact(outputs));
    v.resize(v.len() + outputs * MIN_TXOUT_LEN, 0);
    if items > 0 {
        v.extend(compact(items));
        v.resize(v.len() + items, 0);
        v.resize(v.len() + inputs - 1, 0);
    }
    v.extend(0u32.to_le_bytes());
    v
}

/// Inputs built to make the decoders reserve as much as they can.
fn adversarial() -> Vec<(&'static str, Vec<u8>)> {
    let mut cases = Vec::new();
    let mut announce = |what, mut prefix: Vec<u8>, count: usize| {
        prefix.extend(compact(count));
        cases.push((what, prefix));
    };
    // Counts with nothing behind them: refused before anything is reserved.
    let version = 2i32.to_le_bytes().to_vec();
    announce("0x02000000 inputs announced", version.clone(), 0x0200_0000);
    announce("the most inputs announced", version.clone(), MAX_TX_INPUTS);
    announce("the most transactions announced", vec![0u8; LEGACY_HEADER_LEN], MAX_BLOCK_TXS);
    announce("the most witness items announced", Vec::new(), 0x0200_0000);
    let mut no_outputs = version.clone();
    no_outputs.extend(compact(1));
    no_outputs.extend([0u8; MIN_TXIN_LEN]);
    announce("the most outputs announced", no_outputs, MAX_TX_OUTPUTS);

    // Every count as large as the bytes after it allow, each element valid, and the last field
    // missing, so the decode fails with its vectors full.
    let mut inputs = tx(MAX_TX_INPUTS, 0, 0);
    inputs.truncate(inputs.len() - 5);
    cases.push(("the most inputs, then the end", inputs));
    let mut outputs = tx(1, MAX_TX_OUTPUTS, 0);
    outputs.truncate(outputs.len() - 4);
    cases.push(("the most outputs, then the end", outputs));
    let mut items = tx(1, 0, 1_000_000);
    items.truncate(items.len() - 4);
    cases.push(("a million empty witness items, then the end", items));

    // A block announcing as many transactions as its bytes allow, whose first transaction
    // fills an output vector past the preallocation and then ends.
    let outputs = 200_000;
    let mut nested = block_prefix((MIN_TXIN_LEN + outputs * MIN_TXOUT_LEN) / MIN_TX_LEN);
    let mut first = tx(1, outputs, 0);
    first.truncate(first.len() - 4);
    nested.extend(first);
    cases.push(("a block of the most transactions, the first with the most outputs", nested));

    // A block of the most empty transactions: the vector grows past the preallocation.
    let mut empty = block_prefix(MAX_BLOCK_TXS);
    for _ in 0..MAX_BLOCK_TXS {
        empty.extend(2i32.to_le_bytes());
        empty.extend([0, 0]);
        empty.extend(0u32.to_le_bytes());
    }
    cases.push(("a block of the most empty transactions", empty.clone()));
    empty.truncate(empty.len() - 1);
    cases.push(("a block of the most empty transactions, cut short", empty));

    // A block of transactions that each carry a witness of empty items.
    let mut witnesses = block_prefix(2_000);
    for _ in 0..2_000 {
        witnesses.extend(tx(1, 1, 400));
    }
    cases.push(("a block of 2,000 transactions with 400-item witnesses", witnesses));
    cases
}

/// Random transactions, encoded, then cut or altered: inputs that get deep into the decoders.
fn structured() -> impl Strategy<Value = Vec<u8>> {
    let script = proptest::collection::vec(any::<u8>(), 0..40);
    let witness = proptest::collection::vec(proptest::collection::vec(any::<u8>(), 0..8), 0..6);
    let input = (any::<[u8; 36]>(), script.clone(), any::<u32>(), witness);
    let output = (any::<i64>(), script);
    let tx = (
        any::<i32>(),
        proptest::collection::vec(input, 0..6),
        proptest::collection::vec(output, 0..6),
        any::<u32>(),
    )
        .prop_map(|(version, inputs, outputs, lock_time)| {
            let mut t = Transaction { version, lock_time, ..Transaction::default() };
            for (outpoint, script, sequence, witness) in inputs {
                let mut r = Reader::new(&outpoint);
                t.input.push(TxIn {
                    previous_output: OutPoint::decode(&mut r).unwrap(),
                    script_sig: ScriptBuf::from_bytes(script),
                    sequence,
                    witness: Witness::from(witness),
                });
            }
            for (value, script) in outputs {
                t.output.push(TxOut { value, script_pubkey: ScriptBuf::from_bytes(script) });
            }
            aipg_primitives::encode::Encode::to_bytes(&t)
        });
    let block = proptest::collection::vec(tx.clone(), 0..4).prop_map(|txs| {
        let mut b = block_prefix(txs.len());
        txs.iter().for_each(|t| b.extend(t));
        b
    });
    (prop_oneof![tx, block], any::<prop::sample::Index>(), any::<(prop::sample::Index, u8)>())
        .prop_map(|(mut bytes, cut, (at, byte))| {
            if !bytes.is_empty() {
                let i = at.index(bytes.len());
                bytes[i] = byte;
                bytes.truncate(cut.index(bytes.len() + 1));
            }
            bytes
        })
}

#[test]
fn decoding_allocates_at_most_k_times_the_input() {
    let derived = derived_bound();
    assert!(derived <= K as f64, "the types' sizes now allow {derived:.1} bytes per byte");

    for (what, input) in adversarial() {
        let worst = check(what, &input);
        eprintln!("{what}: {} bytes, peak {worst:.2} heap bytes per byte", input.len());
    }
    // A 7-byte transaction prefix announcing the most inputs reserves nothing.
    let mut prefix = 2i32.to_le_bytes().to_vec();
    prefix.extend(compact(MAX_TX_INPUTS));
    assert_eq!(prefix.len(), 7);
    assert_eq!(peak_of(&prefix, decoders()[0].1), 0);

    let mut runner =
        TestRunner::new(Config { cases: 512, failure_persistence: None, ..Config::default() });
    runner
        .run(&proptest::collection::vec(any::<u8>(), 0..600), |bytes| {
            check("random bytes", &bytes);
            Ok(())
        })
        .unwrap();
    runner
        .run(&structured(), |bytes| {
            check("a cut or altered encoding", &bytes);
            Ok(())
        })
        .unwrap();
    // Large, mostly valid inputs cut at random points.
    let adversarial = adversarial();
    let mut runner =
        TestRunner::new(Config { cases: 32, failure_persistence: None, ..Config::default() });
    runner
        .run(&(any::<prop::sample::Index>(), any::<prop::sample::Index>()), |(case, cut)| {
            let (what, input) = &adversarial[case.index(adversarial.len())];
            check(what, &input[..cut.index(input.len() + 1)]);
            Ok(())
        })
        .unwrap();
}
