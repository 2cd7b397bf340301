// SPDX-License-Identifier: MIT
//! Diffusion schedulers as pure functions.
//!
//! All schedulers work in the variance-exploding ("k-diffusion") parametrization: a latent at
//! noise level σ is `x = x0 + σ·ε`, and a denoiser returns its estimate `D(x, σ)` of `x0`.
//! Epsilon-prediction models (Stable Diffusion) are wrapped as
//! `D(x, σ) = x − σ·ε(x / √(σ² + 1), t(σ))` by the pipeline; x0-prediction models (EDM,
//! consistency models such as the terrain model) return `D` directly.
//!
//! A run with `n` steps uses `n + 1` noise levels `σ_0 > … > σ_{n−1} > σ_n = 0`. Step `k` maps
//! the latent at `σ_k` to the latent at `σ_{k+1}` given `D_k = D(x_k, σ_k)` and, for the
//! stochastic schedulers, the noise of stream `(seed + b, StepNoise, k)`.
//!
//! All per-element arithmetic is in f32 with coefficients computed once in f64 and rounded,
//! in a fixed order, so a step is bitwise reproducible anywhere.

// Schedule tables are indexed by step numbers below their length, and `f64` values are narrowed
// to the `f32` the models take on purpose.
#![allow(clippy::indexing_slicing, clippy::cast_possible_truncation)]

use core::fmt;
use core::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::InferenceError;

/// The scheduler of a diffusion run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SchedulerKind {
    /// Euler (Karras et al. 2022, Algorithm 1 without churn), deterministic.
    Euler,
    /// Euler ancestral (η = 1): steps down to σ_down and adds fresh noise of size σ_up.
    EulerAncestral,
    /// DDIM (η = 0) on the "leading" timestep spacing with offset 1.
    Ddim,
    /// Multistep consistency / EDM sampling: `x_{k+1} = D_k + √(σ_{k+1}² − σ_min²)·z`.
    Consistency,
}

impl SchedulerKind {
    /// Returns the scheduler's command-line name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Euler => "euler",
            Self::EulerAncestral => "euler-ancestral",
            Self::Ddim => "ddim",
            Self::Consistency => "consistency",
        }
    }

    /// Returns whether step `k` draws fresh noise when going to `sigma_next`.
    pub fn needs_noise(self, sigma_next: f64) -> bool {
        sigma_next > 0.0 && matches!(self, Self::EulerAncestral | Self::Consistency)
    }
}

impl fmt::Display for SchedulerKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for SchedulerKind {
    type Err = InferenceError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(match s {
            "euler" => Self::Euler,
            "euler-ancestral" | "euler-a" | "euler_ancestral" | "euler_a" => Self::EulerAncestral,
            "ddim" => Self::Ddim,
            "consistency" | "edm" | "cm" => Self::Consistency,
            _ => {
                return Err(InferenceError::param(
                    "scheduler",
                    format!("unknown scheduler {s:?} (euler, euler-ancestral, ddim, consistency)"),
                ));
            }
        })
    }
}

/// How a model's noise levels are defined.
#[derive(Debug, Clone, PartialEq)]
pub enum NoiseModel {
    /// The discrete DDPM schedule of Stable Diffusion: 1000 steps, "scaled linear" betas
    /// from 0.00085 to 0.012; σ_t = √((1 − ᾱ_t) / ᾱ_t).
    Ddpm {
        /// ᾱ_t for t = 0..999.
        alphas_cumprod: Vec<f64>,
    },
    /// A continuous EDM noise range.
    Edm {
        /// The smallest noise level.
        sigma_min: f64,
        /// The largest noise level.
        sigma_max: f64,
    },
}

impl NoiseModel {
    /// Returns Stable Diffusion's schedule.
    pub fn stable_diffusion() -> Self {
        let (b0, b1) = (libm::sqrt(0.00085), libm::sqrt(0.012));
        let mut acc = 1.0f64;
        let alphas_cumprod = (0..1000)
            .map(|i| {
                let s = b0 + (b1 - b0) * f64::from(i) / 999.0;
                acc *= 1.0 - s * s;
                acc
            })
            .collect();
        Self::Ddpm { alphas_cumprod }
    }

    /// Returns σ at integer timestep `t` of a DDPM schedule.
    fn sigma_at(ac: &[f64], t: usize) -> f64 {
        let a = ac.get(t).copied().unwrap_or(1.0);
        libm::sqrt((1.0 - a) / a)
    }

