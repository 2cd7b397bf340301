// SPDX-License-Identifier: MIT
//! Asset-carrying output scripts and their payloads (assets.md §4; `CNewAsset`,
//! `CAssetTransfer`, `CReissueAsset` in `src/assets/assettypes.h`, `IsAssetScript` in
//! `src/script/script.cpp`).
//!
//! Parsing mirrors the reference's readers exactly, including what they accept loosely: the
//! payload runs from after the type byte to the end of the script (the trailing `OP_DROP` and
//! anything else left over are ignored), the push opcode in front of the payload is not
//! checked, and the optional hash field is only read when at least 33 bytes remain. Serializing
//! produces what the reference writes, so `serialize(parse(b)) == b` for every payload the
//! reference itself would write.

use crate::encode::{DecodeError, Encode, Reader, Sink, var_bytes_len, write_var_bytes};
use crate::script::asset_layout::{AssetScriptType, recognize_asset_script};
use crate::script::{PubkeyHash, Script, ScriptBuf, builder};
use alloc::string::String;
use alloc::vec::Vec;

/// The amount an owner-token output represents (`OWNER_ASSET_AMOUNT`, one whole unit).
pub const OWNER_ASSET_AMOUNT: i64 = 100_000_000;

/// The marker before the type byte: "rvn", unchanged from Ravencoin.
pub const ASSET_MARKER: [u8; 3] = *b"rvn";

const IPFS_SHA2_256: u8 = 0x12;

/// The length of an IPFS hash's string form (`Qm…`, Base58).
pub const IPFS_HASH_STRING_LENGTH: usize = 46;
/// The length of a txid's string form (hex).
pub const TXID_HASH_STRING_LENGTH: usize = 64;
/// The longest string [`AssetHash::from_string_form`] accepts: the txid form.
pub const MAX_ASSET_HASH_STRING_LENGTH: usize = TXID_HASH_STRING_LENGTH;
const TXID_NOTIFIER: u8 = 0x54;

/// The optional hash field of a payload: an IPFS hash or a txid (`strIPFSHash` / `message`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AssetHash {
    /// A raw IPFS sha2-256 multihash `12 20 <digest>` (34 bytes); shown in Base58 (`Qm…`).
    Ipfs([u8; 32]),
    /// A 32-byte value (txid form); shown as 64 hex digits in byte order.
    Txid([u8; 32]),
    /// Any other value the reference's reader can produce (a string field shorter than 32
    /// bytes); the reference writes nothing for it, and the consensus checks reject it.
    Other(Vec<u8>),
}

impl AssetHash {
    /// Maps the reference's string value onto the variants by length: 34 bytes (the last 32 are
    /// the digest) is IPFS, 32 bytes is a txid, anything else but empty is `Other`; empty is `None`.
    pub fn from_value(value: &[u8]) -> Option<Self> {
        match value.len() {
            0 => None,
            34 => value.get(2..).and_then(|d| d.try_into().ok()).map(AssetHash::Ipfs),
            32 => value.try_into().ok().map(AssetHash::Txid),
            _ => Some(AssetHash::Other(value.to_vec())),
        }
    }

    /// Returns the reference's string value (`12 20 <digest>` for IPFS).
    pub fn to_value(&self) -> Vec<u8> {
        match self {
            AssetHash::Ipfs(d) => {
                let mut v = Vec::with_capacity(34);
                v.extend_from_slice(&[IPFS_SHA2_256, 0x20]);
                v.extend_from_slice(d);
                v
            }
            AssetHash::Txid(t) => t.to_vec(),
            AssetHash::Other(v) => v.clone(),
        }
    }

    /// Returns true for the encodings the consensus checks accept: an IPFS value whose Base58
    /// form is 46 characters starting `Qm`, or a 32-byte txid value.
    pub fn is_valid_encoding(&self) -> bool {
        match self {
            AssetHash::Ipfs(_) => {
                let s = self.to_string_form();
                s.len() == 46 && s.starts_with("Qm")
            }
            AssetHash::Txid(_) => true,
            AssetHash::Other(_) => false,
        }
    }

