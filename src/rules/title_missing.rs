//! `title-missing`: the post has no title.

use serde::Deserialize;

use super::{Context, Expect, FieldNames, FieldSpec, Missing, Rule, field_state, missing_field};
use crate::diagnostic::Finding;
use crate::post::Post;
use crate::profile::{Generator, Profile};

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct TitleMissing {
    /// Front matter keys that hold the title; by default the profile's (`[fields] title`).
    pub fields: Option<FieldNames>,
}

impl TitleMissing {
    fn names<'a>(&'a self, profile: &'a Profile) -> &'a FieldNames {
        self.fields.as_ref().unwrap_or(&profile.fields.title)
    }
}

/// Docusaurus and VitePress take a page's title from its first heading when it is an h1.
fn title_from_h1(post: &Post, generator: Generator) -> bool {
    matches!(generator, Generator::Docusaurus | Generator::Vitepress)
        && post
            .headings
            .first()
            .is_some_and(|heading| heading.level == 1)
}

const WHY: &str = "the title is the page's `<title>`, its heading in search results and \
                   its name when shared";

impl Rule for TitleMissing {
    fn check(&self, post: &Post, context: &Context, findings: &mut Vec<Finding>) {
        let names = self.names(&context.profile);
        let state = field_state(post, names, Expect::Text);
        // A home page's title is the site's (the configuration's `title`).
        if title_from_h1(post, context.profile.generator) || post.page.home {
            return;
        }
        let format = post.front_matter_format();
        let example = format.assignment(names.first(), "…");
        let Some((finding, missing)) = missing_field(post, state, names, "title", "text") else {
            return;
        };
        let help = match missing {
            Missing::Empty(_) => format!("write the post's title here; {WHY}"),
            Missing::Absent => format!("add `{example}`; {WHY}"),
            Missing::NoFrontMatter => {
                format!("start the file with a front matter block that sets `{example}`; {WHY}")
            }
        };
        findings.push(finding.help(help));
    }

    fn fields(&self, profile: &Profile) -> Vec<FieldSpec> {
        FieldSpec::all(self.names(profile), Expect::Text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::{check, check_in};

    fn messages(source: &str) -> Vec<String> {
        check(&TitleMissing::default(), source)
            .into_iter()
            .map(|finding| finding.message)
            .collect()
    }

    #[test]
    fn a_title_passes() {
        assert!(messages("---\ntitle: Hello\n---\n").is_empty());
        assert!(messages("+++\ntitle = \"Hello\"\n+++\n").is_empty());
        assert!(messages("---\ntitle: 2024\n---\n").is_empty());
    }

    #[test]
    fn empty_absent_and_no_front_matter() {
        assert_eq!(
            messages("---\ntitle: \"\"\n---\n"),
            ["`title` is empty, so the post has no title"]
        );
        assert_eq!(messages("---\nslug: x\n---\n"), ["post has no title"]);
        assert_eq!(
            messages("# Body h1\n"),
            ["post has no front matter, so no title"]
        );
    }

    #[test]
    fn docusaurus_takes_the_title_from_a_first_h1() {
        let post = "---\nslug: x\n---\n# The title\n";
        assert!(check_in(&TitleMissing::default(), Generator::Docusaurus, post).is_empty());
        assert_eq!(
            check_in(&TitleMissing::default(), Generator::Hugo, post).len(),
            1
        );
    }
}
