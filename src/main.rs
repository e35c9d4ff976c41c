//! The command line for reviewers: `disclosure-report check [--format json] [--lang zh|en] FILE...`
//! and `disclosure-report render [--format html|text] [--lang zh|en] FILE`.
//!
//! Exit codes: 0 no errors; 1 errors found; 2 a file could not be read or recognised, or bad usage.

use std::io::Write;
use std::process::ExitCode;

mod batch;

use disclosure_report::accept;
use disclosure_report::coverage::Coverage;
use disclosure_report::diagnostic::{Diagnostic, Severity};
use disclosure_report::engine::Mode;
use disclosure_report::form::FormId;
use disclosure_report::import::{self, Imported};
use disclosure_report::messages::{self, Lang};
use disclosure_report::render::{self, RenderOptions};
use disclosure_report::report::Report;
use disclosure_report::validate::{self, Options};

const USAGE: &str = "\
usage: disclosure-report check [--format human|json|csv] [--lang zh|en] [--previous LAST_YEAR] [--accept ACCEPTED] FILE|DIR...
       disclosure-report render [--format html|text] [--lang zh|en] FILE
       disclosure-report read FILE

check   reads reports (HTML pages, Word .docx, PDF, plain text as published, Markdown, TSV, or the project's
        JSON; a DIR is read recursively) and prints their findings and how much of each table was read.
        --format csv writes one line per report, for a spreadsheet.
        With --previous, FILE is also compared with the same agency's report of the year before.
        With --accept, findings recorded in ACCEPTED (JSON: code, cell, figures, comment) are shown as
        accepted and do not fail the run; an accept that matches nothing is reported.
        Exit 0: no errors; 1: errors found; 2: a file could not be read or recognised.
render  writes the preview of the finished report to standard output.
read    prints what the file's reader read, before any cell is placed: text blocks and table rows
        with their cells' spans (to see why a row was or was not placed).";

struct Args {
    command: String,
    format: Option<String>,
    lang: Lang,
    /// The same agency's report of the year before, to compare with.
    previous: Option<String>,
    /// Findings a reviewer accepted (a JSON file).
    accept: Option<String>,
    files: Vec<String>,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let command = args.next().ok_or("no command given")?;
    if command == "--help" || command == "-h" {
        return Err(String::new());
    }
    if command != "check" && command != "render" && command != "read" {
        return Err(format!("unknown command \"{command}\""));
    }
    let mut parsed = Args { command, format: None, lang: Lang::Zh, previous: None, accept: None, files: Vec::new() };
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--format" => parsed.format = Some(args.next().ok_or("--format needs a value")?),
            "--previous" => parsed.previous = Some(args.next().ok_or("--previous needs a file")?),
            "--accept" => parsed.accept = Some(args.next().ok_or("--accept needs a file")?),
            "--lang" => {
                let v = args.next().ok_or("--lang needs a value")?;
                parsed.lang = Lang::parse(&v).ok_or(format!("--lang takes zh or en, not \"{v}\""))?;
            }
            "-h" | "--help" => return Err(String::new()),
            s if s.starts_with("--") => return Err(format!("unknown option \"{s}\"")),
            _ => parsed.files.push(arg),
        }
    }
    if parsed.files.is_empty() {
        return Err("no FILE given".into());
    }
    if parsed.previous.is_some() && (parsed.command != "check" || parsed.files.len() != 1) {
        return Err("--previous compares one report with its year before: give check one FILE".into());
    }
    if parsed.accept.is_some() && parsed.command != "check" {
        return Err("--accept is for check".into());
    }
    let formats: &[&str] = if parsed.command == "check" { &["human", "json", "csv"] } else { &["html", "text"] };
    if let Some(format) = &parsed.format {
        if !formats.contains(&format.as_str()) {
            return Err(format!("{} --format takes {}, not \"{format}\"", parsed.command, formats.join(" or ")));
        }
    }
    Ok(parsed)
}

/// The file's text: UTF-8 (a byte-order mark is dropped), or else GB18030 (which covers GBK and
/// GB2312) when every byte decodes; otherwise the UTF-8 error, which says where decoding failed.
fn decode(bytes: Vec<u8>) -> Result<String, std::string::FromUtf8Error> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text)),
        Err(e) => {
            let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(e.as_bytes());
            // Binary junk often "decodes" to control characters: only text counts.
            let textual = !text.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'));
            if had_errors || !textual {
                Err(e)
            } else {
                Ok(text.into_owned())
            }
        }
    }
}

