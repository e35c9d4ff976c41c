//! Report-level checks: what a table that adds up can still get wrong in the report around it. The
//! narrative states figures the table contradicts (`narrative`), the report is published late
//! (`deadline`), names no agency (`agency`), lacks a part or slips in its numbering (`sections`), or
//! files the tables of another year's format (`format`).
//!
//! Every finding quotes what it is about with its place in `Report::narrative` as UTF-16 offsets
//! (JS string indices), so that the browser can highlight it, and carries its facts as named values
//! (`facts`) from which `messages::report` writes the message in the user's language.

mod agency;
mod bidi;
pub(crate) mod cumulative;
mod deadline;
mod fees;
mod format;
mod narrative;
mod period;
mod sections;
mod text;
mod years;

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Code, Detail, Diagnostic, Quote, Severity};
use crate::form::{Axis, FormDef, Relation};
use crate::report::Report;
use crate::value::{self, Amount};

pub use agency::agency_kind_of;

/// Which deadline an agency's report has (2019 Regulations, Art. 49).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AgencyKind {
    /// A department of a people's government (局, 委, 办, 厅…): 31 January.
    Department,
    /// A people's government's own report (人民政府, 政府办公厅 for it): 31 March.
    Government,
}

impl AgencyKind {
    pub fn as_str(self) -> &'static str {
        match self {
            AgencyKind::Department => "department",
            AgencyKind::Government => "government",
        }
    }
}

/// How to check the report around the tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ReportOptions {
    /// Which deadline applies; `None`: told apart by the agency's name.
    pub agency_kind: Option<AgencyKind>,
}

/// The names of the facts report-level findings carry in `Detail::Report`, shared by the checks,
/// the messages and the tests.
pub mod fact {
    /// What a narrative finding compares: `count`, `share`, `zero` or `upheld`.
    pub const READING: &str = "reading";
    /// The clause of the narrative that states the figure, as written ("通过门户网站公开783条").
    pub const STATEMENT: &str = "statement";
    /// The table's side, as a clerk recognises it (「政府网站公开政府信息数」).
    pub const LABEL: &str = "label";
    /// Every reading of the table tried, `cells=value` joined by "; ".
    pub const TRIED: &str = "tried";
    /// The unit of a figure (条, 件, %).
    pub const UNIT: &str = "unit";
    /// The cell that a share is a share of (B:3.7:total).
    pub const BASE: &str = "base";
    /// The publication date and the deadline it missed, `YYYY-MM-DD`.
    pub const DATE: &str = "date";
    pub const DEADLINE: &str = "deadline";
    /// `department`, `government`, or `any` (the 2016 form has one deadline for every agency).
    pub const AGENCY_KIND: &str = "agencyKind";
    /// Where the agency kind came from: `option` or `name`; absent when unknown.
    pub const AGENCY_KIND_FROM: &str = "agencyKindFrom";
    /// The agency name as written, and why it is suspicious: `webAddress`, `absent`, `notAName`.
    pub const AGENCY: &str = "agency";
    pub const PROBLEM: &str = "problem";
    /// A part of the report: its official heading, and its number in the order of parts.
    pub const PART: &str = "part";
    pub const PART_NUMBER: &str = "partNumber";
    /// A heading as written, the marker expected there, and the slip: `stray`, `skipped`, `repeated`.
    pub const HEADING: &str = "heading";
    pub const EXPECTED_MARKER: &str = "expectedMarker";
    pub const SLIP: &str = "slip";
    /// The report year, the form used, and the form that fits the year (absent when none does).
    pub const YEAR: &str = "year";
    pub const FORM: &str = "form";
    pub const FITTING_FORM: &str = "fittingForm";
    /// Another year than the report's: the one a sentence speaks of.
    pub const OTHER_YEAR: &str = "otherYear";
    /// Why a part says nothing: `empty`, `token` (无, 暂无), `fees` (2021's part 六 without the fees).
    pub const EMPTY: &str = "empty";
    /// Table A against last year: last year's in-force count, this year's issued and repealed.
    pub const BEFORE: &str = "before";
    pub const ISSUED: &str = "issued";
    pub const REPEALED: &str = "repealed";
    /// Which text a bidi control is in (`narrative`, `title`, `agency`, `date`), and the controls it
    /// holds, written as code points ("[U+202E]").
    pub const FIELD: &str = "field";
    pub const CHARACTERS: &str = "characters";
}

/// Every report-level finding of `report`: the narrative against its tables, the publication date,
/// the agency, the parts of the report and the form for the year.
pub fn check_report(report: &Report, options: &ReportOptions) -> Vec<Diagnostic> {
    let def = report.form.def();
    // A sentence whose order on screen is not its order in the text is read by none of the checks
    // (offsets kept, so every quote stays in place); `bidi` says so.
    let masked = crate::invisible::mask_reordered_sentences(&report.narrative, text::ends_sentence);
    let text = text::Narrative::new(&masked);
    let cells = Cells { report, def };
    let kind = agency::resolve_kind(report, options);
    let mut found = Vec::new();
    found.extend(format::check(report));
    found.extend(agency::check(report, &text));
    found.extend(deadline::check(report, kind));
    found.extend(sections::check(report, &text, kind));
    found.extend(narrative::check(report, &text, &cells));
    found.extend(period::check(report, &text));
    found.extend(fees::check(report, &text, &cells));
    found.extend(bidi::check(report));
    found
}

