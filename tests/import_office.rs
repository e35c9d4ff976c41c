//! The samples as an office suite writes them: each text sample's preview saved by LibreOffice as a
//! Word file, and that Word file saved back as HTML (paragraphs and font markup inside the cells, as a
//! page pasted from a word processor has). Each must read to the cells and findings of its text twin.
//! The files are made by `scripts/make-office-fixtures.sh` and committed, so no test needs LibreOffice.
#![cfg(all(not(target_arch = "wasm32"), feature = "html", feature = "docx"))]

use std::collections::{BTreeMap, BTreeSet};

use disclosure_report::coverage::{self, Coverage};
use disclosure_report::diagnostic::{Code, Diagnostic, Severity};
use disclosure_report::engine::Mode;
use disclosure_report::import::{import, import_bytes, Imported};
use disclosure_report::messages::Lang;
use disclosure_report::validate::{self, Options};

const LIUPANSHUI_2016: &str = include_str!("fixtures/2016-liupanshui-seed.txt");
const SHANGHAI_2019: &str = include_str!("fixtures/new-2019-shanghai-bangongting.txt");
const SHUYANG_2023: &str = include_str!("fixtures/new-2023-shuyang-fagaiju.txt");

const LIUPANSHUI_2016_DOCX: &[u8] = include_bytes!("fixtures/office/2016-liupanshui-seed.docx");
const SHANGHAI_2019_DOCX: &[u8] = include_bytes!("fixtures/office/new-2019-shanghai-bangongting.docx");
const SHUYANG_2023_DOCX: &[u8] = include_bytes!("fixtures/office/new-2023-shuyang-fagaiju.docx");

const LIUPANSHUI_2016_HTML: &str = include_str!("fixtures/office/2016-liupanshui-seed.html");
const SHANGHAI_2019_HTML: &str = include_str!("fixtures/office/new-2019-shanghai-bangongting.html");
const SHUYANG_2023_HTML: &str = include_str!("fixtures/office/new-2023-shuyang-fagaiju.html");

/// Check an imported report as the command line does: judged against what was read.
fn judged(imported: &Imported) -> (Vec<Diagnostic>, Coverage) {
    let mut all = imported.diagnostics.clone();
    all.extend(validate::collect(&imported.report, &Options { mode: Mode::Review, lang: Lang::Zh, agency_kind: None }));
    let coverage = coverage::judge(&imported.report, &imported.unread, &mut all);
    validate::finish(&mut all, &imported.report, Lang::Zh);
    (all, coverage)
}

/// The errors and warnings, each as its code and first cell.
fn findings(imported: &Imported) -> BTreeSet<(Code, String)> {
    let (all, _) = judged(imported);
    all.iter()
        .filter(|d| matches!(d.severity, Severity::Error | Severity::Warning))
        .map(|d| (d.code, d.cells.first().cloned().unwrap_or_default()))
        .collect()
}

/// The cells that differ, as (cell, text twin's value, office file's value).
fn differing(text: &BTreeMap<String, String>, office: &BTreeMap<String, String>) -> Vec<(String, String, String)> {
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
fn reads_as_its_text_twin(name: &str, text: &str, office: Imported) {
    let twin = import(text).unwrap();
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

#[test]
fn the_2016_sample_as_a_word_file_reads_as_its_text() {
    reads_as_its_text_twin("2016 .docx", LIUPANSHUI_2016, import_bytes(LIUPANSHUI_2016_DOCX).unwrap());
}

#[test]
fn the_2016_sample_as_an_office_web_page_reads_as_its_text() {
    reads_as_its_text_twin("2016 .html", LIUPANSHUI_2016, import(LIUPANSHUI_2016_HTML).unwrap());
}

#[test]
fn the_2019_sample_as_a_word_file_reads_as_its_text() {
    reads_as_its_text_twin("2019 .docx", SHANGHAI_2019, import_bytes(SHANGHAI_2019_DOCX).unwrap());
}

#[test]
fn the_2019_sample_as_an_office_web_page_reads_as_its_text() {
    reads_as_its_text_twin("2019 .html", SHANGHAI_2019, import(SHANGHAI_2019_HTML).unwrap());
}

#[test]
fn the_2023_sample_as_a_word_file_reads_as_its_text() {
    reads_as_its_text_twin("2023 .docx", SHUYANG_2023, import_bytes(SHUYANG_2023_DOCX).unwrap());
}

#[test]
fn the_2023_sample_as_an_office_web_page_reads_as_its_text() {
    reads_as_its_text_twin("2023 .html", SHUYANG_2023, import(SHUYANG_2023_HTML).unwrap());
}
