//! GitHub Flavored Markdown's extended autolinks: a bare `https://…`, `http://…` or `www.…`
//! in text, which GitHub, Hugo (Goldmark's linkify) and Hexo (marked) turn into a link
//! whose text is the URL. pulldown-cmark does not read them, so they are found here.

use std::ops::Range;
use std::sync::LazyLock;

use memchr::memmem::Finder;

/// The bare URLs in `text`, as the GFM spec delimits them: a scheme not glued to a
/// preceding letter, or `www.` at the start of a word; a domain; then everything up to a
/// space or `<`, without trailing punctuation, an unbalanced `)` or a trailing entity.
/// CJK punctuation (`，` `。` `）`) also ends one, as a writer of CJK text means it to.
pub fn bare_urls(text: &str) -> Vec<Range<usize>> {
    let mut urls = Vec::new();
    if !may_hold_url(text) {
        return urls;
    }
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let Some(prefix) = url_prefix(text, at) else {
            at += 1;
            continue;
        };
        let domain_end = domain_end(text, at + prefix);
        if domain_end == at + prefix {
            at += prefix;
            continue;
        }
        let end = trim_end(text, at, url_end(text, domain_end));
        if end <= at + prefix {
            at += prefix;
            continue;
        }
        urls.push(at..end);
        at = end;
    }
    urls
}

/// Whether `text` holds a `://` or a `www.`, with memchr's vectorised search.
fn may_hold_url(text: &str) -> bool {
    SCHEME.find(text.as_bytes()).is_some() || WWW.find(text.as_bytes()).is_some()
}

static SCHEME: LazyLock<Finder> = LazyLock::new(|| Finder::new("://"));
static WWW: LazyLock<Finder> = LazyLock::new(|| Finder::new("www."));

/// Where a body's `://` and `www.` are, found in one search each. A post has a hundred
/// text runs or so, nearly all without either, and searching each run on its own costs a
/// search's set-up per run; this answers [`may_hold_url`] for a run of the body from the
/// positions instead. Neither pattern can overlap itself, so no position is missed.
pub struct UrlMarks {
    /// Start and length of each, in order.
    marks: Vec<(usize, usize)>,
}

impl UrlMarks {
    pub fn of(body: &str) -> UrlMarks {
        let bytes = body.as_bytes();
        let mut marks: Vec<(usize, usize)> = SCHEME
            .find_iter(bytes)
            .map(|start| (start, 3))
            .chain(WWW.find_iter(bytes).map(|start| (start, 4)))
            .collect();
        marks.sort_unstable();
        UrlMarks { marks }
    }

    /// Whether `run` of the body holds a whole `://` or `www.`: what [`may_hold_url`]
    /// says of its text.
    pub fn any_in(&self, run: &Range<usize>) -> bool {
        let first = self.marks.partition_point(|&(start, _)| start < run.start);
        self.marks[first..]
            .iter()
            .take_while(|&&(start, _)| start < run.end)
            .any(|&(start, length)| start + length <= run.end)
    }
}

/// The length of `http://`, `https://` or `www.` when one starts a URL at `at`.
fn url_prefix(text: &str, at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let before = at.checked_sub(1).map(|i| bytes[i]);
    let rest = &bytes[at..];
    let starts = |prefix: &[u8]| {
        rest.len() >= prefix.len() && rest[..prefix.len()].eq_ignore_ascii_case(prefix)
    };
    if matches!(rest.first(), Some(b'h' | b'H')) {
        // A scheme glued to letters (`xhttps://`) is another scheme.
        if before.is_some_and(|b| b.is_ascii_alphabetic()) {
            return None;
        }
        if starts(b"https://") {
            return Some(8);
        }
        if starts(b"http://") {
            return Some(7);
        }
    } else if rest.starts_with(b"www.")
        && before.is_none_or(|b| b.is_ascii_whitespace() || matches!(b, b'*' | b'_' | b'~' | b'('))
    {
        return Some(4);
    }
    None
}

/// Where the domain starting at `at` ends: letters, digits, `-`, `_` and `.`.
fn domain_end(text: &str, at: usize) -> usize {
    text[at..]
        .char_indices()
        .find(|&(_, c)| !(c.is_alphanumeric() || matches!(c, '-' | '_' | '.')))
        .map_or(text.len(), |(i, _)| at + i)
}

