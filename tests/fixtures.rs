//! Runs every rule's fixtures: each post under `fixtures/<rule>/` says inline what it
//! expects (`{rule}` on a reported line, or `{rule:N}` for line N), and the rule must
//! report exactly that set, no more and no less.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use postlint::config::RuleSet;
use postlint::diagnostic::LineIndex;
use postlint::engine;
use postlint::rules::RULES;

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

fn markdown_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return files;
    };
    for entry in entries {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(markdown_files(&path));
        } else if path.extension().is_some_and(|ext| ext == "md") {
            files.push(path);
        }
    }
    files.sort();
    files
}

/// Lines a fixture expects its rule on, as a count per line.
fn expected_lines(source: &str, rule: &str) -> BTreeMap<usize, usize> {
    let mut expected = BTreeMap::new();
    let open = format!("{{{rule}");
    for (index, line) in source.lines().enumerate() {
        let mut rest = line;
        while let Some(at) = rest.find(&open) {
            let after = &rest[at + open.len()..];
            let close = after.find('}').expect("a marker is closed by `}`");
            let line_number = match after[..close].strip_prefix(':') {
                Some(number) => number.parse().expect("`{rule:N}` names a line number"),
                None if close == 0 => index + 1,
                None => panic!("unexpected marker text {:?}", &after[..close]),
            };
            *expected.entry(line_number).or_default() += 1;
            rest = &after[close..];
        }
    }
    expected
}

/// The nearest `postlint.toml` between a fixture and its rule's folder, if any.
fn config_for(rule: &str, fixture: &Path) -> Option<PathBuf> {
    let rule_dir = fixtures_dir().join(rule);
    fixture
        .ancestors()
        .skip(1)
        .take_while(|dir| dir.starts_with(&rule_dir))
        .map(|dir| dir.join("postlint.toml"))
        .find(|path| path.is_file())
}

/// The rule alone, configured by `config` (a profile, say), else at its defaults with the
/// generic profile.
fn rule_set(rule: &str, config: Option<&Path>) -> RuleSet {
    let mut rules = match config {
        Some(path) => {
            let text = std::fs::read_to_string(path).unwrap();
            RuleSet::from_toml(path, &text, None).expect("a fixture's postlint.toml is valid")
        }
        None => RuleSet::defaults(),
    };
    rules.rules.retain(|enabled| enabled.info.name == rule);
    assert_eq!(rules.rules.len(), 1, "`{rule}` is registered and enabled");
    rules
}

/// Each rule runs over its fixtures the way a user runs it: all the posts that share a
/// configuration together, so that site-wide rules see their neighbours.
#[test]
fn every_fixture_reports_exactly_its_markers() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for info in RULES {
        let dir = fixtures_dir().join(info.name);
        let mut groups: BTreeMap<Option<PathBuf>, Vec<PathBuf>> = BTreeMap::new();
        for path in markdown_files(&dir) {
            groups
                .entry(config_for(info.name, &path))
                .or_default()
                .push(path);
        }
        for (config, paths) in groups {
            let rules = rule_set(info.name, config.as_deref());
            let outcome = engine::run(&paths, &rules);
            for report in &outcome.files {
                let path = &report.path;
                let source = std::fs::read_to_string(path).unwrap();
                let expected = expected_lines(&source, info.name);
                let index = LineIndex::new(&source);
                let mut actual: BTreeMap<usize, usize> = BTreeMap::new();
                for diagnostic in &report.diagnostics {
                    assert_eq!(diagnostic.rule, info.name, "{}", path.display());
                    let line = index.line_column(diagnostic.finding.range.start).line;
                    *actual.entry(line).or_default() += 1;
                }
                if actual != expected {
                    let messages: Vec<String> = report
                        .diagnostics
                        .iter()
                        .map(|d| {
                            let line = index.line_column(d.finding.range.start).line;
                            format!("    line {line}: {}", d.finding.message)
                        })
                        .collect();
                    failures.push(format!(
                        "{}\n  expected lines {:?}\n  reported lines {:?}\n{}",
                        path.strip_prefix(fixtures_dir()).unwrap().display(),
                        expected,
                        actual,
                        messages.join("\n")
                    ));
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 0);
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn every_rule_has_passing_and_failing_fixtures() {
    for info in RULES {
        let dir = fixtures_dir().join(info.name);
        let files = markdown_files(&dir);
        let failing = files
            .iter()
            .filter(|path| {
                let source = std::fs::read_to_string(path).unwrap();
                !expected_lines(&source, info.name).is_empty()
            })
            .count();
        assert!(
            failing > 0,
            "`{}` has no failing fixture in {}",
            info.name,
            dir.display()
        );
        assert!(
            failing < files.len(),
            "`{}` has no passing fixture in {}",
            info.name,
            dir.display()
        );
    }
}

#[test]
fn messages_start_lowercase_and_have_no_trailing_period() {
    let rules = RuleSet::defaults();
    let outcome = engine::run(&[fixtures_dir()], &rules);
    let mut seen = 0;
    for (_, diagnostic) in outcome.diagnostics() {
        let message = &diagnostic.finding.message;
        assert!(
            !message.starts_with(|c: char| c.is_uppercase()),
            "message starts uppercase: {message}"
        );
        assert!(
            !message.ends_with('.'),
            "message ends with a period: {message}"
        );
        if let Some(help) = &diagnostic.finding.help {
            assert!(!help.ends_with('.'), "help ends with a period: {help}");
        }
        seen += 1;
    }
    assert!(
        seen > 50,
        "the fixtures exercise the messages ({seen} seen)"
    );
}
