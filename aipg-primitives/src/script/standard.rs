// SPDX-License-Identifier: MIT
//! Standard output templates and their destinations (`Solver`, `ExtractDestination` and
//! `ExtractDestinations` in `src/script/standard.cpp`).

use super::Script;
use super::asset_layout::{AssetScriptType, recognize_asset_script};
use super::instruction::Instruction;
use super::opcodes::{self, Opcode};
use crate::hash::hash160;
use alloc::vec::Vec;

macro_rules! hash160_newtype {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        ///
        /// Stored, displayed and parsed in script byte order (plain hex, not reversed).
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
        pub struct $name([u8; 20]);

        impl $name {
            /// Wraps 20 bytes in script order.
            #[inline]
            pub const fn from_byte_array(bytes: [u8; 20]) -> Self {
                Self(bytes)
            }

            /// Returns the 20 bytes.
            #[inline]
            pub const fn to_byte_array(self) -> [u8; 20] {
                self.0
            }

            /// Borrows the 20 bytes.
            #[inline]
            pub const fn as_byte_array(&self) -> &[u8; 20] {
                &self.0
            }

            /// Copies the hash from a slice; `None` unless it is exactly 20 bytes long.
            #[inline]
            pub fn from_slice(bytes: &[u8]) -> Option<Self> {
                bytes.try_into().ok().map(Self)
            }
        }

        impl From<[u8; 20]> for $name {
            fn from(bytes: [u8; 20]) -> Self {
                Self(bytes)
            }
        }

        impl AsRef<[u8]> for $name {
            fn as_ref(&self) -> &[u8] {
                &self.0
            }
        }

        impl core::fmt::Display for $name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                for b in &self.0 {
                    write!(f, "{b:02x}")?;
                }
                Ok(())
            }
        }

        impl core::fmt::Debug for $name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                write!(f, concat!(stringify!($name), "({})"), self)
            }
        }

        impl core::str::FromStr for $name {
            type Err = hex::FromHexError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                let mut out = [0u8; 20];
                hex::decode_to_slice(s, &mut out)?;
                Ok(Self(out))
            }
        }

        #[cfg(any(test, feature = "proptest-impl"))]
        impl proptest::arbitrary::Arbitrary for $name {
            type Parameters = ();
            type Strategy = proptest::strategy::Map<proptest::arbitrary::StrategyFor<[u8; 20]>, fn([u8; 20]) -> Self>;
            fn arbitrary_with(_: ()) -> Self::Strategy {
                use proptest::strategy::Strategy;
                proptest::arbitrary::any::<[u8; 20]>().prop_map(Self)
            }
        }
    };
}

hash160_newtype!(
    /// The hash160 of a public key (`CKeyID`): what a P2PKH output pays to.
    PubkeyHash
);
hash160_newtype!(
    /// The hash160 of a redeem script (`CScriptID`): what a P2SH output pays to.
    ScriptHash
);

impl PubkeyHash {
    /// Returns the hash160 of a serialized public key.
    pub fn of_key(key: &[u8]) -> Self {
        Self(hash160(key))
    }
}

impl ScriptHash {
    /// Returns the hash160 of a redeem script.
    pub fn of_script(script: Script<'_>) -> Self {
        Self(hash160(script.as_bytes()))
    }
}

/// A destination with an address form (`CTxDestination` without `CNoDestination`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Destination {
    /// Pay to a key hash.
    PubkeyHash(PubkeyHash),
    /// Pay to a script hash.
    ScriptHash(ScriptHash),
}

