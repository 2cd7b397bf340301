//! Fuzz target logic. Each target in `fuzz_targets/<crate>/<name>.rs` is a thin wrapper around one
//! `do_*` function here, so the same logic replays the seed corpora as ordinary tests
//! (`cargo test` in this package) and builds on stable without libFuzzer.
//!
//! A decode target asserts that whatever decodes re-encodes to exactly the bytes it consumed, so
//! a decoder that accepts two encodings of one value (or loses data) is found, not only panics.

use aipg_consensus::header::{
    EpochContextProvider, HeaderChainVerifier, HeaderRules, PreparedHeader, check_header_pow,
    last_checkpoint_at_or_below, plausible_epoch_window,
};
use aipg_consensus::pow::difficulty::{self, HeaderInfo};
use aipg_consensus::pow::kawpow::{EPOCH_LENGTH, EpochContext, EpochWindow, PowError};
use aipg_consensus::subsidy;
use aipg_primitives::address::Address;
use aipg_primitives::amount::{Amount, COIN};
use aipg_primitives::asset::{AssetHash, AssetOutput, AssetPayload, NullAssetData};
use aipg_primitives::block::{Block, BlockHeader};
use aipg_primitives::encode::{Decode, DecodeWith, Encode, EncodeWith, Reader, decode_prefix};
use aipg_primitives::network::{Network, NetworkParams};
use aipg_primitives::script::Script;
use aipg_primitives::script::ScriptBuf;
use aipg_primitives::transaction::{OutPoint, Transaction, TxIn, TxOut, Witness};
use aipg_primitives::units::CompactTarget;
use std::sync::{Arc, OnceLock};

/// A fuzz target: the crate folder of its wrapper, its name (the wrapper's file name and the
/// corpus folder) and its logic.
pub struct Target {
    /// Folder under `fuzz_targets/`.
    pub krate: &'static str,
    /// Target name.
    pub name: &'static str,
    /// The logic.
    pub run: fn(&[u8]),
}

macro_rules! targets {
    ($($krate:literal => $($name:ident),*;)*) => {
        /// Every fuzz target.
        pub const TARGETS: &[Target] = &[$($(Target {
            krate: $krate,
            name: stringify!($name),
            run: $name,
        }),*),*];
    };
}

targets! {
    "primitives" => decode_compact_size, decode_out_point, decode_tx_in, decode_tx_out,
        decode_witness, decode_script_buf, decode_compact_target, decode_hashes,
        decode_transaction, decode_block_header, decode_block, parse_asset_script, parse_address,
        script_asm, parse_hash, parse_u256, parse_wif, parse_asset_name, parse_script_asm;
    "consensus" => next_work_required, coinbase_rules, verify_header_pow, verify_headers_tool;
}

/// Decodes a `T` from the start of `data`; on success the value must re-encode to exactly the
/// bytes consumed, and `encoded_len` must agree.
pub fn round_trip<T: Decode + Encode>(data: &[u8]) {
    if let Ok((value, rest)) = decode_prefix::<T>(data) {
        let consumed = &data[..data.len() - rest.len()];
        assert_eq!(value.to_bytes(), consumed, "re-encoding differs from the decoded bytes");
        assert_eq!(value.encoded_len(), consumed.len(), "encoded_len disagrees");
    }
}

/// Picks a network from the first byte, so context-dependent decoders see every layout rule.
fn network_and_rest(data: &[u8]) -> Option<(&'static NetworkParams, &[u8])> {
    let (first, rest) = data.split_first()?;
    let network = Network::ALL[usize::from(*first) % Network::ALL.len()];
    Some((network.params(), rest))
}

/// CompactSize: a canonical value re-encodes to the same bytes.
pub fn decode_compact_size(data: &[u8]) {
    let mut r = Reader::new(data);
    if let Ok(n) = r.read_compact_size_unbounded() {
        let mut out = Vec::new();
        aipg_primitives::encode::write_compact_size(&mut out, n);
        assert_eq!(out, &data[..r.position()]);
    }
}

/// `OutPoint` round trip.
pub fn decode_out_point(data: &[u8]) {
    round_trip::<OutPoint>(data);
}

