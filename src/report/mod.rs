//! One reporter per output format, all reading the same [`Outcome`].
//!
//! Every reporter is deterministic: it walks the outcome in its order (by path, then
//! position) and writes nothing that depends on the clock, the machine or the thread count.

mod concise;
mod github;
mod gitlab;
mod human;
mod human_direct;
mod json;
mod junit;
mod location;
mod rule_summary;
mod sarif;
mod statistics;

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::Path;
use std::sync::Arc;

pub use concise::Concise;
pub use github::GitHub;
pub use gitlab::GitLab;
pub use human::Human;
pub use json::Json;
pub use junit::JUnit;
pub use sarif::Sarif;
pub use statistics::{RuleCount, Statistics, statistics, write_statistics};

use crate::diagnostic::{Applicability, Diagnostic, Severity, UNREADABLE_FILE};
use crate::engine::{FileReport, INTERNAL_ERROR, Outcome};

/// A format, written as a stream: `begin`, then each file's part in path order, then
/// `end`. Parts are rendered on the worker threads, so `file` sees one file and nothing
/// of the others but their text (for a finding that points into another post).
pub trait Reporter: Sync {
    /// Whether `begin` needs the run's totals, so the parts wait until the run is over.
    fn needs_totals_first(&self) -> bool {
        false
    }

    fn begin(&self, _totals: &Totals, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }

    /// One file's part; nothing for a file without diagnostics.
    fn file(&self, file: &FileReport, sources: &dyn Sources, out: &mut Vec<u8>);

    /// What goes between the parts of two files (a JSON array's comma).
    fn separator(&self) -> &'static [u8] {
        b""
    }

    fn end(&self, _totals: &Totals, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }

    /// The whole report of an outcome held in memory.
    fn report(&self, outcome: &Outcome, out: &mut dyn Write) -> io::Result<()> {
        self.report_with(outcome, &Totals::of(outcome), out)
    }

    /// [`Reporter::report`] with totals that count more than the outcome holds (the
    /// findings the baseline took out).
    fn report_with(
        &self,
        outcome: &Outcome,
        totals: &Totals,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        self.begin(totals, out)?;
        let mut part = Vec::new();
        let mut wrote = false;
        for file in &outcome.files {
            part.clear();
            self.file(file, outcome, &mut part);
            if !part.is_empty() {
                if wrote {
                    out.write_all(self.separator())?;
                }
                out.write_all(&part)?;
                wrote = true;
            }
        }
        self.end(totals, out)
    }
}

/// The text of the run's files, for places in other posts.
pub trait Sources {
    fn text(&self, path: &Path) -> Option<Arc<str>>;
}

impl Sources for Outcome {
    /// Only files whose text the run kept.
    fn text(&self, path: &Path) -> Option<Arc<str>> {
        let index = self
            .files
            .binary_search_by(|file| file.path.as_path().cmp(path))
            .ok()?;
        self.files[index].source.clone()
    }
}

/// What a run found, counted as its files go by.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Totals {
    /// Files reported on, linted or not (but for the skipped).
    pub files: usize,
    pub posts_checked: usize,
    /// Files left alone because the generator does not publish them.
    pub skipped: usize,
    /// Findings of the rules, by severity; files that could not be linted are `failures`.
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub failures: usize,
    /// Every diagnostic, failures included.
    pub diagnostics: usize,
    /// Files with a failure, and files with a warning or error but no failure: JUnit's
    /// errors and failures.
    pub files_failed: usize,
    pub files_with_problems: usize,
    /// Files with any diagnostic, infos included.
    pub files_with_findings: usize,
    pub by_rule: BTreeMap<(&'static str, Severity), usize>,
    /// Per rule, the files it fired in and its fixes, for the summary by rule.
    pub rule_files: BTreeMap<&'static str, RuleTally>,
    /// Findings left out of the report because the baseline records them.
    pub baselined: usize,
}

/// What one rule did across a run, beyond its count per severity.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct RuleTally {
    /// Files with at least one of its findings.
    pub files: usize,
    /// Findings `--fix` fixes, and those only `--unsafe-fixes` does.
    pub safe_fixes: usize,
    pub unsafe_fixes: usize,
}

impl RuleTally {
    fn merge(&mut self, other: &RuleTally) {
        self.files += other.files;
        self.safe_fixes += other.safe_fixes;
        self.unsafe_fixes += other.unsafe_fixes;
    }
}

impl Totals {
    pub fn of(outcome: &Outcome) -> Totals {
        let mut totals = Totals::default();
        for file in &outcome.files {
            totals.add(file);
        }
        totals
    }

    /// Counts one file, with all its diagnostics.
    pub fn add(&mut self, file: &FileReport) {
        if file.skipped.is_some() {
            self.skipped += 1;
            return;
        }
        self.files += 1;
        self.posts_checked += usize::from(file.linted);
        let failed = file.diagnostics.iter().any(is_failure);
        let problems = file.diagnostics.iter().any(|d| d.severity > Severity::Info);
        self.files_failed += usize::from(failed);
        self.files_with_problems += usize::from(!failed && problems);
        self.files_with_findings += usize::from(!file.diagnostics.is_empty());
        let mut rules_seen: Vec<&'static str> = Vec::new();
        for diagnostic in &file.diagnostics {
            self.count_diagnostic(diagnostic);
            let tally = self.rule_files.entry(diagnostic.rule).or_default();
            if !rules_seen.contains(&diagnostic.rule) {
                rules_seen.push(diagnostic.rule);
                tally.files += 1;
            }
            match diagnostic.finding.fix.as_ref().map(|fix| fix.applicability) {
                Some(Applicability::Safe) => tally.safe_fixes += 1,
                Some(Applicability::Unsafe) => tally.unsafe_fixes += 1,
                None => {}
            }
        }
    }

