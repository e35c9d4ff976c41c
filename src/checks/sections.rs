//! missing-section: a part the report must have is absent; numbering-slip: the parts' numbers
//! slip (an OCR'd "l六、", a skipped or repeated number).
//!
//! Today's format names six parts (一、总体情况 … 六、其他需要报告的事项); reports vary the wording
//! (五、存在的主要问题及整改措施), so a part is found by key words in the parts' headings. The 2014–2018
//! reports have no fixed outline (the sample's parts are 概述, 工作开展情况, 存在问题, 工作重点) but must
//! cover the matters of the 2008 Regulations (Art. 32), which they do under headings at any level.

use super::text::{Level, Narrative};
use super::{fact, finding, AgencyKind, KindSource};
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::form::FormId;
use crate::report::Report;

/// A part a report must have, and the words its heading is recognised by.
struct Part {
    heading: &'static str,
    words: &'static [&'static str],
}

/// What a report of one form must cover, and at which heading level it is looked for.
struct Outline {
    parts: &'static [Part],
    /// `Some(Part)`: only the parts' own headings (一、…) count; `None`: headings at any level.
    level: Option<Level>,
}

/// The matters of the 2008 Regulations, Art. 32, which a 2014–2018 report treats under headings
/// of its own choosing.
const OUTLINE_2016: Outline = Outline {
    parts: &[
        Part { heading: "主动公开政府信息的情况", words: &["主动公开"] },
        Part { heading: "依申请公开政府信息的情况", words: &["依申请", "申请公开"] },
        Part { heading: "收费及减免情况", words: &["费用", "收费"] },
        Part { heading: "行政复议、行政诉讼情况", words: &["复议", "诉讼"] },
        Part { heading: "存在的主要问题及改进情况", words: &["问题", "改进", "不足"] },
    ],
    level: None,
};

/// The six parts of today's format (2019 trial and 2021 alike).
const OUTLINE_TODAY: Outline = Outline {
    parts: &[
        Part { heading: "一、总体情况", words: &["总体", "概述", "基本情况"] },
        Part { heading: "二、主动公开政府信息情况", words: &["主动公开"] },
        // Not a bare 申请: the old wording of part 四 reads 被申请行政复议.
        Part {
            heading: "三、收到和处理政府信息公开申请情况",
            words: &["收到和处理", "依申请", "公开申请", "申请情况"],
        },
        Part { heading: "四、政府信息公开行政复议、行政诉讼情况", words: &["复议", "诉讼"] },
        Part {
            heading: "五、存在的主要问题及改进情况", words: &["问题", "改进", "整改", "不足"]
        },
        Part { heading: "六、其他需要报告的事项", words: &["其他"] },
    ],
    level: Some(Level::Part),
};

/// What a people's government's report must also cover (2019 Regulations, Art. 50), found
/// anywhere in its text: it usually sits inside 一、 or 六、.
const GOVERNMENT_EXTRA: Part = Part {
    heading: "工作考核、社会评议和责任追究结果情况",
    words: &["考核", "评议", "责任追究"],
};

fn outline(form: FormId) -> &'static Outline {
    match form {
        FormId::F2016 | FormId::F2016Fj => &OUTLINE_2016,
        FormId::F2019 | FormId::F2021 => &OUTLINE_TODAY,
    }
}

pub(crate) fn check(report: &Report, text: &Narrative, kind: Option<(AgencyKind, KindSource)>) -> Vec<Diagnostic> {
    // Nothing written yet is not a report missing its parts.
    if text.text.trim().is_empty() {
        return Vec::new();
    }
    let outline = outline(report.form);
    let headings: Vec<&str> = text
        .headings
        .iter()
        .filter(|h| outline.level.is_none_or(|level| h.level == level))
        .map(|h| text.heading_text(h))
        .collect();
    let mut found = Vec::new();
    for (i, part) in outline.parts.iter().enumerate() {
        if !headings.iter().any(|h| part.words.iter().any(|w| h.contains(w))) {
            found.push(missing(part, i + 1));
        }
    }
    if outline.level.is_some() {
        found.extend(empty_parts(report, text, outline));
    }
    let government = matches!(kind, Some((AgencyKind::Government, _)));
    if government
        && !matches!(report.form, FormId::F2016 | FormId::F2016Fj)
        && !GOVERNMENT_EXTRA.words.iter().any(|w| text.text.contains(w))
    {
        found.push(missing(&GOVERNMENT_EXTRA, 0));
    }
    found.extend(numbering(text));
    found
}

/// The parts of today's outline that are text (一、五、六): 二、三、四 are their tables.
const TEXT_PARTS: &[usize] = &[0, 4, 5];

/// Answers that say nothing: reviewers do not count them.
const TOKENS: &[&str] = &["无", "暂无", "没有", "不涉及", "无此项", "无此情况", "略"];

