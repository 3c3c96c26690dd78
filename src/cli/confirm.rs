//! `shindan confirm`: says that what `copy` carried from last year still holds, one thing at a
//! time or a whole section "as it is", through the same domain functions as the screens
//! ([`crate::domain::carried::confirm`]). Without a selector it lists what is still carried and
//! how to confirm each kind.

use super::{print_json, Ctx, Failure};
use crate::domain::carried::{confirm, pick, Batch, Carried, ConfirmError};
use crate::domain::checklist::edition::Edition;
use crate::domain::checklist::rules::{self, DateField};
use crate::domain::checklist::{label, Editions};
use crate::domain::contacts::Position;
use crate::domain::lang::listed;
use crate::domain::matrix::Catalog;
use crate::domain::{question_number, Lang, Questionnaire, Record};
use crate::text;
use chrono::NaiveDate;

#[derive(Debug, clap::Args)]
#[command(group = clap::ArgGroup::new("what").multiple(false).args([
    "questions", "section", "item", "checklist_section", "vendor", "contacts", "control",
    "all_unchanged",
]))]
pub struct Args {
    /// Record id, e.g. 2027-001
    id: String,
    /// Interview questions whose carried answers still hold, by number or id, e.g. 2 3 or beds founder
    questions: Vec<String>,
    /// Every carried answer of an interview section, by its number as `confirm` lists them or
    /// its name, e.g. 4 or backup
    #[arg(long, value_name = "SECTION")]
    section: Option<String>,
    /// Checklist items checked again with the same answer, by the number printed on the form, e.g. 2⑦ or 「2④-サーバ」 (repeatable)
    #[arg(long, value_name = "ITEM")]
    item: Vec<String>,
    /// Every carried item of a checklist section, by the number printed on the form or its
    /// name, e.g. 2 or Organisation
    #[arg(long, value_name = "SECTION")]
    checklist_section: Option<String>,
    /// The new date checked (「確認日」) for checklist items, after last year's [default: today]
    #[arg(long, value_name = "DATE")]
    checked: Option<String>,
    /// A new target date (「目標日」) for a `no` whose carried one does not fit the new date
    #[arg(long, value_name = "DATE", requires = "item")]
    target: Option<String>,
    /// Checklist edition, e.g. mhlw-r7 [default: the newest]
    #[arg(long)]
    edition: Option<String>,
    /// A vendor whose returned form from last year still holds (「事業者確認用」)
    #[arg(long, value_name = "NAME")]
    vendor: Option<String>,
    /// The vendor's system, when it has several
    #[arg(long, value_name = "TEXT", requires = "vendor")]
    system: Option<String>,
    /// The whole contact chart as it is
    #[arg(long)]
    contacts: bool,
    /// Risk-matrix controls whose carried mark still holds, by the number `shindan control ID`
    /// lists, e.g. C12 (repeatable)
    #[arg(long, value_name = "CONTROL")]
    control: Vec<String>,
    /// Everything still carried, as it is (checklist items checked on --checked)
    #[arg(long)]
    all_unchanged: bool,
    /// With no selector: list what is carried as JSON
    #[arg(long)]
    json: bool,
}

