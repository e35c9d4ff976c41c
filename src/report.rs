//! One report, whatever it was imported from: what the clerk typed, kept as typed.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::form::FormId;

/// The project's JSON format name and version, written into every exported report.
pub const FORMAT: &str = "disclosure-report";
pub const FORMAT_VERSION: u32 = 1;

/// A report: its metadata, its narrative, and its cells by id as typed text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// Always `"disclosure-report"`.
    #[serde(default = "format_name")]
    pub format: String,
    /// The JSON format version (1).
    #[serde(default = "format_version")]
    pub version: u32,
    pub form: FormId,
    /// The report year (the year reported on, not the year published).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<u16>,
    /// The agency that reports (填报单位 / the title's agency).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agency: Option<String>,
    /// The publication date, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Cells by id (`3.1`, `B:3.7:total`), each as typed; blank cells are absent or empty.
    #[serde(default)]
    pub cells: BTreeMap<String, String>,
    /// The narrative: the report's text outside the tables, parts and all, as written.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub narrative: String,
}

fn format_name() -> String {
    FORMAT.to_string()
}

fn format_version() -> u32 {
    FORMAT_VERSION
}

impl Report {
    pub fn new(form: FormId) -> Report {
        Report {
            format: format_name(),
            version: FORMAT_VERSION,
            form,
            year: None,
            agency: None,
            date: None,
            title: None,
            cells: BTreeMap::new(),
            narrative: String::new(),
        }
    }

    /// The text typed into a cell, `""` when blank.
    pub fn cell(&self, id: &str) -> &str {
        self.cells.get(id).map(String::as_str).unwrap_or("")
    }
}
