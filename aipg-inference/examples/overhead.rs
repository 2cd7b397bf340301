// SPDX-License-Identifier: MIT
//! Pipeline overhead against bare session calls, measured in alternating pairs so that both
//! sides see the same machine load:
//!
//! * one terrain denoiser step through `ImageModel::rerun_step` (which includes the scheduler
//!   arithmetic and the step noise), then the same denoiser call on a bare `ort` session; also
//!   times the pipeline's own work (noise + scheduler step) alone;
//! * one SmolLM2 decode step with the KV cache through `TextModel::forward` (which checks the
//!   tokens, hands the cache to ONNX Runtime, shape-checks the new cache and copies the logits
//!   and hidden state out), then the same step on a bare `ort` session that reads only the
//!   logits.
//!
//! Both check that the pipeline and the bare session give the same bits.
//!
//! `cargo run --release -p aipg-inference --example overhead [PAIRS]` after `cargo xtask models`.
//! Sessions use one intra-op thread unless `AIPG_OVERHEAD_THREADS` says otherwise: two
//! multi-threaded sessions taking turns on few cores slow each other down through ONNX
//! Runtime's spinning worker threads, which would measure that contention instead.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::cast_possible_truncation
)]

use std::time::Instant;

use aipg_inference::rng::{Purpose, batch_noise};
use aipg_inference::sched::{SchedulerKind, step};
use aipg_inference::{ImageModel, Runtime, SessionSettings, Tensor, TextModel};

mod common;
use common::{models_dir, runtime};

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// Runs `a` and `b` in alternating pairs, each returning the seconds it measured; returns the
/// medians of `a`, `b` and `a / b`.
fn pairs_of(n: usize, mut a: impl FnMut() -> f64, mut b: impl FnMut() -> f64) -> (f64, f64, f64) {
    let (mut ratios, mut ta, mut tb) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..n {
        let x = a();
        let y = b();
        ratios.push(x / y);
        ta.push(x);
        tb.push(y);
    }
    (median(ta), median(tb), median(ratios))
}

fn timed(f: impl FnOnce()) -> f64 {
    let t = Instant::now();
    f();
    t.elapsed().as_secs_f64()
}

fn main() {
    let pairs: usize = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(15);
    let rt = runtime();
    let models = models_dir();
    let threads =
        std::env::var("AIPG_OVERHEAD_THREADS").ok().and_then(|s| s.parse().ok()).unwrap_or(1);
    let s = SessionSettings { intra_threads: threads, ..SessionSettings::default() };
    terrain(rt, &models.join("terrain"), s, pairs);
    smollm2(rt, &models.join("smollm2-135m"), s, pairs * 10);
}

