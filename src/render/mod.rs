//! The preview of the finished report: the whole report as it will be published (title, the parts
//! of the narrative in order, the date, the tables as the official forms draw them), with the cells
//! and sentences that have findings marked and a list of the findings linking to them.
//!
//! One module per output: [`html()`] (through a writer that escapes by construction) and [`text()`]
//! (aligned plain text, CJK counted double width). What to show is decided once, in `layout`, from
//! the report and its form definition only: no form is spelled out here.

mod html;
mod layout;
mod text;
pub mod writer;

use serde::{Deserialize, Serialize};

use crate::diagnostic::Severity;
use crate::messages::Lang;

pub use html::html;
pub use layout::cell_anchor;
pub use text::{display_width, text};

/// The preview's style sheet (`www/preview.css`): screen and A4 print styles, scoped under
/// `.dr-preview` (except `@page`, which a style sheet cannot scope).
pub const STYLE_SHEET: &str = include_str!("../../www/preview.css");

/// How to render.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct RenderOptions {
    /// The language of what the preview adds around the report (the findings list, severities).
    /// The report itself is shown as written.
    pub lang: Lang,
    /// A whole HTML document with the style sheet embedded (for the command line), rather than one
    /// element to mount in a page that links `preview.css` itself.
    pub standalone: bool,
}

/// What the preview adds around the report, in each language. A struct rather than a lookup, so a
/// missing translation does not compile.
pub(crate) struct Chrome {
    /// The heading of the findings list; the count follows it.
    pub findings: &'static str,
    pub count_open: &'static str,
    pub count_close: &'static str,
    pub error: &'static str,
    pub warning: &'static str,
    pub info: &'static str,
    /// The link from a finding to the sentence it quotes.
    pub quote: &'static str,
    /// Put before a finding's message for screen readers, after the severity.
    pub separator: &'static str,
    /// Names the list of findings for assistive technology when a cell refers to it.
    pub see_finding: &'static str,
    /// Between the messages of a cell's findings in its tooltip.
    pub list_separator: &'static str,
}

const ZH: Chrome = Chrome {
    findings: "发现的问题",
    count_open: "（",
    count_close: "）",
    error: "错误",
    warning: "警告",
    info: "提示",
    quote: "原文",
    separator: "：",
    see_finding: "问题",
    list_separator: "；",
};

const EN: Chrome = Chrome {
    findings: "Findings",
    count_open: " (",
    count_close: ")",
    error: "Error",
    warning: "Warning",
    info: "Note",
    quote: "In the text",
    separator: ": ",
    see_finding: "Finding",
    list_separator: "; ",
};

impl Chrome {
    pub fn of(lang: Lang) -> &'static Chrome {
        match lang {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }

    pub fn severity(&self, severity: Severity) -> &'static str {
        match severity {
            Severity::Error => self.error,
            Severity::Warning => self.warning,
            Severity::Info => self.info,
        }
    }

    /// The BCP 47 tag of the chrome's language.
    pub fn lang_tag(lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }
}
