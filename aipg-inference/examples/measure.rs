// SPDX-License-Identifier: MIT
//! Measures cross-profile deviations for `MEASUREMENTS.md`: every graph optimization level
//! against `disable`, per step (full trajectory, and single-step re-execution from the
//! reference latent) and final, as max-abs and relative L2; plus thread-count invariance.
//!
//! `cargo run --release -p aipg-inference --example measure` after `cargo xtask models`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::cast_possible_truncation
)]

use std::path::PathBuf;

use aipg_inference::image::LatentSink;
use aipg_inference::{
    ImageModel, OptLevel, Runtime, SessionSettings, Tensor, TextModel, TextRequest,
};

mod common;
use common::{diff, fmt, models_dir, root, runtime};

fn settings(opt: OptLevel, threads: usize) -> SessionSettings {
    SessionSettings { optimization: opt, intra_threads: threads, inter_threads: 1 }
}

fn image(rt: &'static Runtime, name: &str, dir: PathBuf, prompt: &str) {
    println!("\n### {name}\n");
    let mut reference = ImageModel::load(rt, &dir, settings(OptLevel::Disable, 1)).unwrap();
    let mut r = reference.default_request(7).unwrap();
    if !prompt.is_empty() {
        r.prompt = prompt.into();
    }
    let mut ref_lat = LatentSink::default();
    let ref_out = reference.generate(&r, &mut ref_lat).unwrap();
    println!(
        "request: seed 7, prompt {:?}, {} {} steps, {}x{}; reference profile {}\n",
        r.prompt, r.steps, r.scheduler, r.width, r.height, ref_out.profile
    );
    println!(
        "| level | trajectory latent per step (max-abs / rel-L2) | single-step re-execution per step | final 8-bit pixels differing |"
    );
    println!("| --- | --- | --- | --- |");
    for opt in OptLevel::ALL_LEVELS {
        let mut m = ImageModel::load(rt, &dir, settings(opt, 1)).unwrap();
        let mut lat = LatentSink::default();
        let out = m.generate(&r, &mut lat).unwrap();
        let traj: Vec<String> =
            (1..lat.0.len()).map(|k| fmt(diff(ref_lat.0[k].data(), lat.0[k].data()))).collect();
        let single: Vec<String> = (0..r.steps)
            .map(|k| {
                let (_, next) = m.rerun_step(&r, k, &ref_lat.0[k]).unwrap();
                fmt(diff(ref_lat.0[k + 1].data(), next.data()))
            })
            .collect();
        let px =
            ref_out.pixels.data().iter().zip(out.pixels.data()).filter(|(a, b)| a != b).count();
        println!(
            "| {opt} | {} | {} | {px} of {} |",
            traj.join("; "),
            single.join("; "),
            out.pixels.data().len()
        );
    }
    let mut two = ImageModel::load(rt, &dir, settings(OptLevel::Disable, 2)).unwrap();
    let same =
        two.generate(&r, &mut LatentSink::default()).unwrap().pixel_hash() == ref_out.pixel_hash();
    println!("\n1 vs 2 intra-op threads: {}", if same { "bitwise identical" } else { "DIFFERENT" });
}

fn text(rt: &'static Runtime, dir: PathBuf) {
    println!("\n### SmolLM2-135M\n");
    let mut reference = TextModel::load(rt, &dir, settings(OptLevel::Disable, 1)).unwrap();
    let req = TextRequest::greedy("What is the capital of France?", 24);
    let g = reference.generate(&req, &mut |_, _| {}).unwrap();
    let mut seq = g.prompt_tokens.clone();
    seq.extend(&g.tokens);
    let base: Tensor<f32> = reference.score(&seq).unwrap().logits;
    let v = reference.manifest().vocab;
    drop(reference);
    println!("teacher-forced pass over {} tokens (greedy answer {:?})\n", seq.len(), g.text);
    println!(
        "| level | logits max-abs / rel-L2 (all positions) | last position | same greedy tokens |"
    );
    println!("| --- | --- | --- | --- |");
    for opt in OptLevel::ALL_LEVELS {
        let mut m = TextModel::load(rt, &dir, settings(opt, 1)).unwrap();
        let l = m.score(&seq).unwrap().logits;
        let n = seq.len();
        let last = diff(&base.data()[(n - 1) * v..], &l.data()[(n - 1) * v..]);
        let same = m.generate(&req, &mut |_, _| {}).unwrap().tokens == g.tokens;
        println!("| {opt} | {} | {} | {same} |", fmt(diff(base.data(), l.data())), fmt(last));
    }
}

fn main() {
    let rt = runtime();
    let models = models_dir();
    let fixtures = root().join("aipg-inference/fixtures");
    image(rt, "tiny-sd fixture (CFG 3, Euler)", fixtures.join("tiny-sd"), "a red fox");
    image(rt, "tiny-edm fixture (consistency)", fixtures.join("tiny-edm"), "60");
    image(rt, "terrain model (consistency)", models.join("terrain"), "60");
    text(rt, models.join("smollm2-135m"));
}
