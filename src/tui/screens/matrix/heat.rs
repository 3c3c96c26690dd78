//! The heat map: the catalogue's risk categories down, the life-cycle phases across, each cell
//! the coverage of the small scenarios that arise there — as a percentage and as a shade, so that
//! a terminal without colour (NO_COLOR, vt100) reads the same map. The last column is the whole
//! category, the last row the whole phase, the corner the whole catalogue; every cell, totals
//! included, opens its tree.

use super::controls::{status_cell, status_style};
use crate::domain::catalog::{Category, Phase};
use crate::domain::matrix::{Catalog, ControlStatus, Coverage, Rank, StatusSource, Tally};
use crate::domain::Lang;
use crate::text::{pad, pad_left, truncate, width};
use crate::tui::theme::Theme;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// A phase's cell: marker, four shades, a space, `100%`, the unknown mark.
const CELL: usize = 11;
/// The total column: marker, two shades, a space, `100%`, the unknown mark.
const TOTAL: usize = 9;
/// The narrowest phase cell: marker, a space, `100%`, the unknown mark — no shades.
const CELL_MIN: usize = 7;

/// A place on the map: a category, or one past the last for all of them; a phase, or one past
/// the last for all phases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Spot {
    pub row: usize,
    pub col: usize,
}

impl Spot {
    pub fn category(self, catalog: &'static Catalog) -> Option<&'static Category> {
        catalog.categories.get(self.row)
    }

    pub fn phase(self, catalog: &'static Catalog) -> Option<&'static Phase> {
        catalog.phases.get(self.col)
    }

    /// Moves by rows and columns, stopping at the edges (the totals are the last row and
    /// column).
    pub fn moved(self, rows: isize, cols: isize, catalog: &Catalog) -> Spot {
        let clamp = |v: usize, d: isize, n: usize| v.saturating_add_signed(d).min(n);
        Spot {
            row: clamp(self.row, rows, catalog.categories.len()),
            col: clamp(self.col, cols, catalog.phases.len()),
        }
    }

    /// `本人認証・認可 × 通常運用`, `全分類 × 通常運用`, `本人認証・認可 × 全段階`, `全体`.
    pub fn label(self, catalog: &'static Catalog, lang: Lang) -> String {
        match (self.category(catalog), self.phase(catalog)) {
            (Some(c), Some(p)) => format!("{} × {}", c.short(lang), p.short(lang)),
            (Some(c), None) => format!("{} × {}", c.short(lang), lang.pick("全段階", "all phases")),
            (None, Some(p)) => format!(
                "{} × {}",
                lang.pick("全分類", "all categories"),
                p.short(lang)
            ),
            (None, None) => lang.pick("全体", "everything").to_string(),
        }
    }

    pub fn tally(self, cov: &Coverage<'_>) -> Tally {
        match (cov.cells.get(self.row), cov.phases.get(self.col)) {
            (Some(row), Some(_)) => row[self.col],
            (Some(_), None) => cov.categories[self.row].1,
            (None, Some((_, t))) => *t,
            (None, None) => cov.overall,
        }
    }
}

/// How well a group is covered, for its colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Band {
    /// Nothing counts (no scenario arises, or all dropped out).
    Blank,
    Low,
    Middle,
    High,
}

/// One cell as drawn, made when the coverage changes.
#[derive(Debug, Clone)]
struct Mark {
    shade: &'static str,
    /// `62%`, `—` when every scenario dropped out, empty when none arises, `不明` when most of
    /// its controls are unknown.
    text: String,
    unknown: bool,
    /// Most of the cell's small risks are unknown: marked `不明` (`n/k`), not a 0% that only
    /// means nobody has said.
    mostly_unknown: bool,
    band: Band,
}

/// The word of a cell where unknowns dominate, in place of its percentage; its shades stay
/// blank (a row of `????` told nothing the word does not, and hid the shades around it).
fn unknown_mark(lang: Lang) -> &'static str {
    lang.pick("不明", "n/k")
}

/// The shade of a coverage, darker for more covered: 100% `█`, 75% `▓`, 50% `▒`, 25% `░`,
/// below `·`. A percentage reads exactly; the shade lets the eye find the gaps.
pub fn shade(percent: u8) -> &'static str {
    match percent {
        100.. => "█",
        75..=99 => "▓",
        50..=74 => "▒",
        25..=49 => "░",
        _ => "·",
    }
}

