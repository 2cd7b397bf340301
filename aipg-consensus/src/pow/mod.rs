// SPDX-License-Identifier: MIT
//! Proof of work.
//!
//! Everything under this module imports nothing from the rest of the crate, so that miners and
//! pools can take it alone.

pub mod difficulty;
pub mod kawpow;
