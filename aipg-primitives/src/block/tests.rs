// SPDX-License-Identifier: MIT
use super::*;
use crate::encode::{Decode, DecodeWith, EncodeWith};
use crate::hash::{MixHash, Txid};
use crate::network::{AIPG_MAIN, AIPG_REGTEST, COIN, Network, NetworkParams, RVN_MAIN, RVN_TEST};
use crate::units::CompactTarget;
#[allow(unused_imports)] // in the prelude with `std`
use alloc::string::ToString;
use proptest::prelude::*;

const T_KP: u32 = 1_688_764_800;
/// AIPG main, whose KAWPOW activation time is `T_KP`.
const P_KP: NetworkParams = AIPG_MAIN;

/// AIPG main with another KAWPOW activation time.
fn net(kawpow_activation_time: u32) -> NetworkParams {
    NetworkParams { kawpow_activation_time, ..AIPG_MAIN }
}

#[test]
fn genesis_merkle_roots_match_parameters() {
    for n in Network::ALL {
        let p = n.params();
        let block = genesis_block(p);
        assert_eq!(block.header.merkle_root.to_string(), p.genesis_merkle_root, "{n}");
        assert!(block.check_merkle_root());
        assert!(block.txdata[0].is_coinbase());
        assert_eq!(block.header.layout(p.kawpow_activation_time), HeaderLayout::Legacy);
    }
}

#[test]
fn aipg_regtest_coded_reward_gives_the_other_root() {
    let coded = NetworkParams { genesis_reward: 500 * COIN, ..AIPG_REGTEST };
    assert_eq!(
        genesis_block(&coded).header.merkle_root.to_string(),
        "95730cb1a86b99b9549059445fd265b6af3810881d25021231ae4661799b7057"
    );
}

#[test]
fn ravencoin_genesis_bytes_match_the_spec() {
    // ravencoin.md §4: the coinbase transaction and the 80-byte headers.
    let coinbase = concat!(
        "01000000010000000000000000000000000000000000000000000000000000000000000000ffffffff57",
        "0004ffff001d01044c4d5468652054696d65732030332f4a616e2f3230313820426974636f696e206973",
        "206e616d65206f66207468652067616d6520666f72206e65772067656e65726174696f6e206f66206669",
        "726d73ffffffff010088526a74000000434104678afdb0fe5548271967f1a67130b7105cd6a828e03909",
        "a67962e0ea1f61deb649f6bc3f4cef38c4f35504e51ec112de5c384df7ba0b8d578a4c702b6bf11d5fac",
        "00000000"
    );
    let main = genesis_block(&RVN_MAIN);
    assert_eq!(hex::encode(main.txdata[0].to_bytes()), coinbase);
    let zero = "0000000000000000000000000000000000000000000000000000000000000000";
    let root = "16355fae8b6a26f2fa708d39997654c44b501f308d802325359a7367a800ff28";
    assert_eq!(
        hex::encode(main.header.to_legacy_bytes()),
        format!("04000000{zero}{root}c60e4d5affff001ee0d47d01")
    );
    assert_eq!(
        hex::encode(genesis_block(&RVN_TEST).header.to_bytes_with(&RVN_TEST)),
        format!("02000000{zero}{root}20e0a35bffff001e8847ee00")
    );
}

#[test]
fn aipg_genesis_script_uses_pushdata1() {
    let cb = genesis_coinbase(&AIPG_MAIN);
    let script = cb.input[0].script_sig.as_bytes();
    assert_eq!(&script[..10], &[0x00, 0x04, 0xff, 0xff, 0x00, 0x1d, 0x01, 0x04, 0x4c, 0x50]);
    assert_eq!(script.len(), 90);
    assert_eq!(cb.output[0].value, 5000 * COIN);
}

