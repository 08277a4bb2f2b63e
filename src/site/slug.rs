//! The slug: the part of a page's URL its author chose by name, from a front matter key or
//! from the file or folder name. The site's model says which, per generator; the slug
//! rules judge it.

use std::ops::Range;
use std::path::Path;

use crate::post::{Format, Post, Value};
use crate::rules::{Expect, FieldState, field_state};

/// Where a slug comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// A front matter key.
    Field,
    /// No slug is set, so the file's name is the slug.
    File,
    /// No slug is set and the post is a page bundle's `index.md`: the folder's name is.
    Folder,
}

/// The slug of a post and where it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slug {
    pub text: String,
    /// The slug's text in the file when it is written there plainly; otherwise the value
    /// that holds it, or the front matter's opening line for a slug from the file name.
    pub range: Range<usize>,
    /// Whether `range` covers exactly `text`, so that a character of it can be pointed at.
    pub exact: bool,
    pub origin: Origin,
    /// The key a fix should set (`slug`, even where Hugo's `url` is tried first).
    pub key: String,
    /// The post's front matter syntax, for writing that key in help texts.
    pub format: Format,
}

impl Slug {
    /// ` (from the file name)`, for messages; empty for a slug from the front matter.
    pub fn origin_note(&self) -> &'static str {
        match self.origin {
            Origin::Field => "",
            Origin::File => " (from the file name)",
            Origin::Folder => " (from the folder name)",
        }
    }

    /// The label for a slug that is not in the front matter.
    pub fn derived_label(&self) -> String {
        let what = if self.origin == Origin::Folder {
            "folder"
        } else {
            "file"
        };
        format!("no `{}` here, so the {what} name is the slug", self.key)
    }

    /// How to change it to `suggestion`.
    pub fn fix(&self, suggestion: &str) -> String {
        let assignment = self.format.assignment(&self.key, suggestion);
        match self.origin {
            Origin::Field => format!("use `{suggestion}`"),
            Origin::File => format!(
                "rename the file to `{suggestion}`, or set `{assignment}` in the front matter"
            ),
            Origin::Folder => format!(
                "rename the folder to `{suggestion}`, or set `{assignment}` in the front matter"
            ),
        }
    }

    /// The byte range of the `position`th character (1-based), when the slug is written
    /// plainly in the source.
    pub fn char_range(&self, position: usize) -> Option<Range<usize>> {
        if !self.exact {
            return None;
        }
        let (offset, c) = self.text.char_indices().nth(position.checked_sub(1)?)?;
        let start = self.range.start + offset;
        Some(start..start + c.len_utf8())
    }
}

/// What a slug field says: a slug, nothing (so the path gives it), or something that
/// cannot be read (so no slug can be told).
pub enum FromField {
    Slug(Slug),
    NotSet,
    Unknown,
}

/// The slug the first of `names` that is set gives, as the last segment of its value
/// (`/docs/my-page/` gives `my-page`); `key` is the key a fix should set.
pub fn from_field(post: &Post, names: &[String], key: &str) -> FromField {
    match field_state(post, names, Expect::Text) {
        FieldState::Set(_, value) => match from_value(post, value, key) {
            Some(slug) => FromField::Slug(slug),
            None => FromField::Unknown,
        },
        FieldState::Unknown => FromField::Unknown,
        FieldState::Empty(_) | FieldState::Absent | FieldState::NoFrontMatter => FromField::NotSet,
    }
}

/// The slug a front matter value holds: its last path segment.
pub fn from_value(post: &Post, value: &Value, key: &str) -> Option<Slug> {
    let text = value.as_text()?;
    let (text, offset) = last_path_segment(text);
    let written = post.source.get(value.range.clone())?;
    let exact = written.get(offset..offset + text.len()) == Some(text);
    let range = if exact {
        value.range.start + offset..value.range.start + offset + text.len()
    } else {
        value.range.clone()
    };
    Some(Slug {
        text: text.to_owned(),
        range,
        exact,
        origin: Origin::Field,
        key: key.to_owned(),
        format: post.front_matter_format(),
    })
}

/// The slug the post's path gives: the file name without its extension, or the folder's
/// name for `index.md` (a page bundle), without a date prefix.
pub fn from_path(post: &Post, key: &str) -> Option<Slug> {
    let (text, origin) = slug_from_path(&post.path)?;
    Some(Slug {
        text,
        range: post.anchor(),
        exact: false,
        origin,
        key: key.to_owned(),
        format: post.front_matter_format(),
    })
}

