//! The diagnostic every rule produces: byte ranges inside, lines and columns only at the edge.

use std::fmt;
use std::ops::Range;
use std::path::PathBuf;

use serde::Deserialize;

/// How much a finding matters. Ordered from least to most severe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; never fails a run.
    Info,
    /// Should be fixed; fails a run only when asked to.
    Warning,
    /// Must be fixed; fails the run.
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A secondary span with its own text, such as the heading a jump starts from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub range: Range<usize>,
    pub text: String,
}

/// What a rule reports, before the engine attaches the rule's name and configured severity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Byte range in the file (empty ranges point between two bytes).
    pub range: Range<usize>,
    /// Short text under the primary span; the message is used when absent.
    pub label: Option<String>,
    pub message: String,
    pub help: Option<String>,
    pub secondary: Vec<Label>,
    /// Places in other files this finding is about: the other post with the same slug.
    pub related: Vec<Related>,
    /// The edits that would fix it, when the rule knows them.
    pub fix: Option<Fix>,
    /// The most severe level this finding may be shown at, whatever the rule's level.
    pub severity_cap: Option<Severity>,
}

/// Whether a fix can be applied without a person's judgement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Applicability {
    /// Cannot change what the post means or where it is published: `--fix` applies it.
    Safe,
    /// Changes something readers or links depend on (a URL, the outline): applied only
    /// with `--unsafe-fixes`.
    Unsafe,
}

impl Applicability {
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
        }
    }
}

/// One replacement of a byte range of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub range: Range<usize>,
    pub replacement: String,
}

/// What a fix does, as edits on byte ranges: never a whole new document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub applicability: Applicability,
    /// What it does, for the report: "re-level the heading to h3".
    pub message: String,
    pub edits: Vec<Edit>,
}

/// A labelled place in another file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    pub path: PathBuf,
    pub range: Range<usize>,
    pub text: String,
}

impl Finding {
    pub fn new(range: Range<usize>, message: impl Into<String>) -> Self {
        Finding {
            range,
            label: None,
            message: message.into(),
            help: None,
            secondary: Vec::new(),
            related: Vec::new(),
            fix: None,
            severity_cap: None,
        }
    }

    pub fn label(mut self, text: impl Into<String>) -> Self {
        self.label = Some(text.into());
        self
    }

    pub fn help(mut self, text: impl Into<String>) -> Self {
        self.help = Some(text.into());
        self
    }

    pub fn secondary(mut self, range: Range<usize>, text: impl Into<String>) -> Self {
        self.secondary.push(Label {
            range,
            text: text.into(),
        });
        self
    }

    pub fn fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }

    pub fn related(mut self, path: PathBuf, range: Range<usize>, text: impl Into<String>) -> Self {
        self.related.push(Related {
            path,
            range,
            text: text.into(),
        });
        self
    }

    pub fn at_most(mut self, severity: Severity) -> Self {
        self.severity_cap = Some(severity);
        self
    }
}

/// A finding attached to its file, its rule and its severity: what reporters print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub path: PathBuf,
    /// The rule's name, or [`UNREADABLE_FILE`] for a file that could not be read.
    pub rule: &'static str,
    pub severity: Severity,
    pub finding: Finding,
}

/// The pseudo-rule of a file that could not be read; it cannot be turned off.
pub const UNREADABLE_FILE: &str = "unreadable-file";

impl Diagnostic {
    /// The order reports use: by path, then position, then rule.
    pub fn sort_key(&self) -> impl Ord + '_ {
        (
            &self.path,
            self.finding.range.start,
            self.finding.range.end,
            self.rule,
            &self.finding.message,
        )
    }
}

/// 1-based line and column of a byte offset, the column counted in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineColumn {
    pub line: usize,
    pub column: usize,
}

/// Converts byte offsets of one source text into lines and columns.
pub struct LineIndex<'a> {
    source: &'a str,
    line_starts: Vec<usize>,
    /// The last position asked for (byte offset, its line start, its column in characters
    /// and in UTF-16 units): reports ask in order, so counting on from it keeps a long
    /// line with many findings linear.
    last: std::cell::Cell<(usize, usize, usize, usize)>,
}

