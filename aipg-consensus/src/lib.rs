// SPDX-License-Identifier: MIT
//! Consensus rules of AIPG (AI Power Grid), a Ravencoin fork.
//!
//! This crate checks what the reference node (AIPG Core) checks. It never performs I/O, reads the
//! clock or the environment, spawns threads or keeps global state: the caller passes in every
//! value, and large derived data such as a KAWPOW epoch context is an ordinary value that the
//! caller builds, caches and shares.
//!
//! # Modules
//! - [`header`]: header-chain rules (proof of work of a header, then its checks against the chain
//!   it extends), with a strict mode that closes the 2026 KAWPOW checkpoint-shortcut exploit.
//! - [`pow`]: proof of work. [`pow::kawpow`] is KAWPOW (ProgPoW 0.9.4 over ethash) with light
//!   verification; [`pow::difficulty`] is the required `nBits` (Dark Gravity Wave and the legacy
//!   retarget) and `CheckProofOfWork`. It imports nothing from the rest of the crate.
//! - [`subsidy`]: the block subsidy of AIPG and Ravencoin, AIPG's mandatory coinbase fee output
//!   and the coinbase amount limit.
//!
//! # Features
//! - `std` (default): implements `std::error::Error` for the error types through `thiserror`.
//!
//! # Example
//! ```
//! use aipg_consensus::pow::kawpow;
//! assert_eq!(kawpow::epoch_number(7_500), 1);
//! // The block id of a KAWPOW header needs no DAG.
//! let id = kawpow::hash_no_verify(&[0u8; 32], 0, &[0u8; 32]);
//! assert_eq!(id.len(), 32);
//! ```

#![cfg_attr(not(feature = "std"), no_std)]
#![forbid(unsafe_code)]

extern crate alloc;

pub mod header;
pub mod pow;
pub mod subsidy;
