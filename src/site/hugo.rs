//! Hugo: its configuration (a root file and `config/_default/`), content folders and
//! mounts, leaf and branch bundles, `cascade`, `build` and `headless`, and URLs from
//! `permalinks`, `slug`, `url`, language prefixes and ugly URLs.
//!
//! Sources: gohugoio/hugo `config/allconfig/load.go`, `common/paths/pathparser.go`,
//! `common/paths/path.go` (`Sanitize`), `resources/page/permalinks.go`,
//! `resources/page/page_paths.go`, `hugolib/page__meta.go`, checked against Hugo 0.168's
//! `hugo list all`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use globset::{GlobBuilder, GlobMatcher};

use super::config_file::{Loader, merge};
use super::heading_ids::IdScheme;
use super::{File, Kind, Model, Page, Url, generic, paths, slug};
use crate::date;
use crate::post::front_matter::{self, Syntax};
use crate::post::{Post, Value, ValueKind};
use crate::profile::Profile;

/// The extensions Hugo reads as content, compared on the lowercased path.
const CONTENT_EXTENSIONS: &[&str] = &[
    "md", "mdown", "markdown", "html", "htm", "adoc", "asciidoc", "ad", "pandoc", "pdc", "rst",
    "org",
];

#[derive(Debug)]
pub struct Hugo {
    /// Content folders from the root (`content`), each with the language it holds, if one.
    content: Vec<(String, Option<String>)>,
    /// The site's languages (lowercased), the default first; one for a monolingual site.
    languages: Vec<String>,
    default_language: String,
    in_subdir: bool,
    /// baseURL's path, with a trailing slash.
    base_path: String,
    permalinks: Vec<Permalink>,
    ugly: Ugly,
    path_to_lower: bool,
    remove_accents: bool,
    disabled_kinds: Vec<String>,
    /// `cascade` of the configuration, applied after every front matter's.
    cascade: Vec<Cascade>,
    /// Front matter cascades of `_index` files, by their folder, read once.
    section_cascades: FolderMemo<Arc<SectionFacts>>,
    /// Folders that hold an `index` content file (leaf bundles), asked once each.
    bundle_dirs: FolderMemo<bool>,
    /// `ignoreFiles`: regular expressions matched against a file's absolute path.
    ignore_files: Vec<regex::Regex>,
    root: PathBuf,
}

#[derive(Debug)]
enum Ugly {
    All(bool),
    Sections(Vec<(String, bool)>),
}

/// A `permalinks` rule: the kind and page paths it applies to, and its pattern.
#[derive(Debug)]
struct Permalink {
    kind: String,
    path: GlobMatcher,
    pattern: String,
}

/// One `cascade` entry: whom it targets and the values it gives them.
#[derive(Debug, Clone)]
struct Cascade {
    path: Option<GlobMatcher>,
    kind: Option<GlobMatcher>,
    environment: Option<GlobMatcher>,
    values: Value,
}

/// What a section's `_index` file gives its descendants.
#[derive(Debug, Default)]
struct SectionFacts {
    cascade: Vec<Cascade>,
    /// A `slug` renames the section's folder in its descendants' URLs (Hugo 0.167+).
    slug: Option<String>,
}

/// Facts about a folder, computed once per folder and shared by the threads that ask.
#[derive(Debug, Default)]
struct FolderMemo<T>(Mutex<HashMap<PathBuf, T>>);

impl<T: Clone> FolderMemo<T> {
    /// The lock is not held while `compute` runs: a computation may ask about other folders,
    /// and two threads computing the same folder at once get equal answers.
    fn get_or_insert_with(&self, dir: &Path, compute: impl FnOnce() -> T) -> T {
        if let Some(known) = self.0.lock().ok().and_then(|map| map.get(dir).cloned()) {
            return known;
        }
        let value = compute();
        if let Ok(mut map) = self.0.lock() {
            map.insert(dir.to_owned(), value.clone());
        }
        value
    }
}

fn glob(pattern: &str) -> Option<GlobMatcher> {
    GlobBuilder::new(pattern)
        .literal_separator(true)
        .case_insensitive(true)
        .build()
        .ok()
        .map(|glob| glob.compile_matcher())
}

