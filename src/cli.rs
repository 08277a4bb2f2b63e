//! Command-line arguments and the commands they run.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand, ValueEnum};

use crate::baseline::{self, Baseline};
use crate::config::{self, CommandLine, ConfigError, RuleSet};
use crate::diagnostic::{Applicability, Severity};
use crate::engine;
use crate::fix;
use crate::profile::TitleHeading;
use crate::report::{
    Concise, GitHub, GitLab, Human, JUnit, Json, Reporter, Sarif, Statistics, Totals,
};
use crate::rules::{RULES, plural};
use crate::stream::{self, Output};

/// Lint Markdown blog posts for SEO and structure problems.
#[derive(Debug, Parser)]
#[command(name = "postlint", version = env!("POSTLINT_LONG_VERSION"), about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Lint posts: files, or directories walked for *.md and *.markdown.
    // Boxed: its options outweigh the other commands' many times over.
    Check(Box<CheckArgs>),
    /// Print a rule's documentation.
    Rule {
        /// The rule's name, as `postlint rules` lists it.
        name: String,
    },
    /// List every rule with its category, default level and summary.
    Rules,
    /// Show the generator profile in effect and how it was chosen.
    Profile {
        /// A post or folder of the site (default: the current directory).
        #[arg(default_value = ".")]
        path: PathBuf,
        /// Configuration file; by default postlint.toml in the current directory or the nearest parent.
        #[arg(long)]
        config: Option<PathBuf>,
    },
    /// Show what the generator publishes: each Markdown file's kind, URL, language and draft state.
    Site {
        /// The site, or a folder of it (default: the current directory).
        #[arg(default_value = ".")]
        path: PathBuf,
        /// Configuration file; by default postlint.toml in the current directory or the nearest parent.
        #[arg(long)]
        config: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = SiteFormat::Human)]
        format: SiteFormat,
    },
    /// Run the language server (LSP over standard input and output), for editors.
    Server,
    /// Lint the site once and write a postlint.toml that settles the rules firing on nearly
    /// every page, each decision with its reason; print the counts before and after.
    Init {
        /// The site, or a folder of it (default: the current directory).
        #[arg(default_value = ".")]
        path: PathBuf,
        /// Replace an existing postlint.toml.
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SiteFormat {
    /// The site's facts, then a table: kind, URL, file.
    Human,
    /// A versioned JSON document (see the README).
    Json,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Files and directories to lint; `-` reads one post from standard input (with `--stdin-filename`).
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// Where the post read from standard input (`-`) is: its configuration, overrides,
    /// profile and site apply as if it were that file.
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Configuration file; by default postlint.toml in the current directory or the nearest parent.
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Worker threads; by default one per core.
    #[arg(long, short = 'j')]
    pub threads: Option<usize>,
    /// Don't print the summary line.
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Also write the report in `--format` to this file; the terminal gets the human report.
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Print how many findings each rule has, instead of the findings.
    #[arg(long)]
    pub statistics: bool,
    /// Run only these rules (comma-separated, repeatable).
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    pub select: Vec<String>,
    /// Don't run these rules (comma-separated, repeatable).
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    pub ignore: Vec<String>,
    /// Set a rule's level: `--rule title-length=off` (repeatable); over the configuration.
    #[arg(long = "rule", value_name = "NAME=LEVEL", value_parser = config::parse_rule_level)]
    pub rule_levels: Vec<(String, config::Level)>,
    /// Fail (exit 1) when there are more than N warnings.
    #[arg(long, value_name = "N")]
    pub max_warnings: Option<usize>,
    /// Fail (exit 1) on any warning, as on an error.
    #[arg(long)]
    pub deny_warnings: bool,
    /// Apply the safe fixes, then report what is left.
    #[arg(long)]
    pub fix: bool,
    /// With `--fix` or `--diff`: also apply the fixes that change a URL or the outline.
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// Print the fixes as a unified diff, without writing them; exit 1 if there are any.
    #[arg(long, conflicts_with = "fix")]
    pub diff: bool,
    /// Leave out the findings this baseline records; by default postlint-baseline.json
    /// beside postlint.toml (else in the site's root or here), when it exists.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Report every finding, the baselined ones too.
    #[arg(long, conflicts_with = "baseline")]
    pub no_baseline: bool,
    /// Record the findings of the files linted in the baseline (`--write-baseline=FILE`, or
    /// the one in use), replacing what it recorded for them, and report nothing.
    #[arg(long, value_name = "FILE", num_args = 0..=1, require_equals = true,
          conflicts_with_all = ["no_baseline", "diff"])]
    pub write_baseline: Option<Option<PathBuf>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Each diagnostic with its source snippet, underlined.
    Human,
    /// One line per diagnostic: path:line:col: severity[rule] message.
    Concise,
    /// A versioned JSON document (see the README).
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitHub Actions workflow commands: annotations on the pull request.
    Github,
    /// GitLab Code Quality JSON.
    Gitlab,
    /// JUnit XML, one test case per file.
    Junit,
}

