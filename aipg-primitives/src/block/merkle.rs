// SPDX-License-Identifier: MIT
//! Merkle roots of a block's transactions and the BIP141 witness commitment.
//!
//! Mirrors `AIPowerGrid/AI-Power-Grid-Core: src/consensus/merkle.cpp` and the commitment helpers
//! of `src/validation.cpp`.

use crate::hash::{MerkleRoot, WitnessMerkleRoot};
use crate::transaction::Transaction;
use alloc::vec::Vec;
use sha2::{Digest, Sha256};

/// The first six bytes of a witness-commitment output script: `OP_RETURN`, a 36-byte push, and
/// the tag `aa21a9ed`.
pub const WITNESS_COMMITMENT_HEADER: [u8; 6] = [0x6a, 0x24, 0xaa, 0x21, 0xa9, 0xed];

/// The smallest script length that can hold a witness commitment.
pub const MIN_WITNESS_COMMITMENT_SCRIPT_LEN: usize = 38;

/// Double SHA-256 of two 32-byte nodes, written without a temporary buffer.
#[inline]
fn hash_pair(left: &[u8; 32], right: &[u8; 32]) -> [u8; 32] {
    let first = Sha256::new().chain_update(left).chain_update(right).finalize();
    Sha256::digest(first).into()
}

/// Computes a merkle root in place over `nodes` (leaves in internal byte order) and reports
/// whether the tree is mutated (CVE-2012-2459): some level pairs a node with a *real* right
/// sibling that is identical to it. The self-pairing of the last node of an odd level is not a
/// mutation. An empty list gives the all-zero hash.
///
/// Mirrors `ComputeMerkleRoot`; the level-by-level form gives the same answer as the reference's
/// constant-space algorithm.
pub fn merkle_root_in_place(nodes: &mut Vec<[u8; 32]>) -> ([u8; 32], bool) {
    let mut mutated = false;
    while nodes.len() > 1 {
        for pair in nodes.chunks_exact(2) {
            if let [a, b] = pair {
                mutated |= a == b;
            }
        }
        let parents = nodes.len().div_ceil(2);
        for i in 0..parents {
            let left = nodes.get(2 * i).copied().unwrap_or_default();
            let right = nodes.get(2 * i + 1).copied().unwrap_or(left);
            if let Some(slot) = nodes.get_mut(i) {
                *slot = hash_pair(&left, &right);
            }
        }
        nodes.truncate(parents);
    }
    (nodes.first().copied().unwrap_or_default(), mutated)
}

/// Computes the merkle root of a list of 32-byte leaves and the mutation flag.
pub fn merkle_root_of<I: IntoIterator<Item = [u8; 32]>>(leaves: I) -> ([u8; 32], bool) {
    let mut nodes: Vec<[u8; 32]> = leaves.into_iter().collect();
    merkle_root_in_place(&mut nodes)
}

/// Computes the transaction merkle root of a block (`BlockMerkleRoot`) and whether the tree is
/// mutated (a block whose tree is mutated is invalid with `bad-txns-duplicate`).
pub fn block_merkle_root(txdata: &[Transaction]) -> (MerkleRoot, bool) {
    let (root, mutated) = merkle_root_of(txdata.iter().map(|tx| tx.txid().to_byte_array()));
    (MerkleRoot::from_byte_array(root), mutated)
}

/// Computes the witness merkle root (`BlockWitnessMerkleRoot`): the coinbase (first transaction)
/// contributes 32 zero bytes, every other transaction its wtxid. The mutation flag is not
/// meaningful here and is dropped.
pub fn block_witness_merkle_root(txdata: &[Transaction]) -> WitnessMerkleRoot {
    let leaves = txdata
        .iter()
        .enumerate()
        .map(|(i, tx)| if i == 0 { [0u8; 32] } else { tx.wtxid().to_byte_array() });
    WitnessMerkleRoot::from_byte_array(merkle_root_of(leaves).0)
}

/// Returns the witness commitment value: double SHA-256 of `witness root ‖ witness nonce`.
pub fn witness_commitment(root: &WitnessMerkleRoot, nonce: &[u8; 32]) -> [u8; 32] {
    hash_pair(root.as_byte_array(), nonce)
}

/// Returns true if `script` is a witness-commitment output script: at least 38 bytes starting
/// with [`WITNESS_COMMITMENT_HEADER`].
pub fn is_witness_commitment_script(script: &[u8]) -> bool {
    script.len() >= MIN_WITNESS_COMMITMENT_SCRIPT_LEN
        && script.starts_with(&WITNESS_COMMITMENT_HEADER)
}

