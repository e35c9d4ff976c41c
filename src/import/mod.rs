//! Importers: a report as published (plain text with `|` rows), as Markdown pipe tables, as TSV
//! pasted from a spreadsheet, or as the project's JSON, each read into one `Report`.
//!
//! Cells keep the text exactly as typed; blank cells stay absent. Rows that cannot be placed are
//! reported (`unplaced-row`, info) and two rows giving one cell different values are an error
//! (`duplicate-cell`); only input with nothing recognisable at all is refused (`ImportError`).
//! The importers read form definitions only: which form the tables are is detected from their
//! structure (`detect`), and every row is placed by the labels and columns its definition gives.

pub mod detect;
mod document;
pub mod json;
mod markdown;
mod meta;
mod place;
mod text;
mod tsv;

use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::messages::Lang;
use crate::report::Report;

pub use detect::{detect, structure_form, Evidence, Signal, Structure};
pub use document::Syntax;
pub use json::{import_json, to_json};

use document::{Document, LineKind};
use place::Placer;

/// A report read from its text, with what the reading found.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Imported {
    pub report: Report,
    /// `unplaced-row` and `duplicate-cell` findings, in the order of the lines.
    pub diagnostics: Vec<Diagnostic>,
}

/// Why an input could not be read as a report at all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum ImportError {
    /// Nothing but whitespace.
    Empty,
    /// Text without a single table row (a line with `|` or a tab).
    NoTable { lines: usize },
    /// Table rows, none of which is a row of any form's tables.
    NoRecognisableRow { rows: usize, first_line: usize },
    /// JSON that does not read as a report: where, and what the parser said.
    InvalidJson { line: usize, column: usize, reason: String },
    /// JSON of another kind (its `format` is not `disclosure-report`).
    NotAReport { format: String },
    /// JSON written by a newer version of the project.
    UnsupportedVersion { version: u64 },
}

impl ImportError {
    /// Why, in the user's language.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (ImportError::Empty, Lang::Zh) => "文件是空的：没有可读取的报告".into(),
            (ImportError::Empty, Lang::En) => "the file is empty: there is no report to read".into(),
            (ImportError::NoTable { lines }, Lang::Zh) => {
                format!("找不到统计表：{lines} 行文字中没有表格行（以 | 或制表符分隔的行）")
            }
            (ImportError::NoTable { lines }, Lang::En) => {
                format!("no statistics table: none of the {lines} lines is a table row (cells separated by | or tabs)")
            }
            (ImportError::NoRecognisableRow { rows, first_line }, Lang::Zh) => {
                format!("无法识别统计表：{rows} 个表格行（第 {first_line} 行起）都不是任何一版统计表中的行")
            }
            (ImportError::NoRecognisableRow { rows, first_line }, Lang::En) => format!(
                "no recognisable statistics table: none of the {rows} table rows (from line {first_line}) is a row of any form"
            ),
            (ImportError::InvalidJson { line, column, reason }, Lang::Zh) => {
                format!("JSON 无法读取（第 {line} 行第 {column} 列）：{reason}")
            }
            (ImportError::InvalidJson { line, column, reason }, Lang::En) => {
                format!("the JSON cannot be read (line {line}, column {column}): {reason}")
            }
            (ImportError::NotAReport { format }, Lang::Zh) => {
                format!("这不是本项目的报告 JSON（format 为 \"{format}\"，应为 \"disclosure-report\"）")
            }
            (ImportError::NotAReport { format }, Lang::En) => {
                format!("not a report of this project (format is \"{format}\", not \"disclosure-report\")")
            }
            (ImportError::UnsupportedVersion { version }, Lang::Zh) => {
                format!("报告 JSON 的版本 {version} 比本程序新，请更新后再读取")
            }
            (ImportError::UnsupportedVersion { version }, Lang::En) => {
                format!("the report JSON is version {version}, newer than this program reads; please update")
            }
        }
    }
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::default()))
    }
}

impl std::error::Error for ImportError {}

/// Read a report in whatever form it comes: JSON, Markdown pipe tables, TSV or plain pipe text.
pub fn import(input: &str) -> Result<Imported, ImportError> {
    if json::looks_like_json(input) {
        return import_json(input);
    }
    import_as(input, Document::sniff(input))
}

/// Read a plain-text report with `|` rows (as the samples are written).
pub fn import_text(input: &str) -> Result<Imported, ImportError> {
    import_as(input, Syntax::Text)
}

/// Read a report whose tables are Markdown pipe tables.
pub fn import_markdown(input: &str) -> Result<Imported, ImportError> {
    import_as(input, Syntax::Markdown)
}

/// Read a report whose tables are tab-separated (pasted from a spreadsheet).
pub fn import_tsv(input: &str) -> Result<Imported, ImportError> {
    import_as(input, Syntax::Tsv)
}

/// Read a text report written in `syntax`.
pub fn import_as(input: &str, syntax: Syntax) -> Result<Imported, ImportError> {
    if input.trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}').is_empty() {
        return Err(ImportError::Empty);
    }
    let doc = Document::lex(input, syntax);
    let meta = meta::read(&doc);
    let structure = detect::structure_of(&doc);
    let rows = doc.rows().count();
    let first_row = doc.rows().next().map(|(line, _)| line.number).unwrap_or(0);
    if rows == 0 {
        return Err(ImportError::NoTable { lines: doc.lines.len() });
    }
    let Some(form) = structure.decide(meta.year) else {
        return Err(ImportError::NoRecognisableRow { rows, first_line: first_row });
    };

    let mut placer = Placer::new(form.def());
    let mut in_table = vec![false; doc.lines.len()];
    for (i, line) in doc.lines.iter().enumerate() {
        match &line.kind {
            LineKind::Row(cells) => {
                in_table[i] = true;
                placer.place(line.number, line.text, cells);
            }
            LineKind::Rule => in_table[i] = true,
            LineKind::Text if is_caption(&doc, &placer, i) => {
                in_table[i] = true;
                placer.caption();
            }
            _ => {}
        }
    }
    if placer.recognised == 0 {
        return Err(ImportError::NoRecognisableRow { rows, first_line: first_row });
    }

    let mut report = Report::new(form);
    report.narrative = meta::narrative(&doc, &meta, &in_table);
    report.title = meta.title;
    report.year = meta.year;
    report.agency = meta.agency;
    report.date = meta.date;
    report.cells = placer.cells;
    Ok(Imported { report, diagnostics: placer.diagnostics })
}

/// A text line that belongs to a table: a caption naming a column group (第二十条第（一）项), or a
/// line directly above a header row, with no blank line between.
fn is_caption(doc: &Document, placer: &Placer, i: usize) -> bool {
    let text = meta::line_text(doc.syntax, doc.lines[i].text);
    if !placer.vocabulary.caption_tables(text).is_empty() {
        return true;
    }
    match doc.next(i).map(|l| &l.kind) {
        Some(LineKind::Row(cells)) => {
            cells.first().is_some_and(|c| !place::is_value(c))
                && !placer.vocabulary.header_tables(&cells[1..]).is_empty()
        }
        _ => false,
    }
}
