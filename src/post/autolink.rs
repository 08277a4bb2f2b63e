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

/// Whether `text` holds a `://` or a `www.`. Every text run of a post is asked, so this
/// is memchr's vectorised search, with searchers built once.
fn may_hold_url(text: &str) -> bool {
    static SCHEME: LazyLock<Finder> = LazyLock::new(|| Finder::new("://"));
    static WWW: LazyLock<Finder> = LazyLock::new(|| Finder::new("www."));
    SCHEME.find(text.as_bytes()).is_some() || WWW.find(text.as_bytes()).is_some()
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
    use super::*;

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
