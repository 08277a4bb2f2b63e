//! What the site-wide rules know of each post: a small summary kept after the post itself
//! is dropped, so a run over a whole blog holds summaries, not sources.

use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::post::{Post, Value, ValueKind};
use crate::rules::slug::{Origin, slug_of};
use crate::rules::{Context, Expect, FieldState, field_state};

/// A piece of text in a post, where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    pub text: String,
    pub range: Range<usize>,
    /// 1-based line of `range.start`, for messages about another file.
    pub line: usize,
}

/// One post, as the site-wide rules see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostSummary {
    pub path: PathBuf,
    /// The slug as the generator derives it, and whether the front matter sets it.
    pub slug: Option<(Located, Origin)>,
    pub title: Option<Located>,
    /// A cover image given as a path, not a URL.
    pub cover: Option<Located>,
}

impl PostSummary {
    pub fn of(post: &Post, context: &Context) -> PostSummary {
        let profile = &context.profile;
        let locate = |text: &str, range: Range<usize>| Located {
            text: text.to_owned(),
            line: line_of(&post.source, range.start),
            range,
        };
        let slug = slug_of(post, &profile.fields.slug, profile)
            .map(|slug| (locate(&slug.text, slug.range.clone()), slug.origin));
        let title = match field_state(post, &profile.fields.title, Expect::Text) {
            FieldState::Set(_, value) => value
                .as_text()
                .map(|text| locate(text.trim(), value.range.clone())),
            _ => None,
        };
        let cover = match field_state(post, &profile.fields.cover, Expect::Image) {
            FieldState::Set(_, value) => image_path(value).map(|(text, range)| locate(text, range)),
            _ => None,
        };
        PostSummary {
            path: post.path.clone(),
            slug,
            title,
            cover,
        }
    }
}

/// The first image a cover value names, with its range, when it is a local path.
fn image_path(value: &Value) -> Option<(&str, Range<usize>)> {
    match &value.kind {
        ValueKind::String(text) => {
            let text = text.trim();
            (!text.is_empty() && !is_remote(text)).then(|| (text, value.range.clone()))
        }
        ValueKind::List(items) => items.first().and_then(image_path),
        ValueKind::Map(pairs) => pairs
            .iter()
            .find(|(key, _)| {
                key.as_text()
                    .is_some_and(|key| matches!(key, "image" | "src" | "url" | "path"))
            })
            .and_then(|(_, value)| image_path(value)),
        _ => None,
    }
}

/// URLs postlint never fetches: `https://…`, `//cdn…`, `data:…`, and template values.
pub fn is_remote(target: &str) -> bool {
    let lower = target.to_ascii_lowercase();
    lower.starts_with("http://")
        || lower.starts_with("https://")
        || lower.starts_with("//")
        || lower.starts_with("data:")
        || lower.starts_with("mailto:")
        || target.contains("{{")
        || target.contains("{%")
}

fn line_of(source: &str, offset: usize) -> usize {
    crate::diagnostic::LineIndex::new(&source[..offset.min(source.len())])
        .line_column(offset)
        .line
}

/// The post's folder, as far as its URL is concerned: a page bundle's `index.md` lives in
/// its own folder, so its neighbours are in the folder above.
pub fn section_of(path: &Path) -> &Path {
    let parent = path.parent().unwrap_or(Path::new(""));
    let is_bundle = path
        .file_stem()
        .is_some_and(|stem| stem == "index" || stem == "_index");
    if is_bundle {
        parent.parent().unwrap_or(Path::new(""))
    } else {
        parent
    }
}

/// A path written in a post, without query, fragment and percent-encoding.
pub fn clean_target(target: &str) -> String {
    let end = target.find(['?', '#']).unwrap_or(target.len());
    percent_decode(&target[..end])
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(hex) = text.get(i + 1..i + 3)
            && let Ok(byte) = u8::from_str_radix(hex, 16)
        {
            out.push(byte);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_lose_query_fragment_and_encoding() {
        assert_eq!(clean_target("/images/a%20b.png?v=2#x"), "/images/a b.png");
        assert_eq!(clean_target("%E4%B8%AD.png"), "中.png");
        assert_eq!(clean_target("bad%zz.png"), "bad%zz.png");
    }

    #[test]
    fn remote_targets() {
        assert!(is_remote("https://cdn.example.com/a.png"));
        assert!(is_remote("//cdn.example.com/a.png"));
        assert!(is_remote("{{ site.baseurl }}/a.png"));
        assert!(!is_remote("/images/a.png"));
        assert!(!is_remote("cover.jpg"));
    }

    #[test]
    fn a_bundle_belongs_to_the_folder_above() {
        assert_eq!(
            section_of(Path::new("content/posts/a.md")),
            Path::new("content/posts")
        );
        assert_eq!(
            section_of(Path::new("content/posts/a/index.md")),
            Path::new("content/posts")
        );
    }

    #[test]
    fn summary_of_a_post() {
        let post = Post::parse(
            "posts/a.md",
            "---\ntitle: Hello\nslug: hello\ncover:\n  image: /img/c.png\n---\n".into(),
        );
        let summary = PostSummary::of(&post, &Context::default());
        assert_eq!(summary.title.as_ref().unwrap().text, "Hello");
        assert_eq!(summary.slug.as_ref().unwrap().0.text, "hello");
        let cover = summary.cover.unwrap();
        assert_eq!((cover.text.as_str(), cover.line), ("/img/c.png", 5));
    }
}
