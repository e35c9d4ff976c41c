//! From positioned characters and drawn lines to the intermediate: tables rebuilt from their
//! rulings, the text around them as lines and paragraphs, in reading order.
//!
//! - **Ruled tables.** The straight lines that touch one another make one table. Its column and
//!   row boundaries are where its vertical and horizontal lines are; two neighbouring slots are
//!   one cell where the line between them is not drawn (a merged cell). Each character goes to the
//!   cell its middle falls in, so a label wrapped over three lines, or written one character per
//!   line beside its rows, is one cell's text, and a baseline is never taken for a row.
//! - **Over a page break.** A table that ends a page and one that starts the next, with the same
//!   outer edges and nothing between them but the page number, are one table: a header row the
//!   second repeats is dropped, and a label cell cut by the break is joined again.
//! - **Tables without rulings.** A line whose text falls into several far-apart runs, at least two
//!   of them figures, is read as a table row cell by run; what does not line up is left to
//!   placement, which does not trust what it cannot place.
//! - **Text.** Characters outside tables make lines by their baselines; a page number or a header
//!   repeated on every page is dropped; lines that run on (the first full to the right margin, the
//!   next not indented) are joined into paragraphs, over a page break too.

use super::{Glyph, Page, Segment};
use crate::import::grid::figure as is_figure;
use crate::import::source::{Block, Hints, Origin, RawCell, RawRow, Source};

/// Two rulings, or a ruling and a cell edge, this close (points) are one.
const TOL: f64 = 2.0;
/// Rulings closer than this (points) bound no row or column (a rule drawn twice, a double border).
const SLIVER: f64 = 3.0;
/// The most lines of one page looked at (a ruled table page draws about a hundred; a page drawing
/// thousands is a picture): joining them is quadratic, so this bounds a page's time.
const MAX_SEGMENTS: usize = 2000;

/// The intermediate of a document's pages.
pub fn source(pages: &[Page]) -> Source {
    // Each page's tables, and its lines of text outside them.
    let read: Vec<(Vec<Table>, Vec<Line>)> = pages
        .iter()
        .map(|page| {
            let tables = tables(page);
            let outside: Vec<&Glyph> = page
                .glyphs
                .iter()
                .filter(|g| {
                    let (cx, cy) = g.centre();
                    !tables.iter().any(|t| t.contains(cx, cy))
                })
                .collect();
            let lines = lines(&outside, page);
            (tables, lines)
        })
        .collect();
    let furniture = repeated_furniture(pages.iter().zip(read.iter().map(|(_, lines)| lines.as_slice())));
    let mut items: Vec<Item> = Vec::new();
    for (page, (tables, lines)) in pages.iter().zip(read) {
        let mut page_items: Vec<(f64, Item)> = tables.into_iter().map(|t| (t.top, Item::Table(t))).collect();
        for line in lines {
            if !is_furniture(&line, page, &furniture) {
                page_items.push((line.baseline - line.size, Item::Line(line)));
            }
        }
        page_items.sort_by(|a, b| a.0.total_cmp(&b.0));
        items.extend(page_items.into_iter().map(|(_, item)| item));
    }
    assemble(join_continued_tables(items))
}

/// What a page holds, in reading order.
#[derive(Debug)]
enum Item {
    Table(Table),
    Line(Line),
}

/// A line of text outside the ruled tables.
#[derive(Debug, Clone)]
struct Line {
    page: usize,
    /// Its runs of characters, split where the gap is wider than one and a half characters.
    runs: Vec<String>,
    /// The text as read (runs joined by a space).
    text: String,
    x: f64,
    right: f64,
    baseline: f64,
    size: f64,
}

/// One cell of a ruled table: the rows it spans (indexes into its table's rows) and its left and
/// right edges.
#[derive(Debug, Clone)]
struct Cell {
    row: usize,
    rowspan: usize,
    x0: f64,
    x1: f64,
    text: String,
}

/// A ruled table, on one page or continued over several.
#[derive(Debug)]
struct Table {
    /// The page each row is printed on.
    pages: Vec<usize>,
    cells: Vec<Cell>,
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
    /// The page height of its last page (whether it ends at the foot of the page).
    page_height: f64,
    /// Per row: whether part of it could not be read (`RawRow::cut`).
    cut: Vec<bool>,
}

