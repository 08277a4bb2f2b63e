//! `image-alt-length`: alt text that names no more than the file or the medium (`image`,
//! `截图`, `IMG_0042`), shorter than a word, or too long to listen to.

use serde::Deserialize;

use super::image_alt_missing::image_name;
use super::{Context, Rule, plural};
use crate::diagnostic::Finding;
use crate::post::{Alt, Post};
use crate::text::display_width;

#[derive(Debug, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ImageAltLength {
    /// Fewer display columns than this is reported: 4 is a 4-letter word or a 2-character
    /// CJK word (`架构`), so a short but complete caption passes.
    pub min: usize,
    /// More display columns than this is reported: 200 is 200 Latin or 100 CJK characters.
    pub max: usize,
}

impl Default for ImageAltLength {
    fn default() -> Self {
        ImageAltLength { min: 4, max: 200 }
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
            if let Some(why) = placeholder(alt, &image.destination) {
                findings.push(
                    Finding::new(
                        image.range.clone(),
                        format!(
                            "alt text `{alt}` of {} {why}, not what the image shows",
                            image_name(image)
                        ),
                    )
                    .label(why)
                    .help(
                        "say what the image shows and why it is there, as you would to someone \
                         who cannot see it (WCAG failure F30: a file name or a word such as \
                         `image` is not an alternative); mark a decorative image with an HTML \
                         `alt=\"\"` instead",
                    ),
                );
            } else if columns < self.min {
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

/// Words that name the medium, not the content: WCAG's failure F30 ("image", "picture")
/// and their usual forms in the languages postlint's users write, lowercased. A camera's
/// file name (`IMG_0042`, `DSC01234`) is the same word once its digits are gone.
const PLACEHOLDERS: &[&str] = &[
    "image",
    "images",
    "img",
    "photo",
    "photograph",
    "picture",
    "pic",
    "screenshot",
    "screen shot",
    "screencap",
    "screen capture",
    "figure",
    "fig",
    "graphic",
    "icon",
    "thumbnail",
    "untitled",
    "placeholder",
    "alt",
    "alt text",
    "dsc",
    "dscn",
    "pxl",
    "图片",
    "图像",
    "图",
    "截图",
    "照片",
    "插图",
    "配图",
    "圖片",
    "圖像",
    "截圖",
    "画像",
    "写真",
    "図",
    "スクリーンショット",
    "이미지",
    "사진",
    "그림",
    "스크린샷",
    "imagen",
    "imagem",
    "bild",
    "foto",
    "capture",
    "изображение",
    "картинка",
    "скриншот",
    "фото",
];

/// Why `alt` stands for no content, if it does: it is the image's file name, or a word for
/// an image with at most a number.
fn placeholder(alt: &str, destination: &str) -> Option<&'static str> {
    let alt = alt.trim().to_lowercase();
    let file = destination
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .split(['?', '#'])
        .next()
        .unwrap_or_default()
        .to_lowercase();
    let stem = file
        .rsplit_once('.')
        .map_or(file.as_str(), |(stem, _)| stem);
    let looks_like_a_file = [".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".avif"]
        .iter()
        .any(|extension| alt.ends_with(extension));
    // `Topology` for `topology.png` is a word that happens to name the file too; a name
    // with a separator or a number and no space (`west-podinfo`, `shot_2`) is the file's.
    let file_like = !alt.contains(char::is_whitespace)
        && alt.contains(|c: char| c == '-' || c == '_' || c.is_ascii_digit());
    if !file.is_empty() && (alt == file || alt == stem && file_like) || looks_like_a_file {
        return Some("is a file name");
    }
    let word: String = alt
        .chars()
        .filter(|c| !c.is_ascii_digit() && !"_-.#()（）".contains(*c))
        .collect();
    PLACEHOLDERS
        .contains(&word.trim())
        .then_some("only says it is an image")
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
        // Exactly 4 and exactly 200 columns.
        assert!(messages("![A red sports car](a.png)\n").is_empty());
        assert!(messages("![Logo](a.png)\n").is_empty());
        assert!(messages(&format!("![{}](a.png)\n", "x".repeat(200))).is_empty());
        // Short but complete CJK captions: two or three characters are a word.
        assert!(messages("![架构图](a.png)\n![流程图](b.png)\n![红车](c.png)\n").is_empty());
        assert!(messages("<img src=a.png alt=\"赤い車の写真\">\n").is_empty());
    }

    #[test]
    fn placeholders_and_file_names_are_reported_at_any_length() {
        assert_eq!(
            messages(
                "![截图](a.png)\n![Screenshot 3](b.png)\n![IMG_0042](c.jpg)\n\
                 ![diagram.png](d.png)\n![flow-chart](flow-chart.svg)\n"
            ),
            [
                "alt text `截图` of image `a.png` only says it is an image, not what the image shows",
                "alt text `Screenshot 3` of image `b.png` only says it is an image, not what the image shows",
                "alt text `IMG_0042` of image `c.jpg` only says it is an image, not what the image shows",
                "alt text `diagram.png` of image `d.png` is a file name, not what the image shows",
                "alt text `flow-chart` of image `flow-chart.svg` is a file name, not what the image shows",
            ]
        );
        // A word for the medium inside a description is fine.
        assert!(
            messages("![Screenshot of the settings page](a.png)\n![设置页面截图](b.png)\n")
                .is_empty()
        );
        // A plain word that names the file too is a word.
        assert!(messages("![Topology](topology.png)\n").is_empty());
    }

    #[test]
    fn missing_and_decorative_alt_text_are_not_measured() {
        assert!(messages("![](a.png)\n\n<img src=b.png alt=\"\">\n<img src=c.png>\n").is_empty());
    }

    #[test]
    fn too_short_in_columns() {
        assert_eq!(
            messages("![Top](a.png)\n\n![图](b.png)\n"),
            [
                "alt text `Top` of image `a.png` is 3 columns wide (3 characters); describe the image in at least 4 columns (2 CJK characters)",
                "alt text `图` of image `b.png` only says it is an image, not what the image shows",
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
