//! Renders decisions and explanations for people, in their language: aligned
//! tables, CSV rows and the explanation report. JSON is the engine types serialized as they are.

mod compare;
mod explain;
mod metrics;
mod plan;
mod table;

pub use compare::{impact_csv, impact_table};
pub use explain::{drop_cause_text, exclusion_text, explain_text, person_text, warning_text};
pub use metrics::{counted_text, excluded_text, metric_csv, metric_explain_text, metric_table};
pub use plan::{lines_text, metric_plan_lines, metric_plan_text, plan_lines, plan_text, PlanLine};
pub use table::{aligned, evaluation_csv, evaluation_table};

use attain_engine::Usd;
use attain_i18n::{Arg, Localizer};
use attain_rules::{Credential, LevelIdx, Program, ProgramText, Rules};

/// What every renderer needs: the rules (for names and titles) and the reader's locale.
pub struct Context<'a> {
    pub rules: &'a Rules,
    pub program: &'a Program,
    pub l10n: &'a Localizer,
}

impl Context<'_> {
    pub fn usd(&self, usd: Usd) -> String {
        self.l10n.usd_cents(usd.cents())
    }

    pub fn level(&self, id: &str) -> String {
        match self.program.level_by_id(id) {
            Some(level) => self.level_name(level),
            None => self.l10n.text("level-none"),
        }
    }

    pub fn level_name(&self, level: LevelIdx) -> String {
        self.rules.level_name(self.program, level, self.l10n.tag()).to_owned()
    }

    /// A report's first line: `message` with the partner's name and id, the program and option.
    pub fn partner_title(&self, message: &str, name: &str, partner_id: &str) -> String {
        self.l10n.msg(
            message,
            &[
                ("partner", Arg::Text(name)),
                ("id", Arg::Text(partner_id)),
                ("program", Arg::Text(&self.program_text(ProgramText::Name))),
                ("option", Arg::Text(&self.program_text(ProgramText::OptionName))),
            ],
        )
    }

    pub fn program_text(&self, text: ProgramText) -> String {
        self.rules.program_text(self.program, self.l10n.tag(), text).to_owned()
    }

    pub fn market(&self, market: attain_rules::Market) -> String {
        self.l10n.text(&format!("market-{market}"))
    }

    /// `exam 70-534 (Architecting Microsoft Azure Solutions)`, or the id as given when the catalog lacks it.
    pub fn credential(&self, id: &str) -> String {
        match self.rules.catalog.lookup(id).map(|c| self.rules.catalog.get(c)) {
            Some(c) => self.credential_of(c),
            // One no program lists (a person's other exams): its kind, translated, and its code.
            None => match id.split_once(':') {
                Some((kind, code)) if self.rules.catalog.credentials.iter().any(|c| c.kind() == kind) => self.l10n.msg(
                    "credential-code-in-text",
                    &[
                        ("kind", Arg::Text(&self.l10n.text(&format!("credential-kind-{kind}")))),
                        ("code", Arg::Text(code)),
                    ],
                ),
                _ => id.to_owned(),
            },
        }
    }

    pub fn credential_of(&self, c: &Credential) -> String {
        self.l10n.msg(
            "credential-in-text",
            &[
                ("kind", Arg::Text(&self.l10n.text(&format!("credential-kind-{}", c.kind())))),
                ("code", Arg::Text(c.code())),
                ("title", Arg::Text(self.rules.credential_title(c, self.l10n.tag()))),
            ],
        )
    }
}
