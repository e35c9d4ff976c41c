//! The browser binding as JavaScript calls it: results read back into the core's own types.
#![cfg(target_arch = "wasm32")]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use disclosure_report::value::{Amount, Normalization, Parsed, Refusal};
use disclosure_report::wasm::parse_value;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

fn read(v: JsValue) -> Parsed {
    serde_wasm_bindgen::from_value(v).expect("the binding returns a Parsed value")
}

#[wasm_bindgen_test]
fn parse_value_returns_plain_objects_with_the_number() {
    let v = parse_value("６４５条", JsValue::UNDEFINED).unwrap();
    let amount = js_sys::Reflect::get(&v, &"amount".into()).unwrap();
    assert_eq!(amount.as_f64(), Some(645.0));
    match read(v) {
        Parsed::Number(n) => {
            assert_eq!(n.amount, Amount::from_int(645));
            assert!(n.normalizations.contains(&Normalization::FullWidth));
            assert!(n.normalizations.contains(&Normalization::Unit { unit: "条".into() }));
        }
        other => panic!("expected a number, got {other:?}"),
    }
}

#[wasm_bindgen_test]
fn parse_value_refusal_carries_its_reason() {
    let v = parse_value("1O", JsValue::from_str("count")).unwrap();
    let state = js_sys::Reflect::get(&v, &"state".into()).unwrap();
    assert_eq!(state.as_string().as_deref(), Some("refused"));
    assert_eq!(read(v), Parsed::Refused(Refusal::Letters { found: "O".into() }));
}

#[wasm_bindgen_test]
fn money_keeps_six_decimals_exactly() {
    let v = parse_value("160.5964万元", JsValue::from_str("money")).unwrap();
    assert_eq!(read(v).amount(), Some(Amount(160_596_400)));
    let v = parse_value("5949.088667", JsValue::from_str("money")).unwrap();
    let amount = js_sys::Reflect::get(&v, &"amount".into()).unwrap();
    assert_eq!(amount.as_f64(), Some(5949.088667));
}

#[wasm_bindgen_test]
fn a_bad_kind_is_misuse_and_throws() {
    assert!(parse_value("1", JsValue::from_str("apples")).is_err());
}

mod checker {
    use disclosure_report::diagnostic::{Code, Diagnostic, Severity};
    use disclosure_report::engine::Update;
    use disclosure_report::form::FormId;
    use disclosure_report::report::Report;
    use disclosure_report::wasm::{form_definition, match_label, validate, JsChecker};
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_test::wasm_bindgen_test;

    fn get(v: &JsValue, key: &str) -> JsValue {
        js_sys::Reflect::get(v, &key.into()).unwrap()
    }

    /// Findings placed only (`messages` false), as the JSON objects they are.
    fn placed(found: JsValue) -> Vec<serde_json::Value> {
        let json = js_sys::JSON::stringify(&found).unwrap().as_string().unwrap();
        serde_json::from_str(&json).unwrap()
    }

    #[wasm_bindgen_test]
    fn set_cell_returns_only_the_rules_it_touched_with_messages() {
        let mut checker = JsChecker::new("2016", JsValue::UNDEFINED).unwrap();
        for (id, text) in [("3.1.1", "0"), ("3.1.2", "0"), ("3.1.3", "1"), ("3.1.4", "0")] {
            checker.set_cell(id, text).unwrap();
        }
        let update: Update = serde_wasm_bindgen::from_value(checker.set_cell("3.1", "2").unwrap()).unwrap();
        // 3.1 is read by its own sum and by the heading 三 (3 = 3.1), and by nothing else.
        assert_eq!(update.rules, vec!["cell:3.1", "sum-mismatch:3.1", "heading-mismatch:3"]);
        let d = &update.diagnostics[0];
        assert_eq!((d.code, d.severity), (Code::SumMismatch, Severity::Error));
        assert!(d.message.contains("收到申请数"), "the message is made, in Chinese by default: {}", d.message);
        checker.set_language("en").unwrap();
        let all: Vec<Diagnostic> = serde_wasm_bindgen::from_value(checker.diagnostics(None).unwrap()).unwrap();
        let d = all.iter().find(|d| d.code == Code::SumMismatch).unwrap();
        assert!(d.message.starts_with('"'), "English after setLanguage: {}", d.message);
        // Placed only: the same findings, code, cells and key, each message (and the detail it is
        // made from) left for when it is shown.
        let bare = placed(checker.diagnostics(Some(false)).unwrap());
        assert_eq!(bare.len(), all.len());
        for (bare, all) in bare.iter().zip(&all) {
            assert_eq!(bare["code"], serde_json::to_value(all.code).unwrap());
            assert_eq!(bare["cells"], serde_json::to_value(&all.cells).unwrap());
            assert_eq!(bare["rule"].as_str(), all.rule.as_deref());
            assert_eq!((bare["message"].as_str(), bare.get("detail")), (Some(""), None));
        }
    }

