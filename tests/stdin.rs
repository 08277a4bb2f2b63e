//! `postlint check --stdin-filename PATH -`: a post read from standard input, linted as if
//! it were at PATH.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn postlint_with_input(dir: &Path, args: &[&str], input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_postlint"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A usage error exits before reading: the pipe may be closed.
    let _ = child.stdin.take().unwrap().write_all(input.as_bytes());
    child.wait_with_output().unwrap()
}

const POST: &str = "---\ntitle: 一篇关于静态博客部署与持续集成的完整实践笔记\nslug: deploy-notes\n---\n\n正文 ![](a.png)\n";

fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("postlint.toml"),
        "[rules.image-alt-missing]\nlevel = \"error\"\n[[overrides]]\nfiles = [\"drafts/**\"]\n[overrides.rules.image-alt-missing]\nlevel = \"off\"\n",
    )
    .unwrap();
    std::fs::create_dir_all(dir.path().join("posts")).unwrap();
    std::fs::create_dir_all(dir.path().join("drafts")).unwrap();
    std::fs::write(
        dir.path().join("posts/older.md"),
        "---\ntitle: Older\nslug: deploy-notes\n---\n\nText.\n",
    )
    .unwrap();
    dir
}

fn lines_of<'a>(output: &'a str, rule: &str) -> Vec<&'a str> {
    output.lines().filter(|line| line.contains(rule)).collect()
}

#[test]
fn the_post_is_linted_as_the_file_it_names_with_its_configuration_and_site() {
    let dir = site();
    let args = [
        "check",
        "--format",
        "concise",
        "--stdin-filename",
        "posts/new.md",
        "-",
    ];
    let output = postlint_with_input(dir.path(), &args, POST);
    let out = String::from_utf8(output.stdout).unwrap();
    assert_eq!(output.status.code(), Some(1), "{out}");
    // The configuration's level, at the named path, in characters.
    assert_eq!(
        lines_of(&out, "image-alt-missing"),
        ["posts/new.md:6:4: error[image-alt-missing] image `a.png` has no alt text"]
    );
    // Site-wide rules see the other posts on disk.
    let duplicate = lines_of(&out, "url-duplicate");
    assert_eq!(duplicate.len(), 1, "{out}");
    assert!(duplicate[0].contains("posts/older.md"), "{out}");
    // Nothing is reported about the files on disk themselves.
    assert!(
        out.lines().all(|line| line.starts_with("posts/new.md:")),
        "{out}"
    );

    // An override for the named path applies.
    let args = [
        "check",
        "--format",
        "concise",
        "--stdin-filename",
        "drafts/new.md",
        "-",
    ];
    let output = postlint_with_input(dir.path(), &args, POST);
    let out = String::from_utf8(output.stdout).unwrap();
    assert_eq!(lines_of(&out, "image-alt-missing"), Vec::<&str>::new());
}

#[test]
fn every_format_reports_the_named_path() {
    let dir = site();
    for format in [
        "human", "concise", "json", "sarif", "github", "gitlab", "junit",
    ] {
        let args = [
            "check",
            "--format",
            format,
            "--stdin-filename",
            "posts/new.md",
            "-",
        ];
        let output = postlint_with_input(dir.path(), &args, POST);
        let out = String::from_utf8(output.stdout).unwrap();
        assert_eq!(output.status.code(), Some(1), "{format}: {out}");
        assert!(out.contains("new.md"), "{format}: {out}");
    }
}

#[test]
fn a_dash_needs_a_file_name_and_stands_alone() {
    let dir = site();
    for args in [
        &["check", "-"][..],
        &["check", "--stdin-filename", "a.md"][..],
        &["check", "--stdin-filename", "a.md", "-", "posts"][..],
        &["check", "--fix", "--stdin-filename", "a.md", "-"][..],
    ] {
        let output = postlint_with_input(dir.path(), args, POST);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&output.stderr).starts_with("error: "));
    }
}

#[test]
fn diff_prints_the_fixes_of_the_input() {
    let dir = site();
    let input =
        "---\ntitle: \" A title with stray whitespace around it, long enough \"\n---\n\nText.\n";
    let args = ["check", "--diff", "--stdin-filename", "posts/new.md", "-"];
    let output = postlint_with_input(dir.path(), &args, input);
    let out = String::from_utf8(output.stdout).unwrap();
    assert_eq!(output.status.code(), Some(1), "{out}");
    assert!(
        out.contains("+title: \"A title with stray whitespace around it, long enough\""),
        "{out}"
    );
}
