//! The machine-readable reports of the sample blog and sites: SARIF checked against the
//! official schema, and every format the same from run to run.

use std::path::PathBuf;
use std::sync::LazyLock;

use postlint::config::RuleSet;
use postlint::engine::{self, Outcome};
use postlint::report::{GitHub, GitLab, JUnit, Json, Reporter, Sarif, Statistics};
use postlint::rules::RULES;
use serde_json::Value;

fn lint(path: &str) -> Outcome {
    engine::run(&[PathBuf::from(path)], &RuleSet::defaults())
}

fn render(reporter: &dyn Reporter, outcome: &Outcome) -> String {
    let mut out = Vec::new();
    reporter.report(outcome, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// The OASIS SARIF 2.1.0 schema (errata 01), a draft-04 JSON Schema, with formats checked.
static SARIF_SCHEMA: LazyLock<jsonschema::Validator> = LazyLock::new(|| {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/sarif-2.1.0.json");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    jsonschema::draft4::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema compiles")
});

/// Draft 4 has no `uri-reference` format, so the schema's check of artifact URIs is a
/// no-op there; draft 7 defines it.
static URI_REFERENCE: LazyLock<jsonschema::Validator> = LazyLock::new(|| {
    let schema = serde_json::json!({"type": "string", "format": "uri-reference"});
    jsonschema::draft7::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap()
});

fn assert_valid_sarif(log: &Value) {
    let errors: Vec<String> = SARIF_SCHEMA
        .iter_errors(log)
        .map(|error| format!("{}: {error}", error.instance_path()))
        .collect();
    assert!(errors.is_empty(), "invalid SARIF:\n{}", errors.join("\n"));
    let results = log["runs"][0]["results"].as_array().unwrap();
    for result in results {
        let locations = result["locations"]
            .as_array()
            .into_iter()
            .chain(result["relatedLocations"].as_array())
            .flatten();
        for location in locations {
            let uri = &location["physicalLocation"]["artifactLocation"]["uri"];
            assert!(URI_REFERENCE.is_valid(uri), "not a URI reference: {uri}");
        }
    }
}

fn sarif_of(path: &str) -> Value {
    serde_json::from_str(&render(&Sarif, &lint(path))).unwrap()
}

#[test]
fn the_sample_blog_in_sarif_is_valid() {
    let outcome = lint("fixtures/blog");
    let log: Value = serde_json::from_str(&render(&Sarif, &outcome)).unwrap();
    assert_valid_sarif(&log);

    assert_eq!(log["version"], "2.1.0");
    assert_eq!(log["runs"].as_array().unwrap().len(), 1);
    let run = &log["runs"][0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "postlint");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    let rules = driver["rules"].as_array().unwrap();
    for (descriptor, info) in rules.iter().zip(RULES) {
        assert_eq!(descriptor["id"], info.name);
        assert_eq!(descriptor["helpUri"], info.url());
    }

    let results = run["results"].as_array().unwrap();
    let diagnostics: Vec<_> = outcome.diagnostics().collect();
    assert_eq!(results.len(), diagnostics.len());
    assert!(!results.is_empty());
    for (result, (_, diagnostic)) in results.iter().zip(&diagnostics) {
        assert_eq!(result["ruleId"], diagnostic.rule);
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], diagnostic.rule);
        let level = match diagnostic.severity.as_str() {
            "info" => "note",
            other => other,
        };
        assert_eq!(result["level"], level);
        assert!(
            result["message"]["text"]
                .as_str()
                .unwrap()
                .starts_with(&diagnostic.finding.message)
        );
        let uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap();
        assert!(uri.starts_with("fixtures/blog/"), "{uri}");
    }
}

