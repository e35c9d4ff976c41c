//! The command line's batch for reviewers (part of the binary, not the library): directories read
//! recursively, progress on a terminal, and one CSV line per report for a spreadsheet.

use std::io::{IsTerminal, Write};
use std::path::Path;

use disclosure_report::coverage::Coverage;
use disclosure_report::diagnostic::{Diagnostic, Severity};
use disclosure_report::report::Report;

/// The files a directory may hold reports in.
const EXTENSIONS: &[&str] = &["txt", "md", "markdown", "tsv", "json", "html", "htm", "shtml", "docx", "pdf"];

/// How deep a directory is walked (a link loop or a mistaken `/` stops here).
const MAX_DEPTH: usize = 32;

/// The files named, with each directory replaced by the report files under it, sorted.
pub fn expand(paths: &[String]) -> Result<Vec<String>, String> {
    let mut files = Vec::new();
    for path in paths {
        let p = Path::new(path);
        if p.is_dir() {
            let mut found = Vec::new();
            walk(p, 0, &mut found).map_err(|e| format!("{path}: {e}"))?;
            found.sort();
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}

fn walk(dir: &Path, depth: usize, found: &mut Vec<String>) -> std::io::Result<()> {
    if depth > MAX_DEPTH {
        return Ok(());
    }
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let kind = entry.file_type()?;
        let path = entry.path();
        if kind.is_dir() {
            walk(&path, depth + 1, found)?;
        } else if kind.is_file() || kind.is_symlink() && path.is_file() {
            let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
            if EXTENSIONS.contains(&ext.as_str()) {
                found.push(path.to_string_lossy().into_owned());
            }
        }
    }
    Ok(())
}

/// `[3/120] path` on standard error, rewritten in place, when it is a terminal and there are several.
pub struct Progress {
    total: usize,
    on: bool,
}

impl Progress {
    pub fn new(total: usize) -> Progress {
        Progress { total, on: total > 1 && std::io::stderr().is_terminal() }
    }

    pub fn show(&self, index: usize, path: &str) {
        if self.on {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[K[{}/{}] {path}", index + 1, self.total);
            let _ = err.flush();
        }
    }

    pub fn clear(&self) {
        if self.on {
            let _ = write!(std::io::stderr().lock(), "\r\x1b[K");
        }
    }
}

pub const CSV_HEADER: &str =
    "file,agency,year,form,errors,warnings,accepted,cells_read,cells,rules_passed,rules_failed,rules_not_checked,tables_not_found,codes,error";

/// A CSV field, quoted when it must be (RFC 4180).
fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// One report's line: who, which year and form, how many findings, how much was read, and the codes
/// of its errors and warnings.
pub fn csv_line(
    path: &str,
    report: &Report,
    diagnostics: &[Diagnostic],
    accepted: usize,
    coverage: &Coverage,
) -> String {
    let count = |s: Severity| diagnostics.iter().filter(|d| d.severity == s).count();
    let mut codes: Vec<&str> =
        diagnostics.iter().filter(|d| d.severity != Severity::Info).map(|d| d.code.as_str()).collect();
    codes.sort_unstable();
    codes.dedup();
    let (read, cells) = coverage.read();
    let (passed, failed, not_checked) = coverage.rules();
    let missing = coverage.tables.iter().filter(|t| !t.found).count();
    [
        field(path),
        field(report.agency.as_deref().unwrap_or("")),
        report.year.map(|y| y.to_string()).unwrap_or_default(),
        report.form.as_str().to_string(),
        count(Severity::Error).to_string(),
        count(Severity::Warning).to_string(),
        accepted.to_string(),
        read.to_string(),
        cells.to_string(),
        passed.to_string(),
        failed.to_string(),
        not_checked.to_string(),
        missing.to_string(),
        field(&codes.join(" ")),
        String::new(),
    ]
    .join(",")
}

/// The line of a report that could not be read: the file and why.
pub fn csv_error(path: &str, message: &str) -> String {
    format!("{},,,,,,,,,,,,,,{}", field(path), field(message))
}
