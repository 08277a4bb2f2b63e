//! The binary end to end: what a user, a hook or a CI step sees.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::LazyLock;

use tempfile::TempDir;

fn postlint(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_postlint"))
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .output()
        .expect("postlint runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A post no rule reports on: its body has the 300 reading units content-length asks for.
static CLEAN: LazyLock<String> = LazyLock::new(|| {
    format!(
        "---\ntitle: A clean post about caching a static site\ncover: /images/cover.png\ntags: [caching]\nexcerpt: A summary long enough for the search result snippet, written for the readers who skim the results page.\n---\n\n## Section\n\n{}\n",
        "Text about caching. ".repeat(100)
    )
});

fn blog(files: &[(&str, &[u8])]) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, contents) in files {
        let path = dir.path().join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, contents).unwrap();
    }
    dir
}

#[test]
fn the_seed_post_has_exactly_one_finding() {
    let seed = repo_root().join("../shared/seeds/chatgpt-image-video-post.md");
    let seed = if seed.exists() {
        seed
    } else {
        repo_root().join("fixtures/blog/posts/chatgpt-image-video-post.md")
    };
    let output = postlint(
        &repo_root(),
        &["check", "--format", "concise", seed.to_str().unwrap()],
    );
    assert_eq!(output.status.code(), Some(1));
    let out = stdout(&output);
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(
        out.ends_with(
            ":7:1: error[cover-missing] `cover` is empty, so the post has no cover image\n"
        ),
        "{out}"
    );
}

