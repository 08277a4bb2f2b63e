//! The template syntax in a post's body: the tags, shortcodes and macros a generator
//! renders before or around Markdown, found per generator so that the Markdown rules and
//! the word counts do not read them as Markdown or as words. A pure scanner over the body,
//! linear in its length; it never fails, and what it cannot read is left as text.
//!
//! What each generator does, as its source has it:
//!
//! - **Hexo** (`lib/hexo/post.ts`, `lib/extend/tag.ts`): fenced code is set aside first,
//!   then `escapeAllSwigTags` hides every `{{ }}`, `{# #}` and `{% %}` from the Markdown
//!   renderer, skipping inline code and HTML comments. A `{% x %}` followed by an
//!   `{% endx %}` is hidden whole, body included, and Nunjucks renders it afterwards: its
//!   body is Markdown only when the tag renders it so (`note`, `blockquote`, `pullquote`
//!   call `render.renderSync` with the Markdown engine); `code`/`codeblock`, `raw` and the
//!   rest are not. A tag without its end is a lone tag.
//! - **Jekyll** (Liquid's `tokenizer.rb`, `tags/raw.rb`, `tags/comment.rb`): Liquid runs
//!   over the whole body, code included, before kramdown, so a block's body is Markdown
//!   unless the block is a `comment` (nested comments counted, not output), `highlight`
//!   (code) or `capture` (not output there). `raw` keeps the tags up to the first `endraw`
//!   as text, and that text is still Markdown: jekyllrb.com's 4.3.0 post wraps a whole
//!   `### Liquid Templates` section in one. A `{% %}` ends at the first `%}` and a `{{ }}`
//!   at the first `}}`, quotes or not.
//! - **Hugo** (`parser/pageparser/pagelexer_shortcode.go`, `hugolib/shortcode.go`):
//!   `{{< >}}` and `{{% %}}` everywhere, code fences included; `{{</* x */>}}` is printed
//!   as the text `{{< x >}}`. Whether a shortcode is paired is whether its template reads
//!   `.Inner`, so here whether a closing `{{< /x >}}` follows. The output of `{{% %}}` is
//!   Markdown; the inner of `{{< >}}` is whatever the template makes of it, taken as
//!   Markdown for [`MARKDOWN_CONTAINERS`] and as not Markdown otherwise. `highlight`,
//!   `comment`, `qr` and inline shortcodes (`{{< x.inline >}}`, whose inner is a Go
//!   template) are never Markdown. `{{/* */}}` means nothing in content: it is text.
//! - **Zola** (`components/markdown/src/content.pest`): `{{ name(args) }}` and
//!   `{% name(args) %}…{% end %}` with Tera literals as arguments, everywhere; anything
//!   else in braces (`{{ page.title }}`, `{% endfor %}`) is text. `{{/* … */}}` and
//!   `{%/* … */%}` are printed without their comment marks. A body goes to the template as
//!   `body`, not through Markdown unless the template pipes it to `markdown` (containers).
//! - **VitePress** (`src/node/markdown/plugins/containers.ts`, `highlight.ts`): Vue reads
//!   `{{ }}` everywhere in the rendered page except under `v-pre`: fenced code (unless its
//!   language ends in `-vue`), `::: v-pre` containers and elements with a `v-pre`
//!   attribute. Inline code is not `v-pre`.
//! - **Docusaurus, Astro** (MDX): only comments `{/* */}`, outside code.
//!
//! Ranges inside code are reported where the generator reads them there (Hugo, Jekyll,
//! Zola); postlint ignores code for headings and words anyway.

use std::collections::HashMap;
use std::ops::Range;

use memchr::{memchr, memmem};

/// Which template language the generator runs over a post's body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TemplateSyntax {
    /// Nunjucks tags `{% %}`, `{{ }}` and `{# #}`, outside code and HTML comments.
    Hexo,
    /// Liquid, everywhere.
    Jekyll,
    /// Shortcodes `{{< >}}` and `{{% %}}`, everywhere.
    Hugo,
    /// Tera-style shortcode calls `{{ name(…) }}` and `{% name(…) %}…{% end %}`.
    Zola,
    /// Vue `{{ }}` interpolation, outside `v-pre`.
    Vitepress,
    /// MDX comments `{/* */}`, outside code.
    Docusaurus,
    /// MDX comments, as Docusaurus (an `.mdx` post; a `.md` one has none).
    Astro,
    /// No known generator: `{{ … }}` and `{% … %}` within a paragraph are not words.
    None,
}

/// The template syntax of a body, as byte ranges into it. Each list is in order and its
/// ranges do not overlap (an opaque inner may hold tags, and a comment is both a tag and,
/// inside, opaque); every offset is on a character boundary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Regions {
    /// Byte ranges whose content the generator does not render as Markdown: the bodies of
    /// code blocks (`{% codeblock %}`, `{% highlight %}`, `{{< highlight >}}`), of Hexo's
    /// `{% raw %}`, of comments, escaped shortcodes and the inner of paired shortcodes
    /// that are not Markdown. Headings, links, images and words inside are not the
    /// author's Markdown.
    pub opaque: Vec<Range<usize>>,
    /// Every tag, shortcode and macro itself, a comment whole: not words, not link text.
    /// A paired tag's opening and closing tags are two ranges.
    pub tags: Vec<Range<usize>>,
    /// Links written in the generator's own syntax, for link checking.
    pub links: Vec<TemplateLink>,
}

/// A link written as a tag or shortcode: `{{< ref "post.md" >}}`, `{% post_link slug %}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateLink {
    pub kind: TemplateLinkKind,
    /// The target as written, without its quotes: `post.md`, `/blog/x.md#frag`, `slug`.
    pub target: String,
    /// Where the target is written.
    pub target_range: Range<usize>,
    /// The whole tag.
    pub range: Range<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TemplateLinkKind {
    /// Hugo `{{< ref >}}`: a page by path, as an absolute permalink.
    HugoRef,
    /// Hugo `{{< relref >}}`: a page by path, as a relative permalink.
    HugoRelref,
    /// Hexo `{% post_link slug [title] %}`: a post by slug or title.
    HexoPostLink,
    /// Hexo `{% post_path slug %}`: a post's URL by slug or title.
    HexoPostPath,
    /// Hexo `{% asset_img [class] file [...] %}`: an image of the post's asset folder.
    HexoAssetImg,
    /// Hexo `{% asset_link file [title] %}`: a file of the post's asset folder.
    HexoAssetLink,
    /// Hexo `{% asset_path file %}`: a file's URL in the post's asset folder.
    HexoAssetPath,
    /// Jekyll `{% link _posts/x.md %}`: a file by its path in the site.
    JekyllLink,
    /// Jekyll `{% post_url 2020-01-01-x %}`: a post by its file name.
    JekyllPostUrl,
}

/// Paired shortcodes and tags whose inner the theme renders as Markdown, by the last
/// segment of their name, in any case. Hugo's own `details` (`.Inner | .Page.RenderString`);
/// linkerd.io's `note` and `warning` (the same), Hexo's `blockquote`, `quote` and
/// `pullquote` and hexo.io's `note` (`render.renderSync` with Markdown); and the
/// admonition, disclosure and layout names of the common Hugo, Hexo and Zola themes
/// (Docsy, Hextra, Book, Relearn, LoveIt/FixIt, Blowfish/Congo, NexT, Butterfly, tabi),
/// whose templates pipe the inner to `markdownify` or `markdown`. Not `figure` (Hugo's
/// takes no inner), nor `highlight`, `code`, `raw`, `html`, `mermaid`, `katex`, `math`:
/// their inner is code or markup.
pub const MARKDOWN_CONTAINERS: &[&str] = &[
    "accordion",
    "admonition",
    "alert",
    "aside",
    "blockquote",
    "box",
    "callout",
    "card",
    "caution",
    "center",
    "collapse",
    "column",
    "columns",
    "danger",
    "details",
    "expand",
    "folding",
    "hint",
    "important",
    "info",
    "lead",
    "note",
    "notice",
    "panel",
    "pullquote",
    "quote",
    "spoiler",
    "steps",
    "subtabs",
    "tab",
    "tabpane",
    "tabs",
    "tip",
    "warning",
];

/// The template syntax of `body` as `syntax`'s generator reads it.
pub fn regions(body: &str, syntax: TemplateSyntax) -> Regions {
    regions_with(body, syntax, &[])
}

/// As [`regions`], with more names whose inner is Markdown than [`MARKDOWN_CONTAINERS`]:
/// the site's own shortcodes whose template renders `.Inner` as Markdown (see
/// [`renders_inner_as_markdown`]).
pub fn regions_with(body: &str, syntax: TemplateSyntax, containers: &[&str]) -> Regions {
    let is_container = |name: &str| {
        let last = name.rsplit('/').next().unwrap_or(name);
        MARKDOWN_CONTAINERS
            .iter()
            .chain(containers)
            .any(|known| known.eq_ignore_ascii_case(last) || known.eq_ignore_ascii_case(name))
    };
    match syntax {
        TemplateSyntax::Hugo => hugo(body, &is_container),
        TemplateSyntax::Jekyll => jekyll(body),
        TemplateSyntax::Hexo => hexo(body, &is_container),
        TemplateSyntax::Zola => zola(body, &is_container),
        TemplateSyntax::Vitepress => {
            let mask = vitepress_mask(body);
            let tokens = lex_braces(body, &mask, &[(b'{', b"}}".as_slice())]);
            assemble(&Lexed::new(tokens), |_| false, |_| None)
        }
        TemplateSyntax::Docusaurus | TemplateSyntax::Astro => {
            let mask = mdx_mask(body);
            assemble(&Lexed::new(lex_mdx(body, &mask)), |_| false, |_| None)
        }
        TemplateSyntax::None => {
            let kinds = [(b'{', b"}}".as_slice()), (b'%', b"%}".as_slice())];
            let tokens = lex_braces(body, &[], &kinds);
            assemble(&Lexed::new(tokens), |_| false, |_| None)
        }
    }
}

