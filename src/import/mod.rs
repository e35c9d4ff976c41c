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
pub mod grid;
pub mod json;
mod meta;
mod place;
pub mod readers;
pub mod source;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::diagnostic::{Diagnostic, Origin};
use crate::messages::Lang;
use crate::report::Report;

pub use detect::{detect, structure_form, Evidence, Signal, Structure};
pub use document::Syntax;
pub use json::{import_json, to_json};

use document::{Document, Line, LineKind};
use place::Placer;

/// A report read from its text, with what the reading found.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Imported {
    pub report: Report,
    /// `unplaced-row` and `duplicate-cell` findings, in the order of the lines.
    pub diagnostics: Vec<Diagnostic>,
    /// Cells not read with confidence, with the row each came from: no rule reading one is judged
    /// (`coverage::judge`).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub unread: BTreeMap<String, Origin>,
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
    /// An HTML page or Word file without a single table.
    NoTableInFile { format: Syntax, paragraphs: usize },
    /// A file larger than the readers take.
    TooLarge { bytes: usize, limit: usize },
    /// An HTML page nesting its elements deeper than any page a browser shows in full.
    TooDeep { limit: usize },
    /// A file that says it is a Word file (.docx) but cannot be read as one.
    NotAWordFile { reason: String },
    /// A Word file whose parts would expand beyond the bound (a zip bomb, or not a report).
    Expands { limit: usize },
    /// A file that says it is a PDF but cannot be read as one.
    NotAPdf { reason: String },
    /// A PDF that cannot be opened without a password.
    Encrypted,
    /// A PDF of pictures only (a scan): no text to read.
    NoTextLayer { pages: usize },
    /// A PDF with more pages than any annual report.
    TooManyPages { pages: usize, limit: usize },
    /// A format the readers do not read (yet): what it is.
    Unsupported { format: String },
    /// Bytes that are neither a known file format nor UTF-8 text.
    NotText { valid_up_to: usize },
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
            (ImportError::NoTableInFile { format, paragraphs }, Lang::Zh) => {
                format!("找不到统计表：{}中有 {paragraphs} 段文字，但没有表格", format.name(Lang::Zh))
            }
            (ImportError::NoTableInFile { format, paragraphs }, Lang::En) => {
                format!("no statistics table: the {} has {paragraphs} paragraphs of text but no table", format.name(Lang::En))
            }
            (ImportError::TooLarge { bytes, limit }, Lang::Zh) => format!(
                "文件过大：{} MB，超过可读取的上限 {} MB（年度报告通常不足 1 MB）",
                bytes / 1_000_000,
                limit / 1_000_000
            ),
            (ImportError::TooLarge { bytes, limit }, Lang::En) => format!(
                "the file is too large: {} MB, over the limit of {} MB (an annual report is usually under 1 MB)",
                bytes / 1_000_000,
                limit / 1_000_000
            ),
            (ImportError::TooDeep { limit }, Lang::Zh) => {
                format!("网页元素嵌套超过 {limit} 层，不是可读取的报告页面")
            }
            (ImportError::TooDeep { limit }, Lang::En) => {
                format!("the page nests its elements more than {limit} deep: not a report page that can be read")
            }
            (ImportError::NotAWordFile { reason }, Lang::Zh) => {
                format!("无法作为 Word 文件（.docx）读取：{reason}")
            }
            (ImportError::NotAWordFile { reason }, Lang::En) => {
                format!("cannot be read as a Word file (.docx): {reason}")
            }
            (ImportError::Expands { limit }, Lang::Zh) => format!(
                "Word 文件解压后超过 {} MB，拒绝读取（可能是压缩炸弹，或不是年度报告）",
                limit / 1_000_000
            ),
            (ImportError::Expands { limit }, Lang::En) => format!(
                "the Word file expands to more than {} MB and is refused (a zip bomb, or not an annual report)",
                limit / 1_000_000
            ),
            (ImportError::NotAPdf { reason }, Lang::Zh) => format!("无法作为 PDF 文件读取：{reason}"),
            (ImportError::NotAPdf { reason }, Lang::En) => format!("cannot be read as a PDF file: {reason}"),
            (ImportError::Encrypted, Lang::Zh) => "PDF 文件已加密，须输入密码才能打开，无法核对".into(),
            (ImportError::Encrypted, Lang::En) => {
                "the PDF is encrypted and opens only with a password: it cannot be checked".into()
            }
            (ImportError::NoTextLayer { pages }, Lang::Zh) => format!(
                "此 PDF 没有文字层（{pages} 页均为图片，可能是扫描件），无法核对；请提供带文字的 PDF、Word 或网页版本"
            ),
            (ImportError::NoTextLayer { pages }, Lang::En) => format!(
                "this PDF has no text layer (its {pages} pages are pictures, probably a scan): it cannot be checked; give a PDF with text, the Word file or the web page"
            ),
            (ImportError::TooManyPages { pages, limit }, Lang::Zh) => {
                format!("PDF 共 {pages} 页，超过可读取的上限 {limit} 页，不像年度报告")
            }
            (ImportError::TooManyPages { pages, limit }, Lang::En) => {
                format!("the PDF has {pages} pages, over the limit of {limit}: not an annual report")
            }
            (ImportError::Unsupported { format }, Lang::Zh) => {
                format!("暂不能读取 {format} 文件；请提供网页（HTML）、Word（.docx）、PDF 或文本格式的报告")
            }
            (ImportError::NotText { valid_up_to }, Lang::Zh) => {
                format!("不是 UTF-8 文本（第 {valid_up_to} 字节起无法解码）；请另存为 UTF-8 后再检查")
            }
            (ImportError::NotText { valid_up_to }, Lang::En) => {
                format!("not UTF-8 text (undecodable from byte {valid_up_to}); save it as UTF-8 and check again")
            }
            (ImportError::Unsupported { format }, Lang::En) => {
                format!("{format} files cannot be read yet; give the report as a web page (HTML), Word (.docx), PDF or text")
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

/// The largest file the readers take (an annual report, pictures and all, is rarely over 5 MB).
pub const MAX_FILE_BYTES: usize = 20_000_000;

/// Read a report in whatever form it comes: JSON, an HTML page, Markdown pipe tables, TSV or plain
/// pipe text.
pub fn import(input: &str) -> Result<Imported, ImportError> {
    if input.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge { bytes: input.len(), limit: MAX_FILE_BYTES });
    }
    if json::looks_like_json(input) {
        return import_json(input);
    }
    if readers::looks_like_html(input) {
        #[cfg(feature = "html")]
        return import_html(input);
        #[cfg(not(feature = "html"))]
        return Err(ImportError::Unsupported { format: "HTML".into() });
    }
    import_as(input, Document::sniff(input))
}

