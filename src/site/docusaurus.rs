//! Docusaurus (3): `docusaurus.config.*` read for its literal values, the docs, blog and
//! pages plugins with their `path` and `routeBasePath`, versioned docs, translations,
//! `_` partials, and URLs from ids, slugs and dated blog file names.
//!
//! Sources: facebook/docusaurus `packages/docusaurus-plugin-content-docs/src/{docs,slug,
//! numberPrefix}.ts`, `packages/docusaurus-plugin-content-blog/src/blogUtils.ts`,
//! `packages/docusaurus-plugin-content-pages/src/content.ts`, `packages/docusaurus-utils/
//! src/globUtils.ts`, checked against a Docusaurus 3.10 build of the shared site.

use std::path::Path;

use super::config_file::Loader;
use super::{File, Kind, Model, Page, Url, generic, slug};
use crate::post::{Post, Value};
use crate::profile::Profile;

const CONFIG_NAMES: &[&str] = &[
    "docusaurus.config.ts",
    "docusaurus.config.mts",
    "docusaurus.config.cts",
    "docusaurus.config.js",
    "docusaurus.config.mjs",
    "docusaurus.config.cjs",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Plugin {
    Docs,
    Blog,
    Pages,
}

/// One content plugin instance: where its files are, and where it publishes them.
#[derive(Debug)]
struct Content {
    plugin: Plugin,
    /// The folder, from the site's root (`docs`, `../docs`, `src/pages`).
    path: String,
    /// The URL path it publishes under, without slashes around it (`docs`, or empty).
    route: String,
    /// The version path part of a versioned docs folder (`1.0`; empty for the last).
    version: Option<String>,
}

#[derive(Debug)]
pub struct Docusaurus {
    contents: Vec<Content>,
    base_url: String,
    trailing_slash: Option<bool>,
    locales: Vec<String>,
}

pub fn load(loader: &mut Loader) -> Docusaurus {
    let config = CONFIG_NAMES.iter().find_map(|name| loader.read_js(name));
    if config.is_none() {
        loader.assume("no readable `docusaurus.config.*`: Docusaurus's defaults");
    }
    let root_value = config.as_ref().map(|c| c.root.clone());
    let get = |keys: &[&str]| {
        root_value
            .as_ref()
            .and_then(|v| keys.iter().try_fold(v, |value, key| value.get(key)))
    };
    let base_url = match get(&["baseUrl"]).and_then(Value::as_text) {
        Some(base) => format!("/{}/", base.trim_matches('/')).replace("//", "/"),
        None => {
            loader.assume("`baseUrl`: `/`");
            "/".into()
        }
    };
    let trailing_slash = get(&["trailingSlash"]).and_then(Value::as_bool);
    let locales: Vec<String> = get(&["i18n", "locales"])
        .map(Value::texts)
        .unwrap_or_default();
    let default_locale = get(&["i18n", "defaultLocale"])
        .and_then(Value::as_text)
        .unwrap_or("en")
        .to_owned();
    let locales = locales
        .into_iter()
        .filter(|locale| *locale != default_locale)
        .collect();
    // The classic preset's options, and plugin instances named in `plugins`.
    let mut options: Vec<(Plugin, Option<Value>)> = Vec::new();
    let mut preset_found = false;
    for preset in get(&["presets"]).map(Value::items).unwrap_or_default() {
        let (name, settings) = match preset.items() {
            [name, settings, ..] => (name.as_text(), Some(settings)),
            [name] => (name.as_text(), None),
            _ => (preset.as_text(), None),
        };
        if !name.is_some_and(|n| n.contains("classic")) {
            continue;
        }
        preset_found = true;
        for (plugin, key) in [
            (Plugin::Docs, "docs"),
            (Plugin::Blog, "blog"),
            (Plugin::Pages, "pages"),
        ] {
            let setting = settings.and_then(|s| s.get(key));
            if setting.and_then(Value::as_bool) == Some(false) {
                continue;
            }
            options.push((plugin, setting.cloned()));
        }
    }
    for plugin in get(&["plugins"]).map(Value::items).unwrap_or_default() {
        let (name, settings) = match plugin.items() {
            [name, settings, ..] => (name.as_text(), Some(settings.clone())),
            _ => (plugin.as_text(), None),
        };
        let kind = match name {
            Some(n) if n.contains("plugin-content-docs") => Plugin::Docs,
            Some(n) if n.contains("plugin-content-blog") => Plugin::Blog,
            Some(n) if n.contains("plugin-content-pages") => Plugin::Pages,
            _ => continue,
        };
        options.push((kind, settings));
    }
    if !preset_found && options.is_empty() {
        loader.assume("the classic preset's docs, blog and pages plugins at their defaults");
        options = vec![
            (Plugin::Docs, None),
            (Plugin::Blog, None),
            (Plugin::Pages, None),
        ];
    }
    let file = config.as_ref().map(|c| c.path.clone()).unwrap_or_default();
    let mut contents = Vec::new();
    for (plugin, settings) in options {
        let (default_path, default_route) = match plugin {
            Plugin::Docs => ("docs", "docs"),
            Plugin::Blog => ("blog", "blog"),
            Plugin::Pages => ("src/pages", ""),
        };
        let setting = |key: &str| {
            settings
                .as_ref()
                .and_then(|s| s.get(key))
                .and_then(Value::as_text)
        };
        let path = match setting("path") {
            Some(path) if loader.folder(&file, "path", path).is_some() => {
                path.trim_end_matches('/')
            }
            _ => default_path,
        };
        let route = setting("routeBasePath")
            .unwrap_or(default_route)
            .trim_matches('/');
        let path = path.trim_start_matches("./").to_owned();
        // With released versions, the docs folder is the next version's, under `next`.
        let mut current = None;
        if plugin == Plugin::Docs {
            let released = versions(loader, route);
            if !released.is_empty() {
                current = Some("next".to_owned());
            }
            contents.extend(released);
        }
        contents.push(Content {
            plugin,
            path,
            route: route.to_owned(),
            version: current,
        });
    }
    let statics: Vec<String> = get(&["staticDirectories"])
        .map(Value::texts)
        .filter(|dirs: &Vec<String>| !dirs.is_empty())
        .unwrap_or_else(|| vec!["static".into()]);
    let root = loader.root.to_owned();
    let facts = loader.facts();
    facts.base_path = base_url.clone();
    facts.content_roots = contents
        .iter()
        .map(|c| super::paths::normalize(&root.join(&c.path)))
        .collect();
    facts.static_roots = statics.iter().map(|dir| root.join(dir)).collect();
    Docusaurus {
        contents,
        base_url,
        trailing_slash,
        locales,
    }
}

/// Versioned docs (`versions.json`, `versioned_docs/version-<v>/`): the newest released
/// version is at the plugin's route, the others under their name.
fn versions(loader: &mut Loader, route: &str) -> Vec<Content> {
    let Some((path, text)) = loader.read_text("versions.json") else {
        return Vec::new();
    };
    let names: Vec<String> = match serde_json::from_str(&text) {
        Ok(names) => names,
        Err(error) => {
            loader.problem(
                &path,
                format!("is not a JSON list of version names ({error}); no versioned docs assumed"),
            );
            return Vec::new();
        }
    };
    names
        .iter()
        .enumerate()
        .map(|(index, name)| Content {
            plugin: Plugin::Docs,
            path: format!("versioned_docs/version-{name}"),
            route: route.to_owned(),
            version: Some(if index == 0 {
                String::new()
            } else {
                name.clone()
            }),
        })
        .collect()
}

/// The default number prefix parser: `02-intro` is `intro`, `2021-11-foo` is kept.
fn strip_number_prefix(name: &str) -> &str {
    let bytes = name.as_bytes();
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    if digits == 0 {
        return name;
    }
    let rest = &name[digits..];
    // `/^\d+[-_.]\d+/`: a date or a version, not a prefix.
    if rest.starts_with(['-', '_', '.']) && rest[1..].starts_with(|c: char| c.is_ascii_digit()) {
        return name;
    }
    let trimmed = rest.trim_start_matches(' ');
    let separators = trimmed.len() - trimmed.trim_start_matches(['-', '_', '.']).len();
    if separators == 0 {
        return name;
    }
    let suffix = trimmed[separators..].trim_start_matches(' ');
    if suffix.is_empty() || suffix.starts_with(['-', '_', '.']) {
        return name;
    }
    suffix
}

/// A URL path resolved against a folder, as `resolvePathname` does (`../x`, `./y/`).
fn resolve(target: &str, folder: &str) -> String {
    let mut parts: Vec<&str> = folder.split('/').filter(|p| !p.is_empty()).collect();
    let trailing = target.ends_with('/');
    for part in target.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    let mut out = format!("/{}", parts.join("/"));
    if trailing && out != "/" {
        out.push('/');
    }
    out
}

/// `DATE_FILENAME_REGEX` on a blog post's path: the date and what comes after it.
fn blog_date(path: &str) -> Option<(String, String, String)> {
    let stem = path
        .strip_suffix(".mdx")
        .or_else(|| path.strip_suffix(".md"))?;
    let stem = stem.strip_suffix("/index").unwrap_or(stem);
    // The last date in the path (the regex's folder part is greedy).
    let starts: Vec<usize> = stem.char_indices().map(|(at, _)| at).collect();
    starts.into_iter().rev().find_map(|at| {
        let rest = &stem[at..];
        let year = rest.get(..4)?;
        if !year.bytes().all(|b| b.is_ascii_digit()) || !rest[4..].starts_with(['-', '/']) {
            return None;
        }
        let after_year = &rest[5..];
        let month_len = after_year.bytes().take_while(u8::is_ascii_digit).count();
        if !(1..=2).contains(&month_len) || !after_year[month_len..].starts_with(['-', '/']) {
            return None;
        }
        let after_month = &after_year[month_len + 1..];
        let day_len = after_month.bytes().take_while(u8::is_ascii_digit).count();
        if !(1..=2).contains(&day_len) {
            return None;
        }
        let date = format!(
            "{year}/{}/{}",
            &after_year[..month_len],
            &after_month[..day_len]
        );
        let text = after_month[day_len..]
            .trim_start_matches(['-', '/'])
            .to_owned();
        Some((stem[..at].to_owned(), date, text))
    })
}

fn unpublished(why: impl Into<String>) -> Option<Page> {
    Some(Page::not_published(Kind::Unpublished, why))
}

impl Docusaurus {
    /// The content plugin folder `relative` is in, and the path under it.
    fn content<'a>(&self, relative: &'a str) -> Option<(&Content, &'a str)> {
        self.contents
            .iter()
            .filter_map(|content| {
                let rest = relative
                    .strip_prefix(content.path.as_str())?
                    .strip_prefix('/')?;
                Some((content, rest))
            })
            .max_by_key(|(content, _)| content.path.len())
    }

    /// A translation: `i18n/<locale>/docusaurus-plugin-content-<plugin>/[current/]rest`.
    fn translation<'a>(&self, relative: &'a str) -> Option<(&str, &Content, &'a str)> {
        let rest = relative.strip_prefix("i18n/")?;
        let (locale, rest) = rest.split_once('/')?;
        let locale = self.locales.iter().find(|l| *l == locale)?;
        let (folder, rest) = rest.split_once('/')?;
        let plugin = match folder {
            "docusaurus-plugin-content-docs" => Plugin::Docs,
            "docusaurus-plugin-content-blog" => Plugin::Blog,
            "docusaurus-plugin-content-pages" => Plugin::Pages,
            _ => return None,
        };
        let rest = if plugin == Plugin::Docs {
            rest.strip_prefix("current/")?
        } else {
            rest
        };
        let content = self
            .contents
            .iter()
            .find(|c| c.plugin == plugin && !c.path.starts_with("versioned_docs/"))?;
        Some((locale, content, rest))
    }

    fn url(&self, locale: Option<&str>, content: &Content, slug: &str) -> Url {
        let mut parts = vec![self.base_url.trim_matches('/')];
        if let Some(locale) = locale {
            parts.push(locale);
        }
        parts.push(&content.route);
        if let Some(version) = &content.version {
            parts.push(version);
        }
        parts.push(slug);
        let joined: Vec<&str> = parts
            .iter()
            .flat_map(|part| part.split('/'))
            .filter(|part| !part.is_empty())
            .collect();
        let mut url = format!("/{}", joined.join("/"));
        let ends_with_slash = slug.ends_with('/') || slug.is_empty();
        match self.trailing_slash {
            Some(true) if url != "/" => url.push('/'),
            None if ends_with_slash && url != "/" => url.push('/'),
            _ => {}
        }
        Url::Known(url)
    }

    fn doc(&self, post: &Post, content: &Content, rest: &str, locale: Option<&str>) -> Page {
        let mut page = Page::new(Kind::Page, Url::Unknown(String::new()));
        page.collection = Some("docs".into());
        let (folder, name) = rest.rsplit_once('/').unwrap_or(("", rest));
        let raw_stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
        let stripped_folder: Vec<&str> = folder
            .split('/')
            .filter(|part| !part.is_empty())
            .map(strip_number_prefix)
            .collect();
        let value = |key: &str| post.value(key);
        let raw_folder_name = folder.rsplit('/').next().unwrap_or_default();
        let is_index = raw_stem.eq_ignore_ascii_case("index")
            || raw_stem.eq_ignore_ascii_case("readme")
            || (!raw_folder_name.is_empty() && raw_stem.eq_ignore_ascii_case(raw_folder_name));
        let dir_slug = if stripped_folder.is_empty() {
            "/".to_owned()
        } else {
            format!("/{}/", stripped_folder.join("/"))
        };
        let own_slug = value("slug").filter(|v| v.as_text().is_some());
        let own_id = value("id").filter(|v| v.as_text().is_some());
        let slug = match (own_slug, is_index) {
            (Some(slug_value), _) => {
                let text = page.set_by(post, slug_value, "slug");
                if text.starts_with('/') {
                    text.to_owned()
                } else {
                    resolve(text, &dir_slug)
                }
            }
            (None, true) => dir_slug,
            (None, false) => {
                let base = match own_id {
                    Some(id) => page.set_by(post, id, "slug").to_owned(),
                    None => {
                        page.slug = slug::from_path(post, "slug").map(|mut derived| {
                            derived.text = strip_number_prefix(raw_stem).to_owned();
                            derived
                        });
                        strip_number_prefix(raw_stem).to_owned()
                    }
                };
                resolve(&base, &dir_slug)
            }
        };
        page.url = Some(self.url(locale, content, &slug));
        page
    }

    fn blog(&self, post: &Post, content: &Content, rest: &str, locale: Option<&str>) -> Page {
        let mut page = Page::new(Kind::Post, Url::Unknown(String::new()));
        page.collection = Some("blog".into());
        let value = |key: &str| post.value(key);
        let dated = blog_date(rest);
        let slug = match value("slug").filter(|v| v.as_text().is_some()) {
            Some(own) => page.set_by(post, own, "slug").to_owned(),
            None => {
                let (slug, text) = match &dated {
                    Some((folder, date, text)) => (format!("/{date}/{folder}{text}"), text.clone()),
                    None => {
                        let stem = rest.rsplit_once('.').map_or(rest, |(stem, _)| stem);
                        let stem = stem.strip_suffix("/index").unwrap_or(stem);
                        (
                            format!("/{stem}"),
                            stem.rsplit('/').next().unwrap_or(stem).to_owned(),
                        )
                    }
                };
                page.slug = slug::from_path(post, "slug").map(|mut derived| {
                    derived.text = text;
                    derived
                });
                slug
            }
        };
        // Without a date in the file name or the front matter, Docusaurus dates a post by
        // its first commit, which a shallow clone or a fresh file does not have.
        page.needs_date = dated.is_none() && value("date").is_none();
        page.url = Some(self.url(locale, content, &slug));
        page
    }

    fn page_of(&self, content: &Content, rest: &str, locale: Option<&str>, post: &Post) -> Page {
        let mut page = Page::new(Kind::Page, Url::Unknown(String::new()));
        let stem = rest.rsplit_once('.').map_or(rest, |(stem, _)| stem);
        let path = match stem.rsplit_once('/') {
            Some((dir, name)) if name.eq_ignore_ascii_case("index") => format!("/{dir}/"),
            None if stem.eq_ignore_ascii_case("index") => "/".to_owned(),
            _ => format!("/{stem}"),
        };
        let own = post.value("slug").filter(|v| v.as_text().is_some());
        let slug = match own {
            Some(own) => page.set_by(post, own, "slug").to_owned(),
            None => {
                if !path.ends_with('/') {
                    page.slug = slug::from_path(post, "slug");
                }
                path
            }
        };
        page.url = Some(self.url(locale, content, &slug));
        page
    }
}

