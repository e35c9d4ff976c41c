//! Placing table rows into a form's cells: by label (with the group context of the rows before)
//! and by the count of values, never by line position alone.
//!
//! Each row is one of: a header row (column labels, no figures), a row with a label that names a
//! form row, a row of figures without a label that fills a whole table in reading order (Table C's
//! 15 numbers on one line), or table furniture (a caption, a note, a signature line). A row with
//! figures that fits nowhere is reported, never dropped silently.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

use crate::diagnostic::{Code, Detail, Diagnostic, Origin, Severity};
use crate::form::labels::{match_column, normalize_column, RowIndex};
use crate::form::{CellRef, FormDef, Layout};
use crate::value::{parse, Parsed, ValueKind};

/// A cell with nothing but spaces in it.
pub(crate) fn is_blank(cell: &str) -> bool {
    cell.trim().is_empty()
}

pub(crate) fn has_digit(cell: &str) -> bool {
    cell.chars().any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
}

/// A cell that reads as a value (a number, a signed change, "/" for not applicable): such a cell
/// in the label position means the row has no label.
pub(crate) fn is_value(cell: &str) -> bool {
    // A label (收到申请数) starts with an ideograph, as no value does but 无 (not applicable): it is
    // answered before the value parser reads it twice. Every row of an import asks.
    if cell.trim_start().starts_with(|c: char| ('\u{4E00}'..='\u{9FFF}').contains(&c) && c != '无') {
        return false;
    }
    matches!(parse(cell, ValueKind::Money), Parsed::Number(_) | Parsed::NotApplicable)
        || matches!(parse(cell, ValueKind::Signed), Parsed::Number(_))
}

/// Text kept for comparing captions: widths folded, spaces and markup gone, brackets kept (the
/// caption 第二十条第（九）项 differs from 第二十条第（一）项 only inside its brackets).
pub(crate) fn compact(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .filter(|c| c.is_alphanumeric() || matches!(c, '(' | ')'))
        .collect()
}

/// The words of a form's headers: its column labels, by table, and its column groups (captions).
#[derive(Debug, Clone)]
pub(crate) struct Vocabulary {
    /// Normalised column label → the tables that have it.
    columns: HashMap<String, Vec<usize>>,
    /// Compacted column group → the tables that have it.
    groups: HashMap<String, Vec<usize>>,
    /// The units printed in the form (条, 件, 万元…), and the headers of its unit columns (单位,
    /// 计量单位): a cell holding one is the unit column.
    units: Vec<&'static str>,
}

/// Units any table may print in its unit column, whatever its form's rows say (a province's table
/// may count applications in 件 where the definition says 条).
const COMMON_UNITS: &[&str] = &["条", "件", "次", "人", "人次", "个", "篇", "项", "元", "万元", "单位"];

thread_local! {
    /// Each form's vocabulary, built once: an import reads every form's (detection) and a form's
    /// definition is `'static`, so the address and length of its tables name it for the life of the
    /// program. Building them took a tenth of an import.
    static VOCABULARIES: RefCell<HashMap<(usize, usize), Rc<Vocabulary>>> = RefCell::new(HashMap::new());
}

impl Vocabulary {
    /// The vocabulary of `form`, built on first use.
    pub fn of(form: &FormDef) -> Rc<Vocabulary> {
        let key = (form.tables.as_ptr() as usize, form.tables.len());
        VOCABULARIES
            .with(|cache| Rc::clone(cache.borrow_mut().entry(key).or_insert_with(|| Rc::new(Vocabulary::new(form)))))
    }

