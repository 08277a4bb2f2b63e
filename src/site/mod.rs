//! The site: what the generator publishes, as what kind of page, at which URL.
//!
//! A [`Site`] is built once per run, before any post is read: the generator, its root, the
//! configuration values that matter (read from the generator's own files, or assumed from
//! its documented defaults), and one [`Model`] per generator that answers, for each file,
//! what the generator makes of it ([`Page`]). Rules never branch on a generator's name:
//! they read the post's page and ask the site.

mod astro;
mod config_file;
pub mod conventions;
mod detect;
mod docusaurus;
pub mod excerpt;
mod generic;
pub mod heading_ids;
mod hexo;
mod hugo;
mod jekyll;
mod js;
pub mod links;
pub mod listing;
pub(crate) mod paths;
pub mod slug;
pub mod summary;
pub mod templates;
mod vitepress;
mod zola;

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use config_file::{ConfigProblem, Facts};
pub use detect::{Detection, detect};
pub use links::{
    anchors, clean_target, heading_anchor, is_remote, local_cover, local_targets, section_of,
};
pub use slug::{Origin, Slug};
pub use summary::{Located, PostSummary, duplicate_groups};
pub use templates::TemplateTitle;

use crate::post::front_matter::Syntax;
use crate::post::{Post, Value};
use crate::profile::{Generator, Profile};

/// What a file is to the generator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// A dated article of a blog: Hexo's and Jekyll's `_posts`, a Docusaurus blog post.
    Post,
    /// Any other page the generator publishes on its own: a documentation page, an about
    /// page, a Hugo or Zola page.
    Page,
    /// A list page over other pages: Hugo's `_index.md`, a Zola section.
    Section,
    /// A file for the repository's readers, not the site's (README.md, CONTRIBUTING.md):
    /// a forge renders it, the generator does not.
    Document,
    /// Read into other pages, never a page of its own: an include, a snippet, data.
    Partial,
    /// Never published: a scaffold or archetype, a template, a headless or never-rendered
    /// page, a file the configuration excludes or that lies outside the content folder.
    Unpublished,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Post => "post",
            Kind::Page => "page",
            Kind::Section => "section",
            Kind::Document => "document",
            Kind::Partial => "partial",
            Kind::Unpublished => "unpublished",
        }
    }

    /// Whether the generator gives the file an address of its own.
    pub fn is_published(self) -> bool {
        matches!(self, Kind::Post | Kind::Page | Kind::Section)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Kinds a rule may apply to: the rule runs on a file of any kind in its list.
pub type Kinds = &'static [Kind];

/// SEO rules: the pages people find and share.
pub const PUBLISHED: Kinds = &[Kind::Post, Kind::Page];
/// Front matter rules: every file whose front matter the generator reads.
pub const WITH_FRONT_MATTER: Kinds = &[Kind::Post, Kind::Page, Kind::Section];
/// Markdown rules: every file someone reads rendered, on the site or on a forge.
pub const RENDERED: Kinds = &[Kind::Post, Kind::Page, Kind::Section, Kind::Document];

/// A page's address, as far as it can be known without running the generator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Url {
    /// The path the page is served at, with the site's base path: `/blog/2025/01/hello/`.
    Known(String),
    /// A pattern with a part only a plugin or a program can fill: `/posts/:abbrlink/`.
    Partial { pattern: String, why: String },
    /// Why it cannot be told.
    Unknown(String),
    /// No generator is known: the folder and the slug, as most generators make a URL by
    /// default. Good enough to tell two posts of one folder with one slug apart, never
    /// used to resolve a link.
    Assumed(String),
}

impl Url {
    pub fn known(&self) -> Option<&str> {
        match self {
            Url::Known(url) => Some(url),
            _ => None,
        }
    }

    /// The URL two pages are compared by: known, or assumed without a generator.
    pub fn comparable(&self) -> Option<&str> {
        match self {
            Url::Known(url) | Url::Assumed(url) => Some(url),
            _ => None,
        }
    }
}

