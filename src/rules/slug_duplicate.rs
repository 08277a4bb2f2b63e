//! `slug-duplicate`: two posts that would be published at the same URL.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use super::{Context, Rule};
use crate::diagnostic::Finding;
use crate::site::{PostSummary, section_of};

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SlugDuplicate {}

/// "`posts/b.md` (line 3)", and how many more.
pub fn others_text(
    posts: &[PostSummary],
    others: &[usize],
    line: impl Fn(&PostSummary) -> usize,
) -> String {
    let first = &posts[others[0]];
    let mut text = format!("`{}` (line {})", first.path.display(), line(first));
    if others.len() > 1 {
        text.push_str(&format!(" and {} more", others.len() - 1));
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
        let mut by_url: BTreeMap<(&Path, String), Vec<usize>> = BTreeMap::new();
        for (index, post) in posts.iter().enumerate() {
            if let Some((slug, _)) = &post.slug
                && !slug.text.is_empty()
            {
                by_url
                    .entry((section_of(&post.path), slug.text.to_lowercase()))
                    .or_default()
                    .push(index);
            }
        }
        for group in by_url.values().filter(|group| group.len() > 1) {
            for &index in group {
                let post = &posts[index];
                let Some((slug, _)) = &post.slug else {
                    continue;
                };
                let others: Vec<usize> = group.iter().copied().filter(|&i| i != index).collect();
                let mut finding = Finding::new(
                    slug.range.clone(),
                    format!(
                        "slug `{}` is also the slug of {}; both would be published at one URL",
                        slug.text,
                        others_text(posts, &others, |other| other
                            .slug
                            .as_ref()
                            .map_or(1, |(slug, _)| slug.line))
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
                            posts[other].path.clone(),
                            other_slug.range.clone(),
                            "the same slug here",
                        );
                    }
                }
                findings.push((index, finding));
            }
        }
    }
}
