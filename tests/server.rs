//! The language server, driven by an in-process client over an in-memory connection, and
//! the `postlint server` binary's lifecycle.

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use lsp_server::{Connection, Message, Notification, Request, RequestId};
use lsp_types::notification::Notification as _;
use lsp_types::request::Request as _;
use lsp_types::{
    CodeActionOrCommand, Diagnostic, DiagnosticSeverity, NumberOrString, Position,
    PublishDiagnosticsParams, Range, TextEdit, Uri,
};
use postlint::server::position::{Utf16Index, path_to_uri};
use serde_json::{Value, json};

const TIMEOUT: Duration = Duration::from_secs(10);

/// Only the findings this test is about: the others need a real blog to go away.
const CONFIG: &str = r#"
[rules.cover-missing]
level = "off"
[rules.excerpt-missing]
level = "off"
[rules.tags-missing]
level = "off"
[rules.content-length]
level = "off"
[rules.single-h1]
level = "off"
[rules.link-broken]
level = "off"
"#;

const FAULTY: &str = "---\ntitle: \" 深入理解 Rust 异步编程：从 Future 到运行时的完整指南 \"\ndate: 2024-05-01\n---\n\n# 标题\n\n这是一段中文 ![](a.png) 说明。\n";
const FIXED: &str = "---\ntitle: \"深入理解 Rust 异步编程：从 Future 到运行时的完整指南\"\ndate: 2024-05-01\n---\n\n# 标题\n\n这是一段中文 ![异步运行时的架构示意图](a.png) 说明。\n";

struct Client {
    connection: Connection,
    next_id: i32,
}

impl Client {
    /// Sends a request and waits for its result; an error response fails the test.
    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = RequestId::from(self.next_id);
        self.connection
            .sender
            .send(Request::new(id.clone(), method.to_owned(), params).into())
            .unwrap();
        loop {
            match self.receive() {
                Message::Response(response) if response.id == id => {
                    return response.response_result.expect("a result, not an error");
                }
                _ => {}
            }
        }
    }

    fn notify(&self, method: &str, params: Value) {
        self.connection
            .sender
            .send(Notification::new(method.to_owned(), params).into())
            .unwrap();
    }

    fn receive(&self) -> Message {
        self.connection
            .receiver
            .recv_timeout(TIMEOUT)
            .expect("the server answers in time")
    }

    /// The next diagnostics published for `uri` that `accept` takes.
    /// The next `window/showMessage`'s text, skipping other messages.
    fn shown_message(&self) -> String {
        loop {
            if let Message::Notification(n) = self.receive()
                && n.method == lsp_types::notification::ShowMessage::METHOD
            {
                return n.params["message"].as_str().unwrap().to_owned();
            }
        }
    }

    fn diagnostics(
        &self,
        uri: &Uri,
        accept: impl Fn(&PublishDiagnosticsParams) -> bool,
    ) -> Vec<Diagnostic> {
        loop {
            if let Message::Notification(n) = self.receive()
                && n.method == lsp_types::notification::PublishDiagnostics::METHOD
            {
                let params: PublishDiagnosticsParams = serde_json::from_value(n.params).unwrap();
                if params.uri.as_str() == uri.as_str() && accept(&params) {
                    return params.diagnostics;
                }
            }
        }
    }
}

fn start(root: &Path) -> (Client, std::thread::JoinHandle<Result<bool, String>>) {
    let (server, client) = Connection::memory();
    let handle = std::thread::spawn(move || postlint::server::serve(server));
    let mut client = Client {
        connection: client,
        next_id: 0,
    };
    let root_uri = path_to_uri(root).unwrap();
    let response = client.request(
        "initialize",
        json!({ "capabilities": {}, "rootUri": root_uri.as_str() }),
    );
    let capabilities = &response["capabilities"];
    assert_eq!(capabilities["hoverProvider"], json!(true));
    assert_eq!(capabilities["textDocumentSync"]["change"], json!(1));
    client.notify("initialized", json!({}));
    (client, handle)
}

fn code(diagnostic: &Diagnostic) -> &str {
    match &diagnostic.code {
        Some(NumberOrString::String(code)) => code,
        _ => "",
    }
}

/// `text` with the edits made, positions read in UTF-16 as the protocol's are.
fn apply(text: &str, edits: &[TextEdit]) -> String {
    let index = Utf16Index::new(text);
    let mut edits: Vec<_> = edits
        .iter()
        .map(|e| {
            (
                index.offset(e.range.start),
                index.offset(e.range.end),
                &e.new_text,
            )
        })
        .collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut out = text.to_owned();
    for (start, end, new_text) in edits {
        out.replace_range(start..end, new_text);
    }
    out
}