/// Where the URL ends before trimming: at a space, `<`, or CJK punctuation.
fn url_end(text: &str, at: usize) -> usize {
    text[at..]
        .char_indices()
        .find(|&(_, c)| c.is_whitespace() || c == '<' || is_cjk_punctuation(c))
        .map_or(text.len(), |(i, _)| at + i)
}

fn is_cjk_punctuation(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{303F}'
        | '\u{FF01}'..='\u{FF0F}'
        | '\u{FF1A}'..='\u{FF20}'
        | '\u{FF3B}'..='\u{FF40}'
        | '\u{FF5B}'..='\u{FF65}')
}

/// GFM's trailing-punctuation rules on `text[start..end]`.
fn trim_end(text: &str, start: usize, mut end: usize) -> usize {
    loop {
        let url = &text[start..end];
        let Some(last) = url.chars().next_back() else {
            return end;
        };
        match last {
            '?' | '!' | '.' | ',' | ':' | '*' | '_' | '~' | '\'' | '"' => end -= 1,
            ')' if url.matches(')').count() > url.matches('(').count() => end -= 1,
            ';' => {
                let name =
                    url[..url.len() - 1].trim_end_matches(|c: char| c.is_ascii_alphanumeric());
                if name.ends_with('&') && name.len() < url.len() - 1 {
                    end = start + name.len() - 1;
                } else {
                    return end;
                }
            }
            _ => return end,
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5000))]
        /// The marks of a whole body say of each run what searching the run's text says.
        #[test]
        fn marks_agree_with_searching_each_run(
            pieces in prop::collection::vec(
                prop::sample::select(vec![
                    "w", "ww", "www", "www.", ".", ":", "/", "//", "://", "h", "http", "a", " ",
                    "é", "。", "wwww.",
                ]),
                0..24,
            ),
            cuts in prop::collection::vec(any::<prop::sample::Index>(), 2),
        ) {
            let body: String = pieces.concat();
            let boundaries: Vec<usize> =
                (0..=body.len()).filter(|&i| body.is_char_boundary(i)).collect();
            let mut ends = [cuts[0].get(&boundaries), cuts[1].get(&boundaries)];
            ends.sort();
            let run = *ends[0]..*ends[1];
            prop_assert_eq!(
                UrlMarks::of(&body).any_in(&run),
                may_hold_url(&body[run.clone()]),
                "{:?} in {:?}", run, body
            );
        }
    }

    fn found(text: &str) -> Vec<&str> {
        bare_urls(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn schemes_and_www() {
        assert_eq!(
            found("see https://example.com/a_b?x=1, or www.example.org. and HTTP://A.B"),
            [
                "https://example.com/a_b?x=1",
                "www.example.org",
                "HTTP://A.B"
            ]
        );
        assert_eq!(
            found("http://localhost:8080/path"),
            ["http://localhost:8080/path"]
        );
    }

    #[test]
    fn boundaries() {
        assert!(found("xhttps://example.com notwww.example.com").is_empty());
        assert!(found("https:// and www. alone").is_empty());
        assert_eq!(found("(www.example.com)"), ["www.example.com"]);
        assert_eq!(found("*www.a.b*"), ["www.a.b"]);
        assert_eq!(
            found("访问https://example.com获取"),
            ["https://example.com获取"]
        );
        assert_eq!(
            found("地址：https://example.com/a，谢谢"),
            ["https://example.com/a"]
        );
        assert_eq!(found("a https://x.y<br> b"), ["https://x.y"]);
    }

    #[test]
    fn trailing_punctuation_parentheses_and_entities() {
        assert_eq!(
            found("https://en.wikipedia.org/wiki/Rust_(language))."),
            ["https://en.wikipedia.org/wiki/Rust_(language)"]
        );
        assert_eq!(found("https://a.b/c&amp; x"), ["https://a.b/c"]);
        assert_eq!(found("https://a.b/c;d; x"), ["https://a.b/c;d;"]);
        assert_eq!(found("https://a.b/?!.,:*_~"), ["https://a.b/"]);
    }
}
