//! The command line's own words in the UI's language: `--help` of every command and clap's
//! errors in Japanese by default, in English with `--lang en` or `SHINDAN_LANG=en`, usage errors
//! exiting 2; `--generate` for the man page and completions; and what shindan says without a
//! terminal.

use assert_cmd::Command;
use clap::CommandFactory;
use shindan::cli::usage::{self, Texts};
use shindan::domain::Lang;
use std::collections::BTreeSet;
use std::process::Output;

fn shindan(dir: &std::path::Path) -> Command {
    let mut c = Command::cargo_bin("shindan").unwrap();
    c.env("SHINDAN_DATA_DIR", dir)
        .env_remove("SHINDAN_LANG")
        .env("NO_COLOR", "1");
    c
}

fn run(args: &[&str], env: &[(&str, &str)]) -> Output {
    let tmp = tempfile::tempdir().unwrap();
    let mut c = shindan(tmp.path());
    for (k, v) in env {
        c.env(k, v);
    }
    c.args(args).output().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// The words clap writes in English; none may be left in a Japanese help or error.
const CLAPS_ENGLISH: [&str; 10] = [
    "Usage:",
    "Options:",
    "Arguments:",
    "Commands:",
    "[default:",
    "[env:",
    "[possible values",
    "Print help",
    "Print version",
    "error:",
];

/// Every command's path: ["new"], ["checklist", "show"], ….
fn every_command() -> Vec<Vec<String>> {
    fn walk(cmd: &clap::Command, path: &[String], out: &mut Vec<Vec<String>>) {
        for sub in cmd.get_subcommands() {
            let mut p = path.to_vec();
            p.push(sub.get_name().to_string());
            out.push(p.clone());
            walk(sub, &p, out);
        }
    }
    let mut out = vec![vec![]];
    walk(&shindan::cli::Cli::command(), &[], &mut out);
    out
}

#[test]
fn every_command_and_argument_has_its_japanese_and_every_japanese_line_is_used() {
    let needed = usage::keys(&shindan::cli::Cli::command());
    let texts = Texts::japanese();
    let missing: Vec<_> = needed
        .iter()
        .filter(|(k, _)| texts.get(k).is_none_or(str::is_empty))
        .map(|(k, en)| format!("{k}\t{en}"))
        .collect();
    assert!(
        missing.is_empty(),
        "no Japanese for:\n{}",
        missing.join("\n")
    );
    let known: BTreeSet<&str> = needed.iter().map(|(k, _)| k.as_str()).collect();
    let stale: Vec<_> = texts.keys().filter(|k| !known.contains(k)).collect();
    assert!(
        stale.is_empty(),
        "lines for no command or argument: {stale:?}"
    );
    assert!(needed.len() > 100, "the tree was walked: {}", needed.len());
}

#[test]
fn every_help_is_japanese_by_default_and_english_with_lang_en() {
    for path in every_command() {
        let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
        args.push("--help");
        let ja = run(&args, &[]);
        assert_eq!(ja.status.code(), Some(0), "{args:?}");
        let out = text(&ja.stdout);
        assert!(out.contains("使い方: shindan"), "{args:?}:\n{out}");
        assert!(out.contains("使い方を表示"), "{args:?}:\n{out}");
        for word in CLAPS_ENGLISH {
            assert!(!out.contains(word), "{args:?} says `{word}`:\n{out}");
        }
        let mut en_args = vec!["--lang", "en"];
        en_args.extend(&args);
        let en = text(&run(&en_args, &[]).stdout);
        assert!(
            en.contains("Usage: shindan") && en.contains("Print help"),
            "{en}"
        );
        let by_env = text(&run(&args, &[("SHINDAN_LANG", "en")]).stdout);
        assert!(
            by_env.contains("Usage: shindan"),
            "SHINDAN_LANG=en is --lang en: {by_env}"
        );
    }
}

/// The Japanese left in an English text once every 「…」 quote is taken out: a source word may
/// be quoted beside its English rendering ("Founder (「開設者」)"), never stand bare.
fn bare_japanese(text: &str) -> Vec<String> {
    let japanese = |c: char| matches!(c, '\u{3000}'..='\u{303F}' | '\u{3040}'..='\u{30FF}' | '\u{4E00}'..='\u{9FFF}' | '\u{FF00}'..='\u{FFEF}');
    text.lines()
        .filter(|l| {
            let mut depth = 0usize;
            l.chars().any(|c| match c {
                '「' => {
                    depth += 1;
                    false
                }
                '」' => {
                    depth = depth.saturating_sub(1);
                    false
                }
                c => depth == 0 && japanese(c),
            })
        })
        .map(str::to_string)
        .collect()
}

#[test]
fn english_help_and_errors_leave_no_japanese_outside_quotes() {
    assert_eq!(
        bare_japanese("Founder (「開設者」) 2④"),
        Vec::<String>::new()
    );
    assert_eq!(bare_japanese("the 年度 after"), vec!["the 年度 after"]);
    let mut found = Vec::new();
    for path in every_command() {
        let mut args = vec!["--lang", "en"];
        args.extend(path.iter().map(String::as_str));
        for tail in [&["--help"][..], &["-h"], &["--bogus"]] {
            let mut a = args.clone();
            a.extend(tail);
            let out = run(&a, &[]);
            let said = format!("{}{}", text(&out.stdout), text(&out.stderr));
            found.extend(
                bare_japanese(&said)
                    .into_iter()
                    .map(|l| format!("{a:?}: {l}")),
            );
        }
    }
    // Errors about what was typed name the choices in English too (what they echo is typed in
    // ASCII here, so that only shindan's own words are read).
    let tmp = tempfile::tempdir().unwrap();
    let mut c = shindan(tmp.path());
    let id = c
        .args([
            "new",
            "--name",
            "さくら病院",
            "--beds",
            "120",
            "--founder",
            "coop",
        ])
        .output()
        .unwrap();
    let id = text(&id.stdout).trim().to_string();
    for a in [
        vec!["checklist", "answer", &id, "2④", "yes"],
        vec!["checklist", "answer", &id, "9", "yes"],
        vec![
            "checklist",
            "answer",
            &id,
            "2⑦",
            "yes",
            "--device",
            "server",
        ],
        vec!["answer", &id, "Q99", "yes"],
        vec!["contacts", &id, "set", "boss"],
        vec!["new", "--name", "x", "--beds", "30", "--founder", "nobody"],
    ] {
        let mut en = vec!["--lang", "en"];
        en.extend(&a);
        let out = shindan(tmp.path()).args(&en).output().unwrap();
        assert_ne!(out.status.code(), Some(0), "{en:?}");
        let said = format!("{}{}", text(&out.stdout), text(&out.stderr));
        found.extend(
            bare_japanese(&said)
                .into_iter()
                .map(|l| format!("{en:?}: {l}")),
        );
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_main_help_lists_the_commands_in_japanese_and_hides_generate() {
    let out = text(&run(&["--help"], &[]).stdout);
    assert!(
        out.contains("コマンド:") && out.contains("オプション:"),
        "{out}"
    );
    assert!(out.contains("病院の記録を作成し"), "{out}");
    assert!(
        out.contains("［既定：ja、環境変数：SHINDAN_LANG］"),
        "{out}"
    );
    assert!(!out.contains("--generate"), "{out}");
    let en = text(&run(&["--lang", "en", "--help"], &[]).stdout);
    assert!(
        !en.contains("--generate") && en.contains("Create a record"),
        "{en}"
    );
}

#[test]
fn positional_arguments_keep_their_order_in_japanese() {
    let out = text(&run(&["checklist", "answer", "--help"], &[]).stdout);
    let at = |s: &str| out.find(s).unwrap_or_else(|| panic!("{s} in {out}"));
    assert!(at("引数:") < at("  <ID>"));
    assert!(
        at("  <ID>") < at("  <ITEM>") && at("  <ITEM>") < at("  <ANSWER>"),
        "{out}"
    );
}

/// What clap accepts of every argument of every command: everything but the words shown.
fn what_is_accepted(cmd: &mut clap::Command) -> Vec<String> {
    fn walk(cmd: &clap::Command, path: &str, out: &mut Vec<String>) {
        let mut args: Vec<String> = cmd
            .get_arguments()
            .map(|a| {
                let values: Vec<String> = a
                    .get_possible_values()
                    .iter()
                    .map(|v| v.get_name().to_string())
                    .collect();
                format!(
                    "{path}: {:?} {:?} {:?} {:?} {:?} {values:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?}",
                    a.get_id(),
                    a.get_long(),
                    a.get_short(),
                    a.get_action(),
                    a.get_num_args(),
                    a.get_default_values(),
                    a.get_env(),
                    a.is_required_set(),
                    a.is_global_set(),
                    a.get_index(),
                    a.get_value_delimiter(),
                    a.get_value_parser().type_id(),
                )
            })
            .collect();
        args.sort();
        out.extend(args);
        for sub in cmd.get_subcommands() {
            walk(sub, &format!("{path} {}", sub.get_name()), out);
        }
    }
    cmd.build();
    let mut out = Vec::new();
    walk(cmd, "shindan", &mut out);
    out
}

/// An ordinary run is parsed with the untranslated tree and only help and errors with the
/// Japanese one (the translation is most of the parse's cost), which is right only while the
/// translation changes what is shown and nothing that is accepted.
#[test]
fn the_japanese_tree_accepts_exactly_what_the_untranslated_one_does() {
    let ja = what_is_accepted(&mut usage::command(Lang::Ja));
    let en = what_is_accepted(&mut usage::command(Lang::En));
    assert!(en.len() > 50, "{} arguments", en.len());
    assert_eq!(ja, en);
    for args in [
        &["shindan"][..],
        &["shindan", "--lang", "en", "list", "--json"],
        &[
            "shindan",
            "new",
            "--name",
            "さくら病院",
            "--beds",
            "120",
            "--founder",
            "coop",
        ],
        &[
            "shindan",
            "answer",
            "2026-001",
            "beds",
            "350",
            "--data-dir",
            "/tmp/x",
        ],
        &["shindan", "checklist", "show", "2026-001"],
        &["shindan", "budget", "--beds", "200", "--bracket", "lt5m"],
        &["shindan", "aggregate", "a", "b", "--format", "json"],
    ] {
        let parsed = |lang| {
            usage::command(lang)
                .try_get_matches_from(args)
                .and_then(|m| <shindan::cli::Cli as clap::FromArgMatches>::from_arg_matches(&m))
                .map(|cli| format!("{cli:?}"))
                .map_err(|e| e.kind())
        };
        assert_eq!(parsed(Lang::Ja), parsed(Lang::En), "{args:?}");
        assert!(parsed(Lang::Ja).is_ok(), "{args:?}: {:?}", parsed(Lang::Ja));
    }
}

#[test]
fn help_as_a_command_is_help_as_a_flag() {
    let a = run(&["help", "new"], &[]);
    let b = run(&["new", "--help"], &[]);
    assert_eq!(a.status.code(), Some(0));
    assert_eq!(text(&a.stdout), text(&b.stdout));
}

/// A usage error: exit 2, nothing on stdout, the message on stderr.
fn usage_error(args: &[&str], env: &[(&str, &str)]) -> String {
    let out = run(args, env);
    assert_eq!(
        out.status.code(),
        Some(2),
        "{args:?}: {}",
        text(&out.stderr)
    );
    assert!(out.stdout.is_empty(), "{args:?}");
    text(&out.stderr)
}

#[test]
fn claps_errors_are_japanese_by_default_with_exit_2() {
    let cases: [(&[&str], &[&str]); 6] = [
        (
            &["list", "--bogus"],
            &["「--bogus」という引数はありません", "使い方: shindan list"],
        ),
        (
            &["expot"],
            &[
                "「expot」というコマンドはありません",
                "もしかして：",
                "export",
            ],
        ),
        (
            &["new", "--beds", "120"],
            &["必要な引数がありません", "--name", "--founder"],
        ),
        (
            &["export", "2026-001", "--format", "pdf"],
            &[
                "「pdf」は指定できません",
                "指定できる値：md、html、csv、json",
            ],
        ),
        (
            &["aggregate", ".", "--date", "1 June"],
            &["「1 June」は使えません", "YYYY-MM-DD で書いてください"],
        ),
        (
            &["--lang", "fr", "list"],
            &["「fr」は使えません", "ja, en のどちらか"],
        ),
    ];
    for (args, says) in cases {
        let err = usage_error(args, &[]);
        for s in says {
            assert!(err.contains(s), "{args:?}: expected `{s}` in:\n{err}");
        }
        for word in CLAPS_ENGLISH {
            assert!(!err.contains(word), "{args:?} says `{word}`:\n{err}");
        }
        assert!(err.contains("--help を付けて"), "{err}");
    }
}

#[test]
fn claps_errors_are_english_with_lang_en_wherever_it_is_given() {
    let err = usage_error(&["--lang", "en", "list", "--bogus"], &[]);
    assert!(err.contains("unexpected argument '--bogus'"), "{err}");
    // After the subcommand, and as --lang=en: read before clap builds its message all the same.
    let err = usage_error(&["list", "--bogus", "--lang=en"], &[]);
    assert!(err.contains("unexpected argument '--bogus'"), "{err}");
    let err = usage_error(&["new", "--beds", "120"], &[("SHINDAN_LANG", "en")]);
    assert!(
        err.contains("the following required arguments were not provided"),
        "{err}"
    );
    // The flag wins over the environment.
    let err = usage_error(
        &["--lang", "ja", "list", "--bogus"],
        &[("SHINDAN_LANG", "en")],
    );
    assert!(err.contains("という引数はありません"), "{err}");
}

#[test]
fn the_language_is_read_from_the_raw_arguments() {
    let args = |v: &[&str]| -> Vec<std::ffi::OsString> { v.iter().map(Into::into).collect() };
    assert_eq!(usage::lang_of(&args(&["shindan", "list"]), None), Lang::Ja);
    assert_eq!(
        usage::lang_of(&args(&["shindan", "--lang", "en"]), None),
        Lang::En
    );
    assert_eq!(
        usage::lang_of(&args(&["shindan", "x", "--lang=en"]), None),
        Lang::En
    );
    assert_eq!(
        usage::lang_of(&args(&["shindan"]), Some("en".as_ref())),
        Lang::En
    );
    assert_eq!(
        usage::lang_of(&args(&["shindan", "--lang", "ja"]), Some("en".as_ref())),
        Lang::Ja
    );
    // After `--` a word is a value, not the flag.
    assert_eq!(
        usage::lang_of(&args(&["shindan", "answer", "--", "--lang", "en"]), None),
        Lang::Ja
    );
}

fn generate(what: &str, lang: &str) -> String {
    let out = run(&["--lang", lang, "--generate", what], &[]);
    assert_eq!(out.status.code(), Some(0), "{what}: {}", text(&out.stderr));
    text(&out.stdout)
}

#[test]
fn the_man_page_carries_commands_files_environment_and_exit_codes_in_the_ui_language() {
    let ja = generate("man", "ja");
    for s in [
        ".TH shindan 1",
        ".SH 名前",
        ".SH 書式",
        ".SH オプション",
        ".SH コマンド",
        ".SH ファイル",
        ".SH 環境変数",
        ".SH 終了ステータス",
        "SHINDAN_DATA_DIR",
        "~/.local/share/shindan/",
        "正しくない入力",
    ] {
        assert!(ja.contains(s), "ja man page lacks `{s}`");
    }
    let en = generate("man", "en");
    for s in [
        ".SH NAME",
        ".SH COMMANDS",
        ".SH FILES",
        ".SH ENVIRONMENT",
        "EXIT STATUS",
    ] {
        assert!(en.contains(s), "en man page lacks `{s}`");
    }
    // Every command, nested ones too, on a usage line of its own (`shindan contacts <ID> set`).
    let listed = |page: &str, path: &[String]| {
        page.lines().any(|l| {
            let l = l.replace("\\-", "-");
            let Some(usage) = l.strip_prefix("\\fBshindan ") else {
                return false;
            };
            let words: Vec<&str> = usage
                .split(' ')
                .filter(|w| !w.starts_with(['<', '[']))
                .collect();
            words.len() >= path.len() && words[..path.len()] == *path
        })
    };
    for path in every_command().into_iter().filter(|p| !p.is_empty()) {
        assert!(
            listed(&ja, &path) && listed(&en, &path),
            "{path:?} not in the man page"
        );
    }
    assert!(!ja.contains("--generate"), "the hidden flag stays hidden");
}

#[test]
fn completions_for_every_shell() {
    for (what, mark) in [
        ("complete-bash", "complete -F _shindan"),
        ("complete-zsh", "#compdef shindan"),
        ("complete-fish", "complete -c shindan"),
        ("complete-powershell", "Register-ArgumentCompleter"),
    ] {
        let out = generate(what, "ja");
        assert!(out.contains(mark), "{what}");
        assert!(
            out.contains("vendor-brief") && out.contains("data-dir"),
            "{what}"
        );
    }
    // Descriptions follow the UI's language where the shell shows them.
    assert!(generate("complete-fish", "ja").contains("病院の記録を作成し"));
    assert!(generate("complete-fish", "en").contains("Create a record"));
}

#[test]
fn generate_refuses_what_it_does_not_know() {
    let err = usage_error(&["--generate", "pdf"], &[]);
    assert!(err.contains("指定できる値：man、complete-bash"), "{err}");
}

#[test]
fn without_a_terminal_the_interview_says_to_use_one_or_the_command_line() {
    // assert_cmd gives no terminal: standard input and output are pipes.
    let out = run(&[], &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("画面を開けません") && err.contains("shindan show 記録ID"),
        "{err}"
    );
    assert!(!err.contains("No such device"), "{err}");
    let en = text(&run(&["--lang", "en"], &[]).stderr);
    assert!(
        en.contains("cannot open the screens here") && en.contains("shindan check RECORD"),
        "{en}"
    );
}
