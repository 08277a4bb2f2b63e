//! `postlint site`: the site model printed, as a table for people and as JSON for tests and
//! tools that compare it with what a generator builds.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;

use super::links::heading_ids;
use super::{Page, Site, Url};
use crate::config::RuleSet;
use crate::engine;
use crate::post::Post;

/// One Markdown file of the site and what the generator makes of it, or why it could not
/// be read.
pub struct Listed {
    pub path: PathBuf,
    pub page: Result<Page, String>,
    /// The page's headings, level and id as the site's generator makes it; empty for a
    /// file no one reads rendered.
    pub headings: Vec<ListedHeading>,
    /// The excerpt the generator makes of the page's body, when it makes one.
    pub automatic_excerpt: Option<ListedExcerpt>,
}

/// The excerpt a generator makes of a listed page's body.
#[derive(Debug, Clone, Serialize)]
pub struct ListedExcerpt {
    /// What it is made of (`the first paragraph, as Jekyll makes it`).
    pub how: String,
    /// Its text, when postlint can tell it (not when template tags make part of it).
    pub text: Option<String>,
}

/// A heading of a listed page.
#[derive(Debug, Clone, Serialize)]
pub struct ListedHeading {
    pub level: u8,
    /// Empty where the generator gives the heading no id; `None` where template syntax in
    /// the heading makes part of it.
    pub id: Option<String>,
}

/// Every Markdown file under `paths` (walked as `postlint check` walks them), in path
/// order, with its page.
pub fn list(paths: &[PathBuf], rules: &RuleSet) -> Vec<Listed> {
    let (files, errors) = engine::collect(paths);
    let mut listed: Vec<Listed> = files
        .par_iter()
        .map(|(path, _)| {
            let (page, headings, automatic_excerpt) = match page_of(path, rules) {
                Ok((page, headings, excerpt)) => (Ok(page), headings, excerpt),
                Err(message) => (Err(message), Vec::new(), None),
            };
            Listed {
                path: path.clone(),
                page,
                headings,
                automatic_excerpt,
            }
        })
        .collect();
    let errors = errors.into_iter().map(|report| Listed {
        headings: Vec::new(),
        automatic_excerpt: None,
        page: Err(report
            .diagnostics
            .first()
            .map_or_else(String::new, |d| d.finding.message.clone())),
        path: report.path,
    });
    engine::merge_by_path(&mut listed, errors, |listed| &listed.path);
    listed
}

/// What a listed file is: its page, its headings, its automatic excerpt.
type Read = (Page, Vec<ListedHeading>, Option<ListedExcerpt>);

fn page_of(path: &Path, rules: &RuleSet) -> Result<Read, String> {
    let site = &rules.context.site;
    if let Some(page) = site.by_path(path) {
        return Ok((page, Vec::new(), None));
    }
    let source = engine::read_limited(path, rules.max_file_size)?;
    let post = Post::parse_in(path, source, site, &rules.context.profile);
    let headings = match site.id_scheme() {
        Some(scheme) if crate::site::RENDERED.contains(&post.page.kind) => post
            .headings
            .iter()
            .zip(heading_ids(&post, scheme))
            .map(|(heading, id)| ListedHeading {
                level: heading.level,
                id,
            })
            .collect(),
        _ => Vec::new(),
    };
    let excerpt = super::excerpt::automatic(&post, site, &rules.context.profile).map(|automatic| {
        ListedExcerpt {
            how: automatic.how.clone(),
            text: automatic.known.then(|| automatic.text.clone()),
        }
    });
    Ok((post.page, headings, excerpt))
}

/// The JSON document's shape: documented in the README, stable across versions.
#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    generator: &'a str,
    detected: &'a str,
    root: Option<String>,
    config_files: Vec<String>,
    assumed: &'a [String],
    problems: Vec<JsonProblem>,
    base_path: &'a str,
    content_roots: Vec<String>,
    static_roots: Vec<String>,
    languages: &'a [String],
    heading_id_scheme: Option<&'static str>,
    files: Vec<JsonFile<'a>>,
}

#[derive(Serialize)]
struct JsonProblem {
    file: String,
    message: String,
}

#[derive(Serialize)]
struct JsonFile<'a> {
    path: String,
    kind: &'a str,
    url: Option<&'a str>,
    url_status: &'a str,
    url_note: Option<&'a str>,
    why: Option<&'a str>,
    lang: Option<&'a str>,
    draft: bool,
    collection: Option<&'a str>,
    slug: Option<&'a str>,
    aliases: &'a [String],
    home: bool,
    headings: &'a [ListedHeading],
    automatic_excerpt: Option<&'a ListedExcerpt>,
}

/// A folder of the site as shown: relative to the root when it is under it.
pub fn shown(site: &Site, path: &Path) -> String {
    let relative = site
        .root
        .as_ref()
        .and_then(|root| path.strip_prefix(root).ok());
    match relative {
        Some(relative) if relative.as_os_str().is_empty() => ".".into(),
        Some(relative) => relative.to_string_lossy().into_owned(),
        None => path.to_string_lossy().into_owned(),
    }
}

