//! Every rule of Fujian's own table (form `2016-fj`, spec/form-2016-fj.md), each with a fixture that
//! fails when the rule is removed: start from a table that holds, break one thing, and assert the
//! code, the severity and the cells reported. Two tables hold: the 2013 Pingtan page's (the row set
//! of 2012–2013) and one of the row set of 2016. And this year's cumulative column against last
//! year's report. Reports are built in memory, so the tests run in the browser too.

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use disclosure_report::checks::compare_years;
use disclosure_report::diagnostic::{Code, Diagnostic, Severity};
use disclosure_report::engine::{check, Mode};
use disclosure_report::form::FormId;
use disclosure_report::messages::{localize, Lang};
use disclosure_report::report::Report;
use disclosure_report::value::Amount;

/// The table of tests/fixtures/2013-pingtan-xianzhengfu.html: row, 2013年度, 历年累计.
const PINGTAN_2013: &[(&str, i64, i64)] = &[
    ("disclosed", 1853, 5395),
    ("disclosed.web", 1713, 5017),
    ("disclosed.gazette", 0, 7),
    ("received", 7, 28),
    ("received.in_person", 0, 18),
    ("received.fax", 0, 0),
    ("received.email", 3, 6),
    ("received.online", 4, 4),
    ("received.mail", 0, 0),
    ("received.other", 0, 0),
    ("answered", 3, 24),
    ("answered.granted", 2, 19),
    ("answered.partial", 1, 3),
    ("answered.refused", 0, 2),
    ("review", 0, 0),
    ("lawsuit", 0, 0),
    ("complaints", 0, 0),
];

/// A table of the 2016 row set that holds (made up: no 2016 table is among the fixtures).
const SET_2016: &[(&str, i64, i64)] = &[
    ("disclosed", 120, 900),
    ("disclosed.web", 110, 800),
    ("disclosed.gazette", 5, 30),
    ("received", 10, 60),
    ("received.in_person", 2, 20),
    ("received.online", 6, 30),
    ("received.mail_fax", 2, 10),
    ("answered", 9, 55),
    ("answered.granted", 5, 30),
    ("answered.partial", 1, 10),
    ("answered.withheld", 1, 5),
    ("answered.other", 2, 10),
    ("fees", 0, 0),
    ("review", 0, 1),
    ("lawsuit", 0, 0),
    ("complaints", 1, 3),
];

const CHANNELS_2013: [&str; 6] =
    ["received.in_person", "received.fax", "received.email", "received.online", "received.mail", "received.other"];
const CHANNELS_2016: [&str; 3] = ["received.in_person", "received.online", "received.mail_fax"];
const ANSWERS_2013: [&str; 3] = ["answered.granted", "answered.partial", "answered.refused"];
const ANSWERS_2016: [&str; 4] = ["answered.granted", "answered.partial", "answered.withheld", "answered.other"];
const COLUMNS: [&str; 2] = ["year", "cumulative"];

fn id(row: &str, column: &str) -> String {
    format!("T:{row}:{column}")
}

fn table(rows: &[(&str, i64, i64)], year: u16) -> Report {
    let mut r = Report::new(FormId::F2016Fj);
    r.year = Some(year);
    for &(row, this_year, all_years) in rows {
        r.cells.insert(id(row, "year"), this_year.to_string());
        r.cells.insert(id(row, "cumulative"), all_years.to_string());
    }
    r
}

fn get(r: &Report, id: &str) -> i64 {
    r.cell(id).parse().unwrap_or_else(|_| panic!("{id} holds {:?}", r.cell(id)))
}

fn set(r: &mut Report, id: &str, value: i64) {
    r.cells.insert(id.to_string(), value.to_string());
}

fn bump(r: &mut Report, id: &str) {
    let value = get(r, id) + 1;
    set(r, id, value);
}

/// The findings of a table, info left out (`normalized` and the like say nothing of the table).
fn findings(r: &Report) -> Vec<Diagnostic> {
    check(r, Mode::Submit).into_iter().filter(|d| d.severity != Severity::Info).collect()
}

/// The one finding with `code` whose first cell is `first`.
fn find<'a>(all: &'a [Diagnostic], code: Code, first: &str) -> &'a Diagnostic {
    all.iter()
        .find(|d| d.code == code && d.cells.first().map(String::as_str) == Some(first))
        .unwrap_or_else(|| panic!("no {code:?} at {first} in {all:#?}"))
}

fn ids(rows: &[&str], column: &str) -> Vec<String> {
    rows.iter().map(|r| id(r, column)).collect()
}

#[test]
fn both_row_sets_hold_as_published() {
    // Each set's rows the other lacks are optional: no `missing`, even at submit.
    assert_eq!(findings(&table(PINGTAN_2013, 2013)), vec![]);
    assert_eq!(findings(&table(SET_2016, 2016)), vec![]);
}

