//! The sample sites end to end: the profile is detected from the site's own files, and
//! the site-wide rules see every post.

use std::path::{Path, PathBuf};
use std::process::Command;

fn site(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/sites")
        .join(name)
}

fn postlint(dir: &Path, args: &[&str]) -> (Option<i32>, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_postlint"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("postlint runs");
    (
        output.status.code(),
        String::from_utf8(output.stdout).unwrap(),
    )
}

#[test]
fn the_hugo_site() {
    let (code, profile) = postlint(&site("hugo"), &["profile"]);
    assert_eq!(code, Some(0));
    assert!(
        profile.starts_with("profile: hugo (detected: `hugo.toml` in "),
        "{profile}"
    );
    assert!(profile.contains("  slug         url, slug\n"), "{profile}");
    let (code, report) = postlint(&site("hugo"), &["check", "--format", "concise", "-q"]);
    assert_eq!(code, Some(1));
    insta::assert_snapshot!(report);
}

#[test]
fn the_hexo_site() {
    let (code, profile) = postlint(&site("hexo/source/_posts"), &["profile"]);
    assert_eq!(code, Some(0));
    assert!(
        profile
            .starts_with("profile: hexo (detected: `_config.yml` with Hexo's `new_post_name` in "),
        "{profile}"
    );
    let (code, report) = postlint(&site("hexo"), &["check", "--format", "concise", "-q"]);
    assert_eq!(code, Some(1));
    insta::assert_snapshot!(report);
}

#[test]
fn a_duplicate_slug_shows_the_other_post() {
    let (_, report) = postlint(&site("hugo"), &["check", "-q", "content/posts"]);
    // The finding in one post, and the same slug in the other shown under it.
    let finding = report
        .split("postlint(url-duplicate)")
        .nth(1)
        .expect("a url-duplicate finding");
    assert!(
        finding.contains("[content/posts/cache-headers.md:3:7]"),
        "{finding}"
    );
    assert!(finding.contains("the same URL here"), "{finding}");
    assert!(
        finding.contains("[content/posts/caching-static-sites.md:3:7]"),
        "{finding}"
    );
}

#[test]
fn a_walk_leaves_unpublished_files_alone_and_a_named_document_gets_its_markdown_rules() {
    let hexo = site("hexo");
    let output = Command::new(env!("CARGO_BIN_EXE_postlint"))
        .args(["check", "--format", "concise"])
        .current_dir(&hexo)
        .output()
        .unwrap();
    let report = String::from_utf8(output.stdout).unwrap();
    let summary = String::from_utf8(output.stderr).unwrap();
    assert!(!report.contains("scaffolds/"), "{report}");
    assert!(!report.contains("README.md"), "{report}");
    assert!(
        summary.contains("; 2 files not published by the generator, left alone"),
        "{summary}"
    );
    // Named, as pre-commit names a staged file: its kind's rules, headings but no cover.
    let (_, report) = postlint(&hexo, &["check", "--format", "concise", "-q", "README.md"]);
    assert!(report.contains("warning[heading-increment]"), "{report}");
    assert!(!report.contains("cover-missing"), "{report}");
    let (_, report) = postlint(
        &hexo,
        &["check", "--format", "concise", "-q", "scaffolds/post.md"],
    );
    assert_eq!(report, "");
}

#[test]
fn the_site_model_as_json() {
    let (code, json) = postlint(&site("hugo"), &["site", "--format", "json"]);
    assert_eq!(code, Some(0));
    let document: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(document["version"], 1);
    assert_eq!(document["generator"], "hugo");
    let files = document["files"].as_array().unwrap();
    let bundle = files
        .iter()
        .find(|file| file["path"] == "content/posts/page-bundles/index.md")
        .unwrap();
    assert_eq!(bundle["kind"], "page");
    assert_eq!(bundle["url_status"], "known");
    assert!(
        bundle["url"]
            .as_str()
            .unwrap()
            .ends_with("/posts/page-bundles/")
    );
}