/// What the reader of a file's format read, before placement: the intermediate every format
/// produces (`Source::dump` prints it). JSON has none: it names its cells itself.
pub fn read_source(bytes: &[u8]) -> Result<(source::Source, Syntax), ImportError> {
    if bytes.starts_with(b"PK\x03\x04") {
        #[cfg(feature = "docx")]
        return Ok((readers::docx::read(bytes)?, Syntax::Docx));
    }
    #[cfg(feature = "pdf")]
    if is_pdf(bytes) {
        return Ok((readers::pdf::read(bytes)?, Syntax::Pdf));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| ImportError::NotText { valid_up_to: e.valid_up_to() })?;
    #[cfg(feature = "html")]
    if readers::looks_like_html(text) {
        return Ok((read_html(text)?, Syntax::Html));
    }
    let syntax = Document::sniff(text);
    Ok((readers::lines(text, syntax), syntax))
}

/// Whether bytes are a PDF: its signature within the first kilobyte, as readers allow.
pub fn is_pdf(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(1024)].windows(5).any(|w| w == b"%PDF-")
}

/// Read a report from a file's bytes: a Word file by its zip signature, a PDF by its own, any
/// other as UTF-8 text (a caller that meets GB18030 decodes it first).
pub fn import_bytes(bytes: &[u8]) -> Result<Imported, ImportError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len(), limit: MAX_FILE_BYTES });
    }
    if is_pdf(bytes) {
        #[cfg(feature = "pdf")]
        return import_pdf(bytes);
        #[cfg(not(feature = "pdf"))]
        return Err(ImportError::Unsupported { format: "PDF".into() });
    }
    if bytes.starts_with(b"PK\x03\x04") {
        #[cfg(feature = "docx")]
        return import_docx(bytes);
        #[cfg(not(feature = "docx"))]
        return Err(ImportError::Unsupported { format: "Word (.docx)".into() });
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(ImportError::Unsupported { format: "Word 97–2003 (.doc)".into() });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => import(text),
        Err(e) => Err(ImportError::NotText { valid_up_to: e.valid_up_to() }),
    }
}

/// Read an HTML page or fragment: a portal's article, an editor's content, the project's preview.
#[cfg(feature = "html")]
pub fn import_html(input: &str) -> Result<Imported, ImportError> {
    import_source(read_html(input)?, Syntax::Html)
}