/// What the generator makes of one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub kind: Kind,
    /// Why the file is of its kind, when that is not plain (why it is unpublished).
    pub why: Option<String>,
    /// `None` for a file that is not published.
    pub url: Option<Url>,
    /// The language of a multilingual site the page belongs to.
    pub lang: Option<String>,
    /// A draft is left out of a build unless drafts are asked for.
    pub draft: bool,
    /// The collection, content plugin or section type the page belongs to, where the
    /// generator has such a thing (Jekyll and Astro collections, Docusaurus docs or blog).
    pub collection: Option<String>,
    /// The part of the URL the author chose by name: a `slug` value, or the file or folder
    /// name where it becomes the URL. `None` where the URL does not use one.
    pub slug: Option<Slug>,
    /// Where the front matter sets the URL (`slug`, `url`, `permalink`, `path`), for
    /// findings about the URL; `None` when it comes from the path.
    pub url_set_at: Option<std::ops::Range<usize>>,
    /// Whether the generator needs a date in the front matter, which the file's name does
    /// not give.
    pub needs_date: bool,
    /// Other addresses the page answers at (`aliases`, `redirect_from`).
    pub aliases: Vec<String>,
    /// A home page: the site's address, or a page with a home layout (`layout: home` or
    /// `index`), whose title and description are the site's.
    pub home: bool,
    /// Front matter keys the generator gives the page though its file does not set them:
    /// Jekyll's `defaults`, Hugo's `cascade`, the title Jekyll makes from a document's file
    /// name, the cover image Hugo finds in a bundle. A field under one of them is not
    /// missing.
    pub given: Vec<String>,
    /// Where the site's own template for the page prints its title as a heading, when it
    /// was found and does.
    pub title_template: Option<TemplateTitle>,
    /// The front matter keys the page's collection schema declares (Astro's
    /// `content.config.ts`); empty where no schema is declared.
    pub schema_keys: Vec<String>,
}

impl Page {
    /// A published page of `kind` at `url`, nothing else known.
    pub fn new(kind: Kind, url: Url) -> Page {
        Page {
            kind,
            why: None,
            url: Some(url),
            lang: None,
            draft: false,
            collection: None,
            slug: None,
            url_set_at: None,
            needs_date: false,
            aliases: Vec::new(),
            home: false,
            given: Vec::new(),
            title_template: None,
            schema_keys: Vec::new(),
        }
    }

    /// A file that is not a page of its own, and why.
    pub fn not_published(kind: Kind, why: impl Into<String>) -> Page {
        Page {
            why: Some(why.into()),
            url: None,
            ..Page::new(kind, Url::Unknown(String::new()))
        }
    }

    /// Takes a front matter value as what sets the URL (`slug: x`, `permalink: /x/`): the
    /// findings about the URL point at it, and its last segment is the slug. Returns its
    /// text.
    pub fn set_by<'a>(&mut self, post: &Post, value: &'a Value, key: &str) -> &'a str {
        self.url_set_at = Some(value.range.clone());
        self.slug = slug::from_value(post, value, key);
        value.as_text().unwrap_or_default()
    }

    /// The URL, when it is fully known.
    pub fn known_url(&self) -> Option<&str> {
        self.url.as_ref().and_then(Url::known)
    }
}

impl Default for Page {
    /// A page of the generic model: a post whose URL is not known.
    fn default() -> Page {
        Page::new(Kind::Post, Url::Unknown("no generator is known".into()))
    }
}

/// One file as a model sees it.
pub struct File<'a> {
    /// The post, parsed: its path as postlint was given it or found it, its front matter.
    pub post: &'a Post,
    /// The path from the site's root, with `/` between folders (`content/a.md`, or
    /// `../docs/a.md` beside the root); `None` without a root.
    pub relative: Option<&'a str>,
}

/// What one generator does with a site's files. One implementation per generator, each in
/// its own file, answering the same questions.
pub(crate) trait Model: Send + Sync + fmt::Debug {
    /// What the generator makes of a file it can see only by its path, before it is read:
    /// `Some` for files it never publishes whatever they hold (scaffolds, files outside
    /// the content folder). Lets a walk skip them unread.
    fn by_path(&self, relative: &str) -> Option<Page>;

