//! `value-whitespace`: a quoted front matter value that starts or ends with whitespace.

use serde::Deserialize;

use super::{Context, Expect, Rule, plural};
use crate::diagnostic::{Applicability, Edit, Finding, Fix};
use crate::post::{Post, ValueKind};

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ValueWhitespace {}

/// The text between a quoted literal's quotes, when it is written without escapes, so
/// that trimming the source trims the value.
fn inner_text(written: &str) -> Option<(usize, &str)> {
    let quote = written.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let inner = written.strip_prefix(quote)?.strip_suffix(quote)?;
    (!inner.contains('\\') && !inner.contains(quote)).then_some((1, inner))
}

impl Rule for ValueWhitespace {
    fn check(&self, post: &Post, context: &Context, findings: &mut Vec<Finding>) {
        let Some(front_matter) = &post.front_matter else {
            return;
        };
        for entry in &front_matter.entries {
            let Some(value) = &entry.value else { continue };
            let ValueKind::String(text) = &value.kind else {
                continue;
            };
            let fields = &context.profile.fields;
            let read_as_text = [
                &fields.title,
                &fields.description,
                &fields.slug,
                &fields.date,
                &fields.updated,
            ]
            .iter()
            .any(|names| names.contains(&entry.key))
                || context
                    .fields
                    .iter()
                    .any(|spec| spec.name == entry.key && spec.expect == Expect::Text);
            if !read_as_text || text.trim().is_empty() || text.trim() == text {
                continue;
            }
            let leading = text.chars().take_while(|c| c.is_whitespace()).count();
            let trailing = text.chars().rev().take_while(|c| c.is_whitespace()).count();
            let what = match (leading, trailing) {
                (0, n) => format!("ends with {}", plural(n, "whitespace character")),
                (n, 0) => format!("starts with {}", plural(n, "whitespace character")),
                (l, t) => format!(
                    "starts with {} and ends with {}",
                    plural(l, "whitespace character"),
                    plural(t, "whitespace character")
                ),
            };
            let mut finding = Finding::new(
                value.range.clone(),
                format!("`{}` {what}{}", entry.key, unusual_spaces(text)),
            )
            .label("stray whitespace")
            .help("the generator prints the value as written, spaces and all, in the page's `<title>`, meta tags and listings");
            let written = &post.source[value.range.clone()];
            if let Some((offset, inner)) = inner_text(written) {
                let start = value.range.start + offset;
                finding = finding.fix(Fix {
                    applicability: Applicability::Safe,
                    message: "remove the whitespace around the value".into(),
                    edits: vec![Edit {
                        range: start..start + inner.len(),
                        replacement: inner.trim().to_owned(),
                    }],
                });
            }
            findings.push(finding);
        }
    }
}

/// The whitespace around `text` other than plain spaces, named, as a reader cannot see
/// which it is: `` (U+3000 ideographic space)``; empty when it is only spaces.
fn unusual_spaces(text: &str) -> String {
    let around = text
        .chars()
        .take_while(|c| c.is_whitespace())
        .chain(text.chars().rev().take_while(|c| c.is_whitespace()));
    let mut named: Vec<String> = Vec::new();
    for c in around.filter(|c| *c != ' ') {
        let name = match c {
            '\t' => "a tab".to_owned(),
            '\n' | '\r' => "a line break".to_owned(),
            '\u{a0}' => "U+00A0 no-break space".to_owned(),
            '\u{3000}' => "U+3000 ideographic space".to_owned(),
            c => format!("U+{:04X}", u32::from(c)),
        };
        if !named.contains(&name) {
            named.push(name);
        }
    }
    if named.is_empty() {
        String::new()
    } else {
        format!(" ({})", named.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::check_with_context;

    fn lint(source: &str) -> Vec<Finding> {
        check_with_context(&ValueWhitespace::default(), source)
    }

    #[test]
    fn quoted_values_with_stray_whitespace() {
        let findings = lint("---\ntitle: \"  Hello \"\n---\n");
        assert_eq!(
            findings[0].message,
            "`title` starts with 2 whitespace characters and ends with 1 whitespace character"
        );
        let fix = findings[0].fix.as_ref().unwrap();
        assert_eq!(fix.applicability, Applicability::Safe);
        assert_eq!(fix.edits[0].range, 12..20);
        assert_eq!(fix.edits[0].replacement, "Hello");
        assert_eq!(
            lint("+++\ntitle = 'Hi '\n+++\n")[0].message,
            "`title` ends with 1 whitespace character"
        );
    }

    #[test]
    fn whitespace_a_reader_cannot_see_is_named() {
        assert_eq!(
            lint("---\ntitle: \"\u{3000}深入理解 Rust\u{a0}\"\n---\n")[0].message,
            "`title` starts with 1 whitespace character and ends with 1 whitespace character \
             (U+3000 ideographic space, U+00A0 no-break space)"
        );
        assert_eq!(
            lint("---\ntitle: \"Hi\\t\"\n---\n")[0].message,
            "`title` ends with 1 whitespace character (a tab)"
        );
    }

    #[test]
    fn clean_unread_and_escaped_values() {
        assert!(lint("---\ntitle: Hello\ndescription: \"fine\"\n---\n").is_empty());
        assert!(
            lint("---\nauthor: \" me \"\n---\n").is_empty(),
            "no rule reads `author`"
        );
        let findings = lint("---\ntitle: \" a\\tb \"\n---\n");
        assert!(findings[0].fix.is_none(), "escapes: no fix");
    }
}