/// The HTML reader within its bounds: the size of a file, and a nesting the parser reads in time.
#[cfg(feature = "html")]
fn read_html(input: &str) -> Result<source::Source, ImportError> {
    if input.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge { bytes: input.len(), limit: MAX_FILE_BYTES });
    }
    if readers::html::nesting_depth(input) > readers::html::MAX_DEPTH {
        return Err(ImportError::TooDeep { limit: readers::html::MAX_DEPTH });
    }
    Ok(readers::html::read(input))
}

/// Read a Word file (.docx).
#[cfg(feature = "docx")]
pub fn import_docx(bytes: &[u8]) -> Result<Imported, ImportError> {
    import_source(readers::docx::read(bytes)?, Syntax::Docx)
}

/// Read a PDF: its tables rebuilt from where its text and lines are printed.
#[cfg(feature = "pdf")]
pub fn import_pdf(bytes: &[u8]) -> Result<Imported, ImportError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len(), limit: MAX_FILE_BYTES });
    }
    import_source(readers::pdf::read(bytes)?, Syntax::Pdf)
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
    if input.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge { bytes: input.len(), limit: MAX_FILE_BYTES });
    }
    if input.trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}').is_empty() {
        return Err(ImportError::Empty);
    }
    match syntax {
        #[cfg(feature = "html")]
        Syntax::Html => import_html(input),
        _ => import_source(readers::lines(input, syntax), syntax),
    }
}

/// A table pasted into a form page (the clipboard's HTML from Word, Excel or a web page), read for the
/// page's form: the cells it places by their labels, and its rows as placement reads them (spans
/// resolved), for a paste without labels to spread from the focused cell.
#[cfg(feature = "html")]
pub fn read_pasted_table(html: &str, form: crate::form::FormId) -> (Option<Imported>, Vec<Vec<String>>) {
    let Ok(source) = read_html(html) else { return (None, Vec::new()) };
    let rows = source
        .tables()
        .flat_map(grid::flatten)
        .filter_map(|row| match row {
            grid::FlatRow::Cells { cells, .. } => Some(cells),
            grid::FlatRow::Caption { .. } => None,
        })
        .collect();
    (place_source(source, Syntax::Html, Some(form)).ok(), rows)
}

/// Place what a reader read: the one path from the intermediate to a report, for every format.
fn import_source(source: source::Source, syntax: Syntax) -> Result<Imported, ImportError> {
    place_source(source, syntax, None)
}

/// `import_source`, for the given form when the caller knows it (a form page), else the detected one.
fn place_source(
    source: source::Source,
    syntax: Syntax,
    form: Option<crate::form::FormId>,
) -> Result<Imported, ImportError> {
    let hints = source.hints.clone();
    let doc = Document::from_source(syntax, source);
    let mut meta = meta::read(&doc);
    if meta.date.is_none() {
        meta.date = hints.date;
    }
    let structure = detect::structure_of(&doc);
    let rows = doc.rows().count();
    let first_row = doc.rows().next().map(|(line, _)| line.number).unwrap_or(0);
    if rows == 0 {
        return Err(match syntax {
            Syntax::Html | Syntax::Docx | Syntax::Pdf => ImportError::NoTableInFile {
                format: syntax,
                paragraphs: doc.lines.iter().filter(|l| l.kind == LineKind::Text).count(),
            },
            _ => ImportError::NoTable { lines: doc.lines.len() },
        });
    }
    let Some(form) = form.or_else(|| structure.decide(meta.year)) else {
        return Err(ImportError::NoRecognisableRow { rows, first_line: first_row });
    };

    let mut placer = Placer::new(form.def());
    let mut in_table = vec![false; doc.lines.len()];
    for (i, line) in doc.lines.iter().enumerate() {
        match &line.kind {
            LineKind::Row(cells) => {
                in_table[i] = true;
                placer.place(line.number, line.origin, !line.damage.is_empty(), &line.text, cells);
            }
            LineKind::Rule => in_table[i] = true,
            LineKind::Text if is_caption(&doc, &placer, i) => {
                in_table[i] = true;
                placer.caption();
            }
            _ => {}
        }
    }
    placer.finish();
    // A line of text between two rows of a table is the table's (a label broken over two lines),
    // not the narrative's.
    let row = |l: &Line| matches!(l.kind, LineKind::Row(_));
    for (i, w) in doc.lines.windows(3).enumerate() {
        if w[1].kind == LineKind::Text && row(&w[0]) && row(&w[2]) {
            in_table[i + 1] = true;
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
    Ok(Imported { report, diagnostics: placer.diagnostics, unread: placer.unread })
}

/// A text line that belongs to a table: a caption naming a column group (第二十条第（一）项), or a
/// line directly above a header row, with no blank line between.
fn is_caption(doc: &Document, placer: &Placer, i: usize) -> bool {
    let text = meta::line_text(doc.syntax, &doc.lines[i].text);
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
