use attain_gen::{generate, Shape};

fn read_all(dir: &std::path::Path) -> Vec<(String, String)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(&p).unwrap()))
        .collect();
    files.sort();
    files
}

#[test]
fn the_same_seed_gives_the_same_bytes_and_another_seed_does_not() {
    let base = std::env::temp_dir().join(format!("attain-gen-{}", std::process::id()));
    let shape = Shape { partners: 40, months: 14, ..Shape::default() };
    let written = generate(&shape, &base.join("a")).unwrap();
    generate(&shape, &base.join("b")).unwrap();
    generate(&Shape { seed: 2, ..shape.clone() }, &base.join("c")).unwrap();
    assert_eq!(read_all(&base.join("a")), read_all(&base.join("b")));
    assert_ne!(read_all(&base.join("a")), read_all(&base.join("c")));
    assert_eq!(written.partners, 40);
    assert_eq!(written.consumption, 40 * 10 * 14);
    assert_eq!(written.rates, 5 * 14);
    let _ = std::fs::remove_dir_all(&base);
}
