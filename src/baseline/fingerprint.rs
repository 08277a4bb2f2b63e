//! What a baselined finding is recognised by: its rule and the text it points at, not its
//! line, so that it is still recognised when lines above it come and go.
//!
//! The message is left out on purpose: it carries measurements (`post body is 212 reading
//! units long`) that change with edits elsewhere in the post, and wording that changes
//! between versions; neither makes the finding new. A finding about the whole file points
//! at its front matter's opening `---` or at nothing, so its fingerprint is its rule's in
//! that file, which is what it should be: such a rule reports once per file.

/// The fingerprint of a finding of `rule` on `text`: FNV-1a (64 bits) of the rule, a byte
/// that is never in UTF-8, and the text with each run of white space made one space. It
/// must stay the same across runs, machines and versions, as baselines are committed:
/// std's hashers promise none of that.
pub fn fingerprint(rule: &str, text: &str) -> u64 {
    let mut hash = Fnv1a::new();
    hash.write(rule.as_bytes());
    hash.write(&[0xff]);
    for (index, word) in text.split_whitespace().enumerate() {
        if index > 0 {
            hash.write(b" ");
        }
        hash.write(word.as_bytes());
    }
    hash.0
}

/// The fingerprint as the baseline file writes it: 16 hexadecimal digits.
pub fn to_hex(fingerprint: u64) -> String {
    format!("{fingerprint:016x}")
}

pub fn from_hex(text: &str) -> Option<u64> {
    (text.len() == 16)
        .then(|| u64::from_str_radix(text, 16).ok())
        .flatten()
}

/// The start of the text, white space folded, for a reviewer reading the baseline: the
/// fingerprint alone says nothing to a person.
pub fn excerpt(text: &str) -> String {
    const MAX_CHARS: usize = 60;
    let folded = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match folded.char_indices().nth(MAX_CHARS) {
        Some((cut, _)) => format!("{}…", &folded[..cut]),
        None => folded,
    }
}

/// The 64-bit FNV-1a hash: a dozen lines, well known, and fixed forever.
struct Fnv1a(u64);

impl Fnv1a {
    const OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;

    fn new() -> Self {
        Fnv1a(Self::OFFSET_BASIS)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 ^= u64::from(byte);
            self.0 = self.0.wrapping_mul(Self::PRIME);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fnv(bytes: &[u8]) -> u64 {
        let mut hash = Fnv1a::new();
        hash.write(bytes);
        hash.0
    }

    #[test]
    fn fnv1a_gives_the_published_values() {
        assert_eq!(fnv(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv(b"foobar"), 0x8594_4171_f739_67e8);
    }

    /// Baselines are committed: a change of this value makes every baselined finding of
    /// every site new again, so it must never change.
    #[test]
    fn a_fingerprint_never_changes() {
        let value = fingerprint("heading-increment", "### Installing the\n  theme");
        assert_eq!(to_hex(value), "969aeff55e988e88");
    }

    #[test]
    fn white_space_does_not_count_but_the_rule_and_words_do() {
        let base = fingerprint("title-length", "A title that is long");
        assert_eq!(
            base,
            fingerprint("title-length", "  A title\r\n that\tis   long ")
        );
        assert_ne!(base, fingerprint("title-missing", "A title that is long"));
        assert_ne!(base, fingerprint("title-length", "A title that is longer"));
        assert_ne!(base, fingerprint("title-length", "Atitle that is long"));
    }

    #[test]
    fn hex_goes_both_ways() {
        for value in [0, 1, u64::MAX, 0x0123_4567_89ab_cdef] {
            assert_eq!(from_hex(&to_hex(value)), Some(value));
        }
        assert_eq!(from_hex("12"), None);
        assert_eq!(from_hex("zz23456789abcdef"), None);
    }

    #[test]
    fn an_excerpt_is_short_and_folded() {
        assert_eq!(excerpt("## Set\n  up"), "## Set up");
        let long = "é".repeat(70);
        assert_eq!(excerpt(&long), format!("{}…", "é".repeat(60)));
    }
}
