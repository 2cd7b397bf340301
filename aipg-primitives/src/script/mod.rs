// SPDX-License-Identifier: MIT
//! Scripts: the borrowed [`Script`] view and the owned [`ScriptBuf`].
//!
//! A script is an arbitrary byte string; nothing about its contents is checked when it is decoded,
//! exactly as in the reference (`CScript` in `src/script/script.h`). Its consensus encoding is a
//! byte vector (CompactSize length, then the bytes).

#![cfg_attr(
    not(test),
    warn(
        clippy::indexing_slicing,
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::cast_possible_truncation
    )
)]

mod asm;
pub(crate) mod asset_layout;
pub(crate) mod builder;
mod instruction;
mod num;
pub mod opcodes;
mod parse;
mod standard;

pub use builder::Builder;
pub use instruction::{Instruction, Instructions, ScriptError};
pub use num::{decode_script_num, encode_script_num};
pub use opcodes::Opcode;
pub use parse::AsmParseError;
pub use standard::{
    Destination, PubkeyHash, ScriptHash, ScriptType, Solution, is_pubkey_format_valid,
};

use crate::encode::{Decode, DecodeError, Encode, Reader, Sink, var_bytes_len, write_var_bytes};
use alloc::string::String;
use alloc::vec::Vec;

/// The largest script the interpreter executes (`MAX_SCRIPT_SIZE`, `src/script/script.h`).
pub const MAX_SCRIPT_SIZE: usize = 10_000;

/// The largest element a script may push (`MAX_SCRIPT_ELEMENT_SIZE`, `src/script/script.h`).
pub const MAX_SCRIPT_ELEMENT_SIZE: usize = 520;

/// A borrowed script: a thin, copyable view of script bytes.
///
/// All read-only analysis (instruction iteration, template classification, asm rendering) is
/// done on this type; [`ScriptBuf::as_script`] borrows an owned script as one.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Script<'a>(&'a [u8]);

impl<'a> Script<'a> {
    /// Wraps script bytes.
    #[inline]
    pub const fn new(bytes: &'a [u8]) -> Self {
        Script(bytes)
    }

