//! Confirming on the contact chart what a copy carried from last year: the place under the
//! cursor (the number still reaches the person), or every carried place on its side of the
//! chart, inside the hospital or outside ("all unchanged"), through the domain functions
//! `shindan confirm --contacts` calls. A carried place counts as filled only once confirmed;
//! editing it confirms it too.

use super::{slot_label, Contacts};
use crate::domain::carried::confirm;
use crate::domain::Lang;
use crate::tui::app::Action;
use crate::tui::session::{Refused, Session};

/// The side of the chart a place is on, as the list heads it.
pub fn side(internal: bool, lang: Lang) -> &'static str {
    match internal {
        true => lang.pick("院内", "inside the hospital"),
        false => lang.pick("院外", "outside"),
    }
}

impl Contacts {
    /// Whether the place under the cursor, and any place on its side, is carried.
    pub(super) fn carried_here(&self) -> (bool, bool) {
        let Some(here) = self.chart.slots.get(self.cursor) else {
            return (false, false);
        };
        let internal = here.position.internal();
        let side = self
            .chart
            .slots
            .iter()
            .any(|s| s.carried() && s.position.internal() == internal);
        (here.carried(), side)
    }

    pub(super) fn confirm_place(&mut self, session: &mut Session, lang: Lang) -> Action {
        let Some(slot) = self.chart.slots.get(self.cursor).cloned() else {
            return Action::None;
        };
        let label = slot_label(&slot, lang);
        if !slot.carried() {
            return Action::Flash(lang.pick_with(
                || format!("{label} に昨年から引き継いだ未確認の連絡先はありません"),
                || format!("{label}: nothing carried from last year to confirm"),
            ));
        }
        let vendor = slot.vendor.as_ref().map(|(v, s)| (v.as_str(), s.as_str()));
        let now = crate::clock::system().now();
        match session.update(|r| confirm::contact(r, slot.position, vendor, now)) {
            Ok(()) => {
                self.rebuild(session);
                Action::Flash(lang.pick_with(
                    || format!("{label} を昨年のまま確認しました"),
                    || format!("{label}: confirmed as last year's"),
                ))
            }
            Err(Refused::ReadOnly(h)) => Action::Flash(Refused::read_only_message(&h, lang)),
            Err(Refused::Rule(e)) => Action::Flash(e.message(lang)),
        }
    }

    pub(super) fn confirm_side(&mut self, session: &mut Session, lang: Lang) -> Action {
        let Some(internal) = self
            .chart
            .slots
            .get(self.cursor)
            .map(|s| s.position.internal())
        else {
            return Action::None;
        };
        let name = side(internal, lang);
        let now = crate::clock::system().now();
        match session
            .update(|r| Ok::<_, confirm::ConfirmError>(confirm::contact_group(r, internal, now)))
        {
            Ok(0) => Action::Flash(lang.pick_with(
                || format!("{name}に昨年から引き継いだ未確認の連絡先はありません"),
                || format!("Nothing carried to confirm {name}"),
            )),
            Ok(n) => {
                self.rebuild(session);
                Action::Flash(lang.pick_with(
                    || format!("{name}の昨年の連絡先{n}件をそのまま確認しました"),
                    || format!("Confirmed {n} carried place(s) {name}, as they are"),
                ))
            }
            Err(Refused::ReadOnly(h)) => Action::Flash(Refused::read_only_message(&h, lang)),
            Err(Refused::Rule(e)) => Action::Flash(e.message(lang)),
        }
    }
}
