//! The excerpt a generator makes of a post's body when its front matter gives none: what
//! the site shows as the page's description (its meta description, its social card text)
//! without a written one.
//!
//! - Jekyll gives every document of a collection, posts included, an excerpt: the body up
//!   to `excerpt_separator` (front matter, else `_config.yml`, else `"\n\n"`, so the first
//!   paragraph); pages only with `page_excerpts: true`. An empty separator makes none
//!   (`document.rb` `generate_excerpt?`, `excerpt.rb` `extract_excerpt`). jekyll-seo-tag
//!   shows `description`, else the excerpt, rendered and stripped of HTML
//!   (`drop.rb` `description`).
//! - Hugo's `.Summary`: the text above `<!--more-->`, else the first `summaryLength` (70)
//!   words rounded up to the end of a paragraph (`resources/page/page_markup.go`
//!   `ExtractSummaryFromHTML`). Its Open Graph, Twitter and schema templates show
//!   `or .Description .Summary site.Params.description`.
//! - Hexo's `page.excerpt`: the text above `<!-- more -->` (`excerpt.ts`, `/<!-- ?more ?-->/i`);
//!   a theme that calls `open_graph()` shows `description || excerpt || content`, stripped
//!   of HTML and cut at 200 characters (`open_graph.ts`).
//! - Zola's `page.summary`: the text above `<!-- more -->` (`<!--\s*more\s*-->`, any case).
//! - Docusaurus's docs, blog and pages: `description`, else the first line of text
//!   (`createExcerpt` in `@docusaurus/utils` `markdownUtils.ts`: h1 headings, imports,
//!   code blocks and lines that are only HTML or an admonition fence are skipped).
//! - VitePress, Astro and sites without a known generator make none.

use std::ops::Range;
use std::sync::LazyLock;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use regex::Regex;

use crate::post::template::Regions;
use crate::post::{Post, Value, ValueKind};
use crate::profile::{Generator, Profile};
use crate::site::{Kind, Site};

/// An excerpt the generator makes from the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Automatic {
    /// What the generator takes, for messages: `the first paragraph, as Jekyll makes it`.
    pub how: String,
    /// Its text as a reader sees it: no markup, HTML tags or template syntax; whitespace
    /// as written.
    pub text: String,
    /// Whether `text` is what the site shows. Not when template tags (an include, a
    /// shortcode) are part of it, whose output postlint cannot know, nor when the
    /// configuration decides it in a way postlint does not read.
    pub known: bool,
    /// The part of the file it is made from, for findings; empty when it has no text.
    pub range: Range<usize>,
}

/// Hugo's `summaryLength` default.
const HUGO_SUMMARY_LENGTH: usize = 70;
/// Hexo's `open_graph()` cuts the description at this many characters.
const HEXO_OPEN_GRAPH_LENGTH: usize = 200;
/// Hugo and Hexo read far into the body only for long paragraphs: the text up to the first
/// blank line after this many bytes is enough to measure their excerpt.
const PREFIX: usize = 16 * 1024;

/// The excerpt the generator makes of `post`'s body, when it makes one; `None` when it
/// makes none, or makes it of a body with no text.
pub fn automatic<'a>(post: &'a Post, site: &Site, profile: &Profile) -> Option<&'a Automatic> {
    post.automatic_excerpt
        .get_or_init(|| make(post, site, profile))
        .as_ref()
}

fn make(post: &Post, site: &Site, profile: &Profile) -> Option<Automatic> {
    if !matches!(post.page.kind, Kind::Post | Kind::Page) {
        return None;
    }
    match profile.generator {
        Generator::Jekyll => jekyll(post, site, profile),
        Generator::Hugo => hugo(post, site, profile),
        Generator::Hexo => hexo(post, site, profile),
        Generator::Zola => zola(post, site, profile),
        Generator::Docusaurus => docusaurus(post),
        Generator::Vitepress | Generator::Astro | Generator::Generic => None,
    }
}

