//! The monthly consumption chart, as inline SVG: a bar per month, the window shaded, the running
//! total across the window as a line ending in its value, a y-axis of round amounts, and each
//! level's threshold as a dashed line on the same scale, so the reader sees where the total stands
//! against what is required.
//!
//! The scale fits the partner, not the program: a partner far below a threshold would otherwise
//! see its bars as a flat line. A threshold the scale leaves out is marked at the top edge, and
//! the legend (HTML, so that it wraps) gives every threshold's amount.
//!
//! The chart is drawn twice, for a wide and a narrow frame, and CSS shows the one that fits: an
//! SVG scales its text with its width, so one drawing is either unreadable on a phone or shouting
//! on a laptop. Text widths are estimated (the server cannot measure fonts) on the generous side,
//! and labels are spaced by those estimates; the browser test measures the real boxes.
//!
//! Geometry is computed in integers from micro-dollars; nothing here rounds money.

use std::fmt::Write;

use attain_engine::{CreditedMonth, Usd};

use crate::html::esc;

pub struct Threshold {
    /// The level's name, drawn beside its line.
    pub level: String,
    /// What the legend says: the level and the amount.
    pub legend: String,
    pub usd: Usd,
}

pub struct Labels<'a> {
    pub title: &'a str,
    pub window: &'a str,
    pub cumulative: &'a str,
    /// A threshold's legend when it is above the scale.
    pub off_scale: &'a dyn Fn(&str) -> String,
    /// Formats a whole amount for the axis and the running total's end.
    pub usd: &'a dyn Fn(Usd) -> String,
}

/// A drawing's size and type size, in the SVG's own units (CSS pixels at the width it is shown).
struct Frame {
    name: &'static str,
    width: i128,
    height: i128,
    font: i128,
}

const WIDE: Frame = Frame { name: "wide", width: 720, height: 300, font: 12 };
const NARROW: Frame = Frame { name: "narrow", width: 360, height: 270, font: 12 };

/// Above the plot: the window's label and off-scale marks.
const TOP: i128 = 26;
/// Below the plot: the month labels.
const BOTTOM: i128 = 24;
const GAP: i128 = 6;
const MICROS_PER_DOLLAR: i128 = 1_000_000;

/// A threshold higher than this many times the partner's highest figure is left off the scale.
const REACH: i128 = 3;

/// The chart, both drawings and the legend, as one block of HTML.
pub fn html(months: &[CreditedMonth], thresholds: &[Threshold], labels: &Labels<'_>) -> String {
    let scale = Scale::fit(months, thresholds);
    let mut out = String::from("<figure class=\"chart\">");
    for frame in [&WIDE, &NARROW] {
        out.push_str(&svg(frame, months, thresholds, &scale, labels));
    }
    let _ = write!(
        out,
        "<figcaption><ul class=\"legend\"><li><span class=\"key line\"></span>{}</li>",
        esc(labels.cumulative)
    );
    for t in thresholds {
        let legend = if scale.holds(t.usd) { t.legend.clone() } else { (labels.off_scale)(&t.legend) };
        let _ = write!(out, "<li><span class=\"key dashed\"></span>{}</li>", esc(&legend));
    }
    out.push_str("</ul></figcaption></figure>");
    out
}

/// The running total across the window, month by month (`None` outside it).
fn running_totals(months: &[CreditedMonth]) -> Vec<Option<i128>> {
    let mut running = 0i128;
    months
        .iter()
        .map(|m| {
            m.in_window.then(|| {
                running += m.credited_usd.micros();
                running
            })
        })
        .collect()
}

/// The y-axis: from zero to `top` in `step`s of a round amount.
#[derive(Debug, PartialEq)]
struct Scale {
    top: i128,
    step: i128,
}

impl Scale {
    fn fit(months: &[CreditedMonth], thresholds: &[Threshold]) -> Scale {
        let data = months
            .iter()
            .map(|m| m.credited_usd.micros())
            .chain(running_totals(months).into_iter().flatten())
            .max()
            .unwrap_or(0)
            .max(0);
        // With nothing credited, the lowest threshold gives the scale its size.
        let reach = if data > 0 { data } else { thresholds.iter().map(|t| t.usd.micros()).min().unwrap_or(0) };
        let highest = thresholds
            .iter()
            .map(|t| t.usd.micros())
            .filter(|&t| t <= reach.saturating_mul(REACH))
            .fold(data.max(reach), i128::max)
            .max(MICROS_PER_DOLLAR);
        // About five steps of 1, 2, 2.5 or 5 times a power of ten (whole dollars at least), with
        // room above the highest thing drawn.
        let rough = highest / 5;
        let mut power = MICROS_PER_DOLLAR;
        while power * 10 <= rough {
            power *= 10;
        }
        let quarter = (power >= 10 * MICROS_PER_DOLLAR).then_some(power * 5 / 2);
        let step = [power, power * 2, power * 5, power * 10]
            .into_iter()
            .chain(quarter)
            .filter(|&s| s >= rough)
            .min()
            .expect("ten times the power is above a fifth of the highest");
        let room = highest + highest / 20;
        let top = (room + step - 1) / step * step;
        Scale { top, step }
    }

