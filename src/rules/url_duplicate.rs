//! `url-duplicate`: two pages the generator would publish at one URL.

use serde::Deserialize;

use super::{Context, Rule};
use crate::diagnostic::Finding;
use crate::site::{PostSummary, duplicate_groups};

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct UrlDuplicate {}

/// How many of the other posts in a group of duplicates are shown beside each one: a
/// title shared by a thousand posts gives each of them a few places to look, not a
/// thousand (which would make the report grow with the square of the group).
pub const OTHERS_SHOWN: usize = 3;

/// The first [`OTHERS_SHOWN`] posts of `group` other than `index`, and how many others
/// there are in all.
pub fn others_in(group: &[usize], index: usize) -> (Vec<usize>, usize) {
    let shown = group
        .iter()
        .copied()
        .filter(|&other| other != index)
        .take(OTHERS_SHOWN)
        .collect();
    (shown, group.len() - 1)
}

/// "`posts/b.md` (line 3)", and how many more of the `count` others.
pub fn others_text(
    posts: &[PostSummary],
    others: &[usize],
    count: usize,
    line: impl Fn(&PostSummary) -> usize,
) -> String {
    let first = &posts[others[0]];
    let mut text = format!("`{}` (line {})", first.path.display(), line(first));
    if count > 1 {
        text.push_str(&format!(" and {} more", count - 1));
    }
    text
}

/// A URL as two of them are compared: without percent-encoding, so that `/中文/` and
/// `/%E4%B8%AD%E6%96%87/` are one address.
fn comparable(url: &str) -> String {
    crate::site::clean_target(url)
}

impl Rule for UrlDuplicate {
    fn check(&self, _: &crate::post::Post, _: &Context, _: &mut Vec<Finding>) {}

    fn is_site_wide(&self) -> bool {
        true
    }

    fn check_site(&self, posts: &[PostSummary], _: &Context, findings: &mut Vec<(usize, Finding)>) {
        // Only the pages the site model gives a whole URL: a draft is not built, and a URL
        // with a part only a plugin knows is never compared.
        let by_url = duplicate_groups(posts, |post| Some(comparable(&post.url.as_ref()?.url.text)));
        for group in &by_url {
            for &index in group {
                let Some(at) = &posts[index].url else {
                    continue;
                };
                let (others, count) = others_in(group, index);
                let label = if at.set {
                    "sets the same URL as another page"
                } else {
                    "the path gives the same URL as another page"
                };
                let mut finding = Finding::new(
                    at.url.range(),
                    format!(
                        "`{}` is also the URL of {}; the generator writes only one of them",
                        at.url.text,
                        others_text(posts, &others, count, |other| other
                            .url
                            .as_ref()
                            .map_or(1, |at| at.url.line()))
                    ),
                )
                .label(label)
                .help(
                    "give one of them another slug (or rename its file or folder); the \
                     generator overwrites one page with the other, or refuses to build",
                );
                for &other in &others {
                    if let Some(other_at) = &posts[other].url {
                        finding = finding.related(
                            posts[other].path.to_path_buf(),
                            other_at.url.range(),
                            "the same URL here",
                        );
                    }
                }
                findings.push((index, finding));
            }
        }
    }
}
