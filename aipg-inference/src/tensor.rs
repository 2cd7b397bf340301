// SPDX-License-Identifier: MIT
//! Plain tensors, their canonical byte encoding, and its hash.
//!
//! # Canonical encoding
//!
//! ```text
//! "aipg-tensor-v1"          14 bytes, ASCII domain tag
//! dtype                     1 byte: 1 = f32, 2 = i64, 3 = u8, 4 = i32
//! rank                      4 bytes, u32 little-endian
//! dims                      rank × 8 bytes, u64 little-endian, outermost first
//! data                      the elements in row-major order, little-endian, each in its
//!                           dtype's natural width; f32 keeps its exact bit pattern
//!                           (NaN payloads and the sign of zero included)
//! ```
//!
//! [`TensorHash`] is SHA-256 of exactly these bytes. It does not depend on how ONNX Runtime or
//! `ndarray` lays tensors out in memory, so it can be recomputed anywhere.

use core::fmt;

use sha2::{Digest, Sha256};

/// The domain tag at the start of every canonical tensor encoding.
pub const TENSOR_TAG: &[u8; 14] = b"aipg-tensor-v1";

/// Element types that have a canonical encoding.
pub trait Element: Copy + Default + fmt::Debug + 'static {
    /// The dtype byte of the canonical encoding.
    const DTYPE: u8;
    /// The dtype's name, as in ONNX.
    const NAME: &'static str;
    /// Appends the little-endian bytes of `self`.
    fn put_le(self, out: &mut impl Extend<u8>);
}

impl Element for f32 {
    const DTYPE: u8 = 1;
    const NAME: &'static str = "float32";
    fn put_le(self, out: &mut impl Extend<u8>) {
        out.extend(self.to_bits().to_le_bytes());
    }
}

impl Element for i64 {
    const DTYPE: u8 = 2;
    const NAME: &'static str = "int64";
    fn put_le(self, out: &mut impl Extend<u8>) {
        out.extend(self.to_le_bytes());
    }
}

impl Element for u8 {
    const DTYPE: u8 = 3;
    const NAME: &'static str = "uint8";
    fn put_le(self, out: &mut impl Extend<u8>) {
        out.extend([self]);
    }
}

impl Element for i32 {
    const DTYPE: u8 = 4;
    const NAME: &'static str = "int32";
    fn put_le(self, out: &mut impl Extend<u8>) {
        out.extend(self.to_le_bytes());
    }
}

/// A dense row-major tensor owned by the caller.
#[derive(Debug, Clone, PartialEq)]
pub struct Tensor<T> {
    shape: Vec<usize>,
    data: Vec<T>,
}

impl<T: Element> Tensor<T> {
    /// Builds a tensor, checking that `data` has exactly the number of elements `shape` implies.
    ///
    /// # Errors
    /// [`crate::InferenceError::Model`] when the lengths disagree or the element count overflows.
    pub fn new(shape: Vec<usize>, data: Vec<T>) -> crate::Result<Self> {
        let n = element_count(&shape)
            .ok_or_else(|| crate::InferenceError::Model(format!("shape {shape:?} overflows")))?;
        if n != data.len() {
            return Err(crate::InferenceError::Model(format!(
                "shape {shape:?} needs {n} elements, got {}",
                data.len()
            )));
        }
        Ok(Self { shape, data })
    }

    /// Builds a tensor of `shape` filled with the default value (zero).
    ///
    /// # Errors
    /// [`crate::InferenceError::Model`] when the element count overflows.
    pub fn zeros(shape: Vec<usize>) -> crate::Result<Self> {
        let n = element_count(&shape)
            .ok_or_else(|| crate::InferenceError::Model(format!("shape {shape:?} overflows")))?;
        Ok(Self { shape, data: vec![T::default(); n] })
    }

    /// Returns the shape, outermost dimension first.
    pub fn shape(&self) -> &[usize] {
        &self.shape
    }

    /// Returns the elements in row-major order.
    pub fn data(&self) -> &[T] {
        &self.data
    }

    /// Returns the elements mutably.
    pub fn data_mut(&mut self) -> &mut [T] {
        &mut self.data
    }

    /// Returns the elements, consuming the tensor.
    pub fn into_data(self) -> Vec<T> {
        self.data
    }

