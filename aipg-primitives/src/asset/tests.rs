// SPDX-License-Identifier: MIT
use super::*;
use crate::encode::Encode;
use crate::script::{PubkeyHash, Script, ScriptBuf, ScriptType, Solution};
use alloc::string::ToString;
use alloc::vec::Vec;
use proptest::prelude::*;

const KEY: &str = "00112233445566778899aabbccddeeff00112233";
const IPFS: &str = "QmacSRmrkVmvJfbCpmU6pK72furJ8E8fbKHindrLxmYMQo";
const TXID: &str = "9c2c8e121a0139ba39bffd3ca97267bca9d4c0c1e84ac0c34a883c28e7a912ca";

fn key() -> PubkeyHash {
    KEY.parse().unwrap()
}

fn check(out: &AssetOutput, hex: &str, kind: ScriptType) {
    let script = out.to_script();
    assert_eq!(script.to_hex(), hex);
    assert_eq!(AssetOutput::from_script(script.as_script()).as_ref(), Ok(out));
    let solved = script.as_script().solve();
    assert_eq!(solved.script_type(), kind);
    assert!(matches!(solved, Solution::Asset { key_hash, .. } if key_hash == key()));
}

#[test]
fn derived_examples() {
    let ipfs = AssetHash::from_string_form(IPFS).unwrap();
    assert!(matches!(ipfs, AssetHash::Ipfs(_)));
    assert_eq!(ipfs.to_string(), IPFS);
    assert!(ipfs.is_valid_encoding());
    let new = |reissuable, hash: Option<AssetHash>| {
        AssetPayload::New(NewAsset {
            name: "SERIALIZATION".into(),
            amount: 100_000_000,
            units: 0,
            reissuable,
            has_ipfs: i8::from(hash.is_some()),
            ipfs_hash: hash,
        })
    };
    let out = |payload| AssetOutput { key_hash: key(), payload };
    check(
        &out(new(0, Some(ipfs.clone()))),
        "76a91400112233445566778899aabbccddeeff0011223388acc03f72766e710d53455249414c495a4154494f4e00e1f505000000000000011220b657a63340bb213562ca069060430f9b8f381d13e17bbdf9dcdc058a73554e6c75",
        ScriptType::NewAsset,
    );
    check(
        &out(new(1, None)),
        "76a91400112233445566778899aabbccddeeff0011223388acc01d72766e710d53455249414c495a4154494f4e00e1f5050000000000010075",
        ScriptType::NewAsset,
    );
    check(
        &out(AssetPayload::Owner("SERIALIZATION!".into())),
        "76a91400112233445566778899aabbccddeeff0011223388acc01372766e6f0e53455249414c495a4154494f4e2175",
        ScriptType::NewAsset,
    );
    let transfer = |message, expire_time| {
        AssetPayload::Transfer(AssetTransfer {
            name: "SERIALIZATION".into(),
            amount: 100_000_000,
            message,
            expire_time,
        })
    };
    check(
        &out(transfer(None, 0)),
        "76a91400112233445566778899aabbccddeeff0011223388acc01a72766e740d53455249414c495a4154494f4e00e1f5050000000075",
        ScriptType::TransferAsset,
    );
    check(
        &out(transfer(Some(ipfs), 1_700_000_000)),
        "76a91400112233445566778899aabbccddeeff0011223388acc04472766e740d53455249414c495a4154494f4e00e1f505000000001220b657a63340bb213562ca069060430f9b8f381d13e17bbdf9dcdc058a73554e6c00f153650000000075",
        ScriptType::TransferAsset,
    );
    let txid = AssetHash::from_string_form(TXID).unwrap();
    assert_eq!(txid.to_string(), TXID);
    check(
        &out(AssetPayload::Reissue(ReissueAsset {
            name: "SERIALIZATION".into(),
            amount: 100_000_000,
            units: -1,
            reissuable: 1,
            ipfs_hash: Some(txid),
        })),
        "76a91400112233445566778899aabbccddeeff0011223388acc03e72766e720d53455249414c495a4154494f4e00e1f50500000000ff0154209c2c8e121a0139ba39bffd3ca97267bca9d4c0c1e84ac0c34a883c28e7a912ca75",
        ScriptType::ReissueAsset,
    );
    check(
        &out(AssetPayload::Reissue(ReissueAsset {
            name: "SERIALIZATION".into(),
            amount: 0,
            units: 2,
            reissuable: 0,
            ipfs_hash: None,
        })),
        "76a91400112233445566778899aabbccddeeff0011223388acc01c72766e720d53455249414c495a4154494f4e0000000000000000020075",
        ScriptType::ReissueAsset,
    );
}