    /// Returns the display form: Base58 for IPFS, hex for the others.
    pub fn to_string_form(&self) -> String {
        match self {
            AssetHash::Ipfs(_) => bs58::encode(self.to_value()).into_string(),
            AssetHash::Txid(t) => hex::encode(t),
            AssetHash::Other(v) => hex::encode(v),
        }
    }

    /// Parses the display form: 46-character Base58 `Qm…` for IPFS or 64 hex digits for a txid.
    ///
    /// The length is checked first, so Base58 decoding (quadratic in the length) only ever runs
    /// on 46 characters.
    ///
    /// # Errors
    /// [`AssetPayloadError::HashStringTooLong`] above [`MAX_ASSET_HASH_STRING_LENGTH`] bytes,
    /// [`AssetPayloadError::InvalidHashString`] for anything else that is neither form.
    pub fn from_string_form(s: &str) -> Result<Self, AssetPayloadError> {
        let len = s.len();
        if len > MAX_ASSET_HASH_STRING_LENGTH {
            return Err(AssetPayloadError::HashStringTooLong {
                len,
                max: MAX_ASSET_HASH_STRING_LENGTH,
            });
        }
        if len == TXID_HASH_STRING_LENGTH {
            let mut out = [0u8; 32];
            hex::decode_to_slice(s, &mut out).map_err(|_| AssetPayloadError::InvalidHashString)?;
            return Ok(AssetHash::Txid(out));
        }
        // Every `12 20 <32 bytes>` value is exactly 46 Base58 digits: it has no leading zero
        // byte to make a leading '1', and lies between 58^45 and 58^46.
        if len != IPFS_HASH_STRING_LENGTH {
            return Err(AssetPayloadError::InvalidHashString);
        }
        let bytes = bs58::decode(s).into_vec().map_err(|_| AssetPayloadError::InvalidHashString)?;
        match bytes.as_slice() {
            [IPFS_SHA2_256, 0x20, digest @ ..] => digest
                .try_into()
                .map(AssetHash::Ipfs)
                .map_err(|_| AssetPayloadError::InvalidHashString),
            _ => Err(AssetPayloadError::InvalidHashString),
        }
    }
}

impl core::fmt::Display for AssetHash {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(&self.to_string_form())
    }
}

/// Reads the hash field (`ReadWriteAssetHash`): only when at least 33 bytes remain; returns
/// whether it was read and the value (`None` when the value is empty).
fn read_hash(r: &mut Reader<'_>) -> Result<(bool, Option<AssetHash>), DecodeError> {
    if r.remaining() < 33 {
        return Ok((false, None));
    }
    let tag = r.read_u8()?;
    let s = r.read_var_bytes()?;
    let digest = s.get(..32).unwrap_or(s);
    let value = if tag == IPFS_SHA2_256 {
        let mut v = Vec::with_capacity(34);
        v.extend_from_slice(&[IPFS_SHA2_256, 0x20]);
        v.extend_from_slice(digest);
        AssetHash::from_value(&v)
    } else {
        AssetHash::from_value(digest)
    };
    Ok((true, value))
}

/// Writes the hash field as the reference does, by the length of the value: 34 bytes as `0x12`
/// and a string of the last 32, 32 bytes as `0x54` and a string of all 32, anything else not at
/// all. Returns whether something was written.
fn write_hash<S: Sink + ?Sized>(sink: &mut S, hash: Option<&AssetHash>) -> bool {
    let Some(hash) = hash else { return false };
    let value = hash.to_value();
    match value.len() {
        34 => {
            sink.write_all(&[IPFS_SHA2_256]);
            write_var_bytes(sink, value.get(2..).unwrap_or_default());
            true
        }
        32 => {
            sink.write_all(&[TXID_NOTIFIER]);
            write_var_bytes(sink, &value);
            true
        }
        _ => false,
    }
}

fn hash_len(hash: Option<&AssetHash>) -> usize {
    match hash.map(|h| h.to_value().len()) {
        Some(32 | 34) => 1 + var_bytes_len(32),
        _ => 0,
    }
}

