//! Steps of the `aipg-demo` walkthrough that are shared with the tool's tests.

use aipg_consensus::pow::kawpow::{EpochContext, epoch_number, verify_header};
use aipg_primitives::block::BlockHeader;
use aipg_primitives::encode::DecodeWith;
use aipg_primitives::network::Network;
use std::time::Instant;

/// Real Ravencoin chain data from public sources (see `tests/data/README.md`).
pub const RAVENCOIN_REAL: &str = include_str!("../tests/data/ravencoin_real.json");

/// A header from the real-data file: its network, stated height, raw bytes and stated hash.
#[derive(Debug, Clone)]
pub struct RealHeader {
    /// Network name.
    pub network: String,
    /// The height the source states.
    pub height: Option<u32>,
    /// Raw header bytes (80 or 120).
    pub bytes: Vec<u8>,
    /// The block hash the source states (display hex).
    pub hash: String,
    /// The previous block hash the source states (display hex).
    pub prev_hash: String,
}

/// Every header of the real-data file.
pub fn real_headers() -> Vec<RealHeader> {
    let data: serde_json::Value =
        serde_json::from_str(RAVENCOIN_REAL).expect("the committed data file is JSON");
    data["headers"]
        .as_array()
        .expect("headers is an array")
        .iter()
        .map(|h| RealHeader {
            network: h["network"].as_str().unwrap_or_default().to_owned(),
            height: h["height"].as_u64().and_then(|v| u32::try_from(v).ok()),
            bytes: hex::decode(h["hex"].as_str().unwrap_or_default()).expect("header hex"),
            hash: h["hash"].as_str().unwrap_or_default().to_owned(),
            prev_hash: h["prev_hash"].as_str().unwrap_or_default().to_owned(),
        })
        .collect()
}

/// Verifies the longest consecutive run of real mainnet KAWPOW headers: full light verification
/// of the mix against an epoch context, the target from `nBits`, the block id the source states
/// and the link to the previous header.
pub fn kawpow_headers(ok: &mut bool) {
    let params = Network::RvnMain.params();
    let run: Vec<RealHeader> = real_headers()
        .into_iter()
        .filter(|h| {
            h.network == "rvn-main"
                && h.bytes.len() == 120
                && (2_976_194..=2_976_202).contains(&h.height.unwrap_or(0))
        })
        .collect();
    let Some(first) = run.first() else {
        println!("no KAWPOW header run in the data file");
        *ok = false;
        return;
    };
    let epoch = epoch_number(first.height.unwrap_or(0));
    let started = Instant::now();
    let context = match EpochContext::new(epoch) {
        Ok(c) => c,
        Err(e) => {
            println!("cannot build the epoch context: {e}");
            *ok = false;
            return;
        }
    };
    println!(
        "KAWPOW: {} consecutive Ravencoin mainnet headers from height {}, epoch {epoch} (context built in {:.2} s)\n",
        run.len(),
        first.height.unwrap_or(0),
        started.elapsed().as_secs_f64()
    );
    println!("{:>8} {:<66} {:<6} {:<6} {:<6}", "height", "block hash", "pow", "id", "link");
    let started = Instant::now();
    let mut prev: Option<String> = None;
    for h in &run {
        let bytes: [u8; 120] = h.bytes.as_slice().try_into().expect("filtered to 120 bytes");
        let header = BlockHeader::decode_exact_with(&bytes, params).expect("a real header decodes");
        let target = header.bits.to_target().map(|t| t.to_u256().to_be_bytes());
        let pow = target
            .map_err(|e| e.to_string())
            .and_then(|t| verify_header(&context, &bytes, &t).map_err(|e| e.to_string()));
        let id = header.block_hash(params).to_string();
        let link = prev.as_ref().is_none_or(|p| *p == header.prev_blockhash.to_string());
        let good = pow.is_ok() && id == h.hash && link;
        *ok &= good;
        println!(
            "{:>8} {:<66} {:<6} {:<6} {:<6}",
            header.height,
            id,
            if pow.is_ok() { "ok" } else { "FAIL" },
            if id == h.hash { "ok" } else { "FAIL" },
            if link { "ok" } else { "FAIL" }
        );
        prev = Some(id);
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "\n{} headers verified in {:.3} s ({:.0} headers/s)",
        run.len(),
        secs,
        run.len() as f64 / secs
    );
}
