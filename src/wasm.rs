//! The browser binding: the only place that knows of wasm-bindgen. Each export decodes its
//! arguments, calls the core, and encodes the result through one serializer configuration; misuse
//! (bad options, an unknown form or cell) throws a JS `Error`, findings are returned as data.

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::engine::{self, Mode};
use crate::form::{labels, FormId};
use crate::import;
use crate::messages::{self, Lang};
use crate::render::{self, RenderOptions};
use crate::report::Report;
use crate::validate::{self, Options};
use crate::value::{self, ValueKind};

/// One serializer for every result: plain JS objects (not `Map`s), camelCase from serde.
///
/// The result crosses as one JSON string that the browser's own `JSON.parse` turns into objects:
/// building them field by field from wasm costs a call into JS per field and per string, and a
/// whole table's findings came out about a fifth slower that way (`npm run bench`).
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    let json = serde_json::to_string(value)
        .map_err(|e| JsError::new(&format!("disclosure-report: cannot encode the result: {e}")))?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("disclosure-report: cannot encode the result"))
}

/// Decode an argument; `undefined` and `null` give the default. (Arguments come in through
/// serde-wasm-bindgen, which also takes `Map`s, as callers may build the report's cells in one.)
fn from_js<T: serde::de::DeserializeOwned + Default>(value: JsValue, what: &str) -> Result<T, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    serde_wasm_bindgen::from_value(value).map_err(|e| JsError::new(&format!("disclosure-report: {what}: {e}")))
}

fn report_from_js(value: JsValue) -> Result<Report, JsError> {
    serde_wasm_bindgen::from_value(value)
        .map_err(|e| JsError::new(&format!("disclosure-report: the report is not in the project's JSON format: {e}")))
}

fn form_from_str(form: &str) -> Result<FormId, JsError> {
    FormId::parse(form).ok_or_else(|| {
        let known: Vec<String> = FormId::ALL.iter().map(|f| format!("\"{}\"", f.as_str())).collect();
        JsError::new(&format!("disclosure-report: unknown form \"{form}\" (use {})", known.join(", ")))
    })
}

/// `parseValue(text, kind = "count")`: what a person typed, read as a number or refused with a reason.
#[wasm_bindgen(js_name = parseValue)]
pub fn parse_value(text: &str, kind: JsValue) -> Result<JsValue, JsError> {
    #[derive(Deserialize, Default)]
    #[serde(transparent)]
    struct Kind(Option<ValueKind>);
    let Kind(kind) = from_js(kind, "kind must be \"count\", \"money\" or \"signed\"")?;
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

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Validated<'a> {
    form: &'a str,
    diagnostics: Vec<crate::diagnostic::Diagnostic>,
}

/// `validate(report, { mode, lang, agencyKind, previous })`: every finding of a report, tables and
/// text; with `previous` (last year's report, in the project's JSON format) the year-against-year
/// checks too.
#[wasm_bindgen]
pub fn validate(report: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    #[derive(Deserialize, Default)]
    #[serde(rename_all = "camelCase", default)]
    struct ValidateOptions {
        mode: Mode,
        lang: Lang,
        agency_kind: Option<crate::checks::AgencyKind>,
        previous: Option<Report>,
    }
    let report = report_from_js(report)?;
    let options: ValidateOptions = from_js(options, "options")?;
    let check = Options { mode: options.mode, lang: options.lang, agency_kind: options.agency_kind };
    let diagnostics = validate::validate_against(&report, options.previous.as_ref(), &check);
    to_js(&Validated { form: report.form.as_str(), diagnostics })
}

/// `renderPreview(report, { lang, mode })`: the finished report as HTML (one element, escaped by
/// construction), its findings marked.
#[wasm_bindgen(js_name = renderPreview)]
pub fn render_preview(report: JsValue, options: JsValue) -> Result<String, JsError> {
    let report = report_from_js(report)?;
    let options: Options = from_js(options, "options")?;
    let diagnostics = validate::validate(&report, &options);
    Ok(render::html(&report, &diagnostics, &RenderOptions { lang: options.lang, standalone: false }))
}

