//! The common shape of YAML front matter, read without a YAML parser.
//!
//! Nearly all front matter is `key: value` lines: plain or quoted scalars, lists written
//! `[a, b]` or as `- item` lines, folded or literal text (`>-`, `|`), and mappings of those
//! under a key (Hugo's `cover:` with its `image:` and `alt:`). This reader takes
//! exactly that subset and gives up (`None`) on anything else, which then goes to
//! serde-saphyr. Where it answers, it answers what serde-saphyr would: the same values,
//! kinds and byte ranges; a differential test holds it to that on generated front matter.
//! It is several times cheaper, and the YAML was a fifth of a run's instructions.

use std::ops::Range;

use super::front_matter::{Value, ValueKind};

/// Longest text read here. Below it no serde-saphyr budget (nodes, events, scalar bytes)
/// can be reached, so a refusal for size is never missed.
const MAX_TEXT: usize = 64 * 1024;

/// Longest key read here; serde-saphyr refuses implicit keys beyond 1,024 characters.
const MAX_KEY: usize = 128;

/// The top-level `(key, value)` pairs of `text`, in order, duplicates included, with
/// ranges in the file (`offset` is where `text` starts in it); `None` when `text` is not
/// in the subset read here.
pub(super) fn read(text: &str, offset: usize) -> Option<Vec<(Value, Value)>> {
    if text.len() > MAX_TEXT || !only_plain_characters(text.as_bytes()) {
        return None;
    }
    let mut reader = Reader {
        lines: LineCursor { text, next: 0 },
        offset,
        pairs: Vec::new(),
    };
    reader.document()?;
    Some(reader.pairs)
}

/// No tabs, no control characters, no lone carriage returns, and none of the characters
/// YAML excludes or treats specially (C1 controls, NEL, line and paragraph separators, a
/// byte-order mark, the non-characters U+FFFE and U+FFFF).
fn only_plain_characters(bytes: &[u8]) -> bool {
    let mut index = 0;
    while index < bytes.len() {
        match bytes[index] {
            b'\n' | 0x20..=0x7e => {}
            b'\r' if bytes.get(index + 1) == Some(&b'\n') => {}
            0xc2 if matches!(bytes.get(index + 1), Some(0x80..=0x9f)) => return false,
            0xe2 if bytes.get(index + 1) == Some(&0x80)
                && matches!(bytes.get(index + 2), Some(0xa8 | 0xa9)) =>
            {
                return false;
            }
            0xef if matches!(
                (bytes.get(index + 1), bytes.get(index + 2)),
                (Some(0xbb), Some(0xbf)) | (Some(0xbf), Some(0xbe | 0xbf))
            ) =>
            {
                return false;
            }
            0x80.. => {}
            _ => return false,
        }
        index += 1;
    }
    true
}

/// One line of the text, without its line break; `start` is its offset in the text.
#[derive(Clone, Copy)]
struct Line<'a> {
    start: usize,
    text: &'a str,
}

impl Line<'_> {
    fn indent(&self) -> usize {
        self.text.len() - self.text.trim_start_matches(' ').len()
    }

    fn is_blank(&self) -> bool {
        self.indent() == self.text.len()
    }
}

struct LineCursor<'a> {
    text: &'a str,
    next: usize,
}

impl<'a> LineCursor<'a> {
    fn peek(&self) -> Option<Line<'a>> {
        let rest = &self.text[self.next..];
        if rest.is_empty() {
            return None;
        }
        let end = memchr::memchr(b'\n', rest.as_bytes()).unwrap_or(rest.len());
        let text = &rest[..end];
        Some(Line {
            start: self.next,
            text: text.strip_suffix('\r').unwrap_or(text),
        })
    }

    fn advance(&mut self) {
        let rest = &self.text[self.next..];
        self.next += memchr::memchr(b'\n', rest.as_bytes()).map_or(rest.len(), |end| end + 1);
    }

    /// The next line that is not blank, leaving the cursor on it.
    fn skip_blank(&mut self) -> Option<Line<'a>> {
        while let Some(line) = self.peek() {
            if !line.is_blank() {
                return Some(line);
            }
            self.advance();
        }
        None
    }
}

