//! `attain compare` for people (aligned tables, in their language) and for spreadsheets (the
//! partners whose level changes, as CSV). JSON is the engine's `Impact` serialized as it is.

use attain_engine::{Amount, Change, Impact, Shortfall, Tally};
use attain_i18n::Arg;
use attain_rules::{Market, Metric, Program, Unit};

use crate::table::{aligned, csv_field};
use crate::Context;

impl Context<'_> {
    /// A metric declared by any version of the program or of `draft`'s program, by id.
    fn find_metric<'p>(&self, other: &'p Program, id: &str) -> Option<&'p Metric>
    where
        Self: 'p,
    {
        let versions = self.program.versions.iter().chain(&self.program.drafts).chain(&other.versions);
        versions.flat_map(|v| &v.metrics).find(|m| m.id == id)
    }

    fn metric_label(&self, other: &Program, id: &str) -> String {
        self.find_metric(other, id).map_or_else(|| id.to_owned(), |m| self.metric_name(m))
    }

    fn metric_amount(&self, other: &Program, id: &str, amount: Amount) -> String {
        let unit = self.find_metric(other, id).map_or(Unit::Count, |m| m.unit());
        self.amount(unit, amount)
    }

    /// One unmet requirement, with its figures: `consumption US$120,000.00 of US$150,000.00`.
    pub fn shortfall(&self, other: &Program, s: &Shortfall) -> String {
        let l = self.l10n;
        match s {
            Shortfall::Consumption { required, value, .. } => l.msg(
                "compare-lacks-consumption",
                &[("value", Arg::Text(&self.usd(*value))), ("required", Arg::Text(&self.usd(*required)))],
            ),
            Shortfall::Individuals { required, value, .. } => l.msg(
                "compare-lacks-individuals",
                &[("value", Arg::Text(&l.integer((*value).into()))), ("required", Arg::Count((*required).into()))],
            ),
            Shortfall::Score { required, value, .. } => l.msg(
                "compare-lacks-score",
                &[("value", Arg::Text(&l.integer((*value).into()))), ("required", Arg::Count(*required))],
            ),
            Shortfall::Minimum { metric } => {
                l.msg("compare-lacks-minimum", &[("metric", Arg::Text(&self.metric_label(other, metric)))])
            }
            Shortfall::Threshold { metric, required, value, .. } => l.msg(
                "compare-lacks-threshold",
                &[
                    ("metric", Arg::Text(&self.metric_label(other, metric))),
                    ("value", Arg::Text(&self.metric_amount(other, metric, *value))),
                    ("required", Arg::Text(&self.metric_amount(other, metric, *required))),
                ],
            ),
        }
    }

    /// What a level lacks, listed; `met` when nothing.
    pub fn shortfalls(&self, other: &Program, list: &[Shortfall]) -> String {
        if list.is_empty() {
            return self.l10n.text("compare-met");
        }
        let items: Vec<String> = list.iter().map(|s| self.shortfall(other, s)).collect();
        self.l10n.join(&items, "list-and")
    }

    /// Why a partner's level changes: for each level between the two, what it lacks in force and
    /// under the draft (`Gold: met → consumption US$105,675.40 of US$150,000.00`).
    pub fn change_reasons(&self, what_if: &Program, change: &Change) -> String {
        let reasons: Vec<String> = change
            .levels
            .iter()
            .map(|lc| {
                self.l10n.msg(
                    "compare-why",
                    &[
                        ("level", Arg::Text(&self.level(&lc.level))),
                        ("before", Arg::Text(&self.shortfalls(what_if, &lc.before))),
                        ("after", Arg::Text(&self.shortfalls(what_if, &lc.after))),
                    ],
                )
            })
            .collect();
        reasons.join("; ")
    }

    /// The group of a tally of markets (`developed`, `emerging`), in the reader's words.
    pub fn market_group(&self, tally: &Tally) -> String {
        Market::ALL
            .into_iter()
            .find(|m| m.as_str() == tally.group)
            .map_or_else(|| tally.group.clone(), |m| self.market(m))
    }

    /// A requirement named as `NewGap::requirement` names it.
    fn requirement(&self, other: &Program, key: &str) -> String {
        match key.split_once(':') {
            Some(("minimum", metric)) => self
                .l10n
                .msg("compare-requirement-minimum", &[("metric", Arg::Text(&self.metric_label(other, metric)))]),
            Some((_, metric)) => self.metric_label(other, metric),
            None => self.l10n.text(&format!("compare-requirement-{key}")),
        }
    }
}

