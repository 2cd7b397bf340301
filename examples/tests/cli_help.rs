//! The `aipg` tool's command line: help and version print text with exit status 0; misspelt
//! commands, bad flag values and unknown networks are usage errors (one JSON document, exit
//! status 2) that say what was meant.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::cast_possible_truncation
)]

mod common;

use common::aipg;
use std::process::Command;

/// Runs `aipg` with `args`, returning the exit code and what it printed on stdout.
fn aipg_text(args: &[&str]) -> (i32, String) {
    let out =
        Command::new(env!("CARGO_BIN_EXE_aipg")).args(args).output().expect("the aipg binary runs");
    let stdout = String::from_utf8(out.stdout).expect("utf-8 output");
    (out.status.code().expect("exited"), stdout)
}

#[test]
fn help_is_text_on_stdout() {
    for args in [&["--help"][..], &["-h"], &["help"]] {
        let (code, text) = aipg_text(args);
        assert_eq!(code, 0, "{args:?}: {text}");
        assert!(text.contains("Usage: aipg"), "{args:?}: {text}");
        for command in ["tx", "block", "header", "headers", "address", "script", "generate"] {
            assert!(text.contains(&format!("\n  {command} ")), "{args:?} lists {command}: {text}");
        }
        assert!(text.contains("rvn-main"), "{args:?} lists the networks: {text}");
    }
    for args in [&["header", "verify", "--help"][..], &["help", "header", "verify"]] {
        let (code, text) = aipg_text(args);
        assert_eq!(code, 0, "{args:?}: {text}");
        assert!(text.contains("Usage: aipg header verify"), "{args:?}: {text}");
        assert!(text.contains("--height <N>"), "{args:?}: {text}");
    }
    let (code, text) = aipg_text(&["generate", "image", "--help"]);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("--scheduler <S>"), "{text}");
}

#[test]
fn version_is_text_on_stdout() {
    let (code, text) = aipg_text(&["--version"]);
    assert_eq!(code, 0, "{text}");
    assert_eq!(text.trim(), format!("aipg {}", env!("CARGO_PKG_VERSION")));
}

#[test]
fn misspelt_commands_and_flags_suggest_the_right_one() {
    let (code, v) = aipg(&["hedaer", "decode", "00"], None);
    assert_eq!(code, 2, "{v}");
    let error = v["error"].as_str().expect("error message");
    assert!(error.contains("'hedaer'") && error.contains("'header'"), "{v}");
    assert!(!error.contains('\x1b'), "no colour codes: {v}");
    assert!(v["usage"].as_str().expect("usage").starts_with("aipg "), "{v}");

    let (code, v) = aipg(&["header", "verify", "00", "--hieght", "1"], None);
    assert_eq!(code, 2, "{v}");
    assert!(v["error"].as_str().expect("error").contains("'--height'"), "{v}");
    assert!(v["usage"].as_str().expect("usage").starts_with("aipg header verify"), "{v}");
}

#[test]
fn bad_flag_values_and_missing_parts_are_usage_errors() {
    let (code, v) = aipg(&["--network", "dogecoin", "tx", "decode", "00"], None);
    assert_eq!(code, 2, "{v}");
    let error = v["error"].as_str().expect("error");
    assert!(error.contains("'dogecoin'") && error.contains("rvn-main"), "{v}");

    let (code, v) = aipg(&["header", "verify", "00", "--height", "tall"], None);
    assert_eq!(code, 2, "{v}");
    assert!(v["error"].as_str().expect("error").contains("'tall'"), "{v}");
    assert!(v["usage"].as_str().expect("usage").starts_with("aipg header verify"), "{v}");

    for args in [&["header"][..], &["tx", "decode", "00", "11"], &["generate", "text"]] {
        let (code, v) = aipg(args, None);
        assert_eq!(code, 2, "{args:?}: {v}");
        assert!(v["error"].is_string() && v["usage"].is_string(), "{args:?}: {v}");
    }
}

#[test]
fn network_is_accepted_after_the_command_too() {
    let params = aipg_primitives::network::Network::RvnMain.params();
    let block = aipg_primitives::block::genesis_block(params);
    let hex = hex::encode(aipg_primitives::EncodeWith::to_bytes_with(&block, params));
    let (code, v) = aipg(&["block", "decode", &hex, "--network", "rvn-main"], None);
    assert_eq!(code, 0, "{v}");
    assert_eq!(v["hash"], params.genesis_hash);
}

#[test]
fn headers_without_a_height_field_need_height() {
    let params = aipg_primitives::network::Network::AipgMain.params();
    let block = aipg_primitives::block::genesis_block(params);
    let hex = hex::encode(aipg_primitives::EncodeWith::to_bytes_with(&block, params));
    let header = &hex[..160];
    let (code, v) = aipg(&["headers", "verify", "-"], Some(header));
    assert_eq!(code, 2, "{v}");
    assert!(v["error"].as_str().expect("error").contains("--height"), "{v}");
    assert!(v["usage"].as_str().expect("usage").starts_with("aipg headers verify"), "{v}");
}