pub fn load(loader: &mut Loader) -> Hugo {
    let mut config = Value {
        kind: ValueKind::Map(Vec::new()),
        range: 0..0,
    };
    let root_file = ["hugo", "config"].iter().find_map(|name| {
        ["toml", "yaml", "yml", "json"]
            .iter()
            .find_map(|extension| loader.read(&format!("{name}.{extension}")))
    });
    if let Some(root_file) = root_file {
        merge(&mut config, root_file.root, true);
    }
    for environment in ["_default", "production"] {
        for relative in config_dir_files(loader.root, environment) {
            let Some(file) = loader.read(&relative) else {
                continue;
            };
            let name = Path::new(&relative)
                .file_stem()
                .and_then(|stem| stem.to_str())
                .unwrap_or_default()
                .to_lowercase();
            merge(&mut config, placed(&name, file.root), true);
        }
    }
    if loader.facts().config_files.is_empty() {
        loader.assume("no readable Hugo configuration: Hugo's defaults");
    }
    let get = |keys: &[&str]| -> Option<&Value> {
        keys.iter()
            .try_fold(&config, |value, key| value.get_ignore_case(key))
    };
    let text = |keys: &[&str]| get(keys).and_then(Value::as_text).map(str::to_owned);
    let flag = |keys: &[&str]| get(keys).and_then(Value::as_bool).unwrap_or(false);
    let config_file = loader
        .facts()
        .config_files
        .first()
        .cloned()
        .unwrap_or_else(|| loader.root.join("hugo.toml"));

    let default_language = text(&["defaultContentLanguage"])
        .unwrap_or_else(|| "en".into())
        .to_lowercase();
    let mut languages = vec![default_language.clone()];
    let mut content = Vec::new();
    if let Some(configured) = get(&["languages"]) {
        for (code, settings) in configured.entries() {
            let Some(code) = code.as_text().map(str::to_lowercase) else {
                continue;
            };
            if settings
                .get_ignore_case("disabled")
                .and_then(Value::as_bool)
                == Some(true)
            {
                continue;
            }
            if !languages.contains(&code) {
                languages.push(code.clone());
            }
            if let Some(dir) = settings
                .get_ignore_case("contentDir")
                .and_then(Value::as_text)
                && loader.folder(&config_file, "contentDir", dir).is_some()
            {
                content.push((dir.trim_matches('/').to_owned(), Some(code)));
            }
        }
    }
    // Mounts with a content target replace the default content folder.
    let mut static_dirs = Vec::new();
    let mut mounted_content = false;
    if let Some(mounts) = get(&["module", "mounts"]) {
        for mount in mounts.items() {
            let source = mount.get_ignore_case("source").and_then(Value::as_text);
            let target = mount.get_ignore_case("target").and_then(Value::as_text);
            let (Some(source), Some(target)) = (source, target) else {
                continue;
            };
            if loader
                .folder(&config_file, "module.mounts", source)
                .is_none()
            {
                continue;
            }
            let lang = mount
                .get_ignore_case("lang")
                .and_then(Value::as_text)
                .map(str::to_lowercase);
            let source = source.trim_matches('/').to_owned();
            if target == "content" || target.starts_with("content/") {
                mounted_content = true;
                content.push((source, lang));
            } else if target == "static" {
                static_dirs.push(source);
            }
        }
    }
    if !mounted_content {
        let dir = match text(&["contentDir"]) {
            Some(dir) if loader.folder(&config_file, "contentDir", &dir).is_some() => dir,
            _ => {
                loader.assume("`contentDir`: `content` (Hugo's default)");
                "content".into()
            }
        };
        content.push((dir.trim_matches('/').to_owned(), None));
    }
    if static_dirs.is_empty() {
        let configured: Vec<String> = get(&["staticDir"]).map(Value::texts).unwrap_or_default();
        static_dirs = if configured.is_empty() {
            vec!["static".into()]
        } else {
            configured
                .into_iter()
                .filter(|dir| loader.folder(&config_file, "staticDir", dir).is_some())
                .collect()
        };
    }
    let mut layout_dirs = vec!["layouts".to_owned()];
    for theme in get(&["theme"]).map(Value::items).unwrap_or_default() {
        if let Some(theme) = theme.as_text() {
            static_dirs.push(format!("themes/{theme}/static"));
            layout_dirs.push(format!("themes/{theme}/layouts"));
        }
    }
    let base_path = match text(&["baseURL"]) {
        Some(url) => {
            let after_scheme = url.split_once("://").map_or(url.as_str(), |(_, rest)| rest);
            let path = after_scheme.find('/').map_or("/", |at| &after_scheme[at..]);
            format!("{}/", path.trim_end_matches('/'))
        }
        None => "/".into(),
    };
    let permalinks = get(&["permalinks"])
        .map(read_permalinks)
        .unwrap_or_default();
    let ugly = match get(&["uglyURLs"]) {
        Some(value) if matches!(value.kind, ValueKind::Map(_)) => Ugly::Sections(
            value
                .entries()
                .filter_map(|(key, on)| Some((key.as_text()?.to_lowercase(), on.as_bool()?)))
                .collect(),
        ),
        Some(value) => Ugly::All(value.as_bool().unwrap_or(false)),
        None => Ugly::All(false),
    };
    let disabled_kinds: Vec<String> = get(&["disableKinds"])
        .map(Value::texts)
        .unwrap_or_default()
        .iter()
        .map(|kind| kind.to_lowercase())
        .collect();
    let cascade = get(&["cascade"]).map(read_cascade).unwrap_or_default();
    let path_to_lower = !flag(&["disablePathToLower"]);
    let remove_accents = flag(&["removePathAccents"]);
    let in_subdir = flag(&["defaultContentLanguageInSubdir"]);
    let ignore_files = get(&["ignoreFiles"])
        .map(|value| {
            value
                .items()
                .iter()
                .filter_map(Value::as_text)
                .filter_map(|pattern| {
                    regex::RegexBuilder::new(pattern)
                        .size_limit(1 << 20)
                        .build()
                        .ok()
                })
                .collect()
        })
        .unwrap_or_default();

    let parser = ["markup", "goldmark", "parser"];
    let heading_ids = if get(&[&parser[..], &["autoHeadingID"]].concat()).and_then(Value::as_bool)
        == Some(false)
    {
        Some(None)
    } else {
        match text(&[&parser[..], &["autoHeadingIDType"]].concat())
            .map(|kind| kind.to_ascii_lowercase())
            .as_deref()
        {
            Some("github-ascii") => Some(Some(IdScheme::HugoGithubAscii)),
            Some("blackfriday") => Some(Some(IdScheme::HugoBlackfriday)),
            _ => Some(Some(IdScheme::HugoGithub)),
        }
    };
    // A negative length makes no summary, as 0 does (`ExtractSummaryFromHTML`).
    let summary_length = text(&["summaryLength"])
        .and_then(|length| length.trim().parse::<i64>().ok())
        .map(|length| usize::try_from(length).unwrap_or(0));

    let root = loader.root.to_owned();
    let markdown_shortcodes = markdown_shortcodes(&root, &layout_dirs);
    let facts = loader.facts();
    facts.excerpt.summary_length = summary_length;
    facts.base_path = base_path.clone();
    facts.markdown_shortcodes = markdown_shortcodes;
    facts.heading_ids = heading_ids;
    facts.content_roots = content.iter().map(|(dir, _)| root.join(dir)).collect();
    facts.static_roots = static_dirs.iter().map(|dir| root.join(dir)).collect();
    facts.asset_roots = vec![root.join("assets")];
    if languages.len() > 1 {
        facts.languages = languages.clone();
    }
    Hugo {
        content,
        languages,
        default_language,
        in_subdir,
        base_path,
        permalinks,
        ugly,
        path_to_lower,
        remove_accents,
        disabled_kinds,
        cascade,
        section_cascades: FolderMemo::default(),
        bundle_dirs: FolderMemo::default(),
        ignore_files,
        root,
    }
}

