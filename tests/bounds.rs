//! The largest report, file, page and cell the project accepts, each refused past its bound with a
//! message in the user's language that says what the bound is (spec/README.md, "Bounds").
//! (Native: a bound of 20 MB is built for real, and the Word bounds need the zip writer.)
#![cfg(all(not(target_arch = "wasm32"), feature = "html", feature = "docx"))]

use std::io::Write as _;

use disclosure_report::diagnostic::{Code, Detail, Diagnostic};
use disclosure_report::engine::{Checker, Mode};
use disclosure_report::form::FormId;
use disclosure_report::import::{self, ImportError, MAX_FILE_BYTES};
use disclosure_report::messages::{self, Lang};
use disclosure_report::validate::{self, Options};
use disclosure_report::value::{self, Parsed, Refusal, ValueKind, MAX_CELL_CHARS};

const SAMPLE_2023: &str = include_str!("fixtures/new-2023-shuyang-fagaiju.txt");

fn too_long(parsed: Parsed) -> Option<(usize, usize)> {
    match parsed {
        Parsed::Refused(Refusal::TooLong { chars, limit }) => Some((chars, limit)),
        _ => None,
    }
}

/// Both messages of an import error: each names the bound, in its language.
fn messages_of(e: &ImportError) -> (String, String) {
    (e.message(Lang::Zh), e.message(Lang::En))
}

#[test]
fn a_cell_is_read_up_to_its_bound_and_refused_past_it() {
    assert_eq!(MAX_CELL_CHARS, 256);
    // At the bound, the text is read as any other: 255 spaces around a figure, 256 full-width
    // characters (three bytes each: the bound counts characters).
    let padded = format!("{}645", " ".repeat(MAX_CELL_CHARS - 3));
    assert_eq!(value::parse(&padded, ValueKind::Count).amount().map(|a| a.to_string()).as_deref(), Some("645"));
    let wide = format!("{}６４５", "　".repeat(MAX_CELL_CHARS - 3));
    assert_eq!(wide.chars().count(), MAX_CELL_CHARS);
    assert!(wide.len() > MAX_CELL_CHARS);
    assert!(too_long(value::parse(&wide, ValueKind::Count)).is_none());
    assert!(value::parse(&wide, ValueKind::Count).amount().is_some());
    // One past it, whatever the text: refused before it is read, with its length.
    for text in [format!("{padded} "), "9".repeat(MAX_CELL_CHARS + 1), "件".repeat(10_000)] {
        let chars = text.chars().count();
        for kind in [ValueKind::Count, ValueKind::Money, ValueKind::Signed] {
            assert_eq!(too_long(value::parse(&text, kind)), Some((chars, MAX_CELL_CHARS)), "{kind:?}");
        }
    }
    // A pasted 20 MB page in one cell is refused as quickly as any (a debug build reads it twice).
    let page = "<p>报告</p>".repeat(MAX_FILE_BYTES / 14);
    let started = std::time::Instant::now();
    assert!(too_long(value::parse(&page, ValueKind::Count)).is_some());
    assert!(started.elapsed().as_secs_f64() < 2.0, "{:?}", started.elapsed());
}

/// The finding for a cell past the bound: `invalid-number`, its reason `tooLong`, and a message that
/// says how long it is and what the bound is, quoting only its beginning.
fn assert_too_long_finding(d: &Diagnostic, cell: &str, chars: usize) {
    assert_eq!(d.code, Code::InvalidNumber);
    assert_eq!(d.cells, [cell]);
    assert!(
        matches!(&d.detail, Detail::Refused { refusal: Refusal::TooLong { chars: c, limit: MAX_CELL_CHARS }, .. } if *c == chars),
        "{d:#?}"
    );
}