struct Reader<'a> {
    lines: LineCursor<'a>,
    offset: usize,
    pairs: Vec<(Value, Value)>,
}

impl Reader<'_> {
    fn document(&mut self) -> Option<()> {
        self.pairs = self.mapping(0)?;
        Some(())
    }

    /// The entries of a block mapping whose keys start at column `indent`, up to the first
    /// line less indented.
    fn mapping(&mut self, indent: usize) -> Option<Vec<(Value, Value)>> {
        let mut pairs = Vec::new();
        while let Some(line) = self.lines.skip_blank() {
            // Comments are read at the top level only, where nothing can continue.
            if indent == 0 && line.text.starts_with('#') {
                self.lines.advance();
                continue;
            }
            let line_indent = line.indent();
            if line_indent < indent {
                break;
            }
            // A deeper line here continues a plain scalar or nests unlike a mapping's value.
            if line_indent > indent {
                return None;
            }
            self.lines.advance();
            let (key, after_colon) = self.key(line, indent)?;
            let value = self.value_of_entry(line, after_colon, indent)?;
            pairs.push((key, value));
        }
        Some(pairs)
    }

    /// A plain key at column `indent` of `line` and the offset in the line after its colon.
    fn key(&self, line: Line, indent: usize) -> Option<(Value, usize)> {
        let bytes = &line.text.as_bytes()[indent..];
        let length = bytes
            .iter()
            .position(|&b| !(b.is_ascii_alphanumeric() || b == b'_' || b == b'-'))?;
        let key = &line.text[indent..indent + length];
        let starts_well = bytes[0].is_ascii_alphabetic() || bytes[0] == b'_';
        if !starts_well || length > MAX_KEY || bytes[length] != b':' {
            return None;
        }
        // Keys that YAML reads as null or a boolean are named by value, not as written.
        if !matches!(plain_kind(key)?, ValueKind::String(_)) {
            return None;
        }
        let key = Value {
            kind: ValueKind::String(key.to_owned()),
            range: self.range(line.start, indent..indent + length),
        };
        Some((key, indent + length + 1))
    }

    /// The value of the entry on `line` (its key at column `indent`), whose text after the
    /// key's colon starts at `at`; lines below it that belong to it (a list, a mapping, a
    /// folded text) are consumed.
    fn value_of_entry(&mut self, line: Line, at: usize, indent: usize) -> Option<Value> {
        let rest = &line.text[at..];
        // serde-saphyr places an empty value at the key's colon.
        let colon = line.start + at - 1;
        let value_text = rest.trim_start_matches(' ');
        if value_text.is_empty() {
            return self.block_value(colon, indent);
        }
        // `key:value` is one plain scalar, not an entry.
        if value_text.len() == rest.len() {
            return None;
        }
        let start = line.text.len() - value_text.len();
        match value_text.as_bytes()[0] {
            // A comment: nothing on this line.
            b'#' => self.block_value(colon, indent),
            b'>' | b'|' => self.block_text(line, start, indent),
            b'[' => {
                let (value, end) = self.flow_list(line, start)?;
                self.after_value(line, end)?;
                Some(value)
            }
            _ => {
                let (value, end) = self.scalar(line, start, Context::Block)?;
                self.after_value(line, end)?;
                Some(value)
            }
        }
    }

    /// Nothing after the key (at column `indent`): a list or a mapping on the lines below,
    /// or null.
    fn block_value(&mut self, colon: usize, indent: usize) -> Option<Value> {
        let Some(next) = self.lines.skip_blank() else {
            return Some(self.null_at(colon));
        };
        let next_indent = next.indent();
        if next.text.starts_with('#') {
            return None;
        }
        if next.text[next_indent..].starts_with('-') && next_indent >= indent {
            return self.block_list(next_indent, indent);
        }
        if next_indent > indent {
            let pairs = self.mapping(next_indent)?;
            // serde-saphyr's range: from the first key to the end of the last value.
            let range = pairs.first()?.0.range.start..pairs.last()?.1.range.end;
            return Some(Value {
                kind: ValueKind::Map(pairs),
                range,
            });
        }
        Some(self.null_at(colon))
    }

    fn null_at(&self, at: usize) -> Value {
        let at = self.offset + at;
        Value {
            kind: ValueKind::Null,
            range: at..at,
        }
    }

    /// `- item` lines at `indent`, each item a scalar or a flow list on its line, under a
    /// key at column `parent`.
    fn block_list(&mut self, indent: usize, parent: usize) -> Option<Value> {
        let mut items = Vec::new();
        let mut first_dash = None;
        while let Some(line) = self.lines.skip_blank() {
            let item_indent = line.indent();
            let after_dash = &line.text[item_indent..];
            if item_indent != indent || !after_dash.starts_with('-') {
                // A key back at the parent's column or further out ends the list; anything
                // else is more than this reader reads.
                if item_indent <= parent && !after_dash.starts_with(['-', '#']) {
                    break;
                }
                return None;
            }
            let spaces = after_dash[1..].len() - after_dash[1..].trim_start_matches(' ').len();
            let start = item_indent + 1 + spaces;
            if spaces == 0 || start == line.text.len() {
                return None;
            }
            let (item, end) = if line.text.as_bytes()[start] == b'[' {
                // Hexo's `- [Parent, Child]` category paths.
                self.flow_list(line, start)?
            } else {
                self.scalar(line, start, Context::Block)?
            };
            self.after_value(line, end)?;
            first_dash.get_or_insert(self.offset + line.start + indent);
            items.push(item);
            self.lines.advance();
        }
        // serde-saphyr's range: from the first dash (the first item, when the dashes are
        // not indented under the key) to the end of the last item.
        let first_item = items.first()?.range.start;
        let start = if indent > parent {
            first_dash?
        } else {
            first_item
        };
        let range = start..items.last()?.range.end;
        Some(Value {
            kind: ValueKind::List(items),
            range,
        })
    }

    /// `[a, "b", 'c']` starting at `start` in `line`, and the offset in the line after it.
    fn flow_list(&self, line: Line, start: usize) -> Option<(Value, usize)> {
        let bytes = line.text.as_bytes();
        let mut items = Vec::new();
        let mut at = start + 1;
        loop {
            at += spaces_at(bytes, at);
            match bytes.get(at)? {
                b']' if items.is_empty() => {
                    at += 1;
                    break;
                }
                b']' | b',' => return None,
                _ => {}
            }
            let (item, end) = self.scalar(line, at, Context::Flow)?;
            items.push(item);
            at = end + spaces_at(bytes, end);
            match bytes.get(at)? {
                b',' => at += 1,
                b']' => {
                    at += 1;
                    break;
                }
                _ => return None,
            }
        }
        // serde-saphyr's range: from the bracket to the end of the last item, or the
        // bracket alone.
        let range = self.range(line.start, start..start + 1);
        let range = match items.last() {
            Some(last) => range.start..last.range.end,
            None => range,
        };
        Some((
            Value {
                kind: ValueKind::List(items),
                range,
            },
            at,
        ))
    }

    /// A scalar on one line: quoted, or plain up to a comment, the end of the line, or (in
    /// a flow list) a comma or bracket; and the offset in the line after it.
    fn scalar(&self, line: Line, start: usize, context: Context) -> Option<(Value, usize)> {
        let text = &line.text[start..];
        let (kind, length) = match text.as_bytes()[0] {
            b'"' => {
                let (content, length) = double_quoted(text)?;
                (ValueKind::String(content), length)
            }
            b'\'' => {
                let (content, length) = single_quoted(text)?;
                (ValueKind::String(content), length)
            }
            first if is_indicator(first) => return None,
            _ => {
                let length = plain_length(text, context)?;
                (plain_kind(&text[..length])?, length)
            }
        };
        // serde-saphyr's range of a null is where it starts.
        let end = if kind == ValueKind::Null {
            start
        } else {
            start + length
        };
        let value = Value {
            kind,
            range: self.range(line.start, start..end),
        };
        Some((value, start + length))
    }

    /// After a value on its line: only spaces, or spaces and a comment.
    fn after_value(&self, line: Line, end: usize) -> Option<()> {
        let rest = &line.text[end..];
        let trimmed = rest.trim_start_matches(' ');
        let comment = trimmed.starts_with('#') && trimmed.len() < rest.len();
        (trimmed.is_empty() || comment).then_some(())
    }

    /// `>`, `>-`, `|` or `|-` on `line` at `start`, then lines of text at one indentation,
    /// deeper than the key's (`parent`).
    fn block_text(&mut self, line: Line, start: usize, parent: usize) -> Option<Value> {
        let header = &line.text[start..];
        let (folded, keep_last_break) = match header {
            ">" => (true, true),
            ">-" => (true, false),
            "|" => (false, true),
            "|-" => (false, false),
            _ => return None,
        };
        let mut content = String::new();
        let mut indent = None;
        let mut first = None;
        while let Some(next) = self.lines.peek() {
            if next.is_blank() {
                break;
            }
            let next_indent = next.indent();
            if next_indent <= parent {
                break;
            }
            // Deeper lines keep their breaks and trailing spaces are kept or dropped by
            // rules this reader does not follow.
            if *indent.get_or_insert(next_indent) != next_indent || next.text.ends_with(' ') {
                return None;
            }
            if !content.is_empty() {
                content.push(if folded { ' ' } else { '\n' });
            }
            content.push_str(&next.text[next_indent..]);
            first.get_or_insert(next.start + next_indent);
            self.lines.advance();
        }
        let indent = indent?;
        // Blank lines after the text: one with more spaces than the indentation is text,
        // and one before more text is a paragraph break; this reader follows neither.
        while let Some(next) = self.lines.peek() {
            if !next.is_blank() {
                if next.indent() > parent {
                    return None;
                }
                break;
            }
            if next.text.len() > indent {
                return None;
            }
            self.lines.advance();
        }
        if keep_last_break {
            content.push('\n');
        }
        // serde-saphyr's range: from the text to what comes next (the next key).
        let next = self.lines.peek().map_or(0, |line| line.indent());
        Some(Value {
            kind: ValueKind::String(content),
            range: self.offset + first?..self.offset + self.lines.next + next,
        })
    }

    fn range(&self, line_start: usize, in_line: Range<usize>) -> Range<usize> {
        let base = self.offset + line_start;
        base + in_line.start..base + in_line.end
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Context {
    Block,
    Flow,
}

fn spaces_at(bytes: &[u8], at: usize) -> usize {
    bytes[at.min(bytes.len())..]
        .iter()
        .take_while(|&&b| b == b' ')
        .count()
}

/// Characters that cannot start a plain scalar here, or start one only in ways this reader
/// leaves to serde-saphyr (`-1`, `.5`, `?x`).
fn is_indicator(byte: u8) -> bool {
    matches!(
        byte,
        b'-' | b'?'
            | b':'
            | b','
            | b'['
            | b']'
            | b'{'
            | b'}'
            | b'#'
            | b'&'
            | b'*'
            | b'!'
            | b'|'
            | b'>'
            | b'%'
            | b'@'
            | b'`'
            | b'+'
            | b'.'
    )
}

/// The length of a plain scalar at the start of `text`, trailing spaces not included;
/// `None` where it would be something else (a mapping, in a list a nested collection).
fn plain_length(text: &str, context: Context) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut end = bytes.len();
    for (index, &byte) in bytes.iter().enumerate() {
        match byte {
            b'#' if index > 0 && bytes[index - 1] == b' ' => {
                end = index;
                break;
            }
            b':' if matches!(bytes.get(index + 1), None | Some(b' ')) => return None,
            b',' | b']' if context == Context::Flow => {
                end = index;
                break;
            }
            b'[' | b'{' | b'}' | b':' | b'#' if context == Context::Flow => return None,
            _ => {}
        }
    }
    let length = text[..end].trim_end_matches(' ').len();
    (length > 0).then_some(length)
}

