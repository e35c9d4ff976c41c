//! A form definition as plain data for the outside (JS, JSON): what the browser needs to find, label
//! and lay out the cells of a page.

use serde::Serialize;

use super::{Axis, CellRef, ColumnDef, FormDef, Relation, RowKind, RuleDef};
use crate::diagnostic::{Code, Severity};
use crate::value::ValueKind;

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FormView {
    pub id: &'static str,
    pub title: &'static str,
    pub years: [u16; 2],
    pub tables: Vec<TableView>,
    /// The rules, each expanded to the concrete cells it relates (one entry per column or row it runs
    /// through), in the order the engine checks them: what a page needs to check the table itself.
    pub rules: Vec<RuleView>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TableView {
    pub id: &'static str,
    pub title: &'static str,
    pub columns: Vec<ColumnView>,
    pub rows: Vec<RowView>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ColumnView {
    pub id: &'static str,
    pub label: &'static str,
    pub group: &'static str,
    pub unit: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<&'static str>,
    pub optional: bool,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RowView {
    pub id: &'static str,
    pub label: &'static str,
    pub aliases: &'static [&'static str],
    pub unit: &'static str,
    /// "heading", "count", "money" or "signed".
    pub kind: &'static str,
    pub depth: u8,
    pub optional: bool,
    pub columns: Vec<ColumnView>,
    /// The cell id of each column, in order.
    pub cells: Vec<String>,
}

/// One rule on concrete cells: Σ lhs (relation) Σ rhs.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RuleView {
    /// The rule's key, as the checker's findings and running totals name it (`sum-mismatch:3.1`).
    pub key: String,
    pub code: Code,
    pub severity: Severity,
    /// "equal", "atMost", "atLeast" or "implies".
    pub relation: &'static str,
    pub lhs: Vec<String>,
    pub rhs: Vec<String>,
    /// Checked only once every lhs cell is filled.
    pub when_filled: bool,
}

fn relation_name(relation: Relation) -> &'static str {
    match relation {
        Relation::Equal => "equal",
        Relation::AtMost => "atMost",
        Relation::AtLeast => "atLeast",
        Relation::Implies => "implies",
    }
}

fn kind_name(kind: ValueKind) -> &'static str {
    match kind {
        ValueKind::Count => "count",
        ValueKind::Money => "money",
        ValueKind::Signed => "signed",
    }
}

fn column(c: &ColumnDef) -> ColumnView {
    ColumnView {
        id: c.id,
        label: c.label,
        group: c.group,
        unit: c.unit,
        kind: c.kind.map(kind_name),
        optional: c.optional,
    }
}

/// A declared rule at one place it runs through: its key and its cells.
#[derive(Debug, Clone)]
pub struct RuleInstance<'a> {
    /// `<code>:<first lhs cell>`, with `#2`, `#3`… for a later rule of the same code and first cell.
    pub key: String,
    pub def: &'a RuleDef,
    pub lhs: Vec<CellRef>,
    pub rhs: Vec<CellRef>,
}

