//! The 2019 trial format's identities, each per column (or per row, per block): a consistent full
//! table has no finding; one cell off by one reports exactly the identities that cell sits in, with
//! their cells. Each test fails if its rule is taken out of the form definition. The trial format
//! differs from 2021 in Table A and in Table B's single （六） row; the 2019 sample shows the blank
//! 总计 cells of a real report.

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use std::collections::BTreeSet;

use disclosure_report::diagnostic::{Code, Diagnostic, Severity};
use disclosure_report::engine::{check, Mode};
use disclosure_report::form::FormId;
use disclosure_report::report::Report;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

const APPLICANTS: [&str; 6] = ["natural", "commercial", "research", "nonprofit", "legal", "other"];
const LEGAL_PERSONS: [&str; 5] = ["commercial", "research", "nonprofit", "legal", "other"];
/// The columns every row of Table B must fill: the six applicants and 总计.
const COLUMNS: [&str; 7] = ["natural", "commercial", "research", "nonprofit", "legal", "other", "total"];

/// The result rows （七）总计 adds up.
const RESULTS: [&str; 19] = [
    "3.1", "3.2", "3.3.1", "3.3.2", "3.3.3", "3.3.4", "3.3.5", "3.3.6", "3.3.7", "3.3.8", "3.4.1", "3.4.2", "3.4.3",
    "3.5.1", "3.5.2", "3.5.3", "3.5.4", "3.5.5", "3.6",
];
/// The optional subtotal rows and the rows under each.
const SUBTOTALS: [(&str, &[&str]); 3] = [
    ("3.3", &["3.3.1", "3.3.2", "3.3.3", "3.3.4", "3.3.5", "3.3.6", "3.3.7", "3.3.8"]),
    ("3.4", &["3.4.1", "3.4.2", "3.4.3"]),
    ("3.5", &["3.5.1", "3.5.2", "3.5.3", "3.5.4", "3.5.5"]),
];
const BLOCKS: [&str; 3] = ["review", "direct_suit", "suit_after_review"];
const RESULTS_C: [&str; 4] = ["upheld", "corrected", "other", "pending"];

/// A finding as the tests compare it: its code and its cells, in order.
type Finding = (Code, Vec<String>);

fn b(row: &str, column: &str) -> String {
    format!("B:{row}:{column}")
}

fn get(report: &Report, id: &str) -> i64 {
    report.cell(id).parse().unwrap_or_else(|_| panic!("{id} holds {:?}", report.cell(id)))
}

fn set(report: &mut Report, id: &str, value: i64) {
    report.cells.insert(id.to_string(), value.to_string());
}

fn bump(report: &mut Report, id: &str) {
    let value = get(report, id) + 1;
    set(report, id, value);
}

fn sum(report: &Report, ids: impl IntoIterator<Item = String>) -> i64 {
    ids.into_iter().map(|id| get(report, &id)).sum()
}

/// Every required cell of the form filled, every identity holding, the optional rows and column blank.
fn consistent() -> Report {
    let mut report = Report::new(FormId::F2019);
    let r = &mut report;
    for (row, values) in [("regulations", [13, 13, 524]), ("normative", [60, 58, 368])] {
        for (column, value) in ["made", "published", "public_total"].into_iter().zip(values) {
            set(r, &format!("A:{row}:{column}"), value);
        }
    }
    for (row, values) in [("licensing", [40, -2, 38]), ("other_services", [5, 0, 5]), ("penalty", [3, 1, 0])] {
        for (column, value) in ["previous", "change", "decisions"].into_iter().zip(values) {
            set(r, &format!("A:{row}:{column}"), value);
        }
    }
    for column in ["previous", "change", "decisions"] {
        set(r, &format!("A:coercion:{column}"), 0);
    }
    set(r, "A:fees:previous", 2);
    set(r, "A:fees:change", 0);
    set(r, "A:procurement:items", 6);
    r.cells.insert("A:procurement:amount".into(), "160.5964".into());
    for (j, column) in APPLICANTS.into_iter().enumerate() {
        // Zeros and small counts, different in every column.
        for (i, row) in RESULTS.into_iter().enumerate() {
            set(r, &b(row, column), ((i * 3 + j * 5) % 7) as i64);
        }
        let results = sum(r, RESULTS.map(|row| b(row, column)));
        set(r, &b("3.7", column), results);
        set(r, &b("2", column), j as i64 + 1);
        set(r, &b("4", column), j as i64 + 2);
        set(r, &b("1", column), results + 1);
    }
    for row in ["1", "2", "3.7", "4"].into_iter().chain(RESULTS) {
        let total = sum(r, APPLICANTS.map(|column| b(row, column)));
        set(r, &b(row, "total"), total);
    }
    for (block, values) in BLOCKS.into_iter().zip([[3, 1, 0, 2], [4, 0, 1, 1], [0, 2, 0, 0]]) {
        for (column, value) in RESULTS_C.into_iter().zip(values) {
            set(r, &format!("C:{block}:{column}"), value);
        }
        set(r, &format!("C:{block}:total"), values.iter().sum());
    }
    report
}

