//! Generator profiles: which front matter keys a generator reads for each concept, how it
//! derives a post's slug, and how postlint tells which generator a blog is built with.

use std::collections::HashSet;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::rules::FieldNames;

/// The static-site generators postlint knows the conventions of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Generator {
    Hexo,
    Hugo,
    Jekyll,
    Astro,
    Docusaurus,
    Vitepress,
    Zola,
    /// No generator's conventions: every common key name is accepted.
    Generic,
}

impl Generator {
    pub fn name(self) -> &'static str {
        match self {
            Generator::Hexo => "hexo",
            Generator::Hugo => "hugo",
            Generator::Jekyll => "jekyll",
            Generator::Astro => "astro",
            Generator::Docusaurus => "docusaurus",
            Generator::Vitepress => "vitepress",
            Generator::Zola => "zola",
            Generator::Generic => "generic",
        }
    }
}

impl fmt::Display for Generator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The front matter keys a generator (or its popular themes) reads for each concept, in
/// order of preference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fields {
    pub title: FieldNames,
    pub description: FieldNames,
    pub cover: FieldNames,
    pub slug: FieldNames,
    pub date: FieldNames,
    pub updated: FieldNames,
    pub tags: FieldNames,
    pub categories: FieldNames,
    pub draft: FieldNames,
}

/// The concepts, as `[fields]` in postlint.toml names them.
pub const CONCEPTS: [&str; 9] = [
    "title",
    "description",
    "cover",
    "slug",
    "date",
    "updated",
    "tags",
    "categories",
    "draft",
];

impl Fields {
    pub fn get(&self, concept: &str) -> Option<&FieldNames> {
        Some(match concept {
            "title" => &self.title,
            "description" => &self.description,
            "cover" => &self.cover,
            "slug" => &self.slug,
            "date" => &self.date,
            "updated" => &self.updated,
            "tags" => &self.tags,
            "categories" => &self.categories,
            "draft" => &self.draft,
            _ => return None,
        })
    }

    pub fn get_mut(&mut self, concept: &str) -> Option<&mut FieldNames> {
        Some(match concept {
            "title" => &mut self.title,
            "description" => &mut self.description,
            "cover" => &mut self.cover,
            "slug" => &mut self.slug,
            "date" => &mut self.date,
            "updated" => &mut self.updated,
            "tags" => &mut self.tags,
            "categories" => &mut self.categories,
            "draft" => &mut self.draft,
            _ => return None,
        })
    }
}

/// What postlint knows of the generator a blog is built with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    pub generator: Generator,
    pub fields: Fields,
    /// Whether a slug key in the front matter sets the URL; Hexo overwrites it with the
    /// file name.
    pub slug_from_front_matter: bool,
    /// Body comments that end the excerpt (`<!-- more -->`), where the generator has one.
    pub excerpt_markers: &'static [&'static str],
    /// Folders, from the site root, that are served as the site root (`/images/a.png`).
    pub static_dirs: &'static [&'static str],
    /// Whether a post must give its date in the front matter.
    pub date_required: DateRequired,
}

/// Whether a generator needs a post's date in its front matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateRequired {
    No,
    /// Astro's blog schema: `pubDate: z.coerce.date()`.
    Yes,
    /// Jekyll: posts carry the date in the file name (`2025-11-13-title.md`) or the front
    /// matter.
    UnlessFileNameDated,
}

fn names(names: &[&str]) -> FieldNames {
    FieldNames::new(names)
}

