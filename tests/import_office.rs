#![cfg(all(not(target_arch = "wasm32"), feature = "html", feature = "docx"))]
use disclosure_report::import;
#[test]
fn dbg() {
    for f in ["tests/fixtures/office/2016-liupanshui-seed.docx", "tests/fixtures/office/2016-liupanshui-seed.html"] {
        let bytes = std::fs::read(f).unwrap();
        let (src, _) = import::read_source(&bytes).unwrap();
        let out = f.rsplit('.').next().unwrap();
        std::fs::write(format!("/tmp/dbg/src16.{out}.json"), serde_json::to_string_pretty(&src).unwrap()).unwrap();
    }
}
