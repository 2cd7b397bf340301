//! Walkthroughs across the aipg crates and the implementation of the `aipg` command-line tool.

pub mod cli;
pub mod demo;
pub mod generate;
