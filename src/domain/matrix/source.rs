//! Where a control's status can come from, and what each source says about it: the user's own
//! mark, the hospital's checklist answers, the interview, a vendor's return. Each source gives
//! [`Finding`]s through the [crosswalk](super::crosswalk); [`super::state`] ranks them.
//!
//! Nothing here is stored: the findings are read from the answers every time, so that they
//! follow a changed answer.

use super::crosswalk::{Entry, ItemProof};
use crate::domain::checklist::{ChecklistAnswers, Device, Edition, Editions, YesNo};
use crate::domain::lang::{Lang, Text};
use crate::domain::questionnaire::Questionnaire;
use crate::domain::record::control::ControlStatus;
use crate::domain::record::Record;
use chrono::NaiveDate;

/// The order in which sources decide a control's status: the first that says something wins.
/// A new source (a vendor's packet carrying controls) takes the rank of what it is, and the
/// resolution needs no change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rank {
    User,
    Checklist,
    Interview,
    Vendor,
    Default,
}

impl Rank {
    pub fn id(self) -> &'static str {
        match self {
            Rank::User => "user",
            Rank::Checklist => "checklist",
            Rank::Interview => "interview",
            Rank::Vendor => "vendor",
            Rank::Default => "default",
        }
    }
}

/// Checklist items as they prove something: which edition, which printed rows, when checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemEvidence {
    pub edition: String,
    pub items: Vec<String>,
    /// Each item's number as the form prints it (`2④`, `2(7)`) and its device class.
    pub rows: Vec<(String, Option<Device>)>,
    /// The latest day any of the rows was checked.
    pub checked_on: NaiveDate,
    /// One of the answers was carried (from the previous edition, or with last year's record,
    /// or a vendor's return copied with it) and not checked again.
    pub carried: bool,
}

impl ItemEvidence {
    /// `2④・2⑤（サーバ・端末PC） 2026-11-30`: numbers as printed, never item ids.
    fn label(&self, lang: Lang) -> String {
        let mut numbers: Vec<&str> = Vec::new();
        let mut devices: Vec<&str> = Vec::new();
        for (n, d) in &self.rows {
            if !numbers.contains(&n.as_str()) {
                numbers.push(n);
            }
            if let Some(d) = d.filter(|d| *d != Device::General) {
                let l = d.label(lang);
                if !devices.contains(&l) {
                    devices.push(l);
                }
            }
        }
        let sep = lang.pick("・", ", ");
        let devices = match (devices.is_empty(), lang) {
            (true, _) => String::new(),
            (false, Lang::Ja) => format!("（{}）", devices.join(sep)),
            (false, Lang::En) => format!(" ({})", devices.join(sep)),
        };
        let carried = if self.carried {
            lang.pick("（引き継ぎ・未確認）", " (carried, not checked again)")
        } else {
            ""
        };
        format!(
            "{}{devices} {}{carried}",
            numbers.join(sep),
            self.checked_on
        )
    }
}

/// Where a status comes from, which every surface shows beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StatusSource {
    /// The user set it (command line, matrix screen, walk-through).
    User,
    /// The hospital's own checklist answers.
    Checklist(ItemEvidence),
    /// The interview answer `question = value`.
    Interview { question: String, value: String },
    /// The 事業者確認用 forms the vendors returned (`vendors`: `A社 (電子カルテ)`).
    Vendor {
        vendors: Vec<String>,
        evidence: ItemEvidence,
    },
    /// A vendor answered the control itself in its returned packet (`vendor`: `A社 (電子カルテ)`).
    VendorPacket { vendor: String },
    /// Nobody has said: unknown.
    Default,
}

impl StatusSource {
    pub fn rank(&self) -> Rank {
        match self {
            StatusSource::User => Rank::User,
            StatusSource::Checklist(_) => Rank::Checklist,
            StatusSource::Interview { .. } => Rank::Interview,
            StatusSource::Vendor { .. } | StatusSource::VendorPacket { .. } => Rank::Vendor,
            StatusSource::Default => Rank::Default,
        }
    }