fn mark(t: &Tally, lang: Lang) -> Mark {
    let unknown = t.unknown > 0;
    if t.mostly_unknown() {
        return Mark {
            shade: " ",
            text: unknown_mark(lang).to_string(),
            unknown,
            mostly_unknown: true,
            band: Band::Blank,
        };
    }
    match t.percent() {
        Some(p) => Mark {
            shade: shade(p),
            text: format!("{p}%"),
            unknown,
            mostly_unknown: false,
            band: match p {
                75.. => Band::High,
                50..=74 => Band::Middle,
                _ => Band::Low,
            },
        },
        None => Mark {
            shade: " ",
            text: if t.is_empty() {
                String::new()
            } else {
                "—".into()
            },
            unknown,
            mostly_unknown: false,
            band: Band::Blank,
        },
    }
}

fn style(band: Band, t: &Theme) -> Style {
    match band {
        Band::Blank => t.dim(),
        Band::Low => t.error(),
        Band::Middle => t.warn(),
        Band::High => t.ok(),
    }
}

/// The map as text, made once per change of the record.
pub struct Heat {
    /// `marks[row][col]`, the totals last in each direction.
    marks: Vec<Vec<Mark>>,
    rows: Vec<String>,
    heads: Vec<String>,
    label: usize,
    /// Overall coverage and where the statuses come from, one sentence each.
    pub summary: [String; 2],
    /// The controls the interview's answers set, as a hospital first sees them.
    proven: Vec<Proven>,
}

/// A control whose status an interview answer gives.
struct Proven {
    status: ControlStatus,
    name: &'static str,
    answer: String,
}

impl Heat {
    pub fn of(cov: &Coverage<'static>, lang: Lang) -> Heat {
        let catalog = cov.catalog;
        let all = lang.pick("計", "All");
        let mut rows: Vec<String> = catalog
            .categories
            .iter()
            .map(|c| c.short(lang).to_string())
            .collect();
        rows.push(all.to_string());
        let mut heads: Vec<String> = catalog
            .phases
            .iter()
            .map(|p| p.short(lang).to_string())
            .collect();
        heads.push(all.to_string());
        let label = rows.iter().map(|r| width(r)).max().unwrap_or(0);
        let marks = (0..rows.len())
            .map(|row| {
                (0..heads.len())
                    .map(|col| mark(&Spot { row, col }.tally(cov), lang))
                    .collect()
            })
            .collect();
        Heat {
            marks,
            rows,
            heads,
            label,
            summary: summary(cov, lang),
            proven: cov
                .controls
                .iter()
                .filter_map(|c| match &c.source {
                    StatusSource::Interview { question, value } => Some(Proven {
                        status: c.status,
                        name: c.control.name(lang),
                        answer: format!("{question} = {value}"),
                    }),
                    _ => None,
                })
                .collect(),
        }
    }

