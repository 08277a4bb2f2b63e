//! Hostile input: whatever a repository holds, postlint ends with exit 0, 1 or 2, in
//! bounded time, with every reported range on the file's character boundaries.
//!
//! The big and pathological posts are made here rather than committed.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Runs postlint on `dir`, killing it if it outlives `limit`.
fn run_bounded(dir: &Path, args: &[&str], limit: Duration) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_postlint"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read the pipes on threads so a full pipe cannot stall the child.
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut text).unwrap();
        text
    });
    let err = std::thread::spawn(move || {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut stderr, &mut text).unwrap();
        text
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > limit {
            child.kill().unwrap();
            panic!("postlint hung for more than {limit:?} on {args:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let code = status
        .code()
        .unwrap_or_else(|| panic!("postlint died of a signal: {status:?}"));
    (code, out.join().unwrap(), err.join().unwrap())
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, bytes).unwrap();
    path
}

fn committed_corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/hostile")
}

/// Every hostile post of the issue in `dir`: the small ones committed under
/// `fixtures/hostile/`, the big ones made here.
fn hostile_corpus(dir: &Path) {
    for entry in fs::read_dir(committed_corpus()).unwrap() {
        let path = entry.unwrap().path();
        fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
    }
    let cases: Vec<(&str, Vec<u8>)> = vec![
        (
            "deep-yaml.md",
            format!(
                "---\na: {}{}\n---\n",
                "[".repeat(100_000),
                "]".repeat(100_000)
            )
            .into_bytes(),
        ),
        (
            "long-value.md",
            format!("---\ntitle: {}\n---\n", "x".repeat(1024 * 1024)).into_bytes(),
        ),
        ("many-headings.md", {
            let mut text = String::from("---\ntitle: T\n---\n");
            for i in 0..200_000 {
                text.push_str(if i % 2 == 0 { "## A\n" } else { "#### B\n" });
            }
            text.into_bytes()
        }),
        // Many findings: each must cost its own share, not the whole file's.
        (
            "many-links.md",
            "A [link](missing.md) and ![](gone.png) in a paragraph.\n\n## Same\n\n"
                .repeat(40_000)
                .into_bytes(),
        ),
        ("one-line-urls.md", {
            let urls: Vec<String> = (0..50_000)
                .map(|i| format!("https://example.com/{i}"))
                .collect();
            format!("{}\n", urls.join(" ")).into_bytes()
        }),
        // 1,000 lists nested by indentation (10,000 would make a file of hundreds of
        // megabytes, which the size limit stops; `nested-lists.md` nests 10,000 on a line).
        ("indented-lists.md", {
            let mut text = String::new();
            for i in 0..1_000 {
                text.push_str(&" ".repeat(i * 2));
                text.push_str("- item\n");
            }
            text.into_bytes()
        }),
    ];
    for (name, bytes) in cases {
        write(dir, name, &bytes);
    }
}

/// The committed corpus as a user meets it: every file linted or reported, exit 2 for the
/// two that are not UTF-8, nothing nonsensical said about the others.
#[test]
fn the_committed_hostile_corpus() {
    let files = fs::read_dir(committed_corpus()).unwrap().count();
    let (code, stdout, stderr) = run_bounded(
        &committed_corpus(),
        &["check", "--format", "concise", "."],
        Duration::from_secs(60),
    );
    assert_eq!(code, 2, "{stderr}");
    for name in ["invalid-utf8-body.md", "invalid-utf8-front-matter.md"] {
        assert!(
            stdout.contains(&format!(
                "{name}:1:1: error[unreadable-file] file is not valid UTF-8"
            )),
            "{name}: {stdout}"
        );
    }
    let summary = format!("checked {} posts", files - 2);
    assert!(stderr.contains(&summary), "expected `{summary}`: {stderr}");
    assert!(stderr.contains("2 files could not be linted"), "{stderr}");
    // Keys that are not text are keys all the same, each named as written.
    assert!(!stdout.contains("duplicate key ``"), "{stdout}");
    assert!(
        stdout.contains("non-string-keys.md") && !stdout.contains("non-string-keys.md:4:"),
        "{stdout}"
    );
}

