//! Row and column labels as people write them, matched against a form's definitions.
//!
//! Real tables differ from the official wording in many small ways: full- or half-width punctuation
//! and digits, （一） or (一), 1． or 1. or 1、, a dropped 数 suffix, an explanatory bracket left out
//! (（不同渠道和方式公开相同信息计1条）), a 其中： prefix, typos (制发规范文件性文件总数), and path-like
//! labels that carry their group ("三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密"). Matching
//! normalises both sides, prefers exact matches, and accepts a fuzzy match only when it is close and
//! unique, so that a wrong cell is never filled silently. It reads definitions only (labels, aliases,
//! depth), never a particular form, and is deterministic: the browser calls it for every row of a
//! legacy page.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

use super::{ColumnDef, TableDef};

/// The lowest similarity (2·LCS / (|a| + |b|)) a fuzzy match may have.
const FUZZY_THRESHOLD: f64 = 0.8;
/// How far ahead of the runner-up a fuzzy match must be: two rows equally close is no match.
const FUZZY_MARGIN: f64 = 0.08;
/// Labels longer than this (after normalising) are not compared fuzzily: no row label comes near,
/// and comparing a megabyte of junk with every row would stall the browser.
const FUZZY_MAX_CHARS: usize = 200;
/// Labels longer than this (in bytes, as given) name no row: the longest official label is under
/// 200 bytes, and a pasted megabyte must cost no more than this check.
const MAX_LABEL_BYTES: usize = 4096;

/// The kind of an enumeration marker at the start of a label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MarkerKind {
    /// 一、 (a section).
    Section,
    /// （一） or (一) or (1).
    Paren,
    /// 1. or 1． or 1、 (an item).
    Item,
    /// 其中： (a part of the row above).
    Part,
}

/// An enumeration marker: its kind and number (0 for 其中).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Marker {
    pub kind: MarkerKind,
    pub number: u32,
}

/// Full-width ASCII to ASCII, the bracket and space variants to one each; other characters as they
/// are.
fn fold_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' | '\u{00A0}' => ' ',
        '〔' | '﹝' | '【' | '〖' | '﹙' => '(',
        '〕' | '﹞' | '】' | '〗' | '﹚' => ')',
        _ => c,
    }
}

/// The text with HTML tags removed and entities read as a space: labels copied from a legacy page
/// may carry `<b>` or `&nbsp;`.
fn strip_markup(label: &str) -> std::borrow::Cow<'_, str> {
    if !label.contains(['<', '&']) {
        return std::borrow::Cow::Borrowed(label);
    }
    let mut out = String::with_capacity(label.len());
    let mut rest = label;
    while let Some(c) = rest.chars().next() {
        let after = &rest[c.len_utf8()..];
        if c == '<' && after.starts_with(|n: char| n.is_ascii_alphabetic() || n == '/' || n == '!') {
            if let Some(end) = after.find('>') {
                rest = &after[end + 1..];
                out.push(' ');
                continue;
            }
        }
        if c == '&' {
            let name_len = after.find(';').filter(|&n| (2..=8).contains(&n));
            if let Some(n) = name_len.filter(|&n| after[..n].chars().all(|c| c.is_ascii_alphanumeric() || c == '#')) {
                rest = &after[n + 1..];
                out.push(' ');
                continue;
            }
        }
        out.push(c);
        rest = after;
    }
    std::borrow::Cow::Owned(out)
}

fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// A Chinese numeral up to 99 (一, 十二, 二十三).
fn chinese_number(s: &str) -> Option<u32> {
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        ['十'] => Some(10),
        [d] => chinese_digit(*d),
        ['十', d] => Some(10 + chinese_digit(*d)?),
        [t, '十'] => Some(chinese_digit(*t)? * 10),
        [t, '十', d] => Some(chinese_digit(*t)? * 10 + chinese_digit(*d)?),
        _ => None,
    }
}

fn is_chinese_numeral(c: char) -> bool {
    chinese_digit(c).is_some() || c == '十'
}

