//! A catalogue of bad input for the importers: each gives a clear diagnostic or a clear
//! `ImportError`, never a panic, and the user's text is kept. Property tests (native only) throw
//! arbitrary text at the importers and arbitrary reports through JSON.

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use disclosure_report::diagnostic::{Code, Detail, Severity};
use disclosure_report::form::FormId;
use disclosure_report::import::{import, import_json, import_markdown, import_text, import_tsv, ImportError, Imported};
use disclosure_report::messages::Lang;

const TITLE: &str = "某某局2016年政府信息公开工作年度报告\n";
const GOOD_ROW: &str = "（一）收到申请数 | 件 | 4 |\n";

fn ok(input: &str) -> Imported {
    match import(input) {
        Ok(i) => i,
        Err(e) => panic!("expected an import, got {e:?}"),
    }
}

fn err(input: &str) -> ImportError {
    match import(input) {
        Ok(i) => panic!("expected an error, got {:?}", i.report.cells),
        Err(e) => {
            // Every error says why, in both languages.
            assert!(!e.message(Lang::Zh).is_empty() && !e.message(Lang::En).is_empty());
            e
        }
    }
}

fn codes(i: &Imported) -> Vec<Code> {
    i.diagnostics.iter().map(|d| d.code).collect()
}

fn unplaced_text(i: &Imported) -> Vec<(usize, String)> {
    i.diagnostics
        .iter()
        .filter_map(|d| match &d.detail {
            Detail::Unplaced { line, text, .. } => Some((*line, text.clone())),
            _ => None,
        })
        .collect()
}

#[test]
fn empty_file() {
    assert_eq!(err(""), ImportError::Empty);
}

#[test]
fn only_whitespace_and_line_breaks() {
    assert_eq!(err(" \n\t\r\n\u{3000}\n"), ImportError::Empty);
}

#[test]
fn only_a_byte_order_mark() {
    assert_eq!(err("\u{FEFF}"), ImportError::Empty);
}

#[test]
fn binary_junk() {
    let bytes: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    let text = String::from_utf8_lossy(&bytes);
    assert!(matches!(err(&text), ImportError::NoTable { .. } | ImportError::NoRecognisableRow { .. }));
}

#[test]
fn nul_and_control_characters() {
    let text = format!("\0\u{1}\u{7}|\u{1b}[31m|\0\n{GOOD_ROW}");
    let i = ok(&text);
    assert_eq!(i.report.cell("3.1"), "4");
}

#[test]
fn a_five_megabyte_line_of_text() {
    let text = "政".repeat(5 * 1024 * 1024 / 3);
    assert!(matches!(err(&text), ImportError::NoTable { lines: 1 }));
}

#[test]
fn a_five_megabyte_label_among_good_rows() {
    let huge = "收".repeat(5 * 1024 * 1024 / 3);
    let line = format!("{huge} | 件 | 9 |");
    let i = ok(&format!("{TITLE}{GOOD_ROW}{line}\n"));
    assert_eq!(i.report.cell("3.1"), "4");
    assert_eq!(unplaced_text(&i), [(3, line)]);
}

#[test]
fn a_five_megabyte_cell_is_kept_as_typed() {
    let huge = "9".repeat(5 * 1024 * 1024);
    let i = ok(&format!("{TITLE}（一）收到申请数 | 件 | {huge} |\n"));
    assert_eq!(i.report.cell("3.1").len(), huge.len());
}

#[test]
fn narrative_without_a_table() {
    let e = err("某某局2023年政府信息公开工作年度报告\n一、总体情况\n本年度无申请。\n");
    assert_eq!(e, ImportError::NoTable { lines: 3 });
}

#[test]
fn a_table_with_no_recognisable_rows() {
    let e = err("报告\n\n姓名 | 年龄 | 城市\n张三 | 30 | 北京\n李四 | 41 | 上海\n");
    assert_eq!(e, ImportError::NoRecognisableRow { rows: 3, first_line: 3 });
    assert!(e.message(Lang::En).contains("line 3"));
    assert!(e.message(Lang::Zh).contains("第 3 行"));
}

