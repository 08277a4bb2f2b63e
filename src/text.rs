//! Measuring text the way a reader sees it: display columns, not bytes or characters, and
//! reading units, not bytes or whitespace-separated words.

use unicode_width::UnicodeWidthStr;

/// The offset where the line holding `offset` starts. Lines end at `\n`, `\r\n` or a lone
/// `\r`, as [`crate::diagnostic::LineIndex`] counts them.
pub fn line_start(source: &str, offset: usize) -> usize {
    source[..offset].rfind(['\n', '\r']).map_or(0, |i| i + 1)
}

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

/// Whether `c` is written in a CJK script: Han (ideographs, radicals, `々` `〇`), Hiragana,
/// Katakana (the prolonged sound mark `ー` and half-width forms included) or Hangul. These
/// scripts put no spaces between words, so they are counted by character.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{11FF}'     // Hangul Jamo
        | '\u{2E80}'..='\u{2FDF}'   // CJK and Kangxi radicals
        | '\u{3005}' | '\u{3007}'    // 々 〇
        | '\u{3021}'..='\u{3029}'   // Hangzhou numerals
        | '\u{3038}'..='\u{303B}'
        | '\u{3041}'..='\u{309F}'   // Hiragana
        | '\u{30A1}'..='\u{30FA}'   // Katakana
        | '\u{30FC}'..='\u{30FF}'   // ー and iteration marks (not the middle dot `・`)
        | '\u{3131}'..='\u{318E}'   // Hangul compatibility jamo
        | '\u{31F0}'..='\u{31FF}'   // Katakana phonetic extensions
        | '\u{3400}'..='\u{4DBF}'   // CJK extension A
        | '\u{4E00}'..='\u{9FFF}'   // CJK unified ideographs
        | '\u{A960}'..='\u{A97F}'   // Hangul Jamo extended A
        | '\u{AC00}'..='\u{D7FF}'   // Hangul syllables, Jamo extended B
        | '\u{F900}'..='\u{FAFF}'   // CJK compatibility ideographs
        | '\u{FF66}'..='\u{FF9F}'   // half-width Katakana
        | '\u{FFA0}'..='\u{FFDC}'   // half-width Hangul
        | '\u{1B000}'..='\u{1B16F}' // kana supplement and extensions
        | '\u{20000}'..='\u{3FFFF}' // CJK extensions B and later
    )
}

/// How long a text is to read: Latin words (any script written with spaces) plus CJK
/// characters, two of which make a unit, as Yoast's Japanese configuration counts 600
/// characters where its default counts 300 words.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReadingLength {
    /// Runs of non-space, non-CJK characters holding a letter or digit: `don't`, `2025`
    /// and `GPT-4o` are one word each, `-` and `→` none.
    pub words: usize,
    /// Characters of the CJK scripts ([`is_cjk`]); their punctuation is not counted.
    pub cjk_characters: usize,
}

impl ReadingLength {
    /// Words plus half the CJK characters, rounded down.
    pub fn units(&self) -> usize {
        self.words + self.cjk_characters / 2
    }
}

/// Counts [`ReadingLength`] over text fed in pieces. A word may continue from one piece
/// to the next (`**foo**bar` is one word) until [`ReadingCounter::boundary`] is called.
#[derive(Debug, Default)]
pub struct ReadingCounter {
    length: ReadingLength,
    /// Whether the run of non-separator characters being read holds a letter or digit,
    /// so that it counts as a word when it ends.
    in_word: bool,
}

/// ASCII classes for [`ReadingCounter::feed`]: 1 for whitespace, 2 for letters and digits,
/// 0 for the rest, which neither starts nor ends a word.
static ASCII_CLASS: [u8; 128] = {
    let mut classes = [0; 128];
    let mut byte = 0;
    while byte < 128 {
        let b = byte as u8;
        if b.is_ascii_whitespace() {
            classes[byte] = 1;
        } else if b.is_ascii_alphanumeric() {
            classes[byte] = 2;
        }
        byte += 1;
    }
    classes
};

