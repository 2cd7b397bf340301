// SPDX-License-Identifier: MIT
//! Genesis blocks, built from the network parameters (`CreateGenesisBlock` in
//! `AIPowerGrid/AI-Power-Grid-Core: src/chainparams.cpp`).

use super::{Block, BlockHeader};
use crate::hash::BlockHash;
use crate::network::NetworkParams;
use crate::script::ScriptBuf;
use crate::transaction::{OutPoint, SEQUENCE_FINAL, Transaction, TxIn, TxOut, Witness};
use alloc::vec::Vec;

/// `OP_PUSHDATA1`: a one-byte length follows.
const OP_PUSHDATA1: u8 = 0x4c;
/// `OP_PUSHDATA2`: a two-byte length follows.
const OP_PUSHDATA2: u8 = 0x4d;
/// `OP_PUSHDATA4`: a four-byte length follows.
const OP_PUSHDATA4: u8 = 0x4e;
/// `OP_CHECKSIG`.
const OP_CHECKSIG: u8 = 0xac;

/// Appends a minimal data push of `data` (the reference's `CScript << vector`).
fn push_data(script: &mut Vec<u8>, data: &[u8]) {
    let len = data.len();
    if len < usize::from(OP_PUSHDATA1) {
        // `len < 0x4c` fits in one byte.
        #[allow(clippy::cast_possible_truncation)]
        script.push(len as u8);
    } else if let Ok(len) = u8::try_from(len) {
        script.push(OP_PUSHDATA1);
        script.push(len);
    } else if let Ok(len) = u16::try_from(len) {
        script.push(OP_PUSHDATA2);
        script.extend_from_slice(&len.to_le_bytes());
    } else {
        script.push(OP_PUSHDATA4);
        // Data in memory is far below 4 GiB.
        script.extend_from_slice(&u32::try_from(len).unwrap_or(u32::MAX).to_le_bytes());
    }
    script.extend_from_slice(data);
}

/// Returns the genesis coinbase input script for a timestamp text:
/// `OP_0 ‖ push(ffff001d) ‖ push(04) ‖ push(text)` (`CScript() << 486604799 << CScriptNum(4) <<
/// text` in the reference).
pub fn genesis_coinbase_script_sig(text: &str) -> ScriptBuf {
    let mut script = Vec::with_capacity(text.len() + 10);
    // 486604799 serializes as the four bytes ff ff 00 1d, written as a direct push.
    script.extend_from_slice(&[0x00, 0x04, 0xff, 0xff, 0x00, 0x1d, 0x01, 0x04]);
    push_data(&mut script, text.as_bytes());
    ScriptBuf::from_bytes(script)
}

/// Returns the genesis coinbase transaction of a network: version 1, one input spending the null
/// outpoint with the timestamp script, one output paying `genesis_reward` to
/// `<genesis_output_pubkey> OP_CHECKSIG`, lock time 0.
pub fn genesis_coinbase(params: &NetworkParams) -> Transaction {
    let mut script_pubkey = Vec::with_capacity(67);
    push_data(&mut script_pubkey, &params.genesis_output_pubkey);
    script_pubkey.push(OP_CHECKSIG);
    Transaction {
        version: 1,
        input: alloc::vec![TxIn {
            previous_output: OutPoint::NULL,
            script_sig: genesis_coinbase_script_sig(params.genesis_coinbase_text),
            sequence: SEQUENCE_FINAL,
            witness: Witness::new(),
        }],
        output: alloc::vec![TxOut {
            value: params.genesis_reward,
            script_pubkey: ScriptBuf::from_bytes(script_pubkey),
        }],
        lock_time: 0,
    }
}

/// Returns the genesis block of a network, built from its parameters. Its merkle root is
/// computed from the coinbase; it equals `params.genesis_merkle_root` for every built-in network.
pub fn genesis_block(params: &NetworkParams) -> Block {
    let coinbase = genesis_coinbase(params);
    let txdata = alloc::vec![coinbase];
    let (merkle_root, _) = super::merkle::block_merkle_root(&txdata);
    Block {
        header: BlockHeader {
            version: params.genesis_version,
            prev_blockhash: BlockHash::ZERO,
            merkle_root,
            time: params.genesis_time,
            bits: params.genesis_bits,
            nonce: params.genesis_nonce,
            ..BlockHeader::default()
        },
        txdata,
    }
}
