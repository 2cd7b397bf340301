//! `cargo xtask`: the project's tasks.
//!
//! - `cargo xtask test`: every check CI runs (format, clippy, tests, docs, no-std builds,
//!   dependency rules, fuzz corpus replay, bench compilation, conformance against the vectors,
//!   every vector read).
//! - `cargo xtask fuzz-coverage`: only the check that every decoder has a fuzz target.
//! - `cargo xtask vectors`: only the tests that read the vectors, and the check that every
//!   vector file and field group was read.
//! - `cargo xtask demo`: the main walkthrough.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::cast_possible_truncation
)]

use std::env;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

mod fuzz;
mod inference;
mod vectors;

/// Crates that must build without `std` and must never depend on native code.
const PURE_CRATES: &[&str] = &["aipg-primitives", "aipg-consensus"];

/// Dependencies no pure crate may pull in (STYLE.md §2).
const FORBIDDEN_IN_PURE: &[&str] =
    &["ort", "ndarray", "tokio", "async-std", "rayon", "aipg-inference"];

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("test") => test(),
        Some("fuzz-coverage") => fuzz_coverage(),
        Some("vectors") => vector_tests(),
        Some("demo") => demo(),
        Some(w @ ("ort" | "models")) => inference::command(w),
        _ => {
            eprintln!("usage: cargo xtask <test|fuzz-coverage|vectors|demo|ort|models>");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one level below the workspace root")
        .to_path_buf()
}

/// The vector folder: `AIPG_VECTORS_DIR` (a relative path is taken from the workspace root, as
/// the tests do), or `../shared/vectors` beside the workspace.
fn vectors_dir() -> PathBuf {
    env::var_os("AIPG_VECTORS_DIR")
        .map(|dir| root().join(dir))
        .unwrap_or_else(|| root().join("../shared/vectors"))
}

/// A `cargo` command in the workspace root that carries the vector settings: the vectors folder,
/// and, under CI, `AIPG_REQUIRE_VECTORS=1` so that missing vectors fail instead of skipping.
fn cargo() -> Command {
    let mut cmd = Command::new(env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    cmd.current_dir(root()).env("AIPG_VECTORS_DIR", vectors_dir());
    if env::var_os("CI").is_some() {
        cmd.env("AIPG_REQUIRE_VECTORS", "1");
    }
    cmd
}

fn run(step: &str, cmd: &mut Command) -> Result<(), String> {
    eprintln!("\n==> {step}");
    let status = cmd.status().map_err(|e| format!("{step}: cannot start: {e}"))?;
    if status.success() { Ok(()) } else { Err(format!("{step} failed ({status})")) }
}

fn output(cmd: &mut Command) -> Result<String, String> {
    let out = cmd.output().map_err(|e| e.to_string())?;
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).into_owned());
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

fn test() -> Result<(), String> {
    eprintln!("vectors: {} (required: {})", vectors_dir().display(), env::var_os("CI").is_some());

    run("format", cargo().args(["fmt", "--all", "--", "--check"]))?;
    run(
        "format of the fuzz package",
        cargo().args(["fmt", "--manifest-path", "fuzz/Cargo.toml", "--", "--check"]),
    )?;
    run(
        "clippy",
        cargo().args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--all-features",
            "--",
            "-D",
            "warnings",
        ]),
    )?;
    run(
        "clippy of the fuzz package",
        cargo().args([
            "clippy",
            "--manifest-path",
            "fuzz/Cargo.toml",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]),
    )?;
    // `--show-output` prints what passing tests say: every conformance test states its count.
    // The tests log which vector files and field groups they read.
    let log = vectors::log_dir();
    vectors::reset_log(&log)?;
    run(
        "tests",
        cargo()
            .args(["test", "--workspace", "--all-features", "--", "--show-output"])
            .env("AIPG_VECTORS_ACCESS_LOG", &log)
            .envs(inference::test_env()?),
    )?;
    for krate in PURE_CRATES {
        run(
            &format!("no-std build of {krate}"),
            cargo().args(["build", "-p", krate, "--no-default-features"]),
        )?;
        run(
            &format!("tests of {krate} without default features"),
            cargo()
                .args(["test", "-p", krate, "--no-default-features", "--lib"])
                .env("AIPG_VECTORS_ACCESS_LOG", &log),
        )?;
    }
    vectors::check(&vectors_dir(), &log)?;
    run(
        "docs",
        cargo().args(["doc", "--workspace", "--no-deps"]).env("RUSTDOCFLAGS", "-D warnings"),
    )?;
    dependency_rules()?;
    fuzz_coverage()?;
    if root().join("fuzz/Cargo.toml").exists() {
        run(
            "fuzz targets build and corpus replay",
            cargo().args(["test", "--manifest-path", "fuzz/Cargo.toml"]),
        )?;
    }
    run("benches compile", cargo().args(["bench", "--workspace", "--no-run"]))?;
    eprintln!("\nall checks passed");
    Ok(())
}

