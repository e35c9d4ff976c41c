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
    /// The UTF-16 offset of every `UTF16_STRIDE`-th byte, made at the first quote: a quote's offset is
    /// counted from the mark before it, not from the start of the text. (Counted from the start,
    /// quoting every sentence of a long narrative took time growing with the square of its length.)
    utf16_marks: std::cell::OnceCell<Vec<usize>>,
}

/// Bytes between two marks of `Narrative::utf16_marks`.
const UTF16_STRIDE: usize = 4096;

/// `utf16_len` of any run of bytes of UTF-8 (not only whole characters): each character is counted
/// at its first byte.
fn utf16_units(bytes: &[u8]) -> usize {
    bytes.iter().map(|&b| usize::from((b as i8) >= -0x40) + usize::from(b >= 0xF0)).sum()
}

// `ends_sentence` and `ends_clause` are asked of every character of the narrative: inlined by
// hand, since the release profile optimises for size and would call them.

/// Sentence ends: a quote is the sentence a figure stands in.
#[inline(always)]
pub(crate) fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '\n')
}

/// Clause ends: the words that say what a figure is stand in its clause.
#[inline(always)]
pub(crate) fn ends_clause(c: char) -> bool {
    ends_sentence(c) || matches!(c, '，' | ',' | '；' | ';')
}

/// The number of UTF-16 code units of `s`: one per character, two for a character beyond the
/// Basic Multilingual Plane (whose UTF-8 starts with a byte of 0xF0 or more). Counting characters
/// this way reads bytes, not decoded characters: a quote near the end of a long narrative would
/// otherwise decode all the text before it.
fn utf16_len(s: &str) -> usize {
    s.chars().count() + s.bytes().filter(|&b| b >= 0xF0).count()
}

