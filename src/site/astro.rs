//! Astro (5 to 7): `astro.config.*` read for its literal values, content collections of
//! `src/content.config.*` (their glob loaders, ids and schemas), the routes of
//! `src/pages`, and Markdown pages in `src/pages`.
//!
//! Sources: withastro/astro `packages/astro/src/content/loaders/glob.ts`
//! (`generateIdDefault`), `src/core/routing/create-manifest.ts`, `src/core/build/common.ts`,
//! checked against an Astro 7.4 build of the shared site.

use std::path::{Path, PathBuf};

use globset::{GlobBuilder, GlobMatcher};

use super::config_file::Loader;
use super::heading_ids::github_slug;
use super::js::{CollectionDecl, collections};
use super::{File, Kind, Model, Page, Url, generic, slug};
use crate::post::Value;
use crate::post::front_matter::Syntax;
use crate::profile::Profile;

#[derive(Debug)]
struct Collection {
    decl: CollectionDecl,
    /// The loader's base folder, from the root.
    base: String,
    pattern: Option<GlobMatcher>,
    /// The URL prefix of the page that routes this collection's entries by `id`.
    route: Option<String>,
}

#[derive(Debug)]
pub struct Astro {
    src_dir: String,
    base: String,
    /// `build.format`: `directory` gives `/about/`, `file` and `preserve` `/about.html`.
    directory_urls: bool,
    collections: Vec<Collection>,
}

pub fn load(loader: &mut Loader) -> Astro {
    let config = ["mjs", "js", "ts", "mts", "cjs", "cts"]
        .iter()
        .find_map(|extension| loader.read_js(&format!("astro.config.{extension}")));
    let root_value = config.as_ref().map(|c| c.root.clone());
    let get = |keys: &[&str]| {
        root_value
            .as_ref()
            .and_then(|v| keys.iter().try_fold(v, |value, key| value.get(key)))
    };
    let file = config.as_ref().map(|c| c.path.clone()).unwrap_or_default();
    let src_dir = match get(&["srcDir"]).and_then(Value::as_text) {
        Some(dir) if loader.folder(&file, "srcDir", dir).is_some() => {
            dir.trim_start_matches("./").trim_matches('/').to_owned()
        }
        _ => "src".to_owned(),
    };
    let base = match get(&["base"]).and_then(Value::as_text) {
        Some(base) => format!("/{}/", base.trim_matches('/')).replace("//", "/"),
        None => "/".into(),
    };
    let directory_urls = !matches!(
        get(&["build", "format"]).and_then(Value::as_text),
        Some("file" | "preserve")
    );
    let mut declared = Vec::new();
    for extension in ["mjs", "js", "mts", "ts"] {
        let name = format!("{src_dir}/content.config.{extension}");
        if let Some((_, text)) = loader.read_text(&name) {
            declared = collections(&text);
            break;
        }
    }
    let root = loader.root.to_owned();
    let routes = collection_routes(&root.join(&src_dir).join("pages"));
    let collections = declared
        .into_iter()
        .filter(|decl| decl.glob)
        .map(|decl| {
            let base = decl
                .base
                .as_deref()
                .unwrap_or(".")
                .trim_start_matches("./")
                .trim_matches('/')
                .to_owned();
            let base = if base == "." { String::new() } else { base };
            let pattern = decl.pattern.as_deref().and_then(|pattern| {
                GlobBuilder::new(pattern)
                    .literal_separator(true)
                    .build()
                    .ok()
                    .map(|glob| glob.compile_matcher())
            });
            let route = routes
                .iter()
                .find(|(name, _)| *name == decl.name)
                .map(|(_, prefix)| prefix.clone());
            Collection {
                decl,
                base,
                pattern,
                route,
            }
        })
        .collect::<Vec<_>>();
    if config.is_none() {
        loader.assume("no readable `astro.config.*`: Astro's defaults");
    }
    let facts = loader.facts();
    facts.base_path = base.clone();
    facts.content_roots = std::iter::once(root.join(&src_dir).join("pages"))
        .chain(collections.iter().map(|c| root.join(&c.base)))
        .collect();
    facts.static_roots = vec![root.join("public")];
    Astro {
        src_dir,
        base,
        directory_urls,
        collections,
    }
}

