// SPDX-License-Identifier: MIT
//! `aipg generate image|text`: deterministic generation on ONNX Runtime, and the inference
//! part of the demo.
//!
//! ```text
//! generate image --model DIR --seed N [--prompt T] [--negative-prompt T] [--steps N] [--cfg X]
//!                [--scheduler euler|euler-ancestral|ddim|consistency] [--width W --height H]
//!                [--batch B] [--opt disable|basic|extended|layout|all] [--threads N] --out FILE.png
//! generate text  --model DIR --seed N --prompt T [--max-tokens N] [--temperature X]
//!                [--top-k K] [--top-p P] [--raw] [--no-cache] [--opt LEVEL] [--threads N]
//! ```
//!
//! Prints (returns) JSON with the parameters, the execution profile, the model file hashes,
//! the output hashes and the time taken; a progress bar goes to stderr. Every parameter is
//! checked before any model is loaded. The ONNX Runtime library is taken from
//! `ORT_DYLIB_PATH`, else from `target/aipg-ort/` in the current folder or above the
//! executable (`cargo xtask ort` puts it there).

use std::path::{Path, PathBuf};
use std::time::Instant;

use aipg_inference::image::{TraceSink, validate_request};
use aipg_inference::png_out::encode_png;
use aipg_inference::tensor::sha256_hex;
use aipg_inference::{
    ImageModel, ImageRequest, ORT_VERSION, OptLevel, Runtime, SamplingParams, SchedulerKind,
    SessionSettings, TextModel, TextRequest,
};
use serde_json::{Value, json};

/// Options common to both kinds, and the rest of the command line as flag/value pairs.
struct Args {
    flags: Vec<(String, Option<String>)>,
}

const SWITCHES: &[&str] = &["--raw", "--no-cache"];

impl Args {
    fn parse(args: &[String]) -> Result<Self, String> {
        let mut flags = Vec::new();
        let mut it = args.iter();
        while let Some(a) = it.next() {
            if !a.starts_with("--") {
                return Err(format!("unexpected argument {a:?}"));
            }
            if SWITCHES.contains(&a.as_str()) {
                flags.push((a.clone(), None));
            } else {
                let v = it.next().ok_or_else(|| format!("{a} needs a value"))?;
                flags.push((a.clone(), Some(v.clone())));
            }
        }
        Ok(Self { flags })
    }

    fn take(&mut self, name: &str) -> Option<String> {
        let i = self.flags.iter().position(|(k, _)| k == name)?;
        self.flags.remove(i).1
    }

    fn switch(&mut self, name: &str) -> bool {
        match self.flags.iter().position(|(k, _)| k == name) {
            Some(i) => {
                self.flags.remove(i);
                true
            }
            None => false,
        }
    }

    fn num<T: std::str::FromStr>(&mut self, name: &str) -> Result<Option<T>, String> {
        match self.take(name) {
            None => Ok(None),
            Some(v) => v.parse().map(Some).map_err(|_| format!("{name}: cannot parse {v:?}")),
        }
    }

    fn finish(&self) -> Result<(), String> {
        match self.flags.first() {
            Some((k, _)) => Err(format!("unknown option {k}")),
            None => Ok(()),
        }
    }
}

fn settings(a: &mut Args) -> Result<SessionSettings, String> {
    let mut s = SessionSettings::default();
    if let Some(o) = a.take("--opt") {
        s.optimization = o.parse::<OptLevel>().map_err(|e| e.to_string())?;
    }
    if let Some(t) = a.num::<usize>("--threads")? {
        if t == 0 || t > 256 {
            return Err("--threads: must be in 1..=256".into());
        }
        s.intra_threads = t;
    }
    Ok(s)
}

/// Finds and loads the ONNX Runtime library.
///
/// # Errors
/// A message saying to run `cargo xtask ort` when no library is found.
pub fn runtime() -> Result<&'static Runtime, String> {
    if std::env::var_os("ORT_DYLIB_PATH").is_some() {
        return Runtime::from_env().map_err(|e| e.to_string());
    }
    let name = format!("target/aipg-ort/libonnxruntime.so.{ORT_VERSION}");
    let mut candidates = vec![PathBuf::from(&name)];
    if let Ok(exe) = std::env::current_exe() {
        candidates.extend(exe.ancestors().skip(1).map(|d| d.join(&name)));
    }
    let found = candidates.into_iter().find(|p| p.exists()).ok_or_else(|| {
        "onnx runtime library not found; run `cargo xtask ort` or set ORT_DYLIB_PATH".to_owned()
    })?;
    Runtime::load(&found).map_err(|e| e.to_string())
}

fn progress(done: usize, total: usize, what: &str) {
    let width = 30;
    let filled = (done * width).checked_div(total).unwrap_or(width).min(width);
    eprint!("\r{what} [{}{}] {done}/{total}", "#".repeat(filled), ".".repeat(width - filled));
    if done >= total {
        eprintln!();
    }
}

