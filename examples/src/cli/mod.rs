//! The `aipg` command-line tool: argument parsing and dispatch. Every command returns a JSON value
//! or a [`CliError`]; the binary prints either and sets the exit status.

use crate::generate::{GenerateCommand, run_generate};
use aipg_primitives::network::{Network, NetworkParams};
use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand};
use serde_json::{Value, json};
use std::io::Read;

mod decode;
mod script_info;
mod verify;

/// Decodes and checks AIPG and Ravencoin data.
///
/// Output is one JSON document on stdout; hashes are in the reference's display order (reversed
/// hex). Exit status: 0 on success; 1 for input that is not valid, with {"error": ...}, or for a
/// verification that finds the input invalid, with its result document; 2 for a usage error,
/// with {"error": ..., "usage": ...}.
#[derive(Debug, Parser)]
#[command(name = "aipg", version)]
struct Cli {
    /// The network whose parameters decide layouts, hashes, addresses and rules.
    #[arg(long, global = true, value_name = "NETWORK", default_value = "aipg-main", value_parser = network_parser())]
    network: Network,
    #[command(subcommand)]
    command: Command,
}

/// The command line's definition. A command that is missing its subcommand is a usage error
/// like any other, so it does not print help.
fn command() -> clap::Command {
    fn no_help_when_incomplete(cmd: clap::Command) -> clap::Command {
        cmd.arg_required_else_help(false).mut_subcommands(no_help_when_incomplete)
    }
    no_help_when_incomplete(Cli::command())
}

/// The values of `--network`, listed in the help and in its errors.
fn network_parser() -> impl TypedValueParser<Value = Network> {
    PossibleValuesParser::new(Network::ALL.map(Network::as_str))
        .map(|name| name.parse().expect("only the names of built-in networks are possible values"))
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Transactions.
    #[command(subcommand)]
    Tx(TxCommand),
    /// Blocks.
    #[command(subcommand)]
    Block(BlockCommand),
    /// Block headers.
    #[command(subcommand)]
    Header(HeaderCommand),
    /// Runs of consecutive block headers.
    #[command(subcommand)]
    Headers(HeadersCommand),
    /// Addresses.
    #[command(subcommand)]
    Address(AddressCommand),
    /// Scripts.
    #[command(subcommand)]
    Script(ScriptCommand),
    /// Deterministic image and text generation on ONNX Runtime.
    #[command(subcommand)]
    Generate(GenerateCommand),
}

#[derive(Debug, Subcommand)]
enum TxCommand {
    /// Decodes a transaction: txid, wtxid, sizes, inputs and outputs -> JSON.
    Decode(HexArg),
}

#[derive(Debug, Subcommand)]
enum BlockCommand {
    /// Decodes a block: header, merkle root check, sizes and transactions -> JSON.
    Decode(HexArg),
}

#[derive(Debug, Subcommand)]
enum HeaderCommand {
    /// Decodes a block header -> JSON.
    Decode(HexArg),
    /// Checks a header's proof of work (and height field) -> JSON, exit status 1 if invalid.
    ///
    /// The proof of work is checked in full (a KAWPOW mix is always verified). Prints
    /// {"hash", "algorithm", "valid", "reason"}, where "reason" is the reference's reject reason.
    Verify {
        #[command(flatten)]
        input: HexArg,
        /// The height the header is at: a KAWPOW header's height field must equal it.
        #[arg(long, value_name = "N")]
        height: Option<u32>,
    },
}

#[derive(Debug, Subcommand)]
enum HeadersCommand {
    /// Checks consecutive headers, one hex per line -> JSON with the rate, exit status 1 if any
    /// is invalid.
    ///
    /// Checks each header's proof of work, its link to the previous one and the rules against
    /// its parent. Prints every header's result and a summary with the rate in headers per
    /// second.
    Verify {
        /// A file with one header hex per line, or - to read standard input.
        #[arg(value_name = "FILE|-")]
        input: String,
        /// The height of the first header (default: its KAWPOW height field); its parent is
        /// assumed valid.
        #[arg(long, value_name = "N")]
        height: Option<u32>,
    },
}