impl Profile {
    pub fn new(generator: Generator) -> Profile {
        use Generator::*;
        let title = names(&["title"]);
        let fields = match generator {
            Hexo => Fields {
                title,
                // NexT and Butterfly read `description`, Fluid `excerpt`.
                description: names(&["description", "excerpt"]),
                // Butterfly `cover`/`top_img`, Fluid `index_img`/`banner_img`.
                cover: names(&["cover", "index_img", "top_img", "thumbnail", "banner_img"]),
                slug: names(&["slug"]),
                date: names(&["date"]),
                updated: names(&["updated"]),
                tags: names(&["tags", "tag"]),
                categories: names(&["categories", "category"]),
                draft: names(&["published"]),
            },
            Hugo => Fields {
                title,
                description: names(&["description", "summary"]),
                // `images` feeds Hugo's own Open Graph template; PaperMod `cover`,
                // Ananke `featured_image`.
                cover: names(&["images", "cover", "featured_image", "image"]),
                slug: names(&["url", "slug"]),
                date: names(&["date", "publishDate", "pubdate", "published"]),
                updated: names(&["lastmod", "modified"]),
                tags: names(&["tags"]),
                categories: names(&["categories"]),
                draft: names(&["draft"]),
            },
            Jekyll => Fields {
                title,
                // jekyll-seo-tag: `description`, falling back to the excerpt.
                description: names(&["description", "excerpt"]),
                cover: names(&["image"]),
                slug: names(&["slug"]),
                date: names(&["date"]),
                updated: names(&["last_modified_at"]),
                tags: names(&["tags", "tag"]),
                categories: names(&["categories", "category"]),
                draft: names(&["published"]),
            },
            Astro => Fields {
                title,
                description: names(&["description"]),
                cover: names(&["heroImage", "image", "cover"]),
                slug: names(&["slug"]),
                date: names(&["pubDate", "date"]),
                updated: names(&["updatedDate"]),
                tags: names(&["tags"]),
                categories: names(&["categories"]),
                draft: names(&["draft"]),
            },
            Docusaurus => Fields {
                title,
                description: names(&["description"]),
                cover: names(&["image"]),
                slug: names(&["slug"]),
                date: names(&["date"]),
                updated: names(&["last_update"]),
                tags: names(&["tags"]),
                categories: names(&["categories"]),
                draft: names(&["draft", "unlisted"]),
            },
            Vitepress => Fields {
                title,
                description: names(&["description"]),
                cover: names(&["image", "cover"]),
                slug: names(&["slug"]),
                date: names(&["date"]),
                updated: names(&["lastUpdated"]),
                tags: names(&["tags"]),
                categories: names(&["categories"]),
                draft: names(&["draft"]),
            },
            Zola => Fields {
                title,
                description: names(&["description"]),
                cover: names(&["image", "cover"]),
                slug: names(&["path", "slug"]),
                date: names(&["date"]),
                updated: names(&["updated"]),
                tags: names(&["tags"]),
                categories: names(&["categories"]),
                draft: names(&["draft"]),
            },
            Generic => Fields {
                title,
                description: names(&["excerpt", "description", "summary"]),
                cover: names(&[
                    "cover",
                    "image",
                    "images",
                    "featured_image",
                    "thumbnail",
                    "heroImage",
                    "banner",
                    "og_image",
                ]),
                slug: names(&["slug"]),
                date: names(&["date", "pubDate", "publishDate"]),
                updated: names(&["updated", "lastmod", "updatedDate", "last_modified_at"]),
                tags: names(&["tags", "tag"]),
                categories: names(&["categories", "category"]),
                draft: names(&["draft"]),
            },
        };
        let (excerpt_markers, static_dirs): (&[&str], &[&str]) = match generator {
            Hexo => (&["<!-- more -->", "<!--more-->"], &["source"]),
            Hugo => (&["<!--more-->", "<!-- more -->"], &["static"]),
            Jekyll => (&[], &[""]),
            Astro => (&[], &["public"]),
            Docusaurus => (&["<!-- truncate -->", "{/* truncate */}"], &["static"]),
            Vitepress => (&[], &["public", "docs/public"]),
            Zola => (&["<!-- more -->"], &["static"]),
            Generic => (&[], &[]),
        };
        let date_required = match generator {
            Astro => DateRequired::Yes,
            Jekyll => DateRequired::UnlessFileNameDated,
            _ => DateRequired::No,
        };
        Profile {
            generator,
            fields,
            slug_from_front_matter: generator != Hexo,
            excerpt_markers,
            static_dirs,
            date_required,
        }
    }
}

impl Default for Profile {
    fn default() -> Profile {
        Profile::new(Generator::Generic)
    }
}

/// Which generator a blog is built with, and the file that says so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detection {
    pub generator: Generator,
    /// The site's root: the folder whose files told the generator.
    pub root: Option<PathBuf>,
    /// Why, for `postlint profile`: "hugo.toml in /blog".
    pub reason: String,
}

/// Finds the generator from the files of `start` or its nearest parent that has any.
pub fn detect(start: &Path) -> Detection {
    for dir in start.ancestors() {
        let folder = Folder::list(dir);
        if let Some((generator, reason)) = detect_in(&folder) {
            return Detection {
                generator,
                root: Some(dir.to_owned()),
                reason: format!("{reason} in {}", dir.display()),
            };
        }
        // A site lives inside its repository: the folders above it are someone else's.
        if folder.exists(".git") {
            break;
        }
    }
    Detection {
        generator: Generator::Generic,
        root: None,
        reason:
            "no generator's files found in this folder or its parents (up to the repository's root)"
                .into(),
    }
}

