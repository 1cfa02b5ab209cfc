//! `evaluate` for people (an aligned table) and for spreadsheets (CSV).

use attain_engine::{Evaluation, Usd};
use attain_rules::Program;

fn grouped(usd: Usd) -> String {
    usd.to_display_string().replacen("US$", "", 1)
}

/// An aligned table: text columns left, numbers right.
pub fn evaluation_table(program: &Program, evaluation: &Evaluation) -> String {
    let header = [
        "PARTNER",
        "NAME",
        "MARKET",
        "LEVEL",
        "CONSUMPTION (USD)",
        "INDIVIDUALS",
        "DROPS ON",
    ];
    let right = [false, false, false, false, true, true, false];
    let rows: Vec<[String; 7]> = evaluation
        .partners
        .iter()
        .map(|d| {
            [
                d.partner_id.clone(),
                d.name.clone(),
                d.market.to_string(),
                d.level.clone(),
                grouped(d.consumption_usd),
                d.qualified_individuals.to_string(),
                d.drops_on.map_or_else(|| "-".to_owned(), |d| d.to_string()),
            ]
        })
        .collect();
    let mut widths = header.map(|h| h.chars().count());
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: &[String]| {
        let mut out = String::new();
        for (i, cell) in cells.iter().enumerate() {
            let pad = " ".repeat(widths[i] - cell.chars().count());
            if i > 0 {
                out.push_str("  ");
            }
            if right[i] {
                out.push_str(&pad);
                out.push_str(cell);
            } else {
                out.push_str(cell);
                if i + 1 < cells.len() {
                    out.push_str(&pad);
                }
            }
        }
        out.push('\n');
        out
    };
    let (silver_up, total) = (
        evaluation
            .partners
            .iter()
            .filter(|d| d.level != "none")
            .count(),
        evaluation.partners.len(),
    );
    let mut out = format!(
        "{} ({}) · rules version {} · as of {} · window {} to {}\n\n",
        program.name,
        program.option_name,
        evaluation.version,
        evaluation.as_of,
        evaluation.window.start,
        evaluation.window.end
    );
    out.push_str(&line(&header.map(str::to_owned)));
    for row in &rows {
        out.push_str(&line(row));
    }
    let mut counts = String::new();
    for def in program.levels.iter().rev() {
        let n = evaluation
            .partners
            .iter()
            .filter(|d| d.level == def.id)
            .count();
        counts.push_str(&format!(", {n} {}", def.name));
    }
    out.push_str(&format!(
        "\n{total} partners: {silver_up} at a level{counts}\n"
    ));
    out
}

/// One CSV row per partner with the SPEC's fields.
pub fn evaluation_csv(evaluation: &Evaluation) -> String {
    let mut out =
        String::from("partner_id,market,level,consumption_usd,qualified_individuals,drops_on\n");
    for d in &evaluation.partners {
        let quoted = if d.partner_id.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", d.partner_id.replace('"', "\"\""))
        } else {
            d.partner_id.clone()
        };
        out.push_str(&format!(
            "{quoted},{},{},{},{},{}\n",
            d.market,
            d.level,
            d.consumption_usd.to_plain_string(),
            d.qualified_individuals,
            d.drops_on.map(|d| d.to_string()).unwrap_or_default()
        ));
    }
    out
}
