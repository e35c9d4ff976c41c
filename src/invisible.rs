//! Characters that are not seen as they are stored: what a person reads and what the text holds can
//! differ, so a wrong figure could pass for a right one.
//!
//! - **Zero-width characters** (U+200B, U+200C, U+200D, U+2060, U+FEFF, U+00AD) show nothing and
//!   move nothing: "1\u{200B}234" is seen as 1234. They are read as what is seen: skipped inside a
//!   figure (the value parser, the narrative's figures) and in labels.
//! - **Bidi controls** (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) change the order in
//!   which the characters around them are shown: "1,2\u{202E}34" is seen as 1,243. What is seen
//!   cannot be read back from the text, so nothing holding one is read: a cell is refused
//!   (`invalid-number`), a label names no row (`unplaced-row`), a sentence of the narrative is not
//!   read for figures or claims, and the report gets a `bidi-control` warning.
//!
//! Wherever such characters are shown back (a message quoting a cell or a sentence, the preview),
//! they are written as their code points ([U+202E]), so the page never reorders what it shows.

use std::borrow::Cow;

/// A zero-width character: nothing is seen, nothing moves.
#[inline]
pub fn is_zero_width(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}')
}

/// A character that changes the order in which text around it is shown.
#[inline]
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether `text` holds a bidi control.
pub fn has_bidi_control(text: &str) -> bool {
    // Every bidi control but U+061C is encoded E2 80 xx or E2 81 xx: a byte test first.
    (text.as_bytes().contains(&0xE2) || text.as_bytes().contains(&0xD8)) && text.chars().any(is_bidi_control)
}

/// A character that shows nothing, or not what it is: zero-width, bidi controls, other format
/// characters (invisible operators, variation selectors, tags) and control characters.
#[inline]
pub fn is_invisible(c: char) -> bool {
    !surely_visible(c) && is_listed_invisible(c)
}

/// Printable ASCII and the ranges of CJK text (punctuation from U+2070, the ideographs, up to the
/// variation selectors at U+FE00, but U+3164; the full-width forms), in which no character is
/// invisible: every message and quote is asked of every character, and these answer at once (a
/// test holds the ranges to the list).
#[inline]
fn surely_visible(c: char) -> bool {
    matches!(c, ' '..='~' | '\u{2070}'..='\u{3163}' | '\u{3165}'..='\u{FDFF}' | '\u{FF00}'..='\u{FF9F}')
}

fn is_listed_invisible(c: char) -> bool {
    is_zero_width(c)
        || is_bidi_control(c)
        || matches!(c,
            '\u{0000}'..='\u{0008}' | '\u{000B}' | '\u{000C}' | '\u{000E}'..='\u{001F}' | '\u{007F}'..='\u{009F}'
            | '\u{034F}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}' | '\u{180B}'..='\u{180E}'
            | '\u{2061}'..='\u{2064}' | '\u{206A}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}'
            | '\u{FFA0}' | '\u{FFF9}'..='\u{FFFB}' | '\u{E0000}'..='\u{E007F}' | '\u{E0100}'..='\u{E01EF}')
}

/// The code point as written in messages and the preview: `[U+202E]`.
pub fn code_point(c: char) -> String {
    format!("[U+{:04X}]", c as u32)
}

/// `text` with every invisible character written as its code point (`[U+200B]`), for a message that
/// quotes what was typed: the clerk sees what is there, and a bidi control cannot reorder the page.
pub fn shown(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_invisible) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_invisible(c) {
            out.push_str(&code_point(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// The bidi controls of `text`, in order, each once, as code points ("[U+202E] [U+202C]").
pub fn bidi_controls(text: &str) -> String {
    let mut seen: Vec<char> = Vec::new();
    for c in text.chars().filter(|c| is_bidi_control(*c)) {
        if !seen.contains(&c) {
            seen.push(c);
        }
    }
    seen.into_iter().map(code_point).collect::<Vec<_>>().join(" ")
}

/// The narrative with every sentence that holds a bidi control blanked out, offsets kept (each
/// character replaced by blanks of the same length in UTF-8 and in UTF-16): the checks that read
/// figures and claims then never read a sentence whose order on screen is not its order in the
/// text, and their quotes of the other sentences stay where they are. Borrowed when there is none.
pub fn mask_reordered_sentences(text: &str, ends_sentence: fn(char) -> bool) -> Cow<'_, str> {
    if !has_bidi_control(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut sentence_start = 0;
    let push_sentence = |out: &mut String, sentence: &str| {
        if sentence.chars().any(is_bidi_control) {
            for c in sentence.chars() {
                match c.len_utf8() {
                    1 => out.push(' '),
                    2 => out.push('\u{00A0}'),
                    3 => out.push('\u{3000}'),
                    // Four bytes, two UTF-16 units: two of two bytes, one unit each.
                    _ => out.push_str("\u{00A0}\u{00A0}"),
                }
            }
        } else {
            out.push_str(sentence);
        }
    };
    for (i, c) in text.char_indices() {
        if ends_sentence(c) {
            push_sentence(&mut out, &text[sentence_start..i]);
            out.push(c);
            sentence_start = i + c.len_utf8();
        }
    }
    push_sentence(&mut out, &text[sentence_start..]);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(s: &str) -> usize {
        s.encode_utf16().count()
    }

    #[test]
    fn no_character_of_the_visible_ranges_is_invisible() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert!(!(surely_visible(c) && is_listed_invisible(c)), "{c:?}");
        }
    }

    #[test]
    fn shown_writes_invisible_characters_as_code_points() {
        assert_eq!(shown("1,2\u{202E}34"), "1,2[U+202E]34");
        assert_eq!(shown("1\u{200B}234\u{FEFF}"), "1[U+200B]234[U+FEFF]");
        assert!(matches!(shown("１，２３４条"), Cow::Borrowed(_)));
    }

    #[test]
    fn masking_keeps_every_offset_and_blanks_only_reordered_sentences() {
        let text = "共收到申请2\u{202E}61件。办结𠀀26件。\n其中\u{2067}予以公开𠀀\u{2069}3件";
        let masked = mask_reordered_sentences(text, |c| matches!(c, '。' | '\n'));
        assert_eq!(masked.len(), text.len());
        assert_eq!(utf16(&masked), utf16(text));
        assert!(masked.contains("。办结𠀀26件。\n"));
        assert!(!masked.contains("61") && !masked.contains('3') && !masked.chars().any(is_bidi_control));
        let clean = "共收到申请26件。";
        assert!(matches!(mask_reordered_sentences(clean, |c| c == '。'), Cow::Borrowed(_)));
    }
}
