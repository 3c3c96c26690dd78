//! The command line: every subcommand calls the same domain functions and store as the TUI, so a
//! script or a quick look over SSH sees exactly what the interview sees.

// Nothing from a file reaches the terminal raw: every `print!`/`println!`/`eprint!`/`eprintln!`
// of the command line (these shadow std's for every module declared below) passes its text
// through `text::printable`, so a record's name, a note, an edition or a file name with escape
// sequences is shown, not obeyed. One place, so a new command cannot forget it. A failed write
// panics with std's own words, which `output::guarded` turns into exit 1.
macro_rules! print {
    ($($arg:tt)*) => {
        $crate::cli::print_shown(false, &format!($($arg)*))
    };
}
macro_rules! println {
    () => { print!("\n") };
    ($($arg:tt)*) => {
        $crate::cli::print_shown(false, &format!("{}\n", format_args!($($arg)*)))
    };
}
macro_rules! eprint {
    ($($arg:tt)*) => {
        $crate::cli::print_shown(true, &format!($($arg)*))
    };
}
macro_rules! eprintln {
    () => { eprint!("\n") };
    ($($arg:tt)*) => {
        $crate::cli::print_shown(true, &format!("{}\n", format_args!($($arg)*)))
    };
}

mod aggregate;
mod answer;
mod budget;
mod catalog;
mod check;
mod checklist;
mod confirm;
mod contacts;
mod control;
mod copy;
mod diff;
mod export;
mod import;
mod list;
mod new;
mod output;
mod respondents;
mod show;
mod survey;
pub mod usage;
mod vendor_brief;

use crate::domain::{FiscalYear, Lang};
pub use crate::edge::{data_dir, Ctx, Failure};
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;
use usage::generate::Generate;

#[derive(Debug, Parser)]
#[command(
    name = "shindan",
    version,
    about = "shindan (「診断」, diagnosis) — a hospital's own cyber-security assessment, on the 2022 survey of the four hospital associations",
    long_about = "shindan walks a hospital through the 2022 security questionnaire of the four hospital associations, \
                  keeps its answers in a local data dir, and compares them with the survey. \
                  Without a subcommand it opens the interview (a terminal UI)."
)]
pub struct Cli {
    /// Where records are kept [default: ~/.local/share/shindan on Linux]
    #[arg(long, global = true, env = "SHINDAN_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Language of the UI and the questionnaire
    #[arg(long, global = true, env = "SHINDAN_LANG", default_value = "ja", value_parser = parse_lang)]
    pub lang: Lang,

    /// A newer MHLW checklist edition (JSON) to use beside the shipped ones
    #[arg(long, global = true, value_name = "FILE")]
    pub checklist: Option<PathBuf>,

    /// Compare with an aggregate (`shindan aggregate --format json`) instead of the 2022 survey
    #[arg(long, global = true, env = "SHINDAN_SURVEY", value_name = "FILE")]
    pub survey: Option<PathBuf>,

    /// Write the man page or a shell's completions to standard output, for packaging
    #[arg(long, hide = true, value_enum, value_name = "WHAT")]
    pub generate: Option<Generate>,

    /// How the terminal draws ambiguous-width characters (─ ○ ※ …); auto asks the terminal
    #[arg(
        long,
        env = "SHINDAN_AMBIGUOUS_WIDTH",
        value_enum,
        default_value = "auto"
    )]
    pub ambiguous_width: crate::edge::AmbiguousWidth,

    /// Open the terminal UI even when the terminal does not look UTF-8
    #[arg(long)]
    pub force_utf8: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    match s {
        "ja" => Ok(Lang::Ja),
        "en" => Ok(Lang::En),
        _ => Err(usage::parsing_lang()
            .pick(
                "ja, en のどちらかを指定してください",
                "allowed values are ja, en",
            )
            .to_string()),
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a record for a hospital; prints its id alone
    New(new::Args),
    /// List the records (and damaged files) in the data dir
    List(list::Args),
    /// Answer one question of a record (or clear it with `-`)
    Answer(answer::Args),
    /// Show a record's visible questions with answers and notes
    Show(show::Args),
    /// The report's tables computed from many record files (folders, files, JSONL bundles)
    Aggregate(aggregate::Args),
    /// Export a record (JSON, the exchange format) or its report (Markdown, HTML, CSV)
    Export(export::Args),
    /// Import exported records; refuses damaged, newer or invalid files, never half a batch
    Import(import::Args),
    /// What changed between two assessments of a hospital (or a record and the one it was copied from)
    Diff(diff::Args),
    /// The MHLW cyber-security checklist: answers, vendor forms, inspection-ready output
    Checklist(checklist::Args),
    /// The contact chart (「連絡体制図」) for incidents, checklist item 3(1)
    Contacts(contacts::Args),
    /// Where a record stands among the 2022 survey's respondents of its size and founder
    Check(check::Args),
    /// Next year's assessment of the same hospital: everything carried over (to confirm),
    /// linked to this record for diff and history; the fiscal year (「年度」) after the source's by default
    Copy(copy::Args),
    /// Confirm what a copy carried from last year (answers, checklist items, vendors' returns,
    /// contacts, controls), one by one or a section at a time; alone, list what is left
    Confirm(confirm::Args),
    /// The 2022 survey data shindan compares with, every figure with its source and precision
    Survey(survey::Args),
    /// The risk catalogue of the report's proposal 2: categories, phases, risks and controls
    Catalog(catalog::Args),
    /// Set a control of the risk catalogue in a record (status, note, vendor system), or list them
    Control(control::Args),
    /// The vendor's controls not in place, as requests to hand to the vendor
    VendorBrief(vendor_brief::Args),
    /// Security budget shortfall (proposal 1) for a hospital's own numbers, or the report's tables
    Budget(budget::Args),
}

