//! HTML: a report page as a portal publishes it, an article body from a rich-text editor, a table
//! pasted from Word, or the project's own preview.
//!
//! html5ever parses the page as a browser would (implied end tags, upper-case tags, stray markup);
//! this reader only walks the tree. It keeps the report and leaves the page around it: the report
//! is the smallest element around the data tables that holds nearly all of the page's own text
//! (text outside links: navigation and footers are mostly links). Text is laid out as a browser
//! would: runs of whitespace are one space, and a line break between two Chinese characters is
//! none at all (CSS Text's segment-break rule), so a label Word wrapped mid-word reads whole.
//! What a browser does not show is not read: scripts, styles, comments (Word's conditional ones
//! too), hidden elements, form controls, footnote markers in table cells.

use std::collections::HashMap;

use ego_tree::{NodeId, NodeRef};
use scraper::{Html, Node};

use crate::import::source::{Block, Hints, Origin, RawCell, RawRow, Source};

/// Elements whose content is never part of the report's text.
const SKIPPED: &[&str] = &[
    "head", "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math", "canvas", "audio",
    "video", "button", "select", "textarea", "input", "nav", "aside", "footer", "xml",
];

/// Elements that break the text into paragraphs.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "section",
    "article",
    "header",
    "main",
    "blockquote",
    "pre",
    "address",
    "figure",
    "figcaption",
    "center",
    "form",
    "fieldset",
    "hr",
    "tr",
    "td",
    "th",
    "table",
    "caption",
    "body",
    "html",
];

/// A line break inside accumulated text, resolved when the paragraph ends.
const SEGMENT_BREAK: char = '\n';

fn name<'a>(node: &NodeRef<'a, Node>) -> Option<&'a str> {
    match node.value() {
        Node::Element(e) => Some(e.name()),
        _ => None,
    }
}

fn attr<'a>(node: &NodeRef<'a, Node>, key: &str) -> Option<&'a str> {
    match node.value() {
        Node::Element(e) => e.attr(key),
        _ => None,
    }
}

/// Not shown by a browser: `hidden`, `aria-hidden="true"`, `display:none`, Word's `mso-hide:all`,
/// `visibility:hidden`, `opacity:0`.
fn hidden(node: &NodeRef<'_, Node>) -> bool {
    if attr(node, "hidden").is_some() || attr(node, "aria-hidden").is_some_and(|v| v.trim() == "true") {
        return true;
    }
    attr(node, "style").is_some_and(|style| {
        let s = compact_style(style);
        s.contains("display:none")
            || s.contains("mso-hide:all")
            || s.contains("visibility:hidden")
            || zero_size(&s, "opacity:")
    })
}

/// Whether an element's text is too small to see: `font-size:0` on it, or inherited (`tiny`) and not
/// set again to a size of its own. Text too small to see is not read: a figure hidden inside
/// another ("2<span style=font-size:0>1</span>6", seen as 26) is not read into it, while a page that
/// sets 0 on a container and a size on its children (a layout trick of some editors) reads whole.
fn too_small(node: &NodeRef<'_, Node>, tiny: bool) -> bool {
    let Some(style) = attr(node, "style").map(compact_style).filter(|s| s.contains("font-size:")) else {
        return tiny;
    };
    if zero_size(&style, "font-size:") {
        return true;
    }
    // A size relative to the parent's (em, %) of nothing is nothing; any other is a size.
    let relative = style
        .split(';')
        .filter_map(|d| d.strip_prefix("font-size:"))
        .any(|v| v.ends_with("em") && !v.ends_with("rem") || v.ends_with('%'));
    tiny && relative
}

/// A `style` attribute without whitespace, in lower case.
fn compact_style(style: &str) -> String {
    style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase()
}

