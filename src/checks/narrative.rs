//! narrative-mismatch: a figure the narrative states that the table contradicts.
//!
//! A figure is a number with its unit (645条, 258件, 33.9%). The words before it in its clause say
//! which cells it speaks of, through a table of statements per form (`STATEMENTS_2016`,
//! `STATEMENTS_TODAY`): data, not code, so a new form is a new table. A statement may have several
//! readings, tried in order before the figure is flagged: narratives count 受理 as 1 + 2, and a
//! percentage is a share of 3.7 总计. Denials (未发生…行政复议) state a zero; 均获维持 states that no
//! case is pending or corrected.
//!
//! What is not compared: figures in brackets and after 其中 (sub-counts named in passing, not
//! totals), figures compared with last year (较去年回落12.3%), ordinals (第2次), and numbers without
//! a unit (years, document numbers).

use super::text::{ends_clause, ends_sentence, places, trim_range, Narrative};
use super::{fact, finding, Cells};
use crate::diagnostic::{Code, Diagnostic};
use crate::form::FormId;
use crate::invisible::is_zero_width;
use crate::messages::table::short_label;
use crate::report::Report;
use crate::value::{self, Amount, ValueKind, SCALE};

/// A kind of figure the narrative states, and the cells that hold it.
struct Claim {
    /// Each group: one of its words must stand before the figure in its clause.
    words: &'static [&'static [&'static str]],
    /// Words that show the figure is about something else (信访, 建议…).
    unless: &'static [&'static str],
    /// The units the figure may carry; `%` makes it a share of the statements' base.
    units: &'static [&'static str],
    /// The table's ways of giving the figure, tried in order: each a sum of cells, where
    /// `B:3.3.*:total` is the group （三） (see `Cells::expand`).
    readings: &'static [&'static [&'static str]],
    /// What a reading of several cells is called in a message.
    topic: &'static str,
}

/// A statement that something did not happen (未发生…行政复议): the cells must be 0.
struct Denial {
    /// One of these must stand before the subject in its clause.
    negations: &'static [&'static str],
    /// The subject.
    words: &'static [&'static str],
    cells: &'static [&'static str],
    topic: &'static str,
    /// The cells of the subject's corrected or lost cases: what the denial speaks of when the subject
    /// is qualified (未发生…被行政复议纠错: no review corrected, not no review). Empty: a qualified
    /// denial of this subject says nothing the table can show.
    corrected: &'static [&'static str],
}

/// Words after a subject that narrow a denial to corrected or lost cases.
const QUALIFIERS: &[&str] = &["纠错", "纠正", "败诉", "撤销", "确认违法"];

/// What 均获维持 denies for the cases a sentence names.
struct Upheld {
    /// The cases the sentence names (复议, 诉讼); a sentence that names none speaks of all.
    mentions: &'static [&'static str],
    /// Cells that must be 0 if every case was upheld.
    contradicting: &'static [&'static str],
}

/// Everything the narrative of one form is read for.
struct Statements {
    claims: &'static [Claim],
    denials: &'static [Denial],
    upheld: &'static [Upheld],
    /// What a percentage is a share of.
    share_base: Option<&'static str>,
}

const fn claim(
    words: &'static [&'static [&'static str]],
    units: &'static [&'static str],
    readings: &'static [&'static [&'static str]],
    topic: &'static str,
) -> Claim {
    Claim { words, unless: &[], units, readings, topic }
}

const fn unless(mut c: Claim, words: &'static [&'static str]) -> Claim {
    c.unless = words;
    c
}

const fn denial(words: &'static [&'static str], cells: &'static [&'static str], topic: &'static str) -> Denial {
    Denial { negations: NEGATIONS, words, cells, topic, corrected: &[] }
}

const fn correcting(mut d: Denial, corrected: &'static [&'static str]) -> Denial {
    d.corrected = corrected;
    d
}

const NEGATIONS: &[&str] = &["未", "没有", "无"];
const NOT_RECEIVED: &[&str] = &["未收到", "没有收到", "未接到"];

const ITEMS: &[&str] = &["条"];
const CASES: &[&str] = &["件", "起"];
const CASES_OR_SHARE: &[&str] = &["件", "起", "%"];
const TIMES: &[&str] = &["次", "场"];
const PEOPLE: &[&str] = &["人", "人次", "名"];
const MONEY: &[&str] = &["万元", "元"];

