// SPDX-License-Identifier: MIT
//! Asm rendering as the reference's `ScriptToAsmStr` (`src/core_write.cpp`) prints it.

use super::Script;
use super::instruction::Instruction;
use super::num::decode_script_num;
use alloc::string::String;
use core::fmt::Write;

/// Writes the asm form of `script`; with `decode_sighash`, pushes that are strictly encoded
/// signatures show their hash type as a `[ALL]`-style suffix instead of the last byte.
pub(super) fn write_asm<W: Write>(
    script: Script<'_>,
    decode_sighash: bool,
    out: &mut W,
) -> core::fmt::Result {
    let mut first = true;
    for ins in script.instructions() {
        if !first {
            out.write_char(' ')?;
        }
        first = false;
        match ins {
            Err(_) => return out.write_str("[error]"),
            Ok(Instruction::Asset(data)) => {
                // The reference prints everything after the asset opcode as one hex string.
                out.write_str("OP_AIPG_ASSET ")?;
                write_hex(data, out)?;
            }
            Ok(Instruction::PushBytes { data, .. }) => {
                if data.len() <= 4 {
                    // At most 4 bytes always decode, and fit the reference's `int` range.
                    write!(out, "{}", decode_script_num(data).unwrap_or_default())?;
                } else if decode_sighash && !script.is_unspendable() {
                    match sighash_suffix(data) {
                        Some((sig, name)) => {
                            write_hex(sig, out)?;
                            write!(out, "[{name}]")?;
                        }
                        None => write_hex(data, out)?,
                    }
                } else {
                    write_hex(data, out)?;
                }
            }
            Ok(Instruction::Op(op)) => out.write_str(op.name())?,
        }
    }
    Ok(())
}

/// Returns the asm string (see [`write_asm`]).
pub(super) fn to_asm(script: Script<'_>, decode_sighash: bool) -> String {
    let mut s = String::new();
    // Writing into a String cannot fail.
    let _ = write_asm(script, decode_sighash, &mut s);
    s
}

fn write_hex<W: Write>(bytes: &[u8], out: &mut W) -> core::fmt::Result {
    for b in bytes {
        write!(out, "{b:02x}")?;
    }
    Ok(())
}

/// For a push that passes the reference's strict signature-encoding check (`CheckSignatureEncoding`
/// with STRICTENC: BIP66 DER plus a defined hash type), returns the signature without its hash-type
/// byte and the hash type's name.
fn sighash_suffix(data: &[u8]) -> Option<(&[u8], &'static str)> {
    let (&hash_type, sig) = data.split_last()?;
    if !is_valid_signature_encoding(data) {
        return None;
    }
    let name = match hash_type {
        0x01 => "ALL",
        0x81 => "ALL|ANYONECANPAY",
        0x02 => "NONE",
        0x82 => "NONE|ANYONECANPAY",
        0x03 => "SINGLE",
        0x83 => "SINGLE|ANYONECANPAY",
        _ => return None,
    };
    Some((sig, name))
}

/// BIP66 strict DER check of a signature followed by its hash-type byte
/// (`IsValidSignatureEncoding` in `src/script/interpreter.cpp`).
pub(crate) fn is_valid_signature_encoding(sig: &[u8]) -> bool {
    let len = sig.len();
    if !(9..=73).contains(&len) {
        return false;
    }
    let at = |i: usize| sig.get(i).copied().unwrap_or(0);
    if at(0) != 0x30 || usize::from(at(1)) != len - 3 {
        return false;
    }
    let len_r = usize::from(at(3));
    if 5 + len_r >= len {
        return false;
    }
    let len_s = usize::from(at(5 + len_r));
    if len_r + len_s + 7 != len {
        return false;
    }
    if at(2) != 0x02 || len_r == 0 || at(4) & 0x80 != 0 {
        return false;
    }
    if len_r > 1 && at(4) == 0x00 && at(5) & 0x80 == 0 {
        return false;
    }
    if at(len_r + 4) != 0x02 || len_s == 0 || at(len_r + 6) & 0x80 != 0 {
        return false;
    }
    if len_s > 1 && at(len_r + 6) == 0x00 && at(len_r + 7) & 0x80 == 0 {
        return false;
    }
    true
}
