//! Zola (0.21): `config.toml`, `content/` with `_index.md` sections and pages, page
//! bundles, language suffixes, `slug` and `path` front matter, `slugify.paths`, and the
//! `@/` internal links.
//!
//! Sources: getzola/zola `components/content/src/{page,section,file_info}.rs`,
//! `components/content/src/front_matter/split.rs`, `components/utils/src/slugs.rs`,
//! `components/site/src/lib.rs`.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Mutex;

use super::config_file::Loader;
use super::heading_ids::IdScheme;
use super::templates::{Templates, extended};
use super::{File, Kind, Model, Page, Url, generic, paths, slug};
use crate::post::front_matter::{self, Syntax};
use crate::post::{Post, Value};
use crate::profile::Profile;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slugify {
    On,
    Safe,
    Off,
}

#[derive(Debug)]
pub struct Zola {
    default_language: String,
    /// The other languages; a site with any is multilingual.
    other_languages: Vec<String>,
    slugify: Slugify,
    keep_dates: bool,
    base_path: String,
    /// `ignored_content`, matched as Zola matches it: against the file's absolute path,
    /// `*` also crossing folders.
    ignored: Option<globset::GlobSet>,
    root: std::path::PathBuf,
    templates: Templates,
    /// Each section folder's `page_template`, read once.
    page_templates: Mutex<HashMap<String, Option<String>>>,
}

pub fn load(loader: &mut Loader) -> Zola {
    let config = loader.read("config.toml");
    if config.is_none() {
        loader.assume("no readable `config.toml`: Zola's defaults");
    }
    let get = |keys: &[&str]| config.as_ref().and_then(|c| c.get(keys));
    let default_language = get(&["default_language"])
        .and_then(Value::as_text)
        .unwrap_or("en")
        .to_owned();
    let other_languages: Vec<String> = get(&["languages"])
        .map(|languages| {
            languages
                .entries()
                .filter_map(|(code, _)| code.as_text())
                .filter(|code| *code != default_language)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    let slugify = match get(&["slugify", "paths"]).and_then(Value::as_text) {
        Some("safe") => Slugify::Safe,
        Some("off") => Slugify::Off,
        _ => Slugify::On,
    };
    let keep_dates = get(&["slugify", "paths_keep_dates"])
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let base_path = get(&["base_url"])
        .and_then(Value::as_text)
        .map(|url| {
            let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
            let path = after_scheme.find('/').map_or("", |at| &after_scheme[at..]);
            format!("{}/", path.trim_end_matches('/'))
        })
        .unwrap_or_else(|| "/".into());
    let ignored = get(&["ignored_content"]).and_then(|value| {
        let mut builder = globset::GlobSetBuilder::new();
        for pattern in value.items().iter().filter_map(Value::as_text) {
            if let Ok(glob) = globset::Glob::new(pattern) {
                builder.add(glob);
            }
        }
        builder.build().ok()
    });
    let root = loader.root.to_owned();
    let mut template_folders = vec![root.join("templates")];
    if let Some(theme) = get(&["theme"]).and_then(Value::as_text)
        && let Some(folder) = paths::configured_folder(&root, &root, &format!("themes/{theme}"))
    {
        template_folders.push(folder.join("templates"));
    }
    let templates = Templates::new(
        &root,
        template_folders,
        &[""],
        &["page.title", "section.title"],
        extended,
    );
    let heading_ids = match get(&["slugify", "anchors"]).and_then(Value::as_text) {
        Some("safe") => IdScheme::ZolaSafe,
        Some("off") => IdScheme::ZolaOff,
        _ => IdScheme::ZolaOn,
    };
    let facts = loader.facts();
    facts.heading_ids = Some(Some(heading_ids));
    facts.base_path = base_path.clone();
    facts.content_roots = vec![root.join("content")];
    facts.static_roots = vec![root.join("static")];
    if !other_languages.is_empty() {
        facts.languages = std::iter::once(default_language.clone())
            .chain(other_languages.iter().cloned())
            .collect();
    }
    Zola {
        default_language,
        other_languages,
        slugify,
        keep_dates,
        base_path,
        ignored,
        root,
        templates,
        page_templates: Mutex::default(),
    }
}

/// `slug::slugify` (the `slug` crate Zola uses): non-ASCII transliterated, then only
/// `a-z0-9` kept (uppercase lowered), every other run one `-`, none at the ends.
pub fn slugify_on(text: &str) -> String {
    let mut ascii = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            ascii.push(c);
        } else {
            ascii.push_str(deunicode::deunicode_char(c).unwrap_or("-"));
        }
    }
    let mut out = String::with_capacity(ascii.len());
    let mut separator = false;
    for b in ascii.bytes() {
        match b {
            b'a'..=b'z' | b'0'..=b'9' => {
                if separator && !out.is_empty() {
                    out.push('-');
                }
                separator = false;
                out.push(b as char);
            }
            b'A'..=b'Z' => {
                if separator && !out.is_empty() {
                    out.push('-');
                }
                separator = false;
                out.push(b.to_ascii_lowercase() as char);
            }
            _ => separator = true,
        }
    }
    out
}

