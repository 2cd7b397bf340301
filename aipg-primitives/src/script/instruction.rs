// SPDX-License-Identifier: MIT
//! Iterating over a script's instructions the way the reference's `CScript::GetOp` does.

#![cfg_attr(not(test), warn(clippy::arithmetic_side_effects))]

use super::opcodes::{self, Opcode};

/// Why a script could not be parsed into instructions.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ScriptError {
    /// A push opcode announced more bytes than the script has left, or a PUSHDATA length field
    /// was cut short.
    #[error(
        "truncated push at byte {position}: opcode 0x{opcode:02x} needs {needed} bytes, {remaining} left"
    )]
    TruncatedPush {
        /// Offset of the push opcode.
        position: usize,
        /// The push opcode.
        opcode: u8,
        /// Bytes the push needs after the opcode (length field and data).
        needed: u64,
        /// Bytes that were left after the opcode.
        remaining: usize,
    },
}

/// One instruction of a script, as `GetOp` returns it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Instruction<'a> {
    /// A push opcode (`0x00`–`0x4e`) and the bytes it pushes.
    PushBytes {
        /// The opcode used (`OP_0`, a direct push, or a PUSHDATA opcode).
        opcode: Opcode,
        /// The pushed bytes.
        data: &'a [u8],
    },
    /// Any other opcode except `OP_AIPG_ASSET`.
    Op(Opcode),
    /// `OP_AIPG_ASSET` (0xc0) and every byte after it: the reference reads the rest of the
    /// script as this opcode's data, so it is always the last instruction.
    Asset(&'a [u8]),
}

impl<'a> Instruction<'a> {
    /// Returns the opcode.
    #[inline]
    pub const fn opcode(&self) -> Opcode {
        match self {
            Instruction::PushBytes { opcode, .. } => *opcode,
            Instruction::Op(op) => *op,
            Instruction::Asset(_) => opcodes::OP_AIPG_ASSET,
        }
    }

    /// Returns the data `GetOp` returns with the opcode: the pushed bytes, the bytes after
    /// `OP_AIPG_ASSET`, or an empty slice.
    #[inline]
    pub const fn data(&self) -> &'a [u8] {
        match self {
            Instruction::PushBytes { data, .. } => data,
            Instruction::Op(_) => &[],
            Instruction::Asset(data) => data,
        }
    }

    /// Returns the pushed bytes of a push instruction.
    #[inline]
    pub const fn push_bytes(&self) -> Option<&'a [u8]> {
        match self {
            Instruction::PushBytes { data, .. } => Some(data),
            _ => None,
        }
    }
}

/// An iterator over the instructions of a script (see [`Script::instructions`]).
///
/// It yields `Err` once, at the first truncated push, and then ends; it never panics.
///
/// [`Script::instructions`]: super::Script::instructions
#[derive(Debug, Clone)]
pub struct Instructions<'a> {
    script: &'a [u8],
    pos: usize,
    done: bool,
}

impl<'a> Instructions<'a> {
    pub(super) const fn new(script: &'a [u8]) -> Self {
        Instructions { script, pos: 0, done: false }
    }

    /// Returns the offset of the next instruction (the script length once all were read).
    #[inline]
    pub const fn position(&self) -> usize {
        self.pos
    }

    /// Returns the bytes not yet read.
    #[inline]
    pub fn remaining(&self) -> &'a [u8] {
        self.script.get(self.pos..).unwrap_or_default()
    }

    fn truncated(&mut self, position: usize, opcode: u8, needed: u64) -> ScriptError {
        self.done = true;
        let remaining = self.script.len().saturating_sub(position.saturating_add(1));
        ScriptError::TruncatedPush { position, opcode, needed, remaining }
    }

    fn step(&mut self) -> Option<Result<Instruction<'a>, ScriptError>> {
        let start = self.pos;
        let opcode = *self.script.get(start)?;
        let rest = self.script.get(start.saturating_add(1)..).unwrap_or_default();
        let (len_field, size): (usize, u64) = match opcode {
            0x00..=0x4b => (0, u64::from(opcode)),
            0x4c => match rest.first() {
                Some(&n) => (1, u64::from(n)),
                None => return Some(Err(self.truncated(start, opcode, 1))),
            },
            0x4d => match rest.get(..2).and_then(|b| <[u8; 2]>::try_from(b).ok()) {
                Some(b) => (2, u64::from(u16::from_le_bytes(b))),
                None => return Some(Err(self.truncated(start, opcode, 2))),
            },
            0x4e => match rest.get(..4).and_then(|b| <[u8; 4]>::try_from(b).ok()) {
                Some(b) => (4, u64::from(u32::from_le_bytes(b))),
                None => return Some(Err(self.truncated(start, opcode, 4))),
            },
            0xc0 => {
                self.pos = self.script.len();
                return Some(Ok(Instruction::Asset(rest)));
            }
            _ => {
                self.pos = start.saturating_add(1);
                return Some(Ok(Instruction::Op(Opcode::from_u8(opcode))));
            }
        };
        let after_len = rest.get(len_field..).unwrap_or_default();
        // `size` is at most u32::MAX; comparing as u64 avoids any truncation.
        let data = match usize::try_from(size).ok().and_then(|n| after_len.get(..n)) {
            Some(data) => data,
            None => {
                let needed = (len_field as u64).saturating_add(size);
                return Some(Err(self.truncated(start, opcode, needed)));
            }
        };
        self.pos = start.saturating_add(1).saturating_add(len_field).saturating_add(data.len());
        Some(Ok(Instruction::PushBytes { opcode: Opcode::from_u8(opcode), data }))
    }
}

impl<'a> Iterator for Instructions<'a> {
    type Item = Result<Instruction<'a>, ScriptError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let item = self.step();
        if item.is_none() {
            self.done = true;
        }
        item
    }
}

impl core::iter::FusedIterator for Instructions<'_> {}
