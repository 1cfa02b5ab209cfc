//! [`Profile::Points`](super::Profile::Points): data shaped like a points-scored program
//! (Solutions Partner for Infrastructure, SPEC section 6).
//!
//! Every partner draws a hidden strength in [0, 1). Strong partners grow their customers'
//! consumption, onboard more new customers and lose fewer, sell a broader portfolio of Azure
//! services and employ more people with current role-based certifications; weak ones decline.
//! Noise on each of those keeps the five metrics only loosely tied, so each spreads over its
//! points and about a third of partners reach the designation as of 2024-07-15 with the
//! profile's default months (2021-08 through 2024-07).
//!
//! Months are counted back from the end: with `n` months generated, month `n - 2` plays "M"
//! (the month before the as-of date's month), so the same shape of history sits at the end of
//! whatever `last_month` says.

use std::io::{self, Write};
use std::path::Path;

use jiff::civil::{date, Date};
use jiff::ToSpan;

use super::{file, Rng, Shape, Written, COUNTRIES, CURRENCIES};

/// Azure services at "service level 2" a partner may sell beside virtual machines, with a
/// weight for how common they are in a portfolio.
const SERVICES: [(&str, u32); 20] = [
    ("Storage", 10),
    ("Virtual Network", 8),
    ("Azure Monitor", 8),
    ("Azure Backup", 7),
    ("Azure SQL Database", 7),
    ("Azure Kubernetes Service", 6),
    ("Azure Site Recovery", 5),
    ("Log Analytics", 5),
    ("Azure App Service", 5),
    ("Azure Virtual Desktop", 4),
    ("Azure Firewall", 4),
    ("Load Balancer", 4),
    ("Azure Files", 3),
    ("VPN Gateway", 3),
    ("Azure Bastion", 3),
    ("Microsoft Defender for Cloud", 3),
    ("Azure DNS", 2),
    ("Azure Arc", 2),
    ("Azure NetApp Files", 1),
    ("Azure VMware Solution", 1),
];
const VM: &str = "Virtual Machines";
const VM_LICENSES: &str = "Virtual Machines Licenses";

/// Credentials that program lists, by role in its metrics.
const ADMIN: &str = "certification:azure-administrator-associate";
const ARCHITECT: &str = "certification:azure-solutions-architect-expert";
const INTERMEDIATE: [&str; 3] = [
    "certification:azure-network-engineer-associate",
    "certification:windows-server-hybrid-administrator-associate",
    "certification:azure-stack-hub-operator-associate",
];
const ADVANCED: [&str; 2] =
    ["certification:azure-virtual-desktop-specialty", "certification:azure-for-sap-workloads-specialty"];
/// Azure Stack Hub operator retired on this date: nobody earns it later.
const STACK_HUB_RETIRED: Date = date(2023, 7, 31);
/// Credentials it does not list: they never count and are not an error.
const OTHERS: [&str; 9] = [
    "certification:azure-fundamentals",
    "certification:azure-developer-associate",
    "certification:azure-security-engineer-associate",
    "certification:devops-engineer-expert",
    "certification:azure-data-engineer-associate",
    "certification:azure-ai-engineer-associate",
    "certification:mcsa-linux-on-azure",
    "exam:AZ-104",
    "exam:70-533",
];

/// Association kinds and their share of customers: CSP, DPOR and PAL count in the points
/// program, TPOR and DAP do not.
const KINDS: [(&str, f64); 5] = [("CSP", 0.38), ("DPOR", 0.22), ("PAL", 0.22), ("TPOR", 0.10), ("DAP", 0.08)];

fn day(d: Date) -> String {
    d.strftime("%Y-%m-%d").to_string()
}

/// `count` distinct services drawn by weight.
fn portfolio(rng: &mut Rng, count: usize) -> Vec<&'static str> {
    let total: u32 = SERVICES.iter().map(|(_, w)| w).sum();
    let mut chosen: Vec<&'static str> = Vec::new();
    while chosen.len() < count.min(SERVICES.len()) {
        let mut pick = rng.below(u64::from(total)) as u32;
        let (name, _) = SERVICES
            .iter()
            .find(|(_, w)| {
                let hit = pick < *w;
                pick = pick.saturating_sub(*w);
                hit
            })
            .expect("pick < total");
        if !chosen.contains(name) {
            chosen.push(name);
        }
    }
    chosen
}

