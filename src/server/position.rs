//! The edge where byte offsets meet the protocol: positions in UTF-16 code units, and
//! file URIs.

use std::ops::Range;
use std::path::{Path, PathBuf};

use lsp_types::{Position, Uri};

use crate::diagnostic::floor_char_boundary;

/// Converts byte offsets of one text to LSP positions and back. Lines end as CommonMark's
/// (and the protocol's) do: `\n`, `\r\n` or a lone `\r`.
pub struct Utf16Index<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> Utf16Index<'a> {
    pub fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        for (i, &b) in bytes.iter().enumerate() {
            if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                line_starts.push(i + 1);
            }
        }
        Utf16Index { text, line_starts }
    }

    /// The position of a byte offset; an offset inside a character counts from its start.
    pub fn position(&self, offset: usize) -> Position {
        let offset = floor_char_boundary(self.text, offset);
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let start = self.line_starts[line];
        let character = self.text[start..offset].encode_utf16().count();
        Position::new(line as u32, character as u32)
    }

    pub fn range(&self, range: &Range<usize>) -> lsp_types::Range {
        lsp_types::Range::new(self.position(range.start), self.position(range.end))
    }

    /// The byte offset of a position; past a line's end it is the line's end (before its
    /// line ending), past the last line the end of the text.
    pub fn offset(&self, position: Position) -> usize {
        let Some(&start) = self.line_starts.get(position.line as usize) else {
            return self.text.len();
        };
        let end = self
            .line_starts
            .get(position.line as usize + 1)
            .copied()
            .unwrap_or(self.text.len());
        let line = self.text[start..end].trim_end_matches(['\n', '\r']);
        let mut units = 0;
        for (index, ch) in line.char_indices() {
            if units >= position.character as usize {
                return start + index;
            }
            units += ch.len_utf16();
        }
        start + line.len()
    }

    /// The byte offset where the line holding `offset` starts.
    pub fn line_start(&self, offset: usize) -> usize {
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        self.line_starts[line]
    }
}

/// The file a `file:` URI names; `None` for other schemes (an unsaved buffer).
pub fn uri_to_path(uri: &Uri) -> Option<PathBuf> {
    let text = uri.as_str();
    let rest = text.strip_prefix("file://")?;
    // `file://host/path` is rare; `file:///path` has an empty host.
    let path = &rest[rest.find('/')?..];
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let decoded = percent_decode(path)?;
    // `file:///C:/x` on Windows is the path `C:/x`.
    let windows_drive = decoded.len() > 2
        && decoded.as_bytes()[2] == b':'
        && decoded.as_bytes()[1].is_ascii_alphabetic();
    if cfg!(windows) && windows_drive {
        return Some(PathBuf::from(&decoded[1..]));
    }
    Some(PathBuf::from(decoded))
}

/// The `file:` URI of an absolute path.
pub fn path_to_uri(path: &Path) -> Option<Uri> {
    let text = path.to_str()?.replace('\\', "/");
    let mut uri = String::from("file://");
    if !text.starts_with('/') {
        uri.push('/');
    }
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"/-._~:".contains(&byte) {
            uri.push(byte as char);
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    uri.parse().ok()
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_outside_the_basic_plane_take_two_units() {
        let index = Utf16Index::new("a\n中文😀x\r\ny");
        assert_eq!(index.position(2), Position::new(1, 0));
        // 中 and 文 are one unit each, the emoji two.
        assert_eq!(index.position(8), Position::new(1, 2));
        assert_eq!(index.position(12), Position::new(1, 4));
        assert_eq!(index.position(15), Position::new(2, 0));
        assert_eq!(index.offset(Position::new(1, 4)), 12);
        assert_eq!(index.offset(Position::new(1, 99)), 13);
        assert_eq!(index.offset(Position::new(9, 0)), 16);
    }

    #[test]
    fn file_uris_round_trip() {
        let path = Path::new("/tmp/博客/a b.md");
        let uri = path_to_uri(path).unwrap();
        assert_eq!(uri.as_str(), "file:///tmp/%E5%8D%9A%E5%AE%A2/a%20b.md");
        assert_eq!(uri_to_path(&uri).unwrap(), path);
    }
}
