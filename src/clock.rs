//! The machine's clock, for both front ends and the store: now, and the local time zone (`TZ`,
//! else `/etc/localtime`, as chrono's `Local` reads them), made into the domain's [`Clock`].
//!
//! `SHINDAN_NOW` (an RFC 3339 instant, e.g. `2027-02-09T23:30:00Z`) stops the clock at that
//! instant. It is for tests — a test runs the program at 23:30 UTC with `TZ=Asia/Tokyo` and
//! checks that every surface shows the Tokyo date — and is ignored when it is not a valid
//! instant.

use crate::domain::clock::{Clock, Zone};
use chrono::{DateTime, FixedOffset, Local, Offset, Utc};

/// The variable that stops the clock, for tests.
pub const NOW_VAR: &str = "SHINDAN_NOW";

/// Now, in the machine's zone.
pub fn system() -> Clock {
    let now = std::env::var(NOW_VAR)
        .ok()
        .and_then(|s| DateTime::parse_from_rfc3339(s.trim()).ok())
        .map_or_else(Utc::now, |t| t.with_timezone(&Utc));
    Clock::new(now, Zone::Lookup(local_offset))
}

/// The machine's offset at an instant (summer time where the zone has it).
fn local_offset(at: DateTime<Utc>) -> FixedOffset {
    at.with_timezone(&Local).offset().fix()
}
