//! `shindan checklist show`: the checklist of a record as text (80 columns) or JSON.

use super::{pick, view};
use crate::cli::{print_json, Ctx, Failure};
use crate::domain::checklist::view::{HintSource, Missing, RowStatus};
use crate::domain::checklist::Wording;
use crate::domain::record::checklist_answers::{EvidenceState, YesNo};
use crate::domain::Lang;
use crate::text;
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Record id, e.g. 2026-007
    id: String,
    /// Checklist edition, e.g. mhlw-r7 [default: the newest]
    #[arg(long)]
    edition: Option<String>,
    /// Print JSON for scripts
    #[arg(long)]
    json: bool,
}

#[derive(Serialize)]
struct Shown {
    record: String,
    hospital: Option<String>,
    edition: String,
    ready: bool,
    /// Required items not answered, or lacking a date or a valid target.
    missing: Vec<String>,
    missing_vendors: Vec<MissingVendor>,
    carried: Option<Carried>,
    items: Vec<ShownItem>,
}

#[derive(Serialize)]
struct MissingVendor {
    vendor: String,
    system: String,
    sent: bool,
    /// Only last year's return, carried and not confirmed.
    carried: bool,
}

#[derive(Serialize)]
struct Carried {
    from: String,
    saved: bool,
    merges: Vec<String>,
}

#[derive(Serialize)]
struct ShownItem {
    id: String,
    section: u8,
    number: Option<String>,
    device: Option<&'static str>,
    text: String,
    wording: Wording,
    required: bool,
    /// done, missing or not_required
    status: &'static str,
    problem: Option<String>,
    answer: Option<YesNo>,
    checked_on: Option<NaiveDate>,
    target_on: Option<NaiveDate>,
    note: Option<String>,
    /// The latest answer was carried over and not confirmed: it does not count as done.
    carried: bool,
    /// Where it was carried from: last year's record (`2026-001`) or the previous edition.
    carried_from: Option<String>,
    overdue: bool,
    history: Vec<Check>,
    vendors: Vec<VendorAnswer>,
    conflict: bool,
    hints: Vec<ShownHint>,
}

#[derive(Serialize)]
struct Check {
    answer: YesNo,
    checked_on: NaiveDate,
    target_on: Option<NaiveDate>,
    note: Option<String>,
    evidence: Option<ShownEvidence>,
}

#[derive(Serialize)]
struct ShownEvidence {
    path: String,
    sha256: String,
    size: u64,
    state: EvidenceState,
}

#[derive(Serialize)]
struct VendorAnswer {
    vendor: String,
    system: String,
    answer: Option<YesNo>,
    checked_on: Option<NaiveDate>,
    target_on: Option<NaiveDate>,
    note: Option<String>,
    returned: bool,
}

