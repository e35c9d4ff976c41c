//! The browser binding: the only place that knows of wasm-bindgen. Each export decodes its
//! arguments, calls the core, and encodes the result through one serializer configuration; misuse
//! (bad options, an unknown form or cell) throws a JS `Error`, findings are returned as data.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::engine::{self, Mode};
use crate::form::{labels, FormId};
use crate::messages::{self, Lang};
use crate::report::Report;
use crate::value::{self, ValueKind};

/// Whole reports (import, report-level checks, the preview): the module loaded on demand.
#[cfg(feature = "reports")]
mod reports;
#[cfg(feature = "reports")]
pub use reports::*;

/// One serializer for every result: plain JS objects (not `Map`s), camelCase from serde.
///
/// The result crosses as one JSON string that the browser's own `JSON.parse` turns into objects:
/// building them field by field from wasm costs a call into JS per field and per string, and a
/// whole table's findings came out about a fifth slower that way (`npm run bench`).
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    // The only failure serde_json has for these types is none at all (no maps with non-string keys,
    // no failing writer): its error's text (every parse error and I/O error it can describe) is not
    // worth its weight in the checker's download.
    let json = serde_json::to_string(value).map_err(|_| JsError::new("disclosure-report: cannot encode the result"))?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("disclosure-report: cannot encode the result"))
}

pub(crate) fn form_from_str(form: &str) -> Result<FormId, JsError> {
    FormId::parse(form).ok_or_else(|| {
        let known: Vec<String> = FormId::ALL.iter().map(|f| format!("\"{}\"", f.as_str())).collect();
        JsError::new(&format!("disclosure-report: unknown form \"{form}\" (use {})", known.join(", ")))
    })
}

/// One of a few names, from JavaScript: `None` for `undefined` and `null`, an error naming the choices
/// for anything else. The checker's module reads its few options so, by hand: serde's deserializers
/// (and the number formatting their error messages carry) would be a tenth of its download.
fn choice<T: Copy>(value: &JsValue, choices: &[(&str, T)], what: &str) -> Result<Option<T>, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    let named = value.as_string().and_then(|s| choices.iter().find(|(name, _)| *name == s).map(|(_, v)| *v));
    named.map(Some).ok_or_else(|| {
        let names: Vec<String> = choices.iter().map(|(name, _)| format!("\"{name}\"")).collect();
        JsError::new(&format!("disclosure-report: {what} must be {}", names.join(", ")))
    })
}

const MODES: [(&str, Mode); 3] = [("filling", Mode::Filling), ("submit", Mode::Submit), ("review", Mode::Review)];
const LANGS: [(&str, Lang); 2] = [("zh", Lang::Zh), ("en", Lang::En)];
const KINDS: [(&str, ValueKind); 3] =
    [("count", ValueKind::Count), ("money", ValueKind::Money), ("signed", ValueKind::Signed)];