    fn new(form: &FormDef) -> Vocabulary {
        let mut columns: HashMap<String, Vec<usize>> = HashMap::new();
        let mut groups: HashMap<String, Vec<usize>> = HashMap::new();
        let mut units: Vec<&'static str> = Vec::new();
        let add = |map: &mut HashMap<String, Vec<usize>>, key: String, t: usize| {
            if key.is_empty() {
                return;
            }
            let tables = map.entry(key).or_default();
            if !tables.contains(&t) {
                tables.push(t);
            }
        };
        for (t, table) in form.tables.iter().enumerate() {
            if let Layout::Indicators { unit, .. } = table.layout {
                if !units.contains(&unit) {
                    units.push(unit);
                }
            }
            for row in table.rows {
                if !row.unit.is_empty() && !units.contains(&row.unit) {
                    units.push(row.unit);
                }
                for c in table.row_columns(row) {
                    add(&mut columns, normalize_column(c.label), t);
                    add(&mut groups, compact(c.group), t);
                    if !c.unit.is_empty() && !units.contains(&c.unit) {
                        units.push(c.unit);
                    }
                }
            }
        }
        Vocabulary { columns, groups, units }
    }

    /// The tables that have a column labelled `label`.
    pub fn column_tables(&self, label: &str) -> &[usize] {
        self.normalized_column_tables(&normalize_column(label))
    }

