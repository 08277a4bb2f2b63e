//! `heading-increment`: a heading is at most one level deeper than the one before it.
//! markdownlint's MD001, exactly.

use serde::Deserialize;

use super::{Context, Rule};
use crate::diagnostic::Finding;
use crate::post::Post;

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct HeadingIncrement {}

impl Rule for HeadingIncrement {
    fn check(&self, post: &Post, _: &Context, findings: &mut Vec<Finding>) {
        // The front matter title is the page's h1, before the first body heading.
        let mut previous: Option<(u8, Option<&std::ops::Range<usize>>)> =
            post.front_matter_title.then_some((1, None));
        for heading in &post.headings {
            if let Some((level, range)) = previous
                && heading.level > level + 1
            {
                let expected = level + 1;
                let mut finding = Finding::new(
                    heading.line_range.clone(),
                    format!(
                        "heading jumps from h{level} to h{}; expected h{expected}",
                        heading.level
                    ),
                )
                .label(format!("h{}", heading.level))
                .help(format!(
                    "make this an h{expected} (`{} `), or add the h{expected} it belongs under before it",
                    "#".repeat(usize::from(expected))
                ));
                finding = match range {
                    Some(range) => finding.secondary(range.clone(), format!("h{level}")),
                    None => finding.secondary(post.anchor(), "the front matter title counts as h1"),
                };
                findings.push(finding);
            }
            // After a jump, the skipped-to level is the new reference, as in MD001.
            previous = Some((heading.level, Some(&heading.line_range)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::check;

    fn lines(source: &str) -> Vec<String> {
        check(&HeadingIncrement::default(), source)
            .into_iter()
            .map(|finding| source[finding.range].to_owned())
            .collect()
    }

    #[test]
    fn in_order_and_going_back_up_pass() {
        assert!(lines("# a\n## b\n### c\n# d\n### e\n").len() == 1);
        assert!(lines("## a\n### b\n## c\n").is_empty());
        assert!(lines("#### first heading may be any level\n").is_empty());
    }

    #[test]
    fn only_the_first_of_a_run_is_reported() {
        assert_eq!(lines("# a\n### b\n### c\n#### d\n"), ["### b"]);
    }

    #[test]
    fn message_names_the_levels() {
        let findings = check(&HeadingIncrement::default(), "## a\n#### b\n");
        assert_eq!(
            findings[0].message,
            "heading jumps from h2 to h4; expected h3"
        );
    }

    #[test]
    fn a_front_matter_title_is_h1() {
        assert_eq!(lines("---\ntitle: t\n---\n### c\n"), ["### c"]);
        assert!(lines("---\ntitle: t\n---\n## b\n").is_empty());
        assert!(lines("---\nsubtitle: t\n---\n### c\n").is_empty());
        assert_eq!(lines("+++\ntitle = 't'\n+++\n### c\n"), ["### c"]);
    }

    #[test]
    fn setext_and_code_fences() {
        assert_eq!(lines("A\n===\n\n```\n## no\n```\n\n### c\n"), ["### c"]);
        assert_eq!(lines("# a\n\nB\n---\n\n#### d\n"), ["#### d"]);
    }
}