#[test]
fn the_hostile_corpus_gets_a_result_for_every_file() {
    let dir = tempfile::tempdir().unwrap();
    hostile_corpus(dir.path());
    let (code, stdout, stderr) = run_bounded(
        dir.path(),
        &["check", "--format", "json", "-q", "."],
        Duration::from_secs(120),
    );
    assert!(matches!(code, 0..=2), "exit {code}: {stderr}");
    let report: serde_json::Value = serde_json::from_str(&stdout).expect("the JSON report parses");
    let diagnostics = report["diagnostics"].as_array().unwrap();
    // Every reported range lies inside its file and on character boundaries.
    let mut checked = 0;
    for diagnostic in diagnostics {
        let path = dir.path().join(diagnostic["path"].as_str().unwrap());
        let Ok(text) = fs::read_to_string(&path) else {
            continue;
        };
        for end in ["start", "end"] {
            let offset = diagnostic[end]["offset"].as_u64().unwrap() as usize;
            assert!(
                offset <= text.len() && text.is_char_boundary(offset),
                "{}: {end} {offset} is not a character boundary",
                path.display()
            );
        }
        checked += 1;
    }
    assert!(checked > 50, "only {checked} diagnostics were checked");
    // The two files that are not UTF-8 are reported as such, and the run goes on.
    let unreadable: Vec<&str> = diagnostics
        .iter()
        .filter(|d| d["rule"] == "unreadable-file")
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert_eq!(unreadable.len(), 2, "{unreadable:?}");
    assert_eq!(code, 2);
    // A path in front matter is only looked up, never read: nothing from /etc leaks.
    assert!(
        !stdout.contains("root:"),
        "a file outside the tree was read"
    );
}

#[test]
fn pathological_posts_stay_fast() {
    let dir = tempfile::tempdir().unwrap();
    hostile_corpus(dir.path());
    for name in [
        "many-headings.md",
        "deep-yaml.md",
        "nested-quotes.md",
        "nested-lists.md",
        "long-value.md",
    ] {
        let started = Instant::now();
        let (code, _, stderr) = run_bounded(
            dir.path(),
            &["check", "--format", "concise", "-q", name],
            Duration::from_secs(60),
        );
        assert!(matches!(code, 0..=2), "{name}: exit {code}: {stderr}");
        // Generous for debug builds on a loaded machine; the point is no blow-up.
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "{name} took {:?}",
            started.elapsed()
        );
    }
}

#[test]
fn a_post_over_the_size_limit_is_reported_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let big = "---\ntitle: T\n---\n".to_owned() + &"word ".repeat(11 * 1024 * 1024 / 5);
    write(dir.path(), "big.md", big.as_bytes());
    write(dir.path(), "small.md", b"---\ntitle: T\n---\n");
    let (code, stdout, _) = run_bounded(
        dir.path(),
        &["check", "--format", "concise", "-q"],
        Duration::from_secs(60),
    );
    assert_eq!(code, 2);
    assert!(
        stdout.contains(
            "big.md:1:1: error[unreadable-file] file is 11.0 MB, over the 10.0 MB limit; skipped"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("small.md:"),
        "the other file is still linted: {stdout}"
    );
    // The limit is configurable.
    write(dir.path(), "postlint.toml", b"max-file-size = \"20 MB\"\n");
    let (_, stdout, _) = run_bounded(
        dir.path(),
        &["check", "--format", "concise", "-q"],
        Duration::from_secs(120),
    );
    assert!(!stdout.contains("unreadable-file"), "{stdout}");
}

#[cfg(unix)]
#[test]
fn file_system_faults_are_reported_and_never_hang() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "good.md", b"---\ntitle: T\n---\n");
    fs::create_dir_all(root.join("a-folder.md")).unwrap();
    symlink(root.join("loop-b.md"), root.join("loop-a.md")).unwrap();
    symlink(root.join("loop-a.md"), root.join("loop-b.md")).unwrap();
    let outside = tempfile::tempdir().unwrap();
    write(outside.path(), "outside.md", b"---\ntitle: Outside\n---\n");
    symlink(outside.path().join("outside.md"), root.join("link-out.md")).unwrap();
    let fifo = root.join("fifo.md");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .map(|s| s.success())
        .unwrap_or(false);

    // Named on the command line: each gets its own error, the good file is linted.
    let mut args = vec![
        "check",
        "--format",
        "concise",
        "-q",
        "good.md",
        "missing.md",
        "a-folder.md",
        "loop-a.md",
    ];
    if made {
        args.push("fifo.md");
    }
    let (code, stdout, _) = run_bounded(root, &args, Duration::from_secs(30));
    assert_eq!(code, 2, "{stdout}");
    assert!(stdout.contains("good.md:"), "{stdout}");
    assert!(
        stdout.contains(
            "missing.md:1:1: error[unreadable-file] cannot read file: no such file or directory"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("loop-a.md:1:1: error[unreadable-file]"),
        "{stdout}"
    );
    if made {
        assert!(
            stdout.contains(
                "fifo.md:1:1: error[unreadable-file] cannot read file: it is not a regular file"
            ),
            "{stdout}"
        );
    }
    // Walking the folder: symlinks are not followed, a folder named like a post is a
    // folder, and a FIFO is never opened.
    let (code, stdout, _) = run_bounded(
        root,
        &["check", "--format", "concise", "-q"],
        Duration::from_secs(30),
    );
    assert!(matches!(code, 0..=2), "{stdout}");
    assert!(
        !stdout.contains("Outside"),
        "a symlink out of the tree was followed: {stdout}"
    );
}

