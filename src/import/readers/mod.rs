//! The readers: one per format, each turning its input into the one intermediate (`Source`).
//!
//! The text formats (pipe text as published, Markdown, TSV) share the line loop below and differ
//! only in how a line becomes cells; HTML and Word read their markup's tables with their spans; PDF
//! rebuilds its tables from where the characters and the lines are printed.

#[cfg(feature = "docx")]
pub mod docx;
#[cfg(feature = "html")]
pub mod html;
pub mod markdown;
#[cfg(feature = "pdf-layout")]
pub mod pdf;
pub mod text;
pub mod tsv;

use super::document::{is_drawn_rule, LineKind, Syntax};
use super::source::{Block, Origin, RawRow, Source};

/// A converter's note line: `source: …`, `note: …`.
fn is_preamble_note(line: &str) -> bool {
    let line = line.trim_start();
    ["source:", "note:"]
        .iter()
        .any(|p| line.len() >= p.len() && line.is_char_boundary(p.len()) && line[..p.len()].eq_ignore_ascii_case(p))
}

/// A text report, line by line: consecutive table rows make one table (a Markdown delimiter row
/// is part of its table and holds no cells).
pub fn lines(input: &str, syntax: Syntax) -> Source {
    let input = input.strip_prefix('\u{FEFF}').unwrap_or(input);
    let mut blocks = Vec::new();
    let mut table: Vec<RawRow> = Vec::new();
    let mut in_preamble = true;
    for (i, text) in input.lines().enumerate() {
        let origin = Origin::Line { line: i + 1 };
        let kind = if text.trim().is_empty() {
            LineKind::Blank
        } else if in_preamble && (is_preamble_note(text) || is_drawn_rule(text)) {
            LineKind::Preamble
        } else {
            in_preamble = false;
            match syntax {
                Syntax::Markdown => markdown::lex_line(text),
                Syntax::Tsv => tsv::lex_line(text),
                _ => text::lex_line(text),
            }
        };
        match kind {
            LineKind::Row(cells) => {
                table.push(RawRow::plain(origin, text, cells));
                continue;
            }
            LineKind::Rule => continue,
            _ => {}
        }
        if !table.is_empty() {
            blocks.push(Block::Table { rows: std::mem::take(&mut table) });
        }
        blocks.push(match kind {
            LineKind::Blank => Block::Blank { origin },
            LineKind::Preamble => Block::Preamble { origin, text: text.to_string() },
            _ => Block::Text { origin, text: text.to_string() },
        });
    }
    if !table.is_empty() {
        blocks.push(Block::Table { rows: table });
    }
    Source { blocks, ..Source::default() }
}

/// Whether a text looks like HTML markup rather than a text report.
pub fn looks_like_html(input: &str) -> bool {
    let head: String = input.trim_start_matches('\u{FEFF}').trim_start().chars().take(1024).collect();
    let lower = head.to_ascii_lowercase();
    lower.starts_with("<!doctype html")
        || lower.starts_with("<html")
        || lower.starts_with("<?xml") && lower.contains("<html")
        || ["<table", "<p", "<div", "<body", "<meta", "<head", "<h1", "<h2", "<span", "<article", "<section", "<!--"]
            .iter()
            .any(|tag| lower.starts_with(tag))
}
