//! The report as it really arrives: HTML pages and Word files, read through the one seam, and
//! damaged readings never turned into accusations. (Native: the browser's form-page module leaves
//! the file readers out.)
#![cfg(all(not(target_arch = "wasm32"), feature = "html", feature = "docx"))]

use std::collections::BTreeMap;
use std::io::Write as _;

use disclosure_report::coverage::Coverage;
use disclosure_report::diagnostic::{Code, Diagnostic};
use disclosure_report::engine::Mode;
use disclosure_report::import::{self, ImportError, Imported};
use disclosure_report::messages::Lang;
use disclosure_report::render::{self, RenderOptions};
use disclosure_report::validate::{self, Options};

const PINGTAN_2023: &str = include_str!("fixtures/2023-pingtan-zongheshiyanqu.html");
const TEMPLATE: &[u8] = include_bytes!("fixtures/template-2021-official-format.docx");
const SAMPLES: [&str; 3] = [
    include_str!("fixtures/2016-liupanshui-seed.txt"),
    include_str!("fixtures/new-2019-shanghai-bangongting.txt"),
    include_str!("fixtures/new-2023-shuyang-fagaiju.txt"),
];

/// Check an imported report as the command line does: judged against what was read.
fn judged(imported: &Imported) -> (Vec<Diagnostic>, Coverage) {
    let options = Options { mode: Mode::Review, lang: Lang::Zh, agency_kind: None };
    let checked = validate::check_imported(imported, None, &options);
    (checked.diagnostics, checked.coverage)
}

fn codes(all: &[Diagnostic]) -> Vec<Code> {
    all.iter().map(|d| d.code).collect()
}

#[test]
fn the_shared_portal_page_imports_completely() {
    let imported = import::import(PINGTAN_2023).unwrap();
    let r = &imported.report;
    assert_eq!(r.form.as_str(), "2021");
    assert_eq!(r.year, Some(2023));
    assert_eq!(r.title.as_deref(), Some("平潭综合实验区2023年度政府信息公开工作年度报告"));
    assert_eq!(r.date.as_deref(), Some("2024-03-08"));
    for (id, value) in [
        ("A:normative:issued", "77"),
        ("A:normative:repealed", "132"),
        ("A:normative:in_force", "470"),
        ("A:licensing:decisions", "2629"),
        ("A:penalty:decisions", "1330"),
        ("A:coercion:decisions", "54"),
        ("A:fees:amount", "5949.088667"),
        ("B:1:natural", "80"),
        ("B:1:commercial", "1"),
        ("B:1:total", "81"),
        ("B:3.1:total", "22"),
        ("B:3.2:total", "20"),
        ("B:3.3.8:total", "2"),
        ("B:3.4.1:total", "31"),
        ("B:3.6.3:total", "1"),
        ("B:3.7:total", "81"),
        ("B:4:total", "0"),
        ("C:review:total", "2"),
        ("C:direct_suit:pending", "1"),
        ("C:direct_suit:total", "5"),
        ("C:suit_after_review:total", "2"),
    ] {
        assert_eq!(r.cell(id), value, "{id}");
    }
    assert!(r.narrative.contains("五、存在的主要问题及改进情况") && r.narrative.contains("无收取信息处理费情况"));
    assert!(!r.narrative.contains("福建省人民政府"), "the page's footer is not the report");
    assert!(imported.unread.is_empty());
    let (all, coverage) = judged(&imported);
    assert!(coverage.tables.iter().all(|t| t.found && t.unread == 0), "{coverage:?}");
    assert_eq!(coverage.tables.iter().map(|t| t.read).collect::<Vec<_>>(), [10, 175, 15]);
    // The fee is given to the cent (6 decimals of 万元) and read exactly: no error at all.
    assert!(all.iter().all(|d| d.severity != disclosure_report::diagnostic::Severity::Error), "{all:#?}");
    for code in [Code::SumMismatch, Code::BalanceMismatch, Code::UnplacedRow, Code::TableNotFound, Code::NotChecked] {
        assert!(!codes(&all).contains(&code), "{code:?}");
    }
}

#[test]
fn the_preview_imports_back_to_the_same_cells_and_findings() {
    for sample in SAMPLES {
        let text = import::import(sample).unwrap();
        let (found, _) = judged(&text);
        // The preview as the command line renders it: findings marked in cells and sentences, listed after.
        let html = render::html(&text.report, &found, &RenderOptions { lang: Lang::Zh, standalone: true });
        let back = import::import(&html).unwrap();
        assert_eq!(back.report.form, text.report.form);
        assert_eq!(back.report.cells, text.report.cells, "{}", text.report.title.as_deref().unwrap_or(""));
        assert_eq!(back.report.year, text.report.year);
        assert!(back.unread.is_empty(), "{:?}", back.unread);
        let (again, _) = judged(&back);
        let findings = |all: &[Diagnostic]| {
            let mut v: Vec<(Code, Vec<String>)> = all
                .iter()
                .filter(|d| d.severity != disclosure_report::diagnostic::Severity::Info)
                .map(|d| (d.code, d.cells.clone()))
                .collect();
            v.sort();
            v
        };
        assert_eq!(findings(&again), findings(&found), "{}", text.report.title.as_deref().unwrap_or(""));
    }
}

