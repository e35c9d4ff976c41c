//! Which form version a report's tables are: from their structure (the rows, column headers and
//! captions only one version has), falling back on the report year.
//!
//! Nothing here names a form: every signal comes from comparing the text with each definition.
//! A label that every version has says nothing; one that some versions have and others lack is a
//! signal for those that have it. One more signal reads structure rather than wording: a row
//! given figures that is a single row in one version but a group of rows in another, whose rows
//! the text never gives (the 2019 trial's single （六）其他处理 row against 2021's 3.6.1–3.6.3).

use std::rc::Rc;

use serde::Serialize;

use super::document::{Document, LineKind};
use super::meta;
use super::place::{compact, has_digit, is_blank, is_value, Vocabulary};
use crate::form::labels::{normalize_column, RowIndex};
use crate::form::{FormDef, FormId};

/// What a signal rests on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Evidence {
    /// A row label that names this row of the form.
    Row { table: &'static str, row: &'static str },
    /// A header cell that names a column of the form.
    Column { label: String },
    /// A caption that names a column group of the form (第二十条第（九）项).
    Caption { label: String },
    /// A row given figures that is a single row here, but a group elsewhere whose rows are absent.
    SingleRow { table: &'static str, row: &'static str },
}

/// One structural hint that the tables are of `form`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Signal {
    pub form: FormId,
    /// The 1-based line it was seen on.
    pub line: usize,
    pub evidence: Evidence,
}

/// The structural signals seen in a report and the form they point to, if they point to one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Structure {
    /// The form with the most signals, when one has more than every other.
    pub form: Option<FormId>,
    pub signals: Vec<Signal>,
    /// How many table rows each form recognises a label of (signal or not), in `FormId::ALL` order.
    #[serde(skip)]
    pub(crate) recognised: Vec<(FormId, usize)>,
}

impl Structure {
    /// How many signals point to `form`.
    pub fn score(&self, form: FormId) -> usize {
        self.signals.iter().filter(|s| s.form == form).count()
    }

    /// The form for these tables: the structure's, else among the best-scoring forms the one whose
    /// years hold `year` (a national form before a province's own), else the one that recognises the
    /// most rows (on a tie a national form, then the latest). `None` when no form recognises any row.
    /// A province's own version is chosen only on signals of its own.
    pub fn decide(&self, year: Option<u16>) -> Option<FormId> {
        if let Some(form) = self.form {
            return Some(form);
        }
        if self.recognised.iter().all(|&(_, n)| n == 0) {
            return None;
        }
        let best = FormId::ALL.iter().map(|&f| self.score(f)).max().unwrap_or(0);
        let tied: Vec<FormId> = FormId::ALL.into_iter().filter(|&f| self.score(f) == best).collect();
        let national = |f: FormId| f.def().province.is_none();
        if let Some(year) = year {
            let holds = |f: &&FormId| {
                let (from, to) = f.def().years;
                (from..=to).contains(&year)
            };
            if let Some(&f) = tied.iter().filter(holds).find(|f| national(**f)).or_else(|| tied.iter().find(holds)) {
                return Some(f);
            }
        }
        self.recognised
            .iter()
            .filter(|(f, _)| tied.contains(f))
            .max_by_key(|&&(f, n)| (n, national(f), f))
            .filter(|&&(_, n)| n > 0)
            .map(|&(f, _)| f)
    }
}

/// A (table, row) of a form, by index.
type Place = (usize, usize);

/// A form with its indexes, for reading every line against it.
struct FormView<'f> {
    form: &'f FormDef,
    indexes: Vec<RowIndex<'f>>,
    vocabulary: Rc<Vocabulary>,
}