impl Table {
    fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.left - TOL && x <= self.right + TOL && y >= self.top - TOL && y <= self.bottom + TOL
    }

    fn rows(&self) -> usize {
        self.pages.len()
    }

    /// Drop empty rows at the foot (a sliver between two rules drawn close together at a page's
    /// foot), so that the row a page break cut is the last row.
    fn trim_empty_rows(&mut self) {
        while self.rows() > 1 {
            let last = self.rows() - 1;
            if self.cells.iter().any(|c| c.row == last && !c.text.trim().is_empty()) {
                return;
            }
            self.cells.retain(|c| c.row != last);
            for c in &mut self.cells {
                if c.row + c.rowspan > last {
                    c.rowspan = last - c.row;
                }
            }
            self.pages.pop();
            self.cut.pop();
        }
    }

    /// The cell that ends at row `last` with the edges `x0`..`x1` (the cell above a break).
    fn ending_at(&mut self, last: usize, x0: f64, x1: f64) -> Option<&mut Cell> {
        self.cells
            .iter_mut()
            .find(|c| c.row + c.rowspan - 1 == last && (c.x0 - x0).abs() <= TOL && (c.x1 - x1).abs() <= TOL)
    }

    /// The cells of one row, by their left edge.
    fn row_cells(&self, row: usize) -> Vec<&Cell> {
        let mut cells: Vec<&Cell> = self.cells.iter().filter(|c| c.row == row).collect();
        cells.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        cells
    }
}

/// Values within `TOL` of each other as one (their mean), sorted.
fn cluster(values: Vec<f64>) -> Vec<f64> {
    cluster_within(values, TOL)
}

/// Values within `within` of the previous one as one (their mean), sorted.
fn cluster_within(mut values: Vec<f64>, within: f64) -> Vec<f64> {
    values.sort_by(f64::total_cmp);
    let mut out: Vec<(f64, usize)> = Vec::new();
    for v in values {
        match out.last_mut() {
            Some((sum, n)) if v - *sum / *n as f64 <= within => {
                *sum += v;
                *n += 1;
            }
            _ => out.push((v, 1)),
        }
    }
    out.into_iter().map(|(sum, n)| sum / n as f64).collect()
}