/// One customer's history, in month indexes into the generated months (may be negative: before
/// the first generated month).
struct Customer {
    onboard: i64,
    churn: Option<i64>,
    /// Monthly USD spend around month "M", when mature.
    size: f64,
    /// Yearly growth of its spend.
    growth: f64,
    /// Virtual machines, licences, and the other services it uses.
    vm: bool,
    licenses: bool,
    services: Vec<&'static str>,
    /// None for USD, else an index into CURRENCIES.
    currency: Option<usize>,
    trial_first_month: bool,
    /// Months `[from, to)` billed under a benefit program.
    benefit: Option<(i64, i64)>,
}

pub(super) fn generate(
    shape: &Shape,
    dir: &Path,
    rng: &mut Rng,
    months: &[Date],
    per_unit: &[Vec<f64>],
    mut written: Written,
) -> io::Result<Written> {
    let mut partners = file(dir, "partners.csv", "partner_id,name,country,market")?;
    let mut associations = file(dir, "associations.csv", "partner_id,customer_id,kind,start,end")?;
    let mut consumption = file(dir, "consumption.csv", "customer_id,date,amount,currency,service,offer")?;
    let mut people = file(dir, "people.csv", "person_id,partner_id,name,joined,left")?;
    let mut achievements = file(dir, "achievements.csv", "person_id,credential,date,expires")?;
    let count = months.len() as i64;
    // "M": the month before the last generated one.
    let m_index = count - 2;
    let first = months.first().copied().unwrap_or(shape.last_month);
    let month_at = |i: i64| first.saturating_add((i as i32).months());
    let data_end = shape.last_month.first_of_month().saturating_sub(1.day());
    let n = shape.partners.max(1);

    for p in 0..n {
        let pid = format!("P{p:07}");
        let country = COUNTRIES[rng.below(COUNTRIES.len() as u64) as usize];
        let market = if rng.chance(0.02) { ["developed", "emerging"][rng.below(2) as usize] } else { "" };
        writeln!(partners, "{pid},Partner {p} {country},{country},{market}")?;
        written.partners += 1;

        let strength = rng.unit().powf(0.8);
        // Yearly growth of the partner's book: weak partners shrink, strong ones grow.
        let growth = -0.15 + 0.3 * strength + (rng.unit() - 0.5) * 0.16;
        let scale = 450.0 * rng.pareto(1.4) * (0.5 + strength);
        let breadth = ((strength * 8.0 + rng.unit() * 3.0 - 1.0).max(0.0) as usize).min(10);
        let offered = portfolio(rng, breadth);
        // One partner in twenty-five started within the last year: no base year to grow from.
        let newcomer = rng.chance(0.04);
        let p_new = if newcomer { 1.0 } else { 0.05 + 0.3 * strength };
        let p_churn = 0.28 - 0.22 * strength;

        let mut book = Vec::new();
        for _ in 0..shape.customers_per_partner {
            let new = rng.chance(p_new);
            let onboard = if new {
                // Within the last year: these make net customer adds.
                m_index - 12 + rng.below(13) as i64
            } else if rng.chance(0.08) {
                // During the base year of usage growth.
                m_index - 23 + rng.below(11) as i64
            } else {
                // Established: up to three years before the base year.
                m_index - 24 - rng.below(36) as i64
            };
            // New customers of strong partners come in bigger; most start smaller than the book.
            let boost = if new { 0.8 + 1.2 * strength } else { 1.0 };
            let size = scale * rng.pareto(2.5) * boost * (0.6 + rng.unit() * 0.8);
            // Small customers churn more readily than big ones.
            let p_churn = if size > 2.0 * scale { p_churn / 4.0 } else { p_churn };
            let churn =
                if rng.chance(p_churn) { Some(onboard.max(0) + 3 + rng.below(count as u64 + 6) as i64) } else { None };
            let churn = churn.filter(|&c| c < count);
            let vm = rng.chance(0.93);
            let licenses = vm && rng.chance(0.25);
            let mut services = Vec::new();
            if !offered.is_empty() {
                for _ in 0..(usize::from(!vm) + rng.below(3) as usize).min(offered.len()) {
                    let s = offered[rng.below(offered.len() as u64) as usize];
                    if !services.contains(&s) {
                        services.push(s);
                    }
                }
            }
            let currency = if rng.chance(0.75) { None } else { Some(rng.below(CURRENCIES.len() as u64) as usize) };
            let trial_first_month = new && rng.chance(0.35);
            let benefit = if rng.chance(0.05) {
                let from = rng.below(count as u64) as i64;
                Some((from, from + 3 + rng.below(4) as i64))
            } else {
                None
            };
            book.push(Customer {
                onboard,
                churn,
                size,
                growth: (growth + (rng.unit() - 0.5) * 0.2).max(-0.7),
                vm,
                licenses,
                services,
                currency,
                trial_first_month,
                benefit,
            });
        }

        for (c, customer) in book.iter().enumerate() {
            let cid = format!("C{p:07}-{c:02}");
            write_associations(&mut associations, rng, &mut written, &pid, &cid, customer, n, p, &month_at, count)?;
            let from = customer.onboard.max(0);
            let to = customer.churn.unwrap_or(count);
            for m in from..to {
                let month = months[m as usize];
                let age = m - customer.onboard;
                let ramp = ((age + 1) as f64 / 4.0).min(1.0);
                let trend = (1.0 + customer.growth).powf((m - m_index) as f64 / 12.0);
                let total = customer.size * ramp * trend * (0.85 + rng.unit() * 0.3);
                let offer = if customer.trial_first_month && age == 0 {
                    "Trial"
                } else if customer.benefit.is_some_and(|(a, b)| a <= m && m < b) {
                    "Benefit Program"
                } else {
                    ""
                };
                // Split the month over the customer's services: virtual machines take the most.
                let mut parts: Vec<(&str, f64)> = Vec::new();
                let others = customer.services.len() as f64;
                let vm_share = if customer.vm {
                    if others > 0.0 {
                        0.45 + rng.unit() * 0.35
                    } else {
                        1.0
                    }
                } else {
                    0.0
                };
                if customer.vm {
                    let licenses = if customer.licenses { 0.2 } else { 0.0 };
                    parts.push((VM, total * vm_share * (1.0 - licenses)));
                    if customer.licenses {
                        parts.push((VM_LICENSES, total * vm_share * licenses));
                    }
                }
                for s in &customer.services {
                    parts.push((s, total * (1.0 - vm_share) / others * (0.5 + rng.unit())));
                }
                // One row in a hundred has no service recorded.
                for (service, usd) in parts {
                    let service = if rng.chance(0.01) { "" } else { service };
                    let date = month.saturating_add((rng.below(28) as i32).days());
                    let sign = if rng.chance(0.005) { -1.0 } else { 1.0 };
                    write_row(
                        &mut consumption,
                        &cid,
                        date,
                        sign * usd,
                        customer.currency,
                        m as usize,
                        per_unit,
                        service,
                        offer,
                    )?;
                    written.consumption += 1;
                }
                // Support plans are billed beside consumption and never count.
                if rng.chance(0.04) {
                    let date = month.saturating_add((rng.below(28) as i32).days());
                    let fee = [29.0, 100.0, 1000.0][rng.below(3) as usize];
                    write_row(&mut consumption, &cid, date, fee, None, m as usize, per_unit, "", "Support")?;
                    written.consumption += 1;
                }
            }
        }

        // The partner's own subscriptions: Internal, never counting, whatever the association.
        if rng.chance(0.3) {
            let cid = format!("C{p:07}-IN");
            writeln!(associations, "{pid},{cid},CSP,{},", day(month_at(-6)))?;
            written.associations += 1;
            let service = offered.first().copied().unwrap_or("Storage");
            for (m, month) in months.iter().enumerate() {
                for (s, share) in [(VM, 0.7), (service, 0.3)] {
                    let date = month.saturating_add((rng.below(28) as i32).days());
                    let usd = scale * share * (0.8 + rng.unit() * 0.4);
                    write_row(&mut consumption, &cid, date, usd, None, m, per_unit, s, "Internal")?;
                    written.consumption += 1;
                }
            }
        }

        // Staff: more, and better certified, at strong partners.
        let staff = 1 + (strength * 11.0 + rng.unit() * 4.0) as u64;
        for e in 0..staff {
            let eid = format!("E{p:07}-{e:02}");
            let joined = if rng.chance(0.75) {
                Some(date(2015, 1, 1).saturating_add((rng.below(3500) as i32).days()))
            } else {
                None
            };
            let left = if rng.chance(0.1) {
                let from = joined.unwrap_or(date(2018, 1, 1));
                day(from.saturating_add((100 + rng.below(2500) as i32).days()))
            } else {
                String::new()
            };
            writeln!(people, "{eid},{pid},Person {p}-{e},{},{left}", joined.map(day).unwrap_or_default())?;
            written.people += 1;
            let mut held: Vec<&str> = Vec::new();
            if rng.chance(0.25 + 0.6 * strength) {
                held.push(ADMIN);
            }
            if rng.chance(0.2 + 0.65 * strength) {
                held.push(ARCHITECT);
            }
            for _ in 0..(u64::from(rng.chance(0.12 + 0.5 * strength)) + u64::from(rng.chance(0.1))) {
                let roll = rng.unit();
                held.push(
                    INTERMEDIATE[if roll < 0.45 {
                        1
                    } else if roll < 0.85 {
                        0
                    } else {
                        2
                    }],
                );
            }
            if rng.chance(0.08 + 0.45 * strength) {
                held.push(ADVANCED[usize::from(rng.chance(0.35))]);
            }
            for _ in 0..rng.below(4) {
                held.push(OTHERS[rng.below(OTHERS.len() as u64) as usize]);
            }
            let renew = 0.55 + 0.4 * strength;
            for credential in held {
                let last = if credential == INTERMEDIATE[2] { STACK_HUB_RETIRED } else { data_end };
                let span = (last - date(2020, 1, 1)).get_days().max(1);
                let earned = date(2020, 1, 1).saturating_add((rng.below(span as u64) as i32).days());
                let listed = !OTHERS.contains(&credential);
                // Role-based certifications last a year and are renewed, if at all, in the six
                // months before they expire (and never after the data ends).
                let expires = if rng.chance(if listed { 0.15 } else { 0.5 }) {
                    String::new()
                } else {
                    let mut until = earned.saturating_add(1.year());
                    while until.saturating_sub(6.months()) <= data_end && rng.chance(renew) {
                        until = until.saturating_add(1.year());
                    }
                    day(until)
                };
                writeln!(achievements, "{eid},{credential},{},{expires}", day(earned))?;
                written.achievements += 1;
            }
        }
    }
    for w in [&mut partners, &mut associations, &mut consumption, &mut people, &mut achievements] {
        w.flush()?;
    }
    Ok(written)
}

