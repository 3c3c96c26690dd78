//! `shindan --generate man|complete-bash|…`: the man page and the shell completions, made from
//! the same command tree as `--help` (so in the UI's language), for the packages to install.

use crate::domain::Lang;
use clap::ValueEnum;
use clap_complete::Shell;
use roff::{bold, italic, roman, Roff};
use std::io::{self, Write};

/// What `--generate` writes to standard output (ripgrep's names).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Generate {
    /// The man page, shindan(1), in roff
    Man,
    CompleteBash,
    CompleteZsh,
    CompleteFish,
    CompletePowershell,
}

pub fn write(what: Generate, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let mut cmd = super::command(lang);
    let shell = match what {
        Generate::Man => return man(cmd, lang, out),
        Generate::CompleteBash => Shell::Bash,
        Generate::CompleteZsh => Shell::Zsh,
        Generate::CompleteFish => Shell::Fish,
        Generate::CompletePowershell => Shell::PowerShell,
    };
    clap_complete::generate(shell, &mut cmd, "shindan", out);
    Ok(())
}

/// clap_mangen's section headings, which it writes in English, as Japanese man pages name them.
const HEADINGS_JA: [(&str, &str); 4] = [
    (".SH NAME", ".SH 名前"),
    (".SH SYNOPSIS", ".SH 書式"),
    (".SH DESCRIPTION", ".SH 説明"),
    (".SH VERSION", ".SH 版"),
];

fn man(cmd: clap::Command, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let mut built = cmd.clone();
    built.build();
    let page = clap_mangen::Man::new(cmd);
    let mut head = Vec::new();
    page.render_title(&mut head)?;
    page.render_name_section(&mut head)?;
    page.render_synopsis_section(&mut head)?;
    page.render_description_section(&mut head)?;
    page.render_options_section(&mut head)?;
    // Japanese has no spaces to stretch: ragged right, not justified.
    let mut head = String::from_utf8_lossy(&head).into_owned();
    if let Some(th) = head.find(".TH ") {
        let end = head[th..].find('\n').map_or(head.len(), |n| th + n + 1);
        head.insert_str(end, ".ad l\n");
    }
    let mut tail = Vec::new();
    page.render_version_section(&mut tail)?;
    let mut tail = String::from_utf8_lossy(&tail).into_owned();
    if lang == Lang::Ja {
        for (en, ja) in HEADINGS_JA {
            head = head.replace(en, ja);
            tail = tail.replace(en, ja);
        }
    }
    let mut roff = Roff::new();
    commands(&mut roff, &built, lang);
    essentials(&mut roff, lang);
    out.write_all(head.as_bytes())?;
    out.write_all(roff.render().as_bytes())?;
    out.write_all(tail.as_bytes())
}

/// Every command, nested ones too, with its usage line and what it does.
fn commands(roff: &mut Roff, root: &clap::Command, lang: Lang) {
    roff.control("SH", [lang.pick("コマンド", "COMMANDS")]);
    fn walk(roff: &mut Roff, cmd: &mut clap::Command) {
        for sub in cmd.get_subcommands_mut().filter(|s| !s.is_hide_set()) {
            let usage = sub.render_usage().to_string();
            let usage = usage.trim_start_matches("Usage:").trim().to_string();
            roff.control("TP", []);
            roff.text([bold(usage)]);
            if let Some(about) = sub.get_about() {
                for line in about.to_string().lines() {
                    roff.text([roman(line)]);
                }
            }
            walk(roff, sub);
        }
    }
    let mut root = root.clone();
    walk(roff, &mut root);
    roff.control("PP", []);
    roff.text([roman(lang.pick(
        "各コマンドのオプションは shindan コマンド --help で表示されます。",
        "Each command's options: shindan COMMAND --help.",
    ))]);
}

/// A man page section: its heading (ja, en) and its entries (term, ja, en).
type Section = (
    (&'static str, &'static str),
    &'static [(&'static str, &'static str, &'static str)],
);

