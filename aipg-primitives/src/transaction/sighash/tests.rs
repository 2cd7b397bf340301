// SPDX-License-Identifier: MIT
use super::*;
use crate::encode::decode_exact;
use crate::hash::sha256d;
use crate::script::ScriptBuf;
use crate::transaction::Witness;
use alloc::string::ToString;
use alloc::vec::Vec;
use proptest::prelude::*;

fn tx(hex_str: &str) -> Transaction {
    decode_exact(&hex::decode(hex_str).unwrap()).unwrap()
}

fn script(hex_str: &str) -> ScriptBuf {
    ScriptBuf::from_hex(hex_str).unwrap()
}

/// Formats a hash in internal byte order (the order BIP143 prints its intermediate and final
/// hashes in).
fn raw_hex(bytes: &[u8; 32]) -> alloc::string::String {
    hex::encode(bytes)
}

/// BIP 143, "Native P2WPKH": the second input spends a P2WPKH output of 6 BTC under
/// SIGHASH_ALL.
#[test]
fn bip143_native_p2wpkh() {
    let t = tx(concat!(
        "0100000002fff7f7881a8099afa6940d42d1e7f6362bec38171ea3edf433541db4e4ad969f0000000000eeff",
        "ffffef51e1b804cc89d182d279655c3aa89e815b1b309fe287d9b2b55d57b90ec68a0100000000ffffffff02",
        "202cb206000000001976a9148280b37df378db99f66f85c95a783a76ac7a6d5988ac9093510d000000001976",
        "a9143bde42dbee7e4dbe6a21b2d50ce2f0167faa815988ac11000000"
    ));
    let mut cache = SighashCache::new(&t);
    let hashes = cache.bip143_hashes();
    assert_eq!(
        raw_hex(&hashes.hash_prevouts()),
        "96b827c8483d4e9b96712b6713a7b68d6e8003a781feba36c31143470b4efd37"
    );
    assert_eq!(
        raw_hex(&hashes.hash_sequence()),
        "52b0a642eea2fb7ae638c36f6252b6750293dbe574a806984b8e4d8548339a3b"
    );
    assert_eq!(
        raw_hex(&hashes.hash_outputs()),
        "863ef3e1a92afbfdb97f31ad0fc7683ee943e9abcf2501590ff8f6551f47e5e5"
    );
    let code = script("76a9141d0f172a0ecb48aee1be1f2687d2963ae33f71a188ac");
    let h = cache.segwit_v0_sighash(1, code.as_script(), 600_000_000, SighashType::ALL).unwrap();
    assert_eq!(
        raw_hex(h.as_byte_array()),
        "c37af31116d1b27caf68aae9e3ac82f1477929014d5b917657d0eb49478cb670"
    );
}

/// BIP 143, "P2SH-P2WPKH": one input spending 10 BTC under SIGHASH_ALL.
#[test]
fn bip143_p2sh_p2wpkh() {
    let t = tx(concat!(
        "0100000001db6b1b20aa0fd7b23880be2ecbd4a98130974cf4748fb66092ac4d3ceb1a54770100000000feff",
        "ffff02b8b4eb0b000000001976a914a457b684d7f0d539a46a45bbc043f35b59d0d96388ac0008af2f000000",
        "001976a914fd270b1ee6abcaea97fea7ad0402e8bd8ad6d77c88ac92040000"
    ));
    let mut cache = SighashCache::new(&t);
    let hashes = cache.bip143_hashes();
    assert_eq!(
        raw_hex(&hashes.hash_prevouts()),
        "b0287b4a252ac05af83d2dcef00ba313af78a3e9c329afa216eb3aa2a7b4613a"
    );
    assert_eq!(
        raw_hex(&hashes.hash_sequence()),
        "18606b350cd8bf565266bc352f0caddcf01e8fa789dd8a15386327cf8cabe198"
    );
    assert_eq!(
        raw_hex(&hashes.hash_outputs()),
        "de984f44532e2173ca0d64314fcefe6d30da6f8cf27bafa706da61df8a226c83"
    );
    let code = script("76a91479091972186c449eb1ded22b78e40d009bdf008988ac");
    let h = cache.segwit_v0_sighash(0, code.as_script(), 1_000_000_000, SighashType::ALL).unwrap();
    assert_eq!(
        raw_hex(h.as_byte_array()),
        "64f3b0f4dd2bb3aa1ce8566d220cc74dda9df97d8490cc81d89d735c92e59fb6"
    );
}