/// `"say \"hi\""`: the content with the common escapes read (`\"`, `\\`, `\/`, `\n`,
/// `\t`, `\r`, `\uXXXX`), and the length with both quotes; `None` for other escapes.
fn double_quoted(text: &str) -> Option<(String, usize)> {
    let bytes = text.as_bytes();
    let mut content = String::new();
    let mut at = 1;
    loop {
        let next = at + memchr::memchr2(b'"', b'\\', &bytes[at..])?;
        content.push_str(&text[at..next]);
        if bytes[next] == b'"' {
            return Some((content, next + 1));
        }
        let (c, length) = match *bytes.get(next + 1)? {
            b'"' => ('"', 2),
            b'\\' => ('\\', 2),
            b'/' => ('/', 2),
            b'n' => ('\n', 2),
            b't' => ('\t', 2),
            b'r' => ('\r', 2),
            b'u' => {
                let hex = text.get(next + 2..next + 6)?;
                if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                    return None;
                }
                (char::from_u32(u32::from_str_radix(hex, 16).ok()?)?, 6)
            }
            _ => return None,
        };
        content.push(c);
        at = next + length;
    }
}

/// `'it''s'`: the content with `''` read as `'`, and the length with both quotes.
fn single_quoted(text: &str) -> Option<(String, usize)> {
    let mut content = String::new();
    let mut at = 1;
    loop {
        let close = at + text[at..].find('\'')?;
        content.push_str(&text[at..close]);
        if text[close + 1..].starts_with('\'') {
            content.push('\'');
            at = close + 2;
        } else {
            return Some((content, close + 1));
        }
    }
}

