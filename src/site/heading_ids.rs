//! Heading ids: the fragment each generator gives a heading, so that `#fragment` links can
//! be checked against the page they point to.
//!
//! Each generator reads a different text out of a heading (code or not, image alt text or
//! not, entities decoded or as written, typography applied or not), slugs it its own way and
//! numbers repeats its own way. A heading is therefore given as [`Inline`] pieces, the way
//! pulldown-cmark reports it, and the scheme picks what its generator reads.
//!
//! Verified against the generators themselves, on the probe headings of the tests below:
//! Hugo 0.168.0 (goldmark), Jekyll 4.3.1 with kramdown 2.4.0 and kramdown-parser-gfm 1.1.0,
//! Hexo 8.1.2 with hexo-renderer-marked 7.0.1 (marked 15.0.12, hexo-util 3.3.0), VitePress
//! 2.0.0-alpha.19, Docusaurus 3.10.2 (github-slugger 1.5.0) and github-slugger 2.0.0
//! (@astrojs/markdown-remark 7.3.1). Zola has no binary here: its vectors come from its own
//! code (`components/markdown/src/markdown.rs`, `utils/src/slugs.rs`, slug 0.1.6,
//! deunicode 1.6.2) run over pulldown-cmark 0.13's events.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::zola::slugify_on;
use crate::profile::Generator;

/// How a generator makes a heading's id from the heading's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdScheme {
    /// github-slugger (which imitates GitHub's own ids), as Docusaurus uses it: lowercased
    /// (full Unicode), then every character of General_Category No, P (but `_` and `-`), S,
    /// Z (but the space), Cc, Cf, Co or unassigned in Unicode 13 deleted unless it is
    /// Alphabetic, then each space a `-`. Letters of every script, marks and digits stay
    /// (`一安装-nodejs`, `café`), emoji go. Nothing is trimmed or collapsed: `C++ & Rust` is
    /// `c--rust`, `-x-` stays `-x-`; empty stays empty.
    ///
    /// Reads text, inline code, image alt text and decoded entities; not inline HTML, only
    /// the text inside it. (A heading of nothing but HTML reads the HTML as written when
    /// Docusaurus parses the file as CommonMark, `<span></span>` giving `spanspan`; as MDX,
    /// its default, it reads nothing.) Repeats: `x`, `x-1`, `x-2`, and every id handed out
    /// is taken, so `Setup`, `Setup`, `Setup 1` give `setup`, `setup-1`, `setup-1-1`. An
    /// explicit id (`{#id}`, `{/* #id */}`) is used as written and takes no part in the
    /// numbering: a later heading may get the same id.
    Github,
    /// Astro (@astrojs/markdown-remark 7.3): [`IdScheme::Github`]'s slugger on the
    /// heading's HTML text: no image alt text, inline HTML tags left out (the text between
    /// them read), and remark-smartypants applied, so a run of exactly two hyphens is an em
    /// dash and dropped (`a--b` is `ab`, `a---b` stays `a---b`). Astro has no `{#id}`
    /// syntax: an id set by a plugin is the only explicit one, and it takes no part in the
    /// numbering.
    Astro,
    /// Hugo's goldmark with `autoHeadingIDType = "github"`, the default: trimmed, then `_`
    /// and each Unicode letter (L) or decimal digit (Nd) kept and lowercased (simple case
    /// mapping: `İ` is `i`, no final sigma), each space and `-` a `-`, everything else
    /// (marks too: Devanagari vowel signs go) dropped. Empty after that: `heading`.
    ///
    /// Reads goldmark's plain text: text with the typographer's substitutions (`--` is `–`
    /// and dropped, so `a--b` is `ab`), named entities decoded but numeric ones as written
    /// (`&#169;` gives `169`), inline code (named entities in it decoded too), image alt
    /// text; not inline HTML, not an autolink's text. A setext heading reads its last line
    /// only. Hugo's own quirk: of an emphasis, link or image only its first piece is read,
    /// up to its first typographic substitution (`**bold _x_**` reads `bold `, `*it's*`
    /// reads `it`). A heading with no text at all has no id (an empty string here).
    /// Repeats: the first free of `x`, `x-1`, `x-2`, …; explicit ids are taken too (and are
    /// not numbered themselves), so `{#custom}` then `custom` gives `custom-1`.
    HugoGithub,
    /// `autoHeadingIDType = "github-ascii"`: [`IdScheme::HugoGithub`] after accents are
    /// removed (NFD, marks dropped) and every non-ASCII character dropped: `Café` is
    /// `cafe`, `Straße` is `strae`, `日本語` is `heading`, `한국어 제목` is `-`.
    HugoGithubAscii,
    /// `autoHeadingIDType = "blackfriday"`: letters (L) and numbers (N, so `½` stays) kept
    /// and lowercased, each run of anything else one `-` between them, none at the ends:
    /// `C++ & Rust` is `c-rust`, `Node.js` is `node-js`. Reads and numbers as
    /// [`IdScheme::HugoGithub`].
    HugoBlackfriday,
    /// kramdown's own parser (`input: kramdown`): leading characters up to the first ASCII
    /// letter dropped (`1. Intro` is `intro`), then all but `a-z A-Z 0-9`, space and `-`,
    /// spaces to `-`, lowercased; empty gives `section`. With `transliterate`
    /// (`transliterated_header_ids`), non-ASCII is transliterated first; kramdown uses
    /// stringex's tables, this uses deunicode's, which agree on accented Latin letters and
    /// differ elsewhere (`Привет` is `Priviet` in stringex, `Privet` here).
    ///
    /// Reads the heading's Markdown source as written, markup and all (`[A link](https://x)`
    /// gives `a-linkhttpsx`, `&amp;` gives `amp`): give it one [`Inline::Text`] with the
    /// source, without a trailing `{#id}`. Repeats: `x`, `x-1`, `x-2` counted per base and
    /// never checked against the ids already given, so `Setup`, `Setup`, `Setup 1` give
    /// `setup`, `setup-1`, `setup-1` again. Explicit ids (`{#id}` ending the heading, or a
    /// `{: #id}` line right after it) are used as written and not counted.
    Kramdown { transliterate: bool },
    /// Jekyll's default (`markdown: kramdown` with `input: GFM`): kramdown-parser-gfm makes
    /// the id, not kramdown's converter, and `transliterated_header_ids` does nothing.
    /// Lowercased (full Unicode, no final sigma), every character but Unicode word
    /// characters (Alphabetic, marks, Nd, Pc as of Unicode 13), `-`, space and tab deleted,
    /// spaces and tabs to `-`: `C++ & Rust` is `c--rust`, `一、安装 Node.js` is
    /// `一安装-nodejs`.
    ///
    /// Reads text with kramdown's typography (`--`, `---`, `...` become one deleted
    /// character; `<< x >>` gives `x`), decoded entities, inline code, the text inside
    /// inline HTML elements; not image alt text. Repeats are counted per base as in
    /// [`IdScheme::Kramdown`]; an empty id is written as no id at all the first time and
    /// `-1`, `-2` after. Explicit ids as in [`IdScheme::Kramdown`]: on the Jekyll docs site,
    /// a `{: #id}` line after the heading gives 376 of the 847 heading ids.
    KramdownGfm,
    /// Hexo's hexo-renderer-marked 7 with its defaults (`modifyAnchors: 0`, `smartypants`,
    /// `breaks`): the heading's HTML with its tags stripped, trimmed, then hexo-util's
    /// `slugize`: diacritics replaced by its own table (`é` is `e`, `ß` is `s`, `Æ` is
    /// `AE`), control characters deleted, each run of whitespace and ASCII punctuation but
    /// nothing else one `-`, none at the ends. Case is kept and every other character stays:
    /// `What’s-new`, `一、安装-Node-js`, `Emoji-🚀-rocket`.
    ///
    /// Reads text after smartypants (quotes become curly ones, `--` `–`, `...` `…`, all
    /// kept),
    /// inline code as written, inline HTML (stripped, so its text stays), entities: `&amp;`,
    /// `&lt;`, `&gt;`, `&quot;`, `&#39;` decoded, any other as written (`&copy;` gives
    /// `copy`); not image alt text. A decoded `<` starts a tag to strip, in code too
    /// (`` `Vec<T>` `` gives `Vec`). Repeats: `x`, `x-1`, `x-2` counted per base and never
    /// checked, as kramdown does. No explicit id syntax: `explicit` is ignored.
    HexoMarked,
    /// Zola with `slugify.anchors = "on"` (the default): the `slug` crate; non-ASCII
    /// transliterated by deunicode (`日本` is `ri-ben`), then `a-z0-9` kept, uppercase
    /// lowered, each other run one `-`, none at the ends.
    ///
    /// Reads text, inline code and image alt text, decoded entities; not inline HTML; lines
    /// are joined with nothing. Repeats: the first free of `x`, `x-1`, `x-2`, …, against
    /// every id of the page, and all the page's explicit ids are taken before any is made
    /// (use [`page_ids`], or [`HeadingIds::reserve`]).
    ZolaOn,
    /// `slugify.anchors = "safe"`: the text as it is, each ASCII whitespace character a `_`.
    ZolaSafe,
    /// `slugify.anchors = "off"`: the same as `"safe"` for anchors.
    ZolaOff,
    /// VitePress's slugify: NFKD (`ﬁ` is `fi`, fullwidth `：` is `:`, Hangul and voiced kana
    /// decomposed) without U+0300–U+036F, control characters deleted, each run of whitespace,
    /// ASCII punctuation and curly quotes one `-`, none at the ends, a leading digit given a
    /// `_` (`_1-intro`), lowercased.
    ///
    /// Reads text, inline code, image alt text, entities as written (`&amp;` gives `amp`);
    /// not inline HTML, not `:emoji:` shortcodes (not modelled here). Repeats: the first
    /// free of `x`, `x-1`, `x-2`, …; explicit ids are taken too, and an explicit id that is
    /// already taken stops VitePress's build.
    Vitepress,
}

