// SPDX-License-Identifier: MIT
//! Text generation with a KV cache, and teacher-forced scoring.
//!
//! The graph interface is documented in [`crate::manifest`]. Generation: the prompt (after the
//! chat template) is run once (prefill), then one token per forward pass with the cache. The
//! token at sequence position `p` (counting prompt tokens from 0) is chosen by
//! [`crate::sampler::sample`] with position `p`, so a run is a pure function of the request
//! and the execution profile.

use std::path::{Path, PathBuf};

use ort::session::Session;
use ort::value::Tensor as OrtTensor;
use serde::Serialize;

use crate::manifest::LlmManifest;
use crate::ortx;
use crate::profile::{ExecutionProfile, SessionSettings};
use crate::runtime::{Runtime, read_file};
use crate::sampler::{self, SamplingParams};
use crate::tensor::{Tensor, TensorHash, sha256_hex, tensor_hash};
use crate::tokenize::TextTokenizer;
use crate::{InferenceError, Result};

/// Largest accepted prompt, in bytes.
pub const MAX_PROMPT_BYTES: usize = 1 << 20;

/// What to generate.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TextRequest {
    /// The seed of token sampling.
    pub seed: u64,
    /// The user prompt.
    pub prompt: String,
    /// Most tokens to generate.
    pub max_tokens: usize,
    /// Sampling parameters.
    pub sampling: SamplingParams,
    /// Skip the chat template (the prompt is used as is, after BOS for byte tokenizers).
    pub raw: bool,
    /// Use the KV cache (the output is the same either way up to float effects of batching;
    /// without the cache every step reruns the whole sequence).
    pub use_cache: bool,
}

impl TextRequest {
    /// Returns a greedy request with the cache on.
    pub fn greedy(prompt: &str, max_tokens: usize) -> Self {
        Self {
            seed: 0,
            prompt: prompt.to_owned(),
            max_tokens,
            sampling: SamplingParams::default(),
            raw: false,
            use_cache: true,
        }
    }
}

/// Why generation ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum StopReason {
    /// A stop token was chosen (not included in the output).
    StopToken(u32),
    /// `max_tokens` tokens were generated.
    MaxTokens,
}

/// A generated text.
#[derive(Debug, Clone, Serialize)]
pub struct TextOutput {
    /// The decoded text of the generated tokens.
    pub text: String,
    /// The prompt's token ids, after the chat template.
    pub prompt_tokens: Vec<u32>,
    /// The generated token ids (without a stop token).
    pub tokens: Vec<u32>,
    /// Why generation ended.
    pub stop: StopReason,
    /// The profile it ran under.
    pub profile: ExecutionProfile,
}

impl TextOutput {
    /// Returns the canonical hash of the generated ids as an int64 tensor `[n]`.
    pub fn token_hash(&self) -> TensorHash {
        let ids: Vec<i64> = self.tokens.iter().map(|&t| i64::from(t)).collect();
        tensor_hash(&[ids.len()], &ids)
    }
}

/// Per-position outputs of a teacher-forced pass.
#[derive(Debug, Clone)]
pub struct Scores {
    /// Logits `[T, V]`: row `i` predicts token `i + 1`.
    pub logits: Tensor<f32>,
    /// Final hidden states `[T, D]` (after the last norm).
    pub hidden: Tensor<f32>,
}

/// The key/value cache of one sequence.
///
/// The tensors stay in ONNX Runtime's memory: each forward pass reads them in place and the
/// graph's `present.*` outputs become the new cache without a copy.
pub struct KvCache {
    /// (key, value) of every layer, each `[1, kv_heads, len, head_dim]`.
    layers: Vec<(OrtTensor<f32>, OrtTensor<f32>)>,
    len: usize,
}

impl core::fmt::Debug for KvCache {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("KvCache")
            .field("layers", &self.layers.len())
            .field("len", &self.len)
            .finish()
    }
}

