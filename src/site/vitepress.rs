//! VitePress (1 and 2): `.vitepress/config.*` read for its literal values, every `.md`
//! under `srcDir` a page (but `node_modules`, `dist`, hidden paths and `srcExclude`),
//! `rewrites`, `cleanUrls`, `base` and locales.
//!
//! Sources: vuejs/vitepress `src/node/config.ts`, `src/node/plugins/{dynamicRoutesPlugin,
//! rewritesPlugin}.ts`, `src/node/build/render.ts`, checked against a VitePress
//! 2.0.0-alpha.19 build of the shared site.

use std::path::Path;

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use regex::Regex;

use super::config_file::Loader;
use super::{File, Kind, Model, Page, Url, generic, slug};
use crate::post::Value;
use crate::profile::Profile;

#[derive(Debug)]
pub struct Vitepress {
    /// `srcDir`, from the root, without slashes around it (empty for the root itself).
    src_dir: String,
    exclude: Option<GlobSet>,
    base: String,
    clean_urls: bool,
    rewrites: Vec<Rewrite>,
    locales: Vec<String>,
}

/// A static `rewrites` entry: a path-to-regexp pattern and what it becomes.
#[derive(Debug)]
struct Rewrite {
    from: Regex,
    to: String,
}

pub fn load(loader: &mut Loader) -> Vitepress {
    let names = ["js", "ts", "mjs", "mts"]
        .iter()
        .flat_map(|ext| {
            [
                format!(".vitepress/config/index.{ext}"),
                format!(".vitepress/config.{ext}"),
            ]
        })
        .collect::<Vec<_>>();
    let config = names.iter().find_map(|name| loader.read_js(name));
    if config.is_none() {
        loader.assume("no readable `.vitepress/config.*`: VitePress's defaults");
    }
    let root_value = config.as_ref().map(|c| c.root.clone());
    let get = |key: &str| root_value.as_ref().and_then(|v| v.get(key));
    let file = config.as_ref().map(|c| c.path.clone()).unwrap_or_default();
    let src_dir = match get("srcDir").and_then(Value::as_text) {
        Some(dir) if loader.folder(&file, "srcDir", dir).is_some() => {
            dir.trim_start_matches("./").trim_matches('/').to_owned()
        }
        _ => String::new(),
    };
    let src_dir = if src_dir == "." {
        String::new()
    } else {
        src_dir
    };
    let exclude = get("srcExclude").and_then(|value| {
        let mut builder = GlobSetBuilder::new();
        for pattern in value.items().iter().filter_map(Value::as_text) {
            if let Ok(glob) = GlobBuilder::new(pattern).literal_separator(true).build() {
                builder.add(glob);
            }
        }
        builder.build().ok()
    });
    let base = match get("base").and_then(Value::as_text) {
        Some(base) => format!("/{}/", base.trim_matches('/')).replace("//", "/"),
        None => "/".into(),
    };
    let clean_urls = get("cleanUrls").and_then(Value::as_bool).unwrap_or(false);
    let rewrites = get("rewrites")
        .map(|value| {
            value
                .entries()
                .filter_map(|(from, to)| {
                    Some(Rewrite {
                        from: pattern_regex(from.as_text()?)?,
                        to: to.as_text()?.to_owned(),
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    let locales: Vec<String> = get("locales")
        .map(|value| {
            value
                .entries()
                .filter_map(|(key, _)| key.as_text())
                .filter(|key| *key != "root")
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    let root = loader.root.to_owned();
    let src = root.join(&src_dir);
    let facts = loader.facts();
    facts.base_path = base.clone();
    facts.content_roots = vec![src.clone()];
    facts.static_roots = vec![src.join("public")];
    Vitepress {
        src_dir,
        exclude,
        base,
        clean_urls,
        rewrites,
        locales,
    }
}

/// A path-to-regexp 6 pattern (`en/:rest*`, `packages/:pkg/src/:page.md`) as a regular
/// expression with a named group per parameter, matched without regard to case.
fn pattern_regex(pattern: &str) -> Option<Regex> {
    let mut regex = String::from("(?i)^");
    let mut rest = pattern;
    while !rest.is_empty() {
        let Some(colon) = rest.find(':') else {
            regex.push_str(&regex::escape(rest));
            break;
        };
        let (literal, after) = rest.split_at(colon);
        let name_len = after[1..]
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(after.len() - 1);
        let name = &after[1..1 + name_len];
        let modifier = after[1 + name_len..]
            .chars()
            .next()
            .filter(|c| "*+?".contains(*c));
        let slash_before = literal.ends_with('/');
        let literal = if slash_before && matches!(modifier, Some('*' | '?')) {
            &literal[..literal.len() - 1]
        } else {
            literal
        };
        regex.push_str(&regex::escape(literal));
        let one = "[^/#?]+?";
        let group = match modifier {
            Some('*') => format!("(?:/(?P<{name}>{one}(?:/{one})*))?"),
            Some('+') => format!("(?P<{name}>{one}(?:/{one})*)"),
            Some('?') => format!("(?:/(?P<{name}>{one}))?"),
            _ => format!("(?P<{name}>{one})"),
        };
        let group = if slash_before && matches!(modifier, Some('*' | '?')) {
            group
        } else {
            group.replacen("(?:/(", "(?:(", 1)
        };
        regex.push_str(&group);
        rest = &after[1 + name_len + modifier.map_or(0, char::len_utf8)..];
    }
    regex.push_str("[/#?]?$");
    Regex::new(&regex).ok()
}

fn unpublished(why: impl Into<String>) -> Option<Page> {
    Some(Page::not_published(Kind::Unpublished, why))
}

impl Vitepress {
    fn in_src<'a>(&self, relative: &'a str) -> Option<&'a str> {
        if self.src_dir.is_empty() {
            return (!relative.starts_with("../")).then_some(relative);
        }
        relative
            .strip_prefix(self.src_dir.as_str())?
            .strip_prefix('/')
    }

    /// The page's path after `rewrites`: the first rule that matches.
    fn rewritten(&self, page: &str) -> String {
        for rewrite in &self.rewrites {
            let Some(captures) = rewrite.from.captures(page) else {
                continue;
            };
            let mut out = String::new();
            let mut rest = rewrite.to.as_str();
            while let Some(colon) = rest.find(':') {
                out.push_str(&rest[..colon]);
                let after = &rest[colon + 1..];
                let len = after
                    .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                    .unwrap_or(after.len());
                let name = &after[..len];
                let value = captures.name(name).map_or("", |m| m.as_str());
                out.push_str(value);
                let modifier = after[len..].chars().next().filter(|c| "*+?".contains(*c));
                rest = &after[len + modifier.map_or(0, char::len_utf8)..];
            }
            out.push_str(rest);
            return out.trim_start_matches('/').to_owned();
        }
        page.to_owned()
    }
}

impl Model for Vitepress {
    fn by_path(&self, relative: &str) -> Option<Page> {
        let Some(page) = self.in_src(relative) else {
            if let Some(document) = generic::repository_document(Path::new(relative)) {
                return Some(document);
            }
            return unpublished("outside `srcDir`, the folder VitePress publishes");
        };
        let parts: Vec<&str> = page.split('/').collect();
        if parts.iter().any(|part| part.starts_with('.')) {
            return unpublished("hidden: a part of its path starts with `.`");
        }
        if parts
            .iter()
            .any(|part| matches!(*part, "node_modules" | "dist"))
        {
            return unpublished("in `node_modules` or a `dist` folder, which VitePress skips");
        }
        if !page.ends_with(".md") {
            return unpublished("VitePress reads only `.md` files, in lowercase");
        }
        if self.exclude.as_ref().is_some_and(|set| set.is_match(page)) {
            return unpublished("matched by `srcExclude`");
        }
        if page.contains('[') && page.contains(']') {
            return Some(Page::new(
                Kind::Page,
                Url::Unknown("a dynamic route: its pages come from a `.paths` file's code".into()),
            ));
        }
        None
    }

    fn page(&self, file: &File<'_>, _: &Profile) -> Page {
        let relative = file.relative.unwrap_or_default();
        let source = self.in_src(relative).unwrap_or(relative);
        let dest = self.rewritten(source);
        let path = match dest.strip_suffix("index.md") {
            Some(dir) if dir.is_empty() || dir.ends_with('/') => dir.to_owned(),
            _ => {
                let stem = dest.strip_suffix(".md").unwrap_or(&dest);
                if self.clean_urls {
                    stem.to_owned()
                } else {
                    format!("{stem}.html")
                }
            }
        };
        let mut page = Page::new(Kind::Page, Url::Known(format!("{}{path}", self.base)));
        if !self.locales.is_empty() {
            let locale = self
                .locales
                .iter()
                .find(|locale| dest.starts_with(&format!("{locale}/")))
                .map_or("root", String::as_str);
            page.lang = Some(locale.to_owned());
        }
        if !path.is_empty() && !path.ends_with('/') {
            page.slug = slug::from_path(file.post, "slug");
        }
        page
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::TestSite;

    #[test]
    fn rewrites_clean_urls_and_exclusions() {
        let site = TestSite::new(
            &[
                (
                    ".vitepress/config.ts",
                    "export default defineConfig({ rewrites: { 'en/:rest*': ':rest*', 'packages/:pkg/src/:page.md': ':pkg/:page.md' }, cleanUrls: true, srcExclude: ['**/README.md'], locales: { root: {}, zh: {} } })",
                ),
                ("en/index.md", ""),
                ("en/guide/routing.md", ""),
                ("zh/guide/routing.md", ""),
                ("packages/foo/src/bar.md", ""),
                ("snippets/README.md", ""),
                ("dist/x.md", ""),
            ],
            load,
        );
        assert_eq!(site.known("en/index.md"), "/");
        assert_eq!(site.known("en/guide/routing.md"), "/guide/routing");
        assert_eq!(site.known("zh/guide/routing.md"), "/zh/guide/routing");
        assert_eq!(site.known("packages/foo/src/bar.md"), "/foo/bar");
        assert_eq!(site.url("snippets/README.md"), None);
        assert_eq!(site.url("dist/x.md"), None);
    }

    #[test]
    fn html_urls_without_clean_urls() {
        let site = TestSite::new(
            &[(
                ".vitepress/config.mts",
                "export default { srcDir: 'docs', base: '/site' }",
            )],
            load,
        );
        assert_eq!(
            site.known_with("docs/guide/foo.md", ""),
            "/site/guide/foo.html"
        );
        assert_eq!(site.known_with("docs/guide/index.md", ""), "/site/guide/");
        assert_eq!(site.url_with("README.md", "# x"), None);
    }
}
