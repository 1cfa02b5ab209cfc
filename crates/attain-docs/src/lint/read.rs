//! Reading a written page: front matter, the language it declares, the lines a reader sees
//! (comments removed; in the bilingual form, the translation without its English source),
//! and each translated segment beside its source.

use regex_lite::Regex;

/// A page's line as the checks read it.
pub(super) struct Line {
    /// 1-based line number in the file.
    pub number: usize,
    /// The line as written, with HTML comments blanked out.
    pub raw: String,
    /// What the reader sees: translations only, no tags.
    pub visible: String,
    /// The English source of the line's translated segments, where the page carries it.
    pub source: Option<String>,
    /// Each translated segment with its English source.
    pub segments: Vec<(String, String)>,
}

pub(super) struct Page {
    pub front: Vec<(String, String)>,
    /// The line of each front-matter key, for findings about it.
    pub front_lines: Vec<usize>,
    /// The language the page declares (`ms.contentlocale`, `<html lang>`), if any.
    pub locale: Option<String>,
    pub title: String,
    pub lines: Vec<Line>,
    /// The first line of the body.
    pub body_line: usize,
    /// Whether a comment hides a heading of the body (a retired page's requirements).
    pub hides_headings: bool,
}

pub(super) struct Markup {
    sxs: Regex,
    segment: Regex,
    tag: Regex,
    html_link: Regex,
    html_lang: Regex,
}

