// SPDX-License-Identifier: MIT
//! End-to-end tests on the tiny committed fixtures (always run when the runtime is present).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::cast_possible_truncation
)]

mod common;

use aipg_inference::image::{LatentSink, TraceSink, validate_request};
use aipg_inference::png_out::{decode_png, encode_png};
use aipg_inference::tensor::sha256_hex;
use aipg_inference::{
    ImageModel, InferenceError, NoSink, OptLevel, SamplingParams, SchedulerKind, SessionSettings,
    TextModel, TextRequest,
};

/// SHA-256 of every committed fixture file: `make_fixtures.py` must reproduce these.
const FIXTURE_HASHES: &[(&str, &str)] = &[
    (
        "tiny-sd/text_encoder/model.onnx",
        "cda9da80bb03af414dd5a7b7107b833a997e4e93052c0d2f205f9ee8823b948e",
    ),
    ("tiny-sd/unet/model.onnx", "08b6106b8d7b353f3a69f903e125c2f1650f45f2f6f9ac72658195b404ae9ccb"),
    (
        "tiny-sd/vae_decoder/model.onnx",
        "6d4fd65ab8dffef9bbfd65373403fa898c73462dcf65c6c5796f43e4c8f6854c",
    ),
    ("tiny-sd/aipg-model.json", "beceb4f9a4d8771ae8555899bbe9afe9acebdf34d6d09899e74b9c646a616cf4"),
    (
        "tiny-edm/unet/model.onnx",
        "27490f652dbfda58d1cf3900e10517f45dd43e79baf6685faa446a9acda9bd80",
    ),
    (
        "tiny-edm/aipg-model.json",
        "d0fdd13d63d2dee66a84e9c4a566973a200c3ef36fb4336656e10591c441ae69",
    ),
    ("tiny-llm/model.onnx", "72219f1a2eb77fb643e0e31b6680a4ebc61e296b551b77a2773335015c5a1c96"),
    (
        "tiny-llm/aipg-model.json",
        "fb8f12fd0012c407df4de7ea46344ce950baddddd7d27030be95fe349f51c0b0",
    ),
];

fn settings(opt: OptLevel, threads: usize) -> SessionSettings {
    SessionSettings { optimization: opt, intra_threads: threads, inter_threads: 1 }
}

#[test]
fn fixtures_are_pinned() {
    for (file, want) in FIXTURE_HASHES {
        let bytes = std::fs::read(common::fixtures().join(file)).unwrap();
        assert_eq!(&sha256_hex(&bytes), want, "{file}");
    }
    eprintln!("fixtures: {} files match their pinned hashes", FIXTURE_HASHES.len());
}

#[test]
fn sd_layout_is_bitwise_reproducible_across_runs_and_threads() {
    let Some(rt) = common::runtime() else { return };
    let dir = common::fixtures().join("tiny-sd");
    let mut hashes = Vec::new();
    for threads in [1, 2, 1] {
        let mut m = ImageModel::load(rt, &dir, settings(OptLevel::Disable, threads)).unwrap();
        for scheduler in [SchedulerKind::Euler, SchedulerKind::EulerAncestral, SchedulerKind::Ddim]
        {
            let mut r = m.default_request(42).unwrap();
            r.prompt = "a red fox".into();
            r.scheduler = scheduler;
            r.steps = 5;
            let mut trace = TraceSink::default();
            let out = m.generate(&r, &mut trace).unwrap();
            assert_eq!(trace.0.len(), 5);
            assert_eq!(out.dims(), (16, 16, 3));
            hashes.push((threads, scheduler, out.pixel_hash(), trace.0));
        }
    }
    for h in &hashes[3..] {
        let base = hashes.iter().find(|b| b.1 == h.1).unwrap();
        assert_eq!(base.2, h.2, "{:?} with {} threads", h.1, h.0);
        assert_eq!(base.3, h.3);
    }
    // the three schedulers give three different images
    assert_ne!(hashes[0].2, hashes[1].2);
    assert_ne!(hashes[0].2, hashes[2].2);
    eprintln!("tiny-sd: {} runs, identical across 1/2 threads", hashes.len());
}

