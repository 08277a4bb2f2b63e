//! `title-duplicate`: two posts with the same title.

use serde::Deserialize;

use super::url_duplicate::{others_in, others_text};
use super::{Context, Rule};
use crate::diagnostic::Finding;
use crate::site::{PostSummary, duplicate_groups};

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TitleDuplicate {}

/// Titles compare without regard to case or runs of whitespace.
fn normalized(title: &str) -> String {
    title
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl Rule for TitleDuplicate {
    fn check(&self, _: &crate::post::Post, _: &Context, _: &mut Vec<Finding>) {}

    fn is_site_wide(&self) -> bool {
        true
    }

    fn check_site(&self, posts: &[PostSummary], _: &Context, findings: &mut Vec<(usize, Finding)>) {
        let by_title = duplicate_groups(posts, |post| {
            // Only pages people find by their titles: not a README beside them.
            if !crate::site::PUBLISHED.contains(&post.kind) {
                return None;
            }
            let title = post.title.as_ref()?;
            (!title.text.is_empty()).then(|| normalized(&title.text))
        });
        for group in &by_title {
            for &index in group {
                let Some(title) = &posts[index].title else {
                    continue;
                };
                let (others, count) = others_in(group, index);
                let mut finding = Finding::new(
                    title.range(),
                    format!(
                        "title is also the title of {}",
                        others_text(posts, &others, count, |other| other
                            .title
                            .as_ref()
                            .map_or(1, |title| title.line()))
                    ),
                )
                .label("same title as another post")
                .help(
                    "make each title say what sets its post apart; search results and tabs \
                     show two identical titles side by side",
                );
                for &other in &others {
                    if let Some(other_title) = &posts[other].title {
                        finding = finding.related(
                            posts[other].path.to_path_buf(),
                            other_title.range(),
                            "the same title here",
                        );
                    }
                }
                findings.push((index, finding));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::site::Located;

    fn post(index: usize, title: &str) -> PostSummary {
        PostSummary {
            path: PathBuf::from(format!("posts/{index:02}.md")).into(),
            kind: crate::site::Kind::Post,
            url: None,
            title: Some(Located::new(title, 10..10 + title.len(), 2)),
            suppressions: None,
        }
    }

    #[test]
    fn a_big_group_names_one_counts_the_rest_and_shows_three() {
        let posts: Vec<PostSummary> = (0..12).map(|i| post(i, "The  same Title")).collect();
        let mut findings = Vec::new();
        TitleDuplicate {}.check_site(&posts, &Context::default(), &mut findings);
        assert_eq!(findings.len(), 12);
        let (index, first) = &findings[0];
        assert_eq!(*index, 0);
        assert_eq!(
            first.message,
            "title is also the title of `posts/01.md` (line 2) and 10 more"
        );
        assert_eq!(first.related.len(), 3);
        assert!(findings.iter().all(|(_, f)| f.related.len() == 3));
        assert!(
            findings[5]
                .1
                .message
                .starts_with("title is also the title of `posts/00.md`")
        );
    }
}
