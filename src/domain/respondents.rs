//! Who counts in an aggregate: a respondent is one hospital in one assessment year, not one
//! file. A folder collected from many hospitals easily holds last year's record beside this
//! year's, or the same file twice (sent again, copied into two folders); counting files would
//! count such a hospital two or three times and move every share towards it.
//!
//! The records are first read for what identifies them ([`Seen`], a few fields each, so memory
//! stays small), then [`choose`] picks the year (the newest present unless asked) and, within
//! it, the newest record of each hospital. A hospital is recognised three ways, each said in
//! the output so that a wrong match can be seen:
//! - the **same record**: the same id and the same creation instant (a copied file);
//! - **linked by copy**: a record whose `previous` names another record of the same year (a
//!   `shindan copy` made within the year) — only when exactly one record has that id, since
//!   ids are numbered per hospital's own store and collide between hospitals;
//! - the **same hospital**: the same name (ignoring spaces and full/half-width), beds and
//!   founder.

use super::cohort::Founder;
use super::record::{Record, RecordId};
use chrono::{DateTime, Utc};

/// What identifies one record read, kept instead of the record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seen {
    pub id: RecordId,
    /// The assessment's 年度 (April–March of its date).
    pub year: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub previous: Option<RecordId>,
    pub hospital: Option<Hospital>,
}

/// A hospital as its answers name it: name, beds and founder, all three answered.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Hospital {
    /// The name without spaces, full-width letters and digits made half-width, lower case.
    pub name: String,
    pub beds: i64,
    pub founder: Founder,
}

impl Seen {
    pub fn of(record: &Record) -> Seen {
        let hospital = match (record.hospital_name(), record.beds(), record.founder()) {
            (Some(name), Some(beds), Some(founder)) if !same_name(name).is_empty() => {
                Some(Hospital {
                    name: same_name(name),
                    beds,
                    founder,
                })
            }
            _ => None,
        };
        Seen {
            id: record.id.clone(),
            year: record.fiscal_year().year(),
            created_at: record.created_at,
            updated_at: record.updated_at,
            previous: record.previous.clone(),
            hospital,
        }
    }

    fn same_record(&self, other: &Seen) -> bool {
        self.id == other.id && self.created_at == other.created_at
    }
}

/// A name as it is compared: 「〇〇 病院」, 「〇〇病院」 and 「〇〇　病院」 are one hospital.
fn same_name(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Why a record was not counted: another record of the same hospital and year was newer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// The same record twice (same id, same creation instant).
    SameRecord,
    /// Linked to the counted one by `shindan copy` within the year.
    LinkedByCopy,
    /// The same name, beds and founder.
    SameHospital,
}

impl Why {
    pub fn id(self) -> &'static str {
        match self {
            Why::SameRecord => "same_record",
            Why::LinkedByCopy => "linked_by_copy",
            Why::SameHospital => "same_hospital",
        }
    }

    pub fn words(self, lang: super::Lang) -> &'static str {
        match self {
            Why::SameRecord => lang.pick(
                "同じ記録（同じID・作成日時）",
                "the same record (same id and creation time)",
            ),
            Why::LinkedByCopy => lang.pick("コピーでつながる記録", "linked by copy"),
            Why::SameHospital => lang.pick(
                "同じ病院（名称・病床数・開設者）",
                "the same hospital (name, beds, founder)",
            ),
        }
    }
}

/// A record left out because `kept` (an index into the records read) is the newer record of
/// the same hospital and year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Duplicate {
    pub index: usize,
    pub kept: usize,
    pub why: Why,
}

/// What an aggregate counts, and what it left out and why.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Choice {
    /// The assessment year counted (`None` when nothing was read).
    pub year: Option<i32>,
    /// Indices of the records counted, one per hospital, in reading order.
    pub counted: Vec<usize>,
    pub duplicates: Vec<Duplicate>,
    /// Records of other years, by year: read (they may link hospitals) but not counted.
    pub other_years: std::collections::BTreeMap<i32, u64>,
}

/// The years present, newest last.
pub fn years(seen: &[Seen]) -> Vec<i32> {
    let mut y: Vec<i32> = seen.iter().map(|s| s.year).collect();
    y.sort_unstable();
    y.dedup();
    y
}

fn find(parent: &mut [usize], i: usize) -> usize {
    let mut r = i;
    while parent[r] != r {
        r = parent[r];
    }
    let mut i = i;
    while parent[i] != r {
        let next = parent[i];
        parent[i] = r;
        i = next;
    }
    r
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        parent[ra.max(rb)] = ra.min(rb);
    }
}