#[test]
fn the_cover_missing_finding_in_sarif() {
    let log = sarif_of("fixtures/blog/posts/chatgpt-image-video-post.md");
    let cover = log["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|result| result["ruleId"] == "cover-missing")
        .expect("the post has no cover");
    assert_eq!(cover["level"], "error");
    assert_eq!(
        cover["locations"][0]["physicalLocation"],
        serde_json::json!({
            "artifactLocation": {"uri": "fixtures/blog/posts/chatgpt-image-video-post.md"},
            "region": {"startLine": 7, "startColumn": 1, "endLine": 7, "endColumn": 6}
        })
    );
}

#[test]
fn the_sample_sites_in_sarif_are_valid_and_relate_duplicates() {
    for site in ["fixtures/sites/hugo", "fixtures/sites/hexo"] {
        assert_valid_sarif(&sarif_of(site));
    }
    let log = sarif_of("fixtures/sites/hugo");
    let duplicate = log["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|result| result["ruleId"] == "url-duplicate")
        .expect("two posts share a slug");
    let related = &duplicate["relatedLocations"][0]["physicalLocation"];
    assert!(
        related["artifactLocation"]["uri"]
            .as_str()
            .unwrap()
            .ends_with(".md")
    );
    assert!(related["region"]["startLine"].as_u64().unwrap() >= 1);
}

#[test]
fn uris_that_need_percent_encoding_stay_valid() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("my posts");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("100% 中文.md"), "# A\n\n### C\n").unwrap();
    // An absolute path becomes a `file://` URI (relative ones are tested in the unit tests:
    // a test cannot change the current directory of the others).
    let outcome = engine::run(&[folder], &RuleSet::defaults());
    let log: Value = serde_json::from_str(&render(&Sarif, &outcome)).unwrap();
    assert_valid_sarif(&log);
    let uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
        ["uri"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(uri.starts_with("file:///"), "{uri}");
    assert!(
        uri.ends_with("/my%20posts/100%25%20%E4%B8%AD%E6%96%87.md"),
        "{uri}"
    );
}

#[test]
fn every_format_is_the_same_from_run_to_run() {
    let reporters: [(&str, &dyn Reporter); 6] = [
        ("json", &Json),
        ("sarif", &Sarif),
        ("github", &GitHub),
        ("gitlab", &GitLab),
        ("junit", &JUnit),
        ("statistics", &Statistics),
    ];
    let first = lint("fixtures/blog");
    let second = lint("fixtures/blog");
    for (name, reporter) in reporters {
        assert_eq!(
            render(reporter, &first),
            render(reporter, &second),
            "{name} differs between two runs"
        );
    }
}

#[test]
fn the_sample_blog_in_json() {
    let outcome = lint("fixtures/blog");
    let document: Value = serde_json::from_str(&render(&Json, &outcome)).unwrap();
    assert_eq!(document["version"], 1);
    let diagnostics = document["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), outcome.diagnostics().count());
    assert_eq!(document["summary"]["errors"], outcome.totals().errors);
    let cover = diagnostics
        .iter()
        .find(|d| {
            d["rule"] == "cover-missing"
                && d["path"] == "fixtures/blog/posts/chatgpt-image-video-post.md"
        })
        .unwrap();
    assert_eq!(
        cover["start"],
        serde_json::json!({"offset": cover["start"]["offset"], "line": 7, "column": 1})
    );
    assert_eq!(
        cover["url"],
        "https://github.com/postlint/postlint/blob/main/rules/cover-missing.md"
    );
}

#[test]
fn the_sample_blog_in_github_commands() {
    let report = render(&GitHub, &lint("fixtures/blog"));
    assert!(
        report.lines().all(|line| line.starts_with("::")),
        "{report}"
    );
    assert!(report.contains(
        "::error file=fixtures/blog/posts/chatgpt-image-video-post.md,line=7,col=1,endLine=7,endColumn=6,title=postlint(cover-missing)::`cover` is empty, so the post has no cover image%0Ahelp: "
    ));
}

#[test]
fn the_schema_check_rejects_what_it_should() {
    let valid = sarif_of("fixtures/blog/posts/chatgpt-image-video-post.md");
    assert!(SARIF_SCHEMA.is_valid(&valid));
    let broken = |edit: fn(&mut Value)| {
        let mut log = valid.clone();
        edit(&mut log);
        log
    };
    assert!(!SARIF_SCHEMA.is_valid(&broken(|log| {
        log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
            0.into()
    })));
    assert!(!SARIF_SCHEMA.is_valid(&broken(|log| {
        log["runs"][0]["results"][0]["level"] = "fatal".into()
    })));
    assert!(!SARIF_SCHEMA.is_valid(&broken(|log| {
        log["runs"][0]["tool"]["driver"]["rules"][0]["helpUri"] = "not a uri".into()
    })));
    assert!(!SARIF_SCHEMA.is_valid(&broken(|log| {
        log["runs"][0]["results"][0]["unknown"] = true.into()
    })));
    assert!(!URI_REFERENCE.is_valid(&"my posts/a.md".into()));
    assert!(URI_REFERENCE.is_valid(&"my%20posts/a.md".into()));
}