    /// Returns the script bytes.
    #[inline]
    pub const fn as_bytes(&self) -> &'a [u8] {
        self.0
    }

    /// Returns the length in bytes.
    #[inline]
    pub const fn len(&self) -> usize {
        self.0.len()
    }

    /// Returns true for the empty script.
    #[inline]
    pub const fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Copies the script into an owned [`ScriptBuf`].
    #[inline]
    pub fn to_script_buf(&self) -> ScriptBuf {
        ScriptBuf(self.0.to_vec())
    }

    /// Returns an iterator over the instructions, as the reference's `GetOp` reads them.
    #[inline]
    pub const fn instructions(&self) -> Instructions<'a> {
        Instructions::new(self.0)
    }

    /// Returns the asm form as `ScriptToAsmStr(script, false)` prints it: small pushes (up to
    /// 4 bytes) as decimal numbers, larger pushes as hex, opcodes by name, everything after
    /// `OP_AIPG_ASSET` as one hex string, and `[error]` in place of a truncated push.
    pub fn to_asm(&self) -> String {
        asm::to_asm(*self, false)
    }

    /// Returns the asm form as `ScriptToAsmStr(script, true)` prints it (for script sigs): as
    /// [`Script::to_asm`], but a push that is a strictly encoded signature is shown without its
    /// hash-type byte and with a suffix such as `[ALL]` (not in unspendable scripts).
    pub fn to_asm_decode_sighash(&self) -> String {
        asm::to_asm(*self, true)
    }

    /// Returns true for `OP_DUP OP_HASH160 <20> OP_EQUALVERIFY OP_CHECKSIG` (exactly 25 bytes).
    #[inline]
    pub fn is_p2pkh(&self) -> bool {
        self.p2pkh_hash().is_some()
    }

    /// Returns the key hash of an exact 25-byte P2PKH script (`IsPayToPublicKeyHash`).
    pub fn p2pkh_hash(&self) -> Option<PubkeyHash> {
        match self.0 {
            [0x76, 0xa9, 0x14, hash @ .., 0x88, 0xac] => PubkeyHash::from_slice(hash),
            _ => None,
        }
    }

    /// Returns true for `OP_HASH160 <20> OP_EQUAL` (exactly 23 bytes, `IsPayToScriptHash`).
    #[inline]
    pub fn is_p2sh(&self) -> bool {
        self.p2sh_hash().is_some()
    }

    /// Returns the script hash of an exact 23-byte P2SH script.
    pub fn p2sh_hash(&self) -> Option<ScriptHash> {
        match self.0 {
            [0xa9, 0x14, hash @ .., 0x87] => ScriptHash::from_slice(hash),
            _ => None,
        }
    }

    /// Returns true for a 35-byte `<02/03 key> OP_CHECKSIG` or 67-byte `<04 key> OP_CHECKSIG`
    /// script (`IsPayToPublicKey`).
    pub fn is_p2pk(&self) -> bool {
        match self.0.len() {
            35 => matches!(self.0.get(1), Some(2 | 3)) && self.0.get(34) == Some(&0xac),
            67 => self.0.get(1) == Some(&4) && self.0.get(66) == Some(&0xac),
            _ => false,
        }
    }

    /// Returns the version and program of a witness program (`IsWitnessProgram`): 4–42 bytes,
    /// a version opcode `OP_0` or `OP_1`…`OP_16`, then exactly one direct push of the rest.
    pub fn witness_program(&self) -> Option<(u8, &'a [u8])> {
        if !(4..=42).contains(&self.0.len()) {
            return None;
        }
        let (&version_op, rest) = self.0.split_first()?;
        let version = Opcode::from_u8(version_op).small_int()?;
        let (&len, program) = rest.split_first()?;
        (usize::from(len) == program.len()).then_some((version, program))
    }

    /// Returns true for a 34-byte version-0 witness program of 32 bytes
    /// (`IsPayToWitnessScriptHash`).
    pub fn is_p2wsh(&self) -> bool {
        self.0.len() == 34 && self.0.first() == Some(&0x00) && self.0.get(1) == Some(&0x20)
    }

    /// Returns true when every instruction parses and is a push or small-integer opcode
    /// (anything up to `OP_16`, including `OP_RESERVED`), as `IsPushOnly` does.
    pub fn is_push_only(&self) -> bool {
        self.instructions().all(|i| matches!(i, Ok(i) if i.opcode().to_u8() <= 0x60))
    }

    /// Returns true when every instruction parses, no opcode is above `OP_NOP10` and no data item
    /// exceeds [`MAX_SCRIPT_ELEMENT_SIZE`] (`HasValidOps`, used by the reference's transaction
    /// sanity check for RPC input). As there, `OP_AIPG_ASSET` counts as invalid here.
    pub fn has_valid_ops(&self) -> bool {
        self.instructions().all(|i| {
            matches!(i, Ok(i) if i.opcode() <= opcodes::MAX_OPCODE
                && i.data().len() <= MAX_SCRIPT_ELEMENT_SIZE)
        })
    }

    /// Returns true for scripts that can never be spent and are never added to the UTXO set
    /// (`IsUnspendable`): starting with `OP_RETURN` or `OP_AIPG_ASSET`, longer than
    /// [`MAX_SCRIPT_SIZE`], or an asset script carrying an amount of zero.
    pub fn is_unspendable(&self) -> bool {
        matches!(self.0.first(), Some(0x6a | 0xc0))
            || self.0.len() > MAX_SCRIPT_SIZE
            || asset_layout::is_zero_amount_asset_script(self.0)
    }

    /// Counts signature operations (`GetSigOpCount`): `OP_CHECKSIG`/`OP_CHECKSIGVERIFY` count 1;
    /// `OP_CHECKMULTISIG`/`OP_CHECKMULTISIGVERIFY` count the preceding `OP_1`…`OP_16` in
    /// accurate mode, else 20. Counting stops at the first bad push.
    pub fn sigop_count(&self, accurate: bool) -> u32 {
        let mut n: u32 = 0;
        let mut last = opcodes::OP_INVALIDOPCODE;
        for ins in self.instructions() {
            let Ok(ins) = ins else { break };
            let op = ins.opcode();
            if op == opcodes::OP_CHECKSIG || op == opcodes::OP_CHECKSIGVERIFY {
                n = n.saturating_add(1);
            } else if op == opcodes::OP_CHECKMULTISIG || op == opcodes::OP_CHECKMULTISIGVERIFY {
                let count = match last.small_int() {
                    Some(k) if accurate && k >= 1 => u32::from(k),
                    _ => 20,
                };
                n = n.saturating_add(count);
            }
            last = op;
        }
        n
    }

    /// Classifies the script as the reference's `Solver` does and returns the extracted data.
    pub fn solve(&self) -> Solution<'a> {
        standard::solve(*self)
    }

    /// Returns the standard output type (`Solver`'s type).
    pub fn script_type(&self) -> ScriptType {
        self.solve().script_type()
    }

    /// Returns the single destination (`ExtractDestination`).
    pub fn destination(&self) -> Option<Destination> {
        self.solve().destination()
    }
}