/// Subjects that share 收到/受理/答复 with applications but are not applications for disclosure.
const NOT_APPLICATIONS: &[&str] =
    &["来信", "来访", "信访", "咨询", "问政", "留言", "诉求", "建议", "提案", "热线", "来件", "网民"];

/// Words that make a figure a comparison with another year, not a count of this one.
const COMPARISONS: &[&str] =
    &["较", "同比", "环比", "增长", "下降", "减少", "增加", "上升", "回落", "提高", "降低", "增幅", "降幅"];

/// Words that say every case was upheld.
const UPHELD_WORDS: &[&str] =
    &["均获维持", "均被维持", "均予维持", "均予以维持", "均得到维持", "全部维持", "全部获得维持", "均维持"];

/// The 2014–2018 table (spec form-2016.md): more specific statements first, since the first match
/// decides.
const STATEMENTS_2016: Statements = Statements {
    claims: &[
        claim(&[&["门户网站", "政府网站"]], ITEMS, &[&["1.2.2"]], "政府网站"),
        claim(&[&["政府公报", "公报"]], ITEMS, &[&["1.2.1"]], "政府公报"),
        claim(&[&["微博"]], ITEMS, &[&["1.2.3"]], "政务微博"),
        claim(&[&["微信"]], ITEMS, &[&["1.2.4"]], "政务微信"),
        claim(&[&["主动公开"], &["规范性文件"]], &["条", "件"], &[&["1.1.a"]], "主动公开规范性文件"),
        claim(&[&["制发"], &["规范性文件"]], CASES, &[&["1.1.b"]], "制发规范性文件"),
        claim(&[&["主动公开"]], ITEMS, &[&["1.1"]], "主动公开"),
        claim(&[&["人大代表建议", "人大建议"]], CASES, &[&["1.3.1"]], "人大代表建议"),
        claim(&[&["政协提案"]], CASES, &[&["1.3.2"]], "政协提案"),
        claim(&[&["新闻发布会", "发布会"]], TIMES, &[&["2.2.1"]], "新闻发布会"),
        claim(&[&["在线访谈"]], TIMES, &[&["2.2.2"]], "在线访谈"),
        claim(&[&["解读稿件", "政策解读"]], &["篇", "条"], &[&["2.2.3"]], "政策解读稿件"),
        claim(&[&["微博", "微信"], &["回应"]], TIMES, &[&["2.2.4"]], "微博微信回应"),
        claim(&[&["回应"], &["热点", "舆情"]], TIMES, &[&["2.1"]], "回应热点或舆情"),
        // 回应解读 as a whole: the heading 二、 when filled, else its rows.
        claim(
            &[&["回应"]],
            TIMES,
            &[&["2"], &["2.1", "2.2.1", "2.2.2", "2.2.3", "2.2.4", "2.2.5"], &["2.1"]],
            "回应解读",
        ),
        claim(&[&["当面"], &["申请"]], CASES, &[&["3.1.1"]], "当面申请"),
        claim(&[&["传真"], &["申请"]], CASES, &[&["3.1.2"]], "传真申请"),
        claim(&[&["网络", "网上", "在线", "电子邮件"], &["申请"]], CASES, &[&["3.1.3"]], "网络申请"),
        claim(&[&["信函", "邮寄"], &["申请"]], CASES, &[&["3.1.4"]], "信函申请"),
        unless(claim(&[&["收到", "受理"], &["申请"]], CASES, &[&["3.1"]], "收到申请"), NOT_APPLICATIONS),
        unless(claim(&[&["办结"]], CASES, &[&["3.2"]], "申请办结"), NOT_APPLICATIONS),
        unless(claim(&[&["答复"]], CASES, &[&["3.3"]], "申请答复"), NOT_APPLICATIONS),
        claim(&[&["复议"]], CASES, &[&["4"]], "行政复议"),
        claim(&[&["诉讼"]], CASES, &[&["5"]], "行政诉讼"),
        claim(&[&["举报", "投诉"]], CASES, &[&["6"]], "举报投诉"),
        claim(&[&["收取", "收费"]], MONEY, &[&["7"]], "收取的费用"),
        claim(&[&["经费"]], MONEY, &[&["8.4"]], "专项经费"),
        claim(&[&["专门机构", "工作机构"]], &["个"], &[&["8.1"]], "专门机构"),
        claim(&[&["查阅点", "查阅场所", "查阅室"]], &["个"], &[&["8.2"]], "查阅点"),
        claim(&[&["专职"]], PEOPLE, &[&["8.3.1"]], "专职人员"),
        claim(&[&["兼职"]], PEOPLE, &[&["8.3.2"]], "兼职人员"),
        claim(&[&["会议"]], TIMES, &[&["9.1"]], "工作会议"),
        // 培训人员…人 and 培训…人次 are people trained; 培训…次 the courses.
        claim(&[&["培训"]], PEOPLE, &[&["9.3"]], "接受培训人员"),
        claim(&[&["培训"]], &["次", "期", "场"], &[&["9.2"]], "培训班"),
        claim(&[&["工作人员"]], PEOPLE, &[&["8.3"]], "工作人员"),
    ],
    denials: &[
        correcting(denial(&["复议"], &["4"], "行政复议"), &["4.2"]),
        correcting(denial(&["诉讼"], &["5"], "行政诉讼"), &["5.2"]),
        denial(&["举报", "投诉"], &["6"], "举报投诉"),
        denial(&["收取费用", "收取", "收费"], &["7"], "收取的费用"),
        Denial { negations: NOT_RECEIVED, words: &["申请"], cells: &["3.1"], topic: "收到申请", corrected: &[] },
    ],
    upheld: &[
        Upheld { mentions: &["复议"], contradicting: &["4.2"] },
        Upheld { mentions: &["诉讼"], contradicting: &["5.2"] },
    ],
    share_base: None,
};

