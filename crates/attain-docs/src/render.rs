//! `attain requirements`: the requirement page of a program version, generated from
//! the rules, so that every amount, count, exam id and date is right in every language.

use attain_i18n::{Arg, Localizer};
use attain_rules::{Align, Credential, CredentialIdx, Market, Program, ProgramText, Rules, Version};

use crate::metric_page;
use crate::page::{Block, Page};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Html,
}

/// The requirement page of `version` of `program`, in the localizer's language.
pub fn requirements(rules: &Rules, program: &Program, version: &Version, l10n: &Localizer, format: Format) -> String {
    let page = build(rules, program, version, l10n);
    match format {
        Format::Markdown => page.markdown(),
        Format::Html => page.html(),
    }
}

fn build(rules: &Rules, program: &Program, version: &Version, l: &Localizer) -> Page {
    let text = |t| rules.program_text(program, l.tag(), t).to_owned();
    let name = text(ProgramText::Name);
    let by_metrics = version.by_metrics();
    let title = if by_metrics {
        metric_page::title(rules, program, l)
    } else {
        l.msg("req-title", &[("program", Arg::Text(&name))])
    };
    let effective = version.effective;
    let mut blocks = vec![
        Block::Heading { depth: 1, anchor: program.id.clone(), text: name.clone() },
        Block::Paragraph(text(ProgramText::Description)),
        Block::Heading {
            depth: 2,
            anchor: format!("{}-option", program.option_id),
            text: l.msg("req-option", &[("option", Arg::Text(&text(ProgramText::OptionName)))]),
        },
        Block::Paragraph(join_sentences(&[
            text(ProgramText::OptionDescription),
            l.msg(if by_metrics { "req-metric-steps" } else { "req-steps" }, &[("program", Arg::Text(&name))]),
        ])),
    ];
    if by_metrics {
        blocks.extend(metric_page::blocks(rules, program, version, l));
    }
    // A version with metrics states no threshold or people in `levels`.
    let threshold_levels = if by_metrics { &[][..] } else { &version.levels[..] };
    for (i, (def, req)) in program.levels.iter().zip(threshold_levels).enumerate() {
        let level_name = rules.level_name(program, attain_rules::LevelIdx(i as u8), l.tag());
        blocks.push(Block::Heading { depth: 3, anchor: def.id.clone(), text: level_name.to_owned() });
        let mut step = 0;
        if let Some(performance) = &req.performance {
            step += 1;
            blocks.push(Block::Item { depth: 0, number: Some(step), text: l.text("req-performance") });
            let months = l.integer(i128::from(version.window.months));
            let threshold_line = |market: Market| {
                let message = match version.window.align {
                    Align::Month => "req-threshold-month",
                    Align::Day => "req-threshold-day",
                };
                let dollars = performance.threshold(market).micros() / 1_000_000;
                l.msg(
                    message,
                    &[
                        ("amount", Arg::Text(&l.usd_whole(dollars))),
                        ("product", Arg::Text(&program.product)),
                        ("months", Arg::Text(&months)),
                    ],
                )
            };
            if performance.developed == performance.emerging {
                blocks.push(Block::Item { depth: 1, number: None, text: threshold_line(Market::Developed) });
            } else {
                for market in Market::ALL {
                    let heading = l.text(&format!("req-market-{market}"));
                    blocks.push(Block::Item { depth: 1, number: None, text: format!("**{heading}**") });
                    blocks.push(Block::Item { depth: 2, number: None, text: threshold_line(market) });
                }
            }
            let kinds: Vec<String> = version.counting_kinds().map(|k| l.text(&format!("association-{k}"))).collect();
            let kinds = l.join(&kinds, "list-or");
            blocks.push(Block::Item {
                depth: 1,
                number: None,
                text: l.msg("req-associations", &[("kinds", Arg::Text(&kinds))]),
            });
            if let Some(url) = &program.associations_url {
                blocks.push(Block::Item {
                    depth: 1,
                    number: None,
                    text: l.msg("req-learn-more", &[("url", Arg::Text(url))]),
                });
            }
        }
        if let Some(skills) = &req.skills {
            step += 1;
            let count = i64::from(skills.individuals);
            blocks.push(Block::Item {
                depth: 0,
                number: Some(step),
                text: l.msg("req-individuals", &[("count", Arg::Count(count))]),
            });
            // Single assessments first, as the seeds group them; then exams, certifications and all-of alternatives.
            let (assessments, others): (Vec<&Vec<CredentialIdx>>, Vec<_>) = skills
                .alternatives()
                .iter()
                .partition(|alt| alt.len() == 1 && rules.catalog.get(alt[0]).kind() == "assessment");
            let mut noted: Vec<&Credential> = Vec::new();
            for (g, (group, message)) in
                [(assessments, "req-assessments"), (others, "req-exams")].into_iter().enumerate()
            {
                if group.is_empty() {
                    continue;
                }
                if g > 0
                    && blocks
                        .iter()
                        .rev()
                        .take_while(|b| !matches!(b, Block::Heading { .. }))
                        .any(|b| matches!(b, Block::Item { depth: 2, .. }))
                {
                    blocks.push(Block::ListParagraph { depth: 1, text: format!("**{}**", l.text("req-or")) });
                }
                blocks.push(Block::Item {
                    depth: 1,
                    number: None,
                    text: l.msg(message, &[("count", Arg::Count(count))]),
                });
                for alternative in group {
                    let items: Vec<String> = alternative
                        .iter()
                        .map(|c| {
                            let credential = rules.catalog.get(*c);
                            if lifecycle(credential) && !noted.iter().any(|n| n.id == credential.id) {
                                noted.push(credential);
                            }
                            credential_item(rules, credential, l)
                        })
                        .collect();
                    let text = match items.as_slice() {
                        [one] => one.clone(),
                        _ => l.msg("req-all-of", &[("credentials", Arg::Text(&l.join(&items, "list-and")))]),
                    };
                    blocks.push(Block::Item { depth: 2, number: None, text });
                }
            }
            for credential in noted {
                blocks.extend(lifecycle_note(rules, version, credential, l).into_iter().map(Block::Paragraph));
            }
        }
    }
    Page {
        lang: l.tag().to_owned(),
        title: title.clone(),
        front_matter: vec![
            ("title", format!("\"{}\"", title.replace('"', "'"))),
            ("description", format!("\"{}\"", text(ProgramText::Description).replace('"', "'"))),
            ("ms.contentlocale", l.tag().to_owned()),
            ("ms.lasthandoff", format!("{:02}/{:02}/{}", effective.month(), effective.day(), effective.year())),
        ],
        blocks,
        footer: l.msg("req-version", &[("version", Arg::Text(&version.id)), ("date", Arg::Text(&l.date(effective)))]),
    }
}