/// Exit codes: what a CI step or a hook reads.
pub mod exit {
    /// No error was reported.
    pub const CLEAN: u8 = 0;
    /// At least one error was reported.
    pub const ERRORS: u8 = 1;
    /// A usage or configuration error, or a file that could not be read.
    pub const TROUBLE: u8 = 2;
}

pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Check(args) => check(*args),
        Command::Rule { name } => rule(&name),
        Command::Rules => rules(),
        Command::Profile { path, config } => profile(config.as_deref(), path),
        Command::Site {
            path,
            config,
            format,
        } => site(config.as_deref(), path, format),
        Command::Server => crate::server::run_stdio(),
        Command::Init { path, force } => crate::init::run(&path, force),
    }
}

fn check(args: CheckArgs) -> ExitCode {
    let started = Instant::now();
    let stderr_color = use_color(std::io::stderr().is_terminal());
    let command_line = CommandLine {
        select: args.select.clone(),
        ignore: args.ignore.clone(),
        levels: args.rule_levels.clone(),
    };
    if let Some(message) = command_line.unknown_rule() {
        eprintln!("error: {message}");
        return ExitCode::from(exit::TROUBLE);
    }
    let stdin_path = match stdin_path(&args) {
        Ok(path) => path,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(exit::TROUBLE);
        }
    };
    let config_paths = match &stdin_path {
        Some(path) => std::slice::from_ref(path),
        None => &args.paths[..],
    };
    let rules = match load_rules(args.config.as_deref(), config_paths, &command_line) {
        Ok(rules) => rules,
        Err(error) => {
            eprint!("{}", render_config_error(&error, stderr_color));
            return ExitCode::from(exit::TROUBLE);
        }
    };
    let baseline = match open_baseline(&args, &rules, &command_line) {
        Ok(baseline) => baseline,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(exit::TROUBLE);
        }
    };
    if let Some(threads) = args.threads {
        // Only fails when a pool already exists, which cannot happen this early.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(threads.max(1))
            .build_global();
    }
    let mut fixed = 0;
    let mut write_failures = 0;
    let mut stdin_outcome = match &stdin_path {
        Some(path) => match lint_stdin(path, &rules, &args) {
            Ok(outcome) => Some(outcome),
            Err(code) => return code,
        },
        None => None,
    };
    if stdin_outcome.is_none() && (args.fix || args.diff) {
        let applicability = if args.unsafe_fixes {
            Applicability::Unsafe
        } else {
            Applicability::Safe
        };
        let files = fix::fix_paths(&args.paths, &rules, applicability);
        fixed = files.iter().map(|file| file.applied).sum();
        if args.diff {
            let mut out = std::io::stdout().lock();
            for file in &files {
                let _ = out.write_all(fix::unified_diff(file).as_bytes());
            }
            if !args.quiet {
                let fixes = if fixed == 1 {
                    "1 fix".to_owned()
                } else {
                    format!("{fixed} fixes")
                };
                eprintln!(
                    "{fixes} in {} would be applied",
                    plural(files.len(), "file")
                );
            }
            return ExitCode::from(if files.is_empty() {
                exit::CLEAN
            } else {
                exit::ERRORS
            });
        }
        for file in &files {
            // One file that cannot be written (or changed meanwhile) does not stop
            // the others; the run ends with exit 2.
            if let Err(error) = fix::write_fixed(file) {
                eprintln!("error: cannot write {}: {error}", file.path.display());
                write_failures += 1;
                fixed -= file.applied;
            }
        }
    }
    if let Some(baseline) = baseline.as_ref().filter(|baseline| baseline.is_writing()) {
        let code = write_baseline(&args, &rules, baseline);
        return ExitCode::from(if write_failures > 0 {
            exit::TROUBLE
        } else {
            code
        });
    }
    let stdin_baselined = match (&mut stdin_outcome, &baseline) {
        (Some(outcome), Some(baseline)) => outcome
            .files
            .iter_mut()
            .map(|file| baseline.apply(file))
            .sum(),
        _ => 0,
    };

    let stdout = std::io::stdout();
    let terminal = stdout.is_terminal();
    let human = || Box::new(Human::new(use_color(terminal), terminal, terminal_width()));
    // `--output FILE` gets the format; the terminal then gets the human report.
    let mut report_file = match &args.output {
        Some(file) => match std::fs::File::create(file) {
            Ok(created) => Some((file, std::io::BufWriter::new(created))),
            Err(error) => {
                eprintln!("error: cannot write {}: {error}", file.display());
                return ExitCode::from(exit::TROUBLE);
            }
        },
        None => None,
    };
    let file_reporter = reporter(args.format, &human);
    let stdout_reporter: Box<dyn Reporter> = if args.statistics {
        Box::new(Statistics)
    } else if args.output.is_some() {
        human()
    } else {
        reporter(args.format, &human)
    };
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut outputs = Vec::new();
    if let Some((_, writer)) = &mut report_file {
        outputs.push(Output {
            reporter: file_reporter.as_ref(),
            out: writer,
        });
    }
    outputs.push(Output {
        reporter: stdout_reporter.as_ref(),
        out: &mut out,
    });
    let written = match &stdin_outcome {
        Some(outcome) => {
            let totals = Totals {
                baselined: stdin_baselined,
                ..Totals::of(outcome)
            };
            outputs
                .iter_mut()
                .try_for_each(|output| output.reporter.report_with(outcome, &totals, output.out))
                .map(|()| totals)
        }
        None => stream::check(&args.paths, &rules, baseline.as_ref(), &mut outputs),
    };
    drop(outputs);
    let flushed = written.and_then(|totals| {
        if let Some((_, writer)) = &mut report_file {
            writer.flush()?;
        }
        out.flush()?;
        Ok(totals)
    });
    let totals = match flushed {
        Ok(totals) => totals,
        Err(error) => {
            // A closed pipe (`| head`) is not an error of the lint, and says nothing.
            if let Some((file, _)) = &report_file {
                eprintln!(
                    "error: cannot write {} or the terminal: {error}",
                    file.display()
                );
            }
            return ExitCode::from(exit::TROUBLE);
        }
    };
    drop(out);

    if !args.quiet {
        if args.fix {
            eprintln!("fixed {}", plural(fixed, "problem"));
        }
        let mut line = summary(&totals, started.elapsed());
        if let Some(baseline) = &baseline {
            line.push_str(&baseline.summary(totals.baselined));
        }
        eprintln!("{line}");
        if let Some(hint) = baseline.as_ref().and_then(Baseline::prune_hint) {
            eprintln!("{hint}");
        }
    }
    let warnings = totals.warnings;
    let too_many_warnings =
        (args.deny_warnings && warnings > 0) || args.max_warnings.is_some_and(|max| warnings > max);
    if too_many_warnings && !args.quiet {
        let limit = match args.max_warnings {
            Some(max) if !args.deny_warnings => format!("more than {max} allowed"),
            _ => "warnings are denied".to_owned(),
        };
        eprintln!("failing: {} ({limit})", plural(warnings, "warning"));
    }
    ExitCode::from(if totals.failures > 0 || write_failures > 0 {
        exit::TROUBLE
    } else if totals.errors > 0 || too_many_warnings {
        exit::ERRORS
    } else {
        exit::CLEAN
    })
}

