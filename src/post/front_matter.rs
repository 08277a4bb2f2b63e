//! Finding the front matter block at the top of a post and reading its entries.

use std::ops::Range;

use super::{toml_front_matter, yaml};

/// The syntax a front matter block is written in, told by its opening delimiter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `---` … `---` (or `...`).
    Yaml,
    /// `+++` … `+++` (Hugo, Zola).
    Toml,
    /// `{` … `}` (Hugo).
    Json,
}

impl Format {
    /// `key: value` written in this syntax, for help texts. `value` is a YAML scalar as
    /// written plainly; it is quoted where the syntax needs it (`false` and numbers are not).
    pub fn assignment(self, key: &str, value: &str) -> String {
        let bare = value == "true" || value == "false" || value.parse::<f64>().is_ok();
        let quoted = if bare {
            value.to_owned()
        } else {
            format!("\"{value}\"")
        };
        match self {
            Format::Yaml => format!("{key}: {value}"),
            Format::Toml => format!("{key} = {quoted}"),
            Format::Json => format!("\"{key}\": {quoted}"),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Format::Yaml => "YAML",
            Format::Toml => "TOML",
            Format::Json => "JSON",
        }
    }
}

/// A front matter value with its byte range in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Value {
    pub kind: ValueKind,
    pub range: Range<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ValueKind {
    Null,
    Bool(bool),
    /// A number, as spelled in the source (`2024`, `1.50`).
    Number(String),
    String(String),
    List(Vec<Value>),
    Map(Vec<(Value, Value)>),
}

impl Value {
    /// The value as text: a string, or a number as written. Lists, maps, booleans and null
    /// are not text.
    pub fn as_text(&self) -> Option<&str> {
        match &self.kind {
            ValueKind::String(s) | ValueKind::Number(s) => Some(s),
            _ => None,
        }
    }

    /// The value of `key` in a mapping.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.entries()
            .find(|(k, _)| k.as_text() == Some(key))
            .map(|(_, value)| value)
    }

    /// The value of `key` in a mapping, whatever the case of either (Hugo's keys).
    pub fn get_ignore_case(&self, key: &str) -> Option<&Value> {
        self.entries()
            .find(|(k, _)| k.as_text().is_some_and(|k| k.eq_ignore_ascii_case(key)))
            .map(|(_, value)| value)
    }

    /// A mapping's pairs; none for other values.
    pub fn entries(&self) -> impl Iterator<Item = (&Value, &Value)> {
        let pairs: &[(Value, Value)] = match &self.kind {
            ValueKind::Map(pairs) => pairs,
            _ => &[],
        };
        pairs.iter().map(|(key, value)| (key, value))
    }

    /// A list's items; a single value as a list of one, null as none.
    pub fn items(&self) -> &[Value] {
        match &self.kind {
            ValueKind::List(items) => items,
            ValueKind::Null => &[],
            _ => std::slice::from_ref(self),
        }
    }

    /// The texts of a list (or of a single text, as a list of one); other items left out.
    pub fn texts(&self) -> Vec<String> {
        self.items()
            .iter()
            .filter_map(Value::as_text)
            .map(str::to_owned)
            .collect()
    }

    /// The value as a boolean; `"true"` and `"false"` written as text count (TOML and
    /// YAML authors quote them at times).
    pub fn as_bool(&self) -> Option<bool> {
        match &self.kind {
            ValueKind::Bool(value) => Some(*value),
            ValueKind::String(text) => match text.trim() {
                "true" => Some(true),
                "false" => Some(false),
                _ => None,
            },
            _ => None,
        }
    }

    /// What kind of value this is, for messages: "a list", "a boolean".
    pub fn kind_name(&self) -> &'static str {
        match &self.kind {
            ValueKind::Null => "empty",
            ValueKind::Bool(_) => "a boolean",
            ValueKind::Number(_) => "a number",
            ValueKind::String(_) => "text",
            ValueKind::List(_) => "a list",
            ValueKind::Map(_) => "a mapping",
        }
    }
}

/// One top-level `key: value` pair.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub key: String,
    pub key_range: Range<usize>,
    /// `None` when the key is there but its value could not be read (a syntax error).
    pub value: Option<Value>,
}