/// `TxIn` round trip (its witness travels separately).
pub fn decode_tx_in(data: &[u8]) {
    round_trip::<TxIn>(data);
}

/// `TxOut` round trip.
pub fn decode_tx_out(data: &[u8]) {
    round_trip::<TxOut>(data);
}

/// `Witness` round trip.
pub fn decode_witness(data: &[u8]) {
    round_trip::<Witness>(data);
}

/// `ScriptBuf` round trip.
pub fn decode_script_buf(data: &[u8]) {
    round_trip::<ScriptBuf>(data);
}

/// `CompactTarget` round trip.
pub fn decode_compact_target(data: &[u8]) {
    round_trip::<CompactTarget>(data);
}

/// Re-encodes a decoded transaction. The one accepted non-canonical form is the reference's: an
/// extended serialization whose witness stacks are all empty decodes and re-encodes in basic form,
/// which must then decode to the same transaction. A transaction without inputs is the format's
/// own ambiguity: its basic form starts with the byte that marks the extended form, so it does not
/// read back (the reference has the same property; such a transaction is invalid anyway,
/// `bad-txns-vin-empty`).
fn check_transaction(tx: &Transaction, consumed: &[u8]) {
    let encoded = tx.to_bytes();
    assert_eq!(tx.encoded_len(), encoded.len(), "encoded_len disagrees");
    if encoded != consumed {
        assert!(!tx.has_witness(), "a transaction with witness data re-encoded differently");
        assert_eq!(
            consumed.get(4..6),
            Some(&[0u8, 1][..]),
            "only an empty-witness extended form may differ"
        );
        if !tx.input.is_empty() {
            let again: Transaction =
                aipg_primitives::decode_exact(&encoded).expect("basic form decodes");
            assert_eq!(&again, tx);
        }
    }
    assert_eq!(tx.total_size(), encoded.len());
    assert!(tx.weight() >= 4 * tx.base_size() as u64);
}

/// `Transaction` with and without witness: round trip, sizes and weight.
pub fn decode_transaction(data: &[u8]) {
    if let Ok((tx, rest)) = decode_prefix::<Transaction>(data) {
        check_transaction(&tx, &data[..data.len() - rest.len()]);
        let _ = (tx.txid(), tx.wtxid(), tx.vsize());
    }
    let mut r = Reader::new(data);
    if let Ok(tx) = Transaction::decode_no_witness(&mut r) {
        let mut basic = Vec::new();
        tx.encode_no_witness(&mut basic);
        assert_eq!(basic, &data[..r.position()]);
    }
}

/// `BlockHeader` in the layout its time selects on a network picked by the first byte.
pub fn decode_block_header(data: &[u8]) {
    let Some((params, data)) = network_and_rest(data) else { return };
    let mut r = Reader::new(data);
    if let Ok(header) = BlockHeader::decode_with(&mut r, params) {
        assert_eq!(header.to_bytes_with(params), &data[..r.position()]);
        let _ = header.block_hash(params);
    }
}

/// `Block` on a network picked by the first byte: round trip of the value, merkle root, sizes.
pub fn decode_block(data: &[u8]) {
    let Some((params, data)) = network_and_rest(data) else { return };
    let mut r = Reader::new(data);
    if let Ok(block) = Block::decode_with(&mut r, params) {
        let bytes = block.to_bytes_with(params);
        assert!(bytes.len() <= r.position(), "re-encoding grew");
        if block.txdata.iter().any(|tx| tx.input.is_empty()) {
            // The basic form of an input-less transaction is ambiguous; see `check_transaction`.
            return;
        }
        let again = Block::decode_exact_with(&bytes, params).expect("re-encoded block decodes");
        assert_eq!(again, block);
        let _ = block.compute_merkle_root();
        let _ = block.weight(params);
    }
}