/// What a URL is, for the table and the JSON.
fn url_parts(page: &Page) -> (Option<&str>, &'static str, Option<&str>) {
    match &page.url {
        Some(Url::Known(url)) => (Some(url), "known", None),
        Some(Url::Assumed(url)) => (
            Some(url),
            "assumed",
            Some("no generator is known: the folder and the slug"),
        ),
        Some(Url::Partial { pattern, why }) => (Some(pattern), "partial", Some(why)),
        Some(Url::Unknown(why)) => (None, "unknown", Some(why)),
        None => (None, "none", None),
    }
}

pub fn write_json(site: &Site, listed: &[Listed], out: &mut dyn Write) -> io::Result<()> {
    let files = listed
        .iter()
        .map(|listed| {
            let path = listed.path.to_string_lossy().into_owned();
            match &listed.page {
                Ok(page) => {
                    let (url, url_status, url_note) = url_parts(page);
                    JsonFile {
                        path,
                        kind: page.kind.name(),
                        url,
                        url_status,
                        url_note,
                        why: page.why.as_deref(),
                        lang: page.lang.as_deref(),
                        draft: page.draft,
                        collection: page.collection.as_deref(),
                        slug: page.slug.as_ref().map(|slug| slug.text.as_str()),
                        aliases: &page.aliases,
                        home: page.home,
                        headings: &listed.headings,
                        automatic_excerpt: listed.automatic_excerpt.as_ref(),
                    }
                }
                Err(message) => JsonFile {
                    path,
                    kind: "unreadable",
                    url: None,
                    url_status: "none",
                    url_note: None,
                    why: Some(message),
                    lang: None,
                    draft: false,
                    collection: None,
                    slug: None,
                    aliases: &[],
                    home: false,
                    headings: &[],
                    automatic_excerpt: None,
                },
            }
        })
        .collect();
    let facts = &site.facts;
    let document = Document {
        version: 1,
        generator: site.generator.name(),
        detected: &site.reason,
        root: site
            .root
            .as_ref()
            .map(|root| root.to_string_lossy().into_owned()),
        config_files: facts
            .config_files
            .iter()
            .map(|file| shown(site, file))
            .collect(),
        assumed: &facts.assumed,
        problems: facts
            .problems
            .iter()
            .map(|problem| JsonProblem {
                file: shown(site, &problem.file),
                message: problem.message.clone(),
            })
            .collect(),
        base_path: &facts.base_path,
        content_roots: facts
            .content_roots
            .iter()
            .map(|dir| shown(site, dir))
            .collect(),
        static_roots: facts
            .static_roots
            .iter()
            .map(|dir| shown(site, dir))
            .collect(),
        languages: &facts.languages,
        heading_id_scheme: site.id_scheme().map(|scheme| scheme.name()),
        files,
    };
    serde_json::to_writer_pretty(&mut *out, &document).map_err(io::Error::other)?;
    writeln!(out)
}

pub fn write_human(site: &Site, listed: &[Listed], out: &mut dyn Write) -> io::Result<()> {
    let facts = &site.facts;
    writeln!(out, "generator: {} ({})", site.generator, site.reason)?;
    if let Some(root) = &site.root {
        writeln!(out, "root: {}", root.display())?;
    }
    let list = |dirs: &[PathBuf]| {
        if dirs.is_empty() {
            "none".to_owned()
        } else {
            dirs.iter()
                .map(|dir| shown(site, dir))
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    writeln!(out, "configuration: {}", list(&facts.config_files))?;
    writeln!(out, "content: {}", list(&facts.content_roots))?;
    writeln!(out, "static: {}", list(&facts.static_roots))?;
    writeln!(out, "base path: {}", facts.base_path)?;
    if !facts.languages.is_empty() {
        writeln!(out, "languages: {}", facts.languages.join(", "))?;
    }
    for assumed in &facts.assumed {
        writeln!(out, "assumed: {assumed}")?;
    }
    for problem in &facts.problems {
        writeln!(
            out,
            "problem: {}: {}",
            shown(site, &problem.file),
            problem.message
        )?;
    }
    writeln!(out)?;
    let rows: Vec<[String; 3]> = listed
        .iter()
        .map(|listed| {
            let path = listed.path.display().to_string();
            match &listed.page {
                Ok(page) => {
                    let mut kind = page.kind.name().to_owned();
                    if page.draft {
                        kind.push_str(" (draft)");
                    }
                    if let Some(lang) = &page.lang {
                        kind.push_str(&format!(" [{lang}]"));
                    }
                    let url = match url_parts(page) {
                        (Some(url), "known", _) => url.to_owned(),
                        (Some(url), "assumed", _) => format!("{url} (assumed)"),
                        (Some(pattern), _, Some(why)) => format!("{pattern} ({why})"),
                        (None, _, Some(why)) => format!("? ({why})"),
                        _ => format!("— ({})", page.why.as_deref().unwrap_or("not published")),
                    };
                    [kind, url, path]
                }
                Err(message) => ["unreadable".into(), format!("— ({message})"), path],
            }
        })
        .collect();
    let kind_width = rows
        .iter()
        .map(|row| row[0].chars().count())
        .max()
        .unwrap_or(4)
        .max(4);
    writeln!(out, "{:kind_width$}  {:40}  file", "kind", "url")?;
    for [kind, url, path] in rows {
        writeln!(out, "{kind:kind_width$}  {url:40}  {path}")?;
    }
    Ok(())
}
