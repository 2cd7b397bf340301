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
//! The flags are those of [`ImageArgs`] and [`TextArgs`].
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

/// `generate image` or `generate text`, with their flags.
#[derive(Debug, clap::Subcommand)]
pub enum GenerateCommand {
    /// Generates images from a seed with a diffusion model and writes them as PNG -> JSON.
    Image(ImageArgs),
    /// Generates text from a prompt with a language model -> JSON.
    Text(TextArgs),
}

/// The flags of `generate image`. Those left out take the model's defaults.
#[derive(Debug, clap::Args)]
pub struct ImageArgs {
    /// The model folder.
    #[arg(long, value_name = "DIR")]
    pub model: PathBuf,
    /// The seed.
    #[arg(long, value_name = "N")]
    pub seed: u64,
    /// The prompt (default: the model's).
    #[arg(long, value_name = "T", allow_hyphen_values = true)]
    pub prompt: Option<String>,
    /// The negative prompt (default: the model's).
    #[arg(long, value_name = "T", allow_hyphen_values = true)]
    pub negative_prompt: Option<String>,
    /// Denoising steps (default: the model's).
    #[arg(long, value_name = "N")]
    pub steps: Option<usize>,
    /// Classifier-free guidance scale (default: the model's).
    #[arg(long, value_name = "X", allow_negative_numbers = true)]
    pub cfg: Option<f32>,
    /// The scheduler: euler, euler-ancestral, ddim or consistency (default: the model's).
    #[arg(long, value_name = "S")]
    pub scheduler: Option<SchedulerKind>,
    /// Width in pixels (default: the model's).
    #[arg(long, value_name = "W")]
    pub width: Option<usize>,
    /// Height in pixels (default: the model's).
    #[arg(long, value_name = "H")]
    pub height: Option<usize>,
    /// Images per run; image b goes to FILE-b.png when more than one (default: the model's).
    #[arg(long, value_name = "B")]
    pub batch: Option<usize>,
    /// The PNG file to write.
    #[arg(long, value_name = "FILE.png")]
    pub out: PathBuf,
    /// ONNX Runtime session settings.
    #[command(flatten)]
    pub session: SessionArgs,
}

/// The flags of `generate text`.
#[derive(Debug, clap::Args)]
pub struct TextArgs {
    /// The model folder.
    #[arg(long, value_name = "DIR")]
    pub model: PathBuf,
    /// The seed.
    #[arg(long, value_name = "N")]
    pub seed: u64,
    /// The prompt.
    #[arg(long, value_name = "T", allow_hyphen_values = true)]
    pub prompt: String,
    /// Most tokens to generate.
    #[arg(long, value_name = "N", default_value_t = 64)]
    pub max_tokens: usize,
    /// Softmax temperature; 0 is greedy.
    #[arg(
        long,
        value_name = "X",
        default_value_t = SamplingParams::default().temperature,
        allow_negative_numbers = true
    )]
    pub temperature: f32,
    /// Keep only the K most likely tokens; 0 keeps all.
    #[arg(long, value_name = "K", default_value_t = SamplingParams::default().top_k)]
    pub top_k: u32,
    /// Nucleus mass in (0, 1]; 1 keeps all.
    #[arg(
        long,
        value_name = "P",
        default_value_t = SamplingParams::default().top_p,
        allow_negative_numbers = true
    )]
    pub top_p: f32,
    /// Skips the chat template (the prompt is used as is, after BOS for byte tokenizers).
    #[arg(long)]
    pub raw: bool,
    /// Reruns the whole sequence at every step instead of using the KV cache.
    #[arg(long)]
    pub no_cache: bool,
    /// ONNX Runtime session settings.
    #[command(flatten)]
    pub session: SessionArgs,
}

/// ONNX Runtime session settings.
#[derive(Debug, clap::Args)]
pub struct SessionArgs {
    /// Graph optimization level: disable, basic, extended, layout or all.
    #[arg(long, value_name = "LEVEL", default_value_t = SessionSettings::default().optimization)]
    pub opt: OptLevel,
    /// Threads inside one operator.
    #[arg(
        long,
        value_name = "N",
        default_value_t = SessionSettings::default().intra_threads,
        value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=256),
    )]
    pub threads: usize,
}

impl SessionArgs {
    fn settings(&self) -> SessionSettings {
        SessionSettings {
            optimization: self.opt,
            intra_threads: self.threads,
            ..SessionSettings::default()
        }
    }
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

/// Runs `generate image ...` or `generate text ...`.
///
/// # Errors
/// A message for bad parameters (before any model runs), a missing runtime or model, or a
/// failed run.
pub fn run_generate(command: GenerateCommand) -> Result<Value, String> {
    match command {
        GenerateCommand::Image(args) => generate_image(args),
        GenerateCommand::Text(args) => generate_text(args),
    }
}

fn generate_image(a: ImageArgs) -> Result<Value, String> {
    let manifest = aipg_inference::manifest::read_diffusion(&a.model).map_err(|e| e.to_string())?;
    let mut r = ImageRequest::defaults(&manifest, a.seed).map_err(|e| e.to_string())?;
    if let Some(p) = a.prompt {
        r.prompt = p;
    }
    if let Some(p) = a.negative_prompt {
        r.negative_prompt = p;
    }
    if let Some(s) = a.steps {
        r.steps = s;
    }
    if let Some(c) = a.cfg {
        r.cfg = c;
    }
    if let Some(s) = a.scheduler {
        r.scheduler = s;
    }
    if let Some(w) = a.width {
        r.width = w;
    }
    if let Some(h) = a.height {
        r.height = h;
    }
    if let Some(b) = a.batch {
        r.batch = b;
    }
    validate_request(&manifest, &r).map_err(|e| e.to_string())?;
    let (value, _) = image_with(&a.model, &r, a.session.settings(), &a.out, true)?;
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

fn generate_text(a: TextArgs) -> Result<Value, String> {
    let mut r = TextRequest::greedy(&a.prompt, a.max_tokens);
    r.seed = a.seed;
    let sp = SamplingParams { temperature: a.temperature, top_k: a.top_k, top_p: a.top_p };
    r.sampling = sp;
    r.raw = a.raw;
    r.use_cache = !a.no_cache;
    sp.validate().map_err(|e| e.to_string())?;
    if r.max_tokens == 0 {
        return Err("invalid parameter max_tokens: 0 is not in 1..".into());
    }
    aipg_inference::manifest::read_llm(&a.model).map_err(|e| e.to_string())?;
    text_with(&a.model, &r, a.session.settings(), true)
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
