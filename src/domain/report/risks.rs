//! The report's parts on 提言２: how much of the risk catalogue the controls cover (overall,
//! category × phase, and every small risk left uncovered), and the vendor's controls not in
//! place as requests to hand over.

use super::model::{Block, Part, PartId, Table};
use crate::domain::matrix::{
    Catalog, ControlStatus, Coverage, CoverageFigure, LeafState, Sources, Tally, VendorBrief,
};
use crate::domain::questionnaire::Questionnaire;
use crate::domain::record::Record;
use crate::domain::Lang;

pub fn parts(record: &Record, qn: &Questionnaire, lang: Lang) -> [Part; 2] {
    let cov = Coverage::with(&Sources::of(Catalog::embedded(), qn), record);
    [coverage(&cov, lang), brief(&cov, lang)]
}

/// A cell: the percentage, `—` when every scenario there dropped out, blank when none arises.
fn percent(t: &Tally) -> String {
    match t.percent() {
        Some(p) => format!("{p}%"),
        None if t.is_empty() => String::new(),
        None => "—".to_string(),
    }
}

fn coverage(cov: &Coverage<'_>, lang: Lang) -> Part {
    let mut part = Part::new(PartId::Coverage, lang);
    let t = &cov.overall;
    part.blocks.push(Block::Facts(vec![
        (
            lang.pick("全体", "Overall").to_string(),
            cov.figure().render(lang),
        ),
        (
            lang.pick("小リスク", "Small risks").to_string(),
            match lang {
                Lang::Ja => format!("{}件：{}", t.total(), t.describe(lang)),
                Lang::En => format!("{}: {}", t.total(), t.describe(lang)),
            },
        ),
        (
            lang.pick("対策の状態", "Control statuses").to_string(),
            cov.status_counts(lang),
        ),
    ]));
    let mut head = vec![lang.pick("区分", "Category").to_string()];
    head.extend(cov.catalog.phases.iter().map(|p| p.short(lang).to_string()));
    head.push(lang.pick("計", "All").to_string());
    head.push(lang.pick("判明", "Known").to_string());
    let known = |f: CoverageFigure| format!("{}/{}", f.known, f.controls);
    let cols = head.len();
    let mut table = Table::new(head).narrow(1..cols);
    for ((c, total), row) in cov.categories.iter().zip(&cov.cells) {
        let mut cells = vec![c.name(lang).to_string()];
        cells.extend(row.iter().map(percent));
        cells.push(percent(total));
        cells.push(known(cov.category_figure(&c.id)));
        table.row(cells, false);
    }
    let mut cells = vec![lang.pick("計", "All").to_string()];
    cells.extend(cov.phases.iter().map(|(_, t)| percent(t)));
    cells.push(percent(&cov.overall));
    cells.push(known(cov.figure()));
    table.row(cells, false);
    part.blocks.push(Block::Table(table));
    part.blocks.push(Block::Text(
        lang.pick(
            "空欄＝その段階で起こる小リスクなし、—＝すべて対象外。不明は未対策として数えます。",
            "Blank = no small risk arises there; — = all not applicable. Unknown counts as uncovered.",
        )
        .to_string(),
    ));
    let uncovered: Vec<_> = cov.uncovered().collect();
    part.blocks.push(Block::Heading(match lang {
        Lang::Ja => format!("対策のない小リスク（{}件）", uncovered.len()),
        Lang::En => format!("Small risks not covered ({})", uncovered.len()),
    }));
    if uncovered.is_empty() {
        part.blocks
            .push(Block::Text(lang.pick("ありません。", "None.").to_string()));
    } else {
        let mut t = Table::new([
            lang.pick("区分", "Category"),
            lang.pick("中リスク", "Medium risk"),
            lang.pick("小リスク", "Small risk"),
            lang.pick("状態", "State"),
        ])
        .narrow([3]);
        for l in uncovered {
            let s = l.scenario;
            t.row(
                [
                    cov.catalog
                        .category(&s.category)
                        .map_or(s.category.as_str(), |c| c.name(lang))
                        .to_string(),
                    cov.catalog
                        .scenario(&s.parent)
                        .map_or(s.parent.as_str(), |m| m.name(lang))
                        .to_string(),
                    s.name(lang).to_string(),
                    l.state.label(lang).to_string(),
                ],
                l.state == LeafState::Uncovered,
            );
        }
        part.blocks.push(Block::Table(t));
    }
    part
}

fn brief(cov: &Coverage<'_>, lang: Lang) -> Part {
    let mut part = Part::new(PartId::VendorBrief, lang);
    let brief = VendorBrief::of(cov);
    if brief.is_empty() {
        part.blocks.push(Block::Text(brief.describe(lang)));
        return part;
    }
    part.blocks.push(Block::Text(format!(
        "{}{}",
        brief.describe(lang),
        lang.pick(
            "。各項目について、実施状況・実施予定日・担当者の回答を求めます。",
            ". For each, the vendor is asked for its status, the planned date and who is responsible.",
        )
    )));
    let sep = lang.pick("／", "; ");
    // One table per system and phase, the phase in its heading: a phase's name is too long
    // for a column beside the request, which is what needs the width.
    for system in &brief.systems {
        let name = match &system.system {
            Some(s) => s.clone(),
            None => lang
                .pick("対象システム指定なし", "no system named")
                .to_string(),
        };
        for group in &system.phases {
            part.blocks.push(Block::Heading(match lang {
                Lang::Ja => format!("{name}・{}", group.phase.name(lang)),
                Lang::En => format!("{name}: {}", group.phase.name(lang)),
            }));
            let mut t = Table::new([
                lang.pick("依頼事項", "Request"),
                lang.pick("現状", "Now"),
                lang.pick("防ぎたいリスク", "Risk it prevents"),
                lang.pick("補足", "Note"),
            ]);
            for r in &group.requests {
                t.row(
                    [
                        r.control.ask(lang).to_string(),
                        r.now_label(lang).to_string(),
                        r.scenarios
                            .iter()
                            .map(|s| s.name(lang))
                            .collect::<Vec<_>>()
                            .join(sep),
                        r.note.clone().unwrap_or_default(),
                    ],
                    r.status == ControlStatus::Missing,
                );
            }
            part.blocks.push(Block::Table(t));
        }
    }
    part
}
