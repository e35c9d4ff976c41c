//! Golden tests of the readers: each folder of `tests/readers/` holds one input in its format
//! (`input.html`, `input.xml` for a Word document's body, `input.txt`) and `expected.txt`, what the
//! reader read (the intermediate) and, per table, the normaliser's repairs and the rows as placement
//! reads them. `UPDATE_GOLDEN=1 cargo test --test readers` rewrites the expected files after a change
//! made on purpose; review the diff.
#![cfg(all(not(target_arch = "wasm32"), feature = "html", feature = "docx"))]

use std::path::Path;

use disclosure_report::import::grid;
use disclosure_report::import::readers;
use disclosure_report::import::source::Source;

fn read(dir: &Path) -> Source {
    if let Ok(html) = std::fs::read_to_string(dir.join("input.html")) {
        return readers::html::read(&html);
    }
    if let Ok(xml) = std::fs::read_to_string(dir.join("input.xml")) {
        return readers::docx::read_document_xml(&xml).expect("the body reads");
    }
    let text = std::fs::read_to_string(dir.join("input.txt")).expect("an input file");
    readers::lines(&text, disclosure_report::import::Syntax::Text)
}

fn golden(source: &Source) -> String {
    let mut out = source.dump();
    for (n, rows) in source.tables().enumerate() {
        out.push_str(&format!("\n[table {} as placed]\n", n + 1));
        out.push_str(&grid::dump(rows));
    }
    out
}

#[test]
fn every_reader_case_reads_as_its_golden_file() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/readers");
    let mut cases: Vec<_> =
        std::fs::read_dir(&root).unwrap().map(|e| e.unwrap().path()).filter(|p| p.is_dir()).collect();
    cases.sort();
    assert!(cases.len() >= 5);
    let mut failed = Vec::new();
    for dir in cases {
        let got = golden(&read(&dir));
        let expected_path = dir.join("expected.txt");
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::write(&expected_path, &got).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if got != expected {
            failed.push(format!("{}:\n--- expected\n{expected}\n--- got\n{got}", dir.display()));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n\n"));
}
