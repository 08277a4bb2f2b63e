//! GitLab Code Quality: a JSON array of issues, shown in merge requests and pipelines.
//!
//! Each issue has `description` (the message), `check_name` (the rule), `severity`
//! (`major` for an error, `minor` for a warning, `info` for an info), `location.path` and
//! `location.lines.begin`, and a `fingerprint` that GitLab uses to tell new issues from
//! fixed ones between two pipelines. Paths must be relative to the repository's root, with
//! `/` between folders: run postlint from the root.
//!
//! The fingerprint hashes the path, the rule and the message, not the position, so that a
//! line added above a finding does not make it a new issue. Two findings alike in all
//! three (the same rule reporting the same thing twice in a file) are told apart by their
//! order in the file: the second gets the next fingerprint, so every fingerprint in a
//! report is unique, as GitLab requires. The hash is 64-bit FNV-1a ([`crate::fnv`]), so
//! fingerprints stay the same across releases.

use std::collections::BTreeSet;
use std::io::{self, Write};

use serde::Serialize;

use super::location::{Locator, slash_path};
use super::{Reporter, Sources, Totals};
use crate::diagnostic::Severity;
use crate::engine::FileReport;
use crate::fnv::fnv1a;

pub struct GitLab;

impl Reporter for GitLab {
    fn begin(&self, _: &Totals, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(b"[")
    }

    fn file(&self, file: &FileReport, _: &dyn Sources, out: &mut Vec<u8>) {
        let locator = Locator::new(file.source.as_deref());
        let path = slash_path(&file.path).into_owned();
        // The path is hashed into every fingerprint, so only one file's can collide.
        let mut taken = BTreeSet::new();
        super::json_items(&file.diagnostics, 2, out, |diagnostic| {
            let message = diagnostic.finding.message.as_str();
            let fingerprint = (0u64..)
                .map(|salt| fingerprint(&path, diagnostic.rule, message, salt))
                .find(|fingerprint| taken.insert(*fingerprint))
                .expect("some salt gives an unused fingerprint");
            Issue {
                description: message,
                check_name: diagnostic.rule,
                fingerprint: format!("{fingerprint:016x}"),
                severity: match diagnostic.severity {
                    Severity::Error => "major",
                    Severity::Warning => "minor",
                    Severity::Info => "info",
                },
                location: IssueLocation {
                    path: path.clone(),
                    lines: Lines {
                        begin: locator.position(diagnostic.finding.range.start).line,
                    },
                },
            }
        });
    }

    fn separator(&self) -> &'static [u8] {
        b","
    }

    fn end(&self, totals: &Totals, out: &mut dyn Write) -> io::Result<()> {
        if totals.diagnostics > 0 {
            out.write_all(b"\n")?;
        }
        out.write_all(b"]\n")
    }
}

#[derive(Serialize)]
struct Issue<'a> {
    description: &'a str,
    check_name: &'a str,
    fingerprint: String,
    severity: &'static str,
    location: IssueLocation,
}

#[derive(Serialize)]
struct IssueLocation {
    path: String,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
}

/// The fingerprint of a finding: the hash of its parts, each followed by a zero byte so
/// that no two lists of parts hash the same bytes.
fn fingerprint(path: &str, rule: &str, message: &str, salt: u64) -> u64 {
    let mut bytes = Vec::with_capacity(path.len() + rule.len() + message.len() + 12);
    for part in [
        path.as_bytes(),
        rule.as_bytes(),
        message.as_bytes(),
        &salt.to_le_bytes(),
    ] {
        bytes.extend_from_slice(part);
        bytes.push(0);
    }
    fnv1a(&bytes)
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::*;
    use crate::diagnostic::Finding;
    use crate::report::test_support::{file, outcome, render, sample};

    #[test]
    fn the_sample_outcome() {
        insta::assert_snapshot!(render(&GitLab, &sample()));
    }

    #[test]
    fn fingerprints_are_pinned() {
        // A change here changes the fingerprint of every issue users have in GitLab:
        // every finding would show as fixed and found again.
        assert_eq!(
            format!(
                "{:016x}",
                fingerprint("posts/a.md", "cover-missing", "m", 0)
            ),
            "6af4a4244b9d4b4a"
        );
    }

    #[test]
    fn fingerprints_ignore_the_line_and_are_unique() {
        let findings = |shift: usize| {
            vec![
                (
                    "heading-empty",
                    Severity::Error,
                    Finding::new(shift..shift + 1, "heading has no text"),
                ),
                (
                    "heading-empty",
                    Severity::Error,
                    Finding::new(shift + 4..shift + 5, "heading has no text"),
                ),
            ]
        };
        let fingerprints = |source: &str, shift: usize| -> Vec<String> {
            let report = render(
                &GitLab,
                &outcome(vec![file("a.md", Some(source), findings(shift))]),
            );
            let issues: Value = serde_json::from_str(&report).unwrap();
            issues
                .as_array()
                .unwrap()
                .iter()
                .map(|issue| issue["fingerprint"].as_str().unwrap().to_owned())
                .collect()
        };
        let before = fingerprints("#\n\n#\n", 0);
        let after = fingerprints("new line\n#\n\n#\n", 9);
        assert_eq!(before, after);
        assert_ne!(before[0], before[1]);
        assert_eq!(before[0].len(), 16);
    }
}
