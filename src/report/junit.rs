//! JUnit XML, which CI services (GitLab, Jenkins, Azure Pipelines, …) show as test results.
//!
//! One `<testsuite name="postlint">` with one `<testcase>` per file, named by its path: a
//! file passes when it has no error or warning. Each error or warning is a `<failure>` of
//! its testcase (`type` the rule, `message` the message; the text gives the position and
//! the help). Infos fail nothing and are listed in the testcase's `<system-out>`. A file
//! that could not be read or linted is an `<error>`: the test could not run. `tests`
//! counts files, `failures` the files with a failure, `errors` the files with an error.
//! No times are written, so the report is the same from run to run.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::location::{Locator, slash_path};
use super::{Reporter, Sources, Totals};
use crate::diagnostic::Severity;
use crate::engine::FileReport;

pub struct JUnit;

impl Reporter for JUnit {
    /// The suite's counts come first in the document.
    fn needs_totals_first(&self) -> bool {
        true
    }

    fn begin(&self, totals: &Totals, out: &mut dyn Write) -> io::Result<()> {
        let tests = totals.files;
        let (failures, errors) = (totals.files_with_problems, totals.files_failed);
        out.write_all(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")?;
        writeln!(
            out,
            "<testsuites name=\"postlint\" tests=\"{tests}\" failures=\"{failures}\" errors=\"{errors}\">"
        )?;
        writeln!(
            out,
            "  <testsuite name=\"postlint\" tests=\"{tests}\" failures=\"{failures}\" errors=\"{errors}\" skipped=\"0\">"
        )
    }

    fn file(&self, file: &FileReport, _: &dyn Sources, out: &mut Vec<u8>) {
        // A file the generator does not publish was not tested.
        if file.skipped.is_some() {
            return;
        }
        let mut xml = String::new();
        testcase(&mut xml, file);
        out.extend_from_slice(xml.as_bytes());
    }

    fn end(&self, _: &Totals, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(b"  </testsuite>\n</testsuites>\n")
    }
}

fn testcase(xml: &mut String, file: &FileReport) {
    let path = slash_path(&file.path);
    let name = attribute(&path);
    if file.diagnostics.is_empty() {
        let _ = writeln!(
            xml,
            "    <testcase name=\"{name}\" classname=\"postlint\"/>"
        );
        return;
    }
    let _ = writeln!(xml, "    <testcase name=\"{name}\" classname=\"postlint\">");
    let locator = Locator::new(file.source.as_deref());
    let mut infos = String::new();
    for diagnostic in &file.diagnostics {
        let finding = &diagnostic.finding;
        let position = locator.position(finding.range.start);
        let mut text = format!(
            "{path}:{}:{}: {}[{}] {}",
            position.line, position.column, diagnostic.severity, diagnostic.rule, finding.message
        );
        if let Some(help) = &finding.help {
            let _ = write!(text, "\nhelp: {help}");
        }
        if let Some(url) = super::rule_url(diagnostic) {
            let _ = write!(text, "\nsee: {url}");
        }
        // A file that could not be linted at all: the test could not run.
        let element = if super::is_failure(diagnostic) {
            "error"
        } else if diagnostic.severity > Severity::Info {
            "failure"
        } else {
            infos.push_str(&text);
            infos.push('\n');
            continue;
        };
        let _ = writeln!(
            xml,
            "      <{element} message=\"{}\" type=\"{}\">{}</{element}>",
            attribute(&finding.message),
            attribute(diagnostic.rule),
            content(&text),
        );
    }
    if !infos.is_empty() {
        let _ = writeln!(xml, "      <system-out>{}</system-out>", content(&infos));
    }
    xml.push_str("    </testcase>\n");
}

/// Text safe in an attribute value: the five markup characters as entities, line breaks
/// and tabs as character references (a parser would turn them into spaces), and the
/// characters XML 1.0 forbids dropped.
fn attribute(text: &str) -> String {
    escape(text, true)
}

/// Text safe as element content: as [`attribute`], but line breaks and tabs kept as they
/// are, except a carriage return, which a parser would turn into a line feed.
fn content(text: &str) -> String {
    escape(text, false)
}

fn escape(text: &str, attribute: bool) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&apos;"),
            '\r' => escaped.push_str("&#13;"),
            '\n' if attribute => escaped.push_str("&#10;"),
            '\t' if attribute => escaped.push_str("&#9;"),
            c if is_xml_char(c) => escaped.push(c),
            _ => {}
        }
    }
    escaped
}

/// XML 1.0's `Char` production (surrogates cannot be a `char`).
fn is_xml_char(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Finding;
    use crate::report::test_support::{file, outcome, render, sample};

    #[test]
    fn the_sample_outcome() {
        insta::assert_snapshot!(render(&JUnit, &sample()));
    }

    #[test]
    fn escapes_markup_and_drops_what_xml_forbids() {
        for escape in [attribute, content] {
            assert_eq!(
                escape("<a href=\"x\">&'</a>"),
                "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;"
            );
            assert_eq!(escape("a\u{0}b\u{1b}c\u{fffe}d\u{ffff}"), "abcd");
            assert_eq!(escape("中😀\u{85}"), "中😀\u{85}");
        }
        assert_eq!(attribute("1\n2\r\t3"), "1&#10;2&#13;&#9;3");
        assert_eq!(content("1\n2\r\t3"), "1\n2&#13;\t3");
    }

    #[test]
    fn counts_files_not_findings() {
        let two_errors = vec![
            ("heading-empty", Severity::Error, Finding::new(0..1, "a")),
            ("heading-empty", Severity::Error, Finding::new(1..2, "b")),
        ];
        let only_info = vec![(
            "content-length",
            Severity::Info,
            Finding::new(0..0, "short"),
        )];
        let report = render(
            &JUnit,
            &outcome(vec![
                file("a.md", Some("#\n#\n"), two_errors),
                file("b.md", Some("x\n"), only_info),
                file("c.md", Some("x\n"), vec![]),
            ]),
        );
        assert!(
            report.contains(
                "<testsuite name=\"postlint\" tests=\"3\" failures=\"1\" errors=\"0\" skipped=\"0\">"
            ),
            "{report}"
        );
        assert_eq!(report.matches("<failure ").count(), 2);
        assert!(report.contains("<testcase name=\"c.md\" classname=\"postlint\"/>"));
    }
}