impl Model for Docusaurus {
    fn by_path(&self, relative: &str) -> Option<Page> {
        let rest = match self.content(relative) {
            Some((_, rest)) => rest,
            None => match self.translation(relative) {
                Some((_, _, rest)) => rest,
                None => {
                    if let Some(document) = generic::repository_document(Path::new(relative)) {
                        return Some(document);
                    }
                    return unpublished(
                        "not in a content folder of the docs, blog or pages plugin",
                    );
                }
            },
        };
        if !(rest.ends_with(".md") || rest.ends_with(".mdx")) {
            return unpublished("Docusaurus reads `.md` and `.mdx` files, in lowercase");
        }
        let parts: Vec<&str> = rest.split('/').collect();
        if parts.iter().any(|part| part.starts_with('.')) {
            return unpublished("hidden: a part of its path starts with `.`");
        }
        if parts.iter().any(|part| part.starts_with('_')) {
            return Some(Page::not_published(
                Kind::Partial,
                "a partial: files and folders starting with `_` are imported, not published",
            ));
        }
        None
    }

    fn page(&self, file: &File<'_>, _: &Profile) -> Page {
        let post = file.post;
        let relative = file.relative.unwrap_or_default();
        let (locale, content, rest) = match self.content(relative) {
            Some((content, rest)) => (None, content, rest),
            None => match self.translation(relative) {
                Some((locale, content, rest)) => (Some(locale), content, rest),
                None => {
                    return Page::not_published(
                        Kind::Unpublished,
                        "not in a content folder of the docs, blog or pages plugin",
                    );
                }
            },
        };
        let mut page = match content.plugin {
            Plugin::Docs => self.doc(post, content, rest, locale),
            Plugin::Blog => self.blog(post, content, rest, locale),
            Plugin::Pages => self.page_of(content, rest, locale, post),
        };
        page.draft = post
            .value("draft")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        if let Some(locale) = locale {
            page.lang = Some(locale.to_owned());
        }
        page
    }