/// The consistent table with the optional subtotal rows filled in every required column.
fn with_subtotal_rows() -> Report {
    let mut report = consistent();
    for (subtotal, rows) in SUBTOTALS {
        for column in COLUMNS {
            let value = sum(&report, rows.iter().map(|row| b(row, column)));
            set(&mut report, &b(subtotal, column), value);
        }
    }
    report
}

/// The consistent table with the optional 小计 column filled in every required row.
fn with_legal_subtotal() -> Report {
    let mut report = consistent();
    for row in ["1", "2", "3.7", "4"].into_iter().chain(RESULTS) {
        let value = sum(&report, LEGAL_PERSONS.map(|column| b(row, column)));
        set(&mut report, &b(row, "legal_subtotal"), value);
    }
    report
}

fn findings(report: &Report, mode: Mode) -> BTreeSet<Finding> {
    check(report, mode).into_iter().map(|d| (d.code, d.cells)).collect()
}

fn balance(column: &str) -> Finding {
    (Code::BalanceMismatch, ["1", "2", "3.7", "4"].map(|row| b(row, column)).to_vec())
}

fn vertical(column: &str) -> Finding {
    (Code::SumMismatch, ["3.7"].into_iter().chain(RESULTS).map(|row| b(row, column)).collect())
}

fn across(row: &str) -> Finding {
    (Code::SumMismatch, ["total"].into_iter().chain(APPLICANTS).map(|column| b(row, column)).collect())
}

fn legal_subtotal(row: &str) -> Finding {
    (Code::SumMismatch, ["legal_subtotal"].into_iter().chain(LEGAL_PERSONS).map(|column| b(row, column)).collect())
}

fn subtotal(subtotal: &str, rows: &[&str], column: &str) -> Finding {
    (Code::SumMismatch, [subtotal].iter().chain(rows).map(|row| b(row, column)).collect())
}

fn block(block: &str) -> Finding {
    let cells = ["total"].into_iter().chain(RESULTS_C).map(|column| format!("C:{block}:{column}")).collect();
    (Code::SumMismatch, cells)
}

/// The identities of the official layout a required cell of Table B sits in.
fn identities_of(row: &str, column: &str) -> BTreeSet<Finding> {
    let mut out = BTreeSet::from([across(row)]);
    if ["1", "2", "3.7", "4"].contains(&row) {
        out.insert(balance(column));
    }
    if row == "3.7" || RESULTS.contains(&row) {
        out.insert(vertical(column));
    }
    out
}

fn bumped(mut report: Report, id: &str) -> BTreeSet<Finding> {
    bump(&mut report, id);
    findings(&report, Mode::Submit)
}

#[test]
fn a_consistent_table_has_no_finding_with_the_optional_cells_blank() {
    let report = consistent();
    for mode in [Mode::Filling, Mode::Submit, Mode::Review] {
        assert_eq!(check(&report, mode), vec![], "{mode:?}");
    }
}

