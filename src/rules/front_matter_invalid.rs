//! `front-matter-invalid`: the front matter does not parse, repeats a key, or gives a
//! field a rule reads the wrong type of value.

use serde::Deserialize;

use super::{Context, Expect, Rule};
use crate::diagnostic::Finding;
use crate::documented_keys;
use crate::post::{Post, ValueKind};

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FrontMatterInvalid {}

impl Rule for FrontMatterInvalid {
    fn check(&self, post: &Post, context: &Context, findings: &mut Vec<Finding>) {
        let Some(front_matter) = &post.front_matter else {
            return;
        };
        for problem in &front_matter.problems {
            let mut finding = Finding::new(problem.range.clone(), problem.message.clone());
            if let Some(help) = &problem.help {
                finding = finding.help(help.clone());
            }
            if let Some((range, text)) = &problem.secondary {
                finding = finding.secondary(range.clone(), text.clone());
            }
            findings.push(finding);
        }
        for entry in &front_matter.entries {
            let Some(value) = &entry.value else { continue };
            let Some(spec) = context.fields.iter().find(|spec| spec.name == entry.key) else {
                continue;
            };
            // A value the generator documents for the key is valid, whatever a rule
            // expects of most values (VitePress's `lastUpdated: false`).
            let documented = documented_keys::lookup(context.profile.generator, &entry.key)
                .is_some_and(|key| key.accepts(value));
            if spec.expect.accepts(value) || documented {
                continue;
            }
            let expected = spec.expect.describe();
            let help = match (&value.kind, spec.expect) {
                (ValueKind::List(_), Expect::Text) => format!(
                    "write `{}` as one string; a list is read as its first item, or not at all",
                    entry.key
                ),
                _ => format!("give `{}` {expected}", entry.key),
            };
            findings.push(
                Finding::new(
                    value.range.clone(),
                    format!(
                        "`{}` should be {expected}, not {}",
                        entry.key,
                        value.kind_name()
                    ),
                )
                .label(value.kind_name())
                .help(help),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::Generator;
    use crate::rules::test_support::{check_with_context, check_with_context_in};

    fn messages(source: &str) -> Vec<String> {
        check_with_context(&FrontMatterInvalid::default(), source)
            .into_iter()
            .map(|finding| finding.message)
            .collect()
    }

    #[test]
    fn valid_front_matter_passes() {
        assert!(messages("---\ntitle: t\nexcerpt: e\ncover: [a.png]\ntags: [a]\n---\n").is_empty());
        assert!(messages("no front matter\n").is_empty());
        assert!(messages("---\nexcerpt:\ncover: false\nslug: 2024\n---\n").is_empty());
    }

    #[test]
    fn wrong_types_of_linted_fields() {
        assert_eq!(
            messages("---\nexcerpt: [a, b]\n---\n"),
            ["`excerpt` should be text, not a list"]
        );
        assert_eq!(
            messages("---\ncover: 3\n---\n"),
            [
                "`cover` should be an image path or URL (or a list of them, or `false`), not a number"
            ]
        );
        // Fields no rule reads may hold anything.
        assert!(messages("---\nextra: {a: b}\n---\n").is_empty());
    }

    #[test]
    fn syntax_errors_duplicates_and_unclosed_blocks() {
        assert!(
            messages("---\ntitle: [a\n---\n")[0].starts_with("front matter is not valid YAML: ")
        );
        assert_eq!(messages("---\na: 1\na: 2\n---\n"), ["duplicate key `a`"]);
        assert_eq!(
            messages("---\ntitle: t\n"),
            ["front matter opened here is never closed by a `---` line"]
        );
    }

    #[test]
    fn toml_and_json_are_checked_like_yaml() {
        assert!(messages("+++\ntitle = 'x'\nexcerpt = 'e'\n+++\n").is_empty());
        assert_eq!(
            messages("+++\ntitle = 'x'\nexcerpt = ['a', 'b']\n+++\n"),
            ["`excerpt` should be text, not a list"]
        );
        assert!(
            messages("+++\ntitle = \n+++\n")[0].starts_with("front matter is not valid TOML: ")
        );
        assert!(messages("{\n  \"title\": \"x\"\n}\n").is_empty());
        assert_eq!(
            messages("{\n  \"cover\": 3\n}\n"),
            [
                "`cover` should be an image path or URL (or a list of them, or `false`), not a number"
            ]
        );
        assert!(
            messages("{\n  \"title\": \"x\",\n}\n")[0]
                .starts_with("front matter is not valid JSON: ")
        );
    }

    #[test]
    fn values_the_generator_documents_are_valid() {
        // VitePress documents `lastUpdated` as `boolean | Date`.
        let source = "---\ntitle: T\nlastUpdated: false\n---\n";
        assert!(
            check_with_context_in(&FrontMatterInvalid::default(), Generator::Vitepress, source)
                .is_empty()
        );
        let source = "---\ntitle: T\nlastUpdated: [2025]\n---\n";
        assert_eq!(
            check_with_context_in(&FrontMatterInvalid::default(), Generator::Vitepress, source)
                .len(),
            1
        );
    }
}
