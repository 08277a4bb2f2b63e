//! `cover-not-found`: the cover image names a local file that does not exist.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::{Context, Rule};
use crate::diagnostic::Finding;
use crate::profile::Generator;
use crate::site::{PostSummary, clean_target};

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CoverNotFound {}

/// Where the generator may find a file written as `target` in the post at `post_path`,
/// most likely first. An absolute path is served from the static folders of the site
/// root (and of its themes); a relative one is next to the post (a page bundle, Astro's
/// relative imports, Hexo's post asset folder), or, as some themes read it, under the root.
pub fn candidates(target: &str, post_path: &Path, context: &Context) -> Vec<PathBuf> {
    let target = clean_target(target);
    let profile = &context.profile;
    let mut found = Vec::new();
    let under_static = |root: &Path, found: &mut Vec<PathBuf>, relative: &str| {
        for dir in profile.static_dirs {
            found.push(root.join(dir).join(relative));
        }
        let themes = match profile.generator {
            Generator::Hexo => Some("source"),
            Generator::Hugo | Generator::Zola => Some("static"),
            _ => None,
        };
        if let Some(folder) = themes
            && let Ok(entries) = std::fs::read_dir(root.join("themes"))
        {
            let mut themes: Vec<PathBuf> =
                entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
            themes.sort();
            for theme in themes {
                found.push(theme.join(folder).join(relative));
            }
        }
        if profile.generator == Generator::Hugo {
            found.push(root.join("assets").join(relative));
        }
    };
    if let Some(relative) = target.strip_prefix('/') {
        if let Some(root) = &context.site_root {
            under_static(root, &mut found, relative);
        }
    } else {
        let dir = post_path.parent().unwrap_or(Path::new(""));
        found.push(dir.join(&target));
        if let Some(stem) = post_path.file_stem() {
            found.push(dir.join(stem).join(&target));
        }
        if let Some(root) = &context.site_root {
            under_static(root, &mut found, &target);
            found.push(root.join(&target));
        }
    }
    found
}

/// Looks files up once each: many posts share a default cover or link the same file.
#[derive(Default)]
pub struct FileLookup {
    exists: HashMap<PathBuf, bool>,
}

/// Where a target was looked for, when it was not found.
pub enum Lookup {
    Found,
    /// Nowhere to look: an absolute path on a site whose root is unknown.
    Unknown,
    Missing(Vec<PathBuf>),
}

impl FileLookup {
    pub fn find(&mut self, target: &str, post_path: &Path, context: &Context) -> Lookup {
        let places = candidates(target, post_path, context);
        if places.is_empty() {
            return Lookup::Unknown;
        }
        let exists = &mut self.exists;
        let found = places.iter().any(|place| {
            *exists
                .entry(place.clone())
                .or_insert_with(|| place.is_file())
        });
        if found {
            Lookup::Found
        } else {
            Lookup::Missing(places)
        }
    }
}

/// "`static/images/a.png`, `assets/images/a.png` and 2 more", relative to the site root.
pub fn places_text(places: &[PathBuf], root: Option<&Path>, shown: usize) -> String {
    let listed = places
        .iter()
        .take(shown)
        .map(|place| {
            let place = root
                .and_then(|root| place.strip_prefix(root).ok())
                .unwrap_or(place);
            format!("`{}`", place.display())
        })
        .collect::<Vec<_>>()
        .join(", ");
    if places.len() > shown {
        format!("{listed} and {} more", places.len() - shown)
    } else {
        listed
    }
}

impl Rule for CoverNotFound {
    fn check(&self, _: &crate::post::Post, _: &Context, _: &mut Vec<Finding>) {}

    fn is_site_wide(&self) -> bool {
        true
    }

    fn check_site(
        &self,
        posts: &[PostSummary],
        context: &Context,
        findings: &mut Vec<(usize, Finding)>,
    ) {
        let mut lookup = FileLookup::default();
        for (index, post) in posts.iter().enumerate() {
            let Some(cover) = &post.cover else { continue };
            let Lookup::Missing(places) = lookup.find(&cover.text, &post.path, context) else {
                continue;
            };
            let looked = places_text(&places, context.site_root.as_deref(), 3);
            findings.push((
                index,
                Finding::new(
                    cover.range.clone(),
                    format!("cover image `{}` does not exist", cover.text),
                )
                .label("no such file")
                .help(format!(
                    "looked for {looked}; fix the path, or add the image (remote URLs are not checked)"
                )),
            ));
        }
    }
}