#[derive(Debug, Subcommand)]
enum AddressCommand {
    /// Decodes a Base58Check address: type, version, hash160 and script -> JSON.
    Decode {
        /// The address.
        #[arg(value_name = "ADDR")]
        address: String,
    },
}

#[derive(Debug, Subcommand)]
enum ScriptCommand {
    /// Renders a script -> JSON {"hex", "asm", "type"}, with its address and asset payload
    /// where it has them.
    Asm(HexArg),
}

/// The input of a command that reads hex.
#[derive(Debug, Args)]
pub(crate) struct HexArg {
    /// The data as hex, or - to read it from standard input.
    #[arg(value_name = "HEX|-")]
    pub(crate) input: String,
}

/// Why a command failed.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// The command line was not understood (exit status 2).
    #[error("{message}")]
    Usage {
        /// What was wrong.
        message: String,
        /// The usage of the command concerned.
        usage: String,
    },
    /// The input was not valid (exit status 1).
    #[error("{0}")]
    Invalid(String),
    /// A verification ran and found the input invalid: the result document is printed as is
    /// (exit status 1).
    #[error("{0}")]
    Rejected(Value),
    /// Not a failure: help or the version was asked for, and this text is printed as is
    /// (exit status 0).
    #[error("{0}")]
    Help(String),
}

impl CliError {
    /// The process exit status for this error.
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Help(_) => 0,
            CliError::Usage { .. } => 2,
            CliError::Invalid(_) | CliError::Rejected(_) => 1,
        }
    }

    /// The JSON document printed for this error (help text as a JSON string).
    pub fn to_json(&self) -> Value {
        match self {
            CliError::Usage { message, usage } => json!({ "error": message, "usage": usage }),
            CliError::Invalid(m) => json!({ "error": m }),
            CliError::Rejected(doc) => doc.clone(),
            CliError::Help(text) => json!(text),
        }
    }

    pub(crate) fn invalid(e: impl std::fmt::Display) -> Self {
        CliError::Invalid(e.to_string())
    }

    /// A usage error found by a command after parsing, with the usage of the command at `path`
    /// (subcommand names below `aipg`).
    pub(crate) fn usage(path: &[&str], message: impl Into<String>) -> Self {
        CliError::Usage { message: message.into(), usage: usage_of(path) }
    }

    /// Maps a clap error on `args`: help and version are text, everything else is a usage error
    /// whose message is clap's (suggestions included) and whose usage is that of the command
    /// concerned.
    fn from_clap(e: &clap::Error, args: &[&str]) -> Self {
        let rendered = e.render().to_string();
        if matches!(
            e.kind(),
            ErrorKind::DisplayHelp
                | ErrorKind::DisplayVersion
                | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
        ) {
            return CliError::Help(rendered);
        }
        // Clap appends the usage (when it has it) and a pointer to --help; both are dropped
        // from the message, and the usage goes into its own field.
        let usage = match e.get(ContextKind::Usage) {
            Some(ContextValue::StyledStr(usage)) => Some(usage.to_string()),
            _ => None,
        };
        let mut message = rendered.as_str();
        if let Some(usage) = &usage {
            message = message.split_once(&format!("\n\n{usage}")).map_or(message, |(m, _)| m);
        }
        message = message.split_once("\n\nFor more information").map_or(message, |(m, _)| m);
        let message = message.trim();
        let message = message.strip_prefix("error: ").unwrap_or(message);
        let usage = usage.map_or_else(|| usage_of(&subcommand_path(args)), |u| plain_usage(&u));
        CliError::Usage { message: message.to_owned(), usage }
    }
}

