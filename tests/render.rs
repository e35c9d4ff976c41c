//! The preview: snapshots of each rendering (zh), the official layout read from the definitions,
//! findings tied to their cells, and escaping. Fixtures and snapshots are embedded with
//! `include_str!`, so the same tests run natively and in the browser; `UPDATE_SNAPSHOTS=1 cargo test
//! --test render` rewrites the snapshots (natively), which are then read and reviewed by a person.

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use disclosure_report::diagnostic::{Code, Detail, Diagnostic, Quote, Severity};
use disclosure_report::form::FormId;
use disclosure_report::import::{import, Imported};
use disclosure_report::messages::Lang;
use disclosure_report::render::{self, cell_anchor, display_width, RenderOptions};
use disclosure_report::report::Report;
use disclosure_report::value::Amount;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

const SAMPLE_2016: &str = include_str!("fixtures/2016-liupanshui-seed.txt");
const SAMPLE_2023: &str = include_str!("fixtures/new-2023-shuyang-fagaiju.txt");

const ZH: RenderOptions = RenderOptions { lang: Lang::Zh, standalone: false };

// ---------------------------------------------------------------------------------------------
// The samples, as the importer reads them.

fn sample(text: &str) -> Imported {
    import(text).expect("the sample is read")
}

fn report_2016() -> Report {
    sample(SAMPLE_2016).report
}

fn report_2023() -> Report {
    sample(SAMPLE_2023).report
}

/// The 2023 sample with B 3.7 总计 mistyped (27 where 26 adds up) and B 3.2 总计 left blank.
fn report_2023_mistyped() -> Report {
    let mut report = report_2023();
    report.cells.insert("B:3.7:total".into(), "27".into());
    report.cells.remove("B:3.2:total");
    report
}

/// A quote of `text` where it occurs in the narrative, offsets in UTF-16 as the browser counts.
fn quote(report: &Report, text: &str) -> Quote {
    let at = report.narrative.find(text).expect("the quote is in the narrative");
    let start = report.narrative[..at].encode_utf16().count();
    Quote { text: text.into(), section: None, start, end: start + text.encode_utf16().count() }
}

fn diagnostic(code: Code, severity: Severity, cells: &[&str], message: &str) -> Diagnostic {
    let mut d = Diagnostic::new(code, severity, cells.iter().map(|c| c.to_string()).collect(), Detail::Blank);
    d.message = message.into();
    d
}

/// What the checks find in the 2016 sample, messages as the edge makes them in Chinese.
fn findings_2016(report: &Report) -> Vec<Diagnostic> {
    let channel = diagnostic(
        Code::ChannelExceedsTotal,
        Severity::Warning,
        &["1.2.2", "1.1"],
        "政府网站公开政府信息数（927）大于主动公开政府信息数（645）",
    )
    .with_figures(Amount::from_int(645), Amount::from_int(927));
    let mut narrative = diagnostic(
        Code::NarrativeMismatch,
        Severity::Warning,
        &["1.2.2"],
        "正文称通过门户网站公开783条，统计表为927条",
    );
    narrative.detail = Detail::Report { quote: Some(quote(report, "通过门户网站公开783条")), facts: vec![] };
    let agency = diagnostic(Code::SuspiciousAgency, Severity::Warning, &[], "填报单位“www. 57365.com”不是机关名称");
    vec![channel, narrative, agency]
}

fn findings_2023() -> Vec<Diagnostic> {
    vec![
        diagnostic(
            Code::SumMismatch,
            Severity::Error,
            &["B:3.7:total", "B:3.1:total", "B:3.2:total"],
            "（七）总计·总计应为26，填写的是27",
        )
        .with_figures(Amount::from_int(26), Amount::from_int(27)),
        diagnostic(Code::Missing, Severity::Warning, &["B:3.2:total"], ""),
    ]
}

// ---------------------------------------------------------------------------------------------
// Snapshots.

