//! `cover-missing`: the post has no cover image.

use serde::Deserialize;

use super::{
    Context, Expect, FieldNames, FieldSpec, Missing, Rule, field_state, missing_field,
    section_omits,
};
use crate::diagnostic::Finding;
use crate::post::{Format, Post};
use crate::profile::Profile;
use crate::site::conventions::Concept;

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct CoverMissing {
    /// Front matter keys that hold the cover image, in the order they are looked up;
    /// by default the profile's (`[fields] cover`).
    pub fields: Option<FieldNames>,
    /// Report every page without it, also in sections of the site where most pages have
    /// none (a theme that does not use the field there).
    pub every_page: bool,
}

impl CoverMissing {
    fn names<'a>(&'a self, profile: &'a Profile) -> &'a FieldNames {
        self.fields.as_ref().unwrap_or(&profile.fields.cover)
    }
}

/// How to fix a missing cover, written the way the post's front matter writes values.
fn help(format: Format, key: &str) -> String {
    format!(
        "give it an image path or URL, such as `{}` (social cards and post listings show it), \
         or write `{}` to publish without one",
        format.assignment(key, "/images/post-cover.png"),
        format.assignment(key, "false")
    )
}

impl Rule for CoverMissing {
    fn check(&self, post: &Post, context: &Context, findings: &mut Vec<Finding>) {
        let names = self.names(&context.profile);
        let format = post.front_matter_format();
        let state = field_state(post, names, Expect::Image);
        let Some((finding, missing)) = missing_field(post, state, names, "cover image", "image")
        else {
            return;
        };
        let help = match missing {
            Missing::Empty(entry) => help(format, &entry.key),
            Missing::Absent => format!("add a cover field: {}", help(format, names.first())),
            Missing::NoFrontMatter => format!(
                "start the file with a front matter block (a `---` line, `{}`, a `---` line)",
                format.assignment(names.first(), "/images/post-cover.png")
            ),
        };
        // Asked only once a page lacks the field: most runs never read the whole site.
        if section_omits(
            post,
            context,
            Concept::Cover,
            self.every_page,
            self.fields.as_ref(),
        ) {
            return;
        }
        findings.push(finding.help(help));
    }

    fn fields(&self, profile: &Profile) -> Vec<FieldSpec> {
        FieldSpec::all(self.names(profile), Expect::Image)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::check;

    fn lint(source: &str) -> Vec<Finding> {
        check(&CoverMissing::default(), source)
    }

    #[test]
    fn passes() {
        for source in [
            "---\ncover: /a.png\n---\n",
            "---\nimage: https://x/a.png\n---\n",
            "---\ncover: false\n---\n",
            "---\nimages: [a.png]\n---\n",
            "---\ncover:\n  image: a.png\n  alt: x\n---\n",
            "---\ncover:\nthumbnail: a.png\n---\n",
            "---\ncover: [\n---\n",
        ] {
            assert!(lint(source).is_empty(), "{source:?}: {:?}", lint(source));
        }
    }

    #[test]
    fn empty_key_is_labelled() {
        let source = "---\ntitle: t\ncover: \n---\n";
        let findings = lint(source);
        assert_eq!(findings.len(), 1);
        assert_eq!(&source[findings[0].range.clone()], "cover");
        assert_eq!(
            findings[0].message,
            "`cover` is empty, so the post has no cover image"
        );
    }

    #[test]
    fn blank_string_empty_list_and_mapping_without_image_are_empty() {
        for source in [
            "---\ncover: \"  \"\n---\n",
            "---\ncover: []\n---\n",
            "---\ncover: ~\n---\n",
            "---\ncover:\n  alt: x\n---\n",
        ] {
            assert_eq!(lint(source).len(), 1, "{source:?}");
        }
    }

    #[test]
    fn absent_points_at_the_opening_line() {
        let findings = lint("---\ntitle: t\n---\n");
        assert_eq!(findings[0].range, 0..3);
        assert_eq!(findings[0].message, "post has no cover image");
    }

    #[test]
    fn no_front_matter() {
        let findings = lint("# Just a body\n");
        assert_eq!(findings[0].range, 0..0);
    }

    #[test]
    fn unclosed_or_unsupported_blocks_are_not_guessed_at() {
        assert!(lint("---\ntitle: t\n").is_empty());
        assert!(lint("+++\ntitle = \n+++\n").is_empty());
    }

    #[test]
    fn wrong_type_is_left_to_front_matter_invalid() {
        assert!(lint("---\ncover: 3\n---\n").is_empty());
        assert!(lint("---\ncover: true\n---\n").is_empty());
    }
}