/// A folder and what it may hold, from one listing of it. Asking for each of the two dozen
/// files the generators leave is a system call each, in every folder up to the
/// repository's root: most of what checking one post costs a pre-commit hook. Only the
/// names the listing has are then asked for, as before.
struct Folder<'a> {
    path: &'a Path,
    /// Lowercased, so that a case-insensitive file system's `Hugo.toml` still counts as a
    /// `hugo.toml`; `None` when the folder has more entries than are worth listing (a
    /// content folder of thousands of posts) or cannot be listed: then every name may be
    /// there.
    lowercased: Option<HashSet<String>>,
}

impl<'a> Folder<'a> {
    /// Beyond this many entries, asking for the two dozen names is cheaper than listing.
    const MAX_LISTED: usize = 256;

    fn list(path: &'a Path) -> Folder<'a> {
        let listed = std::fs::read_dir(path).ok().and_then(|entries| {
            let mut names = HashSet::new();
            for entry in entries.take(Self::MAX_LISTED + 1) {
                names.insert(entry.ok()?.file_name().to_string_lossy().to_lowercase());
            }
            (names.len() <= Self::MAX_LISTED).then_some(names)
        });
        Folder {
            path,
            lowercased: listed,
        }
    }

    /// The path of `name` in the folder, when the listing may hold it.
    fn may_hold(&self, name: &str) -> Option<PathBuf> {
        self.lowercased
            .as_ref()
            .is_none_or(|names| names.contains(&name.to_lowercase()))
            .then(|| self.path.join(name))
    }

    fn exists(&self, name: &str) -> bool {
        self.may_hold(name).is_some_and(|path| path.exists())
    }

    fn is_file(&self, name: &str) -> bool {
        self.may_hold(name).is_some_and(|path| path.is_file())
    }

    fn is_dir(&self, name: &str) -> bool {
        self.may_hold(name).is_some_and(|path| path.is_dir())
    }

    fn read(&self, name: &str) -> Option<String> {
        std::fs::read_to_string(self.may_hold(name)?).ok()
    }
}

const CONFIG_EXTENSIONS: [&str; 5] = ["mjs", "ts", "js", "cjs", "mts"];

/// The generator whose files `folder` holds, checked from the most to the least specific.
fn detect_in(folder: &Folder) -> Option<(Generator, String)> {
    for name in ["hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json"] {
        if folder.is_file(name) {
            return Some((Generator::Hugo, format!("`{name}`")));
        }
    }
    for extension in CONFIG_EXTENSIONS {
        let name = format!("astro.config.{extension}");
        if folder.is_file(&name) {
            return Some((Generator::Astro, format!("`{name}`")));
        }
        let name = format!("docusaurus.config.{extension}");
        if folder.is_file(&name) {
            return Some((Generator::Docusaurus, format!("`{name}`")));
        }
    }
    if folder.is_dir(".vitepress") {
        return Some((Generator::Vitepress, "a `.vitepress/` folder".into()));
    }
    let package = folder.read("package.json").unwrap_or_default();
    if let Some(config) = folder.read("_config.yml") {
        if let Some(key) = HEXO_KEYS.iter().find(|key| has_top_level_key(&config, key)) {
            return Some((
                Generator::Hexo,
                format!("`_config.yml` with Hexo's `{key}`"),
            ));
        }
        if has_dependency(&package, "hexo") {
            return Some((Generator::Hexo, "`package.json` depending on `hexo`".into()));
        }
        let gemfile = folder.read("Gemfile").unwrap_or_default();
        let reason = if gemfile.contains("jekyll") {
            "`_config.yml` and a `Gemfile` with `jekyll`"
        } else {
            "`_config.yml` without Hexo's keys"
        };
        return Some((Generator::Jekyll, reason.into()));
    }
    for name in ["config.toml", "config.yaml", "config.yml", "config.json"] {
        let Some(config) = folder.read(name) else {
            continue;
        };
        if name == "config.toml" && has_top_level_key(&config, "base_url") {
            return Some((
                Generator::Zola,
                "`config.toml` with Zola's `base_url`".into(),
            ));
        }
        if has_top_level_key(&config, "baseURL") || has_top_level_key(&config, "baseurl") {
            return Some((Generator::Hugo, format!("`{name}` with Hugo's `baseURL`")));
        }
    }
    for (dependency, generator) in [
        ("hexo", Generator::Hexo),
        ("astro", Generator::Astro),
        ("@docusaurus/core", Generator::Docusaurus),
        ("vitepress", Generator::Vitepress),
    ] {
        if has_dependency(&package, dependency) {
            return Some((
                generator,
                format!("`package.json` depending on `{dependency}`"),
            ));
        }
    }
    None
}

/// Keys of Hexo's `_config.yml` that Jekyll's does not have.
const HEXO_KEYS: [&str; 6] = [
    "new_post_name",
    "source_dir",
    "public_dir",
    "default_layout",
    "render_drafts",
    "post_asset_folder",
];

/// Whether a YAML or TOML config has `key` at the start of a line (`key:` or `key =`).
fn has_top_level_key(config: &str, key: &str) -> bool {
    config.lines().any(|line| {
        line.strip_prefix(key)
            .is_some_and(|rest| rest.trim_start().starts_with([':', '=']))
    })
}

/// Whether package.json names `name` as a dependency (`"name": "…"`).
fn has_dependency(package: &str, name: &str) -> bool {
    package.contains(&format!("\"{name}\":")) || package.contains(&format!("\"{name}\" :"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (path, text) in files {
            let path = dir.path().join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        dir
    }

    fn detected(files: &[(&str, &str)]) -> Generator {
        let dir = site(files);
        detect(&dir.path().join("content/posts")).generator
    }

    #[test]
    fn each_generator_is_told_by_its_files() {
        assert_eq!(detected(&[("hugo.toml", "baseURL = 'x'")]), Generator::Hugo);
        assert_eq!(
            detected(&[("config.toml", "baseURL = 'x'\n")]),
            Generator::Hugo
        );
        assert_eq!(
            detected(&[("config.toml", "base_url = 'x'\n")]),
            Generator::Zola
        );
        assert_eq!(
            detected(&[("_config.yml", "title: x\nnew_post_name: :title.md\n")]),
            Generator::Hexo
        );
        assert_eq!(
            detected(&[
                ("_config.yml", "title: x\n"),
                ("package.json", "{\"dependencies\": {\"hexo\": \"^7\"}}")
            ]),
            Generator::Hexo
        );
        assert_eq!(
            detected(&[
                ("_config.yml", "title: x\n"),
                ("Gemfile", "gem \"jekyll\"\n")
            ]),
            Generator::Jekyll
        );
        assert_eq!(detected(&[("astro.config.mjs", "")]), Generator::Astro);
        assert_eq!(
            detected(&[("docusaurus.config.ts", "")]),
            Generator::Docusaurus
        );
        assert_eq!(
            detected(&[(".vitepress/config.mts", "")]),
            Generator::Vitepress
        );
        assert_eq!(detected(&[("README.md", "")]), Generator::Generic);
    }

    #[test]
    fn a_folder_too_large_to_list_is_asked_name_by_name() {
        let posts: Vec<(String, &str)> = (0..=Folder::MAX_LISTED)
            .map(|i| (format!("content/posts/{i}.md"), ""))
            .chain([("content/posts/hugo.toml".to_owned(), "")])
            .collect();
        let posts: Vec<(&str, &str)> = posts.iter().map(|(p, t)| (p.as_str(), *t)).collect();
        let dir = site(&posts);
        let folder = dir.path().join("content/posts");
        assert!(Folder::list(&folder).lowercased.is_none());
        let detection = detect(&folder);
        assert_eq!(detection.generator, Generator::Hugo);
        assert_eq!(detection.root.as_deref(), Some(folder.as_path()));
    }

    #[test]
    fn files_with_capitals_are_found() {
        let dir = site(&[
            ("_config.yml", "title: x\n"),
            ("Gemfile", "gem \"jekyll\"\n"),
        ]);
        let detection = detect(&dir.path().join("_posts"));
        assert!(
            detection
                .reason
                .starts_with("`_config.yml` and a `Gemfile` with `jekyll`")
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_linked_config_file_counts() {
        let dir = site(&[("shared/hugo.toml", "")]);
        std::os::unix::fs::symlink(
            dir.path().join("shared/hugo.toml"),
            dir.path().join("hugo.toml"),
        )
        .unwrap();
        assert_eq!(
            detect(&dir.path().join("content")).generator,
            Generator::Hugo
        );
    }

    #[test]
    fn the_repository_root_ends_the_search() {
        let dir = site(&[("hugo.toml", ""), ("blog/.git/HEAD", "")]);
        let detection = detect(&dir.path().join("blog/content"));
        assert_eq!(detection.generator, Generator::Generic);
    }

    #[test]
    fn the_nearest_folder_with_a_generator_wins() {
        let dir = site(&[("hugo.toml", ""), ("docs/docusaurus.config.js", "")]);
        let detection = detect(&dir.path().join("docs/blog"));
        assert_eq!(detection.generator, Generator::Docusaurus);
        assert_eq!(
            detection.root.as_deref(),
            Some(dir.path().join("docs").as_path())
        );
        assert!(detection.reason.starts_with("`docusaurus.config.js` in "));
    }

    #[test]
    fn hexo_overwrites_the_slug_with_the_file_name() {
        assert!(!Profile::new(Generator::Hexo).slug_from_front_matter);
        assert!(Profile::new(Generator::Hugo).slug_from_front_matter);
    }
}
