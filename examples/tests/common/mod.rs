//! Running the `aipg` binary from the integration tests.

use serde_json::Value;
use std::io::Write;
use std::process::{Command, Stdio};

/// Runs `aipg` with `args` (and `stdin` piped in), returning the exit code and the one JSON
/// document it printed.
pub(crate) fn aipg(args: &[&str], stdin: Option<&str>) -> (i32, Value) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_aipg"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the aipg binary starts");
    if let Some(input) = stdin {
        child.stdin.take().expect("piped").write_all(input.as_bytes()).expect("stdin written");
    }
    drop(child.stdin.take());
    let out = child.wait_with_output().expect("the aipg binary runs");
    let stdout = String::from_utf8(out.stdout).expect("utf-8 output");
    let json = serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("not one JSON document ({e}): {stdout}"));
    (out.status.code().expect("exited"), json)
}
