//! Where a post's links and images point, and the ids its headings answer to.

use std::collections::HashSet;
use std::ops::Range;
use std::path::Path;

use super::heading_ids::{IdScheme, Inline, github_slug, page_ids};
use crate::post::body::Piece;
use crate::post::{LinkKind, Post, Value, ValueKind};
use crate::rules::{Context, Expect, FieldState, field_state};

/// The cover image, when it is a path on this site (not a URL), with its range.
pub fn local_cover<'a>(post: &'a Post, context: &'a Context) -> Option<(&'a str, Range<usize>)> {
    match field_state(post, &context.profile.fields.cover, Expect::Image) {
        FieldState::Set(_, value) => image_path(value),
        _ => None,
    }
}

/// Where the body's written links and images point, when that is a place on this site (a
/// relative path, an absolute path, or `#fragment`), not a URL elsewhere: links, then
/// images.
pub fn local_targets(post: &Post) -> Vec<(&str, Range<usize>)> {
    let links = post
        .links
        .iter()
        .filter(|link| link.kind == LinkKind::Written)
        .map(|link| (&link.destination, &link.range));
    let images = post
        .images
        .iter()
        .map(|image| (&image.destination, &image.range));
    links
        .chain(images)
        .filter(|(destination, _)| is_local(destination))
        .map(|(destination, range)| (destination.trim(), range.clone()))
        .collect()
}

/// A link target on this site: not a URL of another, not empty, not `mailto:`.
fn is_local(target: &str) -> bool {
    let target = target.trim();
    !target.is_empty() && !is_remote(target) && !has_scheme(target)
}

/// `tel:`, `javascript:`, `ftp:`: anything with a URL scheme.
fn has_scheme(target: &str) -> bool {
    let Some(colon) = target.find(':') else {
        return false;
    };
    let scheme = &target[..colon];
    !scheme.is_empty()
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        && !target[..colon].contains('/')
}

/// The fragments a post answers to: each heading's id as the site's generator makes it
/// (`scheme`), and the `id` and `name` attributes of its HTML.
pub fn anchors(post: &Post, scheme: Option<IdScheme>) -> Vec<String> {
    let mut anchors = match scheme {
        Some(scheme) => heading_ids(post, scheme).into_iter().flatten().collect(),
        // A renderer postlint does not know: GitHub's ids, as forges make them; fragments
        // that match a heading's text loosely are taken too (`loose_anchors`).
        None => made_ids(post, IdScheme::Github),
    };
    html_ids(post, &mut anchors);
    anchors
}

/// The ids the generator gives the post's headings, in order; an empty one where it gives
/// none, and `None` where the heading holds template syntax whose output is part of the id
/// (`## Filters {% include badge.html %}`).
pub fn heading_ids(post: &Post, scheme: IdScheme) -> Vec<Option<String>> {
    let templated = !matches!(scheme, IdScheme::Github | IdScheme::Astro);
    made_ids(post, scheme)
        .into_iter()
        .zip(&post.headings)
        .map(|(id, heading)| {
            let text = &heading.source_text;
            (!(templated && (text.contains("{{") || text.contains("{%")))).then_some(id)
        })
        .collect()
}

fn made_ids(post: &Post, scheme: IdScheme) -> Vec<String> {
    let kramdown = matches!(scheme, IdScheme::Kramdown { .. } | IdScheme::KramdownGfm);
    let headings: Vec<(Vec<Inline>, Option<String>)> = post
        .headings
        .iter()
        .map(|heading| {
            let line = &post.source[heading.line_range.clone()];
            let mut explicit = scheme
                .reads_braced_ids()
                .then(|| explicit_id(line))
                .flatten();
            if kramdown && explicit.is_none() {
                explicit = attribute_list_id(&post.source[heading.line_range.end..]);
            }
            let inlines = match scheme {
                // kramdown reads the heading's Markdown as written.
                IdScheme::Kramdown { .. } => {
                    vec![Inline::Text(without_braced_id(&heading.source_text))]
                }
                _ => heading.pieces.iter().map(Piece::as_inline).collect(),
            };
            (inlines, explicit)
        })
        .collect();
    let borrowed: Vec<(&[Inline], Option<&str>)> = headings
        .iter()
        .map(|(inlines, explicit)| (inlines.as_slice(), explicit.as_deref()))
        .collect();
    page_ids(scheme, &borrowed)
}

/// `Text {#id}` without its `{#id}`.
fn without_braced_id(text: &str) -> &str {
    let trimmed = text.trim_end();
    match trimmed.strip_suffix('}').and_then(|rest| rest.rfind('{')) {
        Some(open) if trimmed[open..].starts_with("{#") => trimmed[..open].trim_end(),
        _ => text,
    }
}

/// The id of a kramdown attribute list on the line after a heading (`{: #id}`).
fn attribute_list_id(after_heading: &str) -> Option<String> {
    let rest = after_heading
        .strip_prefix("\r\n")
        .or_else(|| after_heading.strip_prefix('\n'))?;
    let line = rest.lines().next()?.trim();
    if !line.starts_with("{:") {
        return None;
    }
    explicit_id(line)
}