/// Asset-carrying and null-asset-data scripts: whatever parses must rebuild into a script that
/// parses back to the same value (the reference's readers ignore some trailing bytes, so the
/// original bytes need not come back).
pub fn parse_asset_script(data: &[u8]) {
    let script = ScriptBuf::from_bytes(data.to_vec());
    if let Ok(asset) = AssetOutput::from_script(script.as_script())
        && writes_every_field(&asset.payload)
    {
        let rebuilt = asset.to_script();
        // The reference finds "rvn" at offset 27 or 28 only, and takes a byte 'r' at 27 for the
        // marker: a payload pushed with PUSHDATA1 and length 0x72, or with PUSHDATA2/4, is not
        // recognized as an asset script by it either.
        let unrecognizable = match rebuilt.as_bytes().get(26..28) {
            Some([0x4c, len]) => *len == b'r',
            Some([op, _]) => *op == 0x4d || *op == 0x4e,
            _ => false,
        };
        if !unrecognizable {
            assert_eq!(AssetOutput::from_script(rebuilt.as_script()).as_ref(), Ok(&asset));
        }
    }
    if let Ok(null) = NullAssetData::from_script(script.as_script()) {
        // The reference reads the payload one byte after its push opcode, and writes it with
        // the shortest push: a payload of 76 bytes or more gets a PUSHDATA1 prefix that its own
        // reader then misreads (valid names are far shorter), so only shorter ones round-trip.
        let payload_len = match &null {
            NullAssetData::AddressTag { data, .. } | NullAssetData::GlobalRestriction(data) => {
                data.encoded_len()
            }
            NullAssetData::Verifier(s) => aipg_primitives::encode::var_bytes_len(s.len()),
        };
        // An empty name makes a script too short for the reference's own recognizers.
        let empty_name = match &null {
            NullAssetData::AddressTag { data, .. } | NullAssetData::GlobalRestriction(data) => {
                data.asset_name.is_empty()
            }
            NullAssetData::Verifier(s) => s.is_empty(),
        };
        if payload_len < 0x4c && !empty_name {
            let rebuilt = null.to_script();
            assert_eq!(NullAssetData::from_script(rebuilt.as_script()).as_ref(), Ok(&null));
        }
    }
    let _ = script.as_script().script_type();
}

/// Whether the reference's writer keeps every field of `payload`: it drops a hash field of a
/// length other than 32 or 34 bytes (`AssetHash::Other`, which its reader can produce), and a
/// transfer's expiry time when the message is empty (its reader reads both).
fn writes_every_field(payload: &AssetPayload) -> bool {
    if let AssetPayload::Transfer(t) = payload
        && t.message.is_none()
        && t.expire_time != 0
    {
        return false;
    }
    let hash = match payload {
        AssetPayload::New(a) => a.ipfs_hash.as_ref(),
        AssetPayload::Transfer(t) => t.message.as_ref(),
        AssetPayload::Reissue(r) => r.ipfs_hash.as_ref(),
        AssetPayload::Owner(_) => None,
    };
    !matches!(hash, Some(AssetHash::Other(_)))
}

/// Address strings on a network picked by the first byte: a parsed address prints back as the
/// same string and its script pays to the same destination.
pub fn parse_address(data: &[u8]) {
    let Some((params, rest)) = network_and_rest(data) else { return };
    let Ok(text) = core::str::from_utf8(rest) else { return };
    if let Ok(addr) = Address::parse(text, params) {
        // Base58 decoding skips surrounding white space, as the reference's does.
        assert_eq!(
            addr.to_string(),
            text.trim_matches(|c: char| c.is_ascii_whitespace() || c == '\x0b')
        );
        let script = addr.script_pubkey();
        assert_eq!(Script::new(script.as_bytes()).destination(), Some(addr.destination()));
    }
}

/// Any bytes as a script: instructions, asm and classification never panic.
pub fn script_asm(data: &[u8]) {
    let script = Script::new(data);
    let _ = script.to_asm();
    let _ = script.to_asm_decode_sighash();
    let _ = script.script_type();
    let _ = script.sigop_count(true);
    for instruction in script.instructions() {
        if instruction.is_err() {
            break;
        }
    }
}

