// SPDX-License-Identifier: MIT
//! Building scripts the way the reference's `CScript::operator<<` does.

use super::ScriptBuf;
use super::num::encode_script_num;
use super::opcodes::{self, Opcode};
use alloc::vec::Vec;

/// Builds a script opcode by opcode.
///
/// Pushes use the reference's encoding: a direct push below 76 bytes, then PUSHDATA1, PUSHDATA2
/// and PUSHDATA4 by size; integers are pushed as `CScript << int64` does.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Builder(Vec<u8>);

impl Builder {
    /// Starts an empty script.
    #[inline]
    pub const fn new() -> Self {
        Builder(Vec::new())
    }

    /// Appends an opcode byte.
    #[must_use]
    pub fn push_opcode(mut self, op: Opcode) -> Self {
        self.0.push(op.to_u8());
        self
    }

    /// Appends a push of `data` with the smallest push opcode the reference would use.
    ///
    /// Data longer than `u32::MAX` bytes cannot be pushed by any script and is truncated in the
    /// length field, as in the reference; real scripts are limited to 10,000 bytes.
    #[must_use]
    pub fn push_slice(mut self, data: &[u8]) -> Self {
        push_data(&mut self.0, data);
        self
    }

    /// Appends an integer as `CScript << int64` does: `OP_0`, `OP_1NEGATE`, `OP_1`…`OP_16`,
    /// or a push of the minimal script-number bytes.
    #[must_use]
    pub fn push_int(mut self, n: i64) -> Self {
        match n {
            -1 => self.0.push(opcodes::OP_1NEGATE.to_u8()),
            0..=16 => {
                let op =
                    u8::try_from(n).ok().and_then(Opcode::from_small_int).unwrap_or(opcodes::OP_0);
                self.0.push(op.to_u8());
            }
            _ => push_data(&mut self.0, &encode_script_num(n)),
        }
        self
    }

    /// Appends raw bytes without any push opcode.
    #[must_use]
    pub fn push_raw(mut self, bytes: &[u8]) -> Self {
        self.0.extend_from_slice(bytes);
        self
    }

    /// Returns the bytes built so far.
    #[inline]
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// Finishes the script.
    #[inline]
    pub fn into_script(self) -> ScriptBuf {
        ScriptBuf::from_bytes(self.0)
    }
}

impl From<Builder> for ScriptBuf {
    fn from(b: Builder) -> Self {
        b.into_script()
    }
}

/// Appends a push of `data` to `out` using the reference's choice of push opcode.
#[allow(clippy::cast_possible_truncation)] // Each cast is guarded by the size test before it.
pub(crate) fn push_data(out: &mut Vec<u8>, data: &[u8]) {
    let len = data.len();
    if len < 0x4c {
        // Below 76, so the length is the opcode.
        out.push(len as u8);
    } else if len <= 0xff {
        out.push(0x4c);
        out.push(len as u8);
    } else if len <= 0xffff {
        out.push(0x4d);
        out.extend_from_slice(&(len as u16).to_le_bytes());
    } else {
        out.push(0x4e);
        // Longer data cannot appear in a valid script; the reference truncates the same way.
        out.extend_from_slice(&(len as u32).to_le_bytes());
    }
    out.extend_from_slice(data);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::script::opcodes::*;

    #[test]
    fn push_sizes() {
        let s = |n: usize| Builder::new().push_slice(&alloc::vec![7u8; n]).into_script();
        assert_eq!(s(0).as_bytes(), [0x00]);
        assert_eq!(s(75).as_bytes()[0], 75);
        assert_eq!(s(76).as_bytes()[..2], [0x4c, 76]);
        assert_eq!(s(255).as_bytes()[..2], [0x4c, 255]);
        assert_eq!(s(256).as_bytes()[..3], [0x4d, 0, 1]);
        assert_eq!(s(65536).as_bytes()[..5], [0x4e, 0, 0, 1, 0]);
    }

    #[test]
    fn push_ints() {
        let s = |n| hex::encode(Builder::new().push_int(n).into_script().as_bytes());
        assert_eq!(s(0), "00");
        assert_eq!(s(-1), "4f");
        assert_eq!(s(1), "51");
        assert_eq!(s(16), "60");
        assert_eq!(s(17), "0111");
        assert_eq!(s(-2), "0182");
        assert_eq!(s(500_000), "0320a107");
        let p2pkh = Builder::new()
            .push_opcode(OP_DUP)
            .push_opcode(OP_HASH160)
            .push_slice(&[0u8; 20])
            .push_opcode(OP_EQUALVERIFY)
            .push_opcode(OP_CHECKSIG)
            .into_script();
        assert!(p2pkh.as_script().is_p2pkh());
    }
}
