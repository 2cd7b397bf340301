/// Why bytes could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DecodeError {
    /// The input ended before the value did.
    #[error("unexpected end of data: needed {needed} more bytes, {remaining} left")]
    UnexpectedEnd {
        /// Bytes the decoder asked for.
        needed: usize,
        /// Bytes that were left.
        remaining: usize,
    },
    /// A CompactSize used a longer form than its value needs.
    #[error("non-canonical compact size")]
    NonCanonicalCompactSize,
    /// A CompactSize announced more than [`MAX_SIZE`](super::MAX_SIZE).
    #[error("compact size too large: {0}")]
    OversizedCompactSize(u64),
    /// A length or count exceeded the limit for what it counts.
    #[error("{what} too large: {got} exceeds {max}")]
    TooLarge {
        /// What was being counted.
        what: &'static str,
        /// The announced value.
        got: u64,
        /// The limit.
        max: u64,
    },
    /// Bytes remained after a value that had to fill its input.
    #[error("{0} trailing bytes after the value")]
    TrailingBytes(usize),
    /// A transaction's extended-serialization flag byte had unknown bits.
    #[error("unknown optional data (flags 0x{0:02x})")]
    UnknownOptionalData(u8),
    /// A value broke a structural rule of its type.
    #[error("invalid {what}: {reason}")]
    Invalid {
        /// The type being decoded.
        what: &'static str,
        /// The rule that was broken.
        reason: &'static str,
    },
}
