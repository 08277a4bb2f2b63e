//! `postlint --version` names the commit it was built from (build/main.rs), and the
//! build script's readers of each source of that commit.

use std::path::Path;
use std::process::Command;

#[path = "../build/commit.rs"]
mod commit;

use commit::{Commit, from_archival, from_cargo_vcs_info, from_git_log, long_version};

const HASH: &str = "1a2b3c4d5e6f708192a3b4c5d6e7f80912a3b4c5";

fn commit(hash: &str, date: Option<&str>) -> Option<Commit> {
    Some(Commit {
        hash: hash.to_owned(),
        date: date.map(str::to_owned),
    })
}

#[test]
fn the_long_version_names_the_hash_and_the_date_when_known() {
    let full = commit("1a2b3c4", Some("2026-12-03"));
    assert_eq!(
        long_version("0.1.0", full.as_ref()),
        "0.1.0 (1a2b3c4 2026-12-03)"
    );
    let undated = commit("1a2b3c4", None);
    assert_eq!(long_version("0.1.0", undated.as_ref()), "0.1.0 (1a2b3c4)");
    assert_eq!(long_version("0.1.0", None), "0.1.0");
}

#[test]
fn git_log_output_gives_a_short_hash_and_the_date() {
    assert_eq!(
        from_git_log(&format!("{HASH}\n2026-12-03\n")),
        commit("1a2b3c4", Some("2026-12-03"))
    );
    assert_eq!(from_git_log(&format!("{HASH}\n")), commit("1a2b3c4", None));
    assert_eq!(from_git_log(""), None);
    assert_eq!(from_git_log("fatal: not a git repository\n"), None);
}

#[test]
fn an_archive_names_its_commit_once_git_archive_filled_the_file_in() {
    let filled = format!("node: {HASH}\nnode-date: 2026-12-03T10:15:00+08:00\n");
    assert_eq!(
        from_archival(&filled),
        commit("1a2b3c4", Some("2026-12-03"))
    );
    // A checkout's copy, never filled in, names nothing.
    assert_eq!(
        from_archival("node: $Format:%H$\nnode-date: $Format:%cI$\n"),
        None
    );
    assert_eq!(
        from_archival(&format!("node: {HASH}\nnode-date: $Format:%cI$\n")),
        commit("1a2b3c4", None)
    );
    assert_eq!(from_archival(""), None);
}

#[test]
fn a_crates_io_package_names_its_hash_without_a_date() {
    let json =
        format!("{{\n  \"git\": {{\n    \"sha1\": \"{HASH}\"\n  }},\n  \"path_in_vcs\": \"\"\n}}");
    assert_eq!(from_cargo_vcs_info(&json), commit("1a2b3c4", None));
    assert_eq!(from_cargo_vcs_info("{\"path_in_vcs\": \"\"}"), None);
    assert_eq!(
        from_cargo_vcs_info("{\"git\": {\"sha1\": \"not hex at all\"}}"),
        None
    );
}

/// What git says of the repository postlint is built in, when it is a checkout.
fn git(args: &[&str]) -> Option<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let output = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(args)
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

fn in_own_checkout() -> bool {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .canonicalize()
        .unwrap();
    git(&["rev-parse", "--show-toplevel"])
        .and_then(|top| Path::new(top.trim()).canonicalize().ok())
        .is_some_and(|top| top == root)
}

#[test]
fn the_binary_prints_the_checked_out_commit() {
    let output = Command::new(env!("CARGO_BIN_EXE_postlint"))
        .arg("--version")
        .output()
        .unwrap();
    assert!(output.status.success());
    let printed = String::from_utf8(output.stdout).unwrap();
    let version = env!("CARGO_PKG_VERSION");
    if in_own_checkout() {
        let log = git(&["log", "-1", "--format=%h %cs", "--abbrev=7"]).unwrap();
        let (hash, date) = log.trim().split_once(' ').unwrap();
        assert_eq!(
            printed,
            format!("postlint {version} ({} {date})\n", &hash[..7])
        );
    } else {
        assert!(
            printed.starts_with(&format!("postlint {version}")),
            "{printed}"
        );
    }
}

#[cfg(unix)]
#[test]
fn git_archive_fills_in_the_file_the_build_reads() {
    if !in_own_checkout() {
        return;
    }
    // The file as `git archive` writes it into a source archive of HEAD (export-subst).
    let extracted = Command::new("sh")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "-c",
            "git archive --format=tar HEAD .git_archival.txt | tar -xOf -",
        ])
        .output()
        .unwrap();
    assert!(
        extracted.status.success(),
        "{}",
        String::from_utf8_lossy(&extracted.stderr)
    );
    let text = String::from_utf8(extracted.stdout).unwrap();
    let log = git(&["log", "-1", "--format=%H%n%cs"]).unwrap();
    assert!(from_archival(&text).is_some(), "{text}");
    assert_eq!(from_archival(&text), from_git_log(&log));
}