#[test]
fn header_layouts() {
    let mut h = BlockHeader {
        version: 0x2000_0000,
        time: T_KP - 1,
        bits: CompactTarget::from_consensus(0x1d0f_ffff),
        nonce: 0xdead_beef,
        ..BlockHeader::default()
    };
    let legacy = h.to_bytes_with(&P_KP);
    assert_eq!(legacy.len(), 80);
    assert_eq!(&legacy[76..], &0xdead_beefu32.to_le_bytes());
    assert_eq!(BlockHeader::decode_exact_with(&legacy, &P_KP), Ok(h));
    assert!(!h.is_kawpow(&AIPG_MAIN));

    h.time = T_KP;
    h.nonce = 0;
    h.height = 712_345;
    h.nonce64 = 0x0123_4567_89ab_cdef;
    h.mix_hash = MixHash::from_byte_array([0x5a; 32]);
    let kawpow = h.to_bytes_with(&P_KP);
    assert_eq!(kawpow.len(), 120);
    assert_eq!(&kawpow[76..80], &712_345u32.to_le_bytes());
    assert_eq!(&kawpow[80..88], &0x0123_4567_89ab_cdefu64.to_le_bytes());
    assert_eq!(&kawpow[88..], &[0x5a; 32]);
    assert_eq!(kawpow, h.to_kawpow_bytes());
    assert_eq!(BlockHeader::decode_exact_with(&kawpow, &P_KP), Ok(h));
    assert!(h.is_kawpow(&AIPG_MAIN));
    // The same bytes on a network whose activation is later read as a legacy header.
    assert!(BlockHeader::decode_exact_with(&kawpow, &AIPG_REGTEST).is_err());

    // The KAWPOW input is the first 76 bytes plus the height.
    let input = h.kawpow_input_bytes();
    assert_eq!(&input[..], &kawpow[..80]);
    assert_eq!(h.kawpow_header_hash().to_byte_array(), crate::hash::sha256d(&input));
    let mut reversed = crate::hash::sha256d(&input);
    reversed.reverse();
    assert_eq!(h.kawpow_progpow_header(), reversed);
    assert_eq!(hex::encode(reversed), h.kawpow_header_hash().to_string());
}

#[test]
fn truncated_headers_fail() {
    let h = BlockHeader { time: T_KP, ..BlockHeader::default() };
    let bytes = h.to_bytes_with(&P_KP);
    for len in [0, 75, 80, 119] {
        let mut r = Reader::new(&bytes[..len]);
        assert!(matches!(
            BlockHeader::decode_with(&mut r, &P_KP),
            Err(DecodeError::UnexpectedEnd { .. })
        ));
    }
}

#[test]
fn block_sizes_and_weight() {
    let mut block = genesis_block(&AIPG_MAIN);
    let bytes = block.to_bytes_with(&AIPG_MAIN);
    assert_eq!(bytes.len(), block.total_size(&AIPG_MAIN));
    assert_eq!(block.stripped_size(&AIPG_MAIN), bytes.len());
    assert_eq!(block.weight(&AIPG_MAIN), 4 * bytes.len() as u64);
    assert_eq!(Block::decode_exact_with(&bytes, &AIPG_MAIN), Ok(block.clone()));
    let mut r = Reader::new(&bytes);
    assert_eq!(Block::decode_no_witness_with(&mut r, &AIPG_MAIN), Ok(block.clone()));

    block.txdata[0].input[0].witness = crate::transaction::Witness::from_slice(&[[0u8; 32]]);
    let total = block.total_size(&AIPG_MAIN);
    let stripped = block.stripped_size(&AIPG_MAIN);
    assert_eq!(total, stripped + 2 + 1 + 1 + 32);
    assert_eq!(block.weight(&AIPG_MAIN), 3 * stripped as u64 + total as u64);
}

#[test]
fn witness_root_and_commitment() {
    let mut block = genesis_block(&AIPG_MAIN);
    let mut second = block.txdata[0].clone();
    second.input[0].previous_output.vout = 0;
    second.input[0].witness = crate::transaction::Witness::from_slice(&[[1u8; 3]]);
    block.txdata.push(second.clone());
    let expected = merkle::merkle_root_of([[0u8; 32], second.wtxid().to_byte_array()]).0;
    let root = block.compute_witness_merkle_root();
    assert_eq!(root.to_byte_array(), expected);
    let nonce = [0u8; 32];
    let commitment = merkle::witness_commitment(&root, &nonce);
    let mut preimage = [0u8; 64];
    preimage[..32].copy_from_slice(&expected);
    assert_eq!(commitment, crate::hash::sha256d(&preimage));
    assert_eq!(block.witness_commitment(), None);
    block.txdata[0].output.push(crate::transaction::TxOut {
        value: 0,
        script_pubkey: merkle::witness_commitment_script(&commitment).into(),
    });
    assert_eq!(block.witness_commitment(), Some(commitment));
}

