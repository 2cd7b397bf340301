// SPDX-License-Identifier: MIT
//! Transactions: outpoints, inputs, outputs, witnesses, the basic and extended (segwit)
//! serializations, and the legacy and BIP143 signature hashes.
//!
//! Mirrors `CTransaction` and its serialization (`AIPowerGrid/AI-Power-Grid-Core:
//! src/primitives/transaction.h`). Two details differ from today's Bitcoin Core and are kept
//! here because the reference has them: an extended encoding whose witness stacks are all empty
//! decodes (there is no "superfluous witness record" error) and re-encodes in basic form, and a
//! transaction with no inputs is written in basic form, where the empty input count can be read
//! back as the extended-format marker. Use [`Transaction::decode_no_witness`] where the reference
//! reads with witness disallowed.

mod error;
mod sighash;
mod witness;

pub use error::SighashError;
pub use sighash::{
    Bip143Hashes, LegacySighash, SIGHASH_ONE, SegwitV0Sighash, SighashBase, SighashCache,
    SighashType, legacy_sighash,
};
pub use witness::{MAX_WITNESS_ITEMS, Witness};

use crate::encode::{
    Decode, DecodeError, Encode, LenCounter, Reader, Sink, compact_size_len, write_compact_size,
};
use crate::hash::{Sha256dEngine, Txid, Wtxid};
use crate::network::{MAX_BLOCK_STRIPPED_SIZE, WITNESS_SCALE_FACTOR};
use crate::script::ScriptBuf;
use alloc::vec::Vec;

/// The smallest transaction encoding: version, empty input and output vectors, lock time.
pub const MIN_TX_LEN: usize = 10;
/// The smallest encoding of an input: outpoint (36), empty script (1), sequence (4).
pub const MIN_TXIN_LEN: usize = 41;
/// The smallest encoding of an output: value (8) and empty script (1).
pub const MIN_TXOUT_LEN: usize = 9;

/// The most inputs one transaction may announce: the inputs of a transaction in a valid block lie
/// in its stripped part, which is at most `MAX_BLOCK_STRIPPED_SIZE` (2,000,000) bytes.
#[allow(clippy::cast_possible_truncation)] // 2,000,000 fits in every usize
pub const MAX_TX_INPUTS: usize = MAX_BLOCK_STRIPPED_SIZE as usize / MIN_TXIN_LEN;
/// The most outputs one transaction may announce (same bound as [`MAX_TX_INPUTS`]).
#[allow(clippy::cast_possible_truncation)] // 2,000,000 fits in every usize
pub const MAX_TX_OUTPUTS: usize = MAX_BLOCK_STRIPPED_SIZE as usize / MIN_TXOUT_LEN;

/// The sequence number that disables lock time and relative lock time for an input.
pub const SEQUENCE_FINAL: u32 = 0xffff_ffff;

/// A reference to an output of an earlier transaction (`COutPoint`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct OutPoint {
    /// The id of the transaction holding the output.
    pub txid: Txid,
    /// The output's index in that transaction.
    pub vout: u32,
}

impl OutPoint {
    /// The null outpoint that a coinbase input spends: zero txid, index `0xffffffff`.
    pub const NULL: OutPoint = OutPoint { txid: Txid::ZERO, vout: u32::MAX };

    /// Creates an outpoint.
    pub const fn new(txid: Txid, vout: u32) -> Self {
        OutPoint { txid, vout }
    }

    /// Returns true for the null outpoint.
    pub fn is_null(&self) -> bool {
        self.vout == u32::MAX && self.txid.is_zero()
    }
}

impl Default for OutPoint {
    fn default() -> Self {
        OutPoint::NULL
    }
}

impl Encode for OutPoint {
    fn encode<S: Sink + ?Sized>(&self, sink: &mut S) {
        self.txid.encode(sink);
        self.vout.encode(sink);
    }
    fn encoded_len(&self) -> usize {
        36
    }
}

