//! Reading a field of the front matter: under which names, of which kind, and whether it
//! is given, empty or absent. Shared by every rule that reads a field.

use crate::post::{Entry, Post, Value, ValueKind};

/// What a front matter field must hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    /// A string (or a number, read as written).
    Text,
    /// An image path or URL, a list of them, a mapping with an `image`, or `false`.
    Image,
    /// Terms such as tags: a list of strings, or one string (Hexo and Jekyll accept
    /// `tags: a` and `tags: a b`).
    Terms,
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
            (ValueKind::String(_) | ValueKind::Number(_), Expect::Terms) => true,
            // Docusaurus tags may be `{label, permalink}` mappings.
            (ValueKind::List(items), Expect::Terms) => items.iter().all(|item| {
                matches!(
                    item.kind,
                    ValueKind::String(_) | ValueKind::Number(_) | ValueKind::Map(_)
                )
            }),
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
            ValueKind::Map(pairs) if self == Expect::Image => pairs.iter().any(|(key, value)| {
                key.as_text().is_some_and(|k| IMAGE_KEYS.contains(&k))
                    && value.as_text().is_some_and(|v| !v.trim().is_empty())
            }),
            ValueKind::Map(pairs) => !pairs.is_empty(),
        }
    }

    /// What the field must hold, for messages.
    pub fn describe(self) -> &'static str {
        match self {
            Expect::Text => "text",
            Expect::Image => "an image path or URL (or a list of them, or `false`)",
            Expect::Terms => "a list of terms (or one term as text)",
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

/// A text field measured for the length rules: where its value is, under which key, and
/// how wide it is in display columns (a CJK character counts 2).
pub struct MeasuredText<'a> {
    pub key: &'a str,
    pub range: std::ops::Range<usize>,
    pub columns: usize,
    /// The width as a message says it: `62 columns wide (31 characters)`.
    pub measured: String,
}

/// The text field under `names`, measured; `None` when it is not set to text.
pub fn measured_text<'a>(post: &'a Post, names: &'a [String]) -> Option<MeasuredText<'a>> {
    let FieldState::Set(entry, value) = field_state(post, names, Expect::Text) else {
        return None;
    };
    let (columns, characters) = crate::text::display_width(value.as_text()?);
    Some(MeasuredText {
        key: &entry.key,
        range: value.range.clone(),
        columns,
        measured: super::width_text(columns, characters),
    })
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

impl FieldSpec {
    /// One spec per name, all of one kind.
    pub fn all(names: &[String], expect: Expect) -> Vec<FieldSpec> {
        names
            .iter()
            .map(|name| FieldSpec {
                name: name.clone(),
                expect,
            })
            .collect()
    }
}

/// Why a wanted field is missing, for the help text that fits.
pub enum Missing<'a> {
    /// The key is there with nothing in it (`cover:`).
    Empty(&'a Entry),
    /// No key of the field is in the front matter.
    Absent,
    /// There is no front matter at all.
    NoFrontMatter,
}

/// The finding of a rule that wants a field, without its help: on the empty key, or on the
/// front matter's opening line, or at line 1. `None` when the field is set or cannot be
/// told. `what` names the field in messages ("cover image"), `given` labels an empty key.
pub fn missing_field<'a>(
    post: &Post,
    state: FieldState<'a>,
    names: &[String],
    what: &str,
    given: &str,
) -> Option<(crate::diagnostic::Finding, Missing<'a>)> {
    use crate::diagnostic::Finding;
    // The generator fills the field in from its configuration or the page's folder.
    if names.iter().any(|name| post.page.given.contains(name)) {
        return None;
    }
    Some(match state {
        FieldState::Set(..) | FieldState::Unknown => return None,
        FieldState::Empty(entry) => (
            Finding::new(
                entry.key_range.clone(),
                format!("`{}` is empty, so the post has no {what}", entry.key),
            )
            .label(format!("no {given} given")),
            Missing::Empty(entry),
        ),
        FieldState::Absent => (
            Finding::new(post.anchor(), format!("post has no {what}"))
                .label(format!("no {} in this front matter", list_names(names))),
            Missing::Absent,
        ),
        FieldState::NoFrontMatter => (
            Finding::new(
                post.anchor(),
                format!("post has no front matter, so no {what}"),
            ),
            Missing::NoFrontMatter,
        ),
    })
}

/// Whether a missing-field rule stays silent on the post because its section of the site
/// does without `concept`: fewer than half of the section's published pages set it (see
/// [`crate::site::conventions`]); a section of a few pages is judged by the whole site.
/// Never when the rule is told to report `every_page`, or is given its own `fields` (the
/// site's sections then do not decide), nor when there are too few pages to tell.
pub fn section_omits(
    post: &Post,
    context: &super::Context,
    concept: crate::site::conventions::Concept,
    every_page: bool,
    fields: Option<&FieldNames>,
) -> bool {
    if every_page || fields.is_some() {
        return false;
    }
    context.site.section_of(post).is_some_and(|name| {
        context
            .site
            .conventions(&context.profile)
            .judged_by(&name)
            .is_some_and(|section| !section.uses(concept))
    })
}