#[test]
fn a_table_of_blank_rows() {
    assert!(matches!(err("| | |\n|  |  |\n"), ImportError::NoRecognisableRow { rows: 2, .. }));
}

#[test]
fn only_markdown_delimiter_rows() {
    assert!(matches!(err("|---|---|\n|:--|--:|\n"), ImportError::NoTable { .. }));
}

#[test]
fn duplicate_rows_with_different_values() {
    let i = ok(&format!("{TITLE}{GOOD_ROW}（一）收到申请数 | 件 | 40 |\n"));
    assert_eq!(codes(&i), [Code::DuplicateCell]);
    assert_eq!(i.diagnostics[0].severity, Severity::Error);
    assert_eq!(i.diagnostics[0].cells, ["3.1"]);
    assert_eq!(
        i.diagnostics[0].detail,
        Detail::Duplicate { line: 3, first: "4".into(), second: "40".into(), at: None }
    );
}

#[test]
fn duplicate_rows_with_the_same_value() {
    let i = ok(&format!("{TITLE}{GOOD_ROW}{GOOD_ROW}"));
    assert_eq!(codes(&i), []);
}

#[test]
fn html_in_a_label() {
    let i = ok(&format!("{TITLE}<tr><td>（二）申请办结数</td> | 件 | 3 |\n"));
    assert_eq!(codes(&i), []);
    assert_eq!(i.report.cell("3.2"), "3");
}

#[test]
fn html_in_a_value_is_kept_as_typed() {
    let i = ok(&format!("{TITLE}（二）申请办结数 | 件 | <b>3</b> |\n"));
    assert_eq!(i.report.cell("3.2"), "<b>3</b>");
}

#[test]
fn a_script_tag_as_a_label() {
    let line = "<script>alert(1)</script> | 件 | 1 |";
    let i = ok(&format!("{TITLE}{GOOD_ROW}{line}\n"));
    assert_eq!(unplaced_text(&i), [(3, line.to_string())]);
}

#[test]
fn a_table_b_row_with_too_few_numbers() {
    let line = "一、本年新收政府信息公开申请数量 | 3 | 0 | 3";
    let i = ok(&format!("某某局2023年政府信息公开工作年度报告\n{line}\n（七）总计 | 3 |  |  |  |  |  | 3\n"));
    assert_eq!(codes(&i), [Code::UnplacedRow]);
    assert!(i.diagnostics[0].cells.contains(&"B:1:natural".to_string()));
    assert_eq!(unplaced_text(&i), [(2, line.to_string())]);
}

#[test]
fn a_table_b_row_with_too_many_numbers() {
    let line = "（七）总计 | 3 | 0 | 0 | 0 | 0 | 0 | 0 | 3 | 9";
    let i = ok(&format!(
        "某某局2023年政府信息公开工作年度报告\n一、本年新收政府信息公开申请数量 | 3 |  |  |  |  |  | 3\n{line}\n"
    ));
    assert_eq!(codes(&i), [Code::UnplacedRow]);
    assert!(!i.report.cells.keys().any(|k| k.starts_with("B:3.7:")));
}

#[test]
fn a_2016_row_with_two_numbers() {
    let line = "（二）申请办结数 | 3 | 4 |";
    let i = ok(&format!("{TITLE}{GOOD_ROW}{line}\n"));
    assert_eq!(codes(&i), [Code::UnplacedRow]);
    assert_eq!(i.diagnostics[0].cells, ["3.2"]);
}

#[test]
fn table_c_with_fourteen_numbers() {
    let line = "0 | 0 | 0 | 1 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0";
    let text = format!(
        "某某局2023年政府信息公开工作年度报告\n一、本年新收政府信息公开申请数量 | 3 |  |  |  |  |  | 3\n{line}\n"
    );
    let i = ok(&text);
    assert_eq!(unplaced_text(&i), [(3, line.to_string())]);
    assert!(!i.report.cells.keys().any(|k| k.starts_with("C:")));
}