    #[wasm_bindgen_test]
    fn unknown_cells_forms_and_languages_are_misuse() {
        let mut checker = JsChecker::new("2016", JsValue::UNDEFINED).unwrap();
        assert!(checker.set_cell("B:1:total", "1").is_err());
        assert!(checker.set_language("fr").is_err());
        assert!(JsChecker::new("2015", JsValue::UNDEFINED).is_err());
    }

    #[wasm_bindgen_test]
    fn the_form_definition_lists_rows_and_their_cells() {
        let def = form_definition("2016").unwrap();
        let tables = js_sys::Array::from(&get(&def, "tables"));
        let rows = js_sys::Array::from(&get(&tables.get(0), "rows"));
        let row = rows.iter().find(|r| get(r, "id").as_string().as_deref() == Some("3.1")).expect("row 3.1");
        assert_eq!(get(&row, "label").as_string().as_deref(), Some("（一）收到申请数"));
        assert_eq!(js_sys::Array::from(&get(&row, "cells")).get(0).as_string().as_deref(), Some("3.1"));
    }

    #[wasm_bindgen_test]
    fn labels_match_as_the_importer_matches_them() {
        assert_eq!(match_label("2016", "", "(一)收到申请数").unwrap().as_deref(), Some("3.1"));
        assert_eq!(match_label("2016", "", "2.兼职人数").unwrap().as_deref(), Some("8.3.2"));
        assert!(match_label("2016", "Z", "x").is_err());
    }

    #[wasm_bindgen_test]
    fn validate_takes_the_upload_json() {
        let mut report = Report::new(FormId::F2016);
        report.cells.insert("3.1".into(), "1O".into());
        let value = serde_wasm_bindgen::to_value(&report).unwrap();
        let result = validate(value, JsValue::UNDEFINED).unwrap();
        assert_eq!(get(&result, "form").as_string().as_deref(), Some("2016"));
        let diagnostics: Vec<Diagnostic> = serde_wasm_bindgen::from_value(get(&result, "diagnostics")).unwrap();
        assert!(diagnostics.iter().any(|d| d.code == Code::InvalidNumber && d.cells == vec!["3.1"]));
    }

