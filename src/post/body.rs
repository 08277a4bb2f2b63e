//! One pulldown-cmark pass over the Markdown body, offsets shifted to the whole file.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::micromark;

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

/// A heading as pulldown-cmark reports it, before the micromark adjustments.
struct RawHeading {
    level: u8,
    /// Body offset where the heading's first line starts.
    start: usize,
    text: String,
    /// For a heading of several lines: the body offset of its second line, and the length
    /// of the text that came from the first.
    second_line: Option<(usize, usize)>,
    softbreak_pending: bool,
}

/// Collects the headings of `source[body_start..]`, as markdownlint finds them.
pub fn headings(source: &str, body_start: usize) -> Vec<Heading> {
    let body = &source[body_start..];
    let mut raw = Vec::new();
    let mut opaque_blocks = Vec::new();
    let mut current: Option<RawHeading> = None;
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                current = Some(RawHeading {
                    level: level as u8,
                    start: range.start,
                    text: String::new(),
                    second_line: None,
                    softbreak_pending: false,
                });
            }
            Event::End(TagEnd::Heading(_)) => raw.extend(current.take()),
            Event::Start(Tag::CodeBlock(_) | Tag::HtmlBlock) => opaque_blocks.push(range),
            Event::Text(text) | Event::Code(text) | Event::InlineHtml(text) => {
                if let Some(heading) = current.as_mut() {
                    if heading.softbreak_pending {
                        heading.softbreak_pending = false;
                        heading.second_line = Some((range.start, heading.text.len()));
                    }
                    heading.text.push_str(&text);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(heading) = current.as_mut() {
                    heading.softbreak_pending = heading.second_line.is_none();
                    heading.text.push(' ');
                }
            }
            _ => {}
        }
    }

    let blocks = micromark::Blocks::scan(body, &opaque_blocks);
    raw.into_iter()
        .filter_map(|heading| {
            let line_start = line_start(body, heading.start);
            if blocks.in_math(line_start) {
                return None;
            }
            let is_setext = !body[heading.start..].starts_with('#');
            let (start, text) = if is_setext && blocks.is_directive_fence(line_start) {
                // The fence is a directive's, not heading text: the heading (if any) starts
                // on the next line.
                let (second, first_len) = heading.second_line?;
                (second, heading.text[first_len..].to_owned())
            } else {
                (heading.start, heading.text)
            };
            let line_end = body[start..]
                .find(['\n', '\r'])
                .map_or(body.len(), |i| start + i);
            Some(Heading {
                level: heading.level,
                text: text.trim().to_owned(),
                line_range: body_start + start..body_start + line_end,
            })
        })
        .collect()
}

/// The offset where the line holding `offset` starts.
fn line_start(body: &str, offset: usize) -> usize {
    body[..offset].rfind(['\n', '\r']).map_or(0, |i| i + 1)
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
    fn math_blocks_hide_headings_as_in_micromark() {
        assert!(levels("$$\n### x\n$$\n").is_empty());
        assert!(levels("para\n$$\n### x\n$$\n").is_empty());
        assert!(levels("$$ meta\n### x\n").is_empty());
        assert!(levels("$$$\n$$\n### x\n$$$\n").is_empty());
        assert_eq!(levels("$$x$$\n### y\n"), [(3, "y".into())]);
        assert_eq!(levels("$$\nx\n$$\n\n## after\n"), [(2, "after".into())]);
        assert!(levels("> $$\n> ### x\n> $$\n").is_empty());
    }

    #[test]
    fn directive_fences_are_not_setext_heading_text() {
        assert!(levels(":::note\n---\n:::\n").is_empty());
        let found = headings(":::note\nSome text\n---\n:::\n", 0);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].text, "Some text");
        assert_eq!(found[0].line_range, 8..17);
        // Without a name, `:::` is paragraph text.
        assert_eq!(levels(":::\n---\n"), [(2, ":::".into())]);
        // A closing fence inside a container is not text either.
        assert!(levels(":::tip\ntext\n\n:::\n---\n").is_empty());
    }

    #[test]
    fn crlf_is_not_part_of_the_line() {
        let source = "## A\r\n";
        assert_eq!(&source[headings(source, 0)[0].line_range.clone()], "## A");
    }
}
