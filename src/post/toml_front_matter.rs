//! TOML front matter (Hugo, Zola) through the `toml` crate's spanned document parser.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::front_matter::{Entry, Parsed, Problem, Value, ValueKind};

/// Parses the TOML in `source[content]`. After an error the parser recovers what it can;
/// those entries are kept, but the block's keys are no longer all known.
pub fn parse(source: &str, content: Range<usize>) -> Parsed {
    let text = &source[content.clone()];
    let (table, errors) = DeTable::parse_recoverable(text);
    let converter = Converter {
        source,
        offset: content.start,
    };
    let mut parsed = Parsed::default();
    for (key, value) in table.into_inner() {
        parsed.entries.push(Entry {
            key: key.get_ref().to_string(),
            key_range: converter.range(key.span()),
            value: Some(converter.value(value)),
        });
    }
    for error in &errors {
        let at = error.span().unwrap_or(0..0);
        parsed.problems.push(Problem {
            range: converter.range(at),
            message: format!("front matter is not valid TOML: {}", error.message().trim()),
            help: Some(
                "fix the TOML here; Hugo and Zola refuse to build a post whose front matter does not parse"
                    .into(),
            ),
            secondary: None,
        });
    }
    parsed.keys_known = errors.is_empty();
    parsed
}

struct Converter<'a> {
    source: &'a str,
    offset: usize,
}

impl Converter<'_> {
    fn range(&self, span: Range<usize>) -> Range<usize> {
        let end = self.source.len();
        (self.offset + span.start).min(end)..(self.offset + span.end).min(end)
    }

    fn value(&self, value: Spanned<DeValue<'_>>) -> Value {
        let range = self.range(value.span());
        let kind = match value.into_inner() {
            DeValue::String(text) => ValueKind::String(text.into_owned()),
            // Numbers and dates keep the text the author wrote; postlint parses dates itself.
            DeValue::Integer(_) | DeValue::Float(_) => {
                ValueKind::Number(self.source[range.clone()].to_owned())
            }
            DeValue::Datetime(_) => ValueKind::String(self.source[range.clone()].to_owned()),
            DeValue::Boolean(b) => ValueKind::Bool(b),
            DeValue::Array(items) => {
                ValueKind::List(items.into_iter().map(|item| self.value(item)).collect())
            }
            DeValue::Table(table) => ValueKind::Map(
                table
                    .into_iter()
                    .map(|(key, value)| {
                        let key_value = Value {
                            range: self.range(key.span()),
                            kind: ValueKind::String(key.get_ref().to_string()),
                        };
                        (key_value, self.value(value))
                    })
                    .collect(),
            ),
        };
        Value { kind, range }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_all(text: &str) -> Parsed {
        parse(text, 0..text.len())
    }

    #[test]
    fn values_carry_their_byte_ranges() {
        let text = "title = \"Hi 中文\"\ndate = 2025-11-13T12:51:00+08:00\nweight = 10\ntags = [\"a\", \"b\"]\ndraft = false\n";
        let parsed = parse_all(text);
        assert!(parsed.problems.is_empty());
        assert!(parsed.keys_known);
        let keys: Vec<_> = parsed.entries.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(keys, ["title", "date", "weight", "tags", "draft"]);
        let title = &parsed.entries[0];
        assert_eq!(&text[title.key_range.clone()], "title");
        let value = title.value.as_ref().unwrap();
        assert_eq!(value.as_text(), Some("Hi 中文"));
        assert_eq!(&text[value.range.clone()], "\"Hi 中文\"");
        let date = parsed.entries[1].value.as_ref().unwrap();
        assert_eq!(date.as_text(), Some("2025-11-13T12:51:00+08:00"));
        assert_eq!(
            parsed.entries[2].value.as_ref().unwrap().kind,
            ValueKind::Number("10".into())
        );
        assert!(
            matches!(parsed.entries[3].value.as_ref().unwrap().kind, ValueKind::List(ref items) if items.len() == 2)
        );
        assert_eq!(
            parsed.entries[4].value.as_ref().unwrap().kind,
            ValueKind::Bool(false)
        );
    }

    #[test]
    fn tables_are_mappings() {
        let text = "title = \"x\"\n[cover]\nimage = \"a.png\"\n";
        let parsed = parse_all(text);
        let cover = parsed.entries[1].value.as_ref().unwrap();
        let ValueKind::Map(pairs) = &cover.kind else {
            panic!("a table is a mapping")
        };
        assert_eq!(pairs[0].1.as_text(), Some("a.png"));
        assert_eq!(&text[pairs[0].1.range.clone()], "\"a.png\"");
    }

    #[test]
    fn errors_are_located_and_what_parses_is_kept() {
        let text = "title = \"ok\"\nslug = \nexcerpt = \"e\"\n";
        let parsed = parse_all(text);
        assert!(!parsed.keys_known);
        assert_eq!(parsed.problems.len(), 1);
        assert!(
            parsed.problems[0]
                .message
                .starts_with("front matter is not valid TOML: ")
        );
        assert!(parsed.entries.iter().any(|e| e.key == "title"));
    }

    #[test]
    fn duplicate_keys_are_errors() {
        let parsed = parse_all("title = \"a\"\ntitle = \"b\"\n");
        assert_eq!(parsed.problems.len(), 1);
    }
}