impl Args {
    fn selects_nothing(&self) -> bool {
        self.questions.is_empty()
            && self.section.is_none()
            && self.item.is_empty()
            && self.checklist_section.is_none()
            && self.vendor.is_none()
            && !self.contacts
            && self.control.is_empty()
            && !self.all_unchanged
    }
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<(), Failure> {
    let lang = ctx.lang;
    let qn = Questionnaire::embedded();
    let id = ctx.parse_id(&args.id)?;
    let store = ctx.store()?;
    if args.selects_nothing() {
        let record = store.load(&id).map_err(|e| ctx.store_err(e))?;
        let carried = Carried::of(&record, qn);
        if args.json {
            print_json(&carried);
        } else {
            for line in listing(&record, &carried, lang) {
                println!("{line}");
            }
        }
        return Ok(());
    }
    let editions = ctx.editions()?;
    let edition = super::checklist::pick(ctx, &editions, args.edition.as_deref())?;
    let (today, now) = (ctx.clock.today(), ctx.clock.now());
    let date = |field, raw: &Option<String>| -> Result<Option<NaiveDate>, Failure> {
        raw.as_deref()
            .map(|r| rules::parse_date_field(field, r))
            .transpose()
            .map_err(|e| Failure::Invalid(e.message(lang)))
    };
    let checked_on = date(DateField::Checked, &args.checked)?.unwrap_or(today);
    if checked_on > today {
        return Err(Failure::Invalid(
            rules::ChecklistError::CheckedInFuture { checked_on, today }.message(lang),
        ));
    }
    let target_on = date(DateField::Target, &args.target)?;
    let refused = |e: ConfirmError| Failure::Invalid(in_words(e, edition, qn, lang).message(lang));
    let lock = store.lock(&id).map_err(|e| ctx.store_err(e))?;
    let mut record = store.load(&id).map_err(|e| ctx.store_err(e))?;
    let catalog = Catalog::embedded();
    let mut said = Vec::new();
    let mut left = Batch::default();
    if !args.questions.is_empty() {
        for q in &args.questions {
            let q = question_number::find(qn, q).map_or(q.as_str(), |q| q.id.as_str());
            confirm::answer(&mut record, qn, q, now).map_err(refused)?;
        }
        said.push(count_line(args.questions.len(), Kind::Answers, lang));
    } else if let Some(s) = &args.section {
        let done = confirm::section(&mut record, qn, s, now).map_err(refused)?;
        said.push(count_line(done.len(), Kind::Answers, lang));
    } else if !args.item.is_empty() {
        for typed in &args.item {
            // The printed number (2⑦, 1(1), 2④-サーバ) as well as the id.
            let item = label::find(edition, typed, None)
                .map_err(|e| Failure::Invalid(e.message(lang)))?
                .id
                .clone();
            confirm::checklist_item(
                &editions,
                &mut record,
                &edition.id,
                &item,
                checked_on,
                target_on,
                today,
                now,
            )
            .map_err(refused)?;
        }
        said.push(count_line(args.item.len(), Kind::Checklist, lang));
    } else if let Some(typed) = &args.checklist_section {
        let n = pick::checklist_section(edition, typed)
            .map_err(|e| Failure::Invalid(e.message(lang)))?;
        let b = confirm::checklist_section(
            &editions,
            &mut record,
            &edition.id,
            Some(n),
            checked_on,
            today,
            now,
        )
        .map_err(refused)?;
        said.push(count_line(b.confirmed.len(), Kind::Checklist, lang));
        left = b;
    } else if let Some(v) = &args.vendor {
        confirm::vendor_return(&mut record, &edition.id, v, args.system.as_deref(), now)
            .map_err(refused)?;
        said.push(count_line(1, Kind::Vendors, lang));
    } else if args.contacts {
        let n = confirm::contacts(&mut record, now);
        said.push(count_line(n, Kind::Contacts, lang));
    } else if !args.control.is_empty() {
        for c in &args.control {
            confirm::control(catalog, &mut record, c, now).map_err(refused)?;
        }
        said.push(count_line(args.control.len(), Kind::Controls, lang));
    } else {
        let all =
            confirm::all_unchanged(&editions, catalog, qn, &mut record, checked_on, today, now);
        said.push(count_line(all.answers, Kind::Answers, lang));
        said.push(count_line(
            all.checklist.confirmed.len(),
            Kind::Checklist,
            lang,
        ));
        said.push(count_line(all.vendor_returns, Kind::Vendors, lang));
        said.push(count_line(all.contacts, Kind::Contacts, lang));
        said.push(count_line(all.controls, Kind::Controls, lang));
        left = all.checklist;
    }
    store
        .save(&mut record, &lock)
        .map_err(|e| ctx.store_err(e))?;
    super::output::saved_record(lang, &record.id);
    for line in said {
        println!("{line}");
    }
    // Each reason names its item (「1(1)：新しい確認日…」).
    for (_, why) in left.left {
        let why = in_words(why, edition, qn, lang);
        for line in text::wrap(
            &lang.pick_with(
                || format!("残しました：{}", why.message(lang)),
                || format!("left carried: {}", why.message(lang)),
            ),
            78,
        ) {
            eprintln!("{line}");
        }
    }
    let p = qn.progress(&record);
    println!(
        "{}",
        lang.pick_with(
            || format!(
                "面談 {}/{}（{}%）、未確認の引き継ぎ 残り{}件",
                p.answered,
                p.total,
                p.percent(),
                Carried::of(&record, qn).total()
            ),
            || format!(
                "interview {}/{} ({}%), {} carried items left to confirm",
                p.answered,
                p.total,
                p.percent(),
                Carried::of(&record, qn).total()
            ),
        )
    );
    Ok(())
}

#[derive(Clone, Copy)]
enum Kind {
    Answers,
    Checklist,
    Vendors,
    Contacts,
    Controls,
}

impl Kind {
    fn label(self, lang: Lang) -> &'static str {
        match self {
            Kind::Answers => lang.pick("面談の回答", "interview answers"),
            Kind::Checklist => lang.pick("チェックリストの項目", "checklist items"),
            Kind::Vendors => lang.pick("事業者確認用の返却", "vendor returns"),
            Kind::Contacts => lang.pick("連絡体制図の記入", "contact chart entries"),
            Kind::Controls => lang.pick("対策の状態", "control marks"),
        }
    }
}

