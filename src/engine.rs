//! The run: find the posts, lint them in parallel, and return diagnostics in a fixed order.

use std::ffi::OsStr;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::config::RuleSet;
use crate::diagnostic::{Diagnostic, Finding, Severity, UNREADABLE_FILE};
use crate::post::Post;
use crate::site::{Kind, PostSummary};
use crate::suppress::Suppressions;

/// The pseudo-rule of a file postlint itself failed on; it is a bug to report.
pub const INTERNAL_ERROR: &str = "internal-error";

/// One file's result. Its source is kept only when a diagnostic needs it for display.
pub struct FileReport {
    pub path: PathBuf,
    pub source: Option<Arc<str>>,
    pub diagnostics: Vec<Diagnostic>,
    /// Whether the file was read and linted as a post.
    pub linted: bool,
    /// The kind of a file left alone because its generator does not publish it (a
    /// scaffold, a headless page): no rule applies to it.
    pub skipped: Option<Kind>,
    /// What the site-wide rules need of the post, when one of them is enabled.
    pub summary: Option<PostSummary>,
}

/// Everything a run found, in the order it is reported: by path, then position.
pub struct Outcome {
    pub files: Vec<FileReport>,
}

impl Outcome {
    pub fn diagnostics(&self) -> impl Iterator<Item = (&FileReport, &Diagnostic)> {
        self.files
            .iter()
            .flat_map(|file| file.diagnostics.iter().map(move |d| (file, d)))
    }

    /// What the run found, counted.
    pub fn totals(&self) -> crate::report::Totals {
        crate::report::Totals::of(self)
    }
}

/// Whether a walked file is a post: `*.md` or `*.markdown`.
fn is_markdown(path: &Path) -> bool {
    path.extension()
        .and_then(OsStr::to_str)
        .is_some_and(|ext| ext.eq_ignore_ascii_case("md") || ext.eq_ignore_ascii_case("markdown"))
}

/// The files to lint: named files as they are, directories walked honouring `.gitignore`
/// and skipping hidden entries. Sorted and without repeats. Walk errors come back as
/// reports of their own.
pub fn collect_paths(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<FileReport>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if !path.is_dir() {
            files.push(without_dot_prefix(path.clone()));
            continue;
        }
        // On every core, as `rg` walks: a site of 14,000 pages in as many folders spends a
        // sixth of its time listing them, before any post is linted. The order the
        // threads find things in does not matter: the files are sorted below, the errors
        // where they are reported.
        let (found, walked) = crossbeam_channel::unbounded();
        ignore::WalkBuilder::new(path)
            .hidden(true)
            .git_ignore(true)
            // A blog that is not a Git repository yet still means its .gitignore.
            .require_git(false)
            .build_parallel()
            .run(|| {
                let found = found.clone();
                Box::new(move |entry| {
                    let walked = match entry {
                        Ok(entry) => {
                            let is_file = entry.file_type().is_some_and(|t| !t.is_dir());
                            if !(is_file && is_markdown(entry.path())) {
                                return ignore::WalkState::Continue;
                            }
                            Ok(without_dot_prefix(entry.into_path()))
                        }
                        Err(error) => Err((walk_error_path(&error), walk_error_text(&error))),
                    };
                    // The receiver lives until every thread is done.
                    let _ = found.send(walked);
                    ignore::WalkState::Continue
                })
            });
        drop(found);
        let mut failed = Vec::new();
        for walked in walked {
            match walked {
                Ok(file) => files.push(file),
                Err((at, text)) => failed.push((at.unwrap_or_else(|| path.clone()), text)),
            }
        }
        failed.sort();
        errors.extend(
            failed
                .into_iter()
                .map(|(path, text)| unreadable(path, format!("cannot read: {text}"))),
        );
    }
    sort_by_path(&mut files, |path| path);
    files.dedup();
    (files, errors)
}

