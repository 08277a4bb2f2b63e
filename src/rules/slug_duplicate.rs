//! `slug-duplicate`: two posts that would be published at the same URL.

use serde::Deserialize;

use super::{Context, Rule};
use crate::diagnostic::Finding;
use crate::site::{PostSummary, duplicate_groups, section_of};

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SlugDuplicate {}

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

impl Rule for SlugDuplicate {
    fn check(&self, _: &crate::post::Post, _: &Context, _: &mut Vec<Finding>) {}

    fn is_site_wide(&self) -> bool {
        true
    }

    fn check_site(&self, posts: &[PostSummary], _: &Context, findings: &mut Vec<(usize, Finding)>) {
        // Posts in one folder share a URL prefix; generators lowercase URLs or serve them
        // from case-insensitive file systems, so `My-Post` and `my-post` collide.
        let by_url = duplicate_groups(posts, |post| {
            let (slug, _) = post.slug.as_ref()?;
            (!slug.text.is_empty()).then(|| (section_of(&post.path), slug.text.to_lowercase()))
        });
        for group in &by_url {
            for &index in group {
                let post = &posts[index];
                let Some((slug, _)) = &post.slug else {
                    continue;
                };
                let (others, count) = others_in(group, index);
                let mut finding = Finding::new(
                    slug.range(),
                    format!(
                        "slug `{}` is also the slug of {}; both would be published at one URL",
                        slug.text,
                        others_text(posts, &others, count, |other| other
                            .slug
                            .as_ref()
                            .map_or(1, |(slug, _)| slug.line()))
                    ),
                )
                .label("same URL as another post")
                .help(
                    "give one of them another slug (or rename its file); the generator \
                     overwrites one page with the other, or refuses to build",
                );
                for &other in &others {
                    if let Some((other_slug, _)) = &posts[other].slug {
                        finding = finding.related(
                            posts[other].path.to_path_buf(),
                            other_slug.range(),
                            "the same slug here",
                        );
                    }
                }
                findings.push((index, finding));
            }
        }
    }
}
