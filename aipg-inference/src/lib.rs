// SPDX-License-Identifier: MIT
//! Deterministic seed-to-image and LLM generation on ONNX Runtime (see `README.md` and
//! `MEASUREMENTS.md` beside this crate).
//!
//! * [`runtime`]: loads the pinned ONNX Runtime shared library at run time (`ort` with
//!   `load-dynamic`; `cargo xtask ort` puts the library from the PyPI wheel under
//!   `target/aipg-ort/`) and creates CPU sessions under an [`ExecutionProfile`].
//! * [`profile`]: what changes output bits (ORT version, optimization level, EP, ISA class,
//!   threads), recorded with every output.
//! * [`tensor`]: canonical tensor bytes (dtype, shape, little-endian data) and their SHA-256.
//! * [`rng`]: counter-based randomness keyed by `(seed, purpose, step, index)`.
//! * [`sched`]: Euler, Euler ancestral, DDIM and consistency (EDM) steps as pure functions.
//! * [`image`]: the image pipeline with step traces and single-step re-execution; [`png_out`].
//! * [`llm`], [`sampler`], [`tokenize`]: text generation with a KV cache, seeded sampling,
//!   teacher-forced scoring.
//!
//! Same request + same profile ⇒ bitwise identical output (tested on fixtures and real
//! models). The crate reads files only through the explicit `load` helpers, and reads the
//! environment only in [`Runtime::from_env`].
//!
//! # Example
//! ```no_run
//! use aipg_inference::{ImageModel, Runtime, SessionSettings, NoSink};
//! let rt = Runtime::from_env()?;
//! let mut model = ImageModel::load(rt, "target/aipg-models/terrain".as_ref(), SessionSettings::default())?;
//! let req = model.default_request(7)?;
//! let out = model.generate(&req, &mut NoSink)?;
//! println!("{} under {}", out.pixel_hash(), out.profile);
//! # Ok::<(), aipg_inference::InferenceError>(())
//! ```

#![forbid(unsafe_code)]

mod error;
pub mod image;
pub mod llm;
pub mod manifest;
mod ortx;
pub mod png_out;
pub mod profile;
pub mod rng;
pub mod runtime;
pub mod sampler;
pub mod sched;
pub mod tensor;
pub mod tokenize;

pub use error::{InferenceError, Result};
pub use image::{ImageModel, ImageOutput, ImageRequest, NoSink, StepRecord, StepSink, TraceSink};
pub use llm::{Scores, TextModel, TextOutput, TextRequest};
pub use profile::{ExecutionProfile, IsaClass, OptLevel, SessionSettings};
pub use runtime::{ORT_VERSION, Runtime};
pub use sampler::SamplingParams;
pub use sched::SchedulerKind;
pub use tensor::{Tensor, TensorHash};
