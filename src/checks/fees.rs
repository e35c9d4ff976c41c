//! Information processing fees (信息处理费): an agency that counts applications dropped because the
//! applicant did not pay after a fee notice (Table B 3.6.2 of the 2021 format) has charged, or tried
//! to charge, fees, and says how in part 六 of its report. The spec's soft check: 3.6.2 > 0 while
//! part 六 never mentions 信息处理费 or 收费通知.

use crate::diagnostic::{Code, Diagnostic};
use crate::form::FormId;
use crate::report::Report;

use super::text::Narrative;
use super::{fact, finding, Cells};

/// What part 六 is recognised by, and what it must mention.
const PART_WORDS: &[&str] = &["其他需要报告", "其他事项"];
const FEE_WORDS: &[&str] = &["信息处理费", "收费通知"];
/// The cell counting applications dropped for fees not paid, all applicants together.
const DROPPED_FOR_FEES: &str = "B:3.6.2:total";

pub(crate) fn check(report: &Report, text: &Narrative, cells: &Cells) -> Vec<Diagnostic> {
    if report.form != FormId::F2021 || text.text.trim().is_empty() {
        return Vec::new();
    }
    let Some(dropped) = cells.value(DROPPED_FOR_FEES).filter(|v| v.is_positive()) else { return Vec::new() };
    // Part 六: from its heading to the next part's heading, or the end.
    let parts: Vec<_> = text.parts().collect();
    let Some(i) = parts.iter().position(|h| PART_WORDS.iter().any(|w| text.heading_text(h).contains(w))) else {
        // No part 六 at all is `missing-section`'s to say.
        return Vec::new();
    };
    let start = parts[i].start;
    let end = parts.get(i + 1).map(|h| h.start).unwrap_or(text.text.len());
    let part = &text.text[start..end];
    if FEE_WORDS.iter().any(|w| part.contains(w)) {
        return Vec::new();
    }
    let mut d = finding(
        Code::FeesNotReported,
        vec![DROPPED_FOR_FEES.to_string()],
        Some(text.quote(parts[i].start, parts[i].end)),
        vec![(fact::HEADING, text.heading_text(parts[i]).to_string())],
    );
    d.actual = Some(dropped);
    vec![d]
}