/// Where any of `words` starts in `text`, in order, each place once (overlapping places too).
///
/// The words are looked for by their first characters, each of which the standard library finds
/// by scanning for one byte, and then compared in full: searching each clause for each word
/// instead took two fifths of the time of all the report-level checks.
pub(crate) fn places(text: &str, words: &[&str]) -> Vec<usize> {
    let mut firsts: Vec<char> = words.iter().filter_map(|w| w.chars().next()).collect();
    firsts.sort_unstable();
    firsts.dedup();
    let mut found = Vec::new();
    for first in firsts {
        let mut from = 0;
        while let Some(at) = text[from..].find(first).map(|n| from + n) {
            if words.iter().any(|w| text[at..].starts_with(w)) {
                found.push(at);
            }
            from = at + first.len_utf8();
        }
    }
    // Places of different first characters differ: sorting is all that is left.
    found.sort_unstable();
    found
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
        Narrative { text, headings, utf16_marks: std::cell::OnceCell::new() }
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
        let bytes = self.text.as_bytes();
        if byte < UTF16_STRIDE {
            return utf16_units(&bytes[..byte]);
        }
        let marks = self.utf16_marks.get_or_init(|| {
            let mut marks = vec![0];
            for chunk in bytes.chunks(UTF16_STRIDE) {
                marks.push(marks[marks.len() - 1] + utf16_units(chunk));
            }
            marks
        });
        let mark = byte / UTF16_STRIDE;
        marks[mark] + utf16_units(&bytes[mark * UTF16_STRIDE..byte])
    }

    /// The heading of the part that `byte` lies in: the last part heading starting at or before it
    /// (found by halving, the headings being in order).
    pub fn section_at(&self, byte: usize) -> Option<String> {
        let before = self.headings.partition_point(|h| h.start <= byte);
        self.headings[..before].iter().rev().find(|h| h.level == Level::Part).map(|h| self.heading_text(h).to_string())
    }

    /// The byte range of the sentence around `byte`, its end punctuation included, trimmed.
    pub fn sentence_at(&self, byte: usize) -> (usize, usize) {
        let (start, end) = (self.sentence_start(byte), self.sentence_end(byte));
        let end = match self.text[end..].chars().next() {
            None | Some('\n') => end,
            Some(c) => end + c.len_utf8(),
        };
        trim_range(self.text, start, end)
    }

    /// Where the sentence around `byte` begins: after the sentence end before it, or at the start
    /// of the text.
    pub fn sentence_start(&self, byte: usize) -> usize {
        self.start_before(byte, ends_sentence)
    }

    /// Where the sentence around `byte` ends: at the sentence end after it (not included), or at
    /// the end of the text.
    pub fn sentence_end(&self, byte: usize) -> usize {
        self.end_after(byte, ends_sentence)
    }

    /// Where the clause around `byte` begins, as `sentence_start`.
    pub fn clause_start(&self, byte: usize) -> usize {
        self.start_before(byte, ends_clause)
    }

    /// Where the clause around `byte` ends, as `sentence_end`.
    pub fn clause_end(&self, byte: usize) -> usize {
        self.end_after(byte, ends_clause)
    }

    fn start_before(&self, byte: usize, ends: fn(char) -> bool) -> usize {
        self.text[..byte].rfind(ends).map_or(0, |i| i + char_len(self.text, i))
    }

    fn end_after(&self, byte: usize, ends: fn(char) -> bool) -> usize {
        self.text[byte..].find(ends).map_or(self.text.len(), |i| byte + i)
    }

    /// A quote of `start..end` (bytes), with UTF-16 offsets and the part it lies in.
    pub fn quote(&self, start: usize, end: usize) -> Quote {
        let utf16_start = self.utf16(start);
        Quote {
            text: self.text[start..end].to_string(),
            section: self.section_at(start),
            start: utf16_start,
            end: utf16_start + utf16_len(&self.text[start..end]),
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
        // What follows the stray characters is a Chinese numeral: "2016年…" is not read for markers
        // at each of its digits.
        if !rest.starts_with(|c: char| !c.is_ascii()) {
            continue;
        }
        if let Some(m) = labels::markers(rest).first().filter(|m| m.kind == MarkerKind::Section) {
            return Some(at(Level::Part, m.number, stray));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_finds_every_start_of_every_word() {
        let text = "均获维持，均予以维持；全部维持。均维持";
        let at = |s: &str| text.find(s).unwrap();
        assert_eq!(
            places(text, &["均获维持", "均予以维持", "全部维持", "均维持"]),
            vec![at("均获维持"), at("均予以维持"), at("全部维持"), at("均维持")]
        );
        // Overlapping places, and words that share their first character, are each found.
        assert_eq!(places("aaa", &["aa"]), vec![0, 1]);
        assert_eq!(places("收取费用", &["收取费用", "收取", "收费"]), vec![0]);
        assert!(places("未发生行政复议", &["诉讼"]).is_empty());
    }

    #[test]
    fn quotes_count_utf16_units_beyond_the_basic_plane() {
        // 𠀀 is one character of two UTF-16 units (and four UTF-8 bytes).
        let text = "𠀀𠀁一、总体情况\n未发生行政复议。";
        let narrative = Narrative::new(text);
        let start = text.find("未发生").unwrap();
        let q = narrative.quote_sentence(start);
        assert_eq!(q.text, "未发生行政复议。");
        // 2 × 2 units, 6 for 一、总体情况, 1 for the line end; then the 8 of the sentence.
        assert_eq!((q.start, q.end), (11, 19));
        assert_eq!(text.encode_utf16().count(), 19);
    }

    #[test]
    fn offsets_deep_in_a_long_narrative_are_counted_from_the_marks() {
        // Every width of character, across many marks, and sections found by halving.
        let text = "一、总体情况\n".to_string() + &"a𠀀é共收到申请26件。\n".repeat(3000) + "二、主动公开\n末句。";
        let narrative = Narrative::new(&text);
        for (byte, _) in text.char_indices().step_by(97).chain([(text.len(), ' ')]) {
            assert_eq!(narrative.utf16(byte), text[..byte].encode_utf16().count(), "at byte {byte}");
        }
        assert_eq!(narrative.section_at(text.find("末句").unwrap()).as_deref(), Some("二、主动公开"));
        assert_eq!(narrative.section_at(text.len() / 2).as_deref(), Some("一、总体情况"));
        assert_eq!(Narrative::new("前言。\n一、总体情况").section_at(0), None);
    }

    #[test]
    fn clauses_and_sentences_end_at_their_punctuation() {
        let text = "一，二；三。四";
        let narrative = Narrative::new(text);
        let at = text.find('三').unwrap();
        assert_eq!(&text[narrative.clause_start(at)..narrative.clause_end(at)], "三");
        assert_eq!(&text[narrative.sentence_start(at)..narrative.sentence_end(at)], "一，二；三");
        let last = text.find('四').unwrap();
        assert_eq!(narrative.sentence_end(last), text.len());
    }
}
