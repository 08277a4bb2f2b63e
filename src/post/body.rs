//! One pulldown-cmark pass over the Markdown body, offsets shifted to the whole file.

use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use super::content::{Collector, Content, Hidden, inside};
use super::micromark;
use super::template::Regions;
use crate::site::heading_ids::{Container, Inline};
use crate::suppress;
use crate::text::line_start;

/// An ATX or setext heading of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// 1 to 6.
    pub level: u8,
    /// The heading's text as markdownlint compares it: the Markdown as written between the
    /// markers and the closing `#`s (`*Setup*` is not `Setup`), inline HTML outside other
    /// markup left out, line breaks read as spaces.
    pub text: String,
    /// Nothing follows the markers (`#`, `## ##`); inline HTML alone is something.
    pub empty: bool,
    /// The text a reader sees, without Markdown: what generators make the heading's id
    /// from.
    pub plain_text: String,
    /// The heading's first line, without its line ending: where reports point.
    pub line_range: Range<usize>,
    /// The heading's content piece by piece, as the generators make its id from it.
    pub pieces: Vec<Piece>,
    /// The Markdown of the heading's text as written, what kramdown makes an id from.
    pub source_text: String,
}

/// One piece of a heading's content, owned: [`crate::site::heading_ids::Inline`] borrows
/// from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    Entity { written: String, text: String },
    Code(String),
    Html(String),
    Open(Container),
    Close,
    Break,
}

impl Piece {
    pub fn as_inline(&self) -> Inline<'_> {
        match self {
            Piece::Text(text) => Inline::Text(text),
            Piece::Entity { written, text } => Inline::Entity { written, text },
            Piece::Code(code) => Inline::Code(code),
            Piece::Html(html) => Inline::Html(html),
            Piece::Open(container) => Inline::Open(*container),
            Piece::Close => Inline::Close,
            Piece::Break => Inline::Break,
        }
    }
}

/// What the rules read from the body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Body {
    pub headings: Vec<Heading>,
    /// Whether the first h1 is the body's first content, only blank lines and HTML comments
    /// before it, as markdownlint's MD025 decides it.
    pub opens_with_h1: bool,
    /// Images, links and reading length, for the content rules.
    pub content: Content,
    /// File ranges of the HTML comments that may be suppressions (`<!-- postlint-… -->`,
    /// `<!-- markdownlint-… -->`), in order; not those in code.
    pub suppression_comments: Vec<Range<usize>>,
}

/// The extensions markdownlint's parser (micromark with GFM) also reads, so that headings
/// agree: a table's delimiter row, for one, must not turn its header into a setext heading.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
}

/// A heading as pulldown-cmark reports it, before the micromark adjustments.
struct RawHeading {
    level: u8,
    /// Body range of the heading, its setext underline included.
    range: Range<usize>,
    /// Inline HTML outside other inline markup, which markdownlint leaves out of the text.
    html: Vec<Range<usize>>,
    /// Where the content of the heading's second line starts, if it has one.
    second_line: Option<usize>,
    break_pending: bool,
    /// Nesting of inline markup inside the heading.
    depth: usize,
    /// The text a reader sees: text and code, without markup.
    plain: String,
    pieces: Vec<Piece>,
}

/// Reads the headings of `source[body_start..]`, and how the body opens, as markdownlint
/// does; and the images, links and reading length of the text from `content_start` on,
/// where the generator's body starts (the two differ only in rare front matter cases).
pub fn parse(source: &str, body_start: usize, content_start: usize) -> Body {
    parse_with(source, body_start, content_start, &Regions::default())
}

