//! How many times each rule fired, at each severity: what `--statistics` prints.
//!
//! ```text
//! 12  error    cover-missing
//!  3  warning  title-length
//!  1  info     content-length
//! ```
//!
//! Sorted by count, most first, then by rule name, then most severe first; a rule that
//! reports at two severities (configured per file, or capped by the finding) has a line
//! for each. Files that could not be read count under `unreadable-file`.

use std::io::{self, Write};

use super::{Reporter, Sources, Totals};
use crate::diagnostic::Severity;
use crate::engine::FileReport;

/// One line of the statistics: a rule, a severity, and how many diagnostics have both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleCount {
    pub rule: &'static str,
    pub severity: Severity,
    pub count: usize,
}

/// Diagnostics counted by rule and severity, most frequent first.
pub fn statistics(totals: &Totals) -> Vec<RuleCount> {
    let mut counts: Vec<RuleCount> = totals
        .by_rule
        .iter()
        .map(|(&(rule, severity), &count)| RuleCount {
            rule,
            severity,
            count,
        })
        .collect();
    counts.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then(a.rule.cmp(b.rule))
            .then(b.severity.cmp(&a.severity))
    });
    counts
}

/// One line per count, the columns aligned: `12  error  cover-missing`. Nothing at all
/// for a run without diagnostics.
pub fn write_statistics(counts: &[RuleCount], out: &mut dyn Write) -> io::Result<()> {
    let count_width = counts
        .iter()
        .map(|count| count.count.to_string().len())
        .max()
        .unwrap_or(0);
    let severity_width = counts
        .iter()
        .map(|count| count.severity.as_str().len())
        .max()
        .unwrap_or(0);
    for RuleCount {
        rule,
        severity,
        count,
    } in counts
    {
        writeln!(
            out,
            "{count:>count_width$}  {:<severity_width$}  {rule}",
            severity.as_str()
        )?;
    }
    Ok(())
}

/// The statistics as a report of their own.
pub struct Statistics;

impl Reporter for Statistics {
    fn file(&self, _: &FileReport, _: &dyn Sources, _: &mut Vec<u8>) {}

    fn end(&self, totals: &Totals, out: &mut dyn Write) -> io::Result<()> {
        write_statistics(&statistics(totals), out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Finding;
    use crate::report::test_support::{file, outcome, render};

    fn finding(rule: &'static str, severity: Severity) -> (&'static str, Severity, Finding) {
        (rule, severity, Finding::new(0..0, "m"))
    }

    #[test]
    fn sorted_by_count_then_rule_then_severity() {
        let mut a = vec![finding("title-length", Severity::Warning); 12];
        a.extend(vec![finding("cover-missing", Severity::Error); 3]);
        a.push(finding("slug-format", Severity::Error));
        a.push(finding("slug-format", Severity::Warning));
        let b = vec![
            finding("cover-missing", Severity::Error),
            finding("content-length", Severity::Info),
        ];
        let outcome = outcome(vec![file("a.md", Some(""), a), file("b.md", Some(""), b)]);
        let counts = statistics(&Totals::of(&outcome));
        assert_eq!(
            counts
                .iter()
                .map(|c| (c.count, c.severity.as_str(), c.rule))
                .collect::<Vec<_>>(),
            [
                (12, "warning", "title-length"),
                (4, "error", "cover-missing"),
                (1, "info", "content-length"),
                (1, "error", "slug-format"),
                (1, "warning", "slug-format"),
            ]
        );
        assert_eq!(
            render(&Statistics, &outcome),
            "12  warning  title-length\n \
             4  error    cover-missing\n \
             1  info     content-length\n \
             1  error    slug-format\n \
             1  warning  slug-format\n"
        );
    }

    #[test]
    fn nothing_for_a_clean_run() {
        assert_eq!(render(&Statistics, &outcome(vec![])), "");
    }
}
