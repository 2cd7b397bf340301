// SPDX-License-Identifier: MIT
//! The block header and its two layouts.

use crate::encode::{Decode, DecodeError, DecodeWith, Encode, EncodeWith, Reader, Sink};
use crate::hash::{BlockHash, KawpowHeaderHash, MerkleRoot, MixHash, Sha256dEngine};
use crate::network::NetworkParams;
use crate::units::CompactTarget;

/// Size of a pre-KAWPOW header.
pub const LEGACY_HEADER_LEN: usize = 80;
/// Size of a KAWPOW header.
pub const KAWPOW_HEADER_LEN: usize = 120;

/// Which of the two wire layouts a header uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HeaderLayout {
    /// 80 bytes ending in the 32-bit `nNonce` (`nTime` before the KAWPOW activation time).
    Legacy,
    /// 120 bytes ending in `nHeight`, `nNonce64` and `mix_hash` (`nTime` at or after it).
    Kawpow,
}

impl HeaderLayout {
    /// Returns the layout a header with this `nTime` uses on a network whose KAWPOW activation
    /// time is `kawpow_activation_time`.
    pub const fn for_time(time: u32, kawpow_activation_time: u32) -> Self {
        if time >= kawpow_activation_time { HeaderLayout::Kawpow } else { HeaderLayout::Legacy }
    }

    /// Returns the encoded size of this layout.
    pub const fn encoded_len(self) -> usize {
        match self {
            HeaderLayout::Legacy => LEGACY_HEADER_LEN,
            HeaderLayout::Kawpow => KAWPOW_HEADER_LEN,
        }
    }
}

/// A block header (`CBlockHeader`), holding the fields of both layouts.
///
/// Mirrors `AIPowerGrid/AI-Power-Grid-Core: src/primitives/block.h`. Which fields are on the wire
/// depends on the header's own `time` compared with the network's KAWPOW activation time, so
/// the codec takes the network as context ([`DecodeWith`], [`EncodeWith`]) instead of reading a
/// global as the reference does. Fields that
/// a layout does not carry are zero after decoding.
///
/// The block id (X16R / X16RV2 over [`BlockHeader::to_legacy_bytes`], or the KAWPOW final hash
/// from [`BlockHeader::kawpow_header_hash`], `nonce64` and `mix_hash`) is computed by the
/// proof-of-work hash functions in [`crate::hash`], not here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct BlockHeader {
    /// `nVersion`.
    pub version: i32,
    /// Id of the previous block.
    pub prev_blockhash: BlockHash,
    /// Merkle root of the block's transactions.
    pub merkle_root: MerkleRoot,
    /// `nTime`, Unix seconds.
    pub time: u32,
    /// `nBits`, the compact target.
    pub bits: CompactTarget,
    /// `nNonce`, legacy layout only.
    pub nonce: u32,
    /// `nHeight`, KAWPOW layout only: the height the miner declares (it selects the KAWPOW
    /// epoch and is never re-derived from the chain).
    pub height: u32,
    /// `nNonce64`, KAWPOW layout only.
    pub nonce64: u64,
    /// `mix_hash`, KAWPOW layout only, in internal order (the ProgPoW mix bytes reversed).
    pub mix_hash: MixHash,
}

impl BlockHeader {
    /// Returns the layout this header uses given the network's KAWPOW activation time.
    pub const fn layout(&self, kawpow_activation_time: u32) -> HeaderLayout {
        HeaderLayout::for_time(self.time, kawpow_activation_time)
    }

    /// Returns true if this header uses the 120-byte KAWPOW layout on the given network.
    pub const fn is_kawpow(&self, params: &NetworkParams) -> bool {
        self.time >= params.kawpow_activation_time
    }

    /// Reads a 120-byte KAWPOW encoding, whatever its `nTime` says: the fixed layout of a KAWPOW
    /// hashing input (miners and pools hand these around outside any network context).
    pub fn from_kawpow_bytes(bytes: &[u8; KAWPOW_HEADER_LEN]) -> Self {
        // 120 bytes hold every field of the KAWPOW layout, so no read can fail.
        Self::decode_fields(&mut Reader::new(bytes), |_| HeaderLayout::Kawpow).unwrap_or_default()
    }

