// SPDX-License-Identifier: MIT
//! Portable counter-based randomness keyed by `(seed, purpose, step, index)`.
//!
//! Every random number is a pure function of its key, computed with 64-bit integer arithmetic
//! only, then turned into a float by a fixed conversion. Nothing depends on the platform,
//! thread scheduling, or how many numbers were drawn before.
//!
//! # Construction
//!
//! ```text
//! mix(z)        = splitmix64 finalizer: z ^= z >> 30; z *= 0xbf58476d1ce4e5b9;
//!                 z ^= z >> 27; z *= 0x94d049bb133111eb; z ^= z >> 31
//! stream key    k = mix(mix(mix(seed ^ K0) ^ purpose ^ K1) ^ step ^ K2)
//! word(i)       = mix(k + (i + 1) * 0x9e3779b97f4a7c15)       (all arithmetic wrapping)
//! uniform(i)    = ((word(i) >> 11) + 0.5) / 2^53              exact in f64, in (0, 1)
//! normal(i)     = sqrt(-2 ln u1) * cos(2π u2) with u1 = uniform(2i), u2 = uniform(2i + 1),
//!                 in f64 with the `libm` crate (pure Rust), rounded once to f32
//! ```
//!
//! `word(i)` is exactly the `i`-th output of a splitmix64 generator started at state `k`.
//!
//! # Noise layout
//!
//! A noise tensor `[B, C, H, W]` for scheduler step `s` fills image `b` from the stream
//! `(seed + b, purpose, s)` (wrapping add), element `(c, y, x)` at index `c·H·W + y·W + x`.
//! Image `b` of a batch made with seed `n` is therefore bit for bit the image made alone
//! with seed `n + b`.

/// What a stream of random numbers is used for; part of the key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Purpose {
    /// The initial latent of a diffusion run (step 0).
    InitialNoise,
    /// Noise injected by a stochastic scheduler after step `s`.
    StepNoise,
    /// Gumbel noise of token sampling (step = position, index = token id).
    TokenSampling,
    /// A purpose defined by the caller.
    Custom(u32),
}

impl Purpose {
    /// Returns the 32-bit code that enters the key.
    pub fn code(self) -> u32 {
        match self {
            Self::InitialNoise => 1,
            Self::StepNoise => 2,
            Self::TokenSampling => 3,
            Self::Custom(c) => 0x8000_0000 | c,
        }
    }
}

const GOLDEN: u64 = 0x9e37_79b9_7f4a_7c15;
const K0: u64 = 0x6169_7067_2d72_6e67; // "aipg-rng"
const K1: u64 = 0xd1b5_4a32_d192_ed03;
const K2: u64 = 0x8cb9_2ba7_2f3d_8dd7;

/// Returns the splitmix64 finalizer of `z`.
pub fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// One random stream: all numbers for a `(seed, purpose, step)`, addressed by index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stream {
    key: u64,
}

impl Stream {
    /// Returns the stream of `(seed, purpose, step)`.
    pub fn new(seed: u64, purpose: Purpose, step: u32) -> Self {
        let k = mix64(seed ^ K0);
        let k = mix64(k ^ u64::from(purpose.code()) ^ K1);
        Self { key: mix64(k ^ u64::from(step) ^ K2) }
    }

    /// Returns the 64-bit word at `index`.
    pub fn word(&self, index: u64) -> u64 {
        mix64(self.key.wrapping_add(index.wrapping_add(1).wrapping_mul(GOLDEN)))
    }

