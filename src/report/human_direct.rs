//! The common diagnostic drawn directly, byte for byte as miette's graphical handler draws
//! it: no colour, no terminal links, nothing in other files, and labels that each have a
//! line of their own (or one label over several lines). That is nearly every finding, and
//! going through miette's general machinery (its label layout for any number of spans,
//! textwrap on every message and help text) was half of a run's time. Anything else goes
//! to miette; the tests in `human.rs` hold the two to the same bytes.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use miette::{GraphicalTheme, MietteSpanContents, SourceSpan, SpanContents};
use textwrap::WordSeparator;
use unicode_width_miette::UnicodeWidthChar;

use super::human::NamedText;
use crate::diagnostic::Severity;
use crate::rules::RuleInfo;

/// What miette is configured with, for the drawings made without it, and what every
/// drawing starts from.
pub(super) struct Direct {
    theme: GraphicalTheme,
    /// The report's width; miette wraps messages and help texts at two columns less.
    width: usize,
    /// Each rule's first lines: its code and, as text, its page; drawn when first needed.
    headers: HashMap<&'static str, (&'static RuleInfo, OnceLock<String>)>,
    /// The message's first indent by severity (error, warning, info), and the one after.
    message_indents: [String; 3],
    message_rest: String,
}

/// Miette's tab stops (its default, which postlint keeps).
const TAB_WIDTH: usize = 4;

const HELP_INDENT: &str = "  help: ";
const HELP_REST: &str = "        ";

/// A diagnostic as the direct drawing needs it.
pub(super) struct Parts<'a> {
    pub rule: &'a str,
    pub severity: Severity,
    pub message: &'a str,
    pub help: Option<&'a str>,
    /// The file's text (read through miette's own span reader) and the labels in it.
    pub snippet: Option<(&'a NamedText<'a>, Vec<SpanLabel<'a>>)>,
}

/// A labelled span: the finding's own (primary) or a secondary one.
pub(super) struct SpanLabel<'a> {
    pub range: Range<usize>,
    pub text: Option<&'a str>,
    pub primary: bool,
}