fn assert_snapshot(name: &str, expected: &str, actual: &str) {
    #[cfg(not(target_arch = "wasm32"))]
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|v| v == "1") {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots").join(name);
        std::fs::write(&path, actual).expect("the snapshot is written");
        return;
    }
    if expected != actual {
        let line = expected.lines().zip(actual.lines()).position(|(e, a)| e != a);
        let (line, e, a) = match line {
            Some(n) => (n + 1, expected.lines().nth(n).unwrap_or(""), actual.lines().nth(n).unwrap_or("")),
            None => (expected.lines().count().min(actual.lines().count()) + 1, "(end)", "(end)"),
        };
        panic!(
            "the rendering differs from tests/snapshots/{name} at line {line}:\n  expected: {e}\n  actual:   {a}\n\
             Rerun with UPDATE_SNAPSHOTS=1 to accept the new rendering, then read the snapshot."
        );
    }
}

#[test]
fn snapshot_2016_html_zh() {
    let report = report_2016();
    let html = render::html(&report, &findings_2016(&report), &ZH);
    assert_snapshot("render-2016.zh.html", include_str!("snapshots/render-2016.zh.html"), &html);
}

#[test]
fn snapshot_2016_text_zh() {
    let report = report_2016();
    let text = render::text(&report, &findings_2016(&report), &ZH);
    assert_snapshot("render-2016.zh.txt", include_str!("snapshots/render-2016.zh.txt"), &text);
}

/// The 2023 sample has nothing to find: it is drawn with what the import itself reported.
#[test]
fn snapshot_2023_html_zh() {
    let imported = sample(SAMPLE_2023);
    let html = render::html(&imported.report, &imported.diagnostics, &ZH);
    assert_snapshot("render-2023.zh.html", include_str!("snapshots/render-2023.zh.html"), &html);
}

#[test]
fn snapshot_2023_text_zh() {
    let imported = sample(SAMPLE_2023);
    let text = render::text(&imported.report, &imported.diagnostics, &ZH);
    assert_snapshot("render-2023.zh.txt", include_str!("snapshots/render-2023.zh.txt"), &text);
}

// ---------------------------------------------------------------------------------------------
// Structure, read from the definitions.

/// The start tag of the element with this id.
fn start_tag<'h>(html: &'h str, id: &str) -> &'h str {
    let needle = format!(" id=\"{id}\"");
    let at = html.find(&needle).unwrap_or_else(|| panic!("no element with id {id}"));
    let open = html[..at].rfind('<').unwrap();
    let close = at + html[at..].find('>').unwrap();
    &html[open..=close]
}

/// The content of the element whose start tag has this id, up to its first end tag.
fn content<'h>(html: &'h str, id: &str) -> &'h str {
    let tag = start_tag(html, id);
    let start = html.find(tag).unwrap() + tag.len();
    let end = start + html[start..].find("</").unwrap();
    &html[start..end]
}

#[test]
fn every_cell_of_the_form_is_drawn_with_its_text_as_typed() {
    let mut report = report_2016();
    report.cells.insert("3.1.3".into(), "１件".into());
    report.cells.remove("1.1.a");
    let html = render::html(&report, &[], &ZH);
    let def = report.form.def();
    for cell in def.cells() {
        let id = def.cell_id(cell);
        assert_eq!(content(&html, &cell_anchor(&id)), report.cell(&id), "cell {id}");
    }
    assert!(start_tag(&html, "cell-1.1.a").contains("dr-blank"), "a blank cell stays blank");
    assert!(!start_tag(&html, "cell-1.1").contains("dr-blank"));
}

#[test]
fn every_form_draws_every_filled_cell_once() {
    for form in FormId::ALL {
        let def = form.def();
        let mut report = Report::new(form);
        for cell in def.cells() {
            report.cells.insert(def.cell_id(cell), "1".into());
        }
        let html = render::html(&report, &[], &ZH);
        for cell in def.cells() {
            let anchor = cell_anchor(&def.cell_id(cell));
            assert_eq!(html.matches(&format!(" id=\"{anchor}\"")).count(), 1, "{form:?} {anchor}");
        }
        let text = render::text(&report, &[], &ZH);
        for table in def.tables {
            assert!(text.contains(table.title), "{form:?} {}", table.title);
        }
    }
}