#[test]
fn balance_per_column() {
    for column in COLUMNS {
        for row in ["1", "2", "4"] {
            let expected = BTreeSet::from([balance(column), across(row)]);
            assert_eq!(bumped(consistent(), &b(row, column)), expected, "{row} {column}");
        }
    }
    let mut report = consistent();
    bump(&mut report, "B:1:research");
    let d = check(&report, Mode::Submit);
    let balance = d.iter().find(|d| d.code == Code::BalanceMismatch).expect("a balance mismatch");
    assert_eq!(balance.severity, Severity::Error);
    assert_eq!(balance.cells, ["B:1:research", "B:2:research", "B:3.7:research", "B:4:research"]);
}

#[test]
fn results_add_up_to_the_total_per_column() {
    for column in COLUMNS {
        for row in RESULTS {
            let expected = BTreeSet::from([vertical(column), across(row)]);
            assert_eq!(bumped(consistent(), &b(row, column)), expected, "{row} {column}");
        }
    }
}

#[test]
fn a_wrong_results_total_with_the_balance_kept() {
    // 3.7 and 1 both one too many: the balance holds, so only 3.7's own sums are wrong (and the
    // rows' totals, since the legal column changed).
    let mut report = consistent();
    bump(&mut report, "B:3.7:legal");
    bump(&mut report, "B:1:legal");
    let expected = BTreeSet::from([vertical("legal"), across("3.7"), across("1")]);
    assert_eq!(findings(&report, Mode::Submit), expected);
    let d = check(&report, Mode::Submit);
    let v = d.iter().find(|d| d.cells.first().map(String::as_str) == Some("B:3.7:legal")).expect("3.7 legal");
    assert_eq!((v.code, v.severity), (Code::SumMismatch, Severity::Error));
}

#[test]
fn applicants_add_up_to_the_total_per_row() {
    for row in ["1", "2", "3.7", "4"].into_iter().chain(RESULTS) {
        for column in COLUMNS {
            assert_eq!(bumped(consistent(), &b(row, column)), identities_of(row, column), "{row} {column}");
        }
    }
    let findings = bumped(consistent(), "B:3.4.2:nonprofit");
    assert!(findings.contains(&(
        Code::SumMismatch,
        ["total", "natural", "commercial", "research", "nonprofit", "legal", "other"]
            .map(|c| format!("B:3.4.2:{c}"))
            .to_vec()
    )));
}

#[test]
fn subtotal_rows_are_checked_when_filled() {
    assert_eq!(findings(&with_subtotal_rows(), Mode::Submit), BTreeSet::new());
    for (sub, rows) in SUBTOTALS {
        for column in COLUMNS {
            // The subtotal itself wrong: its rows disagree, and so does its own row's total.
            let expected = BTreeSet::from([subtotal(sub, rows, column), across(sub)]);
            assert_eq!(bumped(with_subtotal_rows(), &b(sub, column)), expected, "{sub} {column}");
            // One of its rows wrong: the subtotal disagrees as well as the official identities.
            let mut expected = identities_of(rows[0], column);
            expected.insert(subtotal(sub, rows, column));
            assert_eq!(bumped(with_subtotal_rows(), &b(rows[0], column)), expected, "{} {column}", rows[0]);
        }
    }
}

#[test]
fn legal_subtotal_column_is_checked_when_filled() {
    assert_eq!(findings(&with_legal_subtotal(), Mode::Submit), BTreeSet::new());
    for row in ["1", "2", "3.7", "4"].into_iter().chain(RESULTS) {
        // The 小计 wrong: the five disagree, and so does the column's own balance or total; 总计
        // does not read 小计, so the row's total still holds.
        let mut expected = identities_of(row, "legal_subtotal");
        expected.remove(&across(row));
        expected.insert(legal_subtotal(row));
        assert_eq!(bumped(with_legal_subtotal(), &b(row, "legal_subtotal")), expected, "{row}");
        for column in LEGAL_PERSONS {
            let mut expected = identities_of(row, column);
            expected.insert(legal_subtotal(row));
            assert_eq!(bumped(with_legal_subtotal(), &b(row, column)), expected, "{row} {column}");
        }
    }
}

