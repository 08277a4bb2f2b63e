//! `slug-format`: the slug is short lowercase ASCII words joined by hyphens.

use std::path::Path;

use regex::Regex;
use serde::{Deserialize, Deserializer};

use super::excerpt_missing::text_fields;
use super::{Context, Expect, FieldNames, FieldSpec, FieldState, Rule, field_state};
use crate::diagnostic::Finding;
use crate::post::Post;

/// The pattern slugs must match when none is configured.
const DEFAULT_PATTERN: &str = "^[a-z0-9]+(?:-[a-z0-9]+)*$";

#[derive(Debug, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct SlugFormat {
    /// Front matter keys that hold the slug; the file name is the slug when none is set.
    pub fields: FieldNames,
    /// A regular expression the whole slug must match; the default is checked without one.
    pub pattern: Option<SlugPattern>,
    /// Most characters in a slug (Rank Math's permalink limit).
    pub max_length: usize,
}

impl Default for SlugFormat {
    fn default() -> Self {
        SlugFormat {
            fields: FieldNames::new(&["slug"]),
            pattern: None,
            max_length: 75,
        }
    }
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
            regex: Regex::new(&format!("^(?:{source})$"))?,
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

/// A slug in the default format made from `text`: transliterated to ASCII (`é` → `e`,
/// `中文` → `zhong-wen`), lowercased, words joined by single hyphens, cut at a word
/// boundary to `max_length` characters.
pub fn suggest_slug(text: &str, max_length: usize) -> String {
    let ascii = deunicode::deunicode(text).to_ascii_lowercase();
    let words = ascii
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty());
    let mut slug = String::new();
    for word in words {
        let extra = usize::from(!slug.is_empty()) + word.len();
        if slug.len() + extra > max_length {
            if slug.is_empty() {
                slug.push_str(&word[..max_length]);
            }
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(word);
    }
    slug
}

/// Where a slug was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Origin {
    Field,
    /// No slug is set, so the file's name is the slug.
    File,
    /// No slug is set and the post is a page bundle's `index.md`: the folder's name is.
    Folder,
}

/// The slug a generator derives from the path: the file name without its extension, or
/// the folder's name for `index.md` (a page bundle), without a Jekyll date prefix.
fn slug_from_path(path: &Path) -> Option<(String, Origin)> {
    let stem = path.file_stem()?.to_str()?;
    let (name, origin) = if matches!(stem, "index" | "_index") {
        (path.parent()?.file_name()?.to_str()?, Origin::Folder)
    } else {
        (stem, Origin::File)
    };
    Some((strip_date_prefix(name).to_owned(), origin))
}

/// `2025-11-13-my-post` → `my-post`, as Jekyll and Hugo's `:filename` date handling do.
fn strip_date_prefix(name: &str) -> &str {
    let bytes = name.as_bytes();
    let is_date = bytes.len() > 11
        && bytes[..10].iter().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        })
        && bytes[10] == b'-';
    if is_date { &name[11..] } else { name }
}

/// The byte range of the `position`th character (1-based) of a slug written plainly in the
/// source, so a report can point at the offending character itself.
fn offending_char_range(
    source: &str,
    value: &std::ops::Range<usize>,
    slug: &str,
    position: usize,
) -> Option<std::ops::Range<usize>> {
    if source.get(value.clone())? != slug {
        return None;
    }
    let (offset, c) = slug.char_indices().nth(position - 1)?;
    let start = value.start + offset;
    Some(start..start + c.len_utf8())
}

impl SlugFormat {
    fn matches(&self, slug: &str) -> bool {
        match &self.pattern {
            Some(pattern) => pattern.regex.is_match(slug),
            None => first_offense(slug).is_none(),
        }
    }
}