#[test]
fn the_2016_table_is_an_attachment_after_the_date_with_units() {
    let report = report_2016();
    let html = render::html(&report, &[], &ZH);
    let date = html.find("class=\"dr-date\"").expect("the date is drawn");
    let attachment = html.find("class=\"dr-attachment\"").expect("the table is attached");
    assert!(date < attachment);
    assert_eq!(html.matches("2017年2月16日").count(), 1, "the narrative's closing date is drawn once");
    assert!(html.contains("<table class=\"dr-form dr-indicators\""));
    // Every row's unit is drawn.
    let def = report.form.def();
    let units = html.matches("<td class=\"dr-unit\">").count();
    assert_eq!(units, def.tables[0].rows.len());
    // The narrative's four parts are headings, not paragraphs; the numbered paragraphs of 四 are not.
    assert_eq!(html.matches("<h2 id=\"dr-part-").count(), 4);
    assert!(html.matches("<h3 id=\"dr-part-").count() >= 11);
}

#[test]
fn tables_of_today_sit_in_the_parts_that_name_them() {
    let report = report_2023();
    let html = render::html(&report, &[], &ZH);
    let def = report.form.def();
    let positions: Vec<usize> = def
        .tables
        .iter()
        .map(|t| html.find(&format!("data-table=\"{}\"", t.id)).unwrap_or_else(|| panic!("table {} drawn", t.id)))
        .collect();
    let parts: Vec<usize> = html.match_indices("<h2 id=\"dr-part-").map(|(i, _)| i).collect();
    assert_eq!(parts.len(), 6, "the six parts");
    // A in 二, B in 三, C in 四.
    for (t, part) in [(0, 1), (1, 2), (2, 3)] {
        assert!(parts[part] < positions[t] && positions[t] < parts[part + 1], "table {} in part {}", t, part + 1);
    }
    assert!(!html.contains("dr-attachment"));
    // The title the narrative opens with is drawn once, as the title.
    assert_eq!(html.matches("2023年政府信息公开年度报告").count(), 1);
    assert!(html.contains("<p class=\"dr-signature\">沭阳县发展和改革局</p>"));
}

#[test]
fn table_b_merges_the_header_of_the_legal_person_columns() {
    let mut report = report_2023();
    let def = report.form.def();
    let b = def.tables.iter().find(|t| t.id == "B").unwrap();
    let group = b.columns.iter().find(|c| !c.group.is_empty()).unwrap().group;
    let official = b.columns.iter().filter(|c| c.group == group && !c.optional).count();
    let html = render::html(&report, &[], &ZH);
    assert!(html.contains(&format!("<th scope=\"colgroup\" colspan=\"{official}\">{group}</th>")));
    // Columns outside the group span both header rows.
    assert_eq!(
        html.matches("<th scope=\"col\" rowspan=\"2\">").count(),
        b.columns.iter().filter(|c| c.group.is_empty()).count()
    );
    // The optional subtotal column is drawn once it is filled, under the same merged header.
    let subtotal = b.columns.iter().find(|c| c.optional).unwrap();
    assert!(!html.contains(&format!("data-column=\"{}\"", subtotal.id)));
    report.cells.insert(format!("B:1:{}", subtotal.id), "0".into());
    let html = render::html(&report, &[], &ZH);
    assert!(html.contains(&format!("<th scope=\"colgroup\" colspan=\"{}\">{group}</th>", official + 1)));
    assert!(html.contains(&format!("data-column=\"{}\"", subtotal.id)));
}

#[test]
fn table_a_is_drawn_as_its_sub_tables_under_their_captions() {
    let report = report_2023();
    let def = report.form.def();
    let a = def.tables.iter().find(|t| t.id == "A").unwrap();
    let mut captions: Vec<&str> = a.rows.iter().map(|r| a.row_columns(r)[0].group).collect();
    captions.dedup();
    let html = render::html(&report, &[], &ZH);
    let section = &html[html.find("data-table=\"A\"").unwrap()..html.find("data-table=\"B\"").unwrap()];
    assert_eq!(section.matches("<table ").count(), captions.len());
    for caption in captions {
        assert!(section.contains(&format!("scope=\"colgroup\">{caption}</th>")), "{caption}");
    }
}

#[test]
fn unfilled_subtotal_rows_of_a_matrix_head_their_rows() {
    let report = report_2023();
    let html = render::html(&report, &[], &ZH);
    // （三）…（六） carry no value on the official form: drawn as labels over their rows, no cells.
    for row in ["3.3", "3.4", "3.5", "3.6"] {
        assert!(!html.contains(&format!("id=\"{}\"", cell_anchor(&format!("B:{row}:total")))), "{row}");
    }
    assert_eq!(html.matches("<tr class=\"dr-group\">").count(), 4);
}