fn terrain(rt: &'static Runtime, dir: &std::path::Path, s: SessionSettings, pairs: usize) {
    let mut m = ImageModel::load(rt, dir, s).expect("run `cargo xtask models`");
    let mut r = m.default_request(7).unwrap();
    r.prompt = "60".into();
    let sigma0 = 80.0f32;
    let x0 = Tensor::new(
        vec![1, 1, 128, 128],
        batch_noise(7, Purpose::InitialNoise, 0, 1, 128 * 128).iter().map(|z| z * sigma0).collect(),
    )
    .unwrap();
    let bytes = std::fs::read(dir.join("unet/model.onnx")).unwrap();
    let mut bare = rt.session(&bytes, &s).unwrap();
    let label = ((60.0f64 - 1.0) / 99.0) as f32;
    let mut bare_call = || {
        let noisy = ort::value::Tensor::from_array((vec![1usize, 1, 128, 128], x0.data().to_vec()))
            .unwrap();
        let sigma = ort::value::Tensor::from_array((vec![1usize], vec![sigma0])).unwrap();
        let diff = ort::value::Tensor::from_array((vec![1usize], vec![label])).unwrap();
        let out = bare
            .run(ort::inputs!["noisy" => noisy, "sigma" => sigma, "difficulty" => diff])
            .unwrap();
        out["denoised"].try_extract_tensor::<f32>().unwrap().1.to_vec()
    };
    // warm up both, and check they agree bit for bit
    let (d, _) = m.rerun_step(&r, 0, &x0).unwrap();
    assert_eq!(d.data(), &bare_call()[..], "pipeline and bare session disagree");
    let (pipe, raw, ratio) = pairs_of(
        pairs,
        || timed(|| drop(m.rerun_step(&r, 0, &x0).unwrap())),
        || timed(|| drop(bare_call())),
    );
    // the pipeline's own work for one step: step noise + scheduler arithmetic
    let noise_sched = {
        let t = Instant::now();
        let n = 50;
        for _ in 0..n {
            let z = batch_noise(7, Purpose::StepNoise, 0, 1, 128 * 128);
            let _ =
                step(SchedulerKind::Consistency, x0.data(), d.data(), 80.0, 24.4, 0.002, Some(&z))
                    .unwrap();
        }
        t.elapsed().as_secs_f64() / f64::from(n)
    };
    println!(
        "terrain, {pairs} alternating pairs: pipeline step median {:.1} ms, bare call median \
         {:.1} ms, median per-pair ratio {ratio:.4} (overhead {:+.2} %); noise + scheduler step \
         alone {:.3} ms ({:.3} % of the bare call)",
        pipe * 1e3,
        raw * 1e3,
        (ratio - 1.0) * 100.0,
        noise_sched * 1e3,
        noise_sched / raw * 100.0
    );
}

fn smollm2(rt: &'static Runtime, dir: &std::path::Path, s: SessionSettings, pairs: usize) {
    let mut m = TextModel::load(rt, dir, s).expect("run `cargo xtask models`");
    let prompt = m.prompt_tokens("Write a short story about a lighthouse keeper.", false).unwrap();
    let mut cache0 = m.new_cache().unwrap();
    m.forward(&prompt, &mut cache0).unwrap();
    let bytes = std::fs::read(dir.join("model.onnx")).unwrap();
    let mut bare = rt.session(&bytes, &s).unwrap();
    let (kv_heads, head_dim) = (m.manifest().kv_heads, m.manifest().head_dim);
    let mut bare_step = || {
        let mut inputs: Vec<(String, ort::session::SessionInputValue<'_>)> = vec![(
            "input_ids".into(),
            ort::value::Tensor::from_array((vec![1usize, 1], vec![100i64])).unwrap().into(),
        )];
        let shape = [1, kv_heads, cache0.len(), head_dim];
        for l in 0..cache0.layer_count() {
            let (k, v) = cache0.layer(l).unwrap();
            for (kind, data) in [("key", k), ("value", v)] {
                let view = ort::value::TensorRef::from_array_view((shape, data)).unwrap();
                inputs.push((format!("past_key_values.{l}.{kind}"), view.into()));
            }
        }
        let out = bare.run(inputs).unwrap();
        out["logits"].try_extract_tensor::<f32>().unwrap().1.to_vec()
    };
    let mut cache = cache0.try_clone().unwrap();
    let (logits, _) = m.forward(&[100], &mut cache).unwrap();
    assert_eq!(logits.data(), &bare_step()[..], "pipeline and bare session disagree");
    let (pipe, raw, ratio) = pairs_of(
        pairs,
        || {
            // the cache grows by one position per call: start each pair from the prompt's
            // (outside the timed part)
            cache = cache0.try_clone().unwrap();
            timed(|| drop(m.forward(&[100], &mut cache).unwrap()))
        },
        || timed(|| drop(bare_step())),
    );
    println!(
        "smollm2-135m decode step after {} prompt tokens, {pairs} alternating pairs: pipeline \
         median {:.2} ms, bare call median {:.2} ms, median per-pair ratio {ratio:.4} \
         (overhead {:+.2} %)",
        prompt.len(),
        pipe * 1e3,
        raw * 1e3,
        (ratio - 1.0) * 100.0,
    );
}