impl AsRef<[u8]> for Script<'_> {
    #[inline]
    fn as_ref(&self) -> &[u8] {
        self.0
    }
}

impl<'a> From<&'a [u8]> for Script<'a> {
    #[inline]
    fn from(bytes: &'a [u8]) -> Self {
        Script(bytes)
    }
}

impl<'a> From<&'a ScriptBuf> for Script<'a> {
    #[inline]
    fn from(script: &'a ScriptBuf) -> Self {
        script.as_script()
    }
}

impl core::fmt::Debug for Script<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("Script(")?;
        fmt_hex(self.0, f)?;
        f.write_str(")")
    }
}

/// Formats the bytes as lower-case hex.
impl core::fmt::LowerHex for Script<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        fmt_hex(self.0, f)
    }
}

impl Encode for Script<'_> {
    #[inline]
    fn encode<S: Sink + ?Sized>(&self, sink: &mut S) {
        write_var_bytes(sink, self.0);
    }
    #[inline]
    fn encoded_len(&self) -> usize {
        var_bytes_len(self.0.len())
    }
}

/// An owned script (`CScript` in the reference).
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct ScriptBuf(Vec<u8>);

impl ScriptBuf {
    /// Creates an empty script.
    #[inline]
    pub const fn new() -> Self {
        ScriptBuf(Vec::new())
    }

    /// Wraps script bytes.
    #[inline]
    pub const fn from_bytes(bytes: Vec<u8>) -> Self {
        ScriptBuf(bytes)
    }

    /// Parses a script from hex (not asm).
    ///
    /// # Errors
    /// [`hex::FromHexError`] when `s` is not an even number of hex digits.
    pub fn from_hex(s: &str) -> Result<Self, hex::FromHexError> {
        hex::decode(s).map(ScriptBuf)
    }

    /// Borrows the script as a [`Script`].
    #[inline]
    pub fn as_script(&self) -> Script<'_> {
        Script(&self.0)
    }

    /// Returns the script bytes.
    #[inline]
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// Returns the script bytes mutably.
    #[inline]
    pub fn as_mut_bytes(&mut self) -> &mut Vec<u8> {
        &mut self.0
    }

    /// Returns the underlying vector.
    #[inline]
    pub fn into_bytes(self) -> Vec<u8> {
        self.0
    }

    /// Returns the length in bytes.
    #[inline]
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Returns true for the empty script.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Returns the bytes as lower-case hex.
    pub fn to_hex(&self) -> String {
        hex::encode(&self.0)
    }

    /// Returns the P2PKH script `OP_DUP OP_HASH160 <hash> OP_EQUALVERIFY OP_CHECKSIG`.
    pub fn new_p2pkh(hash: &PubkeyHash) -> Self {
        let mut v = Vec::with_capacity(25);
        v.extend_from_slice(&[0x76, 0xa9, 0x14]);
        v.extend_from_slice(hash.as_byte_array());
        v.extend_from_slice(&[0x88, 0xac]);
        ScriptBuf(v)
    }

    /// Returns the P2SH script `OP_HASH160 <hash> OP_EQUAL`.
    pub fn new_p2sh(hash: &ScriptHash) -> Self {
        let mut v = Vec::with_capacity(23);
        v.extend_from_slice(&[0xa9, 0x14]);
        v.extend_from_slice(hash.as_byte_array());
        v.push(0x87);
        ScriptBuf(v)
    }

    /// Returns the P2PK script `<key> OP_CHECKSIG` (`GetScriptForRawPubKey`).
    pub fn new_p2pk(key: &[u8]) -> Self {
        Builder::new().push_slice(key).push_opcode(opcodes::OP_CHECKSIG).into_script()
    }

    /// Returns the script paying to `dest` (`GetScriptForDestination`).
    pub fn for_destination(dest: &Destination) -> Self {
        match dest {
            Destination::PubkeyHash(h) => Self::new_p2pkh(h),
            Destination::ScriptHash(h) => Self::new_p2sh(h),
        }
    }

    /// Returns the bare multisig script `OP_m <keys> OP_n OP_CHECKMULTISIG`
    /// (`GetScriptForMultisig`); `None` unless 1 ≤ m ≤ n ≤ 16.
    pub fn new_multisig(required: u8, keys: &[&[u8]]) -> Option<Self> {
        let n = u8::try_from(keys.len()).ok()?;
        if required < 1 || required > n || n > 16 {
            return None;
        }
        let mut b = Builder::new().push_opcode(Opcode::from_small_int(required)?);
        for key in keys {
            b = b.push_slice(key);
        }
        Some(
            b.push_opcode(Opcode::from_small_int(n)?)
                .push_opcode(opcodes::OP_CHECKMULTISIG)
                .into_script(),
        )
    }

    /// Returns `OP_RETURN <push of data>`.
    pub fn new_op_return(data: &[u8]) -> Self {
        Builder::new().push_opcode(opcodes::OP_RETURN).push_slice(data).into_script()
    }

    /// Returns a witness program: the version opcode and a direct push of `program`
    /// (`None` for a version above 16 or a program outside 2–40 bytes).
    pub fn new_witness_program(version: u8, program: &[u8]) -> Option<Self> {
        if !(2..=40).contains(&program.len()) {
            return None;
        }
        Some(
            Builder::new()
                .push_opcode(Opcode::from_small_int(version)?)
                .push_slice(program)
                .into_script(),
        )
    }

    /// Appends a push of `data` (the reference's choice of push opcode).
    pub fn push_slice(&mut self, data: &[u8]) {
        builder::push_data(&mut self.0, data);
    }

    /// Appends an opcode byte.
    pub fn push_opcode(&mut self, op: Opcode) {
        self.0.push(op.to_u8());
    }

    /// Returns the asm form (see [`Script::to_asm`]).
    pub fn to_asm(&self) -> String {
        self.as_script().to_asm()
    }
}

