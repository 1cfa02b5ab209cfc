//! `evaluate` for people (an aligned table) and for spreadsheets (CSV).

use attain_engine::Evaluation;
use attain_i18n::Arg;
use attain_rules::{LevelIdx, ProgramText};

use crate::Context;

/// Display width: East Asian wide characters take two columns.
fn width(text: &str) -> usize {
    text.chars()
        .map(|c| match c as u32 {
            0x1100..=0x115F
            | 0x2E80..=0xA4CF
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F
            | 0xFF00..=0xFF60
            | 0xFFE0..=0xFFE6 => 2,
            _ => 1,
        })
        .sum()
}

/// Rows under a header, aligned: the columns marked `right` (numbers) to the right, others left.
pub fn aligned<R: AsRef<[String]>>(header: &[String], rows: &[R], right: &[bool]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| width(h)).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row.as_ref()) {
            *w = (*w).max(width(cell));
        }
    }
    let line = |cells: &[String]| {
        let mut out = String::new();
        for (i, cell) in cells.iter().enumerate() {
            let pad = " ".repeat(widths[i] - width(cell));
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
    let mut out = line(header);
    for row in rows {
        out.push_str(&line(row.as_ref()));
    }
    out
}

/// The summary line under a table: how many partners, how many at a level, and at each.
pub(crate) fn summary<'l>(cx: &Context<'_>, levels: impl Iterator<Item = &'l str> + Clone) -> String {
    let l10n = cx.l10n;
    let total = levels.clone().count();
    let leveled = levels.clone().filter(|l| *l != cx.program.level_id(None)).count();
    let mut summary = l10n.msg(
        "table-summary",
        &[("total", Arg::Count(total as i64)), ("leveled", Arg::Text(&l10n.integer(leveled as i128)))],
    );
    for (i, def) in cx.program.levels.iter().enumerate().rev() {
        let count = levels.clone().filter(|l| *l == def.id).count();
        summary.push_str(", ");
        summary.push_str(&l10n.msg(
            "table-summary-level",
            &[
                ("count", Arg::Text(&l10n.integer(count as i128))),
                ("level", Arg::Text(&cx.level_name(LevelIdx(i as u8)))),
            ],
        ));
    }
    summary
}

/// A CSV field: quoted when it holds a comma, a quote or a line break.
/// A text field of a CSV file: quoted when it must be, and never read as a formula by a
/// spreadsheet: a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed
/// with `'` (OWASP, CSV injection).
pub(crate) fn csv_field(text: &str) -> std::borrow::Cow<'_, str> {
    let text: std::borrow::Cow<'_, str> = match text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        true => format!("'{text}").into(),
        false => text.into(),
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\"")).into()
    } else {
        text
    }
}

/// An aligned table: text columns left, numbers right.
pub fn evaluation_table(cx: &Context<'_>, evaluation: &Evaluation) -> String {
    let l10n = cx.l10n;
    let header = [
        "table-partner",
        "table-name",
        "table-market",
        "table-level",
        "table-consumption",
        "table-individuals",
        "table-drops-on",
    ]
    .map(|id| l10n.text(id));
    let right = [false, false, false, false, true, true, false];
    let rows: Vec<[String; 7]> = evaluation
        .partners
        .iter()
        .map(|d| {
            [
                d.partner_id.clone(),
                d.name.clone(),
                cx.market(d.market),
                cx.level(&d.level),
                l10n.decimal(d.consumption_usd.cents(), 2),
                l10n.integer(i128::from(d.qualified_individuals)),
                d.drops_on.map_or_else(|| "-".to_owned(), |d| l10n.date(d)),
            ]
        })
        .collect();
    let mut out = l10n.msg(
        "table-title",
        &[
            ("program", Arg::Text(&cx.program_text(ProgramText::Name))),
            ("option", Arg::Text(&cx.program_text(ProgramText::OptionName))),
            ("version", Arg::Text(&evaluation.version)),
            ("date", Arg::Text(&l10n.date(evaluation.as_of))),
            ("start", Arg::Text(&l10n.date(evaluation.window.start))),
            ("end", Arg::Text(&l10n.date(evaluation.window.end))),
        ],
    );
    out.push_str("\n\n");
    out.push_str(&aligned(&header, &rows, &right));
    let summary = summary(cx, evaluation.partners.iter().map(|d| d.level.as_str()));
    out.push('\n');
    out.push_str(&summary);
    out.push('\n');
    out
}

/// One CSV row per partner with the SPEC's fields (never localized: it is for machines).
pub fn evaluation_csv(evaluation: &Evaluation) -> String {
    let mut out = String::from("partner_id,name,country,market,level,consumption_usd,qualified_individuals,drops_on\n");
    for d in &evaluation.partners {
        let quoted = csv_field(&d.partner_id);
        out.push_str(&format!(
            "{quoted},{},{},{},{},{},{},{}\n",
            csv_field(&d.name),
            csv_field(&d.country),
            d.market,
            d.level,
            d.consumption_usd.to_plain_string(),
            d.qualified_individuals,
            d.drops_on.map(|d| d.to_string()).unwrap_or_default()
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::csv_field;

    #[test]
    fn a_csv_cell_is_never_a_formula() {
        for (text, cell) in [
            ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
            ("+1", "'+1"),
            ("-2", "'-2"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tTab", "'\tTab"),
            ("=1,2", "\"'=1,2\""),
            ("Contoso, Ltd", "\"Contoso, Ltd\""),
            ("Contoso", "Contoso"),
            ("P-1", "P-1"),
        ] {
            assert_eq!(csv_field(text), cell, "{text:?}");
        }
    }
}
