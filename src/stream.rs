//! `postlint check` on a whole repository, with memory bounded by the files in flight.
//!
//! Posts are linted and rendered in parallel, a chunk of them at a time, and each file's
//! part of the report is written out in path order as soon as its chunk is done; the
//! post's text and diagnostics are dropped then. The output is the same bytes as
//! rendering the whole [`Outcome`](crate::engine::Outcome) at once.
//!
//! The site-wide rules need every post before they can say anything, and their findings
//! belong in the middle of the report. When one is on, the parts go to a temporary file
//! instead (the disk holds the report, not the memory) while each post leaves only its
//! small summary. The site rules then run over the summaries, and the parts are copied
//! out in order; the few posts the site rules found something in are linted again and
//! rendered with those findings in their place.

use std::collections::{BTreeMap, HashMap};
use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use rayon::prelude::*;

use crate::baseline::Baseline;
use crate::config::RuleSet;
use crate::diagnostic::Diagnostic;
use crate::engine::{self, FileReport, Found};
use crate::report::{Reporter, Sources, Totals};
use crate::site::PostSummary;

/// Files linted together before their parts are written: enough to keep both cores busy
/// between two writes, few enough that the posts in flight take a few megabytes.
const CHUNK: usize = 256;

/// What the first pass may keep of the posts' own diagnostics (see [`Kept`]): those of
/// about 2,000 posts, a whole site for most, a few megabytes beside the 60 a run of
/// 100,000 posts takes.
const KEPT_BUDGET: usize = 8 << 20;

/// What the relint of a chunk may keep of the other posts its findings show (see
/// [`Disk`]).
const SHOWN_BUDGET: usize = 16 << 20;

/// The buffer between the temporary report file and the parts: large, so that a part is
/// seldom a system call of its own.
const SPILL_BUFFER: usize = 1 << 20;

/// A report to write, and where.
pub struct Output<'a> {
    pub reporter: &'a dyn Reporter,
    pub out: &'a mut dyn Write,
}

