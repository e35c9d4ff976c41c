//! Forms as data: tables of rows and columns, cells addressed as (table, row, column), and the rules
//! that relate them. A form version is a definition (`definitions/`), never new control flow: the
//! engine, the importers and the renderers read these tables and nothing else.

pub mod definitions;
pub mod labels;
mod view;

pub use view::{ColumnView, FormView, RowView, RuleView, TableView};

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Code, Severity};
use crate::value::ValueKind;

/// The versions of the statistics tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum FormId {
    /// 2014–2018: 政府信息公开情况统计表 (国办发〔2014〕32号).
    #[serde(rename = "2016")]
    F2016,
    /// 2019 trial format (国办公开办函〔2019〕60号), report years 2019–2020.
    #[serde(rename = "2019")]
    F2019,
    /// 2021 format (国办公开办函〔2021〕30号), report years 2021 onward.
    #[serde(rename = "2021")]
    F2021,
    /// Fujian's own version of the pre-2019 table, with its 历年累计 column (report years 2008–2018).
    #[serde(rename = "2016-fj")]
    F2016Fj,
}

impl FormId {
    pub const ALL: [FormId; 4] = [FormId::F2016, FormId::F2019, FormId::F2021, FormId::F2016Fj];

    pub fn as_str(self) -> &'static str {
        match self {
            FormId::F2016 => "2016",
            FormId::F2019 => "2019",
            FormId::F2021 => "2021",
            FormId::F2016Fj => "2016-fj",
        }
    }

    pub fn parse(s: &str) -> Option<FormId> {
        FormId::ALL.into_iter().find(|f| f.as_str() == s)
    }

    /// The definition of this form version.
    pub fn def(self) -> &'static FormDef {
        definitions::get(self)
    }
}

/// What a row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// A value row: every column holds a value of the column's kind (or the row's, if set).
    Value(ValueKind),
    /// A heading row: no value on the official form; when filled, it is checked by heading rules.
    Heading,
}

/// One column of a table.
#[derive(Debug, Clone, Copy)]
pub struct ColumnDef {
    pub id: &'static str,
    /// The printed header, e.g. 自然人, 本年制发件数.
    pub label: &'static str,
    /// Overrides the row's value kind (e.g. 本年增/减 is signed, 本年收费金额 is money).
    pub kind: Option<ValueKind>,
    /// The unit printed for this column, where it has its own (万元).
    pub unit: &'static str,
    /// The header this column sits under (法人或其他组织 for the five legal-person columns), for
    /// the merged header cells of the official layout.
    pub group: &'static str,
    /// Accepted and checked when present, never required (a 小计 column some templates add).
    pub optional: bool,
    /// The period its figures cover, where a table has columns for more than one (本年度, 历年累计).
    pub period: Period,
}

/// The period a column's figures cover.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// Not said apart: the column's label says what it counts (every column of the national forms).
    Unstated,
    /// The report year. The printed header names the year (2013年度): it is matched whatever year it
    /// names, and drawn with the report's.
    Year,
    /// Every year so far, the report year included (历年累计): never less than the year's figure, and
    /// last year's report's plus this year's (`checks::compare_years`).
    Cumulative,
}

/// One row of a table.
#[derive(Debug, Clone, Copy)]
pub struct RowDef {
    /// The row id, e.g. `3.3.4.a` or `3.7` or `review`.
    pub id: &'static str,
    /// The official wording.
    pub label: &'static str,
    /// Other wordings seen in real tables (typos, dropped suffixes, path-like labels).
    pub aliases: &'static [&'static str],
    /// The printed unit (件, 条, 万元…), empty where none.
    pub unit: &'static str,
    pub kind: RowKind,
    /// The row's own columns, where they differ from the table's (Table A's rows).
    pub columns: Option<&'static [ColumnDef]>,
    /// Accepted and checked when present, never required (an optional block or subtotal row).
    pub optional: bool,
    /// Nesting depth for display (0 = section, 1 = （一）, 2 = 1., 3 = 其中).
    pub depth: u8,
}

/// How a table is printed, which the preview follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Rows × columns, headed by the columns' labels under their groups (today's Tables A, B, C).
    Matrix,
    /// A list of indicators: a stub column and a unit column headed by these words, then the value
    /// columns (统计指标 | 单位 | 统计数; Fujian's 指标名称 | 计量单位 | 2013年度 | 历年累计).
    Indicators { stub: &'static str, unit: &'static str },
}

