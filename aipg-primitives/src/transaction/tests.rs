// SPDX-License-Identifier: MIT
use super::*;
use crate::encode::decode_exact;
use proptest::prelude::*;

fn tx_from_hex(s: &str) -> Result<Transaction, DecodeError> {
    decode_exact(&hex::decode(s).unwrap())
}

/// A one-input, one-output transaction built by hand: spends output 1 of txid 0x11.., script
/// `51` (OP_TRUE), pays 1 coin to `76a9..88ac`.
fn sample() -> Transaction {
    Transaction {
        version: 2,
        input: vec![TxIn {
            previous_output: OutPoint::new(Txid::from_byte_array([0x11; 32]), 1),
            script_sig: ScriptBuf::from_bytes(vec![0x51]),
            sequence: 0xffff_fffe,
            witness: Witness::new(),
        }],
        output: vec![TxOut {
            value: 100_000_000,
            script_pubkey: ScriptBuf::from_bytes(
                hex::decode("76a914000102030405060708090a0b0c0d0e0f1011121388ac").unwrap(),
            ),
        }],
        lock_time: 7,
    }
}

#[test]
fn basic_layout_is_exact() {
    let tx = sample();
    let bytes = tx.to_bytes();
    let expected = concat!(
        "02000000",
        "01",
        "1111111111111111111111111111111111111111111111111111111111111111",
        "01000000",
        "0151",
        "feffffff",
        "01",
        "00e1f50500000000",
        "1976a914000102030405060708090a0b0c0d0e0f1011121388ac",
        "07000000"
    );
    assert_eq!(hex::encode(&bytes), expected);
    assert_eq!(tx.base_size(), bytes.len());
    assert_eq!(tx.total_size(), bytes.len());
    assert_eq!(tx.weight(), 4 * bytes.len() as u64);
    assert_eq!(tx.vsize(), bytes.len() as u64);
    assert_eq!(tx.wtxid().to_byte_array(), tx.txid().to_byte_array());
    assert_eq!(tx.txid().to_byte_array(), crate::hash::sha256d(&bytes));
    assert_eq!(decode_exact::<Transaction>(&bytes), Ok(tx));
}

#[test]
fn extended_layout_and_ids() {
    let mut tx = sample();
    tx.input[0].witness = Witness::from_slice(&[&[0xaa, 0xbb][..], &[][..]]);
    let bytes = tx.to_bytes();
    let base = sample().to_bytes();
    // version, marker, flags, then the basic body, the witness, lock time.
    assert_eq!(&bytes[..6], &[2, 0, 0, 0, 0, 1]);
    assert_eq!(&bytes[6..base.len() - 2], &base[4..base.len() - 4]);
    assert_eq!(hex::encode(&bytes[base.len() - 2..]), "0202aabb0007000000");
    assert_eq!(tx.total_size(), bytes.len());
    assert_eq!(tx.base_size(), base.len());
    assert_eq!(tx.weight(), 3 * base.len() as u64 + bytes.len() as u64);
    assert_eq!(tx.txid(), sample().txid());
    assert_eq!(tx.wtxid().to_byte_array(), crate::hash::sha256d(&bytes));
    assert_ne!(tx.wtxid().to_byte_array(), tx.txid().to_byte_array());
    assert_eq!(decode_exact::<Transaction>(&bytes), Ok(tx.clone()));
    // Witness disallowed: the marker is read as an empty input vector, so the result differs.
    assert_ne!(decode_exact_no_witness(&bytes), Ok(tx));
}

fn decode_exact_no_witness(bytes: &[u8]) -> Result<Transaction, DecodeError> {
    let mut r = Reader::new(bytes);
    let tx = Transaction::decode_no_witness(&mut r)?;
    r.finish()?;
    Ok(tx)
}