#[allow(clippy::too_many_arguments)]
fn write_row(
    out: &mut impl Write,
    cid: &str,
    date: Date,
    usd: f64,
    currency: Option<usize>,
    month: usize,
    per_unit: &[Vec<f64>],
    service: &str,
    offer: &str,
) -> io::Result<()> {
    match currency {
        None => writeln!(out, "{cid},{},{usd:.2},USD,{service},{offer}", day(date)),
        Some(k) => {
            let amount = usd / per_unit[k][month];
            let decimals = if matches!(CURRENCIES[k].0, "JPY" | "KRW") { 0 } else { 2 };
            writeln!(out, "{cid},{},{amount:.decimals$},{},{service},{offer}", day(date), CURRENCIES[k].0)
        }
    }
}

/// The customer's associations: one main kind, sometimes linked late, ended when it churned,
/// sometimes a second overlapping counting one or a DAP beside it, sometimes another partner's.
#[allow(clippy::too_many_arguments)]
fn write_associations(
    out: &mut impl Write,
    rng: &mut Rng,
    written: &mut Written,
    pid: &str,
    cid: &str,
    customer: &Customer,
    partners: u32,
    p: u32,
    month_at: &impl Fn(i64) -> Date,
    count: i64,
) -> io::Result<()> {
    let mut roll = rng.unit();
    let kind = KINDS
        .iter()
        .find(|(_, share)| {
            let hit = roll < *share;
            roll -= share;
            hit
        })
        .map_or("CSP", |(k, _)| k);
    // One in ten is linked a few months after the customer started consuming.
    let late = if rng.chance(0.1) { 1 + rng.below(4) as i64 } else { 0 };
    let start = month_at(customer.onboard + late).saturating_add((rng.below(28) as i32).days());
    let end = match customer.churn {
        Some(churn) if rng.chance(0.7) => Some(month_at(churn).saturating_add((rng.below(40) as i32).days())),
        _ if rng.chance(0.04) => Some(month_at(customer.onboard.max(0) + 2 + rng.below(count as u64) as i64)),
        _ => None,
    };
    // Never before its start (a late link of a customer that left soon after).
    let end = end.map(|end| day(end.max(start.saturating_add(30.days())))).unwrap_or_default();
    writeln!(out, "{pid},{cid},{kind},{},{end}", day(start))?;
    written.associations += 1;
    if matches!(kind, "CSP" | "DPOR" | "PAL") && rng.chance(0.1) {
        // A reseller that also links its partner id: a row must still count once.
        let second = if kind == "PAL" { "CSP" } else { "PAL" };
        writeln!(out, "{pid},{cid},{second},{},", day(start.saturating_add((rng.below(200) as i32).days())))?;
        written.associations += 1;
    }
    if kind != "DAP" && rng.chance(0.06) {
        writeln!(out, "{pid},{cid},DAP,{},", day(start))?;
        written.associations += 1;
    }
    if partners > 1 && rng.chance(0.12) {
        // Another partner works with this customer too.
        let other = (p + 1 + rng.below(u64::from(partners - 1)) as u32) % partners;
        let kind = ["PAL", "DPOR", "TPOR", "DAP"][rng.below(4) as usize];
        writeln!(out, "P{other:07},{cid},{kind},{},", day(start))?;
        written.associations += 1;
    }
    Ok(())
}
