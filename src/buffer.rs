//! Linting text that is not (or not yet) the file on disk: standard input under
//! `--stdin-filename`, or an editor's buffer in the language server.
//!
//! The post pass is the engine's own ([`engine::lint_source`]). The site-wide rules see the
//! buffer together with the other posts of its site as they are on disk, and only the
//! buffer's findings are kept: a duplicate slug is reported on the buffer, never on the
//! file it collides with.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::config::{EnabledRule, RuleSet};
use crate::engine::{self, FileReport};
use crate::post::Post;
use crate::site::PostSummary;

/// Lints `text` as if it were the file at `path`, the site-wide rules included.
pub fn lint_buffer(path: &Path, text: &str, rules: &RuleSet) -> FileReport {
    lint_buffer_with(path, text, rules, |site, except| {
        site_summaries(site, rules, except)
    })
}

/// [`lint_buffer`], with the other posts' summaries from `others(site, buffer_path)`.
pub fn lint_buffer_with(
    path: &Path,
    text: &str,
    rules: &RuleSet,
    others: impl FnOnce(&Path, &Path) -> Vec<PostSummary>,
) -> FileReport {
    let mut report = engine::lint_source(path, text.to_owned(), rules);
    let Some(summary) = report.summary.take() else {
        return report;
    };
    let site_rules: Vec<&EnabledRule> = rules
        .rules_for(path)
        .into_iter()
        .filter(|enabled| enabled.rule.is_site_wide())
        .collect();
    if site_rules.is_empty() {
        return report;
    }
    let site = site_dir(path, rules);
    let mut summaries = others(&site, path);
    summaries.push(summary);
    // The order the engine gives them: by path. A site rule names "the first" post by it.
    summaries.sort_by(|a, b| a.path.cmp(&b.path));
    let Some(own) = summaries.iter().position(|s| s.path == path) else {
        return report;
    };
    let mut findings = Vec::new();
    for enabled in site_rules {
        enabled
            .rule
            .check_site(&summaries, &rules.context, &mut findings);
        let suppressions = &summaries[own].suppressions;
        report.diagnostics.extend(
            findings
                .drain(..)
                .filter(|(post, _)| *post == own)
                .filter_map(|(_, finding)| {
                    engine::diagnostic(
                        path,
                        enabled.info.name,
                        enabled.severity,
                        finding,
                        suppressions,
                    )
                }),
        );
    }
    report
        .diagnostics
        .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    if report.source.is_none() && !report.diagnostics.is_empty() {
        report.source = Some(Arc::from(text));
    }
    report
}

/// The folder whose posts form the buffer's site: the generator's root when one was
/// detected, else the configuration's folder, else the buffer's own folder.
pub fn site_dir(path: &Path, rules: &RuleSet) -> PathBuf {
    if let Some(root) = &rules.context.site_root {
        return root.clone();
    }
    if rules.path.is_some() {
        return rules.base_dir.clone();
    }
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
        _ => PathBuf::from("."),
    }
}

/// The summaries of the posts under `site` on disk, but for the file at `except`, as the
/// engine would walk them. Paths are shown relative to the current directory when they are
/// under it, as the CLI shows them.
pub fn site_summaries(site: &Path, rules: &RuleSet, except: &Path) -> Vec<PostSummary> {
    let current = std::env::current_dir().unwrap_or_default();
    let current = current.canonicalize().unwrap_or(current);
    let relative = except.is_relative();
    let except = absolute(&current, except);
    let (files, _) = engine::collect_paths(&[site.to_owned()]);
    files
        .into_par_iter()
        .filter(|file| absolute(&current, file) != except && !rules.is_excluded(file))
        .filter_map(|file| {
            let source = engine::read(&file).ok()?;
            let shown = match absolute(&current, &file).strip_prefix(&current) {
                Ok(under) if relative => under.to_owned(),
                _ => file,
            };
            let post = Post::parse(shown, source);
            Some(PostSummary::of(&post, &rules.context))
        })
        .collect()
}

/// `path` made absolute against `current`, with `.` and `..` resolved where the file
/// exists, so that two spellings of one file compare equal.
fn absolute(current: &Path, path: &Path) -> PathBuf {
    let joined = current.join(path);
    joined.canonicalize().unwrap_or(joined)
}
