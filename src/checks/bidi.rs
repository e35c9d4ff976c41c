//! bidi-control: the report's text holds a character that changes the order in which it is shown
//! (U+202E and the others of `invisible::is_bidi_control`). "共收到申请2\u{202E}61件。" is seen as
//! "共收到申请2。件16": what a person reads is not what the text says, and no reading of it can be
//! trusted. The narrative's sentences that hold one are not read by the other checks (`check_report`
//! masks them); this says so, once per sentence, and once for the title, the agency or the date.

use super::text::Narrative;
use super::{fact, finding};
use crate::diagnostic::{Code, Diagnostic};
use crate::invisible;
use crate::report::Report;

pub(crate) fn check(report: &Report) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for (field, value) in [("title", &report.title), ("agency", &report.agency), ("date", &report.date)] {
        if let Some(value) = value.as_deref().filter(|v| invisible::has_bidi_control(v)) {
            found.push(finding(
                Code::BidiControl,
                vec![],
                None,
                vec![
                    (fact::FIELD, field.to_string()),
                    (fact::STATEMENT, value.to_string()),
                    (fact::CHARACTERS, invisible::bidi_controls(value)),
                ],
            ));
        }
    }
    if !invisible::has_bidi_control(&report.narrative) {
        return found;
    }
    let text = Narrative::new(&report.narrative);
    let mut last_sentence = None;
    for (i, c) in text.text.char_indices() {
        if !invisible::is_bidi_control(c) {
            continue;
        }
        let (start, end) = text.sentence_at(i);
        if last_sentence == Some(start) {
            continue;
        }
        last_sentence = Some(start);
        let sentence = &text.text[start..end];
        found.push(finding(
            Code::BidiControl,
            vec![],
            Some(text.quote(start, end)),
            vec![
                (fact::FIELD, "narrative".to_string()),
                (fact::STATEMENT, sentence.to_string()),
                (fact::CHARACTERS, invisible::bidi_controls(sentence)),
            ],
        ));
    }
    found
}
