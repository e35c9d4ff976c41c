//! What the preview shows, decided once for both renderings: the narrative split into headings and
//! paragraphs, where each table goes, the grids the tables are drawn as, and which cells and
//! sentences the findings point at. Everything here is read from the report and the form
//! definition; the HTML and text renderers only draw it.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::diagnostic::{Detail, Diagnostic, Severity};
use crate::form::{CellRef, ColumnDef, FormDef, Layout, Period, RowDef, RowKind, TableDef};
use crate::report::Report;

/// Words of the official layout that no form definition carries: the line naming the year and the
/// agency under an attached table's title, and the generic name of the report when it has no title
/// of its own (the stub and unit headers of a list of indicators are the table's `Layout`). They
/// belong to the document, which is Chinese whatever the language of the findings.
pub(crate) const AGENCY_LABEL: &str = "填报单位：";
pub(crate) const REPORT_NAME: &str = "政府信息公开工作年度报告";

/// The whole preview, ready to draw.
pub(crate) struct Preview<'a> {
    pub form: &'static FormDef,
    pub title: String,
    /// The narrative with the tables that belong to a part placed at the end of that part.
    pub blocks: Vec<Block<'a>>,
    /// The agency's name closing the text, above the date.
    pub signature: Option<&'a str>,
    /// The date closing the text.
    pub date: Option<String>,
    /// Tables that belong to no part: drawn after the date, as the attachment of a 2014–2018 report.
    pub attachments: Vec<usize>,
    /// The report's year and agency, printed under an attached table's title.
    pub year: Option<u16>,
    pub agency: Option<&'a str>,
    pub findings: Vec<Finding<'a>>,
    /// Canonical cell id → the findings (indices into `findings`) that concern it.
    cell_findings: HashMap<String, Vec<usize>>,
    report: &'a Report,
}

pub(crate) enum Block<'a> {
    /// A part's heading: 1 for 一、, 2 for （一）, 3 for 1．
    Heading {
        level: u8,
        text: &'a str,
        id: String,
    },
    Paragraph {
        pieces: Vec<Piece<'a>>,
    },
    /// A table placed in the part whose heading has this id.
    Table {
        table: usize,
        part: Option<String>,
    },
}

/// A run of a paragraph's text, marked when a finding quotes it.
pub(crate) struct Piece<'a> {
    pub text: &'a str,
    /// The finding quoting this run (the first, where quotes overlap).
    pub finding: Option<usize>,
    /// This run starts the finding's quote: the place a link to the quote goes to.
    pub quote_start: bool,
    /// This run ends the finding's quote.
    pub quote_end: bool,
}

pub(crate) struct Finding<'a> {
    pub diagnostic: &'a Diagnostic,
    /// The cell to go to (the first of the diagnostic's cells the form has), canonical id.
    pub cell: Option<(CellRef, String)>,
    /// The quoted sentence was found in the narrative and is marked there.
    pub quoted: bool,
    /// Where: its byte range in the narrative.
    range: Option<std::ops::Range<usize>>,
}

impl Finding<'_> {
    /// The diagnostic's message, or its code where no message was made.
    pub fn message(&self) -> &str {
        if self.diagnostic.message.is_empty() {
            self.diagnostic.code.as_str()
        } else {
            &self.diagnostic.message
        }
    }
}

/// One table as drawn: a table is one grid, except where its rows bring columns of their own
/// (Table A), which makes a grid per run of rows sharing their columns.
pub(crate) struct Grid<'a> {
    pub kind: GridKind,
    /// A list of indicators' stub and unit headers (统计指标 | 单位; 指标名称 | 计量单位); empty in a matrix.
    pub stub_header: &'static str,
    pub unit_header: &'static str,
    /// A header line across the whole grid: the caption all its columns sit under (第二十条第（一）项).
    pub caption: Option<&'static str>,
    /// Header rows of the value columns (not the stub or unit columns, which span them all).
    pub header: Vec<Vec<HeadCell>>,
    pub columns: Vec<&'static ColumnDef>,
    pub rows: Vec<GridRow<'a>>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum GridKind {
    /// A list of indicators: a stub, a unit, and the value columns: 统计指标 | 单位 | 统计数 (the
    /// 2014–2018 table), 指标名称 | 计量单位 | 2013年度 | 历年累计 (Fujian's).
    Indicators,
    /// Rows × columns, headed by the columns' labels under their groups.
    Matrix,
}