// ---------------------------------------------------------------------------------------------
// Findings.

#[test]
fn a_cell_with_findings_is_marked_and_each_finding_links_to_its_cell() {
    let report = report_2023_mistyped();
    let html = render::html(&report, &findings_2023(), &ZH);
    let cell = start_tag(&html, "cell-B-3.7-total");
    assert!(cell.contains("dr-flagged dr-error"), "{cell}");
    assert!(cell.contains("aria-describedby=\"dr-finding-1\""), "{cell}");
    // B 3.2 总计 is concerned by both findings; the more severe one colours it.
    let blank = start_tag(&html, "cell-B-3.2-total");
    assert!(blank.contains("dr-blank dr-flagged dr-error"), "{blank}");
    assert!(blank.contains("aria-describedby=\"dr-finding-1 dr-finding-2\""), "{blank}");
    // A cell no finding concerns is not marked.
    assert!(!start_tag(&html, "cell-B-1-total").contains("dr-flagged"));

    let first = start_tag(&html, "dr-finding-1");
    assert!(first.contains("data-code=\"sum-mismatch\"") && first.contains("data-cell=\"B:3.7:total\""), "{first}");
    let list = &html[html.find("class=\"dr-findings\"").unwrap()..];
    assert!(list.contains("href=\"#cell-B-3.7-total\""));
    assert!(list.contains("href=\"#cell-B-3.2-total\""));
    // An empty message shows the code.
    assert!(list.contains("<span class=\"dr-message\">missing</span>"));
}

#[test]
fn a_quoted_sentence_is_marked_in_the_narrative_and_linked() {
    let report = report_2016();
    let findings = findings_2016(&report);
    let html = render::html(&report, &findings, &ZH);
    assert_eq!(content(&html, "dr-quote-2"), "通过门户网站公开783条");
    assert!(start_tag(&html, "dr-quote-2").contains("aria-describedby=\"dr-finding-2\""));
    assert!(html.contains("href=\"#dr-quote-2\""));
    // A finding with no cell of the form (the agency) is listed without a link to a cell.
    assert!(!start_tag(&html, "dr-finding-3").contains("data-cell"));

    // A quote whose offsets no longer point at its text is not marked.
    let mut stale = findings.clone();
    if let Detail::Report { quote: Some(q), .. } = &mut stale[1].detail {
        q.start += 1;
        q.end += 1;
    }
    let html = render::html(&report, &stale, &ZH);
    assert!(!html.contains("dr-quote-2"));
}

#[test]
fn without_findings_there_is_no_findings_list() {
    let report = report_2016();
    let html = render::html(&report, &[], &ZH);
    assert!(!html.contains("dr-findings") && !html.contains("dr-flagged"));
    let text = render::text(&report, &[], &ZH);
    assert!(!text.contains("[1]"));
}

#[test]
fn the_findings_list_speaks_the_chosen_language_and_the_report_stays_chinese() {
    let report = report_2016();
    let findings = findings_2016(&report);
    let en = render::html(&report, &findings, &RenderOptions { lang: Lang::En, standalone: false });
    let zh = render::html(&report, &findings, &ZH);
    assert!(en.contains("<aside class=\"dr-findings\" aria-labelledby=\"dr-findings-title\" lang=\"en\">"));
    assert!(zh.contains("<aside class=\"dr-findings\" aria-labelledby=\"dr-findings-title\" lang=\"zh-CN\">"));
    assert!(en.starts_with("<article class=\"dr-preview\" lang=\"zh-CN\">"));
    assert_ne!(en, zh);
}

// ---------------------------------------------------------------------------------------------
// The standalone document.

#[test]
fn standalone_is_a_whole_document_with_the_style_sheet() {
    let report = report_2016();
    let html = render::html(&report, &[], &RenderOptions { lang: Lang::Zh, standalone: true });
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
    assert!(html.contains("<meta charset=\"utf-8\">"));
    assert!(html.contains(render::STYLE_SHEET));
    assert!(render::STYLE_SHEET.contains("@page") && render::STYLE_SHEET.contains("size: A4"));
    assert!(html.contains("<article class=\"dr-preview\""));
    assert!(html.trim_end().ends_with("</html>"));
}