/// The pages that route a collection's entries by id: `src/pages/blog/[...slug].astro`
/// calling `getCollection("blog")` and passing `post.id` as its parameter gives the
/// collection `blog` the prefix `/blog/`.
fn collection_routes(pages: &Path) -> Vec<(String, String)> {
    let mut routes = Vec::new();
    let mut stack: Vec<(PathBuf, String)> = vec![(pages.to_owned(), String::new())];
    let mut visited = 0;
    while let Some((dir, prefix)) = stack.pop() {
        visited += 1;
        if visited > 256 {
            break;
        }
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten().take(512) {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if path.is_dir() {
                if !name.starts_with(['_', '.']) && !name.starts_with('[') {
                    stack.push((path, format!("{prefix}{name}/")));
                }
                continue;
            }
            let Some(param) = name
                .strip_suffix(".astro")
                .and_then(|stem| stem.strip_prefix('['))
                .and_then(|stem| stem.strip_suffix(']'))
            else {
                continue;
            };
            let param = param.trim_start_matches("...");
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            let uses_id = text.contains(&format!("{param}: ")) && text.contains(".id");
            for quote in ['"', '\''] {
                let mut rest = text.as_str();
                while let Some(at) = rest.find(&format!("getCollection({quote}")) {
                    let after = &rest[at + "getCollection(".len() + 1..];
                    if let Some(end) = after.find(quote)
                        && uses_id
                    {
                        routes.push((after[..end].to_owned(), prefix.clone()));
                    }
                    rest = after;
                }
            }
        }
    }
    routes.sort();
    routes
}

fn unpublished(why: impl Into<String>) -> Option<Page> {
    Some(Page::not_published(Kind::Unpublished, why))
}

impl Astro {
    fn collection<'a>(&self, relative: &'a str) -> Option<(&Collection, &'a str)> {
        self.collections.iter().find_map(|collection| {
            let rest = if collection.base.is_empty() {
                relative
            } else {
                relative
                    .strip_prefix(collection.base.as_str())?
                    .strip_prefix('/')?
            };
            let matched = match &collection.pattern {
                Some(pattern) => pattern.is_match(rest),
                None => rest.ends_with(".md"),
            };
            (matched && !rest.split('/').any(|part| part.starts_with('.')))
                .then_some((collection, rest))
        })
    }

    fn url(&self, path: &str) -> Url {
        Url::Known(self.address(path))
    }

    /// The address of a route's path: the base before it, and the form `build.format`
    /// gives it.
    fn address(&self, path: &str) -> String {
        let path = path.trim_matches('/');
        if path.is_empty() {
            self.base.clone()
        } else if self.directory_urls {
            format!("{}{path}/", self.base)
        } else {
            format!("{}{path}.html", self.base)
        }
    }
}

impl Model for Astro {
    fn by_path(&self, relative: &str) -> Option<Page> {
        if let Some((_, rest)) = self.collection(relative) {
            if !rest.ends_with(".md") {
                return unpublished("Astro's Markdown entries are `.md` files");
            }
            return None;
        }
        let pages = format!("{}/pages/", self.src_dir);
        if let Some(rest) = relative.strip_prefix(&pages) {
            let parts: Vec<&str> = rest.split('/').collect();
            if parts.iter().any(|part| part.starts_with(['_', '.'])) {
                return unpublished("not a route: a part of its path starts with `_` or `.`");
            }
            return None;
        }
        if let Some(document) = generic::repository_document(Path::new(relative)) {
            return Some(document);
        }
        unpublished("neither a page in `src/pages` nor an entry of a content collection")
    }