#[test]
fn guidance_prompt_and_seed_change_the_image() {
    let Some(rt) = common::runtime() else { return };
    let mut m =
        ImageModel::load(rt, &common::fixtures().join("tiny-sd"), SessionSettings::default())
            .unwrap();
    let mut r = m.default_request(1).unwrap();
    r.prompt = "mountain".into();
    let base = m.generate(&r, &mut NoSink).unwrap().pixel_hash();
    let mut other = r.clone();
    other.cfg = 1.0;
    assert_ne!(m.generate(&other, &mut NoSink).unwrap().pixel_hash(), base);
    other = r.clone();
    other.prompt = "lake".into();
    assert_ne!(m.generate(&other, &mut NoSink).unwrap().pixel_hash(), base);
    other = r.clone();
    other.seed = 2;
    assert_ne!(m.generate(&other, &mut NoSink).unwrap().pixel_hash(), base);
    assert_eq!(m.generate(&r, &mut NoSink).unwrap().pixel_hash(), base);
}

#[test]
fn batch_image_equals_single_image_with_offset_seed() {
    let Some(rt) = common::runtime() else { return };
    for fixture in ["tiny-sd", "tiny-edm"] {
        let mut m =
            ImageModel::load(rt, &common::fixtures().join(fixture), SessionSettings::default())
                .unwrap();
        let mut r = m.default_request(100).unwrap();
        r.batch = 3;
        if fixture == "tiny-sd" {
            r.scheduler = SchedulerKind::EulerAncestral;
        }
        let batch = m.generate(&r, &mut NoSink).unwrap();
        let mut single = r.clone();
        single.batch = 1;
        single.seed = 102;
        let alone = m.generate(&single, &mut NoSink).unwrap();
        assert_eq!(batch.image(2).unwrap(), alone.image(0).unwrap(), "{fixture}");
        assert_ne!(batch.image(0).unwrap(), batch.image(1).unwrap());
    }
}

#[test]
fn single_step_rerun_matches_the_trace() {
    let Some(rt) = common::runtime() else { return };
    for fixture in ["tiny-sd", "tiny-edm"] {
        let mut m =
            ImageModel::load(rt, &common::fixtures().join(fixture), SessionSettings::default())
                .unwrap();
        let mut r = m.default_request(9).unwrap();
        r.steps = 4;
        let mut latents = LatentSink::default();
        let out = m.generate(&r, &mut latents).unwrap();
        assert_eq!(latents.0.len(), 5);
        assert_eq!(latents.0[4], out.latent);
        for k in 0..4 {
            let (_, next) = m.rerun_step(&r, k, &latents.0[k]).unwrap();
            assert_eq!(next, latents.0[k + 1], "{fixture} step {k}");
        }
        assert!(m.rerun_step(&r, 4, &latents.0[0]).is_err());
    }
}

#[test]
fn edm_consistency_sampler_runs_and_is_reproducible() {
    let Some(rt) = common::runtime() else { return };
    let dir = common::fixtures().join("tiny-edm");
    let mut a = ImageModel::load(rt, &dir, settings(OptLevel::Disable, 1)).unwrap();
    let mut b = ImageModel::load(rt, &dir, settings(OptLevel::Disable, 2)).unwrap();
    for scheduler in
        [SchedulerKind::Consistency, SchedulerKind::Euler, SchedulerKind::EulerAncestral]
    {
        let mut r = a.default_request(5).unwrap();
        r.scheduler = scheduler;
        r.prompt = "60".into();
        let x = a.generate(&r, &mut NoSink).unwrap();
        let y = b.generate(&r, &mut NoSink).unwrap();
        assert_eq!(x.pixel_hash(), y.pixel_hash(), "{scheduler}");
        assert_eq!(x.dims(), (16, 16, 1));
        r.prompt = "59".into();
        assert_ne!(a.generate(&r, &mut NoSink).unwrap().latent, x.latent);
    }
}

