// SPDX-License-Identifier: MIT
//! Criterion benches: image steps and images (tiny fixture, terrain model), pipeline overhead
//! against bare session calls, SmolLM2 prefill and decode with and without the KV cache.
//!
//! The real-model benches run when `cargo xtask models` has prepared
//! `target/aipg-models/` and the runtime is found (`cargo xtask ort`).

#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::cast_possible_truncation
)]

use std::path::PathBuf;
use std::time::Duration;

use aipg_inference::rng::{Purpose, batch_noise};
use aipg_inference::{
    ImageModel, NoSink, ORT_VERSION, Runtime, SessionSettings, TextModel, TextRequest,
};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

fn runtime() -> Option<&'static Runtime> {
    let path = std::env::var_os("ORT_DYLIB_PATH")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join(format!("target/aipg-ort/libonnxruntime.so.{ORT_VERSION}")));
    match Runtime::load(&path) {
        Ok(rt) => Some(rt),
        Err(e) => {
            eprintln!("benches skipped: {e}");
            None
        }
    }
}

fn model_dir(name: &str) -> Option<PathBuf> {
    let base = std::env::var_os("AIPG_MODELS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target/aipg-models"));
    let d = base.join(name);
    d.join("aipg-model.json").exists().then_some(d)
}

fn threads() -> usize {
    std::env::var("AIPG_BENCH_THREADS").ok().and_then(|s| s.parse().ok()).unwrap_or(2)
}

/// `AIPG_BENCH_OPT` picks the graph optimization level (default `disable`).
fn settings() -> SessionSettings {
    let optimization = std::env::var("AIPG_BENCH_OPT")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(aipg_inference::OptLevel::Disable);
    SessionSettings { optimization, intra_threads: threads(), inter_threads: 1 }
}

fn images(c: &mut Criterion) {
    let Some(rt) = runtime() else { return };
    let fixture = root().join("aipg-inference/fixtures/tiny-sd");
    let mut m = ImageModel::load(rt, &fixture, settings()).unwrap();
    let r = m.default_request(1).unwrap();
    c.bench_function("tiny-sd image (4 steps, cfg)", |b| {
        b.iter(|| m.generate(&r, &mut NoSink).unwrap());
    });

    let Some(dir) = model_dir("terrain") else {
        eprintln!("terrain benches skipped: run `cargo xtask models`");
        return;
    };
    let mut m = ImageModel::load(rt, &dir, settings()).unwrap();
    let r = m.default_request(7).unwrap();
    let mut g = c.benchmark_group("terrain");
    g.sample_size(10);
    g.bench_function("image (4 consistency steps, 128x128)", |b| {
        b.iter(|| m.generate(&r, &mut NoSink).unwrap());
    });
    let x0 = aipg_inference::Tensor::new(
        vec![1, 1, 128, 128],
        batch_noise(7, Purpose::InitialNoise, 0, 1, 128 * 128).iter().map(|z| z * 80.0).collect(),
    )
    .unwrap();
    g.bench_function("one step via pipeline (rerun_step)", |b| {
        b.iter(|| m.rerun_step(&r, 0, &x0).unwrap());
    });
    // the same denoiser call with a bare session, no pipeline
    let bytes = std::fs::read(dir.join("unet/model.onnx")).unwrap();
    let mut bare = rt.session(&bytes, &settings()).unwrap();
    let data = x0.data().to_vec();
    g.bench_function("one step via bare session", |b| {
        b.iter(|| {
            let noisy =
                ort::value::Tensor::from_array((vec![1usize, 1, 128, 128], data.clone())).unwrap();
            let sigma = ort::value::Tensor::from_array((vec![1usize], vec![80.0f32])).unwrap();
            let diff = ort::value::Tensor::from_array((vec![1usize], vec![0.6f32])).unwrap();
            let out = bare
                .run(ort::inputs!["noisy" => noisy, "sigma" => sigma, "difficulty" => diff])
                .unwrap();
            let (_, d) = out["denoised"].try_extract_tensor::<f32>().unwrap();
            d.to_vec()
        });
    });
    g.finish();
}

fn text(c: &mut Criterion) {
    let Some(rt) = runtime() else { return };
    let fixture = root().join("aipg-inference/fixtures/tiny-llm");
    let mut m = TextModel::load(rt, &fixture, settings()).unwrap();
    let r = TextRequest::greedy("bench", 32);
    c.bench_function("tiny-llm 32 tokens", |b| b.iter(|| m.generate(&r, &mut |_, _| {}).unwrap()));

    let Some(dir) = model_dir("smollm2-135m") else {
        eprintln!("SmolLM2 benches skipped: run `cargo xtask models`");
        return;
    };
    let mut m = TextModel::load(rt, &dir, settings()).unwrap();
    let prompt = m.prompt_tokens("Write a short story about a lighthouse keeper.", false).unwrap();
    let mut g = c.benchmark_group("smollm2-135m");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(10));
    g.throughput(Throughput::Elements(prompt.len() as u64));
    g.bench_function("prefill", |b| {
        b.iter(|| {
            let mut cache = m.new_cache().unwrap();
            m.forward(&prompt, &mut cache).unwrap()
        });
    });
    let n = 16u64;
    g.throughput(Throughput::Elements(n));
    let mut cache0 = m.new_cache().unwrap();
    m.forward(&prompt, &mut cache0).unwrap();
    g.bench_function("decode 16 tokens with KV cache", |b| {
        b.iter(|| {
            let mut cache = cache0.try_clone().unwrap();
            for i in 0..n {
                m.forward(&[u32::try_from(100 + i).unwrap()], &mut cache).unwrap();
            }
        });
    });
    g.bench_function("decode 16 tokens without cache", |b| {
        b.iter(|| {
            let mut seq = prompt.clone();
            for i in 0..n {
                seq.push(u32::try_from(100 + i).unwrap());
                let mut cache = m.new_cache().unwrap();
                m.forward(&seq, &mut cache).unwrap();
            }
        });
    });
    g.finish();
}

criterion_group!(benches, images, text);
criterion_main!(benches);
