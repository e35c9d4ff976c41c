//! The samples as an office suite writes them: each text sample's preview saved by LibreOffice as a
//! Word file, and that Word file saved back as HTML (paragraphs and font markup inside the cells, as a
//! page pasted from a word processor has). Each must read to the cells and findings of its text twin.
//! The files are made by `scripts/make-office-fixtures.sh` and committed, so no test needs LibreOffice.
#![cfg(all(not(target_arch = "wasm32"), feature = "html", feature = "docx"))]

#[path = "common/twin.rs"]
mod twin;

use disclosure_report::import::{import, import_bytes};
use twin::reads_as_its_text_twin;

const LIUPANSHUI_2016: &str = include_str!("fixtures/2016-liupanshui-seed.txt");
const SHANGHAI_2019: &str = include_str!("fixtures/new-2019-shanghai-bangongting.txt");
const SHUYANG_2023: &str = include_str!("fixtures/new-2023-shuyang-fagaiju.txt");

const LIUPANSHUI_2016_DOCX: &[u8] = include_bytes!("fixtures/office/2016-liupanshui-seed.docx");
const SHANGHAI_2019_DOCX: &[u8] = include_bytes!("fixtures/office/new-2019-shanghai-bangongting.docx");
const SHUYANG_2023_DOCX: &[u8] = include_bytes!("fixtures/office/new-2023-shuyang-fagaiju.docx");

const LIUPANSHUI_2016_HTML: &str = include_str!("fixtures/office/2016-liupanshui-seed.html");
const SHANGHAI_2019_HTML: &str = include_str!("fixtures/office/new-2019-shanghai-bangongting.html");
const SHUYANG_2023_HTML: &str = include_str!("fixtures/office/new-2023-shuyang-fagaiju.html");

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
