//! `postlint init`: reads the site, lints it once, and writes a `postlint.toml` that
//! settles the rules that fire on nearly every page, each decision with the numbers it
//! rests on; then lints again with it and prints both counts.
//!
//! Two kinds of decision, per section of the site (see [`crate::site::conventions`]) or,
//! when every section agrees, for the whole site:
//! - a field the pages do without (a cover, a description, tags): its missing-field rule
//!   is turned off there, writing down what the default run already infers, so that it
//!   stays so as the site grows;
//! - a rule that fires on nearly every page of a section: at that rate it reports the
//!   section's convention (short navigation titles, a theme's own heading levels), not a
//!   page's mistake, and is turned off there, with an example of what it said.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use crate::cli::exit;
use crate::config::{self, CommandLine, RuleSet};
use crate::diagnostic::Severity;
use crate::engine::{self, Outcome};
use crate::post::Post;
use crate::report::{Totals, thousands};
use crate::rules::plural;
use crate::site::conventions::{Concept, FEW_PAGES, Section};

/// A rule firing on at least this share of a section's pages (in percent) fires on nearly
/// every page.
const NEARLY_EVERY_PAGE: usize = 80;

/// Rules whose findings are mistakes however many pages have them: a page that does not
/// parse, a link or cover that leads nowhere, two pages at one URL, the team's own schema.
/// Firing everywhere, they say the site is broken, or that postlint misreads it, which a
/// setting should not hide.
const NEVER_A_CONVENTION: &[&str] = &[
    "front-matter-invalid",
    "title-missing",
    "date-invalid",
    "required-fields",
    "url-duplicate",
    "cover-not-found",
    "link-broken",
    "heading-empty",
    "suppression-invalid",
];

/// A rule turned off, where, and the numbers that say why.
#[derive(Debug, Clone)]
struct Decision {
    rule: &'static str,
    /// The sections' folders (`content/docs`); empty for the whole site.
    folders: Vec<String>,
    /// Pages that set the field, or that the rule fired in, of `pages`.
    count: usize,
    pages: usize,
    why: Why,
}

#[derive(Debug, Clone)]
enum Why {
    /// The pages there do without the field.
    Unused(Concept),
    /// The rule fires on nearly every page there; one of its messages.
    Fires(String),
}