impl ReadingCounter {
    pub fn feed(&mut self, text: &str) {
        let bytes = text.as_bytes();
        let mut words = 0;
        let mut in_word = usize::from(self.in_word);
        let mut at = 0;
        while at < bytes.len() {
            // Most text is ASCII: eight bytes at a time where they all are.
            if let Some(chunk) = bytes.get(at..at + 8) {
                let chunk = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
                if chunk & HIGH_BITS == 0 {
                    let (ended, still_in_word) = ascii_words(chunk, in_word);
                    words += ended;
                    in_word = still_in_word;
                    at += 8;
                    continue;
                }
            }
            let byte = bytes[at];
            if byte.is_ascii() {
                // No decoding, no Unicode tables, no branches.
                let class = usize::from(ASCII_CLASS[usize::from(byte)]);
                let space = class & 1;
                words += space & in_word;
                in_word = (1 - space) & (in_word | (class >> 1));
                at += 1;
                continue;
            }
            // Ideographs from U+4000 to U+9FFF (but the Yijing symbols, U+4DC0 to U+4DFF)
            // are three bytes led by 0xE4 to 0xE9: told apart without decoding.
            if (0xE5..=0xE9).contains(&byte) || (byte == 0xE4 && bytes[at + 1] < 0xB7) {
                words += in_word;
                in_word = 0;
                self.length.cjk_characters += 1;
                at += 3;
                continue;
            }
            let c = text[at..].chars().next().unwrap_or_default();
            at += c.len_utf8();
            if is_cjk(c) {
                words += in_word;
                in_word = 0;
                self.length.cjk_characters += 1;
            } else if ('\u{3000}'..='\u{303F}').contains(&c)
                || c.is_whitespace()
                || (c >= '\u{2E80}' && !c.is_alphanumeric())
            {
                // Spaces, and the punctuation CJK text uses without spaces around it
                // (`，` `。` `「`), end a word.
                words += in_word;
                in_word = 0;
            } else {
                in_word |= usize::from(c.is_alphanumeric());
            }
        }
        self.length.words += words;
        self.in_word = in_word == 1;
    }

    /// Ends the word being read, if any: the text that follows is not part of it.
    pub fn boundary(&mut self) {
        self.length.words += usize::from(self.in_word);
        self.in_word = false;
    }

    pub fn finish(mut self) -> ReadingLength {
        self.boundary();
        self.length
    }
}

/// The high bit of each byte of a `u64`.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
/// One in each byte of a `u64`.
const ONES: u64 = 0x0101_0101_0101_0101;

