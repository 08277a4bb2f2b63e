//! Suppressions: the HTML comments and the front matter key that turn rules off for part of
//! a post, or for all of it.
//!
//! In the body, a comment turns rules off by line, as markdownlint's comments do:
//!
//! - `<!-- postlint-disable a b -->` from the comment's line on, `<!-- postlint-enable a b -->`
//!   back on from its line on. The state a line ends in holds for the whole line, so a finding
//!   before a `disable` on the same line is suppressed too.
//! - `<!-- postlint-disable-line a -->` the line (or lines) the comment is on.
//! - `<!-- postlint-disable-next-line a -->` the line after the one the comment ends on.
//! - `<!-- postlint-disable-file a -->` the whole file, wherever the comment is; a later
//!   `enable` turns the rules back on from its line.
//! - `<!-- postlint-capture -->` remembers which rules are off; `<!-- postlint-restore -->`
//!   goes back to that from its line on (without a capture, to the file-wide state).
//!
//! Without rule names a comment covers every rule. A finding is suppressed when the line of
//! its primary position (`Finding::range.start`) is. Front matter lines come before any
//! comment, so only the file-wide suppressions reach them: `disable-file` and the front
//! matter key `postlint: { disable: [a, b] }` (TOML `[postlint]` with `disable = [...]`,
//! JSON `"postlint": {"disable": [...]}`), which acts as a `disable-file` comment for the
//! rules it names: front matter and body findings alike, and site-wide ones.
//!
//! Comments are HTML comments as CommonMark reads them: not in code blocks or code spans.
//! `<!-- markdownlint-… -->` comments are honoured for the markdownlint rules postlint
//! follows ([`MARKDOWNLINT`]); markdownlint's other rule names are its own and pass
//! silently. An unknown rule name or directive in a `postlint` comment, or a malformed
//! front matter key, is reported by `suppression-invalid`, whose findings are never
//! suppressed (only its `level` in `postlint.toml` turns it off).

use std::ops::Range;

use memchr::memmem;

use crate::diagnostic::Finding;
use crate::post::{Entry, Format, FrontMatter, Value, ValueKind};
use crate::rules::RULES;
use crate::text::line_start;

/// The rule that reports suppressions postlint cannot read. Never suppressed itself, so a
/// broken suppression cannot hide the report that it is broken.
pub const SUPPRESSION_INVALID: &str = "suppression-invalid";

/// The front matter key that holds a post's suppressions.
pub const FRONT_MATTER_KEY: &str = "postlint";

/// markdownlint's names (codes, aliases and tags, lowercase) for the rules postlint follows.
/// Its other rules have no counterpart here.
pub const MARKDOWNLINT: &[(&str, &[&str])] = &[
    ("md001", &["heading-increment"]),
    ("heading-increment", &["heading-increment"]),
    ("md024", &["heading-duplicate"]),
    ("no-duplicate-heading", &["heading-duplicate"]),
    ("md025", &["single-h1"]),
    ("single-title", &["single-h1"]),
    ("single-h1", &["single-h1"]),
    ("md045", &["image-alt-missing"]),
    ("no-alt-text", &["image-alt-missing"]),
    ("md059", &["link-text"]),
    ("descriptive-link-text", &["link-text"]),
    (
        "headings",
        &["heading-increment", "heading-duplicate", "single-h1"],
    ),
    ("images", &["image-alt-missing"]),
    ("links", &["link-text"]),
    ("accessibility", &["image-alt-missing", "link-text"]),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Disable,
    Enable,
    DisableLine,
    DisableNextLine,
    DisableFile,
    Capture,
    Restore,
}

