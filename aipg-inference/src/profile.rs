// SPDX-License-Identifier: MIT
//! Execution profiles: everything that can change the bits of an output.
//!
//! On the CPU execution provider the measured facts are (see `MEASUREMENTS.md`): the thread
//! count does not change results; the graph optimization level and the instruction set that
//! ONNX Runtime's kernels pick at run time do. A profile records all of them, and the same
//! profile gives bitwise identical outputs.

use core::fmt;
use core::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::InferenceError;

/// A graph optimization level of ONNX Runtime.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OptLevel {
    /// No graph rewrites (`ORT_DISABLE_ALL`); the most portable level.
    Disable,
    /// Constant folding and redundant-node removal (`ORT_ENABLE_BASIC`).
    Basic,
    /// Node fusions (`ORT_ENABLE_EXTENDED`).
    Extended,
    /// Memory-layout rewrites (`ORT_ENABLE_LAYOUT`).
    Layout,
    /// Everything (`ORT_ENABLE_ALL`).
    All,
}

impl OptLevel {
    /// Every level, from least to most rewriting.
    pub const ALL_LEVELS: [OptLevel; 5] =
        [Self::Disable, Self::Basic, Self::Extended, Self::Layout, Self::All];

    /// Returns the level's name as used on the command line and in profiles.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Disable => "disable",
            Self::Basic => "basic",
            Self::Extended => "extended",
            Self::Layout => "layout",
            Self::All => "all",
        }
    }

    pub(crate) fn to_ort(self) -> ort::session::builder::GraphOptimizationLevel {
        use ort::session::builder::GraphOptimizationLevel as G;
        match self {
            Self::Disable => G::Disable,
            Self::Basic => G::Level1,
            Self::Extended => G::Level2,
            Self::Layout => G::Level3,
            Self::All => G::All,
        }
    }
}

impl fmt::Display for OptLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for OptLevel {
    type Err = InferenceError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL_LEVELS.into_iter().find(|l| l.as_str() == s).ok_or_else(|| {
            InferenceError::param(
                "optimization",
                format!("unknown level {s:?} (disable, basic, extended, layout, all)"),
            )
        })
    }
}

/// The class of CPU kernels ONNX Runtime's MLAS library selects at run time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum IsaClass {
    /// x86-64 with AVX-512 F, BW, DQ and VL.
    X86Avx512,
    /// x86-64 with AVX2 and FMA.
    X86Avx2,
    /// x86-64 with AVX but no AVX2/FMA.
    X86Avx,
    /// x86-64 with SSE only.
    X86Sse,
    /// 64-bit ARM.
    Aarch64,
    /// Anything else.
    Other,
}

impl IsaClass {
    /// Detects the class of the running CPU.
    pub fn detect() -> Self {
        #[cfg(target_arch = "x86_64")]
        {
            if std::is_x86_feature_detected!("avx512f")
                && std::is_x86_feature_detected!("avx512bw")
                && std::is_x86_feature_detected!("avx512dq")
                && std::is_x86_feature_detected!("avx512vl")
            {
                return Self::X86Avx512;
            }
            if std::is_x86_feature_detected!("avx2") && std::is_x86_feature_detected!("fma") {
                return Self::X86Avx2;
            }
            if std::is_x86_feature_detected!("avx") {
                return Self::X86Avx;
            }
            Self::X86Sse
        }
        #[cfg(target_arch = "aarch64")]
        {
            Self::Aarch64
        }
        #[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
        {
            Self::Other
        }
    }

    /// Returns the class name used in profiles.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::X86Avx512 => "x86-avx512",
            Self::X86Avx2 => "x86-avx2",
            Self::X86Avx => "x86-avx",
            Self::X86Sse => "x86-sse",
            Self::Aarch64 => "aarch64",
            Self::Other => "other",
        }
    }
}

impl fmt::Display for IsaClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Session settings chosen by the caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SessionSettings {
    /// The graph optimization level.
    pub optimization: OptLevel,
    /// Threads inside one operator (`intra_op_num_threads`); 0 lets ONNX Runtime choose.
    pub intra_threads: usize,
    /// Threads across operators (`inter_op_num_threads`).
    pub inter_threads: usize,
}

impl Default for SessionSettings {
    /// Returns the portable default: optimization `disable`, one thread each.
    fn default() -> Self {
        Self { optimization: OptLevel::Disable, intra_threads: 1, inter_threads: 1 }
    }
}

/// Everything that determines the bits of an output, recorded with every output.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ExecutionProfile {
    /// The ONNX Runtime version.
    pub ort_version: String,
    /// The execution provider (`cpu`).
    pub execution_provider: String,
    /// The graph optimization level.
    pub optimization: OptLevel,
    /// The CPU kernel class detected at run time.
    pub isa: IsaClass,
    /// Intra-operator threads (does not change results on CPU; recorded anyway).
    pub intra_threads: usize,
    /// Inter-operator threads.
    pub inter_threads: usize,
    /// Whether `deterministic_compute` was requested from ONNX Runtime.
    pub deterministic_compute: bool,
}

impl ExecutionProfile {
    /// Returns the part of the profile that must match for bitwise equality: ORT version,
    /// execution provider, optimization level and ISA class (threads excluded, as measured).
    pub fn bit_class(&self) -> String {
        format!(
            "ort-{}/{}/opt-{}/{}",
            self.ort_version, self.execution_provider, self.optimization, self.isa
        )
    }
}

impl fmt::Display for ExecutionProfile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} threads={}x{} deterministic={}",
            self.bit_class(),
            self.intra_threads,
            self.inter_threads,
            self.deterministic_compute
        )
    }
}