    fn holds(&self, usd: Usd) -> bool {
        usd.micros() <= self.top
    }

    fn ticks(&self) -> impl Iterator<Item = i128> + '_ {
        (0..=self.top / self.step).map(|i| i * self.step)
    }
}

/// The width `text` takes at `font` px, estimated generously: a wide (CJK, Hangul) character
/// takes a full em, a digit or letter 0.62 em, a space or mark 0.4 em.
fn text_width(text: &str, font: i128) -> i128 {
    let tenths: i128 = text
        .chars()
        .map(|c| match c {
            '\u{1100}'..='\u{11ff}' | '\u{2e80}'..='\u{a4cf}' | '\u{ac00}'..='\u{d7a3}' | '\u{f900}'..='\u{faff}' => {
                100
            }
            c if c.is_alphanumeric() || c == '$' || c == '€' => 62,
            _ => 40,
        })
        .sum();
    (tenths * font + 99) / 100
}

/// The height a line of text takes, glyphs' ascent and descent included.
fn line_height(font: i128) -> i128 {
    font * 13 / 10 + 1
}

/// Spreads labels wanted at `ys` (baselines) so that none overlaps the next, keeping each as near
/// its line as it can and all below `min`.
fn spread(ys: &mut [(usize, i128)], line: i128, min: i128) {
    ys.sort_by_key(|&(_, y)| std::cmp::Reverse(y));
    for i in 1..ys.len() {
        ys[i].1 = ys[i].1.min(ys[i - 1].1 - line);
    }
    // Pushed above the top: push the stack back down.
    if let Some(last) = ys.last().map(|&(_, y)| y) {
        if last < min {
            let down = min - last;
            for y in ys.iter_mut() {
                y.1 += down;
            }
        }
    }
}

