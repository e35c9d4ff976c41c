//! Hostile content: report text, HTML pages and Word files carrying scripts, event handlers,
//! `javascript:` URLs, iframes, SVG, CSS `expression()`, hidden digits and look-alike Unicode
//! (zero-width characters, full-width digits, bidi controls). None of it is ever carried into the
//! preview as markup, and none of it makes a wrong number read as a right one: a figure is read as
//! what a person sees, or not read, with a finding that says why (spec/README.md, "What a person sees
//! is what is read"). (Native: the Word files are built here with the zip writer.)
#![cfg(all(not(target_arch = "wasm32"), feature = "html", feature = "docx"))]

use std::collections::BTreeSet;
use std::io::{Read as _, Write as _};

use disclosure_report::diagnostic::{Code, Detail, Diagnostic};
use disclosure_report::engine::{Checker, Mode};
use disclosure_report::form::FormId;
use disclosure_report::import::{self, Imported};
use disclosure_report::invisible;
use disclosure_report::messages::{self, Lang};
use disclosure_report::render::{self, RenderOptions};
use disclosure_report::report::Report;
use disclosure_report::validate::{self, Options};
use disclosure_report::value::{self, Parsed, Refusal, ValueKind};

const SAMPLE_2023: &str = include_str!("fixtures/new-2023-shuyang-fagaiju.txt");
const PINGTAN_2023: &str = include_str!("fixtures/2023-pingtan-zongheshiyanqu.html");
const SHUYANG_DOCX: &[u8] = include_bytes!("fixtures/office/new-2023-shuyang-fagaiju.docx");
/// The preview's writer: every element and attribute name it can write is a string literal here.
const PREVIEW_WRITER: &str = include_str!("../src/render/html.rs");

/// The bidi controls of `invisible::is_bidi_control`.
const BIDI: [char; 12] = [
    '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
    '\u{200E}', '\u{200F}', '\u{061C}',
];

// ---------------------------------------------------------------------------------------------
// Helpers.

/// Checked as a reviewer checks it (the command line, `checkUpload`), with messages in `lang`.
fn judged(imported: &Imported, lang: Lang) -> Vec<Diagnostic> {
    validate::check_imported(imported, None, &Options { mode: Mode::Review, lang, agency_kind: None }).diagnostics
}

fn codes(diagnostics: &[Diagnostic]) -> BTreeSet<Code> {
    diagnostics.iter().map(|d| d.code).collect()
}

/// The findings of one code.
fn of(diagnostics: &[Diagnostic], code: Code) -> Vec<&Diagnostic> {
    diagnostics.iter().filter(|d| d.code == code).collect()
}

/// Each of the two findings lists, without the ones every reading of the sample has (`implied-zero`
/// for its blank cells), as (code, first cell) pairs.
fn findings(diagnostics: &[Diagnostic]) -> BTreeSet<(Code, String)> {
    diagnostics
        .iter()
        .filter(|d| d.code != Code::ImpliedZero)
        .map(|d| (d.code, d.cells.first().cloned().unwrap_or_default()))
        .collect()
}