/// The path the post on standard input is linted as, when the paths are just `-`.
fn stdin_path(args: &CheckArgs) -> Result<Option<PathBuf>, String> {
    let dash = args.paths.iter().any(|path| path.as_os_str() == "-");
    match (&args.stdin_filename, dash) {
        (None, false) => Ok(None),
        (Some(_), false) => Err("`--stdin-filename` needs `-` as the path to lint".to_owned()),
        (None, true) => Err(
            "`-` reads a post from standard input; say where it is with `--stdin-filename PATH`"
                .to_owned(),
        ),
        (Some(_), true) if args.paths.len() > 1 => {
            Err("`-` (standard input) cannot be linted together with other paths".to_owned())
        }
        (Some(_), true) if args.write_baseline.is_some() => Err(
            "`--write-baseline` records the files on disk; it cannot read standard input"
                .to_owned(),
        ),
        (Some(_), true) if args.fix => {
            Err("`--fix` cannot write to standard input; use `--diff` to see the fixes".to_owned())
        }
        (Some(path), true) => Ok(Some(path.clone())),
    }
}

/// Reads the post from standard input and lints it as the file at `path`; with `--diff`,
/// prints its fixes instead and returns the exit code.
fn lint_stdin(path: &Path, rules: &RuleSet, args: &CheckArgs) -> Result<engine::Outcome, ExitCode> {
    let mut bytes = Vec::new();
    if let Err(error) = std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut bytes) {
        eprintln!("error: cannot read standard input: {error}");
        return Err(ExitCode::from(exit::TROUBLE));
    }
    let Ok(text) = String::from_utf8(bytes) else {
        eprintln!("error: standard input is not valid UTF-8");
        return Err(ExitCode::from(exit::TROUBLE));
    };
    if args.diff {
        let applicability = if args.unsafe_fixes {
            Applicability::Unsafe
        } else {
            Applicability::Safe
        };
        let (fixed, applied) = fix::fix_source(path, text.clone(), rules, applicability);
        let file = fix::FixedFile {
            path: path.to_owned(),
            original: text,
            fixed,
            applied,
        };
        if applied > 0 {
            let _ = std::io::stdout().write_all(fix::unified_diff(&file).as_bytes());
        }
        if !args.quiet {
            let fixes = if applied == 1 {
                "1 fix".to_owned()
            } else {
                format!("{applied} fixes")
            };
            eprintln!("{fixes} would be applied");
        }
        return Err(ExitCode::from(if applied > 0 {
            exit::ERRORS
        } else {
            exit::CLEAN
        }));
    }
    let files = if rules.is_excluded(path) {
        Vec::new()
    } else {
        vec![crate::buffer::lint_buffer(path, &text, rules)]
    };
    Ok(engine::Outcome { files })
}

