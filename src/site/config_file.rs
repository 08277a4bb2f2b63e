//! Reading a generator's configuration files: only inside the site, only small ones, and
//! never failing the run. A file that cannot be read is a problem that names it; the
//! generator's documented default is then assumed, and said so.

use super::heading_ids::IdScheme;
use std::path::{Path, PathBuf};

use crate::post::front_matter::{Format, parse_document};
use crate::post::{Value, ValueKind};

use super::paths;

/// A configuration file larger than this is not read: configurations are a few kilobytes,
/// and a huge one is a mistake or an attack.
pub const MAX_CONFIG_SIZE: u64 = 1024 * 1024;

/// A configuration file that could not be used, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigProblem {
    pub file: PathBuf,
    pub message: String,
}

/// What a site's configuration says, as far as postlint reads it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facts {
    /// The configuration files read, in the order they were read.
    pub config_files: Vec<PathBuf>,
    /// Values taken from the generator's documented defaults, or guessed, for the reader:
    /// "`contentDir`: `content` (Hugo's default)".
    pub assumed: Vec<String>,
    pub problems: Vec<ConfigProblem>,
    /// Folders whose Markdown files the generator publishes.
    pub content_roots: Vec<PathBuf>,
    /// Folders whose files are served at the site's base path (`/images/a.png`).
    pub static_roots: Vec<PathBuf>,
    /// Folders a theme reads images from by name without serving them as they are (Hugo's
    /// `assets/`, through its resource pipeline).
    pub asset_roots: Vec<PathBuf>,
    /// The path every URL of the site starts with: `/`, or `/blog/`.
    pub base_path: String,
    /// The site's languages, the default first; empty for a site in one language.
    pub languages: Vec<String>,
    /// The site's and its theme's paired shortcodes whose template renders their inner as
    /// Markdown (Hugo's `.Inner | markdownify`).
    pub markdown_shortcodes: Vec<String>,
    /// How the site's Markdown renderer makes heading ids, where its configuration says:
    /// `Some(None)` when it makes none (`autoHeadingID = false`); `None` when the
    /// configuration does not say, for the generator's default.
    pub heading_ids: Option<Option<IdScheme>>,
    /// What the configuration says about the excerpts the generator makes.
    pub excerpt: ExcerptFacts,
}

/// The configuration values that decide a generator's automatic excerpt; `None` where the
/// configuration does not set one and the generator's default holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExcerptFacts {
    /// Jekyll's `excerpt_separator` (default `"\n\n"`, the first paragraph); empty turns
    /// excerpts off.
    pub separator: Option<String>,
    /// Jekyll's `page_excerpts`: pages, not only documents, get an excerpt.
    pub page_excerpts: bool,
    /// Hugo's `summaryLength`, in words (default 70; 0 makes no automatic summary).
    pub summary_length: Option<usize>,
    /// The Hexo theme's layout that calls `open_graph()`, which makes a description of the
    /// content when the page has none.
    pub open_graph: Option<PathBuf>,
}

/// A configuration file, read.
pub struct Config {
    pub path: PathBuf,
    /// Its top-level mapping.
    pub root: Value,
}

impl Config {
    /// The value at a path of keys (`["markup", "goldmark"]`).
    pub fn get(&self, keys: &[&str]) -> Option<&Value> {
        keys.iter()
            .try_fold(&self.root, |value, key| value.get(key))
    }

    /// A text value at a path of keys.
    pub fn text(&self, keys: &[&str]) -> Option<&str> {
        self.get(keys)?.as_text()
    }
}

/// Reads configuration files for a site, recording what it read and what went wrong.
pub struct Loader<'a> {
    pub root: &'a Path,
    pub boundary: &'a Path,
    facts: Facts,
}