    pub fn id(&self) -> &'static str {
        self.rank().id()
    }

    /// One mark beside a status, the same in every list: ＋ the user, ＃ the checklist, ＊ the
    /// interview, ＠ a vendor, and ～ whichever of them when the status rests on last year's
    /// word, not confirmed (it counts towards no coverage until it is). Full-width in Japanese
    /// (never an ambiguous-width character), ASCII in English.
    pub fn mark(&self, carried: bool, lang: Lang) -> &'static str {
        match self {
            _ if carried => lang.pick("～", "~"),
            StatusSource::User => lang.pick("＋", "+"),
            StatusSource::Checklist(_) => lang.pick("＃", "#"),
            StatusSource::Interview { .. } => lang.pick("＊", "*"),
            StatusSource::Vendor { .. } | StatusSource::VendorPacket { .. } => lang.pick("＠", "@"),
            StatusSource::Default => lang.pick("  ", " "),
        }
    }

    /// `チェックリスト 2⑬ 2026-11-30`, for a line beside the status.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            StatusSource::User => lang.pick("利用者が設定", "set by the user").to_string(),
            StatusSource::Checklist(e) => {
                format!(
                    "{} {}",
                    lang.pick("チェックリスト", "checklist"),
                    e.label(lang)
                )
            }
            StatusSource::Interview { question, value } => {
                // The question by its number and the answer in words (問19「加入していない」),
                // never the ids the crosswalk keys them by.
                let qn = crate::domain::Questionnaire::embedded();
                let q = qn.question(question);
                let asked = match qn.number(question) {
                    Some(n) => lang.pick_with(|| format!("問{n}"), || format!("question {n}")),
                    None => q.map(|q| q.text.get(lang).to_string()).unwrap_or_default(),
                };
                let said = q
                    .and_then(|q| q.options.iter().find(|o| &o.id == value))
                    .map(|o| o.text.get(lang).to_string())
                    .unwrap_or_else(|| value.clone());
                match lang {
                    Lang::Ja => format!("ヒアリングの回答から：{asked}「{said}」"),
                    Lang::En => format!("from the interview: {asked} “{said}”"),
                }
            }
            StatusSource::Vendor { vendors, evidence } => format!(
                "{} {} {}",
                lang.pick("事業者の回答", "vendor's form"),
                vendors.join(lang.pick("、", ", ")),
                evidence.label(lang)
            ),
            StatusSource::VendorPacket { vendor } => format!(
                "{} {vendor}",
                lang.pick("事業者の回答（対策）", "vendor's answer (control)")
            ),
            StatusSource::Default => lang.pick("未設定", "not set").to_string(),
        }
    }
}

/// What one source says about one control: a status, or (`status: None`) a lead to review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub source: StatusSource,
    pub status: Option<ControlStatus>,
    /// Why the answer proves this, from the crosswalk (none for the user's own word).
    pub why: Option<Text>,
    /// It rests on last year's word, carried over and not confirmed: the user's mark copied
    /// with the record, an interview answer, checklist answer or vendor's return carried with
    /// it. Shown as it was, but it proves nothing until confirmed (see `domain::carried`).
    pub carried: bool,
}

impl Finding {
    pub fn is_lead(&self) -> bool {
        self.status.is_none()
    }
}

/// The user's own status, if they set one.
pub fn user(record: &Record, control: &str) -> Option<Finding> {
    let mark = record.controls.get(control)?;
    Some(Finding {
        source: StatusSource::User,
        status: Some(mark.status?),
        why: None,
        carried: mark.carried,
    })
}

/// What the interview's answers prove. An answer kept for a question that skip logic now hides
/// proves nothing.
pub fn interview(entry: &Entry, record: &Record, qn: &Questionnaire) -> Vec<Finding> {
    entry
        .interview
        .iter()
        .filter_map(|p| {
            let value = qn.effective(&p.question, record)?;
            let given: Vec<String> = match value.as_number() {
                Some(n) => vec![n.to_string()],
                None => value.choices().into_iter().map(String::from).collect(),
            };
            let hit = given.iter().find(|g| p.values.contains(g))?;
            Some(Finding {
                source: StatusSource::Interview {
                    question: p.question.clone(),
                    value: hit.clone(),
                },
                status: p.status.status(),
                why: Some(p.why.clone()),
                carried: record.answers.get(&p.question).is_some_and(|a| a.carried),
            })
        })
        .collect()
}

/// The checklist editions a record has answers for, newest first: a newer edition's answers
/// supersede an older one's rather than disagree with them.
fn newest_first<'e>(editions: &'e Editions, record: &Record) -> Vec<&'e Edition> {
    let mut list: Vec<&Edition> = record
        .checklists
        .keys()
        .filter_map(|id| editions.get(id))
        .collect();
    list.sort_by_key(|e| std::cmp::Reverse(e.fiscal_year));
    list
}

/// Answered "no" to the gate (no medical information systems): the rest of that edition's
/// answers prove nothing.
fn gated_off(edition: &Edition, answers: &ChecklistAnswers) -> bool {
    edition
        .gate
        .as_deref()
        .and_then(|g| answers.latest(g))
        .is_some_and(|a| a.answer == YesNo::No)
}

/// Several rows' answers read as one: all yes, all no, or some of each (partly in place, when a
/// yes would put the control at least partly in place). An unanswered row leaves it open.
fn combine(proof: &ItemProof, answers: &[Option<YesNo>]) -> Option<super::crosswalk::Outcome> {
    use super::crosswalk::Outcome;
    let all = |a: YesNo| answers.iter().all(|x| *x == Some(a));
    if all(YesNo::Yes) {
        return proof.yes;
    }
    if all(YesNo::No) {
        return proof.no;
    }
    let mixed = answers.contains(&Some(YesNo::Yes)) && answers.contains(&Some(YesNo::No));
    match proof.yes {
        Some(Outcome::InPlace | Outcome::Partial) if mixed => Some(Outcome::Partial),
        _ => None,
    }
}

fn rows(edition: &Edition, items: &[String]) -> Vec<(String, Option<Device>)> {
    items
        .iter()
        .filter_map(|i| edition.item(i))
        .map(|i| (i.label().to_string(), i.device))
        .collect()
}

