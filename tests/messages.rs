//! Every diagnostic code has a message in every language, made from its figures: each code is
//! triggered for real (engine, importer or report checks) and its message checked in Chinese and
//! English. A code added without a message, or a message lost in one language, fails here.

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use std::collections::BTreeMap;

use disclosure_report::diagnostic::{Code, Diagnostic};
use disclosure_report::engine::Mode;
use disclosure_report::import;
use disclosure_report::messages::Lang;
use disclosure_report::report::Report;
use disclosure_report::validate::{self, Options};

const SAMPLE_2016: &str = include_str!("fixtures/2016-liupanshui-seed.txt");
const SAMPLE_2019: &str = include_str!("fixtures/new-2019-shanghai-bangongting.txt");
const SAMPLE_2023: &str = include_str!("fixtures/new-2023-shuyang-fagaiju.txt");

fn imported(text: &str) -> (Report, Vec<Diagnostic>) {
    let i = import::import(text).expect("the sample imports");
    (i.report, i.diagnostics)
}

/// Fujian's table (2016-fj) of the 2013 Pingtan page: row, 2013年度, 历年累计.
fn fujian_2013() -> Report {
    let mut r = Report::new(disclosure_report::form::FormId::F2016Fj);
    r.year = Some(2013);
    for (row, year, cumulative) in [
        ("disclosed", "1853", "5395"),
        ("disclosed.web", "1713", "5017"),
        ("disclosed.gazette", "0", "7"),
        ("received", "7", "28"),
        ("received.in_person", "0", "18"),
        ("received.fax", "0", "0"),
        ("received.email", "3", "6"),
        ("received.online", "4", "4"),
        ("received.mail", "0", "0"),
        ("received.other", "0", "0"),
        ("answered", "3", "24"),
        ("answered.granted", "2", "19"),
        ("answered.partial", "1", "3"),
        ("answered.refused", "0", "2"),
        ("review", "0", "0"),
        ("lawsuit", "0", "0"),
        ("complaints", "0", "0"),
    ] {
        r.cells.insert(format!("T:{row}:year"), year.into());
        r.cells.insert(format!("T:{row}:cumulative"), cumulative.into());
    }
    r
}

/// Reports that between them raise every code, each with the import's own findings.
fn cases() -> Vec<(Report, Vec<Diagnostic>, Mode)> {
    let (r2016, d2016) = imported(SAMPLE_2016);
    let mut out = vec![(r2016.clone(), d2016.clone(), Mode::Review)];
    let mut bad = r2016.clone();
    for (id, text) in [
        ("3.1", "2"),         // sum-mismatch
        ("3.1.1", "1O"),      // invalid-number
        ("3.1.2", "-1"),      // negative
        ("3.1.4", "0.5"),     // not-integer
        ("8.4", "0.0000001"), // too-many-decimals
        ("3.2.2", ""),        // missing
        ("1.1", "６４５"),    // normalized
        ("1.1.a", "700"),     // subset-exceeds-parent
        ("3.3.4", "1"),       // reasons-mismatch
        ("1.2", "977"),       // heading-mismatch
        ("1", "3"),           // heading-value
        ("9.3", "0"),         // expected-nonzero
        ("1.2.3", "700"),     // channel-exceeds-total
        ("X.9", "1"),         // unplaced-row (a cell the form does not have)
    ] {
        bad.cells.insert(id.into(), text.into());
    }
    bad.date = Some("2017-05-02".into()); // late-publication
    out.push((bad.clone(), vec![], Mode::Filling));
    bad.year = Some(2021); // wrong-format
    out.push((bad, vec![], Mode::Filling));
    let mut below = r2016.clone();
    below.cells.insert("1.2.2".into(), "10".into()); // channels-below-total
    out.push((below, vec![], Mode::Filling));
    let mut review = r2016;
    review.cells.insert("3.1.4".into(), String::new()); // implied-zero
    out.push((review, vec![], Mode::Review));
    let (r2019, d2019) = imported(SAMPLE_2019);
    let mut r2019b = r2019.clone();
    r2019b.cells.insert("B:1:natural".into(), "822".into()); // balance-mismatch
    r2019b.cells.insert("A:regulations:published".into(), "14".into()); // table-a-inconsistent
    out.push((r2019, d2019, Mode::Review));
    out.push((r2019b, vec![], Mode::Review));
    let (mut r2023, _) = imported(SAMPLE_2023);
    let mut fees = r2023.clone();
    fees.cells.insert("B:3.6.2:total".into(), "1".into()); // fees-not-reported
    out.push((fees, vec![], Mode::Review));
    r2023.narrative = r2023
        .narrative
        .replace("六、其他需要报告的事项", "l六、其他事项")
        .replace("五、存在的主要问题", "七、存在的主要问题"); // numbering-slip
    r2023.narrative = r2023.narrative.replace("二、主动公开政府信息情况", ""); // missing-section
    out.push((r2023, vec![], Mode::Review));
    // Fujian's own table (2016-fj): the cumulative column below the year's, and 2012–2013's answer
    // types short of the answers.
    let mut fujian = fujian_2013();
    fujian.cells.insert("T:received.online:year".into(), "5".into()); // cumulative-below-year
    fujian.cells.insert("T:answered:year".into(), "4".into()); // answers-below-total
    out.push((fujian, vec![], Mode::Review));
    // duplicate-cell: one row twice with different values.
    let dup = SAMPLE_2016.replace("3.网络申请数 | 件 | 1 |", "3.网络申请数 | 件 | 1 |\n3.网络申请数 | 件 | 2 |");
    let (r, d) = imported(&dup);
    out.push((r, d, Mode::Review));
    out
}

