// SPDX-License-Identifier: MIT
//! Token sampling as a pure function of the logits, the parameters, the seed and the position.
//!
//! * temperature 0: greedy, the highest logit; ties go to the lowest token id.
//! * otherwise: candidates are ordered by logit (descending, ties by lower id); the first
//!   `top_k` are kept (0 keeps all); of those, the shortest prefix whose softmax probability
//!   mass at the given temperature reaches `top_p` is kept (at least one token); the token is
//!   the argmax over kept ids of `logit / T + g(id)` with Gumbel noise
//!   `g(id) = −ln(−ln u)` from stream `(seed, TokenSampling, position)` at index `id`
//!   (Gumbel-max is an exact sample of the kept softmax). Ties go to the lower id.
//!
//! Probabilities use f64 and `libm::exp`, so the choice is identical on every platform for
//! identical logits. NaN logits are treated as −∞.

// Candidate lists are indexed within the vocabulary the logits were checked to cover.
#![allow(clippy::indexing_slicing)]

use serde::{Deserialize, Serialize};

use crate::InferenceError;
use crate::rng::{Purpose, Stream};

/// Largest accepted temperature.
pub const MAX_TEMPERATURE: f32 = 100.0;

/// Sampling parameters.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SamplingParams {
    /// Softmax temperature; 0 means greedy.
    pub temperature: f32,
    /// Keep only the `top_k` highest logits; 0 disables.
    pub top_k: u32,
    /// Nucleus mass in (0, 1]; 1 disables.
    pub top_p: f32,
}

impl Default for SamplingParams {
    /// Returns greedy decoding.
    fn default() -> Self {
        Self { temperature: 0.0, top_k: 0, top_p: 1.0 }
    }
}

impl SamplingParams {
    /// Checks the parameters.
    ///
    /// # Errors
    /// [`InferenceError::InvalidParameter`] for a temperature outside `0..=100` or not finite,
    /// or `top_p` outside (0, 1].
    pub fn validate(&self) -> Result<(), InferenceError> {
        if !self.temperature.is_finite() || !(0.0..=MAX_TEMPERATURE).contains(&self.temperature) {
            return Err(InferenceError::param(
                "temperature",
                format!("{} is not a number in 0..={MAX_TEMPERATURE}", self.temperature),
            ));
        }
        if !(self.top_p > 0.0 && self.top_p <= 1.0) {
            return Err(InferenceError::param("top_p", format!("{} is not in (0, 1]", self.top_p)));
        }
        Ok(())
    }
}

fn key(l: f32) -> f32 {
    if l.is_nan() { f32::NEG_INFINITY } else { l }
}

/// Returns the greedy choice: the highest logit, ties to the lowest id.
pub fn argmax(logits: &[f32]) -> u32 {
    let mut best = 0usize;
    let mut best_v = f32::NEG_INFINITY;
    for (i, &l) in logits.iter().enumerate() {
        let l = key(l);
        if l > best_v {
            best_v = l;
            best = i;
        }
    }
    u32::try_from(best).unwrap_or(u32::MAX)
}

/// Chooses the next token (see the module docs).
///
/// # Errors
/// [`InferenceError::InvalidParameter`] when the parameters are invalid or `logits` is empty.
pub fn sample(
    logits: &[f32],
    params: &SamplingParams,
    seed: u64,
    position: u32,
) -> Result<u32, InferenceError> {
    params.validate()?;
    if logits.is_empty() {
        return Err(InferenceError::param("logits", "empty"));
    }
    if params.temperature == 0.0 {
        return Ok(argmax(logits));
    }
    let mut order: Vec<u32> = (0..u32::try_from(logits.len()).unwrap_or(u32::MAX)).collect();
    order.sort_by(|&a, &b| {
        key(logits[b as usize]).total_cmp(&key(logits[a as usize])).then(a.cmp(&b))
    });
    if params.top_k > 0 {
        order.truncate(params.top_k as usize);
    }
    let t = f64::from(params.temperature);
    let top = f64::from(key(logits[order[0] as usize]));
    let scaled: Vec<f64> =
        order.iter().map(|&i| (f64::from(key(logits[i as usize])) - top) / t).collect();
    if params.top_p < 1.0 {
        let weights: Vec<f64> = scaled.iter().map(|&s| libm::exp(s)).collect();
        let total: f64 = weights.iter().sum();
        let target = f64::from(params.top_p) * total;
        let mut acc = 0.0;
        let mut keep = order.len();
        for (n, w) in weights.iter().enumerate() {
            acc += w;
            if acc >= target {
                keep = n + 1;
                break;
            }
        }
        order.truncate(keep.max(1));
    }
    let stream = Stream::new(seed, Purpose::TokenSampling, position);
    let mut best = order[0];
    let mut best_v = f64::NEG_INFINITY;
    for (n, &id) in order.iter().enumerate() {
        let v = scaled[n] + stream.gumbel(u64::from(id));
        if v > best_v || (v == best_v && id < best) {
            best_v = v;
            best = id;
        }
    }
    Ok(best)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn greedy_ties_go_to_the_lowest_id() {
        assert_eq!(argmax(&[1.0, 3.0, 3.0, f32::NAN]), 1);
        assert_eq!(argmax(&[f32::NAN, f32::NAN]), 0);
    }

    #[test]
    fn top_k_one_is_greedy() {
        let logits = [0.1f32, 2.0, 1.9, -1.0];
        let p = SamplingParams { temperature: 1.0, top_k: 1, top_p: 1.0 };
        for pos in 0..50 {
            assert_eq!(sample(&logits, &p, 9, pos).unwrap(), 1);
        }
    }

    #[test]
    fn sampling_follows_the_softmax() {
        // two tokens with probabilities e/(1+e) ≈ 0.731 and 0.269
        let logits = [1.0f32, 0.0];
        let p = SamplingParams { temperature: 1.0, top_k: 0, top_p: 1.0 };
        let n = 20_000;
        let zeros = (0..n).filter(|&i| sample(&logits, &p, 5, i).unwrap() == 0).count();
        let f = zeros as f64 / f64::from(n);
        assert!((f - 0.731).abs() < 0.015, "{f}");
        // same key, same choice
        assert_eq!(sample(&logits, &p, 5, 17).unwrap(), sample(&logits, &p, 5, 17).unwrap());
    }

    #[test]
    fn top_p_keeps_the_nucleus() {
        let logits = [5.0f32, 0.0, 0.0, 0.0];
        let p = SamplingParams { temperature: 1.0, top_k: 0, top_p: 0.5 };
        assert!((0..200).all(|i| sample(&logits, &p, 1, i).unwrap() == 0));
    }

    #[test]
    fn bad_parameters_are_rejected() {
        for (t, p) in [(f32::NAN, 1.0), (-1.0, 1.0), (1.0, 0.0), (1.0, 1.5), (1.0, f32::NAN)] {
            let s = SamplingParams { temperature: t, top_k: 0, top_p: p };
            assert!(matches!(
                sample(&[1.0], &s, 0, 0),
                Err(InferenceError::InvalidParameter { .. })
            ));
        }
        assert!(sample(&[], &SamplingParams::default(), 0, 0).is_err());
    }
}
