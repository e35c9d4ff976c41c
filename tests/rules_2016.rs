//! Every rule of the 2014–2018 table, each with a fixture that fails when the rule is removed:
//! start from a consistent table, break one thing, and assert the code and the cells reported.

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use disclosure_report::diagnostic::{Code, Diagnostic, Severity};
use disclosure_report::engine::{check, Checker, Mode};
use disclosure_report::form::FormId;
use disclosure_report::report::Report;
use disclosure_report::value::Amount;

/// The sample's table (tests/fixtures/2016-liupanshui-seed.txt), headings included.
const SAMPLE: &[(&str, &str)] = &[
    ("1.1", "645"),
    ("1.1.a", "0"),
    ("1.1.b", "0"),
    ("1.2", "976"),
    ("1.2.1", "0"),
    ("1.2.2", "927"),
    ("1.2.3", "12"),
    ("1.2.4", "37"),
    ("1.2.5", "0"),
    ("1.3", "0"),
    ("1.3.1", "0"),
    ("1.3.2", "0"),
    ("2", "19"),
    ("2.1", "2"),
    ("2.2", "17"),
    ("2.2.1", "1"),
    ("2.2.1.a", "1"),
    ("2.2.2", "0"),
    ("2.2.2.a", "0"),
    ("2.2.3", "14"),
    ("2.2.4", "1"),
    ("2.2.5", "1"),
    ("3", "1"),
    ("3.1", "1"),
    ("3.1.1", "0"),
    ("3.1.2", "0"),
    ("3.1.3", "1"),
    ("3.1.4", "0"),
    ("3.2", "1"),
    ("3.2.1", "1"),
    ("3.2.2", "0"),
    ("3.3", "1"),
    ("3.3.1", "0"),
    ("3.3.2", "1"),
    ("3.3.3", "0"),
    ("3.3.4", "0"),
    ("3.3.4.a", "0"),
    ("3.3.4.b", "0"),
    ("3.3.4.c", "0"),
    ("3.3.4.d", "0"),
    ("3.3.4.e", "0"),
    ("3.3.4.f", "0"),
    ("3.3.5", "0"),
    ("3.3.6", "0"),
    ("3.3.7", "0"),
    ("3.3.8", "0"),
    ("4", "0"),
    ("4.1", "0"),
    ("4.2", "0"),
    ("4.3", "0"),
    ("5", "0"),
    ("5.1", "0"),
    ("5.2", "0"),
    ("5.3", "0"),
    ("6", "0"),
    ("7", "0"),
    ("8.1", "1"),
    ("8.2", "1"),
    ("8.3", "1"),
    ("8.3.1", "0"),
    ("8.3.2", "1"),
    ("8.4", "2"),
    ("9.1", "2"),
    ("9.2", "2"),
    ("9.3", "6"),
];

fn report(cells: &[(&str, &str)], changes: &[(&str, &str)]) -> Report {
    let mut r = Report::new(FormId::F2016);
    for (id, text) in cells.iter().chain(changes) {
        r.cells.insert(id.to_string(), text.to_string());
    }
    r
}

/// The sample made consistent: 政府网站 596 instead of 927, and the heading 1.2 to match.
fn clean(changes: &[(&str, &str)]) -> Report {
    let mut all: Vec<(&str, &str)> = vec![("1.2.2", "596"), ("1.2", "645")];
    all.extend_from_slice(changes);
    report(SAMPLE, &all)
}

fn findings(changes: &[(&str, &str)], mode: Mode) -> Vec<Diagnostic> {
    check(&clean(changes), mode).into_iter().filter(|d| d.severity != Severity::Info).collect()
}

/// The one finding with `code` whose first cell is `first`.
fn find<'a>(all: &'a [Diagnostic], code: Code, first: &str) -> &'a Diagnostic {
    all.iter()
        .find(|d| d.code == code && d.cells.first().map(String::as_str) == Some(first))
        .unwrap_or_else(|| panic!("no {code:?} at {first} in {all:#?}"))
}

#[test]
fn the_clean_table_has_no_finding() {
    assert_eq!(findings(&[], Mode::Submit), vec![]);
}

#[test]
fn the_sample_gets_exactly_the_channel_warning() {
    let all: Vec<Diagnostic> =
        check(&report(SAMPLE, &[]), Mode::Review).into_iter().filter(|d| d.severity != Severity::Info).collect();
    assert_eq!(all.len(), 1, "{all:#?}");
    let d = &all[0];
    assert_eq!((d.code, d.severity), (Code::ChannelExceedsTotal, Severity::Warning));
    assert_eq!(d.cells, vec!["1.2.2", "1.1"]);
    assert_eq!((d.expected, d.actual), (Some(Amount::from_int(645)), Some(Amount::from_int(927))));
}

