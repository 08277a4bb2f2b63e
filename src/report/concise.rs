//! `path:line:col: severity[rule] message`, one line per diagnostic: what editors and grep read.

use std::io::{self, Write};

use super::Reporter;
use crate::diagnostic::LineIndex;
use crate::engine::Outcome;

pub struct Concise;

impl Reporter for Concise {
    fn report(&self, outcome: &Outcome, out: &mut dyn Write) -> io::Result<()> {
        for file in &outcome.files {
            let index = file.source.as_deref().map(LineIndex::new);
            for diagnostic in &file.diagnostics {
                let (line, column) = index.as_ref().map_or((1, 1), |index| {
                    let position = index.line_column(diagnostic.finding.range.start);
                    (position.line, position.column)
                });
                writeln!(
                    out,
                    "{}:{line}:{column}: {}[{}] {}",
                    diagnostic.path.display(),
                    diagnostic.severity,
                    diagnostic.rule,
                    one_line(&diagnostic.finding.message),
                )?;
            }
        }
        Ok(())
    }
}

/// A message on one line, whatever a value quoted in it holds.
fn one_line(message: &str) -> std::borrow::Cow<'_, str> {
    if message.contains(['\n', '\r']) {
        message.replace(['\n', '\r'], " ").into()
    } else {
        message.into()
    }
}