/// Whether a description key set to blank text (`description: ""`) still leaves the
/// generator's own excerpt shown. Ruby's `""` is true, so jekyll-seo-tag takes it over the
/// excerpt (and then shows the site's description), and so does Docusaurus's
/// `frontMatter.description ?? excerpt`; Go templates' `or` and JavaScript's `||` pass over
/// it. A key with no value (`description:`) is nil or null to all of them.
pub fn passes_over(generator: Generator, value: &Value) -> bool {
    match value.kind {
        ValueKind::Null => true,
        _ => matches!(
            generator,
            Generator::Hugo | Generator::Hexo | Generator::Zola
        ),
    }
}

/// What the generator makes its excerpt of, for `postlint profile`.
pub fn describe(site: &Site, generator: Generator) -> String {
    let excerpt = &site.facts.excerpt;
    match generator {
        Generator::Jekyll => {
            let what = match excerpt.separator.as_deref() {
                None => "the first paragraph".to_owned(),
                Some("") => return "none (`excerpt_separator` is empty)".to_owned(),
                Some(separator) => format!("the text above `{}`", separator.escape_debug()),
            };
            let whose = if excerpt.page_excerpts {
                "every document and page"
            } else {
                "every document of a collection, posts included (pages with `page_excerpts: true`)"
            };
            format!("{what}, for {whose}")
        }
        Generator::Hugo => format!(
            "the text above `<!--more-->`, else the first {} words rounded up to a paragraph",
            excerpt.summary_length.unwrap_or(HUGO_SUMMARY_LENGTH)
        ),
        Generator::Hexo => match &excerpt.open_graph {
            Some(_) => format!(
                "the text above `<!-- more -->`, else the first {HEXO_OPEN_GRAPH_LENGTH} characters of the content (the theme calls `open_graph()`)"
            ),
            None => "the text above `<!-- more -->`".to_owned(),
        },
        Generator::Zola => "the text above `<!-- more -->`".to_owned(),
        Generator::Docusaurus => "the first line of text".to_owned(),
        Generator::Vitepress | Generator::Astro | Generator::Generic => "none".to_owned(),
    }
}

fn jekyll(post: &Post, site: &Site, profile: &Profile) -> Option<Automatic> {
    let excerpts = &site.facts.excerpt;
    let document = post.page.collection.is_some();
    if !document && !excerpts.page_excerpts {
        return None;
    }
    // `data["excerpt_separator"] || site.config["excerpt_separator"]`, then `to_s`.
    let own = post
        .value("excerpt_separator")
        .filter(|value| value.kind != ValueKind::Null);
    let separator = match own {
        Some(value) => value.as_text().unwrap_or_default().to_owned(),
        // `defaults:` set it, to a value postlint does not follow.
        None if post.page.given.iter().any(|key| key == "excerpt_separator") => {
            return Some(Automatic {
                how: "the excerpt Jekyll makes with the `excerpt_separator` of `defaults:`".into(),
                text: String::new(),
                known: false,
                range: post.body_start..post.body_start,
            });
        }
        None => excerpts
            .separator
            .clone()
            .unwrap_or_else(|| "\n\n".to_owned()),
    };
    if separator.is_empty() {
        return None;
    }
    let body = &post.source[post.body_start..];
    if body.trim().is_empty() {
        return None;
    }
    // `content.partition(separator)`: all of it when the separator is not there.
    let head = body.find(&separator).map_or(body.len(), |at| at);
    let how = if separator == "\n\n" {
        "the first paragraph, as Jekyll makes it".to_owned()
    } else {
        format!(
            "the text above `{}`, Jekyll's `excerpt_separator`",
            separator.escape_debug()
        )
    };
    let rendered = Plain::render(post, profile, site, post.body_start..post.body_start + head);
    Some(rendered.whole(how))
}