fn count_line(n: usize, kind: Kind, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("確認しました：{} {n}件", kind.label(lang)),
        Lang::En => format!("confirmed: {n} {}", kind.label(lang)),
    }
}

/// One line naming what is still carried, for `show` and `list`'s readers.
pub fn carried_line(c: &Carried, record: &str, lang: Lang) -> String {
    let parts: Vec<String> = [
        (c.answers.len(), Kind::Answers),
        (c.checklist.len(), Kind::Checklist),
        (c.vendor_returns.len(), Kind::Vendors),
        (c.contacts.len(), Kind::Contacts),
        (c.controls.len(), Kind::Controls),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, k)| match lang {
        Lang::Ja => format!("{} {n}件", k.label(lang)),
        Lang::En => format!("{n} {}", k.label(lang)),
    })
    .collect();
    let parts = listed(lang, &parts);
    match lang {
        Lang::Ja => format!(
            "昨年から引き継いで未確認：{parts}（確認するまで進捗・準備状況・網羅率に数えません。shindan confirm {record}）"
        ),
        Lang::En => format!(
            "Carried from last year, unconfirmed: {parts} (not counted in progress, readiness or coverage until confirmed; shindan confirm {record})"
        ),
    }
}

/// What is carried, kind by kind, with the command that confirms each.
fn listing(record: &Record, c: &Carried, lang: Lang) -> Vec<String> {
    let id = record.id.to_string();
    if c.is_empty() {
        return vec![lang.pick_with(
            || format!("{id}：昨年から引き継いだ未確認のものはありません"),
            || format!("{id}: nothing carried from last year is left to confirm"),
        )];
    }
    let qn = Questionnaire::embedded();
    let mut out = vec![carried_line(c, &id, lang)];
    let mut part = |kind: Kind, lines: Vec<String>, how: String| {
        if lines.is_empty() {
            return;
        }
        out.push(String::new());
        out.push(format!("■ {}", kind.label(lang)));
        out.extend(lines.into_iter().map(|l| format!("  {l}")));
        out.push(format!("  → {how}"));
    };
    let mut by_section: Vec<String> = Vec::new();
    for (i, s) in qn.sections.iter().enumerate() {
        let n = s
            .questions
            .iter()
            .filter(|q| c.answers.contains(&q.id))
            .count();
        if n > 0 {
            by_section.push(format!("{}. {}: {n}", i + 1, s.text.get(lang)));
        }
    }
    part(
        Kind::Answers,
        by_section,
        lang.pick_with(
            || format!("shindan confirm {id} 問番号… | --section 節の番号か名前 | --all-unchanged"),
            || format!("shindan confirm {id} QUESTION… | --section SECTION | --all-unchanged"),
        ),
    );
    part(
        Kind::Checklist,
        checklist_lines(c, lang),
        lang.pick_with(
            || format!(
                "shindan confirm {id} --item 番号 [--checked DATE] | --checklist-section 項の番号か名前"
            ),
            || format!(
                "shindan confirm {id} --item NUMBER [--checked DATE] | --checklist-section SECTION"
            ),
        ),
    );
    part(
        Kind::Vendors,
        c.vendor_returns
            .iter()
            .map(|v| {
                let ed = Editions::shipped()
                    .get(&v.edition)
                    .map_or_else(|| v.edition.clone(), |e| e.short_name(lang));
                format!("{ed} {} ({})", v.vendor, v.system)
            })
            .collect(),
        format!("shindan confirm {id} --vendor NAME [--system TEXT]"),
    );
    part(
        Kind::Contacts,
        c.contacts
            .iter()
            .map(|k| match &k.vendor {
                Some((v, s)) => format!("{} {v} ({s})", k.position.label(lang)),
                None => k.position.label(lang).to_string(),
            })
            .collect(),
        format!("shindan confirm {id} --contacts"),
    );
    // A control is read by its number and words; the number is what `--control` takes.
    part(
        Kind::Controls,
        c.controls
            .iter()
            .map(|k| {
                let cat = Catalog::embedded();
                cat.control(k).map_or_else(
                    || k.clone(),
                    |c| format!("{} {}", cat.number(k), lang.pick(&c.ja, &c.en)),
                )
            })
            .collect(),
        format!(
            "shindan confirm {id} --control {}",
            c.controls
                .iter()
                .map(|k| Catalog::embedded().number(k))
                .collect::<Vec<_>>()
                .join(" ")
        ),
    );
    out
}