/// The difficulty rules over a header chain read from the bytes: a network byte, the new
/// header's time and the tip's height (4 bytes each, little-endian), then `(time, bits)` pairs of
/// the headers ending at the tip, oldest first. Nothing may panic; where DGW decides without the
/// minimum-difficulty shortcut, the result never exceeds `powLimit`.
pub fn next_work_required(data: &[u8]) {
    let Some((params, rest)) = network_and_rest(data) else { return };
    let Some((head, rest)) = rest.split_first_chunk::<8>() else { return };
    let new_time = u32::from_le_bytes([head[0], head[1], head[2], head[3]]);
    let tip_height = u32::from_le_bytes([head[4], head[5], head[6], head[7]]);
    let records: Vec<&[u8]> = rest.chunks_exact(8).collect();
    let Some(first_height) = tip_height.checked_sub(records.len().saturating_sub(1) as u32) else {
        return;
    };
    let chain: Vec<HeaderInfo> = records
        .iter()
        .zip(first_height..)
        .map(|(r, height)| {
            let time = u32::from_le_bytes([r[0], r[1], r[2], r[3]]);
            let bits = u32::from_le_bytes([r[4], r[5], r[6], r[7]]);
            HeaderInfo::new(height, time, CompactTarget::from_consensus(bits))
        })
        .collect();
    let Some(tip) = chain.last() else { return };
    let result = difficulty::next_work_required(params, chain.as_slice(), tip, new_time);
    let plain_dgw = difficulty::is_dgw_active(params, tip.height)
        && !(params.allow_min_difficulty_blocks && params.no_retargeting);
    if let (Ok(bits), true) = (result, plain_dgw) {
        assert!(bits.expand().value <= difficulty::pow_limit(params), "{bits} above powLimit");
    }
}

/// A coinbase decoded from the bytes after a network byte, a height (4 bytes) and the block's
/// fees (8 bytes): the subsidy stays within 0..=5000 coins and the coinbase checks never panic.
pub fn coinbase_rules(data: &[u8]) {
    let Some((params, rest)) = network_and_rest(data) else { return };
    let Some((head, rest)) = rest.split_first_chunk::<12>() else { return };
    let height = u32::from_le_bytes([head[0], head[1], head[2], head[3]]);
    let fees = i64::from_le_bytes([
        head[4], head[5], head[6], head[7], head[8], head[9], head[10], head[11],
    ]);
    let subsidy = subsidy::block_subsidy(height, params).to_sat();
    assert!((0..=5000 * COIN).contains(&subsidy));
    let Ok((coinbase, _)) = decode_prefix::<Transaction>(rest) else { return };
    let _ = subsidy::check_coinbase_fee_output(&coinbase, height, params);
    let fees = Amount::from_sat_with_max(fees, params.max_money).unwrap_or(Amount::ZERO);
    let _ = subsidy::check_coinbase_amount(&coinbase, fees, height, params);
}

/// Network parameters for [`verify_header_pow`]: every header is KAWPOW and the proof-of-work
/// limit is regtest's, so that arbitrary input often gets past the target to the mix check.
const EASY_KAWPOW: NetworkParams =
    NetworkParams { kawpow_activation_time: 0, ..aipg_primitives::network::AIPG_REGTEST };

/// The epoch-0 context, built once per process.
fn epoch0() -> Arc<EpochContext> {
    static CTX: OnceLock<Arc<EpochContext>> = OnceLock::new();
    Arc::clone(CTX.get_or_init(|| Arc::new(EpochContext::new(0).expect("epoch 0 is supported"))))
}

/// `check_header_pow` on a 120-byte KAWPOW header (after one byte choosing the rules): never
/// panics, returns the block id on success, and whatever strict rules accept, reference-exact
/// rules accept too. The height field is reduced into epoch 0 so that only one (small) epoch
/// context is ever built; other epochs would be refused as outside the window.
pub fn verify_header_pow(data: &[u8]) {
    let Some((&choice, rest)) = data.split_first() else { return };
    let Some(bytes) = rest.first_chunk::<120>() else { return };
    let mut header = BlockHeader::from_kawpow_bytes(bytes);
    header.height %= EPOCH_LENGTH;
    let prepared = PreparedHeader::new(&header, &EASY_KAWPOW);
    let known_checkpoint = (choice & 1 == 1).then_some(u32::from(choice >> 1));
    let mut epochs = epoch0();
    let strict = check_header_pow(&prepared, &HeaderRules::strict(known_checkpoint), &mut epochs);
    let exact =
        check_header_pow(&prepared, &HeaderRules::reference_exact(known_checkpoint), &mut epochs);
    for id in [&strict, &exact].into_iter().flatten() {
        assert_eq!(*id, header.block_hash(&EASY_KAWPOW));
    }
    if strict.is_ok() {
        assert!(exact.is_ok(), "reference-exact rules rejected what strict rules accept");
    }
    for e in [&strict, &exact].into_iter().filter_map(|r| r.as_ref().err()) {
        assert!(matches!(&*e.reject_reason(), "high-hash" | "invalid-mix-hash"), "{e}");
    }
}

