//! The graphical report: each diagnostic with its source snippet, as miette's graphical
//! handler draws it (the common ones drawn by `human_direct`, to the same bytes).

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::io::{self, Write};
use std::rc::Rc;
use std::sync::Arc;

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};

use textwrap::WordSeparator;
use textwrap::core::Word;

use super::human_direct::{Direct, Parts, SpanLabel};
use super::{Reporter, Sources, Totals};
use crate::diagnostic::{Applicability, Diagnostic, LineIndex, Severity};
use crate::engine::FileReport;

pub struct Human {
    handler: GraphicalReportHandler,
    /// The common diagnostic drawn without miette, when neither colour nor terminal links
    /// are on (a file, a pipe, CI): the same bytes, in a fraction of the time.
    direct: Option<Direct>,
}

impl Human {
    /// `color` for a terminal that shows it; `width` is the terminal's, or a fixed one in tests.
    pub fn new(color: bool, links: bool, width: usize) -> Human {
        let theme = if color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        let handler = GraphicalReportHandler::new_themed(theme)
            .with_links(links)
            .with_width(width)
            .with_context_lines(1)
            .with_word_separator(WordSeparator::Custom(remembered_words));
        let direct = (!color && !links).then(|| Direct::new(width));
        Human { handler, direct }
    }
}

impl Reporter for Human {
    fn end(&self, totals: &Totals, out: &mut dyn Write) -> io::Result<()> {
        super::rule_summary::write_rule_summary(totals, out)
    }

    fn file(&self, file: &FileReport, sources: &dyn Sources, out: &mut Vec<u8>) {
        // A drawn finding takes about a kilobyte: the part grows once or not at all.
        out.reserve(file.diagnostics.len() * 1024);
        let mut rendered = String::with_capacity(2048);
        let lines = file.source.as_deref().map(LineIndex::new);
        let file_name = file.path.display().to_string();
        for diagnostic in &file.diagnostics {
            rendered.clear();
            let own_name;
            let name = if diagnostic.path == file.path {
                &file_name
            } else {
                own_name = diagnostic.path.display().to_string();
                &own_name
            };
            let source = file
                .source
                .as_deref()
                .zip(lines.as_ref())
                .map(|(text, lines)| NamedText {
                    name,
                    text,
                    lines: lines.line_starts(),
                });
            if self.draw_directly(diagnostic, source.as_ref(), &mut rendered)
                || self.draw_with_miette(diagnostic, source, sources, &mut rendered)
            {
                out.extend_from_slice(rendered.as_bytes());
                out.push(b'\n');
            }
        }
    }
}

impl Human {
    /// Draws the common diagnostic without miette ([`Direct`]); `false` when it is not one.
    fn draw_directly(
        &self,
        diagnostic: &Diagnostic,
        source: Option<&NamedText<'_>>,
        rendered: &mut String,
    ) -> bool {
        let Some(direct) = &self.direct else {
            return false;
        };
        let finding = &diagnostic.finding;
        if !finding.related.is_empty() {
            return false;
        }
        let help = help_text(finding);
        let parts = Parts {
            rule: diagnostic.rule,
            severity: diagnostic.severity,
            message: &finding.message,
            help: help.as_deref(),
            snippet: source.map(|source| {
                let primary = SpanLabel {
                    range: finding.range.clone(),
                    text: finding.label.as_deref(),
                    primary: true,
                };
                let secondary = finding.secondary.iter().map(|label| SpanLabel {
                    range: label.range.clone(),
                    text: Some(&label.text),
                    primary: false,
                });
                (source, std::iter::once(primary).chain(secondary).collect())
            }),
        };
        direct.draw(&parts, rendered)
    }