    /// Returns a uniform number in the open interval (0, 1), exact in f64.
    pub fn uniform(&self, index: u64) -> f64 {
        // 53 bits fit exactly in an f64 mantissa; the scale is a power of two.
        ((self.word(index) >> 11) as f64 + 0.5) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// Returns a standard normal number (Box-Muller, cosine branch), rounded to f32.
    pub fn normal(&self, index: u64) -> f32 {
        let u1 = self.uniform(index.wrapping_mul(2));
        let u2 = self.uniform(index.wrapping_mul(2).wrapping_add(1));
        let r = libm::sqrt(-2.0 * libm::log(u1));
        // Narrowing to the models' `f32` is the point.
        #[allow(clippy::cast_possible_truncation)]
        let z = (r * libm::cos(core::f64::consts::TAU * u2)) as f32;
        z
    }

    /// Returns standard Gumbel noise `-ln(-ln u)`.
    pub fn gumbel(&self, index: u64) -> f64 {
        -libm::log(-libm::log(self.uniform(index)))
    }

    /// Fills `out` with normals for indices `0..out.len()`.
    pub fn fill_normal(&self, out: &mut [f32]) {
        for (i, x) in out.iter_mut().enumerate() {
            *x = self.normal(i as u64);
        }
    }
}

/// Returns a noise tensor's data laid out as the module docs describe.
///
/// `per_image` is `C·H·W`; the result has `batch · per_image` elements.
pub fn batch_noise(
    seed: u64,
    purpose: Purpose,
    step: u32,
    batch: usize,
    per_image: usize,
) -> Vec<f32> {
    let mut out = vec![0.0f32; batch * per_image];
    for (b, chunk) in out.chunks_mut(per_image.max(1)).enumerate() {
        Stream::new(seed.wrapping_add(b as u64), purpose, step).fill_normal(chunk);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_answers() {
        // splitmix64 seeded with 0: the first output is 0xe220a8397b1dcdaf.
        assert_eq!(mix64(GOLDEN), 0xe220_a839_7b1d_cdaf);
        let s = Stream::new(7, Purpose::InitialNoise, 0);
        // Pinned; an independent Python implementation (int arithmetic, math.log/cos, struct
        // packing to f32) gives the same words and normals.
        let w: Vec<u64> = (0..3).map(|i| s.word(i)).collect();
        let n: Vec<u32> = (0..4).map(|i| s.normal(i).to_bits()).collect();
        assert_eq!(format!("{w:x?}"), PINNED_WORDS);
        assert_eq!(format!("{n:x?}"), PINNED_NORMALS);
    }

    const PINNED_WORDS: &str = "[a307e12d40df370d, 51f38f8b5a141378, b16220f316574921]";
    const PINNED_NORMALS: &str = "[becf6f84, 3f0d7795, 3f557720, bee876b0]";

    #[test]
    fn keys_separate_streams() {
        let a = Stream::new(1, Purpose::InitialNoise, 0);
        assert_ne!(a.word(0), Stream::new(2, Purpose::InitialNoise, 0).word(0));
        assert_ne!(a.word(0), Stream::new(1, Purpose::StepNoise, 0).word(0));
        assert_ne!(a.word(0), Stream::new(1, Purpose::InitialNoise, 1).word(0));
        assert_ne!(a.word(0), a.word(1));
    }

    #[test]
    fn batch_image_equals_single_run() {
        let batch = batch_noise(10, Purpose::InitialNoise, 0, 3, 17);
        let alone = batch_noise(12, Purpose::InitialNoise, 0, 1, 17);
        assert_eq!(&batch[34..], &alone[..]);
    }

    #[test]
    fn normals_have_unit_moments() {
        let s = Stream::new(3, Purpose::StepNoise, 5);
        let n = 200_000;
        let (mut m, mut v) = (0.0f64, 0.0f64);
        for i in 0..n {
            let x = f64::from(s.normal(i));
            m += x;
            v += x * x;
        }
        m /= n as f64;
        v = v / n as f64 - m * m;
        assert!(m.abs() < 0.01, "mean {m}");
        assert!((v - 1.0).abs() < 0.01, "variance {v}");
        let u: f64 = (0..n).map(|i| s.uniform(i)).sum::<f64>() / n as f64;
        assert!((u - 0.5).abs() < 0.005);
    }
}
