//! `slug-format`: the slug is lowercase ASCII words joined by hyphens.

use regex::Regex;
use serde::{Deserialize, Deserializer};

use super::slug::{judged_slug, suggest_slug};
use super::slug_derived_non_ascii::is_non_ascii_derived;
use super::{Context, Expect, FieldNames, FieldSpec, Rule};
use crate::diagnostic::{Applicability, Edit, Finding, Fix};
use crate::post::{Format, Post};
use crate::profile::Profile;
use crate::site::{Origin, Slug};

/// The pattern slugs must match when none is configured.
const DEFAULT_PATTERN: &str = "^[a-z0-9]+(?:-[a-z0-9]+)*$";

/// How long a suggested slug may be: slug-length's default.
const SUGGESTION_LENGTH: usize = 75;

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct SlugFormat {
    /// Front matter keys that hold the slug; by default the profile's (`[fields] slug`).
    /// The file name is the slug when none is set.
    pub fields: Option<FieldNames>,
    /// A regular expression the whole slug must match; the default is checked without one.
    pub pattern: Option<SlugPattern>,
}

/// A configured pattern, compiled once when the configuration is read. It must match the
/// whole slug, whether or not it is written with `^` and `$`.
#[derive(Debug)]
pub struct SlugPattern {
    regex: Regex,
    source: String,
}

impl SlugPattern {
    pub fn new(source: &str) -> Result<SlugPattern, regex::Error> {
        Ok(SlugPattern {
            // The regex crate matches in linear time; the size limit bounds what a
            // configured pattern may compile to.
            regex: regex::RegexBuilder::new(&format!("^(?:{source})$"))
                .size_limit(1 << 20)
                .build()?,
            source: source.to_owned(),
        })
    }
}

impl<'de> Deserialize<'de> for SlugPattern {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let source = String::deserialize(deserializer)?;
        SlugPattern::new(&source)
            .map_err(|error| serde::de::Error::custom(format!("invalid pattern: {error}")))
    }
}

/// The first thing that keeps `slug` from matching the default pattern, with its
/// character position (1-based), or `None` when it matches.
fn first_offense(slug: &str) -> Option<(usize, String)> {
    if slug.is_empty() {
        return Some((1, "is empty".into()));
    }
    let chars: Vec<char> = slug.chars().collect();
    for (index, &c) in chars.iter().enumerate() {
        let what = match c {
            'a'..='z' | '0'..='9' => continue,
            // A version number (`babel-7.0.0`, `upgrading-2.10`): a dot between digits.
            '.' if index > 0
                && chars[index - 1].is_ascii_digit()
                && chars.get(index + 1).is_some_and(char::is_ascii_digit) =>
            {
                continue;
            }
            '-' if index == 0 => "starts with a hyphen".to_owned(),
            '-' if index + 1 == chars.len() => "ends with a hyphen".to_owned(),
            '-' if chars[index + 1] == '-' => "has doubled hyphens".to_owned(),
            '-' => continue,
            'A'..='Z' => format!("has an uppercase letter `{c}`"),
            '_' => "has an underscore".to_owned(),
            ' ' => "has a space".to_owned(),
            c if c.is_whitespace() => "has a whitespace character".to_owned(),
            c if !c.is_ascii() => format!("has a non-ASCII character `{c}`"),
            c => format!("has the character `{c}`"),
        };
        return Some((index + 1, what));
    }
    None
}

/// Writes `suggestion` in place of the slug: the slug's own text when it is written
/// plainly (also inside a URL path), else the whole value, quoted where the syntax needs it.
/// Unsafe: a new slug moves a published post to a new URL.
fn replace_slug(post: &Post, slug: &Slug, suggestion: &str) -> Option<Fix> {
    let replacement = if slug.exact {
        suggestion.to_owned()
    } else {
        let written = post.source.get(slug.range.clone())?;
        if written.contains('/') {
            return None;
        }
        match slug.format {
            Format::Yaml => suggestion.to_owned(),
            Format::Toml | Format::Json => format!("\"{suggestion}\""),
        }
    };
    Some(Fix {
        applicability: Applicability::Unsafe,
        message: format!("change the slug to `{suggestion}` (the post's URL changes)"),
        edits: vec![Edit {
            range: slug.range.clone(),
            replacement,
        }],
    })
}

impl SlugFormat {
    fn names<'a>(&'a self, profile: &'a Profile) -> &'a FieldNames {
        self.fields.as_ref().unwrap_or(&profile.fields.slug)
    }

    fn matches(&self, slug: &str) -> bool {
        match &self.pattern {
            Some(pattern) => pattern.regex.is_match(slug),
            None => first_offense(slug).is_none(),
        }
    }
}

