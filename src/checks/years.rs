//! This year against last year: the applications carried over into this year (Table B row 2) are the
//! ones last year's report carried forward (its row 4), column by column. The spec's soft check;
//! only made when last year's report is given.

use crate::diagnostic::{Code, Diagnostic};
use crate::form::FormId;
use crate::report::Report;

use super::{fact, finding, Cells};

/// Forms whose Table B has the rows 2 (上年结转) and 4 (结转下年度继续办理).
const WITH_CARRY_OVER: &[FormId] = &[FormId::F2019, FormId::F2021];

pub(crate) fn check(report: &Report, previous: &Report) -> Vec<Diagnostic> {
    if !WITH_CARRY_OVER.contains(&report.form) || !WITH_CARRY_OVER.contains(&previous.form) {
        return Vec::new();
    }
    let (this, last) = (Cells::new(report), Cells::new(previous));
    let Some(table) = report.form.def().tables.iter().find(|t| t.id == "B") else { return Vec::new() };
    let mut found = Vec::new();
    for column in table.columns {
        let (carried_in, carried_out) = (format!("B:2:{}", column.id), format!("B:4:{}", column.id));
        // Blanks say nothing here: a missing figure is the table's own finding.
        let (Some(now), Some(before)) = (this.value(&carried_in), last.value(&carried_out)) else { continue };
        if now != before {
            let mut d = finding(
                Code::CarryOverMismatch,
                vec![carried_in],
                None,
                vec![
                    (fact::LABEL, column.label.to_string()),
                    (fact::YEAR, previous.year.map(|y| y.to_string()).unwrap_or_default()),
                ],
            );
            d.expected = Some(before);
            d.actual = Some(now);
            found.push(d);
        }
    }
    found
}