    /// Draws any diagnostic through miette, with the other posts it points at.
    fn draw_with_miette(
        &self,
        diagnostic: &Diagnostic,
        source: Option<NamedText<'_>>,
        sources: &dyn Sources,
        rendered: &mut String,
    ) -> bool {
        let url = crate::rules::find(diagnostic.rule).map(|info| info.url());
        // Other posts' text, held while this diagnostic is drawn.
        let texts: Vec<(&crate::diagnostic::Related, Arc<str>)> = diagnostic
            .finding
            .related
            .iter()
            .filter_map(|related| Some((related, sources.text(&related.path)?)))
            .collect();
        let indexes: Vec<LineIndex> = texts.iter().map(|(_, text)| LineIndex::new(text)).collect();
        let names: Vec<String> = texts
            .iter()
            .map(|(related, _)| related.path.display().to_string())
            .collect();
        let related = texts
            .iter()
            .zip(&indexes)
            .zip(&names)
            .map(|(((related, text), lines), name)| RelatedReport {
                related,
                source: NamedText {
                    name,
                    text,
                    lines: lines.line_starts(),
                },
            })
            .collect();
        let report = Report {
            diagnostic,
            source,
            url,
            related,
        };
        self.handler.render_report(rendered, &report).is_ok()
    }
}

/// The words textwrap's Unicode line breaking (`WordSeparator::UnicodeBreakProperties`,
/// miette's default) finds in `line`, remembered per thread: the same messages, labels and
/// help texts come back post after post, and finding their break opportunities is a good
/// part of drawing a diagnostic. The words are the separator's own, so the report is the
/// same.
///
/// A line is remembered by itself and by its shape ([`Shape`]): help texts that differ
/// only in the words and numbers they quote share a shape, and break where it does.
pub(super) fn remembered_words(line: &str) -> Box<dyn Iterator<Item = Word<'_>> + '_> {
    /// Lines and shapes remembered per thread (about 0.25 MB each; the filled texts are
    /// remembered too, in `human_direct`); past it, they are split anew each time.
    const LIMIT: usize = 256;
    type Remembered = HashMap<Box<str>, Rc<[WordAt]>>;
    thread_local! {
        static SEEN: RefCell<Remembered> = RefCell::new(HashMap::new());
        static SHAPES: RefCell<Remembered> = RefCell::new(HashMap::new());
    }
    let remember = |cache: &'static std::thread::LocalKey<RefCell<Remembered>>,
                    key: &str,
                    words: &Rc<[WordAt]>| {
        cache.with(|cache| {
            let mut cache = cache.borrow_mut();
            if cache.len() < LIMIT {
                cache.insert(key.into(), words.clone());
            }
        });
    };
    if let Some(words) = SEEN.with(|seen| seen.borrow().get(line).cloned()) {
        return Box::new((0..words.len()).map(move |index| words[index].word(line)));
    }
    let words = match Shape::of(line) {
        Some(shape) => {
            let shape_words = SHAPES
                .with(|shapes| shapes.borrow().get(shape.text.as_str()).cloned())
                .or_else(|| {
                    separate(&shape.text).inspect(|words| remember(&SHAPES, &shape.text, words))
                });
            shape_words.map(|words| shape.words_of(line, &words))
        }
        None => separate(line).inspect(|words| remember(&SEEN, line, words)),
    };
    match words {
        Some(words) => Box::new((0..words.len()).map(move |index| words[index].word(line))),
        // A word that is not a piece of the line: nothing to remember it by.
        None => WordSeparator::UnicodeBreakProperties.find_words(line),
    }
}

/// The separator's words of `text` by their places in it.
fn separate(text: &str) -> Option<Rc<[WordAt]>> {
    WordSeparator::UnicodeBreakProperties
        .find_words(text)
        .map(|word| WordAt::of(text, &word))
        .collect()
}

/// A line with each run of ASCII letters written as one `a` and each run of ASCII digits
/// as one `0`. Line breaking goes by characters' classes (UAX #14), ASCII letters are all
/// of one class and digits of another, and no break falls inside a run of either: so a
/// line breaks where its shape does, and the shape is what is remembered.
struct Shape {
    text: String,
    /// Where each byte of the shape, and its end, are in the line.
    places: Vec<usize>,
}

