//! `excerpt-length`: the excerpt is too short or too long for a search result snippet;
//! an excerpt the generator makes is checked for being too short only.

use serde::Deserialize;

use super::excerpt_missing::{Shown, shown};
use super::{Context, Expect, FieldNames, FieldSpec, MeasuredText, Rule, measured_text, plural};
use crate::diagnostic::Finding;
use crate::post::Post;
use crate::profile::Profile;
use crate::site::excerpt::Automatic;

#[derive(Debug, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct ExcerptLength {
    /// Front matter keys that hold the excerpt; by default the profile's
    /// (`[fields] description`).
    pub fields: Option<FieldNames>,
    /// Fewest display columns (CJK characters count 2): 80, Rank Math's lower bound, above
    /// Screaming Frog's (below 70); see the rule's page.
    pub min: usize,
    /// Most display columns; search results cut the snippet at about this width.
    pub max: usize,
}

impl Default for ExcerptLength {
    fn default() -> Self {
        ExcerptLength {
            fields: None,
            min: 80,
            max: 160,
        }
    }
}

impl Rule for ExcerptLength {
    fn check(&self, post: &Post, context: &Context, findings: &mut Vec<Finding>) {
        let names = self.names(&context.profile);
        match shown(post, names, context) {
            Shown::Field => self.check_field(post, names, findings),
            Shown::Automatic(automatic) => self.check_automatic(post, names, automatic, findings),
            Shown::Nothing(_) => {}
        }
    }

    fn fields(&self, profile: &Profile) -> Vec<FieldSpec> {
        FieldSpec::all(self.names(profile), Expect::Text)
    }

    fn validate(&self) -> Result<(), String> {
        super::check_bounds(self.min, self.max)
    }
}

impl ExcerptLength {
    fn names<'a>(&'a self, profile: &'a Profile) -> &'a FieldNames {
        self.fields.as_ref().unwrap_or(&profile.fields.description)
    }

    /// A written excerpt: within `min` and `max`.
    fn check_field(&self, post: &Post, names: &FieldNames, findings: &mut Vec<Finding>) {
        let Some(MeasuredText {
            key,
            range,
            columns,
            measured,
        }) = measured_text(post, names)
        else {
            return;
        };
        if columns > self.max {
            findings.push(
                Finding::new(
                    range.clone(),
                    format!(
                        "{key} is {measured}; search results show about {}",
                        self.max
                    ),
                )
                .label(plural(columns, "column"))
                .help(format!(
                    "shorten it by {} columns to at most {} (a CJK character counts 2), \
                     or search engines cut it off mid-sentence",
                    columns - self.max,
                    self.max
                )),
            );
        } else if columns < self.min {
            findings.push(
                Finding::new(
                    range.clone(),
                    format!("{key} is {measured}; aim for at least {}", self.min),
                )
                .label(plural(columns, "column"))
                .help(format!(
                    "add {} columns or more to reach {}–{} (a CJK character counts 2), \
                     so the snippet is your summary, not a passage search engines pick",
                    self.min - columns,
                    self.min,
                    self.max
                )),
            );
        }
    }

    /// An excerpt the generator makes: only too short. Templates and search engines cut
    /// a long one, and nearly every page's first paragraph is longer than a snippet.
    fn check_automatic(
        &self,
        post: &Post,
        names: &FieldNames,
        automatic: &Automatic,
        findings: &mut Vec<Finding>,
    ) {
        if !automatic.known {
            return;
        }
        let (columns, characters) = crate::text::display_width(&automatic.text);
        if columns >= self.min {
            return;
        }
        let example = post.front_matter_format().assignment(names.first(), "…");
        let how = &automatic.how;
        let why = if columns == 0 {
            "it holds no text here (an image, markup alone, or a blank line where the \
             generator ends it), so the page is described by the site's description or not \
             at all"
        } else {
            "without one, the site shows this text as the page's description"
        };
        let (range, message, label) = if columns == 0 {
            (
                post.anchor(),
                format!(
                    "the automatic excerpt ({how}) has no text; aim for at least {} columns",
                    self.min
                ),
                "no text in the excerpt".to_owned(),
            )
        } else {
            (
                automatic.range.clone(),
                format!(
                    "the automatic excerpt `{}` ({how}) is {}; aim for at least {}",
                    automatic
                        .text
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" "),
                    super::width_text(columns, characters),
                    self.min
                ),
                plural(columns, "column"),
            )
        };
        findings.push(Finding::new(range, message).label(label).help(format!(
            "add `{example}` with a one- or two-sentence summary of {}–{} columns (a CJK \
             character counts 2): {why}",
            self.min, self.max
        )));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::Generator;
    use crate::rules::test_support::{check, check_in};

    #[test]
    fn an_automatic_excerpt_is_reported_only_too_short() {
        let rule = ExcerptLength::default();
        let short = "---\ntitle: t\n---\n\nComing soon.\n";
        let findings = check_in(&rule, Generator::Hugo, short);
        assert_eq!(
            findings[0].message,
            "the automatic excerpt `Coming soon.` (Hugo's automatic summary, the first 70 words \
             rounded up to a paragraph) is 12 columns wide (12 characters); aim for at least 80"
        );
        assert_eq!(&short[findings[0].range.clone()], "Coming soon.");
        let long = format!("---\ntitle: t\n---\n\n{}\n", "word ".repeat(90));
        assert!(check_in(&rule, Generator::Hugo, &long).is_empty());
        // A shortcode's output is not known.
        let shortcode = "---\ntitle: t\n---\n\n{{< intro >}}\n";
        assert!(check_in(&rule, Generator::Hugo, shortcode).is_empty());
    }

    fn lint(excerpt: &str) -> Vec<Finding> {
        check(
            &ExcerptLength::default(),
            &format!("---\nexcerpt: \"{excerpt}\"\n---\n"),
        )
    }

    #[test]
    fn within_bounds_passes() {
        assert!(lint(&"a".repeat(80)).is_empty());
        assert!(lint(&"a".repeat(160)).is_empty());
        // Forty CJK characters, Baidu's "about 50" less a fifth, pass; 39 do not.
        assert!(lint(&"中".repeat(40)).is_empty());
        assert!(lint(&"中".repeat(80)).is_empty());
        assert_eq!(lint(&"a".repeat(79)).len(), 1);
    }

    #[test]
    fn too_long_gives_the_numbers() {
        let findings = lint(&"中".repeat(106));
        assert_eq!(
            findings[0].message,
            "excerpt is 212 columns wide (106 characters); search results show about 160"
        );
    }

    #[test]
    fn too_short_gives_the_numbers() {
        let findings = lint(&"中".repeat(39));
        assert_eq!(
            findings[0].message,
            "excerpt is 78 columns wide (39 characters); aim for at least 80"
        );
        // The same 39 characters in ASCII are narrower: the unit is fair to both.
        assert!(lint(&"a".repeat(39))[0].message.contains("39 columns wide"));
    }

    #[test]
    fn min_above_max_is_a_configuration_error() {
        let rule = ExcerptLength {
            min: 200,
            ..ExcerptLength::default()
        };
        assert!(rule.validate().is_err());
    }
}
