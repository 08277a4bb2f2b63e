//! `postlint.toml`: found once, read once, turned into the set of rules to run.

use std::ops::Range;
use std::path::{Path, PathBuf};

use globset::{Glob, GlobBuilder, GlobSet, GlobSetBuilder};
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use serde::Deserialize;

use crate::diagnostic::Severity;
use crate::profile::{self, Generator, Profile, TitleHeading};
use crate::rules::{self, Context, FieldNames, RULES, Rule, RuleInfo};
use crate::site::{Site, detect};

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

/// Rule levels from the command line (`--select`, `--ignore`, `--rule name=level`): the
/// last word, over the configuration file and its overrides.
#[derive(Debug, Clone, Default)]
pub struct CommandLine {
    /// Only these rules run, when given.
    pub select: Vec<String>,
    pub ignore: Vec<String>,
    pub levels: Vec<(String, Level)>,
}

impl CommandLine {
    fn level(&self, rule: &str, configured: Level) -> Level {
        // A former name (`slug-duplicate`) means the rule it became.
        let names = |name: &String| rules::find(name).is_some_and(|info| info.name == rule);
        if let Some((_, level)) = self.levels.iter().rev().find(|(name, _)| names(name)) {
            return *level;
        }
        if !self.select.is_empty() && !self.select.iter().any(names) {
            return Level::Off;
        }
        if self.ignore.iter().any(names) {
            return Level::Off;
        }
        configured
    }

    /// A rule name on the command line that is not a rule, with a suggestion.
    pub fn unknown_rule(&self) -> Option<String> {
        let names = self
            .select
            .iter()
            .chain(&self.ignore)
            .chain(self.levels.iter().map(|(name, _)| name));
        for name in names {
            if rules::find(name).is_none() {
                let hint = match closest_rule(name) {
                    Some(close) => format!("did you mean `{close}`?"),
                    None => "`postlint rules` lists them".to_owned(),
                };
                return Some(format!("unknown rule `{name}`; {hint}"));
            }
        }
        None
    }
}

/// `--rule name=level`.
pub fn parse_rule_level(text: &str) -> Result<(String, Level), String> {
    let (name, level) = text
        .split_once('=')
        .ok_or_else(|| format!("expected NAME=LEVEL, such as `title-length=off`, not `{text}`"))?;
    let level = Level::parse(level.trim())
        .ok_or_else(|| format!("`{level}` is not a level: use error, warning, info or off"))?;
    Ok((name.trim().to_owned(), level))
}

/// Rule settings for the files that match some globs, over the file's own.
pub struct Override {
    globs: GlobSet,
    /// Each rule the override names, as it is built for those files (`None`: off).
    rules: Vec<(&'static RuleInfo, Option<EnabledRule>)>,
}

/// The rules to run, built from the configuration.
pub struct RuleSet {
    /// The configuration file read, if any.
    pub path: Option<PathBuf>,
    pub rules: Vec<EnabledRule>,
    pub context: Context,
    /// The folder globs are relative to: the configuration file's.
    pub base_dir: PathBuf,
    /// Files never linted (`exclude = [...]`).
    pub exclude: Option<GlobSet>,
    /// `[[overrides]]`, in file order: a later one wins for a rule both name.
    pub overrides: Vec<Override>,
    /// Files larger than this many bytes are reported and skipped (`max-file-size`).
    pub max_file_size: u64,
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
    exclude: Option<Spanned<DeValue<'a>>>,
    overrides: Option<Spanned<DeValue<'a>>>,
    max_file_size: Option<Spanned<DeValue<'a>>>,
    title_heading: Option<Spanned<DeValue<'a>>>,
}

impl RuleSet {
    /// Every rule at its defaults with the generic profile: no configuration, no detection.
    pub fn defaults() -> RuleSet {
        build(None, "", Settings::default(), None, &CommandLine::default())
            .expect("the defaults are a valid configuration")
    }

