//! The HTML reader, and the whole path to a checked report: any page is answered.
#![no_main]
use disclosure_report::engine::Mode;
use disclosure_report::import::import_html;
use disclosure_report::validate::{check_imported, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(imported) = import_html(text) {
        let _ = check_imported(&imported, None, &Options { mode: Mode::Review, ..Options::default() });
    }
});
