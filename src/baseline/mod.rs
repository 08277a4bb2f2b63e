//! The baseline: the findings a site already had when it adopted postlint, recorded so that
//! a run reports only new ones (as ESLint's bulk suppressions and detekt's baseline do).
//!
//! `postlint check --write-baseline` records every finding of the files it lints in
//! `postlint-baseline.json`. A later `postlint check` takes the findings the baseline
//! records out of each file's report before any reporter sees it, so every format, the
//! summary and the exit code agree. A finding is recorded by its file, its rule and a
//! [`fingerprint`] of the text it points at, and counted: a file with two baselined
//! `link-text` findings on `here` may have two, and a third is reported (the last in the
//! file). Lines may move; what changes the text makes the finding new.
//!
//! A run reads and prunes only what it covers: the files it lints, and the files under the
//! folders it walks (one deleted there is gone). A hook that lints three staged posts leaves
//! the other posts' entries as they are.

mod file;
mod fingerprint;

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};

pub use file::FILE_NAME;
use file::{Files, Recorded, Rules};
pub use fingerprint::fingerprint;

use crate::config::{CommandLine, Level, RuleSet};
use crate::engine::FileReport;
use crate::report::is_failure;
use crate::site::paths;

/// A baseline in use: read to take findings out of reports, or to be written anew.
pub struct Baseline {
    /// The file as messages show it: as named, or relative to the current directory.
    pub shown: PathBuf,
    /// Whether the command line named it (`--baseline`), so a command about it must too.
    named: bool,
    path: PathBuf,
    /// The folder the recorded paths are relative to (absolute).
    dir: PathBuf,
    current: PathBuf,
    recorded: Files,
    writing: bool,
    scope: Scope,
    /// What the run saw of each file, by its path in the baseline. A file linted twice (the
    /// site rules' second pass) keeps what the second lint saw.
    visits: Mutex<HashMap<String, Visit>>,
}

/// What a run covers, so that it counts as gone, and prunes, only what it could have seen.
pub struct Scope {
    /// The folders walked, absolute: a recorded file under one that was not linted is gone.
    walked: Vec<PathBuf>,
    /// The rules that ran, when the command line left some out (`--select`, `--ignore`,
    /// `--rule NAME=off`): the other rules' entries are kept, neither matched nor pruned.
    ran: Option<HashSet<&'static str>>,
}

enum Visit {
    /// Linted (or left alone as a file the generator does not publish): how many of its
    /// recorded findings were not found, and, when writing, what was found.
    Seen { gone: usize, found: Rules },
    /// Could not be read or linted: what it records is kept, and not counted as gone.
    Failed(String),
}

impl Scope {
    pub fn new(paths: &[PathBuf], rules: &RuleSet, command_line: &CommandLine) -> Scope {
        let current = current_dir();
        let walked = paths
            .iter()
            .filter(|path| path.is_dir())
            .map(|path| paths::absolute(&current, path))
            .collect();
        let restricted = !command_line.select.is_empty()
            || !command_line.ignore.is_empty()
            || command_line
                .levels
                .iter()
                .any(|(_, level)| *level == Level::Off);
        let ran = restricted.then(|| rules.rules.iter().map(|e| e.info.name).collect());
        Scope { walked, ran }
    }

    fn ran(&self, rule: &str) -> bool {
        self.ran.as_ref().is_none_or(|ran| ran.contains(rule))
    }
}

/// Where the baseline is unless `--baseline` names one: beside the configuration file in
/// use, else in the site's root (where the generator's configuration is), else in the
/// current directory. A hook and a CI step then find it without being told.
pub fn default_path(rules: &RuleSet) -> PathBuf {
    let folder = match (&rules.path, &rules.context.site.root) {
        (Some(config), _) => config.parent().map(Path::to_owned),
        (None, Some(root)) => Some(root.clone()),
        (None, None) => None,
    };
    let current = current_dir();
    paths::absolute(&current, &folder.unwrap_or_default().join(FILE_NAME))
}

impl Baseline {
    /// The baseline to check against: `named`, which must exist, else the one at `default`
    /// when there is one.
    pub fn for_check(
        named: Option<&Path>,
        default: &Path,
        scope: Scope,
    ) -> Result<Option<Baseline>, String> {
        if named.is_none() && !default.is_file() {
            return Ok(None);
        }
        Baseline::open(named.unwrap_or(default), named.is_some(), scope, false).map(Some)
    }

