// SPDX-License-Identifier: MIT
//! Pipeline overhead against bare session calls, measured in alternating pairs so that both
//! sides see the same machine load: one terrain denoiser step through
//! `ImageModel::rerun_step` (which includes the scheduler arithmetic and the step noise), then
//! the same denoiser call on a bare `ort` session. Also checks that both give the same bits,
//! and times the pipeline's own work (noise + scheduler step) alone.
//!
//! `cargo run --release -p aipg-inference --example overhead [PAIRS]` after `cargo xtask models`.

use std::path::PathBuf;
use std::time::Instant;

use aipg_inference::rng::{Purpose, batch_noise};
use aipg_inference::sched::{SchedulerKind, step};
use aipg_inference::{ImageModel, ORT_VERSION, Runtime, SessionSettings, Tensor};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let pairs: usize = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(15);
    let lib = std::env::var_os("ORT_DYLIB_PATH")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join(format!("target/aipg-ort/libonnxruntime.so.{ORT_VERSION}")));
    let rt = Runtime::load(&lib).expect("run `cargo xtask ort`");
    let dir = std::env::var_os("AIPG_MODELS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target/aipg-models"))
        .join("terrain");
    let s = SessionSettings { intra_threads: 2, ..SessionSettings::default() };
    let mut m = ImageModel::load(rt, &dir, s).expect("run `cargo xtask models`");
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
    let (mut ratios, mut pipe, mut raw) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..pairs {
        let t = Instant::now();
        m.rerun_step(&r, 0, &x0).unwrap();
        let a = t.elapsed().as_secs_f64();
        let t = Instant::now();
        bare_call();
        let b = t.elapsed().as_secs_f64();
        ratios.push(a / b);
        pipe.push(a);
        raw.push(b);
    }
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
        "{pairs} alternating pairs: pipeline step median {:.1} ms, bare call median {:.1} ms, \
         median per-pair ratio {:.4} (overhead {:+.2} %); noise + scheduler step alone {:.3} ms \
         ({:.3} % of the bare call)",
        median(pipe) * 1e3,
        median(raw.clone()) * 1e3,
        median(ratios.clone()),
        (median(ratios) - 1.0) * 100.0,
        noise_sched * 1e3,
        noise_sched / median(raw) * 100.0
    );
}
