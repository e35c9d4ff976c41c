//! The normaliser: a raw table's anchored cells with their spans resolved into a grid of slots, the
//! same way for every format (the HTML table-forming algorithm), and every repair named.
//!
//! A slot is the anchor of a cell, covered by a cell anchored elsewhere (to its left or above), or
//! missing (a ragged row). These three stay apart: a covered slot is not a blank cell.
//!
//! From the grid, `rows` makes the rows placement reads: row labels spread over merged columns
//! joined into one path (三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密), header words
//! spread over the columns they span, and a figure never copied into a slot it covers: a figure
//! spanning rows is not placed, and the rows it touches are marked as read with damage.

use serde::Serialize;

use super::place::{has_digit, is_blank, is_value};
use super::source::{Origin, RawRow};

/// The widest table read: wider rows are clipped (no form is a tenth as wide).
pub const MAX_COLUMNS: usize = 256;
/// The most rows one cell may span.
pub const MAX_ROWSPAN: usize = 1000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Slot {
    /// The top-left slot of cell `cell` of this row.
    Anchor { cell: usize },
    /// Covered by cell `cell` of row `row` (this row or one above).
    Covered { row: usize, cell: usize },
    /// No cell: the row is shorter than the table.
    Missing,
}

/// A repair the normaliser made, tied to the slot it touched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Repair {
    /// Two cells claim one slot: the first keeps it.
    Overlap,
    /// A row span reaches past the table's last row: clipped.
    SpanPastEnd,
    /// A cell's own grid column (Word) disagrees with where the cells before it end.
    GridColumn,
    /// A row is wider than the widest table read: clipped.
    TooWide,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GridIssue {
    pub row: usize,
    pub column: usize,
    pub repair: Repair,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Grid {
    pub width: usize,
    pub slots: Vec<Vec<Slot>>,
    pub issues: Vec<GridIssue>,
}

impl Grid {
    fn anchor_of(&self, row: usize, column: usize) -> Option<(usize, usize)> {
        match self.slots[row][column] {
            Slot::Anchor { cell } => Some((row, cell)),
            Slot::Covered { row, cell } => Some((row, cell)),
            Slot::Missing => None,
        }
    }
}

/// Resolve the spans of a table's rows into slots.
pub fn normalise(rows: &[RawRow]) -> Grid {
    let n = rows.len();
    let mut slots: Vec<Vec<Slot>> = vec![Vec::new(); n];
    let mut issues = Vec::new();
    for (y, row) in rows.iter().enumerate() {
        let mut x = 0usize;
        for (ci, cell) in row.cells.iter().enumerate() {
            while slots[y].get(x).is_some_and(|s| *s != Slot::Missing) {
                x += 1;
            }
            if let Some(gc) = cell.grid_column {
                if gc > x {
                    x = gc;
                } else if gc < x {
                    issues.push(GridIssue { row: y, column: x, repair: Repair::GridColumn });
                }
            }
            if x >= MAX_COLUMNS {
                issues.push(GridIssue { row: y, column: x, repair: Repair::TooWide });
                break;
            }
            let colspan = cell.colspan.clamp(1, MAX_COLUMNS - x);
            if colspan < cell.colspan {
                issues.push(GridIssue { row: y, column: x, repair: Repair::TooWide });
            }
            let wanted = cell.rowspan.clamp(1, MAX_ROWSPAN);
            let rowspan = wanted.min(n - y);
            if rowspan < wanted {
                issues.push(GridIssue { row: y, column: x, repair: Repair::SpanPastEnd });
            }
            for (dy, line) in slots[y..y + rowspan].iter_mut().enumerate() {
                if line.len() < x + colspan {
                    line.resize(x + colspan, Slot::Missing);
                }
                for dx in 0..colspan {
                    let slot = &mut line[x + dx];
                    if *slot != Slot::Missing {
                        issues.push(GridIssue { row: y + dy, column: x + dx, repair: Repair::Overlap });
                        continue;
                    }
                    *slot =
                        if dy == 0 && dx == 0 { Slot::Anchor { cell: ci } } else { Slot::Covered { row: y, cell: ci } };
                }
            }
            x += colspan;
        }
    }
    let width = slots.iter().map(Vec::len).max().unwrap_or(0);
    for line in &mut slots {
        line.resize(width, Slot::Missing);
    }
    Grid { width, slots, issues }
}

/// Why a row read for placement is not an exact reading of its table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Damage {
    /// A figure spans several rows or sits in a slot a merge covers: which row it belongs to is a guess.
    SpanningFigure,
    /// The normaliser repaired a slot of this row (`Repair`).
    Repaired,
    /// The reader could not read the whole row (`RawRow::cut`).
    Cut,
}

