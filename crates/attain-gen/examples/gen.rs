//! `attain gen` without the rest of attain, for trying shapes out:
//!
//!     cargo run --release -p attain-gen --example gen -- OUT PARTNERS [competency|points] [SEED] [MONTHS] [CUSTOMERS]
use attain_gen::{generate, Profile, Shape};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: gen OUT PARTNERS [competency|points] [SEED] [MONTHS] [CUSTOMERS]";
    let out = args.first().expect(usage);
    let profile = match args.get(2).map(String::as_str) {
        None | Some("competency") => Profile::Competency,
        Some("points") => Profile::Points,
        Some(other) => panic!("unknown profile {other:?}; {usage}"),
    };
    let base = Shape::with_profile(profile);
    let number = |i: usize, default: u64| args.get(i).map_or(default, |s| s.parse().expect(usage));
    let shape = Shape {
        partners: number(1, 1000) as u32,
        seed: number(3, base.seed),
        months: number(4, u64::from(base.months)) as u32,
        customers_per_partner: number(5, u64::from(base.customers_per_partner)) as u32,
        ..base
    };
    let written = generate(&shape, std::path::Path::new(out)).expect("generate");
    eprintln!("{written:?}");
}
