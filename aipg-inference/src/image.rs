// SPDX-License-Identifier: MIT
//! Seed-to-image generation: text encoder (optional) → scheduler loop over a denoiser →
//! decoder (optional) → 8-bit image.
//!
//! The model folder layout and tensor names are documented in [`crate::manifest`]. Every
//! random number comes from [`crate::rng`] (initial latent: purpose `InitialNoise`, step 0;
//! noise after step `k`: purpose `StepNoise`, step `k`), so a run is a pure function of the
//! request and the execution profile.

// Tensor buffers are indexed within the shapes checked when they are made, and `f64` schedule
// values are narrowed to the `f32` the models take on purpose.
#![allow(clippy::indexing_slicing, clippy::cast_possible_truncation)]

use std::path::{Path, PathBuf};

use ort::session::Session;
use ort::value::TensorElementType;
use serde::Serialize;

use crate::manifest::{DiffusionManifest, TokenizerSpec};
use crate::ortx::{self, Input};
use crate::profile::{ExecutionProfile, SessionSettings};
use crate::rng::{Purpose, batch_noise};
use crate::runtime::{Runtime, read_file};
use crate::sched::{self, NoiseModel, SchedulerKind};
use crate::tensor::{Tensor, TensorHash, sha256_hex};
use crate::tokenize::TextTokenizer;
use crate::{InferenceError, Result};

/// Largest accepted width or height in pixels.
pub const MAX_SIDE: usize = 4096;
/// Largest accepted batch.
pub const MAX_BATCH: usize = 16;
/// Largest accepted number of steps.
pub const MAX_STEPS: usize = 1000;
/// Largest accepted guidance scale.
pub const MAX_CFG: f32 = 100.0;

/// What to generate.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImageRequest {
    /// The seed; image `b` of a batch uses seed `seed + b`.
    pub seed: u64,
    /// The prompt (for `edm` models: the numeric condition, such as a terrain difficulty).
    pub prompt: String,
    /// The negative prompt, used as the unconditional branch of guidance.
    pub negative_prompt: String,
    /// Scheduler steps (denoiser evaluations).
    pub steps: usize,
    /// Classifier-free guidance scale; 1 disables guidance.
    pub cfg: f32,
    /// The scheduler.
    pub scheduler: SchedulerKind,
    /// Width in pixels.
    pub width: usize,
    /// Height in pixels.
    pub height: usize,
    /// Number of images.
    pub batch: usize,
}

impl ImageRequest {
    /// Returns the model's default request for `seed`.
    ///
    /// # Errors
    /// [`InferenceError::Model`] when the manifest names an unknown scheduler.
    pub fn defaults(m: &DiffusionManifest, seed: u64) -> Result<Self> {
        Ok(Self {
            seed,
            prompt: m
                .condition
                .as_ref()
                .map(|c| format!("{}", libm::round((c.min + c.max) / 2.0)))
                .unwrap_or_default(),
            negative_prompt: String::new(),
            steps: m.default_steps,
            cfg: m.default_cfg,
            scheduler: m.default_scheduler.parse()?,
            width: m.default_width,
            height: m.default_height,
            batch: 1,
        })
    }
}

/// One scheduler step, handed to a [`StepSink`].
#[derive(Debug)]
pub struct StepRecord<'a> {
    /// The step index, from 0.
    pub step: usize,
    /// Noise level of `latent`.
    pub sigma: f64,
    /// Noise level of `next`.
    pub sigma_next: f64,
    /// The latent going in.
    pub latent: &'a Tensor<f32>,
    /// The denoiser's estimate (after guidance).
    pub denoised: &'a Tensor<f32>,
    /// The latent coming out.
    pub next: &'a Tensor<f32>,
}