/// One table of a form.
#[derive(Debug, Clone, Copy)]
pub struct TableDef {
    /// `""` for a single-table form with one value column, whose cell ids are row ids (the 2016
    /// form); else `A`, `B`, `C`, `T`, and cell ids are `<table>:<row>:<column>`.
    pub id: &'static str,
    pub title: &'static str,
    /// The columns every row has unless it names its own.
    pub columns: &'static [ColumnDef],
    pub rows: &'static [RowDef],
    pub layout: Layout,
}

impl TableDef {
    pub fn row_columns(&self, row: &RowDef) -> &'static [ColumnDef] {
        row.columns.unwrap_or(self.columns)
    }
}

/// How two sums of cells must relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// Σ lhs = Σ rhs.
    Equal,
    /// Σ lhs ≤ Σ rhs.
    AtMost,
    /// Σ lhs ≥ Σ rhs.
    AtLeast,
    /// Σ lhs > 0 implies Σ rhs > 0.
    Implies,
}

/// Which way a rule runs through a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Axis {
    /// `lhs` and `rhs` name rows; the rule is repeated for every column in `scope` (all when empty).
    Vertical,
    /// `lhs` and `rhs` name columns; the rule is repeated for every row in `scope` (all value rows
    /// that have those columns when empty).
    Horizontal,
}

/// A rule as declared in a form definition.
#[derive(Debug, Clone, Copy)]
pub struct RuleDef {
    pub code: Code,
    pub severity: Severity,
    pub relation: Relation,
    pub table: &'static str,
    pub axis: Axis,
    pub lhs: &'static [&'static str],
    pub rhs: &'static [&'static str],
    pub scope: &'static [&'static str],
    /// Checked only when the lhs cells are filled (a heading row's value; an optional subtotal).
    pub when_filled: bool,
}

/// The province whose own version of a table a form is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Province {
    /// 福建省.
    pub zh: &'static str,
    /// Fujian.
    pub en: &'static str,
}

/// A whole form version.
#[derive(Debug)]
pub struct FormDef {
    pub id: FormId,
    /// The name of the statistics table(s), e.g. 政府信息公开情况统计表.
    pub title: &'static str,
    /// The report years this form is for, inclusive.
    pub years: (u16, u16),
    /// `None` for a national format; a province's own version names the province. A provincial
    /// version is never proposed to another province's report (`wrong-format`).
    pub province: Option<Province>,
    pub tables: &'static [TableDef],
    pub rules: &'static [RuleDef],
}

/// A cell's place in a form: indices into the definition's tables, rows and columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CellRef {
    pub table: u16,
    pub row: u16,
    pub column: u16,
}

impl FormDef {
    /// Every cell of the form, in reading order (table by table, row by row, column by column).
    pub fn cells(&self) -> impl Iterator<Item = CellRef> + '_ {
        self.tables.iter().enumerate().flat_map(move |(t, table)| {
            table.rows.iter().enumerate().flat_map(move |(r, row)| {
                (0..table.row_columns(row).len()).map(move |c| CellRef {
                    table: t as u16,
                    row: r as u16,
                    column: c as u16,
                })
            })
        })
    }

    pub fn table(&self, cell: CellRef) -> &TableDef {
        &self.tables[cell.table as usize]
    }

    pub fn row(&self, cell: CellRef) -> &RowDef {
        &self.table(cell).rows[cell.row as usize]
    }

    pub fn column(&self, cell: CellRef) -> &ColumnDef {
        let table = self.table(cell);
        &table.row_columns(&table.rows[cell.row as usize])[cell.column as usize]
    }

    /// The cell's id: the row id for a single-table form (`3.3.4.a`), else `B:3.7:total`.
    pub fn cell_id(&self, cell: CellRef) -> String {
        let table = self.table(cell);
        let row = self.row(cell).id;
        if table.id.is_empty() {
            return row.to_string();
        }
        // Joined by hand, not `format!`: a form's ids are made by the thousand at a page's start.
        let column = self.column(cell).id;
        let mut id = String::with_capacity(table.id.len() + row.len() + column.len() + 2);
        for part in [table.id, ":", row, ":", column] {
            id.push_str(part);
        }
        id
    }

    /// The cell with this id, if the form has it.
    pub fn find_cell(&self, id: &str) -> Option<CellRef> {
        let (table_id, row_id, column_id) = match id.split(':').collect::<Vec<_>>()[..] {
            [row] => ("", row, None),
            [table, row, column] => (table, row, Some(column)),
            _ => return None,
        };
        let t = self.tables.iter().position(|t| t.id == table_id)?;
        let table = &self.tables[t];
        let r = table.rows.iter().position(|r| r.id == row_id)?;
        let columns = table.row_columns(&table.rows[r]);
        let c = match column_id {
            None if columns.len() == 1 => 0,
            None => return None,
            Some(cid) => columns.iter().position(|c| c.id == cid)?,
        };
        Some(CellRef { table: t as u16, row: r as u16, column: c as u16 })
    }

    /// What the cell holds: the column's kind, else the row's; `None` for a heading.
    pub fn value_kind(&self, cell: CellRef) -> ValueKind {
        match (self.column(cell).kind, self.row(cell).kind) {
            (Some(kind), _) => kind,
            (None, RowKind::Value(kind)) => kind,
            (None, RowKind::Heading) => ValueKind::Count,
        }
    }

    /// Whether a blank in this cell is fine (a heading, an optional row or column).
    pub fn is_optional(&self, cell: CellRef) -> bool {
        let row = self.row(cell);
        row.optional || matches!(row.kind, RowKind::Heading) || self.column(cell).optional
    }

    /// A human label for the cell: the row's label, plus the column's where the row has several.
    pub fn cell_label(&self, cell: CellRef) -> String {
        let table = self.table(cell);
        let row = self.row(cell);
        if table.row_columns(row).len() == 1 {
            row.label.to_string()
        } else {
            format!("{}·{}", row.label, self.column(cell).label)
        }
    }
}