/// Something wrong with the block itself: a syntax error, a duplicate key, no closing line.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub range: Range<usize>,
    pub message: String,
    pub help: Option<String>,
    pub secondary: Option<(Range<usize>, String)>,
}

/// What reading a block's text gives: its entries, what was wrong, and whether every key
/// it has is among the entries.
pub struct Parsed {
    pub entries: Vec<Entry>,
    pub problems: Vec<Problem>,
    /// False after an error that hides keys, or when the block is not a mapping at all:
    /// then no key can be said to be absent.
    pub keys_known: bool,
}

impl Default for Parsed {
    fn default() -> Self {
        Parsed {
            entries: Vec::new(),
            problems: Vec::new(),
            keys_known: true,
        }
    }
}

/// The front matter block of a post.
#[derive(Debug, Clone, PartialEq)]
pub struct FrontMatter {
    pub format: Format,
    /// The opening delimiter line, without its line ending.
    pub opening: Range<usize>,
    /// The text between the delimiter lines.
    pub content: Range<usize>,
    /// Whether a closing delimiter line was found.
    pub closed: bool,
    /// Top-level entries in file order; the first of duplicate keys.
    pub entries: Vec<Entry>,
    pub problems: Vec<Problem>,
    /// Whether every top-level key is among `entries`.
    keys_known: bool,
}

impl FrontMatter {
    /// Whether every top-level key is known, so that "absent" can be trusted. It is not for
    /// a block that is never closed, that is not a mapping, or that broke where a key
    /// may hide.
    pub fn keys_are_known(&self) -> bool {
        self.closed && self.keys_known
    }

    /// The entry of a top-level key.
    pub fn get(&self, key: &str) -> Option<&Entry> {
        self.entries.iter().find(|entry| entry.key == key)
    }
}

/// A delimited block at the top of a file, before it is read.
struct Block {
    format: Format,
    opening: Range<usize>,
    content_start: usize,
    closing: Option<Line>,
}

/// Finds the block that opens on the first line (after a BOM) and the first line after it
/// that `closers` accepts for its format.
fn find_block(source: &str, closers: fn(Format) -> &'static [&'static str]) -> Option<Block> {
    find_block_at(source, bom_len(source), closers)
}

/// [`find_block`], the block opening at `start`.
fn find_block_at(
    source: &str,
    start: usize,
    closers: fn(Format) -> &'static [&'static str],
) -> Option<Block> {
    let mut lines = Lines::new(source, start);
    let first = lines.next()?;
    let format = match delimiter(&source[first.text.clone()]) {
        "---" => Format::Yaml,
        "+++" => Format::Toml,
        "{" => Format::Json,
        _ => return None,
    };
    let closers = closers(format);
    let closing = lines.find(|line| closers.contains(&delimiter(&source[line.text.clone()])));
    Some(Block {
        format,
        opening: first.text,
        content_start: first.next,
        closing,
    })
}

fn bom_len(source: &str) -> usize {
    if source.starts_with('\u{feff}') { 3 } else { 0 }
}

/// What generators accept: Jekyll and Hexo close YAML with `---` or `...`, Hugo closes TOML
/// with `+++`.
fn generator_closers(format: Format) -> &'static [&'static str] {
    match format {
        Format::Yaml => &["---", "..."],
        Format::Toml => &["+++"],
        Format::Json => &["}"],
    }
}

/// What markdownlint's default `front_matter` pattern accepts, for the heading rules.
fn markdownlint_closers(format: Format) -> &'static [&'static str] {
    match format {
        Format::Yaml => &["---"],
        Format::Toml => &["+++", "..."],
        Format::Json => &["}"],
    }
}

/// Reads a whole document of `format` (a generator's configuration file) as a mapping:
/// its entries, with ranges in `source`, and what was wrong with it.
pub fn parse_document(source: &str, format: Format) -> Parsed {
    match format {
        Format::Yaml | Format::Json => yaml::parse(source, 0..source.len(), format),
        Format::Toml => toml_front_matter::parse(source, 0..source.len()),
    }
}

