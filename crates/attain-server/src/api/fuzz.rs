//! `unzip`, the reader of the zip uploads of `POST /api/v1/imports`, fed arbitrary bytes, damaged
//! zips and zips of odd entries (issue 17, item 7): it returns the files or an error, never
//! panics, ends within [`BOUND`], never inflates beyond its budget, and keeps input files only;
//! what it keeps is then read as an upload is (`Batch::read` over a `MemorySource`), which must
//! not panic either.
//!
//! proptest is no dependency of this crate: cases come from a seeded generator instead, and a
//! failing case is shrunk by cutting bytes out while it still fails, then printed as a byte
//! string with the seed that made it. `PROPTEST_CASES` sets the number of cases (5,000 by
//! default: well under a second in a debug build), `ATTAIN_FUZZ_SEED` replays a run.

use super::*;

use std::io::Write as _;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The longest one case (unzipping, then reading what it kept) may take.
const BOUND: Duration = Duration::from_secs(if cfg!(debug_assertions) { 5 } else { 1 });

/// A case running this long is taken for a hang: the watchdog prints it and aborts the run.
const HANG: Duration = Duration::from_secs(90);

/// SplitMix64: small, and the same on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number below `n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn byte(&mut self) -> u8 {
        // Half the time a byte that matters to zip headers: small counts, all bits, the signatures.
        const BYTES: &[u8] = b"\x00\x00\x01\x02\x04\x08\x0e\x14\x7f\x80\xff\xffPK\x03\x04\x05\x06\x07\x08";
        if self.next() & 1 == 0 {
            BYTES[self.below(BYTES.len())]
        } else {
            self.next() as u8
        }
    }
}

fn example() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/contoso")
}

fn zip_of(entries: &[(&str, &[u8])], method: zip::CompressionMethod) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let options = zip::write::SimpleFileOptions::default().compression_method(method);
    for (name, bytes) in entries {
        // A name the writer refuses (the same twice) is left out.
        if name.ends_with('/') {
            let _ = zip.add_directory(*name, options);
        } else if zip.start_file(*name, options).is_ok() {
            zip.write_all(bytes).unwrap();
        }
    }
    zip.finish().unwrap();
    out.into_inner()
}

/// Valid zips: the example's files stored and deflated, in a folder, beside what `unzip` passes
/// over (folders, `__MACOSX`, hidden files) or refuses (another file, text that is not UTF-8),
/// one that inflates a thousandfold, and none at all.
fn seeds() -> Vec<Vec<u8>> {
    let files: Vec<(String, Vec<u8>)> = attain_input::FILE_NAMES
        .iter()
        .filter_map(|name| Some((name.to_string(), std::fs::read(example().join(name)).ok()?)))
        .collect();
    let entries: Vec<(&str, &[u8])> = files.iter().map(|(n, b)| (n.as_str(), b.as_slice())).collect();
    let mut folder =
        vec![("contoso/", &b""[..]), ("__MACOSX/._partners.csv", b"\0\x05\x16\x07"), ("contoso/.DS_Store", b"x")];
    let named: Vec<(String, &[u8])> = entries.iter().map(|(n, b)| (format!("contoso/{n}"), *b)).collect();
    folder.extend(named.iter().map(|(n, b)| (n.as_str(), *b)));
    let zeros = vec![b'0'; 1 << 16];
    let (stored, deflated) = (zip::CompressionMethod::Stored, zip::CompressionMethod::Deflated);
    vec![
        zip_of(&entries, stored),
        zip_of(&entries, deflated),
        zip_of(&folder, deflated),
        zip_of(&[("partners.csv", b"partner_id,name,country\nP1,One,US\n"), ("notes.txt", b"hello")], stored),
        zip_of(&[("people.csv", b"person_id,partner_id,name\n\xff\xfe,P1,x\n")], deflated),
        zip_of(&[("measures.csv", &zeros)], deflated),
        zip_of(&[], stored),
    ]
}

/// Names a zip's entry may have besides the input files' own ([`attain_input::ALL_FILE_NAMES`]):
/// in folders, and what `unzip` passes over or refuses.
const ODD_NAMES: &[&str] = &[
    "contoso/partners.csv",
    "../people.csv",
    "/abs/consumption.csv",
    "a\\b\\fx_rates.csv",
    "PARTNERS.CSV",
    "dir/",
    "__MACOSX/._people.csv",
    "contoso/.associations.csv",
    "",
    "notes.txt",
];

