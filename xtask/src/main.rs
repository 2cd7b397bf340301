//! `cargo xtask`: the project's tasks.
//!
//! - `cargo xtask test`: every check CI runs (format, clippy, tests, docs, no-std builds,
//!   dependency rules, fuzz corpus replay, bench compilation, conformance against the vectors).
//! - `cargo xtask demo`: the main walkthrough.

use std::env;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

mod inference;

/// Crates that must build without `std` and must never depend on native code.
const PURE_CRATES: &[&str] = &["aipg-primitives"];

/// Dependencies no pure crate may pull in (STYLE.md §2).
const FORBIDDEN_IN_PURE: &[&str] =
    &["ort", "ndarray", "tokio", "async-std", "rayon", "aipg-inference"];

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("test") => test(),
        Some("demo") => demo(),
        Some(w @ ("ort" | "models")) => inference::command(w),
        _ => {
            eprintln!("usage: cargo xtask <test|demo|ort|models>");
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

fn vectors_dir() -> PathBuf {
    env::var_os("AIPG_VECTORS_DIR")
        .map(PathBuf::from)
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
        "tests",
        cargo().args(["test", "--workspace", "--all-features"]).envs(inference::test_env()?),
    )?;
    for krate in PURE_CRATES {
        run(
            &format!("no-std build of {krate}"),
            cargo().args(["build", "-p", krate, "--no-default-features"]),
        )?;
        run(
            &format!("tests of {krate} without default features"),
            cargo().args(["test", "-p", krate, "--no-default-features", "--lib"]),
        )?;
    }
    run(
        "docs",
        cargo().args(["doc", "--workspace", "--no-deps"]).env("RUSTDOCFLAGS", "-D warnings"),
    )?;
    dependency_rules()?;
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
    eprintln!("ok");
    Ok(())
}

fn demo() -> Result<(), String> {
    run(
        "demo",
        cargo().args(["run", "--quiet", "--release", "-p", "aipg-examples", "--bin", "aipg-demo"]),
    )
}
