//! The streamed report (`postlint check`) is byte for byte the report of the whole run
//! held in memory, in every format: across chunk boundaries, with site-wide findings in
//! the middle of the report, with files that cannot be read, on any number of threads.

use std::path::{Path, PathBuf};

use postlint::config::RuleSet;
use postlint::engine;
use postlint::report::{
    Concise, GitHub, GitLab, Human, JUnit, Json, Reporter, Sarif, Statistics, Totals,
};
use postlint::stream::{self, Output};

fn reporters() -> Vec<(&'static str, Box<dyn Reporter>)> {
    vec![
        ("human", Box::new(Human::new(false, false, 100))),
        ("concise", Box::new(Concise)),
        ("json", Box::new(Json)),
        ("sarif", Box::new(Sarif)),
        ("github", Box::new(GitHub)),
        ("gitlab", Box::new(GitLab)),
        ("junit", Box::new(JUnit)),
        ("statistics", Box::new(Statistics)),
    ]
}

/// Every format of one streamed run, beside the same formats rendered from `engine::run`.
fn assert_stream_matches(paths: &[PathBuf], rules: &RuleSet) -> Totals {
    let reporters = reporters();
    let mut streamed: Vec<Vec<u8>> = vec![Vec::new(); reporters.len()];
    let mut outputs: Vec<Output> = reporters
        .iter()
        .zip(streamed.iter_mut())
        .map(|((_, reporter), out)| Output {
            reporter: reporter.as_ref(),
            out,
        })
        .collect();
    let totals = stream::check(paths, rules, None, &mut outputs).unwrap();
    drop(outputs);
    let outcome = engine::run(paths, rules);
    assert_eq!(totals, Totals::of(&outcome));
    for ((name, reporter), streamed) in reporters.iter().zip(&streamed) {
        let mut whole = Vec::new();
        reporter.report(&outcome, &mut whole).unwrap();
        assert!(
            streamed == &whole,
            "{name}: the streamed report differs from the whole one:\n{}",
            first_difference(streamed, &whole)
        );
    }
    totals
}

fn first_difference(a: &[u8], b: &[u8]) -> String {
    let (a, b) = (String::from_utf8_lossy(a), String::from_utf8_lossy(b));
    let line = a
        .lines()
        .zip(b.lines())
        .position(|(x, y)| x != y)
        .unwrap_or(a.lines().count().min(b.lines().count()));
    let show = |text: &str| {
        text.lines()
            .skip(line.saturating_sub(2))
            .take(5)
            .collect::<Vec<_>>()
            .join("\n")
    };
    format!(
        "line {}:\n--- streamed\n{}\n--- whole\n{}",
        line + 1,
        show(&a),
        show(&b)
    )
}

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

#[test]
fn the_sample_blog_and_sites() {
    for site in [
        "fixtures/blog",
        "fixtures/sites/hugo",
        "fixtures/sites/hexo",
    ] {
        let path = fixture(site);
        let rules = RuleSet::load(None, &path, &Default::default()).unwrap();
        assert_stream_matches(&[path], &rules);
    }
}

#[test]
fn a_site_over_many_chunks_with_duplicates_across_them() {
    let site = tempfile::tempdir().unwrap();
    // 1,300 posts: several chunks. Every 97th shares its title with the first post and
    // every 89th has no cover, so site findings land in every chunk and some chunks'
    // first and last files; one file is not UTF-8, one is empty.
    for n in 0..1300 {
        let title = if n % 97 == 0 {
            "The one title many posts share".to_owned()
        } else {
            format!("A post about the number {n}, long enough for a title")
        };
        let cover = if n % 89 == 0 {
            ""
        } else {
            "cover: https://example.com/c.png\n"
        };
        let text = format!(
            "---\ntitle: {title}\n{cover}description: {}\n---\n\n# Post {n}\n\n### Skipped a level\n\n[link](./missing-{n}.md)\n",
            "An excerpt that is long enough to be shown in the results page, more or less.",
        );
        std::fs::write(site.path().join(format!("post-{n:04}.md")), text).unwrap();
    }
    std::fs::write(site.path().join("post-0500.md"), b"---\ntitle: \xff\n---\n").unwrap();
    std::fs::write(site.path().join("post-0501.md"), b"").unwrap();
    let rules = RuleSet::load(None, site.path(), &Default::default()).unwrap();
    let totals = assert_stream_matches(&[site.path().to_owned()], &rules);
    assert_eq!(totals.files, 1300);
    assert_eq!(totals.failures, 1, "the file that is not UTF-8");
    assert!(
        totals
            .by_rule
            .keys()
            .any(|(rule, _)| *rule == "title-duplicate")
    );
    assert!(
        totals
            .by_rule
            .keys()
            .any(|(rule, _)| *rule == "link-broken")
    );
}

#[test]
fn without_site_rules_and_with_a_missing_path() {
    let blog = fixture("fixtures/blog");
    let command_line = postlint::config::CommandLine {
        ignore: [
            "url-duplicate",
            "title-duplicate",
            "cover-not-found",
            "link-broken",
        ]
        .map(str::to_owned)
        .to_vec(),
        ..Default::default()
    };
    let rules = RuleSet::load(None, &blog, &command_line).unwrap();
    assert_stream_matches(&[blog, fixture("fixtures/no-such-folder/post.md")], &rules);
}