/// Receives every step of a run (for commitments, progress, or debugging).
pub trait StepSink {
    /// Called once per step, in order.
    fn on_step(&mut self, record: &StepRecord<'_>);
}

/// A sink that ignores steps.
#[derive(Debug, Default, Clone, Copy)]
pub struct NoSink;

impl StepSink for NoSink {
    fn on_step(&mut self, _: &StepRecord<'_>) {}
}

/// Hashes of one step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StepTrace {
    /// The step index.
    pub step: usize,
    /// Canonical hash of the latent going in.
    pub latent: String,
    /// Canonical hash of the denoised estimate.
    pub denoised: String,
    /// Canonical hash of the latent coming out.
    pub next: String,
}

/// A sink that records the hashes of every step.
#[derive(Debug, Default, Clone)]
pub struct TraceSink(pub Vec<StepTrace>);

impl StepSink for TraceSink {
    fn on_step(&mut self, r: &StepRecord<'_>) {
        self.0.push(StepTrace {
            step: r.step,
            latent: r.latent.hash().to_string(),
            denoised: r.denoised.hash().to_string(),
            next: r.next.hash().to_string(),
        });
    }
}

/// A sink that keeps copies of every latent (input of each step, then the final one).
#[derive(Debug, Default, Clone)]
pub struct LatentSink(pub Vec<Tensor<f32>>);

impl StepSink for LatentSink {
    fn on_step(&mut self, r: &StepRecord<'_>) {
        if self.0.is_empty() {
            self.0.push(r.latent.clone());
        }
        self.0.push(r.next.clone());
    }
}

/// A sink that calls a closure.
pub struct FnSink<F>(pub F);

impl<F: FnMut(&StepRecord<'_>)> StepSink for FnSink<F> {
    fn on_step(&mut self, r: &StepRecord<'_>) {
        (self.0)(r);
    }
}

/// A generated batch.
#[derive(Debug, Clone)]
pub struct ImageOutput {
    /// Pixels `[B, H, W, C]`, C = 3 (RGB) or 1 (gray).
    pub pixels: Tensor<u8>,
    /// The final latent `[B, C, h, w]`.
    pub latent: Tensor<f32>,
    /// The noise levels used (`steps + 1`, ending with 0).
    pub sigmas: Vec<f64>,
    /// The profile it ran under.
    pub profile: ExecutionProfile,
}

impl ImageOutput {
    /// Returns the canonical hash of the pixels.
    pub fn pixel_hash(&self) -> TensorHash {
        self.pixels.hash()
    }

    /// Returns the pixels of image `b` (row-major, interleaved channels).
    pub fn image(&self, b: usize) -> Option<&[u8]> {
        let s = self.pixels.shape();
        let per = s.get(1..)?.iter().product::<usize>();
        self.pixels.data().get(b * per..(b + 1) * per)
    }

    /// Returns (width, height, channels).
    pub fn dims(&self) -> (usize, usize, usize) {
        let s = self.pixels.shape();
        (s[2], s[1], s[3])
    }
}

enum Cond {
    Text { cond: Tensor<f32>, uncond: Option<Tensor<f32>> },
    Scalar(f32),
}

/// A loaded diffusion model.
pub struct ImageModel {
    dir: PathBuf,
    manifest: DiffusionManifest,
    noise: NoiseModel,
    tokenizer: Option<TextTokenizer>,
    text_encoder: Option<Session>,
    unet: Session,
    decoder: Option<Session>,
    ids_i32: bool,
    timestep_i64: bool,
    profile: ExecutionProfile,
    files: Vec<(String, String)>,
}

impl core::fmt::Debug for ImageModel {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("ImageModel")
            .field("dir", &self.dir)
            .field("profile", &self.profile)
            .finish()
    }
}

fn load_optional(
    rt: &Runtime,
    path: &Path,
    settings: &SessionSettings,
    files: &mut Vec<(String, String)>,
    name: &str,
) -> Result<Option<Session>> {
    if !path.exists() {
        return Ok(None);
    }
    let bytes = read_file(path)?;
    files.push((name.to_owned(), sha256_hex(&bytes)));
    Ok(Some(rt.session(&bytes, settings)?))
}

