//! The project's JSON: `Report` as serde writes it (camelCase, cells by id in key order). Stable
//! and exact: a report read and written again is the same text, and the same value.

use crate::diagnostic::{Code, Detail, Diagnostic, Severity};
use crate::report::{Report, FORMAT, FORMAT_VERSION};

use super::{ImportError, Imported};

/// Whether the input is JSON rather than a text report: its first non-space character opens an
/// object.
pub(crate) fn looks_like_json(input: &str) -> bool {
    input.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}').starts_with('{')
}

/// The report as the project's JSON, pretty-printed: what `import_json` reads back unchanged.
pub fn to_json(report: &Report) -> String {
    // A Report is strings, numbers and maps with string keys: serialising cannot fail.
    serde_json::to_string_pretty(report).unwrap_or_default()
}

/// The 1-based line of the first occurrence of `needle` in `input`.
fn line_of(input: &str, needle: &str) -> usize {
    input.find(needle).map(|at| input[..at].matches('\n').count() + 1).unwrap_or(0)
}

/// Read the project's JSON. Cells the form does not have are kept (the file round-trips) and
/// reported as unplaced.
pub fn import_json(input: &str) -> Result<Imported, ImportError> {
    let body = input.trim_start_matches('\u{FEFF}');
    if body.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let value: serde_json::Value = serde_json::from_str(body).map_err(|e| ImportError::InvalidJson {
        line: e.line(),
        column: e.column(),
        reason: e.to_string(),
    })?;
    if let Some(format) = value.get("format").and_then(|f| f.as_str()).filter(|&f| f != FORMAT) {
        return Err(ImportError::NotAReport { format: format.to_string() });
    }
    if let Some(version) = value.get("version").and_then(|v| v.as_u64()).filter(|&v| v > FORMAT_VERSION as u64) {
        return Err(ImportError::UnsupportedVersion { version });
    }
    // Read again from the text, not the value, so that a wrong field is reported where it is.
    let report: Report = serde_json::from_str(body).map_err(|e| ImportError::InvalidJson {
        line: e.line(),
        column: e.column(),
        reason: e.to_string(),
    })?;
    let form = report.form.def();
    let diagnostics = report
        .cells
        .keys()
        .filter(|id| form.find_cell(id).is_none())
        .map(|id| {
            let detail = Detail::Unplaced { line: line_of(body, &format!("\"{id}\"")), text: id.clone(), at: None };
            Diagnostic::new(Code::UnplacedRow, Severity::Info, vec![id.clone()], detail)
        })
        .collect();
    Ok(Imported { report, diagnostics, unread: Default::default() })
}