/// Runs `generate image ...` or `generate text ...` (the arguments after `generate`).
///
/// # Errors
/// A message for bad arguments (before any model runs), a missing runtime or model, or a
/// failed run.
pub fn run_generate(args: &[String]) -> Result<Value, String> {
    match args.first().map(String::as_str) {
        Some("image") => generate_image(&args[1..]),
        Some("text") => generate_text(&args[1..]),
        _ => Err("usage: generate image|text --model DIR --seed N ...".into()),
    }
}

fn generate_image(args: &[String]) -> Result<Value, String> {
    let mut a = Args::parse(args)?;
    let dir = PathBuf::from(a.take("--model").ok_or("--model DIR is required")?);
    let seed: u64 = a.num("--seed")?.ok_or("--seed N is required")?;
    let out = PathBuf::from(a.take("--out").ok_or("--out FILE.png is required")?);
    let manifest = aipg_inference::manifest::read_diffusion(&dir).map_err(|e| e.to_string())?;
    let mut r = ImageRequest::defaults(&manifest, seed).map_err(|e| e.to_string())?;
    if let Some(p) = a.take("--prompt") {
        r.prompt = p;
    }
    if let Some(p) = a.take("--negative-prompt") {
        r.negative_prompt = p;
    }
    if let Some(s) = a.num("--steps")? {
        r.steps = s;
    }
    if let Some(c) = a.num("--cfg")? {
        r.cfg = c;
    }
    if let Some(s) = a.take("--scheduler") {
        r.scheduler = s.parse::<SchedulerKind>().map_err(|e| e.to_string())?;
    }
    if let Some(w) = a.num("--width")? {
        r.width = w;
    }
    if let Some(h) = a.num("--height")? {
        r.height = h;
    }
    if let Some(b) = a.num("--batch")? {
        r.batch = b;
    }
    let s = settings(&mut a)?;
    a.finish()?;
    validate_request(&manifest, &r).map_err(|e| e.to_string())?;
    let (value, _) = image_with(&dir, &r, s, &out, true)?;
    Ok(value)
}

/// Generates an image and writes it (image `b` of a batch to `FILE-b.png` when `batch > 1`);
/// returns the JSON report and the PNG hashes.
fn image_with(
    dir: &Path,
    r: &ImageRequest,
    s: SessionSettings,
    out: &Path,
    show: bool,
) -> Result<(Value, Vec<String>), String> {
    let rt = runtime()?;
    let start = Instant::now();
    let mut model = ImageModel::load(rt, dir, s).map_err(|e| e.to_string())?;
    let loaded = start.elapsed();
    let steps = r.steps;
    let mut trace = TraceSink::default();
    let mut sink = aipg_inference::image::FnSink(|rec: &aipg_inference::StepRecord<'_>| {
        aipg_inference::StepSink::on_step(&mut trace, rec);
        if show {
            progress(rec.step + 1, steps, "denoising");
        }
    });
    let gen_start = Instant::now();
    let img = model.generate(r, &mut sink).map_err(|e| e.to_string())?;
    let generated = gen_start.elapsed();
    let (w, h, c) = img.dims();
    let params = serde_json::to_value(r).map_err(|e| e.to_string())?;
    let profile = serde_json::to_value(&img.profile).map_err(|e| e.to_string())?;
    let text_params = params.to_string();
    let text_profile = profile.to_string();
    let mut files = Vec::new();
    let mut pngs = Vec::new();
    for b in 0..r.batch {
        let px = img.image(b).ok_or("missing image")?;
        let png = encode_png(
            w,
            h,
            c,
            px,
            &[
                ("aipg:parameters", &text_params),
                ("aipg:profile", &text_profile),
                ("aipg:index", &b.to_string()),
            ],
        )
        .map_err(|e| e.to_string())?;
        let path = if r.batch == 1 {
            out.to_path_buf()
        } else {
            let stem = out.file_stem().and_then(|s| s.to_str()).unwrap_or("image");
            out.with_file_name(format!("{stem}-{b}.png"))
        };
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        std::fs::write(&path, &png).map_err(|e| format!("{}: {e}", path.display()))?;
        let hash = sha256_hex(&png);
        files.push(json!({"path": path.display().to_string(), "png_sha256": hash}));
        pngs.push(hash);
    }
    let value = json!({
        "kind": "image",
        "model": dir.display().to_string(),
        "model_files": model.files().iter().map(|(f, h)| json!({"file": f, "sha256": h})).collect::<Vec<_>>(),
        "parameters": params,
        "profile": profile,
        "sigmas": img.sigmas,
        "output": {
            "pixel_hash": img.pixel_hash().to_string(),
            "latent_hash": img.latent.hash().to_string(),
            "width": w, "height": h, "channels": c,
            "files": files,
        },
        "steps": trace.0,
        "time": {"load_s": loaded.as_secs_f64(), "generate_s": generated.as_secs_f64()},
    });
    Ok((value, pngs))
}