impl Markup {
    pub(super) fn new() -> Markup {
        let r = |p: &str| Regex::new(p).expect("valid pattern");
        Markup {
            sxs: r(r#"<span class="sxs-lookup"><span data-stu-id="[^"]*">(.*?)</span></span>"#),
            segment: r(
                r#"<span data-ttu-id="[^"]*">(.*?)</span><span class="sxs-lookup"><span data-stu-id="[^"]*">(.*?)</span></span>"#,
            ),
            tag: r(r"<[^>]+>"),
            html_link: r(r#"<a href="([^"]*)">(.*?)</a>"#),
            html_lang: r(r#"<html[^>]*\slang="([^"]+)""#),
        }
    }

    pub(super) fn read(&self, text: &str) -> Page {
        let all: Vec<&str> = text.lines().collect();
        let (front, front_lines, body_start) = front_matter(&all);
        let html = is_html(text);
        let key = |k: &str| front.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone());
        let locale = key("ms.contentlocale")
            .or_else(|| key("locale"))
            .or_else(|| key("lang"))
            .or_else(|| html.then(|| self.html_lang.captures(text).map(|c| c[1].to_owned())).flatten())
            .filter(|l| !l.is_empty());
        // Whether each line begins inside a comment; then each line read by itself (on every
        // core, on a long page), and whether it hides a heading.
        let mut in_comment = false;
        let body: Vec<(usize, &str, bool)> = all
            .iter()
            .enumerate()
            .skip(body_start)
            .map(|(i, raw)| {
                let starts_inside = in_comment;
                in_comment = comment_after(raw, in_comment);
                (i, *raw, starts_inside)
            })
            .collect();
        let read = super::each(&body, text.len() >= super::LONG_PAGE, |&(i, raw, mut in_comment)| {
            let (kept, commented) = uncommented(raw, &mut in_comment);
            let kept = ascii_digits(kept);
            let hides = commented && raw.trim_start().starts_with('#') && !kept.trim_start().starts_with('#');
            let bilingual = kept.contains("sxs-lookup");
            let segments: Vec<(String, String)> = match bilingual {
                true => self.segment.captures_iter(&kept).map(|c| (c[1].to_owned(), c[2].to_owned())).collect(),
                false => Vec::new(),
            };
            let source =
                bilingual.then(|| self.sxs.captures_iter(&kept).map(|c| c[1].to_owned()).collect::<Vec<_>>().join(" "));
            let visible = self.visible(&kept, html);
            (Line { number: i + 1, raw: kept, visible, source, segments }, hides)
        });
        let hides_headings = read.iter().any(|(_, hides)| *hides);
        let lines: Vec<Line> = read.into_iter().map(|(line, _)| line).collect();
        let title = key("title").unwrap_or_else(|| {
            lines
                .iter()
                .find(|l| l.visible.trim_start().starts_with('#'))
                .map(|l| l.visible.trim_start_matches('#').trim().to_owned())
                .unwrap_or_default()
        });
        Page { front, front_lines, locale, title, lines, body_line: body_start + 1, hides_headings }
    }

    /// What the reader sees of a line: translations only, no tags; in HTML, links and
    /// `<strong>` as Markdown writes them and the entities the HTML writer escapes, unescaped.
    pub(super) fn visible(&self, raw: &str, html: bool) -> String {
        if !raw.contains('<') {
            return raw.to_owned();
        }
        let without_sources = self.sxs.replace_all(raw, "");
        if !html {
            return self.tag.replace_all(&without_sources, "").into_owned();
        }
        let links = self.html_link.replace_all(&without_sources, "[$2]($1)");
        let bold = links.replace("<strong>", "**").replace("</strong>", "**");
        self.tag
            .replace_all(&bold, "")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&amp;", "&")
    }

    /// Text of a segment as the reader sees it (no tags).
    pub(super) fn plain(&self, text: &str) -> String {
        self.tag.replace_all(text, "").into_owned()
    }
}

/// The text with every decimal digit written in ASCII (`٣١` `๓๑` `３１` → `31`): pages in Arabic,
/// Persian, Hindi, Bengali or Thai script, or with full-width digits, may write numbers so.
fn ascii_digits(text: String) -> String {
    if text.is_ascii() {
        return text;
    }
    const ZEROS: [u32; 6] = [0x0660, 0x06F0, 0x0966, 0x09E6, 0x0E50, 0xFF10];
    text.chars()
        .map(|c| {
            let code = c as u32;
            ZEROS
                .iter()
                .find(|zero| (**zero..**zero + 10).contains(&code))
                .map_or(c, |zero| char::from(b'0' + (code - zero) as u8))
        })
        .collect()
}

/// The line with what HTML comments hide blanked out (so columns stay), and whether any was.
fn uncommented(raw: &str, in_comment: &mut bool) -> (String, bool) {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    let mut commented = false;
    loop {
        if *in_comment {
            commented = true;
            match rest.find("-->") {
                Some(end) => {
                    out.extend(std::iter::repeat_n(' ', rest[..end + 3].chars().count()));
                    rest = &rest[end + 3..];
                    *in_comment = false;
                }
                None => {
                    out.extend(std::iter::repeat_n(' ', rest.chars().count()));
                    return (out, commented);
                }
            }
        } else {
            match rest.find("<!--") {
                Some(start) => {
                    out.push_str(&rest[..start]);
                    rest = &rest[start..];
                    *in_comment = true;
                }
                None => {
                    out.push_str(rest);
                    return (out, commented);
                }
            }
        }
    }
}

/// Whether a line that begins inside a comment or not (`in_comment`) ends inside one: as
/// [`uncommented`] goes through it.
fn comment_after(raw: &str, mut in_comment: bool) -> bool {
    let mut rest = raw;
    loop {
        if in_comment {
            match rest.find("-->") {
                Some(end) => {
                    rest = &rest[end + 3..];
                    in_comment = false;
                }
                None => return true,
            }
        } else {
            match rest.find("<!--") {
                Some(start) => {
                    rest = &rest[start..];
                    in_comment = true;
                }
                None => return false,
            }
        }
    }
}

/// Whether the page is an HTML document rather than Markdown.
pub(super) fn is_html(text: &str) -> bool {
    let start: String = text.trim_start().chars().take(14).collect::<String>().to_ascii_lowercase();
    start.starts_with("<!doctype html") || start.starts_with("<html")
}

type FrontMatter = (Vec<(String, String)>, Vec<usize>, usize);

fn front_matter(lines: &[&str]) -> FrontMatter {
    if lines.first().map(|l| l.trim()) != Some("---") {
        return (Vec::new(), Vec::new(), 0);
    }
    let Some(end) = lines.iter().skip(1).position(|l| l.trim() == "---") else {
        return (Vec::new(), Vec::new(), 0);
    };
    let mut pairs = Vec::new();
    let mut numbers = Vec::new();
    for (i, l) in lines[1..=end].iter().enumerate() {
        if let Some((k, v)) = l.split_once(':') {
            pairs.push((k.trim().to_owned(), v.trim().trim_matches('"').to_owned()));
            numbers.push(i + 2);
        }
    }
    (pairs, numbers, end + 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_ends_inside_a_comment_as_its_reading_does() {
        for raw in
            ["", "a", "<!--", "-->", "<!-->", "a <!-- b --> c", "a --> b <!-- c", "<!-- a <!-- b --> c -->", "-->-->"]
        {
            for inside in [false, true] {
                let mut after = inside;
                uncommented(raw, &mut after);
                assert_eq!(comment_after(raw, inside), after, "{raw:?} {inside}");
            }
        }
    }
}
