//! Linting text that is not (or not yet) the file on disk: standard input under
//! `--stdin-filename`, or an editor's buffer in the language server.
//!
//! The post pass is the engine's own ([`engine::lint_source`]). The site-wide rules see the
//! buffer together with the other posts of its site as they are on disk, and only the
//! buffer's findings are kept: a duplicate slug is reported on the buffer, never on the
//! file it collides with.
//!
//! A language server lints the same buffer on every keystroke: [`SiteCache`] keeps the
//! other posts' summaries between lints, and only posts changed on disk are read again.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

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
    engine::sort_by_path(&mut summaries, |summary| &summary.path);
    let Some(own) = summaries.iter().position(|s| *s.path == *path) else {
        return report;
    };
    let mut findings = Vec::new();
    for enabled in site_rules {
        enabled
            .rule
            .check_site(&summaries, &rules.context, &mut findings);
        let suppressions = summaries[own].suppressions.as_deref();
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
    if let Some(root) = &rules.context.site.root {
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
    site_summaries_cached(site, rules, except, None)
}

/// The other posts' summaries, kept between lints of one buffer. A summary is reused while
/// its file's size and modification time are the ones it was read at, under the same rules.
#[derive(Default)]
pub struct SiteCache {
    entries: Mutex<HashMap<PathBuf, Cached>>,
}

struct Cached {
    /// Which rule set read it: summaries depend on the profile and the fields.
    rules: usize,
    stamp: (SystemTime, u64),
    summary: PostSummary,
}

impl SiteCache {
    /// [`lint_buffer`], with the site's other posts read through this cache.
    pub fn lint_buffer(&self, path: &Path, text: &str, rules: &Arc<RuleSet>) -> FileReport {
        lint_buffer_with(path, text, rules, |site, except| {
            site_summaries_cached(
                site,
                rules,
                except,
                Some((self, Arc::as_ptr(rules) as usize)),
            )
        })
    }

    /// Forgets everything, as when the configuration changes.
    pub fn clear(&self) {
        self.lock().clear();
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<PathBuf, Cached>> {
        // A panic while the lock was held leaves at worst a missing entry.
        self.entries
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

fn stamp(path: &Path) -> Option<(SystemTime, u64)> {
    let metadata = std::fs::metadata(path).ok()?;
    Some((metadata.modified().ok()?, metadata.len()))
}

fn site_summaries_cached(
    site: &Path,
    rules: &RuleSet,
    except: &Path,
    cache: Option<(&SiteCache, usize)>,
) -> Vec<PostSummary> {
    let current = std::env::current_dir().unwrap_or_default();
    let current = current.canonicalize().unwrap_or(current);
    let relative = except.is_relative();
    let except = absolute(&current, except);
    let (files, _) = engine::collect_paths(&[site.to_owned()]);
    files
        .into_par_iter()
        // Only a file of the same name can be the buffer: the others need no `realpath`.
        .filter(|file| file.file_name() != except.file_name() || absolute(&current, file) != except)
        .filter(|file| !rules.is_excluded(file))
        .filter_map(|file| {
            let cached = cache.and_then(|(cache, rules_id)| {
                let stamp = stamp(&file)?;
                let entries = cache.lock();
                let entry = entries.get(&file)?;
                (entry.rules == rules_id && entry.stamp == stamp).then(|| entry.summary.clone())
            });
            if cached.is_some() {
                return cached;
            }
            // Stamped before the read: a write during it makes the next lint read again.
            let stamp = stamp(&file);
            let source = engine::read(&file).ok()?;
            let shown = match absolute(&current, &file).strip_prefix(&current) {
                Ok(under) if relative => under.to_owned(),
                _ => file.clone(),
            };
            let post = Post::parse_in(shown, source, &rules.context.site, &rules.context.profile);
            let summary = PostSummary::of(&post, &rules.context);
            if let (Some((cache, rules_id)), Some(stamp)) = (cache, stamp) {
                let entry = Cached {
                    rules: rules_id,
                    stamp,
                    summary: summary.clone(),
                };
                cache.lock().insert(file, entry);
            }
            Some(summary)
        })
        .collect()
}

/// `path` made absolute against `current`, with `.` and `..` resolved where the file
/// exists, so that two spellings of one file compare equal.
fn absolute(current: &Path, path: &Path) -> PathBuf {
    let joined = current.join(path);
    joined.canonicalize().unwrap_or(joined)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules_reported(report: &FileReport) -> Vec<&str> {
        report.diagnostics.iter().map(|d| d.rule).collect()
    }

    #[test]
    fn the_site_cache_reads_a_neighbour_again_only_when_it_changes() {
        let site = tempfile::tempdir().unwrap();
        std::fs::write(site.path().join("postlint.toml"), "").unwrap();
        let neighbour = site.path().join("a.md");
        std::fs::write(&neighbour, "---\ntitle: Same title here\n---\n").unwrap();
        let buffer = site.path().join("b.md");
        let config = site.path().join("postlint.toml");
        let rules =
            Arc::new(RuleSet::load(Some(&config), site.path(), &Default::default()).unwrap());
        let cache = SiteCache::default();
        let text = "---\ntitle: Same title here\n---\n";

        let first = cache.lint_buffer(&buffer, text, &rules);
        assert!(
            rules_reported(&first).contains(&"title-duplicate"),
            "{:?}",
            rules_reported(&first)
        );
        assert_eq!(
            cache.lock().len(),
            1,
            "the neighbour is kept, the buffer is not"
        );

        std::fs::write(&neighbour, "---\ntitle: Another, longer title\n---\n").unwrap();
        let second = cache.lint_buffer(&buffer, text, &rules);
        assert!(
            !rules_reported(&second).contains(&"title-duplicate"),
            "{:?}",
            rules_reported(&second)
        );

        cache.clear();
        assert_eq!(cache.lock().len(), 0);
    }
}
