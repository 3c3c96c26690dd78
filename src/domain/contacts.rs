//! The contact chart (連絡体制図) of checklist item 3(1): who is called when an incident
//! happens, inside the hospital and outside. Every name and phone number is the hospital's own:
//! shindan ships none, since a wrong number printed on a chart is worse than a blank one.

use super::lang::Lang;
use super::record::checklist_answers::Vendor;
pub use super::record::contact::{Contact, Position};
use super::record::Record;
use super::vendors::{self, VendorError};
use chrono::{DateTime, Utc};

/// The checklist item the chart is evidence for.
pub const CHART_ITEM: &str = "c3_contact_chart";

pub const FIELD_MAX: usize = 100;
pub const PHONE_MAX: usize = 30;
/// The one note limit of every path (see [`crate::domain::limits`]).
pub const NOTE_MAX: usize = crate::domain::limits::NOTE_MAX;

/// What to change in one entry: `Some("")` clears a field, `None` leaves it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContactInput {
    pub organisation: Option<String>,
    pub name: Option<String>,
    pub title: Option<String>,
    pub phone: Option<String>,
    pub note: Option<String>,
}

impl ContactInput {
    pub fn is_empty(&self) -> bool {
        self.organisation.is_none()
            && self.name.is_none()
            && self.title.is_none()
            && self.phone.is_none()
            && self.note.is_none()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ContactError {
    #[error("`{0}` is not a place on the chart; name one as the chart shows it: {all}", all = labels(&Position::ALL, Lang::En))]
    UnknownPosition(String),
    #[error(
        "`{input}` names several places on the chart: {}",
        labels(choices, Lang::En)
    )]
    AmbiguousPosition {
        input: String,
        choices: Vec<Position>,
    },
    #[error("the vendor's place needs --vendor NAME (and --system when it has several)")]
    VendorNeeded,
    #[error("--vendor goes only with the vendor's place")]
    VendorNotAllowed,
    #[error("{0}")]
    Vendor(VendorError),
    #[error(transparent)]
    Control(#[from] crate::domain::limits::ControlCharacter),
    #[error("{field}: {len} characters is too long: at most {max}")]
    TooLong {
        field: &'static str,
        len: usize,
        max: usize,
    },
    #[error("{field} must be one line")]
    LineBreak { field: &'static str },
    #[error("phone `{0}`: use digits with - ( ) + or spaces, 1–30 characters, e.g. 03-1234-5678")]
    BadPhone(String),
    #[error("nothing to change: give --name, --title, --organisation, --phone or --note")]
    NothingGiven,
    #[error("no entry for `{0}` on the chart")]
    NoEntry(String),
}

impl ContactError {
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            ContactError::UnknownPosition(p) => format!(
                "`{p}` は連絡体制図の枠ではありません。体制図に表示される名前（一部でも可）で指定してください：{}",
                labels(&Position::ALL, lang)
            ),
            ContactError::AmbiguousPosition { input, choices } => format!(
                "`{input}` に当てはまる枠が複数あります：{}",
                labels(choices, lang)
            ),
            ContactError::VendorNeeded => {
                "事業者の枠には --vendor 事業者名 が必要です（複数のシステムがあれば --system も）"
                    .into()
            }
            ContactError::VendorNotAllowed => "--vendor は事業者の枠のときだけ使えます".into(),
            ContactError::Vendor(e) => e.message(lang),
            ContactError::TooLong { field, len, max } => {
                format!("{field}：{len}文字は長すぎます。{max}文字以内にしてください")
            }
            ContactError::Control(c) => c.message(Lang::Ja),
            ContactError::LineBreak { field } => format!("{field} は1行で入力してください"),
            ContactError::BadPhone(p) => format!(
                "電話番号 `{p}`：数字と - ( ) + 空白で、1～30文字（例：03-1234-5678）"
            ),
            ContactError::NothingGiven => {
                "変更する内容がありません：--name、--title、--organisation、--phone、--note のいずれかを指定してください".into()
            }
            ContactError::NoEntry(p) => format!("`{p}` の記入はありません"),
        }
    }
}

fn labels(positions: &[Position], lang: Lang) -> String {
    let list: Vec<&str> = positions.iter().map(|p| p.label(lang)).collect();
    list.join(lang.pick("、", ", "))
}

