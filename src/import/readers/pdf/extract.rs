//! The text of each page with its positions, and the lines drawn on it, from a PDF file: what
//! `pdf-extract` (on `lopdf`) interprets of the content streams, fonts and ToUnicode maps, turned
//! into the reader's page model (`Page`): top-down coordinates in points, one glyph per character.

use pdf_extract::{ColorSpace, MediaBox, OutputDev, OutputError, Path, PathOp, Transform};

use super::{Glyph, Page, Segment};

/// A page as it is drawn, collected from the interpreter's callbacks.
#[derive(Default)]
pub(super) struct Collector {
    pub page: Page,
}

impl Collector {
    /// Top-down y of a point of PDF user space (y up, origin at the bottom).
    fn flip(&self, y: f64) -> f64 {
        self.page.height - y
    }

    /// The axis-aligned segments a path draws: its straight lines when stroked, the edges of a
    /// rectangle when stroked, and a thin filled rectangle (a browser's border) as the line it is.
    fn path(&mut self, ctm: &Transform, path: &Path, stroked: bool) {
        let point = |x: f64, y: f64| (x * ctm.m11 + y * ctm.m21 + ctm.m31, x * ctm.m12 + y * ctm.m22 + ctm.m32);
        // The path's straight runs: a move or a curve starts a new one, a close ends one (back at
        // its start), a rectangle is one of its own.
        let mut runs: Vec<Vec<(f64, f64)>> = Vec::new();
        for op in &path.ops {
            match *op {
                PathOp::MoveTo(x, y) | PathOp::CurveTo(.., x, y) => runs.push(vec![point(x, y)]),
                PathOp::LineTo(x, y) => match runs.last_mut() {
                    Some(run) => run.push(point(x, y)),
                    None => runs.push(vec![point(x, y)]),
                },
                PathOp::Rect(x, y, w, h) => {
                    runs.push(vec![point(x, y), point(x + w, y), point(x + w, y + h), point(x, y + h)]);
                    runs.push(Vec::new());
                }
                PathOp::Close => {
                    if let Some(run) = runs.last_mut() {
                        if let Some(&first) = run.first() {
                            run.push(first);
                        }
                    }
                    runs.push(Vec::new());
                }
            }
        }
        for run in runs {
            let Some([(x0, y0), (x1, y1)]) = as_rectangle(&run) else {
                if stroked {
                    for w in run.windows(2) {
                        self.segment(w[0], w[1]);
                    }
                }
                continue;
            };
            let (w, h) = (x1 - x0, y1 - y0);
            if w.min(h) <= THIN {
                // A rule drawn as a thin filled (or stroked) rectangle: its centre line.
                if w >= h {
                    let y = (y0 + y1) / 2.0;
                    self.segment((x0, y), (x1, y));
                } else {
                    let x = (x0 + x1) / 2.0;
                    self.segment((x, y0), (x, y1));
                }
            } else if stroked {
                self.segment((x0, y0), (x1, y0));
                self.segment((x0, y1), (x1, y1));
                self.segment((x0, y0), (x0, y1));
                self.segment((x1, y0), (x1, y1));
            }
        }
    }

    /// Keep a segment if it is horizontal or vertical (a table's ruling), in top-down coordinates.
    fn segment(&mut self, (x0, y0): (f64, f64), (x1, y1): (f64, f64)) {
        let (y0, y1) = (self.flip(y0), self.flip(y1));
        if !(x0.is_finite() && x1.is_finite() && y0.is_finite() && y1.is_finite()) {
            return;
        }
        let horizontal = (y1 - y0).abs() <= STRAIGHT && (x1 - x0).abs() > STRAIGHT;
        let vertical = (x1 - x0).abs() <= STRAIGHT && (y1 - y0).abs() > STRAIGHT;
        if horizontal || vertical {
            self.page.segments.push(Segment { x0: x0.min(x1), y0: y0.min(y1), x1: x0.max(x1), y1: y0.max(y1) });
        }
    }
}

/// The character a reader sees: a font's ToUnicode map often names a radical (⼈ U+2F08, ⺠ U+2EA0,
/// ⻔ U+2ED4) or a compatibility ideograph for a glyph that is drawn, and meant, as the ordinary
/// character (人, 民, 门); those are taken to it: the CJK Radicals Supplement by Unicode's
/// EquivalentUnifiedIdeograph data, the Kangxi radicals and compatibility ideographs by NFKC. Any
/// other character (a full-width figure among them) stays as printed, for the value parser to judge.
fn seen(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if let Ok(i) = RADICAL_SUPPLEMENT.binary_search_by_key(&c, |&(radical, _)| radical) {
            out.push(RADICAL_SUPPLEMENT[i].1);
        } else if matches!(c, '\u{2F00}'..='\u{2FDF}' | '\u{F900}'..='\u{FAFF}' | '\u{2F800}'..='\u{2FA1F}') {
            out.extend(std::iter::once(c).nfkc());
        } else {
            out.push(c);
        }
    }
    out
}

