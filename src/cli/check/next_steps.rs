//! The last part of `shindan check`: the next steps, ranked by the kind of evidence they rest
//! on (see [`crate::domain::overview::next_steps`]), each with why and where it comes from.

use super::Block;
use crate::domain::overview::NextStep;
use crate::domain::Lang;
use crate::text;
use serde_json::{json, Value};

const WIDTH: usize = 80;
/// The text after the rank: "10. " is four columns.
const INDENT: usize = 4;

pub fn block(steps: &[NextStep], lang: Lang) -> Block {
    let mut out = vec![lang.pick("■ 次の一手", "■ Next steps").to_string()];
    out.extend(text::wrap(
        lang.pick(
            "順位は根拠の種類による：期限切れの目標日→大リスクの未対策→調査で少数派の指標→チェックリストの未完了→中リスクの未対策→予算の不足→不明点の確認",
            "Ranked by kind of evidence: past-due targets, uncovered large risks, minority indicators, checklist gaps, uncovered medium risks, budget gap, unknowns",
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
        for (label, body) in [
            (lang.pick("理由：", "Why: "), s.why.get(lang)),
            (lang.pick("出典：", "From: "), s.source.get(lang)),
        ] {
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
                            "action": s.action.get(lang),
                            "why": s.why.get(lang),
                            "source": s.source.get(lang),
                        })
                    })
                    .collect(),
            ),
        )],
    }
}
