// SPDX-License-Identifier: MIT
//! Parsing the asm-like script notation of the reference's test data (`ParseScript` in
//! `src/core_read.cpp`), as used by `script_tests.json`, `tx_valid.json` and `tx_invalid.json`.

use super::ScriptBuf;
use super::builder::Builder;
use super::opcodes::Opcode;

/// Why a script string could not be parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AsmParseError {
    /// A word is neither a number, `0x` hex, a quoted string nor an opcode name.
    #[error("script parse error at word {0}")]
    UnknownWord(usize),
}

/// Returns the opcode for a name, with or without `OP_`, as the reference's table holds them:
/// `OP_RESERVED` and every named opcode from `OP_NOP` to `OP_NOP10` (so neither push opcodes,
/// small integers nor `OP_AIPG_ASSET`).
fn opcode_by_name(word: &str) -> Option<Opcode> {
    (0x50..=0xb9u8).filter(|&b| b == 0x50 || b >= 0x61).map(Opcode::from_u8).find(|op| {
        let name = op.name();
        name != "OP_UNKNOWN" && (name == word || name.strip_prefix("OP_") == Some(word))
    })
}

/// Saturating decimal parse as `strtoll` does for the digit strings the number rule admits.
fn parse_number(word: &str) -> i64 {
    let (negative, digits) = match word.strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, word),
    };
    let mut value: i128 = 0;
    for c in digits.bytes() {
        value = (value * 10 + i128::from(c - b'0')).min(i128::from(i64::MAX) + 1);
    }
    let value = if negative { -value } else { value };
    let clamped = value.clamp(i128::from(i64::MIN), i128::from(i64::MAX));
    i64::try_from(clamped).unwrap_or(if negative { i64::MIN } else { i64::MAX })
}

impl ScriptBuf {
    /// Parses the reference's test notation (`ParseScript`): words separated by spaces, tabs
    /// or newlines; decimal numbers are pushed as `CScript << n`; `0x…` hex is inserted raw;
    /// `'text'` is pushed as data; opcode names with or without `OP_` are appended.
    ///
    /// # Errors
    /// [`AsmParseError::UnknownWord`] with the index of the first word that fits no rule.
    pub fn from_asm(s: &str) -> Result<ScriptBuf, AsmParseError> {
        let mut b = Builder::new();
        let words = s.split([' ', '\t', '\n']).filter(|w| !w.is_empty());
        for (index, w) in words.enumerate() {
            let digits = w.strip_prefix('-').unwrap_or(w);
            if digits.bytes().all(|c| c.is_ascii_digit()) {
                b = b.push_int(parse_number(w));
            } else if let Some(hex) =
                w.strip_prefix("0x").filter(|h| !h.is_empty() && h.len() % 2 == 0)
            {
                match hex::decode(hex) {
                    Ok(raw) => b = b.push_raw(&raw),
                    Err(_) => return Err(AsmParseError::UnknownWord(index)),
                }
            } else if w.len() >= 2 && w.starts_with('\'') && w.ends_with('\'') {
                b = b.push_slice(w.get(1..w.len() - 1).unwrap_or_default().as_bytes());
            } else if let Some(op) = opcode_by_name(w) {
                b = b.push_opcode(op);
            } else {
                return Err(AsmParseError::UnknownWord(index));
            }
        }
        Ok(b.into_script())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_test_notation() {
        let s = |a: &str| ScriptBuf::from_asm(a).map(|s| s.to_hex());
        assert_eq!(
            s("DUP HASH160 0x14 0x0011223344556677889900112233445566778899 EQUALVERIFY CHECKSIG")
                .unwrap(),
            "76a914001122334455667788990011223344556677889988ac"
        );
        assert_eq!(s("0 -1 1 16 17 -2 1000").unwrap(), "004f51600111018202e803");
        assert_eq!(s("'Az' ''").unwrap(), "02417a00");
        assert_eq!(
            s("OP_NOP10 NOP1 CHECKLOCKTIMEVERIFY RESERVED OP_RESERVED").unwrap(),
            "b9b0b15050"
        );
        assert_eq!(s("  \t\n").unwrap(), "");
        assert_eq!(s("-").unwrap(), "00");
        assert_eq!(s("9223372036854775808").unwrap(), "08ffffffffffffff7f");
        assert_eq!(s("NOP2"), Err(AsmParseError::UnknownWord(0)));
        assert_eq!(s("1 OP_AIPG_ASSET"), Err(AsmParseError::UnknownWord(1)));
        assert_eq!(s("PUSHDATA1"), Err(AsmParseError::UnknownWord(0)));
        assert_eq!(s("0x"), Err(AsmParseError::UnknownWord(0)));
        assert_eq!(s("0xabc"), Err(AsmParseError::UnknownWord(0)));
        assert_eq!(s("0xzz"), Err(AsmParseError::UnknownWord(0)));
    }
}
