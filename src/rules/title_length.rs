//! `title-length`: the title is too long for a result page, or too short to say much.

use serde::Deserialize;

use super::{Context, Expect, FieldNames, FieldSpec, MeasuredText, Rule, measured_text, plural};
use crate::diagnostic::{Finding, Severity};
use crate::post::Post;
use crate::profile::Profile;

#[derive(Debug, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct TitleLength {
    /// Front matter keys that hold the title; by default the profile's (`[fields] title`).
    pub fields: Option<FieldNames>,
    /// Fewer display columns than this is reported as info: room left unused.
    pub min: usize,
    /// More display columns than this is a warning: result pages cut the title off.
    pub max: usize,
}

impl Default for TitleLength {
    fn default() -> Self {
        TitleLength {
            fields: None,
            min: 30,
            max: 60,
        }
    }
}

impl TitleLength {
    fn names<'a>(&'a self, profile: &'a Profile) -> &'a FieldNames {
        self.fields.as_ref().unwrap_or(&profile.fields.title)
    }
}

impl Rule for TitleLength {
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
                        "{key} is {measured}; result pages show about {} before cutting it off",
                        self.max
                    ),
                )
                .label(plural(columns, "column"))
                .help(format!(
                    "shorten it by {} columns to at most {} (a CJK character counts 2), keeping \
                     the words a searcher would type at the start",
                    columns - self.max,
                    self.max
                )),
            );
        } else if columns < self.min {
            findings.push(
                Finding::new(
                    range.clone(),
                    format!(
                        "{key} is {measured}; titles of {} to {} say more",
                        self.min, self.max
                    ),
                )
                .label(plural(columns, "column"))
                .help(format!(
                    "a short title is fine if it says it all; otherwise add up to {} columns \
                     of what the post is about",
                    self.max - columns
                ))
                .at_most(Severity::Info),
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

    fn lint(title: &str) -> Vec<Finding> {
        check(
            &TitleLength::default(),
            &format!("---\ntitle: \"{title}\"\n---\n"),
        )
    }

    #[test]
    fn within_bounds_passes() {
        assert!(lint("A title of a reasonable length, forty cols").is_empty());
        // The seed post's title: 34 characters, 55 columns.
        assert!(lint("ChatGPT 能生成图片和视频吗？2025 最新功能解析与版本对比").is_empty());
    }

    #[test]
    fn too_long_is_a_warning_with_numbers() {
        let findings = lint(&"中".repeat(31));
        assert_eq!(
            findings[0].message,
            "title is 62 columns wide (31 characters); result pages show about 60 before cutting it off"
        );
        assert_eq!(findings[0].severity_cap, None);
    }

    #[test]
    fn too_short_is_at_most_info() {
        let findings = lint("Notes");
        assert_eq!(
            findings[0].message,
            "title is 5 columns wide (5 characters); titles of 30 to 60 say more"
        );
        assert_eq!(findings[0].severity_cap, Some(Severity::Info));
    }
}