impl Command {
    /// The command's name as typed, for the lock it takes ("another `shindan answer`").
    fn name(&self) -> &'static str {
        match self {
            Command::New(_) => "new",
            Command::List(_) => "list",
            Command::Answer(_) => "answer",
            Command::Show(_) => "show",
            Command::Aggregate(_) => "aggregate",
            Command::Export(_) => "export",
            Command::Import(_) => "import",
            Command::Diff(_) => "diff",
            Command::Checklist(_) => "checklist",
            Command::Contacts(_) => "contacts",
            Command::Check(_) => "check",
            Command::Copy(_) => "copy",
            Command::Confirm(_) => "confirm",
            Command::Survey(_) => "survey",
            Command::Catalog(_) => "catalog",
            Command::Control(_) => "control",
            Command::VendorBrief(_) => "vendor-brief",
            Command::Budget(_) => "budget",
        }
    }

    /// Whether the command compares with the survey (`--survey`, `SHINDAN_SURVEY`): only these
    /// read it, so that a survey file gone stale in the environment does not stop `list`,
    /// `answer` or `new`, which never look at it.
    fn compares(&self) -> bool {
        matches!(
            self,
            Command::Check(_) | Command::Survey(_) | Command::Export(_)
        )
    }
}

/// The 年度 of a new record (`new`, `copy`): `--year` as typed (full-width digits too, within
/// [`FiscalYear::RANGE`]), else `default`.
pub(crate) fn assessment_year(
    given: Option<&str>,
    default: FiscalYear,
    lang: Lang,
) -> Result<FiscalYear, Failure> {
    match given {
        None => Ok(default),
        Some(raw) => FiscalYear::parse(raw)
            .map_err(|e| Failure::Invalid(format!("--year: {}", e.message(lang)))),
    }
}

pub fn run() -> ExitCode {
    let cli = match usage::parse() {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    if let Some(what) = cli.generate {
        return match usage::generate::write(what, cli.lang, &mut std::io::stdout().lock()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("shindan: {e}");
                ExitCode::from(1)
            }
        };
    }
    let lang = cli.lang;
    if let Some(refused) = control_in_arguments(lang) {
        eprintln!("shindan: {refused}");
        return ExitCode::from(2);
    }
    output::guarded(lang, move || run_command(cli))
}

/// Every argument is refused with a control character in it (other than a line break or tab,
/// which a note may hold): a name or note given as `$'\e]0;…\a'` would be stored and later
/// act on a terminal or a file. One check for every command, before any is run.
fn control_in_arguments(lang: Lang) -> Option<String> {
    std::env::args_os().skip(1).find_map(|arg| {
        let arg = arg.to_string_lossy();
        let c = crate::domain::limits::control_character(&arg, true)?;
        let c = crate::domain::limits::shown(c);
        Some(
            lang.pick_with(
                || format!("引数に制御文字 {c} があります（端末やファイルで命令として働きます）：取り除いてください（何も変更していません）"),
                || format!("an argument holds the control character {c} (it would act on terminals and files): remove it (nothing was changed)"),
            ),
        )
    })
}

