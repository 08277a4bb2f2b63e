//! Pins the rendered report of the sample blog: what a user sees, byte for byte.

use std::path::PathBuf;

use postlint::config::RuleSet;
use postlint::engine;
use postlint::report::{Concise, Human, Reporter};

fn render(reporter: &dyn Reporter) -> String {
    let outcome = engine::run(&[PathBuf::from("fixtures/blog")], &RuleSet::defaults());
    let mut out = Vec::new();
    reporter.report(&outcome, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn sample_blog_human_report() {
    insta::assert_snapshot!(render(&Human::new(false, false, 100)));
}

#[test]
fn sample_blog_concise_report() {
    insta::assert_snapshot!(render(&Concise));
}
