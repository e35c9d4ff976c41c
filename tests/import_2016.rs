//! The 2014–2018 statistics table read from the sample report as published (plain text with `|`
//! rows), as TSV, and as the project's JSON; and the label variants people write.

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use disclosure_report::diagnostic::{Code, Detail, Severity};
use disclosure_report::form::labels::{match_row, RowIndex};
use disclosure_report::form::FormId;
use disclosure_report::import::{detect, import, import_json, import_text, import_tsv, to_json, Imported};

const SAMPLE: &str = include_str!("fixtures/2016-liupanshui-seed.txt");

fn sample() -> Imported {
    import(SAMPLE).expect("the 2016 sample imports")
}

fn codes(i: &Imported) -> Vec<Code> {
    i.diagnostics.iter().map(|d| d.code).collect()
}

/// The 2016 row a label names, by id.
fn row(label: &str) -> Option<&'static str> {
    let table = &FormId::F2016.def().tables[0];
    match_row(table, label).map(|r| table.rows[r].id)
}

#[test]
fn the_sample_imports_completely() {
    let i = sample();
    assert_eq!(i.report.form, FormId::F2016);
    assert_eq!(codes(&i), []);
    let cell = |id: &str| i.report.cell(id).to_string();
    assert_eq!(cell("1.1"), "645");
    assert_eq!(cell("1.2.2"), "927");
    // A heading row with its value in the unit column.
    assert_eq!(cell("1.2"), "976");
    assert_eq!(cell("2"), "19");
    assert_eq!(cell("2.2"), "17");
    // The sample's typos: 制发规范文件性文件总数, 2.兼职人数.
    assert_eq!(cell("1.1.b"), "0");
    assert_eq!(cell("8.3.2"), "1");
    assert_eq!(cell("7"), "0");
    assert_eq!(cell("8.4"), "2");
    assert_eq!(cell("9.3"), "6");
    assert_eq!(cell("3.3.2"), "1");
    // Every cell is read but the three headings the sample leaves blank.
    let form = FormId::F2016.def();
    let absent: Vec<String> =
        form.cells().map(|c| form.cell_id(c)).filter(|id| !i.report.cells.contains_key(id)).collect();
    assert_eq!(absent, ["1", "8", "9"]);
    assert_eq!(i.report.cells.len(), form.cells().count() - 3);
}

#[test]
fn rows_shared_by_two_sections_go_to_the_section_being_read() {
    // （二）被依法纠错数 and （三）其他情形数 are both under 四 and 五: the sample gives them all 0, so
    // use distinct figures to see each lands where it belongs.
    let text = "四、行政复议数量 | 件 | 3 |
（一）维持具体行政行为数 | 件 | 1 |
（二）被依法纠错数 | 件 | 1 |
（三）其他情形数 | 件 | 1 |
五、行政诉讼数量 | 件 | 6 |
（一）维持具体行政行为或者驳回原告诉讼请求数 | 件 | 2 |
（二）被依法纠错数 | 件 | 2 |
（三）其他情形数 | 件 | 2 |
";
    let i = import_text(text).unwrap();
    assert_eq!(codes(&i), []);
    assert_eq!(i.report.cell("4.2"), "1");
    assert_eq!(i.report.cell("4.3"), "1");
    assert_eq!(i.report.cell("5.2"), "2");
    assert_eq!(i.report.cell("5.3"), "2");
}

#[test]
fn the_metadata_and_narrative() {
    let r = sample().report;
    assert_eq!(r.year, Some(2016));
    assert_eq!(r.agency.as_deref(), Some("www. 57365.com"));
    assert_eq!(r.date.as_deref(), Some("2017-02-16"));
    assert_eq!(r.title.as_deref(), Some("www. 57365.com2016年政府信息公开工作年度报告"));
    assert!(r.narrative.starts_with("根据《市政务公开工作领导小组办公室"));
    assert!(r.narrative.contains("\n一、概述\n"));
    assert!(r.narrative.ends_with("2017年2月16日"));
    assert!(!r.narrative.contains("统计指标"));
    assert!(!r.narrative.contains("填报单位"));
}

#[test]
fn the_sample_is_detected_as_the_2016_form() {
    assert_eq!(detect(SAMPLE), Some(FormId::F2016));
}

#[test]
fn label_variants_match_their_row() {
    assert_eq!(row("制发规范文件性文件总数"), Some("1.1.b"));
    assert_eq!(row("2.兼职人数"), Some("8.3.2"));
    assert_eq!(row("２．兼职人员数"), Some("8.3.2"));
    assert_eq!(row("(一)主动公开政府信息数 (不同渠道和方式公开相同信息计1条)"), Some("1.1"));
    assert_eq!(row("（一）主动公开政府信息数"), Some("1.1"));
    assert_eq!(row("其中:主动公开规范性文件数"), Some("1.1.a"));
    assert_eq!(row("3、网络申请"), Some("3.1.3"));
    assert_eq!(row("<td><b>（一）收到申请数</b></td>"), Some("3.1"));
    assert_eq!(row("不是《条例》所指政府信息"), Some("3.3.4.e"));
    assert_eq!(row("六、举报投诉数量"), Some("6"));
    // A typo the form does not list, close to one row only.
    assert_eq!(row("2.政府网站在线访淡次数"), Some("2.2.2"));
}

