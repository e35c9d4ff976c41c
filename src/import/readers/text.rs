//! Plain text as converted from a published page (the samples): one table row per line, cells
//! separated by `|`, narrative lines without one.
//!
//! An empty cell between two separators is a blank cell, not a zero, and stays blank. Converters
//! differ at the ends of a row: `label | 条 | 645 |` closes the row with a bare `|` (nothing after
//! it), while `… | 1 | 1 | ` ends with a blank last cell (the separator's space, then nothing).
//! A bare closing `|` is therefore a terminator; a `| ` with its space is a blank cell.

use crate::import::document::{trim_separator_spaces, LineKind};

pub(crate) fn lex_line(line: &str) -> LineKind {
    if !line.contains('|') {
        return LineKind::Text;
    }
    LineKind::Row(cells(line))
}

fn cells(line: &str) -> Vec<String> {
    let mut body = line;
    // A row opened by a bare `|` (no space before it) has no empty first cell.
    if let Some(rest) = body.strip_prefix('|') {
        body = rest;
    }
    if let Some(rest) = body.strip_suffix('|') {
        body = rest;
    }
    body.split('|').map(|c| trim_separator_spaces(c).to_string()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(line: &str) -> Vec<String> {
        match lex_line(line) {
            LineKind::Row(cells) => cells,
            other => panic!("not a row: {other:?}"),
        }
    }

    #[test]
    fn a_bare_closing_pipe_ends_the_row_but_a_spaced_one_is_a_blank_cell() {
        assert_eq!(row("收到申请数 | 件 | 1 |"), ["收到申请数", "件", "1"]);
        assert_eq!(row("（一）予以公开 | 258 | 1 | "), ["（一）予以公开", "258", "1", ""]);
        assert_eq!(row(" | 自然人 | 总计"), ["", "自然人", "总计"]);
        assert_eq!(row("附件1 | ||"), ["附件1", "", ""]);
    }

    #[test]
    fn lines_without_a_pipe_are_text() {
        assert_eq!(lex_line("一、总体情况"), LineKind::Text);
    }
}
