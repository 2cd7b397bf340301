// SPDX-License-Identifier: MIT
use super::*;
use crate::encode::decode_exact;
use alloc::vec::Vec;
use proptest::prelude::*;

#[test]
fn encodes_as_byte_vector() {
    let s = ScriptBuf::from_hex("76a914000000000000000000000000000000000000000088ac").unwrap();
    let bytes = s.to_bytes();
    assert_eq!(bytes[0], 25);
    assert_eq!(&bytes[1..], s.as_bytes());
    assert_eq!(s.encoded_len(), 26);
    assert_eq!(s.as_script().to_bytes(), bytes);
    assert_eq!(decode_exact::<ScriptBuf>(&bytes), Ok(s));
    assert_eq!(decode_exact::<ScriptBuf>(&[0]), Ok(ScriptBuf::new()));
}

#[test]
fn decode_rejects_truncated_and_oversized() {
    assert!(matches!(
        decode_exact::<ScriptBuf>(&[3, 1, 2]),
        Err(DecodeError::UnexpectedEnd { needed: 3, remaining: 2 })
    ));
    assert!(matches!(
        decode_exact::<ScriptBuf>(&[0xfe, 0x01, 0x00, 0x00, 0x02]),
        Err(DecodeError::OversizedCompactSize(_))
    ));
}

proptest! {
    #[test]
    fn round_trip(s in any::<ScriptBuf>()) {
        let bytes = s.to_bytes();
        prop_assert_eq!(bytes.len(), s.encoded_len());
        prop_assert_eq!(decode_exact::<ScriptBuf>(&bytes), Ok(s));
    }

    #[test]
    fn decode_arbitrary_never_panics(b in proptest::collection::vec(any::<u8>(), 0..64)) {
        if let Ok(s) = decode_exact::<ScriptBuf>(&b) {
            prop_assert_eq!(s.to_bytes(), b);
        }
    }
}

fn script(hex: &str) -> ScriptBuf {
    ScriptBuf::from_hex(hex).unwrap()
}

#[test]
fn asm_matches_reference_format() {
    let p2pkh = script("76a91400112233445566778899aabbccddeeff0011223388ac");
    assert_eq!(
        p2pkh.to_asm(),
        "OP_DUP OP_HASH160 00112233445566778899aabbccddeeff00112233 OP_EQUALVERIFY OP_CHECKSIG"
    );
    // Small pushes print as numbers, small-int opcodes by their GetOpName.
    assert_eq!(
        script("00 4f 51 60 0101 0181 02ff00 04ffffff7f".replace(' ', "").as_str()).to_asm(),
        "0 -1 1 16 1 -1 255 2147483647"
    );
    assert_eq!(script("0500000000ff").to_asm(), "00000000ff");
    // A truncated push.
    assert_eq!(script("6a4c").to_asm(), "OP_RETURN [error]");
    assert_eq!(script("0201").to_asm(), "[error]");
    assert_eq!(script("ba").to_asm(), "OP_UNKNOWN");
    assert_eq!(script("").to_asm(), "");
    // Everything after the asset opcode is one hex string.
    let transfer = script(
        "76a91400112233445566778899aabbccddeeff0011223388acc01a72766e740d53455249414c495a4154494f4e00e1f5050000000075",
    );
    assert_eq!(
        transfer.to_asm(),
        "OP_DUP OP_HASH160 00112233445566778899aabbccddeeff00112233 OP_EQUALVERIFY OP_CHECKSIG OP_AIPG_ASSET 1a72766e740d53455249414c495a4154494f4e00e1f5050000000075"
    );
    assert_eq!(script("c0").to_asm(), "OP_AIPG_ASSET ");
    assert_eq!(alloc::format!("{}", transfer.as_script()), transfer.to_asm());
}

#[test]
fn asm_decodes_sighash_in_script_sigs() {
    // A strict-DER signature with SIGHASH_ALL, then a compressed key.
    let sig = "3044022057292e2d4dfe775becdd0a9e6547997c728cdf35390f6a017da56d654d374e4902206b643be2fc53763b4e284845bfea2c597d2dc7759941dce937636c9d341b71ed01";
    let key = "038282263212c609d9ea2a6e3e172de238d8c39cabd5ac1ca10646e23fd5f51508";
    let s = script(&alloc::format!("47{sig}21{key}"));
    assert_eq!(
        s.as_script().to_asm_decode_sighash(),
        alloc::format!("{}[ALL] {key}", &sig[..sig.len() - 2])
    );
    assert_eq!(s.to_asm(), alloc::format!("{sig} {key}"));
    // Not decoded inside an unspendable script.
    let s = script(&alloc::format!("6a47{sig}"));
    assert_eq!(s.as_script().to_asm_decode_sighash(), alloc::format!("OP_RETURN {sig}"));
}

