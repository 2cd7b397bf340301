//! `tx decode`, `block decode`, `header decode`, `address decode` and `script asm`.

use super::{CliError, Ctx, HexArg};
use aipg_primitives::block::{Block, BlockHeader};
use aipg_primitives::encode::{DecodeWith, Reader};
use aipg_primitives::network::NetworkParams;
use aipg_primitives::script::ScriptBuf;
use aipg_primitives::transaction::{Transaction, TxIn, TxOut};
use serde_json::{Value, json};

pub(crate) fn tx(ctx: &mut Ctx<'_>, input: &HexArg) -> Result<Value, CliError> {
    let bytes = ctx.hex_input(input)?;
    let tx: Transaction = aipg_primitives::decode_exact(&bytes).map_err(CliError::invalid)?;
    Ok(tx_json(&tx, ctx.params))
}

pub(crate) fn tx_json(tx: &Transaction, params: &NetworkParams) -> Value {
    json!({
        "txid": tx.txid().to_string(),
        "wtxid": tx.wtxid().to_string(),
        "version": tx.version,
        "locktime": tx.lock_time,
        "size": tx.total_size(),
        "vsize": tx.vsize(),
        "weight": tx.weight(),
        "coinbase": tx.is_coinbase(),
        "vin": tx.input.iter().map(|i| txin_json(i, tx.is_coinbase())).collect::<Vec<_>>(),
        "vout": tx.output.iter().enumerate().map(|(n, o)| txout_json(n, o, params)).collect::<Vec<_>>(),
    })
}

fn txin_json(input: &TxIn, coinbase: bool) -> Value {
    let witness: Vec<String> = input.witness.iter().map(hex::encode).collect();
    if coinbase {
        json!({
            "coinbase": input.script_sig.to_hex(),
            "sequence": input.sequence,
            "witness": witness,
        })
    } else {
        json!({
            "txid": input.previous_output.txid.to_string(),
            "vout": input.previous_output.vout,
            "script_sig": script_json(&input.script_sig),
            "sequence": input.sequence,
            "witness": witness,
        })
    }
}

fn txout_json(n: usize, output: &TxOut, params: &NetworkParams) -> Value {
    let mut v = json!({
        "n": n,
        "value_sat": output.value,
        "script_pubkey": script_json(&output.script_pubkey),
    });
    super::script_info::describe_output(&output.script_pubkey, params, &mut v);
    v
}

fn script_json(script: &ScriptBuf) -> Value {
    json!({ "hex": script.to_hex(), "asm": super::script_info::asm(script) })
}

pub(crate) fn header(ctx: &mut Ctx<'_>, input: &HexArg) -> Result<Value, CliError> {
    let bytes = ctx.hex_input(input)?;
    let mut r = Reader::new(&bytes);
    let header = BlockHeader::decode_with(&mut r, ctx.params).map_err(CliError::invalid)?;
    r.finish().map_err(CliError::invalid)?;
    Ok(header_json(&header, ctx.params))
}

pub(crate) fn header_json(header: &BlockHeader, params: &NetworkParams) -> Value {
    let kawpow = header.is_kawpow(params);
    let mut v = json!({
        "hash": header.block_hash(params).to_string(),
        "algorithm": header.pow_algorithm(params).as_str(),
        "size": if kawpow { 120 } else { 80 },
        "version": header.version,
        "version_hex": format!("{:08x}", header.version),
        "prev_blockhash": header.prev_blockhash.to_string(),
        "merkle_root": header.merkle_root.to_string(),
        "time": header.time,
        "bits": format!("{:08x}", header.bits),
    });
    let fields = v.as_object_mut().expect("built as an object above");
    if kawpow {
        fields.insert("height".into(), json!(header.height));
        fields.insert("nonce64".into(), json!(header.nonce64));
        fields.insert("mix_hash".into(), json!(header.mix_hash.to_string()));
        fields.insert("kawpow_header_hash".into(), json!(header.kawpow_header_hash().to_string()));
    } else {
        fields.insert("nonce".into(), json!(header.nonce));
    }
    v
}

pub(crate) fn block(ctx: &mut Ctx<'_>, input: &HexArg) -> Result<Value, CliError> {
    let bytes = ctx.hex_input(input)?;
    let mut r = Reader::new(&bytes);
    let block = Block::decode_with(&mut r, ctx.params).map_err(CliError::invalid)?;
    r.finish().map_err(CliError::invalid)?;
    let (root, mutated) = block.compute_merkle_root();
    let t = ctx.params;
    Ok(json!({
        "hash": block.header.block_hash(ctx.params).to_string(),
        "header": header_json(&block.header, ctx.params),
        "tx_count": block.txdata.len(),
        "txids": block.txdata.iter().map(|t| t.txid().to_string()).collect::<Vec<_>>(),
        "merkle_root": root.to_string(),
        "merkle_root_matches": root == block.header.merkle_root,
        "merkle_tree_mutated": mutated,
        "size": block.total_size(t),
        "stripped_size": block.stripped_size(t),
        "weight": block.weight(t),
        "tx": block.txdata.iter().map(|t| tx_json(t, ctx.params)).collect::<Vec<_>>(),
    }))
}

pub(crate) fn address(ctx: &Ctx<'_>, address: &str) -> Result<Value, CliError> {
    super::script_info::address(address, ctx.params)
}

pub(crate) fn script(ctx: &mut Ctx<'_>, input: &HexArg) -> Result<Value, CliError> {
    let script = ScriptBuf::from_bytes(ctx.hex_input(input)?);
    let mut v = json!({ "hex": script.to_hex(), "asm": super::script_info::asm(&script) });
    super::script_info::describe_output(&script, ctx.params, &mut v);
    Ok(v)
}