impl KvCache {
    /// Returns an empty cache of `layers` layers of `[1, kv_heads, 0, head_dim]`.
    fn empty(layers: usize, kv_heads: usize, head_dim: usize) -> Result<Self> {
        let empty = || OrtTensor::from_array((vec![1, kv_heads, 0, head_dim], Vec::<f32>::new()));
        let layers = (0..layers).map(|_| Ok((empty()?, empty()?))).collect::<Result<_>>()?;
        Ok(Self { layers, len: 0 })
    }

    /// Returns the number of cached positions.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Returns whether nothing is cached.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Returns the number of layers.
    pub fn layer_count(&self) -> usize {
        self.layers.len()
    }

    /// Returns layer `l`'s (key, value) data, each `[1, kv_heads, len, head_dim]` in row-major
    /// order, or `None` past the last layer.
    pub fn layer(&self, l: usize) -> Option<(&[f32], &[f32])> {
        let (k, v) = self.layers.get(l)?;
        Some((k.extract_tensor().1, v.extract_tensor().1))
    }

    /// Returns a deep copy.
    ///
    /// # Errors
    /// [`InferenceError::Ort`] when ONNX Runtime cannot allocate the copy.
    pub fn try_clone(&self) -> Result<Self> {
        let copy = |t: &OrtTensor<f32>| {
            let (shape, data) = t.extract_tensor();
            OrtTensor::from_array((shape.to_vec(), data.to_vec()))
        };
        let layers =
            self.layers.iter().map(|(k, v)| Ok((copy(k)?, copy(v)?))).collect::<Result<_>>()?;
        Ok(Self { layers, len: self.len })
    }
}

/// A loaded language model.
pub struct TextModel {
    dir: PathBuf,
    session: Session,
    manifest: LlmManifest,
    tokenizer: TextTokenizer,
    profile: ExecutionProfile,
    files: Vec<(String, String)>,
}

impl core::fmt::Debug for TextModel {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("TextModel").field("dir", &self.dir).field("profile", &self.profile).finish()
    }
}

impl TextModel {
    /// Loads a model folder with the given session settings.
    ///
    /// # Errors
    /// [`InferenceError::Io`], [`InferenceError::Model`], [`InferenceError::Tokenizer`] or
    /// [`InferenceError::Ort`].
    pub fn load(rt: &Runtime, dir: &Path, settings: SessionSettings) -> Result<Self> {
        let manifest = crate::manifest::read_llm(dir)?;
        let tokenizer = TextTokenizer::load(&manifest.tokenizer, dir)?;
        let path = dir.join("model.onnx");
        let bytes = read_file(&path)?;
        let files = vec![("model.onnx".to_owned(), sha256_hex(&bytes))];
        let session = rt.session(&bytes, &settings)?;
        drop(bytes);
        let mut names = vec!["input_ids".to_owned()];
        for l in 0..manifest.layers {
            names.push(format!("past_key_values.{l}.key"));
            names.push(format!("past_key_values.{l}.value"));
        }
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        ortx::require_inputs(&session, "model", &refs)?;
        Ok(Self {
            dir: dir.to_path_buf(),
            session,
            manifest,
            tokenizer,
            profile: rt.profile(&settings),
            files,
        })
    }

    /// Returns the manifest.
    pub fn manifest(&self) -> &LlmManifest {
        &self.manifest
    }

    /// Returns the tokenizer.
    pub fn tokenizer(&self) -> &TextTokenizer {
        &self.tokenizer
    }

    /// Returns the execution profile.
    pub fn profile(&self) -> &ExecutionProfile {
        &self.profile
    }

    /// Returns `(file, sha256)` of the graph.
    pub fn files(&self) -> &[(String, String)] {
        &self.files
    }

