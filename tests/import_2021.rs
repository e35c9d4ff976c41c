//! Today's format (2019 trial and 2021 tables A, B, C) read from the samples as published, from a
//! Markdown twin and a TSV twin of the 2023 sample, and form detection from the tables' structure.

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use disclosure_report::diagnostic::{Code, Detail};
use disclosure_report::form::labels::{match_row, RowIndex};
use disclosure_report::form::FormId;
use disclosure_report::import::{
    detect, import, import_markdown, import_text, import_tsv, structure_form, Evidence, Imported,
};

const S2023: &str = include_str!("fixtures/new-2023-shuyang-fagaiju.txt");
const S2023_MD: &str = include_str!("fixtures/new-2023-shuyang-fagaiju.md");
const S2023_TSV: &str = include_str!("fixtures/new-2023-shuyang-fagaiju.tsv");
const S2019: &str = include_str!("fixtures/new-2019-shanghai-bangongting.txt");

fn imported(text: &str) -> Imported {
    import(text).expect("the sample imports")
}

fn codes(i: &Imported) -> Vec<Code> {
    i.diagnostics.iter().map(|d| d.code).collect()
}

/// The id of a row of a table of a form, by table id and row index.
fn row_id(form: FormId, table: &str, row: Option<usize>) -> Option<&'static str> {
    let t = form.def().tables.iter().find(|t| t.id == table).expect("the table exists");
    row.map(|r| t.rows[r].id)
}

fn table(form: FormId, id: &str) -> &'static disclosure_report::form::TableDef {
    form.def().tables.iter().find(|t| t.id == id).expect("the table exists")
}

#[test]
fn the_2023_sample_imports_completely() {
    let i = imported(S2023);
    assert_eq!(i.report.form, FormId::F2021);
    assert_eq!(codes(&i), []);
    let cell = |id: &str| i.report.cell(id).to_string();
    assert_eq!(cell("B:1:natural"), "26");
    assert_eq!(cell("B:1:total"), "26");
    assert_eq!(cell("B:3.7:total"), "26");
    assert_eq!(cell("B:3.3.3:natural"), "0");
    assert_eq!(cell("B:3.6.3:total"), "0");
    assert_eq!(cell("B:4:natural"), "0");
    assert_eq!(cell("C:review:pending"), "1");
    assert_eq!(cell("C:review:total"), "1");
    assert_eq!(cell("C:suit_after_review:total"), "0");
    assert_eq!(cell("A:normative:in_force"), "18");
    assert_eq!(cell("A:normative:issued"), "8");
    assert_eq!(cell("A:fees:amount"), "0");
    // Blank cells of the source stay absent, never 0.
    assert!(!i.report.cells.contains_key("B:1:commercial"));
    // A: 10 cells; B: 25 rows × (自然人, 总计); C: 15.
    assert_eq!(i.report.cells.len(), 10 + 25 * 2 + 15);
}

#[test]
fn the_2023_metadata_and_narrative() {
    let r = imported(S2023).report;
    assert_eq!(r.year, Some(2023));
    assert_eq!(r.agency.as_deref(), Some("沭阳县发展和改革局"));
    assert_eq!(r.date.as_deref(), Some("2024-01-17"));
    assert_eq!(r.title.as_deref(), Some("沭阳县发展和改革局2023年政府信息公开年度报告"));
    assert!(r.narrative.starts_with("根据《中华人民共和国政府信息公开条例》"));
    assert!(r.narrative.contains("二、主动公开政府信息情况"));
    assert!(r.narrative.contains("六、其他需要报告的事项"));
    assert!(r.narrative.ends_with("2024年1月17日"));
    // Neither the converter's preamble, nor table rows, nor the sub-tables' captions.
    assert!(!r.narrative.contains("source:"));
    assert!(!r.narrative.contains("-----"));
    assert!(!r.narrative.contains('|'));
    assert!(!r.narrative.contains("第二十条第（一）项"));
    assert!(!r.narrative.contains("信息内容"));
}

#[test]
fn the_2019_sample_imports_completely() {
    let i = imported(S2019);
    assert_eq!(i.report.form, FormId::F2019);
    assert_eq!(codes(&i), []);
    let cell = |id: &str| i.report.cell(id).to_string();
    assert_eq!(cell("B:3.1:natural"), "258");
    assert_eq!(cell("B:3.1:commercial"), "12");
    assert_eq!(cell("B:1:total"), "859");
    assert_eq!(cell("B:3.7:total"), "805");
    assert_eq!(cell("A:procurement:amount"), "251000元");
    assert_eq!(cell("A:procurement:items"), "6");
    assert_eq!(cell("A:regulations:public_total"), "524");
    assert_eq!(cell("A:licensing:change"), "0");
    assert_eq!(cell("C:direct_suit:total"), "9");
    assert_eq!(cell("C:review:pending"), "2");
    assert_eq!(cell("C:review:upheld"), "5");
    // The 总计 column of the result rows is blank in the source: blank here, not 0.
    assert!(!i.report.cells.contains_key("B:3.1:total"));
    assert!(!i.report.cells.contains_key("B:3.6:natural"));
    assert!(!i.report.cells.contains_key("C:suit_after_review:total"));
    assert_eq!(i.report.year, Some(2019));
    assert_eq!(i.report.agency.as_deref(), Some("上海市人民政府办公厅"));
    // The 发布日期 line is the publication date.
    assert_eq!(i.report.date.as_deref(), Some("2020-01-31"));
    assert!(!i.report.narrative.contains("第二十条第（九）项"));
}