/// `importReport(text, { lang })`: a report from the text it comes in (as published, Markdown, TSV,
/// the project's JSON): `{ report, diagnostics }`, or `{ error }` saying why nothing could be read.
#[wasm_bindgen(js_name = importReport)]
pub fn import_report(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    enum Outcome {
        #[serde(untagged)]
        Imported { report: Report, diagnostics: Vec<crate::diagnostic::Diagnostic> },
        #[serde(untagged)]
        Failed { error: String },
    }
    let options: Options = from_js(options, "options")?;
    match import::import(text) {
        Ok(imported) => {
            let mut diagnostics = imported.diagnostics;
            messages::localize(&mut diagnostics, imported.report.form.def(), options.lang);
            to_js(&Outcome::Imported { report: imported.report, diagnostics })
        }
        Err(error) => to_js(&Outcome::Failed { error: error.message(options.lang) }),
    }
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct ReviewOptions {
    lang: Lang,
    /// Last year's report: its text, in any form the readers take, or a report already read.
    previous: Option<Previous>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Previous {
    Report(Box<Report>),
    Text(String),
}

/// A report read and checked as a reviewer checks it, or why it could not be read.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
enum Reviewed {
    #[serde(untagged)]
    Checked { report: Report, diagnostics: Vec<crate::diagnostic::Diagnostic>, coverage: crate::coverage::Coverage },
    #[serde(untagged)]
    Failed { error: String },
}

fn review(read: Result<import::Imported, import::ImportError>, options: &ReviewOptions) -> Result<JsValue, JsError> {
    let previous = match &options.previous {
        None => None,
        Some(Previous::Report(report)) => Some((**report).clone()),
        Some(Previous::Text(text)) => match import::import(text) {
            Ok(imported) => Some(imported.report),
            Err(error) => return to_js(&Reviewed::Failed { error: error.message(options.lang) }),
        },
    };
    match read {
        Ok(imported) => {
            let check = Options { mode: Mode::Review, lang: options.lang, agency_kind: None };
            let checked = validate::check_imported(&imported, previous.as_ref(), &check);
            to_js(&Reviewed::Checked {
                report: imported.report,
                diagnostics: checked.diagnostics,
                coverage: checked.coverage,
            })
        }
        Err(error) => to_js(&Reviewed::Failed { error: error.message(options.lang) }),
    }
}

/// `checkReport(text, { lang, previous })`: a published report read from its text (the text as
/// published, Markdown, TSV, the project's JSON; HTML where the build has its reader) and checked as
/// a reviewer checks it: `{ report, diagnostics, coverage }`, where a rule reading a cell that could
/// not be read with confidence is `not-checked` and a table not found is said to be; or `{ error }`.
/// `previous`, last year's report, adds the year-against-year checks.
#[wasm_bindgen(js_name = checkReport)]
pub fn check_report(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    let options: ReviewOptions = from_js(options, "options")?;
    review(import::import(text), &options)
}

/// `checkFile(bytes, { lang, previous })`: the same for a file's bytes as a file input gives them (a
/// Word file where the build has its reader, UTF-8 text; a PDF or an old .doc is refused by name).
#[wasm_bindgen(js_name = checkFile)]
pub fn check_file(bytes: &[u8], options: JsValue) -> Result<JsValue, JsError> {
    let options: ReviewOptions = from_js(options, "options")?;
    review(import::import_bytes(bytes), &options)
}

/// A file that is not read, and why: `pdf` (in a module built without its reader), `doc` (Word
/// 97–2003).
#[cfg(any(feature = "html", feature = "docx", feature = "pdf"))]
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct NotRead {
    not_checked: &'static str,
    message: String,
}

/// Text in the encoding a Chinese report file may have: UTF-8, else GB18030 (which covers GBK and
/// GB2312), decoded by the browser's own TextDecoder; `None` when neither reads every byte.
#[cfg(any(feature = "html", feature = "docx", feature = "pdf"))]
fn decode_text(bytes: &[u8]) -> Option<String> {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Some(text.strip_prefix('\u{FEFF}').unwrap_or(text).to_string());
    }
    let options = web_sys::TextDecoderOptions::new();
    options.set_fatal(true);
    let decoder = web_sys::TextDecoder::new_with_label_and_options("gb18030", &options).ok()?;
    decoder.decode_with_u8_array(bytes).ok()
}

/// `checkUpload(file, { lang, previous })`: a report as the page's file input gives it, read in the
/// page (nothing leaves the browser) and checked as a reviewer checks it: `{ report, diagnostics,
/// coverage }`; `{ error }` saying why it cannot be read; or `{ notChecked: 'pdf' | 'doc', message }`
/// for a format not read, which must never block an upload. Only in the readers' modules: the form
/// page's module has no file readers; the PDF reader is a module of its own (`pkg/pdf/`).
#[cfg(any(feature = "html", feature = "docx", feature = "pdf"))]
#[wasm_bindgen(js_name = checkUpload)]
pub fn check_upload(file: web_sys::File, options: JsValue) -> Result<js_sys::Promise, JsError> {
    let options: ReviewOptions = from_js(options, "options")?;
    // The file is read asynchronously (the browser's FileReader); the promise settles with the outcome.
    Ok(wasm_bindgen_futures::future_to_promise(async move { read_upload(file, &options).await.map_err(JsValue::from) }))
}

#[cfg(any(feature = "html", feature = "docx", feature = "pdf"))]
async fn read_upload(file: web_sys::File, options: &ReviewOptions) -> Result<JsValue, JsError> {
    let size = file.size() as usize;
    if size > import::MAX_FILE_BYTES {
        let error = import::ImportError::TooLarge { bytes: size, limit: import::MAX_FILE_BYTES };
        return to_js(&Reviewed::Failed { error: error.message(options.lang) });
    }
    let bytes = gloo_file::futures::read_as_bytes(&gloo_file::Blob::from(file))
        .await
        .map_err(|e| JsError::new(&format!("disclosure-report: the file cannot be read: {e}")))?;
    let not_read = |kind: &'static str| {
        let message = match (kind, options.lang) {
            ("pdf", Lang::Zh) => "PDF 文件暂不能在页面中检查：未检查，不影响提交。",
            ("pdf", Lang::En) => "PDF files cannot be checked in the page yet: not checked, the upload is not held up.",
            (_, Lang::Zh) => "Word 97–2003（.doc）文件不能检查：请另存为 .docx 后再选择；未检查，不影响提交。",
            (_, Lang::En) => "Word 97–2003 (.doc) files cannot be checked: save it as .docx and choose it again; not checked, the upload is not held up.",
        };
        to_js(&NotRead { not_checked: kind, message: message.to_string() })
    };
    if import::is_pdf(&bytes) {
        #[cfg(feature = "pdf")]
        return review(import::import_bytes(&bytes), options);
        #[cfg(not(feature = "pdf"))]
        return not_read("pdf");
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return not_read("doc");
    }
    let read = if bytes.starts_with(b"PK\x03\x04") {
        import::import_bytes(&bytes)
    } else {
        match decode_text(&bytes) {
            Some(text) => import::import(&text),
            None => import::import_bytes(&bytes),
        }
    };
    review(read, options)
}