#[test]
fn sums_are_hard_identities() {
    for (change, parent, children) in [
        (("3.1", "2"), "3.1", vec!["3.1.1", "3.1.2", "3.1.3", "3.1.4"]),
        (("3.2.2", "1"), "3.2", vec!["3.2.1", "3.2.2"]),
        (("3.3.5", "1"), "3.3", vec!["3.3.1", "3.3.2", "3.3.3", "3.3.4", "3.3.5", "3.3.6", "3.3.7", "3.3.8"]),
        (("4.1", "1"), "4", vec!["4.1", "4.2", "4.3"]),
        (("5.3", "2"), "5", vec!["5.1", "5.2", "5.3"]),
        (("8.3.1", "1"), "8.3", vec!["8.3.1", "8.3.2"]),
    ] {
        let all = findings(&[change], Mode::Filling);
        let d = find(&all, Code::SumMismatch, parent);
        assert_eq!(d.severity, Severity::Error);
        assert_eq!(d.cells[1..], children[..], "the children follow the parent");
        assert_eq!(d.rule.as_deref(), Some(format!("sum-mismatch:{parent}").as_str()));
    }
}

#[test]
fn the_receipts_message_is_what_a_clerk_needs() {
    let mut all = findings(&[("3.1", "2")], Mode::Filling);
    disclosure_report::messages::localize(&mut all, FormId::F2016.def(), disclosure_report::messages::Lang::Zh);
    let d = find(&all, Code::SumMismatch, "3.1");
    assert_eq!(
        d.message,
        "「收到申请数」应等于当面申请数、传真申请数、网络申请数、信函申请数之和（0+0+1+0=1），现填 2。"
    );
    assert_eq!((d.expected, d.actual), (Some(Amount::from_int(1)), Some(Amount::from_int(2))));
}

#[test]
fn subsets_cannot_exceed_their_parent() {
    for (change, first, parent) in [
        (("1.1.a", "700"), "1.1.a", "1.1"),
        (("2.2.1.a", "2"), "2.2.1.a", "2.2.1"),
        (("2.2.2.a", "1"), "2.2.2.a", "2.2.2"),
        (("3.3.4.b", "1"), "3.3.4.a", "3.3.4"),
    ] {
        let all = findings(&[change], Mode::Filling);
        let d = find(&all, Code::SubsetExceedsParent, first);
        assert_eq!(d.severity, Severity::Error);
        assert_eq!(d.cells.last().map(String::as_str), Some(parent));
    }
}

#[test]
fn reasons_should_add_up_to_the_refusals() {
    let all = findings(&[("3.3.4", "1"), ("3.3", "2")], Mode::Filling);
    let d = find(&all, Code::ReasonsMismatch, "3.3.4.a");
    assert_eq!(d.severity, Severity::Warning);
    assert!(!all.iter().any(|d| d.code == Code::SubsetExceedsParent), "fewer reasons is not an excess");
}

#[test]
fn one_channel_cannot_exceed_the_total() {
    for channel in ["1.2.1", "1.2.3", "1.2.4", "1.2.5"] {
        let all = findings(&[(channel, "700"), ("1.2", "")], Mode::Filling);
        let d = find(&all, Code::ChannelExceedsTotal, channel);
        assert_eq!(d.cells, vec![channel, "1.1"]);
        assert_eq!(d.severity, Severity::Warning);
    }
}

#[test]
fn channels_together_reach_the_total() {
    let all = findings(&[("1.2.2", "500"), ("1.2", "")], Mode::Filling);
    let d = find(&all, Code::ChannelsBelowTotal, "1.2.1");
    assert_eq!((d.expected, d.actual), (Some(Amount::from_int(645)), Some(Amount::from_int(549))));
}

#[test]
fn training_and_staff_are_implied_by_their_counts() {
    let all = findings(&[("9.3", "0")], Mode::Filling);
    assert_eq!(find(&all, Code::ExpectedNonzero, "9.2").cells, vec!["9.2", "9.3"]);
    let all = findings(&[("8.3", "0"), ("8.3.2", "0")], Mode::Filling);
    assert_eq!(find(&all, Code::ExpectedNonzero, "8.1").cells, vec!["8.1", "8.3"]);
}

#[test]
fn filled_headings_must_agree_with_their_rows() {
    for (heading, value) in [("1.2", "1000"), ("1.3", "5"), ("2", "20"), ("2.2", "18"), ("3", "2")] {
        let all = findings(&[(heading, value)], Mode::Filling);
        let d = find(&all, Code::HeadingMismatch, heading);
        assert_eq!(d.severity, Severity::Warning);
    }
    // Blank headings are what the official form has: nothing to say.
    let blanks: Vec<(&str, &str)> = ["1.2", "1.3", "2", "2.2", "3"].iter().map(|h| (*h, "")).collect();
    assert_eq!(findings(&blanks, Mode::Submit), vec![]);
}

