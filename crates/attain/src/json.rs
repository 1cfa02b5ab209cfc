//! `evaluate --format json`: the evaluation's own fields indented, then one partner per line.
//!
//! A program's document runs to 100k partners; a line each keeps it greppable (`grep '"P042"'`
//! shows the whole decision), makes `diff` of two months list exactly the partners that changed,
//! and halves its size against indenting every field. The partners are serialized on every core.

use attain_engine::{Decision, Evaluation, LevelStatus, Usd};
use jiff::civil::Date;

/// Partners per thread below which one thread is quicker.
const PER_THREAD: usize = 2_000;

/// The evaluation as JSON followed by a newline: its fields as `serde_json::to_string_pretty`
/// writes them, each partner compact on a line of its own. In pieces, to be written one after
/// the other (not copied into one more buffer of the whole document's size).
pub fn evaluation(evaluation: &Evaluation) -> serde_json::Result<Vec<Vec<u8>>> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
    in_threads(evaluation, cores.min(evaluation.partners.len() / PER_THREAD).max(1))
}

fn in_threads(evaluation: &Evaluation, threads: usize) -> serde_json::Result<Vec<Vec<u8>>> {
    // Everything but the partners, serialized as usual: `partners` is the last field, so the
    // text ends with its empty array, which the partners then replace.
    let head = Evaluation {
        program: evaluation.program.clone(),
        version: evaluation.version.clone(),
        as_of: evaluation.as_of,
        window: evaluation.window,
        partners: Vec::new(),
    };
    let mut out = serde_json::to_vec_pretty(&head)?;
    let empty = b"[]\n}";
    assert!(out.ends_with(empty), "partners is the evaluation's last field");
    out.truncate(out.len() - empty.len());
    let partners = &evaluation.partners;
    if partners.is_empty() {
        out.extend_from_slice(b"[]\n}\n");
        return Ok(vec![out]);
    }
    out.extend_from_slice(b"[\n");
    let run = partners.len().div_ceil(threads);
    let pieces = std::thread::scope(|scope| {
        let handles: Vec<_> =
            partners.chunks(run).enumerate().map(|(i, chunk)| scope.spawn(move || lines(chunk, i > 0))).collect();
        handles.into_iter().map(|h| h.join().expect("a JSON thread panicked")).collect::<serde_json::Result<Vec<_>>>()
    })?;
    Ok(std::iter::once(out).chain(pieces).chain([b"\n  ]\n}\n".to_vec()]).collect())
}

/// Decisions as lines of the `partners` array, indented to its depth, separated by `,\n` (and
/// after one when they follow others).
fn lines(decisions: &[Decision], after_others: bool) -> serde_json::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(decisions.len() * 512);
    for (i, decision) in decisions.iter().enumerate() {
        out.extend_from_slice(if i > 0 || after_others { b",\n    " } else { b"    " });
        write_decision(&mut out, decision);
    }
    Ok(out)
}

/// A decision as `serde_json::to_writer` writes it, byte for byte (the tests hold them equal),
/// written directly: at 100k partners, serde's generic path and the amounts' formatting took
/// most of the document's time.
fn write_decision(out: &mut Vec<u8>, d: &Decision) {
    out.extend_from_slice(b"{\"partner_id\":");
    string(out, &d.partner_id);
    out.extend_from_slice(b",\"market\":\"");
    out.extend_from_slice(d.market.as_str().as_bytes());
    out.extend_from_slice(b"\",\"level\":");
    string(out, &d.level);
    out.extend_from_slice(b",\"consumption_usd\":");
    usd(out, d.consumption_usd);
    out.extend_from_slice(b",\"qualified_individuals\":");
    number(out, d.qualified_individuals);
    out.extend_from_slice(b",\"drops_on\":");
    or_null(out, d.drops_on, date);
    out.extend_from_slice(b",\"name\":");
    string(out, &d.name);
    out.extend_from_slice(b",\"country\":");
    string(out, &d.country);
    out.extend_from_slice(b",\"levels\":[");
    for (i, level) in d.levels.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write_level(out, level);
    }
    out.extend_from_slice(b"]}");
}

fn write_level(out: &mut Vec<u8>, l: &LevelStatus) {
    out.extend_from_slice(b"{\"level\":");
    string(out, &l.level);
    out.extend_from_slice(if l.met { b",\"met\":true" } else { b",\"met\":false" });
    out.extend_from_slice(b",\"threshold_usd\":");
    or_null(out, l.threshold_usd, usd);
    out.extend_from_slice(b",\"consumption_gap_usd\":");
    usd(out, l.consumption_gap_usd);
    out.extend_from_slice(b",\"individuals_required\":");
    or_null(out, l.individuals_required, number);
    out.extend_from_slice(b",\"qualified_individuals\":");
    number(out, l.qualified_individuals);
    out.extend_from_slice(b",\"individuals_gap\":");
    number(out, l.individuals_gap);
    out.push(b'}');
}

fn or_null<T>(out: &mut Vec<u8>, value: Option<T>, write: fn(&mut Vec<u8>, T)) {
    match value {
        Some(value) => write(out, value),
        None => out.extend_from_slice(b"null"),
    }
}

