//! GitHub Actions workflow commands: each diagnostic becomes an annotation on the line
//! it is about, in the run's summary and in a pull request's changed files.
//!
//! `::error file=posts/a.md,line=7,col=1,endLine=7,endColumn=7,title=postlint(cover-missing)::…`
//! Errors are `::error`, warnings `::warning`, infos `::notice`. The message is the
//! finding's, then its help on a second line; the title names the rule. Columns count
//! characters and the end column is the one after the finding, as in `--format json`;
//! GitHub takes columns only within one line, so a finding over several lines gives lines
//! alone. Paths are as postlint was given them: run it from the repository's root so that
//! they match the files of the checkout.

use std::fmt::Write as _;

use super::location::{Locator, slash_path};
use super::{Reporter, Sources};
use crate::diagnostic::Severity;
use crate::engine::FileReport;

pub struct GitHub;

impl Reporter for GitHub {
    fn file(&self, file: &FileReport, _: &dyn Sources, out: &mut Vec<u8>) {
        let mut line = String::new();
        let locator = Locator::new(file.source.as_deref());
        let path = slash_path(&file.path);
        for diagnostic in &file.diagnostics {
            line.clear();
            let command = match diagnostic.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let _ = write!(line, "::{command} file={}", property(&path));
            if locator.has_source() {
                let start = locator.position(diagnostic.finding.range.start);
                let end = locator.position(diagnostic.finding.range.end);
                if start.line == end.line {
                    let _ = write!(
                        line,
                        ",line={},col={},endLine={},endColumn={}",
                        start.line, start.column, end.line, end.column
                    );
                } else {
                    let _ = write!(line, ",line={},endLine={}", start.line, end.line);
                }
            }
            let title = format!("postlint({})", diagnostic.rule);
            let _ = write!(
                line,
                ",title={}::{}",
                property(&title),
                data(&super::message_with_help(diagnostic))
            );
            line.push('\n');
            out.extend_from_slice(line.as_bytes());
        }
    }
}

/// A command's message, escaped as the runner unescapes it: a line break would end the
/// command, and `%` starts an escape.
fn data(text: &str) -> String {
    escape(text, false)
}

/// A command's property value: as [`data`], and `:` and `,`, which end a value.
fn property(text: &str) -> String {
    escape(text, true)
}

fn escape(text: &str, property: bool) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' => escaped.push_str("%25"),
            '\r' => escaped.push_str("%0D"),
            '\n' => escaped.push_str("%0A"),
            ':' if property => escaped.push_str("%3A"),
            ',' if property => escaped.push_str("%2C"),
            c => escaped.push(c),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Finding;
    use crate::report::test_support::{file, outcome, render, sample};

    #[test]
    fn the_sample_outcome() {
        insta::assert_snapshot!(render(&GitHub, &sample()));
    }

    #[test]
    fn escapes_data_and_properties_as_the_runner_reads_them() {
        assert_eq!(data("a%b\r\nc: d, e"), "a%25b%0D%0Ac: d, e");
        assert_eq!(property("a%b\r\nc: d, e"), "a%25b%0D%0Ac%3A d%2C e");
    }

    #[test]
    fn paths_with_separators_of_the_command_are_escaped() {
        let source = "line one\nline two\n";
        let report = render(
            &GitHub,
            &outcome(vec![file(
                "posts/a,b: 100%.md",
                Some(source),
                vec![(
                    "title-missing",
                    Severity::Warning,
                    Finding::new(5..13, "it says:\n`x`").help("50% of it, or: more"),
                )],
            )]),
        );
        assert_eq!(
            report,
            "::warning file=posts/a%2Cb%3A 100%25.md,line=1,endLine=2,\
             title=postlint(title-missing)::it says:%0A`x`%0Ahelp: 50%25 of it, or: more\n"
        );
        // One command per line, whatever the message holds.
        assert_eq!(report.lines().count(), 1);
    }
}