impl Decode for OutPoint {
    /// Txid (32) and index (4).
    const MIN_ENCODED_LEN: usize = 36;

    fn decode(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        Ok(OutPoint { txid: Txid::decode(r)?, vout: r.read_u32()? })
    }
}

/// A transaction input (`CTxIn`).
///
/// Its own encoding ([`Encode`]/[`Decode`]) is the basic one and leaves the witness out; the
/// witness is written with the transaction's extended serialization.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct TxIn {
    /// The output being spent.
    pub previous_output: OutPoint,
    /// The unlocking script.
    pub script_sig: ScriptBuf,
    /// The sequence number.
    pub sequence: u32,
    /// The witness stack (empty for inputs without witness data).
    pub witness: Witness,
}

impl Encode for TxIn {
    fn encode<S: Sink + ?Sized>(&self, sink: &mut S) {
        self.previous_output.encode(sink);
        self.script_sig.encode(sink);
        self.sequence.encode(sink);
    }
    fn encoded_len(&self) -> usize {
        36 + self.script_sig.encoded_len() + 4
    }
}

impl Decode for TxIn {
    const MIN_ENCODED_LEN: usize = MIN_TXIN_LEN;

    fn decode(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        Ok(TxIn {
            previous_output: OutPoint::decode(r)?,
            script_sig: ScriptBuf::decode(r)?,
            sequence: r.read_u32()?,
            witness: Witness::new(),
        })
    }
}

/// A transaction output (`CTxOut`).
///
/// The value is kept as the raw signed 64-bit field: decoding does not check the money range,
/// which is a consensus rule (use [`Amount::from_sat_with_max`](crate::Amount::from_sat_with_max)).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct TxOut {
    /// The value in satoshis.
    pub value: i64,
    /// The locking script.
    pub script_pubkey: ScriptBuf,
}

impl TxOut {
    /// Returns the reference's "null" output (value -1, empty script), used by sighash
    /// computations.
    pub fn null() -> Self {
        TxOut { value: -1, script_pubkey: ScriptBuf::new() }
    }
}

impl Encode for TxOut {
    fn encode<S: Sink + ?Sized>(&self, sink: &mut S) {
        self.value.encode(sink);
        self.script_pubkey.encode(sink);
    }
    fn encoded_len(&self) -> usize {
        8 + self.script_pubkey.encoded_len()
    }
}

impl Decode for TxOut {
    const MIN_ENCODED_LEN: usize = MIN_TXOUT_LEN;

    fn decode(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        Ok(TxOut { value: r.read_i64()?, script_pubkey: ScriptBuf::decode(r)? })
    }
}

/// A transaction (`CTransaction`).
///
/// [`Encode`] writes the extended serialization when some input has witness data and the basic
/// one otherwise; [`Decode`] reads either (witness allowed).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Transaction {
    /// The transaction version (`nVersion`).
    pub version: i32,
    /// The inputs.
    pub input: Vec<TxIn>,
    /// The outputs.
    pub output: Vec<TxOut>,
    /// The lock time (`nLockTime`).
    pub lock_time: u32,
}

impl Transaction {
    /// Returns true if some input carries a non-empty witness stack (`HasWitness`).
    pub fn has_witness(&self) -> bool {
        self.input.iter().any(|i| !i.witness.is_empty())
    }

    /// Returns true for a coinbase: exactly one input, spending the null outpoint.
    pub fn is_coinbase(&self) -> bool {
        matches!(self.input.as_slice(), [only] if only.previous_output.is_null())
    }

    /// Writes the basic serialization (no witness data), whatever the inputs carry.
    pub fn encode_no_witness<S: Sink + ?Sized>(&self, sink: &mut S) {
        self.encode_inner(sink, false);
    }