fn all_findings(lang: Lang) -> BTreeMap<Code, Vec<Diagnostic>> {
    let mut by_code: BTreeMap<Code, Vec<Diagnostic>> = BTreeMap::new();
    // carry-over-mismatch: the 2023 report against a year before that carried 3 forward.
    let (r2023, _) = imported(SAMPLE_2023);
    let mut last = Report::new(r2023.form);
    last.cells.insert("B:4:natural".into(), "3".into());
    let mut compared = disclosure_report::checks::compare_years(&r2023, &last);
    validate::finish(&mut compared, &r2023, lang);
    for d in compared {
        by_code.entry(d.code).or_default().push(d);
    }
    // in-force-mismatch: Table A against a year before with fewer documents in force.
    let mut last = Report::new(r2023.form);
    last.cells.insert("A:normative:in_force".into(), "12".into());
    let mut compared = disclosure_report::checks::compare_years(&r2023, &last);
    validate::finish(&mut compared, &r2023, lang);
    for d in compared {
        by_code.entry(d.code).or_default().push(d);
    }
    // cumulative-mismatch: Fujian's 2013 table against a 2012 whose 主动公开 累计 does not chain.
    let fujian = fujian_2013();
    let mut before = Report::new(fujian.form);
    before.year = Some(2012);
    before.cells.insert("T:disclosed:cumulative".into(), "3540".into());
    let mut compared = disclosure_report::checks::compare_years(&fujian, &before);
    validate::finish(&mut compared, &fujian, lang);
    for d in compared {
        by_code.entry(d.code).or_default().push(d);
    }
    // wrong-year and empty-section: last year's sentence, and a token part 五.
    let copied = SAMPLE_2023
        .replace("2023年度我局共收到依申请信息公开26件", "2022年度我局共收到依申请信息公开26件")
        .replace("统计时限为2023年1月1日至2023年12月31日", "统计时限为2022年1月1日至2022年12月31日")
        .replace("2023年度，县发展和改革局政府信息公开未发生收费情况。", "无。");
    let (copied, _) = imported(&copied);
    let mut all = validate::validate(&copied, &Options { mode: Mode::Review, lang, agency_kind: None });
    validate::finish(&mut all, &copied, lang);
    for d in all {
        by_code.entry(d.code).or_default().push(d);
    }
    // bidi-control: a sentence whose figure shows in another order than it is written.
    let (mut reordered, _) = imported(SAMPLE_2023);
    reordered.narrative = reordered.narrative.replacen("26件", "2\u{202E}6件", 1);
    let mut all = validate::validate(&reordered, &Options { mode: Mode::Review, lang, agency_kind: None });
    validate::finish(&mut all, &reordered, lang);
    for d in all {
        by_code.entry(d.code).or_default().push(d);
    }
    // not-checked and table-not-found: a row with a stray cell, and Table C's figures left out.
    let damaged = SAMPLE_2023
        .replace("（一）予以公开 | 26 |  |  |  |  |  | 26", "（一）予以公开 | 26 |  |  |  |  |  | 26 | 26")
        .replace("0 | 0 | 0 | 1 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0", "");
    let read = disclosure_report::import::import(&damaged).unwrap();
    let mut judged = read.diagnostics;
    judged.extend(validate::collect(&read.report, &Options { mode: Mode::Review, lang, agency_kind: None }));
    disclosure_report::coverage::judge(&read.report, &read.unread, &mut judged);
    validate::finish(&mut judged, &read.report, lang);
    for d in judged {
        by_code.entry(d.code).or_default().push(d);
    }
    for (report, from_import, mode) in cases() {
        let mut all = from_import;
        all.extend(validate::validate(&report, &Options { mode, lang, agency_kind: None }));
        validate::finish(&mut all, &report, lang);
        for d in all {
            by_code.entry(d.code).or_default().push(d);
        }
    }
    by_code
}

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn every_code_is_raised_and_has_a_chinese_message() {
    let found = all_findings(Lang::Zh);
    for code in Code::ALL {
        let list = found.get(code).unwrap_or_else(|| panic!("no case raises {code:?}"));
        for d in list {
            assert!(!d.message.is_empty() && d.message != code.as_str(), "{code:?} has no Chinese message: {d:#?}");
            assert!(has_cjk(&d.message), "{code:?}: {}", d.message);
        }
    }
}