/// The marker at the start of `s` (folded and trimmed), with the rest of the text.
fn leading_marker(s: &str) -> Option<(Marker, &str)> {
    if let Some(rest) = s.strip_prefix("其中") {
        let rest = rest.trim_start_matches([':', ',', ' ']);
        return Some((Marker { kind: MarkerKind::Part, number: 0 }, rest));
    }
    if let Some(inner) = s.strip_prefix('(') {
        let close = inner.find(')')?;
        let number = &inner[..close];
        let n = if number.chars().all(|c| c.is_ascii_digit()) && !number.is_empty() && number.len() <= 3 {
            number.parse().ok()?
        } else {
            chinese_number(number)?
        };
        return Some((Marker { kind: MarkerKind::Paren, number: n }, &inner[close + 1..]));
    }
    let numeral_end = s.find(|c: char| !is_chinese_numeral(c)).unwrap_or(s.len());
    if numeral_end > 0 {
        let rest = &s[numeral_end..];
        let after = rest.strip_prefix('、').or_else(|| rest.strip_prefix('.'))?;
        return Some((Marker { kind: MarkerKind::Section, number: chinese_number(&s[..numeral_end])? }, after));
    }
    let digits_end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    if digits_end > 0 && digits_end <= 3 {
        let rest = &s[digits_end..];
        let after = rest.strip_prefix('.').or_else(|| rest.strip_prefix('、'))?;
        // "1.2" is a number, not an item marker.
        if after.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        return Some((Marker { kind: MarkerKind::Item, number: s[..digits_end].parse().ok()? }, after));
    }
    None
}

/// The folded text, markup removed, trimmed.
fn fold(label: &str) -> String {
    let stripped = strip_markup(label);
    let mut folded = String::with_capacity(stripped.len());
    folded.extend(stripped.chars().map(fold_char));
    // Trimmed in place: one allocation per label, not two.
    folded.truncate(folded.trim_end().len());
    let leading = folded.len() - folded.trim_start().len();
    folded.drain(..leading);
    folded
}

/// `char::is_alphanumeric`, answering the common characters of a label (ASCII and the CJK Unified
/// Ideographs, every one of which is a letter) without the Unicode tables' search.
#[inline]
fn is_alphanumeric(c: char) -> bool {
    c.is_ascii_alphanumeric() || ('\u{4E00}'..='\u{9FFF}').contains(&c) || (!c.is_ascii() && c.is_alphanumeric())
}

/// The enumeration markers at the start of a label, in order: "三、（一）予以公开" has two.
pub fn markers(label: &str) -> Vec<Marker> {
    markers_of_folded(&fold(label))
}

/// `markers` of a label already folded (`fold`).
fn markers_of_folded(folded: &str) -> Vec<Marker> {
    let mut rest = folded;
    let mut found = Vec::new();
    while let Some((marker, after)) = leading_marker(rest) {
        found.push(marker);
        rest = after.trim_start();
    }
    found
}

/// A label reduced to what identifies it: widths folded, markup, enumeration markers, a 其中
/// prefix and bracketed remarks dropped, punctuation and spaces removed, a trailing 数 or 数量
/// dropped. Two wordings of one row normalise to the same text.
pub fn normalize(label: &str) -> String {
    normalize_folded(&fold(label))
}

/// `normalize` of a label already folded (`fold`).
fn normalize_folded(folded: &str) -> String {
    let mut rest = folded;
    while let Some((_, after)) = leading_marker(rest) {
        rest = after.trim_start();
    }
    let mut out = String::with_capacity(rest.len());
    let mut depth = 0usize;
    for c in rest.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            // An unclosed bracket runs to the end of the label: its text is a remark all the same.
            _ if depth > 0 => {}
            _ if is_alphanumeric(c) => out.push(c.to_ascii_lowercase()),
            _ => {}
        }
    }
    for suffix in ["数量", "数"] {
        if out.len() > suffix.len() && out.ends_with(suffix) {
            out.truncate(out.len() - suffix.len());
            break;
        }
    }
    out
}

