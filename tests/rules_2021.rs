//! The 2021 format's identities, each per column (or per row, per block): a consistent full table
//! has no finding; one cell off by one reports exactly the identities that cell sits in, with their
//! cells. Each test fails if its rule is taken out of the form definition. The tests the formats
//! since 2019 share are declared from tests/common/matrix.rs; this file holds what is particular
//! to 2021: its Table A and its rows under （六）.

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

#[path = "common/matrix.rs"]
mod matrix;

use std::collections::BTreeSet;

use disclosure_report::diagnostic::Code;
use disclosure_report::engine::Mode;
use disclosure_report::form::FormId;
use matrix::{findings, FormLayout};
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

const FORM_2021: FormLayout = FormLayout {
    id: FormId::F2021,
    table_a: &[
        ("A:regulations:issued", "1"),
        ("A:regulations:repealed", "0"),
        ("A:regulations:in_force", "12"),
        ("A:normative:issued", "8"),
        ("A:normative:repealed", "2"),
        ("A:normative:in_force", "18"),
        ("A:licensing:decisions", "40"),
        ("A:penalty:decisions", "3"),
        ("A:coercion:decisions", "0"),
        ("A:fees:amount", "160.5964"),
    ],
    // （六） is split in three, under an optional subtotal row of its own.
    other_handling: &["3.6.1", "3.6.2", "3.6.3"],
    other_handling_subtotal: Some("3.6"),
};

matrix::shared_tests!(FORM_2021);

#[test]
fn cells_hold_the_kind_their_column_says() {
    // Money with decimals in 本年收费金额; a count refuses a fraction.
    let mut report = FORM_2021.consistent();
    report.cells.insert("A:fees:amount".into(), "0.0125".into());
    assert_eq!(findings(&report, Mode::Submit), BTreeSet::new());
    report.cells.insert("A:normative:issued".into(), "2.5".into());
    assert_eq!(
        findings(&report, Mode::Submit),
        BTreeSet::from([(Code::NotInteger, vec!["A:normative:issued".into()])])
    );
}
