//! The budget bracket and staff parts of `shindan check`'s position.

use super::*;

pub(super) fn budget_lines(
    b: &BracketDistribution,
    lang: Lang,
    note: &dyn Fn(&Option<String>) -> String,
    out: &mut Vec<String>,
) {
    let title = format!("■ {}", crate::domain::report::budget_heading(b, lang));
    out.push(rule(&title));
    const BAR: f64 = 30.0;
    let bar = |share: f64, count: u32| {
        let len = (share / 100.0 * BAR).round() as usize;
        "#".repeat(if count > 0 { len.max(1) } else { 0 })
    };
    let you = lang.pick(" ← 貴院", " ← you");
    let mut line = |label: &str, count: u32, share: f64, own: bool| {
        let s = format!(
            "  {}{}{}  {}{}",
            text::pad(label, 18),
            text::pad_left(&count.to_string(), 5),
            text::pad_left(&format!("{share:.1}%"), 7),
            text::pad(&bar(share, count), BAR as usize),
            if own { you } else { "" }
        );
        out.push(text::truncate(s.trim_end(), WIDTH));
    };
    for r in &b.rows {
        line(
            r.label.map_or(r.id, |t| t.get(lang)),
            r.count,
            r.share,
            r.own,
        );
    }
    line(
        lang.pick("区分の回答なし", "no bracket given"),
        b.no_bracket,
        b.no_bracket_share,
        b.own == OwnBracket::NoBracket,
    );
    let own = match b.own {
        OwnBracket::Unanswered => Some(lang.pick(
            "貴院の予算区分は未回答です（{}）。",
            "Your budget bracket is not answered yet ({}).",
        )),
        OwnBracket::NoBracket => Some(lang.pick(
            "貴院は「わからない」：区分を答えなかった病院に数えています。",
            "You answered 'don't know': counted with those who gave no bracket.",
        )),
        OwnBracket::Bracket(_) => None,
    };
    let mut foot = lang
        .pick(
            "割合はこの病床規模の回答病院数に対するもの。",
            "Shares are of the class's respondents.",
        )
        .to_string();
    if let Some(o) = own {
        foot.push_str(lang.pick("", " "));
        foot.push_str(&o.replace("{}", &asked("budget_bracket", lang)));
    }
    foot.push_str(&note(&b.reading.map(str::to_string)));
    indented(out, "  ", &foot, 2);
}

pub(super) fn staff_lines(
    s: &StaffPosition,
    respondents: u32,
    lang: Lang,
    note: &dyn Fn(&Option<String>) -> String,
    out: &mut Vec<String>,
) {
    out.push(rule(
        lang.pick("■ 院内システム担当者", "■ In-house IT staff"),
    ));
    let own = match (s.total, s.fulltime) {
        (Some(t), Some(f)) => lang.pick_with(
            || format!("{t}人（うち常勤{f}人）"),
            || format!("{t} ({f} full-time)"),
        ),
        (Some(t), None) => lang.pick_with(|| format!("{t}人"), || format!("{t}")),
        (None, _) => lang
            .pick("未回答（問{}）", "not answered (Q{})")
            .replace("{}", &question_no("staff_total")),
    };
    let you = lang.pick("  貴院：", "  You: ");
    indented(out, you, &own, text::width(you));
    out.extend(row(
        &Cohort::Overall.label(lang),
        &format!("n={}", group_thousands(i64::from(respondents))),
        &s.average.display(lang),
        &format!("{}{}", s.average.source, note(&s.average.reading)),
    ));
    indented(
        out,
        "",
        &format!(
            "{}{}",
            lang.pick("常勤：", "full-time: "),
            s.fulltime_said.get(lang)
        ),
        LABEL + N + 3,
    );
    for said in s.says_bed_class.iter().chain(s.says_founder) {
        indented(
            out,
            "",
            &format!(
                "{}{}{}",
                lang.pick("報告：", "report: "),
                said.get(lang),
                paren(
                    lang,
                    &crate::domain::survey::render::place(&said.source, lang)
                )
            ),
            LABEL + N + 3,
        );
    }
    if let Some(sentence) = s.sentence(lang) {
        indented(out, "  → ", &sentence, 4);
    }
}