/// Read and import one file, or say why not (in the user's language).
fn load(path: &str, lang: Lang) -> Result<Imported, String> {
    let bytes = std::fs::read(path).map_err(|e| match lang {
        Lang::Zh => format!("{path}: 无法读取文件（{e}）"),
        Lang::En => format!("{path}: cannot read the file ({e})"),
    })?;
    // Files by their signature (Word, PDF) and size; text by its encoding.
    if bytes.len() > import::MAX_FILE_BYTES || bytes.starts_with(b"PK\x03\x04") || import::is_pdf(&bytes) {
        return import::import_bytes(&bytes).map_err(|e| format!("{path}: {}", e.message(lang)));
    }
    let text = decode(bytes).map_err(|e| match lang {
        Lang::Zh => format!(
            "{path}: 不是 UTF-8 文本（第 {} 字节起无法解码）；请另存为 UTF-8 后再检查",
            e.utf8_error().valid_up_to()
        ),
        Lang::En => format!(
            "{path}: not UTF-8 text (undecodable from byte {}); save it as UTF-8 and check again",
            e.utf8_error().valid_up_to()
        ),
    })?;
    import::import(&text).map_err(|e| format!("{path}: {}", e.message(lang)))
}

/// Read, import and check one published report: the report, every finding (the importer's too),
/// judged against what could be read, sorted, with messages; and the coverage.
fn check_file(
    path: &str,
    previous: Option<&Report>,
    lang: Lang,
) -> Result<(Report, Vec<Diagnostic>, Coverage), String> {
    let imported = load(path, lang)?;
    let checked =
        validate::check_imported(&imported, previous, &Options { mode: Mode::Review, lang, agency_kind: None });
    Ok((imported.report, checked.diagnostics, checked.coverage))
}

/// One line per table: how much was read and judged.
fn print_coverage(out: &mut impl Write, coverage: &Coverage, lang: Lang) -> std::io::Result<()> {
    let single = coverage.tables.len() == 1;
    for t in &coverage.tables {
        // A form of one table names it by its title; of several, by its letter.
        let name = if t.table.is_empty() || single { t.title.clone() } else { format!("表{}", t.table) };
        let (passed, failed, open) = (t.rules_passed, t.rules_failed, t.rules_not_checked);
        let line = match (lang, t.found) {
            (Lang::Zh, true) => format!(
                "读取 {name}：{}/{} 格有值，{} 格未能可靠读取；核对 {passed} 项通过，{failed} 项未通过，{open} 项未核对",
                t.read, t.cells, t.unread
            ),
            (Lang::Zh, false) => format!("读取 {name}：未找到或无法读取，{open} 项核对未进行"),
            (Lang::En, true) => format!(
                "read {name}: {}/{} cells with a value, {} not read with confidence; rules {passed} passed, {failed} failed, {open} not checked",
                t.read, t.cells, t.unread
            ),
            (Lang::En, false) => format!("read {name}: not found or unreadable, {open} rules not checked"),
        };
        writeln!(out, "  {line}")?;
    }
    Ok(())
}

fn severity_heading(severity: Severity, lang: Lang, count: usize) -> String {
    match (lang, severity) {
        (Lang::Zh, Severity::Error) => format!("错误（{count}）"),
        (Lang::Zh, Severity::Warning) => format!("警告（{count}）"),
        (Lang::Zh, Severity::Info) => format!("提示（{count}）"),
        (Lang::En, Severity::Error) => format!("errors ({count})"),
        (Lang::En, Severity::Warning) => format!("warnings ({count})"),
        (Lang::En, Severity::Info) => format!("info ({count})"),
    }
}

/// How many info lines of one code the human output shows.
const INFO_PER_CODE: usize = 3;

/// Where a finding is: its first cell and that cell's label, or for a finding about the report as a
/// whole, the report.
fn where_(d: &Diagnostic, form: FormId, lang: Lang) -> String {
    match d.cells.first() {
        Some(cell) => format!("{cell} {}", messages::cell_label(form.def(), cell)),
        None => match lang {
            Lang::Zh => "报告".to_string(),
            Lang::En => "report".to_string(),
        },
    }
}