/// The configuration files under `config/<environment>/`, in the order Hugo merges them.
fn config_dir_files(root: &Path, environment: &str) -> Vec<String> {
    let dir = root.join("config").join(environment);
    let mut files = Vec::new();
    let mut stack = vec![dir.clone()];
    while let Some(folder) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten().take(256) {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if super::config_file::format_of(&path.to_string_lossy()).is_some()
                && let Ok(relative) = path.strip_prefix(root)
                && let Some(relative) = super::paths::slashed(relative)
            {
                files.push(relative);
            }
        }
    }
    files.sort();
    files
}

/// A file of `config/_default/` placed where Hugo puts it: `hugo.yaml` at the top,
/// `params.yaml` under `params`, `menus.en.yaml` under `languages.en.menus`, others under
/// their name; a file whose only key is its own name is unwrapped.
fn placed(name: &str, file: Value) -> Value {
    let wrap = |key: &str, value: Value| Value {
        kind: ValueKind::Map(vec![(
            Value {
                kind: ValueKind::String(key.to_owned()),
                range: 0..0,
            },
            value,
        )]),
        range: 0..0,
    };
    let (base, language) = match name.split_once('.') {
        Some((base, language)) => (base, Some(language)),
        None => (name, None),
    };
    let file = match &file.kind {
        ValueKind::Map(pairs)
            if pairs.len() == 1
                && pairs[0]
                    .0
                    .as_text()
                    .is_some_and(|k| k.eq_ignore_ascii_case(base)) =>
        {
            pairs[0].1.clone()
        }
        _ => file,
    };
    let base = if base == "menu" { "menus" } else { base };
    match (base, language) {
        ("hugo" | "config", None) => file,
        (_, None) => wrap(base, file),
        ("params" | "menus", Some(language)) => wrap("languages", wrap(language, wrap(base, file))),
        (_, Some(language)) => wrap("languages", wrap(language, file)),
    }
}

/// `permalinks` in its three forms: by section (pages and terms), by kind, or a list.
fn read_permalinks(value: &Value) -> Vec<Permalink> {
    let mut rules = Vec::new();
    let section_glob = |key: &str| {
        let key = key.trim_matches(|c| c == ' ' || c == '/');
        if key.is_empty() {
            glob("/*")
        } else {
            glob(&format!("/{{{key},{key}/**}}"))
        }
    };
    if let ValueKind::List(items) = &value.kind {
        for item in items {
            let Some(pattern) = item.get_ignore_case("pattern").and_then(Value::as_text) else {
                continue;
            };
            let target = item.get_ignore_case("target");
            let kind = target
                .and_then(|t| t.get_ignore_case("kind"))
                .and_then(Value::as_text)
                .unwrap_or("page");
            let path = target
                .and_then(|t| t.get_ignore_case("path"))
                .and_then(Value::as_text)
                .unwrap_or("**");
            if let Some(path) = glob(path) {
                rules.push(Permalink {
                    kind: kind.to_lowercase(),
                    path,
                    pattern: pattern.to_owned(),
                });
            }
        }
        return rules;
    }
    for (key, inner) in value.entries() {
        let Some(key) = key.as_text() else {
            continue;
        };
        let kind = key.to_lowercase();
        if matches!(
            kind.as_str(),
            "page" | "section" | "taxonomy" | "term" | "home"
        ) && matches!(inner.kind, ValueKind::Map(_))
        {
            for (section, pattern) in inner.entries() {
                if let (Some(section), Some(pattern)) = (section.as_text(), pattern.as_text())
                    && let Some(path) = section_glob(section)
                {
                    rules.push(Permalink {
                        kind: kind.clone(),
                        path,
                        pattern: pattern.to_owned(),
                    });
                }
            }
        } else if let Some(pattern) = inner.as_text() {
            for kind in ["page", "term"] {
                if let Some(path) = section_glob(key) {
                    rules.push(Permalink {
                        kind: kind.into(),
                        path,
                        pattern: pattern.to_owned(),
                    });
                }
            }
        }
    }
    rules
}

/// `cascade`: one entry or a list of them.
fn read_cascade(value: &Value) -> Vec<Cascade> {
    let entries: Vec<&Value> = match &value.kind {
        ValueKind::List(items) => items.iter().collect(),
        ValueKind::Map(_) => vec![value],
        _ => Vec::new(),
    };
    entries
        .into_iter()
        .map(|entry| {
            let target = entry
                .get_ignore_case("target")
                .or_else(|| entry.get_ignore_case("_target"));
            let matcher = |key: &str| {
                target
                    .and_then(|t| t.get_ignore_case(key))
                    .and_then(Value::as_text)
                    .filter(|text| !text.is_empty())
                    .and_then(glob)
            };
            Cascade {
                path: matcher("path"),
                kind: matcher("kind"),
                environment: matcher("environment"),
                values: entry.clone(),
            }
        })
        .collect()
}

/// A front matter value under `key`, whatever its case (Hugo lowercases keys).
fn front_matter_value<'a>(post: &'a Post, key: &str) -> Option<&'a Value> {
    post.front_matter
        .as_ref()?
        .entries
        .iter()
        .find(|entry| entry.key.eq_ignore_ascii_case(key))?
        .value
        .as_ref()
}

/// Hugo's `Sanitize` then lowercasing (`MakePathSanitized`): letters, digits, marks and
/// `. / \ _ # + ~ - @` kept, a run of whitespace one `-`, anything else dropped.
fn sanitize(text: &str, lower: bool, remove_accents: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending = false;
    for c in text.chars() {
        if c.is_whitespace() {
            pending = true;
            continue;
        }
        let kept = c.is_alphanumeric()
            || unicode_mark(c)
            || matches!(
                c,
                '.' | '/' | '\\' | '_' | '#' | '+' | '~' | '-' | '@' | '%'
            );
        if !kept {
            continue;
        }
        if pending && !out.is_empty() && !out.ends_with('-') && c != '-' {
            out.push('-');
        }
        pending = false;
        out.push(c);
    }
    if remove_accents {
        out = out
            .chars()
            .map(|c| {
                if ('\u{c0}'..='\u{24f}').contains(&c) && c != 'ß' {
                    deunicode::deunicode_char(c)
                        .and_then(|s| s.chars().next())
                        .unwrap_or(c)
                } else {
                    c
                }
            })
            .collect();
    }
    if lower { out.to_lowercase() } else { out }
}

