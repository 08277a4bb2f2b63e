//! `excerpt-missing`: the post has no excerpt.

use serde::Deserialize;

use super::{Context, Expect, FieldNames, FieldSpec, Missing, Rule, field_state, missing_field};
use crate::diagnostic::Finding;
use crate::post::Post;
use crate::profile::Profile;

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct ExcerptMissing {
    /// Front matter keys that hold the excerpt, in the order they are looked up; by
    /// default the profile's (`[fields] description`).
    pub fields: Option<FieldNames>,
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
        let state = field_state(post, names, Expect::Text);
        if has_excerpt_marker(post, context.profile.excerpt_markers) {
            return;
        }
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
        findings.push(finding.help(help));
    }

    fn fields(&self, profile: &Profile) -> Vec<FieldSpec> {
        FieldSpec::all(self.names(profile), Expect::Text)
    }
}

/// Whether the body has one of the generator's excerpt markers (`<!-- more -->`), which
/// make the text above it the excerpt. Generators match them with optional whitespace
/// inside (Hexo's and Docusaurus's `<!--\s*more\s*-->`), so `<!--truncate-->` counts as
/// `<!-- truncate -->`.
fn has_excerpt_marker(post: &Post, markers: &[&str]) -> bool {
    let body = &post.source[post.body_start..];
    let squeezed = |text: &str| -> String { text.chars().filter(|c| !c.is_whitespace()).collect() };
    let wanted: Vec<String> = markers.iter().map(|marker| squeezed(marker)).collect();
    for (open, close) in [("<!--", "-->"), ("{/*", "*/}")] {
        for at in memchr::memmem::find_iter(body.as_bytes(), open) {
            let rest = &body[at..];
            // A marker is a word between its delimiters: look no further than a line.
            let Some(end) = rest
                .get(..rest.len().min(64))
                .and_then(|head| head.find(close))
            else {
                continue;
            };
            let comment = squeezed(&rest[..end + close.len()]);
            if wanted.contains(&comment) {
                return true;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::check;

    fn lint(source: &str) -> Vec<Finding> {
        check(&ExcerptMissing::default(), source)
    }

    #[test]
    fn markers_with_or_without_spaces() {
        let post = |body: &str| Post::parse("post.md", format!("---\ntitle: t\n---\n{body}"));
        let markers = ["<!-- truncate -->", "{/* truncate */}"];
        assert!(has_excerpt_marker(
            &post("Intro.\n<!--truncate-->\nRest."),
            &markers
        ));
        assert!(has_excerpt_marker(
            &post("Intro.\n<!--  truncate\t-->\n"),
            &markers
        ));
        assert!(has_excerpt_marker(
            &post("Intro.\n{/*truncate*/}\n"),
            &markers
        ));
        assert!(!has_excerpt_marker(
            &post("Intro.\n<!-- truncated -->\n"),
            &markers
        ));
        assert!(!has_excerpt_marker(
            &post("<!-- a long comment with truncate inside it -->"),
            &markers
        ));
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