/// BIP 143, the P2SH-P2WSH 6-of-6 multisig example: one input of 9.87654321 BTC signed under
/// each of the six standard hash types.
#[test]
fn bip143_p2wsh_six_hash_types() {
    let t = tx(concat!(
        "010000000136641869ca081e70f394c6948e8af409e18b619df2ed74aa106c1ca29787b96e0100000000ffff",
        "ffff0200e9a435000000001976a914389ffce9cd9ae88dcc0631e88a821ffdbe9bfe2688acc0832f05000000",
        "001976a9147480a33f950689af511e6e84c138dbbd3c3ee41588ac00000000"
    ));
    let witness_script = script(concat!(
        "56210307b8ae49ac90a048e9b53357a2354b3334e9c8bee813ecb98e99a7e07e8c3ba32103b28f0c28bfab54",
        "554ae8c658ac5c3e0ce6e79ad336331f78c428dd43eea8449b21034b8113d703413d57761b8b9781957b8c0a",
        "c1dfe69f492580ca4195f50376ba4a21033400f6afecb833092a9a21cfdf1ed1376e58c5d1f47de746831239",
        "87e967a8f42103a6d48b1131e94ba04d9737d61acdaa1322008af9602b3b14862c07a1789aac162102d8b661",
        "b0b3302ee2f162b09e07a55ad5dfbe673a9f01d9f0c19617681024306b56ae"
    ));
    let cases = [
        (SighashType::ALL, "185c0be5263dce5b4bb50a047973c1b6272bfbd0103a89444597dc40b248ee7c"),
        (SighashType::NONE, "e9733bc60ea13c95c6527066bb975a2ff29a925e80aa14c213f686cbae5d2f36"),
        (SighashType::SINGLE, "1e1f1c303dc025bd664acb72e583e933fae4cff9148bf78c157d1e8f78530aea"),
        (
            SighashType::ALL_ANYONECANPAY,
            "2a67f03e63a6a422125878b40b82da593be8d4efaafe88ee528af6e5a9955c6e",
        ),
        (
            SighashType::NONE_ANYONECANPAY,
            "781ba15f3779d5542ce8ecb5c18716733a5ee42a6f51488ec96154934e2c890a",
        ),
        (
            SighashType::SINGLE_ANYONECANPAY,
            "511e8e52ed574121fc1b654970395502128263f62662e076dc6baf05c2e6a99b",
        ),
    ];
    let mut cache = SighashCache::new(&t);
    for (hash_type, expected) in cases {
        let h =
            cache.segwit_v0_sighash(0, witness_script.as_script(), 987_654_321, hash_type).unwrap();
        assert_eq!(raw_hex(h.as_byte_array()), expected, "{hash_type:?}");
    }
}

/// The legacy serialization built the plain way: a modified copy of the transaction in a
/// vector, for script codes without OP_CODESEPARATOR and without pushes.
fn reference_legacy(tx: &Transaction, n_in: usize, code: &[u8], hash_type: u32) -> [u8; 32] {
    let mut one = [0u8; 32];
    one[0] = 1;
    let base = hash_type & 0x1f;
    if n_in >= tx.input.len() || (base == 3 && n_in >= tx.output.len()) {
        return one;
    }
    let mut copy = tx.clone();
    for (i, txin) in copy.input.iter_mut().enumerate() {
        txin.witness = Witness::new();
        if i == n_in {
            txin.script_sig = ScriptBuf::from_bytes(code.to_vec());
        } else {
            txin.script_sig = ScriptBuf::new();
            if base == 2 || base == 3 {
                txin.sequence = 0;
            }
        }
    }
    if hash_type & 0x80 != 0 {
        copy.input = vec![copy.input[n_in].clone()];
    }
    match base {
        2 => copy.output.clear(),
        3 => {
            copy.output.truncate(n_in + 1);
            for out in &mut copy.output[..n_in] {
                *out = TxOut::null();
            }
        }
        _ => {}
    }
    let mut bytes = Vec::new();
    copy.encode_no_witness(&mut bytes);
    bytes.extend_from_slice(&hash_type.to_le_bytes());
    sha256d(&bytes)
}

