//! Positions and paths as the machine-readable formats write them.
//!
//! Byte offsets are what diagnostics carry; lines and columns are computed here, at the
//! edge, in the unit each format counts in: characters for people and most tools, UTF-16
//! code units for SARIF's default.

use std::borrow::Cow;
use std::path::Path;

use crate::diagnostic::LineIndex;

/// Where a byte offset falls. Lines and columns are 1-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub offset: usize,
    pub line: usize,
    /// Counted in characters (Unicode scalar values), as the concise report does.
    pub column: usize,
    /// Counted in UTF-16 code units, as SARIF and the LSP do by default.
    pub utf16_column: usize,
}

/// Turns the byte offsets of one file into positions.
pub struct Locator<'a> {
    source: Option<(&'a str, LineIndex<'a>)>,
}

impl<'a> Locator<'a> {
    /// A file's locator; without its text (a file that could not be read) every offset is
    /// at line 1, column 1.
    pub fn new(source: Option<&'a str>) -> Self {
        Locator {
            source: source.map(|text| (text, LineIndex::new(text))),
        }
    }

    pub fn has_source(&self) -> bool {
        self.source.is_some()
    }

    pub fn position(&self, offset: usize) -> Position {
        let Some((text, index)) = &self.source else {
            return Position {
                offset,
                line: 1,
                column: 1,
                utf16_column: 1,
            };
        };
        let (at, utf16) = index.position(offset);
        Position {
            offset: offset.min(text.len()),
            line: at.line,
            column: at.column,
            utf16_column: utf16 + 1,
        }
    }
}

/// The path with `/` between its parts on every system, as CI services and their
/// reports expect; elsewhere a backslash is part of a file name and stays.
pub fn slash_path(path: &Path) -> Cow<'_, str> {
    let text = path.to_string_lossy();
    if cfg!(windows) && text.contains('\\') {
        text.replace('\\', "/").into()
    } else {
        text
    }
}

/// The path as a URI reference (RFC 3986): relative paths stay relative, absolute ones
/// become `file://` URIs, and every byte outside the characters a path may hold is
/// percent-encoded (spaces, non-ASCII, `%`, `#`, `?`, and `:`, which would otherwise read
/// as a scheme in a relative reference).
pub fn uri(path: &Path) -> String {
    let bytes = path.as_os_str().as_encoded_bytes();
    let mut uri = String::with_capacity(bytes.len() + 8);
    if path.is_absolute() {
        uri.push_str("file://");
        // `C:/x` becomes `file:///C:/x`; `/x` already starts with its slash.
        if !bytes.starts_with(b"/") && !bytes.starts_with(b"\\") {
            uri.push('/');
        }
    }
    for (i, &byte) in bytes.iter().enumerate() {
        match byte {
            b'\\' if cfg!(windows) => uri.push('/'),
            // A drive letter's colon stays, as in `file:///C:/x`.
            b':' if cfg!(windows) && i == 1 && path.is_absolute() => uri.push(':'),
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'-'
            | b'.'
            | b'_'
            | b'~'
            | b'/'
            | b'!'
            | b'$'
            | b'&'
            | b'\''
            | b'('
            | b')'
            | b'*'
            | b'+'
            | b','
            | b';'
            | b'='
            | b'@' => uri.push(char::from(byte)),
            _ => uri.push_str(&format!("%{byte:02X}")),
        }
    }
    uri
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_in_characters_and_utf16_units() {
        let text = "ab\n中😀x\n";
        let locator = Locator::new(Some(text));
        let x = text.find('x').unwrap();
        let position = locator.position(x);
        assert_eq!((position.line, position.column), (2, 3));
        // 中 is one UTF-16 unit, 😀 two.
        assert_eq!(position.utf16_column, 4);
        assert_eq!(locator.position(text.len()).line, 3);
        assert_eq!(locator.position(text.len()).utf16_column, 1);
    }

    #[test]
    fn a_byte_order_mark_is_not_a_column_in_utf16_either() {
        let locator = Locator::new(Some("\u{feff}---\n"));
        let position = locator.position(4);
        assert_eq!((position.column, position.utf16_column), (2, 2));
    }

    #[test]
    fn without_text_every_offset_is_at_the_start() {
        let position = Locator::new(None).position(0);
        assert_eq!(
            (position.line, position.column, position.utf16_column),
            (1, 1, 1)
        );
    }

    #[test]
    fn uris_percent_encode_what_a_path_cannot_hold() {
        assert_eq!(uri(Path::new("posts/a-b_c.md")), "posts/a-b_c.md");
        assert_eq!(uri(Path::new("my posts/100%.md")), "my%20posts/100%25.md");
        assert_eq!(
            uri(Path::new("posts/中文.md")),
            "posts/%E4%B8%AD%E6%96%87.md"
        );
        assert_eq!(uri(Path::new("a:b/c#d?.md")), "a%3Ab/c%23d%3F.md");
        assert_eq!(uri(Path::new("../x [1].md")), "../x%20%5B1%5D.md");
    }

    #[cfg(unix)]
    #[test]
    fn absolute_paths_become_file_uris() {
        assert_eq!(
            uri(Path::new("/srv/blog/a b.md")),
            "file:///srv/blog/a%20b.md"
        );
    }
}
