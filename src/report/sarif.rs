//! SARIF 2.1.0, the format of GitHub code scanning and of editors' SARIF viewers.
//!
//! One run. Its driver lists every rule postlint has, in registry order, then the two
//! pseudo-rules of files that could not be linted, so a rule's `ruleIndex` is the same in
//! every report. Columns are counted in UTF-16 code units, SARIF's default, and the run
//! says so in `columnKind`: viewers that ignore the property still read them right.
//! Paths are URI references: relative paths stay relative (code scanning resolves them
//! against the checkout), absolute ones become `file://` URIs.

use std::io::{self, Write};
use std::ops::Range;
use std::path::Path;

use serde::Serialize;

use super::location::{Locator, uri};
use super::{Reporter, Sources, Totals};
use crate::diagnostic::{Diagnostic, Severity, UNREADABLE_FILE};
use crate::engine::{FileReport, INTERNAL_ERROR};
use crate::rules::RULES;

const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

const INFORMATION_URI: &str = "https://github.com/postlint/postlint";

/// The pseudo-rules, after the registered ones: a diagnostic that is not a rule's.
const PSEUDO_RULES: [(&str, &str); 2] = [
    (
        UNREADABLE_FILE,
        "a file could not be read: missing, permission denied, or not UTF-8",
    ),
    (
        INTERNAL_ERROR,
        "postlint failed on a file; this is a bug to report with the file",
    ),
];

pub struct Sarif;

impl Reporter for Sarif {
    fn begin(&self, _: &Totals, out: &mut dyn Write) -> io::Result<()> {
        let (head, _) = super::around_array(&log(), "results");
        out.write_all(head.as_bytes())
    }

    fn file(&self, file: &FileReport, sources: &dyn Sources, out: &mut Vec<u8>) {
        let locator = Locator::new(file.source.as_deref());
        super::json_items(&file.diagnostics, 8, out, |diagnostic| {
            result(sources, &locator, diagnostic)
        });
    }

    fn separator(&self) -> &'static [u8] {
        b","
    }

    fn end(&self, totals: &Totals, out: &mut dyn Write) -> io::Result<()> {
        let (_, tail) = super::around_array(&log(), "results");
        if totals.diagnostics > 0 {
            out.write_all(b"\n      ")?;
        }
        out.write_all(tail.as_bytes())?;
        out.write_all(b"\n")
    }
}

/// The log around its results, which are written into it one file at a time.
fn log() -> String {
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: env!("CARGO_PKG_NAME"),
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    information_uri: INFORMATION_URI,
                    rules: descriptors(),
                },
            },
            column_kind: "utf16CodeUnits",
            results: Vec::new(),
        }],
    };
    serde_json::to_string_pretty(&log).unwrap_or_default()
}

fn descriptors() -> Vec<ReportingDescriptor> {
    let registered = RULES.iter().map(|info| ReportingDescriptor {
        id: info.name,
        name: info.name,
        short_description: Text {
            text: info.summary.to_owned(),
        },
        help_uri: Some(info.url()),
        default_configuration: Configuration {
            level: level(info.default_severity),
        },
        properties: Some(Properties {
            tags: [info.category],
        }),
    });
    let pseudo = PSEUDO_RULES
        .iter()
        .map(|&(name, summary)| ReportingDescriptor {
            id: name,
            name,
            short_description: Text {
                text: summary.to_owned(),
            },
            help_uri: None,
            default_configuration: Configuration { level: "error" },
            properties: None,
        });
    registered.chain(pseudo).collect()
}

/// Where the rule is in the driver's `rules`.
fn rule_index(rule: &str) -> Option<usize> {
    RULES
        .iter()
        .map(|info| info.name)
        .chain(PSEUDO_RULES.iter().map(|&(name, _)| name))
        .position(|name| name == rule)
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn result<'a>(
    sources: &dyn Sources,
    locator: &Locator,
    diagnostic: &'a Diagnostic,
) -> SarifResult<'a> {
    let finding = &diagnostic.finding;
    // Same-file labels first, then places in other files, numbered in that order.
    let secondary = finding
        .secondary
        .iter()
        .map(|label| (&diagnostic.path, &label.range, &label.text));
    let related = finding
        .related
        .iter()
        .map(|related| (&related.path, &related.range, &related.text));
    let related_locations = secondary
        .chain(related)
        .enumerate()
        .map(|(id, (path, range, text))| {
            // Another file's region needs its text; without it, the place is the file.
            let other_text = (*path != diagnostic.path)
                .then(|| sources.text(path))
                .flatten();
            let other = (*path != diagnostic.path).then(|| Locator::new(other_text.as_deref()));
            Location {
                id: Some(id),
                message: Some(Text { text: text.clone() }),
                ..location(path, other.as_ref().unwrap_or(locator), range)
            }
        })
        .collect();
    SarifResult {
        rule_id: diagnostic.rule,
        rule_index: rule_index(diagnostic.rule),
        level: level(diagnostic.severity),
        message: Text {
            text: super::message_with_help(diagnostic).into_owned(),
        },
        locations: vec![location(&diagnostic.path, locator, &finding.range)],
        related_locations,
    }
}

