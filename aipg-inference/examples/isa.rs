// SPDX-License-Identifier: MIT
//! Cross-ISA tolerance for `MEASUREMENTS.md`: the same jobs on another instruction set,
//! compared with a native reference run.
//!
//! ```text
//! isa dump DIR        # native: writes every step latent, the pixels and the LLM logits
//! isa compare DIR     # elsewhere (e.g. under `qemu-x86_64 -cpu Haswell-v4`): reruns the
//!                     # jobs, re-executes each step from the reference's input latent and
//!                     # prints one markdown row per job
//! ```
//!
//! Every job runs with optimization `disable` and one intra-op thread, like the reference
//! profile of `examples/measure.rs`. `AIPG_ISA_SKIP_TERRAIN=1` leaves out the terrain model
//! (the slowest job under emulation: minutes under `Nehalem-v2`, hours under `Haswell-v4`).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::cast_possible_truncation
)]

use std::fs;
use std::path::{Path, PathBuf};

use aipg_inference::image::LatentSink;
use aipg_inference::{
    ImageModel, OptLevel, Runtime, SessionSettings, Tensor, TextModel, TextRequest,
};

mod common;
use common::{diff, fmt, models_dir, root, runtime};

fn settings() -> SessionSettings {
    SessionSettings { optimization: OptLevel::Disable, intra_threads: 1, inter_threads: 1 }
}

fn write_f32(path: &Path, data: &[f32]) {
    let bytes: Vec<u8> = data.iter().flat_map(|x| x.to_le_bytes()).collect();
    fs::write(path, bytes).unwrap();
}

fn read_f32(path: &Path) -> Vec<f32> {
    let bytes = fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    bytes.chunks_exact(4).map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect()
}

struct ImageJob {
    name: &'static str,
    dir: PathBuf,
    prompt: &'static str,
}

fn image_jobs(models: &Path) -> Vec<ImageJob> {
    let fixtures = root().join("aipg-inference/fixtures");
    let mut jobs = vec![
        ImageJob { name: "tiny-sd", dir: fixtures.join("tiny-sd"), prompt: "a red fox" },
        ImageJob { name: "tiny-edm", dir: fixtures.join("tiny-edm"), prompt: "60" },
    ];
    if std::env::var_os("AIPG_ISA_SKIP_TERRAIN").is_none() {
        jobs.push(ImageJob { name: "terrain", dir: models.join("terrain"), prompt: "60" });
    }
    jobs
}

fn image(rt: &'static Runtime, job: &ImageJob, out: &Path, dump: bool) {
    let mut m = ImageModel::load(rt, &job.dir, settings()).unwrap();
    let mut r = m.default_request(7).unwrap();
    r.prompt = job.prompt.into();
    let mut lat = LatentSink::default();
    let img = m.generate(&r, &mut lat).unwrap();
    let file = |what: String| out.join(format!("{}.{what}", job.name));
    if dump {
        for (k, t) in lat.0.iter().enumerate() {
            write_f32(&file(format!("lat{k}.f32")), t.data());
        }
        fs::write(file("pixels.u8".into()), img.pixels.data()).unwrap();
        return;
    }
    let reference: Vec<Tensor<f32>> = (0..lat.0.len())
        .map(|k| Tensor::new(lat.0[k].shape().to_vec(), read_f32(&file(format!("lat{k}.f32")))))
        .collect::<Result<_, _>>()
        .unwrap();
    let traj: Vec<String> =
        (1..lat.0.len()).map(|k| fmt(diff(reference[k].data(), lat.0[k].data()))).collect();
    let single: Vec<String> = (0..r.steps)
        .map(|k| {
            let (_, next) = m.rerun_step(&r, k, &reference[k]).unwrap();
            fmt(diff(reference[k + 1].data(), next.data()))
        })
        .collect();
    let px_ref = fs::read(file("pixels.u8".into())).unwrap();
    let px = px_ref.iter().zip(img.pixels.data()).filter(|(a, b)| a != b).count();
    println!(
        "| {} | {} | {} | {} | {px} of {} |",
        job.name,
        img.profile.isa,
        traj.join("; "),
        single.join("; "),
        px_ref.len()
    );
}

fn text(rt: &'static Runtime, dir: &Path, out: &Path, dump: bool) {
    let mut m = TextModel::load(rt, dir, settings()).unwrap();
    let req = TextRequest::greedy("What is the capital of France?", 24);
    let g = m.generate(&req, &mut |_, _| {}).unwrap();
    let seq_file = out.join("smollm2.tokens.txt");
    let logits_file = out.join("smollm2.logits.f32");
    let tokens = |t: &[u32]| t.iter().map(u32::to_string).collect::<Vec<_>>().join(" ");
    if dump {
        let mut seq = g.prompt_tokens.clone();
        seq.extend(&g.tokens);
        write_f32(&logits_file, m.score(&seq).unwrap().logits.data());
        fs::write(&seq_file, format!("{}\n{}\n", tokens(&seq), tokens(&g.tokens))).unwrap();
        return;
    }
    let saved = fs::read_to_string(&seq_file).unwrap();
    let mut lines = saved.lines();
    let seq: Vec<u32> = lines.next().unwrap().split(' ').map(|s| s.parse().unwrap()).collect();
    let same = lines.next().unwrap() == tokens(&g.tokens);
    let base = read_f32(&logits_file);
    let l = m.score(&seq).unwrap().logits;
    let v = m.manifest().vocab;
    let n = seq.len();
    println!(
        "| smollm2-135m ({n} tokens teacher-forced) | {} | logits {} | last position {} | same greedy tokens: {same} |",
        m.profile().isa,
        fmt(diff(&base, l.data())),
        fmt(diff(&base[(n - 1) * v..], &l.data()[(n - 1) * v..])),
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (dump, out) = match args.as_slice() {
        [cmd, dir] if cmd == "dump" => (true, PathBuf::from(dir)),
        [cmd, dir] if cmd == "compare" => (false, PathBuf::from(dir)),
        _ => {
            eprintln!("usage: isa dump DIR | isa compare DIR");
            std::process::exit(2);
        }
    };
    fs::create_dir_all(&out).unwrap();
    let rt = runtime();
    let models = models_dir();
    if !dump {
        println!(
            "| job | ISA class | trajectory per step (max-abs / rel-L2) | single-step re-execution per step | 8-bit values differing |"
        );
        println!("| --- | --- | --- | --- | --- |");
    }
    for job in image_jobs(&models) {
        image(rt, &job, &out, dump);
    }
    text(rt, &models.join("smollm2-135m"), &out, dump);
}
