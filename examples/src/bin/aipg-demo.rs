//! The main walkthrough (`cargo xtask demo`): rebuilds and checks the genesis block of every
//! built-in network, then verifies a run of real Ravencoin KAWPOW headers.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::cast_possible_truncation
)]

use aipg_primitives::block::{Block, genesis_block};
use aipg_primitives::encode::{DecodeWith, EncodeWith};
use aipg_primitives::network::Network;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut ok = true;
    println!(
        "Genesis blocks, rebuilt from each network's parameters, encoded, decoded and hashed:\n"
    );
    println!(
        "{:<13} {:>6} {:<66} {:<8} {:<8} {:<6}",
        "network", "bytes", "block hash", "merkle", "hash", "algo"
    );
    for network in Network::ALL {
        let params = network.params();
        let genesis = genesis_block(params);
        let bytes = genesis.to_bytes_with(params);
        let decoded = Block::decode_exact_with(&bytes, params);
        let round_trip = decoded.as_ref() == Ok(&genesis);
        let (root, mutated) = genesis.compute_merkle_root();
        let merkle_ok = !mutated
            && root == genesis.header.merkle_root
            && root.to_string() == params.genesis_merkle_root;
        let hash = genesis.header.block_hash(params);
        let hash_ok = hash.to_string() == params.genesis_hash;
        ok &= round_trip && merkle_ok && hash_ok;
        println!(
            "{:<13} {:>6} {:<66} {:<8} {:<8} {:<6}",
            network.as_str(),
            bytes.len(),
            hash.to_string(),
            verdict(merkle_ok && round_trip),
            verdict(hash_ok),
            genesis.header.pow_algorithm(params).as_str(),
        );
    }
    println!();
    aipg_examples::demo::kawpow_headers(&mut ok);
    if ok {
        println!("\nall checks passed");
        ExitCode::SUCCESS
    } else {
        println!("\nSOME CHECKS FAILED");
        ExitCode::FAILURE
    }
}

fn verdict(ok: bool) -> &'static str {
    if ok { "ok" } else { "MISMATCH" }
}
