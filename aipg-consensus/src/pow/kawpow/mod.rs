// SPDX-License-Identifier: MIT
//! KAWPOW: the ProgPoW 0.9.4 variant of Ravencoin and AIPG over ethash, with light verification.
//!
//! Mirrors `progpow::hash` and `progpow::verify` (`AIPowerGrid/AI-Power-Grid-Core:
//! src/crypto/ethash/lib/ethash/progpow.cpp`) and the ethash light cache they run on. A verifier
//! builds an [`EpochContext`] once per epoch (7,500 blocks) and computes the 64 DAG items a hash
//! reads from the light cache on demand, so it never needs the gigabyte DAG.
//!
//! Byte orders: every `[u8; 32]` hash here is in ProgPoW order, the order of the reference's
//! `ethash::hash256` and of its test vectors. A target (the reference's "boundary") is compared
//! as a big-endian number, so a final hash passes when `final_hash <= target` as byte arrays.
//! [`HeaderPow`] converts from a serialized 120-byte AIPG header, whose double-SHA256 header hash
//! and `mix_hash` field are stored reversed.
//!
//! # Example
//! ```
//! use aipg_consensus::pow::kawpow::{self, EpochContext};
//! # fn main() -> Result<(), kawpow::PowError> {
//! let ctx = EpochContext::new(0)?; // a fraction of a second in an optimised build
//! let result = kawpow::hash(&ctx, 0, &[0u8; 32], 0)?;
//! assert!(kawpow::verify(&ctx, &[0u8; 32], 0, 0, &result.mix_hash, &[0xff; 32]).is_ok());
//! # Ok(())
//! # }
//! ```
//!
//! This module imports nothing from the rest of the crate.

mod context;
mod error;
mod ethash;
mod keccak;
mod progpow;

use aipg_primitives::block::BlockHeader;
use aipg_primitives::hash::BlockHash;
use aipg_primitives::hash::kawpow::{final_hash_from_state, initial_state};
use aipg_primitives::units::Target;

pub use aipg_primitives::hash::kawpow::{KAWPOW_PADDING, hash_no_verify};
pub use context::{EpochContext, EpochContextCache, EpochWindow};
pub use error::PowError;
pub use ethash::{
    EPOCH_LENGTH, MAX_EPOCH, epoch_number, epoch_seed, full_dataset_items, light_cache_items,
};
pub use progpow::PERIOD_LENGTH;

/// The two outputs of a KAWPOW hash, in ProgPoW byte order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct HashResult {
    /// The mix hash a header carries (reversed) in its `mix_hash` field.
    pub mix_hash: [u8; 32],
    /// The final hash, compared with the target and (reversed) the block id.
    pub final_hash: [u8; 32],
}

fn check_epoch(ctx: &EpochContext, height: u32) -> Result<(), PowError> {
    let expected_epoch = epoch_number(height);
    if ctx.epoch() == expected_epoch {
        Ok(())
    } else {
        Err(PowError::WrongEpoch { context_epoch: ctx.epoch(), height, expected_epoch })
    }
}

/// Computes the KAWPOW mix and final hash of `(height, header_hash, nonce64)` (`progpow::hash`).
///
/// `height` selects the epoch (which `ctx` must be for) and the program period (`height / 3`).
///
/// # Errors
/// [`PowError::WrongEpoch`] when `ctx` is not the context of `height`'s epoch.
pub fn hash(
    ctx: &EpochContext,
    height: u32,
    header_hash: &[u8; 32],
    nonce64: u64,
) -> Result<HashResult, PowError> {
    check_epoch(ctx, height)?;
    let state = initial_state(header_hash, nonce64);
    let mix_hash = progpow::hash_mix(ctx, height, state[0], state[1]);
    Ok(HashResult { mix_hash, final_hash: final_hash_from_state(&state, &mix_hash) })
}

/// Returns true when `final_hash`, read as a big-endian number, is at most `target`.
#[inline]
pub fn is_below_target(final_hash: &[u8; 32], target: &[u8; 32]) -> bool {
    final_hash <= target
}

/// Verifies a KAWPOW proof of work with the light cache (`progpow::verify`).
///
/// First the final hash is recomputed from the claimed `mix_hash` without the DAG and compared
/// with `target`, so a header that misses its target costs two Keccak-f\[800\] permutations. Only
/// then is the mix recomputed from the light cache and compared with the claim. The same headers
/// are accepted as by the reference, which computes the mix first. When the mix does not match,
/// the error is [`PowError::AboveTarget`] if the computed final hash misses the target (the
/// reference's order of checks) and [`PowError::MixMismatch`] otherwise; a header whose claimed
/// mix misses the target is reported as [`PowError::AboveTarget`] without computing the mix.
///
/// All hashes are in ProgPoW byte order; `target` is a big-endian 256-bit number.
///
/// # Errors
/// [`PowError::WrongEpoch`] when `ctx` is not the context of `height`'s epoch,
/// [`PowError::AboveTarget`] (`high-hash`) or [`PowError::MixMismatch`] (`invalid-mix-hash`).
pub fn verify(
    ctx: &EpochContext,
    header_hash: &[u8; 32],
    nonce64: u64,
    height: u32,
    mix_hash: &[u8; 32],
    target: &[u8; 32],
) -> Result<(), PowError> {
    HeaderPow::new(*header_hash, height, nonce64, *mix_hash).verify(ctx, target)
}