/// What YAML 1.2's core schema (with serde-saphyr's choices) makes of a plain scalar, or
/// `None` where that takes more than this reader knows (signs, radix prefixes, underscores,
/// numbers too large for a float).
fn plain_kind(text: &str) -> Option<ValueKind> {
    match text {
        "~" | "null" | "Null" | "NULL" => return Some(ValueKind::Null),
        "true" | "True" | "TRUE" => return Some(ValueKind::Bool(true)),
        "false" | "False" | "FALSE" => return Some(ValueKind::Bool(false)),
        _ => {}
    }
    let first = *text.as_bytes().first()?;
    if first.is_ascii_digit() {
        if text
            .bytes()
            .any(|b| matches!(b, b'_' | b'x' | b'X' | b'o' | b'O' | b'b' | b'B'))
        {
            return None;
        }
        // What is not a float is not an integer either (integers here are digits only).
        return match text.parse::<f64>() {
            Ok(number) if number.is_finite() => Some(ValueKind::Number(text.to_owned())),
            Ok(_) => None,
            Err(_) => Some(ValueKind::String(text.to_owned())),
        };
    }
    if is_indicator(first) {
        return None;
    }
    // Letters: Rust's float parser takes `inf` and `nan`, which serde-saphyr refuses as
    // not finite; nothing else starting with a letter is a number.
    Some(ValueKind::String(text.to_owned()))
}

