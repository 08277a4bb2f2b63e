//! `link-text`: a link whose text says nothing about where it leads (`click here`, `这里`),
//! and, when asked for (`bare-urls = true`), a link whose text is a bare URL.

use serde::Deserialize;

use super::{Context, Rule};
use crate::diagnostic::Finding;
use crate::post::{Link, LinkKind, Post};

/// Link texts that say nothing out of context. English: Lighthouse's `link-text` list
/// (`core/audits/seo/link-text.js`) with markdownlint MD059's defaults (`click here`,
/// `here`, `link`, `more`). Japanese and Korean: Lighthouse's lists, plus `ここ`, `こちら`,
/// `詳細`, `詳しくはこちら`, `もっと見る`, `더 보기`, `더보기`. Chinese, which Lighthouse
/// has no list for, simplified and traditional: ours.
#[rustfmt::skip]
pub const NON_DESCRIPTIVE: &[&str] = &[
    // English
    "click here", "click this", "go", "here", "information", "learn more", "link", "more",
    "more info", "more information", "right here", "read more", "see more", "start", "this",
    // Chinese
    "这里", "此处", "点这里", "点击这里", "点击此处", "点此", "点击", "更多", "阅读更多",
    "查看更多", "了解更多", "详情", "查看详情", "链接", "这个链接", "這裡", "這裏", "此處",
    "點這裡", "點擊這裡", "點此", "點擊", "閱讀更多", "查看更多", "了解更多", "詳情", "連結",
    // Japanese
    "ここ", "こちら", "ここをクリック", "こちらをクリック", "リンク", "続きを読む", "続く",
    "全文表示", "詳細", "詳しくはこちら", "もっと見る",
    // Korean
    "여기", "여기를 클릭", "클릭", "링크", "자세히", "자세히 보기", "계속", "이동", "전체 보기",
    "더 보기", "더보기",
];

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct LinkText {
    /// Link texts that say nothing, compared case-insensitively after trimming spaces and
    /// punctuation; unset, the built-in English, Chinese, Japanese and Korean list.
    pub prohibited_texts: Option<Vec<String>>,
    /// Whether a link whose text is a URL (`<https://…>`, a bare `https://…` in the text,
    /// `[https://…](…)`) is reported. Off by default: a URL names where it leads, and
    /// release notes and reference lists are written that way everywhere.
    pub bare_urls: bool,
}

/// Lowercase, without the spaces, punctuation and symbols around it (`Read more »`,
/// `「更多」`, `here.`), inner runs of spaces as one.
fn normalize(text: &str) -> String {
    let trimmed = text.trim_matches(|c: char| !c.is_alphanumeric());
    let mut out = String::with_capacity(trimmed.len());
    for word in trimmed.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// Whether the text is a full `http(s)` URL or starts with `www.`, as Lighthouse's
/// `isFullUrl` decides for the former.
fn is_url(text: &str) -> bool {
    let text = text.trim();
    if text.contains(char::is_whitespace) {
        return false;
    }
    let lower = text.to_ascii_lowercase();
    ["http://", "https://", "www."]
        .iter()
        .any(|prefix| lower.len() > prefix.len() && lower.starts_with(prefix))
}

/// A URL short enough for a message.
fn shown(url: &str) -> String {
    const MAX: usize = 60;
    match url.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}…", &url[..cut]),
        None => url.to_owned(),
    }
}

/// Text in backticks, or in double backticks when it holds one (`` a`b ``).
fn code(text: &str) -> String {
    if text.contains('`') {
        format!("`` {text} ``")
    } else {
        format!("`{text}`")
    }
}

/// What a link is about, for messages: its destination.
fn destination(link: &Link) -> String {
    if link.destination.is_empty() {
        "nowhere".to_owned()
    } else {
        code(&shown(&link.destination))
    }
}

const WHY: &str = "screen readers list a page's links by their text alone, and search \
                   engines read it as a description of the page it points to";

impl LinkText {
    fn prohibits(&self, text: &str) -> bool {
        match &self.prohibited_texts {
            Some(texts) => texts.iter().any(|t| normalize(t) == text),
            None => NON_DESCRIPTIVE.contains(&text),
        }
    }

