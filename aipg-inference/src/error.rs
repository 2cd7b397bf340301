// SPDX-License-Identifier: MIT
//! The error type of this crate.

/// Everything that can go wrong while loading the runtime, a model, or generating.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum InferenceError {
    /// The ONNX Runtime shared library was not found.
    #[error("onnx runtime library not found ({0}); run `cargo xtask ort`")]
    RuntimeMissing(String),
    /// The ONNX Runtime shared library could not be loaded.
    #[error("onnx runtime library {path} failed to load: {message}; run `cargo xtask ort`")]
    RuntimeLoad {
        /// The library path.
        path: String,
        /// What the loader said.
        message: String,
    },
    /// The loaded ONNX Runtime is not the pinned version.
    #[error("onnx runtime {found} found, but version {expected} is pinned; run `cargo xtask ort`")]
    RuntimeVersion {
        /// The version the library reports.
        found: String,
        /// The pinned version.
        expected: String,
    },
    /// An ONNX Runtime call failed.
    #[error("onnx runtime: {0}")]
    Ort(String),
    /// A generation parameter is out of range; reported before any model runs.
    #[error("invalid parameter {name}: {reason}")]
    InvalidParameter {
        /// The parameter name.
        name: &'static str,
        /// Why it was rejected.
        reason: String,
    },
    /// A model folder, manifest or graph does not have the expected shape.
    #[error("model: {0}")]
    Model(String),
    /// Tokenizer loading or encoding failed.
    #[error("tokenizer: {0}")]
    Tokenizer(String),
    /// A file could not be read or written.
    #[error("{path}: {message}")]
    Io {
        /// The file path.
        path: String,
        /// The operating system's message.
        message: String,
    },
    /// PNG encoding failed.
    #[error("png: {0}")]
    Png(String),
}

impl InferenceError {
    pub(crate) fn param(name: &'static str, reason: impl Into<String>) -> Self {
        Self::InvalidParameter { name, reason: reason.into() }
    }

    pub(crate) fn io(path: &std::path::Path, e: &std::io::Error) -> Self {
        Self::Io { path: path.display().to_string(), message: e.to_string() }
    }
}

impl<T> From<ort::Error<T>> for InferenceError {
    fn from(e: ort::Error<T>) -> Self {
        Self::Ort(e.to_string())
    }
}

/// The result type of this crate.
pub type Result<T, E = InferenceError> = core::result::Result<T, E>;
