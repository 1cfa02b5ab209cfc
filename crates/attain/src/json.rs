//! `evaluate --format json`: the evaluation's own fields indented, then one partner per line.
//!
//! A program's document runs to 100k partners; a line each keeps it greppable (`grep '"P042"'`
//! shows the whole decision), makes `diff` of two months list exactly the partners that changed,
//! and halves its size against indenting every field. A whole program's document is written
//! while later partners are still being decided (see [`Engine::decide_in_runs`]).

use std::io::Write;
use std::ops::ControlFlow;

use attain_engine::{Decision, Engine, EngineError, Evaluation, LevelStatus, Usd};
use jiff::civil::Date;

/// What closes the `partners` array and the document.
const TAIL: &[u8] = b"\n  ]\n}\n";

/// The document of every partner of `engine` as of `as_of`, written to `out` run by run as the
/// runs are decided. A failure to write (a closed pipe, e.g. `| head`) stops the writing and the
/// deciding.
pub fn write_program(engine: &Engine<'_>, as_of: Date, out: &mut impl Write) -> Result<(), EngineError> {
    write_program_in_runs(engine, as_of, attain_engine::RUN, out)
}

fn write_program_in_runs(
    engine: &Engine<'_>,
    as_of: Date,
    run: usize,
    out: &mut impl Write,
) -> Result<(), EngineError> {
    let head = engine.evaluation_head(as_of)?;
    let any = !engine.facts().partners.is_empty();
    if out.write_all(&head_text(&head, any)).is_err() {
        return Ok(());
    }
    // A written run's text goes back to be filled again: the document passes through as many
    // buffers as runs are in flight, not fresh memory for each (at 100k partners, 51 MB the
    // kernel would zero first).
    let written = std::sync::Mutex::new(Vec::<Vec<u8>>::new());
    let mut failed = false;
    engine.decide_in_runs(
        as_of,
        run,
        |i, decisions| {
            let mut text = written.lock().expect("not poisoned").pop().unwrap_or_default();
            text.clear();
            write_lines(&mut text, decisions, i > 0);
            text
        },
        |text| {
            failed = out.write_all(&text).is_err();
            written.lock().expect("not poisoned").push(text);
            if failed {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        },
    )?;
    if !failed {
        let _ = (if any { out.write_all(TAIL) } else { Ok(()) }).and_then(|()| out.flush());
    }
    Ok(())
}

/// The evaluation as JSON followed by a newline, as [`write_program`] writes it.
pub fn evaluation(evaluation: &Evaluation) -> Vec<u8> {
    let any = !evaluation.partners.is_empty();
    let mut out = head_text(evaluation, any);
    if any {
        write_lines(&mut out, &evaluation.partners, false);
        out.extend_from_slice(TAIL);
    }
    out
}

/// Everything before the partners: the evaluation's fields as `serde_json::to_string_pretty`
/// writes them and the opening of `partners`; the whole document when there are none.
fn head_text(evaluation: &Evaluation, any: bool) -> Vec<u8> {
    // `partners` is the last field: the text ends with its empty array, which the partners
    // then replace.
    let head = Evaluation {
        program: evaluation.program.clone(),
        version: evaluation.version.clone(),
        as_of: evaluation.as_of,
        window: evaluation.window,
        partners: Vec::new(),
    };
    let mut out = serde_json::to_vec_pretty(&head).expect("serializing to memory");
    if any {
        let empty = b"[]\n}";
        assert!(out.ends_with(empty), "partners is the evaluation's last field");
        out.truncate(out.len() - empty.len());
        out.extend_from_slice(b"[\n");
    } else {
        out.push(b'\n');
    }
    out
}

/// Decisions as lines of the `partners` array, indented to its depth, separated by `,\n` (and
/// after one when they follow others).
fn write_lines(out: &mut Vec<u8>, decisions: &[Decision], after_others: bool) {
    out.reserve(decisions.len() * 512);
    for (i, decision) in decisions.iter().enumerate() {
        out.extend_from_slice(if i > 0 || after_others { b",\n    " } else { b"    " });
        write_decision(out, decision);
    }
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
    // Ids, names and levels rarely need escaping: look first, byte by byte only if they do.
    if !bytes.iter().any(|b| *b < 0x20 || *b == b'"' || *b == b'\\') {
        out.extend_from_slice(bytes);
        out.push(b'"');
        return;
    }
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
    fn one_partner_a_line_whatever_the_runs() {
        let dir = std::env::temp_dir().join(format!("attain-json-{}", std::process::id()));
        attain_gen::generate(&attain_gen::Shape { partners: 50, months: 3, ..Default::default() }, &dir)
            .expect("generated");
        let rules = attain_rules::Rules::embedded().expect("rules");
        let program = &rules.programs[0];
        let facts = attain_input::read_dir(&dir).expect("valid");
        std::fs::remove_dir_all(&dir).ok();
        let engine = attain_engine::Engine::new(&rules, program, facts).expect("engine");
        let as_of = jiff::civil::date(2018, 6, 30);
        let evaluation = engine.evaluate(as_of, &[]).expect("evaluated");
        let text = String::from_utf8(super::evaluation(&evaluation)).unwrap();
        // The same value as serde_json writes...
        let parsed: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(parsed, serde_json::to_value(&evaluation).unwrap());
        // ...a partner a line, each as serde_json writes it...
        let partner_lines: Vec<&str> = text.lines().filter(|l| l.starts_with("    {\"partner_id\":")).collect();
        assert_eq!(partner_lines.len(), evaluation.partners.len());
        for (line, decision) in partner_lines.iter().zip(&evaluation.partners) {
            let line = line.trim().trim_end_matches(',');
            assert_eq!(line, serde_json::to_string(decision).unwrap());
        }
        // ...and the same bytes streamed in runs of every length, including runs of one partner.
        for run in [1, 2, 3, 7, 49, 50, 1000] {
            let mut streamed = Vec::new();
            write_program_in_runs(&engine, as_of, run, &mut streamed).unwrap();
            assert_eq!(String::from_utf8(streamed).unwrap(), text, "runs of {run}");
        }
        // A reader that goes away (`| head`) stops the deciding too: the runs under way are
        // finished, no others begun. Before the break is seen, each thread may have decided a
        // run, queued two and begun another.
        let decided = std::sync::atomic::AtomicUsize::new(0);
        let count = |i, _: &mut Vec<Decision>| {
            decided.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            i
        };
        let third = |i| if i == 2 { ControlFlow::Break(()) } else { ControlFlow::Continue(()) };
        engine.decide_in_runs(as_of, 1, count, third).unwrap();
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
        let decided = decided.into_inner();
        assert!((3..=3 + 4 * threads).contains(&decided) && decided < 50, "{decided} of 50 runs decided");
        let mut closed = Closed(200);
        write_program_in_runs(&engine, as_of, 1, &mut closed).unwrap();

        let none = Evaluation { partners: Vec::new(), ..evaluation };
        let empty: serde_json::Value = serde_json::from_slice(&super::evaluation(&none)).unwrap();
        assert_eq!(empty["partners"], serde_json::json!([]));
        assert_eq!(serde_json::to_value(&none).unwrap(), empty);
    }

    /// A pipe whose reader goes away after some bytes.
    struct Closed(usize);

    impl Write for Closed {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            if self.0 < buf.len() {
                return Err(std::io::ErrorKind::BrokenPipe.into());
            }
            self.0 -= buf.len();
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
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
