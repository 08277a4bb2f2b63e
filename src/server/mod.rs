//! The language server: postlint's diagnostics, fixes and rule pages in an editor, over the
//! Language Server Protocol on standard input and output.
//!
//! One thread owns the state and answers every message. Each document is linted on a
//! worker thread of its own, at most one at a time per document: an edit that arrives
//! while a lint runs bumps the document's generation, the stale result is dropped when it
//! comes back, and the newest text is linted then. A slow document so never holds up
//! another, nor the answers to requests.
//!
//! Nothing but protocol messages goes to standard output; the log goes to standard error.

mod actions;
mod convert;
pub mod position;

use std::collections::{HashMap, HashSet};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use crossbeam_channel::{Receiver, Sender, select};
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument, DidOpenTextDocument,
    DidSaveTextDocument, LogMessage, Notification as _, PublishDiagnostics, ShowMessage,
};
use lsp_types::request::{
    CodeActionRequest, DocumentDiagnosticRequest, HoverRequest, RegisterCapability, Request as _,
    WorkspaceDiagnosticRefresh,
};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionProviderCapability, DiagnosticOptions,
    DiagnosticServerCapabilities, DidChangeWatchedFilesRegistrationOptions,
    DocumentDiagnosticReport, DocumentDiagnosticReportResult, FileSystemWatcher, GlobPattern,
    HoverProviderCapability, InitializeParams, LogMessageParams, MessageType,
    PublishDiagnosticsParams, Registration, RegistrationParams,
    RelatedFullDocumentDiagnosticReport, SaveOptions, ServerCapabilities, ServerInfo,
    ShowMessageParams, TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions, Uri,
};

use crate::buffer::SiteCache;
use crate::config::{self, CommandLine, RuleSet};
use crate::diagnostic::Diagnostic;
use position::{Utf16Index, path_to_uri, uri_to_path};

/// Runs the server on standard input and output until the client says `exit`.
pub fn run_stdio() -> ExitCode {
    let (connection, _io_threads) = Connection::stdio();
    // The I/O threads are not joined: the reader may be blocked on a standard input the
    // client keeps open, and `exit` means exit now.
    match serve(connection) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(error) => {
            log_to_stderr(&format!("error: {error}"));
            ExitCode::from(1)
        }
    }
}

/// Serves one client until `exit` or until the connection closes. `Ok(true)` when the
/// client asked for `shutdown` first, as the protocol wants.
pub fn serve(connection: Connection) -> Result<bool, String> {
    let (id, params) = connection.initialize_start().map_err(|e| e.to_string())?;
    let params: InitializeParams = serde_json::from_value(params).map_err(|e| e.to_string())?;
    let result = serde_json::json!({
        "capabilities": capabilities(),
        "serverInfo": ServerInfo {
            name: "postlint".to_owned(),
            version: Some(env!("POSTLINT_LONG_VERSION").to_owned()),
        },
    });
    connection
        .initialize_finish(id, result)
        .map_err(|e| e.to_string())?;
    log(&connection.sender, MessageType::LOG, "initialized");
    let (results, finished) = crossbeam_channel::unbounded();
    let mut server = Server::new(connection.sender.clone(), results, &params);
    server.register_watchers(&params);
    server.run(&connection.receiver, &finished)
}

fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::FULL),
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(false),
                })),
                ..TextDocumentSyncOptions::default()
            },
        )),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            ..CodeActionOptions::default()
        })),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        diagnostic_provider: Some(DiagnosticServerCapabilities::Options(DiagnosticOptions {
            identifier: Some("postlint".to_owned()),
            // Site-wide rules: another post's slug or title can change this post's findings.
            inter_file_dependencies: true,
            workspace_diagnostics: false,
            ..DiagnosticOptions::default()
        })),
        ..ServerCapabilities::default()
    }
}

/// A line for the client's log (`window/logMessage`): editors show their language
/// servers' logs there, and take anything on standard error for an error.
fn log(sender: &Sender<Message>, kind: MessageType, message: &str) {
    let params = LogMessageParams {
        typ: kind,
        message: format!("postlint: {message}"),
    };
    let _ = sender.send(Notification::new(LogMessage::METHOD.to_owned(), params).into());
}