/// Combining marks (Unicode `Mn`, `Mc`, `Me`), kept by Hugo's sanitizing.
fn unicode_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20ff}' | '\u{fe20}'..='\u{fe2f}')
        || ('\u{900}'..='\u{dff}').contains(&c) && !c.is_alphanumeric()
}

impl Hugo {
    /// The content folder `relative` is in, the path under it, and the folder's language.
    fn in_content<'a>(&self, relative: &'a str) -> Option<(&str, &'a str, Option<&str>)> {
        self.content
            .iter()
            .filter_map(|(dir, lang)| {
                let rest = relative.strip_prefix(dir.as_str())?.strip_prefix('/')?;
                Some((dir.as_str(), rest, lang.as_deref()))
            })
            .max_by_key(|(dir, _, _)| dir.len())
    }

    fn is_bundle_dir(&self, dir: &Path) -> bool {
        self.bundle_dirs.get_or_insert_with(dir, || {
            std::fs::read_dir(dir).is_ok_and(|entries| {
                entries.flatten().any(|entry| {
                    let name = entry.file_name();
                    let name = name.to_string_lossy().to_lowercase();
                    let stem = name.split('.').next().unwrap_or_default();
                    stem == "index"
                        && CONTENT_EXTENSIONS.contains(&name.rsplit('.').next().unwrap_or_default())
                })
            })
        })
    }

    /// The name, language and kind of file a content file's name says: `name[.lang].ext`,
    /// the language only when it is one of the site's.
    fn parse_name<'a>(&self, file_name: &'a str) -> (&'a str, Option<String>) {
        let stem = file_name
            .rsplit_once('.')
            .map_or(file_name, |(stem, _)| stem);
        if let Some((name, lang)) = stem.rsplit_once('.')
            && self
                .languages
                .iter()
                .any(|code| code.eq_ignore_ascii_case(lang))
        {
            return (name, Some(lang.to_lowercase()));
        }
        (stem, None)
    }

    fn section_facts(&self, dir: &Path) -> Arc<SectionFacts> {
        self.section_cascades
            .get_or_insert_with(dir, || Arc::new(Self::read_section_facts(dir)))
    }

    /// What a folder's `_index` file says for the pages below it: its cascade and slug.
    fn read_section_facts(dir: &Path) -> SectionFacts {
        let mut facts = SectionFacts::default();
        let index = std::fs::read_dir(dir).ok().and_then(|entries| {
            entries.flatten().map(|entry| entry.path()).find(|path| {
                path.file_stem().is_some_and(|stem| stem == "_index")
                    && path
                        .extension()
                        .is_some_and(|ext| ext == "md" || ext == "markdown")
            })
        });
        if let Some(index) = index
            && let Ok(source) = crate::engine::read(&index)
        {
            let (block, _) = front_matter::parse_with(&source, Syntax::LeadingBlankLines);
            if let Some(block) = block {
                for entry in &block.entries {
                    let Some(value) = &entry.value else { continue };
                    if entry.key.eq_ignore_ascii_case("cascade") {
                        facts.cascade = read_cascade(value);
                    } else if entry.key.eq_ignore_ascii_case("slug") {
                        facts.slug = value.as_text().map(str::to_owned);
                    }
                }
            }
        }
        facts
    }

    /// A value for a page: its own front matter, else the nearest cascade that targets it.
    fn effective(
        &self,
        post: &Post,
        key: &str,
        cascades: &[Arc<SectionFacts>],
        logical: &str,
        kind: &str,
    ) -> Option<Value> {
        if let Some(value) = front_matter_value(post, key) {
            return Some(value.clone());
        }
        self.applying(cascades, logical, kind)
            .find_map(|cascade| cascade.values.get_ignore_case(key).cloned())
    }

    /// The cascades that target a page, the nearest first, the configuration's last.
    fn applying<'a>(
        &'a self,
        cascades: &'a [Arc<SectionFacts>],
        logical: &'a str,
        kind: &'a str,
    ) -> impl Iterator<Item = &'a Cascade> {
        cascades
            .iter()
            .flat_map(|facts| facts.cascade.iter())
            .chain(self.cascade.iter())
            .filter(move |cascade| {
                cascade
                    .path
                    .as_ref()
                    .is_none_or(|glob| glob.is_match(logical))
                    && cascade.kind.as_ref().is_none_or(|glob| glob.is_match(kind))
                    && cascade
                        .environment
                        .as_ref()
                        .is_none_or(|glob| glob.is_match("production"))
            })
    }

    fn is_ugly(&self, section: &str) -> bool {
        match &self.ugly {
            Ugly::All(ugly) => *ugly,
            Ugly::Sections(sections) => sections
                .iter()
                .any(|(name, ugly)| *ugly && name.eq_ignore_ascii_case(section)),
        }
    }

    fn language_prefix(&self, lang: &str) -> Option<&str> {
        let multilingual = self.languages.len() > 1;
        if self.in_subdir && lang == self.default_language {
            return Some(&self.default_language);
        }
        if !multilingual || lang == self.default_language {
            return None;
        }
        self.languages
            .iter()
            .find(|code| *code == lang)
            .map(String::as_str)
    }

    fn segment(&self, text: &str) -> String {
        sanitize(text, self.path_to_lower, self.remove_accents)
    }
}

