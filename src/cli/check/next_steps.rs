//! The last part of `shindan check`: the next steps, ranked by the kind of evidence they rest
//! on (see [`crate::domain::overview::next_steps`]), each with why, where it comes from, and
//! the command that does it — the command line's reading of the step's [`Target`], as the
//! screen's is to open the place.

use super::Block;
use crate::domain::checklist::Editions;
use crate::domain::matrix::{By, Catalog};
use crate::domain::overview::{NextStep, Target};
use crate::domain::{question_number, Lang, Questionnaire, Record};
use crate::text;
use serde_json::{json, Value};

const WIDTH: usize = 80;
/// The text after the rank: "10. " is four columns.
const INDENT: usize = 4;

pub fn block(steps: &[NextStep], record: &Record, lang: Lang) -> Block {
    let mut out = vec![lang.pick("■ 次の一手", "■ Next steps").to_string()];
    out.extend(text::wrap(
        lang.pick(
            "順位は根拠の種類による：昨年からの引き継ぎの確認→期限切れの目標日→大リスクの未対策→調査で少数派の指標→チェックリストの未完了→中リスクの未対策→予算の不足→多くの病院と同じ課題→不明点の確認。多くの病院と同じ課題も一手に残し、未対策のまま残す大・中リスクがあればそのリスクの順位に並べます",
            "Ranked by kind of evidence: confirming last year's answers, past-due targets, uncovered large risks, minority indicators, checklist gaps, uncovered medium risks, budget gap, gaps most hospitals share, unknowns. A gap most hospitals share stays a step, ranked with the large or medium risk it leaves uncovered",
        ),
        WIDTH,
    ));
    if steps.is_empty() {
        out.push(
            lang.pick(
                "いま挙げる一手はありません。",
                "Nothing to do first at the moment.",
            )
            .to_string(),
        );
    }
    let pad = " ".repeat(INDENT);
    for s in steps {
        let mark = format!("{:>2}. ", s.rank);
        for (i, line) in text::wrap(s.action.get(lang), WIDTH - INDENT)
            .into_iter()
            .enumerate()
        {
            out.push(format!("{}{line}", if i == 0 { &mark } else { &pad }));
        }
        let run = commands(&s.target, record, lang);
        let mut parts = vec![
            (lang.pick("理由：", "Why: "), s.why.get(lang)),
            (lang.pick("出典：", "From: "), s.source.get(lang)),
        ];
        // One command a line, so that each can be copied whole.
        for (i, c) in run.iter().enumerate() {
            let label = match (i, lang) {
                (0, _) => lang.pick("実行：", "Run: "),
                (_, Lang::Ja) => "　　　",
                (_, Lang::En) => "     ",
            };
            parts.push((label, c.as_str()));
        }
        for (label, body) in parts {
            let w = text::width(label);
            for (i, line) in text::wrap(body, WIDTH - INDENT - w).into_iter().enumerate() {
                let head = if i == 0 {
                    label.to_string()
                } else {
                    " ".repeat(w)
                };
                out.push(format!("{pad}{head}{line}"));
            }
        }
    }
    Block {
        text: out,
        json: vec![(
            "next_steps",
            Value::Array(
                steps
                    .iter()
                    .map(|s| {
                        json!({
                            "rank": s.rank,
                            "tier": s.tier,
                            "action": s.action.get(lang),
                            "why": s.why.get(lang),
                            "source": s.source.get(lang),
                            "target": s.target,
                            "commands": commands(&s.target, record, lang),
                        })
                    })
                    .collect(),
            ),
        )],
    }
}

