//! `shindan new`: a record from the profile questions, for scripts.

use super::{Ctx, Failure};
use crate::domain::{history, validate, Questionnaire, Record, RecordId};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Hospital name (「病院名」)
    #[arg(long)]
    name: String,
    /// Licensed beds (「許可病床数」), 20–5000
    #[arg(long, allow_hyphen_values = true)]
    beds: String,
    /// Founder (「開設者」): national, prefecture_municipal, public_medical, social_insurance,
    /// public_interest, medical_corporation, medical_association, private_school,
    /// social_welfare, coop, other_corporation
    #[arg(long)]
    founder: String,
    /// Annual revenue in thousand yen (「年間収益」, 「千円」)
    #[arg(long, allow_hyphen_values = true)]
    revenue: Option<String>,
    /// Member associations, comma-separated: jha, ajha, jmha, japha, none
    #[arg(long)]
    associations: Option<String>,
    /// The assessment's fiscal year (「年度」, April–March; the id's prefix), e.g. 2026 or
    /// 「２０２６」 [default: the fiscal year of today: 2026 from 2026-04-01 to 2027-03-31]
    #[arg(long, value_name = "YEAR")]
    year: Option<String>,
    /// Print JSON for scripts (keys: id)
    #[arg(long)]
    json: bool,
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<(), Failure> {
    let qn = Questionnaire::embedded();
    let clock = ctx.clock;
    let now = clock.now();
    let year = super::assessment_year(args.year.as_deref(), clock.fiscal_year(), ctx.lang)?;
    // Check every answer on a scratch record first: a refused value must not leave a half-made
    // record behind.
    let assessed_on = history::assessment_date(year, &clock);
    let mut scratch = Record::new(RecordId::new(year.year(), 1), assessed_on, now);
    let mut given = vec![
        ("hospital_name", args.name.as_str()),
        ("beds", args.beds.as_str()),
        ("founder", args.founder.as_str()),
    ];
    if let Some(r) = &args.revenue {
        given.push(("revenue", r));
    }
    if let Some(a) = &args.associations {
        given.push(("associations", a));
    }
    for (q, raw) in given {
        validate::answer_from_input(qn, &mut scratch, q, raw, now)
            .map_err(|e| Failure::Invalid(format!("--{}: {}", flag_of(q), e.message(ctx.lang))))?;
    }
    let store = ctx.store()?;
    let record = store
        .create(year.year(), |id| {
            let mut r = scratch.clone();
            r.id = id;
            r
        })
        .map_err(|e| ctx.store_err(e))?;
    super::output::saved(ctx.lang.pick_with(
        || format!("記録 {} を作成しました", record.id),
        || format!("record {} was created", record.id),
    ));
    if args.json {
        super::print_json(&serde_json::json!({ "id": record.id.to_string() }));
    } else {
        println!("{}", record.id);
    }
    Ok(())
}

fn flag_of(question: &str) -> &str {
    match question {
        "hospital_name" => "name",
        q => q,
    }
}
