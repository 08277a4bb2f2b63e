//! The baseline end to end: written on a copy of the sample blog, then checked against as
//! the blog changes, through the binary as a CI step or a hook runs it.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;
use tempfile::TempDir;

fn postlint(dir: &Path, args: &[&str]) -> Output {
    postlint_with_input(dir, args, "")
}

fn postlint_with_input(dir: &Path, args: &[&str], input: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_postlint"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("postlint runs");
    // postlint may exit before it reads (a usage error): a closed pipe is its answer.
    if let Err(error) = child.stdin.take().unwrap().write_all(input.as_bytes()) {
        assert_eq!(error.kind(), std::io::ErrorKind::BrokenPipe, "{error}");
    }
    child.wait_with_output().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A copy of fixtures/blog with a postlint.toml, so the baseline's place is beside it.
fn blog() -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(
        &PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/blog"),
        dir.path(),
    );
    fs::write(dir.path().join("postlint.toml"), "").unwrap();
    dir
}

/// The blog with its baseline written; the number of findings recorded.
fn baselined_blog() -> (TempDir, usize) {
    let dir = blog();
    let before = postlint(
        dir.path(),
        &["check", "--format", "concise", "--no-baseline"],
    );
    let findings = stdout(&before).lines().count();
    assert!(findings > 20, "{}", stdout(&before));
    let written = postlint(dir.path(), &["check", "--write-baseline"]);
    assert_eq!(written.status.code(), Some(0), "{}", stderr(&written));
    assert!(
        stderr(&written).starts_with(&format!("wrote {findings} findings of ")),
        "{}",
        stderr(&written)
    );
    assert_eq!(stdout(&written), "", "writing reports nothing");
    (dir, findings)
}

