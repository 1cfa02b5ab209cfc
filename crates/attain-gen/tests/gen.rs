use attain_gen::{generate, Order, Profile, Shape};

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

/// FNV-1a 64 over the files' names and bytes, in name order.
fn fingerprint(files: &[(String, String)]) -> u64 {
    let mut hash = 0xcbf2_9ce4_8422_2325u64;
    for (name, text) in files {
        for byte in name.bytes().chain(text.bytes()) {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    hash
}

#[test]
fn the_default_profile_writes_exactly_what_it_always_did() {
    // The fingerprint of the output before profiles existed (attain gen --partners 37 --months 14
    // --seed 7 --customers 3): the Cloud Platform benchmarks depend on these bytes.
    let base = std::env::temp_dir().join(format!("attain-gen-compat-{}", std::process::id()));
    let shape = Shape { partners: 37, months: 14, seed: 7, customers_per_partner: 3, ..Shape::default() };
    assert_eq!(shape.profile, Profile::Competency);
    assert_eq!(shape.last_month, jiff::civil::date(2018, 7, 1));
    generate(&shape, &base).unwrap();
    let files = read_all(&base);
    assert_eq!(fingerprint(&files), 0x8403_b870_e661_8751);
    let consumption = &files.iter().find(|(n, _)| n == "consumption.csv").unwrap().1;
    assert!(consumption.starts_with("customer_id,date,amount,currency\n"));
    let _ = std::fs::remove_dir_all(&base);
}

fn rows<'a>(files: &'a [(String, String)], name: &str) -> Vec<Vec<&'a str>> {
    let text = &files.iter().find(|(n, _)| n == name).unwrap_or_else(|| panic!("{name} missing")).1;
    text.lines().map(|l| l.split(',').collect()).collect()
}

fn column<'a>(table: &[Vec<&'a str>], name: &str) -> Vec<&'a str> {
    let at = table[0].iter().position(|h| *h == name).unwrap_or_else(|| panic!("no column {name}"));
    table[1..].iter().map(|r| r[at]).collect()
}

#[test]
fn the_points_profile_is_deterministic_and_has_services_offers_kinds_and_expiry() {
    let base = std::env::temp_dir().join(format!("attain-gen-points-{}", std::process::id()));
    let shape = Shape { partners: 120, ..Shape::with_profile(Profile::Points) };
    assert_eq!(shape.last_month, jiff::civil::date(2024, 8, 1));
    let written = generate(&shape, &base.join("a")).unwrap();
    generate(&shape, &base.join("b")).unwrap();
    generate(&Shape { seed: 2, ..shape.clone() }, &base.join("c")).unwrap();
    let files = read_all(&base.join("a"));
    assert_eq!(files, read_all(&base.join("b")));
    assert_ne!(files, read_all(&base.join("c")));
    assert_eq!(written.partners, 120);

    let consumption = rows(&files, "consumption.csv");
    assert_eq!(consumption[0], ["customer_id", "date", "amount", "currency", "service", "offer"]);
    assert_eq!(written.consumption as usize, consumption.len() - 1);
    let services: std::collections::BTreeSet<_> = column(&consumption, "service").into_iter().collect();
    for s in [
        "Virtual Machines",
        "Virtual Machines Licenses",
        "Storage",
        "Azure Kubernetes Service",
        "Azure SQL Database",
        "Azure Monitor",
        "Azure Virtual Desktop",
        "Azure Backup",
        "",
    ] {
        assert!(services.contains(s), "service {s:?} never occurs");
    }
    let offers = column(&consumption, "offer");
    let plain = offers.iter().filter(|o| o.is_empty()).count();
    assert!(plain * 10 > offers.len() * 8, "offers are mostly empty: {plain} of {}", offers.len());
    for o in ["Trial", "Support", "Benefit Program", "Internal"] {
        assert!(offers.contains(&o), "offer {o:?} never occurs");
    }
    assert!(offers.iter().all(|o| ["", "Trial", "Support", "Benefit Program", "Internal"].contains(o)));
    let dates = column(&consumption, "date");
    assert!(dates.iter().min().unwrap() <= &"2022-05-01" && dates.iter().max().unwrap() >= &"2024-07-01");
    assert!(dates.iter().all(|d| *d < "2024-08-01"));

    let associations = rows(&files, "associations.csv");
    let kinds = column(&associations, "kind");
    for k in ["CSP", "DPOR", "PAL", "TPOR", "DAP"] {
        assert!(kinds.contains(&k), "kind {k} never occurs");
    }
    let counting = kinds.iter().filter(|k| ["CSP", "DPOR", "PAL"].contains(k)).count();
    assert!(counting * 10 > kinds.len() * 6, "most associations count: {counting} of {}", kinds.len());
    for (start, end) in column(&associations, "start").iter().zip(column(&associations, "end")) {
        assert!(end.is_empty() || *start <= end, "{start} .. {end}");
    }

    let achievements = rows(&files, "achievements.csv");
    assert_eq!(achievements[0], ["person_id", "credential", "date", "expires"]);
    let credentials = column(&achievements, "credential");
    for c in [
        "certification:azure-administrator-associate",
        "certification:azure-solutions-architect-expert",
        "certification:azure-network-engineer-associate",
        "certification:azure-stack-hub-operator-associate",
        "certification:windows-server-hybrid-administrator-associate",
        "certification:azure-virtual-desktop-specialty",
        "certification:azure-for-sap-workloads-specialty",
    ] {
        assert!(credentials.contains(&c), "{c} never occurs");
    }
    let expires = column(&achievements, "expires");
    assert!(expires.iter().any(|e| e.is_empty()) && expires.iter().any(|e| !e.is_empty()));
    assert!(expires.iter().any(|e| !e.is_empty() && *e < "2024-07-15"), "some have expired");
    for (earned, until) in column(&achievements, "date").iter().zip(&expires) {
        assert!(until.is_empty() || earned < until);
    }

    let people = rows(&files, "people.csv");
    let (joined, left) = (column(&people, "joined"), column(&people, "left"));
    assert!(joined.iter().any(|d| d.is_empty()) && joined.iter().any(|d| !d.is_empty()));
    assert!(left.iter().any(|d| !d.is_empty()));
    for (j, l) in joined.iter().zip(&left) {
        assert!(j.is_empty() || l.is_empty() || j <= l);
    }
    let _ = std::fs::remove_dir_all(&base);
}