    /// Returns the continuous timestep of `sigma` (log-σ interpolation, as k-diffusion), used
    /// as the `timestep` input of epsilon-prediction models. For EDM models returns σ itself.
    pub fn timestep(&self, sigma: f64) -> f64 {
        match self {
            Self::Edm { .. } => sigma,
            Self::Ddpm { alphas_cumprod } => {
                let ls = libm::log(sigma);
                let n = alphas_cumprod.len();
                let logs: Vec<f64> =
                    (0..n).map(|t| libm::log(Self::sigma_at(alphas_cumprod, t))).collect();
                // logs increases with t
                let hi = logs.iter().position(|&l| l >= ls).unwrap_or(n - 1).max(1);
                let lo = hi - 1;
                let (l0, l1) = (logs[lo], logs[hi]);
                let w = ((l0 - ls) / (l0 - l1)).clamp(0.0, 1.0);
                (1.0 - w) * lo as f64 + w * hi as f64
            }
        }
    }

    /// Returns the factor the initial unit noise is multiplied by.
    pub fn init_noise_scale(&self, sigma0: f64) -> f64 {
        match self {
            Self::Ddpm { .. } => libm::sqrt(sigma0 * sigma0 + 1.0),
            Self::Edm { .. } => sigma0,
        }
    }

    /// Returns the smallest noise level (0 for DDPM, where it does not enter any step).
    pub fn sigma_min(&self) -> f64 {
        match self {
            Self::Ddpm { .. } => 0.0,
            Self::Edm { sigma_min, .. } => *sigma_min,
        }
    }
}

/// Returns the Karras et al. ρ-schedule of `n` levels from `sigma_max` down to `sigma_min`.
pub fn karras(n: usize, sigma_min: f64, sigma_max: f64, rho: f64) -> Vec<f64> {
    let (a, b) = (libm::pow(sigma_max, 1.0 / rho), libm::pow(sigma_min, 1.0 / rho));
    (0..n)
        .map(|i| {
            let r = if n > 1 { i as f64 / (n - 1) as f64 } else { 0.0 };
            libm::pow(a + r * (b - a), rho)
        })
        .collect()
}

/// Returns the `steps + 1` noise levels of a run (the last one is 0).
///
/// * DDPM models: Euler and Euler ancestral use timesteps `linspace(999, 0, steps)`; DDIM uses
///   `t_k = (steps − 1 − k)·⌊1000 / steps⌋ + 1`.
/// * EDM models: Euler, Euler ancestral and DDIM use `karras(steps, σ_min, σ_max, 7)`; the
///   consistency sampler uses the first `steps` levels of `karras(steps + 2, σ_min, σ_max, 7)`
///   (for 4 steps: 80, 24.4, 5.84, 0.96).
///
/// # Errors
/// [`InferenceError::InvalidParameter`] for 0 steps or more than 1000.
pub fn sigmas(
    kind: SchedulerKind,
    steps: usize,
    model: &NoiseModel,
) -> Result<Vec<f64>, InferenceError> {
    if steps == 0 || steps > 1000 {
        return Err(InferenceError::param("steps", format!("{steps} is not in 1..=1000")));
    }
    let mut out = match model {
        NoiseModel::Ddpm { alphas_cumprod } => {
            let sig = |t: f64| {
                // linear interpolation in σ between integer timesteps
                let lo = libm::floor(t) as usize;
                let hi = (lo + 1).min(999);
                let w = t - lo as f64;
                (1.0 - w) * NoiseModel::sigma_at(alphas_cumprod, lo)
                    + w * NoiseModel::sigma_at(alphas_cumprod, hi)
            };
            match kind {
                SchedulerKind::Ddim => {
                    let ratio = 1000 / steps;
                    (0..steps).map(|k| sig(((steps - 1 - k) * ratio + 1) as f64)).collect()
                }
                _ => (0..steps)
                    .map(|k| {
                        let t = if steps > 1 {
                            999.0 * (1.0 - k as f64 / (steps - 1) as f64)
                        } else {
                            999.0
                        };
                        sig(t)
                    })
                    .collect::<Vec<f64>>(),
            }
        }
        NoiseModel::Edm { sigma_min, sigma_max } => match kind {
            SchedulerKind::Consistency => {
                let mut k = karras(steps + 2, *sigma_min, *sigma_max, 7.0);
                k.truncate(steps);
                k
            }
            _ => karras(steps, *sigma_min, *sigma_max, 7.0),
        },
    };
    out.push(0.0);
    Ok(out)
}