impl ImageModel {
    /// Loads a model folder (see [`crate::manifest`]) with the given session settings.
    ///
    /// # Errors
    /// [`InferenceError::Io`], [`InferenceError::Model`] or [`InferenceError::Ort`].
    pub fn load(rt: &Runtime, dir: &Path, settings: SessionSettings) -> Result<Self> {
        let manifest = crate::manifest::read_diffusion(dir)?;
        let mut files = Vec::new();
        let text_encoder = load_optional(
            rt,
            &dir.join("text_encoder/model.onnx"),
            &settings,
            &mut files,
            "text_encoder/model.onnx",
        )?;
        let unet = load_optional(
            rt,
            &dir.join("unet/model.onnx"),
            &settings,
            &mut files,
            "unet/model.onnx",
        )?
        .ok_or_else(|| InferenceError::Model(format!("{}: no unet/model.onnx", dir.display())))?;
        let decoder = load_optional(
            rt,
            &dir.join("vae_decoder/model.onnx"),
            &settings,
            &mut files,
            "vae_decoder/model.onnx",
        )?;
        let noise = match manifest.layout.as_str() {
            "sd" => {
                if manifest.prediction != "epsilon" {
                    return Err(InferenceError::Model("layout sd needs prediction epsilon".into()));
                }
                ortx::require_inputs(
                    &unet,
                    "unet",
                    &["sample", "timestep", "encoder_hidden_states"],
                )?;
                if text_encoder.is_none() {
                    return Err(InferenceError::Model(
                        "layout sd needs text_encoder/model.onnx".into(),
                    ));
                }
                NoiseModel::stable_diffusion()
            }
            "edm" => {
                let cond = manifest
                    .condition
                    .as_ref()
                    .ok_or_else(|| InferenceError::Model("layout edm needs a condition".into()))?;
                ortx::require_inputs(&unet, "unet", &["noisy", "sigma", cond.input.as_str()])?;
                NoiseModel::Edm {
                    sigma_min: manifest.sigma_min.unwrap_or(0.002),
                    sigma_max: manifest.sigma_max.unwrap_or(80.0),
                }
            }
            other => return Err(InferenceError::Model(format!("unknown layout {other:?}"))),
        };
        if let Some(te) = &text_encoder {
            ortx::require_inputs(te, "text_encoder", &["input_ids"])?;
        }
        let ids_i32 = text_encoder
            .as_ref()
            .and_then(|s| ortx::input_type(s, "input_ids"))
            .is_some_and(|t| t == TensorElementType::Int32);
        let timestep_i64 =
            ortx::input_type(&unet, "timestep").is_some_and(|t| t == TensorElementType::Int64);
        let tokenizer = match &manifest.tokenizer {
            Some(spec) => Some(TextTokenizer::load(spec, dir)?),
            None if text_encoder.is_some() => Some(TextTokenizer::load(
                &TokenizerSpec::Hf {
                    file: "tokenizer/tokenizer.json".into(),
                    pad: None,
                    max_length: None,
                },
                dir,
            )?),
            None => None,
        };
        Ok(Self {
            dir: dir.to_path_buf(),
            manifest,
            noise,
            tokenizer,
            text_encoder,
            unet,
            decoder,
            ids_i32,
            timestep_i64,
            profile: rt.profile(&settings),
            files,
        })
    }

    /// Returns the manifest.
    pub fn manifest(&self) -> &DiffusionManifest {
        &self.manifest
    }

    /// Returns the execution profile.
    pub fn profile(&self) -> &ExecutionProfile {
        &self.profile
    }

    /// Returns `(file, sha256)` of every graph loaded.
    pub fn files(&self) -> &[(String, String)] {
        &self.files
    }

    /// Returns the default request for `seed`.
    ///
    /// # Errors
    /// As [`ImageRequest::defaults`].
    pub fn default_request(&self, seed: u64) -> Result<ImageRequest> {
        ImageRequest::defaults(&self.manifest, seed)
    }

    /// Checks a request against the model without running anything.
    ///
    /// # Errors
    /// [`InferenceError::InvalidParameter`] naming the first bad parameter.
    pub fn validate(&self, r: &ImageRequest) -> Result<()> {
        validate_request(&self.manifest, r)
    }

    fn latent_shape(&self, r: &ImageRequest) -> [usize; 4] {
        let f = self.manifest.vae_downsample.max(1);
        [r.batch, self.manifest.latent_channels, r.height / f, r.width / f]
    }

    fn condition(&mut self, r: &ImageRequest) -> Result<Cond> {
        if let Some(c) = &self.manifest.condition {
            let v = parse_condition(&r.prompt, c.min, c.max)?;
            return Ok(Cond::Scalar(((v - c.min) / (c.max - c.min)) as f32));
        }
        let cond = self.encode_text(&r.prompt, r.batch)?;
        let uncond =
            if r.cfg == 1.0 { None } else { Some(self.encode_text(&r.negative_prompt, r.batch)?) };
        Ok(Cond::Text { cond, uncond })
    }

