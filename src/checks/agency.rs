//! suspicious-agency: where the agency's name should be, a web address or nothing at all. And the
//! agency's kind, told apart by its name, which decides its deadline.

use super::text::Narrative;
use super::{fact, finding, AgencyKind, KindSource, ReportOptions};
use crate::diagnostic::{Code, Diagnostic};
use crate::report::Report;

/// Pieces of a web address. A scraped or mis-filled 填报单位 carries the site it was copied from
/// ("www. 57365.com"); no agency's name contains these.
const WEB_ADDRESS: &[&str] = &["www.", "http", "://", ".com", ".cn", ".net", ".org", ".gov", "@"];

/// Endings of a people's government's own name, or of the office that reports for it.
const GOVERNMENT_ENDINGS: &[&str] = &[
    "人民政府",
    "人民政府办公厅",
    "人民政府办公室",
    "政府办公厅",
    "政府办公室",
    "县政府",
    "市政府",
    "区政府",
    "镇政府",
    "乡政府",
];

/// Endings of a department's name (a 局, a 委员会, an 办…), checked after the government's.
const DEPARTMENT_ENDINGS: &[&str] =
    &["局", "委员会", "委", "办公室", "办", "厅", "部", "署", "中心", "院", "所", "处", "站", "队", "馆", "会", "社"];

/// The agency's kind as its name tells it, `None` when the name does not say.
pub fn agency_kind_of(name: &str) -> Option<AgencyKind> {
    let name: String = name.chars().filter(|c| !c.is_whitespace() && *c != '\u{3000}').collect();
    // "（盖章）" and similar remarks follow the name on a 填报单位 line.
    let name = name.split(['（', '(']).next().unwrap_or("");
    if GOVERNMENT_ENDINGS.iter().any(|e| name.ends_with(e)) {
        Some(AgencyKind::Government)
    } else if DEPARTMENT_ENDINGS.iter().any(|e| name.ends_with(e)) {
        Some(AgencyKind::Department)
    } else {
        None
    }
}

/// The kind to apply: the option, else the name's.
pub(crate) fn resolve_kind(report: &Report, options: &ReportOptions) -> Option<(AgencyKind, KindSource)> {
    if let Some(kind) = options.agency_kind {
        return Some((kind, KindSource::Option));
    }
    agency_name(report).and_then(agency_kind_of).map(|k| (k, KindSource::Name))
}

/// The agency as the report names it: the agency field, else what precedes the year in the title
/// ("沭阳县发展和改革局2023年政府信息公开年度报告").
fn agency_name(report: &Report) -> Option<&str> {
    let filled = |s: &str| !s.trim().is_empty();
    if let Some(agency) = report.agency.as_deref().filter(|s| filled(s)) {
        return Some(agency.trim());
    }
    let title = report.title.as_deref()?;
    let year = title.find(|c: char| c.is_ascii_digit())?;
    Some(title[..year].trim()).filter(|s| filled(s))
}

/// Why a name is not an agency's name, if it is not.
fn problem(name: Option<&str>) -> Option<&'static str> {
    let Some(name) = name else { return Some("absent") };
    let folded: String = name.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect();
    if WEB_ADDRESS.iter().any(|w| folded.contains(w)) {
        Some("webAddress")
    } else if !name.chars().any(is_han) {
        // Every agency's name is Chinese; digits or Latin letters alone are a slip of the form.
        Some("notAName")
    } else {
        None
    }
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

pub(crate) fn check(report: &Report, text: &Narrative) -> Option<Diagnostic> {
    let name = agency_name(report);
    let problem = problem(name)?;
    // Point at the name where the narrative first writes it (the title, usually).
    let quote = name.filter(|n| !n.is_empty()).and_then(|n| text.text.find(n)).map(|at| {
        let end = at + name.unwrap_or("").len();
        text.quote(at, end)
    });
    let mut facts = vec![(fact::PROBLEM, problem.to_string())];
    if let Some(n) = name {
        facts.push((fact::AGENCY, n.to_string()));
    }
    Some(finding(Code::SuspiciousAgency, Vec::new(), quote, facts))
}