impl Model for Hugo {
    fn by_path(&self, relative: &str) -> Option<Page> {
        let Some((dir, rest, _)) = self.in_content(relative) else {
            if let Some(document) = generic::repository_document(Path::new(relative)) {
                return Some(document);
            }
            if relative.starts_with("archetypes/") || relative.contains("/archetypes/") {
                return unpublished("an archetype: `hugo new` copies it into new content");
            }
            let folders: Vec<&str> = self.content.iter().map(|(dir, _)| dir.as_str()).collect();
            return unpublished(format!(
                "outside the content folder (`{}`)",
                folders.join("`, `")
            ));
        };
        let parts: Vec<&str> = rest.split('/').collect();
        if parts
            .iter()
            .any(|part| part.starts_with(['.', '#']) || part.ends_with('~'))
        {
            return unpublished("ignored: a part of its path starts with `.` or `#`");
        }
        let absolute = self.root.join(relative);
        let absolute = absolute.to_string_lossy();
        if self
            .ignore_files
            .iter()
            .any(|regex| regex.is_match(&absolute))
        {
            return unpublished("matched by `ignoreFiles` in the configuration");
        }
        let file_name = parts.last().copied().unwrap_or_default();
        let (name, _) = self.parse_name(file_name);
        let name = name.to_lowercase();
        // A folder with an `index` file is a leaf bundle: everything else in it, and in the
        // folders below, is a resource, not a page.
        let content_dir = self.root.join(dir);
        let mut folder = content_dir.clone();
        let folders = &parts[..parts.len() - 1];
        for (depth, part) in folders.iter().enumerate() {
            folder.push(part);
            let own_folder = depth + 1 == folders.len();
            if own_folder && name == "index" {
                break;
            }
            if self.is_bundle_dir(&folder) {
                return unpublished(format!(
                    "a resource of the leaf bundle `{}/{}/index.*`, not a page",
                    dir,
                    folders[..=depth].join("/")
                ));
            }
        }
        // `x.md` beside `x/index.md`: the bundle is the page.
        if name != "index" && name != "_index" {
            let stem = file_name.split('.').next().unwrap_or(file_name);
            if self.is_bundle_dir(&folder.join(stem)) {
                return unpublished(format!(
                    "Hugo publishes the bundle `{stem}/index.*` at this path instead"
                ));
            }
        }
        None
    }