    /// The controls set from the interview, under a rule, as many as `room` lines hold.
    pub fn proven_lines(&self, w: usize, room: usize, t: &Theme, lang: Lang) -> Vec<Line<'static>> {
        if self.proven.is_empty() || room < 2 {
            return Vec::new();
        }
        let title = lang.pick_with(
            || {
                format!(
                    "ヒアリングの回答から設定された対策（{}件）",
                    self.proven.len()
                )
            },
            || format!("Controls the interview set ({})", self.proven.len()),
        );
        let mut out = vec![super::render::rule(&title, "", w, t)];
        let answers = self
            .proven
            .iter()
            .map(|p| width(&p.answer))
            .max()
            .unwrap_or(0);
        for p in self.proven.iter().take(room - 1) {
            let cell = status_cell(p.status, lang);
            let answer = format!(" ← {}", p.answer);
            let room = w.saturating_sub(width(&cell) + 3 + 3 + answers);
            out.push(Line::from(vec![
                Span::raw(format!("{} ", lang.pick("＊", "*"))),
                Span::styled(cell, status_style(p.status, t)),
                Span::raw(format!(" {}", pad(p.name, room))),
                Span::styled(answer, t.dim()),
            ]));
        }
        out
    }

    /// Columns the map takes.
    pub fn width(&self) -> usize {
        self.label + CELL * (self.heads.len() - 1) + TOTAL
    }

    /// A phase's cell in `cols` columns: [`CELL`] where the whole map fits, else narrower, its
    /// shades giving way first so that every phase and the total keep their percentage (at
    /// 60×20 the last phases and the total used to be cut off).
    fn cell_width(&self, col: usize, cols: usize) -> usize {
        if col + 1 == self.heads.len() {
            return TOTAL;
        }
        let phases = self.heads.len().saturating_sub(1).max(1);
        let room = cols.saturating_sub(self.label + TOTAL) / phases;
        room.clamp(CELL_MIN, CELL)
    }

    /// The phases' names, each right-aligned over its percentage. A name as wide as its cell
    /// would touch the one before it (`ProcurementBuild/maint`): such names go to a second line,
    /// where they may reach back over the cell before theirs — so that at 60 columns, where a
    /// cell is 7 wide, `Procurement` and `開発・保守` are still whole. Only a name that fits
    /// neither line is cut.
    fn head_lines(&self, cols: usize) -> Vec<String> {
        let mut lines = vec![String::new(), String::new()];
        // Where each line's last name ends (0: none yet, the row's start is free).
        let mut ends = [0usize; 2];
        let mut x = self.label;
        for (col, h) in self.heads.iter().enumerate() {
            let w = self.cell_width(col, cols);
            // Over the percentage, leaving the unknown mark's column unless the name needs it.
            let end = if width(h) >= w { x + w } else { x + w - 1 };
            // The room on a line: from one past its last name (a space between) to `end`.
            let room =
                |line: usize| end.saturating_sub(if ends[line] == 0 { 0 } else { ends[line] + 1 });
            let line = if width(h) <= room(0) {
                0
            } else if width(h) <= room(1) || room(1) > room(0) {
                1
            } else {
                0
            };
            let h = truncate(h, room(line));
            let start = end - width(&h);
            let fill = start.saturating_sub(width(&lines[line]));
            lines[line].push_str(&" ".repeat(fill));
            lines[line].push_str(&h);
            ends[line] = end;
            x += w;
        }
        if ends[1] == 0 {
            lines.pop();
        }
        lines
    }

    /// The header and one line per category, then the totals. Moving the selection changes two
    /// cells: the marker and the reversed cell.
    pub fn lines(&self, at: Spot, t: &Theme, cols: usize) -> Vec<Line<'static>> {
        let mut out: Vec<Line<'static>> = self
            .head_lines(cols)
            .into_iter()
            .map(|h| Line::styled(h.trim_end().to_string(), t.heading()))
            .collect();
        for (row, label) in self.rows.iter().enumerate() {
            let total_row = row + 1 == self.rows.len();
            let mut spans = vec![Span::styled(
                pad(label, self.label),
                if total_row { t.heading() } else { t.base() },
            )];
            for (col, m) in self.marks[row].iter().enumerate() {
                let w = self.cell_width(col, cols);
                let here = at.row == row && at.col == col;
                spans.push(Span::raw(if here { "▶" } else { " " }));
                // A full-width mark fills two columns: half as many of them.
                let shades = m.shade.repeat((w - 7) / width(m.shade));
                let rest = format!(
                    " {}{}",
                    pad_left(&m.text, 4),
                    if m.unknown && !m.mostly_unknown {
                        "?"
                    } else {
                        " "
                    }
                );
                if here {
                    spans.push(Span::styled(format!("{shades}{rest}"), t.selected()));
                } else {
                    spans.push(Span::styled(shades, style(m.band, t)));
                    spans.push(Span::raw(rest));
                }
            }
            out.push(Line::from(spans));
        }
        out
    }
}

/// `網羅 42%（判明 30/83）  小リスク63件：対策済み20・一部5・…` and where the controls'
/// statuses come from, in the words every surface uses.
fn summary(cov: &Coverage<'_>, lang: Lang) -> [String; 2] {
    let t = &cov.overall;
    let figure = cov.figure().render(lang);
    // Every status resting on what was carried (a mark, an answer, a form), to confirm.
    let carried = match (cov.carried(), lang) {
        (0, _) => String::new(),
        (n, Lang::Ja) => format!("・～前年から未確認{n}"),
        (n, Lang::En) => format!(" ~carried {n}"),
    };
    let n = [
        t.total(),
        t.covered,
        t.half,
        t.uncovered,
        t.unknown,
        t.dropped,
    ];
    let c = [
        cov.from_rank(Rank::Checklist),
        cov.from_rank(Rank::Interview),
        cov.from_rank(Rank::Vendor),
        cov.from_rank(Rank::User),
        cov.unknown_controls(),
        cov.conflicts(),
    ];
    match lang {
        Lang::Ja => [
            format!(
                "{figure} 小リスク{}：対策済み{}・一部{}・未対策{}・不明{}・対象外{}",
                n[0], n[1], n[2], n[3], n[4], n[5]
            ),
            format!(
                "対策：＃チェックリスト{}・＊ヒアリング{}・＠事業者{}・＋設定{}・不明{}・！食い違い{}{carried}",
                c[0], c[1], c[2], c[3], c[4], c[5]
            ),
        ],
        Lang::En => [
            format!(
                "{figure}; {} risks: {} cov., {} half, {} uncov., {} unknown, {} n/a",
                n[0], n[1], n[2], n[3], n[4], n[5]
            ),
            format!(
                "Controls: #checklist {} *interview {} @vendor {} +set {} ?unknown {} !conflict {}{carried}",
                c[0], c[1], c[2], c[3], c[4], c[5]
            ),
        ],
    }
}

