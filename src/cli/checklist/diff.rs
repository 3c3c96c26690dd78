//! `shindan checklist diff`: what changed between two editions.

use crate::cli::{print_json, Ctx, Failure};
use crate::domain::checklist::diff;
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
    let text_of = |id: &str| {
        b.item(id)
            .or_else(|| a.item(id))
            .map(|i| i.text.get(lang).to_string())
            .unwrap_or_default()
    };
    let list = |title: &str, ids: &[String]| {
        println!("\n■ {title} ({})", ids.len());
        for id in ids {
            for (i, line) in text::wrap(&format!("{id}: {}", text_of(id)), 74)
                .iter()
                .enumerate()
            {
                println!("{}{line}", if i == 0 { "  + " } else { "    " });
            }
        }
    };
    list(lang.pick("追加", "Added"), &d.added);
    list(lang.pick("削除", "Removed"), &d.removed);
    println!("\n■ {} ({})", lang.pick("統合", "Merged"), d.merged.len());
    for m in &d.merged {
        for (i, line) in text::wrap(&format!("{} → {}", m.from.join(", "), m.into), 74)
            .iter()
            .enumerate()
        {
            println!("{}{line}", if i == 0 { "  * " } else { "    " });
        }
    }
    println!(
        "\n■ {} ({})",
        lang.pick("文言の変更", "Reworded"),
        d.reworded.len()
    );
    for r in &d.reworded {
        println!("  ~ {}", r.id);
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
        println!(
            "  {}: {} → {}",
            n.id,
            n.from.as_deref().unwrap_or("–"),
            n.to.as_deref().unwrap_or("–")
        );
    }
    Ok(())
}
