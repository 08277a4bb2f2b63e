//! `excerpt-missing`: the post has no excerpt.

use serde::Deserialize;

use super::{Context, Expect, FieldNames, FieldSpec, FieldState, Rule, field_state, list_names};
use crate::diagnostic::Finding;
use crate::post::Post;

#[derive(Debug, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct ExcerptMissing {
    /// Front matter keys that hold the excerpt, in the order they are looked up.
    pub fields: FieldNames,
}

/// The keys generators and themes read the excerpt or meta description from.
pub fn default_excerpt_fields() -> FieldNames {
    FieldNames::new(&["excerpt", "description", "summary"])
}

impl Default for ExcerptMissing {
    fn default() -> Self {
        ExcerptMissing {
            fields: default_excerpt_fields(),
        }
    }
}

pub fn text_fields(names: &[String]) -> Vec<FieldSpec> {
    names
        .iter()
        .map(|name| FieldSpec {
            name: name.clone(),
            expect: Expect::Text,
        })
        .collect()
}

const HELP: &str = "search engines show it under the title, and without one they pick a \
                    passage of the post themselves";

impl Rule for ExcerptMissing {
    fn check(&self, post: &Post, _: &Context, findings: &mut Vec<Finding>) {
        match field_state(post, &self.fields, Expect::Text) {
            FieldState::Set(..) | FieldState::Unknown => {}
            FieldState::Empty(entry) => findings.push(
                Finding::new(
                    entry.key_range.clone(),
                    format!("`{}` is empty, so the post has no excerpt", entry.key),
                )
                .label("no text given")
                .help(format!(
                    "write a one- or two-sentence summary of the post; {HELP}"
                )),
            ),
            FieldState::Absent => findings.push(
                Finding::new(post.anchor(), "post has no excerpt")
                    .label(format!(
                        "no {} in this front matter",
                        list_names(&self.fields)
                    ))
                    .help(format!(
                        "add `{}:` to the front matter; {HELP}",
                        self.fields.first()
                    )),
            ),
            FieldState::NoFrontMatter => findings.push(
                Finding::new(post.anchor(), "post has no front matter, so no excerpt").help(
                    format!(
                        "start the file with a front matter block that sets `{}: …`; {HELP}",
                        self.fields.first()
                    ),
                ),
            ),
        }
    }

    fn fields(&self) -> Vec<FieldSpec> {
        text_fields(&self.fields)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::check;

    fn lint(source: &str) -> Vec<Finding> {
        check(&ExcerptMissing::default(), source)
    }

    #[test]
    fn passes() {
        for source in [
            "---\nexcerpt: text\n---\n",
            "---\ndescription: text\n---\n",
            "---\nexcerpt:\nsummary: text\n---\n",
            "---\nexcerpt: [a, b]\n---\n",
        ] {
            assert!(lint(source).is_empty(), "{source:?}");
        }
    }

    #[test]
    fn empty_and_absent() {
        let source = "---\nexcerpt: ''\n---\n";
        assert_eq!(&source[lint(source)[0].range.clone()], "excerpt");
        assert_eq!(
            lint("---\ntitle: x\n---\n")[0].message,
            "post has no excerpt"
        );
        assert_eq!(
            lint("body\n")[0].message,
            "post has no front matter, so no excerpt"
        );
    }
}
