//! The command line as reviewers use it: `disclosure-report check [--format json] [--lang zh|en] FILE...`
//! and `disclosure-report render`, with the exit codes of the spec's contract.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_disclosure-report");
const SAMPLE_2016: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/2016-liupanshui-seed.txt");
const SAMPLE_2023: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/new-2023-shuyang-fagaiju.txt");
const SAMPLE_2019: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/new-2019-shanghai-bangongting.txt");

fn run(args: &[&str]) -> Output {
    Command::new(BIN).args(args).output().expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

/// A file under the temp folder with `content`, named for the test.
fn temp_file(name: &str, content: &[u8]) -> PathBuf {
    let path = std::env::temp_dir().join(format!("disclosure-report-cli-{}-{name}", std::process::id()));
    std::fs::write(&path, content).unwrap();
    path
}

/// The sample with 3.网络申请数 changed from 1 to 2: 3.1 = 1 no longer adds up.
fn broken_2016() -> PathBuf {
    let text = std::fs::read_to_string(SAMPLE_2016).unwrap();
    let broken = text.replace("3.网络申请数 | 件 | 1 |", "3.网络申请数 | 件 | 2 |");
    assert_ne!(text, broken, "the fixture has the row to break");
    temp_file("broken-2016.txt", broken.as_bytes())
}

fn json_objects(o: &Output) -> Vec<serde_json::Value> {
    stdout(o).lines().map(|l| serde_json::from_str(l).expect("one JSON object per line")).collect()
}

fn codes(object: &serde_json::Value, severity: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = object["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == severity)
        .map(|d| (d["code"].as_str().unwrap().to_string(), d["cells"][0].as_str().unwrap_or("").to_string()))
        .collect();
    out.sort();
    out
}

#[test]
fn the_2016_sample_has_exactly_its_hand_checked_findings_and_exits_0() {
    let o = run(&["check", "--format", "json", SAMPLE_2016]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let objects = json_objects(&o);
    assert_eq!(objects.len(), 1);
    assert_eq!(objects[0]["form"], "2016");
    assert_eq!(objects[0]["file"], SAMPLE_2016);
    assert_eq!(codes(&objects[0], "error"), vec![]);
    let warnings = codes(&objects[0], "warning");
    assert!(warnings.contains(&("channel-exceeds-total".into(), "1.2.2".into())), "{warnings:?}");
    assert!(warnings.iter().any(|(c, cell)| c == "narrative-mismatch" && cell == "1.2.2"), "{warnings:?}");
    assert!(warnings.iter().any(|(c, _)| c == "suspicious-agency"), "{warnings:?}");
    assert_eq!(warnings.len(), 3, "no other warning: {warnings:?}");
}

#[test]
fn human_output_groups_by_severity_with_cell_label_and_message() {
    let o = run(&["check", SAMPLE_2016]);
    let out = stdout(&o);
    assert!(out.starts_with(SAMPLE_2016), "{out}");
    assert!(out.contains("警告（3）"), "{out}");
    let line = out.lines().find(|l| l.contains("[channel-exceeds-total]")).expect("the channel line");
    assert!(line.trim_start().starts_with("1.2.2 政府网站公开政府信息数: "), "cell and label first: {line}");
    assert!(line.contains("927") && line.contains("645"), "the figures: {line}");
}

#[test]
fn a_broken_identity_exits_1_and_names_the_cells() {
    let path = broken_2016();
    let o = run(&["check", "--format", "json", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let objects = json_objects(&o);
    let errors = codes(&objects[0], "error");
    assert!(errors.contains(&("sum-mismatch".into(), "3.1".into())), "{errors:?}");
    let d = objects[0]["diagnostics"].as_array().unwrap().iter().find(|d| d["code"] == "sum-mismatch").unwrap();
    assert_eq!(d["cells"], serde_json::json!(["3.1", "3.1.1", "3.1.2", "3.1.3", "3.1.4"]));
    assert_eq!((d["expected"].as_i64(), d["actual"].as_i64()), (Some(2), Some(1)));
    let human = stdout(&run(&["check", path.to_str().unwrap()]));
    assert!(human.contains("错误（"), "{human}");
}

#[test]
fn a_batch_ends_with_a_tally() {
    let broken = broken_2016();
    let o = run(&["check", SAMPLE_2016, SAMPLE_2023, broken.to_str().unwrap(), "no-such-file.txt"]);
    assert_eq!(o.status.code(), Some(2));
    let out = stdout(&o);
    assert_eq!(
        out.lines().last(),
        Some("共 4 个文件：1 个有错误，1 个仅有警告，1 个未发现问题，1 个无法读取"),
        "{out}"
    );
}

#[test]
fn english_on_request() {
    let o = run(&["check", "--lang", "en", SAMPLE_2016]);
    let out = stdout(&o);
    assert!(out.contains("warnings (3)"), "{out}");
    assert!(!out.contains("警告"), "{out}");
}

#[test]
fn one_json_object_per_file() {
    let o = run(&["check", "--format", "json", SAMPLE_2016, SAMPLE_2023, SAMPLE_2019]);
    let objects = json_objects(&o);
    let forms: Vec<&str> = objects.iter().map(|o| o["form"].as_str().unwrap()).collect();
    assert_eq!(forms, vec!["2016", "2021", "2019"]);
    assert_eq!(codes(&objects[1], "error"), vec![], "the 2023 report has no error");
}

#[test]
fn unreadable_or_unrecognisable_files_exit_2_with_a_reason() {
    let missing = std::env::temp_dir().join("disclosure-report-cli-does-not-exist.txt");
    let o = run(&["check", missing.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("does-not-exist"), "names the file: {err}");

    let junk = temp_file("junk.bin", &[0xff, 0xfe, 0x00, 0x80, 0x81, 0x00, 0xc3]);
    let o = run(&["check", junk.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("UTF-8"));

    let prose = temp_file("prose.txt", "今天天气很好。\n没有任何表格。\n".as_bytes());
    let o = run(&["check", prose.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));

    // A readable file next to an unreadable one is still checked.
    let o = run(&["check", "--format", "json", SAMPLE_2016, missing.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(json_objects(&o)[0]["form"], "2016");
}

#[test]
fn reports_saved_in_gbk_are_read() {
    let text = std::fs::read_to_string(SAMPLE_2016).unwrap();
    let (gbk, _, unmappable) = encoding_rs::GB18030.encode(&text);
    assert!(!unmappable);
    let path = temp_file("gbk-2016.txt", &gbk);
    let o = run(&["check", "--format", "json", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let warnings = codes(&json_objects(&o)[0], "warning");
    assert!(warnings.contains(&("channel-exceeds-total".into(), "1.2.2".into())), "{warnings:?}");
}

#[test]
fn last_years_report_is_compared_on_request() {
    let last = temp_file(
        "last-year.json",
        br#"{"format":"disclosure-report","version":1,"form":"2021","year":2022,"cells":{"B:4:natural":"3","B:4:total":"3"}}"#,
    );
    let o = run(&["check", "--format", "json", "--previous", last.to_str().unwrap(), SAMPLE_2023]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let warnings = codes(&json_objects(&o)[0], "warning");
    assert_eq!(
        warnings,
        vec![("carry-over-mismatch".into(), "B:2:natural".into()), ("carry-over-mismatch".into(), "B:2:total".into())]
    );
    let o = run(&["check", "--previous", last.to_str().unwrap(), SAMPLE_2023, SAMPLE_2016]);
    assert_eq!(o.status.code(), Some(2), "one FILE with --previous");
}

#[test]
fn usage_mistakes_exit_2() {
    for args in [
        vec![],
        vec!["frobnicate"],
        vec!["check"],
        vec!["check", "--format", "xml", SAMPLE_2016],
        vec!["check", "--lang", "fr", SAMPLE_2016],
    ] {
        let o = run(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&o.stderr).contains("usage"), "{args:?}");
    }
    assert_eq!(run(&["--help"]).status.code(), Some(0));
}

#[test]
fn render_writes_the_preview() {
    let o = run(&["render", SAMPLE_2016]);
    assert_eq!(o.status.code(), Some(0));
    let html = stdout(&o);
    assert!(html.starts_with("<!DOCTYPE html>") || html.starts_with("<!doctype html>"), "a whole document");
    assert!(html.contains("<table") && html.contains("927"));
    let text = stdout(&run(&["render", "--format", "text", SAMPLE_2016]));
    assert!(!text.contains("<table") && text.contains("927"));
}

#[test]
fn the_readme_shows_the_real_output() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let o = Command::new(BIN)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["check", "tests/fixtures/2016-liupanshui-seed.txt"])
        .output()
        .unwrap();
    let out = stdout(&o);
    assert!(readme.contains(&format!("```\n{out}```")), "README's example is not the output:\n{out}");
}

const PINGTAN_2023: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/2023-pingtan-zongheshiyanqu.html");
const TEMPLATE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/template-2021-official-format.docx");

#[test]
fn html_pages_and_word_files_are_checked_with_their_coverage() {
    let o = run(&["check", "--format", "json", PINGTAN_2023, TEMPLATE]);
    let objects = json_objects(&o);
    assert_eq!(objects[0]["form"], "2021");
    let tables = objects[0]["coverage"]["tables"].as_array().unwrap();
    assert_eq!(tables.iter().map(|t| t["read"].as_u64().unwrap()).collect::<Vec<_>>(), [10, 175, 15]);
    assert_eq!(codes(&objects[0], "error"), vec![], "the fee to the cent is read exactly");
    // The blank template: nothing read is said, not passed.
    assert_eq!(codes(&objects[1], "warning").iter().filter(|(c, _)| c == "table-not-found").count(), 3);
    let human = stdout(&run(&["check", TEMPLATE]));
    assert!(human.contains("读取 表B：未找到或无法读取，106 项核对未进行"), "{human}");
}

#[test]
fn a_directory_is_checked_as_a_batch_with_one_csv_line_per_report() {
    let dir = std::env::temp_dir().join(format!("disclosure-report-batch-{}", std::process::id()));
    let sub = dir.join("2023");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::copy(SAMPLE_2016, dir.join("a.txt")).unwrap();
    std::fs::copy(PINGTAN_2023, sub.join("b.html")).unwrap();
    std::fs::write(sub.join("notes.png"), b"not a report").unwrap();
    std::fs::write(dir.join("c.docx"), b"PK\x03\x04 truncated").unwrap();
    let o = run(&["check", "--format", "csv", dir.to_str().unwrap()]);
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 4, "a header and three reports (the picture is not one): {out}");
    assert!(lines[0].starts_with("file,agency,year,form,errors,warnings"));
    // Sorted by path: the subdirectory's page first.
    assert!(lines[1].contains("2023/b.html,平潭综合实验区,2023,2021,0,0,0,200,257,109,0,0,0,,"), "{}", lines[1]);
    assert!(lines[2].ends_with("a.txt,www. 57365.com,2016,2016,0,3,0,65,68,23,1,0,0,channel-exceeds-total narrative-mismatch suspicious-agency,"));
    assert!(lines[3].contains("c.docx,,,,,,,,,,,,,,") && lines[3].contains("Word"), "{}", lines[3]);
    assert_eq!(o.status.code(), Some(2), "an unreadable file");
    let human = stdout(&run(&["check", dir.to_str().unwrap()]));
    assert!(human.ends_with("共 3 个文件：0 个有错误，1 个仅有警告，1 个未发现问题，1 个无法读取\n"), "{human}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[cfg(feature = "pdf")]
#[test]
fn pdfs_are_checked_alone_and_in_a_directory_with_what_could_not_be_read_said() {
    let pdf = "tests/fixtures/pdf/2024-huaian-shizhengfu.pdf";
    let human = stdout(&run(&["check", pdf]));
    assert!(
        human.contains("读取 表B：175/232 格有值，0 格未能可靠读取；核对 106 项通过，0 项未通过，0 项未核对"),
        "{human}"
    );
    let dir = std::env::temp_dir().join(format!("disclosure-report-pdfs-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(pdf, dir.join("a.pdf")).unwrap();
    std::fs::copy("tests/fixtures/pdf/office/2024-huaian-shizhengfu.pdf", dir.join("b.pdf")).unwrap();
    std::fs::copy("tests/fixtures/pdf/bad/encrypted.pdf", dir.join("c.pdf")).unwrap();
    let o = run(&["check", "--format", "csv", dir.to_str().unwrap()]);
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 4, "{out}");
    assert!(
        lines[1].ends_with("a.pdf,淮安市人民政府,2024,2021,0,1,0,200,257,109,0,0,0,missing-section,"),
        "{}",
        lines[1]
    );
    // The office-made twin: rows its page breaks cut are not checked, and no error is found in them.
    assert!(lines[2].contains("b.pdf,淮安市人民政府,2024,2021,0,1,0,"), "{}", lines[2]);
    assert!(lines[3].contains("c.pdf,,,,,,,,,,,,,,") && lines[3].contains("已加密"), "{}", lines[3]);
    assert_eq!(o.status.code(), Some(2), "an unreadable file");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn accepted_findings_are_shown_as_such_and_do_not_fail_the_run() {
    let broken = broken_2016();
    let accepts = temp_file(
        "accepts.json",
        r#"[
            {"code": "sum-mismatch", "cell": "3.1", "file": "broken-2016.txt", "expected": 2, "actual": 1, "comment": "申请人撤回一件，已核实"},
            {"code": "sum-mismatch", "cell": "B:3.7:total", "comment": "已更正的旧发现"}
        ]"#
        .as_bytes(),
    );
    let broken = broken.to_str().unwrap();
    assert_eq!(run(&["check", broken]).status.code(), Some(1), "without the accept, the error fails the run");
    let o = run(&["check", "--accept", accepts.to_str().unwrap(), broken]);
    assert_eq!(o.status.code(), Some(0), "the one error is accepted");
    let out = stdout(&o);
    assert!(out.contains("已接受（1）") && out.contains("申请人撤回一件，已核实"), "{out}");
    assert!(!out.contains("错误（"), "{out}");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("sum-mismatch B:3.7:total") && err.contains("没有匹配任何发现"),
        "a stale accept is reported: {err}"
    );
    let json = json_objects(&run(&["check", "--format", "json", "--accept", accepts.to_str().unwrap(), broken]));
    assert_eq!(json[0]["accepted"][0]["diagnostic"]["code"], "sum-mismatch");
    assert_eq!(codes(&json[0], "error"), vec![]);
    // A broken accept file is refused with where.
    let bad = temp_file("bad-accepts.json", br#"[{"code": "sum-mismatch", "cel": "x", "comment": ""}]"#);
    let o = run(&["check", "--accept", bad.to_str().unwrap(), broken]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("line 1"));
}

#[test]
fn read_prints_what_the_reader_read() {
    let out = stdout(&run(&["read", PINGTAN_2023]));
    assert!(out.starts_with("title: 平潭综合实验区2023年度政府信息公开工作年度报告\ndate: 2024-03-08\n"), "{out}");
    assert!(out.contains("| （三）不予公开{8×1} | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |"));
}
