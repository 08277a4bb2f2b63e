//! Code actions (the rules' fixes, and suppression comments) and hover.

use std::collections::HashMap;

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, Hover, HoverContents, MarkupContent,
    MarkupKind, Position, TextEdit, Uri, WorkspaceEdit,
};

use super::Linted;
use super::convert;
use super::position::Utf16Index;
use crate::diagnostic::{Applicability, Diagnostic, UNREADABLE_FILE};
use crate::engine::INTERNAL_ERROR;
use crate::suppress::SUPPRESSION_INVALID;

/// The actions for the diagnostics that touch `range`: each fix, then turning each rule off
/// for the line and for the file.
pub fn code_actions(
    uri: &Uri,
    linted: &Linted,
    range: lsp_types::Range,
) -> Vec<CodeActionOrCommand> {
    let text = &*linted.text;
    let index = Utf16Index::new(text);
    let wanted = index.offset(range.start)..index.offset(range.end);
    let touching: Vec<&Diagnostic> = linted
        .diagnostics
        .iter()
        .filter(|d| {
            let r = &d.finding.range;
            r.start <= wanted.end && wanted.start <= r.end
        })
        .collect();
    let mut actions = Vec::new();
    let edit = |edits: Vec<TextEdit>| WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), edits)])),
        ..WorkspaceEdit::default()
    };
    for diagnostic in &touching {
        let Some(fix) = &diagnostic.finding.fix else {
            continue;
        };
        let edits = fix
            .edits
            .iter()
            .map(|e| TextEdit::new(index.range(&e.range), e.replacement.clone()))
            .collect();
        let safe = fix.applicability == Applicability::Safe;
        let title = if safe {
            format!("{} ({})", fix.message, diagnostic.rule)
        } else {
            format!("{} ({}, unsafe fix)", fix.message, diagnostic.rule)
        };
        actions.push(CodeAction {
            title,
            kind: Some(CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![convert::diagnostic(uri, &index, diagnostic)]),
            edit: Some(edit(edits)),
            is_preferred: Some(safe),
            ..CodeAction::default()
        });
    }
    let body_start = crate::post::Post::parse("post.md", text.to_owned()).body_start;
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let mut seen_line = Vec::new();
    let mut seen_file = Vec::new();
    for diagnostic in &touching {
        let rule = diagnostic.rule;
        if matches!(rule, SUPPRESSION_INVALID | UNREADABLE_FILE | INTERNAL_ERROR) {
            continue;
        }
        let lsp_diagnostic = || Some(vec![convert::diagnostic(uri, &index, diagnostic)]);
        // Front matter lines come before any comment: only the file-wide comment reaches them.
        let start = diagnostic.finding.range.start;
        let line_start = index.line_start(start);
        if start >= body_start && !seen_line.contains(&(rule, line_start)) {
            seen_line.push((rule, line_start));
            let line = &text[line_start..];
            let indent = &line[..line.len() - line.trim_start_matches([' ', '\t']).len()];
            let comment = format!("{indent}<!-- postlint-disable-next-line {rule} -->{newline}");
            let at = index.position(line_start);
            actions.push(CodeAction {
                title: format!("Disable {rule} for this line"),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: lsp_diagnostic(),
                edit: Some(edit(vec![TextEdit::new(
                    lsp_types::Range::new(at, at),
                    comment,
                )])),
                ..CodeAction::default()
            });
        }
        if !seen_file.contains(&rule) {
            seen_file.push(rule);
            let mut comment = String::new();
            if !text.is_empty() && !text.ends_with(['\n', '\r']) {
                comment.push_str(newline);
            }
            comment.push_str(&format!(
                "{newline}<!-- postlint-disable-file {rule} -->{newline}"
            ));
            let end = index.position(text.len());
            actions.push(CodeAction {
                title: format!("Disable {rule} for this file"),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: lsp_diagnostic(),
                edit: Some(edit(vec![TextEdit::new(
                    lsp_types::Range::new(end, end),
                    comment,
                )])),
                ..CodeAction::default()
            });
        }
    }
    actions
        .into_iter()
        .map(CodeActionOrCommand::CodeAction)
        .collect()
}

/// On a diagnostic's range: its message and its rule's page.
pub fn hover(linted: &Linted, position: Position) -> Option<Hover> {
    let index = Utf16Index::new(&linted.text);
    let offset = index.offset(position);
    let under: Vec<&Diagnostic> = linted
        .diagnostics
        .iter()
        .filter(|d| {
            let r = &d.finding.range;
            r.start <= offset && (offset < r.end || offset == r.start)
        })
        .collect();
    let first = under.first()?;
    let mut value = String::new();
    let mut shown = Vec::new();
    for diagnostic in &under {
        value.push_str(&format!(
            "**{}** `{}`: {}\n\n",
            diagnostic.severity, diagnostic.rule, diagnostic.finding.message
        ));
    }
    for diagnostic in &under {
        if shown.contains(&diagnostic.rule) {
            continue;
        }
        shown.push(diagnostic.rule);
        if let Some(info) = crate::rules::find(diagnostic.rule) {
            value.push_str("---\n\n");
            value.push_str(info.doc.trim_end());
            value.push_str(&format!(
                "\n\n[{} on the web]({})\n\n",
                info.name,
                info.url()
            ));
        }
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: value.trim_end().to_owned(),
        }),
        range: Some(index.range(&first.finding.range)),
    })
}
