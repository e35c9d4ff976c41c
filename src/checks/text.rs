//! The narrative as the checks read it: lines, the headings of the report's parts, sentences, and
//! positions turned into UTF-16 offsets for the browser.

use crate::diagnostic::Quote;
use crate::form::labels::{self, MarkerKind};

/// A heading longer than this (in characters, up to its first 。) is body text that happens to
/// start with a number.
const HEADING_MAX_CHARS: usize = 40;

/// Characters an OCR or a careless edit leaves before a heading's numeral ("l六、", "1六、").
const STRAY_MAX_CHARS: usize = 2;

/// Where a heading sits in the outline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Level {
    /// 一、… : one of the report's parts.
    Part,
    /// （一）… or 1. … : a heading inside a part.
    Sub,
}

/// A heading line of the narrative.
#[derive(Debug, Clone)]
pub(crate) struct Heading {
    pub level: Level,
    /// The number of its marker (六 → 6).
    pub number: u32,
    /// Byte range of the heading (the line up to its first 。), trimmed.
    pub start: usize,
    pub end: usize,
    /// Bytes before the numeral that do not belong there ("l" of "l六、").
    pub stray: usize,
}

pub(crate) struct Narrative<'a> {
    pub text: &'a str,
    pub headings: Vec<Heading>,
}

/// Sentence ends: a quote is the sentence a figure stands in.
pub(crate) fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '\n')
}

impl<'a> Narrative<'a> {
    pub fn new(text: &'a str) -> Narrative<'a> {
        let mut headings = Vec::new();
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            if let Some(h) = heading(line, offset) {
                headings.push(h);
            }
            offset += line.len();
        }
        Narrative { text, headings }
    }

    pub fn heading_text(&self, h: &Heading) -> &'a str {
        &self.text[h.start..h.end]
    }

    /// The parts' headings (一、…), in order.
    pub fn parts(&self) -> impl Iterator<Item = &Heading> {
        self.headings.iter().filter(|h| h.level == Level::Part)
    }

    /// The UTF-16 offset of a byte offset: what a JS string index is.
    pub fn utf16(&self, byte: usize) -> usize {
        self.text[..byte].encode_utf16().count()
    }

    /// The heading of the part that `byte` lies in.
    pub fn section_at(&self, byte: usize) -> Option<String> {
        self.parts().take_while(|h| h.start <= byte).last().map(|h| self.heading_text(h).to_string())
    }

    /// The byte range of the sentence around `byte`, its end punctuation included, trimmed.
    pub fn sentence_at(&self, byte: usize) -> (usize, usize) {
        let start = self.text[..byte].rfind(ends_sentence).map(|i| i + char_len(self.text, i)).unwrap_or(0);
        let end = match self.text[byte..].find(ends_sentence) {
            Some(i) if self.text[byte + i..].starts_with('\n') => byte + i,
            Some(i) => byte + i + char_len(self.text, byte + i),
            None => self.text.len(),
        };
        trim_range(self.text, start, end)
    }

    /// A quote of `start..end` (bytes), with UTF-16 offsets and the part it lies in.
    pub fn quote(&self, start: usize, end: usize) -> Quote {
        Quote {
            text: self.text[start..end].to_string(),
            section: self.section_at(start),
            start: self.utf16(start),
            end: self.utf16(end),
        }
    }

    /// The quote of the sentence around `byte`.
    pub fn quote_sentence(&self, byte: usize) -> Quote {
        let (start, end) = self.sentence_at(byte);
        self.quote(start, end)
    }
}

fn char_len(text: &str, at: usize) -> usize {
    text[at..].chars().next().map(char::len_utf8).unwrap_or(0)
}

fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}' || c == '\u{FEFF}'
}

/// `start..end` without the blanks at either end.
pub(crate) fn trim_range(text: &str, start: usize, end: usize) -> (usize, usize) {
    let inner = &text[start..end];
    let lead = inner.len() - inner.trim_start_matches(is_blank).len();
    let trimmed = inner.trim_matches(is_blank);
    (start + lead, start + lead + trimmed.len())
}

/// The heading a line is, if it is one. `offset` is the line's byte offset in the narrative.
fn heading(line: &str, offset: usize) -> Option<Heading> {
    let (start, end) = trim_range(line, 0, line.len());
    let trimmed = &line[start..end];
    // A heading may run on into its first sentence ("（一）存在的主要问题。各科室…").
    let head = trimmed.find('。').map(|i| &trimmed[..i]).unwrap_or(trimmed);
    if head.is_empty() || head.chars().count() > HEADING_MAX_CHARS {
        return None;
    }
    let at = |level, number, stray| Heading {
        level,
        number,
        start: offset + start,
        end: offset + start + head.len(),
        stray,
    };
    if let Some(m) = labels::markers(head).first() {
        return match m.kind {
            MarkerKind::Section => Some(at(Level::Part, m.number, 0)),
            MarkerKind::Paren | MarkerKind::Item => Some(at(Level::Sub, m.number, 0)),
            MarkerKind::Part => None,
        };
    }
    // A part heading behind stray characters: ASCII letters, digits or bars before a Chinese numeral.
    let mut stray = 0;
    for c in head.chars().take(STRAY_MAX_CHARS) {
        if !(c.is_ascii_alphanumeric() || c == '|') {
            break;
        }
        stray += c.len_utf8();
        let rest = &head[stray..];
        if let Some(m) = labels::markers(rest).first() {
            if m.kind == MarkerKind::Section && rest.starts_with(|c: char| !c.is_ascii()) {
                return Some(at(Level::Part, m.number, stray));
            }
        }
    }
    None
}