pub(crate) struct HeadCell {
    /// The label as printed: a column of the year names the report's (2013年度).
    pub text: Cow<'static, str>,
    pub colspan: usize,
    pub rowspan: usize,
    /// Heads a group of columns rather than one column.
    pub group: bool,
}

pub(crate) enum GridRow<'a> {
    /// A row that only heads the rows under it: no value, drawn as a label across the grid.
    Group {
        label: &'static str,
        depth: u8,
    },
    Values {
        row: &'static RowDef,
        cells: Vec<GridCell<'a>>,
    },
}

pub(crate) struct GridCell<'a> {
    /// Canonical cell id, e.g. `3.3.4.a`, `B:3.7:total`.
    pub id: String,
    /// As typed; blank stays blank.
    pub text: &'a str,
    /// Findings concerning this cell, in list order.
    pub findings: &'a [usize],
}

impl<'a> Preview<'a> {
    pub fn new(report: &'a Report, diagnostics: &'a [Diagnostic]) -> Preview<'a> {
        let form = report.form.def();
        let findings = findings(form, report, diagnostics);
        let mut cell_findings: HashMap<String, Vec<usize>> = HashMap::new();
        for (n, finding) in findings.iter().enumerate() {
            for id in &finding.diagnostic.cells {
                if let Some(cell) = form.find_cell(id) {
                    let list = cell_findings.entry(form.cell_id(cell)).or_default();
                    if !list.contains(&n) {
                        list.push(n);
                    }
                }
            }
        }
        let Narrative { title, blocks, signature, date } = narrative(report, &findings);
        let mut preview = Preview {
            form,
            title,
            blocks,
            signature,
            date,
            attachments: Vec::new(),
            year: report.year,
            agency: report.agency.as_deref().map(str::trim).filter(|a| !a.is_empty()),
            findings,
            cell_findings,
            report,
        };
        preview.place_tables();
        preview
    }

    /// A table goes at the end of the part whose heading names it (二、主动公开政府信息情况 holds Table
    /// A); a table no part names is an attachment.
    fn place_tables(&mut self) {
        for (t, table) in self.form.tables.iter().enumerate() {
            // The part whose heading names the table best, if one names it at all.
            let part = self
                .blocks
                .iter()
                .enumerate()
                .filter_map(|(i, b)| match b {
                    Block::Heading { level: 1, text, .. } => Some((i, naming(text, table.title))),
                    _ => None,
                })
                .filter(|&(_, score)| score >= NAMING_THRESHOLD)
                .max_by(|a, b| a.1.total_cmp(&b.1))
                .map(|(i, _)| i);
            match part {
                Some(start) => {
                    let end = self.blocks[start + 1..]
                        .iter()
                        .position(|b| matches!(b, Block::Heading { level: 1, .. }))
                        .map_or(self.blocks.len(), |i| start + 1 + i);
                    let Block::Heading { id, .. } = &self.blocks[start] else { unreachable!() };
                    let part = Some(id.clone());
                    self.blocks.insert(end, Block::Table { table: t, part });
                }
                None => self.attachments.push(t),
            }
        }
    }

    /// The findings concerning a cell.
    pub fn findings_of(&self, cell_id: &str) -> &[usize] {
        self.cell_findings.get(cell_id).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The most severe finding's severity among these.
    pub fn severity(&self, findings: &[usize]) -> Option<Severity> {
        findings.iter().map(|&n| self.findings[n].diagnostic.severity).min()
    }

    /// The grids a table is drawn as.
    pub fn grids(&self, t: usize) -> Vec<Grid<'_>> {
        let table = &self.form.tables[t];
        let kind = match table.layout {
            Layout::Indicators { .. } => GridKind::Indicators,
            Layout::Matrix => GridKind::Matrix,
        };
        let mut grids: Vec<Grid<'_>> = Vec::new();
        let mut start = 0;
        while start < table.rows.len() {
            let columns = table.row_columns(&table.rows[start]);
            let end = (start..table.rows.len())
                .find(|&r| !same_columns(table.row_columns(&table.rows[r]), columns))
                .unwrap_or(table.rows.len());
            grids.push(self.grid(t, table, kind, start..end));
            start = end;
        }
        grids
    }

    fn grid(&self, t: usize, table: &'static TableDef, kind: GridKind, rows: std::ops::Range<usize>) -> Grid<'_> {
        let all = table.row_columns(&table.rows[rows.start]);
        let cell = |r: usize, c: usize| CellRef { table: t as u16, row: r as u16, column: c as u16 };
        // An optional column (a 小计 some templates add) is drawn only where it was filled or is the
        // subject of a finding: the official form has none.
        let shown: Vec<usize> = (0..all.len())
            .filter(|&c| !all[c].optional || rows.clone().any(|r| self.in_use(&self.form.cell_id(cell(r, c)))))
            .collect();
        let columns: Vec<&'static ColumnDef> = shown.iter().map(|&c| &all[c]).collect();
        // A list of indicators leaves out the optional rows nothing was entered in (the rows of
        // another year's version of the table), unless nothing was entered at all: a blank form
        // shows every row.
        let blank = !rows.clone().any(|r| shown.iter().any(|&c| self.in_use(&self.form.cell_id(cell(r, c)))));
        let mut grid_rows = Vec::new();
        for r in rows {
            let row = &table.rows[r];
            let cells: Vec<GridCell<'_>> = shown
                .iter()
                .map(|&c| {
                    let id = self.form.cell_id(cell(r, c));
                    let text = self.report.cell(&id);
                    let findings = self.findings_of(&id);
                    GridCell { id, text, findings }
                })
                .collect();
            let heads_only = row.optional || matches!(row.kind, RowKind::Heading);
            let unused = cells.iter().all(|c| c.text.trim().is_empty() && c.findings.is_empty());
            // The indicator list draws every row with its value cell, as the 2014–2018 form does; a
            // matrix draws an unfilled heading or subtotal row as the label over its rows.
            if kind == GridKind::Matrix && heads_only && unused {
                grid_rows.push(GridRow::Group { label: row.label, depth: row.depth });
            } else if kind == GridKind::Indicators && row.optional && unused && !blank {
                continue;
            } else {
                grid_rows.push(GridRow::Values { row, cells });
            }
        }
        let (caption, header) = header(&columns, self.year);
        let (stub_header, unit_header) = match table.layout {
            Layout::Indicators { stub, unit } => (stub, unit),
            Layout::Matrix => ("", ""),
        };
        Grid { kind, stub_header, unit_header, caption, header, columns, rows: grid_rows }
    }

    fn in_use(&self, cell_id: &str) -> bool {
        !self.report.cell(cell_id).trim().is_empty() || !self.findings_of(cell_id).is_empty()
    }

    /// A table's title where the table is an attachment.
    pub fn table_title(&self, t: usize) -> &'static str {
        self.form.tables[t].title
    }
}