#[test]
fn every_code_has_an_english_message() {
    let found = all_findings(Lang::En);
    for code in Code::ALL {
        for d in found.get(code).unwrap_or_else(|| panic!("no case raises {code:?}")) {
            assert!(!d.message.is_empty() && d.message != code.as_str(), "{code:?} has no English message: {d:#?}");
            // Quoted report text and labels stay Chinese; the sentence around them is English.
            let outside_quotes: String = strip_quoted(&d.message);
            assert!(!has_cjk(&outside_quotes), "{code:?} English message has Chinese outside quotes: {}", d.message);
        }
    }
}

/// The message without what it quotes ("…", “…”, 「…」) or the document numbers it cites
/// ((国办发〔2014〕32号)): names stay as written.
fn strip_quoted(s: &str) -> String {
    let mut s = s.to_string();
    while let Some(mark) = s.find('〔') {
        let open = s[..mark].rfind('(').unwrap_or(mark);
        let close = s[mark..].find(')').map(|i| mark + i + 1).unwrap_or(s.len());
        s.replace_range(open..close, "");
    }
    let mut out = String::new();
    let mut depth = 0i32;
    let mut in_ascii = false;
    for c in s.chars() {
        match c {
            '“' | '「' | '『' => depth += 1,
            '”' | '」' | '』' => depth -= 1,
            '"' => in_ascii = !in_ascii,
            _ if depth == 0 && !in_ascii => out.push(c),
            _ => {}
        }
    }
    out
}

/// The spec's table of codes (the project's copy) lists every code the project raises.
#[test]
#[cfg(not(target_arch = "wasm32"))]
fn every_code_is_in_the_spec() {
    let spec = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/spec/README.md")).unwrap();
    for code in Code::ALL {
        assert!(spec.contains(&format!("\n| {} |", code.as_str())), "{} is not in spec/README.md", code.as_str());
    }
}