fn run_command(cli: Cli) -> ExitCode {
    let mut ctx = Ctx::new(cli.lang, cli.data_dir.clone()).with_checklist(cli.checklist.clone());
    if let Some(command) = &cli.command {
        ctx = ctx.for_command(command.name());
    }
    // The screens compare too.
    let compares = cli.command.as_ref().is_none_or(Command::compares);
    if let Some(path) = cli.survey.as_ref().filter(|_| compares) {
        // The aggregate is read through the edition's bound first (here, not in survey.rs,
        // which reads it again: a few KiB), so `--survey /dev/zero` is refused at once.
        let bounded = crate::store::read_bounded(path, crate::domain::limits::EDITION_BYTES);
        if let Some(e) = bounded
            .err()
            .filter(|e| e.kind() == std::io::ErrorKind::FileTooLarge)
        {
            let why = crate::edge::os_error(&e, cli.lang);
            eprintln!("shindan: --survey {}: {why}", path.display());
            return ExitCode::from(2);
        }
        match survey::choose(path, cli.lang) {
            Ok(survey) => ctx = ctx.with_survey(survey),
            Err(f) => {
                eprintln!("shindan: {f}");
                return ExitCode::from(f.code());
            }
        }
    }
    let result = match cli.command {
        // Without a terminal (or with TERM=dumb) the TUI refuses before anything is opened,
        // pointing to the command line: one check, in tui::probe.
        None => crate::tui::run(
            &mut ctx,
            crate::edge::TerminalOptions {
                ambiguous: cli.ambiguous_width,
                force_utf8: cli.force_utf8,
            },
        ),
        Some(Command::New(a)) => new::run(&mut ctx, a),
        Some(Command::List(a)) => list::run(&mut ctx, a),
        Some(Command::Answer(a)) => answer::run(&mut ctx, a),
        Some(Command::Show(a)) => show::run(&mut ctx, a),
        Some(Command::Aggregate(a)) => aggregate::run(&mut ctx, a),
        Some(Command::Export(a)) => export::run(&mut ctx, a),
        Some(Command::Import(a)) => import::run(&mut ctx, a),
        Some(Command::Diff(a)) => diff::run(&mut ctx, a),
        Some(Command::Checklist(a)) => checklist::run(&mut ctx, a),
        Some(Command::Contacts(a)) => contacts::run(&mut ctx, a),
        Some(Command::Check(a)) => check::run(&mut ctx, a),
        Some(Command::Copy(a)) => copy::run(&mut ctx, a),
        Some(Command::Confirm(a)) => confirm::run(&mut ctx, a),
        Some(Command::Survey(a)) => survey::run(&mut ctx, a),
        Some(Command::Catalog(a)) => catalog::run(&mut ctx, a),
        Some(Command::Control(a)) => control::run(&mut ctx, a),
        Some(Command::VendorBrief(a)) => vendor_brief::run(&mut ctx, a),
        Some(Command::Budget(a)) => budget::run(&mut ctx, a),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            eprintln!("shindan: {f}");
            // What was saved before the failure stays saved: a script must not redo it.
            output::say_saved();
            ExitCode::from(f.code())
        }
    }
}

/// Prints JSON for scripts. Serialising plain data cannot fail.
pub fn print_json(value: &impl serde::Serialize) {
    println!(
        "{}",
        serde_json::to_string_pretty(value).unwrap_or_default()
    );
}

/// Writes a command's output to the file named (atomically and 0600, see
/// [`crate::store::write_output`]: exports hold a hospital's weaknesses), or to standard output.
/// Text is written with its control characters made visible, as on the terminal: a report, a
/// form or a chart opened in a pager, `cat` or a browser must not obey an escape sequence an
/// older or foreign record carried into it.
pub fn emit(ctx: &Ctx, output: Option<&std::path::Path>, bytes: &[u8]) -> Result<(), Failure> {
    use std::io::Write;
    // JSON (a record for import elsewhere, a vendor's form) keeps its values: escaped, not shown.
    let shown = std::str::from_utf8(bytes).map(|text| {
        let json = text.starts_with(['{', '['])
            && serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok();
        match json {
            true => crate::text::printable_json(text),
            false => crate::text::printable_file(text),
        }
    });
    let bytes = match &shown {
        Ok(text) => text.as_bytes(),
        Err(_) => bytes,
    };
    match output {
        Some(path) => crate::store::write_output(path, bytes).map_err(|e| {
            let why = crate::edge::os_error(&e, ctx.lang);
            Failure::Data(ctx.lang.pick_with(
                || {
                    format!(
                        "{} に書けません：{why}（元のファイルはそのままです）",
                        path.display()
                    )
                },
                || {
                    format!(
                        "cannot write {}: {why}; the file there is left as it was",
                        path.display()
                    )
                },
            ))
        }),
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(bytes).and_then(|_| out.flush()).map_err(|e| {
                Failure::Data(output::message(
                    ctx.lang,
                    &crate::edge::os_error(&e, ctx.lang),
                ))
            })
        }
    }
}

/// Writes text for the terminal with its control characters made visible (see the macros above).
#[doc(hidden)]
pub fn print_shown(to_stderr: bool, text: &str) {
    use std::io::Write;
    let shown = crate::text::printable(text);
    if to_stderr {
        let _ = std::io::stderr().lock().write_all(shown.as_bytes());
    } else if let Err(e) = std::io::stdout().lock().write_all(shown.as_bytes()) {
        panic!("failed printing to stdout: {e}");
    }
}
