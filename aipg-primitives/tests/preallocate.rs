// SPDX-License-Identifier: MIT
//! Each `Decode::MIN_ENCODED_LEN` is tight: the smallest valid encoding has exactly that length,
//! every shorter input fails, and a vector of `n` smallest elements in `n * MIN_ENCODED_LEN`
//! bytes is read with exactly `n` reserved, while one byte less is refused before anything is
//! reserved (zebra's preallocation tests, `zebra-chain/src/block/tests/preallocate.rs`).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    missing_docs,
    clippy::indexing_slicing,
    clippy::cast_possible_truncation
)]

use aipg_primitives::block::MIN_TX_LEN;
use aipg_primitives::encode::{Decode, DecodeError, Encode, Reader, write_compact_size};
use aipg_primitives::hash::Txid;
use aipg_primitives::script::ScriptBuf;
use aipg_primitives::transaction::{OutPoint, Transaction, TxIn, TxOut, Witness};
use proptest::prelude::*;

/// Checks the tightness of `T::MIN_ENCODED_LEN` with `smallest` a value of minimal encoding.
fn check_tight<T: Decode + Encode + PartialEq + core::fmt::Debug>(smallest: &T) {
    let min = T::MIN_ENCODED_LEN;
    let one = smallest.to_bytes();
    assert_eq!(one.len(), min, "{smallest:?}");
    assert_eq!(T::decode(&mut Reader::new(&one)).as_ref(), Ok(smallest));

    for n in [1usize, 2, 7, 300] {
        let mut bytes = Vec::new();
        write_compact_size(&mut bytes, n as u64);
        for _ in 0..n {
            bytes.extend_from_slice(&one);
        }
        let v: Vec<T> = Reader::new(&bytes).read_vec("test", usize::MAX).unwrap();
        assert_eq!((v.len(), v.capacity()), (n, n));
        bytes.pop();
        let err = Reader::new(&bytes).read_vec::<T>("test", usize::MAX).unwrap_err();
        assert_eq!(
            err,
            DecodeError::UnexpectedEnd { needed: n * min, remaining: n * min - 1 },
            "{n} elements"
        );
    }
}

#[test]
fn minimum_encoded_lengths_are_tight() {
    check_tight(&0u8);
    check_tight(&0u16);
    check_tight(&0u32);
    check_tight(&0u64);
    check_tight(&0i32);
    check_tight(&0i64);
    check_tight(&[0u8; 5]);
    check_tight(&Txid::ZERO);
    check_tight(&OutPoint::NULL);
    check_tight(&ScriptBuf::new());
    check_tight(&Witness::new());
    check_tight(&TxIn::default());
    check_tight(&TxOut::default());
    check_tight(&Transaction::default());
    assert_eq!(Transaction::MIN_ENCODED_LEN, MIN_TX_LEN);
}

#[test]
fn the_smallest_stripped_transaction_has_the_same_minimum() {
    let tx = Transaction::default();
    let mut bytes = Vec::new();
    tx.encode_no_witness(&mut bytes);
    assert_eq!(bytes.len(), MIN_TX_LEN);
    assert_eq!(Transaction::decode_no_witness(&mut Reader::new(&bytes)), Ok(tx));
}

fn fails_when_shorter<T: Decode>(bytes: &[u8]) -> bool {
    let bytes = &bytes[..bytes.len().min(T::MIN_ENCODED_LEN - 1)];
    T::decode(&mut Reader::new(bytes)).is_err()
}

proptest! {
    #[test]
    fn no_shorter_input_decodes(bytes in proptest::collection::vec(any::<u8>(), 0..41)) {
        prop_assert!(fails_when_shorter::<OutPoint>(&bytes));
        prop_assert!(fails_when_shorter::<TxIn>(&bytes));
        prop_assert!(fails_when_shorter::<TxOut>(&bytes));
        prop_assert!(fails_when_shorter::<Transaction>(&bytes));
        prop_assert!(fails_when_shorter::<Txid>(&bytes));
        let short = &bytes[..bytes.len().min(MIN_TX_LEN - 1)];
        prop_assert!(Transaction::decode_no_witness(&mut Reader::new(short)).is_err());
    }
}

#[test]
fn nothing_decodes_from_no_bytes() {
    assert!(ScriptBuf::decode(&mut Reader::new(&[])).is_err());
    assert!(Witness::decode(&mut Reader::new(&[])).is_err());
}
