//! `heading-empty`: a heading marker with no text after it (`##`, `## ##`).

use serde::Deserialize;

use super::{Context, Rule};
use crate::diagnostic::Finding;
use crate::post::Post;

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct HeadingEmpty {}

fn message() -> &'static str {
    "heading has no text"
}

fn help(level: u8) -> String {
    format!(
        "write the section's title after the `{} `, or remove the line if it is not a heading",
        "#".repeat(usize::from(level))
    )
}

impl Rule for HeadingEmpty {
    fn check(&self, post: &Post, _: &Context, findings: &mut Vec<Finding>) {
        for heading in post.headings.iter().filter(|heading| heading.empty) {
            findings.push(
                Finding::new(heading.line_range.clone(), message())
                    .label(format!("empty h{}", heading.level))
                    .help(help(heading.level)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::check;

    fn lines(source: &str) -> Vec<String> {
        check(&HeadingEmpty::default(), source)
            .into_iter()
            .map(|finding| source[finding.range].to_owned())
            .collect()
    }

    #[test]
    fn headings_with_text_pass() {
        assert!(lines("# a\n\n## b ##\n\nC\n---\n\n## `#`\n\n## \\#\n").is_empty());
        // Inline HTML or an image is content, even without words.
        assert!(lines("## <img src=\"logo.png\">\n\n## ![](logo.png)\n").is_empty());
        // Seven `#`s and a `#` without a space are paragraphs, not headings.
        assert!(lines("#######\n\n#hashtag\n").is_empty());
    }

    #[test]
    fn markers_alone_are_reported() {
        assert_eq!(
            lines("#\n\n## ##\n\n###   \n\n> ####\n\n- #####  #\n"),
            ["#", "## ##", "###   ", "####", "#####  #"]
        );
    }

    #[test]
    fn not_in_code() {
        assert!(lines("```\n##\n```\n\n    ##\n").is_empty());
    }

    #[test]
    fn message_and_help() {
        let findings = check(&HeadingEmpty::default(), "text\n\n###\n");
        assert_eq!(findings[0].message, "heading has no text");
        assert_eq!(findings[0].label.as_deref(), Some("empty h3"));
        assert!(findings[0].help.as_deref().unwrap().contains("`### `"));
    }
}