#[test]
fn a_cell_past_the_bound_is_invalid_with_a_message_in_each_language() {
    let huge = format!("26{}", "0".repeat(99_998));
    for lang in [Lang::Zh, Lang::En] {
        // Typed (or pasted) into the form: setCell.
        let mut checker = Checker::new(FormId::F2021, Mode::Filling);
        let update = checker.set_cell("B:1:total", &huge).unwrap();
        let mut found: Vec<Diagnostic> = update.diagnostics.into_iter().filter(|d| d.cells[0] == "B:1:total").collect();
        messages::localize(&mut found, FormId::F2021.def(), lang);
        assert_eq!(found.len(), 1, "{found:#?}");
        let d = &found[0];
        assert_too_long_finding(d, "B:1:total", 100_000);
        assert!(d.message.contains("100000") && d.message.contains("256"), "{}", d.message);
        // Only the beginning is quoted: the message stays a message.
        assert!(d.message.chars().count() < 200, "{} characters", d.message.chars().count());
        match lang {
            Lang::Zh => assert!(d.message.contains("超过一格最多可填的 256 个字符"), "{}", d.message),
            Lang::En => assert!(d.message.contains("more than the 256 a cell takes"), "{}", d.message),
        }
        // The same cell in an imported report.
        let text = SAMPLE_2023.replace(
            "三、本年度办理结果 / （一）予以公开 | 26 |",
            &format!("三、本年度办理结果 / （一）予以公开 | {huge} |"),
        );
        let imported = import::import(&text).unwrap();
        assert_eq!(imported.report.cell("B:3.1:natural"), huge, "kept as typed");
        let checked =
            validate::check_imported(&imported, None, &Options { mode: Mode::Review, lang, agency_kind: None });
        let d =
            checked.diagnostics.iter().find(|d| d.cells.first().map(String::as_str) == Some("B:3.1:natural")).unwrap();
        assert_too_long_finding(d, "B:3.1:natural", 100_000);
        assert!(d.message.chars().count() < 200);
    }
}

#[test]
fn a_report_past_twenty_megabytes_is_refused_in_each_language() {
    assert_eq!(MAX_FILE_BYTES, 20_000_000);
    // Just under the bound, a report is read (the sample, its narrative grown).
    let grown = SAMPLE_2023.replacen(
        "一、总体情况\n",
        &format!(
            "一、总体情况\n{}\n",
            "本年度继续推进政务公开。".repeat((MAX_FILE_BYTES - SAMPLE_2023.len()) / 36 - 1)
        ),
        1,
    );
    assert!(grown.len() <= MAX_FILE_BYTES && grown.len() > MAX_FILE_BYTES - 100, "{}", grown.len());
    assert!(import::import(&grown).is_ok(), "a report at the bound is read");
    // One byte past: text (a paste of a whole report), bytes (a file) and HTML alike.
    let over = format!("{grown}{}", "。".repeat((MAX_FILE_BYTES - grown.len()) / 3 + 1));
    assert!(over.len() > MAX_FILE_BYTES && over.len() <= MAX_FILE_BYTES + 3);
    let page = format!("<html><body><p>{}</p></body></html>", "报".repeat(MAX_FILE_BYTES / 3));
    for (what, read) in [
        ("text", import::import(&over)),
        ("bytes", import::import_bytes(over.as_bytes())),
        ("plain text", import::import_text(&over)),
        ("Markdown", import::import_markdown(&over)),
        ("TSV", import::import_tsv(&over)),
        ("a page", import::import(&page)),
    ] {
        // (Not `unwrap_err`: its message would print 20 MB.)
        let Err(e) = read else { panic!("{what} past the bound was read") };
        assert!(matches!(e, ImportError::TooLarge { limit: MAX_FILE_BYTES, .. }), "{what}: {e:?}");
        let (zh, en) = messages_of(&e);
        assert!(zh.contains("文件过大") && zh.contains("上限 20 MB"), "{zh}");
        assert!(en.contains("too large") && en.contains("limit of 20 MB"), "{en}");
    }
}

