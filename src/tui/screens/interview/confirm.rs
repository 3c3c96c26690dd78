//! Confirming what was carried from last year, from the interview: the answer on screen, or
//! its whole section as "all unchanged".

use super::{qn, Interview};
use crate::domain::carried::confirm::ConfirmError;
use crate::domain::Lang;
use crate::tui::session::Session;

impl Interview {
    /// Whether the question on screen, and any question of its section, is carried and
    /// not yet confirmed.
    pub(super) fn carried_here(&self, session: &Session) -> (bool, bool) {
        let record = &session.record;
        let carried = |id: &str| record.answers.get(id).is_some_and(|a| a.carried);
        let section = qn().section_of(&self.current).is_some_and(|s| {
            s.questions
                .iter()
                .any(|q| qn().visible(q, record) && carried(&q.id))
        });
        (carried(&self.current), section)
    }

    /// Confirms every carried answer of this question's section as it is ("all unchanged"),
    /// and says how many.
    pub(super) fn confirm_section(&mut self, session: &mut Session, lang: Lang) {
        let Some(section) = qn().section_of(&self.current) else {
            return;
        };
        let (id, name) = (section.id.clone(), section.short(lang).to_string());
        let now = crate::clock::system().now();
        match session.update(|r| crate::domain::carried::confirm::section(r, qn(), &id, now)) {
            Ok(done) if done.is_empty() => {
                self.info = Some(lang.pick_with(
                    || format!("「{name}」に未確認の昨年の回答はありません"),
                    || format!("Nothing carried to confirm in \"{name}\""),
                ));
            }
            Ok(done) => {
                self.info = Some(lang.pick_with(
                    || {
                        format!(
                            "「{name}」の昨年の回答{}件をそのまま確認しました",
                            done.len()
                        )
                    },
                    || {
                        format!(
                            "Confirmed {} carried answer(s) of \"{name}\" as they are",
                            done.len()
                        )
                    },
                ));
                // The field shows the answer confirmed, not a stale draft.
                self.load(session);
            }
            Err(r) => self.error = Some(r.message_with(lang, ConfirmError::message)),
        }
    }
}