#[test]
fn zero_amount_asset_scripts_are_unspendable() {
    let zero = AssetOutput {
        key_hash: key(),
        payload: AssetPayload::Transfer(AssetTransfer {
            name: "ABC".into(),
            amount: 0,
            message: None,
            expire_time: 0,
        }),
    }
    .to_script();
    assert!(zero.as_script().is_unspendable());
    assert_eq!(asset_amount_from_script(zero.as_script()), Some(0));
    let owner = AssetOutput { key_hash: key(), payload: AssetPayload::Owner("ABC!".into()) };
    assert_eq!(asset_amount_from_script(owner.to_script().as_script()), Some(OWNER_ASSET_AMOUNT));
    assert!(!owner.to_script().as_script().is_unspendable());
}

#[test]
fn recognition_edges() {
    let base = AssetOutput { key_hash: key(), payload: AssetPayload::Owner("ABC!".into()) }
        .to_script()
        .into_bytes();
    assert_eq!(recognize_asset_script(&base), Some((AssetScriptType::Owner, 31)));
    // The prefix bytes are never inspected.
    let mut other_prefix = base.clone();
    other_prefix[0] = 0x00;
    assert!(recognize_asset_script(&other_prefix).is_some());
    // A 'q' needs more than 39 bytes.
    let mut q = base.clone();
    q[30] = b'q';
    assert_eq!(q.len(), 37);
    assert_eq!(recognize_asset_script(&q), None);
    // Not 'rvn'.
    let mut bad = base.clone();
    bad[28] = b'x';
    assert_eq!(recognize_asset_script(&bad), None);
    // PUSHDATA1 form: marker starts at 28.
    let mut long = base[..26].to_vec();
    let mut data = b"rvnt".to_vec();
    data.extend(
        AssetTransfer { name: "A".repeat(80), amount: 5, message: None, expire_time: 0 }.to_bytes(),
    );
    crate::script::Builder::new();
    long.push(0x4c);
    long.push(data.len() as u8);
    long.extend(&data);
    long.push(0x75);
    assert_eq!(recognize_asset_script(&long), Some((AssetScriptType::Transfer, 32)));
    let parsed = AssetOutput::from_script(Script::new(&long)).unwrap();
    assert_eq!(parsed.to_script().as_bytes(), long.as_slice());
    // A 114-byte push puts 0x72 at byte 27: the first branch is taken and fails.
    let mut quirk = long.clone();
    quirk[27] = 0x72;
    assert_eq!(recognize_asset_script(&quirk), None);
    // A 23-byte P2SH prefix cannot carry an asset.
    let mut p2sh =
        ScriptBuf::new_p2sh(&crate::script::ScriptHash::from_byte_array([1; 20])).into_bytes();
    p2sh.extend_from_slice(&base[25..]);
    assert_eq!(recognize_asset_script(&p2sh), None);
}

#[test]
fn lenient_reads_match_the_reference() {
    // Trailing bytes after the payload are ignored.
    let mut s = AssetOutput {
        key_hash: key(),
        payload: AssetPayload::Transfer(AssetTransfer {
            name: "ABC".into(),
            amount: 1,
            message: None,
            expire_time: 0,
        }),
    }
    .to_script()
    .into_bytes();
    s.extend_from_slice(&[0xde, 0xad]);
    assert!(AssetOutput::from_script(Script::new(&s)).is_ok());
    // A hash tag other than 0x12 is read as the txid form.
    let mut payload = Vec::new();
    payload.extend_from_slice(&[3, b'A', b'B', b'C']);
    payload.extend_from_slice(&1i64.to_le_bytes());
    payload.push(0x00);
    payload.push(32);
    payload.extend_from_slice(&[7u8; 32]);
    let p = AssetPayload::parse(AssetScriptType::Transfer, &payload).unwrap();
    let AssetPayload::Transfer(t) = &p else { panic!() };
    assert_eq!(t.message, Some(AssetHash::Txid([7; 32])));
    // A short hash string gives a value the writer drops.
    let mut short = payload[..12].to_vec();
    short.push(0x12);
    short.push(31);
    short.extend_from_slice(&[7u8; 31]);
    let AssetPayload::Transfer(t) = AssetPayload::parse(AssetScriptType::Transfer, &short).unwrap()
    else {
        panic!()
    };
    assert!(matches!(t.message, Some(AssetHash::Other(ref v)) if v.len() == 33));
    assert!(!t.message.as_ref().unwrap().is_valid_encoding());
    // Truncated fields fail.
    assert!(matches!(
        AssetPayload::parse(AssetScriptType::New, &payload[..6]),
        Err(AssetPayloadError::Decode(_))
    ));
    assert_eq!(
        AssetPayload::parse(AssetScriptType::Owner, &[2, 0xff, 0xfe]),
        Err(AssetPayloadError::NotUtf8)
    );
}

