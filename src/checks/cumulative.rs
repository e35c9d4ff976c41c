//! cumulative-mismatch: a table with a cumulative column (历年累计, Fujian's) against last year's
//! report: this year's cumulative figure is last year's cumulative plus this year's figure, row by
//! row. Only made when last year's report is given, of the same form, for the year just before.
//!
//! Nothing here names a form or a row: the columns come from the definition (`Period::Year` and
//! `Period::Cumulative`), so every table that declares the two is checked, a province's next one too.
//!
//! A warning, not an error: last year's published cumulative may have been corrected since, an
//! agency merged or split (平潭县 into 平潭综合实验区) carries another base, and a row renamed
//! between the years (主动公开信息数, then 主动公开文件数) may count a little differently. The finding
//! quotes both years' figures so that a reviewer can tell.

use crate::diagnostic::{Code, Diagnostic};
use crate::form::{CellRef, Period, RowKind};
use crate::messages::table::strip_numbering;
use crate::report::Report;

use super::{fact, finding, report_year, Cells};

/// Last year's cumulative figure of the row, as a fact of the finding.
pub(crate) const PREVIOUS: &str = "previousCumulative";
/// This year's figure of the row.
pub(crate) const THIS_YEAR: &str = "thisYear";

pub(crate) fn check(report: &Report, previous: &Report) -> Vec<Diagnostic> {
    if report.form != previous.form {
        return Vec::new();
    }
    // Two years apart, the chain runs through a report not given: nothing to compare.
    if let (Some(year), Some(before)) = (report_year(report), report_year(previous)) {
        if before + 1 != year {
            return Vec::new();
        }
    }
    let def = report.form.def();
    let (this, last) = (Cells::new(report), Cells::new(previous));
    let mut found = Vec::new();
    for (t, table) in def.tables.iter().enumerate() {
        for (r, row) in table.rows.iter().enumerate() {
            if matches!(row.kind, RowKind::Heading) {
                continue;
            }
            let columns = table.row_columns(row);
            let id_of = |period: Period| {
                let c = columns.iter().position(|c| c.period == period)?;
                Some(def.cell_id(CellRef { table: t as u16, row: r as u16, column: c as u16 }))
            };
            let (Some(year_id), Some(cumulative_id)) = (id_of(Period::Year), id_of(Period::Cumulative)) else {
                continue;
            };
            // Blanks say nothing here: a missing figure is the table's own finding.
            let (Some(now), Some(before), Some(year)) =
                (this.value(&cumulative_id), last.value(&cumulative_id), this.value(&year_id))
            else {
                continue;
            };
            let expected = before + year;
            if now != expected {
                let mut d = finding(
                    Code::CumulativeMismatch,
                    vec![cumulative_id, year_id],
                    None,
                    vec![
                        (fact::LABEL, strip_numbering(row.label)),
                        (fact::YEAR, report_year(previous).map(|y| y.to_string()).unwrap_or_default()),
                        (PREVIOUS, before.to_string()),
                        (THIS_YEAR, year.to_string()),
                    ],
                );
                d.expected = Some(expected);
                d.actual = Some(now);
                found.push(d);
            }
        }
    }
    found
}