/// Where the reader answers, serde-saphyr answers the same, on front matter built from
/// the shapes posts use and the ones that look like them but are not.
#[cfg(test)]
mod agreement_tests {
    use proptest::prelude::*;

    use super::super::front_matter::{Format, Parsed};
    use super::super::yaml;

    const KEYS: &[&str] = &[
        "title", "slug", "tags", "date", "cover", "a-b", "_x", "k1", "true", "null", "y", "Title",
        "1", "-k", "k k", "\"q\"",
    ];

    const SCALARS: &[&str] = &[
        "hello",
        "hello world",
        "中文 标题",
        "a #b",
        "a#b",
        "a: b",
        "a:b",
        "a:",
        "http://x.y/z",
        "Rust [draft]",
        "{x}",
        "x{y}",
        "yes",
        "no",
        "on",
        "n",
        "~",
        "null",
        "Null",
        "NULL",
        "true",
        "FALSE",
        "True",
        "inf",
        "nan",
        "NaN",
        "Infinity",
        ".inf",
        ".5",
        "-1",
        "+1",
        "1",
        "0",
        "0123",
        "1.5",
        "1.",
        "1e3",
        "1E-3",
        "1e999",
        "2024-01-01",
        "2025-11-13 12:51:00",
        "2014-09-03T01:05:34-05:00",
        "2012-02-14T05:02:12Z",
        "0x1F",
        "0o7",
        "0b1",
        "1_000",
        "12abc",
        "1:20",
        "3 apples",
        "99999999999999999999999",
        "123456789012345678901234567890",
        "e5",
        "-foo",
        "- foo",
        "?x",
        "@x",
        "`x`",
        "%x",
        "!x",
        "!!str x",
        "&a x",
        "*a",
        "'",
        "\"",
        "a'b",
        "a\"b",
        "x # c",
        "x  ",
        "\"\"",
        "\"a b\"",
        "\"a\\\"b\"",
        "\"a\\\\b\"",
        "\"a\\/b\"",
        "\"a\\nb\"",
        "\"\\t\"",
        "\"\\r\"",
        "\"\\u00e9\"",
        "\"\\u4E2D\"",
        "\"\\ud800\"",
        "\"\\u12\"",
        "\"\\u000a\"",
        "\"\\x41\"",
        "\"\\U0001F600\"",
        "\"a\\ b\"",
        "\"\\0\"",
        "\"\\e\"",
        "\"a\\\"",
        "\"\\\\\"",
        "\"\\u00e\"",
        "\"a # b\"",
        "\"中\"",
        "\"a\" x",
        "\"a\"# c",
        "''",
        "'a''b'",
        "'x'",
        "'a' x",
        "'un",
        "\"un",
        "é",
        "a\u{a0}",
        "a\u{85}b",
        "a\u{2028}b",
        "\u{feff}a",
        "a\tb",
        "a\u{1}b",
        "a\u{7f}b",
        "|x",
        ">x",
        "a | b",
    ];

