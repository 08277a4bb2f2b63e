//! The per-post pipeline, stage by stage, on two posts of the kind the synthetic corpus
//! holds (about 6 KB each, one English, one Chinese, with the usual injected problems):
//! `cargo bench --bench pipeline`. A regression in one stage shows as that stage's time.
//!
//! Stages: front matter (find and parse the block), body (the Markdown pass: headings,
//! links, images, reading length), parse (both, as a post), rules (every default rule on
//! a parsed post), lint (parse + rules + the site summary, what a worker does per file),
//! and rendering the findings as the human and concise reports do.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use postlint::config::RuleSet;
use postlint::engine::{self, Outcome};
use postlint::post::{Post, body, front_matter};
use postlint::report::{Concise, Human, Reporter};

const POSTS: [(&str, &str); 2] = [
    ("english", include_str!("posts/english.md")),
    ("chinese", include_str!("posts/chinese.md")),
];

fn pipeline(c: &mut Criterion) {
    let rules = RuleSet::defaults();
    for (name, source) in POSTS {
        let mut group = c.benchmark_group(name);
        group.throughput(Throughput::Bytes(source.len() as u64));
        group.bench_function("front matter", |b| {
            b.iter(|| front_matter::parse(black_box(source)))
        });
        let (_, body_start) = front_matter::parse(source);
        let (_, headings_start) = front_matter::heading_view(source);
        group.bench_function("body", |b| {
            b.iter(|| body::parse(black_box(source), headings_start, body_start))
        });
        group.bench_function("parse", |b| {
            b.iter(|| Post::parse("post.md", black_box(source).to_owned()))
        });
        let post = Post::parse("post.md", source.to_owned());
        group.bench_function("rules", |b| {
            b.iter(|| engine::lint_post(black_box(&post), &rules))
        });
        group.bench_function("lint", |b| {
            b.iter(|| {
                engine::lint_source(Path::new("post.md"), black_box(source).to_owned(), &rules)
            })
        });
        let outcome = Outcome {
            files: vec![engine::lint_source(
                Path::new("post.md"),
                source.to_owned(),
                &rules,
            )],
        };
        let human = Human::new(false, false, 100);
        for (format, reporter) in [("human", &human as &dyn Reporter), ("concise", &Concise)] {
            group.bench_function(format!("render {format}"), |b| {
                b.iter(|| {
                    let mut out = Vec::new();
                    reporter.file(&outcome.files[0], &outcome, &mut out);
                    out
                })
            });
        }
        group.finish();
    }
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