/// Today's format, 2019 trial and 2021 alike (their Tables B and C share ids; （六） is one row in
/// 2019 and three in 2021, which the group `B:3.6.*:total` covers).
const STATEMENTS_TODAY: Statements = Statements {
    claims: &[
        claim(
            &[&["公开及部分公开", "公开和部分公开", "公开或部分公开", "公开、部分公开"]],
            CASES_OR_SHARE,
            &[&["B:3.1:total", "B:3.2:total"]],
            "予以公开及部分公开",
        ),
        claim(&[&["部分公开"]], CASES_OR_SHARE, &[&["B:3.2:total"]], "部分公开"),
        claim(&[&["予以公开", "同意公开"]], CASES_OR_SHARE, &[&["B:3.1:total"]], "予以公开"),
        claim(&[&["不予公开"]], CASES_OR_SHARE, &[&["B:3.3.*:total"]], "不予公开"),
        claim(&[&["无法提供"]], CASES_OR_SHARE, &[&["B:3.4.*:total"]], "无法提供"),
        claim(&[&["不予处理"]], CASES_OR_SHARE, &[&["B:3.5.*:total"]], "不予处理"),
        claim(&[&["其他处理"]], CASES_OR_SHARE, &[&["B:3.6.*:total"]], "其他处理"),
        claim(&[&["结转"], &["上年", "上一年", "去年"]], CASES, &[&["B:2:total"]], "上年结转"),
        claim(&[&["结转下", "转入下", "顺延", "继续办理"]], CASES, &[&["B:4:total"]], "结转下年度"),
        claim(&[&["复议"]], CASES, &[&["C:review:total"]], "行政复议"),
        claim(&[&["诉讼", "起诉"]], CASES, &[&["C:direct_suit:total", "C:suit_after_review:total"]], "行政诉讼"),
        // 受理 is often new plus carried over.
        unless(
            claim(
                &[&["收到", "受理", "新收"], &["申请"]],
                CASES,
                &[&["B:1:total"], &["B:1:total", "B:2:total"]],
                "收到申请",
            ),
            NOT_APPLICATIONS,
        ),
        unless(claim(&[&["答复", "办结"]], CASES, &[&["B:3.7:total"]], "办理总计"), NOT_APPLICATIONS),
    ],
    denials: &[
        correcting(denial(&["复议"], &["C:review:total"], "行政复议"), &["C:review:corrected"]),
        correcting(
            denial(&["诉讼", "起诉"], &["C:direct_suit:total", "C:suit_after_review:total"], "行政诉讼"),
            &["C:direct_suit:corrected", "C:suit_after_review:corrected"],
        ),
        Denial {
            negations: NOT_RECEIVED, words: &["申请"], cells: &["B:1:total"], topic: "收到申请", corrected: &[]
        },
    ],
    upheld: &[
        Upheld { mentions: &["复议"], contradicting: &["C:review:corrected", "C:review:pending"] },
        Upheld {
            mentions: &["诉讼", "起诉"],
            contradicting: &[
                "C:direct_suit:corrected",
                "C:direct_suit:pending",
                "C:suit_after_review:corrected",
                "C:suit_after_review:pending",
            ],
        },
    ],
    share_base: Some("B:3.7:total"),
};