/// Whether a Hugo shortcode template renders its `.Inner` as Markdown (`markdownify`,
/// `.Page.RenderString`), so that the site can add the shortcode to
/// [`regions_with`]'s containers.
pub fn renders_inner_as_markdown(template: &str) -> bool {
    template.contains(".Inner")
        && (template.contains("markdownify") || template.contains("RenderString"))
}

// The generators.

fn hugo(body: &str, is_container: &dyn Fn(&str) -> bool) -> Regions {
    let mut lexed = Lexed::new(HugoLexer::new().lex(body));
    pair_stack(body, &mut lexed);
    let opaque = |open: &Token| {
        let name = &body[open.name.clone()];
        let last = name.rsplit('/').next().unwrap_or(name);
        ["highlight", "comment", "qr"]
            .iter()
            .any(|never| never.eq_ignore_ascii_case(last))
            || name.ends_with(".inline")
            || (!open.markup && !is_container(name))
    };
    assemble(&lexed, opaque, |token| hugo_link(body, token))
}

fn jekyll(body: &str) -> Regions {
    let mut lexed = Lexed::new(lex_tags(body, Dialect::Liquid, &[]));
    pair_verbatim(body, &mut lexed, &["raw"]);
    pair_comments(body, &mut lexed);
    pair_stack(body, &mut lexed);
    let opaque = |open: &Token| {
        matches!(
            &body[open.name.clone()],
            "comment" | "highlight" | "capture"
        )
    };
    assemble(&lexed, opaque, |token| jekyll_link(body, token))
}

fn hexo(body: &str, is_container: &dyn Fn(&str) -> bool) -> Regions {
    let fences = code_blocks(body, Blocks::Hexo);
    let tokens = lex_tags(body, Dialect::Nunjucks, &fences);
    let kept = hexo_escape(body, &fences, &tokens);
    let mut lexed = Lexed::new(tokens);
    lexed.kept = kept;
    pair_verbatim(body, &mut lexed, &["raw", "verbatim"]);
    pair_stack(body, &mut lexed);
    let opaque = |open: &Token| !is_container(&body[open.name.clone()]);
    assemble(&lexed, opaque, |token| hexo_link(body, token))
}

fn zola(body: &str, is_container: &dyn Fn(&str) -> bool) -> Regions {
    let mut lexed = Lexed::new(ZolaLexer::new().lex(body));
    pair_stack(body, &mut lexed);
    let opaque = |open: &Token| !is_container(&body[open.name.clone()]);
    assemble(&lexed, opaque, |_| None)
}

// Tokens and how they pair.

/// One tag, shortcode or comment, as a lexer finds it.
#[derive(Debug, Clone)]
struct Token {
    range: Range<usize>,
    /// The name as written: `note` of `{% note info %}` and of `{% endnote %}`, `x` of
    /// `{{< /x >}}`; empty for Zola's `{% end %}`, which closes whatever is open.
    name: Range<usize>,
    /// After the name, before the closing delimiter.
    args: Range<usize>,
    role: Role,
    /// Hugo's `{{% %}}`, whose output is Markdown.
    markup: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Role {
    /// May open a block, if a closing tag of its name follows.
    Open,
    Close,
    /// Never opens a block: a variable, a self-closing shortcode, a Zola call in `{{ }}`.
    Lone,
    /// A tag whose inside, given here, is not rendered at all.
    Comment(Range<usize>),
    /// Template syntax the generator prints as text: opaque, not a tag.
    Escape,
}

impl Token {
    fn lone(range: Range<usize>, args: Range<usize>) -> Token {
        Token {
            name: range.start..range.start,
            range,
            args,
            role: Role::Lone,
            markup: false,
        }
    }
}

/// Tokens, which of them are still tags (not text inside a raw block or a comment), and
/// the partner of each paired one.
struct Lexed {
    tokens: Vec<Token>,
    kept: Vec<bool>,
    partner: Vec<Option<usize>>,
}

impl Lexed {
    fn new(tokens: Vec<Token>) -> Lexed {
        let count = tokens.len();
        Lexed {
            tokens,
            kept: vec![true; count],
            partner: vec![None; count],
        }
    }

    fn pair(&mut self, open: usize, close: usize) {
        self.partner[open] = Some(close);
        self.partner[close] = Some(open);
    }

    fn name<'b>(&self, body: &'b str, index: usize) -> &'b str {
        &body[self.tokens[index].name.clone()]
    }
}

/// Verbatim blocks (Liquid's and Nunjucks' `raw`): from the opening tag to the first
/// closing tag of its name, every tag is text. One without its end is a lone tag.
fn pair_verbatim(body: &str, lexed: &mut Lexed, names: &[&str]) {
    let closes: Vec<Vec<usize>> = names
        .iter()
        .map(|name| {
            (0..lexed.tokens.len())
                .filter(|&i| lexed.tokens[i].role == Role::Close && lexed.name(body, i) == *name)
                .collect()
        })
        .collect();
    let mut i = 0;
    while i < lexed.tokens.len() {
        if lexed.kept[i]
            && lexed.tokens[i].role == Role::Open
            && let Some(which) = names.iter().position(|name| lexed.name(body, i) == *name)
        {
            let after = &closes[which];
            if let Some(&close) = after.get(after.partition_point(|&c| c <= i)) {
                lexed.pair(i, close);
                lexed.kept[i + 1..close].fill(false);
                i = close + 1;
                continue;
            }
        }
        i += 1;
    }
}

/// Liquid's `comment`: nested comments count, and every other tag inside is text.
fn pair_comments(body: &str, lexed: &mut Lexed) {
    let mut open = Vec::new();
    let mut pairs = Vec::new();
    for i in 0..lexed.tokens.len() {
        if !lexed.kept[i] || lexed.partner[i].is_some() || lexed.name(body, i) != "comment" {
            continue;
        }
        match lexed.tokens[i].role {
            Role::Open => open.push(i),
            Role::Close => {
                if let Some(opening) = open.pop() {
                    pairs.push((opening, i));
                }
            }
            _ => {}
        }
    }
    pairs.sort_unstable();
    let mut covered = 0;
    for (opening, close) in pairs {
        if opening < covered {
            continue;
        }
        lexed.pair(opening, close);
        lexed.kept[opening + 1..close].fill(false);
        covered = close;
    }
}

/// Pairs each closing tag with the nearest open tag of its name, as a stack does: the
/// open tags it skips over, and those never closed, are lone.
fn pair_stack(body: &str, lexed: &mut Lexed) {
    let mut stack: Vec<usize> = Vec::new();
    let mut open: HashMap<&str, usize> = HashMap::new();
    for i in 0..lexed.tokens.len() {
        if !lexed.kept[i] || lexed.partner[i].is_some() {
            continue;
        }
        let name = lexed.name(body, i);
        match lexed.tokens[i].role {
            Role::Open => {
                stack.push(i);
                *open.entry(name).or_default() += 1;
            }
            Role::Close if name.is_empty() || open.get(name).is_some_and(|&n| n > 0) => {
                while let Some(opening) = stack.pop() {
                    let opening_name = lexed.name(body, opening);
                    if let Some(count) = open.get_mut(opening_name) {
                        *count -= 1;
                    }
                    if name.is_empty() || opening_name == name {
                        lexed.pair(opening, i);
                        break;
                    }
                }
            }
            _ => {}
        }
    }
}

/// The regions of lexed tokens: every kept token is a tag (an escape is opaque instead);
/// a pair whose opening tag `opaque` says so makes its inner opaque.
fn assemble(
    lexed: &Lexed,
    opaque: impl Fn(&Token) -> bool,
    link: impl Fn(&Token) -> Option<TemplateLink>,
) -> Regions {
    let mut regions = Regions::default();
    let mut inner = Vec::new();
    for (i, token) in lexed.tokens.iter().enumerate() {
        if !lexed.kept[i] {
            continue;
        }
        match &token.role {
            Role::Escape => inner.push(token.range.clone()),
            Role::Comment(inside) => {
                regions.tags.push(token.range.clone());
                inner.push(inside.clone());
            }
            role => {
                regions.tags.push(token.range.clone());
                if *role == Role::Open
                    && let Some(close) = lexed.partner[i]
                    && opaque(token)
                {
                    inner.push(token.range.end..lexed.tokens[close].range.start);
                }
                if *role != Role::Close
                    && let Some(link) = link(token)
                {
                    regions.links.push(link);
                }
            }
        }
    }
    regions.opaque = merge(inner);
    regions
}

/// Sorted, without empty ranges, overlapping ones joined.
pub(crate) fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.retain(|range| range.start < range.end);
    ranges.sort_unstable_by_key(|range| range.start);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for range in ranges {
        match merged.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    merged
}

// Searching.

/// The next place a needle occurs at or after a position, remembered: the lexers ask
/// with positions that only grow, so each needle is searched for over the body about
/// once, and a body of a thousand unclosed `{{<` stays linear.
struct Next {
    finder: memmem::Finder<'static>,
    from: usize,
    found: Option<usize>,
}

impl Next {
    fn new(needle: &[u8]) -> Next {
        Next {
            finder: memmem::Finder::new(needle).into_owned(),
            from: usize::MAX,
            found: None,
        }
    }

    fn at(&mut self, haystack: &[u8], at: usize) -> Option<usize> {
        if at > haystack.len() {
            return None;
        }
        if at < self.from || self.found.is_some_and(|found| found < at) {
            self.from = at;
            self.found = self.finder.find(&haystack[at..]).map(|i| i + at);
        }
        self.found
    }
}

/// The earlier of two optional positions.
fn earliest(a: Option<usize>, b: Option<usize>) -> Option<usize> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