#[test]
fn a_line_of_ten_thousand_pipes() {
    let line = "|".repeat(10_000);
    let i = ok(&format!("{TITLE}{GOOD_ROW}{line}\n"));
    assert_eq!(codes(&i), []);
}

#[test]
fn a_label_of_unclosed_brackets() {
    let line = "（（（（（（（收到申请数 | 件 | 1 |";
    let i = ok(&format!("{TITLE}{GOOD_ROW}{line}\n"));
    assert_eq!(unplaced_text(&i), [(3, line.to_string())]);
}

#[test]
fn malformed_numbers_are_kept_for_the_value_checks() {
    let i = ok(&format!("{TITLE}（一）收到申请数 | 件 | --3 |\n（二）申请办结数 | 件 | 1O |\n"));
    assert_eq!(i.report.cell("3.1"), "--3");
    assert_eq!(i.report.cell("3.2"), "1O");
}

#[test]
fn windows_line_endings() {
    let unix = format!("{TITLE}{GOOD_ROW}（二）申请办结数 | 件 | 3 |\n");
    let windows = unix.replace('\n', "\r\n");
    assert_eq!(ok(&windows).report, ok(&unix).report);
}

#[test]
fn emoji_and_combining_marks_in_labels() {
    let line = "🎉（一）收到申请数\u{0301} | 件 | 4 |";
    let i = ok(&format!("{TITLE}{GOOD_ROW}{line}\n"));
    assert!(unplaced_text(&i).is_empty() || unplaced_text(&i) == [(3, line.to_string())]);
    assert_eq!(i.report.cell("3.1"), "4");
}

#[test]
fn markdown_forced_on_plain_text_and_tsv_forced_on_pipes() {
    // The per-format functions never panic on the wrong syntax: they say what they could not read.
    let text = format!("{TITLE}{GOOD_ROW}");
    assert_eq!(import_markdown(&text).unwrap().report.cell("3.1"), "4");
    assert!(matches!(import_tsv(&text), Err(ImportError::NoTable { .. })));
    assert!(matches!(import_text("a\tb\n1\t2\n"), Err(ImportError::NoTable { .. })));
}

#[test]
fn invalid_json() {
    let e = err("{\n  \"format\": \"disclosure-report\",\n  \"form\": \"2016\",,\n  \"cells\": {}\n}");
    assert!(matches!(e, ImportError::InvalidJson { line: 3, .. }), "{e:?}");
    assert!(e.message(Lang::En).contains("line 3"));
}

#[test]
fn truncated_json() {
    assert!(matches!(err("{\"form\": \"2016\", \"cells\": {\"3.1\": \"4\""), ImportError::InvalidJson { .. }));
}

#[test]
fn json_with_a_number_for_a_cell() {
    // Cells are text as typed: a bare number is not what the project writes; say where it is.
    let e = err("{\n\"form\": \"2016\",\n\"cells\": {\"3.1\": 4}\n}");
    assert!(matches!(e, ImportError::InvalidJson { line: 3, .. }), "{e:?}");
}

#[test]
fn json_of_another_format() {
    assert_eq!(
        err("{\"format\": \"something-else\", \"form\": \"2016\"}"),
        ImportError::NotAReport { format: "something-else".into() }
    );
}

#[test]
fn json_from_a_newer_version() {
    assert_eq!(err("{\"version\": 7, \"form\": \"2016\"}"), ImportError::UnsupportedVersion { version: 7 });
}

#[test]
fn json_without_a_form() {
    assert!(matches!(err("{\"cells\": {}}"), ImportError::InvalidJson { .. }));
}

#[test]
fn json_with_an_unknown_form() {
    assert!(matches!(err("{\"form\": \"2030\"}"), ImportError::InvalidJson { .. }));
}