fn hugo(post: &Post, site: &Site, profile: &Profile) -> Option<Automatic> {
    let body = &post.source[post.body_start..];
    // The lexer's divider is exactly `<!--more-->`, wherever it is.
    if let Some(at) = body.find("<!--more-->") {
        let range = post.body_start..post.body_start + at;
        let rendered = Plain::render(post, profile, site, range);
        return Some(rendered.whole("the text above `<!--more-->`".into()));
    }
    let words = site
        .facts
        .excerpt
        .summary_length
        .unwrap_or(HUGO_SUMMARY_LENGTH);
    if words == 0 {
        return None;
    }
    let rendered = Plain::render(post, profile, site, prefix(post));
    if rendered.is_blank() {
        return None;
    }
    let how =
        format!("Hugo's automatic summary, the first {words} words rounded up to a paragraph");
    // Whole paragraphs, until one ends at or past the word count.
    let (mut counted, mut from) = (0, 0);
    let end = rendered.paragraph_ends.iter().find_map(|&(text_end, _)| {
        counted += rendered.text[from..text_end].split_whitespace().count();
        from = text_end;
        (counted >= words).then_some(text_end)
    });
    Some(match end {
        Some(end) => rendered.cut(end, how),
        None => rendered.whole(how),
    })
}

fn hexo(post: &Post, site: &Site, profile: &Profile) -> Option<Automatic> {
    static MORE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)<!-- ?more ?-->").expect("a valid pattern"));
    let open_graph = site.facts.excerpt.open_graph.is_some();
    if let Some(at) = html_marker(post, &MORE) {
        let range = post.body_start..at;
        let rendered = Plain::render(post, profile, site, range);
        // An empty excerpt is false to `open_graph()`, which goes on to the content.
        if !(open_graph && rendered.is_blank()) {
            return Some(rendered.whole("the text above `<!-- more -->`".into()));
        }
    }
    if !open_graph {
        return None;
    }
    let rendered = Plain::render(post, profile, site, prefix(post));
    if rendered.is_blank() {
        return None;
    }
    let how = format!(
        "the first {HEXO_OPEN_GRAPH_LENGTH} characters of the content, as the theme's `open_graph()` makes it"
    );
    let end = rendered
        .text
        .char_indices()
        .nth(HEXO_OPEN_GRAPH_LENGTH)
        .map(|(at, _)| at);
    Some(match end {
        Some(end) => rendered.cut(end, how),
        None => rendered.whole(how),
    })
}

fn zola(post: &Post, site: &Site, profile: &Profile) -> Option<Automatic> {
    static MORE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)<!--\s*more\s*-->").expect("a valid pattern"));
    let at = html_marker(post, &MORE)?;
    let rendered = Plain::render(post, profile, site, post.body_start..at);
    Some(rendered.whole("the text above `<!-- more -->`".into()))
}

fn docusaurus(post: &Post) -> Option<Automatic> {
    let (text, range) = docusaurus_line(&post.source, post.body_start)?;
    Some(Automatic {
        how: "the first line of text, as Docusaurus makes it".into(),
        text,
        known: true,
        range,
    })
}

/// Where the first match of `marker` in an HTML comment of the body starts, in the file:
/// in the rendered HTML the generator searches, a marker in code is escaped.
fn html_marker(post: &Post, marker: &Regex) -> Option<usize> {
    let body = &post.source[post.body_start..];
    let candidates: Vec<usize> = marker.find_iter(body).map(|found| found.start()).collect();
    let last = *candidates.last()?;
    let line_end = body[last..].find('\n').map_or(body.len(), |at| last + at);
    let parser = Parser::new_ext(&body[..line_end], crate::post::body::options());
    for (event, range) in parser.into_offset_iter() {
        if let Event::Html(_) | Event::InlineHtml(_) = event
            && let Some(&at) = candidates
                .iter()
                .find(|&&at| range.start <= at && at < range.end)
        {
            return Some(post.body_start + at);
        }
    }
    None
}

