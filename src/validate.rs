//! The whole check of a report: its tables (the rule engine) and the report around them (the
//! report-level checks), in one list, errors first, with messages in the chosen language.

use serde::{Deserialize, Serialize};

use crate::checks::{self, AgencyKind, ReportOptions};
use crate::coverage::{self, Coverage};
use crate::diagnostic::Diagnostic;
use crate::engine::{self, Mode};
use crate::import::Imported;
use crate::messages::{self, Lang};
use crate::report::Report;

/// How to check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Options {
    pub mode: Mode,
    pub lang: Lang,
    /// Whether the agency is a department or a people's government (deadline); guessed from its name when absent.
    pub agency_kind: Option<AgencyKind>,
}

/// Every finding of a report, sorted (errors first, then in the form's reading order), with messages.
pub fn validate(report: &Report, options: &Options) -> Vec<Diagnostic> {
    let mut all = collect(report, options);
    finish(&mut all, report, options.lang);
    all
}

/// `validate`, and with last year's report the year-against-year checks too (carried over against
/// carried forward; Table A's documents in force).
pub fn validate_against(report: &Report, previous: Option<&Report>, options: &Options) -> Vec<Diagnostic> {
    let mut all = collect(report, options);
    if let Some(previous) = previous {
        all.extend(checks::compare_years(report, previous));
    }
    finish(&mut all, report, options.lang);
    all
}

/// Every finding of a report, unsorted and without messages, for a caller that adds its own
/// (an importer's) before `finish`.
pub fn collect(report: &Report, options: &Options) -> Vec<Diagnostic> {
    let mut all = engine::check(report, options.mode);
    all.extend(checks::check_report(report, &ReportOptions { agency_kind: options.agency_kind }));
    all
}

/// Sort (stable: errors, then warnings, then info) and make the messages.
pub fn finish(all: &mut [Diagnostic], report: &Report, lang: Lang) {
    all.sort_by_key(|d| d.severity);
    messages::localize(all, report.form.def(), lang);
}

/// A report as read from a file, checked as a reviewer checks it: every finding (the reading's too),
/// year against year when last year's report is given, judged against what could be read with
/// confidence (`coverage::judge`), sorted, with messages; and how much was read.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Checked {
    pub diagnostics: Vec<Diagnostic>,
    pub coverage: Coverage,
}

pub fn check_imported(imported: &Imported, previous: Option<&Report>, options: &Options) -> Checked {
    let mut diagnostics = imported.diagnostics.clone();
    diagnostics.extend(collect(&imported.report, options));
    if let Some(previous) = previous {
        diagnostics.extend(checks::compare_years(&imported.report, previous));
    }
    let coverage = coverage::judge(&imported.report, &imported.unread, &mut diagnostics);
    finish(&mut diagnostics, &imported.report, options.lang);
    Checked { diagnostics, coverage }
}
