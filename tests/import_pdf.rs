//! PDF: the report as most agencies publish it. The shared sample as published (WPS), the samples'
//! previews printed by Chromium (browser-made), and the samples saved as PDF by LibreOffice
//! (office-made, tables running over page breaks and off the page) — made by
//! `scripts/make-pdf-fixtures.sh` and committed, so no test needs those programs.
//! The same tests run natively and in the browser (the PDF reader is the same Rust in both).
#![cfg(feature = "pdf")]

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

#[path = "common/twin.rs"]
mod twin;

use disclosure_report::diagnostic::{Code, Severity};
use disclosure_report::import::{import, import_bytes, read_source, ImportError, Imported, Syntax};
use disclosure_report::messages::Lang;
use twin::{judged, never_accuses_more, reads_as_its_text_twin, reads_as_its_twin};

const HUAIAN_2024: &[u8] = include_bytes!("fixtures/pdf/2024-huaian-shizhengfu.pdf");

const LIUPANSHUI_2016: &str = include_str!("fixtures/2016-liupanshui-seed.txt");
const SHANGHAI_2019: &str = include_str!("fixtures/new-2019-shanghai-bangongting.txt");
const SHUYANG_2023: &str = include_str!("fixtures/new-2023-shuyang-fagaiju.txt");

fn read(bytes: &[u8]) -> Imported {
    import_bytes(bytes).unwrap_or_else(|e| panic!("{}", e.message(Lang::En)))
}

/// Cells read with confidence, and cells not trusted, per table (A, B, C).
fn coverage(imported: &Imported) -> Vec<(String, usize, usize)> {
    judged(imported).1.tables.iter().map(|t| (t.table.clone(), t.read, t.unread)).collect()
}

#[test]
fn the_huaian_report_as_published_reads_complete_with_the_figures_checked_by_hand() {
    let imported = read(HUAIAN_2024);
    let report = &imported.report;
    assert_eq!(report.title.as_deref(), Some("淮安市人民政府2024年政府信息公开工作年度报告"));
    assert_eq!(report.year, Some(2024));
    // Every cell with a figure in it is read, and every one is trusted.
    assert_eq!(coverage(&imported), [("A".into(), 10, 0), ("B".into(), 175, 0), ("C".into(), 15, 0)]);
    assert!(imported.unread.is_empty(), "{:?}", imported.unread);
    // The README's figures, read off the rendered pages by hand.
    for (id, value) in [
        ("B:1:total", "3119"),
        ("B:2:total", "34"),
        ("B:3.1:total", "1362"),
        ("B:3.2:total", "454"),
        ("B:3.3.8:total", "105"),
        ("B:3.4.1:total", "769"),
        ("B:3.7:total", "3050"),
        ("B:4:total", "103"),
        ("C:review:upheld", "72"),
        ("C:review:corrected", "64"),
        ("C:review:other", "178"),
        ("C:review:pending", "37"),
        ("C:review:total", "351"),
        ("C:direct_suit:total", "26"),
        ("C:suit_after_review:upheld", "12"),
        ("C:suit_after_review:total", "20"),
    ] {
        assert_eq!(report.cell(id), value, "{id}");
    }
    // 不予公开 178, 无法提供 781, 不予处理 88, 其他处理 187: the rows under each, as printed.
    let sum = |prefix: &str, n: usize| {
        (1..=n).map(|i| report.cell(&format!("B:{prefix}.{i}:total")).parse::<u32>().unwrap()).sum::<u32>()
    };
    for (prefix, n, total) in [("3.3", 8, 178), ("3.4", 3, 781), ("3.5", 5, 88)] {
        assert_eq!(sum(prefix, n), total, "{prefix}");
    }
    // Every identity holds and no sentence contradicts the tables: the one finding is that the text
    // never speaks of 工作考核、社会评议和责任追究 (a people's government must: Art. 50).
    let (all, coverage) = judged(&imported);
    let findings: Vec<_> =
        all.iter().filter(|d| matches!(d.severity, Severity::Error | Severity::Warning)).map(|d| d.code).collect();
    assert_eq!(findings, [Code::MissingSection]);
    assert_eq!(coverage.rules(), (109, 0, 0));
}

#[test]
fn the_huaian_preview_printed_by_a_browser_reads_back_to_the_same_cells() {
    reads_as_its_twin(
        "Huaian preview printed",
        read(HUAIAN_2024),
        read(include_bytes!("fixtures/pdf/browser/2024-huaian-shizhengfu.pdf")),
    );
}

#[test]
fn the_previews_of_the_text_samples_printed_by_a_browser_read_as_their_text() {
    reads_as_its_text_twin(
        "2019 printed",
        SHANGHAI_2019,
        read(include_bytes!("fixtures/pdf/browser/new-2019-shanghai-bangongting.pdf")),
    );
    reads_as_its_text_twin(
        "2023 printed",
        SHUYANG_2023,
        read(include_bytes!("fixtures/pdf/browser/new-2023-shuyang-fagaiju.pdf")),
    );
}

#[test]
fn the_2016_preview_printed_reads_its_cells_and_misses_only_a_sentence_its_font_spells_otherwise() {
    // The browser's subset font maps 户 to 戶 (one glyph for both), so "门户网站公开783条" is not
    // recognised in the text: one narrative finding fewer, never one more.
    let printed = read(include_bytes!("fixtures/pdf/browser/2016-liupanshui-seed.pdf"));
    let twin = import(LIUPANSHUI_2016).unwrap();
    assert_eq!(printed.report.cells, twin.report.cells);
    assert!(printed.unread.is_empty());
    never_accuses_more("2016 printed", &twin, &printed);
}