impl Zola {
    fn slugify(&self, text: &str) -> String {
        match self.slugify {
            Slugify::On => slugify_on(text),
            Slugify::Safe => text
                .trim_end_matches([' ', '.'])
                .chars()
                .filter(|c| !"<>:\"/\\|?*".contains(*c))
                .collect(),
            Slugify::Off => text.to_owned(),
        }
    }

    /// A file name's stem and language (`post.fr.md`): only on a multilingual site, and
    /// only an other language is cut off.
    fn split_language<'a>(&self, stem: &'a str) -> (&'a str, Option<&'a str>) {
        if self.other_languages.is_empty() {
            return (stem, None);
        }
        match stem.split_once('.') {
            Some((name, lang)) if self.other_languages.iter().any(|l| l == lang) => {
                (name, Some(lang))
            }
            _ => (stem, None),
        }
    }

    fn url(&self, path: &str) -> Url {
        let path = path.trim_matches('/');
        Url::Known(if path.is_empty() {
            self.base_path.clone()
        } else {
            format!("{}{}/", self.base_path, path)
        })
    }
}

/// Zola's date prefix (`RFC3339_DATE`): `2020-01-01-name`, `2020-01-01_name`; the rest.
fn without_date_prefix(stem: &str) -> Option<&str> {
    let bytes = stem.as_bytes();
    if bytes.len() < 11 || crate::date::parse(stem.get(..10)?).is_err() {
        return None;
    }
    let rest = stem[10..].trim_start_matches(' ');
    let rest = rest.strip_prefix(['-', '_'])?;
    (!rest.is_empty()).then_some(rest)
}

fn unpublished(why: impl Into<String>) -> Option<Page> {
    Some(Page::not_published(Kind::Unpublished, why))
}

impl Model for Zola {
    fn by_path(&self, relative: &str) -> Option<Page> {
        let Some(inside) = relative.strip_prefix("content/") else {
            if let Some(document) = generic::repository_document(Path::new(relative)) {
                return Some(document);
            }
            return unpublished("outside `content/`, the folder Zola publishes");
        };
        if let Some(ignored) = &self.ignored
            && ignored.is_match(self.root.join(relative))
        {
            return unpublished("matched by `ignored_content` in `config.toml`");
        }
        let name = inside.rsplit('/').next().unwrap_or(inside);
        if !name.ends_with(".md") {
            return unpublished("Zola reads only `.md` files as content");
        }
        if name.starts_with('.') {
            return unpublished("hidden: its name starts with `.`");
        }
        if let Some(rest) = name.strip_prefix("_index.") {
            let lang = rest.strip_suffix(".md").unwrap_or_default();
            if !lang.is_empty() && !self.other_languages.iter().any(|l| l == lang) {
                return unpublished(format!(
                    "`_index.{lang}.md`: `{lang}` is not one of the site's other languages, so Zola ignores it"
                ));
            }
        } else if name.starts_with('_') && name.starts_with("_index") {
            return unpublished("Zola ignores `_index` files it cannot place");
        }
        None
    }

    fn page(&self, file: &File<'_>, profile: &Profile) -> Page {
        let mut page = self.page_of(file, profile);
        if page.kind.is_published() {
            let relative = file.relative.unwrap_or_default();
            let template = self.template_of(file.post, relative, page.kind);
            page.title_template = self.templates.title(&template);
        }
        page
    }

