//! The check that every reference vector is read (after lighthouse's `check_all_files_accessed`).
//!
//! The tests' shared loader (`test-support/vectors.rs`) appends every vector file it loads, and
//! every top-level key read from one, to a log in the folder named by `AIPG_VECTORS_ACCESS_LOG`
//! (one file per test process). After the tests, every `.json` file of the vector folder must
//! have been read: for a file whose top level is an object, each of its field groups (the
//! top-level keys that hold an array or an object; plain strings and numbers are descriptions);
//! for any other file, the file itself. What no test reads is listed in [`NOT_READ`] with the
//! reason.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The reason given for field groups that only describe the reference's rules in prose.
const PROSE: &str = "prose describing the reference's rules; there is nothing to compare";

/// Vector files, or field groups in them (`file#key`), that no test reads, with the reason.
pub(crate) const NOT_READ: &[(&str, &str)] = &[
    ("bip39_vectors.json", "BIP39 mnemonics: the workspace has no wallet or mnemonic code"),
    ("compact_vectors.json#notes", PROSE),
    ("dgw_vectors.json#algorithm", PROSE),
    ("genesis.json#notes", PROSE),
    ("kawpow_vectors.json#conventions", PROSE),
    ("sph_vectors.json#function_notes", PROSE),
    ("subsidy_vectors.json#subsidy_schedule", PROSE),
];

/// The access-log folder the tests write to (emptied by [`reset_log`]).
pub(crate) fn log_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(|t| super::root().join(t))
        .unwrap_or_else(|| super::root().join("target"));
    target.join("aipg-vectors-accessed")
}

/// Empties the access log, so that only the coming test run counts.
pub(crate) fn reset_log(dir: &Path) -> Result<(), String> {
    match std::fs::remove_dir_all(dir) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(format!("cannot empty {}: {e}", dir.display())),
    }
}

/// What the vector folder holds that must be read: `file#key` for each field group of a file
/// whose top level is an object, the file name for any other file.
fn expected(vectors: &Path) -> Result<BTreeSet<String>, String> {
    let mut out = BTreeSet::new();
    let entries = std::fs::read_dir(vectors).map_err(|e| format!("{}: {e}", vectors.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else { continue };
        if !name.ends_with(".json") {
            continue;
        }
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{name}: {e}"))?;
        let value: serde_json::Value =
            serde_json::from_str(&text).map_err(|e| format!("{name}: {e}"))?;
        let groups: Vec<&String> = value
            .as_object()
            .into_iter()
            .flatten()
            .filter(|(_, v)| v.is_array() || v.is_object())
            .map(|(k, _)| k)
            .collect();
        if groups.is_empty() {
            out.insert(name.to_string());
        } else {
            out.extend(groups.into_iter().map(|k| format!("{name}#{k}")));
        }
    }
    Ok(out)
}

/// Everything the logs in `log` record as read.
fn read_entries(log: &Path) -> Result<BTreeSet<String>, String> {
    let mut out = BTreeSet::new();
    let Ok(entries) = std::fs::read_dir(log) else { return Ok(out) };
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        out.extend(text.lines().filter(|l| !l.is_empty()).map(str::to_string));
    }
    Ok(out)
}

/// Whether the listed entry `listed` (a file or `file#key`) covers `entry`.
fn covers(listed: &str, entry: &str) -> bool {
    entry == listed || entry.strip_prefix(listed).is_some_and(|rest| rest.starts_with('#'))
}

/// Fails when a vector file or field group of `vectors` was read by no test (per the logs in
/// `log`) and is not in [`NOT_READ`], or when an entry of [`NOT_READ`] is absent from the folder
/// or was read after all. Skips, saying so, when the vector folder is absent (fails under CI).
pub(crate) fn check(vectors: &Path, log: &Path) -> Result<(), String> {
    eprintln!("\n==> every vector file and field group is read");
    if !vectors.is_dir() {
        if std::env::var_os("CI").is_some() {
            return Err(format!("vector folder {} not found", vectors.display()));
        }
        eprintln!("skipped: vector folder {} not found", vectors.display());
        return Ok(());
    }
    let expected = expected(vectors)?;
    let read = read_entries(log)?;
    let mut problems = Vec::new();
    let mut excluded = 0;
    for entry in &expected {
        if read.contains(entry) {
            continue;
        }
        if NOT_READ.iter().any(|(listed, _)| covers(listed, entry)) {
            excluded += 1;
        } else {
            problems.push(format!("{entry} is read by no test"));
        }
    }
    for (listed, _) in NOT_READ {
        if !expected.iter().any(|e| covers(listed, e)) {
            problems.push(format!("{listed} is listed as not read but is not in the folder"));
        }
        if let Some(r) = read.iter().find(|r| covers(listed, r)) {
            problems.push(format!("{listed} is listed as not read but {r} is read: unlist it"));
        }
    }
    if problems.is_empty() {
        eprintln!(
            "ok: {} of {} vector entries read, {excluded} listed as not read",
            expected.len() - excluded,
            expected.len()
        );
        Ok(())
    } else {
        Err(format!(
            "vector access ({} logged in {}):\n  {}",
            read.len(),
            log.display(),
            problems.join("\n  ")
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::covers;

    #[test]
    fn a_file_covers_its_groups() {
        assert!(covers("a.json", "a.json"));
        assert!(covers("a.json", "a.json#cases"));
        assert!(covers("a.json#cases", "a.json#cases"));
        assert!(!covers("a.json#cases", "a.json#cases2"));
        assert!(!covers("a.json", "a.jsonx"));
    }
}