#[test]
fn every_order_writes_the_same_rows_in_its_own_order() {
    let base = std::env::temp_dir().join(format!("attain-gen-order-{}", std::process::id()));
    let shape = Shape { partners: 30, months: 14, customers_per_partner: 4, ..Shape::default() };
    let mut contents = Vec::new();
    for (name, order) in [("customer", Order::Customer), ("date", Order::Date), ("random", Order::Random)] {
        generate(&Shape { order, ..shape.clone() }, &base.join(name)).unwrap();
        let files = read_all(&base.join(name));
        assert_eq!(files.len(), 6, "{name}: no bucket left behind");
        contents.push((name, files));
    }
    let consumption =
        |files: &[(String, String)]| files.iter().find(|(n, _)| n == "consumption.csv").unwrap().1.clone();
    let (customer, date, random) =
        (consumption(&contents[0].1), consumption(&contents[1].1), consumption(&contents[2].1));
    // Only consumption.csv differs, and only in its order.
    for (_, files) in &contents[1..] {
        let others =
            |f: &[(String, String)]| f.iter().filter(|(n, _)| n != "consumption.csv").cloned().collect::<Vec<_>>();
        assert_eq!(others(files), others(&contents[0].1));
    }
    let sorted = |text: &str| {
        let mut lines: Vec<&str> = text.lines().collect();
        lines[1..].sort_unstable();
        lines.join("\n")
    };
    assert_eq!(sorted(&date), sorted(&customer));
    assert_eq!(sorted(&random), sorted(&customer));
    assert_eq!(date.lines().next(), customer.lines().next(), "the header stays first");
    // By date: dates never go back, and a day's rows keep the customers' order.
    let rows: Vec<(&str, &str)> = date
        .lines()
        .skip(1)
        .map(|l| {
            let mut f = l.split(',');
            (f.next().unwrap(), f.next().unwrap())
        })
        .collect();
    assert!(rows.windows(2).all(|w| w[0].1 < w[1].1 || w[0].1 == w[1].1 && w[0].0 <= w[1].0));
    // Shuffled: neither by customer nor by date.
    assert_ne!(random, customer);
    assert_ne!(random, date);
    let _ = std::fs::remove_dir_all(&base);
}