/// Whether two lines touch (cross, meet at a corner, or continue one another).
fn touch(a: &Segment, b: &Segment) -> bool {
    a.x0 <= b.x1 + TOL && b.x0 <= a.x1 + TOL && a.y0 <= b.y1 + TOL && b.y0 <= a.y1 + TOL
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// The ruled tables of a page, top to bottom.
fn tables(page: &Page) -> Vec<Table> {
    let segments = &page.segments[..page.segments.len().min(MAX_SEGMENTS)];
    let n = segments.len();
    let mut parent: Vec<usize> = (0..n).collect();
    for i in 0..n {
        for j in i + 1..n {
            if touch(&segments[i], &segments[j]) {
                let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                if a != b {
                    parent[a] = b;
                }
            }
        }
    }
    let mut groups: std::collections::BTreeMap<usize, Vec<Segment>> = Default::default();
    for (i, segment) in segments.iter().enumerate() {
        let root = find(&mut parent, i);
        groups.entry(root).or_default().push(*segment);
    }
    let mut out: Vec<Table> = groups.into_values().filter_map(|group| lattice(page, &group)).collect();
    out.sort_by(|a, b| a.top.total_cmp(&b.top));
    out
}

/// One table from the lines that make it, with the page's characters in its cells; `None` for
/// lines that enclose no cell (an underline, a rule under a heading, a box around one word).
fn lattice(page: &Page, group: &[Segment]) -> Option<Table> {
    let (h, v): (Vec<Segment>, Vec<Segment>) = group.iter().partition(|s| s.horizontal());
    let mut ys = cluster_within(h.iter().map(|s| s.y0).collect(), SLIVER);
    let mut xs = cluster_within(v.iter().map(|s| s.x0).collect(), SLIVER);
    if ys.len() < 2 || xs.len() < 2 {
        return None;
    }
    // A table drawn without its outer side lines (its rows ruled past the last column line) ends
    // where its rules end.
    open_side(&mut xs, h.iter().map(|s| (s.x0, s.x1)));
    open_side(&mut ys, v.iter().map(|s| (s.y0, s.y1)));
    let (nr, nc) = (ys.len() - 1, xs.len() - 1);
    let has_v = |k: usize, r: usize| {
        let mid = (ys[r] + ys[r + 1]) / 2.0;
        v.iter().any(|s| (s.x0 - xs[k]).abs() <= SLIVER && s.y0 <= mid && s.y1 >= mid)
    };
    let has_h = |k: usize, c: usize| {
        let mid = (xs[c] + xs[c + 1]) / 2.0;
        h.iter().any(|s| (s.y0 - ys[k]).abs() <= SLIVER && s.x0 <= mid && s.x1 >= mid)
    };
    // Each slot's cell: a slot joins the one to its left where no line divides them, and the one
    // above likewise (a merged cell is a rectangle of slots with no line inside it).
    let mut owner: Vec<Option<usize>> = vec![None; nr * nc];
    let mut spans: Vec<(usize, usize, usize, usize)> = Vec::new();
    for r in 0..nr {
        for c in 0..nc {
            if owner[r * nc + c].is_some() {
                continue;
            }
            let mut cs = 1;
            while c + cs < nc && !has_v(c + cs, r) && owner[r * nc + c + cs].is_none() {
                cs += 1;
            }
            let mut rs = 1;
            while r + rs < nr && (c..c + cs).all(|cc| !has_h(r + rs, cc) && owner[(r + rs) * nc + cc].is_none()) {
                rs += 1;
            }
            let id = spans.len();
            for rr in r..r + rs {
                for cc in c..c + cs {
                    owner[rr * nc + cc] = Some(id);
                }
            }
            spans.push((r, c, rs, cs));
        }
    }
    // A region with no inner line at all is a box, not a table.
    if spans.len() < 2 {
        return None;
    }
    let mut glyphs: Vec<Vec<&Glyph>> = vec![Vec::new(); spans.len()];
    for g in &page.glyphs {
        let (cx, cy) = g.centre();
        if cx < xs[0] || cx > xs[nc] || cy < ys[0] || cy > ys[nr] {
            continue;
        }
        let (c, r) = (band(&xs, cx), band(&ys, cy));
        if let Some(id) = owner[r * nc + c] {
            glyphs[id].push(g);
        }
    }
    let cells = spans
        .iter()
        .zip(glyphs)
        .map(|(&(r, c, rs, cs), g)| Cell { row: r, rowspan: rs, x0: xs[c], x1: xs[c + cs], text: cell_text(g) })
        .collect();
    Some(Table {
        pages: vec![page.number; nr],
        cut: cut_rows(page, &xs, &ys),
        cells,
        left: xs[0],
        right: xs[nc],
        top: ys[0],
        bottom: ys[nr],
        page_height: page.height,
    })
}

/// Which of the bands between sorted `bounds` a coordinate falls in (the first or last for one
/// just outside).
fn band(bounds: &[f64], v: f64) -> usize {
    bounds.partition_point(|&b| b <= v).clamp(1, bounds.len() - 1) - 1
}

/// Extend the outer boundaries to where the rules of the other direction end, if they run on past
/// the outermost line of this direction by more than a little.
fn open_side(bounds: &mut Vec<f64>, rules: impl Iterator<Item = (f64, f64)>) {
    let (low, high) = rules.fold((f64::MAX, f64::MIN), |(lo, hi), (a, b)| (lo.min(a), hi.max(b)));
    if let (Some(&first), Some(&last)) = (bounds.first(), bounds.last()) {
        if low < first - 3.0 * TOL {
            bounds.insert(0, low);
        }
        if high > last + 3.0 * TOL {
            bounds.push(high);
        }
    }
}

/// The rows of a table that cannot be read whole: all of them when the table reaches the edge of
/// the page (a renderer cuts what lies beyond, and the table with it), and each row with text beside
/// it that spills out of the table or off the page.
fn cut_rows(page: &Page, xs: &[f64], ys: &[f64]) -> Vec<bool> {
    let (left, right) = (xs[0], xs[xs.len() - 1]);
    let edge = 1.0;
    let whole = page.width > 0.0
        && (left <= edge || right >= page.width - edge || ys[0] <= edge || ys[ys.len() - 1] >= page.height - edge);
    let mut cut = vec![whole; ys.len() - 1];
    for g in &page.glyphs {
        let (cx, cy) = g.centre();
        if cy < ys[0] || cy > ys[ys.len() - 1] {
            continue;
        }
        let outside = cx < left || cx > right;
        let beside = (g.right > left - g.size && cx < left) || (g.x < right + g.size && cx > right);
        let off_page = page.width > 0.0 && (g.right > page.width || g.x < 0.0);
        if outside && (beside || off_page) {
            cut[band(ys, cy)] = true;
        }
    }
    cut
}

/// Whether a character is written without spaces around it (Chinese, and its punctuation).
fn is_wide(c: char) -> bool {
    !c.is_ascii() && !matches!(c, '\u{00A0}'..='\u{02FF}')
}

/// Characters grouped into lines by their baselines, top to bottom, each left to right.
fn baseline_groups(mut glyphs: Vec<&Glyph>) -> Vec<Vec<&Glyph>> {
    glyphs.sort_by(|a, b| a.baseline.total_cmp(&b.baseline).then(a.x.total_cmp(&b.x)));
    let mut lines: Vec<Vec<&Glyph>> = Vec::new();
    for g in glyphs {
        match lines.last_mut() {
            Some(line) if g.baseline - line[0].baseline <= 0.4 * line[0].size.max(g.size) => line.push(g),
            _ => lines.push(vec![g]),
        }
    }
    for line in &mut lines {
        line.sort_by(|a, b| a.x.total_cmp(&b.x));
    }
    lines
}

/// Append `next` to `text`, with a space only between two Latin letters or figures.
fn join_into(text: &mut String, next: &str) {
    let before = text.chars().next_back();
    let after = next.chars().next();
    if let (Some(b), Some(a)) = (before, after) {
        if !is_wide(b) && !is_wide(a) && !b.is_whitespace() {
            text.push(' ');
        }
    }
    text.push_str(next);
}

/// The runs of one line: characters closer than `gap` times their size joined (a space where the
/// gap is wider than a fifth of a character between Latin letters or figures), a new run past it.
fn runs(line: &[&Glyph], gap: f64) -> Vec<String> {
    let mut runs: Vec<String> = Vec::new();
    let mut last: Option<&Glyph> = None;
    for g in line {
        match last {
            Some(p) if g.x - p.right > gap * p.size.max(g.size) => runs.push(g.text.clone()),
            Some(p) => {
                let run = runs.last_mut().expect("a run is open");
                let spaced = g.x - p.right > 0.2 * p.size.max(g.size);
                // A gap between Chinese and a figure is typesetting (2019 年), not a space in the text.
                if spaced && !run.chars().next_back().is_some_and(is_wide) && !g.text.starts_with(is_wide) {
                    run.push(' ');
                }
                run.push_str(&g.text);
            }
            None => runs.push(g.text.clone()),
        }
        last = Some(g);
    }
    runs
}

/// A cell's text: its lines top to bottom, joined without a break (a wrapped label, or one written
/// a character per line, is one label; a figure wrapped in a narrow column, 311 over 9, is 3119).
fn cell_text(glyphs: Vec<&Glyph>) -> String {
    let mut text = String::new();
    for line in baseline_groups(glyphs) {
        for run in runs(&line, f64::INFINITY) {
            let wrapped_figure =
                text.ends_with(|c: char| c.is_ascii_digit()) && run.starts_with(|c: char| c.is_ascii_digit());
            if wrapped_figure {
                text.push_str(&run);
            } else {
                join_into(&mut text, &run);
            }
        }
    }
    text
}

/// The lines of text of a page outside its tables.
fn lines(glyphs: &[&Glyph], page: &Page) -> Vec<Line> {
    baseline_groups(glyphs.to_vec())
        .into_iter()
        .map(|line| {
            let runs = runs(&line, 1.5);
            let size = line.iter().map(|g| g.size).fold(0.0, f64::max);
            Line {
                page: page.number,
                text: runs.join(" "),
                runs,
                x: line[0].x,
                right: line.iter().map(|g| g.right).fold(f64::MIN, f64::max),
                baseline: line[0].baseline,
                size,
            }
        })
        .collect()
}

/// A page number as printed: `5`, `- 5 -`, `— 5 —`, `第 5 页`, `5 / 12`.
fn is_page_number(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let t = t.trim_matches(|c| matches!(c, '-' | '—' | '–' | '－' | '·' | '•'));
    let t = t.strip_prefix('第').and_then(|t| t.strip_suffix('页')).unwrap_or(t);
    let mut parts = t.splitn(2, ['/', '／']);
    let digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit());
    match (parts.next(), parts.next()) {
        (Some(a), None) => digits(a),
        (Some(a), Some(b)) => digits(a) && digits(b),
        _ => false,
    }
}