#[test]
fn other_heading_values_are_info() {
    let all = check(&clean(&[("1", "5")]), Mode::Filling);
    let d = find(&all, Code::HeadingValue, "1");
    assert_eq!(d.severity, Severity::Info);
}

#[test]
fn blanks_are_missing_never_zero() {
    let filling = findings(&[("3.1.4", ""), ("3.1", "2")], Mode::Filling);
    assert_eq!(find(&filling, Code::Missing, "3.1.4").severity, Severity::Warning);
    assert!(!filling.iter().any(|d| d.code == Code::SumMismatch), "an incomplete sum is pending while filling");

    let submit = findings(&[("3.1.4", ""), ("3.1", "2")], Mode::Submit);
    assert_eq!(find(&submit, Code::Missing, "3.1.4").severity, Severity::Error);
    assert_eq!(find(&submit, Code::SumMismatch, "3.1").severity, Severity::Error, "and a mismatch at submit");
}

#[test]
fn children_already_over_the_parent_are_a_mismatch_while_filling() {
    let all = findings(&[("3.1", "0"), ("3.1.4", ""), ("3", "")], Mode::Filling);
    find(&all, Code::SumMismatch, "3.1");
}

#[test]
fn review_reads_blanks_that_close_an_identity_as_zero() {
    let all = check(&clean(&[("3.1.4", "")]), Mode::Review);
    let d = find(&all, Code::ImpliedZero, "3.1.4");
    assert_eq!(d.severity, Severity::Info);
    assert!(!all.iter().any(|d| d.code == Code::Missing));
    // A blank that does not close it stays missing.
    let all = check(&clean(&[("3.1.4", ""), ("3.1", "2")]), Mode::Review);
    assert_eq!(find(&all, Code::Missing, "3.1.4").severity, Severity::Warning);
}

#[test]
fn values_are_checked_for_their_kind() {
    let all = findings(&[("3.1.1", "-1")], Mode::Filling);
    assert_eq!(find(&all, Code::Negative, "3.1.1").severity, Severity::Error);
    let all = findings(&[("3.1.1", "1.5")], Mode::Filling);
    find(&all, Code::NotInteger, "3.1.1");
    let all = findings(&[("8.4", "0.0000001")], Mode::Filling);
    find(&all, Code::TooManyDecimals, "8.4");
    let all = findings(&[("3.1.1", "1O")], Mode::Filling);
    find(&all, Code::InvalidNumber, "3.1.1");
    assert!(!all.iter().any(|d| d.code == Code::SumMismatch), "an unreadable cell holds its rules back");
    assert!(findings(&[("8.4", "2.5")], Mode::Filling).is_empty(), "money takes decimals");
}

#[test]
fn normalised_input_is_accepted_and_said() {
    let all = check(&clean(&[("1.1", "６４５条")]), Mode::Filling);
    let d = find(&all, Code::Normalized, "1.1");
    assert_eq!(d.severity, Severity::Info);
    assert!(all.iter().all(|d| d.severity == Severity::Info), "{all:#?}");
}

#[test]
fn one_changed_cell_rechecks_only_its_rules() {
    let mut checker = Checker::from_report(&clean(&[]), Mode::Filling);
    let update = checker.set_cell("3.1.1", "1").expect("3.1.1 is a cell");
    assert_eq!(update.rules, vec!["cell:3.1.1", "sum-mismatch:3.1"]);
    assert_eq!(update.diagnostics.len(), 1);
    assert_eq!(update.diagnostics[0].code, Code::SumMismatch);
    let update = checker.set_cell("3.1.1", "0").unwrap();
    assert!(update.diagnostics.is_empty(), "fixing clears it");
    assert!(checker.set_cell("99.9", "1").is_none());
}

#[test]
fn running_totals_show_while_children_are_filled() {
    let mut checker = Checker::new(FormId::F2016, Mode::Filling);
    checker.set_cell("3.1.1", "2");
    checker.set_cell("3.1.3", "5");
    let p = checker.pending().into_iter().find(|p| p.cell == "3.1").expect("3.1 has a running total");
    assert_eq!((p.sum, p.filled, p.complete), (Amount::from_int(7), 2, false));
    // Each update carries the totals it changed, so a page need not ask for all of them.
    let update = checker.set_cell("3.1.4", "1").unwrap();
    let p = update.pending.iter().find(|p| p.rule == "sum-mismatch:3.1").expect("the update carries 3.1's total");
    assert_eq!((p.sum, p.filled, p.complete), (Amount::from_int(8), 3, false));
    let update = checker.set_cell("3.1.1", "").unwrap();
    let p = update.pending.iter().find(|p| p.rule == "sum-mismatch:3.1").unwrap();
    assert_eq!((p.sum, p.filled), (Amount::from_int(6), 2), "a child cleared takes its figure out");
}
