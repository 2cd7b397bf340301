// SPDX-License-Identifier: MIT
//! Blocks and block headers, merkle roots, and the genesis blocks.
//!
//! A block is `header ‖ CompactSize(tx count) ‖ transactions`. The header layout (80 or 120
//! bytes) depends on the header's `nTime` and the network's KAWPOW activation time, so block
//! codecs take that time (or the [`NetworkParams`]) as an argument.
//!
//! The block id itself (X16R / X16RV2 / KAWPOW) is computed by the proof-of-work hash functions in
//! [`crate::hash`] from the bytes [`BlockHeader::to_legacy_bytes`] and
//! [`BlockHeader::kawpow_header_hash`] provide.

mod genesis;
mod header;
pub mod merkle;

pub use genesis::{genesis_block, genesis_coinbase, genesis_coinbase_script_sig};
pub use header::{BlockHeader, HeaderLayout, KAWPOW_HEADER_LEN, LEGACY_HEADER_LEN, PowAlgorithm};

use crate::encode::{
    DecodeError, DecodeWith, Encode, EncodeWith, LenCounter, Reader, Sink, compact_size_len,
    write_compact_size,
};
use crate::hash::{MerkleRoot, WitnessMerkleRoot};
use crate::network::{MAX_BLOCK_STRIPPED_SIZE, NetworkParams, WITNESS_SCALE_FACTOR};
pub use crate::transaction::MIN_TX_LEN;
use crate::transaction::Transaction;
use alloc::vec::Vec;

/// The most transactions a block may announce: transactions lie in the stripped part of a
/// block, which is at most `MAX_BLOCK_STRIPPED_SIZE` (2,000,000) bytes.
#[allow(clippy::cast_possible_truncation)] // 2,000,000 fits in every usize
pub const MAX_BLOCK_TXS: usize = MAX_BLOCK_STRIPPED_SIZE as usize / MIN_TX_LEN;

/// A block (`CBlock`): a header and its transactions.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Block {
    /// The header.
    pub header: BlockHeader,
    /// The transactions, coinbase first.
    pub txdata: Vec<Transaction>,
}

impl Block {
    /// Decodes a block whose transactions are in basic form with witness disallowed (see
    /// [`Transaction::decode_no_witness`]).
    ///
    /// # Errors
    /// As [`DecodeWith::decode_with`].
    pub fn decode_no_witness_with(
        r: &mut Reader<'_>,
        params: &NetworkParams,
    ) -> Result<Self, DecodeError> {
        let header = BlockHeader::decode_with(r, params)?;
        let txdata = r.read_vec_with(
            "block transactions",
            MAX_BLOCK_TXS,
            MIN_TX_LEN,
            Transaction::decode_no_witness,
        )?;
        Ok(Block { header, txdata })
    }

    /// Writes the block without witness data (the stripped form).
    pub fn encode_no_witness_with<S: Sink + ?Sized>(&self, sink: &mut S, params: &NetworkParams) {
        self.header.encode_with(sink, params);
        write_compact_size(sink, self.txdata.len() as u64);
        for tx in &self.txdata {
            tx.encode_no_witness(sink);
        }
    }

    /// Returns the serialized size with witness data.
    pub fn total_size(&self, params: &NetworkParams) -> usize {
        self.encoded_len_with(params)
    }

    /// Returns the serialized size without witness data.
    pub fn stripped_size(&self, params: &NetworkParams) -> usize {
        let mut c = LenCounter(0);
        self.encode_no_witness_with(&mut c, params);
        c.0
    }

    /// Returns the block weight: stripped size × 3 + total size.
    pub fn weight(&self, params: &NetworkParams) -> u64 {
        // Sizes of in-memory values fit in u64.
        (self.stripped_size(params) as u64) * (WITNESS_SCALE_FACTOR - 1)
            + self.total_size(params) as u64
    }

    /// Returns the coinbase (first) transaction, if any.
    pub fn coinbase(&self) -> Option<&Transaction> {
        self.txdata.first()
    }

    /// Computes the transaction merkle root and the CVE-2012-2459 mutation flag.
    pub fn compute_merkle_root(&self) -> (MerkleRoot, bool) {
        merkle::block_merkle_root(&self.txdata)
    }