/// A column header reduced as `normalize` does, with a leading year read as 本年: a header that names
/// the report year (2013年度, 2013 年度) is the column of the year, whichever year the table is for.
pub fn normalize_column(label: &str) -> String {
    let norm = normalize(label);
    let digits = norm.chars().take_while(char::is_ascii_digit).count();
    match norm[digits..].strip_prefix('年') {
        Some(rest) if digits == 4 => format!("本年{rest}"),
        _ => norm,
    }
}

/// The parts of a path-like label ("三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密"), outermost
/// first, markup removed (so that `</b>` does not split); a label without a path is one part.
/// Parts that normalise to nothing are dropped.
pub fn split_path(label: &str) -> Vec<String> {
    strip_markup(label)
        .split(['/', '／'])
        .map(str::trim)
        .filter(|part| !normalize(part).is_empty())
        .map(str::to_string)
        .collect()
}

/// The length of the longest common subsequence of `a` and `b`.
fn lcs(a: &[char], b: &[char]) -> usize {
    let mut previous = vec![0usize; b.len() + 1];
    let mut current = vec![0usize; b.len() + 1];
    for &ca in a {
        for (j, &cb) in b.iter().enumerate() {
            current[j + 1] = if ca == cb { previous[j] + 1 } else { current[j].max(previous[j + 1]) };
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// 2·common / (|a| + |b|), 0 for two empty texts.
fn ratio(common: usize, a_len: usize, b_len: usize) -> f64 {
    if a_len + b_len == 0 {
        return 0.0;
    }
    2.0 * common as f64 / (a_len + b_len) as f64
}

/// Similarity of two normalised labels: 2·LCS / (|a| + |b|), in 0..=1.
pub fn similarity(a: &str, b: &str) -> f64 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    ratio(lcs(&a, &b), a.len(), b.len())
}

/// The outcome of matching one label against a set of names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Found {
    One(usize),
    Ambiguous,
    None,
}

/// One normalised name of an entry (a row's label or alias, a column's label).
#[derive(Debug, Clone)]
struct Name {
    /// The whole text normalised part by part, parts joined by '/'.
    path: String,
    /// The last part, normalised.
    last: String,
    /// The last part's characters, and the same sorted without repeats: fuzzy matching first
    /// bounds the LCS by the characters two labels share, which rules out most rows at once.
    chars: Vec<char>,
    set: Vec<char>,
    /// The characters of `set` as bits (`char_bit`): the first bound on the characters shared, a
    /// test per character without a search.
    bits: u64,
    /// The last part's own marker, used to tell apart rows of one wording (（二）被依法纠错数).
    marker: Option<Marker>,
}

impl Name {
    fn new(text: &str) -> Name {
        let parts = split_path(text);
        let path = parts.iter().map(|p| normalize(p)).collect::<Vec<_>>().join("/");
        let last_part = parts.last().map(String::as_str).unwrap_or(text);
        Name::with(path, normalize(last_part), markers(last_part).last().copied())
    }

    fn with(path: String, last: String, marker: Option<Marker>) -> Name {
        let chars: Vec<char> = last.chars().collect();
        // Sorted by insertion: a label's few characters need no general sort (whose code would be
        // a few kilobytes of the form page's download).
        let mut set: Vec<char> = Vec::with_capacity(chars.len());
        for &c in &chars {
            if let Err(at) = set.binary_search(&c) {
                set.insert(at, c);
            }
        }
        let bits = set.iter().fold(0, |bits, &c| bits | char_bit(c));
        Name { path, last, chars, set, bits, marker }
    }

    /// The similarity of `part` to this name, or 0 when it cannot reach `floor`.
    fn similarity_above(&self, part: &[char], floor: f64) -> f64 {
        if self.chars.is_empty() || ratio(part.len().min(self.chars.len()), part.len(), self.chars.len()) < floor {
            return 0.0;
        }
        // Most rows of the other tables are ruled out here: an upper bound of the characters
        // shared, then the count itself.
        let at_most = part.iter().filter(|&&c| self.bits & char_bit(c) != 0).count();
        if ratio(at_most.min(self.chars.len()), part.len(), self.chars.len()) < floor {
            return 0.0;
        }
        let shared = part.iter().filter(|c| self.set.binary_search(c).is_ok()).count();
        if ratio(shared.min(self.chars.len()), part.len(), self.chars.len()) < floor {
            return 0.0;
        }
        ratio(lcs(part, &self.chars), part.len(), self.chars.len())
    }
}

/// A character's bit in a 64-bit set of characters (several characters share one).
#[inline]
fn char_bit(c: char) -> u64 {
    1 << (c as u32 % 64)
}

/// Normalised names of a set of entries, ready for repeated matching.
#[derive(Debug, Clone)]
struct Names {
    entries: Vec<Vec<Name>>,
}

impl Names {
    /// Match one label part within `scope`, exact wording first, then a close and unique fuzzy one.
    /// `chars` are the part's characters (for the fuzzy pass).
    fn find_part(&self, part: &str, chars: &[char], marker: Option<Marker>, scope: Range<usize>, fuzzy: bool) -> Found {
        if part.is_empty() {
            return Found::None;
        }
        // Nothing is allocated unless two rows share the wording: every label is tried against
        // every table of every form.
        let is_exact = |&i: &usize| self.entries[i].iter().any(|n| n.last == part);
        let mut exact = scope.clone().filter(is_exact);
        if let Some(first) = exact.next() {
            if exact.next().is_none() {
                return Found::One(first);
            }
            let same_marker: Vec<usize> = scope
                .clone()
                .filter(is_exact)
                .filter(|&i| marker.is_some() && self.entries[i].iter().any(|n| n.last == part && n.marker == marker))
                .collect();
            return match same_marker.as_slice() {
                [one] => Found::One(*one),
                _ => Found::Ambiguous,
            };
        }
        if !fuzzy {
            return Found::None;
        }
        let part = chars;
        if part.len() > FUZZY_MAX_CHARS {
            return Found::None;
        }
        // A row below this can neither win nor come close enough to the winner to matter.
        let floor = FUZZY_THRESHOLD - FUZZY_MARGIN;
        let mut best: Option<(usize, f64)> = None;
        let mut runner_up = 0.0f64;
        for i in scope {
            let score = self.entries[i].iter().map(|n| n.similarity_above(part, floor)).fold(0.0f64, f64::max);
            match best {
                Some((_, b)) if score <= b => runner_up = runner_up.max(score),
                _ => {
                    if let Some((_, b)) = best {
                        runner_up = runner_up.max(b);
                    }
                    best = Some((i, score));
                }
            }
        }
        match best {
            Some((i, score)) if score >= FUZZY_THRESHOLD && score - runner_up >= FUZZY_MARGIN => Found::One(i),
            Some((_, score)) if score >= FUZZY_THRESHOLD => Found::Ambiguous,
            _ => Found::None,
        }
    }

    fn find_path(&self, path: &str) -> Found {
        let hits: Vec<usize> =
            (0..self.entries.len()).filter(|&i| self.entries[i].iter().any(|n| n.path == path)).collect();
        match hits.as_slice() {
            [one] => Found::One(*one),
            [] => Found::None,
            _ => Found::Ambiguous,
        }
    }
}

/// One part of a label as matching reads it: normalised, its characters, its own marker.
#[derive(Debug)]
struct QueryPart {
    norm: String,
    chars: Vec<char>,
    marker: Option<Marker>,
}

/// A label read for matching: its parts (`split_path`), each normalised, and the whole path.
#[derive(Debug)]
struct Query {
    whole: String,
    parts: Vec<QueryPart>,
}

impl Query {
    fn new(label: &str) -> Query {
        // As `split_path`, each part normalised once.
        let parts: Vec<QueryPart> = strip_markup(label)
            .split(['/', '／'])
            .map(str::trim)
            .filter_map(|part| {
                // Folded once for both readings.
                let folded = fold(part);
                let norm = normalize_folded(&folded);
                let chars = norm.chars().collect();
                (!norm.is_empty()).then(|| QueryPart {
                    norm,
                    chars,
                    marker: markers_of_folded(&folded).last().copied(),
                })
            })
            .collect();
        let whole = parts.iter().map(|p| p.norm.as_str()).collect::<Vec<_>>().join("/");
        Query { whole, parts }
    }

    /// The query of `label`, read once for all the tables it is tried against: an import tries
    /// each row's label against every table of every form, and reading it again for each took
    /// half of an import.
    fn of(label: &str) -> Option<Rc<Query>> {
        LAST_QUERY.with(|last| {
            let mut last = last.borrow_mut();
            if last.0 != label {
                *last = (label.to_string(), Rc::new(Query::new(label)));
            }
            let query = Rc::clone(&last.1);
            (!query.parts.is_empty()).then_some(query)
        })
    }
}

thread_local! {
    /// The label matched last, read: the tables of every form are tried one after the other.
    static LAST_QUERY: RefCell<(String, Rc<Query>)> = RefCell::new((String::new(), Rc::new(Query::new(""))));

    /// Normalised row names by table. A table's rows are `'static` data, so the address and length
    /// of the slice name them for the life of the program; the browser matches the rows of a page
    /// one call at a time, and each call would otherwise normalise every label again.
    static ROW_NAMES: RefCell<HashMap<(usize, usize), Rc<Names>>> = RefCell::new(HashMap::new());
}

/// A table's row labels, normalised once, for matching many labels (an import, a legacy page).
#[derive(Debug, Clone)]
pub struct RowIndex<'t> {
    table: &'t TableDef,
    names: Rc<Names>,
}

