//! Script rendering shared by the decode commands: asm, standard type, address and asset payload.

use super::CliError;
use aipg_primitives::address::Address;
use aipg_primitives::asset::{AssetOutput, AssetPayload, asset_kind};
use aipg_primitives::network::NetworkParams;
use aipg_primitives::script::{Destination, ScriptBuf};
use serde_json::{Map, Value, json};

/// Core-style asm of a script.
pub(crate) fn asm(script: &ScriptBuf) -> String {
    script.as_script().to_asm()
}

/// Adds `type`, and where they exist `address` and `asset`, to the JSON object `out`.
pub(crate) fn describe_output(script: &ScriptBuf, params: &NetworkParams, out: &mut Value) {
    let Some(fields) = out.as_object_mut() else { return };
    let s = script.as_script();
    fields.insert("type".into(), json!(s.script_type().as_str()));
    if let Some(dest) = s.destination() {
        fields.insert("address".into(), json!(Address::new(dest, params).to_string()));
    }
    if let Ok(asset) = AssetOutput::from_script(s) {
        fields.insert("asset".into(), asset_json(&asset.payload));
    }
}

fn asset_json(payload: &AssetPayload) -> Value {
    let mut m = Map::new();
    m.insert("name".into(), json!(payload.name()));
    m.insert("amount".into(), json!(payload.amount()));
    let kind = match payload {
        AssetPayload::New(_) => "new",
        AssetPayload::Owner(_) => "owner",
        AssetPayload::Transfer(_) => "transfer",
        AssetPayload::Reissue(_) => "reissue",
    };
    m.insert("kind".into(), json!(kind));
    if let Ok(name_kind) = asset_kind(payload.name()) {
        m.insert("name_kind".into(), json!(format!("{name_kind:?}").to_lowercase()));
    }
    match payload {
        AssetPayload::New(a) => {
            m.insert("units".into(), json!(a.units));
            m.insert("reissuable".into(), json!(a.reissuable != 0));
            if let Some(h) = &a.ipfs_hash {
                m.insert("ipfs".into(), json!(h.to_string_form()));
            }
        }
        AssetPayload::Reissue(r) => {
            m.insert("units".into(), json!(r.units));
            m.insert("reissuable".into(), json!(r.reissuable != 0));
            if let Some(h) = &r.ipfs_hash {
                m.insert("ipfs".into(), json!(h.to_string_form()));
            }
        }
        AssetPayload::Transfer(t) => {
            if let Some(h) = &t.message {
                m.insert("message".into(), json!(h.to_string_form()));
                m.insert("expire_time".into(), json!(t.expire_time));
            }
        }
        AssetPayload::Owner(_) => {}
    }
    Value::Object(m)
}

/// `address decode`.
pub(crate) fn address(text: &str, params: &NetworkParams) -> Result<Value, CliError> {
    let addr = Address::parse(text, params).map_err(CliError::invalid)?;
    let script = addr.script_pubkey();
    let kind = match addr.destination() {
        Destination::PubkeyHash(_) => "pubkeyhash",
        Destination::ScriptHash(_) => "scripthash",
    };
    Ok(json!({
        "address": text,
        "network": params.network.as_str(),
        "type": kind,
        "version": addr.version(),
        "hash160": hex::encode(addr.hash()),
        "script_pubkey": script.to_hex(),
    }))
}
