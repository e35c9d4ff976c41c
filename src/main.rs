//! The command line for reviewers: `disclosure-report check [--format json] [--lang zh|en] FILE...`
//! and `disclosure-report render [--format html|text] [--lang zh|en] FILE`.
//!
//! Exit codes: 0 no errors; 1 errors found; 2 a file could not be read or recognised, or bad usage.

use std::io::Write;
use std::process::ExitCode;

use disclosure_report::diagnostic::{Diagnostic, Severity};
use disclosure_report::engine::Mode;
use disclosure_report::form::FormId;
use disclosure_report::import::{self, Imported};
use disclosure_report::messages::{self, Lang};
use disclosure_report::render::{self, RenderOptions};
use disclosure_report::validate::{self, Options};

const USAGE: &str = "\
usage: disclosure-report check [--format human|json] [--lang zh|en] FILE...
       disclosure-report render [--format html|text] [--lang zh|en] FILE

check   reads reports (plain text as published, TSV, or the project's JSON) and prints their findings.
        Exit 0: no errors; 1: errors found; 2: a file could not be read or recognised.
render  writes the preview of the finished report to standard output.";

struct Args {
    command: String,
    format: Option<String>,
    lang: Lang,
    files: Vec<String>,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let command = args.next().ok_or("no command given")?;
    if command == "--help" || command == "-h" {
        return Err(String::new());
    }
    if command != "check" && command != "render" {
        return Err(format!("unknown command \"{command}\""));
    }
    let mut parsed = Args { command, format: None, lang: Lang::Zh, files: Vec::new() };
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--format" => parsed.format = Some(args.next().ok_or("--format needs a value")?),
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
    let formats: &[&str] = if parsed.command == "check" { &["human", "json"] } else { &["html", "text"] };
    if let Some(format) = &parsed.format {
        if !formats.contains(&format.as_str()) {
            return Err(format!("{} --format takes {}, not \"{format}\"", parsed.command, formats.join(" or ")));
        }
    }
    Ok(parsed)
}

/// Read and import one file, or say why not (in the user's language).
fn load(path: &str, lang: Lang) -> Result<Imported, String> {
    let bytes = std::fs::read(path).map_err(|e| match lang {
        Lang::Zh => format!("{path}: 无法读取文件（{e}）"),
        Lang::En => format!("{path}: cannot read the file ({e})"),
    })?;
    let text = String::from_utf8(bytes).map_err(|e| match lang {
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
    let form_name = match lang {
        Lang::Zh => format!("{} 年版统计表", form.as_str()),
        Lang::En => format!("{} form", form.as_str()),
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
    if args.command == "render" {
        let format = args.format.as_deref().unwrap_or("html");
        for path in &args.files {
            match load(path, args.lang) {
                Ok(imported) => {
                    let mut diagnostics = imported.diagnostics;
                    diagnostics.extend(validate::validate(
                        &imported.report,
                        &Options { mode: Mode::Review, lang: args.lang, agency_kind: None },
                    ));
                    validate::finish(&mut diagnostics, &imported.report, args.lang);
                    let options = RenderOptions { lang: args.lang, standalone: true };
                    let page = if format == "html" {
                        render::html(&imported.report, &diagnostics, &options)
                    } else {
                        render::text(&imported.report, &diagnostics, &options)
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
    for path in &args.files {
        match load(path, args.lang) {
            Ok(imported) => {
                let mut diagnostics = imported.diagnostics;
                diagnostics.extend(validate::validate(
                    &imported.report,
                    &Options { mode: Mode::Review, lang: args.lang, agency_kind: None },
                ));
                validate::finish(&mut diagnostics, &imported.report, args.lang);
                if diagnostics.iter().any(|d| d.severity == Severity::Error) && exit == 0 {
                    exit = 1;
                }
                let form = imported.report.form;
                let written = if format == "json" {
                    let object = serde_json::json!({ "file": path, "form": form.as_str(), "diagnostics": diagnostics });
                    writeln!(out, "{object}")
                } else {
                    print_human(&mut out, path, form, &diagnostics, args.lang)
                };
                if written.is_err() {
                    return 2;
                }
            }
            Err(message) => {
                eprintln!("disclosure-report: {message}");
                if format == "json" {
                    let object = serde_json::json!({ "file": path, "error": message });
                    let _ = writeln!(out, "{object}");
                }
                exit = 2;
            }
        }
    }
    exit
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