/// What a person may type for a place folded to one spelling: lower case, no spaces, dots,
/// brackets or `_`.
fn fold_place(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '_' | '-' | '・' | '（' | '）' | '(' | ')'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The place a person means: its label as the chart shows it, in either language, or a part of
/// it that names one place alone (院長, 警察, 保健所, insurer), or the handle scripts use
/// (`director`). A part that fits several places is refused with those places.
pub fn position(typed: &str) -> Result<Position, ContactError> {
    if let Some(p) = Position::parse(typed) {
        return Ok(p);
    }
    let t = fold_place(typed);
    if t.is_empty() {
        return Err(ContactError::UnknownPosition(typed.trim().to_string()));
    }
    let names = |p: Position| {
        [p.label(Lang::Ja), p.label(Lang::En), p.id()]
            .into_iter()
            .map(fold_place)
    };
    if let Some(p) = Position::ALL
        .into_iter()
        .find(|p| names(*p).any(|n| n == t))
    {
        return Ok(p);
    }
    let fits: Vec<Position> = Position::ALL
        .into_iter()
        .filter(|p| names(*p).any(|n| n.contains(&t)))
        .collect();
    match fits.as_slice() {
        [one] => Ok(*one),
        [] => Err(ContactError::UnknownPosition(typed.trim().to_string())),
        _ => Err(ContactError::AmbiguousPosition {
            input: typed.trim().to_string(),
            choices: fits,
        }),
    }
}

fn clean_line(field: &'static str, s: &str, max: usize) -> Result<Option<String>, ContactError> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    if s.contains(['\n', '\r']) {
        return Err(ContactError::LineBreak { field });
    }
    crate::domain::limits::refuse_control(s, false)?;
    let len = s.chars().count();
    if len > max {
        return Err(ContactError::TooLong { field, len, max });
    }
    Ok(Some(s.to_string()))
}

/// A phone number as typed, with full-width digits (an IME's default) read as ASCII.
pub fn clean_phone(raw: &str) -> Result<Option<String>, ContactError> {
    let s: String = raw
        .trim()
        .chars()
        .map(super::digits::ascii_digit)
        .map(|c| match c {
            '－' | 'ー' | '‐' | '−' => '-',
            '（' => '(',
            '）' => ')',
            '＋' => '+',
            '　' => ' ',
            c => c,
        })
        .collect();
    if s.is_empty() {
        return Ok(None);
    }
    let ok = s.chars().count() <= PHONE_MAX
        && s.chars().any(|c| c.is_ascii_digit())
        && s.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '-' | '(' | ')' | '+' | ' '));
    if !ok {
        return Err(ContactError::BadPhone(raw.trim().to_string()));
    }
    Ok(Some(s))
}

/// One place of the chart and who fills it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    pub position: Position,
    /// For a vendor's place: the vendor and its system.
    pub vendor: Option<(String, String)>,
    pub contact: Option<Contact>,
}

impl Slot {
    /// Filled this year: a carried entry waits for confirmation.
    pub fn filled(&self) -> bool {
        self.contact
            .as_ref()
            .is_some_and(|c| c.is_filled() && !c.carried)
    }

    pub fn carried(&self) -> bool {
        self.contact.as_ref().is_some_and(|c| c.carried)
    }
}

/// The chart as printed: the hospital's four places, then one per vendor named in the record,
/// then the outside bodies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactChart {
    pub slots: Vec<Slot>,
}

impl ContactChart {
    pub fn of(record: &Record) -> ContactChart {
        let find = |p: Position, v: Option<(&str, &str)>| {
            record.contacts.iter().find(|c| c.is_for(p, v)).cloned()
        };
        let mut slots = Vec::new();
        for p in Position::ALL {
            if p == Position::Vendor {
                for v in &record.vendors {
                    slots.push(Slot {
                        position: p,
                        vendor: Some((v.vendor.clone(), v.system.clone())),
                        contact: find(p, Some((&v.vendor, &v.system))),
                    });
                }
            } else {
                slots.push(Slot {
                    position: p,
                    vendor: None,
                    contact: find(p, None),
                });
            }
        }
        ContactChart { slots }
    }

    pub fn filled(&self) -> usize {
        self.slots.iter().filter(|s| s.filled()).count()
    }

    /// Entries carried from last year, to confirm.
    pub fn carried(&self) -> usize {
        self.slots.iter().filter(|s| s.carried()).count()
    }