/// Lints every post under `paths` and writes each output's report; returns the totals.
/// The findings a `baseline` records are taken out of each file's report before it is
/// rendered (or, when it is being written, recorded in it).
pub fn check(
    paths: &[PathBuf],
    rules: &RuleSet,
    baseline: Option<&Baseline>,
    outputs: &mut [Output<'_>],
) -> io::Result<Totals> {
    check_keeping(paths, rules, baseline, outputs, KEPT_BUDGET)
}

/// [`check`], keeping up to `budget` bytes of the posts' own diagnostics (see [`Kept`]).
fn check_keeping(
    paths: &[PathBuf],
    rules: &RuleSet,
    baseline: Option<&Baseline>,
    outputs: &mut [Output<'_>],
    budget: usize,
) -> io::Result<Totals> {
    let (files, errors) = engine::collect(paths);
    let mut items: Vec<Item> = files
        .into_iter()
        .filter(|(path, _)| !rules.is_excluded(path))
        .map(|(path, found)| Item::Post(path, found))
        .collect();
    let errors = errors
        .into_iter()
        .map(|report| Item::Done(Box::new(report)));
    engine::merge_by_path(&mut items, errors, Item::path);

    let reporters: Vec<&dyn Reporter> = outputs.iter().map(|output| output.reporter).collect();
    let site_wide = rules
        .rules
        .iter()
        .any(|enabled| enabled.rule.is_site_wide());
    let mut sinks: Vec<Sink> = reporters
        .iter()
        .map(|reporter| Sink::new(*reporter, site_wide, items.len() <= CHUNK))
        .collect::<io::Result<_>>()?;
    for (sink, output) in sinks.iter_mut().zip(outputs.iter_mut()) {
        if sink.writes_through() {
            output.reporter.begin(&Totals::default(), output.out)?;
        }
    }

    let mut totals = Totals::default();
    let count = items.len();
    // The summaries and the index of the file each belongs to, held until the site pass.
    let (mut summaries, mut summarized) = if site_wide {
        (Vec::with_capacity(count), Vec::with_capacity(count))
    } else {
        (Vec::new(), Vec::new())
    };
    let mut kept = Kept {
        budget,
        ..Kept::default()
    };
    let mut index = 0;
    let mut items = items.into_iter();
    loop {
        let chunk: Vec<Item> = items.by_ref().take(CHUNK).collect();
        if chunk.is_empty() {
            break;
        }
        let done = map_in_order(chunk, |item| {
            Linted::of(item, rules, baseline, &reporters, site_wide)
        });
        for linted in done {
            totals.merge(linted.totals);
            if let Some(summary) = linted.summary {
                summaries.push(summary);
                summarized.push(index);
            }
            if site_wide {
                kept.push(linted.own);
            }
            for ((sink, output), part) in sinks.iter_mut().zip(outputs.iter_mut()).zip(linted.parts)
            {
                sink.put(&part, output)?;
            }
            index += 1;
        }
    }

    if site_wide {
        let found = site_findings(summaries, &summarized, rules);
        for (sink, output) in sinks.iter_mut().zip(outputs.iter_mut()) {
            sink.rewind(output, &totals)?;
        }
        let mut next = 0;
        while next < count {
            let end = (next + CHUNK).min(count);
            let redone = relint(next..end, &found, &mut kept, rules, baseline, &reporters);
            let mut redone = redone.into_iter().peekable();
            for index in next..end {
                let replaced = redone.next_if(|(at, _)| *at == index);
                for (output_index, (sink, output)) in
                    sinks.iter_mut().zip(outputs.iter_mut()).enumerate()
                {
                    match &replaced {
                        Some((_, relinted)) => {
                            sink.skip_next()?;
                            sink.write_part(&relinted.parts[output_index], output)?;
                        }
                        None => sink.copy_next(output)?,
                    }
                }
                if let Some((_, relinted)) = replaced {
                    totals.subtract(&relinted.before);
                    totals.merge(relinted.totals);
                }
            }
            next = end;
        }
    }

    for (sink, output) in sinks.iter_mut().zip(outputs.iter_mut()) {
        sink.finish(output, &totals)?;
    }
    Ok(totals)
}

/// A file to report on: a post to lint, or a path the walk could not read.
enum Item {
    Post(PathBuf, Found),
    Done(Box<FileReport>),
}

impl Item {
    fn path(&self) -> &Path {
        match self {
            Item::Post(path, _) => path,
            Item::Done(report) => &report.path,
        }
    }
}

/// What is left of a file once its parts are rendered.
struct Linted {
    parts: Vec<Vec<u8>>,
    summary: Option<PostSummary>,
    totals: Totals,
    /// The post's own diagnostics, when the site rules may add to them.
    own: Option<Vec<Diagnostic>>,
}

impl Linted {
    fn of(
        item: Item,
        rules: &RuleSet,
        baseline: Option<&Baseline>,
        reporters: &[&dyn Reporter],
        site_wide: bool,
    ) -> Linted {
        let mut report = match item {
            Item::Post(path, found) => engine::lint_file(&path, found, rules),
            Item::Done(report) => *report,
        };
        let summary = report.summary.take();
        let keep = site_wide && summary.is_some();
        // The site pass matches the baseline against all of a post's findings again, its
        // own and the site's: it keeps them as they were before this pass took some out.
        let unfiltered = (keep && baseline.is_some()).then(|| report.diagnostics.clone());
        let totals = counted(&mut report, baseline);
        let parts = render(&report, reporters, None);
        let own =
            keep.then(|| unfiltered.unwrap_or_else(|| std::mem::take(&mut report.diagnostics)));
        Linted {
            parts,
            summary,
            totals,
            own,
        }
    }
}

/// The own diagnostics of the posts of the first pass, by the index of their file, so
/// that a post the site rules find something in is drawn again without being read and
/// linted again (most pages of a Hugo site with versioned docs share their title with
/// another version). Up to a budget ([`KEPT_BUDGET`]), for the posts first in path
/// order; the others are linted again.
#[derive(Default)]
struct Kept {
    by_index: Vec<Option<Vec<Diagnostic>>>,
    bytes: usize,
    budget: usize,
}

impl Kept {
    fn push(&mut self, own: Option<Vec<Diagnostic>>) {
        let own = own.filter(|diagnostics| {
            let bytes = diagnostics.iter().map(footprint).sum::<usize>();
            let fits = self.bytes + bytes <= self.budget;
            if fits {
                self.bytes += bytes;
            }
            fits
        });
        self.by_index.push(own);
    }

    fn take(&mut self, index: usize) -> Option<Vec<Diagnostic>> {
        self.by_index.get_mut(index).and_then(Option::take)
    }
}

/// About the memory a diagnostic holds: the struct and its texts, each with what the
/// allocator adds.
fn footprint(diagnostic: &Diagnostic) -> usize {
    const ALLOCATION: usize = 16;
    let finding = &diagnostic.finding;
    let text = |text: &Option<String>| text.as_ref().map_or(0, |text| text.len() + ALLOCATION);
    size_of::<Diagnostic>()
        + diagnostic.path.as_os_str().len()
        + finding.message.len()
        + 2 * ALLOCATION
        + text(&finding.label)
        + text(&finding.help)
        + (finding.secondary.len() + finding.related.len()) * 128
        + finding.fix.as_ref().map_or(0, |_| 256)
}

/// The site rules' diagnostics, by the index of the file they belong to.
fn site_findings(
    summaries: Vec<PostSummary>,
    indices: &[usize],
    rules: &RuleSet,
) -> BTreeMap<usize, Vec<Diagnostic>> {
    let mut found: BTreeMap<usize, Vec<Diagnostic>> = BTreeMap::new();
    for (post, diagnostic) in engine::site_diagnostics(&summaries, rules) {
        found.entry(indices[post]).or_default().push(diagnostic);
    }
    found
}

/// A post linted again with its site findings: its new parts and totals, and the totals
/// its first pass counted.
struct Relinted {
    parts: Vec<Vec<u8>>,
    totals: Totals,
    before: Totals,
}

/// The posts in `range` that the site rules found something in, drawn again (in
/// parallel) with those findings in their place, from their own diagnostics the first
/// pass kept or else linted again; by index, in order.
fn relint(
    range: std::ops::Range<usize>,
    found: &BTreeMap<usize, Vec<Diagnostic>>,
    kept: &mut Kept,
    rules: &RuleSet,
    baseline: Option<&Baseline>,
    reporters: &[&dyn Reporter],
) -> Vec<(usize, Relinted)> {
    let affected: Vec<_> = found
        .range(range)
        .map(|(index, site)| (*index, site, kept.take(*index)))
        .collect();
    let shown = Shown::default();
    map_in_order(affected, |(index, site, own)| {
        // Every site finding here is about this one file, which was linted.
        let path = &site[0].path;
        let mut report = match own {
            Some(diagnostics) => FileReport {
                path: path.clone(),
                source: None,
                diagnostics,
                linted: true,
                skipped: None,
                summary: None,
            },
            // The same own findings as the first pass: linting is deterministic, and a
            // file a walk found to be published is linted alike when named.
            None => {
                let mut report = engine::lint_file(path, Found::Named, rules);
                report.summary = None;
                report
            }
        };
        // The baseline takes its findings out of all of them together, as it matches
        // them in file order: the own findings it took in the first pass come back.
        let own = baseline.is_some().then(|| report.diagnostics.clone());
        let before = counted(&mut report, baseline);
        if let Some(own) = own {
            report.diagnostics = own;
        }
        report.diagnostics.extend(site.iter().cloned());
        report
            .diagnostics
            .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        if report.source.is_none() {
            report.source = engine::read(&report.path).ok().map(Arc::from);
        }
        let totals = counted(&mut report, baseline);
        let parts = render(&report, reporters, Some(&shown));
        (
            index,
            Relinted {
                parts,
                totals,
                before,
            },
        )
    })
}

/// One file's totals, after the baseline took its findings out of the report.
fn counted(report: &mut FileReport, baseline: Option<&Baseline>) -> Totals {
    let mut totals = Totals::default();
    if let Some(baseline) = baseline {
        totals.baselined = baseline.apply(report);
    }
    totals.add(report);
    totals
}

/// `f` of each item, in parallel, results in the items' order. One item (a hook, an
/// editor) is done on this thread: starting the thread pool would cost more than the lint.
fn map_in_order<T: Send, U: Send>(items: Vec<T>, f: impl Fn(T) -> U + Sync + Send) -> Vec<U> {
    if items.len() < 2 {
        items.into_iter().map(f).collect()
    } else {
        items.into_par_iter().map(f).collect()
    }
}

/// Each reporter's part for one file.
fn render(report: &FileReport, reporters: &[&dyn Reporter], shown: Option<&Shown>) -> Vec<Vec<u8>> {
    reporters
        .iter()
        .map(|reporter| {
            let mut part = Vec::new();
            reporter.file(report, &Disk { report, shown }, &mut part);
            part
        })
        .collect()
}

/// Other files' text, read from disk when a finding points into them.
struct Disk<'a> {
    report: &'a FileReport,
    shown: Option<&'a Shown>,
}

impl Sources for Disk<'_> {
    fn text(&self, path: &Path) -> Option<Arc<str>> {
        if path == self.report.path {
            return self.report.source.clone();
        }
        match self.shown {
            Some(shown) => shown.text(path),
            None => engine::read(path).ok().map(Arc::from),
        }
    }
}