#[test]
fn invalid_image_parameters_fail_before_running() {
    let Some(rt) = common::runtime() else { return };
    let m = ImageModel::load(rt, &common::fixtures().join("tiny-sd"), SessionSettings::default())
        .unwrap();
    let ok = m.default_request(0).unwrap();
    type Edit = Box<dyn Fn(&mut aipg_inference::ImageRequest)>;
    let bad: Vec<(&str, Edit)> = vec![
        ("steps", Box::new(|r| r.steps = 0)),
        ("steps", Box::new(|r| r.steps = 100_000)),
        ("cfg", Box::new(|r| r.cfg = f32::NAN)),
        ("cfg", Box::new(|r| r.cfg = f32::INFINITY)),
        ("cfg", Box::new(|r| r.cfg = -1.0)),
        ("width", Box::new(|r| r.width = 1 << 20)),
        ("width", Box::new(|r| r.width = 15)),
        ("height", Box::new(|r| r.height = 0)),
        ("batch", Box::new(|r| r.batch = 0)),
        ("batch", Box::new(|r| r.batch = 1000)),
        ("scheduler", Box::new(|r| r.scheduler = SchedulerKind::Consistency)),
    ];
    for (name, f) in bad {
        let mut r = ok.clone();
        f(&mut r);
        match validate_request(m.manifest(), &r) {
            Err(InferenceError::InvalidParameter { name: n, .. }) => assert_eq!(n, name),
            other => panic!("{name}: {other:?}"),
        }
    }
    let edm =
        ImageModel::load(rt, &common::fixtures().join("tiny-edm"), SessionSettings::default())
            .unwrap();
    let mut r = edm.default_request(0).unwrap();
    r.prompt = "101".into();
    assert!(edm.validate(&r).is_err());
    r.prompt = "hills".into();
    assert!(edm.validate(&r).is_err());
    r.prompt = "50".into();
    r.cfg = 2.0;
    assert!(edm.validate(&r).is_err());
}

#[test]
fn png_carries_the_parameters() {
    let Some(rt) = common::runtime() else { return };
    let mut m =
        ImageModel::load(rt, &common::fixtures().join("tiny-sd"), SessionSettings::default())
            .unwrap();
    let r = m.default_request(3).unwrap();
    let out = m.generate(&r, &mut NoSink).unwrap();
    let (w, h, c) = out.dims();
    let params = serde_json::to_string(&r).unwrap();
    let png = encode_png(w, h, c, out.image(0).unwrap(), &[("aipg:parameters", &params)]).unwrap();
    let (w2, h2, c2, px, text) = decode_png(&png).unwrap();
    assert_eq!((w2, h2, c2), (w, h, c));
    assert_eq!(px, out.image(0).unwrap());
    assert_eq!(text[0].1, params);
}

fn tiny_llm(threads: usize) -> Option<TextModel> {
    let rt = common::runtime()?;
    Some(
        TextModel::load(
            rt,
            &common::fixtures().join("tiny-llm"),
            settings(OptLevel::Disable, threads),
        )
        .unwrap(),
    )
}

#[test]
fn llm_generation_is_reproducible_and_cache_consistent() {
    let Some(mut a) = tiny_llm(1) else { return };
    let mut b = tiny_llm(2).unwrap();
    let mut req = TextRequest::greedy("hello", 24);
    let g1 = a.generate(&req, &mut |_, _| {}).unwrap();
    let g2 = b.generate(&req, &mut |_, _| {}).unwrap();
    assert_eq!(g1.tokens, g2.tokens);
    assert!(!g1.tokens.is_empty());
    req.use_cache = false;
    let g3 = a.generate(&req, &mut |_, _| {}).unwrap();
    assert_eq!(g1.tokens, g3.tokens, "cache and no cache agree");
    for (seed, t, k, p) in [(1u64, 0.8f32, 0u32, 1.0f32), (2, 1.0, 5, 1.0), (3, 1.2, 0, 0.9)] {
        let r = TextRequest {
            seed,
            prompt: "abc".into(),
            max_tokens: 16,
            sampling: SamplingParams { temperature: t, top_k: k, top_p: p },
            raw: false,
            use_cache: true,
        };
        let x = a.generate(&r, &mut |_, _| {}).unwrap();
        let y = b.generate(&r, &mut |_, _| {}).unwrap();
        assert_eq!(x.tokens, y.tokens);
        assert_eq!(x.token_hash(), y.token_hash());
        let mut other = r.clone();
        other.seed += 100;
        let z = a.generate(&other, &mut |_, _| {}).unwrap();
        assert_ne!(x.tokens, z.tokens, "seed {seed}");
    }
}

