//! The heading a page's template prints its title as, above the body: where the heading
//! rules start the page's outline.

use std::ops::Range;

use super::Context;
use crate::post::Post;
use crate::profile::TitleHeading;

/// The title heading of one page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TitleAt {
    /// 1 to 6.
    pub level: u8,
    /// What findings point at beside the heading: the `title` key, or the front matter.
    pub range: Range<usize>,
    /// Why the title is a heading there, for the finding's label.
    pub why: String,
}

/// The heading the page's template prints the title as, if it prints one: from
/// postlint.toml's `title-heading`, else the site's own template for the page, else the
/// profile's default.
pub fn title_heading(post: &Post, context: &Context) -> Option<TitleAt> {
    let profile = &context.profile;
    let range = post
        .front_matter
        .as_ref()
        .and_then(|front_matter| front_matter.get("title"))
        .map_or_else(|| post.anchor(), |entry| entry.key_range.clone());
    let has_title = post.front_matter_title || post.page.given.iter().any(|key| key == "title");
    let at = |level: u8, why: String| TitleAt {
        level,
        range: range.clone(),
        why,
    };
    if !profile.title_heading_configured
        && let Some(template) = &post.page.title_template
    {
        return has_title.then(|| {
            at(
                template.level,
                format!(
                    "`{}` prints the title as an h{} above the body",
                    template.template, template.level
                ),
            )
        });
    }
    match profile.title_heading {
        TitleHeading::FrontMatter => post
            .front_matter_title
            .then(|| at(1, "the front matter title counts as h1".into())),
        TitleHeading::Level(level) => has_title.then(|| {
            let why = if profile.title_heading_configured {
                format!("`title-heading = \"h{level}\"`: the theme prints the title as an h{level}")
            } else {
                format!(
                    "{} themes print the title as an h{level} above the body",
                    profile.generator
                )
            };
            at(level, why)
        }),
        TitleHeading::UnlessBodyOpensWithH1 => {
            // Docs and blog posts get the heading; a Markdown page of `src/pages` does not.
            let hidden = post
                .value("hide_title")
                .and_then(crate::post::Value::as_bool)
                .unwrap_or(false)
                || post.page.collection.is_none();
            (!post.opens_with_h1 && !hidden).then(|| {
                at(
                    1,
                    format!(
                        "{} prints the title as an h1 when the content does not start with one",
                        profile.generator
                    ),
                )
            })
        }
        TitleHeading::None => None,
    }
}