/// As [`parse`], with the body's template syntax (`regions`, in offsets of
/// `source[body_start..]`): headings in opaque regions (a `{% codeblock %}`) are not
/// headings, and the content leaves template syntax out.
pub fn parse_with(
    source: &str,
    body_start: usize,
    content_start: usize,
    regions: &Regions,
) -> Body {
    let body = &source[body_start..];
    let mut raw = Vec::new();
    let mut opaque_blocks = Vec::new();
    let mut current: Option<RawHeading> = None;
    let mut opening = Opening::default();
    let mut depth = 0usize;
    let mut content = Collector::new(body, body_start, Hidden::new(regions));
    let mut suppression_comments = Vec::new();
    let content_start = content_start.saturating_sub(body_start);
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        if range.start >= content_start {
            content.event(&event, &range);
            if let Event::InlineHtml(_) | Event::Start(Tag::HtmlBlock) = &event {
                let html = &body[range.clone()];
                suppress::find_comments(html, body_start + range.start, &mut suppression_comments);
            }
        }
        if depth == 0 {
            opening.top_level_block(body, &event, &range);
        }
        match &event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth -= 1,
            _ => {}
        }
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                current = Some(RawHeading {
                    level: level as u8,
                    range,
                    html: Vec::new(),
                    second_line: None,
                    break_pending: false,
                    depth: 0,
                    plain: String::new(),
                    pieces: Vec::new(),
                });
            }
            Event::End(TagEnd::Heading(_)) => raw.extend(current.take()),
            Event::Start(Tag::CodeBlock(_) | Tag::HtmlBlock) => opaque_blocks.push(range),
            event => {
                if let Some(heading) = current.as_mut() {
                    heading.inline(body, event, range);
                }
            }
        }
    }

    let blocks = micromark::Blocks::scan(body, &opaque_blocks);
    let headings: Vec<(usize, Heading)> = raw
        .into_iter()
        .filter_map(|heading| {
            let line_start = line_start(body, heading.range.start);
            if blocks.in_math(line_start) || inside(&regions.opaque, line_start) {
                return None;
            }
            let is_atx = body[heading.range.start..].starts_with('#');
            let mut start = heading.range.start;
            if !is_atx && blocks.is_directive_fence(line_start) {
                // The fence is a directive's, not heading text: the heading (if any) starts
                // on the next line.
                start = heading.second_line?;
            }
            let line_end = body[start..]
                .find(['\n', '\r'])
                .map_or(body.len(), |i| start + i);
            let content = if is_atx {
                atx_content(body, start..line_end)
            } else {
                setext_content(body, start..heading.range.end)
            };
            let heading = Heading {
                level: heading.level,
                text: text_without(&body[content.clone()], content.start, &heading.html),
                empty: content.is_empty(),
                plain_text: heading.plain.trim().to_owned(),
                line_range: body_start + start..body_start + line_end,
                pieces: heading.pieces,
                source_text: body[content.clone()].to_owned(),
            };
            Some((heading.line_range.start - body_start, heading))
        })
        .collect();
    let opens_with_h1 = headings
        .iter()
        .find(|(_, heading)| heading.level == 1)
        .is_some_and(|(start, _)| opening.leads_to(body, *start));
    Body {
        headings: headings.into_iter().map(|(_, heading)| heading).collect(),
        opens_with_h1,
        content: content.finish(),
        suppression_comments,
    }
}

impl RawHeading {
    fn inline(&mut self, body: &str, event: Event, range: Range<usize>) {
        match &event {
            Event::Text(text) | Event::Code(text) => self.plain.push_str(text),
            Event::SoftBreak | Event::HardBreak => self.plain.push(' '),
            _ => {}
        }
        self.pieces.push(match &event {
            Event::Text(text) => {
                let written = &body[range.clone()];
                if written != text.as_ref() && written.starts_with('&') && written.ends_with(';') {
                    Piece::Entity {
                        written: written.to_owned(),
                        text: text.to_string(),
                    }
                } else {
                    Piece::Text(text.to_string())
                }
            }
            Event::Code(code) => Piece::Code(code.to_string()),
            Event::InlineHtml(html) | Event::Html(html) => Piece::Html(html.to_string()),
            Event::SoftBreak | Event::HardBreak => Piece::Break,
            Event::Start(Tag::Image { .. }) => Piece::Open(Container::Image),
            Event::Start(Tag::Link {
                link_type: LinkType::Autolink | LinkType::Email,
                ..
            }) => Piece::Open(Container::Autolink),
            Event::Start(_) => Piece::Open(Container::Markup),
            Event::End(_) => Piece::Close,
            _ => Piece::Text(String::new()),
        });
        match event {
            Event::SoftBreak | Event::HardBreak => {
                self.break_pending = self.second_line.is_none();
                return;
            }
            Event::InlineHtml(_) if self.depth == 0 => self.html.push(range.clone()),
            Event::Start(_) => self.depth += 1,
            Event::End(_) => self.depth -= 1,
            _ => {}
        }
        if self.break_pending {
            self.break_pending = false;
            self.second_line = Some(range.start);
        }
    }
}