// ---------------------------------------------------------------------------------------------
// Nothing a report says becomes markup.

const SCRIPT: &str = "<script>alert(1)</script>";
const IMG: &str = "<img src=x onerror=alert(1)>";

fn hostile_report() -> Report {
    let mut report = report_2016();
    report.title = Some(format!("标题{SCRIPT}"));
    report.agency = Some(format!("{IMG}\"'&"));
    report.narrative = format!("一、概述{SCRIPT}\n正文{IMG}与{SCRIPT}。\n{}", report.narrative);
    report.cells.insert("1.1".into(), IMG.into());
    report.cells.insert("1.2.2".into(), format!("927{SCRIPT}"));
    report
}

fn hostile_findings(report: &Report) -> Vec<Diagnostic> {
    let mut findings = findings_2016(report);
    findings[0].message = format!("消息{IMG}");
    // A cell id no form has, crafted to break out of an attribute.
    findings.push(diagnostic(Code::InvalidNumber, Severity::Error, &["1.1\" onmouseover=\"alert(1)", "1.1"], SCRIPT));
    findings
}

#[test]
fn markup_in_a_report_renders_as_text_in_html() {
    let report = hostile_report();
    for standalone in [false, true] {
        let html = render::html(&report, &hostile_findings(&report), &RenderOptions { lang: Lang::Zh, standalone });
        let lower = html.to_lowercase();
        assert!(!lower.contains("<script"), "a script element was written");
        assert!(!lower.contains("<img"), "an img element was written");
        assert!(!lower.contains("onmouseover=\""), "an attribute was injected");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
        // In the title, the agency, a heading of the narrative, a cell, a message.
        assert!(html.contains("<h1 class=\"dr-title\">标题&lt;script&gt;"));
        assert!(html.contains("填报单位：&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;"));
        assert!(html.contains(">一、概述&lt;script&gt;alert(1)&lt;/script&gt;</h2>"));
        assert!(content(&html, "cell-1.1").starts_with("&lt;img src=x onerror=alert(1)&gt;<sup class=\"dr-refs\">"));
        assert!(html.contains("<span class=\"dr-message\">消息&lt;img"));
    }
}

#[test]
fn markup_in_a_report_stays_as_typed_in_text() {
    let report = hostile_report();
    let text = render::text(&report, &hostile_findings(&report), &ZH);
    assert!(text.contains(&format!("正文{IMG}与{SCRIPT}。")));
}

// ---------------------------------------------------------------------------------------------
// Plain text.

#[test]
fn text_columns_align_by_display_width() {
    let report = report_2016();
    let text = render::text(&report, &findings_2016(&report), &ZH);
    let line_of =
        |start: &str| text.lines().find(|l| l.trim_start().starts_with(start)).unwrap_or_else(|| panic!("{start}"));
    // The value column ends at the same column on every row, whatever the label's script.
    let right = display_width(line_of("（一）主动公开政府信息数"));
    for row in [
        "2．政府网站公开政府信息数",
        "3．政务微博公开政府信息数",
        "七、依申请公开信息收取的费用",
        "（三）接受培训人员数",
    ] {
        assert_eq!(display_width(line_of(row)), right, "{row}");
    }
    // The cell with findings carries their numbers, the list explains them.
    assert!(line_of("2．政府网站公开政府信息数").ends_with("927 [1,2]"));
    assert!(text.contains("通过门户网站公开783条[2]"));
    assert!(text.lines().any(|l| l.starts_with("[3] ")));
}

#[test]
fn text_puts_the_tables_of_today_in_their_parts() {
    let report = report_2023_mistyped();
    let text = render::text(&report, &findings_2023(), &ZH);
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("{s}"));
    assert!(at("三、收到和处理政府信息公开申请情况") < at("法人或其他组织"));
    assert!(at("法人或其他组织") < at("四、政府信息公开行政复议、行政诉讼情况"));
    let total = text.lines().find(|l| l.trim_start().starts_with("（七）总计")).unwrap();
    assert!(total.ends_with("27 [1]"), "{total}");
}