/// One piece of a heading's content, in order, as pulldown-cmark reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inline<'a> {
    /// Text as the reader sees it: escapes resolved, one piece per pulldown-cmark text event
    /// (adjacent pieces are read together).
    Text(&'a str),
    /// A character reference: as written (`&amp;`) and what it stands for (`&`).
    Entity {
        written: &'a str,
        text: &'a str,
    },
    /// Inline code's text.
    Code(&'a str),
    /// Inline HTML as written: a tag or a comment.
    Html(&'a str),
    /// Emphasis, strong, strikethrough, a link, an image (its alt text inside) or an
    /// autolink begins; its content follows until the matching [`Inline::Close`].
    Open(Container),
    Close,
    /// A soft or hard line break (a setext heading's lines).
    Break,
}

/// What an [`Inline::Open`] begins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Container {
    /// Emphasis, strong, strikethrough or a link.
    Markup,
    /// An image: its content is the alt text.
    Image,
    /// `<https://…>`: its content is the address.
    Autolink,
}

/// Gives each heading of one page its id, numbering repeats the way the scheme's generator
/// does. An empty id means the generator writes `id=""` or no id at all.
#[derive(Debug, Clone)]
pub struct HeadingIds {
    scheme: IdScheme,
    /// Ids handed out (and reserved), for the generators that check against them; for
    /// github-slugger, each with its count of repeats.
    taken: HashMap<String, usize>,
    /// For the generators that count per base instead: how often each base was seen.
    counts: HashMap<String, usize>,
}

/// How a generator numbers repeated ids.
enum Numbering {
    /// github-slugger: `x-N` with a count per base, every id given taken.
    Slugger,
    /// The first of `x`, `x-1`, `x-2`, … not yet taken; explicit ids are taken too.
    FirstFree,
    /// `x-N` with a count per base; nothing is checked (kramdown, Hexo).
    PerBase,
}

impl IdScheme {
    /// The scheme of a generator with its default renderer and settings: Hugo's goldmark
    /// `github`, Jekyll's kramdown with `input: GFM`, Hexo's hexo-renderer-marked, Zola's
    /// `slugify.anchors = "on"`; GitHub's for a site without a known generator, as the
    /// forges that render its files make them.
    pub fn default_of(generator: Generator) -> Option<IdScheme> {
        Some(match generator {
            Generator::Hugo => IdScheme::HugoGithub,
            Generator::Jekyll => IdScheme::KramdownGfm,
            Generator::Hexo => IdScheme::HexoMarked,
            Generator::Zola => IdScheme::ZolaOn,
            Generator::Docusaurus | Generator::Generic => IdScheme::Github,
            Generator::Vitepress => IdScheme::Vitepress,
            Generator::Astro => IdScheme::Astro,
        })
    }

    /// Whether the generator reads `{#id}` after a heading's text as its id.
    pub fn reads_braced_ids(self) -> bool {
        !matches!(self, IdScheme::HexoMarked | IdScheme::Astro)
    }

    /// What `postlint site` calls it.
    pub fn name(self) -> &'static str {
        match self {
            IdScheme::Github => "github-slugger",
            IdScheme::Astro => "astro (github-slugger)",
            IdScheme::HugoGithub => "hugo github",
            IdScheme::HugoGithubAscii => "hugo github-ascii",
            IdScheme::HugoBlackfriday => "hugo blackfriday",
            IdScheme::Kramdown {
                transliterate: false,
            } => "kramdown",
            IdScheme::Kramdown {
                transliterate: true,
            } => "kramdown (transliterated)",
            IdScheme::KramdownGfm => "kramdown GFM",
            IdScheme::HexoMarked => "hexo-renderer-marked",
            IdScheme::ZolaOn => "zola on",
            IdScheme::ZolaSafe => "zola safe",
            IdScheme::ZolaOff => "zola off",
            IdScheme::Vitepress => "vitepress",
        }
    }

    fn numbering(self) -> Numbering {
        match self {
            IdScheme::Github | IdScheme::Astro => Numbering::Slugger,
            IdScheme::Kramdown { .. } | IdScheme::KramdownGfm | IdScheme::HexoMarked => {
                Numbering::PerBase
            }
            _ => Numbering::FirstFree,
        }
    }

    /// Whether an explicit id is taken, so that a later heading is numbered past it.
    fn takes_explicit(self) -> bool {
        matches!(self.numbering(), Numbering::FirstFree)
    }

    /// The id before numbering; `None` when the generator gives the heading no id.
    fn base(self, inlines: &[Inline]) -> Option<String> {
        let base = match self {
            IdScheme::Github => github_slug(&docusaurus_text(inlines)),
            IdScheme::Astro => github_slug(&astro_text(inlines)),
            IdScheme::HugoGithub | IdScheme::HugoGithubAscii | IdScheme::HugoBlackfriday => {
                let text = hugo_text(inlines)?;
                let id = match self {
                    IdScheme::HugoBlackfriday => blackfriday_slug(&text),
                    _ => hugo_github_slug(&text, self == IdScheme::HugoGithubAscii),
                };
                if id.is_empty() {
                    "heading".to_owned()
                } else {
                    id
                }
            }
            IdScheme::Kramdown { transliterate } => {
                let id = kramdown_slug(&source_text(inlines), transliterate);
                if id.is_empty() {
                    "section".to_owned()
                } else {
                    id
                }
            }
            IdScheme::KramdownGfm => gfm_slug(&kramdown_gfm_text(inlines)),
            IdScheme::HexoMarked => {
                let html = hexo_html(inlines);
                slugize(strip_tags(&html).trim_matches(is_js_space))
            }
            IdScheme::ZolaOn => slugify_on(&plain_text(inlines, true, false)),
            IdScheme::ZolaSafe | IdScheme::ZolaOff => {
                plain_text(inlines, true, false).replace(|c: char| c.is_ascii_whitespace(), "_")
            }
            IdScheme::Vitepress => vitepress_slug(&plain_text(inlines, true, true)),
        };
        Some(base)
    }
}

impl HeadingIds {
    pub fn new(scheme: IdScheme) -> HeadingIds {
        HeadingIds {
            scheme,
            taken: HashMap::new(),
            counts: HashMap::new(),
        }
    }

    /// The next heading's id from its plain text: for a heading that is only text, or for
    /// [`IdScheme::Kramdown`], its Markdown source.
    ///
    /// `text`: the heading's text as a reader sees it (Markdown markup removed, inline
    /// code's text kept); `explicit`: an id the author wrote (`{#id}` etc.), when the
    /// generator supports it.
    pub fn next(&mut self, text: &str, explicit: Option<&str>) -> String {
        self.next_inline(&[Inline::Text(text)], explicit)
    }

    /// The next heading's id from its pieces.
    pub fn next_inline(&mut self, inlines: &[Inline], explicit: Option<&str>) -> String {
        if let Some(id) = explicit
            && self.scheme != IdScheme::HexoMarked
        {
            if self.scheme.takes_explicit() {
                self.reserve(id);
            }
            return id.to_owned();
        }
        let Some(base) = self.scheme.base(inlines) else {
            return String::new();
        };
        match self.scheme.numbering() {
            Numbering::Slugger => {
                let mut id = base.clone();
                while self.taken.contains_key(&id) {
                    let count = self.taken.get_mut(&base).expect("the base is taken");
                    *count += 1;
                    id = format!("{base}-{count}");
                }
                self.taken.insert(id.clone(), 0);
                id
            }
            Numbering::FirstFree => {
                let mut id = base.clone();
                let mut n = 0;
                while self.taken.contains_key(&id) {
                    n += 1;
                    id = format!("{base}-{n}");
                }
                self.reserve(&id);
                id
            }
            Numbering::PerBase => {
                let count = self.counts.entry(base.clone()).or_insert(0);
                *count += 1;
                if *count == 1 {
                    base
                } else {
                    format!("{base}-{}", *count - 1)
                }
            }
        }
    }

    /// Takes an id before the headings are numbered: Zola takes every explicit id of the
    /// page first.
    pub fn reserve(&mut self, id: &str) {
        self.taken.entry(id.to_owned()).or_insert(0);
    }
}

/// The ids of one page's headings, each given as its pieces and its explicit id; for Zola,
/// every explicit id is taken before the first heading is numbered, as Zola does.
pub fn page_ids(scheme: IdScheme, headings: &[(&[Inline], Option<&str>)]) -> Vec<String> {
    let mut ids = HeadingIds::new(scheme);
    if matches!(
        scheme,
        IdScheme::ZolaOn | IdScheme::ZolaSafe | IdScheme::ZolaOff
    ) {
        for id in headings.iter().filter_map(|(_, explicit)| *explicit) {
            ids.reserve(id);
        }
    }
    headings
        .iter()
        .map(|(inlines, explicit)| ids.next_inline(inlines, *explicit))
        .collect()
}

// What each generator reads.

/// Text, inline code and entities, and image alt text if `alt`; entities as written if
/// `written`. Inline HTML and line breaks add nothing. Zola, VitePress, Astro.
fn plain_text(inlines: &[Inline], alt: bool, written: bool) -> String {
    let mut text = String::new();
    let mut open = Vec::new();
    for inline in inlines {
        let in_image = open.contains(&Container::Image);
        match *inline {
            Inline::Open(container) => open.push(container),
            Inline::Close => {
                open.pop();
            }
            _ if in_image && !alt => {}
            Inline::Text(piece) | Inline::Code(piece) => text.push_str(piece),
            Inline::Entity {
                written: as_written,
                text: decoded,
            } => text.push_str(if written { as_written } else { decoded }),
            Inline::Html(_) | Inline::Break => {}
        }
    }
    text
}

/// Astro: the HTML's text, without image alt text and inline HTML, after remark-smartypants:
/// of its substitutions only `--` (exactly two hyphens) becoming `—` changes an id.
fn astro_text(inlines: &[Inline]) -> String {
    let mut text = String::new();
    let mut run = String::new();
    let mut open = Vec::new();
    for inline in inlines {
        if !matches!(inline, Inline::Text(_)) {
            text.push_str(&em_dashes(&run));
            run.clear();
        }
        let in_image = open.contains(&Container::Image);
        match *inline {
            Inline::Open(container) => open.push(container),
            Inline::Close => {
                open.pop();
            }
            _ if in_image => {}
            Inline::Text(piece) => run.push_str(piece),
            Inline::Entity { text: decoded, .. } => text.push_str(decoded),
            Inline::Code(code) => text.push_str(code),
            Inline::Html(_) | Inline::Break => {}
        }
    }
    text.push_str(&em_dashes(&run));
    text
}

/// retext-smartypants' default dashes: a run of exactly two hyphens is an em dash.
fn em_dashes(text: &str) -> String {
    fn flush(hyphens: &mut usize, out: &mut String) {
        if *hyphens == 2 {
            out.push('\u{2014}');
        } else {
            out.extend(std::iter::repeat_n('-', *hyphens));
        }
        *hyphens = 0;
    }
    let mut out = String::with_capacity(text.len());
    let mut hyphens = 0;
    for c in text.chars() {
        if c == '-' {
            hyphens += 1;
        } else {
            flush(&mut hyphens, &mut out);
            out.push(c);
        }
    }
    flush(&mut hyphens, &mut out);
    out
}

/// Docusaurus: mdast's `toString` of the heading's children but its HTML ones, or of all of
/// them when they are all HTML; HTML inside emphasis or a link counts as written.
fn docusaurus_text(inlines: &[Inline]) -> String {
    let mut depth = 0usize;
    let mut top_level_html = true;
    for inline in inlines {
        match inline {
            Inline::Open(_) => {
                if depth == 0 {
                    top_level_html = false;
                }
                depth += 1;
            }
            Inline::Close => depth = depth.saturating_sub(1),
            Inline::Html(_) | Inline::Break => {}
            _ if depth == 0 => top_level_html = false,
            _ => {}
        }
    }
    let mut text = String::new();
    let mut depth = 0usize;
    for inline in inlines {
        match *inline {
            Inline::Open(_) => depth += 1,
            Inline::Close => depth = depth.saturating_sub(1),
            Inline::Text(piece) | Inline::Code(piece) => text.push_str(piece),
            Inline::Entity { text: decoded, .. } => text.push_str(decoded),
            Inline::Html(html) if depth > 0 || top_level_html => text.push_str(html),
            Inline::Html(_) | Inline::Break => {}
        }
    }
    text
}

/// kramdown's raw text: everything as written, one piece after the other.
fn source_text(inlines: &[Inline]) -> String {
    let mut text = String::new();
    for inline in inlines {
        match *inline {
            Inline::Text(piece) | Inline::Code(piece) | Inline::Html(piece) => text.push_str(piece),
            Inline::Entity { written, .. } => text.push_str(written),
            Inline::Open(_) | Inline::Close | Inline::Break => {}
        }
    }
    text
}

/// kramdown-parser-gfm's `raw_text`: text with kramdown's typographic symbols, entities
/// decoded, code; the children of HTML elements but not the tags; no image alt text.
fn kramdown_gfm_text(inlines: &[Inline]) -> String {
    let mut text = String::new();
    let mut run = String::new();
    let mut open = Vec::new();
    for inline in inlines {
        if !matches!(inline, Inline::Text(_)) {
            kramdown_typography(&run, &mut text);
            run.clear();
        }
        let in_image = open.contains(&Container::Image);
        match *inline {
            Inline::Open(container) => open.push(container),
            Inline::Close => {
                open.pop();
            }
            _ if in_image => {}
            Inline::Text(piece) => run.push_str(piece),
            Inline::Entity { text: decoded, .. } => text.push_str(decoded),
            Inline::Code(code) => text.push_str(code),
            Inline::Html(_) | Inline::Break => {}
        }
    }
    kramdown_typography(&run, &mut text);
    text
}

