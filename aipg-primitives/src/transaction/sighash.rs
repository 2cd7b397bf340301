// SPDX-License-Identifier: MIT
//! Signature hashes: the legacy algorithm and BIP143 (witness version 0).
//!
//! Mirrors `SignatureHash`, `CTransactionSignatureSerializer` and `PrecomputedTransactionData`
//! (`AIPowerGrid/AI-Power-Grid-Core: src/script/interpreter.cpp`), which are Bitcoin Core's
//! unchanged. Both algorithms stream the serialization into a [`Sha256dEngine`]; neither builds
//! a copy of the transaction. Every function takes an untrusted transaction, input index and
//! hash type without panicking, and does work linear in the size of the transaction and the
//! script code.

use super::{OutPoint, SighashError, Transaction, TxIn, TxOut};
use crate::encode::{Encode, Sink, write_compact_size, write_var_bytes};
use crate::hash::{Sha256dEngine, hash_newtype};
use crate::script::Script;
use crate::script::opcodes::OP_CODESEPARATOR;

hash_newtype!(
    /// A legacy signature hash: the double SHA-256 of the modified transaction serialization
    /// followed by the hash type ([`legacy_sighash`]).
    LegacySighash
);
hash_newtype!(
    /// A BIP143 (witness version 0) signature hash ([`SighashCache::segwit_v0_sighash`]).
    SegwitV0Sighash
);

/// The value the reference returns, in place of a hash, for an input index out of range and for
/// SIGHASH_SINGLE without a matching output: the number 1 as a little-endian uint256.
pub const SIGHASH_ONE: LegacySighash = {
    let mut bytes = [0u8; 32];
    bytes[0] = 1;
    LegacySighash::from_byte_array(bytes)
};

/// The base type of a hash type: its low five bits (`nHashType & 0x1f`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SighashBase {
    /// Signs all outputs: SIGHASH_ALL (1), and every value of the low five bits other than 2 and
    /// 3, as the reference treats them.
    All,
    /// Signs no output, and leaves the other inputs' sequences out (SIGHASH_NONE, 2).
    None,
    /// Signs the output with the input's index, and leaves the other inputs' sequences out
    /// (SIGHASH_SINGLE, 3).
    Single,
}

/// A signature hash type as the reference takes it: the full 32-bit value (the last byte of a
/// signature, or any value a caller passes), appended to the legacy serialization and to the
/// BIP143 preimage as it is.
///
/// Only the base type (`& 0x1f`) and the ANYONECANPAY bit (`0x80`) change what is signed; the
/// other bits are carried into the hash and nothing else.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SighashType(u32);

impl SighashType {
    /// SIGHASH_ALL.
    pub const ALL: Self = Self(1);
    /// SIGHASH_NONE.
    pub const NONE: Self = Self(2);
    /// SIGHASH_SINGLE.
    pub const SINGLE: Self = Self(3);
    /// SIGHASH_ALL | SIGHASH_ANYONECANPAY.
    pub const ALL_ANYONECANPAY: Self = Self(0x81);
    /// SIGHASH_NONE | SIGHASH_ANYONECANPAY.
    pub const NONE_ANYONECANPAY: Self = Self(0x82);
    /// SIGHASH_SINGLE | SIGHASH_ANYONECANPAY.
    pub const SINGLE_ANYONECANPAY: Self = Self(0x83);
    /// The ANYONECANPAY flag bit (`SIGHASH_ANYONECANPAY`).
    pub const ANYONECANPAY_FLAG: u32 = 0x80;

    /// Wraps a hash type exactly as the reference reads it.
    #[inline]
    pub const fn from_consensus(value: u32) -> Self {
        Self(value)
    }

    /// Returns the full 32-bit value.
    #[inline]
    pub const fn to_consensus(self) -> u32 {
        self.0
    }

