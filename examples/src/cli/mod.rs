//! The `aipg` command-line tool: argument parsing and dispatch. Every command returns a JSON value
//! or a [`CliError`]; the binary prints either and sets the exit status.

use aipg_primitives::network::{Network, NetworkParams};
use serde_json::{Value, json};
use std::io::Read;

mod decode;
mod script_info;
mod verify;

/// The usage text printed with usage errors.
pub const USAGE: &str =
    "usage: aipg [--network aipg-main|aipg-test|aipg-regtest|rvn-main|rvn-test] <command> [args]
  tx decode <HEX|->        transaction -> JSON
  block decode <HEX|->     block -> JSON
  header decode <HEX|->    header -> JSON
  address decode <ADDR>    address -> JSON
  script asm <HEX|->       script -> JSON {\"asm\": ..., \"type\": ...}
  header verify <HEX|-> [--height N]    proof of work (and height field) -> JSON, exit 1 if invalid
  headers verify <FILE|-> [--height N]  consecutive headers, one hex per line -> JSON with rate
  generate image --model DIR --seed N [--prompt T] [--steps N] [--cfg X] [--scheduler S]
                 [--width W --height H] --out FILE.png
  generate text --model DIR --seed N --prompt T [--max-tokens N] [--temperature X]
                [--top-k K] [--top-p P]";

/// Why a command failed.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// The command line was not understood (exit status 2).
    #[error("{0}")]
    Usage(String),
    /// The input was not valid (exit status 1).
    #[error("{0}")]
    Invalid(String),
    /// A verification ran and found the input invalid: the result document is printed as is
    /// (exit status 1).
    #[error("{0}")]
    Rejected(Value),
}

impl CliError {
    /// The process exit status for this error.
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Usage(_) => 2,
            CliError::Invalid(_) | CliError::Rejected(_) => 1,
        }
    }

    /// The JSON document printed for this error.
    pub fn to_json(&self) -> Value {
        match self {
            CliError::Usage(m) => json!({ "error": m, "usage": USAGE }),
            CliError::Invalid(m) => json!({ "error": m }),
            CliError::Rejected(doc) => doc.clone(),
        }
    }

    pub(crate) fn invalid(e: impl std::fmt::Display) -> Self {
        CliError::Invalid(e.to_string())
    }
}

/// What every command gets: the chosen network and the remaining arguments.
pub(crate) struct Ctx<'a> {
    pub(crate) params: &'static NetworkParams,
    pub(crate) args: &'a [String],
    pub(crate) stdin: &'a mut dyn Read,
}

impl Ctx<'_> {
    /// The single positional argument of a command.
    pub(crate) fn one_arg(&self) -> Result<&str, CliError> {
        match self.args {
            [a] => Ok(a),
            _ => Err(CliError::Usage("expected exactly one argument".into())),
        }
    }

    /// Reads hex from the argument, or from stdin when it is `-`, and decodes it.
    pub(crate) fn hex_input(&mut self) -> Result<Vec<u8>, CliError> {
        let arg = self.one_arg()?.to_owned();
        let text = if arg == "-" {
            let mut s = String::new();
            self.stdin
                .read_to_string(&mut s)
                .map_err(|e| CliError::Invalid(format!("cannot read stdin: {e}")))?;
            s
        } else {
            arg
        };
        hex::decode(text.trim()).map_err(|e| CliError::Invalid(format!("invalid hex: {e}")))
    }
}

/// Runs the tool on `args` (without the program name).
///
/// # Errors
/// [`CliError::Usage`] for a command line that is not understood, [`CliError::Invalid`] for
/// input that is not valid.
pub fn run(args: &[String], stdin: &mut dyn Read) -> Result<Value, CliError> {
    let mut network = Network::AipgMain;
    let mut rest = args;
    while let [flag, tail @ ..] = rest {
        match flag.as_str() {
            "--network" => {
                let [name, tail @ ..] = tail else {
                    return Err(CliError::Usage("--network needs a value".into()));
                };
                network = name
                    .parse()
                    .map_err(|_| CliError::Usage(format!("unknown network {name:?}")))?;
                rest = tail;
            }
            "-h" | "--help" => return Err(CliError::Usage("help".into())),
            _ => break,
        }
    }
    let [cmd, sub, args @ ..] = rest else {
        return Err(CliError::Usage("missing command".into()));
    };
    let mut ctx = Ctx { params: network.params(), args, stdin };
    match (cmd.as_str(), sub.as_str()) {
        ("tx", "decode") => decode::tx(&mut ctx),
        ("block", "decode") => decode::block(&mut ctx),
        ("header", "decode") => decode::header(&mut ctx),
        ("address", "decode") => decode::address(&mut ctx),
        ("script", "asm") => decode::script(&mut ctx),
        ("header", "verify") => verify::header(&mut ctx),
        ("headers", "verify") => verify::headers(&mut ctx),
        ("generate", _) => {
            let mut all = vec![sub.clone()];
            all.extend_from_slice(args);
            crate::generate::run_generate(&all).map_err(CliError::Invalid)
        }
        _ => Err(CliError::Usage(format!("unknown command {cmd} {sub}"))),
    }
}
