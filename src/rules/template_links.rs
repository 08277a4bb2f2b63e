//! Links written in a generator's own template syntax, for link-broken: Hugo's
//! `{{< ref "post.md" >}}` and `{{< relref >}}`, Jekyll's `{% link path %}` and
//! `{% post_url name %}`. Each is looked up the way its generator does; only a target
//! found nowhere it could be is reported (both generators stop the build on one).

use std::path::{Path, PathBuf};

use super::Context;
use crate::post::{Post, TemplateLink, TemplateLinkKind};
use crate::site::clean_target;

/// Where the generator looks for the page a template link names, when it can be told;
/// `None` for a link whose target postlint does not look up (Hexo's, a target that is
/// itself template syntax).
pub fn places(link: &TemplateLink, post: &Post, context: &Context) -> Option<Vec<PathBuf>> {
    let target = link.target.trim();
    if target.is_empty() || target.contains("{{") || target.contains("{%") {
        return None;
    }
    let site = &context.site;
    let root = site.root.as_ref()?;
    match link.kind {
        TemplateLinkKind::HugoRef | TemplateLinkKind::HugoRelref => {
            let path = clean_target(target.split('#').next().unwrap_or(target));
            if path.is_empty() {
                // `ref "#anchor"`: the page itself.
                return None;
            }
            Some(hugo_places(&path, post, &site.facts.content_roots))
        }
        TemplateLinkKind::JekyllLink => Some(vec![root.join(target.trim_start_matches('/'))]),
        TemplateLinkKind::JekyllPostUrl => Some(jekyll_post_places(target, root)),
        _ => None,
    }
}

/// Hugo's `ref`: a path from the content root when it starts with `/`, else from the page's
/// folder and then from the content root; with or without `.md`, or a bundle or section
/// folder (`getPage`).
fn hugo_places(path: &str, post: &Post, content_roots: &[PathBuf]) -> Vec<PathBuf> {
    let trimmed = path.trim_start_matches('/');
    let mut bases: Vec<PathBuf> = Vec::new();
    if !path.starts_with('/') {
        // A bundle's `index.md` refers from its own folder, as other pages from theirs.
        bases.push(post.path.parent().unwrap_or(Path::new("")).to_owned());
    }
    bases.extend(content_roots.iter().cloned());
    let mut places = Vec::new();
    for base in &bases {
        let joined = base.join(trimmed);
        places.push(joined.clone());
        if Path::new(trimmed).extension().is_none() {
            places.push(joined.with_extension("md"));
            places.push(joined.join("index.md"));
            places.push(joined.join("_index.md"));
        }
    }
    places
}

/// Jekyll's `post_url`: a post file named `name` plus a Markdown extension in any
/// `_posts` folder (`category/_posts/` too); `name` may start with the subfolder.
fn jekyll_post_places(name: &str, root: &Path) -> Vec<PathBuf> {
    let (folder, stem) = name.rsplit_once('/').unwrap_or(("", name));
    let mut places = Vec::new();
    for posts in posts_folders(root) {
        for extension in ["md", "markdown", "mkd", "mkdn", "mdown", "html"] {
            places.push(posts.join(folder).join(format!("{stem}.{extension}")));
        }
    }
    places
}

/// `_posts` and `<category>/_posts` under the root, one level of categories deep.
fn posts_folders(root: &Path) -> Vec<PathBuf> {
    let mut folders = vec![root.join("_posts")];
    if let Ok(entries) = std::fs::read_dir(root) {
        for entry in entries.flatten() {
            let posts = entry.path().join("_posts");
            let name = entry.file_name();
            let hidden = name.to_string_lossy().starts_with(['.', '_']);
            if !hidden && posts.is_dir() {
                folders.push(posts);
            }
        }
    }
    folders.sort();
    folders
}

/// Whether a Hugo `ref` without a folder (`ref "about.md"`) names a page of the site by its
/// file or bundle name, which Hugo also resolves.
pub fn named_anywhere(link: &TemplateLink, context: &Context) -> bool {
    let target = link.target.trim();
    let path = target.split('#').next().unwrap_or(target);
    if !matches!(
        link.kind,
        TemplateLinkKind::HugoRef | TemplateLinkKind::HugoRelref
    ) || path.contains('/')
    {
        return false;
    }
    let stem = path.strip_suffix(".md").unwrap_or(path);
    context
        .site
        .url_index(&context.profile)
        .has_page_named(stem)
}
