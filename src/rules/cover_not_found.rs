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
        // Many posts share a default cover: look each file up once.
        let mut exists: HashMap<PathBuf, bool> = HashMap::new();
        for (index, post) in posts.iter().enumerate() {
            let Some(cover) = &post.cover else { continue };
            let places = candidates(&cover.text, &post.path, context);
            if places.is_empty() {
                // An absolute path on a site whose root is unknown: nothing to check.
                continue;
            }
            let found = places.iter().any(|place| {
                *exists
                    .entry(place.clone())
                    .or_insert_with(|| place.is_file())
            });
            if found {
                continue;
            }
            let shown: Vec<String> = places
                .iter()
                .take(3)
                .map(|place| {
                    let place = context
                        .site_root
                        .as_ref()
                        .and_then(|root| place.strip_prefix(root).ok())
                        .unwrap_or(place);
                    format!("`{}`", place.display())
                })
                .collect();
            let more = if places.len() > 3 {
                format!(" and {} more", places.len() - 3)
            } else {
                String::new()
            };
            findings.push((
                index,
                Finding::new(
                    cover.range.clone(),
                    format!("cover image `{}` does not exist", cover.text),
                )
                .label("no such file")
                .help(format!(
                    "looked for {}{more}; fix the path, or add the image (remote URLs are not checked)",
                    shown.join(", ")
                )),
            ));
        }
    }
}
