//! The Word reader: any bytes are answered (a zip, a broken zip, a bomb), never a panic. (The Word
//! reader itself: bytes that look like a PDF would go to the PDF reader through `import_bytes`,
//! whose interpreter's panics are contained by unwinding, which libFuzzer's abort-on-panic hook would
//! report as crashes; the PDF layout has a target of its own.)
#![no_main]
use disclosure_report::import::import_docx;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let _ = import_docx(bytes);
});
