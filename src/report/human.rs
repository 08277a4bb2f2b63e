//! The graphical report: miette draws each diagnostic with its source snippet.

use std::fmt;
use std::io::{self, Write};

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};

use super::Reporter;
use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::engine::Outcome;

pub struct Human {
    handler: GraphicalReportHandler,
}

impl Human {
    /// `color` for a terminal that shows it; `width` is the terminal's, or a fixed one in tests.
    pub fn new(color: bool, links: bool, width: usize) -> Human {
        let theme = if color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        let handler = GraphicalReportHandler::new_themed(theme)
            .with_links(links)
            .with_width(width)
            .with_context_lines(1);
        Human { handler }
    }
}

impl Reporter for Human {
    fn report(&self, outcome: &Outcome, out: &mut dyn Write) -> io::Result<()> {
        let mut rendered = String::new();
        for (file, diagnostic) in outcome.diagnostics() {
            rendered.clear();
            let related = diagnostic
                .finding
                .related
                .iter()
                .filter_map(|related| {
                    let other = outcome
                        .files
                        .binary_search_by(|file| file.path.cmp(&related.path))
                        .ok()?;
                    let text = outcome.files[other].source.as_deref()?;
                    Some(RelatedReport {
                        related,
                        source: NamedText {
                            name: related.path.display().to_string(),
                            text,
                        },
                    })
                })
                .collect();
            let report = Report {
                diagnostic,
                source: file.source.as_deref().map(|text| NamedText {
                    name: diagnostic.path.display().to_string(),
                    text,
                }),
                url: crate::rules::find(diagnostic.rule).map(|info| info.url()),
                related,
            };
            self.handler
                .render_report(&mut rendered, &report)
                .map_err(io::Error::other)?;
            out.write_all(rendered.as_bytes())?;
            out.write_all(b"\n")?;
        }
        Ok(())
    }
}

/// One diagnostic in miette's terms, borrowing everything.
struct Report<'a> {
    diagnostic: &'a Diagnostic,
    source: Option<NamedText<'a>>,
    /// The rule's page; none for a file that could not be read or a configuration error.
    url: Option<String>,
    /// The places in other files the finding is about, each shown with its snippet.
    related: Vec<RelatedReport<'a>>,
}

/// A place in another file, shown under the diagnostic it belongs to.
struct RelatedReport<'a> {
    related: &'a crate::diagnostic::Related,
    source: NamedText<'a>,
}

impl fmt::Debug for RelatedReport<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.related.text)
    }
}

impl fmt::Display for RelatedReport<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.related.text)
    }
}

impl std::error::Error for RelatedReport<'_> {}

impl miette::Diagnostic for RelatedReport<'_> {
    fn severity(&self) -> Option<miette::Severity> {
        Some(miette::Severity::Advice)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(std::iter::once(
            LabeledSpan::new_primary_with_span(None, span(&self.related.range)),
        )))
    }
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diagnostic.finding.message)
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diagnostic.finding.message)
    }
}

impl std::error::Error for Report<'_> {}

impl miette::Diagnostic for Report<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(format!("postlint({})", self.diagnostic.rule)))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diagnostic.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        let finding = &self.diagnostic.finding;
        let fix = finding.fix.as_ref().map(|fix| {
            let flags = match fix.applicability {
                Applicability::Safe => "--fix",
                Applicability::Unsafe => "--fix --unsafe-fixes",
            };
            format!(
                "fix ({}, `{flags}`): {}",
                fix.applicability.as_str(),
                fix.message
            )
        });
        match (&finding.help, fix) {
            (Some(help), Some(fix)) => Some(Box::new(format!("{help}\n{fix}"))),
            (Some(help), None) => Some(Box::new(help)),
            (None, Some(fix)) => Some(Box::new(fix)),
            (None, None) => None,
        }
    }

    fn url<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.url
            .as_ref()
            .map(|url| Box::new(url) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_ref().map(|source| source as &dyn SourceCode)
    }

    fn related<'b>(&'b self) -> Option<Box<dyn Iterator<Item = &'b dyn miette::Diagnostic> + 'b>> {
        if self.related.is_empty() {
            return None;
        }
        Some(Box::new(
            self.related
                .iter()
                .map(|related| related as &dyn miette::Diagnostic),
        ))
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.source.as_ref()?;
        let finding = &self.diagnostic.finding;
        // Without a label of its own the underline stands alone: the message is just above.
        let primary =
            LabeledSpan::new_primary_with_span(finding.label.clone(), span(&finding.range));
        let secondary = finding
            .secondary
            .iter()
            .map(|label| LabeledSpan::new_with_span(Some(label.text.clone()), span(&label.range)));
        Some(Box::new(std::iter::once(primary).chain(secondary)))
    }
}

fn span(range: &std::ops::Range<usize>) -> SourceSpan {
    SourceSpan::new(range.start.into(), range.end - range.start)
}

/// A file's text under its path, borrowed rather than copied per diagnostic.
struct NamedText<'a> {
    name: String,
    text: &'a str,
}

impl SourceCode for NamedText<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let contents = self
            .text
            .read_span(span, context_lines_before, context_lines_after)?;
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            contents.data(),
            *contents.span(),
            contents.line(),
            contents.column(),
            contents.line_count(),
        )))
    }
}