fn print_human(
    out: &mut impl Write,
    path: &str,
    form: FormId,
    diagnostics: &[Diagnostic],
    lang: Lang,
) -> std::io::Result<()> {
    let form_name = match (lang, form.def().province) {
        (Lang::Zh, None) => format!("{} 年版统计表", form.as_str()),
        (Lang::En, None) => format!("{} form", form.as_str()),
        (Lang::Zh, Some(p)) => format!("{}版统计表，{}", p.zh, form.as_str()),
        (Lang::En, Some(p)) => format!("{}'s own form, {}", p.en, form.as_str()),
    };
    writeln!(out, "{path} ({form_name})")?;
    if diagnostics.is_empty() {
        writeln!(out, "  {}", if lang == Lang::Zh { "未发现问题" } else { "no findings" })?;
    }
    for severity in [Severity::Error, Severity::Warning, Severity::Info] {
        let group: Vec<&Diagnostic> = diagnostics.iter().filter(|d| d.severity == severity).collect();
        if group.is_empty() {
            continue;
        }
        writeln!(out, "  {}", severity_heading(severity, lang, group.len()))?;
        // Errors and warnings in full; info, which can run to a line per blank cell, a few per code.
        let mut shown: Vec<(&str, usize)> = Vec::new();
        for d in &group {
            let code = d.code.as_str();
            let n = match shown.iter_mut().find(|(c, _)| *c == code) {
                Some((_, n)) => {
                    *n += 1;
                    *n
                }
                None => {
                    shown.push((code, 1));
                    1
                }
            };
            if severity == Severity::Info && n > INFO_PER_CODE {
                continue;
            }
            writeln!(out, "    {}: {} [{code}]", where_(d, form, lang), d.message)?;
        }
        if severity == Severity::Info {
            for (code, n) in shown.into_iter().filter(|(_, n)| *n > INFO_PER_CODE) {
                let more = n - INFO_PER_CODE;
                match lang {
                    Lang::Zh => writeln!(out, "    … 另有 {more} 条 [{code}]（--format json 列出全部）")?,
                    Lang::En => writeln!(out, "    … {more} more [{code}] (--format json lists them all)")?,
                }
            }
        }
    }
    Ok(())
}