/// [`collect_paths`], each file with how it was found: named on the command line, or
/// found walking a folder.
pub fn collect(paths: &[PathBuf]) -> (Vec<(PathBuf, Found)>, Vec<FileReport>) {
    let (files, errors) = collect_paths(paths);
    let named: std::collections::HashSet<PathBuf> = paths
        .iter()
        .filter(|path| !path.is_dir())
        .map(|path| without_dot_prefix(path.clone()))
        .collect();
    let files = files
        .into_iter()
        .map(|path| {
            let found = if named.contains(&path) {
                Found::Named
            } else {
                Found::Walked
            };
            (path, found)
        })
        .collect();
    (files, errors)
}

/// Sorts `items` (stably) by their paths in `Path`'s order, component by component. The
/// comparison builds each path's components anew; a key built once per path and compared
/// as bytes is several times cheaper, and sorting is done before any core is busy. The
/// keys share one buffer: a key of its own per path left 100,000 small blocks that the
/// allocator kept after the sort (on 100,000 posts, 43 MB in use after the walk instead of
/// 19, and a peak 6 MB higher).
pub fn sort_by_path<T>(items: &mut [T], path: impl Fn(&T) -> &Path) {
    if cfg!(windows) {
        // A drive or UNC prefix has an order of its own, not its bytes'.
        items.sort_by(|a, b| path(a).cmp(path(b)));
        return;
    }
    let mut keys = Vec::with_capacity(
        items
            .iter()
            .map(|item| path(item).as_os_str().len() + 8)
            .sum(),
    );
    // Item `i`'s key is `keys[bounds[i]..bounds[i + 1]]`.
    let mut bounds = Vec::with_capacity(items.len() + 1);
    bounds.push(0);
    for item in items.iter() {
        push_path_order_key(path(item), &mut keys);
        bounds.push(keys.len());
    }
    let key = |index: usize| &keys[bounds[index]..bounds[index + 1]];
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by(|&a, &b| key(a).cmp(key(b)));
    // Each item to its place, as `sort_by_cached_key` does it: the item for place `i` is
    // at `order[i]`, unless an earlier swap moved it, in which case it is where that
    // earlier place's item came from (written back, so that later searches are short).
    for place in 0..order.len() {
        let mut from = order[place];
        while from < place {
            from = order[from];
        }
        order[place] = from;
        items.swap(place, from);
    }
}

/// Puts `others` among `sorted` (already in path order, as [`collect_paths`] gives them) in
/// path order, each after the items of the same path (a walk error after the post of its
/// path). There is usually nothing to put: then the sorted items are not sorted again.
pub fn merge_by_path<T>(
    sorted: &mut Vec<T>,
    others: impl IntoIterator<Item = T>,
    path: impl Fn(&T) -> &Path,
) {
    let before = sorted.len();
    sorted.extend(others);
    if sorted.len() > before {
        sort_by_path(sorted, path);
    }
}

/// Appends bytes that compare as `path`'s components do: each component as its kind's rank
/// in `Component`'s order (root, `.`, `..`, name), its bytes, and a 0 that ends it (a name
/// holds no 0 byte, so a name sorts before every longer name it begins).
fn push_path_order_key(path: &Path, key: &mut Vec<u8>) {
    use std::path::Component;
    for component in path.components() {
        let (rank, bytes): (u8, &[u8]) = match component {
            Component::Prefix(prefix) => (0, prefix.as_os_str().as_encoded_bytes()),
            Component::RootDir => (1, b""),
            Component::CurDir => (2, b""),
            Component::ParentDir => (3, b""),
            Component::Normal(name) => (4, name.as_encoded_bytes()),
        };
        key.push(rank);
        key.extend_from_slice(bytes);
        key.push(0);
    }
}

/// `posts/a.md` rather than `./posts/a.md`, as paths are shown and sorted.
fn without_dot_prefix(path: PathBuf) -> PathBuf {
    match path.strip_prefix(".") {
        Ok(stripped) if !stripped.as_os_str().is_empty() => stripped.to_owned(),
        _ => path,
    }
}

