// SPDX-License-Identifier: MIT
//! The asset layer's data: names and kinds, asset-carrying output payloads, null-asset-data
//! scripts and verifier strings (spec: assets.md §2–§6).

#![cfg_attr(
    not(test),
    warn(
        clippy::indexing_slicing,
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::cast_possible_truncation
    )
)]

mod name;
mod null_data;
mod payload;
mod verifier;

pub use crate::script::asset_layout::{AssetScriptType, recognize_asset_script};
pub use name::{
    AssetKind, AssetName, AssetNameError, MAX_CHANNEL_NAME_LENGTH, MAX_NAME_LENGTH,
    MAX_NAME_PRECHECK_LENGTH, MAX_ROOT_NAME_LENGTH, MIN_ASSET_LENGTH, NamePart, asset_kind,
    is_owner_name,
};
pub use null_data::{
    NullAssetData, NullAssetScriptType, NullAssetTxData, recognize_null_asset_script,
};
pub use payload::{
    ASSET_MARKER, AssetHash, AssetOutput, AssetPayload, AssetPayloadError, AssetTransfer,
    IPFS_HASH_STRING_LENGTH, MAX_ASSET_HASH_STRING_LENGTH, NewAsset, OWNER_ASSET_AMOUNT,
    ReissueAsset, TXID_HASH_STRING_LENGTH, asset_amount_from_script,
};
pub use verifier::{
    MAX_VERIFIER_DEPTH, MAX_VERIFIER_STRING_LENGTH, VerifierError, check_verifier_string,
    evaluate_verifier, strip_verifier_string, verifier_qualifiers,
};

#[cfg(test)]
#[allow(clippy::cast_possible_truncation)]
mod tests;
