//! `aipg`: decode and check AIPG and Ravencoin data from the command line.
//!
//! Output is one JSON document on stdout. Exit status: 0 on success, 1 with `{"error": ...}` for
//! input that is not valid, 2 for a usage error. `--help`, `help` and `--version` print text.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::cast_possible_truncation
)]

use aipg_examples::cli::CliError;
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut out = std::io::stdout().lock();
    let code = match aipg_examples::cli::run(&args, &mut std::io::stdin().lock()) {
        Ok(value) => print_json(&mut out, &value, 0),
        Err(CliError::Help(text)) => {
            // A closed stdout is not worth a panic: the exit code still tells the caller.
            let _ = out.write_all(text.as_bytes());
            0
        }
        Err(e) => print_json(&mut out, &e.to_json(), e.exit_code()),
    };
    ExitCode::from(code)
}

fn print_json(out: &mut impl Write, json: &serde_json::Value, code: u8) -> u8 {
    // A closed stdout is not worth a panic: the exit code still tells the caller.
    let _ = serde_json::to_writer_pretty(&mut *out, json).map(|()| writeln!(out));
    code
}
