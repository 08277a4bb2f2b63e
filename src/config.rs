//! `postlint.toml`: found once, read once, turned into the set of rules to run.

use std::ops::Range;
use std::path::{Path, PathBuf};

use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use serde::Deserialize;

use crate::diagnostic::Severity;
use crate::profile::{self, Generator, Profile};
use crate::rules::{self, Context, FieldNames, RULES, Rule, RuleInfo};

pub const FILE_NAME: &str = "postlint.toml";

/// A rule's level in configuration: a severity, or off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Off,
    On(Severity),
}

impl Level {
    fn parse(text: &str) -> Option<Level> {
        Some(match text {
            "off" => Level::Off,
            "info" => Level::On(Severity::Info),
            "warning" => Level::On(Severity::Warning),
            "error" => Level::On(Severity::Error),
            _ => return None,
        })
    }
}

/// A rule ready to run: what it is, how severe its findings are, and its options.
pub struct EnabledRule {
    pub info: &'static RuleInfo,
    pub severity: Severity,
    pub rule: Box<dyn Rule>,
}

/// The rules to run, built from the configuration.
pub struct RuleSet {
    /// The configuration file read, if any.
    pub path: Option<PathBuf>,
    pub rules: Vec<EnabledRule>,
    pub context: Context,
    /// How the profile was chosen, for `postlint profile`.
    pub profile_reason: String,
}

/// A configuration file that cannot be used, with the place that says why.
#[derive(Debug)]
pub struct ConfigError {
    pub path: PathBuf,
    /// The file's text, for the report; empty when it could not be read.
    pub source: String,
    pub range: Option<Range<usize>>,
    pub message: String,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

/// `postlint.toml` in `start` or the nearest parent that has one.
pub fn discover(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|dir| dir.join(FILE_NAME))
        .find(|candidate| candidate.is_file())
}

/// The top-level settings of postlint.toml, still spanned for error reports.
#[derive(Default)]
struct Settings<'a> {
    rules: Option<Spanned<DeValue<'a>>>,
    profile: Option<Spanned<DeValue<'a>>>,
    fields: Option<Spanned<DeValue<'a>>>,
}

impl RuleSet {
    /// Every rule at its defaults with the generic profile: no configuration, no detection.
    pub fn defaults() -> RuleSet {
        build(None, "", Settings::default(), None).expect("the defaults are a valid configuration")
    }

    /// Reads the configuration file at `path`, if any. The profile, unless the file sets
    /// it, is detected from the files of `site` or its parents.
    pub fn load(path: Option<&Path>, site: &Path) -> Result<RuleSet, ConfigError> {
        let Some(path) = path else {
            return build(None, "", Settings::default(), Some(site));
        };
        let source = std::fs::read_to_string(path).map_err(|error| ConfigError {
            path: path.to_owned(),
            source: String::new(),
            range: None,
            message: format!("cannot read the configuration file: {error}"),
        })?;
        RuleSet::from_toml(path, &source, Some(site))
    }

    /// Reads configuration text; `site` is where to detect the profile from, if anywhere.
    pub fn from_toml(
        path: &Path,
        source: &str,
        site: Option<&Path>,
    ) -> Result<RuleSet, ConfigError> {
        let error = |range: Option<Range<usize>>, message: String| ConfigError {
            path: path.to_owned(),
            source: source.to_owned(),
            range,
            message,
        };
        let document = DeTable::parse(source)
            .map_err(|e| error(e.span(), format!("invalid TOML: {}", e.message().trim())))?;
        let mut settings = Settings::default();
        for (key, value) in document.into_inner() {
            match key.get_ref().as_ref() {
                "rules" => settings.rules = Some(value),
                "profile" => settings.profile = Some(value),
                "fields" => settings.fields = Some(value),
                other => {
                    return Err(error(
                        Some(key.span()),
                        format!(
                            "unknown key `{other}`; postlint.toml has `profile`, `[fields]` and `[rules.<name>]` tables"
                        ),
                    ));
                }
            }
        }
        build(Some(path), source, settings, site)
    }
}

/// The registered rule whose name is closest to a misspelt one, if any is close.
fn closest_rule(name: &str) -> Option<&'static str> {
    RULES
        .iter()
        .map(|info| (strsim::jaro_winkler(name, info.name), info.name))
        .filter(|(score, _)| *score > 0.85)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, name)| name)
}