/// Whether a property of a compacted style is set to zero (0, 0px, 0.0pt, 0%).
fn zero_size(style: &str, property: &str) -> bool {
    style.match_indices(property).any(|(i, _)| {
        // The property itself, not the end of another (a `-webkit-…` or `mso-…` one is still it).
        let at_start = style[..i].chars().next_back().is_none_or(|c| c == ';' || c == '-' || c == '"');
        let number: String =
            style[i + property.len()..].chars().take_while(|c| c.is_ascii_digit() || *c == '.').collect();
        at_start && !number.is_empty() && number.parse::<f64>().is_ok_and(|n| n == 0.0)
    })
}

/// Whether the text inside `node` is `too_small` to see because of its ancestors' sizes.
fn inherited_too_small(node: NodeRef<'_, Node>) -> bool {
    let mut ancestors: Vec<NodeRef<'_, Node>> = node.ancestors().collect();
    ancestors.reverse();
    ancestors.iter().fold(false, |tiny, a| too_small(a, tiny))
}

/// What an element does to the order in which its text is shown, as the bidi controls that do the
/// same: `<bdo dir=rtl>` and `unicode-bidi: bidi-override` with `direction: rtl` reverse it
/// (U+202E … U+202C); `dir="rtl"` or `direction: rtl` alone lay it out right to left (U+2067 …
/// U+2069). The text is read with them, so that markup is trusted no more than the characters
/// (`crate::invisible`): "12<bdo dir=rtl>34</bdo>" is shown as 1243, and is not read as 1234.
fn reordering(node: &NodeRef<'_, Node>) -> Option<(char, char)> {
    let Node::Element(e) = node.value() else { return None };
    if e.attr("dir").is_none() && e.attr("style").is_none() {
        return None;
    }
    let style = compact_style(e.attr("style").unwrap_or(""));
    let rtl = e.attr("dir").is_some_and(|d| d.trim().eq_ignore_ascii_case("rtl")) || style.contains("direction:rtl");
    let overrides = e.name() == "bdo" || (style.contains("unicode-bidi:") && style.contains("override"));
    match (rtl, overrides) {
        (true, true) => Some(('\u{202E}', '\u{202C}')),
        (true, false) => Some(('\u{2067}', '\u{2069}')),
        _ => None,
    }
}

/// A footnote marker: a superscript whose content is a link within the page (`<sup><a href="#n1">1</a></sup>`).
fn footnote_marker(node: &NodeRef<'_, Node>) -> bool {
    name(node) == Some("sup")
        && node.descendants().any(|d| name(&d) == Some("a") && attr(&d, "href").is_some_and(|h| h.starts_with('#')))
}

fn skipped(node: &NodeRef<'_, Node>) -> bool {
    match node.value() {
        Node::Element(e) => SKIPPED.contains(&e.name()) || hidden(node) || footnote_marker(node),
        Node::Comment(_) | Node::ProcessingInstruction(_) | Node::Doctype(_) => true,
        _ => false,
    }
}

/// Wide (CJK) characters, between which a line break is no space.
fn wide(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6
        | 0x20000..=0x3FFFD)
}

/// Text as laid out: whitespace runs collapsed, segment breaks between wide characters removed,
/// ends trimmed (full-width and non-breaking spaces too).
fn layout(raw: &str) -> String {
    let chars: Vec<char> = raw.chars().collect();
    let mut out = String::with_capacity(raw.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == ' ' || c == '\t' || c == '\r' || c == SEGMENT_BREAK || c == '\u{0C}' {
            let mut j = i;
            let mut segment = false;
            while j < chars.len() && matches!(chars[j], ' ' | '\t' | '\r' | '\n' | '\u{0C}') {
                segment |= chars[j] == SEGMENT_BREAK;
                j += 1;
            }
            let before = out.chars().next_back();
            let after = chars.get(j).copied();
            let drop = segment && before.is_some_and(wide) && after.is_some_and(wide);
            if !drop && before.is_some() && after.is_some() {
                out.push(' ');
            }
            i = j;
            continue;
        }
        out.push(if c == '\u{A0}' { ' ' } else { c });
        i += 1;
    }
    out.trim_matches(|c: char| c.is_whitespace()).to_string()
}