/// Reads a string field; asset strings must be UTF-8 here (every valid name is ASCII).
fn read_string(r: &mut Reader<'_>) -> Result<String, AssetPayloadError> {
    let bytes = r.read_var_bytes()?;
    core::str::from_utf8(bytes).map(String::from).map_err(|_| AssetPayloadError::NotUtf8)
}

/// The payload of a new-asset output (`CNewAsset`, type `q`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct NewAsset {
    /// The asset name (not validated here).
    pub name: String,
    /// Amount in the smallest unit (100,000,000 = one whole token).
    pub amount: i64,
    /// Decimal places, 0–8 when valid.
    pub units: i8,
    /// 1 when reissuable, 0 otherwise (other values are carried as read).
    pub reissuable: i8,
    /// 1 when the hash field is present; only then is it read or written.
    pub has_ipfs: i8,
    /// The IPFS hash or txid, read when `has_ipfs == 1` and at least 33 bytes remain.
    pub ipfs_hash: Option<AssetHash>,
}

impl Encode for NewAsset {
    fn encode<S: Sink + ?Sized>(&self, sink: &mut S) {
        write_var_bytes(sink, self.name.as_bytes());
        self.amount.encode(sink);
        sink.write_all(&[self.units as u8, self.reissuable as u8, self.has_ipfs as u8]);
        if self.has_ipfs == 1 {
            write_hash(sink, self.ipfs_hash.as_ref());
        }
    }
    fn encoded_len(&self) -> usize {
        let h = if self.has_ipfs == 1 { hash_len(self.ipfs_hash.as_ref()) } else { 0 };
        var_bytes_len(self.name.len()) + 8 + 3 + h
    }
}

impl NewAsset {
    /// Reads the payload from `r`, which must end where the script ends.
    ///
    /// # Errors
    /// [`AssetPayloadError`] when a field is truncated or the name is not UTF-8.
    pub fn read(r: &mut Reader<'_>) -> Result<Self, AssetPayloadError> {
        let name = read_string(r)?;
        let amount = r.read_i64()?;
        // Signed bytes on the wire; the casts reinterpret them.
        let units = r.read_u8()? as i8;
        let reissuable = r.read_u8()? as i8;
        let has_ipfs = r.read_u8()? as i8;
        let ipfs_hash = if has_ipfs == 1 { read_hash(r)?.1 } else { None };
        Ok(NewAsset { name, amount, units, reissuable, has_ipfs, ipfs_hash })
    }
}

/// The payload of a transfer output (`CAssetTransfer`, type `t`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AssetTransfer {
    /// The asset name (not validated here).
    pub name: String,
    /// Amount in the smallest unit.
    pub amount: i64,
    /// An optional message (IPFS hash or txid).
    pub message: Option<AssetHash>,
    /// Message expiry (unix time); read only after a message and written only when non-zero
    /// with a message.
    pub expire_time: i64,
}

impl Encode for AssetTransfer {
    fn encode<S: Sink + ?Sized>(&self, sink: &mut S) {
        write_var_bytes(sink, self.name.as_bytes());
        self.amount.encode(sink);
        if write_hash(sink, self.message.as_ref()) && self.expire_time != 0 {
            self.expire_time.encode(sink);
        }
    }
    fn encoded_len(&self) -> usize {
        let h = hash_len(self.message.as_ref());
        let e = if h > 0 && self.expire_time != 0 { 8 } else { 0 };
        var_bytes_len(self.name.len()) + 8 + h + e
    }
}

impl AssetTransfer {
    /// Reads the payload from `r`, which must end where the script ends.
    ///
    /// # Errors
    /// [`AssetPayloadError`] when a field is truncated or the name is not UTF-8.
    pub fn read(r: &mut Reader<'_>) -> Result<Self, AssetPayloadError> {
        let name = read_string(r)?;
        let amount = r.read_i64()?;
        let (read, message) = read_hash(r)?;
        let expire_time = if read && r.remaining() >= 8 { r.read_i64()? } else { 0 };
        Ok(AssetTransfer { name, amount, message, expire_time })
    }
}