impl Shape {
    /// The shape of `line`; `None` when nothing collapses, or when the line holds an
    /// escape sequence, whose letters are not text.
    fn of(line: &str) -> Option<Shape> {
        let bytes = line.as_bytes();
        if bytes.contains(&0x1b) {
            return None;
        }
        let mut text = String::with_capacity(line.len());
        let mut places = Vec::with_capacity(line.len() + 1);
        let mut index = 0;
        while index < bytes.len() {
            let byte = bytes[index];
            let run = |is: fn(&u8) -> bool| bytes[index..].iter().take_while(|b| is(b)).count();
            let (piece, length) = if byte.is_ascii_alphabetic() {
                ('a', run(u8::is_ascii_alphabetic))
            } else if byte.is_ascii_digit() {
                ('0', run(u8::is_ascii_digit))
            } else {
                let c = line[index..].chars().next()?;
                for offset in 0..c.len_utf8() {
                    places.push(index + offset);
                }
                text.push(c);
                index += c.len_utf8();
                continue;
            };
            places.push(index);
            text.push(piece);
            index += length;
        }
        places.push(line.len());
        (text.len() < line.len()).then_some(Shape { text, places })
    }

    /// The shape's words moved to the line, with the line's widths.
    fn words_of(&self, line: &str, words: &[WordAt]) -> Rc<[WordAt]> {
        words
            .iter()
            .map(|word| {
                let start = self.places[word.start];
                let word_end = self.places[word.word_end];
                WordAt {
                    start,
                    word_end,
                    whitespace_end: self.places[word.whitespace_end],
                    width: textwrap::core::display_width(&line[start..word_end]),
                }
            })
            .collect()
    }
}

/// A word of a line by its place in the line: the word, then its trailing whitespace.
#[derive(Clone, Copy)]
struct WordAt {
    start: usize,
    word_end: usize,
    whitespace_end: usize,
    width: usize,
}

impl WordAt {
    /// Where `word` lies in `line`; `None` for a word with a penalty or not inside it.
    fn of(line: &str, word: &Word<'_>) -> Option<WordAt> {
        let offset = |piece: &str| (piece.as_ptr() as usize).checked_sub(line.as_ptr() as usize);
        let start = offset(word.word)?;
        let word_end = start + word.word.len();
        let whitespace_end = if word.whitespace.is_empty() {
            word_end
        } else {
            // The whitespace must follow the word, as the separator cuts them.
            (offset(word.whitespace)? == word_end).then_some(word_end + word.whitespace.len())?
        };
        (word.penalty.is_empty() && whitespace_end <= line.len()).then_some(WordAt {
            start,
            word_end,
            whitespace_end,
            width: word.width,
        })
    }

    fn word<'a>(&self, line: &'a str) -> Word<'a> {
        Word {
            word: &line[self.start..self.word_end],
            whitespace: &line[self.word_end..self.whitespace_end],
            penalty: "",
            width: self.width,
        }
    }
}

/// One diagnostic in miette's terms, borrowing everything.
struct Report<'a> {
    diagnostic: &'a Diagnostic,
    source: Option<NamedText<'a>>,
    /// The rule's page; none for a file that could not be read or a configuration error.
    url: Option<String>,
    /// The places in other files the finding is about, each shown with its snippet.
    related: Vec<RelatedReport<'a>>,
}

/// A place in another file, shown under the diagnostic it belongs to.
struct RelatedReport<'a> {
    related: &'a crate::diagnostic::Related,
    source: NamedText<'a>,
}

impl fmt::Debug for RelatedReport<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.related.text)
    }
}

impl fmt::Display for RelatedReport<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.related.text)
    }
}

impl std::error::Error for RelatedReport<'_> {}

impl miette::Diagnostic for RelatedReport<'_> {
    fn severity(&self) -> Option<miette::Severity> {
        Some(miette::Severity::Advice)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(std::iter::once(
            LabeledSpan::new_primary_with_span(None, span(&self.related.range)),
        )))
    }
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diagnostic.finding.message)
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diagnostic.finding.message)
    }
}

impl std::error::Error for Report<'_> {}

