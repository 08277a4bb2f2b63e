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
