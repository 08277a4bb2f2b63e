//! What a baselined finding is recognised by: its rule and the text it points at, not its
//! line, so that it is still recognised when lines above it come and go.
//!
//! The message is left out on purpose: it carries measurements (`post body is 212 reading
//! units long`) that change with edits elsewhere in the post, and wording that changes
//! between versions; neither makes the finding new. A finding about the whole file points
//! at its front matter's opening `---` or at nothing, so its fingerprint is its rule's in
//! that file, which is what it should be: such a rule reports once per file.

use crate::fnv::fnv1a;

/// The fingerprint of a finding of `rule` on `text`: FNV-1a (64 bits) of the rule, a byte
/// that is never in UTF-8, and the text with each run of white space made one space. It
/// must stay the same across runs, machines and versions, as baselines are committed:
/// std's hashers promise none of that.
pub fn fingerprint(rule: &str, text: &str) -> u64 {
    let mut bytes = Vec::with_capacity(rule.len() + 1 + text.len());
    bytes.extend_from_slice(rule.as_bytes());
    bytes.push(0xff);
    for (index, word) in text.split_whitespace().enumerate() {
        if index > 0 {
            bytes.push(b' ');
        }
        bytes.extend_from_slice(word.as_bytes());
    }
    fnv1a(&bytes)
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

#[cfg(test)]
mod tests {
    use super::*;

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
