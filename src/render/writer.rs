//! An HTML writer that escapes by construction.
//!
//! Element and attribute names are `&'static str`: they come from this crate's source, never from a
//! report. Everything a report says (a title, a narrative, a cell's typed text, a message) can only
//! enter through [`Html::text`] and [`Element::attr`], which escape every byte that could end a text
//! run or an attribute value. The one way to write unescaped content is [`Html::style_sheet`], which
//! takes a `&'static str` (the crate's own CSS) and refuses anything that could close the element.
//!
//! Elements are written through closures, so start and end tags always balance.

/// The output being built.
#[derive(Debug, Default)]
pub struct Html {
    out: String,
}

/// Elements that have no end tag.
const VOID: &[&str] = &["br", "col", "hr", "img", "input", "link", "meta", "wbr"];

impl Html {
    pub fn new() -> Html {
        Html::default()
    }

    /// The HTML written so far.
    pub fn finish(self) -> String {
        self.out
    }

    /// `<!DOCTYPE html>`, for a standalone document.
    pub fn doctype(&mut self) {
        self.out.push_str("<!DOCTYPE html>\n");
    }

    /// Starts an element; add attributes, then give it a body (or let it end empty).
    pub fn elem(&mut self, name: &'static str) -> Element<'_> {
        debug_assert!(is_name(name), "not an element name: {name:?}");
        self.out.push('<');
        self.out.push_str(name);
        Element { html: self, name, open: true }
    }

    /// Text, escaped.
    pub fn text(&mut self, text: &str) {
        escape_into(&mut self.out, text);
    }

    /// A line break in the source, between block elements, so the output reads (and diffs) well.
    pub fn newline(&mut self) {
        self.out.push('\n');
    }

    /// A `<style>` element holding the crate's own CSS. Only a `&'static str` is accepted, and one that
    /// could end the element early (`</`) is refused, so a style sheet can never carry markup.
    pub fn style_sheet(&mut self, css: &'static str) {
        assert!(!css.contains("</"), "a style sheet must not contain `</`");
        self.out.push_str("<style>\n");
        self.out.push_str(css);
        if !css.ends_with('\n') {
            self.out.push('\n');
        }
        self.out.push_str("</style>");
    }
}

/// An element whose start tag is being written.
pub struct Element<'h> {
    html: &'h mut Html,
    name: &'static str,
    /// The start tag still takes attributes (`>` not yet written).
    open: bool,
}

impl<'h> Element<'h> {
    /// An attribute; the value is escaped.
    pub fn attr(self, name: &'static str, value: &str) -> Element<'h> {
        debug_assert!(is_name(name), "not an attribute name: {name:?}");
        self.html.out.push(' ');
        self.html.out.push_str(name);
        self.html.out.push_str("=\"");
        escape_into(&mut self.html.out, value);
        self.html.out.push('"');
        self
    }

    /// An attribute, when there is a value for it.
    pub fn attr_opt(self, name: &'static str, value: Option<&str>) -> Element<'h> {
        match value {
            Some(v) => self.attr(name, v),
            None => self,
        }
    }

    /// The element's content, written by `body`; the end tag follows.
    pub fn body(mut self, body: impl FnOnce(&mut Html)) {
        self.html.out.push('>');
        self.open = false;
        body(self.html);
        // The end tag is written by `drop`.
    }

    /// The element's content as one escaped text.
    pub fn text(self, text: &str) {
        self.body(|h| h.text(text));
    }
}

impl Drop for Element<'_> {
    fn drop(&mut self) {
        if self.open {
            self.html.out.push('>');
        }
        if !VOID.contains(&self.name) {
            self.html.out.push_str("</");
            self.html.out.push_str(self.name);
            self.html.out.push('>');
        }
    }
}

fn is_name(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Escapes for both text and double- or single-quoted attribute values; bidi controls are written
/// as their code points ([U+202E]).
fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // NUL is a parse error in HTML; keep its presence visible instead.
            '\0' => out.push('\u{FFFD}'),
            // A bidi control would reorder what the preview shows (a figure could show as another,
            // and the preview's own words after it): written as its code point, as messages do.
            c if crate::invisible::is_bidi_control(c) => out.push_str(&crate::invisible::code_point(c)),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped() {
        let mut h = Html::new();
        h.elem("p").attr("title", "\"><script>").body(|h| h.text("<img src=x onerror=alert(1)> & 'q'"));
        assert_eq!(
            h.finish(),
            "<p title=\"&quot;&gt;&lt;script&gt;\">&lt;img src=x onerror=alert(1)&gt; &amp; &#39;q&#39;</p>"
        );
    }

    #[test]
    fn elements_balance_even_without_a_body() {
        let mut h = Html::new();
        h.elem("div").body(|h| {
            h.elem("td").attr("class", "x");
            h.elem("meta").attr("charset", "utf-8");
        });
        assert_eq!(h.finish(), "<div><td class=\"x\"></td><meta charset=\"utf-8\"></div>");
    }

    #[test]
    #[should_panic(expected = "must not contain")]
    fn a_style_sheet_cannot_close_its_element() {
        Html::new().style_sheet("p{}</style><script>");
    }
}