/// A word for the shell: quoted when it holds a space or a shell character.
fn word(s: &str) -> String {
    if !s.is_empty()
        && s.chars()
            .all(|c| !c.is_whitespace() && !"'\"\\$`!*?&|;<>()[]{}#~".contains(c))
    {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

/// What `shindan answer` takes for a question, for a command to copy: an option's number with
/// the options by number and words (`番号（1 はい／2 いいえ／3 わからない）`), several numbers
/// for several, or what kind of value.
pub(super) fn value_of(qn: &Questionnaire, id: &str, lang: Lang) -> String {
    use crate::domain::Kind;
    let Some(q) = qn.question(id) else {
        return lang.pick("値", "VALUE").into();
    };
    let choices = || match lang {
        Lang::Ja => format!("（{}）", q.numbered_options(lang)),
        Lang::En => format!(" ({})", q.numbered_options(lang)),
    };
    match q.kind {
        Kind::Single => format!("{}{}", lang.pick("番号", "NUMBER"), choices()),
        Kind::Multi => format!("{}{}", lang.pick("番号,…", "NUMBER,…"), choices()),
        Kind::Int | Kind::Amount => lang.pick("数値", "NUMBER").into(),
        Kind::Text => lang.pick("文字", "TEXT").into(),
    }
}

/// The commands that do a step, for this record.
pub fn commands(target: &Target, record: &Record, lang: Lang) -> Vec<String> {
    let id = record.id.to_string();
    let vendor_args =
        |vendor: &str, system: &str| format!("--vendor {} --system {}", word(vendor), word(system));
    match target {
        Target::Question { id: q } => {
            let qn = Questionnaire::embedded();
            vec![format!(
                "shindan answer {id} {} {}",
                question_number::printed(qn, q, lang),
                value_of(qn, q, lang)
            )]
        }
        Target::ChecklistItem { edition, item } => {
            // The number as printed on the form (`2⑦`, `'1(1)'`, `2④-サーバ`): what the
            // command line takes, quoted for the shell where it needs it.
            let number = word(
                &Editions::shipped()
                    .get(edition)
                    .and_then(|e| e.item(item))
                    .map_or_else(|| item.clone(), |i| i.key_in(lang)),
            );
            let carried = record
                .checklists
                .get(edition)
                .and_then(|a| a.latest(item))
                .is_some_and(|a| a.carried.is_some());
            if carried {
                vec![format!("shindan confirm {id} --item {number}")]
            } else {
                // The form's words, which the command takes: はい|いいえ, yes|no.
                let words = lang.pick("はい|いいえ", "yes|no");
                vec![format!("shindan checklist answer {id} {number} {words}")]
            }
        }
        Target::Control { id: c } => {
            // The control's number, as `shindan control ID` lists it (C12), not its id.
            let catalog = Catalog::embedded();
            let n = catalog.number(c);
            match catalog.control(c).map(|c| c.by) {
                Some(By::Vendor) => vec![
                    format!("shindan vendor-brief {id}"),
                    format!("shindan control {id} {n} STATUS"),
                ],
                _ => vec![format!("shindan control {id} {n} STATUS")],
            }
        }
        Target::Risk { .. } => vec![format!("shindan control {id}")],
        Target::UnknownControls => vec![
            format!("shindan control {id}"),
            format!("shindan vendor-brief {id}"),
        ],
        Target::VendorPacket {
            vendor,
            system,
            sent,
            carried,
            ..
        } => {
            let who = vendor_args(vendor, system);
            match (carried, sent) {
                (true, _) => vec![
                    format!("shindan confirm {id} {who}"),
                    format!("shindan checklist import {id} FILE"),
                ],
                (false, false) => vec![format!("shindan checklist form {id} {who} -o FILE")],
                (false, true) => vec![format!("shindan checklist import {id} FILE")],
            }
        }
        Target::Budget { budget } => {
            let mut c = String::from("shindan budget");
            if let Some(b) = record.beds() {
                c.push_str(&format!(" --beds {b}"));
            }
            if let Some(r) = record.number("revenue") {
                c.push_str(&format!(" --revenue {r}"));
            }
            if let Some(b) = budget {
                c.push_str(&format!(" --budget {b}"));
            }
            vec![c]
        }
        Target::Carried => vec![format!("shindan confirm {id}")],
    }
}