fn baseline_file(dir: &Path) -> Value {
    let text = fs::read_to_string(dir.join("postlint-baseline.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn edit(dir: &Path, post: &str, change: impl FnOnce(String) -> String) {
    let path = dir.join(post);
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, change(text)).unwrap();
}

/// A second vague link at the end of a post: one new warning.
fn add_vague_link(dir: &Path) {
    edit(dir, "posts/seo-basics-for-developers.md", |text| {
        text + "\nMore on that [here](https://example.com/more).\n"
    });
}

const NEW_FINDING: &str = "posts/seo-basics-for-developers.md:25:14: warning[link-text] link text `here` says nothing about `https://example.com/more`\n";

#[test]
fn a_baselined_blog_reports_nothing_and_says_how_much_it_left_out() {
    let (dir, findings) = baselined_blog();
    let output = postlint(dir.path(), &["check"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert_eq!(stdout(&output), "");
    let summary = stderr(&output);
    assert!(
        summary.ends_with(&format!(
            ": 0 errors, 0 warnings; {findings} baselined (postlint-baseline.json)\n"
        )),
        "{summary}"
    );

    let everything = postlint(
        dir.path(),
        &["check", "--no-baseline", "--format", "concise"],
    );
    assert_eq!(everything.status.code(), Some(1));
    assert_eq!(stdout(&everything).lines().count(), findings);
}

#[test]
fn findings_stay_baselined_when_lines_move() {
    let (dir, _) = baselined_blog();
    for post in [
        "posts/css-grid-cheatsheet.md",
        "posts/seo-basics-for-developers.md",
    ] {
        edit(dir.path(), post, |text| {
            // Three lines at the top of the body: every body finding moves down.
            let (front, body) = text.split_at(text[3..].find("---\n").unwrap() + 7);
            format!("{front}\nA new opening paragraph.\n\nAnd another.\n{body}")
        });
    }
    let output = postlint(dir.path(), &["check", "--format", "concise"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert_eq!(stdout(&output), "");
}

#[test]
fn one_new_mistake_is_the_one_finding_reported() {
    let (dir, _) = baselined_blog();
    add_vague_link(dir.path());
    let output = postlint(dir.path(), &["check", "--format", "concise"]);
    assert_eq!(stdout(&output), NEW_FINDING);
    assert_eq!(output.status.code(), Some(0), "a warning passes");

    edit(dir.path(), "posts/css-grid-cheatsheet.md", |text| {
        text + "\n##\n"
    });
    let output = postlint(dir.path(), &["check", "--format", "concise"]);
    assert_eq!(output.status.code(), Some(1), "an error fails");
    let out = stdout(&output);
    assert_eq!(out.lines().count(), 2, "{out}");
    assert!(
        out.contains("error[heading-empty]") && out.contains(NEW_FINDING),
        "{out}"
    );
    assert!(
        stderr(&output).contains(": 1 error, 1 warning; "),
        "{}",
        stderr(&output)
    );
}

#[test]
fn every_format_reports_the_same_one_new_finding() {
    let (dir, findings) = baselined_blog();
    add_vague_link(dir.path());
    let run = |format: &str| {
        let output = postlint(dir.path(), &["check", "--format", format]);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{format}: {}",
            stderr(&output)
        );
        stdout(&output)
    };
    let place = "posts/seo-basics-for-developers.md";
    let message = "link text `here` says nothing about `https://example.com/more`";

    let human = run("human");
    assert_eq!(human.matches("postlint(link-text)").count(), 1, "{human}");
    assert!(human.contains(&format!("[{place}:25:14]")), "{human}");
    assert_eq!(run("concise"), NEW_FINDING);

    let json: Value = serde_json::from_str(&run("json")).unwrap();
    let diagnostics = json["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 1, "{json}");
    assert_eq!(diagnostics[0]["message"], message);
    assert_eq!(json["summary"]["warnings"], 1);
    assert_eq!(json["summary"]["baselined"], findings);

    let sarif: Value = serde_json::from_str(&run("sarif")).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 1, "{sarif}");
    assert_eq!(results[0]["ruleId"], "link-text");

    let github = run("github");
    assert_eq!(github.lines().count(), 1, "{github}");
    assert!(
        github.starts_with(&format!("::warning file={place},line=25,col=14")),
        "{github}"
    );

    let gitlab: Value = serde_json::from_str(&run("gitlab")).unwrap();
    assert_eq!(gitlab.as_array().unwrap().len(), 1, "{gitlab}");
    assert_eq!(gitlab[0]["check_name"], "link-text");

    let junit = run("junit");
    assert_eq!(junit.matches("<failure").count(), 1, "{junit}");
    assert!(junit.contains("https://example.com/more"), "{junit}");

    let statistics = postlint(dir.path(), &["check", "--statistics"]);
    let statistics = stdout(&statistics);
    assert!(statistics.contains("link-text"), "{statistics}");
    assert!(!statistics.contains("content-length"), "{statistics}");

    let output = postlint(
        dir.path(),
        &["check", "--format", "concise", "--output", "report.txt"],
    );
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        fs::read_to_string(dir.path().join("report.txt")).unwrap(),
        NEW_FINDING
    );
    assert_eq!(stdout(&output).matches("postlint(link-text)").count(), 1);
}

#[test]
fn a_fixed_finding_is_announced_then_pruned() {
    let (dir, findings) = baselined_blog();
    let cover = |dir: &Path| {
        baseline_file(dir)["files"]["posts/chatgpt-image-video-post.md"]["cover-missing"].clone()
    };
    assert_eq!(cover(dir.path())[0]["text"], "cover");
    assert_eq!(cover(dir.path())[0]["count"], 1);

    edit(dir.path(), "posts/chatgpt-image-video-post.md", |text| {
        text.replace("\ncover: \n", "\ncover: /images/cover.png\n")
    });
    let output = postlint(dir.path(), &["check"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(
        stderr(&output).ends_with(&format!(
            "; {} baselined (postlint-baseline.json)\n1 baselined finding is no longer found; run `postlint check --write-baseline` to prune it\n",
            findings - 1
        )),
        "{}",
        stderr(&output)
    );

    let written = postlint(dir.path(), &["check", "--write-baseline"]);
    assert!(
        stderr(&written).starts_with(&format!("wrote {} findings of ", findings - 1))
            && stderr(&written).ends_with(" (0 added, 1 pruned)\n"),
        "{}",
        stderr(&written)
    );
    assert!(cover(dir.path()).is_null(), "{}", baseline_file(dir.path()));
    let output = postlint(dir.path(), &["check"]);
    assert!(!stderr(&output).contains("no longer found"));
}

#[test]
fn a_broken_baseline_stops_the_run_and_names_the_file() {
    let dir = blog();
    fs::write(
        dir.path().join("postlint-baseline.json"),
        "{\"version\": 1, \"files\": {",
    )
    .unwrap();
    let output = postlint(dir.path(), &["check"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(stdout(&output), "");
    assert!(
        stderr(&output).starts_with("error: the baseline postlint-baseline.json cannot be read: "),
        "{}",
        stderr(&output)
    );
    let output = postlint(dir.path(), &["check", "--write-baseline"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("delete it to write a new one"),
        "{}",
        stderr(&output)
    );
    let output = postlint(dir.path(), &["check", "--baseline", "missing.json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).starts_with("error: cannot read the baseline missing.json: "),
        "{}",
        stderr(&output)
    );
    let output = postlint(dir.path(), &["check", "--no-baseline", "-q"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
}

#[test]
fn writing_from_a_few_files_keeps_the_other_files_entries() {
    let (dir, findings) = baselined_blog();
    let before = baseline_file(dir.path());
    add_vague_link(dir.path());
    edit(dir.path(), "posts/css-grid-cheatsheet.md", |text| {
        text.replace("#### Columns and rows", "### Columns and rows")
    });
    // As a hook runs it: only the staged post, which has a new finding.
    let output = postlint(
        dir.path(),
        &[
            "check",
            "--write-baseline",
            "posts/seo-basics-for-developers.md",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stderr(&output).ends_with(&format!(
            "wrote {} findings of 11 files to postlint-baseline.json (1 added, 0 pruned)\n",
            findings + 1
        )),
        "{}",
        stderr(&output)
    );
    let after = baseline_file(dir.path());
    let files = |value: &Value| value["files"].as_object().unwrap().clone();
    for (path, entries) in files(&before) {
        if path != "posts/seo-basics-for-developers.md" {
            assert_eq!(files(&after)[&path], entries, "{path} is untouched");
        }
    }
    let links = &after["files"]["posts/seo-basics-for-developers.md"]["link-text"];
    assert_eq!(links.as_array().unwrap().len(), 2, "{links}");
    // The heading fixed in a post the run did not lint is still recorded.
    assert!(!after["files"]["posts/css-grid-cheatsheet.md"]["heading-increment"].is_null());

    // A run over the folder prunes it.
    let output = postlint(dir.path(), &["check", "--write-baseline", "posts"]);
    assert!(
        stderr(&output).ends_with(" (0 added, 1 pruned)\n"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_file_deleted_from_a_walked_folder_is_pruned() {
    let (dir, _) = baselined_blog();
    fs::remove_file(dir.path().join("posts/weekly-notes-42.md")).unwrap();
    let output = postlint(dir.path(), &["check", "posts/chatgpt-image-video-post.md"]);
    assert!(
        !stderr(&output).contains("no longer found"),
        "a run that did not walk the folder does not know: {}",
        stderr(&output)
    );
    let output = postlint(dir.path(), &["check"]);
    // Its 3 findings at least; the missing-field rules judge a page by its neighbours, so
    // a post fewer can also change what the others are told.
    let gone: usize = stderr(&output)
        .lines()
        .find_map(|line| line.strip_suffix(" to prune them"))
        .and_then(|line| line.split(' ').next()?.parse().ok())
        .unwrap_or_else(|| panic!("{}", stderr(&output)));
    assert!(gone >= 3, "{}", stderr(&output));
    postlint(dir.path(), &["check", "--write-baseline"]);
    assert!(baseline_file(dir.path())["files"]["posts/weekly-notes-42.md"].is_null());
}

#[test]
fn repeated_findings_are_counted_and_the_last_extra_one_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("postlint.toml"), "").unwrap();
    let links = |count: usize| {
        let mut text =
            "---\ntitle: Links that say nothing at all, again and again\n---\n\n".to_owned();
        for line in 0..count {
            text.push_str(&format!(
                "Line {line}: [click here](https://example.com/a).\n\n"
            ));
        }
        text
    };
    fs::write(dir.path().join("post.md"), links(3)).unwrap();
    postlint(
        dir.path(),
        &["check", "--select", "link-text", "--write-baseline"],
    );
    let recorded = baseline_file(dir.path());
    let entries = &recorded["files"]["post.md"]["link-text"];
    assert_eq!(entries.as_array().unwrap().len(), 1, "{recorded}");
    assert_eq!(entries[0]["count"], 3);

    fs::write(dir.path().join("post.md"), links(4)).unwrap();
    let output = postlint(
        dir.path(),
        &["check", "--select", "link-text", "--format", "concise"],
    );
    assert_eq!(
        stdout(&output),
        "post.md:11:9: warning[link-text] link text `click here` says nothing about `https://example.com/a`\n"
    );
}

#[test]
fn a_run_of_some_rules_leaves_the_other_rules_entries_alone() {
    let (dir, findings) = baselined_blog();
    let output = postlint(
        dir.path(),
        &["check", "--select", "link-text", "--write-baseline"],
    );
    assert!(
        stderr(&output).starts_with(&format!("wrote {findings} findings ")),
        "{}",
        stderr(&output)
    );
    let output = postlint(dir.path(), &["check", "--ignore", "content-length"]);
    assert!(
        !stderr(&output).contains("no longer found"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn standard_input_is_checked_against_the_baseline_of_its_file() {
    let (dir, _) = baselined_blog();
    let post = "posts/seo-basics-for-developers.md";
    let text = fs::read_to_string(dir.path().join(post)).unwrap();
    let args = [
        "check",
        "--format",
        "concise",
        "--stdin-filename",
        post,
        "-",
    ];
    let output = postlint_with_input(dir.path(), &args, &text);
    assert_eq!(stdout(&output), "");
    assert_eq!(output.status.code(), Some(0));
    assert!(stderr(&output).contains(" baselined (postlint-baseline.json)\n"));

    let text = text + "\nMore on that [here](https://example.com/more).\n";
    let output = postlint_with_input(dir.path(), &args, &text);
    assert_eq!(stdout(&output), NEW_FINDING);

    let output = postlint_with_input(
        dir.path(),
        &["check", "--write-baseline", "--stdin-filename", post, "-"],
        &text,
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("cannot read standard input"));
}

#[test]
fn an_optional_file_name_does_not_take_the_paths() {
    let (dir, _) = baselined_blog();
    let output = postlint(dir.path(), &["check", "--write-baseline", "posts"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stderr(&output).contains(" to postlint-baseline.json "));
    assert!(!dir.path().join("posts.json").exists() && dir.path().join("posts").is_dir());

    let output = postlint(
        dir.path(),
        &["check", "--write-baseline=ci/baseline.json", "posts"],
    );
    assert!(
        stderr(&output).contains(" to ci/baseline.json "),
        "{}",
        stderr(&output)
    );
    // Paths in it are relative to its own folder.
    let written = fs::read_to_string(dir.path().join("ci/baseline.json")).unwrap_or_default();
    assert!(
        written.contains("\"../posts/weekly-notes-42.md\""),
        "{written}"
    );
    let output = postlint(
        dir.path(),
        &["check", "--baseline", "ci/baseline.json", "posts"],
    );
    assert_eq!(stdout(&output), "");
    assert!(stderr(&output).contains(" baselined (ci/baseline.json)\n"));
}

#[test]
fn findings_of_site_rules_are_baselined_too_across_many_files() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("postlint.toml"), "").unwrap();
    // More posts than the stream lints at once, in pairs that share a title.
    for index in 0..300 {
        let post = format!(
            "---\ntitle: A post that shares its title, number {}\n---\n\nText.\n",
            index / 2
        );
        fs::write(dir.path().join(format!("post-{index:03}.md")), post).unwrap();
    }
    let args = ["check", "--select", "title-duplicate", "--format", "json"];
    let everything: Value = serde_json::from_str(&stdout(&postlint(dir.path(), &args))).unwrap();
    assert_eq!(everything["diagnostics"].as_array().unwrap().len(), 300);
    postlint(
        dir.path(),
        &["check", "--select", "title-duplicate", "--write-baseline"],
    );

    let output = postlint(dir.path(), &args);
    let report: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(report["diagnostics"], serde_json::json!([]));
    assert_eq!(report["summary"]["baselined"], 300);

    // A third post with one of the titles: only it is new.
    fs::write(
        dir.path().join("post-300.md"),
        "---\ntitle: A post that shares its title, number 7\n---\n\nText.\n",
    )
    .unwrap();
    let report: Value = serde_json::from_str(&stdout(&postlint(dir.path(), &args))).unwrap();
    let diagnostics = report["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 1, "{report}");
    assert_eq!(diagnostics[0]["path"], "post-300.md");
    assert_eq!(report["summary"]["baselined"], 300);
    assert_eq!(
        report["summary"]["errors"].as_u64().unwrap()
            + report["summary"]["warnings"].as_u64().unwrap()
            + report["summary"]["infos"].as_u64().unwrap(),
        1
    );
}
