//! No generator: every Markdown file is a post, its URL its folder and slug, as most
//! generators make it by default. The markdownlint-compatible defaults.

use std::path::Path;

use super::{File, Kind, Model, Page, Url, slug};
use crate::profile::Profile;

#[derive(Debug)]
pub struct Generic;

impl Model for Generic {
    fn by_path(&self, relative: &str) -> Option<Page> {
        repository_document(Path::new(relative))
    }

    fn page(&self, file: &File<'_>, profile: &Profile) -> Page {
        let post = file.post;
        let slug = slug::slug_of(post, &profile.fields.slug, profile.slug_from_front_matter);
        let folder = file.relative.map_or_else(
            || super::section_of(&post.path).to_owned(),
            |relative| super::section_of(Path::new(relative)).to_owned(),
        );
        let url = match &slug {
            Some(slug) if !slug.text.is_empty() => {
                // The folder as text, whatever it is: two posts collide only in one folder.
                let folder = folder.to_string_lossy().replace('\\', "/");
                let folder = folder.trim_start_matches('/');
                let mut url = String::from("/");
                for part in [folder, slug.text.as_str()] {
                    if !part.is_empty() {
                        url.push_str(part);
                        url.push('/');
                    }
                }
                // Most generators lowercase URLs, and case-insensitive file systems serve
                // `My-Post` and `my-post` as one.
                Url::Assumed(url.to_lowercase())
            }
            _ => Url::Unknown("the post's slug cannot be told".into()),
        };
        let url_set_at = slug
            .as_ref()
            .filter(|slug| slug.origin == slug::Origin::Field)
            .map(|slug| slug.range.clone());
        Page {
            slug,
            url_set_at,
            ..Page::new(Kind::Post, url)
        }
    }
}

/// Names of the files a repository keeps for its readers and contributors, which a forge
/// renders and no generator publishes unless they sit in its content folder.
const REPOSITORY_DOCUMENTS: &[&str] = &[
    "readme",
    "contributing",
    "code_of_conduct",
    "code-of-conduct",
    "changelog",
    "changes",
    "history",
    "security",
    "license",
    "licence",
    "authors",
    "contributors",
    "support",
    "governance",
    "maintainers",
    "funding",
    "pull_request_template",
    "issue_template",
];

/// A repository document (`README.md`, `CONTRIBUTING.md`, in any case), as a page of its
/// kind; `None` for any other name.
pub fn repository_document(path: &Path) -> Option<Page> {
    let stem = path.file_stem()?.to_str()?.to_ascii_lowercase();
    REPOSITORY_DOCUMENTS.contains(&stem.as_str()).then(|| {
        Page::not_published(
            Kind::Document,
            "a repository document: a forge renders it, the generator does not publish it",
        )
    })
}