    /// Returns the prompt's token ids after the chat template (or BOS + prompt when `raw`).
    ///
    /// # Errors
    /// [`InferenceError::InvalidParameter`] for a prompt over [`MAX_PROMPT_BYTES`];
    /// [`InferenceError::Tokenizer`].
    pub fn prompt_tokens(&self, prompt: &str, raw: bool) -> Result<Vec<u32>> {
        if prompt.len() > MAX_PROMPT_BYTES {
            return Err(InferenceError::param(
                "prompt",
                format!("longer than {MAX_PROMPT_BYTES} bytes"),
            ));
        }
        let text = if raw || self.manifest.chat_template == "plain" {
            prompt.to_owned()
        } else if self.manifest.chat_template == "chatml" {
            let mut t = String::new();
            if let Some(s) = &self.manifest.system_prompt {
                t.push_str(&format!("<|im_start|>system\n{s}<|im_end|>\n"));
            }
            t.push_str(&format!("<|im_start|>user\n{prompt}<|im_end|>\n<|im_start|>assistant\n"));
            t
        } else {
            return Err(InferenceError::Model(format!(
                "unknown chat template {:?}",
                self.manifest.chat_template
            )));
        };
        let mut ids: Vec<u32> = self.tokenizer.bos().into_iter().collect();
        ids.extend(self.tokenizer.encode(&text)?);
        Ok(ids)
    }

    /// Returns an empty cache.
    ///
    /// # Errors
    /// [`InferenceError::Ort`] when ONNX Runtime cannot create the empty tensors.
    pub fn new_cache(&self) -> Result<KvCache> {
        KvCache::empty(self.manifest.layers, self.manifest.kv_heads, self.manifest.head_dim)
    }

    /// Runs `tokens` after the cached positions, appends them to the cache and returns the
    /// logits `[T, V]` and final hidden states `[T, D]` of the new positions.
    ///
    /// # Errors
    /// [`InferenceError::InvalidParameter`] when the context would exceed `max_context` or a
    /// token id is outside the vocabulary; ONNX Runtime errors.
    pub fn forward(
        &mut self,
        tokens: &[u32],
        cache: &mut KvCache,
    ) -> Result<(Tensor<f32>, Tensor<f32>)> {
        if tokens.is_empty() {
            return Err(InferenceError::param("tokens", "empty"));
        }
        if cache.len + tokens.len() > self.manifest.max_context {
            return Err(InferenceError::param(
                "max_tokens",
                format!(
                    "context of {} exceeds {}",
                    cache.len + tokens.len(),
                    self.manifest.max_context
                ),
            ));
        }
        if let Some(&bad) = tokens.iter().find(|&&t| t as usize >= self.manifest.vocab) {
            return Err(InferenceError::param(
                "tokens",
                format!("id {bad} is outside the vocabulary"),
            ));
        }
        if cache.layers.len() != self.manifest.layers {
            return Err(InferenceError::param(
                "cache",
                format!("{} layers, the model has {}", cache.layers.len(), self.manifest.layers),
            ));
        }
        let t = tokens.len();
        let ids: Vec<i64> = tokens.iter().map(|&x| i64::from(x)).collect();
        let mut inputs = vec![ortx::input("input_ids", &[1, t], ids)?];
        for (l, (k, v)) in cache.layers.iter().enumerate() {
            inputs.push((format!("past_key_values.{l}.key"), k.into()));
            inputs.push((format!("past_key_values.{l}.value"), v.into()));
        }
        let mut out = self.session.run(inputs)?;
        let logits = ortx::take_f32(&mut out, "logits")?;
        let hidden = ortx::take_f32(&mut out, "last_hidden_state")?;
        let v = self.manifest.vocab;
        if logits.shape() != [1, t, v] {
            return Err(InferenceError::Model(format!("logits shape {:?}", logits.shape())));
        }
        let d = hidden.data().len() / t;
        if hidden.shape() != [1, t, d] {
            return Err(InferenceError::Model(format!("hidden state shape {:?}", hidden.shape())));
        }
        // the whole new cache is checked before any of it replaces the old one
        let want = [1, self.manifest.kv_heads, cache.len + t, self.manifest.head_dim];
        let mut layers = Vec::with_capacity(cache.layers.len());
        for l in 0..cache.layers.len() {
            let mut present = |kind: &str| -> Result<OrtTensor<f32>> {
                let name = format!("present.{l}.{kind}");
                let value = out.remove(&name).ok_or_else(|| {
                    InferenceError::Model(format!("graph has no output {name:?}"))
                })?;
                let tensor = value.downcast::<ort::value::TensorValueType<f32>>()?;
                let shape: Vec<usize> = tensor
                    .shape()
                    .iter()
                    .map(|&d| usize::try_from(d).unwrap_or(usize::MAX))
                    .collect();
                if shape != want {
                    return Err(InferenceError::Model(format!(
                        "{name} has shape {shape:?}, expected {want:?}"
                    )));
                }
                Ok(tensor)
            };
            layers.push((present("key")?, present("value")?));
        }
        cache.layers = layers;
        cache.len += t;
        Ok((
            Tensor::new(vec![t, v], logits.into_data())?,
            Tensor::new(vec![t, d], hidden.into_data())?,
        ))
    }