#[test]
fn a_word_file_expanding_past_its_bound_and_a_page_nested_too_deep_are_refused_in_each_language() {
    let mut bomb = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let deflated = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    bomb.start_file("word/document.xml", deflated).unwrap();
    let spaces = vec![b' '; 1 << 20];
    for _ in 0..65 {
        bomb.write_all(&spaces).unwrap();
    }
    let bomb = bomb.finish().unwrap().into_inner();
    let e = import::import_bytes(&bomb).unwrap_err();
    assert_eq!(e, ImportError::Expands { limit: 64_000_000 });
    let (zh, en) = messages_of(&e);
    assert!(zh.contains("超过 64 MB"), "{zh}");
    assert!(en.contains("more than 64 MB"), "{en}");

    let deep = format!("<html><body>{}<table><tr><td>1</td></tr></table></body></html>", "<div>".repeat(4097));
    let e = import::import(&deep).unwrap_err();
    assert_eq!(e, ImportError::TooDeep { limit: 4096 });
    let (zh, en) = messages_of(&e);
    assert!(zh.contains("超过 4096 层"), "{zh}");
    assert!(en.contains("more than 4096 deep"), "{en}");
    // At the bound, the page is read.
    let at = format!("<html><body>{}<p>报告</p></body></html>", "<div>".repeat(4000));
    assert!(!matches!(import::import(&at), Err(ImportError::TooDeep { .. })));
}

/// Time grows with the size of a report, not with its square: the report with a finding quoting
/// every other line (a heading out of order), four times as long, takes about four times as long to
/// read, check and preview. (Each quote's offset was once counted from the start of the narrative,
/// and found again so in the preview: sixteen times as long.) The best of three runs of each.
#[test]
fn time_grows_linearly_with_the_report() {
    let at = SAMPLE_2023.find("一、总体情况").unwrap();
    let grown = |lines: usize| {
        format!(
            "{}一、总体情况\n{}{}",
            &SAMPLE_2023[..at],
            "本年度继续推进政务公开工作，各项工作有序开展。\n七、其他\n".repeat(lines),
            &SAMPLE_2023[at..]
        )
    };
    let time = |lines: usize| {
        let text = grown(lines);
        (0..3)
            .map(|_| {
                let started = std::time::Instant::now();
                let imported = import::import(&text).unwrap();
                let checked = validate::check_imported(
                    &imported,
                    None,
                    &Options { mode: Mode::Review, lang: Lang::Zh, agency_kind: None },
                );
                let slips = checked.diagnostics.iter().filter(|d| d.code == Code::NumberingSlip).count();
                assert!(slips >= lines, "{slips} findings");
                let preview =
                    disclosure_report::render::html(&imported.report, &checked.diagnostics, &Default::default());
                assert!(preview.matches("dr-finding-quote").count() >= lines, "every quote found in the preview");
                started.elapsed().as_secs_f64()
            })
            .fold(f64::MAX, f64::min)
    };
    let (small, large) = (time(2_500), time(10_000));
    eprintln!("linear: {small:.3} s, {large:.3} s");
    assert!(large < small * 7.0, "4× the report took {:.1}× the time ({small:.3} s, {large:.3} s)", large / small);
}

/// A label past its bound (4096 bytes) names no row: the row is `unplaced-row`, and like any
/// finding quoting the report, its message quotes at most 500 characters of it.
#[test]
fn a_label_past_its_bound_names_no_row_and_messages_quote_a_readable_part() {
    let label = "收到申请数".repeat(1000);
    let text = SAMPLE_2023.replace("\n规章 | 0 | 0 | 0", &format!("\n{label} | 0 | 0 | 0"));
    // A sentence of 100,000 characters holding a bidi control, and no sentence end.
    let text = text.replacen("一、总体情况\n", &format!("一、总体情况\n\u{202E}{}\n", "政务公开".repeat(25_000)), 1);
    let imported = import::import(&text).unwrap();
    for lang in [Lang::Zh, Lang::En] {
        let checked =
            validate::check_imported(&imported, None, &Options { mode: Mode::Review, lang, agency_kind: None });
        let unplaced: Vec<_> = checked.diagnostics.iter().filter(|d| d.code == Code::UnplacedRow).collect();
        assert_eq!(unplaced.len(), 1);
        let bidi: Vec<_> = checked.diagnostics.iter().filter(|d| d.code == Code::BidiControl).collect();
        assert_eq!(bidi.len(), 1);
        for d in unplaced.iter().chain(&bidi) {
            let chars = d.message.chars().count();
            assert!(chars < 800 && d.message.contains('…'), "{:?}: {chars} characters", d.code);
        }
    }
}