/// A post no one may read is reported and the others are linted. As root every file is
/// readable, so there the run drops to `nobody` (setpriv, from util-linux) first.
#[cfg(unix)]
#[test]
fn a_file_without_read_permission_is_reported() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    let good = write(dir.path(), "good.md", b"---\ntitle: T\n---\n");
    fs::set_permissions(&good, fs::Permissions::from_mode(0o644)).unwrap();
    let secret = write(dir.path(), "secret.md", b"---\ntitle: T\n---\n");
    fs::set_permissions(&secret, fs::Permissions::from_mode(0o000)).unwrap();
    let root = Command::new("id").arg("-u").output().unwrap().stdout == b"0\n";
    let mut command = if root {
        let mut command = Command::new("setpriv");
        command.args(["--reuid=65534", "--regid=65534", "--clear-groups"]);
        command.arg(env!("CARGO_BIN_EXE_postlint"));
        command
    } else {
        Command::new(env!("CARGO_BIN_EXE_postlint"))
    };
    let output = command
        .args(["check", "--format", "concise", "-q", "."])
        .current_dir(dir.path())
        .output()
        .expect("setpriv runs (util-linux)");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(2), "{stdout}");
    assert!(
        stdout
            .contains("secret.md:1:1: error[unreadable-file] cannot read file: permission denied"),
        "{stdout}"
    );
    assert!(
        stdout.contains("good.md:"),
        "the other post is linted: {stdout}"
    );
}

/// A 50 MB post, allowed by a raised limit, is linted to the end: time and memory grow
/// with it, nothing more (measured in the benchmarks, not here).
#[test]
fn a_fifty_megabyte_post_is_linted_when_the_limit_allows_it() {
    let dir = tempfile::tempdir().unwrap();
    let section = "## Section\n\nPlain words in a paragraph, and 中文的句子也在这里。 A [link](#section).\n\n".repeat(4);
    let mut post = String::from("---\ntitle: A post of fifty megabytes\n---\n");
    while post.len() < 50 * 1024 * 1024 {
        post.push_str(&section);
    }
    write(dir.path(), "big.md", post.as_bytes());
    write(dir.path(), "postlint.toml", b"max-file-size = \"64 MB\"\n");
    let (code, stdout, stderr) = run_bounded(
        dir.path(),
        &["check", "--format", "concise", "big.md"],
        Duration::from_secs(300),
    );
    assert!(matches!(code, 0 | 1), "exit {code}: {stderr}");
    assert!(stderr.contains("checked 1 post"), "{stderr}");
    assert!(!stdout.contains("unreadable-file"), "{stdout}");
}

