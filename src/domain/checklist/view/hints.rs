//! Hints beside a checklist item: what the hospital said elsewhere (its survey answers, the risk
//! categories, the contact chart), shown next to the item and never taken as its answer.

use super::*;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HintSource {
    /// What the hospital answered in the survey interview, and on which day (JST).
    Survey {
        question: String,
        on: NaiveDate,
    },
    Risk {
        category: String,
    },
    /// The contact chart kept in shindan (for 3(1)).
    Contacts {
        filled: usize,
        total: usize,
    },
}

/// Something the hospital said elsewhere, shown beside an item. Never an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    pub source: HintSource,
    pub text: Text,
}

/// Hints beside an item: the survey answers it links to (with the day each was given), the
/// risk categories it helps cover, and for 3(1) the contact chart kept in shindan.
pub fn hints(item: &Item, record: &Record, qn: &Questionnaire, clock: &Clock) -> Vec<Hint> {
    let mut out = Vec::new();
    for qid in &item.survey {
        let (Some(q), Some(a)) = (qn.question(qid), record.answers.get(qid)) else {
            continue;
        };
        if !qn.visible(q, record) {
            continue;
        }
        let on = clock.date_of(a.at);
        out.push(Hint {
            source: HintSource::Survey {
                question: qid.clone(),
                on,
            },
            text: Text {
                ja: format!(
                    "調査「{}」：{}（{on}{}）",
                    q.text.ja,
                    q.describe(&a.value, Lang::Ja),
                    if a.carried {
                        "・昨年から・未確認"
                    } else {
                        ""
                    }
                ),
                en: format!(
                    "survey: {}: {} ({on}{})",
                    q.text.en,
                    q.describe(&a.value, Lang::En),
                    if a.carried {
                        ", from last year, unconfirmed"
                    } else {
                        ""
                    }
                ),
            },
        });
    }
    for r in &item.risk {
        if let Some(c) = risk_link::category(r) {
            out.push(Hint {
                source: HintSource::Risk {
                    category: c.id.to_string(),
                },
                text: Text {
                    ja: format!("リスク区分：{}", c.ja),
                    en: format!("risk: {}", c.en),
                },
            });
        }
    }
    if item.id == contacts::CHART_ITEM {
        let chart = contacts::ContactChart::of(record);
        let (filled, total) = (chart.filled(), chart.total());
        out.push(Hint {
            source: HintSource::Contacts { filled, total },
            text: Text {
                ja: format!("shindan の連絡体制図：{total}件中{filled}件記入（shindan contacts）"),
                en: format!(
                    "contact chart in shindan: {filled} of {total} filled (shindan contacts)"
                ),
            },
        });
    }
    out
}