/// The 2023 sample damaged as PDF extractions damage tables, and what each must not cause.
#[test]
fn damaged_extractions_never_accuse_the_agency() {
    let clean = SAMPLES[2];
    let damaged = [
        // A stray empty cell inside a row.
        clean.replace("三、本年度办理结果 / （七）总计 | 26 |", "三、本年度办理结果 / （七）总计 |  | 26 |"),
        // A stray value cell at the end (7 values + 1: not a 小计 column the header never named).
        clean.replace("（一）予以公开 | 26 |  |  |  |  |  | 26", "（一）予以公开 | 26 |  |  |  |  |  | 26 | 26"),
        // A label split over two lines.
        clean.replace("一、本年新收政府信息公开申请数量 | 26 |", "一、本年新收政府\n信息公开申请数量 | 26 |"),
        // A row of values with its label on the line before.
        clean.replace("四、结转下年度继续办理 | 0 |", "四、结转下年度继续办理\n | 0 |"),
        // Two columns merged into one.
        clean.replace("三、本年度办理结果 / （一）予以公开 | 26 |  |", "三、本年度办理结果 / （一）予以公开 | 26  |"),
    ];
    let (clean_findings, _) = judged(&import::import(clean).unwrap());
    let accusations = |all: &[Diagnostic]| -> Vec<(Code, Vec<String>)> {
        all.iter()
            .filter(|d| matches!(d.code, Code::SumMismatch | Code::BalanceMismatch | Code::NarrativeMismatch))
            .map(|d| (d.code, d.cells.clone()))
            .collect()
    };
    for (n, text) in damaged.iter().enumerate() {
        assert_ne!(text, clean, "damage {n} applied");
        let imported = import::import(text).unwrap();
        let (all, coverage) = judged(&imported);
        let new: Vec<_> = accusations(&all).into_iter().filter(|a| !accusations(&clean_findings).contains(a)).collect();
        assert!(new.is_empty(), "damage {n} accuses: {new:?}");
        // And it says what it could not check.
        let (_, _, not_checked) = coverage.rules();
        assert!(not_checked > 0, "damage {n}: nothing reported as not checked");
        assert!(codes(&all).contains(&Code::NotChecked) || codes(&all).contains(&Code::TableNotFound), "damage {n}");
        // No line of the broken table is read as narrative.
        assert!(!codes(&all).contains(&Code::NumberingSlip), "damage {n}: {:?}", codes(&all));
    }
}

#[test]
fn the_official_word_template_reads_as_three_tables_not_yet_filled() {
    let imported = import::import_bytes(TEMPLATE).unwrap();
    assert_eq!(imported.report.form.as_str(), "2021");
    assert!(imported.report.cells.is_empty(), "{:?}", imported.report.cells);
    assert!(!codes(&imported.diagnostics).contains(&Code::UnplacedRow), "{:#?}", imported.diagnostics);
    let (all, coverage) = judged(&imported);
    // Nothing filled is nothing read: three tables said to be missing, no rule passed in silence.
    assert_eq!(all.iter().filter(|d| d.code == Code::TableNotFound).count(), 3);
    assert_eq!(coverage.rules().0, 0);
}

/// The template filled in as a clerk would: every blank value cell gets a distinct figure.
#[test]
fn the_word_template_filled_in_imports_to_the_cells_filled() {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(TEMPLATE)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("word/document.xml").unwrap(), &mut xml).unwrap();
    // A blank value cell: no vertical merge (label columns are merged), no text but full-width spaces.
    let mut filled = String::new();
    let mut figures = Vec::new();
    let mut rest = xml.as_str();
    let in_tables_from = xml.find("<w:tbl>").unwrap();
    let mut offset = 0;
    while let Some(start) = rest.find("<w:tc>") {
        let end = start + rest[start..].find("</w:tc>").unwrap() + "</w:tc>".len();
        let cell = &rest[start..end];
        filled.push_str(&rest[..start]);
        // The runs' text: `<w:t>` or `<w:t xml:space=…>`, not `<w:tcPr>` and the like.
        let text: String = cell
            .split("<w:t")
            .skip(1)
            .filter(|t| t.starts_with('>') || t.starts_with(' '))
            .filter_map(|t| t.split_once('>').map(|(_, after)| after.split("</w:t>").next().unwrap_or("")))
            .collect();
        let blank = text.chars().all(|c| c.is_whitespace());
        if offset + start > in_tables_from && blank && !cell.contains("w:vMerge") && !cell.contains("<w:tbl") {
            let n = 100 + figures.len();
            figures.push(n.to_string());
            let p_end = cell.rfind("</w:p>").unwrap();
            filled.push_str(&cell[..p_end]);
            filled.push_str(&format!("<w:r><w:t>{n}</w:t></w:r>"));
            filled.push_str(&cell[p_end..]);
        } else {
            filled.push_str(cell);
        }
        offset += end;
        rest = &rest[end..];
    }
    filled.push_str(rest);
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let name = file.name().unwrap().to_string();
        let options: zip::write::SimpleFileOptions = zip::write::SimpleFileOptions::default();
        out.start_file(name.clone(), options).unwrap();
        if name == "word/document.xml" {
            out.write_all(filled.as_bytes()).unwrap();
        } else {
            std::io::copy(&mut file, &mut out).unwrap();
        }
    }
    let docx = out.finish().unwrap().into_inner();
    let imported = import::import_bytes(&docx).unwrap();
    let form = imported.report.form.def();
    let value_cells = form.cells().filter(|c| !form.is_optional(*c)).count();
    // Every figure typed lands in one cell, none twice, none lost.
    let mut placed: Vec<&String> = imported.report.cells.values().collect();
    placed.sort();
    let mut typed: Vec<&String> = figures.iter().collect();
    typed.sort();
    assert_eq!(placed, typed);
    assert_eq!(figures.len(), value_cells, "the template has a blank for every cell of the form");
    assert_eq!(imported.report.cell("B:1:natural"), "110", "Table A's 10 cells come first");
    assert!(imported.unread.is_empty());
}

