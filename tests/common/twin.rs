//! Comparing a report read from one format with its twin read from another: the same cells, the
//! same findings. Declared with `#[path = "common/twin.rs"] mod twin;` by the tests of office files
//! and of PDFs.
#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};

use disclosure_report::coverage::{self, Coverage};
use disclosure_report::diagnostic::{Code, Diagnostic, Severity};
use disclosure_report::engine::Mode;
use disclosure_report::import::{import, Imported};
use disclosure_report::messages::Lang;
use disclosure_report::validate::{self, Options};

/// Check an imported report as the command line does: judged against what was read.
pub fn judged(imported: &Imported) -> (Vec<Diagnostic>, Coverage) {
    let mut all = imported.diagnostics.clone();
    all.extend(validate::collect(&imported.report, &Options { mode: Mode::Review, lang: Lang::Zh, agency_kind: None }));
    let coverage = coverage::judge(&imported.report, &imported.unread, &mut all);
    validate::finish(&mut all, &imported.report, Lang::Zh);
    (all, coverage)
}

/// The errors and warnings, each as its code and first cell.
pub fn findings(imported: &Imported) -> BTreeSet<(Code, String)> {
    let (all, _) = judged(imported);
    all.iter()
        .filter(|d| matches!(d.severity, Severity::Error | Severity::Warning))
        .map(|d| (d.code, d.cells.first().cloned().unwrap_or_default()))
        .collect()
}

/// The cells that differ, as (cell, text twin's value, office file's value).
pub fn differing(text: &BTreeMap<String, String>, office: &BTreeMap<String, String>) -> Vec<(String, String, String)> {
    let ids: BTreeSet<&String> = text.keys().chain(office.keys()).collect();
    ids.into_iter()
        .filter(|id| text.get(*id) != office.get(*id))
        .map(|id| {
            let value = |m: &BTreeMap<String, String>| m.get(id).cloned().unwrap_or_else(|| "(absent)".into());
            (id.clone(), value(text), value(office))
        })
        .collect()
}

/// The office file reads as its text twin: the same form, the same cells, nothing unread, the same
/// errors and warnings on the same cells.
pub fn reads_as_its_text_twin(name: &str, text: &str, office: Imported) {
    reads_as_its_twin(name, import(text).unwrap(), office);
}

/// `other` reads as `twin`: the same form, the same cells, nothing unread, the same errors and
/// warnings on the same cells.
pub fn reads_as_its_twin(name: &str, twin: Imported, office: Imported) {
    assert_eq!(office.report.form, twin.report.form, "{name}: form");
    assert!(
        office.report.cells == twin.report.cells,
        "{name}: {} of {} cells differ (cell, text, office): {:#?}",
        differing(&twin.report.cells, &office.report.cells).len(),
        twin.report.cells.len(),
        differing(&twin.report.cells, &office.report.cells)
    );
    assert!(office.unread.is_empty(), "{name}: unread {:?}", office.unread.keys().collect::<Vec<_>>());
    let (expected, found) = (findings(&twin), findings(&office));
    assert_eq!(
        found,
        expected,
        "{name}: only in the office file {:?}; only in the text {:?}",
        found.difference(&expected).collect::<Vec<_>>(),
        expected.difference(&found).collect::<Vec<_>>()
    );
}

/// What a reading that is not whole may do: leave cells unread, never read one differently, and
/// never find an error or warning its twin does not have (a misreading is never an accusation).
pub fn never_accuses_more(name: &str, twin: &Imported, other: &Imported) {
    assert_eq!(other.report.form, twin.report.form, "{name}: form");
    let wrong: Vec<_> = differing(&twin.report.cells, &other.report.cells)
        .into_iter()
        .filter(|(id, _, read)| read != "(absent)" && !other.unread.contains_key(id))
        .collect();
    assert!(wrong.is_empty(), "{name}: cells read differently and trusted (cell, twin, read): {wrong:#?}");
    let (expected, found) = (findings(twin), findings(other));
    let more: Vec<_> = found.difference(&expected).collect();
    assert!(more.is_empty(), "{name}: findings its twin does not have: {more:?}");
}