#[test]
fn scoring_matches_incremental_forward() {
    let Some(mut m) = tiny_llm(1) else { return };
    let tokens: Vec<u32> = b"\x01the quick brown fox".iter().map(|&b| u32::from(b)).collect();
    let scores = m.score(&tokens).unwrap();
    assert_eq!(scores.logits.shape(), &[tokens.len(), 258]);
    assert_eq!(scores.hidden.shape(), &[tokens.len(), 32]);
    let mut cache = m.new_cache().unwrap();
    let (first, _) = m.forward(&tokens[..5], &mut cache).unwrap();
    assert_eq!(cache.len(), 5);
    assert_eq!(first.data(), &scores.logits.data()[..5 * 258]);
    for (i, &t) in tokens.iter().enumerate().skip(5) {
        let (l, h) = m.forward(&[t], &mut cache).unwrap();
        let row = &scores.logits.data()[i * 258..(i + 1) * 258];
        let max = l.data().iter().zip(row).map(|(a, b)| (a - b).abs()).fold(0.0f32, f32::max);
        assert!(max < 1e-5, "position {i}: {max}");
        assert_eq!(h.shape(), &[1, 32]);
    }
}

#[test]
fn kv_cache_copies_are_independent_and_rejected_tokens_leave_it_unchanged() {
    let Some(mut m) = tiny_llm(1) else { return };
    let (kv, hd) = (m.manifest().kv_heads, m.manifest().head_dim);
    let mut cache = m.new_cache().unwrap();
    m.forward(&[1, 2, 3], &mut cache).unwrap();
    assert_eq!(cache.layer_count(), m.manifest().layers);
    assert!(cache.layer(cache.layer_count()).is_none());
    let (k, v) = cache.layer(0).unwrap();
    assert_eq!((k.len(), v.len()), (kv * 3 * hd, kv * 3 * hd));

    let mut copy = cache.try_clone().unwrap();
    let (a, _) = m.forward(&[4], &mut cache).unwrap();
    assert_eq!((cache.len(), copy.len()), (4, 3), "the copy did not grow with the original");
    let (b, _) = m.forward(&[4], &mut copy).unwrap();
    assert_eq!(a.data(), b.data(), "a copy continues exactly like the original");
    for l in 0..cache.layer_count() {
        assert_eq!(cache.layer(l), copy.layer(l));
    }

    let before: Vec<f32> = cache.layer(0).unwrap().0.to_vec();
    let e = m.forward(&[100_000], &mut cache).unwrap_err();
    assert!(e.to_string().contains("vocabulary"), "{e}");
    assert_eq!(cache.len(), 4);
    assert_eq!(cache.layer(0).unwrap().0, &before[..]);
}

#[test]
fn invalid_text_parameters_fail_before_running() {
    let Some(m) = tiny_llm(1) else { return };
    let ok = TextRequest::greedy("x", 4);
    let cases: Vec<(&str, TextRequest)> = vec![
        ("max_tokens", TextRequest { max_tokens: 0, ..ok.clone() }),
        ("max_tokens", TextRequest { max_tokens: usize::MAX, ..ok.clone() }),
        (
            "top_p",
            TextRequest {
                sampling: SamplingParams { temperature: 1.0, top_k: 0, top_p: 0.0 },
                ..ok.clone()
            },
        ),
        (
            "top_p",
            TextRequest {
                sampling: SamplingParams { temperature: 1.0, top_k: 0, top_p: 1.01 },
                ..ok.clone()
            },
        ),
        (
            "temperature",
            TextRequest {
                sampling: SamplingParams { temperature: f32::NAN, top_k: 0, top_p: 1.0 },
                ..ok.clone()
            },
        ),
        ("max_tokens", TextRequest { prompt: "y".repeat(600), ..ok.clone() }),
    ];
    for (name, r) in cases {
        match m.validate(&r) {
            Err(InferenceError::InvalidParameter { name: n, .. }) => assert_eq!(n, name),
            other => panic!("{name}: {other:?}"),
        }
    }
}