fn actions(client: &mut Client, uri: &Uri, range: Range) -> Vec<lsp_types::CodeAction> {
    let response = client.request(
        lsp_types::request::CodeActionRequest::METHOD,
        json!({
            "textDocument": { "uri": uri.as_str() },
            "range": range,
            "context": { "diagnostics": [] },
        }),
    );
    let actions: Vec<CodeActionOrCommand> = serde_json::from_value(response).unwrap();
    actions
        .into_iter()
        .map(|a| match a {
            CodeActionOrCommand::CodeAction(action) => action,
            CodeActionOrCommand::Command(_) => panic!("a bare command"),
        })
        .collect()
}

// lsp-types keys `WorkspaceEdit::changes` by `Uri`, which clippy thinks mutable; it is not.
#[allow(clippy::mutable_key_type)]
fn edits_of(action: &lsp_types::CodeAction, uri: &Uri) -> Vec<TextEdit> {
    let changes = action.edit.as_ref().unwrap().changes.as_ref().unwrap();
    changes
        .iter()
        .find(|(u, _)| u.as_str() == uri.as_str())
        .unwrap()
        .1
        .clone()
}

#[test]
fn diagnostics_fixes_hover_and_shutdown_in_an_editor() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    std::fs::write(root.join("postlint.toml"), CONFIG).unwrap();
    let post = root.join("post.md");
    std::fs::write(&post, FAULTY).unwrap();
    let uri = path_to_uri(&post).unwrap();
    let (mut client, server) = start(&root);

    client.notify(
        "textDocument/didOpen",
        json!({ "textDocument": {
            "uri": uri.as_str(), "languageId": "markdown", "version": 1, "text": FAULTY,
        }}),
    );
    let diagnostics = client.diagnostics(&uri, |p| p.version == Some(1));
    let mut codes: Vec<&str> = diagnostics.iter().map(code).collect();
    codes.sort_unstable();
    assert_eq!(codes, ["image-alt-missing", "value-whitespace"]);

    // `这是一段中文 ` is 7 characters (19 bytes): the image starts at UTF-16 unit 7.
    let image = diagnostics
        .iter()
        .find(|d| code(d) == "image-alt-missing")
        .unwrap();
    assert_eq!(image.range.start, Position::new(7, 7));
    assert_eq!(
        image.range.end,
        Position::new(7, 7 + "![](a.png)".len() as u32)
    );
    assert_eq!(image.severity, Some(DiagnosticSeverity::WARNING));
    assert_eq!(image.source.as_deref(), Some("postlint"));
    assert!(
        image
            .code_description
            .as_ref()
            .unwrap()
            .href
            .as_str()
            .ends_with("/rules/image-alt-missing.md")
    );

    // The safe fix of the title's whitespace, applied as the client would.
    let whitespace = diagnostics
        .iter()
        .find(|d| code(d) == "value-whitespace")
        .unwrap();
    let found = actions(&mut client, &uri, whitespace.range);
    let fix = found
        .iter()
        .find(|a| a.title.contains("value-whitespace") && !a.title.starts_with("Disable"))
        .expect("a quick fix for the title");
    assert_eq!(fix.is_preferred, Some(true));
    let fixed = apply(FAULTY, &edits_of(fix, &uri));
    assert!(fixed.contains("title: \"深入理解 Rust 异步编程：从 Future 到运行时的完整指南\"\n"));
    // Front matter: only the file-wide suppression reaches it.
    assert!(
        !found
            .iter()
            .any(|a| a.title == "Disable value-whitespace for this line")
    );
    let disable_file = found
        .iter()
        .find(|a| a.title == "Disable value-whitespace for this file")
        .unwrap();
    assert!(
        apply(FAULTY, &edits_of(disable_file, &uri))
            .ends_with("说明。\n\n<!-- postlint-disable-file value-whitespace -->\n")
    );

    // In the body, the comment goes on the line above.
    let found = actions(&mut client, &uri, image.range);
    let disable_line = found
        .iter()
        .find(|a| a.title == "Disable image-alt-missing for this line")
        .unwrap();
    assert!(apply(FAULTY, &edits_of(disable_line, &uri)).ends_with(
        "\n<!-- postlint-disable-next-line image-alt-missing -->\n这是一段中文 ![](a.png) 说明。\n"
    ));

    // Hover on the image shows the rule's page.
    let response = client.request(
        lsp_types::request::HoverRequest::METHOD,
        json!({ "textDocument": { "uri": uri.as_str() }, "position": Position::new(7, 9) }),
    );
    let hover = response;
    let text = hover["contents"]["value"].as_str().unwrap();
    assert!(text.contains("image-alt-missing"), "{text}");
    assert!(
        text.contains("https://github.com/postlint/postlint/blob/main/rules/image-alt-missing.md")
    );
    assert_eq!(
        hover["range"]["start"],
        json!({ "line": 7, "character": 7 })
    );
    // Nowhere near a diagnostic: nothing.
    let response = client.request(
        lsp_types::request::HoverRequest::METHOD,
        json!({ "textDocument": { "uri": uri.as_str() }, "position": Position::new(5, 1) }),
    );
    assert_eq!(response, Value::Null);

    // Two edits in a row: the last one's result is what the client gets.
    for (version, text) in [(2, FAULTY), (3, FIXED)] {
        client.notify(
            "textDocument/didChange",
            json!({
                "textDocument": { "uri": uri.as_str(), "version": version },
                "contentChanges": [{ "text": text }],
            }),
        );
    }
    let diagnostics = client.diagnostics(&uri, |p| p.version == Some(3));
    assert_eq!(diagnostics, []);

    // Pulled, for clients that ask.
    let response = client.request(
        lsp_types::request::DocumentDiagnosticRequest::METHOD,
        json!({ "textDocument": { "uri": uri.as_str() } }),
    );
    let report = response;
    assert_eq!(report["kind"], json!("full"));
    assert_eq!(report["items"], json!([]));

    // A broken configuration is a diagnostic on itself; fixed, the diagnostic goes.
    let config = root.join("postlint.toml");
    let config_uri = path_to_uri(&config).unwrap();
    std::fs::write(&config, "[rules.no-such-rule]\nlevel = \"off\"\n").unwrap();
    let changed = json!({ "changes": [{ "uri": config_uri.as_str(), "type": 2 }] });
    client.notify("workspace/didChangeWatchedFiles", changed.clone());
    // The user is told, also when postlint.toml is not open.
    let shown = client.shown_message();
    assert!(
        shown.starts_with("postlint: ") && shown.contains("no-such-rule"),
        "{shown}"
    );
    assert!(
        shown.ends_with("linting with the defaults until it is fixed"),
        "{shown}"
    );
    let diagnostics = client.diagnostics(&config_uri, |_| true);
    assert_eq!(diagnostics.len(), 1);
    assert!(
        diagnostics[0].message.contains("no-such-rule"),
        "{}",
        diagnostics[0].message
    );
    assert_eq!(diagnostics[0].range.start, Position::new(0, 7));
    std::fs::write(&config, CONFIG).unwrap();
    client.notify("workspace/didChangeWatchedFiles", changed);
    let diagnostics = client.diagnostics(&config_uri, |_| true);
    assert_eq!(diagnostics, []);

    assert_eq!(client.request("shutdown", Value::Null), Value::Null);
    client.notify("exit", Value::Null);
    assert_eq!(server.join().unwrap(), Ok(true));
}

