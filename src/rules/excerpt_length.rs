//! `excerpt-length`: the excerpt is too short or too long for a search result snippet.

use serde::Deserialize;

use super::{Context, Expect, FieldNames, FieldSpec, MeasuredText, Rule, measured_text, plural};
use crate::diagnostic::Finding;
use crate::post::Post;
use crate::profile::Profile;

#[derive(Debug, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct ExcerptLength {
    /// Front matter keys that hold the excerpt; by default the profile's
    /// (`[fields] description`).
    pub fields: Option<FieldNames>,
    /// Fewest display columns (CJK characters count 2).
    pub min: usize,
    /// Most display columns; search results cut the snippet at about this width.
    pub max: usize,
}

impl Default for ExcerptLength {
    fn default() -> Self {
        ExcerptLength {
            fields: None,
            min: 100,
            max: 160,
        }
    }
}

impl ExcerptLength {
    fn names<'a>(&'a self, profile: &'a Profile) -> &'a FieldNames {
        self.fields.as_ref().unwrap_or(&profile.fields.description)
    }
}

impl Rule for ExcerptLength {
    fn check(&self, post: &Post, context: &Context, findings: &mut Vec<Finding>) {
        let Some(MeasuredText {
            key,
            range,
            columns,
            measured,
        }) = measured_text(post, self.names(&context.profile))
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

    fn fields(&self, profile: &Profile) -> Vec<FieldSpec> {
        FieldSpec::all(self.names(profile), Expect::Text)
    }

    fn validate(&self) -> Result<(), String> {
        super::check_bounds(self.min, self.max)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::check;

    fn lint(excerpt: &str) -> Vec<Finding> {
        check(
            &ExcerptLength::default(),
            &format!("---\nexcerpt: \"{excerpt}\"\n---\n"),
        )
    }

    #[test]
    fn within_bounds_passes() {
        assert!(lint(&"a".repeat(100)).is_empty());
        assert!(lint(&"a".repeat(160)).is_empty());
        assert!(lint(&"中".repeat(80)).is_empty());
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
        let findings = lint(&"中".repeat(40));
        assert_eq!(
            findings[0].message,
            "excerpt is 80 columns wide (40 characters); aim for at least 100"
        );
        // The same 40 characters in ASCII are narrower: the unit is fair to both.
        assert!(lint(&"a".repeat(40))[0].message.contains("40 columns wide"));
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