impl Direct {
    pub(super) fn new(width: usize) -> Direct {
        let theme = GraphicalTheme::unicode_nocolor();
        let chars = &theme.characters;
        // Drawn when a rule first reports: one post needs two or three of them.
        let headers = crate::rules::RULES
            .iter()
            .map(|rule| (rule.name, (rule, OnceLock::new())))
            .collect();
        let message_indents =
            [&chars.error, &chars.warning, &chars.advice].map(|icon| format!("  {icon} "));
        let message_rest = format!("  {} ", chars.vbar);
        Direct {
            width,
            headers,
            message_indents,
            message_rest,
            theme,
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
        match self.headers.get(parts.rule) {
            Some((rule, drawn)) => {
                out.push_str(drawn.get_or_init(|| header(rule.name, Some(&rule.url()))));
            }
            // Not a rule (a file that could not be read): no page to link.
            None => out.push_str(&header(parts.rule, None)),
        }
        let (kind, initial) = match parts.severity {
            Severity::Error => (Indent::Error, &self.message_indents[0]),
            Severity::Warning => (Indent::Warning, &self.message_indents[1]),
            Severity::Info => (Indent::Info, &self.message_indents[2]),
        };
        self.wrap(parts.message, kind, initial, &self.message_rest, out);
        out.push('\n');

        if let Some((source, labels)) = &parts.snippet {
            self.snippets(source, labels, out)?;
        }
        if let Some(help) = parts.help {
            self.wrap(help, Indent::Help, HELP_INDENT, HELP_REST, out);
            out.push('\n');
        }
        Some(())
    }

    /// `text` filled as miette fills it (`textwrap::fill` with its options). A text whose
    /// lines fit is left as it is; the others are remembered per thread, as messages and
    /// help texts come back post after post.
    fn wrap(&self, text: &str, kind: Indent, initial: &str, subsequent: &str, out: &mut String) {
        /// Texts remembered per thread and indent (a few hundred bytes each: at most about
        /// 1 MB a thread); past it, filled anew.
        const LIMIT: usize = 512;
        type Filled = HashMap<(Indent, usize), HashMap<Box<str>, Box<str>>>;
        thread_local! {
            static FILLED: RefCell<Filled> = RefCell::new(HashMap::new());
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
        let found = FILLED.with(|filled| {
            let filled = filled.borrow();
            let wrapped = filled.get(&(kind, width))?.get(text)?;
            out.push_str(wrapped);
            Some(())
        });
        if found.is_some() {
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
            let texts = filled.entry((kind, width)).or_default();
            if texts.len() < LIMIT {
                texts.insert(text.into(), wrapped.into());
            }
        });
    }

    /// The snippets of the labels, as miette's `render_snippets` cuts them: a label's lines
    /// with one line around them, joined with the previous snippet when miette would.
    fn snippets(
        &self,
        source: &NamedText<'_>,
        labels: &[SpanLabel<'_>],
        out: &mut String,
    ) -> Option<()> {
        if labels
            .iter()
            .any(|label| label.text.is_some_and(|text| text.contains('\n')))
        {
            return None;
        }
        // miette sorts labels by offset, not stably: two at one offset are left to it.
        let mut sorted: Vec<&SpanLabel<'_>> = labels.iter().collect();
        sorted.sort_by_key(|label| label.range.start);
        if sorted
            .windows(2)
            .any(|pair| pair[0].range.start == pair[1].range.start)
        {
            return None;
        }
        // Each snippet's span with what miette's reader finds around it, kept for drawing.
        let mut contexts: Vec<(Range<usize>, MietteSpanContents<'_>)> = Vec::new();
        for label in &sorted {
            let read = source.contents(&span_of(&label.range), 1, 1).ok()?;
            if let Some((left, left_read)) = contexts.last()
                // miette's test, its quirk included (a line count from the file's start).
                && left_read.line() + left_read.line_count() >= read.line()
            {
                let merged = left.start..left.end.max(label.range.end);
                if let Ok(read) = source.contents(&span_of(&merged), 1, 1) {
                    contexts.pop();
                    contexts.push((merged, read));
                    continue;
                }
            }
            contexts.push((label.range.clone(), read));
        }
        for (context, read) in contexts {
            self.context(source, &context, read, &sorted, out)?;
        }
        Some(())
    }

    /// One snippet (miette's `render_context`) for labels each on a line of its own, or one
    /// label over several lines; `read` is what miette's reader found around `context`.
    fn context(
        &self,
        source: &NamedText<'_>,
        context: &Range<usize>,
        read: MietteSpanContents<'_>,
        labels: &[&SpanLabel<'_>],
        out: &mut String,
    ) -> Option<()> {
        let chars = &self.theme.characters;
        let lines = lines_of(
            std::str::from_utf8(read.data()).ok()?,
            read.line(),
            read.span().offset(),
        )?;
        // A label over more than one line is drawn in a gutter left of the text, from an
        // arrow at its first line to one at its last, where the label goes; beside other
        // labels, that is miette's to lay out.
        let multi_line = lines.iter().any(|line| {
            labels
                .iter()
                .any(|label| line.shows(&label.range) && !line.holds_whole(&label.range))
        });
        if multi_line && labels.len() > 1 {
            return None;
        }
        let inside = labels
            .iter()
            .filter(|label| context.start <= label.range.start && label.range.end <= context.end);
        let primary = inside
            .clone()
            .find(|label| label.primary)
            .or_else(|| inside.clone().next());
        let at = match primary {
            Some(label) => source.contents(&span_of(&label.range), 0, 0).ok()?,
            None => read,
        };
        let number_width = digits(lines.last().map_or(0, |line| line.number));
        // Written piece by piece: `format!` padding was a tenth of the drawing.
        push_spaces(out, number_width + 2);
        out.push(chars.ltop);
        out.push(chars.hbar);
        out.push('[');
        out.push_str(source.name);
        out.push(':');
        push_number(out, at.line() + 1, 0);
        out.push(':');
        push_number(out, at.column() + 1, 0);
        out.push_str("]\n");
        let blank_gutter = |out: &mut String| {
            push_spaces(out, number_width + 2);
            out.push(chars.vbar_break);
            out.push(' ');
        };
        for line in &lines {
            out.push(' ');
            push_number(out, line.number, number_width);
            out.push(' ');
            out.push(chars.vbar);
            out.push(' ');
            if multi_line {
                self.line_gutter(line, &labels[0].range, labels[0].text.is_some(), out);
            }
            push_expanding_tabs(line.text, out);
            out.push('\n');
            if multi_line {
                let range = &labels[0].range;
                if let Some(text) = labels[0].text
                    && line.shows(range)
                    && line.ends(range)
                    && !line.starts(range)
                {
                    blank_gutter(out);
                    self.label_gutter(line, range, out);
                    out.push(chars.hbar);
                    out.push(' ');
                    out.push_str(text);
                    out.push('\n');
                }
                continue;
            }
            let mut here = labels
                .iter()
                .filter(|label| line.shows(&label.range) && line.holds_whole(&label.range));
            let Some(label) = here.next() else {
                continue;
            };
            // Two labels on one line share an underline row: miette's to lay out.
            if here.next().is_some() {
                return None;
            }
            let range = &label.range;
            blank_gutter(out);
            let start = line.column_of(range.start, true);
            let end = if range.is_empty() {
                start + 1
            } else {
                line.column_of(range.end, false).max(start + 1)
            };
            let middle = (start + end) / 2;
            push_spaces(out, start);
            out.extend(std::iter::repeat_n(chars.underline, middle - start));
            out.push(if range.is_empty() {
                chars.uarrow
            } else if label.text.is_some() {
                chars.underbar
            } else {
                chars.underline
            });
            out.extend(std::iter::repeat_n(chars.underline, end - middle - 1));
            out.push('\n');
            if let Some(text) = label.text {
                blank_gutter(out);
                push_spaces(out, middle);
                out.push(chars.lbot);
                out.push(chars.hbar);
                out.push(chars.hbar);
                out.push(' ');
                out.push_str(text);
                out.push('\n');
            }
        }
        push_spaces(out, number_width + 2);
        out.push(chars.lbot);
        out.extend(std::iter::repeat_n(chars.hbar, 4));
        out.push('\n');
        Some(())
    }
}

fn push_spaces(out: &mut String, count: usize) {
    out.extend(std::iter::repeat_n(' ', count));
}

/// How many decimal digits `number` is written with.
fn digits(number: usize) -> usize {
    number.checked_ilog10().map_or(1, |log| log as usize + 1)
}

/// `number` in decimal, right-aligned in `width` columns.
fn push_number(out: &mut String, number: usize, width: usize) {
    let mut buffer = [0u8; 20];
    let mut at = buffer.len();
    let mut rest = number;
    loop {
        at -= 1;
        buffer[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let written = &buffer[at..];
    push_spaces(out, width.saturating_sub(written.len()));
    out.extend(written.iter().map(|&digit| char::from(digit)));
}

fn span_of(range: &Range<usize>) -> SourceSpan {
    SourceSpan::new(range.start.into(), range.len())
}

impl Direct {
    /// The gutter of a multi-line label beside a line of text (miette's `render_line_gutter`
    /// for one label): an arrow in at its first line, out at its last, a bar between.
    fn line_gutter(&self, line: &Line<'_>, span: &Range<usize>, labelled: bool, out: &mut String) {
        let chars = &self.theme.characters;
        if !line.shows_in_gutter(span) {
            out.push_str("    ");
        } else if line.starts(span) || line.ends(span) {
            out.push(if line.starts(span) {
                chars.ltop
            } else if labelled {
                chars.lcross
            } else {
                chars.lbot
            });
            out.push(chars.hbar);
            out.push(chars.rarrow);
            out.push(' ');
        } else if line.passes_by(span) {
            out.push(chars.vbar);
            out.push_str("   ");
        } else {
            out.push_str("    ");
        }
    }

    /// The gutter before a multi-line label's text, under its last line (miette's
    /// `render_highlight_gutter` for one label).
    fn label_gutter(&self, line: &Line<'_>, span: &Range<usize>, out: &mut String) {
        let chars = &self.theme.characters;
        if !line.shows_in_gutter(span) {
            out.push_str("    ");
        } else if !line.holds_whole(span) && line.ends(span) {
            out.push(chars.lbot);
            out.extend(std::iter::repeat_n(chars.hbar, 3));
        } else {
            out.push(chars.vbar);
            out.push_str("   ");
        }
    }
}

/// The indents a text is filled behind: one per severity for messages, and help's.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Indent {
    Error,
    Warning,
    Info,
    Help,
}

/// A diagnostic's first lines as miette writes them without terminal links: its code and
/// the rule's page, then an empty line.
fn header(rule: &str, url: Option<&str>) -> String {
    match url {
        Some(url) => format!("postlint({rule}) ({url})\n\n"),
        None => format!("postlint({rule})\n\n"),
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
        if line.is_empty() || line.ends_with(' ') {
            return false;
        }
        if line.is_ascii() {
            // Printable ASCII is a column a byte.
            line.len() <= limit && !line.bytes().any(|b| b.is_ascii_control())
        } else {
            !line.chars().any(char::is_control) && display_width(line) <= limit
        }
    })
}

/// A line of a snippet as miette cuts it (`get_lines`): its 1-based number, where it starts,
/// its length with its line break, and its text without.
struct Line<'a> {
    number: usize,
    offset: usize,
    length: usize,
    text: &'a str,
}

/// The lines of a snippet's text, as miette's `get_lines` cuts them (it reads character
/// by character; only the line breaks matter, so they are searched for). A lone `\r` ends
/// a line for miette's span reader but not for `get_lines`; `None` leaves that to miette.
fn lines_of(text: &str, line: usize, offset: usize) -> Option<Vec<Line<'_>>> {
    let bytes = text.as_bytes();
    let mut number = line;
    let mut lines = Vec::with_capacity(3);
    let mut start = 0;
    while start < bytes.len() {
        let Some(found) = memchr::memchr2(b'\r', b'\n', &bytes[start..]) else {
            // The last line, without a line break.
            lines.push(Line {
                number: number + 1,
                offset: offset + start,
                length: bytes.len() - start,
                text: &text[start..],
            });
            break;
        };
        let at = start + found;
        let end = match &bytes[at..] {
            [b'\r', b'\n', ..] => at + 2,
            [b'\r', ..] => return None,
            _ => at + 1,
        };
        number += 1;
        lines.push(Line {
            number,
            offset: offset + start,
            length: end - start,
            text: &text[start..at],
        });
        start = end;
    }
    Some(lines)
}

impl Line<'_> {
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

    /// miette's `span_applies_gutter`: shown, and not starting and ending on this line.
    fn shows_in_gutter(&self, span: &Range<usize>) -> bool {
        let end = span.start + span.len().max(1);
        let line_end = self.offset + self.length;
        self.shows(span)
            && !((span.start >= self.offset && span.start < line_end)
                && (end > self.offset && end <= line_end))
    }

    /// miette's `span_starts` (for a span shown on this line).
    fn starts(&self, span: &Range<usize>) -> bool {
        span.start >= self.offset
    }

    /// miette's `span_ends` (for a span shown on this line).
    fn ends(&self, span: &Range<usize>) -> bool {
        span.end >= self.offset && span.end <= self.offset + self.length
    }

    /// miette's `span_flyby`: starts on a line above and ends on one below.
    fn passes_by(&self, span: &Range<usize>) -> bool {
        span.start < self.offset && span.end > self.offset + self.length
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
        let before = &self.text[..index.min(self.text.len())];
        // Printable ASCII (no tab, no escape) is a column a byte.
        let width = if before.bytes().all(|b| matches!(b, b' '..=b'~')) {
            before.len()
        } else {
            visual_widths(before).sum()
        };
        if index > self.text.len() {
            width + 1
        } else {
            width
        }
    }
}

/// `text` as miette writes a line of a snippet: tabs become spaces to the next stop.
fn push_expanding_tabs(text: &str, out: &mut String) {
    if memchr::memchr(b'\t', text.as_bytes()).is_none() {
        out.push_str(text);
        return;
    }
    for (c, width) in text.chars().zip(visual_widths(text)) {
        if c == '\t' {
            out.extend(std::iter::repeat_n(' ', width));
        } else {
            out.push(c);
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