    /// What the generator makes of a file, from its place and its front matter.
    fn page(&self, file: &File<'_>, profile: &Profile) -> Page;

    /// How the generator finds a file's front matter.
    fn syntax(&self) -> Syntax {
        Syntax::Standard
    }

    /// The file, from the site's root, that a link in the generator's own syntax names
    /// (Zola's `@/blog/post.md`, Docusaurus's `@site/static/a.png`); `None` for any other.
    fn link_file(&self, target: &str) -> Option<String> {
        let _ = target;
        None
    }
}

/// The whole site, as postlint understands it before reading any post.
#[derive(Debug)]
pub struct Site {
    pub generator: Generator,
    /// The folder with the generator's configuration; `None` when none was found.
    pub root: Option<PathBuf>,
    /// How the generator was chosen, for `postlint site` and `postlint profile`.
    pub reason: String,
    /// What was read from the configuration, or assumed.
    pub facts: Facts,
    /// The folder postlint may look in: see [`paths::boundary`].
    boundary: Option<PathBuf>,
    /// The current directory when the site was built, against which relative paths of
    /// posts are placed under the root.
    current_dir: PathBuf,
    /// The root as a path from the current directory, when it is inside it (`""` when it
    /// is the current directory): most paths of a run start with it.
    root_from_current_dir: Option<PathBuf>,
    model: Box<dyn Model>,
    /// Every published page's URL and what it sets, read from the content folders the
    /// first time a link or a missing-field rule needs them (most runs never do).
    heads: std::sync::OnceLock<Heads>,
    /// Where a site without a generator keeps its pages, for its conventions: the folder
    /// of its configuration, or the first folder linted.
    scope: Option<PathBuf>,
    /// The fragments of the pages other pages link into, each read once.
    linked_anchors: std::sync::Mutex<HashMap<PathBuf, Arc<PageAnchors>>>,
}

/// What the site's pages say in their front matter, read once for all of them.
#[derive(Debug, Default)]
struct Heads {
    urls: UrlIndex,
    conventions: conventions::Conventions,
}

/// The fragments a page answers to, for links from other pages.
#[derive(Debug, Default)]
pub struct PageAnchors {
    /// Its headings' ids and its HTML's `id` and `name` attributes.
    pub ids: Vec<String>,
    /// Its headings' text as loose ids, for renderers postlint does not know.
    pub loose: HashSet<String>,
    /// Whether it pulls in content postlint does not read (an include shortcode or tag),
    /// whose headings a fragment may name.
    pub includes: bool,
}

/// The site's published pages by URL, to resolve links written as URLs: a page's address,
/// or a file beside a page (a bundle's image) under the page's address.
#[derive(Debug, Default)]
pub struct UrlIndex {
    /// A page's URL path without the base path and slashes around it → its file.
    pages: std::collections::HashMap<String, PathBuf>,
}

impl UrlIndex {
    fn key(url: &str, base: &str) -> String {
        let url = clean_target(url);
        let url = url.strip_prefix(base.trim_end_matches('/')).unwrap_or(&url);
        let url = url.strip_suffix("index.html").unwrap_or(url);
        let url = url.strip_suffix(".html").unwrap_or(url);
        url.trim_matches('/').to_owned()
    }

    /// The file of the page published at a URL path (`/blog/x/`).
    pub fn page_at(&self, url: &str, base: &str) -> Option<&PathBuf> {
        self.pages.get(&UrlIndex::key(url, base))
    }

    /// Whether a published page's file is named `stem` (`about.md`), or its bundle folder
    /// (`about/index.md`).
    pub fn has_page_named(&self, stem: &str) -> bool {
        self.pages.values().any(|file| {
            let name = file.file_stem().and_then(|name| name.to_str());
            let named =
                |name: Option<&str>| name.is_some_and(|name| name.split('.').next() == Some(stem));
            named(name)
                || (matches!(name, Some("index" | "_index"))
                    && named(file.parent().and_then(|dir| dir.file_name()?.to_str())))
        })
    }

    /// The file a URL path (`/2023/06/21/x/cover.jpg`) may be: a file beside the page
    /// whose URL is the longest leading part of it.
    pub fn file_under_page(&self, url: &str, base: &str) -> Option<PathBuf> {
        let key = UrlIndex::key(url, base);
        let mut prefix = key.as_str();
        while let Some(slash) = prefix.rfind('/') {
            prefix = &prefix[..slash];
            if let Some(page) = self.pages.get(prefix) {
                let rest = &key[prefix.len() + 1..];
                return page.parent().map(|folder| folder.join(rest));
            }
        }
        None
    }
}

impl Default for Site {
    fn default() -> Site {
        Site::generic(None, "the default".into())
    }
}

impl Site {
    /// A site without a known generator: every Markdown file is a post.
    pub fn generic(root: Option<PathBuf>, reason: String) -> Site {
        Site {
            generator: Generator::Generic,
            root,
            reason,
            facts: Facts {
                base_path: "/".into(),
                ..Facts::default()
            },
            boundary: None,
            current_dir: std::env::current_dir().unwrap_or_default(),
            root_from_current_dir: None,
            model: Box::new(generic::Generic),
            heads: std::sync::OnceLock::new(),
            scope: None,
            linked_anchors: std::sync::Mutex::default(),
        }
    }