/// A JSON string, escaped as serde_json escapes: quote, backslash and control characters only.
fn string(out: &mut Vec<u8>, text: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push(b'"');
    let bytes = text.as_bytes();
    let mut plain = 0;
    for (i, &byte) in bytes.iter().enumerate() {
        let escaped: &[u8] = match byte {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x08 => b"\\b",
            0x0c => b"\\f",
            0..=0x1f => &[b'\\', b'u', b'0', b'0', HEX[usize::from(byte >> 4)], HEX[usize::from(byte & 0xf)]],
            _ => continue,
        };
        out.extend_from_slice(&bytes[plain..i]);
        out.extend_from_slice(escaped);
        plain = i + 1;
    }
    out.extend_from_slice(&bytes[plain..]);
    out.push(b'"');
}

fn usd(out: &mut Vec<u8>, amount: Usd) {
    out.push(b'"');
    out.extend_from_slice(amount.plain().as_bytes());
    out.push(b'"');
}

fn number(out: &mut Vec<u8>, n: u32) {
    let mut digits = [0u8; 10];
    let mut at = digits.len();
    let mut rest = n;
    loop {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[at..]);
}

fn date(out: &mut Vec<u8>, date: Date) {
    use std::io::Write;
    write!(out, "\"{date}\"").expect("writing to memory");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_partner_a_line_whatever_the_threads() {
        let dir = std::env::temp_dir().join(format!("attain-json-{}", std::process::id()));
        attain_gen::generate(&attain_gen::Shape { partners: 50, months: 3, ..Default::default() }, &dir)
            .expect("generated");
        let rules = attain_rules::Rules::embedded().expect("rules");
        let program = &rules.programs[0];
        let facts = attain_input::read_dir(&dir).expect("valid");
        let engine = attain_engine::Engine::new(&rules, program, facts).expect("engine");
        let evaluation = engine.evaluate(jiff::civil::date(2018, 6, 30), &[]).expect("evaluated");
        std::fs::remove_dir_all(&dir).ok();
        let text = String::from_utf8(in_threads(&evaluation, 1).unwrap().concat()).unwrap();
        // The same value as serde_json writes...
        let parsed: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(parsed, serde_json::to_value(&evaluation).unwrap());
        // ...a partner a line...
        let partner_lines: Vec<&str> = text.lines().filter(|l| l.starts_with("    {\"partner_id\":")).collect();
        assert_eq!(partner_lines.len(), evaluation.partners.len());
        for (line, decision) in partner_lines.iter().zip(&evaluation.partners) {
            let line = line.trim().trim_end_matches(',');
            assert_eq!(line, serde_json::to_string(decision).unwrap());
        }
        // ...and the same bytes from runs of every length, including threads with one partner.
        for threads in [2, 3, 7, 50] {
            assert_eq!(
                String::from_utf8(in_threads(&evaluation, threads).unwrap().concat()).unwrap(),
                text,
                "{threads}"
            );
        }
        assert_eq!(String::from_utf8(super::evaluation(&evaluation).unwrap().concat()).unwrap(), text);
        let none = Evaluation { partners: Vec::new(), ..evaluation };
        let empty: serde_json::Value = serde_json::from_slice(&in_threads(&none, 1).unwrap().concat()).unwrap();
        assert_eq!(empty["partners"], serde_json::json!([]));
    }

    proptest::proptest! {
        /// Whatever the texts and figures, a decision is written as serde_json writes it.
        #[test]
        fn a_decision_is_written_as_serde_writes_it(
            id in "\\PC{0,12}", name in ".{0,20}", country in "[\\x00-\\x7f]{0,4}", level in "[a-z\\\\\"]{0,8}",
            micros in proptest::num::i128::ANY, figures in proptest::array::uniform4(proptest::num::u32::ANY),
            day in 0i32..3_000_000, optional in proptest::array::uniform3(proptest::bool::ANY),
        ) {
            let date = Date::new(1, 1, 1).unwrap().checked_add(jiff::Span::new().days(day)).unwrap();
            let status = |met| LevelStatus {
                level: level.clone(),
                met,
                threshold_usd: optional[0].then_some(Usd(micros / 3)),
                consumption_gap_usd: Usd(micros / 7),
                individuals_required: optional[1].then_some(figures[1]),
                qualified_individuals: figures[2],
                individuals_gap: figures[3],
            };
            let decision = Decision {
                partner_id: id.clone(),
                market: if optional[2] { attain_engine::Market::Emerging } else { attain_engine::Market::Developed },
                level: level.clone(),
                consumption_usd: Usd(micros),
                qualified_individuals: figures[0],
                drops_on: optional[1].then_some(date),
                name: name.clone(),
                country: country.clone(),
                levels: vec![status(true), status(false)],
            };
            let mut written = Vec::new();
            write_decision(&mut written, &decision);
            proptest::prop_assert_eq!(String::from_utf8(written).unwrap(), serde_json::to_string(&decision).unwrap());
        }
    }
}