/// The proof-of-work inputs of a KAWPOW header, in ProgPoW byte order, with the hashes every
/// check needs computed once: the header hash (double SHA-256), the initial Keccak state and the
/// final hash from the claimed mix (the block id).
///
/// Built from a decoded header ([`HeaderPow::from_block_header`]) or its 120 serialized bytes
/// ([`HeaderPow::from_header_bytes`]); light verification ([`HeaderPow::verify`]) then costs only
/// the ProgPoW loop.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct HeaderPow {
    header_hash: [u8; 32],
    height: u32,
    nonce64: u64,
    mix_hash: [u8; 32],
    state: [u32; 8],
    final_hash: [u8; 32],
}

impl HeaderPow {
    /// Bundles the proof-of-work inputs (all in ProgPoW byte order) and computes the initial state
    /// and the final hash from the claimed `mix_hash`.
    pub fn new(header_hash: [u8; 32], height: u32, nonce64: u64, mix_hash: [u8; 32]) -> Self {
        let state = initial_state(&header_hash, nonce64);
        let final_hash = final_hash_from_state(&state, &mix_hash);
        Self { header_hash, height, nonce64, mix_hash, state, final_hash }
    }

    /// Extracts the proof-of-work inputs of a serialized 120-byte KAWPOW header.
    ///
    /// The first 80 bytes are exactly the reference's `CKAWPOWInput` serialization, so the
    /// header hash is their double SHA-256 (reversed into ProgPoW order).
    pub fn from_header_bytes(header: &[u8; 120]) -> Self {
        Self::from_block_header(&BlockHeader::from_kawpow_bytes(header))
    }

    /// Extracts the proof-of-work inputs of a decoded header (its KAWPOW fields; a header in the
    /// legacy layout has them zero).
    pub fn from_block_header(header: &BlockHeader) -> Self {
        let mut mix_hash = header.mix_hash.to_byte_array();
        mix_hash.reverse();
        Self::new(header.kawpow_progpow_header(), header.height, header.nonce64, mix_hash)
    }

    /// Returns the double SHA-256 of the first 80 header bytes (`nVersion … nHeight`), reversed.
    pub fn header_hash(&self) -> [u8; 32] {
        self.header_hash
    }

    /// Returns the header's `nHeight` field.
    pub fn height(&self) -> u32 {
        self.height
    }

    /// Returns the header's `nNonce64` field.
    pub fn nonce64(&self) -> u64 {
        self.nonce64
    }

    /// Returns the header's `mix_hash` field, reversed.
    pub fn mix_hash(&self) -> [u8; 32] {
        self.mix_hash
    }

    /// Returns the final hash from the claimed mix (`hash_no_verify`), in ProgPoW byte order.
    pub fn final_hash(&self) -> [u8; 32] {
        self.final_hash
    }

    /// Returns the block id: the final hash from the claimed mix, reversed (no DAG needed).
    pub fn block_hash(&self) -> BlockHash {
        let mut id = self.final_hash;
        id.reverse();
        BlockHash::from_byte_array(id)
    }

    /// Returns the epoch of the header's height.
    pub fn epoch(&self) -> u32 {
        epoch_number(self.height)
    }

    /// Verifies the proof of work with the light cache, as [`verify`] does, reusing the hashes
    /// computed when `self` was built.
    ///
    /// # Errors
    /// As [`verify`].
    pub fn verify(&self, ctx: &EpochContext, target: &[u8; 32]) -> Result<(), PowError> {
        check_epoch(ctx, self.height)?;
        if !is_below_target(&self.final_hash, target) {
            return Err(PowError::AboveTarget { final_hash: self.final_hash });
        }
        let computed = progpow::hash_mix(ctx, self.height, self.state[0], self.state[1]);
        if computed != self.mix_hash {
            let final_hash = final_hash_from_state(&self.state, &computed);
            if !is_below_target(&final_hash, target) {
                return Err(PowError::AboveTarget { final_hash });
            }
            return Err(PowError::MixMismatch { computed, claimed: self.mix_hash });
        }
        Ok(())
    }
}

/// Verifies the KAWPOW proof of work of a serialized 120-byte header and returns its block id.
///
/// `target` is the header's decoded `nBits` target as a big-endian 256-bit number; the caller
/// applies `CheckProofOfWork`'s range rules (negative, overflow, above the limit) when decoding
/// it. `ctx` must be the context of the epoch of the header's own `nHeight` field.
///
/// # Errors
/// As [`verify`].
pub fn verify_header(
    ctx: &EpochContext,
    header: &[u8; 120],
    target: &[u8; 32],
) -> Result<BlockHash, PowError> {
    let pow = HeaderPow::from_header_bytes(header);
    pow.verify(ctx, target)?;
    Ok(pow.block_hash())
}

/// Verifies the KAWPOW proof of work of a decoded header against `target` and returns its block
/// id.
///
/// `target` is the header's decoded `nBits` (`CompactTarget::to_target`), already checked
/// against the network's limit by the caller; a hash meets it when, read as a little-endian
/// number in internal order (equivalently: the ProgPoW final hash read big-endian), it is at
/// most the target. `ctx` must be the context of the epoch of the header's `height` field.
///
/// # Errors
/// As [`verify`].
pub fn verify_block_header(
    ctx: &EpochContext,
    header: &BlockHeader,
    target: &Target,
) -> Result<BlockHash, PowError> {
    let pow = HeaderPow::from_block_header(header);
    pow.verify(ctx, &target.to_u256().to_be_bytes())?;
    Ok(pow.block_hash())
}
