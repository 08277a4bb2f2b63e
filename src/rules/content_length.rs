//! `content-length`: a post too short to cover its topic.

use serde::Deserialize;

use super::{Context, Rule, plural};
use crate::diagnostic::Finding;
use crate::post::Post;
use crate::text::ReadingLength;

#[derive(Debug, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ContentLength {
    /// Fewest reading units (a word, or two CJK characters) before a finding.
    pub min: usize,
}

impl Default for ContentLength {
    fn default() -> Self {
        ContentLength { min: 300 }
    }
}

/// `120 words and 50 CJK characters`, leaving out a part that is zero.
fn parts(reading: &ReadingLength) -> String {
    match (reading.words, reading.cjk_characters) {
        (words, 0) => plural(words, "word"),
        (0, cjk) => plural(cjk, "CJK character"),
        (words, cjk) => format!(
            "{} and {}",
            plural(words, "word"),
            plural(cjk, "CJK character")
        ),
    }
}

impl Rule for ContentLength {
    fn check(&self, post: &Post, _: &Context, findings: &mut Vec<Finding>) {
        let units = post.reading.units();
        if units >= self.min {
            return;
        }
        findings.push(
            Finding::new(
                post.anchor(),
                format!(
                    "post body is {} long ({}); aim for at least {}",
                    plural(units, "reading unit"),
                    parts(&post.reading),
                    self.min
                ),
            )
            .label(format!("{units} of {} reading units", self.min))
            .help(
                "a reading unit is a word, or two CJK characters (code, HTML and alt text \
                 are not counted); a post this short rarely answers what a searcher asked: \
                 cover the topic fully, or merge the post into a related one",
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::check;

    fn lint(source: &str) -> Vec<String> {
        check(&ContentLength::default(), source)
            .into_iter()
            .map(|finding| finding.message)
            .collect()
    }

    #[test]
    fn long_enough_passes() {
        assert!(lint(&"word ".repeat(300)).is_empty());
        // 600 CJK characters are 300 units, as Yoast's Japanese 600 characters.
        assert!(lint(&"字".repeat(600)).is_empty());
        assert!(lint(&format!("{}{}", "word ".repeat(150), "字".repeat(300))).is_empty());
    }

    #[test]
    fn short_posts_give_the_count_and_unit() {
        assert_eq!(
            lint("---\ntitle: T\n---\nOnly a few words here.\n"),
            ["post body is 5 reading units long (5 words); aim for at least 300"]
        );
        assert_eq!(
            lint(&"字".repeat(599)),
            ["post body is 299 reading units long (599 CJK characters); aim for at least 300"]
        );
        assert_eq!(
            lint("Hello 世界\n"),
            [
                "post body is 2 reading units long (1 word and 2 CJK characters); aim for at least 300"
            ]
        );
        assert_eq!(
            lint(""),
            ["post body is 0 reading units long (0 words); aim for at least 300"]
        );
    }

    #[test]
    fn front_matter_and_code_do_not_count() {
        let source = format!(
            "---\nexcerpt: {}\n---\n```\n{}\n```\n",
            "word ".repeat(400),
            "code ".repeat(400)
        );
        assert_eq!(lint(&source).len(), 1);
    }

    #[test]
    fn reported_at_the_front_matter_opening() {
        let findings = check(&ContentLength::default(), "---\ntitle: T\n---\nShort.\n");
        assert_eq!(findings[0].range, 0..3);
    }
}
