//! Jekyll 4: `_config.yml`, pages (files with front matter), `_posts` and `_drafts` at any
//! depth, collections, `defaults`, `exclude`/`include`, and URLs from permalink styles
//! and templates, with post dates in the site's `timezone`.
//!
//! Sources: jekyll/jekyll `lib/jekyll/{reader,entry_filter,page,document,url,utils,
//! configuration,frontmatter_defaults,collection}.rb`, checked against Jekyll 4.3.1.

use std::path::Path;

use super::config_file::Loader;
use super::heading_ids::IdScheme;
use super::templates::{Templates, front_matter_layout};
use super::{File, Kind, Model, Page, Url, generic, paths, slug};
use crate::date;
use crate::post::{Post, Value, ValueKind};
use crate::profile::Profile;

/// What Jekyll excludes even when the configuration names other files (4.3).
const DEFAULT_EXCLUDES: &[&str] = &[
    ".sass-cache",
    ".jekyll-cache",
    "gemfiles",
    "Gemfile",
    "Gemfile.lock",
    "node_modules",
    "vendor/bundle/",
    "vendor/cache/",
    "vendor/gems/",
    "vendor/ruby/",
];

/// An entry of `exclude` or `include`, with its glob compiled once: a file's every folder
/// is matched against every entry.
#[derive(Debug)]
struct Pattern {
    /// As written.
    text: String,
    /// `File.fnmatch?` without flags (`*` crosses `/`), of the text less a leading `./`;
    /// `None` when that is no glob.
    glob: Option<globset::GlobMatcher>,
}

impl Pattern {
    fn new(text: String) -> Pattern {
        let glob = globset::GlobBuilder::new(text.trim_start_matches("./"))
            .literal_separator(false)
            .build()
            .ok()
            .map(|glob| glob.compile_matcher());
        Pattern { text, glob }
    }

    /// Whether the pattern names `path`, as a glob or a plain prefix.
    fn matches(&self, path: &str) -> bool {
        let prefix = self.text.trim_start_matches("./").trim_end_matches('/');
        path.starts_with(prefix) || self.glob.as_ref().is_some_and(|glob| glob.is_match(path))
    }
}

#[derive(Debug)]
struct Collection {
    label: String,
    output: bool,
    permalink: String,
}

#[derive(Debug)]
struct Default {
    path: String,
    kind: Option<String>,
    values: Value,
}

#[derive(Debug)]
pub struct Jekyll {
    /// The `permalink` setting: a style (`date`, `pretty`, …) or a template.
    permalink: String,
    collections: Vec<Collection>,
    collections_dir: String,
    defaults: Vec<Default>,
    exclude: Vec<Pattern>,
    include: Vec<Pattern>,
    markdown_ext: Vec<String>,
    timezone: Option<jiff::tz::TimeZone>,
    base_path: String,
    /// The layouts, for the title heading they print.
    templates: Templates,
}

