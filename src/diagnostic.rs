//! Diagnostics as plain data: a stable code, a severity, the cells concerned (the one to fix first),
//! the figures behind the finding, and typed details from which the edge makes a message in the
//! user's language (`messages`). Nothing here is localised.

use serde::{Deserialize, Serialize};

use crate::value::{Amount, Normalization, Refusal};

/// The stable diagnostic codes of the spec's contract (kebab-case; more may be added, none renamed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Code {
    InvalidNumber,
    Negative,
    NotInteger,
    TooManyDecimals,
    Missing,
    SumMismatch,
    BalanceMismatch,
    SubsetExceedsParent,
    ReasonsMismatch,
    ChannelExceedsTotal,
    HeadingMismatch,
    NarrativeMismatch,
    LatePublication,
    SuspiciousAgency,
    WrongFormat,
    MissingSection,
    Normalized,
    /// Added: Σ channels (1.2.1 … 1.2.5) below 1.1 (2016, warning).
    ChannelsBelowTotal,
    /// Added: a count is positive but the count it implies is zero (9.2 > 0, 9.3 = 0; warning).
    ExpectedNonzero,
    /// Added: blank cells read as 0 because the identity they sit in already holds (info).
    ImpliedZero,
    /// Added: a row of the imported text that could not be placed in the form (info).
    UnplacedRow,
    /// Added: two rows of the import give the same cell different values (error).
    DuplicateCell,
    /// Added: a heading row carries a value no rule can check (info).
    HeadingValue,
    /// Added: the numbering of a report's part headings slips (l六、, a repeated number) (info).
    NumberingSlip,
    /// Added: a soft identity of Table A fails (published > made; in force drifts) (warning).
    TableAInconsistent,
    /// Added: applications dropped for unpaid fees (2021 B 3.6.2) while part 六 says nothing of the
    /// information processing fee (warning).
    FeesNotReported,
    /// Added: this year's carried-over applications differ from last year's carried forward,
    /// per column (warning; made when last year's report is given).
    CarryOverMismatch,
    /// Added: a rule not judged because a cell it reads could not be read with confidence (a
    /// damaged or unplaced row of an imported file); names the rows (info).
    NotChecked,
    /// Added: a table of the form not found in an imported report, or set aside as unreadable:
    /// none of its checks was made (warning).
    TableNotFound,
    /// Added: a sentence reporting this year's work dated in another year, or a statistics period
    /// that is not the report year (warning, quoting the sentence).
    WrongYear,
    /// Added: a required part present but saying nothing ("无", "暂无", a heading with no text) (warning).
    EmptySection,
    /// Added: Table A's in-force count against last year's report: this year's ≠ last year's +
    /// issued − repealed (warning, quoting both years' figures).
    InForceMismatch,
    /// Added: a cumulative figure (历年累计) below the same row's figure for the year: the cumulative
    /// one includes the year (error).
    CumulativeBelowYear,
    /// Added: Fujian 2012–2013: the three answer types add up to less than 答复, while a form without
    /// a catch-all row leaves other answers nowhere to go (warning).
    AnswersBelowTotal,
    /// Added: this year's cumulative figure is not last year's cumulative plus this year's, per row
    /// (warning; made when last year's report is given).
    CumulativeMismatch,
    /// Added: the report's text (a sentence of the narrative, the title, the agency or the date)
    /// holds a character that changes the order in which it is shown (U+202E…): what is seen is not
    /// what is stored, so it is not read (warning, quoting it with the characters written out).
    BidiControl,
}

