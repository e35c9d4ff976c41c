//! PDF: the report as most agencies publish it. A PDF has no tables, only characters placed on a
//! page and lines drawn beside them; the tables are rebuilt from those positions.
//!
//! - `extract`: each page's characters with their positions and its straight lines, read by
//!   `pdf-extract` (content streams, embedded subset fonts, ToUnicode maps) on `lopdf`;
//! - `layout`: the page model to the one intermediate (`Source`): ruled tables rebuilt cell by cell
//!   from their lines (merged cells from the lines that are missing), tables continued over a page
//!   break joined, the text around them as paragraphs, page numbers dropped.
//!
//! The page model is plain data, so the layout is tested on pages made in the test as well as on
//! real files.

#[cfg(feature = "pdf")]
mod extract;
pub mod layout;

use serde::Serialize;

#[cfg(feature = "pdf")]
use super::super::source::Source;
#[cfg(feature = "pdf")]
use super::super::ImportError;

/// One character as printed: where its box starts and ends along the line, its baseline (top-down,
/// points from the top of the page) and its size.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Glyph {
    pub x: f64,
    pub right: f64,
    pub baseline: f64,
    pub size: f64,
    pub text: String,
}

impl Glyph {
    /// The middle of the glyph's box (a CJK glyph sits mostly above its baseline).
    pub fn centre(&self) -> (f64, f64) {
        ((self.x + self.right) / 2.0, self.baseline - 0.35 * self.size)
    }
}

/// A straight horizontal or vertical line drawn on the page (top-down, `x0 <= x1`, `y0 <= y1`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Segment {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Segment {
    pub fn horizontal(&self) -> bool {
        self.x1 - self.x0 >= self.y1 - self.y0
    }
}

/// One page: its size in points, its characters and its lines.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Page {
    /// 1-based.
    pub number: usize,
    pub width: f64,
    pub height: f64,
    pub glyphs: Vec<Glyph>,
    pub segments: Vec<Segment>,
}

#[cfg(feature = "pdf")]
/// The most pages read (an annual report has five to forty).
pub const MAX_PAGES: usize = 500;

#[cfg(feature = "pdf")]
/// Read a PDF into the intermediate.
pub fn read(bytes: &[u8]) -> Result<Source, ImportError> {
    let pages = pages(bytes)?;
    if pages.iter().all(|p| p.glyphs.is_empty()) {
        return Err(ImportError::NoTextLayer { pages: pages.len() });
    }
    Ok(layout::source(&pages))
}

#[cfg(feature = "pdf")]
/// Every page's characters and lines.
pub fn pages(bytes: &[u8]) -> Result<Vec<Page>, ImportError> {
    let mut doc = pdf_extract::Document::load_mem(bytes).map_err(|e| ImportError::NotAPdf { reason: e.to_string() })?;
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        // Opened with no password (a PDF only restricted from printing or copying opens so);
        // one that needs a password to be read cannot be checked.
        return Err(ImportError::Encrypted);
    }
    let numbers: Vec<u32> = doc.get_pages().keys().copied().collect();
    if numbers.len() > MAX_PAGES {
        return Err(ImportError::TooManyPages { pages: numbers.len(), limit: MAX_PAGES });
    }
    let mut pages = Vec::with_capacity(numbers.len());
    for number in numbers {
        pages.push(page(&doc, number));
    }
    Ok(pages)
}

#[cfg(feature = "pdf")]
/// One page; a page the interpreter cannot read comes back empty (its tables are then not found,
/// which the coverage says), so the rest of the file is still read.
fn page(doc: &pdf_extract::Document, number: u32) -> Page {
    let run = || {
        let mut collector = extract::Collector::default();
        let read = pdf_extract::output_doc_page(doc, &mut collector, number);
        (read, collector.page)
    };
    #[cfg(not(target_arch = "wasm32"))]
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)).ok();
    #[cfg(target_arch = "wasm32")]
    let outcome = Some(run());
    match outcome {
        Some((Ok(()), page)) => page,
        _ => Page { number: number as usize, ..Page::default() },
    }
}