#[test]
fn json_with_a_cell_the_form_does_not_have() {
    let json = "{\n\"form\": \"2021\",\n\"cells\": {\n\"B:1:natural\": \"3\",\n\"B:9:natural\": \"5\"\n}\n}";
    let i = import_json(json).unwrap();
    assert_eq!(i.report.form, FormId::F2021);
    // Kept, so that the file round-trips, and reported.
    assert_eq!(i.report.cell("B:9:natural"), "5");
    assert_eq!(codes(&i), [Code::UnplacedRow]);
    assert_eq!(i.diagnostics[0].cells, ["B:9:natural"]);
    assert_eq!(i.diagnostics[0].detail, Detail::Unplaced { line: 5, text: "B:9:natural".into(), at: None });
}

#[test]
fn json_that_is_an_array() {
    assert!(matches!(import_json("[1, 2, 3]"), Err(ImportError::InvalidJson { .. })));
}

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use std::collections::BTreeMap;

    use disclosure_report::form::labels::{match_row, normalize};
    use disclosure_report::form::FormId;
    use disclosure_report::import::{import, import_json, import_markdown, import_tsv, to_json};
    use disclosure_report::report::Report;
    use proptest::prelude::*;

    /// Pieces real tables are made of, so that generated rows often hit the form.
    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("（一）收到申请数".to_string()),
            Just("三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密".to_string()),
            Just("行政复议".to_string()),
            Just("信息内容".to_string()),
            Just("总计".to_string()),
            Just("件".to_string()),
            Just("".to_string()),
            "[0-9]{1,4}",
            "[-+/（）()0-9.万元]{0,6}",
            "\\PC{0,12}",
        ]
    }

    fn row() -> impl Strategy<Value = String> {
        (prop::collection::vec(piece(), 0..17), prop_oneof![Just(" | "), Just("\t"), Just("|")])
            .prop_map(|(cells, sep)| cells.join(sep))
    }

    fn report() -> impl Strategy<Value = Report> {
        (
            prop::sample::select(FormId::ALL.to_vec()),
            prop::option::of(1990u16..2100),
            prop::option::of("\\PC{0,20}"),
            prop::option::of("[0-9]{4}-[0-9]{2}-[0-9]{2}"),
            prop::option::of("\\PC{0,30}"),
            prop::collection::btree_map("[A-C0-9:._a-z]{1,12}", "\\PC{0,10}", 0..20),
            "\\PC{0,200}",
        )
            .prop_map(|(form, year, agency, date, title, cells, narrative)| {
                let mut r = Report::new(form);
                r.year = year;
                r.agency = agency;
                r.date = date;
                r.title = title;
                r.cells = cells.into_iter().collect::<BTreeMap<_, _>>();
                r.narrative = narrative;
                r
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        #[test]
        fn import_never_panics_on_any_string(text in "\\PC{0,400}") {
            let _ = import(&text);
            let _ = import_markdown(&text);
            let _ = import_tsv(&text);
        }

        #[test]
        fn import_never_panics_on_table_like_text(rows in prop::collection::vec(row(), 0..30)) {
            let text = rows.join("\n");
            if let Ok(i) = import(&text) {
                // Whatever was placed is text that was typed.
                for value in i.report.cells.values() {
                    prop_assert!(text.contains(value.as_str()));
                }
            }
        }

        #[test]
        fn labels_never_panic(label in "\\PC{0,60}") {
            let _ = normalize(&label);
            for form in FormId::ALL {
                for table in form.def().tables {
                    let _ = match_row(table, &label);
                }
            }
        }

        #[test]
        fn json_round_trips(report in report()) {
            let json = to_json(&report);
            let back = import_json(&json).expect("the project's JSON reads back");
            prop_assert_eq!(&back.report, &report);
            prop_assert_eq!(to_json(&back.report), json);
        }
    }
}
