//! The browser binding: the only place that knows of wasm-bindgen. Each export decodes its
//! arguments, calls the core, and encodes the result through one serializer configuration; misuse
//! (bad options) throws a JS `Error`, findings are returned as data.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::value::{self, ValueKind};

/// One serializer for the whole boundary: plain JS objects (not `Map`s), camelCase from serde.
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("disclosure-report: cannot encode the result: {e}")))
}

fn from_js<T: serde::de::DeserializeOwned>(value: JsValue, what: &str) -> Result<T, JsError> {
    serde_wasm_bindgen::from_value(value).map_err(|e| JsError::new(&format!("disclosure-report: {what}: {e}")))
}

/// `parseValue(text, kind = "count")`: what a person typed, read as a number or refused with a reason.
#[wasm_bindgen(js_name = parseValue)]
pub fn parse_value(text: &str, kind: JsValue) -> Result<JsValue, JsError> {
    let kind: ValueKind = if kind.is_undefined() || kind.is_null() {
        ValueKind::Count
    } else {
        from_js(kind, "kind must be \"count\", \"money\" or \"signed\"")?
    };
    to_js(&value::parse(text, kind))
}
