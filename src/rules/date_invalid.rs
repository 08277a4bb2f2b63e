//! `date-invalid`: the date is missing where the generator needs one, does not parse, is
//! later than the update date, or is in the future.

use std::time::{SystemTime, UNIX_EPOCH};

use serde::Deserialize;

use super::{Context, Expect, FieldSpec, FieldState, Rule, field_state, list_names};
use crate::date::{self, Timestamp};
use crate::diagnostic::{Finding, Severity};
use crate::post::{Entry, Post, Value};
use crate::profile::Profile;

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct DateInvalid {}

/// Without an offset a date may be in any time zone: up to 14 hours ahead of UTC.
const UNKNOWN_ZONE_GRACE: i64 = 14 * 3600;

const FORMATS: &str = "`2025-11-13`, `2025-11-13 12:51:00` or `2025-11-13T12:51:00+08:00`";

/// A date field that is set, parsed or with the reason it does not parse.
struct DateField<'a> {
    entry: &'a Entry,
    value: &'a Value,
    parsed: Result<Timestamp, String>,
}

fn read<'a>(post: &'a Post, names: &'a [String]) -> Option<DateField<'a>> {
    let FieldState::Set(entry, value) = field_state(post, names, Expect::Text) else {
        return None;
    };
    let text = value.as_text()?;
    Some(DateField {
        entry,
        value,
        parsed: date::parse(text),
    })
}

fn unparsable(field: &DateField<'_>, reason: &str) -> Finding {
    let text = field.value.as_text().unwrap_or_default();
    Finding::new(
        field.value.range.clone(),
        format!(
            "`{}` is not a date: `{}`: {reason}",
            field.entry.key,
            text.trim()
        ),
    )
    .label(reason.to_owned())
    .help(format!(
        "write it as {FORMATS}; generators that cannot read it fall back to the file's time"
    ))
}

fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs() as i64)
}

impl DateInvalid {
    fn missing(&self, post: &Post, profile: &Profile, findings: &mut Vec<Finding>) {
        // The site's model knows where the generator needs a date: Astro's schema, a
        // Docusaurus blog post whose file name has none.
        if !post.page.needs_date {
            return;
        }
        let names = &profile.fields.date;
        let format = post.front_matter_format();
        let finding = match field_state(post, names, Expect::Text) {
            FieldState::Empty(entry) => Finding::new(
                entry.key_range.clone(),
                format!(
                    "`{}` is empty, and {} needs a date",
                    entry.key, profile.generator
                ),
            )
            .label("no date given"),
            FieldState::Absent | FieldState::NoFrontMatter => Finding::new(
                post.anchor(),
                format!("post has no date, and {} needs one", profile.generator),
            )
            .label(format!("no {} here", list_names(names))),
            _ => return,
        };
        findings.push(finding.help(format!(
            "add `{}`",
            format.assignment(names.first(), "2025-11-13")
        )));
    }
}

impl Rule for DateInvalid {
    fn check(&self, post: &Post, context: &Context, findings: &mut Vec<Finding>) {
        let profile = &context.profile;
        let Some(published) = read(post, &profile.fields.date) else {
            self.missing(post, profile, findings);
            return;
        };
        let updated = read(post, &profile.fields.updated);
        if let Some(updated) = &updated
            && let Err(reason) = &updated.parsed
        {
            findings.push(unparsable(updated, reason));
        }
        let date = match &published.parsed {
            Ok(date) => *date,
            Err(reason) => {
                findings.push(unparsable(&published, reason));
                return;
            }
        };
        if let Some(updated) = &updated
            && let Ok(updated_date) = &updated.parsed
            && updated_date.unix_seconds() < date.unix_seconds()
        {
            findings.push(
                Finding::new(
                    updated.value.range.clone(),
                    format!(
                        "`{}` ({updated_date}) is earlier than `{}` ({date})",
                        updated.entry.key, published.entry.key
                    ),
                )
                .label("earlier than the date")
                .secondary(published.value.range.clone(), "published here")
                .help(format!(
                    "an update comes after publication: swap the two, or correct `{}`",
                    updated.entry.key
                )),
            );
        }
        let grace = if date.offset_minutes.is_some() {
            0
        } else {
            UNKNOWN_ZONE_GRACE
        };
        if date.unix_seconds() > now() + grace {
            findings.push(
                Finding::new(
                    published.value.range.clone(),
                    format!("`{}` ({date}) is in the future", published.entry.key),
                )
                .label("in the future")
                .help(
                    "generators leave future posts out of a build unless told otherwise \
                     (Hugo's `buildFuture`, Jekyll's `future`, Hexo's `future`); fine for a \
                     scheduled post",
                )
                .at_most(Severity::Info),
            );
        }
    }

    fn fields(&self, profile: &Profile) -> Vec<FieldSpec> {
        let mut specs = FieldSpec::all(&profile.fields.date, Expect::Text);
        specs.extend(FieldSpec::all(&profile.fields.updated, Expect::Text));
        specs
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::Generator;
    use crate::rules::test_support::check;

    fn messages(source: &str) -> Vec<String> {
        check(&DateInvalid::default(), source)
            .into_iter()
            .map(|finding| finding.message)
            .collect()
    }

    #[test]
    fn good_dates_pass() {
        assert!(messages("---\ndate: 2025-11-13 12:51:00\n---\n").is_empty());
        assert!(messages("---\ndate: 2025-11-13\nupdated: 2025-11-14\n---\n").is_empty());
        assert!(messages("+++\ndate = 2025-11-13T12:51:00+08:00\n+++\n").is_empty());
        assert!(messages("---\ntitle: no date is fine for most generators\n---\n").is_empty());
    }

    #[test]
    fn unparsable_dates_say_why() {
        assert_eq!(
            messages("---\ndate: 2025-02-30\n---\n"),
            ["`date` is not a date: `2025-02-30`: February has no day 30 (it has 28 days)"]
        );
        assert_eq!(
            messages("---\ndate: 2025-11-13\nupdated: last week\n---\n"),
            ["`updated` is not a date: `last week`: expected a four-digit year first"]
        );
    }

    #[test]
    fn updated_before_date() {
        assert_eq!(
            messages("---\ndate: 2025-11-13\nupdated: 2025-01-02\n---\n"),
            ["`updated` (2025-01-02) is earlier than `date` (2025-11-13)"]
        );
    }

    #[test]
    fn a_future_date_is_at_most_info() {
        let findings = check(&DateInvalid::default(), "---\ndate: 2999-01-01\n---\n");
        assert_eq!(findings[0].message, "`date` (2999-01-01) is in the future");
        assert_eq!(findings[0].severity_cap, Some(Severity::Info));
    }

    #[test]
    fn asked_for_where_the_site_model_needs_one() {
        let rule = DateInvalid::default();
        let findings = |source: &str, needs_date: bool| {
            let mut post = Post::parse("post.md", source.to_owned());
            post.page.needs_date = needs_date;
            let context = Context {
                profile: Profile::new(Generator::Astro),
                ..Context::default()
            };
            let mut findings = Vec::new();
            rule.check(&post, &context, &mut findings);
            findings
        };
        assert_eq!(
            findings("---\ntitle: t\n---\n", true)[0].message,
            "post has no date, and astro needs one"
        );
        assert!(findings("---\npubDate: 2025-01-01\n---\n", true).is_empty());
        assert!(findings("---\ntitle: t\n---\n", false).is_empty());
    }
}