/// Unicode's EquivalentUnifiedIdeograph.txt for the CJK Radicals Supplement (U+2E81 to U+2EF3; U+2E80
/// has none), sorted by the radical.
const RADICAL_SUPPLEMENT: &[(char, char)] = &[
    ('\u{2E81}', '\u{5382}'),
    ('\u{2E82}', '\u{4E5B}'),
    ('\u{2E83}', '\u{4E5A}'),
    ('\u{2E84}', '\u{4E59}'),
    ('\u{2E85}', '\u{4EBB}'),
    ('\u{2E86}', '\u{5182}'),
    ('\u{2E87}', '\u{20628}'),
    ('\u{2E88}', '\u{5200}'),
    ('\u{2E89}', '\u{5202}'),
    ('\u{2E8A}', '\u{535C}'),
    ('\u{2E8B}', '\u{353E}'),
    ('\u{2E8C}', '\u{5C0F}'),
    ('\u{2E8D}', '\u{5C0F}'),
    ('\u{2E8E}', '\u{5140}'),
    ('\u{2E8F}', '\u{5C23}'),
    ('\u{2E90}', '\u{5C22}'),
    ('\u{2E91}', '\u{21BC2}'),
    ('\u{2E92}', '\u{5DF3}'),
    ('\u{2E93}', '\u{5E7A}'),
    ('\u{2E94}', '\u{5F51}'),
    ('\u{2E95}', '\u{2B739}'),
    ('\u{2E96}', '\u{5FC4}'),
    ('\u{2E97}', '\u{5FC3}'),
    ('\u{2E98}', '\u{624C}'),
    ('\u{2E99}', '\u{6535}'),
    ('\u{2E9B}', '\u{65E1}'),
    ('\u{2E9C}', '\u{65E5}'),
    ('\u{2E9D}', '\u{6708}'),
    ('\u{2E9E}', '\u{6B7A}'),
    ('\u{2E9F}', '\u{6BCD}'),
    ('\u{2EA0}', '\u{6C11}'),
    ('\u{2EA1}', '\u{6C35}'),
    ('\u{2EA2}', '\u{6C3A}'),
    ('\u{2EA3}', '\u{706C}'),
    ('\u{2EA4}', '\u{722B}'),
    ('\u{2EA5}', '\u{722B}'),
    ('\u{2EA6}', '\u{4E2C}'),
    ('\u{2EA7}', '\u{725B}'),
    ('\u{2EA8}', '\u{72AD}'),
    ('\u{2EA9}', '\u{738B}'),
    ('\u{2EAA}', '\u{24D14}'),
    ('\u{2EAB}', '\u{76EE}'),
    ('\u{2EAC}', '\u{793A}'),
    ('\u{2EAD}', '\u{793B}'),
    ('\u{2EAE}', '\u{25AD7}'),
    ('\u{2EAF}', '\u{7CF9}'),
    ('\u{2EB0}', '\u{7E9F}'),
    ('\u{2EB1}', '\u{7F53}'),
    ('\u{2EB2}', '\u{7F52}'),
    ('\u{2EB3}', '\u{34C1}'),
    ('\u{2EB4}', '\u{5197}'),
    ('\u{2EB5}', '\u{2626B}'),
    ('\u{2EB6}', '\u{7F8A}'),
    ('\u{2EB7}', '\u{2634C}'),
    ('\u{2EB8}', '\u{2634B}'),
    ('\u{2EB9}', '\u{8002}'),
    ('\u{2EBA}', '\u{8080}'),
    ('\u{2EBB}', '\u{807F}'),
    ('\u{2EBC}', '\u{8089}'),
    ('\u{2EBD}', '\u{26951}'),
    ('\u{2EBE}', '\u{8279}'),
    ('\u{2EBF}', '\u{8279}'),
    ('\u{2EC0}', '\u{8279}'),
    ('\u{2EC1}', '\u{864E}'),
    ('\u{2EC2}', '\u{8864}'),
    ('\u{2EC3}', '\u{8980}'),
    ('\u{2EC4}', '\u{897F}'),
    ('\u{2EC5}', '\u{89C1}'),
    ('\u{2EC6}', '\u{89D2}'),
    ('\u{2EC7}', '\u{278B2}'),
    ('\u{2EC8}', '\u{8BA0}'),
    ('\u{2EC9}', '\u{8D1D}'),
    ('\u{2ECA}', '\u{27FB7}'),
    ('\u{2ECB}', '\u{8F66}'),
    ('\u{2ECC}', '\u{8FB6}'),
    ('\u{2ECD}', '\u{8FB6}'),
    ('\u{2ECE}', '\u{8FB6}'),
    ('\u{2ECF}', '\u{9091}'),
    ('\u{2ED0}', '\u{9485}'),
    ('\u{2ED1}', '\u{9577}'),
    ('\u{2ED2}', '\u{9578}'),
    ('\u{2ED3}', '\u{957F}'),
    ('\u{2ED4}', '\u{95E8}'),
    ('\u{2ED5}', '\u{28E0F}'),
    ('\u{2ED6}', '\u{961D}'),
    ('\u{2ED7}', '\u{96E8}'),
    ('\u{2ED8}', '\u{9752}'),
    ('\u{2ED9}', '\u{97E6}'),
    ('\u{2EDA}', '\u{9875}'),
    ('\u{2EDB}', '\u{98CE}'),
    ('\u{2EDC}', '\u{98DE}'),
    ('\u{2EDD}', '\u{98DF}'),
    ('\u{2EDE}', '\u{2967F}'),
    ('\u{2EDF}', '\u{98E0}'),
    ('\u{2EE0}', '\u{9963}'),
    ('\u{2EE1}', '\u{29810}'),
    ('\u{2EE2}', '\u{9A6C}'),
    ('\u{2EE3}', '\u{9AA8}'),
    ('\u{2EE4}', '\u{9B3C}'),
    ('\u{2EE5}', '\u{9C7C}'),
    ('\u{2EE6}', '\u{9E1F}'),
    ('\u{2EE7}', '\u{5364}'),
    ('\u{2EE8}', '\u{9EA6}'),
    ('\u{2EE9}', '\u{9EC4}'),
    ('\u{2EEA}', '\u{9EFE}'),
    ('\u{2EEB}', '\u{6589}'),
    ('\u{2EEC}', '\u{9F50}'),
    ('\u{2EED}', '\u{6B6F}'),
    ('\u{2EEE}', '\u{9F7F}'),
    ('\u{2EEF}', '\u{7ADC}'),
    ('\u{2EF0}', '\u{9F99}'),
    ('\u{2EF1}', '\u{9F9C}'),
    ('\u{2EF2}', '\u{4E80}'),
    ('\u{2EF3}', '\u{9F9F}'),
];