    fn syntax(&self) -> Syntax {
        Syntax::LeadingBlankLines
    }

    fn link_file(&self, target: &str) -> Option<String> {
        internal_link_file(target)
    }
}

impl Zola {
    /// The template Zola renders a page or section with: its own `template`, else the
    /// `page_template` of the nearest section above that sets one, else `page.html` or
    /// `section.html` (`components/site/src/tpls.rs`, `Page::template`).
    fn template_of(&self, post: &Post, relative: &str, kind: Kind) -> String {
        if let Some(own) = post.value("template").and_then(Value::as_text) {
            return own.to_owned();
        }
        if kind == Kind::Section {
            return "section.html".into();
        }
        let mut folder = relative;
        while let Some((parent, _)) = folder.rsplit_once('/') {
            folder = parent;
            if let Some(template) = self.page_template(folder) {
                return template;
            }
        }
        "page.html".into()
    }

    fn page_template(&self, folder: &str) -> Option<String> {
        if let Some(known) = self.page_templates.lock().ok()?.get(folder) {
            return known.clone();
        }
        let index = self.root.join(folder).join("_index.md");
        let template = super::read_head(&index).and_then(|head| {
            let (front_matter, _) = front_matter::parse_with(&head, Syntax::LeadingBlankLines);
            let value = front_matter?.get("page_template")?.value.clone()?;
            value.as_text().map(str::to_owned)
        });
        if let Ok(mut known) = self.page_templates.lock() {
            known.insert(folder.to_owned(), template.clone());
        }
        template
    }

    fn page_of(&self, file: &File<'_>, _: &Profile) -> Page {
        let post = file.post;
        let relative = file.relative.unwrap_or_default();
        let inside = relative.strip_prefix("content/").unwrap_or(relative);
        let (folders, name) = match inside.rsplit_once('/') {
            Some((folders, name)) => (folders, name),
            None => ("", inside),
        };
        let stem = name.strip_suffix(".md").unwrap_or(name);
        let (stem, lang) = self.split_language(stem);
        let lang_prefix = lang.map_or_else(String::new, |lang| format!("{lang}/"));
        let value = |key: &str| post.value(key);
        let draft = value("draft").and_then(Value::as_bool).unwrap_or(false);
        let mut page = Page::new(Kind::Page, Url::Unknown(String::new()));
        page.draft = draft;
        if !self.other_languages.is_empty() {
            page.lang = Some(lang.unwrap_or(&self.default_language).to_owned());
        }
        if stem == "_index" {
            page.kind = Kind::Section;
            if value("render").and_then(Value::as_bool) == Some(false) {
                return Page::not_published(
                    Kind::Unpublished,
                    "`render = false`: Zola does not write this section's page",
                );
            }
            page.url = Some(self.url(&format!("{lang_prefix}{folders}")));
            return page;
        }
        if value("render").and_then(Value::as_bool) == Some(false) {
            return Page::not_published(
                Kind::Unpublished,
                "`render = false`: Zola does not write this page",
            );
        }
        // A bundle's folder name is its stem, and its parent folder its section.
        let (stem, folders, bundle) = if stem == "index" && !folders.is_empty() {
            let (parent, folder) = folders.rsplit_once('/').unwrap_or(("", folders));
            (folder, parent, true)
        } else {
            (stem, folders, false)
        };
        if let Some(path) = value("path")
            && let Some(text) = path.as_text().filter(|t| !t.trim().is_empty())
        {
            page.set_by(post, path, "slug");
            page.url = Some(self.url(text.trim()));
            return page;
        }
        let source = match value("slug").and_then(|v| Some((v, v.as_text()?))) {
            Some((value, text)) => {
                page.url_set_at = Some(value.range.clone());
                page.slug = slug::from_value(post, value, "slug").map(|mut judged| {
                    let slugified = self.slugify(text);
                    if slugified != judged.text {
                        judged.exact = false;
                        judged.text = slugified;
                    }
                    judged
                });
                text.to_owned()
            }
            None => {
                let dated = if self.keep_dates {
                    None
                } else {
                    without_date_prefix(stem)
                };
                let source = dated.unwrap_or(stem).to_owned();
                page.slug = slug::from_path(post, "slug").map(|mut derived| {
                    derived.text = self.slugify(&source);
                    derived.origin = if bundle {
                        slug::Origin::Folder
                    } else {
                        slug::Origin::File
                    };
                    derived
                });
                source
            }
        };
        let slug = self.slugify(&source);
        let path = if folders.is_empty() {
            format!("{lang_prefix}{slug}")
        } else {
            format!("{lang_prefix}{folders}/{slug}")
        };
        page.url = Some(self.url(&path));
        page
    }
}