/// A message the editor shows the user (`window/showMessage`): for what they must act on,
/// such as a configuration that cannot be used.
fn show(sender: &Sender<Message>, kind: MessageType, message: &str) {
    let params = ShowMessageParams {
        typ: kind,
        message: format!("postlint: {message}"),
    };
    let _ = sender.send(Notification::new(ShowMessage::METHOD.to_owned(), params).into());
}

/// For what cannot reach the client: the connection itself failed, or a lint thread
/// panicked (a bug).
fn log_to_stderr(message: &str) {
    eprintln!("postlint server: {message}");
}

/// A lint's result, for the text it was run on.
pub struct Linted {
    pub text: Arc<str>,
    pub diagnostics: Vec<Diagnostic>,
}

struct Document {
    path: PathBuf,
    text: Arc<str>,
    version: i32,
    /// Bumped by every edit; a result of an older generation is stale.
    generation: u64,
    linting: bool,
    /// The result for the current generation, once there is one.
    linted: Option<Arc<Linted>>,
    /// Pull requests (`textDocument/diagnostic`) waiting for the current generation.
    waiting: Vec<RequestId>,
}

/// A worker's result.
struct Finished {
    uri: Uri,
    generation: u64,
    linted: Linted,
}

/// The rules for the documents under one configuration (or, without one, one folder).
#[derive(Clone, PartialEq, Eq, Hash)]
enum ConfigKey {
    File(PathBuf),
    Folder(PathBuf),
}

struct Server {
    sender: Sender<Message>,
    results: Sender<Finished>,
    documents: HashMap<Uri, Document>,
    rule_sets: HashMap<ConfigKey, Arc<RuleSet>>,
    /// The other posts of each site, read once and again only when they change on disk.
    site_cache: Arc<SiteCache>,
    /// Configuration files with a diagnostic published on them.
    broken: HashSet<PathBuf>,
    /// Whether the client pulls diagnostics, so that pushing them too would show them twice.
    pulls: bool,
    refresh: bool,
    shutdown: bool,
    next_request: i32,
}

