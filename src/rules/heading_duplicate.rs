//! `heading-duplicate`: two sibling headings with the same text. markdownlint's MD024 with
//! `siblings_only`, exactly.

use std::collections::HashMap;

use serde::Deserialize;

use super::{Context, Rule};
use crate::diagnostic::{Finding, LineIndex};
use crate::post::{Heading, Post};

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct HeadingDuplicate {}

fn message(text: &str, first_line: usize) -> String {
    // Text with a code span is quoted the way Markdown quotes it: `` `Setup` ``.
    let quoted = if text.contains('`') {
        format!("`` {text} ``")
    } else {
        format!("`{text}`")
    };
    format!("heading {quoted} repeats a sibling heading on line {first_line}")
}

fn help() -> &'static str {
    "rename one of them (both get the same anchor link and look the same in the table of \
     contents), or merge the two sections"
}

impl Rule for HeadingDuplicate {
    fn check(&self, post: &Post, _: &Context, findings: &mut Vec<Finding>) {
        // The headings seen so far at each level under the current parent; index 0 unused.
        // A map per level, so that a post with many headings stays linear.
        let mut siblings: Vec<HashMap<&str, &Heading>> = vec![HashMap::new(); 7];
        let mut last_level = 1;
        let mut lines = None;
        for heading in &post.headings {
            let level = usize::from(heading.level);
            // Going deeper starts fresh lists; coming back up forgets the deeper ones.
            while last_level < level {
                last_level += 1;
                siblings[last_level].clear();
            }
            while last_level > level {
                siblings[last_level].clear();
                last_level -= 1;
            }
            // An empty heading is heading-empty's finding, not a duplicate.
            if heading.empty {
                continue;
            }
            let known = &mut siblings[level];
            match known.get(heading.text.as_str()) {
                Some(first) => {
                    let lines = lines.get_or_insert_with(|| LineIndex::new(&post.source));
                    let first_line = lines.line_column(first.line_range.start).line;
                    findings.push(
                        Finding::new(
                            heading.line_range.clone(),
                            message(heading.text.trim(), first_line),
                        )
                        .label("repeated heading")
                        .help(help())
                        .secondary(first.line_range.clone(), "first used here"),
                    );
                }
                None => {
                    known.insert(&heading.text, heading);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::check;

    fn lines(source: &str) -> Vec<String> {
        check(&HeadingDuplicate::default(), source)
            .into_iter()
            .map(|finding| source[finding.range].to_owned())
            .collect()
    }

    #[test]
    fn different_texts_and_different_parents_pass() {
        assert!(lines("# a\n## b\n## c\n").is_empty());
        // The changelog pattern: the same subsections under each release.
        assert!(lines("## 1.1\n### Added\n### Fixed\n## 1.0\n### Added\n### Fixed\n").is_empty());
        // The same text at another level is not a sibling.
        assert!(lines("## Setup\n### Setup\n").is_empty());
    }

    #[test]
    fn siblings_with_the_same_text_are_reported() {
        assert_eq!(lines("## Setup\n\n## Usage\n\n## Setup\n"), ["## Setup"]);
        assert_eq!(lines("# a\n## b\n### c\n## b\n"), ["## b"]);
        // Closing `#`s and setext style do not change the text.
        assert_eq!(lines("## Setup ##\n\nSetup\n---\n"), ["Setup"]);
    }

    #[test]
    fn text_is_compared_as_written() {
        assert!(lines("## Setup\n## setup\n").is_empty());
        assert!(lines("## Setup\n## *Setup*\n## `Setup`\n").is_empty());
        assert_eq!(lines("## *Setup*\n## *Setup*\n"), ["## *Setup*"]);
        // Inline HTML is left out, as markdownlint does, but the space before it is kept.
        let anchors = "## Setup <a id=\"x\"></a>\n## Setup <a id=\"y\"></a>\n## Setup\n";
        assert_eq!(lines(anchors), ["## Setup <a id=\"y\"></a>"]);
    }

    #[test]
    fn empty_headings_are_left_to_heading_empty() {
        assert!(lines("##\n## ##\n").is_empty());
    }

    #[test]
    fn message_names_the_first_line() {
        let findings = check(
            &HeadingDuplicate::default(),
            "## Setup\n\ntext\n\n## Setup\n",
        );
        assert_eq!(
            findings[0].message,
            "heading `Setup` repeats a sibling heading on line 1"
        );
        assert_eq!(findings[0].secondary[0].range, 0..8);
        assert_eq!(
            message("`Setup`", 3),
            "heading `` `Setup` `` repeats a sibling heading on line 3"
        );
    }
}