/// The text of a subtree as laid out, paragraphs inside it joined by segment breaks.
fn text_of(node: NodeRef<'_, Node>, in_cell: bool) -> String {
    enum Step<'a> {
        /// A node, and whether its text is `too_small` to see.
        Enter(NodeRef<'a, Node>, bool),
        /// The bidi control that ends an element's `reordering`.
        Close(char),
    }
    let mut raw = String::new();
    let mut stack = vec![Step::Enter(node, inherited_too_small(node))];
    while let Some(step) = stack.pop() {
        let (n, tiny) = match step {
            Step::Close(c) => {
                raw.push(c);
                continue;
            }
            Step::Enter(n, tiny) => (n, tiny),
        };
        if n.id() != node.id() && (skipped(&n) || (in_cell && name(&n) == Some("sup"))) {
            continue;
        }
        match n.value() {
            Node::Text(t) if !tiny => raw.push_str(t),
            Node::Element(e) => {
                if e.name() == "br" || BLOCKS.contains(&e.name()) {
                    raw.push(SEGMENT_BREAK);
                }
                if let Some((open, close)) = reordering(&n) {
                    raw.push(open);
                    stack.push(Step::Close(close));
                }
                let tiny = too_small(&n, tiny);
                let children: Vec<_> = n.children().collect();
                stack.extend(children.into_iter().rev().map(|c| Step::Enter(c, tiny)));
            }
            _ => {}
        }
    }
    layout(&raw)
}

fn span(value: Option<&str>) -> usize {
    let digits: String = value.unwrap_or("").trim().chars().take_while(char::is_ascii_digit).collect();
    digits.parse::<usize>().ok().filter(|&n| n > 0).unwrap_or(1)
}

/// The rows of a data table (its own, not a nested table's), in order.
fn rows_of(table: NodeRef<'_, Node>) -> Vec<NodeRef<'_, Node>> {
    let mut rows = Vec::new();
    let mut stack: Vec<NodeRef<'_, Node>> = table.children().collect();
    stack.reverse();
    while let Some(n) = stack.pop() {
        match name(&n) {
            Some("tr") => rows.push(n),
            Some("thead" | "tbody" | "tfoot") => {
                let children: Vec<_> = n.children().collect();
                stack.extend(children.into_iter().rev());
            }
            _ => {}
        }
    }
    rows
}

fn has_table_inside(node: NodeRef<'_, Node>) -> bool {
    node.descendants().skip(1).any(|d| name(&d) == Some("table"))
}

/// A table of data: no table inside it, and at least two rows.
fn is_data_table(node: NodeRef<'_, Node>) -> bool {
    name(&node) == Some("table") && !has_table_inside(node) && rows_of(node).len() >= 2
}

/// How much text each element holds outside links and skipped elements (without recursion: a page
/// may nest elements a hundred thousand deep).
fn own_text_lengths(doc: &Html) -> HashMap<NodeId, usize> {
    let mut lengths: HashMap<NodeId, usize> = HashMap::new();
    let mut order = Vec::new();
    let mut stack = vec![doc.tree.root()];
    while let Some(n) = stack.pop() {
        if skipped(&n) || name(&n) == Some("a") {
            continue;
        }
        order.push(n);
        stack.extend(n.children());
    }
    for n in order.into_iter().rev() {
        let own = match n.value() {
            Node::Text(t) => t.chars().filter(|c| !c.is_whitespace()).count(),
            _ => 0,
        };
        let children: usize = n.children().filter_map(|c| lengths.get(&c.id())).sum();
        lengths.insert(n.id(), own + children);
    }
    lengths
}

/// The element holding the report: the smallest around every data table (or the body, without
/// one) that holds nine tenths of the page's own text.
fn report_root(doc: &Html) -> NodeRef<'_, Node> {
    let root = doc.tree.root();
    let body = root.descendants().find(|n| name(n) == Some("body")).unwrap_or(root);
    let tables: Vec<NodeRef<'_, Node>> = body.descendants().filter(|n| is_data_table(*n)).collect();
    let lengths = own_text_lengths(doc);
    let total = lengths.get(&body.id()).copied().unwrap_or(0);
    let Some(first) = tables.first() else { return body };
    // The lowest common ancestor of the data tables.
    let mut common: Vec<NodeRef<'_, Node>> = first.ancestors().collect();
    common.reverse();
    for t in &tables[1..] {
        let mut path: Vec<NodeRef<'_, Node>> = t.ancestors().collect();
        path.reverse();
        let shared = common.iter().zip(&path).take_while(|(a, b)| a.id() == b.id()).count();
        common.truncate(shared);
    }
    let start = if tables.len() == 1 { first.parent() } else { common.last().copied() };
    let mut candidate = start.unwrap_or(body);
    loop {
        let len = lengths.get(&candidate.id()).copied().unwrap_or(0);
        if len * 10 >= total * 9 || candidate.id() == body.id() {
            return candidate;
        }
        match candidate.parent() {
            Some(p) if name(&p).is_some() => candidate = p,
            _ => return candidate,
        }
    }
}

