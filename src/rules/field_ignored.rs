//! `field-ignored`: a front matter key that the generator ignores or overrides, or that
//! looks like a misspelling of a key it reads.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock, PoisonError, RwLock};

use serde::Deserialize;

use super::{Context, Rule};
use crate::diagnostic::Finding;
use crate::documented_keys::{documented, is_private};
use crate::post::Post;
use crate::profile::{CONCEPTS, Fields, Generator, Profile};
use crate::suppress::FRONT_MATTER_KEY;

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct FieldIgnored {
    /// Keys of your theme or plugins that postlint should take as known, so that they are
    /// never reported as misspellings.
    pub known: Vec<String>,
    #[serde(skip)]
    verdicts: Verdicts,
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

/// How near `key` is to a known key, when near enough to be a typo of it: one edit away
/// for keys of four to six characters, two for keys of seven or more; a difference of case
/// is one edit, whatever the length. Shorter keys are too easily near something.
struct Typo<'k> {
    key: &'k str,
    /// `key` lowercased, when it is not ASCII (an ASCII key is compared without one).
    lower: Option<String>,
    chars: usize,
    budget: usize,
}

impl<'k> Typo<'k> {
    fn of(key: &'k str) -> Option<Typo<'k>> {
        let chars = key.chars().count();
        if chars < 4 {
            return None;
        }
        Some(Typo {
            key,
            lower: (!key.is_ascii()).then(|| key.to_lowercase()),
            chars,
            budget: if chars >= 7 { 2 } else { 1 },
        })
    }

    /// The number of edits from `key` to `candidate`, if within the budget.
    fn distance(&self, candidate: &str) -> Option<usize> {
        if candidate == self.key {
            return None;
        }
        let same_but_case = match &self.lower {
            None if candidate.is_ascii() => candidate.eq_ignore_ascii_case(self.key),
            None => candidate.to_lowercase() == self.key.to_ascii_lowercase(),
            Some(lower) => candidate.to_lowercase() == *lower,
        };
        if same_but_case {
            return Some(1);
        }
        // The Damerau–Levenshtein distance is at least the difference in length, and at
        // least half the number of characters the two do not share (an insertion or a
        // deletion changes that number by one, a substitution by two, a transposition
        // not at all): two cheap bounds that set nearly every known key aside before the
        // full distance, which allocates.
        if candidate.chars().count().abs_diff(self.chars) > self.budget {
            return None;
        }
        if self.lower.is_none()
            && candidate.is_ascii()
            && unshared_bytes(self.key, candidate) > 2 * self.budget
        {
            return None;
        }
        let distance = strsim::damerau_levenshtein(self.key, candidate);
        (distance <= self.budget).then_some(distance)
    }
}

/// The number of bytes of two ASCII texts that the other does not have, counted as
/// multisets: `date` and `data` do not share one `e` and one `a`, so 2.
fn unshared_bytes(a: &str, b: &str) -> usize {
    let mut counts = [0i32; 128];
    for byte in a.bytes() {
        counts[usize::from(byte & 0x7f)] += 1;
    }
    for byte in b.bytes() {
        counts[usize::from(byte & 0x7f)] -= 1;
    }
    counts
        .iter()
        .map(|count| count.unsigned_abs() as usize)
        .sum()
}

/// What a key is, measured against the keys the generator reads.
#[derive(Debug, Clone)]
enum Verdict {
    Known,
    /// Unknown, and no known key is near it.
    Unknown,
    /// Unknown, and this many edits from the known key it most likely misspells.
    Near(usize, Arc<str>),
}

/// The verdicts on the keys met so far. A site's posts repeat the same few keys (MDN's
/// 14,000 pages share a dozen), and measuring an unknown key against every known one is
/// the expensive part of the rule, so each key is measured once a run.
#[derive(Debug, Default)]
struct Verdicts {
    /// The profile the verdicts hold for: a rule is built for one run and checks under its
    /// profile, but a check under another one (a test) neither reads nor adds verdicts.
    profile: OnceLock<(Generator, Fields)>,
    by_key: RwLock<HashMap<Box<str>, Verdict>>,
}

impl Verdicts {
    /// Enough for any real site; past it, keys are measured each time (a generated corpus
    /// of random keys cannot grow the map without bound).
    const MAX: usize = 10_000;

