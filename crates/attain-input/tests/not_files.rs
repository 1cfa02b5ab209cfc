//! Inputs that are not what a folder of exports holds: a FIFO, a device behind a link, a folder
//! named like a file, a file without line breaks. Each is refused with its path and a reason,
//! at once and in bounded memory; none blocks the reader.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

fn example() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/contoso"))
}

/// The example's files in a folder of the test's own, `consumption.csv` left for `make` to put.
fn folder(name: &str, make: impl FnOnce(&Path)) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("attain-not-files-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for file in attain_input::FILE_NAMES.iter().filter(|f| **f != "consumption.csv") {
        if example().join(file).exists() {
            std::fs::copy(example().join(file), dir.join(file)).unwrap();
        }
    }
    make(&dir.join("consumption.csv"));
    dir
}

/// The errors of reading `dir`, within ten seconds (a reader that blocks fails the test).
fn errors_of(dir: &Path) -> String {
    let (done, result) = mpsc::channel();
    let owned = dir.to_owned();
    std::thread::spawn(move || {
        let _ = done.send(attain_input::read_dir(&owned).map(|_| ()).map_err(|e| e.to_string()));
    });
    let read = result.recv_timeout(Duration::from_secs(10)).expect("the reader returned instead of blocking");
    let _ = std::fs::remove_dir_all(dir);
    read.expect_err("refused")
}

#[test]
fn a_fifo_is_refused_without_being_opened() {
    let dir = folder("fifo", |path| {
        let status = std::process::Command::new("mkfifo").arg(path).status().expect("mkfifo runs");
        assert!(status.success());
    });
    let errors = errors_of(&dir);
    assert!(errors.contains("consumption.csv") && errors.contains("not a regular file"), "{errors}");
}

#[test]
fn a_device_behind_a_link_is_refused() {
    let dir = folder("device", |path| std::os::unix::fs::symlink("/dev/zero", path).unwrap());
    let errors = errors_of(&dir);
    assert!(errors.contains("consumption.csv") && errors.contains("not a regular file"), "{errors}");
}

#[test]
fn a_folder_named_like_a_file_is_refused() {
    let dir = folder("folder", |path| std::fs::create_dir(path).unwrap());
    let errors = errors_of(&dir);
    assert!(errors.contains("consumption.csv") && errors.contains("not a regular file"), "{errors}");
}

#[test]
fn a_line_longer_than_a_line_may_hold_is_an_error_not_a_buffer_without_end() {
    let dir = folder("long-line", |path| {
        let mut text = String::from("customer_id,date,amount,currency\nC-ALPINE,2017-01-28,4200.00,USD\n");
        text.push_str(&"x".repeat(attain_input::MAX_LINE_BYTES as usize + 10));
        std::fs::write(path, text).unwrap();
    });
    let errors = errors_of(&dir);
    assert!(errors.contains("consumption.csv") && errors.contains("line 3 runs past 1048576 bytes"), "{errors}");
}