/// Whether a line is in a page's top or bottom margin.
fn in_margin(line: &Line, page: &Page) -> bool {
    page.height > 0.0 && (line.baseline < 0.1 * page.height || line.baseline > 0.88 * page.height)
}

/// Lines in the margins printed alike on three pages or more (a running header or footer), by their
/// text with the figures taken out.
fn repeated_furniture<'a>(pages: impl Iterator<Item = (&'a Page, &'a [Line])>) -> Vec<String> {
    let mut seen: std::collections::BTreeMap<String, usize> = Default::default();
    for (page, lines) in pages {
        let mut on_page: Vec<String> = lines
            .iter()
            .filter(|l| in_margin(l, page))
            .map(|l| furniture_key(&l.text))
            .filter(|k| !k.is_empty())
            .collect();
        on_page.dedup();
        for key in on_page {
            *seen.entry(key).or_default() += 1;
        }
    }
    seen.into_iter().filter(|(_, n)| *n >= 3).map(|(k, _)| k).collect()
}

fn furniture_key(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace() && !c.is_ascii_digit()).collect()
}

fn is_furniture(line: &Line, page: &Page, repeated: &[String]) -> bool {
    in_margin(line, page) && (is_page_number(&line.text) || repeated.contains(&furniture_key(&line.text)))
}