/// The page's own account of the article: CMS metadata, else its `<title>`.
fn hints(doc: &Html) -> Hints {
    let mut hints = Hints::default();
    for n in doc.tree.root().descendants() {
        match name(&n) {
            Some("meta") => {
                let key = attr(&n, "name").or(attr(&n, "property")).unwrap_or("").to_ascii_lowercase();
                let content = attr(&n, "content").map(layout).filter(|c| !c.is_empty());
                match key.as_str() {
                    "articletitle" | "og:title" if hints.title.is_none() => hints.title = content,
                    "pubdate" | "publishdate" | "article:published_time" if hints.date.is_none() => {
                        hints.date = content.and_then(|c| iso_date(&c))
                    }
                    _ => {}
                }
            }
            Some("title") if hints.title.is_none() => {
                let text = text_of(n, false);
                // A page title is "article_column_site": the part that says it is a report.
                hints.title = text
                    .split(['_', '|', '－'])
                    .chain(text.split(" - "))
                    .map(str::trim)
                    .find(|p| p.contains("报告"))
                    .map(str::to_string);
            }
            _ => {}
        }
    }
    hints
}

/// `2024-03-08 15:34` or `2024/3/8` as `2024-03-08`.
fn iso_date(text: &str) -> Option<String> {
    let parts: Vec<u32> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .take(3)
        .map(|p| p.parse().ok())
        .collect::<Option<Vec<u32>>>()?;
    match parts[..] {
        [y, m, d] if (1990..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d) => {
            Some(format!("{y:04}-{m:02}-{d:02}"))
        }
        _ => None,
    }
}

struct Walker {
    blocks: Vec<Block>,
    paragraph: String,
    paragraphs: usize,
    tables: usize,
}

impl Walker {
    fn flush(&mut self) {
        let text = layout(&self.paragraph);
        self.paragraph.clear();
        if text.is_empty() {
            return;
        }
        self.paragraphs += 1;
        let origin = Origin::Paragraph { paragraph: self.paragraphs };
        if !matches!(self.blocks.last(), None | Some(Block::Blank { .. })) {
            self.blocks.push(Block::Blank { origin });
        }
        self.blocks.push(Block::Text { origin, text });
    }

    fn table(&mut self, table: NodeRef<'_, Node>) {
        self.flush();
        self.tables += 1;
        let number = self.tables;
        let rows = rows_of(table)
            .into_iter()
            .enumerate()
            .map(|(r, tr)| {
                let cells = tr
                    .children()
                    .filter(|c| matches!(name(c), Some("td" | "th")) && !hidden(c))
                    .map(|c| RawCell::spanning(text_of(c, true), span(attr(&c, "rowspan")), span(attr(&c, "colspan"))))
                    .collect();
                RawRow::from_cells(Origin::Row { table: number, row: r + 1 }, cells)
            })
            .collect();
        if !matches!(self.blocks.last(), None | Some(Block::Blank { .. })) {
            self.blocks.push(Block::Blank { origin: Origin::Row { table: number, row: 1 } });
        }
        self.blocks.push(Block::Table { rows });
    }