fn generate_text(args: &[String]) -> Result<Value, String> {
    let mut a = Args::parse(args)?;
    let dir = PathBuf::from(a.take("--model").ok_or("--model DIR is required")?);
    let seed: u64 = a.num("--seed")?.ok_or("--seed N is required")?;
    let prompt = a.take("--prompt").ok_or("--prompt T is required")?;
    let mut r = TextRequest::greedy(&prompt, 64);
    r.seed = seed;
    if let Some(n) = a.num("--max-tokens")? {
        r.max_tokens = n;
    }
    let mut sp = SamplingParams::default();
    if let Some(t) = a.num("--temperature")? {
        sp.temperature = t;
    }
    if let Some(k) = a.num("--top-k")? {
        sp.top_k = k;
    }
    if let Some(p) = a.num("--top-p")? {
        sp.top_p = p;
    }
    r.sampling = sp;
    r.raw = a.switch("--raw");
    r.use_cache = !a.switch("--no-cache");
    let s = settings(&mut a)?;
    a.finish()?;
    sp.validate().map_err(|e| e.to_string())?;
    if r.max_tokens == 0 {
        return Err("invalid parameter max_tokens: 0 is not in 1..".into());
    }
    aipg_inference::manifest::read_llm(&dir).map_err(|e| e.to_string())?;
    text_with(&dir, &r, s, true)
}

fn text_with(dir: &Path, r: &TextRequest, s: SessionSettings, show: bool) -> Result<Value, String> {
    let rt = runtime()?;
    let start = Instant::now();
    let mut model = TextModel::load(rt, dir, s).map_err(|e| e.to_string())?;
    model.validate(r).map_err(|e| e.to_string())?;
    let loaded = start.elapsed();
    let max = r.max_tokens;
    let gen_start = Instant::now();
    let out = model
        .generate(r, &mut |_, n| {
            if show {
                progress(n, max, "tokens");
            }
        })
        .map_err(|e| e.to_string())?;
    if show && out.tokens.len() < max {
        eprintln!();
    }
    let generated = gen_start.elapsed();
    let secs = generated.as_secs_f64();
    Ok(json!({
        "kind": "text",
        "model": dir.display().to_string(),
        "model_files": model.files().iter().map(|(f, h)| json!({"file": f, "sha256": h})).collect::<Vec<_>>(),
        "parameters": r,
        "profile": out.profile,
        "output": {
            "text": out.text,
            "tokens": out.tokens,
            "prompt_tokens": out.prompt_tokens.len(),
            "stop": out.stop,
            "token_hash": out.token_hash().to_string(),
        },
        "time": {
            "load_s": loaded.as_secs_f64(),
            "generate_s": secs,
            "tokens_per_s": if secs > 0.0 { out.tokens.len() as f64 / secs } else { 0.0 },
        },
    }))
}

/// The inference part of the demo: a terrain image from a seed (PNG written, hash printed)
/// and a short SmolLM2 answer, then both again, showing identical hashes.
///
/// `models` is the folder `cargo xtask models` prepared; `out_dir` receives the PNGs.
///
/// # Errors
/// A message when the runtime or a model is missing, or when a rerun differs.
pub fn run_demo(models: &Path, out_dir: &Path) -> Result<(), String> {
    let terrain = models.join("terrain");
    let smol = models.join("smollm2-135m");
    let manifest = aipg_inference::manifest::read_diffusion(&terrain)
        .map_err(|e| format!("{e}; run `cargo xtask models`"))?;
    let mut r = ImageRequest::defaults(&manifest, 7).map_err(|e| e.to_string())?;
    r.prompt = "60".into();
    let s = SessionSettings { intra_threads: 2, ..SessionSettings::default() };
    let mut image_hashes = Vec::new();
    let mut text_hashes = Vec::new();
    for run in 1..=2 {
        println!("== run {run}");
        let path = out_dir.join(format!("terrain-seed7-run{run}.png"));
        let (v, _) = image_with(&terrain, &r, s, &path, false)?;
        let pixel = v["output"]["pixel_hash"].as_str().unwrap_or_default().to_owned();
        println!(
            "terrain seed 7, difficulty 60, {} consistency steps: {} ({:.2} s)\n  pixels {pixel}\n  png    {}",
            r.steps,
            path.display(),
            v["time"]["generate_s"].as_f64().unwrap_or(0.0),
            v["output"]["files"][0]["png_sha256"].as_str().unwrap_or_default(),
        );
        image_hashes.push(pixel);
        let t = TextRequest::greedy("What is the capital of France?", 24);
        let v = text_with(&smol, &t, s, false)?;
        let hash = v["output"]["token_hash"].as_str().unwrap_or_default().to_owned();
        println!(
            "SmolLM2-135M, greedy: {:?} ({:.1} tokens/s, prompt pass included)\n  tokens {hash}",
            v["output"]["text"].as_str().unwrap_or_default(),
            v["time"]["tokens_per_s"].as_f64().unwrap_or(0.0),
        );
        text_hashes.push(hash);
    }
    println!("profile: {}", runtime()?.profile(&s));
    if image_hashes[0] != image_hashes[1] || text_hashes[0] != text_hashes[1] {
        return Err("the second run differs from the first".into());
    }
    println!("both runs identical: image {} / text {}", image_hashes[0], text_hashes[0]);
    Ok(())
}