#[test]
fn instructions_follow_get_op() {
    let s = script("4c0201024d0100ff4e01000000aa51c0abcd");
    let ins: Vec<_> = s.as_script().instructions().collect::<Result<_, _>>().unwrap();
    assert_eq!(
        ins,
        [
            Instruction::PushBytes { opcode: opcodes::OP_PUSHDATA1, data: &[1, 2] },
            Instruction::PushBytes { opcode: opcodes::OP_PUSHDATA2, data: &[0xff] },
            Instruction::PushBytes { opcode: opcodes::OP_PUSHDATA4, data: &[0xaa] },
            Instruction::Op(opcodes::OP_1),
            Instruction::Asset(&[0xab, 0xcd]),
        ]
    );
    let mut it = Script::new(&[0x4e, 0xff, 0xff, 0xff, 0xff, 0x00]).instructions();
    assert_eq!(
        it.next(),
        Some(Err(ScriptError::TruncatedPush {
            position: 0,
            opcode: 0x4e,
            needed: 4 + 0xffff_ffff,
            remaining: 5
        }))
    );
    assert_eq!(it.next(), None);
    let mut it = Script::new(&[0x61, 0x4d, 0x01]).instructions();
    assert_eq!(it.next(), Some(Ok(Instruction::Op(opcodes::OP_NOP))));
    assert_eq!(it.position(), 1);
    assert!(matches!(
        it.next(),
        Some(Err(ScriptError::TruncatedPush { position: 1, needed: 2, .. }))
    ));
}

#[test]
fn solver_templates() {
    let h = [0x11u8; 20];
    let pkh = PubkeyHash::from_byte_array(h);
    let sh = ScriptHash::from_byte_array(h);
    let p2pkh = ScriptBuf::new_p2pkh(&pkh);
    assert_eq!(p2pkh.as_script().solve(), Solution::PubKeyHash(pkh));
    assert_eq!(p2pkh.as_script().destination(), Some(Destination::PubkeyHash(pkh)));
    let p2sh = ScriptBuf::new_p2sh(&sh);
    assert_eq!(p2sh.as_script().script_type(), ScriptType::ScriptHash);
    assert_eq!(p2sh.as_script().destination(), Some(Destination::ScriptHash(sh)));
    // A non-minimal push of the key hash still matches the template.
    let loose = script("76a94c14111111111111111111111111111111111111111188ac");
    assert_eq!(loose.as_script().solve(), Solution::PubKeyHash(pkh));
    assert!(!loose.as_script().is_p2pkh());

    let key = [2u8; 33];
    let p2pk = ScriptBuf::new_p2pk(&key);
    assert!(p2pk.as_script().is_p2pk());
    assert_eq!(p2pk.as_script().solve(), Solution::PubKey(&key));
    assert_eq!(
        p2pk.as_script().destination(),
        Some(Destination::PubkeyHash(PubkeyHash::of_key(&key)))
    );
    // A key whose length does not match its header has no destination.
    let odd = ScriptBuf::new_p2pk(&[5u8; 33]);
    assert_eq!(odd.as_script().script_type(), ScriptType::PubKey);
    assert_eq!(odd.as_script().destination(), None);

    let k2 = [3u8; 33];
    let ms = ScriptBuf::new_multisig(1, &[&key, &k2]).unwrap();
    assert_eq!(
        ms.as_script().solve(),
        Solution::Multisig { required: 1, keys: alloc::vec![&key[..], &k2[..]] }
    );
    let (dests, req) = ms.as_script().solve().destinations().unwrap();
    assert_eq!((dests.len(), req), (2, 1));
    assert_eq!(ms.as_script().destination(), None);
    // m > n, n ≠ number of keys, and m = 0 are nonstandard.
    assert_eq!(
        script(&alloc::format!("5221{}21{}52ae", hex::encode(key), hex::encode(k2)))
            .as_script()
            .script_type(),
        ScriptType::Multisig
    );
    assert_eq!(
        script(&alloc::format!("5321{}21{}52ae", hex::encode(key), hex::encode(k2)))
            .as_script()
            .script_type(),
        ScriptType::NonStandard
    );
    assert_eq!(
        script(&alloc::format!("5121{}21{}53ae", hex::encode(key), hex::encode(k2)))
            .as_script()
            .script_type(),
        ScriptType::NonStandard
    );
    assert_eq!(
        script(&alloc::format!("0021{}51ae", hex::encode(key))).as_script().script_type(),
        ScriptType::NonStandard
    );

    assert_eq!(ScriptBuf::new_op_return(b"hello").as_script().script_type(), ScriptType::NullData);
    assert_eq!(script("6a").as_script().script_type(), ScriptType::NullData);
    assert_eq!(script("6a61").as_script().script_type(), ScriptType::NonStandard);
    assert_eq!(script("6a4c").as_script().script_type(), ScriptType::NonStandard);
    assert_eq!(ScriptBuf::new_op_return(b"x").as_script().solve().destinations(), None);

    let wpkh = ScriptBuf::new_witness_program(0, &h).unwrap();
    assert_eq!(wpkh.as_script().solve(), Solution::WitnessV0KeyHash(h));
    let wsh = ScriptBuf::new_witness_program(0, &[9; 32]).unwrap();
    assert!(wsh.as_script().is_p2wsh());
    assert_eq!(wsh.as_script().solve(), Solution::WitnessV0ScriptHash([9; 32]));
    // No "witness_unknown" in the reference: other versions and lengths are nonstandard.
    let v1 = ScriptBuf::new_witness_program(1, &[9; 32]).unwrap();
    assert_eq!(v1.as_script().witness_program(), Some((1, &[9u8; 32][..])));
    assert_eq!(v1.as_script().script_type(), ScriptType::NonStandard);
    assert_eq!(
        ScriptBuf::new_witness_program(0, &[9; 25]).unwrap().as_script().script_type(),
        ScriptType::NonStandard
    );

    // Null asset data: push-only after 0xc0.
    assert_eq!(script("c0").as_script().script_type(), ScriptType::NullAssetData);
    assert_eq!(script("c061").as_script().script_type(), ScriptType::NonStandard);
    assert_eq!(script("").as_script().script_type(), ScriptType::NonStandard);

    assert_eq!(ScriptType::WitnessV0KeyHash.as_str(), "witness_v0_keyhash");
    assert_eq!(ScriptType::NullAssetData.to_u8(), 11);
}

