//! The report's part on 提言１: the hospital's own budget model beside its bed class, in 万円 as
//! a director says it (the model itself works in thousand yen, floored as the report does).

use super::model::{Block, Part, PartId, Table};
use crate::domain::budget::spoken::say;
use crate::domain::budget::{BudgetData, HospitalBudget, Level, Origin, PerLevel};
use crate::domain::record::Record;
use crate::domain::Lang;

pub fn part(record: &Record, lang: Lang) -> Part {
    let mut part = Part::new(PartId::Budget, lang);
    let data = BudgetData::embedded();
    let b = match HospitalBudget::of(record, data.levels()) {
        Ok(b) => b,
        Err(e) => {
            part.blocks.push(Block::Text(e.message(lang)));
            return part;
        }
    };
    let none = "—".to_string();
    let unknown = lang.pick("不明", "unknown").to_string();
    let level = |l: Level| {
        let name = match l {
            Level::Min => lang.pick("最低水準", "minimum"),
            Level::Sufficient => lang.pick("十分水準", "sufficient"),
        };
        format!("{name} {}", b.levels.get(l).percent())
    };
    let mut t = Table::new([
        String::new(),
        lang.pick("貴院", "You").to_string(),
        match lang {
            Lang::Ja => format!("{}の平均（図６・図７）", b.bed_class.label(lang)),
            Lang::En => format!("{} average (figs. 6–7)", b.bed_class.label(lang)),
        },
    ])
    .narrow([1]);
    t.row(
        [
            lang.pick("許可病床数", "Beds").to_string(),
            b.inputs.beds.to_string(),
            b.bed_class.label(lang).to_string(),
        ],
        false,
    );
    t.row(
        [
            lang.pick("年間収益", "Annual revenue").to_string(),
            say(b.revenue, lang),
            none.clone(),
        ],
        false,
    );
    let it = b.it_rate.percent();
    t.row(
        [
            match lang {
                Lang::Ja => format!("IT予算（収益の{it}）"),
                Lang::En => format!("IT budget ({it} of revenue)"),
            },
            say(b.it_budget, lang),
            none.clone(),
        ],
        false,
    );
    for (l, req) in b.required.each() {
        t.row(
            [
                match lang {
                    Lang::Ja => format!("必要予算（{}）", level(l)),
                    Lang::En => format!("Required ({})", level(l)),
                },
                say(req, lang),
                say(b.cohort.required.get(l), lang),
            ],
            false,
        );
    }
    t.row(
        [
            lang.pick("実際の予算", "Actual budget").to_string(),
            b.actual.map_or(unknown.clone(), |a| say(a, lang)),
            b.cohort.estimate.map_or(unknown.clone(), |a| say(a, lang)),
        ],
        false,
    );
    for l in [Level::Min, Level::Sufficient] {
        let own = b.shortfall.map(|s| s.get(l));
        t.row(
            [
                match lang {
                    Lang::Ja => format!("差額（{}）", level(l)),
                    Lang::En => format!("Gap ({})", level(l)),
                },
                own.map_or(none.clone(), |g| say(g, lang)),
                b.cohort
                    .shortfall
                    .map_or(none.clone(), |s| say(s.get(l), lang)),
            ],
            own.is_some_and(|g| g < 0),
        );
    }
    part.blocks.push(Block::Table(t));
    part.blocks.push(Block::Text(
        lang.pick(
            "万円に丸めて表示（計算は報告書と同じく千円単位で各段階切り捨て）。差額＝実際−必要、マイナスは不足。",
            "Rounded to ¥10,000 for reading (computed in thousand yen, floored at every step as the report does). Gap = actual − required; negative is short.",
        )
        .to_string(),
    ));
    match b.shortfall {
        Some(s) => part.blocks.push(Block::Items(gap_words(&b, s, lang))),
        None => part.blocks.push(Block::Text(match lang {
            Lang::Ja => format!(
                "実際の予算が不明のため、必要額だけを示します（{}を答えると比べられます）。",
                crate::domain::overview::summary::budget_questions(lang)
            ),
            Lang::En => format!(
                "The actual budget is unknown, so only the requirement is shown (answer {} to compare).",
                crate::domain::overview::summary::budget_questions(lang)
            ),
        })),
    }
    let facts = b
        .assumptions(lang, data)
        .into_iter()
        .map(|a| {
            (
                a.label,
                format!("{} {} {}", a.value, a.origin.mark(lang), a.from),
            )
        })
        .collect();
    part.blocks
        .push(Block::Heading(lang.pick("前提", "Assumptions").to_string()));
    part.blocks.push(Block::Facts(facts));
    // The marks read as on the budget screen and in `shindan budget`: one legend for all three.
    part.blocks.push(Block::Text(Origin::legend(lang)));
    part
}

/// "必要最低水準（15%）に 2,093万円 不足", as `shindan budget` words it.
fn gap_words(b: &HospitalBudget, gaps: PerLevel<i64>, lang: Lang) -> Vec<String> {
    gaps.each()
        .into_iter()
        .map(|(level, gap)| {
            let name = level.label(lang);
            let rate = b.levels.get(level).percent();
            match (gap.signum(), lang) {
                (-1, Lang::Ja) => format!("{name}（{rate}）に {} 不足", say(-gap, lang)),
                (-1, Lang::En) => format!("{} short of the {name} ({rate})", say(-gap, lang)),
                (0, Lang::Ja) => format!("{name}（{rate}）ちょうど"),
                (0, Lang::En) => format!("exactly at the {name} ({rate})"),
                (_, Lang::Ja) => format!("{name}（{rate}）を {} 上回る", say(gap, lang)),
                (_, Lang::En) => format!("{} above the {name} ({rate})", say(gap, lang)),
            }
        })
        .collect()
}