/// The names the preview's writer can write: the string literals of its source (`h.elem("td")`,
/// `.attr("class", …)`), and the style sheet's element. Nothing a report says is among them.
fn writer_vocabulary() -> BTreeSet<String> {
    let mut names: BTreeSet<String> = PREVIEW_WRITER
        .split('"')
        .skip(1)
        .step_by(2)
        .filter(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'))
        .map(str::to_string)
        .collect();
    names.insert("style".into());
    names
}

/// The preview of `report` (HTML, standalone and as an element, and text, in both languages) holds no
/// element or attribute that the report put there, no link out of the page, no style attribute and
/// no bidi control; messages hold no invisible character. Returns the standalone Chinese HTML's text.
fn assert_preview_inert(report: &Report, diagnostics: &[Diagnostic]) -> String {
    let vocabulary = writer_vocabulary();
    let mut shown = String::new();
    for lang in [Lang::Zh, Lang::En] {
        let mut diagnostics = diagnostics.to_vec();
        messages::localize(&mut diagnostics, report.form.def(), lang);
        for d in &diagnostics {
            assert!(!d.message.chars().any(invisible::is_invisible), "{:?}: {:?}", d.code, d.message);
        }
        for standalone in [true, false] {
            let html = render::html(report, &diagnostics, &RenderOptions { lang, standalone });
            assert!(!html.chars().any(invisible::is_bidi_control), "a bidi control reached the preview");
            let doc = scraper::Html::parse_document(&html);
            for node in doc.tree.nodes() {
                let scraper::Node::Element(e) = node.value() else { continue };
                assert!(vocabulary.contains(e.name()), "<{}> is not the writer's: it came from the report", e.name());
                assert!(standalone || e.name() != "style", "a style element in the mounted preview");
                for (name, value) in e.attrs() {
                    assert!(
                        vocabulary.contains(name) && name != "style",
                        "<{} {name}=…> is not the writer's",
                        e.name()
                    );
                    assert!(!name.starts_with("on"), "an event handler: <{} {name}>", e.name());
                    if name == "href" {
                        assert!(value.starts_with('#'), "a link out of the preview: {value:?}");
                    }
                }
            }
            if standalone && lang == Lang::Zh {
                shown = doc.root_element().text().collect();
            }
        }
        let text = render::text(report, &diagnostics, &RenderOptions { lang, standalone: true });
        assert!(!text.chars().any(invisible::is_bidi_control), "a bidi control reached the text preview");
    }
    shown
}

/// A copy of a Word file with its parts changed or added (`edit` gets each part's name and text).
fn rezip(docx: &[u8], edit: impl Fn(&str, String) -> String, extra: &[(&str, &str)]) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for i in 0..archive.len() {
        let mut part = archive.by_index(i).unwrap();
        let name = part.name().unwrap().to_string();
        let mut text = String::new();
        part.read_to_string(&mut text).unwrap();
        out.start_file(name.as_str(), options).unwrap();
        out.write_all(edit(&name, text).as_bytes()).unwrap();
    }
    for (name, text) in extra {
        out.start_file(*name, options).unwrap();
        out.write_all(text.as_bytes()).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// `text` with `from` replaced once, which must be there.
fn once(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "{from:?} is not in the input");
    text.replacen(from, to, 1)
}

// ---------------------------------------------------------------------------------------------
// Markup in report text, in an HTML page and in a Word file.

#[test]
fn markup_in_a_text_report_is_text_in_the_preview() {
    let clean = import::import(SAMPLE_2023).unwrap();
    let mut text = once(
        SAMPLE_2023,
        "2023年，县发展和改革局认真贯彻执行",
        "<script>alert(1)</script><img src=x onerror=alert(2)><a href=\"javascript:alert(3)\">详见</a>\
         <iframe src=\"javascript:alert(4)\"></iframe><svg onload=alert(5)><script>alert(6)</script></svg>\
         <div style=\"width:expression(alert(7))\">样式</div>2023年，县发展和改革局认真贯彻执行",
    );
    // A value cell holding markup around its figure, and a label holding a script.
    text = once(&text, "\n规范性文件 | 8 | 0 | 18", "\n规范性文件 | <b onmouseover=alert(8)>8</b> | 0 | 18");
    text = once(&text, "\n规章 | 0 | 0 | 0", "\n规章<script>alert(9)</script> | 0 | 0 | 0");
    let imported = import::import(&text).unwrap();
    assert!(imported.report.narrative.contains("<script>alert(1)</script><img src=x onerror=alert(2)>"));
    assert_eq!(imported.report.cell("A:normative:issued"), "<b onmouseover=alert(8)>8</b>", "kept as typed");
    let diagnostics = judged(&imported, Lang::Zh);
    // The figure in markup is not read as 8: it is not a number.
    let invalid = of(&diagnostics, Code::InvalidNumber);
    assert_eq!(invalid.len(), 1, "{diagnostics:#?}");
    assert_eq!(invalid[0].cells, ["A:normative:issued"]);
    assert!(!codes(&judged(&clean, Lang::Zh)).contains(&Code::InvalidNumber));
    let shown = assert_preview_inert(&imported.report, &diagnostics);
    // Shown as the text it is.
    assert!(shown.contains("<script>alert(1)</script><img src=x onerror=alert(2)>"), "the markup is shown as text");
    assert!(shown.contains("<div style=\"width:expression(alert(7))\">样式</div>"));
}

/// The 2023 Pingtan page with its table, narrative and head carrying hostile markup, and figures
/// hidden or reordered by markup: what a browser shows is what is read.
#[test]
fn a_hostile_html_page_reads_as_the_browser_shows_it() {
    let clean = import::import(PINGTAN_2023).unwrap();
    assert!(findings(&judged(&clean, Lang::Zh)).is_empty(), "the clean page has no finding");
    let mut page =
        once(PINGTAN_2023, "</head>", "<style>p{width:expression(alert(1))}</style><script>alert(2)</script></head>");
    // The first figure of Table B's 予以公开 row: 22, with a digit too small to see, a script and an
    // SVG figure beside it.
    page = once(
        &page,
        "（一）予以公开</p></td><td style=\"padding: 0px 4px; border-width: medium 1px 1px medium; border-style: none solid solid none; border-color: currentcolor windowtext windowtext currentcolor;\" valign=\"center\" width=\"48\"><p style=\"text-indent: 0em;\">22</p>",
        "（一）予以公开</p></td><td style=\"padding: 0px 4px; border-width: medium 1px 1px medium; border-style: none solid solid none; border-color: currentcolor windowtext windowtext currentcolor;\" valign=\"center\" width=\"48\"><p style=\"text-indent: 0em;\">2<span style=\"font-size: 0px\">9</span>2<script>document.write(7)</script><svg><text>7</text></svg><math><mn>7</mn></math></p>",
    );
    // The narrative: a figure with a hidden digit (seen as 81), the figure of another sentence shown
    // reversed (<bdo>: stored 81, seen as 18), and markup of every kind.
    page =
        once(&page, "申请共计81件", "申请共计8<span style='opacity:0'>0</span><font style='font-size:0'>7</font>1件");
    page = once(&page, "办结依申请公开81件", "办结依申请公开<bdo dir=\"rtl\">81</bdo>件");
    page = once(
        &page,
        "（三）政府信息管理方面</p>",
        "（三）政府信息管理方面</p><p><img src=x onerror=\"alert(3)\"><a href=\"javascript:alert(4)\">详见附件</a>\
         <iframe src=\"javascript:alert(5)\">框架</iframe><svg onload=\"alert(6)\"><script>alert(7)</script></svg>\
         <span style=\"background:url(javascript:alert(8));width:expression(alert(9))\">样式</span>\
         <object data=\"javascript:alert(10)\">对象</object>&lt;script&gt;alert(11)&lt;/script&gt;</p>",
    );
    let imported = import::import(&page).unwrap();
    // The table reads exactly as the clean page's: no hidden digit, no script or SVG text.
    assert_eq!(imported.report.cells, clean.report.cells);
    let narrative = &imported.report.narrative;
    assert!(
        narrative.contains("详见附件")
            && narrative.contains("样式")
            && narrative.contains("<script>alert(11)</script>")
    );
    for gone in [
        "alert(1)",
        "alert(2)",
        "alert(3)",
        "alert(4)",
        "alert(5)",
        "alert(6)",
        "alert(7)",
        "alert(8)",
        "alert(9)",
        "alert(10)",
        "框架",
        "对象",
        "expression",
        "javascript",
    ] {
        assert!(!narrative.contains(gone), "{gone} was read into the narrative");
    }
    assert!(narrative.contains("申请共计81件"), "the hidden digits are not read");
    let diagnostics = judged(&imported, Lang::Zh);
    // The reversed sentence is not read (its 81 shows as 18); it is said, once.
    assert_eq!(findings(&diagnostics), BTreeSet::from([(Code::BidiControl, String::new())]), "{diagnostics:#?}");
    let bidi = of(&diagnostics, Code::BidiControl)[0];
    let Detail::Report { quote: Some(quote), .. } = &bidi.detail else { panic!("{bidi:#?}") };
    assert!(quote.text.starts_with("办结依申请公开\u{202E}81\u{202C}件"), "{quote:?}");
    assert!(bidi.message.contains("[U+202E]") && !bidi.message.contains('\u{202E}'), "{}", bidi.message);
    let shown = assert_preview_inert(&imported.report, &diagnostics);
    assert!(shown.contains("<script>alert(11)</script>"));
    assert!(shown.contains("办结依申请公开[U+202E]81[U+202C]件"), "the preview shows where the order was changed");
}

/// The Shuyang report as Word saves it, with hidden runs, a reversed run, links to `javascript:`,
/// an embedded HTML chunk and an SVG with a script.
#[test]
fn a_hostile_word_file_reads_as_word_shows_it() {
    let clean = import::import_bytes(SHUYANG_DOCX).unwrap();
    assert!(findings(&judged(&clean, Lang::Zh)).is_empty(), "the clean file has no finding");
    let hostile = rezip(
        SHUYANG_DOCX,
        |name, xml| match name {
            "word/document.xml" => {
                // The narrative's 26: a hidden 9 between its digits (seen as 26).
                let mut xml = once(
                    &xml,
                    "<w:t>年度我局共收到依申请信息公开</w:t></w:r><w:r><w:rPr></w:rPr><w:t>26</w:t></w:r>",
                    "<w:t>年度我局共收到依申请信息公开</w:t></w:r><w:r><w:t>2</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>9</w:t></w:r><w:r><w:t>6</w:t></w:r>",
                );
                // Table B's first 26 (予以公开, 自然人): a hidden 0 inside it, and a hidden run that
                // Word shows again (w:vanish w:val="0").
                xml = once(
                    &xml,
                    "<w:r><w:rPr></w:rPr><w:t>26</w:t></w:r><w:bookmarkStart w:id=\"43\"",
                    "<w:r><w:t>2</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>0</w:t></w:r><w:r><w:rPr><w:vanish w:val=\"0\"/></w:rPr><w:t>6</w:t></w:r><w:bookmarkStart w:id=\"43\"",
                );
                // The narrative's 182 shown reversed (w:bdo), and Table A's 18 right to left (w:rtl).
                xml = once(
                    &xml,
                    "<w:t>条。全年受理网络问政</w:t></w:r><w:r><w:rPr></w:rPr><w:t>182</w:t></w:r>",
                    "<w:t>条。全年受理网络问政</w:t></w:r><w:bdo w:val=\"rtl\"><w:r><w:t>182</w:t></w:r></w:bdo>",
                );
                let at = xml.find("<w:t>行政规范性文件</w:t>").expect("Table A's row");
                let eighteen = at + xml[at..].find("<w:r><w:rPr></w:rPr><w:t>18</w:t></w:r>").expect("its 18");
                xml.replace_range(
                    eighteen..eighteen + "<w:r><w:rPr></w:rPr><w:t>18</w:t></w:r>".len(),
                    "<w:r><w:rPr><w:rtl/></w:rPr><w:t>18</w:t></w:r>",
                );
                // Markup as text, links to javascript:, an HTML chunk and a drawing of an SVG.
                once(
                    &xml,
                    "<w:body>",
                    "<w:body><w:p><w:r><w:t>&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;</w:t></w:r>\
                     <w:hyperlink r:id=\"rIdEvil\"><w:r><w:t>点击查看</w:t></w:r></w:hyperlink>\
                     <w:fldSimple w:instr=\" HYPERLINK &quot;javascript:alert(3)&quot; \"><w:r><w:t>链接</w:t></w:r></w:fldSimple>\
                     <w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> HYPERLINK \"javascript:alert(4)\" </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>\
                     <w:r><w:drawing><wp:inline><a:graphic xmlns:a=\"a\"><a:graphicData><pic:pic xmlns:pic=\"p\"><pic:blipFill><a:blip r:embed=\"rIdSvg\"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>\
                     <w:altChunk r:id=\"rIdChunk\"/>",
                )
            }
            "word/_rels/document.xml.rels" => once(
                &xml,
                "</Relationships>",
                "<Relationship Id=\"rIdEvil\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"javascript:alert(5)\" TargetMode=\"External\"/>\
                 <Relationship Id=\"rIdChunk\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk\" Target=\"chunk.htm\"/>\
                 <Relationship Id=\"rIdSvg\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/evil.svg\"/></Relationships>",
            ),
            _ => xml,
        },
        &[
            ("word/chunk.htm", "<html><body><script>alert(6)</script><p>块</p><table><tr><td>（一）予以公开</td><td>99</td></tr></table></body></html>"),
            ("word/media/evil.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(7)\"><script>alert(8)</script><text>99</text></svg>"),
        ],
    );
    let imported = import::import_bytes(&hostile).unwrap();
    let report = &imported.report;
    // Every cell reads as the clean file's, but Table A's right-to-left 18, which is not read.
    let mut expected = clean.report.cells.clone();
    expected.insert("A:normative:in_force".into(), "\u{202B}18\u{202C}".into());
    assert_eq!(report.cells, expected);
    assert!(report.narrative.contains("共收到依申请信息公开26件"), "the hidden 9 is not read");
    assert!(report.narrative.contains("<script>alert(1)</script><img src=x onerror=alert(2)>点击查看链接"));
    for gone in ["alert(3)", "alert(4)", "alert(5)", "alert(6)", "alert(7)", "alert(8)", "javascript", "块", "99"] {
        assert!(!report.narrative.contains(gone), "{gone} was read");
    }
    let diagnostics = judged(&imported, Lang::Zh);
    // The right-to-left figure is refused, the reversed sentence said; nothing else is found (read as
    // the stored 296 or 206, the 26s would have been a mismatch).
    assert_eq!(
        findings(&diagnostics),
        BTreeSet::from([(Code::InvalidNumber, "A:normative:in_force".to_string()), (Code::BidiControl, String::new())]),
        "{diagnostics:#?}"
    );
    let bidi = of(&diagnostics, Code::BidiControl);
    assert_eq!(bidi.len(), 1);
    let Detail::Report { quote: Some(quote), .. } = &bidi[0].detail else { panic!() };
    assert!(quote.text.contains("全年受理网络问政\u{202E}182\u{202C}件"), "{quote:?}");
    let invalid = of(&diagnostics, Code::InvalidNumber)[0];
    assert!(invalid.message.contains("[U+202B]"), "{}", invalid.message);
    assert_preview_inert(report, &diagnostics);
}

#[test]
fn markup_in_a_json_report_and_its_cell_ids_is_text_in_the_preview() {
    let json = r#"{"format":"disclosure-report","version":1,"form":"2021","year":2023,
        "title":"<svg onload=alert(1)>报告","agency":"<img src=x onerror=alert(2)>局","date":"2024-01-17",
        "narrative":"一、总体情况\n<iframe src=\"javascript:alert(3)\"></iframe>本年度共收到申请<b>26</b>件。",
        "cells":{"B:1:total":"<script>alert(4)</script>26","\"><script>alert(5)</script>":"1","B:3.1:total":"javascript:alert(6)"}}"#;
    let imported = import::import(json).unwrap();
    let diagnostics = judged(&imported, Lang::En);
    assert!(of(&diagnostics, Code::InvalidNumber).len() >= 2);
    assert!(of(&diagnostics, Code::UnplacedRow)
        .iter()
        .any(|d| matches!(&d.detail, Detail::Unplaced { text, .. } if text.contains("alert(5)"))));
    let shown = assert_preview_inert(&imported.report, &diagnostics);
    assert!(shown.contains("<svg onload=alert(1)>报告") && shown.contains("<script>alert(4)</script>26"));
}