    #[wasm_bindgen_test]
    fn validate_reads_a_plain_object_as_it_reads_one_with_a_map() {
        // serde-wasm-bindgen makes the cells a Map (read field by field); JSON.parse a plain object
        // (read as one string): both are the same report.
        let mut report = Report::new(FormId::F2016);
        report.cells.insert("3.1".into(), "1O".into());
        report.cells.insert("3.1.1".into(), "５".into());
        let with_map = serde_wasm_bindgen::to_value(&report).unwrap();
        assert!(get(&with_map, "cells").is_instance_of::<js_sys::Map>());
        let plain = js_sys::JSON::parse(&serde_json::to_string(&report).unwrap()).unwrap();
        let read = |v: JsValue| -> Vec<Diagnostic> {
            serde_wasm_bindgen::from_value(get(&validate(v, JsValue::UNDEFINED).unwrap(), "diagnostics")).unwrap()
        };
        let found = read(plain);
        assert!(found.iter().any(|d| d.code == Code::Normalized && d.cells == vec!["3.1.1"]));
        assert_eq!(found, read(with_map));
        // Not a report: the message says what is wrong, whichever way it was read.
        let bad = js_sys::JSON::parse(r#"{"form":"2016","cells":{"3.1":12}}"#).unwrap();
        let error = validate(bad, JsValue::UNDEFINED).expect_err("a number where a text goes is refused");
        let message = JsValue::from(error);
        let text = js_sys::Reflect::get(&message, &"message".into()).unwrap().as_string().unwrap();
        assert!(text.contains("not in the project's JSON format"), "{text}");
    }

    #[wasm_bindgen_test]
    fn a_keystroke_answers_with_a_number_and_findings_are_asked_for_by_key() {
        let mut checker = JsChecker::new("2016", JsValue::UNDEFINED).unwrap();
        let keys = checker.keys();
        let number = |id: &str| keys.iter().position(|k| k == &format!("cell:{id}")).unwrap() as u32;
        let sum = keys.iter().position(|k| k == "sum-mismatch:3.1").unwrap() as u32;
        let cells = keys.iter().filter(|k| k.starts_with("cell:")).count() as u32;
        // The change record, `[k, t, keys…, totals…, counts…]`: after the two counts, one slot per
        // key, one per rule, and one per key again (how many findings each changed key has now).
        let at = 2 + keys.len();
        let rules = keys.len() - cells as usize;
        let record = |checker: &JsChecker| -> (Vec<u32>, Vec<u32>) {
            let record = checker.record().to_vec();
            assert_eq!(record.len(), 2 + 4 * keys.len() + rules);
            (record[2..2 + record[0] as usize].to_vec(), record[at..at + record[1] as usize].to_vec())
        };
        let counts = |checker: &JsChecker| -> Vec<u32> {
            let record = checker.record().to_vec();
            record[at + rules..at + rules + record[0] as usize].to_vec()
        };
        for (id, text) in [("3.1.1", "0"), ("3.1.2", "0"), ("3.1.3", "1"), ("3.1.4", "0")] {
            checker.edit(number(id), text).unwrap();
        }
        // 3.1 holds 2 where its rows add up to 1: its own finding goes, the sum's comes.
        let n = checker.edit(number("3.1"), "2").unwrap();
        let (changed, totals_changed) = record(&checker);
        assert!(changed.contains(&sum) && changed.contains(&number("3.1")), "{changed:?}");
        assert_eq!(n as usize, changed.len() + totals_changed.len());
        let found: Vec<Diagnostic> = serde_wasm_bindgen::from_value(checker.findings_of(sum, None).unwrap()).unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].code, Code::SumMismatch);
        assert!(found[0].message.contains("收到申请数"), "{}", found[0].message);
        // Each changed key's count is read before asking: the sum has its one finding, 3.1 none;
        // the sum's finding is placed from the record, its code and its severity.
        let place = |key: u32| changed.iter().position(|&k| k == key).unwrap();
        let count_of = |key: u32| counts(&checker)[place(key)];
        assert_eq!((count_of(sum), count_of(number("3.1"))), (1, 0));
        let now = checker.record().to_vec();
        let (code, severity) =
            (now[at + rules + keys.len() + place(sum)], now[at + rules + 2 * keys.len() + place(sum)]);
        assert_eq!((checker.codes()[code as usize].as_str(), severity), ("sum-mismatch", 0));
        let empty = js_sys::Array::from(&checker.findings_of(number("3.1"), None).unwrap());
        assert_eq!(empty.length(), 0);
        // Placed only, for a page that makes the message when the finding is shown.
        let bare = placed(checker.findings_of(sum, Some(false)).unwrap());
        assert_eq!((bare[0]["code"].as_str(), bare[0]["message"].as_str()), (Some("sum-mismatch"), Some("")));
        assert_eq!(bare[0]["cells"], serde_json::to_value(&found[0].cells).unwrap());
        // The same text again changes nothing; a child's total is read from the view.
        assert_eq!(checker.edit(number("3.1"), "2").unwrap(), 0);
        assert_eq!(record(&checker), (vec![], vec![]));
        checker.edit(number("3.1.1"), "1").unwrap();
        let r = sum - cells;
        let (changed, totals_changed) = record(&checker);
        assert!(totals_changed.contains(&r));
        let totals = checker.totals().to_vec();
        assert_eq!((totals[2 * r as usize], totals[2 * r as usize + 1]), (2.0, 4.0));
        assert!(changed.contains(&sum), "the sum holds now: its finding goes");
        assert!(checker.edit(10_000, "1").is_err());
        assert!(checker.findings_of(100_000, None).is_err());
    }
}

/// A damaged report checked through the binding: not judged where it could not be read, and said.
#[wasm_bindgen_test]
fn check_report_says_what_it_could_not_check() {
    let sample = include_str!("fixtures/new-2023-shuyang-fagaiju.txt");
    let damaged =
        sample.replace("（一）予以公开 | 26 |  |  |  |  |  | 26", "（一）予以公开 | 26 |  |  |  |  |  | 26 | 26");
    let v = disclosure_report::wasm::check_report(&damaged, JsValue::UNDEFINED).unwrap();
    let json = js_sys::JSON::stringify(&v).unwrap().as_string().unwrap();
    let result: serde_json::Value = serde_json::from_str(&json).unwrap();
    let codes: Vec<&str> =
        result["diagnostics"].as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert!(codes.contains(&"not-checked"), "{codes:?}");
    assert!(!codes.contains(&"sum-mismatch"), "{codes:?}");
    let b = &result["coverage"]["tables"][1];
    assert_eq!((b["table"].as_str(), b["unread"].as_u64()), (Some("B"), Some(8)));
    assert!(b["rulesNotChecked"].as_u64().unwrap() > 0);
    // The same from a file's bytes; a PDF without a body is said not to be one.
    let v = disclosure_report::wasm::check_file(sample.as_bytes(), JsValue::UNDEFINED).unwrap();
    assert!(js_sys::Reflect::get(&v, &"coverage".into()).unwrap().is_object());
    let v = disclosure_report::wasm::check_file(b"%PDF-1.7", JsValue::UNDEFINED).unwrap();
    assert!(js_sys::Reflect::get(&v, &"error".into()).unwrap().as_string().unwrap().contains("PDF"));
    // A report that is not there is an answer, not a throw.
    let v = disclosure_report::wasm::check_report("没有表格的一段话", JsValue::UNDEFINED).unwrap();
    assert!(js_sys::Reflect::get(&v, &"error".into()).unwrap().as_string().unwrap().contains("统计表"));
}
