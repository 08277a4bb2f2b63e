//! `image-alt-missing`: an image without alt text.

use serde::Deserialize;

use super::{Context, Rule};
use crate::diagnostic::Finding;
use crate::post::{Alt, Image, Post};

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ImageAltMissing {}

/// How an image is named in messages: by where it points.
pub(super) fn image_name(image: &Image) -> String {
    if image.destination.is_empty() {
        "image without a `src`".to_owned()
    } else {
        format!("image `{}`", image.destination)
    }
}

fn message(image: &Image) -> String {
    let name = image_name(image);
    match image.alt {
        Alt::Blank => format!("{name} has an `alt` of spaces only"),
        _ if image.html => format!("{name} has no `alt` attribute"),
        _ => format!("{name} has no alt text"),
    }
}

const WHY: &str = "screen readers read it in place of the image, search engines index it, and \
                   browsers show it when the image fails to load";

fn help(image: &Image) -> String {
    if image.html {
        format!(
            "describe what the image shows in `alt=\"…\"`, or write `alt=\"\"` if it is only \
             decoration; {WHY}"
        )
    } else {
        format!(
            "describe what the image shows between the brackets, as `![A cat asleep on a \
             keyboard](cat.png)`; {WHY}; Markdown cannot mark an image decorative, HTML \
             can: `<img src=\"…\" alt=\"\">`"
        )
    }
}

impl Rule for ImageAltMissing {
    fn check(&self, post: &Post, _: &Context, findings: &mut Vec<Finding>) {
        for image in post
            .images
            .iter()
            .filter(|image| matches!(image.alt, Alt::Missing | Alt::Blank))
        {
            findings.push(
                Finding::new(image.range.clone(), message(image))
                    .label("no alt text")
                    .help(help(image)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::check;

    fn messages(source: &str) -> Vec<String> {
        check(&ImageAltMissing::default(), source)
            .into_iter()
            .map(|finding| finding.message)
            .collect()
    }

    #[test]
    fn described_and_decorative_images_pass() {
        assert!(messages("![A red car](car.png)\n\n<img src=\"line.png\" alt=\"\">\n").is_empty());
        assert!(messages("<img src=a.png alt>\n\n<img src=b.png role=presentation>\n").is_empty());
        // Not images: code, and text that looks like one.
        assert!(messages("`![](a.png)`\n\n```\n<img src=b.png>\n```\n\n\\![](c.png)\n").is_empty());
    }

    #[test]
    fn missing_alt_text_is_reported_by_kind() {
        assert_eq!(
            messages(
                "![](a.png)\n\n![  ](b.png)\n\n<img src='c.png'>\n\n<img src=d.png alt=\"  \">\n\n<img alt>\n\n<img>\n"
            ),
            [
                "image `a.png` has no alt text",
                "image `b.png` has no alt text",
                "image `c.png` has no `alt` attribute",
                "image `d.png` has an `alt` of spaces only",
                "image without a `src` has no `alt` attribute",
            ]
        );
    }

    #[test]
    fn points_at_the_image() {
        let source = "Text ![](a.png) and [![](badge.svg)](https://ci.example).\n";
        let ranges: Vec<&str> = check(&ImageAltMissing::default(), source)
            .into_iter()
            .map(|finding| &source[finding.range])
            .collect();
        assert_eq!(ranges, ["![](a.png)", "![](badge.svg)"]);
    }

    #[test]
    fn help_says_what_alt_text_is_for() {
        let findings = check(&ImageAltMissing::default(), "![](a.png)\n\n<img src=b>\n");
        assert!(
            findings[0]
                .help
                .as_deref()
                .unwrap()
                .contains("screen readers")
        );
        assert!(findings[1].help.as_deref().unwrap().contains("alt=\"\""));
    }
}
