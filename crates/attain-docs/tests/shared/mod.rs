//! The pages the project started from and the published corpus live outside the repository
//! (they may not be copied into it): in the folder `ATTAIN_SHARED` names, else in `../shared`
//! beside the clone, which `.ci/run` looks for.

use std::path::{Path, PathBuf};

/// `sub` (e.g. `seeds`, `corpus/pages`) of the shared folder; `None`, after saying SKIPPED where
/// the test output shows it, when there is none.
pub fn folder(sub: &str, test: &str) -> Option<PathBuf> {
    let beside = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    let found = std::env::var_os("ATTAIN_SHARED")
        .map(PathBuf::from)
        .into_iter()
        .chain([beside])
        .map(|p| p.join(sub))
        .find(|p| p.is_dir());
    if found.is_none() {
        // Straight to standard error: the harness hides eprintln! of a passing test.
        use std::io::Write;
        let _ = writeln!(std::io::stderr(), "SKIPPED {test}: no ATTAIN_SHARED and no ../shared beside the clone");
    }
    found
}