#[test]
fn block_mutation_is_flagged() {
    let mut block = genesis_block(&AIPG_MAIN);
    for lock_time in [1, 2] {
        let mut tx = block.txdata[0].clone();
        tx.lock_time = lock_time;
        block.txdata.push(tx);
    }
    let (root3, mutated3) = block.compute_merkle_root();
    assert!(!mutated3);
    // Repeating the last transaction of an odd list keeps the root but flags the mutation.
    block.txdata.push(block.txdata[2].clone());
    let (root4, mutated4) = block.compute_merkle_root();
    assert_eq!(root3, root4);
    assert!(mutated4);
    block.header.merkle_root = root4;
    assert!(!block.check_merkle_root());
    // Identical transactions that are not siblings are not a mutation.
    block.txdata.swap(1, 2);
    block.txdata.pop();
    block.txdata.push(block.txdata[2].clone());
    block.txdata.swap(0, 3);
    assert!(!block.compute_merkle_root().1);
}

#[test]
fn oversized_tx_count_is_rejected() {
    let header = BlockHeader::default().to_bytes_with(&P_KP);
    let mut bytes = header.clone();
    bytes.extend_from_slice(&[0xfe, 0x00, 0x00, 0x00, 0x01]);
    assert!(matches!(
        Block::decode_exact_with(&bytes, &P_KP),
        Err(DecodeError::TooLarge { what: "block transactions", .. })
    ));
    let _ = Txid::ZERO;
}

proptest! {
    #[test]
    fn header_round_trip_both_layouts(h in arb_header(T_KP)) {
        let bytes = h.to_bytes_with(&P_KP);
        prop_assert_eq!(bytes.len(), h.encoded_len_with(&P_KP));
        prop_assert_eq!(bytes.len(), if h.time >= T_KP { 120 } else { 80 });
        prop_assert_eq!(BlockHeader::decode_exact_with(&bytes, &P_KP), Ok(h));
    }

    #[test]
    fn header_round_trip_kawpow_heavy(h in arb_header(0)) {
        // Activation at time 0: every header is KAWPOW.
        let bytes = h.to_bytes_with(&net(0));
        prop_assert_eq!(bytes.len(), 120);
        prop_assert_eq!(BlockHeader::decode_exact_with(&bytes, &net(0)), Ok(h));
    }

    #[test]
    fn block_round_trip(block in arb_block(T_KP)) {
        let bytes = block.to_bytes_with(&P_KP);
        prop_assert_eq!(bytes.len(), block.total_size(&P_KP));
        let mut stripped = Vec::new();
        block.encode_no_witness_with(&mut stripped, &P_KP);
        prop_assert_eq!(stripped.len(), block.stripped_size(&P_KP));
        prop_assert_eq!(
            block.weight(&P_KP),
            3 * stripped.len() as u64 + bytes.len() as u64
        );
        prop_assert_eq!(Block::decode_exact_with(&bytes, &P_KP), Ok(block));
    }

    #[test]
    fn decoders_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600), t in any::<u32>()) {
        let _ = BlockHeader::decode_exact_with(&bytes, &net(t));
        let _ = Block::decode_exact_with(&bytes, &net(t));
        let _ = Block::decode_no_witness_with(&mut Reader::new(&bytes), &net(t));
        let _ = crate::transaction::Transaction::decode(&mut Reader::new(&bytes));
    }
}

#[test]
fn genesis_block_hashes_match_parameters() {
    use crate::network::Network;
    for network in Network::ALL {
        let params = network.params();
        let genesis = crate::block::genesis_block(params);
        assert_eq!(
            genesis.header.block_hash(params).to_string(),
            params.genesis_hash,
            "{}",
            network.as_str()
        );
        // With a zero previous hash X16R and X16RV2 coincide, so the time rule's choice (X16RV2
        // for AIPG, whose genesis is newer than its X16RV2 time) names the same block.
        assert_eq!(
            crate::hash::x16r::x16r(&genesis.header.to_legacy_bytes()),
            crate::hash::x16r::x16rv2(&genesis.header.to_legacy_bytes())
        );
    }
}

#[test]
fn tx_count_cap_is_tight() {
    let stripped_max = crate::network::MAX_BLOCK_STRIPPED_SIZE as usize;
    assert_eq!(Transaction::default().encoded_len(), MIN_TX_LEN);
    assert!(MAX_BLOCK_TXS * MIN_TX_LEN <= stripped_max);
    assert!((MAX_BLOCK_TXS + 1) * MIN_TX_LEN > stripped_max);
}