/// kramdown's typographic symbols, in the order of its pattern; `<< ` and ` >>` keep their
/// space as a no-break space.
fn kramdown_typography(text: &str, out: &mut String) {
    const SYMBOLS: &[(&str, &str)] = &[
        ("---", "—"),
        ("--", "–"),
        ("...", "…"),
        ("<< ", "«\u{a0}"),
        (" >>", "\u{a0}»"),
        ("<<", "«"),
        (">>", "»"),
    ];
    let mut rest = text;
    'scan: while let Some(c) = rest.chars().next() {
        for (symbol, replacement) in SYMBOLS {
            if let Some(after) = rest.strip_prefix(symbol) {
                out.push_str(replacement);
                rest = after;
                continue 'scan;
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
}

/// The heading's HTML as hexo-renderer-marked writes it, with its escaping undone: text
/// after smartypants, code as written, HTML tags, entities unescaped as hexo-util does.
fn hexo_html(inlines: &[Inline]) -> String {
    let mut html = String::new();
    let mut run = String::new();
    let mut open = Vec::new();
    for inline in inlines {
        if !matches!(inline, Inline::Text(_)) {
            html.push_str(&smartypants(&run));
            run.clear();
        }
        let in_image = open.contains(&Container::Image);
        match *inline {
            Inline::Open(container) => open.push(container),
            Inline::Close => {
                open.pop();
            }
            // An image is an `<img>` tag: stripped with its alt text.
            _ if in_image => {}
            Inline::Text(piece) => run.push_str(piece),
            Inline::Entity { written, .. } => html.push_str(hexo_unescape(written)),
            Inline::Code(piece) | Inline::Html(piece) => html.push_str(piece),
            // With `breaks: true`, a `<br>`: stripped.
            Inline::Break => {}
        }
    }
    html.push_str(&smartypants(&run));
    html
}

/// hexo-util's `unescapeHTML`, for one entity as written.
fn hexo_unescape(entity: &str) -> &str {
    match entity {
        "&amp;" => "&",
        "&lt;" => "<",
        "&gt;" => ">",
        "&quot;" => "\"",
        "&#39;" => "'",
        "&#96;" => "`",
        "&#x2F;" => "/",
        "&#x3D;" => "=",
        other => other,
    }
}

/// hexo-renderer-marked's smartypants, applied to each text token.
fn smartypants(text: &str) -> String {
    let text = text.replace("---", "\u{2014}").replace("--", "\u{2013}");
    let mut out = String::with_capacity(text.len());
    // Opening quotes follow the start, whitespace or one of these.
    let opens_single = |before: Option<char>| {
        before.is_none_or(|c| is_js_space(c) || "-\u{2014}/([{\"".contains(c))
    };
    let opens_double = |before: Option<char>| {
        before.is_none_or(|c| is_js_space(c) || "-\u{2014}/([{\u{2018}".contains(c))
    };
    // Singles are replaced over the whole text before doubles are, so a double quote sees
    // the single quotes before it already replaced.
    let mut singles = String::with_capacity(text.len());
    let mut before = None;
    for c in text.chars() {
        let replaced = match c {
            '\'' if opens_single(before) => '\u{2018}',
            '\'' => '\u{2019}',
            c => c,
        };
        singles.push(replaced);
        before = Some(c);
    }
    let mut before = None;
    for c in singles.chars() {
        out.push(match c {
            '"' if opens_double(before) => '\u{201c}',
            '"' => '\u{201d}',
            c => c,
        });
        before = Some(c);
    }
    out.replace("...", "\u{2026}")
}

/// Goldmark's plain text of a heading (Hugo's `TextPlain`), its last line; `None` when it is
/// empty.
fn hugo_text(inlines: &[Inline]) -> Option<String> {
    let nodes = goldmark_nodes(&mut inlines.iter());
    let mut text = String::new();
    for node in &nodes {
        node.plain_text(&mut text);
    }
    let last = text.rsplit('\n').next().unwrap_or_default();
    (!last.is_empty()).then(|| last.to_owned())
}

/// A heading's inline content as goldmark's tree has it.
enum Node {
    /// A text segment, or a typographic substitution.
    Text(String),
    Code(String),
    Container(Container, Vec<Node>),
    Break,
}

impl Node {
    /// Hugo's `textPlainTo`: a container gives its first child only.
    fn plain_text(&self, out: &mut String) {
        match self {
            Node::Text(text) => out.push_str(text),
            Node::Code(code) => out.push_str(&resolve_entity_names(code)),
            Node::Container(Container::Autolink, _) => {}
            Node::Container(_, children) => {
                if let Some(first) = children.first() {
                    first.plain_text(out);
                }
            }
            Node::Break => out.push('\n'),
        }
    }
}

/// Builds goldmark's nodes from the pieces up to the next unmatched [`Inline::Close`]: text
/// and entities merged into one segment, then cut by the typographer.
fn goldmark_nodes<'a>(inlines: &mut impl Iterator<Item = &'a Inline<'a>>) -> Vec<Node> {
    let mut nodes = Vec::new();
    let mut segment = String::new();
    loop {
        let inline = inlines.next();
        if !matches!(inline, Some(Inline::Text(_) | Inline::Entity { .. })) {
            typographer(&segment, &mut nodes);
            segment.clear();
        }
        match inline {
            None | Some(Inline::Close) => return nodes,
            Some(Inline::Text(text)) => segment.push_str(text),
            // Goldmark resolves named references in the plain text, not numeric ones.
            Some(Inline::Entity { written, text }) => {
                segment.push_str(if written.starts_with("&#") {
                    written
                } else {
                    text
                })
            }
            Some(Inline::Code(code)) => nodes.push(Node::Code((*code).to_owned())),
            // Raw HTML gives its text without tags: nothing, for a tag or a comment; but it
            // is a node, and may be an emphasis's first.
            Some(Inline::Html(_)) => nodes.push(Node::Text(String::new())),
            Some(Inline::Open(container)) => {
                let children = goldmark_nodes(inlines);
                nodes.push(Node::Container(*container, children));
            }
            Some(Inline::Break) => nodes.push(Node::Break),
        }
    }
}

/// Goldmark's typographer: `---`, `--`, `...`, `<<`, `>>` and quotes become nodes of their
/// own. Which quotes it replaces depends on their neighbours; here every one is, which
/// matters only for the first piece of an emphasis or link.
fn typographer(text: &str, nodes: &mut Vec<Node>) {
    const SUBSTITUTIONS: &[(&str, &str)] = &[
        ("---", "—"),
        ("--", "–"),
        ("...", "…"),
        ("<<", "«"),
        (">>", "»"),
        ("'", "’"),
        ("\"", "”"),
    ];
    let mut plain = String::new();
    let mut rest = text;
    'scan: while let Some(c) = rest.chars().next() {
        for (pattern, replacement) in SUBSTITUTIONS {
            if let Some(after) = rest.strip_prefix(pattern) {
                if !plain.is_empty() {
                    nodes.push(Node::Text(std::mem::take(&mut plain)));
                }
                nodes.push(Node::Text((*replacement).to_owned()));
                rest = after;
                continue 'scan;
            }
        }
        plain.push(c);
        rest = &rest[c.len_utf8()..];
    }
    if !plain.is_empty() {
        nodes.push(Node::Text(plain));
    }
}

/// Goldmark's `ResolveEntityNames` on code, for the references that occur in practice.
fn resolve_entity_names(code: &str) -> String {
    if !code.contains('&') {
        return code.to_owned();
    }
    code.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

// How each generator slugs.

static GITHUB_SLUGGER_REMOVES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"[[\p{No}\p{Pd}\p{Ps}\p{Pe}\p{Pi}\p{Pf}\p{Po}\p{S}\p{Cc}\p{Co}\p{Cf}\p{Z}]",
        r"--[\p{Alphabetic} \-]]",
        r"|[^\p{Age=13.0}]|\p{Noncharacter_Code_Point}",
    ))
    .expect("a valid pattern")
});

/// github-slugger's `slug`, without the numbering.
pub fn github_slug(text: &str) -> String {
    GITHUB_SLUGGER_REMOVES
        .replace_all(&text.to_lowercase(), "")
        .replace(' ', "-")
}

static HUGO_DROPS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[^_\p{L}\p{Nd} \-]+").expect("a valid pattern"));

/// Hugo's `sanitizeAnchorName` for `github` and `github-ascii`.
fn hugo_github_slug(text: &str, ascii: bool) -> String {
    let text = if ascii {
        text.chars().map(hugo_remove_accents).collect()
    } else {
        text.to_owned()
    };
    HUGO_DROPS
        .replace_all(text.trim(), "")
        .chars()
        .filter(|c| !ascii || c.is_ascii())
        .map(|c| if c == ' ' { '-' } else { go_to_lower(c) })
        .collect()
}

/// Go's `unicode.ToLower`: the simple mapping, one character for one.
fn go_to_lower(c: char) -> char {
    if c == 'İ' {
        return 'i';
    }
    c.to_lowercase().next().unwrap_or(c)
}

/// Hugo's `RemoveAccents` (NFD, marks dropped, NFC), for the characters that leave an ASCII
/// letter: Latin letters with diacritics, the Kelvin and Ångström signs.
fn hugo_remove_accents(c: char) -> char {
    match c {
        'K' => 'K',
        'Å' => 'A',
        'ſ' | 'ẛ' => c,
        '\u{c0}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}' => match folded(c) {
            Some(base) if base.len() == 1 && base.as_bytes()[0].is_ascii_alphabetic() => {
                base.as_bytes()[0] as char
            }
            _ => c,
        },
        _ => c,
    }
}

static LETTER_OR_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\p{L}\p{N}]").expect("a valid pattern"));

/// blackfriday's `SanitizedAnchorName`.
fn blackfriday_slug(text: &str) -> String {
    let mut id = String::with_capacity(text.len());
    let mut dash = false;
    let mut buffer = [0; 4];
    for c in text.chars() {
        if LETTER_OR_NUMBER.is_match(c.encode_utf8(&mut buffer)) {
            if dash && !id.is_empty() {
                id.push('-');
            }
            dash = false;
            id.push(go_to_lower(c));
        } else {
            dash = true;
        }
    }
    id
}

/// kramdown's `basic_generate_id`, after transliteration if asked.
fn kramdown_slug(text: &str, transliterate: bool) -> String {
    let text = if transliterate {
        text.chars()
            .map(|c| {
                if c.is_ascii() {
                    c.to_string()
                } else {
                    deunicode::deunicode_char(c).unwrap_or("?").to_owned()
                }
            })
            .collect()
    } else {
        text.to_owned()
    };
    let from_letter = text.trim_start_matches(|c: char| !c.is_ascii_alphabetic());
    from_letter
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == ' ' || *c == '-')
        .map(|c| {
            if c == ' ' {
                '-'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

static GFM_DELETES: LazyLock<Regex> = LazyLock::new(|| {
    // Onigmo's \p{Word} in Ruby 3.1 (Unicode 13), which leaves out the joiners.
    Regex::new(r"[^[\w&&\p{Age=13.0}--\p{Join_Control}]\- \t]").expect("a valid pattern")
});

/// kramdown-parser-gfm's `generate_gfm_header_id`, without the numbering.
fn gfm_slug(text: &str) -> String {
    // Ruby's downcase maps each character on its own: no final sigma.
    let lower: String = text.chars().flat_map(char::to_lowercase).collect();
    GFM_DELETES
        .replace_all(&lower, "")
        .replace([' ', '\t'], "-")
}

/// JavaScript's `\s`, which `trim()` also removes.
fn is_js_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202f}'
                | '\u{205f}'
                | '\u{3000}'
                | '\u{feff}'
    )
}