impl Parsed {
    /// The entries as one mapping value.
    pub fn into_map(self) -> Value {
        let pairs = self
            .entries
            .into_iter()
            .filter_map(|entry| {
                let key = Value {
                    kind: ValueKind::String(entry.key),
                    range: entry.key_range,
                };
                Some((key, entry.value?))
            })
            .collect();
        Value {
            kind: ValueKind::Map(pairs),
            range: 0..0,
        }
    }
}

/// How a generator finds the front matter block at the top of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Syntax {
    /// `---` (YAML), `+++` (TOML) or `{` (JSON) on the first line, closed by the first
    /// line that is `---` or `...`, `+++`, or `}`: what Jekyll, Hugo and gray-matter read.
    #[default]
    Standard,
    /// Hexo's (hexo-front-matter): a fence of three or more `-` or `;` (`;;;` holds JSON
    /// without its braces) closed by the next line that starts with the same fence; or no
    /// opening fence at all, the block then ending at the first line that starts with
    /// `---` (`title: x` … `---` … body).
    Hexo,
    /// Zola's and Astro's: as [`Syntax::Standard`], after any blank lines.
    LeadingBlankLines,
}

/// Finds and reads the front matter at the top of `source`, after an optional BOM.
/// Returns the block (if any) and the byte offset where the Markdown body starts.
pub fn parse(source: &str) -> (Option<FrontMatter>, usize) {
    parse_with(source, Syntax::Standard)
}

/// [`parse`], as the generator of `syntax` finds the block.
pub fn parse_with(source: &str, syntax: Syntax) -> (Option<FrontMatter>, usize) {
    match syntax {
        Syntax::Standard => parse_standard(source, bom_len(source)),
        Syntax::Hexo => parse_hexo(source),
        Syntax::LeadingBlankLines => {
            let start = Lines::new(source, bom_len(source))
                .find(|line| !source[line.text.clone()].trim().is_empty())
                .map_or(source.len(), |line| line.text.start);
            parse_standard(source, start)
        }
    }
}

fn parse_standard(source: &str, start: usize) -> (Option<FrontMatter>, usize) {
    let Some(block) = find_block_at(source, start, generator_closers) else {
        return (None, bom_len(source));
    };
    let format = block.format;
    let Some(closing) = block.closing else {
        let closer = generator_closers(format)[0];
        // Generators publish such a file as plain Markdown, and markdownlint reads it so.
        let front_matter = FrontMatter {
            format,
            opening: block.opening.clone(),
            content: block.content_start..source.len(),
            closed: false,
            entries: Vec::new(),
            problems: vec![Problem {
                range: block.opening,
                message: format!("front matter opened here is never closed by a `{closer}` line"),
                help: Some(format!(
                    "add a line `{closer}` after the last front matter key; until then the generator publishes the block as text"
                )),
                secondary: None,
            }],
            keys_known: false,
        };
        return (Some(front_matter), bom_len(source));
    };
    let content = block.content_start..closing.text.start;
    let parsed = match format {
        Format::Yaml => yaml::parse(source, content.clone(), format),
        Format::Toml => toml_front_matter::parse(source, content.clone()),
        // The braces are part of the JSON text.
        Format::Json => yaml::parse(source, block.opening.start..closing.text.end, format),
    };
    let front_matter = FrontMatter {
        format,
        opening: block.opening,
        content,
        closed: true,
        entries: parsed.entries,
        problems: parsed.problems,
        keys_known: parsed.keys_known,
    };
    (Some(front_matter), closing.next)
}