/// The words that end in eight ASCII bytes (`chunk`, first byte lowest) read after a word
/// (`in_word` 1) or not, and whether a word is still being read after them: a word ends
/// at whitespace when a letter or digit came since the last whitespace.
fn ascii_words(chunk: u64, in_word: usize) -> (usize, usize) {
    // A byte's high bit set where it is in `low..=high` (every byte below 0x80, so the
    // sums stay inside their bytes).
    let in_range = |bytes: u64, low: u8, high: u8| {
        (bytes + ONES * u64::from(0x80 - low))
            & !(bytes + ONES * u64::from(0x7F - high))
            & HIGH_BITS
    };
    // One bit per byte: the high bits gathered into the top byte.
    let gather = |mask: u64| ((mask >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56) as u32;
    let space = gather(
        (in_range(chunk, b'\t', b'\r') & !in_range(chunk, 0x0B, 0x0B))
            | in_range(chunk, b' ', b' '),
    );
    let alphanumeric =
        gather(in_range(chunk, b'0', b'9') | in_range(chunk | (ONES * 0x20), b'a', b'z'));
    // Bit 0 stands for what came before: a letter when a word was being read.
    let letters = (alphanumeric << 1) | in_word as u32;
    let spaces = space << 1;
    let marks = letters | spaces;
    let others = !marks & 0x1FF;
    // A carry from each letter runs up through the other characters and lands on the next
    // whitespace or letter (bit 9: past the chunk); a word ends where one lands on
    // whitespace.
    let landed = (others + (letters << 1)) & (marks | 0x200);
    (
        (landed & spaces).count_ones() as usize,
        (landed >> 9) as usize & 1,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reading(text: &str) -> (usize, usize, usize) {
        let mut counter = ReadingCounter::default();
        counter.feed(text);
        let length = counter.finish();
        (length.words, length.cjk_characters, length.units())
    }

    #[test]
    fn latin_words_are_runs_with_a_letter_or_digit() {
        assert_eq!(
            reading("Don't panic: GPT-4o, 2025 — e.g. this → that"),
            (7, 0, 7)
        );
        assert_eq!(reading("  - * -- "), (0, 0, 0));
        assert_eq!(reading("naïve café über"), (3, 0, 3));
    }

    #[test]
    fn cjk_characters_count_half_a_unit_each() {
        // 15 CJK characters (the full-width punctuation is not counted) and 2 words.
        assert_eq!(
            reading("在 2025 年，ChatGPT 已不再只是一个文字聊天工具。"),
            (2, 15, 9)
        );
        assert_eq!(reading("日本語のテキストです"), (0, 10, 5));
        assert_eq!(reading("한국어 텍스트"), (0, 6, 3));
        // Mixed without spaces: the Latin run ends where the CJK starts.
        assert_eq!(reading("使用ChatGPT生成"), (1, 4, 3));
        assert_eq!(reading("ー々〇"), (0, 3, 1));
        // The edges of the ideograph fast path: U+4000, U+4DBF, U+9FFF; not U+4DC0.
        assert_eq!(reading("\u{4000}\u{4DBF}\u{9FFF}\u{4DC0}"), (0, 3, 1));
    }

    #[test]
    fn a_word_continues_across_pieces_until_a_boundary() {
        let mut counter = ReadingCounter::default();
        counter.feed("foo");
        counter.feed("bar baz");
        counter.boundary();
        counter.feed("qux");
        assert_eq!(counter.finish().words, 3);
    }

    #[test]
    fn cjk_scripts() {
        for c in ['中', '々', 'あ', 'ア', 'ー', 'ｱ', '한', 'ㄱ', '𠀀'] {
            assert!(is_cjk(c), "{c}");
        }
        for c in ['a', '，', '。', '・', 'Ａ', '１', 'é', 'я', '—'] {
            assert!(!is_cjk(c), "{c}");
        }
    }

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

/// Eight bytes at a time count what one character at a time counts.
#[cfg(test)]
mod chunk_tests {
    use proptest::prelude::*;

    use super::*;

    /// The definition, a character at a time: ASCII by its own classes, the rest as
    /// [`ReadingCounter::feed`] documents.
    fn one_at_a_time(text: &str) -> ReadingLength {
        let mut length = ReadingLength::default();
        let mut in_word = false;
        for c in text.chars() {
            let ends_word = if c.is_ascii() {
                c.is_ascii_whitespace()
            } else if is_cjk(c) {
                length.cjk_characters += 1;
                true
            } else {
                ('\u{3000}'..='\u{303F}').contains(&c)
                    || c.is_whitespace()
                    || (c >= '\u{2E80}' && !c.is_alphanumeric())
            };
            if ends_word {
                length.words += usize::from(in_word);
                in_word = false;
            } else if c.is_alphanumeric() {
                in_word = true;
            }
        }
        length.words += usize::from(in_word);
        length
    }

    fn text() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "a",
            "Z",
            "7",
            " ",
            "\t",
            "\n",
            "\r",
            "\x0B",
            "\x0C",
            "\x00",
            "\x7F",
            "-",
            ".",
            "`",
            "@",
            "[",
            "{",
            "_",
            "~",
            "the quick brown fox ",
            "don't",
            "GPT-4o",
            "中",
            "文",
            "，",
            "。",
            "ア",
            "한",
            "é",
            "😀",
            "\u{a0}",
            "\u{3000}",
            "→",
        ]);
        prop::collection::vec(pieces, 0..60).prop_map(|pieces| pieces.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5000))]
        #[test]
        fn fed_in_pieces_it_counts_as_the_definition(text in text(), cuts in prop::collection::vec(0usize..400, 0..4)) {
            let mut counter = ReadingCounter::default();
            let mut at = 0;
            let mut cuts: Vec<usize> = cuts.into_iter().map(|cut| cut.min(text.len())).collect();
            cuts.sort_unstable();
            for cut in cuts.into_iter().chain([text.len()]) {
                if cut >= at && text.is_char_boundary(cut) {
                    counter.feed(&text[at..cut]);
                    at = cut;
                }
            }
            counter.feed(&text[at..]);
            prop_assert_eq!(counter.finish(), one_at_a_time(&text));
        }
    }
}
