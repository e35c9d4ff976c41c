//! The test machinery of the formats since 2019, whose Tables B and C have the same columns, the
//! same identities and the same optional cells: they differ only in Table A and in the result rows
//! of （六）, split into rows under an optional subtotal row since 2021. A test file describes its
//! form in a [`FormLayout`] and declares the tests every such form passes with [`shared_tests!`];
//! what is particular to its form stays in the file. Reports are built in memory, never read from
//! disk, so the tests run in the browser too.
//!
//! Declared in each file with `#[path = "common/matrix.rs"] mod matrix;`: a file directly under
//! tests/common/ is not a test crate of its own.

use std::collections::BTreeSet;

use disclosure_report::diagnostic::{Code, Severity};
use disclosure_report::engine::{check, Mode};
use disclosure_report::form::FormId;
use disclosure_report::report::Report;

const APPLICANTS: [&str; 6] = ["natural", "commercial", "research", "nonprofit", "legal", "other"];
const LEGAL_PERSONS: [&str; 5] = ["commercial", "research", "nonprofit", "legal", "other"];
/// The columns every row of Table B must fill: the six applicants and 总计.
pub const COLUMNS: [&str; 7] = ["natural", "commercial", "research", "nonprofit", "legal", "other", "total"];
/// The rows of Table B the balance reads: 1 + 2 = 3.7 + 4, per column.
const BALANCE_ROWS: [&str; 4] = ["1", "2", "3.7", "4"];
pub const BLOCKS: [&str; 3] = ["review", "direct_suit", "suit_after_review"];
pub const RESULTS_C: [&str; 4] = ["upheld", "corrected", "other", "pending"];
/// The result rows of （一）–（五）: （一）, （二） and the rows under （三）–（五）.
const RESULTS_HEAD: [&str; 18] = [
    "3.1", "3.2", "3.3.1", "3.3.2", "3.3.3", "3.3.4", "3.3.5", "3.3.6", "3.3.7", "3.3.8", "3.4.1", "3.4.2", "3.4.3",
    "3.5.1", "3.5.2", "3.5.3", "3.5.4", "3.5.5",
];
/// The optional subtotal rows of （三）–（五） and the rows under each.
const SUBTOTALS_HEAD: [(&str, &[&str]); 3] = [
    ("3.3", &["3.3.1", "3.3.2", "3.3.3", "3.3.4", "3.3.5", "3.3.6", "3.3.7", "3.3.8"]),
    ("3.4", &["3.4.1", "3.4.2", "3.4.3"]),
    ("3.5", &["3.5.1", "3.5.2", "3.5.3", "3.5.4", "3.5.5"]),
];

/// What the shared tests need to know of a form: the rest is the same in every format since 2019.
pub struct FormLayout {
    pub id: FormId,
    /// Table A filled in full, each cell id with its text.
    pub table_a: &'static [(&'static str, &'static str)],
    /// The result rows of （六）其他处理.
    pub other_handling: &'static [&'static str],
    /// The optional subtotal row over the rows of （六）, where it is split into rows.
    pub other_handling_subtotal: Option<&'static str>,
}

/// A finding as the tests compare it: its code and its cells, in order.
pub type Finding = (Code, Vec<String>);

pub fn b(row: &str, column: &str) -> String {
    format!("B:{row}:{column}")
}

pub fn get(report: &Report, id: &str) -> i64 {
    report.cell(id).parse().unwrap_or_else(|_| panic!("{id} holds {:?}", report.cell(id)))
}

pub fn set(report: &mut Report, id: &str, value: i64) {
    report.cells.insert(id.to_string(), value.to_string());
}

fn bump(report: &mut Report, id: &str) {
    let value = get(report, id) + 1;
    set(report, id, value);
}

fn sum(report: &Report, ids: impl IntoIterator<Item = String>) -> i64 {
    ids.into_iter().map(|id| get(report, &id)).sum()
}

pub fn findings(report: &Report, mode: Mode) -> BTreeSet<Finding> {
    check(report, mode).into_iter().map(|d| (d.code, d.cells)).collect()
}

fn bumped(mut report: Report, id: &str) -> BTreeSet<Finding> {
    bump(&mut report, id);
    findings(&report, Mode::Submit)
}