/// The baseline to check against or to write; `None` when there is none, or with
/// `--no-baseline`.
fn open_baseline(
    args: &CheckArgs,
    rules: &RuleSet,
    command_line: &CommandLine,
) -> Result<Option<Baseline>, String> {
    if args.no_baseline {
        return Ok(None);
    }
    let scope = baseline::Scope::new(&args.paths, rules, command_line);
    let named = args.baseline.as_deref();
    match &args.write_baseline {
        Some(target) => {
            let named = target.as_deref().or(named);
            let target = named.map_or_else(|| baseline::default_path(rules), Path::to_owned);
            Baseline::for_write(&target, named.is_some(), scope).map(Some)
        }
        None => Baseline::for_check(named, &baseline::default_path(rules), scope),
    }
}

/// `--write-baseline`: lints without a report, and records what it found; the exit code.
fn write_baseline(args: &CheckArgs, rules: &RuleSet, baseline: &Baseline) -> u8 {
    if let Err(error) = stream::check(&args.paths, rules, Some(baseline), &mut []) {
        eprintln!("error: {error}");
        return exit::TROUBLE;
    }
    let written = match baseline.write() {
        Ok(written) => written,
        Err(error) => {
            eprintln!("error: cannot write {}: {error}", baseline.shown.display());
            return exit::TROUBLE;
        }
    };
    if !args.quiet {
        eprintln!("{written}");
    }
    let failures = baseline.failures();
    for failure in &failures {
        eprintln!("error: {failure}; what the baseline records of it is kept");
    }
    if failures.is_empty() {
        exit::CLEAN
    } else {
        exit::TROUBLE
    }
}

