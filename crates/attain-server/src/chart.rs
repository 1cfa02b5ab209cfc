//! The monthly consumption chart, as inline SVG: a bar per month, the window shaded, the running
//! total across the window as a line, and each level's threshold as a dashed line on the same scale,
//! so the reader sees where the total stands against what is required.
//!
//! Geometry is computed in integers from micro-dollars; nothing here rounds money.

use std::fmt::Write;

use attain_engine::{CreditedMonth, Usd};

use crate::html::esc;

pub struct Threshold {
    pub label: String,
    pub usd: Usd,
}

pub struct Labels<'a> {
    pub title: &'a str,
    pub window: &'a str,
    pub cumulative: &'a str,
    /// Formats an amount for the axis.
    pub usd: &'a dyn Fn(Usd) -> String,
}

const W: i128 = 720;
const H: i128 = 280;
const LEFT: i128 = 12;
const RIGHT: i128 = 12;
const TOP: i128 = 28;
const BOTTOM: i128 = 40;

pub fn svg(months: &[CreditedMonth], thresholds: &[Threshold], labels: &Labels<'_>) -> String {
    let mut running = 0i128;
    let cumulative: Vec<Option<i128>> = months
        .iter()
        .map(|m| {
            m.in_window.then(|| {
                running += m.credited_usd.micros();
                running
            })
        })
        .collect();
    let top = months
        .iter()
        .map(|m| m.credited_usd.micros())
        .chain(cumulative.iter().flatten().copied())
        .chain(thresholds.iter().map(|t| t.usd.micros()))
        .max()
        .unwrap_or(0)
        .max(1);
    // 10% headroom above the highest thing drawn.
    let scale = top + top / 10;
    let plot_w = W - LEFT - RIGHT;
    let plot_h = H - TOP - BOTTOM;
    let n = months.len().max(1) as i128;
    let slot = plot_w / n;
    let y = |micros: i128| TOP + plot_h - plot_h * micros.clamp(0, scale) / scale;
    let x = |i: usize| LEFT + slot * i as i128;

    let mut out = String::new();
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {W} {H}\" role=\"img\" aria-labelledby=\"chart-title\">\
         <title id=\"chart-title\">{}</title>",
        esc(labels.title)
    );
    // The window.
    if let (Some(first), Some(last)) =
        (months.iter().position(|m| m.in_window), months.iter().rposition(|m| m.in_window))
    {
        let (x0, x1) = (x(first), x(last + 1));
        let _ = write!(
            out,
            "<rect x=\"{x0}\" y=\"{TOP}\" width=\"{}\" height=\"{plot_h}\" fill=\"#ddf4ff\"/>\
             <text x=\"{}\" y=\"{}\" font-size=\"12\" fill=\"#0969da\">{}</text>",
            x1 - x0,
            x0 + 4,
            TOP - 8,
            esc(labels.window)
        );
    }
    // Baseline.
    let base = y(0);
    let _ = write!(out, "<line x1=\"{LEFT}\" y1=\"{base}\" x2=\"{}\" y2=\"{base}\" stroke=\"#8c959f\"/>", W - RIGHT);
    // Bars and month labels.
    for (i, m) in months.iter().enumerate() {
        let top_y = y(m.credited_usd.micros());
        let fill = if m.in_window { "#0969da" } else { "#afb8c1" };
        let _ = write!(
            out,
            "<rect x=\"{}\" y=\"{top_y}\" width=\"{}\" height=\"{}\" fill=\"{fill}\"><title>{} · {}</title></rect>",
            x(i) + slot / 6,
            slot - slot / 3,
            base - top_y,
            m.month.strftime("%Y-%m"),
            esc(&(labels.usd)(m.credited_usd))
        );
        if i % 3 == 0 || i + 1 == months.len() {
            let _ = write!(
                out,
                "<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#59636e\">{}</text>",
                x(i) + slot / 2,
                base + 16,
                m.month.strftime("%Y-%m")
            );
        }
    }
    // The running total across the window.
    let points: Vec<String> =
        cumulative.iter().enumerate().filter_map(|(i, c)| c.map(|c| format!("{},{}", x(i) + slot / 2, y(c)))).collect();
    if !points.is_empty() {
        let _ = write!(
            out,
            "<polyline points=\"{}\" fill=\"none\" stroke=\"#1a7f37\" stroke-width=\"2.5\"><title>{}</title></polyline>",
            points.join(" "),
            esc(labels.cumulative)
        );
    }
    // Thresholds.
    for t in thresholds {
        let ty = y(t.usd.micros());
        let _ = write!(
            out,
            "<line x1=\"{LEFT}\" y1=\"{ty}\" x2=\"{}\" y2=\"{ty}\" stroke=\"#9a6700\" stroke-dasharray=\"6 4\"/>\
             <text x=\"{}\" y=\"{}\" font-size=\"12\" text-anchor=\"end\" fill=\"#9a6700\">{} · {}</text>",
            W - RIGHT,
            W - RIGHT,
            ty - 4,
            esc(&t.label),
            esc(&(labels.usd)(t.usd))
        );
    }
    // Legend.
    let _ = write!(
        out,
        "<line x1=\"{LEFT}\" y1=\"{ly}\" x2=\"{}\" y2=\"{ly}\" stroke=\"#1a7f37\" stroke-width=\"2.5\"/>\
         <text x=\"{}\" y=\"{}\" font-size=\"12\" fill=\"#1f2328\">{}</text></svg>",
        LEFT + 18,
        LEFT + 24,
        H - 6,
        esc(labels.cumulative),
        ly = H - 10,
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn month(m: &str, usd: i128, in_window: bool) -> CreditedMonth {
        CreditedMonth { month: m.parse().unwrap(), credited_usd: Usd(usd * 1_000_000), in_window }
    }

    #[test]
    fn the_running_total_reaches_the_threshold_line_when_the_window_total_does() {
        let months = [month("2018-01-01", 100, false), month("2018-02-01", 600, true), month("2018-03-01", 400, true)];
        let usd = |u: Usd| u.to_plain_string();
        let labels = Labels { title: "t", window: "w", cumulative: "c", usd: &usd };
        let out = svg(&months, &[Threshold { label: "Silver".into(), usd: Usd(1_000 * 1_000_000) }], &labels);
        assert!(out.starts_with("<svg") && out.ends_with("</svg>"));
        // The polyline's last point and the threshold line share a y coordinate.
        let last_point = out.split("<polyline points=\"").nth(1).unwrap().split('"').next().unwrap();
        let last_y = last_point.rsplit(',').next().unwrap();
        assert!(out.contains(&format!("y1=\"{last_y}\" x2=\"708\" y2=\"{last_y}\" stroke=\"#9a6700\"")), "{out}");
        assert_eq!(out.matches("<rect").count(), 4, "window + 3 bars");
    }

    #[test]
    fn nothing_to_draw_is_still_a_chart() {
        let usd = |u: Usd| u.to_plain_string();
        let labels = Labels { title: "<t>", window: "w", cumulative: "c", usd: &usd };
        let out = svg(&[], &[], &labels);
        assert!(out.contains("<title id=\"chart-title\">&lt;t&gt;</title>"));
    }
}
