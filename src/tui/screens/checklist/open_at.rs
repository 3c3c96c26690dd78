//! Where the overview's next step lands on the checklist screen (Enter on a step): a
//! checklist item opens on that item, in its edition; a vendor's packet opens the vendors
//! panel on that vendor and system, where `w` writes its form and `r` takes the return.

use super::{Checklist, Panel, VendorsPanel};
use crate::domain::overview::Target;
use crate::tui::session::Session;

impl Checklist {
    pub(super) fn land(&mut self, target: &Target, session: &Session) {
        match target {
            Target::ChecklistItem { edition, item } => {
                self.show_edition(edition, session);
                if let Some(i) = self.ids.iter().position(|id| id == item) {
                    self.go(i);
                }
                self.panel = Panel::Detail;
            }
            Target::VendorPacket {
                edition,
                vendor,
                system,
                ..
            } => {
                self.show_edition(edition, session);
                let mut panel = VendorsPanel::default();
                if let Some(i) = session
                    .record
                    .vendors
                    .iter()
                    .position(|v| v.is(vendor, system))
                {
                    panel.cursor = i;
                }
                self.panel = Panel::Vendors(Box::new(panel));
            }
            _ => {}
        }
    }

    /// The step's edition, when the screen shows another and it is loaded.
    fn show_edition(&mut self, edition: &str, session: &Session) {
        if self.edition.id == edition {
            return;
        }
        if let Some(e) = self.editions.get(edition) {
            self.edition = e;
            self.cursor = 0;
            self.rebuild(session);
        }
    }
}