    fn encode_text(&mut self, text: &str, batch: usize) -> Result<Tensor<f32>> {
        let (tok, te) = match (&self.tokenizer, &mut self.text_encoder) {
            (Some(t), Some(e)) => (t, e),
            _ => return Err(InferenceError::Model("no text encoder".into())),
        };
        let (pad, max_len, bos, eos) = match self.manifest.tokenizer.as_ref() {
            Some(TokenizerSpec::Bytes { bos, eos, pad, max_length }) => {
                (pad.unwrap_or(*eos), max_length.unwrap_or(77), Some(*bos), Some(*eos))
            }
            Some(TokenizerSpec::Hf { pad, max_length, .. }) => {
                (pad.unwrap_or(49407), max_length.unwrap_or(77), None, None)
            }
            None => (49407, 77, Some(49406), Some(49407)),
        };
        let mut ids: Vec<u32> = Vec::with_capacity(max_len);
        ids.extend(bos);
        ids.extend(tok.encode(text)?);
        ids.truncate(max_len.saturating_sub(1));
        ids.extend(eos);
        ids.resize(max_len, pad);
        let shape = [batch, max_len];
        let input: Input = if self.ids_i32 {
            let one: Vec<i32> = ids.iter().map(|&i| i32::try_from(i).unwrap_or(i32::MAX)).collect();
            ortx::input("input_ids", &shape, one.repeat(batch))?
        } else {
            let one: Vec<i64> = ids.iter().map(|&i| i64::from(i)).collect();
            ortx::input("input_ids", &shape, one.repeat(batch))?
        };
        let mut out = ortx::run_f32(te, vec![input], &["last_hidden_state"])?;
        out.pop().ok_or_else(|| InferenceError::Model("text encoder returned nothing".into()))
    }

    fn denoise(
        &mut self,
        x: &Tensor<f32>,
        sigma: f64,
        cond: &Cond,
        cfg: f32,
    ) -> Result<Tensor<f32>> {
        let shape = x.shape().to_vec();
        let b = shape[0];
        match cond {
            Cond::Scalar(c) => {
                let name =
                    self.manifest.condition.as_ref().map(|c| c.input.clone()).unwrap_or_default();
                let inputs = vec![
                    ortx::input_ref("noisy", x)?,
                    ortx::input("sigma", &[b], vec![sigma as f32; b])?,
                    ortx::input(&name, &[b], vec![*c; b])?,
                ];
                let mut out = ortx::run_f32(&mut self.unet, inputs, &["denoised"])?;
                let d = out.pop().ok_or_else(|| InferenceError::Model("no output".into()))?;
                check_shape(&d, &shape)?;
                Ok(d)
            }
            Cond::Text { cond, uncond } => {
                let c_in = (1.0 / libm::sqrt(sigma * sigma + 1.0)) as f32;
                let scaled: Vec<f32> = x.data().iter().map(|&v| v * c_in).collect();
                let (sample, emb, n) = match uncond {
                    Some(u) => {
                        let mut s = scaled.clone();
                        s.extend_from_slice(&scaled);
                        let mut e = u.data().to_vec();
                        e.extend_from_slice(cond.data());
                        (s, e, 2 * b)
                    }
                    None => (scaled, cond.data().to_vec(), b),
                };
                let mut sshape = shape.clone();
                sshape[0] = n;
                let mut eshape = cond.shape().to_vec();
                eshape[0] = n;
                let t = self.noise.timestep(sigma);
                let ts = if self.timestep_i64 {
                    ortx::input("timestep", &[n], vec![libm::round(t) as i64; n])?
                } else {
                    ortx::input("timestep", &[n], vec![t as f32; n])?
                };
                let inputs = vec![
                    ortx::input("sample", &sshape, sample)?,
                    ts,
                    ortx::input("encoder_hidden_states", &eshape, emb)?,
                ];
                let mut out = ortx::run_f32(&mut self.unet, inputs, &["out_sample"])?;
                let eps = out.pop().ok_or_else(|| InferenceError::Model("no output".into()))?;
                check_shape(&eps, &sshape)?;
                let per = x.data().len();
                let eps = match uncond {
                    Some(_) => sched::guidance(&eps.data()[..per], &eps.data()[per..], cfg),
                    None => eps.into_data(),
                };
                let s = sigma as f32;
                let d = x.data().iter().zip(&eps).map(|(&xv, &e)| xv - s * e).collect();
                Tensor::new(shape, d)
            }
        }
    }