    /// `column_tables` of a label already normalised (`normalize_column`): one label is looked up
    /// in every form's vocabulary.
    pub fn normalized_column_tables(&self, normalized: &str) -> &[usize] {
        self.columns.get(normalized).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The tables a caption line (第二十条第（一）项) belongs to.
    pub fn caption_tables(&self, text: &str) -> &[usize] {
        self.compacted_caption_tables(&compact(text))
    }

    /// `caption_tables` of a line already compacted (`compact`).
    pub fn compacted_caption_tables(&self, compacted: &str) -> &[usize] {
        self.groups.get(compacted).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn is_unit(&self, cell: &str) -> bool {
        let c = cell.trim();
        self.units.contains(&c) || COMMON_UNITS.contains(&c)
    }

    /// The tables whose columns a header row names: none of its value cells holds a figure (a
    /// header naming the year, 2013年度, is a column label, not a figure), and at least one is a
    /// column label.
    pub fn header_tables(&self, values: &[String]) -> Vec<usize> {
        if values.iter().any(|v| has_digit(v) && self.column_tables(v).is_empty()) {
            return Vec::new();
        }
        let mut tables: Vec<usize> = Vec::new();
        for v in values.iter().filter(|v| !is_blank(v)) {
            for &t in self.column_tables(v) {
                if !tables.contains(&t) {
                    tables.push(t);
                }
            }
        }
        tables
    }
}

/// The last header row seen: its value cells, and the tables it names.
#[derive(Debug, Clone)]
struct Header {
    cells: Vec<String>,
    tables: Vec<usize>,
}

/// Places rows one by one, keeping the context (the previous row, the last header).
pub(crate) struct Placer<'f> {
    form: &'f FormDef,
    indexes: Vec<RowIndex<'f>>,
    pub vocabulary: Rc<Vocabulary>,
    header: Option<Header>,
    previous: Option<(usize, usize)>,
    pub cells: BTreeMap<String, String>,
    /// Cells not read with confidence, with where they came from: the cells of a row recognised
    /// but not placed, and every cell placed from a row the reader had to repair.
    pub unread: BTreeMap<String, Origin>,
    pub diagnostics: Vec<Diagnostic>,
    /// Rows recognised as part of the form (a label that names a row, or a whole table's figures).
    pub recognised: usize,
    /// The table being read: that of the last row placed or header seen, whichever came last.
    reading: Option<usize>,
    /// Figures placed nowhere, with the table they sat in.
    orphans: Vec<(usize, Origin)>,
    /// Where the row being placed is, and whether its reading needed repair.
    at: Origin,
    damaged: bool,
}

impl<'f> Placer<'f> {
    pub fn new(form: &'f FormDef) -> Placer<'f> {
        Placer {
            form,
            indexes: form.tables.iter().map(RowIndex::new).collect(),
            vocabulary: Vocabulary::of(form),
            header: None,
            previous: None,
            cells: BTreeMap::new(),
            unread: BTreeMap::new(),
            diagnostics: Vec::new(),
            reading: None,
            orphans: Vec::new(),
            at: Origin::Line { line: 0 },
            damaged: false,
            recognised: 0,
        }
    }

    /// A caption line above a sub-table: it starts a new sub-table, so the old header is over.
    pub fn caption(&mut self) {
        self.header = None;
    }

    /// Place one row. `text` is the line as written, for diagnostics; `at` where it is in the file;
    /// `damaged` that its reader had to repair it (its values are placed, but not trusted).
    pub fn place(&mut self, line: usize, at: Origin, damaged: bool, text: &str, cells: &[String]) {
        self.at = at;
        self.damaged = damaged;
        let Some(first) = cells.first() else { return };
        if cells.iter().all(|c| is_blank(c)) {
            return;
        }
        if is_value(first) {
            self.place_unlabelled(line, text, cells);
            return;
        }
        let values = &cells[1..];
        let tables = self.vocabulary.header_tables(values);
        if !tables.is_empty() {
            self.reading = tables.first().copied();
            self.header = Some(Header { cells: values.to_vec(), tables });
            return;
        }
        self.place_labelled(line, text, first, values);
    }

    /// Figures that belong nowhere known, inside the table being read (the last row placed, else the
    /// last header): whichever of its cells no row fills may be theirs.
    fn orphan(&mut self) {
        if let Some(t) = self.reading {
            self.orphans.push((t, self.at));
        }
    }

    /// Close the reading: the cells of a table left blank where figures were orphaned are not read
    /// (they may hold those figures), so no rule judges them as blank.
    pub fn finish(&mut self) {
        for (t, at) in std::mem::take(&mut self.orphans) {
            for cell in self.form.cells().filter(|c| c.table as usize == t) {
                let id = self.form.cell_id(cell);
                if !self.cells.contains_key(&id) {
                    self.unread.entry(id).or_insert(at);
                }
            }
        }
    }

    /// Where the row is, for a finding: only when that is not a line of text.
    fn at(&self) -> Option<Origin> {
        (!matches!(self.at, Origin::Line { .. })).then_some(self.at)
    }

    fn unplaced(&mut self, line: usize, text: &str, cells: Vec<String>) {
        for id in &cells {
            self.unread.entry(id.clone()).or_insert(self.at);
        }
        let at = self.at();
        self.diagnostics.push(Diagnostic::new(
            Code::UnplacedRow,
            Severity::Info,
            cells,
            Detail::Unplaced { line, text: text.to_string(), at },
        ));
    }

    fn row_cell_ids(&self, t: usize, r: usize) -> Vec<String> {
        let table = &self.form.tables[t];
        (0..table.row_columns(&table.rows[r]).len())
            .map(|c| self.form.cell_id(CellRef { table: t as u16, row: r as u16, column: c as u16 }))
            .collect()
    }

    fn store(&mut self, line: usize, cell: CellRef, text: &str) {
        if is_blank(text) {
            return;
        }
        let id = self.form.cell_id(cell);
        if self.damaged {
            self.unread.entry(id.clone()).or_insert(self.at);
        }
        match self.cells.get(&id) {
            None => {
                self.cells.insert(id, text.to_string());
            }
            Some(first) if first == text => {}
            Some(first) => {
                let detail = Detail::Duplicate { line, first: first.clone(), second: text.to_string(), at: self.at() };
                self.diagnostics.push(Diagnostic::new(Code::DuplicateCell, Severity::Error, vec![id], detail));
            }
        }
    }

    fn place_labelled(&mut self, line: usize, text: &str, label: &str, values: &[String]) {
        let with_figures = values.iter().any(|v| has_digit(v));
        let mut found: Vec<(usize, usize)> = self
            .indexes
            .iter()
            .enumerate()
            .filter_map(|(t, index)| {
                let previous = self.previous.filter(|&(pt, _)| pt == t).map(|(_, r)| r);
                index.find_after(label, previous).map(|r| (t, r))
            })
            .collect();
        if found.len() > 1 {
            // One label in several tables: the one whose row takes this many values, then the
            // table being read, then the one the last header named.
            let fitting: Vec<(usize, usize)> =
                found.iter().copied().filter(|&(t, r)| self.assign(t, r, values).is_some()).collect();
            if !fitting.is_empty() {
                found = fitting;
            }
        }
        if found.len() > 1 {
            if let Some((pt, _)) = self.previous.filter(|&(pt, _)| found.iter().any(|&(t, _)| t == pt)) {
                found.retain(|&(t, _)| t == pt);
            } else if let Some(header) = &self.header {
                let named: Vec<(usize, usize)> =
                    found.iter().copied().filter(|(t, _)| header.tables.contains(t)).collect();
                if !named.is_empty() {
                    found = named;
                }
            }
        }
        let &[(t, r)] = found.as_slice() else {
            if with_figures {
                self.unplaced(line, text, Vec::new());
                self.orphan();
            }
            return;
        };
        self.recognised += 1;
        self.previous = Some((t, r));
        self.reading = Some(t);
        if values.iter().all(|v| is_blank(v)) {
            return;
        }
        match self.assign(t, r, values) {
            Some(pairs) => {
                // A value put in an optional column (小计) that the header above does not name: the
                // row may as well carry a stray cell. Either reading is a guess.
                let guessed = self.fills_unnamed_optional(t, r, &pairs);
                let damaged = self.damaged;
                self.damaged |= guessed;
                for (c, value) in pairs {
                    self.store(line, CellRef { table: t as u16, row: r as u16, column: c as u16 }, value);
                }
                if guessed {
                    for id in self.row_cell_ids(t, r) {
                        self.unread.entry(id).or_insert(self.at);
                    }
                }
                self.damaged = damaged;
            }
            // Words without a figure (a header row whose first word is also a row's label) lose
            // nothing by not being placed.
            None if !with_figures => {}
            None => {
                let ids = self.row_cell_ids(t, r);
                self.unplaced(line, text, ids);
            }
        }
    }

    /// Whether `pairs` fill an optional column of the row that the last header of its table does
    /// not name.
    fn fills_unnamed_optional(&self, t: usize, r: usize, pairs: &[(usize, &str)]) -> bool {
        let Some(header) = self.header.as_ref().filter(|h| h.tables.contains(&t)) else { return false };
        let table = &self.form.tables[t];
        let columns = table.row_columns(&table.rows[r]);
        pairs.iter().any(|&(c, _)| {
            columns[c].optional && !header.cells.iter().any(|h| !is_blank(h) && match_column(columns, h) == Some(c))
        })
    }

    /// Which column each value goes to, or `None` when the count does not fit the row.
    fn assign<'v>(&self, t: usize, r: usize, values: &'v [String]) -> Option<Vec<(usize, &'v str)>> {
        let table = &self.form.tables[t];
        let columns = table.row_columns(&table.rows[r]);
        if columns.len() == 1 {
            // One value column, beside a unit column that may hold the value of a heading row
            // (（二）通过不同渠道和方式公开政府信息的情况 | 976 | |).
            let filled: Vec<&str> =
                values.iter().map(String::as_str).filter(|v| !is_blank(v) && !self.vocabulary.is_unit(v)).collect();
            return match filled.as_slice() {
                [] => Some(Vec::new()),
                [one] => Some(vec![(0, *one)]),
                _ => None,
            };
        }
        let mut values: Vec<&str> = values.iter().map(String::as_str).collect();
        while values.len() > columns.len() && values.last().is_some_and(|v| is_blank(v)) {
            values.pop();
        }
        if let Some(by_header) = self.header_columns(columns, values.len()) {
            let mut pairs = Vec::new();
            for (value, column) in values.iter().zip(by_header) {
                match column {
                    Some(c) => pairs.push((c, *value)),
                    // The unit column (计量单位 | 条) beside the value columns.
                    None if is_blank(value) || self.vocabulary.is_unit(value) => {}
                    None => return None,
                }
            }
            return Some(pairs);
        }
        // Without a header: a unit cell is the unit column, not a value.
        if values.first().is_some_and(|v| self.vocabulary.is_unit(v)) {
            values.remove(0);
        }
        let required: Vec<usize> = (0..columns.len()).filter(|&c| !columns[c].optional).collect();
        if values.len() == columns.len() {
            Some(values.into_iter().enumerate().collect())
        } else if values.len() == required.len() {
            Some(required.into_iter().zip(values).collect())
        } else {
            None
        }
    }