/// One row's answer as a proof reads it: yes or no, the day checked, carried or not.
type RowAnswer = Option<(YesNo, NaiveDate, bool)>;

/// What a proof's rows, as answered, prove: the status (none for a lead) and the evidence.
fn prove(
    p: &ItemProof,
    edition: &Edition,
    answers: &[RowAnswer],
) -> Option<(Option<ControlStatus>, ItemEvidence)> {
    let answered: Vec<Option<YesNo>> = answers.iter().map(|a| a.map(|a| a.0)).collect();
    let outcome = combine(p, &answered)?;
    let checked_on = answers.iter().flatten().map(|a| a.1).max()?;
    let evidence = ItemEvidence {
        edition: edition.id.clone(),
        items: p.items.clone(),
        rows: rows(edition, &p.items),
        checked_on,
        carried: answers.iter().flatten().any(|a| a.2),
    };
    Some((outcome.status(), evidence))
}

/// The findings of the first edition, in the order given, that proves anything.
fn first_proving<'e>(
    editions: Vec<&'e Edition>,
    found: impl Fn(&'e Edition) -> Vec<Finding>,
) -> Vec<Finding> {
    editions
        .into_iter()
        .map(found)
        .find(|f| !f.is_empty())
        .unwrap_or_default()
}

/// What the hospital's own checklist answers prove, from the newest edition that proves
/// anything.
pub fn checklist(entry: &Entry, record: &Record, editions: &Editions) -> Vec<Finding> {
    first_proving(newest_first(editions, record), |edition| {
        let Some(answers) = record.checklists.get(&edition.id) else {
            return Vec::new();
        };
        if gated_off(edition, answers) {
            return Vec::new();
        }
        entry
            .checklist
            .iter()
            .filter(|p| p.editions.contains(&edition.id))
            .filter_map(|p| {
                let rows: Vec<RowAnswer> = p
                    .items
                    .iter()
                    .map(|i| {
                        answers
                            .latest(i)
                            .map(|a| (a.answer, a.checked_on, a.carried.is_some()))
                    })
                    .collect();
                let (status, evidence) = prove(p, edition, &rows)?;
                Some(Finding {
                    carried: evidence.carried,
                    source: StatusSource::Checklist(evidence),
                    status,
                    why: Some(p.why.clone()),
                })
            })
            .collect()
    })
}

/// What the vendors' returned forms prove, for the mappings whose vendor wording proves it:
/// every vendor in scope (those of `system`, when the control names one) is a row, and a vendor
/// that has not returned its form leaves the answer open.
pub fn vendor(
    entry: &Entry,
    record: &Record,
    editions: &Editions,
    system: Option<&str>,
) -> Vec<Finding> {
    let scope: Vec<_> = record
        .vendors
        .iter()
        .filter(|v| system.is_none_or(|s| v.system == s))
        .collect();
    let mut list: Vec<&Edition> = editions
        .all()
        .iter()
        .filter(|e| scope.iter().any(|v| v.returned(&e.id).is_some()))
        .collect();
    list.sort_by_key(|e| std::cmp::Reverse(e.fiscal_year));
    let vendors: Vec<String> = scope.iter().map(|v| v.label()).collect();
    first_proving(list, |edition| {
        entry
            .checklist
            .iter()
            .filter(|p| p.vendor && p.editions.contains(&edition.id))
            .filter_map(|p| {
                let rows: Vec<RowAnswer> = scope
                    .iter()
                    .flat_map(|v| {
                        let form = v.returned(&edition.id);
                        p.items.iter().map(move |i| {
                            let f = form?;
                            let a = f.items.get(i)?;
                            Some((a.answer, a.checked_on, f.carried))
                        })
                    })
                    .collect();
                let (status, evidence) = prove(p, edition, &rows)?;
                Some(Finding {
                    carried: evidence.carried,
                    source: StatusSource::Vendor {
                        vendors: vendors.clone(),
                        evidence,
                    },
                    status,
                    why: Some(p.why.clone()),
                })
            })
            .collect()
    })
}

/// What the vendors said about the control itself in their returned packets: one finding per
/// vendor in scope (those of `system`, when the control names one) that answered it, from its
/// newest return. A return carried with last year's record proves nothing until confirmed.
pub fn vendor_packets(control: &str, record: &Record, system: Option<&str>) -> Vec<Finding> {
    record
        .vendors
        .iter()
        .filter(|v| system.is_none_or(|s| v.system == s))
        .filter_map(|v| {
            let (form, answer) = v
                .forms
                .values()
                .filter_map(|f| f.returned.as_ref())
                .filter_map(|r| r.controls.get(control).map(|a| (r, a)))
                .max_by_key(|(r, _)| r.imported_at)?;
            Some(Finding {
                source: StatusSource::VendorPacket { vendor: v.label() },
                status: Some(answer.status),
                why: answer.note.as_ref().map(|n| Text {
                    ja: n.clone(),
                    en: n.clone(),
                }),
                carried: form.carried,
            })
        })
        .collect()
}