/// Whether a label starts a new item (（四）…, 三、…, 2.…), so it does not continue the one above.
fn starts_item(text: &str) -> bool {
    let t = text.trim_start();
    let numeral = |c: char| "一二三四五六七八九十".contains(c);
    let mut chars = t.chars();
    match chars.next() {
        Some('（' | '(') => chars.next().is_some_and(|c| numeral(c) || c.is_ascii_digit()),
        Some(c) if numeral(c) => t.chars().find(|&c| !numeral(c)) == Some('、'),
        Some(c) if c.is_ascii_digit() => {
            matches!(t.chars().find(|c| !c.is_ascii_digit()), Some('.' | '．' | '、'))
        }
        _ => false,
    }
}

/// Join each table that runs on over a page break with its continuation.
fn join_continued_tables(items: Vec<Item>) -> Vec<Item> {
    let mut out: Vec<Item> = Vec::with_capacity(items.len());
    for item in items {
        if let (Some(Item::Table(first)), Item::Table(next)) = (out.last_mut(), &item) {
            let first_page = *first.pages.last().expect("a table has rows");
            let next_page = next.pages[0];
            let same_edges =
                (first.left - next.left).abs() <= 2.0 * TOL && (first.right - next.right).abs() <= 2.0 * TOL;
            // The first reaches the last quarter of its page and the second starts in the first.
            let ends_low = first.bottom > 0.75 * first.page_height;
            let starts_high = next.top < 0.25 * first.page_height.max(1.0);
            if next_page == first_page + 1 && same_edges && ends_low && starts_high {
                let Item::Table(next) = item else { unreachable!() };
                continue_table(first, next);
                continue;
            }
        }
        out.push(item);
    }
    out
}

/// Append `next` to `first`: a repeated header dropped, label cells the break cut joined.
fn continue_table(first: &mut Table, mut next: Table) {
    // A header the continuation repeats: its first rows read as the first's first rows.
    let texts = |t: &Table, row: usize| -> Vec<String> { t.row_cells(row).iter().map(|c| c.text.clone()).collect() };
    let mut repeated = 0;
    while repeated < 3
        && repeated < next.rows()
        && repeated < first.rows()
        && texts(&next, repeated) == texts(first, repeated)
        && texts(&next, repeated).iter().any(|t| !t.is_empty() && !is_figure(t))
    {
        repeated += 1;
    }
    if repeated > 0 {
        next.cells.retain(|c| c.row >= repeated);
        for c in &mut next.cells {
            c.row -= repeated;
        }
        next.pages.drain(..repeated);
        next.cut.drain(..repeated);
    }
    first.trim_empty_rows();
    let last = first.rows() - 1;
    // A row the break cut in two (a word processor lets a row run over the page): the continuation
    // has no row label of its own (its label cell nearest the figures is empty). Its cells are put
    // back into the row above; a figure cut so is not a reading to trust (`305` above the break and
    // `0` below it may be 3050), so the row is cut.
    let figures_from =
        first.row_cells(last).iter().filter(|c| is_figure(&c.text)).map(|c| c.x0).fold(f64::MAX, f64::min);
    let own_label = next
        .row_cells(0)
        .into_iter()
        .filter(|c| c.x1 <= figures_from + TOL)
        .max_by(|a, b| a.x1.total_cmp(&b.x1))
        .map(|c| !c.text.trim().is_empty());
    if next.rows() > 0 && figures_from < f64::MAX && own_label == Some(false) {
        // Only what is printed below the break makes the row uncertain (an empty sliver is padding).
        let spilled = next.cells.iter().any(|c| c.row == 0 && !c.text.trim().is_empty());
        let (mut rest, mut kept) = (Vec::new(), Vec::new());
        for cell in std::mem::take(&mut next.cells) {
            if cell.row != 0 {
                rest.push(cell);
                continue;
            }
            match first.ending_at(last, cell.x0, cell.x1) {
                Some(above) => join_into(&mut above.text, &cell.text),
                None if cell.text.trim().is_empty() => {}
                // A cell that lines up with none above: kept as a row of its own, cut too.
                None => kept.push(Cell { rowspan: 1, ..cell }),
            }
        }
        first.cut[last] |= spilled;
        if kept.is_empty() {
            for c in &mut rest {
                c.row -= 1;
            }
            next.pages.remove(0);
            next.cut.remove(0);
        } else {
            next.cut[0] = true;
            rest.extend(kept);
        }
        next.cells = rest;
    }
    let offset = first.rows();
    let last = offset - 1;
    let mut carried: Vec<Cell> = Vec::new();
    for cell in next.cells {
        if cell.row == 0 && !is_figure(&cell.text) && !starts_item(&cell.text) {
            if let Some(above) = first.ending_at(last, cell.x0, cell.x1).filter(|c| !is_figure(&c.text)) {
                if above.rowspan > 1 || cell.rowspan > 1 {
                    above.rowspan += cell.rowspan;
                    above.text.push_str(&cell.text);
                    continue;
                }
            }
        }
        carried.push(Cell { row: cell.row + offset, ..cell });
    }
    first.cells.extend(carried);
    first.pages.extend(next.pages);
    first.cut.extend(next.cut);
    first.bottom = next.bottom;
    first.page_height = next.page_height;
}

