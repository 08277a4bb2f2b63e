//! `heading-increment`: a heading is at most one level deeper than the one before it.
//! markdownlint's MD001, exactly.

use serde::Deserialize;

use super::title_heading::title_heading;
use super::{Context, Rule};
use crate::diagnostic::{Applicability, Edit, Finding, Fix};
use crate::post::Post;

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct HeadingIncrement {}

/// Moves the heading at `index` up to `expected`, and its sub-headings (the headings after
/// it that are deeper) up by as many levels. Unsafe: it changes the outline, and the ids
/// of the headings stay but their level does not. Only ATX headings are re-levelled: a
/// heading that jumps is h3 or deeper, which setext cannot write.
fn relevel(post: &Post, index: usize, expected: u8) -> Option<Fix> {
    let headings = &post.headings;
    let level = headings[index].level;
    let shift = level - expected;
    let mut edits = Vec::new();
    for heading in std::iter::once(&headings[index]).chain(
        headings[index + 1..]
            .iter()
            .take_while(|heading| heading.level > level),
    ) {
        let start = heading.line_range.start;
        let marker = post.source[start..]
            .bytes()
            .take_while(|&b| b == b'#')
            .count();
        if marker != usize::from(heading.level) {
            return None;
        }
        edits.push(Edit {
            range: start..start + marker,
            replacement: "#".repeat(usize::from(heading.level - shift)),
        });
    }
    Some(Fix {
        applicability: Applicability::Unsafe,
        message: if edits.len() == 1 {
            format!("make it an h{expected}")
        } else {
            format!(
                "make it an h{expected}, and move its sub-headings up {}",
                super::plural(usize::from(shift), "level")
            )
        },
        edits,
    })
}

impl Rule for HeadingIncrement {
    fn check(&self, post: &Post, context: &Context, findings: &mut Vec<Finding>) {
        // The title the template prints above the body starts the outline.
        let title = title_heading(post, context);
        let mut previous: Option<(u8, Option<&std::ops::Range<usize>>)> =
            title.as_ref().map(|title| (title.level, None));
        for (index, heading) in post.headings.iter().enumerate() {
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
                    None => match &title {
                        Some(title) => finding.secondary(title.range.clone(), title.why.clone()),
                        None => finding,
                    },
                };
                if let Some(fix) = relevel(post, index, expected) {
                    finding = finding.fix(fix);
                }
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