/// Hexo's front matter (hexo-front-matter 4, which Hexo 8 uses). Its regular expressions,
/// on the text with CRLF made LF:
/// `^(-{3,}|;{3,})\n([\s\S]+?)\n\1\n?([\s\S]*)` (a fenced block), else nothing when the
/// text starts with a fence, else `^([\s\S]+?)\n(-{3,}|;{3,})\n?([\s\S]*)` (no opening
/// fence). A block that is not a mapping (a line of prose before a thematic break) is no
/// front matter; a fenced `;;;` block holds JSON without its braces.
fn parse_hexo(source: &str) -> (Option<FrontMatter>, usize) {
    let bom = bom_len(source);
    let mut lines = Lines::new(source, bom);
    let Some(first) = lines.next() else {
        return (None, bom);
    };
    let first_text = &source[first.text.clone()];
    if let Some(fence) = hexo_fence(first_text) {
        if fence.len() != first_text.len() {
            // `--- ` or `---x`: not a fence, and no block without one either.
            return (None, bom);
        }
        let Some(closing) = lines.find(|line| source[line.text.clone()].starts_with(fence)) else {
            return (None, bom);
        };
        let content = first.next..closing.text.start;
        if content.is_empty() {
            return (None, bom);
        }
        // The body starts right after the fence, on the closing line itself when more
        // follows it there (`---x` closes and leaves `x`).
        let after_fence = closing.text.start + fence.len();
        let body = if after_fence == closing.text.end {
            closing.next
        } else {
            after_fence
        };
        let json = fence.starts_with(';');
        return match hexo_block(source, first.text.clone(), content, body, json) {
            (Some(front_matter), body) => (Some(front_matter), body),
            // Not a mapping: the whole file, fences and all, is the body.
            (None, _) => (None, bom),
        };
    }
    // No opening fence: the block is what comes before the first line that starts with a
    // fence, when that is not empty.
    for line in lines {
        let text = &source[line.text.clone()];
        let Some(fence) = hexo_fence(text) else {
            continue;
        };
        // The line break before the fence line is not part of the block.
        let end = source[..line.text.start]
            .strip_suffix('\n')
            .map(|rest| rest.strip_suffix('\r').unwrap_or(rest).len())
            .or_else(|| source[..line.text.start].strip_suffix('\r').map(str::len))
            .unwrap_or(line.text.start);
        if end <= bom {
            return (None, bom);
        }
        let after_fence = line.text.start + fence.len();
        let body = if after_fence == line.text.end {
            line.next
        } else {
            after_fence
        };
        let (front_matter, body) =
            hexo_block(source, bom..bom, bom..end, body, fence.starts_with(';'));
        // Prose before a thematic break reads as a scalar: no front matter, the whole
        // file is the body.
        return match front_matter {
            Some(front_matter)
                if !front_matter.entries.is_empty() || !front_matter.problems.is_empty() =>
            {
                (Some(front_matter), body)
            }
            _ => (None, bom),
        };
    }
    (None, bom)
}

/// The run of three or more `-` or `;` a line starts with.
fn hexo_fence(line: &str) -> Option<&str> {
    let first = line.bytes().next().filter(|b| matches!(b, b'-' | b';'))?;
    let run = line.bytes().take_while(|&b| b == first).count();
    (run >= 3).then(|| &line[..run])
}

/// Reads a Hexo block: YAML, or JSON without its braces.
fn hexo_block(
    source: &str,
    opening: Range<usize>,
    content: Range<usize>,
    body: usize,
    json: bool,
) -> (Option<FrontMatter>, usize) {
    let (format, parsed) = if json {
        // The braces Hexo adds, around the block's own text at its own offsets.
        let mut braced = " ".repeat(content.start.saturating_sub(1));
        braced.push('{');
        braced.push_str(&source[content.clone()]);
        braced.push('}');
        let braces = content.start.saturating_sub(1)..braced.len();
        let mut parsed = yaml::parse(&braced, braces, Format::Json);
        if !parsed.problems.is_empty() {
            // Hexo reads a `;;;` block that is not JSON as no front matter at all.
            parsed = Parsed::default();
        }
        (Format::Json, parsed)
    } else {
        let mut parsed = yaml::parse(source, content.clone(), Format::Yaml);
        if parsed.entries.is_empty() && parsed.problems.len() == 1 && !parsed.keys_known {
            // A scalar or a list: not a mapping. Hexo ignores a scalar; a list fails.
            let message = &parsed.problems[0].message;
            if message.contains("a single string")
                || message.contains("a number")
                || message.contains("a boolean")
            {
                parsed = Parsed::default();
            }
        }
        (Format::Yaml, parsed)
    };
    if parsed.entries.is_empty() && parsed.problems.is_empty() {
        return (None, body);
    }
    let front_matter = FrontMatter {
        format,
        opening,
        content,
        closed: true,
        entries: parsed.entries,
        problems: parsed.problems,
        keys_known: parsed.keys_known,
    };
    (Some(front_matter), body)
}

