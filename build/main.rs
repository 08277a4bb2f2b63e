//! Stamps the binary with the commit it was built from, so that `postlint --version` says
//! which build a bug report is about: `postlint 0.1.0 (1a2b3c4 2026-12-03)`.
//!
//! The commit comes from git when the package is its own checkout, else from
//! `.git_archival.txt` as `git archive` filled it in (GitHub's source archives, and the
//! release's source distribution), else from the `.cargo_vcs_info.json` of a crates.io
//! package (a hash without a date); without any of them the version is the bare
//! `0.1.0`, which is still true.

use std::path::{Path, PathBuf};
use std::process::Command;

#[path = "commit.rs"]
mod commit;

fn main() {
    let manifest_dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let read = |name: &str| {
        let path = manifest_dir.join(name);
        let text = std::fs::read_to_string(&path).ok()?;
        println!("cargo:rerun-if-changed={}", path.display());
        Some(text)
    };
    let commit = from_checkout(&manifest_dir)
        .or_else(|| commit::from_archival(&read(".git_archival.txt")?))
        .or_else(|| commit::from_cargo_vcs_info(&read(".cargo_vcs_info.json")?));
    let version = std::env::var("CARGO_PKG_VERSION").unwrap_or_default();
    println!(
        "cargo:rustc-env=POSTLINT_LONG_VERSION={}",
        commit::long_version(&version, commit.as_ref())
    );
    println!("cargo:rerun-if-changed=build/main.rs");
    println!("cargo:rerun-if-changed=build/commit.rs");
}

/// The checked-out commit, when the package's folder is the top of a git work tree (not a
/// source archive unpacked inside some other repository).
fn from_checkout(manifest_dir: &Path) -> Option<commit::Commit> {
    let git = |args: &[&str]| {
        let output = Command::new("git")
            .arg("-C")
            .arg(manifest_dir)
            .args(args)
            .output()
            .ok()?;
        output
            .status
            .success()
            .then(|| String::from_utf8_lossy(&output.stdout).trim().to_owned())
    };
    let top = PathBuf::from(git(&["rev-parse", "--show-toplevel"])?);
    if top.canonicalize().ok()? != manifest_dir.canonicalize().ok()? {
        return None;
    }
    // Build again when HEAD moves: HEAD itself (a checkout), the branch it names (a
    // commit) and packed-refs (a fetch or gc may move the ref there). Only files that exist:
    // cargo would rerun the script on every build for a missing one.
    // Both may be relative to the folder git ran in.
    let head_dir = manifest_dir.join(git(&["rev-parse", "--git-dir"])?);
    let common_dir = manifest_dir.join(git(&["rev-parse", "--git-common-dir"])?);
    let mut watched = vec![head_dir.join("HEAD"), common_dir.join("packed-refs")];
    if let Some(branch) = git(&["symbolic-ref", "-q", "HEAD"]) {
        watched.push(common_dir.join(branch));
    }
    for path in watched.iter().filter(|path| path.is_file()) {
        println!("cargo:rerun-if-changed={}", path.display());
    }
    commit::from_git_log(&git(&["log", "-1", "--format=%H%n%cs"])?)
}