#[test]
fn table_c_totals_per_block() {
    for name in BLOCKS {
        for column in ["total"].into_iter().chain(RESULTS_C) {
            let id = format!("C:{name}:{column}");
            assert_eq!(bumped(consistent(), &id), BTreeSet::from([block(name)]), "{id}");
        }
    }
    let mut report = consistent();
    bump(&mut report, "C:direct_suit:pending");
    let d = check(&report, Mode::Submit);
    assert_eq!(d.len(), 1);
    assert_eq!(
        (d[0].code, d[0].severity, d[0].cells[0].as_str()),
        (Code::SumMismatch, Severity::Error, "C:direct_suit:total")
    );
}

#[test]
fn cells_hold_the_kind_their_column_says() {
    // 本年增/减 is signed, 上一年项目数量 is not; 采购总金额 is money in its own unit.
    let mut report = consistent();
    report.cells.insert("A:penalty:change".into(), "-3".into());
    assert_eq!(findings(&report, Mode::Submit), BTreeSet::new());
    report.cells.insert("A:penalty:previous".into(), "-3".into());
    assert_eq!(findings(&report, Mode::Submit), BTreeSet::from([(Code::Negative, vec!["A:penalty:previous".into()])]));

    let mut report = consistent();
    report.cells.insert("A:procurement:amount".into(), "251000元".into());
    let d = check(&report, Mode::Submit);
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!((d[0].code, d[0].cells[0].as_str()), (Code::Normalized, "A:procurement:amount"));
    report.cells.insert("A:procurement:items".into(), "6元".into());
    assert!(findings(&report, Mode::Submit).contains(&(Code::InvalidNumber, vec!["A:procurement:items".into()])));
}

#[test]
fn published_at_most_made() {
    for row in ["regulations", "normative"] {
        let mut report = consistent();
        let made = get(&report, &format!("A:{row}:made"));
        set(&mut report, &format!("A:{row}:published"), made + 1);
        let d = check(&report, Mode::Submit);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].code, d[0].severity), (Code::TableAInconsistent, Severity::Warning));
        assert_eq!(d[0].cells, [format!("A:{row}:published"), format!("A:{row}:made")]);
        // Published as many as made is fine.
        set(&mut report, &format!("A:{row}:published"), made);
        assert_eq!(check(&report, Mode::Submit), vec![]);
    }
}

#[test]
fn blanks_are_missing_at_submit_but_optional_cells_never() {
    let mut report = consistent();
    report.cells.remove("B:3.6:total");
    report.cells.remove("B:3.6:natural");
    let findings = findings(&report, Mode::Submit);
    assert!(findings.contains(&(Code::Missing, vec!["B:3.6:total".into()])));
    assert!(findings.contains(&(Code::Missing, vec!["B:3.6:natural".into()])));
    assert!(findings
        .iter()
        .all(|(_, cells)| cells.iter().all(|c| !c.contains("legal_subtotal") && !c.starts_with("B:3.5:"))));
}

