//! `excerpt-missing`: the post has no excerpt, written or made by the generator.

use serde::Deserialize;

use super::{
    Context, Expect, FieldNames, FieldSpec, FieldState, Missing, Rule, field_state, missing_field,
    section_omits,
};
use crate::diagnostic::Finding;
use crate::post::Post;
use crate::profile::Profile;
use crate::site::conventions::Concept;
use crate::site::excerpt::{self, Automatic};

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct ExcerptMissing {
    /// Front matter keys that hold the excerpt, in the order they are looked up; by
    /// default the profile's (`[fields] description`).
    pub fields: Option<FieldNames>,
    /// Report every page without it, also in sections of the site where most pages have
    /// none (a theme that does not use the field there).
    pub every_page: bool,
}

impl ExcerptMissing {
    fn names<'a>(&'a self, profile: &'a Profile) -> &'a FieldNames {
        self.fields.as_ref().unwrap_or(&profile.fields.description)
    }
}

const WHY: &str = "search engines show it under the title, and without one they pick a \
                   passage of the post themselves";

impl Rule for ExcerptMissing {
    fn check(&self, post: &Post, context: &Context, findings: &mut Vec<Finding>) {
        let names = self.names(&context.profile);
        let Shown::Nothing(state) = shown(post, names, context) else {
            return;
        };
        let format = post.front_matter_format();
        let example = format.assignment(names.first(), "…");
        let Some((finding, missing)) = missing_field(post, state, names, "excerpt", "text") else {
            return;
        };
        let help = match missing {
            Missing::Empty(_) => format!("write a one- or two-sentence summary of the post; {WHY}"),
            Missing::Absent => {
                format!("add `{example}` with a one- or two-sentence summary; {WHY}")
            }
            Missing::NoFrontMatter => {
                format!("start the file with a front matter block that sets `{example}`; {WHY}")
            }
        };
        // Asked only once a page lacks the field: most runs never read the whole site.
        if section_omits(
            post,
            context,
            Concept::Description,
            self.every_page,
            self.fields.as_ref(),
        ) {
            return;
        }
        findings.push(finding.help(help));
    }

    fn fields(&self, profile: &Profile) -> Vec<FieldSpec> {
        FieldSpec::all(self.names(profile), Expect::Text)
    }
}

/// What the site shows as a post's excerpt.
pub(super) enum Shown<'a> {
    /// A front matter key holds it (or holds what front-matter-invalid reports), or the
    /// generator's configuration gives the key.
    Field,
    /// The generator makes one from the body.
    Automatic(&'a Automatic),
    /// Nothing makes one: the front matter, as it says why.
    Nothing(FieldState<'a>),
}

/// The field under `names` when it is set, else the excerpt the generator makes, else why
/// there is none. A key set to blank text (`description: ""`) is the excerpt, an empty
/// one, where the generator's templates take it over their own (Jekyll, Docusaurus).
pub(super) fn shown<'a>(post: &'a Post, names: &'a [String], context: &Context) -> Shown<'a> {
    if names.iter().any(|name| post.page.given.contains(name)) {
        return Shown::Field;
    }
    let state = field_state(post, names, Expect::Text);
    if matches!(state, FieldState::Set(..) | FieldState::Unknown) {
        return Shown::Field;
    }
    let generator = context.profile.generator;
    let blank_wins = post.front_matter.iter().any(|front_matter| {
        names
            .iter()
            .filter_map(|name| front_matter.get(name)?.value.as_ref())
            .any(|value| !excerpt::passes_over(generator, value))
    });
    if !blank_wins
        && let Some(automatic) = excerpt::automatic(post, &context.site, &context.profile)
    {
        return Shown::Automatic(automatic);
    }
    Shown::Nothing(state)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::Generator;
    use crate::rules::test_support::{check, check_in};

    fn lint(source: &str) -> Vec<Finding> {
        check(&ExcerptMissing::default(), source)
    }

    #[test]
    fn an_automatic_excerpt_is_an_excerpt() {
        let rule = ExcerptMissing::default();
        let source = "---\ntitle: t\n---\nHugo summarizes this.\n";
        assert!(check_in(&rule, Generator::Hugo, source).is_empty());
        // Generic sites and VitePress make none, whatever the body holds.
        let marked = "---\ntitle: t\n---\nIntro.\n<!-- more -->\n";
        assert_eq!(check_in(&rule, Generator::Vitepress, marked).len(), 1);
        assert_eq!(check_in(&rule, Generator::Generic, marked).len(), 1);
    }

    #[test]
    fn a_blank_description_hides_it_where_templates_take_it() {
        let rule = ExcerptMissing::default();
        let source = "---\ndescription: ''\n---\nThe first line.\n";
        let findings = check_in(&rule, Generator::Docusaurus, source);
        assert_eq!(
            findings[0].message,
            "`description` is empty, so the post has no excerpt"
        );
        assert!(check_in(&rule, Generator::Hugo, source).is_empty());
        let null = "---\ndescription:\n---\nThe first line.\n";
        assert!(check_in(&rule, Generator::Docusaurus, null).is_empty());
    }

    #[test]
    fn passes() {
        for source in [
            "---\nexcerpt: text\n---\n",
            "---\ndescription: text\n---\n",
            "---\nexcerpt:\nsummary: text\n---\n",
            "---\nexcerpt: [a, b]\n---\n",
        ] {
            assert!(lint(source).is_empty(), "{source:?}");
        }
    }

    #[test]
    fn empty_and_absent() {
        let source = "---\nexcerpt: ''\n---\n";
        assert_eq!(&source[lint(source)[0].range.clone()], "excerpt");
        assert_eq!(
            lint("---\ntitle: x\n---\n")[0].message,
            "post has no excerpt"
        );
        assert_eq!(
            lint("body\n")[0].message,
            "post has no front matter, so no excerpt"
        );
    }
}