/// The impact of a draft as tables: the summary, level transitions, markets, countries, the
/// partners who change (and why) and the requirements newly unmet. `what_if` is the program with
/// the draft in force.
pub fn impact_table(cx: &Context<'_>, what_if: &Program, impact: &Impact) -> String {
    let l = cx.l10n;
    let n = |v: usize| l.integer(v as i128);
    let mut out = l.msg(
        "compare-title",
        &[
            ("program", Arg::Text(&cx.program_text(attain_rules::ProgramText::Name))),
            ("version", Arg::Text(&impact.version)),
            ("draft", Arg::Text(&impact.draft)),
            ("date", Arg::Text(&l.date(impact.as_of))),
        ],
    );
    out.push('\n');
    out.push_str(&l.msg(
        "compare-summary",
        &[
            ("partners", Arg::Count(impact.partners as i64)),
            ("gained", Arg::Text(&n(impact.gained))),
            ("lost", Arg::Text(&n(impact.lost))),
            ("unchanged", Arg::Text(&n(impact.unchanged))),
        ],
    ));
    out.push_str("\n\n");
    let header = |ids: &[&str]| ids.iter().map(|id| l.text(id)).collect::<Vec<_>>();
    let transitions: Vec<Vec<String>> =
        impact.transitions.iter().map(|t| vec![cx.level(&t.before), cx.level(&t.after), n(t.partners)]).collect();
    out.push_str(&aligned(
        &header(&["compare-col-before", "compare-col-after", "compare-col-partners"]),
        &transitions,
        &[false, false, true],
    ));
    let tallies = |title: &str, label: &dyn Fn(&Tally) -> String, tallies: &[Tally]| {
        let rows: Vec<Vec<String>> =
            tallies.iter().map(|t| vec![label(t), n(t.gained), n(t.lost), n(t.unchanged)]).collect();
        let mut head = header(&[title, "compare-col-gained", "compare-col-lost", "compare-col-unchanged"]);
        head[0] = l.text(title);
        format!("\n{}", aligned(&head, &rows, &[false, true, true, true]))
    };
    if !impact.markets.is_empty() {
        out.push_str(&tallies("compare-col-market", &|t: &Tally| cx.market_group(t), &impact.markets));
    }
    out.push_str(&tallies("compare-col-country", &|t: &Tally| t.group.clone(), &impact.countries));
    out.push('\n');
    if impact.changed.is_empty() {
        out.push_str(&l.text("compare-changed-none"));
        out.push('\n');
    } else {
        out.push_str(&l.text("compare-changed"));
        out.push('\n');
        let rows: Vec<Vec<String>> = impact
            .changed
            .iter()
            .map(|c| {
                vec![
                    c.partner_id.clone(),
                    c.name.clone(),
                    c.country.clone(),
                    format!("{} → {}", cx.level(&c.before), cx.level(&c.after)),
                    cx.change_reasons(what_if, c),
                ]
            })
            .collect();
        out.push_str(&aligned(
            &header(&["table-partner", "table-name", "compare-col-country", "compare-col-levels", "compare-col-why"]),
            &rows,
            &[false; 5],
        ));
    }
    if !impact.new_gaps.is_empty() {
        out.push('\n');
        out.push_str(&l.text("compare-new-gaps"));
        out.push('\n');
        let rows: Vec<Vec<String>> = impact
            .new_gaps
            .iter()
            .map(|g| vec![cx.level(&g.level), cx.requirement(what_if, &g.requirement), n(g.partners)])
            .collect();
        out.push_str(&aligned(
            &header(&["table-level", "compare-col-requirement", "compare-col-partners"]),
            &rows,
            &[false, false, true],
        ));
    }
    out
}

/// The partners whose level changes, one row each, for spreadsheets: ids and figures as they
/// are (no locale), the unmet requirements of each level between the two under both versions.
pub fn impact_csv(impact: &Impact) -> String {
    let mut out = String::from("partner_id,name,country,market,before,after,level,lacked_before,lacks_after\n");
    let plain =
        |list: &[Shortfall]| csv_field(&list.iter().map(plain_shortfall).collect::<Vec<_>>().join("; ")).into_owned();
    for c in &impact.changed {
        for lc in &c.levels {
            out.push_str(&format!(
                "{},{},{},{},{},{},{},{},{}\n",
                csv_field(&c.partner_id),
                csv_field(&c.name),
                csv_field(&c.country),
                c.market.map_or("", |m| m.as_str()),
                c.before,
                c.after,
                lc.level,
                plain(&lc.before),
                plain(&lc.after),
            ));
        }
    }
    out
}

/// `consumption 120000.00/150000.00`: a shortfall for machines.
fn plain_shortfall(s: &Shortfall) -> String {
    let amount = |a: &Amount| match a {
        Amount::Money(usd) => usd.to_plain_string(),
        Amount::Whole(n) => n.to_string(),
    };
    match s {
        Shortfall::Consumption { required, value, .. } => {
            format!("consumption {}/{}", value.to_plain_string(), required.to_plain_string())
        }
        Shortfall::Individuals { required, value, .. } => format!("individuals {value}/{required}"),
        Shortfall::Score { required, value, .. } => format!("score {value}/{required}"),
        Shortfall::Minimum { metric } => format!("minimum:{metric}"),
        Shortfall::Threshold { metric, required, value, .. } => {
            format!("threshold:{metric} {}/{}", amount(value), amount(required))
        }
    }
}
