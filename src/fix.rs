//! Applying the fixes rules offer: edits on byte ranges, reapplied until nothing changes,
//! written atomically so that no byte outside an edit is lost.

use std::io::Write;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::config::RuleSet;
use crate::diagnostic::{Applicability, Edit};
use crate::engine::{self, lint_post};
use crate::post::Post;

/// How many rounds of fixing a file gets: each round re-lints the fixed text, since one
/// fix can make or unmake another finding. Fixes that keep changing the text are a bug.
const MAX_ROUNDS: usize = 10;

/// One file's fixes.
pub struct FixedFile {
    pub path: PathBuf,
    pub original: String,
    pub fixed: String,
    /// How many findings were fixed.
    pub applied: usize,
}

/// Applies every fix of `applicability` or safer to `source`, round after round, until
/// no fix applies. Returns the text and how many fixes were applied.
pub fn fix_source(
    path: &Path,
    source: String,
    rules: &RuleSet,
    applicability: Applicability,
) -> (String, usize) {
    let mut text = source;
    let mut applied = 0;
    for _ in 0..MAX_ROUNDS {
        let post = Post::parse_in(path, text, &rules.context.site, &rules.context.profile);
        let diagnostics = lint_post(&post, rules);
        text = post.source;
        // A fix's edits go in together or not at all, and never over another fix's.
        let mut edits: Vec<Edit> = Vec::new();
        let mut count = 0;
        for fix in diagnostics
            .iter()
            .filter_map(|diagnostic| diagnostic.finding.fix.as_ref())
            .filter(|fix| fix.applicability <= applicability)
        {
            let overlaps = fix.edits.iter().any(|edit| {
                edits.iter().any(|taken| {
                    edit.range.start < taken.range.end && taken.range.start < edit.range.end
                })
            });
            if !overlaps {
                edits.extend(fix.edits.iter().cloned());
                count += 1;
            }
        }
        if edits.is_empty() {
            break;
        }
        text = apply(&text, edits);
        applied += count;
    }
    (text, applied)
}

/// `source` with `edits` made; edits do not overlap.
pub fn apply(source: &str, mut edits: Vec<Edit>) -> String {
    edits.sort_by_key(|edit| edit.range.start);
    let mut out = String::with_capacity(source.len());
    let mut at = 0;
    for edit in edits {
        out.push_str(&source[at..edit.range.start]);
        out.push_str(&edit.replacement);
        at = edit.range.end;
    }
    out.push_str(&source[at..]);
    out
}

/// Fixes every post under `paths` (in parallel, in path order); files without a fix are
/// left out. Files that cannot be read are left to the lint that follows.
pub fn fix_paths(
    paths: &[PathBuf],
    rules: &RuleSet,
    applicability: Applicability,
) -> Vec<FixedFile> {
    let (mut files, _) = engine::collect(paths);
    files.retain(|(path, _)| !rules.is_excluded(path));
    files
        .par_iter()
        .filter_map(|(path, found)| {
            let original = engine::read_limited(path, rules.max_file_size).ok()?;
            // What a check leaves alone, a fix leaves alone: a walked file the generator
            // does not publish.
            if *found == engine::Found::Walked {
                let post = Post::head_in(
                    path.as_path(),
                    original.clone(),
                    &rules.context.site,
                    &rules.context.profile,
                );
                if !engine::is_linted(post.page.kind, *found) {
                    return None;
                }
            }
            let (fixed, applied) = fix_source(path, original.clone(), rules, applicability);
            (applied > 0 && fixed != original).then(|| FixedFile {
                path: path.clone(),
                original,
                fixed,
                applied,
            })
        })
        .collect()
}