#[test]
fn all_empty_witness_is_accepted_and_reencodes_basic() {
    // Extended form whose only witness stack is empty: no "superfluous witness" error.
    let base = sample().to_bytes();
    let mut ext = base[..4].to_vec();
    ext.extend_from_slice(&[0, 1]);
    ext.extend_from_slice(&base[4..base.len() - 4]);
    ext.push(0);
    ext.extend_from_slice(&base[base.len() - 4..]);
    let tx = decode_exact::<Transaction>(&ext).unwrap();
    assert_eq!(tx, sample());
    assert_eq!(tx.to_bytes(), base);
}

#[test]
fn unknown_flags_are_rejected() {
    let base = sample().to_bytes();
    for flags in [0x02u8, 0x03, 0x80] {
        let mut ext = base[..4].to_vec();
        ext.extend_from_slice(&[0, flags]);
        ext.extend_from_slice(&base[4..base.len() - 4]);
        if flags & 1 != 0 {
            ext.push(0);
        }
        ext.extend_from_slice(&base[base.len() - 4..]);
        assert_eq!(
            decode_exact::<Transaction>(&ext),
            Err(DecodeError::UnknownOptionalData(flags & !1))
        );
    }
}

#[test]
fn empty_vin_marker_handling() {
    // Empty inputs, flags 0: nothing more before the lock time; the outputs stay empty.
    let tx = tx_from_hex("01000000000005000000").unwrap();
    assert!(tx.input.is_empty() && tx.output.is_empty());
    assert_eq!(tx.lock_time, 5);
    assert_eq!(hex::encode(tx.to_bytes()), "01000000000005000000");
    // Without witness the same bytes are empty inputs and empty outputs as well.
    assert_eq!(decode_exact_no_witness(&hex::decode("01000000000005000000").unwrap()), Ok(tx));

    // Empty inputs and one output: with witness allowed the output count is read as flags.
    let no_inputs = Transaction { input: vec![], ..sample() };
    let bytes = no_inputs.to_bytes();
    assert_eq!(decode_exact_no_witness(&bytes), Ok(no_inputs.clone()));
    assert_ne!(decode_exact::<Transaction>(&bytes), Ok(no_inputs));
}

#[test]
fn coinbase_detection() {
    let mut tx = sample();
    assert!(!tx.is_coinbase());
    tx.input[0].previous_output = OutPoint::NULL;
    assert!(tx.is_coinbase());
    tx.input.push(tx.input[0].clone());
    assert!(!tx.is_coinbase());
    assert!(OutPoint::NULL.is_null());
    assert!(!OutPoint::new(Txid::ZERO, 0).is_null());
}

#[test]
fn counts_are_capped_before_allocation() {
    // 0xfe-prefixed input count above MAX_TX_INPUTS.
    let bytes = hex::decode("01000000fe00000100").unwrap();
    assert!(matches!(
        decode_exact::<Transaction>(&bytes),
        Err(DecodeError::TooLarge { what: "transaction inputs", .. })
    ));
    // A witness announcing more items than bytes remain.
    let mut r = Reader::new(&[0xfd, 0xff, 0x00, 0x00]);
    assert!(Witness::decode(&mut r).is_err());
}