    fn encode_inner<S: Sink + ?Sized>(&self, sink: &mut S, allow_witness: bool) {
        self.version.encode(sink);
        let extended = allow_witness && self.has_witness();
        if extended {
            // Marker (an empty input vector) and flags.
            sink.write_all(&[0x00, 0x01]);
        }
        write_compact_size(sink, self.input.len() as u64);
        for txin in &self.input {
            txin.encode(sink);
        }
        write_compact_size(sink, self.output.len() as u64);
        for txout in &self.output {
            txout.encode(sink);
        }
        if extended {
            for txin in &self.input {
                txin.witness.encode(sink);
            }
        }
        self.lock_time.encode(sink);
    }

    /// Decodes with witness allowed (the default network and disk serialization).
    ///
    /// # Errors
    /// [`DecodeError::UnknownOptionalData`] for flag bits other than the witness bit, an
    /// over-limit count ([`MAX_TX_INPUTS`], [`MAX_TX_OUTPUTS`], [`MAX_WITNESS_ITEMS`]), or any
    /// encoding error of the parts.
    pub fn decode_with_witness(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        Self::decode_inner(r, true)
    }

    /// Decodes with witness disallowed: an empty input vector is never read as the extended
    /// format marker.
    ///
    /// # Errors
    /// An over-limit count or any encoding error of the parts.
    pub fn decode_no_witness(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        Self::decode_inner(r, false)
    }

    fn decode_inner(r: &mut Reader<'_>, allow_witness: bool) -> Result<Self, DecodeError> {
        let version = r.read_i32()?;
        let mut flags = 0u8;
        let mut input: Vec<TxIn> = r.read_vec("transaction inputs", MAX_TX_INPUTS)?;
        let mut output: Vec<TxOut> = Vec::new();
        if input.is_empty() && allow_witness {
            // An empty input vector is the marker; the flags byte follows.
            flags = r.read_u8()?;
            if flags != 0 {
                input = r.read_vec("transaction inputs", MAX_TX_INPUTS)?;
                output = r.read_vec("transaction outputs", MAX_TX_OUTPUTS)?;
            }
        } else {
            output = r.read_vec("transaction outputs", MAX_TX_OUTPUTS)?;
        }
        if flags & 1 != 0 && allow_witness {
            flags ^= 1;
            for txin in &mut input {
                txin.witness = Witness::decode(r)?;
            }
        }
        if flags != 0 {
            return Err(DecodeError::UnknownOptionalData(flags));
        }
        let lock_time = r.read_u32()?;
        Ok(Transaction { version, input, output, lock_time })
    }

    /// Returns the transaction id: double SHA-256 of the basic serialization, streamed.
    pub fn txid(&self) -> Txid {
        let mut engine = Sha256dEngine::new();
        self.encode_inner(&mut engine, false);
        Txid::from_byte_array(engine.finalize())
    }

    /// Returns the witness transaction id: double SHA-256 of the extended serialization, equal
    /// to the txid when no input has witness data.
    pub fn wtxid(&self) -> Wtxid {
        let mut engine = Sha256dEngine::new();
        self.encode_inner(&mut engine, true);
        Wtxid::from_byte_array(engine.finalize())
    }

    /// Returns the size of the basic serialization ("stripped size").
    pub fn base_size(&self) -> usize {
        let mut counter = LenCounter(0);
        self.encode_inner(&mut counter, false);
        counter.0
    }

    /// Returns the size of the serialization with witness data (the basic size when there is
    /// none).
    pub fn total_size(&self) -> usize {
        self.encoded_len()
    }

    /// Returns the weight: stripped size × 3 + total size.
    pub fn weight(&self) -> u64 {
        // Sizes of in-memory values fit in u64.
        (self.base_size() as u64) * (WITNESS_SCALE_FACTOR - 1) + self.total_size() as u64
    }

    /// Returns the virtual size: weight divided by four, rounded up.
    pub fn vsize(&self) -> u64 {
        self.weight().div_ceil(WITNESS_SCALE_FACTOR)
    }
}