    fn page(&self, file: &File<'_>, _: &Profile) -> Page {
        let post = file.post;
        let relative = file.relative.unwrap_or_default();
        if let Some((collection, rest)) = self.collection(relative) {
            let mut page = Page::new(Kind::Post, Url::Unknown(String::new()));
            page.collection = Some(collection.decl.name.clone());
            let own_slug = post
                .value("slug")
                .filter(|v| v.as_text().is_some_and(|t| !t.is_empty()));
            let id = match own_slug {
                Some(value) => page.set_by(post, value, "slug").to_owned(),
                None => {
                    let stem = rest.rsplit_once('.').map_or(rest, |(stem, _)| stem);
                    let id: Vec<String> = stem.split('/').map(github_slug).collect();
                    let id = id.join("/");
                    let id = id.strip_suffix("/index").unwrap_or(&id).to_owned();
                    page.slug = slug::from_path(post, "slug").map(|mut derived| {
                        derived.text = id.rsplit('/').next().unwrap_or(&id).to_owned();
                        derived
                    });
                    id
                }
            };
            let in_code = format!(
                "the `{}` collection's `generateId` makes its ids in code",
                collection.decl.name
            );
            page.url = Some(match (&collection.route, collection.decl.custom_id) {
                (Some(prefix), true) => {
                    page.slug = None;
                    Url::Partial {
                        pattern: self.address(&format!("{prefix}:id")),
                        why: in_code,
                    }
                }
                (None, true) => {
                    page.slug = None;
                    Url::Unknown(in_code)
                }
                (Some(prefix), false) => self.url(&format!("{prefix}{id}")),
                (None, false) => Url::Unknown(format!(
                    "no page in `src/pages` routes the `{}` collection by `id`",
                    collection.decl.name
                )),
            });
            page.schema_keys = collection
                .decl
                .fields
                .iter()
                .map(|field| field.name.clone())
                .collect();
            // A date the schema requires, which the entry does not give.
            page.needs_date = collection
                .decl
                .fields
                .iter()
                .any(|field| field.required && field.date);
            return page;
        }
        let pages = format!("{}/pages/", self.src_dir);
        let rest = relative.strip_prefix(&pages).unwrap_or(relative);
        let stem = rest.rsplit_once('.').map_or(rest, |(stem, _)| stem);
        let path = match stem.rsplit_once('/') {
            Some((dir, "index")) => dir.to_owned(),
            None if stem == "index" => String::new(),
            _ => stem.to_owned(),
        };
        let mut page = Page::new(Kind::Page, self.url(&path));
        if !stem.ends_with("index") {
            page.slug = slug::from_path(post, "slug");
        }
        page
    }

    fn syntax(&self) -> Syntax {
        Syntax::LeadingBlankLines
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::TestSite;

    #[test]
    fn collections_routed_by_id_and_pages() {
        let site = TestSite::new(
            &[
                (
                    "astro.config.mjs",
                    "export default defineConfig({ site: 'https://x.org' })",
                ),
                (
                    "src/content.config.ts",
                    r#"const blog = defineCollection({ loader: glob({ base: "./src/content/blog", pattern: "**/*.md" }), schema: z.object({ title: z.string(), pubDate: z.coerce.date() }) });
                       const notes = defineCollection({ loader: glob({ base: "./notes", pattern: "**/*.md", generateId: ({ entry }) => entry }) });
                       export const collections = { blog, notes };"#,
                ),
                (
                    "src/pages/blog/[...slug].astro",
                    "---\nconst posts = await getCollection('blog');\nreturn posts.map((post) => ({ params: { slug: post.id } }));\n---\n",
                ),
                ("src/content/blog/Hello World.md", "---\ntitle: x\n---\n"),
                ("src/content/blog/sub/index.md", "---\ntitle: x\n---\n"),
                (
                    "src/content/blog/custom.md",
                    "---\nslug: Custom/Path Here\n---\n",
                ),
                ("notes/a.md", "---\ntitle: x\n---\n"),
                ("src/pages/about.md", "---\ntitle: About\n---\n"),
                ("src/pages/_draft.md", ""),
                ("README.md", "# x"),
            ],
            load,
        );
        assert_eq!(
            site.known("src/content/blog/Hello World.md"),
            "/blog/hello-world/"
        );
        assert_eq!(site.known("src/content/blog/sub/index.md"), "/blog/sub/");
        assert_eq!(
            site.known("src/content/blog/custom.md"),
            "/blog/Custom/Path Here/"
        );
        assert!(matches!(site.url("notes/a.md"), Some(Url::Unknown(_))));
        assert_eq!(site.known("src/pages/about.md"), "/about/");
        assert_eq!(site.url("src/pages/_draft.md"), None);
        assert_eq!(site.kind_by_path("README.md"), Some(Kind::Document));
    }

    #[test]
    fn github_slugs() {
        assert_eq!(github_slug("Hello World"), "hello-world");
        assert_eq!(github_slug("foo.bar"), "foobar");
        assert_eq!(
            github_slug("Ünïcode Café! (v2) & more"),
            "ünïcode-café-v2--more"
        );
    }
}