/// Rows share a grid when they have the same columns under the same caption.
fn same_columns(a: &[ColumnDef], b: &[ColumnDef]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.id == y.id && x.label == y.label && x.group == y.group)
}

/// The header rows over the value columns: a group every column sits under is a caption; other
/// groups are merged cells over their columns, with ungrouped columns spanning both header rows.
fn header(columns: &[&'static ColumnDef], year: Option<u16>) -> (Option<&'static str>, Vec<Vec<HeadCell>>) {
    let caption = match columns.first() {
        Some(first) if !first.group.is_empty() && columns.iter().all(|c| c.group == first.group) => Some(first.group),
        _ => None,
    };
    let leaf =
        |c: &'static ColumnDef, rowspan| HeadCell { text: column_label(c, year), colspan: 1, rowspan, group: false };
    if caption.is_some() || columns.iter().all(|c| c.group.is_empty()) {
        return (caption, vec![columns.iter().map(|c| leaf(c, 1)).collect()]);
    }
    let mut top = Vec::new();
    let mut under = Vec::new();
    let mut i = 0;
    while i < columns.len() {
        let group = columns[i].group;
        if group.is_empty() {
            top.push(leaf(columns[i], 2));
            i += 1;
            continue;
        }
        let n = columns[i..].iter().take_while(|c| c.group == group).count();
        top.push(HeadCell { text: Cow::Borrowed(group), colspan: n, rowspan: 1, group: true });
        under.extend(columns[i..i + n].iter().map(|c| leaf(c, 1)));
        i += n;
    }
    (None, vec![top, under])
}

/// A column's header as printed: the column of the year names the report's year (本年度 → 2013年度).
fn column_label(c: &'static ColumnDef, year: Option<u16>) -> Cow<'static, str> {
    match (c.period, year, c.label.strip_prefix("本年")) {
        (Period::Year, Some(year), Some(rest)) => Cow::Owned(format!("{year}年{rest}")),
        _ => Cow::Borrowed(c.label),
    }
}

/// How much of a table's title a part's heading must repeat to name it.
const NAMING_THRESHOLD: f64 = 0.6;

/// How far a part's heading names a table: the share of the title's character pairs the heading
/// has. Real headings reword the official one (四、因政府信息公开工作被申请行政复议、提起行政诉讼情况
/// for 政府信息公开行政复议、行政诉讼情况), so containment alone would miss them.
fn naming(heading: &str, title: &str) -> f64 {
    let pairs = |s: &str| -> Vec<(char, char)> {
        let chars: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).collect();
        chars.windows(2).map(|w| (w[0], w[1])).collect()
    };
    let heading = pairs(strip_numbering(heading));
    let title = pairs(title);
    if title.is_empty() || heading.len() < 3 {
        return 0.0;
    }
    title.iter().filter(|p| heading.contains(p)).count() as f64 / title.len() as f64
}

// ---------------------------------------------------------------------------------------------
// The findings.

fn findings<'a>(form: &FormDef, report: &Report, diagnostics: &'a [Diagnostic]) -> Vec<Finding<'a>> {
    let offsets = Utf16Offsets::new(&report.narrative);
    diagnostics
        .iter()
        .map(|d| {
            let cell = d.cells.iter().find_map(|id| form.find_cell(id)).map(|c| (c, form.cell_id(c)));
            let range = quote_range(&offsets, d);
            Finding { diagnostic: d, cell, quoted: range.is_some(), range }
        })
        .collect()
}

