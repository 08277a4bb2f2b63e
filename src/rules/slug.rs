//! The slug the slug rules judge, and the slugs they suggest. What the slug is comes from
//! the site's model ([`crate::site::Slug`]).

use std::borrow::Cow;

use super::FieldNames;
use crate::post::Post;
use crate::site::slug::{Slug, slug_of};

/// The slug a slug rule judges: the part of the URL the site's model says the author
/// chose by name, or, when the rule names its own `fields`, the first of them that is set
/// (else the file name). `None` where the URL uses no slug, or it cannot be told.
pub fn judged_slug<'a>(post: &'a Post, fields: Option<&FieldNames>) -> Option<Cow<'a, Slug>> {
    match fields {
        Some(names) => slug_of(post, names, true).map(Cow::Owned),
        None => post.page.slug.as_ref().map(Cow::Borrowed),
    }
}

/// A slug in the default format made from `text`: transliterated to ASCII (`é` → `e`,
/// `中文` → `zhong-wen`), lowercased, words joined by single hyphens, cut at a word
/// boundary to `max_length` characters.
pub fn suggest_slug(text: &str, max_length: usize) -> String {
    let ascii = deunicode::deunicode(text).to_ascii_lowercase();
    let words = ascii
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty());
    let mut slug = String::new();
    for word in words {
        let extra = usize::from(!slug.is_empty()) + word.len();
        if slug.len() + extra > max_length {
            if slug.is_empty() {
                slug.push_str(&word[..max_length]);
            }
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(word);
    }
    slug
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions() {
        assert_eq!(suggest_slug("My_Post Title--2", 75), "my-post-title-2");
        assert_eq!(suggest_slug("Café crème", 75), "cafe-creme");
        assert_eq!(suggest_slug("中文", 75), "zhong-wen");
        assert_eq!(suggest_slug("aaaa-bbbb-cccc", 9), "aaaa-bbbb");
        assert_eq!(suggest_slug("abcdefghij", 4), "abcd");
        assert_eq!(suggest_slug("---", 75), "");
    }
}
