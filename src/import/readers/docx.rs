//! Word (.docx): the tables and paragraphs of `word/document.xml`, read from the zip with a bound on
//! what it may expand to.
//!
//! A table's cells keep Word's own grid: a row starts at its `w:gridBefore` column, each cell spans
//! its `w:gridSpan`, and `w:vMerge` without `restart` continues the cell open above at the same grid
//! column (which becomes a row span). Only `w:t` is text (deleted text is `w:delText`, field codes
//! `w:instrText`); content controls and smart tags are unwrapped; of an alternate content, the
//! first choice is read. A cell holding only full-width spaces (U+3000), as the official template's
//! blanks do, is blank.
//!
//! What Word does not show is not read: a run marked hidden (`w:vanish`), which could hide a digit
//! inside a figure ("2", hidden "1", "6" is seen as 26). What Word shows in another order is read
//! with the bidi controls that do the same (`w:bdo` as U+202E … U+202C; `w:dir` and a right-to-left
//! run, `w:rtl`, as U+202B … U+202C), so that it is trusted no more than those characters
//! (`crate::invisible`).

use std::io::Read;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use crate::import::source::{Block, Origin, RawCell, RawRow, Source};
use crate::import::ImportError;

/// The most `word/document.xml` may expand to. The official template's is 150 KB; a report with
/// every table filled and long text stays under 2 MB.
pub const MAX_DOCUMENT_XML: u64 = 64_000_000;

fn local(name: &[u8]) -> &[u8] {
    name.iter().rposition(|&b| b == b':').map_or(name, |i| &name[i + 1..])
}

fn val(e: &BytesStart<'_>) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| local(a.key.as_ref()) == b"val")
        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
}

/// A toggle property (`<w:vanish/>`, `<w:rtl w:val="0"/>`): on unless its value says off.
fn on(e: &BytesStart<'_>) -> bool {
    !matches!(val(e).as_deref().map(str::trim), Some("0" | "false" | "off"))
}

/// The bidi controls that open and close what a `w:bdo` or `w:dir` element does to the order of
/// its text (`None` for left to right, the page's own order).
fn reordering(e: &BytesStart<'_>) -> Option<(char, char)> {
    let rtl = val(e).is_some_and(|v| v.trim().eq_ignore_ascii_case("rtl"));
    match local(e.name().as_ref()) {
        b"bdo" if rtl => Some(('\u{202E}', '\u{202C}')),
        b"dir" if rtl => Some(('\u{202B}', '\u{202C}')),
        _ => None,
    }
}