/// What follows `postlint-` (or `markdownlint-`) in a directive.
const KINDS: &[(&str, Kind)] = &[
    ("disable", Kind::Disable),
    ("enable", Kind::Enable),
    ("disable-line", Kind::DisableLine),
    ("disable-next-line", Kind::DisableNextLine),
    ("disable-file", Kind::DisableFile),
    ("capture", Kind::Capture),
    ("restore", Kind::Restore),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dialect {
    Postlint,
    Markdownlint,
}

/// A directive comment, its rule names resolved to indices into [`RULES`].
struct Directive {
    kind: Kind,
    rules: Vec<usize>,
    /// The whole comment, `<!--` to `-->`.
    range: Range<usize>,
}

/// Which rules are off: one flag per entry of [`RULES`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Off(Vec<bool>);

impl Off {
    fn none() -> Off {
        Off(vec![false; RULES.len()])
    }

    fn set(&mut self, rules: &[usize], off: bool) {
        for &rule in rules {
            self.0[rule] = off;
        }
    }
}

/// Where rules are turned off in one post. Empty (and free) for the posts that have no
/// suppression, which is most of them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Suppressions {
    /// From each offset on (a line's start), up to the next entry, the rules that are off.
    /// The first entry is at 0: the rules off for the whole file. Empty when nothing is.
    spans: Vec<(usize, Off)>,
    /// Lines turned off by `disable-line` and `disable-next-line`, with their rules.
    lines: Vec<(Range<usize>, Vec<usize>)>,
    /// Unknown rule names and directives and a malformed front matter key, for
    /// `suppression-invalid`.
    pub problems: Vec<Finding>,
}

/// Appends to `comments` the HTML comments in `html` that may be directives: those whose
/// text starts with `postlint-` or `markdownlint-`. `html` is raw source (an HTML block or
/// inline HTML) that starts at file offset `offset`; the ranges appended are file ranges.
pub fn find_comments(html: &str, offset: usize, comments: &mut Vec<Range<usize>>) {
    // HTML without a comment, most of it, costs one `memmem` scan; a comment, a look at
    // its first word.
    let mut at = 0;
    while let Some(found) = memmem::find(&html.as_bytes()[at..], b"<!--") {
        let inner = at + found + 4;
        let rest = &html[inner..];
        // `<!-->` and `<!--->` are whole, empty comments.
        if rest.starts_with('>') || rest.starts_with("->") {
            at = inner;
            continue;
        }
        let Some(length) = rest.find("-->") else {
            return;
        };
        let text = rest[..length].trim_start();
        if starts_with_ignore_case(text, "postlint-")
            || starts_with_ignore_case(text, "markdownlint-")
        {
            comments.push(offset + inner - 4..offset + inner + length + 3);
        }
        at = inner + length + 3;
    }
}

fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.as_bytes()
        .get(..prefix.len())
        .is_some_and(|start| start.eq_ignore_ascii_case(prefix.as_bytes()))
}

impl Suppressions {
    /// Reads the post's suppressions: the front matter key, and the directive `comments`
    /// that [`find_comments`] found in the body (file ranges, in file order).
    pub fn new(
        source: &str,
        front_matter: Option<&FrontMatter>,
        comments: &[Range<usize>],
    ) -> Suppressions {
        let mut problems = Vec::new();
        let mut file_wide = Vec::new();
        if let Some(front_matter) = front_matter
            && let Some(entry) = front_matter.get(FRONT_MATTER_KEY)
        {
            front_matter_key(entry, front_matter.format, &mut file_wide, &mut problems);
        }
        let directives: Vec<Directive> = comments
            .iter()
            .filter_map(|range| directive(source, range.clone(), &mut problems))
            .collect();
        if file_wide.is_empty() && directives.is_empty() {
            return Suppressions {
                problems,
                ..Suppressions::default()
            };
        }

        let mut off = Off::none();
        off.set(&file_wide, true);
        for directive in &directives {
            if directive.kind == Kind::DisableFile {
                off.set(&directive.rules, true);
            }
        }
        let mut captured = off.clone();
        let mut spans = vec![(0, off.clone())];
        let mut lines = Vec::new();
        for directive in directives {
            let line = line_start(source, directive.range.start);
            match directive.kind {
                Kind::Disable | Kind::Enable => {
                    off.set(&directive.rules, directive.kind == Kind::Disable);
                    spans.push((line, off.clone()));
                }
                Kind::Capture => captured = off.clone(),
                Kind::Restore => {
                    off = captured.clone();
                    spans.push((line, off.clone()));
                }
                Kind::DisableLine => {
                    let end = next_line_start(source, directive.range.end);
                    lines.push((line..end, directive.rules));
                }
                Kind::DisableNextLine => {
                    let next = next_line_start(source, directive.range.end);
                    lines.push((next..next_line_start(source, next), directive.rules));
                }
                Kind::DisableFile => {}
            }
        }
        Suppressions {
            spans,
            lines,
            problems,
        }
    }