impl<'a> Loader<'a> {
    pub fn new(root: &'a Path, boundary: &'a Path) -> Loader<'a> {
        Loader {
            root,
            boundary,
            facts: Facts {
                base_path: "/".into(),
                ..Facts::default()
            },
        }
    }

    pub fn facts(&mut self) -> &mut Facts {
        &mut self.facts
    }

    pub fn finish(self) -> Facts {
        self.facts
    }

    /// Says that `what` was assumed, for `postlint site`.
    pub fn assume(&mut self, what: impl Into<String>) {
        self.facts.assumed.push(what.into());
    }

    pub fn problem(&mut self, file: &Path, message: impl Into<String>) {
        self.facts.problems.push(ConfigProblem {
            file: file.to_owned(),
            message: message.into(),
        });
    }

    /// The text of the file at `relative` under the root, when it is a readable regular
    /// file inside the boundary and not too large; a problem naming it otherwise (but for
    /// a file that is simply not there).
    pub fn read_text(&mut self, relative: &str) -> Option<(PathBuf, String)> {
        let path = self.root.join(relative);
        let metadata = std::fs::metadata(&path).ok()?;
        if !metadata.is_file() {
            return None;
        }
        // A link may lead anywhere; only its target's place counts.
        let real = path.canonicalize().ok()?;
        let boundary = self
            .boundary
            .canonicalize()
            .unwrap_or_else(|_| self.boundary.to_owned());
        if !real.starts_with(&boundary) {
            self.problem(
                &path,
                format!(
                    "leads outside the site (to `{}`); not read, defaults assumed",
                    real.display()
                ),
            );
            return None;
        }
        if metadata.len() > MAX_CONFIG_SIZE {
            self.problem(
                &path,
                format!(
                    "is {}, over the {} a configuration may have; not read, defaults assumed",
                    crate::engine::size_text(metadata.len()),
                    crate::engine::size_text(MAX_CONFIG_SIZE)
                ),
            );
            return None;
        }
        match std::fs::read(&path).map(String::from_utf8) {
            Ok(Ok(text)) => {
                self.facts.config_files.push(path.clone());
                Some((path, text))
            }
            Ok(Err(_)) => {
                self.problem(&path, "is not valid UTF-8; not read, defaults assumed");
                None
            }
            Err(error) => {
                self.problem(&path, format!("cannot be read ({error}); defaults assumed"));
                None
            }
        }
    }

    /// Reads a YAML, TOML or JSON configuration file (told by its extension) at
    /// `relative`. A syntax error is a problem naming the file and line; the entries that
    /// could still be read are kept.
    pub fn read(&mut self, relative: &str) -> Option<Config> {
        let format = format_of(relative)?;
        let (path, text) = self.read_text(relative)?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let parsed = parse_document(text, format);
        for problem in &parsed.problems {
            let line = text[..problem.range.start.min(text.len())]
                .matches('\n')
                .count()
                + 1;
            let message = problem
                .message
                .replace("front matter is", "it is")
                .replace("front matter", "the configuration");
            self.problem(
                &path,
                format!("line {line}: {message}; the rest of it is read"),
            );
        }
        Some(Config {
            path,
            root: parsed.into_map(),
        })
    }

    /// Reads a JavaScript or TypeScript configuration at `relative` for its literal values
    /// (see [`super::js`]); what it cannot read is said to be assumed.
    pub fn read_js(&mut self, relative: &str) -> Option<Config> {
        let (path, text) = self.read_text(relative)?;
        let Some(exported) = super::js::exported(&text) else {
            self.problem(
                &path,
                "exports no object postlint can read without running it; the generator's defaults are assumed",
            );
            return Some(Config {
                path,
                root: Value {
                    kind: ValueKind::Map(Vec::new()),
                    range: 0..0,
                },
            });
        };
        if !exported.unread.is_empty() {
            let shown: Vec<String> = exported
                .unread
                .iter()
                .take(6)
                .map(|key| format!("`{key}`"))
                .collect();
            let more = exported.unread.len().saturating_sub(6);
            self.assume(format!(
                "{} in `{}` are not plain values, so they are not read{}",
                shown.join(", "),
                relative,
                if more > 0 {
                    format!(" ({more} more)")
                } else {
                    String::new()
                }
            ));
        }
        Some(Config {
            path,
            root: exported.value,
        })
    }

    /// A folder the configuration names (`key = value` in `file`), under the root; a
    /// problem and `None` when it leads outside the site.
    pub fn folder(&mut self, file: &Path, key: &str, value: &str) -> Option<PathBuf> {
        let folder = paths::configured_folder(self.root, self.boundary, value);
        if folder.is_none() && !value.trim().is_empty() {
            self.problem(
                file,
                format!(
                    "`{key}` names `{value}`, which is outside the site; the default is assumed"
                ),
            );
        }
        folder
    }
}

/// The format of a configuration file, by its extension.
pub fn format_of(name: &str) -> Option<Format> {
    let extension = name.rsplit_once('.')?.1.to_ascii_lowercase();
    match extension.as_str() {
        "yml" | "yaml" => Some(Format::Yaml),
        "toml" => Some(Format::Toml),
        "json" => Some(Format::Json),
        _ => None,
    }
}

