//! The project's JSON format: a report that reads back writes back to the same report.
#![no_main]
use disclosure_report::import::{import_json, to_json};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(imported) = import_json(text) {
        let again = import_json(&to_json(&imported.report)).expect("the project's own JSON reads back");
        assert_eq!(again.report, imported.report);
    }
});