    /// Whether nothing is suppressed anywhere in the post.
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// Whether `rule`'s finding at byte `offset` is suppressed.
    pub fn covers(&self, rule: &str, offset: usize) -> bool {
        if self.is_empty() || rule == SUPPRESSION_INVALID {
            return false;
        }
        let Some(index) = RULES.iter().position(|info| info.name == rule) else {
            return false;
        };
        // The first span starts at 0, so there is always one at or before `offset`.
        let span = self.spans.partition_point(|(start, _)| *start <= offset) - 1;
        self.spans[span].1.0[index]
            || self
                .lines
                .iter()
                .any(|(range, rules)| range.contains(&offset) && rules.contains(&index))
    }
}

/// Reads the comment at `range` as a directive; reports what cannot be read.
fn directive(source: &str, range: Range<usize>, problems: &mut Vec<Finding>) -> Option<Directive> {
    let inner = range.start + 4..range.end - 3;
    let mut words = words(&source[inner.clone()], inner.start);
    let (first, first_range) = words.next()?;
    let first = first.to_ascii_lowercase();
    let (dialect, kind) = match first.strip_prefix("postlint-") {
        Some(kind) => (Dialect::Postlint, kind),
        None => (Dialect::Markdownlint, first.strip_prefix("markdownlint-")?),
    };
    let Some(&(_, kind)) = KINDS.iter().find(|(name, _)| *name == kind) else {
        if dialect == Dialect::Postlint {
            problems.push(unknown_kind(kind, first_range));
        }
        // markdownlint's `enable-file`, `configure-file` and the like are its own business.
        return None;
    };
    let names: Vec<_> = words.collect();
    let rules = match dialect {
        Dialect::Postlint if names.is_empty() => (0..RULES.len()).collect(),
        Dialect::Postlint => names
            .into_iter()
            .filter_map(|(name, range)| {
                postlint_rule(name, range, "a suppression comment", problems)
            })
            .collect(),
        Dialect::Markdownlint if names.is_empty() => markdownlint_rules(
            MARKDOWNLINT
                .iter()
                .flat_map(|(_, rules)| rules.iter().copied()),
        ),
        Dialect::Markdownlint => markdownlint_rules(names.into_iter().flat_map(|(name, _)| {
            let name = name.to_ascii_lowercase();
            MARKDOWNLINT
                .iter()
                .find(|(alias, _)| *alias == name)
                .map_or(&[][..], |(_, rules)| *rules)
                .iter()
                .copied()
        })),
    };
    Some(Directive { kind, rules, range })
}

/// The words of a comment's text with their file ranges: split at whitespace and commas,
/// without the `>` markers of the block quote a comment may continue in.
fn words(text: &str, offset: usize) -> impl Iterator<Item = (&str, Range<usize>)> {
    text.split(|c: char| c.is_whitespace() || c == ',')
        .filter(|word| !word.is_empty() && !word.bytes().all(|b| b == b'>'))
        .map(move |word| {
            let start = word.as_ptr() as usize - text.as_ptr() as usize;
            (word, offset + start..offset + start + word.len())
        })
}

fn markdownlint_rules<'a>(names: impl Iterator<Item = &'a str>) -> Vec<usize> {
    let mut rules: Vec<usize> = names
        .filter_map(|name| RULES.iter().position(|info| info.name == name))
        .collect();
    rules.sort_unstable();
    rules.dedup();
    rules
}

/// The index of the rule a `postlint` suppression names, or a report that there is none.
fn postlint_rule(
    name: &str,
    range: Range<usize>,
    place: &str,
    problems: &mut Vec<Finding>,
) -> Option<usize> {
    if let Some(index) = crate::rules::position(name) {
        return Some(index);
    }
    let lower = name.to_ascii_lowercase();
    let markdownlint = MARKDOWNLINT
        .iter()
        .find(|(alias, rules)| *alias == lower && rules.len() == 1 && rules[0] != lower);
    let finding = Finding::new(range, format!("unknown rule `{name}` in {place}"));
    let finding = match (markdownlint, closest_rule(&lower)) {
        (Some((_, rules)), _) => finding
            .label(format!("markdownlint's name for `{}`", rules[0]))
            .help(format!(
                "write `{}`: postlint suppressions take postlint's rule names (a \
                 `markdownlint-disable` comment may name markdownlint's)",
                rules[0]
            )),
        (None, Some(close)) => finding
            .label(format!("did you mean `{close}`?"))
            .help(format!(
                "write `{close}`; as written, the suppression does nothing for this name"
            )),
        (None, None) => finding.label("no such rule").help(
            "`postlint rules` lists the rule names; as written, the suppression does nothing for \
             this name",
        ),
    };
    problems.push(finding);
    None
}