/// A site's own configuration may be broken, huge or hostile: each gets a message naming
/// the file, the generator's defaults are used, and the run goes on.
#[test]
fn broken_and_hostile_site_configurations_name_the_file_and_fall_back() {
    let run = |dir: &std::path::Path, args: &[&str]| {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_postlint"))
            .args(args)
            .current_dir(dir)
            .output()
            .unwrap();
        (
            output.status.code(),
            String::from_utf8_lossy(&output.stdout).into_owned(),
        )
    };
    let write = |dir: &std::path::Path, path: &str, text: &[u8]| {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    let post = b"---\ntitle: A post\n---\n\nText.\n";

    // Hexo: a YAML syntax error halfway; what reads before it is kept.
    let hexo = tempfile::tempdir().unwrap();
    write(
        hexo.path(),
        "_config.yml",
        b"new_post_name: :title.md\nroot: /blog/\nskip_render: [\n",
    );
    write(hexo.path(), "source/_posts/a.md", post);
    let (code, site) = run(hexo.path(), &["site"]);
    assert_eq!(code, Some(0));
    assert!(site.contains("problem: _config.yml: line 3:"), "{site}");
    assert!(site.contains("/blog/"), "{site}");
    let (code, _) = run(hexo.path(), &["check", "-q", "."]);
    assert!(matches!(code, Some(0 | 1)));

    // Hugo: a content folder outside the site, and a binary hugo.toml beside a good one.
    let hugo = tempfile::tempdir().unwrap();
    write(
        hugo.path(),
        "config/_default/hugo.toml",
        b"contentDir = '../../../etc'\n",
    );
    write(
        hugo.path(),
        "config/_default/params.toml",
        &[0xff, 0xfe, 0x00, 0x01],
    );
    write(hugo.path(), "content/posts/a.md", post);
    let (code, site) = run(hugo.path(), &["site"]);
    assert_eq!(code, Some(0));
    assert!(
        site.contains("problem: config/_default/hugo.toml: `contentDir` names `../../../etc`, which is outside the site"),
        "{site}"
    );
    assert!(
        site.contains("problem: config/_default/params.toml: is not valid UTF-8"),
        "{site}"
    );
    assert!(site.contains("/posts/a/"), "{site}");

    // Docusaurus: a configuration that is code, not literals.
    let docusaurus = tempfile::tempdir().unwrap();
    write(
        docusaurus.path(),
        "docusaurus.config.js",
        b"module.exports = async function createConfig() { return { baseUrl: process.env.BASE } }\n",
    );
    write(docusaurus.path(), "docs/intro.md", post);
    let (code, site) = run(docusaurus.path(), &["site"]);
    assert_eq!(code, Some(0));
    assert!(
        site.contains("problem: docusaurus.config.js: exports no object postlint can read"),
        "{site}"
    );
    assert!(site.contains("/docs/intro"), "{site}");

    // A configuration too large to be one.
    let jekyll = tempfile::tempdir().unwrap();
    let mut huge = b"title: x\n".to_vec();
    huge.extend(std::iter::repeat_n(b'#', 2 * 1024 * 1024));
    write(jekyll.path(), "_config.yml", &huge);
    write(jekyll.path(), "Gemfile", b"gem \"jekyll\"\n");
    write(jekyll.path(), "about.md", post);
    let (code, site) = run(jekyll.path(), &["site"]);
    assert_eq!(code, Some(0));
    assert!(
        site.contains("problem: _config.yml: is 2.0 MB, over the 1.0 MB"),
        "{site}"
    );
    assert!(site.contains("/about.html"), "{site}");
}

/// The hostile posts where each generator reads its content: the site model reads their
/// front matter (cascades, permalinks, dates, slugs) and must come to an answer for each,
/// as must the lint.
#[test]
fn the_hostile_corpus_in_every_generators_content_folder() {
    let sites: [(&str, &str, &str); 7] = [
        (
            "hugo.toml",
            "baseURL = 'https://example.org/sub/'\n[permalinks]\nposts = '/:year/:month/:slug/'\n",
            "content/posts",
        ),
        (
            "_config.yml",
            "new_post_name: :year-:month-:day-:title.md\npermalink: :category/:abbrlink/\nroot: /blog/\n",
            "source/_posts",
        ),
        (
            "_config.yml",
            "timezone: America/Los_Angeles\npermalink: /:categories/:year/:month/:day/:title/\n",
            "_posts",
        ),
        (
            "config.toml",
            "base_url = 'https://example.org'\n[languages.fr]\n",
            "content/blog",
        ),
        (
            "docusaurus.config.js",
            "module.exports = { baseUrl: '/', trailingSlash: true }\n",
            "blog",
        ),
        (
            "astro.config.mjs",
            "export default { base: '/docs' }\n",
            "src/pages/posts",
        ),
        (
            ".vitepress/config.mts",
            "export default { cleanUrls: true, rewrites: { 'a/:rest*': ':rest*' } }\n",
            "a/guide",
        ),
    ];
    for (config, text, content) in sites {
        let dir = tempfile::tempdir().unwrap();
        let config_path = dir.path().join(config);
        fs::create_dir_all(config_path.parent().unwrap()).unwrap();
        fs::write(&config_path, text).unwrap();
        if config == "_config.yml" && content == "_posts" {
            fs::write(dir.path().join("Gemfile"), "gem \"jekyll\"\n").unwrap();
        }
        let target = dir.path().join(content);
        fs::create_dir_all(&target).unwrap();
        for entry in fs::read_dir(committed_corpus()).unwrap() {
            let entry = entry.unwrap();
            let name = entry.file_name().to_string_lossy().into_owned();
            // Jekyll and Hexo read posts by their dated names.
            fs::copy(entry.path(), target.join(format!("2025-01-02-{name}"))).unwrap();
        }
        for args in [
            &["site", "--format", "json"][..],
            &["check", "--format", "concise", "."][..],
        ] {
            let (code, stdout, stderr) = run_bounded(dir.path(), args, Duration::from_secs(60));
            assert!(
                matches!(code, 0..=2) && !stdout.contains("internal-error"),
                "{config} {args:?}: exit {code}\n{stderr}\n{stdout}"
            );
        }
    }
}