pub(crate) fn structure_of(doc: &Document) -> Structure {
    let views: Vec<FormView> = FormId::ALL
        .iter()
        .map(|f| {
            let form = f.def();
            FormView {
                form,
                indexes: form.tables.iter().map(RowIndex::new).collect(),
                vocabulary: Vocabulary::of(form),
            }
        })
        .collect();
    let n = views.len();
    let mut signals = Vec::new();
    let mut recognised = vec![0usize; n];
    // Per line with figures: the (table, row) each form's labels name.
    let mut rows_with_figures: Vec<(usize, Vec<Option<Place>>)> = Vec::new();
    // Per form and table: the rows some line names.
    let mut named: Vec<Vec<Vec<bool>>> =
        views.iter().map(|v| v.form.tables.iter().map(|t| vec![false; t.rows.len()]).collect()).collect();

    let distinctive = |hits: &[bool]| hits.iter().any(|&h| h) && !hits.iter().all(|&h| h);

    for line in &doc.lines {
        match &line.kind {
            LineKind::Row(cells) => {
                let Some(label) = cells.first().filter(|l| !is_value(l) && !is_blank(l)) else { continue };
                let values = &cells[1..];
                // Each value normalised once, then looked up in every form's vocabulary.
                let normalized: Vec<String> = values.iter().map(|v| normalize_column(v)).collect();
                let is_column =
                    |n: &str| views.iter().any(|view| !view.vocabulary.normalized_column_tables(n).is_empty());
                // A header naming the year (2013年度) holds digits but no figure.
                if !values.iter().zip(&normalized).any(|(v, n)| has_digit(v) && !is_column(n)) {
                    for (v, n) in values.iter().zip(&normalized).filter(|(v, _)| !is_blank(v)) {
                        let hits: Vec<bool> =
                            views.iter().map(|view| !view.vocabulary.normalized_column_tables(n).is_empty()).collect();
                        if distinctive(&hits) {
                            for (i, _) in hits.iter().enumerate().filter(|(_, &h)| h) {
                                let evidence = Evidence::Column { label: v.clone() };
                                signals.push(Signal { form: FormId::ALL[i], line: line.number, evidence });
                            }
                        }
                    }
                }
                let found: Vec<Option<Place>> = views
                    .iter()
                    .map(|view| {
                        view.indexes.iter().enumerate().find_map(|(t, index)| index.find(label).map(|r| (t, r)))
                    })
                    .collect();
                let hits: Vec<bool> = found.iter().map(Option::is_some).collect();
                for (i, f) in found.iter().enumerate() {
                    if let Some((t, r)) = *f {
                        recognised[i] += 1;
                        named[i][t][r] = true;
                        if distinctive(&hits) {
                            let table = &views[i].form.tables[t];
                            let evidence = Evidence::Row { table: table.id, row: table.rows[r].id };
                            signals.push(Signal { form: FormId::ALL[i], line: line.number, evidence });
                        }
                    }
                }
                if values.iter().any(|v| has_digit(v)) && hits.iter().filter(|&&h| h).count() > 1 {
                    rows_with_figures.push((line.number, found));
                }
            }
            LineKind::Text => {
                let text = meta::line_text(doc.syntax, &line.text);
                let compacted = compact(text);
                let hits: Vec<bool> =
                    views.iter().map(|v| !v.vocabulary.compacted_caption_tables(&compacted).is_empty()).collect();
                if distinctive(&hits) {
                    for (i, _) in hits.iter().enumerate().filter(|(_, &h)| h) {
                        let evidence = Evidence::Caption { label: text.trim().to_string() };
                        signals.push(Signal { form: FormId::ALL[i], line: line.number, evidence });
                    }
                }
            }
            _ => {}
        }
    }

    for (number, found) in rows_with_figures {
        for (i, fi) in found.iter().enumerate() {
            let Some((ti, ri)) = *fi else { continue };
            if !views[i].indexes[ti].descendants(ri).is_empty() {
                continue;
            }
            let grouped_elsewhere = found.iter().enumerate().any(|(j, fj)| {
                let Some((tj, rj)) = *fj else { return false };
                let under = views[j].indexes[tj].descendants(rj);
                !under.is_empty() && !under.clone().any(|k| named[j][tj][k])
            });
            if grouped_elsewhere {
                let table = &views[i].form.tables[ti];
                let evidence = Evidence::SingleRow { table: table.id, row: table.rows[ri].id };
                signals.push(Signal { form: FormId::ALL[i], line: number, evidence });
            }
        }
    }

    let scores: Vec<usize> = FormId::ALL.iter().map(|&f| signals.iter().filter(|s| s.form == f).count()).collect();
    let best = scores.iter().copied().max().unwrap_or(0);
    let form = (best > 0 && scores.iter().filter(|&&s| s == best).count() == 1)
        .then(|| FormId::ALL[scores.iter().position(|&s| s == best).unwrap_or(0)]);
    Structure { form, signals, recognised: FormId::ALL.into_iter().zip(recognised).collect() }
}

/// The structural signals of a text report (pipe text, Markdown or TSV; JSON names its form and
/// has no structure to read).
pub fn structure_form(input: &str) -> Structure {
    let doc = Document::lex(input, Document::sniff(input));
    structure_of(&doc)
}

/// The form of a report: a JSON report's own, else from the tables' structure, falling back on the
/// year in the title. `None` when no table row is recognisable.
pub fn detect(input: &str) -> Option<FormId> {
    if super::json::looks_like_json(input) {
        return super::json::import_json(input).ok().map(|i| i.report.form);
    }
    let doc = Document::lex(input, Document::sniff(input));
    let year = meta::read(&doc).year;
    structure_of(&doc).decide(year)
}
