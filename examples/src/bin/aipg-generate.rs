// SPDX-License-Identifier: MIT
//! `aipg-generate`: the `aipg generate image|text` commands on their own, and the inference
//! demo (`aipg-generate demo [MODELS_DIR] [OUT_DIR]`).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::cast_possible_truncation
)]

use aipg_examples::generate::{self, GenerateCommand};
use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// Deterministic image and text generation on ONNX Runtime.
#[derive(Debug, Parser)]
#[command(name = "aipg-generate")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    #[command(flatten)]
    Generate(GenerateCommand),
    /// Generates a terrain image and a SmolLM2 answer twice and shows that the hashes match.
    Demo {
        /// The folder `cargo xtask models` prepared.
        #[arg(default_value = "target/aipg-models")]
        models: PathBuf,
        /// The folder the PNGs are written to.
        #[arg(default_value = "target/aipg-demo")]
        out: PathBuf,
    },
}

fn main() {
    match Cli::parse().command {
        Command::Demo { models, out } => {
            if let Err(e) = generate::run_demo(&models, &out) {
                eprintln!("error: {e}");
                std::process::exit(1);
            }
        }
        Command::Generate(command) => match generate::run_generate(command) {
            Ok(v) => println!("{}", serde_json::to_string_pretty(&v).unwrap_or_default()),
            Err(e) => {
                eprintln!("error: {e}");
                std::process::exit(1);
            }
        },
    }
}