impl<'t> RowIndex<'t> {
    pub fn new(table: &'t TableDef) -> RowIndex<'t> {
        let key = (table.rows.as_ptr() as usize, table.rows.len());
        let names = ROW_NAMES.with(|cache| {
            Rc::clone(cache.borrow_mut().entry(key).or_insert_with(|| {
                let entries = table
                    .rows
                    .iter()
                    .map(|row| std::iter::once(row.label).chain(row.aliases.iter().copied()).map(Name::new).collect())
                    .collect();
                Rc::new(Names { entries })
            }))
        });
        RowIndex { table, names }
    }

    pub fn table(&self) -> &'t TableDef {
        self.table
    }

    /// The rows nested under `row` (deeper, up to the next row at its depth or above).
    pub fn descendants(&self, row: usize) -> Range<usize> {
        let rows = self.table.rows;
        let depth = rows[row].depth;
        let end = (row + 1..rows.len()).find(|&j| rows[j].depth <= depth).unwrap_or(rows.len());
        row + 1..end
    }

    /// `row` and the rows it is nested under, innermost first.
    pub fn ancestors(&self, row: usize) -> Vec<usize> {
        let rows = self.table.rows;
        let mut chain = vec![row];
        let mut depth = rows[row].depth;
        for j in (0..row).rev() {
            if rows[j].depth < depth {
                chain.push(j);
                depth = rows[j].depth;
            }
        }
        chain
    }