fn walk_error_path(error: &ignore::Error) -> Option<PathBuf> {
    match error {
        ignore::Error::WithPath { path, .. } => Some(path.clone()),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            walk_error_path(err)
        }
        _ => None,
    }
}

fn walk_error_text(error: &ignore::Error) -> String {
    match error {
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => walk_error_text(err),
        other => other.to_string(),
    }
}

fn unreadable(path: PathBuf, message: String) -> FileReport {
    let finding = Finding::new(0..0, message);
    FileReport {
        diagnostics: vec![Diagnostic {
            path: path.clone(),
            rule: UNREADABLE_FILE,
            severity: Severity::Error,
            finding,
        }],
        path,
        source: None,
        linted: false,
        skipped: None,
        summary: None,
    }
}

/// A file the generator does not publish, left alone.
fn skipped(path: &Path, kind: Kind) -> FileReport {
    FileReport {
        path: path.to_owned(),
        source: None,
        diagnostics: Vec::new(),
        linted: false,
        skipped: Some(kind),
        summary: None,
    }
}

/// How a file came to be linted: named on the command line (or given as a buffer), or
/// found walking a folder. A walk lints only what the generator publishes; a named file
/// gets the rules of its kind (a staged README.md its Markdown rules).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    Named,
    Walked,
}

/// Whether a file of `kind` found by `found` is linted at all.
pub fn is_linted(kind: Kind, found: Found) -> bool {
    kind.is_published() || (found == Found::Named && kind == Kind::Document)
}

/// The size above which a file is reported and skipped, unless configured otherwise.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 10 * 1024 * 1024;

/// `10 MB`, `512 KB`: a size for messages.
pub fn size_text(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{:.1} KB", bytes as f64 / 1024.0)
    }
}

/// Reads a file as UTF-8, or says exactly why it cannot be. Only regular files are read
/// (a FIFO would block forever), and none larger than the default limit.
pub fn read(path: &Path) -> Result<String, String> {
    read_limited(path, DEFAULT_MAX_FILE_SIZE)
}

/// [`read`] with a size limit of `max_size` bytes.
pub fn read_limited(path: &Path, max_size: u64) -> Result<String, String> {
    let describe = |error: std::io::Error| {
        let reason = match error.kind() {
            std::io::ErrorKind::NotFound => "no such file or directory".to_owned(),
            std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
            std::io::ErrorKind::IsADirectory => "it is a directory".to_owned(),
            _ => error.to_string(),
        };
        format!("cannot read file: {reason}")
    };
    let metadata = std::fs::metadata(path).map_err(describe)?;
    if metadata.is_dir() {
        return Err("cannot read file: it is a directory".into());
    }
    if !metadata.is_file() {
        return Err("cannot read file: it is not a regular file (a FIFO, socket or device)".into());
    }
    if metadata.len() > max_size {
        return Err(format!(
            "file is {}, over the {} limit; skipped (raise `max-file-size` in postlint.toml to lint it)",
            size_text(metadata.len()),
            size_text(max_size)
        ));
    }
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    use std::io::Read;
    std::fs::File::open(path)
        .and_then(|file| file.take(max_size + 1).read_to_end(&mut bytes))
        .map_err(describe)?;
    if bytes.len() as u64 > max_size {
        return Err(format!(
            "file grew over the {} limit while it was read; skipped",
            size_text(max_size)
        ));
    }
    String::from_utf8(bytes).map_err(|error| {
        let valid = error.utf8_error().valid_up_to();
        let bytes = error.as_bytes();
        let line = bytes[..valid].iter().filter(|&&b| b == b'\n').count() + 1;
        format!(
            "file is not valid UTF-8: byte 0x{:02X} at line {line} (byte offset {valid}); save it as UTF-8",
            bytes[valid]
        )
    })
}