/// The quoted sentence's place in the narrative as a byte range, when the quote's UTF-16 offsets
/// point at exactly the quoted text (a stale quote is not marked rather than marked wrongly).
fn quote_range(offsets: &Utf16Offsets<'_>, d: &Diagnostic) -> Option<std::ops::Range<usize>> {
    let Detail::Report { quote: Some(quote), .. } = &d.detail else { return None };
    let start = offsets.byte_offset(quote.start)?;
    let end = offsets.byte_offset(quote.end)?;
    (start < end && offsets.text[start..end] == quote.text).then_some(start..end)
}

/// UTF-16 offsets (a quote's, made for JS strings) turned into byte offsets of one text, from marks
/// made once every `STRIDE` bytes: each is then found from the mark before it. (Counted from the
/// start of the text for each quote, a long report with many quoted findings took time growing with
/// the square of its length.)
struct Utf16Offsets<'t> {
    text: &'t str,
    /// (UTF-16 offset, byte offset) of the first character at or after each multiple of `STRIDE`.
    marks: std::cell::OnceCell<Vec<(usize, usize)>>,
}

impl<'t> Utf16Offsets<'t> {
    const STRIDE: usize = 4096;

    fn new(text: &'t str) -> Utf16Offsets<'t> {
        Utf16Offsets { text, marks: std::cell::OnceCell::new() }
    }

    /// The byte offset of a UTF-16 offset, if it falls on a character boundary.
    fn byte_offset(&self, utf16: usize) -> Option<usize> {
        let marks = self.marks.get_or_init(|| {
            let mut marks = vec![(0, 0)];
            let mut units = 0;
            for (i, c) in self.text.char_indices() {
                if i >= marks[marks.len() - 1].1 + Self::STRIDE {
                    marks.push((units, i));
                }
                units += c.len_utf16();
            }
            marks
        });
        let (mut units, from) = marks[marks.partition_point(|&(u, _)| u <= utf16) - 1];
        for (i, c) in self.text[from..].char_indices() {
            if units == utf16 {
                return Some(from + i);
            }
            if units > utf16 {
                return None;
            }
            units += c.len_utf16();
        }
        (units == utf16).then_some(self.text.len())
    }
}

// ---------------------------------------------------------------------------------------------
// The narrative.

struct Narrative<'a> {
    title: String,
    blocks: Vec<Block<'a>>,
    signature: Option<&'a str>,
    date: Option<String>,
}