/// Fujian's table counts applications and answers in 条 as often as in 件.
const FJ_COUNTS: &[&str] = &["条", "件", "起"];

/// What Fujian's reports state of their table (this year's column: the narrative speaks of the year).
static STATEMENTS_FJ: Statements = Statements {
    claims: &[
        claim(&[&["门户网站", "政府网站", "网站公开"]], ITEMS, &[&["T:disclosed.web:year"]], "网站公开"),
        claim(&[&["政府公报", "公报"]], ITEMS, &[&["T:disclosed.gazette:year"]], "政府公报公开"),
        // Not 主动公开 on its own: county reports give it by unit (县直各单位…1251条, 各乡镇…602条),
        // parts of the table's total, which a reading by key word would take for the total.
        claim(&[&["当面"], &["申请"]], FJ_COUNTS, &[&["T:received.in_person:year"]], "当面申请"),
        claim(&[&["传真"], &["申请"]], FJ_COUNTS, &[&["T:received.fax:year"]], "传真申请"),
        claim(&[&["电子邮件"], &["申请"]], FJ_COUNTS, &[&["T:received.email:year"]], "电子邮件申请"),
        claim(&[&["网上", "网络", "在线"], &["申请"]], FJ_COUNTS, &[&["T:received.online:year"]], "网上申请"),
        claim(&[&["信函", "邮寄"], &["申请"]], FJ_COUNTS, &[&["T:received.mail:year"]], "信函申请"),
        unless(
            claim(&[&["收到", "受理"], &["申请"]], FJ_COUNTS, &[&["T:received:year"]], "受理申请"),
            NOT_APPLICATIONS,
        ),
        unless(claim(&[&["答复"]], FJ_COUNTS, &[&["T:answered:year"]], "答复"), NOT_APPLICATIONS),
        claim(&[&["复议"]], CASES, &[&["T:review:year"]], "行政复议"),
        claim(&[&["诉讼"]], CASES, &[&["T:lawsuit:year"]], "行政诉讼"),
    ],
    denials: &[denial(&["复议"], &["T:review:year"], "行政复议"), denial(&["诉讼"], &["T:lawsuit:year"], "行政诉讼")],
    upheld: &[],
    share_base: None,
};

fn statements(form: FormId) -> &'static Statements {
    match form {
        FormId::F2016 => &STATEMENTS_2016,
        FormId::F2019 | FormId::F2021 => &STATEMENTS_TODAY,
        // Fujian's own table (issue 17): its narrative is not read yet.
        FormId::F2016Fj => &STATEMENTS_FJ,
    }
}

/// Units a figure may carry, longest first so that 人次 is not read as 人.
const UNITS: &[(&str, &str)] = &[
    ("万元", "万元"),
    ("人次", "人次"),
    ("%", "%"),
    ("％", "%"),
    ("条", "条"),
    ("件", "件"),
    ("起", "起"),
    ("次", "次"),
    ("场", "场"),
    ("期", "期"),
    ("篇", "篇"),
    ("个", "个"),
    ("人", "人"),
    ("名", "名"),
    ("元", "元"),
];

// The character classes below are asked of every character of the narrative: inlined by hand,
// since the release profile optimises for size and would call each of them.
#[inline(always)]
fn opens_bracket(c: char) -> bool {
    matches!(c, '（' | '(' | '〔' | '﹝' | '[' | '［' | '【' | '《')
}

#[inline(always)]
fn closes_bracket(c: char) -> bool {
    matches!(c, '）' | ')' | '〕' | '﹞' | ']' | '］' | '】' | '》')
}

#[inline(always)]
fn digit(c: char) -> Option<char> {
    match c {
        '0'..='9' => Some(c),
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
        _ => None,
    }
}