fn number(e: &BytesStart<'_>) -> usize {
    val(e).and_then(|v| v.trim().parse::<usize>().ok()).unwrap_or(1).clamp(1, crate::import::grid::MAX_COLUMNS)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Merge {
    None,
    Restart,
    Continue,
}

#[derive(Debug)]
struct Cell {
    text: String,
    grid_column: usize,
    colspan: usize,
    merge: Merge,
}

#[derive(Debug, Default)]
struct Table {
    rows: Vec<(usize, Vec<Cell>)>,
    grid_before: usize,
    cells: Vec<Cell>,
}

/// Paragraphs (and lines broken inside them) joined as one cell's text: no space between Chinese
/// characters, one between others.
fn join(paragraphs: &[String]) -> String {
    let mut out = String::new();
    let lines = paragraphs.iter().flat_map(|p| p.split('\n'));
    for p in lines.map(|p| p.trim_matches(|c: char| c.is_whitespace())).filter(|p| !p.is_empty()) {
        let wide = |c: Option<char>| c.is_some_and(|c| c as u32 >= 0x2E80);
        let cjk_join = wide(out.chars().next_back()) && wide(p.chars().next());
        if !out.is_empty() && !cjk_join {
            out.push(' ');
        }
        out.push_str(p);
    }
    out
}

/// A table's rows with their vertical merges turned into row spans.
fn raw_rows(table: Table, number: usize) -> Vec<RawRow> {
    // For each grid column, the (row, cell) of the merge open there.
    let mut open: Vec<Option<(usize, usize)>> = Vec::new();
    let mut rows: Vec<Vec<RawCell>> = Vec::new();
    for (r, (_, cells)) in table.rows.into_iter().enumerate() {
        let mut out: Vec<RawCell> = Vec::new();
        for cell in cells {
            let end = cell.grid_column + cell.colspan;
            if open.len() < end {
                open.resize(end, None);
            }
            if cell.merge == Merge::Continue {
                if let Some((orow, ocell)) = open[cell.grid_column] {
                    let anchor: &mut RawCell = &mut rows[orow][ocell];
                    anchor.rowspan = r - orow + 1;
                    // Text typed into a continued cell is Word's too: keep it with its anchor.
                    if !cell.text.trim().is_empty() && anchor.text.trim().is_empty() {
                        anchor.text = cell.text;
                    }
                    continue;
                }
            }
            let index = out.len();
            for slot in &mut open[cell.grid_column..end] {
                *slot = (cell.merge != Merge::None).then_some((r, index));
            }
            out.push(RawCell {
                text: cell.text,
                rowspan: 1,
                colspan: cell.colspan,
                grid_column: Some(cell.grid_column),
            });
        }
        rows.push(out);
    }
    rows.into_iter()
        .enumerate()
        .map(|(r, cells)| RawRow::from_cells(Origin::Row { table: number, row: r + 1 }, cells))
        .collect()
}

/// Read the body of a Word document.
pub fn read_document_xml(xml: &str) -> Result<Source, ImportError> {
    let mut reader = Reader::from_str(xml);
    let mut blocks: Vec<Block> = Vec::new();
    // Nested tables (a table in a cell) are read as their cell's text.
    let mut tables: Vec<Table> = Vec::new();
    let mut cell_paragraphs: Vec<Vec<String>> = Vec::new();
    let mut paragraph = String::new();
    let mut in_text = false;
    // Depth inside elements whose content is not the document's text.
    let mut ignored = 0usize;
    let mut paragraphs = 0usize;
    let mut table_count = 0usize;
    // Inside a run (`w:r`): whether it is hidden, and whether it runs right to left.
    let mut run: Option<(bool, bool)> = None;
    // The closing control of each open `w:bdo` or `w:dir` (`None` for one that changes nothing).
    let mut directions: Vec<Option<char>> = Vec::new();
    loop {
        let event = reader.read_event().map_err(|e| ImportError::NotAWordFile {
            reason: format!("word/document.xml: {e} (byte {})", reader.buffer_position()),
        })?;
        match event {
            Event::Eof => break,
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(event, Event::Empty(_));
                let name = local(e.name().as_ref()).to_vec();
                if ignored > 0 {
                    if !empty {
                        ignored += 1;
                    }
                    continue;
                }
                match name.as_slice() {
                    b"delText" | b"instrText" | b"Fallback" | b"pPrChange" | b"rPrChange" | b"del" if !empty => {
                        ignored = 1;
                    }
                    b"t" => in_text = !empty,
                    b"r" if !empty => run = Some((false, false)),
                    b"vanish" | b"specVanish" => {
                        if let Some((hidden, _)) = &mut run {
                            *hidden = on(e);
                        }
                    }
                    b"rtl" => {
                        if let Some((_, rtl)) = &mut run {
                            *rtl = on(e);
                        }
                    }
                    b"bdo" | b"dir" if !empty => {
                        let reorders = reordering(e);
                        if let Some((open, _)) = reorders {
                            paragraph.push(open);
                        }
                        directions.push(reorders.map(|(_, close)| close));
                    }
                    b"tab" => paragraph.push(' '),
                    b"br" | b"cr" => paragraph.push('\n'),
                    b"tbl" if !empty => {
                        if tables.is_empty() {
                            let text = std::mem::take(&mut paragraph);
                            if !text.trim().is_empty() {
                                paragraphs += 1;
                                blocks.push(Block::Text { origin: Origin::Paragraph { paragraph: paragraphs }, text });
                            }
                        }
                        tables.push(Table::default());
                    }
                    b"gridBefore" => {
                        if let Some(t) = tables.last_mut() {
                            t.grid_before = number(e);
                        }
                    }
                    b"tr" if !empty => {
                        if let Some(t) = tables.last_mut() {
                            t.grid_before = 0;
                            t.cells.clear();
                        }
                    }
                    b"tc" if !empty => {
                        if let Some(t) = tables.last_mut() {
                            let grid_column = t.cells.last().map_or(t.grid_before, |c| c.grid_column + c.colspan);
                            t.cells.push(Cell { text: String::new(), grid_column, colspan: 1, merge: Merge::None });
                            cell_paragraphs.push(Vec::new());
                        }
                    }
                    b"gridSpan" => {
                        if let Some(c) = tables.last_mut().and_then(|t| t.cells.last_mut()) {
                            c.colspan = number(e);
                        }
                    }
                    b"vMerge" => {
                        if let Some(c) = tables.last_mut().and_then(|t| t.cells.last_mut()) {
                            c.merge =
                                if val(e).as_deref() == Some("restart") { Merge::Restart } else { Merge::Continue };
                        }
                    }
                    _ => {}
                }
            }
            Event::End(ref e) => {
                let name = local(e.name().as_ref()).to_vec();
                if ignored > 0 {
                    ignored -= 1;
                    continue;
                }
                match name.as_slice() {
                    b"t" => in_text = false,
                    b"r" => run = None,
                    b"bdo" | b"dir" => {
                        if let Some(Some(close)) = directions.pop() {
                            paragraph.push(close);
                        }
                    }
                    b"p" => {
                        let text = std::mem::take(&mut paragraph);
                        if let Some(cell) = cell_paragraphs.last_mut() {
                            cell.push(text);
                        } else if !text.trim().is_empty() {
                            paragraphs += 1;
                            let origin = Origin::Paragraph { paragraph: paragraphs };
                            if !matches!(blocks.last(), None | Some(Block::Blank { .. })) {
                                blocks.push(Block::Blank { origin });
                            }
                            blocks.push(Block::Text { origin, text: text.trim_end().to_string() });
                        }
                    }
                    b"tc" => {
                        let text = join(&cell_paragraphs.pop().unwrap_or_default());
                        if let Some(c) = tables.last_mut().and_then(|t| t.cells.last_mut()) {
                            c.text = text;
                        }
                    }
                    b"tr" => {
                        if let Some(t) = tables.last_mut() {
                            let cells = std::mem::take(&mut t.cells);
                            t.rows.push((t.grid_before, cells));
                        }
                    }
                    b"tbl" => {
                        let Some(table) = tables.pop() else { continue };
                        if tables.is_empty() {
                            table_count += 1;
                            if !matches!(blocks.last(), None | Some(Block::Blank { .. })) {
                                blocks.push(Block::Blank { origin: Origin::Row { table: table_count, row: 1 } });
                            }
                            blocks.push(Block::Table { rows: raw_rows(table, table_count) });
                        } else if let Some(cell) = cell_paragraphs.last_mut() {
                            // A table inside a cell: its text, row by row, as the cell's.
                            for (_, cells) in table.rows {
                                cell.push(cells.into_iter().map(|c| c.text).collect::<Vec<_>>().join(" "));
                            }
                        }
                    }
                    _ => {}
                }
            }
            // The text of a hidden run is not read.
            Event::Text(_) | Event::GeneralRef(_) | Event::CData(_) if run.is_some_and(|(hidden, _)| hidden) => {}
            Event::Text(ref t) if in_text && ignored == 0 => {
                let text = t.decode().map_err(|e| ImportError::NotAWordFile { reason: e.to_string() })?;
                if run.is_some_and(|(_, rtl)| rtl) {
                    paragraph.push('\u{202B}');
                    paragraph.push_str(&text);
                    paragraph.push('\u{202C}');
                } else {
                    paragraph.push_str(&text);
                }
            }
            Event::GeneralRef(ref r) if in_text && ignored == 0 => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    paragraph.push(c);
                } else {
                    let name = r.decode().unwrap_or_default();
                    paragraph.push_str(match name.as_ref() {
                        "amp" => "&",
                        "lt" => "<",
                        "gt" => ">",
                        "quot" => "\"",
                        "apos" => "'",
                        _ => "",
                    });
                }
            }
            Event::CData(ref t) if in_text && ignored == 0 => paragraph.push_str(&String::from_utf8_lossy(t)),
            _ => {}
        }
    }
    Ok(Source { blocks, ..Source::default() })
}

