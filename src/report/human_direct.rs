//! The common diagnostic drawn directly, byte for byte as miette's graphical handler draws
//! it: no colour, no terminal links, one label on one line, nothing related. That is nearly
//! every finding, and going through miette's general machinery (its label layout for any
//! number of spans, textwrap on every message and help text) was half of a run's time.
//! Anything else goes to miette; `tests` in `human.rs` hold the two to the same bytes.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt::Write;
use std::ops::Range;

use miette::{GraphicalTheme, SourceCode, SourceSpan};
use textwrap::WordSeparator;
use unicode_width_miette::UnicodeWidthChar;

use crate::diagnostic::Severity;

/// What miette is configured with, for the drawings made without it.
pub(super) struct Direct {
    theme: GraphicalTheme,
    /// The report's width; miette wraps messages and help texts at two columns less.
    width: usize,
}

/// Miette's tab stops (its default, which postlint keeps).
const TAB_WIDTH: usize = 4;

/// A diagnostic as the direct drawing needs it.
pub(super) struct Parts<'a> {
    pub code: &'a str,
    pub url: Option<&'a str>,
    pub severity: Severity,
    pub message: &'a str,
    pub help: Option<&'a str>,
    /// The file's text (read through miette's own span reader), the span and its label.
    pub snippet: Option<(&'a dyn SourceCode, Range<usize>, Option<&'a str>)>,
}

impl Direct {
    pub(super) fn new(width: usize) -> Direct {
        Direct {
            theme: GraphicalTheme::unicode_nocolor(),
            width,
        }
    }

    /// Draws `parts` into `out` as miette would, or returns `false` (with `out` as it was)
    /// when they are not of the shape drawn here.
    pub(super) fn draw(&self, parts: &Parts<'_>, out: &mut String) -> bool {
        let start = out.len();
        let drawn = self.try_draw(parts, out).is_some();
        if !drawn {
            out.truncate(start);
        }
        drawn
    }

    fn try_draw(&self, parts: &Parts<'_>, out: &mut String) -> Option<()> {
        let chars = &self.theme.characters;
        // Header: the code and, as text, the rule's page.
        out.push_str(parts.code);
        if let Some(url) = parts.url {
            let _ = write!(out, " ({url})");
        }
        out.push_str("\n\n");

        let icon = match parts.severity {
            Severity::Error => &chars.error,
            Severity::Warning => &chars.warning,
            Severity::Info => &chars.advice,
        };
        let initial = format!("  {icon} ");
        let subsequent = format!("  {} ", chars.vbar);
        self.wrap(parts.message, &initial, &subsequent, out);
        out.push('\n');

        if let Some((source, range, label)) = &parts.snippet {
            self.snippet(*source, range.clone(), *label, out)?;
        }
        if let Some(help) = parts.help {
            self.wrap(help, "  help: ", "        ", out);
            out.push('\n');
        }
        Some(())
    }

    /// `text` filled as miette fills it (`textwrap::fill` with its options), remembered per
    /// thread: messages and help texts come back post after post.
    fn wrap(&self, text: &str, initial: &str, subsequent: &str, out: &mut String) {
        /// Texts remembered per thread (a few hundred bytes each); past it, filled anew.
        const LIMIT: usize = 2048;
        type Key = (Box<str>, Box<str>, usize);
        thread_local! {
            static FILLED: RefCell<HashMap<Key, Box<str>>> = RefCell::new(HashMap::new());
        }
        let width = self.width.saturating_sub(2);
        if fits_unwrapped(text, initial, subsequent, width) {
            for (index, line) in text.split('\n').enumerate() {
                if index > 0 {
                    out.push('\n');
                }
                out.push_str(if index == 0 { initial } else { subsequent });
                out.push_str(line);
            }
            return;
        }
        let key: Key = (text.into(), initial.into(), width);
        let found = FILLED.with(|filled| {
            let filled = filled.borrow();
            filled
                .get(&key)
                .map(|wrapped| out.push_str(wrapped))
                .is_some()
        });
        if found {
            return;
        }
        let options = textwrap::Options::new(width)
            .initial_indent(initial)
            .subsequent_indent(subsequent)
            .break_words(true)
            .word_separator(WordSeparator::Custom(super::human::remembered_words));
        let wrapped = textwrap::fill(text, options);
        out.push_str(&wrapped);
        FILLED.with(|filled| {
            let mut filled = filled.borrow_mut();
            if filled.len() < LIMIT {
                filled.insert(key, wrapped.into());
            }
        });
    }