// ---------------------------------------------------------------------------------------------
// Look-alike and invisible characters.

fn count(text: &str) -> Parsed {
    value::parse(text, ValueKind::Count)
}

/// In a cell, a figure is read as what a person sees (zero-width characters and full-width digits
/// are seen as the figure, and said by `normalized`), or not at all (a bidi control: 1,2\u{202E}34 is seen
/// as 1,243).
#[test]
fn a_cell_reads_as_what_a_person_sees_or_not_at_all() {
    for seen_as_1234 in [
        "1\u{200B}234",
        "1\u{200D}234",
        "\u{FEFF}1234",
        "1\u{2060}2\u{00AD}34",
        "１２３４",
        "１，２３４",
        "1,\u{200B}234",
    ] {
        assert_eq!(count(seen_as_1234).amount().map(|a| a.to_string()).as_deref(), Some("1234"), "{seen_as_1234:?}");
    }
    for control in BIDI {
        for text in [
            format!("1,2{control}34"),
            format!("{control}1234"),
            format!("1234{control}"),
            format!("12{control}34{control}"),
        ] {
            assert!(
                matches!(count(&text), Parsed::Refused(Refusal::UnexpectedCharacter { ref found }) if found.starts_with(control)),
                "{text:?}"
            );
        }
    }
    // Other invisible characters: refused too (an invisible times, a variation selector, a tag).
    for text in ["12\u{2062}34", "1234\u{FE0F}", "12\u{E0031}34", "12\u{0008}34"] {
        assert!(matches!(count(text), Parsed::Refused(_)), "{text:?}");
    }

    // Typed into the form, with the messages the clerk reads.
    for lang in [Lang::Zh, Lang::En] {
        let mut checker = Checker::new(FormId::F2021, Mode::Filling);
        checker.set_cell("B:1:natural", "2\u{200B}6");
        checker.set_cell("B:1:commercial", "1,2\u{202E}34");
        checker.set_cell("B:1:research", "３");
        checker.set_cell("B:1:nonprofit", "4\u{2062}");
        assert_eq!(checker.value("B:1:natural").map(|a| a.to_string()).as_deref(), Some("26"));
        assert_eq!(checker.value("B:1:research").map(|a| a.to_string()).as_deref(), Some("3"));
        assert_eq!(checker.value("B:1:commercial"), None, "not read as 1234, nor as 1243");
        let mut found = checker.diagnostics();
        messages::localize(&mut found, FormId::F2021.def(), lang);
        let cell = |id: &str, code: Code| {
            found
                .iter()
                .find(|d| d.code == code && d.cells[0] == id)
                .unwrap_or_else(|| panic!("{id} {code:?}: {found:#?}"))
        };
        let zero_width = cell("B:1:natural", Code::Normalized);
        assert!(
            zero_width.message.contains("2[U+200B]6") && zero_width.message.contains("26"),
            "{}",
            zero_width.message
        );
        let reordered = cell("B:1:commercial", Code::InvalidNumber);
        assert!(reordered.message.contains("1,2[U+202E]34"), "{}", reordered.message);
        match lang {
            Lang::Zh => assert!(reordered.message.contains("改变文字显示顺序"), "{}", reordered.message),
            Lang::En => {
                assert!(reordered.message.contains("changes the order in which text is shown"), "{}", reordered.message)
            }
        }
        assert!(cell("B:1:nonprofit", Code::InvalidNumber).message.contains("[U+2062]"));
        cell("B:1:research", Code::Normalized);
        for d in &found {
            assert!(!d.message.chars().any(invisible::is_invisible), "{}", d.message);
        }
    }
}

