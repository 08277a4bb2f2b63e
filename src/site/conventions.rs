//! What a site's pages set, section by section: whether its pages carry a cover, a
//! description, tags.
//!
//! A theme that shows covers on a kind of page makes its authors set them, so a section
//! where most pages have a cover is one where a page without one is an omission; a section
//! where most have none (documentation under a theme that shows no cover) is one where the
//! field is not used, and reporting every page of it says nothing about any of them. The
//! missing-field rules read this to tell the two apart, and `postlint init` writes it down.
//!
//! A section is the page's collection where the generator has them (Jekyll, Docusaurus,
//! Astro), else the first folder under the content folder it lies in (`content/docs/…` is
//! `docs`; a file right in the content folder is in the section `""`).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::post::Post;
use crate::profile::Profile;
use crate::rules::{Expect, FieldState, field_state};

/// A field the missing-field rules ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Concept {
    Cover,
    Description,
    Tags,
}

impl Concept {
    pub const ALL: [Concept; 3] = [Concept::Cover, Concept::Description, Concept::Tags];

    fn index(self) -> usize {
        self as usize
    }

    /// The profile's keys for it, and what its values look like.
    pub fn fields(self, profile: &Profile) -> (&[String], Expect) {
        match self {
            Concept::Cover => (&profile.fields.cover, Expect::Image),
            Concept::Description => (&profile.fields.description, Expect::Text),
            Concept::Tags => (&profile.fields.tags, Expect::Terms),
        }
    }

    /// The rule that reports the field missing.
    pub fn rule(self) -> &'static str {
        match self {
            Concept::Cover => "cover-missing",
            Concept::Description => "excerpt-missing",
            Concept::Tags => "tags-missing",
        }
    }

    /// What it is called in messages.
    pub fn noun(self) -> &'static str {
        match self {
            Concept::Cover => "a cover image",
            Concept::Description => "a description",
            Concept::Tags => "tags",
        }
    }
}

/// One section's published pages and how many of them set each concept.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Section {
    /// The section's name: its collection, or its folder under the content folder.
    pub name: String,
    /// The folder all its pages lie in, from the site's root (`content/docs`), `/`-separated;
    /// empty when that is the root itself.
    pub folder: String,
    pub pages: usize,
    set: [usize; 3],
}

impl Section {
    /// How many of its pages set the concept.
    pub fn setting(&self, concept: Concept) -> usize {
        self.set[concept.index()]
    }

    /// Whether the section uses the concept: at least half of its pages set it.
    pub fn uses(&self, concept: Concept) -> bool {
        self.setting(concept) * 2 >= self.pages
    }

    fn add(&mut self, present: [bool; 3], folder: &str) {
        if self.pages == 0 {
            folder.clone_into(&mut self.folder);
        } else {
            self.folder = common_folder(&self.folder, folder).to_owned();
        }
        self.pages += 1;
        for (count, present) in self.set.iter_mut().zip(present) {
            *count += usize::from(present);
        }
    }
}

/// The longest folder both are in.
fn common_folder<'a>(a: &'a str, b: &str) -> &'a str {
    let mut end = 0;
    let mut at = 0;
    for (x, y) in a.split('/').zip(b.split('/')) {
        if x != y {
            break;
        }
        at += x.len();
        end = at;
        at += 1;
    }
    &a[..end]
}

/// Fewer pages than this say nothing about a convention: a section this small is judged
/// by the whole site, and a site this small is not judged at all.
pub const FEW_PAGES: usize = 5;

/// Every section of the site, by name.
#[derive(Debug, Default)]
pub struct Conventions {
    sections: HashMap<String, Section>,
    /// All the pages together.
    site: Section,
}

impl Conventions {
    /// Counts the published pages among `files`, each read as far as its front matter.
    pub(super) fn of(pages: impl Iterator<Item = (String, [bool; 3], String)>) -> Conventions {
        let mut sections: HashMap<String, Section> = HashMap::new();
        let mut site = Section::default();
        for (name, present, folder) in pages {
            site.add(present, &folder);
            let section = sections.entry(name.clone()).or_insert_with(|| Section {
                name,
                ..Section::default()
            });
            section.add(present, &folder);
        }
        Conventions { sections, site }
    }

    pub fn section(&self, name: &str) -> Option<&Section> {
        self.sections.get(name)
    }

    /// The pages a page of section `name` is judged by: its section's, or the whole
    /// site's when the section has too few; `None` when neither has enough.
    pub fn judged_by(&self, name: &str) -> Option<&Section> {
        [self.sections.get(name), Some(&self.site)]
            .into_iter()
            .flatten()
            .find(|section| section.pages >= FEW_PAGES)
    }