    /// A site without a generator whose pages are under `folder`.
    pub fn generic_in(folder: PathBuf, reason: String) -> Site {
        let current_dir = std::env::current_dir().unwrap_or_default();
        Site {
            scope: Some(paths::absolute(&current_dir, &folder)),
            ..Site::generic(None, reason)
        }
    }

    /// Builds the site of `generator` rooted at `root`, reading its configuration.
    pub fn load(generator: Generator, root: Option<PathBuf>, reason: String) -> Site {
        let current_dir = std::env::current_dir().unwrap_or_default();
        let Some(root) = root else {
            let mut site = Site::generic(None, reason);
            site.generator = generator;
            return site;
        };
        let root = paths::absolute(&current_dir, &root);
        let boundary = paths::boundary(&root, &current_dir);
        let mut loader = config_file::Loader::new(&root, &boundary);
        let model: Box<dyn Model> = match generator {
            Generator::Hexo => Box::new(hexo::load(&mut loader)),
            Generator::Hugo => Box::new(hugo::load(&mut loader)),
            Generator::Jekyll => Box::new(jekyll::load(&mut loader)),
            Generator::Zola => Box::new(zola::load(&mut loader)),
            Generator::Docusaurus => Box::new(docusaurus::load(&mut loader)),
            Generator::Vitepress => Box::new(vitepress::load(&mut loader)),
            Generator::Astro => Box::new(astro::load(&mut loader)),
            Generator::Generic => Box::new(generic::Generic),
        };
        let mut facts = loader.finish();
        facts
            .heading_ids
            .get_or_insert(heading_ids::IdScheme::default_of(generator));
        let root_from_current_dir = root.strip_prefix(&current_dir).ok().map(Path::to_owned);
        Site {
            generator,
            root: Some(root),
            reason,
            facts,
            boundary: Some(boundary),
            root_from_current_dir,
            current_dir,
            model,
            heads: std::sync::OnceLock::new(),
            scope: None,
            linked_anchors: std::sync::Mutex::default(),
        }
    }

    /// `path` from the site's root, `/`-separated (`content/a.md`, `../docs/a.md`);
    /// `None` without a root, or outside the folder postlint may look in.
    pub fn relative(&self, path: &Path) -> Option<String> {
        let (root, boundary) = (self.root.as_ref()?, self.boundary.as_ref()?);
        // The common case, a path a walk found under the current directory, without the
        // cost of making it absolute.
        if let Some(root_here) = &self.root_from_current_dir
            && path.is_relative()
            && path
                .components()
                .all(|part| matches!(part, std::path::Component::Normal(_)))
            && let Ok(under) = path.strip_prefix(root_here)
        {
            return paths::slashed(under);
        }
        let absolute = paths::absolute(&self.current_dir, path);
        paths::relative_to(root, boundary, &absolute)
    }

    /// What the generator makes of the file at `path`, judged by its path alone; `None`
    /// when its content decides.
    pub fn by_path(&self, path: &Path) -> Option<Page> {
        self.by_relative_path(path, self.relative(path).as_deref())
    }

    fn by_relative_path(&self, path: &Path, relative: Option<&str>) -> Option<Page> {
        if self.root.is_none() {
            return self
                .model
                .by_path(&paths::slashed(path).unwrap_or_default());
        }
        match relative {
            Some(relative) => self.model.by_path(relative),
            None => Some(Page::not_published(
                Kind::Unpublished,
                "outside the site's folder",
            )),
        }
    }

    /// The file a link in the generator's own syntax names (`@/blog/post.md`), from the
    /// site's root.
    pub fn link_file(&self, target: &str) -> Option<PathBuf> {
        let relative = self.model.link_file(target)?;
        let root = self.root.as_ref()?;
        let path = paths::normalize(&root.join(relative));
        let boundary = self.boundary.as_ref()?;
        path.starts_with(boundary).then_some(path)
    }

    /// The URLs of every page the site publishes, read from its content folders (front
    /// matter only) the first time it is asked for.
    pub fn url_index(&self, profile: &Profile) -> &UrlIndex {
        &self.heads(profile).urls
    }