/// The other posts that the site findings of a chunk show, each read once: a post whose
/// title five others share is shown in each of their findings. Up to [`SHOWN_BUDGET`]
/// bytes; past it a post is read each time.
#[derive(Default)]
struct Shown(Mutex<(HashMap<PathBuf, Arc<str>>, usize)>);

impl Shown {
    fn text(&self, path: &Path) -> Option<Arc<str>> {
        let lock = || self.0.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(text) = lock().0.get(path) {
            return Some(text.clone());
        }
        let text: Arc<str> = engine::read(path).ok()?.into();
        let (texts, bytes) = &mut *lock();
        if *bytes + text.len() <= SHOWN_BUDGET {
            *bytes += text.len();
            texts.insert(path.to_owned(), text.clone());
        }
        Some(text)
    }
}

/// Where one output's parts go while the run is on.
struct Sink {
    separator: &'static [u8],
    /// Whether a part has been written, so the next one needs a separator.
    wrote: bool,
    /// The parts of a reporter whose beginning needs the totals, held until the end.
    held: Option<Vec<u8>>,
    /// The parts in a temporary file, with each file's length, when site rules are on.
    spill: Option<Spill>,
}

struct Spill {
    writer: Option<Spilled>,
    reader: Option<Box<dyn Read>>,
    lengths: Vec<u64>,
    next: usize,
}