    /// Returns true if the header's merkle root equals the computed one and the tree is not
    /// mutated.
    pub fn check_merkle_root(&self) -> bool {
        let (root, mutated) = self.compute_merkle_root();
        root == self.header.merkle_root && !mutated
    }

    /// Computes the witness merkle root.
    pub fn compute_witness_merkle_root(&self) -> WitnessMerkleRoot {
        merkle::block_witness_merkle_root(&self.txdata)
    }

    /// Returns the witness commitment carried by the coinbase, if any.
    pub fn witness_commitment(&self) -> Option<[u8; 32]> {
        merkle::find_witness_commitment(self.coinbase()?)
    }
}

#[cfg(any(test, feature = "proptest-impl"))]
mod arbitrary {
    use super::*;
    use crate::hash::{BlockHash, MixHash};
    use crate::units::CompactTarget;
    use proptest::prelude::*;

    /// Generates headers consistent with a network whose KAWPOW activation time is
    /// `kawpow_activation_time`: legacy-layout headers carry zero KAWPOW fields and
    /// KAWPOW-layout headers a zero `nonce`, so both round-trip exactly.
    pub fn arb_header(kawpow_activation_time: u32) -> impl Strategy<Value = BlockHeader> {
        (
            any::<i32>(),
            any::<BlockHash>(),
            any::<[u8; 32]>(),
            any::<u32>(),
            any::<CompactTarget>(),
            any::<u32>(),
            any::<u32>(),
            any::<u64>(),
            any::<MixHash>(),
        )
            .prop_map(
                move |(version, prev, merkle, time, bits, nonce, height, nonce64, mix)| {
                    let mut h = BlockHeader {
                        version,
                        prev_blockhash: prev,
                        merkle_root: MerkleRoot::from_byte_array(merkle),
                        time,
                        bits,
                        ..BlockHeader::default()
                    };
                    match h.layout(kawpow_activation_time) {
                        HeaderLayout::Legacy => h.nonce = nonce,
                        HeaderLayout::Kawpow => {
                            h.height = height;
                            h.nonce64 = nonce64;
                            h.mix_hash = mix;
                        }
                    }
                    h
                },
            )
    }

    /// Generates blocks of up to five transactions with headers from [`arb_header`].
    pub fn arb_block(kawpow_activation_time: u32) -> impl Strategy<Value = Block> {
        (arb_header(kawpow_activation_time), proptest::collection::vec(any::<Transaction>(), 0..5))
            .prop_map(|(header, txdata)| Block { header, txdata })
    }
}

#[cfg(any(test, feature = "proptest-impl"))]
pub use arbitrary::{arb_block, arb_header};

/// The header layout follows from the network's KAWPOW activation time.
impl DecodeWith<NetworkParams> for Block {
    /// Decodes a block (transactions with witness allowed) on the network of `params`.
    ///
    /// # Errors
    /// A header or transaction decoding error, or more than [`MAX_BLOCK_TXS`] transactions.
    fn decode_with(r: &mut Reader<'_>, params: &NetworkParams) -> Result<Self, DecodeError> {
        let header = BlockHeader::decode_with(r, params)?;
        let txdata = r.read_vec("block transactions", MAX_BLOCK_TXS)?;
        Ok(Block { header, txdata })
    }
}

impl EncodeWith<NetworkParams> for Block {
    /// Writes the block with witness data.
    fn encode_with<S: Sink + ?Sized>(&self, sink: &mut S, params: &NetworkParams) {
        self.header.encode_with(sink, params);
        write_compact_size(sink, self.txdata.len() as u64);
        for tx in &self.txdata {
            tx.encode(sink);
        }
    }

    fn encoded_len_with(&self, params: &NetworkParams) -> usize {
        self.header.encoded_len_with(params)
            + compact_size_len(self.txdata.len() as u64)
            + self.txdata.iter().map(Encode::encoded_len).sum::<usize>()
    }
}

#[cfg(test)]
#[allow(clippy::cast_possible_truncation)]
mod tests;
