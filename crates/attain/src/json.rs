//! `evaluate --format json` at scale: the same bytes as `serde_json::to_string_pretty` of the
//! whole evaluation, with the partners serialized on every core.

use attain_engine::{Decision, Evaluation};

/// Partners per thread below which one thread is quicker.
const PER_THREAD: usize = 2_000;

/// The evaluation as pretty JSON followed by a newline, byte for byte what
/// `serde_json::to_string_pretty(evaluation) + "\n"` writes.
pub fn evaluation(evaluation: &Evaluation) -> serde_json::Result<Vec<u8>> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
    in_threads(evaluation, cores.min(evaluation.partners.len() / PER_THREAD))
}

fn in_threads(evaluation: &Evaluation, threads: usize) -> serde_json::Result<Vec<u8>> {
    let partners = &evaluation.partners;
    if threads < 2 || partners.is_empty() {
        let mut out = serde_json::to_vec_pretty(evaluation)?;
        out.push(b'\n');
        return Ok(out);
    }
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
    out.extend_from_slice(b"[\n");
    let run = partners.len().div_ceil(threads);
    let pieces = std::thread::scope(|scope| {
        let handles: Vec<_> = partners.chunks(run).map(|chunk| scope.spawn(move || items(chunk))).collect();
        handles.into_iter().map(|h| h.join().expect("a JSON thread panicked")).collect::<serde_json::Result<Vec<_>>>()
    })?;
    for (i, piece) in pieces.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(b",\n");
        }
        out.extend_from_slice(piece);
    }
    out.extend_from_slice(b"\n  ]\n}\n");
    Ok(out)
}

/// Decisions as the items of the `partners` array, two levels deep, separated by `,\n`.
/// A decision serialized on its own is indented from column 0; JSON strings hold no raw line
/// breaks, so indenting every line after a break by four spaces puts it at the array's depth.
fn items(decisions: &[Decision]) -> serde_json::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(decisions.len() * 1024);
    let mut one = Vec::with_capacity(2048);
    for (i, decision) in decisions.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(b",\n");
        }
        one.clear();
        serde_json::to_writer_pretty(&mut one, decision)?;
        out.extend_from_slice(b"    ");
        let mut rest = &one[..];
        while let Some(at) = memchr_newline(rest) {
            out.extend_from_slice(&rest[..=at]);
            out.extend_from_slice(b"    ");
            rest = &rest[at + 1..];
        }
        out.extend_from_slice(rest);
    }
    Ok(out)
}

fn memchr_newline(bytes: &[u8]) -> Option<usize> {
    memchr::memchr(b'\n', bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_bytes_as_serde_json() {
        let dir = std::env::temp_dir().join(format!("attain-json-{}", std::process::id()));
        attain_gen::generate(&attain_gen::Shape { partners: 50, months: 3, ..Default::default() }, &dir)
            .expect("generated");
        let rules = attain_rules::Rules::embedded().expect("rules");
        let program = &rules.programs[0];
        let facts = attain_input::read_dir(&dir).expect("valid");
        let engine = attain_engine::Engine::new(&rules, program, facts).expect("engine");
        let evaluation = engine.evaluate(jiff::civil::date(2018, 6, 30), &[]).expect("evaluated");
        std::fs::remove_dir_all(&dir).ok();
        let expected = serde_json::to_string_pretty(&evaluation).unwrap() + "\n";
        // Runs of every length, including threads with one partner or an uneven last run.
        for threads in [1, 2, 3, 7, 50] {
            assert_eq!(String::from_utf8(in_threads(&evaluation, threads).unwrap()).unwrap(), expected, "{threads}");
        }
        assert_eq!(String::from_utf8(super::evaluation(&evaluation).unwrap()).unwrap(), expected);
    }
}
