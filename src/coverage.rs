//! Precision before recall: what an imported report's reading allows to be judged, and how much was.
//!
//! A finding is an accusation. A rule that reads a cell the reader could not read with confidence
//! (a row recognised but not placed, a row the reader had to repair, a table not found) is not
//! judged: it is reported as not checked, naming the rows, whatever the figures say. A table of
//! which nothing was read is said to be missing, never passed in silence. The coverage counts, per
//! table, the cells read and the rules passed, failed and not checked.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

use crate::diagnostic::{Code, Detail, Diagnostic, Origin, Severity};
use crate::report::Report;

/// How much of one table of the form was read and judged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TableCoverage {
    /// The table's id (`A`, `B`, `C`; `T` for Fujian's; `""` for the single table of the 2016 form).
    pub table: String,
    pub title: String,
    /// Whether any of it was found.
    pub found: bool,
    /// The form's cells in this table.
    pub cells: usize,
    /// Cells holding a value read with confidence.
    pub read: usize,
    /// Cells whose reading is not trusted (from rows not placed or repaired).
    pub unread: usize,
    pub rules_passed: usize,
    pub rules_failed: usize,
    pub rules_not_checked: usize,
}

/// The coverage of a whole report, table by table.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Coverage {
    pub tables: Vec<TableCoverage>,
}

impl Coverage {
    /// Cells read with confidence, out of the form's cells.
    pub fn read(&self) -> (usize, usize) {
        self.tables.iter().fold((0, 0), |(r, c), t| (r + t.read, c + t.cells))
    }

    pub fn rules(&self) -> (usize, usize, usize) {
        self.tables
            .iter()
            .fold((0, 0, 0), |(p, f, n), t| (p + t.rules_passed, f + t.rules_failed, n + t.rules_not_checked))
    }
}

/// Codes about the reading itself: they stand whatever was read.
fn about_reading(code: Code) -> bool {
    matches!(code, Code::UnplacedRow | Code::DuplicateCell | Code::NotChecked | Code::TableNotFound)
}

/// Judge the findings of an imported report against what was read: findings that rest on cells not
/// read with confidence become `not-checked`, tables not found are said to be, and the coverage is
/// counted. `unread` maps each untrusted cell to the row it came from.
pub fn judge(report: &Report, unread: &BTreeMap<String, Origin>, diagnostics: &mut Vec<Diagnostic>) -> Coverage {
    let form = report.form.def();
    let filled = |id: &str| !report.cell(id).trim().is_empty();
    // Each untrusted cell, with the row it came from (`None`: its table was not found at all).
    let mut untrusted: HashMap<String, Option<Origin>> =
        unread.iter().map(|(id, origin)| (id.clone(), Some(*origin))).collect();
    let mut coverage = Coverage::default();
    let mut table_of: HashMap<String, usize> = HashMap::new();
    for (t, table) in form.tables.iter().enumerate() {
        let ids: Vec<String> = form.cells().filter(|c| c.table as usize == t).map(|c| form.cell_id(c)).collect();
        let damaged = ids.iter().filter(|id| unread.contains_key(*id)).count();
        let read = ids.iter().filter(|id| filled(id) && !unread.contains_key(*id)).count();
        // Values read but not trusted (a blank that may hold orphaned figures is not one).
        let misread = ids.iter().filter(|id| filled(id) && unread.contains_key(*id)).count();
        // A table is missing when nothing of it was read, or set aside when more of its values are
        // untrusted than trusted (a reading that poor says nothing about the agency).
        let found = read > 0 && misread <= read;
        if !found {
            // Its rules are counted, not listed: the table's one finding says why.
            for id in &ids {
                untrusted.insert(id.clone(), None);
            }
            let detail = Detail::TableNotFound { table: table.id.to_string(), title: table.title.to_string() };
            diagnostics.push(Diagnostic::new(Code::TableNotFound, Severity::Warning, Vec::new(), detail));
        }
        for id in &ids {
            table_of.insert(id.clone(), t);
        }
        coverage.tables.push(TableCoverage {
            table: table.id.to_string(),
            title: table.title.to_string(),
            found,
            cells: ids.len(),
            read: if found { read } else { 0 },
            unread: damaged,
            rules_passed: 0,
            rules_failed: 0,
            rules_not_checked: 0,
        });
    }

    // The rules: each judged, failed or not, or not checked.
    let mut not_judged: BTreeSet<String> = BTreeSet::new();
    let mut replacements = Vec::new();
    for instance in form.rule_instances() {
        let ids: Vec<String> = instance.lhs.iter().chain(&instance.rhs).map(|c| form.cell_id(*c)).collect();
        let t = instance.lhs.first().map_or(0, |c| c.table as usize);
        let hits: Vec<&String> = ids.iter().filter(|id| untrusted.contains_key(*id)).collect();
        let counts = &mut coverage.tables[t];
        if hits.is_empty() {
            let failed = diagnostics.iter().any(|d| {
                d.rule.as_deref() == Some(instance.key.as_str())
                    && matches!(d.severity, Severity::Error | Severity::Warning)
            });
            if failed {
                counts.rules_failed += 1;
            } else {
                counts.rules_passed += 1;
            }
            continue;
        }
        counts.rules_not_checked += 1;
        not_judged.insert(instance.key.clone());
        if let Some(d) = not_checked(hits.iter().map(|id| (id.as_str(), untrusted[id.as_str()]))) {
            replacements.push(d.with_rule(instance.key.clone()));
        }
    }

    // Findings resting on untrusted cells: a rule's are replaced by its `not-checked`; a cell's own
    // (missing, implied zero, a refused value) go with it; any other (the narrative against the
    // table) becomes `not-checked` itself.
    let mut kept = Vec::with_capacity(diagnostics.len());
    for d in diagnostics.drain(..) {
        if about_reading(d.code) {
            kept.push(d);
            continue;
        }
        if d.rule.as_ref().is_some_and(|k| not_judged.contains(k)) {
            continue;
        }
        let hits: Vec<&String> = d.cells.iter().filter(|id| untrusted.contains_key(*id)).collect();
        if hits.is_empty() {
            kept.push(d);
            continue;
        }
        let is_cells_own = d.rule.as_ref().is_some_and(|k| k.starts_with("cell:"))
            || matches!(d.code, Code::Missing | Code::ImpliedZero | Code::Normalized | Code::HeadingValue);
        if !is_cells_own {
            if let Some(nc) = not_checked(hits.iter().map(|id| (id.as_str(), untrusted[id.as_str()]))) {
                kept.push(nc);
            }
        }
    }
    kept.extend(replacements);
    *diagnostics = kept;
    coverage
}

/// A `not-checked` finding for cells read from damaged rows; `None` when every cell is only
/// missing with its table (the table's own finding says so once).
fn not_checked<'a>(cells: impl Iterator<Item = (&'a str, Option<Origin>)>) -> Option<Diagnostic> {
    let mut unread = Vec::new();
    let mut at: Vec<Origin> = Vec::new();
    for (id, origin) in cells {
        if let Some(origin) = origin {
            unread.push(id.to_string());
            if !at.contains(&origin) {
                at.push(origin);
            }
        }
    }
    if unread.is_empty() {
        return None;
    }
    let detail = Detail::NotChecked { unread: unread.clone(), at };
    Some(Diagnostic::new(Code::NotChecked, Severity::Info, unread, detail))
}