/// The payload of a reissue output (`CReissueAsset`, type `r`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ReissueAsset {
    /// The asset name (not validated here).
    pub name: String,
    /// Amount added, in the smallest unit.
    pub amount: i64,
    /// New decimal places, or −1 to keep them.
    pub units: i8,
    /// 1 to stay reissuable, 0 to lock.
    pub reissuable: i8,
    /// A new IPFS hash or txid, read when at least 33 bytes remain.
    pub ipfs_hash: Option<AssetHash>,
}

impl Encode for ReissueAsset {
    fn encode<S: Sink + ?Sized>(&self, sink: &mut S) {
        write_var_bytes(sink, self.name.as_bytes());
        self.amount.encode(sink);
        sink.write_all(&[self.units as u8, self.reissuable as u8]);
        write_hash(sink, self.ipfs_hash.as_ref());
    }
    fn encoded_len(&self) -> usize {
        var_bytes_len(self.name.len()) + 8 + 2 + hash_len(self.ipfs_hash.as_ref())
    }
}

impl ReissueAsset {
    /// Reads the payload from `r`, which must end where the script ends.
    ///
    /// # Errors
    /// [`AssetPayloadError`] when a field is truncated or the name is not UTF-8.
    pub fn read(r: &mut Reader<'_>) -> Result<Self, AssetPayloadError> {
        let name = read_string(r)?;
        let amount = r.read_i64()?;
        let units = r.read_u8()? as i8;
        let reissuable = r.read_u8()? as i8;
        let ipfs_hash = read_hash(r)?.1;
        Ok(ReissueAsset { name, amount, units, reissuable, ipfs_hash })
    }
}

/// The payload of an asset-carrying output.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum AssetPayload {
    /// A new asset (`q`).
    New(NewAsset),
    /// An owner token (`o`): the owner name, such as `ABC!`; it represents
    /// [`OWNER_ASSET_AMOUNT`].
    Owner(String),
    /// A transfer (`t`).
    Transfer(AssetTransfer),
    /// A reissue (`r`).
    Reissue(ReissueAsset),
}

impl AssetPayload {
    /// Returns the script type the payload is carried under.
    pub const fn script_type(&self) -> AssetScriptType {
        match self {
            AssetPayload::New(_) => AssetScriptType::New,
            AssetPayload::Owner(_) => AssetScriptType::Owner,
            AssetPayload::Transfer(_) => AssetScriptType::Transfer,
            AssetPayload::Reissue(_) => AssetScriptType::Reissue,
        }
    }

    /// Returns the asset name.
    pub fn name(&self) -> &str {
        match self {
            AssetPayload::New(a) => &a.name,
            AssetPayload::Owner(n) => n,
            AssetPayload::Transfer(t) => &t.name,
            AssetPayload::Reissue(r) => &r.name,
        }
    }

    /// Returns the amount the output carries (the owner amount for owner tokens).
    pub const fn amount(&self) -> i64 {
        match self {
            AssetPayload::New(a) => a.amount,
            AssetPayload::Owner(_) => OWNER_ASSET_AMOUNT,
            AssetPayload::Transfer(t) => t.amount,
            AssetPayload::Reissue(r) => r.amount,
        }
    }

    /// Parses a payload of the given type from `buf`, the bytes from after the type byte to the
    /// end of the script; bytes left after the payload are ignored, as in the reference.
    ///
    /// # Errors
    /// [`AssetPayloadError`] when a field is truncated or malformed.
    pub fn parse(kind: AssetScriptType, buf: &[u8]) -> Result<Self, AssetPayloadError> {
        let mut r = Reader::new(buf);
        Ok(match kind {
            AssetScriptType::New => AssetPayload::New(NewAsset::read(&mut r)?),
            AssetScriptType::Owner => AssetPayload::Owner(read_string(&mut r)?),
            AssetScriptType::Transfer => AssetPayload::Transfer(AssetTransfer::read(&mut r)?),
            AssetScriptType::Reissue => AssetPayload::Reissue(ReissueAsset::read(&mut r)?),
        })
    }
}

