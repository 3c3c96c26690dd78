//! The command line's own words — `--help`, every subcommand's help, clap's errors — in the UI's
//! language. The language has to be known before clap builds a message, so it is read from the
//! raw arguments (`--lang`, then `SHINDAN_LANG`) first. The command tree is translated
//! (Japanese from `assets/cli-ja.tsv`, English from the doc comments) when there is something to
//! show: help, the version, an error.

mod errors;
pub mod generate;
mod help;

use super::Cli;
use crate::domain::Lang;
use clap::{CommandFactory, FromArgMatches};
use std::ffi::{OsStr, OsString};
use std::process::ExitCode;
use std::sync::OnceLock;

pub use help::{command, keys, Texts};

/// The language the arguments are being parsed in, for the value parsers' messages (clap calls
/// them without context). Set once, by [`parse`], before anything is parsed.
static PARSING_IN: OnceLock<Lang> = OnceLock::new();

/// The language for the value parsers' messages: the one [`parse`] found, Japanese before it.
pub(crate) fn parsing_lang() -> Lang {
    PARSING_IN.get().copied().unwrap_or(Lang::Ja)
}

/// The UI's language as the raw arguments and the environment say: the last `--lang X` or
/// `--lang=X` before `--`, else `SHINDAN_LANG`, else Japanese. Anything but `en` is Japanese
/// here; clap refuses a bad value later, in Japanese.
pub fn lang_of(args: &[OsString], env: Option<&OsStr>) -> Lang {
    let mut given: Option<&OsStr> = None;
    let mut rest = args.iter().skip(1);
    while let Some(a) = rest.next() {
        if a == "--" {
            break;
        }
        if a == "--lang" {
            given = rest.next().map(OsString::as_os_str);
        } else if let Some(v) = a.to_str().and_then(|s| s.strip_prefix("--lang=")) {
            given = Some(OsStr::new(v));
        }
    }
    match given.or(env) {
        Some(v) if v == "en" => Lang::En,
        _ => Lang::Ja,
    }
}

/// `shindan help [COMMAND…]` as `shindan [COMMAND…] --help`: clap's own help subcommand only
/// speaks English, so it is turned off and its spelling kept this way.
fn help_as_flag(args: Vec<OsString>) -> Vec<OsString> {
    const TAKES_VALUE: [&str; 5] = [
        "--data-dir",
        "--lang",
        "--checklist",
        "--survey",
        "--generate",
    ];
    let mut i = 1;
    while i < args.len() {
        let a = &args[i];
        if a == "help" {
            let mut out = args;
            out.remove(i);
            out.push("--help".into());
            return out;
        }
        let Some(s) = a.to_str() else { break };
        if TAKES_VALUE.contains(&s) {
            i += 2;
        } else if s.starts_with('-') && s != "--" {
            i += 1;
        } else {
            break;
        }
    }
    args
}

/// Parses the process's arguments in the UI's language, or says why not and gives the exit
/// code: 0 for `--help` and `--version`, 2 for a usage error.
pub fn parse() -> Result<Cli, ExitCode> {
    let args: Vec<OsString> = std::env::args_os().collect();
    let lang = lang_of(&args, std::env::var_os("SHINDAN_LANG").as_deref());
    let _ = PARSING_IN.set(lang);
    parse_from(help_as_flag(args), lang).map_err(|e| ExitCode::from(report(&e, lang)))
}

/// Parses `args`; help and errors come in `lang`.
///
/// The translation changes only what is shown (help texts, headings, the notes written into the
/// help), never what is accepted — `tests/cli_lang.rs` parses the same arguments both ways — so
/// an ordinary run is parsed with the untranslated tree, and the tree is translated only when
/// there is something to show: help, the version, or an error. Translating every subcommand's
/// every argument was an eighth of the instructions before the first frame (callgrind).
pub fn parse_from(args: Vec<OsString>, lang: Lang) -> Result<Cli, clap::Error> {
    match command(Lang::En).try_get_matches_from(&args) {
        Ok(matches) => Cli::from_arg_matches(&matches),
        // `shindan 0.1.0` in every language.
        Err(e) if e.kind() == clap::error::ErrorKind::DisplayVersion => Err(e),
        Err(_) if lang == Lang::Ja => {
            let matches = command(lang).try_get_matches_from(args)?;
            Cli::from_arg_matches(&matches)
        }
        Err(e) => Err(e),
    }
}

/// Prints a parse failure (help and version included) as clap would, in `lang`; returns the
/// exit code.
fn report(e: &clap::Error, lang: Lang) -> u8 {
    use clap::error::ErrorKind;
    let code = u8::try_from(e.exit_code()).unwrap_or(2);
    match (e.kind(), lang) {
        (ErrorKind::DisplayHelp | ErrorKind::DisplayVersion, _)
        | (ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand, _)
        | (_, Lang::En) => {
            let _ = e.print();
        }
        (_, Lang::Ja) => eprint!("{}", errors::japanese(e)),
    }
    code
}

/// The untranslated command, as the doc comments give it: what the translations are keyed to.
pub(crate) fn english_tree() -> clap::Command {
    Cli::command()
}