/// A number with its unit in the narrative.
#[derive(Debug, Clone)]
struct Figure {
    /// Bytes of the number, and the end of its unit.
    start: usize,
    end: usize,
    amount: Amount,
    /// Decimal places as written (33.9% → 1).
    decimals: u32,
    unit: &'static str,
    /// Where the words that describe it begin: its clause, or the figure before it in the clause.
    context: usize,
    /// Where its sentence begins.
    sentence: usize,
    /// In brackets, after 其中, or a comparison with another year: not compared.
    aside: bool,
}

/// Every figure of the narrative, in order.
fn figures(text: &str) -> Vec<Figure> {
    let mut found: Vec<Figure> = Vec::new();
    let mut depth = 0usize;
    let mut clause = 0;
    let mut sentence = 0;
    let mut sub_count = false;
    let mut previous: Option<char> = None;
    // Bytes before this were read with the number before (its digits, separators and unit).
    let mut resume = 0;
    for (i, c) in text.char_indices() {
        if i < resume {
            continue;
        }
        if ends_clause(c) {
            clause = i + c.len_utf8();
            if ends_sentence(c) {
                sentence = clause;
                sub_count = false;
                depth = 0;
            }
        } else if opens_bracket(c) {
            depth += 1;
        } else if closes_bracket(c) {
            depth = depth.saturating_sub(1);
        } else if c == '其' && text[i..].starts_with("其中") {
            sub_count = true;
        }
        let Some(first) = digit(c) else {
            // A zero-width character is not seen: what comes before it is (第\u{200B}2次 is an ordinal).
            if !is_zero_width(c) {
                previous = Some(c);
            }
            continue;
        };
        // The whole number: digits, thousands separators before exactly three digits, decimals.
        let start = i;
        let mut number = String::from(first);
        let mut decimals = 0;
        let mut j = i + c.len_utf8();
        loop {
            let rest = &text[j..];
            let Some(n) = rest.chars().next() else { break };
            if let Some(d) = digit(n) {
                number.push(d);
                if number.contains('.') {
                    decimals += 1;
                }
                j += n.len_utf8();
            } else if matches!(n, ',' | '，') && !number.contains('.') && thousands_follow(&rest[n.len_utf8()..]) {
                j += n.len_utf8();
            } else if is_zero_width(n) {
                // Not seen, so not there: "2\u{200B}6件" is seen, and read, as 26件.
                j += n.len_utf8();
            } else if matches!(n, '.' | '．')
                && !number.contains('.')
                && rest[n.len_utf8()..].starts_with(|d| digit(d).is_some())
            {
                number.push('.');
                j += n.len_utf8();
            } else {
                break;
            }
        }
        // Part of an identifier (t.qq.com, com2016), an ordinal (第2次), or a version (1.2.3).
        let glued = previous.is_some_and(|p| p.is_ascii_alphabetic() || matches!(p, '.' | '第' | '_' | '/'));
        let after = text[j..].trim_start_matches(|c| matches!(c, ' ' | '\u{3000}' | '\u{a0}') || is_zero_width(c));
        let unit = UNITS.iter().find(|(written, _)| after.starts_with(written));
        if let (false, Some((written, unit))) = (glued, unit) {
            let end = text.len() - after.len() + written.len();
            if let Some(amount) = value::parse(&number, ValueKind::Money).amount() {
                let context = found.last().map_or(clause, |f| f.end.max(clause));
                let comparison = COMPARISONS.iter().any(|w| text[context..start].contains(w));
                found.push(Figure {
                    start,
                    end,
                    amount,
                    decimals,
                    unit,
                    context,
                    sentence,
                    aside: depth > 0 || sub_count || comparison,
                });
            }
            resume = end;
            previous = after[..written.len()].chars().last();
        } else {
            resume = j;
            previous = text[..j].chars().rev().find(|c| !is_zero_width(*c));
        }
    }
    found
}

/// Whether a thousands separator is followed by exactly three digits.
fn thousands_follow(rest: &str) -> bool {
    let mut chars = rest.chars().filter(|c| !is_zero_width(*c));
    (0..3).all(|_| chars.next().and_then(digit).is_some()) && chars.next().and_then(digit).is_none()
}

