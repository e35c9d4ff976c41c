//! Messages are made here, at the edge, from a diagnostic's code and typed detail, in the user's
//! language. Each area has a catalogue trait with one method per message and an implementation per
//! language, so a missing translation does not compile.

use serde::{Deserialize, Serialize};

/// The languages messages are made in. Chinese first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub fn parse(s: &str) -> Option<Lang> {
        match s {
            "zh" | "zh-CN" | "zh-cn" | "zh-Hans" => Some(Lang::Zh),
            "en" | "en-US" | "en-GB" => Some(Lang::En),
            _ => None,
        }
    }
}

pub(crate) mod reading;
#[cfg(feature = "reports")]
pub(crate) mod report;
pub(crate) mod table;

use crate::diagnostic::Diagnostic;
use crate::form::FormDef;

/// The Chinese catalogue (the default language).
pub(crate) mod zh {
    pub(crate) struct Zh;
}

/// The English catalogue.
pub(crate) mod en {
    pub(crate) struct En;
}

/// The message for one diagnostic in `lang`; the code itself when no catalogue speaks for it (a test
/// makes sure every code has a message).
///
/// What a message quotes (a cell's text, a row, a sentence) is shown with its invisible characters
/// written as code points ([U+202E]): the clerk sees what is there, and a bidi control in a quote
/// cannot reorder the message, the page or the preview that shows it.
pub fn message(d: &Diagnostic, form: &FormDef, lang: Lang) -> String {
    let message = table::message(d, form, lang);
    // The form page's checker module has no report-level checks, so none of their messages.
    #[cfg(feature = "reports")]
    let message = message.or_else(|| report::message(d, lang));
    let message = message.or_else(|| reading::message(d, lang)).unwrap_or_else(|| d.code.as_str().to_string());
    match crate::invisible::shown(&message) {
        std::borrow::Cow::Borrowed(_) => message,
        std::borrow::Cow::Owned(shown) => shown,
    }
}

/// The most characters of report text (a row, a cell, a sentence) a message quotes; past it, the
/// beginning and "…". A row of megabytes (a label past its bound, a line without punctuation) is
/// quoted in a message a person can read.
pub(crate) const MAX_QUOTE_CHARS: usize = 500;

/// `text` as a message quotes it: whole up to `MAX_QUOTE_CHARS`, else its beginning and "…".
pub(crate) fn excerpt(text: &str) -> std::borrow::Cow<'_, str> {
    if text.len() <= MAX_QUOTE_CHARS {
        return std::borrow::Cow::Borrowed(text);
    }
    match text.char_indices().nth(MAX_QUOTE_CHARS) {
        None => std::borrow::Cow::Borrowed(text),
        Some((cut, _)) => std::borrow::Cow::Owned(format!("{}…", &text[..cut])),
    }
}

/// A cell as a clerk recognises it: its row's wording without the numbering (plus the column in a
/// matrix), e.g. 收到申请数, 予以公开（自然人）.
pub fn cell_label(form: &FormDef, id: &str) -> String {
    table::short_label(form, id)
}

/// Fill in the message of every diagnostic, in `lang`.
pub fn localize(diagnostics: &mut [Diagnostic], form: &FormDef, lang: Lang) {
    for d in diagnostics {
        d.message = message(d, form, lang);
    }
}
