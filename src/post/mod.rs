//! A post, parsed once: its source, front matter, headings, images, links and reading
//! length. Rules only read it.

mod autolink;
pub mod body;
pub mod content;
pub mod front_matter;
mod html;
mod micromark;
mod simple_yaml;
pub mod template;
mod toml_front_matter;
mod yaml;

use std::path::PathBuf;

use crate::profile::Profile;
use crate::site::{Page, Site};
use crate::suppress::Suppressions;
use crate::text::ReadingLength;

pub use body::Heading;
pub use content::{Alt, Image, Link, LinkKind};
pub use front_matter::{Entry, Format, FrontMatter, Value, ValueKind};
pub use template::{TemplateLink, TemplateLinkKind, TemplateSyntax};

#[derive(Debug, Clone)]
pub struct Post {
    pub path: PathBuf,
    /// The whole file, a byte-order mark included: every range indexes into it.
    pub source: String,
    pub front_matter: Option<FrontMatter>,
    /// Where the Markdown body starts.
    pub body_start: usize,
    /// The headings as markdownlint finds them, for the heading rules.
    pub headings: Vec<Heading>,
    /// Whether a front matter line sets a title, which the heading rules take as the h1.
    pub front_matter_title: bool,
    /// Whether the body's first h1 comes before any other content (only blank lines and
    /// HTML comments before it), as markdownlint's MD025 decides it.
    pub opens_with_h1: bool,
    /// The body's Markdown images and HTML `<img>` tags, in order; not those in code.
    pub images: Vec<Image>,
    /// The body's links, in order: written, autolinks and GFM bare URLs; not those in code.
    pub links: Vec<Link>,
    /// How long the body is to read: Latin words and CJK characters of its text, not of
    /// its code, HTML, alt text or front matter.
    pub reading: ReadingLength,
    /// Links written in the generator's template syntax (`{{< ref "x.md" >}}`,
    /// `{% post_url 2024-01-01-x %}`), ranges in the file.
    pub template_links: Vec<TemplateLink>,
    /// Where rules are turned off: comments in the body and the `postlint` front matter
    /// key. Empty for most posts.
    pub suppressions: Suppressions,
    /// What the site's generator makes of the file: its kind, URL and slug.
    pub page: Page,
    /// The excerpt the generator makes of the body, made the first time a rule asks
    /// ([`crate::site::excerpt::automatic`]).
    pub automatic_excerpt: std::sync::OnceLock<Option<crate::site::excerpt::Automatic>>,
}

impl Post {
    /// Parses a post of a site without a known generator.
    pub fn parse(path: impl Into<PathBuf>, source: String) -> Post {
        Post::parse_in(path, source, &Site::default(), &Profile::default())
    }

    /// Parses a post of `site`, and tells what its generator makes of it.
    pub fn parse_in(
        path: impl Into<PathBuf>,
        source: String,
        site: &Site,
        profile: &Profile,
    ) -> Post {
        Post::read(path.into(), source, site, profile, true)
    }

    /// A post's front matter alone, and its page: what a site's index of URLs needs of
    /// every file, without reading its body.
    pub fn head_in(
        path: impl Into<PathBuf>,
        source: String,
        site: &Site,
        profile: &Profile,
    ) -> Post {
        Post::read(path.into(), source, site, profile, false)
    }