/// `readPastedTable(html, form)`: a table pasted into the form page (the clipboard's `text/html` from
/// Word, Excel or a web page), read by the same grid reader as the HTML importer: `{ cells, rows }`,
/// the cells it places by their row labels (`{ id: text }`, as typed), and its rows with spans
/// resolved, for a paste of figures without labels to spread from the focused cell.
#[cfg(feature = "html")]
#[wasm_bindgen(js_name = readPastedTable)]
pub fn read_pasted_table(html: &str, form: &str) -> Result<JsValue, JsError> {
    #[derive(Serialize)]
    struct Pasted {
        cells: std::collections::BTreeMap<String, String>,
        rows: Vec<Vec<String>>,
    }
    let (imported, rows) = import::read_pasted_table(html, form_from_str(form)?);
    // A cell read from a row the reader had to repair is not filled: the clerk types it.
    let cells = imported
        .map(|i| i.report.cells.into_iter().filter(|(id, _)| !i.unread.contains_key(id)).collect())
        .unwrap_or_default();
    to_js(&Pasted { cells, rows })
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct CheckerOptions {
    mode: Mode,
    lang: Lang,
}

/// A form being filled in the page: one per form, kept inside the wasm instance so a keystroke
/// re-checks only the rules of the changed cell and converts only their findings.
#[wasm_bindgen(js_name = Checker)]
pub struct JsChecker {
    inner: engine::Checker,
    lang: Lang,
}

#[wasm_bindgen(js_class = Checker)]
impl JsChecker {
    /// `new Checker(form, { mode: "filling" | "submit" | "review", lang: "zh" | "en" })`.
    #[wasm_bindgen(constructor)]
    pub fn new(form: &str, options: JsValue) -> Result<JsChecker, JsError> {
        let options: CheckerOptions = from_js(options, "options")?;
        Ok(JsChecker { inner: engine::Checker::new(form_from_str(form)?, options.mode), lang: options.lang })
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

    /// Every current finding of the table.
    pub fn diagnostics(&self) -> Result<JsValue, JsError> {
        let mut all = self.inner.diagnostics();
        messages::localize(&mut all, self.inner.form(), self.lang);
        to_js(&all)
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
        let mode: Mode = from_js(mode, "mode must be \"filling\", \"submit\" or \"review\"")?;
        self.inner.set_mode(mode);
        Ok(())
    }

    /// The cells as typed, as a report in the project's JSON format.
    pub fn report(&self) -> Result<JsValue, JsError> {
        let mut report = Report::new(self.inner.form().id);
        report.cells = self.inner.cells().map(|(id, text)| (id.to_string(), text.to_string())).collect();
        to_js(&report)
    }
}