/// Deep-merges `over` into `base`: mappings key by key (keys compared without regard to
/// case when `ignore_case`), anything else replaced.
pub fn merge(base: &mut Value, over: Value, ignore_case: bool) {
    match (&mut base.kind, over.kind) {
        (ValueKind::Map(pairs), ValueKind::Map(over_pairs)) => {
            for (key, value) in over_pairs {
                let same = |k: &Value| match (k.as_text(), key.as_text()) {
                    (Some(a), Some(b)) if ignore_case => a.eq_ignore_ascii_case(b),
                    (Some(a), Some(b)) => a == b,
                    _ => false,
                };
                match pairs.iter_mut().find(|(k, _)| same(k)) {
                    Some((_, existing)) => merge(existing, value, ignore_case),
                    None => pairs.push((key, value)),
                }
            }
        }
        (_, kind) => base.kind = kind,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::test_site as site;

    #[test]
    fn a_broken_file_is_a_problem_naming_its_line_and_the_rest_is_read() {
        let dir = site(&[("_config.yml", "title: x\nroot: /blog/\nbad: [\n")]);
        let mut loader = Loader::new(dir.path(), dir.path());
        let config = loader.read("_config.yml").unwrap();
        assert_eq!(config.text(&["root"]), Some("/blog/"));
        let facts = loader.finish();
        assert_eq!(facts.problems.len(), 1, "{:?}", facts.problems);
        assert!(facts.problems[0].file.ends_with("_config.yml"));
        assert!(
            facts.problems[0].message.starts_with("line 3:"),
            "{}",
            facts.problems[0].message
        );
    }

    #[test]
    fn huge_and_binary_files_are_refused() {
        let huge = "a: b\n".repeat(300_000);
        let dir = site(&[("config.toml", &huge)]);
        std::fs::write(dir.path().join("hugo.toml"), [0xff, 0xfe, 0x00]).unwrap();
        let mut loader = Loader::new(dir.path(), dir.path());
        assert!(loader.read("config.toml").is_none());
        assert!(loader.read("hugo.toml").is_none());
        assert!(loader.read("missing.toml").is_none());
        let problems = loader.finish().problems;
        assert_eq!(problems.len(), 2);
        assert!(problems[0].message.contains("over the 1.0 MB"));
        assert!(problems[1].message.contains("not valid UTF-8"));
    }

    #[cfg(unix)]
    #[test]
    fn a_config_linked_out_of_the_site_is_not_read() {
        let outside = site(&[("secret.yml", "root: /x/\n")]);
        let dir = site(&[]);
        std::os::unix::fs::symlink(
            outside.path().join("secret.yml"),
            dir.path().join("_config.yml"),
        )
        .unwrap();
        let mut loader = Loader::new(dir.path(), dir.path());
        assert!(loader.read("_config.yml").is_none());
        assert!(
            loader.finish().problems[0]
                .message
                .contains("outside the site")
        );
    }

    #[test]
    fn folders_outside_the_site_are_refused() {
        let dir = site(&[]);
        let mut loader = Loader::new(dir.path(), dir.path());
        assert!(
            loader
                .folder(Path::new("hugo.toml"), "contentDir", "../../etc")
                .is_none()
        );
        assert_eq!(
            loader.folder(Path::new("hugo.toml"), "contentDir", "posts"),
            Some(dir.path().join("posts"))
        );
        assert_eq!(loader.finish().problems.len(), 1);
    }

    #[test]
    fn merging_is_deep_and_may_ignore_case() {
        let dir = site(&[
            ("a.yaml", "baseURL: x\nmarkup:\n  goldmark:\n    a: 1\n"),
            ("b.toml", "baseurl = 'y'\n[markup.goldmark]\nb = 2\n"),
        ]);
        let mut loader = Loader::new(dir.path(), dir.path());
        let mut base = loader.read("a.yaml").unwrap().root;
        merge(&mut base, loader.read("b.toml").unwrap().root, true);
        assert_eq!(
            base.get_ignore_case("baseurl").unwrap().as_text(),
            Some("y")
        );
        let goldmark = base.get("markup").unwrap().get("goldmark").unwrap();
        assert!(goldmark.get("a").is_some() && goldmark.get("b").is_some());
    }
}