impl miette::Diagnostic for Report<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(format!("postlint({})", self.diagnostic.rule)))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diagnostic.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        help_text(&self.diagnostic.finding).map(|help| Box::new(help) as Box<dyn fmt::Display>)
    }

    fn url<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.url
            .as_ref()
            .map(|url| Box::new(url) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_ref().map(|source| source as &dyn SourceCode)
    }

    fn related<'b>(&'b self) -> Option<Box<dyn Iterator<Item = &'b dyn miette::Diagnostic> + 'b>> {
        if self.related.is_empty() {
            return None;
        }
        Some(Box::new(
            self.related
                .iter()
                .map(|related| related as &dyn miette::Diagnostic),
        ))
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.source.as_ref()?;
        let finding = &self.diagnostic.finding;
        // Without a label of its own the underline stands alone: the message is just above.
        let primary =
            LabeledSpan::new_primary_with_span(finding.label.clone(), span(&finding.range));
        let secondary = finding
            .secondary
            .iter()
            .map(|label| LabeledSpan::new_with_span(Some(label.text.clone()), span(&label.range)));
        Some(Box::new(std::iter::once(primary).chain(secondary)))
    }
}

/// The help under a finding: the rule's advice, then what its fix would do.
fn help_text(finding: &crate::diagnostic::Finding) -> Option<Cow<'_, str>> {
    let fix = finding.fix.as_ref().map(|fix| {
        let flags = match fix.applicability {
            Applicability::Safe => "--fix",
            Applicability::Unsafe => "--fix --unsafe-fixes",
        };
        format!(
            "fix ({}, `{flags}`): {}",
            fix.applicability.as_str(),
            fix.message
        )
    });
    match (&finding.help, fix) {
        (Some(help), Some(fix)) => Some(Cow::Owned(format!("{help}\n{fix}"))),
        (Some(help), None) => Some(Cow::Borrowed(help)),
        (None, Some(fix)) => Some(Cow::Owned(fix)),
        (None, None) => None,
    }
}

fn span(range: &std::ops::Range<usize>) -> SourceSpan {
    SourceSpan::new(range.start.into(), range.end - range.start)
}

/// A file's text under its path, borrowed rather than copied per diagnostic.
pub(super) struct NamedText<'a> {
    pub(super) name: &'a str,
    text: &'a str,
    /// Where its lines start ([`LineIndex::line_starts`]).
    lines: &'a [usize],
}

impl<'a> NamedText<'a> {
    /// What miette's own reader finds around `span` (without the name): the lines shown,
    /// where they start, the span's line and column.
    pub(super) fn contents(
        &self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<MietteSpanContents<'a>, MietteError> {
        // miette finds the lines around a span by reading the text from its start: from
        // the line before the first it shows instead, the work is the snippet's, not the
        // file's. The lines skipped are added back, so the result is the same. (Starting
        // a line early keeps the span off the window's first byte, where miette reads a
        // zero-length span differently.)
        let line = self.lines.partition_point(|&start| start <= span.offset()) - 1;
        let first = line.saturating_sub(context_lines_before + 1);
        let skipped = self.lines[first].min(span.offset());
        let shifted = SourceSpan::new((span.offset() - skipped).into(), span.len());
        let window: &'a [u8] = &self.text.as_bytes()[skipped..];
        let read = read_around(window, &shifted, context_lines_before, context_lines_after)
            .ok_or(MietteError::OutOfBounds)?;
        Ok(MietteSpanContents::new(
            &window[read.start..read.end],
            SourceSpan::new((read.start + skipped).into(), read.end - read.start),
            read.line + first,
            read.column,
            read.line_count + first,
        ))
    }
}

impl SourceCode for NamedText<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let contents = self.contents(span, context_lines_before, context_lines_after)?;
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.to_owned(),
            contents.data(),
            *contents.span(),
            contents.line(),
            contents.column(),
            contents.line_count(),
        )))
    }
}

/// What miette's span reader (`context_info` in its `source_impls.rs`) finds in `input`:
/// the bytes from `start` to `end`, the first line's number, the span's column (with no
/// lines before) and the line breaks read. It reads byte by byte; this jumps from line
/// break to line break, with the same state changes, quirks included.
struct Around {
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    line_count: usize,
}