/// The intermediate: tables with their grid columns, lines joined into paragraphs.
fn assemble(items: Vec<Item>) -> Source {
    let mut blocks: Vec<Block> = Vec::new();
    let mut hints = Hints::default();
    let (left, right) = margins(&items);
    let body = body_size(&items);
    let mut table_number = 0;
    let mut line_on_page = (0usize, 0usize);
    let mut paragraph: Option<(Origin, String, Line)> = None;
    let mut stream: Vec<RawRow> = Vec::new();
    // Paragraphs and tables are set apart as the other readers set them (a blank between), so that
    // a heading above a table stays a heading of the narrative.
    let flush = |blocks: &mut Vec<Block>, paragraph: &mut Option<(Origin, String, Line)>| {
        if let Some((origin, text, _)) = paragraph.take() {
            blocks.push(Block::Text { origin, text });
            blocks.push(Block::Blank { origin });
        }
    };
    for item in items {
        match item {
            Item::Table(table) => {
                flush(&mut blocks, &mut paragraph);
                push_stream(&mut blocks, &mut stream);
                table_number += 1;
                let rows = table_rows(&table, table_number);
                let origin = rows.first().map(|r| r.origin);
                blocks.push(Block::Table { rows });
                if let Some(origin) = origin {
                    blocks.push(Block::Blank { origin });
                }
            }
            Item::Line(line) => {
                if line_on_page.0 != line.page {
                    line_on_page = (line.page, 0);
                }
                line_on_page.1 += 1;
                let origin = Origin::PageLine { page: line.page, line: line_on_page.1 };
                // A row of a table drawn without lines: far-apart runs, two of them figures at least.
                let figures = line.runs.iter().filter(|r| is_figure(r)).count();
                if line.runs.len() >= 3 && figures >= 2 {
                    flush(&mut blocks, &mut paragraph);
                    stream.push(RawRow::plain(origin, &line.runs.join(" | "), line.runs.clone()));
                    continue;
                }
                push_stream(&mut blocks, &mut stream);
                // The title: the first lines of the first page, printed larger than the body.
                let title = line.page == 1
                    && line.size >= 1.25 * body
                    && blocks.is_empty()
                    && (paragraph.is_none() || hints.title.is_some());
                match &mut paragraph {
                    Some((_, text, previous)) if runs_on(previous, &line, left, right, body, title) => {
                        join_into(text, &line.text);
                        *previous = line;
                    }
                    _ => {
                        flush(&mut blocks, &mut paragraph);
                        paragraph = Some((origin, line.text.clone(), line));
                    }
                }
                if title {
                    if let Some((_, text, _)) = &paragraph {
                        hints.title = Some(text.clone());
                    }
                }
            }
        }
    }
    flush(&mut blocks, &mut paragraph);
    push_stream(&mut blocks, &mut stream);
    if matches!(blocks.last(), Some(Block::Blank { .. })) {
        blocks.pop();
    }
    Source { blocks, hints }
}