impl FormDef {
    /// Every rule of the form at every place it runs through, in declaration order, each with the
    /// key its findings carry (one definition of the key for the engine and the outside).
    pub fn rule_instances(&self) -> Vec<RuleInstance<'_>> {
        let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        let mut out = Vec::new();
        for def in self.rules {
            for (lhs, rhs) in self.expand_rule(def) {
                let mut base = String::from(def.code.as_str());
                base.push(':');
                base.push_str(&self.cell_id(lhs[0]));
                let n = seen.entry(base.clone()).or_insert(0);
                *n += 1;
                let key = if *n == 1 { base } else { format!("{base}#{n}") };
                out.push(RuleInstance { key, def, lhs, rhs });
            }
        }
        out
    }

    /// A declared rule expanded to concrete cells: one (lhs, rhs) pair per column (vertical) or row
    /// (horizontal) it runs through, skipping those where a named row or column does not exist.
    pub fn expand_rule(&self, def: &RuleDef) -> Vec<(Vec<CellRef>, Vec<CellRef>)> {
        let Some(t) = self.tables.iter().position(|t| t.id == def.table) else { return vec![] };
        let table = &self.tables[t];
        let row_of = |row_id: &str| table.rows.iter().position(|r| r.id == row_id);
        let cell = |r: Option<usize>, column_id: &str| -> Option<CellRef> {
            let r = r?;
            let c = table.row_columns(&table.rows[r]).iter().position(|c| c.id == column_id)?;
            Some(CellRef { table: t as u16, row: r as u16, column: c as u16 })
        };
        let vertical = def.axis == Axis::Vertical;
        // A vertical rule names rows and runs through columns: its rows are found once, not at
        // every column (the search by id was most of the cost of expanding a form's rules).
        let rows_of = |ids: &[&str]| -> Vec<Option<usize>> { ids.iter().map(|id| row_of(id)).collect() };
        let (lhs_rows, rhs_rows) = if vertical { (rows_of(def.lhs), rows_of(def.rhs)) } else { (vec![], vec![]) };
        let side =
            |ids: &[&str], rows: &[Option<usize>], line: &str, line_row: Option<usize>| -> Option<Vec<CellRef>> {
                if vertical {
                    rows.iter().map(|&r| cell(r, line)).collect()
                } else {
                    ids.iter().map(|id| cell(line_row, id)).collect()
                }
            };
        let lines: Vec<&str> = match (def.scope.is_empty(), vertical) {
            (false, _) => def.scope.to_vec(),
            (true, true) => table.columns.iter().map(|c| c.id).collect(),
            (true, false) => table.rows.iter().filter(|r| !matches!(r.kind, RowKind::Heading)).map(|r| r.id).collect(),
        };
        lines
            .into_iter()
            .filter_map(|line| {
                let line_row = if vertical { None } else { row_of(line) };
                Some((side(def.lhs, &lhs_rows, line, line_row)?, side(def.rhs, &rhs_rows, line, line_row)?))
            })
            .collect()
    }

    /// The definition as plain data.
    pub fn view(&self) -> FormView {
        // Each cell's id formatted once: the rules name the same cells thousands of times, and
        // formatting an id at each was more than half the cost of `formDefinition` at a page's start.
        let ids: Vec<Vec<Vec<String>>> = (0..self.tables.len())
            .map(|t| {
                let table = &self.tables[t];
                (0..table.rows.len())
                    .map(|r| {
                        (0..table.row_columns(&table.rows[r]).len())
                            .map(|c| self.cell_id(CellRef { table: t as u16, row: r as u16, column: c as u16 }))
                            .collect()
                    })
                    .collect()
            })
            .collect();
        let id = |c: CellRef| ids[c.table as usize][c.row as usize][c.column as usize].clone();
        FormView {
            id: self.id.as_str(),
            title: self.title,
            years: [self.years.0, self.years.1],
            tables: self
                .tables
                .iter()
                .zip(&ids)
                .map(|(t, table_ids)| TableView {
                    id: t.id,
                    title: t.title,
                    columns: t.columns.iter().map(column).collect(),
                    rows: t
                        .rows
                        .iter()
                        .zip(table_ids)
                        .map(|(r, row_ids)| {
                            let columns = t.row_columns(r);
                            RowView {
                                id: r.id,
                                label: r.label,
                                aliases: r.aliases,
                                unit: r.unit,
                                kind: match r.kind {
                                    RowKind::Heading => "heading",
                                    RowKind::Value(k) => kind_name(k),
                                },
                                depth: r.depth,
                                optional: r.optional,
                                columns: columns.iter().map(column).collect(),
                                cells: row_ids.clone(),
                            }
                        })
                        .collect(),
                })
                .collect(),
            rules: self
                .rule_instances()
                .into_iter()
                .map(|r| RuleView {
                    key: r.key,
                    code: r.def.code,
                    severity: r.def.severity,
                    relation: relation_name(r.def.relation),
                    lhs: r.lhs.into_iter().map(id).collect(),
                    rhs: r.rhs.into_iter().map(id).collect(),
                    when_filled: r.def.when_filled,
                })
                .collect(),
        }
    }
}