/// hexo-util's `stripHTML` (striptags): tags and comments removed, a `<` followed by a
/// space kept.
fn strip_tags(html: &str) -> String {
    enum State {
        Text,
        Tag,
        Comment,
    }
    let mut state = State::Text;
    let mut tag = String::new();
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut out = String::with_capacity(html.len());
    for c in html.chars() {
        match state {
            State::Text => {
                if c == '<' {
                    state = State::Tag;
                    tag.push(c);
                } else {
                    out.push(c);
                }
            }
            State::Tag => match c {
                '<' if quote.is_none() => depth += 1,
                '<' => {}
                '>' if quote.is_some() => {}
                '>' if depth > 0 => depth -= 1,
                '>' => {
                    quote = None;
                    state = State::Text;
                    tag.clear();
                }
                '"' | '\'' => {
                    if quote == Some(c) {
                        quote = None;
                    } else if quote.is_none() {
                        quote = Some(c);
                    }
                    tag.push(c);
                }
                '-' => {
                    if tag == "<!-" {
                        state = State::Comment;
                    }
                    tag.push(c);
                }
                ' ' | '\n' if tag == "<" => {
                    state = State::Text;
                    out.push_str("< ");
                    tag.clear();
                }
                c => tag.push(c),
            },
            State::Comment => {
                if c == '>' {
                    if tag.ends_with("--") {
                        state = State::Text;
                    }
                    tag.clear();
                } else {
                    tag.push(c);
                }
            }
        }
    }
    out
}

static HEXO_DIACRITICS: LazyLock<HashMap<char, &'static str>> = LazyLock::new(|| {
    DIACRITICS
        .iter()
        .flat_map(|(base, letters)| letters.chars().map(move |c| (c, *base)))
        .collect()
});

/// hexo-util's `slugize` with the default separator and no case change.
fn slugize(text: &str) -> String {
    let mut id = String::with_capacity(text.len());
    let mut separator = false;
    for c in text.chars() {
        let replaced = if c.is_ascii() {
            None
        } else {
            HEXO_DIACRITICS.get(&c).copied()
        };
        let mut one = [0; 4];
        for c in replaced.unwrap_or_else(|| c.encode_utf8(&mut one)).chars() {
            if c <= '\u{1f}' {
                continue;
            }
            if is_js_space(c) || "~`!@#$%^&*()-_+=[]{}|\\;:\"'<>,.?/".contains(c) {
                separator = true;
            } else {
                if separator && !id.is_empty() {
                    id.push('-');
                }
                separator = false;
                id.push(c);
            }
        }
    }
    id
}

/// VitePress's `slugify`.
fn vitepress_slug(text: &str) -> String {
    let mut id = String::with_capacity(text.len());
    let mut separator = false;
    let mut decomposed = String::new();
    for c in text.chars() {
        decomposed.clear();
        nfkd(c, &mut decomposed);
        for c in decomposed.chars() {
            if ('\u{300}'..='\u{36f}').contains(&c) || c <= '\u{1f}' {
                continue;
            }
            if is_js_space(c) || "~`!@#$%^&*()-_+=[]{}|\\;:\"'“”‘’<>,.?/".contains(c) {
                separator = true;
            } else {
                if separator && !id.is_empty() {
                    id.push('-');
                }
                separator = false;
                id.push(c);
            }
        }
    }
    if id.starts_with(|c: char| c.is_ascii_digit()) {
        id.insert(0, '_');
    }
    id.to_lowercase()
}

/// NFKD of one character, as far as VitePress's ids need it: Hangul syllables, fullwidth
/// ASCII, and the blocks of [`FOLDED`] and [`COMPOSED`]. U+0300–U+036F may be left in
/// (VitePress removes them next); other compatibility characters (mathematical letters,
/// CJK compatibility ideographs, Arabic presentation forms) stay as they are.
fn nfkd(c: char, out: &mut String) {
    const S_BASE: u32 = 0xac00;
    const T_COUNT: u32 = 28;
    const N_COUNT: u32 = 21 * T_COUNT;
    let code = c as u32;
    if (S_BASE..S_BASE + 19 * N_COUNT).contains(&code) {
        let s = code - S_BASE;
        let jamo = [
            0x1100 + s / N_COUNT,
            0x1161 + (s % N_COUNT) / T_COUNT,
            0x11a7 + s % T_COUNT,
        ];
        let count = if jamo[2] == 0x11a7 { 2 } else { 3 };
        out.extend(jamo[..count].iter().filter_map(|&j| char::from_u32(j)));
    } else if ('\u{ff01}'..='\u{ff5e}').contains(&c) {
        out.push(char::from_u32(code - 0xfee0).unwrap_or(c));
    } else if c == '\u{3000}' {
        out.push(' ');
    } else if let Some(folded) = folded(c) {
        out.push_str(folded);
    } else {
        out.push(c);
    }
}

static COMPOSED_MAP: LazyLock<HashMap<char, &'static str>> = LazyLock::new(|| {
    COMPOSED
        .split('|')
        .filter_map(|entry| {
            let c = entry.chars().next()?;
            Some((c, &entry[c.len_utf8()..]))
        })
        .collect()
});

/// What NFKD without U+0300–U+036F makes of `c`, when it changes it and [`FOLDED`] or
/// [`COMPOSED`] covers it.
fn folded(c: char) -> Option<&'static str> {
    if let Some(composed) = COMPOSED_MAP.get(&c) {
        return Some(composed);
    }
    let code = c as u32;
    let index = FOLDED.partition_point(|(start, _)| *start <= code);
    let (start, run) = FOLDED.get(index.checked_sub(1)?)?;
    let (at, base) = run.char_indices().nth((code - start) as usize)?;
    let base = &run[at..at + base.len_utf8()];
    (base != "_").then_some(base)
}

/// What VitePress's `normalize("NFKD")` and removal of U+0300–U+036F leave of each code point
/// from the run's start on (`_`: the character stays), for one character. Generated from
/// Python's `unicodedata` (Unicode 14) for Latin, Greek, Cyrillic, Indic, phonetic,
/// punctuation, letterlike, enclosed, kana, compatibility jamo and halfwidth blocks.
const FOLDED: &[(u32, &str)] = &[
    (0x00A0, " "),
    (
        0x00A8,
        " _a____ __23 μ__ 1o_____AAAAAA_CEEEEIIII_NOOOOO__UUUUY__aaaaaa_ceeeeiiii_nooooo__uuuuy_yAaAaAaCcCcCcCcDd__EeEeEeEeEeGgGgGgGgHh__IiIiIiIiI___JjKk_LlLlLl____NnNnNn___OoOoOo__RrRrRrSsSsSsSsTtTt__UuUuUuUuUuUuWwYyYZzZzZzs",
    ),
    (0x01A0, "Oo"),
    (0x01AF, "Uu"),
    (
        0x01CD,
        "AaIiOoUuUuUuUuUu_AaAaÆæ__GgKkOoOoƷʒj___Gg__NnAaÆæØøAaAaEeEeIiIiOoOoRrRrUuUuSsTt__Hh",
    ),
    (0x0226, "AaEeOoOoOoOoYy"),
    (0x0374, "ʹ_____ ___;_____  Α·ΕΗΙ_Ο_ΥΩι"),
    (0x03AA, "ΙΥαεηιυ"),
    (0x03CA, "ιυουω_βθΥΥΥφπ"),
    (0x03F0, "κρς_Θε___Σ"),
    (0x0400, "ЕЕ_Г___І____КИУ"),
    (0x0419, "И"),
    (0x0439, "и"),
    (0x0450, "ее_г___і____киу"),
    (0x0476, "Ѵѵ"),
    (0x04C1, "Жж"),
    (0x04D0, "АаАа__Ее__ӘәЖжЗз__ИиИиОо__ӨөЭэУуУуУуЧч__Ыы"),
    (0x0F0C, "་"),
    (
        0x1D2C,
        "AÆB_DEƎGHIJKLMN_OȢPRTUWaɐɑᴂbdeəɛɜg_kmŋoɔᴖᴗptuᴝɯvᴥβγδφχiruvβγρφχ",
    ),
    (0x1D78, "н"),
    (0x1D9B, "ɒcɕðɜfɟɡɥɨɩɪᵻʝɭᶅʟɱɰɲɳɴɵɸʂʃƫʉʊᴜʋʌzʐʑʒθ"),
    (
        0x1E00,
        "AaBbBbBbCcDdDdDdDdDdEeEeEeEeEeFfGgHhHhHhHhHhIiIiKkKkKkLlLlLlLlMmMmMmNnNnNnNnOoOoOoOoPpPpRrRrRrRrSsSsSsSsSsTtTtTtTtUuUuUuUuUuVvVvWwWwWwWwWwXxXxYyZzZzZzhtwy_s____AaAaAaAaAaAaAaAaAaAaAaAaEeEeEeEeEeEeEeEeIiIiOoOoOoOoOoOoOoOoOoOoOoOoUuUuUuUuUuUuUuYyYyYyYy",
    ),
    (
        0x1F00,
        "ααααααααΑΑΑΑΑΑΑΑεεεεεε__ΕΕΕΕΕΕ__ηηηηηηηηΗΗΗΗΗΗΗΗιιιιιιιιΙΙΙΙΙΙΙΙοοοοοο__ΟΟΟΟΟΟ__υυυυυυυυ_Υ_Υ_Υ_ΥωωωωωωωωΩΩΩΩΩΩΩΩααεεηηιιοουυωω__ααααααααΑΑΑΑΑΑΑΑηηηηηηηηΗΗΗΗΗΗΗΗωωωωωωωωΩΩΩΩΩΩΩΩααααα_ααΑΑΑΑΑ ι   ηηη_ηηΕΕΗΗΗ   ιιιι__ιιΙΙΙΙ_   υυυυρρυυΥΥΥΥΡ  `__ωωω_ωωΟΟΩΩΩ  _           ",
    ),
    (0x2011, "‐_____ "),
    (0x2024, "."),
    (0x202F, " "),
    (0x203E, " "),
    (0x205F, " "),
    (0x2070, "0i__456789+−=()n0123456789+−=()_aeoxəhklmnpst"),
    (0x2102, "C____Ɛ__gHHHhħIILl_N___PQRRR"),
    (0x2124, "Z_Ω_Z_KABC_eEF_Moאבגדi__πγΓΠ∑____Ddeij"),
    (0x2160, "I___V____X__LCDMi___v____x__lcdm"),
    (0x2460, "123456789"),
    (
        0x24B6,
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0",
    ),
    (0x3036, "〒_十卄卅"),
    (
        0x3131,
        "ᄀᄁᆪᄂᆬᆭᄃᄄᄅᆰᆱᆲᆳᆴᆵᄚᄆᄇᄈᄡᄉᄊᄋᄌᄍᄎᄏᄐᄑ하ᅢᅣᅤᅥᅦᅧᅨᅩᅪᅫᅬᅭᅮᅯᅰᅱᅲᅳᅴᅵᅠᄔᄕᇇᇈᇌᇎᇓᇗᇙᄜᇝᇟᄝᄞᄠᄢᄣᄧᄩᄫᄬᄭᄮᄯᄲᄶᅀᅇᅌᇱᇲᅗᅘᅙᆄᆅᆈᆑᆒᆔᆞᆡ",
    ),
    (
        0xFF5F,
        "⦅⦆。「」、・ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン\u{3099}\u{309a}ᅠᄀᄁᆪᄂᆬᆭᄃᄄᄅᆰᆱᆲᆳᆴᆵᄚᄆᄇᄈᄡᄉᄊᄋᄌᄍᄎᄏᄐᄑᄒ___ᅡᅢᅣᅤᅥᅦ__ᅧᅨᅩᅪᅫᅬ__ᅭᅮᅯᅰᅱᅲ__ᅳᅴᅵ___¢£¬ ¦¥₩_│←↑→↓■○",
    ),
];