    fn link_file(&self, target: &str) -> Option<String> {
        let rest = target.strip_prefix("@site/")?;
        Some(crate::site::clean_target(rest))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::TestSite;

    #[test]
    fn docs_blog_and_pages_as_babel_publishes_them() {
        let site = TestSite::nested(
            &[
                (
                    "website/docusaurus.config.ts",
                    r#"const c: Config = { baseUrl: "/", presets: [["@docusaurus/preset-classic", { docs: { path: "../docs" }, blog: {} }]] }; export default c;"#,
                ),
                ("docs/index.md", "---\nid: index\n---\n"),
                ("docs/cli.md", "---\nid: babel-cli\n---\n"),
                ("docs/01-guides/02-intro.md", ""),
                ("docs/guides/guides.md", ""),
                ("docs/guides/rel.md", "---\nslug: ../up\n---\n"),
                ("website/blog/2015-10-29-6.0.0.md", "---\ntitle: x\n---\n"),
                ("website/blog/releases/2021-01-02-x.md", ""),
                (
                    "website/blog/2017-08-11-gsoc.md",
                    "---\nslug: personal\n---\n",
                ),
                ("website/blog/undated.md", "---\ntitle: x\n---\n"),
                ("website/src/pages/help.md", ""),
                ("website/src/pages/_partial.md", ""),
                ("website/data/tools/x/usage.md", ""),
            ],
            "website",
            load,
        );
        let at = |path: &str| format!("../{path}");
        assert_eq!(site.known(&at("docs/index.md")), "/docs/");
        assert_eq!(site.known(&at("docs/cli.md")), "/docs/babel-cli");
        assert_eq!(
            site.known(&at("docs/01-guides/02-intro.md")),
            "/docs/guides/intro"
        );
        assert_eq!(site.known(&at("docs/guides/guides.md")), "/docs/guides/");
        assert_eq!(site.known(&at("docs/guides/rel.md")), "/docs/up");
        assert_eq!(
            site.known("blog/2015-10-29-6.0.0.md"),
            "/blog/2015/10/29/6.0.0"
        );
        assert_eq!(
            site.known("blog/releases/2021-01-02-x.md"),
            "/blog/2021/01/02/releases/x"
        );
        assert_eq!(site.known("blog/2017-08-11-gsoc.md"), "/blog/personal");
        assert_eq!(site.known("blog/undated.md"), "/blog/undated");
        assert_eq!(site.known("src/pages/help.md"), "/help");
        assert_eq!(
            site.kind_by_path("src/pages/_partial.md"),
            Some(Kind::Partial)
        );
        assert_eq!(site.url("data/tools/x/usage.md"), None);
    }

    #[test]
    fn versioned_docs() {
        let site = TestSite::new(
            &[
                ("docusaurus.config.js", "module.exports = { baseUrl: '/' }"),
                ("versions.json", "[\"2.0\", \"1.0\"]"),
                ("versioned_docs/version-2.0/intro.md", ""),
                ("versioned_docs/version-1.0/intro.md", ""),
                ("docs/intro.md", ""),
            ],
            load,
        );
        assert_eq!(
            site.known("versioned_docs/version-2.0/intro.md"),
            "/docs/intro"
        );
        assert_eq!(
            site.known("versioned_docs/version-1.0/intro.md"),
            "/docs/1.0/intro"
        );
        assert_eq!(site.known("docs/intro.md"), "/docs/next/intro");
    }

    #[test]
    fn dated_blog_paths() {
        assert_eq!(
            blog_date("2021-01-02-hello.md"),
            Some((String::new(), "2021/01/02".into(), "hello".into()))
        );
        assert_eq!(
            blog_date("releases/2021-01-02-x.md"),
            Some(("releases/".into(), "2021/01/02".into(), "x".into()))
        );
        assert_eq!(
            blog_date("中文/2021-1-2-你好.md"),
            Some(("中文/".into(), "2021/1/2".into(), "你好".into()))
        );
        assert_eq!(blog_date("你好.md"), None);
    }

    #[test]
    fn number_prefixes() {
        assert_eq!(strip_number_prefix("02-intro"), "intro");
        assert_eq!(strip_number_prefix("003 - My Doc"), "My Doc");
        assert_eq!(strip_number_prefix("10_x"), "x");
        assert_eq!(strip_number_prefix("1.0-notes"), "1.0-notes");
        assert_eq!(strip_number_prefix("2021-11-foo"), "2021-11-foo");
        assert_eq!(strip_number_prefix("v7-migration"), "v7-migration");
    }
}