    pub fn total(&self) -> usize {
        self.slots.len()
    }

    pub fn internal(&self) -> impl Iterator<Item = &Slot> {
        self.slots.iter().filter(|s| s.position.internal())
    }

    pub fn external(&self) -> impl Iterator<Item = &Slot> {
        self.slots.iter().filter(|s| !s.position.internal())
    }
}

/// Fills or changes one place of the chart. A vendor's place names the vendor in the record
/// when it is new (a vendor to call is a vendor with a contract, and so one whose checklist
/// form is expected).
pub fn set(
    record: &mut Record,
    position: Position,
    vendor: Option<(&str, Option<&str>)>,
    input: ContactInput,
    now: DateTime<Utc>,
) -> Result<Contact, ContactError> {
    if input.is_empty() {
        return Err(ContactError::NothingGiven);
    }
    let key = resolve_vendor(record, position, vendor)?;
    let mut contact = record
        .contacts
        .iter()
        .find(|c| {
            c.is_for(
                position,
                key.as_ref().map(|(v, s)| (v.as_str(), s.as_str())),
            )
        })
        .cloned()
        .unwrap_or_else(|| Contact {
            position: Some(position),
            vendor: key.as_ref().map(|(v, _)| v.clone()),
            system: key.as_ref().map(|(_, s)| s.clone()),
            ..Contact::default()
        });
    if let Some(v) = &input.organisation {
        contact.organisation = clean_line("organisation", v, FIELD_MAX)?;
    }
    if let Some(v) = &input.name {
        contact.name = clean_line("name", v, FIELD_MAX)?;
    }
    if let Some(v) = &input.title {
        contact.title = clean_line("title", v, FIELD_MAX)?;
    }
    if let Some(v) = &input.phone {
        contact.phone = clean_phone(v)?;
    }
    if let Some(v) = &input.note {
        let v = v.trim();
        crate::domain::limits::refuse_control(v, true)?;
        let len = v.chars().count();
        if len > NOTE_MAX {
            return Err(ContactError::TooLong {
                field: "note",
                len,
                max: NOTE_MAX,
            });
        }
        contact.note = (!v.is_empty()).then(|| v.to_string());
    }
    // Changed this year: what is on the chart now is this year's word.
    contact.carried = false;
    if let Some((v, s)) = &key {
        if !record.vendors.iter().any(|x| x.is(v, s)) {
            vendors::add(record, v, s, now).map_err(ContactError::Vendor)?;
        }
    }
    record.contacts.retain(|c| {
        !c.is_for(
            position,
            key.as_ref().map(|(v, s)| (v.as_str(), s.as_str())),
        )
    });
    record.contacts.push(contact.clone());
    record.touch(now);
    Ok(contact)
}

/// Empties one place of the chart.
pub fn clear(
    record: &mut Record,
    position: Position,
    vendor: Option<(&str, Option<&str>)>,
    now: DateTime<Utc>,
) -> Result<(), ContactError> {
    let key = resolve_vendor(record, position, vendor)?;
    let before = record.contacts.len();
    record.contacts.retain(|c| {
        !c.is_for(
            position,
            key.as_ref().map(|(v, s)| (v.as_str(), s.as_str())),
        )
    });
    if record.contacts.len() == before {
        return Err(ContactError::NoEntry(position.id().to_string()));
    }
    record.touch(now);
    Ok(())
}

fn resolve_vendor(
    record: &Record,
    position: Position,
    vendor: Option<(&str, Option<&str>)>,
) -> Result<Option<(String, String)>, ContactError> {
    match (position, vendor) {
        (Position::Vendor, None) => Err(ContactError::VendorNeeded),
        (Position::Vendor, Some((v, Some(s)))) => {
            let v =
                clean_line("vendor", v, vendors::NAME_MAX)?.ok_or(ContactError::VendorNeeded)?;
            let s =
                clean_line("system", s, vendors::NAME_MAX)?.ok_or(ContactError::VendorNeeded)?;
            Ok(Some((v, s)))
        }
        (Position::Vendor, Some((v, None))) => {
            let found: &Vendor = vendors::find(record, v, None).map_err(ContactError::Vendor)?;
            Ok(Some((found.vendor.clone(), found.system.clone())))
        }
        (_, Some(_)) => Err(ContactError::VendorNotAllowed),
        (_, None) => Ok(None),
    }
}