/// Writes the asm form (see [`Script::to_asm`]).
impl core::fmt::Display for Script<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        asm::write_asm(*self, false, f)
    }
}

/// Writes the asm form (see [`Script::to_asm`]).
impl core::fmt::Display for ScriptBuf {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        asm::write_asm(self.as_script(), false, f)
    }
}

impl From<Vec<u8>> for ScriptBuf {
    #[inline]
    fn from(bytes: Vec<u8>) -> Self {
        ScriptBuf(bytes)
    }
}

impl From<&[u8]> for ScriptBuf {
    #[inline]
    fn from(bytes: &[u8]) -> Self {
        ScriptBuf(bytes.to_vec())
    }
}

impl From<Script<'_>> for ScriptBuf {
    #[inline]
    fn from(script: Script<'_>) -> Self {
        script.to_script_buf()
    }
}

impl From<ScriptBuf> for Vec<u8> {
    #[inline]
    fn from(script: ScriptBuf) -> Self {
        script.0
    }
}

impl AsRef<[u8]> for ScriptBuf {
    #[inline]
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

impl core::fmt::Debug for ScriptBuf {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("ScriptBuf(")?;
        fmt_hex(&self.0, f)?;
        f.write_str(")")
    }
}

/// Formats the bytes as lower-case hex.
impl core::fmt::LowerHex for ScriptBuf {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        fmt_hex(&self.0, f)
    }
}

impl Encode for ScriptBuf {
    #[inline]
    fn encode<S: Sink + ?Sized>(&self, sink: &mut S) {
        write_var_bytes(sink, &self.0);
    }
    #[inline]
    fn encoded_len(&self) -> usize {
        var_bytes_len(self.0.len())
    }
}

impl Decode for ScriptBuf {
    /// An empty script: its length, zero.
    const MIN_ENCODED_LEN: usize = 1;

    /// Reads a CompactSize length (at most `MAX_SIZE`) and that many bytes; the bytes are only
    /// copied once they are known to be present.
    fn decode(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        r.read_var_bytes().map(|b| ScriptBuf(b.to_vec()))
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for ScriptBuf {
    /// Serializes the script bytes as hex.
    fn serialize<Ser: serde::Serializer>(&self, s: Ser) -> Result<Ser::Ok, Ser::Error> {
        s.serialize_str(&self.to_hex())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for ScriptBuf {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <alloc::string::String as serde::Deserialize>::deserialize(d)?;
        ScriptBuf::from_hex(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(any(test, feature = "proptest-impl"))]
impl proptest::arbitrary::Arbitrary for ScriptBuf {
    type Parameters = ();
    type Strategy = proptest::strategy::Map<
        proptest::collection::VecStrategy<proptest::num::u8::Any>,
        fn(Vec<u8>) -> Self,
    >;
    fn arbitrary_with(_: ()) -> Self::Strategy {
        use proptest::strategy::Strategy;
        proptest::collection::vec(proptest::num::u8::ANY, 0..200).prop_map(ScriptBuf)
    }
}

fn fmt_hex(bytes: &[u8], f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
    for b in bytes {
        write!(f, "{b:02x}")?;
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::cast_possible_truncation)]
mod tests;