/// Shorthand constructors for definitions, so that a form reads as a table.
pub mod build {
    use super::*;

    pub const fn col(id: &'static str, label: &'static str) -> ColumnDef {
        ColumnDef { id, label, kind: None, unit: "", group: "", optional: false, period: Period::Unstated }
    }

    /// A column of one period (本年度, 历年累计).
    pub const fn period(mut c: ColumnDef, period: Period) -> ColumnDef {
        c.period = period;
        c
    }

    pub const fn row(id: &'static str, label: &'static str, unit: &'static str, depth: u8) -> RowDef {
        RowDef {
            id,
            label,
            aliases: &[],
            unit,
            kind: RowKind::Value(ValueKind::Count),
            columns: None,
            optional: false,
            depth,
        }
    }

    pub const fn heading(id: &'static str, label: &'static str, depth: u8) -> RowDef {
        RowDef { id, label, aliases: &[], unit: "", kind: RowKind::Heading, columns: None, optional: false, depth }
    }

    pub const fn rule(
        code: Code,
        severity: Severity,
        relation: Relation,
        lhs: &'static [&'static str],
        rhs: &'static [&'static str],
    ) -> RuleDef {
        RuleDef { code, severity, relation, table: "", axis: Axis::Vertical, lhs, rhs, scope: &[], when_filled: false }
    }

    /// A row with the wordings real tables use besides the official one.
    pub const fn aka(mut r: RowDef, aliases: &'static [&'static str]) -> RowDef {
        r.aliases = aliases;
        r
    }

    /// A row some templates add and the official form lacks.
    pub const fn optional(mut r: RowDef) -> RowDef {
        r.optional = true;
        r
    }

    /// A row with columns of its own (Table A).
    pub const fn with_columns(mut r: RowDef, columns: &'static [ColumnDef]) -> RowDef {
        r.columns = Some(columns);
        r
    }

    /// A column under a merged header cell (法人或其他组织, 第二十条第（一）项).
    pub const fn under(mut c: ColumnDef, group: &'static str) -> ColumnDef {
        c.group = group;
        c
    }

    /// A column of money in 万元, whatever the row holds.
    pub const fn money_column(mut c: ColumnDef) -> ColumnDef {
        c.kind = Some(ValueKind::Money);
        c.unit = "万元";
        c
    }

    /// A column of signed whole numbers (本年增/减: "+3", "-2").
    pub const fn signed(mut c: ColumnDef) -> ColumnDef {
        c.kind = Some(ValueKind::Signed);
        c
    }

    /// Joins row lists into one array, so that a form version can be written as the rows it shares
    /// with another plus the rows it changes.
    pub const fn concat<const N: usize>(parts: &[&[RowDef]]) -> [RowDef; N] {
        let mut out = [parts[0][0]; N];
        let mut n = 0;
        let mut p = 0;
        while p < parts.len() {
            let mut i = 0;
            while i < parts[p].len() {
                out[n] = parts[p][i];
                n += 1;
                i += 1;
            }
            p += 1;
        }
        assert!(n == N, "the row count does not match the rows given");
        out
    }

    /// An identity that holds for a cell the official form does not have, checked only once filled.
    pub const fn when_filled(mut r: RuleDef) -> RuleDef {
        r.when_filled = true;
        r
    }

    /// A row of money in 万元 (the 2016 form's fees and funds).
    pub const fn money_row(mut r: RowDef) -> RowDef {
        r.kind = RowKind::Value(ValueKind::Money);
        r
    }
}
