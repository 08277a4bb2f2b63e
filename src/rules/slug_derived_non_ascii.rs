//! `slug-derived-non-ascii`: no slug is set and the file name the URL is made from is not
//! ASCII, so the URL will be percent-encoded.

use serde::Deserialize;

use super::slug::{judged_slug, suggest_slug};
use super::{Context, FieldNames, Rule};
use crate::diagnostic::Finding;
use crate::post::Post;
use crate::rules::slug_length::encoded_length;
use crate::site::Origin;

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct SlugDerivedNonAscii {
    /// Front matter keys that hold the slug; by default the profile's (`[fields] slug`).
    pub fields: Option<FieldNames>,
}

/// Whether a derived slug is this rule's, not slug-format's: it has a non-ASCII letter.
pub fn is_non_ascii_derived(origin: Origin, slug: &str) -> bool {
    origin != Origin::Field && slug.chars().any(|c| !c.is_ascii() && c.is_alphanumeric())
}

impl Rule for SlugDerivedNonAscii {
    fn check(&self, post: &Post, context: &Context, findings: &mut Vec<Finding>) {
        let Some(slug) = judged_slug(post, self.fields.as_ref()) else {
            return;
        };
        if !is_non_ascii_derived(slug.origin, &slug.text) {
            return;
        }
        let suggestion = suggest_slug(&slug.text, 75);
        let example = if suggestion.is_empty() {
            String::new()
        } else {
            format!(", such as `{suggestion}` (a transliteration; a translation reads better)")
        };
        let how = if context.profile.slug_from_front_matter {
            format!(
                "set `{}` to a romanized or English slug{example}",
                slug.format.assignment(&slug.key, "…")
            )
        } else {
            format!("rename the file to a romanized or English slug{example}")
        };
        findings.push(
            Finding::new(
                slug.range.clone(),
                format!(
                    "slug `{}`{} is not ASCII, so its URL is percent-encoded to {} characters",
                    slug.text,
                    slug.origin_note(),
                    encoded_length(&slug.text)
                ),
            )
            .label(slug.derived_label())
            .help(format!(
                "search engines read encoded URLs fine, but shared links show `%E4%B8%AD…`; {how}"
            )),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::{Generator, Profile};
    use crate::rules::test_support::check_at;

    fn messages(path: &str, source: &str) -> Vec<String> {
        check_at(&SlugDerivedNonAscii::default(), path, source)
            .into_iter()
            .map(|finding| finding.message)
            .collect()
    }

    #[test]
    fn a_chinese_file_name_without_a_slug() {
        assert_eq!(
            messages("posts/中文标题.md", "---\ntitle: t\n---\n"),
            [
                "slug `中文标题` (from the file name) is not ASCII, so its URL is percent-encoded to 36 characters"
            ]
        );
    }

    #[test]
    fn an_explicit_or_ascii_slug_passes() {
        assert!(messages("posts/中文标题.md", "---\nslug: zhong-wen\n---\n").is_empty());
        assert!(messages("posts/english-name.md", "---\ntitle: t\n---\n").is_empty());
        // An explicit non-ASCII slug is slug-format's concern.
        assert!(messages("posts/a.md", "---\nslug: 中文\n---\n").is_empty());
    }

    #[test]
    fn hexo_says_to_rename_the_file() {
        let context = Context {
            profile: Profile::new(Generator::Hexo),
            ..Context::default()
        };
        let post = Post::parse_in(
            "source/_posts/你好.md",
            "---\nslug: ignored\n---\n".into(),
            &context.site,
            &context.profile,
        );
        let mut findings = Vec::new();
        SlugDerivedNonAscii::default().check(&post, &context, &mut findings);
        assert!(
            findings[0]
                .help
                .as_ref()
                .unwrap()
                .contains("rename the file")
        );
    }
}
