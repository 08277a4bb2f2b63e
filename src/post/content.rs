//! What the content rules read from the body: its images, its links and how long it is to
//! read. Collected from the events of the body's one pulldown-cmark pass.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, LinkType, Tag, TagEnd};

use super::autolink::{UrlMarks, bare_urls};
use super::html::{ImgTag, img_tags};
use super::template::{Regions, merge};
use crate::text::{ReadingCounter, ReadingLength};

/// An image of the body: a Markdown image or an HTML `<img>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    pub alt: Alt,
    /// Where the image is, as written (a reference-style image's from its definition);
    /// empty when an `<img>` has no `src`.
    pub destination: String,
    /// The whole image in the file: `![…](…)`, `![…][ref]` or the `<img …>` tag.
    pub range: Range<usize>,
    /// Whether it is an HTML `<img>`, not Markdown.
    pub html: bool,
}

/// An image's alternative text, as a screen reader gets it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Alt {
    /// Text that stands for the image: Markdown rendered to plain text (`![*a* b](x)` is
    /// `a b`), character references decoded.
    Text(String),
    /// `alt=""` (or `role="presentation"`, `aria-hidden="true"`) on an `<img>`: the author
    /// marked the image decorative, and screen readers skip it (WCAG technique H67).
    Decorative,
    /// No text: `![](x.png)` or blank brackets (Markdown cannot mark an image decorative),
    /// or an `<img>` without `alt`.
    Missing,
    /// An `<img>` whose `alt` holds only spaces: not empty, so not decorative, yet nothing
    /// to read (axe's `alt-space-value`).
    Blank,
}

/// A link of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// What a screen reader announces: the link's text as plain text, with the alt text of
    /// the images inside it, line breaks read as spaces.
    pub text: String,
    /// The destination as written (a reference link's from its definition; `www.` bare
    /// URLs as written, without a scheme).
    pub destination: String,
    /// The whole link in the file: `[…](…)`, `[…][ref]`, `<…>` or the bare URL.
    pub range: Range<usize>,
    pub kind: LinkKind,
    /// Whether the link holds an image (a linked image).
    pub has_image: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkKind {
    /// `[text](url)` and the reference forms: the author wrote the text.
    Written,
    /// `<https://…>`: the text is the URL.
    Autolink,
    /// A URL in running text that GFM renderers turn into a link (`https://…`, `www.…`).
    Bare,
    /// `<name@example.com>`.
    Email,
}

/// The body's images, links and reading length.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Content {
    /// In the order they appear.
    pub images: Vec<Image>,
    /// In the order they appear.
    pub links: Vec<Link>,
    /// Of the text a reader reads: paragraphs, headings, lists, tables, link text; not
    /// code, HTML, alt text or front matter.
    pub reading: ReadingLength,
}

/// The body's template syntax, in body offsets: what the generator does not render as the
/// author's Markdown.
#[derive(Debug, Default)]
pub(super) struct Hidden {
    /// Tags and opaque regions together, merged: not words, not link or alt text.
    spans: Vec<Range<usize>>,
    /// Regions whose content is not Markdown: their images and links are not the page's.
    opaque: Vec<Range<usize>>,
}

impl Hidden {
    pub(super) fn new(regions: &Regions) -> Hidden {
        let spans = merge(
            regions
                .tags
                .iter()
                .chain(&regions.opaque)
                .cloned()
                .collect(),
        );
        Hidden {
            spans,
            opaque: regions.opaque.clone(),
        }
    }

    /// Whether body offset `at` is inside an opaque region.
    pub(super) fn in_opaque(&self, at: usize) -> bool {
        inside(&self.opaque, at)
    }