/// One way the table gives a figure: the cells and their sum.
#[derive(Clone)]
struct Reading {
    cells: Vec<String>,
    value: Amount,
}

impl Reading {
    fn describe(&self) -> String {
        format!("{}={}", self.cells.join("+"), self.value)
    }
}

/// The readings of a claim the table can give (those with at least one filled cell).
fn readings(cells: &Cells, terms: &[&[&str]]) -> Vec<Reading> {
    terms
        .iter()
        .filter_map(|reading| {
            let ids: Vec<String> = reading.iter().flat_map(|t| cells.expand(t)).collect();
            let value = cells.sum(&ids)?;
            Some(Reading { cells: ids, value })
        })
        .collect()
}

/// The label of a reading in a message: the cell's own, or the claim's topic for several cells.
fn label(cells: &Cells, reading: &Reading, topic: &str) -> String {
    match reading.cells.as_slice() {
        [one] => short_label(cells.def(), one),
        _ => topic.to_string(),
    }
}

fn claim_for<'s>(statements: &'s Statements, context: &str, unit: &str) -> Option<&'s Claim> {
    statements.claims.iter().find(|c| {
        c.units.contains(&unit)
            && c.words.iter().all(|group| group.iter().any(|w| context.contains(w)))
            && !c.unless.iter().any(|w| context.contains(w))
    })
}

/// The figure in the cells' unit: 元 in the narrative, 万元 in the table.
fn in_table_unit(figure: &Figure) -> Amount {
    if figure.unit == "元" {
        Amount(figure.amount.0 / SCALE)
    } else {
        figure.amount
    }
}

/// Whether a stated percentage is `part` of `base`, allowing for rounding or cutting at the last
/// digit written.
fn share_fits(stated: &Figure, part: Amount, base: Amount) -> bool {
    let share = share_of(part, base);
    let tolerance = 10f64.powi(-(stated.decimals as i32));
    (share - stated.amount.to_f64()).abs() <= tolerance
}

fn share_of(part: Amount, base: Amount) -> f64 {
    part.to_f64() * 100.0 / base.to_f64()
}

/// A share as an amount, to two decimal places.
fn share_amount(part: Amount, base: Amount) -> Amount {
    Amount((share_of(part, base) * 100.0).round() as i64 * (SCALE / 100))
}

/// The first mention of a denial's subject in a clause: where the clause starts, where the subject
/// stands, and the denial's place among the statements.
struct Mention {
    clause: usize,
    order: usize,
    subject: usize,
    denial: &'static Denial,
}

/// What became of a count, for a percentage that follows it (258件，占33.9%).
enum Outcome {
    Agreed(Reading),
    Flagged,
    Unread,
}

struct Check<'a, 'r> {
    text: &'a Narrative<'a>,
    cells: &'a Cells<'r>,
    statements: &'static Statements,
    found: Vec<Diagnostic>,
}

pub(crate) fn check(report: &Report, text: &Narrative, cells: &Cells) -> Vec<Diagnostic> {
    let mut check = Check { text, cells, statements: statements(report.form), found: Vec::new() };
    check.figures();
    check.denials();
    check.upheld();
    check.found.sort_by_key(|d| match &d.detail {
        crate::diagnostic::Detail::Report { quote: Some(q), .. } => q.start,
        _ => usize::MAX,
    });
    check.found
}

impl Check<'_, '_> {
    fn base(&self) -> Option<(String, Amount)> {
        let base = self.statements.share_base?;
        let ids = self.cells.expand(base);
        let value = self.cells.sum(&ids).filter(|v| v.is_positive())?;
        Some((base.to_string(), value))
    }

    fn statement(&self, start: usize, end: usize) -> String {
        let (s, e) = trim_range(self.text.text, start, end);
        self.text.text[s..e].trim_start_matches(|c: char| ends_clause(c)).to_string()
    }