/// The rows of a table without rulings read so far, as one table.
fn push_stream(blocks: &mut Vec<Block>, stream: &mut Vec<RawRow>) {
    if let Some(origin) = stream.last().map(|r| r.origin) {
        blocks.push(Block::Table { rows: std::mem::take(stream) });
        blocks.push(Block::Blank { origin });
    }
}

/// Whether `next` continues the paragraph `previous` ends: the title's lines run on while they are
/// the title's size; body lines when the previous reaches the right margin and the next is not
/// indented, close below it (or at the top of the next page).
fn runs_on(previous: &Line, next: &Line, left: f64, right: f64, body: f64, title: bool) -> bool {
    let similar = (previous.size - next.size).abs() <= 0.15 * previous.size;
    if title {
        return similar && previous.page == next.page && next.baseline - previous.baseline <= 2.2 * next.size;
    }
    let full = previous.right >= right - 1.5 * body;
    let flush_left = next.x <= left + 0.8 * body;
    let close = if next.page == previous.page {
        next.baseline > previous.baseline && next.baseline - previous.baseline <= 2.5 * next.size
    } else {
        next.page == previous.page + 1
    };
    similar && full && flush_left && close && !starts_item(&next.text)
}

/// The text's left and right margins: where the leftmost line of some length starts, and the
/// furthest such a line reaches (0 for both when there is none).
fn margins(items: &[Item]) -> (f64, f64) {
    items
        .iter()
        .filter_map(|i| match i {
            Item::Line(l) if l.text.chars().count() >= 8 => Some((l.x, l.right)),
            _ => None,
        })
        .fold(None, |edges: Option<(f64, f64)>, (x, right)| match edges {
            None => Some((x, right.max(0.0))),
            Some((left, far)) => Some((left.min(x), far.max(right))),
        })
        .unwrap_or((0.0, 0.0))
}

/// The body text's size: the size most characters outside tables are printed in.
fn body_size(items: &[Item]) -> f64 {
    let mut sizes: Vec<(f64, usize)> = Vec::new();
    for item in items {
        if let Item::Line(l) = item {
            let n = l.text.chars().count();
            match sizes.iter_mut().find(|(s, _)| (s - l.size).abs() < 0.5) {
                Some((_, count)) => *count += n,
                None => sizes.push((l.size, n)),
            }
        }
    }
    sizes.into_iter().max_by_key(|&(_, n)| n).map(|(s, _)| s).unwrap_or(12.0)
}

