//! `shindan budget`: 提言１ for a hospital described on the command line — no record needed —
//! and `--report`, the report's own tables rebuilt from their inputs. It only lays out what
//! [`crate::domain::budget`] computed.

mod report;
mod show;

pub(crate) use show::{budget_json, hospital_lines};

use super::{print_json, Ctx, Failure};
use crate::domain::budget::{model, BudgetData, HospitalBudget, Levels, Rate};
use crate::domain::questionnaire::group_thousands;
use crate::domain::validate::{self, AnswerError};
use crate::domain::{Lang, Questionnaire, Record, RecordId};

#[derive(Debug, clap::Args)]
#[command(
    after_help = "All amounts in thousand yen, floored at every step as the report does: \
                  IT budget = revenue × 2.21%, required = IT budget × 15% (minimum) and 30% \
                  (sufficient), shortfall = actual − required (negative: short), beside the \
                  bed class's estimate (figs. 6–7). No record is read or written."
)]
pub struct Args {
    /// Licensed beds, 20 or more (gives the bed class and the default revenue)
    #[arg(
        long,
        value_name = "N",
        required_unless_present = "report",
        allow_hyphen_values = true
    )]
    beds: Option<String>,
    /// Annual revenue, thousand yen [default: the average of the hospital's bed row, fig. 2]
    #[arg(long, value_name = "K", allow_hyphen_values = true)]
    revenue: Option<String>,
    /// Exact annual security budget, thousand yen
    #[arg(
        long,
        value_name = "K",
        allow_hyphen_values = true,
        conflicts_with = "bracket"
    )]
    budget: Option<String>,
    /// Budget bracket instead: lt5m, 5m_10m, 10m_20m, 20m_50m, ge50m, unknown
    #[arg(long, value_name = "ID")]
    bracket: Option<String>,
    /// Minimum level: share of the IT budget, 0–1 or a percentage [default: 0.15]
    #[arg(long, value_name = "RATE", allow_hyphen_values = true)]
    min_rate: Option<String>,
    /// Sufficient level: share of the IT budget, 0–1 or a percentage [default: 0.30]
    #[arg(long, value_name = "RATE", allow_hyphen_values = true)]
    sufficient_rate: Option<String>,
    /// Print JSON for scripts (keys: bed_class, revenue, revenue_source, it_budget, required,
    /// actual, actual_source, shortfall, cohort; thousand yen)
    #[arg(long)]
    json: bool,
    /// Print the report's figs. 5–7 and p34 tables, computed from their inputs
    #[arg(long, conflicts_with_all = [
        "beds", "revenue", "budget", "bracket", "min_rate", "sufficient_rate", "json"
    ])]
    report: bool,
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<(), Failure> {
    let lang = ctx.lang;
    let data = BudgetData::embedded();
    if args.report {
        for line in report::lines(lang) {
            println!("{line}");
        }
        return Ok(());
    }
    let levels = levels(&args, data, lang)?;
    let record = scratch_record(&args, lang, &ctx.clock)?;
    let budget = HospitalBudget::of(&record, levels)
        .map_err(|e| Failure::Invalid(format!("--beds: {}", e.message(lang))))?;
    if args.json {
        print_json(&budget_json(&budget));
    } else {
        for line in hospital_lines(&budget, lang, true) {
            println!("{line}");
        }
    }
    Ok(())
}

/// The two rates, the report's unless given; a minimum above the sufficient level is refused.
fn levels(args: &Args, data: &BudgetData, lang: Lang) -> Result<Levels, Failure> {
    let rate = |flag: &str, raw: &Option<String>, default: Rate| match raw {
        None => Ok(default),
        Some(raw) => raw
            .parse::<Rate>()
            .map_err(|e| Failure::Invalid(format!("--{flag}: {}", e.message(lang)))),
    };
    let report = data.levels();
    let min = rate("min-rate", &args.min_rate, report.min)?;
    let sufficient = rate("sufficient-rate", &args.sufficient_rate, report.sufficient)?;
    model::levels(min, sufficient).map_err(|e| {
        Failure::Invalid(format!(
            "--min-rate, --sufficient-rate: {}",
            e.message(lang)
        ))
    })
}

/// The typed figures as answers of a record that is never saved: the same validation as the
/// interview (bounds, a clinic is not a hospital, an exact budget inside its bracket), and the
/// same model as `check`.
fn scratch_record(
    args: &Args,
    lang: Lang,
    clock: &crate::domain::Clock,
) -> Result<Record, Failure> {
    let qn = Questionnaire::embedded();
    let now = clock.now();
    let mut record = Record::new(RecordId::new(0, 0), clock.today(), now);
    let given = [
        ("beds", "beds", &args.beds),
        ("revenue", "revenue", &args.revenue),
        ("bracket", "budget_bracket", &args.bracket),
        ("budget", "budget_amount", &args.budget),
    ];
    for (flag, question, raw) in given {
        let Some(raw) = raw else { continue };
        // `-` clears an answer in `shindan answer`; here it is no number at all.
        let result = if raw.trim() == "-" {
            Err(AnswerError::NotANumber {
                input: raw.clone(),
                range: None,
            })
        } else {
            validate::answer_from_input(qn, &mut record, question, raw, now)
        };
        result.map_err(|e| {
            Failure::Invalid(format!("--{flag}: {}", answer_message(&e, question, lang)))
        })?;
    }
    Ok(record)
}

/// The validation message, with the allowed range where it only says what is wrong.
fn answer_message(e: &AnswerError, question: &str, lang: Lang) -> String {
    let msg = e.message(lang);
    let q = Questionnaire::embedded().question(question);
    match (e, q.and_then(|q| q.min.zip(q.max))) {
        (AnswerError::NotANumber { range: None, .. }, Some((min, max))) => {
            let unit = q.and_then(|q| q.unit(lang)).unwrap_or_default();
            let (min, max) = (group_thousands(min), group_thousands(max));
            lang.pick_with(
                || format!("{msg}：{min}～{max} の整数（{unit}）で指定してください"),
                || format!("{msg}: give a whole number from {min} to {max} ({unit})"),
            )
        }
        _ => msg,
    }
}