/// The key a fix should set among `names`: `slug` where it is one of them (even where
/// Hugo's `url` is tried first), else the first.
pub fn fix_key(names: &[String]) -> &str {
    if names.iter().any(|name| name == "slug") {
        "slug"
    } else {
        names.first().map_or("slug", String::as_str)
    }
}

/// The post's slug: the first of `names` that is set (when `from_front_matter`), else the
/// file or folder name. `None` when it cannot be told (an unreadable value, a value of the
/// wrong type, or a path without a name).
pub fn slug_of(post: &Post, names: &[String], from_front_matter: bool) -> Option<Slug> {
    let key = fix_key(names);
    if from_front_matter {
        match from_field(post, names, key) {
            FromField::Slug(slug) => return Some(slug),
            FromField::Unknown => return None,
            FromField::NotSet => {}
        }
    }
    from_path(post, key)
}

/// The last segment of a URL path (`/docs/my-page/` → `my-page`, `/a/b.html` → `b`), with
/// its offset; a value without `/` is a slug as it is.
fn last_path_segment(value: &str) -> (&str, usize) {
    if !value.contains('/') {
        return (value, 0);
    }
    let trimmed = value.trim_end_matches('/');
    let start = trimmed.rfind('/').map_or(0, |i| i + 1);
    let segment = &trimmed[start..];
    let segment = segment.strip_suffix(".html").unwrap_or(segment);
    if segment.is_empty() {
        (value, 0)
    } else {
        (segment, start)
    }
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
pub fn strip_date_prefix(name: &str) -> &str {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::{Generator, Profile};

    fn slug(path: &str, source: &str, generator: Generator) -> Option<Slug> {
        let post = Post::parse(path, source.to_owned());
        let profile = Profile::new(generator);
        slug_of(&post, &profile.fields.slug, generator != Generator::Hexo)
    }

    #[test]
    fn from_the_front_matter_or_the_path() {
        let found = slug("a.md", "---\nslug: my-post\n---\n", Generator::Generic).unwrap();
        assert_eq!(
            (found.text.as_str(), found.origin, found.exact),
            ("my-post", Origin::Field, true)
        );
        assert_eq!(found.range, 10..17);
        let found = slug("posts/2025-11-13-x-y.md", "", Generator::Generic).unwrap();
        assert_eq!((found.text.as_str(), found.origin), ("x-y", Origin::File));
        let found = slug("content/My Bundle/index.md", "", Generator::Generic).unwrap();
        assert_eq!(
            (found.text.as_str(), found.origin),
            ("My Bundle", Origin::Folder)
        );
    }

    #[test]
    fn hexo_takes_the_file_name_whatever_the_front_matter_says() {
        let found = slug(
            "source/_posts/hello-world.md",
            "---\nslug: other\n---\n",
            Generator::Hexo,
        )
        .unwrap();
        assert_eq!(
            (found.text.as_str(), found.origin),
            ("hello-world", Origin::File)
        );
    }

    #[test]
    fn hugo_reads_url_then_slug_and_a_url_ends_in_its_slug() {
        let found = slug(
            "a.md",
            "---\nurl: /posts/my-page/\nslug: other\n---\n",
            Generator::Hugo,
        )
        .unwrap();
        assert_eq!(found.text, "my-page");
        assert!(found.exact);
        assert_eq!(found.range, 16..23);
        assert_eq!(found.key, "slug");
        let found = slug(
            "a.md",
            "---\nslug: /docs/intro\n---\n",
            Generator::Docusaurus,
        )
        .unwrap();
        assert_eq!(found.text, "intro");
    }

    #[test]
    fn quoted_values_are_not_exact() {
        let found = slug("a.md", "---\nslug: \"my-post\"\n---\n", Generator::Generic).unwrap();
        assert!(!found.exact);
        assert_eq!(found.char_range(1), None);
    }

    #[test]
    fn date_prefix() {
        assert_eq!(strip_date_prefix("2025-11-13-x"), "x");
        assert_eq!(strip_date_prefix("2025-11-13"), "2025-11-13");
        assert_eq!(strip_date_prefix("2025-1-13-x"), "2025-1-13-x");
    }
}
