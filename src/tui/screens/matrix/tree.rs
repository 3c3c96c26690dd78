//! The drill-down of one heat-map cell: the report's three levels (p40) — the category as the
//! 大 risk, its 中 risks, and the 小 scenarios that arise in the cell's phase — each scenario
//! with its state. Made when the cell, the filter or the record changes; the cursor moves among
//! the scenarios only, since controls attach to them alone.

use super::filter::Filter;
use super::heat::Spot;
use crate::domain::matrix::{Coverage, LeafState, Tally};
use crate::domain::Lang;
use crate::text::{pad, pad_left, truncate, width, wrap};
use crate::tui::theme::Theme;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

#[derive(Debug, Clone)]
pub enum Node {
    Large {
        name: &'static str,
        tally: Tally,
    },
    Medium {
        name: &'static str,
        tally: Tally,
    },
    Leaf {
        /// Position in `Coverage::leaves`.
        index: usize,
        name: &'static str,
        state: LeafState,
    },
}

#[derive(Debug, Clone, Default)]
pub struct Tree {
    pub nodes: Vec<Node>,
    /// Where each scenario is among `nodes`, in order: the cursor's positions.
    pub leaves: Vec<usize>,
    /// Scenarios of the cell the filter leaves out.
    pub hidden: usize,
}

/// The mark and word of a scenario's state; the word is there so that no colour is needed.
pub fn state_mark(state: LeafState) -> &'static str {
    match state {
        LeafState::Covered => "●",
        LeafState::Half => "◐",
        LeafState::Uncovered => "○",
        LeafState::Unknown => "?",
        LeafState::Dropped => "-",
    }
}

pub fn state_style(state: LeafState, t: &Theme) -> Style {
    match state {
        LeafState::Covered => t.ok(),
        LeafState::Half => t.warn(),
        LeafState::Uncovered => t.error(),
        LeafState::Unknown | LeafState::Dropped => t.dim(),
    }
}

/// The state's word, shortened in English where the domain's is long for a column.
fn state_word(state: LeafState, lang: Lang) -> &'static str {
    match (lang, state) {
        (Lang::En, LeafState::Half) => "half",
        (Lang::En, LeafState::Dropped) => "n/a",
        _ => state.label(lang),
    }
}

/// Every state's word padded to the longest, so that scenario names line up.
pub fn state_cell(state: LeafState, lang: Lang) -> String {
    let w = [
        LeafState::Covered,
        LeafState::Half,
        LeafState::Uncovered,
        LeafState::Unknown,
        LeafState::Dropped,
    ]
    .iter()
    .map(|s| width(state_word(*s, lang)))
    .max()
    .unwrap_or(0);
    format!("{}{}", state_mark(state), pad(state_word(state, lang), w))
}

fn percent(t: &Tally) -> String {
    match t.percent() {
        Some(p) => format!("{p}%"),
        None if t.is_empty() => String::new(),
        None => "—".into(),
    }
}

/// 大/中/小 in Japanese as the report writes them; L/M/S in English.
fn level(n: usize, lang: Lang) -> &'static str {
    match n {
        0 => lang.pick("大", "L"),
        1 => lang.pick("中", "M"),
        _ => lang.pick("小", "S"),
    }
}

impl Tree {
    pub fn of(cov: &Coverage<'static>, spot: Spot, filter: &Filter, lang: Lang) -> Tree {
        let catalog = cov.catalog;
        let phase = spot.phase(catalog).map(|p| p.id.as_str());
        let categories: Vec<_> = match spot.category(catalog) {
            Some(c) => vec![c],
            None => catalog.categories.iter().collect(),
        };
        let mut tree = Tree::default();
        for cat in categories {
            let mut nodes = Vec::new();
            let mut leaves = Vec::new();
            for branch in cov.tree(&cat.id, phase) {
                let kept: Vec<_> = branch
                    .leaves
                    .iter()
                    .filter(|l| filter.keeps_leaf(l, catalog))
                    .collect();
                tree.hidden += branch.leaves.len() - kept.len();
                if kept.is_empty() {
                    continue;
                }
                nodes.push(Node::Medium {
                    name: branch.medium.name(lang),
                    tally: branch.tally,
                });
                for l in kept {
                    let index = cov
                        .leaves
                        .iter()
                        .position(|x| x.scenario.id == l.scenario.id)
                        .unwrap_or(0);
                    leaves.push(nodes.len());
                    nodes.push(Node::Leaf {
                        index,
                        name: l.scenario.name(lang),
                        state: l.state,
                    });
                }
            }
            if nodes.is_empty() {
                continue;
            }
            let row = catalog
                .categories
                .iter()
                .position(|c| c.id == cat.id)
                .unwrap_or(0);
            let tally = Spot { row, ..spot }.tally(cov);
            let base = tree.nodes.len() + 1;
            tree.nodes.push(Node::Large {
                name: cat.name(lang),
                tally,
            });
            tree.leaves.extend(leaves.into_iter().map(|i| i + base));
            tree.nodes.extend(nodes);
        }
        tree
    }

