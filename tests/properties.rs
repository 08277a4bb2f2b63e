//! Properties that hold for any input: linting never panics, every range is on the file's
//! character boundaries, the result does not depend on the thread count, and fixing twice
//! is fixing once.

use std::path::Path;

use postlint::config::RuleSet;
use postlint::diagnostic::Applicability;
use postlint::engine;
use postlint::fix::fix_source;
use proptest::prelude::*;

/// Pieces blog posts are made of, and pieces that break them, so that random posts reach
/// the parsers' corners rather than staying plain text.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("---\n".to_owned()),
        Just("+++\n".to_owned()),
        Just("{\n".to_owned()),
        Just("}\n".to_owned()),
        Just("...\n".to_owned()),
        Just("title: ".to_owned()),
        Just("slug: My_Post\n".to_owned()),
        Just("cover:\n".to_owned()),
        Just("date: 2025-13-45\n".to_owned()),
        Just("tags: [a, \n".to_owned()),
        Just("a: &a [*a]\n".to_owned()),
        Just("postlint: {disable: [x]}\n".to_owned()),
        Just("# H\n".to_owned()),
        Just("### H\n".to_owned()),
        Just("Setext\n---\n".to_owned()),
        Just("```\n".to_owned()),
        Just("$$\n".to_owned()),
        Just(":::note\n".to_owned()),
        Just("> ".to_owned()),
        Just("- ".to_owned()),
        Just("<!-- postlint-disable-next-line heading-increment -->\n".to_owned()),
        Just("![](x.png) [here](#nowhere) <https://a.b>\n".to_owned()),
        Just("<img src=a.png alt=''>\n".to_owned()),
        Just("\r\n".to_owned()),
        Just("\r".to_owned()),
        Just("\u{feff}".to_owned()),
        Just("中文 日本語 한국어 ".to_owned()),
        Just("e\u{301}\u{1f468}\u{200d}\u{1f469} \u{5d0}".to_owned()),
        "[ -~]{0,12}",
        any::<String>(),
    ]
}

fn post() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..40).prop_map(|pieces| pieces.concat())
}

proptest! {
    // `PROPTEST_CASES=100000 cargo test --release --test properties` for a long run.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(512),
        ..ProptestConfig::default()
    })]

    #[test]
    fn every_range_is_on_character_boundaries(text in post()) {
        let rules = RuleSet::defaults();
        let report = engine::lint_source(Path::new("post.md"), text.clone(), &rules);
        prop_assert!(report.linted, "postlint failed on {text:?}");
        for diagnostic in &report.diagnostics {
            let range = &diagnostic.finding.range;
            prop_assert!(range.start <= range.end && range.end <= text.len());
            prop_assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
            for label in &diagnostic.finding.secondary {
                prop_assert!(text.is_char_boundary(label.range.start) && text.is_char_boundary(label.range.end));
            }
            if let Some(fix) = &diagnostic.finding.fix {
                for edit in &fix.edits {
                    prop_assert!(text.is_char_boundary(edit.range.start) && text.is_char_boundary(edit.range.end));
                }
            }
        }
    }

    #[test]
    fn fixing_twice_is_fixing_once(text in post()) {
        let rules = RuleSet::defaults();
        let (once, _) = fix_source(Path::new("post.md"), text, &rules, Applicability::Unsafe);
        let (twice, applied) = fix_source(Path::new("post.md"), once.clone(), &rules, Applicability::Unsafe);
        prop_assert_eq!(&once, &twice);
        prop_assert_eq!(applied, 0);
    }
}

#[test]
fn the_result_does_not_depend_on_the_thread_count() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let rules = RuleSet::defaults();
    let run = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        pool.install(|| {
            let outcome = engine::run(std::slice::from_ref(&fixtures), &rules);
            let mut out = Vec::new();
            postlint::report::Reporter::report(&postlint::report::Json, &outcome, &mut out)
                .unwrap();
            out
        })
    };
    let one = run(1);
    assert!(one.len() > 100_000);
    assert_eq!(one, run(2));
}

#[test]
fn a_posts_findings_do_not_depend_on_its_neighbours() {
    // Without the site-wide rules, a post linted alone and in a folder gives the same.
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/blog/posts");
    let mut rules = RuleSet::defaults();
    rules.rules.retain(|enabled| !enabled.rule.is_site_wide());
    let together = engine::run(std::slice::from_ref(&fixtures), &rules);
    for file in &together.files {
        let alone = engine::run(std::slice::from_ref(&file.path), &rules);
        assert_eq!(
            alone.files[0].diagnostics,
            file.diagnostics,
            "{}",
            file.path.display()
        );
    }
}
