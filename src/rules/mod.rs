//! The rule trait and the registry: one plain table, one small file per rule.

mod content_length;
mod cover_missing;
mod cover_not_found;
mod date_invalid;
mod excerpt_length;
mod excerpt_missing;
mod field_ignored;
mod fields;
mod front_matter_invalid;
mod heading_duplicate;
mod heading_empty;
mod heading_increment;
mod image_alt_length;
mod image_alt_missing;
mod link_broken;
mod link_text;
mod required_fields;
mod single_h1;
pub(crate) mod slug;
mod slug_derived_non_ascii;
mod slug_format;
mod slug_length;
mod suppression_invalid;
mod tags_missing;
mod template_links;
mod title_duplicate;
mod title_heading;
mod title_length;
mod title_missing;
mod url_duplicate;
mod value_whitespace;

use serde::de::DeserializeOwned;

use crate::diagnostic::{Finding, Severity};
use crate::post::Post;
use crate::profile::Profile;
use crate::site::{self, Kinds, PostSummary, Site};

pub use content_length::ContentLength;
pub use cover_missing::CoverMissing;
pub use cover_not_found::CoverNotFound;
pub use date_invalid::DateInvalid;
pub use excerpt_length::ExcerptLength;
pub use excerpt_missing::ExcerptMissing;
pub use field_ignored::FieldIgnored;
pub use fields::{
    Expect, FieldNames, FieldSpec, FieldState, MeasuredText, Missing, field_state, list_names,
    measured_text, missing_field, plural, section_omits,
};
pub use front_matter_invalid::FrontMatterInvalid;
pub use heading_duplicate::HeadingDuplicate;
pub use heading_empty::HeadingEmpty;
pub use heading_increment::HeadingIncrement;
pub use image_alt_length::ImageAltLength;
pub use image_alt_missing::ImageAltMissing;
pub use link_broken::LinkBroken;
pub use link_text::LinkText;
pub use required_fields::RequiredFields;
pub use single_h1::SingleH1;
pub use slug_derived_non_ascii::SlugDerivedNonAscii;
pub use slug_format::SlugFormat;
pub use slug_length::SlugLength;
pub use suppression_invalid::SuppressionInvalid;
pub use tags_missing::TagsMissing;
pub use title_duplicate::TitleDuplicate;
pub use title_length::TitleLength;
pub use title_missing::TitleMissing;
pub use url_duplicate::UrlDuplicate;
pub use value_whitespace::ValueWhitespace;

/// A check over one post. Its options are the struct itself, read once from configuration.
pub trait Rule: Send + Sync {
    fn check(&self, post: &Post, context: &Context, findings: &mut Vec<Finding>);

    /// Front matter fields this rule reads and the kind of value each must hold, so that
    /// `front-matter-invalid` can report a field of the wrong type once, for every rule.
    fn fields(&self, profile: &Profile) -> Vec<FieldSpec> {
        let _ = profile;
        Vec::new()
    }

    /// Checks options that serde alone cannot (a minimum above a maximum).
    fn validate(&self) -> Result<(), String> {
        Ok(())
    }

    /// Whether this rule checks the site as a whole, from the posts' summaries.
    fn is_site_wide(&self) -> bool {
        false
    }

    /// Checks every post together, once the posts were checked one by one. A finding
    /// names the post (an index into `posts`) it is reported in.
    fn check_site(
        &self,
        posts: &[PostSummary],
        context: &Context,
        findings: &mut Vec<(usize, Finding)>,
    ) {
        let _ = (posts, context, findings);
    }
}

/// What every rule may read besides the post: facts about the whole configured run.
#[derive(Debug, Default)]
pub struct Context {
    /// The fields the enabled rules read; the first spec of a name wins.
    pub fields: Vec<FieldSpec>,
    /// The generator's conventions: which keys hold which concept.
    pub profile: Profile,
    /// What the generator publishes, where, and from which folders.
    pub site: Site,
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
    /// The kinds of file the rule checks (SEO rules: published posts and pages; Markdown
    /// rules: every rendered file).
    pub applies_to: Kinds,
    /// Former names, still accepted in configuration, suppressions and `postlint rule`.
    pub aliases: &'static [&'static str],
}