    /// Reads the configuration file at `path`, if any. The profile, unless the file sets
    /// it, is detected from the files of `site` or its parents.
    pub fn load(
        path: Option<&Path>,
        site: &Path,
        command_line: &CommandLine,
    ) -> Result<RuleSet, ConfigError> {
        let Some(path) = path else {
            return build(None, "", Settings::default(), Some(site), command_line);
        };
        let source = std::fs::read_to_string(path).map_err(|error| ConfigError {
            path: path.to_owned(),
            source: String::new(),
            range: None,
            message: format!("cannot read the configuration file: {error}"),
        })?;
        RuleSet::with_command_line(path, &source, Some(site), command_line)
    }

    /// Reads configuration text; `site` is where to detect the profile from, if anywhere.
    pub fn from_toml(
        path: &Path,
        source: &str,
        site: Option<&Path>,
    ) -> Result<RuleSet, ConfigError> {
        RuleSet::with_command_line(path, source, site, &CommandLine::default())
    }

    fn with_command_line(
        path: &Path,
        source: &str,
        site: Option<&Path>,
        command_line: &CommandLine,
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
                "exclude" => settings.exclude = Some(value),
                "overrides" => settings.overrides = Some(value),
                "max-file-size" => settings.max_file_size = Some(value),
                "title-heading" => settings.title_heading = Some(value),
                other => {
                    return Err(error(
                        Some(key.span()),
                        format!(
                            "unknown key `{other}`; postlint.toml has `profile`, `exclude`, `max-file-size`, `title-heading`, `[fields]`, `[rules.<name>]` and `[[overrides]]`"
                        ),
                    ));
                }
            }
        }
        build(Some(path), source, settings, site, command_line)
    }

    /// `path` relative to the configuration's folder, as globs match it.
    fn relative<'p>(&self, path: &'p Path) -> std::borrow::Cow<'p, Path> {
        if path.is_absolute() {
            match path.strip_prefix(&self.base_dir) {
                Ok(relative) => relative.into(),
                Err(_) => path.into(),
            }
        } else {
            let absolute = std::env::current_dir().unwrap_or_default().join(path);
            match absolute.strip_prefix(&self.base_dir) {
                Ok(relative) => relative.to_owned().into(),
                Err(_) => path.into(),
            }
        }
    }

    /// Whether `exclude` keeps `path` from being linted.
    pub fn is_excluded(&self, path: &Path) -> bool {
        self.exclude
            .as_ref()
            .is_some_and(|exclude| exclude.is_match(self.relative(path)))
    }

    /// The rules that run on `path`: the file's, with its matching overrides on top.
    pub fn rules_for(&self, path: &Path) -> Vec<&EnabledRule> {
        if self.overrides.is_empty() {
            return self.rules.iter().collect();
        }
        let relative = self.relative(path);
        let matching: Vec<&Override> = self
            .overrides
            .iter()
            .filter(|o| o.globs.is_match(&relative))
            .collect();
        RULES
            .iter()
            .filter_map(|info| {
                let overridden = matching.iter().rev().find_map(|o| {
                    o.rules
                        .iter()
                        .find(|(i, _)| i.name == info.name)
                        .map(|(_, rule)| rule)
                });
                match overridden {
                    Some(rule) => rule.as_ref(),
                    None => self.rules.iter().find(|e| e.info.name == info.name),
                }
            })
            .collect()
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
    command_line: &CommandLine,
) -> Result<RuleSet, ConfigError> {
    let error = |range: Range<usize>, message: String| ConfigError {
        path: path.map(Path::to_owned).unwrap_or_default(),
        source: source.to_owned(),
        range: Some(range),
        message,
    };

    // The profile: named in the file, else detected from the site's files, else generic.
    let detected = site.map(detect);
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
            // The site's root is where the generator's files are, when they say the same
            // generator; else the configuration's folder.
            match detected {
                Some(detection) if detection.generator == generator => (
                    generator,
                    format!("set in {file}; {}", detection.reason),
                    detection.root,
                ),
                _ => (
                    generator,
                    format!("set in {file}"),
                    path.and_then(Path::parent).map(Path::to_owned),
                ),
            }
        }
        None => match detected {
            Some(detection) => (
                detection.generator,
                format!("detected: {}", detection.reason),
                detection.root,
            ),
            None => (Generator::Generic, "the default".to_owned(), None),
        },
    };
    let site_model = match (generator, site_root, site) {
        // Without a generator, the folder the run starts from holds the pages whose
        // conventions the missing-field rules read.
        (Generator::Generic, None, Some(folder)) => {
            Site::generic_in(folder.to_owned(), profile_reason.clone())
        }
        (generator, site_root, _) => Site::load(generator, site_root, profile_reason.clone()),
    };
    let mut profile = Profile::new(generator);
    if let Some(value) = settings.title_heading {
        let span = value.span();
        profile.title_heading = match value.get_ref() {
            DeValue::String(text) => TitleHeading::parse(text),
            _ => None,
        }
        .ok_or_else(|| {
            error(
                span,
                "`title-heading` must be \"h1\" to \"h6\" (the level your theme prints the page's title at) or \"none\"".into(),
            )
        })?;
        profile.title_heading_configured = true;
    }
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

    let base = rule_tables(settings.rules, &error)?;
    let mut rule_set = RuleSet {
        path: path.map(Path::to_owned),
        rules: Vec::new(),
        context: Context {
            fields: Vec::new(),
            profile,
            site: site_model,
        },
        profile_reason,
        base_dir: path
            .and_then(Path::parent)
            .map(Path::to_owned)
            .or_else(|| site.map(Path::to_owned))
            .unwrap_or_default(),
        exclude: None,
        overrides: Vec::new(),
        max_file_size: crate::engine::DEFAULT_MAX_FILE_SIZE,
    };
    if let Some(value) = settings.max_file_size {
        let span = value.span();
        rule_set.max_file_size = parse_size(value.get_ref()).ok_or_else(|| {
            error(
                span,
                "`max-file-size` must be a number of bytes or a size such as \"20 MB\"".into(),
            )
        })?;
    }
    for info in RULES {
        let table = base
            .iter()
            .find(|(i, _)| i.name == info.name)
            .map(|(_, t)| t.clone());
        if let Some(enabled) = build_rule(info, table, command_line, &error)? {
            for field in enabled.rule.fields(&rule_set.context.profile) {
                if !rule_set.context.fields.iter().any(|f| f.name == field.name) {
                    rule_set.context.fields.push(field);
                }
            }
            rule_set.rules.push(enabled);
        }
    }

    if let Some(exclude) = settings.exclude {
        rule_set.exclude = Some(glob_set(exclude, "exclude", &error)?);
    }
    if let Some(overrides) = settings.overrides {
        let span = overrides.span();
        let DeValue::Array(items) = overrides.into_inner() else {
            return Err(error(
                span,
                "`overrides` must be `[[overrides]]` tables".into(),
            ));
        };
        for item in items {
            let item_span = item.span();
            let DeValue::Table(table) = item.into_inner() else {
                return Err(error(
                    item_span,
                    "each `[[overrides]]` must be a table".into(),
                ));
            };
            let mut files = None;
            let mut rules_table = None;
            for (key, value) in table {
                match key.get_ref().as_ref() {
                    "files" => files = Some(value),
                    "rules" => rules_table = Some(value),
                    other => {
                        return Err(error(
                            key.span(),
                            format!(
                                "unknown key `{other}` in `[[overrides]]`; it has `files` and `[overrides.rules.<name>]` tables"
                            ),
                        ));
                    }
                }
            }
            let Some(files) = files else {
                return Err(error(
                    item_span,
                    "`[[overrides]]` needs `files = [\"glob\", …]`".into(),
                ));
            };
            let globs = glob_set(files, "files", &error)?;
            let mut rules = Vec::new();
            for (info, table) in rule_tables(rules_table, &error)? {
                // The override's keys on top of the file's own table for the rule.
                let mut merged = base
                    .iter()
                    .find(|(i, _)| i.name == info.name)
                    .map(|(_, t)| t.clone())
                    .unwrap_or_default();
                for (key, value) in table {
                    merged.insert(key, value);
                }
                rules.push((info, build_rule(info, Some(merged), command_line, &error)?));
            }
            rule_set.overrides.push(Override { globs, rules });
        }
    }
    Ok(rule_set)
}