/// Epoch contexts as `aipg header verify` / `headers verify` are allowed to have them: only the
/// epochs of the tool's window. Asking for any other epoch fails the target. To keep the fuzzer
/// fast only epoch 0 is really built (once per process); other epochs inside the window are
/// answered as unbuildable, which the verifier reports as `invalid-mix-hash`.
struct ToolEpochs {
    window: EpochWindow,
    asked: usize,
}

impl EpochContextProvider for ToolEpochs {
    fn window(&self) -> EpochWindow {
        self.window
    }

    fn epoch_context(&mut self, epoch: u32) -> Result<Arc<EpochContext>, PowError> {
        assert!(self.window.contains(epoch), "epoch {epoch} outside the window {:?}", self.window);
        self.asked += 1;
        if epoch == 0 { Ok(epoch0()) } else { Err(PowError::EpochTooLarge { epoch, max: 0 }) }
    }
}

/// The verification path of `aipg header verify` and `aipg headers verify`, on arbitrary headers
/// with arbitrary claimed heights: a network byte, a flags byte (bit 0: a height is stated, bit
/// 1: reference-exact rules), the stated height (4 bytes), the caller's clock (8 bytes), then up
/// to four 120- or 80-byte headers in the layout their time selects. The tool's epoch window
/// (the stated heights' epochs, or those the network can have reached by `now`) is never left:
/// no header, whatever height it claims, makes the verifier ask for another epoch, and every
/// header gets a verdict.
pub fn verify_headers_tool(data: &[u8]) {
    let Some((params, rest)) = network_and_rest(data) else { return };
    let Some((head, mut rest)) = rest.split_first_chunk::<13>() else { return };
    let stated =
        (head[0] & 1 == 1).then(|| u32::from_le_bytes([head[1], head[2], head[3], head[4]]));
    let now = i64::from_le_bytes([
        head[5], head[6], head[7], head[8], head[9], head[10], head[11], head[12],
    ]);
    let mut headers = Vec::new();
    while headers.len() < 4 {
        let mut r = Reader::new(rest);
        let Ok(header) = BlockHeader::decode_with(&mut r, params) else { break };
        rest = r.rest();
        headers.push(header);
    }
    let Some(first) = headers.first() else { return };
    let Some(start) = stated.or_else(|| first.is_kawpow(params).then_some(first.height)) else {
        return;
    };
    let window = match stated {
        // As the tool: the epochs of the stated heights of the run.
        Some(start) => EpochWindow::for_heights(start, start.saturating_add(3)),
        None => plausible_epoch_window(params, now),
    };
    let rules = if head[0] & 2 == 2 {
        HeaderRules::reference_exact(last_checkpoint_at_or_below(params, start.saturating_sub(1)))
    } else {
        HeaderRules::strict(last_checkpoint_at_or_below(params, start.saturating_sub(1)))
    };
    let mut epochs = ToolEpochs { window, asked: 0 };
    let verdicts =
        HeaderChainVerifier::new(params, rules).with_now(now).verify(start, &headers, &mut epochs);
    let room = usize::try_from(u32::MAX - start).unwrap_or(usize::MAX).saturating_add(1);
    assert_eq!(verdicts.len(), headers.len().min(room));
    assert!(epochs.asked <= verdicts.len(), "more than one context asked for per header");
    for (v, h) in verdicts.iter().zip(&headers) {
        assert_eq!(v.hash, h.block_hash(params));
        if let Err(e) = &v.result {
            let _ = e.reject_reason();
        }
    }
}