fn narrative<'a>(report: &'a Report, findings: &[Finding<'_>]) -> Narrative<'a> {
    let quotes: Vec<(usize, std::ops::Range<usize>)> =
        findings.iter().enumerate().filter_map(|(n, f)| f.range.clone().map(|r| (n, r))).collect();
    let text = report.narrative.as_str();
    // Lines with their byte offsets, trimmed; blank lines only separate.
    let mut lines: Vec<(usize, &str)> = Vec::new();
    let mut offset = 0;
    for raw in text.split_inclusive('\n') {
        let content = raw.trim_end_matches(['\n', '\r']);
        let trimmed = content.trim_start();
        let start = offset + (content.len() - trimmed.len());
        let trimmed = trimmed.trim_end();
        if !trimmed.is_empty() {
            lines.push((start, trimmed));
        }
        offset += raw.len();
    }

    let given_title = report.title.as_deref().map(str::trim).filter(|t| !t.is_empty());
    // The narrative may open with the title: it is drawn once, as the title.
    let mut first = 0;
    let title = match (given_title, lines.first()) {
        (Some(t), Some(&(_, line))) if line == t => {
            first = 1;
            t.to_string()
        }
        (Some(t), _) => t.to_string(),
        (None, Some(&(_, line))) if looks_like_title(line) => {
            first = 1;
            line.to_string()
        }
        (None, _) => {
            let agency = report.agency.as_deref().map(str::trim).unwrap_or("");
            match report.year {
                Some(y) => format!("{agency}{y}年{REPORT_NAME}"),
                None => format!("{agency}{REPORT_NAME}"),
            }
        }
    };
    let mut body = &lines[first..];

    // The text closes with the agency's name and the date: they are drawn as the signature.
    let given_date = report.date.as_deref().map(|d| chinese_date(d).unwrap_or_else(|| d.trim().to_string()));
    let mut date = given_date.clone();
    if let Some(&(_, last)) = body.last() {
        if is_date_line(last) && given_date.as_deref().is_none_or(|d| d == last) {
            date = Some(last.to_string());
            body = &body[..body.len() - 1];
        }
    }
    let mut signature = None;
    if let Some(&(_, last)) = body.last() {
        let agency = report.agency.as_deref().map(str::trim);
        if date.is_some() && (agency == Some(last) || looks_like_signature(last)) {
            signature = Some(last);
            body = &body[..body.len() - 1];
        }
    }

    let mut blocks = Vec::new();
    let mut headings = 0;
    // The quotes by where they start, and those over the line at hand: each paragraph is cut by its
    // own quotes only. (Looking through every quote for every paragraph took time growing with the
    // square of a long report's length.)
    let mut by_start = quotes;
    by_start.sort_by_key(|(n, q)| (q.start, *n));
    let mut next = 0;
    let mut over: Vec<(usize, std::ops::Range<usize>)> = Vec::new();
    for &(start, line) in body {
        let end = start + line.len();
        while next < by_start.len() && by_start[next].1.start < end {
            over.push(by_start[next].clone());
            next += 1;
        }
        over.retain(|(_, q)| q.end > start);
        match heading_level(line) {
            Some(level) => {
                headings += 1;
                blocks.push(Block::Heading { level, text: line, id: format!("dr-part-{headings}") });
            }
            None => {
                // In the order of the findings, as a piece is marked with the first that covers it.
                over.sort_by_key(|(n, _)| *n);
                blocks.push(Block::Paragraph { pieces: pieces(line, start, &over) });
            }
        }
    }
    Narrative { title, blocks, signature, date }
}

/// Cuts a paragraph at the edges of the quotes that fall in it.
fn pieces<'a>(line: &'a str, start: usize, quotes: &[(usize, std::ops::Range<usize>)]) -> Vec<Piece<'a>> {
    let end = start + line.len();
    let mut cuts = vec![start, end];
    for (_, q) in quotes {
        for edge in [q.start, q.end] {
            if edge > start && edge < end {
                cuts.push(edge);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .map(|w| {
            let covering = quotes.iter().find(|(_, q)| q.start <= w[0] && w[1] <= q.end);
            Piece {
                text: &line[w[0] - start..w[1] - start],
                finding: covering.map(|(n, _)| *n),
                quote_start: covering.is_some_and(|(_, q)| q.start == w[0]),
                quote_end: covering.is_some_and(|(_, q)| q.end == w[1]),
            }
        })
        .collect()
}

const NUMERALS: &[char] = &['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/// The heading level of a line of the narrative, if it is a heading: 一、 (1), （一） (2), 1． (3).
/// A numbered line that goes on into sentences (（一）健全…机制。进一步…) is a paragraph.
fn heading_level(line: &str) -> Option<u8> {
    let len = line.chars().count();
    // One clause at most, ending the line.
    let body = line.trim_end_matches(['。', '；', ';']);
    let one_clause = !body.contains(['。', '；', ';', '！', '？']);
    if !one_clause {
        return None;
    }
    let rest = strip_numbering(line);
    if rest.len() == line.len() || rest.trim().is_empty() {
        return None;
    }
    let numeral = &line[..line.len() - rest.len()];
    // A short heading may pair two phrases (（三）完善公开制度规范，加强政府信息管理).
    let phrase = len <= 30 || !body.contains(['，', ',']);
    if numeral.ends_with('、') && numeral.starts_with(NUMERALS) && len <= 40 && phrase {
        Some(1)
    } else if numeral.starts_with(['（', '(']) && len <= 40 && phrase {
        Some(2)
    } else if numeral.starts_with(|c: char| c.is_ascii_digit()) && len <= 25 && !body.contains(['，', ',']) {
        Some(3)
    } else {
        None
    }
}

/// The line without its part number: 一、, （一）, (一), 1．, 1., 1、 and the spaces after it.
fn strip_numbering(line: &str) -> &str {
    let after_chinese = line.trim_start_matches(NUMERALS);
    if after_chinese.len() < line.len() {
        if let Some(rest) = after_chinese.strip_prefix('、') {
            return rest.trim_start();
        }
    }
    for (open, close) in [('（', '）'), ('(', ')'), ('（', ')'), ('(', '）')] {
        if let Some(inner) = line.strip_prefix(open) {
            let after = inner.trim_start_matches(NUMERALS);
            if after.len() < inner.len() {
                if let Some(rest) = after.strip_prefix(close) {
                    return rest.trim_start();
                }
            }
        }
    }
    let after_digits = line.trim_start_matches(|c: char| c.is_ascii_digit());
    if after_digits.len() < line.len() {
        if let Some(rest) = after_digits.strip_prefix(['.', '．', '、']) {
            return rest.trim_start();
        }
    }
    line
}

/// 某某2016年政府信息公开工作年度报告: one line naming the report, no sentence.
fn looks_like_title(line: &str) -> bool {
    line.ends_with("报告") && !line.contains(['。', '，', ',']) && line.chars().count() <= 60
}

/// An agency's name closing the text: short, no punctuation, not a heading.
fn looks_like_signature(line: &str) -> bool {
    line.chars().count() <= 30
        && !line.contains(['。', '，', ',', '；', '：', ':', '、'])
        && heading_level(line).is_none()
        && strip_numbering(line).len() == line.len()
}

/// 2017年2月16日 alone on a line.
fn is_date_line(line: &str) -> bool {
    let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let Some((year, rest)) = compact.split_once('年') else { return false };
    let Some((month, rest)) = rest.split_once('月') else { return false };
    let Some(day) = rest.strip_suffix('日') else { return false };
    let digits =
        |s: &str, n: std::ops::RangeInclusive<usize>| n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    digits(year, 4..=4) && digits(month, 1..=2) && digits(day, 1..=2)
}

/// `2017-02-16` written as the report writes dates: 2017年2月16日.
fn chinese_date(date: &str) -> Option<String> {
    let mut parts = date.trim().split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 {
        return None;
    }
    let (y, m, d): (u16, u8, u8) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    Some(format!("{y}年{m}月{d}日"))
}

/// The id of a cell's element in the HTML: `cell-` and the cell id with `:` as `-`
/// (`B:3.7:total` → `cell-B-3.7-total`). Letters, digits, `.` and `_` stay; anything else is
/// written as `_xHH` per UTF-8 byte, so an id can never carry markup or break a selector.
pub fn cell_anchor(cell_id: &str) -> String {
    let mut out = String::with_capacity(cell_id.len() + 5);
    out.push_str("cell-");
    for c in cell_id.chars() {
        match c {
            ':' => out.push('-'),
            c if c.is_ascii_alphanumeric() || c == '.' || c == '_' => out.push(c),
            c => {
                let mut buf = [0; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("_x{b:02X}"));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_are_told_from_numbered_paragraphs() {
        assert_eq!(heading_level("一、概述"), Some(1));
        assert_eq!(heading_level("四、政府信息公开行政复议、行政诉讼情况"), Some(1));
        assert_eq!(heading_level("(一)强化组织领导"), Some(2));
        assert_eq!(heading_level("（二）依申请公开政府信息情况"), Some(2));
        assert_eq!(heading_level("（三）完善公开制度规范，加强政府信息管理"), Some(2));
        assert_eq!(heading_level("1.落实网站整改。"), Some(3));
        assert_eq!(heading_level("3. 公开行政权力、责任清单。"), Some(3));
        assert_eq!(heading_level("(一)健全信息公开工作长效机制。进一步完善相关工作制度。"), None);
        assert_eq!(heading_level("（一）存在的主要问题。各科室人员信息公开意识有所松懈"), None);
        assert_eq!(heading_level("2016全年主动公开政府信息645条"), None);
        assert_eq!(heading_level("2017年2月16日"), None);
    }

    #[test]
    fn a_reworded_heading_still_names_its_table() {
        let c = "政府信息公开行政复议、行政诉讼情况";
        assert!(naming("四、政府信息公开行政复议、行政诉讼情况", c) >= NAMING_THRESHOLD);
        assert!(naming("四、因政府信息公开工作被申请行政复议、提起行政诉讼情况", c) >= NAMING_THRESHOLD);
        assert!(naming("一、总体情况", c) < NAMING_THRESHOLD);
        assert!(naming("二、工作开展情况", "政府信息公开情况统计表") < NAMING_THRESHOLD);
        assert!(naming("二、主动公开政府信息情况", "主动公开政府信息情况") >= NAMING_THRESHOLD);
    }

    #[test]
    fn utf16_offsets_map_to_bytes() {
        let text = "a公开𠀀b";
        let offsets = Utf16Offsets::new(text);
        let byte_offset = |_: &str, utf16| offsets.byte_offset(utf16);
        assert_eq!(byte_offset(text, 0), Some(0));
        assert_eq!(byte_offset(text, 1), Some(1));
        assert_eq!(byte_offset(text, 3), Some(7));
        // Inside the surrogate pair of 𠀀.
        assert_eq!(byte_offset(text, 4), None);
        assert_eq!(byte_offset(text, 5), Some(11));
        assert_eq!(byte_offset(text, 6), Some(12));
        assert_eq!(byte_offset(text, 7), None);
        // Deep in a long text, found from the mark before it, as counted from the start.
        let long = "a公开𠀀b。\n".repeat(5000);
        let offsets = Utf16Offsets::new(&long);
        let mut units = 0;
        for (i, c) in long.char_indices() {
            assert_eq!(offsets.byte_offset(units), Some(i));
            if c.len_utf16() == 2 {
                assert_eq!(offsets.byte_offset(units + 1), None);
            }
            units += c.len_utf16();
        }
        assert_eq!(offsets.byte_offset(units), Some(long.len()));
        assert_eq!(offsets.byte_offset(units + 1), None);
    }

    #[test]
    fn anchors_keep_ids_readable_and_inert() {
        assert_eq!(cell_anchor("B:3.7:total"), "cell-B-3.7-total");
        assert_eq!(cell_anchor("A:normative:in_force"), "cell-A-normative-in_force");
        assert_eq!(cell_anchor("x\" onmouseover=\"y"), "cell-x_x22_x20onmouseover_x3D_x22y");
    }

    #[test]
    fn dates() {
        assert!(is_date_line("2017年2月16日"));
        assert!(!is_date_line("2017年2月16日发布"));
        assert_eq!(chinese_date("2024-01-17").as_deref(), Some("2024年1月17日"));
    }
}