    /// The baseline to write at `target`. What it records now is read first, so that the
    /// files this run does not cover keep their entries.
    pub fn for_write(target: &Path, named: bool, scope: Scope) -> Result<Baseline, String> {
        Baseline::open(target, named, scope, true)
    }

    fn open(path: &Path, named: bool, scope: Scope, writing: bool) -> Result<Baseline, String> {
        let current = current_dir();
        let absolute = paths::absolute(&current, path);
        let shown = match absolute.strip_prefix(&current) {
            _ if named => path.to_owned(),
            Ok(under) => under.to_owned(),
            Err(_) => absolute.clone(),
        };
        let recorded = match std::fs::read_to_string(&absolute) {
            Ok(text) => file::parse(&text).map_err(|reason| {
                let advice = if writing {
                    "; mend it, or delete it to write a new one"
                } else {
                    ""
                };
                format!(
                    "the baseline {} cannot be read: {reason}{advice}",
                    shown.display()
                )
            })?,
            Err(error) if writing && error.kind() == std::io::ErrorKind::NotFound => Files::new(),
            Err(error) => {
                return Err(format!(
                    "cannot read the baseline {}: {error}",
                    shown.display()
                ));
            }
        };
        Ok(Baseline {
            shown,
            named,
            dir: absolute.parent().map(Path::to_owned).unwrap_or_default(),
            path: absolute,
            current,
            recorded,
            writing,
            scope,
            visits: Mutex::default(),
        })
    }

    pub fn is_writing(&self) -> bool {
        self.writing
    }

    /// Takes the findings the baseline records out of `report` and returns how many. When
    /// writing, takes none and remembers them all instead.
    pub fn apply(&self, report: &mut FileReport) -> usize {
        let key = self.key(&report.path);
        if let Some(failure) = report.diagnostics.iter().find(|d| is_failure(d)) {
            let message = format!("{}: {}", report.path.display(), failure.finding.message);
            self.visits().insert(key, Visit::Failed(message));
            return 0;
        }
        // How many findings of each rule and fingerprint may still be taken out.
        let mut allowed: HashMap<(&str, u64), usize> = HashMap::new();
        if !self.writing
            && let Some(rules) = self.recorded.get(&key)
        {
            for (rule, recorded) in rules.iter().filter(|(rule, _)| self.scope.ran(rule)) {
                for (fingerprint, entry) in recorded {
                    allowed.insert((rule.as_str(), *fingerprint), entry.count);
                }
            }
        }
        let source = report.source.as_deref().unwrap_or_default();
        let mut found = Rules::new();
        let before = report.diagnostics.len();
        report.diagnostics.retain(|diagnostic| {
            let text = source.get(diagnostic.finding.range.clone()).unwrap_or("");
            let fingerprint = fingerprint(diagnostic.rule, text);
            if self.writing {
                let recorded = found.entry(diagnostic.rule.to_owned()).or_default();
                recorded
                    .entry(fingerprint)
                    .or_insert_with(|| Recorded {
                        count: 0,
                        text: fingerprint::excerpt(text),
                    })
                    .count += 1;
                return true;
            }
            match allowed.get_mut(&(diagnostic.rule, fingerprint)) {
                Some(left) if *left > 0 => {
                    *left -= 1;
                    false
                }
                _ => true,
            }
        });
        let gone = allowed.values().sum();
        self.visits().insert(key, Visit::Seen { gone, found });
        before - report.diagnostics.len()
    }

    /// How many recorded findings the run did not find: fixed, or in files gone from the
    /// folders it walked.
    pub fn gone(&self) -> usize {
        let visits = self.visits();
        let in_linted: usize = visits
            .values()
            .map(|visit| match visit {
                Visit::Seen { gone, .. } => *gone,
                Visit::Failed(_) => 0,
            })
            .sum();
        let in_gone_files: usize = self
            .recorded
            .iter()
            .filter(|(key, _)| !visits.contains_key(*key) && self.walked(key))
            .map(|(_, rules)| file::count_of_file(rules))
            .sum();
        in_linted + in_gone_files
    }

    /// The files that could not be read or linted, with why: their entries were kept.
    pub fn failures(&self) -> Vec<String> {
        let mut failures: Vec<String> = self
            .visits()
            .values()
            .filter_map(|visit| match visit {
                Visit::Failed(message) => Some(message.clone()),
                Visit::Seen { .. } => None,
            })
            .collect();
        failures.sort();
        failures
    }

