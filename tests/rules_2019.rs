//! The 2019 trial format's identities, each per column (or per row, per block): a consistent full
//! table has no finding; one cell off by one reports exactly the identities that cell sits in, with
//! their cells. Each test fails if its rule is taken out of the form definition. The trial format
//! differs from 2021 in Table A and in Table B's single （六） row; the 2019 sample shows the blank
//! 总计 cells of a real report. The tests the formats since 2019 share are declared from
//! tests/common/matrix.rs; this file holds what is particular to 2019.

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

#[path = "common/matrix.rs"]
mod matrix;

use std::collections::BTreeSet;

use disclosure_report::diagnostic::{Code, Diagnostic, Severity};
use disclosure_report::engine::{check, Mode};
use disclosure_report::form::FormId;
use disclosure_report::report::Report;
use matrix::{b, findings, get, set, Finding, FormLayout, BLOCKS, COLUMNS, RESULTS_C};
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

const FORM_2019: FormLayout = FormLayout {
    id: FormId::F2019,
    table_a: &[
        ("A:regulations:made", "13"),
        ("A:regulations:published", "13"),
        ("A:regulations:public_total", "524"),
        ("A:normative:made", "60"),
        ("A:normative:published", "58"),
        ("A:normative:public_total", "368"),
        ("A:licensing:previous", "40"),
        ("A:licensing:change", "-2"),
        ("A:licensing:decisions", "38"),
        ("A:other_services:previous", "5"),
        ("A:other_services:change", "0"),
        ("A:other_services:decisions", "5"),
        ("A:penalty:previous", "3"),
        ("A:penalty:change", "1"),
        ("A:penalty:decisions", "0"),
        ("A:coercion:previous", "0"),
        ("A:coercion:change", "0"),
        ("A:coercion:decisions", "0"),
        ("A:fees:previous", "2"),
        ("A:fees:change", "0"),
        ("A:procurement:items", "6"),
        ("A:procurement:amount", "160.5964"),
    ],
    // （六） is a single row.
    other_handling: &["3.6"],
    other_handling_subtotal: None,
};

matrix::shared_tests!(FORM_2019);

#[test]
fn cells_hold_the_kind_their_column_says() {
    // 本年增/减 is signed, 上一年项目数量 is not; 采购总金额 is money in its own unit.
    let mut report = FORM_2019.consistent();
    report.cells.insert("A:penalty:change".into(), "-3".into());
    assert_eq!(findings(&report, Mode::Submit), BTreeSet::new());
    report.cells.insert("A:penalty:previous".into(), "-3".into());
    assert_eq!(findings(&report, Mode::Submit), BTreeSet::from([(Code::Negative, vec!["A:penalty:previous".into()])]));

    let mut report = FORM_2019.consistent();
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
        let mut report = FORM_2019.consistent();
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
    let mut report = FORM_2019.consistent();
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
        assert_eq!(wrong, BTreeSet::from([FORM_2019.vertical("natural")]), "{mode:?}");
    }
}