fn build(
    path: Option<&Path>,
    source: &str,
    settings: Settings<'_>,
    site: Option<&Path>,
) -> Result<RuleSet, ConfigError> {
    let error = |range: Range<usize>, message: String| ConfigError {
        path: path.map(Path::to_owned).unwrap_or_default(),
        source: source.to_owned(),
        range: Some(range),
        message,
    };

    // The profile: named in the file, else detected from the site's files, else generic.
    let (generator, profile_reason, site_root) = match settings.profile {
        Some(value) => {
            let span = value.span();
            let generator = Generator::deserialize(ValueDeserializer::from(value)).map_err(|_| {
                error(
                    span,
                    "`profile` must be one of \"hexo\", \"hugo\", \"jekyll\", \"astro\", \"docusaurus\", \"vitepress\", \"zola\" or \"generic\"".into(),
                )
            })?;
            let file = path.map_or_else(String::new, |p| p.display().to_string());
            let root = path.and_then(Path::parent).map(Path::to_owned);
            (generator, format!("set in {file}"), root)
        }
        None => match site {
            Some(site) => {
                let detection = profile::detect(site);
                (
                    detection.generator,
                    format!("detected: {}", detection.reason),
                    detection.root,
                )
            }
            None => (Generator::Generic, "the default".to_owned(), None),
        },
    };
    let mut profile = Profile::new(generator);
    if let Some(fields) = settings.fields {
        let span = fields.span();
        let DeValue::Table(table) = fields.into_inner() else {
            return Err(error(
                span,
                "`fields` must be a table, such as `cover = [\"cover\", \"index_img\"]`".into(),
            ));
        };
        for (concept, names) in table {
            let Some(slot) = profile.fields.get_mut(concept.get_ref()) else {
                return Err(error(
                    concept.span(),
                    format!(
                        "unknown field `{}`; `[fields]` sets {}",
                        concept.get_ref().as_ref(),
                        profile::CONCEPTS.map(|c| format!("`{c}`")).join(", ")
                    ),
                ));
            };
            let names_span = names.span();
            *slot = FieldNames::deserialize(ValueDeserializer::from(names)).map_err(|e| {
                error(
                    e.span().unwrap_or(names_span),
                    format!(
                        "invalid `fields.{}`: {}",
                        concept.get_ref().as_ref(),
                        e.message().trim()
                    ),
                )
            })?;
        }
    }

    let mut configured: Vec<(&'static RuleInfo, Spanned<DeValue<'_>>)> = Vec::new();
    if let Some(rules_table) = settings.rules {
        let span = rules_table.span();
        let DeValue::Table(table) = rules_table.into_inner() else {
            return Err(error(
                span,
                "`rules` must be a table of `[rules.<name>]` tables".into(),
            ));
        };
        for (name, options) in table {
            let Some(info) = rules::find(name.get_ref()) else {
                let name_text: &str = name.get_ref().as_ref();
                let hint = match closest_rule(name_text) {
                    Some(close) => format!("did you mean `{close}`?"),
                    None => "`postlint rules` lists them".to_owned(),
                };
                return Err(error(
                    name.span(),
                    format!("unknown rule `{name_text}`; {hint}"),
                ));
            };
            configured.push((info, options));
        }
    }

    let mut rule_set = RuleSet {
        path: path.map(Path::to_owned),
        rules: Vec::new(),
        context: Context {
            fields: Vec::new(),
            profile,
            site_root,
        },
        profile_reason,
    };
    for info in RULES {
        let mut level = Level::On(info.default_severity);
        let mut options = None;
        if let Some(index) = configured.iter().position(|(i, _)| i.name == info.name) {
            let (_, value) = configured.swap_remove(index);
            let span = value.span();
            let DeValue::Table(mut table) = value.into_inner() else {
                return Err(error(
                    span,
                    format!(
                        "`rules.{}` must be a table, such as `level = \"warning\"`",
                        info.name
                    ),
                ));
            };
            if let Some(level_value) = table.remove("level") {
                let level_span = level_value.span();
                level = level_value
                    .get_ref()
                    .as_str()
                    .and_then(Level::parse)
                    .ok_or_else(|| {
                        error(
                            level_span,
                            "`level` must be \"error\", \"warning\", \"info\" or \"off\"".into(),
                        )
                    })?;
            }
            options = Some((span, table));
        }
        let Level::On(severity) = level else {
            continue;
        };
        let (span, rule) = match options {
            Some((span, table)) => {
                let deserializer =
                    ValueDeserializer::from(Spanned::new(span.clone(), DeValue::Table(table)));
                (Some(span), (info.build)(Some(deserializer)))
            }
            None => (None, (info.build)(None)),
        };
        let rule = rule.map_err(|options_error| {
            error(
                options_error.range.or(span).unwrap_or(0..0),
                format!(
                    "invalid options for `{}`: {}",
                    info.name, options_error.message
                ),
            )
        })?;
        for field in rule.fields(&rule_set.context.profile) {
            if !rule_set.context.fields.iter().any(|f| f.name == field.name) {
                rule_set.context.fields.push(field);
            }
        }
        rule_set.rules.push(EnabledRule {
            info,
            severity,
            rule,
        });
    }
    Ok(rule_set)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> Result<RuleSet, ConfigError> {
        RuleSet::from_toml(Path::new("postlint.toml"), text, None)
    }

    #[test]
    fn defaults_enable_every_rule() {
        let set = RuleSet::defaults();
        assert_eq!(set.rules.len(), RULES.len());
    }

    #[test]
    fn levels_and_options() {
        let set = load("[rules.cover-missing]\nlevel = \"off\"\n[rules.excerpt-length]\nlevel = \"error\"\nmax = 200\n").unwrap();
        assert!(set.rules.iter().all(|r| r.info.name != "cover-missing"));
        let excerpt = set
            .rules
            .iter()
            .find(|r| r.info.name == "excerpt-length")
            .unwrap();
        assert_eq!(excerpt.severity, Severity::Error);
    }

    #[test]
    fn an_unknown_option_names_the_key_and_its_place() {
        let text = "[rules.excerpt-length]\nmaximum = 200\n";
        let error = load(text).err().unwrap();
        assert!(
            error.message.contains("unknown field `maximum`"),
            "{}",
            error.message
        );
        assert_eq!(&text[error.range.unwrap()], "maximum");
    }

    #[test]
    fn a_wrong_type_is_an_error_at_the_value() {
        let text = "[rules.excerpt-length]\nmax = \"lots\"\n";
        let error = load(text).err().unwrap();
        assert!(error.message.contains("invalid type"), "{}", error.message);
        assert_eq!(&text[error.range.unwrap()], "\"lots\"");
    }

    #[test]
    fn unknown_rules_levels_and_keys() {
        let text = "[rules.cover-mising]\n";
        assert_eq!(
            &text[load(text).err().unwrap().range.unwrap()],
            "cover-mising"
        );
        let text = "[rules.cover-missing]\nlevel = \"fatal\"\n";
        assert_eq!(&text[load(text).err().unwrap().range.unwrap()], "\"fatal\"");
        let text = "colour = true\n";
        assert_eq!(&text[load(text).err().unwrap().range.unwrap()], "colour");
        assert!(load("[rules\n").is_err());
    }

    #[test]
    fn an_empty_field_list_is_refused_at_the_list() {
        let text = "[rules.cover-missing]\nfields = []\n";
        let error = load(text).err().unwrap();
        assert!(
            error.message.contains("must name at least one"),
            "{}",
            error.message
        );
        assert_eq!(&text[error.range.unwrap()], "[]");
    }

    #[test]
    fn profile_and_fields() {
        let set = load("profile = \"hugo\"\n[fields]\ncover = [\"banner\"]\n").unwrap();
        assert_eq!(set.context.profile.generator, Generator::Hugo);
        assert_eq!(&*set.context.profile.fields.cover, ["banner"]);
        assert_eq!(&*set.context.profile.fields.slug, ["url", "slug"]);
        assert!(set.profile_reason.starts_with("set in "));

        let text = "profile = \"wordpress\"\n";
        let error = load(text).err().unwrap();
        assert_eq!(&text[error.range.unwrap()], "\"wordpress\"");
        let text = "[fields]\ncovers = [\"x\"]\n";
        let error = load(text).err().unwrap();
        assert_eq!(&text[error.range.unwrap()], "covers");
        let text = "[fields]\ncover = []\n";
        let error = load(text).err().unwrap();
        assert!(error.message.contains("at least one"), "{}", error.message);
    }

    #[test]
    fn option_validation() {
        let error = load("[rules.excerpt-length]\nmin = 300\n").err().unwrap();
        assert!(
            error
                .message
                .contains("`min` (300) is larger than `max` (160)")
        );
        let error = load("[rules.slug-format]\npattern = \"[\"\n")
            .err()
            .unwrap();
        assert!(
            error.message.contains("invalid pattern"),
            "{}",
            error.message
        );
    }
}