impl Rule for SlugFormat {
    fn check(&self, post: &Post, _: &Context, findings: &mut Vec<Finding>) {
        let (slug, range, source) = match field_state(post, &self.fields, Expect::Text) {
            FieldState::Set(_, value) => {
                let Some(text) = value.as_text() else { return };
                (text.to_owned(), value.range.clone(), Origin::Field)
            }
            FieldState::Unknown => return,
            FieldState::Empty(_) | FieldState::Absent | FieldState::NoFrontMatter => {
                let Some((slug, source)) = slug_from_path(&post.path) else {
                    return;
                };
                (slug, post.anchor(), source)
            }
        };
        let from_file = source != Origin::Field;
        let (origin, renamed) = match source {
            Origin::Field => ("", ""),
            Origin::File => (" (from the file name)", "file"),
            Origin::Folder => (" (from the folder name)", "folder"),
        };
        let suggestion = Some(suggest_slug(&slug, self.max_length))
            .filter(|suggestion| self.matches(suggestion))
            .unwrap_or_default();
        let fix = if suggestion.is_empty() && self.pattern.is_some() {
            "change it to match the configured pattern".to_owned()
        } else if suggestion.is_empty() {
            "choose a slug of lowercase ASCII words joined by hyphens, such as a translation of the title".to_owned()
        } else if from_file {
            format!(
                "rename the {renamed} to `{suggestion}`, or set `{}: {suggestion}` in the front matter",
                self.fields.first()
            )
        } else {
            format!("use `{suggestion}`")
        };

        if !self.matches(&slug) {
            let file_label = || {
                format!(
                    "no `{}` here, so the {renamed} name is the slug",
                    self.fields.first()
                )
            };
            let finding = match self
                .pattern
                .is_none()
                .then(|| first_offense(&slug))
                .flatten()
            {
                Some((position, what)) => {
                    let message = format!("slug `{slug}`{origin} {what} at character {position}");
                    match offending_char_range(&post.source, &range, &slug, position) {
                        Some(at) => Finding::new(at, message).label(what),
                        None if from_file => {
                            Finding::new(range.clone(), message).label(file_label())
                        }
                        None => Finding::new(range.clone(), message).label(what),
                    }
                }
                None => {
                    let pattern = self
                        .pattern
                        .as_ref()
                        .map_or(DEFAULT_PATTERN, |p| p.source.as_str());
                    let message =
                        format!("slug `{slug}`{origin} does not match the pattern `{pattern}`");
                    let label = if from_file {
                        file_label()
                    } else {
                        "does not match".to_owned()
                    };
                    Finding::new(range.clone(), message).label(label)
                }
            };
            findings.push(finding.help(fix.clone()));
        }

        let length = slug.chars().count();
        if length > self.max_length {
            findings.push(
                Finding::new(
                    range,
                    format!(
                        "slug{origin} is {length} characters long; keep it within {}",
                        self.max_length
                    ),
                )
                .label(if from_file {
                    format!(
                        "no `{}` here, so the {renamed} name is the slug",
                        self.fields.first()
                    )
                } else {
                    format!("{length} characters")
                })
                .help(format!(
                    "long URLs are cut off in search results and hard to share; {fix}"
                )),
            );
        }
    }

    fn fields(&self) -> Vec<FieldSpec> {
        text_fields(&self.fields)
    }

    fn validate(&self) -> Result<(), String> {
        if self.max_length == 0 {
            return Err("`max-length` must be at least 1".into());
        }
        Ok(())
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
    }

    #[test]
    fn too_long_gives_the_length() {
        let long = "word-".repeat(20) + "end";
        assert_eq!(
            slug(&long),
            ["slug is 103 characters long; keep it within 75"]
        );
    }

    #[test]
    fn suggestions() {
        assert_eq!(suggest_slug("My_Post Title--2", 75), "my-post-title-2");
        assert_eq!(suggest_slug("Café crème", 75), "cafe-creme");
        assert_eq!(suggest_slug("中文", 75), "zhong-wen");
        assert_eq!(suggest_slug("aaaa-bbbb-cccc", 9), "aaaa-bbbb");
        assert_eq!(suggest_slug("abcdefghij", 4), "abcd");
        assert_eq!(suggest_slug("---", 75), "");
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

    #[test]
    fn date_prefix() {
        assert_eq!(strip_date_prefix("2025-11-13-x"), "x");
        assert_eq!(strip_date_prefix("2025-11-13"), "2025-11-13");
        assert_eq!(strip_date_prefix("2025-1-13-x"), "2025-1-13-x");
    }
}