/// Output hashes (tiny-sd pixels, tiny-edm pixels, tiny-llm tokens) per bit class, as
/// measured natively (AVX-512) and under `qemu-x86_64 -cpu Haswell-v4` (AVX2),
/// `-cpu SandyBridge-v2` (AVX) and `-cpu Nehalem-v2` (SSE4.2): see `MEASUREMENTS.md` §2b.
/// AVX2 kernels give AVX-512's bits; AVX and SSE4.2 change one 8-bit tiny-sd value.
const PINNED_OUTPUTS: &[(&str, [&str; 3])] = &[
    ("ort-1.31.1/cpu/opt-disable/x86-avx512", [SD_WIDE, EDM, LLM]),
    ("ort-1.31.1/cpu/opt-disable/x86-avx2", [SD_WIDE, EDM, LLM]),
    ("ort-1.31.1/cpu/opt-disable/x86-avx", [SD_NARROW, EDM, LLM]),
    ("ort-1.31.1/cpu/opt-disable/x86-sse", [SD_NARROW, EDM, LLM]),
];
const SD_WIDE: &str = "829b6a84704c75d8befb49ecd3b9a77513af74037ca57f2552e893f9c004e5eb";
const SD_NARROW: &str = "3e497dff2d7769e4a8ae6e9efc72643f72cd5174f2dc5adc76d63436c77cb87d";
const EDM: &str = "bad1dac3918724649a265adf0cbdcfa5c13024ccb2716e90146ef5803ab29261";
const LLM: &str = "9e9c11516e780d27605626c60cff80ad1ce3753d55f64b0463a8cfff3d1f6e1f";

#[test]
fn outputs_match_the_pinned_hashes_of_this_isa_class() {
    let Some(rt) = common::runtime() else { return };
    let f = common::fixtures();
    let mut sd = ImageModel::load(rt, &f.join("tiny-sd"), SessionSettings::default()).unwrap();
    let mut r = sd.default_request(42).unwrap();
    r.prompt = "a red fox".into();
    let sd_hash = sd.generate(&r, &mut NoSink).unwrap().pixel_hash().to_string();
    let mut edm = ImageModel::load(rt, &f.join("tiny-edm"), SessionSettings::default()).unwrap();
    let r = edm.default_request(42).unwrap();
    let edm_hash = edm.generate(&r, &mut NoSink).unwrap().pixel_hash().to_string();
    let mut llm = TextModel::load(rt, &f.join("tiny-llm"), SessionSettings::default()).unwrap();
    let mut t = TextRequest::greedy("pin", 16);
    t.sampling = SamplingParams { temperature: 0.9, top_k: 40, top_p: 0.95 };
    t.seed = 42;
    let llm_hash = llm.generate(&t, &mut |_, _| {}).unwrap().token_hash().to_string();
    let got = [sd_hash.as_str(), edm_hash.as_str(), llm_hash.as_str()];
    let class = sd.profile().bit_class();
    let Some(pin) = common::pin_for("fixture outputs", &class, PINNED_OUTPUTS, &got) else {
        return;
    };
    assert_eq!(&got, pin, "{class}");
    eprintln!("pinned outputs: 3 of 3 match under {class}");
}

#[test]
fn a_class_without_a_pin_fails_under_ci_and_skips_elsewhere() {
    let missing = std::panic::catch_unwind(|| {
        common::pin_for::<&str>("probe", "ort-1.31.1/cpu/opt-disable/none", &[], &"got").is_none()
    });
    match missing {
        Err(_) => assert!(common::in_ci(), "failed outside CI"),
        Ok(skipped) => assert!(skipped && !common::in_ci(), "skipped under CI"),
    }
}
