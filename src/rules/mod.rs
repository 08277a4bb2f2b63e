//! The rule trait and the registry: one plain table, one small file per rule.

mod cover_missing;
mod excerpt_length;
mod excerpt_missing;
mod front_matter_invalid;
mod heading_increment;
mod slug_format;

use serde::de::DeserializeOwned;

use crate::diagnostic::{Finding, Severity};
use crate::post::{Entry, Post, Value, ValueKind};

pub use cover_missing::CoverMissing;
pub use excerpt_length::ExcerptLength;
pub use excerpt_missing::ExcerptMissing;
pub use front_matter_invalid::FrontMatterInvalid;
pub use heading_increment::HeadingIncrement;
pub use slug_format::SlugFormat;

/// A check over one post. Its options are the struct itself, read once from configuration.
pub trait Rule: Send + Sync {
    fn check(&self, post: &Post, context: &Context, findings: &mut Vec<Finding>);

    /// Front matter fields this rule reads and the kind of value each must hold, so that
    /// `front-matter-invalid` can report a field of the wrong type once, for every rule.
    fn fields(&self) -> Vec<FieldSpec> {
        Vec::new()
    }

    /// Checks options that serde alone cannot (a minimum above a maximum).
    fn validate(&self) -> Result<(), String> {
        Ok(())
    }
}

/// What a front matter field must hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    /// A string (or a number, read as written).
    Text,
    /// An image path or URL, a list of them, a mapping with an `image`, or `false`.
    Image,
}

/// Keys inside a cover mapping (Hugo PaperMod's `cover: {image: …}`) that hold the image.
const IMAGE_KEYS: [&str; 4] = ["image", "src", "url", "path"];

impl Expect {
    /// Whether `value` is of a kind this field may hold; an empty value always is.
    pub fn accepts(self, value: &Value) -> bool {
        match (&value.kind, self) {
            (ValueKind::Null, _) => true,
            (ValueKind::String(_) | ValueKind::Number(_), Expect::Text) => true,
            (ValueKind::String(_) | ValueKind::Bool(false) | ValueKind::Map(_), Expect::Image) => {
                true
            }
            (ValueKind::List(items), Expect::Image) => items
                .iter()
                .all(|item| matches!(item.kind, ValueKind::String(_) | ValueKind::Map(_))),
            _ => false,
        }
    }

    /// Whether an accepted value gives the field: text that is not blank, an image that
    /// names a file, or `false`, the explicit "no image" of a cover.
    pub fn is_given(self, value: &Value) -> bool {
        match &value.kind {
            ValueKind::Null => false,
            ValueKind::String(text) => !text.trim().is_empty(),
            ValueKind::Number(_) | ValueKind::Bool(_) => true,
            ValueKind::List(items) => items.iter().any(|item| self.is_given(item)),
            ValueKind::Map(pairs) => pairs.iter().any(|(key, value)| {
                key.as_text().is_some_and(|k| IMAGE_KEYS.contains(&k))
                    && value.as_text().is_some_and(|v| !v.trim().is_empty())
            }),
        }
    }

    /// What the field must hold, for messages.
    pub fn describe(self) -> &'static str {
        match self {
            Expect::Text => "text",
            Expect::Image => "an image path or URL (or a list of them, or `false`)",
        }
    }
}

/// The front matter keys a rule reads a field from, in order of preference; never empty,
/// so a configuration with `fields = []` is refused where it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldNames(Vec<String>);

impl FieldNames {
    pub fn new(names: &[&str]) -> FieldNames {
        assert!(!names.is_empty(), "a field has at least one name");
        FieldNames(names.iter().map(|name| (*name).to_owned()).collect())
    }

    /// The preferred name, the one suggested in fixes.
    pub fn first(&self) -> &str {
        &self.0[0]
    }
}

impl std::ops::Deref for FieldNames {
    type Target = [String];

    fn deref(&self) -> &[String] {
        &self.0
    }
}