/// The newest record of each hospital in `year` (default: the newest year present).
pub fn choose(seen: &[Seen], year: Option<i32>) -> Choice {
    let Some(year) = year.or_else(|| years(seen).last().copied()) else {
        return Choice::default();
    };
    let mut other_years = std::collections::BTreeMap::new();
    let in_year: Vec<usize> = (0..seen.len())
        .filter(|&i| {
            let here = seen[i].year == year;
            if !here {
                *other_years.entry(seen[i].year).or_insert(0) += 1;
            }
            here
        })
        .collect();
    let mut parent: Vec<usize> = (0..seen.len()).collect();
    let mut by_hospital = std::collections::HashMap::new();
    for (k, &i) in in_year.iter().enumerate() {
        for &j in &in_year[..k] {
            if seen[i].same_record(&seen[j]) {
                union(&mut parent, i, j);
            }
        }
        if let Some(h) = &seen[i].hospital {
            match by_hospital.get(h) {
                Some(&j) => union(&mut parent, i, j),
                None => {
                    by_hospital.insert(h.clone(), i);
                }
            }
        }
    }
    for &i in &in_year {
        let Some(prev) = &seen[i].previous else {
            continue;
        };
        let named: Vec<usize> = in_year
            .iter()
            .copied()
            .filter(|&j| seen[j].id == *prev)
            .collect();
        // Several different records with that id are several hospitals' own numbering: the
        // link cannot say which, so it is not used.
        if let Some(&first) = named.first() {
            if named.iter().all(|&j| seen[j].same_record(&seen[first])) {
                union(&mut parent, i, first);
            }
        }
    }
    // Per group, the newest record (last saved; on a tie the one read first).
    let mut newest: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    for &i in &in_year {
        let root = find(&mut parent, i);
        let e = newest.entry(root).or_insert(i);
        if seen[i].updated_at > seen[*e].updated_at {
            *e = i;
        }
    }
    let mut counted = Vec::new();
    let mut duplicates = Vec::new();
    for &i in &in_year {
        let kept = newest[&find(&mut parent, i)];
        if kept == i {
            counted.push(i);
            continue;
        }
        let (a, b) = (&seen[i], &seen[kept]);
        let why = if a.same_record(b) {
            Why::SameRecord
        } else if a.hospital.is_some() && a.hospital == b.hospital {
            Why::SameHospital
        } else {
            Why::LinkedByCopy
        };
        duplicates.push(Duplicate {
            index: i,
            kept,
            why,
        });
    }
    Choice {
        year: Some(year),
        counted,
        duplicates,
        other_years,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn seen(id: &str, minute: u32, name: Option<&str>) -> Seen {
        let id: RecordId = id.parse().unwrap();
        let at = Utc.with_ymd_and_hms(id.year(), 6, 1, 9, minute, 0).unwrap();
        Seen {
            id,
            year: 0,
            created_at: at,
            updated_at: at,
            previous: None,
            hospital: name.map(|n| Hospital {
                name: same_name(n),
                beds: 120,
                founder: Founder::MedicalCorporation,
            }),
        }
        .in_its_year()
    }

    impl Seen {
        fn in_its_year(mut self) -> Seen {
            self.year = self.id.year();
            self
        }
    }

    #[test]
    fn last_years_record_this_years_copy_and_a_copied_file_count_once() {
        let last = seen("2025-001", 0, Some("さくら病院"));
        let mut this = seen("2026-001", 1, Some("さくら病院"));
        this.previous = Some(last.id.clone());
        let mut again = this.clone();
        again.updated_at = this.updated_at + chrono::Duration::minutes(5);
        let other = seen("2026-001", 7, Some("もみじ病院"));
        let c = choose(&[last, this, again, other], None);
        assert_eq!(c.year, Some(2026));
        assert_eq!(
            c.counted,
            vec![2, 3],
            "the newer copy of さくら, and もみじ"
        );
        assert_eq!(
            c.duplicates,
            vec![Duplicate {
                index: 1,
                kept: 2,
                why: Why::SameRecord
            }]
        );
        assert_eq!(c.other_years.get(&2025), Some(&1));
        // Asked for 2025: only last year's record counts.
        let c = choose(
            &[
                seen("2025-001", 0, Some("さくら病院")),
                seen("2026-001", 1, None),
            ],
            Some(2025),
        );
        assert_eq!((c.counted, c.other_years.get(&2026)), (vec![0], Some(&1)));
    }

    #[test]
    fn a_hospital_is_recognised_by_name_beds_and_founder_or_by_a_copy_within_the_year() {
        let a = seen("2026-001", 0, Some("ｻｸﾗ 病院"));
        let b = seen("2026-002", 3, Some("ｻｸﾗ病院"));
        let c = choose(&[a, b], None);
        assert_eq!(c.counted, vec![1]);
        assert_eq!(c.duplicates[0].why, Why::SameHospital);
        // Full-width letters are the same name: Ａ病院 = A病院.
        assert_eq!(same_name("Ａ　病院"), same_name("a病院"));

        // Without names, a copy within the year links them — unless the id it names is
        // several hospitals' record.
        let first = seen("2026-001", 0, None);
        let mut second = seen("2026-002", 4, None);
        second.previous = Some(first.id.clone());
        let c = choose(&[first.clone(), second.clone()], None);
        assert_eq!(
            (c.counted.clone(), c.duplicates[0].why),
            (vec![1], Why::LinkedByCopy)
        );
        let elsewhere = seen("2026-001", 9, None);
        let c = choose(&[first, second, elsewhere], None);
        assert_eq!(c.counted, vec![0, 1, 2], "an ambiguous link is not used");
    }

    #[test]
    fn different_hospitals_with_the_same_id_are_two_respondents() {
        let a = seen("2026-001", 0, Some("さくら病院"));
        let b = seen("2026-001", 2, Some("もみじ病院"));
        assert_eq!(choose(&[a, b], None).counted, vec![0, 1]);
    }
}