// The hash newtypes' shared decoder and the text parsers.

/// The hash newtypes (one decoder, generated by `hash_newtype!`): each round-trips, and all of
/// them read the same 32 bytes.
pub fn decode_hashes(data: &[u8]) {
    use aipg_primitives::hash::{
        BlockHash, KawpowHeaderHash, MerkleRoot, MixHash, Txid, WitnessMerkleRoot, Wtxid,
    };
    use aipg_primitives::transaction::{LegacySighash, SegwitV0Sighash};
    round_trip::<Txid>(data);
    round_trip::<Wtxid>(data);
    round_trip::<BlockHash>(data);
    round_trip::<MerkleRoot>(data);
    round_trip::<WitnessMerkleRoot>(data);
    round_trip::<KawpowHeaderHash>(data);
    round_trip::<MixHash>(data);
    round_trip::<LegacySighash>(data);
    round_trip::<SegwitV0Sighash>(data);
    let bytes = decode_prefix::<Txid>(data).ok().map(|(h, _)| h.to_byte_array());
    assert_eq!(bytes.as_ref().map(<[u8; 32]>::as_slice), data.get(..32));
    assert_eq!(decode_prefix::<BlockHash>(data).ok().map(|(h, _)| h.to_byte_array()), bytes);
    assert_eq!(decode_prefix::<MixHash>(data).ok().map(|(h, _)| h.to_byte_array()), bytes);
}

/// `FromStr` of the hash newtypes (byte-reversed hex) and of the hash160 newtypes (plain hex): a
/// parsed value prints back as the same hex in lower case, parses back to itself, and every
/// newtype of a kind accepts exactly the same strings.
pub fn parse_hash(data: &[u8]) {
    use aipg_primitives::hash::{BlockHash, MixHash, Txid};
    use aipg_primitives::script::{PubkeyHash, ScriptHash};
    let Ok(text) = core::str::from_utf8(data) else { return };
    let hex_of_len = |n: usize| text.len() == n && text.bytes().all(|b| b.is_ascii_hexdigit());
    match text.parse::<Txid>() {
        Ok(txid) => {
            assert_eq!(txid.to_string(), text.to_ascii_lowercase());
            assert_eq!(txid.to_string().parse::<Txid>().ok(), Some(txid));
            let reversed: String =
                txid.to_byte_array().iter().rev().map(|b| format!("{b:02x}")).collect();
            assert_eq!(reversed, text.to_ascii_lowercase());
            let block = text.parse::<BlockHash>().expect("same rules as Txid");
            assert_eq!(block.to_byte_array(), txid.to_byte_array());
            let mix = text.parse::<MixHash>().expect("same rules as Txid");
            assert_eq!(mix.to_byte_array(), txid.to_byte_array());
        }
        Err(_) => {
            assert!(!hex_of_len(64), "64 hex digits refused");
            assert!(text.parse::<BlockHash>().is_err());
        }
    }
    match text.parse::<PubkeyHash>() {
        Ok(hash) => {
            assert_eq!(hash.to_string(), text.to_ascii_lowercase());
            assert_eq!(hash.to_string().parse::<PubkeyHash>().ok(), Some(hash));
            let script = text.parse::<ScriptHash>().expect("same rules as PubkeyHash");
            assert_eq!(script.to_string(), hash.to_string());
        }
        Err(_) => {
            assert!(!hex_of_len(40), "40 hex digits refused");
            assert!(text.parse::<ScriptHash>().is_err());
        }
    }
}

/// `FromStr` of `U256` (big-endian hex, 1 to 64 digits): a parsed value prints as the same
/// digits in lower case, zero-padded to 64, and parses back to itself; anything else is refused.
pub fn parse_u256(data: &[u8]) {
    let Ok(text) = core::str::from_utf8(data) else { return };
    match text.parse::<aipg_primitives::U256>() {
        Ok(value) => {
            let shown = value.to_string();
            assert_eq!(shown, format!("{:0>64}", text.to_ascii_lowercase()));
            assert_eq!(shown.parse(), Ok(value));
        }
        Err(_) => {
            let valid =
                (1..=64).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_hexdigit());
            assert!(!valid, "{text:?} refused");
        }
    }
}

