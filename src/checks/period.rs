//! wrong-year: the text speaks of another year than the one it reports on. Two faults reviewers
//! grade: the statistics period ("统计期限自2022年1月1日起至2022年12月31日止" in a 2023 report), and a
//! sentence reporting the year's work dated in an earlier year ("2022年共收到申请81件"): last year's
//! report copied and half updated.
//!
//! A finding is an accusation, so a year is only taken for the report's own when nothing says
//! otherwise: a comparison (与2022年相比, 较上年, 同比), a document number (〔2022〕), a title (《…》),
//! a cumulative count (截至), or a plan for a later year are other years on purpose.

use super::text::{places, Narrative};
use super::{fact, finding};
use crate::diagnostic::{Code, Diagnostic};
use crate::report::Report;

/// Words that open the sentence giving the statistics period.
const PERIOD_WORDS: &[&str] = &["统计期限", "统计时限", "统计期间", "统计时段", "统计时间", "数据统计期"];

/// Words that make another year a deliberate comparison or reference.
const COMPARISONS: &[&str] =
    &["相比", "相较", "较", "比上年", "同比", "环比", "上年", "去年", "以来", "截至", "截止", "累计"];

/// Units that make a sentence report figures of the year.
const UNITS: &[&str] = &["件", "条", "次", "个", "人次", "万元", "篇", "期", "场"];

/// The years written in `text` as four digits before 年 (全角 digits too), with their byte places.
///
/// Each 年 is found by a byte search and the four characters before it read backwards: the whole
/// narrative is read once per check, and decoding every character of it into a list first took a
/// tenth of the full check.
fn years(text: &str) -> Vec<(u16, usize)> {
    let digit = |c: char| match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    };
    let mut found = Vec::new();
    'years: for (at, _) in text.match_indices('年') {
        let mut before = text[..at].char_indices().rev();
        let (mut year, mut scale, mut start) = (0u32, 1u32, at);
        for _ in 0..4 {
            match before.next().and_then(|(i, c)| Some((i, digit(c)?))) {
                Some((i, d)) => {
                    year += d * scale;
                    scale *= 10;
                    start = i;
                }
                None => continue 'years,
            }
        }
        // A fifth digit before: a longer number, not a year.
        if before.next().is_some_and(|(_, c)| digit(c).is_some()) {
            continue;
        }
        if (1990..=2100).contains(&year) {
            found.push((year as u16, start));
        }
    }
    found
}

/// Whether the year at `at` sits inside a document number (〔2022〕) or a title (《…》).
fn quoted_reference(text: &str, at: usize) -> bool {
    let before = &text[..at];
    let open = |o: char, c: char| before.rfind(o).is_some_and(|i| !before[i..].contains(c));
    open('〔', '〕') || open('[', ']') || open('《', '》') || open('(', ')') && before.ends_with('(')
}

pub(crate) fn check(report: &Report, text: &Narrative) -> Vec<Diagnostic> {
    let Some(year) = report.year else { return Vec::new() };
    let mut found = Vec::new();
    let mut quoted: Vec<usize> = Vec::new();
    // The statistics period.
    for at in places(text.text, PERIOD_WORDS) {
        let (start, end) = text.sentence_at(at);
        if quoted.contains(&start) {
            continue;
        }
        let sentence = &text.text[start..end];
        let other: Vec<u16> = years(sentence).into_iter().map(|(y, _)| y).filter(|&y| y != year).collect();
        if let Some(&other) = other.first() {
            quoted.push(start);
            found.push(wrong(text, start, end, "period", other, year));
        }
    }
    // A sentence of the year's work dated in an earlier year.
    for (other, at) in years(text.text) {
        if other >= year {
            continue;
        }
        let (start, end) = text.sentence_at(at);
        if quoted.contains(&start) || quoted_reference(text.text, at) {
            continue;
        }
        // The year opens the sentence: "2022年，…" / "2022年度我局共收到…".
        let lead = &text.text[start..at];
        if !lead.chars().all(|c| c.is_whitespace() || matches!(c, '在' | '于' | '（' | '(' | '一' | '二' | '三' | '、'))
        {
            continue;
        }
        let clause_end = text.clause_end(at);
        let sentence = &text.text[start..end];
        if COMPARISONS.iter().any(|w| sentence.contains(w)) {
            continue;
        }
        // It reports figures: a number with a unit after the year.
        let after = &text.text[clause_end.min(end).max(at)..end];
        let figures = |s: &str| {
            let mut digits = false;
            for c in s.chars() {
                if c.is_ascii_digit() {
                    digits = true;
                } else if digits && UNITS.iter().any(|u| u.starts_with(c)) {
                    return true;
                } else {
                    digits = false;
                }
            }
            false
        };
        let rest = &text.text[at + "2022年".len()..end];
        if !figures(rest) && !figures(after) {
            continue;
        }
        quoted.push(start);
        found.push(wrong(text, start, end, "work", other, year));
    }
    found
}