/// How far from straight a ruling may be (points).
const STRAIGHT: f64 = 1.0;
/// A filled rectangle this thin (points) is a line.
const THIN: f64 = 3.0;

/// The two corners of a closed path that is an axis-aligned rectangle (four corners, maybe closed).
fn as_rectangle(points: &[(f64, f64)]) -> Option<[(f64, f64); 2]> {
    let mut p: Vec<(f64, f64)> = points.to_vec();
    if p.len() == 5 && close(p[0], p[4]) {
        p.pop();
    }
    if p.len() != 4 {
        return None;
    }
    let axis = |a: (f64, f64), b: (f64, f64)| (a.0 - b.0).abs() <= STRAIGHT || (a.1 - b.1).abs() <= STRAIGHT;
    if (0..4).all(|i| axis(p[i], p[(i + 1) % 4])) {
        let xs = p.iter().map(|q| q.0);
        let ys = p.iter().map(|q| q.1);
        let (x0, x1) = (xs.clone().fold(f64::MAX, f64::min), xs.fold(f64::MIN, f64::max));
        let (y0, y1) = (ys.clone().fold(f64::MAX, f64::min), ys.fold(f64::MIN, f64::max));
        return Some([(x0, y0), (x1, y1)]);
    }
    None
}

fn close(a: (f64, f64), b: (f64, f64)) -> bool {
    (a.0 - b.0).abs() <= STRAIGHT && (a.1 - b.1).abs() <= STRAIGHT
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        number: u32,
        media: &MediaBox,
        _: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.page = Page {
            number: number as usize,
            width: (media.urx - media.llx).abs(),
            height: (media.ury - media.lly).abs(),
            ..Page::default()
        };
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        if text.chars().all(char::is_whitespace) {
            return Ok(());
        }
        let text = seen(text);
        // The glyph's advance and height in page space: the text rendering matrix scales the
        // font's units (the size is outside it).
        let advance = (width * font_size * trm.m11, width * font_size * trm.m12);
        let rise = (font_size * trm.m21, font_size * trm.m22);
        let size = (rise.0 * rise.0 + rise.1 * rise.1).sqrt();
        let (x, baseline) = (trm.m31, self.flip(trm.m32));
        if !(x.is_finite() && baseline.is_finite() && size.is_finite()) || size <= 0.0 {
            return Ok(());
        }
        let advance = (advance.0 * advance.0 + advance.1 * advance.1).sqrt();
        self.page.glyphs.push(Glyph {
            x,
            right: x + if advance.is_finite() && advance > 0.0 { advance } else { size },
            baseline,
            size,
            text,
        });
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn stroke(&mut self, ctm: &Transform, _: &ColorSpace, _: &[f64], path: &Path) -> Result<(), OutputError> {
        self.path(ctm, path, true);
        Ok(())
    }

    fn fill(&mut self, ctm: &Transform, _: &ColorSpace, _: &[f64], path: &Path) -> Result<(), OutputError> {
        self.path(ctm, path, false);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn radicals_read_as_the_characters_they_are_drawn_for() {
        assert_eq!(seen("淮安市人\u{2EA0}政府\u{2F00}\u{2ED4}户"), "淮安市人民政府一门户");
        assert!(RADICAL_SUPPLEMENT.windows(2).all(|w| w[0].0 < w[1].0));
        // A full-width figure is what the value parser judges, not this.
        assert_eq!(seen("１２"), "１２");
    }
}
