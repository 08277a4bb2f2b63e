//! `title-duplicate`: two posts with the same title.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::slug_duplicate::others_text;
use super::{Context, Rule};
use crate::diagnostic::Finding;
use crate::site::PostSummary;

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
        let mut by_title: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (index, post) in posts.iter().enumerate() {
            if let Some(title) = &post.title
                && !title.text.is_empty()
            {
                by_title
                    .entry(normalized(&title.text))
                    .or_default()
                    .push(index);
            }
        }
        for group in by_title.values().filter(|group| group.len() > 1) {
            for &index in group {
                let Some(title) = &posts[index].title else {
                    continue;
                };
                let others: Vec<usize> = group.iter().copied().filter(|&i| i != index).collect();
                let mut finding = Finding::new(
                    title.range.clone(),
                    format!(
                        "title is also the title of {}",
                        others_text(posts, &others, |other| other
                            .title
                            .as_ref()
                            .map_or(1, |title| title.line))
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
                            posts[other].path.clone(),
                            other_title.range.clone(),
                            "the same title here",
                        );
                    }
                }
                findings.push((index, finding));
            }
        }
    }
}