    /// Returns the base type (`nHashType & 0x1f`).
    #[inline]
    pub const fn base(self) -> SighashBase {
        match self.0 & 0x1f {
            2 => SighashBase::None,
            3 => SighashBase::Single,
            _ => SighashBase::All,
        }
    }

    /// Returns true when the ANYONECANPAY bit (`0x80`) is set.
    #[inline]
    pub const fn is_anyone_can_pay(self) -> bool {
        self.0 & Self::ANYONECANPAY_FLAG != 0
    }
}

impl From<u32> for SighashType {
    fn from(value: u32) -> Self {
        Self(value)
    }
}

/// Returns the position just past the operation starting at `pos`, and whether the operation
/// parsed, following the reference's `GetOp`: on a truncated push the position has already
/// moved past the opcode and the length bytes that were present.
fn next_op(script: &[u8], pos: usize) -> (usize, Option<u8>) {
    let Some(&opcode) = script.get(pos) else { return (pos, None) };
    let mut pc = pos.saturating_add(1);
    let size_len = match opcode {
        0x4c => 1,
        0x4d => 2,
        0x4e => 4,
        _ => 0,
    };
    let size = if opcode < 0x4c {
        usize::from(opcode)
    } else if size_len > 0 {
        let Some(len_bytes) = script.get(pc..pc.saturating_add(size_len)) else {
            return (pc, None);
        };
        pc = pc.saturating_add(size_len);
        let mut le = [0u8; 4];
        for (dst, src) in le.iter_mut().zip(len_bytes) {
            *dst = *src;
        }
        // A length above usize::MAX cannot fit in what remains either.
        usize::try_from(u32::from_le_bytes(le)).unwrap_or(usize::MAX)
    } else {
        0
    };
    if script.len().saturating_sub(pc) < size {
        return (pc, None);
    }
    (pc.saturating_add(size), Some(opcode))
}

/// Writes the script code as the legacy serializer does (`SerializeScriptCode`): the length of
/// the script less its OP_CODESEPARATORs, then the script with them removed, up to where
/// parsing stopped.
///
/// A script that ends in a truncated push is written only up to the point where the reference's
/// parser gave up, while the length still counts all of its bytes; the hash commits to exactly
/// that, as the reference's does.
fn write_script_code<S: Sink + ?Sized>(sink: &mut S, script: &[u8]) {
    let separator = OP_CODESEPARATOR.to_u8();
    let mut separators = 0usize;
    let mut pos = 0;
    while let (next, Some(op)) = next_op(script, pos) {
        if op == separator {
            separators = separators.saturating_add(1);
        }
        pos = next;
    }
    write_compact_size(sink, script.len().saturating_sub(separators) as u64);
    let mut begin = 0;
    let mut pos = 0;
    loop {
        let (next, op) = next_op(script, pos);
        pos = next;
        match op {
            Some(op) if op == separator => {
                // The separator is the byte just before `pos`.
                sink.write_all(script.get(begin..pos.saturating_sub(1)).unwrap_or_default());
                begin = pos;
            }
            Some(_) => {}
            None => break,
        }
    }
    if begin != script.len() {
        sink.write_all(script.get(begin..pos).unwrap_or_default());
    }
}