/// The standard output types (`txnouttype` in `src/script/standard.h`).
///
/// The reference's Solver has no "witness_unknown": witness programs of other versions or
/// lengths are nonstandard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum ScriptType {
    /// `nonstandard` (0).
    NonStandard,
    /// `pubkey` (1).
    PubKey,
    /// `pubkeyhash` (2).
    PubKeyHash,
    /// `scripthash` (3).
    ScriptHash,
    /// `multisig` (4).
    Multisig,
    /// `nulldata` (5): `OP_RETURN` followed by pushes.
    NullData,
    /// `witness_v0_scripthash` (6).
    WitnessV0ScriptHash,
    /// `witness_v0_keyhash` (7).
    WitnessV0KeyHash,
    /// `new_asset` (8): a new-asset or owner-token output.
    NewAsset,
    /// `reissue_asset` (9).
    ReissueAsset,
    /// `transfer_asset` (10).
    TransferAsset,
    /// `nullassetdata` (11): `OP_AIPG_ASSET` followed by pushes (tags, freezes, verifiers).
    NullAssetData,
}

impl ScriptType {
    /// Returns the name the reference prints (`GetTxnOutputType`).
    pub const fn as_str(self) -> &'static str {
        match self {
            ScriptType::NonStandard => "nonstandard",
            ScriptType::PubKey => "pubkey",
            ScriptType::PubKeyHash => "pubkeyhash",
            ScriptType::ScriptHash => "scripthash",
            ScriptType::Multisig => "multisig",
            ScriptType::NullData => "nulldata",
            ScriptType::WitnessV0ScriptHash => "witness_v0_scripthash",
            ScriptType::WitnessV0KeyHash => "witness_v0_keyhash",
            ScriptType::NewAsset => "new_asset",
            ScriptType::ReissueAsset => "reissue_asset",
            ScriptType::TransferAsset => "transfer_asset",
            ScriptType::NullAssetData => "nullassetdata",
        }
    }

    /// Returns the reference's numeric value of the type.
    pub const fn to_u8(self) -> u8 {
        match self {
            ScriptType::NonStandard => 0,
            ScriptType::PubKey => 1,
            ScriptType::PubKeyHash => 2,
            ScriptType::ScriptHash => 3,
            ScriptType::Multisig => 4,
            ScriptType::NullData => 5,
            ScriptType::WitnessV0ScriptHash => 6,
            ScriptType::WitnessV0KeyHash => 7,
            ScriptType::NewAsset => 8,
            ScriptType::ReissueAsset => 9,
            ScriptType::TransferAsset => 10,
            ScriptType::NullAssetData => 11,
        }
    }
}

