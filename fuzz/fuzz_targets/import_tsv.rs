//! The TSV reader (a spreadsheet paste).
#![no_main]
use disclosure_report::import::{import_as, Syntax};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = import_as(text, Syntax::Tsv);
});