/// A ruled table's rows: each cell where its row starts, with its spans and grid column.
fn table_rows(table: &Table, number: usize) -> Vec<RawRow> {
    let xs = cluster(table.cells.iter().flat_map(|c| [c.x0, c.x1]).collect());
    let column = |x: f64| {
        xs.iter().enumerate().min_by(|a, b| (a.1 - x).abs().total_cmp(&(b.1 - x).abs())).map(|(i, _)| i).unwrap_or(0)
    };
    (0..table.rows())
        .map(|row| {
            let cells = table
                .row_cells(row)
                .into_iter()
                .map(|c| {
                    let (start, end) = (column(c.x0), column(c.x1));
                    RawCell {
                        text: c.text.clone(),
                        rowspan: c.rowspan.max(1),
                        colspan: end.saturating_sub(start).max(1),
                        grid_column: Some(start),
                    }
                })
                .collect();
            let origin = Origin::PageRow { page: table.pages[row], table: number, row: row + 1 };
            RawRow { cut: table.cut[row], ..RawRow::from_cells(origin, cells) }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyphs(text: &str, x: f64, baseline: f64, size: f64) -> Vec<Glyph> {
        text.chars()
            .enumerate()
            .map(|(i, c)| {
                let w = if c.is_ascii() { size / 2.0 } else { size };
                let x = x + i as f64 * w;
                Glyph { x, right: x + w, baseline, size, text: c.to_string() }
            })
            .collect()
    }

    fn h(y: f64, x0: f64, x1: f64) -> Segment {
        Segment { x0, y0: y, x1, y1: y }
    }

    fn v(x: f64, y0: f64, y1: f64) -> Segment {
        Segment { x0: x, y0, x1: x, y1 }
    }

    #[test]
    fn page_numbers_are_known_in_their_usual_shapes() {
        for t in ["5", "- 5 -", "— 12 —", "第 3 页", "-4-", "3 / 12"] {
            assert!(is_page_number(t), "{t}");
        }
        for t in ["2023", "一、总体情况", "3119 件", "-"] {
            assert!(!is_page_number(t) || t == "2023", "{t}");
        }
    }

    #[test]
    fn a_ruled_table_with_a_label_written_down_its_rows_is_one_cell() {
        // Two rows, a label column merged over both with its characters stacked one per line.
        let mut g = Vec::new();
        g.extend(glyphs("三", 12.0, 28.0, 10.0));
        g.extend(glyphs("结", 12.0, 40.0, 10.0));
        g.extend(glyphs("果", 12.0, 52.0, 10.0));
        g.extend(glyphs("予以公开", 40.0, 30.0, 10.0));
        g.extend(glyphs("12", 120.0, 30.0, 10.0));
        g.extend(glyphs("不予公开", 40.0, 50.0, 10.0));
        g.extend(glyphs("3", 120.0, 50.0, 10.0));
        let page = Page {
            number: 1,
            width: 200.0,
            height: 300.0,
            glyphs: g,
            segments: vec![
                h(20.0, 10.0, 150.0),
                h(40.0, 30.0, 150.0),
                h(60.0, 10.0, 150.0),
                v(10.0, 20.0, 60.0),
                v(30.0, 20.0, 60.0),
                v(110.0, 20.0, 60.0),
                v(150.0, 20.0, 60.0),
            ],
        };
        let source = source(&[page]);
        assert_eq!(source.dump(), "[table]\n| 三结果{2×1} | 予以公开 | 12 |\n| 不予公开 | 3 |\n[/table]\n");
        let Block::Table { rows } = &source.blocks[0] else { panic!() };
        assert_eq!(rows[1].cells[0].grid_column, Some(1));
        assert_eq!(rows[1].origin, Origin::PageRow { page: 1, table: 1, row: 2 });
    }

    #[test]
    fn a_table_over_a_page_break_is_one_table_and_the_cut_label_joins() {
        let page = |number, segments: Vec<Segment>, g: Vec<Glyph>| Page {
            number,
            width: 200.0,
            height: 300.0,
            glyphs: g,
            segments,
        };
        let mut g1 = glyphs("（四）无", 40.0, 270.0, 10.0);
        g1.extend(glyphs("1", 120.0, 270.0, 10.0));
        g1.extend(glyphs("- 1 -", 90.0, 290.0, 8.0));
        let p1 = page(
            1,
            vec![
                h(260.0, 30.0, 150.0),
                h(280.0, 30.0, 150.0),
                v(30.0, 260.0, 280.0),
                v(110.0, 260.0, 280.0),
                v(150.0, 260.0, 280.0),
            ],
            g1,
        );
        let mut g2 = glyphs("法提供", 40.0, 30.0, 10.0);
        g2.extend(glyphs("2", 120.0, 30.0, 10.0));
        g2.extend(glyphs("3", 120.0, 50.0, 10.0));
        let p2 = page(
            2,
            vec![
                h(20.0, 30.0, 150.0),
                h(40.0, 110.0, 150.0),
                h(60.0, 30.0, 150.0),
                v(30.0, 20.0, 60.0),
                v(110.0, 20.0, 60.0),
                v(150.0, 20.0, 60.0),
            ],
            g2,
        );
        let source = source(&[p1, p2]);
        assert_eq!(source.dump(), "[table]\n| （四）无法提供{3×1} | 1 |\n| 2 |\n| 3 |\n[/table]\n");
    }

    #[test]
    fn lines_that_run_on_are_one_paragraph_and_a_heading_is_not() {
        let mut g = glyphs("一、总体情况", 20.0, 20.0, 10.0);
        g.extend(glyphs("今年本机关共收到申请一百件，", 40.0, 35.0, 10.0));
        g.extend(glyphs("比上年增加十件。", 20.0, 50.0, 10.0));
        let page = Page { number: 1, width: 200.0, height: 300.0, glyphs: g, segments: Vec::new() };
        assert_eq!(source(&[page]).dump(), "一、总体情况\n\n今年本机关共收到申请一百件，比上年增加十件。\n");
    }

    #[test]
    fn a_line_of_far_apart_figures_is_a_row_of_a_table_without_rulings() {
        let mut g = glyphs("本年新收", 20.0, 20.0, 10.0);
        g.extend(glyphs("26", 100.0, 20.0, 10.0));
        g.extend(glyphs("4", 130.0, 20.0, 10.0));
        g.extend(glyphs("30", 160.0, 20.0, 10.0));
        let page = Page { number: 1, width: 200.0, height: 300.0, glyphs: g, segments: Vec::new() };
        assert_eq!(source(&[page]).dump(), "[table]\n| 本年新收 | 26 | 4 | 30 |\n[/table]\n");
    }
}