proptest! {
    #[test]
    fn outpoint_round_trip(v in any::<OutPoint>()) {
        let bytes = v.to_bytes();
        prop_assert_eq!(bytes.len(), v.encoded_len());
        prop_assert_eq!(decode_exact::<OutPoint>(&bytes), Ok(v));
    }

    #[test]
    fn txin_round_trip(v in any::<TxIn>()) {
        let bytes = v.to_bytes();
        prop_assert_eq!(bytes.len(), v.encoded_len());
        prop_assert_eq!(decode_exact::<TxIn>(&bytes), Ok(v));
    }

    #[test]
    fn txout_round_trip(v in any::<TxOut>()) {
        let bytes = v.to_bytes();
        prop_assert_eq!(bytes.len(), v.encoded_len());
        prop_assert_eq!(decode_exact::<TxOut>(&bytes), Ok(v));
    }

    #[test]
    fn witness_round_trip(v in any::<Witness>()) {
        let bytes = v.to_bytes();
        prop_assert_eq!(bytes.len(), v.encoded_len());
        prop_assert_eq!(v.to_vec().len(), v.len());
        prop_assert_eq!(Witness::from(v.to_vec()), v.clone());
        prop_assert_eq!(decode_exact::<Witness>(&bytes), Ok(v));
    }

    #[test]
    fn transaction_round_trip(tx in any::<Transaction>()) {
        let bytes = tx.to_bytes();
        prop_assert_eq!(bytes.len(), tx.encoded_len());
        prop_assert_eq!(bytes.len(), tx.total_size());
        let mut base = Vec::new();
        tx.encode_no_witness(&mut base);
        prop_assert_eq!(base.len(), tx.base_size());
        prop_assert_eq!(tx.txid().to_byte_array(), crate::hash::sha256d(&base));
        prop_assert_eq!(tx.wtxid().to_byte_array(), crate::hash::sha256d(&bytes));
        prop_assert_eq!(decode_exact::<Transaction>(&bytes), Ok(tx));
    }

    #[test]
    fn transaction_no_witness_round_trip(tx in arb_transaction_no_witness()) {
        let bytes = tx.to_bytes();
        prop_assert_eq!(bytes.len(), tx.encoded_len());
        prop_assert_eq!(decode_exact_no_witness(&bytes), Ok(tx));
    }

    #[test]
    fn decoders_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = decode_exact::<OutPoint>(&bytes);
        let _ = decode_exact::<TxIn>(&bytes);
        let _ = decode_exact::<TxOut>(&bytes);
        let _ = decode_exact::<Witness>(&bytes);
        let _ = decode_exact_no_witness(&bytes);
        if let Ok(tx) = decode_exact::<Transaction>(&bytes) {
            prop_assert_eq!(tx.to_bytes().len(), tx.encoded_len());
            if !tx.input.is_empty() {
                // With inputs, whatever decodes re-encodes to a value that decodes back to it.
                prop_assert_eq!(decode_exact::<Transaction>(&tx.to_bytes()), Ok(tx));
            }
        }
    }
}

#[test]
fn caps_are_tight() {
    let stripped_max = crate::network::MAX_BLOCK_STRIPPED_SIZE as usize;
    assert_eq!(TxIn::default().encoded_len(), MIN_TXIN_LEN);
    assert_eq!(TxOut::default().encoded_len(), MIN_TXOUT_LEN);
    assert!(MAX_TX_INPUTS * MIN_TXIN_LEN <= stripped_max);
    assert!((MAX_TX_INPUTS + 1) * MIN_TXIN_LEN > stripped_max);
    assert!(MAX_TX_OUTPUTS * MIN_TXOUT_LEN <= stripped_max);
    assert!((MAX_TX_OUTPUTS + 1) * MIN_TXOUT_LEN > stripped_max);

    // Exactly MAX_TX_INPUTS minimal inputs decode; one more is refused from the count alone.
    let tx = Transaction {
        version: 1,
        input: vec![TxIn::default(); MAX_TX_INPUTS],
        output: vec![TxOut::default()],
        lock_time: 0,
    };
    let bytes = tx.to_bytes();
    assert!(bytes.len() <= stripped_max + 20);
    assert_eq!(decode_exact::<Transaction>(&bytes).map(|t| t.input.len()), Ok(MAX_TX_INPUTS));
    let mut over = Vec::new();
    over.extend_from_slice(&1i32.to_le_bytes());
    crate::encode::write_compact_size(&mut over, MAX_TX_INPUTS as u64 + 1);
    assert!(matches!(
        decode_exact::<Transaction>(&over),
        Err(DecodeError::TooLarge { what: "transaction inputs", .. })
    ));

    // A witness of MAX_WITNESS_ITEMS empty items fills a maximal block exactly.
    let max_block = crate::network::MAX_BLOCK_SERIALIZED_SIZE as usize;
    assert_eq!(MAX_WITNESS_ITEMS, max_block);
    let mut w = Vec::new();
    crate::encode::write_compact_size(&mut w, MAX_WITNESS_ITEMS as u64 + 1);
    assert!(matches!(
        Witness::decode(&mut Reader::new(&w)),
        Err(DecodeError::TooLarge { what: "witness items", .. })
    ));
}