/// The same, for characters that become more than one (or none): each entry is the
/// character, then what it becomes; entries are separated by `|`.
const COMPOSED: &str = "\
    ¼1⁄4|½1⁄2|¾3⁄4|ĲIJ|ĳij|ĿL·|ŀl·|ŉʼn|ǄDZ|ǅDz|ǆdz|ǇLJ|ǈLj|ǉlj|ǊNJ|ǋNj|ǌnj|ǱDZ|ǲDz|\
    ǳdz|ऩन\u{93c}|ऱर\u{93c}|ऴळ\u{93c}|क़क\u{93c}|ख़ख\u{93c}|ग़ग\u{93c}|ज़ज\u{93c}|\
    ड़ड\u{93c}|ढ़ढ\u{93c}|फ़फ\u{93c}|य़य\u{93c}|\u{9cb}\u{9c7}\u{9be}|\
    \u{9cc}\u{9c7}\u{9d7}|ড়ড\u{9bc}|ঢ়ঢ\u{9bc}|য়য\u{9bc}|ਲ਼ਲ\u{a3c}|ਸ਼ਸ\u{a3c}|\
    ਖ਼ਖ\u{a3c}|ਗ਼ਗ\u{a3c}|ਜ਼ਜ\u{a3c}|ਫ਼ਫ\u{a3c}|\u{b48}\u{b47}\u{b56}|\
    \u{b4b}\u{b47}\u{b3e}|\u{b4c}\u{b47}\u{b57}|ଡ଼ଡ\u{b3c}|ଢ଼ଢ\u{b3c}|ஔஒ\u{bd7}|\
    \u{bca}\u{bc6}\u{bbe}|\u{bcb}\u{bc7}\u{bbe}|\u{bcc}\u{bc6}\u{bd7}|\
    \u{c48}\u{c46}\u{c56}|\u{cc0}\u{cbf}\u{cd5}|\u{cc7}\u{cc6}\u{cd5}|\
    \u{cc8}\u{cc6}\u{cd6}|\u{cca}\u{cc6}\u{cc2}|\u{ccb}\u{cc6}\u{cc2}\u{cd5}|\
    \u{d4a}\u{d46}\u{d3e}|\u{d4b}\u{d47}\u{d3e}|\u{d4c}\u{d46}\u{d57}|\
    \u{dda}\u{dd9}\u{dca}|\u{ddc}\u{dd9}\u{dcf}|\u{ddd}\u{dd9}\u{dcf}\u{dca}|\
    \u{dde}\u{dd9}\u{ddf}|གྷག\u{fb7}|ཌྷཌ\u{fb7}|དྷད\u{fb7}|བྷབ\u{fb7}|ཛྷཛ\u{fb7}|\
    ཀྵཀ\u{fb5}|\u{f73}\u{f71}\u{f72}|\u{f75}\u{f71}\u{f74}|\u{f76}\u{fb2}\u{f80}|\
    \u{f77}\u{fb2}\u{f71}\u{f80}|\u{f78}\u{fb3}\u{f80}|\u{f79}\u{fb3}\u{f71}\u{f80}|\
    \u{f81}\u{f71}\u{f80}|\u{f93}\u{f92}\u{fb7}|\u{f9d}\u{f9c}\u{fb7}|\
    \u{fa2}\u{fa1}\u{fb7}|\u{fa7}\u{fa6}\u{fb7}|\u{fac}\u{fab}\u{fb7}|\
    \u{fb9}\u{f90}\u{fb5}|ẚaʾ|‥..|…...|″′′|‴′′′|‶‵‵|‷‵‵‵|‼!!|⁇??|⁈?!|⁉!?|⁗′′′′|₨Rs|\
    ℀a/c|℁a/s|℃°C|℅c/o|℆c/u|℉°F|№No|℠SM|℡TEL|™TM|℻FAX|⅐1⁄7|⅑1⁄9|⅒1⁄10|⅓1⁄3|⅔2⁄3|\
    ⅕1⁄5|⅖2⁄5|⅗3⁄5|⅘4⁄5|⅙1⁄6|⅚5⁄6|⅛1⁄8|⅜3⁄8|⅝5⁄8|⅞7⁄8|⅟1⁄|ⅡII|ⅢIII|ⅣIV|ⅥVI|ⅦVII|\
    ⅧVIII|ⅨIX|ⅪXI|ⅫXII|ⅱii|ⅲiii|ⅳiv|ⅵvi|ⅶvii|ⅷviii|ⅸix|ⅺxi|ⅻxii|↉0⁄3|⑩10|⑪11|⑫12|\
    ⑬13|⑭14|⑮15|⑯16|⑰17|⑱18|⑲19|⑳20|⑴(1)|⑵(2)|⑶(3)|⑷(4)|⑸(5)|⑹(6)|⑺(7)|⑻(8)|⑼(9)|\
    ⑽(10)|⑾(11)|⑿(12)|⒀(13)|⒁(14)|⒂(15)|⒃(16)|⒄(17)|⒅(18)|⒆(19)|⒇(20)|⒈1.|⒉2.|⒊3.|\
    ⒋4.|⒌5.|⒍6.|⒎7.|⒏8.|⒐9.|⒑10.|⒒11.|⒓12.|⒔13.|⒕14.|⒖15.|⒗16.|⒘17.|⒙18.|⒚19.|⒛20.|\
    ⒜(a)|⒝(b)|⒞(c)|⒟(d)|⒠(e)|⒡(f)|⒢(g)|⒣(h)|⒤(i)|⒥(j)|⒦(k)|⒧(l)|⒨(m)|⒩(n)|⒪(o)|⒫(p)|\
    ⒬(q)|⒭(r)|⒮(s)|⒯(t)|⒰(u)|⒱(v)|⒲(w)|⒳(x)|⒴(y)|⒵(z)|がか\u{3099}|ぎき\u{3099}|\
    ぐく\u{3099}|げけ\u{3099}|ごこ\u{3099}|ざさ\u{3099}|じし\u{3099}|ずす\u{3099}|ぜせ\u{3099}|\
    ぞそ\u{3099}|だた\u{3099}|ぢち\u{3099}|づつ\u{3099}|でて\u{3099}|どと\u{3099}|ばは\u{3099}|\
    ぱは\u{309a}|びひ\u{3099}|ぴひ\u{309a}|ぶふ\u{3099}|ぷふ\u{309a}|べへ\u{3099}|ぺへ\u{309a}|\
    ぼほ\u{3099}|ぽほ\u{309a}|ゔう\u{3099}|\u{309b} \u{3099}|\u{309c} \u{309a}|ゞゝ\u{3099}|\
    ゟより|ガカ\u{3099}|ギキ\u{3099}|グク\u{3099}|ゲケ\u{3099}|ゴコ\u{3099}|ザサ\u{3099}|\
    ジシ\u{3099}|ズス\u{3099}|ゼセ\u{3099}|ゾソ\u{3099}|ダタ\u{3099}|ヂチ\u{3099}|ヅツ\u{3099}|\
    デテ\u{3099}|ドト\u{3099}|バハ\u{3099}|パハ\u{309a}|ビヒ\u{3099}|ピヒ\u{309a}|ブフ\u{3099}|\
    プフ\u{309a}|ベヘ\u{3099}|ペヘ\u{309a}|ボホ\u{3099}|ポホ\u{309a}|ヴウ\u{3099}|ヷワ\u{3099}|\
    ヸヰ\u{3099}|ヹヱ\u{3099}|ヺヲ\u{3099}|ヾヽ\u{3099}|ヿコト|ﬀff|ﬁfi|ﬂfl|ﬃffi|ﬄffl|ﬅst|ﬆst";
/// hexo-util's `escapeDiacritic` map: each base, and the letters it replaces.
const DIACRITICS: &[(&str, &str)] = &[
    ("A", "ⒶＡÀÁÂẦẤẪẨÃĀĂẰẮẴẲȦǠÄǞẢÅǺǍȀȂẠẬẶḀĄȺⱯ"),
    ("AA", "Ꜳ"),
    ("AE", "ÆǼǢ"),
    ("AO", "Ꜵ"),
    ("AU", "Ꜷ"),
    ("AV", "ꜸꜺ"),
    ("AY", "Ꜽ"),
    ("B", "ⒷＢḂḄḆɃƂƁ"),
    ("C", "ⒸＣĆĈĊČÇḈƇȻꜾ"),
    ("D", "ⒹＤḊĎḌḐḒḎĐƋƊƉꝹ"),
    ("DZ", "ǱǄ"),
    ("Dz", "ǲǅ"),
    ("E", "ⒺＥÈÉÊỀẾỄỂẼĒḔḖĔĖËẺĚȄȆẸỆȨḜĘḘḚƐƎ"),
    ("F", "ⒻＦḞƑꝻ"),
    ("G", "ⒼＧǴĜḠĞĠǦĢǤƓꞠꝽꝾ"),
    ("H", "ⒽＨĤḢḦȞḤḨḪĦⱧⱵꞍ"),
    ("I", "ⒾＩÌÍÎĨĪĬİÏḮỈǏȈȊỊĮḬƗ"),
    ("J", "ⒿＪĴɈ"),
    ("K", "ⓀＫḰǨḲĶḴƘⱩꝀꝂꝄꞢ"),
    ("L", "ⓁＬĿĹĽḶḸĻḼḺŁȽⱢⱠꝈꝆꞀ"),
    ("LJ", "Ǉ"),
    ("Lj", "ǈ"),
    ("M", "ⓂＭḾṀṂⱮƜ"),
    ("N", "ⓃＮǸŃÑṄŇṆŅṊṈȠƝꞐꞤ"),
    ("NJ", "Ǌ"),
    ("Nj", "ǋ"),
    ("O", "ⓄＯÒÓÔỒỐỖỔÕṌȬṎŌṐṒŎȮȰÖȪỎŐǑȌȎƠỜỚỠỞỢỌỘǪǬØǾƆƟꝊꝌ"),
    ("OI", "Ƣ"),
    ("OO", "Ꝏ"),
    ("OU", "Ȣ"),
    ("OE", "\u{8c}Œ"),
    ("oe", "\u{9c}œ"),
    ("P", "ⓅＰṔṖƤⱣꝐꝒꝔ"),
    ("Q", "ⓆＱꝖꝘɊ"),
    ("R", "ⓇＲŔṘŘȐȒṚṜŖṞɌⱤꝚꞦꞂ"),
    ("S", "ⓈＳẞŚṤŜṠŠṦṢṨȘŞⱾꞨꞄ"),
    ("T", "ⓉＴṪŤṬȚŢṰṮŦƬƮȾꞆ"),
    ("TZ", "Ꜩ"),
    ("U", "ⓊＵÙÚÛŨṸŪṺŬÜǛǗǕǙỦŮŰǓȔȖƯỪỨỮỬỰỤṲŲṶṴɄ"),
    ("V", "ⓋＶṼṾƲꝞɅ"),
    ("VY", "Ꝡ"),
    ("W", "ⓌＷẀẂŴẆẄẈⱲ"),
    ("X", "ⓍＸẊẌ"),
    ("Y", "ⓎＹỲÝŶỸȲẎŸỶỴƳɎỾ"),
    ("Z", "ⓏＺŹẐŻŽẒẔƵȤⱿⱫꝢ"),
    ("a", "ⓐａẚàáâầấẫẩãāăằắẵẳȧǡäǟảåǻǎȁȃạậặḁąⱥɐ"),
    ("aa", "ꜳ"),
    ("ae", "æǽǣ"),
    ("ao", "ꜵ"),
    ("au", "ꜷ"),
    ("av", "ꜹꜻ"),
    ("ay", "ꜽ"),
    ("b", "ⓑｂḃḅḇƀƃɓ"),
    ("c", "ⓒｃćĉċčçḉƈȼꜿↄ"),
    ("d", "ⓓｄḋďḍḑḓḏđƌɖɗꝺ"),
    ("dz", "ǳǆ"),
    ("e", "ⓔｅèéêềếễểẽēḕḗĕėëẻěȅȇẹệȩḝęḙḛɇɛǝ"),
    ("f", "ⓕｆḟƒꝼ"),
    ("g", "ⓖｇǵĝḡğġǧģǥɠꞡᵹꝿ"),
    ("h", "ⓗｈĥḣḧȟḥḩḫẖħⱨⱶɥ"),
    ("hv", "ƕ"),
    ("i", "ⓘｉìíîĩīĭïḯỉǐȉȋịįḭɨı"),
    ("j", "ⓙｊĵǰɉ"),
    ("k", "ⓚｋḱǩḳķḵƙⱪꝁꝃꝅꞣ"),
    ("l", "ⓛｌŀĺľḷḹļḽḻſłƚɫⱡꝉꞁꝇ"),
    ("lj", "ǉ"),
    ("m", "ⓜｍḿṁṃɱɯ"),
    ("n", "ⓝｎǹńñṅňṇņṋṉƞɲŉꞑꞥ"),
    ("nj", "ǌ"),
    ("o", "ⓞｏòóôồốỗổõṍȭṏōṑṓŏȯȱöȫỏőǒȍȏơờớỡởợọộǫǭøǿɔꝋꝍɵ"),
    ("oi", "ƣ"),
    ("ou", "ȣ"),
    ("oo", "ꝏ"),
    ("p", "ⓟｐṕṗƥᵽꝑꝓꝕ"),
    ("q", "ⓠｑɋꝗꝙ"),
    ("r", "ⓡｒŕṙřȑȓṛṝŗṟɍɽꝛꞧꞃ"),
    ("s", "ⓢｓßśṥŝṡšṧṣṩșşȿꞩꞅẛ"),
    ("t", "ⓣｔṫẗťṭțţṱṯŧƭʈⱦꞇ"),
    ("tz", "ꜩ"),
    ("u", "ⓤｕùúûũṹūṻŭüǜǘǖǚủůűǔȕȗưừứữửựụṳųṷṵʉ"),
    ("v", "ⓥｖṽṿʋꝟʌ"),
    ("vy", "ꝡ"),
    ("w", "ⓦｗẁẃŵẇẅẘẉⱳ"),
    ("x", "ⓧｘẋẍ"),
    ("y", "ⓨｙỳýŷỹȳẏÿỷẙỵƴɏỿ"),
    ("z", "ⓩｚźẑżžẓẕƶȥɀⱬꝣ"),
];