/// Returns the legacy signature hash of input `input_index` of `tx`, signing `script_code`
/// under `hash_type`.
///
/// Mirrors `SignatureHash` for `SigVersion::BASE` (`AIPowerGrid/AI-Power-Grid-Core:
/// src/script/interpreter.cpp`): the transaction is serialized with every input's script empty
/// except the signed one's, which holds the script code without its OP_CODESEPARATORs; with base
/// type NONE or SINGLE the other inputs' sequences are written as 0; ANYONECANPAY keeps only the
/// signed input; NONE writes no outputs, SINGLE the outputs up to the input's index with the
/// earlier ones "null" (value -1, empty script); then the hash type as 4 little-endian bytes.
///
/// As in the reference, an input index out of range, or SINGLE with no output at the input's
/// index, gives [`SIGHASH_ONE`] rather than an error. The caller removes signatures from the
/// script code (`FindAndDelete`) before calling.
pub fn legacy_sighash(
    tx: &Transaction,
    input_index: usize,
    script_code: Script<'_>,
    hash_type: SighashType,
) -> LegacySighash {
    if input_index >= tx.input.len() {
        return SIGHASH_ONE;
    }
    let base = hash_type.base();
    if base == SighashBase::Single && input_index >= tx.output.len() {
        return SIGHASH_ONE;
    }
    let anyone_can_pay = hash_type.is_anyone_can_pay();
    let mut engine = Sha256dEngine::new();
    tx.version.encode(&mut engine);

    let write_input = |engine: &mut Sha256dEngine, index: usize, txin: &TxIn| {
        txin.previous_output.encode(engine);
        if index == input_index {
            write_script_code(engine, script_code.as_bytes());
        } else {
            write_compact_size(engine, 0);
        }
        let sequence =
            if index != input_index && base != SighashBase::All { 0 } else { txin.sequence };
        sequence.encode(engine);
    };
    if anyone_can_pay {
        write_compact_size(&mut engine, 1);
        if let Some(txin) = tx.input.get(input_index) {
            write_input(&mut engine, input_index, txin);
        }
    } else {
        write_compact_size(&mut engine, tx.input.len() as u64);
        for (index, txin) in tx.input.iter().enumerate() {
            write_input(&mut engine, index, txin);
        }
    }

    match base {
        SighashBase::None => write_compact_size(&mut engine, 0),
        SighashBase::Single => {
            // input_index < outputs, checked above, so the count is at most the output count.
            let count = input_index.saturating_add(1);
            write_compact_size(&mut engine, count as u64);
            let null = TxOut::null();
            for (index, txout) in tx.output.iter().enumerate().take(count) {
                if index == input_index { txout } else { &null }.encode(&mut engine);
            }
        }
        SighashBase::All => {
            write_compact_size(&mut engine, tx.output.len() as u64);
            for txout in &tx.output {
                txout.encode(&mut engine);
            }
        }
    }
    tx.lock_time.encode(&mut engine);
    hash_type.to_consensus().encode(&mut engine);
    LegacySighash::from_byte_array(engine.finalize())
}

/// The three per-transaction hashes of BIP143, computed once per transaction so that the inputs
/// of a block do not each rehash them (`PrecomputedTransactionData`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bip143Hashes {
    prevouts: [u8; 32],
    sequences: [u8; 32],
    outputs: [u8; 32],
}

impl Bip143Hashes {
    /// Computes `hashPrevouts`, `hashSequence` and `hashOutputs` of `tx`.
    pub fn new(tx: &Transaction) -> Self {
        let mut prevouts = Sha256dEngine::new();
        let mut sequences = Sha256dEngine::new();
        for txin in &tx.input {
            txin.previous_output.encode(&mut prevouts);
            txin.sequence.encode(&mut sequences);
        }
        let mut outputs = Sha256dEngine::new();
        for txout in &tx.output {
            txout.encode(&mut outputs);
        }
        Bip143Hashes {
            prevouts: prevouts.finalize(),
            sequences: sequences.finalize(),
            outputs: outputs.finalize(),
        }
    }

    /// Returns `hashPrevouts`: the double SHA-256 of every input's outpoint.
    pub fn hash_prevouts(&self) -> [u8; 32] {
        self.prevouts
    }

    /// Returns `hashSequence`: the double SHA-256 of every input's sequence.
    pub fn hash_sequence(&self) -> [u8; 32] {
        self.sequences
    }

    /// Returns `hashOutputs`: the double SHA-256 of every output.
    pub fn hash_outputs(&self) -> [u8; 32] {
        self.outputs
    }
}

/// Signature hashes of one transaction, with the BIP143 per-transaction hashes computed on first
/// use and kept for the transaction's other inputs.
#[derive(Debug, Clone)]
pub struct SighashCache<'a> {
    tx: &'a Transaction,
    bip143: Option<Bip143Hashes>,
}