    /// Walk a subtree in document order (with a stack: no recursion).
    fn walk(&mut self, root: NodeRef<'_, Node>) {
        enum Step<'a> {
            /// A node, and whether its text is `too_small` to see.
            Enter(NodeRef<'a, Node>, bool),
            Leave,
            /// The bidi control that ends an element's `reordering`.
            Close(char),
        }
        let mut stack = vec![Step::Enter(root, inherited_too_small(root))];
        while let Some(step) = stack.pop() {
            let (n, tiny) = match step {
                Step::Leave => {
                    self.flush();
                    continue;
                }
                Step::Close(c) => {
                    self.paragraph.push(c);
                    continue;
                }
                Step::Enter(n, tiny) => (n, tiny),
            };
            if n.id() != root.id() && skipped(&n) {
                continue;
            }
            match n.value() {
                Node::Text(t) if !tiny => self.paragraph.push_str(t),
                Node::Text(_) => {}
                Node::Element(e) => {
                    let tag = e.name();
                    if tag == "br" {
                        self.flush();
                        continue;
                    }
                    if is_data_table(n) {
                        self.table(n);
                        continue;
                    }
                    let block = BLOCKS.contains(&tag);
                    if block {
                        self.flush();
                        stack.push(Step::Leave);
                    }
                    if let Some((open, close)) = reordering(&n) {
                        self.paragraph.push(open);
                        stack.push(Step::Close(close));
                    }
                    let tiny = too_small(&n, tiny);
                    let children: Vec<_> = n.children().collect();
                    stack.extend(children.into_iter().rev().map(|c| Step::Enter(c, tiny)));
                }
                _ => {
                    let children: Vec<_> = n.children().collect();
                    stack.extend(children.into_iter().rev().map(|c| Step::Enter(c, tiny)));
                }
            }
        }
        self.flush();
    }
}

/// The deepest nesting of elements read. html5ever, like the HTML standard, takes time that grows
/// with the square of the depth; browsers cap it (Chromium at 512). No report page comes near.
pub const MAX_DEPTH: usize = 4096;

/// Void elements and those whose end tag may be left out: they do not deepen the nesting.
const NOT_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "p", "li",
    "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "colgroup", "rb", "rt", "rp",
    "html", "head", "body", "o:p",
];

/// An upper bound on how deep the page nests its elements, from a linear scan of its tags (the
/// guard before parsing, not a parser: it over-counts end tags left out, never under-counts).
pub fn nesting_depth(input: &str) -> usize {
    let bytes = input.as_bytes();
    let (mut i, mut depth, mut deepest) = (0usize, 0usize, 0usize);
    let find = |from: usize, needle: &[u8]| -> usize {
        bytes[from.min(bytes.len())..]
            .windows(needle.len())
            .position(|w| w.eq_ignore_ascii_case(needle))
            .map_or(bytes.len(), |p| from + p + needle.len())
    };
    while i < bytes.len() {
        if bytes[i] != b'<' {
            i += 1;
            continue;
        }
        let next = bytes.get(i + 1).copied().unwrap_or(b' ');
        if bytes[i..].starts_with(b"<!--") {
            i = find(i + 4, b"-->");
        } else if next == b'/' {
            depth = depth.saturating_sub(1);
            i = find(i + 2, b">");
        } else if next.is_ascii_alphabetic() {
            let name_end = bytes[i + 1..]
                .iter()
                .position(|b| b.is_ascii_whitespace() || *b == b'>' || *b == b'/')
                .map_or(bytes.len(), |p| i + 1 + p);
            let name = input.get(i + 1..name_end).unwrap_or("").to_ascii_lowercase();
            let end = find(name_end, b">");
            let self_closing = end >= 2 && bytes.get(end - 2) == Some(&b'/');
            if !self_closing && !NOT_NESTING.contains(&name.as_str()) {
                depth += 1;
                deepest = deepest.max(depth);
            }
            i = end;
            if name == "script" || name == "style" {
                i = find(i, format!("</{name}").as_bytes());
                depth = depth.saturating_sub(1);
            }
        } else {
            i += 1;
        }
    }
    deepest
}

