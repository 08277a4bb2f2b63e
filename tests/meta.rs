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
