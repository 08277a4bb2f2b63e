//! Which commit a build comes from, for `postlint --version`: read by the build script
//! (`build/main.rs`) and tested by `tests/version.rs`, so it is plain functions of text.

/// A commit as `--version` shows it: an abbreviated hash and the commit's date.
#[derive(Debug, PartialEq, Eq)]
pub struct Commit {
    pub hash: String,
    /// `YYYY-MM-DD` in the committer's time zone; unknown for a crates.io source.
    pub date: Option<String>,
}

/// Hex digits of the hash shown: enough to name a commit in a bug report.
const SHORT_HASH: usize = 7;

impl Commit {
    fn new(hash: &str, date: Option<&str>) -> Option<Commit> {
        let hash = hash.trim();
        let date = date.map(str::trim).filter(|date| is_date(date));
        (hash.len() >= SHORT_HASH && hash.bytes().all(|b| b.is_ascii_hexdigit())).then(|| Commit {
            hash: hash[..SHORT_HASH].to_ascii_lowercase(),
            date: date.map(str::to_owned),
        })
    }
}

/// `0.1.0 (1a2b3c4 2026-12-03)`, or the bare version when the commit is unknown.
pub fn long_version(version: &str, commit: Option<&Commit>) -> String {
    match commit {
        Some(Commit {
            hash,
            date: Some(date),
        }) => format!("{version} ({hash} {date})"),
        Some(Commit { hash, date: None }) => format!("{version} ({hash})"),
        None => version.to_owned(),
    }
}

/// The output of `git log -1 --format=%H%n%cs`.
pub fn from_git_log(output: &str) -> Option<Commit> {
    let mut lines = output.lines();
    Commit::new(lines.next()?, lines.next())
}

/// `.git_archival.txt` (setuptools-scm's layout), which `git archive` fills in through the
/// `export-subst` attribute: GitHub's source archives name their commit this way. Left
/// unfilled in a checkout, it names nothing.
pub fn from_archival(text: &str) -> Option<Commit> {
    let field = |name: &str| {
        text.lines()
            .find_map(|line| line.strip_prefix(name)?.strip_prefix(':'))
            .map(str::trim)
            .filter(|value| !value.contains("$Format"))
    };
    // `node-date` is strict ISO 8601 (`%cI`): its first ten characters are the date.
    Commit::new(
        field("node")?,
        field("node-date").and_then(|date| date.get(..10)),
    )
}

/// `.cargo_vcs_info.json`, which `cargo package` writes into a crate made from a checkout:
/// `{"git": {"sha1": "…"}, "path_in_vcs": ""}`. It has no date.
pub fn from_cargo_vcs_info(json: &str) -> Option<Commit> {
    // The one field needed, without a JSON parser in the build script's dependencies.
    let after_key = &json[json.find("\"sha1\"")? + "\"sha1\"".len()..];
    let value = after_key
        .trim_start()
        .strip_prefix(':')?
        .trim_start()
        .strip_prefix('"')?;
    Commit::new(&value[..value.find('"')?], None)
}

fn is_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        })
}
