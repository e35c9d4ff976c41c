//! The preview as plain text: the same content as the HTML, with the tables as aligned columns.
//! Chinese characters take two columns in a fixed-width font, so alignment counts display width,
//! not characters.

use super::layout::{Block, Grid, GridKind, GridRow, Preview, AGENCY_LABEL};
use super::{Chrome, RenderOptions};
use crate::diagnostic::Diagnostic;
use crate::report::Report;

/// Space between columns.
const GAP: &str = "  ";
/// The widest a row label may be before it wraps onto more lines: an indicator list has room for
/// long labels; a matrix needs it for its columns.
const STUB_MAX_INDICATORS: usize = 64;
const STUB_MAX_MATRIX: usize = 44;
/// Where a wrapped label goes on, under its first line.
const HANGING: usize = 2;
/// The narrowest page the title and date are placed on.
const PAGE_MIN: usize = 72;
/// A paragraph's first-line indent: two ideographic spaces, as Chinese documents are typeset.
const INDENT: &str = "\u{3000}\u{3000}";

/// The report as aligned plain text.
pub fn text(report: &Report, diagnostics: &[Diagnostic], options: &RenderOptions) -> String {
    let p = Preview::new(report, diagnostics);
    let chrome = Chrome::of(options.lang);
    let drawn: Vec<Vec<String>> = (0..p.form.tables.len()).map(|t| table_lines(&p, t)).collect();
    let page = drawn.iter().flatten().map(|l| display_width(l)).chain([PAGE_MIN]).max().unwrap_or(PAGE_MIN);

    let mut out = Lines::default();
    out.push(center(&p.title, page));
    out.blank();
    for block in &p.blocks {
        match block {
            Block::Heading { text, .. } => {
                out.blank();
                out.push(flat(text));
            }
            Block::Paragraph { pieces } => {
                let mut line = String::from(INDENT);
                for piece in pieces {
                    line.push_str(&flat(piece.text));
                    if let (true, Some(n)) = (piece.quote_end, piece.finding) {
                        line.push_str(&marker(&[n]));
                    }
                }
                out.push(line);
            }
            Block::Table { table, .. } => {
                out.blank();
                out.extend(&drawn[*table]);
                out.blank();
            }
        }
    }
    if p.signature.is_some() || p.date.is_some() {
        out.blank();
        out.extend(
            &[p.signature.map(flat), p.date.as_deref().map(flat)]
                .into_iter()
                .flatten()
                .map(|l| right(&l, page))
                .collect::<Vec<_>>(),
        );
    }
    for &t in &p.attachments {
        out.blank();
        out.blank();
        out.push(center(p.table_title(t), page));
        if let Some(year) = p.year {
            out.push(center(&format!("（{year}年度）"), page));
        }
        if let Some(agency) = p.agency {
            out.push(format!("{AGENCY_LABEL}{}", flat(agency)));
        }
        out.blank();
        out.extend(&drawn[t]);
    }
    if !p.findings.is_empty() {
        out.blank();
        out.blank();
        out.push(format!("{}{}{}{}", chrome.findings, chrome.count_open, p.findings.len(), chrome.count_close));
        out.blank();
        for (n, finding) in p.findings.iter().enumerate() {
            let mut line = format!("{} {}", marker(&[n]), chrome.severity(finding.diagnostic.severity));
            line.push(' ');
            if let Some((cell, _)) = &finding.cell {
                line.push_str(&flat(&p.form.cell_label(*cell)));
                line.push_str(chrome.separator);
            }
            line.push_str(&flat(finding.message()));
            out.push(line);
        }
    }
    out.finish()
}

/// Output lines, with blank lines collapsed so that blocks are separated by exactly one.
#[derive(Default)]
struct Lines {
    lines: Vec<String>,
}

impl Lines {
    fn push(&mut self, line: String) {
        self.lines.push(line.trim_end().to_string());
    }

    fn extend(&mut self, lines: &[String]) {
        for line in lines {
            self.push(line.clone());
        }
    }

    fn blank(&mut self) {
        if self.lines.last().is_some_and(|l| !l.is_empty()) {
            self.lines.push(String::new());
        }
    }

    fn finish(mut self) -> String {
        while self.lines.last().is_some_and(String::is_empty) {
            self.lines.pop();
        }
        let mut out = self.lines.join("\n");
        out.push('\n');
        out
    }
}

/// `[1]`, `[1,3]`: the numbers of the findings in the list.
fn marker(findings: &[usize]) -> String {
    let numbers: Vec<String> = findings.iter().map(|n| (n + 1).to_string()).collect();
    format!("[{}]", numbers.join(","))
}