    /// Generates a batch, handing every step to `sink`.
    ///
    /// # Errors
    /// [`InferenceError::InvalidParameter`] before any model runs; otherwise ONNX Runtime or
    /// model-shape errors.
    pub fn generate(&mut self, r: &ImageRequest, sink: &mut dyn StepSink) -> Result<ImageOutput> {
        self.validate(r)?;
        let cond = self.condition(r)?;
        let sigmas = sched::sigmas(r.scheduler, r.steps, &self.noise)?;
        let shape = self.latent_shape(r);
        let per: usize = shape[1..].iter().product();
        let scale = self.noise.init_noise_scale(sigmas[0]) as f32;
        let init: Vec<f32> = batch_noise(r.seed, Purpose::InitialNoise, 0, r.batch, per)
            .into_iter()
            .map(|z| z * scale)
            .collect();
        let mut x = Tensor::new(shape.to_vec(), init)?;
        for k in 0..r.steps {
            let (d, next) = self.step_inner(r, &cond, &sigmas, k, &x)?;
            sink.on_step(&StepRecord {
                step: k,
                sigma: sigmas[k],
                sigma_next: sigmas[k + 1],
                latent: &x,
                denoised: &d,
                next: &next,
            });
            x = next;
        }
        let pixels = self.decode(&x)?;
        Ok(ImageOutput { pixels, latent: x, sigmas, profile: self.profile.clone() })
    }

    fn step_inner(
        &mut self,
        r: &ImageRequest,
        cond: &Cond,
        sigmas: &[f64],
        k: usize,
        x: &Tensor<f32>,
    ) -> Result<(Tensor<f32>, Tensor<f32>)> {
        let (sigma, sigma_next) = (sigmas[k], sigmas[k + 1]);
        let d = self.denoise(x, sigma, cond, r.cfg)?;
        let noise = if r.scheduler.needs_noise(sigma_next) {
            let per = x.data().len() / r.batch.max(1);
            let step = u32::try_from(k).unwrap_or(u32::MAX);
            Some(batch_noise(r.seed, Purpose::StepNoise, step, r.batch, per))
        } else {
            None
        };
        let next = sched::step(
            r.scheduler,
            x.data(),
            d.data(),
            sigma,
            sigma_next,
            self.noise.sigma_min(),
            noise.as_deref(),
        )?;
        let next = Tensor::new(x.shape().to_vec(), next)?;
        Ok((d, next))
    }

    /// Recomputes step `step` of the run `r` from the given input latent, returning the
    /// denoised estimate and the output latent. With the same profile these equal the
    /// original run's bit for bit; this is the cheap verifier operation.
    ///
    /// # Errors
    /// As [`ImageModel::generate`], and [`InferenceError::InvalidParameter`] when `step` is
    /// out of range or the latent has the wrong shape.
    pub fn rerun_step(
        &mut self,
        r: &ImageRequest,
        step: usize,
        latent: &Tensor<f32>,
    ) -> Result<(Tensor<f32>, Tensor<f32>)> {
        self.validate(r)?;
        if step >= r.steps {
            return Err(InferenceError::param("step", format!("{step} is not below {}", r.steps)));
        }
        if latent.shape() != self.latent_shape(r) {
            return Err(InferenceError::param("latent", format!("shape {:?}", latent.shape())));
        }
        let cond = self.condition(r)?;
        let sigmas = sched::sigmas(r.scheduler, r.steps, &self.noise)?;
        self.step_inner(r, &cond, &sigmas, step, latent)
    }