/// What the README says a user must know: where the data is, what changes shindan, what its
/// exit codes mean.
const ESSENTIALS: [Section; 3] = [
    (
        ("ファイル", "FILES"),
        &[
            (
                "~/.local/share/shindan/",
                "記録の置き場所（Linux。ほかの OS ではその OS のデータフォルダ）。--data-dir か SHINDAN_DATA_DIR で変えられます。フォルダは 0700、ファイルは 0600 です。",
                "Where records are kept (Linux; the platform's data dir elsewhere); --data-dir or SHINDAN_DATA_DIR to choose. The folder is 0700, the files 0600.",
            ),
            (
                "ID.json",
                "記録一つ（ID は 2026-007 のように年度と番号）。保存は常に丸ごと置き換えます。古い形式の記録は読めて、次の変更のときに今の形式で書き直し、元を ID.json.bak に残します。新しい版の shindan が書いた記録は一覧に出るだけで、書き換えません。",
                "One record (ids like 2026-007: the 年度 and a number). Every save replaces it whole. A record of an older format is read and rewritten in the current format on its next change, the original kept as ID.json.bak; one written by a newer shindan is listed and never written to.",
            ),
            (
                "ID.lock",
                "編集中の記録のロック。セッションが終われば（どう終わっても）カーネルが解放します。",
                "The lock of a record being edited, released by the kernel however the session ends.",
            ),
            (
                "ID.holder",
                "ロックを持つセッション（pid・端末名・時刻）。ほかのセッションに誰が開いているかを伝えるためのもので、ロックを離すと消えます。",
                "Who holds the lock (pid, host, since), for the sessions it refuses; removed when the lock is let go.",
            ),
        ],
    ),
    (
        ("環境変数", "ENVIRONMENT"),
        &[
            ("SHINDAN_DATA_DIR", "記録の置き場所（--data-dir と同じ）", "Where records are kept (as --data-dir)"),
            ("SHINDAN_LANG", "ja（既定）または en（--lang と同じ）", "ja (the default) or en (as --lang)"),
            ("SHINDAN_SURVEY", "比べる集計のファイル（--survey と同じ）", "An aggregate to compare with (as --survey)"),
            ("NO_COLOR", "空でなければ色を使いません", "When not empty, no colour"),
            ("TZ", "日付を決める時間帯（既定は /etc/localtime）", "The time zone that decides dates (else /etc/localtime)"),
        ],
    ),
    (
        ("終了ステータス", "EXIT STATUS"),
        &[
            ("0", "成功", "Success"),
            ("1", "入出力の失敗や壊れたデータ（手当てが必要）", "I/O failure or damaged data (needs attention)"),
            (
                "2",
                "正しくない入力（引数や値の誤り。メッセージが使えるものを示します）",
                "Invalid input (a wrong argument or value; the message says what is allowed)",
            ),
            (
                "101",
                "内部の誤り（端末は元に戻り、入力中の内容は保存されます）",
                "A bug (the terminal is restored and what was typed is kept)",
            ),
            (
                "128+N",
                "シグナル N で終了（SIGHUP など。入力中の内容は保存されます）",
                "Ended by signal N (SIGHUP and others; what was typed is kept)",
            ),
        ],
    ),
];

fn essentials(roff: &mut Roff, lang: Lang) {
    for ((ja, en), entries) in ESSENTIALS {
        roff.control("SH", [lang.pick(ja, en)]);
        for (term, ja, en) in entries {
            roff.control("TP", []);
            roff.text([bold(*term)]);
            roff.text([roman(lang.pick(ja, en))]);
        }
    }
    roff.control("SH", [lang.pick("関連項目", "SEE ALSO")]);
    roff.text([
        italic("README.md"),
        roman(lang.pick("（パッケージに同梱）", " (in the package)")),
    ]);
}