/// The text of an ATX heading's line: after the opening `#`s and before the closing ones,
/// without the spaces around it.
fn atx_content(body: &str, line: Range<usize>) -> Range<usize> {
    let text = &body[line.clone()];
    let after_markers = text.trim_start_matches('#');
    let content = after_markers.trim_matches([' ', '\t']);
    // A closing sequence is a run of `#` that is the whole content or follows a space.
    let without_hashes = content.trim_end_matches('#');
    let content = if without_hashes.is_empty() || without_hashes.ends_with([' ', '\t']) {
        without_hashes.trim_end_matches([' ', '\t'])
    } else {
        content
    };
    let start = line.start
        + (text.len() - after_markers.len())
        + (after_markers.len() - after_markers.trim_start_matches([' ', '\t']).len());
    start..start + content.len()
}

/// The text of a setext heading: its lines up to the underline, container markers between
/// them included, as markdownlint reads them.
fn setext_content(body: &str, heading: Range<usize>) -> Range<usize> {
    let text = body[heading.clone()].trim_end_matches(['\n', '\r']);
    let before_underline = text.rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let content = text[..before_underline].trim_end_matches([' ', '\t', '\n', '\r']);
    heading.start..heading.start + content.len()
}

/// `text`, which starts at body offset `offset`, without the `html` ranges and with each
/// line ending read as a space.
fn text_without(text: &str, offset: usize, html: &[Range<usize>]) -> String {
    let mut kept = String::with_capacity(text.len());
    let mut from = 0;
    for range in html {
        let start = range.start.saturating_sub(offset).min(text.len());
        let end = range.end.saturating_sub(offset).min(text.len());
        kept.push_str(&text[from.min(start)..start]);
        from = from.max(end);
    }
    kept.push_str(&text[from.min(text.len())..]);
    kept.replace("\r\n", " ").replace(['\r', '\n'], " ")
}

/// How the body opens: the first top-level block that is not an HTML comment, which
/// markdownlint's MD025 asks about.
#[derive(Default)]
struct Opening {
    /// Where the text before the first content starts (after the comments).
    after_comments: usize,
    /// The first content: a block, or text pulldown-cmark reports no event for (a link
    /// reference definition).
    first_content: Option<Range<usize>>,
    /// Whether a top-level block follows the first content.
    more_blocks: bool,
}

impl Opening {
    fn top_level_block(&mut self, body: &str, event: &Event, range: &Range<usize>) {
        if !matches!(event, Event::Start(_) | Event::Rule) {
            return;
        }
        if self.first_content.is_some() {
            self.more_blocks = true;
            return;
        }
        let line = line_start(body, range.start);
        let gap = self.after_comments.min(line)..line;
        if !body[gap.clone()].trim().is_empty() {
            self.first_content = Some(gap.start..gap.end);
            self.more_blocks = true;
        } else if matches!(event, Event::Start(Tag::HtmlBlock))
            && is_comment(body[gap.end..range.end].trim_end_matches(['\n', '\r']))
        {
            self.after_comments = range.end;
        } else {
            self.first_content = Some(range.clone());
        }
    }

    /// Whether the heading starting at `start` is the first content. When the heading is
    /// inside a block quote or list, markdownlint looks for it among the top-level blocks,
    /// does not find it, and so asks whether everything but the document's last token is
    /// blank or a comment: true only when that container is the last thing in the document,
    /// with not even a line ending after it.
    fn leads_to(&self, body: &str, start: usize) -> bool {
        match &self.first_content {
            Some(block) if block.start == start => true,
            Some(block) => {
                block.contains(&start)
                    && !self.more_blocks
                    && block.end == body.len()
                    && !body.ends_with(['\n', '\r'])
            }
            None => false,
        }
    }
}

