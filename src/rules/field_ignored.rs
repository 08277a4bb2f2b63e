//! `field-ignored`: a front matter key that the generator ignores or overrides, or that
//! looks like a misspelling of a key it reads.

use serde::Deserialize;

use super::{Context, Rule};
use crate::diagnostic::Finding;
use crate::documented_keys::{documented, is_private};
use crate::post::Post;
use crate::profile::{CONCEPTS, Generator, Profile};
use crate::suppress::FRONT_MATTER_KEY;

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct FieldIgnored {
    /// Keys of your theme or plugins that postlint should take as known, so that they are
    /// never reported as misspellings.
    pub known: Vec<String>,
}

/// Keys a generator ignores or overwrites, with what it does instead.
fn ignored_by(generator: Generator) -> &'static [(&'static str, &'static str)] {
    match generator {
        Generator::Hexo => &[(
            "slug",
            "Hexo overwrites `slug` with the file name; rename the file, or set `permalink`",
        )],
        Generator::Hugo => &[(
            "permalink",
            "Hugo has no `permalink` front matter key; set `url` or `slug`",
        )],
        Generator::Docusaurus => &[(
            "permalink",
            "Docusaurus has no `permalink` front matter key; set `slug`",
        )],
        Generator::Zola => &[(
            "permalink",
            "Zola has no `permalink` front matter key; set `path` or `slug`",
        )],
        _ => &[],
    }
}

/// Without a known generator, the keys generators and popular themes read besides the
/// profile's concepts: a key near one of these is only reported when it is not itself
/// known. With a generator, the keys it and its themes document take their place.
const COMMON_KEYS: &[&str] = &[
    "author",
    "authors",
    "layout",
    "lang",
    "language",
    "weight",
    "aliases",
    "toc",
    "comments",
    "sticky",
    "top",
    "keywords",
    "series",
    "type",
    "permalink",
    "url",
    "path",
    "hidden",
    "math",
    "mathjax",
    "katex",
    "summary",
    "subtitle",
    "excerpt",
    "description",
    "template",
    "menu",
    "sidebar_position",
    "sidebar_label",
    "id",
    "pinned",
    "featured",
    "share",
    "photos",
    "published",
    "unlisted",
    "expiryDate",
    "publishDate",
    "lastmod",
    "copyright",
    "license",
    "canonical",
    "canonicalURL",
    "robots",
    "noindex",
    "image",
    "images",
    "cover",
    "thumbnail",
    "banner",
    "categories",
    "tags",
    "draft",
    "date",
    "updated",
    "title",
    "slug",
];

/// The known key that `key` most likely misspells, if it is close enough to be a typo:
/// one edit away for short keys, two for keys of seven characters or more.
fn misspelled<'a>(key: &str, known: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let chars = key.chars().count();
    if chars < 4 {
        return None;
    }
    let budget = if chars >= 7 { 2 } else { 1 };
    let lower = key.to_lowercase();
    known
        .filter(|candidate| *candidate != key)
        .map(|candidate| {
            // A difference of case is one edit, whatever the length.
            let distance = if candidate.to_lowercase() == lower {
                1
            } else {
                strsim::damerau_levenshtein(key, candidate)
            };
            (distance, candidate)
        })
        .filter(|(distance, _)| *distance <= budget)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

impl FieldIgnored {
    fn known_keys<'a>(
        &'a self,
        profile: &'a Profile,
        post: &'a Post,
    ) -> impl Iterator<Item = &'a str> {
        let concepts = CONCEPTS
            .iter()
            .filter_map(|concept| profile.fields.get(concept))
            .flat_map(|names| names.iter().map(String::as_str));
        let documented: Box<dyn Iterator<Item = &str>> = match profile.generator {
            Generator::Generic => Box::new(COMMON_KEYS.iter().copied()),
            generator => Box::new(documented(generator).iter().map(|key| key.name)),
        };
        concepts
            .chain(documented)
            // postlint's own key, which holds the post's suppressions.
            .chain([FRONT_MATTER_KEY])
            .chain(self.known.iter().map(String::as_str))
            // The keys the page's collection schema declares (Astro).
            .chain(post.page.schema_keys.iter().map(String::as_str))
    }
}

