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

    #[test]
    fn an_edit_names_exactly_the_keys_whose_findings_or_totals_changed(form in form(), picks in prop::collection::vec((any::<prop::sample::Index>(), text()), 1..60), mode in prop_oneof![Just(Mode::Filling), Just(Mode::Submit), Just(Mode::Review)]) {
        // The keystroke protocol: the page keeps each key's findings and total and asks again only
        // for the keys an edit names; what it keeps must then be what a full check gives.
        let mut checker = Checker::new(form, mode);
        let keys = checker.key_count();
        let snapshot = |c: &Checker| -> Vec<(Vec<disclosure_report::diagnostic::Diagnostic>, [f64; 2])> {
            let cells = c.cell_ids().len();
            (0..keys)
                .map(|k| {
                    let total = k.checked_sub(cells).map(|r| [c.totals()[2 * r], c.totals()[2 * r + 1]]).unwrap_or([0.0; 2]);
                    (c.key_findings(k), total)
                })
                .collect()
        };
        let mut kept = snapshot(&checker);
        let cells = checker.cell_ids().len();
        let mut report = Report::new(form);
        for (index, text) in &picks {
            let cell = index.index(cells);
            let n = checker.edit(cell, text).expect("every index below the count is a cell");
            prop_assert_eq!(n, checker.changed().len() + checker.changed_totals().len());
            let now = snapshot(&checker);
            for k in 0..keys {
                let named = checker.changed().contains(&(k as u32));
                prop_assert_eq!(named, kept[k].0 != now[k].0, "findings of key {} ({:?})", k, checker.key_name(k));
                // The count a page reads before asking (none asked for when 0) is the findings'.
                prop_assert_eq!(checker.key_finding_count(k), now[k].0.len(), "count of key {}", k);
                // … and so are the code and severity read from the record, and the cells a page
                // places the finding on: the key's own (a cell's, or its rule's two sides).
                // (A cell may have two: a figure normalised and refused, say.)
                let first = now[k].0.first();
                prop_assert_eq!(checker.key_finding_kind(k), first.map(|d| (d.code, d.severity)));
                for d in &now[k].0 {
                    let own: Vec<String> = match k.checked_sub(cells) {
                        None => vec![checker.cell_ids()[k].clone()],
                        Some(r) => {
                            let rule = &form.def().view().rules[r];
                            rule.lhs.iter().chain(&rule.rhs).cloned().collect()
                        }
                    };
                    prop_assert_eq!(&d.cells, &own);
                    prop_assert_eq!(d.rule.as_deref(), checker.key_name(k));
                }
                let total = k.checked_sub(cells).is_some_and(|r| checker.changed_totals().contains(&(r as u32)));
                prop_assert_eq!(total, kept[k].1 != now[k].1, "total of key {} ({:?})", k, checker.key_name(k));
            }
            kept = now;
            let id = checker.cell_ids()[cell].clone();
            report.cells.insert(id, text.clone());
        }
        let full = Checker::from_report(&report.clone(), mode);
        prop_assert_eq!(snapshot(&full), kept);
        prop_assert_eq!(checker.diagnostics(), full.diagnostics());
    }
}