/// Where the parts wait: memory for a run of one chunk (a hook's few files, where a
/// temporary file would cost more than the lint), a temporary file otherwise.
enum Spilled {
    Memory(Vec<u8>),
    File(BufWriter<File>),
}

impl Spilled {
    fn new(small: bool) -> io::Result<Spilled> {
        Ok(if small {
            Spilled::Memory(Vec::new())
        } else {
            Spilled::File(BufWriter::with_capacity(
                SPILL_BUFFER,
                tempfile::tempfile()?,
            ))
        })
    }

    fn write_all(&mut self, part: &[u8]) -> io::Result<()> {
        match self {
            Spilled::Memory(parts) => parts.write_all(part),
            Spilled::File(writer) => writer.write_all(part),
        }
    }

    /// What was written, from the start.
    fn into_reader(self) -> io::Result<Box<dyn Read>> {
        Ok(match self {
            Spilled::Memory(parts) => Box::new(io::Cursor::new(parts)),
            Spilled::File(writer) => {
                let mut file = writer.into_inner().map_err(|error| error.into_error())?;
                file.rewind()?;
                Box::new(BufReader::with_capacity(SPILL_BUFFER, file))
            }
        })
    }
}

impl Sink {
    fn new(reporter: &dyn Reporter, site_wide: bool, small: bool) -> io::Result<Sink> {
        let spill = if site_wide {
            Some(Spill {
                writer: Some(Spilled::new(small)?),
                reader: None,
                lengths: Vec::new(),
                next: 0,
            })
        } else {
            None
        };
        Ok(Sink {
            separator: reporter.separator(),
            wrote: false,
            held: reporter.needs_totals_first().then(Vec::new),
            spill,
        })
    }