/// One row as placement reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FlatRow {
    /// A single cell spanning the table's width: a caption above a sub-table (第二十条第（一）项).
    Caption { origin: Origin, text: String },
    /// A row's label (the path of its label columns) and value cells, in order.
    Cells { origin: Origin, text: String, cells: Vec<String>, damage: Vec<Damage> },
}

/// Units a table prints in a column of its own (条, 件, 万元…): never part of a row's label.
const UNITS: &[&str] =
    &["条", "件", "个", "次", "人", "人次", "名", "万元", "元", "项", "期", "场", "篇", "份", "家", "单位"];

fn is_unit(text: &str) -> bool {
    UNITS.contains(&text)
}

/// A cell holding a figure, as placement reads one (a value with a digit in it).
pub(crate) fn figure(text: &str) -> bool {
    has_digit(text) && is_value(text)
}

/// The rows of a table as placement reads them.
pub fn flatten(rows: &[RawRow]) -> Vec<FlatRow> {
    let spans = rows.iter().flat_map(|r| &r.cells).any(|c| c.rowspan > 1 || c.colspan > 1 || c.grid_column.is_some());
    if !spans {
        // Cells side by side as written: a ragged row stays as ragged as its text.
        return rows
            .iter()
            .map(|r| FlatRow::Cells {
                origin: r.origin,
                text: r.text.clone(),
                cells: r.cells.iter().map(|c| c.text.clone()).collect(),
                damage: if r.cut { vec![Damage::Cut] } else { Vec::new() },
            })
            .collect();
    }
    let grid = normalise(rows);
    let label_width = label_width(rows, &grid);
    let text_of = |(row, cell): (usize, usize)| rows[row].cells[cell].text.as_str();
    let mut damage: Vec<Vec<Damage>> =
        rows.iter().map(|r| if r.cut { vec![Damage::Cut] } else { Vec::new() }).collect();
    for issue in &grid.issues {
        damage[issue.row].push(Damage::Repaired);
    }
    // A figure spanning rows: every row it touches is damaged.
    for (y, line) in grid.slots.iter().enumerate() {
        for slot in line {
            if let Slot::Covered { row, cell } = *slot {
                if row != y && figure(text_of((row, cell))) {
                    damage[y].push(Damage::SpanningFigure);
                    damage[row].push(Damage::SpanningFigure);
                }
            }
        }
    }

    let mut out = Vec::with_capacity(rows.len());
    for (y, row) in rows.iter().enumerate() {
        let line = &grid.slots[y];
        // A caption: one cell of this row across the whole width.
        if grid.width > 1
            && line.iter().all(|s| match *s {
                Slot::Anchor { cell } => cell == 0,
                Slot::Covered { row, cell } => row == y && cell == 0,
                Slot::Missing => false,
            })
            && !figure(&row.cells[0].text)
            && !is_blank(&row.cells[0].text)
        {
            out.push(FlatRow::Caption { origin: row.origin, text: row.cells[0].text.trim().to_string() });
            continue;
        }
        let mut cells = Vec::new();
        let mut previous: Option<(usize, usize)> = None;
        // The label: the label columns' texts, up to the first that is no label (a figure, a unit,
        // a blank of this row's own): from there on the row's cells are its values, as written.
        let mut values_from = label_width.min(grid.width);
        if label_width > 0 {
            let mut parts: Vec<&str> = Vec::new();
            for x in 0..label_width.min(grid.width) {
                let anchor = grid.anchor_of(y, x);
                if anchor.is_none() || anchor == previous {
                    continue;
                }
                let text = text_of(anchor.unwrap_or_default()).trim();
                let own = anchor.is_some_and(|(ay, _)| ay == y);
                if x > 0 && own && (figure(text) || is_unit(text) || text.is_empty()) {
                    values_from = x;
                    break;
                }
                previous = anchor;
                if !text.is_empty() && parts.last() != Some(&text) {
                    parts.push(text);
                }
            }
            cells.push(parts.join(" / "));
        }
        // Each cell once, however its slots interleave with others' (an overlap).
        let mut emitted: Vec<(usize, usize)> = previous.into_iter().collect();
        for x in values_from..grid.width {
            let anchor = grid.anchor_of(y, x);
            let Some((ay, ac)) = anchor else {
                cells.push(String::new());
                continue;
            };
            if emitted.contains(&(ay, ac)) {
                continue;
            }
            emitted.push((ay, ac));
            let text = text_of((ay, ac));
            if ay == y {
                cells.push(text.to_string());
            } else if figure(text) {
                // Never copy a figure into a slot its merge covers.
                cells.push(String::new());
            } else {
                // Header words over the columns they span (自然人 over its two header rows).
                cells.push(text.to_string());
            }
        }
        let mut d = std::mem::take(&mut damage[y]);
        d.dedup();
        out.push(FlatRow::Cells { origin: row.origin, text: row.text.clone(), cells, damage: d });
    }
    out
}