    /// The parts of `range` outside every span; `None` when none of it is hidden.
    fn visible(&self, range: &Range<usize>) -> Option<Vec<Range<usize>>> {
        let first = self.spans.partition_point(|span| span.end <= range.start);
        let overlapping = self.spans[first..]
            .iter()
            .take_while(|span| span.start < range.end);
        let mut parts = Vec::new();
        let mut at = range.start;
        let mut hidden = false;
        for span in overlapping {
            hidden = true;
            if span.start > at {
                parts.push(at..span.start);
            }
            at = at.max(span.end);
        }
        if !hidden {
            return None;
        }
        if at < range.end {
            parts.push(at..range.end);
        }
        Some(parts)
    }
}

/// Whether `at` is inside one of the sorted, non-overlapping `ranges`.
pub(super) fn inside(ranges: &[Range<usize>], at: usize) -> bool {
    let index = ranges.partition_point(|range| range.end <= at);
    ranges.get(index).is_some_and(|range| range.start <= at)
}

struct OpenImage {
    range: Range<usize>,
    destination: String,
    alt: String,
}

struct OpenLink {
    link: Link,
    /// A link inside an image's alt text, which renders as plain text: not kept.
    in_alt: bool,
}

/// Reads the events of the body pass, in order. Offsets it is given are body offsets; it
/// stores file offsets.
pub(super) struct Collector<'a> {
    body: &'a str,
    /// Added to body offsets to make file offsets.
    offset: usize,
    content: Content,
    counter: ReadingCounter,
    images: Vec<OpenImage>,
    links: Vec<OpenLink>,
    in_code_block: bool,
    /// The HTML block being read: its lines, with where each starts in the body.
    html_block: Option<(String, Vec<(usize, usize)>)>,
    /// Adjacent text outside links and images, where bare URLs are looked for.
    text_run: Option<Range<usize>>,
    /// Where the body may hold bare URLs: a run without a mark is not searched.
    url_marks: UrlMarks,
    /// Template syntax: not words, and its opaque regions hold no links or images.
    hidden: Hidden,
}

impl<'a> Collector<'a> {
    pub(super) fn new(body: &'a str, offset: usize, hidden: Hidden) -> Self {
        Collector {
            hidden,
            body,
            offset,
            content: Content::default(),
            counter: ReadingCounter::default(),
            images: Vec::new(),
            links: Vec::new(),
            in_code_block: false,
            html_block: None,
            text_run: None,
            url_marks: UrlMarks::of(body),
        }
    }

    #[inline]
    pub(super) fn event(&mut self, event: &Event, range: &Range<usize>) {
        // A line break inside a paragraph continues its text run (a URL ends at the line
        // break anyway): fewer, longer runs are cheaper to search.
        if !matches!(event, Event::Text(_) | Event::SoftBreak) || self.in_code_block {
            self.end_text_run();
        }
        match event {
            Event::Text(text) => self.text(text, range),
            Event::Code(code) => {
                self.counter.boundary();
                self.push_text(code);
            }
            Event::SoftBreak | Event::HardBreak => {
                self.counter.boundary();
                self.push_text(" ");
                if let Some(run) = &mut self.text_run
                    && run.end == range.start
                {
                    run.end = range.end;
                }
            }
            Event::InlineHtml(html) => {
                self.counter.boundary();
                for tag in img_tags(html) {
                    // An inline tag is the whole event.
                    self.html_image(tag, range.clone());
                }
            }
            Event::Html(html) => {
                if let Some((text, starts)) = &mut self.html_block {
                    starts.push((text.len(), range.start));
                    text.push_str(html);
                }
            }
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(*tag),
            _ => self.counter.boundary(),
        }
    }