/// Returns the index of the coinbase output holding the witness commitment
/// (`GetWitnessCommitmentIndex`): the **last** output whose script matches, if any.
pub fn witness_commitment_index(coinbase: &Transaction) -> Option<usize> {
    coinbase.output.iter().rposition(|o| is_witness_commitment_script(o.script_pubkey.as_bytes()))
}

/// Returns the 32 committed bytes (script bytes 6..38) of the coinbase's witness commitment
/// output, if it has one.
pub fn find_witness_commitment(coinbase: &Transaction) -> Option<[u8; 32]> {
    let index = witness_commitment_index(coinbase)?;
    let script = coinbase.output.get(index)?.script_pubkey.as_bytes();
    script.get(6..38)?.try_into().ok()
}

/// Builds the commitment output script for a commitment value: the header followed by it.
pub fn witness_commitment_script(commitment: &[u8; 32]) -> Vec<u8> {
    let mut script = Vec::with_capacity(MIN_WITNESS_COMMITMENT_SCRIPT_LEN);
    script.extend_from_slice(&WITNESS_COMMITMENT_HEADER);
    script.extend_from_slice(commitment);
    script
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hash::sha256d;
    use proptest::prelude::*;

    /// A plain recursive recomputation of the root, independent of the in-place version.
    fn naive_root(level: &[[u8; 32]]) -> [u8; 32] {
        match level.len() {
            0 => [0; 32],
            1 => level[0],
            _ => {
                let next: Vec<[u8; 32]> = level
                    .chunks(2)
                    .map(|c| {
                        let mut buf = [0u8; 64];
                        buf[..32].copy_from_slice(&c[0]);
                        buf[32..].copy_from_slice(c.get(1).unwrap_or(&c[0]));
                        sha256d(&buf)
                    })
                    .collect();
                naive_root(&next)
            }
        }
    }

    #[test]
    fn small_trees() {
        assert_eq!(merkle_root_of([]), ([0; 32], false));
        assert_eq!(merkle_root_of([[7; 32]]), ([7; 32], false));
        let (a, b, c) = ([1u8; 32], [2u8; 32], [3u8; 32]);
        let ab = hash_pair(&a, &b);
        let cc = hash_pair(&c, &c);
        assert_eq!(merkle_root_of([a, b, c]), (hash_pair(&ab, &cc), false));
        // Duplicating the last leaf of an odd list gives the same root, flagged as mutated.
        assert_eq!(merkle_root_of([a, b, c, c]), (hash_pair(&ab, &cc), true));
        // A duplicate that is not a sibling is not a mutation.
        assert!(!merkle_root_of([a, b, a, c]).1);
    }

    #[test]
    fn commitment_script_round_trip() {
        let mut tx = Transaction::default();
        tx.output.push(crate::transaction::TxOut {
            value: 0,
            script_pubkey: witness_commitment_script(&[9; 32]).into(),
        });
        tx.output.push(crate::transaction::TxOut::default());
        assert_eq!(witness_commitment_index(&tx), Some(0));
        assert_eq!(find_witness_commitment(&tx), Some([9; 32]));
        tx.output.push(crate::transaction::TxOut {
            value: 0,
            script_pubkey: witness_commitment_script(&[5; 32]).into(),
        });
        // The last matching output wins.
        assert_eq!(find_witness_commitment(&tx), Some([5; 32]));
        assert!(!is_witness_commitment_script(&WITNESS_COMMITMENT_HEADER));
    }

    proptest! {
        #[test]
        fn root_matches_naive(leaves in proptest::collection::vec(any::<[u8; 32]>(), 0..40)) {
            let (root, mutated) = merkle_root_of(leaves.clone());
            prop_assert_eq!(root, naive_root(&leaves));
            // Distinct random leaves never form a mutated tree.
            prop_assert!(!mutated || leaves.len() < 2);
        }

        #[test]
        fn duplicated_last_pair_is_detected(
            leaves in proptest::collection::vec(any::<[u8; 32]>(), 1..40)
        ) {
            // Appending a copy of the last leaf to an odd-length list keeps the root (the
            // CVE-2012-2459 attack) and sets the flag.
            let mut odd = leaves.clone();
            if odd.len() % 2 == 0 {
                odd.pop();
            }
            let (root, _) = merkle_root_of(odd.clone());
            let mut dup = odd.clone();
            dup.push(*odd.last().unwrap());
            let (dup_root, mutated) = merkle_root_of(dup);
            if odd.len() > 1 {
                prop_assert_eq!(dup_root, root);
            }
            prop_assert!(mutated);
        }
    }
}