/// The findings of comparing a report with last year's: the applications carried over into this
/// year (Table B row 2) against those last year's report carried forward (its row 4).
pub fn compare_years(report: &Report, previous: &Report) -> Vec<Diagnostic> {
    let mut found = years::check(report, previous);
    // A table with a cumulative column (历年累计): this year's is last year's plus this year's.
    found.extend(cumulative::check(report, previous));
    found
}

/// The agency kind to apply and where it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum KindSource {
    Option,
    Name,
}

/// A report-level finding with its quote and facts; warning unless said otherwise.
pub(crate) fn finding(code: Code, cells: Vec<String>, quote: Option<Quote>, facts: Vec<(&str, String)>) -> Diagnostic {
    let facts = facts.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
    let mut d = Diagnostic::new(code, Severity::Warning, cells, Detail::Report { quote, facts });
    d.rule = Some(format!("report:{}", code.as_str()));
    d
}

/// The report's cells read as values, with the table's own totals computed where they are blank.
pub(crate) struct Cells<'r> {
    report: &'r Report,
    def: &'static FormDef,
}

impl<'r> Cells<'r> {
    pub(crate) fn new(report: &'r Report) -> Cells<'r> {
        Cells { report, def: report.form.def() }
    }
    pub(crate) fn def(&self) -> &'static FormDef {
        self.def
    }

    /// The value of a cell as typed; `None` when blank, not applicable, not a number, or unknown.
    fn typed(&self, id: &str) -> Option<Amount> {
        let cell = self.def.find_cell(id)?;
        value::parse(self.report.cell(id), self.def.value_kind(cell)).amount()
    }

    /// The value of a cell; a blank total of a row is read as the sum of its filled columns when
    /// the form declares that total (`total = natural + … + other`): published tables often leave
    /// the 总计 of a row blank and the narrative speaks of the row as a whole.
    pub(crate) fn value(&self, id: &str) -> Option<Amount> {
        if let Some(v) = self.typed(id) {
            return Some(v);
        }
        let mut parts = id.split(':');
        let (Some(table), Some(row), Some(column), None) = (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return None;
        };
        let rule = self.def.rules.iter().find(|r| {
            r.axis == Axis::Horizontal
                && r.relation == Relation::Equal
                && !r.when_filled
                && r.table == table
                && r.lhs == [column]
                && (r.scope.is_empty() || r.scope.contains(&row))
        })?;
        sum_filled(rule.rhs.iter().map(|c| self.typed(&format!("{table}:{row}:{c}"))))
    }

    /// The cells a term of a reading names. A plain id is itself; `B:3.3.*:total` is the group
    /// （三）: its subtotal row when the form has one and it is filled, else the rows under it.
    pub(crate) fn expand(&self, term: &str) -> Vec<String> {
        let Some(star) = term.find(".*") else { return vec![term.to_string()] };
        let (head, tail) = (&term[..star], &term[star + 2..]);
        let (table, parent) = match head.split_once(':') {
            Some((t, p)) => (t, p),
            None => ("", head),
        };
        let id_of = |row: &str| if table.is_empty() { row.to_string() } else { format!("{table}:{row}{tail}") };
        let subtotal = id_of(parent);
        if self.def.find_cell(&subtotal).is_some() && self.value(&subtotal).is_some() {
            return vec![subtotal];
        }
        let Some(t) = self.def.tables.iter().find(|t| t.id == table) else { return Vec::new() };
        let prefix = format!("{parent}.");
        t.rows
            .iter()
            .filter(|r| r.id.strip_prefix(&prefix).is_some_and(|rest| !rest.is_empty() && !rest.contains('.')))
            .map(|r| id_of(r.id))
            .collect()
    }

    /// The sum of the filled cells among `ids`; `None` when none is filled.
    pub(crate) fn sum(&self, ids: &[String]) -> Option<Amount> {
        sum_filled(ids.iter().map(|id| self.value(id)))
    }
}

/// The report year: the report's own, else the first `YYYY年` of its title.
pub(crate) fn report_year(report: &Report) -> Option<u16> {
    if report.year.is_some() {
        return report.year;
    }
    let title = report.title.as_deref()?;
    let mut rest = title;
    while let Some(start) = rest.find(|c: char| c.is_ascii_digit()) {
        let digits = rest[start..].find(|c: char| !c.is_ascii_digit()).map_or(rest.len() - start, |n| n);
        let after = &rest[start + digits..];
        if digits == 4 && after.starts_with('年') {
            return rest[start..start + digits].parse().ok();
        }
        rest = after;
    }
    None
}

fn sum_filled(values: impl Iterator<Item = Option<Amount>>) -> Option<Amount> {
    values.flatten().fold(None, |acc: Option<Amount>, v| Some(acc.unwrap_or(Amount::ZERO) + v))
}