    /// The sections, by name.
    pub fn sections(&self) -> Vec<&Section> {
        let mut sections: Vec<&Section> = self.sections.values().collect();
        sections.sort_by(|a, b| a.name.cmp(&b.name));
        sections
    }
}

/// Which concepts a post sets, as the missing-field rules would read it with the profile's
/// keys: set, or not told (a value of another shape is front-matter-invalid's), or given
/// by the generator.
pub(super) fn present(post: &Post, profile: &Profile) -> [bool; 3] {
    Concept::ALL.map(|concept| {
        let (names, expect) = concept.fields(profile);
        names.iter().any(|name| post.page.given.contains(name))
            || matches!(
                field_state(post, names, expect),
                FieldState::Set(..) | FieldState::Unknown
            )
    })
}

/// The section of the file at `path` (absolute), under the first of `roots` that holds it:
/// its collection, else its first folder there. Returns the section's name and the file's
/// folder from `base` (the site's root, or the content folder without one).
pub(super) fn section_of(
    path: &Path,
    collection: Option<&str>,
    roots: &[PathBuf],
    base: &Path,
) -> Option<(String, String)> {
    let root = roots.iter().find(|root| path.starts_with(root))?;
    let under = path.strip_prefix(root).ok()?;
    let folder = path
        .parent()
        .and_then(|parent| parent.strip_prefix(base).ok())
        .and_then(super::paths::slashed)
        .unwrap_or_default();
    let name = match collection {
        Some(collection) => collection.to_owned(),
        None => {
            let mut parts = under.components();
            let first = parts.next()?;
            // A file right in the content folder has no section folder of its own.
            if parts.next().is_none() {
                String::new()
            } else {
                first.as_os_str().to_string_lossy().into_owned()
            }
        }
    };
    Some((name, folder))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_small_section_is_judged_by_the_whole_site() {
        let mut pages: Vec<(String, [bool; 3], String)> = (0..6)
            .map(|n| ("docs".into(), [false; 3], format!("docs/{n}")))
            .collect();
        pages.push(("".into(), [true, false, false], "".into()));
        let conventions = Conventions::of(pages.into_iter());
        let judge = conventions.judged_by("").unwrap();
        assert_eq!((judge.pages, judge.setting(Concept::Cover)), (7, 1));
        assert_eq!(conventions.judged_by("docs").unwrap().pages, 6);
        assert_eq!(conventions.judged_by("unknown").unwrap().pages, 7);
    }

    #[test]
    fn common_folders() {
        assert_eq!(
            common_folder("content/docs/a", "content/docs/b"),
            "content/docs"
        );
        assert_eq!(
            common_folder("content/docs", "content/docs/b"),
            "content/docs"
        );
        assert_eq!(
            common_folder("content/docs/b", "content/docs"),
            "content/docs"
        );
        assert_eq!(common_folder("content/doc", "content/docs"), "content");
        assert_eq!(common_folder("a", "b"), "");
        assert_eq!(common_folder("", "b"), "");
    }

    #[test]
    fn sections_by_collection_else_first_folder() {
        let roots = [PathBuf::from("/site/content")];
        let base = Path::new("/site");
        let section =
            |path: &str, collection| section_of(Path::new(path), collection, &roots, base);
        assert_eq!(
            section("/site/content/docs/a/b.md", None),
            Some(("docs".into(), "content/docs/a".into()))
        );
        assert_eq!(
            section("/site/content/about.md", None),
            Some((String::new(), "content".into()))
        );
        assert_eq!(
            section("/site/content/x/y.md", Some("posts")),
            Some(("posts".into(), "content/x".into()))
        );
        assert_eq!(section("/elsewhere/y.md", None), None);
    }

    #[test]
    fn a_section_uses_what_half_its_pages_set() {
        let conventions = Conventions::of(
            [
                ("docs".into(), [false, true, false], "content/docs/a".into()),
                ("docs".into(), [false, true, false], "content/docs/b".into()),
                ("docs".into(), [true, false, false], "content/docs".into()),
                ("blog".into(), [true, true, true], "content/blog/1".into()),
            ]
            .into_iter(),
        );
        let docs = conventions.section("docs").unwrap();
        assert_eq!((docs.pages, docs.folder.as_str()), (3, "content/docs"));
        assert!(!docs.uses(Concept::Cover));
        assert!(docs.uses(Concept::Description));
        assert!(!docs.uses(Concept::Tags));
        assert!(conventions.section("blog").unwrap().uses(Concept::Cover));
        // Too few pages to judge by, in the section or in the whole site.
        assert_eq!(conventions.judged_by("docs"), None);
        let names: Vec<&str> = conventions
            .sections()
            .iter()
            .map(|s| s.name.as_str())
            .collect();
        assert_eq!(names, ["blog", "docs"]);
    }
}