fn balance(column: &str) -> Finding {
    (Code::BalanceMismatch, BALANCE_ROWS.map(|row| b(row, column)).to_vec())
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

impl FormLayout {
    /// The result rows （七）总计 adds up.
    fn results(&self) -> impl Iterator<Item = &'static str> {
        RESULTS_HEAD.into_iter().chain(self.other_handling.iter().copied())
    }

    /// The optional subtotal rows and the rows under each.
    fn subtotals(&self) -> impl Iterator<Item = (&'static str, &'static [&'static str])> {
        let rows = self.other_handling;
        SUBTOTALS_HEAD.into_iter().chain(self.other_handling_subtotal.map(|subtotal| (subtotal, rows)))
    }

    /// The rows of Table B every column must fill: the balance's rows, then the result rows.
    fn required_rows(&self) -> impl Iterator<Item = &'static str> {
        BALANCE_ROWS.into_iter().chain(self.results())
    }

    /// Every required cell of the form filled, every identity holding, the optional rows and column blank.
    pub fn consistent(&self) -> Report {
        let mut report = Report::new(self.id);
        let r = &mut report;
        for (id, text) in self.table_a {
            r.cells.insert(id.to_string(), text.to_string());
        }
        for (j, column) in APPLICANTS.into_iter().enumerate() {
            // Zeros and small counts, different in every column.
            for (i, row) in self.results().enumerate() {
                set(r, &b(row, column), ((i * 3 + j * 5) % 7) as i64);
            }
            let results = sum(r, self.results().map(|row| b(row, column)));
            set(r, &b("3.7", column), results);
            set(r, &b("2", column), j as i64 + 1);
            set(r, &b("4", column), j as i64 + 2);
            set(r, &b("1", column), results + 1);
        }
        for row in self.required_rows() {
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
    fn with_subtotal_rows(&self) -> Report {
        let mut report = self.consistent();
        for (subtotal, rows) in self.subtotals() {
            for column in COLUMNS {
                let value = sum(&report, rows.iter().map(|row| b(row, column)));
                set(&mut report, &b(subtotal, column), value);
            }
        }
        report
    }

    /// The consistent table with the optional 小计 column filled in every required row.
    fn with_legal_subtotal(&self) -> Report {
        let mut report = self.consistent();
        for row in self.required_rows() {
            let value = sum(&report, LEGAL_PERSONS.map(|column| b(row, column)));
            set(&mut report, &b(row, "legal_subtotal"), value);
        }
        report
    }

    /// The results of one column against its （七）总计.
    pub fn vertical(&self, column: &str) -> Finding {
        (Code::SumMismatch, ["3.7"].into_iter().chain(self.results()).map(|row| b(row, column)).collect())
    }

    /// The identities of the official layout a required cell of Table B sits in.
    fn identities_of(&self, row: &str, column: &str) -> BTreeSet<Finding> {
        let mut out = BTreeSet::from([across(row)]);
        if BALANCE_ROWS.contains(&row) {
            out.insert(balance(column));
        }
        if row == "3.7" || self.results().any(|result| result == row) {
            out.insert(self.vertical(column));
        }
        out
    }
}

/// Declares, in the test file that invokes it, one `#[test]` per shared test below, run on `$form`.
/// `test` is resolved where the macro is invoked, so the file's `wasm_bindgen_test as test` import
/// makes them browser tests on wasm32. A shared test left out of the list is dead code, which
/// clippy's `-D warnings` refuses.
macro_rules! shared_tests {
    ($form:expr) => {
        $crate::matrix::shared_tests!(@each $form;
            a_consistent_table_has_no_finding_with_the_optional_cells_blank,
            balance_per_column,
            results_add_up_to_the_total_per_column,
            a_wrong_results_total_with_the_balance_kept,
            applicants_add_up_to_the_total_per_row,
            subtotal_rows_are_checked_when_filled,
            legal_subtotal_column_is_checked_when_filled,
            table_c_totals_per_block,
            blanks_are_missing_at_submit_but_optional_cells_never,
        );
    };
    (@each $form:expr; $($name:ident,)+) => {
        $(
            #[test]
            fn $name() {
                $crate::matrix::$name(&$form);
            }
        )+
    };
}
pub(crate) use shared_tests;

pub fn a_consistent_table_has_no_finding_with_the_optional_cells_blank(form: &FormLayout) {
    let report = form.consistent();
    for mode in [Mode::Filling, Mode::Submit, Mode::Review] {
        assert_eq!(check(&report, mode), vec![], "{mode:?}");
    }
}

pub fn balance_per_column(form: &FormLayout) {
    for column in COLUMNS {
        for row in ["1", "2", "4"] {
            let expected = BTreeSet::from([balance(column), across(row)]);
            assert_eq!(bumped(form.consistent(), &b(row, column)), expected, "{row} {column}");
        }
    }
    let mut report = form.consistent();
    bump(&mut report, "B:1:research");
    let d = check(&report, Mode::Submit);
    let balance = d.iter().find(|d| d.code == Code::BalanceMismatch).expect("a balance mismatch");
    assert_eq!(balance.severity, Severity::Error);
    assert_eq!(balance.cells, ["B:1:research", "B:2:research", "B:3.7:research", "B:4:research"]);
}

pub fn results_add_up_to_the_total_per_column(form: &FormLayout) {
    for column in COLUMNS {
        for row in form.results() {
            let expected = BTreeSet::from([form.vertical(column), across(row)]);
            assert_eq!(bumped(form.consistent(), &b(row, column)), expected, "{row} {column}");
        }
    }
}

pub fn a_wrong_results_total_with_the_balance_kept(form: &FormLayout) {
    // 3.7 and 1 both one too many: the balance holds, so only 3.7's own sums are wrong (and the
    // rows' totals, since the legal column changed).
    let mut report = form.consistent();
    bump(&mut report, "B:3.7:legal");
    bump(&mut report, "B:1:legal");
    let expected = BTreeSet::from([form.vertical("legal"), across("3.7"), across("1")]);
    assert_eq!(findings(&report, Mode::Submit), expected);
    let d = check(&report, Mode::Submit);
    let v = d.iter().find(|d| d.cells.first().map(String::as_str) == Some("B:3.7:legal")).expect("3.7 legal");
    assert_eq!((v.code, v.severity), (Code::SumMismatch, Severity::Error));
}

pub fn applicants_add_up_to_the_total_per_row(form: &FormLayout) {
    for row in form.required_rows() {
        for column in COLUMNS {
            assert_eq!(bumped(form.consistent(), &b(row, column)), form.identities_of(row, column), "{row} {column}");
        }
    }
    let findings = bumped(form.consistent(), "B:3.4.2:nonprofit");
    assert!(findings.contains(&(
        Code::SumMismatch,
        ["total", "natural", "commercial", "research", "nonprofit", "legal", "other"]
            .map(|c| format!("B:3.4.2:{c}"))
            .to_vec()
    )));
}

pub fn subtotal_rows_are_checked_when_filled(form: &FormLayout) {
    assert_eq!(findings(&form.with_subtotal_rows(), Mode::Submit), BTreeSet::new());
    for (sub, rows) in form.subtotals() {
        for column in COLUMNS {
            // The subtotal itself wrong: its rows disagree, and so does its own row's total.
            let expected = BTreeSet::from([subtotal(sub, rows, column), across(sub)]);
            assert_eq!(bumped(form.with_subtotal_rows(), &b(sub, column)), expected, "{sub} {column}");
            // One of its rows wrong: the subtotal disagrees as well as the official identities.
            let mut expected = form.identities_of(rows[0], column);
            expected.insert(subtotal(sub, rows, column));
            assert_eq!(bumped(form.with_subtotal_rows(), &b(rows[0], column)), expected, "{} {column}", rows[0]);
        }
    }
}

pub fn legal_subtotal_column_is_checked_when_filled(form: &FormLayout) {
    assert_eq!(findings(&form.with_legal_subtotal(), Mode::Submit), BTreeSet::new());
    for row in form.required_rows() {
        // The 小计 wrong: the five disagree, and so does the column's own balance or total; 总计
        // does not read 小计, so the row's total still holds.
        let mut expected = form.identities_of(row, "legal_subtotal");
        expected.remove(&across(row));
        expected.insert(legal_subtotal(row));
        assert_eq!(bumped(form.with_legal_subtotal(), &b(row, "legal_subtotal")), expected, "{row}");
        for column in LEGAL_PERSONS {
            let mut expected = form.identities_of(row, column);
            expected.insert(legal_subtotal(row));
            assert_eq!(bumped(form.with_legal_subtotal(), &b(row, column)), expected, "{row} {column}");
        }
    }
}

pub fn table_c_totals_per_block(form: &FormLayout) {
    for name in BLOCKS {
        for column in ["total"].into_iter().chain(RESULTS_C) {
            let id = format!("C:{name}:{column}");
            assert_eq!(bumped(form.consistent(), &id), BTreeSet::from([block(name)]), "{id}");
        }
    }
    let mut report = form.consistent();
    bump(&mut report, "C:direct_suit:pending");
    let d = check(&report, Mode::Submit);
    assert_eq!(d.len(), 1);
    assert_eq!(
        (d[0].code, d[0].severity, d[0].cells[0].as_str()),
        (Code::SumMismatch, Severity::Error, "C:direct_suit:total")
    );
}

pub fn blanks_are_missing_at_submit_but_optional_cells_never(form: &FormLayout) {
    // Every result row in turn, so that a blank row under an optional subtotal row is among them:
    // the blank subtotal row must not be reported (nor read as 0) on its account.
    for row in form.results() {
        let mut report = form.consistent();
        report.cells.remove(&b(row, "total"));
        report.cells.remove(&b(row, "natural"));
        let findings = findings(&report, Mode::Submit);
        assert!(findings.contains(&(Code::Missing, vec![b(row, "total")])), "{row}");
        assert!(findings.contains(&(Code::Missing, vec![b(row, "natural")])), "{row}");
        let optional = |cell: &str| {
            cell.contains("legal_subtotal") || form.subtotals().any(|(sub, _)| cell.starts_with(&b(sub, "")))
        };
        assert!(findings.iter().all(|(_, cells)| !cells.iter().any(|c| optional(c))), "{row}: {findings:?}");
    }
}