fn skip_whitespace(bytes: &[u8], mut at: usize) -> usize {
    while bytes.get(at).is_some_and(u8::is_ascii_whitespace) {
        at += 1;
    }
    at
}

/// Sorted, disjoint ranges (code, comments) asked about with growing positions.
struct Cursor<'a> {
    ranges: &'a [Range<usize>],
    next: usize,
}

impl<'a> Cursor<'a> {
    fn new(ranges: &'a [Range<usize>]) -> Cursor<'a> {
        Cursor { ranges, next: 0 }
    }

    /// The end of the range `at` is in.
    fn end_if_inside(&mut self, at: usize) -> Option<usize> {
        while self
            .ranges
            .get(self.next)
            .is_some_and(|range| range.end <= at)
        {
            self.next += 1;
        }
        self.ranges
            .get(self.next)
            .filter(|range| range.start <= at)
            .map(|range| range.end)
    }
}

/// The blank lines of a body: for each, the line break before it and the one ending it,
/// to tell whether a stretch of the body crosses a paragraph break.
struct BlankLines(Vec<(usize, usize)>);

impl BlankLines {
    fn of(body: &str) -> BlankLines {
        let bytes = body.as_bytes();
        let mut blanks = Vec::new();
        let mut previous_break = None;
        for at in memchr::memchr_iter(b'\n', bytes) {
            if let Some(before) = previous_break
                && bytes[before + 1..at].iter().all(u8::is_ascii_whitespace)
            {
                blanks.push((before, at));
            }
            previous_break = Some(at);
        }
        BlankLines(blanks)
    }

    /// Whether a whole blank line lies within `range`.
    fn within(&self, range: &Range<usize>) -> bool {
        let first = self.0.partition_point(|&(before, _)| before < range.start);
        self.0.get(first).is_some_and(|&(_, end)| end < range.end)
    }

    /// How many blank lines start before `at`: equal for two places of one paragraph.
    fn before(&self, at: usize) -> usize {
        self.0.partition_point(|&(before, _)| before < at)
    }
}

// Liquid and Nunjucks.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dialect {
    Liquid,
    Nunjucks,
}

/// `{% %}` tags and `{{ }}` variables (and Nunjucks' `{# #}` comments) outside `mask`,
/// as Liquid's tokenizer finds them: a tag ends at the first `%}`, a variable at the first
/// `}`, which must be doubled.
fn lex_tags(body: &str, dialect: Dialect, mask: &[Range<usize>]) -> Vec<Token> {
    let bytes = body.as_bytes();
    let mut masked = Cursor::new(mask);
    let mut tag_end = Next::new(b"%}");
    let mut tag_start = Next::new(b"{%");
    let mut brace = Next::new(b"}");
    let mut comment_end = Next::new(b"#}");
    let mut tokens = Vec::new();
    let mut pos = 0;
    while let Some(at) = memchr(b'{', &bytes[pos..]).map(|i| i + pos) {
        if let Some(end) = masked.end_if_inside(at) {
            pos = end;
            continue;
        }
        let token = match bytes.get(at + 1) {
            Some(b'%') => block_tag(body, at, dialect, &mut tag_end),
            Some(b'{') => brace.at(bytes, at + 2).and_then(|close| {
                let tag_inside = tag_start.at(bytes, at + 2).is_some_and(|tag| tag < close);
                (!tag_inside && bytes.get(close + 1) == Some(&b'}'))
                    .then(|| Token::lone(at..close + 2, at + 2..close))
            }),
            Some(b'#') if dialect == Dialect::Nunjucks => {
                comment_end.at(bytes, at + 2).map(|close| Token {
                    role: Role::Comment(at + 2..close),
                    ..Token::lone(at..close + 2, at + 2..close)
                })
            }
            _ => None,
        };
        match token {
            Some(token) => {
                pos = token.range.end;
                tokens.push(token);
            }
            None => pos = at + 1,
        }
    }
    tokens
}

/// A `{% name args %}` tag, with `{%-` and `-%}` trimming; `{% endname %}` closes.
fn block_tag(body: &str, at: usize, dialect: Dialect, tag_end: &mut Next) -> Option<Token> {
    let bytes = body.as_bytes();
    let close = tag_end.at(bytes, at + 2)?;
    let mut i = at + 2;
    if bytes[i] == b'-' {
        i += 1;
    }
    while i < close && bytes[i].is_ascii_whitespace() {
        i += 1;
    }
    let name_start = i;
    if dialect == Dialect::Liquid && bytes[i] == b'#' {
        i += 1;
    } else {
        while i < close
            && (bytes[i].is_ascii_alphanumeric()
                || bytes[i] == b'_'
                || (dialect == Dialect::Nunjucks && bytes[i] == b'-'))
        {
            i += 1;
        }
    }
    let mut name_end = i;
    while name_end > name_start && bytes[name_end - 1] == b'-' {
        name_end -= 1;
    }
    if name_end == name_start {
        return None;
    }
    let name = &body[name_start..name_end];
    let (role, name) = match name.strip_prefix("end") {
        Some(rest) if !rest.is_empty() => (Role::Close, name_start + 3..name_end),
        _ if name == "#" => (Role::Lone, name_start..name_end),
        _ => (Role::Open, name_start..name_end),
    };
    Some(Token {
        range: at..close + 2,
        name,
        args: name_end..close,
        role,
        markup: false,
    })
}

/// Which of Hexo's tags it reads, as `escapeAllSwigTags` walks the body (fenced code is
/// already set aside): from left to right, inline code and HTML comments (to the end of
/// the post when unclosed) hide the tags in them; a tag with its end tag after it hides
/// everything up to that end from the walk, and Nunjucks reads the tags inside.
fn hexo_escape(body: &str, fences: &[Range<usize>], tokens: &[Token]) -> Vec<bool> {
    let bytes = body.as_bytes();
    let runs = backtick_runs(body, fences);
    let closers = closers(&runs);
    let mut in_fence = Cursor::new(fences);
    let comments: Vec<usize> = memmem::find_iter(bytes, b"<!--")
        .filter(|&at| in_fence.end_if_inside(at).is_none())
        .collect();
    let mut comment_end = Next::new(b"-->");
    let mut closes: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, token) in tokens.iter().enumerate() {
        if token.role == Role::Close {
            closes.entry(&body[token.name.clone()]).or_default().push(i);
        }
    }
    let mut kept = vec![true; tokens.len()];
    let (mut t, mut r, mut c) = (0, 0, 0);
    let mut pos = 0;
    loop {
        while runs.get(r).is_some_and(|run| run.start < pos) {
            r += 1;
        }
        while comments.get(c).is_some_and(|&at| at < pos) {
            c += 1;
        }
        let token = tokens.get(t).map(|token| token.range.start);
        let run = runs.get(r).map(|run| run.start);
        let comment = comments.get(c).copied();
        let Some(next) = earliest(earliest(token, run), comment) else {
            break;
        };
        let hidden = if token == Some(next) {
            let open = &tokens[t];
            let end = (open.role == Role::Open)
                .then(|| closes.get(&body[open.name.clone()]))
                .flatten()
                .and_then(|after| after.get(after.partition_point(|&k| k <= t)));
            match end {
                Some(&close) => {
                    t = close + 1;
                    pos = tokens[close].range.end;
                }
                None => {
                    t += 1;
                    pos = open.range.end;
                }
            }
            continue;
        } else if run == Some(next) {
            let opener = &runs[r];
            match closers[r] {
                Some(closer) => opener.start..runs[closer].end,
                None => {
                    pos = opener.end;
                    continue;
                }
            }
        } else {
            let end = comment_end
                .at(bytes, next + 4)
                .map_or(bytes.len(), |end| end + 3);
            next..end
        };
        while tokens
            .get(t)
            .is_some_and(|token| token.range.start < hidden.end)
        {
            kept[t] = false;
            t += 1;
        }
        pos = hidden.end;
    }
    kept
}

// Hugo.

/// Hugo's shortcode lexer: `{{< name params >}}`, `{{% name params %}}`, closing
/// `{{< /name >}}`, self-closing `{{< name />}}`, escaped `{{</* … */>}}`.
struct HugoLexer {
    /// `>}}` and `%}}`.
    ends: [Next; 2],
    /// `*/>}}` and `*/%}}`.
    escape_ends: [Next; 2],
    /// `{{<` and `{{%`.
    starts: [Next; 2],
}

impl HugoLexer {
    fn new() -> HugoLexer {
        HugoLexer {
            ends: [Next::new(b">}}"), Next::new(b"%}}")],
            escape_ends: [Next::new(b"*/>}}"), Next::new(b"*/%}}")],
            starts: [Next::new(b"{{<"), Next::new(b"{{%")],
        }
    }

    fn lex(mut self, body: &str) -> Vec<Token> {
        let bytes = body.as_bytes();
        let open = memmem::Finder::new(b"{{");
        let mut tokens = Vec::new();
        let mut pos = 0;
        while let Some(at) = open.find(&bytes[pos..]).map(|i| i + pos) {
            let kind = match bytes.get(at + 2) {
                Some(b'<') => 0,
                Some(b'%') => 1,
                _ => {
                    pos = at + 1;
                    continue;
                }
            };
            match self.shortcode(body, at, kind) {
                Some(token) => {
                    pos = token.range.end;
                    tokens.push(token);
                }
                None => pos = at + 1,
            }
        }
        tokens
    }

    /// The next shortcode start after `at`: a shortcode whose end comes after it is
    /// broken (Hugo fails the build), and is read as text rather than swallow the next.
    fn next_start(&mut self, bytes: &[u8], at: usize) -> Option<usize> {
        let [no_markup, markup] = &mut self.starts;
        earliest(no_markup.at(bytes, at), markup.at(bytes, at))
    }