#[cfg(test)]
mod tests {
    //! The vectors are the generators' own ids for the probe headings below: Hugo 0.168.0;
    //! Jekyll 4.3.1 (kramdown 2.4.0, kramdown-parser-gfm 1.1.0, Jekyll's defaults) and
    //! kramdown 2.4.0 alone (`input: kramdown`, stringex 2.8.5 for transliteration); Hexo
    //! 8.1.2's renderer (hexo-renderer-marked 7.0.1, marked 15.0.12, the hexojs site's
    //! config); VitePress 2.0.0-alpha.19's `createMarkdownRenderer`; Docusaurus 3.10.2's
    //! heading plugin (@docusaurus/mdx-loader) over remark-parse 11 with GFM, Markdown not
    //! MDX; @astrojs/markdown-remark 7.3.1's processor; Zola's heading code run over
    //! pulldown-cmark 0.13 (no Zola binary was at hand).

    use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

    use super::*;

    const PROBE_1: &str = "\
        ## Setup\n\
        ## Setup\n\
        ## Setup\n\
        ## Setup 1\n\
        ## setup-2\n\
        ## Note 1\n\
        ## Note\n\
        ## Note\n\
        ## C++ & Rust\n\
        ## What's new?\n\
        ## Using `code` here\n\
        ## *Emphasis* and **strong**\n\
        ## [A link](https://example.com) inside\n\
        ## Tom &amp; Jerry\n\
        ## Emoji 🚀 rocket\n\
        ## 一、安装 Node.js\n\
        ## 日本語の見出し\n\
        ## 한국어 제목\n\
        ## Café crème brûlée\n\
        ## Ünïcödé Straße\n\
        ## 1. Intro\n\
        ## 2024 roadmap\n\
        ## ???\n\
        ## Custom id {#custom}\n\
        ## custom\n\
        ## Foo {#bar}\n\
        ## Bar\n\
        ## A {#dup}\n\
        ## B {#dup}\n\
        ## Hello_World-Foo\n\
        ## Multiple   spaces -- and — dashes\n\
        ## Trailing punctuation...\n\
        ## <span>HTML</span> tag\n\
        ## Quotes \"double\" and 'single'\n\
        ## -leading and trailing-\n\
        ## a/b\\c|d\n\
        ## 100%\n\
        ## Привет мир\n\
        ## a < b\n\
        ## &lt;div&gt; element\n\
        ## `std::vec::Vec<T>`\n\
        ## 😀\n\
        ## Version 1.2.3\n\
        ## foo.bar_baz\n\
        ## HTTP API\n\
        ## a\u{a0}b nbsp\n\
        ## 问题：怎么办？\n\
        ## Hello, World!\n\
        ## Price: $5 @ 10% off #1\n\
        ## Apostrophe’s curly\n\
        ## Ærø ½ ™ €uro\n\
        ## Ελληνικά\n\
        ## x_y__z\n\
        ## Setup\n";

    const PROBE_2: &str = "\
        ## a--b and a---b\n\
        ## Use `--force` here\n\
        ## Code `&amp;` entity\n\
        ## ![Alt text](x.png) image\n\
        ## Rocket :rocket: go\n\
        ## İstanbul\n\
        ## ΟΔΟΣ ΣΑΣ\n\
        ## हिन्दी भाषा\n\
        ## Tab\tinside\n\
        ## <span></span>\n\
        ## Hexo's *great*\n\
        ## *Hexo*'s apostrophe\n\
        ## \"Quoted\" start\n\
        ## Wait... what\n\
        ## << guillemets >>\n\
        ## &copy; 2024 &#169;\n\
        ## a \\* escaped \\_ chars\n\
        ## Ends with hashes ##\n\
        ## [Link `code`](http://x) **bold _nested_**\n\
        ## ½ ⅓ ² ① Ⅻ\n\
        ## ﬁ ligature\n\
        ## Ⓐ circled\n\
        ## a_b-c d\n\
        ## ＡＢＣ full width\n\
        ## Zero\u{200b}width\n\
        ## 3.14159\n\
        ## ...\n\
        ## café\n\
        x\n\
        ## ##\n";

    const PROBE_3: &str = "\
        ## *it's* fine\n\
        ## *a &amp; b* x\n\
        ## *a \\* b* y\n\
        ## *a -- b* z\n\
        ## **bold `code` more** end\n\
        ## [**Strong** link](http://x) tail\n\
        ## x <code>html code</code> y\n\
        ## a <!-- comment --> b\n\
        ## a <br> b\n\
        ## <https://auto.link> autolink\n\
        ## Line with trailing spaces and backslash\\\n\
        ## Smart \"double\" and 'single'\n\
        ## a -- b\n";

    const SETEXT: &str = "\
        Setext *two*\n\
        lines\n\
        ---\n\
        ## After\n";

    enum Piece {
        Text(String),
        Entity(String, String),
        Code(String),
        Html(String),
        Open(Container),
        Close,
        Break,
    }

    /// A heading as a caller gives it: its pieces, its explicit id and, for kramdown, its
    /// source.
    struct Probe {
        pieces: Vec<Piece>,
        explicit: Option<String>,
        source: String,
    }

