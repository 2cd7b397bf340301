//! Walkthroughs across the aipg crates and the implementation of the `aipg` command-line tool.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::cast_possible_truncation
)]

pub mod cli;
pub mod demo;
pub mod generate;