/// In a row's label, zero-width characters and full-width digits are what a person sees; a bidi
/// control shows the label in another order, and the row is not placed (`unplaced-row`, quoting it
/// with the control written out).
#[test]
fn a_label_reads_as_what_a_person_sees_or_names_no_row() {
    let text = once(
        SAMPLE_2023,
        "三、本年度办理结果 / （一）予以公开 | 26 |",
        "三、本年度办理结果 / （一）予以\u{200B}公\u{FEFF}开 | 26 |",
    );
    let text = once(&text, "\n规范性文件 | 8 | 0 | 18", "\n规范性\u{200D}文件 | ８ | 0 | 18");
    let imported = import::import(&text).unwrap();
    assert_eq!(
        imported.report.cells,
        import::import(SAMPLE_2023)
            .unwrap()
            .report
            .cells
            .into_iter()
            .map(|(id, v)| {
                let v = if id == "A:normative:issued" { "８".to_string() } else { v };
                (id, v)
            })
            .collect()
    );
    assert!(!codes(&imported.diagnostics).contains(&Code::UnplacedRow));

    // The same row with its label shown reversed: "\u{202E}开公以予）一（" is seen as （一）予以公开.
    let reversed: String = "（一）予以公开".chars().rev().collect();
    let text = once(
        SAMPLE_2023,
        "三、本年度办理结果 / （一）予以公开 | 26 |",
        &format!("三、本年度办理结果 / \u{202E}{reversed} | 26 |"),
    );
    let imported = import::import(&text).unwrap();
    assert_eq!(imported.report.cell("B:3.1:natural"), "", "not placed");
    let diagnostics = judged(&imported, Lang::Zh);
    let unplaced = of(&diagnostics, Code::UnplacedRow);
    assert_eq!(unplaced.len(), 1, "{diagnostics:#?}");
    assert!(
        unplaced[0].message.contains("[U+202E]") && !unplaced[0].message.contains('\u{202E}'),
        "{}",
        unplaced[0].message
    );
    // …even when the stored order is the label itself, shown otherwise.
    let text = once(
        SAMPLE_2023,
        "三、本年度办理结果 / （一）予以公开 | 26 |",
        "三、本年度办理结果 / \u{202E}（一）予以公开\u{202C} | 26 |",
    );
    assert_eq!(import::import(&text).unwrap().report.cell("B:3.1:natural"), "");
    assert_preview_inert(&imported.report, &diagnostics);
}

