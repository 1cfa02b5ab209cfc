//! `evaluate --format json`: the evaluation's own fields indented, then one partner per line.
//!
//! A program's document runs to 100k partners; a line each keeps it greppable (`grep '"P042"'`
//! shows the whole decision), makes `diff` of two months list exactly the partners that changed,
//! and halves its size against indenting every field. The partners are serialized on every core.

use attain_engine::{Decision, Evaluation};

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
        serde_json::to_writer(&mut out, decision)?;
    }
    Ok(out)
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
            assert_eq!(
                serde_json::from_str::<serde_json::Value>(line).unwrap(),
                serde_json::to_value(decision).unwrap()
            );
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
}