/// Performs one scheduler step.
///
/// `x` is the latent at `sigma`, `denoised` the model's estimate of the clean latent, `noise`
/// unit normal noise (used only when [`SchedulerKind::needs_noise`]). Returns the latent at
/// `sigma_next`.
///
/// # Errors
/// [`InferenceError::Model`] when the slices differ in length or noise is missing.
pub fn step(
    kind: SchedulerKind,
    x: &[f32],
    denoised: &[f32],
    sigma: f64,
    sigma_next: f64,
    sigma_min: f64,
    noise: Option<&[f32]>,
) -> Result<Vec<f32>, InferenceError> {
    if x.len() != denoised.len() {
        return Err(InferenceError::Model("latent and denoised sizes differ".into()));
    }
    let noise = if kind.needs_noise(sigma_next) {
        match noise {
            Some(n) if n.len() == x.len() => Some(n),
            _ => return Err(InferenceError::Model("scheduler step needs noise".into())),
        }
    } else {
        None
    };
    let out = match kind {
        SchedulerKind::Euler | SchedulerKind::Ddim => {
            // x' = D + (σ'/σ)(x − D): Euler and DDIM (η = 0) coincide in this parametrization;
            // they differ in their noise levels.
            let r = (sigma_next / sigma) as f32;
            x.iter().zip(denoised).map(|(&x, &d)| d + r * (x - d)).collect()
        }
        SchedulerKind::EulerAncestral => {
            let up = if sigma_next > 0.0 {
                libm::sqrt(
                    (sigma_next * sigma_next * (sigma * sigma - sigma_next * sigma_next)
                        / (sigma * sigma))
                        .max(0.0),
                )
                .min(sigma_next)
            } else {
                0.0
            };
            let down = libm::sqrt((sigma_next * sigma_next - up * up).max(0.0));
            let r = (down / sigma) as f32;
            let up = up as f32;
            match noise {
                Some(n) => x
                    .iter()
                    .zip(denoised)
                    .zip(n)
                    .map(|((&x, &d), &z)| (d + r * (x - d)) + up * z)
                    .collect(),
                None => x.iter().zip(denoised).map(|(&x, &d)| d + r * (x - d)).collect(),
            }
        }
        SchedulerKind::Consistency => match noise {
            Some(n) => {
                let s =
                    libm::sqrt((sigma_next * sigma_next - sigma_min * sigma_min).max(0.0)) as f32;
                denoised.iter().zip(n).map(|(&d, &z)| d + s * z).collect()
            }
            None => denoised.to_vec(),
        },
    };
    Ok(out)
}

/// Applies classifier-free guidance: `uncond + cfg·(cond − uncond)`.
pub fn guidance(uncond: &[f32], cond: &[f32], cfg: f32) -> Vec<f32> {
    uncond.iter().zip(cond).map(|(&u, &c)| u + cfg * (c - u)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn consistency_levels_match_the_terrain_recipe() {
        let m = NoiseModel::Edm { sigma_min: 0.002, sigma_max: 80.0 };
        let s = sigmas(SchedulerKind::Consistency, 4, &m).unwrap();
        assert_eq!(s.len(), 5);
        assert!((s[0] - 80.0).abs() < 1e-9);
        assert!((s[1] - 24.4).abs() < 0.1, "{s:?}");
        assert!((s[2] - 5.84).abs() < 0.05, "{s:?}");
        assert_eq!(s[4], 0.0);
    }

    #[test]
    fn sd_levels_are_decreasing_and_in_range() {
        let m = NoiseModel::stable_diffusion();
        for kind in [SchedulerKind::Euler, SchedulerKind::Ddim] {
            let s = sigmas(kind, 20, &m).unwrap();
            assert!(s.windows(2).all(|w| w[0] > w[1]), "{kind}: {s:?}");
            assert!((s[0] - 14.6).abs() < 0.1 || kind == SchedulerKind::Ddim, "{s:?}");
        }
        // timestep inverts the schedule
        let t = m.timestep(sigmas(SchedulerKind::Euler, 3, &m).unwrap()[1]);
        assert!((t - 499.5).abs() < 0.6, "{t}");
        assert!(sigmas(SchedulerKind::Euler, 0, &m).is_err());
    }

    #[test]
    fn last_euler_step_returns_the_estimate() {
        let x = [1.0f32, 2.0];
        let d = [0.5f32, -1.0];
        for k in [SchedulerKind::Euler, SchedulerKind::EulerAncestral, SchedulerKind::Ddim] {
            assert_eq!(step(k, &x, &d, 3.0, 0.0, 0.0, None).unwrap(), d.to_vec());
        }
        assert!(step(SchedulerKind::Consistency, &x, &d, 3.0, 1.0, 0.002, None).is_err());
        let n = [1.0f32, 1.0];
        let y = step(SchedulerKind::Consistency, &x, &d, 3.0, 1.0, 0.0, Some(&n)).unwrap();
        assert_eq!(y, vec![1.5, 0.0]);
        assert_eq!(guidance(&[1.0], &[2.0], 7.5), vec![8.5]);
    }
}
