//! The table of credited consumption that the job of `attain spark-job` writes: Parquet (a
//! folder of parts, as Spark writes it, or one file) or CSV, read like every input file, with
//! errors that name the part, the row and the column.
//!
//! | column | value |
//! |---|---|
//! | `basis` | the id of the first version of a credit basis (`Program::credit_bases`) |
//! | `partner_id` | a partner of the data folder |
//! | `month` | the month: `YYYY-MM`, or its first day (a Parquet `DATE`) |
//! | `micros` | the credited sum, in micro-units of the program's currency (64-bit integer) |
//! | `latest` | the date of the latest credited row summed, inside the month |
//! | [`customer_id`], [`service`], [`offer`] | present when the program's measures need them |

use std::collections::HashMap;
use std::path::Path;

use attain_engine::{month_number, CreditGroup, CreditTable, Facts, Label};
use attain_rules::{CreditBasis, Program};

use crate::table::{Row, Table};
use crate::{in_parallel, parse_date, DirSource, InputError, InputErrors, Source};

const REQUIRED: [&str; 5] = ["basis", "partner_id", "month", "micros", "latest"];
const OPTIONAL: [&str; 3] = ["customer_id", "service", "offer"];

/// Reads the credits at `path` for `program`, whose partners are those of `facts` (sorted here
/// by id, as the table's partner numbers count them); service and offer texts are added to
/// `facts`'s labels. All or nothing, as every reader.
pub fn read_credits(path: &Path, program: &Program, facts: &mut Facts) -> Result<CreditTable, InputErrors> {
    let mut errors = InputErrors::default();
    facts.partners.sort_by(|a, b| a.id.cmp(&b.id));
    let bases = program.credit_bases();
    let located = |message: String| InputError { file: path.display().to_string(), line: None, column: None, message };
    let (parent, name) = match (path.parent(), path.file_name().and_then(|n| n.to_str())) {
        (Some(parent), Some(name)) => (parent, name),
        _ => return Err(InputErrors(vec![located("not a file or folder name".into())])),
    };
    let parent = if parent.as_os_str().is_empty() { Path::new(".") } else { parent };
    let source = DirSource(parent);
    let parts = match source.parts(name) {
        Ok(Some(parts)) if parts.is_empty() => {
            return Err(InputErrors(vec![located("the folder holds no *.parquet or *.csv part".into())]))
        }
        Ok(Some(parts)) => parts,
        Ok(None) => vec![name.to_owned()],
        Err(e) => return Err(InputErrors(vec![located(format!("cannot read: {e}"))])),
    };
    let partner_of = |id: &str| facts.partners.binary_search_by(|p| p.id.as_str().cmp(id)).ok();
    let read_part = |part: &String| {
        let mut read = Part::default();
        if let Some(mut table) = Table::open_part(&source, part, &REQUIRED, &OPTIONAL, &mut read.errors) {
            let mut errors = InputErrors::default();
            table.each(&mut errors, |row| read.row(row, &bases, &partner_of));
            read.errors.0.extend(errors.0);
        }
        read
    };
    let (mut customers, mut customer_numbers, mut labels) = (Vec::new(), HashMap::new(), HashMap::new());
    let mut groups = Vec::new();
    for part in in_parallel(&parts, read_part) {
        for e in part.errors.0 {
            if !errors.full() {
                errors.0.push(e);
            }
        }
        if !errors.0.is_empty() {
            continue;
        }
        let customer: Vec<u32> = part
            .customers
            .into_iter()
            .map(|id| {
                let next = customers.len() as u32;
                *customer_numbers.entry(id).or_insert_with_key(|id: &String| {
                    customers.push(id.clone());
                    next
                })
            })
            .collect();
        let relabel = facts.intern_all(&mut labels, &part.interned);
        groups.extend(part.groups.into_iter().map(|mut g| {
            g.customer = g.customer.map(|c| customer[c as usize]);
            g.service = relabel[g.service.0 as usize];
            g.offer = relabel[g.offer.0 as usize];
            g
        }));
    }
    match errors.0.is_empty() {
        true => Ok(CreditTable { bases, customers, groups }),
        false => Err(errors),
    }
}

/// What one part holds, customers and labels numbered by the part.
#[derive(Default)]
struct Part {
    groups: Vec<CreditGroup>,
    customers: Vec<String>,
    customer_numbers: HashMap<String, u32>,
    /// Service and offer texts, numbered as `Facts` numbers labels.
    interned: Facts,
    known_labels: HashMap<String, Label>,
    errors: InputErrors,
}

impl Part {
    fn row(&mut self, row: &mut Row<'_>, bases: &[CreditBasis], partner_of: &dyn Fn(&str) -> Option<usize>) {
        let basis = row.parse("basis", |id| {
            bases.iter().position(|b| b.id == id).map(|b| b as u8).ok_or_else(|| {
                let known = bases.iter().map(|b| b.id.as_str()).collect::<Vec<_>>().join(", ");
                format!("no credit basis {id:?} in this program (its bases: {known}); write the job again with `attain spark-job`")
            })
        });
        let partner = row.parse("partner_id", |id| {
            partner_of(id).map(|p| p as u32).ok_or_else(|| format!("unknown partner {id:?} (not in partners.csv)"))
        });
        let month = row.parse("month", |text| {
            // `YYYY-MM`, as fx_rates.csv writes months (and the Parquet reader a month's first day).
            let day = match text.len() {
                7 => parse_date(&format!("{text}-01")).map_err(|_| format!("{text:?} is not a month YYYY-MM"))?,
                _ => parse_date(text)?,
            };
            match day.day() {
                1 => Ok(day),
                _ => Err(format!("{text} is not the first day of a month")),
            }
        });
        let micros = row.parse("micros", |text| {
            text.parse::<i64>().map_err(|_| format!("{text:?} is not a whole number of micro-units (64-bit)"))
        });
        let latest = row.parse("latest", parse_date);
        let customer = row.optional_parse("customer_id", |id| Ok(id.to_owned()));
        let service = row.optional_parse("service", |text| Ok(text.to_owned()));
        let offer = row.optional_parse("offer", |text| Ok(text.to_owned()));
        let (
            Some(basis),
            Some(partner),
            Some(month),
            Some(micros),
            Some(latest),
            Some(customer),
            Some(service),
            Some(offer),
        ) = (basis, partner, month, micros, latest, customer, service, offer)
        else {
            return;
        };
        if latest < month || latest > month.last_of_month() {
            return row.error("latest", format!("{latest} is not in the month of {month}"));
        }
        let customer = customer.map(|id| {
            let next = self.customers.len() as u32;
            *self.customer_numbers.entry(id).or_insert_with_key(|id| {
                self.customers.push(id.clone());
                next
            })
        });
        let mut label =
            |text: Option<String>| text.map_or(Label::NONE, |t| self.interned.intern(&mut self.known_labels, &t));
        let (service, offer) = (label(service), label(offer));
        self.groups.push(CreditGroup {
            partner,
            basis,
            customer,
            month: month_number(month),
            service,
            offer,
            micros,
            latest,
        });
    }
}