impl Encode for AssetPayload {
    fn encode<S: Sink + ?Sized>(&self, sink: &mut S) {
        match self {
            AssetPayload::New(a) => a.encode(sink),
            AssetPayload::Owner(n) => write_var_bytes(sink, n.as_bytes()),
            AssetPayload::Transfer(t) => t.encode(sink),
            AssetPayload::Reissue(r) => r.encode(sink),
        }
    }
    fn encoded_len(&self) -> usize {
        match self {
            AssetPayload::New(a) => a.encoded_len(),
            AssetPayload::Owner(n) => var_bytes_len(n.len()),
            AssetPayload::Transfer(t) => t.encoded_len(),
            AssetPayload::Reissue(r) => r.encoded_len(),
        }
    }
}

/// An asset-carrying output script: the key hash it pays to and its payload.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AssetOutput {
    /// The 20 bytes at offsets 3–22 (the P2PKH prefix's hash).
    pub key_hash: PubkeyHash,
    /// The payload.
    pub payload: AssetPayload,
}

impl AssetOutput {
    /// Recognizes and parses an asset script (the reference's `…FromScript` readers).
    ///
    /// # Errors
    /// [`AssetPayloadError::NotAssetScript`] when [`recognize_asset_script`] rejects it, or the
    /// payload's parse error.
    pub fn from_script(script: Script<'_>) -> Result<Self, AssetPayloadError> {
        let bytes = script.as_bytes();
        let (kind, start) =
            recognize_asset_script(bytes).ok_or(AssetPayloadError::NotAssetScript)?;
        let key_hash = bytes
            .get(3..23)
            .and_then(PubkeyHash::from_slice)
            .ok_or(AssetPayloadError::NotAssetScript)?;
        let payload = AssetPayload::parse(kind, bytes.get(start..).unwrap_or_default())?;
        Ok(AssetOutput { key_hash, payload })
    }

    /// Builds the script as the reference's `ConstructTransaction` does: the P2PKH script of
    /// `key_hash`, `OP_AIPG_ASSET`, one push of `"rvn" ‖ type ‖ payload`, `OP_DROP`.
    pub fn to_script(&self) -> ScriptBuf {
        let mut data = Vec::with_capacity(4 + self.payload.encoded_len());
        data.extend_from_slice(&ASSET_MARKER);
        data.push(self.payload.script_type().type_byte());
        self.payload.encode(&mut data);
        let mut out = ScriptBuf::new_p2pkh(&self.key_hash).into_bytes();
        out.push(0xc0);
        builder::push_data(&mut out, &data);
        out.push(0x75);
        ScriptBuf::from_bytes(out)
    }
}

/// Returns the asset amount of an asset script (`GetAssetAmountFromScript`); `None` when it is
/// not an asset script or its payload does not parse.
pub fn asset_amount_from_script(script: Script<'_>) -> Option<i64> {
    AssetOutput::from_script(script).ok().map(|o| o.payload.amount())
}

/// Why an asset payload or null-asset script could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AssetPayloadError {
    /// The script is not an asset script of the expected shape.
    #[error("not an asset script")]
    NotAssetScript,
    /// The script is not a null-asset-data script.
    #[error("not a null asset data script")]
    NotNullAssetScript,
    /// A field could not be read.
    #[error("malformed asset payload: {0}")]
    Decode(#[from] DecodeError),
    /// A name or string field is not UTF-8.
    #[error("asset string is not utf-8")]
    NotUtf8,
    /// A hash string is neither a Base58 IPFS hash nor 64 hex digits.
    #[error("invalid ipfs hash or txid string")]
    InvalidHashString,
    /// A hash string is longer than either valid form, so it was not decoded.
    #[error("ipfs hash or txid string of {len} bytes is longer than the {max} a valid one can be")]
    HashStringTooLong {
        /// The string's length in bytes.
        len: usize,
        /// The longest valid length, [`MAX_ASSET_HASH_STRING_LENGTH`].
        max: usize,
    },
}