#[test]
fn a_required_row_left_blank_is_missing() {
    let mut r = table(PINGTAN_2013, 2013);
    r.cells.remove(&id("review", "year"));
    let all = findings(&r);
    let d = find(&all, Code::Missing, &id("review", "year"));
    assert_eq!(d.severity, Severity::Error, "at submit");
}

#[test]
fn the_channels_add_up_to_the_applications_in_both_columns() {
    for (rows, channels) in [(PINGTAN_2013, &CHANNELS_2013[..]), (SET_2016, &CHANNELS_2016[..])] {
        for column in COLUMNS {
            let mut r = table(rows, 2013);
            let total = id("received", column);
            bump(&mut r, &total);
            let all = findings(&r);
            let d = find(&all, Code::SumMismatch, &total);
            assert_eq!(d.severity, Severity::Error);
            assert_eq!(d.cells[1..], ids(channels, column)[..], "the channels of the set follow the total");
        }
    }
}

#[test]
fn the_answer_types_of_2016_add_up_to_the_answers_in_both_columns() {
    for column in COLUMNS {
        let mut r = table(SET_2016, 2016);
        let other = id("answered.other", column);
        bump(&mut r, &other);
        let all = findings(&r);
        let d = find(&all, Code::SumMismatch, &id("answered", column));
        assert_eq!(d.severity, Severity::Error);
        assert_eq!(d.cells[1..], ids(&ANSWERS_2016, column)[..]);
    }
}

#[test]
fn the_answer_types_of_2013_never_exceed_the_answers() {
    for column in COLUMNS {
        let mut r = table(PINGTAN_2013, 2013);
        let granted = id("answered.granted", column);
        bump(&mut r, &granted);
        let all = findings(&r);
        let d = find(&all, Code::SubsetExceedsParent, &granted);
        assert_eq!(d.severity, Severity::Error);
        let mut cells = ids(&ANSWERS_2013, column);
        cells.push(id("answered", column));
        assert_eq!(d.cells, cells);
        assert!(!all.iter().any(|d| d.code == Code::AnswersBelowTotal), "more is not less");
    }
}

#[test]
fn the_answer_types_of_2013_below_the_answers_is_a_warning() {
    for column in COLUMNS {
        let mut r = table(PINGTAN_2013, 2013);
        let answered = id("answered", column);
        bump(&mut r, &answered);
        let all = findings(&r);
        assert_eq!(all.len(), 1, "{all:#?}");
        let d = find(&all, Code::AnswersBelowTotal, &id("answered.granted", column));
        assert_eq!(d.severity, Severity::Warning);
        assert_eq!(d.cells.last(), Some(&answered));
        let total = get(&r, &answered);
        assert_eq!((d.expected, d.actual), (Some(Amount::from_int(total)), Some(Amount::from_int(total - 1))));
    }
}

#[test]
fn website_and_gazette_never_exceed_what_was_disclosed() {
    for part in ["disclosed.web", "disclosed.gazette"] {
        for column in COLUMNS {
            let mut r = table(PINGTAN_2013, 2013);
            let total = get(&r, &id("disclosed", column));
            set(&mut r, &id(part, column), total + 1);
            // Keep 累计 ≥ 本年度 out of the way.
            let cumulative = get(&r, &id(part, "cumulative")).max(total + 1);
            set(&mut r, &id(part, "cumulative"), cumulative);
            let all = findings(&r);
            let d = find(&all, Code::SubsetExceedsParent, &id(part, column));
            assert_eq!(d.severity, Severity::Error);
            assert_eq!(d.cells, vec![id(part, column), id("disclosed", column)]);
        }
    }
}

#[test]
fn website_and_gazette_need_not_add_up() {
    // One item can go out both ways, and other ways than these two: neither more nor less is wrong.
    let mut both = table(PINGTAN_2013, 2013);
    set(&mut both, &id("disclosed.gazette", "year"), 1853);
    set(&mut both, &id("disclosed.gazette", "cumulative"), 5395);
    assert_eq!(findings(&both), vec![]);
    let mut neither = table(PINGTAN_2013, 2013);
    set(&mut neither, &id("disclosed.web", "year"), 0);
    assert_eq!(findings(&neither), vec![]);
}

#[test]
fn the_cumulative_figure_is_never_below_the_year_in_any_row() {
    for (rows, year) in [(PINGTAN_2013, 2013), (SET_2016, 2016)] {
        for &(row, _, all_years) in rows {
            let mut r = table(rows, year);
            set(&mut r, &id(row, "year"), all_years + 1);
            let all = findings(&r);
            let d = find(&all, Code::CumulativeBelowYear, &id(row, "cumulative"));
            assert_eq!(d.severity, Severity::Error, "{row}");
            assert_eq!(d.cells, vec![id(row, "cumulative"), id(row, "year")]);
            assert_eq!(
                (d.expected, d.actual),
                (Some(Amount::from_int(all_years + 1)), Some(Amount::from_int(all_years)))
            );
        }
    }
}

