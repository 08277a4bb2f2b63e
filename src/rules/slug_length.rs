//! `slug-length`: the slug is too long to read or share.

use serde::Deserialize;

use super::slug::{judged_slug, suggest_slug};
use super::slug_derived_non_ascii::is_non_ascii_derived;
use super::{Context, FieldNames, Rule, plural};
use crate::diagnostic::Finding;
use crate::post::Post;
use crate::site::Origin;

#[derive(Debug, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct SlugLength {
    /// Front matter keys that hold the slug; by default the profile's (`[fields] slug`).
    pub fields: Option<FieldNames>,
    /// Most characters in the slug as it travels in a URL (Rank Math's permalink limit).
    pub max: usize,
}

impl Default for SlugLength {
    fn default() -> Self {
        SlugLength {
            fields: None,
            max: 75,
        }
    }
}

/// The length of `slug` in a URL: each non-ASCII character is percent-encoded, three
/// characters per UTF-8 byte (`中` is `%E4%B8%AD`).
pub fn encoded_length(slug: &str) -> usize {
    slug.chars()
        .map(|c| if c.is_ascii() { 1 } else { 3 * c.len_utf8() })
        .sum()
}

impl Rule for SlugLength {
    fn check(&self, post: &Post, _: &Context, findings: &mut Vec<Finding>) {
        let Some(slug) = judged_slug(post, self.fields.as_ref()) else {
            return;
        };
        let encoded = encoded_length(&slug.text);
        // A long slug made from a non-ASCII file name is one problem, which
        // slug-derived-non-ascii reports with its encoded length.
        if encoded <= self.max || is_non_ascii_derived(slug.origin, &slug.text) {
            return;
        }
        let characters = slug.text.chars().count();
        let origin = slug.origin_note();
        let message = if encoded == characters {
            format!(
                "slug{origin} is {} long; keep it within {}",
                plural(characters, "character"),
                self.max
            )
        } else {
            format!(
                "slug{origin} is {} long once percent-encoded in a URL ({} as written); keep it within {}",
                plural(encoded, "character"),
                plural(characters, "character"),
                self.max
            )
        };
        let label = if slug.origin == Origin::Field {
            plural(encoded, "character")
        } else {
            slug.derived_label()
        };
        let suggestion = suggest_slug(&slug.text, self.max);
        let fix = if suggestion.is_empty() {
            "shorten it".to_owned()
        } else {
            slug.fix(&suggestion)
        };
        findings.push(
            Finding::new(slug.range.clone(), message)
                .label(label)
                .help(format!(
                    "long URLs are cut off in search results and hard to share; {fix}"
                )),
        );
    }

    fn validate(&self) -> Result<(), String> {
        if self.max == 0 {
            return Err("`max` must be at least 1".into());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::check_at;

    fn messages(path: &str, source: &str) -> Vec<String> {
        check_at(&SlugLength::default(), path, source)
            .into_iter()
            .map(|finding| finding.message)
            .collect()
    }

    #[test]
    fn short_slugs_pass() {
        assert!(messages("a.md", "---\nslug: a-short-slug\n---\n").is_empty());
        let exactly = "a".repeat(75);
        assert!(messages("a.md", &format!("---\nslug: {exactly}\n---\n")).is_empty());
    }

    #[test]
    fn too_long_gives_the_length() {
        let long = "word-".repeat(20) + "end";
        assert_eq!(
            messages("a.md", &format!("---\nslug: {long}\n---\n")),
            ["slug is 103 characters long; keep it within 75"]
        );
    }

    #[test]
    fn non_ascii_counts_its_percent_encoding() {
        assert_eq!(encoded_length("中文"), 18);
        assert_eq!(encoded_length("café"), 9);
        // Nine Chinese characters are 81 characters in a URL.
        assert_eq!(
            messages("a.md", "---\nslug: 九个中文字符的链接\n---\n"),
            [
                "slug is 81 characters long once percent-encoded in a URL (9 characters as written); keep it within 75"
            ]
        );
    }

    #[test]
    fn the_file_name_counts_when_no_slug_is_set() {
        let name = format!("posts/{}.md", "x".repeat(80));
        assert_eq!(
            messages(&name, "---\ntitle: t\n---\n"),
            ["slug (from the file name) is 80 characters long; keep it within 75"]
        );
    }
}