/// Where a rule's finding becomes a diagnostic of the post at `path`: at the rule's `level`
/// for that file, lowered to the finding's cap; `None` when the post suppresses it.
/// A rule's finding as a diagnostic of `path` at `level` (capped by the finding), unless
/// the post suppresses it.
pub fn diagnostic(
    path: &Path,
    rule: &'static str,
    level: Severity,
    finding: Finding,
    suppressions: Option<&Suppressions>,
) -> Option<Diagnostic> {
    if suppressions.is_some_and(|s| s.covers(rule, finding.range.start)) {
        return None;
    }
    Some(Diagnostic {
        path: path.to_owned(),
        rule,
        severity: finding.severity_cap.map_or(level, |cap| cap.min(level)),
        finding,
    })
}

/// Lints one post with every enabled rule that applies to its kind; findings sorted by
/// position.
pub fn lint_post(post: &Post, rules: &RuleSet) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    let mut findings = Vec::new();
    let kind = post.page.kind;
    for enabled in rules.rules_for(&post.path) {
        if !enabled.info.applies_to.contains(&kind) {
            continue;
        }
        enabled.rule.check(post, &rules.context, &mut findings);
        diagnostics.extend(findings.drain(..).filter_map(|finding| {
            let (rule, level) = (enabled.info.name, enabled.severity);
            diagnostic(&post.path, rule, level, finding, Some(&post.suppressions))
        }));
    }
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    diagnostics
}

/// Reads and lints one file; never panics out, whatever the file holds. A walked file
/// the generator does not publish is left alone, unread when its path says so.
pub fn lint_file(path: &Path, found: Found, rules: &RuleSet) -> FileReport {
    if let Some(page) = rules.context.site.by_path(path)
        && !is_linted(page.kind, found)
    {
        return skipped(path, page.kind);
    }
    let source = match read_limited(path, rules.max_file_size) {
        Ok(source) => source,
        Err(message) => return unreadable(path.to_owned(), message),
    };
    lint_found(path, source, found, rules)
}

/// Lints text as if it were the file at `path`, named on the command line.
pub fn lint_source(path: &Path, source: String, rules: &RuleSet) -> FileReport {
    lint_found(path, source, Found::Named, rules)
}

fn lint_found(path: &Path, source: String, found: Found, rules: &RuleSet) -> FileReport {
    let result = catch_unwind(AssertUnwindSafe(|| {
        let post = Post::parse_in(path, source, &rules.context.site, &rules.context.profile);
        let kind = post.page.kind;
        if !is_linted(kind, found) {
            return Err(kind);
        }
        let diagnostics = lint_post(&post, rules);
        let summary = rules
            .rules
            .iter()
            .any(|enabled| enabled.rule.is_site_wide())
            .then(|| PostSummary::of(&post, &rules.context));
        Ok((post.source, diagnostics, summary))
    }));
    match result {
        Ok(Err(kind)) => skipped(path, kind),
        Ok(Ok((source, diagnostics, summary))) => FileReport {
            path: path.to_owned(),
            source: (!diagnostics.is_empty()).then(|| Arc::from(source)),
            diagnostics,
            linted: true,
            skipped: None,
            summary,
        },
        Err(_) => FileReport {
            path: path.to_owned(),
            source: None,
            diagnostics: vec![Diagnostic {
                path: path.to_owned(),
                rule: INTERNAL_ERROR,
                severity: Severity::Error,
                finding: Finding::new(
                    0..0,
                    "postlint failed on this file; this is a bug, please report it with the file",
                ),
            }],
            linted: false,
            skipped: None,
            summary: None,
        },
    }
}

/// Lints every post under `paths` in parallel; the result is the same whatever the
/// number of threads.
pub fn run(paths: &[PathBuf], rules: &RuleSet) -> Outcome {
    let (mut files, errors) = collect(paths);
    files.retain(|(path, _)| !rules.is_excluded(path));
    let mut reports: Vec<FileReport> = files
        .par_iter()
        .map(|(path, found)| lint_file(path, *found, rules))
        .collect();
    merge_by_path(&mut reports, errors, |report| &report.path);
    check_site(&mut reports, rules);
    Outcome { files: reports }
}