    /// The columns the last header names, position by position, when it names every required
    /// column of this row exactly once and has a place for each of `count` values.
    fn header_columns(&self, columns: &[crate::form::ColumnDef], count: usize) -> Option<Vec<Option<usize>>> {
        let header = self.header.as_ref()?;
        if count > header.cells.len() {
            return None;
        }
        let mapped: Vec<Option<usize>> =
            header.cells.iter().map(|h| if is_blank(h) { None } else { match_column(columns, h) }).collect();
        let mut seen = vec![0usize; columns.len()];
        for c in mapped.iter().flatten() {
            seen[*c] += 1;
        }
        let complete = columns.iter().zip(&seen).all(|(col, &n)| n <= 1 && (col.optional || n == 1));
        complete.then_some(mapped)
    }

    /// A row of figures without a label: it fills a whole table in reading order, if exactly one
    /// table (or the one the last header named) has that many cells.
    fn place_unlabelled(&mut self, line: usize, text: &str, cells: &[String]) {
        let mut values: Vec<&str> = cells.iter().map(String::as_str).collect();
        while values.last().is_some_and(|v| is_blank(v)) {
            values.pop();
        }
        let form = self.form;
        let table_cells = |t: usize, required_only: bool| -> Vec<CellRef> {
            form.cells().filter(|c| c.table as usize == t && !(required_only && form.is_optional(*c))).collect()
        };
        // Tables with exactly as many cells as the row; failing that, as many as the row once
        // its trailing blank cells are let go (a converter may drop them).
        let mut fits: Vec<Vec<CellRef>> = Vec::new();
        let mut fit_tables: Vec<usize> = Vec::new();
        for exact in [true, false] {
            for t in 0..form.tables.len() {
                for required_only in [true, false] {
                    let order = table_cells(t, required_only);
                    let fits_row = if exact {
                        order.len() == cells.len()
                    } else {
                        order.len() >= values.len() && order.len() <= cells.len()
                    };
                    if fits_row && !fit_tables.contains(&t) {
                        fits.push(order);
                        fit_tables.push(t);
                    }
                }
            }
            if !fits.is_empty() {
                break;
            }
        }
        if fits.len() > 1 {
            if let Some(header) = &self.header {
                let named: Vec<usize> = (0..fits.len()).filter(|&i| header.tables.contains(&fit_tables[i])).collect();
                if named.len() == 1 {
                    fits = vec![fits.swap_remove(named[0])];
                }
            }
        }
        let [order] = fits.as_slice() else {
            self.unplaced(line, text, Vec::new());
            self.orphan();
            return;
        };
        let order = order.clone();
        self.recognised += 1;
        for (cell, value) in order.into_iter().zip(cells) {
            self.store(line, cell, value);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::FormId;

    fn is_value_by_parsing(cell: &str) -> bool {
        matches!(parse(cell, ValueKind::Money), Parsed::Number(_) | Parsed::NotApplicable)
            || matches!(parse(cell, ValueKind::Signed), Parsed::Number(_))
    }

    /// The early answer for labels agrees with the value parser: on every label of every form,
    /// on 无 and units, and on every ideograph alone and before a figure.
    #[test]
    fn what_starts_with_an_ideograph_is_a_value_only_as_the_parser_says() {
        let mut cells: Vec<String> =
            ["无", " 无", "无件", "22（其中修订16件）", "一百", "约645", "件", "万元", "元", "645条"]
                .iter()
                .map(|s| s.to_string())
                .collect();
        for form in FormId::ALL {
            for table in form.def().tables {
                for row in table.rows {
                    cells.push(row.label.to_string());
                    cells.extend(row.aliases.iter().map(|a| a.to_string()));
                }
            }
        }
        for c in ('\u{4E00}'..='\u{9FFF}').step_by(3) {
            cells.push(c.to_string());
            cells.push(format!("{c}645"));
            cells.push(format!("　{c}"));
        }
        for cell in &cells {
            assert_eq!(is_value(cell), is_value_by_parsing(cell), "{cell:?}");
        }
    }
}
