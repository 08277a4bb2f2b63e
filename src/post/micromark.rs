//! Blocks that markdownlint's parser (micromark with its math and directive extensions)
//! reads and pulldown-cmark does not, found by a line scan so that the headings agree.
//!
//! - Math flow: a line of two or more `$` (and text without `$`) opens a block that a line
//!   of at least as many `$` closes, or the end of the document; nothing inside is Markdown.
//! - Container directives: `:::name` opens and `:::` closes; neither line is paragraph
//!   text, so neither can be the text of a setext heading.
//!
//! Lines inside code and HTML blocks are skipped; block quote markers are looked through.

use std::ops::Range;

pub struct Blocks {
    math: Vec<Range<usize>>,
    directive_fences: Vec<usize>,
}

impl Blocks {
    /// Scans `body`; `opaque` are the code and HTML blocks pulldown-cmark found.
    pub fn scan(body: &str, opaque: &[Range<usize>]) -> Blocks {
        let mut blocks = Blocks {
            math: Vec::new(),
            directive_fences: Vec::new(),
        };
        // Cheap exit for the common post without either construct (memchr's SIMD search:
        // `str::contains` was 4 % of a run).
        let has = |needle: &str| memchr::memmem::find(body.as_bytes(), needle.as_bytes()).is_some();
        if !has("$$") && !has(":::") {
            return blocks;
        }
        let mut math: Option<(usize, usize)> = None;
        let mut open_directives = 0usize;
        let mut offset = 0;
        for line in body.split_inclusive(['\n', '\r']) {
            let start = offset;
            offset += line.len();
            if opaque.iter().any(|block| block.contains(&start)) {
                continue;
            }
            let content = strip_container_prefix(line.trim_end_matches(['\n', '\r']));
            if let Some((math_start, dollars)) = math {
                let closing = content.trim_end();
                if closing.len() >= dollars && closing.bytes().all(|b| b == b'$') {
                    blocks.math.push(math_start..offset);
                    math = None;
                }
                continue;
            }
            let dollars = content.bytes().take_while(|&b| b == b'$').count();
            if dollars >= 2 && !content[dollars..].contains('$') {
                math = Some((start, dollars));
                continue;
            }
            let colons = content.bytes().take_while(|&b| b == b':').count();
            if colons >= 3 {
                let rest = &content[colons..];
                if rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
                    open_directives += 1;
                    blocks.directive_fences.push(start);
                } else if rest.trim().is_empty() && open_directives > 0 {
                    open_directives -= 1;
                    blocks.directive_fences.push(start);
                }
            }
        }
        if let Some((math_start, _)) = math {
            blocks.math.push(math_start..body.len());
        }
        blocks
    }

    pub fn in_math(&self, line_start: usize) -> bool {
        self.math.iter().any(|block| block.contains(&line_start))
    }

    pub fn is_directive_fence(&self, line_start: usize) -> bool {
        self.directive_fences.contains(&line_start)
    }
}

/// A line without its indentation (up to three spaces) and block quote markers.
fn strip_container_prefix(line: &str) -> &str {
    let mut rest = line;
    loop {
        let indent = rest.len() - rest.trim_start_matches(' ').len();
        if indent > 3 {
            return rest;
        }
        let trimmed = &rest[indent..];
        match trimmed.strip_prefix('>') {
            Some(after) => rest = after.strip_prefix(' ').unwrap_or(after),
            None => return trimmed,
        }
    }
}