/// Tables B and C of the 2019 sample (上海市人民政府办公厅), as published: blank cells are blank,
/// and 总计 is left blank in the result rows （一）–（六）.
const SAMPLE_B: [(&str, [&str; 7]); 23] = [
    ("1", ["821", "35", "", "", "2", "1", "859"]),
    ("2", ["18", "", "", "", "", "", "18"]),
    ("3.1", ["258", "12", "", "", "1", "1", ""]),
    ("3.2", ["3", "", "", "", "", "", ""]),
    ("3.3.1", ["14", "", "", "", "", "", ""]),
    ("3.3.2", ["", "", "", "", "", "", ""]),
    ("3.3.3", ["", "", "", "", "", "", ""]),
    ("3.3.4", ["", "", "", "", "", "", ""]),
    ("3.3.5", ["5", "", "", "", "", "", ""]),
    ("3.3.6", ["3", "1", "", "", "", "", ""]),
    ("3.3.7", ["", "", "", "", "", "", ""]),
    ("3.3.8", ["10", "2", "", "", "", "", ""]),
    ("3.4.1", ["252", "12", "", "", "1", "", ""]),
    ("3.4.2", ["44", "3", "", "", "", "", ""]),
    ("3.4.3", ["25", "", "", "", "", "", ""]),
    ("3.5.1", ["148", "1", "", "", "", "", ""]),
    ("3.5.2", ["5", "4", "", "", "", "", ""]),
    ("3.5.3", ["", "", "", "", "", "", ""]),
    ("3.5.4", ["", "", "", "", "", "", ""]),
    ("3.5.5", ["", "", "", "", "", "", ""]),
    ("3.6", ["", "", "", "", "", "", ""]),
    ("3.7", ["767", "35", "", "", "2", "1", "805"]),
    ("4", ["72", "", "", "", "", "", "72"]),
];
const SAMPLE_C: [&str; 15] = ["5", "", "", "2", "7", "8", "", "", "1", "9", "", "", "", "", ""];

fn sample() -> Report {
    let mut report = consistent();
    report.cells.retain(|id, _| id.starts_with("A:"));
    for (row, values) in SAMPLE_B {
        for (column, value) in COLUMNS.into_iter().zip(values) {
            report.cells.insert(b(row, column), value.to_string());
        }
    }
    let c_cells = BLOCKS
        .into_iter()
        .flat_map(|block| RESULTS_C.into_iter().chain(["total"]).map(move |column| format!("C:{block}:{column}")));
    for (id, value) in c_cells.zip(SAMPLE_C) {
        report.cells.insert(id, value.to_string());
    }
    report.cells.retain(|_, value| !value.is_empty());
    report
}

/// The blank 总计 cells of the sample's result rows that have applicants in them.
const SAMPLE_BLANK_TOTALS: [&str; 11] =
    ["3.1", "3.2", "3.3.1", "3.3.5", "3.3.6", "3.3.8", "3.4.1", "3.4.2", "3.4.3", "3.5.1", "3.5.2"];

fn missing(diagnostics: &[Diagnostic]) -> BTreeSet<String> {
    diagnostics.iter().filter(|d| d.code == Code::Missing).flat_map(|d| d.cells.clone()).collect()
}

#[test]
fn the_sample_holds_where_filled() {
    for mode in [Mode::Filling, Mode::Review] {
        let d = check(&sample(), mode);
        let wrong: Vec<_> = d.iter().filter(|d| matches!(d.code, Code::SumMismatch | Code::BalanceMismatch)).collect();
        assert_eq!(wrong, Vec::<&Diagnostic>::new(), "{mode:?}");
    }
}

#[test]
fn the_sample_blank_totals_are_reported_while_filling() {
    let missing = missing(&check(&sample(), Mode::Filling));
    for row in SAMPLE_BLANK_TOTALS {
        assert!(missing.contains(&b(row, "total")), "{row}");
    }
}

#[test]
fn the_sample_blank_totals_are_reported_in_review() {
    // 3.3.1 has 14 natural persons, so its blank 总计 cannot be 0: it must stay missing, not be read
    // as 0 through the subtotal 3.3 the trial form does not have.
    let missing = missing(&check(&sample(), Mode::Review));
    for row in SAMPLE_BLANK_TOTALS {
        assert!(missing.contains(&b(row, "total")), "{row}");
    }
}

#[test]
fn the_identities_the_sample_leaves_checkable_are_checked() {
    // With 总计 blank in the result rows, the rows' totals cannot be checked, but each applicant
    // column's results still add up to its （七）总计.
    let mut report = sample();
    report.cells.insert("B:3.3.5:natural".into(), "6".into());
    for mode in [Mode::Filling, Mode::Review] {
        let wrong: BTreeSet<Finding> = check(&report, mode)
            .into_iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| (d.code, d.cells))
            .collect();
        assert_eq!(wrong, BTreeSet::from([vertical("natural")]), "{mode:?}");
    }
}
