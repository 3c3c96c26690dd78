//! How many steps of each kind make the list: each kind has a quota so that one kind cannot
//! fill it; slots left over go, in tier order, to the steps over quota; at most [`MAX`].

use super::next_steps::{NextStep, Tier};

pub const MAX: usize = 10;

/// How many steps of a kind are taken before the next kind gets its turn.
pub const QUOTA: [(Tier, usize); 9] = [
    (Tier::Carried, 1),
    (Tier::PastDue, 3),
    (Tier::LargeRisk, 3),
    (Tier::Minority, 3),
    (Tier::Checklist, 2),
    (Tier::MediumRisk, 2),
    (Tier::Budget, 1),
    (Tier::Common, 2),
    (Tier::FindOut, 2),
];

/// Quotas first, then the rest in tier order, cut to [`MAX`]; ranks numbered from 1.
pub(super) fn select(all: Vec<NextStep>) -> Vec<NextStep> {
    let mut chosen: Vec<usize> = Vec::new();
    for (tier, quota) in QUOTA {
        chosen.extend(
            all.iter()
                .enumerate()
                .filter(|(_, s)| s.tier == tier)
                .take(quota)
                .map(|(i, _)| i),
        );
    }
    // `all` is in tier order, so what is over quota follows in tier order too.
    let rest: Vec<usize> = (0..all.len()).filter(|i| !chosen.contains(i)).collect();
    chosen.extend(rest);
    chosen.truncate(MAX);
    chosen.sort_by_key(|&i| (all[i].tier, i));
    chosen
        .into_iter()
        .enumerate()
        .map(|(n, i)| NextStep {
            rank: n + 1,
            ..all[i].clone()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::overview::next_steps::step;
    use crate::domain::overview::summary::text;
    use crate::domain::overview::Target;

    fn of(tier: Tier, n: usize) -> Vec<NextStep> {
        (0..n)
            .map(|i| {
                step(
                    tier,
                    text(format!("{i}"), format!("{i}")),
                    text("", ""),
                    text("", ""),
                    Target::Carried,
                )
            })
            .collect()
    }

    /// Five past-due targets and five 大 risks would fill the list; the quota keeps a slot for
    /// the budget, and the leftover slots go to the earlier tiers in order.
    #[test]
    fn quotas_keep_later_kinds_in_the_list() {
        let mut all = of(Tier::PastDue, 5);
        all.extend(of(Tier::LargeRisk, 5));
        all.extend(of(Tier::Budget, 2));
        let got = select(all);
        let tiers: Vec<Tier> = got.iter().map(|s| s.tier).collect();
        assert_eq!(
            tiers,
            [
                Tier::PastDue,
                Tier::PastDue,
                Tier::PastDue,
                Tier::PastDue,
                Tier::PastDue,
                Tier::LargeRisk,
                Tier::LargeRisk,
                Tier::LargeRisk,
                Tier::LargeRisk,
                Tier::Budget,
            ]
        );
        let ranks: Vec<usize> = got.iter().map(|s| s.rank).collect();
        assert_eq!(ranks, (1..=10).collect::<Vec<_>>());
        // Within a tier the source's order stays.
        assert_eq!(got[4].action.en, "4");
    }
}