    fn shortcode(&mut self, body: &str, at: usize, kind: usize) -> Option<Token> {
        let bytes = body.as_bytes();
        let markup = kind == 1;
        if bytes[at + 3..].starts_with(b"/*") {
            let end = self.escape_ends[kind].at(bytes, at + 5)?;
            if self
                .next_start(bytes, at + 5)
                .is_some_and(|next| next < end)
            {
                return None;
            }
            return Some(Token {
                role: Role::Escape,
                markup,
                ..Token::lone(at..end + 5, at + 5..end)
            });
        }
        let mut i = skip_whitespace(bytes, at + 3);
        let closing = bytes.get(i) == Some(&b'/');
        if closing {
            i = skip_whitespace(bytes, i + 1);
        }
        let name_start = i;
        if !bytes
            .get(i)
            .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80)
        {
            return None;
        }
        while bytes.get(i).is_some_and(|&b| {
            b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'/' | b'.') || b >= 0x80
        }) {
            i += 1;
        }
        let mut name_end = i;
        // `{{< x/>}}`: the slash closes the shortcode, it is not part of the name.
        while bytes[name_end - 1] == b'/' {
            name_end -= 1;
        }
        let end = self.ends[kind].at(bytes, name_end)?;
        if self
            .next_start(bytes, name_end)
            .is_some_and(|next| next < end)
        {
            return None;
        }
        let self_closing = !closing && body[name_end..end].trim_end().ends_with('/');
        let role = if closing {
            Role::Close
        } else if self_closing {
            Role::Lone
        } else {
            Role::Open
        };
        Some(Token {
            range: at..end + 3,
            name: name_start..name_end,
            args: name_end..end,
            role,
            markup,
        })
    }
}

/// `{{< ref "post.md" >}}`, `{{% relref path="/blog/x.md#frag" %}}`: the first
/// positional parameter or the one named `path`, quoted or not.
fn hugo_link(body: &str, token: &Token) -> Option<TemplateLink> {
    let kind = match &body[token.name.clone()] {
        "ref" => TemplateLinkKind::HugoRef,
        "relref" => TemplateLinkKind::HugoRelref,
        _ => return None,
    };
    let bytes = body.as_bytes();
    let args = &body[token.args.clone()];
    let mut end = token.args.start + args.trim_end().len();
    if token.role == Role::Lone && bytes[..end].ends_with(b"/") {
        end -= 1;
    }
    let value = |at: usize| -> Range<usize> {
        match bytes.get(at) {
            Some(&quote @ (b'"' | b'`')) => {
                let mut i = at + 1;
                while i < end && (bytes[i] != quote || (quote == b'"' && bytes[i - 1] == b'\\')) {
                    i += 1;
                }
                at + 1..i
            }
            _ => {
                let mut i = at;
                while i < end && !bytes[i].is_ascii_whitespace() {
                    i += 1;
                }
                at..i
            }
        }
    };
    let mut i = skip_whitespace(bytes, token.args.start);
    let mut first = true;
    let target = loop {
        if i >= end {
            return None;
        }
        if matches!(bytes[i], b'"' | b'`') {
            let positional = value(i);
            if first {
                break positional;
            }
            i = skip_whitespace(bytes, positional.end + 1);
        } else {
            let key_start = i;
            while i < end && !bytes[i].is_ascii_whitespace() && bytes[i] != b'=' {
                i += 1;
            }
            let key = key_start..i;
            let after = skip_whitespace(bytes, i);
            if after < end && bytes[after] == b'=' {
                let named = value(skip_whitespace(bytes, after + 1));
                if &body[key] == "path" {
                    break named;
                }
                i = skip_whitespace(bytes, named.end + 1);
            } else if first {
                break key;
            } else {
                i = after;
            }
        }
        first = false;
    };
    (target.start < target.end).then(|| TemplateLink {
        kind,
        target: body[target.clone()].to_owned(),
        target_range: target,
        range: token.range.clone(),
    })
}

// Zola.

/// Zola's shortcode grammar (`content.pest`): a call is `name(key=literal, …)`, whitespace
/// allowed between the parts, the literals Tera's: strings in `"`, `'` or backticks,
/// booleans, numbers and arrays of them.
struct ZolaLexer {
    /// The next `"`, `'` and backtick.
    quotes: [Next; 3],
}

impl ZolaLexer {
    fn new() -> ZolaLexer {
        ZolaLexer {
            quotes: [Next::new(b"\""), Next::new(b"'"), Next::new(b"`")],
        }
    }

    fn lex(mut self, body: &str) -> Vec<Token> {
        let bytes = body.as_bytes();
        let mut tokens = Vec::new();
        let mut pos = 0;
        while let Some(at) = memchr(b'{', &bytes[pos..]).map(|i| i + pos) {
            let token = match bytes.get(at + 1) {
                Some(&delimiter @ (b'{' | b'%')) => self.shortcode(bytes, at, delimiter),
                _ => None,
            };
            match token {
                Some(token) => {
                    pos = token.range.end;
                    tokens.push(token);
                }
                None => pos = at + 1,
            }
        }
        tokens
    }

    fn shortcode(&mut self, bytes: &[u8], at: usize, delimiter: u8) -> Option<Token> {
        let escaped = bytes[at + 2..].starts_with(b"/*");
        let start = skip_whitespace(bytes, at + if escaped { 4 } else { 2 });
        let closing: &[u8] = match (delimiter, escaped) {
            (b'{', false) => b"}}",
            (b'{', true) => b"*/}}",
            (_, false) => b"%}",
            (_, true) => b"*/%}",
        };
        let ends_at = |i: usize| {
            let i = skip_whitespace(bytes, i);
            bytes[i..].starts_with(closing).then_some(i + closing.len())
        };
        let (role, name, end) = if delimiter == b'%'
            && bytes[start..].starts_with(b"end")
            && let Some(end) = ends_at(start + 3)
        {
            (Role::Close, start..start, end)
        } else {
            let (name, call_end) = self.call(bytes, start)?;
            let role = if delimiter == b'%' {
                Role::Open
            } else {
                Role::Lone
            };
            (role, name, ends_at(call_end)?)
        };
        Some(Token {
            range: at..end,
            args: name.end..end - closing.len(),
            name,
            role: if escaped { Role::Escape } else { role },
            markup: false,
        })
    }

    /// `name(key=value, …)` at `at`: the name and where the call ends.
    fn call(&mut self, bytes: &[u8], at: usize) -> Option<(Range<usize>, usize)> {
        let name_end = identifier(bytes, at)?;
        let mut i = skip_whitespace(bytes, name_end);
        if bytes.get(i) != Some(&b'(') {
            return None;
        }
        i = skip_whitespace(bytes, i + 1);
        if bytes.get(i) == Some(&b')') {
            return Some((at..name_end, i + 1));
        }
        loop {
            i = skip_whitespace(bytes, identifier(bytes, i)?);
            if bytes.get(i) != Some(&b'=') {
                return None;
            }
            let value = self.literal(bytes, skip_whitespace(bytes, i + 1), 0)?;
            i = skip_whitespace(bytes, value);
            match bytes.get(i)? {
                b')' => return Some((at..name_end, i + 1)),
                b',' => i = skip_whitespace(bytes, i + 1),
                // The grammar's `kwargs*` lets another argument follow without a comma.
                _ => {}
            }
        }
    }

    fn literal(&mut self, bytes: &[u8], at: usize, depth: usize) -> Option<usize> {
        match *bytes.get(at)? {
            quote @ (b'"' | b'\'' | b'`') => {
                let which = match quote {
                    b'"' => 0,
                    b'\'' => 1,
                    _ => 2,
                };
                self.quotes[which].at(bytes, at + 1).map(|end| end + 1)
            }
            b'[' if depth < 16 => {
                let mut i = skip_whitespace(bytes, at + 1);
                loop {
                    if bytes.get(i) == Some(&b']') {
                        return Some(i + 1);
                    }
                    i = skip_whitespace(bytes, self.literal(bytes, i, depth + 1)?);
                    match bytes.get(i)? {
                        b',' => i = skip_whitespace(bytes, i + 1),
                        b']' => return Some(i + 1),
                        _ => return None,
                    }
                }
            }
            _ if bytes[at..].starts_with(b"true") => Some(at + 4),
            _ if bytes[at..].starts_with(b"false") => Some(at + 5),
            b'-' | b'0'..=b'9' => {
                let digits = |from: usize| {
                    let mut i = from;
                    while bytes.get(i).is_some_and(u8::is_ascii_digit) {
                        i += 1;
                    }
                    (i > from).then_some(i)
                };
                let i = digits(at + usize::from(bytes[at] == b'-'))?;
                if bytes.get(i) == Some(&b'.') {
                    digits(i + 1)
                } else {
                    Some(i)
                }
            }
            _ => None,
        }
    }
}

/// `[A-Za-z_][A-Za-z0-9_]*` at `at`: where it ends.
fn identifier(bytes: &[u8], at: usize) -> Option<usize> {
    if !bytes
        .get(at)
        .is_some_and(|&b| b.is_ascii_alphabetic() || b == b'_')
    {
        return None;
    }
    let mut i = at + 1;
    while bytes
        .get(i)
        .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_')
    {
        i += 1;
    }
    Some(i)
}

// VitePress, MDX and the generic reading.

/// `{{ … }}` (and, with `%`, `{% … %}`) outside `mask`, closed within the paragraph and
/// not empty.
fn lex_braces(body: &str, mask: &[Range<usize>], kinds: &[(u8, &[u8])]) -> Vec<Token> {
    let bytes = body.as_bytes();
    let blanks = BlankLines::of(body);
    let mut masked = Cursor::new(mask);
    let mut ends: Vec<Next> = kinds.iter().map(|(_, end)| Next::new(end)).collect();
    let mut tokens = Vec::new();
    let mut pos = 0;
    while let Some(at) = memchr(b'{', &bytes[pos..]).map(|i| i + pos) {
        if let Some(end) = masked.end_if_inside(at) {
            pos = end;
            continue;
        }
        let token = kinds
            .iter()
            .position(|&(second, _)| bytes.get(at + 1) == Some(&second))
            .and_then(|kind| {
                let close = ends[kind].at(bytes, at + 2)?;
                let range = at..close + 2;
                let filled = !body[at + 2..close].trim().is_empty();
                (filled && !blanks.within(&range)).then(|| Token::lone(range, at + 2..close))
            });
        match token {
            Some(token) => {
                pos = token.range.end;
                tokens.push(token);
            }
            None => pos = at + 1,
        }
    }
    tokens
}

