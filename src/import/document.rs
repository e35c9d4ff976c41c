//! The placement view: a report as lines, whatever format it came in. Narrative text, table rows
//! split into cells (spans already resolved by `grid`), and the lines that are neither (a
//! converter's preamble). Every reader hands in a `Source`; everything after works on this one model.

use serde::{Deserialize, Serialize};

use super::grid::{self, Damage, FlatRow};
use super::source::{Block, Origin, Source};

/// How a text report writes its table rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Syntax {
    /// Plain text as converted from a published page: cells separated by `|` (the samples).
    Text,
    /// Markdown pipe tables: `| a | b |` with `|---|` lines.
    Markdown,
    /// Tab-separated values pasted from a spreadsheet.
    Tsv,
    /// An HTML page or fragment (a portal's article, an editor's content, the project's preview).
    Html,
    /// A Word file (.docx).
    Docx,
    /// A PDF file, its tables rebuilt from the positions of its text and lines.
    Pdf,
}

/// What one line of the input is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum LineKind {
    Blank,
    /// The converter's notes before the report (`source:`, `note:`, the dashed rule).
    Preamble,
    /// Narrative text (or a table caption: the placer decides).
    Text,
    /// A table row, its cells trimmed of the separator spaces only.
    Row(Vec<String>),
    /// A Markdown delimiter row (`|---|---|`): part of a table, no cells.
    Rule,
}

#[derive(Debug, Clone)]
pub(crate) struct Line {
    /// 1-based: the line of a text file; for other formats, the line's place in this view.
    pub number: usize,
    pub origin: Origin,
    /// The line as written (without its line break), or a table row's cells joined by ` | `.
    pub text: String,
    pub kind: LineKind,
    /// Why a table row is not an exact reading of its table (empty when it is).
    pub damage: Vec<Damage>,
}

#[derive(Debug, Clone)]
pub(crate) struct Document {
    pub syntax: Syntax,
    pub lines: Vec<Line>,
}

/// Trim the spaces that separate cells, nothing else: a full-width space typed into a cell stays.
pub(crate) fn trim_separator_spaces(cell: &str) -> &str {
    cell.trim_matches([' ', '\t'])
}

/// A rule drawn with dashes (`-----`, `=====`): layout, not text.
pub(crate) fn is_drawn_rule(line: &str) -> bool {
    let t = line.trim();
    t.chars().count() >= 3 && t.chars().all(|c| matches!(c, '-' | '=' | '_' | '*' | '—' | '─'))
}

impl Syntax {
    /// What a person calls a file of this kind.
    pub fn name(self, lang: crate::messages::Lang) -> &'static str {
        use crate::messages::Lang;
        match (self, lang) {
            (Syntax::Text, Lang::Zh) => "文本",
            (Syntax::Markdown, _) => "Markdown",
            (Syntax::Tsv, _) => "TSV",
            (Syntax::Html, Lang::Zh) => "网页",
            (Syntax::Docx, Lang::Zh) => "Word 文件",
            (Syntax::Pdf, _) => "PDF",
            (Syntax::Text, Lang::En) => "text",
            (Syntax::Html, Lang::En) => "web page",
            (Syntax::Docx, Lang::En) => "Word file",
        }
    }
}

impl Document {
    /// Read a text report (pipe text, Markdown, TSV) into the placement view.
    pub fn lex(input: &str, syntax: Syntax) -> Document {
        Document::from_source(syntax, super::readers::lines(input, syntax))
    }

    /// The placement view of what a reader read: its tables' spans resolved, row by row.
    pub fn from_source(syntax: Syntax, source: Source) -> Document {
        let mut lines = Vec::new();
        let mut push = |origin: Origin, text: String, kind: LineKind, damage: Vec<Damage>| {
            let number = match origin {
                Origin::Line { line } => line,
                _ => lines.len() + 1,
            };
            lines.push(Line { number, origin, text, kind, damage });
        };
        for block in source.blocks {
            match block {
                Block::Blank { origin } => push(origin, String::new(), LineKind::Blank, Vec::new()),
                Block::Preamble { origin, text } => push(origin, text, LineKind::Preamble, Vec::new()),
                Block::Text { origin, text } => push(origin, text, LineKind::Text, Vec::new()),
                Block::Table { rows } => {
                    for row in grid::flatten(&rows) {
                        match row {
                            FlatRow::Caption { origin, text } => push(origin, text, LineKind::Text, Vec::new()),
                            FlatRow::Cells { origin, text, cells, damage } => {
                                push(origin, text, LineKind::Row(cells), damage)
                            }
                        }
                    }
                }
            }
        }
        Document { syntax, lines }
    }

    /// Which syntax a text report is written in: Markdown if it has a delimiter row, TSV if more
    /// lines carry tabs than pipes, else plain pipe text.
    pub fn sniff(input: &str) -> Syntax {
        let mut tabs = 0usize;
        let mut pipes = 0usize;
        for line in input.lines() {
            if super::readers::markdown::is_delimiter_row(line) {
                return Syntax::Markdown;
            }
            if line.contains('\t') && !line.trim().is_empty() {
                tabs += 1;
            }
            if line.contains('|') {
                pipes += 1;
            }
        }
        if tabs > pipes {
            Syntax::Tsv
        } else {
            Syntax::Text
        }
    }

    /// The line after `index`, if any.
    pub fn next(&self, index: usize) -> Option<&Line> {
        self.lines.get(index + 1)
    }

    /// The table rows, with their line numbers.
    pub fn rows(&self) -> impl Iterator<Item = (&Line, &[String])> {
        self.lines.iter().filter_map(|line| match &line.kind {
            LineKind::Row(cells) => Some((line, cells.as_slice())),
            _ => None,
        })
    }
}