#[test]
fn sigops_and_predicates() {
    let key = [2u8; 33];
    let ms = ScriptBuf::new_multisig(1, &[&key, &key, &key]).unwrap();
    assert_eq!(ms.as_script().sigop_count(true), 3);
    assert_eq!(ms.as_script().sigop_count(false), 20);
    assert_eq!(script("acadae").as_script().sigop_count(true), 22);
    assert!(script("00515f4f50").as_script().is_push_only());
    assert!(!script("0061").as_script().is_push_only());
    assert!(!script("4c").as_script().is_push_only());
    assert!(script("6a").as_script().is_unspendable());
    assert!(
        ScriptBuf::from_bytes(alloc::vec![0x61; MAX_SCRIPT_SIZE + 1]).as_script().is_unspendable()
    );
    assert!(!script("51").as_script().is_unspendable());
    assert!(script("76a9b9").as_script().has_valid_ops());
    assert!(!script("ba").as_script().has_valid_ops());
    assert!(!script("c0").as_script().has_valid_ops());
    assert!(!script("4c").as_script().has_valid_ops());
    let big = Builder::new().push_slice(&[0u8; 521]).into_script();
    assert!(!big.as_script().has_valid_ops());
    let ok = Builder::new().push_slice(&[0u8; 520]).into_script();
    assert!(ok.as_script().has_valid_ops());
}

proptest! {
    #[test]
    fn instructions_and_asm_never_panic(b in proptest::collection::vec(any::<u8>(), 0..300)) {
        let s = Script::new(&b);
        let mut rebuilt = Vec::new();
        let mut ok = true;
        for ins in s.instructions() {
            match ins {
                Ok(ins) => {
                    rebuilt.push(ins.opcode().to_u8());
                    match ins {
                        Instruction::PushBytes { opcode, data } => {
                            let len = data.len();
                            match opcode.to_u8() {
                                0x4c => rebuilt.push(len as u8),
                                0x4d => rebuilt.extend_from_slice(&(len as u16).to_le_bytes()),
                                0x4e => rebuilt.extend_from_slice(&(len as u32).to_le_bytes()),
                                _ => {}
                            }
                            rebuilt.extend_from_slice(data);
                        }
                        Instruction::Asset(data) => rebuilt.extend_from_slice(data),
                        Instruction::Op(_) => {}
                    }
                }
                Err(_) => { ok = false; }
            }
        }
        if ok {
            prop_assert_eq!(&rebuilt, &b);
        }
        let asm = s.to_asm();
        prop_assert_eq!(asm.contains("[error]"), !ok);
        let _ = s.to_asm_decode_sighash();
        let sol = s.solve();
        let _ = sol.destinations();
        let _ = s.sigop_count(true);
    }

    #[test]
    fn builder_pushes_parse_back(data in proptest::collection::vec(any::<u8>(), 0..600), n in any::<i64>()) {
        let s = Builder::new().push_slice(&data).push_int(n).into_script();
        let ins: Vec<_> = s.as_script().instructions().collect::<Result<_, _>>().unwrap();
        prop_assert_eq!(ins.len(), 2);
        prop_assert_eq!(ins[0].push_bytes(), Some(&data[..]));
        let v = match ins[1] {
            Instruction::Op(op) if op == opcodes::OP_1NEGATE => -1,
            Instruction::Op(op) => i64::from(op.small_int().unwrap()),
            Instruction::PushBytes { data, .. } => decode_script_num(data).unwrap_or_else(|| {
                // Only i64::MIN needs 9 bytes.
                assert_eq!(n, i64::MIN);
                i64::MIN
            }),
            Instruction::Asset(_) => unreachable!(),
        };
        prop_assert_eq!(v, n);
    }
}
