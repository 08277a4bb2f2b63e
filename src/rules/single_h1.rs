//! `single-h1`: a post has one h1, its title. markdownlint's MD025 at `level` 1, exactly.

use serde::Deserialize;

use super::title_heading::title_heading;
use super::{Context, Rule};
use crate::diagnostic::{Finding, LineIndex};
use crate::post::Post;

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SingleH1 {}

fn title_message() -> &'static str {
    "the page's title is already its h1; this is a second h1"
}

fn title_help() -> &'static str {
    "make this heading an h2 (`## `), or remove `title` from the front matter if this heading \
     is meant to be the title"
}

fn repeated_title_help() -> &'static str {
    "delete this heading: it repeats the title, which the page already shows as its h1"
}

/// Whether a heading says what the front matter title says, letter for letter, ignoring
/// case, spaces and punctuation.
fn repeats(heading: &str, title: &str) -> bool {
    let letters = |text: &str| -> String {
        text.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let heading = letters(heading);
    !heading.is_empty() && heading == letters(title)
}

fn second_message(first_line: usize) -> String {
    format!("post already has an h1 on line {first_line}; this is a second h1")
}

fn second_help() -> &'static str {
    "make this heading an h2 (`## `): a post has one h1, its title"
}

impl Rule for SingleH1 {
    fn check(&self, post: &Post, context: &Context, findings: &mut Vec<Finding>) {
        let mut h1s = post.headings.iter().filter(|heading| heading.level == 1);
        if let Some(title) = title_heading(post, context).filter(|title| title.level == 1) {
            let title_text = post
                .value("title")
                .and_then(|value| value.as_text())
                .unwrap_or_default();
            for heading in h1s {
                let help = if repeats(&heading.plain_text, title_text) {
                    repeated_title_help()
                } else {
                    title_help()
                };
                findings.push(
                    Finding::new(heading.line_range.clone(), title_message())
                        .label("extra h1")
                        .help(help)
                        .secondary(title.range.clone(), title.why.clone()),
                );
            }
            return;
        }
        // As in MD025, an h1 after other content is not taken as the title, and then no h1
        // is reported.
        let Some(first) = h1s.next().filter(|_| post.opens_with_h1) else {
            return;
        };
        let first_line = LineIndex::new(&post.source)
            .line_column(first.line_range.start)
            .line;
        for heading in h1s {
            findings.push(
                Finding::new(heading.line_range.clone(), second_message(first_line))
                    .label("extra h1")
                    .help(second_help())
                    .secondary(first.line_range.clone(), "the post's h1"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::check;

    fn lines(source: &str) -> Vec<String> {
        check(&SingleH1::default(), source)
            .into_iter()
            .map(|finding| source[finding.range].to_owned())
            .collect()
    }

    #[test]
    fn one_h1_passes() {
        assert!(lines("# Title\n\n## a\n\n## b\n").is_empty());
        assert!(lines("## a\n\n## b\n").is_empty());
        assert!(lines("---\ntitle: t\n---\n## a\n").is_empty());
    }

    #[test]
    fn later_h1s_are_reported_when_the_first_opens_the_post() {
        assert_eq!(lines("# One\n\n# Two\n\n# Three\n"), ["# Two", "# Three"]);
        assert_eq!(lines("\n<!-- note -->\n\n# One\n\n> # Two\n"), ["# Two"]);
        assert_eq!(lines("One\n===\n\n- # Two\n"), ["# Two"]);
    }

    #[test]
    fn nothing_is_reported_when_content_comes_first() {
        assert!(lines("Intro\n\n# One\n\n# Two\n").is_empty());
        assert!(lines("[a]: https://example.com\n\n# One\n\n# Two\n").is_empty());
        assert!(
            lines("  <!-- indented, so not a comment to markdownlint -->\n# One\n# Two\n")
                .is_empty()
        );
        assert!(lines("<!-- a --> text\n\n# One\n\n# Two\n").is_empty());
    }

    #[test]
    fn a_front_matter_title_makes_every_h1_a_second_one() {
        assert_eq!(
            lines("---\ntitle: t\n---\n# One\n\n# Two\n"),
            ["# One", "# Two"]
        );
        assert_eq!(lines("+++\ntitle = 't'\n+++\nIntro\n\n# One\n"), ["# One"]);
        assert!(lines("---\nsubtitle: t\n---\nIntro\n\n# One\n\n# Two\n").is_empty());
    }

    #[test]
    fn an_h1_that_repeats_the_title_is_to_be_deleted() {
        let helps = |source: &str| -> Vec<String> {
            check(&SingleH1::default(), source)
                .into_iter()
                .map(|finding| finding.help.unwrap_or_default())
                .collect()
        };
        assert_eq!(
            helps("---\ntitle: \"Async Rust, in practice\"\n---\n# Async Rust in Practice\n"),
            [repeated_title_help()]
        );
        assert_eq!(
            helps("---\ntitle: Async Rust\n---\n# Setting up\n"),
            [title_help()]
        );
    }

    #[test]
    fn messages_name_the_first_h1_or_the_title() {
        let findings = check(&SingleH1::default(), "# One\n\nText\n\n# Two\n");
        assert_eq!(
            findings[0].message,
            "post already has an h1 on line 1; this is a second h1"
        );
        assert_eq!(findings[0].secondary[0].range, 0..5);
        let source = "---\ntitle: t\n---\n# One\n";
        let findings = check(&SingleH1::default(), source);
        assert_eq!(findings[0].message, title_message());
        assert_eq!(&source[findings[0].secondary[0].range.clone()], "title");
    }

    #[test]
    fn a_quote_that_ends_the_file_opens_it_as_in_markdownlint() {
        // MD025 does not find a nested first h1 among the top-level tokens, and then asks
        // whether all but the document's last token are blank.
        assert_eq!(lines("> # One\n> # Two"), ["# Two"]);
        assert!(lines("> # One\n> # Two\n").is_empty());
    }
}
