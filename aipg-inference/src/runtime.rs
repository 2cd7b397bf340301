// SPDX-License-Identifier: MIT
//! Loading the ONNX Runtime shared library and creating sessions under a profile.
//!
//! The library is loaded at run time (`ort`'s `load-dynamic`); nothing is downloaded at build
//! or run time. `cargo xtask ort` extracts the pinned library from the `onnxruntime` wheel on
//! PyPI into `target/aipg-ort/`. ONNX Runtime allows one environment per process, so the
//! runtime is loaded once and shared.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use ort::session::Session;

use crate::profile::{ExecutionProfile, IsaClass, SessionSettings};
use crate::{InferenceError, Result};

/// The pinned ONNX Runtime version.
pub const ORT_VERSION: &str = "1.31.1";

/// The git commit of the pinned build, as its build-info string reports it.
pub const ORT_GIT_COMMIT: &str = "6af1a93";

/// The environment variable that names the library file.
pub const ORT_DYLIB_ENV: &str = "ORT_DYLIB_PATH";

/// A loaded ONNX Runtime.
pub struct Runtime {
    env: ort::environment::Environment,
    version: String,
    library: PathBuf,
    isa: IsaClass,
}

impl core::fmt::Debug for Runtime {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Runtime")
            .field("version", &self.version)
            .field("library", &self.library)
            .field("isa", &self.isa)
            .finish()
    }
}

static RUNTIME: OnceLock<Result<Runtime>> = OnceLock::new();

/// Returns the version encoded in a file name such as `libonnxruntime.so.1.31.1`.
fn version_from_file_name(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_str()?;
    let rest = name.strip_prefix("libonnxruntime.so.")?;
    (rest.split('.').count() == 3).then(|| rest.to_owned())
}

/// Returns the commit in ONNX Runtime's build string (`git-commit-id=6af1a93`).
fn commit_from_build_info(info: &str) -> Option<String> {
    let start = info.find("git-commit-id=")? + 14;
    let rest = info.get(start..)?;
    let end = rest.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(rest.len());
    Some(rest.get(..end)?.to_owned())
}

impl Runtime {
    /// Loads the library at `path` once per process and checks its version against
    /// [`ORT_VERSION`]. Later calls return the runtime loaded first, whatever their path.
    ///
    /// # Errors
    /// [`InferenceError::RuntimeMissing`], [`InferenceError::RuntimeLoad`] or
    /// [`InferenceError::RuntimeVersion`], each saying to run `cargo xtask ort`.
    pub fn load(path: &Path) -> Result<&'static Runtime> {
        RUNTIME.get_or_init(|| Self::load_uncached(path)).as_ref().map_err(Clone::clone)
    }

    /// Loads the library named by `ORT_DYLIB_PATH` (see [`Runtime::load`]).
    ///
    /// # Errors
    /// As [`Runtime::load`]; [`InferenceError::RuntimeMissing`] when the variable is unset.
    pub fn from_env() -> Result<&'static Runtime> {
        if let Some(Ok(rt)) = RUNTIME.get() {
            return Ok(rt);
        }
        match std::env::var_os(ORT_DYLIB_ENV) {
            Some(p) if !p.is_empty() => Self::load(Path::new(&p)),
            _ => Err(InferenceError::RuntimeMissing(format!("{ORT_DYLIB_ENV} is not set"))),
        }
    }

    fn load_uncached(path: &Path) -> Result<Runtime> {
        let library = path
            .canonicalize()
            .map_err(|e| InferenceError::RuntimeMissing(format!("{}: {e}", path.display())))?;
        // The C API's version string is out of reach without unsafe code, so the version is
        // read from the file name (`libonnxruntime.so.X.Y.Z`, as the wheel ships it) and the
        // build is confirmed by the commit in the build-info string.
        let version =
            version_from_file_name(&library).ok_or_else(|| InferenceError::RuntimeVersion {
                found: format!("unknown ({} does not end in .so.X.Y.Z)", library.display()),
                expected: ORT_VERSION.into(),
            })?;
        if version != ORT_VERSION {
            return Err(InferenceError::RuntimeVersion {
                found: version,
                expected: ORT_VERSION.into(),
            });
        }
        let builder = ort::init_from(&library).map_err(|e| InferenceError::RuntimeLoad {
            path: library.display().to_string(),
            message: e.to_string(),
        })?;
        let commit = commit_from_build_info(ort::info()).unwrap_or_default();
        if commit != ORT_GIT_COMMIT {
            return Err(InferenceError::RuntimeVersion {
                found: format!("{version} built from commit {commit:?}"),
                expected: format!("{ORT_VERSION} built from commit {ORT_GIT_COMMIT}"),
            });
        }
        let env = builder.with_name("aipg").with_telemetry(false).build()?;
        Ok(Runtime { env, version, library, isa: IsaClass::detect() })
    }

    /// Returns the library's version.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// Returns the absolute path the library was loaded from.
    pub fn library(&self) -> &Path {
        &self.library
    }

    /// Returns the profile sessions made with `settings` run under.
    pub fn profile(&self, settings: &SessionSettings) -> ExecutionProfile {
        ExecutionProfile {
            ort_version: self.version.clone(),
            execution_provider: "cpu".into(),
            optimization: settings.optimization,
            isa: self.isa,
            intra_threads: settings.intra_threads,
            inter_threads: settings.inter_threads,
            deterministic_compute: true,
        }
    }

    /// Creates a CPU session from model bytes with the profile's settings pinned:
    /// optimization level, thread counts, sequential execution, deterministic compute.
    ///
    /// # Errors
    /// [`InferenceError::Ort`] when ONNX Runtime rejects the model or a setting.
    pub fn session(&self, model: &[u8], settings: &SessionSettings) -> Result<Session> {
        let session = Session::builder(&self.env)?
            .with_optimization_level(settings.optimization.to_ort())?
            .with_intra_threads(settings.intra_threads)?
            .with_inter_threads(settings.inter_threads)?
            .with_parallel_execution(false)?
            .with_deterministic_compute(true)?
            .commit_from_memory(model)?;
        Ok(session)
    }
}

/// Reads a file, mapping the error to [`InferenceError::Io`].
///
/// # Errors
/// [`InferenceError::Io`].
pub fn read_file(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| InferenceError::io(path, &e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_parsed() {
        assert_eq!(
            version_from_file_name(Path::new("/x/libonnxruntime.so.1.31.1")).as_deref(),
            Some("1.31.1")
        );
        assert_eq!(version_from_file_name(Path::new("/x/libonnxruntime.so")), None);
        assert_eq!(
            commit_from_build_info("ORT Build Info: git-branch=HEAD, git-commit-id=6af1a93, x=1")
                .as_deref(),
            Some("6af1a93")
        );
    }

    #[test]
    fn missing_or_wrong_library_says_what_to_run() {
        let dir = std::env::temp_dir().join(format!("aipg-ort-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let wrong = dir.join("libonnxruntime.so.1.30.0");
        std::fs::write(&wrong, b"not a library").unwrap();
        let e = Runtime::load_uncached(&wrong).unwrap_err();
        assert!(matches!(e, InferenceError::RuntimeVersion { .. }), "{e}");
        assert!(e.to_string().contains("cargo xtask ort"));
        let e = Runtime::load_uncached(&dir.join("absent.so")).unwrap_err();
        assert!(matches!(e, InferenceError::RuntimeMissing(_)), "{e}");
        assert!(e.to_string().contains("cargo xtask ort"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