/// In the narrative, a figure with a zero-width character in it is read as it is seen ("2\u{200B}6件"
/// is 26件, not 6件), and a sentence with a bidi control is not read at all: "\u{202E}62件" is seen as
/// 件26 and would have agreed with the table's 26; it is a `bidi-control` warning instead.
#[test]
fn the_narrative_reads_as_what_a_person_sees_or_not_at_all() {
    let sentence = "2023年度我局共收到依申请信息公开26件";
    let judge = |narrative_sentence: &str| {
        let text = once(SAMPLE_2023, sentence, narrative_sentence);
        let imported = import::import(&text).unwrap();
        let diagnostics = judged(&imported, Lang::Zh);
        (findings(&diagnostics), diagnostics, imported)
    };
    let none = BTreeSet::new();
    // Seen as 26: no finding. (Read as 6, it would have been a narrative-mismatch.)
    for seen_as_26 in ["2\u{200B}6件", "2\u{FEFF}6\u{200B}件", "２６件", "2\u{2060}6 件"] {
        let (found, diagnostics, _) = judge(&format!("2023年度我局共收到依申请信息公开{seen_as_26}"));
        assert_eq!(found, none, "{seen_as_26:?}: {diagnostics:#?}");
    }
    // Seen as 27: a mismatch, quoting it with the invisible character written out.
    let (found, diagnostics, _) = judge("2023年度我局共收到依申请信息公开2\u{200B}7件");
    assert!(found.contains(&(Code::NarrativeMismatch, "B:1:total".into())), "{diagnostics:#?}");
    let mismatch = of(&diagnostics, Code::NarrativeMismatch)[0];
    assert_eq!(mismatch.actual.map(|a| a.to_string()).as_deref(), Some("27"));
    assert!(mismatch.message.contains("2[U+200B]7件"), "{}", mismatch.message);
    // An ordinal stays an ordinal across a zero-width character.
    let (found, _, _) = judge("2023年度我局共收到依申请信息公开26件，第\u{200B}3次");
    assert_eq!(found, none);

    // Shown in another order: not read, whatever it stores, and said.
    for reordered in ["\u{202E}62件", "\u{202E}26件", "2\u{202E}6件", "\u{2067}26件\u{2069}", "26\u{200F}件"] {
        let (found, diagnostics, imported) = judge(&format!("2023年度我局共收到依申请信息公开{reordered}"));
        assert_eq!(found, BTreeSet::from([(Code::BidiControl, String::new())]), "{reordered:?}: {diagnostics:#?}");
        let d = of(&diagnostics, Code::BidiControl)[0];
        assert_eq!(d.severity, disclosure_report::diagnostic::Severity::Warning);
        let Detail::Report { quote: Some(quote), facts } = &d.detail else { panic!("{d:#?}") };
        // The quote is the sentence, where it is in the narrative (UTF-16 offsets).
        let utf16: Vec<u16> = imported.report.narrative.encode_utf16().collect();
        assert_eq!(String::from_utf16(&utf16[quote.start..quote.end]).unwrap(), quote.text);
        assert!(quote.text.starts_with("2023年度我局共收到依申请信息公开"));
        assert!(facts.iter().any(|(k, v)| k == "characters" && v.starts_with("[U+")));
        assert!(d.message.contains("[U+") && !d.message.chars().any(invisible::is_invisible), "{}", d.message);
        assert_preview_inert(&imported.report, &diagnostics);
    }
    // In English, and in the title and the agency.
    let (_, _, mut imported) = judge("2023年度我局共收到依申请信息公开\u{202E}26件");
    imported.report.agency = Some("\u{202E}局革改和展发县阳沭".into());
    imported.report.title = Some("报告\u{2066}".into());
    let diagnostics = judged(&imported, Lang::En);
    let bidi = of(&diagnostics, Code::BidiControl);
    assert_eq!(bidi.len(), 3, "{diagnostics:#?}");
    assert!(bidi.iter().any(|d| d.message.starts_with("The agency's name holds characters that change the order")));
    assert!(bidi.iter().any(|d| d.message.starts_with("The title holds")));
    assert!(bidi.iter().any(|d| d.message.starts_with("This sentence holds")));
    assert_preview_inert(&imported.report, &diagnostics);
}