/// The file as markdownlint's heading rules see it: whether its front matter has a title
/// line, and where the Markdown that holds the headings starts. It differs from what
/// [`parse`] finds only in which line closes the block (see the closers above).
pub fn heading_view(source: &str) -> (bool, usize) {
    match find_block(source, markdownlint_closers) {
        Some(Block {
            content_start,
            closing: Some(closing),
            ..
        }) => {
            let title = Lines::new(source, content_start)
                .take_while(|line| line.text.start < closing.text.start)
                .any(|line| is_title_line(&source[line.text]));
            (title, closing.next)
        }
        _ => (false, bom_len(source)),
    }
}

/// JavaScript's `\s` within a line, which markdownlint's patterns use: Unicode spaces and
/// the BOM, but not U+0085.
fn is_js_space(c: char) -> bool {
    c == '\u{feff}' || (c.is_whitespace() && c != '\u{85}')
}

/// A delimiter line's text without trailing whitespace.
fn delimiter(line: &str) -> &str {
    line.trim_end_matches(is_js_space)
}

/// markdownlint's default `front_matter_title`: `^\s*"?title"?\s*[:=]`, case-insensitive.
fn is_title_line(line: &str) -> bool {
    let rest = line.trim_start_matches(is_js_space);
    let rest = rest.strip_prefix('"').unwrap_or(rest);
    let Some(word) = rest.get(..5) else {
        return false;
    };
    if !word.eq_ignore_ascii_case("title") {
        return false;
    }
    let rest = &rest[5..];
    let rest = rest.strip_prefix('"').unwrap_or(rest);
    rest.trim_start_matches(is_js_space).starts_with([':', '='])
}

struct Line {
    /// The line without its ending.
    text: Range<usize>,
    /// Where the next line starts.
    next: usize,
}

struct Lines<'a> {
    source: &'a str,
    offset: usize,
}

impl<'a> Lines<'a> {
    fn new(source: &'a str, offset: usize) -> Self {
        Lines { source, offset }
    }
}