/// The file an `@/` link names, from the site's root: `@/blog/post.md#x` is
/// `content/blog/post.md`.
pub fn internal_link_file(target: &str) -> Option<String> {
    let rest = target.strip_prefix("@/")?;
    let file = rest.split('#').next().unwrap_or(rest);
    Some(format!("content/{}", crate::site::clean_target(file)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::TestSite;

    #[test]
    fn pages_sections_bundles_and_languages() {
        let site = TestSite::new(
            &[
                (
                    "config.toml",
                    "base_url = \"https://www.getzola.org/\"\nignored_content = [\"*drafts*\"]\n[languages.fr]\n",
                ),
                (
                    "content/documentation/_index.md",
                    "+++\ntitle = \"Docs\"\n+++\n",
                ),
                (
                    "content/documentation/getting-started/configuration.md",
                    "+++\n+++\n",
                ),
                (
                    "content/themes/zola.386/index.md",
                    "\n+++\ntitle = \"x\"\n+++\n",
                ),
                ("content/themes/papermod_2/index.md", "+++\n+++\n"),
                ("content/blog/2020-01-01_first_post.md", "+++\n+++\n"),
                ("content/blog/post.md", "+++\nslug = \"Mon Été\"\n+++\n"),
                ("content/blog/moved.md", "+++\npath = \"x/y\"\n+++\n"),
                ("content/blog/post.fr.md", "+++\n+++\n"),
                ("content/blog/_index.fr.md", "+++\n+++\n"),
                ("content/blog/_index.de.md", "+++\n+++\n"),
                ("README.md", "# x"),
                ("content/drafts/idea.md", "+++\n+++\n"),
            ],
            load,
        );
        assert_eq!(site.url("content/drafts/idea.md"), None);
        assert_eq!(
            site.known("content/documentation/_index.md"),
            "/documentation/"
        );
        assert_eq!(
            site.known("content/documentation/getting-started/configuration.md"),
            "/documentation/getting-started/configuration/"
        );
        assert_eq!(
            site.known("content/themes/zola.386/index.md"),
            "/themes/zola-386/"
        );
        assert_eq!(
            site.known("content/themes/papermod_2/index.md"),
            "/themes/papermod-2/"
        );
        assert_eq!(
            site.known("content/blog/2020-01-01_first_post.md"),
            "/blog/first-post/"
        );
        assert_eq!(site.known("content/blog/post.md"), "/blog/mon-ete/");
        assert_eq!(site.known("content/blog/moved.md"), "/x/y/");
        assert_eq!(site.known("content/blog/post.fr.md"), "/fr/blog/post/");
        assert_eq!(site.known("content/blog/_index.fr.md"), "/fr/blog/");
        assert_eq!(site.url("content/blog/_index.de.md"), None);
        assert_eq!(site.kind_by_path("README.md"), Some(Kind::Document));
    }

    #[test]
    fn slugify_as_the_slug_crate() {
        assert_eq!(slugify_on("Hello World"), "hello-world");
        assert_eq!(slugify_on("v0.21.0"), "v0-21-0");
        assert_eq!(slugify_on("  --x--  "), "x");
        assert_eq!(slugify_on("über_straße"), "uber-strasse");
        assert_eq!(slugify_on("日本"), "ri-ben");
    }

    #[test]
    fn internal_links_name_content_files() {
        assert_eq!(
            internal_link_file("@/documentation/content/overview.md#asset-colocation").as_deref(),
            Some("content/documentation/content/overview.md")
        );
        assert_eq!(internal_link_file("/docs/"), None);
    }
}