    fn start(&mut self, tag: &Tag, range: &Range<usize>) {
        match tag {
            Tag::Emphasis | Tag::Strong | Tag::Strikethrough => {}
            Tag::Link {
                link_type,
                dest_url,
                ..
            } => {
                let kind = match link_type {
                    LinkType::Autolink => LinkKind::Autolink,
                    LinkType::Email => LinkKind::Email,
                    _ => LinkKind::Written,
                };
                self.links.push(OpenLink {
                    link: Link {
                        text: String::new(),
                        destination: dest_url.to_string(),
                        range: self.file_range(range),
                        kind,
                        has_image: false,
                    },
                    in_alt: !self.images.is_empty(),
                });
            }
            Tag::Image { dest_url, .. } => {
                self.counter.boundary();
                self.mark_image_in_link();
                self.images.push(OpenImage {
                    range: self.file_range(range),
                    destination: dest_url.to_string(),
                    alt: String::new(),
                });
            }
            Tag::CodeBlock(_) => {
                self.counter.boundary();
                self.in_code_block = true;
            }
            Tag::HtmlBlock => {
                self.counter.boundary();
                self.html_block = Some((String::new(), Vec::new()));
            }
            _ => self.counter.boundary(),
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough => {}
            TagEnd::Link => {
                if let Some(open) = self.links.pop()
                    && !open.in_alt
                    && !self.hidden.in_opaque(open.link.range.start - self.offset)
                {
                    let mut link = open.link;
                    link.text = collapse_spaces(&link.text);
                    self.content.links.push(link);
                }
            }
            TagEnd::Image => {
                if let Some(image) = self.images.pop()
                    && !self.hidden.in_opaque(image.range.start - self.offset)
                {
                    let alt = collapse_spaces(&image.alt);
                    self.content.images.push(Image {
                        alt: if alt.is_empty() {
                            Alt::Missing
                        } else {
                            Alt::Text(alt)
                        },
                        destination: image.destination,
                        range: image.range,
                        html: false,
                    });
                }
            }
            TagEnd::CodeBlock => {
                self.counter.boundary();
                self.in_code_block = false;
            }
            TagEnd::HtmlBlock => {
                if let Some((text, starts)) = self.html_block.take() {
                    for tag in img_tags(&text) {
                        let range = map_range(&starts, tag.range.clone());
                        self.html_image(tag, range);
                    }
                }
            }
            _ => self.counter.boundary(),
        }
    }

    fn text(&mut self, text: &CowStr, range: &Range<usize>) {
        if self.in_code_block {
            return;
        }
        if let Some(parts) = self.hidden.visible(range) {
            // Template syntax is not text: only what is around it is read.
            let body = self.body;
            for part in parts {
                let visible = &body[part];
                self.push_text(visible);
                if self.images.is_empty() {
                    self.counter.boundary();
                    self.counter.feed(visible);
                }
            }
            self.counter.boundary();
            return;
        }
        self.push_text(text);
        if !self.images.is_empty() {
            return;
        }
        self.counter.feed(text);
        if self.links.is_empty() {
            self.text_run = match self.text_run.take() {
                Some(run) if run.end == range.start => Some(run.start..range.end),
                Some(run) => {
                    self.bare_urls(run);
                    Some(range.clone())
                }
                None => Some(range.clone()),
            };
        }
    }

    /// Adds text to the alt text of the open images and the text of the open link.
    fn push_text(&mut self, text: &str) {
        for image in &mut self.images {
            image.alt.push_str(text);
        }
        if let Some(open) = self.links.last_mut() {
            open.link.text.push_str(text);
        }
    }

    fn mark_image_in_link(&mut self) {
        if let Some(open) = self.links.last_mut() {
            open.link.has_image = true;
        }
    }

    /// Records an `<img>` found at `range` of the body (not `tag.range`, which is in the
    /// HTML text it was found in).
    fn html_image(&mut self, tag: ImgTag, range: Range<usize>) {
        if self.hidden.in_opaque(range.start) {
            return;
        }
        let alt = match tag.alt {
            Some(alt) if alt.is_empty() => Alt::Decorative,
            _ if tag.hidden => Alt::Decorative,
            Some(alt) if alt.trim().is_empty() => Alt::Blank,
            Some(alt) => Alt::Text(collapse_spaces(&alt)),
            None => Alt::Missing,
        };
        self.mark_image_in_link();
        if let Alt::Text(text) = &alt {
            self.push_text(text);
        }
        self.content.images.push(Image {
            alt,
            destination: tag.src.unwrap_or_default(),
            range: self.file_range(&range),
            html: true,
        });
    }