/// Words that report the information processing fees (2021's part 六 must, even when none).
const FEE_WORDS: &[&str] = &["收费", "费用", "信息处理费", "收取"];

/// empty-section: a text part present but saying nothing (a heading and nothing under it, or a
/// token answer), and 2021's part 六 without the fees.
fn empty_parts(report: &Report, text: &Narrative, outline: &Outline) -> Vec<Diagnostic> {
    let parts: Vec<&super::text::Heading> = text.parts().collect();
    let mut found = Vec::new();
    for &i in TEXT_PARTS {
        let part = &outline.parts[i];
        let Some(at) = parts.iter().position(|h| part.words.iter().any(|w| text.heading_text(h).contains(w))) else {
            continue;
        };
        let h = parts[at];
        // The body: after the heading's line, up to the next part (or, for the last, the
        // signature and date, which are not the part's content but say nothing of it either).
        let line_end = text.text[h.end..].find('\n').map_or(text.text.len(), |n| h.end + n);
        let body_end = parts.get(at + 1).map_or(text.text.len(), |next| next.start);
        let body = &text.text[line_end.min(body_end)..body_end];
        // Text run on after the heading on its own line counts ("六、其他需要报告的事项。本年度无。").
        let inline = &text.text[h.end..line_end.min(body_end)];
        let said: String = format!("{inline}{body}").chars().filter(|c| c.is_alphanumeric()).collect();
        let heading = text.heading_text(h).to_string();
        let quote = Some(text.quote(h.start, h.end));
        let facts = |kind: &str, token: Option<String>| {
            let mut facts = vec![(fact::PART, heading.clone()), (fact::EMPTY, kind.to_string())];
            if let Some(token) = token {
                facts.push((fact::STATEMENT, token));
            }
            facts
        };
        // Part 六 may truly have nothing else to report ("无"), except in 2021's format, where it
        // must at least say what fees were charged.
        let other_matters = i == 5;
        if said.is_empty() {
            found.push(finding(Code::EmptySection, Vec::new(), quote, facts("empty", None)));
        } else if other_matters {
            if report.form == FormId::F2021 && !FEE_WORDS.iter().any(|w| said.contains(w)) {
                found.push(finding(Code::EmptySection, Vec::new(), quote, facts("fees", None)));
            }
        } else if TOKENS.contains(&said.as_str()) {
            found.push(finding(Code::EmptySection, Vec::new(), quote, facts("token", Some(said))));
        }
    }
    found
}

fn missing(part: &Part, number: usize) -> Diagnostic {
    let mut facts = vec![(fact::PART, part.heading.to_string())];
    if number > 0 {
        facts.push((fact::PART_NUMBER, number.to_string()));
    }
    finding(Code::MissingSection, Vec::new(), None, facts)
}

/// The parts' numbers in order: each one more than the last, nothing before the numeral.
fn numbering(text: &Narrative) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let mut previous = 0;
    for h in text.parts() {
        let slip = if h.stray > 0 {
            Some(("stray", h.number))
        } else if h.number == previous {
            Some(("repeated", previous + 1))
        } else if h.number > previous + 1 {
            Some(("skipped", previous + 1))
        } else if h.number < previous {
            Some(("order", previous + 1))
        } else {
            None
        };
        // A repeated or out-of-order number is a typo for the one expected: the next part is
        // judged against that, so one slip is reported once.
        previous = match slip {
            Some(("repeated" | "order", expected)) => expected,
            _ => h.number,
        };
        if let Some((slip, expected)) = slip {
            let mut d = finding(
                Code::NumberingSlip,
                Vec::new(),
                Some(text.quote(h.start, h.end)),
                vec![
                    (fact::SLIP, slip.to_string()),
                    (fact::HEADING, text.heading_text(h).to_string()),
                    (fact::EXPECTED_MARKER, format!("{}、", chinese_numeral(expected))),
                ],
            );
            d.severity = Severity::Info;
            found.push(d);
        }
    }
    found
}

/// 1 → 一, 10 → 十, 12 → 十二, 20 → 二十 (up to 99, as the parts go).
fn chinese_numeral(n: u32) -> String {
    const DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    let (tens, ones) = (n / 10 % 10, n % 10);
    let mut s = String::new();
    if tens > 1 {
        s.push(DIGITS[tens as usize]);
    }
    if tens > 0 {
        s.push('十');
    }
    if ones > 0 || tens == 0 {
        s.push(DIGITS[ones as usize]);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::chinese_numeral;

    #[test]
    fn numerals_as_headings_write_them() {
        assert_eq!(chinese_numeral(1), "一");
        assert_eq!(chinese_numeral(6), "六");
        assert_eq!(chinese_numeral(10), "十");
        assert_eq!(chinese_numeral(12), "十二");
        assert_eq!(chinese_numeral(20), "二十");
    }
}
