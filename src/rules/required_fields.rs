//! `required-fields`: a team's own schema of front matter fields every post must have.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::{Context, Rule};
use crate::date;
use crate::diagnostic::Finding;
use crate::post::{Post, Value, ValueKind};

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct RequiredFields {
    /// Each required key and the kind of value it must hold; none by default.
    pub fields: BTreeMap<String, FieldType>,
    /// More keys for the pages of one collection (an Astro or Jekyll collection, the
    /// Docusaurus blog or docs): `[rules.required-fields.collections.blog]`.
    pub collections: BTreeMap<String, BTreeMap<String, FieldType>>,
}

/// The kinds of value a required field may be held to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FieldType {
    /// Text that is not blank (a number counts as written).
    String,
    /// A list of strings with at least one item.
    List,
    /// A date postlint can read (`2025-11-13`, `2025-11-13 12:51:00 +0800`, …).
    Date,
    /// `true` or `false`.
    Bool,
}

impl FieldType {
    fn describe(self) -> &'static str {
        match self {
            FieldType::String => "text",
            FieldType::List => "a list of strings",
            FieldType::Date => "a date",
            FieldType::Bool => "`true` or `false`",
        }
    }

    /// Why `value` does not fit, if it does not.
    fn mismatch(self, value: &Value) -> Option<String> {
        let fits = match (self, &value.kind) {
            (FieldType::String, ValueKind::String(_) | ValueKind::Number(_)) => true,
            (FieldType::List, ValueKind::List(items)) => items
                .iter()
                .all(|item| matches!(item.kind, ValueKind::String(_) | ValueKind::Number(_))),
            (FieldType::Bool, ValueKind::Bool(_)) => true,
            (FieldType::Date, _) => {
                let text = value.as_text()?;
                return date::parse(text)
                    .err()
                    .map(|reason| format!("is not a date: {reason}"));
            }
            _ => false,
        };
        (!fits).then(|| format!("should be {}, not {}", self.describe(), value.kind_name()))
    }
}

/// Null, blank text or an empty list: present but saying nothing.
fn is_empty(value: &Value) -> bool {
    match &value.kind {
        ValueKind::Null => true,
        ValueKind::String(text) => text.trim().is_empty(),
        ValueKind::List(items) => items.is_empty(),
        _ => false,
    }
}

impl Rule for RequiredFields {
    fn check(&self, post: &Post, _: &Context, findings: &mut Vec<Finding>) {
        let of_collection = post
            .page
            .collection
            .as_ref()
            .and_then(|collection| self.collections.get(collection));
        let required: BTreeMap<&String, &FieldType> = self
            .fields
            .iter()
            .chain(of_collection.into_iter().flatten())
            .collect();
        if required.is_empty() {
            return;
        }
        let whom = match &post.page.collection {
            Some(collection) if of_collection.is_some_and(|c| !c.is_empty()) => {
                format!("every page of the `{collection}` collection")
            }
            _ => "every post".to_owned(),
        };
        let front_matter = post.front_matter.as_ref();
        for (key, field_type) in required {
            let entry = front_matter.and_then(|fm| fm.get(key));
            let Some(entry) = entry else {
                if front_matter.is_none_or(|fm| fm.keys_are_known()) {
                    findings.push(
                        Finding::new(post.anchor(), format!("required field `{key}` is missing"))
                            .label(format!("no `{key}` in this front matter"))
                            .help(format!(
                                "add `{key}` ({}); postlint.toml requires it in {whom}",
                                field_type.describe()
                            )),
                    );
                }
                continue;
            };
            let Some(value) = &entry.value else { continue };
            if is_empty(value) {
                findings.push(
                    Finding::new(
                        entry.key_range.clone(),
                        format!("required field `{key}` is empty"),
                    )
                    .label("no value given")
                    .help(format!("give `{key}` {}", field_type.describe())),
                );
            } else if let Some(mismatch) = field_type.mismatch(value) {
                findings.push(
                    Finding::new(
                        value.range.clone(),
                        format!("required field `{key}` {mismatch}"),
                    )
                    .label(value.kind_name())
                    .help(format!("give `{key}` {}", field_type.describe())),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::check;

    fn rule() -> RequiredFields {
        let fields = [
            ("author", FieldType::String),
            ("tags", FieldType::List),
            ("date", FieldType::Date),
            ("draft", FieldType::Bool),
        ];
        RequiredFields {
            fields: fields.map(|(k, t)| (k.to_owned(), t)).into_iter().collect(),
            collections: BTreeMap::new(),
        }
    }

    fn messages(source: &str) -> Vec<String> {
        check(&rule(), source)
            .into_iter()
            .map(|f| f.message)
            .collect()
    }

    #[test]
    fn nothing_is_required_by_default() {
        assert!(check(&RequiredFields::default(), "no front matter\n").is_empty());
    }

    #[test]
    fn a_complete_post_passes() {
        assert!(
            messages("---\nauthor: me\ntags: [a]\ndate: 2025-11-13\ndraft: false\n---\n")
                .is_empty()
        );
    }

    #[test]
    fn missing_empty_and_wrong_types() {
        assert_eq!(
            messages("---\nauthor: ''\ntags: rust\ndate: someday\n---\n"),
            [
                "required field `author` is empty",
                "required field `date` is not a date: expected a four-digit year first",
                "required field `draft` is missing",
                "required field `tags` should be a list of strings, not text",
            ]
        );
    }

    #[test]
    fn a_collection_adds_its_own_fields() {
        let rule = RequiredFields {
            fields: BTreeMap::new(),
            collections: [(
                "blog".to_owned(),
                [("author".to_owned(), FieldType::String)]
                    .into_iter()
                    .collect(),
            )]
            .into_iter()
            .collect(),
        };
        let findings = |collection: Option<&str>| {
            let mut post = crate::post::Post::parse("post.md", "---\ntitle: t\n---\n".into());
            post.page.collection = collection.map(str::to_owned);
            let mut findings = Vec::new();
            rule.check(&post, &Context::default(), &mut findings);
            findings
        };
        let blog = findings(Some("blog"));
        assert_eq!(blog[0].message, "required field `author` is missing");
        assert!(
            blog[0]
                .help
                .as_ref()
                .unwrap()
                .contains("the `blog` collection")
        );
        assert!(findings(Some("docs")).is_empty());
        assert!(findings(None).is_empty());
    }

    #[test]
    fn an_unreadable_block_is_not_guessed_at() {
        assert!(messages("---\nauthor: [\n").is_empty());
    }
}
