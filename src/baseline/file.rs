//! The baseline file, `postlint-baseline.json`: pretty JSON with everything sorted, so that
//! the diff of a pull request shows which file and rule had a finding baselined, or fixed.
//!
//! ```json
//! {
//!   "version": 1,
//!   "files": {
//!     "content/posts/hello.md": {
//!       "heading-increment": [
//!         { "text": "### Installing the theme", "fingerprint": "969aeff55e988e88", "count": 1 }
//!       ],
//!       "link-text": [
//!         { "text": "[here](https://example.com/docs)", "fingerprint": "92283c66bbf6d7af", "count": 2 }
//!       ]
//!     }
//!   }
//! }
//! ```
//!
//! Paths are relative to the baseline's folder, with `/` between their parts, so the file
//! means the same on every machine and system. `text` is for a reviewer; only the rule and
//! the fingerprint are matched.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::fingerprint::{from_hex, to_hex};

pub const FILE_NAME: &str = "postlint-baseline.json";

/// The version of the file's format: raised when a field is removed, renamed or changes
/// meaning, which makes an older postlint refuse the file rather than misread it.
pub const VERSION: u32 = 1;

/// Every file's baselined findings, by path relative to the baseline's folder.
pub type Files = BTreeMap<String, Rules>;

/// One file's baselined findings: by rule, then fingerprint.
pub type Rules = BTreeMap<String, BTreeMap<u64, Recorded>>;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recorded {
    /// How many findings of the file have this rule and fingerprint.
    pub count: usize,
    /// The start of the text they point at.
    pub text: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Document {
    /// Checked by [`Versioned`] first; here so that the field is known.
    #[serde(rename = "version")]
    _version: u32,
    files: BTreeMap<String, BTreeMap<String, Vec<Entry>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    text: String,
    fingerprint: String,
    count: usize,
}

/// Only the version, read first: a newer format is refused by its version, not by the
/// first field this version does not know.
#[derive(Deserialize)]
struct Versioned {
    version: u32,
}

/// Reads the file's text; the error says what is wrong and where.
pub fn parse(text: &str) -> Result<Files, String> {
    let versioned: Versioned = serde_json::from_str(text).map_err(|error| error.to_string())?;
    if versioned.version != VERSION {
        return Err(format!(
            "it is version {} of the format, and this postlint ({}) reads version {VERSION}; \
             write it again with `postlint check --write-baseline`",
            versioned.version,
            env!("CARGO_PKG_VERSION"),
        ));
    }
    let document: Document = serde_json::from_str(text).map_err(|error| error.to_string())?;
    let mut files = Files::new();
    for (path, rules) in document.files {
        let recorded = files.entry(path.clone()).or_default();
        for (rule, entries) in rules {
            let by_fingerprint = recorded.entry(rule.clone()).or_default();
            for entry in entries {
                let Some(fingerprint) = from_hex(&entry.fingerprint) else {
                    return Err(format!(
                        "`{}` under `{path}`, `{rule}` is not a fingerprint (16 hexadecimal digits)",
                        entry.fingerprint
                    ));
                };
                // Two entries of one fingerprint (a merge of two branches' baselines) add up.
                let slot = by_fingerprint.entry(fingerprint).or_insert(Recorded {
                    count: 0,
                    text: entry.text,
                });
                slot.count += entry.count;
            }
        }
    }
    Ok(files)
}

/// The file's text: JSON with each entry on a line of its own, so that a diff shows one
/// line per finding baselined or pruned, under its file and rule; sorted by path, rule,
/// then text and fingerprint.
pub fn render(files: &Files) -> String {
    let json = |text: &str| serde_json::to_string(text).unwrap_or_default();
    let mut out = format!("{{\n  \"version\": {VERSION},\n  \"files\": {{");
    let mut files_written = 0;
    for (path, rules) in files {
        let rules: Vec<_> = rules
            .iter()
            .filter(|(_, recorded)| recorded.values().any(|entry| entry.count > 0))
            .collect();
        if rules.is_empty() {
            continue;
        }
        out.push_str(if files_written > 0 { ",\n" } else { "\n" });
        files_written += 1;
        out.push_str(&format!("    {}: {{", json(path)));
        for (index, (rule, recorded)) in rules.iter().enumerate() {
            out.push_str(if index > 0 { ",\n" } else { "\n" });
            out.push_str(&format!("      {}: [", json(rule)));
            let mut entries: Vec<(String, &Recorded)> = recorded
                .iter()
                .filter(|(_, entry)| entry.count > 0)
                .map(|(fingerprint, entry)| (to_hex(*fingerprint), entry))
                .collect();
            entries.sort_by(|a, b| (&a.1.text, &a.0).cmp(&(&b.1.text, &b.0)));
            for (index, (fingerprint, entry)) in entries.iter().enumerate() {
                out.push_str(if index > 0 { ",\n" } else { "\n" });
                out.push_str(&format!(
                    "        {{ \"text\": {}, \"fingerprint\": \"{fingerprint}\", \"count\": {} }}",
                    json(&entry.text),
                    entry.count
                ));
            }
            out.push_str("\n      ]");
        }
        out.push_str("\n    }");
    }
    out.push_str(if files_written > 0 {
        "\n  }\n}\n"
    } else {
        "}\n}\n"
    });
    out
}

/// How many findings the baseline holds.
pub fn count(files: &Files) -> usize {
    files.values().map(count_of_file).sum()
}

pub fn count_of_file(rules: &Rules) -> usize {
    rules
        .values()
        .flat_map(BTreeMap::values)
        .map(|recorded| recorded.count)
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Files {
        let mut files = Files::new();
        let rules = files.entry("posts/b.md".to_owned()).or_default();
        let heading = rules.entry("heading-increment".to_owned()).or_default();
        heading.insert(
            0x969a_eff5_5e98_8e88,
            Recorded {
                count: 2,
                text: "### Installing the theme".to_owned(),
            },
        );
        heading.insert(
            1,
            Recorded {
                count: 1,
                text: "#### Alpha".to_owned(),
            },
        );
        files
            .entry("posts/a.md".to_owned())
            .or_default()
            .entry("cover-missing".to_owned())
            .or_default()
            .insert(
                7,
                Recorded {
                    count: 1,
                    text: "---".to_owned(),
                },
            );
        files
    }

    #[test]
    fn the_file_is_sorted_with_an_entry_a_line() {
        insta::assert_snapshot!(render(&sample()));
    }

    #[test]
    fn what_is_written_reads_back() {
        assert_eq!(parse(&render(&sample())).unwrap(), sample());
        assert_eq!(count(&sample()), 4);
        assert_eq!(parse(&render(&Files::new())).unwrap(), Files::new());
    }

    #[test]
    fn text_is_escaped() {
        let mut files = sample();
        let rules = files.get_mut("posts/a.md").unwrap();
        rules
            .get_mut("cover-missing")
            .unwrap()
            .get_mut(&7)
            .unwrap()
            .text = "a \"quote\", a \\ and a \u{7}".to_owned();
        assert_eq!(parse(&render(&files)).unwrap(), files);
    }

    #[test]
    fn entries_of_one_fingerprint_add_up() {
        let text = r#"{"version": 1, "files": {"a.md": {"link-text": [
            {"text": "here", "fingerprint": "0000000000000001", "count": 1},
            {"text": "here", "fingerprint": "0000000000000001", "count": 2}
        ]}}}"#;
        let files = parse(text).unwrap();
        assert_eq!(files["a.md"]["link-text"][&1].count, 3);
    }

    #[test]
    fn a_broken_file_says_what_and_where() {
        let error = parse("{\"version\": 1, \"files\": {").unwrap_err();
        assert!(error.contains("line 1"), "{error}");
        let error = parse(r#"{"version": 2, "files": {}}"#).unwrap_err();
        assert!(error.contains("version 2"), "{error}");
        let error = parse(r#"{"version": 1, "files": {}, "extra": 1}"#).unwrap_err();
        assert!(error.contains("unknown field `extra`"), "{error}");
        let error = parse(
            r#"{"version": 1, "files": {"a.md": {"link-text": [{"text": "", "fingerprint": "xyz", "count": 1}]}}}"#,
        )
        .unwrap_err();
        assert!(error.contains("`xyz` under `a.md`, `link-text`"), "{error}");
    }
}