impl Rule for SlugFormat {
    fn check(&self, post: &Post, _: &Context, findings: &mut Vec<Finding>) {
        let Some(slug) = judged_slug(post, self.fields.as_ref()) else {
            return;
        };
        // A file name in Chinese, say, is slug-derived-non-ascii's, as an info: it is the
        // generator's default, not a typo.
        if self.matches(&slug.text) || is_non_ascii_derived(slug.origin, &slug.text) {
            return;
        }
        let origin = slug.origin_note();
        let text = &slug.text;
        let offense = self
            .pattern
            .is_none()
            .then(|| first_offense(text))
            .flatten();
        let (message, at, label) = match offense {
            Some((position, what)) => (
                format!("slug `{text}`{origin} {what} at character {position}"),
                slug.char_range(position),
                what,
            ),
            None => {
                let pattern = self
                    .pattern
                    .as_ref()
                    .map_or(DEFAULT_PATTERN, |p| p.source.as_str());
                let message =
                    format!("slug `{text}`{origin} does not match the pattern `{pattern}`");
                (message, None, "does not match".to_owned())
            }
        };
        let (at, label) = match at {
            Some(at) => (at, label),
            None if slug.origin != Origin::Field => (slug.range.clone(), slug.derived_label()),
            None => (slug.range.clone(), label),
        };
        let suggestion = suggest_slug(text, SUGGESTION_LENGTH);
        let help = if !suggestion.is_empty() && self.matches(&suggestion) {
            slug.fix(&suggestion)
        } else if self.pattern.is_some() {
            "change it to match the configured pattern".to_owned()
        } else {
            "choose a slug of lowercase ASCII words joined by hyphens, such as a translation of the title".to_owned()
        };
        let mut finding = Finding::new(at, message).label(label).help(help);
        if slug.origin == Origin::Field
            && !suggestion.is_empty()
            && self.matches(&suggestion)
            && let Some(fix) = replace_slug(post, &slug, &suggestion)
        {
            finding = finding.fix(fix);
        }
        findings.push(finding);
    }

    fn fields(&self, profile: &Profile) -> Vec<FieldSpec> {
        FieldSpec::all(self.names(profile), Expect::Text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::check_at;

    fn messages(path: &str, source: &str) -> Vec<String> {
        check_at(&SlugFormat::default(), path, source)
            .into_iter()
            .map(|finding| finding.message)
            .collect()
    }

    fn slug(slug: &str) -> Vec<String> {
        messages("post.md", &format!("---\nslug: \"{slug}\"\n---\n"))
    }

    #[test]
    fn good_slugs_pass() {
        for good in [
            "a",
            "hello-world",
            "2025-recap",
            "chatgpt-image-video-function-differences-2025",
        ] {
            assert!(slug(good).is_empty(), "{good}");
        }
    }

    #[test]
    fn names_the_first_offense() {
        assert_eq!(
            slug("Hello"),
            ["slug `Hello` has an uppercase letter `H` at character 1"]
        );
        assert_eq!(slug("a_b"), ["slug `a_b` has an underscore at character 2"]);
        assert_eq!(slug("a b"), ["slug `a b` has a space at character 2"]);
        assert_eq!(
            slug("a--b"),
            ["slug `a--b` has doubled hyphens at character 2"]
        );
        assert_eq!(
            slug("-a"),
            ["slug `-a` starts with a hyphen at character 1"]
        );
        assert_eq!(slug("a-"), ["slug `a-` ends with a hyphen at character 2"]);
        assert_eq!(
            slug("caf\u{e9}"),
            ["slug `caf\u{e9}` has a non-ASCII character `\u{e9}` at character 4"]
        );
        assert_eq!(
            slug("a.html"),
            ["slug `a.html` has the character `.` at character 2"]
        );
        assert!(slug("babel-7.0.0").is_empty());
        assert!(slug("6.14.0").is_empty());
        assert_eq!(
            slug("v1.x"),
            ["slug `v1.x` has the character `.` at character 3"]
        );
    }

    #[test]
    fn the_file_name_is_the_slug_when_none_is_set() {
        assert_eq!(
            messages("posts/My_Post.md", "---\ntitle: t\n---\n"),
            ["slug `My_Post` (from the file name) has an uppercase letter `M` at character 1"]
        );
        assert!(messages("posts/my-post.md", "---\nslug:\n---\n").is_empty());
        assert!(messages("posts/2025-11-13-my-post.md", "").is_empty());
        assert!(messages("content/good-bundle/index.md", "").is_empty());
        assert_eq!(messages("content/Bad Bundle/index.md", "").len(), 1);
    }

    #[test]
    fn a_url_path_is_checked_by_its_last_segment() {
        let rule = SlugFormat::default();
        let post = "---\nslug: /docs/Getting_Started/\n---\n";
        let findings = check_at(&rule, "a.md", post);
        assert_eq!(
            findings[0].message,
            "slug `Getting_Started` has an uppercase letter `G` at character 1"
        );
        assert_eq!(&post[findings[0].range.clone()], "G");
    }

    #[test]
    fn a_configured_pattern_replaces_the_default() {
        let rule = SlugFormat {
            pattern: Some(SlugPattern::new("[a-z_]+").unwrap()),
            ..SlugFormat::default()
        };
        assert!(check_at(&rule, "a.md", "---\nslug: a_b\n---\n").is_empty());
        assert_eq!(
            check_at(&rule, "a.md", "---\nslug: a-b\n---\n")[0].message,
            "slug `a-b` does not match the pattern `[a-z_]+`"
        );
        // The pattern matches the whole slug, anchored or not.
        assert_eq!(
            check_at(&rule, "a.md", "---\nslug: ABC-x_y\n---\n").len(),
            1
        );
    }
}