    fn page(&self, file: &File<'_>, _: &Profile) -> Page {
        let post = file.post;
        let relative = file.relative.unwrap_or_default();
        let Some((dir, rest, mount_lang)) = self.in_content(relative) else {
            return Page::not_published(Kind::Unpublished, "outside the content folder");
        };
        let parts: Vec<&str> = rest.split('/').collect();
        let file_name = parts.last().copied().unwrap_or_default();
        let (name, file_lang) = self.parse_name(file_name);
        let lang = file_lang
            .or_else(|| mount_lang.map(str::to_owned))
            .unwrap_or_else(|| self.default_language.clone());
        let folders = &parts[..parts.len() - 1];
        let lower_name = name.to_lowercase();
        let (kind, kind_name, path_parts): (Kind, &str, Vec<&str>) = match lower_name.as_str() {
            "_index" if folders.is_empty() => (Kind::Section, "home", Vec::new()),
            "_index" => (Kind::Section, "section", folders.to_vec()),
            "index" => (Kind::Page, "page", folders.to_vec()),
            _ => {
                let mut path = folders.to_vec();
                path.push(name);
                (Kind::Page, "page", path)
            }
        };
        if self.disabled_kinds.iter().any(|k| k == kind_name) {
            return Page::not_published(
                Kind::Unpublished,
                format!("`disableKinds` turns off pages of kind `{kind_name}`"),
            );
        }
        // The logical path cascades and permalinks match: lowercase, no extension.
        let logical = format!(
            "/{}",
            path_parts
                .iter()
                .map(|part| part.to_lowercase().replace(' ', "-"))
                .collect::<Vec<_>>()
                .join("/")
        );
        // Sections above the file, nearest first (an `_index` file's own cascade applies to
        // itself too).
        let content_dir = self.root.join(dir);
        let mut cascades = Vec::new();
        let mut section_slugs = Vec::new();
        let mut folder = content_dir.clone();
        let mut ancestors = vec![folder.clone()];
        for part in folders {
            folder.push(part);
            ancestors.push(folder.clone());
        }
        for (depth, ancestor) in ancestors.iter().enumerate().rev() {
            let facts = self.section_facts(ancestor);
            if depth > 0 && !(kind_name == "section" && depth == folders.len()) {
                section_slugs.push((depth, facts.slug.clone()));
            }
            cascades.push(facts);
        }
        let value = |key: &str| self.effective(post, key, &cascades, &logical, kind_name);
        if value("headless").and_then(|v| v.as_bool()) == Some(true) {
            return Page::not_published(Kind::Unpublished, "headless: Hugo does not render it");
        }
        if let Some(build) = value("build") {
            let render = build.get_ignore_case("render");
            let never = render.is_some_and(|render| {
                render.as_bool() == Some(false)
                    || render.as_text().is_some_and(|r| {
                        r.eq_ignore_ascii_case("never") || r.eq_ignore_ascii_case("link")
                    })
            });
            if never {
                return Page::not_published(
                    Kind::Unpublished,
                    "`build.render` is `never` (or `link`): Hugo does not write it",
                );
            }
        }
        let mut page = Page::new(kind, Url::Unknown(String::new()));
        page.draft = value("draft").and_then(|v| v.as_bool()).unwrap_or(false);
        page.given = self
            .applying(&cascades, &logical, kind_name)
            .flat_map(|cascade| cascade.values.entries())
            .filter_map(|(key, _)| key.as_text())
            .filter(|key| !matches!(*key, "target" | "_target" | "build"))
            .map(str::to_owned)
            .collect();
        // Hugo's own Open Graph and Twitter templates take a bundle's image named like a
        // cover when the page sets no `images`.
        if lower_name == "index" && bundle_has_cover(&content_dir.join(folders.join("/"))) {
            page.given.push("images".into());
        }
        if self.languages.len() > 1 {
            page.lang = Some(lang.clone());
        }
        let prefix = self.language_prefix(&lang).map(str::to_owned);
        let section = folders
            .first()
            .map(|s| s.to_lowercase())
            .unwrap_or_default();
        let own_url = front_matter_value(post, "url");
        let own_slug = front_matter_value(post, "slug");
        let url_path: String;
        let mut ends_with_slash = true;
        if kind_name != "home"
            && let Some(url_value) = own_url
            && let Some(url) = url_value.as_text().filter(|u| !u.trim().is_empty())
        {
            // `url` is taken as written: no sanitizing, no lowercasing.
            page.url_set_at = Some(url_value.range.clone());
            page.slug = slug::from_value(post, url_value, "slug");
            let mut path = url.trim().to_owned();
            if path.contains(':') {
                path = self.expand(&path, post, name, folders, &cascades, &logical, kind_name);
            }
            let absolute = path.starts_with('/');
            if path.ends_with("/index.html") {
                path.truncate(path.len() - "index.html".len());
            }
            ends_with_slash = path.ends_with('/') || !path.contains('.');
            let path = path.trim_matches('/').to_owned();
            url_path = match (&prefix, absolute) {
                (Some(prefix), false) => format!("{prefix}/{path}"),
                _ => path,
            };
        } else {
            let rule = self
                .permalinks
                .iter()
                .find(|rule| rule.kind == kind_name && rule.path.is_match(&logical));
            let path = match rule {
                Some(rule) => {
                    let expanded = self.expand(
                        &rule.pattern,
                        post,
                        name,
                        folders,
                        &cascades,
                        &logical,
                        kind_name,
                    );
                    page.slug = self.slug_in_pattern(post, &rule.pattern, name, folders);
                    expanded
                        .split('/')
                        .filter(|part| !part.is_empty())
                        .map(|part| self.segment(part))
                        .collect::<Vec<_>>()
                        .join("/")
                }
                None => {
                    let mut segments: Vec<String> = Vec::new();
                    for (index, folder) in path_parts.iter().enumerate() {
                        let is_last = index + 1 == path_parts.len();
                        let depth = index + 1;
                        let slug_of_section = section_slugs
                            .iter()
                            .find(|(d, _)| *d == depth)
                            .and_then(|(_, slug)| slug.clone());
                        let segment = if is_last && kind_name == "page" {
                            match own_slug.and_then(Value::as_text) {
                                Some(own) => {
                                    page.url_set_at = own_slug.map(|v| v.range.clone());
                                    page.slug = self.judged_slug(post, own_slug, own);
                                    self.segment(own.trim_matches('-'))
                                }
                                None => {
                                    page.slug =
                                        self.derived_slug(post, folder, lower_name == "index");
                                    self.segment(folder)
                                }
                            }
                        } else if is_last && kind_name == "section" && own_slug.is_some() {
                            let own = own_slug.and_then(Value::as_text).unwrap_or(folder);
                            page.url_set_at = own_slug.map(|v| v.range.clone());
                            self.segment(own.trim_matches('-'))
                        } else {
                            match slug_of_section {
                                Some(slug) => self.segment(slug.trim_matches('-')),
                                None => self.segment(folder),
                            }
                        };
                        segments.push(segment);
                    }
                    segments.join("/")
                }
            };
            let ugly = self.is_ugly(&section) && kind_name != "home";
            let mut full = match &prefix {
                Some(prefix) if path.is_empty() => prefix.clone(),
                Some(prefix) => format!("{prefix}/{path}"),
                None => path,
            };
            if ugly {
                full = if kind_name == "page" {
                    format!("{full}.html")
                } else {
                    format!("{full}/index.html")
                };
                ends_with_slash = false;
            }
            url_path = full;
        }
        let mut url = if url_path.is_empty() {
            self.base_path.clone()
        } else if ends_with_slash {
            format!("{}{}/", self.base_path, url_path)
        } else {
            format!("{}{}", self.base_path, url_path)
        };
        // A page without HTML output is at its first output format's file (`outputs: [JSON]`
        // gives `index.json`).
        if let Some(outputs) = value("outputs")
            && let Some(first) = outputs.items().first().and_then(Value::as_text)
            && !outputs.items().iter().any(|format| {
                format
                    .as_text()
                    .is_some_and(|f| f.eq_ignore_ascii_case("html"))
            })
            && url.ends_with('/')
        {
            let extension = match first.to_ascii_lowercase().as_str() {
                "rss" | "sitemap" => "xml".to_owned(),
                "calendar" => "ics".to_owned(),
                other => other.to_owned(),
            };
            url.push_str(&format!("index.{extension}"));
        }
        page.url = Some(Url::Known(url));
        page.aliases = front_matter_value(post, "aliases")
            .map(|aliases| {
                aliases
                    .items()
                    .iter()
                    .filter_map(Value::as_text)
                    .filter(|alias| alias.starts_with('/'))
                    .map(|alias| {
                        let prefixed = match &prefix {
                            Some(prefix) => format!("{prefix}{alias}"),
                            None => alias.trim_start_matches('/').to_owned(),
                        };
                        let trimmed = prefixed.trim_start_matches('/');
                        if trimmed.ends_with(".html") || trimmed.ends_with('/') {
                            format!("{}{}", self.base_path, trimmed)
                        } else {
                            format!("{}{}/", self.base_path, trimmed)
                        }
                    })
                    .collect()
            })
            .unwrap_or_default();
        page
    }

    fn syntax(&self) -> Syntax {
        Syntax::LeadingBlankLines
    }
}

/// Whether a bundle's folder has an image `*feature*`, `*cover*` or `*thumbnail*` (Hugo's
/// `_internal/opengraph.html` picks it).
fn bundle_has_cover(folder: &Path) -> bool {
    const IMAGES: &[&str] = &[
        "png", "jpg", "jpeg", "gif", "webp", "avif", "svg", "bmp", "tif", "tiff",
    ];
    std::fs::read_dir(folder).is_ok_and(|entries| {
        entries.flatten().take(512).any(|entry| {
            let name = entry.file_name().to_string_lossy().to_lowercase();
            let is_image = name
                .rsplit_once('.')
                .is_some_and(|(_, extension)| IMAGES.contains(&extension));
            is_image
                && ["feature", "cover", "thumbnail"]
                    .iter()
                    .any(|word| name.contains(word))
        })
    })
}