#[test]
fn a_clean_post_exits_zero_and_says_so() {
    let dir = blog(&[("clean-post.md", CLEAN.as_bytes())]);
    let output = postlint(dir.path(), &["check"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert_eq!(stdout(&output), "");
    assert!(
        stderr(&output).starts_with("checked 1 post in "),
        "{}",
        stderr(&output)
    );
    assert!(stderr(&output).ends_with(": 0 errors, 0 warnings\n"));
}

#[test]
fn warnings_alone_pass() {
    let post = CLEAN.replace("A summary long enough for the search result snippet, written for the readers who skim the results page.", "Too short.");
    let dir = blog(&[("short-excerpt.md", post.as_bytes())]);
    let output = postlint(dir.path(), &["check", "--format", "concise"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stdout(&output),
        "short-excerpt.md:5:10: warning[excerpt-length] excerpt is 10 columns wide (10 characters); aim for at least 80\n"
    );
}

#[test]
fn human_format_draws_the_snippet_and_links_the_rule() {
    let dir = blog(&[("no-cover.md", b"---\ntitle: T\ncover:\nexcerpt: x\n---\n")]);
    let output = postlint(dir.path(), &["check", "no-cover.md"]);
    assert_eq!(output.status.code(), Some(1));
    let out = stdout(&output);
    assert!(out.contains("postlint(cover-missing)"), "{out}");
    assert!(out.contains("rules/cover-missing.md"), "{out}");
    assert!(out.contains("[no-cover.md:3:1]"), "{out}");
    assert!(out.contains(" 3 │ cover:"), "{out}");
    assert!(out.contains("help: "), "{out}");
    assert!(
        !out.contains('\u{1b}'),
        "no colour when not a terminal: {out}"
    );
}

#[test]
fn unreadable_files_are_reported_and_the_run_goes_on() {
    let dir = blog(&[
        ("good.md", CLEAN.as_bytes()),
        ("latin1.md", b"---\ntitle: caf\xe9\n---\n"),
    ]);
    let output = postlint(
        dir.path(),
        &[
            "check",
            "--format",
            "concise",
            "missing.md",
            "latin1.md",
            "good.md",
        ],
    );
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stdout(&output),
        "latin1.md:1:1: error[unreadable-file] file is not valid UTF-8: byte 0xE9 at line 2 (byte offset 14); save it as UTF-8\n\
         missing.md:1:1: error[unreadable-file] cannot read file: no such file or directory\n"
    );
    assert!(
        stderr(&output).contains("checked 1 post"),
        "{}",
        stderr(&output)
    );
    assert!(stderr(&output).contains("2 files could not be linted"));
}

#[test]
fn directories_are_walked_honouring_gitignore_and_hidden_files() {
    let bad = b"---\ntitle: T\n---\n" as &[u8];
    let dir = blog(&[
        (".gitignore", b"drafts/\n"),
        ("posts/a-post.md", bad),
        ("posts/b-post.markdown", bad),
        ("posts/notes.txt", bad),
        ("drafts/ignored.md", bad),
        (".hidden/ignored.md", bad),
        ("node_modules/.cache/x.md", bad),
    ]);
    let output = postlint(dir.path(), &["check", "--format", "concise"]);
    let files: Vec<String> = stdout(&output)
        .lines()
        .map(|line| line.split(':').next().unwrap().to_owned())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    assert_eq!(files, ["posts/a-post.md", "posts/b-post.markdown"]);

    // A path named on the command line is always linted.
    let output = postlint(
        dir.path(),
        &[
            "check",
            "--format",
            "concise",
            "drafts/ignored.md",
            "posts/notes.txt",
        ],
    );
    let out = stdout(&output);
    assert!(
        out.contains("drafts/ignored.md:1:1: error[cover-missing]"),
        "{out}"
    );
    assert!(
        out.contains("posts/notes.txt:1:1: error[cover-missing]"),
        "{out}"
    );
}

#[test]
fn output_is_the_same_whatever_the_thread_count() {
    let root = repo_root();
    let one = postlint(&root, &["check", "-j", "1", "fixtures"]);
    let two = postlint(&root, &["check", "-j", "2", "fixtures"]);
    let eight = postlint(&root, &["check", "-j", "8", "fixtures"]);
    assert!(one.stdout.len() > 10_000);
    assert_eq!(one.stdout, two.stdout);
    assert_eq!(one.stdout, eight.stdout);
    assert_eq!(one.status.code(), two.status.code());
}

#[test]
fn configuration_is_found_in_a_parent_and_applied() {
    let post = b"---\ntitle: Configuration found in a parent folder\nexcerpt: Too short.\ntags: [config]\n---\n"
        as &[u8];
    let dir = blog(&[
        (
            "postlint.toml",
            b"[rules.cover-missing]\nlevel = \"off\"\n\n[rules.excerpt-length]\nlevel = \"error\"\nmin = 5\n\n[rules.content-length]\nlevel = \"off\"\n",
        ),
        ("content/post/ok-post.md", post),
    ]);
    let output = postlint(
        &dir.path().join("content"),
        &["check", "--format", "concise"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert_eq!(stdout(&output), "");
}

#[test]
fn an_explicit_config_file_is_used() {
    let dir = blog(&[
        (
            "conf/strict.toml",
            b"[rules.excerpt-length]\nlevel = \"error\"\n",
        ),
        (
            "ok-post.md",
            b"---\ncover: false\nexcerpt: Too short.\n---\n",
        ),
    ]);
    let output = postlint(
        dir.path(),
        &[
            "check",
            "--config",
            "conf/strict.toml",
            "--format",
            "concise",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains("error[excerpt-length]"));
}

#[test]
fn a_configuration_error_names_the_key_file_and_line() {
    let dir = blog(&[
        (
            "postlint.toml",
            b"# postlint settings\n\n[rules.excerpt-length]\nmaximum = 200\n",
        ),
        ("post.md", CLEAN.as_bytes()),
    ]);
    let output = postlint(dir.path(), &["check"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(stdout(&output), "");
    let err = stderr(&output);
    assert!(err.contains("unknown field `maximum`"), "{err}");
    assert!(err.contains("postlint.toml:4:1"), "{err}");

    let output = postlint(dir.path(), &["check", "--config", "nowhere.toml"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("cannot read the configuration file"));
}

#[test]
fn usage_errors_exit_two() {
    let output = postlint(&repo_root(), &["check", "--format", "xml"]);
    assert_eq!(output.status.code(), Some(2));
    let output = postlint(&repo_root(), &["lint"]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn bom_crlf_and_empty_files_are_posts() {
    let dir = blog(&[
        (
            "crlf-bom.md",
            b"\xef\xbb\xbf---\r\ntitle: T\r\ncover:\r\nexcerpt: x\r\n---\r\n\r\n## A\r\n\r\n#### B\r\n",
        ),
        ("empty.md", b""),
    ]);
    let output = postlint(dir.path(), &["check", "--format", "concise", "-q"]);
    assert_eq!(
        stdout(&output),
        "crlf-bom.md:1:1: info[content-length] post body is 2 reading units long (2 words); aim for at least 300\n\
         crlf-bom.md:1:1: info[tags-missing] post has no tags\n\
         crlf-bom.md:2:8: info[title-length] title is 1 column wide (1 character); titles of 30 to 60 say more\n\
         crlf-bom.md:3:1: error[cover-missing] `cover` is empty, so the post has no cover image\n\
         crlf-bom.md:4:10: warning[excerpt-length] excerpt is 1 column wide (1 character); aim for at least 80\n\
         crlf-bom.md:9:1: warning[heading-increment] heading jumps from h2 to h4; expected h3\n\
         empty.md:1:1: info[content-length] post body is 0 reading units long (0 words); aim for at least 300\n\
         empty.md:1:1: error[cover-missing] post has no front matter, so no cover image\n\
         empty.md:1:1: warning[excerpt-missing] post has no front matter, so no excerpt\n\
         empty.md:1:1: info[tags-missing] post has no front matter, so no tags\n\
         empty.md:1:1: error[title-missing] post has no front matter, so no title\n"
    );
    assert_eq!(stderr(&output), "");
}

#[test]
fn rule_pages_are_built_in() {
    let output = postlint(Path::new("/"), &["rule", "heading-increment"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).starts_with("# heading-increment\n"));

    let output = postlint(Path::new("/"), &["rule", "no-such-rule"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("unknown rule `no-such-rule`"));

    let output = postlint(Path::new("/"), &["rules"]);
    let out = stdout(&output);
    assert_eq!(out.lines().count(), postlint::rules::RULES.len(), "{out}");
    assert!(
        out.lines()
            .any(|line| line.starts_with("excerpt-length ") && line.contains(" warning "))
    );
}

#[test]
fn the_profile_is_detected_and_shown() {
    let dir = blog(&[
        ("_config.yml", b"title: My blog\nnew_post_name: :title.md\n"),
        (
            "source/_posts/Hello_World.md",
            b"---\ntitle: Hello\nslug: hello-world\ncover: /a.png\ndescription: x\n---\n",
        ),
    ]);
    let output = postlint(dir.path(), &["profile"]);
    assert_eq!(output.status.code(), Some(0));
    let out = stdout(&output);
    assert!(
        out.starts_with("profile: hexo (detected: `_config.yml` with Hexo's `new_post_name` in "),
        "{out}"
    );
    assert!(
        out.contains("slug from: the file name (a `slug` key is ignored)"),
        "{out}"
    );

    // Hexo takes the slug from the file name, whatever `slug:` says.
    let output = postlint(dir.path(), &["check", "--format", "concise", "-q"]);
    let out = stdout(&output);
    assert!(
        out.contains("source/_posts/Hello_World.md:1:1: warning[slug-format] slug `Hello_World` (from the file name)"),
        "{out}"
    );
}

#[test]
fn overrides_exclude_and_command_line_levels() {
    let no_cover =
        b"---\ntitle: A draft post that has no cover image yet\ntags: [draft]\n---\n" as &[u8];
    let dir = blog(&[
        (
            "postlint.toml",
            b"exclude = [\"vendor\"]\n\n[rules.content-length]\nlevel = \"off\"\n[rules.excerpt-missing]\nlevel = \"off\"\n[rules.title-duplicate]\nlevel = \"off\"\n\n[[overrides]]\nfiles = [\"drafts/**\"]\n[overrides.rules.cover-missing]\nlevel = \"warning\"\n",
        ),
        ("drafts/draft-post.md", no_cover),
        ("posts/real-post.md", no_cover),
        ("vendor/theme-post.md", no_cover),
    ]);
    let output = postlint(dir.path(), &["check", "--format", "concise", "-q"]);
    assert_eq!(
        stdout(&output),
        "drafts/draft-post.md:1:1: warning[cover-missing] post has no cover image\n\
         posts/real-post.md:1:1: error[cover-missing] post has no cover image\n"
    );
    // An excluded file is skipped even when named, as pre-commit names staged files.
    let output = postlint(
        dir.path(),
        &["check", "--format", "concise", "-q", "vendor/theme-post.md"],
    );
    assert_eq!(stdout(&output), "");
    // The command line has the last word.
    let output = postlint(
        dir.path(),
        &[
            "check",
            "--format",
            "concise",
            "-q",
            "--rule",
            "cover-missing=off",
            "--select",
            "cover-missing,title-length",
        ],
    );
    assert_eq!(stdout(&output), "");
    assert_eq!(output.status.code(), Some(0));
    let output = postlint(dir.path(), &["check", "-q", "--deny-warnings", "drafts"]);
    assert_eq!(output.status.code(), Some(1));
    let output = postlint(
        dir.path(),
        &["check", "-q", "--max-warnings", "1", "drafts"],
    );
    assert_eq!(output.status.code(), Some(0));
    let output = postlint(dir.path(), &["check", "-q", "--ignore", "cover-mising"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("did you mean `cover-missing`?"));
}

#[test]
fn statistics_and_output_file() {
    let dir = blog(&[("a-post.md", b"---\ntitle: T\n---\n" as &[u8])]);
    let output = postlint(
        dir.path(),
        &[
            "check",
            "-q",
            "--statistics",
            "--select",
            "cover-missing,excerpt-missing",
        ],
    );
    assert_eq!(
        stdout(&output),
        "1  error    cover-missing\n1  warning  excerpt-missing\n"
    );
    let output = postlint(
        dir.path(),
        &[
            "check",
            "-q",
            "--format",
            "concise",
            "--output",
            "report.txt",
            "--select",
            "cover-missing",
        ],
    );
    let written = fs::read_to_string(dir.path().join("report.txt")).unwrap();
    assert_eq!(
        written,
        "a-post.md:1:1: error[cover-missing] post has no cover image\n"
    );
    // The terminal gets the human report meanwhile.
    assert!(
        stdout(&output).contains("postlint(cover-missing)"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn fixes_are_unsafe_opt_in_and_keep_every_other_byte() {
    // A BOM, CRLF line endings and trailing spaces that no fix is about.
    let original = "\u{feff}---\r\ntitle: Re-levelling the headings of a post  \r\nslug: My_Post\r\n---\r\n\r\n# A\r\n\r\n### B\r\n\r\n#### C\r\n";
    let dir = blog(&[("post.md", original.as_bytes())]);
    let path = dir.path().join("post.md");
    let select = ["--select", "slug-format,heading-increment"];

    // Only unsafe fixes here: `--fix` alone changes nothing.
    let output = postlint(
        dir.path(),
        &[&["check", "-q", "--fix"][..], &select].concat(),
    );
    assert_eq!(output.status.code(), Some(0), "both rules are warnings");
    assert_eq!(fs::read(&path).unwrap(), original.as_bytes());

    // `--diff` shows them without writing.
    let output = postlint(
        dir.path(),
        &[&["check", "-q", "--diff", "--unsafe-fixes"][..], &select].concat(),
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).contains("-slug: My_Post\r\n+slug: my-post\r\n"),
        "{}",
        stdout(&output)
    );
    assert_eq!(fs::read(&path).unwrap(), original.as_bytes());

    let output = postlint(
        dir.path(),
        &[&["check", "--fix", "--unsafe-fixes"][..], &select].concat(),
    );
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(
        stderr(&output).starts_with("fixed 2 problems\n"),
        "{}",
        stderr(&output)
    );
    let expected = original
        .replace("slug: My_Post", "slug: my-post")
        .replace("### B", "## B")
        .replace("#### C", "### C");
    assert_eq!(fs::read_to_string(&path).unwrap(), expected);

    // Nothing left to fix.
    let output = postlint(
        dir.path(),
        &[&["check", "-q", "--diff", "--unsafe-fixes"][..], &select].concat(),
    );
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stdout(&output), "");
}

#[test]
fn fix_applies_safe_fixes_alone() {
    let original = "---\r\ntitle: \"  Safe fixes need no asking \"\r\nslug: Not_Fixed_Without_Asking\r\n---\r\n";
    let dir = blog(&[("post.md", original.as_bytes())]);
    let output = postlint(
        dir.path(),
        &["check", "--fix", "--select", "value-whitespace,slug-format"],
    );
    assert!(
        stderr(&output).starts_with("fixed 1 problem\n"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("post.md")).unwrap(),
        original.replace(
            "\"  Safe fixes need no asking \"",
            "\"Safe fixes need no asking\""
        )
    );
    // The unsafe slug fix is left, and still reported.
    assert!(stdout(&output).contains("postlint(slug-format)"));
    assert_eq!(output.status.code(), Some(0), "slug-format is a warning");
}