#[test]
fn doubtful_labels_match_nothing() {
    // As close to 政务微博 as to 政务微信: no guess.
    assert_eq!(row("政务微波公开政府信息数"), None);
    // Under both 四 and 五: no guess without context.
    assert_eq!(row("（二）被依法纠错数"), None);
    assert_eq!(row("其他"), None);
    assert_eq!(row(""), None);
    assert_eq!(row("（不同渠道和方式公开相同信息计1条）"), None);
    // With the row before it as context, the same label resolves.
    let table = &FormId::F2016.def().tables[0];
    let index = RowIndex::new(table);
    let under = |id: &str| table.rows.iter().position(|r| r.id == id);
    let found = index.find_after("（二）被依法纠错数", under("5.1")).map(|r| table.rows[r].id);
    assert_eq!(found, Some("5.2"));
}

#[test]
fn tsv_with_label_unit_and_value_columns() {
    let tsv = "某某局2016年政府信息公开工作年度报告\n统计指标\t单位\t统计数\n（一）收到申请数\t件\t4\n1.当面申请数\t件\t1\n3.网络申请数\t件\t3\n（二）通过不同渠道和方式公开政府信息的情况\t12\t\n八、机构建设和保障经费情况\t\t\n";
    let i = import_tsv(tsv).unwrap();
    assert_eq!(i.report.form, FormId::F2016);
    assert_eq!(codes(&i), []);
    assert_eq!(i.report.cell("3.1"), "4");
    assert_eq!(i.report.cell("3.1.1"), "1");
    assert_eq!(i.report.cell("3.1.3"), "3");
    assert_eq!(i.report.cell("1.2"), "12");
    assert!(!i.report.cells.contains_key("8"));
    assert_eq!(import(tsv).unwrap().report, i.report);
}

#[test]
fn two_rows_giving_one_cell_different_values_are_an_error_and_the_first_is_kept() {
    let text = "（一）收到申请数 | 件 | 4 |\n（一）收到申请数 | 件 | 5 |\n（二）申请办结数 | 件 | 4 |\n（二）申请办结数 | 件 | 4 |\n";
    let i = import_text(text).unwrap();
    assert_eq!(codes(&i), [Code::DuplicateCell]);
    let d = &i.diagnostics[0];
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(d.cells, ["3.1"]);
    assert_eq!(d.detail, Detail::Duplicate { line: 2, first: "4".into(), second: "5".into(), at: None });
    assert_eq!(i.report.cell("3.1"), "4");
    assert_eq!(i.report.cell("3.2"), "4");
}

#[test]
fn a_row_that_names_no_row_is_reported_with_its_text() {
    let text = "（一）收到申请数 | 件 | 4 |\n（五）本年度新增指标数 | 件 | 7 |\n";
    let i = import_text(text).unwrap();
    assert_eq!(codes(&i), [Code::UnplacedRow]);
    assert_eq!(i.diagnostics[0].severity, Severity::Info);
    assert!(i.diagnostics[0].cells.is_empty());
    assert_eq!(
        i.diagnostics[0].detail,
        Detail::Unplaced { line: 2, text: "（五）本年度新增指标数 | 件 | 7 |".into(), at: None }
    );
}

#[test]
fn cells_keep_the_text_as_typed() {
    let text = "（一）收到申请数 | 件 | ６４５条 |\n（二）申请办结数 | 件 | 1,234 |\n七、依申请公开信息收取的费用 | 万元 | 0.5万元 |\n";
    let r = import_text(text).unwrap().report;
    assert_eq!(r.cell("3.1"), "６４５条");
    assert_eq!(r.cell("3.2"), "1,234");
    assert_eq!(r.cell("7"), "0.5万元");
}

#[test]
fn json_round_trips_exactly() {
    let report = sample().report;
    let json = to_json(&report);
    let back = import_json(&json).expect("the project's JSON reads back");
    assert_eq!(back.report, report);
    assert_eq!(codes(&back), []);
    assert_eq!(to_json(&back.report), json);
    // Auto-detection reads JSON as JSON.
    assert_eq!(import(&json).unwrap().report, report);
    assert_eq!(detect(&json), Some(FormId::F2016));
}

#[test]
fn json_fields_are_camel_case_and_cells_are_by_id() {
    let json = to_json(&sample().report);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["format"], "disclosure-report");
    assert_eq!(value["version"], 1);
    assert_eq!(value["form"], "2016");
    assert_eq!(value["year"], 2016);
    assert_eq!(value["date"], "2017-02-16");
    assert_eq!(value["cells"]["1.2.2"], "927");
}