    /// The snippet of one label on one line: the line before and after it, an underline and
    /// the label's text (miette's `render_context` for that case).
    fn snippet(
        &self,
        source: &dyn SourceCode,
        range: Range<usize>,
        label: Option<&str>,
        out: &mut String,
    ) -> Option<()> {
        if label.is_some_and(|label| label.contains('\n')) {
            return None;
        }
        let chars = &self.theme.characters;
        let span = SourceSpan::new(range.start.into(), range.len());
        let context = source.read_span(&span, 1, 1).ok()?;
        let lines = lines_of(
            std::str::from_utf8(context.data()).ok()?,
            context.line(),
            context.column(),
            context.span().offset(),
        )?;
        // A label over more than one line is drawn in a gutter: miette's to do.
        if lines
            .iter()
            .any(|line| line.shows(&range) && !line.holds_whole(&range))
        {
            return None;
        }
        let number_width = lines.last().map_or(0, |line| line.number).to_string().len();
        let at = source.read_span(&span, 0, 0).ok()?;
        let name = at.name()?;
        let _ = writeln!(
            out,
            "{:pad$}{}{}[{}:{}:{}]",
            "",
            chars.ltop,
            chars.hbar,
            name,
            at.line() + 1,
            at.column() + 1,
            pad = number_width + 2
        );
        for line in &lines {
            let _ = write!(out, " {:>number_width$} {} ", line.number, chars.vbar);
            for (c, width) in line.text.chars().zip(visual_widths(&line.text)) {
                if c == '\t' {
                    out.extend(std::iter::repeat_n(' ', width));
                } else {
                    out.push(c);
                }
            }
            out.push('\n');
            if !(line.shows(&range) && line.holds_whole(&range)) {
                continue;
            }
            let _ = write!(out, " {:number_width$} {} ", "", chars.vbar_break);
            let start = line.column_of(range.start, true);
            let end = if range.is_empty() {
                start + 1
            } else {
                line.column_of(range.end, false).max(start + 1)
            };
            let middle = (start + end) / 2;
            out.extend(std::iter::repeat_n(' ', start));
            out.extend(std::iter::repeat_n(chars.underline, middle - start));
            out.push(if range.is_empty() {
                chars.uarrow
            } else if label.is_some() {
                chars.underbar
            } else {
                chars.underline
            });
            out.extend(std::iter::repeat_n(chars.underline, end - middle - 1));
            out.push('\n');
            if let Some(label) = label {
                let _ = write!(out, " {:number_width$} {} ", "", chars.vbar_break);
                out.extend(std::iter::repeat_n(' ', middle));
                let _ = writeln!(out, "{}{}{} {label}", chars.lbot, chars.hbar, chars.hbar);
            }
        }
        let _ = writeln!(
            out,
            "{:pad$}{}{}",
            "",
            chars.lbot,
            chars.hbar.to_string().repeat(4),
            pad = number_width + 2
        );
        Some(())
    }
}