/// Read a .docx file: its main document part, bounded.
pub fn read(bytes: &[u8]) -> Result<Source, ImportError> {
    let not_word = |reason: String| ImportError::NotAWordFile { reason };
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| not_word(e.to_string()))?;
    let mut part = archive
        .by_name("word/document.xml")
        .map_err(|_| not_word("没有 word/document.xml (no word/document.xml: not a Word document)".to_string()))?;
    if part.size() > MAX_DOCUMENT_XML {
        return Err(ImportError::Expands { limit: MAX_DOCUMENT_XML as usize });
    }
    // The size in the zip's directory can lie: read one byte past the bound to know.
    let mut xml = Vec::new();
    (&mut part).take(MAX_DOCUMENT_XML + 1).read_to_end(&mut xml).map_err(|e| not_word(e.to_string()))?;
    if xml.len() as u64 > MAX_DOCUMENT_XML {
        return Err(ImportError::Expands { limit: MAX_DOCUMENT_XML as usize });
    }
    let xml = String::from_utf8(xml).map_err(|e| not_word(format!("word/document.xml: {e}")))?;
    read_document_xml(&xml)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table_dump(xml: &str) -> String {
        let body = format!(r#"<w:document xmlns:w="w"><w:body>{xml}</w:body></w:document>"#);
        read_document_xml(&body).unwrap().dump()
    }

    #[test]
    fn grid_spans_and_vertical_merges_become_spans() {
        let xml = r#"<w:tbl>
            <w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>三、本年度</w:t></w:r></w:p><w:p><w:r><w:t>办理结果</w:t></w:r></w:p></w:tc>
                  <w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>（一）予以公开</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>5</w:t></w:r></w:p></w:tc></w:tr>
            <w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>
                  <w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>（二）部分公开</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>　　</w:t></w:r></w:p></w:tc></w:tr>
        </w:tbl>"#;
        let dump = table_dump(xml);
        assert!(dump.contains("| 三、本年度办理结果{2×1} | （一）予以公开{1×2} | 5 |"), "{dump}");
        // A cell of full-width spaces is blank, as in the official template.
        assert!(dump.contains("| （二）部分公开{1×2} |  |"), "{dump}");
    }

    #[test]
    fn deleted_text_and_field_codes_are_not_read() {
        let xml = r#"<w:p><w:r><w:t xml:space="preserve">共 </w:t></w:r><w:del><w:r><w:delText>99</w:delText></w:r></w:del><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:t>81&amp;件</w:t></w:r></w:p>"#;
        assert_eq!(table_dump(xml).trim(), "共 81&件");
    }

    #[test]
    fn a_continue_with_nothing_open_is_a_cell_of_its_own() {
        let xml = r#"<w:tbl><w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#;
        assert!(table_dump(xml).contains("| a | 1 |"));
    }
}