    fn count_diagnostic(&mut self, diagnostic: &Diagnostic) {
        self.diagnostics += 1;
        *self
            .by_rule
            .entry((diagnostic.rule, diagnostic.severity))
            .or_default() += 1;
        if is_failure(diagnostic) {
            self.failures += 1;
            return;
        }
        match diagnostic.severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
            Severity::Info => self.infos += 1,
        }
    }

    /// Findings of the rules at `severity`, not counting files that could not be linted.
    pub fn count(&self, severity: Severity) -> usize {
        match severity {
            Severity::Error => self.errors,
            Severity::Warning => self.warnings,
            Severity::Info => self.infos,
        }
    }

    /// Takes back what [`Totals::merge`] added, to count a file again with more findings.
    pub fn subtract(&mut self, counted: &Totals) {
        self.files -= counted.files;
        self.posts_checked -= counted.posts_checked;
        self.skipped -= counted.skipped;
        self.errors -= counted.errors;
        self.warnings -= counted.warnings;
        self.infos -= counted.infos;
        self.failures -= counted.failures;
        self.diagnostics -= counted.diagnostics;
        self.files_failed -= counted.files_failed;
        self.files_with_problems -= counted.files_with_problems;
        self.files_with_findings -= counted.files_with_findings;
        self.baselined -= counted.baselined;
        for (key, count) in &counted.by_rule {
            if let Some(total) = self.by_rule.get_mut(key) {
                *total -= count;
                if *total == 0 {
                    self.by_rule.remove(key);
                }
            }
        }
        for (rule, counted) in &counted.rule_files {
            if let Some(tally) = self.rule_files.get_mut(rule) {
                tally.files -= counted.files;
                tally.safe_fixes -= counted.safe_fixes;
                tally.unsafe_fixes -= counted.unsafe_fixes;
                if tally.files == 0 {
                    self.rule_files.remove(rule);
                }
            }
        }
    }

    /// Adds another part of the run.
    pub fn merge(&mut self, other: Totals) {
        self.files += other.files;
        self.posts_checked += other.posts_checked;
        self.skipped += other.skipped;
        self.errors += other.errors;
        self.warnings += other.warnings;
        self.infos += other.infos;
        self.failures += other.failures;
        self.diagnostics += other.diagnostics;
        self.files_failed += other.files_failed;
        self.files_with_problems += other.files_with_problems;
        self.files_with_findings += other.files_with_findings;
        self.baselined += other.baselined;
        for (key, count) in other.by_rule {
            *self.by_rule.entry(key).or_default() += count;
        }
        for (rule, tally) in &other.rule_files {
            self.rule_files.entry(rule).or_default().merge(tally);
        }
    }
}

/// `1234` as `1,234`.
pub fn thousands(number: usize) -> String {
    let digits = number.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// A file that could not be read, or that postlint failed on.
pub fn is_failure(diagnostic: &Diagnostic) -> bool {
    matches!(diagnostic.rule, UNREADABLE_FILE | INTERNAL_ERROR)
}

/// Pretty JSON of `value`, its lines after the first indented by `indent` spaces, to sit
/// inside a document that is written a piece at a time. A JSON string never holds a raw
/// line break, so every line break is the printer's own.
fn pretty_at<T: serde::Serialize>(value: &T, indent: usize) -> String {
    let text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.replace('\n', &format!("\n{:indent$}", ""))
}

/// The items of a JSON array that is written a file at a time: one value per diagnostic,
/// each on a line of its own at `indent` spaces, with commas between them.
fn json_items<'a, T: serde::Serialize>(
    diagnostics: &'a [Diagnostic],
    indent: usize,
    out: &mut Vec<u8>,
    mut item: impl FnMut(&'a Diagnostic) -> T,
) {
    for (index, diagnostic) in diagnostics.iter().enumerate() {
        if index > 0 {
            out.push(b',');
        }
        out.push(b'\n');
        out.extend(std::iter::repeat_n(b' ', indent));
        out.extend_from_slice(pretty_at(&item(diagnostic), indent).as_bytes());
    }
}

/// A document's text before and after its (empty) array `key`, as pretty JSON prints
/// it: `{ ... "key": [` and `] ... }`.
fn around_array(document: &str, key: &str) -> (String, String) {
    let marker = format!("\"{key}\": []");
    let at = document.find(&marker).unwrap_or(document.len());
    let split = (at + marker.len() - 1).min(document.len());
    (document[..split].to_owned(), document[split..].to_owned())
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
            skipped: None,
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
                        "url-duplicate",
                        Severity::Error,
                        Finding::new(range_of(a, "# Hi"), "`/x/` is also the URL of `posts/b.md`")
                            .related(
                                PathBuf::from("posts/b.md"),
                                range_of(b, "x"),
                                "the same URL here",
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