/// Read an HTML page or fragment (nested no deeper than `MAX_DEPTH`: see `nesting_depth`).
pub fn read(input: &str) -> Source {
    let doc = Html::parse_document(input);
    let hints = hints(&doc);
    let root = report_root(&doc);
    let mut walker = Walker { blocks: Vec::new(), paragraph: String::new(), paragraphs: 0, tables: 0 };
    walker.walk(root);
    let mut blocks = walker.blocks;
    // The title, where the page gives it apart from the article (as a CMS does).
    if let Some(title) = &hints.title {
        let texts: Vec<&str> = blocks
            .iter()
            .filter_map(|b| match b {
                Block::Text { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .take(3)
            .collect();
        if !texts.iter().any(|t| t.contains("报告") && t.chars().count() <= 100) {
            let origin = Origin::Paragraph { paragraph: 0 };
            blocks.insert(0, Block::Blank { origin });
            blocks.insert(0, Block::Text { origin, text: title.clone() });
        }
    }
    Source { blocks, hints }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_break_between_chinese_characters_is_no_space() {
        assert_eq!(layout("本年新收政府信息公开\n  申请数量"), "本年新收政府信息公开申请数量");
        assert_eq!(layout("  共 81\n件 "), "共 81 件");
        assert_eq!(layout("\u{A0}一、总体情况\u{A0}"), "一、总体情况");
    }

    #[test]
    fn implied_end_tags_and_upper_case_tags_read_as_a_browser_reads_them() {
        let source = read("<TABLE><TR><TD>a<TD>1<TR><td>b<td>2</TABLE>");
        let tables: Vec<_> = source.tables().collect();
        assert_eq!(tables.len(), 1);
        assert_eq!(tables[0].len(), 2);
        assert_eq!(tables[0][1].cells.iter().map(|c| c.text.as_str()).collect::<Vec<_>>(), ["b", "2"]);
    }

    #[test]
    fn word_markup_comments_hidden_text_and_footnote_markers_are_not_read() {
        let page = "<p class=MsoNormal><span style='mso-bidi-font-size:10.5pt'>总体\n情况<o:p></o:p></span></p>\
            <!--[if gte mso 9]><xml><w:WordDocument>秘密</w:WordDocument></xml><![endif]-->\
            <p style='display: none'>隐藏</p><script>alert(1)</script>\
            <table><tr><td>申请数<sup>1</sup></td><td>8<sup><a href='#n'>2</a></sup></td></tr><tr><td>a</td><td>b</td></tr></table>";
        let source = read(page);
        let dump = source.dump();
        assert!(dump.contains("总体情况"), "{dump}");
        assert!(!dump.contains("秘密") && !dump.contains("隐藏") && !dump.contains("alert"), "{dump}");
        assert!(dump.contains("| 申请数 | 8 |"), "{dump}");
    }

    #[test]
    fn deep_pages_are_walked_without_recursion_and_measured_before_parsing() {
        let depth = 3000;
        let page = format!("{}<p>报告</p>{}", "<span>".repeat(depth), "</span>".repeat(depth));
        assert_eq!(nesting_depth(&page), depth);
        assert!(read(&page).dump().contains("报告"));
        let flat = "<p>a<p>b<br><img src=x><table><tr><td>1<td>2</table><!-- <div><div> --><script>'<div>'</script>";
        assert_eq!(nesting_depth(flat), 1);
        let deep = "<div>".repeat(100_000);
        assert_eq!(nesting_depth(&deep), 100_000);
    }
}