pub fn load(loader: &mut Loader) -> Jekyll {
    let config = ["_config.yml", "_config.yaml", "_config.toml"]
        .iter()
        .find_map(|name| loader.read(name));
    if config.is_none() {
        loader.assume("no readable `_config.yml`: Jekyll's defaults");
    }
    let get = |keys: &[&str]| config.as_ref().and_then(|c| c.get(keys));
    let text = |keys: &[&str]| get(keys).and_then(Value::as_text).map(str::to_owned);
    let list = |key: &str| -> Vec<String> { get(&[key]).map(Value::texts).unwrap_or_default() };
    let permalink = text(&["permalink"]).unwrap_or_else(|| "date".into());
    let mut collections = Vec::new();
    if let Some(configured) = get(&["collections"]) {
        match &configured.kind {
            ValueKind::List(items) => {
                for label in items.iter().filter_map(Value::as_text) {
                    collections.push(Collection {
                        label: label.to_owned(),
                        output: false,
                        permalink: collection_template(&permalink),
                    });
                }
            }
            ValueKind::Map(_) => {
                for (label, settings) in configured.entries() {
                    let Some(label) = label.as_text() else {
                        continue;
                    };
                    collections.push(Collection {
                        label: label.to_owned(),
                        output: settings
                            .get("output")
                            .and_then(Value::as_bool)
                            .unwrap_or(false),
                        permalink: settings
                            .get("permalink")
                            .and_then(Value::as_text)
                            .map_or_else(|| collection_template(&permalink), str::to_owned),
                    });
                }
            }
            _ => {}
        }
    }
    // Posts are always written, with the style's template unless the collection sets one.
    match collections.iter_mut().find(|c| c.label == "posts") {
        Some(posts) => {
            posts.output = true;
            if get(&["collections", "posts", "permalink"]).is_none() {
                posts.permalink = post_template(&permalink);
            }
        }
        None => collections.push(Collection {
            label: "posts".into(),
            output: true,
            permalink: post_template(&permalink),
        }),
    }
    let defaults = get(&["defaults"])
        .map(|value| {
            value
                .items()
                .iter()
                .filter_map(|entry| {
                    let scope = entry.get("scope");
                    let values = entry.get("values")?;
                    Some(Default {
                        path: scope
                            .and_then(|s| s.get("path"))
                            .and_then(Value::as_text)
                            .unwrap_or_default()
                            .to_owned(),
                        kind: scope
                            .and_then(|s| s.get("type"))
                            .and_then(Value::as_text)
                            .map(str::to_owned),
                        values: values.clone(),
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    let mut exclude = list("exclude");
    exclude.extend(DEFAULT_EXCLUDES.iter().map(|e| (*e).to_owned()));
    let exclude = exclude.into_iter().map(Pattern::new).collect();
    let mut include = list("include");
    include.push(".htaccess".into());
    let include = include.into_iter().map(Pattern::new).collect();
    let markdown_ext = text(&["markdown_ext"])
        .unwrap_or_else(|| "markdown,mkdown,mkdn,mkd,md".into())
        .split(',')
        .map(|ext| ext.trim().to_ascii_lowercase())
        .collect();
    let timezone = match text(&["timezone"]) {
        Some(name) => match jiff::tz::TimeZone::get(&name) {
            Ok(zone) => Some(zone),
            Err(_) => {
                let file = config.as_ref().map(|c| c.path.clone()).unwrap_or_default();
                loader.problem(
                    &file,
                    format!("`timezone` names `{name}`, which is not a time zone; UTC is assumed"),
                );
                None
            }
        },
        None => {
            loader.assume("`timezone`: UTC (Jekyll takes the build machine's zone)");
            None
        }
    };
    let base_path = match text(&["baseurl"]) {
        Some(base) if !base.trim().trim_matches('/').is_empty() => {
            format!("/{}/", base.trim().trim_matches('/'))
        }
        _ => "/".into(),
    };
    let collections_dir = text(&["collections_dir"])
        .map(|dir| dir.trim_matches('/').to_owned())
        .unwrap_or_default();
    // kramdown with `input: GFM` unless the configuration says otherwise; another renderer
    // (CommonMark) makes ids postlint does not know.
    let renderer = text(&["markdown"]).unwrap_or_else(|| "kramdown".into());
    let heading_ids = if !renderer.eq_ignore_ascii_case("kramdown")
        || get(&["kramdown", "auto_ids"]).and_then(Value::as_bool) == Some(false)
    {
        None
    } else if text(&["kramdown", "input"])
        .is_some_and(|input| input.eq_ignore_ascii_case("kramdown"))
    {
        Some(IdScheme::Kramdown {
            transliterate: get(&["kramdown", "transliterated_header_ids"])
                .and_then(Value::as_bool)
                .unwrap_or(false),
        })
    } else {
        Some(IdScheme::KramdownGfm)
    };
    let root = loader.root.to_owned();
    let layouts = text(&["layouts_dir"]).unwrap_or_else(|| "_layouts".into());
    let templates = Templates::new(
        &root,
        paths::configured_folder(&root, &root, &layouts)
            .into_iter()
            .collect(),
        &[".html"],
        &["page.title"],
        front_matter_layout,
    );
    // `excerpt_separator: ~` overrides the default with nil, which `to_s` makes "": no
    // excerpts (`Document#excerpt_separator`).
    let separator = get(&["excerpt_separator"]).map(|value| match &value.kind {
        ValueKind::Null => String::new(),
        _ => value.as_text().unwrap_or_default().to_owned(),
    });
    let page_excerpts = get(&["page_excerpts"])
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let facts = loader.facts();
    facts.heading_ids = Some(heading_ids);
    facts.base_path = base_path.clone();
    facts.content_roots = vec![root.clone()];
    facts.static_roots = vec![root];
    facts.excerpt.separator = separator;
    facts.excerpt.page_excerpts = page_excerpts;
    Jekyll {
        permalink,
        collections,
        collections_dir,
        defaults,
        exclude,
        include,
        markdown_ext,
        timezone,
        base_path,
        templates,
    }
}

/// The posts' template of a permalink style (`Configuration::STYLE_TO_PERMALINK`).
fn post_template(style: &str) -> String {
    match style {
        "date" => "/:categories/:year/:month/:day/:title:output_ext".into(),
        "pretty" => "/:categories/:year/:month/:day/:title/".into(),
        "ordinal" => "/:categories/:year/:y_day/:title:output_ext".into(),
        "weekdate" => "/:categories/:year/W:week/:short_day/:title:output_ext".into(),
        "none" => "/:categories/:title:output_ext".into(),
        template => template.to_owned(),
    }
}

/// `add_permalink_suffix(base, style)`: `/` for pretty, the extension for the styles that
/// have one, else as a custom template ends.
fn with_suffix(base: &str, style: &str) -> String {
    match style {
        "pretty" => format!("{base}/"),
        "date" | "ordinal" | "none" => format!("{base}:output_ext"),
        "weekdate" => base.to_owned(),
        template => {
            let mut out = base.to_owned();
            if template.ends_with('/') {
                out.push('/');
            }
            if template.ends_with(":output_ext") {
                out.push_str(":output_ext");
            }
            out
        }
    }
}

fn collection_template(style: &str) -> String {
    with_suffix("/:collection/:path", style)
}

/// Jekyll's entry filter for one name: `.`, `_`, `#`, `~` at the start, `~` at the end.
fn is_special(name: &str) -> bool {
    name.starts_with(['.', '_', '#', '~']) || name.ends_with('~')
}

fn unpublished(why: impl Into<String>) -> Option<Page> {
    Some(Page::not_published(Kind::Unpublished, why))
}

/// `DATE_FILENAME_MATCHER`: `YYYY-MM-DD-title.ext` (the date may have one-digit parts).
fn dated_name(name: &str) -> Option<(date::Timestamp, &str)> {
    let stem = name.rsplit_once('.').map(|(stem, _)| stem)?;
    let mut parts = stem.splitn(4, '-');
    let (year, month, day, title) = (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
    let digits = |text: &str, min: usize, max: usize| {
        (min..=max).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit())
    };
    if !(digits(year, 2, 4) && digits(month, 1, 2) && digits(day, 1, 2)) {
        return None;
    }
    let date = date::parse(&format!("{year:0>4}-{month:0>2}-{day:0>2}")).ok()?;
    Some((date, title))
}

impl Jekyll {
    fn excluded(&self, relative: &str) -> bool {
        let included = |path: &str| {
            let name = path.rsplit('/').next().unwrap_or(path);
            self.include
                .iter()
                .any(|pattern| pattern.matches(path) || pattern.text == name)
        };
        let mut prefix = String::new();
        for part in relative.split('/') {
            if !prefix.is_empty() {
                prefix.push('/');
            }
            prefix.push_str(part);
            if self.exclude.iter().any(|pattern| pattern.matches(&prefix)) && !included(&prefix) {
                return true;
            }
        }
        false
    }

    fn collection(&self, label: &str) -> Option<&Collection> {
        self.collections.iter().find(|c| c.label == label)
    }

    /// The `defaults` values for a file at `relative` of `kind` (`pages`, `posts`, or a
    /// collection's label), the most specific scope last.
    fn defaults_for(&self, relative: &str, kind: &str) -> Vec<&Value> {
        let mut matching: Vec<&Default> = self
            .defaults
            .iter()
            .filter(|d| relative.starts_with(d.path.trim_start_matches("./")) || d.path.is_empty())
            .filter(|d| d.kind.as_deref().is_none_or(|k| k == kind))
            .collect();
        matching.sort_by_key(|d| (d.path.len(), d.kind.is_some()));
        matching.into_iter().map(|d| &d.values).collect()
    }

    /// A front matter value, else the `defaults`' (the most specific scope wins).
    fn value<'a>(&self, post: &'a Post, defaults: &[&'a Value], key: &str) -> Option<&'a Value> {
        post.front_matter
            .as_ref()
            .and_then(|fm| fm.get(key))
            .and_then(|entry| entry.value.as_ref())
            .filter(|value| value.kind != ValueKind::Null)
            .or_else(|| defaults.iter().rev().find_map(|values| values.get(key)))
    }

    fn is_markdown(&self, name: &str) -> bool {
        name.rsplit_once('.')
            .is_some_and(|(_, ext)| self.markdown_ext.contains(&ext.to_ascii_lowercase()))
    }

    /// Where the generator reads `relative` from: the folder it is in, and what that makes
    /// of it.
    fn place<'a>(&'a self, relative: &'a str) -> Result<Place<'a>, String> {
        let parts: Vec<&str> = relative.split('/').collect();
        let within =
            |dir: &str| !self.collections_dir.is_empty() && !dir.starts_with(&self.collections_dir);
        for (index, part) in parts.iter().enumerate() {
            let above = parts[..index].join("/");
            if matches!(*part, "_posts" | "_drafts") && index + 1 < parts.len() {
                if parts[..index].iter().any(|p| is_special(p)) {
                    break;
                }
                if within(&above) {
                    return Err(format!(
                        "`_posts` outside `collections_dir` (`{}`) is not read",
                        self.collections_dir
                    ));
                }
                let rest = &parts[index + 1..];
                let first = rest.first().copied().unwrap_or_default();
                let name = rest.last().copied().unwrap_or_default();
                if is_special(first) || is_special(name) {
                    return Err("its name or first folder starts with `.`, `_`, `#` or `~`".into());
                }
                let categories = parts[..index].to_vec();
                let draft = *part == "_drafts";
                return Ok(Place::Post {
                    categories,
                    name,
                    draft,
                });
            }
            let collection_root = if self.collections_dir.is_empty() {
                index == 0
            } else {
                index == 1 && parts[0] == self.collections_dir
            };
            if collection_root
                && let Some(label) = part.strip_prefix('_')
                && let Some(collection) = self.collection(label)
                && label != "posts"
            {
                let rest = &parts[index + 1..];
                let first = rest.first().copied().unwrap_or_default();
                let name = rest.last().copied().unwrap_or_default();
                if is_special(first) || is_special(name) {
                    return Err("its name or first folder starts with `.`, `_`, `#` or `~`".into());
                }
                return Ok(Place::Document {
                    collection,
                    path: rest.join("/"),
                });
            }
            if is_special(part) {
                let included = self.include.iter().any(|p| p.text == *part);
                if !included {
                    if *part == "_includes" {
                        return Err("include".into());
                    }
                    return Err(format!(
                        "in `{}`: Jekyll skips files and folders whose name starts with `.`, `_`, `#` or `~`",
                        parts[..=index].join("/")
                    ));
                }
            }
        }
        Ok(Place::Page)
    }
}

enum Place<'a> {
    Page,
    Post {
        categories: Vec<&'a str>,
        name: &'a str,
        draft: bool,
    },
    Document {
        collection: &'a Collection,
        path: String,
    },
}

impl Model for Jekyll {
    fn by_path(&self, relative: &str) -> Option<Page> {
        if relative.starts_with("../") {
            return unpublished("outside the site's folder");
        }
        if self.excluded(relative) {
            return match generic::repository_document(Path::new(relative)) {
                Some(document) => Some(document),
                None => unpublished("matched by `exclude` in the configuration"),
            };
        }
        match self.place(relative) {
            Err(why) if why == "include" => Some(Page::not_published(
                Kind::Partial,
                "an include: `{% include %}` reads it into pages",
            )),
            Err(why) => unpublished(why),
            Ok(Place::Post { name, .. }) if dated_name(name).is_none() => unpublished(
                "in `_posts` without a date in its name (`YYYY-MM-DD-title.md`): Jekyll ignores it",
            ),
            Ok(Place::Document { collection, .. }) if !collection.output => unpublished(format!(
                "collection `{}` is not written (`output: true` is not set)",
                collection.label
            )),
            Ok(_) => None,
        }
    }

    fn page(&self, file: &File<'_>, profile: &Profile) -> Page {
        let relative = file.relative.unwrap_or_default();
        let mut page = self.page_of_file(file, profile);
        if page.kind.is_published() {
            // The defaults of its type: `posts`, a collection's label, or `pages`.
            let kind = match self.place(relative) {
                Ok(Place::Post { .. }) => "posts".to_owned(),
                Ok(Place::Document { collection, .. }) => collection.label.clone(),
                _ => "pages".to_owned(),
            };
            let defaults = self.defaults_for(relative, &kind);
            if let Some(layout) = self
                .value(file.post, &defaults, "layout")
                .and_then(Value::as_text)
            {
                page.title_template = self.templates.title(layout);
            }
        }
        page
    }
}

impl Jekyll {
    fn page_of_file(&self, file: &File<'_>, _: &Profile) -> Page {
        let post = file.post;
        let relative = file.relative.unwrap_or_default();
        let has_front_matter = {
            let first = post.source.split(['\n']).next().unwrap_or_default();
            first.trim_end().starts_with("---")
                && first.trim_end().trim_start_matches('-').is_empty()
                && first.trim_end().len() == 3
        };
        match self.place(relative) {
            Ok(Place::Post {
                categories,
                name,
                draft,
            }) => self.post(post, relative, &categories, name, draft),
            Ok(Place::Document { collection, path }) => {
                if !has_front_matter {
                    return Page::not_published(
                        Kind::Unpublished,
                        "no front matter: Jekyll copies it as a static file, unrendered",
                    );
                }
                self.document(post, relative, collection, &path)
            }
            Ok(Place::Page) => {
                if !has_front_matter {
                    // A forge still renders a README without front matter.
                    if let Some(document) = generic::repository_document(Path::new(relative)) {
                        return document;
                    }
                    return Page::not_published(
                        Kind::Unpublished,
                        "no front matter: Jekyll copies it as a static file, unrendered",
                    );
                }
                self.page_of(post, relative)
            }
            Err(why) => Page::not_published(Kind::Unpublished, why),
        }
    }
    fn published(&self, post: &Post, defaults: &[&Value]) -> bool {
        self.value(post, defaults, "published")
            .is_none_or(|value| value.kind != ValueKind::Bool(false))
    }

    fn page_of(&self, post: &Post, relative: &str) -> Page {
        let defaults = self.defaults_for(relative, "pages");
        let given = given_by(&defaults);
        let (dir, name) = relative.rsplit_once('/').unwrap_or(("", relative));
        let basename = name
            .rsplit_once('.')
            .map_or(name, |(stem, _)| stem)
            .trim_end_matches('.');
        let output_ext = if self.is_markdown(name) {
            ".html".to_owned()
        } else {
            name.rsplit_once('.')
                .map_or(String::new(), |(_, ext)| format!(".{ext}"))
        };
        let mut page = Page::new(Kind::Page, Url::Unknown(String::new()));
        // Pages read `published` from their own front matter only.
        if post
            .front_matter
            .as_ref()
            .and_then(|fm| fm.get("published"))
            .and_then(|e| e.value.as_ref())
            .is_some_and(|v| v.kind == ValueKind::Bool(false))
        {
            page.draft = true;
        }
        let own = post.value("permalink").filter(|v| v.as_text().is_some());
        let template = match own.or_else(|| defaults.iter().rev().find_map(|d| d.get("permalink")))
        {
            Some(value) if value.as_text().is_some() => {
                if let Some(own) = own {
                    page.url_set_at = Some(own.range.clone());
                    page.slug = slug::from_value(post, own, "permalink");
                }
                value.as_text().unwrap_or_default().to_owned()
            }
            _ => {
                page.slug = if basename == "index" {
                    None
                } else {
                    slug::from_path(post, "permalink")
                };
                if output_ext != ".html" {
                    "/:path/:basename:output_ext".into()
                } else if basename == "index" {
                    "/:path/".into()
                } else {
                    with_suffix("/:path/:basename", &self.permalink)
                }
            }
        };
        let path = if dir.is_empty() {
            String::new()
        } else {
            format!("/{dir}")
        };
        let url = fill(&template, |token| match token {
            "path" => Some(path.clone()),
            "basename" => Some(basename.to_owned()),
            "output_ext" => Some(output_ext.clone()),
            _ => None,
        });
        page.url = Some(Url::Known(self.published_url(&url)));
        page.given = given;
        page
    }

    fn document(&self, post: &Post, relative: &str, collection: &Collection, path: &str) -> Page {
        let defaults = self.defaults_for(relative, &collection.label);
        let mut page = Page::new(Kind::Page, Url::Unknown(String::new()));
        page.collection = Some(collection.label.clone());
        page.given = given_by(&defaults);
        // Jekyll titles a document without one from its file name.
        page.given.push("title".into());
        page.draft = !self.published(post, &defaults);
        let name = path.rsplit('/').next().unwrap_or(path);
        let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
        let cleaned = path
            .rsplit_once('.')
            .map_or(path, |(stem, _)| stem)
            .trim_end_matches('.');
        let (date, file_slug) = match dated_name(name) {
            Some((date, title)) => (Some(date), title.to_owned()),
            None => (None, stem.to_owned()),
        };
        let template = self.template(post, &defaults, &collection.permalink, &mut page);
        page.slug = self.slug_in(post, &defaults, &template, name, &mut page);
        let url = self.fill_document(
            post,
            &defaults,
            &template,
            &collection.label,
            &format!("/{cleaned}"),
            &file_slug,
            &[],
            date,
            stem,
        );
        page.url = Some(url);
        page
    }

    fn post(
        &self,
        post: &Post,
        relative: &str,
        categories: &[&str],
        name: &str,
        draft: bool,
    ) -> Page {
        let defaults = self.defaults_for(relative, "posts");
        let mut page = Page::new(Kind::Post, Url::Unknown(String::new()));
        page.collection = Some("posts".into());
        page.given = given_by(&defaults);
        page.given.push("title".into());
        page.draft = draft || !self.published(post, &defaults);
        let (file_date, file_slug) = match dated_name(name) {
            Some((date, title)) => (Some(date), title.trim_end_matches('.').to_owned()),
            None => (
                None,
                name.rsplit_once('.').map_or(name, |(s, _)| s).to_owned(),
            ),
        };
        let posts = self
            .collection("posts")
            .map(|c| c.permalink.clone())
            .unwrap_or_default();
        let template = self.template(post, &defaults, &posts, &mut page);
        page.slug = self.slug_in(post, &defaults, &template, name, &mut page);
        let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
        let cleaned = format!(
            "/{}",
            relative
                .rsplit_once('.')
                .map_or(relative, |(s, _)| s)
                .replacen("_posts", "", 1)
                .trim_start_matches('/')
        );
        let url = self.fill_document(
            post, &defaults, &template, "posts", &cleaned, &file_slug, categories, file_date, stem,
        );
        page.url = Some(url);
        page
    }

    /// The template a document's URL comes from: its `permalink`, the defaults', or its
    /// collection's.
    fn template(
        &self,
        post: &Post,
        defaults: &[&Value],
        fallback: &str,
        page: &mut Page,
    ) -> String {
        let own = post.value("permalink").filter(|v| v.as_text().is_some());
        if let Some(own) = own {
            page.url_set_at = Some(own.range.clone());
        }
        match own.or_else(|| defaults.iter().rev().find_map(|d| d.get("permalink"))) {
            Some(value) => {
                let text = value.as_text().unwrap_or_default();
                // A style named in front matter means its template.
                if matches!(text, "date" | "pretty" | "ordinal" | "weekdate" | "none") {
                    post_template(text)
                } else {
                    text.to_owned()
                }
            }
            None => fallback.to_owned(),
        }
    }

    /// The author's part of a document's URL: where the template puts `:title`, `:slug` or
    /// `:name`, the `slug` value or the file name; the last part of a `permalink` value.
    fn slug_in(
        &self,
        post: &Post,
        defaults: &[&Value],
        template: &str,
        name: &str,
        page: &mut Page,
    ) -> Option<slug::Slug> {
        let own_permalink = post
            .front_matter
            .as_ref()
            .and_then(|fm| fm.get("permalink"))
            .and_then(|e| e.value.as_ref());
        let placeholders = template_tokens(template);
        let uses_slug = placeholders
            .iter()
            .any(|token| matches!(token.as_str(), "title" | "slug" | "name"));
        if !uses_slug {
            return own_permalink.and_then(|value| slug::from_value(post, value, "permalink"));
        }
        if let Some(value) = self.value(post, defaults, "slug")
            && post
                .front_matter
                .as_ref()
                .and_then(|fm| fm.get("slug"))
                .is_some()
        {
            page.url_set_at.get_or_insert(value.range.clone());
            return slug::from_value(post, value, "slug");
        }
        let mut derived = slug::from_path(post, "slug")?;
        if let Some((_, title)) = dated_name(name) {
            derived.text = title.to_owned();
        }
        Some(derived)
    }

    #[allow(clippy::too_many_arguments)]
    fn fill_document(
        &self,
        post: &Post,
        defaults: &[&Value],
        template: &str,
        collection: &str,
        path: &str,
        file_slug: &str,
        folder_categories: &[&str],
        file_date: Option<date::Timestamp>,
        stem: &str,
    ) -> Url {
        let slug = self
            .value(post, defaults, "slug")
            .and_then(Value::as_text)
            .map_or_else(|| file_slug.to_owned(), str::to_owned);
        let date = self.date(post, defaults).or_else(|| {
            // A name's date is midnight in the site's zone: its parts as written.
            file_date.map(|d| (d.year, d.month, d.day))
        });
        let mut categories: Vec<String> = Vec::new();
        let mut add = |name: &str| {
            let lower = name.to_lowercase();
            if !lower.is_empty() && !categories.contains(&lower) {
                categories.push(lower);
            }
        };
        for folder in folder_categories {
            add(folder);
        }
        for key in ["categories", "category"] {
            match self.value(post, defaults, key).map(|v| &v.kind) {
                Some(ValueKind::String(text)) if key == "categories" => {
                    text.split_whitespace().for_each(&mut add)
                }
                Some(ValueKind::String(text)) => add(text),
                Some(ValueKind::List(items)) => {
                    items.iter().filter_map(Value::as_text).for_each(&mut add)
                }
                _ => {}
            }
        }
        let mut unknown = None;
        let url = fill(template, |token| {
            let mut from_date = |format: fn((i32, u8, u8)) -> String| match date {
                Some(date) => Some(format(date)),
                None => {
                    unknown
                        .get_or_insert_with(|| "no date: Jekyll takes the build's time".to_owned());
                    Some(format!(":{token}"))
                }
            };
            Some(match token {
                "collection" => collection.to_owned(),
                "path" => path.to_owned(),
                "name" => slugify(stem, false),
                "title" => slugify_pretty(&slug),
                "slug" => slugify(&slug, false),
                "categories" => categories.join("/"),
                "year" => from_date(|d| format!("{:04}", d.0))?,
                "month" => from_date(|d| format!("{:02}", d.1))?,
                "day" => from_date(|d| format!("{:02}", d.2))?,
                "i_month" => from_date(|d| d.1.to_string())?,
                "i_day" => from_date(|d| d.2.to_string())?,
                "short_year" => from_date(|d| format!("{:02}", d.0 % 100))?,
                "output_ext" => ".html".to_owned(),
                other => {
                    unknown
                        .get_or_insert_with(|| format!("`:{other}` is not computed by postlint"));
                    format!(":{other}")
                }
            })
        });
        let url = self.published_url(&url);
        match unknown {
            None => Url::Known(url),
            Some(why) => Url::Partial { pattern: url, why },
        }
    }

    /// The date's calendar day in the site's zone (`Utils.parse_date` then `localtime`): a
    /// written offset is converted; an unquoted time without one is UTC (a YAML
    /// timestamp); a quoted one, or a date alone, is the site's own wall clock.
    fn date(&self, post: &Post, defaults: &[&Value]) -> Option<(i32, u8, u8)> {
        let value = self.value(post, defaults, "date")?;
        let text = value.as_text()?;
        let parsed = date::parse(text).ok()?;
        let quoted = post
            .source
            .get(value.range.clone())
            .is_some_and(|written| written.starts_with(['"', '\'']));
        let instant = match parsed.offset_minutes {
            Some(_) => parsed.unix_seconds(),
            None if parsed.has_time && !quoted => parsed.unix_seconds(),
            None => return Some((parsed.year, parsed.month, parsed.day)),
        };
        let Some(zone) = &self.timezone else {
            let utc = date::Timestamp::from_unix(instant);
            return Some((utc.year, utc.month, utc.day));
        };
        let timestamp = jiff::Timestamp::from_second(instant).ok()?;
        let local = zone.to_datetime(timestamp);
        Some((local.year() as i32, local.month() as u8, local.day() as u8))
    }

    /// A page's URL as a reader sees it: `baseurl` before Jekyll's own URL, which
    /// `sanitize_url` cleaned (doubled slashes squeezed).
    fn published_url(&self, url: &str) -> String {
        let mut clean = String::with_capacity(url.len() + 1);
        for c in format!("/{url}").chars() {
            if c == '/' && clean.ends_with('/') {
                continue;
            }
            clean.push(c);
        }
        format!("{}{}", self.base_path.trim_end_matches('/'), clean)
    }
}

/// The keys `defaults` give a page.
fn given_by(defaults: &[&Value]) -> Vec<String> {
    defaults
        .iter()
        .flat_map(|values| values.entries())
        .filter(|(_, value)| value.kind != ValueKind::Null)
        .filter_map(|(key, _)| key.as_text().map(str::to_owned))
        .collect()
}

/// The placeholders of a template (`:year`, `:title`).
fn template_tokens(template: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    fill(template, |token| {
        tokens.push(token.to_owned());
        Some(String::new())
    });
    tokens
}

/// Fills `:name` placeholders (`/:([a-z_]+)/`, a name ending in `_` keeping its `_`).
fn fill(template: &str, mut value: impl FnMut(&str) -> Option<String>) -> String {
    let mut out = String::new();
    let mut rest = template;
    while let Some(colon) = rest.find(':') {
        out.push_str(&rest[..colon]);
        let after = &rest[colon + 1..];
        let len = after
            .find(|c: char| !(c.is_ascii_lowercase() || c == '_'))
            .unwrap_or(after.len());
        let mut name = &after[..len];
        let mut trailing = "";
        if name.ends_with('_') && name.len() > 1 {
            trailing = "_";
            name = &name[..name.len() - 1];
        }
        match (name.is_empty(), value(name)) {
            (false, Some(filled)) => {
                out.push_str(&filled);
                out.push_str(trailing);
            }
            _ => {
                out.push(':');
                out.push_str(&after[..len]);
            }
        }
        rest = &after[len..];
    }
    out.push_str(rest);
    out
}

/// `Utils.slugify` in its default mode: runs of anything but letters, marks and digits
/// become one `-`, trimmed, lowercased unless `cased`.
fn slugify(text: &str, cased: bool) -> String {
    slugify_with(text, cased, |c| c.is_alphanumeric())
}

/// The `pretty` mode `:title` uses, cased: `._~!$&'()+,;=@` kept too.
fn slugify_pretty(text: &str) -> String {
    slugify_with(text, true, |c| {
        c.is_alphanumeric() || "._~!$&'()+,;=@".contains(c)
    })
}

fn slugify_with(text: &str, cased: bool, kept: impl Fn(char) -> bool) -> String {
    let mut out = String::new();
    let mut in_run = false;
    for c in text.chars() {
        if kept(c) {
            if in_run {
                out.push('-');
                in_run = false;
            }
            out.push(c);
        } else {
            in_run = true;
        }
    }
    if in_run {
        out.push('-');
    }
    let out = out.strip_prefix('-').unwrap_or(&out);
    let out = out.strip_suffix('-').unwrap_or(out);
    if cased {
        out.to_owned()
    } else {
        out.to_lowercase()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::TestSite;

    #[test]
    fn posts_pages_and_collections() {
        let site = TestSite::new(
            &[
                (
                    "_config.yml",
                    "timezone: America/Los_Angeles\ncollections:\n  docs:\n    permalink: /:collection/:path/\n    output: true\n  posts:\n    permalink: /news/:year/:month/:day/:title/\n  notes:\n    output: false\nexclude: [readme.md]\n",
                ),
                (
                    "_posts/2013-05-06-jekyll-1-0-0-released.markdown",
                    "---\ndate: 2013-05-06 02:12:52 +0200\n---\n",
                ),
                ("_posts/2020-01-05-Hello World.md", "---\n---\n"),
                ("_posts/template.md", "---\ntitle: t\n---\n"),
                ("_docs/installation.md", "---\ntitle: x\n---\n"),
                ("_docs/index.md", "---\npermalink: /docs/\n---\n"),
                ("_notes/n.md", "---\n---\n"),
                ("pages/about.md", "---\ntitle: About\n---\n"),
                ("pages/plain.md", "no front matter\n"),
                (
                    "news/_posts/2020-02-01-cat.md",
                    "---\ncategories: [Release]\n---\n",
                ),
                ("_includes/snippet.md", "x"),
                ("readme.md", "# Readme"),
            ],
            load,
        );
        assert_eq!(
            site.known("_posts/2013-05-06-jekyll-1-0-0-released.markdown"),
            "/news/2013/05/05/jekyll-1-0-0-released/"
        );
        assert_eq!(
            site.known("_posts/2020-01-05-Hello World.md"),
            "/news/2020/01/05/Hello-World/"
        );
        assert_eq!(site.known("_docs/installation.md"), "/docs/installation/");
        assert_eq!(site.known("_docs/index.md"), "/docs/");
        assert_eq!(site.known("pages/about.md"), "/pages/about.html");
        assert_eq!(
            site.known("news/_posts/2020-02-01-cat.md"),
            "/news/2020/02/01/cat/"
        );
        assert_eq!(site.url("_posts/template.md"), None);
        assert_eq!(site.url("_notes/n.md"), None);
        assert_eq!(site.url("pages/plain.md"), None);
        assert_eq!(
            site.kind_by_path("_includes/snippet.md"),
            Some(Kind::Partial)
        );
        assert_eq!(site.kind_by_path("readme.md"), Some(Kind::Document));
    }

    #[test]
    fn styles_and_the_base_url() {
        let site = TestSite::new(
            &[
                ("_config.yml", "permalink: pretty\nbaseurl: /blog\n"),
                ("about.md", "---\n---\n"),
                ("docs/index.md", "---\n---\n"),
                ("_posts/2020-01-05-hello.md", "---\n---\n"),
            ],
            load,
        );
        assert_eq!(site.known("about.md"), "/blog/about/");
        assert_eq!(site.known("docs/index.md"), "/blog/docs/");
        assert_eq!(
            site.known("_posts/2020-01-05-hello.md"),
            "/blog/2020/01/05/hello/"
        );
    }

    #[test]
    fn slugify_modes() {
        assert_eq!(slugify("Hello World", false), "hello-world");
        assert_eq!(slugify_pretty("C++ & Rust_lang"), "C++-&-Rust_lang");
        assert_eq!(slugify("日本語 テキスト", false), "日本語-テキスト");
    }
}