/// Text on one line: line breaks and tabs typed into a cell or a name would break the columns. A
/// bidi control, which would reorder what the terminal shows, is written as its code point.
fn flat(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() {
            out.push(' ');
        } else if crate::invisible::is_bidi_control(c) {
            out.push_str(&crate::invisible::code_point(c));
        } else {
            out.push(c);
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Tables.

fn table_lines(p: &Preview<'_>, t: usize) -> Vec<String> {
    let mut lines = Vec::new();
    for (i, grid) in p.grids(t).iter().enumerate() {
        if i > 0 {
            lines.push(String::new());
        }
        lines.extend(grid_lines(grid));
    }
    lines
}

#[derive(Clone, Copy)]
enum Align {
    Left,
    Center,
    Right,
}

fn grid_lines(grid: &Grid<'_>) -> Vec<String> {
    let indicators = grid.kind == GridKind::Indicators;
    let cell_text = |text: &str, findings: &[usize]| {
        let mut s = flat(text.trim());
        if !findings.is_empty() {
            if !s.is_empty() {
                s.push(' ');
            }
            s.push_str(&marker(findings));
        }
        s
    };

    // Column widths: the stub, the unit (indicators), then the value columns.
    let stub_wanted = grid
        .rows
        .iter()
        .map(|r| match r {
            GridRow::Group { label, depth } => indent(*depth) + display_width(label),
            GridRow::Values { row, .. } => indent(row.depth) + display_width(row.label),
        })
        .chain([if indicators { display_width(grid.stub_header) } else { 0 }])
        .max()
        .unwrap_or(0);
    let stub = stub_wanted.min(if indicators { STUB_MAX_INDICATORS } else { STUB_MAX_MATRIX });
    let unit = grid
        .rows
        .iter()
        .filter_map(|r| match r {
            GridRow::Values { row, .. } => Some(display_width(row.unit)),
            GridRow::Group { .. } => None,
        })
        .chain([display_width(grid.unit_header)])
        .max()
        .unwrap_or(0);
    let mut widths: Vec<usize> = grid.columns.iter().map(|c| display_width(c.label)).collect();
    for row in &grid.rows {
        if let GridRow::Values { cells, .. } = row {
            for (w, cell) in widths.iter_mut().zip(cells) {
                *w = (*w).max(display_width(&cell_text(cell.text, cell.findings)));
            }
        }
    }
    // A merged header wider than the columns under it widens the last of them.
    let placed = place_header(grid);
    for h in &placed {
        let span = h.column..h.column + h.colspan;
        let have = widths[span.clone()].iter().sum::<usize>() + GAP.len() * (h.colspan - 1);
        let need = display_width(h.text);
        if need > have {
            widths[span.end - 1] += need - have;
        }
    }
    let lead = if indicators { stub + GAP.len() + unit } else { stub };
    let total = lead + widths.iter().map(|w| GAP.len() + w).sum::<usize>();

    let mut lines = Vec::new();
    if let Some(caption) = grid.caption {
        lines.push(center(caption, total));
    }
    // Header rows: merged cells centred over their columns; a cell spanning rows sits on the last.
    for (r, _) in grid.header.iter().enumerate() {
        let last = r + 1 == grid.header.len();
        let mut line = String::new();
        if last && indicators {
            line.push_str(&pad(grid.stub_header, stub, Align::Left));
            line.push_str(GAP);
            line.push_str(&pad(grid.unit_header, unit, Align::Center));
        } else {
            line.push_str(&" ".repeat(lead));
        }
        let mut c = 0;
        while c < widths.len() {
            line.push_str(GAP);
            match placed.iter().find(|h| h.column == c && h.row == r) {
                Some(h) => {
                    let span = widths[c..c + h.colspan].iter().sum::<usize>() + GAP.len() * (h.colspan - 1);
                    line.push_str(&pad(h.text, span, Align::Center));
                    c += h.colspan;
                }
                None => {
                    line.push_str(&" ".repeat(widths[c]));
                    c += 1;
                }
            }
        }
        lines.push(line);
    }
    lines.push("-".repeat(total));

    for row in &grid.rows {
        match row {
            GridRow::Group { label, depth } => {
                for part in stub_lines(label, *depth, stub) {
                    lines.push(part);
                }
            }
            GridRow::Values { row, cells } => {
                for (i, part) in stub_lines(row.label, row.depth, stub).iter().enumerate() {
                    let mut line = pad(part, stub, Align::Left);
                    // The values stand on the label's first line.
                    if i == 0 {
                        if indicators {
                            line.push_str(GAP);
                            line.push_str(&pad(row.unit, unit, Align::Center));
                        }
                        for (w, cell) in widths.iter().zip(cells) {
                            line.push_str(GAP);
                            line.push_str(&pad(&cell_text(cell.text, cell.findings), *w, Align::Right));
                        }
                    }
                    lines.push(line);
                }
            }
        }
    }
    lines
}

struct PlacedHead<'g> {
    /// The header row it is drawn on.
    row: usize,
    column: usize,
    colspan: usize,
    text: &'g str,
}

/// Where each header cell is drawn: its first column (after the columns taken by cells spanning
/// down from rows above), and its last row when it spans rows.
fn place_header<'g>(grid: &'g Grid<'_>) -> Vec<PlacedHead<'g>> {
    let rows = grid.header.len();
    let columns = grid.columns.len();
    let mut taken = vec![vec![false; columns]; rows];
    let mut placed = Vec::new();
    for (r, cells) in grid.header.iter().enumerate() {
        let mut c = 0;
        for cell in cells {
            while c < columns && taken[r][c] {
                c += 1;
            }
            let colspan = cell.colspan.min(columns - c.min(columns));
            if colspan == 0 {
                break;
            }
            for row in taken.iter_mut().skip(r).take(cell.rowspan) {
                for t in &mut row[c..c + colspan] {
                    *t = true;
                }
            }
            placed.push(PlacedHead { row: (r + cell.rowspan - 1).min(rows - 1), column: c, colspan, text: &cell.text });
            c += colspan;
        }
    }
    placed
}

fn indent(depth: u8) -> usize {
    2 * depth as usize
}

/// A row label indented by its depth and wrapped to the stub's width, the lines after the first
/// hanging under it.
fn stub_lines(label: &str, depth: u8, stub: usize) -> Vec<String> {
    let first = indent(depth);
    let mut lines = Vec::new();
    let mut rest = flat(label);
    let mut at = first;
    while !rest.is_empty() {
        let part = wrap(&rest, stub.saturating_sub(at).max(8)).swap_remove(0);
        rest = rest[part.len()..].to_string();
        lines.push(format!("{}{part}", " ".repeat(at)));
        at = first + HANGING;
    }
    lines
}

/// Punctuation a line may not start with: it is carried over with the character before it.
const NO_LINE_START: &[char] =
    &['）', ')', '，', ',', '。', '、', '；', '：', '”', '’', '》', '」', '』', '】', '！', '？'];

/// Cuts a label into lines no wider than `width`, never starting a line with closing punctuation.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for c in flat(text).chars() {
        let line = lines.last_mut().expect("one line at least");
        if display_width(line) + char_width(c) > width && !line.is_empty() {
            let mut next = String::new();
            if NO_LINE_START.contains(&c) && line.chars().count() > 1 {
                next.push(line.pop().expect("not empty"));
            }
            lines.push(next);
        }
        lines.last_mut().expect("one line at least").push(c);
    }
    lines
}

