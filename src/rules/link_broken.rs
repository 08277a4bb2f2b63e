//! `link-broken`: a relative link or image to a file that does not exist, or a link to a
//! heading that is not in the post.

use serde::Deserialize;

use std::collections::HashSet;
use std::ops::Range;
use std::path::{Path, PathBuf};

use super::cover_not_found::{Lookup, candidates, find, not_found};
use super::template_links;
use super::{Context, Rule};
use crate::diagnostic::Finding;
use crate::post::Post;
use crate::site::links::{loose_anchors, loosely};
use crate::site::{anchors, clean_target, heading_anchor, local_targets};

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LinkBroken {}

/// Whether a path names a file postlint can look for: it has an extension, and not one of
/// a page the generator writes (`.html`). `../other-post/` is a URL, not a file.
fn names_a_file(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    match name.rsplit_once('.') {
        Some((stem, extension)) => {
            !stem.is_empty()
                // `6.0.0`, `v1.2`: a version in a page's URL, not an extension.
                && extension.starts_with(|c: char| c.is_ascii_alphabetic())
                && !matches!(
                    extension.to_ascii_lowercase().as_str(),
                    "html" | "htm" | "php"
                )
        }
        None => false,
    }
}

/// A finding for a fragment that names nothing on its page (`page`: "this post", or the
/// linked file), else `None`.
fn broken_anchor(
    range: Range<usize>,
    fragment: &str,
    (anchors, loose): (&[String], &HashSet<String>),
    page: &str,
) -> Option<Finding> {
    let wanted = clean_target(&format!("x{fragment}"));
    let wanted = wanted.strip_prefix('x').unwrap_or(&wanted);
    let matches =
        |anchor: &String| anchor.eq_ignore_ascii_case(wanted) || *anchor == heading_anchor(wanted);
    // Generators make heading ids their own ways (case, dots, transliteration): a fragment
    // that matches a heading under any of them is taken as meant for it.
    let loosely_matches = || {
        let wanted = loosely(wanted);
        !wanted.is_empty()
            && (loose.contains(&wanted) || anchors.iter().any(|a| loosely(a) == wanted))
    };
    if fragment.is_empty()
        || wanted.eq_ignore_ascii_case("top")
        || anchors.iter().any(matches)
        || loosely_matches()
    {
        return None;
    }
    Some(
        Finding::new(
            range,
            format!("link to `#{fragment}` matches no heading or id in {page}"),
        )
        .label("no such heading")
        .help(if anchors.is_empty() {
            format!("{page} has no headings to link to; fix the fragment or remove the link")
        } else {
            let shown: Vec<String> = anchors.iter().take(5).map(|a| format!("`#{a}`")).collect();
            format!("the headings of {page} give {}", shown.join(", "))
        }),
    )
}

/// The Markdown file of the page a link written as a URL leads to (`/blog/x/`,
/// `../x/`), when the site publishes one there.
fn linked_page(path: &str, post: &Post, context: &Context) -> Option<PathBuf> {
    let site = &context.site;
    let url = if path.starts_with('/') {
        clean_target(path)
    } else {
        let page_url = post.page.known_url()?;
        let folder = &page_url[..page_url.rfind('/').map_or(0, |at| at + 1)];
        let joined =
            crate::site::paths::normalize(Path::new(&format!("{folder}{}", clean_target(path))));
        joined.to_str()?.to_owned()
    };
    site.url_index(&context.profile)
        .page_at(&url, &site.facts.base_path)
        .cloned()
}

fn is_markdown(path: &Path) -> bool {
    path.extension()
        .and_then(|extension| extension.to_str())
        .is_some_and(|extension| matches!(extension, "md" | "mdx" | "markdown"))
}

/// A finding for a fragment that names nothing on the linked page `file`. A page that pulls
/// in content postlint does not read (an include) is not judged.
fn broken_fragment_on(
    file: &Path,
    path: &str,
    fragment: &str,
    range: Range<usize>,
    context: &Context,
) -> Option<Finding> {
    let anchors = context.site.anchors_of(file, &context.profile)?;
    if anchors.includes {
        return None;
    }
    broken_anchor(
        range,
        fragment,
        (&anchors.ids, &anchors.loose),
        &format!("`{path}`"),
    )
}

impl Rule for LinkBroken {
    fn check(&self, post: &Post, context: &Context, findings: &mut Vec<Finding>) {
        // The post's heading ids, made once and only for a post that links into itself.
        let mut own_anchors: Option<(Vec<String>, HashSet<String>)> = None;
        for (target, range) in local_targets(post) {
            let (path, fragment) = target.split_once('#').unwrap_or((target, ""));
            if path.is_empty() {
                let (anchors, loose) = own_anchors.get_or_insert_with(|| {
                    (anchors(post, context.site.id_scheme()), loose_anchors(post))
                });
                findings.extend(broken_anchor(
                    range,
                    fragment,
                    (anchors, loose),
                    "this post",
                ));
                continue;
            }
            let cleaned = clean_target(path);
            if !names_a_file(&cleaned) {
                if !fragment.is_empty()
                    && let Some(page) = linked_page(path, post, context)
                {
                    findings.extend(broken_fragment_on(&page, path, fragment, range, context));
                }
                continue;
            }
            let Lookup::Missing(places) = find(path, post, context) else {
                if !fragment.is_empty()
                    && let Some(page) = candidates(path, post, context)
                        .into_iter()
                        .find(|place| is_markdown(place) && place.is_file())
                {
                    findings.extend(broken_fragment_on(&page, path, fragment, range, context));
                }
                continue;
            };
            findings.push(not_found(
                range,
                format!("`{path}` does not exist"),
                (&places, 1),
                context,
                "fix the path, or add the file",
            ));
        }
        for link in &post.template_links {
            let Some(places) = template_links::places(link, post, context) else {
                continue;
            };
            let found = places.iter().any(|place| place.is_file())
                || template_links::named_anywhere(link, context);
            if !found {
                findings.push(not_found(
                    link.target_range.clone(),
                    format!("`{}` names no file of the site", link.target.trim()),
                    (&places, 2),
                    context,
                    "fix the path; the generator stops the build on a link it cannot resolve",
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn which_paths_name_files() {
        assert!(names_a_file("../images/a.png"));
        assert!(names_a_file("other-post.md"));
        assert!(!names_a_file("../other-post/"));
        assert!(!names_a_file("/posts/hello"));
        assert!(!names_a_file("page.html"));
        assert!(!names_a_file(".hidden"));
        assert!(!names_a_file("/blog/2015/10/29/6.0.0"));
    }
}