impl<'de> serde::Deserialize<'de> for FieldNames {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let names = Vec::<String>::deserialize(deserializer)?;
        if names.is_empty() {
            return Err(serde::de::Error::custom(
                "`fields` must name at least one front matter key",
            ));
        }
        Ok(FieldNames(names))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldSpec {
    pub name: String,
    pub expect: Expect,
}

/// What every rule may read besides the post: facts about the whole configured rule set.
#[derive(Debug, Default)]
pub struct Context {
    /// The fields the enabled rules read; the first spec of a name wins.
    pub fields: Vec<FieldSpec>,
}

/// A registered rule: its name, how it is shown and documented, and how it is built.
pub struct RuleInfo {
    /// Kebab-case, unique; what users write in configuration.
    pub name: &'static str,
    pub category: &'static str,
    pub default_severity: Severity,
    /// One line, lowercase, no trailing period.
    pub summary: &'static str,
    /// The rule's page, `rules/<name>.md`, embedded in the binary.
    pub doc: &'static str,
    /// Builds the rule from its options table, or from the defaults when there is none.
    pub build: BuildRule,
}

/// Builds a rule from its options table, or from its defaults when there is none.
pub type BuildRule =
    fn(Option<toml::de::ValueDeserializer<'_>>) -> Result<Box<dyn Rule>, OptionsError>;

/// Options a rule cannot be built from; `range` is in the configuration file when known.
#[derive(Debug)]
pub struct OptionsError {
    pub message: String,
    pub range: Option<std::ops::Range<usize>>,
}

impl RuleInfo {
    /// Where the rule's page is published; every diagnostic links to it.
    pub fn url(&self) -> String {
        format!(
            "https://github.com/postlint/postlint/blob/main/rules/{}.md",
            self.name
        )
    }
}

fn build<R>(options: Option<toml::de::ValueDeserializer<'_>>) -> Result<Box<dyn Rule>, OptionsError>
where
    R: Rule + DeserializeOwned + Default + 'static,
{
    let rule = match options {
        Some(options) => R::deserialize(options).map_err(|error| OptionsError {
            message: error.message().trim().to_owned(),
            range: error.span(),
        })?,
        None => R::default(),
    };
    rule.validate().map_err(|message| OptionsError {
        message,
        range: None,
    })?;
    Ok(Box::new(rule))
}

macro_rules! doc_page {
    ($name:literal) => {
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/rules/", $name, ".md"))
    };
}

/// Every rule postlint has, in the order `postlint rules` lists them.
pub static RULES: &[RuleInfo] = &[
    RuleInfo {
        name: "front-matter-invalid",
        category: "front-matter",
        default_severity: Severity::Error,
        summary: "front matter must parse, have no duplicate keys, and give linted fields the right type",
        doc: doc_page!("front-matter-invalid"),
        build: build::<FrontMatterInvalid>,
    },
    RuleInfo {
        name: "cover-missing",
        category: "seo",
        default_severity: Severity::Error,
        summary: "a post needs a cover image for social cards and listings",
        doc: doc_page!("cover-missing"),
        build: build::<CoverMissing>,
    },
    RuleInfo {
        name: "excerpt-missing",
        category: "seo",
        default_severity: Severity::Error,
        summary: "a post needs an excerpt for its search result snippet",
        doc: doc_page!("excerpt-missing"),
        build: build::<ExcerptMissing>,
    },
    RuleInfo {
        name: "excerpt-length",
        category: "seo",
        default_severity: Severity::Warning,
        summary: "the excerpt should fill a search result snippet without being cut off",
        doc: doc_page!("excerpt-length"),
        build: build::<ExcerptLength>,
    },
    RuleInfo {
        name: "slug-format",
        category: "seo",
        default_severity: Severity::Error,
        summary: "the slug should be short lowercase ASCII words joined by hyphens",
        doc: doc_page!("slug-format"),
        build: build::<SlugFormat>,
    },
    RuleInfo {
        name: "heading-increment",
        category: "structure",
        default_severity: Severity::Error,
        summary: "headings go down one level at a time",
        doc: doc_page!("heading-increment"),
        build: build::<HeadingIncrement>,
    },
];

pub fn find(name: &str) -> Option<&'static RuleInfo> {
    RULES.iter().find(|rule| rule.name == name)
}

/// How a looked-for front matter field turned out.
pub enum FieldState<'a> {
    /// The post has no front matter block at all.
    NoFrontMatter,
    /// At least one of the names holds a usable value.
    Set(&'a Entry, &'a Value),
    /// A name is present with an empty value (`cover:`); the first such entry.
    Empty(&'a Entry),
    /// None of the names is present.
    Absent,
    /// It cannot be told: the value is unreadable or of the wrong type (reported by
    /// `front-matter-invalid`), or the block's keys are not known.
    Unknown,
}

/// Looks a field up under `names`, in the order they are configured: the first name that
/// gives the field wins.
pub fn field_state<'a>(post: &'a Post, names: &'a [String], expect: Expect) -> FieldState<'a> {
    let Some(front_matter) = &post.front_matter else {
        return FieldState::NoFrontMatter;
    };
    let mut empty = None;
    for entry in names.iter().filter_map(|name| front_matter.get(name)) {
        let Some(value) = &entry.value else {
            return FieldState::Unknown;
        };
        if !expect.accepts(value) {
            return FieldState::Unknown;
        }
        if expect.is_given(value) {
            return FieldState::Set(entry, value);
        }
        empty.get_or_insert(entry);
    }
    match empty {
        Some(entry) => FieldState::Empty(entry),
        None if front_matter.keys_are_known() => FieldState::Absent,
        None => FieldState::Unknown,
    }
}

/// `1 column`, `2 columns`: a count with its unit, for messages.
pub fn plural(count: usize, unit: &str) -> String {
    if count == 1 {
        format!("{count} {unit}")
    } else {
        format!("{count} {unit}s")
    }
}

/// `cover`, `image` and 6 more: names for messages, short enough to read.
pub fn list_names(names: &[String]) -> String {
    let shown: Vec<String> = names.iter().take(3).map(|n| format!("`{n}`")).collect();
    match names.len() {
        0 => "no field".into(),
        1..=3 => shown.join(", "),
        n => format!("{} and {} more", shown.join(", "), n - 3),
    }
}

#[cfg(test)]
pub(crate) mod test_support {
    use super::{Context, RULES, Rule};
    use crate::diagnostic::Finding;
    use crate::post::Post;

    pub fn check_at(rule: &dyn Rule, path: &str, source: &str) -> Vec<Finding> {
        let post = Post::parse(path, source.to_owned());
        let mut findings = Vec::new();
        rule.check(&post, &Context::default(), &mut findings);
        findings
    }

    pub fn check(rule: &dyn Rule, source: &str) -> Vec<Finding> {
        check_at(rule, "post.md", source)
    }

    /// Checks with the field specs of every rule at its defaults.
    pub fn check_with_context(rule: &dyn Rule, source: &str) -> Vec<Finding> {
        let mut context = Context::default();
        for info in RULES {
            let built = (info.build)(None).expect("defaults build");
            context.fields.extend(built.fields());
        }
        let post = Post::parse("post.md", source.to_owned());
        let mut findings = Vec::new();
        rule.check(&post, &context, &mut findings);
        findings
    }
}