/// MDX comments `{/* … */}`, spaces allowed inside the braces, outside `mask`.
fn lex_mdx(body: &str, mask: &[Range<usize>]) -> Vec<Token> {
    let bytes = body.as_bytes();
    let mut masked = Cursor::new(mask);
    let mut comment_end = Next::new(b"*/");
    let mut tokens = Vec::new();
    let mut pos = 0;
    while let Some(at) = memchr(b'{', &bytes[pos..]).map(|i| i + pos) {
        if let Some(end) = masked.end_if_inside(at) {
            pos = end;
            continue;
        }
        let start = skip_whitespace(bytes, at + 1);
        let token = bytes[start..]
            .starts_with(b"/*")
            .then(|| comment_end.at(bytes, start + 2))
            .flatten()
            .and_then(|close| {
                let brace = skip_whitespace(bytes, close + 2);
                (bytes.get(brace) == Some(&b'}')).then(|| Token {
                    role: Role::Comment(start + 2..close),
                    ..Token::lone(at..brace + 1, start + 2..close)
                })
            });
        match token {
            Some(token) => {
                pos = token.range.end;
                tokens.push(token);
            }
            None => pos = at + 1,
        }
    }
    tokens
}

/// Where VitePress does not interpolate: fenced code whose language does not end in
/// `-vue`, `::: v-pre` containers (both to the end of the page when unclosed, as
/// markdown-it closes them), HTML comments and elements with a `v-pre` attribute.
fn vitepress_mask(body: &str) -> Vec<Range<usize>> {
    let blocks = code_blocks(body, Blocks::Vitepress);
    let comments = html_comments(body, &blocks);
    let masked = merge([blocks, comments].concat());
    let elements = v_pre_elements(body, &masked);
    merge([masked, elements].concat())
}

/// Where MDX reads no expressions: fenced code (to the end when unclosed) and inline code.
fn mdx_mask(body: &str) -> Vec<Range<usize>> {
    let fences = code_blocks(body, Blocks::CommonMark);
    let spans = code_spans(body, &fences);
    merge([fences, spans].concat())
}

// Markdown's code, as far as the generators that skip it need.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Blocks {
    /// Closed fences only.
    Hexo,
    /// Fences, an unclosed one running to the end.
    CommonMark,
    /// As CommonMark, without `-vue` fences, with `::: v-pre` containers.
    Vitepress,
}

/// Fenced code blocks, line by line: a run of three or more backticks or tildes after
/// any indentation, blockquote marks or a list marker, closed by a run of the same
/// character at least as long with nothing after it.
fn code_blocks(body: &str, kind: Blocks) -> Vec<Range<usize>> {
    struct Fence {
        start: usize,
        marker: u8,
        length: usize,
        masked: bool,
    }
    let bytes = body.as_bytes();
    let mut blocks = Vec::new();
    let mut open: Option<Fence> = None;
    let mut line_start = 0;
    while line_start < bytes.len() {
        let line_end =
            memchr(b'\n', &bytes[line_start..]).map_or(bytes.len(), |i| line_start + i + 1);
        let line = line_content(&body[line_start..line_end]);
        let marker = line
            .bytes()
            .next()
            .filter(|b| matches!(b, b'`' | b'~' | b':'));
        let length = marker.map_or(0, |marker| {
            line.bytes().take_while(|&b| b == marker).count()
        });
        let rest = &line[length..];
        let marker = marker.unwrap_or(b' ');
        let first_word = rest.split_whitespace().next().unwrap_or("");
        match &open {
            Some(fence)
                if marker == fence.marker && length >= fence.length && rest.trim().is_empty() =>
            {
                if fence.masked {
                    blocks.push(fence.start..line_end);
                }
                open = None;
            }
            Some(_) => {}
            None => {
                // A backtick fence's info has no backtick: that is inline code.
                let fence =
                    length >= 3 && (marker == b'~' || marker == b'`' && !rest.contains('`'));
                let v_pre = length >= 3
                    && marker == b':'
                    && kind == Blocks::Vitepress
                    && first_word == "v-pre";
                if fence || v_pre {
                    let vue = kind == Blocks::Vitepress && first_word.ends_with("-vue");
                    open = Some(Fence {
                        start: line_start,
                        marker,
                        length,
                        masked: v_pre || !vue,
                    });
                }
            }
        }
        line_start = line_end;
    }
    if let Some(fence) = open
        && fence.masked
        && kind != Blocks::Hexo
    {
        blocks.push(fence.start..bytes.len());
    }
    blocks
}

/// A line without its indentation, blockquote marks, list marker and line break.
fn line_content(line: &str) -> &str {
    let mut rest = line.trim_start();
    while let Some(after) = rest.strip_prefix('>') {
        rest = after.trim_start();
    }
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let marker = match rest.as_bytes().get(digits) {
        Some(b'.' | b')') if digits > 0 => digits + 1,
        Some(b'-' | b'*' | b'+') if digits == 0 => 1,
        _ => 0,
    };
    if marker > 0 && rest[marker..].starts_with([' ', '\t']) {
        rest = rest[marker..].trim_start();
    }
    rest.trim_end_matches(['\n', '\r'])
}

/// A run of backticks outside fenced code, and which paragraph it is in.
struct Run {
    start: usize,
    end: usize,
    /// After a backslash, which makes its first backtick text.
    escaped: bool,
    /// Blank lines and fences before it: the same for two runs of one paragraph.
    paragraph: (usize, usize),
}

fn backtick_runs(body: &str, fences: &[Range<usize>]) -> Vec<Run> {
    let bytes = body.as_bytes();
    let blanks = BlankLines::of(body);
    let mut in_fence = Cursor::new(fences);
    let mut fences_before = 0;
    let mut runs = Vec::new();
    let mut pos = 0;
    while let Some(start) = memchr(b'`', &bytes[pos..]).map(|i| i + pos) {
        let end = start + bytes[start..].iter().take_while(|&&b| b == b'`').count();
        pos = end;
        if in_fence.end_if_inside(start).is_some() {
            continue;
        }
        while fences
            .get(fences_before)
            .is_some_and(|fence| fence.end <= start)
        {
            fences_before += 1;
        }
        runs.push(Run {
            start,
            end,
            escaped: start > 0 && bytes[start - 1] == b'\\',
            paragraph: (blanks.before(start), fences_before),
        });
    }
    runs
}

/// For each run, the run that would close the code span it opens: the next one of its
/// length in its paragraph, found for all runs in one sweep from the end.
fn closers(runs: &[Run]) -> Vec<Option<usize>> {
    let mut nearest: HashMap<((usize, usize), usize), usize> = HashMap::new();
    let mut closers = vec![None; runs.len()];
    for (i, run) in runs.iter().enumerate().rev() {
        let length = run.end - run.start;
        let opening = length - usize::from(run.escaped);
        if opening > 0 {
            closers[i] = nearest.get(&(run.paragraph, opening)).copied();
        }
        nearest.insert((run.paragraph, length), i);
    }
    closers
}

/// Inline code outside `fences`: each run to its closer, left to right.
fn code_spans(body: &str, fences: &[Range<usize>]) -> Vec<Range<usize>> {
    let runs = backtick_runs(body, fences);
    let closers = closers(&runs);
    let mut spans = Vec::new();
    let mut i = 0;
    while i < runs.len() {
        match closers[i] {
            Some(j) => {
                spans.push(runs[i].start + usize::from(runs[i].escaped)..runs[j].end);
                i = j + 1;
            }
            None => i += 1,
        }
    }
    spans
}

/// Closed HTML comments outside `code`.
fn html_comments(body: &str, code: &[Range<usize>]) -> Vec<Range<usize>> {
    let bytes = body.as_bytes();
    let mut in_code = Cursor::new(code);
    let mut comment_end = Next::new(b"-->");
    let mut comments = Vec::new();
    let mut pos = 0;
    for at in memmem::find_iter(bytes, b"<!--") {
        if at < pos || in_code.end_if_inside(at).is_some() {
            continue;
        }
        if let Some(end) = comment_end.at(bytes, at + 4) {
            comments.push(at..end + 3);
            pos = end + 3;
        }
    }
    comments
}

/// Elements with a `v-pre` attribute, `<span v-pre>…</span>`, to their first closing
/// tag, outside `masked`.
fn v_pre_elements(body: &str, masked: &[Range<usize>]) -> Vec<Range<usize>> {
    let bytes = body.as_bytes();
    let mut inside = Cursor::new(masked);
    let mut closing: HashMap<&str, Next> = HashMap::new();
    let mut tag_end = Next::new(b">");
    let mut elements = Vec::new();
    let mut pos = 0;
    for at in memmem::find_iter(bytes, b"v-pre") {
        if at < pos || inside.end_if_inside(at).is_some() {
            continue;
        }
        let attribute = at > 0
            && bytes[at - 1].is_ascii_whitespace()
            && bytes
                .get(at + 5)
                .is_none_or(|&b| b.is_ascii_whitespace() || matches!(b, b'>' | b'/' | b'='));
        // The start tag's `<`, on the same line, no `>` between.
        let window = at.saturating_sub(512);
        let Some(lt) = memchr::memrchr3(b'<', b'>', b'\n', &bytes[window..at]).map(|i| i + window)
        else {
            continue;
        };
        if !attribute || bytes[lt] != b'<' {
            continue;
        }
        let name_end = lt
            + 1
            + bytes[lt + 1..at]
                .iter()
                .take_while(|&&b| b.is_ascii_alphanumeric() || b == b'-')
                .count();
        if name_end == lt + 1 || !bytes[lt + 1].is_ascii_alphabetic() {
            continue;
        }
        let Some(tag_end) = tag_end.at(bytes, at) else {
            continue;
        };
        if bytes[tag_end - 1] == b'/' {
            continue;
        }
        let name = &body[lt + 1..name_end];
        let close = closing
            .entry(name)
            .or_insert_with(|| Next::new(format!("</{name}>").as_bytes()))
            .at(bytes, tag_end + 1);
        if let Some(close) = close {
            let end = close + name.len() + 3;
            elements.push(lt..end);
            pos = end;
        }
    }
    elements
}