    /// The row a label names, if exactly one fits. Path-like labels resolve part by part, each part
    /// within the rows nested under the previous one.
    pub fn find(&self, label: &str) -> Option<usize> {
        self.find_after(label, None)
    }

    /// As `find`, with the row placed just before as context: a label that several rows share
    /// (（二）被依法纠错数 under both 四 and 五) resolves to the one nested where the reader is.
    pub fn find_after(&self, label: &str, previous: Option<usize>) -> Option<usize> {
        if !nameable(label) {
            return None;
        }
        let query = Query::of(label)?;
        if let Found::One(i) = self.names.find_path(&query.whole) {
            return Some(i);
        }
        let (last, groups) = query.parts.split_last()?;
        let all = 0..self.table.rows.len();

        // Narrow the scope group by group; a group the form does not print is skipped.
        let mut scope = all.clone();
        for group in groups {
            let mut found = self.names.find_part(&group.norm, &group.chars, group.marker, scope.clone(), false);
            if found == Found::None {
                found = self.names.find_part(&group.norm, &group.chars, group.marker, scope.clone(), true);
            }
            if let Found::One(g) = found {
                scope = self.descendants(g);
            }
        }
        let mut scopes = Vec::new();
        if !groups.is_empty() {
            scopes.push(scope);
        } else if let Some(previous) = previous.filter(|&p| p < self.table.rows.len()) {
            scopes.extend(self.ancestors(previous).into_iter().map(|a| self.descendants(a)).filter(|s| !s.is_empty()));
        }
        scopes.push(all);
        // Exact wording anywhere beats a fuzzy match nearby; within a pass, the innermost scope
        // wins, and a tie there is no match (a wider scope only adds candidates).
        for fuzzy in [false, true] {
            for scope in &scopes {
                match self.names.find_part(&last.norm, &last.chars, last.marker, scope.clone(), fuzzy) {
                    Found::One(i) => return Some(i),
                    Found::Ambiguous => return None,
                    Found::None => {}
                }
            }
        }
        None
    }
}