impl<'a> LineIndex<'a> {
    pub fn new(source: &'a str) -> Self {
        // Posts' lines average well over 32 bytes: one allocation, seldom grown.
        let mut line_starts = Vec::with_capacity(source.len() / 32 + 1);
        line_starts.push(0);
        line_starts.extend(line_ends(source).map(|i| i + 1));
        LineIndex {
            source,
            line_starts,
            last: std::cell::Cell::new((0, usize::MAX, 0, 0)),
        }
    }

    /// Where each line starts, the first at 0: `\r\n`, `\n` and a lone `\r` each end one.
    pub fn line_starts(&self) -> &[usize] {
        &self.line_starts
    }

    pub fn line_column(&self, offset: usize) -> LineColumn {
        self.position(offset).0
    }

    /// The line and column of `offset`, and its 0-based column in UTF-16 code units (what
    /// the language server protocol and SARIF count).
    pub fn position(&self, offset: usize) -> (LineColumn, usize) {
        let offset = offset.min(self.source.len());
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let mut line_start = self.line_starts[line];
        // A byte-order mark is not a character the user sees or counts.
        if line == 0 && self.source.starts_with('\u{feff}') && offset >= 3 {
            line_start = 3;
        }
        let end = floor_char_boundary(self.source, offset).max(line_start);
        let (from, mut column, mut utf16) = match self.last.get() {
            (last, last_line_start, column, utf16)
                if last_line_start == line_start && last <= end =>
            {
                (last, column, utf16)
            }
            _ => (line_start, 0, 0),
        };
        for c in self.source[from..end].chars() {
            column += 1;
            utf16 += c.len_utf16();
        }
        self.last.set((end, line_start, column, utf16));
        (
            LineColumn {
                line: line + 1,
                column: column + 1,
            },
            utf16,
        )
    }
}

/// Offsets of the last byte of each line ending: `\n`, or a `\r` not followed by `\n`
/// (CommonMark's line endings, and markdownlint's).
pub fn line_ends(source: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = source.as_bytes();
    memchr::memchr2_iter(b'\n', b'\r', bytes)
        .filter(move |&i| bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n'))
}

/// The largest char boundary at or before `offset`.
pub fn floor_char_boundary(source: &str, mut offset: usize) -> usize {
    offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let index = LineIndex::new("ab\n中文x\n");
        assert_eq!(index.line_column(0), LineColumn { line: 1, column: 1 });
        assert_eq!(index.line_column(3), LineColumn { line: 2, column: 1 });
        assert_eq!(index.line_column(9), LineColumn { line: 2, column: 3 });
        assert_eq!(index.line_column(11), LineColumn { line: 3, column: 1 });
    }

    #[test]
    fn columns_in_any_order_agree() {
        let text = "a中b\nxy中z中\n";
        let index = LineIndex::new(text);
        let fresh = |offset| LineIndex::new(text).line_column(offset);
        for offset in [9, 12, 5, 13, 0, 16, 8, 4, 1] {
            assert_eq!(index.line_column(offset), fresh(offset), "offset {offset}");
        }
    }

    #[test]
    fn a_byte_order_mark_is_not_a_column() {
        let index = LineIndex::new("\u{feff}---\n");
        assert_eq!(index.line_column(3), LineColumn { line: 1, column: 1 });
        assert_eq!(index.line_column(0), LineColumn { line: 1, column: 1 });
    }

    #[test]
    fn crlf_lines_start_after_the_line_feed() {
        let index = LineIndex::new("a\r\nb");
        assert_eq!(index.line_column(3), LineColumn { line: 2, column: 1 });
    }

    #[test]
    fn a_lone_carriage_return_ends_a_line() {
        let index = LineIndex::new("a\rb\r\nc");
        assert_eq!(index.line_column(2), LineColumn { line: 2, column: 1 });
        assert_eq!(index.line_column(5), LineColumn { line: 3, column: 1 });
    }
}