    /// Decodes a final latent into 8-bit pixels `[B, H, W, C]`.
    ///
    /// # Errors
    /// ONNX Runtime or model-shape errors.
    pub fn decode(&mut self, latent: &Tensor<f32>) -> Result<Tensor<u8>> {
        let img = match &mut self.decoder {
            Some(dec) => {
                let s = (1.0 / self.manifest.vae_scaling_factor) as f32;
                let scaled: Vec<f32> = latent.data().iter().map(|&v| v * s).collect();
                let input = ortx::input("latent_sample", latent.shape(), scaled)?;
                ortx::run_f32(dec, vec![input], &["sample"])?
                    .pop()
                    .ok_or_else(|| InferenceError::Model("decoder returned nothing".into()))?
            }
            None => latent.clone(),
        };
        to_pixels(&img)
    }
}

fn check_shape(t: &Tensor<f32>, want: &[usize]) -> Result<()> {
    if t.shape() == want {
        Ok(())
    } else {
        Err(InferenceError::Model(format!("output shape {:?}, expected {want:?}", t.shape())))
    }
}

/// Maps `[B, C, H, W]` values in [−1, 1] to 8-bit `[B, H, W, C]`: `round(clamp((v + 1) / 2) · 255)`.
///
/// # Errors
/// [`InferenceError::Model`] for a tensor that is not 4-D.
pub fn to_pixels(img: &Tensor<f32>) -> Result<Tensor<u8>> {
    let &[b, c, h, w] = img.shape() else {
        return Err(InferenceError::Model(format!("image shape {:?} is not 4-D", img.shape())));
    };
    let src = img.data();
    let mut out = vec![0u8; b * c * h * w];
    for bi in 0..b {
        for ci in 0..c {
            for y in 0..h {
                for x in 0..w {
                    let v = src[((bi * c + ci) * h + y) * w + x];
                    let u = ((v + 1.0) * 0.5).clamp(0.0, 1.0);
                    // u·255 + 0.5 lies in [0.5, 255.5]; NaN clamps to 0 through the cast.
                    let p = (u * 255.0 + 0.5).floor() as u8;
                    out[((bi * h + y) * w + x) * c + ci] = p;
                }
            }
        }
    }
    Tensor::new(vec![b, h, w, c], out)
}

fn parse_condition(prompt: &str, min: f64, max: f64) -> Result<f64> {
    let v: f64 = prompt.trim().parse().map_err(|_| {
        InferenceError::param(
            "prompt",
            format!("this model takes a number in {min}..={max} as its prompt, got {prompt:?}"),
        )
    })?;
    if !(v.is_finite() && v >= min && v <= max) {
        return Err(InferenceError::param("prompt", format!("{v} is not in {min}..={max}")));
    }
    Ok(v)
}

/// Checks a request against a manifest (no model is run).
///
/// # Errors
/// [`InferenceError::InvalidParameter`] naming the first bad parameter.
pub fn validate_request(m: &DiffusionManifest, r: &ImageRequest) -> Result<()> {
    if r.steps == 0 || r.steps > MAX_STEPS {
        return Err(InferenceError::param(
            "steps",
            format!("{} is not in 1..={MAX_STEPS}", r.steps),
        ));
    }
    if !r.cfg.is_finite() || !(0.0..=MAX_CFG).contains(&r.cfg) {
        return Err(InferenceError::param(
            "cfg",
            format!("{} is not a number in 0..={MAX_CFG}", r.cfg),
        ));
    }
    if m.condition.is_some() && r.cfg != 1.0 {
        return Err(InferenceError::param("cfg", "this model has no unconditional branch; use 1"));
    }
    if r.batch == 0 || r.batch > MAX_BATCH {
        return Err(InferenceError::param(
            "batch",
            format!("{} is not in 1..={MAX_BATCH}", r.batch),
        ));
    }
    let f = m.vae_downsample.max(1);
    for (name, v) in [("width", r.width), ("height", r.height)] {
        if v == 0 || v > MAX_SIDE || v % f != 0 {
            return Err(InferenceError::param(
                name,
                format!("{v} is not a positive multiple of {f} up to {MAX_SIDE}"),
            ));
        }
    }
    if r.scheduler == SchedulerKind::Consistency && m.prediction != "x0" {
        return Err(InferenceError::param(
            "scheduler",
            "consistency sampling needs an x0 (edm) model",
        ));
    }
    if let Some(c) = &m.condition {
        parse_condition(&r.prompt, c.min, c.max)?;
    }
    Ok(())
}
