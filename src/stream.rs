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

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

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
    let mut index = 0;
    let mut items = items.into_iter();
    loop {
        let chunk: Vec<Item> = items.by_ref().take(CHUNK).collect();
        if chunk.is_empty() {
            break;
        }
        let done = map_in_order(chunk, |item| Linted::of(item, rules, baseline, &reporters));
        for linted in done {
            totals.merge(linted.totals);
            if let Some(summary) = linted.summary {
                summaries.push(summary);
                summarized.push(index);
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
            let redone = relint(next..end, &found, rules, baseline, &reporters);
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
}

impl Linted {
    fn of(
        item: Item,
        rules: &RuleSet,
        baseline: Option<&Baseline>,
        reporters: &[&dyn Reporter],
    ) -> Linted {
        let mut report = match item {
            Item::Post(path, found) => engine::lint_file(&path, found, rules),
            Item::Done(report) => *report,
        };
        let summary = report.summary.take();
        let totals = counted(&mut report, baseline);
        let parts = render(&report, reporters);
        Linted {
            parts,
            summary,
            totals,
        }
    }
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

/// The posts in `range` that the site rules found something in, linted again (in
/// parallel) with those findings in their place; by index, in order.
fn relint(
    range: std::ops::Range<usize>,
    found: &BTreeMap<usize, Vec<Diagnostic>>,
    rules: &RuleSet,
    baseline: Option<&Baseline>,
    reporters: &[&dyn Reporter],
) -> Vec<(usize, Relinted)> {
    let affected: Vec<(usize, &Vec<Diagnostic>)> = found
        .range(range)
        .map(|(index, site)| (*index, site))
        .collect();
    map_in_order(affected, |(index, site)| {
        // The same own findings as the first pass: linting is deterministic. Every site
        // finding here is about this one file, which was linted (so a walk found it to
        // be published, or it was named: either way it is linted alike).
        let mut report = engine::lint_file(&site[0].path, Found::Named, rules);
        report.summary = None;
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
        let parts = render(&report, reporters);
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
fn render(report: &FileReport, reporters: &[&dyn Reporter]) -> Vec<Vec<u8>> {
    reporters
        .iter()
        .map(|reporter| {
            let mut part = Vec::new();
            reporter.file(report, &Disk(report), &mut part);
            part
        })
        .collect()
}

/// Other files' text, read from disk when a finding points into them.
struct Disk<'a>(&'a FileReport);

impl Sources for Disk<'_> {
    fn text(&self, path: &Path) -> Option<Arc<str>> {
        if path == self.0.path {
            return self.0.source.clone();
        }
        engine::read(path).ok().map(Arc::from)
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
