//! Reading plain literal values from a JavaScript or TypeScript configuration, without
//! running it: the object a file exports, as far as it is written with literals.
//!
//! The subset: the object of `export default {…}`, `export default defineConfig({…})`,
//! `module.exports = {…}`, or of a `const name = {…}` that is exported by name; in it,
//! strings without `${}`, numbers, `true`, `false`, `null`, arrays and nested objects,
//! under plain, quoted or shorthand keys. Anything else (a variable, a call, a function, a
//! spread, a template with `${}`) is skipped, and its key is reported as not read, so the
//! site model can say that it assumed the generator's default for it.

use crate::post::{Value, ValueKind};

#[derive(Debug, Clone, PartialEq)]
enum Token<'a> {
    Text(String),
    Number(&'a str),
    Word(&'a str),
    Punct(char),
    /// A template literal with `${}` or a regular expression: a value, not a literal.
    Opaque,
}

fn tokens(source: &str) -> Vec<Token<'_>> {
    let bytes = source.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b' ' | b'\t' | b'\r' | b'\n' => i += 1,
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i + 1 < bytes.len() && !(bytes[i] == b'*' && bytes[i + 1] == b'/') {
                    i += 1;
                }
                i += 2;
            }
            b'"' | b'\'' | b'`' => {
                let quote = b;
                let mut text = String::new();
                let mut opaque = false;
                i += 1;
                let mut start = i;
                while i < bytes.len() && bytes[i] != quote {
                    if bytes[i] == b'\\' && i + 1 < bytes.len() {
                        text.push_str(&source[start..i]);
                        let escaped = source[i + 1..].chars().next().unwrap_or(' ');
                        text.push(match escaped {
                            'n' => '\n',
                            't' => '\t',
                            other => other,
                        });
                        i += 1 + escaped.len_utf8();
                        start = i;
                        continue;
                    }
                    if quote == b'`' && bytes[i] == b'$' && bytes.get(i + 1) == Some(&b'{') {
                        opaque = true;
                    }
                    i += 1;
                }
                text.push_str(&source[start..i.min(bytes.len())]);
                i += 1;
                out.push(if opaque {
                    Token::Opaque
                } else {
                    Token::Text(text)
                });
            }
            b'0'..=b'9' => {
                let start = i;
                while i < bytes.len()
                    && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'.' || bytes[i] == b'_')
                {
                    i += 1;
                }
                out.push(Token::Number(&source[start..i]));
            }
            b if b.is_ascii_alphabetic() || b == b'_' || b == b'$' => {
                let start = i;
                while i < bytes.len()
                    && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_' || bytes[i] == b'$')
                {
                    i += 1;
                }
                out.push(Token::Word(&source[start..i]));
            }
            _ => {
                let c = source[i..].chars().next().unwrap_or(' ');
                i += c.len_utf8();
                out.push(Token::Punct(c));
            }
        }
    }
    out
}

/// What a configuration file exports, read as far as it is literal.
pub struct Exported {
    pub value: Value,
    /// Keys (`docs.path`) whose values are not literals, so could not be read.
    pub unread: Vec<String>,
}

/// The object `source` exports, when it can be found.
pub fn exported(source: &str) -> Option<Exported> {
    let tokens = tokens(source);
    let start = export_start(&tokens)?;
    let mut parser = Parser {
        tokens: &tokens,
        at: start,
        unread: Vec::new(),
        path: Vec::new(),
    };
    let value = parser.value()?;
    Some(Exported {
        value,
        unread: parser.unread,
    })
}