/// One case: a seed damaged (in place, or by any edit), a zip of chosen entries whose contents
/// are damaged, or arbitrary bytes (some behind a zip signature, so that they get past the
/// first check).
fn case(rng: &mut Rng, seeds: &[Vec<u8>], texts: &[Vec<u8>]) -> Vec<u8> {
    match rng.below(8) {
        0 => {
            let len = rng.below(600);
            let mut bytes: Vec<u8> = (0..len).map(|_| rng.byte()).collect();
            let signature = match rng.below(3) {
                0 => Some((0, b"PK\x03\x04")),
                1 => Some((bytes.len().saturating_sub(22), b"PK\x05\x06")),
                _ => None,
            };
            if let Some((at, signature)) = signature {
                bytes.splice(at..at, signature.iter().copied());
            }
            bytes
        }
        1..=3 => {
            let mut bytes = seeds[rng.below(seeds.len())].clone();
            for _ in 0..1 + rng.below(3) {
                damage(rng, &mut bytes, true);
            }
            bytes
        }
        4 | 5 => {
            let mut bytes = seeds[rng.below(seeds.len())].clone();
            for _ in 0..1 + rng.below(7) {
                damage(rng, &mut bytes, false);
            }
            bytes
        }
        _ => {
            let mut entries = Vec::new();
            for _ in 0..rng.below(6) {
                let files = attain_input::ALL_FILE_NAMES.len();
                let at = rng.below(files + ODD_NAMES.len());
                let name = if at < files { attain_input::ALL_FILE_NAMES[at] } else { ODD_NAMES[at - files] };
                let mut text = texts[rng.below(texts.len())].clone();
                for _ in 0..rng.below(3) {
                    damage(rng, &mut text, false);
                }
                entries.push((name, text));
            }
            let method = [zip::CompressionMethod::Stored, zip::CompressionMethod::Deflated][rng.below(2)];
            let entries: Vec<(&str, &[u8])> = entries.iter().map(|(n, t)| (*n, t.as_slice())).collect();
            zip_of(&entries, method)
        }
    }
}

/// One edit of `bytes`: in place only (`in_place`), or any.
fn damage(rng: &mut Rng, bytes: &mut Vec<u8>, in_place: bool) {
    let n = bytes.len();
    if n == 0 {
        return;
    }
    match rng.below(if in_place { 3 } else { 7 }) {
        0 => bytes[rng.below(n)] ^= 1 << rng.below(8),
        1 => {
            // A little-endian count, size or offset of a header set to an extreme.
            let at = rng.below(n);
            let value = [0u32, 1, 0xffff, 0x7fff_ffff, 0xffff_ffff][rng.below(5)].to_le_bytes();
            let end = (at + 4).min(n);
            bytes[at..end].copy_from_slice(&value[..end - at]);
        }
        2 | 3 => bytes[rng.below(n)] = rng.byte(),
        4 => {
            let at = rng.below(n + 1);
            let more: Vec<u8> = (0..1 + rng.below(4)).map(|_| rng.byte()).collect();
            bytes.splice(at..at, more);
        }
        5 => {
            let at = rng.below(n);
            bytes.drain(at..(at + 1 + rng.below(32)).min(n));
        }
        _ => {
            let (from, to) = (rng.below(n), rng.below(n + 1));
            let piece = bytes[from..(from + 1 + rng.below(64)).min(n)].to_vec();
            bytes.splice(to..to, piece);
        }
    }
}

/// Whether `bytes` unzip with `budget` bytes to inflate (then reading what they kept), or what is
/// wrong; a panic is left to the caller.
fn fault(bytes: &[u8], budget: u64) -> Result<bool, String> {
    let start = Instant::now();
    let mut left = budget;
    let mut files = BTreeMap::new();
    let unzipped = unzip(bytes, &mut left, &mut files);
    if let Ok(()) = unzipped {
        let kept: u64 = files.values().map(|text| text.len() as u64).sum();
        if left > budget || kept > budget - left {
            return Err(format!("kept {kept} bytes of a budget of {budget}, {left} said to be left"));
        }
        if let Some(name) = files.keys().find(|name| !attain_input::ALL_FILE_NAMES.contains(&name.as_str())) {
            return Err(format!("kept {name}, no input file"));
        }
        let _ = Batch::read(&MemorySource { label: "upload".into(), files });
    }
    let took = start.elapsed();
    if took > BOUND {
        return Err(format!("took {took:?}, over the bound of {BOUND:?}"));
    }
    Ok(unzipped.is_ok())
}