impl Code {
    pub const ALL: &'static [Code] = &[
        Code::InvalidNumber,
        Code::Negative,
        Code::NotInteger,
        Code::TooManyDecimals,
        Code::Missing,
        Code::SumMismatch,
        Code::BalanceMismatch,
        Code::SubsetExceedsParent,
        Code::ReasonsMismatch,
        Code::ChannelExceedsTotal,
        Code::HeadingMismatch,
        Code::NarrativeMismatch,
        Code::LatePublication,
        Code::SuspiciousAgency,
        Code::WrongFormat,
        Code::MissingSection,
        Code::Normalized,
        Code::ChannelsBelowTotal,
        Code::ExpectedNonzero,
        Code::ImpliedZero,
        Code::UnplacedRow,
        Code::DuplicateCell,
        Code::HeadingValue,
        Code::NumberingSlip,
        Code::TableAInconsistent,
        Code::FeesNotReported,
        Code::CarryOverMismatch,
        Code::NotChecked,
        Code::TableNotFound,
        Code::WrongYear,
        Code::EmptySection,
        Code::InForceMismatch,
        Code::CumulativeBelowYear,
        Code::AnswersBelowTotal,
        Code::CumulativeMismatch,
        Code::BidiControl,
    ];

    /// The kebab-case code as it appears in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::InvalidNumber => "invalid-number",
            Code::Negative => "negative",
            Code::NotInteger => "not-integer",
            Code::TooManyDecimals => "too-many-decimals",
            Code::Missing => "missing",
            Code::SumMismatch => "sum-mismatch",
            Code::BalanceMismatch => "balance-mismatch",
            Code::SubsetExceedsParent => "subset-exceeds-parent",
            Code::ReasonsMismatch => "reasons-mismatch",
            Code::ChannelExceedsTotal => "channel-exceeds-total",
            Code::HeadingMismatch => "heading-mismatch",
            Code::NarrativeMismatch => "narrative-mismatch",
            Code::LatePublication => "late-publication",
            Code::SuspiciousAgency => "suspicious-agency",
            Code::WrongFormat => "wrong-format",
            Code::MissingSection => "missing-section",
            Code::Normalized => "normalized",
            Code::ChannelsBelowTotal => "channels-below-total",
            Code::ExpectedNonzero => "expected-nonzero",
            Code::ImpliedZero => "implied-zero",
            Code::UnplacedRow => "unplaced-row",
            Code::DuplicateCell => "duplicate-cell",
            Code::HeadingValue => "heading-value",
            Code::NumberingSlip => "numbering-slip",
            Code::TableAInconsistent => "table-a-inconsistent",
            Code::FeesNotReported => "fees-not-reported",
            Code::CarryOverMismatch => "carry-over-mismatch",
            Code::NotChecked => "not-checked",
            Code::TableNotFound => "table-not-found",
            Code::WrongYear => "wrong-year",
            Code::EmptySection => "empty-section",
            Code::InForceMismatch => "in-force-mismatch",
            Code::CumulativeBelowYear => "cumulative-below-year",
            Code::AnswersBelowTotal => "answers-below-total",
            Code::CumulativeMismatch => "cumulative-mismatch",
            Code::BidiControl => "bidi-control",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    // Ordered so that sorting puts errors first.
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// The typed facts behind a diagnostic, from which a message is made in any language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Detail {
    /// A cell's text is not a value.
    Refused { text: String, refusal: Refusal },
    /// A cell's text was read after normalising.
    Normalized { text: String, normalizations: Vec<Normalization> },
    /// A blank value cell.
    Blank,
    /// Two sums of cells compared: the figures of each side, in order, `None` for a blank read as
    /// nothing. `lhs`/`rhs` are the cell ids of each side.
    Relation { lhs: Vec<String>, rhs: Vec<String>, lhs_figures: Vec<Amount>, rhs_figures: Vec<Amount> },
    /// Blank cells read as 0.
    ImpliedZero { by: Vec<String> },
    /// An imported row that could not be placed: its line in the reading, and where it is in the
    /// file when that is not a line of text (a row of an HTML or Word table).
    Unplaced {
        line: usize,
        text: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        at: Option<Origin>,
    },
    /// Two values for one cell.
    Duplicate {
        line: usize,
        first: String,
        second: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        at: Option<Origin>,
    },
    /// A rule not judged: the cells it reads that were not read with confidence, and where they
    /// came from.
    NotChecked { unread: Vec<String>, at: Vec<Origin> },
    /// A table of the form not found (or set aside): its id and title.
    TableNotFound { table: String, title: String },
    /// Free facts for report-level checks: a quoted sentence, its position, and named values.
    Report { quote: Option<Quote>, facts: Vec<(String, String)> },
}

/// Where a block or row came from, as the person reading the file would find it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Origin {
    /// A 1-based line of a text file.
    Line { line: usize },
    /// A 1-based row of the n-th (1-based) table of an HTML page or a Word file.
    Row { table: usize, row: usize },
    /// A 1-based paragraph of an HTML page or a Word file (outside its tables).
    Paragraph { paragraph: usize },
    /// A 1-based line of text on a 1-based page of a PDF (page headers and footers not counted).
    PageLine { page: usize, line: usize },
    /// A 1-based row of the n-th table of a PDF, on the page it is printed on (a table continued
    /// over a page break keeps counting its rows).
    PageRow { page: usize, table: usize, row: usize },
}

/// A sentence quoted from the narrative, with its place in the text as UTF-16 offsets (JS strings).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Quote {
    pub text: String,
    /// The part of the report it comes from (its heading), if any.
    pub section: Option<String>,
    pub start: usize,
    pub end: usize,
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    /// The cells it concerns, the one to fix first.
    pub cells: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actual: Option<Amount>,
    /// Made at the edge from the code and the detail, in the chosen language; empty until then.
    #[serde(default)]
    pub message: String,
    /// Which rule produced it (a stable key within one form), for incremental updates.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    pub detail: Detail,
}

impl Diagnostic {
    pub fn new(code: Code, severity: Severity, cells: Vec<String>, detail: Detail) -> Diagnostic {
        Diagnostic { code, severity, cells, expected: None, actual: None, message: String::new(), rule: None, detail }
    }

    pub fn with_figures(mut self, expected: Amount, actual: Amount) -> Diagnostic {
        self.expected = Some(expected);
        self.actual = Some(actual);
        self
    }

    /// The key of the rule (or `cell:<id>`) that made it, for incremental updates.
    pub fn with_rule(mut self, key: String) -> Diagnostic {
        self.rule = Some(key);
        self
    }
}
