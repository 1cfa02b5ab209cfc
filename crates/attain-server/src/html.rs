//! Writing HTML: escaping, and the page every dashboard view sits in.

use std::fmt::Write;

/// `text` safe inside an element or a double-quoted attribute.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A query-string component.
pub fn url_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

const STYLE: &str = r#"
:root { --ink:#1f2328; --muted:#59636e; --line:#d1d9e0; --bg:#f6f8fa; --accent:#0969da; --ok:#1a7f37; --warn:#9a6700; --bad:#cf222e;
        --gold:#b08800; --silver:#6e7781; font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK KR", "Noto Sans CJK SC", "Noto Sans CJK JP", sans-serif; }
* { box-sizing: border-box; }
body { margin:0; color:var(--ink); background:#fff; line-height:1.45; word-break:keep-all; overflow-wrap:break-word; }
header.top { display:flex; flex-wrap:wrap; gap:.5rem 1rem; align-items:center; justify-content:space-between; padding:.6rem 1rem; border-bottom:1px solid var(--line); background:var(--bg); }
header.top .brand { font-weight:600; }
header.top .brand small { font-weight:400; color:var(--muted); }
main { max-width:64rem; margin:0 auto; padding:1rem; }
h1 { font-size:1.5rem; margin:.2rem 0; } h1 small { color:var(--muted); font-weight:400; font-size:1rem; }
h2 { font-size:1.15rem; margin:1.6rem 0 .6rem; padding-bottom:.25rem; border-bottom:1px solid var(--line); }
h3 { font-size:1rem; margin:1rem 0 .4rem; }
.muted { color:var(--muted); }
.hero { display:grid; grid-template-columns: 1fr auto; gap:.5rem 1rem; align-items:start; }
.badge { display:inline-block; padding:.5rem 1.1rem; border-radius:999px; font-weight:700; font-size:1.15rem; color:#fff; background:var(--muted); letter-spacing:.02em; }
.badge.gold { background:linear-gradient(135deg,#d4a72c,#9a6700); } .badge.silver { background:linear-gradient(135deg,#a5afb9,#57606a); } .badge.none { background:#fff; color:var(--muted); border:2px dashed var(--line); }
.alert { border-left:4px solid var(--warn); background:#fff8c5; padding:.5rem .8rem; margin:.6rem 0; }
.ok { color:var(--ok); } .bad { color:var(--bad); }
form.inline { display:flex; flex-wrap:wrap; gap:.5rem; align-items:end; margin:.8rem 0; }
form.inline label { display:flex; flex-direction:column; font-size:.85rem; color:var(--muted); }
input, select, button, textarea { font:inherit; padding:.35rem .5rem; border:1px solid var(--line); border-radius:6px; }
button { background:var(--accent); color:#fff; border-color:var(--accent); cursor:pointer; }
button.link { background:none; color:var(--accent); border:none; padding:0; }
.req { display:grid; grid-template-columns: minmax(9rem, 14rem) 1fr; gap:.3rem 1rem; align-items:center; margin:.3rem 0; }
.bar { height:.9rem; background:var(--bg); border:1px solid var(--line); border-radius:999px; overflow:hidden; }
.bar > span { display:block; height:100%; background:var(--accent); }
.bar.met > span { background:var(--ok); }
.req .figures { grid-column: 2; font-size:.9rem; }
.levels { display:grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap:0 1.5rem; }
table { border-collapse:collapse; width:100%; font-size:.92rem; }
th, td { text-align:left; padding:.35rem .5rem; border-bottom:1px solid var(--line); vertical-align:top; }
td.num, th.num { text-align:right; font-variant-numeric: tabular-nums; white-space:nowrap; }
figure.chart { margin:0; }
.chart svg { display:block; width:100%; height:auto; }
.chart svg.narrow { display:none; max-width:28rem; }
ul.legend { list-style:none; padding:0; margin:.4rem 0 0; display:flex; flex-wrap:wrap; gap:.2rem 1.2rem; font-size:.9rem; color:var(--muted); }
.key { display:inline-block; width:1.6rem; vertical-align:middle; margin-right:.4rem; }
.key.line { border-top:3px solid var(--ok); } .key.in-force { border-top:8px solid #8c959f; } .key.draft { border-top:8px solid #0969da; }
figure.shift { margin:.8rem 0; max-width:40rem; } .pairs { display:grid; grid-template-columns: minmax(5rem, max-content) 1fr auto; gap:.15rem .6rem; align-items:center; }
.pair { display:contents; } .pair .label { grid-row: span 2; font-weight:600; }
.track { height:.8rem; background:var(--bg); border-radius:4px; overflow:hidden; } .fill { display:block; height:100%; }
.fill.in-force { background:#8c959f; } .fill.draft { background:#0969da; } .pair .count { font-variant-numeric: tabular-nums; font-size:.9rem; text-align:right; }
form.whatif { display:grid; gap:.6rem; max-width:40rem; } form.whatif label { display:flex; flex-direction:column; font-size:.85rem; color:var(--muted); }
form.whatif textarea { font-family: ui-monospace, monospace; font-size:.85rem; } .key.dashed { border-top:2px dashed var(--warn); }
.tiles { display:flex; flex-wrap:wrap; gap:.8rem; }
.tile { border:1px solid var(--line); border-radius:8px; padding:.6rem 1rem; min-width:8rem; }
.tile b { display:block; font-size:1.5rem; }
ul.plain { padding-left:1.1rem; }
@media (max-width: 40rem) {
  .hero { grid-template-columns: 1fr; }
  .req { grid-template-columns: 1fr; } .req .figures { grid-column: 1; }
  main { padding:.75rem; }
  .chart svg.wide { display:none; } .chart svg.narrow { display:block; }
  /* A table's rows become blocks of "header  value" lines: no column cut off, nothing to scroll. */
  table.stack thead { display:none; }
  table.stack, table.stack tbody, table.stack tr { display:block; }
  table.stack tr { border-bottom:1px solid var(--line); padding:.35rem 0; }
  table.stack td { display:grid; grid-template-columns:minmax(6rem, 38%) 1fr; gap:.6rem; border:none; padding:.1rem 0; }
  table.stack td:empty { display:none; }
  table.stack td.num { text-align:left; white-space:normal; }
  table.stack td::before { content:attr(data-label); color:var(--muted); font-size:.85rem; }
}
"#;

/// A table of `headers` (each with whether its column holds numbers, aligned right) that reads on
/// any width: on a narrow screen each row becomes a block of lines, each cell under its header's
/// name (`data-label`), so that no column is cut off and nothing scrolls sideways.
pub struct Table {
    labels: Vec<(String, bool)>,
    out: String,
}

impl Table {
    pub fn new<S: AsRef<str>>(headers: impl IntoIterator<Item = (S, bool)>) -> Table {
        let labels: Vec<(String, bool)> = headers.into_iter().map(|(h, numeric)| (esc(h.as_ref()), numeric)).collect();
        let mut out = String::from("<table class=\"stack\"><thead><tr>");
        for (label, numeric) in &labels {
            let _ = write!(out, "<th{}>{label}</th>", if *numeric { " class=\"num\"" } else { "" });
        }
        out.push_str("</tr></thead><tbody>");
        Table { labels, out }
    }

    /// A row of cells, each HTML (already escaped) with an optional class, in the headers' order.
    pub fn row<'c>(&mut self, cells: impl IntoIterator<Item = (&'c str, &'c str)>) {
        self.out.push_str("<tr>");
        for ((html, class), (label, numeric)) in cells.into_iter().zip(&self.labels) {
            let class = match (*numeric, class) {
                (true, "") => "num".to_owned(),
                (true, class) => format!("num {class}"),
                (false, class) => class.to_owned(),
            };
            let class = if class.is_empty() { String::new() } else { format!(" class=\"{class}\"") };
            // One element inside, so that the narrow layout's grid holds the content in one cell.
            if html.is_empty() {
                let _ = write!(self.out, "<td{class} data-label=\"{label}\"></td>");
            } else {
                let _ = write!(self.out, "<td{class} data-label=\"{label}\"><span>{html}</span></td>");
            }
        }
        self.out.push_str("</tr>");
    }

    pub fn finish(mut self) -> String {
        self.out.push_str("</tbody></table>");
        self.out
    }
}

/// A whole page: `title`, in `lang`, with the top bar (sign-out when signed in) and `body`.
pub fn page(lang: &str, title: &str, brand: &str, signout: Option<&str>, body: &str) -> String {
    let mut out = String::with_capacity(body.len() + STYLE.len() + 1024);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<header class=\"top\"><div class=\"brand\">{brand}</div>",
        lang = esc(lang),
        title = esc(title),
    );
    if let Some(label) = signout {
        let _ = write!(
            out,
            "<form method=\"post\" action=\"/signout\"><button class=\"link\" type=\"submit\">{}</button></form>",
            esc(label)
        );
    }
    out.push_str("</header>\n<main>\n");
    out.push_str(body);
    out.push_str("\n</main>\n</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_data_stays_text() {
        assert_eq!(
            esc("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        assert_eq!(url_component("P 01&x=ü"), "P%2001%26x%3D%C3%BC");
    }
}
