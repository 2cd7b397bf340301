//! Byte-compatible data types of AIPG (AI Power Grid) and its parent chain Ravencoin.
//!
//! This crate encodes, decodes and hashes what the reference node (AIPG Core) puts on disk and on
//! the wire: transactions, blocks and headers in both layouts, scripts, asset payloads and
//! addresses, with the parameters of every built-in network as plain values.
//!
//! It never performs I/O, reads the clock or the environment, or keeps global state. Decoders
//! take complete slices, check every length against what remains and against a per-type cap
//! before allocating, and never panic on untrusted input.
//!
//! # Features
//! - `std` (default): implements `std::error::Error` for the error types through `thiserror`.
//! - `serde`: `Serialize`/`Deserialize` for hashes and plain data types.
//! - `proptest-impl`: `Arbitrary` implementations for property tests in dependent crates.
//!
//! # Example
//! ```
//! use aipg_primitives::encode::{decode_exact, Encode};
//! let n: u32 = decode_exact(&[0x2a, 0, 0, 0]).unwrap();
//! assert_eq!(n, 42);
//! assert_eq!(n.to_bytes(), [0x2a, 0, 0, 0]);
//! ```

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

// Unit tests use `vec!` and `format!` also in the no-std build.
#[cfg(all(test, not(feature = "std")))]
#[macro_use]
extern crate std;

pub mod address;
pub mod amount;
pub mod asset;
pub mod block;
pub mod encode;
pub mod hash;
pub mod network;
pub mod script;
pub mod transaction;
pub mod units;

pub use address::{Address, AddressError, PrivateKey};
pub use amount::{Amount, AmountError, COIN, MAX_MONEY, SignedAmount};
pub use asset::{AssetKind, AssetName, AssetOutput, AssetPayload};
pub use block::{Block, BlockHeader, genesis_block};
pub use encode::{
    Decode, DecodeError, DecodeWith, Encode, EncodeWith, Reader, Sink, decode_exact, decode_prefix,
};
pub use hash::{BlockHash, MerkleRoot, Txid, Wtxid};
pub use network::{Network, NetworkParams};
pub use script::{Destination, PubkeyHash, Script, ScriptBuf, ScriptHash, ScriptType};
pub use transaction::{OutPoint, Transaction, TxIn, TxOut, Witness};
pub use units::{CompactTarget, Target, U256, Work};