#[test]
fn office_made_pdfs_never_accuse_for_what_their_tables_lost_over_page_breaks() {
    // LibreOffice lets rows run over a page break (305 | 0 for 3050) and repeats the header: a row
    // cut so is not trusted, and nothing read is read differently from the twin.
    for (name, twin, pdf) in [
        ("2016", import(LIUPANSHUI_2016).unwrap(), &include_bytes!("fixtures/pdf/office/2016-liupanshui-seed.pdf")[..]),
        (
            "2019",
            import(SHANGHAI_2019).unwrap(),
            &include_bytes!("fixtures/pdf/office/new-2019-shanghai-bangongting.pdf")[..],
        ),
        (
            "2023",
            import(SHUYANG_2023).unwrap(),
            &include_bytes!("fixtures/pdf/office/new-2023-shuyang-fagaiju.pdf")[..],
        ),
        ("Huaian", read(HUAIAN_2024), &include_bytes!("fixtures/pdf/office/2024-huaian-shizhengfu.pdf")[..]),
    ] {
        let office = read(pdf);
        never_accuses_more(name, &twin, &office);
        let (all, _) = judged(&office);
        assert!(all.iter().all(|d| d.severity != Severity::Error), "{name}: {all:#?}");
    }
    // Where no row was cut, the reading is whole.
    reads_as_its_text_twin(
        "2019 office",
        SHANGHAI_2019,
        read(include_bytes!("fixtures/pdf/office/new-2019-shanghai-bangongting.pdf")),
    );
    // Where rows were cut, coverage says so and the rules that read them are not checked.
    let office = read(include_bytes!("fixtures/pdf/office/2024-huaian-shizhengfu.pdf"));
    let cut = coverage(&office).iter().map(|(_, _, unread)| unread).sum::<usize>();
    assert!(cut > 0);
    let (all, coverage) = judged(&office);
    assert!(coverage.rules().2 > 0);
    assert!(all.iter().any(|d| d.code == Code::NotChecked));
}

/// A PDF built as a writer builds one: `pages` pages of A4 each drawing `content`, Helvetica as
/// font `F1`, a cross-reference table and a trailer.
fn pdf(pages: usize, content: impl Fn(usize) -> String) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    let mut object = |out: &mut Vec<u8>, body: String| {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n{body}\nendobj\n", offsets.len()).bytes());
    };
    let kids: Vec<String> = (0..pages).map(|i| format!("{} 0 R", 4 + 2 * i)).collect();
    object(&mut out, "<< /Type /Catalog /Pages 2 0 R >>".into());
    object(&mut out, format!("<< /Type /Pages /Kids [{}] /Count {pages} >>", kids.join(" ")));
    object(&mut out, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".into());
    for i in 0..pages {
        object(
            &mut out,
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R >>",
                5 + 2 * i
            ),
        );
        let stream = content(i + 1);
        object(&mut out, format!("<< /Length {} >>\nstream\n{stream}\nendstream", stream.len()));
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", offsets.len() + 1).bytes());
    for offset in &offsets {
        out.extend(format!("{offset:010} 00000 n \n").bytes());
    }
    out.extend(format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", offsets.len() + 1).bytes());
    out
}

#[test]
fn a_pdf_of_pictures_only_is_said_to_have_no_text_never_passed_in_silence() {
    // What a scanner makes: each page a picture (here, a filled box), no text.
    let scan = pdf(3, |_| "0.5 g 50 50 495 742 re f".into());
    let error = import_bytes(&scan).unwrap_err();
    assert_eq!(error, ImportError::NoTextLayer { pages: 3 });
    assert!(error.message(Lang::Zh).contains("没有文字层"), "{}", error.message(Lang::Zh));
    assert!(error.message(Lang::En).contains("no text layer"));
}

#[test]
fn a_long_pdf_without_tables_is_read_through_and_said_to_have_none() {
    let long = pdf(200, |n| format!("BT /F1 12 Tf 72 700 Td (Chapter {n} of a long document) Tj ET"));
    assert!(matches!(import_bytes(&long), Err(ImportError::NoTableInFile { format: Syntax::Pdf, .. })));
    let (source, syntax) = read_source(&long).unwrap();
    assert_eq!(syntax, Syntax::Pdf);
    let text = source.dump();
    assert!(text.contains("Chapter 1 of a long document") && text.contains("Chapter 200 of a long document"), "{text}");
}

#[test]
fn a_pdf_with_more_pages_than_any_report_is_refused() {
    let huge = pdf(501, |_| String::new());
    assert_eq!(import_bytes(&huge).unwrap_err(), ImportError::TooManyPages { pages: 501, limit: 500 });
}

#[test]
fn a_pdf_restricted_from_printing_but_opening_without_a_password_reads_as_the_original() {
    let restricted = read(include_bytes!("fixtures/pdf/bad/restricted.pdf"));
    assert_eq!(restricted.report.cells, read(HUAIAN_2024).report.cells);
}

#[test]
fn an_encrypted_and_a_cut_pdf_are_refused_with_what_is_wrong() {
    let encrypted = import_bytes(include_bytes!("fixtures/pdf/bad/encrypted.pdf")).unwrap_err();
    assert_eq!(encrypted, ImportError::Encrypted);
    assert!(encrypted.message(Lang::Zh).contains("已加密"));
    let cut = import_bytes(include_bytes!("fixtures/pdf/bad/truncated.pdf")).unwrap_err();
    assert!(matches!(cut, ImportError::NotAPdf { .. }), "{cut:?}");
    assert!(cut.message(Lang::Zh).starts_with("无法作为 PDF 文件读取"));
    // Not a PDF at all behind the signature.
    assert!(matches!(import_bytes(b"%PDF-1.7\nnothing else"), Err(ImportError::NotAPdf { .. })));
}