/// Sentences in a row; one ending in an ideographic full stop needs no space after it.
pub(crate) fn join_sentences(sentences: &[String]) -> String {
    sentences.iter().fold(String::new(), |mut acc, s| {
        if !acc.is_empty() && !acc.ends_with('。') {
            acc.push(' ');
        }
        acc.push_str(s);
        acc
    })
}

pub(crate) fn lifecycle(c: &Credential) -> bool {
    c.retires.is_some() || c.accepted_until.is_some() || c.registration_until.is_some()
}

/// `[Exam 70-532](url): Developing Microsoft Azure Solutions`, `[Assessment title](url)`; `*` marks a lifecycle note.
pub(crate) fn credential_item(rules: &Rules, c: &Credential, l: &Localizer) -> String {
    let title = rules.credential_title(c, l.tag());
    let mark = if lifecycle(c) { "*" } else { "" };
    let linked = |label: &str| match &c.url {
        Some(url) => format!("[{label}]({url})"),
        None => label.to_owned(),
    };
    match c.kind() {
        "exam" => format!("{}: {title}{mark}", linked(&l.msg("req-exam", &[("code", Arg::Text(c.code()))]))),
        _ => format!("{}{mark}", linked(title)),
    }
}

/// The `*` note on a credential's lifecycle, and where due a second paragraph naming its replacement.
fn lifecycle_note(rules: &Rules, version: &Version, c: &Credential, l: &Localizer) -> Vec<String> {
    let mut sentences = Vec::new();
    if let Some(d) = c.retires {
        sentences.push(l.msg("req-retires", &[("date", Arg::Text(&l.date(d)))]));
    }
    if let Some(d) = c.accepted_until {
        sentences.push(l.msg("req-accepted-until", &[("date", Arg::Text(&l.date(d)))]));
    }
    if let Some(d) = c.registration_until {
        sentences.push(l.msg("req-registration-until", &[("date", Arg::Text(&l.date(d)))]));
    }
    let mut note = vec![format!("\\*{}", join_sentences(&sentences))];
    // Name the replacement only where this version lists it: 70-535 belongs to 2017-11-03 alone.
    if let (Some(by), Some(until)) = (c.replaced_by.filter(|by| version.lists(*by)), c.registration_until) {
        let replacement = rules.catalog.get(by);
        let name = l.msg("req-exam", &[("code", Arg::Text(replacement.code()))]);
        note.push(l.msg("req-replacement", &[("date", Arg::Text(&l.date(until))), ("replacement", Arg::Text(&name))]));
    }
    note
}