/// `cargo xtask vectors`: the tests of the crates that read the reference vectors, then the
/// check that every vector file and field group was read.
fn vector_tests() -> Result<(), String> {
    let log = vectors::log_dir();
    vectors::reset_log(&log)?;
    let mut cmd = cargo();
    cmd.args(["test", "--all-features"]).env("AIPG_VECTORS_ACCESS_LOG", &log);
    for krate in PURE_CRATES {
        cmd.args(["-p", krate]);
    }
    run("tests that read the vectors", &mut cmd)?;
    vectors::check(&vectors_dir(), &log)
}

/// Fails when a decoder of a library crate has no fuzz target (see `fuzz.rs`).
fn fuzz_coverage() -> Result<(), String> {
    fuzz::check(&root(), &rust_files(&root())?)
}

fn dependency_rules() -> Result<(), String> {
    eprintln!("\n==> dependency rules");
    for krate in PURE_CRATES {
        let tree = output(cargo().args([
            "tree",
            "-e",
            "normal",
            "-p",
            krate,
            "--prefix",
            "none",
            "--all-features",
        ]))?;
        for line in tree.lines() {
            let name = line.split_whitespace().next().unwrap_or_default();
            if FORBIDDEN_IN_PURE.contains(&name) {
                return Err(format!("{krate} depends on {name}, which pure crates must not"));
            }
        }
    }
    // `aipg_consensus::pow` stands alone, so that it can become a crate of its own.
    for file in rust_files(&root().join("aipg-consensus/src/pow"))? {
        let text = std::fs::read_to_string(&file).map_err(|e| e.to_string())?;
        for line in text.lines() {
            let code = line.split("//").next().unwrap_or_default();
            if let Some((_, path)) = code.split_once("crate::") {
                if !path.starts_with("pow") {
                    return Err(format!(
                        "{} reaches outside aipg_consensus::pow: {}",
                        file.display(),
                        line.trim()
                    ));
                }
            }
        }
    }
    eprintln!("ok");
    Ok(())
}

fn rust_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| e.to_string())? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        if path.is_dir() {
            let library = dir == root() && name.starts_with("aipg-");
            if library
                || (dir != root() && name != "target" && name != "tests" && name != "benches")
            {
                out.extend(rust_files(&path)?);
            }
        } else if name.ends_with(".rs") && dir != root() {
            out.push(path);
        }
    }
    Ok(out)
}

/// The main walkthrough: the chain part (every genesis block rebuilt and hashed, a run of real
/// KAWPOW headers light-verified), then deterministic generation on the real models (set up
/// first: the ONNX Runtime library and the models, from PyPI).
fn demo() -> Result<(), String> {
    run(
        "chain demo",
        cargo().args(["run", "--quiet", "--release", "-p", "aipg-examples", "--bin", "aipg-demo"]),
    )?;
    let env = inference::test_env()?;
    let models = root().join("target/aipg-models");
    let out = root().join("target/aipg-demo");
    run(
        "inference demo",
        cargo()
            .args([
                "run",
                "--quiet",
                "--release",
                "-p",
                "aipg-examples",
                "--bin",
                "aipg-generate",
                "--",
                "demo",
            ])
            .arg(models)
            .arg(out)
            .envs(env),
    )
}