#[test]
fn bad_files_get_a_clear_refusal_in_bounded_time() {
    // A truncated Word file.
    let truncated = &TEMPLATE[..TEMPLATE.len() / 2];
    let e = import::import_bytes(truncated).unwrap_err();
    assert!(matches!(e, ImportError::NotAWordFile { .. }), "{e:?}");
    assert!(e.message(Lang::Zh).contains("Word"));
    // A zip bomb: a document part that expands past the bound.
    let mut bomb = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    bomb.start_file("word/document.xml", options).unwrap();
    let zeros = vec![b' '; 1 << 20];
    for _ in 0..70 {
        bomb.write_all(&zeros).unwrap();
    }
    let bomb = bomb.finish().unwrap().into_inner();
    assert!(bomb.len() < 1_000_000, "{} bytes", bomb.len());
    let e = import::import_bytes(&bomb).unwrap_err();
    assert!(matches!(e, ImportError::Expands { .. }), "{e:?}");
    // A Word file without a table.
    let mut plain = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    plain.start_file("word/document.xml", zip::write::SimpleFileOptions::default()).unwrap();
    plain
        .write_all(r#"<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>2023年政府信息公开工作年度报告</w:t></w:r></w:p></w:body></w:document>"#.as_bytes())
        .unwrap();
    let e = import::import_bytes(&plain.finish().unwrap().into_inner()).unwrap_err();
    assert!(matches!(e, ImportError::NoTableInFile { paragraphs: 1, .. }), "{e:?}");
    // A page nesting 100,000 elements, and a 50 MB page.
    let deep = format!("<html><body>{}</body></html>", "<div>".repeat(100_000));
    assert!(matches!(import::import(&deep).unwrap_err(), ImportError::TooDeep { .. }));
    let big = format!("<html><body><p>{}</p></body></html>", "报告".repeat(50_000_000 / 6));
    assert!(matches!(import::import(&big).unwrap_err(), ImportError::TooLarge { .. }));
    // Text past the bound too (a paste into the page, a text file), with its size in the message.
    let text = "收到申请数 | 件 | 1 |\n".repeat(1_000_000);
    let e = import::import(&text).unwrap_err();
    assert!(matches!(e, ImportError::TooLarge { .. }), "{e:?}");
    assert!(e.message(Lang::Zh).contains("超过可读取的上限 20 MB"));
    // A PDF with nothing after its signature: said not to be one (without the PDF reader, by name).
    let e = import::import_bytes(b"%PDF-1.7\n").unwrap_err();
    #[cfg(feature = "pdf")]
    assert!(matches!(e, ImportError::NotAPdf { .. }), "{e:?}");
    #[cfg(not(feature = "pdf"))]
    assert!(matches!(e, ImportError::Unsupported { .. }), "{e:?}");
}

#[test]
fn what_a_reader_read_is_one_intermediate_for_every_format() {
    let (html, _) = import::read_source(PINGTAN_2023.as_bytes()).unwrap();
    let dump = html.dump();
    assert!(
        dump.contains("| 三、本年度办理结果{22×1} | （一）予以公开{1×2} | 22 | 0 | 0 | 0 | 0 | 0 | 22 |"),
        "{dump}"
    );
    let (docx, _) = import::read_source(TEMPLATE).unwrap();
    assert_eq!(docx.tables().count(), 3);
    let (text, _) = import::read_source(SAMPLES[2].as_bytes()).unwrap();
    assert!(text.dump().contains("| 规章 | 0 | 0 | 0 |"));
    let _: BTreeMap<String, String> = import::import(SAMPLES[2]).unwrap().report.cells;
}