fn read_around(input: &[u8], span: &SourceSpan, before: usize, after: usize) -> Option<Around> {
    // miette's two thresholds: they differ for an empty span.
    let span_end_at_break = span.offset() + span.len().saturating_sub(1);
    let span_end = (span.offset() + span.len()).saturating_sub(1);
    let mut line_count = 0;
    let mut start_line = 0;
    let mut start_column = 0;
    let mut line_starts_before = std::collections::VecDeque::new();
    let mut current_line_start = 0;
    let mut end_lines = 0;
    let mut post_span = false;
    let mut post_span_got_newline = false;
    let mut offset = 0;
    while offset < input.len() {
        // A run of bytes that are not line breaks: columns before the span, and the
        // first byte at the span's end.
        let run_end =
            memchr::memchr2(b'\r', b'\n', &input[offset..]).map_or(input.len(), |at| offset + at);
        if offset < run_end {
            start_column += span.offset().min(run_end).saturating_sub(offset);
            let reached = offset.max(span_end);
            if reached < run_end {
                post_span = true;
                if end_lines >= after {
                    offset = reached + 1;
                    break;
                }
            }
            offset = run_end;
            if offset == input.len() {
                break;
            }
        }
        // A line break at `offset` (`\r\n` read as one).
        line_count += 1;
        if input[offset] == b'\r' && input.get(offset + 1) == Some(&b'\n') {
            offset += 1;
        }
        if offset < span.offset() {
            start_column = 0;
            line_starts_before.push_back(current_line_start);
            if line_starts_before.len() > before {
                start_line += 1;
                line_starts_before.pop_front();
            }
        } else if offset >= span_end_at_break && post_span {
            start_column = 0;
            if post_span_got_newline {
                end_lines += 1;
            } else {
                post_span_got_newline = true;
            }
            if end_lines >= after {
                offset += 1;
                break;
            }
        }
        current_line_start = offset + 1;
        if offset >= span_end {
            post_span = true;
            if end_lines >= after {
                offset += 1;
                break;
            }
        }
        offset += 1;
    }
    if offset < span_end {
        return None;
    }
    let start = line_starts_before
        .front()
        .copied()
        .unwrap_or(if before == 0 { span.offset() } else { 0 });
    Some(Around {
        start,
        end: offset,
        line: start_line,
        column: if before == 0 { start_column } else { 0 },
        line_count,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What miette reads for a span, in a form that compares.
    fn contents(source: &dyn SourceCode, span: SourceSpan, around: usize) -> Option<String> {
        let read = source.read_span(&span, around, around).ok()?;
        Some(format!(
            "{:?} {:?} line {} column {} lines {}",
            String::from_utf8_lossy(read.data()),
            read.span(),
            read.line(),
            read.column(),
            read.line_count()
        ))
    }

    #[test]
    fn reading_from_the_first_line_shown_reads_what_miette_reads_from_the_start() {
        let texts = [
            "",
            "one line",
            "---\ntitle: 中文 😀\n---\n\n# A\n\n### C\ntext\n",
            "a\r\nb\r\n\r\nc\rd\n\ne",
            "\n\n\n",
            "\r\r\n\n\rx",
            "abc\r\n\r\ndef ghi\n\rjkl\r",
            "a line long enough to skip over\nsecond\n\nfourth line, also long\nfifth",
            "\n",
            "x",
            "a\rb\rc\r\n",
            "front: matter\n---\n\n# 标题\n\n正文，很长的一行。\r\n\r\n## two\n",
        ];
        for text in texts {
            let index = LineIndex::new(text);
            let named = NamedText {
                name: "",
                text,
                lines: index.line_starts(),
            };
            // Spans inside the text, as every finding's is (miette panics past its end).
            for start in 0..=text.len() {
                for length in [0, 1, 3, 12]
                    .into_iter()
                    .filter(|l| start + l <= text.len())
                {
                    for around in [0, 1, 2] {
                        let span = SourceSpan::new(start.into(), length);
                        let plain = contents(&text, span, around);
                        let windowed = contents(&named, span, around);
                        assert_eq!(
                            windowed, plain,
                            "{text:?} at {start}+{length}, {around} around"
                        );
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod word_tests {
    use proptest::prelude::*;

    use super::*;

    fn words(
        found: Box<dyn Iterator<Item = Word<'_>> + '_>,
    ) -> Vec<(String, String, String, usize)> {
        found
            .map(|w| {
                (
                    w.word.to_owned(),
                    w.whitespace.to_owned(),
                    w.penalty.to_owned(),
                    w.width,
                )
            })
            .collect()
    }

    #[test]
    fn remembered_words_are_the_separators_own() {
        let lines = [
            "",
            "plain words and a-hyphenated word/with/slashes (and parens), `code` here.",
            "description is 24 columns wide (25 characters); aim for at least 100",
            "标题不要太长：搜索结果大约显示三十个汉字，多出的部分会被截断",
            "mixed 中文 and English、標點，とカタカナ and 한국어 text",
            "emoji 👨‍👩‍👧 and combining é́ marks, tabs\tand  double  spaces ",
            "\u{1b}[31mred\u{1b}[0m text with escapes",
        ];
        for line in lines {
            let expected = words(WordSeparator::UnicodeBreakProperties.find_words(line));
            assert_eq!(
                words(remembered_words(line)),
                expected,
                "first time: {line:?}"
            );
            assert_eq!(
                words(remembered_words(line)),
                expected,
                "remembered: {line:?}"
            );
        }
    }

    /// Pieces of lines: runs of letters and digits of every length next to each other and
    /// to every ASCII punctuation mark, and the characters line breaking treats specially.
    fn line() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "a",
            "Rust",
            "ABC",
            "x",
            "word",
            "0",
            "42",
            "2024",
            "1.5",
            " ",
            "  ",
            "-",
            "--",
            "—",
            "中文",
            "汉",
            "。",
            "，",
            "「",
            "」",
            "：",
            "カタカナ",
            "한국어",
            "👍",
            "é́",
            "\u{ad}",
            "\u{a0}",
            "\u{200b}",
            "\u{2060}",
            "\t",
            "…",
            "»",
            "«",
            "'",
            "\"",
            "(",
            ")",
            "[",
            "]",
            "{",
            "}",
            "/",
            "\\",
            "%",
            "$",
            "+",
            "!",
            "?",
            ",",
            ".",
            ":",
            ";",
            "#",
            "&",
            "*",
            "<",
            "=",
            ">",
            "@",
            "^",
            "_",
            "`",
            "|",
            "~",
            "₹",
            "€",
            "ﬁ",
            "١٢",
            "\u{1b}[31m",
            "\u{1b}[0m",
            "\u{1b}]8;;x\u{1b}\\",
        ]);
        prop::collection::vec(pieces, 0..40).prop_map(|pieces| pieces.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5000))]
        /// The words found through a line's shape are those found in the line itself.
        #[test]
        fn a_line_breaks_where_its_shape_does(line in line()) {
            let expected = words(WordSeparator::UnicodeBreakProperties.find_words(&line));
            prop_assert_eq!(words(remembered_words(&line)), expected.clone());
            prop_assert_eq!(words(remembered_words(&line)), expected);
        }
    }
}

/// The direct drawing is miette's, byte for byte: on every finding the fixtures give and on
/// generated snippets with tabs, wide and zero-width characters, escapes and line breaks
/// of every kind.
#[cfg(test)]
mod direct_tests {
    use std::path::{Path, PathBuf};

    use proptest::prelude::*;

    use super::*;
    use crate::config::RuleSet;
    use crate::diagnostic::{Finding, Fix};
    use crate::engine::Outcome;

    /// The diagnostic drawn directly (`None` when it is left to miette) and through miette.
    fn both(diagnostic: &Diagnostic, text: Option<&str>, width: usize) -> (Option<String>, String) {
        let human = Human::new(false, false, width);
        let lines = text.map(LineIndex::new);
        let name = diagnostic.path.display().to_string();
        let named = || {
            text.zip(lines.as_ref()).map(|(text, lines)| NamedText {
                name: &name,
                text,
                lines: lines.line_starts(),
            })
        };
        let mut direct = String::new();
        let drawn = human.draw_directly(diagnostic, named().as_ref(), &mut direct);
        let mut miette = String::new();
        let no_sources = Outcome { files: Vec::new() };
        assert!(human.draw_with_miette(diagnostic, named(), &no_sources, &mut miette));
        (drawn.then_some(direct), miette)
    }

    #[test]
    fn every_fixture_finding_is_drawn_as_miette_draws_it() {
        let fixtures = Path::new("fixtures");
        let rules = RuleSet::load(None, fixtures, &Default::default()).unwrap();
        let outcome = crate::engine::run(&[PathBuf::from("fixtures")], &rules);
        let (mut eligible, mut drawn) = (0, 0);
        for file in &outcome.files {
            for diagnostic in &file.diagnostics {
                let finding = &diagnostic.finding;
                if finding.related.is_empty() && finding.secondary.is_empty() {
                    eligible += 1;
                }
                for width in [30, 80, 100, 200] {
                    let (direct, miette) = both(diagnostic, file.source.as_deref(), width);
                    if let Some(direct) = direct {
                        assert_eq!(direct, miette, "{:?} at width {width}", diagnostic.path);
                        drawn += 1;
                    }
                }
            }
        }
        // Nearly all of them are of the common shape: the comparison is not vacuous.
        assert!(eligible > 500, "{eligible} findings");
        assert!(
            drawn * 100 >= eligible * 4 * 95,
            "{drawn} of {eligible} × 4 drawn directly"
        );
    }

    /// Text from pieces that stress the drawing.
    fn text() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "a",
            "word ",
            " ",
            "\t",
            "中文",
            "\n",
            "\r\n",
            "\r",
            "é",
            "e\u{301}",
            "\u{200b}",
            "\x1b[31m",
            "😀",
            "👨‍👩‍👧",
            "-",
            "## ",
            "\u{7f}",
            "ｱ",
        ]);
        prop::collection::vec(pieces, 0..120).prop_map(|pieces| pieces.concat())
    }

    fn words() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "title ",
            "is ",
            "27 ",
            "columns ",
            "wide; ",
            "标题不要太长，",
            "`tags`, ",
            "\n",
            "a-very-long-hyphenated-identifier-that-will-not-fit-anywhere ",
            "  ",
            "\t",
            "x",
            "全角\u{3000}空白",
            "no\u{a0}break ",
            "\x1b[1mbold\x1b[0m ",
            "e\u{301}",
            "\r",
        ]);
        prop::collection::vec(pieces, 0..30).prop_map(|pieces| pieces.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn generated_findings_are_drawn_as_miette_draws_them(
            text in text(),
            a in 0usize..400,
            b in 0usize..60,
            label in prop::option::of(words()),
            message in words(),
            help in prop::option::of(words()),
            fix in any::<bool>(),
            severity in prop::sample::select(vec![Severity::Error, Severity::Warning, Severity::Info]),
            width in prop::sample::select(vec![20usize, 60, 100]),
            has_source in any::<bool>(),
            secondary in prop::collection::vec((0usize..400, 0usize..30, words()), 0..3),
        ) {
            // A range on character boundaries inside the text, as every finding's is.
            let snap = |mut i: usize| {
                i = i.min(text.len());
                while !text.is_char_boundary(i) {
                    i -= 1;
                }
                i
            };
            let start = snap(a);
            let end = snap(start + b).max(start);
            let mut finding = Finding::new(start..end, message);
            finding.label = label;
            for (a, b, text) in secondary {
                let start = snap(a);
                finding = finding.secondary(start..snap(start + b).max(start), text);
            }
            finding.help = help;
            if fix {
                finding = finding.fix(Fix {
                    applicability: Applicability::Safe,
                    message: "trim the title".into(),
                    edits: Vec::new(),
                });
            }
            let diagnostic = Diagnostic {
                path: PathBuf::from("posts/post.md"),
                rule: "title-length",
                severity,
                finding,
            };
            let (direct, miette) = both(&diagnostic, has_source.then_some(text.as_str()), width);
            if let Some(direct) = direct {
                prop_assert_eq!(direct, miette);
            }
        }
    }
}
