#![no_main]
use disclosure_report::value::{parse, ValueKind};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    for kind in [ValueKind::Count, ValueKind::Money, ValueKind::Signed] {
        let _ = parse(text, kind);
    }
});