/// WIF private keys on a network picked by the first byte: a parsed key prints back as the same
/// string (Base58 skips surrounding white space) and reads back as the same key.
pub fn parse_wif(data: &[u8]) {
    use aipg_primitives::address::PrivateKey;
    let Some((params, rest)) = network_and_rest(data) else { return };
    let Ok(text) = core::str::from_utf8(rest) else { return };
    if let Ok(key) = PrivateKey::from_wif(text, params) {
        let wif = key.to_wif(params);
        assert_eq!(wif, text.trim_matches(|c: char| c.is_ascii_whitespace() || c == '\x0b'));
        assert_eq!(PrivateKey::from_wif(&wif, params), Ok(key.clone()));
        assert_eq!(PrivateKey::new(*key.secret_bytes(), key.is_compressed()), Ok(key));
    }
}

/// Asset names: a valid name keeps its text, parses the same through `FromStr`, has its parent as
/// a prefix and is an owner name exactly when its kind says so; an invalid one is no owner name.
pub fn parse_asset_name(data: &[u8]) {
    use aipg_primitives::asset::{AssetKind, AssetName, is_owner_name};
    let Ok(text) = core::str::from_utf8(data) else { return };
    match AssetName::new(text) {
        Ok(name) => {
            assert_eq!(name.as_str(), text);
            assert_eq!(name.to_string(), text);
            assert_eq!(text.parse::<AssetName>().as_ref(), Ok(&name));
            assert!(text.starts_with(name.parent()), "{text}: parent {}", name.parent());
            assert_eq!(is_owner_name(text), name.kind() == AssetKind::Owner);
            if let Some(owner) = name.owner_name() {
                assert!(owner.ends_with('!'));
            }
        }
        Err(_) => assert!(!is_owner_name(text)),
    }
}

/// The reference's script notation (`ParseScript`): words are independent, so a script is the
/// concatenation of its words parsed alone, and a refusal names the first word refused alone.
pub fn parse_script_asm(data: &[u8]) {
    use aipg_primitives::script::AsmParseError;
    let Ok(text) = core::str::from_utf8(data) else { return };
    let mut joined = Vec::new();
    let mut refused = None;
    for (index, word) in text.split([' ', '\t', '\n']).filter(|w| !w.is_empty()).enumerate() {
        match ScriptBuf::from_asm(word) {
            Ok(script) => joined.extend_from_slice(script.as_bytes()),
            Err(_) => {
                refused = Some(AsmParseError::UnknownWord(index));
                break;
            }
        }
    }
    match ScriptBuf::from_asm(text) {
        Ok(script) => {
            assert_eq!(refused, None);
            assert_eq!(script.as_bytes(), joined.as_slice());
            let _ = script.as_script().to_asm();
        }
        Err(e) => assert_eq!(Some(e), refused),
    }
}

#[cfg(test)]
mod tests {
    use super::TARGETS;
    use std::path::Path;

    /// Every target has a wrapper file and at least one seed, and every seed replays cleanly.
    #[test]
    fn replay_corpora() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = 0;
        for t in TARGETS {
            let wrapper = root.join("fuzz_targets").join(t.krate).join(format!("{}.rs", t.name));
            assert!(wrapper.exists(), "{} has no wrapper {}", t.name, wrapper.display());
            let corpus = root.join("corpus").join(t.name);
            let dir = std::fs::read_dir(&corpus).unwrap_or_else(|e| {
                panic!("{} has no seed corpus {}: {e}", t.name, corpus.display())
            });
            let mut seeds = 0;
            for entry in dir {
                let data = std::fs::read(entry.expect("corpus entry").path()).expect("corpus file");
                (t.run)(&data);
                seeds += 1;
            }
            assert!(seeds > 0, "{} has an empty seed corpus {}", t.name, corpus.display());
            files += seeds;
        }
        eprintln!("replayed {files} corpus files over {} targets", TARGETS.len());
    }
}