impl Rule for FieldIgnored {
    fn check(&self, post: &Post, context: &Context, findings: &mut Vec<Finding>) {
        let Some(front_matter) = &post.front_matter else {
            return;
        };
        let profile = &context.profile;
        let ignored = ignored_by(profile.generator);
        for entry in &front_matter.entries {
            // `_comment`, `_build`: a private convention no generator reads as a field.
            if is_private(&entry.key) {
                continue;
            }
            if let Some((_, instead)) = ignored.iter().find(|(key, _)| *key == entry.key) {
                findings.push(
                    Finding::new(
                        entry.key_range.clone(),
                        format!("`{}` is ignored by {}", entry.key, profile.generator),
                    )
                    .label("has no effect")
                    .help(*instead),
                );
                continue;
            }
            if self
                .known_keys(profile, post)
                .any(|known| known == entry.key)
            {
                continue;
            }
            // Hugo reads front matter keys case-insensitively.
            if profile.generator == Generator::Hugo
                && self
                    .known_keys(profile, post)
                    .any(|known| known.eq_ignore_ascii_case(&entry.key))
            {
                continue;
            }
            let Some(intended) = misspelled(&entry.key, self.known_keys(profile, post)) else {
                continue;
            };
            // Both present: the near miss is a key of its own, not a typo.
            if front_matter.get(intended).is_some() {
                continue;
            }
            findings.push(
                Finding::new(
                    entry.key_range.clone(),
                    format!(
                        "`{}` looks like a misspelling of `{intended}`, which {} reads",
                        entry.key,
                        if intended == FRONT_MATTER_KEY {
                            "postlint".to_owned()
                        } else if profile.generator == Generator::Generic {
                            "the generator".to_owned()
                        } else {
                            profile.generator.to_string()
                        }
                    ),
                )
                .label(format!("did you mean `{intended}`?"))
                .help(format!(
                    "rename it to `{intended}`; as written the generator ignores it. If it is \
                     a key of your theme, add it to `known` in `[rules.field-ignored]`"
                )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::{check, check_in};

    fn messages(source: &str) -> Vec<String> {
        check(&FieldIgnored::default(), source)
            .into_iter()
            .map(|finding| finding.message)
            .collect()
    }

    #[test]
    fn typos_of_known_keys() {
        assert_eq!(
            messages("---\ndesription: x\n---\n"),
            ["`desription` looks like a misspelling of `description`, which the generator reads"]
        );
        assert_eq!(
            messages("---\ntilte: x\n---\n"),
            ["`tilte` looks like a misspelling of `title`, which the generator reads"]
        );
        assert_eq!(messages("---\nTitle: x\n---\n").len(), 1);
    }

    #[test]
    fn known_and_unrelated_keys_pass() {
        assert!(
            messages("---\ntitle: x\ntags: [a]\nauthor: me\nmy_custom_key: 1\n---\n").is_empty()
        );
        // Both `date` and `data` present: `data` is a key of its own.
        assert!(messages("---\ndate: 2025-01-01\ndata: x\n---\n").is_empty());
        // Short keys are too easily near something.
        assert!(messages("---\nfoo: 1\n---\n").is_empty());
        let rule = FieldIgnored {
            known: vec!["desription".into()],
        };
        assert!(check(&rule, "---\ndesription: x\n---\n").is_empty());
        // postlint's own key.
        assert!(messages("---\npostlint:\n  disable: [cover-missing]\n---\n").is_empty());
        assert_eq!(
            messages("---\npostlnt: {disable: [cover-missing]}\n---\n"),
            ["`postlnt` looks like a misspelling of `postlint`, which postlint reads"]
        );
    }

    #[test]
    fn keys_the_generator_ignores() {
        let findings = check_in(
            &FieldIgnored::default(),
            Generator::Hexo,
            "---\nslug: my-post\n---\n",
        );
        assert_eq!(findings[0].message, "`slug` is ignored by hexo");
        assert!(
            check_in(
                &FieldIgnored::default(),
                Generator::Hugo,
                "---\nslug: my-post\n---\n"
            )
            .is_empty()
        );
        assert_eq!(
            check_in(
                &FieldIgnored::default(),
                Generator::Hugo,
                "---\npermalink: /x/\n---\n"
            )[0]
            .message,
            "`permalink` is ignored by hugo"
        );
        // Hugo keys are case-insensitive.
        assert!(
            check_in(
                &FieldIgnored::default(),
                Generator::Hugo,
                "---\nTitle: x\n---\n"
            )
            .is_empty()
        );
    }

    #[test]
    fn private_keys_are_never_reported() {
        assert!(messages("---\n_comment: do not edit\n_comments: x\n---\n").is_empty());
        assert!(
            check_in(
                &FieldIgnored::default(),
                Generator::Hugo,
                "---\n_comment: x\n---\n"
            )
            .is_empty()
        );
    }

    #[test]
    fn suggestions_come_from_the_keys_the_generator_documents() {
        // VitePress's home page `features` is documented: not a misspelling of `featured`,
        // a key of other generators' themes.
        assert!(
            check_in(
                &FieldIgnored::default(),
                Generator::Vitepress,
                "---\nlayout: home\nhero:\n  name: X\nfeatures:\n  - title: A\n---\n"
            )
            .is_empty()
        );
        assert_eq!(
            check_in(
                &FieldIgnored::default(),
                Generator::Hugo,
                "---\nkeyword: [a]\n---\n"
            )[0]
            .message,
            "`keyword` looks like a misspelling of `keywords`, which hugo reads"
        );
        // Suggestions name the generator's keys: `featured` is no VitePress key.
        assert_eq!(
            check_in(
                &FieldIgnored::default(),
                Generator::Vitepress,
                "---\nfeaturd: x\n---\n"
            )[0]
            .message,
            "`featurd` looks like a misspelling of `features`, which vitepress reads"
        );
    }
}
