//! Measuring text the way a reader sees it: display columns, not bytes or characters.

use unicode_width::UnicodeWidthStr;

/// Display width in columns (Unicode East Asian Width, UAX #11: wide and full-width
/// characters count 2, others 1) and the number of characters. Runs of whitespace count as
/// one space and leading or trailing whitespace not at all, as a result page shows text.
pub fn display_width(text: &str) -> (usize, usize) {
    let mut columns = 0;
    let mut characters = 0;
    for word in text.split_whitespace() {
        if characters > 0 {
            columns += 1;
            characters += 1;
        }
        columns += word.width();
        characters += word.chars().count();
    }
    (columns, characters)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_counts_two_columns() {
        assert_eq!(display_width("中文 ab"), (7, 5));
        assert_eq!(display_width("  a \n  b  "), (3, 3));
        assert_eq!(display_width("ＡＢ"), (4, 2));
        assert_eq!(
            display_width("ChatGPT 能生成图片和视频吗？2025 最新功能解析与版本对比"),
            (55, 34)
        );
    }
}