impl Decision {
    fn place(&self) -> String {
        match self.folders.as_slice() {
            [] => "the whole site".to_owned(),
            [folder] => format!("`{folder}/`"),
            folders => format!(
                "{} folders ({})",
                folders.len(),
                folders
                    .iter()
                    .map(|folder| format!("`{folder}/`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }

    fn reason(&self, profile: &crate::profile::Profile) -> String {
        let pages = format!(
            "{} page{}",
            thousands(self.pages),
            if self.pages == 1 { "" } else { "s" }
        );
        let there = if self.folders.is_empty() {
            "of the site".to_owned()
        } else {
            format!("under {}", self.place())
        };
        match &self.why {
            Why::Unused(concept) => {
                let keys = concept
                    .fields(profile)
                    .0
                    .iter()
                    .map(|name| format!("`{name}`"))
                    .collect::<Vec<_>>()
                    .join(", ");
                format!(
                    "{} of the {pages} {there} set {} ({keys}): the pages there go without it by design, so a page without one is not an omission",
                    thousands(self.count),
                    concept.noun()
                )
            }
            Why::Fires(example) => format!(
                "fires on {} of the {pages} {there}, as \"{example}\": on nearly every page it reports a convention, not a page's mistake",
                thousands(self.count)
            ),
        }
    }
}

/// What one lint of the site found, by section.
struct Survey {
    totals: Totals,
    /// The sections with enough pages to judge, by name.
    sections: Vec<Section>,
    /// Per rule, per section name: the files it fired in, and its first message there.
    fired: BTreeMap<&'static str, BTreeMap<String, (usize, String)>>,
}

/// `postlint init PATH`: writes `postlint.toml` at the site's root (or `PATH` without a
/// generator), unless one is there and `force` is not given.
pub fn run(path: &Path, force: bool) -> ExitCode {
    let defaults = match RuleSet::load(None, path, &CommandLine::default()) {
        Ok(rules) => rules,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::from(exit::TROUBLE);
        }
    };
    // The site's root; without a generator, the current directory when the pages are in
    // it (where `postlint check` will look for the file), else the folder given.
    let current = std::env::current_dir().unwrap_or_default();
    let pages_folder = crate::site::paths::absolute(&current, path);
    let folder = match &defaults.context.site.root {
        Some(root) => root.clone(),
        None if pages_folder.starts_with(&current) => current.clone(),
        None => pages_folder.clone(),
    };
    // Where the sections' folders are written from, seen from the configuration's folder.
    let prefix = match &defaults.context.site.root {
        Some(_) => String::new(),
        None => pages_folder
            .strip_prefix(&folder)
            .ok()
            .and_then(crate::site::paths::slashed)
            .unwrap_or_default(),
    };
    let config_path = folder.join(config::FILE_NAME);
    if config_path.exists() && !force {
        eprintln!(
            "error: {} already exists; `postlint init --force` replaces it",
            config_path.display()
        );
        return ExitCode::from(exit::TROUBLE);
    }

    let paths = [path.to_owned()];
    let survey = survey(&defaults, &engine::run(&paths, &defaults), &prefix);
    let decisions = decide(&survey, &defaults);
    let text = config_text(&defaults, &survey, &decisions);
    if let Err(error) = std::fs::write(&config_path, &text) {
        eprintln!("error: cannot write {}: {error}", config_path.display());
        return ExitCode::from(exit::TROUBLE);
    }
    let after = match RuleSet::load(Some(&config_path), path, &CommandLine::default()) {
        Ok(rules) => Totals::of(&engine::run(&paths, &rules)),
        Err(error) => {
            // A bug of init's own writing: say so plainly rather than leave a broken file.
            eprintln!("error: the configuration init wrote does not load: {error}");
            return ExitCode::from(exit::TROUBLE);
        }
    };
    print!(
        "{}",
        report(
            &config_path,
            &defaults.context.profile,
            &decisions,
            &survey.totals,
            &after
        )
    );
    ExitCode::from(exit::CLEAN)
}

/// Lints' findings by rule and section.
fn survey(rules: &RuleSet, outcome: &Outcome, prefix: &str) -> Survey {
    let site = &rules.context.site;
    let profile = &rules.context.profile;
    let conventions = site.conventions(profile);
    let sections: Vec<Section> = conventions
        .sections()
        .into_iter()
        .filter(|section| section.pages >= FEW_PAGES)
        .cloned()
        .map(|mut section| {
            if !prefix.is_empty() {
                section.folder = match section.folder.as_str() {
                    "" => prefix.to_owned(),
                    folder => format!("{prefix}/{folder}"),
                };
            }
            section
        })
        .collect();
    let mut fired: BTreeMap<&'static str, BTreeMap<String, (usize, String)>> = BTreeMap::new();
    for file in outcome.files.iter().filter(|file| file.linted) {
        let Some(head) = crate::site::read_head(&file.path) else {
            continue;
        };
        let post = Post::head_in(file.path.clone(), head, site, profile);
        let Some(section) = site.section_of(&post) else {
            continue;
        };
        let mut seen = BTreeSet::new();
        for diagnostic in &file.diagnostics {
            if seen.insert(diagnostic.rule) {
                let entry = fired
                    .entry(diagnostic.rule)
                    .or_default()
                    .entry(section.clone())
                    .or_insert_with(|| (0, diagnostic.finding.message.clone()));
                entry.0 += 1;
            }
        }
    }
    Survey {
        totals: Totals::of(outcome),
        sections,
        fired,
    }
}

/// The decisions, in rule order.
fn decide(survey: &Survey, rules: &RuleSet) -> Vec<Decision> {
    let enabled = |rule: &str| rules.rules.iter().any(|enabled| enabled.info.name == rule);
    let mut decisions = Vec::new();
    for concept in Concept::ALL {
        let rule = concept.rule();
        if !enabled(rule) {
            continue;
        }
        let without: Vec<&Section> = survey
            .sections
            .iter()
            .filter(|section| !section.uses(concept))
            .collect();
        decisions.extend(settle(
            rule,
            survey,
            &without,
            Why::Unused(concept),
            |section| section.setting(concept),
        ));
    }
    let decided: BTreeSet<&str> = decisions.iter().map(|decision| decision.rule).collect();
    for (&rule, by_section) in &survey.fired {
        if decided.contains(rule) || !enabled(rule) || NEVER_A_CONVENTION.contains(&rule) {
            continue;
        }
        let fired =
            |section: &Section| by_section.get(&section.name).map_or(0, |(files, _)| *files);
        let nearly_all: Vec<&Section> = survey
            .sections
            .iter()
            .filter(|section| fired(section) * 100 >= section.pages * NEARLY_EVERY_PAGE)
            .collect();
        let Some(example) = nearly_all
            .first()
            .and_then(|section| by_section.get(&section.name))
            .map(|(_, message)| message.clone())
        else {
            continue;
        };
        decisions.extend(settle(
            rule,
            survey,
            &nearly_all,
            Why::Fires(example),
            fired,
        ));
    }
    decisions.sort_by(|a, b| a.rule.cmp(b.rule));
    decisions
}

/// Turns `rule` off for the whole site when every judged section is among `matching`,
/// else in those of them that have a folder of their own; `count` is a section's number.
fn settle(
    rule: &'static str,
    survey: &Survey,
    matching: &[&Section],
    why: Why,
    count: impl Fn(&Section) -> usize,
) -> Option<Decision> {
    let whole_site = matching.len() == survey.sections.len();
    // Pages spread over the site's root have no folder to name in a glob.
    let matching: Vec<&&Section> = matching
        .iter()
        .filter(|section| whole_site || !section.folder.is_empty())
        .collect();
    if matching.is_empty() {
        return None;
    }
    Some(Decision {
        rule,
        folders: if whole_site {
            Vec::new()
        } else {
            matching
                .iter()
                .map(|section| section.folder.clone())
                .collect()
        },
        count: matching.iter().map(|section| count(section)).sum(),
        pages: matching.iter().map(|section| section.pages).sum(),
        why,
    })
}

/// A TOML string.
fn quoted(text: &str) -> String {
    toml::Value::String(text.to_owned()).to_string()
}

/// Comment lines of `text`, wrapped at 92 columns.
fn comment(out: &mut String, text: &str) {
    for line in textwrap::wrap(text, 90) {
        let _ = writeln!(out, "# {line}");
    }
}

/// The configuration file: what postlint found, then each decision over the setting it
/// makes.
fn config_text(rules: &RuleSet, survey: &Survey, decisions: &[Decision]) -> String {
    let site = &rules.context.site;
    let mut out = String::new();
    comment(
        &mut out,
        "postlint.toml, written by `postlint init` from one run over the site. Each setting \
         below says what postlint saw; delete one to get the rule's default back. `postlint \
         rule NAME` explains a rule, `postlint site` lists every page postlint reads.",
    );
    out.push('\n');
    let pages: usize = site
        .conventions(&rules.context.profile)
        .sections()
        .iter()
        .map(|s| s.pages)
        .sum();
    comment(
        &mut out,
        &format!(
            "The site: {} ({}), {} published pages{}.",
            site.generator.name(),
            site.reason,
            thousands(pages),
            match survey.sections.len() {
                0 => String::new(),
                count => format!(
                    "; its {count} sections of {FEW_PAGES} pages or more: {}",
                    survey
                        .sections
                        .iter()
                        .map(|s| format!("`{}/` {}", s.folder, thousands(s.pages)))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            }
        ),
    );
    let _ = writeln!(out, "profile = {}", quoted(site.generator.name()));

    let profile = &rules.context.profile;
    // The decisions for the whole site, then one override per set of folders.
    let mut by_folders: BTreeMap<&[String], Vec<&Decision>> = BTreeMap::new();
    for decision in decisions {
        by_folders
            .entry(&decision.folders)
            .or_default()
            .push(decision);
    }
    for (folders, decisions) in by_folders {
        out.push('\n');
        for decision in &decisions {
            comment(
                &mut out,
                &format!("{}: {}.", decision.rule, decision.reason(profile)),
            );
        }
        if folders.is_empty() {
            for decision in decisions {
                let _ = writeln!(out, "[rules.{}]\nlevel = \"off\"", decision.rule);
            }
            continue;
        }
        let globs: Vec<String> = folders
            .iter()
            .map(|folder| quoted(&format!("{folder}/**")))
            .collect();
        let _ = writeln!(out, "[[overrides]]\nfiles = [{}]", globs.join(", "));
        for decision in decisions {
            let _ = writeln!(out, "[overrides.rules.{}]\nlevel = \"off\"", decision.rule);
        }
    }
    out
}

/// What init did, for the terminal.
fn report(
    config_path: &Path,
    profile: &crate::profile::Profile,
    decisions: &[Decision],
    before: &Totals,
    after: &Totals,
) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "wrote {} with {}",
        config_path.display(),
        plural(decisions.len(), "decision")
    );
    for decision in decisions {
        let _ = writeln!(out, "  {} off: {}", decision.rule, decision.reason(profile));
    }
    let counts = |totals: &Totals| {
        [
            (Severity::Error, "errors"),
            (Severity::Warning, "warnings"),
            (Severity::Info, "infos"),
        ]
        .map(|(severity, name)| format!("{:>7} {name}", thousands(totals.count(severity))))
        .join(", ")
    };
    let _ = writeln!(out, "before: {}", counts(before));
    let _ = writeln!(out, "after:  {}", counts(after));
    out
}