fn run(args: Args) -> u8 {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut exit = 0u8;
    if args.command == "read" {
        for path in &args.files {
            let read = std::fs::read(path)
                .map_err(|e| e.to_string())
                .and_then(|bytes| import::read_source(&bytes).map_err(|e| e.message(args.lang)));
            match read {
                Ok((source, _)) => {
                    let _ = write!(out, "{}", source.dump());
                }
                Err(message) => {
                    eprintln!("disclosure-report: {path}: {message}");
                    exit = 2;
                }
            }
        }
        return exit;
    }
    if args.command == "render" {
        let format = args.format.as_deref().unwrap_or("html");
        for path in &args.files {
            match check_file(path, None, args.lang) {
                Ok((report, diagnostics, _)) => {
                    let options = RenderOptions { lang: args.lang, standalone: true };
                    let page = if format == "html" {
                        render::html(&report, &diagnostics, &options)
                    } else {
                        render::text(&report, &diagnostics, &options)
                    };
                    if out.write_all(page.as_bytes()).is_err() {
                        return 2;
                    }
                }
                Err(message) => {
                    eprintln!("disclosure-report: {message}");
                    exit = 2;
                }
            }
        }
        return exit;
    }
    let format = args.format.as_deref().unwrap_or("human");
    let previous = match args.previous.as_deref().map(|p| load(p, args.lang)) {
        None => None,
        Some(Ok(imported)) => Some(imported.report),
        Some(Err(message)) => {
            eprintln!("disclosure-report: {message}");
            return 2;
        }
    };
    let accepts = match args.accept.as_deref().map(|p| read_accepts(p, args.lang)) {
        None => Vec::new(),
        Some(Ok(accepts)) => accepts,
        Some(Err(message)) => {
            eprintln!("disclosure-report: {message}");
            return 2;
        }
    };
    let mut used = vec![false; accepts.len()];
    let files = match batch::expand(&args.files) {
        Ok(files) => files,
        Err(message) => {
            eprintln!("disclosure-report: {message}");
            return 2;
        }
    };
    let progress = batch::Progress::new(files.len());
    if format == "csv" {
        let _ = writeln!(out, "{}", batch::CSV_HEADER);
    }
    // For the closing line of a batch: files with errors, with warnings only, clean, unreadable.
    let mut tally = [0usize; 4];
    for (i, path) in files.iter().enumerate() {
        progress.show(i, path);
        match check_file(path, previous.as_ref(), args.lang) {
            Ok((report, diagnostics, coverage)) => {
                let (diagnostics, accepted) = accept::apply(&accepts, &mut used, path, diagnostics);
                let worst = diagnostics.iter().map(|d| d.severity).min();
                tally[match worst {
                    Some(Severity::Error) => 0,
                    Some(Severity::Warning) => 1,
                    _ => 2,
                }] += 1;
                if worst == Some(Severity::Error) && exit == 0 {
                    exit = 1;
                }
                let form = report.form;
                let written = match format {
                    "json" => {
                        let accepted: Vec<serde_json::Value> = accepted
                            .iter()
                            .map(|(d, a)| serde_json::json!({ "diagnostic": d, "comment": accepts[*a].comment }))
                            .collect();
                        let object = serde_json::json!({
                            "file": path, "form": form.as_str(), "diagnostics": diagnostics,
                            "accepted": accepted, "coverage": coverage
                        });
                        writeln!(out, "{object}")
                    }
                    "csv" => {
                        writeln!(out, "{}", batch::csv_line(path, &report, &diagnostics, accepted.len(), &coverage))
                    }
                    _ => print_human(&mut out, path, form, &diagnostics, args.lang)
                        .and_then(|()| print_accepted(&mut out, form, &accepted, &accepts, args.lang))
                        .and_then(|()| print_coverage(&mut out, &coverage, args.lang)),
                };
                if written.is_err() {
                    return 2;
                }
            }
            Err(message) => {
                progress.clear();
                eprintln!("disclosure-report: {message}");
                match format {
                    "json" => {
                        let object = serde_json::json!({ "file": path, "error": message });
                        let _ = writeln!(out, "{object}");
                    }
                    "csv" => {
                        let _ = writeln!(out, "{}", batch::csv_error(path, &message));
                    }
                    _ => {}
                }
                tally[3] += 1;
                exit = 2;
            }
        }
    }
    progress.clear();
    for (a, _) in accepts.iter().zip(&used).filter(|(_, used)| !**used) {
        let cell = a.cell.as_deref().unwrap_or("");
        match args.lang {
            Lang::Zh => eprintln!(
                "disclosure-report: 接受记录（{} {cell}：{}）没有匹配任何发现，可能已过时",
                a.code.as_str(),
                a.comment
            ),
            Lang::En => {
                eprintln!(
                    "disclosure-report: the accept ({} {cell}: {}) matches no finding; it may be stale",
                    a.code.as_str(),
                    a.comment
                )
            }
        }
    }
    if format == "human" && files.len() > 1 {
        let [errors, warnings, clean, unreadable] = tally;
        let total = files.len();
        let line = match args.lang {
            Lang::Zh => format!(
                "共 {total} 个文件：{errors} 个有错误，{warnings} 个仅有警告，{clean} 个未发现问题，{unreadable} 个无法读取"
            ),
            Lang::En => format!(
                "{total} files: {errors} with errors, {warnings} with warnings only, {clean} clean, {unreadable} unreadable"
            ),
        };
        let _ = writeln!(out, "{line}");
    }
    exit
}

/// Read the reviewer's accept file, or say why not.
fn read_accepts(path: &str, lang: Lang) -> Result<Vec<accept::Accept>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| match lang {
        Lang::Zh => format!("{path}: 无法读取接受记录文件（{e}）"),
        Lang::En => format!("{path}: cannot read the accept file ({e})"),
    })?;
    accept::parse(&text).map_err(|e| match lang {
        Lang::Zh => format!("{path}: 接受记录文件格式有误（{e}）"),
        Lang::En => format!("{path}: the accept file is not valid ({e})"),
    })
}

/// The accepted findings of a report, each with the reviewer's comment.
fn print_accepted(
    out: &mut impl Write,
    form: FormId,
    accepted: &[(Diagnostic, usize)],
    accepts: &[accept::Accept],
    lang: Lang,
) -> std::io::Result<()> {
    if accepted.is_empty() {
        return Ok(());
    }
    match lang {
        Lang::Zh => writeln!(out, "  已接受（{}）", accepted.len())?,
        Lang::En => writeln!(out, "  accepted ({})", accepted.len())?,
    }
    for (d, a) in accepted {
        let comment = &accepts[*a].comment;
        writeln!(out, "    {}: {} [{}] — {comment}", where_(d, form, lang), d.message, d.code.as_str())?;
    }
    Ok(())
}

fn main() -> ExitCode {
    match parse_args(std::env::args().skip(1)) {
        Ok(args) => ExitCode::from(run(args)),
        Err(problem) => {
            if problem.is_empty() {
                println!("{USAGE}");
                ExitCode::SUCCESS
            } else {
                eprintln!("disclosure-report: {problem}\n{USAGE}");
                ExitCode::from(2)
            }
        }
    }
}