impl Iterator for Lines<'_> {
    type Item = Line;

    /// Lines end at `\n`, `\r\n` or a lone `\r`, as in CommonMark.
    fn next(&mut self) -> Option<Line> {
        if self.offset >= self.source.len() {
            return None;
        }
        let start = self.offset;
        let rest = &self.source.as_bytes()[start..];
        let (end, next) = match rest.iter().position(|&b| b == b'\n' || b == b'\r') {
            Some(i) if rest[i] == b'\r' && rest.get(i + 1) == Some(&b'\n') => {
                (start + i, start + i + 2)
            }
            Some(i) => (start + i, start + i + 1),
            None => (self.source.len(), self.source.len()),
        };
        self.offset = next;
        Some(Line {
            text: start..end,
            next,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn front_matter(source: &str) -> (FrontMatter, usize) {
        let (front_matter, body) = parse(source);
        (front_matter.expect("front matter"), body)
    }

    #[test]
    fn yaml_block_with_lf() {
        let source = "---\ntitle: Hi\n---\n# Body\n";
        let (fm, body) = front_matter(source);
        assert_eq!(fm.format, Format::Yaml);
        assert_eq!(&source[fm.content.clone()], "title: Hi\n");
        assert_eq!(&source[body..], "# Body\n");
        assert!(fm.problems.is_empty());
        assert_eq!(heading_view(source), (true, 18));
    }

    #[test]
    fn bom_and_crlf_are_accepted() {
        let source = "\u{feff}---\r\ntitle: Hi\r\ncover: a.png\r\n---\r\nbody\r\n";
        let (fm, body) = front_matter(source);
        assert_eq!(fm.opening, 3..6);
        assert_eq!(&source[body..], "body\r\n");
        let cover = &fm.entries[1];
        assert_eq!(&source[cover.key_range.clone()], "cover");
        assert_eq!(cover.value.as_ref().unwrap().as_text(), Some("a.png"));
        assert_eq!(
            &source[cover.value.as_ref().unwrap().range.clone()],
            "a.png"
        );
    }

    #[test]
    fn dots_close_a_yaml_block() {
        let (fm, body) = front_matter("---\na: b\n...\nrest");
        assert!(fm.closed);
        assert_eq!(body, 13);
    }

    #[test]
    fn delimiters_may_have_trailing_spaces() {
        let (fm, _) = front_matter("---  \na: b\n--- \t\n");
        assert!(fm.closed);
        assert_eq!(fm.entries.len(), 1);
    }

    #[test]
    fn empty_front_matter_has_no_entries_and_no_problems() {
        let (fm, body) = front_matter("---\n---\n# H\n");
        assert!(fm.entries.is_empty());
        assert!(fm.problems.is_empty());
        assert_eq!(body, 8);
    }

    #[test]
    fn no_front_matter() {
        assert_eq!(parse("# Title\n\n---\n"), (None, 0));
        assert_eq!(parse(""), (None, 0));
        assert_eq!(parse("\u{feff}"), (None, 3));
        // Not at the very start: ordinary Markdown.
        assert_eq!(parse("\n---\na: b\n---\n").0, None);
        assert_eq!(parse("----\na: b\n----\n").0, None);
    }

    #[test]
    fn an_unclosed_block_is_reported_and_the_file_read_as_markdown() {
        let (fm, body) = front_matter("---\ntitle: a\n# Heading\n");
        assert!(!fm.closed);
        assert!(!fm.keys_are_known());
        assert_eq!(body, 0);
        assert!(fm.problems[0].message.contains("never closed"));
    }

    #[test]
    fn toml_is_read_with_spans() {
        let source = "+++\ntitle = \"x\"\n+++\n## A\n";
        let (fm, body) = front_matter(source);
        assert_eq!(fm.format, Format::Toml);
        assert!(heading_view(source).0);
        assert!(fm.keys_are_known());
        assert_eq!(
            &source[fm.entries[0].value.as_ref().unwrap().range.clone()],
            "\"x\""
        );
        assert_eq!(&source[body..], "## A\n");
    }

    #[test]
    fn json_is_read_with_spans() {
        let source = "{\n  \"title\": \"x\",\n  \"tags\": [\"a\"]\n}\n## A\n";
        let (fm, body) = front_matter(source);
        assert_eq!(fm.format, Format::Json);
        assert!(fm.keys_are_known());
        assert_eq!(&source[fm.entries[0].key_range.clone()], "\"title\"");
        assert_eq!(fm.entries[0].key, "title");
        assert_eq!(
            &source[fm.entries[0].value.as_ref().unwrap().range.clone()],
            "\"x\""
        );
        assert_eq!(&source[body..], "## A\n");
    }

    #[test]
    fn a_later_thematic_break_is_body() {
        let source = "---\na: b\n---\ntext\n\n---\n\nmore\n";
        let (fm, body) = front_matter(source);
        assert_eq!(fm.entries.len(), 1);
        assert_eq!(&source[body..], "text\n\n---\n\nmore\n");
    }

    #[test]
    fn title_lines_follow_markdownlint() {
        assert!(is_title_line("title:"));
        assert!(is_title_line("  Title : x"));
        assert!(is_title_line("title = \"x\""));
        assert!(is_title_line("\"title\": \"x\""));
        assert!(!is_title_line("subtitle: x"));
        assert!(!is_title_line("notitle: x"));
        assert!(!is_title_line("titles: x"));
    }

    #[test]
    fn title_line_counts_even_when_the_yaml_is_broken() {
        let source = "---\ntitle:\nbad: [\n---\n";
        assert!(heading_view(source).0);
        assert_eq!(front_matter(source).0.problems.len(), 1);
    }

    #[test]
    fn cr_only_line_endings() {
        let source = "---\rtitle: T\r---\r## A\r";
        let (fm, body) = front_matter(source);
        assert_eq!(fm.entries.len(), 1);
        assert_eq!(&source[body..], "## A\r");
    }

    #[test]
    fn any_unicode_space_may_trail_a_delimiter() {
        let (fm, _) = front_matter("---\u{a0}\ntitle: T\n---\u{3000}\n");
        assert!(fm.closed);
    }

    /// What Hexo reads: the entries' keys, and the body.
    fn hexo(source: &str) -> (Vec<String>, &str) {
        let (front_matter, body) = parse_with(source, Syntax::Hexo);
        let keys = front_matter
            .map(|fm| fm.entries.into_iter().map(|e| e.key).collect())
            .unwrap_or_default();
        (keys, &source[body..])
    }

    #[test]
    fn hexo_front_matter_as_hexo_front_matter_reads_it() {
        // Vectors of hexo-front-matter 4.2.1, as Hexo 8 runs it.
        assert_eq!(
            hexo("---\ntitle: a\n---\nbody"),
            (vec!["title".into()], "body")
        );
        assert_eq!(
            hexo("----\ntitle: a\n----\nbody"),
            (vec!["title".into()], "body")
        );
        assert_eq!(hexo("----\ntitle: a\n---\nbody").0, Vec::<String>::new());
        assert_eq!(
            hexo("---\ntitle: a\n----\nbody"),
            (vec!["title".into()], "-\nbody")
        );
        assert_eq!(hexo("--- \ntitle: a\n---\n").0, Vec::<String>::new());
        assert_eq!(
            hexo("---\ntitle: a\n---body"),
            (vec!["title".into()], "body")
        );
        assert_eq!(hexo("---\n---\nbody"), (vec![], "---\n---\nbody"));
        assert_eq!(
            hexo("title: a\ndate: 2020-01-02\n---\nbody"),
            (vec!["title".into(), "date".into()], "body")
        );
        assert_eq!(
            hexo(";;;\n\"title\": \"a\"\n;;;\nbody"),
            (vec!["title".into()], "body")
        );
        assert_eq!(
            hexo("\"title\": \"a\"\n;;;\nbody"),
            (vec!["title".into()], "body")
        );
        assert_eq!(
            hexo(";;;\ntitle: a\n;;;\nbody"),
            (vec![], ";;;\ntitle: a\n;;;\nbody")
        );
        assert_eq!(
            hexo("---\njust text\n---\nbody"),
            (vec![], "---\njust text\n---\nbody")
        );
        assert_eq!(hexo("Title\n---\nbody"), (vec![], "Title\n---\nbody"));
        assert_eq!(
            hexo("# H\n\nText.\n\n---\nmore"),
            (vec![], "# H\n\nText.\n\n---\nmore")
        );
        // Prose with a colon is front matter to Hexo, and disappears from the page.
        assert_eq!(
            hexo("Some text: with colon\n\n---\nmore"),
            (vec!["Some text".into()], "more")
        );
        assert_eq!(hexo("\r\n---\r\nbody").0, Vec::<String>::new());
        assert_eq!(
            hexo("---\r\ntitle: a\r\n---\r\nbody"),
            (vec!["title".into()], "body")
        );
        assert_eq!(
            hexo("\u{feff}title: a\n---\nbody"),
            (vec!["title".into()], "body")
        );
        assert_eq!(
            hexo("no front matter at all"),
            (vec![], "no front matter at all")
        );
    }

    #[test]
    fn hexo_reports_a_block_it_would_drop() {
        // A YAML error makes Hexo drop the file: the problem is reported, not ignored.
        let (front_matter, _) = parse_with("title: [unclosed\n---\nbody", Syntax::Hexo);
        assert_eq!(front_matter.unwrap().problems.len(), 1);
        let (front_matter, _) = parse_with("---\n- a\n- b\n---\n", Syntax::Hexo);
        assert_eq!(front_matter.unwrap().problems.len(), 1);
    }

    #[test]
    fn zola_allows_blank_lines_before_the_block() {
        let source = "\n\n+++\ntitle = \"x\"\n+++\nbody";
        let (front_matter, body) = parse_with(source, Syntax::LeadingBlankLines);
        assert_eq!(front_matter.unwrap().entries.len(), 1);
        assert_eq!(&source[body..], "body");
        assert_eq!(parse(source).0, None);
    }

    #[test]
    fn the_heading_view_closes_blocks_as_markdownlint_does() {
        // Jekyll closes YAML with `...`; markdownlint does not, so its headings start at 0.
        let source = "---\ntitle: T\n...\n### A\n";
        assert_eq!(front_matter(source).1, 17);
        assert_eq!(heading_view(source), (false, 0));
        // markdownlint closes TOML with `...`; Hugo does not.
        let source = "+++\ntitle = 'T'\n...\n### A\n";
        assert!(!front_matter(source).0.closed);
        assert_eq!(heading_view(source), (true, 20));
    }
}
