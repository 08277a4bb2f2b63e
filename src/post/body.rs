//! One pulldown-cmark pass over the Markdown body, offsets shifted to the whole file.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// An ATX or setext heading of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// 1 to 6.
    pub level: u8,
    /// The heading's text, without markers or closing `#`s.
    pub text: String,
    /// The heading's first line, without its line ending: where reports point.
    pub line_range: Range<usize>,
}

/// The extensions markdownlint's parser (micromark with GFM) also reads, so that headings
/// agree: a table's delimiter row, for one, must not turn its header into a setext heading.
fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
}

/// Collects the headings of `source[body_start..]`.
pub fn headings(source: &str, body_start: usize) -> Vec<Heading> {
    let body = &source[body_start..];
    let mut headings = Vec::new();
    let mut current: Option<(u8, usize, String)> = None;
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                current = Some((level as u8, range.start, String::new()));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, start, text)) = current.take() {
                    let line_end = body[start..]
                        .find(['\n', '\r'])
                        .map_or(body.len(), |i| start + i);
                    headings.push(Heading {
                        level,
                        text: text.trim().to_owned(),
                        line_range: body_start + start..body_start + line_end,
                    });
                }
            }
            Event::Text(text) | Event::Code(text) | Event::InlineHtml(text) => {
                if let Some((_, _, heading_text)) = current.as_mut() {
                    heading_text.push_str(&text);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some((_, _, heading_text)) = current.as_mut() {
                    heading_text.push(' ');
                }
            }
            _ => {}
        }
    }
    headings
}

#[cfg(test)]
mod tests {
    use super::*;

    fn levels(source: &str) -> Vec<(u8, String)> {
        headings(source, 0)
            .into_iter()
            .map(|h| (h.level, h.text))
            .collect()
    }

    #[test]
    fn atx_and_setext() {
        let source = "# One\n\nTwo\n===\n\nThree\n---\n\n### Four ###\n";
        assert_eq!(
            levels(source),
            [
                (1, "One".into()),
                (1, "Two".into()),
                (2, "Three".into()),
                (3, "Four".into())
            ]
        );
    }

    #[test]
    fn not_in_code_or_html_blocks() {
        let source = "```\n# no\n```\n\n    # no\n\n<div>\n# no\n</div>\n\n## yes\n";
        assert_eq!(levels(source), [(2, "yes".into())]);
    }

    #[test]
    fn in_block_quotes_and_lists() {
        let source = "> ## quoted\n\n- ### listed\n";
        assert_eq!(levels(source), [(2, "quoted".into()), (3, "listed".into())]);
    }

    #[test]
    fn seven_hashes_is_a_paragraph() {
        assert!(levels("####### no\n").is_empty());
    }

    #[test]
    fn a_table_is_not_a_setext_heading() {
        assert!(levels("a | b\n--- | ---\n1 | 2\n").is_empty());
    }

    #[test]
    fn ranges_are_file_offsets_of_the_first_line() {
        let source = "---\na: b\n---\nSetext\ntext\n---\n";
        let found = headings(source, 13);
        assert_eq!(found.len(), 1);
        assert_eq!(&source[found[0].line_range.clone()], "Setext");
        assert_eq!(found[0].text, "Setext text");
    }

    #[test]
    fn crlf_is_not_part_of_the_line() {
        let source = "## A\r\n";
        assert_eq!(&source[headings(source, 0)[0].line_range.clone()], "## A");
    }
}
