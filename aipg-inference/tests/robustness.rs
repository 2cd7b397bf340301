// SPDX-License-Identifier: MIT
//! Property tests: the sampler, the tokenizers, the schedulers and parameter validation never
//! panic on arbitrary input, reject bad parameters with `InvalidParameter`, and are pure.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::cast_possible_truncation
)]

use aipg_inference::image::{ImageRequest, to_pixels, validate_request};
use aipg_inference::manifest::{ConditionSpec, DiffusionManifest};
use aipg_inference::rng::{Purpose, Stream};
use aipg_inference::sampler::{SamplingParams, argmax, sample};
use aipg_inference::sched::{NoiseModel, SchedulerKind, sigmas, step};
use aipg_inference::tokenize::TextTokenizer;
use aipg_inference::{InferenceError, Tensor};
use proptest::prelude::*;

fn manifest(edm: bool) -> DiffusionManifest {
    DiffusionManifest {
        layout: if edm { "edm" } else { "sd" }.into(),
        tokenizer: None,
        latent_channels: 4,
        vae_downsample: 8,
        vae_scaling_factor: 0.18215,
        prediction: if edm { "x0" } else { "epsilon" }.into(),
        sigma_min: Some(0.002),
        sigma_max: Some(80.0),
        condition: edm.then(|| ConditionSpec { input: "difficulty".into(), min: 1.0, max: 100.0 }),
        default_steps: 4,
        default_scheduler: "euler".into(),
        default_cfg: if edm { 1.0 } else { 7.5 },
        default_width: 64,
        default_height: 64,
    }
}

fn any_scheduler() -> impl Strategy<Value = SchedulerKind> {
    prop_oneof![
        Just(SchedulerKind::Euler),
        Just(SchedulerKind::EulerAncestral),
        Just(SchedulerKind::Ddim),
        Just(SchedulerKind::Consistency),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn sampler_never_panics_and_is_pure(
        logits in prop::collection::vec(prop_oneof![any::<f32>(), -10.0f32..10.0], 1..300),
        temperature in prop_oneof![Just(0.0f32), 0.01f32..5.0, any::<f32>()],
        top_k in 0u32..400,
        top_p in prop_oneof![Just(1.0f32), 0.0f32..1.5, any::<f32>()],
        seed in any::<u64>(),
        position in any::<u32>(),
    ) {
        let p = SamplingParams { temperature, top_k, top_p };
        let a = sample(&logits, &p, seed, position);
        match &a {
            Ok(t) => {
                prop_assert!((*t as usize) < logits.len());
                prop_assert_eq!(&a, &sample(&logits, &p, seed, position));
                if temperature == 0.0 {
                    prop_assert_eq!(*t, argmax(&logits));
                }
                if top_k == 1 {
                    prop_assert_eq!(*t, argmax(&logits));
                }
            }
            Err(e) => prop_assert!(matches!(e, InferenceError::InvalidParameter { .. }), "{}", e),
        }
        let valid = temperature.is_finite() && (0.0..=100.0).contains(&temperature) && top_p > 0.0 && top_p <= 1.0;
        prop_assert_eq!(a.is_ok(), valid);
    }

    #[test]
    fn byte_tokenizer_round_trips(text in ".*") {
        let t = TextTokenizer::Bytes { bos: 256, eos: 257 };
        let ids = t.encode(&text).unwrap();
        prop_assert_eq!(ids.len(), text.len());
        prop_assert_eq!(t.decode(&ids).unwrap(), text);
    }

    #[test]
    fn byte_tokenizer_decodes_any_ids(ids in prop::collection::vec(any::<u32>(), 0..64)) {
        let t = TextTokenizer::Bytes { bos: 256, eos: 257 };
        let _ = t.decode(&ids).unwrap();
    }

    #[test]
    fn image_validation_never_panics(
        steps in prop_oneof![0usize..2000, any::<usize>()],
        cfg in prop_oneof![any::<f32>(), 0.0f32..20.0],
        width in prop_oneof![0usize..5000, any::<usize>()],
        height in prop_oneof![0usize..5000, any::<usize>()],
        batch in prop_oneof![0usize..20, any::<usize>()],
        scheduler in any_scheduler(),
        prompt in prop_oneof![".*", (0.0f64..200.0).prop_map(|v| v.to_string())],
        edm in any::<bool>(),
    ) {
        let m = manifest(edm);
        let r = ImageRequest {
            seed: 0, prompt, negative_prompt: String::new(), steps, cfg, scheduler, width, height, batch,
        };
        match validate_request(&m, &r) {
            Ok(()) => {
                prop_assert!((1..=1000).contains(&steps));
                prop_assert!(cfg.is_finite());
                prop_assert!(width <= 4096 && height <= 4096 && width % 8 == 0 && height % 8 == 0);
                prop_assert!((1..=16).contains(&batch));
            }
            Err(e) => prop_assert!(matches!(e, InferenceError::InvalidParameter { .. }), "{}", e),
        }
    }

    #[test]
    fn scheduler_steps_are_pure_and_finite(
        kind in any_scheduler(),
        steps in 1usize..60,
        x in prop::collection::vec(-100.0f32..100.0, 1..64),
        seed in any::<u64>(),
        edm in any::<bool>(),
    ) {
        let model = if edm { NoiseModel::Edm { sigma_min: 0.002, sigma_max: 80.0 } } else { NoiseModel::stable_diffusion() };
        let s = sigmas(kind, steps, &model).unwrap();
        prop_assert_eq!(s.len(), steps + 1);
        prop_assert!(s.windows(2).all(|w| w[0] > w[1]));
        let d: Vec<f32> = x.iter().map(|v| v * 0.5).collect();
        let stream = Stream::new(seed, Purpose::StepNoise, 0);
        let noise: Vec<f32> = (0..x.len() as u64).map(|i| stream.normal(i)).collect();
        for k in 0..steps {
            let a = step(kind, &x, &d, s[k], s[k + 1], model.sigma_min(), Some(&noise)).unwrap();
            let b = step(kind, &x, &d, s[k], s[k + 1], model.sigma_min(), Some(&noise)).unwrap();
            prop_assert_eq!(&a, &b);
            prop_assert!(a.iter().all(|v| v.is_finite()));
        }
    }

    #[test]
    fn pixels_handle_any_float(v in prop::collection::vec(any::<f32>(), 12)) {
        let t = Tensor::new(vec![1, 3, 2, 2], v).unwrap();
        let p = to_pixels(&t).unwrap();
        prop_assert_eq!(p.shape(), &[1, 2, 2, 3]);
    }
}

#[test]
fn zero_and_huge_steps_are_rejected() {
    let m = NoiseModel::stable_diffusion();
    assert!(matches!(
        sigmas(SchedulerKind::Euler, 0, &m),
        Err(InferenceError::InvalidParameter { name: "steps", .. })
    ));
    assert!(sigmas(SchedulerKind::Ddim, 1001, &m).is_err());
}