    /// The scenario under the cursor, as a position in `Coverage::leaves`.
    pub fn leaf(&self, cursor: usize) -> Option<usize> {
        match self.nodes.get(*self.leaves.get(cursor)?)? {
            Node::Leaf { index, .. } => Some(*index),
            _ => None,
        }
    }

    /// The cursor's place for a scenario, if the tree shows it.
    pub fn cursor_of(&self, index: usize) -> Option<usize> {
        self.leaves.iter().position(
            |&n| matches!(self.nodes.get(n), Some(Node::Leaf { index: i, .. }) if *i == index),
        )
    }

    /// At most `height` lines of the tree, a page at a time so that the cursor stays in view and
    /// a move redraws little; `cursor` marks a scenario (`None`: nothing selected), reversed when
    /// the tree has the focus.
    pub fn lines(
        &self,
        cursor: Option<usize>,
        focused: bool,
        w: usize,
        height: usize,
        t: &Theme,
        lang: Lang,
    ) -> Vec<Line<'static>> {
        let height = height.max(1);
        let at = cursor.and_then(|c| self.leaves.get(c).copied());
        let top = at.map_or(0, |n| n / height * height);
        self.nodes
            .iter()
            .enumerate()
            .skip(top)
            .take(height)
            .flat_map(|(i, node)| node_rows(node, at == Some(i), focused, w, false, t, lang))
            .collect()
    }

    /// The whole tree with every name whole, wrapped under itself by kinsoku, when it fits in
    /// `height` rows: the cell's detail beside the heat map has the rows to spare and no
    /// cursor to page for (at 120×40 it had cut 「本人確認が弱く、なりすまさ…」).
    pub fn whole_lines(
        &self,
        w: usize,
        height: usize,
        t: &Theme,
        lang: Lang,
    ) -> Option<Vec<Line<'static>>> {
        let rows: Vec<Line<'static>> = self
            .nodes
            .iter()
            .flat_map(|node| node_rows(node, false, false, w, true, t, lang))
            .collect();
        (rows.len() <= height).then_some(rows)
    }
}

/// One node's rows: one, its name cut to the width, or (`whole`) as many as its name takes.
fn node_rows(
    node: &Node,
    here: bool,
    focused: bool,
    w: usize,
    whole: bool,
    t: &Theme,
    lang: Lang,
) -> Vec<Line<'static>> {
    // The name's rows in `room` columns, each after the first indented by `indent`.
    let parts = |name: &str, room: usize| -> Vec<String> {
        if whole && width(name) > room {
            wrap(name, room.max(2))
        } else {
            vec![truncate(name, room)]
        }
    };
    match node {
        Node::Large { name, tally } | Node::Medium { name, tally } => {
            let (indent, lv, style) = if matches!(node, Node::Large { .. }) {
                ("", 0, t.heading())
            } else {
                ("  ", 1, t.base())
            };
            let pct = percent(tally);
            let head = format!("{indent}{} ", level(lv, lang));
            let room = w.saturating_sub(width(&head) + 6);
            parts(name, room)
                .into_iter()
                .enumerate()
                .map(|(k, part)| {
                    let lead = if k == 0 {
                        head.clone()
                    } else {
                        " ".repeat(width(&head))
                    };
                    let mut spans =
                        vec![Span::styled(format!("{lead}{}", pad(&part, room)), style)];
                    if k == 0 {
                        spans.push(Span::styled(pad_left(&pct, 6), style));
                    }
                    Line::from(spans)
                })
                .collect()
        }
        Node::Leaf { name, state, .. } => {
            let head = format!("{}   {} ", if here { "▶" } else { " " }, level(2, lang));
            let cell = state_cell(*state, lang);
            let room = w.saturating_sub(width(&head) + width(&cell) + 1);
            let cell_style = if here && focused {
                t.selected()
            } else {
                state_style(*state, t)
            };
            let under = " ".repeat(width(&head) + width(&cell));
            parts(name, room)
                .into_iter()
                .enumerate()
                .map(|(k, part)| {
                    if k == 0 {
                        Line::from(vec![
                            Span::raw(head.clone()),
                            Span::styled(cell.clone(), cell_style),
                            Span::raw(format!(" {part}")),
                        ])
                    } else {
                        Line::raw(format!("{under} {part}"))
                    }
                })
                .collect()
        }
    }
}
