//! A requirement page as blocks, written out as Markdown (in the seeds' structure) or HTML.
//! Inline text may carry Markdown `**bold**` and `[links](url)`; the HTML writer converts them.

pub(crate) enum Block {
    Heading {
        depth: usize,
        anchor: String,
        text: String,
    },
    Paragraph(String),
    /// A list item; `depth` 0 is the outermost list. `number` makes it an ordered item.
    Item {
        depth: usize,
        number: Option<u32>,
        text: String,
    },
    /// A paragraph inside the list item at `depth - 1`, between its sub-lists.
    ListParagraph {
        depth: usize,
        text: String,
    },
}

pub(crate) struct Page {
    pub lang: String,
    pub title: String,
    pub front_matter: Vec<(&'static str, String)>,
    pub blocks: Vec<Block>,
    pub footer: String,
}

impl Page {
    pub fn markdown(&self) -> String {
        let mut out = String::from("---\n");
        for (key, value) in &self.front_matter {
            out.push_str(&format!("{key}: {value}\n"));
        }
        out.push_str("---\n");
        let indent = |depth: usize| "    ".repeat(depth);
        let mut previous_was_item = false;
        for block in &self.blocks {
            match block {
                Block::Heading { depth, anchor, text } => {
                    out.push_str(&format!("\n{} <a name=\"{anchor}\"></a>{text}\n", "#".repeat(*depth)));
                    previous_was_item = false;
                }
                Block::Paragraph(text) => {
                    out.push_str(&format!("\n{text}\n"));
                    previous_was_item = false;
                }
                Block::Item { depth, number, text } => {
                    if !previous_was_item || *depth == 0 {
                        out.push('\n');
                    }
                    let marker = number.map_or("-".to_owned(), |n| format!("{n}."));
                    out.push_str(&format!("{}{marker} {text}\n", indent(*depth)));
                    previous_was_item = true;
                }
                Block::ListParagraph { depth, text } => {
                    out.push_str(&format!("\n{}{text}\n", indent(*depth)));
                    previous_was_item = false;
                }
            }
        }
        out
    }

    pub fn html(&self) -> String {
        let mut body = String::new();
        // Open lists, outermost first: (depth, tag).
        let mut open: Vec<(usize, &str)> = Vec::new();
        let close_to = |body: &mut String, open: &mut Vec<(usize, &str)>, depth: Option<usize>| {
            while let Some(&(d, tag)) = open.last() {
                if depth.is_some_and(|keep| d <= keep) {
                    break;
                }
                body.push_str(&format!("</li></{tag}>\n"));
                open.pop();
            }
        };
        for block in &self.blocks {
            match block {
                Block::Heading { depth, anchor, text } => {
                    close_to(&mut body, &mut open, None);
                    body.push_str(&format!("<h{depth} id=\"{}\">{}</h{depth}>\n", escape(anchor), inline(text)));
                }
                Block::Paragraph(text) => {
                    close_to(&mut body, &mut open, None);
                    body.push_str(&format!("<p>{}</p>\n", inline(text)));
                }
                Block::Item { depth, number, text } => {
                    let tag = if number.is_some() { "ol" } else { "ul" };
                    close_to(&mut body, &mut open, Some(*depth));
                    match open.last() {
                        Some(&(d, t)) if d == *depth && t == tag => body.push_str("</li>\n"),
                        Some(&(d, t)) if d == *depth => {
                            body.push_str(&format!("</li></{t}>\n<{tag}>\n"));
                            open.pop();
                            open.push((*depth, tag));
                        }
                        _ => {
                            let start = number.filter(|n| *n > 1).map_or(String::new(), |n| format!(" start=\"{n}\""));
                            body.push_str(&format!("<{tag}{start}>\n"));
                            open.push((*depth, tag));
                        }
                    }
                    body.push_str(&format!("<li>{}", inline(text)));
                }
                Block::ListParagraph { depth, text } => {
                    close_to(&mut body, &mut open, Some(depth.saturating_sub(1)));
                    body.push_str(&format!("<p class=\"or\">{}</p>\n", inline(text)));
                }
            }
        }
        close_to(&mut body, &mut open, None);
        format!(
            "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n\
             <style>{STYLE}</style>\n</head>\n<body>\n<main>\n{body}</main>\n<footer>{footer}</footer>\n</body>\n</html>\n",
            lang = escape(&self.lang),
            title = escape(&self.title),
            footer = inline(&self.footer),
        )
    }
}

const STYLE: &str = "\
:root{color-scheme:light;--ink:#1b1f24;--muted:#57606a;--line:#d0d7de;--accent:#0b5cad}\
body{margin:0;background:#f6f8fa;color:var(--ink);font:16px/1.6 system-ui,-apple-system,'Segoe UI',Roboto,\
'Noto Sans','Noto Sans CJK KR','Noto Sans CJK SC','Noto Sans CJK JP','Apple SD Gothic Neo','PingFang SC',\
'Hiragino Sans','Microsoft YaHei','Malgun Gothic',sans-serif}\
main{max-width:46rem;margin:2rem auto;padding:2rem 2.5rem;background:#fff;border:1px solid var(--line);border-radius:8px}\
h1{font-size:1.9rem;margin:.2rem 0 .8rem}h2{font-size:1.4rem;margin-top:2rem;border-bottom:1px solid var(--line);\
padding-bottom:.3rem}h3{font-size:1.2rem;margin-top:1.8rem;color:var(--accent)}\
ul,ol{padding-left:1.6rem}li{margin:.25rem 0}p.or{font-weight:600;margin:.6rem 0}\
a{color:var(--accent);text-decoration:none}a:hover{text-decoration:underline}\
footer{max-width:46rem;margin:0 auto 2rem;padding:0 1rem;color:var(--muted);font-size:.85rem}\
@media (max-width:600px){main{margin:0;border:0;border-radius:0;padding:1.2rem}}";

pub(crate) fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// Markdown `**bold**` and `[text](url)` to HTML, everything else escaped.
fn inline(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    let mut bold = false;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("\\*") {
            out.push('*');
            rest = after;
        } else if let Some(after) = rest.strip_prefix("**") {
            out.push_str(if bold { "</strong>" } else { "<strong>" });
            bold = !bold;
            rest = after;
        } else if let Some((label, url, after)) = link(rest) {
            out.push_str(&format!("<a href=\"{}\">{}</a>", escape(url), inline(label)));
            rest = after;
        } else {
            let first = rest.chars().next().map_or(1, char::len_utf8);
            let next = rest[first..].find(['*', '[', '\\']).map_or(rest.len(), |i| i + first);
            out.push_str(&escape(&rest[..next]));
            rest = &rest[next..];
        }
    }
    if bold {
        out.push_str("</strong>");
    }
    out
}

fn link(text: &str) -> Option<(&str, &str, &str)> {
    let label_end = text.strip_prefix('[')?.find("](")? + 1;
    let url_end = text[label_end + 2..].find(')')? + label_end + 2;
    Some((&text[1..label_end], &text[label_end + 2..url_end], &text[url_end + 1..]))
}