    /// Writes the baseline: what the run found in the files it covered, in place of what
    /// was recorded for them; the other files' entries as they were.
    pub fn write(&self) -> std::io::Result<Written> {
        let mut files = self.recorded.clone();
        let visits = self.visits();
        files.retain(|key, _| visits.contains_key(key) || !self.walked(key));
        for (key, visit) in visits.iter() {
            let Visit::Seen { found, .. } = visit else {
                continue;
            };
            let mut rules = found.clone();
            if let Some(old) = files.get(key) {
                let kept = old.iter().filter(|(rule, _)| !self.scope.ran(rule));
                rules.extend(kept.map(|(rule, entries)| (rule.clone(), entries.clone())));
            }
            if rules.is_empty() {
                files.remove(key);
            } else {
                files.insert(key.clone(), rules);
            }
        }
        let text = file::render(&files);
        if self.path.exists() {
            crate::fix::write_atomically(&self.path, &text)?;
        } else {
            std::fs::create_dir_all(&self.dir)?;
            std::fs::write(&self.path, &text)?;
        }
        let (added, pruned) = changes(&self.recorded, &files);
        Ok(Written {
            findings: file::count(&files),
            files: files.len(),
            added,
            pruned,
            shown: self.shown.clone(),
        })
    }

    /// What the summary line says of the baseline: `; 12 baselined (postlint-baseline.json)`.
    pub fn summary(&self, baselined: usize) -> String {
        format!("; {baselined} baselined ({})", self.shown.display())
    }

    /// How many recorded findings are gone, and the command that prunes them; `None` when
    /// none is.
    pub fn prune_hint(&self) -> Option<String> {
        let gone = self.gone();
        if gone == 0 {
            return None;
        }
        let findings = crate::rules::plural(gone, "baselined finding");
        let (verb, them) = if gone == 1 {
            ("is", "it")
        } else {
            ("are", "them")
        };
        let option = if self.named {
            format!("--write-baseline={}", self.shown.display())
        } else {
            "--write-baseline".to_owned()
        };
        Some(format!(
            "{findings} {verb} no longer found; run `postlint check {option}` to prune {them}"
        ))
    }

    /// The file's path as the baseline records it: relative to the baseline's folder, with `/`.
    fn key(&self, path: &Path) -> String {
        let absolute = paths::absolute(&self.current, path);
        let top = absolute.ancestors().last().unwrap_or(Path::new("/"));
        paths::relative_to(&self.dir, top, &absolute)
            .unwrap_or_else(|| absolute.to_string_lossy().into_owned())
    }

    /// Whether the recorded file at `key` is under a folder the run walked.
    fn walked(&self, key: &str) -> bool {
        let absolute = paths::normalize(&self.dir.join(key));
        self.scope
            .walked
            .iter()
            .any(|dir| absolute.starts_with(dir))
    }

    fn visits(&self) -> MutexGuard<'_, HashMap<String, Visit>> {
        // A panic while the lock was held leaves at worst one file's visit unrecorded.
        self.visits.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// What `--write-baseline` wrote, as it tells the user.
pub struct Written {
    pub findings: usize,
    pub files: usize,
    /// Findings recorded now that were not before, and recorded before that are not now.
    pub added: usize,
    pub pruned: usize,
    shown: PathBuf,
}

impl fmt::Display for Written {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::rules::plural;
        write!(
            f,
            "wrote {} of {} to {} ({} added, {} pruned)",
            plural(self.findings, "finding"),
            plural(self.files, "file"),
            self.shown.display(),
            self.added,
            self.pruned
        )
    }
}

/// How many findings `after` records that `before` did not, and the other way round.
fn changes(before: &Files, after: &Files) -> (usize, usize) {
    let flat = |files: &Files| -> HashMap<(String, String, u64), usize> {
        let mut flat = HashMap::new();
        for (path, rules) in files {
            for (rule, recorded) in rules {
                for (fingerprint, entry) in recorded {
                    flat.insert((path.clone(), rule.clone(), *fingerprint), entry.count);
                }
            }
        }
        flat
    };
    let (before, after) = (flat(before), flat(after));
    let more = |a: &HashMap<_, usize>, b: &HashMap<_, usize>| -> usize {
        a.iter()
            .map(|(key, count)| count.saturating_sub(b.get(key).copied().unwrap_or(0)))
            .sum()
    };
    (more(&after, &before), more(&before, &after))
}

fn current_dir() -> PathBuf {
    std::env::current_dir().unwrap_or_default()
}