#[test]
fn null_asset_examples() {
    let tag = NullAssetData::AddressTag {
        key_hash: key(),
        data: NullAssetTxData { asset_name: "#KYC".into(), flag: 1 },
    };
    let s = tag.to_script();
    assert_eq!(s.to_hex(), "c01400112233445566778899aabbccddeeff001122330604234b594301");
    assert_eq!(NullAssetData::from_script(s.as_script()), Ok(tag));
    assert_eq!(s.as_script().solve(), Solution::NullAssetData { key_hash: Some(key()) });
    let global =
        NullAssetData::GlobalRestriction(NullAssetTxData { asset_name: "$TOKEN".into(), flag: 1 });
    let s = global.to_script();
    assert_eq!(s.to_hex(), "c05050080624544f4b454e01");
    assert_eq!(NullAssetData::from_script(s.as_script()), Ok(global));
    assert_eq!(s.as_script().solve(), Solution::NullAssetData { key_hash: None });
    let verifier = NullAssetData::Verifier("KYC&!BAD".into());
    let s = verifier.to_script();
    assert_eq!(s.to_hex(), "c05009084b59432621424144");
    assert_eq!(NullAssetData::from_script(s.as_script()), Ok(verifier));
    assert_eq!(s.as_script().script_type(), ScriptType::NullAssetData);
    assert!(s.as_script().is_unspendable());
    assert_eq!(
        NullAssetData::from_script(Script::new(&[0xc0, 0x50, 0x50])),
        Err(AssetPayloadError::NotNullAssetScript)
    );
}

#[test]
fn hash_strings_are_refused_by_length_before_decoding() {
    let too_long = |len| Err(AssetPayloadError::HashStringTooLong { len, max: 64 });
    // 4 MB of Base58 digits: refused by length, not decoded.
    let huge = "z".repeat(4 << 20);
    assert_eq!(AssetHash::from_string_form(&huge), too_long(huge.len()));
    // One past the txid form.
    assert_eq!(AssetHash::from_string_form(&alloc::format!("{TXID}0")), too_long(65));
    // The longest valid strings still parse; others of a valid length do not.
    assert!(AssetHash::from_string_form(TXID).is_ok());
    assert!(AssetHash::from_string_form(IPFS).is_ok());
    assert_eq!(AssetHash::from_string_form(&IPFS[..45]), Err(AssetPayloadError::InvalidHashString));
    assert_eq!(
        AssetHash::from_string_form(&alloc::format!("{IPFS}z")),
        Err(AssetPayloadError::InvalidHashString)
    );
}

fn arb_hash() -> impl Strategy<Value = Option<AssetHash>> {
    prop_oneof![
        Just(None),
        any::<[u8; 32]>().prop_map(|d| Some(AssetHash::Ipfs(d))),
        any::<[u8; 32]>().prop_map(|d| Some(AssetHash::Txid(d))),
    ]
}

fn arb_payload() -> impl Strategy<Value = AssetPayload> {
    let name = "[A-Z0-9._/#!$~^]{0,40}";
    prop_oneof![
        (name, any::<i64>(), any::<i8>(), any::<i8>(), arb_hash()).prop_map(
            |(name, amount, units, reissuable, ipfs_hash)| {
                AssetPayload::New(NewAsset {
                    name,
                    amount,
                    units,
                    reissuable,
                    has_ipfs: i8::from(ipfs_hash.is_some()),
                    ipfs_hash,
                })
            }
        ),
        name.prop_map(AssetPayload::Owner),
        (name, any::<i64>(), arb_hash(), any::<i64>()).prop_map(|(name, amount, message, e)| {
            let expire_time = if message.is_some() { e } else { 0 };
            AssetPayload::Transfer(AssetTransfer { name, amount, message, expire_time })
        }),
        (name, any::<i64>(), any::<i8>(), any::<i8>(), arb_hash()).prop_map(
            |(name, amount, units, reissuable, ipfs_hash)| {
                AssetPayload::Reissue(ReissueAsset { name, amount, units, reissuable, ipfs_hash })
            }
        ),
    ]
}

