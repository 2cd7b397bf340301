// SPDX-License-Identifier: MIT
//! `aipg-model.json`: what a model folder holds and how to drive it.
//!
//! Diffusion folders follow the Stable Diffusion ONNX export layout:
//!
//! | file | inputs | outputs |
//! | --- | --- | --- |
//! | `text_encoder/model.onnx` (optional) | `input_ids` `[B, L]` int32 or int64 | `last_hidden_state` `[B, L, D]` f32 |
//! | `unet/model.onnx` (layout `sd`) | `sample` `[B, C, h, w]` f32, `timestep` `[B]` f32 or int64, `encoder_hidden_states` `[B, L, D]` f32 | `out_sample` `[B, C, h, w]` (ε) |
//! | `unet/model.onnx` (layout `edm`) | `noisy` `[B, C, h, w]` f32, `sigma` `[B]` f32, `<condition>` `[B]` f32 | `denoised` `[B, C, h, w]` (x0) |
//! | `vae_decoder/model.onnx` (optional) | `latent_sample` `[B, C, h, w]` f32 | `sample` `[B, 3, h·f, w·f]` f32 in [−1, 1] |
//! | `tokenizer/tokenizer.json` (optional) | Hugging Face tokenizer file | |
//!
//! Without a decoder the latent itself is the image (pixel-space models such as the terrain
//! model: one channel, values in [−1, 1]).
//!
//! LLM folders hold `model.onnx` (inputs `input_ids` `[1, T]` int64 and
//! `past_key_values.{l}.key|value` `[1, KV, P, d]`; outputs `logits` `[1, T, V]`,
//! `last_hidden_state` `[1, T, D]`, `present.{l}.key|value` `[1, KV, P + T, d]`) and,
//! for Hugging Face tokenizers, `tokenizer.json`.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::{InferenceError, Result};

/// The manifest file name.
pub const MANIFEST_FILE: &str = "aipg-model.json";

/// How text is turned into token ids.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum TokenizerSpec {
    /// One token per UTF-8 byte (ids 0..=255) plus the given special ids.
    Bytes {
        /// Beginning-of-sequence id.
        bos: u32,
        /// End-of-sequence id.
        eos: u32,
        /// Padding id (text encoders).
        #[serde(default)]
        pad: Option<u32>,
        /// Fixed sequence length (text encoders).
        #[serde(default)]
        max_length: Option<usize>,
    },
    /// A Hugging Face `tokenizer.json` in the given file, relative to the model folder.
    Hf {
        /// The file name.
        file: String,
        /// Padding id (text encoders).
        #[serde(default)]
        pad: Option<u32>,
        /// Fixed sequence length (text encoders).
        #[serde(default)]
        max_length: Option<usize>,
    },
}

/// The conditioning input of an `edm` denoiser (a number given as the prompt).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConditionSpec {
    /// The input name.
    pub input: String,
    /// The smallest accepted value, mapped to 0.
    pub min: f64,
    /// The largest accepted value, mapped to 1.
    pub max: f64,
}

/// The manifest of a diffusion model folder.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DiffusionManifest {
    /// `sd` (ε-prediction UNet with text conditioning) or `edm` (x0 denoiser).
    pub layout: String,
    /// The text tokenizer (layout `sd` with a text encoder).
    #[serde(default)]
    pub tokenizer: Option<TokenizerSpec>,
    /// Latent channels.
    pub latent_channels: usize,
    /// Pixel size of one latent cell (1 without a decoder).
    #[serde(default = "one")]
    pub vae_downsample: usize,
    /// Latents are divided by this before decoding.
    #[serde(default = "one_f")]
    pub vae_scaling_factor: f64,
    /// `epsilon` or `x0`.
    pub prediction: String,
    /// EDM: smallest noise level.
    #[serde(default)]
    pub sigma_min: Option<f64>,
    /// EDM: largest noise level.
    #[serde(default)]
    pub sigma_max: Option<f64>,
    /// EDM: the numeric conditioning input.
    #[serde(default)]
    pub condition: Option<ConditionSpec>,
    /// Default step count.
    pub default_steps: usize,
    /// Default scheduler name.
    pub default_scheduler: String,
    /// Default guidance scale.
    pub default_cfg: f32,
    /// Default width in pixels.
    pub default_width: usize,
    /// Default height in pixels.
    pub default_height: usize,
}

/// The manifest of an LLM folder.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LlmManifest {
    /// Transformer layers (cache entries).
    pub layers: usize,
    /// Key/value heads.
    pub kv_heads: usize,
    /// Head width.
    pub head_dim: usize,
    /// Vocabulary size.
    pub vocab: usize,
    /// Longest supported sequence (prompt plus generated tokens).
    pub max_context: usize,
    /// The tokenizer.
    pub tokenizer: TokenizerSpec,
    /// `plain` (BOS + prompt) or `chatml`.
    pub chat_template: String,
    /// System prompt for `chatml`.
    #[serde(default)]
    pub system_prompt: Option<String>,
    /// Token ids that end generation.
    pub stop_tokens: Vec<u32>,
}

fn one() -> usize {
    1
}

fn one_f() -> f64 {
    1.0
}

#[derive(Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
enum AnyManifest {
    Diffusion(DiffusionManifest),
    Llm(LlmManifest),
}

fn read(dir: &Path) -> Result<AnyManifest> {
    let path = dir.join(MANIFEST_FILE);
    let bytes = crate::runtime::read_file(&path)?;
    serde_json::from_slice(&bytes)
        .map_err(|e| InferenceError::Model(format!("{}: {e}", path.display())))
}

/// Reads a diffusion manifest from a model folder.
///
/// # Errors
/// [`InferenceError::Io`] or [`InferenceError::Model`].
pub fn read_diffusion(dir: &Path) -> Result<DiffusionManifest> {
    match read(dir)? {
        AnyManifest::Diffusion(m) => Ok(m),
        AnyManifest::Llm(_) => Err(InferenceError::Model(format!(
            "{} holds a language model, not a diffusion model",
            dir.display()
        ))),
    }
}

/// Reads an LLM manifest from a model folder.
///
/// # Errors
/// [`InferenceError::Io`] or [`InferenceError::Model`].
pub fn read_llm(dir: &Path) -> Result<LlmManifest> {
    match read(dir)? {
        AnyManifest::Llm(m) => Ok(m),
        AnyManifest::Diffusion(_) => Err(InferenceError::Model(format!(
            "{} holds a diffusion model, not a language model",
            dir.display()
        ))),
    }
}

/// Returns whether the folder's manifest describes a language model.
///
/// # Errors
/// [`InferenceError::Io`] or [`InferenceError::Model`].
pub fn is_llm(dir: &Path) -> Result<bool> {
    Ok(matches!(read(dir)?, AnyManifest::Llm(_)))
}