    /// What the pages of each section of the site set, read with the URLs.
    pub fn conventions(&self, profile: &Profile) -> &conventions::Conventions {
        &self.heads(profile).conventions
    }

    /// The section a post is in, as [`Site::conventions`] names them; `None` for a file
    /// outside the folders whose pages are counted.
    pub fn section_of(&self, post: &Post) -> Option<String> {
        let path = paths::absolute(&self.current_dir, &post.path);
        let (roots, base) = self.page_folders();
        conventions::section_of(&path, post.page.collection.as_deref(), &roots, &base)
            .map(|(name, _)| name)
    }

    /// The folders whose Markdown files are the site's pages, and the folder paths are
    /// written from.
    fn page_folders(&self) -> (Vec<PathBuf>, PathBuf) {
        match (&self.root, &self.scope) {
            (Some(root), _) if self.generator == Generator::Generic => {
                (vec![root.clone()], root.clone())
            }
            (Some(root), _) => (
                self.facts
                    .content_roots
                    .iter()
                    .filter(|root| root.is_dir())
                    .cloned()
                    .collect(),
                root.clone(),
            ),
            (None, Some(scope)) if scope.is_dir() => (vec![scope.clone()], scope.clone()),
            _ => (Vec::new(), PathBuf::new()),
        }
    }

    fn heads(&self, profile: &Profile) -> &Heads {
        self.heads.get_or_init(|| {
            let (roots, base) = self.page_folders();
            let (files, _) = crate::engine::collect_paths(&roots);
            use rayon::prelude::*;
            type Read = (
                Option<(String, PathBuf)>,
                Option<(String, [bool; 3], String)>,
            );
            let read: Vec<Read> = files
                .into_par_iter()
                .filter(|file| self.by_path(file).is_none())
                .filter_map(|file| {
                    let head = read_head(&file)?;
                    let post = Post::head_in(file.clone(), head, self, profile);
                    if !post.page.kind.is_published() {
                        return None;
                    }
                    let section = conventions::section_of(
                        &file,
                        post.page.collection.as_deref(),
                        &roots,
                        &base,
                    )
                    .map(|(name, folder)| (name, conventions::present(&post, profile), folder));
                    let url = post
                        .page
                        .known_url()
                        .map(|url| (UrlIndex::key(url, &self.facts.base_path), file));
                    Some((url, section))
                })
                .collect();
            let mut urls = UrlIndex::default();
            let mut sections = Vec::with_capacity(read.len());
            for (url, section) in read {
                urls.pages.extend(url);
                sections.extend(section);
            }
            Heads {
                urls,
                conventions: conventions::Conventions::of(sections.into_iter()),
            }
        })
    }

    /// The fragments the Markdown file at `path` answers to, read once; `None` when it
    /// cannot be read.
    pub fn anchors_of(&self, path: &Path, profile: &Profile) -> Option<Arc<PageAnchors>> {
        if let Some(known) = self.linked_anchors.lock().ok()?.get(path) {
            return Some(known.clone());
        }
        let source = crate::engine::read(path).ok()?;
        let post = Post::parse_in(path, source, self, profile);
        let body = &post.source[post.body_start..];
        let anchors = Arc::new(PageAnchors {
            ids: links::anchors(&post, self.id_scheme()),
            loose: links::loose_anchors(&post),
            includes: [
                "{{%",
                "{% include",
                "{%- include",
                "{{< include",
                "readfile",
            ]
            .iter()
            .any(|sign| body.contains(sign)),
        });
        if let Ok(mut cache) = self.linked_anchors.lock() {
            cache.insert(path.to_owned(), anchors.clone());
        }
        Some(anchors)
    }

    /// How the site makes heading ids; `None` where its renderer makes none or is not
    /// one postlint knows.
    pub fn id_scheme(&self) -> Option<heading_ids::IdScheme> {
        self.facts
            .heading_ids
            .unwrap_or_else(|| heading_ids::IdScheme::default_of(self.generator))
    }

    /// How the generator finds a file's front matter.
    pub fn syntax(&self) -> Syntax {
        self.model.syntax()
    }