/// Where the exported object starts: the `{` of `export default {`, of the first
/// argument of `export default defineConfig(`, or of the `const` an export names.
fn export_start(tokens: &[Token]) -> Option<usize> {
    let mut name = None;
    for (at, window) in tokens.windows(3).enumerate() {
        let start = match window {
            [Token::Word("export"), Token::Word("default"), _] => at + 2,
            [
                Token::Word("module"),
                Token::Punct('.'),
                Token::Word("exports"),
            ] => at + 4,
            _ => continue,
        };
        // Through calls (`defineConfig(`, `withMermaid(defineConfig(`) to the object.
        let mut i = start;
        while let (Some(Token::Word(_)), Some(Token::Punct('('))) =
            (tokens.get(i), tokens.get(i + 1))
        {
            i += 2;
        }
        match tokens.get(i) {
            Some(Token::Punct('{')) => return Some(i),
            Some(Token::Word(word)) if !matches!(*word, "function" | "async" | "class") => {
                name = Some(*word);
            }
            _ => {}
        }
    }
    let name = name?;
    // `const name = {…}` or `const name: Config = {…}`.
    let mut i = 0;
    while i + 2 < tokens.len() {
        if matches!(tokens[i], Token::Word("const" | "let" | "var"))
            && tokens[i + 1] == Token::Word(name)
        {
            let mut j = i + 2;
            while j < tokens.len() && tokens[j] != Token::Punct('=') {
                j += 1;
            }
            j += 1;
            while let (Some(Token::Word(_)), Some(Token::Punct('('))) =
                (tokens.get(j), tokens.get(j + 1))
            {
                j += 2;
            }
            if tokens.get(j) == Some(&Token::Punct('{')) {
                return Some(j);
            }
        }
        i += 1;
    }
    None
}

struct Parser<'t, 'a> {
    tokens: &'t [Token<'a>],
    at: usize,
    unread: Vec<String>,
    path: Vec<String>,
}

/// Objects and arrays nested deeper than this are skipped, not read: a configuration has a
/// handful of levels, and a hostile one must not exhaust the stack.
const MAX_DEPTH: usize = 64;

fn plain(kind: ValueKind) -> Value {
    Value { kind, range: 0..0 }
}

impl<'t, 'a> Parser<'t, 'a> {
    fn peek(&self) -> Option<&'t Token<'a>> {
        self.tokens.get(self.at)
    }

    /// A value: a literal, or `None` after skipping an expression that is not one.
    fn value(&mut self) -> Option<Value> {
        if self.path.len() > MAX_DEPTH {
            self.skip_expression();
            self.unread.push(self.path.join("."));
            return None;
        }
        let value = match self.peek()?.clone() {
            Token::Punct('{') => self.object(),
            Token::Punct('[') => self.array(),
            Token::Text(text) => {
                self.at += 1;
                Some(plain(ValueKind::String(text)))
            }
            Token::Number(number) => {
                self.at += 1;
                Some(plain(ValueKind::Number(number.to_owned())))
            }
            Token::Punct('-') if matches!(self.tokens.get(self.at + 1), Some(Token::Number(_))) => {
                let Some(Token::Number(number)) = self.tokens.get(self.at + 1) else {
                    return None;
                };
                self.at += 2;
                Some(plain(ValueKind::Number(format!("-{number}"))))
            }
            Token::Word("true") => {
                self.at += 1;
                Some(plain(ValueKind::Bool(true)))
            }
            Token::Word("false") => {
                self.at += 1;
                Some(plain(ValueKind::Bool(false)))
            }
            Token::Word("null" | "undefined") => {
                self.at += 1;
                Some(plain(ValueKind::Null))
            }
            _ => None,
        };
        // `… as const`, `… satisfies Config`, or an expression going on (`"a" + b`).
        let goes_on = !matches!(
            self.peek(),
            None | Some(Token::Punct(',' | '}' | ']' | ')' | ';'))
        );
        if value.is_none() || goes_on {
            self.skip_expression();
            let literal_then_type = matches!(
                self.tokens.get(self.at.saturating_sub(2)),
                Some(Token::Word("as" | "satisfies"))
            );
            if value.is_some() && literal_then_type {
                return value;
            }
            self.unread.push(self.path.join("."));
            return None;
        }
        value
    }

    /// Skips to the `,` or closing bracket that ends the expression here.
    fn skip_expression(&mut self) {
        let mut depth = 0usize;
        while let Some(token) = self.peek() {
            match token {
                Token::Punct('(' | '[' | '{') => depth += 1,
                Token::Punct(')' | ']' | '}') if depth == 0 => return,
                Token::Punct(')' | ']' | '}') => depth -= 1,
                Token::Punct(',' | ';') if depth == 0 => return,
                _ => {}
            }
            self.at += 1;
        }
    }