/// The site-wide pass: every site rule over the summaries of all posts, its findings
/// added to the reports of the posts they are about.
fn check_site(reports: &mut [FileReport], rules: &RuleSet) {
    // Summaries in path order, with the index of their report.
    let (indices, summaries): (Vec<usize>, Vec<PostSummary>) = reports
        .iter_mut()
        .enumerate()
        .filter_map(|(index, report)| report.summary.take().map(|summary| (index, summary)))
        .unzip();
    let mut touched = Vec::new();
    for (post, diagnostic) in site_diagnostics(&summaries, rules) {
        let index = indices[post];
        reports[index].diagnostics.push(diagnostic);
        touched.push(index);
    }
    touched.sort_unstable();
    touched.dedup();
    for index in touched {
        let report = &mut reports[index];
        report
            .diagnostics
            .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        // The post was dropped after its own pass; its text is needed to show the finding.
        if report.source.is_none() {
            report.source = read(&report.path).ok().map(Arc::from);
        }
    }
}

/// Every site rule over the posts' summaries: each finding as a diagnostic of the post
/// it is about (its index in `summaries`), at the level the rule has for that file.
pub fn site_diagnostics(summaries: &[PostSummary], rules: &RuleSet) -> Vec<(usize, Diagnostic)> {
    let mut diagnostics = Vec::new();
    let site_rules = rules.rules.iter().filter(|e| e.rule.is_site_wide());
    for enabled in site_rules {
        let mut findings = Vec::new();
        enabled
            .rule
            .check_site(summaries, &rules.context, &mut findings);
        for (post, finding) in findings {
            let summary = &summaries[post];
            if !enabled.info.applies_to.contains(&summary.kind) {
                continue;
            }
            // `[[overrides]]` may turn the rule off, or change its level, for this file.
            let Some(level) = (if rules.overrides.is_empty() {
                Some(enabled.severity)
            } else {
                rules
                    .rules_for(&summary.path)
                    .iter()
                    .find(|e| e.info.name == enabled.info.name)
                    .map(|e| e.severity)
            }) else {
                continue;
            };
            let rule = enabled.info.name;
            let suppressions = summary.suppressions.as_deref();
            if let Some(d) = diagnostic(&summary.path, rule, level, finding, suppressions) {
                diagnostics.push((post, d));
            }
        }
    }
    diagnostics
}

/// The byte keys sort paths as `Path`'s own order does.
#[cfg(test)]
mod path_order_tests {
    use proptest::prelude::*;

    use super::*;

    /// Paths from names that sort near each other, with `.`, `..`, doubled and trailing
    /// slashes, a leading slash, and bytes below and above the separator.
    fn path() -> impl Strategy<Value = PathBuf> {
        let piece = prop::sample::select(vec![
            "a",
            "b",
            "ab",
            "a.b",
            "a-b",
            "a b",
            "A",
            "é",
            "\u{1}",
            "a\u{1}",
            "~",
            ".",
            "..",
            "",
            "/",
            "x.md",
            "x.markdown",
        ]);
        (any::<bool>(), prop::collection::vec(piece, 0..6)).prop_map(|(absolute, pieces)| {
            let joined = pieces.join("/");
            PathBuf::from(if absolute {
                format!("/{joined}")
            } else {
                joined
            })
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn keys_sort_as_paths_do(mut paths in prop::collection::vec(path(), 0..30)) {
            let mut expected = paths.clone();
            expected.sort();
            sort_by_path(&mut paths, |path| path);
            // Both sorts are stable: paths equal as `Path`s but written differently (`a//b`,
            // `a/b/`) keep their order, so the two lists are the same, spelling and all.
            let spelled = |paths: &[PathBuf]| -> Vec<String> {
                paths.iter().map(|path| path.to_string_lossy().into_owned()).collect()
            };
            prop_assert_eq!(spelled(&paths), spelled(&expected));
        }
    }
}
