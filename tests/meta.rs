//! Holds the codebase to its conventions: every rule is named, documented and tested the
//! same way.

use std::collections::BTreeSet;
use std::path::Path;

use postlint::rules::RULES;

const SECTIONS: [&str; 6] = [
    "## What it checks",
    "## Why it matters",
    "## Example",
    "## Use instead",
    "## Options",
    "## Fix",
];

#[test]
fn rule_names_are_unique_kebab_case() {
    let mut seen = BTreeSet::new();
    for info in RULES {
        assert!(
            seen.insert(info.name),
            "`{}` is registered twice",
            info.name
        );
        let kebab = !info.name.is_empty()
            && info.name.split('-').all(|word| {
                !word.is_empty()
                    && word
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            });
        assert!(kebab, "`{}` is not kebab-case", info.name);
    }
}

#[test]
fn summaries_start_lowercase_without_a_trailing_period() {
    for info in RULES {
        assert!(
            !info.summary.starts_with(|c: char| c.is_uppercase()),
            "{}",
            info.name
        );
        assert!(!info.summary.ends_with('.'), "{}", info.name);
    }
}

#[test]
fn every_rule_has_a_page_with_the_fixed_sections() {
    let rules_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    for info in RULES {
        let page = std::fs::read_to_string(rules_dir.join(format!("{}.md", info.name)))
            .unwrap_or_else(|_| panic!("rules/{}.md exists", info.name));
        assert_eq!(page, info.doc, "the embedded page is the file");
        assert!(
            page.starts_with(&format!("# {}\n", info.name)),
            "{}",
            info.name
        );
        let mut last = 0;
        for section in SECTIONS {
            let at = page
                .find(&format!("\n{section}\n"))
                .unwrap_or_else(|| panic!("rules/{}.md has `{section}`", info.name));
            assert!(
                at > last,
                "rules/{}.md has `{section}` out of order",
                info.name
            );
            last = at;
        }
        assert!(
            page.contains(&format!("[rules.{}]", info.name)),
            "rules/{}.md shows its configuration table",
            info.name
        );
    }
}

#[test]
fn every_page_in_rules_is_a_registered_rule() {
    let rules_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    for entry in std::fs::read_dir(rules_dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_str().unwrap().to_owned();
        assert!(
            RULES.iter().any(|info| info.name == name),
            "rules/{name}.md documents no registered rule"
        );
    }
}

/// The first fenced block of `language` in `text`, without its fences.
fn fenced_block<'a>(text: &'a str, language: &str) -> &'a str {
    let open = format!("```{language}\n");
    let start = text.find(&open).expect("a fenced block") + open.len();
    let end = start + text[start..].find("\n```").expect("a closing fence");
    &text[start..=end]
}

/// The text between a section's heading and the next section's (examples hold headings
/// of their own, so the next one is named).
fn section<'a>(page: &'a str, heading: &str, next: &str) -> &'a str {
    let start = page.find(&format!("\n{heading}\n")).expect("the section") + heading.len() + 2;
    let end = page.find(&format!("\n{next}\n")).expect("the next section");
    &page[start..end]
}

/// How a page's example is run: the file name it is saved under (a page says "saved as
/// `NAME`" when the name matters) and the configuration it needs (a ```toml block in the
/// Example section), else `post.md` with the defaults.
struct ExampleSetup<'a> {
    file_name: &'a str,
    config: Option<&'a str>,
}

impl<'a> ExampleSetup<'a> {
    fn of(example: &'a str) -> Self {
        let file_name = example
            .find("saved as `")
            .map(|at| {
                let rest = &example[at + "saved as `".len()..];
                &rest[..rest.find('`').expect("a closed file name")]
            })
            .unwrap_or("post.md");
        let config = example
            .contains("```toml\n")
            .then(|| fenced_block(example, "toml"));
        ExampleSetup { file_name, config }
    }
}

fn concise_report(rule: &str, source: &str, setup: &ExampleSetup<'_>) -> String {
    use postlint::config::RuleSet;
    use postlint::engine::{Outcome, lint_source};
    use postlint::report::{Concise, Reporter};
    let mut rules = match setup.config {
        Some(config) => RuleSet::from_toml(Path::new("postlint.toml"), config, None)
            .expect("an example's configuration is valid"),
        None => RuleSet::defaults(),
    };
    rules.rules.retain(|enabled| enabled.info.name == rule);
    let report = lint_source(Path::new(setup.file_name), source.to_owned(), &rules);
    let mut out = Vec::new();
    Concise
        .report(
            &Outcome {
                files: vec![report],
            },
            &mut out,
        )
        .unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn every_page_example_prints_what_the_page_says() {
    for info in RULES {
        // A site rule's example needs a site around it (other posts, static folders);
        // its fixtures and tests/sites.rs run it instead.
        if info.category == "site" {
            continue;
        }
        let example = section(info.doc, "## Example", "## Use instead");
        let setup = ExampleSetup::of(example);
        let failing = fenced_block(example, "markdown");
        let expected = fenced_block(example, "text");
        assert_eq!(
            concise_report(info.name, failing, &setup),
            expected,
            "the example on rules/{}.md",
            info.name
        );
        let passing = fenced_block(
            section(info.doc, "## Use instead", "## Options"),
            "markdown",
        );
        assert_eq!(
            concise_report(info.name, passing, &setup),
            "",
            "the passing example on rules/{}.md",
            info.name
        );
    }
}

#[test]
fn every_page_options_block_is_a_valid_configuration() {
    for info in RULES {
        let options = fenced_block(section(info.doc, "## Options", "## Fix"), "toml");
        let rules = postlint::config::RuleSet::from_toml(Path::new("postlint.toml"), options, None);
        assert!(rules.is_ok(), "rules/{}.md: {:?}", info.name, rules.err());
    }
}

/// The README's rule table, as the registry says it should read.
fn rule_table() -> String {
    let mut table = String::from("| rule | category | default | checks |\n|---|---|---|---|\n");
    for info in RULES {
        table.push_str(&format!(
            "| [`{name}`](rules/{name}.md) | {} | {} | {} |\n",
            info.category,
            info.default_severity,
            info.summary,
            name = info.name
        ));
    }
    table
}

#[test]
fn the_readme_rule_table_matches_the_registry() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let table = rule_table();
    assert!(
        readme.contains(&table),
        "README.md's rule table is out of date; it should read:\n\n{table}"
    );
}

#[test]
fn every_configuration_in_the_readme_is_valid() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let mut rest = readme.as_str();
    let mut checked = 0;
    while let Some(at) = rest.find("```toml\n") {
        let block = fenced_block(&rest[at..], "toml");
        let rules = postlint::config::RuleSet::from_toml(Path::new("postlint.toml"), block, None);
        assert!(rules.is_ok(), "README.md:\n{block}\n{:?}", rules.err());
        rest = &rest[at + 8..];
        checked += 1;
    }
    assert!(checked > 0);
}
