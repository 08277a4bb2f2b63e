//! `path:line:col: severity[rule] message`, one line per diagnostic: what editors and grep read.

use std::io::Write;

use super::{Reporter, Sources};
use crate::diagnostic::LineIndex;
use crate::engine::FileReport;

pub struct Concise;

impl Reporter for Concise {
    fn file(&self, file: &FileReport, _: &dyn Sources, out: &mut Vec<u8>) {
        let index = file.source.as_deref().map(LineIndex::new);
        for diagnostic in &file.diagnostics {
            let (line, column) = index.as_ref().map_or((1, 1), |index| {
                let position = index.line_column(diagnostic.finding.range.start);
                (position.line, position.column)
            });
            let _ = writeln!(
                out,
                "{}:{line}:{column}: {}[{}] {}",
                diagnostic.path.display(),
                diagnostic.severity,
                diagnostic.rule,
                one_line(&diagnostic.finding.message),
            );
        }
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