impl Server {
    fn new(sender: Sender<Message>, results: Sender<Finished>, params: &InitializeParams) -> Self {
        let text_document = params.capabilities.text_document.as_ref();
        let pulls = text_document.is_some_and(|t| t.diagnostic.is_some());
        let refresh = params
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.diagnostic.as_ref())
            .and_then(|d| d.refresh_support)
            .unwrap_or(false);
        Server {
            sender,
            results,
            documents: HashMap::new(),
            rule_sets: HashMap::new(),
            site_cache: Arc::default(),
            broken: HashSet::new(),
            pulls,
            refresh,
            shutdown: false,
            next_request: 0,
        }
    }

    /// Asks the client to tell us when a postlint.toml changes, when it can.
    fn register_watchers(&mut self, params: &InitializeParams) {
        let dynamic = params
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|d| d.dynamic_registration)
            .unwrap_or(false);
        if !dynamic {
            return;
        }
        let options = DidChangeWatchedFilesRegistrationOptions {
            watchers: vec![FileSystemWatcher {
                glob_pattern: GlobPattern::String(format!("**/{}", config::FILE_NAME)),
                kind: None,
            }],
        };
        let registration = RegistrationParams {
            registrations: vec![Registration {
                id: "postlint-config".to_owned(),
                method: DidChangeWatchedFiles::METHOD.to_owned(),
                register_options: serde_json::to_value(options).ok(),
            }],
        };
        self.request(RegisterCapability::METHOD, registration);
    }

    fn request(&mut self, method: &str, params: impl serde::Serialize) {
        self.next_request += 1;
        let id = RequestId::from(format!("postlint-{}", self.next_request));
        self.send(Request::new(id, method.to_owned(), params).into());
    }

    fn send(&self, message: Message) {
        // Fails only when the client is gone, and then there is no one to tell.
        let _ = self.sender.send(message);
    }

    fn run(
        &mut self,
        receiver: &Receiver<Message>,
        finished: &Receiver<Finished>,
    ) -> Result<bool, String> {
        loop {
            select! {
                recv(receiver) -> message => {
                    // The client closed the connection without `exit`: no one to tell.
                    let Ok(message) = message else {
                        return Ok(false);
                    };
                    match message {
                        Message::Request(request) => self.on_request(request),
                        Message::Notification(notification) => {
                            if notification.method == lsp_types::notification::Exit::METHOD {
                                return Ok(self.shutdown);
                            }
                            self.on_notification(notification);
                        }
                        Message::Response(_) => {}
                    }
                }
                recv(finished) -> result => {
                    if let Ok(result) = result {
                        self.on_finished(result);
                    }
                }
            }
        }
    }

    fn on_request(&mut self, request: Request) {
        if self.shutdown {
            self.send(
                Response::new_err(
                    request.id,
                    ErrorCode::InvalidRequest as i32,
                    "the server is shutting down".to_owned(),
                )
                .into(),
            );
            return;
        }
        let id = request.id.clone();
        let response = match request.method.as_str() {
            "shutdown" => {
                self.shutdown = true;
                log(&self.sender, MessageType::LOG, "shutdown");
                Response::new_ok(id, ())
            }
            CodeActionRequest::METHOD => match parse::<lsp_types::CodeActionParams>(request) {
                Ok(params) => {
                    let uri = params.text_document.uri;
                    let actions = self
                        .current(&uri)
                        .map(|linted| actions::code_actions(&uri, &linted, params.range))
                        .unwrap_or_default();
                    Response::new_ok(id, actions)
                }
                Err(response) => response,
            },
            HoverRequest::METHOD => match parse::<lsp_types::HoverParams>(request) {
                Ok(params) => {
                    let at = params.text_document_position_params;
                    let hover = self
                        .current(&at.text_document.uri)
                        .and_then(|linted| actions::hover(&linted, at.position));
                    Response::new_ok(id, hover)
                }
                Err(response) => response,
            },
            DocumentDiagnosticRequest::METHOD => {
                match parse::<lsp_types::DocumentDiagnosticParams>(request) {
                    Ok(params) => {
                        let uri = params.text_document.uri;
                        match self.documents.get_mut(&uri) {
                            Some(document) if document.linted.is_none() => {
                                document.waiting.push(id);
                                return;
                            }
                            Some(document) => {
                                let linted = document.linted.clone().expect("checked above");
                                pull_response(id, &uri, &linted)
                            }
                            None => {
                                self.pull_from_disk(id, uri);
                                return;
                            }
                        }
                    }
                    Err(response) => response,
                }
            }
            _ => Response::new_err(
                id,
                ErrorCode::MethodNotFound as i32,
                format!("postlint does not handle `{}`", request.method),
            ),
        };
        self.send(response.into());
    }

    /// The result for the document's current text, if the lint of it has finished.
    fn current(&self, uri: &Uri) -> Option<Arc<Linted>> {
        self.documents.get(uri)?.linted.clone()
    }

    fn on_notification(&mut self, notification: Notification) {
        match notification.method.as_str() {
            DidOpenTextDocument::METHOD => {
                if let Ok(params) = notification
                    .extract::<lsp_types::DidOpenTextDocumentParams>(DidOpenTextDocument::METHOD)
                {
                    let item = params.text_document;
                    let path = document_path(&item.uri);
                    self.documents.insert(
                        item.uri.clone(),
                        Document {
                            path,
                            text: Arc::from(item.text),
                            version: item.version,
                            generation: 0,
                            linting: false,
                            linted: None,
                            waiting: Vec::new(),
                        },
                    );
                    self.lint(&item.uri);
                }
            }
            DidChangeTextDocument::METHOD => {
                if let Ok(params) = notification.extract::<lsp_types::DidChangeTextDocumentParams>(
                    DidChangeTextDocument::METHOD,
                ) {
                    let uri = params.text_document.uri;
                    let Some(document) = self.documents.get_mut(&uri) else {
                        return;
                    };
                    // Full sync: the last change holds the whole text.
                    if let Some(change) = params.content_changes.into_iter().last() {
                        document.text = Arc::from(change.text);
                    }
                    document.version = params.text_document.version;
                    self.touch(&uri);
                }
            }
            DidSaveTextDocument::METHOD => {
                if let Ok(params) = notification
                    .extract::<lsp_types::DidSaveTextDocumentParams>(DidSaveTextDocument::METHOD)
                {
                    let uri = params.text_document.uri;
                    let is_config = uri_to_path(&uri)
                        .is_some_and(|path| path.file_name() == Some(config::FILE_NAME.as_ref()));
                    if is_config {
                        self.reload_configuration();
                    } else {
                        // A saved post can change the site-wide findings of the others.
                        self.relint_all();
                    }
                }
            }
            DidCloseTextDocument::METHOD => {
                if let Ok(params) = notification
                    .extract::<lsp_types::DidCloseTextDocumentParams>(DidCloseTextDocument::METHOD)
                {
                    let uri = params.text_document.uri;
                    if let Some(document) = self.documents.remove(&uri) {
                        for id in document.waiting {
                            self.send(Response::new_ok(id, empty_report()).into());
                        }
                    }
                    if !self.pulls {
                        self.publish(uri, Vec::new(), None);
                    }
                }
            }
            DidChangeWatchedFiles::METHOD => {
                if let Ok(params) = notification.extract::<lsp_types::DidChangeWatchedFilesParams>(
                    DidChangeWatchedFiles::METHOD,
                ) {
                    let configs = params.changes.iter().any(|change| {
                        uri_to_path(&change.uri)
                            .is_some_and(|p| p.file_name() == Some(config::FILE_NAME.as_ref()))
                    });
                    if configs {
                        self.reload_configuration();
                    } else {
                        self.relint_all();
                    }
                }
            }
            _ => {}
        }
    }

    /// Forgets every configuration read, clears the diagnostics of broken ones, and lints
    /// every open document again (which reads them again).
    fn reload_configuration(&mut self) {
        log(
            &self.sender,
            MessageType::INFO,
            "configuration changed; reloading",
        );
        self.rule_sets.clear();
        self.site_cache.clear();
        for path in std::mem::take(&mut self.broken) {
            if let Some(uri) = path_to_uri(&path) {
                self.publish(uri, Vec::new(), None);
            }
        }
        self.relint_all();
    }

    fn relint_all(&mut self) {
        let uris: Vec<Uri> = self.documents.keys().cloned().collect();
        for uri in &uris {
            self.touch(uri);
        }
        if self.pulls && self.refresh {
            self.request(WorkspaceDiagnosticRefresh::METHOD, ());
        }
    }

    /// The document's text is new (or its context is): stale results are dropped from now on.
    fn touch(&mut self, uri: &Uri) {
        let Some(document) = self.documents.get_mut(uri) else {
            return;
        };
        document.generation += 1;
        document.linted = None;
        if !document.linting {
            self.lint(uri);
        }
    }

    /// Starts linting the document's current text on a worker thread.
    fn lint(&mut self, uri: &Uri) {
        let Some(path) = self.documents.get(uri).map(|d| d.path.clone()) else {
            return;
        };
        let rules = self.rules_for(&path);
        let Some(document) = self.documents.get_mut(uri) else {
            return;
        };
        document.linting = true;
        let (text, generation) = (document.text.clone(), document.generation);
        let results = self.results.clone();
        let site_cache = self.site_cache.clone();
        let uri = uri.clone();
        let spawned = std::thread::Builder::new()
            .name("postlint-lint".to_owned())
            .spawn(move || {
                let diagnostics = lint_text(&path, &text, &rules, &site_cache);
                let linted = Linted { text, diagnostics };
                let _ = results.send(Finished {
                    uri,
                    generation,
                    linted,
                });
            });
        if let Err(error) = spawned {
            log(
                &self.sender,
                MessageType::ERROR,
                &format!("cannot start a lint thread: {error}"),
            );
            document.linting = false;
        }
    }

    fn on_finished(&mut self, result: Finished) {
        let Some(document) = self.documents.get_mut(&result.uri) else {
            return;
        };
        document.linting = false;
        if result.generation != document.generation {
            // An edit came in meanwhile: lint the newest text instead.
            self.lint(&result.uri);
            return;
        }
        let linted = Arc::new(result.linted);
        document.linted = Some(linted.clone());
        let version = document.version;
        let waiting = std::mem::take(&mut document.waiting);
        for id in waiting {
            self.send(pull_response(id, &result.uri, &linted).into());
        }
        if !self.pulls {
            let index = Utf16Index::new(&linted.text);
            let diagnostics = linted
                .diagnostics
                .iter()
                .map(|d| convert::diagnostic(&result.uri, &index, d))
                .collect();
            self.publish(result.uri, diagnostics, Some(version));
        }
    }

    fn publish(&self, uri: Uri, diagnostics: Vec<lsp_types::Diagnostic>, version: Option<i32>) {
        let params = PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        };
        self.send(Notification::new(PublishDiagnostics::METHOD.to_owned(), params).into());
    }

    /// The rules for a post at `path`: its nearest postlint.toml, read once until it
    /// changes. A broken one is reported on itself, and the post gets the defaults.
    fn rules_for(&mut self, path: &Path) -> Arc<RuleSet> {
        let folder = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(
                || std::env::current_dir().unwrap_or_default(),
                Path::to_owned,
            );
        let config_path = config::discover(&folder);
        let key = match &config_path {
            Some(file) => ConfigKey::File(file.clone()),
            None => ConfigKey::Folder(folder.clone()),
        };
        if let Some(rules) = self.rule_sets.get(&key) {
            return rules.clone();
        }
        let site = config_path
            .as_deref()
            .and_then(Path::parent)
            .map_or(folder.clone(), Path::to_owned);
        let command_line = CommandLine::default();
        let rules = match RuleSet::load(config_path.as_deref(), &site, &command_line) {
            Ok(rules) => rules,
            Err(error) => {
                log(&self.sender, MessageType::WARNING, &error.to_string());
                show(
                    &self.sender,
                    MessageType::WARNING,
                    &format!("{error}; linting with the defaults until it is fixed"),
                );
                if let Some(uri) = path_to_uri(&error.path) {
                    self.publish(uri, vec![convert::config_error(&error)], None);
                    self.broken.insert(error.path.clone());
                }
                RuleSet::load(None, &site, &command_line).unwrap_or_else(|_| RuleSet::defaults())
            }
        };
        let rules = Arc::new(rules);
        self.rule_sets.insert(key, rules.clone());
        rules
    }

    /// Answers a pull for a document that is not open: lints the file on disk.
    fn pull_from_disk(&mut self, id: RequestId, uri: Uri) {
        let path = document_path(&uri);
        let rules = self.rules_for(&path);
        let sender = self.sender.clone();
        let site_cache = self.site_cache.clone();
        std::thread::spawn(move || {
            let linted = match crate::engine::read(&path) {
                Ok(text) => {
                    let diagnostics = lint_text(&path, &text, &rules, &site_cache);
                    Linted {
                        text: Arc::from(text),
                        diagnostics,
                    }
                }
                Err(_) => Linted {
                    text: Arc::from(""),
                    diagnostics: Vec::new(),
                },
            };
            let _ = sender.send(pull_response(id, &uri, &linted).into());
        });
    }
}

