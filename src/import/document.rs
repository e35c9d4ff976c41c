//! A text report as lines: narrative text, table rows split into cells, and the lines that are
//! neither (the converter's preamble, Markdown's `|---|` rules). Each syntax (pipe text, Markdown,
//! TSV) only decides how a line becomes cells; everything after works on this one model.

use serde::{Deserialize, Serialize};

use super::{markdown, text, tsv};

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
pub(crate) struct Line<'a> {
    /// 1-based, as an editor shows it.
    pub number: usize,
    /// The line as written (without its line break).
    pub text: &'a str,
    pub kind: LineKind,
}

#[derive(Debug, Clone)]
pub(crate) struct Document<'a> {
    pub syntax: Syntax,
    pub lines: Vec<Line<'a>>,
}

/// Trim the spaces that separate cells, nothing else: a full-width space typed into a cell stays.
pub(crate) fn trim_separator_spaces(cell: &str) -> &str {
    cell.trim_matches([' ', '\t'])
}

/// A converter's note line: `source: …`, `note: …`.
fn is_preamble_note(line: &str) -> bool {
    let line = line.trim_start();
    ["source:", "note:"]
        .iter()
        .any(|p| line.len() >= p.len() && line.is_char_boundary(p.len()) && line[..p.len()].eq_ignore_ascii_case(p))
}

/// A rule drawn with dashes (`-----`, `=====`): layout, not text.
pub(crate) fn is_drawn_rule(line: &str) -> bool {
    let t = line.trim();
    t.chars().count() >= 3 && t.chars().all(|c| matches!(c, '-' | '=' | '_' | '*' | '—' | '─'))
}

impl<'a> Document<'a> {
    pub fn lex(input: &'a str, syntax: Syntax) -> Document<'a> {
        let input = input.strip_prefix('\u{FEFF}').unwrap_or(input);
        let mut in_preamble = true;
        let lines = input
            .lines()
            .enumerate()
            .map(|(i, text)| {
                let kind = if text.trim().is_empty() {
                    LineKind::Blank
                } else if in_preamble && (is_preamble_note(text) || is_drawn_rule(text)) {
                    LineKind::Preamble
                } else {
                    in_preamble = false;
                    match syntax {
                        Syntax::Text => text::lex_line(text),
                        Syntax::Markdown => markdown::lex_line(text),
                        Syntax::Tsv => tsv::lex_line(text),
                    }
                };
                Line { number: i + 1, text, kind }
            })
            .collect();
        Document { syntax, lines }
    }

    /// Which syntax a text report is written in: Markdown if it has a delimiter row, TSV if more
    /// lines carry tabs than pipes, else plain pipe text.
    pub fn sniff(input: &str) -> Syntax {
        let mut tabs = 0usize;
        let mut pipes = 0usize;
        for line in input.lines() {
            if markdown::is_delimiter_row(line) {
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
    pub fn next(&self, index: usize) -> Option<&Line<'a>> {
        self.lines.get(index + 1)
    }

    /// The table rows, with their line numbers.
    pub fn rows(&self) -> impl Iterator<Item = (&Line<'a>, &[String])> {
        self.lines.iter().filter_map(|line| match &line.kind {
            LineKind::Row(cells) => Some((line, cells.as_slice())),
            _ => None,
        })
    }
}