/// The names of the subcommands that `args` (with the program name) reaches, as far as they
/// parse.
fn subcommand_path(args: &[&str]) -> Vec<String> {
    let Ok(matches) = command().ignore_errors(true).try_get_matches_from(args) else {
        return Vec::new();
    };
    let mut path = Vec::new();
    let mut m = &matches;
    while let Some((name, sub)) = m.subcommand() {
        path.push(name.to_owned());
        m = sub;
    }
    path
}

/// The usage line of the command at `path` (subcommand names below `aipg`).
fn usage_of(path: &[impl AsRef<str>]) -> String {
    let mut root = command();
    root.build();
    let mut cmd = &mut root;
    for name in path.iter().map(AsRef::as_ref) {
        if cmd.find_subcommand(name).is_none() {
            break;
        }
        cmd = cmd.find_subcommand_mut(name).expect("found just above");
    }
    plain_usage(&cmd.render_usage())
}

/// A usage line without its `Usage: ` heading.
fn plain_usage(usage: &impl std::fmt::Display) -> String {
    let usage = usage.to_string();
    usage.trim().strip_prefix("Usage: ").unwrap_or(usage.trim()).to_owned()
}

/// What every command gets: the chosen network and standard input.
pub(crate) struct Ctx<'a> {
    pub(crate) params: &'static NetworkParams,
    pub(crate) stdin: &'a mut dyn Read,
}

impl Ctx<'_> {
    /// Reads hex from `input`, or from stdin when it is `-`, and decodes it.
    pub(crate) fn hex_input(&mut self, input: &HexArg) -> Result<Vec<u8>, CliError> {
        let text = if input.input == "-" {
            let mut s = String::new();
            self.stdin
                .read_to_string(&mut s)
                .map_err(|e| CliError::Invalid(format!("cannot read stdin: {e}")))?;
            s
        } else {
            input.input.clone()
        };
        hex::decode(text.trim()).map_err(|e| CliError::Invalid(format!("invalid hex: {e}")))
    }
}

/// Runs the tool on `args` (without the program name).
///
/// # Errors
/// [`CliError::Usage`] for a command line that is not understood, [`CliError::Invalid`] for
/// input that is not valid, [`CliError::Rejected`] for a verification that finds the input
/// invalid, and [`CliError::Help`] when help or the version was asked for.
pub fn run(args: &[String], stdin: &mut dyn Read) -> Result<Value, CliError> {
    let args: Vec<&str> = std::iter::once("aipg").chain(args.iter().map(String::as_str)).collect();
    let cli = command()
        .try_get_matches_from(&args)
        .and_then(|matches| Cli::from_arg_matches(&matches))
        .map_err(|e| CliError::from_clap(&e, &args))?;
    let mut ctx = Ctx { params: cli.network.params(), stdin };
    match cli.command {
        Command::Tx(TxCommand::Decode(input)) => decode::tx(&mut ctx, &input),
        Command::Block(BlockCommand::Decode(input)) => decode::block(&mut ctx, &input),
        Command::Header(HeaderCommand::Decode(input)) => decode::header(&mut ctx, &input),
        Command::Address(AddressCommand::Decode { address }) => decode::address(&ctx, &address),
        Command::Script(ScriptCommand::Asm(input)) => decode::script(&mut ctx, &input),
        Command::Header(HeaderCommand::Verify { input, height }) => {
            verify::header(&mut ctx, input.input, height)
        }
        Command::Headers(HeadersCommand::Verify { input, height }) => {
            verify::headers(&mut ctx, input, height)
        }
        Command::Generate(command) => run_generate(command).map_err(CliError::Invalid),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn command_line_definition_is_consistent() {
        super::command().debug_assert();
    }

    #[test]
    fn usage_of_names_the_command() {
        assert_eq!(
            super::usage_of(&["headers", "verify"]),
            "aipg headers verify [OPTIONS] <FILE|->"
        );
        assert_eq!(super::usage_of(&[] as &[&str]), "aipg [OPTIONS] <COMMAND>");
    }
}