/// A Content-Length framed message.
fn frame(message: &Value) -> Vec<u8> {
    let body = message.to_string();
    format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
}

#[test]
fn the_binary_exits_on_exit_while_its_input_stays_open() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_postlint"))
        .arg("server")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let messages = [
        json!({ "jsonrpc": "2.0", "id": 1, "method": "initialize", "params": { "capabilities": {} } }),
        json!({ "jsonrpc": "2.0", "method": "initialized", "params": {} }),
        json!({ "jsonrpc": "2.0", "id": 2, "method": "shutdown" }),
    ];
    for message in &messages {
        stdin.write_all(&frame(message)).unwrap();
    }
    stdin.flush().unwrap();
    // Let the shutdown be answered before `exit`, as a client waits for it.
    std::thread::sleep(Duration::from_millis(200));
    stdin
        .write_all(&frame(&json!({ "jsonrpc": "2.0", "method": "exit" })))
        .unwrap();
    stdin.flush().unwrap();
    let sent = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if sent.elapsed() > Duration::from_secs(1) {
            let _ = child.kill();
            panic!("the server did not exit within a second of `exit`");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    assert!(status.success(), "{status}");
    drop(stdin);

    // Standard output holds protocol messages and nothing else.
    let mut out = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut out)
        .unwrap();
    let mut rest = out.as_str();
    let (mut responses, mut logged) = (0, Vec::new());
    while !rest.is_empty() {
        let header = rest.strip_prefix("Content-Length: ").expect("a header");
        let (length, body) = header.split_once("\r\n\r\n").unwrap();
        let length: usize = length.parse().unwrap();
        let message: Value = serde_json::from_str(&body[..length]).unwrap();
        assert_eq!(message["jsonrpc"], json!("2.0"));
        if message["method"] == "window/logMessage" {
            logged.push(message["params"]["message"].as_str().unwrap().to_owned());
        } else {
            assert!(message.get("id").is_some(), "{message}");
            responses += 1;
        }
        rest = &body[length..];
    }
    assert_eq!(responses, 2, "{out}");
    // The server logs through the protocol, which editors show in its log: a client takes
    // anything on standard error for an error.
    assert_eq!(logged, ["postlint: initialized", "postlint: shutdown"]);
    let mut errors = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut errors)
        .unwrap();
    assert_eq!(errors, "", "nothing on standard error");
}