/// A table as the normaliser and placement see it, for golden tests and for looking: each repair
/// with its slot, then each row as placement reads it (`caption:` or its cells, and any damage).
pub fn dump(rows: &[RawRow]) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let grid = normalise(rows);
    for issue in &grid.issues {
        let _ = writeln!(out, "repair: {:?} at row {}, column {}", issue.repair, issue.row + 1, issue.column + 1);
    }
    for row in flatten(rows) {
        match row {
            FlatRow::Caption { text, .. } => {
                let _ = writeln!(out, "caption: {text}");
            }
            FlatRow::Cells { cells, damage, .. } => {
                let _ = write!(out, "row: {}", cells.join(" | "));
                if !damage.is_empty() {
                    let _ = write!(out, "  (damage: {damage:?})");
                }
                out.push('\n');
            }
        }
    }
    out
}

/// How many grid columns hold row labels: where most rows have their first value cell (a figure,
/// or in a table not filled in yet, a blank) after a label.
fn label_width(rows: &[RawRow], grid: &Grid) -> usize {
    let mut figures = vec![0usize; grid.width + 1];
    let mut blanks = vec![0usize; grid.width + 1];
    for (y, line) in grid.slots.iter().enumerate() {
        let text = |s: &Slot| match *s {
            Slot::Anchor { cell } => Some(rows[y].cells[cell].text.as_str()),
            _ => None,
        };
        if let Some(x) = line.iter().position(|s| text(s).is_some_and(figure)) {
            figures[x] += 1;
        }
        let labelled = |x: usize| line[..x].iter().any(|s| slot_text(rows, y, s).is_some_and(|t| !is_blank(t)));
        if let Some(x) = line.iter().position(|s| text(s).is_some_and(is_blank)) {
            if labelled(x) {
                blanks[x] += 1;
            }
        }
    }
    let mode = |counts: &[usize]| {
        let best = counts.iter().copied().max().unwrap_or(0);
        // Ties go to the narrower label (a row of figures only, like Table C's, sets 0).
        (best > 0).then(|| counts.iter().position(|&n| n == best).unwrap_or(1))
    };
    mode(&figures).or_else(|| mode(&blanks)).unwrap_or(1.min(grid.width))
}

