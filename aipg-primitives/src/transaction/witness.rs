// SPDX-License-Identifier: MIT
//! The witness stack of one transaction input.

use crate::encode::{
    Decode, DecodeError, Encode, Reader, Sink, compact_size_len, write_compact_size,
};
use alloc::vec::Vec;
use core::fmt;

/// The most items one witness stack may announce: every item takes at least one byte and a block
/// is at most `MAX_BLOCK_SERIALIZED_SIZE` bytes.
#[allow(clippy::cast_possible_truncation)] // 8,000,000 fits in every usize
pub const MAX_WITNESS_ITEMS: usize = crate::network::MAX_BLOCK_SERIALIZED_SIZE as usize;

/// The witness of one input (`CScriptWitness`): a stack of byte vectors, serialized as a
/// CompactSize item count followed by each item as a byte vector.
///
/// Items are kept in one buffer with their end offsets, so a stack of many small items costs one
/// offset per item rather than one allocation per item.
#[derive(Clone, PartialEq, Eq, Hash, Default)]
pub struct Witness {
    content: Vec<u8>,
    ends: Vec<usize>,
}

impl Witness {
    /// Creates an empty witness.
    pub const fn new() -> Self {
        Witness { content: Vec::new(), ends: Vec::new() }
    }

    /// Creates a witness from a list of items.
    pub fn from_slice<T: AsRef<[u8]>>(items: &[T]) -> Self {
        let mut w = Witness::new();
        for item in items {
            w.push(item.as_ref());
        }
        w
    }

    /// Appends an item to the top of the stack.
    pub fn push(&mut self, item: &[u8]) {
        self.content.extend_from_slice(item);
        self.ends.push(self.content.len());
    }

    /// Removes every item.
    pub fn clear(&mut self) {
        self.content.clear();
        self.ends.clear();
    }

    /// Returns the number of items.
    #[inline]
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Returns true if the stack has no items.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Returns item `index` (0 is the bottom of the stack, the first serialized item).
    pub fn get(&self, index: usize) -> Option<&[u8]> {
        let end = *self.ends.get(index)?;
        let start = match index.checked_sub(1) {
            Some(prev) => *self.ends.get(prev)?,
            None => 0,
        };
        self.content.get(start..end)
    }

    /// Returns the last (top) item.
    pub fn last(&self) -> Option<&[u8]> {
        self.get(self.len().checked_sub(1)?)
    }

    /// Iterates over the items from the first serialized one.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &[u8]> + '_ {
        (0..self.len()).map(|i| self.get(i).unwrap_or_default())
    }

    /// Returns the items as separate vectors.
    pub fn to_vec(&self) -> Vec<Vec<u8>> {
        self.iter().map(<[u8]>::to_vec).collect()
    }

    /// Returns the total number of item bytes (without length prefixes).
    #[inline]
    pub fn content_len(&self) -> usize {
        self.content.len()
    }
}

impl<T: AsRef<[u8]>> From<Vec<T>> for Witness {
    fn from(items: Vec<T>) -> Self {
        Witness::from_slice(&items)
    }
}

impl fmt::Debug for Witness {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        struct Hex<'a>(&'a [u8]);
        impl fmt::Debug for Hex<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                for b in self.0 {
                    write!(f, "{b:02x}")?;
                }
                Ok(())
            }
        }
        f.debug_list().entries(self.iter().map(Hex)).finish()
    }
}

impl Encode for Witness {
    fn encode<S: Sink + ?Sized>(&self, sink: &mut S) {
        write_compact_size(sink, self.len() as u64);
        for item in self.iter() {
            write_compact_size(sink, item.len() as u64);
            sink.write_all(item);
        }
    }

    fn encoded_len(&self) -> usize {
        self.iter().fold(compact_size_len(self.len() as u64), |acc, item| {
            acc + compact_size_len(item.len() as u64) + item.len()
        })
    }
}

impl Decode for Witness {
    /// An empty stack: its item count, zero.
    const MIN_ENCODED_LEN: usize = 1;

    /// Reads a witness stack. The item count is checked against [`MAX_WITNESS_ITEMS`] and
    /// against the bytes left (each item takes at least one), and every item is found in the
    /// input, before anything is reserved; the two buffers are then allocated once, at their
    /// final size: one offset per item and the item bytes, which is at most
    /// `size_of::<usize>()` bytes per input byte.
    fn decode(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let count = r.read_compact_size()?;
        let max = MAX_WITNESS_ITEMS.min(r.remaining()) as u64;
        if count > max {
            if count > MAX_WITNESS_ITEMS as u64 {
                return Err(DecodeError::TooLarge {
                    what: "witness items",
                    got: count,
                    max: MAX_WITNESS_ITEMS as u64,
                });
            }
            return Err(DecodeError::UnexpectedEnd {
                needed: usize::try_from(count).unwrap_or(usize::MAX),
                remaining: r.remaining(),
            });
        }
        // `count <= remaining`, which is a usize.
        #[allow(clippy::cast_possible_truncation)]
        let count = count as usize;
        // A first pass over a copy of the reader checks that every item is there and adds up
        // their lengths, which a slice of the input bounds.
        let mut scan = r.clone();
        let mut content_len = 0usize;
        for _ in 0..count {
            content_len = content_len.saturating_add(scan.read_var_bytes()?.len());
        }
        let mut w =
            Witness { content: Vec::with_capacity(content_len), ends: Vec::with_capacity(count) };
        for _ in 0..count {
            let item = r.read_var_bytes()?;
            w.push(item);
        }
        Ok(w)
    }
}

#[cfg(any(test, feature = "proptest-impl"))]
impl proptest::arbitrary::Arbitrary for Witness {
    type Parameters = ();
    type Strategy = proptest::strategy::BoxedStrategy<Self>;
    fn arbitrary_with(_: ()) -> Self::Strategy {
        use proptest::prelude::*;
        proptest::collection::vec(proptest::collection::vec(any::<u8>(), 0..80), 0..5)
            .prop_map(Witness::from)
            .boxed()
    }
}