/// Text put together by markup from pieces that show as one figure is read as that figure, and markup
/// that reverses it is the same as the characters that do.
#[test]
fn html_cells_read_as_shown() {
    let table = |cell: &str| {
        format!(
            "<html><head><title>某局2023年政府信息公开工作年度报告</title></head><body><p>某局2023年政府信息公开工作年度报告</p>\
             <table><tr><td>（一）本年新收政府信息公开申请数量</td><td>自然人</td><td>总计</td></tr>\
             <tr><td>一、本年新收政府信息公开申请数量</td><td>{cell}</td><td>26</td></tr></table></body></html>"
        )
    };
    let read = |cell: &str| import::read_source(table(cell).as_bytes()).unwrap().0.dump();
    assert!(read("2<span style=\"font-size:0\">9</span>6").contains("| 26 |"));
    assert!(read("2<span style=\"FONT-SIZE: 0pt\"><b>9</b></span>6").contains("| 26 |"), "inherited");
    assert!(
        read("<div style=\"font-size:0\"><span style=\"font-size:14px\">26</span></div>").contains("| 26 |"),
        "set again"
    );
    assert!(read("2<span style=\"font-size:0.5em\">9</span>6").contains("| 296 |"), "small is not nothing");
    assert!(read("2<span style=\"opacity: 0\">9</span>6").contains("| 26 |"));
    assert!(read("<bdo dir=\"rtl\">62</bdo>").contains("| \u{202E}62\u{202C} |"));
    assert!(read("<span dir=\"rtl\">26</span>").contains("| \u{2067}26\u{2069} |"));
    assert!(
        read("<span style=\"unicode-bidi:bidi-override; direction: rtl\">62</span>").contains("| \u{202E}62\u{202C} |")
    );
    assert!(read("<span dir=\"ltr\">26</span>").contains("| 26 |"));
}