impl Encode for Transaction {
    fn encode<S: Sink + ?Sized>(&self, sink: &mut S) {
        self.encode_inner(sink, true);
    }

    fn encoded_len(&self) -> usize {
        let mut len = 4 + compact_size_len(self.input.len() as u64) + 4;
        len += self.input.iter().map(TxIn::encoded_len).sum::<usize>();
        len += compact_size_len(self.output.len() as u64);
        len += self.output.iter().map(TxOut::encoded_len).sum::<usize>();
        if self.has_witness() {
            len += 2 + self.input.iter().map(|i| i.witness.encoded_len()).sum::<usize>();
        }
        len
    }
}

impl Decode for Transaction {
    const MIN_ENCODED_LEN: usize = MIN_TX_LEN;

    /// Decodes with witness allowed; see [`Transaction::decode_with_witness`].
    fn decode(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        Self::decode_inner(r, true)
    }
}

#[cfg(any(test, feature = "proptest-impl"))]
mod arbitrary {
    use super::*;
    use proptest::prelude::*;

    impl Arbitrary for OutPoint {
        type Parameters = ();
        type Strategy = BoxedStrategy<Self>;
        fn arbitrary_with(_: ()) -> Self::Strategy {
            prop_oneof![
                1 => Just(OutPoint::NULL),
                9 => (any::<Txid>(), any::<u32>()).prop_map(|(t, v)| OutPoint::new(t, v)),
            ]
            .boxed()
        }
    }

    impl Arbitrary for TxIn {
        type Parameters = ();
        type Strategy = BoxedStrategy<Self>;
        /// Generates inputs with an empty witness (the input's own encoding has none).
        fn arbitrary_with(_: ()) -> Self::Strategy {
            (any::<OutPoint>(), any::<ScriptBuf>(), any::<u32>())
                .prop_map(|(previous_output, script_sig, sequence)| TxIn {
                    previous_output,
                    script_sig,
                    sequence,
                    witness: Witness::new(),
                })
                .boxed()
        }
    }

    impl Arbitrary for TxOut {
        type Parameters = ();
        type Strategy = BoxedStrategy<Self>;
        fn arbitrary_with(_: ()) -> Self::Strategy {
            (any::<i64>(), any::<ScriptBuf>())
                .prop_map(|(value, script_pubkey)| TxOut { value, script_pubkey })
                .boxed()
        }
    }

    impl Arbitrary for Transaction {
        type Parameters = ();
        type Strategy = BoxedStrategy<Self>;
        /// Generates transactions that survive the witness-allowed round trip: at least one
        /// input, and witness stacks on some inputs.
        fn arbitrary_with(_: ()) -> Self::Strategy {
            (
                any::<i32>(),
                proptest::collection::vec((any::<TxIn>(), any::<Witness>()), 1..4),
                proptest::collection::vec(any::<TxOut>(), 0..4),
                any::<u32>(),
            )
                .prop_map(|(version, ins, output, lock_time)| Transaction {
                    version,
                    input: ins
                        .into_iter()
                        .map(|(mut i, w)| {
                            i.witness = w;
                            i
                        })
                        .collect(),
                    output,
                    lock_time,
                })
                .boxed()
        }
    }

    /// Generates transactions for the basic serialization only (no witness, inputs may be
    /// empty), which round-trip through [`Transaction::decode_no_witness`].
    pub fn arb_transaction_no_witness() -> impl Strategy<Value = Transaction> {
        (
            any::<i32>(),
            proptest::collection::vec(any::<TxIn>(), 0..4),
            proptest::collection::vec(any::<TxOut>(), 0..4),
            any::<u32>(),
        )
            .prop_map(|(version, input, output, lock_time)| Transaction {
                version,
                input,
                output,
                lock_time,
            })
    }
}

#[cfg(any(test, feature = "proptest-impl"))]
pub use arbitrary::arb_transaction_no_witness;

#[cfg(test)]
#[allow(clippy::cast_possible_truncation)]
mod tests;
