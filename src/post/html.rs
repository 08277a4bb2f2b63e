//! Finding `<img>` tags in raw HTML, and reading their attributes as a browser does: names
//! in any case, values double-quoted, single-quoted or bare, character references decoded.

use std::ops::Range;

/// An `<img>` tag found in HTML text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImgTag {
    /// From `<` to `>` in the scanned text.
    pub range: Range<usize>,
    /// The `alt` attribute, decoded; `Some("")` for `alt=""` and for a bare `alt`.
    pub alt: Option<String>,
    pub src: Option<String>,
    /// `role="presentation"`, `role="none"` or `aria-hidden="true"`: marked decorative
    /// without an `alt`, which assistive technology also accepts.
    pub hidden: bool,
}

/// Every complete `<img>` tag in `html`, outside comments and the raw text of `<script>`,
/// `<style>` and `<textarea>`.
pub fn img_tags(html: &str) -> Vec<ImgTag> {
    let mut tags = Vec::new();
    let bytes = html.as_bytes();
    let mut at = 0;
    while let Some(found) = html[at..].find('<') {
        let start = at + found;
        let rest = &html[start..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            at = match comment.find("-->") {
                Some(end) => start + 4 + end + 3,
                None => return tags,
            };
            continue;
        }
        if let Some(name) = raw_text_element(rest) {
            let close = format!("</{name}");
            at = match find_ignore_case(&html[start + 1..], &close) {
                Some(end) => start + 1 + end + close.len(),
                None => return tags,
            };
            continue;
        }
        let is_img = rest.len() > 4
            && rest.as_bytes()[1..4].eq_ignore_ascii_case(b"img")
            && matches!(
                bytes[start + 4],
                b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>'
            );
        if !is_img {
            at = start + 1;
            continue;
        }
        match read_tag(html, start + 4) {
            Some((end, tag)) => {
                tags.push(ImgTag {
                    range: start..end,
                    ..tag
                });
                at = end;
            }
            None => return tags,
        }
    }
    tags
}

/// `script`, `style` or `textarea` when `tag` opens one: its content is text, not tags.
fn raw_text_element(tag: &str) -> Option<&'static str> {
    ["script", "style", "textarea"].into_iter().find(|name| {
        tag.len() > name.len() + 1
            && tag.as_bytes()[1..=name.len()].eq_ignore_ascii_case(name.as_bytes())
            && matches!(
                tag.as_bytes()[name.len() + 1],
                b' ' | b'\t' | b'\n' | b'\r' | b'>'
            )
    })
}

fn find_ignore_case(haystack: &str, needle: &str) -> Option<usize> {
    let needle = needle.as_bytes();
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|window| window.eq_ignore_ascii_case(needle))
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// Reads the attributes of a tag from `at` (just after its name) to its `>`. Returns the
/// offset after the `>`, or `None` when the tag is never closed.
fn read_tag(html: &str, mut at: usize) -> Option<(usize, ImgTag)> {
    let bytes = html.as_bytes();
    let mut tag = ImgTag {
        range: 0..0,
        alt: None,
        src: None,
        hidden: false,
    };
    let mut seen = Vec::new();
    loop {
        while at < bytes.len() && (is_space(bytes[at]) || bytes[at] == b'/') {
            at += 1;
        }
        match bytes.get(at) {
            None => return None,
            Some(b'>') => return Some((at + 1, tag)),
            Some(_) => {}
        }
        let name_start = at;
        // The first character may be `=` (an odd but valid name), never the end of one.
        at += 1;
        while at < bytes.len() && !is_space(bytes[at]) && !matches!(bytes[at], b'/' | b'>' | b'=') {
            at += 1;
        }
        let name = html[name_start..at].to_ascii_lowercase();
        while at < bytes.len() && is_space(bytes[at]) {
            at += 1;
        }
        let mut value = String::new();
        if bytes.get(at) == Some(&b'=') {
            at += 1;
            while at < bytes.len() && is_space(bytes[at]) {
                at += 1;
            }
            let raw = match bytes.get(at) {
                None => return None,
                Some(&quote @ (b'"' | b'\'')) => {
                    let end = at + 1 + html[at + 1..].find(char::from(quote))?;
                    let raw = &html[at + 1..end];
                    at = end + 1;
                    raw
                }
                Some(_) => {
                    let start = at;
                    while at < bytes.len() && !is_space(bytes[at]) && bytes[at] != b'>' {
                        at += 1;
                    }
                    &html[start..at]
                }
            };
            value = decode_entities(raw);
        }
        // The first of duplicate attributes wins.
        if seen.contains(&name) {
            continue;
        }
        match name.as_str() {
            "alt" => tag.alt = Some(value),
            "src" => tag.src = Some(value),
            "role" => {
                tag.hidden |= value
                    .split_ascii_whitespace()
                    .next()
                    .is_some_and(|role| matches!(role, "presentation" | "none"))
            }
            "aria-hidden" => tag.hidden |= value.trim().eq_ignore_ascii_case("true"),
            _ => {}
        }
        seen.push(name);
    }
}