#[test]
fn the_markdown_twin_imports_to_the_same_cells() {
    let text = imported(S2023).report;
    let md = import_markdown(S2023_MD).expect("the Markdown twin imports");
    assert_eq!(codes(&md), []);
    assert_eq!(md.report.cells, text.cells);
    assert_eq!(md.report.form, text.form);
    assert_eq!((&md.report.year, &md.report.agency, &md.report.date), (&text.year, &text.agency, &text.date));
    assert_eq!(md.report.title, text.title);
    // Heading markers are layout, not narrative.
    assert!(md.report.narrative.contains("\n一、总体情况\n"));
    assert!(!md.report.narrative.contains('#'));
    // Auto-detection reads it as Markdown too.
    assert_eq!(imported(S2023_MD).report, md.report);
}

#[test]
fn the_tsv_twin_imports_to_the_same_cells() {
    let text = imported(S2023).report;
    let tsv = import_tsv(S2023_TSV).expect("the TSV twin imports");
    assert_eq!(codes(&tsv), []);
    assert_eq!(tsv.report.cells, text.cells);
    assert_eq!(imported(S2023_TSV).report.cells, text.cells);
}

#[test]
fn forms_are_detected_from_structure() {
    assert_eq!(detect(S2023), Some(FormId::F2021));
    assert_eq!(detect(S2023_MD), Some(FormId::F2021));
    assert_eq!(detect(S2019), Some(FormId::F2019));
    let s = structure_form(S2019);
    assert_eq!(s.form, Some(FormId::F2019));
    assert!(s.score(FormId::F2019) > s.score(FormId::F2021));
    let seen = |form: FormId, evidence: Evidence| s.signals.iter().any(|x| x.form == form && x.evidence == evidence);
    assert!(seen(FormId::F2019, Evidence::Column { label: "本年新制作数量".into() }));
    assert!(seen(FormId::F2019, Evidence::Column { label: "上一年项目数量".into() }));
    assert!(seen(FormId::F2019, Evidence::Caption { label: "第二十条第（九）项".into() }));
    assert!(seen(FormId::F2019, Evidence::Row { table: "A", row: "procurement" }));
    let s = structure_form(S2023);
    assert!(s
        .signals
        .iter()
        .any(|x| x.form == FormId::F2021 && x.evidence == Evidence::Row { table: "B", row: "3.6.1" }));
    assert!(!s
        .signals
        .iter()
        .any(|x| x.form == FormId::F2019 && x.evidence == Evidence::Row { table: "B", row: "3.6.1" }));
}

const B_ONLY: &str = "一、本年新收政府信息公开申请数量 | 3 |  |  |  |  |  | 3
三、本年度办理结果 / （一）予以公开 | 1 |  |  |  |  |  | 1
三、本年度办理结果 / （六）其他处理 | 2 |  |  |  |  |  | 2
三、本年度办理结果 / （七）总计 | 3 |  |  |  |  |  | 3";

#[test]
fn a_single_other_handling_row_points_to_the_2019_trial() {
    // Table B alone: the single （六） row with figures is the trial form's, since 2021 splits it.
    let s = structure_form(B_ONLY);
    assert!(s
        .signals
        .iter()
        .any(|x| x.form == FormId::F2019 && x.evidence == Evidence::SingleRow { table: "B", row: "3.6" }));
    assert_eq!(s.form, Some(FormId::F2019));
    let i = import_text(B_ONLY).unwrap();
    assert_eq!(i.report.cell("B:3.6:natural"), "2");
}

#[test]
fn the_year_decides_when_the_structure_cannot() {
    let rows = "一、本年新收政府信息公开申请数量 | 3 |  |  |  |  |  | 3\n（七）总计 | 3 |  |  |  |  |  | 3\n";
    let in_year = |year: u32| format!("某某局{year}年政府信息公开工作年度报告\n{rows}");
    assert_eq!(structure_form(&in_year(2020)).form, None);
    assert_eq!(detect(&in_year(2020)), Some(FormId::F2019));
    assert_eq!(detect(&in_year(2022)), Some(FormId::F2021));
    assert_eq!(import(&in_year(2020)).unwrap().report.form, FormId::F2019);
    assert_eq!(import(&in_year(2022)).unwrap().report.cell("B:3.7:total"), "3");
}