/// Whether a case unzipped, or what went wrong with it, a panic included.
fn outcome(bytes: &[u8], budget: u64) -> Result<bool, String> {
    match catch_unwind(AssertUnwindSafe(|| fault(bytes, budget))) {
        Ok(fault) => fault,
        Err(panic) => {
            let message = panic.downcast_ref::<&str>().map(|s| s.to_string());
            Err(format!(
                "panicked: {}",
                message.or_else(|| panic.downcast_ref::<String>().cloned()).unwrap_or_default()
            ))
        }
    }
}

/// `bytes` with as many bytes cut out as can be while the case still goes wrong (in some way).
fn shrink(mut bytes: Vec<u8>, budget: u64) -> Vec<u8> {
    let mut chunk = bytes.len().div_ceil(2).max(1);
    let deadline = Instant::now() + Duration::from_secs(60);
    while chunk > 0 && Instant::now() < deadline {
        let mut at = 0;
        while at < bytes.len() {
            let cut = [&bytes[..at], &bytes[(at + chunk).min(bytes.len())..]].concat();
            if outcome(&cut, budget).is_err() {
                bytes = cut;
            } else {
                at += chunk;
            }
        }
        chunk /= 2;
    }
    bytes
}

fn cases() -> usize {
    std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(5_000)
}

#[test]
fn fuzz_unzip_arbitrary_and_damaged_zips() {
    let seed = std::env::var("ATTAIN_FUZZ_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos() as u64)
    });
    // The case running, watched: a hang is printed and ends the run rather than the suite's patience.
    static RUNNING: Mutex<Option<(Instant, Vec<u8>)>> = Mutex::new(None);
    std::thread::spawn(|| loop {
        std::thread::sleep(Duration::from_millis(250));
        let running = RUNNING.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((since, bytes)) = running.as_ref().filter(|(since, _)| since.elapsed() > HANG) {
            let _ = writeln!(
                std::io::stderr(),
                "HANG: unzip still running after {:?}: b\"{}\"",
                since.elapsed(),
                bytes.escape_ascii()
            );
            std::process::abort();
        }
    });
    let seeds = seeds();
    let texts: Vec<Vec<u8>> =
        attain_input::FILE_NAMES.iter().filter_map(|name| std::fs::read(example().join(name)).ok()).collect();
    let mut rng = Rng(seed);
    let mut accepted = 0;
    for i in 0..cases() {
        let bytes = case(&mut rng, &seeds, &texts);
        // The budget of a small upload limit, of the default one, none left at all, and none set.
        let budget = [1 << 20, 2 << 30, 4_000, 0, u64::MAX][rng.below(5)];
        *RUNNING.lock().unwrap_or_else(|e| e.into_inner()) = Some((Instant::now(), bytes.clone()));
        let found = outcome(&bytes, budget);
        *RUNNING.lock().unwrap_or_else(|e| e.into_inner()) = None;
        match found {
            Ok(unzipped) => accepted += usize::from(unzipped),
            Err(found) => {
                let small = shrink(bytes, budget);
                let again = outcome(&small, budget).err().unwrap_or(found);
                panic!(
                    "case {i} of ATTAIN_FUZZ_SEED={seed}: {again}\nunzip(b\"{}\", &mut {budget}, ..) ({} bytes)",
                    small.escape_ascii(),
                    small.len()
                );
            }
        }
    }
    eprintln!("unzip: {accepted} of {} cases unzipped (ATTAIN_FUZZ_SEED={seed})", cases());
    // The damage is not all fatal: some zips still unzip.
    assert!(cases() < 100 || accepted > 0, "no case unzipped (ATTAIN_FUZZ_SEED={seed})");
}

/// `attain serve --max-import-mib` of 2^41 or more saturates the budget at `u64::MAX`, and
/// `take(*budget + 1)` overflowed: a panic in debug builds, and in release builds `take(0)`, so
/// that every file of the zip read as empty.
#[test]
fn fuzz_unzip_with_an_unlimited_budget() {
    let zip = zip_of(&[("partners.csv", b"partner_id,name,country\nP1,One,US\n")], zip::CompressionMethod::Stored);
    let (mut files, mut unlimited) = (BTreeMap::new(), u64::MAX);
    unzip(&zip, &mut unlimited, &mut files).unwrap();
    assert_eq!(files["partners.csv"], "partner_id,name,country\nP1,One,US\n");
    assert_eq!(unlimited, u64::MAX - 34);
}