/// The check of every length rule's options: `min` may not be above `max`.
pub fn check_bounds(min: usize, max: usize) -> Result<(), String> {
    if min > max {
        return Err(format!("`min` ({min}) is larger than `max` ({max})"));
    }
    Ok(())
}

/// A measured width for messages: `212 columns wide (106 characters)`.
pub fn width_text(columns: usize, characters: usize) -> String {
    format!(
        "{} wide ({})",
        plural(columns, "column"),
        plural(characters, "character")
    )
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
        applies_to: site::WITH_FRONT_MATTER,
        aliases: &[],
        build: build::<FrontMatterInvalid>,
    },
    RuleInfo {
        name: "title-missing",
        category: "seo",
        default_severity: Severity::Error,
        summary: "a post needs a title for its page, its search result and its shares",
        doc: doc_page!("title-missing"),
        applies_to: site::PUBLISHED,
        aliases: &[],
        build: build::<TitleMissing>,
    },
    RuleInfo {
        name: "title-length",
        category: "seo",
        default_severity: Severity::Warning,
        summary: "the title should fit a search result without being cut off",
        doc: doc_page!("title-length"),
        applies_to: site::PUBLISHED,
        aliases: &[],
        build: build::<TitleLength>,
    },
    RuleInfo {
        name: "cover-missing",
        category: "seo",
        default_severity: Severity::Error,
        summary: "a post needs a cover image for social cards and listings",
        doc: doc_page!("cover-missing"),
        applies_to: site::PUBLISHED,
        aliases: &[],
        build: build::<CoverMissing>,
    },
    RuleInfo {
        name: "excerpt-missing",
        category: "seo",
        default_severity: Severity::Warning,
        summary: "a post needs an excerpt for its search result snippet",
        doc: doc_page!("excerpt-missing"),
        applies_to: site::PUBLISHED,
        aliases: &[],
        build: build::<ExcerptMissing>,
    },
    RuleInfo {
        name: "excerpt-length",
        category: "seo",
        default_severity: Severity::Warning,
        summary: "the excerpt should fill a search result snippet without being cut off",
        doc: doc_page!("excerpt-length"),
        applies_to: site::PUBLISHED,
        aliases: &[],
        build: build::<ExcerptLength>,
    },
    RuleInfo {
        name: "slug-format",
        category: "seo",
        default_severity: Severity::Warning,
        summary: "the slug should be lowercase ASCII words joined by hyphens",
        doc: doc_page!("slug-format"),
        applies_to: site::PUBLISHED,
        aliases: &[],
        build: build::<SlugFormat>,
    },
    RuleInfo {
        name: "slug-length",
        category: "seo",
        default_severity: Severity::Warning,
        summary: "the slug should be short enough to read and share, percent-encoding counted",
        doc: doc_page!("slug-length"),
        applies_to: site::PUBLISHED,
        aliases: &[],
        build: build::<SlugLength>,
    },
    RuleInfo {
        name: "slug-derived-non-ascii",
        category: "seo",
        default_severity: Severity::Info,
        summary: "a URL made from a non-ASCII file name is percent-encoded",
        doc: doc_page!("slug-derived-non-ascii"),
        applies_to: site::PUBLISHED,
        aliases: &[],
        build: build::<SlugDerivedNonAscii>,
    },
    RuleInfo {
        name: "date-invalid",
        category: "front-matter",
        default_severity: Severity::Error,
        summary: "the date parses, comes before the update date, and is given where the generator needs it",
        doc: doc_page!("date-invalid"),
        applies_to: site::WITH_FRONT_MATTER,
        aliases: &[],
        build: build::<DateInvalid>,
    },
    RuleInfo {
        name: "tags-missing",
        category: "seo",
        default_severity: Severity::Info,
        summary: "a post has tags that link it to related posts",
        doc: doc_page!("tags-missing"),
        applies_to: site::PUBLISHED,
        aliases: &[],
        build: build::<TagsMissing>,
    },
    RuleInfo {
        name: "field-ignored",
        category: "front-matter",
        default_severity: Severity::Warning,
        summary: "a front matter key the generator ignores, or a misspelling of one it reads",
        doc: doc_page!("field-ignored"),
        applies_to: site::WITH_FRONT_MATTER,
        aliases: &[],
        build: build::<FieldIgnored>,
    },
    RuleInfo {
        name: "required-fields",
        category: "front-matter",
        default_severity: Severity::Error,
        summary: "every post has the fields the team's schema requires, of the right type",
        doc: doc_page!("required-fields"),
        applies_to: site::PUBLISHED,
        aliases: &[],
        build: build::<RequiredFields>,
    },
    RuleInfo {
        name: "url-duplicate",
        category: "site",
        default_severity: Severity::Error,
        summary: "no two pages would be published at the same URL",
        doc: doc_page!("url-duplicate"),
        applies_to: site::WITH_FRONT_MATTER,
        aliases: &["slug-duplicate"],
        build: build::<UrlDuplicate>,
    },
    RuleInfo {
        name: "title-duplicate",
        category: "site",
        default_severity: Severity::Warning,
        summary: "no two posts share a title",
        doc: doc_page!("title-duplicate"),
        applies_to: site::PUBLISHED,
        aliases: &[],
        build: build::<TitleDuplicate>,
    },
    RuleInfo {
        name: "cover-not-found",
        category: "site",
        default_severity: Severity::Error,
        summary: "a local cover image exists where the generator looks for it",
        doc: doc_page!("cover-not-found"),
        applies_to: site::PUBLISHED,
        aliases: &[],
        build: build::<CoverNotFound>,
    },
    RuleInfo {
        name: "link-broken",
        category: "site",
        default_severity: Severity::Error,
        summary: "relative links and images lead to files that exist, and fragments to headings",
        doc: doc_page!("link-broken"),
        applies_to: site::RENDERED,
        aliases: &[],
        build: build::<LinkBroken>,
    },
    RuleInfo {
        name: "heading-increment",
        category: "structure",
        default_severity: Severity::Warning,
        summary: "headings go down one level at a time",
        doc: doc_page!("heading-increment"),
        applies_to: site::RENDERED,
        aliases: &[],
        build: build::<HeadingIncrement>,
    },
    RuleInfo {
        name: "single-h1",
        category: "structure",
        default_severity: Severity::Warning,
        summary: "a post has one h1: its title",
        doc: doc_page!("single-h1"),
        applies_to: site::RENDERED,
        aliases: &[],
        build: build::<SingleH1>,
    },
    RuleInfo {
        name: "heading-empty",
        category: "structure",
        default_severity: Severity::Error,
        summary: "a heading has text",
        doc: doc_page!("heading-empty"),
        applies_to: site::RENDERED,
        aliases: &[],
        build: build::<HeadingEmpty>,
    },
    RuleInfo {
        name: "heading-duplicate",
        category: "structure",
        default_severity: Severity::Warning,
        summary: "sibling headings have different text",
        doc: doc_page!("heading-duplicate"),
        applies_to: site::RENDERED,
        aliases: &[],
        build: build::<HeadingDuplicate>,
    },
    RuleInfo {
        name: "image-alt-missing",
        category: "accessibility",
        default_severity: Severity::Warning,
        summary: "an image has alt text, or is marked decorative with an HTML `alt=\"\"`",
        doc: doc_page!("image-alt-missing"),
        applies_to: site::RENDERED,
        aliases: &[],
        build: build::<ImageAltMissing>,
    },
    RuleInfo {
        name: "image-alt-length",
        category: "accessibility",
        default_severity: Severity::Info,
        summary: "alt text is long enough to describe the image and short enough to listen to",
        doc: doc_page!("image-alt-length"),
        applies_to: site::RENDERED,
        aliases: &[],
        build: build::<ImageAltLength>,
    },
    RuleInfo {
        name: "link-text",
        category: "accessibility",
        default_severity: Severity::Warning,
        summary: "link text says where the link leads, not `click here` or `这里`",
        doc: doc_page!("link-text"),
        applies_to: site::RENDERED,
        aliases: &[],
        build: build::<LinkText>,
    },
    RuleInfo {
        name: "content-length",
        category: "seo",
        default_severity: Severity::Info,
        summary: "a post has at least 300 reading units (a word, or two CJK characters)",
        doc: doc_page!("content-length"),
        applies_to: site::PUBLISHED,
        aliases: &[],
        build: build::<ContentLength>,
    },
    RuleInfo {
        name: "suppression-invalid",
        category: "suppression",
        default_severity: Severity::Warning,
        summary: "suppression comments and the `postlint` front matter key name rules and directives that exist",
        doc: doc_page!("suppression-invalid"),
        applies_to: site::RENDERED,
        aliases: &[],
        build: build::<SuppressionInvalid>,
    },
    RuleInfo {
        name: "value-whitespace",
        category: "front-matter",
        default_severity: Severity::Warning,
        summary: "a quoted front matter value has no stray whitespace around it",
        doc: doc_page!("value-whitespace"),
        applies_to: site::WITH_FRONT_MATTER,
        aliases: &[],
        build: build::<ValueWhitespace>,
    },
];

