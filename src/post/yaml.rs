//! YAML front matter through serde-saphyr: every value with its byte range in the file.
//!
//! serde-saphyr reports where each scalar sits (`Spanned`), keeps duplicate keys for us to
//! report, never panics and enforces input budgets against alias bombs. Ranges it gives are
//! relative to the YAML text; callers pass the text's offset in the file.
//!
//! Front matter in the common shape is read by [`simple_yaml`] instead, which gives the
//! same entries several times faster and leaves everything else to serde-saphyr.

use std::fmt;
use std::ops::Range;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;
use serde_saphyr::options::{DuplicateKeyPolicy, Options};

use super::front_matter::{Entry, Format, Parsed, Problem, Value, ValueKind};
use super::simple_yaml;

/// The tree serde-saphyr fills in; converted to [`Value`] once the source is at hand.
enum Node {
    Null,
    Bool(bool),
    /// The number's own spelling is taken from the source, so only its presence matters.
    Number,
    String(String),
    List(Vec<Spanned<Node>>),
    Map(Vec<(Spanned<Node>, Spanned<Node>)>),
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_unit<E>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }
    fn visit_none<E>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Node, D::Error> {
        Node::deserialize(d)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Node, E> {
        Ok(Node::Bool(v))
    }
    fn visit_i64<E>(self, _: i64) -> Result<Node, E> {
        Ok(Node::Number)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Node, E> {
        Ok(Node::Number)
    }
    fn visit_i128<E>(self, _: i128) -> Result<Node, E> {
        Ok(Node::Number)
    }
    fn visit_u128<E>(self, _: u128) -> Result<Node, E> {
        Ok(Node::Number)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Node, E> {
        Ok(Node::Number)
    }
    fn visit_str<E>(self, v: &str) -> Result<Node, E> {
        Ok(Node::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Node, E> {
        Ok(Node::String(v))
    }
    fn visit_bytes<E>(self, v: &[u8]) -> Result<Node, E> {
        Ok(Node::String(String::from_utf8_lossy(v).into_owned()))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Node::List(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut entries = Vec::new();
        while let Some(entry) = map.next_entry()? {
            entries.push(entry);
        }
        Ok(Node::Map(entries))
    }
}

fn options() -> Options {
    let mut options = Options::default();
    // Report duplicates ourselves, with both places, instead of failing the whole block.
    options.duplicate_keys = DuplicateKeyPolicy::PassThrough;
    // YAML 1.2 booleans: `n`, `y`, `on` and `no` are strings, as in js-yaml and Go's yaml.v3.
    options.strict_booleans = true;
    options.with_snippet = false;
    options
}

/// Parses the YAML in `source[yaml]` (`source` is the whole file, so ranges are the
/// file's). `format` is YAML, or JSON, which YAML 1.2 reads as a flow mapping.
pub fn parse(source: &str, yaml: Range<usize>, format: Format) -> Parsed {
    parse_with(source, yaml, format, true)
}

/// [`parse`], reading what [`simple_yaml`] can read with it when `simple_first`, and
/// everything through serde-saphyr otherwise (what the tests compare it with).
pub(super) fn parse_with(
    source: &str,
    yaml: Range<usize>,
    format: Format,
    simple_first: bool,
) -> Parsed {
    if simple_first
        && format == Format::Yaml
        && let Some(pairs) = simple_yaml::read(&source[yaml.clone()], yaml.start)
    {
        return parsed_from(pairs);
    }
    let text = &source[yaml.clone()];
    if format == Format::Json {
        // YAML accepts what JSON does not (trailing commas, comments, single quotes), and
        // Hugo reads this block with a strict JSON parser.
        if let Err(error) = serde_json::from_str::<serde::de::IgnoredAny>(text) {
            return json_error(source, yaml, &error);
        }
    }
    match serde_saphyr::from_str_with_options::<Spanned<Node>>(text, options()) {
        Ok(root) => {
            let mut parsed = Parsed::default();
            let converter = Converter {
                source,
                offset: yaml.start,
            };
            match root.value {
                Node::Null => {}
                Node::Map(pairs) => converter.entries(pairs, &mut parsed),
                other => {
                    parsed.keys_known = false;
                    let range = converter.range(&root.referenced, &other);
                    parsed.problems.push(Problem {
                        range,
                        message: format!(
                            "front matter is {}, not a mapping of keys to values",
                            other_kind_name(&other)
                        ),
                        help: Some("write one `key: value` pair per line".into()),
                        secondary: None,
                    });
                }
            }
            parsed
        }
        Err(error) if format == Format::Yaml => recover(source, yaml, &error, simple_first),
        Err(error) => {
            // JSON has no line structure to recover entries from.
            let mut parsed = Parsed {
                keys_known: false,
                ..Parsed::default()
            };
            parsed
                .problems
                .push(syntax_problem(source, yaml, &error, format));
            parsed
        }
    }
}

fn other_kind_name(node: &Node) -> &'static str {
    match node {
        Node::Null => "empty",
        Node::Bool(_) => "a boolean",
        Node::Number => "a number",
        Node::String(_) => "a single string",
        Node::List(_) => "a list",
        Node::Map(_) => "a mapping",
    }
}

/// After a syntax error, reads each top-level entry on its own so that the rules still see
/// every entry that parses, and know which keys exist even where their value does not.
fn recover(
    source: &str,
    yaml: Range<usize>,
    error: &serde_saphyr::Error,
    simple_first: bool,
) -> Parsed {
    let text = &source[yaml.clone()];
    let mut parsed = Parsed::default();
    parsed
        .problems
        .push(syntax_problem(source, yaml.clone(), error, Format::Yaml));
    for chunk in top_level_chunks(text) {
        let chunk_range = yaml.start + chunk.start..yaml.start + chunk.end;
        let chunk_text = &source[chunk_range.clone()];
        if simple_first && let Some(pairs) = simple_yaml::read(chunk_text, chunk_range.start) {
            parsed.entries.extend(parsed_from(pairs).entries);
            continue;
        }
        match serde_saphyr::from_str_with_options::<Spanned<Node>>(chunk_text, options()) {
            Ok(Spanned {
                value: Node::Map(pairs),
                ..
            }) => {
                let converter = Converter {
                    source,
                    offset: chunk_range.start,
                };
                let mut chunk_parsed = Parsed::default();
                converter.entries(pairs, &mut chunk_parsed);
                parsed.entries.extend(chunk_parsed.entries);
            }
            _ => {
                if let Some(entry) = unreadable_entry(source, chunk_range) {
                    parsed.entries.push(entry);
                }
            }
        }
    }
    parsed
}

/// Strict JSON's verdict on a block, at the place serde_json stopped.
fn json_error(source: &str, block: Range<usize>, error: &serde_json::Error) -> Parsed {
    let text = &source[block.clone()];
    let at = block.start + offset_of_line_column(text, error.line() as u64, error.column() as u64);
    let message = error.to_string();
    let message = match message.find(" at line ") {
        Some(at) => &message[..at],
        None => &message,
    };
    Parsed {
        entries: Vec::new(),
        problems: vec![Problem {
            range: at..at,
            message: format!("front matter is not valid JSON: {message}"),
            help: Some(
                "fix the JSON here; Hugo reads JSON front matter strictly (no trailing commas, no comments)"
                    .into(),
            ),
            secondary: None,
        }],
        keys_known: false,
    }
}

/// A syntax error at the place serde-saphyr stopped.
fn syntax_problem(
    source: &str,
    block: Range<usize>,
    error: &serde_saphyr::Error,
    format: Format,
) -> Problem {
    let text = &source[block.clone()];
    let error_offset = error
        .location()
        .map(|location| {
            let span = location.span();
            match span.byte_offset() {
                Some(offset) if offset < u64::from(u32::MAX) => offset as usize,
                _ => offset_of_line_column(text, location.line(), location.column()),
            }
        })
        .unwrap_or(0)
        .min(text.len());
    let at = block.start + error_offset;
    let end = source[at..]
        .chars()
        .next()
        .filter(|c| !matches!(c, '\r' | '\n'))
        .map_or(at, |c| at + c.len_utf8());
    Problem {
        range: at..end,
        message: error_message(error, format),
        help: Some(format!(
            "fix the {} here; the generator will refuse this post or lose its metadata",
            format.name()
        )),
        secondary: None,
    }
}

/// The message for a block serde-saphyr refused, without the location it appends (the
/// report shows the location graphically).
fn error_message(error: &serde_saphyr::Error, format: Format) -> String {
    let mut inner = error;
    while let serde_saphyr::Error::AliasError { error, .. }
    | serde_saphyr::Error::WithSnippet { error, .. } = inner
    {
        inner = error;
    }
    if let serde_saphyr::Error::Budget { breach, .. } = inner {
        return format!(
            "front matter is too large, too deeply nested or expands too far through aliases \
             to read safely (postlint's parsing budget: {breach:?})"
        );
    }
    let message = inner.to_string();
    let message = match message.find(" at line ") {
        Some(at) => &message[..at],
        None => &message,
    };
    format!(
        "front matter is not valid {}: {}",
        format.name(),
        message.trim()
    )
}

/// Splits YAML text into top-level entries: a chunk starts on each line that begins at
/// column 0 with something other than a comment, a list dash or a flow-collection closer.
fn top_level_chunks(text: &str) -> Vec<Range<usize>> {
    let mut starts = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let starts_entry = line
            .chars()
            .next()
            .is_some_and(|c| !matches!(c, ' ' | '\t' | '#' | '-' | ']' | '}' | '\r' | '\n'));
        if starts_entry {
            starts.push(offset);
        }
        offset += line.len();
    }
    let mut chunks: Vec<Range<usize>> = starts.windows(2).map(|w| w[0]..w[1]).collect();
    if let Some(&last) = starts.last() {
        chunks.push(last..text.len());
    }
    chunks
}

/// The key of a chunk that does not parse, so rules know it is present but unreadable.
fn unreadable_entry(source: &str, chunk: Range<usize>) -> Option<Entry> {
    let text = &source[chunk.clone()];
    let first_line = text.lines().next()?;
    let colon = first_line.find(':')?;
    let raw_key = &first_line[..colon];
    let key = raw_key.trim().trim_matches(|c| c == '"' || c == '\'');
    if key.is_empty() {
        return None;
    }
    let key_start = chunk.start + raw_key.find(key)?;
    Some(Entry {
        key: key.to_owned(),
        key_range: key_start..key_start + key.len(),
        value: None,
    })
}

/// Byte offset of a 1-based line and character column in `text`.
fn offset_of_line_column(text: &str, line: u64, column: u64) -> usize {
    let mut offset = 0;
    for (index, line_text) in text.split_inclusive('\n').enumerate() {
        if index as u64 + 1 == line {
            let column = column.saturating_sub(1) as usize;
            return offset
                + line_text
                    .char_indices()
                    .nth(column)
                    .map_or(line_text.trim_end_matches(['\r', '\n']).len(), |(i, _)| i);
        }
        offset += line_text.len();
    }
    text.len()
}

/// A key as it is compared with the others and named in messages: text and numbers as
/// they read, `null` and booleans by value (`~` and `null` are one key), a list or mapping
/// used as a key in flow style (`[a, b]`, `{x: y}`).
fn key_text(key: &Value) -> String {
    match &key.kind {
        ValueKind::Null => "null".to_owned(),
        ValueKind::Bool(value) => value.to_string(),
        ValueKind::String(text) | ValueKind::Number(text) => text.clone(),
        ValueKind::List(items) => {
            let items: Vec<String> = items.iter().map(key_text).collect();
            format!("[{}]", items.join(", "))
        }
        ValueKind::Map(pairs) => {
            let pairs: Vec<String> = pairs
                .iter()
                .map(|(key, value)| format!("{}: {}", key_text(key), key_text(value)))
                .collect();
            format!("{{{}}}", pairs.join(", "))
        }
    }
}

/// The entries [`simple_yaml`] read, duplicate keys reported as serde-saphyr's are.
fn parsed_from(pairs: Vec<(Value, Value)>) -> Parsed {
    let mut parsed = Parsed::default();
    for (key, value) in pairs {
        add_entry(&mut parsed, key, || value);
    }
    parsed
}

/// Adds a top-level entry, or reports its key as a duplicate of an earlier one.
fn add_entry(parsed: &mut Parsed, key: Value, value: impl FnOnce() -> Value) {
    let key_text = key_text(&key);
    if let Some(first) = parsed.entries.iter().find(|e| e.key == key_text) {
        parsed.problems.push(Problem {
            range: key.range.clone(),
            message: format!("duplicate key `{key_text}`"),
            help: Some(format!(
                "remove one of the two `{key_text}` keys; generators reject the post or keep only one of them"
            )),
            secondary: Some((first.key_range.clone(), "first defined here".into())),
        });
        return;
    }
    parsed.entries.push(Entry {
        key: key_text,
        key_range: key.range,
        value: Some(value()),
    });
}

struct Converter<'a> {
    source: &'a str,
    offset: usize,
}

impl Converter<'_> {
    fn entries(&self, pairs: Vec<(Spanned<Node>, Spanned<Node>)>, parsed: &mut Parsed) {
        for (key, value) in pairs {
            add_entry(parsed, self.value(key), || self.value(value));
        }
    }

    fn value(&self, node: Spanned<Node>) -> Value {
        let range = self.range(&node.referenced, &node.value);
        let kind = match node.value {
            Node::Null => ValueKind::Null,
            Node::Bool(b) => ValueKind::Bool(b),
            Node::Number => ValueKind::Number(self.source[range.clone()].to_owned()),
            Node::String(s) => ValueKind::String(s),
            Node::List(items) => {
                ValueKind::List(items.into_iter().map(|i| self.value(i)).collect())
            }
            Node::Map(pairs) => ValueKind::Map(
                pairs
                    .into_iter()
                    .map(|(k, v)| (self.value(k), self.value(v)))
                    .collect(),
            ),
        };
        let range = match &kind {
            // serde-saphyr places collections at one point; cover their items instead.
            ValueKind::List(items) if !items.is_empty() => {
                items[0].range.start.min(range.start)..items[items.len() - 1].range.end
            }
            ValueKind::Map(pairs) if !pairs.is_empty() => {
                pairs[0].0.range.start..pairs[pairs.len() - 1].1.range.end
            }
            _ => range,
        };
        Value { kind, range }
    }

    fn range(&self, location: &serde_saphyr::Location, node: &Node) -> Range<usize> {
        let span = location.span();
        let (Some(start), Some(len)) = (span.byte_offset(), span.byte_len()) else {
            return self.offset..self.offset;
        };
        let start = self.offset + start as usize;
        let mut end = start + len as usize;
        if matches!(node, Node::Null) {
            end = start;
        }
        start.min(self.source.len())..end.min(self.source.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_all(text: &str) -> Parsed {
        parse(text, 0..text.len(), Format::Yaml)
    }

    #[test]
    fn values_carry_their_byte_ranges() {
        let text = "title: \"Hi 中文\"\ncover:\nn: 12\n";
        let parsed = parse_all(text);
        assert!(parsed.problems.is_empty());
        let title = &parsed.entries[0];
        assert_eq!(&text[title.key_range.clone()], "title");
        let value = title.value.as_ref().unwrap();
        assert_eq!(&text[value.range.clone()], "\"Hi 中文\"");
        assert_eq!(value.as_text(), Some("Hi 中文"));
        assert_eq!(
            parsed.entries[1].value.as_ref().unwrap().kind,
            ValueKind::Null
        );
        assert_eq!(
            parsed.entries[2].value.as_ref().unwrap().kind,
            ValueKind::Number("12".into())
        );
    }

    #[test]
    fn yaml_1_1_booleans_stay_strings() {
        let parsed = parse_all("slug: n\ndraft: yes\n");
        assert_eq!(
            parsed.entries[0].value.as_ref().unwrap().as_text(),
            Some("n")
        );
        assert_eq!(
            parsed.entries[1].value.as_ref().unwrap().as_text(),
            Some("yes")
        );
    }

    #[test]
    fn keys_that_are_not_text_are_told_apart() {
        let parsed = parse_all("1: one\n[a, b]: list\n{x: y}: map\nnull: n\ntrue: t\n? [c]\n: v\n");
        assert!(
            parsed.problems.is_empty(),
            "{:?}",
            parsed
                .problems
                .iter()
                .map(|p| &p.message)
                .collect::<Vec<_>>()
        );
        let keys: Vec<&str> = parsed.entries.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(keys, ["1", "[a, b]", "{x: y}", "null", "true", "[c]"]);
        let parsed = parse_all("~: a\nnull: b\n");
        assert_eq!(parsed.problems.len(), 1, "`~` and `null` are the same key");
        assert_eq!(parsed.problems[0].message, "duplicate key `null`");
    }

    #[test]
    fn duplicate_keys_are_reported_and_the_first_kept() {
        let text = "title: a\ntitle: b\n";
        let parsed = parse_all(text);
        assert_eq!(parsed.entries.len(), 1);
        assert_eq!(
            parsed.entries[0].value.as_ref().unwrap().as_text(),
            Some("a")
        );
        assert_eq!(parsed.problems.len(), 1);
        assert_eq!(parsed.problems[0].range, 9..14);
    }

    #[test]
    fn a_syntax_error_keeps_the_entries_that_parse() {
        let text = "title: ok\nbad: [a, b\nslug: fine\n";
        let parsed = parse_all(text);
        assert_eq!(parsed.problems.len(), 1);
        let keys: Vec<_> = parsed.entries.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(keys, ["title", "bad", "slug"]);
        assert!(parsed.entries[1].value.is_none());
        assert_eq!(
            parsed.entries[2].value.as_ref().unwrap().as_text(),
            Some("fine")
        );
    }

    #[test]
    fn alias_bombs_are_refused_not_expanded() {
        let mut text = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 0..12 {
            let prev = if i == 0 {
                "a".to_string()
            } else {
                format!("l{}", i - 1)
            };
            text.push_str(&format!(
                "l{i}: &l{i} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
            ));
        }
        let parsed = parse_all(&text);
        assert_eq!(parsed.problems.len(), 1, "an alias bomb is a problem");
    }

    #[test]
    fn a_scalar_block_is_not_a_mapping() {
        let parsed = parse_all("just some text\n");
        assert!(parsed.entries.is_empty());
        assert!(parsed.problems[0].message.contains("a single string"));
    }
}