/// The key to the shades, one line at 80 columns. A cell mostly unknown reads `不明` and needs
/// no key in Japanese; `n/k` does in English.
pub fn legend(lang: Lang) -> &'static str {
    lang.pick(
        "█100% ▓75%～ ▒50%～ ░25%～ ·25%未満 ?不明あり 空欄=該当なし —=対象外",
        "█100% ▓75%+ ▒50%+ ░25%+ ·<25% ?some unknown n/k=most unknown blank=none —=n/a",
    )
}

/// The legend in lines of `w` columns, broken between its entries only (`—=` / `対象外` apart
/// read as nonsense).
pub fn legend_lines(lang: Lang, w: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for entry in legend(lang).split(' ') {
        match lines.last_mut() {
            Some(line) if width(line) + 1 + width(entry) <= w => {
                line.push(' ');
                line.push_str(entry);
            }
            _ => lines.push(truncate(entry, w)),
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shades_step_down_with_coverage() {
        assert_eq!(shade(100), "█");
        assert_eq!(shade(99), "▓");
        assert_eq!(shade(75), "▓");
        assert_eq!(shade(74), "▒");
        assert_eq!(shade(50), "▒");
        assert_eq!(shade(25), "░");
        assert_eq!(shade(24), "·");
        assert_eq!(shade(0), "·");
    }

    #[test]
    fn a_blank_cell_and_an_all_dropped_one_differ() {
        let empty = mark(&Tally::default(), Lang::Ja);
        assert_eq!((empty.text.as_str(), empty.shade), ("", " "));
        let dropped = mark(
            &Tally {
                dropped: 2,
                ..Tally::default()
            },
            Lang::Ja,
        );
        assert_eq!(dropped.text, "—");
        let half = mark(
            &Tally {
                half: 1,
                unknown: 1,
                ..Tally::default()
            },
            Lang::Ja,
        );
        assert_eq!(
            (half.text.as_str(), half.shade, half.unknown),
            ("25%", "░", true)
        );
        // Most of its small risks unknown: marked, not 16%.
        let tally = Tally {
            half: 1,
            unknown: 2,
            ..Tally::default()
        };
        let mostly = mark(&tally, Lang::Ja);
        assert_eq!((mostly.text.as_str(), mostly.shade), ("不明", " "));
        assert!(mostly.mostly_unknown);
        let en = mark(&tally, Lang::En);
        assert_eq!((en.text.as_str(), en.shade), ("n/k", " "));
    }

    #[test]
    fn the_legend_breaks_between_entries() {
        assert_eq!(legend_lines(Lang::Ja, 80).len(), 1);
        assert_eq!(legend_lines(Lang::En, 80).len(), 1);
        let at_60 = legend_lines(Lang::Ja, 60);
        assert_eq!(at_60.len(), 2, "{at_60:?}");
        assert!(at_60.iter().all(|l| width(l) <= 60));
        assert_eq!(at_60.join(" "), legend(Lang::Ja));
    }

    /// At 60 columns a phase cell is 7 wide: the names take two lines and reach back over the
    /// cell before theirs, whole (they were cut to `Procur…`).
    #[test]
    fn phase_names_stay_whole_at_60_columns() {
        use crate::domain::{Questionnaire, Record, RecordId};
        let day = chrono::NaiveDate::from_ymd_opt(2025, 6, 1).unwrap();
        let record = Record::new(RecordId::new(2025, 1), day, chrono::Utc::now());
        let cov = Coverage::of(Catalog::embedded(), &record, Questionnaire::embedded());
        for lang in [Lang::Ja, Lang::En] {
            let heat = Heat::of(&cov, lang);
            let heads = heat.head_lines(60);
            assert_eq!(heads.len(), 2, "{heads:?}");
            assert!(heads.iter().all(|l| width(l) <= 60), "{heads:?}");
            let both = heads.join(" ");
            for p in &Catalog::embedded().phases {
                assert!(both.contains(p.short(lang)), "{lang:?} {heads:?}");
            }
            assert!(!both.contains('…'), "{heads:?}");
        }
    }

    #[test]
    fn spots_stop_at_the_totals() {
        let c = Catalog::embedded();
        let s = Spot::default().moved(-1, -1, c);
        assert_eq!(s, Spot::default());
        let s = Spot::default().moved(99, 99, c);
        assert_eq!((s.row, s.col), (c.categories.len(), c.phases.len()));
        assert_eq!(s.label(c, Lang::En), "everything");
    }
}
