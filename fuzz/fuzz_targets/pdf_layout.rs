//! The PDF reader's layout: any page of characters and lines (made from the bytes: positions, sizes,
//! texts from the labels and figures of a report, rulings that may cross, overlap or be degenerate)
//! becomes the intermediate without a panic, every table's cells with spans of at least 1 that stay
//! inside their table.
#![no_main]
use disclosure_report::import::readers::pdf::{layout, Glyph, Page, Segment};
use disclosure_report::import::source::Block;
use libfuzzer_sys::fuzz_target;

const TEXTS: &[&str] = &["三", "、", "（四）", "1.", "无法提供", "26", "0", "3050", "- 4 -", "总计", "a", " ", "其他"];

fuzz_target!(|bytes: &[u8]| {
    let mut pages = Vec::new();
    let mut chunks = bytes.chunks_exact(6);
    for number in 1..=3 {
        let mut page = Page { number, width: 595.0, height: 842.0, ..Page::default() };
        for chunk in chunks.by_ref().take(200) {
            let x = f64::from(u16::from_le_bytes([chunk[0], chunk[1]])) / 64.0;
            let y = f64::from(u16::from_le_bytes([chunk[2], chunk[3]])) / 64.0;
            let kind = chunk[4];
            let extra = f64::from(chunk[5]);
            if kind & 1 == 0 {
                let size = 1.0 + extra / 8.0;
                let text = TEXTS[usize::from(kind >> 1) % TEXTS.len()].to_string();
                page.glyphs.push(Glyph { x, right: x + size, baseline: y, size, text });
            } else if kind & 2 == 0 {
                page.segments.push(Segment { x0: x, y0: y, x1: x + extra * 2.0, y1: y });
            } else {
                page.segments.push(Segment { x0: x, y0: y, x1: x, y1: y + extra * 2.0 });
            }
        }
        pages.push(page);
    }
    let source = layout::source(&pages);
    for block in &source.blocks {
        if let Block::Table { rows } = block {
            for row in rows {
                for cell in &row.cells {
                    assert!(cell.rowspan >= 1 && cell.colspan >= 1);
                }
            }
        }
    }
});
