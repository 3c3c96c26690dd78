//! `shindan checklist diff`: what changed between two editions.

use crate::cli::{print_json, Ctx, Failure};
use crate::domain::checklist::{diff, label, Edition};
use crate::text;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The older edition, e.g. mhlw-r6
    edition_a: String,
    /// The newer edition, e.g. mhlw-r7
    edition_b: String,
    /// Print JSON for scripts
    #[arg(long)]
    json: bool,
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<(), Failure> {
    let lang = ctx.lang;
    let editions = ctx.editions()?;
    let a = super::pick(ctx, &editions, Some(&args.edition_a))?;
    let b = super::pick(ctx, &editions, Some(&args.edition_b))?;
    let d = diff::diff(a, b);
    if args.json {
        print_json(&d);
        return Ok(());
    }
    println!("{} → {}", a.id, b.id);
    // Items as the form prints them (2④ サーバ), in the edition that has them; the ids stay in
    // --json.
    let label_in = |e: &Edition, id: &str| label::printed_id(e, id, lang);
    let text_of = |id: &str| {
        b.item(id)
            .or_else(|| a.item(id))
            .map(|i| i.text.get(lang).to_string())
            .unwrap_or_default()
    };
    let entry = |mark: &str, head: &str, body: &str| {
        let line = if body.is_empty() {
            head.to_string()
        } else {
            format!("{head}: {body}")
        };
        for (i, l) in text::wrap(&line, 74).iter().enumerate() {
            println!("{}{l}", if i == 0 { mark } else { "    " });
        }
    };
    let list = |title: &str, e: &Edition, ids: &[String]| {
        println!("\n■ {title} ({})", ids.len());
        for id in ids {
            entry("  + ", &label_in(e, id), &text_of(id));
        }
    };
    list(lang.pick("追加", "Added"), b, &d.added);
    list(lang.pick("削除", "Removed"), a, &d.removed);
    println!("\n■ {} ({})", lang.pick("統合", "Merged"), d.merged.len());
    for m in &d.merged {
        let from: Vec<String> = m.from.iter().map(|id| label_in(a, id)).collect();
        let head = format!(
            "{} → {}",
            from.join(lang.pick("、", ", ")),
            label_in(b, &m.into)
        );
        entry("  * ", &head, &text_of(&m.into));
    }
    println!(
        "\n■ {} ({})",
        lang.pick("文言の変更", "Reworded"),
        d.reworded.len()
    );
    for r in &d.reworded {
        println!("  ~ {}", label_in(b, &r.id));
        for line in text::wrap(&format!("- {}", r.from.get(lang)), 72) {
            println!("    {line}");
        }
        for line in text::wrap(&format!("+ {}", r.to.get(lang)), 72) {
            println!("    {line}");
        }
    }
    println!(
        "\n■ {} ({})",
        lang.pick("番号の変更", "Renumbered"),
        d.renumbered.len()
    );
    for n in &d.renumbered {
        let head = format!("{} → {}", label_in(a, &n.id), label_in(b, &n.id));
        entry("  ", &head, &text_of(&n.id));
    }
    Ok(())
}