    fn object(&mut self) -> Option<Value> {
        self.at += 1;
        let mut pairs = Vec::new();
        loop {
            match self.peek()? {
                Token::Punct('}') => {
                    self.at += 1;
                    return Some(plain(ValueKind::Map(pairs)));
                }
                Token::Punct(',') => {
                    self.at += 1;
                    continue;
                }
                _ => {}
            }
            let key = match self.peek()?.clone() {
                Token::Word(word) => word.to_owned(),
                Token::Text(text) => text,
                Token::Number(number) => number.to_owned(),
                _ => {
                    // A spread, a computed key: nothing to read.
                    self.skip_expression();
                    continue;
                }
            };
            self.at += 1;
            match self.peek() {
                Some(Token::Punct(':')) => {
                    self.at += 1;
                    self.path.push(key.clone());
                    if let Some(value) = self.value() {
                        pairs.push((plain(ValueKind::String(key)), value));
                    }
                    self.path.pop();
                }
                Some(Token::Punct('(')) => {
                    // A method: its body is code.
                    self.skip_expression();
                    if self.peek() == Some(&Token::Punct('{')) {
                        self.skip_expression();
                    }
                }
                _ => {
                    // Shorthand `{ name }`: a variable.
                    self.path.push(key);
                    self.unread.push(self.path.join("."));
                    self.path.pop();
                    self.skip_expression();
                }
            }
        }
    }

