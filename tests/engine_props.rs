//! Properties of the rule engine over any input: any text in any cell is answered without a panic,
//! and the incremental check (one cell at a time, as the browser calls it) always agrees with
//! checking the whole table from scratch.
#![cfg(not(target_arch = "wasm32"))]

use disclosure_report::engine::{Checker, Mode};
use disclosure_report::form::FormId;
use disclosure_report::report::Report;
use proptest::prelude::*;

fn form() -> impl Strategy<Value = FormId> {
    prop_oneof![Just(FormId::F2016), Just(FormId::F2019), Just(FormId::F2021)]
}

/// What people type: mostly small numbers, sometimes blanks, odd widths, units, junk.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (0u32..40).prop_map(|n| n.to_string()),
        1 => Just(String::new()),
        1 => Just("／".to_string()),
        1 => "[0-9０-９,，.+-]{0,6}",
        1 => "[0-9]{1,3}(条|件|万元|元)",
        1 => any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn any_text_in_any_cell_is_answered(form in form(), picks in prop::collection::vec((any::<prop::sample::Index>(), text()), 1..40), mode in prop_oneof![Just(Mode::Filling), Just(Mode::Submit), Just(Mode::Review)]) {
        let mut checker = Checker::new(form, mode);
        let ids: Vec<String> = checker.cell_ids().to_vec();
        for (index, text) in &picks {
            let id = index.get::<String>(&ids);
            let update = checker.set_cell(id, text).expect("every id of the form is a cell");
            let key = format!("cell:{id}");
            prop_assert!(update.rules.contains(&key));
        }
        let _ = checker.diagnostics();
        let _ = checker.pending();
    }

    #[test]
    fn incremental_checks_agree_with_a_full_check(form in form(), picks in prop::collection::vec((any::<prop::sample::Index>(), text()), 1..60), submit in any::<bool>()) {
        let mode = if submit { Mode::Submit } else { Mode::Filling };
        let mut checker = Checker::new(form, mode);
        let ids: Vec<String> = checker.cell_ids().to_vec();
        let mut report = Report::new(form);
        for (index, text) in &picks {
            let id = index.get::<String>(&ids);
            checker.set_cell(id, text);
            report.cells.insert(id.clone(), text.clone());
        }
        let full = Checker::from_report(&report, mode).diagnostics();
        prop_assert_eq!(checker.diagnostics(), full);
    }

    #[test]
    fn updates_replace_exactly_their_keys(form in form(), picks in prop::collection::vec((any::<prop::sample::Index>(), text()), 1..40)) {
        // What the browser does: keep findings by rule key, replace the keys each update names.
        let mut checker = Checker::new(form, Mode::Filling);
        let ids: Vec<String> = checker.cell_ids().to_vec();
        let mut shown: std::collections::BTreeMap<String, Vec<String>> = std::collections::BTreeMap::new();
        for d in checker.diagnostics() {
            shown.entry(d.rule.clone().unwrap_or_default()).or_default().push(format!("{:?}{:?}", d.code, d.cells));
        }
        for (index, text) in &picks {
            let update = checker.set_cell(index.get::<String>(&ids), text).unwrap();
            for key in &update.rules {
                shown.remove(key);
            }
            for d in update.diagnostics {
                shown.entry(d.rule.clone().unwrap_or_default()).or_default().push(format!("{:?}{:?}", d.code, d.cells));
            }
        }
        let mut expected: std::collections::BTreeMap<String, Vec<String>> = std::collections::BTreeMap::new();
        for d in checker.diagnostics() {
            expected.entry(d.rule.clone().unwrap_or_default()).or_default().push(format!("{:?}{:?}", d.code, d.cells));
        }
        prop_assert_eq!(shown, expected);
    }
}
