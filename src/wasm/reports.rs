//! The binding of whole reports: validate, the preview, the importers and the readers of files.
//! Compiled with the `reports` feature only: the form page's checker module leaves it out and the
//! page loads the module holding it when it first needs it.

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

#[cfg(feature = "html")]
use super::form_from_str;
use super::to_js;
use crate::engine::Mode;
use crate::import;
use crate::messages::{self, Lang};
use crate::render::{self, RenderOptions};
use crate::report::Report;
use crate::validate::{self, Options};

/// Decode an argument; `undefined` and `null` give the default. (Arguments come in through
/// serde-wasm-bindgen, which also takes `Map`s, as callers may build the report's cells in one.)
fn from_js<T: serde::de::DeserializeOwned + Default>(value: JsValue, what: &str) -> Result<T, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    serde_wasm_bindgen::from_value(value).map_err(|e| JsError::new(&format!("disclosure-report: {what}: {e}")))
}

/// A report from JavaScript. It crosses as one string, the browser's own `JSON.stringify` read by
/// serde_json: read field by field (serde-wasm-bindgen), each of a table's few hundred cells cost
/// calls into JavaScript for its key and its text, and decoding was most of a whole check's time
/// (`npm run bench`). A report whose cells are a `Map` (which JSON cannot hold), or one JSON does not
/// read as a report, is read field by field, which also says what is wrong with it.
fn report_from_js(value: JsValue) -> Result<Report, JsError> {
    let cells = js_sys::Reflect::get(&value, &JsValue::from_str("cells")).unwrap_or(JsValue::UNDEFINED);
    if value.is_object() && !cells.is_instance_of::<js_sys::Map>() {
        if let Some(json) = js_sys::JSON::stringify(&value).ok().and_then(|s| s.as_string()) {
            if let Ok(report) = serde_json::from_str(&json) {
                return Ok(report);
            }
        }
    }
    serde_wasm_bindgen::from_value(value)
        .map_err(|e| JsError::new(&format!("disclosure-report: the report is not in the project's JSON format: {e}")))
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