proptest! {
    #[test]
    fn payload_round_trip(payload in arb_payload(), key in any::<PubkeyHash>()) {
        let bytes = payload.to_bytes();
        prop_assert_eq!(bytes.len(), payload.encoded_len());
        let parsed = AssetPayload::parse(payload.script_type(), &bytes);
        prop_assert_eq!(parsed.as_ref(), Ok(&payload));
        let out = AssetOutput { key_hash: key, payload };
        let script = out.to_script();
        // A 'q' payload is too short to be recognized only if the script is at most 39 bytes,
        // which a full new-asset payload never is.
        let parsed = AssetOutput::from_script(script.as_script());
        if recognize_asset_script(script.as_bytes()).is_some() {
            prop_assert_eq!(parsed.as_ref(), Ok(&out));
            prop_assert_eq!(parsed.unwrap().to_script(), script);
        }
    }

    #[test]
    fn parse_arbitrary_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..120)) {
        for kind in [AssetScriptType::New, AssetScriptType::Owner, AssetScriptType::Transfer, AssetScriptType::Reissue] {
            let _ = AssetPayload::parse(kind, &bytes);
        }
        let _ = AssetOutput::from_script(Script::new(&bytes));
        let _ = NullAssetData::from_script(Script::new(&bytes));
        let _ = asset_amount_from_script(Script::new(&bytes));
        prop_assert_eq!(
            Script::new(&bytes).is_unspendable(),
            matches!(bytes.first(), Some(0x6a | 0xc0))
                || asset_amount_from_script(Script::new(&bytes)) == Some(0)
        );
    }

    #[test]
    fn asset_script_arbitrary_payload_never_panics(tail in proptest::collection::vec(any::<u8>(), 0..100), ty in prop_oneof![Just(b'q'), Just(b'o'), Just(b't'), Just(b'r')]) {
        let mut s = ScriptBuf::new_p2pkh(&key()).into_bytes();
        s.push(0xc0);
        s.push(0x10);
        s.extend_from_slice(b"rvn");
        s.push(ty);
        s.extend_from_slice(&tail);
        // `is_unspendable` reads the amount without building the payload; it must agree.
        prop_assert_eq!(
            Script::new(&s).is_unspendable(),
            asset_amount_from_script(Script::new(&s)) == Some(0)
        );
        if let Ok(out) = AssetOutput::from_script(Script::new(&s)) {
            // Whatever parsed re-parses identically from its own serialization.
            let again = AssetOutput::from_script(out.to_script().as_script());
            if let Ok(again) = again {
                prop_assert_eq!(again.payload.name(), out.payload.name());
            }
        }
    }

    #[test]
    fn unspendable_agrees_with_the_payload_readers(
        ty in prop_oneof![Just(b'q'), Just(b'o'), Just(b't'), Just(b'r')],
        name in proptest::collection::vec(any::<u8>(), 0..4),
        amount in prop_oneof![Just(0i64), any::<i64>()],
        flags in proptest::collection::vec(prop_oneof![Just(1u8), any::<u8>()], 0..4),
        hash_len in 0u8..48,
        hash in proptest::collection::vec(any::<u8>(), 0..48),
        keep in 0usize..120,
    ) {
        let mut s = ScriptBuf::new_p2pkh(&key()).into_bytes();
        s.push(0xc0);
        s.push(0x10);
        s.extend_from_slice(b"rvn");
        s.push(ty);
        s.push(u8::try_from(name.len()).unwrap());
        s.extend_from_slice(&name);
        s.extend_from_slice(&amount.to_le_bytes());
        s.extend_from_slice(&flags);
        s.push(0x12);
        s.push(hash_len);
        s.extend_from_slice(&hash);
        s.truncate(31 + keep);
        prop_assert_eq!(
            Script::new(&s).is_unspendable(),
            asset_amount_from_script(Script::new(&s)) == Some(0)
        );
    }

    #[test]
    fn every_ipfs_hash_string_has_the_one_length(digest in any::<[u8; 32]>()) {
        // `from_string_form` decodes Base58 only at this length, so it must be the only one.
        let s = AssetHash::Ipfs(digest).to_string_form();
        prop_assert_eq!(s.len(), IPFS_HASH_STRING_LENGTH);
        prop_assert!(s.starts_with("Qm"));
        prop_assert_eq!(AssetHash::from_string_form(&s), Ok(AssetHash::Ipfs(digest)));
        let txid = AssetHash::Txid(digest).to_string_form();
        prop_assert_eq!(txid.len(), TXID_HASH_STRING_LENGTH);
        prop_assert_eq!(AssetHash::from_string_form(&txid), Ok(AssetHash::Txid(digest)));
    }

    #[test]
    fn hash_strings_never_panic(s in "\\PC{0,80}") {
        let _ = AssetHash::from_string_form(&s);
    }

    #[test]
    fn names_never_panic(s in "\\PC{0,45}") {
        if let Ok(n) = AssetName::new(&s) {
            prop_assert_eq!(asset_kind(n.as_str()), Ok(n.kind()));
            let _ = n.parent();
        }
        let _ = check_verifier_string(&s);
    }
}