    /// Returns the canonical encoding (see the module docs).
    pub fn canonical_bytes(&self) -> Vec<u8> {
        canonical_bytes(&self.shape, &self.data)
    }

    /// Returns the SHA-256 of the canonical encoding.
    pub fn hash(&self) -> TensorHash {
        tensor_hash(&self.shape, &self.data)
    }
}

fn element_count(shape: &[usize]) -> Option<usize> {
    shape.iter().try_fold(1usize, |acc, &d| acc.checked_mul(d))
}

fn header(shape: &[usize], dtype: u8, out: &mut impl Extend<u8>) {
    out.extend(TENSOR_TAG.iter().copied());
    out.extend([dtype]);
    // Ranks above u32::MAX cannot exist in memory; saturate rather than truncate.
    let rank = u32::try_from(shape.len()).unwrap_or(u32::MAX);
    out.extend(rank.to_le_bytes());
    for &d in shape {
        out.extend((d as u64).to_le_bytes());
    }
}

/// Returns the canonical encoding of a tensor given by its shape and row-major data.
pub fn canonical_bytes<T: Element>(shape: &[usize], data: &[T]) -> Vec<u8> {
    let mut out = Vec::with_capacity(19 + 8 * shape.len() + core::mem::size_of_val(data));
    header(shape, T::DTYPE, &mut out);
    for &x in data {
        x.put_le(&mut out);
    }
    out
}

struct HashSink(Sha256, Vec<u8>);

impl Extend<u8> for HashSink {
    fn extend<I: IntoIterator<Item = u8>>(&mut self, iter: I) {
        self.1.extend(iter);
        if self.1.len() >= 1 << 16 {
            self.0.update(&self.1);
            self.1.clear();
        }
    }
}

/// Returns SHA-256 of the canonical encoding, streamed without building it in memory.
pub fn tensor_hash<T: Element>(shape: &[usize], data: &[T]) -> TensorHash {
    let mut sink = HashSink(Sha256::new(), Vec::with_capacity(1 << 16));
    header(shape, T::DTYPE, &mut sink);
    for &x in data {
        x.put_le(&mut sink);
    }
    sink.0.update(&sink.1);
    TensorHash(sink.0.finalize().into())
}

/// SHA-256 of a canonical tensor encoding; displays as plain (not reversed) lower-case hex.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TensorHash(pub [u8; 32]);

impl TensorHash {
    /// Returns the 32 hash bytes.
    pub fn to_byte_array(self) -> [u8; 32] {
        self.0
    }
}

impl fmt::Display for TensorHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&hex::encode(self.0))
    }
}

impl fmt::Debug for TensorHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "TensorHash({self})")
    }
}

/// Returns plain SHA-256 of `bytes` as lower-case hex (used for model files and PNG output).
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_is_as_documented() {
        let t = Tensor::new(vec![2, 1], vec![1.0f32, -0.0]).unwrap();
        let b = t.canonical_bytes();
        let mut want = b"aipg-tensor-v1".to_vec();
        want.push(1);
        want.extend(2u32.to_le_bytes());
        want.extend(2u64.to_le_bytes());
        want.extend(1u64.to_le_bytes());
        want.extend([0, 0, 0x80, 0x3f, 0, 0, 0, 0x80]);
        assert_eq!(b, want);
        assert_eq!(t.hash().to_string(), sha256_hex(&want));
    }

    #[test]
    fn streamed_hash_matches_for_large_tensors() {
        let data: Vec<f32> = (0..100_000).map(|i| i as f32 * 0.5).collect();
        let t = Tensor::new(vec![100, 1000], data).unwrap();
        assert_eq!(t.hash().to_string(), sha256_hex(&t.canonical_bytes()));
    }

    #[test]
    fn shape_and_dtype_change_the_hash() {
        let a = tensor_hash(&[4], &[1i64, 2, 3, 4]);
        let b = tensor_hash(&[2, 2], &[1i64, 2, 3, 4]);
        let c = tensor_hash(&[4], &[1i32, 2, 3, 4]);
        assert_ne!(a, b);
        assert_ne!(a, c);
        assert!(Tensor::new(vec![3], vec![1u8]).is_err());
    }
}