#[test]
fn rows_are_matched_by_label_not_by_position() {
    let shuffled = "某某局2023年政府信息公开工作年度报告
四、结转下年度继续办理 | 1 |  |  |  |  |  | 1
（七）总计 | 4 |  |  |  |  |  | 4
（三）不予公开 / 8.属于行政查询事项 | 2 |  |  |  |  |  | 2
（六）其他处理 / 3.其他 | 2 |  |  |  |  |  | 2
一、本年新收政府信息公开申请数量 | 5 |  |  |  |  |  | 5
";
    let i = import_text(shuffled).unwrap();
    assert_eq!(codes(&i), []);
    assert_eq!(i.report.cell("B:4:natural"), "1");
    assert_eq!(i.report.cell("B:3.7:total"), "4");
    assert_eq!(i.report.cell("B:3.3.8:natural"), "2");
    assert_eq!(i.report.cell("B:3.6.3:natural"), "2");
    assert_eq!(i.report.cell("B:1:total"), "5");
}

#[test]
fn a_row_with_the_wrong_count_of_numbers_is_unplaced_and_names_its_cells() {
    let text = "某某局2023年政府信息公开工作年度报告
一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 3
（七）总计 | 3 |  |  |  |  |  | 3
";
    let i = import_text(text).unwrap();
    assert_eq!(codes(&i), [Code::UnplacedRow]);
    let d = &i.diagnostics[0];
    assert!(d.cells.contains(&"B:1:natural".to_string()) && d.cells.contains(&"B:1:total".to_string()));
    assert_eq!(
        d.detail,
        Detail::Unplaced {
            line: 2, text: "一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 3".into(), at: None
        }
    );
    assert!(!i.report.cells.keys().any(|k| k.starts_with("B:1:")));
    assert_eq!(i.report.cell("B:3.7:total"), "3");
}

#[test]
fn an_optional_subtotal_column_is_read_when_all_eight_are_given() {
    let text = "某某局2023年政府信息公开工作年度报告
一、本年新收政府信息公开申请数量 | 3 | 1 | 0 | 0 | 0 | 1 | 2 | 5
";
    let i = import_text(text).unwrap();
    assert_eq!(i.report.cell("B:1:legal_subtotal"), "2");
    assert_eq!(i.report.cell("B:1:total"), "5");
}

#[test]
fn table_c_as_three_labelled_rows_under_a_header() {
    let text = "某某局2023年政府信息公开工作年度报告
| 情形 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |
|---|---|---|---|---|---|
| 行政复议 | 1 | 0 | 0 | 1 | 2 |
| 行政诉讼·未经复议直接起诉 | 0 | 1 | 0 | 0 | 1 |
| 复议后起诉 | 0 | 0 | 0 | 0 | 0 |
";
    let i = import(text).unwrap();
    assert_eq!(codes(&i), []);
    assert_eq!(i.report.cell("C:review:total"), "2");
    assert_eq!(i.report.cell("C:direct_suit:corrected"), "1");
    assert_eq!(i.report.cell("C:suit_after_review:upheld"), "0");
}

#[test]
fn a_header_row_decides_the_column_order() {
    // Columns in another order than the form's: the header says which is which.
    let text = "某某局2023年政府信息公开工作年度报告
信息内容 | 现行有效件数 | 本年制发件数 | 本年废止件数
规章 | 7 | 1 | 0
";
    let i = import_text(text).unwrap();
    assert_eq!(i.report.cell("A:regulations:in_force"), "7");
    assert_eq!(i.report.cell("A:regulations:issued"), "1");
    assert_eq!(i.report.cell("A:regulations:repealed"), "0");
}

#[test]
fn path_labels_resolve_within_their_group() {
    let b = table(FormId::F2021, "B");
    let find = |label: &str| row_id(FormId::F2021, "B", match_row(b, label));
    assert_eq!(find("三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密"), Some("3.3.1"));
    assert_eq!(find("三、本年度办理结果 / （五）不予处理 / 2.重复申请"), Some("3.5.2"));
    assert_eq!(find("三、本年度办理结果 / （六）其他处理 / 3.其他"), Some("3.6.3"));
    assert_eq!(find("（六）其他处理／3．其他"), Some("3.6.3"));
    assert_eq!(find("三、本年度办理结果 / （七）总计"), Some("3.7"));
    assert_eq!(find("三、（一）予以公开"), Some("3.1"));
    // A subtotal row some templates add is a row of its own, not its first item.
    assert_eq!(find("三、本年度办理结果 / （三）不予公开"), Some("3.3"));
    let b19 = table(FormId::F2019, "B");
    assert_eq!(row_id(FormId::F2019, "B", match_row(b19, "三、本年度办理结果 / （六）其他处理")), Some("3.6"));
}

#[test]
fn label_only_group_rows_give_context_to_the_rows_under_them() {
    let b = table(FormId::F2021, "B");
    let index = RowIndex::new(b);
    let group = index.find("（四）无法提供").expect("the group row");
    assert_eq!(b.rows[group].id, "3.4");
    assert_eq!(index.find_after("3. 补正后申请内容仍不明确", Some(group)).map(|r| b.rows[r].id), Some("3.4.3"));
    let other = index.find("（六）其他处理").expect("the group row");
    assert_eq!(index.find_after("3. 其他", Some(other)).map(|r| b.rows[r].id), Some("3.6.3"));
}