/// The carried checklist items under their edition and section, as the form prints them
/// (令和7年度版 1 体制構築, then 1(1)), so that `--checklist-section` is typed from what is read.
fn checklist_lines(c: &Carried, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    let mut heading = String::new();
    // In the form's order, edition by edition.
    let position = |i: &crate::domain::carried::CarriedItem| {
        let at = Editions::shipped()
            .get(&i.edition)
            .and_then(|e| e.items.iter().position(|x| x.id == i.item));
        (i.edition.clone(), at)
    };
    let mut items: Vec<_> = c.checklist.iter().collect();
    items.sort_by_key(|i| position(i));
    for i in items {
        let edition = Editions::shipped().get(&i.edition);
        let item = edition.and_then(|e| e.item(&i.item));
        let here = match (edition, item) {
            (Some(e), Some(it)) => {
                let section = e
                    .section(it.section)
                    .map(|s| s.text.get(lang))
                    .unwrap_or("");
                format!("{} {} {section}", e.short_name(lang), it.section)
            }
            (Some(e), None) => e.short_name(lang),
            _ => i.edition.clone(),
        };
        if here != heading {
            out.push(here.clone());
            heading = here;
        }
        let number = item.map_or_else(|| i.item.clone(), |it| it.printed(lang));
        out.push(lang.pick_with(
            || format!("  {number}（確認日 {}）", i.checked_on),
            || format!("  {number} (checked {})", i.checked_on),
        ));
    }
    out
}

/// A question, checklist item or place on the chart as a person names it (問6, 2④-サーバ,
/// 院長・管理者): the domain's refusals carry the id they were given.
fn named(id: &str, edition: &Edition, qn: &Questionnaire, lang: Lang) -> String {
    if let Some(i) = edition.item(id) {
        i.key_in(lang)
    } else if qn.question(id).is_some() {
        question_number::printed(qn, id, lang)
    } else if let Some(p) = Position::parse(id) {
        p.label(lang).to_string()
    } else {
        id.to_string()
    }
}

/// A refusal with its ids put in words ([`named`]).
fn in_words(e: ConfirmError, edition: &Edition, qn: &Questionnaire, lang: Lang) -> ConfirmError {
    let named = |id: String| named(&id, edition, qn, lang);
    match e {
        ConfirmError::NotCarried(what) => ConfirmError::NotCarried(named(what)),
        ConfirmError::NotLater {
            item,
            checked_on,
            carried_on,
        } => ConfirmError::NotLater {
            item: named(item),
            checked_on,
            carried_on,
        },
        ConfirmError::Checklist { item, error } => ConfirmError::Checklist {
            item: named(item),
            error,
        },
        other => other,
    }
}