    /// Reads the 76 bytes both layouts share, then the fields of the layout `layout_of` picks
    /// from them.
    fn decode_fields(
        r: &mut Reader<'_>,
        layout_of: impl FnOnce(&Self) -> HeaderLayout,
    ) -> Result<Self, DecodeError> {
        let mut h = BlockHeader {
            version: r.read_i32()?,
            prev_blockhash: BlockHash::decode(r)?,
            merkle_root: MerkleRoot::decode(r)?,
            time: r.read_u32()?,
            bits: CompactTarget::decode(r)?,
            ..BlockHeader::default()
        };
        match layout_of(&h) {
            HeaderLayout::Legacy => h.nonce = r.read_u32()?,
            HeaderLayout::Kawpow => {
                h.height = r.read_u32()?;
                h.nonce64 = r.read_u64()?;
                h.mix_hash = MixHash::decode(r)?;
            }
        }
        Ok(h)
    }

    /// Writes the header in the given layout, whatever its `nTime`.
    pub fn encode_layout<S: Sink + ?Sized>(&self, sink: &mut S, layout: HeaderLayout) {
        self.encode_prefix(sink);
        match layout {
            HeaderLayout::Legacy => self.nonce.encode(sink),
            HeaderLayout::Kawpow => {
                self.height.encode(sink);
                self.nonce64.encode(sink);
                self.mix_hash.encode(sink);
            }
        }
    }

    /// Writes the 76 bytes both layouts share: version, previous hash, merkle root, time, bits.
    fn encode_prefix<S: Sink + ?Sized>(&self, sink: &mut S) {
        self.version.encode(sink);
        self.prev_blockhash.encode(sink);
        self.merkle_root.encode(sink);
        self.time.encode(sink);
        self.bits.encode(sink);
    }

    /// Returns the 80-byte legacy encoding (`... nBits ‖ nNonce`), the input of X16R and X16RV2.
    pub fn to_legacy_bytes(&self) -> [u8; LEGACY_HEADER_LEN] {
        let mut out = [0u8; LEGACY_HEADER_LEN];
        let mut w = SliceWriter { buf: &mut out, pos: 0 };
        self.encode_layout(&mut w, HeaderLayout::Legacy);
        out
    }

    /// Returns the 120-byte KAWPOW encoding.
    pub fn to_kawpow_bytes(&self) -> [u8; KAWPOW_HEADER_LEN] {
        let mut out = [0u8; KAWPOW_HEADER_LEN];
        let mut w = SliceWriter { buf: &mut out, pos: 0 };
        self.encode_layout(&mut w, HeaderLayout::Kawpow);
        out
    }

    /// Returns the 80-byte KAWPOW hashing input (`CKAWPOWInput`): `nVersion ‖ hashPrevBlock ‖
    /// hashMerkleRoot ‖ nTime ‖ nBits ‖ nHeight`, without nonce and mix.
    pub fn kawpow_input_bytes(&self) -> [u8; 80] {
        let mut out = [0u8; 80];
        let mut w = SliceWriter { buf: &mut out, pos: 0 };
        self.encode_prefix(&mut w);
        self.height.encode(&mut w);
        out
    }

    /// Returns the KAWPOW header hash (`GetKAWPOWHeaderHash`): double SHA-256 of
    /// [`BlockHeader::kawpow_input_bytes`].
    ///
    /// Byte order: [`KawpowHeaderHash::to_byte_array`] gives the raw digest (the reference's
    /// internal `uint256` order). ProgPoW takes the **reversed** bytes, i.e. the display hex
    /// (`to_string()`), because the reference passes `GetHex()` to ProgPoW; use
    /// [`BlockHeader::kawpow_progpow_header`] for those bytes directly.
    pub fn kawpow_header_hash(&self) -> KawpowHeaderHash {
        let mut engine = Sha256dEngine::new();
        self.encode_prefix(&mut engine);
        self.height.encode(&mut engine);
        KawpowHeaderHash::from_byte_array(engine.finalize())
    }