/// A place in a file; with a region when the locator has the file's text.
fn location(path: &Path, locator: &Locator, range: &Range<usize>) -> Location {
    let region = locator.has_source().then(|| {
        let start = locator.position(range.start);
        let end = locator.position(range.end);
        Region {
            start_line: start.line,
            start_column: start.utf16_column,
            end_line: end.line,
            end_column: end.utf16_column,
        }
    });
    Location {
        id: None,
        physical_location: PhysicalLocation {
            artifact_location: ArtifactLocation { uri: uri(path) },
            region,
        },
        message: None,
    }
}

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool,
    column_kind: &'static str,
    results: Vec<SarifResult<'a>>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    information_uri: &'static str,
    rules: Vec<ReportingDescriptor>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ReportingDescriptor {
    id: &'static str,
    name: &'static str,
    short_description: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    help_uri: Option<String>,
    default_configuration: Configuration,
    /// The category as a tag, which code scanning filters by.
    #[serde(skip_serializing_if = "Option::is_none")]
    properties: Option<Properties>,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct Properties {
    tags: [&'static str; 1],
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
    level: &'static str,
    message: Text,
    locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    /// None for a file that could not be read: the result is about the whole file.
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use std::path::PathBuf;

    use super::*;
    use crate::diagnostic::Finding;
    use crate::report::test_support::{file, outcome, render, sample};

    fn sample_log() -> Value {
        serde_json::from_str(&render(&Sarif, &sample())).unwrap()
    }

    #[test]
    fn the_sample_results() {
        // The results alone, without the indexes into the rule table: both follow the
        // registry, and are tested below.
        let outcome = sample();
        let mut results = Vec::new();
        for file in &outcome.files {
            let locator = Locator::new(file.source.as_deref());
            results.extend(
                file.diagnostics
                    .iter()
                    .map(|d| result(&outcome, &locator, d)),
            );
        }
        for result in &mut results {
            result.rule_index = None;
        }
        insta::assert_snapshot!(serde_json::to_string_pretty(&results).unwrap());
    }

    #[test]
    fn every_rule_is_described_and_indexed() {
        let log = sample_log();
        let rules = log["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .unwrap();
        assert_eq!(rules.len(), RULES.len() + 2);
        for (index, info) in RULES.iter().enumerate() {
            assert_eq!(rules[index]["id"], info.name);
            assert_eq!(rules[index]["helpUri"], info.url());
            assert_eq!(rules[index]["shortDescription"]["text"], info.summary);
        }
        for result in log["runs"][0]["results"].as_array().unwrap() {
            let index = result["ruleIndex"].as_u64().unwrap() as usize;
            assert_eq!(rules[index]["id"], result["ruleId"]);
        }
    }

    #[test]
    fn regions_count_utf16_units() {
        let log = sample_log();
        let title = &log["runs"][0]["results"][1];
        assert_eq!(title["ruleId"], "title-length");
        // `中文 😀 cover` is 17 characters and 18 UTF-16 units: the emoji takes two.
        assert_eq!(
            title["locations"][0]["physicalLocation"]["region"],
            json!({"startLine": 2, "startColumn": 8, "endLine": 2, "endColumn": 19})
        );
        assert_eq!(log["runs"][0]["columnKind"], "utf16CodeUnits");
    }

    #[test]
    fn related_places_are_related_locations() {
        let log = sample_log();
        let slug = &log["runs"][0]["results"][3];
        assert_eq!(slug["ruleId"], "url-duplicate");
        assert_eq!(
            slug["relatedLocations"],
            json!([{
                "id": 0,
                "physicalLocation": {
                    "artifactLocation": {"uri": "posts/b.md"},
                    "region": {"startLine": 2, "startColumn": 7, "endLine": 2, "endColumn": 8}
                },
                "message": {"text": "the same URL here"}
            }])
        );
    }

    #[test]
    fn a_related_file_without_its_text_has_no_region() {
        let finding = Finding::new(0..1, "m").related(PathBuf::from("elsewhere.md"), 5..9, "here");
        let outcome = outcome(vec![file(
            "a.md",
            Some("a long enough line\n"),
            vec![("title-duplicate", Severity::Warning, finding)],
        )]);
        let log: Value = serde_json::from_str(&render(&Sarif, &outcome)).unwrap();
        assert_eq!(
            log["runs"][0]["results"][0]["relatedLocations"][0]["physicalLocation"],
            json!({"artifactLocation": {"uri": "elsewhere.md"}})
        );
    }

    #[test]
    fn an_unreadable_file_has_no_region() {
        let log = sample_log();
        let gone = &log["runs"][0]["results"][4];
        assert_eq!(gone["ruleId"], "unreadable-file");
        assert_eq!(gone["level"], "error");
        assert_eq!(
            gone["locations"][0]["physicalLocation"],
            json!({"artifactLocation": {"uri": "posts/gone.md"}})
        );
    }
}