    /// Longer than the 1,024 characters YAML allows an implicit key.
    fn long_text() -> String {
        format!(
            "long {}end",
            "0123456789 abcdefghi 中文中文中文 ".repeat(32)
        )
    }

    const LISTS: &[&str] = &[
        "[]",
        "[ ]",
        "[a, b]",
        "[a,b]",
        "[ a , b ]",
        "[a, \"b, c\"]",
        "[a, 'b']",
        "[a, [b]]",
        "[a, b,]",
        "[,]",
        "[a b, c:d]",
        "[a, b:c]",
        "[1, true, null, ~]",
        "[a",
        "{a: b}",
        "[a] x",
        "[a] # c",
        "[\"a\": b]",
        "[a, b]]",
        "[中文, 标签 x]",
        "[a #b]",
        "[a, -b]",
        "[2024-01-01, 1.5]",
    ];

    const HEADERS: &[&str] = &[">", ">-", "|", "|-", ">+", "|2", ">- ", "> # c"];

    const BELOW: &[&str] = &[
        "  - x",
        "  - y z",
        "- y",
        "    - z",
        "  - a: b",
        "  -",
        "  -x",
        "  - [a]",
        "  - 'q'",
        "  - 1",
        "  - x # c",
        "  line one",
        "  line two",
        "   deeper",
        "  trailing ",
        "  # c",
        "# c",
        "",
        "   ",
        "- - a",
        "---",
        "...",
        "  ",
        "  中文行",
        "  - \"a\" b",
        "  a: b",
        "  - ~",
        "  - null",
        "  - 'a''b'",
        "  - http://x",
        "- a # c",
        "    ",
        "  - é",
        "  b: 1",
        "  c:",
        "  c: 'q'",
        "  d: [a, b]",
        "    e: f",
        "    - x",
        "   x: y",
        "  f: >-",
        "    text",
        "  g: null",
        "  - y",
        "  a: b",
        "    - z",
        "  h: x # c",
        "  b: 1",
        "- [a, b]",
        "  - [中文, 'x', \"y\"] # c",
        "  - [a, [b]]",
        "  - []",
    ];

    fn line(max_below: usize) -> impl Strategy<Value = String> {
        let value = prop_oneof![
            4 => prop::sample::select(SCALARS).prop_map(|s| format!(" {s}")),
            2 => prop::sample::select(LISTS).prop_map(|s| format!(" {s}")),
            1 => prop::sample::select(HEADERS).prop_map(|s| format!(" {s}")),
            1 => Just(String::new()),
            1 => Just(" ".to_owned()),
            1 => Just(" # c".to_owned()),
            1 => Just(format!(" {}", long_text())),
            1 => Just(format!(" \"{}\"", long_text())),
            1 => prop::sample::select(SCALARS).prop_map(|s| s.to_owned()),
            1 => prop::sample::select(SCALARS).prop_map(|s| format!("   {s}")),
        ];
        (
            prop::sample::select(KEYS),
            value,
            prop::collection::vec(prop::sample::select(BELOW), 0..max_below),
        )
            .prop_map(|(key, value, below)| {
                let mut lines = vec![format!("{key}:{value}")];
                lines.extend(below.iter().map(|s| (*s).to_owned()));
                lines.join("\n")
            })
    }