    fn figures(&mut self) {
        let text = self.text.text;
        let mut last: Option<(usize, Outcome)> = None;
        for figure in figures(text) {
            let context = &text[figure.context..figure.start];
            let outcome = if figure.aside {
                Outcome::Unread
            } else if figure.unit == "%" {
                let follows = match &last {
                    Some((at, outcome)) if *at >= figure.sentence && context.contains('占') => Some(outcome),
                    _ => None,
                };
                match (claim_for(self.statements, context, "%"), follows) {
                    (Some(claim), _) => self.share(&figure, claim.readings, claim.topic),
                    (None, Some(Outcome::Agreed(reading))) => self.share_of_reading(&figure, reading.clone()),
                    _ => Outcome::Unread,
                }
            } else if let Some(claim) = claim_for(self.statements, context, figure.unit) {
                self.count(&figure, claim)
            } else {
                Outcome::Unread
            };
            if figure.unit != "%" {
                last = Some((figure.start, outcome));
            }
        }
    }

    fn count(&mut self, figure: &Figure, claim: &Claim) -> Outcome {
        let readings = readings(self.cells, claim.readings);
        let stated = in_table_unit(figure);
        let Some(first) = readings.first() else { return Outcome::Unread };
        if let Some(agreed) = readings.iter().find(|r| r.value == stated) {
            return Outcome::Agreed(agreed.clone());
        }
        let tried = readings.iter().map(Reading::describe).collect::<Vec<_>>().join("; ");
        let d = finding(
            Code::NarrativeMismatch,
            first.cells.clone(),
            Some(self.text.quote_sentence(figure.start)),
            vec![
                (fact::READING, "count".to_string()),
                (fact::STATEMENT, self.statement(figure.context, figure.end)),
                (fact::LABEL, label(self.cells, first, claim.topic)),
                (fact::UNIT, figure.unit.to_string()),
                (fact::TRIED, tried),
            ],
        )
        .with_figures(first.value, stated);
        self.found.push(d);
        Outcome::Flagged
    }

    /// A percentage stated with its own words (予以公开占34%): a share of the base by any reading.
    fn share(&mut self, figure: &Figure, terms: &[&[&str]], topic: &str) -> Outcome {
        let Some((base_id, base)) = self.base() else { return Outcome::Unread };
        let readings = readings(self.cells, terms);
        let Some(first) = readings.first() else { return Outcome::Unread };
        if readings.iter().any(|r| share_fits(figure, r.value, base)) {
            return Outcome::Unread;
        }
        let label = label(self.cells, first, topic);
        let first = first.clone();
        self.flag_share(figure, &first, label, base_id, base);
        Outcome::Flagged
    }

    /// A percentage after a count that agreed (不予公开35件，占4.34%): that count's share.
    fn share_of_reading(&mut self, figure: &Figure, reading: Reading) -> Outcome {
        let Some((base_id, base)) = self.base() else { return Outcome::Unread };
        if share_fits(figure, reading.value, base) {
            return Outcome::Unread;
        }
        let label = match reading.cells.as_slice() {
            [one] => short_label(self.cells.def(), one),
            _ => reading.cells.iter().map(|c| short_label(self.cells.def(), c)).collect::<Vec<_>>().join("＋"),
        };
        self.flag_share(figure, &reading, label, base_id, base);
        Outcome::Flagged
    }

    fn flag_share(&mut self, figure: &Figure, reading: &Reading, label: String, base_id: String, base: Amount) {
        let d = finding(
            Code::NarrativeMismatch,
            reading.cells.clone(),
            Some(self.text.quote_sentence(figure.start)),
            vec![
                (fact::READING, "share".to_string()),
                (fact::STATEMENT, self.statement(figure.context, figure.end)),
                (fact::LABEL, label),
                (fact::UNIT, "%".to_string()),
                (fact::BASE, base_id.clone()),
                (fact::TRIED, format!("{} / {base_id}={base}", reading.describe())),
            ],
        )
        .with_figures(share_amount(reading.value, base), figure.amount);
        self.found.push(d);
    }