/// Whether a label may name a row or column at all: not past the bound, and without a bidi control
/// (U+202E…), which shows the label in another order than it is written: the row it would be
/// read as is not the row a person sees (`invisible`). Zero-width characters are only dropped, as
/// `normalize` drops everything but letters and digits.
fn nameable(label: &str) -> bool {
    label.len() <= MAX_LABEL_BYTES && !crate::invisible::has_bidi_control(label)
}

/// The row of `table` that `label` names, if exactly one fits (see `RowIndex::find`).
pub fn match_row(table: &TableDef, label: &str) -> Option<usize> {
    RowIndex::new(table).find(label)
}

/// The column of `columns` that `label` names (a header cell such as 本年收费金额（单位：万元）), if
/// exactly one fits. Column labels are never paths: 本年增/减 is one label.
pub fn match_column(columns: &[ColumnDef], label: &str) -> Option<usize> {
    if !nameable(label) {
        return None;
    }
    let norm = normalize_column(label);
    let chars: Vec<char> = norm.chars().collect();
    let names = Names {
        entries: columns
            .iter()
            .map(|c| vec![Name::with(normalize_column(c.label), normalize_column(c.label), None)])
            .collect(),
    };
    match names.find_part(&norm, &chars, None, 0..columns.len(), false) {
        Found::One(i) => Some(i),
        Found::Ambiguous => None,
        Found::None => match names.find_part(&norm, &chars, None, 0..columns.len(), true) {
            Found::One(i) => Some(i),
            _ => None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_folds_widths_markers_brackets_and_suffix() {
        assert_eq!(normalize("（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）"), "主动公开政府信息");
        assert_eq!(normalize("(一)主动公开政府信息数 (不同渠道和方式公开相同信息计1条)"), "主动公开政府信息");
        assert_eq!(normalize("1．政府公报公开政府信息数"), normalize("1.政府公报公开政府信息数"));
        assert_eq!(normalize("1、政府公报公开政府信息数"), "政府公报公开政府信息");
        assert_eq!(normalize("其中：主动公开规范性文件数"), "主动公开规范性文件");
        assert_eq!(normalize("三、（一）予以公开"), "予以公开");
        assert_eq!(normalize("危及“三安全一稳定”"), "危及三安全一稳定");
        assert_eq!(normalize("<b>收到申请数</b>&nbsp;"), "收到申请");
        assert_eq!(normalize("本年增/减"), "本年增减");
        assert_eq!(normalize("（本列数据的勾稽关系为：第一项加第二项之和）"), "");
        assert_eq!(normalize("数"), "数");
    }

    #[test]
    fn markers_read_each_enumeration() {
        let m = markers("三、（一）予以公开");
        assert_eq!(
            m,
            vec![Marker { kind: MarkerKind::Section, number: 3 }, Marker { kind: MarkerKind::Paren, number: 1 }]
        );
        assert_eq!(markers("十二、其他"), vec![Marker { kind: MarkerKind::Section, number: 12 }]);
        assert_eq!(markers("1.2万元"), vec![]);
        assert_eq!(markers("２．兼职人员数"), vec![Marker { kind: MarkerKind::Item, number: 2 }]);
    }

    #[test]
    fn columns_match_by_their_header_text() {
        use crate::form::FormId;
        let b = FormId::F2021.def().tables.iter().find(|t| t.id == "B").unwrap();
        assert_eq!(match_column(b.columns, "自然人").map(|c| b.columns[c].id), Some("natural"));
        assert_eq!(match_column(b.columns, " 总计 ").map(|c| b.columns[c].id), Some("total"));
        assert_eq!(match_column(b.columns, "申请人情况"), None);
        let a = FormId::F2021.def().tables.iter().find(|t| t.id == "A").unwrap();
        let fees = a.row_columns(a.rows.iter().find(|r| r.id == "fees").unwrap());
        assert_eq!(match_column(fees, "本年收费金额(单位:万元)").map(|c| fees[c].id), Some("amount"));
    }

    #[test]
    fn a_header_naming_the_year_is_the_column_of_the_year() {
        use crate::form::FormId;
        assert_eq!(normalize_column("2013 年度"), "本年度");
        assert_eq!(normalize_column("２０１３年度"), "本年度");
        assert_eq!(normalize_column("历年累计"), "历年累计");
        assert_eq!(normalize_column("2013"), "2013");
        let t = &FormId::F2016Fj.def().tables[0];
        assert_eq!(match_column(t.columns, "2013 年度").map(|c| t.columns[c].id), Some("year"));
        assert_eq!(match_column(t.columns, "本年度").map(|c| t.columns[c].id), Some("year"));
        assert_eq!(match_column(t.columns, "历年累计").map(|c| t.columns[c].id), Some("cumulative"));
    }

    #[test]
    fn nesting_follows_depth() {
        use crate::form::FormId;
        let table = &FormId::F2016.def().tables[0];
        let index = RowIndex::new(table);
        let at = |id: &str| table.rows.iter().position(|r| r.id == id).unwrap();
        let ids = |range: Range<usize>| range.map(|r| table.rows[r].id).collect::<Vec<_>>();
        assert_eq!(ids(index.descendants(at("4"))), ["4.1", "4.2", "4.3"]);
        assert_eq!(
            ids(index.descendants(at("3.3.4"))),
            ["3.3.4.a", "3.3.4.b", "3.3.4.c", "3.3.4.d", "3.3.4.e", "3.3.4.f"]
        );
        assert!(index.descendants(at("6")).is_empty());
        let chain: Vec<&str> = index.ancestors(at("3.3.4.b")).into_iter().map(|r| table.rows[r].id).collect();
        assert_eq!(chain, ["3.3.4.b", "3.3.4", "3.3", "3"]);
    }

    #[test]
    fn an_index_is_built_once_per_table() {
        use crate::form::FormId;
        let table = &FormId::F2016.def().tables[0];
        let (a, b) = (RowIndex::new(table), RowIndex::new(table));
        assert!(Rc::ptr_eq(&a.names, &b.names));
    }

    #[test]
    fn the_fast_alphanumeric_test_agrees_with_the_standard_one() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn a_label_reads_the_same_from_the_cache() {
        use crate::form::FormId;
        let table = FormId::F2021.def().tables.iter().find(|t| t.id == "B").unwrap();
        let index = RowIndex::new(table);
        let label = "三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密";
        let first = index.find(label);
        assert!(first.is_some());
        assert_eq!(index.find("（一）予以公开"), index.find("（一）予以公开"));
        assert_eq!(index.find(label), first);
        assert_eq!(index.find(""), None);
    }

    #[test]
    fn similarity_is_lcs_ratio() {
        assert_eq!(similarity("abc", "abc"), 1.0);
        assert_eq!(similarity("", "abc"), 0.0);
        assert!((similarity("兼职人", "兼职人员") - 6.0 / 7.0).abs() < 1e-9);
    }
}
