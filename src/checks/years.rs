//! This year against last year, only made when last year's report is given: the applications
//! carried over into this year (Table B row 2) are the ones last year's report carried forward (its
//! row 4), column by column; and (2021's format) Table A's documents in force are last year's plus
//! those issued minus those repealed, for 规章 and 行政规范性文件. Both are the spec's soft checks:
//! revisions count as issued and some agencies count expiries apart, so a difference is a warning
//! that quotes both years' figures.

use crate::diagnostic::{Code, Diagnostic};
use crate::form::FormId;
use crate::report::Report;

use super::{fact, finding, Cells};

/// Forms whose Table B has the rows 2 (上年结转) and 4 (结转下年度继续办理).
const WITH_CARRY_OVER: &[FormId] = &[FormId::F2019, FormId::F2021];

pub(crate) fn check(report: &Report, previous: &Report) -> Vec<Diagnostic> {
    let mut found = in_force(report, previous);
    found.extend(carry_over(report, previous));
    found
}

/// Table A's rows with documents in force (2021's format).
const IN_FORCE_ROWS: &[&str] = &["regulations", "normative"];

fn in_force(report: &Report, previous: &Report) -> Vec<Diagnostic> {
    if report.form != FormId::F2021 || previous.form != FormId::F2021 {
        return Vec::new();
    }
    let (this, last) = (Cells::new(report), Cells::new(previous));
    let Some(table) = report.form.def().tables.iter().find(|t| t.id == "A") else { return Vec::new() };
    let mut found = Vec::new();
    for row in table.rows.iter().filter(|r| IN_FORCE_ROWS.contains(&r.id)) {
        let id = |column: &str| format!("A:{}:{column}", row.id);
        // Blanks say nothing here: a missing figure is the table's own finding.
        let (Some(now), Some(before), Some(issued), Some(repealed)) = (
            this.value(&id("in_force")),
            last.value(&id("in_force")),
            this.value(&id("issued")),
            this.value(&id("repealed")),
        ) else {
            continue;
        };
        let expected = before + issued - repealed;
        if now != expected {
            let mut d = finding(
                Code::InForceMismatch,
                vec![id("in_force"), id("issued"), id("repealed")],
                None,
                vec![
                    (fact::LABEL, row.label.to_string()),
                    (fact::YEAR, previous.year.map(|y| y.to_string()).unwrap_or_default()),
                    (fact::BEFORE, before.to_string()),
                    (fact::ISSUED, issued.to_string()),
                    (fact::REPEALED, repealed.to_string()),
                ],
            );
            d.expected = Some(expected);
            d.actual = Some(now);
            found.push(d);
        }
    }
    found
}

fn carry_over(report: &Report, previous: &Report) -> Vec<Diagnostic> {
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