/// Whether `textwrap::fill` would leave each line of `text` as it is, behind its indent:
/// it fits the width, and holds nothing the filling would trim or measure apart (trailing
/// spaces, control characters, escapes, an empty line). With first-fit wrapping, a line
/// whose words and spaces fit is not broken.
fn fits_unwrapped(text: &str, initial: &str, subsequent: &str, width: usize) -> bool {
    use textwrap::core::display_width;
    let first = width.saturating_sub(display_width(initial));
    let rest = width.saturating_sub(display_width(subsequent));
    text.split('\n').enumerate().all(|(index, line)| {
        // Words are broken at the later lines' width, so the first must fit both.
        let limit = if index == 0 { first.min(rest) } else { rest };
        !line.is_empty()
            && !line.ends_with(' ')
            && !line.chars().any(char::is_control)
            && display_width(line) <= limit
    })
}

/// A line of a snippet as miette cuts it (`get_lines`): its 1-based number, where it starts,
/// its length with its line break, and its text without.
struct Line {
    number: usize,
    offset: usize,
    length: usize,
    text: String,
}

/// The lines of a snippet's text, as miette's `get_lines` cuts them. A lone `\r` ends a line
/// for miette's span reader but not for `get_lines`; `None` leaves that to miette.
fn lines_of(text: &str, line: usize, column: usize, offset: usize) -> Option<Vec<Line>> {
    let (mut number, mut column, mut offset) = (line, column, offset);
    let mut line_offset = offset;
    let mut current = String::new();
    let mut lines = Vec::with_capacity(3);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        offset += c.len_utf8();
        let mut at_end = false;
        match c {
            '\r' => {
                chars.next_if_eq(&'\n')?;
                offset += 1;
                number += 1;
                column = 0;
                at_end = chars.peek().is_none();
            }
            '\n' => {
                at_end = chars.peek().is_none();
                number += 1;
                column = 0;
            }
            _ => {
                current.push(c);
                column += 1;
            }
        }
        if chars.peek().is_none() && !at_end {
            number += 1;
        }
        if column == 0 || chars.peek().is_none() {
            lines.push(Line {
                number,
                offset: line_offset,
                length: offset - line_offset,
                text: std::mem::take(&mut current),
            });
            line_offset = offset;
        }
    }
    Some(lines)
}

impl Line {
    /// miette's `span_line_only`.
    fn holds_whole(&self, span: &Range<usize>) -> bool {
        span.start >= self.offset && span.end <= self.offset + self.length
    }

    /// miette's `span_applies`: an empty span counts as one byte.
    fn shows(&self, span: &Range<usize>) -> bool {
        let end = span.start + span.len().max(1);
        let line_end = self.offset + self.length;
        (span.start >= self.offset && span.start < line_end)
            || (span.start < self.offset && end > line_end)
            || (end > self.offset && end <= line_end)
    }

    /// miette's `visual_offset`: the column `offset` is drawn at, a character's first column
    /// (`start`) or its last; one past the text for an offset in the line break.
    fn column_of(&self, offset: usize, start: bool) -> usize {
        let mut index = offset - self.offset;
        while index <= self.text.len() && !self.text.is_char_boundary(index) {
            if start {
                index -= 1;
            } else {
                index += 1;
            }
        }
        let width: usize = visual_widths(&self.text[..index.min(self.text.len())]).sum();
        if index > self.text.len() {
            width + 1
        } else {
            width
        }
    }
}

/// The columns each character of `text` takes, as miette counts them: tabs to the next
/// stop, nothing inside an ANSI escape, otherwise its Unicode width (of the version miette
/// uses).
fn visual_widths(text: &str) -> impl Iterator<Item = usize> + '_ {
    let mut column = 0;
    let mut escaped = false;
    text.chars().map(move |c| {
        let width = match (escaped, c) {
            (false, '\t') => TAB_WIDTH - column % TAB_WIDTH,
            (false, '\x1b') => {
                escaped = true;
                0
            }
            (false, c) => c.width().unwrap_or(0),
            (true, 'm') => {
                escaped = false;
                0
            }
            (true, _) => 0,
        };
        column += width;
        width
    })
}
