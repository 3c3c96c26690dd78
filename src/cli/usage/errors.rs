//! clap's parse errors in Japanese. clap only writes English, so the message is rebuilt from
//! the error's kind and context: what was wrong, what is allowed or meant, the usage, and where
//! to read more.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use std::fmt::Write;

fn context(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::None => None,
        ContextValue::Bool(b) => Some(b.to_string()),
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join("、")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => Some(
            v.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("、"),
        ),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Why a value did not parse, in Japanese where the cause is a standard one (numbers); the
/// value parsers of shindan's own already speak the parsing language.
fn cause(e: &clap::Error) -> Option<String> {
    let source = std::error::Error::source(e)?;
    if source.downcast_ref::<std::num::ParseIntError>().is_some() {
        return Some("整数で書いてください".into());
    }
    if source.downcast_ref::<std::num::ParseFloatError>().is_some() {
        return Some("数値で書いてください".into());
    }
    Some(source.to_string())
}

/// The whole message, ending in a newline, for standard error.
pub fn japanese(e: &clap::Error) -> String {
    let arg = context(e, ContextKind::InvalidArg).unwrap_or_default();
    let value = context(e, ContextKind::InvalidValue).unwrap_or_default();
    let mut m = String::from("shindan: ");
    match e.kind() {
        ErrorKind::UnknownArgument => {
            let _ = write!(m, "「{arg}」という引数はありません");
        }
        ErrorKind::InvalidSubcommand => {
            let sub = context(e, ContextKind::InvalidSubcommand).unwrap_or_default();
            let _ = write!(m, "「{sub}」というコマンドはありません");
        }
        ErrorKind::InvalidValue if value.is_empty() => {
            let _ = write!(m, "{arg} には値が必要です");
        }
        ErrorKind::InvalidValue => {
            let _ = write!(m, "{arg} に「{value}」は指定できません");
            if let Some(valid) = context(e, ContextKind::ValidValue) {
                let _ = write!(m, "（指定できる値：{valid}）");
            }
        }
        ErrorKind::ValueValidation => {
            let _ = write!(m, "{arg} の値「{value}」は使えません");
            if let Some(why) = cause(e) {
                let _ = write!(m, "：{why}");
            }
        }
        ErrorKind::NoEquals => {
            let _ = write!(m, "{arg} の値は = でつないでください");
        }
        ErrorKind::TooManyValues => {
            let _ = write!(m, "{arg} の値が多すぎます（「{value}」）");
        }
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            let _ = write!(m, "{arg} の値の数が違います");
        }
        ErrorKind::ArgumentConflict => {
            match context(e, ContextKind::PriorArg) {
                Some(prior) => write!(m, "{arg} と {prior} は同時には使えません"),
                None => write!(m, "{arg} はほかの引数と同時には使えません"),
            }
            .unwrap_or(());
        }
        ErrorKind::MissingRequiredArgument => {
            let _ = write!(m, "必要な引数がありません：{arg}");
        }
        ErrorKind::MissingSubcommand => {
            let sub = context(e, ContextKind::InvalidSubcommand).unwrap_or_default();
            let _ = write!(m, "コマンドを指定してください（{sub}）");
        }
        ErrorKind::InvalidUtf8 => {
            m.push_str("引数が UTF-8 ではありません");
        }
        _ => {
            // A kind clap added later: its own words rather than nothing.
            m.push_str(e.to_string().trim_start_matches("error: ").trim_end());
        }
    }
    m.push('\n');
    for kind in [
        ContextKind::SuggestedArg,
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedValue,
    ] {
        if let Some(s) = context(e, kind) {
            let _ = writeln!(m, "  もしかして：{s}");
        }
    }
    if let Some(usage) = context(e, ContextKind::Usage) {
        let usage = usage.trim_start_matches("Usage:").trim();
        let _ = writeln!(m, "\n使い方: {usage}");
    }
    m.push_str("\n詳しくは --help を付けて実行してください（英語は --lang en）。\n");
    m
}
