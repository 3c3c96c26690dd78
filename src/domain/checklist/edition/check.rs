//! Checking an edition field by field once serde has read its shape: every problem names the
//! field it is in, as the shape errors do.

use super::*;

/// Parses and checks one edition. The shape errors name the field through
/// `serde_path_to_error`; the checks below name it the same way.
pub fn parse(json: &str, known: &Editions) -> Result<Edition, EditionError> {
    let de = &mut serde_json::Deserializer::from_str(json);
    let edition: Edition = serde_path_to_error::deserialize(de).map_err(|e| {
        let at = e.path().to_string();
        let inner = e.into_inner();
        // A syntax error is best placed by its line and column.
        let syntax = matches!(
            inner.classify(),
            serde_json::error::Category::Syntax | serde_json::error::Category::Eof
        );
        let at = if syntax || at == "." || at.is_empty() {
            format!("line {}, column {}", inner.line(), inner.column())
        } else {
            at
        };
        EditionError::new(
            at,
            EditionProblem::Shape(strip_position(&inner.to_string())),
        )
    })?;
    check(&edition, known)?;
    let mut edition = edition;
    if let Some(g) = edition.gate.clone() {
        for i in edition.items.iter_mut().filter(|i| i.id == g) {
            i.is_gate = true;
        }
    }
    Ok(edition)
}

/// serde's messages end in "at line L column C", which the field path already says better.
fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}

fn check(e: &Edition, known: &Editions) -> Result<(), EditionError> {
    use EditionProblem as P;
    fn err(at: impl Into<String>, problem: EditionProblem) -> EditionError {
        EditionError::new(at, problem)
    }
    let id_ok = |s: &str, extra: char| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == extra)
    };
    if !id_ok(&e.id, '-') {
        return Err(err("id", P::BadEditionId(e.id.clone())));
    }
    if known.get(&e.id).is_some() {
        return Err(err("id", P::DuplicateEdition(e.id.clone())));
    }
    check_text(&e.title, "title")?;
    let mut sections = HashSet::new();
    for (i, s) in e.sections.iter().enumerate() {
        if !sections.insert(s.number) {
            return Err(err(
                format!("sections[{i}].number"),
                P::DuplicateSection(s.number),
            ));
        }
        check_text(&s.text, &format!("sections[{i}].text"))?;
    }
    for (i, n) in e.notes.iter().enumerate() {
        check_text(n, &format!("notes[{i}]"))?;
    }
    if e.items.is_empty() {
        return Err(err("items", P::NoItems));
    }
    let qn = Questionnaire::embedded();
    let fy_start = NaiveDate::from_ymd_opt(e.fiscal_year, 4, 1).unwrap_or(NaiveDate::MIN);
    let mut ids = HashSet::new();
    for (i, item) in e.items.iter().enumerate() {
        let at = |field: &str| format!("items[{i}].{field}");
        if !id_ok(&item.id, '_') {
            return Err(err(at("id"), P::BadItemId(item.id.clone())));
        }
        if !ids.insert(item.id.as_str()) {
            return Err(err(at("id"), P::DuplicateItem(item.id.clone())));
        }
        if !sections.contains(&item.section) {
            return Err(err(at("section"), P::UnknownSection(item.section)));
        }
        check_text(&item.text, &at("text"))?;
        if item.forms.is_empty() {
            return Err(err(at("forms"), P::NoForms));
        }
        match &item.vendor_text {
            Some(t) => check_text(t, &at("vendor_text"))?,
            None if item.on(Form::Vendor) => return Err(err(at("vendor_text"), P::NoVendorText)),
            None => {}
        }
        for (j, g) in item.gl6.iter().enumerate() {
            if !GL6_PARTS.iter().any(|(ja, _)| *ja == g.part) {
                return Err(err(
                    at(&format!("gl6[{j}].part")),
                    P::UnknownGlPart {
                        found: g.part.clone(),
                        allowed: GL6_PARTS.iter().map(|(ja, _)| ja.to_string()).collect(),
                    },
                ));
            }
        }
        if let Some(t) = item.target_by {
            if t < fy_start {
                return Err(err(
                    at("target_by"),
                    P::TargetByTooEarly {
                        target_by: t,
                        starts: fy_start,
                    },
                ));
            }
        }
        match (&item.wording, &item.unconfirmed) {
            (Wording::Unconfirmed, None) => {
                return Err(err(at("unconfirmed"), P::UnconfirmedWithoutReason))
            }
            (_, Some(t)) => check_text(t, &at("unconfirmed"))?,
            _ => {}
        }
        for (j, q) in item.survey.iter().enumerate() {
            if qn.question(q).is_none() {
                return Err(err(
                    at(&format!("survey[{j}]")),
                    P::UnknownSurveyQuestion(q.clone()),
                ));
            }
        }
        for (j, r) in item.risk.iter().enumerate() {
            if risk_link::category(r).is_none() {
                return Err(err(
                    at(&format!("risk[{j}]")),
                    P::UnknownRiskCategory {
                        found: r.clone(),
                        allowed: risk_link::category_ids()
                            .into_iter()
                            .map(String::from)
                            .collect(),
                    },
                ));
            }
        }
    }
    if let Some(g) = &e.gate {
        if !ids.contains(g.as_str()) {
            return Err(err("gate", P::UnknownGate(g.clone())));
        }
    }
    let previous = match &e.previous {
        Some(p) => Some(
            known
                .get(p)
                .ok_or_else(|| err("previous", P::UnknownPrevious(p.clone())))?,
        ),
        None => None,
    };
    let mut merged_away = HashSet::new();
    for (i, m) in e.merged.iter().enumerate() {
        let Some(prev) = previous else {
            return Err(err(format!("merged[{i}]"), P::MergeWithoutPrevious));
        };
        if m.from.len() < 2 {
            return Err(err(format!("merged[{i}].from"), P::MergeTooSmall));
        }
        for (j, f) in m.from.iter().enumerate() {
            let at = format!("merged[{i}].from[{j}]");
            if prev.item(f).is_none() {
                return Err(err(
                    at,
                    P::MergeFromUnknown {
                        item: f.clone(),
                        edition: prev.id.clone(),
                    },
                ));
            }
            if ids.contains(f.as_str()) {
                return Err(err(at, P::MergeFromKept(f.clone())));
            }
            if !merged_away.insert(f.as_str()) {
                return Err(err(at, P::MergeFromTwice(f.clone())));
            }
        }
        if !ids.contains(m.into.as_str()) {
            return Err(err(
                format!("merged[{i}].into"),
                P::MergeIntoUnknown(m.into.clone()),
            ));
        }
        if prev.item(&m.into).is_some() {
            return Err(err(
                format!("merged[{i}].into"),
                P::MergeIntoExisting {
                    item: m.into.clone(),
                    edition: prev.id.clone(),
                },
            ));
        }
    }
    Ok(())
}

fn check_text(t: &Text, at: &str) -> Result<(), EditionError> {
    if t.ja.trim().is_empty() || t.en.trim().is_empty() {
        return Err(EditionError::new(at, EditionProblem::EmptyText));
    }
    Ok(())
}
