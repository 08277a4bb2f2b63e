//! `image-alt-length`: alt text too short to describe an image, or too long to listen to.

use serde::Deserialize;

use super::image_alt_missing::image_name;
use super::{Context, Rule, plural};
use crate::diagnostic::Finding;
use crate::post::{Alt, Post};
use crate::text::display_width;

#[derive(Debug, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ImageAltLength {
    /// Fewer display columns than this is reported: 10 is 10 Latin or 5 CJK characters.
    pub min: usize,
    /// More display columns than this is reported: 200 is 200 Latin or 100 CJK characters.
    pub max: usize,
}

impl Default for ImageAltLength {
    fn default() -> Self {
        ImageAltLength { min: 10, max: 200 }
    }
}

/// `10 columns (5 CJK characters)`: a bound in both units a writer may count in.
fn bound(columns: usize) -> String {
    format!(
        "{} ({})",
        plural(columns, "column"),
        plural(columns / 2, "CJK character")
    )
}

impl Rule for ImageAltLength {
    fn check(&self, post: &Post, _: &Context, findings: &mut Vec<Finding>) {
        for image in &post.images {
            let Alt::Text(alt) = &image.alt else {
                continue;
            };
            let (columns, characters) = display_width(alt);
            let measured = format!(
                "alt text of {} is {}",
                image_name(image),
                super::width_text(columns, characters)
            );
            if columns < self.min {
                findings.push(
                    Finding::new(
                        image.range.clone(),
                        format!(
                            "alt text `{alt}` of {} is {}; describe the image in at least {}",
                            image_name(image),
                            super::width_text(columns, characters),
                            bound(self.min)
                        ),
                    )
                    .label(plural(columns, "column"))
                    .help(
                        "say what the image shows and why it is there, as you would to someone \
                         who cannot see it; a word or a file name (`screenshot`, `图片`, \
                         `IMG_0042`) tells a screen reader user nothing",
                    ),
                );
            } else if columns > self.max {
                findings.push(
                    Finding::new(
                        image.range.clone(),
                        format!("{measured}; keep it within {}", bound(self.max)),
                    )
                    .label(plural(columns, "column"))
                    .help(
                        "screen readers read alt text in one go, without a way to skip within \
                         it; keep the description to what the image shows and move the rest \
                         into the text or a caption",
                    ),
                );
            }
        }
    }

    fn validate(&self) -> Result<(), String> {
        super::check_bounds(self.min, self.max)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::check;

    fn messages(source: &str) -> Vec<String> {
        check(&ImageAltLength::default(), source)
            .into_iter()
            .map(|finding| finding.message)
            .collect()
    }

    #[test]
    fn within_bounds_passes() {
        // Exactly 10 and exactly 200 columns.
        assert!(messages("![A red sports car](a.png)\n").is_empty());
        assert!(messages("![0123456789](a.png)\n").is_empty());
        assert!(messages(&format!("![{}](a.png)\n", "x".repeat(200))).is_empty());
        // Five CJK characters are ten columns.
        assert!(messages("![一只红色车](a.png)\n").is_empty());
        assert!(messages("<img src=a.png alt=\"赤い車の写真\">\n").is_empty());
    }

    #[test]
    fn missing_and_decorative_alt_text_are_not_measured() {
        assert!(messages("![](a.png)\n\n<img src=b.png alt=\"\">\n<img src=c.png>\n").is_empty());
    }

    #[test]
    fn too_short_in_columns() {
        assert_eq!(
            messages("![photo](a.png)\n\n![截图](b.png)\n"),
            [
                "alt text `photo` of image `a.png` is 5 columns wide (5 characters); describe the image in at least 10 columns (5 CJK characters)",
                "alt text `截图` of image `b.png` is 4 columns wide (2 characters); describe the image in at least 10 columns (5 CJK characters)",
            ]
        );
    }

    #[test]
    fn too_long_in_columns() {
        let findings = messages(&format!("![{}](a.png)\n", "图".repeat(101)));
        assert_eq!(
            findings,
            [
                "alt text of image `a.png` is 202 columns wide (101 characters); keep it within 200 columns (100 CJK characters)"
            ]
        );
    }

    #[test]
    fn min_above_max_is_a_configuration_error() {
        assert!(ImageAltLength { min: 20, max: 10 }.validate().is_err());
    }
}
