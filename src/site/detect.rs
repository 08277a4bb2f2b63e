//! Which generator a site is built with: told by the files the generator leaves in the
//! site's root folder (its configuration, `package.json`, `Gemfile`).

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::profile::Generator;

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
            // A workspace's `package.json` names the generator; its configuration, and so
            // the site's root, may be one folder down (`website/docusaurus.config.ts`).
            if let Some((config, root)) = configuration_below(dir, generator) {
                return Detection {
                    generator,
                    root: Some(root),
                    reason: format!("{reason} in {}, and `{config}`", dir.display()),
                };
            }
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

/// The configuration of `generator` in a folder just below `dir`, when `dir` has none of
/// its own: the file (as `website/docusaurus.config.ts`) and that folder.
fn configuration_below(dir: &Path, generator: Generator) -> Option<(String, PathBuf)> {
    let prefix = match generator {
        Generator::Docusaurus => "docusaurus.config.",
        Generator::Astro => "astro.config.",
        _ => return None,
    };
    let has_own = CONFIG_EXTENSIONS
        .iter()
        .any(|extension| dir.join(format!("{prefix}{extension}")).is_file());
    if has_own {
        return None;
    }
    let mut below: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .take(Folder::MAX_LISTED)
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.is_dir())
        .collect();
    below.sort();
    below.into_iter().find_map(|folder| {
        CONFIG_EXTENSIONS.iter().find_map(|extension| {
            let name = format!("{prefix}{extension}");
            folder.join(&name).is_file().then(|| {
                let shown = format!(
                    "{}/{name}",
                    folder.file_name().unwrap_or_default().to_string_lossy()
                );
                (shown, folder.clone())
            })
        })
    })
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
    // Hugo's configuration folder, with no file at the root.
    if folder.is_dir("config") {
        for name in ["hugo", "config"] {
            for extension in ["toml", "yaml", "yml", "json"] {
                let file = format!("config/_default/{name}.{extension}");
                if folder.path.join(&file).is_file() {
                    return Some((Generator::Hugo, format!("`{file}`")));
                }
            }
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
    use crate::site::test_site as site;

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
}