/// The `id` and `name` attributes of the post's HTML, quoted or not, and the `id=`
/// arguments of its template tags (`{{< warning id=open-relay >}}`), which themes print as
/// ids.
fn html_ids(post: &Post, anchors: &mut Vec<String>) {
    let body = &post.source[post.body_start..];
    let bytes = body.as_bytes();
    for attribute in ["id=", "name="] {
        for at in memchr::memmem::find_iter(bytes, attribute) {
            if at > 0 && bytes[at - 1].is_ascii_alphanumeric() {
                continue;
            }
            let after = &body[at + attribute.len()..];
            let value = match after.as_bytes().first() {
                Some(&quote @ (b'"' | b'\'')) => {
                    memchr::memchr(quote, &after.as_bytes()[1..]).map(|end| &after[1..1 + end])
                }
                Some(_) => {
                    let end = after
                        .find(|c: char| c.is_whitespace() || matches!(c, '>' | '}' | '/' | '%'))
                        .unwrap_or(after.len());
                    Some(&after[..end])
                }
                None => None,
            };
            if let Some(value) = value.filter(|value| !value.is_empty()) {
                anchors.push(value.to_owned());
            }
        }
    }
}

/// The id a heading line gives itself: `{#id}` (Hugo, Zola, Docusaurus, VitePress),
/// `{: #id}` (kramdown) or `{/* #id */}` (Docusaurus's MDX form).
fn explicit_id(line: &str) -> Option<String> {
    let line = line.trim_end().trim_end_matches('#').trim_end();
    let inner = line.strip_suffix('}')?;
    let open = inner.rfind('{')?;
    let inner = inner[open + 1..]
        .trim()
        .trim_start_matches(':')
        .trim_start()
        .trim_start_matches("/*")
        .trim_end_matches("*/")
        .trim();
    let id = inner.strip_prefix('#')?;
    let id = id.split_whitespace().next().unwrap_or_default();
    (!id.is_empty()).then(|| id.to_owned())
}

/// The ids a heading may have under any generator's scheme, loosely: GitHub's, Hugo's,
/// Hexo's, kramdown's and Zola's ids differ in case, in what becomes a `-` and in
/// transliteration, and all of them read the same here.
pub fn loose_anchors(post: &Post) -> HashSet<String> {
    let mut loose = HashSet::new();
    for heading in &post.headings {
        let text = &heading.plain_text;
        loose.insert(loosely(text));
        loose.insert(loosely(&deunicode::deunicode(text)));
    }
    loose
}

/// Text as a loose id: lowercase letters and digits, each other run one `-`.
pub fn loosely(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut separator = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            if separator && !out.is_empty() {
                out.push('-');
            }
            separator = false;
            out.push(c);
        } else {
            separator = true;
        }
    }
    out
}

/// A heading's id as github-slugger makes it: lowercase, spaces to hyphens, and anything
/// but letters, numbers, `-` and `_` dropped. CJK text stays as it is.
pub fn heading_anchor(text: &str) -> String {
    let text = text.strip_suffix('}').map_or(text, |rest| {
        rest.rfind("{#")
            .map_or(text, |start| rest[..start].trim_end())
    });
    github_slug(text.trim())
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
    fn heading_anchors_as_github_makes_them() {
        assert_eq!(heading_anchor("Getting Started"), "getting-started");
        assert_eq!(heading_anchor("What's *new* in 2.0?"), "whats-new-in-20");
        assert_eq!(
            heading_anchor("一、ChatGPT 是否支持图片生成"),
            "一chatgpt-是否支持图片生成"
        );
        assert_eq!(heading_anchor("Custom {#my-id}"), "custom");
        assert_eq!(explicit_id("## Custom {#my-id}").as_deref(), Some("my-id"));
        assert_eq!(
            explicit_id("## Custom {: #kramdown}").as_deref(),
            Some("kramdown")
        );
        assert_eq!(
            explicit_id("### Stage 0: Class Properties { /*#stage-0:-class-properties*/ }")
                .as_deref(),
            Some("stage-0:-class-properties")
        );
        assert_eq!(explicit_id("## Plain {braces}"), None);
        assert_eq!(
            loosely("Required Node.js version"),
            "required-node-js-version"
        );
        assert_eq!(
            loosely("Required-Node-js-version"),
            "required-node-js-version"
        );
    }

    #[test]
    fn targets_and_anchors() {
        let post = Post::parse(
            "posts/a.md",
            "---\ntitle: T\n---\n## Setup\n\n## Setup\n\n## Own {#mine}\n\n<a name=\"old\"></a>\n[a](#setup) [b](https://x.org) [c](../b.md) [d](mailto:x@y.z) ![i](img/p.png)\n".into(),
        );
        let targets: Vec<&str> = local_targets(&post)
            .into_iter()
            .map(|(text, _)| text)
            .collect();
        assert_eq!(targets, ["#setup", "../b.md", "img/p.png"]);
        // An unknown renderer: GitHub's ids, `{#mine}` read as Docusaurus and Hugo read it.
        assert_eq!(anchors(&post, None), ["setup", "setup-1", "mine", "old"]);
        assert_eq!(
            anchors(&post, Some(IdScheme::HugoGithub)),
            ["setup", "setup-1", "mine", "old"]
        );
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
}
