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
                format!("`{}` {what}", entry.key),
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