/// markdownlint's `isHtmlFlowComment`: the block, from its line's start, is one comment.
fn is_comment(block: &str) -> bool {
    if !block.starts_with("<!--") || !block.ends_with("-->") {
        return false;
    }
    // JavaScript's `slice(4, -3)`: empty when the two ends overlap, as in `<!-->`.
    let comment = block.get(4..block.len() - 3).unwrap_or("");
    !comment.starts_with('>') && !comment.starts_with("->") && !comment.ends_with('-')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headings(source: &str, body_start: usize) -> Vec<Heading> {
        parse(source, body_start, body_start).headings
    }

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
    fn text_is_the_markdown_as_written_without_top_level_html() {
        let texts = |source: &str| -> Vec<String> {
            headings(source, 0).into_iter().map(|h| h.text).collect()
        };
        assert_eq!(texts("## *Setup*\n"), ["*Setup*"]);
        assert_eq!(
            texts("## `a`  [b](c) \\# &amp; ##\n"),
            ["`a`  [b](c) \\# &amp;"]
        );
        assert_eq!(texts("## a <b>x</b> y\n"), ["a x y"]);
        assert_eq!(texts("## *a <b>x</b>*\n"), ["*a <b>x</b>*"]);
        assert_eq!(texts("## foo#\n"), ["foo#"]);
        // Setext lines are joined with a space, container markers and indents kept.
        assert_eq!(texts("Foo\n   bar\n===\n"), ["Foo    bar"]);
        assert_eq!(texts("> Foo\n> bar\n> ===\n"), ["Foo > bar"]);
        assert_eq!(texts("Foo  \r\nbar\r\n---\r\n"), ["Foo   bar"]);
    }

    #[test]
    fn empty_means_nothing_after_the_markers() {
        let empty = |source: &str| -> Vec<bool> {
            headings(source, 0).into_iter().map(|h| h.empty).collect()
        };
        assert_eq!(empty("#\n\n## ##\n\n### #\n\n##\t \n"), [true; 4]);
        assert_eq!(empty("## <br>\n\n## \\#\n\n## ![](a.png)\n"), [false; 3]);
    }

    #[test]
    fn the_body_opens_with_an_h1_after_blank_lines_and_comments_only() {
        let opens = |source: &str| parse(source, 0, 0).opens_with_h1;
        assert!(opens("# A\n"));
        assert!(opens("\n<!-- a -->\n\n<!--\nb\n\n-->\n# A\n"));
        assert!(opens("Title\n===\n\n# B\n"));
        assert!(!opens("text\n\n# A\n"));
        assert!(!opens("## A\n\n# B\n"));
        assert!(!opens("[a]: https://example.com\n\n# A\n"));
        assert!(!opens("  <!-- indented -->\n# A\n"));
        assert!(!opens("<!-- a -->  \n# A\n"));
        assert!(!opens("<!-- a --> text\n# A\n"));
        assert!(!opens("<div>\n\n# A\n"));
        assert!(!opens("---\n\n# A\n"));
        assert!(!opens("> # A\n\n# B\n"));
        // markdownlint's quirk: a nested first h1 in a container that ends the file.
        assert!(opens("> text\n> # A"));
        assert!(!opens("> text\n> # A\n"));
    }

    #[test]
    fn comments_as_markdownlint_reads_them() {
        assert!(is_comment("<!-- a -->"));
        assert!(is_comment("<!---->"));
        assert!(is_comment("<!-->"));
        assert!(!is_comment("<!--> -->"));
        assert!(!is_comment("<!---> -->"));
        assert!(!is_comment("<!-- a --->"));
        assert!(!is_comment("<!-- a"));
    }

    #[test]
    fn crlf_is_not_part_of_the_line() {
        let source = "## A\r\n";
        assert_eq!(&source[headings(source, 0)[0].line_range.clone()], "## A");
    }
}
