// SPDX-License-Identifier: MIT
//! Null-asset-data scripts (assets.md §5): qualifier tags and address freezes, global freezes
//! and verifier strings (`IsNullAsset…` in `src/script/script.cpp`, `…NullDataFromScript` and
//! `CNullAssetTxData` / `CNullAssetTxVerifierString` in `src/assets/`).
//!
//! Recognition and parsing use the reference's fixed offsets (payload from byte 23, 4 or 3), not
//! the push structure, so a payload behind a `PUSHDATA1` push is misread exactly as there.

use super::payload::AssetPayloadError;
use crate::encode::{Encode, Reader, Sink, var_bytes_len, write_var_bytes};
use crate::script::{PubkeyHash, Script, ScriptBuf, builder};
use alloc::string::String;
use alloc::vec::Vec;

/// An asset name and a flag (`CNullAssetTxData`): 1 adds a tag / freezes, 0 removes / unfreezes.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct NullAssetTxData {
    /// The qualifier or restricted asset name (not validated here).
    pub asset_name: String,
    /// The flag; any value other than 0 or 1 is invalid in consensus.
    pub flag: i8,
}

impl Encode for NullAssetTxData {
    fn encode<S: Sink + ?Sized>(&self, sink: &mut S) {
        write_var_bytes(sink, self.asset_name.as_bytes());
        sink.write_all(&[self.flag as u8]);
    }
    fn encoded_len(&self) -> usize {
        var_bytes_len(self.asset_name.len()) + 1
    }
}

impl NullAssetTxData {
    fn read(buf: &[u8]) -> Result<Self, AssetPayloadError> {
        let mut r = Reader::new(buf);
        let asset_name = read_string(&mut r)?;
        // A signed byte on the wire; the cast reinterprets it.
        let flag = r.read_u8()? as i8;
        Ok(NullAssetTxData { asset_name, flag })
    }
}

fn read_string(r: &mut Reader<'_>) -> Result<String, AssetPayloadError> {
    let bytes = r.read_var_bytes()?;
    core::str::from_utf8(bytes).map(String::from).map_err(|_| AssetPayloadError::NotUtf8)
}

/// Which null-asset-data script a script is, by its fixed bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NullAssetScriptType {
    /// `c0 14 …`, more than 23 bytes: a qualifier tag or an address freeze.
    AddressTag,
    /// `c0 50 50 …`, more than 6 bytes: a global freeze.
    GlobalRestriction,
    /// `c0 50 xx …` with `xx` ≠ `50`, more than 3 bytes: a verifier string.
    Verifier,
}

/// Classifies a script by the reference's null-asset predicates.
pub fn recognize_null_asset_script(bytes: &[u8]) -> Option<NullAssetScriptType> {
    match bytes {
        [0xc0, 0x14, ..] if bytes.len() > 23 => Some(NullAssetScriptType::AddressTag),
        [0xc0, 0x50, 0x50, ..] if bytes.len() > 6 => Some(NullAssetScriptType::GlobalRestriction),
        [0xc0, 0x50, b, ..] if *b != 0x50 && bytes.len() > 3 => Some(NullAssetScriptType::Verifier),
        _ => None,
    }
}

/// A parsed null-asset-data script.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum NullAssetData {
    /// `c0 14 <hash160> <push of payload>`: tag or freeze an address.
    AddressTag {
        /// The address (bytes 2–21), a key hash.
        key_hash: PubkeyHash,
        /// The asset and flag.
        data: NullAssetTxData,
    },
    /// `c0 50 50 <push of payload>`: freeze or unfreeze a restricted asset globally.
    GlobalRestriction(NullAssetTxData),
    /// `c0 50 <push of payload>`: a restricted asset's verifier string.
    Verifier(String),
}

impl NullAssetData {
    /// Recognizes and parses a null-asset-data script; bytes after the payload are ignored.
    ///
    /// # Errors
    /// [`AssetPayloadError::NotNullAssetScript`] when the fixed bytes do not match, or the
    /// payload's parse error.
    pub fn from_script(script: Script<'_>) -> Result<Self, AssetPayloadError> {
        let bytes = script.as_bytes();
        let kind =
            recognize_null_asset_script(bytes).ok_or(AssetPayloadError::NotNullAssetScript)?;
        let tail = |at: usize| bytes.get(at..).unwrap_or_default();
        Ok(match kind {
            NullAssetScriptType::AddressTag => NullAssetData::AddressTag {
                key_hash: bytes
                    .get(2..22)
                    .and_then(PubkeyHash::from_slice)
                    .ok_or(AssetPayloadError::NotNullAssetScript)?,
                data: NullAssetTxData::read(tail(23))?,
            },
            NullAssetScriptType::GlobalRestriction => {
                NullAssetData::GlobalRestriction(NullAssetTxData::read(tail(4))?)
            }
            NullAssetScriptType::Verifier => {
                NullAssetData::Verifier(read_string(&mut Reader::new(tail(3)))?)
            }
        })
    }

    /// Builds the script as the reference constructs it.
    pub fn to_script(&self) -> ScriptBuf {
        let mut out = Vec::new();
        out.push(0xc0);
        match self {
            NullAssetData::AddressTag { key_hash, data } => {
                builder::push_data(&mut out, key_hash.as_byte_array());
                builder::push_data(&mut out, &data.to_bytes());
            }
            NullAssetData::GlobalRestriction(data) => {
                out.extend_from_slice(&[0x50, 0x50]);
                builder::push_data(&mut out, &data.to_bytes());
            }
            NullAssetData::Verifier(s) => {
                out.push(0x50);
                let mut payload = Vec::with_capacity(var_bytes_len(s.len()));
                write_var_bytes(&mut payload, s.as_bytes());
                builder::push_data(&mut out, &payload);
            }
        }
        ScriptBuf::from_bytes(out)
    }
}