/// The start of the body, up to a blank line past [`PREFIX`] bytes: enough to measure an
/// excerpt that is a few paragraphs long, without rendering a long post twice.
fn prefix(post: &Post) -> Range<usize> {
    let body = &post.source[post.body_start..];
    if body.len() <= PREFIX {
        return post.body_start..post.source.len();
    }
    let mut from = PREFIX;
    while !body.is_char_boundary(from) {
        from += 1;
    }
    let end = body[from..].find("\n\n").map_or(body.len(), |at| from + at);
    post.body_start..post.body_start + end
}

/// Markdown rendered to the text a reader sees.
struct Plain<'a> {
    /// The whole file.
    source: &'a str,
    text: String,
    /// Where each stretch of `text` comes from: its start in `text` and in the file.
    marks: Vec<(usize, usize)>,
    /// Where each paragraph ends, in `text` and in the file (Hugo rounds up to them).
    paragraph_ends: Vec<(usize, usize)>,
    /// The file ranges of template tags in the rendered part.
    tags: Vec<Range<usize>>,
    /// The rendered part of the file.
    range: Range<usize>,
}

impl<'a> Plain<'a> {
    /// The text of `post.source[range]`, as its generator renders it: text and code, not
    /// images' alt text, HTML tags and comments, or the generator's template syntax.
    fn render(post: &'a Post, profile: &Profile, site: &Site, range: Range<usize>) -> Plain<'a> {
        let source = &post.source[range.clone()];
        let regions = crate::post::template_regions(
            source,
            &post.path,
            post.front_matter.as_ref(),
            profile,
            site,
        );
        let mut plain = Plain {
            source: &post.source,
            text: String::new(),
            marks: Vec::new(),
            paragraph_ends: Vec::new(),
            tags: shifted(&regions.tags, range.start),
            range: range.clone(),
        };
        let hidden = hidden(&regions);
        let mut images = 0usize;
        for (event, at) in Parser::new_ext(source, crate::post::body::options()).into_offset_iter()
        {
            match event {
                Event::Start(Tag::Image { .. }) => images += 1,
                Event::End(TagEnd::Image) => images = images.saturating_sub(1),
                Event::Text(text) | Event::Code(text) if images == 0 => {
                    plain.visible(source, &text, at, &hidden, range.start);
                }
                Event::Html(html) | Event::InlineHtml(html) => {
                    let text = strip_tags(&html);
                    if !text.trim().is_empty() && !overlaps(&hidden, &at) {
                        plain.push(&text, range.start + at.start);
                    }
                }
                Event::SoftBreak | Event::HardBreak => plain.push(" ", range.start + at.start),
                Event::End(TagEnd::Paragraph) => {
                    plain.push(" ", range.start + at.end);
                    plain
                        .paragraph_ends
                        .push((plain.text.len(), range.start + at.end));
                }
                // Blocks are apart; inline markup (`*a*b`) is not.
                Event::End(
                    TagEnd::Heading(_)
                    | TagEnd::BlockQuote(_)
                    | TagEnd::CodeBlock
                    | TagEnd::HtmlBlock
                    | TagEnd::List(_)
                    | TagEnd::Item
                    | TagEnd::TableHead
                    | TagEnd::TableRow
                    | TagEnd::TableCell
                    | TagEnd::FootnoteDefinition,
                ) => plain.push(" ", range.start + at.end),
                _ => {}
            }
        }
        plain
    }

    /// Whether nothing of it shows: no text, and no template tag whose output may be some.
    fn is_blank(&self) -> bool {
        self.text.trim().is_empty() && self.tags.is_empty()
    }

    /// Adds the text of a text event, less what template syntax hides of it.
    fn visible(
        &mut self,
        source: &str,
        text: &str,
        at: Range<usize>,
        hidden: &[Range<usize>],
        offset: usize,
    ) {
        if !overlaps(hidden, &at) {
            self.push(text, offset + at.start);
            return;
        }
        // Cut the hidden ranges out of the source text; an escape (`\*`) then shows as
        // written, which does not matter to a width.
        let mut from = at.start;
        for range in hidden
            .iter()
            .filter(|range| range.start < at.end && range.end > at.start)
        {
            if range.start > from {
                self.push(&source[from..range.start], offset + from);
            }
            from = from.max(range.end);
        }
        if from < at.end {
            self.push(&source[from..at.end], offset + from);
        }
    }

    fn push(&mut self, text: &str, file_at: usize) {
        self.marks.push((self.text.len(), file_at));
        self.text.push_str(text);
    }

    /// The file offset where the text at `text_at` comes from, on a character boundary
    /// (an entity or an escape is longer in the file than in the text).
    fn file_at(&self, text_at: usize) -> usize {
        let index = self.marks.partition_point(|&(start, _)| start <= text_at);
        let mut at = match index.checked_sub(1).map(|i| self.marks[i]) {
            Some((start, file)) => (file + (text_at - start)).min(self.range.end),
            None => self.range.start,
        };
        while !self.source.is_char_boundary(at) {
            at += 1;
        }
        at
    }

    /// The whole rendered text as the excerpt.
    fn whole(self, how: String) -> Automatic {
        let end = self.text.len();
        self.cut(end, how)
    }

    /// The text up to `end` as the excerpt.
    fn cut(mut self, end: usize, how: String) -> Automatic {
        self.text.truncate(end);
        let leading = self.text.len() - self.text.trim_start().len();
        let trailing = self.text.trim_end().len();
        let range = if trailing <= leading {
            self.range.start..self.range.start
        } else {
            let (last, c) = self.text[..trailing]
                .char_indices()
                .next_back()
                .unwrap_or((0, ' '));
            let start = self.file_at(leading);
            let mut end = (self.file_at(last) + c.len_utf8()).min(self.range.end);
            while !self.source.is_char_boundary(end) {
                end += 1;
            }
            start..end.max(start)
        };
        let used = self.range.start..self.file_at(end);
        let known = !self
            .tags
            .iter()
            .any(|tag| tag.start < used.end && tag.end > used.start);
        Automatic {
            how,
            text: self.text,
            known,
            range,
        }
    }
}

/// Ranges postlint leaves out of the text: template tags and what they hide.
fn hidden(regions: &Regions) -> Vec<Range<usize>> {
    let mut hidden: Vec<Range<usize>> = regions
        .tags
        .iter()
        .chain(&regions.opaque)
        .cloned()
        .collect();
    hidden.sort_by_key(|range| range.start);
    hidden
}

fn shifted(ranges: &[Range<usize>], offset: usize) -> Vec<Range<usize>> {
    ranges
        .iter()
        .map(|range| range.start + offset..range.end + offset)
        .collect()
}

fn overlaps(ranges: &[Range<usize>], at: &Range<usize>) -> bool {
    ranges
        .iter()
        .any(|range| range.start < at.end && range.end > at.start)
}

/// HTML without its comments and tags: what `strip_html` and `stripHTML` leave.
fn strip_tags(html: &str) -> String {
    static TAGS: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?s)<!--.*?-->|<[^>]*>").expect("a valid pattern"));
    TAGS.replace_all(html, "").into_owned()
}

