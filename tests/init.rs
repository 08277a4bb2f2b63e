//! `postlint init` end to end: on a site made for the test, the file it writes loads, says
//! why, settles the rules that fire on nearly every page, and is never overwritten unasked.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use tempfile::TempDir;

fn postlint(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_postlint"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("postlint runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// A Hugo site: a documentation section whose theme uses no covers or tags and whose
/// pages have short navigation titles, and a blog whose posts have covers but for one.
fn hugo_site() -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    let write = |path: &str, contents: String| {
        let path = dir.path().join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, contents).unwrap();
    };
    write("hugo.toml", "baseURL = \"https://example.org/\"\n".into());
    for name in ["launch", "roadmap", "release", "hiring", "meetup"] {
        write(&format!("static/images/{name}.png"), String::new());
    }
    let body = "Words about the tool, its commands and its configuration. ".repeat(40);
    for name in [
        "install",
        "configure",
        "upgrade",
        "remove",
        "migrate",
        "debug",
    ] {
        write(
            &format!("content/docs/{name}.md"),
            format!(
                "---\ntitle: {name}\ndescription: How to {name} the tool, step by step, on every platform it supports today, with the commands to type and what each of them prints.\n---\n\n{body}\n"
            ),
        );
    }
    for name in ["launch", "roadmap", "release", "hiring", "meetup"] {
        write(
            &format!("content/blog/{name}.md"),
            format!(
                "---\ntitle: What we learned from the {name} of our command-line tool\ncover: /images/{name}.png\ntags: [news]\ndescription: The story of the {name}, what went well, what went wrong, and what we would do again next time we ship a release of the tool.\n---\n\n{body}\n"
            ),
        );
    }
    write(
        "content/blog/forgot.md",
        format!(
            "---\ntitle: A post about the tool that forgot to set its cover image\ntags: [news]\ndescription: This post has every field its neighbours have, but for the cover image, which its author forgot to set before publishing it.\n---\n\n{body}\n"
        ),
    );
    dir
}

/// `N errors` etc. from the line of init's report that starts with `label`.
fn counts(report: &str, label: &str) -> Vec<usize> {
    let line = report
        .lines()
        .find(|line| line.starts_with(label))
        .unwrap_or_else(|| panic!("no `{label}` line in {report}"));
    line[label.len()..]
        .split(',')
        .map(|part| {
            part.split_whitespace()
                .next()
                .unwrap()
                .replace(',', "")
                .parse()
                .unwrap()
        })
        .collect()
}

#[test]
fn init_writes_a_configuration_that_loads_and_settles_what_fires_everywhere() {
    let site = hugo_site();
    let before = postlint(site.path(), &["check", "--format", "concise", "-q"]);
    let output = postlint(site.path(), &["init"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let report = text(&output.stdout);
    let config = fs::read_to_string(site.path().join("postlint.toml")).unwrap();

    // The profile, and a decision for the docs section's short titles, with its numbers.
    assert!(config.contains("profile = \"hugo\""), "{config}");
    assert!(
        config.contains("# title-length: fires on 6 of the 6 pages under `content/docs/`"),
        "{config}"
    );
    assert!(
        config.contains("[[overrides]]\nfiles = [\"content/docs/**\"]"),
        "{config}"
    );
    // The blog uses covers: the post without one is still reported after init.
    assert!(!config.contains("content/blog/**"), "{config}");

    // The file loads, and the run after it has fewer findings, the missing cover among them.
    let after = postlint(site.path(), &["check", "--format", "concise", "-q"]);
    assert_ne!(after.status.code(), Some(2), "{}", text(&after.stderr));
    let (before, after) = (text(&before.stdout), text(&after.stdout));
    assert!(
        after.lines().count() < before.lines().count(),
        "{before}\n---\n{after}"
    );
    assert!(
        after.contains("content/blog/forgot.md:1:1: error[cover-missing]"),
        "{after}"
    );
    assert!(!after.contains("content/docs/"), "{after}");
    // init says the same counts as the runs.
    let infos_and_more = |report: &str| report.lines().count();
    assert_eq!(
        counts(&report, "before:").iter().sum::<usize>(),
        infos_and_more(&before)
    );
    assert_eq!(
        counts(&report, "after:").iter().sum::<usize>(),
        infos_and_more(&after)
    );
}

#[test]
fn init_never_overwrites_without_force() {
    let site = hugo_site();
    fs::write(site.path().join("postlint.toml"), "# mine\n").unwrap();
    let output = postlint(site.path(), &["init"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).contains("already exists; `postlint init --force` replaces it"),
        "{}",
        text(&output.stderr)
    );
    assert_eq!(
        fs::read_to_string(site.path().join("postlint.toml")).unwrap(),
        "# mine\n"
    );
    let output = postlint(site.path(), &["init", "--force"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(
        fs::read_to_string(site.path().join("postlint.toml"))
            .unwrap()
            .starts_with("# postlint.toml, written by `postlint init`")
    );
}

#[test]
fn init_without_a_generator_writes_beside_the_run_with_paths_from_there() {
    let dir = tempfile::tempdir().unwrap();
    let body = "Words about the web platform and its interfaces. ".repeat(40);
    for section in ["web", "learn"] {
        for n in 0..6 {
            let path = dir
                .path()
                .join(format!("files/en-us/{section}/page-{n}/index.md"));
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(
                path,
                format!(
                    "---\ntitle: Page {n} of {section}\nslug: {section}/page-{n}\n---\n\n{body}\n"
                ),
            )
            .unwrap();
        }
    }
    let output = postlint(dir.path(), &["init", "files/en-us"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let config = fs::read_to_string(dir.path().join("postlint.toml")).unwrap();
    assert!(config.contains("profile = \"generic\""), "{config}");
    let after = postlint(
        dir.path(),
        &["check", "--format", "concise", "-q", "files/en-us"],
    );
    assert_ne!(after.status.code(), Some(2), "{}", text(&after.stderr));
}
