//! `cover-not-found`: the cover image names a local file that does not exist.

use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::{Context, Rule};
use crate::diagnostic::Finding;
use crate::post::Post;
use crate::profile::Generator;
use crate::site::{clean_target, local_cover};

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
        if let Some(folder) = themes {
            for theme in context.theme_dirs() {
                found.push(theme.join(folder).join(relative));
            }
        }
        if profile.generator == Generator::Hugo {
            found.push(root.join("assets").join(relative));
        }
    };
    if let Some(relative) = target.strip_prefix('/') {
        if let Some(root) = &context.site.root {
            under_static(root, &mut found, relative);
        }
    } else {
        let dir = post_path.parent().unwrap_or(Path::new(""));
        found.push(dir.join(&target));
        if let Some(stem) = post_path.file_stem() {
            found.push(dir.join(stem).join(&target));
        }
        if let Some(root) = &context.site.root {
            under_static(root, &mut found, &target);
            found.push(root.join(&target));
        }
    }
    found
}

/// Where a target was looked for, when it was not found.
pub enum Lookup {
    Found,
    /// Nowhere to look: an absolute path on a site whose root is unknown.
    Unknown,
    Missing(Vec<PathBuf>),
}

/// Looks for the file `target` names, as written in the post at `post_path`: only whether
/// it exists, never what it holds.
pub fn find(target: &str, post_path: &Path, context: &Context) -> Lookup {
    let places = candidates(target, post_path, context);
    if places.is_empty() {
        Lookup::Unknown
    } else if places.iter().any(|place| place.is_file()) {
        Lookup::Found
    } else {
        Lookup::Missing(places)
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

/// The finding on a file that is not where the generator would look: the help names the
/// first `shown` places looked in and what to do.
pub fn not_found(
    range: Range<usize>,
    message: String,
    (places, shown): (&[PathBuf], usize),
    context: &Context,
    advice: &str,
) -> Finding {
    let looked = places_text(places, context.site.root.as_deref(), shown);
    Finding::new(range, message)
        .label("no such file")
        .help(format!("looked for {looked}; {advice}"))
}

impl Rule for CoverNotFound {
    fn check(&self, post: &Post, context: &Context, findings: &mut Vec<Finding>) {
        let Some((cover, range)) = local_cover(post, context) else {
            return;
        };
        let Lookup::Missing(places) = find(cover, &post.path, context) else {
            return;
        };
        findings.push(not_found(
            range,
            format!("cover image `{cover}` does not exist"),
            (&places, 3),
            context,
            "fix the path, or add the image (remote URLs are not checked)",
        ));
    }
}