fn svg(
    frame: &Frame,
    months: &[CreditedMonth],
    thresholds: &[Threshold],
    scale: &Scale,
    labels: &Labels<'_>,
) -> String {
    let font = frame.font;
    let ticks: Vec<(i128, String)> = scale.ticks().map(|t| (t, (labels.usd)(Usd(t)))).collect();
    let left = ticks.iter().map(|(_, s)| text_width(s, font)).max().unwrap_or(0) + GAP * 2;
    let mark = |t: &Threshold| if scale.holds(t.usd) { t.level.clone() } else { format!("↑ {}", t.level) };
    let right = thresholds.iter().map(|t| text_width(&mark(t), font)).max().map_or(GAP * 2, |w| w + GAP * 2);
    let plot_w = frame.width - left - right;
    let plot_h = frame.height - TOP - BOTTOM;
    let n = months.len().max(1) as i128;
    let x = |i: usize| left + plot_w * i as i128 / n;
    let y = |micros: i128| TOP + plot_h - plot_h * micros.clamp(0, scale.top) / scale.top;
    let base = y(0);

    let mut out = String::new();
    let id = format!("chart-title-{}", frame.name);
    let _ = write!(
        out,
        "<svg class=\"{}\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" role=\"img\" aria-labelledby=\"{id}\" \
         font-size=\"{font}\"><title id=\"{id}\">{}</title>",
        frame.name,
        frame.width,
        frame.height,
        esc(labels.title)
    );
    // The window, named above it.
    if let (Some(first), Some(last)) =
        (months.iter().position(|m| m.in_window), months.iter().rposition(|m| m.in_window))
    {
        let (x0, x1) = (x(first), x(last + 1));
        let _ = write!(
            out,
            "<rect x=\"{x0}\" y=\"{TOP}\" width=\"{}\" height=\"{plot_h}\" fill=\"#ddf4ff\"/>\
             <text x=\"{}\" y=\"{}\" fill=\"#0969da\">{}</text>",
            x1 - x0,
            x0 + 2,
            TOP - GAP,
            esc(labels.window)
        );
    }
    // The y-axis: a grid line and an amount per step.
    for (tick, text) in &ticks {
        let ty = y(*tick);
        let _ = write!(
            out,
            "<line x1=\"{left}\" y1=\"{ty}\" x2=\"{}\" y2=\"{ty}\" stroke=\"{}\"/>\
             <text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"#59636e\">{}</text>",
            left + plot_w,
            if *tick == 0 { "#8c959f" } else { "#eaeef2" },
            left - GAP,
            ty + font / 3,
            esc(text)
        );
    }
    // Bars, and a month label as often as they fit, counted back from the latest month.
    let slot = plot_w / n;
    let label = text_width("2000-00", font) + GAP * 2;
    let step = ((label + slot - 1) / slot.max(1)).max(1) as usize;
    for (i, m) in months.iter().enumerate() {
        let top_y = y(m.credited_usd.micros());
        let fill = if m.in_window { "#0969da" } else { "#afb8c1" };
        let (x0, x1) = (x(i), x(i + 1));
        let inset = (x1 - x0) / 6;
        let _ = write!(
            out,
            "<rect x=\"{}\" y=\"{top_y}\" width=\"{}\" height=\"{}\" fill=\"{fill}\"><title>{} · {}</title></rect>",
            x0 + inset,
            (x1 - x0 - 2 * inset).max(1),
            base - top_y,
            m.month.strftime("%Y-%m"),
            esc(&(labels.usd)(m.credited_usd))
        );
        if (months.len() - 1 - i) % step == 0 {
            let _ = write!(
                out,
                "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"#59636e\">{}</text>",
                (x0 + x1) / 2,
                base + font + GAP,
                m.month.strftime("%Y-%m")
            );
        }
    }
    // Thresholds: a dashed line when on the scale; the level's name beside it, or at the top edge
    // with an arrow when above. Names are spread so that near thresholds do not overlap.
    let mut names: Vec<(usize, i128)> = thresholds
        .iter()
        .enumerate()
        .map(|(i, t)| (i, if scale.holds(t.usd) { y(t.usd.micros()) + font / 3 } else { TOP + font / 3 }))
        .collect();
    spread(&mut names, line_height(font), font);
    for (i, name_y) in names {
        let t = &thresholds[i];
        if scale.holds(t.usd) {
            let ty = y(t.usd.micros());
            let _ = write!(
                out,
                "<line x1=\"{left}\" y1=\"{ty}\" x2=\"{}\" y2=\"{ty}\" stroke=\"#9a6700\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>",
                left + plot_w
            );
        }
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{name_y}\" fill=\"#9a6700\"><title>{}</title>{}</text>",
            left + plot_w + GAP,
            esc(&t.legend),
            esc(&mark(t))
        );
    }
    // The running total across the window, and its value where it ends.
    let totals = running_totals(months);
    let points: Vec<(i128, i128)> =
        totals.iter().enumerate().filter_map(|(i, c)| c.map(|c| ((x(i) + x(i + 1)) / 2, y(c)))).collect();
    if let (Some(&(end_x, end_y)), Some(total)) = (points.last(), totals.iter().rev().flatten().next()) {
        let line: Vec<String> = points.iter().map(|(px, py)| format!("{px},{py}")).collect();
        let value = (labels.usd)(Usd(*total));
        // Left of the point, unless that would run into the axis.
        let (value_x, anchor) =
            if end_x - GAP - text_width(&value, font) > left { (end_x - GAP, "end") } else { (end_x + GAP, "start") };
        let _ = write!(
            out,
            "<polyline points=\"{}\" fill=\"none\" stroke=\"#1a7f37\" stroke-width=\"2.5\"><title>{}</title></polyline>\
             <circle cx=\"{end_x}\" cy=\"{end_y}\" r=\"3.5\" fill=\"#1a7f37\"/>\
             <text x=\"{value_x}\" y=\"{}\" text-anchor=\"{anchor}\" fill=\"#1a7f37\" font-weight=\"600\">{}</text>",
            line.join(" "),
            esc(labels.cumulative),
            (end_y - GAP).max(TOP + font),
            esc(&value)
        );
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn month(m: &str, usd: i128, in_window: bool) -> CreditedMonth {
        CreditedMonth { month: m.parse().unwrap(), credited_usd: Usd(usd * MICROS_PER_DOLLAR), in_window }
    }

    fn threshold(level: &str, usd: i128) -> Threshold {
        Threshold { level: level.into(), legend: format!("{level} threshold"), usd: Usd(usd * MICROS_PER_DOLLAR) }
    }

    fn labels() -> Labels<'static> {
        Labels {
            title: "<t>",
            window: "w",
            cumulative: "c",
            off_scale: &|t: &str| format!("{t} (off)"),
            usd: &|u: Usd| u.to_plain_string(),
        }
    }

    fn dollars(scale: &Scale) -> (i128, i128) {
        (scale.top / MICROS_PER_DOLLAR, scale.step / MICROS_PER_DOLLAR)
    }

    #[test]
    fn the_scale_fits_the_partner_and_leaves_out_thresholds_far_above_it() {
        let months = [month("2018-01-01", 400, true), month("2018-02-01", 600, true)];
        let near_and_far = [threshold("Silver", 1_500), threshold("Gold", 100_000)];
        let scale = Scale::fit(&months, &near_and_far);
        // The total (1,000) and Silver (1,500, within three times it) are on it; Gold is not.
        assert_eq!(dollars(&scale), (2_000, 500));
        assert!(scale.holds(near_and_far[0].usd) && !scale.holds(near_and_far[1].usd));
        // Nothing credited: the lowest threshold sizes it.
        assert_eq!(dollars(&Scale::fit(&[month("2018-01-01", 0, true)], &near_and_far)), (2_000, 500));
        // Nothing at all is still a scale of whole dollars.
        assert_eq!(dollars(&Scale::fit(&[], &[])), (2, 1));
        // Round steps: 1, 2, 2.5, 5 times a power of ten.
        assert_eq!(dollars(&Scale::fit(&[month("2018-01-01", 105_675, true)], &[])), (125_000, 25_000));
        assert_eq!(dollars(&Scale::fit(&[month("2018-01-01", 7_900, true)], &[])), (10_000, 2_000));
    }

    #[test]
    fn the_running_total_reaches_the_threshold_line_when_the_window_total_does() {
        let months = [month("2018-01-01", 100, false), month("2018-02-01", 600, true), month("2018-03-01", 400, true)];
        let out = html(&months, &[threshold("Silver", 1_000)], &labels());
        let wide = out.split("<svg").nth(1).unwrap();
        // The polyline's last point and the threshold line share a y coordinate.
        let last_point = wide.split("<polyline points=\"").nth(1).unwrap().split('"').next().unwrap();
        let last_y = last_point.rsplit(',').next().unwrap();
        assert!(wide.contains(&format!("y2=\"{last_y}\" stroke=\"#9a6700\"")), "{wide}");
        // The total is written where it ends.
        assert!(wide.contains(">1000.00</text></svg>"), "{wide}");
        assert_eq!(wide.matches("<rect").count(), 4, "window + 3 bars");
        assert_eq!(out.matches("<svg").count(), 2, "a wide and a narrow drawing");
    }

    #[test]
    fn a_threshold_off_the_scale_is_marked_at_the_top_and_said_so_in_the_legend() {
        let months = [month("2018-01-01", 100, true)];
        let out = html(&months, &[threshold("Gold", 100_000)], &labels());
        assert!(!out.contains("stroke-dasharray"), "no line for it: {out}");
        assert!(out.contains("↑ Gold</text>"), "{out}");
        assert!(out.contains("Gold threshold (off)</li>"), "{out}");
    }

    #[test]
    fn near_thresholds_names_do_not_overlap() {
        let mut ys = vec![(0, 100), (1, 98), (2, 30)];
        spread(&mut ys, 15, 11);
        ys.sort();
        assert_eq!(ys, vec![(0, 100), (1, 85), (2, 30)]);
        let mut crowded = vec![(0, 12), (1, 12)];
        spread(&mut crowded, 15, 11);
        crowded.sort();
        assert_eq!(crowded, vec![(0, 26), (1, 11)], "pushed back below the top");
    }

    #[test]
    fn month_labels_thin_out_to_fit_and_keep_the_latest_month() {
        let months: Vec<_> = (1..=12).map(|m| month(&format!("2018-{m:02}-01"), 10, true)).collect();
        let out = html(&months, &[], &labels());
        let narrow = out.split("<svg").nth(2).unwrap();
        let shown: Vec<&str> = narrow.split("fill=\"#59636e\">2018-").skip(1).map(|s| &s[..2]).collect();
        assert!(shown.len() < 12 && shown.last() == Some(&"12"), "{shown:?}");
    }

    #[test]
    fn nothing_to_draw_is_still_a_chart() {
        let out = html(&[], &[], &labels());
        assert!(out.contains("<title id=\"chart-title-wide\">&lt;t&gt;</title>"));
        assert!(out.contains("<title id=\"chart-title-narrow\">&lt;t&gt;</title>"));
    }
}