    /// What the generator makes of a parsed post.
    pub fn page(&self, post: &Post, profile: &Profile) -> Page {
        let relative = self.relative(&post.path);
        if let Some(page) = self.by_relative_path(&post.path, relative.as_deref()) {
            return page;
        }
        let file = File {
            post,
            relative: relative.as_deref(),
        };
        let mut page = self.model.page(&file, profile);
        let home_layout = post
            .value("layout")
            .and_then(Value::as_text)
            .is_some_and(|layout| matches!(layout.trim(), "home" | "index"));
        page.home = home_layout || page.known_url() == Some(self.facts.base_path.as_str());
        page
    }
}

/// The start of a file, as far as its front matter goes: what the index of URLs reads.
/// Front matter is a few hundred bytes at the top, so the first 16 KB hold it but for
/// the rare file whose block is longer, which is then read whole.
pub(crate) fn read_head(path: &Path) -> Option<String> {
    use std::io::Read;
    const HEAD: u64 = 16 * 1024;
    // Only a regular file: opening a FIFO blocks, and a symbolic link may lead out of the
    // site. The file is checked again once open, in case it changed meanwhile.
    if !std::fs::symlink_metadata(path).ok()?.is_file() {
        return None;
    }
    let file = std::fs::File::open(path).ok()?;
    if !file.metadata().ok()?.is_file() {
        return None;
    }
    let mut bytes = Vec::new();
    file.take(HEAD).read_to_end(&mut bytes).ok()?;
    if bytes.len() as u64 == HEAD {
        let valid = match std::str::from_utf8(&bytes) {
            Ok(_) => bytes.len(),
            Err(error) => error.valid_up_to(),
        };
        let head = std::str::from_utf8(&bytes[..valid]).ok()?;
        let closed = crate::post::front_matter::parse(head)
            .0
            .is_none_or(|front_matter| front_matter.closed);
        if !closed {
            return crate::engine::read(path).ok();
        }
        bytes.truncate(valid);
    }
    String::from_utf8(bytes).ok()
}

/// A folder of files for a test: `(path, text)` pairs.
#[cfg(test)]
pub(crate) fn test_site(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

/// A generator's model of a site made of `files`, and what it says of them.
#[cfg(test)]
pub(crate) struct TestSite<M> {
    /// The folder, kept until the test ends.
    _dir: tempfile::TempDir,
    /// The site's root: the folder, or a folder in it.
    pub root: PathBuf,
    pub model: M,
}

#[cfg(test)]
impl<M: Model> TestSite<M> {
    pub fn new(files: &[(&str, &str)], load: fn(&mut config_file::Loader) -> M) -> TestSite<M> {
        TestSite::nested(files, "", load)
    }

    /// A site whose root is the folder `root` of the files, which may lie beside it.
    pub fn nested(
        files: &[(&str, &str)],
        root: &str,
        load: fn(&mut config_file::Loader) -> M,
    ) -> TestSite<M> {
        let dir = test_site(files);
        let root = dir.path().join(root);
        let mut loader = config_file::Loader::new(&root, dir.path());
        let model = load(&mut loader);
        TestSite {
            _dir: dir,
            root,
            model,
        }
    }

    /// The kind the model gives the file at `relative` by its path alone; `None` when its
    /// content decides.
    pub fn kind_by_path(&self, relative: &str) -> Option<Kind> {
        self.model.by_path(relative).map(|page| page.kind)
    }

    /// The URL of the file at `relative`, as written in the site (empty when it is not).
    pub fn url(&self, relative: &str) -> Option<Url> {
        if let Some(page) = self.model.by_path(relative) {
            return page.url;
        }
        let source = std::fs::read_to_string(self.root.join(relative)).unwrap_or_default();
        let post = Post::parse_in(relative, source, &Site::default(), &Profile::default());
        let file = File {
            post: &post,
            relative: Some(relative),
        };
        self.model.page(&file, &Profile::default()).url
    }

    pub fn known(&self, relative: &str) -> String {
        match self.url(relative) {
            Some(Url::Known(url)) => url,
            other => panic!("{relative}: {other:?}"),
        }
    }

    /// [`TestSite::url`] of a file written with `source` first.
    pub fn url_with(&self, relative: &str, source: &str) -> Option<Url> {
        let path = self.root.join(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, source).unwrap();
        self.url(relative)
    }

    /// [`TestSite::known`] of a file written with `source` first.
    pub fn known_with(&self, relative: &str, source: &str) -> String {
        match self.url_with(relative, source) {
            Some(Url::Known(url)) => url,
            other => panic!("{relative}: {other:?}"),
        }
    }
}
