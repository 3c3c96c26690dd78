//! Confirming a vendor's returned form carried from last year: the vendor says nothing changed,
//! and last year's answers count as this year's (`carried::confirm::vendor_return`, as
//! `shindan confirm --vendor` does). Importing a new form confirms it too.

use super::vendors::{Outcome, VendorsPanel};
use crate::domain::carried::confirm;
use crate::domain::checklist::Edition;
use crate::domain::Lang;
use crate::tui::session::{Refused, Session};

/// The vendors whose form for `edition` is last year's, not yet confirmed: (vendor, system).
fn carried(session: &Session, edition: &Edition) -> Vec<(String, String)> {
    session
        .record
        .vendors
        .iter()
        .filter(|v| {
            v.forms
                .get(&edition.id)
                .and_then(|f| f.returned.as_ref())
                .is_some_and(|r| r.carried)
        })
        .map(|v| (v.vendor.clone(), v.system.clone()))
        .collect()
}

impl VendorsPanel {
    /// Confirms the selected vendor's carried form.
    pub(super) fn confirm_return(
        &self,
        session: &mut Session,
        edition: &Edition,
        lang: Lang,
    ) -> Outcome {
        let Some((vendor, system)) = session
            .record
            .vendors
            .get(self.cursor)
            .map(|v| (v.vendor.clone(), v.system.clone()))
        else {
            return Outcome::Taken;
        };
        if !carried(session, edition).contains(&(vendor.clone(), system.clone())) {
            return Outcome::Refused(lang.pick_with(
                || format!("{vendor}（{system}）に昨年から引き継いだ未確認の返却はありません"),
                || format!("{vendor} ({system}): no carried form to confirm"),
            ));
        }
        let now = crate::clock::system().now();
        match session
            .update(|r| confirm::vendor_return(r, &edition.id, &vendor, Some(&system), now))
        {
            Ok(()) => Outcome::Changed(lang.pick_with(
                || format!("{vendor}（{system}）の前年度の返却を今年の分として確認しました"),
                || format!("{vendor} ({system}): last year's form confirmed as this year's"),
            )),
            Err(Refused::ReadOnly(h)) => Outcome::Refused(Refused::read_only_message(&h, lang)),
            Err(Refused::Rule(e)) => Outcome::Refused(e.message(lang)),
        }
    }
}

/// Confirms every vendor's carried form for the edition ("all unchanged").
pub(super) fn confirm_returns(session: &mut Session, edition: &Edition, lang: Lang) -> Outcome {
    let waiting = carried(session, edition);
    if waiting.is_empty() {
        return Outcome::Refused(
            lang.pick(
                "昨年から引き継いだ未確認の返却はありません",
                "No carried vendor form to confirm",
            )
            .to_string(),
        );
    }
    let now = crate::clock::system().now();
    let done = session.update(|r| {
        waiting
            .iter()
            .try_for_each(|(v, s)| confirm::vendor_return(r, &edition.id, v, Some(s), now))
    });
    match done {
        Ok(()) => Outcome::Changed(lang.pick_with(
            || {
                format!(
                    "事業者{}社の前年度の返却を今年の分として確認しました",
                    waiting.len()
                )
            },
            || {
                format!(
                    "Confirmed {} vendor form(s) carried from last year",
                    waiting.len()
                )
            },
        )),
        Err(Refused::ReadOnly(h)) => Outcome::Refused(Refused::read_only_message(&h, lang)),
        Err(Refused::Rule(e)) => Outcome::Refused(e.message(lang)),
    }
}