// Links.

/// Hexo's link tags; their arguments split at spaces, quotes grouping.
fn hexo_link(body: &str, token: &Token) -> Option<TemplateLink> {
    let kind = match &body[token.name.clone()] {
        "post_link" => TemplateLinkKind::HexoPostLink,
        "post_path" => TemplateLinkKind::HexoPostPath,
        "asset_img" | "asset_image" => TemplateLinkKind::HexoAssetImg,
        "asset_link" => TemplateLinkKind::HexoAssetLink,
        "asset_path" => TemplateLinkKind::HexoAssetPath,
        _ => return None,
    };
    let arguments = hexo_arguments(body, token.args.clone());
    let target = if kind == TemplateLinkKind::HexoAssetImg {
        // `[class names] file`: the first that looks like a file.
        arguments
            .iter()
            .find(|argument| body[(*argument).clone()].contains(['.', '/']))
            .or(arguments.first())
    } else {
        arguments.first()
    }?
    .clone();
    Some(TemplateLink {
        kind,
        target: body[target.clone()].to_owned(),
        target_range: target,
        range: token.range.clone(),
    })
}

fn hexo_arguments(body: &str, args: Range<usize>) -> Vec<Range<usize>> {
    let bytes = body.as_bytes();
    let trimmed = body[args.clone()].trim_end();
    let mut end = args.start + trimmed.len();
    // `-%}` trims whitespace; the dash is not an argument.
    if let Some(before) = trimmed.strip_suffix('-')
        && (before.is_empty() || before.ends_with(char::is_whitespace))
    {
        end -= 1;
    }
    let mut arguments = Vec::new();
    let mut i = args.start;
    loop {
        i = skip_whitespace(bytes, i);
        if i >= end {
            break;
        }
        let (argument, next) = match bytes[i] {
            quote @ (b'"' | b'\'') => {
                let close = memchr(quote, &bytes[i + 1..end]).map_or(end, |j| i + 1 + j);
                (i + 1..close, close + 1)
            }
            _ => {
                let stop = bytes[i..end]
                    .iter()
                    .position(u8::is_ascii_whitespace)
                    .map_or(end, |j| i + j);
                (i..stop, stop)
            }
        };
        if argument.start < argument.end {
            arguments.push(argument);
        }
        i = next;
    }
    arguments
}