/// The text of the cell a slot of row `y` shows (its anchor's, wherever that is).
fn slot_text<'r>(rows: &'r [RawRow], y: usize, slot: &Slot) -> Option<&'r str> {
    match *slot {
        Slot::Anchor { cell } => Some(rows[y].cells[cell].text.as_str()),
        Slot::Covered { row, cell } => Some(rows[row].cells[cell].text.as_str()),
        Slot::Missing => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::source::RawCell;

    fn row(n: usize, cells: Vec<RawCell>) -> RawRow {
        RawRow::from_cells(Origin::Row { table: 1, row: n }, cells)
    }

    fn c(text: &str) -> RawCell {
        RawCell::new(text)
    }

    fn cells(flat: &FlatRow) -> Vec<&str> {
        match flat {
            FlatRow::Cells { cells, .. } => cells.iter().map(String::as_str).collect(),
            FlatRow::Caption { text, .. } => vec![text.as_str()],
        }
    }

    #[test]
    fn row_spans_and_column_spans_resolve_like_the_html_algorithm() {
        let rows = vec![
            row(1, vec![RawCell::spanning("a", 2, 1), RawCell::spanning("b", 1, 2)]),
            row(2, vec![c("c"), c("d")]),
        ];
        let grid = normalise(&rows);
        assert_eq!(grid.width, 3);
        assert_eq!(grid.slots[1][0], Slot::Covered { row: 0, cell: 0 });
        assert_eq!(grid.slots[1][1], Slot::Anchor { cell: 0 });
        assert_eq!(grid.slots[0][2], Slot::Covered { row: 0, cell: 1 });
        assert!(grid.issues.is_empty());
    }

    #[test]
    fn repairs_are_named_not_silent() {
        // A row span past the last row, and a cell that overlaps a row span from above.
        let rows = vec![row(1, vec![RawCell::spanning("a", 5, 1), c("b")]), row(2, vec![RawCell::spanning("x", 1, 1)])];
        let grid = normalise(&rows);
        assert!(grid.issues.iter().any(|i| i.repair == Repair::SpanPastEnd && i.row == 0));
        // An overlap needs a span across a slot already taken.
        let rows = vec![row(1, vec![c("a"), RawCell::spanning("b", 2, 1)]), row(2, vec![RawCell::spanning("c", 1, 3)])];
        let grid = normalise(&rows);
        assert!(grid.issues.iter().any(|i| i.repair == Repair::Overlap && i.row == 1 && i.column == 1));
        let huge = vec![row(1, vec![RawCell::spanning("a", 1, 1_000_000), c("b")])];
        let grid = normalise(&huge);
        assert!(grid.width <= MAX_COLUMNS);
        assert!(grid.issues.iter().any(|i| i.repair == Repair::TooWide));
    }

    #[test]
    fn merged_label_columns_become_one_path_and_header_words_spread() {
        let rows = vec![
            row(
                1,
                vec![
                    RawCell::spanning("说明", 2, 2),
                    RawCell::spanning("自然人", 2, 1),
                    RawCell::spanning("法人", 1, 2),
                ],
            ),
            row(2, vec![c("商业企业"), c("其他")]),
            row(3, vec![RawCell::spanning("三、本年度办理结果", 2, 1), c("（一）予以公开"), c("1"), c("2"), c("3")]),
            row(4, vec![c("（二）部分公开"), c("4"), c("5"), c("6")]),
        ];
        let flat = flatten(&rows);
        assert_eq!(cells(&flat[1]), ["说明", "自然人", "商业企业", "其他"]);
        assert_eq!(cells(&flat[2]), ["三、本年度办理结果 / （一）予以公开", "1", "2", "3"]);
        assert_eq!(cells(&flat[3]), ["三、本年度办理结果 / （二）部分公开", "4", "5", "6"]);
    }

    #[test]
    fn a_unit_column_and_a_figure_spanning_columns_are_never_part_of_a_label() {
        let rows = vec![
            row(1, vec![RawCell::spanning("第二十条第（一）项", 1, 4)]),
            row(2, vec![c("信息内容"), RawCell::spanning("本年制发件数", 1, 2), c("现行有效件数")]),
            row(3, vec![c("规章"), RawCell::spanning("0", 1, 2), c("0")]),
            row(4, vec![RawCell::spanning("行政许可", 1, 2), RawCell::spanning("5", 1, 2)]),
            row(5, vec![RawCell::spanning("行政处罚", 1, 2), RawCell::spanning("6", 1, 2)]),
        ];
        let flat = flatten(&rows);
        assert_eq!(cells(&flat[2]), ["规章", "0", "0"]);
        assert_eq!(cells(&flat[3]), ["行政许可", "5"]);
        let rows = vec![
            row(1, vec![RawCell::spanning("一、主动公开", 1, 3)]),
            row(2, vec![c("（一）主动公开政府信息数"), c("条"), c("645")]),
            row(3, vec![c("（二）通过不同渠道"), c(""), c("976")]),
        ];
        let flat = flatten(&rows);
        assert_eq!(cells(&flat[1]), ["（一）主动公开政府信息数", "条", "645"]);
        assert_eq!(cells(&flat[2]), ["（二）通过不同渠道", "", "976"]);
    }

    #[test]
    fn a_figure_is_never_copied_into_the_rows_it_spans() {
        let rows = vec![
            row(1, vec![RawCell::spanning("甲", 1, 1), RawCell::spanning("7", 2, 1), c("1")]),
            row(2, vec![c("乙"), c("2")]),
        ];
        let flat = flatten(&rows);
        assert_eq!(cells(&flat[1]), ["乙", "", "2"]);
        for f in &flat {
            let FlatRow::Cells { damage, .. } = f else { panic!("not a caption") };
            assert_eq!(damage, &[Damage::SpanningFigure]);
        }
    }

    #[test]
    fn a_cell_across_the_whole_width_is_a_caption() {
        let rows = vec![
            row(1, vec![RawCell::spanning("第二十条第（五）项", 1, 2)]),
            row(2, vec![c("信息内容"), c("本年处理决定数量")]),
            row(3, vec![c("行政许可"), c("2629")]),
        ];
        let flat = flatten(&rows);
        assert_eq!(
            flat[0],
            FlatRow::Caption { origin: Origin::Row { table: 1, row: 1 }, text: "第二十条第（五）项".into() }
        );
        assert_eq!(cells(&flat[2]), ["行政许可", "2629"]);
    }
}
