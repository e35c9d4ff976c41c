//! wrong-format: the tables of one format filed for a year another format is for (the 2019 trial
//! tables for 2021 onward, the 2014–2018 table after 2018, or the reverse).

use super::{fact, finding, report_year};
use crate::diagnostic::{Code, Diagnostic};
use crate::form::FormId;
use crate::report::Report;

pub(crate) fn check(report: &Report) -> Option<Diagnostic> {
    let year = report_year(report)?;
    let (first, last) = report.form.def().years;
    if (first..=last).contains(&year) {
        return None;
    }
    let mut facts = vec![(fact::YEAR, year.to_string()), (fact::FORM, report.form.as_str().to_string())];
    // A national format: a province's own version is for that province's reports only.
    let fitting = FormId::ALL.into_iter().find(|f| {
        let (first, last) = f.def().years;
        f.def().province.is_none() && (first..=last).contains(&year)
    });
    if let Some(f) = fitting {
        facts.push((fact::FITTING_FORM, f.as_str().to_string()));
    }
    Some(finding(Code::WrongFormat, Vec::new(), None, facts))
}