#[test]
fn the_messages_say_what_is_wrong_and_why() {
    let mut r = table(PINGTAN_2013, 2013);
    set(&mut r, &id("received.online", "year"), 5);
    set(&mut r, &id("answered", "year"), 4);
    let mut all = findings(&r);
    localize(&mut all, FormId::F2016Fj.def(), Lang::Zh);
    let below = find(&all, Code::CumulativeBelowYear, &id("received.online", "cumulative"));
    assert_eq!(
        below.message,
        "「网上申请数」一行：「历年累计」（4）小于「本年度」（5）：历年累计包含本年度，不能比它小。"
    );
    let sum = find(&all, Code::SumMismatch, &id("received", "year"));
    assert_eq!(
        sum.message,
        "「本年度」一栏：「受理依申请公开信息总数」应等于当面申请数、传真申请数、电子邮件申请数、网上申请数、信函申请数、其它形式申请数之和（0+0+3+5+0+0=8），现填 7。"
    );
    let answers = find(&all, Code::AnswersBelowTotal, &id("answered.granted", "year"));
    assert!(
        answers.message.starts_with("「本年度」一栏：各类答复数之和（2+1+0=3）小于「对申请的答复数」（4）"),
        "{}",
        answers.message
    );
}

// ---------------------------------------------------------------------------------------------
// Year against year: 累计(Y) = 累计(Y−1) + 本年度(Y).

/// Last year's report made from this year's: every cumulative figure this year's less the year's.
fn year_before(this: &Report) -> Report {
    let mut before = Report::new(this.form);
    before.year = this.year.map(|y| y - 1);
    for &(row, _, _) in PINGTAN_2013 {
        let value = get(this, &id(row, "cumulative")) - get(this, &id(row, "year"));
        set(&mut before, &id(row, "cumulative"), value);
    }
    before
}

#[test]
fn a_cumulative_column_that_chains_says_nothing() {
    let this = table(PINGTAN_2013, 2013);
    let before = year_before(&this);
    // As the README of the fixture says: the 2012 report gives 3542, 3304, 7, 21 …
    assert_eq!(get(&before, &id("disclosed", "cumulative")), 3542);
    assert_eq!(get(&before, &id("disclosed.web", "cumulative")), 3304);
    assert_eq!(get(&before, &id("disclosed.gazette", "cumulative")), 7);
    assert_eq!(get(&before, &id("received", "cumulative")), 21);
    assert_eq!(compare_years(&this, &before), vec![]);
}

#[test]
fn a_cumulative_column_that_does_not_chain_is_a_warning_per_row() {
    let this = table(PINGTAN_2013, 2013);
    let mut before = year_before(&this);
    set(&mut before, &id("disclosed", "cumulative"), 3540);
    set(&mut before, &id("answered.refused", "cumulative"), 3);
    let mut found = compare_years(&this, &before);
    assert_eq!(found.len(), 2, "{found:#?}");
    let d = find(&found, Code::CumulativeMismatch, &id("disclosed", "cumulative"));
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(d.cells, vec![id("disclosed", "cumulative"), id("disclosed", "year")]);
    assert_eq!((d.expected, d.actual), (Some(Amount::from_int(3540 + 1853)), Some(Amount::from_int(5395))));
    let d = find(&found, Code::CumulativeMismatch, &id("answered.refused", "cumulative"));
    assert_eq!((d.expected, d.actual), (Some(Amount::from_int(3)), Some(Amount::from_int(2))));
    localize(&mut found, FormId::F2016Fj.def(), Lang::Zh);
    assert_eq!(
        found[0].message,
        "「主动公开信息数」历年累计为 5395，但2012年度报告的历年累计 3540 加本年度 1853 应为 5393；请核对两年的累计口径是否一致。"
    );
}

#[test]
fn the_chain_is_checked_only_against_the_year_just_before_of_the_same_form() {
    let this = table(PINGTAN_2013, 2013);
    let mut before = year_before(&this);
    set(&mut before, &id("disclosed", "cumulative"), 3540);
    // Two years before: the chain runs through a report not given.
    let mut earlier = before.clone();
    earlier.year = Some(2011);
    assert_eq!(compare_years(&this, &earlier), vec![]);
    // Another form has no such column.
    let mut other = before.clone();
    other.form = FormId::F2016;
    assert_eq!(compare_years(&this, &other), vec![]);
    // A blank says nothing: the row's own finding says it is blank.
    let mut blank = before;
    blank.cells.remove(&id("disclosed", "cumulative"));
    assert_eq!(compare_years(&this, &blank), vec![]);
}