/// A property of an options object (`undefined` when the options are not an object).
fn property(options: &JsValue, name: &str) -> JsValue {
    if !options.is_object() {
        return JsValue::UNDEFINED;
    }
    js_sys::Reflect::get(options, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

/// `parseValue(text, kind = "count")`: what a person typed, read as a number or refused with a reason.
#[wasm_bindgen(js_name = parseValue)]
pub fn parse_value(text: &str, kind: JsValue) -> Result<JsValue, JsError> {
    let kind = choice(&kind, &KINDS, "kind")?;
    to_js(&value::parse(text, kind.unwrap_or(ValueKind::Count)))
}

/// `formDefinition(form)`: the tables, rows, columns and cell ids of a form version.
#[wasm_bindgen(js_name = formDefinition)]
pub fn form_definition(form: &str) -> Result<JsValue, JsError> {
    to_js(&form_from_str(form)?.def().view())
}

/// `matchLabel(form, tableId, label)`: the row a printed label names, as the text importer matches
/// it (widths, numbering, typos), or `null`.
#[wasm_bindgen(js_name = matchLabel)]
pub fn match_label(form: &str, table: &str, label: &str) -> Result<Option<String>, JsError> {
    let def = form_from_str(form)?.def();
    let table = def.tables.iter().find(|t| t.id == table).ok_or_else(|| {
        JsError::new(&format!("disclosure-report: form {} has no table \"{table}\"", def.id.as_str()))
    })?;
    Ok(labels::match_row(table, label).map(|r| table.rows[r].id.to_string()))
}

/// A finding as a page places it before it shows it: what it is, how grave, its cells and its key,
/// with `message` empty, and without the figures and the detail a message is made from: a fraction
/// of the JSON of a whole finding, for a keystroke whose findings are mostly never shown.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Placed<'a> {
    code: Code,
    severity: Severity,
    cells: &'a [String],
    message: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule: Option<&'a str>,
}

impl<'a> From<&'a Diagnostic> for Placed<'a> {
    fn from(d: &'a Diagnostic) -> Placed<'a> {
        Placed { code: d.code, severity: d.severity, cells: &d.cells, message: "", rule: d.rule.as_deref() }
    }
}

/// A form being filled in the page: one per form, kept inside the wasm instance so a keystroke
/// re-checks only the rules of the changed cell and converts only their findings.
#[wasm_bindgen(js_name = Checker)]
pub struct JsChecker {
    inner: engine::Checker,
    lang: Lang,
    /// The last edit's change record (see `record`): its length never changes, so a view of it
    /// stays valid until the module's memory grows.
    record: Vec<u32>,
}

#[wasm_bindgen(js_class = Checker)]
impl JsChecker {
    /// `new Checker(form, { mode: "filling" | "submit" | "review", lang: "zh" | "en" })`.
    #[wasm_bindgen(constructor)]
    pub fn new(form: &str, options: JsValue) -> Result<JsChecker, JsError> {
        if !(options.is_undefined() || options.is_null() || options.is_object()) {
            return Err(JsError::new("disclosure-report: options must be an object"));
        }
        let mode = choice(&property(&options, "mode"), &MODES, "options.mode")?.unwrap_or_default();
        let lang = choice(&property(&options, "lang"), &LANGS, "options.lang")?.unwrap_or_default();
        let inner = engine::Checker::new(form_from_str(form)?, mode);
        let record = vec![0; 2 + 4 * inner.key_count() + inner.totals().len() / 2];
        Ok(JsChecker { inner, lang, record })
    }

    /// `setCell(id, text)`: `{ rules, diagnostics }`, the keys re-checked and their current findings.
    #[wasm_bindgen(js_name = setCell)]
    pub fn set_cell(&mut self, id: &str, text: &str) -> Result<JsValue, JsError> {
        let mut update = self.inner.set_cell(id, text).ok_or_else(|| {
            JsError::new(&format!("disclosure-report: form {} has no cell \"{id}\"", self.inner.form().id.as_str()))
        })?;
        messages::localize(&mut update.diagnostics, self.inner.form(), self.lang);
        to_js(&update)
    }

    /// `edit(cell, text)`, the keystroke protocol: cell number `cell` (its place in `keys()`, where
    /// the first keys are the cells', `cell:<id>`, in the form's reading order) now holds `text`.
    /// Returns how many keys' findings and rules' running totals changed: a keystroke that changes
    /// no finding and is in no sum answers 0, and nothing else crosses. `record()` names the keys
    /// whose findings changed and the rules whose running total changed, `findingsOf(key)` gives a
    /// key's findings with their messages (built then, for that key alone), and `totals()` holds
    /// every rule's running total.
    pub fn edit(&mut self, cell: u32, text: &str) -> Result<u32, JsError> {
        let changed = self.inner.edit(cell as usize, text).ok_or_else(|| {
            JsError::new(&format!(
                "disclosure-report: form {} has no cell number {cell}",
                self.inner.form().id.as_str()
            ))
        })?;
        let (keys, totals) = (self.inner.changed(), self.inner.changed_totals());
        let n = self.inner.key_count();
        let at = 2 + n;
        let counts = at + self.inner.totals().len() / 2;
        self.record[0] = keys.len() as u32;
        self.record[1] = totals.len() as u32;
        self.record[2..2 + keys.len()].copy_from_slice(keys);
        self.record[at..at + totals.len()].copy_from_slice(totals);
        let (codes, severities) = (counts + n, counts + 2 * n);
        for (i, &key) in keys.iter().enumerate() {
            let count = self.inner.key_finding_count(key as usize);
            self.record[counts + i] = count as u32;
            // A key's one finding placed in the record itself: its code and severity (its cells and
            // key are the key's own, which the page knows from the form).
            let kind = self.inner.key_finding_kind(key as usize).filter(|_| count == 1);
            if let Some((code, severity)) = kind {
                self.record[codes + i] = Code::ALL.iter().position(|&c| c == code).unwrap_or(0) as u32;
                self.record[severities + i] = severity as u32;
            }
        }
        Ok(changed as u32)
    }

    /// The last edit's change record, as a view of the checker's memory that a page makes once and
    /// reads after every `edit` without calling into the module:
    /// `[k, t, keys…, totals…, counts…, codes…, severities…]`, where `k` keys whose findings changed
    /// start at index 2, `t` rules whose running total changed start at index `K + 2` (`K` is
    /// `keys().length`, `R` the number of rules), and from index `K + R + 2`, `2K + R + 2` and
    /// `3K + R + 2`, for the `i`-th changed key: how many findings it has now (none to ask for when
    /// 0), and when it has one, that finding's code (its place in `codes()`) and severity (0 error,
    /// 1 warning, 2 info). A key's findings name the key's own cells (a cell's, or a rule's left side
    /// then right), so a page can place a finding without asking for it. Its length is fixed, so the
    /// view stays valid until the module's memory grows (the view's length is then 0: ask again);
    /// `totals()` likewise.
    pub fn record(&self) -> js_sys::Uint32Array {
        // SAFETY: the record's buffer is allocated once, in the constructor, and never reallocated;
        // a view outliving a growth of the memory is detached by the browser (length 0), never
        // dangling.
        unsafe { js_sys::Uint32Array::view(&self.record) }
    }

    /// Every rule's running total as `[sum, filled]` pairs (key `cells + r` ↔ pair `r`), as a view
    /// of the checker's memory; its length is fixed, so the view stays valid as `record`'s does. A sum rule's total is
    /// complete when `filled` is the number of its children (`formDefinition(form).rules`).
    pub fn totals(&self) -> js_sys::Float64Array {
        // SAFETY: as for `record`: the engine allocates the totals once and never reallocates them.
        unsafe { js_sys::Float64Array::view(self.inner.totals()) }
    }

    /// Every diagnostic code, in the order `record()` numbers them.
    pub fn codes(&self) -> Vec<String> {
        Code::ALL.iter().map(|c| c.as_str().to_string()).collect()
    }

    /// The name of every key, in key order: `cell:<id>` for each cell, then each rule's key (the
    /// `rule` findings carry).
    pub fn keys(&self) -> Vec<String> {
        (0..self.inner.key_count()).filter_map(|k| self.inner.key_name(k).map(str::to_string)).collect()
    }

    /// `findingsOf(key, messages = true)`: the current findings of one key, with their messages; or,
    /// when `messages` is `false`, placed only (see `Placed`: a page that makes a message when it
    /// shows its finding asks again then).
    #[wasm_bindgen(js_name = findingsOf)]
    pub fn findings_of(&self, key: u32, messages: Option<bool>) -> Result<JsValue, JsError> {
        if key as usize >= self.inner.key_count() {
            return Err(JsError::new(&format!("disclosure-report: the checker has no key number {key}")));
        }
        if self.inner.key_finding_count(key as usize) == 0 {
            return Ok(js_sys::Array::new().into());
        }
        self.findings(self.inner.key_findings(key as usize), messages)
    }

    /// `diagnostics(messages = true)`: every current finding of the table, with their messages, or
    /// placed only when `messages` is `false`.
    pub fn diagnostics(&self, messages: Option<bool>) -> Result<JsValue, JsError> {
        self.findings(self.inner.diagnostics(), messages)
    }

    fn findings(&self, mut found: Vec<Diagnostic>, messages: Option<bool>) -> Result<JsValue, JsError> {
        if messages.unwrap_or(true) {
            messages::localize(&mut found, self.inner.form(), self.lang);
            return to_js(&found);
        }
        to_js(&found.iter().map(Placed::from).collect::<Vec<_>>())
    }

    /// The running totals of sums still being filled.
    pub fn pending(&self) -> Result<JsValue, JsError> {
        to_js(&self.inner.pending())
    }

    #[wasm_bindgen(js_name = setLanguage)]
    pub fn set_language(&mut self, lang: &str) -> Result<(), JsError> {
        self.lang = Lang::parse(lang).ok_or_else(|| {
            JsError::new(&format!("disclosure-report: unknown language \"{lang}\" (use \"zh\" or \"en\")"))
        })?;
        Ok(())
    }

    #[wasm_bindgen(js_name = setMode)]
    pub fn set_mode(&mut self, mode: JsValue) -> Result<(), JsError> {
        let mode = choice(&mode, &MODES, "mode")?.unwrap_or_default();
        self.inner.set_mode(mode);
        Ok(())
    }

    /// The cells as typed, as a report in the project's JSON format.
    pub fn report(&self) -> Result<JsValue, JsError> {
        let mut report = Report::new(self.inner.form().id);
        // Inserted one by one: collecting into the map would sort them first, and that sort's code
        // is a few kilobytes of the checker's download for a handful of cells.
        for (id, text) in self.inner.cells() {
            report.cells.insert(id.to_string(), text.to_string());
        }
        to_js(&report)
    }
}