impl<'a> SighashCache<'a> {
    /// Creates a cache for `tx`; nothing is hashed yet.
    pub fn new(tx: &'a Transaction) -> Self {
        SighashCache { tx, bip143: None }
    }

    /// Returns the transaction.
    pub fn transaction(&self) -> &'a Transaction {
        self.tx
    }

    /// Returns the BIP143 per-transaction hashes, computing them on the first call.
    pub fn bip143_hashes(&mut self) -> Bip143Hashes {
        *self.bip143.get_or_insert_with(|| Bip143Hashes::new(self.tx))
    }

    /// Returns the legacy signature hash of an input; see [`legacy_sighash`].
    pub fn legacy_sighash(
        &self,
        input_index: usize,
        script_code: Script<'_>,
        hash_type: SighashType,
    ) -> LegacySighash {
        legacy_sighash(self.tx, input_index, script_code, hash_type)
    }

    /// Returns the BIP143 signature hash of input `input_index`, which spends an output of
    /// value `amount` (satoshis, the raw output field) and signs `script_code`.
    ///
    /// Mirrors `SignatureHash` for `SigVersion::WITNESS_V0` (`AIPowerGrid/AI-Power-Grid-Core:
    /// src/script/interpreter.cpp`), as BIP143 specifies: the double SHA-256 of version,
    /// `hashPrevouts` (zero with ANYONECANPAY), `hashSequence` (zero with ANYONECANPAY, NONE or
    /// SINGLE), the signed input's outpoint, the script code as a byte vector, the amount, the
    /// input's sequence, `hashOutputs` (all outputs; with SINGLE the output at the input's index,
    /// zero when there is none; zero with NONE), lock time and the hash type. The script code is
    /// used as given: for P2WPKH `76 a9 14 <key hash> 88 ac`, for P2WSH the witness script from
    /// the last executed OP_CODESEPARATOR on.
    ///
    /// # Errors
    /// [`SighashError::InputIndexOutOfRange`] when `input_index` is not an input of the
    /// transaction.
    pub fn segwit_v0_sighash(
        &mut self,
        input_index: usize,
        script_code: Script<'_>,
        amount: i64,
        hash_type: SighashType,
    ) -> Result<SegwitV0Sighash, SighashError> {
        let tx = self.tx;
        let txin = tx.input.get(input_index).ok_or(SighashError::InputIndexOutOfRange {
            index: input_index,
            inputs: tx.input.len(),
        })?;
        let base = hash_type.base();
        let anyone_can_pay = hash_type.is_anyone_can_pay();
        let zero = [0u8; 32];

        let hash_prevouts = if anyone_can_pay { zero } else { self.bip143_hashes().prevouts };
        let hash_sequence = if anyone_can_pay || base != SighashBase::All {
            zero
        } else {
            self.bip143_hashes().sequences
        };
        let hash_outputs = match base {
            SighashBase::All => self.bip143_hashes().outputs,
            SighashBase::Single => match tx.output.get(input_index) {
                Some(txout) => {
                    let mut engine = Sha256dEngine::new();
                    txout.encode(&mut engine);
                    engine.finalize()
                }
                None => zero,
            },
            SighashBase::None => zero,
        };

        let mut engine = Sha256dEngine::new();
        tx.version.encode(&mut engine);
        engine.write_all(&hash_prevouts);
        engine.write_all(&hash_sequence);
        OutPoint::encode(&txin.previous_output, &mut engine);
        write_var_bytes(&mut engine, script_code.as_bytes());
        amount.encode(&mut engine);
        txin.sequence.encode(&mut engine);
        engine.write_all(&hash_outputs);
        tx.lock_time.encode(&mut engine);
        hash_type.to_consensus().encode(&mut engine);
        Ok(SegwitV0Sighash::from_byte_array(engine.finalize()))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
mod tests;
