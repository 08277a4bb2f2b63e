//! Lints arbitrary bytes as a post, under a configuration also taken from the input:
//! `cargo +nightly fuzz run lint`. Any panic, hang or range off a character boundary is a
//! bug.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use postlint::config::RuleSet;
use postlint::diagnostic::Applicability;
use postlint::engine;
use postlint::fix::fix_source;

fuzz_target!(|data: &[u8]| {
    // The first line, when it is UTF-8, is a postlint.toml; the rest is the post.
    let split = data.iter().position(|&b| b == b'\n').unwrap_or(0);
    let rules = std::str::from_utf8(&data[..split])
        .ok()
        .and_then(|config| RuleSet::from_toml(Path::new("postlint.toml"), config, None).ok())
        .unwrap_or_else(RuleSet::defaults);
    let Ok(text) = std::str::from_utf8(&data[split..]) else {
        return;
    };
    let report = engine::lint_source(Path::new("post.md"), text.to_owned(), &rules);
    assert!(report.linted, "postlint failed");
    for diagnostic in &report.diagnostics {
        let range = &diagnostic.finding.range;
        assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
    }
    let (once, _) = fix_source(Path::new("post.md"), text.to_owned(), &rules, Applicability::Unsafe);
    let (twice, applied) = fix_source(Path::new("post.md"), once.clone(), &rules, Applicability::Unsafe);
    assert_eq!(once, twice);
    assert_eq!(applied, 0);
});
