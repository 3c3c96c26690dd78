//! Confirming on the matrix what `copy` carried: `y` (F2) on a control whose status rests on
//! last year's word, `Y` (F3) on a whole risk category — the row of the heat map, the tree's
//! cell, the controls' scenario. The keys are the interview's, and so is the domain's word
//! ([`carried::matrix`]): a carried mark is confirmed as it is, a status proven by a carried
//! answer by confirming that answer. Until then the status is shown with its `～` and covers
//! nothing. Both are offered in the footer only where something is carried.

use super::{catalog, Level, MatrixScreen};
use crate::domain::carried::matrix::{self as carried, Confirmed};
use crate::domain::matrix::{Coverage, Sources};
use crate::domain::{Lang, Questionnaire};
use crate::tui::app::Action;
use crate::tui::session::Session;

/// How many controls of each risk category (catalogue order) rest on what was carried.
pub fn carried_by_category(cov: &Coverage<'_>) -> Vec<usize> {
    let cat = catalog();
    cat.categories
        .iter()
        .map(|category| {
            cov.controls
                .iter()
                .filter(|c| c.carried)
                .filter(|c| {
                    c.control
                        .scenarios
                        .iter()
                        .filter_map(|s| cat.scenario(s))
                        .any(|s| s.category == category.id)
                })
                .count()
        })
        .collect()
}

impl MatrixScreen {
    /// The control under the cursor rests on what was carried.
    pub(super) fn control_carried(&self) -> bool {
        self.level == Level::Controls
            && self
                .controls
                .rows
                .get(self.control)
                .is_some_and(|r| r.carried)
    }

    /// The category of the cell has controls resting on what was carried.
    pub(super) fn category_carried(&self) -> bool {
        self.carried.get(self.spot.row).is_some_and(|n| *n > 0)
    }

    /// Confirms the carried status of the control under the cursor.
    pub(super) fn confirm(&mut self, session: &mut Session, lang: Lang) -> Action {
        let Some(row) = self.controls.rows.get(self.control) else {
            return Action::None;
        };
        if !row.carried {
            return Action::Flash(
                lang.pick(
                    "昨年から引き継いだ未確認の状況ではありません",
                    "Not a status carried from last year",
                )
                .to_string(),
            );
        }
        let (id, name) = (row.control.id.clone(), row.control.name(lang).to_string());
        let now = crate::clock::system().now();
        let done = session.update(|r| carried::control(&Sources::embedded(), r, &id, now));
        match done {
            Ok(confirmed) => {
                self.refresh(session);
                let figure = self.coverage.figure().render(lang);
                let what = match confirmed {
                    Confirmed::Mark => String::new(),
                    Confirmed::Answer(q) => {
                        let n = Questionnaire::embedded().number(&q).unwrap_or(0);
                        lang.pick_with(
                            || format!("（問{n}の回答を確認）"),
                            || format!(" (Q{n}'s answer confirmed)"),
                        )
                    }
                };
                Action::Flash(lang.pick_with(
                    || format!("昨年のまま確認：{figure}{what}{name}"),
                    || format!("Confirmed as it is: {figure}{what}: {name}"),
                ))
            }
            Err(r) => Action::Flash(r.message_with(lang, |e, l| e.message(l))),
        }
    }

    /// Confirms every carried status of the cell's risk category, as it is.
    pub(super) fn confirm_category(&mut self, session: &mut Session, lang: Lang) -> Action {
        let Some(category) = catalog().categories.get(self.spot.row) else {
            return Action::None;
        };
        let name = category.name(lang).to_string();
        let id = category.id.clone();
        let now = crate::clock::system().now();
        let sources = Sources::embedded();
        let done = session.update(|r| {
            Ok::<_, std::convert::Infallible>(carried::category(&sources, r, Some(&id), now))
        });
        let Ok(done) = done else {
            return Action::Flash(session.read_only_message(lang).unwrap_or_default());
        };
        self.refresh(session);
        let figure = self.coverage.figure().render(lang);
        let left = match (done.left.len(), lang) {
            (0, _) => String::new(),
            (n, Lang::Ja) => format!("・{n}件はチェックリスト（c）で確認"),
            (n, Lang::En) => format!("; {n} to confirm on the checklist (c)"),
        };
        Action::Flash(match (done.confirmed.len(), lang) {
            (0, Lang::Ja) => format!("「{name}」に昨年のまま確認できる対策はありません{left}"),
            (0, Lang::En) => format!("Nothing in \"{name}\" to confirm as it is{left}"),
            (n, Lang::Ja) => format!("「{name}」の昨年の状況{n}件を確認：{figure}{left}"),
            (n, Lang::En) => {
                format!("Confirmed {n} carried status(es) of \"{name}\": {figure}{left}")
            }
        })
    }
}