    /// Returns the header hash in the byte order ProgPoW consumes (the reversed digest).
    pub fn kawpow_progpow_header(&self) -> [u8; 32] {
        let mut bytes = self.kawpow_header_hash().to_byte_array();
        bytes.reverse();
        bytes
    }
}

/// The layout follows from the header's `nTime` and the network's KAWPOW activation time.
impl DecodeWith<NetworkParams> for BlockHeader {
    /// Decodes a header whose layout follows from its `nTime` and `params`.
    ///
    /// # Errors
    /// [`DecodeError::UnexpectedEnd`] when the input is shorter than the layout.
    fn decode_with(r: &mut Reader<'_>, params: &NetworkParams) -> Result<Self, DecodeError> {
        Self::decode_fields(r, |h| h.layout(params.kawpow_activation_time))
    }
}

impl EncodeWith<NetworkParams> for BlockHeader {
    /// Writes the header in the layout its `nTime` selects on the network of `params`.
    fn encode_with<S: Sink + ?Sized>(&self, sink: &mut S, params: &NetworkParams) {
        self.encode_layout(sink, self.layout(params.kawpow_activation_time));
    }

    fn encoded_len_with(&self, params: &NetworkParams) -> usize {
        self.layout(params.kawpow_activation_time).encoded_len()
    }
}

/// Writes into a fixed buffer whose size the caller chose to fit exactly.
struct SliceWriter<'a> {
    buf: &'a mut [u8],
    pos: usize,
}

impl Sink for SliceWriter<'_> {
    fn write_all(&mut self, bytes: &[u8]) {
        let end = self.pos.saturating_add(bytes.len());
        if let Some(dst) = self.buf.get_mut(self.pos..end) {
            dst.copy_from_slice(bytes);
        }
        self.pos = end;
    }
}

/// The hash algorithm that names a block (and proves its work), chosen by the header's `nTime`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PowAlgorithm {
    /// X16R over the 80-byte header (before the network's X16RV2 time).
    X16r,
    /// X16RV2 over the 80-byte header (from the X16RV2 time until KAWPOW).
    X16rv2,
    /// KAWPOW (ProgPoW) over the 120-byte header.
    Kawpow,
}

impl PowAlgorithm {
    /// The lower-case name: `x16r`, `x16rv2` or `kawpow`.
    pub const fn as_str(self) -> &'static str {
        match self {
            PowAlgorithm::X16r => "x16r",
            PowAlgorithm::X16rv2 => "x16rv2",
            PowAlgorithm::Kawpow => "kawpow",
        }
    }
}

impl core::fmt::Display for PowAlgorithm {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl BlockHeader {
    /// Returns the algorithm that names this header on the given network.
    pub const fn pow_algorithm(&self, params: &NetworkParams) -> PowAlgorithm {
        if self.time >= params.kawpow_activation_time {
            PowAlgorithm::Kawpow
        } else if self.time >= params.x16rv2_activation_time {
            PowAlgorithm::X16rv2
        } else {
            PowAlgorithm::X16r
        }
    }

    /// Returns the block id: X16R or X16RV2 of the 80-byte header, or for a KAWPOW header the
    /// final hash recomputed from the header hash, `nonce64` and the header's own `mix_hash`
    /// (no DAG: this names the block, it does not prove the mix).
    pub fn block_hash(&self, params: &NetworkParams) -> BlockHash {
        match self.pow_algorithm(params) {
            PowAlgorithm::X16r => crate::hash::x16r::x16r(&self.to_legacy_bytes()),
            PowAlgorithm::X16rv2 => crate::hash::x16r::x16rv2(&self.to_legacy_bytes()),
            PowAlgorithm::Kawpow => crate::hash::kawpow::kawpow_block_hash(
                &self.kawpow_header_hash(),
                self.nonce64,
                &self.mix_hash,
            ),
        }
    }
}