    /// Whether parts go straight to the output from the start.
    fn writes_through(&self) -> bool {
        self.held.is_none() && self.spill.is_none()
    }

    /// A file's part, during the first pass.
    fn put(&mut self, part: &[u8], output: &mut Output<'_>) -> io::Result<()> {
        match &mut self.spill {
            Some(spill) => {
                spill.lengths.push(part.len() as u64);
                spill
                    .writer
                    .as_mut()
                    .expect("the spill is written before it is read")
                    .write_all(part)
            }
            None => self.write_part(part, output),
        }
    }

    /// A file's part, in its final place.
    fn write_part(&mut self, part: &[u8], output: &mut Output<'_>) -> io::Result<()> {
        if part.is_empty() {
            return Ok(());
        }
        let out: &mut dyn Write = match &mut self.held {
            Some(held) => held,
            None => output.out,
        };
        if self.wrote {
            out.write_all(self.separator)?;
        }
        self.wrote = true;
        out.write_all(part)
    }

    /// Ends the first pass: the spilled parts are read back from the start.
    fn rewind(&mut self, output: &mut Output<'_>, totals: &Totals) -> io::Result<()> {
        let Some(spill) = &mut self.spill else {
            return Ok(());
        };
        let writer = spill.writer.take().expect("rewound once");
        spill.reader = Some(writer.into_reader()?);
        if self.held.is_none() {
            output.reporter.begin(totals, output.out)?;
        }
        Ok(())
    }

    fn next_part(&mut self) -> io::Result<Vec<u8>> {
        let spill = self
            .spill
            .as_mut()
            .expect("only a spilled sink is read back");
        let length = spill.lengths[spill.next];
        spill.next += 1;
        let mut part = Vec::with_capacity(length as usize);
        let reader = spill.reader.as_mut().expect("rewound before it is read");
        reader.take(length).read_to_end(&mut part)?;
        if (part.len() as u64) < length {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "the temporary report file is shorter than what was written to it",
            ));
        }
        Ok(part)
    }

    fn copy_next(&mut self, output: &mut Output<'_>) -> io::Result<()> {
        let part = self.next_part()?;
        self.write_part(&part, output)
    }

    fn skip_next(&mut self) -> io::Result<()> {
        self.next_part().map(drop)
    }

    fn finish(&mut self, output: &mut Output<'_>, totals: &Totals) -> io::Result<()> {
        if let Some(held) = self.held.take() {
            output.reporter.begin(totals, output.out)?;
            output.out.write_all(&held)?;
        }
        output.reporter.end(totals, output.out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Human, Json};

    #[test]
    fn posts_kept_or_linted_again_read_the_same() {
        let site = tempfile::tempdir().unwrap();
        // Three chunks; every 7th post shares its title with the first.
        for n in 0..600 {
            let title = if n % 7 == 0 {
                "The title many posts share".to_owned()
            } else {
                format!("A post about the number {n}, long enough for a title")
            };
            let text = format!("---\ntitle: {title}\n---\n\n# Post {n}\n\n### Skipped\n");
            std::fs::write(site.path().join(format!("post-{n:04}.md")), text).unwrap();
        }
        let rules = RuleSet::load(None, site.path(), &Default::default()).unwrap();
        let paths = [site.path().to_owned()];
        let (human, json) = (Human::new(false, false, 100), Json);
        let report = |budget: usize| {
            let (mut first, mut second) = (Vec::new(), Vec::new());
            let mut outputs = [
                Output {
                    reporter: &human,
                    out: &mut first,
                },
                Output {
                    reporter: &json,
                    out: &mut second,
                },
            ];
            let totals = check_keeping(&paths, &rules, None, &mut outputs, budget).unwrap();
            (first, second, totals)
        };
        let all = report(KEPT_BUDGET);
        assert!(
            all.2
                .by_rule
                .keys()
                .any(|(rule, _)| *rule == "title-duplicate")
        );
        // None kept, and some kept (the first posts) but not all.
        assert!(report(0) == all);
        assert!(report(20_000) == all);
    }
}
