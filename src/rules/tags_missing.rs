//! `tags-missing`: the post has no tags.

use serde::Deserialize;

use super::{
    Context, Expect, FieldNames, FieldSpec, Rule, field_state, missing_field, section_omits,
};
use crate::diagnostic::Finding;
use crate::post::{Format, Post};
use crate::profile::Profile;
use crate::site::conventions::Concept;

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct TagsMissing {
    /// Front matter keys that hold the tags; by default the profile's (`[fields] tags`).
    pub fields: Option<FieldNames>,
    /// Report every page without it, also in sections of the site where most pages have
    /// none (a theme that does not use the field there).
    pub every_page: bool,
}

impl TagsMissing {
    fn names<'a>(&'a self, profile: &'a Profile) -> &'a FieldNames {
        self.fields.as_ref().unwrap_or(&profile.fields.tags)
    }
}

const WHY: &str = "tag pages link related posts together, which helps readers and crawlers \
                   find them";

impl Rule for TagsMissing {
    fn check(&self, post: &Post, context: &Context, findings: &mut Vec<Finding>) {
        let names = self.names(&context.profile);
        let format = post.front_matter_format();
        let example = match format {
            Format::Yaml => format!("{}: [tag-one, tag-two]", names.first()),
            Format::Toml => format!("{} = [\"tag-one\", \"tag-two\"]", names.first()),
            Format::Json => format!("\"{}\": [\"tag-one\", \"tag-two\"]", names.first()),
        };
        let state = field_state(post, names, Expect::Terms);
        let Some((finding, _)) = missing_field(post, state, names, "tags", "tags") else {
            return;
        };
        // Asked only once a page lacks the field: most runs never read the whole site.
        if section_omits(
            post,
            context,
            Concept::Tags,
            self.every_page,
            self.fields.as_ref(),
        ) {
            return;
        }
        findings.push(finding.help(format!("add `{example}`; {WHY}")));
    }

    fn fields(&self, profile: &Profile) -> Vec<FieldSpec> {
        FieldSpec::all(self.names(profile), Expect::Terms)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::check;

    fn messages(source: &str) -> Vec<String> {
        check(&TagsMissing::default(), source)
            .into_iter()
            .map(|finding| finding.message)
            .collect()
    }

    #[test]
    fn tags_in_any_form_pass() {
        assert!(messages("---\ntags: [a, b]\n---\n").is_empty());
        assert!(messages("---\ntags:\n  - a\n---\n").is_empty());
        assert!(messages("---\ntags: a b\n---\n").is_empty());
        assert!(messages("---\ntag: rust\n---\n").is_empty());
        assert!(messages("+++\ntags = [\"a\"]\n+++\n").is_empty());
        assert!(messages("---\ntags:\n  - label: a\n    permalink: /a\n---\n").is_empty());
    }

    #[test]
    fn empty_absent_and_no_front_matter() {
        assert_eq!(
            messages("---\ntags: []\n---\n"),
            ["`tags` is empty, so the post has no tags"]
        );
        assert_eq!(
            messages("---\ntags:\n---\n"),
            ["`tags` is empty, so the post has no tags"]
        );
        assert_eq!(messages("---\ntitle: t\n---\n"), ["post has no tags"]);
        assert_eq!(messages("text\n"), ["post has no front matter, so no tags"]);
    }

    #[test]
    fn wrong_types_are_left_to_front_matter_invalid() {
        assert!(messages("---\ntags: true\n---\n").is_empty());
        assert!(messages("---\ntags: [[a]]\n---\n").is_empty());
    }
}
