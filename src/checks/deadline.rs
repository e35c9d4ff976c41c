//! late-publication: the report appeared after its deadline. The 2008 Regulations (Art. 31) give
//! every agency until 31 March of the following year; the 2019 Regulations (Art. 49) give a
//! department until 31 January and a people's government's own report until 31 March.

use super::{fact, finding, report_year, AgencyKind, KindSource};
use crate::diagnostic::{Code, Diagnostic};
use crate::form::FormId;
use crate::report::Report;

/// A calendar date, compared as (year, month, day).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// `2017-02-16`, and the way reports print it, `2017年2月16日`.
fn parse_date(text: &str) -> Option<Date> {
    let numbers: Vec<&str> = text.trim().split(['-', '/', '.', '年', '月', '日']).filter(|s| !s.is_empty()).collect();
    let [y, m, d] = numbers[..] else { return None };
    let date = Date { year: y.trim().parse().ok()?, month: m.trim().parse().ok()?, day: d.trim().parse().ok()? };
    ((1..=12).contains(&date.month) && (1..=31).contains(&date.day)).then_some(date)
}

/// The last day of publication for a report on `year`, and whose deadline it is.
fn deadline(form: FormId, year: u16, kind: Option<(AgencyKind, KindSource)>) -> (Date, &'static str) {
    let next = year + 1;
    let march = Date { year: next, month: 3, day: 31 };
    match form {
        FormId::F2016 | FormId::F2016Fj => (march, "any"),
        FormId::F2019 | FormId::F2021 => match kind {
            Some((AgencyKind::Department, _)) => (Date { year: next, month: 1, day: 31 }, "department"),
            Some((AgencyKind::Government, _)) => (march, "government"),
            // Not knowing which, only the later deadline is certain to have passed.
            None => (march, "unknown"),
        },
    }
}

pub(crate) fn check(report: &Report, kind: Option<(AgencyKind, KindSource)>) -> Option<Diagnostic> {
    let year = report_year(report)?;
    let date = parse_date(report.date.as_deref()?)?;
    let (last_day, whose) = deadline(report.form, year, kind);
    if date <= last_day {
        return None;
    }
    let mut facts = vec![
        (fact::DATE, date.to_string()),
        (fact::DEADLINE, last_day.to_string()),
        (fact::AGENCY_KIND, whose.to_string()),
        (fact::YEAR, year.to_string()),
    ];
    if let (Some((_, source)), "department" | "government") = (kind, whose) {
        let source = match source {
            KindSource::Option => "option",
            KindSource::Name => "name",
        };
        facts.push((fact::AGENCY_KIND_FROM, source.to_string()));
    }
    Some(finding(Code::LatePublication, Vec::new(), None, facts))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_as_reports_print_them() {
        assert_eq!(parse_date("2017-02-16"), Some(Date { year: 2017, month: 2, day: 16 }));
        assert_eq!(parse_date("2017年2月16日"), Some(Date { year: 2017, month: 2, day: 16 }));
        assert_eq!(parse_date("2017-13-01"), None);
        assert_eq!(parse_date("明天"), None);
    }
}