/// The rule of a name, or of a former name.
pub fn find(name: &str) -> Option<&'static RuleInfo> {
    position(name).map(|index| &RULES[index])
}

/// The index in [`RULES`] of the rule of a name, or of a former name.
pub fn position(name: &str) -> Option<usize> {
    RULES
        .iter()
        .position(|rule| rule.name == name)
        .or_else(|| RULES.iter().position(|rule| rule.aliases.contains(&name)))
}

#[cfg(test)]
pub(crate) mod test_support {
    use super::{Context, RULES, Rule};
    use crate::diagnostic::Finding;
    use crate::post::Post;
    use crate::profile::{Generator, Profile};

    pub fn check_at(rule: &dyn Rule, path: &str, source: &str) -> Vec<Finding> {
        let post = Post::parse(path, source.to_owned());
        let mut findings = Vec::new();
        rule.check(&post, &Context::default(), &mut findings);
        findings
    }

    pub fn check(rule: &dyn Rule, source: &str) -> Vec<Finding> {
        check_at(rule, "post.md", source)
    }

    /// Checks under a generator's profile.
    pub fn check_in(rule: &dyn Rule, generator: Generator, source: &str) -> Vec<Finding> {
        let context = Context {
            profile: Profile::new(generator),
            ..Context::default()
        };
        let post = Post::parse_in(
            "post.md",
            source.to_owned(),
            &context.site,
            &context.profile,
        );
        let mut findings = Vec::new();
        rule.check(&post, &context, &mut findings);
        findings
    }

    /// Checks with the field specs of every rule at its defaults.
    pub fn check_with_context(rule: &dyn Rule, source: &str) -> Vec<Finding> {
        check_with_context_in(rule, Generator::Generic, source)
    }

    /// Checks under a generator's profile, with the field specs of every rule at its
    /// defaults.
    pub fn check_with_context_in(
        rule: &dyn Rule,
        generator: Generator,
        source: &str,
    ) -> Vec<Finding> {
        let mut context = Context {
            profile: Profile::new(generator),
            ..Context::default()
        };
        for info in RULES {
            let built = (info.build)(None).expect("defaults build");
            context.fields.extend(built.fields(&context.profile));
        }
        let post = Post::parse_in(
            "post.md",
            source.to_owned(),
            &context.site,
            &context.profile,
        );
        let mut findings = Vec::new();
        rule.check(&post, &context, &mut findings);
        findings
    }
}