    impl Probe {
        fn inlines(&self) -> Vec<Inline<'_>> {
            self.pieces
                .iter()
                .map(|piece| match piece {
                    Piece::Text(text) => Inline::Text(text),
                    Piece::Entity(written, text) => Inline::Entity { written, text },
                    Piece::Code(code) => Inline::Code(code),
                    Piece::Html(html) => Inline::Html(html),
                    Piece::Open(container) => Inline::Open(*container),
                    Piece::Close => Inline::Close,
                    Piece::Break => Inline::Break,
                })
                .collect()
        }
    }

    /// The headings of `markdown` from pulldown-cmark's events, `{#id}` read if `attributes`.
    fn probe(markdown: &str, attributes: bool) -> Vec<Probe> {
        let mut options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
        if attributes {
            options |= Options::ENABLE_HEADING_ATTRIBUTES;
        }
        let mut headings = Vec::new();
        let mut current: Option<Probe> = None;
        for (event, range) in Parser::new_ext(markdown, options).into_offset_iter() {
            let written = &markdown[range.clone()];
            match event {
                Event::Start(Tag::Heading { id, .. }) => {
                    let mut source = written.lines().next().unwrap_or_default();
                    source = source.trim_start_matches('#').trim();
                    let closed = source.trim_end_matches('#');
                    if closed.ends_with(' ') {
                        source = closed.trim_end();
                    }
                    if id.is_some() {
                        source = source
                            .rsplit_once('{')
                            .map_or(source, |(text, _)| text.trim_end());
                    }
                    current = Some(Probe {
                        pieces: Vec::new(),
                        explicit: id.map(|id| id.to_string()),
                        source: source.to_owned(),
                    });
                }
                Event::End(TagEnd::Heading(_)) => headings.extend(current.take()),
                event => {
                    let Some(heading) = current.as_mut() else {
                        continue;
                    };
                    heading.pieces.push(match event {
                        Event::Text(text) if written.starts_with('&') && written != &*text => {
                            Piece::Entity(written.to_owned(), text.to_string())
                        }
                        Event::Text(text) => Piece::Text(text.to_string()),
                        Event::Code(code) => Piece::Code(code.to_string()),
                        Event::InlineHtml(html) => Piece::Html(html.to_string()),
                        Event::Start(Tag::Link {
                            link_type: LinkType::Autolink | LinkType::Email,
                            ..
                        }) => Piece::Open(Container::Autolink),
                        Event::Start(Tag::Image { .. }) => Piece::Open(Container::Image),
                        Event::Start(_) => Piece::Open(Container::Markup),
                        Event::End(_) => Piece::Close,
                        Event::SoftBreak | Event::HardBreak => Piece::Break,
                        _ => continue,
                    });
                }
            }
        }
        headings
    }

    /// Compares the ids `scheme` gives the headings of `markdown` with a generator's, given
    /// in order, separated by spaces (`∅`: an empty id, or none).
    fn check(scheme: IdScheme, markdown: &str, expected: &str) {
        let attributes = !matches!(scheme, IdScheme::HexoMarked | IdScheme::Astro);
        let headings = probe(markdown, attributes);
        let inlines: Vec<Vec<Inline>> = headings
            .iter()
            .map(|heading| match scheme {
                IdScheme::Kramdown { .. } => vec![Inline::Text(&heading.source)],
                _ => heading.inlines(),
            })
            .collect();
        let page: Vec<(&[Inline], Option<&str>)> = inlines
            .iter()
            .zip(&headings)
            .map(|(inlines, heading)| (inlines.as_slice(), heading.explicit.as_deref()))
            .collect();
        let ids = page_ids(scheme, &page);
        let expected: Vec<&str> = expected
            .split(' ')
            .map(|id| if id == "∅" { "" } else { id })
            .collect();
        assert_eq!(ids.len(), expected.len(), "{scheme:?}: {ids:?}");
        let wrong: Vec<String> = headings
            .iter()
            .zip(ids.iter().zip(expected))
            .filter(|(_, (ours, theirs))| ours != theirs)
            .map(|(heading, (ours, theirs))| {
                format!("{:?}: {ours:?}, expected {theirs:?}", heading.source)
            })
            .collect();
        assert!(wrong.is_empty(), "{scheme:?}:\n{}", wrong.join("\n"));
    }

    /// The probe without its last heading (`## ##`, which kramdown's parser does not read
    /// as a heading).
    fn without_last_heading(markdown: &str) -> &str {
        let end = markdown.trim_end().rfind('\n').map_or(0, |i| i + 1);
        &markdown[..end]
    }

    #[test]
    fn github_slugger_as_docusaurus_uses_it() {
        check(
            IdScheme::Github,
            PROBE_1,
            "\
        setup setup-1 setup-2 setup-1-1 setup-2-1 note-1 note note-2 c--rust whats-new \
        using-code-here emphasis-and-strong a-link-inside tom--jerry emoji--rocket \
        一安装-nodejs 日本語の見出し 한국어-제목 café-crème-brûlée ünïcödé-straße 1-intro 2024-roadmap ∅ \
        custom custom bar bar dup dup hello_world-foo multiple---spaces----and--dashes \
        trailing-punctuation html-tag quotes-double-and-single -leading-and-trailing- abcd \
        100 привет-мир a--b div-element stdvecvect -1 version-123 foobar_baz http-api \
        ab-nbsp 问题怎么办 hello-world price-5--10-off-1 apostrophes-curly ærø---uro ελληνικά \
        x_y__z setup-3",
        );
        check(
            IdScheme::Github,
            PROBE_2,
            "\
        a--b-and-a---b use---force-here code-amp-entity alt-text-image rocket-rocket-go \
        i\u{307}stanbul οδος-σας हिन्दी-भाषा tabinside spanspan hexos-great \
        hexos-apostrophe quoted-start wait-what -guillemets- -2024- a--escaped-_-chars \
        ends-with-hashes link-code-bold-nested ----ⅻ ﬁ-ligature ⓐ-circled a_b-c-d \
        ａｂｃ-full-width zerowidth 314159 ∅ café -1",
        );
        check(
            IdScheme::Github,
            PROBE_3,
            "\
        its-fine a--b-x a--b-y a----b-z bold-code-more-end strong-link-tail x-html-code-y \
        a--b a--b-1 httpsautolink-autolink line-with-trailing-spaces-and-backslash \
        smart-double-and-single a----b",
        );
        check(IdScheme::Github, SETEXT, "setext-twolines after");
    }

    #[test]
    fn astro() {
        check(
            IdScheme::Astro,
            PROBE_1,
            "\
        setup setup-1 setup-2 setup-1-1 setup-2-1 note-1 note note-2 c--rust whats-new \
        using-code-here emphasis-and-strong a-link-inside tom--jerry emoji--rocket \
        一安装-nodejs 日本語の見出し 한국어-제목 café-crème-brûlée ünïcödé-straße 1-intro 2024-roadmap ∅ \
        custom-id-custom custom foo-bar bar a-dup b-dup hello_world-foo \
        multiple---spaces--and--dashes trailing-punctuation html-tag \
        quotes-double-and-single -leading-and-trailing- abcd 100 привет-мир a--b \
        div-element stdvecvect -1 version-123 foobar_baz http-api ab-nbsp 问题怎么办 hello-world \
        price-5--10-off-1 apostrophes-curly ærø---uro ελληνικά x_y__z setup-3",
        );
        check(
            IdScheme::Astro,
            PROBE_2,
            "\
        ab-and-a---b use---force-here code-amp-entity -image rocket-rocket-go \
        i\u{307}stanbul οδος-σας हिन्दी-भाषा tabinside ∅ hexos-great hexos-apostrophe \
        quoted-start wait-what -guillemets- -2024- a--escaped-_-chars ends-with-hashes \
        link-code-bold-nested ----ⅻ ﬁ-ligature ⓐ-circled a_b-c-d ａｂｃ-full-width zerowidth \
        314159 -1 café -2",
        );
        check(
            IdScheme::Astro,
            PROBE_3,
            "\
        its-fine a--b-x a--b-y a--b-z bold-code-more-end strong-link-tail x-html-code-y \
        a--b a--b-1 httpsautolink-autolink line-with-trailing-spaces-and-backslash \
        smart-double-and-single a--b-2",
        );
        check(IdScheme::Astro, SETEXT, "setext-twolines after");
    }

    #[test]
    fn hugo_github() {
        check(
            IdScheme::HugoGithub,
            PROBE_1,
            "\
        setup setup-1 setup-2 setup-1-1 setup-2-1 note-1 note note-2 c--rust whats-new \
        using-code-here emphasis-and-strong a-link-inside tom--jerry emoji--rocket \
        一安装-nodejs 日本語の見出し 한국어-제목 café-crème-brûlée ünïcödé-straße 1-intro 2024-roadmap \
        heading custom custom-1 bar bar-1 dup dup hello_world-foo \
        multiple---spaces--and--dashes trailing-punctuation html-tag \
        quotes-double-and-single -leading-and-trailing- abcd 100 привет-мир a--b \
        div-element stdvecvect heading-1 version-123 foobar_baz http-api ab-nbsp 问题怎么办 \
        hello-world price-5--10-off-1 apostrophes-curly ærø---uro ελληνικά x_y__z setup-3",
        );
        check(
            IdScheme::HugoGithub,
            PROBE_2,
            "\
        ab-and-ab use---force-here code--entity alt-text-image rocket-rocket-go istanbul \
        οδοσ-σασ हनद-भष tabinside ∅ hexos-great hexos-apostrophe quoted-start wait-what \
        -guillemets- -2024-169 a--escaped-_-chars ends-with-hashes link--bold ---- \
        ﬁ-ligature -circled a_b-c-d ａｂｃ-full-width zerowidth 314159 heading café ∅",
        );
        check(
            IdScheme::HugoGithub,
            PROBE_3,
            "\
        it-fine a--b-x a--b-y a--z bold--end strong-tail x-html-code-y a--b a--b-1 autolink \
        line-with-trailing-spaces-and-backslash smart-double-and-single a--b-2",
        );
        check(IdScheme::HugoGithub, SETEXT, "lines after");
    }

    #[test]
    fn hugo_github_ascii() {
        check(
            IdScheme::HugoGithubAscii,
            PROBE_1,
            "\
        setup setup-1 setup-2 setup-1-1 setup-2-1 note-1 note note-2 c--rust whats-new \
        using-code-here emphasis-and-strong a-link-inside tom--jerry emoji--rocket -nodejs \
        heading - cafe-creme-brulee unicode-strae 1-intro 2024-roadmap heading-1 custom \
        custom-1 bar bar-1 dup dup hello_world-foo multiple---spaces--and--dashes \
        trailing-punctuation html-tag quotes-double-and-single -leading-and-trailing- abcd \
        100 --1 a--b div-element stdvecvect heading-2 version-123 foobar_baz http-api \
        ab-nbsp heading-3 hello-world price-5--10-off-1 apostrophes-curly r---uro heading-4 \
        x_y__z setup-3",
        );
        check(
            IdScheme::HugoGithubAscii,
            PROBE_2,
            "\
        ab-and-ab use---force-here code--entity alt-text-image rocket-rocket-go istanbul - \
        --1 tabinside ∅ hexos-great hexos-apostrophe quoted-start wait-what -guillemets- \
        -2024-169 a--escaped-_-chars ends-with-hashes link--bold ---- -ligature -circled \
        a_b-c-d -full-width zerowidth 314159 heading cafe ∅",
        );
        check(
            IdScheme::HugoGithubAscii,
            PROBE_3,
            "\
        it-fine a--b-x a--b-y a--z bold--end strong-tail x-html-code-y a--b a--b-1 autolink \
        line-with-trailing-spaces-and-backslash smart-double-and-single a--b-2",
        );
    }

    #[test]
    fn hugo_blackfriday() {
        check(
            IdScheme::HugoBlackfriday,
            PROBE_1,
            "\
        setup setup-1 setup-2 setup-1-1 setup-2-1 note-1 note note-2 c-rust what-s-new \
        using-code-here emphasis-and-strong a-link-inside tom-jerry emoji-rocket \
        一-安装-node-js 日本語の見出し 한국어-제목 café-crème-brûlée ünïcödé-straße 1-intro 2024-roadmap \
        heading custom custom-1 bar bar-1 dup dup hello-world-foo \
        multiple-spaces-and-dashes trailing-punctuation html-tag quotes-double-and-single \
        leading-and-trailing a-b-c-d 100 привет-мир a-b div-element std-vec-vec-t heading-1 \
        version-1-2-3 foo-bar-baz http-api a-b-nbsp 问题-怎么办 hello-world price-5-10-off-1 \
        apostrophe-s-curly ærø-½-uro ελληνικά x-y-z setup-3",
        );
        check(
            IdScheme::HugoBlackfriday,
            PROBE_2,
            "\
        a-b-and-a-b use-force-here code-entity alt-text-image rocket-rocket-go istanbul \
        οδοσ-σασ ह-न-द-भ-ष tab-inside ∅ hexo-s-great hexo-s-apostrophe quoted-start \
        wait-what guillemets 2024-169 a-escaped-chars ends-with-hashes link-bold ½-⅓-²-①-ⅻ \
        ﬁ-ligature circled a-b-c-d ａｂｃ-full-width zero-width 3-14159 heading café ∅",
        );
        check(
            IdScheme::HugoBlackfriday,
            PROBE_3,
            "\
        it-fine a-b-x a-b-y a-z bold-end strong-tail x-html-code-y a-b a-b-1 autolink \
        line-with-trailing-spaces-and-backslash smart-double-and-single a-b-2",
        );
    }

    #[test]
    fn kramdown() {
        let kramdown = IdScheme::Kramdown {
            transliterate: false,
        };
        check(
            kramdown,
            PROBE_1,
            "\
        setup setup-1 setup-2 setup-1 setup-2 note-1 note note-1 c--rust whats-new \
        using-code-here emphasis-and-strong a-linkhttpsexamplecom-inside tom-amp-jerry \
        emoji--rocket nodejs section section-1 caf-crme-brle ncd-strae intro roadmap \
        section-2 custom custom bar bar dup dup helloworld-foo \
        multiple---spaces----and--dashes trailing-punctuation spanhtmlspan-tag \
        quotes-double-and-single leading-and-trailing- abcd section-3 section-4 a--b \
        ltdivgt-element stdvecvect section-5 version-123 foobarbaz http-api ab-nbsp \
        section-6 hello-world price-5--10-off-1 apostrophes-curly r---uro section-7 xyz \
        setup-3",
        );
        check(
            kramdown,
            without_last_heading(PROBE_2),
            "\
        a--b-and-a---b use---force-here code-amp-entity alt-textxpng-image rocket-rocket-go \
        stanbul section section-1 tabinside spanspan hexos-great hexos-apostrophe \
        quoted-start wait-what guillemets- copy-2024-169 a--escaped--chars ends-with-hashes \
        link-codehttpx-bold-nested section-2 ligature circled ab-c-d full-width zerowidth \
        section-3 section-4 caf",
        );
        check(
            kramdown,
            PROBE_3,
            "\
        its-fine a-amp-b-x a--b-y a----b-z bold-code-more-end strong-linkhttpx-tail \
        x-codehtml-codecode-y a----comment----b a-br-b httpsautolink-autolink \
        line-with-trailing-spaces-and-backslash smart-double-and-single a----b",
        );
    }

    #[test]
    fn kramdown_transliterated_where_deunicode_agrees_with_stringex() {
        // kramdown 2.4.0 with stringex 2.8.5's tables. They and deunicode's differ on
        // emoji (`🚀` is nothing there, `rocket` here), CJK (`一` is `1`, `Yi`), Cyrillic
        // (`Привет` is `Priviet`), Greek (`Ελληνικά` is `Ellinika`), `—`, `™` and `€`.
        let transliterated = IdScheme::Kramdown {
            transliterate: true,
        };
        let mut ids = HeadingIds::new(transliterated);
        for (source, expected) in [
            ("Café crème brûlée", "cafe-creme-brulee"),
            ("Ünïcödé Straße", "unicode-strasse"),
            ("İstanbul", "istanbul"),
            ("ΟΔΟΣ ΣΑΣ", "odos-sas"),
            ("ﬁ ligature", "fi-ligature"),
            ("ＡＢＣ full width", "abc-full-width"),
            ("한국어 제목", "hangugeo-jemog"),
            ("日本語の見出し", "ri-ben-yu-nojian-chu-si"),
            ("½ ⅓ ² ① Ⅻ", "xii"),
            ("1. Intro", "intro"),
            ("100%", "section"),
        ] {
            assert_eq!(ids.next(source, None), expected, "{source}");
        }
    }

    #[test]
    fn vitepress_decomposes_hangul_and_voiced_kana() {
        check(
            IdScheme::Vitepress,
            "## 한국어\n## ガイド\n",
            "\u{1112}\u{1161}\u{11ab}\u{1100}\u{116e}\u{11a8}\u{110b}\u{1165} \
             \u{30ab}\u{3099}\u{30a4}\u{30c8}\u{3099}",
        );
    }

    #[test]
    fn zola_takes_the_explicit_ids_of_the_whole_page_first() {
        // From Zola's `markdown_to_html`: explicit ids are collected before any is made.
        check(
            IdScheme::ZolaOn,
            "## Custom\n## Other {#custom}\n",
            "custom-1 custom",
        );
        // Read one at a time, a later explicit id is not known yet.
        let mut ids = HeadingIds::new(IdScheme::ZolaOn);
        assert_eq!(ids.next("Custom", None), "custom");
        assert_eq!(ids.next("Other", Some("custom")), "custom");
    }

    #[test]
    fn kramdown_gfm_as_jekyll_uses_it() {
        check(
            IdScheme::KramdownGfm,
            PROBE_1,
            "\
        setup setup-1 setup-2 setup-1 setup-2 note-1 note note-1 c--rust whats-new \
        using-code-here emphasis-and-strong a-link-inside tom--jerry emoji--rocket \
        一安装-nodejs 日本語の見出し 한국어-제목 café-crème-brûlée ünïcödé-straße 1-intro 2024-roadmap ∅ \
        custom custom bar bar dup dup hello_world-foo multiple---spaces--and--dashes \
        trailing-punctuation html-tag quotes-double-and-single -leading-and-trailing- abcd \
        100 привет-мир a--b div-element stdvecvect -1 version-123 foobar_baz http-api \
        ab-nbsp 问题怎么办 hello-world price-5--10-off-1 apostrophes-curly ærø---uro ελληνικά \
        x_y__z setup-3",
        );
        check(
            IdScheme::KramdownGfm,
            PROBE_2,
            "\
        ab-and-ab use---force-here code-amp-entity -image rocket-rocket-go i\u{307}stanbul \
        οδοσ-σασ हिन्दी-भाषा tab-inside ∅ hexos-great hexos-apostrophe quoted-start \
        wait-what guillemets -2024- a--escaped-_-chars ends-with-hashes \
        link-code-bold-nested ----ⅻ ﬁ-ligature ⓐ-circled a_b-c-d ａｂｃ-full-width zerowidth \
        314159 -1 café -2",
        );
        check(
            IdScheme::KramdownGfm,
            PROBE_3,
            "\
        its-fine a--b-x a--b-y a--b-z bold-code-more-end strong-link-tail x-html-code-y \
        a--b a--b-1 httpsautolink-autolink line-with-trailing-spaces-and-backslash \
        smart-double-and-single a--b-2",
        );
    }

    #[test]
    fn hexo_marked() {
        check(
            IdScheme::HexoMarked,
            PROBE_1,
            "\
        Setup Setup-1 Setup-2 Setup-1 setup-2 Note-1 Note Note-1 C-Rust What’s-new \
        Using-code-here Emphasis-and-strong A-link-inside Tom-Jerry Emoji-🚀-rocket \
        一、安装-Node-js 日本語の見出し 한국어-제목 Cafe-creme-brulee Unicode-Strase 1-Intro 2024-roadmap ∅ \
        Custom-id-custom custom Foo-bar Bar A-dup B-dup Hello-World-Foo \
        Multiple-spaces-–-and-—-dashes Trailing-punctuation… HTML-tag \
        Quotes-“double”-and-‘single’ leading-and-trailing a-b-c-d 100 Привет-мир a-b \
        element std-vec-Vec 😀 Version-1-2-3 foo-bar-baz HTTP-API a-b-nbsp 问题：怎么办？ \
        Hello-World Price-5-10-off-1 Apostrophe’s-curly AEro-½-™-€uro Ελληνικά x-y-z \
        Setup-3",
        );
        check(
            IdScheme::HexoMarked,
            PROBE_2,
            "\
        a–b-and-a—b Use-force-here Code-amp-entity image Rocket-rocket-go Istanbul ΟΔΟΣ-ΣΑΣ \
        हिन्दी-भाषा Tabinside ∅ Hexo’s-great Hexo‘s-apostrophe “Quoted”-start Wait…-what \
        guillemets copy-2024-169 a-escaped-chars Ends-with-hashes Link-code-bold-nested \
        ½-⅓-²-①-Ⅻ ﬁ-ligature A-circled a-b-c-d ABC-full-width Zero\u{200b}width 3-14159 … \
        cafe -1",
        );
        check(
            IdScheme::HexoMarked,
            PROBE_3,
            "\
        it’s-fine a-b-x a-b-y a-–-b-z bold-code-more-end Strong-link-tail x-html-code-y a-b \
        a-b-1 https-auto-link-autolink Line-with-trailing-spaces-and-backslash \
        Smart-“double”-and-‘single’ a-–-b",
        );
        check(IdScheme::HexoMarked, SETEXT, "Setext-twolines After");
    }

    #[test]
    fn zola() {
        check(
            IdScheme::ZolaOn,
            PROBE_1,
            "\
        setup setup-1 setup-2 setup-1-1 setup-2-1 note-1 note note-2 c-rust what-s-new \
        using-code-here emphasis-and-strong a-link-inside tom-jerry emoji-rocket-rocket \
        yi-an-zhuang-node-js ri-ben-yu-nojian-chu-si hangugeo-jemog cafe-creme-brulee \
        unicode-strasse 1-intro 2024-roadmap ∅ custom custom-1 bar bar-1 dup dup \
        hello-world-foo multiple-spaces-and-dashes trailing-punctuation html-tag \
        quotes-double-and-single leading-and-trailing a-b-c-d 100 privet-mir a-b \
        div-element std-vec-vec-t grinning version-1-2-3 foo-bar-baz http-api a-b-nbsp \
        wen-ti-zen-me-ban hello-world price-5-10-off-1 apostrophe-s-curly \
        aero-1-2-tm-eururo ellenika x-y-z setup-3",
        );
        check(
            IdScheme::ZolaOn,
            PROBE_2,
            "\
        a-b-and-a-b use-force-here code-amp-entity alt-text-image rocket-rocket-go istanbul \
        odos-sas hindii-bhaassaa tab-inside ∅ hexo-s-great hexo-s-apostrophe quoted-start \
        wait-what guillemets c-2024-c a-escaped-chars ends-with-hashes \
        link-code-bold-nested 1-2-1-3-2-1-xii fi-ligature a-circled a-b-c-d abc-full-width \
        zero-width 3-14159 -1 cafe -2",
        );
        check(
            IdScheme::ZolaOn,
            PROBE_3,
            "\
        it-s-fine a-b-x a-b-y a-b-z bold-code-more-end strong-link-tail x-html-code-y a-b \
        a-b-1 https-auto-link-autolink line-with-trailing-spaces-and-backslash \
        smart-double-and-single a-b-2",
        );
        check(IdScheme::ZolaOn, SETEXT, "setext-twolines after");
        check(
            IdScheme::ZolaSafe,
            PROBE_1,
            "\
        Setup Setup-1 Setup-2 Setup_1 setup-2 Note_1 Note Note-1 C++_&_Rust What's_new? \
        Using_code_here Emphasis_and_strong A_link_inside Tom_&_Jerry Emoji_🚀_rocket \
        一、安装_Node.js 日本語の見出し 한국어_제목 Café_crème_brûlée Ünïcödé_Straße 1._Intro 2024_roadmap \
        ??? custom custom-1 bar Bar dup dup Hello_World-Foo \
        Multiple___spaces_--_and_—_dashes Trailing_punctuation... HTML_tag \
        Quotes_\"double\"_and_'single' -leading_and_trailing- a/b\\c|d 100% Привет_мир \
        a_<_b <div>_element std::vec::Vec<T> 😀 Version_1.2.3 foo.bar_baz HTTP_API \
        a\u{a0}b_nbsp 问题：怎么办？ Hello,_World! Price:_$5_@_10%_off_#1 Apostrophe’s_curly \
        Ærø_½_™_€uro Ελληνικά x_y__z Setup-3",
        );
        check(
            IdScheme::ZolaOff,
            PROBE_2,
            "\
        a--b_and_a---b Use_--force_here Code_&amp;_entity Alt_text_image Rocket_:rocket:_go \
        İstanbul ΟΔΟΣ_ΣΑΣ हिन्दी_भाषा Tab_inside ∅ Hexo's_great Hexo's_apostrophe \
        \"Quoted\"_start Wait..._what <<_guillemets_>> ©_2024_© a_*_escaped___chars \
        Ends_with_hashes Link_code_bold_nested ½_⅓_²_①_Ⅻ ﬁ_ligature Ⓐ_circled a_b-c_d \
        ＡＢＣ_full_width Zero\u{200b}width 3.14159 ... café -1",
        );
        check(
            IdScheme::ZolaSafe,
            PROBE_3,
            "\
        it's_fine a_&_b_x a_*_b_y a_--_b_z bold_code_more_end Strong_link_tail \
        x_html_code_y a__b a__b-1 https://auto.link_autolink \
        Line_with_trailing_spaces_and_backslash\\ Smart_\"double\"_and_'single' a_--_b",
        );
    }

    #[test]
    fn vitepress() {
        // VitePress stops on the probe's repeated `{#dup}`: it ran without those two.
        let probe = PROBE_1.replace("## A {#dup}\n## B {#dup}\n", "");
        check(
            IdScheme::Vitepress,
            &probe,
            "\
        setup setup-1 setup-2 setup-1-1 setup-2-1 note-1 note note-2 c-rust what-s-new \
        using-code-here emphasis-and-strong a-link-inside tom-amp-jerry emoji-🚀-rocket \
        一、安装-node-js 日本語の見出し 한국어-제목 cafe-creme-brulee unicode-straße _1-intro \
        _2024-roadmap ∅ custom custom-1 bar bar-1 hello-world-foo \
        multiple-spaces-and-—-dashes trailing-punctuation html-tag quotes-double-and-single \
        leading-and-trailing a-b-c-d _100 привет-мир a-b lt-div-gt-element std-vec-vec-t 😀 \
        version-1-2-3 foo-bar-baz http-api a-b-nbsp 问题-怎么办 hello-world price-5-10-off-1 \
        apostrophe-s-curly ærø-1⁄2-tm-€uro ελληνικα x-y-z setup-3",
        );
        // `:rocket:` is an emoji to VitePress, which leaves it out; not modelled.
        let probe = PROBE_2.replace("## Rocket :rocket: go\n", "");
        check(
            IdScheme::Vitepress,
            &probe,
            "\
        a-b-and-a-b use-force-here code-amp-entity alt-text-image istanbul \
        οδος-σας हिन्दी-भाषा tabinside ∅ hexo-s-great hexo-s-apostrophe quoted-start \
        wait-what guillemets copy-2024-169 a-escaped-chars ends-with-hashes \
        link-code-bold-nested _1⁄2-1⁄3-2-1-xii fi-ligature a-circled a-b-c-d abc-full-width \
        zero\u{200b}width _3-14159 -1 cafe -2",
        );
        check(
            IdScheme::Vitepress,
            PROBE_3,
            "\
        it-s-fine a-amp-b-x a-b-y a-b-z bold-code-more-end strong-link-tail x-html-code-y \
        a-b a-b-1 https-auto-link-autolink line-with-trailing-spaces-and-backslash \
        smart-double-and-single a-b-2",
        );
        check(IdScheme::Vitepress, SETEXT, "setext-twolines after");
    }
}