impl core::fmt::Display for ScriptType {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A classified output script with the data the reference's Solver extracts.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Solution<'a> {
    /// No template matched.
    NonStandard,
    /// `<33–65 byte push> OP_CHECKSIG`: the pushed key (not checked to be a valid point).
    PubKey(&'a [u8]),
    /// `OP_DUP OP_HASH160 <20> OP_EQUALVERIFY OP_CHECKSIG`.
    PubKeyHash(PubkeyHash),
    /// `OP_HASH160 <20> OP_EQUAL`, exactly 23 bytes.
    ScriptHash(ScriptHash),
    /// `OP_m <keys> OP_n OP_CHECKMULTISIG` with 1 ≤ m ≤ n = number of keys.
    Multisig {
        /// Signatures required (m).
        required: u8,
        /// The pushed keys (33–65 bytes each, not checked to be valid points).
        keys: Vec<&'a [u8]>,
    },
    /// `OP_RETURN` followed by pushes only.
    NullData,
    /// A version-0 witness program of 20 bytes.
    WitnessV0KeyHash([u8; 20]),
    /// A version-0 witness program of 32 bytes.
    WitnessV0ScriptHash([u8; 32]),
    /// An asset-carrying output (assets.md §4.2); `key_hash` is bytes 3–22 of the script.
    Asset {
        /// Which asset operation the type byte names.
        kind: AssetScriptType,
        /// The 20 bytes at offsets 3–22, always treated as a key hash.
        key_hash: PubkeyHash,
    },
    /// `OP_AIPG_ASSET` followed by pushes only; bytes 2–21 as a key hash when the script is at
    /// least 23 bytes long and byte 1 is not `OP_RESERVED`.
    NullAssetData {
        /// The tagged or frozen address, if any.
        key_hash: Option<PubkeyHash>,
    },
}

impl Solution<'_> {
    /// Returns the output type.
    pub const fn script_type(&self) -> ScriptType {
        match self {
            Solution::NonStandard => ScriptType::NonStandard,
            Solution::PubKey(_) => ScriptType::PubKey,
            Solution::PubKeyHash(_) => ScriptType::PubKeyHash,
            Solution::ScriptHash(_) => ScriptType::ScriptHash,
            Solution::Multisig { .. } => ScriptType::Multisig,
            Solution::NullData => ScriptType::NullData,
            Solution::WitnessV0KeyHash(_) => ScriptType::WitnessV0KeyHash,
            Solution::WitnessV0ScriptHash(_) => ScriptType::WitnessV0ScriptHash,
            Solution::Asset { kind: AssetScriptType::Transfer, .. } => ScriptType::TransferAsset,
            Solution::Asset { kind: AssetScriptType::Reissue, .. } => ScriptType::ReissueAsset,
            Solution::Asset { .. } => ScriptType::NewAsset,
            Solution::NullAssetData { .. } => ScriptType::NullAssetData,
        }
    }
}

/// Returns true when `key` has the length its header byte announces (`CPubKey::IsValid`: 33 bytes
/// for `02`/`03`, 65 bytes for `04`/`06`/`07`); the point itself is not checked.
pub fn is_pubkey_format_valid(key: &[u8]) -> bool {
    match key.first() {
        Some(2 | 3) => key.len() == 33,
        Some(4 | 6 | 7) => key.len() == 65,
        _ => false,
    }
}

pub(super) fn solve(script: Script<'_>) -> Solution<'_> {
    let bytes = script.as_bytes();
    // The exact 25-byte form matches no earlier rule and is the pubkeyhash template itself.
    if let Some(h) = script.p2pkh_hash() {
        return Solution::PubKeyHash(h);
    }
    if let Some(h) = script.p2sh_hash() {
        return Solution::ScriptHash(h);
    }
    if let Some((kind, _)) = recognize_asset_script(bytes) {
        let key_hash = bytes.get(3..23).and_then(PubkeyHash::from_slice).unwrap_or_default();
        return Solution::Asset { kind, key_hash };
    }
    if let Some((version, program)) = script.witness_program() {
        return match (version, program.len()) {
            (0, 20) => program.try_into().map_or(Solution::NonStandard, Solution::WitnessV0KeyHash),
            (0, 32) => {
                program.try_into().map_or(Solution::NonStandard, Solution::WitnessV0ScriptHash)
            }
            _ => Solution::NonStandard,
        };
    }
    match bytes.split_first() {
        Some((0x6a, rest)) if Script::new(rest).is_push_only() => return Solution::NullData,
        Some((0xc0, rest)) if Script::new(rest).is_push_only() => {
            let key_hash = if bytes.len() >= 23 && bytes.get(1) != Some(&0x50) {
                bytes.get(2..22).and_then(PubkeyHash::from_slice)
            } else {
                None
            };
            return Solution::NullAssetData { key_hash };
        }
        _ => {}
    }
    if let Some(key) = match_pubkey(script) {
        return Solution::PubKey(key);
    }
    if let Some(h) = match_pubkeyhash(script) {
        return Solution::PubKeyHash(h);
    }
    if let Some((required, keys)) = match_multisig(script) {
        return Solution::Multisig { required, keys };
    }
    Solution::NonStandard
}

/// Collects the instructions of a script that parses completely; `None` at the first bad push.
fn parsed(script: Script<'_>, max: usize) -> Option<Vec<Instruction<'_>>> {
    let mut out = Vec::new();
    for ins in script.instructions() {
        if out.len() >= max {
            return None;
        }
        out.push(ins.ok()?);
    }
    Some(out)
}

fn is_op(ins: &Instruction<'_>, op: Opcode) -> bool {
    matches!(ins, Instruction::Op(o) if *o == op)
}

/// Template `OP_PUBKEY OP_CHECKSIG`: any instruction whose data is 33–65 bytes, then `OP_CHECKSIG`.
fn match_pubkey(script: Script<'_>) -> Option<&[u8]> {
    match parsed(script, 2)?.as_slice() {
        [key, checksig] if (33..=65).contains(&key.data().len()) => {
            is_op(checksig, opcodes::OP_CHECKSIG).then(|| key.data())
        }
        _ => None,
    }
}

/// Template `OP_DUP OP_HASH160 OP_PUBKEYHASH OP_EQUALVERIFY OP_CHECKSIG`; the hash may be pushed
/// with any push opcode, as the reference's template matcher only compares the data.
fn match_pubkeyhash(script: Script<'_>) -> Option<PubkeyHash> {
    match parsed(script, 5)?.as_slice() {
        [dup, h160, hash, eqv, cs]
            if is_op(dup, opcodes::OP_DUP)
                && is_op(h160, opcodes::OP_HASH160)
                && is_op(eqv, opcodes::OP_EQUALVERIFY)
                && is_op(cs, opcodes::OP_CHECKSIG) =>
        {
            PubkeyHash::from_slice(hash.data())
        }
        _ => None,
    }
}

/// Template `OP_SMALLINTEGER OP_PUBKEYS OP_SMALLINTEGER OP_CHECKMULTISIG` with the reference's
/// extra checks (1 ≤ m ≤ n, n equal to the number of keys).
fn match_multisig(script: Script<'_>) -> Option<(u8, Vec<&[u8]>)> {
    // 1 + up to 20 keys matter for standardness, but the template accepts any number of keys;
    // a script of at most 10,000 bytes cannot hold more than 303 of them.
    let ins = parsed(script, usize::MAX)?;
    let (first, rest) = ins.split_first()?;
    let m = first.opcode().small_int()?;
    let key_count = rest.iter().take_while(|i| (33..=65).contains(&i.data().len())).count();
    let keys: Vec<&[u8]> = rest.get(..key_count)?.iter().map(Instruction::data).collect();
    match rest.get(key_count..)? {
        [n_ins, cms] if is_op(cms, opcodes::OP_CHECKMULTISIG) => {
            let n = n_ins.opcode().small_int()?;
            if m < 1 || n < 1 || m > n || keys.len() != usize::from(n) {
                return None;
            }
            Some((m, keys))
        }
        _ => None,
    }
}

impl Solution<'_> {
    /// Returns the single destination, as `ExtractDestination` does: key hash for pubkey (if the
    /// key's length matches its header), pubkeyhash, asset and tagged null-asset outputs; script
    /// hash for scripthash; nothing otherwise.
    pub fn destination(&self) -> Option<Destination> {
        match self {
            Solution::PubKey(key) => is_pubkey_format_valid(key)
                .then(|| Destination::PubkeyHash(PubkeyHash::of_key(key))),
            Solution::PubKeyHash(h) => Some(Destination::PubkeyHash(*h)),
            Solution::ScriptHash(h) => Some(Destination::ScriptHash(*h)),
            Solution::Asset { key_hash, .. } => Some(Destination::PubkeyHash(*key_hash)),
            Solution::NullAssetData { key_hash } => key_hash.map(Destination::PubkeyHash),
            _ => None,
        }
    }

    /// Returns the destinations and the number of signatures required, as `ExtractDestinations`
    /// does: for multisig the key hashes of the well-formed keys; otherwise the single
    /// destination with 1 required. `None` when there is no destination.
    pub fn destinations(&self) -> Option<(Vec<Destination>, u8)> {
        match self {
            Solution::Multisig { required, keys } => {
                let dests: Vec<Destination> = keys
                    .iter()
                    .filter(|k| is_pubkey_format_valid(k))
                    .map(|k| Destination::PubkeyHash(PubkeyHash::of_key(k)))
                    .collect();
                (!dests.is_empty()).then_some((dests, *required))
            }
            Solution::NullData => None,
            _ => self.destination().map(|d| (alloc::vec![d], 1)),
        }
    }
}