    fn array(&mut self) -> Option<Value> {
        self.at += 1;
        let mut items = Vec::new();
        let mut index = 0;
        loop {
            match self.peek()? {
                Token::Punct(']') => {
                    self.at += 1;
                    return Some(plain(ValueKind::List(items)));
                }
                Token::Punct(',') => {
                    self.at += 1;
                    continue;
                }
                _ => {}
            }
            self.path.push(index.to_string());
            if let Some(value) = self.value() {
                items.push(value);
            }
            self.path.pop();
            index += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(source: &str) -> Exported {
        exported(source).expect("an exported object")
    }

    #[test]
    fn literals_of_the_exported_object() {
        let config = read(
            r#"
            import { defineConfig } from 'vitepress'
            // a comment: { not: "this" }
            export default defineConfig({
              title: 'VitePress',
              rewrites: { 'en/:rest*': ':rest*' },
              cleanUrls: true,
              srcExclude: ["**/README.md", `drafts/**`],
              base: process.env.BASE || '/',
              head: [['link', { rel: 'icon' }]],
              markdown: { config(md) { md.use(x) } },
              count: -2,
            })
            "#,
        );
        let value = &config.value;
        assert_eq!(
            value.get("title").and_then(Value::as_text),
            Some("VitePress")
        );
        assert_eq!(
            value
                .get("rewrites")
                .and_then(|r| r.get("en/:rest*"))
                .and_then(Value::as_text),
            Some(":rest*")
        );
        assert_eq!(value.get("cleanUrls").and_then(Value::as_bool), Some(true));
        assert_eq!(value.get("srcExclude").map(|v| v.items().len()), Some(2));
        assert!(value.get("base").is_none());
        assert_eq!(config.unread, ["base"]);
        assert_eq!(value.get("count").and_then(Value::as_text), Some("-2"));
    }

    #[test]
    fn a_named_typed_object_exported_by_name() {
        let config = read(
            r#"
            const siteConfig: Config = {
              baseUrl: "/",
              presets: [["@docusaurus/preset-classic", { docs: { path: "../docs" }, blog: {} }]],
              customFields: { users, tools },
            } satisfies Config;
            export default siteConfig;
            "#,
        );
        let presets = config.value.get("presets").unwrap();
        let options = &presets.items()[0].items()[1];
        assert_eq!(
            options
                .get("docs")
                .and_then(|d| d.get("path"))
                .and_then(Value::as_text),
            Some("../docs")
        );
        assert_eq!(
            config.value.get("baseUrl").and_then(Value::as_text),
            Some("/")
        );
    }

    #[test]
    fn deep_nesting_is_skipped_not_overflowed() {
        let deep = format!(
            "export default {{ a: {}1{} }}",
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        let config = read(&deep);
        // Read as far as 64 levels, the rest skipped: no stack overflow.
        assert!(config.value.get("a").is_some());
        assert_eq!(config.unread.len(), 1);
    }

    #[test]
    fn templates_with_expressions_are_not_read() {
        let config = read("module.exports = { a: `x${y}`, b: `plain`, c: 'q' + r }");
        assert!(config.value.get("a").is_none());
        assert_eq!(
            config.value.get("b").and_then(Value::as_text),
            Some("plain")
        );
        assert!(config.value.get("c").is_none());
        assert_eq!(config.unread, ["a", "c"]);
    }
}

/// A content collection declared in an Astro `content.config.*`: its name, where its glob
/// loader reads, whether an id function of its own names entries, and its schema's fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CollectionDecl {
    pub name: String,
    pub base: Option<String>,
    pub pattern: Option<String>,
    /// A `generateId` function: entries' ids come from code.
    pub custom_id: bool,
    /// Whether the loader is `glob()` (other loaders make no Markdown entries).
    pub glob: bool,
    /// The schema's top-level fields: name, whether it is required, whether it is a date.
    pub fields: Vec<SchemaField>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaField {
    pub name: String,
    pub required: bool,
    pub date: bool,
}

/// The index of the bracket that closes the one at `open`.
fn closing(tokens: &[Token], open: usize) -> usize {
    let mut depth = 0usize;
    for (at, token) in tokens.iter().enumerate().skip(open) {
        match token {
            Token::Punct('(' | '[' | '{') => depth += 1,
            Token::Punct(')' | ']' | '}') => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return at;
                }
            }
            _ => {}
        }
    }
    tokens.len()
}

/// The collections an Astro content configuration declares with `defineCollection`, under
/// the names its `collections` export gives them.
pub fn collections(source: &str) -> Vec<CollectionDecl> {
    let tokens = tokens(source);
    // `const blog = defineCollection({ … })`: variable → declaration.
    let mut declared: Vec<(String, CollectionDecl)> = Vec::new();
    for at in 0..tokens.len() {
        if tokens[at] != Token::Word("defineCollection") {
            continue;
        }
        let variable = match (
            tokens.get(at.wrapping_sub(2)),
            tokens.get(at.wrapping_sub(1)),
        ) {
            (Some(Token::Word(name)), Some(Token::Punct('='))) => (*name).to_owned(),
            _ => continue,
        };
        let Some(open) =
            (at + 1..tokens.len().min(at + 3)).find(|&i| tokens[i] == Token::Punct('{'))
        else {
            continue;
        };
        let close = closing(&tokens, open);
        let body = &tokens[open..close.min(tokens.len())];
        let mut decl = CollectionDecl {
            name: variable.clone(),
            base: None,
            pattern: None,
            custom_id: false,
            glob: false,
            fields: Vec::new(),
        };
        // `loader: glob({ base, pattern, generateId })`.
        if let Some(glob_at) = body
            .windows(2)
            .position(|w| w == [Token::Word("glob"), Token::Punct('(')])
        {
            decl.glob = true;
            let open = open + glob_at + 2;
            if tokens.get(open) == Some(&Token::Punct('{')) {
                let glob_close = closing(&tokens, open);
                decl.custom_id = tokens[open..glob_close].contains(&Token::Word("generateId"));
                let mut parser = Parser {
                    tokens: &tokens,
                    at: open,
                    unread: Vec::new(),
                    path: Vec::new(),
                };
                if let Some(options) = parser.value() {
                    decl.base = options
                        .get("base")
                        .and_then(Value::as_text)
                        .map(str::to_owned);
                    decl.pattern = options.get("pattern").and_then(|p| {
                        p.items()
                            .first()
                            .and_then(Value::as_text)
                            .map(str::to_owned)
                    });
                }
            }
        }
        // `schema: z.object({ title: z.string(), date: z.coerce.date().optional() })`.
        if let Some(object_at) = body.windows(4).position(|w| {
            w[0] == Token::Word("object") && w[1] == Token::Punct('(') && w[2] == Token::Punct('{')
        }) {
            let open = open + object_at + 2;
            let close = closing(&tokens, open);
            let mut i = open + 1;
            while i < close {
                let key = match &tokens[i] {
                    Token::Word(word) => (*word).to_owned(),
                    Token::Text(text) => text.clone(),
                    _ => {
                        i += 1;
                        continue;
                    }
                };
                if tokens.get(i + 1) != Some(&Token::Punct(':')) {
                    i += 1;
                    continue;
                }
                // The field's expression runs to the next `,` at this depth.
                let mut end = i + 2;
                let mut depth = 0usize;
                while end < close {
                    match &tokens[end] {
                        Token::Punct('(' | '[' | '{') => depth += 1,
                        Token::Punct(')' | ']' | '}') => depth = depth.saturating_sub(1),
                        Token::Punct(',') if depth == 0 => break,
                        _ => {}
                    }
                    end += 1;
                }
                let expression = &tokens[i + 2..end];
                let optional = expression.iter().any(|t| {
                    matches!(t, Token::Word("optional" | "default" | "nullish" | "catch"))
                });
                let date = expression.contains(&Token::Word("date"));
                decl.fields.push(SchemaField {
                    name: key,
                    required: !optional,
                    date,
                });
                i = end + 1;
            }
        }
        declared.push((variable, decl));
    }
    // `export const collections = { blog, docs: docsCollection }`.
    let Some(export_at) = tokens
        .windows(2)
        .position(|w| w == [Token::Word("collections"), Token::Punct('=')])
    else {
        return Vec::new();
    };
    let open = export_at + 2;
    if tokens.get(open) != Some(&Token::Punct('{')) {
        return Vec::new();
    }
    let close = closing(&tokens, open);
    let mut out = Vec::new();
    let mut i = open + 1;
    while i < close {
        let name = match &tokens[i] {
            Token::Word(word) => (*word).to_owned(),
            Token::Text(text) => text.clone(),
            _ => {
                i += 1;
                continue;
            }
        };
        let (variable, next) = match (tokens.get(i + 1), tokens.get(i + 2)) {
            (Some(Token::Punct(':')), Some(Token::Word(variable))) => {
                ((*variable).to_owned(), i + 3)
            }
            _ => (name.clone(), i + 1),
        };
        if let Some((_, decl)) = declared.iter().find(|(v, _)| *v == variable) {
            let mut decl = decl.clone();
            decl.name = name;
            out.push(decl);
        }
        i = next;
        while i < close && tokens[i] != Token::Punct(',') {
            i += 1;
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod collection_tests {
    use super::*;

    #[test]
    fn astro_collections_with_their_loaders_and_schemas() {
        let source = r#"
            import { glob } from "astro/loaders"
            import { defineCollection, z } from "astro:content"
            const blog = defineCollection({
              loader: glob({
                base: "./content/blog",
                pattern: "**/*.md",
                generateId: ({ entry, data }) => `${data.date}/${entry}`,
              }),
              schema: () =>
                z.object({
                  title: z.string(),
                  description: z.string().optional(),
                  date: z.coerce.date(),
                }),
            })
            const docsCollection = defineCollection({
              loader: glob({ base: "./src/content/docs", pattern: "**/*.md" }),
              schema: z.object({ title: z.string(), updated: z.date().default(new Date()) }),
            })
            export const collections = { blog, docs: docsCollection }
        "#;
        let found = collections(source);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].name, "blog");
        assert_eq!(found[0].base.as_deref(), Some("./content/blog"));
        assert!(found[0].custom_id);
        assert_eq!(
            found[0].fields,
            [
                SchemaField {
                    name: "title".into(),
                    required: true,
                    date: false
                },
                SchemaField {
                    name: "description".into(),
                    required: false,
                    date: false
                },
                SchemaField {
                    name: "date".into(),
                    required: true,
                    date: true
                },
            ]
        );
        assert_eq!(found[1].name, "docs");
        assert!(!found[1].custom_id);
        assert_eq!(found[1].pattern.as_deref(), Some("**/*.md"));
        assert!(!found[1].fields[1].required);
    }
}
