//! The report's metadata and narrative, read from its text: the title, the year it reports on, the
//! agency, the publication date, and the text outside the tables.

use super::document::{is_drawn_rule, Document, LineKind, Syntax};
use super::readers::markdown::strip_inline_markup;

/// What the text says about the report, with the line the title was read from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Meta {
    /// Index into the document's lines.
    pub title_line: Option<usize>,
    pub title: Option<String>,
    pub year: Option<u16>,
    pub agency: Option<String>,
    pub date: Option<String>,
}

fn fold_digit(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// A line's text as narrative: Markdown's heading and emphasis markers are layout, not words.
pub(crate) fn line_text(syntax: Syntax, text: &str) -> &str {
    match syntax {
        Syntax::Markdown => strip_inline_markup(text),
        _ => text.trim_end(),
    }
}

/// At most the first `max` bytes of `text`, cut at a character boundary: metadata sits near its
/// key, and a megabyte line must not be scanned character by character for it.
fn head(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// The first report year in `text`: four digits (1990–2100) followed by 年.
fn year_in(text: &str) -> Option<(u16, usize, usize)> {
    let chars: Vec<(usize, char)> = text.char_indices().map(|(i, c)| (i, fold_digit(c))).collect();
    for w in 0..chars.len() {
        if w > 0 && chars[w - 1].1.is_ascii_digit() {
            continue;
        }
        let digits: String = chars[w..].iter().take(4).map(|&(_, c)| c).collect();
        if digits.len() != 4 || !digits.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        let Some(&(at, '年')) = chars.get(w + 4) else { continue };
        let year: u16 = digits.parse().ok()?;
        if (1990..=2100).contains(&year) {
            return Some((year, chars[w].0, at + '年'.len_utf8()));
        }
    }
    None
}

/// A date written as 2024年1月17日, 2020-01-31, 2020/1/31 or 2020.1.31, as `YYYY-MM-DD`, with the
/// byte range it spans.
fn date_in(text: &str) -> Option<(String, usize, usize)> {
    let chars: Vec<(usize, char)> = text.char_indices().map(|(i, c)| (i, fold_digit(c))).collect();
    let number = |from: usize, max: usize| -> Option<(u32, usize)> {
        let n = chars[from..].iter().take_while(|&&(_, c)| c.is_ascii_digit()).count();
        if n == 0 || n > max {
            return None;
        }
        let s: String = chars[from..from + n].iter().map(|&(_, c)| c).collect();
        Some((s.parse().ok()?, from + n))
    };
    for start in 0..chars.len() {
        if start > 0 && chars[start - 1].1.is_ascii_digit() {
            continue;
        }
        let Some((year, i)) = number(start, 4).filter(|&(_, i)| i - start == 4) else { continue };
        let Some(&(_, sep)) = chars.get(i) else { continue };
        let (month_sep, day_end) = match sep {
            '年' => ('月', Some('日')),
            '-' | '/' | '.' => (sep, None),
            _ => continue,
        };
        let Some((month, j)) = number(i + 1, 2) else { continue };
        if chars.get(j).map(|&(_, c)| c) != Some(month_sep) {
            continue;
        }
        let Some((day, k)) = number(j + 1, 2) else { continue };
        let end = match day_end {
            Some(mark) if chars.get(k).map(|&(_, c)| c) == Some(mark) => k + 1,
            Some(_) => continue,
            None => k,
        };
        if !(1990..=2100).contains(&year) || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
            continue;
        }
        let end_byte = chars.get(end).map(|&(b, _)| b).unwrap_or(text.len());
        return Some((format!("{year:04}-{month:02}-{day:02}"), chars[start].0, end_byte));
    }
    None
}

/// The date written after `key` on a line (发布日期：2020-01-31, 填报日期:2017年2月16日).
fn date_after(text: &str, key: &str) -> Option<String> {
    let at = text.find(key)?;
    let rest = head(&text[at + key.len()..], 64);
    let (date, start, _) = date_in(rest)?;
    // Only the date that directly follows the key and its colon, not one further on the line.
    let gap = &rest[..start];
    gap.chars().all(|c| c.is_whitespace() || matches!(c, ':' | '：' | '(' | ')' | '（' | '）')).then_some(date)
}

/// The text after `key` and its colon, up to a wide gap or the end (填报单位(盖章):www. 57365.com).
fn field_after(text: &str, key: &str) -> Option<String> {
    let at = text.find(key)?;
    let rest = head(&text[at + key.len()..], 200);
    let colon = rest.find([':', '：'])?;
    let head = &rest[..colon];
    if head.chars().any(|c| !matches!(c, '(' | ')' | '（' | '）' | ' ' | '盖' | '章')) {
        return None;
    }
    let value = rest[colon..].trim_start_matches([':', '：']).trim();
    let value = value.split("  ").next().unwrap_or(value).split('|').next().unwrap_or(value).trim();
    (!value.is_empty()).then(|| value.to_string())
}

/// The agency named in a title: the text before the year, else the text between the year and
/// 政府信息公开 (2019年上海市人民政府办公厅政府信息公开工作年度报告).
fn agency_in_title(title: &str, year_start: usize, year_end: usize) -> Option<String> {
    let clean = |s: &str| {
        let s = s.trim_matches(|c: char| c.is_whitespace() || "，,、:：（(".contains(c));
        let s = s.strip_suffix("关于").unwrap_or(s).trim();
        (!s.is_empty()).then(|| s.to_string())
    };
    if let Some(before) = clean(&title[..year_start]) {
        return Some(before);
    }
    let after = title[year_end..].trim_start_matches('度');
    let end = after.find("政府信息公开").or_else(|| after.find("年度报告"))?;
    clean(&after[..end])
}

/// A line that is only an agency's name: short, no punctuation, and ending as an agency's name does.
fn agency_line(text: &str) -> Option<String> {
    let short = text.chars().count() <= 30;
    let plain = !text.contains(['，', ',', '。', '：', ':', '；', '、']);
    (short && plain && crate::checks::agency_kind_of(text).is_some()).then(|| text.to_string())
}

/// A line that is only a date: the closing date under the agency's name.
fn closing_date(text: &str) -> Option<String> {
    let t = text.trim();
    if t.len() > 40 {
        return None;
    }
    let (date, start, end) = date_in(t)?;
    (start == 0 && end == t.len()).then_some(date)
}

pub(crate) fn read(doc: &Document) -> Meta {
    let mut meta = Meta::default();
    // The title: the first lines of text, if one of them says it is a report.
    let text_lines: Vec<usize> =
        doc.lines.iter().enumerate().filter(|(_, l)| l.kind == LineKind::Text).map(|(i, _)| i).take(3).collect();
    for &i in &text_lines {
        let t = line_text(doc.syntax, &doc.lines[i].text).trim();
        if t.contains("报告") && t.chars().count() <= 100 {
            meta.title_line = Some(i);
            meta.title = Some(t.to_string());
            break;
        }
    }

    if let Some((year, start, end)) = meta.title.as_deref().and_then(year_in) {
        meta.year = Some(year);
        meta.agency = meta.title.as_deref().and_then(|t| agency_in_title(t, start, end));
    }
    // A title broken over two lines, the agency's name on the first (平潭县人民政府 /
    // 2013年政府信息公开工作年度报告).
    let above = meta.title_line.and_then(|t| text_lines.iter().copied().rfind(|&i| i < t));
    let agency_above = above.map(|i| line_text(doc.syntax, &doc.lines[i].text).trim()).and_then(agency_line);

    let mut published = None;
    let mut closing = None;
    let mut filled_in = None;
    let mut filed_by = None;
    let mut year_of_table = None;
    for line in &doc.lines {
        let text = match &line.kind {
            LineKind::Text => line.text.clone(),
            LineKind::Row(cells) => cells.join("  "),
            _ => continue,
        };
        if published.is_none() {
            published = date_after(&text, "发布日期").or_else(|| date_after(&text, "公开日期"));
        }
        if line.kind == LineKind::Text {
            if let Some(date) = closing_date(line_text(doc.syntax, &line.text)) {
                closing = Some(date);
            }
        }
        if filled_in.is_none() {
            filled_in = date_after(&text, "填报日期");
        }
        if filed_by.is_none() {
            filed_by = field_after(&text, "填报单位");
        }
        if year_of_table.is_none() && text.len() <= 200 {
            year_of_table =
                text.find("年度").and_then(|_| year_in(&text)).filter(|&(_, _, end)| text[end..].starts_with('度'));
        }
    }
    meta.year = meta.year.or(year_of_table.map(|(y, _, _)| y));
    meta.agency = meta.agency.or(filed_by).or(agency_above);
    meta.date = published.or(closing).or(filled_in);
    meta
}

/// The text outside the tables, as written: the preamble, the title, table rows and captions
/// left out, runs of blank lines kept as one.
pub(crate) fn narrative(doc: &Document, meta: &Meta, in_table: &[bool]) -> String {
    let mut out = String::new();
    let mut blank_pending = false;
    for (i, line) in doc.lines.iter().enumerate() {
        if Some(i) == meta.title_line || in_table.get(i).copied().unwrap_or(false) {
            continue;
        }
        match line.kind {
            LineKind::Text if !is_drawn_rule(&line.text) => {
                if blank_pending && !out.is_empty() {
                    out.push('\n');
                }
                blank_pending = false;
                out.push_str(line_text(doc.syntax, &line.text));
                out.push('\n');
            }
            LineKind::Blank | LineKind::Row(_) | LineKind::Rule => blank_pending = true,
            _ => {}
        }
    }
    out.truncate(out.trim_end().len());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_the_forms_reports_use() {
        assert_eq!(date_in("2024年1月17日").map(|d| d.0), Some("2024-01-17".into()));
        assert_eq!(date_in("发布日期：2020-01-31").map(|d| d.0), Some("2020-01-31".into()));
        assert_eq!(date_in("２０１７年２月１６日").map(|d| d.0), Some("2017-02-16".into()));
        assert_eq!(date_in("2016年1月1日至2016年12月31日").map(|d| d.0), Some("2016-01-01".into()));
        assert_eq!(date_in("2023年13月1日"), None);
        assert_eq!(date_in("12016年1月1日").map(|d| d.0), None);
    }

    #[test]
    fn closing_date_is_a_line_of_its_own() {
        assert_eq!(closing_date("2024年1月17日"), Some("2024-01-17".into()));
        assert_eq!(closing_date("统计时限为2023年1月1日至2023年12月31日"), None);
    }

    #[test]
    fn fields_after_their_key() {
        assert_eq!(field_after("填报单位(盖章):www. 57365.com", "填报单位"), Some("www. 57365.com".into()));
        assert_eq!(date_after("联系电话:0858-8226150 填报日期:2017年2月16日", "填报日期"), Some("2017-02-16".into()));
    }

    #[test]
    fn agency_on_the_line_above_a_broken_title() {
        assert_eq!(agency_line("平潭县人民政府").as_deref(), Some("平潭县人民政府"));
        assert_eq!(agency_line("首页 > 政务公开"), None);
        assert_eq!(agency_line("本报告由概述、主动公开政府信息情况等部分组成，数据截至12月31日"), None);
    }

    #[test]
    fn agency_before_or_after_the_year() {
        let t = "沭阳县发展和改革局2023年政府信息公开年度报告";
        let (_, s, e) = year_in(t).unwrap();
        assert_eq!(agency_in_title(t, s, e).as_deref(), Some("沭阳县发展和改革局"));
        let t = "2019年上海市人民政府办公厅政府信息公开工作年度报告";
        let (_, s, e) = year_in(t).unwrap();
        assert_eq!(agency_in_title(t, s, e).as_deref(), Some("上海市人民政府办公厅"));
    }
}