/// The BIP143 preimage built the plain way, in one vector.
fn reference_bip143(
    tx: &Transaction,
    n_in: usize,
    code: &[u8],
    amount: i64,
    hash_type: u32,
) -> [u8; 32] {
    let base = hash_type & 0x1f;
    let acp = hash_type & 0x80 != 0;
    let mut prevouts = Vec::new();
    let mut sequences = Vec::new();
    for txin in &tx.input {
        prevouts.extend(txin.previous_output.to_bytes());
        sequences.extend(txin.sequence.to_le_bytes());
    }
    let mut outputs = Vec::new();
    for txout in &tx.output {
        outputs.extend(txout.to_bytes());
    }
    let zero = [0u8; 32];
    let hash_prevouts = if acp { zero } else { sha256d(&prevouts) };
    let hash_sequence = if acp || base == 2 || base == 3 { zero } else { sha256d(&sequences) };
    let hash_outputs = if base != 2 && base != 3 {
        sha256d(&outputs)
    } else if base == 3 && n_in < tx.output.len() {
        sha256d(&tx.output[n_in].to_bytes())
    } else {
        zero
    };
    let mut pre = Vec::new();
    pre.extend(tx.version.to_le_bytes());
    pre.extend(hash_prevouts);
    pre.extend(hash_sequence);
    pre.extend(tx.input[n_in].previous_output.to_bytes());
    pre.extend(ScriptBuf::from_bytes(code.to_vec()).to_bytes());
    pre.extend(amount.to_le_bytes());
    pre.extend(tx.input[n_in].sequence.to_le_bytes());
    pre.extend(hash_outputs);
    pre.extend(tx.lock_time.to_le_bytes());
    pre.extend(hash_type.to_le_bytes());
    sha256d(&pre)
}

fn script_code_bytes(code: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    write_script_code(&mut out, code);
    out
}

#[test]
fn script_code_drops_separators() {
    // OP_1 OP_CODESEPARATOR <push ab ab> OP_CODESEPARATOR OP_CHECKSIG: the separator byte inside
    // the push is data and stays.
    assert_eq!(
        script_code_bytes(&hex::decode("51ab02abababac").unwrap()),
        [5, 0x51, 0x02, 0xab, 0xab, 0xac]
    );
    assert_eq!(script_code_bytes(&[0xab]), [0]);
    assert_eq!(script_code_bytes(&[]), [0]);
}

#[test]
fn script_code_with_a_truncated_push_stops_where_parsing_stops() {
    // The reference counts all bytes in the length but writes only up to where `GetOp` gave up
    // (just past the push opcode or its length bytes).
    assert_eq!(script_code_bytes(&[0x51, 0x03, 0xaa]), [3, 0x51, 0x03]);
    assert_eq!(script_code_bytes(&[0xab, 0x4d, 0x01]), [2, 0x4d]);
    assert_eq!(script_code_bytes(&[0x4c, 0x05, 0x00]), [3, 0x4c, 0x05]);
}

#[test]
fn quirk_value_one() {
    let t = Transaction {
        version: 1,
        input: vec![TxIn::default(), TxIn::default()],
        output: vec![TxOut::default()],
        lock_time: 0,
    };
    let code = ScriptBuf::new();
    assert_eq!(legacy_sighash(&t, 1, code.as_script(), SighashType::SINGLE), SIGHASH_ONE);
    assert_eq!(legacy_sighash(&t, 2, code.as_script(), SighashType::ALL), SIGHASH_ONE);
    assert_ne!(legacy_sighash(&t, 1, code.as_script(), SighashType::ALL), SIGHASH_ONE);
    assert_eq!(
        SIGHASH_ONE.to_string(),
        "0000000000000000000000000000000000000000000000000000000000000001"
    );
    let mut cache = SighashCache::new(&t);
    assert_eq!(
        cache.segwit_v0_sighash(2, code.as_script(), 0, SighashType::ALL),
        Err(SighashError::InputIndexOutOfRange { index: 2, inputs: 2 })
    );
    // BIP143 SINGLE without a matching output signs a zero hashOutputs instead.
    let h = cache.segwit_v0_sighash(1, code.as_script(), 5, SighashType::SINGLE).unwrap();
    assert_eq!(h.to_byte_array(), reference_bip143(&t, 1, &[], 5, 3));
}

