//! `aipg`: decode and check AIPG and Ravencoin data from the command line.
//!
//! Output is one JSON document on stdout. Exit status: 0 on success, 1 with `{"error": ...}` for
//! input that is not valid, 2 for a usage error.

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (json, code) = match aipg_examples::cli::run(&args, &mut std::io::stdin().lock()) {
        Ok(value) => (value, 0),
        Err(e) => (e.to_json(), e.exit_code()),
    };
    let mut out = std::io::stdout().lock();
    // A closed stdout is not worth a panic: the exit code still tells the caller.
    let _ = serde_json::to_writer_pretty(&mut out, &json).map(|()| writeln!(out));
    ExitCode::from(code)
}
