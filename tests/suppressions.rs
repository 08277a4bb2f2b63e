//! Suppressions end to end: comments and the front matter key, as the binary applies them
//! to a post's own findings and to the site-wide ones.

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

/// A post no rule reports on, but for what `front_matter` and `body` add; its body has
/// the 300 reading units content-length asks for.
fn post(title: &str, front_matter: &str, body: &str) -> String {
    format!(
        "---\ntitle: {title}\ncover: /images/cover.png\ntags: [caching]\nexcerpt: A summary long enough for the search result snippet, written for the readers who skim the results page.\n{front_matter}---\n\n## Section\n\n{}\n\n{body}",
        "Text about caching. ".repeat(100)
    )
}

fn blog(files: &[(&str, String)]) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    // Defaults, whatever configuration lies above the temporary folder.
    fs::write(dir.path().join("postlint.toml"), "").unwrap();
    for (path, contents) in files {
        fs::write(dir.path().join(path), contents).unwrap();
    }
    dir
}

#[test]
fn suppressed_findings_are_not_reported_and_broken_suppressions_are() {
    let dir = blog(&[
        // Two posts with one title: the first suppresses the site-wide finding for itself.
        (
            "a.md",
            post(
                "A series about caching a static site",
                "postlint:\n  disable: [title-duplicate]\n",
                "",
            ),
        ),
        ("b.md", post("A series about caching a static site", "", "")),
        (
            "c.md",
            post(
                "Suppression comments in the body of a post",
                "",
                "<!-- postlint-disable-next-line heading-increment -->\n\
                 #### A suppressed skip\n\n\
                 ## Another section\n\n\
                 #### A reported skip\n\n\
                 <!-- markdownlint-disable-next-line MD045 -->\n\
                 ![](https://example.com/chart.png)\n\n\
                 ![](https://example.com/table.png)\n\n\
                 Text. <!-- postlint-disable-line heading-incremnet -->\n",
            ),
        ),
        // No cover, suppressed for the whole file by a comment at its end.
        (
            "d.md",
            post(
                "A short note that has no cover image at all",
                "",
                "<!-- postlint-disable-file -->\n",
            )
            .replace("cover: /images/cover.png\n", ""),
        ),
    ]);
    let output = postlint(dir.path(), &["check", "--format", "concise", "-q", "."]);
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(
        stdout,
        "b.md:2:8: warning[title-duplicate] title is also the title of `a.md` (line 2)\n\
         c.md:17:1: warning[heading-increment] heading jumps from h2 to h4; expected h3\n\
         c.md:22:1: warning[image-alt-missing] image `https://example.com/table.png` has no alt text\n\
         c.md:24:34: warning[suppression-invalid] unknown rule `heading-incremnet` in a suppression comment\n"
    );
    assert_eq!(output.status.code(), Some(0), "warnings alone pass");
}

#[test]
fn a_misspelt_suppression_suppresses_nothing_even_when_its_report_is_off() {
    let dir = blog(&[(
        "post.md",
        post(
            "A typo in the name of a suppressed rule",
            "",
            "<!-- postlint-disable-file cover-mising -->\n",
        )
        .replace("cover: /images/cover.png\n", ""),
    )]);
    fs::write(
        dir.path().join("postlint.toml"),
        "[rules.suppression-invalid]\nlevel = \"off\"\n",
    )
    .unwrap();
    let output = postlint(dir.path(), &["check", "--format", "concise", "-q", "."]);
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        "post.md:1:1: error[cover-missing] post has no cover image\n"
    );
    assert_eq!(output.status.code(), Some(1));
}