/// The registered rule closest to `name`, if one is close enough to be what was meant.
fn closest_rule(name: &str) -> Option<&'static str> {
    closest(name, RULES.iter().map(|info| info.name))
}

fn closest<'a>(name: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .map(|candidate| (strsim::jaro_winkler(name, candidate), candidate))
        .filter(|(score, _)| *score > 0.85)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

fn unknown_kind(kind: &str, range: Range<usize>) -> Finding {
    let finding = Finding::new(
        range,
        format!("unknown suppression comment `postlint-{kind}`"),
    );
    match closest(kind, KINDS.iter().map(|(name, _)| *name)) {
        Some(close) => finding
            .label(format!("did you mean `postlint-{close}`?"))
            .help(format!(
                "write `postlint-{close}`; as written, the comment suppresses nothing"
            )),
        None => finding.label("not a suppression").help(
            "a suppression comment is `postlint-` and one of `disable`, `enable`, `disable-line`, \
             `disable-next-line`, `disable-file`, `capture` or `restore`",
        ),
    }
}

/// Reads `postlint: { disable: [...] }`, adding the rules it names to `rules`.
fn front_matter_key(
    entry: &Entry,
    format: Format,
    rules: &mut Vec<usize>,
    problems: &mut Vec<Finding>,
) {
    // A value that could not be read is front-matter-invalid's to report.
    let Some(value) = &entry.value else {
        return;
    };
    let pairs = match &value.kind {
        ValueKind::Map(pairs) => pairs,
        ValueKind::Null => return,
        _ => {
            problems.push(
                Finding::new(
                    value.range.clone(),
                    format!("`postlint` is {}; expected a mapping", value.kind_name()),
                )
                .label("expected `disable: [rule, …]`")
                .help(match format {
                    Format::Yaml => "write `postlint: { disable: [rule-name] }`",
                    Format::Toml => "write a `[postlint]` table with `disable = [\"rule-name\"]`",
                    Format::Json => "write `\"postlint\": {\"disable\": [\"rule-name\"]}`",
                }),
            );
            return;
        }
    };
    for (key, value) in pairs {
        if key.as_text() != Some("disable") {
            let key_text = key.as_text().unwrap_or("?");
            problems.push(
                Finding::new(
                    key.range.clone(),
                    format!("unknown key `{key_text}` in `postlint`"),
                )
                .label("not read")
                .help("`postlint` takes one key, `disable`: a list of rule names"),
            );
            continue;
        }
        let names: &[Value] = match &value.kind {
            ValueKind::List(items) => items,
            ValueKind::Null => &[],
            _ => std::slice::from_ref(value),
        };
        for name in names {
            match &name.kind {
                ValueKind::String(text) => rules.extend(postlint_rule(
                    text,
                    name.range.clone(),
                    "`postlint.disable`",
                    problems,
                )),
                _ => problems.push(
                    Finding::new(
                        name.range.clone(),
                        format!(
                            "`postlint.disable` holds {}; expected rule names",
                            name.kind_name()
                        ),
                    )
                    .label("not a rule name")
                    .help("list rule names as text, such as `disable: [cover-missing]`"),
                ),
            }
        }
    }
}