/// Jekyll's `{% link path %}` and `{% post_url name %}`: everything after the name.
fn jekyll_link(body: &str, token: &Token) -> Option<TemplateLink> {
    let kind = match &body[token.name.clone()] {
        "link" => TemplateLinkKind::JekyllLink,
        "post_url" => TemplateLinkKind::JekyllPostUrl,
        _ => return None,
    };
    let args = &body[token.args.clone()];
    if args.trim().is_empty() {
        return None;
    }
    let mut start = token.args.start + (args.len() - args.trim_start().len());
    let mut end = token.args.start + args.trim_end().len();
    if body[start..end].ends_with('-') {
        end = start + body[start..end - 1].trim_end().len();
    }
    let quoted = &body[start..end];
    if quoted.len() >= 2
        && let Some(quote) = quoted.chars().next().filter(|c| matches!(c, '"' | '\''))
        && quoted.ends_with(quote)
    {
        start += 1;
        end -= 1;
    }
    (start < end).then(|| TemplateLink {
        kind,
        target: body[start..end].to_owned(),
        target_range: start..end,
        range: token.range.clone(),
    })
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use proptest::prelude::*;

    use super::*;

    const ALL: [TemplateSyntax; 8] = [
        TemplateSyntax::Hexo,
        TemplateSyntax::Jekyll,
        TemplateSyntax::Hugo,
        TemplateSyntax::Zola,
        TemplateSyntax::Vitepress,
        TemplateSyntax::Docusaurus,
        TemplateSyntax::Astro,
        TemplateSyntax::None,
    ];

    /// `(body, opaque texts, tag texts)`.
    type Case<'a> = (&'a str, &'a [&'a str], &'a [&'a str]);

    fn texts<'b>(body: &'b str, ranges: &[Range<usize>]) -> Vec<&'b str> {
        ranges.iter().map(|range| &body[range.clone()]).collect()
    }

    fn check(syntax: TemplateSyntax, cases: &[Case]) {
        for &(body, opaque, tags) in cases {
            let found = regions(body, syntax);
            assert_eq!(texts(body, &found.opaque), opaque, "opaque of {body:?}");
            assert_eq!(texts(body, &found.tags), tags, "tags of {body:?}");
        }
    }

    fn check_links(syntax: TemplateSyntax, cases: &[(&str, Option<(TemplateLinkKind, &str)>)]) {
        for &(body, expected) in cases {
            let found = regions(body, syntax);
            let links: Vec<(TemplateLinkKind, &str)> = found
                .links
                .iter()
                .map(|link| (link.kind, link.target.as_str()))
                .collect();
            assert_eq!(
                links,
                expected.into_iter().collect::<Vec<_>>(),
                "links of {body:?}"
            );
            for link in &found.links {
                assert_eq!(&body[link.target_range.clone()], link.target);
                assert!(found.tags.contains(&link.range), "{body:?}");
            }
        }
    }

    #[test]
    fn hugo_shortcodes() {
        check(
            TemplateSyntax::Hugo,
            &[
                (
                    r#"a {{< figure src="x.png" >}} b"#,
                    &[],
                    &[r#"{{< figure src="x.png" >}}"#],
                ),
                // A known container's inner is Markdown; an unknown one's is not, unless
                // called with `{{% %}}`, whose output Hugo renders as Markdown.
                (
                    "{{< note >}}\n# Hi\n{{< /note >}}",
                    &[],
                    &["{{< note >}}", "{{< /note >}}"],
                ),
                (
                    "{{< mybox >}}\n# Hi\n{{< /mybox >}}",
                    &["\n# Hi\n"],
                    &["{{< mybox >}}", "{{< /mybox >}}"],
                ),
                (
                    "{{% mybox %}}\n# Hi\n{{% /mybox %}}",
                    &[],
                    &["{{% mybox %}}", "{{% /mybox %}}"],
                ),
                (
                    "{{% mybox %}}x{{< /mybox >}}",
                    &[],
                    &["{{% mybox %}}", "{{< /mybox >}}"],
                ),
                (
                    "{{< docs/note >}}x{{< /docs/note >}}",
                    &[],
                    &["{{< docs/note >}}", "{{< /docs/note >}}"],
                ),
                // Code, comments and inline templates are never Markdown.
                (
                    "{{< highlight go \"linenos=table\" >}}\n# x\n{{< / highlight >}}",
                    &["\n# x\n"],
                    &[
                        "{{< highlight go \"linenos=table\" >}}",
                        "{{< / highlight >}}",
                    ],
                ),
                (
                    "{{% comment %}}# x{{% /comment %}}",
                    &["# x"],
                    &["{{% comment %}}", "{{% /comment %}}"],
                ),
                (
                    "{{< v.inline >}}\n# {{ .Site.Title }}\n{{< /v.inline >}}",
                    &["\n# {{ .Site.Title }}\n"],
                    &["{{< v.inline >}}", "{{< /v.inline >}}"],
                ),
                // Self-closing and unclosed shortcodes are lone.
                (
                    "{{< x />}} {{< y >}} {{<z/>}}",
                    &[],
                    &["{{< x />}}", "{{< y >}}", "{{<z/>}}"],
                ),
                (
                    "{{< mybox >}} a {{< mybox >}}b{{< /mybox >}}",
                    &["b"],
                    &["{{< mybox >}}", "{{< mybox >}}", "{{< /mybox >}}"],
                ),
                ("{{< /x >}}", &[], &["{{< /x >}}"]),
                // Nesting.
                (
                    "{{< tabs >}}{{< tab \"A\" >}}*a*{{< /tab >}}{{< /tabs >}}",
                    &[],
                    &[
                        "{{< tabs >}}",
                        "{{< tab \"A\" >}}",
                        "{{< /tab >}}",
                        "{{< /tabs >}}",
                    ],
                ),
                (
                    "{{< note >}}{{< raw >}}<b>{{< /raw >}}{{< /note >}}",
                    &["<b>"],
                    &[
                        "{{< note >}}",
                        "{{< raw >}}",
                        "{{< /raw >}}",
                        "{{< /note >}}",
                    ],
                ),
                (
                    "{{< mybox >}}a{{< note >}}b{{< /note >}}c{{< /mybox >}}",
                    &["a{{< note >}}b{{< /note >}}c"],
                    &[
                        "{{< mybox >}}",
                        "{{< note >}}",
                        "{{< /note >}}",
                        "{{< /mybox >}}",
                    ],
                ),
                (
                    "{{< mybox >}}{{< video >}}x{{< /mybox >}}",
                    &["{{< video >}}x"],
                    &["{{< mybox >}}", "{{< video >}}", "{{< /mybox >}}"],
                ),
                // Escapes are printed as text; Go template comments mean nothing here.
                (
                    "`{{</* figure src=\"x\" */>}}` and {{%/* note */%}}",
                    &["{{</* figure src=\"x\" */>}}", "{{%/* note */%}}"],
                    &[],
                ),
                ("{{/* c */}} {{ .Title }}", &[], &[]),
                // Broken shortcodes are text, and do not swallow the next one.
                ("a {{< x", &[], &[]),
                ("{{<", &[], &[]),
                ("{{%", &[], &[]),
                ("{{< >}} {{< -x >}}", &[], &[]),
                ("{{</* x", &[], &[]),
                ("{{< broken\n{{< ok >}}", &[], &["{{< ok >}}"]),
                ("{{< x %}} {{< y >}}", &[], &["{{< y >}}"]),
                (
                    "{{% latest-edge-version\n%}}",
                    &[],
                    &["{{% latest-edge-version\n%}}"],
                ),
                (
                    "{{< mybox >}}\r\n# x\r\n{{< /mybox >}}\r\n",
                    &["\r\n# x\r\n"],
                    &["{{< mybox >}}", "{{< /mybox >}}"],
                ),
                (
                    "é {{< 注意 >}}中文{{< /注意 >}} ü",
                    &["中文"],
                    &["{{< 注意 >}}", "{{< /注意 >}}"],
                ),
            ],
        );
    }

    #[test]
    fn hugo_links() {
        use TemplateLinkKind::{HugoRef, HugoRelref};
        check_links(
            TemplateSyntax::Hugo,
            &[
                (r#"[a]({{< ref "post.md" >}})"#, Some((HugoRef, "post.md"))),
                (
                    r#"{{< relref "/blog/x.md#frag" >}}"#,
                    Some((HugoRelref, "/blog/x.md#frag")),
                ),
                (
                    r#"{{% ref path="a.md" lang="en" %}}"#,
                    Some((HugoRef, "a.md")),
                ),
                ("{{< ref a.md >}}", Some((HugoRef, "a.md"))),
                (
                    r#"{{< relref lang="en" path=b.md >}}"#,
                    Some((HugoRelref, "b.md")),
                ),
                ("{{< ref `c.md` />}}", Some((HugoRef, "c.md"))),
                (r#"{{< ref "d.md"/>}}"#, Some((HugoRef, "d.md"))),
                ("{{< ref >}}", None),
                (r#"{{< refx "e.md" >}}"#, None),
                (r#"{{</* ref "f.md" */>}}"#, None),
            ],
        );
    }

    #[test]
    fn jekyll_liquid() {
        check(
            TemplateSyntax::Jekyll,
            &[
                (
                    "Go to {{ site.url }}/x and {%- include note.html -%}",
                    &[],
                    &["{{ site.url }}", "{%- include note.html -%}"],
                ),
                // Raw: every tag inside is text, up to the first endraw, and that text
                // is Markdown to kramdown.
                (
                    "{% raw %}\n### Liquid {{ x }} {% if %}{% endraw %}",
                    &[],
                    &["{% raw %}", "{% endraw %}"],
                ),
                (
                    "{% raw %}{% raw %}{% endraw %} {% endraw %}",
                    &[],
                    &["{% raw %}", "{% endraw %}", "{% endraw %}"],
                ),
                ("{% raw %}\n# H {{ x }}", &[], &["{% raw %}", "{{ x }}"]),
                // Liquid reads code too: a raw in a fence opens.
                (
                    "```\n{% raw %}\n```\n{{ x }}{% endraw %}",
                    &[],
                    &["{% raw %}", "{% endraw %}"],
                ),
                // Comments nest, and hide the tags inside from the blocks outside.
                (
                    "{% comment %}a{% comment %}b{% endcomment %}c{% endcomment %}d",
                    &["a{% comment %}b{% endcomment %}c"],
                    &["{% comment %}", "{% endcomment %}"],
                ),
                (
                    "{% if a %}{% comment %}{% endif %}{% endcomment %}x{% endif %}",
                    &["{% endif %}"],
                    &[
                        "{% if a %}",
                        "{% comment %}",
                        "{% endcomment %}",
                        "{% endif %}",
                    ],
                ),
                (
                    "{% comment %}{% raw %}{% endcomment %}{% endraw %}{% endcomment %}",
                    &["{% raw %}{% endcomment %}{% endraw %}"],
                    &["{% comment %}", "{% endcomment %}"],
                ),
                // Code and captures are not Markdown; other blocks' bodies are.
                (
                    "{% highlight ruby %}\n# x {{ y }}\n{% endhighlight %}",
                    &["\n# x {{ y }}\n"],
                    &["{% highlight ruby %}", "{{ y }}", "{% endhighlight %}"],
                ),
                (
                    "{% capture t %}# x{% endcapture %}",
                    &["# x"],
                    &["{% capture t %}", "{% endcapture %}"],
                ),
                (
                    "{% if x %}\n# H\n{% endif %}",
                    &[],
                    &["{% if x %}", "{% endif %}"],
                ),
                ("{% # a note %}", &[], &["{% # a note %}"]),
                // Broken tags are text.
                ("{% %} {%", &[], &[]),
                ("{{ x }", &[], &[]),
                ("{{", &[], &[]),
                ("a {{ b {% if %} }}", &[], &["{% if %}"]),
                (
                    "é{% comment %}\r\n中{% endcomment %}",
                    &["\r\n中"],
                    &["{% comment %}", "{% endcomment %}"],
                ),
            ],
        );
    }

    #[test]
    fn jekyll_links() {
        use TemplateLinkKind::{JekyllLink, JekyllPostUrl};
        check_links(
            TemplateSyntax::Jekyll,
            &[
                (
                    "[a]({% link _posts/2016-07-26-name.md %})",
                    Some((JekyllLink, "_posts/2016-07-26-name.md")),
                ),
                (
                    "{% post_url 2010-07-21-name-of-post %}",
                    Some((JekyllPostUrl, "2010-07-21-name-of-post")),
                ),
                (
                    "{%- link \"/assets/doc.pdf\" -%}",
                    Some((JekyllLink, "/assets/doc.pdf")),
                ),
                ("{% link %}", None),
                ("{% link   -%}", None),
                ("{% raw %}{% link a.md %}{% endraw %}", None),
            ],
        );
    }

    #[test]
    fn hexo_tags() {
        check(
            TemplateSyntax::Hexo,
            &[
                (
                    "{% note info Title %}\n**x**\n{% endnote %}",
                    &[],
                    &["{% note info Title %}", "{% endnote %}"],
                ),
                (
                    "{%- note -%}x{%- endnote -%}",
                    &[],
                    &["{%- note -%}", "{%- endnote -%}"],
                ),
                (
                    "{% codeblock lang:js %}\n# x\n{% endcodeblock %}",
                    &["\n# x\n"],
                    &["{% codeblock lang:js %}", "{% endcodeblock %}"],
                ),
                (
                    "{% code %}x{% endcode %}",
                    &["x"],
                    &["{% code %}", "{% endcode %}"],
                ),
                (
                    "{% raw %}{% note %}{% endraw %}",
                    &["{% note %}"],
                    &["{% raw %}", "{% endraw %}"],
                ),
                // Hexo hides every block's body from Markdown; only containers render it.
                (
                    "{% mathjax %}$x$ {{ y }}{% endmathjax %}",
                    &["$x$ {{ y }}"],
                    &["{% mathjax %}", "{{ y }}", "{% endmathjax %}"],
                ),
                (
                    "{% youtube abc %} {% iframe url %}",
                    &[],
                    &["{% youtube abc %}", "{% iframe url %}"],
                ),
                ("{% note %}\n# x", &[], &["{% note %}"]),
                // Code and HTML comments keep their tags.
                (
                    "```\n{% raw %}\n```\n\nx {% endraw %}",
                    &[],
                    &["{% endraw %}"],
                ),
                ("`{% post_link a %}` {{ b }}", &[], &["{{ b }}"]),
                (
                    "<!-- {% note %} --> {% note %}x{% endnote %}",
                    &[],
                    &["{% note %}", "{% endnote %}"],
                ),
                ("a <!-- b {{ c }}", &[], &[]),
                ("`a {% note %}` {% endnote %}", &[], &["{% endnote %}"]),
                // A block hides its body from the walk: a backtick inside opens nothing.
                (
                    "{% codeblock %}\nlet a = `x;\n{% endcodeblock %}\n`y` {{ z }}",
                    &["\nlet a = `x;\n"],
                    &["{% codeblock %}", "{% endcodeblock %}", "{{ z }}"],
                ),
                // An unclosed fence is not code to Hexo.
                ("```\n{{ x }}", &[], &["{{ x }}"]),
                (
                    "{# # not a heading #} x",
                    &[" # not a heading "],
                    &["{# # not a heading #}"],
                ),
                ("{{ a } b }}", &[], &[]),
                ("{# open", &[], &[]),
            ],
        );
    }

    #[test]
    fn hexo_links() {
        use TemplateLinkKind::*;
        check_links(
            TemplateSyntax::Hexo,
            &[
                (
                    "{% post_link hello-world %}",
                    Some((HexoPostLink, "hello-world")),
                ),
                (
                    "{% post_link hello-world#intro \"Read this\" %}",
                    Some((HexoPostLink, "hello-world#intro")),
                ),
                (
                    "{% post_link \"Hello World\" %}",
                    Some((HexoPostLink, "Hello World")),
                ),
                (
                    "{% asset_img post-image.jpg \"title text\" %}",
                    Some((HexoAssetImg, "post-image.jpg")),
                ),
                (
                    "{% asset_img left slug.png 300 %}",
                    Some((HexoAssetImg, "slug.png")),
                ),
                (
                    "{% asset_link doc.pdf Download %}",
                    Some((HexoAssetLink, "doc.pdf")),
                ),
                ("{% post_path slug -%}", Some((HexoPostPath, "slug"))),
                ("{% asset_path a.png %}", Some((HexoAssetPath, "a.png"))),
                ("{% post_link %}", None),
                ("`{% post_link x %}`", None),
            ],
        );
    }

    #[test]
    fn zola_shortcodes() {
        check(
            TemplateSyntax::Zola,
            &[
                (
                    "{{ youtube(id=\"dQw4w9WgXcQ\", autoplay=true) }}",
                    &[],
                    &["{{ youtube(id=\"dQw4w9WgXcQ\", autoplay=true) }}"],
                ),
                ("{{ page.title }} {% endfor %} {{ f }}", &[], &[]),
                (
                    "{% quote(author=\"Vincent\") %}\nA *quote*\n{% end %}",
                    &[],
                    &["{% quote(author=\"Vincent\") %}", "{% end %}"],
                ),
                (
                    "{% mermaid() %}\ngraph TD;\n{%end%}",
                    &["\ngraph TD;\n"],
                    &["{% mermaid() %}", "{%end%}"],
                ),
                (
                    "{% note() %}a{% mermaid() %}b{% end %}c{% end %}",
                    &["b"],
                    &["{% note() %}", "{% mermaid() %}", "{% end %}", "{% end %}"],
                ),
                (
                    "{{/* youtube(id=\"x\") */}} {%/* quote() */%}q{%/* end */%}",
                    &[
                        "{{/* youtube(id=\"x\") */}}",
                        "{%/* quote() */%}",
                        "{%/* end */%}",
                    ],
                    &[],
                ),
                ("{% quote() %}\n# H", &[], &["{% quote() %}"]),
                ("x {% end %}", &[], &["{% end %}"]),
                (
                    "{{ gallery(list=[1, -2.5, \"a\", [true],], n=0 s='b', t=`c`) }}",
                    &[],
                    &["{{ gallery(list=[1, -2.5, \"a\", [true],], n=0 s='b', t=`c`) }}"],
                ),
                (
                    "{{\n  img(path=\"a.png\",\n      alt=\"x\")\n}}",
                    &[],
                    &["{{\n  img(path=\"a.png\",\n      alt=\"x\")\n}}"],
                ),
                ("{{ x(a=\")}}\") }}", &[], &["{{ x(a=\")}}\") }}"]),
                (
                    "{{ x(a=) }} {{ x(a=1,) }} {{ 1x() }} {{ x(a=\"b) }} {{ x }}",
                    &[],
                    &[],
                ),
                (
                    "é{% note() %}\r\n中\r\n{% end %}",
                    &[],
                    &["{% note() %}", "{% end %}"],
                ),
            ],
        );
    }

    #[test]
    fn vitepress_interpolation() {
        check(
            TemplateSyntax::Vitepress,
            &[
                (
                    "# {{ $frontmatter.title }}\n\nThe count is: {{ count }}",
                    &[],
                    &["{{ $frontmatter.title }}", "{{ count }}"],
                ),
                (
                    "```yaml\nkey: ${{ runner.os }}\n```\n{{ a }}",
                    &[],
                    &["{{ a }}"],
                ),
                ("```js-vue\nHello {{ 1 + 1 }}\n```", &[], &["{{ 1 + 1 }}"]),
                ("::: v-pre\n{{ x }}\n:::\n{{ y }}", &[], &["{{ y }}"]),
                ("This <span v-pre>{{ x }}</span> {{ y }}", &[], &["{{ y }}"]),
                ("`{{ x }}`", &[], &["{{ x }}"]),
                ("<!-- {{ x }} --> {{ y }}", &[], &["{{ y }}"]),
                ("```\n{{ x }}", &[], &[]),
                ("{{ a\n\nb }} {{ }} {% x %}", &[], &[]),
                ("{{ a\r\n\r\nb }}", &[], &[]),
            ],
        );
    }

    #[test]
    fn mdx_comments() {
        for syntax in [TemplateSyntax::Docusaurus, TemplateSyntax::Astro] {
            check(
                syntax,
                &[
                    ("a {/* note */} b", &[" note "], &["{/* note */}"]),
                    ("{ /* x */ }", &[" x "], &["{ /* x */ }"]),
                    (
                        "{/*\n# not a heading\n*/}",
                        &["\n# not a heading\n"],
                        &["{/*\n# not a heading\n*/}"],
                    ),
                    ("```\n{/* x */}\n```\n`{/* y */}`", &[], &[]),
                    ("{x} {/* a */ b} {{ c }}", &[], &[]),
                    ("{/* unterminated", &[], &[]),
                ],
            );
        }
    }

    #[test]
    fn generic_macros() {
        check(
            TemplateSyntax::None,
            &[
                (
                    "{{ macro }} and {% tag %} and {{< sc >}}",
                    &[],
                    &["{{ macro }}", "{% tag %}", "{{< sc >}}"],
                ),
                ("{{ a\n\nb }} {{}} {%%} {% ", &[], &[]),
            ],
        );
    }

    #[test]
    fn fences_and_code_spans() {
        let body =
            "> ```js\n> {{ a }}\n> ```\n- ~~~~\n  x\n  ~~~~\n``not`code\n\n`` ` ``\n\\``a` \\`b`";
        let fences = code_blocks(body, Blocks::CommonMark);
        assert_eq!(
            texts(body, &fences),
            ["> ```js\n> {{ a }}\n> ```\n", "- ~~~~\n  x\n  ~~~~\n"]
        );
        assert_eq!(texts(body, &code_spans(body, &fences)), ["`` ` ``", "`a`"]);
        // A backtick fence's info has no backtick: that is inline code.
        assert!(code_blocks("```a```\n{{ x }}", Blocks::CommonMark).is_empty());
        // Multibyte text next to markers.
        assert!(code_blocks("éé\n``é\n", Blocks::Vitepress).is_empty());
    }

    #[test]
    fn extra_containers_and_templates() {
        let body = "{{< keyval >}}\n| a | [b](c) |\n{{< /keyval >}}";
        assert_eq!(regions(body, TemplateSyntax::Hugo).opaque.len(), 1);
        assert!(
            regions_with(body, TemplateSyntax::Hugo, &["keyval"])
                .opaque
                .is_empty()
        );
        // linkerd.io's keyval and note; its version shortcode reads no inner.
        assert!(renders_inner_as_markdown(
            "<div class=\"keyval\">\n{{ .Inner | $.Page.RenderString }}\n</div>"
        ));
        assert!(renders_inner_as_markdown("{{ .Inner | markdownify }}"));
        assert!(!renders_inner_as_markdown("{{ .Get 0 }}"));
        assert!(!renders_inner_as_markdown("{{ highlight .Inner \"go\" }}"));
    }

    /// Each list sorted, disjoint, inside the body and on character boundaries.
    fn assert_well_formed(body: &str, syntax: TemplateSyntax) -> Result<(), TestCaseError> {
        let found = regions(body, syntax);
        for list in [&found.opaque, &found.tags] {
            for range in list {
                prop_assert!(range.start < range.end && range.end <= body.len());
                prop_assert!(
                    body.is_char_boundary(range.start) && body.is_char_boundary(range.end)
                );
            }
            for pair in list.windows(2) {
                prop_assert!(pair[0].end <= pair[1].start, "{:?} in {:?}", pair, syntax);
            }
        }
        for link in &found.links {
            prop_assert!(found.tags.contains(&link.range));
            prop_assert!(
                link.range.start <= link.target_range.start
                    && link.target_range.end <= link.range.end
            );
            prop_assert_eq!(&body[link.target_range.clone()], link.target.as_str());
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(10_000))]
        #[test]
        fn regions_are_well_formed(
            pieces in prop::collection::vec(
                prop::sample::select(vec![
                    "{{", "}}", "{%", "%}", "{{<", ">}}", "{{%", "%}}", "/*", "*/", "{#", "#}",
                    "{", "}", "<", ">", "%", "/", "-", " ", "\n", "\r\n", "\n\n", "```", "`",
                    "~~~", ":::", "é", "中", "note", "raw", "end", "comment", "highlight",
                    "ref", "post_link", "link", "asset_img", "x", "(", ")", "=", ",", "\"",
                    "'", "[", "]", "1", "true", "<!--", "-->", "v-pre", "<span ", "</span>",
                    "\\", ".inline", "path",
                ]),
                0..48,
            ),
        ) {
            let body: String = pieces.concat();
            for syntax in ALL {
                assert_well_formed(&body, syntax)?;
            }
        }

        #[test]
        fn any_text_is_read(body in any::<String>()) {
            for syntax in ALL {
                assert_well_formed(&body, syntax)?;
            }
        }
    }

    /// Inputs that make a naive scanner quadratic: unclosed openers by the thousand, deep
    /// nesting, long paragraphs of unmatched backticks.
    #[test]
    fn linear_on_adversarial_bodies() {
        let pieces = [
            "{{< x ",
            "{{% x ",
            "{{</* ",
            "{% raw %}",
            "{% comment %}",
            "{% if %}",
            "{{ ",
            "{{ x(a=\"",
            "{{ x(a=[",
            "{% x() %}",
            "<!--",
            "<span v-pre>",
            "{/* ",
            "` ``",
            "{{< a >}}",
            "{# ",
            "{{ a ",
            "\n```\n{% note %}",
            "é{",
            "<span v-pre",
            "{{ x(a=[[[[",
        ];
        for piece in pieces {
            let body = piece.repeat(400_000 / piece.len());
            for syntax in ALL {
                let start = Instant::now();
                let _ = regions(&body, syntax);
                assert!(
                    start.elapsed() < Duration::from_secs(5),
                    "{piece:?} with {syntax:?} took {:?}",
                    start.elapsed()
                );
            }
        }
        let nested = format!(
            "{}{}",
            "{{< a >}}".repeat(50_000),
            "{{< /a >}}".repeat(50_000)
        );
        let found = regions(&nested, TemplateSyntax::Hugo);
        assert_eq!(found.tags.len(), 100_000);
        assert_eq!(found.opaque.len(), 1);
    }
}