/// `[rules.<name>]` tables, each checked to be a table of a registered rule.
fn rule_tables<'a>(
    rules_table: Option<Spanned<DeValue<'a>>>,
    error: &impl Fn(Range<usize>, String) -> ConfigError,
) -> Result<Vec<(&'static RuleInfo, DeTable<'a>)>, ConfigError> {
    let mut tables = Vec::new();
    let Some(rules_table) = rules_table else {
        return Ok(tables);
    };
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
        let options_span = options.span();
        let DeValue::Table(table) = options.into_inner() else {
            return Err(error(
                options_span,
                format!(
                    "`rules.{}` must be a table, such as `level = \"warning\"`",
                    info.name
                ),
            ));
        };
        tables.push((info, table));
    }
    Ok(tables)
}

/// Builds one rule from its table (`level` and options), the command line having the
/// last word on its level; `None` when it is off.
fn build_rule(
    info: &'static RuleInfo,
    table: Option<DeTable<'_>>,
    command_line: &CommandLine,
    error: &impl Fn(Range<usize>, String) -> ConfigError,
) -> Result<Option<EnabledRule>, ConfigError> {
    let mut level = Level::On(info.default_severity);
    let mut table = table.unwrap_or_default();
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
    level = command_line.level(info.name, level);
    let Level::On(severity) = level else {
        return Ok(None);
    };
    let span = table
        .iter()
        .map(|(key, value)| key.span().start..value.span().end)
        .reduce(|a, b| a.start.min(b.start)..a.end.max(b.end));
    let rule = if table.is_empty() {
        (info.build)(None)
    } else {
        let whole = span.clone().unwrap_or(0..0);
        (info.build)(Some(ValueDeserializer::from(Spanned::new(
            whole,
            DeValue::Table(table),
        ))))
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
    Ok(Some(EnabledRule {
        info,
        severity,
        rule,
    }))
}

/// `10485760`, `"512 KB"`, `"20 MB"`, `"1 GB"`: a size in bytes.
fn parse_size(value: &DeValue<'_>) -> Option<u64> {
    if let Some(integer) = value.as_integer() {
        return integer.as_str().replace('_', "").parse().ok();
    }
    let text = value.as_str()?.trim();
    let digits = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let number: u64 = text[..digits].parse().ok()?;
    let unit = match text[digits..].trim().to_ascii_uppercase().as_str() {
        "" | "B" => 1,
        "KB" | "K" => 1024,
        "MB" | "M" => 1024 * 1024,
        "GB" | "G" => 1024 * 1024 * 1024,
        _ => return None,
    };
    number.checked_mul(unit)
}

/// A list of globs (`["drafts/**", "content/docs/**"]`) as one matcher.
fn glob_set(
    value: Spanned<DeValue<'_>>,
    key: &str,
    error: &impl Fn(Range<usize>, String) -> ConfigError,
) -> Result<GlobSet, ConfigError> {
    let span = value.span();
    let DeValue::Array(items) = value.into_inner() else {
        return Err(error(
            span,
            format!("`{key}` must be a list of globs, such as [\"drafts/**\"]"),
        ));
    };
    let mut builder = GlobSetBuilder::new();
    for item in items {
        let item_span = item.span();
        let Some(pattern) = item.get_ref().as_str() else {
            return Err(error(item_span, format!("`{key}` holds globs as strings")));
        };
        let glob = GlobBuilder::new(pattern)
            .literal_separator(true)
            .build()
            .map_err(|e| error(item_span.clone(), format!("invalid glob: {}", e.kind())))?;
        builder.add(glob);
        // `drafts` also means everything under it.
        if !pattern.contains('*')
            && !pattern.ends_with('/')
            && let Ok(glob) = Glob::new(&format!("{}/**", pattern.trim_end_matches('/')))
        {
            builder.add(glob);
        }
    }
    builder
        .build()
        .map_err(|e| error(span, format!("invalid globs: {e}")))
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

    fn names(rules: Vec<&EnabledRule>) -> Vec<&'static str> {
        rules.into_iter().map(|enabled| enabled.info.name).collect()
    }

    #[test]
    fn overrides_apply_to_matching_files_only() {
        let text = "[rules.title-length]\nlevel = \"error\"\n\n[[overrides]]\nfiles = [\"drafts/**\", \"notes\"]\n[overrides.rules.cover-missing]\nlevel = \"off\"\n[overrides.rules.title-length]\nmax = 90\n";
        let set = RuleSet::from_toml(Path::new("/blog/postlint.toml"), text, None).unwrap();
        let draft = set.rules_for(Path::new("/blog/drafts/2025/a.md"));
        assert!(!names(draft).contains(&"cover-missing"));
        assert!(names(set.rules_for(Path::new("/blog/notes/b.md"))).contains(&"title-length"));
        assert!(names(set.rules_for(Path::new("/blog/posts/a.md"))).contains(&"cover-missing"));
        // The override's options go on top of the file's own table: the level stays.
        let title = set
            .rules_for(Path::new("/blog/drafts/a.md"))
            .into_iter()
            .find(|e| e.info.name == "title-length")
            .unwrap();
        assert_eq!(title.severity, Severity::Error);
    }

    #[test]
    fn exclude_and_override_errors() {
        let set = RuleSet::from_toml(
            Path::new("/blog/postlint.toml"),
            "exclude = [\"vendor/**\", \"README.md\"]\n",
            None,
        )
        .unwrap();
        assert!(set.is_excluded(Path::new("/blog/vendor/x/a.md")));
        assert!(set.is_excluded(Path::new("/blog/README.md")));
        assert!(!set.is_excluded(Path::new("/blog/posts/README.md")));
        let text = "[[overrides]]\n[overrides.rules.cover-missing]\nlevel = \"off\"\n";
        assert!(load(text).err().unwrap().message.contains("needs `files"));
        let text = "[[overrides]]\nfiles = [\"a/[\"]\n";
        assert!(
            load(text)
                .err()
                .unwrap()
                .message
                .starts_with("invalid glob")
        );
    }

    #[test]
    fn the_command_line_has_the_last_word() {
        let command_line = CommandLine {
            select: vec!["title-length".into(), "slug-format".into()],
            ignore: vec!["slug-format".into()],
            levels: vec![("cover-missing".into(), Level::On(Severity::Info))],
        };
        let set = RuleSet::with_command_line(Path::new("postlint.toml"), "", None, &command_line)
            .unwrap();
        let enabled: Vec<_> = set
            .rules
            .iter()
            .map(|e| (e.info.name, e.severity))
            .collect();
        assert_eq!(
            enabled,
            [
                ("title-length", Severity::Warning),
                ("cover-missing", Severity::Info)
            ]
        );
        assert_eq!(parse_rule_level("a=off").unwrap(), ("a".into(), Level::Off));
        assert!(parse_rule_level("a").is_err());
        assert!(
            CommandLine {
                ignore: vec!["cover-mising".into()],
                ..CommandLine::default()
            }
            .unknown_rule()
            .unwrap()
            .contains("did you mean `cover-missing`?")
        );
    }

    #[test]
    fn max_file_size() {
        assert_eq!(
            load("max-file-size = \"20 MB\"\n").unwrap().max_file_size,
            20 * 1024 * 1024
        );
        assert_eq!(load("max-file-size = 1_000\n").unwrap().max_file_size, 1000);
        assert_eq!(RuleSet::defaults().max_file_size, 10 * 1024 * 1024);
        let text = "max-file-size = \"big\"\n";
        assert_eq!(&text[load(text).err().unwrap().range.unwrap()], "\"big\"");
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
