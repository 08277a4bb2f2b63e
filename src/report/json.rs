//! The JSON report: one document, versioned, for scripts and other tools.
//!
//! ## JSON output
//!
//! `postlint check --format json` prints one JSON document (UTF-8, pretty-printed, ending
//! with a newline) to standard output. Like every report it is the same, byte for byte,
//! for the same files and configuration, whatever the number of threads. For
//! `postlint check --format json fixtures/blog/posts/chatgpt-image-video-post.md`
//! (positions written on one line here):
//!
//! ```json
//! {
//!   "version": 1,
//!   "tool": { "name": "postlint", "version": "0.1.0" },
//!   "diagnostics": [
//!     {
//!       "path": "fixtures/blog/posts/chatgpt-image-video-post.md",
//!       "rule": "cover-missing",
//!       "severity": "error",
//!       "message": "`cover` is empty, so the post has no cover image",
//!       "help": "give it an image path or URL, such as `cover: /images/post-cover.png` (social cards and post listings show it), or write `cover: false` to publish without one",
//!       "start": { "offset": 292, "line": 7, "column": 1 },
//!       "end": { "offset": 297, "line": 7, "column": 6 },
//!       "url": "https://github.com/postlint/postlint/blob/main/rules/cover-missing.md",
//!       "related": [],
//!       "fix": null
//!     }
//!   ],
//!   "summary": { "posts_checked": 1, "errors": 1, "warnings": 0, "infos": 0, "failures": 0, "skipped": 0, "baselined": 0 }
//! }
//! ```
//!
//! | field | meaning |
//! |---|---|
//! | `version` | the version of this schema, `1`. It changes only when a field is removed, renamed or changes meaning; fields may be added without a change, so ignore the ones you do not know |
//! | `tool.name`, `tool.version` | `"postlint"` and the version of the binary that wrote the report |
//! | `diagnostics` | every diagnostic, sorted by path, then position, then rule (the order of the other formats) |
//! | `diagnostics[].path` | the file, as postlint was given it or found it walking a folder (relative to the current directory unless an absolute path was given) |
//! | `diagnostics[].rule` | the rule's name, as in `postlint.toml`; or `unreadable-file` for a file that could not be read (missing, permission denied, not UTF-8), or `internal-error` for a file postlint failed on (a bug) |
//! | `diagnostics[].severity` | `"error"`, `"warning"` or `"info"`: the level in effect after configuration |
//! | `diagnostics[].message` | what was found, one sentence, lowercase, no trailing period; it may quote a value from the file, so it may hold any character, line breaks included |
//! | `diagnostics[].help` | how to fix it, or `null` |
//! | `diagnostics[].start`, `diagnostics[].end` | where the finding starts and ends (`end` is exclusive; an empty range, `start` equal to `end`, points between two characters) |
//! | `….offset` | the byte offset in the file, from 0 (a UTF-8 byte-order mark counts) |
//! | `….line` | the line, from 1; a line ends at `\n`, `\r\n` or a lone `\r` |
//! | `….column` | the column, from 1, counted in characters (Unicode scalar values), not bytes or UTF-16 units, as in `--format concise`; a byte-order mark is not counted |
//! | `diagnostics[].url` | the rule's documentation page, or `null` for `unreadable-file` and `internal-error` |
//! | `diagnostics[].related` | places in other files the finding is about, such as the other post with the same slug: each has `path`, `start`, `end` (as above) and `message`; empty for most rules (a place in a file postlint did not read is left out) |
//! | `diagnostics[].fix` | the fix the rule offers, or `null`: `applicability` (`"safe"`, applied by `--fix`, or `"unsafe"`, applied only with `--unsafe-fixes`), `message` (what it does), and `edits`, each a byte range of the file (`start`, `end`, exclusive) and its `replacement` |
//! | `summary.posts_checked` | files read and linted as posts |
//! | `summary.errors`, `summary.warnings`, `summary.infos` | diagnostics of the rules at each severity |
//! | `summary.failures` | files that could not be read or linted; each also has an `unreadable-file` or `internal-error` diagnostic of severity `error`, not counted in `summary.errors` |
//! | `summary.skipped` | files found walking a folder that the site's generator does not publish (a scaffold, a headless page, a README), left alone; `postlint site` says why |
//! | `summary.baselined` | findings left out of `diagnostics` and the other counts because the baseline records them (see "Baseline"); `0` without a baseline |
//!
//! A file that could not be read has no text to count lines in: its diagnostic is at
//! offset 0, line 1, column 1.