fn unpublished(why: impl Into<String>) -> Option<Page> {
    Some(Page::not_published(Kind::Unpublished, why))
}

impl Hugo {
    /// The slug a `slug` value gives the URL: as Hugo sanitizes and lowercases it, pointed
    /// at where it is written.
    fn judged_slug(&self, post: &Post, value: Option<&Value>, own: &str) -> Option<slug::Slug> {
        let mut judged = slug::from_value(post, value?, "slug")?;
        let text = self.segment(own.trim_matches('-'));
        let text = text.rsplit('/').next().unwrap_or(&text).to_owned();
        if text != judged.text {
            judged.exact = false;
            judged.text = text;
        }
        Some(judged)
    }

    /// The slug a file or bundle folder name gives the URL, as Hugo writes it.
    fn derived_slug(&self, post: &Post, name: &str, bundle: bool) -> Option<slug::Slug> {
        let mut derived = slug::from_path(post, "slug")?;
        derived.text = self.segment(name);
        derived.origin = if bundle {
            slug::Origin::Folder
        } else {
            slug::Origin::File
        };
        Some(derived)
    }

    /// The slug a permalink pattern puts in the URL: the `slug` value, or the file name
    /// where the pattern takes it; `None` for a URL made of the title or dates alone.
    fn slug_in_pattern(
        &self,
        post: &Post,
        pattern: &str,
        name: &str,
        folders: &[&str],
    ) -> Option<slug::Slug> {
        let own_slug = front_matter_value(post, "slug");
        let uses = |token: &str| pattern.contains(token);
        let bundle = name.eq_ignore_ascii_case("index");
        let file_name = if bundle {
            folders.last().copied().unwrap_or(name)
        } else {
            name
        };
        if uses(":slugorfilename") || uses(":slugorcontentbasename") {
            return match own_slug.and_then(Value::as_text) {
                Some(own) => self.judged_slug(post, own_slug, own),
                None => self.derived_slug(post, file_name, bundle),
            };
        }
        if uses(":slug") {
            return own_slug
                .and_then(Value::as_text)
                .and_then(|own| self.judged_slug(post, own_slug, own));
        }
        if uses(":filename") || uses(":contentbasename") {
            return self.derived_slug(post, file_name, bundle);
        }
        None
    }

    /// A permalink pattern's tokens filled in (`resources/page/permalinks.go`).
    #[allow(clippy::too_many_arguments)]
    fn expand(
        &self,
        pattern: &str,
        post: &Post,
        name: &str,
        folders: &[&str],
        cascades: &[Arc<SectionFacts>],
        logical: &str,
        kind: &str,
    ) -> String {
        let value = |key: &str| self.effective(post, key, cascades, logical, kind);
        let text = |key: &str| value(key).and_then(|v| v.as_text().map(str::to_owned));
        let date = [
            "date",
            "publishDate",
            "pubdate",
            "published",
            "lastmod",
            "modified",
        ]
        .iter()
        .find_map(|key| text(key))
        .and_then(|text| date::parse(&text).ok());
        let title = text("title").unwrap_or_default();
        let slug_value = text("slug");
        let bundle = name.eq_ignore_ascii_case("index");
        let file_name = if bundle {
            folders.last().copied().unwrap_or(name).to_owned()
        } else if name == "_index" {
            String::new()
        } else {
            name.to_owned()
        };
        let mut out = String::new();
        let mut rest = pattern;
        while let Some(colon) = rest.find(':') {
            if colon > 0 && rest.as_bytes()[colon - 1] == b'\\' {
                out.push_str(&rest[..colon - 1]);
                out.push(':');
                rest = &rest[colon + 1..];
                continue;
            }
            out.push_str(&rest[..colon]);
            let after = &rest[colon + 1..];
            let word_len = after
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(after.len());
            let word = &after[..word_len];
            let mut consumed = word_len;
            let slice = if after[word_len..].starts_with('[') {
                after[word_len..].find(']').map(|end| {
                    consumed += end + 1;
                    &after[word_len + 1..word_len + end]
                })
            } else {
                None
            };
            let value = match word {
                "year" => date
                    .map(|d| format!("{:04}", d.year))
                    .unwrap_or_else(|| "1".into()),
                "month" => date
                    .map(|d| format!("{:02}", d.month))
                    .unwrap_or_else(|| "01".into()),
                "day" => date
                    .map(|d| format!("{:02}", d.day))
                    .unwrap_or_else(|| "01".into()),
                "section" => folders.first().copied().unwrap_or_default().to_owned(),
                "sections" => slice_sections(folders, slice).join("/"),
                "title" => self.segment(&title),
                "slug" => slug_value
                    .clone()
                    .map(|s| self.segment(&s))
                    .unwrap_or_else(|| self.segment(&title)),
                "filename" | "contentbasename" => self.segment(&file_name),
                "slugorfilename" | "slugorcontentbasename" => slug_value
                    .clone()
                    .map(|s| self.segment(&s))
                    .unwrap_or_else(|| self.segment(&file_name)),
                other => other.to_owned(),
            };
            out.push_str(&value);
            rest = &after[consumed..];
        }
        out.push_str(rest);
        out
    }
}

/// `:sections[1:]`, `[:2]`, `[last]`, `[0]` of the section folders.
fn slice_sections<'a>(sections: &[&'a str], slice: Option<&str>) -> Vec<&'a str> {
    let Some(slice) = slice else {
        return sections.to_vec();
    };
    let len = sections.len();
    if slice == "last" {
        return sections.last().copied().into_iter().collect();
    }
    let index =
        |text: &str, default: usize| text.trim().parse::<usize>().unwrap_or(default).min(len);
    match slice.split_once(':') {
        Some((from, to)) => {
            let (from, to) = (index(from, 0), index(to, len));
            if from < to {
                sections[from..to].to_vec()
            } else {
                Vec::new()
            }
        }
        None => sections
            .get(index(slice, len))
            .copied()
            .into_iter()
            .collect(),
    }
}

