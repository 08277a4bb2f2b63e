//! `cover-not-found`: the cover image names a local file that does not exist.

use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::{Context, Rule};
use crate::diagnostic::Finding;
use crate::post::Post;
use crate::site::{clean_target, local_cover};

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CoverNotFound {}

/// Where the generator may find a file written as `target` in `post`,
/// most likely first. A link in the generator's own syntax (`@/x.md`, `@site/x.png`)
/// names its file. An absolute path, once the site's base path is taken off it, is served
/// from the site's static folders (and a theme may read it from Hugo's `assets/`); a
/// relative one is next to the post (a page bundle, Astro's relative imports, Hexo's post
/// asset folder), or, as some themes read it, under the static folders and the root.
pub fn candidates(target: &str, post: &Post, context: &Context) -> Vec<PathBuf> {
    let post_path = post.path.as_path();
    let site = &context.site;
    if let Some(file) = site.link_file(target) {
        return vec![file];
    }
    let target = clean_target(target);
    let facts = &site.facts;
    let lookup_roots = facts.static_roots.iter().chain(&facts.asset_roots);
    let mut found = Vec::new();
    let under_base = |absolute: &str| -> String {
        let base = facts.base_path.trim_matches('/');
        let relative = if base.is_empty() {
            absolute
        } else {
            absolute
                .strip_prefix(base)
                .and_then(|rest| rest.strip_prefix('/'))
                .unwrap_or(absolute)
        };
        relative.to_owned()
    };
    if let Some(absolute) = target.strip_prefix('/') {
        let relative = under_base(absolute);
        found.extend(lookup_roots.map(|root| root.join(&relative)));
    } else {
        // The browser resolves it against the page's URL: `../../img/a.png` on
        // `/tutorials/setup/` is `/img/a.png`, in a static folder.
        if let Some(url) = post.page.known_url() {
            let folder = &url[..url.rfind('/').map_or(0, |at| at + 1)];
            let resolved = crate::site::paths::normalize(Path::new(&format!("{folder}{target}")));
            if let Some(absolute) = resolved.to_str().and_then(|p| p.strip_prefix('/')) {
                let relative = under_base(absolute);
                found.extend(facts.static_roots.iter().map(|root| root.join(&relative)));
            }
        }
        let dir = post_path.parent().unwrap_or(Path::new(""));
        found.push(dir.join(&target));
        if let Some(stem) = post_path.file_stem() {
            found.push(dir.join(stem).join(&target));
        }
        found.extend(lookup_roots.map(|root| root.join(&target)));
        if let Some(root) = &site.root {
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

/// Looks for the file `target` names, as written in `post`: only whether
/// it exists, never what it holds.
pub fn find(target: &str, post: &Post, context: &Context) -> Lookup {
    let places = candidates(target, post, context);
    if places.is_empty() {
        Lookup::Unknown
    } else if places.iter().any(|place| place.is_file()) || beside_a_page(target, post, context) {
        Lookup::Found
    } else {
        Lookup::Missing(places)
    }
}

/// Whether `target`, as a URL, is a file beside a page under that page's address: a page
/// bundle's image linked as `/2023/06/21/post/cover.jpg`, which only the site's URLs tell.
fn beside_a_page(target: &str, post: &Post, context: &Context) -> bool {
    let site = &context.site;
    let base = &site.facts.base_path;
    let url = if target.starts_with('/') {
        clean_target(target)
    } else {
        let Some(page_url) = post.page.known_url() else {
            return false;
        };
        let folder = &page_url[..page_url.rfind('/').map_or(0, |at| at + 1)];
        let joined =
            crate::site::paths::normalize(Path::new(&format!("{folder}{}", clean_target(target))));
        joined.to_string_lossy().into_owned()
    };
    site.url_index(&context.profile)
        .file_under_page(&url, base)
        .is_some_and(|file| file.is_file())
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
        let Lookup::Missing(places) = find(cover, post, context) else {
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
