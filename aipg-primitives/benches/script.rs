// SPDX-License-Identifier: MIT
//! Output-script classification, asm rendering, asset payload parsing and address coding.
//!
//! The scripts are the spec's derived examples (assets.md §4.4) and a P2PKH script.

// `criterion_group!` defines an undocumented public function.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::cast_possible_truncation
)]

use aipg_primitives::asset::AssetOutput;
use aipg_primitives::network::AIPG_MAIN;
use aipg_primitives::script::{PubkeyHash, ScriptBuf};
use aipg_primitives::{Address, Script};
use criterion::{Criterion, black_box, criterion_group, criterion_main};

const TRANSFER: &str = "76a91400112233445566778899aabbccddeeff0011223388acc04472766e740d53455249414c495a4154494f4e00e1f505000000001220b657a63340bb213562ca069060430f9b8f381d13e17bbdf9dcdc058a73554e6c00f153650000000075";

fn bench(c: &mut Criterion) {
    let p2pkh = ScriptBuf::new_p2pkh(&PubkeyHash::from_byte_array([0x11; 20]));
    let transfer = ScriptBuf::from_hex(TRANSFER).expect("valid hex");
    c.bench_function("solve p2pkh", |b| b.iter(|| black_box(p2pkh.as_script()).solve()));
    c.bench_function("solve asset transfer", |b| {
        b.iter(|| black_box(transfer.as_script()).solve())
    });
    c.bench_function("asm p2pkh", |b| b.iter(|| black_box(p2pkh.as_script()).to_asm()));
    c.bench_function("parse asset transfer", |b| {
        b.iter(|| AssetOutput::from_script(black_box(transfer.as_script())))
    });
    let addr = Address::from_script(&Script::new(p2pkh.as_bytes()), &AIPG_MAIN).expect("p2pkh");
    let text = addr.to_string();
    c.bench_function("address encode", |b| b.iter(|| black_box(&addr).to_string()));
    c.bench_function("address decode", |b| b.iter(|| Address::parse(black_box(&text), &AIPG_MAIN)));
}

criterion_group!(benches, bench);
criterion_main!(benches);
