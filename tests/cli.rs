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
