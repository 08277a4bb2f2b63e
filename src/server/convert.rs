//! postlint's diagnostics as the protocol's.

use std::path::Path;

use lsp_types::{
    CodeDescription, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString,
    Uri,
};

use super::position::{Utf16Index, path_to_uri};
use crate::config::ConfigError;
use crate::diagnostic::{Diagnostic, Severity};

pub const SOURCE: &str = "postlint";

pub fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}

/// One diagnostic of the document at `uri`, whose text `index` reads.
pub fn diagnostic(uri: &Uri, index: &Utf16Index, diagnostic: &Diagnostic) -> lsp_types::Diagnostic {
    let finding = &diagnostic.finding;
    let mut message = finding.message.clone();
    if let Some(help) = &finding.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    let mut related: Vec<DiagnosticRelatedInformation> = finding
        .secondary
        .iter()
        .map(|label| DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), index.range(&label.range)),
            message: label.text.clone(),
        })
        .collect();
    for other in &finding.related {
        let Some((uri, range)) = location_on_disk(&other.path, &other.range) else {
            continue;
        };
        related.push(DiagnosticRelatedInformation {
            location: Location::new(uri, range),
            message: other.text.clone(),
        });
    }
    let info = crate::rules::find(diagnostic.rule);
    lsp_types::Diagnostic {
        range: index.range(&finding.range),
        severity: Some(severity(diagnostic.severity)),
        code: Some(NumberOrString::String(diagnostic.rule.to_owned())),
        code_description: info
            .and_then(|info| info.url().parse().ok())
            .map(|href| CodeDescription { href }),
        source: Some(SOURCE.to_owned()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    }
}

/// A place in another file, its range converted with that file's text.
fn location_on_disk(
    path: &Path,
    range: &std::ops::Range<usize>,
) -> Option<(Uri, lsp_types::Range)> {
    let absolute = std::env::current_dir().ok()?.join(path);
    let text = std::fs::read_to_string(&absolute).ok()?;
    let uri = path_to_uri(&absolute)?;
    Some((uri, Utf16Index::new(&text).range(range)))
}

/// A configuration file that cannot be used, as a diagnostic on that file.
pub fn config_error(error: &ConfigError) -> lsp_types::Diagnostic {
    let index = Utf16Index::new(&error.source);
    lsp_types::Diagnostic {
        range: index.range(&error.range.clone().unwrap_or(0..0)),
        severity: Some(DiagnosticSeverity::ERROR),
        code: Some(NumberOrString::String("config".to_owned())),
        code_description: None,
        source: Some(SOURCE.to_owned()),
        message: format!(
            "{}; postlint lints with the default settings until this is fixed",
            error.message
        ),
        related_information: None,
        tags: None,
        data: None,
    }
}