    fn finding(&self, link: &Link) -> Option<Finding> {
        let destination_lower = link.destination.to_ascii_lowercase();
        if link.kind == LinkKind::Email
            || destination_lower.starts_with("mailto:")
            || destination_lower.starts_with("javascript:")
        {
            return None;
        }
        if link.kind != LinkKind::Written || is_url(&link.text) {
            if !self.bare_urls {
                return None;
            }
            return Some(
                Finding::new(
                    link.range.clone(),
                    format!(
                        "link text is the bare URL {}",
                        code(&shown(link.text.trim()))
                    ),
                )
                .label("URL as text")
                .help(format!(
                    "link words that say what the page is, as `[the Rust book]({})`; a screen \
                     reader spells a URL out, and a reader cannot tell from it what is there",
                    shown(&link.destination)
                )),
            );
        }
        let text = normalize(&link.text);
        if text.is_empty() {
            // A linked image without alt text is image-alt-missing's to report.
            if link.has_image || !link.text.trim().is_empty() {
                return None;
            }
            return Some(
                Finding::new(
                    link.range.clone(),
                    format!("link to {} has no text", destination(link)),
                )
                .label("empty link text")
                .help(format!(
                    "write what the link leads to between the brackets; {WHY}"
                )),
            );
        }
        if !self.prohibits(&text) {
            return None;
        }
        Some(
            Finding::new(
                link.range.clone(),
                format!(
                    "link text {} says nothing about {}",
                    code(link.text.trim()),
                    destination(link)
                ),
            )
            .label("says nothing")
            .help(format!(
                "name what the link leads to, as `see [the rustup installation guide](…)` \
                 rather than `click [here](…)`; {WHY}"
            )),
        )
    }
}

impl Rule for LinkText {
    fn check(&self, post: &Post, _: &Context, findings: &mut Vec<Finding>) {
        findings.extend(post.links.iter().filter_map(|link| self.finding(link)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::check;

    fn messages(rule: &LinkText, source: &str) -> Vec<String> {
        check(rule, source)
            .into_iter()
            .map(|finding| finding.message)
            .collect()
    }

    fn lint(source: &str) -> Vec<String> {
        messages(&LinkText::default(), source)
    }

    #[test]
    fn descriptive_text_passes() {
        assert!(
            lint("See [the rustup guide](https://rustup.rs) and [更多示例代码](x.md).\n")
                .is_empty()
        );
        // A phrase that contains a prohibited one is fine: only the whole text is compared.
        assert!(lint("[Read more about lifetimes](a.md) [here be dragons](b.md)\n").is_empty());
        // A linked image is named by its alt text.
        assert!(lint("[![Build status](badge.svg)](https://ci.example)\n").is_empty());
        // Mail links say who they reach.
        assert!(lint("<me@example.com> [write to me](mailto:me@example.com)\n").is_empty());
    }

    #[test]
    fn text_that_says_nothing_in_four_languages() {
        assert_eq!(
            lint(
                "[Click HERE!](a.md) [**more**](b.md) [Read more »](c.md) [这里](d.md) [「更多」](e.md) [ここをクリック](f.md) [여기](g.md)\n"
            ),
            [
                "link text `Click HERE!` says nothing about `a.md`",
                "link text `more` says nothing about `b.md`",
                "link text `Read more »` says nothing about `c.md`",
                "link text `这里` says nothing about `d.md`",
                "link text `「更多」` says nothing about `e.md`",
                "link text `ここをクリック` says nothing about `f.md`",
                "link text `여기` says nothing about `g.md`",
            ]
        );
    }

    #[test]
    fn reference_links_and_headings() {
        assert_eq!(
            lint("## [Link][r]\n\nText [here][r].\n\n[r]: https://r.example\n"),
            [
                "link text `Link` says nothing about `https://r.example`",
                "link text `here` says nothing about `https://r.example`",
            ]
        );
    }

    #[test]
    fn bare_urls_as_text_when_asked_for() {
        assert!(
            lint("<https://a.example> https://b.example [https://c.example](https://c.example)\n")
                .is_empty()
        );
        let words = LinkText {
            bare_urls: true,
            ..LinkText::default()
        };
        let lint = |source: &str| messages(&words, source);
        assert_eq!(
            lint(
                "<https://a.example> and https://b.example/x, [https://c.example](https://c.example) [www.d.example](http://www.d.example)\n"
            ),
            [
                "link text is the bare URL `https://a.example`",
                "link text is the bare URL `https://b.example/x`",
                "link text is the bare URL `https://c.example`",
                "link text is the bare URL `www.d.example`",
            ]
        );
        assert_eq!(
            lint("<https://a.example/`f()`>\n"),
            ["link text is the bare URL `` https://a.example/`f()` ``"]
        );
    }

    #[test]
    fn empty_text_unless_an_image_without_alt_is_the_text() {
        assert_eq!(
            lint("[](a.md) [ ](b.md)\n"),
            ["link to `a.md` has no text", "link to `b.md` has no text"]
        );
        assert!(lint("[![](badge.svg)](https://ci.example)\n").is_empty());
    }

    #[test]
    fn not_in_code() {
        let words = LinkText {
            bare_urls: true,
            ..LinkText::default()
        };
        let lint = |source: &str| messages(&words, source);
        assert!(lint("`[here](a.md)` https://x.example in `code`\n\n```\n[here](a.md) https://b.example\n```\n").len() == 1);
    }

    #[test]
    fn configured_texts_replace_the_list() {
        let rule = LinkText {
            prohibited_texts: Some(vec!["Hier klicken".into()]),
            ..LinkText::default()
        };
        assert_eq!(
            messages(&rule, "[hier klicken](a.md) [here](b.md)\n"),
            ["link text `hier klicken` says nothing about `a.md`"]
        );
    }
}
