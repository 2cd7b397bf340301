// SPDX-License-Identifier: MIT
//! `header verify` and `headers verify`: proof of work, header height and, for a run of
//! headers, linkage and the rules against the parent, with strict rules (the KAWPOW mix is
//! always verified).

use super::{CliError, Ctx};
use aipg_consensus::header::{
    HeaderChainVerifier, HeaderError, HeaderRules, HeaderVerdict, PreparedHeader,
    last_checkpoint_at_or_below, plausible_epoch_window,
};
use aipg_consensus::pow::kawpow::{EpochContextCache, EpochWindow};
use aipg_primitives::block::BlockHeader;
use aipg_primitives::encode::DecodeWith;
use aipg_primitives::network::NetworkParams;
use serde_json::{Value, json};
use std::io::Read;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

/// Epoch contexts kept while verifying: the current epoch and a neighbour across a boundary.
const EPOCH_CACHE: usize = 2;

fn read_stdin(stdin: &mut dyn Read) -> Result<String, CliError> {
    let mut s = String::new();
    stdin
        .read_to_string(&mut s)
        .map_err(|e| CliError::Invalid(format!("cannot read stdin: {e}")))?;
    Ok(s)
}

fn decode_header(text: &str, params: &NetworkParams) -> Result<BlockHeader, CliError> {
    let bytes =
        hex::decode(text.trim()).map_err(|e| CliError::Invalid(format!("invalid hex: {e}")))?;
    BlockHeader::decode_exact_with(&bytes, params)
        .map_err(|e| CliError::Invalid(format!("invalid header: {e}")))
}

fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

fn reason(result: &Result<(), HeaderError>) -> Value {
    match result {
        Ok(()) => Value::Null,
        Err(e) => json!(e.reject_reason()),
    }
}

/// A result document that is printed as is, with exit status 1, when `valid` is false.
fn verdict(doc: Value, valid: bool) -> Result<Value, CliError> {
    if valid { Ok(doc) } else { Err(CliError::Rejected(doc)) }
}

/// The epochs the tool builds contexts for: those of the stated heights, or without them those
/// the network can have reached by now. A header's own claimed height never widens it.
fn epoch_window(params: &NetworkParams, stated: Option<u32>, count: usize) -> EpochWindow {
    match stated {
        Some(start) => {
            let last = u32::try_from(count.saturating_sub(1)).unwrap_or(u32::MAX);
            EpochWindow::for_heights(start, start.saturating_add(last))
        }
        None => plausible_epoch_window(params, now()),
    }
}

/// The height of the first header: the stated one, or the first header's KAWPOW height field
/// (`None` for a legacy header, which has none).
fn start_height(params: &NetworkParams, stated: Option<u32>, first: &BlockHeader) -> Option<u32> {
    stated.or_else(|| first.is_kawpow(params).then_some(first.height))
}

/// The verdicts of a run of headers starting at `start`, with epoch contexts built only inside
/// `window`, and the seconds spent building contexts and verifying.
///
/// The contexts of honest KAWPOW headers (height field equal to their position, cheap proof of
/// work met) are built first, so that the verification time measures verification alone.
fn verify_run(
    params: &NetworkParams,
    start: u32,
    headers: &[BlockHeader],
    window: EpochWindow,
) -> (Vec<HeaderVerdict>, f64, f64) {
    let rules = HeaderRules::strict(last_checkpoint_at_or_below(params, start.saturating_sub(1)));
    let mut epochs = EpochContextCache::new(EPOCH_CACHE, window);
    let building = Instant::now();
    for (offset, header) in (0u32..).zip(headers) {
        if epochs.len() >= EPOCH_CACHE {
            break;
        }
        // Only KAWPOW headers at their own position are prepared here: an X16R header needs no
        // context, and hashing it would repeat the verifier's work.
        if !header.is_kawpow(params) || Some(header.height) != start.checked_add(offset) {
            continue;
        }
        let prepared = PreparedHeader::new(header, params);
        if let (Some(pow), true) = (prepared.kawpow(), prepared.meets_target()) {
            // An epoch outside the window is refused here as in verification.
            let _ = epochs.get_or_build(pow.epoch());
        }
    }
    let context_seconds = building.elapsed().as_secs_f64();
    let started = Instant::now();
    let verdicts =
        HeaderChainVerifier::new(params, rules).with_now(now()).verify(start, headers, &mut epochs);
    (verdicts, context_seconds, started.elapsed().as_secs_f64())
}