use std::io::{self, Write};

use serde::Serialize;

use super::location::{Locator, Position};
use super::{Reporter, Sources, Totals};
use crate::diagnostic::Diagnostic;
use crate::engine::FileReport;

/// The version of the document's schema: raised when a field is removed, renamed or
/// changes meaning, never for an added field.
pub const SCHEMA_VERSION: u32 = 1;

pub struct Json;

impl Reporter for Json {
    fn begin(&self, totals: &Totals, out: &mut dyn Write) -> io::Result<()> {
        let (head, _) = super::around_array(&document(totals), "diagnostics");
        out.write_all(head.as_bytes())
    }

    fn file(&self, file: &FileReport, sources: &dyn Sources, out: &mut Vec<u8>) {
        let locator = Locator::new(file.source.as_deref());
        super::json_items(&file.diagnostics, 4, out, |diagnostic| {
            JsonDiagnostic::new(sources, &locator, diagnostic)
        });
    }

    fn separator(&self) -> &'static [u8] {
        b","
    }

    fn end(&self, totals: &Totals, out: &mut dyn Write) -> io::Result<()> {
        let (_, tail) = super::around_array(&document(totals), "diagnostics");
        if totals.diagnostics > 0 {
            out.write_all(b"\n  ")?;
        }
        out.write_all(tail.as_bytes())?;
        out.write_all(b"\n")
    }
}

/// The document around its diagnostics, which are written into it one file at a time.
fn document(totals: &Totals) -> String {
    let document = Document {
        version: SCHEMA_VERSION,
        tool: Tool {
            name: env!("CARGO_PKG_NAME"),
            version: env!("CARGO_PKG_VERSION"),
        },
        diagnostics: Vec::new(),
        summary: Summary {
            posts_checked: totals.posts_checked,
            errors: totals.errors,
            warnings: totals.warnings,
            infos: totals.infos,
            failures: totals.failures,
            skipped: totals.skipped,
            baselined: totals.baselined,
        },
    };
    serde_json::to_string_pretty(&document).unwrap_or_default()
}

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    tool: Tool,
    diagnostics: Vec<JsonDiagnostic<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    path: String,
    rule: &'a str,
    severity: &'static str,
    message: &'a str,
    help: Option<&'a str>,
    start: JsonPosition,
    end: JsonPosition,
    url: Option<String>,
    related: Vec<JsonRelated<'a>>,
    /// The fix the rule offers, or `null`.
    fix: Option<JsonFix<'a>>,
}

/// A fix: how safe it is, what it does, and its edits on byte ranges of the file.
#[derive(Serialize)]
struct JsonFix<'a> {
    applicability: &'static str,
    message: &'a str,
    edits: Vec<JsonEdit<'a>>,
}

#[derive(Serialize)]
struct JsonEdit<'a> {
    start: usize,
    end: usize,
    replacement: &'a str,
}