/// The offset where the line after the one holding `offset` starts; the end of the file
/// when it is the last line.
fn next_line_start(source: &str, offset: usize) -> usize {
    let bytes = source.as_bytes();
    match bytes[offset..]
        .iter()
        .position(|&b| b == b'\n' || b == b'\r')
    {
        Some(i) if bytes[offset + i] == b'\r' && bytes.get(offset + i + 1) == Some(&b'\n') => {
            offset + i + 2
        }
        Some(i) => offset + i + 1,
        None => source.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::LineIndex;
    use crate::post::Post;

    fn post(source: &str) -> Post {
        Post::parse("post.md", source.to_owned())
    }

    /// The 1-based lines on which `rule` is suppressed.
    fn suppressed_lines(source: &str, rule: &str) -> Vec<usize> {
        let post = post(source);
        let index = LineIndex::new(source);
        let mut lines: Vec<usize> = (0..=source.len())
            .filter(|&offset| source.is_char_boundary(offset))
            .filter(|&offset| post.suppressions.covers(rule, offset))
            .map(|offset| index.line_column(offset).line)
            .collect();
        lines.dedup();
        lines
    }

    fn problems(source: &str) -> Vec<String> {
        post(source)
            .suppressions
            .problems
            .iter()
            .map(|finding| {
                format!(
                    "{} [{}]",
                    finding.message,
                    finding.label.as_deref().unwrap_or("")
                )
            })
            .collect()
    }

    #[test]
    fn no_comments_no_suppressions() {
        let post = post("---\ntitle: T\n---\n# A\n\n<!-- more -->\n\ntext\n");
        assert!(post.suppressions.is_empty());
        assert!(post.suppressions.problems.is_empty());
        assert!(!post.suppressions.covers("heading-increment", 20));
    }

    #[test]
    fn disable_and_enable_by_line() {
        let source = "a\n<!-- postlint-disable heading-increment -->\nb\nc <!-- postlint-enable heading-increment -->\nd\n";
        assert_eq!(suppressed_lines(source, "heading-increment"), [2, 3]);
        assert!(suppressed_lines(source, "single-h1").is_empty());
    }

    #[test]
    fn a_comment_without_names_covers_every_rule_but_its_own() {
        let source = "a\n<!-- postlint-disable -->\nb\n";
        assert_eq!(suppressed_lines(source, "single-h1"), [2, 3, 4]);
        assert_eq!(suppressed_lines(source, "cover-missing"), [2, 3, 4]);
        assert!(suppressed_lines(source, SUPPRESSION_INVALID).is_empty());
    }

    #[test]
    fn disable_line_and_next_line() {
        let source = "a\nb <!-- postlint-disable-line link-text -->\nc\n<!-- postlint-disable-next-line link-text -->\nd\ne\n";
        assert_eq!(suppressed_lines(source, "link-text"), [2, 5]);
        // CRLF and lone CR lines count as LineIndex counts them.
        let source = "a\r\n<!-- postlint-disable-next-line link-text -->\r\nd\re\r\n";
        assert_eq!(suppressed_lines(source, "link-text"), [3]);
    }

    #[test]
    fn disable_file_holds_from_the_top_until_an_enable() {
        let source = "---\ntitle: T\n---\na\n<!-- postlint-enable cover-missing -->\nb\n<!-- postlint-disable-file cover-missing -->\n";
        assert_eq!(suppressed_lines(source, "cover-missing"), [1, 2, 3, 4]);
    }

    #[test]
    fn capture_and_restore() {
        let source = "<!-- postlint-disable link-text -->\n<!-- postlint-capture -->\n<!-- postlint-disable -->\na\n<!-- postlint-restore -->\nb\n";
        assert_eq!(suppressed_lines(source, "single-h1"), [3, 4]);
        assert_eq!(suppressed_lines(source, "link-text"), [1, 2, 3, 4, 5, 6, 7]);
    }

    #[test]
    fn comments_in_code_are_not_directives() {
        let source = "```\n<!-- postlint-disable -->\n```\n\n`<!-- postlint-disable -->`\n\n    <!-- postlint-disable -->\n";
        assert!(post(source).suppressions.is_empty());
    }

    #[test]
    fn comments_in_containers_and_across_lines() {
        let source = "> <!-- postlint-disable\n> link-text -->\n> a\n\nb\n";
        assert_eq!(suppressed_lines(source, "link-text"), [1, 2, 3, 4, 5, 6]);
        assert!(problems(source).is_empty());
        let source = "- a <!-- postlint-disable-line link-text -->\n- b\n";
        assert_eq!(suppressed_lines(source, "link-text"), [1]);
        let source = "<div>\n<!-- postlint-disable-next-line image-alt-missing -->\n<img src=a.png>\n</div>\n";
        assert_eq!(suppressed_lines(source, "image-alt-missing"), [3]);
    }

    #[test]
    fn markdownlint_comments_cover_the_rules_that_correspond() {
        let source = "a\n<!-- markdownlint-disable MD001 no-alt-text MD013 -->\nb\n";
        assert_eq!(suppressed_lines(source, "heading-increment"), [2, 3, 4]);
        assert_eq!(suppressed_lines(source, "image-alt-missing"), [2, 3, 4]);
        assert!(suppressed_lines(source, "link-text").is_empty());
        assert!(problems(source).is_empty());
        // Without names: the rules that follow markdownlint's, not the SEO rules.
        let source = "<!-- markdownlint-disable -->\n";
        assert_eq!(suppressed_lines(source, "single-h1"), [1, 2]);
        assert!(suppressed_lines(source, "cover-missing").is_empty());
        // Names only markdownlint has: nothing of postlint's, not everything.
        let source = "<!-- MARKDOWNLINT-DISABLE md013 line-length -->\n";
        assert!(suppressed_lines(source, "single-h1").is_empty());
        // Tags.
        let source = "<!-- markdownlint-disable-file headings -->\n";
        assert_eq!(suppressed_lines(source, "heading-duplicate"), [1, 2]);
        assert!(suppressed_lines(source, "link-text").is_empty());
        // Its other directives are its own.
        assert!(problems("<!-- markdownlint-configure-file { \"MD013\": false } -->\n").is_empty());
    }

    #[test]
    fn unknown_names_and_directives_are_reported() {
        assert_eq!(
            problems("<!-- postlint-disable heading-incremnet link-text -->\n"),
            [
                "unknown rule `heading-incremnet` in a suppression comment [did you mean `heading-increment`?]"
            ]
        );
        assert_eq!(
            problems("<!-- postlint-disable MD025 -->\n"),
            ["unknown rule `MD025` in a suppression comment [markdownlint's name for `single-h1`]"]
        );
        assert_eq!(
            problems("<!-- postlint-disable-nextline -->\n"),
            [
                "unknown suppression comment `postlint-disable-nextline` [did you mean `postlint-disable-next-line`?]"
            ]
        );
        assert_eq!(
            problems("<!-- postlint-disable zzz -->\n"),
            ["unknown rule `zzz` in a suppression comment [no such rule]"]
        );
        // Only unknown names: nothing is suppressed, rather than everything.
        assert!(suppressed_lines("<!-- postlint-disable zzz -->\n", "single-h1").is_empty());
        // The report points at the name.
        let source = "text\n<!-- postlint-disable-line cover-mising -->\n";
        let problem = &post(source).suppressions.problems[0];
        assert_eq!(&source[problem.range.clone()], "cover-mising");
    }

    #[test]
    fn front_matter_key_in_each_format() {
        for source in [
            "---\npostlint:\n  disable: [cover-missing, title-length]\n---\n# A\n",
            "---\npostlint: { disable: cover-missing }\n---\n# A\n",
            "+++\n[postlint]\ndisable = [\"cover-missing\"]\n+++\n# A\n",
            "{\n  \"postlint\": {\"disable\": [\"cover-missing\"]}\n}\n# A\n",
        ] {
            let every_line: Vec<usize> = (1..=source.lines().count() + 1).collect();
            assert_eq!(
                suppressed_lines(source, "cover-missing"),
                every_line,
                "{source}"
            );
            assert!(problems(source).is_empty(), "{source}");
            assert!(suppressed_lines(source, "excerpt-missing").is_empty());
        }
    }

    #[test]
    fn a_malformed_front_matter_key_is_reported() {
        assert_eq!(
            problems("---\npostlint: cover-missing\n---\n"),
            ["`postlint` is text; expected a mapping [expected `disable: [rule, …]`]"]
        );
        assert_eq!(
            problems(
                "---\npostlint:\n  disabled: [cover-missing]\n  disable: [cover-mising, 3]\n---\n"
            ),
            [
                "unknown key `disabled` in `postlint` [not read]",
                "unknown rule `cover-mising` in `postlint.disable` [did you mean `cover-missing`?]",
                "`postlint.disable` holds a number; expected rule names [not a rule name]",
            ]
        );
        assert!(problems("---\npostlint:\n---\n").is_empty());
    }

    #[test]
    fn comment_scanning() {
        let mut found = Vec::new();
        find_comments(
            "<!--> <!-- more --> <!--postlint-disable--> <!-- markdownlint-enable",
            10,
            &mut found,
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0], 30..53);
    }
}
