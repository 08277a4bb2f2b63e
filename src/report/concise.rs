//! `path:line:col: severity[rule] message`, one line per diagnostic: what editors and grep read.

use std::io::Write;

use super::{Reporter, Sources};
use crate::diagnostic::LineIndex;
use crate::engine::FileReport;

pub struct Concise;

impl Reporter for Concise {
    fn file(&self, file: &FileReport, _: &dyn Sources, out: &mut Vec<u8>) {
        let index = file.source.as_deref().map(LineIndex::new);
        // Shown once per file, not per diagnostic: a path's display decodes it anew.
        let file_path = file.path.to_string_lossy();
        for diagnostic in &file.diagnostics {
            let (line, column) = index.as_ref().map_or((1, 1), |index| {
                let position = index.line_column(diagnostic.finding.range.start);
                (position.line, position.column)
            });
            let path = if diagnostic.path == file.path {
                file_path.clone()
            } else {
                diagnostic.path.to_string_lossy()
            };
            out.extend_from_slice(path.as_bytes());
            let _ = write!(out, ":{line}:{column}: ");
            out.extend_from_slice(diagnostic.severity.as_str().as_bytes());
            out.push(b'[');
            out.extend_from_slice(diagnostic.rule.as_bytes());
            out.extend_from_slice(b"] ");
            out.extend_from_slice(one_line(&diagnostic.finding.message).as_bytes());
            out.push(b'\n');
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