    fn front_matter(max_lines: usize, max_below: usize) -> impl Strategy<Value = String> {
        let lines = prop::collection::vec(line(max_below), 0..max_lines);
        (lines, any::<bool>(), any::<bool>()).prop_map(|(lines, crlf, final_break)| {
            let mut text = lines.join("\n");
            if final_break {
                text.push('\n');
            }
            if crlf {
                text.replace('\n', "\r\n")
            } else {
                text
            }
        })
    }

    fn summary(parsed: &Parsed) -> String {
        format!(
            "{:#?}\n{:#?}\n{}",
            parsed.entries, parsed.problems, parsed.keys_known
        )
    }

    fn assert_agrees(text: &str) -> Result<bool, TestCaseError> {
        let source = format!("---\n{text}\n---\n");
        let yaml = 4..4 + text.len();
        let read = super::read(&source[yaml.clone()], yaml.start).is_some();
        let simple = yaml::parse(&source, yaml.clone(), Format::Yaml);
        let full = yaml::parse_with(&source, yaml, Format::Yaml, false);
        prop_assert_eq!(summary(&simple), summary(&full), "front matter:\n{}", text);
        Ok(read)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(10_000))]
        #[test]
        fn the_reader_agrees_with_serde_saphyr(text in front_matter(6, 4)) {
            assert_agrees(&text)?;
        }

        /// Shorter blocks, of which the reader reads more.
        #[test]
        fn the_reader_agrees_on_short_blocks(text in front_matter(3, 2)) {
            assert_agrees(&text)?;
        }
    }

    /// The shapes real posts use are read here, not left to serde-saphyr: the agreement
    /// above would hold trivially if the reader never answered.
    #[test]
    fn common_front_matter_is_read() {
        let posts = [
            "title: ChatGPT 能生成图片和视频吗？2025 最新功能解析\nslug: chatgpt-2025\ndate: 2025-11-13 12:51:00\ntags: [ChatGPT图片生成, ChatGPT Plus区别]\ncategory: ChatGPT教程\ncover: \ntop: false\nexcerpt: 想知道 ChatGPT 是否能生成图片和视频？\n",
            "title: 'Services Why Downtime Setup'\nslug: Services-Why-Downtime-Setup\ndate: 2012-01-13\ntags: []\ncover: https://cdn.example.com/img/post/cover.webp\nauthor: \"Dana O'Neil\"\ndraft: true\n",
            "excerpt: >-\n  第一行\n  第二行\nslug: 'show-parse'\ntags:\n- 随笔\n- rust\ncategories:\n  - Tech\ndate: 2014-09-03T01:05:34-05:00\nweight: 10\n",
            "title: \"Hello\"\r\ndate: 2012-02-14T05:02:12Z\r\ntags:\r\n  - a\r\n  - b\r\n",
            "# comment\ntitle: x # trailing\n\ndescription: |\n  line one\n  line two\n",
            "title: \"Why \\\"X\\\" matters\"\ncategories:\n- [Tech, Rust]\n- Life\nupdated: # later\n",
            "title: x\ncover:\n  image: /img/a.png\n  alt: 'A'\n  relative: false\nmenu:\n  main:\n    weight: 10\n    parent: docs\n  side:\n  - a\n  - b\nsummary: >-\n  one\n  two\n",
        ];
        for post in posts {
            prop_assert_eq_helper(post);
        }
    }

    fn prop_assert_eq_helper(text: &str) {
        match assert_agrees(text) {
            Ok(read) => assert!(read, "not read by the simple reader:\n{text}"),
            Err(error) => panic!("{error}"),
        }
    }
}
