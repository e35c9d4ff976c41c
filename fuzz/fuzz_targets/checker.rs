//! The incremental checker: a random sequence of cell edits gives, at every step, the same findings
//! as a full check of the cells as they stand.
#![no_main]
use disclosure_report::engine::{self, Checker, Mode};
use disclosure_report::form::FormId;
use disclosure_report::report::Report;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else { return };
    let form = FormId::ALL[first as usize % FormId::ALL.len()];
    let mode = [Mode::Filling, Mode::Submit, Mode::Review][(first as usize / 8) % 3];
    let mut checker = Checker::new(form, mode);
    let ids: Vec<String> = checker.cell_ids().to_vec();
    let mut report = Report::new(form);
    // Each edit: a cell (two bytes) and its text (up to the next 0xFF).
    for edit in rest.split(|&b| b == 0xFF).take(64) {
        let [a, b, text @ ..] = edit else { continue };
        let id = &ids[(usize::from(*a) << 8 | usize::from(*b)) % ids.len()];
        let text = String::from_utf8_lossy(text);
        checker.set_cell(id, &text).expect("a cell of the form");
        report.cells.insert(id.clone(), text.into_owned());
        let mut incremental = checker.diagnostics();
        let mut full = engine::check(&report, mode);
        let key = |d: &disclosure_report::diagnostic::Diagnostic| format!("{:?}{:?}{:?}", d.code, d.cells, d.rule);
        incremental.sort_by_key(key);
        full.sort_by_key(key);
        assert_eq!(incremental, full, "after setting {id}");
    }
});