/// The reporter of a format.
fn reporter(format: Format, human: &dyn Fn() -> Box<Human>) -> Box<dyn Reporter> {
    match format {
        Format::Human => human(),
        Format::Concise => Box::new(Concise),
        Format::Json => Box::new(Json),
        Format::Sarif => Box::new(Sarif),
        Format::Github => Box::new(GitHub),
        Format::Gitlab => Box::new(GitLab),
        Format::Junit => Box::new(JUnit),
    }
}

/// The configuration: the file named, or postlint.toml in the current directory or its
/// nearest parent. The profile, unless the file sets one, is detected from the site that
/// holds the configuration file, or else the first path to lint.
fn load_rules(
    config: Option<&Path>,
    paths: &[PathBuf],
    command_line: &CommandLine,
) -> Result<RuleSet, ConfigError> {
    let current = std::env::current_dir().unwrap_or_default();
    let config_path = match config {
        Some(path) => Some(current.join(path)),
        None => config::discover(&current),
    };
    let site = match (&config_path, paths.first()) {
        (Some(path), _) => path.parent().map(Path::to_owned).unwrap_or_default(),
        (None, Some(first)) if first.is_dir() => first.clone(),
        (None, Some(first)) => first.parent().map(Path::to_owned).unwrap_or_default(),
        (None, None) => current.clone(),
    };
    // `Path::ancestors` of a relative path stops at its first component.
    let site = if site.as_os_str().is_empty() {
        current
    } else {
        crate::site::paths::absolute(&current, &site)
    };
    RuleSet::load(config_path.as_deref(), &site, command_line)
}

fn summary(totals: &Totals, elapsed: std::time::Duration) -> String {
    let mut line = format!(
        "checked {} in {:.2} s: {}, {}",
        plural(totals.posts_checked, "post"),
        elapsed.as_secs_f64(),
        plural(totals.errors, "error"),
        plural(totals.warnings, "warning"),
    );
    let infos = totals.infos;
    if infos > 0 {
        line.push_str(&format!(", {}", plural(infos, "info")));
    }
    if totals.skipped > 0 {
        line.push_str(&format!(
            "; {} not published by the generator, left alone (`postlint site` says why)",
            plural(totals.skipped, "file")
        ));
    }
    let failures = totals.failures;
    if failures > 0 {
        line.push_str(&format!(
            "; {} could not be linted",
            plural(failures, "file")
        ));
    }
    line
}

/// Colour when the stream is a terminal and `NO_COLOR` is unset or empty.
fn use_color(terminal: bool) -> bool {
    terminal && std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty())
}

/// `COLUMNS` when set, else the terminal's width, else 100 (a pipe or a file).
fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|columns| columns.parse().ok())
        .or_else(|| terminal_size::terminal_size().map(|(width, _)| usize::from(width.0)))
        .unwrap_or(100)
}

