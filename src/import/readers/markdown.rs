//! Markdown pipe tables: `| a | b |` rows, `|---|` delimiter rows, `\|` for a pipe inside a cell.
//! Outer pipes are optional in Markdown and always delimiters, never cells.

use crate::import::document::{trim_separator_spaces, LineKind};

/// A delimiter row: cells of dashes with optional alignment colons, and at least one pipe.
pub(crate) fn is_delimiter_row(line: &str) -> bool {
    let t = line.trim();
    if !t.contains('|') || !t.contains('-') {
        return false;
    }
    let t = t.strip_prefix('|').unwrap_or(t);
    let t = t.strip_suffix('|').unwrap_or(t);
    t.split('|').all(|cell| {
        let c = cell.trim();
        let c = c.strip_prefix(':').unwrap_or(c);
        let c = c.strip_suffix(':').unwrap_or(c);
        !c.is_empty() && c.chars().all(|ch| ch == '-')
    })
}

pub(crate) fn lex_line(line: &str) -> LineKind {
    if is_delimiter_row(line) {
        return LineKind::Rule;
    }
    let cells = split_unescaped(line.trim());
    if cells.len() < 2 {
        return LineKind::Text;
    }
    LineKind::Row(cells)
}

/// The cells of a row: split at pipes not escaped with `\`, outer pipes dropped, `\|` read as `|`.
fn split_unescaped(line: &str) -> Vec<String> {
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut chars = line.chars().peekable();
    let mut pipes = 0usize;
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                cell.push('|');
                chars.next();
            }
            '|' => {
                pipes += 1;
                cells.push(std::mem::take(&mut cell));
            }
            _ => cell.push(c),
        }
    }
    cells.push(cell);
    if pipes == 0 {
        return vec![line.to_string()];
    }
    if line.starts_with('|') {
        cells.remove(0);
    }
    if line.ends_with('|') && !line.ends_with("\\|") {
        cells.pop();
    }
    cells.iter().map(|c| trim_separator_spaces(c).to_string()).collect()
}

/// A Markdown heading or emphasis marker around a line's text (`### 一、总体情况`, `**…**`).
pub(crate) fn strip_inline_markup(line: &str) -> &str {
    let t = line.trim();
    let t = t.trim_start_matches('#').trim_start();
    let t = t.strip_prefix("**").and_then(|s| s.strip_suffix("**")).unwrap_or(t);
    t.trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outer_pipes_are_delimiters_and_escaped_pipes_stay() {
        assert_eq!(lex_line("| 规章 | 0 |  |"), LineKind::Row(vec!["规章".into(), "0".into(), "".into()]));
        assert_eq!(lex_line("| a \\| b | 1 |"), LineKind::Row(vec!["a | b".into(), "1".into()]));
        assert_eq!(lex_line("|---|:---:|"), LineKind::Rule);
        assert_eq!(lex_line("# 一、总体情况"), LineKind::Text);
    }

    #[test]
    fn delimiter_rows_need_dashes_in_every_cell() {
        assert!(is_delimiter_row("| --- | --- |"));
        assert!(!is_delimiter_row("| --- | 0 |"));
        assert!(!is_delimiter_row("-----"));
    }

    #[test]
    fn heading_markers_are_not_text() {
        assert_eq!(strip_inline_markup("### 第二十条第（一）项"), "第二十条第（一）项");
        assert_eq!(strip_inline_markup("**附件**"), "附件");
    }
}