    /// 未发生…行政复议: the cells of the subject must be 0.
    fn denials(&mut self) {
        let text = self.text.text;
        // The clauses that name the subject of a denial, each at its first mention there, found
        // from where the subjects stand (few clauses name one), in the order of the text and, within
        // a clause, of the statements.
        let mut mentions: Vec<Mention> = Vec::new();
        for (order, denial) in self.statements.denials.iter().enumerate() {
            let mut previous = None;
            for subject in places(text, denial.words) {
                let clause = self.text.clause_start(subject);
                if previous != Some(clause) {
                    mentions.push(Mention { clause, order, subject, denial });
                    previous = Some(clause);
                }
            }
        }
        mentions.sort_unstable_by_key(|m| (m.clause, m.order));
        for Mention { clause: start, subject, denial, .. } in mentions {
            if !denial.negations.iter().any(|n| text[start..subject].contains(n)) {
                continue;
            }
            let end = self.text.clause_end(subject);
            let qualified = QUALIFIERS.iter().any(|q| text[subject..end].contains(q));
            let cells = if qualified { denial.corrected } else { denial.cells };
            let ids: Vec<String> = cells.iter().map(|c| c.to_string()).collect();
            let Some(value) = self.cells.sum(&ids).filter(|v| !v.is_zero()) else { continue };
            let nonzero: Vec<String> =
                ids.iter().filter(|id| self.cells.value(id).is_some_and(|v| !v.is_zero())).cloned().collect();
            let reading = Reading { cells: ids, value };
            let d = finding(
                Code::NarrativeMismatch,
                nonzero,
                Some(self.text.quote_sentence(start)),
                vec![
                    (fact::READING, "zero".to_string()),
                    (fact::STATEMENT, self.statement(start, end)),
                    (fact::LABEL, label(self.cells, &reading, denial.topic)),
                    (fact::TRIED, reading.describe()),
                ],
            )
            .with_figures(value, Amount::ZERO);
            self.found.push(d);
        }
    }

    /// 均获维持: no case of those the sentence names may be pending or corrected.
    fn upheld(&mut self) {
        let text = self.text.text;
        let mut previous = None;
        for at in places(text, UPHELD_WORDS) {
            // The first of the words in a sentence decides; the sentence is read once.
            let sentence_start = self.text.sentence_start(at);
            if previous == Some(sentence_start) {
                continue;
            }
            previous = Some(sentence_start);
            let named = &text[sentence_start..at];
            let mentioned: Vec<&Upheld> =
                self.statements.upheld.iter().filter(|u| u.mentions.iter().any(|m| named.contains(m))).collect();
            let concerned: Vec<&Upheld> =
                if mentioned.is_empty() { self.statements.upheld.iter().collect() } else { mentioned };
            let nonzero: Vec<(String, Amount)> = concerned
                .iter()
                .flat_map(|u| u.contradicting.iter())
                .filter_map(|id| self.cells.value(id).filter(|v| v.is_positive()).map(|v| (id.to_string(), v)))
                .collect();
            if nonzero.is_empty() {
                continue;
            }
            let total: Amount = nonzero.iter().map(|(_, v)| *v).sum();
            let cells: Vec<String> = nonzero.iter().map(|(id, _)| id.clone()).collect();
            let label = cells.iter().map(|c| short_label(self.cells.def(), c)).collect::<Vec<_>>().join("、");
            let clause_end = self.text.clause_end(at);
            let tried = nonzero.iter().map(|(id, v)| format!("{id}={v}")).collect::<Vec<_>>().join("; ");
            let d = finding(
                Code::NarrativeMismatch,
                cells,
                Some(self.text.quote_sentence(at)),
                vec![
                    (fact::READING, "upheld".to_string()),
                    (fact::STATEMENT, self.statement(sentence_start, clause_end)),
                    (fact::LABEL, label),
                    (fact::TRIED, tried),
                ],
            )
            .with_figures(total, Amount::ZERO);
            self.found.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<(String, &'static str, bool)> {
        figures(text).into_iter().map(|f| (f.amount.to_string(), f.unit, f.aside)).collect()
    }

    #[test]
    fn figures_carry_their_units() {
        assert_eq!(
            read("主动公开645条,微博公开1,234条，培训6人次；占33.9%。"),
            vec![
                ("645".to_string(), "条", false),
                ("1234".to_string(), "条", false),
                ("6".to_string(), "人次", false),
                ("33.9".to_string(), "%", false)
            ]
        );
    }

    #[test]
    fn years_ordinals_and_identifiers_are_not_figures() {
        assert!(read("2016年1月1日，第2次会议，www.57365.com2016年，六盘水公开办〔2017〕2 号").is_empty());
    }

    #[test]
    fn asides_are_marked() {
        let read = read("答复805件（含上年度结转申请18件），其中撤回3件。数量较去年回落12件。受理9件");
        let aside: Vec<bool> = read.iter().map(|r| r.2).collect();
        assert_eq!(aside, vec![false, true, true, true, false]);
    }
}