/// Replaces the file with `contents` atomically: a temporary file in the same folder,
/// given the original's permissions, then renamed over it.
pub fn write_atomically(path: &Path, contents: &str) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|dir| !dir.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .and_then(|name| name.to_str())
        .unwrap_or("post");
    let temporary = dir.join(format!(".{name}.postlint-{}.tmp", std::process::id()));
    let permissions = std::fs::metadata(path)?.permissions();
    let result = (|| {
        let mut file = std::fs::File::create(&temporary)?;
        file.write_all(contents.as_bytes())?;
        file.sync_all()?;
        std::fs::set_permissions(&temporary, permissions)?;
        std::fs::rename(&temporary, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    result
}

/// Writes a fixed file, unless it changed on disk since it was read: then someone else's
/// edit would be lost, so the file is left alone and the error says why.
pub fn write_fixed(file: &FixedFile) -> std::io::Result<()> {
    let now = std::fs::read(&file.path)?;
    if now != file.original.as_bytes() {
        return Err(std::io::Error::other(
            "it changed on disk after postlint read it; not overwritten, run postlint again",
        ));
    }
    write_atomically(&file.path, &file.fixed)
}

/// A unified diff of one file's fixes, as `--diff` prints it.
pub fn unified_diff(file: &FixedFile) -> String {
    let name = file.path.display().to_string();
    similar::TextDiff::from_lines(&file.original, &file.fixed)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{name}"), &format!("b/{name}"))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(source: &str, applicability: Applicability) -> (String, usize) {
        fix_source(
            Path::new("post.md"),
            source.to_owned(),
            &RuleSet::defaults(),
            applicability,
        )
    }

    #[test]
    fn unsafe_fixes_need_asking_for() {
        let source = "---\ntitle: T\nslug: My_Post\n---\n# A\n### B\n";
        assert_eq!(fix(source, Applicability::Safe).1, 0);
        let (fixed, applied) = fix(source, Applicability::Unsafe);
        assert_eq!(fixed, "---\ntitle: T\nslug: my-post\n---\n# A\n## B\n");
        assert_eq!(applied, 2);
    }

    #[test]
    fn sub_headings_move_with_their_heading_and_fixes_converge() {
        let source = "---\ntitle: T\n---\n## A\n#### B\n##### C\n###### D\n## E\n#### F\n";
        let (fixed, _) = fix(source, Applicability::Unsafe);
        assert_eq!(
            fixed,
            "---\ntitle: T\n---\n## A\n### B\n#### C\n##### D\n## E\n### F\n"
        );
        // Fixed text has nothing left to fix.
        assert_eq!(fix(&fixed, Applicability::Unsafe), (fixed.clone(), 0));
    }

    #[test]
    fn bom_crlf_and_untouched_bytes_survive() {
        let source =
            "\u{feff}---\r\nslug: \"My Post\"\r\ntitle: T  \r\n---\r\n\r\n# A\r\n### B\r\n";
        let (fixed, _) = fix(source, Applicability::Unsafe);
        assert_eq!(
            fixed,
            "\u{feff}---\r\nslug: my-post\r\ntitle: T  \r\n---\r\n\r\n# A\r\n## B\r\n"
        );
    }

    #[test]
    fn toml_and_url_paths() {
        let (fixed, _) = fix("+++\nslug = \"My_Post\"\n+++\n", Applicability::Unsafe);
        assert_eq!(fixed, "+++\nslug = \"my-post\"\n+++\n");
        let profile = "profile = \"hugo\"\n";
        let rules = RuleSet::from_toml(Path::new("postlint.toml"), profile, None).unwrap();
        let (fixed, _) = fix_source(
            Path::new("content/a.md"),
            "---\nurl: /posts/My_Post/\n---\n".into(),
            &rules,
            Applicability::Unsafe,
        );
        assert_eq!(fixed, "---\nurl: /posts/my-post/\n---\n");
    }

    #[test]
    fn a_file_changed_since_it_was_read_is_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("post.md");
        std::fs::write(&path, "someone else's edit").unwrap();
        let file = FixedFile {
            path: path.clone(),
            original: "what postlint read".into(),
            fixed: "what postlint would write".into(),
            applied: 1,
        };
        let error = write_fixed(&file).unwrap_err();
        assert!(error.to_string().contains("changed on disk"), "{error}");
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "someone else's edit"
        );
    }

    #[test]
    fn writes_are_atomic_and_keep_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("post.md");
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomically(&path, "new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(
            std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o640
        );
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file left"
        );
    }
}
