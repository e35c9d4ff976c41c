//! The Word reader: any bytes are answered (a zip, a broken zip, a bomb), never a panic.
#![no_main]
use disclosure_report::import::import_bytes;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let _ = import_bytes(bytes);
});
