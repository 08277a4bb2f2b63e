//! The table that ends a long human report: per rule, its findings by severity, the files
//! it fired in and how many `--fix` can take care of, most findings first, with the
//! commands that show one rule or turn it off.
//!
//! ```text
//! Findings by rule: 1,483 in 317 files; the first 3 rules make 79% of them.
//!
//!   rule               errors  warnings  infos  files  fixable
//!   tags-missing            0         0    317    317        0
//!   cover-missing         316         0      0    316        0
//!   heading-increment      46         0      0     31  46 unsafe
//! ```

use std::io::{self, Write};

use super::{RuleTally, Totals, thousands};
use crate::diagnostic::Severity;
use crate::rules::{RULES, plural};

/// More findings than this fill a screen (a drawn finding takes five to ten lines), and the
/// reader can no longer see which rules make them.
pub const SCREEN_OF_FINDINGS: usize = 10;

/// One line of the table.
struct Row {
    rule: &'static str,
    errors: usize,
    warnings: usize,
    infos: usize,
    tally: RuleTally,
}

impl Row {
    fn findings(&self) -> usize {
        self.errors + self.warnings + self.infos
    }

    fn fixable(&self) -> String {
        let RuleTally {
            safe_fixes,
            unsafe_fixes,
            ..
        } = self.tally;
        match (safe_fixes, unsafe_fixes) {
            (safe, 0) => safe.to_string(),
            (0, risky) => format!("{risky} unsafe"),
            (safe, risky) => format!("{safe} + {risky} unsafe"),
        }
    }
}

/// The rows of the rules that reported, most findings first, then by name.
fn rows(totals: &Totals) -> Vec<Row> {
    let mut rows: Vec<Row> = totals
        .rule_files
        .iter()
        // Files that could not be read are failures, said on their own, not a rule's.
        .filter(|(rule, _)| RULES.iter().any(|info| info.name == **rule))
        .map(|(&rule, &tally)| {
            let count = |severity| totals.by_rule.get(&(rule, severity)).copied();
            Row {
                rule,
                errors: count(Severity::Error).unwrap_or(0),
                warnings: count(Severity::Warning).unwrap_or(0),
                infos: count(Severity::Info).unwrap_or(0),
                tally,
            }
        })
        .collect();
    rows.sort_by(|a, b| b.findings().cmp(&a.findings()).then(a.rule.cmp(b.rule)));
    rows
}

/// The table, when the run has more than a screen of findings; nothing otherwise.
pub fn write_rule_summary(totals: &Totals, out: &mut dyn Write) -> io::Result<()> {
    let rows = rows(totals);
    let findings: usize = rows.iter().map(Row::findings).sum();
    if findings <= SCREEN_OF_FINDINGS {
        return Ok(());
    }
    let files_with_findings = totals.files_with_findings;
    let mut heading = format!("Findings by rule: {}", thousands(findings));
    if files_with_findings > 0 {
        let files = if files_with_findings == 1 {
            "file"
        } else {
            "files"
        };
        heading.push_str(&format!(" in {} {files}", thousands(files_with_findings)));
    }
    const TOP: usize = 3;
    if rows.len() > TOP {
        let top: usize = rows.iter().take(TOP).map(Row::findings).sum();
        heading.push_str(&format!(
            "; the first {TOP} rules make {}% of them",
            top * 100 / findings
        ));
    }
    writeln!(out, "{heading}.\n")?;

    let columns = ["errors", "warnings", "infos", "files", "fixable"];
    let cells: Vec<[String; 5]> = rows
        .iter()
        .map(|row| {
            [
                thousands(row.errors),
                thousands(row.warnings),
                thousands(row.infos),
                thousands(row.tally.files),
                row.fixable(),
            ]
        })
        .collect();
    let rule_width = rows.iter().map(|row| row.rule.len()).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns.len())
        .map(|column| {
            cells
                .iter()
                .map(|row| row[column].len())
                .chain([columns[column].len()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut line = format!("  {:<rule_width$}", "rule");
    for (column, width) in columns.iter().zip(&widths) {
        line.push_str(&format!("  {column:>width$}"));
    }
    writeln!(out, "{line}")?;
    for (row, cells) in rows.iter().zip(&cells) {
        let mut line = format!("  {:<rule_width$}", row.rule);
        for (cell, width) in cells.iter().zip(&widths) {
            line.push_str(&format!("  {cell:>width$}"));
        }
        writeln!(out, "{line}")?;
    }

    let first = rows.first().map_or("RULE", |row| row.rule);
    writeln!(out)?;
    writeln!(
        out,
        "  One rule's findings:  postlint check --select {first}"
    )?;
    writeln!(
        out,
        "  Turn a rule off:      --rule {first}=off for one run, or level = \"off\" under [rules.{first}] in postlint.toml"
    )?;
    let fixable: usize = rows.iter().map(|row| row.tally.safe_fixes).sum();
    if fixable > 0 {
        writeln!(
            out,
            "  Fix what is safe:     postlint check --fix ({})",
            plural(fixable, "finding")
        )?;
    }
    writeln!(
        out,
        "  Settle them for this site: postlint init writes a postlint.toml for the rules that fire on nearly every page"
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Applicability, Edit, Finding, Fix};
    use crate::report::test_support::{file, outcome};

    fn fix(applicability: Applicability) -> Fix {
        Fix {
            applicability,
            message: "fix it".into(),
            edits: vec![Edit {
                range: 0..1,
                replacement: String::new(),
            }],
        }
    }

    fn table(totals: &Totals) -> String {
        let mut out = Vec::new();
        write_rule_summary(totals, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn nothing_for_a_screen_or_less() {
        let files = (0..10)
            .map(|n| {
                file(
                    &format!("p{n}.md"),
                    Some("x"),
                    vec![("cover-missing", Severity::Error, Finding::new(0..0, "m"))],
                )
            })
            .collect();
        assert_eq!(table(&Totals::of(&outcome(files))), "");
    }

    #[test]
    fn rules_by_count_with_severities_files_and_fixes() {
        let mut files = Vec::new();
        for n in 0..6 {
            let mut findings = vec![
                ("cover-missing", Severity::Error, Finding::new(0..0, "m")),
                (
                    "heading-increment",
                    Severity::Error,
                    Finding::new(0..0, "m").fix(fix(Applicability::Unsafe)),
                ),
            ];
            if n < 2 {
                findings.push((
                    "value-whitespace",
                    Severity::Warning,
                    Finding::new(0..0, "m").fix(fix(Applicability::Safe)),
                ));
                findings.push((
                    "heading-increment",
                    Severity::Warning,
                    Finding::new(0..0, "m").fix(fix(Applicability::Safe)),
                ));
            }
            if n == 0 {
                findings.push(("content-length", Severity::Info, Finding::new(0..0, "m")));
            }
            files.push(file(&format!("p{n}.md"), Some("x"), findings));
        }
        assert_eq!(
            table(&Totals::of(&outcome(files))),
            "Findings by rule: 17 in 6 files; the first 3 rules make 94% of them.

  rule               errors  warnings  infos  files       fixable
  heading-increment       6         2      0      6  2 + 6 unsafe
  cover-missing           6         0      0      6             0
  value-whitespace        0         2      0      2             2
  content-length          0         0      1      1             0

  One rule's findings:  postlint check --select heading-increment
  Turn a rule off:      --rule heading-increment=off for one run, or level = \"off\" under [rules.heading-increment] in postlint.toml
  Fix what is safe:     postlint check --fix (4 findings)
  Settle them for this site: postlint init writes a postlint.toml for the rules that fire on nearly every page
"
        );
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1234567), "1,234,567");
    }
}