#[test]
fn hash_type_parts() {
    let t = SighashType::from_consensus(0x1234_5683);
    assert_eq!(t.base(), SighashBase::Single);
    assert!(t.is_anyone_can_pay());
    assert_eq!(SighashType::from_consensus(0x44).base(), SighashBase::All);
}

fn arb_hash_type() -> impl Strategy<Value = u32> {
    prop_oneof![
        4 => prop::sample::select(vec![0u32, 1, 2, 3, 0x80, 0x81, 0x82, 0x83]),
        1 => any::<u32>(),
    ]
}

/// Script codes made of non-push opcodes other than OP_CODESEPARATOR, for which the plain
/// reference above is exact.
fn arb_plain_code() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(
        prop::sample::select(vec![0x00u8, 0x51, 0x52, 0x63, 0x65, 0x6a, 0xac]),
        0..8,
    )
}

fn arb_tx() -> impl Strategy<Value = Transaction> {
    crate::transaction::arb_transaction_no_witness()
}

proptest! {
    #[test]
    fn never_panics(t in arb_tx(), index in 0usize..6, code in any::<ScriptBuf>(),
                    amount in any::<i64>(), hash_type in any::<u32>()) {
        let hash_type = SighashType::from_consensus(hash_type);
        let _ = legacy_sighash(&t, index, code.as_script(), hash_type);
        let _ = legacy_sighash(&t, usize::MAX, code.as_script(), hash_type);
        let mut cache = SighashCache::new(&t);
        let _ = cache.segwit_v0_sighash(index, code.as_script(), amount, hash_type);
        let _ = cache.segwit_v0_sighash(usize::MAX, code.as_script(), amount, hash_type);
    }

    #[test]
    fn matches_plain_serialization(t in arb_tx(), index in 0usize..5, code in arb_plain_code(),
                                   amount in any::<i64>(), hash_type in arb_hash_type()) {
        let script = ScriptBuf::from_bytes(code.clone());
        let ht = SighashType::from_consensus(hash_type);
        prop_assert_eq!(
            legacy_sighash(&t, index, script.as_script(), ht).to_byte_array(),
            reference_legacy(&t, index, &code, hash_type)
        );
        let mut cache = SighashCache::new(&t);
        let got = cache.segwit_v0_sighash(index, script.as_script(), amount, ht);
        if index < t.input.len() {
            prop_assert_eq!(got.unwrap().to_byte_array(),
                            reference_bip143(&t, index, &code, amount, hash_type));
        } else {
            prop_assert!(got.is_err());
        }
    }

    #[test]
    fn prevouts_are_committed(t in arb_tx(), index in any::<prop::sample::Index>(),
                              changed in any::<prop::sample::Index>(),
                              code in any::<ScriptBuf>(), amount in any::<i64>(),
                              hash_type in arb_hash_type()) {
        prop_assume!(!t.input.is_empty());
        let ht = SighashType::from_consensus(hash_type & !SighashType::ANYONECANPAY_FLAG);
        let index = index.index(t.input.len());
        let changed = changed.index(t.input.len());
        let mut other = t.clone();
        let prevout = &mut other.input[changed].previous_output;
        prevout.vout = prevout.vout.wrapping_add(1);
        let legacy_before = legacy_sighash(&t, index, code.as_script(), ht);
        if legacy_before != SIGHASH_ONE {
            prop_assert_ne!(legacy_before, legacy_sighash(&other, index, code.as_script(), ht));
        }
        let before = SighashCache::new(&t).segwit_v0_sighash(index, code.as_script(), amount, ht);
        let after = SighashCache::new(&other).segwit_v0_sighash(index, code.as_script(), amount, ht);
        prop_assert_ne!(before.unwrap(), after.unwrap());
    }
}