fn pad(text: &str, width: usize, align: Align) -> String {
    let room = width.saturating_sub(display_width(text));
    let (before, after) = match align {
        Align::Left => (0, room),
        Align::Right => (room, 0),
        Align::Center => (room / 2, room - room / 2),
    };
    format!("{}{text}{}", " ".repeat(before), " ".repeat(after))
}

fn center(text: &str, width: usize) -> String {
    pad(&flat(text), width, Align::Center)
}

fn right(text: &str, width: usize) -> String {
    pad(text, width, Align::Right)
}

/// The columns `text` takes in a fixed-width font: East Asian wide and full-width characters take
/// two, combining and zero-width characters none, everything else one (East Asian ambiguous
/// characters such as “ ” count one, as UAX #11 advises when the context is not known).
pub fn display_width(text: &str) -> usize {
    text.chars().map(char_width).sum()
}

/// The columns a character takes in a terminal: 2 for CJK and other wide characters, 0 for combining
/// and zero-width ones (Unicode's East Asian Width, ambiguous characters narrow).
fn char_width(c: char) -> usize {
    unicode_width::UnicodeWidthChar::width(c).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_takes_two_columns() {
        assert_eq!(display_width("统计数"), 6);
        assert_eq!(display_width("（一）"), 6);
        assert_eq!(display_width("645"), 3);
        assert_eq!(display_width("６４５"), 6);
        assert_eq!(display_width("e\u{301}"), 1);
    }

    #[test]
    fn labels_wrap_by_width() {
        assert_eq!(wrap("一二三四五", 4), vec!["一二", "三四", "五"]);
        assert_eq!(wrap("一二（三）", 6), vec!["一二（", "三）"]);
        assert_eq!(pad("件", 4, Align::Center), " 件 ");
    }
}