#[derive(Serialize)]
struct ShownHint {
    /// survey, risk or contacts
    source: &'static str,
    text: String,
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<(), Failure> {
    let lang = ctx.lang;
    let editions = ctx.editions()?;
    let edition = pick(ctx, &editions, args.edition.as_deref())?;
    let id = ctx.parse_id(&args.id)?;
    let store = ctx.store()?;
    let record = store.load(&id).map_err(|e| ctx.store_err(e))?;
    let v = view(&editions, edition, &record, &ctx.clock);
    let evidence_state = |path: &str, sha: &str| {
        v.evidence
            .iter()
            .find(|e| e.evidence.path == path && e.evidence.sha256 == sha)
            .map(|e| e.state)
            .unwrap_or(EvidenceState::NotChecked)
    };
    let items: Vec<ShownItem> = v
        .rows()
        .map(|row| {
            let latest = row.latest();
            ShownItem {
                id: row.item.id.clone(),
                section: row.item.section,
                number: row.item.number.clone(),
                device: row.item.device.map(|d| d.id()),
                text: row.item.text.get(lang).to_string(),
                wording: row.item.wording,
                required: row.required,
                status: match row.status {
                    RowStatus::Done => "done",
                    RowStatus::Missing(_) => "missing",
                    RowStatus::NotRequired => "not_required",
                },
                problem: match &row.status {
                    RowStatus::Missing(g) => Some(g.message(lang)),
                    _ => None,
                },
                answer: latest.map(|a| a.answer),
                checked_on: latest.map(|a| a.checked_on),
                target_on: latest.and_then(|a| a.target_on),
                note: latest.and_then(|a| a.note.clone()),
                carried: latest.is_some_and(|a| a.carried.is_some()),
                carried_from: latest.and_then(|a| a.carried.as_ref()).map(|c| {
                    c.record
                        .as_ref()
                        .map_or_else(|| c.edition.clone(), |r| r.to_string())
                }),
                overdue: row.overdue,
                history: row
                    .history
                    .iter()
                    .map(|a| Check {
                        answer: a.answer,
                        checked_on: a.checked_on,
                        target_on: a.target_on,
                        note: a.note.clone(),
                        evidence: a.evidence.as_ref().map(|e| ShownEvidence {
                            path: e.path.clone(),
                            sha256: e.sha256.clone(),
                            size: e.size,
                            state: evidence_state(&e.path, &e.sha256),
                        }),
                    })
                    .collect(),
                vendors: row
                    .vendors
                    .iter()
                    .map(|c| VendorAnswer {
                        vendor: c.vendor.clone(),
                        system: c.system.clone(),
                        answer: c.answer.as_ref().map(|a| a.answer),
                        checked_on: c.answer.as_ref().map(|a| a.checked_on),
                        target_on: c.answer.as_ref().and_then(|a| a.target_on),
                        note: c.answer.as_ref().and_then(|a| a.note.clone()),
                        returned: c.returned,
                    })
                    .collect(),
                conflict: row.conflict,
                hints: row
                    .hints
                    .iter()
                    .map(|h| ShownHint {
                        source: match h.source {
                            HintSource::Survey { .. } => "survey",
                            HintSource::Risk { .. } => "risk",
                            HintSource::Contacts { .. } => "contacts",
                        },
                        text: h.text.get(lang).to_string(),
                    })
                    .collect(),
            }
        })
        .collect();
    let shown = Shown {
        record: v.record.clone(),
        hospital: v.hospital.clone(),
        edition: edition.id.clone(),
        ready: v.readiness.ready,
        missing: v
            .readiness
            .missing_items()
            .into_iter()
            .map(String::from)
            .collect(),
        missing_vendors: v
            .readiness
            .missing
            .iter()
            .filter_map(|m| match m {
                Missing::Vendor {
                    vendor,
                    system,
                    sent,
                    carried,
                } => Some(MissingVendor {
                    vendor: vendor.clone(),
                    system: system.clone(),
                    sent: *sent,
                    carried: *carried,
                }),
                Missing::Item { .. } => None,
            })
            .collect(),
        carried: v.carry.as_ref().map(|c| Carried {
            from: c.from.clone(),
            saved: c.saved,
            merges: c
                .merges
                .iter()
                .map(|m| m.describe(&editions, edition, lang))
                .collect(),
        }),
        items,
    };
    if args.json {
        print_json(&shown);
        return Ok(());
    }
    print_text(&v, &shown, lang);
    Ok(())
}

fn print_text(v: &crate::domain::checklist::ChecklistView, shown: &Shown, lang: Lang) {
    let edition = v.edition;
    // The edition as its form is printed (令和7年度版); its id is in --json.
    println!(
        "{}  {}  {}",
        shown.record,
        shown.hospital.as_deref().unwrap_or("—"),
        edition.short_name(lang),
    );
    let r = &v.readiness;
    println!(
        "{}  {} {}/{}  {} {}/{}  {} {}",
        if r.ready {
            lang.pick("立入検査の準備：完了", "Inspection: ready")
        } else {
            lang.pick("立入検査の準備：未完了", "Inspection: not ready")
        },
        lang.pick("必須項目", "items"),
        r.done,
        r.required,
        lang.pick("事業者", "vendors"),
        r.vendors_returned,
        r.vendors,
        lang.pick("食い違い", "conflicts"),
        v.conflicts.len()
    );
    if let Some(c) = &shown.carried {
        let head = if c.saved {
            lang.pick_with(
                || format!("{} の回答を引き継ぎました。", c.from),
                || format!("Answers carried from {}.", c.from),
            )
        } else {
            lang.pick_with(
                || {
                    format!(
                        "{} の回答を最初の回答時に引き継ぎます（まだ保存していません）。",
                        c.from
                    )
                },
                || {
                    format!(
                        "Answers from {} will be carried on the first answer (not saved yet).",
                        c.from
                    )
                },
            )
        };
        for line in text::wrap(&head, 78) {
            println!("{line}");
        }
        for m in &c.merges {
            for (i, line) in text::wrap(m, 74).iter().enumerate() {
                println!("{}{line}", if i == 0 { "  * " } else { "    " });
            }
        }
    }
    // Each row's item by id, found once: a search per row was quadratic in the edition's size
    // (an edition of 10,000 items took seconds).
    let by_id: std::collections::HashMap<&str, &ShownItem> =
        shown.items.iter().map(|i| (i.id.as_str(), i)).collect();
    for section in &v.sections {
        println!("\n■ {} {}", section.def.number, section.def.text.get(lang));
        for group in &section.groups {
            if let Some(d) = group.device {
                println!(" 〔{}〕", d.label(lang));
            }
            for row in &group.rows {
                let Some(item) = by_id.get(row.item.id.as_str()) else {
                    continue;
                };
                let mark = match row.item.wording {
                    Wording::Unconfirmed => lang.pick(" ※未確認", " *unconfirmed"),
                    Wording::Confirmed => "",
                };
                let head = format!("{}{mark}", item.text);
                for (i, line) in text::wrap(&head, 72).iter().enumerate() {
                    if i == 0 {
                        println!("  {} {line}", text::pad(row.item.label(), 5));
                    } else {
                        println!("        {line}");
                    }
                }
                let answer = match row.latest() {
                    None if !row.required => lang.pick("（対象外）", "(not required)").to_string(),
                    None => lang.pick("（未回答）", "(unanswered)").to_string(),
                    Some(a) => {
                        let mut s = format!(
                            "{}  {} {}",
                            a.answer.label(lang),
                            lang.pick("確認日", "checked"),
                            a.checked_on
                        );
                        if let Some(t) = a.target_on {
                            s.push_str(&format!("  {} {t}", lang.pick("目標日", "target")));
                        }
                        if row.history.len() > 1 {
                            s.push_str(&lang.pick_with(
                                || format!("（{}回目）", row.history.len()),
                                || format!(" (check {})", row.history.len()),
                            ));
                        }
                        if let Some(from) = &item.carried_from {
                            s.push_str(&lang.pick_with(
                                || format!("（{from} から引継ぎ・未確認）"),
                                || format!(" (carried from {from}, unconfirmed)"),
                            ));
                        }
                        if row.overdue {
                            s.push_str(lang.pick("  ！目標日超過", "  ! target passed"));
                        }
                        s
                    }
                };
                println!("        → {answer}");
                if let RowStatus::Missing(g) = &row.status {
                    if row.latest().is_some() {
                        for line in text::wrap(&format!("! {}", g.message(lang)), 70) {
                            println!("        {line}");
                        }
                    }
                }
                for c in row.vendors.iter().filter(|c| c.returned) {
                    let a = match &c.answer {
                        Some(a) => a.answer.label(lang).to_string(),
                        None => lang.pick("空欄", "blank").to_string(),
                    };
                    let disagrees = !row.item.vendor_self
                        && c.answer
                            .as_ref()
                            .map(|x| x.answer)
                            .is_some_and(|x| row.latest().is_some_and(|l| l.answer != x));
                    let conflict = if disagrees {
                        lang.pick("  ⚠ 食い違い", "  ! CONFLICT")
                    } else {
                        ""
                    };
                    let line = format!("{} ({}): {a}{conflict}", c.vendor, c.system);
                    println!("        {}", text::truncate(&line, 70));
                }
                let mut risks = Vec::new();
                for h in &row.hints {
                    if let HintSource::Risk { category } = &h.source {
                        if let Some(c) = crate::domain::checklist::risk_link::category(category) {
                            risks.push(lang.pick(c.ja, c.en));
                        }
                        continue;
                    }
                    print_hint(h.text.get(lang), lang);
                }
                if !risks.is_empty() {
                    let joined = risks.join(lang.pick("、", ", "));
                    print_hint(
                        &format!("{}{joined}", lang.pick("リスク区分：", "risk: ")),
                        lang,
                    );
                }
            }
        }
    }
    let carried = shown.items.iter().filter(|i| i.carried).count();
    if carried > 0 {
        println!();
        let say = match lang {
            Lang::Ja => format!(
                "引き継いだ回答{carried}件は確認するまで完了に数えません：shindan confirm {} --item 項目ID（確認日は今日）",
                shown.record
            ),
            Lang::En => format!(
                "{carried} carried answers do not count until confirmed: shindan confirm {} --item ITEM (checked today)",
                shown.record
            ),
        };
        for line in text::wrap(&say, 78) {
            println!("{line}");
        }
    }
    if !r.missing.is_empty() {
        println!("\n{}", lang.pick("■ 未完了", "■ Missing"));
        for m in &r.missing {
            for (i, line) in text::wrap(&m.message(lang), 74).iter().enumerate() {
                println!("{}{line}", if i == 0 { "  - " } else { "    " });
            }
        }
    }
}

fn print_hint(hint: &str, lang: Lang) {
    for (i, line) in text::wrap(hint, 66).iter().enumerate() {
        println!(
            "        {}{line}",
            if i == 0 {
                lang.pick("参考: ", "hint: ")
            } else {
                "      "
            }
        );
    }
}