    /// The verdicts, when they hold for `profile`.
    fn under(&self, profile: &Profile) -> Option<&Verdicts> {
        let (generator, fields) = self
            .profile
            .get_or_init(|| (profile.generator, profile.fields.clone()));
        (*generator == profile.generator && *fields == profile.fields).then_some(self)
    }

    fn get_or_measure(&self, key: &str, measure: impl FnOnce() -> Verdict) -> Verdict {
        let by_key = self.by_key.read().unwrap_or_else(PoisonError::into_inner);
        if let Some(verdict) = by_key.get(key) {
            return verdict.clone();
        }
        drop(by_key);
        let verdict = measure();
        let mut by_key = self.by_key.write().unwrap_or_else(PoisonError::into_inner);
        if by_key.len() < Self::MAX {
            by_key.insert(key.into(), verdict.clone());
        }
        verdict
    }
}

impl FieldIgnored {
    /// The keys the generator and its themes read, and those the options add; a page's
    /// collection schema adds its own (see [`FieldIgnored::with_schema_keys`]).
    fn known_keys<'a>(&'a self, profile: &'a Profile) -> impl Iterator<Item = &'a str> {
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
    }

    /// What `key` is, measured against [`FieldIgnored::known_keys`].
    fn measure(&self, key: &str, profile: &Profile) -> Verdict {
        verdict(
            key,
            || self.known_keys(profile),
            profile.generator == Generator::Hugo,
        )
    }