impl<'a> JsonDiagnostic<'a> {
    fn new(sources: &dyn Sources, locator: &Locator, diagnostic: &'a Diagnostic) -> Self {
        let finding = &diagnostic.finding;
        let related = finding
            .related
            .iter()
            .filter_map(|related| {
                // Only places whose file can be read can be given a line and column.
                let text = sources.text(&related.path)?;
                let other = Locator::new(Some(&text));
                Some(JsonRelated {
                    path: related.path.to_string_lossy().into_owned(),
                    start: other.position(related.range.start).into(),
                    end: other.position(related.range.end).into(),
                    message: &related.text,
                })
            })
            .collect();
        JsonDiagnostic {
            path: diagnostic.path.to_string_lossy().into_owned(),
            rule: diagnostic.rule,
            severity: diagnostic.severity.as_str(),
            message: &finding.message,
            help: finding.help.as_deref(),
            start: locator.position(finding.range.start).into(),
            end: locator.position(finding.range.end).into(),
            url: super::rule_url(diagnostic),
            related,
            fix: finding.fix.as_ref().map(|fix| JsonFix {
                applicability: fix.applicability.as_str(),
                message: &fix.message,
                edits: fix
                    .edits
                    .iter()
                    .map(|edit| JsonEdit {
                        start: edit.range.start,
                        end: edit.range.end,
                        replacement: &edit.replacement,
                    })
                    .collect(),
            }),
        }
    }
}

#[derive(Serialize)]
struct JsonPosition {
    offset: usize,
    line: usize,
    column: usize,
}

impl From<Position> for JsonPosition {
    fn from(position: Position) -> Self {
        JsonPosition {
            offset: position.offset,
            line: position.line,
            column: position.column,
        }
    }
}

#[derive(Serialize)]
struct JsonRelated<'a> {
    path: String,
    start: JsonPosition,
    end: JsonPosition,
    message: &'a str,
}

#[derive(Serialize)]
struct Summary {
    posts_checked: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
    failures: usize,
    skipped: usize,
    baselined: usize,
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::*;
    use crate::report::test_support::{outcome, render, sample};

    #[test]
    fn the_sample_outcome() {
        insta::assert_snapshot!(render(&Json, &sample()));
    }

    #[test]
    fn every_diagnostic_has_every_field() {
        let document: Value = serde_json::from_str(&render(&Json, &sample())).unwrap();
        assert_eq!(document["version"], 1);
        assert_eq!(document["tool"]["name"], "postlint");
        assert_eq!(document["tool"]["version"], env!("CARGO_PKG_VERSION"));
        let diagnostics = document["diagnostics"].as_array().unwrap();
        assert_eq!(diagnostics.len(), 5);
        for diagnostic in diagnostics {
            let mut fields: Vec<&str> = diagnostic
                .as_object()
                .unwrap()
                .keys()
                .map(String::as_str)
                .collect();
            fields.sort_unstable();
            assert_eq!(
                fields,
                [
                    "end", "fix", "help", "message", "path", "related", "rule", "severity",
                    "start", "url"
                ]
            );
            assert!(diagnostic["fix"].is_null());
        }
        let unreadable = &diagnostics[4];
        assert_eq!(unreadable["rule"], "unreadable-file");
        assert!(unreadable["url"].is_null());
        assert_eq!(
            unreadable["start"],
            serde_json::json!({"offset": 0, "line": 1, "column": 1})
        );
        assert_eq!(
            document["summary"],
            serde_json::json!({
                "posts_checked": 2, "errors": 2, "warnings": 1, "infos": 1, "failures": 1,
                "skipped": 0, "baselined": 0
            })
        );
    }

    #[test]
    fn columns_count_characters() {
        let document: Value = serde_json::from_str(&render(&Json, &sample())).unwrap();
        // The title `中文 😀 cover` on line 2, from column 8 to the end of its 17 characters.
        let title = &document["diagnostics"][1];
        assert_eq!(title["rule"], "title-length");
        assert_eq!(
            title["start"],
            serde_json::json!({"offset": 11, "line": 2, "column": 8})
        );
        assert_eq!(
            title["end"],
            serde_json::json!({"offset": 28, "line": 2, "column": 18})
        );
    }

    #[test]
    fn an_empty_run_is_a_document_too() {
        let document: Value = serde_json::from_str(&render(&Json, &outcome(vec![]))).unwrap();
        assert_eq!(document["diagnostics"], serde_json::json!([]));
        assert_eq!(document["summary"]["posts_checked"], 0);
    }
}