/// The diagnostics of `text` as the post at `path`; none for an excluded path.
fn lint_text(path: &Path, text: &str, rules: &Arc<RuleSet>, site: &SiteCache) -> Vec<Diagnostic> {
    if rules.is_excluded(path) {
        return Vec::new();
    }
    catch_unwind(AssertUnwindSafe(|| {
        site.lint_buffer(path, text, rules).diagnostics
    }))
    .unwrap_or_else(|_| {
        log_to_stderr(&format!("linting {} failed; this is a bug", path.display()));
        Vec::new()
    })
}

/// Where a document is: its file, or for an unsaved buffer a post in the current folder.
fn document_path(uri: &Uri) -> PathBuf {
    uri_to_path(uri).unwrap_or_else(|| {
        std::env::current_dir()
            .unwrap_or_default()
            .join("untitled.md")
    })
}

fn pull_response(id: RequestId, uri: &Uri, linted: &Linted) -> Response {
    let index = Utf16Index::new(&linted.text);
    let items = linted
        .diagnostics
        .iter()
        .map(|d| convert::diagnostic(uri, &index, d))
        .collect();
    Response::new_ok(id, report(items))
}

fn report(items: Vec<lsp_types::Diagnostic>) -> DocumentDiagnosticReportResult {
    DocumentDiagnosticReportResult::Report(DocumentDiagnosticReport::Full(
        RelatedFullDocumentDiagnosticReport {
            related_documents: None,
            full_document_diagnostic_report: lsp_types::FullDocumentDiagnosticReport {
                result_id: None,
                items,
            },
        },
    ))
}

fn empty_report() -> DocumentDiagnosticReportResult {
    report(Vec::new())
}

/// A request's parameters, or the error response that says they are wrong.
fn parse<P: serde::de::DeserializeOwned>(request: Request) -> Result<P, Response> {
    serde_json::from_value(request.params).map_err(|error| {
        Response::new_err(
            request.id,
            ErrorCode::InvalidParams as i32,
            error.to_string(),
        )
    })
}