    fn end_text_run(&mut self) {
        if let Some(run) = self.text_run.take() {
            self.bare_urls(run);
        }
    }

    fn bare_urls(&mut self, run: Range<usize>) {
        if !self.url_marks.any_in(&run) {
            return;
        }
        let text = &self.body[run.clone()];
        for url in bare_urls(text) {
            let url = run.start + url.start..run.start + url.end;
            let written = &self.body[url.clone()];
            self.content.links.push(Link {
                text: written.to_owned(),
                destination: written.to_owned(),
                range: self.file_range(&url),
                kind: LinkKind::Bare,
                has_image: false,
            });
        }
    }

    fn file_range(&self, range: &Range<usize>) -> Range<usize> {
        self.offset + range.start..self.offset + range.end
    }

    pub(super) fn finish(mut self) -> Content {
        self.end_text_run();
        let mut content = self.content;
        content.reading = self.counter.finish();
        // Nested images and links end inside out, and HTML blocks are read at their end.
        content.images.sort_by_key(|image| image.range.start);
        content.links.sort_by_key(|link| link.range.start);
        content
    }
}

/// Maps a range in an HTML block's joined lines back to the body, given where each line
/// starts in both.
fn map_range(starts: &[(usize, usize)], range: Range<usize>) -> Range<usize> {
    let map = |at: usize| {
        let line = starts.partition_point(|&(joined, _)| joined <= at).max(1) - 1;
        let (joined, body) = starts[line];
        body + (at - joined)
    };
    map(range.start)..map(range.end.saturating_sub(1)) + 1
}

