//! Findings a reviewer has checked and accepted: recorded once (the code, the cell, the figures, a
//! comment), shown as accepted afterwards and no longer failing a run. An accept that matches
//! nothing any more (the report was corrected, or the figures changed) is reported, so a stale
//! accept never hides a new finding.
//!
//! The file is JSON, a list of objects:
//! `[{ "file": "…", "code": "sum-mismatch", "cell": "B:3.7:total", "expected": 81, "actual": 80, "comment": "…" }]`
//! where `file` (matched against the end of the path), `cell`, `expected` and `actual` are optional:
//! an accept without figures accepts the finding whatever its figures.

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Code, Diagnostic};
use crate::value::Amount;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Accept {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    pub code: Code,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cell: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected: Option<Amount>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual: Option<Amount>,
    /// Why it was accepted.
    pub comment: String,
}

impl Accept {
    /// Whether this accept is for finding `d` of the report read from `path`.
    pub fn matches(&self, path: &str, d: &Diagnostic) -> bool {
        let path = path.replace('\\', "/");
        self.code == d.code
            && self.file.as_deref().is_none_or(|f| path.ends_with(&f.replace('\\', "/")))
            && self.cell.as_deref().is_none_or(|c| d.cells.first().map(String::as_str) == Some(c))
            && self.expected.is_none_or(|e| d.expected == Some(e))
            && self.actual.is_none_or(|a| d.actual == Some(a))
    }
}

/// Read an accept file: its entries, or where and why it cannot be read.
pub fn parse(text: &str) -> Result<Vec<Accept>, String> {
    serde_json::from_str(text).map_err(|e| format!("line {}, column {}: {e}", e.line(), e.column()))
}

/// Split findings into those still standing and those accepted (with the index of their accept),
/// marking each accept that matched.
pub fn apply(
    accepts: &[Accept],
    used: &mut [bool],
    path: &str,
    diagnostics: Vec<Diagnostic>,
) -> (Vec<Diagnostic>, Vec<(Diagnostic, usize)>) {
    let mut standing = Vec::new();
    let mut accepted = Vec::new();
    for d in diagnostics {
        match accepts.iter().position(|a| a.matches(path, &d)) {
            Some(i) => {
                used[i] = true;
                accepted.push((d, i));
            }
            None => standing.push(d),
        }
    }
    (standing, accepted)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Detail, Severity};

    fn finding() -> Diagnostic {
        Diagnostic::new(Code::SumMismatch, Severity::Error, vec!["B:3.7:total".into()], Detail::Blank)
            .with_figures(Amount::from_int(81), Amount::from_int(80))
    }

    #[test]
    fn an_accept_matches_its_code_cell_figures_and_file() {
        let accepts = parse(
            r#"[{"code": "sum-mismatch", "cell": "B:3.7:total", "expected": 81, "actual": 80, "file": "a/2023.html", "comment": "核实"}]"#,
        )
        .unwrap();
        assert!(accepts[0].matches("reports/a/2023.html", &finding()));
        assert!(!accepts[0].matches("reports/b/2023.html", &finding()));
        let changed = finding().with_figures(Amount::from_int(82), Amount::from_int(80));
        assert!(!accepts[0].matches("reports/a/2023.html", &changed), "new figures are a new finding");
        let mut used = vec![false];
        let (standing, accepted) = apply(&accepts, &mut used, "x/a/2023.html", vec![finding(), changed]);
        assert_eq!((standing.len(), accepted.len(), used[0]), (1, 1, true));
    }

    #[test]
    fn a_misspelt_accept_file_is_refused_with_where() {
        let e = parse(r#"[{"code": "sum-mismatch", "cel": "B:1", "comment": ""}]"#).unwrap_err();
        assert!(e.contains("line 1"), "{e}");
        assert!(parse(r#"[{"code": "no-such-code", "comment": ""}]"#).is_err());
    }
}
