//! What the site-wide rules know of each post: a small summary kept after the post itself
//! is dropped, so a run over a whole blog holds summaries, not sources.

use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};
use std::ops::Range;
use std::path::Path;

use super::{Kind, Url};
use crate::post::Post;
use crate::rules::{Context, Expect, FieldState, field_state};
use crate::suppress::Suppressions;

/// A piece of text in a post, where it is. Narrow (32 bytes and the text), as a site's
/// worth of them is held at once; posts are far smaller than 4 GiB.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    pub text: Box<str>,
    start: u32,
    end: u32,
    /// 1-based line of the start, for messages about another file.
    line: u32,
}

impl Located {
    pub fn new(text: &str, range: Range<usize>, line: usize) -> Located {
        let narrow = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Located {
            text: text.into(),
            start: narrow(range.start),
            end: narrow(range.end),
            line: narrow(line),
        }
    }

    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    pub fn line(&self) -> usize {
        self.line as usize
    }
}

/// One post, as the site-wide rules see it: what two posts can collide in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostSummary {
    pub path: Box<Path>,
    /// What the generator makes of the file.
    pub kind: Kind,
    /// Where the generator writes the page, when that is known and the page is built (not
    /// a draft): the URL as text, at the front matter value that sets it, or at the front
    /// matter's opening line when the path gives it (`set` false).
    pub url: Option<PublishedAt>,
    pub title: Option<Located>,
    /// Where the post turns rules off, which site-wide findings respect too; boxed, and
    /// only for the few posts that turn anything off, since a site's worth of summaries is
    /// held at once.
    pub suppressions: Option<Box<Suppressions>>,
}

/// A page's URL and the place in its file that decides it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublishedAt {
    pub url: Located,
    /// Whether the front matter sets it (a `slug`, `url`, `permalink`), rather than the path.
    pub set: bool,
}

impl PostSummary {
    pub fn of(post: &Post, context: &Context) -> PostSummary {
        let profile = &context.profile;
        let locate = |text: &str, range: Range<usize>| {
            let line = line_number(&post.source, range.start);
            Located::new(text, range, line)
        };
        let page = &post.page;
        let url = page
            .url
            .as_ref()
            .and_then(Url::comparable)
            .filter(|_| !page.draft)
            .map(|url| {
                let (range, set) = match &page.url_set_at {
                    Some(range) => (range.clone(), true),
                    None => (post.anchor(), false),
                };
                PublishedAt {
                    url: locate(url, range),
                    set,
                }
            });
        let title = match field_state(post, &profile.fields.title, Expect::Text) {
            FieldState::Set(_, value) => value
                .as_text()
                .map(|text| locate(text.trim(), value.range.clone())),
            _ => None,
        };
        PostSummary {
            path: post.path.as_path().into(),
            kind: page.kind,
            url,
            title,
            suppressions: (!post.suppressions.is_empty())
                .then(|| Box::new(post.suppressions.clone())),
        }
    }
}

/// The groups of two or more posts whose `key` is equal, each in the posts' order.
///
/// A site's worth of keys is never held at once: each post's key is hashed and dropped,
/// and only posts whose hashes meet are compared by their keys. Groups come in a fixed
/// order (by hash, then key), whatever the thread count.
pub fn duplicate_groups<'a, K: Hash + Ord>(
    posts: &'a [PostSummary],
    key: impl Fn(&'a PostSummary) -> Option<K>,
) -> Vec<Vec<usize>> {
    let hash = |key: &K| {
        // SipHash with fixed keys: the same hashes on every run.
        let mut hasher = std::hash::DefaultHasher::new();
        key.hash(&mut hasher);
        hasher.finish()
    };
    let mut hashed: Vec<(u64, usize)> = posts
        .iter()
        .enumerate()
        .filter_map(|(index, post)| key(post).map(|key| (hash(&key), index)))
        .collect();
    hashed.sort_unstable();
    let mut groups = Vec::new();
    for run in hashed
        .chunk_by(|a, b| a.0 == b.0)
        .filter(|run| run.len() > 1)
    {
        // Usually one key; a hash collision splits the run by key.
        let mut by_key: BTreeMap<K, Vec<usize>> = BTreeMap::new();
        for &(_, index) in run {
            if let Some(key) = key(&posts[index]) {
                by_key.entry(key).or_default().push(index);
            }
        }
        groups.extend(by_key.into_values().filter(|group| group.len() > 1));
    }
    groups
}

/// The 1-based line of `offset`, counted as [`LineIndex`](crate::diagnostic::LineIndex)
/// counts them, for the few places a summary keeps.
fn line_number(source: &str, offset: usize) -> usize {
    crate::diagnostic::line_ends(source)
        .take_while(|&end| end < offset)
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Context;
    use crate::site::links::local_cover;

    #[test]
    fn duplicate_groups_in_post_order() {
        let posts: Vec<PostSummary> = ["b", "a", "B", "c", "a", "b"]
            .iter()
            .enumerate()
            .map(|(index, title)| PostSummary {
                path: Path::new(&format!("{index}.md")).into(),
                kind: Kind::Post,
                url: None,
                title: Some(Located::new(title, 0..1, 1)),
                suppressions: None,
            })
            .collect();
        let mut groups = duplicate_groups(&posts, |post| {
            post.title.as_ref().map(|t| t.text.to_lowercase())
        });
        groups.sort();
        assert_eq!(groups, [vec![0, 2, 5], vec![1, 4]]);
    }

    #[test]
    fn summary_of_a_post() {
        let post = Post::parse(
            "posts/a.md",
            "---\ntitle: Hello\nslug: hello\ncover:\n  image: /img/c.png\n---\n".into(),
        );
        let context = Context::default();
        let summary = PostSummary::of(&post, &context);
        let title = summary.title.as_ref().unwrap();
        assert_eq!((&*title.text, title.line()), ("Hello", 2));
        let url = &summary.url.as_ref().unwrap().url;
        assert_eq!((&*url.text, url.line()), ("/posts/hello/", 3));
        let (cover, range) = local_cover(&post, &context).unwrap();
        assert_eq!((cover, &post.source[range]), ("/img/c.png", "/img/c.png"));
    }
}
