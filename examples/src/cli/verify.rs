// SPDX-License-Identifier: MIT
//! `header verify` and `headers verify`: proof of work, header height and, for a run of
//! headers, linkage and the rules against the parent, with strict rules (the KAWPOW mix is
//! always verified).

use super::{CliError, Ctx};
use aipg_consensus::header::{
    HeaderChainVerifier, HeaderError, HeaderRules, HeaderVerdict, check_header_height,
    check_header_pow, last_checkpoint_at_or_below,
};
use aipg_consensus::pow::kawpow::{EpochContextCache, epoch_number};
use aipg_primitives::block::BlockHeader;
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
    BlockHeader::decode_exact_with(&bytes, params.kawpow_activation_time)
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

/// `header verify <HEX|-> [--height N]`: prints `{"hash", "algorithm", "valid", "reason"}`.
///
/// The proof of work is checked in full; with `--height`, a KAWPOW header's height field must
/// also equal `N`.
pub(crate) fn header(
    ctx: &mut Ctx<'_>,
    input: String,
    height: Option<u32>,
) -> Result<Value, CliError> {
    let text = if input == "-" { read_stdin(ctx.stdin)? } else { input };
    let params = ctx.params;
    let header = decode_header(&text, params)?;
    let rules = HeaderRules::STRICT;
    let mut epochs = EpochContextCache::new(1);
    let result = check_header_pow(&header, params, &rules, &mut epochs)
        .map(|_| ())
        .and_then(|()| height.map_or(Ok(()), |h| check_header_height(&header, params, &rules, h)));
    let doc = json!({
        "hash": header.block_hash(params).to_string(),
        "algorithm": header.pow_algorithm(params).as_str(),
        "valid": result.is_ok(),
        "reason": reason(&result),
    });
    verdict(doc, result.is_ok())
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
/// Prints every header's result and a summary with the rate in headers per second.
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
    let start = match (height, headers.first()) {
        (Some(h), _) => h,
        (None, Some(first)) if first.is_kawpow(params) => first.height,
        (None, _) => {
            return Err(CliError::usage(
                &["headers", "verify"],
                "--height is needed for headers without a height field",
            ));
        }
    };
    let rules = HeaderRules::strict(last_checkpoint_at_or_below(params, start.saturating_sub(1)));
    let mut epochs = EpochContextCache::new(EPOCH_CACHE);
    // Build the epoch contexts of honest KAWPOW headers first, so the rate below measures
    // verification alone. Only heights that match the header's position are trusted to pick an
    // epoch: a claimed height never makes the tool build an arbitrary context.
    let building = Instant::now();
    for (offset, header) in (0u32..).zip(&headers) {
        let honest = header.is_kawpow(params) && Some(header.height) == start.checked_add(offset);
        if honest && epochs.len() < EPOCH_CACHE {
            let _ = epochs.get_or_build(epoch_number(header.height));
        }
    }
    let context_seconds = building.elapsed().as_secs_f64();
    let started = Instant::now();
    let verdicts = HeaderChainVerifier::new(params, rules).with_now(now()).verify(
        start,
        &headers,
        &mut epochs,
    );
    let seconds = started.elapsed().as_secs_f64();
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