/// `header verify <HEX|-> [--height N]`: prints `{"hash", "algorithm", "valid", "reason"}`.
///
/// The proof of work is checked in full; with `--height`, a KAWPOW header's height field must
/// also equal `N` (checked first: it costs nothing), and only the epoch of `N` is built.
pub(crate) fn header(
    ctx: &mut Ctx<'_>,
    input: String,
    height: Option<u32>,
) -> Result<Value, CliError> {
    let text = if input == "-" { read_stdin(ctx.stdin)? } else { input };
    let params = ctx.params;
    let header = decode_header(&text, params)?;
    let start = start_height(params, height, &header).unwrap_or(0);
    let (verdicts, _, _) = verify_run(params, start, &[header], epoch_window(params, height, 1));
    let verdict_of_header = verdicts.first().ok_or_else(|| {
        CliError::Invalid(format!("height {start} leaves no room for the header"))
    })?;
    let doc = json!({
        "hash": verdict_of_header.hash.to_string(),
        "algorithm": verdict_of_header.algorithm.as_str(),
        "valid": verdict_of_header.is_valid(),
        "reason": reason(&verdict_of_header.result),
    });
    verdict(doc, verdict_of_header.is_valid())
}

fn verdict_json(v: &HeaderVerdict) -> Value {
    json!({
        "height": v.height,
        "hash": v.hash.to_string(),
        "algorithm": v.algorithm.as_str(),
        "valid": v.is_valid(),
        "reason": reason(&v.result),
        "contextual": v.contextual,
    })
}

/// `headers verify <FILE|-> [--height N]`: one header hex per line, consecutive, the first at
/// height `N` (default: the first header's KAWPOW height field) with its parent assumed valid.
///
/// Epoch contexts are built only for the epochs of the stated heights, or without `--height` for
/// those the network can have reached by now (see [`plausible_epoch_window`]). Prints every
/// header's result and a summary with the rate in headers per second.
pub(crate) fn headers(
    ctx: &mut Ctx<'_>,
    input: String,
    height: Option<u32>,
) -> Result<Value, CliError> {
    let text = if input == "-" {
        read_stdin(ctx.stdin)?
    } else {
        std::fs::read_to_string(&input)
            .map_err(|e| CliError::Invalid(format!("cannot read {input}: {e}")))?
    };
    let params = ctx.params;
    let headers = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| decode_header(l, params))
        .collect::<Result<Vec<_>, _>>()?;
    let start = match headers.first() {
        Some(first) => start_height(params, height, first),
        None => height,
    }
    .ok_or_else(|| {
        CliError::usage(
            &["headers", "verify"],
            "--height is needed for headers without a height field",
        )
    })?;
    let window = epoch_window(params, height, headers.len());
    let (verdicts, context_seconds, seconds) = verify_run(params, start, &headers, window);
    let valid = verdicts.iter().filter(|v| v.is_valid()).count();
    let count = verdicts.len();
    #[allow(clippy::cast_precision_loss)] // a rate for display
    let rate = if seconds > 0.0 { count as f64 / seconds } else { 0.0 };
    let doc = json!({
        "results": verdicts.iter().map(verdict_json).collect::<Vec<_>>(),
        "summary": {
            "count": count,
            "valid": valid,
            "invalid": count - valid,
            "contextual": verdicts.iter().filter(|v| v.contextual).count(),
            "epoch_context_seconds": context_seconds,
            "seconds": seconds,
            "headers_per_second": rate,
        },
    });
    verdict(doc, valid == count)
}