    /// Checks a request without running the model.
    ///
    /// # Errors
    /// [`InferenceError::InvalidParameter`] naming the first bad parameter.
    pub fn validate(&self, r: &TextRequest) -> Result<Vec<u32>> {
        r.sampling.validate()?;
        if r.max_tokens == 0 || r.max_tokens > self.manifest.max_context {
            return Err(InferenceError::param(
                "max_tokens",
                format!("{} is not in 1..={}", r.max_tokens, self.manifest.max_context),
            ));
        }
        let prompt = self.prompt_tokens(&r.prompt, r.raw)?;
        if prompt.is_empty() {
            return Err(InferenceError::param("prompt", "no tokens"));
        }
        if prompt.len() + r.max_tokens > self.manifest.max_context {
            return Err(InferenceError::param(
                "max_tokens",
                format!(
                    "{} prompt tokens + {} exceed the context of {}",
                    prompt.len(),
                    r.max_tokens,
                    self.manifest.max_context
                ),
            ));
        }
        Ok(prompt)
    }

    /// Generates text; `on_token` sees each generated id and the count so far.
    ///
    /// # Errors
    /// [`InferenceError::InvalidParameter`] before any model runs; ONNX Runtime errors.
    pub fn generate(
        &mut self,
        r: &TextRequest,
        on_token: &mut dyn FnMut(u32, usize),
    ) -> Result<TextOutput> {
        let prompt = self.validate(r)?;
        let mut cache = self.new_cache()?;
        let mut seq = prompt.clone();
        let mut out = Vec::new();
        let v = self.manifest.vocab;
        let (mut logits, _) = self.forward(&prompt, &mut cache)?;
        let mut stop = StopReason::MaxTokens;
        loop {
            // The forward pass checked that the logits hold `rows × v` values, `rows ≥ 1`.
            #[allow(clippy::indexing_slicing)]
            let last = {
                let rows = logits.shape()[0];
                &logits.data()[(rows - 1) * v..rows * v]
            };
            let pos = u32::try_from(seq.len()).unwrap_or(u32::MAX);
            let tok = sampler::sample(last, &r.sampling, r.seed, pos)?;
            if self.manifest.stop_tokens.contains(&tok) {
                stop = StopReason::StopToken(tok);
                break;
            }
            out.push(tok);
            seq.push(tok);
            on_token(tok, out.len());
            if out.len() >= r.max_tokens {
                break;
            }
            logits = if r.use_cache {
                self.forward(&[tok], &mut cache)?.0
            } else {
                let mut fresh = self.new_cache()?;
                self.forward(&seq, &mut fresh)?.0
            };
        }
        let text = self.tokenizer.decode(&out)?;
        Ok(TextOutput {
            text,
            prompt_tokens: prompt,
            tokens: out,
            stop,
            profile: self.profile.clone(),
        })
    }

    /// Runs one teacher-forced pass over `tokens` (for example prompt + generated output)
    /// and returns every position's logits and final hidden state.
    ///
    /// # Errors
    /// As [`TextModel::forward`].
    pub fn score(&mut self, tokens: &[u32]) -> Result<Scores> {
        let mut cache = self.new_cache()?;
        let (logits, hidden) = self.forward(tokens, &mut cache)?;
        Ok(Scores { logits, hidden })
    }
}
