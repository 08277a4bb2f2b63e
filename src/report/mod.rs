//! One reporter per output format, all reading the same [`Outcome`].
//!
//! Every reporter is deterministic: it walks the outcome in its order (by path, then
//! position) and writes nothing that depends on the clock, the machine or the thread count.

mod concise;
mod github;
mod gitlab;
mod human;
mod json;
mod junit;
mod location;
mod sarif;
mod statistics;

use std::borrow::Cow;
use std::io::{self, Write};

pub use concise::Concise;
pub use github::GitHub;
pub use gitlab::GitLab;
pub use human::Human;
pub use json::Json;
pub use junit::JUnit;
pub use sarif::Sarif;
pub use statistics::{RuleCount, Statistics, statistics, write_statistics};

use crate::diagnostic::Diagnostic;
use crate::engine::Outcome;

pub trait Reporter {
    fn report(&self, outcome: &Outcome, out: &mut dyn Write) -> io::Result<()>;
}

/// The page of the rule that reported `diagnostic`; none for a file that could not be
/// read or that postlint failed on, which have no page.
fn rule_url(diagnostic: &Diagnostic) -> Option<String> {
    crate::rules::find(diagnostic.rule).map(|info| info.url())
}

/// The message, then its help on a line of its own: for formats that show one text.
fn message_with_help(diagnostic: &Diagnostic) -> Cow<'_, str> {
    let finding = &diagnostic.finding;
    match &finding.help {
        Some(help) => format!("{}\nhelp: {help}", finding.message).into(),
        None => finding.message.as_str().into(),
    }
}

#[cfg(test)]
pub(crate) mod test_support {
    //! Outcomes built by hand, so reporter tests control every path and message.

    use std::path::PathBuf;
    use std::sync::Arc;

    use crate::diagnostic::{Diagnostic, Finding, Severity};
    use crate::engine::{FileReport, Outcome};

    /// A linted file with its findings, each under a rule name and severity.
    pub fn file(
        path: &str,
        source: Option<&str>,
        findings: Vec<(&'static str, Severity, Finding)>,
    ) -> FileReport {
        let path = PathBuf::from(path);
        let mut diagnostics: Vec<Diagnostic> = findings
            .into_iter()
            .map(|(rule, severity, finding)| Diagnostic {
                path: path.clone(),
                rule,
                severity,
                finding,
            })
            .collect();
        diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        FileReport {
            path,
            source: source.map(Arc::from),
            diagnostics,
            linted: source.is_some(),
            summary: None,
        }
    }

    pub fn outcome(mut files: Vec<FileReport>) -> Outcome {
        files.sort_by(|a, b| a.path.cmp(&b.path));
        Outcome { files }
    }

    /// Renders an outcome with a reporter, as text.
    pub fn render(reporter: &dyn super::Reporter, outcome: &Outcome) -> String {
        let mut out = Vec::new();
        reporter.report(outcome, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// The byte range of the first `needle` in `text`.
    pub fn range_of(text: &str, needle: &str) -> std::ops::Range<usize> {
        let start = text.find(needle).expect("the needle is in the text");
        start..start + needle.len()
    }

    /// Two posts and a file that could not be read: a finding with help and a related
    /// place in the other post, a multi-line message, a non-ASCII line, an info.
    pub fn sample() -> Outcome {
        let a = "---\ntitle: 中文 😀 cover\ncover: \n---\n# Hi\n";
        let b = "---\nslug: x\n---\n";
        outcome(vec![
            file(
                "posts/a.md",
                Some(a),
                vec![
                    (
                        "cover-missing",
                        Severity::Error,
                        Finding::new(
                            range_of(a, "cover:"),
                            "`cover` is empty, so the post has no cover image",
                        )
                        .help("give it an image path"),
                    ),
                    (
                        "title-length",
                        Severity::Warning,
                        Finding::new(
                            range_of(a, "中文 😀 cover"),
                            "title has a line break:\n`a,b: 100%`",
                        )
                        .secondary(0..3, "front matter starts here"),
                    ),
                    (
                        "slug-duplicate",
                        Severity::Error,
                        Finding::new(
                            range_of(a, "# Hi"),
                            "slug `x` is also the slug of `posts/b.md`",
                        )
                        .related(
                            PathBuf::from("posts/b.md"),
                            range_of(b, "x"),
                            "the same slug here",
                        ),
                    ),
                    (
                        "content-length",
                        Severity::Info,
                        Finding::new(0..0, "post body is 1 reading unit long"),
                    ),
                ],
            ),
            file("posts/b.md", Some(b), vec![]),
            FileReport {
                linted: false,
                ..file(
                    "posts/gone.md",
                    None,
                    vec![(
                        crate::diagnostic::UNREADABLE_FILE,
                        Severity::Error,
                        Finding::new(0..0, "cannot read file: no such file or directory"),
                    )],
                )
            },
        ])
    }
}
