//! Hexo (7 and 8): `_config.yml`, `source/` with `_posts/` and `_drafts/`, pages beside
//! them, permalinks built from tokens, and the front matter hexo-front-matter reads.
//!
//! Sources: `hexojs/hexo` `lib/plugins/processor/{post,asset,common}.ts`,
//! `lib/plugins/filter/post_permalink.ts`, `lib/hexo/{default_config,load_config}.ts`,
//! hexo-util `permalink.ts`, `slugize.ts`, `pretty_urls.ts`.

use std::path::{Path, PathBuf};

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};

use super::config_file::{Config, Loader};
use super::heading_ids::IdScheme;
use super::{File, Kind, Model, Page, Url, generic, slug};
use crate::date;
use crate::post::front_matter::Syntax;
use crate::post::{Post, Value, ValueKind};
use crate::profile::Profile;

/// The extensions Hexo's Markdown renderers (hexo-renderer-marked, -markdown-it) render,
/// compared case-sensitively as Hexo does (`.MD` is copied, not rendered).
const MARKDOWN_EXTENSIONS: &[&str] = &["md", "markdown", "mkd", "mkdn", "mdwn", "mdtxt", "mdtext"];

#[derive(Debug)]
pub struct Hexo {
    /// `source_dir`, `/`-separated, without a trailing slash.
    source: String,
    permalink: String,
    permalink_defaults: Vec<(String, String)>,
    new_post_name: String,
    /// `new_post_name` as a pattern of a post's path, compiled once.
    file_name: Option<FileName>,
    /// `root`, with one trailing slash: the prefix of every URL.
    root: String,
    trailing_index: bool,
    trailing_html: bool,
    post_asset_folder: bool,
    skip_render: Option<GlobSet>,
    include: Option<GlobSet>,
    exclude: Option<GlobSet>,
    default_category: String,
    category_map: Vec<(String, String)>,
    filename_case: u8,
}

/// `new_post_name` as a regular expression of a post's path without its extension, and
/// the token each group captures.
#[derive(Debug)]
struct FileName {
    regex: regex::Regex,
    names: Vec<String>,
}

impl FileName {
    fn of(new_post_name: &str) -> Option<FileName> {
        let pattern = new_post_name
            .rsplit_once('.')
            .map_or(new_post_name, |(stem, _)| stem);
        let mut regex = String::from("^");
        let mut names = Vec::new();
        for piece in tokens(pattern) {
            match piece {
                Piece::Text(text) => regex.push_str(&regex::escape(text)),
                Piece::Token(name) => {
                    regex.push_str(match name {
                        "year" => r"(\d{4})",
                        "month" | "day" => r"(\d{2})",
                        "i_month" | "i_day" => r"(\d{1,2})",
                        "hash" => r"([0-9a-f]{12})",
                        _ => "(.+?)",
                    });
                    names.push(name.to_owned());
                }
            }
        }
        regex.push('$');
        let regex = regex::Regex::new(&regex).ok()?;
        Some(FileName { regex, names })
    }
}

