// SPDX-License-Identifier: MIT
//! Where an asset payload sits in a script (`IsAssetScript` in `src/script/script.cpp`): the
//! byte layout `<P2PKH> OP_AIPG_ASSET <push "rvn" type payload> OP_DROP`, recognized without
//! reading the payload. The payload types themselves live in [`crate::asset`].

use crate::encode::Reader;

/// The operation an asset script carries, named by its type byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AssetScriptType {
    /// `q` (0x71): a new asset of any kind.
    New,
    /// `o` (0x6f): an owner token.
    Owner,
    /// `t` (0x74): a transfer.
    Transfer,
    /// `r` (0x72): a reissue.
    Reissue,
}

impl AssetScriptType {
    /// Returns the type byte.
    pub const fn type_byte(self) -> u8 {
        match self {
            AssetScriptType::New => b'q',
            AssetScriptType::Owner => b'o',
            AssetScriptType::Transfer => b't',
            AssetScriptType::Reissue => b'r',
        }
    }
}

/// Recognizes an asset script exactly as `IsAssetScript` does and returns its type and the offset
/// where the payload starts.
///
/// The script must be longer than 31 bytes with `OP_AIPG_ASSET` at offset 25; "rvn" follows at
/// offset 27 (direct push) or 28 (any other byte at 27), then the type byte; `q` also needs a
/// script longer than 39 bytes. Bytes 0–24 are not inspected.
///
/// Quirks kept from the reference: a byte `r` at offset 27 is always taken as the start of the
/// marker, so a payload pushed with `OP_PUSHDATA1` whose length is 0x72 (`r`) is not an asset
/// script; nor is one pushed with `OP_PUSHDATA2`/`OP_PUSHDATA4` (payloads of 256 bytes or more).
/// [`AssetOutput::to_script`](crate::asset::AssetOutput::to_script) can build both; such outputs
/// are plain to the reference.
pub fn recognize_asset_script(bytes: &[u8]) -> Option<(AssetScriptType, usize)> {
    if bytes.len() <= 31 || bytes.get(25) != Some(&0xc0) {
        return None;
    }
    let index = if bytes.get(27) == Some(&b'r') {
        (bytes.get(28..30) == Some(b"vn")).then_some(30)?
    } else {
        (bytes.get(28..31) == Some(b"rvn")).then_some(31)?
    };
    let kind = match *bytes.get(index)? {
        b't' => AssetScriptType::Transfer,
        b'q' if bytes.len() > 39 => AssetScriptType::New,
        b'o' => AssetScriptType::Owner,
        b'r' => AssetScriptType::Reissue,
        _ => return None,
    };
    Some((kind, index + 1))
}

/// Returns true for an asset script whose payload parses and carries an amount of zero, the
/// asset clause of `IsUnspendable`.
///
/// This reads the same fields in the same order as the payload readers in [`crate::asset`]
/// (`AssetOutput::from_script`), without building the payload, so that it fails exactly where
/// they fail; the asset tests check that the two agree. The key hash at offsets 3–22 is not
/// checked: a recognized script is always long enough to hold it.
pub(crate) fn is_zero_amount_asset_script(bytes: &[u8]) -> bool {
    zero_amount(bytes).unwrap_or(false)
}

fn zero_amount(bytes: &[u8]) -> Option<bool> {
    let (kind, start) = recognize_asset_script(bytes)?;
    let mut r = Reader::new(bytes.get(start..).unwrap_or_default());
    // The name, which must be UTF-8.
    core::str::from_utf8(r.read_var_bytes().ok()?).ok()?;
    let (amount, hash_follows) = match kind {
        // An owner token carries `OWNER_ASSET_AMOUNT`, never zero.
        AssetScriptType::Owner => return Some(false),
        AssetScriptType::New => {
            let amount = r.read_i64().ok()?;
            // Units and reissuable, then has_ipfs.
            r.read_bytes(2).ok()?;
            let has_ipfs = r.read_u8().ok()?;
            (amount, has_ipfs == 1)
        }
        AssetScriptType::Transfer => (r.read_i64().ok()?, true),
        AssetScriptType::Reissue => {
            let amount = r.read_i64().ok()?;
            // Units and reissuable.
            r.read_bytes(2).ok()?;
            (amount, true)
        }
    };
    // The hash field is read only when at least 33 bytes remain; a transfer's expiry after it is
    // read only when 8 bytes remain, so it cannot fail.
    if hash_follows && r.remaining() >= 33 {
        r.read_u8().ok()?;
        r.read_var_bytes().ok()?;
    }
    Some(amount == 0)
}