    fn read(
        path: PathBuf,
        source: String,
        site: &Site,
        profile: &Profile,
        with_body: bool,
    ) -> Post {
        let (front_matter, body_start) = front_matter::parse_with(&source, site.syntax());
        let mut template_links = Vec::new();
        let (front_matter_title, body) = if with_body {
            // The heading rules follow markdownlint, whose idea of where front matter ends
            // differs from the generators' in rare cases.
            let (front_matter_title, headings_start) = front_matter::heading_view(&source);
            let regions = template_regions(
                &source[headings_start..],
                &path,
                front_matter.as_ref(),
                profile,
                site,
            );
            let body = body::parse_with(&source, headings_start, body_start, &regions);
            template_links = regions
                .links
                .into_iter()
                .map(|mut link| {
                    link.range = link.range.start + headings_start..link.range.end + headings_start;
                    link.target_range = link.target_range.start + headings_start
                        ..link.target_range.end + headings_start;
                    link
                })
                .collect();
            (front_matter_title, body)
        } else {
            (false, body::Body::default())
        };
        let suppressions =
            Suppressions::new(&source, front_matter.as_ref(), &body.suppression_comments);
        let mut post = Post {
            path,
            source,
            front_matter,
            body_start,
            headings: body.headings,
            front_matter_title,
            opens_with_h1: body.opens_with_h1,
            images: body.content.images,
            links: body.content.links,
            reading: body.content.reading,
            template_links,
            suppressions,
            page: Page::default(),
            automatic_excerpt: std::sync::OnceLock::new(),
        };
        post.page = site.page(&post, profile);
        post
    }

    /// The value of a top-level front matter key, when it has one.
    pub fn value(&self, key: &str) -> Option<&Value> {
        self.front_matter.as_ref()?.get(key)?.value.as_ref()
    }

    /// The syntax of the post's front matter; YAML, the most common, for a post without
    /// one (what help texts should show it to write).
    pub fn front_matter_format(&self) -> Format {
        self.front_matter
            .as_ref()
            .map_or(Format::Yaml, |front_matter| front_matter.format)
    }

    /// Where a finding about the post as a whole points: the front matter's opening line,
    /// or the start of the file when it has none.
    pub fn anchor(&self) -> std::ops::Range<usize> {
        match &self.front_matter {
            Some(front_matter) => front_matter.opening.clone(),
            None => {
                let start = if self.source.starts_with('\u{feff}') {
                    3
                } else {
                    0
                };
                start..start
            }
        }
    }
}

/// The template language the generator runs over this file's body: none where the
/// front matter turns it off (Jekyll's `render_with_liquid: false`, Hexo's
/// `disableNunjucks: true`), and MDX comments only in Astro's `.mdx` files.
fn template_syntax(
    path: &std::path::Path,
    front_matter: Option<&FrontMatter>,
    profile: &Profile,
) -> TemplateSyntax {
    use crate::profile::Generator;
    let flag = |key: &str| {
        front_matter
            .and_then(|front_matter| front_matter.get(key))
            .and_then(|entry| entry.value.as_ref())
            .and_then(Value::as_bool)
    };
    match profile.generator {
        Generator::Hexo if flag("disableNunjucks") == Some(true) => TemplateSyntax::None,
        Generator::Hexo => TemplateSyntax::Hexo,
        Generator::Jekyll if flag("render_with_liquid") == Some(false) => TemplateSyntax::None,
        Generator::Jekyll => TemplateSyntax::Jekyll,
        Generator::Hugo => TemplateSyntax::Hugo,
        Generator::Zola => TemplateSyntax::Zola,
        Generator::Vitepress => TemplateSyntax::Vitepress,
        Generator::Docusaurus => TemplateSyntax::Docusaurus,
        Generator::Astro if path.extension().is_some_and(|ext| ext == "mdx") => {
            TemplateSyntax::Astro
        }
        Generator::Astro | Generator::Generic => TemplateSyntax::None,
    }
}

/// The template syntax of `text`, a part of the file at `path`, as the site's generator
/// reads it (with the site's own Markdown shortcodes).
pub(crate) fn template_regions(
    text: &str,
    path: &std::path::Path,
    front_matter: Option<&FrontMatter>,
    profile: &Profile,
    site: &Site,
) -> template::Regions {
    let syntax = template_syntax(path, front_matter, profile);
    let containers: Vec<&str> = site
        .facts
        .markdown_shortcodes
        .iter()
        .map(String::as_str)
        .collect();
    template::regions_with(text, syntax, &containers)
}