/// Decodes the character references an attribute value commonly holds: `&amp;`, `&lt;`,
/// `&gt;`, `&quot;`, `&apos;`, `&nbsp;` and numeric ones. Others are left as written.
pub fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let decoded = rest.find(';').filter(|&end| end <= 10).and_then(|end| {
            let name = &rest[1..end];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                _ => {
                    let number = name.strip_prefix('#')?;
                    let code = match number.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => number.parse().ok()?,
                    };
                    char::from_u32(code)
                }
            }?;
            Some((c, end + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn alts(html: &str) -> Vec<Option<String>> {
        img_tags(html).into_iter().map(|tag| tag.alt).collect()
    }

    #[test]
    fn quoting_and_case() {
        assert_eq!(
            alts(
                r#"<img src="a.png" alt="A cat"><IMG SRC='b.png' ALT='Two cats'><img alt=bare src=c>"#
            ),
            [
                Some("A cat".into()),
                Some("Two cats".into()),
                Some("bare".into())
            ]
        );
        let tags = img_tags("<Img\n  src = \"d.png\"\n  alt = 'multi line' />");
        assert_eq!(tags[0].src.as_deref(), Some("d.png"));
        assert_eq!(tags[0].alt.as_deref(), Some("multi line"));
    }

    #[test]
    fn empty_bare_and_absent_alt() {
        assert_eq!(
            alts(r#"<img src=a alt=""><img alt src=b><img src=c><img src=d alt>"#),
            [
                Some(String::new()),
                Some(String::new()),
                None,
                Some(String::new())
            ]
        );
    }

    #[test]
    fn decorative_roles() {
        let tags = img_tags(
            r#"<img src=a role="presentation"><img src=b aria-hidden=TRUE><img src=c role=img>"#,
        );
        let hidden: Vec<bool> = tags.iter().map(|tag| tag.hidden).collect();
        assert_eq!(hidden, [true, true, false]);
    }

    #[test]
    fn ranges_cover_the_tag() {
        let html = "<p>x <img src=a alt='b > c'> y</p>";
        let tags = img_tags(html);
        assert_eq!(&html[tags[0].range.clone()], "<img src=a alt='b > c'>");
        assert_eq!(tags[0].alt.as_deref(), Some("b > c"));
    }

    #[test]
    fn not_in_comments_raw_text_or_other_tags() {
        assert!(alts("<!-- <img src=a> --><script>'<img src=b>'</script><imgx src=c>").is_empty());
        assert!(alts("<style>img{}</style><textarea><img src=d></textarea>").is_empty());
        // An unclosed tag is not an image.
        assert!(alts("<img src=a alt='b").is_empty());
        assert_eq!(alts("<!-- a --><img alt=x>"), [Some("x".into())]);
    }

    #[test]
    fn duplicate_attributes_keep_the_first() {
        assert_eq!(alts("<img alt=one alt=two>"), [Some("one".into())]);
    }

    #[test]
    fn entities() {
        assert_eq!(
            decode_entities("Tom &amp; Jerry &#x4E2D;&#25991; &copy; a&b"),
            "Tom & Jerry 中文 &copy; a&b"
        );
    }
}