fn render_config_error(error: &ConfigError, color: bool) -> String {
    use crate::diagnostic::{Diagnostic, Finding};
    use crate::engine::{FileReport, Outcome};
    let range = error.range.clone().unwrap_or(0..0);
    let outcome = Outcome {
        files: vec![FileReport {
            path: error.path.clone(),
            source: (!error.source.is_empty()).then(|| error.source.as_str().into()),
            diagnostics: vec![Diagnostic {
                path: error.path.clone(),
                rule: "config",
                severity: Severity::Error,
                finding: Finding::new(range, error.message.clone()),
            }],
            linted: false,
            skipped: None,
            summary: None,
        }],
    };
    let mut out = Vec::new();
    let human = Human::new(color, false, terminal_width());
    let _ = human.report(&outcome, &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// The configuration for a command about one path, or the exit code after its error was
/// shown.
fn rules_for_path(config: Option<&Path>, path: &Path) -> Result<RuleSet, ExitCode> {
    load_rules(config, &[path.to_owned()], &CommandLine::default()).map_err(|error| {
        eprint!(
            "{}",
            render_config_error(&error, use_color(std::io::stderr().is_terminal()))
        );
        ExitCode::from(exit::TROUBLE)
    })
}

fn profile(config: Option<&Path>, path: PathBuf) -> ExitCode {
    let rules = match rules_for_path(config, &path) {
        Ok(rules) => rules,
        Err(code) => return code,
    };
    let profile = &rules.context.profile;
    let mut out = std::io::stdout().lock();
    let _ = writeln!(
        out,
        "profile: {} ({})",
        profile.generator, rules.profile_reason
    );
    if let Some(root) = &rules.context.site.root {
        let _ = writeln!(out, "site root: {}", root.display());
    }
    if let Some(path) = &rules.path {
        let _ = writeln!(out, "configuration: {}", path.display());
    }
    let _ = writeln!(out, "fields:");
    for concept in crate::profile::CONCEPTS {
        if let Some(names) = profile.fields.get(concept) {
            let _ = writeln!(out, "  {concept:12} {}", names.join(", "));
        }
    }
    let slug = if profile.slug_from_front_matter {
        "the first slug field that is set, else the file name"
    } else {
        "the file name (a `slug` key is ignored)"
    };
    let _ = writeln!(out, "slug from: {slug}");
    let _ = writeln!(
        out,
        "automatic excerpt: {}",
        crate::site::excerpt::describe(&rules.context.site, profile.generator)
    );
    let title = match profile.title_heading {
        TitleHeading::FrontMatter => "h1 when the front matter has a title".to_owned(),
        TitleHeading::Level(level) => format!("h{level}, when the page has a title"),
        TitleHeading::UnlessBodyOpensWithH1 => {
            "h1, unless the content opens with its own h1".to_owned()
        }
        TitleHeading::None => "none".to_owned(),
    };
    let from = if profile.title_heading_configured {
        "set in the configuration"
    } else {
        "the profile's default; a page's own template may say otherwise"
    };
    let _ = writeln!(out, "title heading: {title} ({from})");
    let site = &rules.context.site;
    let statics = if site.facts.static_roots.is_empty() {
        "none".to_owned()
    } else {
        site.facts
            .static_roots
            .iter()
            .map(
                |dir| match crate::site::listing::shown(site, dir).as_str() {
                    "." => "the site root".to_owned(),
                    shown => shown.to_owned(),
                },
            )
            .collect::<Vec<_>>()
            .join(", ")
    };
    let _ = writeln!(out, "static folders: {statics}");
    ExitCode::from(exit::CLEAN)
}

fn site(config: Option<&Path>, path: PathBuf, format: SiteFormat) -> ExitCode {
    let rules = match rules_for_path(config, &path) {
        Ok(rules) => rules,
        Err(code) => return code,
    };
    let listed = crate::site::listing::list(&[path], &rules);
    let site = &rules.context.site;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = match format {
        SiteFormat::Human => crate::site::listing::write_human(site, &listed, &mut out),
        SiteFormat::Json => crate::site::listing::write_json(site, &listed, &mut out),
    }
    .and_then(|()| out.flush());
    match written {
        Ok(()) => ExitCode::from(exit::CLEAN),
        // A closed pipe (`| head`) says nothing.
        Err(_) => ExitCode::from(exit::TROUBLE),
    }
}

fn rule(name: &str) -> ExitCode {
    match crate::rules::find(name) {
        Some(info) => {
            print!("{}", info.doc);
            ExitCode::from(exit::CLEAN)
        }
        None => {
            eprintln!("error: unknown rule `{name}`; `postlint rules` lists them");
            ExitCode::from(exit::TROUBLE)
        }
    }
}

fn rules() -> ExitCode {
    let name_width = RULES.iter().map(|r| r.name.len()).max().unwrap_or(0);
    let category_width = RULES.iter().map(|r| r.category.len()).max().unwrap_or(0);
    let mut out = std::io::stdout().lock();
    for info in RULES {
        let _ = writeln!(
            out,
            "{:name_width$}  {:category_width$}  {:7}  {}",
            info.name,
            info.category,
            info.default_severity.as_str(),
            info.summary
        );
    }
    ExitCode::from(exit::CLEAN)
}