/// Docusaurus's `createExcerpt`, applied to the body: the first line that is not blank,
/// an import or export, in a code block or an h1, with Markdown syntax and HTML tags
/// taken out; and where it is in the file.
fn docusaurus_line(source: &str, body_start: usize) -> Option<(String, Range<usize>)> {
    static CLEAN: LazyLock<Vec<(Regex, &'static str)>> = LazyLock::new(|| {
        [
            // HTML tags.
            (r"<[^>]*>", ""),
            // h1 headings.
            (r"^#[^#]+#?", ""),
            // Other headings' markers.
            (r"^#{1,6}\s*([^#]*?)\s*#{0,6}", "$1"),
            // Emphasis (one pattern per delimiter: the original uses a back-reference).
            (r"\*\*\*(.*?)\*\*\*", "$1"),
            (r"___(.*?)___", "$1"),
            (r"\*\*(.*?)\*\*", "$1"),
            (r"__(.*?)__", "$1"),
            (r"\*(.*?)\*", "$1"),
            (r"_(.*?)_", "$1"),
            // Strikethrough.
            (r"~~(\S.*\S)~~", "$1"),
            // Images, to their alt text.
            (r"!\[(.*?)\][\[(].*?[\])]", "$1"),
            // Footnotes.
            (r"\[\^.+?\](?:: .*$)?", ""),
            // Links, to their text.
            (r"\[(.*?)\][\[(].*?[\])]", "$1"),
            // Inline code.
            (r"`(.+?)`", "$1"),
            // Block quotes.
            (r"^\s{0,3}>\s?", ""),
            // Admonition fences.
            (r":::.*", ""),
            // Emoji names.
            (r"\s?:(?:::|[^:\n])+:", ""),
            // Heading ids.
            (r"\{#*[\w-]+\}", ""),
        ]
        .into_iter()
        .map(|(pattern, with)| (Regex::new(pattern).expect("a valid pattern"), with))
        .collect()
    });
    static SETEXT_TITLE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^[^\r\n]*\r?\n=+").expect("a valid pattern"));
    static IMPORT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(?:import|export)\s").expect("a valid pattern"));
    let body = &source[body_start..];
    let trimmed = body.trim_start();
    let mut start = body_start + (body.len() - trimmed.len());
    if let Some(title) = SETEXT_TITLE.find(trimmed) {
        start += title.end();
    }
    let (mut in_code, mut in_import) = (false, false);
    let mut fence = "";
    let mut at = start;
    for line in source[start..].split_inclusive('\n') {
        let line_start = at;
        at += line.len();
        let line = line.trim_end_matches(['\n', '\r']);
        if line.trim().is_empty() {
            in_import = false;
            continue;
        }
        if (IMPORT.is_match(line) || in_import) && !in_code {
            in_import = true;
            continue;
        }
        let trimmed = line.trim();
        if trimmed.starts_with("```") {
            let ticks = &trimmed[..trimmed.len() - trimmed.trim_start_matches('`').len()];
            if !in_code {
                in_code = true;
                fence = ticks;
            } else if ticks.len() >= fence.len() {
                in_code = false;
            }
            continue;
        }
        if in_code {
            continue;
        }
        let mut cleaned = line.to_owned();
        for (pattern, with) in CLEAN.iter() {
            cleaned = pattern.replace_all(&cleaned, *with).into_owned();
        }
        let cleaned = cleaned.trim();
        if !cleaned.is_empty() {
            return Some((cleaned.to_owned(), line_start..line_start + line.len()));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::{Page, Url};

    fn post_of(generator: Generator, kind: Kind, collection: Option<&str>, source: &str) -> Post {
        let mut post = Post::parse_in(
            "post.md",
            source.to_owned(),
            &Site::default(),
            &Profile::new(generator),
        );
        let mut page = Page::new(kind, Url::Unknown(String::new()));
        page.collection = collection.map(str::to_owned);
        post.page = page;
        post
    }

    fn excerpt_in(site: &Site, generator: Generator, source: &str) -> Option<Automatic> {
        let collection = (generator == Generator::Jekyll).then_some("posts");
        let post = post_of(generator, Kind::Post, collection, source);
        automatic(&post, site, &Profile::new(generator)).cloned()
    }

    fn excerpt(generator: Generator, source: &str) -> Option<Automatic> {
        excerpt_in(&Site::default(), generator, source)
    }

    fn text(generator: Generator, source: &str) -> String {
        let found = excerpt(generator, source).expect("an excerpt");
        found.text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn jekyll_takes_the_first_paragraph() {
        let source = "---\ntitle: t\n---\n\nFirst *one* [link](x).\nStill first.\n\nSecond.\n";
        let found = excerpt(Generator::Jekyll, source).unwrap();
        assert_eq!(found.how, "the first paragraph, as Jekyll makes it");
        assert!(found.known);
        assert_eq!(
            found.text.split_whitespace().collect::<Vec<_>>().join(" "),
            "First one link. Still first."
        );
        assert_eq!(
            &source[found.range.clone()],
            "First *one* [link](x).\nStill first."
        );
    }

    #[test]
    fn jekyll_separator_from_front_matter_and_config() {
        let source =
            "---\nexcerpt_separator: <!--more-->\n---\nOne.\n\nTwo.\n<!--more-->\nThree.\n";
        assert_eq!(text(Generator::Jekyll, source), "One. Two.");
        let off = "---\nexcerpt_separator: ''\n---\nOne.\n";
        assert_eq!(excerpt(Generator::Jekyll, off), None);
        let mut site = Site::default();
        site.facts.excerpt.separator = Some(String::new());
        assert_eq!(
            excerpt_in(&site, Generator::Jekyll, "---\n---\nOne.\n"),
            None
        );
        site.facts.excerpt.separator = Some("<!-- cut -->".into());
        let found = excerpt_in(
            &site,
            Generator::Jekyll,
            "---\n---\nA.\n\nB.\n<!-- cut -->\nC.\n",
        );
        assert_eq!(
            found.unwrap().how,
            "the text above `<!-- cut -->`, Jekyll's `excerpt_separator`"
        );
    }

    #[test]
    fn jekyll_pages_only_with_page_excerpts() {
        let source = "---\ntitle: t\n---\nText.\n";
        let page = post_of(Generator::Jekyll, Kind::Page, None, source);
        let profile = Profile::new(Generator::Jekyll);
        assert_eq!(automatic(&page, &Site::default(), &profile), None);
        let mut site = Site::default();
        site.facts.excerpt.page_excerpts = true;
        // A post is read for one site: its excerpt is made once.
        let page = post_of(Generator::Jekyll, Kind::Page, None, source);
        assert!(automatic(&page, &site, &profile).is_some());
    }

    #[test]
    fn jekyll_first_paragraph_may_hold_no_text() {
        // An image alone, or a blank line more after the front matter: an empty excerpt.
        let image = excerpt(Generator::Jekyll, "---\n---\n![a cat](cat.png)\n\nText.\n").unwrap();
        assert_eq!(image.text.trim(), "");
        assert!(image.known);
        let blank = excerpt(Generator::Jekyll, "---\n---\n\n\nText.\n").unwrap();
        assert_eq!(blank.text.trim(), "");
        // A Liquid include's output is not known.
        let include = excerpt(
            Generator::Jekyll,
            "---\n---\n{% include intro.md %}\n\nText.\n",
        );
        assert!(!include.unwrap().known);
        assert_eq!(excerpt(Generator::Jekyll, "---\n---\n\n"), None);
    }

    #[test]
    fn hugo_rounds_up_to_a_paragraph() {
        let long = "word ".repeat(40);
        let source = format!("---\n---\n# Title\n\n{long}\n\n{long}\n\n{long}\n");
        let found = excerpt(Generator::Hugo, &source).unwrap();
        // 1 + 40 + 40 words reach 70 at the end of the second paragraph.
        assert_eq!(found.text.split_whitespace().count(), 81);
        let short = text(Generator::Hugo, "---\n---\nOnly this.\n");
        assert_eq!(short, "Only this.");
        let manual = text(Generator::Hugo, "---\n---\nIntro.\n<!--more-->\nRest.\n");
        assert_eq!(manual, "Intro.");
        assert_eq!(excerpt(Generator::Hugo, "---\n---\n\n"), None);
        let mut site = Site::default();
        site.facts.excerpt.summary_length = Some(0);
        assert_eq!(
            excerpt_in(&site, Generator::Hugo, "---\n---\nText.\n"),
            None
        );
    }

    #[test]
    fn ranges_fall_on_character_boundaries() {
        for body in ["中文&amp;，日本語。", "a &amp; 中", "\\*中\\*", "é&eacute;"] {
            let source = format!("---\n---\n{body}\n");
            let found = excerpt(Generator::Hugo, &source).unwrap();
            assert!(source.get(found.range.clone()).is_some(), "{body}");
            assert!(found.range.end <= source.len());
        }
    }

    #[test]
    fn hugo_shortcodes_make_the_length_unknown() {
        let found = excerpt(Generator::Hugo, "---\n---\n{{< intro >}}\n\nText.\n").unwrap();
        assert!(!found.known);
        // A page of shortcodes alone has a summary, of their output.
        let only = excerpt(Generator::Hugo, "---\n---\n{{< cli-flags \"x\" >}}\n").unwrap();
        assert!(!only.known);
    }

    #[test]
    fn hexo_marker_or_open_graph() {
        assert_eq!(excerpt(Generator::Hexo, "---\n---\nNo marker.\n"), None);
        let marked = text(Generator::Hexo, "---\n---\nIntro.\n<!--more-->\nRest.\n");
        assert_eq!(marked, "Intro.");
        // In code, the marker is escaped in the HTML Hexo searches.
        let code = "---\n---\n```\n<!-- more -->\n```\n";
        assert_eq!(excerpt(Generator::Hexo, code), None);
        let mut site = Site::default();
        site.facts.excerpt.open_graph = Some("themes/t/layout/head.ejs".into());
        let long = "a".repeat(300);
        let found = excerpt_in(&site, Generator::Hexo, &format!("---\n---\n{long}\n")).unwrap();
        assert_eq!(found.text.trim().chars().count(), 200);
        let empty = excerpt_in(&site, Generator::Hexo, "---\n---\n<!-- more -->\nRest.\n");
        assert_eq!(empty.unwrap().text.trim(), "Rest.");
    }

    #[test]
    fn zola_marker_with_any_spacing() {
        let found = text(Generator::Zola, "+++\n+++\nIntro.\n<!--  MORE -->\nRest.\n");
        assert_eq!(found, "Intro.");
        assert_eq!(excerpt(Generator::Zola, "+++\n+++\nText.\n"), None);
    }

    #[test]
    fn docusaurus_first_line_of_text() {
        let source = "---\n---\nimport X from 'x';\n\n# Title\n\n:::note\n\n**Babel** is a [compiler](/x).\nMore.\n";
        let found = excerpt(Generator::Docusaurus, source).unwrap();
        assert_eq!(found.text, "Babel is a compiler.");
        assert_eq!(&source[found.range], "**Babel** is a [compiler](/x).");
        let code = "---\n---\n```js\ncode();\n```\n<img src=\"x.png\" />\n\n## Usage\n";
        assert_eq!(text(Generator::Docusaurus, code), "Usage");
        assert_eq!(
            excerpt(Generator::Docusaurus, "---\n---\n# Only a title\n"),
            None
        );
    }

    #[test]
    fn no_automatic_excerpt() {
        for generator in [Generator::Vitepress, Generator::Astro, Generator::Generic] {
            assert_eq!(excerpt(generator, "---\n---\nText.\n<!-- more -->\n"), None);
        }
    }

    #[test]
    fn blank_keys() {
        let blank = Value {
            kind: ValueKind::String(String::new()),
            range: 0..0,
        };
        let null = Value {
            kind: ValueKind::Null,
            range: 0..0,
        };
        assert!(!passes_over(Generator::Jekyll, &blank));
        assert!(passes_over(Generator::Jekyll, &null));
        assert!(passes_over(Generator::Hugo, &blank));
        assert!(!passes_over(Generator::Docusaurus, &blank));
    }
}
