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
fn money_keeps_four_decimals_exactly() {
    let v = parse_value("160.5964万元", JsValue::from_str("money")).unwrap();
    assert_eq!(read(v).amount(), Some(Amount(1_605_964)));
}

#[wasm_bindgen_test]
fn a_bad_kind_is_misuse_and_throws() {
    assert!(parse_value("1", JsValue::from_str("apples")).is_err());
}
