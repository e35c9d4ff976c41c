//! The preview as HTML, in the official layout. Every text and attribute value goes through the
//! escaping writer; ids are derived from cell ids by `cell_anchor`.

use super::layout::{Block, Grid, GridCell, GridKind, GridRow, Preview, AGENCY_LABEL};
use super::writer::Html;
use super::{cell_anchor, Chrome, RenderOptions, STYLE_SHEET};
use crate::diagnostic::{Diagnostic, Severity};
use crate::report::Report;

/// The report as HTML: one `<article class="dr-preview">` to mount in a page that links
/// `preview.css`, or with `standalone` a whole document with the style sheet embedded.
pub fn html(report: &Report, diagnostics: &[Diagnostic], options: &RenderOptions) -> String {
    let preview = Preview::new(report, diagnostics);
    let chrome = Chrome::of(options.lang);
    let lang = Chrome::lang_tag(options.lang);
    let mut h = Html::new();
    if options.standalone {
        h.doctype();
        h.elem("html").attr("lang", "zh-CN").body(|h| {
            h.newline();
            h.elem("head").body(|h| {
                h.newline();
                h.elem("meta").attr("charset", "utf-8");
                h.newline();
                h.elem("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
                h.newline();
                h.elem("title").text(&preview.title);
                h.newline();
                h.style_sheet(STYLE_SHEET);
                h.newline();
            });
            h.newline();
            h.elem("body").body(|h| {
                h.newline();
                article(h, &preview, chrome, lang);
                h.newline();
            });
            h.newline();
        });
    } else {
        article(&mut h, &preview, chrome, lang);
    }
    h.newline();
    h.finish()
}

fn article(h: &mut Html, p: &Preview<'_>, chrome: &Chrome, lang: &str) {
    // The report is Chinese whatever the language of the findings around it.
    h.elem("article").attr("class", "dr-preview").attr("lang", "zh-CN").body(|h| {
        h.newline();
        h.elem("h1").attr("class", "dr-title").text(&p.title);
        h.newline();
        for block in &p.blocks {
            match block {
                Block::Heading { level, text, id } => {
                    let tag = match level {
                        1 => "h2",
                        2 => "h3",
                        _ => "h4",
                    };
                    h.elem(tag).attr("id", id).attr("class", "dr-heading").text(text);
                }
                Block::Paragraph { pieces } => h.elem("p").body(|h| {
                    for piece in pieces {
                        match piece.finding {
                            None => h.text(piece.text),
                            Some(n) => quoted(h, p, n, piece.text, piece.quote_start, piece.quote_end, chrome),
                        }
                    }
                }),
                Block::Table { table, part } => tables(h, p, *table, part.as_deref(), chrome),
            }
            h.newline();
        }
        if p.signature.is_some() || p.date.is_some() {
            h.elem("div").attr("class", "dr-closing").body(|h| {
                if let Some(agency) = p.signature {
                    h.elem("p").attr("class", "dr-signature").text(agency);
                }
                if let Some(date) = &p.date {
                    h.elem("p").attr("class", "dr-date").text(date);
                }
            });
            h.newline();
        }
        for &t in &p.attachments {
            let title_id = format!("dr-table-{}-title", t + 1);
            h.elem("section").attr("class", "dr-attachment").attr("aria-labelledby", &title_id).body(|h| {
                h.newline();
                h.elem("h2").attr("id", &title_id).attr("class", "dr-table-title").text(p.table_title(t));
                h.newline();
                if let Some(year) = p.year {
                    h.elem("p").attr("class", "dr-table-year").text(&format!("（{year}年度）"));
                    h.newline();
                }
                if let Some(agency) = p.agency {
                    h.elem("p").attr("class", "dr-table-agency").body(|h| {
                        h.text(AGENCY_LABEL);
                        h.text(agency);
                    });
                    h.newline();
                }
                tables(h, p, t, Some(&title_id), chrome);
                h.newline();
            });
            h.newline();
        }
        if !p.findings.is_empty() {
            findings(h, p, chrome, lang);
            h.newline();
        }
    });
}

/// A run of the narrative that a finding quotes, linked to the finding.
fn quoted(h: &mut Html, p: &Preview<'_>, n: usize, text: &str, start: bool, end: bool, chrome: &Chrome) {
    let severity = p.findings[n].diagnostic.severity;
    let id = start.then(|| quote_id(n));
    h.elem("mark")
        .attr_opt("id", id.as_deref())
        .attr("class", &format!("dr-quote {}", severity_class(severity)))
        .attr("aria-describedby", &finding_id(n))
        .text(text);
    if end {
        refs(h, &[n], chrome);
    }
}

fn tables(h: &mut Html, p: &Preview<'_>, t: usize, labelled_by: Option<&str>, chrome: &Chrome) {
    h.elem("div").attr("class", "dr-table").attr("data-table", p.form.tables[t].id).body(|h| {
        for grid in p.grids(t) {
            h.newline();
            table(h, p, &grid, labelled_by, chrome);
        }
        h.newline();
    });
}

fn table(h: &mut Html, p: &Preview<'_>, grid: &Grid<'_>, labelled_by: Option<&str>, chrome: &Chrome) {
    let indicators = grid.kind == GridKind::Indicators;
    let class = if indicators { "dr-form dr-indicators" } else { "dr-form dr-matrix" };
    let width = 1 + usize::from(indicators) + grid.columns.len();
    h.elem("table").attr("class", class).attr_opt("aria-labelledby", labelled_by).body(|h| {
        h.newline();
        h.elem("colgroup").body(|h| {
            h.elem("col").attr("class", "dr-col-stub");
            if indicators {
                h.elem("col").attr("class", "dr-col-unit");
            }
            for column in &grid.columns {
                h.elem("col").attr("class", "dr-col-value").attr("data-column", column.id);
            }
        });
        h.newline();
        h.elem("thead").body(|h| {
            if let Some(caption) = grid.caption {
                h.elem("tr").body(|h| {
                    h.elem("th")
                        .attr("class", "dr-caption")
                        .attr("colspan", &width.to_string())
                        .attr("scope", "colgroup")
                        .text(caption);
                });
                h.newline();
            }
            let rows = (grid.header.len() > 1).then(|| grid.header.len().to_string());
            for (i, cells) in grid.header.iter().enumerate() {
                h.elem("tr").body(|h| {
                    if i == 0 {
                        if indicators {
                            h.elem("th")
                                .attr("class", "dr-stub-head")
                                .attr_opt("rowspan", rows.as_deref())
                                .attr("scope", "col")
                                .text(grid.stub_header);
                            h.elem("th")
                                .attr("class", "dr-unit-head")
                                .attr_opt("rowspan", rows.as_deref())
                                .attr("scope", "col")
                                .text(grid.unit_header);
                        } else {
                            h.elem("td").attr("class", "dr-corner").attr_opt("rowspan", rows.as_deref());
                        }
                    }
                    for cell in cells {
                        let mut th = h.elem("th").attr("scope", if cell.group { "colgroup" } else { "col" });
                        if cell.colspan > 1 {
                            th = th.attr("colspan", &cell.colspan.to_string());
                        }
                        if cell.rowspan > 1 {
                            th = th.attr("rowspan", &cell.rowspan.to_string());
                        }
                        th.text(&cell.text);
                    }
                });
                h.newline();
            }
        });
        h.newline();
        h.elem("tbody").body(|h| {
            h.newline();
            for row in &grid.rows {
                match row {
                    GridRow::Group { label, depth } => h.elem("tr").attr("class", "dr-group").body(|h| {
                        h.elem("th")
                            .attr("class", &format!("dr-stub dr-depth-{depth}"))
                            .attr("colspan", &width.to_string())
                            .attr("scope", "rowgroup")
                            .text(label);
                    }),
                    GridRow::Values { row, cells } => {
                        h.elem("tr").attr("class", "dr-row").attr("data-row", row.id).body(|h| {
                            h.elem("th")
                                .attr("class", &format!("dr-stub dr-depth-{}", row.depth))
                                .attr("scope", "row")
                                .text(row.label);
                            if indicators {
                                h.elem("td").attr("class", "dr-unit").text(row.unit);
                            }
                            for cell in cells {
                                value_cell(h, p, cell, chrome);
                            }
                        })
                    }
                }
                h.newline();
            }
        });
        h.newline();
    });
}

/// A value cell: the text as typed, its id, and where it has findings, their severity, a
/// description for assistive technology and links to them.
fn value_cell(h: &mut Html, p: &Preview<'_>, cell: &GridCell<'_>, chrome: &Chrome) {
    let mut class = String::from("dr-cell");
    if cell.text.trim().is_empty() {
        class.push_str(" dr-blank");
    }
    let described_by: Vec<String> = cell.findings.iter().map(|&n| finding_id(n)).collect();
    if let Some(severity) = p.severity(cell.findings) {
        class.push_str(" dr-flagged ");
        class.push_str(severity_class(severity));
    }
    let messages: Vec<&str> = cell.findings.iter().map(|&n| p.findings[n].message()).collect();
    h.elem("td")
        .attr("id", &cell_anchor(&cell.id))
        .attr("class", &class)
        .attr("data-cell", &cell.id)
        .attr_opt("aria-describedby", (!described_by.is_empty()).then(|| described_by.join(" ")).as_deref())
        .attr_opt("title", (!messages.is_empty()).then(|| messages.join(chrome.list_separator)).as_deref())
        .body(|h| {
            h.text(cell.text);
            if !cell.findings.is_empty() {
                refs(h, cell.findings, chrome);
            }
        });
}

/// Superscript links from a marked cell or sentence to its findings, numbered as the list is.
fn refs(h: &mut Html, findings: &[usize], chrome: &Chrome) {
    h.elem("sup").attr("class", "dr-refs").body(|h| {
        for (i, &n) in findings.iter().enumerate() {
            if i > 0 {
                h.text(",");
            }
            let label = format!("{} {}", chrome.see_finding, n + 1);
            h.elem("a")
                .attr("href", &format!("#{}", finding_id(n)))
                .attr("aria-label", &label)
                .text(&(n + 1).to_string());
        }
    });
}

fn findings(h: &mut Html, p: &Preview<'_>, chrome: &Chrome, lang: &str) {
    // An aside: the findings are about the report, not part of it (a reader of the page, the
    // project's own HTML reader too, leaves them out of the report's text).
    h.elem("aside").attr("class", "dr-findings").attr("aria-labelledby", "dr-findings-title").attr("lang", lang).body(
        |h| {
            h.newline();
            h.elem("h2").attr("id", "dr-findings-title").body(|h| {
                h.text(chrome.findings);
                h.text(chrome.count_open);
                h.text(&p.findings.len().to_string());
                h.text(chrome.count_close);
            });
            h.newline();
            h.elem("ol").body(|h| {
                h.newline();
                for (n, finding) in p.findings.iter().enumerate() {
                    let d = finding.diagnostic;
                    h.elem("li")
                        .attr("id", &finding_id(n))
                        .attr("class", &format!("dr-finding {}", severity_class(d.severity)))
                        .attr("data-code", d.code.as_str())
                        .attr_opt("data-cell", finding.cell.as_ref().map(|(_, id)| id.as_str()))
                        .body(|h| {
                            h.elem("span").attr("class", "dr-severity").text(chrome.severity(d.severity));
                            h.elem("span").attr("class", "dr-visually-hidden").text(chrome.separator);
                            h.text(" ");
                            if let Some((cell, id)) = &finding.cell {
                                h.elem("a")
                                    .attr("class", "dr-finding-cell")
                                    .attr("href", &format!("#{}", cell_anchor(id)))
                                    .text(&p.form.cell_label(*cell));
                                h.text(chrome.separator);
                            }
                            h.elem("span").attr("class", "dr-message").text(finding.message());
                            if finding.quoted {
                                h.text(" ");
                                h.elem("a")
                                    .attr("class", "dr-finding-quote")
                                    .attr("href", &format!("#{}", quote_id(n)))
                                    .text(chrome.quote);
                            }
                        });
                    h.newline();
                }
            });
            h.newline();
        },
    );
}

fn finding_id(n: usize) -> String {
    format!("dr-finding-{}", n + 1)
}

fn quote_id(n: usize) -> String {
    format!("dr-quote-{}", n + 1)
}

fn severity_class(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "dr-error",
        Severity::Warning => "dr-warning",
        Severity::Info => "dr-info",
    }
}
