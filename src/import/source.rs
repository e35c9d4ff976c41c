//! The intermediate every reader produces: the report as blocks in reading order, each a line or
//! paragraph of text, or a raw table (rows of cells with their spans, as the format wrote them).
//!
//! No reader builds a dense grid or places a value: spans are resolved once for every format by
//! `grid`, and rows become cells of a form once, by `place`. What a reader had to repair or could
//! not read is kept as an issue beside what it read, never silently.

use std::fmt::Write as _;

use serde::Serialize;

pub use crate::diagnostic::Origin;

/// One cell as the format wrote it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RawCell {
    pub text: String,
    pub rowspan: usize,
    pub colspan: usize,
    /// The grid column the format says the cell starts at (Word's `w:gridBefore` and spans); checked
    /// by the normaliser, not trusted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grid_column: Option<usize>,
}

impl RawCell {
    pub fn new(text: impl Into<String>) -> RawCell {
        RawCell { text: text.into(), rowspan: 1, colspan: 1, grid_column: None }
    }

    pub fn spanning(text: impl Into<String>, rowspan: usize, colspan: usize) -> RawCell {
        RawCell { text: text.into(), rowspan: rowspan.max(1), colspan: colspan.max(1), grid_column: None }
    }
}

/// One row of a raw table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RawRow {
    pub origin: Origin,
    /// The row as written, for quoting in findings (a text line as it is; a row of an HTML or
    /// Word table as its cells joined by ` | `).
    pub text: String,
    pub cells: Vec<RawCell>,
    /// Part of the row lies where the reader cannot read it (a PDF table running off its page):
    /// what it holds is not an exact reading, and placement does not trust it.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub cut: bool,
}

impl RawRow {
    /// A row of cells that each take one slot (text, Markdown, TSV).
    pub fn plain(origin: Origin, text: &str, cells: Vec<String>) -> RawRow {
        RawRow { origin, text: text.to_string(), cells: cells.into_iter().map(RawCell::new).collect(), cut: false }
    }

    /// A row read from markup: its quoted text is its cells' text.
    pub fn from_cells(origin: Origin, cells: Vec<RawCell>) -> RawRow {
        let text = cells.iter().map(|c| c.text.as_str()).collect::<Vec<_>>().join(" | ");
        RawRow { origin, text, cells, cut: false }
    }
}

/// What one block of the report is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Block {
    /// An empty line or the boundary between two paragraphs.
    Blank { origin: Origin },
    /// A converter's notes before the report (`source:`, `note:`, a dashed rule): not the report.
    Preamble { origin: Origin, text: String },
    /// A line or paragraph of text (or a table caption: placement decides).
    Text { origin: Origin, text: String },
    /// A table, rows in order.
    Table { rows: Vec<RawRow> },
}

/// What a reader says about the file as a whole (the page's metadata, as a portal's CMS writes it).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Hints {
    /// The article's title, where the page names it apart from its text (`<meta name="ArticleTitle">`,
    /// its `<h1>`, its `<title>`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The publication date (`<meta name="PubDate">`), `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

/// A report as a reader read it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Source {
    pub blocks: Vec<Block>,
    pub hints: Hints,
}

impl Source {
    /// The tables, in order.
    pub fn tables(&self) -> impl Iterator<Item = &[RawRow]> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Table { rows } => Some(rows.as_slice()),
            _ => None,
        })
    }

    /// A plain dump for golden tests and for looking at what a reader saw: one line per block or row,
    /// a cell's spans after it as `{rows×columns}` when it spans.
    pub fn dump(&self) -> String {
        let mut out = String::new();
        if let Some(title) = &self.hints.title {
            let _ = writeln!(out, "title: {title}");
        }
        if let Some(date) = &self.hints.date {
            let _ = writeln!(out, "date: {date}");
        }
        for block in &self.blocks {
            match block {
                Block::Blank { .. } => out.push('\n'),
                Block::Preamble { text, .. } => {
                    let _ = writeln!(out, "# {text}");
                }
                Block::Text { text, .. } => {
                    let _ = writeln!(out, "{text}");
                }
                Block::Table { rows } => {
                    out.push_str("[table]\n");
                    for row in rows {
                        let cells: Vec<String> = row
                            .cells
                            .iter()
                            .map(|c| {
                                let mut s = c.text.clone();
                                if c.rowspan > 1 || c.colspan > 1 {
                                    let _ = write!(s, "{{{}×{}}}", c.rowspan, c.colspan);
                                }
                                s
                            })
                            .collect();
                        let _ = writeln!(out, "| {} |", cells.join(" | "));
                    }
                    out.push_str("[/table]\n");
                }
            }
        }
        out
    }
}
