//! `link-broken`: a relative link or image to a file that does not exist, or a link to a
//! heading that is not in the post.

use serde::Deserialize;

use super::cover_not_found::{FileLookup, Lookup, places_text};
use super::{Context, Rule};
use crate::diagnostic::Finding;
use crate::site::{Located, PostSummary, clean_target, heading_anchor};

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
                && !extension.is_empty()
                && !matches!(
                    extension.to_ascii_lowercase().as_str(),
                    "html" | "htm" | "php"
                )
        }
        None => false,
    }
}

fn broken_anchor(target: &Located, fragment: &str, anchors: &[String]) -> Option<Finding> {
    let wanted = clean_target(&format!("x{fragment}"));
    let wanted = wanted.strip_prefix('x').unwrap_or(&wanted);
    let matches =
        |anchor: &String| anchor.eq_ignore_ascii_case(wanted) || *anchor == heading_anchor(wanted);
    if fragment.is_empty() || anchors.iter().any(matches) {
        return None;
    }
    Some(
        Finding::new(
            target.range.clone(),
            format!("link to `#{fragment}` matches no heading or id in this post"),
        )
        .label("no such heading")
        .help(if anchors.is_empty() {
            "this post has no headings to link to; fix the fragment or remove the link".to_owned()
        } else {
            let shown: Vec<String> = anchors.iter().take(5).map(|a| format!("`#{a}`")).collect();
            format!("the post's headings give {}", shown.join(", "))
        }),
    )
}

impl Rule for LinkBroken {
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
            for target in &post.targets {
                let (path, fragment) = match target.text.split_once('#') {
                    Some((path, fragment)) => (path, fragment),
                    None => (target.text.as_str(), ""),
                };
                if path.is_empty() {
                    findings
                        .extend(broken_anchor(target, fragment, &post.anchors).map(|f| (index, f)));
                    continue;
                }
                let cleaned = clean_target(path);
                if !names_a_file(&cleaned) {
                    continue;
                }
                let Lookup::Missing(places) = lookup.find(path, &post.path, context) else {
                    continue;
                };
                let looked = places_text(&places, context.site_root.as_deref(), 1);
                findings.push((
                    index,
                    Finding::new(target.range.clone(), format!("`{path}` does not exist"))
                        .label("no such file")
                        .help(format!(
                            "looked for {looked}; fix the path, or add the file"
                        )),
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
    }
}