fn wrong(text: &Narrative, start: usize, end: usize, kind: &str, other: u16, year: u16) -> Diagnostic {
    finding(
        Code::WrongYear,
        Vec::new(),
        Some(text.quote(start, end)),
        vec![
            (fact::READING, kind.to_string()),
            (fact::STATEMENT, text.text[start..end].trim_end_matches(['。', '！', '？', '；']).to_string()),
            (fact::YEAR, year.to_string()),
            (fact::OTHER_YEAR, other.to_string()),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::FormId;

    /// `years` as it was first written: every window of five characters.
    fn years_by_windows(text: &str) -> Vec<(u16, usize)> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let digit = |c: char| match c {
            '0'..='9' => Some(c as u32 - '0' as u32),
            '０'..='９' => Some(c as u32 - '０' as u32),
            _ => None,
        };
        let mut found = Vec::new();
        for w in 0..chars.len() {
            if w > 0 && digit(chars[w - 1].1).is_some() {
                continue;
            }
            let Some(window) = chars.get(w..w + 5) else { break };
            let digits: Option<Vec<u32>> = window[..4].iter().map(|&(_, c)| digit(c)).collect();
            if let (Some(d), '年') = (digits, window[4].1) {
                let year = d.iter().fold(0u32, |acc, x| acc * 10 + x);
                if (1990..=2100).contains(&year) {
                    found.push((year as u16, chars[w].0));
                }
            }
        }
        found
    }

    #[test]
    fn years_are_read_as_every_window_reads_them() {
        let texts = [
            "2023年共收到申请81件，2022年为70件。",
            "统计期限自２０２２年１月１日起至2022年12月31日止",
            "12023年 02023年 1989年 2101年 2100年 1990年 年 3年 23年 023年 2023 年",
            "2023年2024年20252026年",
            include_str!("../../tests/fixtures/new-2023-shuyang-fagaiju.txt"),
            include_str!("../../tests/fixtures/2016-liupanshui-seed.txt"),
            include_str!("../../tests/fixtures/new-2019-shanghai-bangongting.txt"),
        ];
        for text in texts {
            assert_eq!(years(text), years_by_windows(text), "{text}");
        }
    }

    fn found(narrative: &str) -> Vec<(String, String)> {
        let mut report = Report::new(FormId::F2021);
        report.year = Some(2023);
        report.narrative = narrative.to_string();
        let text = Narrative::new(&report.narrative);
        check(&report, &text)
            .into_iter()
            .map(|d| match d.detail {
                crate::diagnostic::Detail::Report { facts, .. } => {
                    let get = |k: &str| facts.iter().find(|(f, _)| f == k).map(|(_, v)| v.clone()).unwrap_or_default();
                    (get(fact::READING), get(fact::OTHER_YEAR))
                }
                _ => unreachable!(),
            })
            .collect()
    }

    #[test]
    fn last_years_work_in_this_years_report() {
        assert_eq!(found("2022年共收到政府信息公开申请81件，均按时答复。"), [("work".into(), "2022".into())]);
        assert_eq!(found("2022年度，我局主动公开政府信息249条。"), [("work".into(), "2022".into())]);
    }

    #[test]
    fn a_wrong_statistics_period() {
        let period = "本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。";
        assert_eq!(found(period), [("period".into(), "2022".into())]);
        assert!(found("本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。").is_empty());
    }

    #[test]
    fn other_years_on_purpose_are_not_faults() {
        for sentence in [
            "与2022年相比，申请数量增加12件。",
            "2022年以来，共清理文件30件。",
            "根据《2022年政务公开工作要点》，发布解读12篇。",
            "依据沪府办〔2022〕15号文件，公开信息3条。",
            "2024年，我局将进一步加强政务公开工作。",
            "截至2022年底，现行有效文件470件。",
            "2023年共收到申请81件。",
            "2022年，我局被评为先进单位。",
        ] {
            assert!(found(sentence).is_empty(), "{sentence}");
        }
    }
}
