// SPDX-License-Identifier: MIT
//! `CheckProofOfWork` and the legacy retarget on real Ravencoin headers and blocks
//! (`examples/tests/data/ravencoin_real.json`, committed with its provenance beside it): every
//! real block id meets its `nBits` within its network's limit, a harder target rejects it, and
//! within a retarget period the legacy rule carries `nBits` over.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::cast_possible_truncation
)]

mod common;

use aipg_consensus::pow::difficulty::{
    HeaderInfo, ProofOfWorkError, check_proof_of_work, next_work_required,
};
use aipg_primitives::block::BlockHeader;
use aipg_primitives::encode::{DecodeWith, Reader};
use aipg_primitives::network::Network;
use aipg_primitives::units::{CompactTarget, Work};
use serde_json::Value;

/// Every real header (the header list and the first bytes of every block), with its network.
fn headers(data: &Value) -> Vec<(Network, Option<u32>, BlockHeader)> {
    let mut out = Vec::new();
    for key in ["headers", "blocks"] {
        for h in data[key].as_array().unwrap() {
            let network: Network = h["network"].as_str().unwrap().parse().unwrap();
            let bytes = hex::decode(h["hex"].as_str().unwrap()).unwrap();
            // A block starts with its header; decode just the header's prefix.
            let mut r = Reader::new(&bytes);
            let header = BlockHeader::decode_with(&mut r, network.params()).unwrap();
            let height = match &h["height"] {
                Value::String(s) => s.parse().ok(),
                Value::Number(n) => n.as_u64().map(|v| u32::try_from(v).unwrap()),
                _ => None,
            };
            out.push((network, height, header));
        }
    }
    out
}

#[test]
fn real_ids_meet_their_targets() {
    let data = common::real_chain_data();
    let all = headers(&data);
    for (network, height, header) in &all {
        let params = network.params();
        let id = header.block_hash(params);
        let bits = header.bits;
        let what = format!("{network} {height:?}");
        assert_eq!(check_proof_of_work(&id, bits, params), Ok(()), "{what}");
        assert!(Work::from_compact(bits) > Work::ZERO, "{what}");
        // A target 2^24 times smaller (exponent three bytes lower) rejects the same id, unless
        // the id happens to be that small.
        let harder = CompactTarget::from_consensus(header.bits.to_consensus() - 0x0300_0000);
        let target = harder.expand().value;
        let hash = aipg_primitives::units::U256::from_le_bytes(id.to_byte_array());
        if hash > target {
            assert_eq!(
                check_proof_of_work(&id, harder, params),
                Err(ProofOfWorkError::HighHash(harder)),
                "{what}"
            );
        }
    }
    eprintln!("real chain pow: {} real block ids meet their nBits", all.len());
    assert!(all.len() >= 40);
}

#[test]
fn legacy_rule_carries_bits_within_a_period() {
    // Ravencoin main before DGW (height 338,778): between multiples of 2016 the required nBits
    // are the parent's, so any earlier header of the same period predicts a later one's.
    let data = common::real_chain_data();
    let mut pre_dgw: Vec<(u32, BlockHeader)> = headers(&data)
        .into_iter()
        .filter_map(|(n, h, hd)| (n == Network::RvnMain).then_some(h).flatten().map(|h| (h, hd)))
        .filter(|(h, _)| *h < 338_778)
        .collect();
    pre_dgw.sort_by_key(|(h, _)| *h);
    pre_dgw.dedup_by_key(|(h, _)| *h);
    let params = Network::RvnMain.params();
    let mut pairs = 0;
    for w in pre_dgw.windows(2) {
        let ((h0, a), (h1, b)) = (&w[0], &w[1]);
        if h0 / 2016 != h1 / 2016 || h1 % 2016 == 0 {
            continue;
        }
        // The rule reads only the tip between boundaries, so the header just below h1 can stand
        // for its own parent chain: its bits equal h0's within the period.
        let tip = HeaderInfo { height: h1 - 1, ..HeaderInfo::from_block_header(*h0, a) };
        let empty: &[HeaderInfo] = &[];
        let got = next_work_required(params, empty, &tip, b.time).unwrap();
        assert_eq!(got, b.bits, "heights {h0} → {h1}");
        pairs += 1;
    }
    eprintln!("real chain legacy retarget: {pairs} same-period header pairs agree");
    assert!(pairs > 0);
}
