// SPDX-License-Identifier: MIT
//! Tokenizers: plain bytes, or a Hugging Face `tokenizer.json` (no network features).

use std::path::Path;

use crate::manifest::TokenizerSpec;
use crate::{InferenceError, Result};

/// A loaded tokenizer.
#[derive(Clone)]
pub enum TextTokenizer {
    /// One token per UTF-8 byte.
    Bytes {
        /// Beginning-of-sequence id.
        bos: u32,
        /// End-of-sequence id.
        eos: u32,
    },
    /// A Hugging Face tokenizer.
    Hf(Box<tokenizers::Tokenizer>),
}

impl core::fmt::Debug for TextTokenizer {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            Self::Bytes { bos, eos } => write!(f, "Bytes {{ bos: {bos}, eos: {eos} }}"),
            Self::Hf(_) => f.write_str("Hf"),
        }
    }
}

impl TextTokenizer {
    /// Loads the tokenizer a manifest names, relative to `dir`.
    ///
    /// # Errors
    /// [`InferenceError::Tokenizer`] when the file is missing or malformed.
    pub fn load(spec: &TokenizerSpec, dir: &Path) -> Result<Self> {
        match spec {
            TokenizerSpec::Bytes { bos, eos, .. } => Ok(Self::Bytes { bos: *bos, eos: *eos }),
            TokenizerSpec::Hf { file, .. } => {
                let path = dir.join(file);
                let bytes = crate::runtime::read_file(&path)?;
                Self::from_json(&bytes)
            }
        }
    }

    /// Loads a Hugging Face tokenizer from the bytes of a `tokenizer.json`.
    ///
    /// # Errors
    /// [`InferenceError::Tokenizer`] when the JSON is not a tokenizer.
    pub fn from_json(bytes: &[u8]) -> Result<Self> {
        tokenizers::Tokenizer::from_bytes(bytes)
            .map(|t| Self::Hf(Box::new(t)))
            .map_err(|e| InferenceError::Tokenizer(e.to_string()))
    }

    /// Encodes text without adding special tokens.
    ///
    /// # Errors
    /// [`InferenceError::Tokenizer`].
    pub fn encode(&self, text: &str) -> Result<Vec<u32>> {
        match self {
            Self::Bytes { .. } => Ok(text.bytes().map(u32::from).collect()),
            Self::Hf(t) => t
                .encode(text, false)
                .map(|e| e.get_ids().to_vec())
                .map_err(|e| InferenceError::Tokenizer(e.to_string())),
        }
    }

    /// Decodes ids, dropping special tokens; invalid UTF-8 becomes U+FFFD.
    ///
    /// # Errors
    /// [`InferenceError::Tokenizer`].
    pub fn decode(&self, ids: &[u32]) -> Result<String> {
        match self {
            Self::Bytes { .. } => {
                let bytes: Vec<u8> = ids.iter().filter_map(|&i| u8::try_from(i).ok()).collect();
                Ok(String::from_utf8_lossy(&bytes).into_owned())
            }
            Self::Hf(t) => {
                t.decode(ids, true).map_err(|e| InferenceError::Tokenizer(e.to_string()))
            }
        }
    }

    /// Returns the beginning-of-sequence id of a byte tokenizer.
    pub fn bos(&self) -> Option<u32> {
        match self {
            Self::Bytes { bos, .. } => Some(*bos),
            Self::Hf(_) => None,
        }
    }

    /// Returns the id of a special token string, if the tokenizer knows it.
    pub fn token_id(&self, token: &str) -> Option<u32> {
        match self {
            Self::Bytes { .. } => None,
            Self::Hf(t) => t.token_to_id(token),
        }
    }
}