/// The shortcodes of the site and its themes whose template renders `.Inner` as Markdown
/// (`layouts/_shortcodes/note.html` with `.Inner | markdownify`): their inner is the
/// page's Markdown. Templates above 1 MB, or outside the site, are not read.
fn markdown_shortcodes(root: &Path, layout_dirs: &[String]) -> Vec<String> {
    let mut names = Vec::new();
    for layouts in layout_dirs {
        for folder in ["shortcodes", "_shortcodes"] {
            let Some(dir) = paths::configured_folder(root, root, &format!("{layouts}/{folder}"))
            else {
                continue;
            };
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                let small = entry
                    .metadata()
                    .is_ok_and(|metadata| metadata.is_file() && metadata.len() <= 1 << 20);
                let Some(name) = path
                    .file_name()
                    .and_then(|name| name.to_str())
                    .and_then(|name| name.split('.').next())
                else {
                    continue;
                };
                if small
                    && std::fs::read_to_string(&path)
                        .is_ok_and(|text| crate::post::template::renders_inner_as_markdown(&text))
                {
                    names.push(name.to_owned());
                }
            }
        }
    }
    names.sort();
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::TestSite;

    #[test]
    fn pages_sections_and_bundles() {
        let site = TestSite::new(
            &[
                (
                    "hugo.toml",
                    "baseURL = 'https://example.org/sub/'\nignoreFiles = ['\\.draft\\.md$']\n",
                ),
                ("content/About Us.md", "---\ntitle: x\n---\n"),
                ("content/posts/idea.draft.md", "---\ntitle: x\n---\n"),
                ("content/posts/_index.md", "---\ntitle: Posts\n---\n"),
                ("content/posts/sub/deep.md", ""),
                ("content/posts/slug-slash.md", "---\nslug: a/B c\n---\n"),
                ("content/posts/url-rel.md", "---\nurl: rel/Path\n---\n"),
                ("content/posts/url-dot.md", "---\nurl: /v1.2/foo\n---\n"),
                ("content/posts/bundle/index.md", ""),
                ("content/posts/bundle/other.md", ""),
                (
                    "content/posts/headless/index.md",
                    "---\nheadless: true\n---\n",
                ),
            ],
            load,
        );
        assert_eq!(site.known("content/About Us.md"), "/sub/about-us/");
        assert_eq!(site.known("content/posts/_index.md"), "/sub/posts/");
        assert_eq!(
            site.known("content/posts/sub/deep.md"),
            "/sub/posts/sub/deep/"
        );
        assert_eq!(
            site.known("content/posts/slug-slash.md"),
            "/sub/posts/a/b-c/"
        );
        assert_eq!(site.known("content/posts/url-rel.md"), "/sub/rel/Path/");
        assert_eq!(site.known("content/posts/url-dot.md"), "/sub/v1.2/foo");
        assert_eq!(
            site.known("content/posts/bundle/index.md"),
            "/sub/posts/bundle/"
        );
        assert_eq!(
            site.kind_by_path("content/posts/bundle/other.md"),
            Some(Kind::Unpublished)
        );
        assert_eq!(site.url("content/posts/headless/index.md"), None);
        assert_eq!(site.url("content/posts/idea.draft.md"), None);
        assert_eq!(
            site.kind_by_path("archetypes/default.md"),
            Some(Kind::Unpublished)
        );
        assert_eq!(site.kind_by_path("README.md"), Some(Kind::Document));
    }

    #[test]
    fn permalinks_by_kind_and_cascades_from_config_folders() {
        let site = TestSite::new(
            &[
                (
                    "config/_default/hugo.yaml",
                    "baseURL: https://linkerd.io/\n",
                ),
                (
                    "config/_default/permalinks.yaml",
                    "page:\n  blog: /:year/:month/:day/:slug/\n",
                ),
                (
                    "content/blog/2026/0624-x/index.md",
                    "---\ntitle: Federating Clusters for Zero Downtime\ndate: 2026-06-24T00:00:00Z\n---\n",
                ),
                (
                    "content/tests/_index.md",
                    "---\ncascade:\n  - target:\n      environment: production\n    build:\n      list: never\n      render: never\n---\n",
                ),
                ("content/tests/a.md", ""),
            ],
            load,
        );
        assert_eq!(
            site.known("content/blog/2026/0624-x/index.md"),
            "/2026/06/24/federating-clusters-for-zero-downtime/"
        );
        assert_eq!(site.url("content/tests/a.md"), None);
        assert_eq!(site.url("content/tests/_index.md"), None);
    }

    #[test]
    fn languages_prefix_urls() {
        let site = TestSite::new(
            &[
                (
                    "hugo.toml",
                    "defaultContentLanguage = 'en'\ndefaultContentLanguageInSubdir = true\n[languages.en]\n[languages.fr]\n[languages.zh-CN]\n",
                ),
                ("content/docs/_index.zh-cn.md", ""),
                ("content/docs/page.fr.md", "---\nslug: la-page\n---\n"),
                ("content/docs/file.xx.md", ""),
                ("content/_index.md", ""),
            ],
            load,
        );
        assert_eq!(site.known("content/docs/_index.zh-cn.md"), "/zh-cn/docs/");
        assert_eq!(site.known("content/docs/page.fr.md"), "/fr/docs/la-page/");
        assert_eq!(site.known("content/docs/file.xx.md"), "/en/docs/file.xx/");
        assert_eq!(site.known("content/_index.md"), "/en/");
    }

    #[test]
    fn sanitizing_as_hugo() {
        assert_eq!(sanitize("Hello World", true, false), "hello-world");
        assert_eq!(sanitize("a+b&c (1)!", true, false), "a+bc-1");
        assert_eq!(sanitize("First: Post!", true, false), "first-post");
        assert_eq!(sanitize("日本語", true, false), "日本語");
        assert_eq!(sanitize("Ça Va Été", false, true), "Ca-Va-Ete");
    }
}
