//! Tab-separated values pasted from a spreadsheet: a row per line, a cell per tab. Spreadsheets
//! quote a cell that holds a tab or a quote (`"a ""b"""`); the quotes are not the clerk's text.

use crate::import::document::{trim_separator_spaces, LineKind};

pub(crate) fn lex_line(line: &str) -> LineKind {
    if !line.contains('\t') {
        return LineKind::Text;
    }
    LineKind::Row(line.split('\t').map(unquote).collect())
}

fn unquote(cell: &str) -> String {
    let c = trim_separator_spaces(cell);
    match c.strip_prefix('"').and_then(|s| s.strip_suffix('"')) {
        Some(inner) if c.len() >= 2 => inner.replace("\"\"", "\""),
        _ => c.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tabs_split_cells_and_blank_cells_stay() {
        assert_eq!(lex_line("收到申请数\t件\t1"), LineKind::Row(vec!["收到申请数".into(), "件".into(), "1".into()]));
        assert_eq!(
            lex_line("予以公开\t258\t\t"),
            LineKind::Row(vec!["予以公开".into(), "258".into(), "".into(), "".into()])
        );
        assert_eq!(lex_line("\"说明\"\"一\"\"\"\t1"), LineKind::Row(vec!["说明\"一\"".into(), "1".into()]));
        assert_eq!(lex_line("一、总体情况"), LineKind::Text);
    }
}