    /// `verdict` on `key` once the keys of the page's collection schema (Astro) are known
    /// too. They come after the others: a nearer one wins, an equally near one does not.
    fn with_schema_keys(
        verdict: Verdict,
        key: &str,
        schema_keys: &[String],
        hugo: bool,
    ) -> Verdict {
        if matches!(verdict, Verdict::Known) || schema_keys.is_empty() {
            return verdict;
        }
        match (
            verdict,
            self::verdict(key, || schema_keys.iter().map(String::as_str), hugo),
        ) {
            (_, Verdict::Known) => Verdict::Known,
            (Verdict::Near(best, known), Verdict::Near(distance, _)) if best <= distance => {
                Verdict::Near(best, known)
            }
            (before, Verdict::Unknown) => before,
            (_, nearer) => nearer,
        }
    }
}

/// What `key` is among the keys `keys` lists (afresh at each call): one of them (in any
/// case for Hugo, which reads front matter keys case-insensitively), else near the first
/// of the nearest, when near enough to be a typo of it.
fn verdict<'a, I: Iterator<Item = &'a str>>(
    key: &str,
    keys: impl Fn() -> I,
    hugo: bool,
) -> Verdict {
    if keys().any(|known| known == key)
        || (hugo && keys().any(|known| known.eq_ignore_ascii_case(key)))
    {
        return Verdict::Known;
    }
    let Some(typo) = Typo::of(key) else {
        return Verdict::Unknown;
    };
    keys()
        .filter_map(|known| Some((typo.distance(known)?, known)))
        // The first of the nearest.
        .min_by_key(|(distance, _)| *distance)
        .map_or(Verdict::Unknown, |(distance, known)| {
            Verdict::Near(distance, known.into())
        })
}

impl Rule for FieldIgnored {
    fn check(&self, post: &Post, context: &Context, findings: &mut Vec<Finding>) {
        let Some(front_matter) = &post.front_matter else {
            return;
        };
        let profile = &context.profile;
        let ignored = ignored_by(profile.generator);
        let verdicts = self.verdicts.under(profile);
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
            let measure = || self.measure(&entry.key, profile);
            let verdict = match verdicts {
                Some(verdicts) => verdicts.get_or_measure(&entry.key, measure),
                None => measure(),
            };
            let verdict = Self::with_schema_keys(
                verdict,
                &entry.key,
                &post.page.schema_keys,
                profile.generator == Generator::Hugo,
            );
            let Verdict::Near(_, intended) = verdict else {
                continue;
            };
            let intended = &*intended;
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
            ..FieldIgnored::default()
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

    #[test]
    fn one_rule_under_two_profiles() {
        // The verdicts are remembered for the profile of the first check only.
        let rule = FieldIgnored::default();
        for _ in 0..2 {
            assert!(check_in(&rule, Generator::Hugo, "---\nTitle: x\n---\n").is_empty());
            assert_eq!(check(&rule, "---\nTitle: x\n---\n").len(), 1);
            assert_eq!(check(&rule, "---\ntilte: x\nTitle: y\n---\n").len(), 2);
        }
    }

    #[test]
    fn schema_keys_come_after_the_others() {
        let schema = ["autor".to_owned(), "colour".to_owned()];
        let near = |verdict: Verdict| match verdict {
            Verdict::Near(distance, key) => Some((distance, key.to_string())),
            _ => None,
        };
        // As near as a known key: the known key wins.
        let author = Verdict::Near(1, "author".into());
        assert_eq!(
            near(FieldIgnored::with_schema_keys(
                author, "autho", &schema, false
            )),
            Some((1, "author".into()))
        );
        // Nearer, or the only one near: the schema's key.
        let authors = Verdict::Near(2, "authors".into());
        assert_eq!(
            near(FieldIgnored::with_schema_keys(
                authors, "autorr", &schema, false
            )),
            Some((1, "autor".into()))
        );
        assert_eq!(
            near(FieldIgnored::with_schema_keys(
                Verdict::Unknown,
                "color",
                &schema,
                false
            )),
            Some((1, "colour".into()))
        );
        assert!(matches!(
            FieldIgnored::with_schema_keys(Verdict::Unknown, "colour", &schema, false),
            Verdict::Known
        ));
        assert!(matches!(
            FieldIgnored::with_schema_keys(Verdict::Unknown, "Colour", &schema, true),
            Verdict::Known
        ));
    }

    /// The search before the length and shared-letter bounds: every known key measured.
    fn misspelled_unbounded<'a>(key: &str, known: &[&'a str]) -> Option<(usize, &'a str)> {
        let chars = key.chars().count();
        if chars < 4 {
            return None;
        }
        let budget = if chars >= 7 { 2 } else { 1 };
        let lower = key.to_lowercase();
        known
            .iter()
            .filter(|candidate| **candidate != key)
            .map(|candidate| {
                let distance = if candidate.to_lowercase() == lower {
                    1
                } else {
                    strsim::damerau_levenshtein(key, candidate)
                };
                (distance, *candidate)
            })
            .filter(|(distance, _)| *distance <= budget)
            .min_by_key(|(distance, _)| *distance)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5_000))]
        #[test]
        fn the_bounds_never_change_the_nearest_key(
            // Few letters, so that keys are often near each other; Kelvin sign, dotted
            // capital I and sigma lowercase to other lengths or other letters.
            key in "[adeirtTK\u{212a}\u{130}\u{3a3}_-]{0,10}",
            known in proptest::collection::vec("[adeirtTK\u{212a}\u{130}\u{3a3}_-]{0,10}", 0..12),
        ) {
            let known: Vec<&str> = known.iter().map(String::as_str).collect();
            let bounded = Typo::of(&key).and_then(|typo| {
                known
                    .iter()
                    .filter_map(|candidate| Some((typo.distance(candidate)?, *candidate)))
                    .min_by_key(|(distance, _)| *distance)
            });
            proptest::prop_assert_eq!(bounded, misspelled_unbounded(&key, &known));
        }
    }
}