pub fn load(loader: &mut Loader) -> Hexo {
    let config = ["_config.yml", "_config.yaml", "_config.json"]
        .iter()
        .find_map(|name| loader.read(name));
    let text = |keys: &[&str], default: &str| -> String {
        config
            .as_ref()
            .and_then(|config| config.text(keys))
            .map_or_else(|| default.to_owned(), str::to_owned)
    };
    let flag = |keys: &[&str], default: bool| -> bool {
        config
            .as_ref()
            .and_then(|config| config.get(keys))
            .and_then(Value::as_bool)
            .unwrap_or(default)
    };
    if config.is_none() {
        loader.assume("no readable `_config.yml`: Hexo's defaults");
    }
    let configured = config
        .as_ref()
        .and_then(|c| Some((c.path.clone(), c.text(&["source_dir"])?.to_owned())));
    let source = match configured {
        Some((file, value)) if loader.folder(&file, "source_dir", &value).is_some() => {
            value.trim().trim_matches('/').to_owned()
        }
        _ => "source".to_owned(),
    };
    // `root` comes from `url`'s path when the configuration does not set it.
    let root = match config.as_ref().and_then(|c| c.text(&["root"])) {
        Some(root) if !root.trim().is_empty() => root.trim().to_owned(),
        _ => {
            let url = text(&["url"], "http://example.com");
            url_path(&url).to_owned()
        }
    };
    let root = format!("{}/", root.trim_end_matches('/'));
    let root = if root.starts_with('/') {
        root
    } else {
        format!("/{root}")
    };
    let theme = config
        .as_ref()
        .and_then(|c| c.text(&["theme"]))
        .map(str::to_owned);
    let header_ids = config
        .as_ref()
        .and_then(|c| c.get(&["marked", "headerIds"]))
        .and_then(Value::as_bool)
        != Some(false);
    let heading_ids = match loader.read("package.json") {
        // Hexo renders Markdown with the renderer plugin the site installs: ids are known
        // for hexo-renderer-marked, its default, only.
        Some(package) if !uses_marked(&package.root) => None,
        _ if !header_ids => None,
        _ => Some(IdScheme::HexoMarked),
    };
    let site_root = loader.root;
    let mut statics = vec![site_root.join(&source)];
    if let Some(theme) = &theme {
        statics.push(site_root.join("themes").join(theme).join("source"));
    }
    // Hexo's default configuration names `landscape`.
    let theme_name = theme.as_deref().unwrap_or("landscape");
    let open_graph = open_graph_layout(site_root, theme_name);
    if open_graph.is_none() {
        loader.assume(format!(
            "theme `{theme_name}`: no layout calling `open_graph()` found, so no description made from the content"
        ));
    }
    let facts = loader.facts();
    facts.heading_ids = Some(heading_ids);
    facts.base_path = root.clone();
    facts.content_roots.push(site_root.join(&source));
    facts.static_roots = statics;
    facts.excerpt.open_graph = open_graph;
    let globs = |loader: &mut Loader, key: &str| -> Option<GlobSet> {
        let config = config.as_ref()?;
        let value = config.get(&[key])?;
        glob_set(loader, config, key, value)
    };
    let skip_render = globs(loader, "skip_render");
    let include = globs(loader, "include");
    let exclude = globs(loader, "exclude");
    let pairs = |keys: &[&str]| -> Vec<(String, String)> {
        config
            .as_ref()
            .and_then(|c| c.get(keys))
            .map(|map| {
                map.entries()
                    .filter_map(|(key, value)| {
                        Some((key.as_text()?.to_owned(), value.as_text()?.to_owned()))
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    let new_post_name = text(&["new_post_name"], ":title.md");
    Hexo {
        permalink: text(&["permalink"], ":year/:month/:day/:title/"),
        permalink_defaults: pairs(&["permalink_defaults"]),
        file_name: FileName::of(&new_post_name),
        new_post_name,
        root,
        trailing_index: flag(&["pretty_urls", "trailing_index"], true),
        trailing_html: flag(&["pretty_urls", "trailing_html"], true),
        post_asset_folder: flag(&["post_asset_folder"], false),
        skip_render,
        include,
        exclude,
        default_category: text(&["default_category"], "uncategorized"),
        category_map: pairs(&["category_map"]),
        filename_case: config
            .as_ref()
            .and_then(|c| c.text(&["filename_case"]))
            .and_then(|n| n.parse().ok())
            .unwrap_or(0),
        source,
    }
}

/// The theme's layout file that calls the `open_graph()` helper, which writes a meta
/// description from the page's `description`, else its excerpt, else its content
/// (`lib/plugins/helper/open_graph.ts`). The theme is `themes/<name>/` or the npm package
/// `hexo-theme-<name>`; only files inside the site are read, and only small ones.
fn open_graph_layout(root: &Path, theme: &str) -> Option<PathBuf> {
    const MAX_LAYOUT_SIZE: u64 = 1 << 20;
    const MAX_FILES: usize = 2_000;
    if theme.contains(['/', '\\']) || theme.starts_with('.') {
        return None;
    }
    let real_root = root.canonicalize().ok()?;
    let folders = [
        root.join("themes").join(theme).join("layout"),
        root.join("node_modules")
            .join(format!("hexo-theme-{theme}"))
            .join("layout"),
    ];
    let mut seen = 0;
    for folder in folders {
        let mut stack = vec![folder];
        while let Some(dir) = stack.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            let mut paths: Vec<PathBuf> = entries.flatten().map(|entry| entry.path()).collect();
            paths.sort();
            for path in paths {
                seen += 1;
                if seen > MAX_FILES {
                    return None;
                }
                let Ok(real) = path.canonicalize() else {
                    continue;
                };
                if !real.starts_with(&real_root) {
                    continue;
                }
                let Ok(metadata) = std::fs::metadata(&real) else {
                    continue;
                };
                if metadata.is_dir() {
                    stack.push(path);
                } else if metadata.len() <= MAX_LAYOUT_SIZE
                    && std::fs::read_to_string(&real).is_ok_and(|text| text.contains("open_graph("))
                {
                    return Some(path);
                }
            }
        }
    }
    None
}

/// The path part of a URL (`https://example.com/blog` → `/blog`).
fn url_path(url: &str) -> &str {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    after_scheme.find('/').map_or("/", |at| &after_scheme[at..])
}

/// Globs of a setting that is one glob or a list of them (micromatch: `*` stays within
/// a folder).
fn glob_set(loader: &mut Loader, config: &Config, key: &str, value: &Value) -> Option<GlobSet> {
    let mut builder = GlobSetBuilder::new();
    let mut any = false;
    for item in value.items() {
        let Some(pattern) = item.as_text() else {
            continue;
        };
        match GlobBuilder::new(pattern).literal_separator(true).build() {
            Ok(glob) => {
                builder.add(glob);
                any = true;
            }
            Err(error) => loader.problem(
                &config.path,
                format!(
                    "`{key}` has an invalid glob `{pattern}` ({}); it is left out",
                    error.kind()
                ),
            ),
        }
    }
    any.then(|| builder.build().ok()).flatten()
}

fn matches(set: &Option<GlobSet>, path: &str) -> bool {
    set.as_ref().is_some_and(|set| set.is_match(path))
}

/// Hexo's `isHiddenFile`: a part of the path starts with `_` or `.`.
fn is_hidden(path: &str) -> bool {
    path.split('/').any(|part| part.starts_with(['_', '.']))
}

fn extension(path: &str) -> &str {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.rsplit_once('.').map_or("", |(_, extension)| extension)
}

fn is_markdown(path: &str) -> bool {
    MARKDOWN_EXTENSIONS.contains(&extension(path))
}

fn unpublished(why: impl Into<String>) -> Option<Page> {
    Some(Page::not_published(Kind::Unpublished, why))
}

impl Model for Hexo {
    fn by_path(&self, relative: &str) -> Option<Page> {
        let Some(inside) = relative
            .strip_prefix(self.source.as_str())
            .and_then(|rest| rest.strip_prefix('/'))
        else {
            if let Some(document) = generic::repository_document(Path::new(relative)) {
                return Some(document);
            }
            if relative.starts_with("scaffolds/") {
                return unpublished(
                    "a scaffold: `hexo new` copies it into a new post; it is never published",
                );
            }
            if relative.starts_with("themes/") {
                return unpublished("a theme's file, not content");
            }
            return unpublished(format!(
                "outside `{}/`, the folder Hexo publishes",
                self.source
            ));
        };
        if let Some(rest) = inside
            .strip_prefix("_posts/")
            .or_else(|| inside.strip_prefix("_drafts/"))
        {
            if is_hidden(rest) || rest.ends_with(['~', '%']) {
                return unpublished("hidden: a part of its path starts with `_` or `.`");
            }
            if !is_markdown(inside) {
                return unpublished("not rendered: Hexo's Markdown extensions are lowercase");
            }
            if matches(&self.skip_render, inside) {
                return unpublished("matched by `skip_render`: Hexo drops it from the posts");
            }
            if self.post_asset_folder && extension(inside) != extension(&self.new_post_name) {
                return unpublished(format!(
                    "not a post: with `post_asset_folder`, posts have the extension of `new_post_name` (`{}`)",
                    self.new_post_name
                ));
            }
            return None;
        }
        if inside.starts_with("_data/") {
            return Some(Page::not_published(
                Kind::Partial,
                "data: read by the theme's templates, never a page",
            ));
        }
        if matches(&self.exclude, inside) {
            return unpublished("matched by `exclude`");
        }
        if is_hidden(inside) && !matches(&self.include, inside) {
            return unpublished("hidden: a part of its path starts with `_` or `.`");
        }
        if !is_markdown(inside) {
            return unpublished(
                "copied as is, not rendered: Hexo's Markdown extensions are lowercase",
            );
        }
        if matches(&self.skip_render, inside) {
            return unpublished("matched by `skip_render`: copied as is, not rendered");
        }
        None
    }

    fn page(&self, file: &File<'_>, _: &Profile) -> Page {
        let post = file.post;
        let relative = file.relative.unwrap_or_default();
        let inside = relative
            .strip_prefix(self.source.as_str())
            .and_then(|rest| rest.strip_prefix('/'))
            .unwrap_or(relative);
        if let Some(rest) = inside.strip_prefix("_posts/") {
            self.post(post, rest, false)
        } else if let Some(rest) = inside.strip_prefix("_drafts/") {
            self.post(post, rest, true)
        } else {
            self.page_of(post, inside)
        }
    }

    fn syntax(&self) -> Syntax {
        Syntax::Hexo
    }
}

/// A post's date as Hexo takes it for its URL: a written offset is converted to UTC (the
/// wall clock of the instant), a date without one is taken as written, in the site's zone.
struct UrlDate {
    year: i32,
    month: u8,
    day: u8,
    hour: u8,
    minute: u8,
    second: u8,
}

impl UrlDate {
    fn of(timestamp: date::Timestamp) -> UrlDate {
        let timestamp = match timestamp.offset_minutes {
            Some(offset) if offset != 0 => date::Timestamp::from_unix(timestamp.unix_seconds()),
            _ => timestamp,
        };
        UrlDate {
            year: timestamp.year,
            month: timestamp.month,
            day: timestamp.day,
            hour: timestamp.hour,
            minute: timestamp.minute,
            second: timestamp.second,
        }
    }
}

/// What a permalink token stands for in one post.
enum Token {
    Known(String),
    /// Only Hexo can tell (the file's creation time, a database id); why.
    Unknown(String),
}

impl Hexo {
    fn post(&self, post: &Post, rest: &str, draft: bool) -> Page {
        let without_extension = rest.rsplit_once('.').map_or(rest, |(stem, _)| stem);
        let parsed = self.parse_file_name(without_extension);
        let title = parsed
            .iter()
            .find(|(name, _)| name == "title")
            .map(|(_, value)| value.clone())
            .unwrap_or_else(|| slugize(without_extension, 0));
        let front_matter = post.front_matter.as_ref();
        let entry = |key: &str| front_matter.and_then(|fm| fm.get(key));
        let draft = draft
            || entry("published")
                .and_then(|e| e.value.as_ref())
                .is_some_and(|value| value.kind == ValueKind::Bool(false));
        let date = entry("date")
            .and_then(|e| e.value.as_ref())
            .and_then(Value::as_text)
            .and_then(|text| date::parse(text).ok())
            .map(UrlDate::of)
            .or_else(|| {
                let get = |name: &str| {
                    parsed
                        .iter()
                        .find(|(token, _)| token == name)
                        .and_then(|(_, value)| value.parse::<u32>().ok())
                };
                Some(UrlDate {
                    year: get("year")? as i32,
                    month: get("month").or_else(|| get("i_month"))? as u8,
                    day: get("day").or_else(|| get("i_day"))? as u8,
                    hour: 0,
                    minute: 0,
                    second: 0,
                })
            });
        let mut page = Page::new(Kind::Post, Url::Unknown(String::new()));
        page.draft = draft;
        if let Some(permalink) = entry("permalink").and_then(|e| e.value.as_ref())
            && let Some(text) = permalink.as_text()
        {
            let mut path = text.to_owned();
            if self.post_asset_folder && !path.ends_with('/') && !path.ends_with(".html") {
                path.push('/');
            }
            page.set_by(post, permalink, "permalink");
            page.url = Some(Url::Known(self.url_for(&path)));
            return page;
        }
        let mut url = String::new();
        let mut unknown = None;
        for piece in tokens(&self.permalink) {
            match piece {
                Piece::Text(text) => url.push_str(text),
                Piece::Token(name) => {
                    match self.token(name, post, &title, &parsed, date.as_ref()) {
                        Token::Known(value) => url.push_str(&value),
                        Token::Unknown(why) => {
                            url.push(':');
                            url.push_str(name);
                            unknown.get_or_insert(why);
                        }
                    }
                }
            }
        }
        if self.post_asset_folder && !url.ends_with('/') && !url.ends_with(".html") {
            url.push('/');
        }
        let url = self.url_for(&url);
        page.url = Some(match unknown {
            None => Url::Known(url),
            Some(why) => Url::Partial { pattern: url, why },
        });
        // The file's name is the author's part of the URL where `:title` or `:name` puts it
        // there; `:post_title` is slugized by Hexo, `:abbrlink` set by a plugin.
        let uses_name =
            tokens(&self.permalink).any(|piece| matches!(piece, Piece::Token("title" | "name")));
        if uses_name {
            let name = title.rsplit('/').next().unwrap_or(&title);
            page.slug = Some(slug::Slug {
                text: name.to_owned(),
                range: post.anchor(),
                exact: false,
                origin: slug::Origin::File,
                key: "slug".into(),
                format: post.front_matter_format(),
            });
        }
        page
    }

    /// A token's value (`post_permalink.ts`): the date's parts, the file name, the last
    /// category, or any front matter key, else `permalink_defaults`.
    fn token(
        &self,
        name: &str,
        post: &Post,
        title: &str,
        parsed: &[(String, String)],
        date: Option<&UrlDate>,
    ) -> Token {
        let from_date = |format: fn(&UrlDate) -> String| match date {
            Some(date) => Token::Known(format(date)),
            None => Token::Unknown(
                "no `date`, so Hexo takes the file's creation time, which a clone does not keep"
                    .into(),
            ),
        };
        let text_of = |key: &str| -> Option<String> {
            let value = post.front_matter.as_ref()?.get(key)?.value.as_ref()?;
            match &value.kind {
                ValueKind::String(text) | ValueKind::Number(text) => Some(text.clone()),
                ValueKind::Bool(flag) => Some(flag.to_string()),
                _ => None,
            }
        };
        match name {
            "title" => Token::Known(title.to_owned()),
            "name" => Token::Known(title.rsplit('/').next().unwrap_or(title).to_owned()),
            "post_title" => Token::Known(slugize(&text_of("title").unwrap_or_default(), 1)),
            "year" => from_date(|d| format!("{:04}", d.year)),
            "month" => from_date(|d| format!("{:02}", d.month)),
            "day" => from_date(|d| format!("{:02}", d.day)),
            "hour" => from_date(|d| format!("{:02}", d.hour)),
            "minute" => from_date(|d| format!("{:02}", d.minute)),
            "second" => from_date(|d| format!("{:02}", d.second)),
            "i_month" => from_date(|d| d.month.to_string()),
            "i_day" => from_date(|d| d.day.to_string()),
            "timestamp" | "hash" | "id" => Token::Unknown(format!(
                "`:{name}` is computed by Hexo (a time stamp, a hash or a database id)"
            )),
            "category" => self.category(post),
            _ => {
                if let Some(value) = text_of(name) {
                    return Token::Known(value);
                }
                if let Some((_, value)) = parsed.iter().find(|(token, _)| token == name) {
                    return Token::Known(value.clone());
                }
                if let Some((_, value)) = self.permalink_defaults.iter().find(|(k, _)| k == name) {
                    return Token::Known(value.clone());
                }
                Token::Unknown(format!(
                    "`:{name}` is not set in the front matter; a plugin (such as hexo-abbrlink) fills it"
                ))
            }
        }
    }

    /// `:category`: the slug of the post's last category, its parents before it.
    fn category(&self, post: &Post) -> Token {
        let front_matter = post.front_matter.as_ref();
        let value = front_matter
            .and_then(|fm| fm.get("categories").or_else(|| fm.get("category")))
            .and_then(|entry| entry.value.as_ref());
        let Some(value) = value else {
            return Token::Known(self.default_category.clone());
        };
        let names: Vec<&str> = match &value.kind {
            ValueKind::String(text) => vec![text.as_str()],
            ValueKind::List(items) => {
                if items
                    .iter()
                    .any(|item| matches!(item.kind, ValueKind::List(_)))
                {
                    return Token::Unknown(
                        "several category lists: Hexo picks the one created last".into(),
                    );
                }
                items.iter().filter_map(Value::as_text).collect()
            }
            ValueKind::Null => Vec::new(),
            _ => return Token::Unknown("`categories` is not a list of names".into()),
        };
        if names.is_empty() {
            return Token::Known(self.default_category.clone());
        }
        let slugs: Vec<String> = names
            .iter()
            .map(|name| {
                let mapped = self
                    .category_map
                    .iter()
                    .find(|(from, _)| from == name)
                    .map_or(*name, |(_, to)| to.as_str());
                slugize(mapped, self.filename_case)
            })
            .collect();
        Token::Known(slugs.join("/"))
    }

    /// The tokens `new_post_name` finds in a post's path under `_posts/` (`parseFilename`):
    /// `:year-:month-:day-:title.md` on `2024-01-02-hello.md` gives the date and `hello`.
    fn parse_file_name(&self, path: &str) -> Vec<(String, String)> {
        let Some(file_name) = &self.file_name else {
            return Vec::new();
        };
        let Some(captures) = file_name.regex.captures(path) else {
            return Vec::new();
        };
        file_name
            .names
            .iter()
            .zip(captures.iter().skip(1))
            .filter_map(|(name, capture)| Some((name.clone(), capture?.as_str().to_owned())))
            .collect()
    }

    /// A page: `source/about/index.md` is `about/index.html`, or its `permalink`.
    fn page_of(&self, post: &Post, inside: &str) -> Page {
        let stem = inside.rsplit_once('.').map_or(inside, |(stem, _)| stem);
        let mut page = Page::new(Kind::Page, Url::Unknown(String::new()));
        let permalink = post
            .front_matter
            .as_ref()
            .and_then(|fm| fm.get("permalink"))
            .and_then(|entry| entry.value.as_ref());
        let path = match permalink.and_then(|value| Some((value, value.as_text()?))) {
            Some((value, text)) => {
                page.set_by(post, value, "permalink");
                let mut path = text.trim_start_matches('/').to_owned();
                if path.ends_with('/') {
                    path.push_str("index");
                }
                if extension(&path).is_empty() {
                    path.push_str(".html");
                }
                path
            }
            None => {
                page.slug = slug::from_path(post, "permalink");
                if stem == "index" {
                    page.slug = None;
                }
                format!("{stem}.html")
            }
        };
        page.url = Some(Url::Known(self.url_for(&path)));
        page
    }

    /// `url_for`: the root before the path, `pretty_urls` applied.
    fn url_for(&self, path: &str) -> String {
        let mut url = format!("{}{}", self.root, path.trim_start_matches('/'));
        if !self.trailing_index && url.ends_with("index.html") {
            url.truncate(url.len() - "index.html".len());
        }
        if !self.trailing_html && !url.ends_with("index.html") && url.ends_with(".html") {
            url.truncate(url.len() - ".html".len());
        }
        url
    }
}

/// A piece of a permalink: text, or a token (`:year`).
enum Piece<'a> {
    Text(&'a str),
    Token(&'a str),
}

/// hexo-util's `Permalink` tokens: `:` and a word that does not end with `_`
/// (`/:(\w*[^_\W])/`).
fn tokens(pattern: &str) -> impl Iterator<Item = Piece<'_>> {
    let mut rest = pattern;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let Some(colon) = rest.find(':') else {
            let text = rest;
            rest = "";
            return Some(Piece::Text(text));
        };
        if colon > 0 {
            let text = &rest[..colon];
            rest = &rest[colon..];
            return Some(Piece::Text(text));
        }
        let word = rest[1..]
            .char_indices()
            .find(|(_, c)| !(c.is_alphanumeric() || *c == '_'))
            .map_or(rest.len() - 1, |(at, _)| at);
        let name = rest[1..1 + word].trim_end_matches('_');
        if name.is_empty() {
            let text = &rest[..1];
            rest = &rest[1..];
            return Some(Piece::Text(text));
        }
        let token = &rest[1..1 + name.len()];
        rest = &rest[1 + name.len()..];
        Some(Piece::Token(token))
    })
}

/// hexo-util's `slugize`: Latin diacritics folded, control characters removed, runs of
/// whitespace and ASCII punctuation made one `-`, trimmed; `transform` 1 lowercases, 2
/// uppercases. Other letters (CJK) are kept.
pub fn slugize(text: &str, transform: u8) -> String {
    let mut out = String::new();
    let mut pending_dash = false;
    for c in text.chars() {
        if c.is_control() {
            continue;
        }
        if c.is_whitespace() || "~`!@#$%^&*()-_+=[]{}|\\;:\"'<>,.?/".contains(c) {
            pending_dash = !out.is_empty();
            continue;
        }
        if pending_dash {
            out.push('-');
            pending_dash = false;
        }
        if ('\u{c0}'..='\u{24f}').contains(&c) {
            out.push_str(deunicode::deunicode_char(c).unwrap_or(""));
        } else {
            out.push(c);
        }
    }
    match transform {
        1 => out.to_lowercase(),
        2 => out.to_uppercase(),
        _ => out,
    }
}

/// Whether a `package.json` installs hexo-renderer-marked, or no other Markdown renderer.
fn uses_marked(package: &Value) -> bool {
    let mut renderers = ["dependencies", "devDependencies"]
        .iter()
        .filter_map(|key| package.get(key))
        .flat_map(Value::entries)
        .filter_map(|(name, _)| name.as_text())
        .filter(|name| {
            name.starts_with("hexo-renderer-")
                && ["marked", "markdown", "kramed", "pandoc", "mdit"]
                    .iter()
                    .any(|kind| name.contains(kind))
        })
        .peekable();
    renderers.peek().is_none() || renderers.any(|name| name == "hexo-renderer-marked")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::TestSite;

    fn site_with(config: &str) -> TestSite<Hexo> {
        TestSite::new(&[("_config.yml", config)], load)
    }

    #[test]
    fn posts_as_hexo_routes_them() {
        let hexo = site_with(
            "permalink: news/:year/:month/:day/:title/\nnew_post_name: :year-:month-:day-:title.md\npretty_urls:\n  trailing_index: false\n  trailing_html: false\n",
        );
        assert_eq!(
            hexo.known_with(
                "source/_posts/2014-06-14-hexo-2-7-released.md",
                "---\ntitle: x\n---\n"
            ),
            "/news/2014/06/14/hexo-2-7-released/"
        );
        // The front matter's date wins over the file name's; a written offset is UTC.
        assert_eq!(
            hexo.known_with(
                "source/_posts/2020-01-01-q.md",
                "---\ndate: 2020-01-02 02:30:00 +09:00\n---\n"
            ),
            "/news/2020/01/01/q/"
        );
        // A file that does not match `new_post_name` keeps its whole slugized path.
        assert_eq!(
            hexo.known_with(
                "source/_posts/sub/2024-01-03-nested.md",
                "---\ndate: 2024-01-03\n---\n"
            ),
            "/news/2024/01/03/sub-2024-01-03-nested/"
        );
        assert_eq!(
            hexo.known_with("source/docs/setup.md", "---\ntitle: x\n---\n"),
            "/docs/setup"
        );
        assert_eq!(
            hexo.known_with("source/docs/index.md", "---\ntitle: x\n---\n"),
            "/docs/"
        );
        assert_eq!(hexo.known_with("source/index.md", ""), "/");
    }

    #[test]
    fn a_slug_is_ignored_and_permalinks_set_the_path() {
        let hexo = site_with("root: /blog/\n");
        assert_eq!(
            hexo.known_with(
                "source/_posts/m-slug.md",
                "---\ndate: 2020-01-08\nslug: custom\n---\n"
            ),
            "/blog/2020/01/08/m-slug/"
        );
        assert_eq!(
            hexo.known_with("source/_posts/n.md", "---\npermalink: custom/path\n---\n"),
            "/blog/custom/path"
        );
        assert_eq!(
            hexo.known_with("source/about/index.md", "---\ntitle: About\n---\n"),
            "/blog/about/index.html"
        );
        assert_eq!(
            hexo.known_with("source/docs/perm.md", "---\npermalink: pretty/\n---\n"),
            "/blog/pretty/index.html"
        );
    }

    #[test]
    fn tokens_only_a_plugin_fills_leave_the_url_partial() {
        let hexo = site_with("permalink: posts/:abbrlink/\n");
        assert!(matches!(
            hexo.url_with("source/_posts/a.md", "---\ntitle: A\n---\n"),
            Some(Url::Partial { .. })
        ));
        assert_eq!(
            hexo.known_with("source/_posts/a.md", "---\nabbrlink: 4a17b156\n---\n"),
            "/posts/4a17b156/"
        );
        // Without a date the URL's date is the file's creation time.
        let hexo = site_with("title: x\n");
        assert!(matches!(
            hexo.url_with("source/_posts/a.md", "---\ntitle: A\n---\n"),
            Some(Url::Partial { .. })
        ));
    }

    #[test]
    fn categories_and_the_root_from_the_url() {
        let hexo = site_with(
            "url: https://example.com/blog\npermalink: :category/:title/\ncategory_map:\n  Café Talk: cafe\n",
        );
        assert_eq!(
            hexo.known_with(
                "source/_posts/with-assets.md",
                "---\ncategories: [Café Talk, Sub Cat]\n---\n"
            ),
            "/blog/cafe/Sub-Cat/with-assets/"
        );
        assert_eq!(
            hexo.known_with("source/_posts/no-cat.md", "---\ntitle: x\n---\n"),
            "/blog/uncategorized/no-cat/"
        );
    }

    #[test]
    fn files_hexo_never_publishes() {
        let hexo = site_with("skip_render: [raw/**]\n");
        for relative in [
            "scaffolds/post.md",
            "themes/navy/layout/partial.md",
            "source/_posts/_hidden.md",
            "source/_posts/UPPER.MD",
            "source/foo/_partial.md",
            "source/raw/keep.md",
            "notes/todo.md",
        ] {
            assert_eq!(
                hexo.kind_by_path(relative),
                Some(Kind::Unpublished),
                "{relative}"
            );
        }
        assert_eq!(hexo.kind_by_path("README.md"), Some(Kind::Document));
        assert_eq!(
            hexo.kind_by_path("source/_data/menu.md"),
            Some(Kind::Partial)
        );
        assert_eq!(hexo.kind_by_path("source/_posts/a.md"), None);
        assert_eq!(hexo.kind_by_path("source/ja/docs/index.md"), None);
    }

    #[test]
    fn slugize_as_hexo_util() {
        assert_eq!(slugize("Hello, World! Ünïcode", 1), "hello-world-unicode");
        assert_eq!(slugize("Sub Cat", 0), "Sub-Cat");
        assert_eq!(slugize("sub/2024-01-03-nested", 0), "sub-2024-01-03-nested");
        assert_eq!(slugize("中文 标题", 0), "中文-标题");
    }
}
