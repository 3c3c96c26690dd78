//! The command tree in the UI's language. English is the doc comments as they are; Japanese
//! replaces each about and help with its line in `assets/cli-ja.tsv`, and writes clap's own
//! words (headings, 既定, 環境変数, the help and version flags) in Japanese too.

use crate::domain::Lang;
use clap::builder::{Resettable, StyledStr};
use clap::{Arg, ArgAction, Command};
use std::collections::BTreeMap;
use std::sync::OnceLock;

const JA: &str = include_str!("../../../assets/cli-ja.tsv");

/// clap's default help layout with its one English word, `Usage:`, in Japanese.
const TEMPLATE_JA: &str =
    "{before-help}{about-with-newline}\n使い方: {usage}\n\n{all-args}{after-help}";

/// The Japanese texts by key (see [`keys`]).
pub struct Texts(BTreeMap<String, String>);

impl Texts {
    /// The shipped Japanese texts. Lines starting with `#` are comments; `\n` is a line break.
    pub fn japanese() -> &'static Texts {
        static TEXTS: OnceLock<Texts> = OnceLock::new();
        TEXTS.get_or_init(|| Texts::parse(JA))
    }

    pub fn parse(tsv: &str) -> Texts {
        Texts(
            tsv.lines()
                .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
                .filter_map(|l| l.split_once('\t'))
                .map(|(k, v)| (k.to_string(), v.replace("\\n", "\n")))
                .collect(),
        )
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        self.0.get(key).map(String::as_str)
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.keys().map(String::as_str)
    }
}

/// How an argument is named in a key: `--long`, `-s`, or `<id>` for a positional one.
fn arg_key(a: &Arg) -> String {
    match (a.get_long(), a.get_short()) {
        (Some(l), _) => format!("--{l}"),
        (None, Some(s)) => format!("-{s}"),
        (None, None) => format!("<{}>", a.get_id()),
    }
}

/// Every key the command tree needs a text for, with the English it stands for: the commands
/// (and the root's long description, `shindan +long`) and their visible arguments.
pub fn keys(cmd: &Command) -> Vec<(String, String)> {
    let mut out = Vec::new();
    collect(cmd, "", &mut out);
    out
}

fn collect(cmd: &Command, parent: &str, out: &mut Vec<(String, String)>) {
    let path = join(parent, cmd.get_name());
    let text = |s: Option<&clap::builder::StyledStr>| s.map(|s| s.to_string()).unwrap_or_default();
    out.push((path.clone(), text(cmd.get_about())));
    if cmd.get_long_about().is_some() {
        out.push((format!("{path} +long"), text(cmd.get_long_about())));
    }
    for a in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
        out.push((format!("{path} {}", arg_key(a)), text(a.get_help())));
    }
    for sub in cmd.get_subcommands() {
        collect(sub, &path, out);
    }
}

fn join(parent: &str, name: &str) -> String {
    if parent.is_empty() {
        name.to_string()
    } else {
        format!("{parent} {name}")
    }
}

/// The whole command tree in `lang`, ready to parse or to render as a man page or completions.
/// clap's `help` subcommand is off in both languages (it only speaks English); `shindan help X`
/// is read as `shindan X --help` before parsing.
pub fn command(lang: Lang) -> Command {
    let cmd = super::english_tree()
        .disable_help_subcommand(true)
        .propagate_version(false);
    match lang {
        Lang::En => cmd,
        Lang::Ja => japanese(cmd, "", Texts::japanese())
            .disable_version_flag(true)
            .arg(
                Arg::new("version")
                    .short('V')
                    .long("version")
                    .action(ArgAction::Version)
                    .help("版を表示")
                    .help_heading(OPTIONS),
            ),
    }
}

const OPTIONS: &str = "オプション";
const ARGUMENTS: &str = "引数";

fn japanese(cmd: Command, parent: &str, texts: &Texts) -> Command {
    let path = join(parent, cmd.get_name());
    let mut cmd = cmd
        .help_template(TEMPLATE_JA)
        .subcommand_help_heading("コマンド")
        .long_about(match texts.get(&format!("{path} +long")) {
            Some(t) => Resettable::Value(StyledStr::from(t.to_string())),
            None => Resettable::Reset,
        });
    if let Some(about) = texts.get(&path) {
        cmd = cmd.about(about.to_string());
    }
    // Under a heading of its own a positional argument is sorted like an option (display order,
    // then name), so it is given its place in the command line as its display order.
    let mut place = 0;
    cmd.mut_args(|a| {
        let a = japanese_arg(a, &path, texts);
        if a.is_positional() {
            place += 1;
            a.display_order(place)
        } else {
            a
        }
    })
    .mut_subcommands(|s| japanese(s, &path, texts))
    .disable_help_flag(true)
    .arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .help("使い方を表示")
            .help_heading(OPTIONS),
    )
}

/// One argument in Japanese: its help from the texts, and what clap would add in English
/// (`[default: …]`, `[env: …]`, `[possible values: …]`) written into the help in Japanese.
fn japanese_arg(a: Arg, path: &str, texts: &Texts) -> Arg {
    let mut help = match texts.get(&format!("{path} {}", arg_key(&a))) {
        Some(t) => t.to_string(),
        None => a.get_help().map(|s| s.to_string()).unwrap_or_default(),
    };
    let mut notes = Vec::new();
    let takes_values = a.get_action().takes_values();
    let mut a = a;
    if takes_values && !a.is_hide_possible_values_set() {
        let values: Vec<String> = a
            .get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name().to_string())
            .collect();
        if !values.is_empty() {
            notes.push(format!("値：{}", values.join("｜")));
            a = a.hide_possible_values(true);
        }
    }
    if takes_values && !a.is_hide_default_value_set() && !a.get_default_values().is_empty() {
        let defaults: Vec<String> = a
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect();
        notes.push(format!("既定：{}", defaults.join("、")));
        a = a.hide_default_value(true);
    }
    if let (Some(env), false) = (a.get_env(), a.is_hide_env_set()) {
        notes.push(format!("環境変数：{}", env.to_string_lossy()));
        a = a.hide_env(true);
    }
    if !notes.is_empty() {
        help = format!("{help}［{}］", notes.join("、"));
    }
    let heading = if a.is_positional() {
        ARGUMENTS
    } else {
        OPTIONS
    };
    a.help(help)
        .long_help(Resettable::<StyledStr>::Reset)
        .help_heading(heading)
}