/// Runs of whitespace as one space, none at the ends.
fn collapse_spaces(text: &str) -> String {
    let bytes = text.as_bytes();
    let tidy = text.is_ascii()
        && bytes.first() != Some(&b' ')
        && bytes.last() != Some(&b' ')
        && bytes
            .windows(2)
            .all(|pair| pair[1] != b' ' || pair[0] != b' ')
        && !bytes.iter().any(|&b| b != b' ' && b.is_ascii_whitespace());
    if tidy {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::post::body::parse;

    fn content(source: &str) -> Content {
        parse(source, 0, 0).content
    }

    fn alts(source: &str) -> Vec<(Alt, String)> {
        content(source)
            .images
            .into_iter()
            .map(|image| (image.alt, image.destination))
            .collect()
    }

    fn text(alt: &str) -> Alt {
        Alt::Text(alt.into())
    }

    #[test]
    fn markdown_images_have_plain_text_alt() {
        let source =
            "![A *red* `car`](a.png \"t\") ![](b.png) ![  ](c.png) ![r][ref]\n\n[ref]: r.png\n";
        assert_eq!(
            alts(source),
            [
                (text("A red car"), "a.png".into()),
                (Alt::Missing, "b.png".into()),
                (Alt::Missing, "c.png".into()),
                (text("r"), "r.png".into()),
            ]
        );
    }

    #[test]
    fn html_images_inline_and_in_blocks() {
        let source = "Text <img src=\"a.png\" alt=\"\"> more.\n\n<div>\n<IMG SRC='b.png'\n  ALT=two>\n</div>\n\n> <p><img src=c.png alt=\"quoted\"></p>\n";
        let images = content(source).images;
        let found: Vec<(Alt, &str, &str)> = images
            .iter()
            .map(|i| {
                (
                    i.alt.clone(),
                    i.destination.as_str(),
                    &source[i.range.clone()],
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                (Alt::Decorative, "a.png", "<img src=\"a.png\" alt=\"\">"),
                (text("two"), "b.png", "<IMG SRC='b.png'\n  ALT=two>"),
                (text("quoted"), "c.png", "<img src=c.png alt=\"quoted\">"),
            ]
        );
        assert!(images.iter().all(|image| image.html));
    }

    #[test]
    fn nothing_in_code() {
        let source = "`![x](a.png)` `<img src=b>`\n\n```\n![y](c.png) <img src=d> [e](f) https://g.h\n```\n\n    <img src=i>\n";
        let found = content(source);
        assert!(found.images.is_empty(), "{:?}", found.images);
        assert!(found.links.is_empty(), "{:?}", found.links);
        assert_eq!(found.reading.words, 0);
    }

    #[test]
    fn links_of_every_kind() {
        let source = "# [Install](#install)\n\nSee [the *guide*](g.md), [here][r], <https://a.example>, <me@b.example> and https://c.example/x_y.\n\n[r]: https://r.example\n";
        let links: Vec<(String, String, LinkKind, &str)> = content(source)
            .links
            .into_iter()
            .map(|l| (l.text, l.destination, l.kind, &source[l.range]))
            .collect();
        let written = |t: &str, d: &str, s| (t.to_owned(), d.to_owned(), LinkKind::Written, s);
        assert_eq!(
            links,
            [
                written("Install", "#install", "[Install](#install)"),
                written("the guide", "g.md", "[the *guide*](g.md)"),
                written("here", "https://r.example", "[here][r]"),
                (
                    "https://a.example".into(),
                    "https://a.example".into(),
                    LinkKind::Autolink,
                    "<https://a.example>"
                ),
                (
                    "me@b.example".into(),
                    "me@b.example".into(),
                    LinkKind::Email,
                    "<me@b.example>"
                ),
                (
                    "https://c.example/x_y".into(),
                    "https://c.example/x_y".into(),
                    LinkKind::Bare,
                    "https://c.example/x_y"
                ),
            ]
        );
    }

    #[test]
    fn linked_images_lend_the_link_their_alt() {
        let found = content(
            "[![Build status](badge.svg)](ci) [<img src=l.png alt=\"Logo\">](home) [![](x.svg)](y)\n",
        );
        let links: Vec<(&str, bool)> = found
            .links
            .iter()
            .map(|l| (l.text.as_str(), l.has_image))
            .collect();
        assert_eq!(links, [("Build status", true), ("Logo", true), ("", true)]);
        assert_eq!(found.images.len(), 3);
    }

    #[test]
    fn images_in_tables_and_links_in_alt() {
        let found =
            content("| a | b |\n|---|---|\n| ![cell](c.png) | [x](y) |\n\n![see [z](w)](v.png)\n");
        assert_eq!(found.images.len(), 2);
        assert_eq!(found.images[1].alt, text("see z"));
        // The link inside the alt text renders as text, not a link.
        assert_eq!(found.links.len(), 1);
    }

    #[test]
    fn reading_length_counts_text_not_code_html_or_alt() {
        let found = content(
            "# Title here\n\nSome **bold**text and `code` with [a link](x).\n\n```\nnot counted\n```\n\n<div>not counted</div>\n\n![not counted](a.png)\n\n中文字符共八个字\n",
        );
        // Title here Some boldtext and with a link = 8 words.
        assert_eq!(found.reading.words, 8);
        assert_eq!(found.reading.cjk_characters, 8);
        assert_eq!(found.reading.units(), 12);
    }

    #[test]
    fn offsets_are_file_offsets_and_front_matter_is_skipped() {
        let source = "---\nlink: <https://a.b>\n---\n![x](y.png)\n";
        let found = parse(source, 0, 28).content;
        assert_eq!(found.images.len(), 1);
        assert_eq!(&source[found.images[0].range.clone()], "![x](y.png)");
        assert!(found.links.is_empty());
        let shifted = parse(source, 28, 28).content;
        assert_eq!(shifted.images[0].range, found.images[0].range);
    }
}
