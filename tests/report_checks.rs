//! The report-level checks: the narrative against its tables, the deadline, the agency, the parts
//! of the report and the form for the year. The three samples are read by the importer (embedded,
//! so that the same tests run in the browser); the other cases are small reports written for the
//! case. Assertions are on codes, cells, figures and UTF-16 offsets.

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use disclosure_report::checks::{agency_kind_of, check_report, fact, AgencyKind, ReportOptions};
use disclosure_report::diagnostic::{Code, Detail, Diagnostic, Quote, Severity};
use disclosure_report::form::FormId;
use disclosure_report::import::import;
use disclosure_report::report::Report;
use disclosure_report::value::Amount;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

const SAMPLE_2016: &str = include_str!("fixtures/2016-liupanshui-seed.txt");
const SAMPLE_2019: &str = include_str!("fixtures/new-2019-shanghai-bangongting.txt");
const SAMPLE_2023: &str = include_str!("fixtures/new-2023-shuyang-fagaiju.txt");

// ---------------------------------------------------------------------------------------------
// The samples, as the importer reads them.

fn imported(sample: &str) -> Report {
    import(sample).expect("the sample imports").report
}

fn sample_2016() -> Report {
    imported(SAMPLE_2016)
}

fn sample_2019() -> Report {
    imported(SAMPLE_2019)
}

fn sample_2023() -> Report {
    imported(SAMPLE_2023)
}

// ---------------------------------------------------------------------------------------------
// Reading findings.

fn check(report: &Report) -> Vec<Diagnostic> {
    check_report(report, &ReportOptions::default())
}

fn codes(found: &[Diagnostic]) -> Vec<Code> {
    found.iter().map(|d| d.code).collect()
}

fn of(found: &[Diagnostic], code: Code) -> Vec<&Diagnostic> {
    found.iter().filter(|d| d.code == code).collect()
}

fn facts(d: &Diagnostic) -> &[(String, String)] {
    match &d.detail {
        Detail::Report { facts, .. } => facts,
        other => panic!("a report-level finding has report details, not {other:?}"),
    }
}

fn get<'d>(d: &'d Diagnostic, key: &str) -> Option<&'d str> {
    facts(d).iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
}

fn quote(d: &Diagnostic) -> &Quote {
    match &d.detail {
        Detail::Report { quote: Some(q), .. } => q,
        _ => panic!("{:?} quotes nothing", d.code),
    }
}

fn int(n: i64) -> Option<Amount> {
    Some(Amount::from_int(n))
}

/// The quote's UTF-16 range, read back out of the narrative as a browser would.
fn utf16_slice(text: &str, q: &Quote) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[q.start..q.end]).expect("the offsets fall between characters")
}

fn ids(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

// ---------------------------------------------------------------------------------------------
// The samples.

#[test]
fn sample_2016_has_the_portal_figure_and_the_agency() {
    let report = sample_2016();
    let found = check(&report);
    assert_eq!(codes(&found), vec![Code::SuspiciousAgency, Code::NarrativeMismatch], "{found:#?}");

    let narrative = of(&found, Code::NarrativeMismatch)[0];
    assert_eq!(narrative.cells, ids(&["1.2.2"]));
    assert_eq!(narrative.severity, Severity::Warning);
    assert_eq!((narrative.expected, narrative.actual), (int(927), int(783)));
    assert_eq!(get(narrative, fact::READING), Some("count"));
    assert_eq!(get(narrative, fact::STATEMENT), Some("通过门户网站公开783条"));
    let q = quote(narrative);
    assert_eq!(q.text, "2016全年主动公开政府信息645条,通过门户网站公开783条,在微信公众平台公开37条,微博公开12条。");
    assert_eq!(utf16_slice(&report.narrative, q), q.text);
    assert_eq!(q.section.as_deref(), Some("二、工作开展情况"));

    let agency = of(&found, Code::SuspiciousAgency)[0];
    assert_eq!(get(agency, fact::PROBLEM), Some("webAddress"));
    assert_eq!(utf16_slice(&report.narrative, quote(agency)), "www. 57365.com");
}

/// Every other figure of the 2016 narrative is read and agrees: changing the cell it speaks of
/// makes it a finding on that cell.
#[test]
fn sample_2016_reads_every_other_figure() {
    let cases = [
        ("1.1", "600"),  // 主动公开政府信息645条
        ("1.2.4", "30"), // 在微信公众平台公开37条
        ("1.2.3", "10"), // 微博公开12条
        ("2.2.1", "3"),  // 参加新闻发布会1次
        ("3.1.3", "2"),  // 收到网络政府信息公开申请1件
        ("9.1", "5"),    // 召开政府信息公开工作会议2次
        ("9.2", "5"),    // 开展培训2次
        ("9.3", "9"),    // 培训6人次, 接收培训人员6人
        ("4", "1"),      // 未发生…行政复议案
        ("5", "1"),      // 未发生…行政诉讼案
        ("6", "1"),      // 未收到…举报和投诉
        ("7", "0.5"),    // 未…收取费用
    ];
    for (cell, text) in cases {
        let mut report = sample_2016();
        report.cells.insert(cell.to_string(), text.to_string());
        let found = check(&report);
        let narrative: Vec<_> = of(&found, Code::NarrativeMismatch)
            .into_iter()
            .filter(|d| d.cells.first().map(String::as_str) == Some(cell))
            .collect();
        assert!(!narrative.is_empty(), "changing {cell} to {text} contradicts the narrative: {found:#?}");
    }
}

/// 回应公众解读19次 is the filled heading 二、 = 19, and still 2.1 + 2.2's rows when it is blank.
#[test]
fn sample_2016_response_figure_is_read_as_the_whole_section() {
    let mut report = sample_2016();
    report.cells.remove("2");
    assert_eq!(codes(&check(&report)), vec![Code::SuspiciousAgency, Code::NarrativeMismatch]);
    report.cells.insert("2.2.3".to_string(), "15".to_string());
    let found = check(&report);
    let narrative = of(&found, Code::NarrativeMismatch);
    assert_eq!(narrative.len(), 2, "{found:#?}");
    // 2.1 + 2.2.1 … 2.2.5 = 2 + 1 + 0 + 15 + 1 + 1.
    assert_eq!(narrative[1].cells, ids(&["2.1", "2.2.1", "2.2.2", "2.2.3", "2.2.4", "2.2.5"]));
    assert_eq!((narrative[1].expected, narrative[1].actual), (int(20), int(19)));
}

#[test]
fn sample_2016_zero_statement_names_the_cell() {
    let mut report = sample_2016();
    report.cells.insert("4".to_string(), "2".to_string());
    let found = check(&report);
    let zero: Vec<_> = of(&found, Code::NarrativeMismatch).into_iter().filter(|d| d.cells == ids(&["4"])).collect();
    assert_eq!(zero.len(), 1, "{found:#?}");
    assert_eq!(get(zero[0], fact::READING), Some("zero"));
    assert_eq!((zero[0].expected, zero[0].actual), (int(2), int(0)));
    assert_eq!(utf16_slice(&report.narrative, quote(zero[0])), "2016年全年未发生政务信息公开相关行政复议案。");
}

#[test]
fn sample_2019_has_its_three_contradictions_and_nothing_else() {
    let report = sample_2019();
    let found = check(&report);
    assert_eq!(codes(&found), vec![Code::NarrativeMismatch; 3], "{found:#?}");

    // 予以公开及部分公开258件: the table's 3.1 + 3.2 (totals blank, read from their columns).
    let disclosed = found[0].clone();
    assert_eq!(disclosed.cells, ids(&["B:3.1:total", "B:3.2:total"]));
    assert_eq!((disclosed.expected, disclosed.actual), (int(275), int(258)));
    assert!(utf16_slice(&report.narrative, quote(&disclosed)).starts_with("予以公开及部分公开258件"));

    // 因本机关不掌握等原因无法提供265件: all of （四）, not its first row (which happens to be 265).
    let unavailable = found[1].clone();
    assert_eq!(unavailable.cells, ids(&["B:3.4.1:total", "B:3.4.2:total", "B:3.4.3:total"]));
    assert_eq!((unavailable.expected, unavailable.actual), (int(337), int(265)));

    // 行政复议7件，诉讼9件，均获维持: 2 reviews and 1 suit still pending.
    let upheld = found[2].clone();
    assert_eq!(get(&upheld, fact::READING), Some("upheld"));
    assert_eq!(upheld.cells, ids(&["C:review:pending", "C:direct_suit:pending"]));
    assert_eq!((upheld.expected, upheld.actual), (int(3), int(0)));
    let q = quote(&upheld);
    assert!(q.text.starts_with("信息公开类行政复议7件，诉讼9件，均获维持"), "{q:?}");
    assert_eq!(utf16_slice(&report.narrative, q), q.text);
    assert_eq!(q.section.as_deref(), Some("一、总体情况"));
}

/// The 2019 sample's other figures are read: its counts and percentages agree with the table.
#[test]
fn sample_2019_reads_its_agreeing_figures() {
    // 受理政府信息公开申请859件 = B:1:total.
    let mut report = sample_2019();
    report.cells.insert("B:1:total".to_string(), "860".to_string());
    assert!(of(&check(&report), Code::NarrativeMismatch).iter().any(|d| d.cells == ids(&["B:1:total"])));

    // 不予处理158件，占19.6%: a count that agrees, then its share of 805.
    let mut report = sample_2019();
    report.cells.insert("B:3.7:total".to_string(), "900".to_string());
    let found = check(&report);
    let shares: Vec<_> =
        of(&found, Code::NarrativeMismatch).into_iter().filter(|d| get(d, fact::READING) == Some("share")).collect();
    assert!(!shares.is_empty(), "{found:#?}");
    // 不予公开35件，占4.34% is read with 4.348 cut at two places: no finding at 805.
    assert!(of(&check(&sample_2019()), Code::NarrativeMismatch).iter().all(|d| get(d, fact::READING) != Some("share")));
}

#[test]
fn sample_2023_has_no_finding() {
    let found = check(&sample_2023());
    assert!(found.is_empty(), "{found:#?}");
}

// ---------------------------------------------------------------------------------------------
// Narrative readings, case by case (today's format).

fn today(narrative: &str, cells: &[(&str, &str)]) -> Report {
    let mut report = Report::new(FormId::F2021);
    report.year = Some(2023);
    report.agency = Some("某县发展和改革局".to_string());
    report.date = Some("2024-01-15".to_string());
    report.narrative = narrative.to_string();
    for (id, text) in cells {
        report.cells.insert(id.to_string(), text.to_string());
    }
    report
}

fn narrative_findings(report: &Report) -> Vec<Diagnostic> {
    check(report).into_iter().filter(|d| d.code == Code::NarrativeMismatch).collect()
}

#[test]
fn received_may_count_the_carried_over() {
    let cells = [("B:1:total", "20"), ("B:2:total", "3")];
    assert!(narrative_findings(&today("共受理政府信息公开申请23件。", &cells)).is_empty());
    assert!(narrative_findings(&today("共收到政府信息公开申请20件。", &cells)).is_empty());
    let found = narrative_findings(&today("共受理政府信息公开申请25件。", &cells));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].cells, ids(&["B:1:total"]));
    assert_eq!((found[0].expected, found[0].actual), (int(20), int(25)));
}

#[test]
fn a_percentage_is_a_share_of_the_total_handled() {
    let cells = [("B:3.7:total", "40"), ("B:3.1:total", "10")];
    assert!(narrative_findings(&today("予以公开10件，占25%。", &cells)).is_empty());
    assert!(narrative_findings(&today("予以公开的占25.0%。", &cells)).is_empty());
    let found = narrative_findings(&today("予以公开的占30%。", &cells));
    assert_eq!(found.len(), 1);
    assert_eq!(get(&found[0], fact::READING), Some("share"));
    assert_eq!(found[0].cells, ids(&["B:3.1:total"]));
    assert_eq!((found[0].expected, found[0].actual), (int(25), int(30)));
    // A percentage after a count the table contradicts is not a second finding.
    assert_eq!(narrative_findings(&today("予以公开12件，占30%。", &cells)).len(), 1);
}

#[test]
fn sub_counts_in_passing_are_not_totals() {
    let cells = [("B:1:total", "20"), ("B:3.7:total", "20")];
    assert!(narrative_findings(&today("共答复申请20件，其中办结申请3件。", &cells)).is_empty());
    assert!(narrative_findings(&today("共答复申请20件（含办结申请3件）。", &cells)).is_empty());
    assert!(narrative_findings(&today("收到申请数量较去年减少5件。", &cells)).is_empty());
    assert_eq!(narrative_findings(&today("共答复申请3件。", &cells)).len(), 1);
}

#[test]
fn other_subjects_sharing_a_key_word_are_not_read() {
    let cells = [("B:1:total", "26"), ("B:3.7:total", "26")];
    assert!(narrative_findings(&today("全年受理网络问政182件，办结群众来信答复9件。", &cells)).is_empty());
}

#[test]
fn groups_sum_their_rows_unless_a_subtotal_is_filled() {
    let cells = [("B:3.3.1:total", "2"), ("B:3.3.5:total", "3")];
    assert!(narrative_findings(&today("不予公开5件。", &cells)).is_empty());
    let found = narrative_findings(&today("不予公开4件。", &cells));
    let rows = ["3.3.1", "3.3.2", "3.3.3", "3.3.4", "3.3.5", "3.3.6", "3.3.7", "3.3.8"];
    assert_eq!(found[0].cells, rows.iter().map(|r| format!("B:{r}:total")).collect::<Vec<_>>());
    assert_eq!((found[0].expected, found[0].actual), (int(5), int(4)));
    let mut subtotal = cells.to_vec();
    subtotal.push(("B:3.3:total", "4"));
    let found = narrative_findings(&today("不予公开4件。", &subtotal));
    assert!(found.is_empty(), "the filled subtotal is what the narrative speaks of: {found:#?}");
}

#[test]
fn upheld_speaks_of_the_cases_the_sentence_names() {
    let cells = [
        ("C:review:upheld", "2"),
        ("C:review:total", "2"),
        ("C:direct_suit:pending", "1"),
        ("C:direct_suit:total", "1"),
    ];
    assert!(narrative_findings(&today("行政复议2件，均获维持。", &cells)).is_empty());
    let found = narrative_findings(&today("行政复议2件，行政诉讼1件，均获维持。", &cells));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].cells, ids(&["C:direct_suit:pending"]));
    assert_eq!(narrative_findings(&today("复议和诉讼案件均获维持。", &cells)).len(), 1);
}

#[test]
fn denials_are_zero_statements() {
    let cells = [("C:review:total", "1"), ("C:review:pending", "1")];
    let found = narrative_findings(&today("本年度未发生政府信息公开行政复议案件。", &cells));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].cells, ids(&["C:review:total"]));
    assert!(narrative_findings(&today("本年度未发生政府信息公开行政诉讼案件。", &cells)).is_empty());
}

#[test]
fn a_denial_of_corrections_is_not_a_denial_of_reviews() {
    // 55 reviews, none corrected: the sentence denies corrections and lost suits only.
    let sentence = "全年未发生因依申请公开被行政复议纠错或行政诉讼败诉情形。";
    let cells = [
        ("C:review:upheld", "55"),
        ("C:review:total", "55"),
        ("C:direct_suit:upheld", "3"),
        ("C:direct_suit:total", "3"),
    ];
    assert!(narrative_findings(&today(sentence, &cells)).is_empty());
    // A correction the sentence denies is still caught.
    let corrected = [("C:review:corrected", "2"), ("C:review:total", "2")];
    let found = narrative_findings(&today(sentence, &corrected));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].cells, ids(&["C:review:corrected"]));
}

// ---------------------------------------------------------------------------------------------
// UTF-16 offsets.

#[test]
fn offsets_are_utf16_code_units() {
    // 𠀀 (U+20000) is two UTF-16 units, three bytes' worth of Chinese before it are one unit each.
    let mut report = Report::new(FormId::F2016);
    report.year = Some(2016);
    report.agency = Some("某市水库和生态移民局".to_string());
    report.narrative = "说明𠀀字。\n通过门户网站公开783条。".to_string();
    report.cells.insert("1.2.2".to_string(), "927".to_string());
    let found = check(&report);
    let narrative = of(&found, Code::NarrativeMismatch);
    let q = quote(narrative[0]);
    assert_eq!(q.start, "说明𠀀字。\n".encode_utf16().count());
    assert_eq!(q.start, 7);
    assert_eq!(q.end, q.start + "通过门户网站公开783条。".encode_utf16().count());
    assert_eq!(utf16_slice(&report.narrative, q), "通过门户网站公开783条。");
}

// ---------------------------------------------------------------------------------------------
// Deadline.

fn dated(form: FormId, year: u16, date: &str, agency: &str) -> Report {
    let mut report = Report::new(form);
    report.year = Some(year);
    report.date = Some(date.to_string());
    report.agency = Some(agency.to_string());
    report
}

fn late(report: &Report, options: ReportOptions) -> Option<Diagnostic> {
    check_report(report, &options).into_iter().find(|d| d.code == Code::LatePublication)
}

#[test]
fn the_2016_form_gives_every_agency_until_31_march() {
    let none = ReportOptions::default();
    assert!(late(&dated(FormId::F2016, 2016, "2017-03-31", "某市水库和生态移民局"), none).is_none());
    let found = late(&dated(FormId::F2016, 2016, "2017-04-01", "某市水库和生态移民局"), none).expect("late");
    assert_eq!(get(&found, fact::DEADLINE), Some("2017-03-31"));
    assert_eq!(get(&found, fact::AGENCY_KIND), Some("any"));
    assert_eq!(found.severity, Severity::Warning);
    // The form's own date line, as reports print it.
    assert!(late(&dated(FormId::F2016, 2016, "2017年4月1日", "某市人民政府"), none).is_some());
}

#[test]
fn today_a_department_has_until_31_january_a_government_until_31_march() {
    let none = ReportOptions::default();
    let department = dated(FormId::F2019, 2019, "2020-02-01", "某市生态环境局");
    let found = late(&department, none).expect("a department's report on 1 February is late");
    assert_eq!(get(&found, fact::DEADLINE), Some("2020-01-31"));
    assert_eq!(get(&found, fact::AGENCY_KIND_FROM), Some("name"));
    assert!(late(&dated(FormId::F2019, 2019, "2020-01-31", "某市生态环境局"), none).is_none());

    assert!(late(&dated(FormId::F2021, 2022, "2023-03-20", "某县人民政府"), none).is_none());
    assert!(late(&dated(FormId::F2021, 2022, "2023-03-20", "某市人民政府办公厅"), none).is_none());
    assert!(late(&dated(FormId::F2021, 2022, "2023-04-01", "某县人民政府"), none).is_some());

    // The option says which, whatever the name.
    let government = ReportOptions { agency_kind: Some(AgencyKind::Government) };
    assert!(late(&department, government).is_none());
    let as_department = ReportOptions { agency_kind: Some(AgencyKind::Department) };
    let found = late(&dated(FormId::F2021, 2022, "2023-02-10", "某县人民政府"), as_department).expect("late");
    assert_eq!(get(&found, fact::AGENCY_KIND_FROM), Some("option"));
}

#[test]
fn agency_kinds_by_name() {
    assert_eq!(agency_kind_of("上海市人民政府办公厅"), Some(AgencyKind::Government));
    assert_eq!(agency_kind_of("沭阳县人民政府"), Some(AgencyKind::Government));
    assert_eq!(agency_kind_of("沭阳县发展和改革局"), Some(AgencyKind::Department));
    assert_eq!(agency_kind_of("某市卫生健康委员会"), Some(AgencyKind::Department));
    assert_eq!(agency_kind_of("www.57365.com"), None);
}

// ---------------------------------------------------------------------------------------------
// Agency and format.

#[test]
fn an_agency_that_is_absent_or_not_a_name() {
    let mut report = Report::new(FormId::F2021);
    report.year = Some(2023);
    let found = of(&check(&report), Code::SuspiciousAgency).into_iter().cloned().collect::<Vec<_>>();
    assert_eq!(found.len(), 1);
    assert_eq!(get(&found[0], fact::PROBLEM), Some("absent"));

    report.agency = Some("http://www.example.gov.cn/".to_string());
    assert_eq!(get(of(&check(&report), Code::SuspiciousAgency)[0], fact::PROBLEM), Some("webAddress"));
    report.agency = Some("12345".to_string());
    assert_eq!(get(of(&check(&report), Code::SuspiciousAgency)[0], fact::PROBLEM), Some("notAName"));
    report.agency = Some("沭阳县发展和改革局".to_string());
    assert!(of(&check(&report), Code::SuspiciousAgency).is_empty());

    // No agency field: the title's, before its year.
    report.agency = None;
    report.title = Some("沭阳县发展和改革局2023年政府信息公开年度报告".to_string());
    assert!(of(&check(&report), Code::SuspiciousAgency).is_empty());
}

#[test]
fn the_form_must_fit_the_report_year() {
    let mut report = dated(FormId::F2019, 2021, "2022-01-20", "某市生态环境局");
    let found = check(&report);
    let wrong = of(&found, Code::WrongFormat);
    assert_eq!(wrong.len(), 1, "{found:#?}");
    assert_eq!(get(wrong[0], fact::FITTING_FORM), Some("2021"));
    assert_eq!(get(wrong[0], fact::FORM), Some("2019"));

    report.form = FormId::F2021;
    assert!(of(&check(&report), Code::WrongFormat).is_empty());

    let old = dated(FormId::F2016, 2019, "2020-01-20", "某市生态环境局");
    assert_eq!(get(of(&check(&old), Code::WrongFormat)[0], fact::FITTING_FORM), Some("2019"));
    let reverse = dated(FormId::F2021, 2017, "2018-01-20", "某市生态环境局");
    assert_eq!(get(of(&check(&reverse), Code::WrongFormat)[0], fact::FITTING_FORM), Some("2016"));
}

// ---------------------------------------------------------------------------------------------
// Parts and numbering.

const SIX_PARTS: &str =
    "一、总体情况\n本年度工作平稳。\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n\
四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及整改措施\n公开意识有待加强。\n\
六、其他需要报告的事项\n本年度未收取信息处理费。";

fn parts_report(narrative: &str) -> Report {
    let mut report = dated(FormId::F2021, 2023, "2024-01-15", "某县发展和改革局");
    report.narrative = narrative.to_string();
    report
}

#[test]
fn six_parts_by_their_key_words() {
    assert!(check(&parts_report(SIX_PARTS)).is_empty());
    let without_five = SIX_PARTS.replace("五、存在的主要问题及整改措施\n", "").replace("六、", "五、");
    let found = check(&parts_report(&without_five));
    let missing = of(&found, Code::MissingSection);
    assert_eq!(missing.len(), 1, "{found:#?}");
    assert_eq!(get(missing[0], fact::PART_NUMBER), Some("5"));
    assert!(missing[0].cells.is_empty());
}

#[test]
fn numbering_slips_are_info() {
    let stray = SIX_PARTS.replace("六、其他", "l六、其他");
    let found = check(&parts_report(&stray));
    assert_eq!(codes(&found), vec![Code::NumberingSlip], "{found:#?}");
    assert_eq!(found[0].severity, Severity::Info);
    assert_eq!(get(&found[0], fact::SLIP), Some("stray"));
    assert_eq!(get(&found[0], fact::EXPECTED_MARKER), Some("六、"));
    let report = parts_report(&stray);
    assert_eq!(utf16_slice(&report.narrative, quote(&found[0])), "l六、其他需要报告的事项");

    let repeated = SIX_PARTS.replace("五、存在", "四、存在");
    let found = check(&parts_report(&repeated));
    assert_eq!(codes(&found), vec![Code::NumberingSlip]);
    assert_eq!(get(&found[0], fact::SLIP), Some("repeated"));

    let skipped = SIX_PARTS
        .replace("三、收到", "四、收到")
        .replace("四、政府", "五、政府")
        .replace("五、存在", "六、存在")
        .replace("六、其他", "七、其他");
    let found = check(&parts_report(&skipped));
    assert_eq!(codes(&found), vec![Code::NumberingSlip], "{found:#?}");
    assert_eq!(get(&found[0], fact::SLIP), Some("skipped"));
    assert_eq!(get(&found[0], fact::EXPECTED_MARKER), Some("三、"));
}

#[test]
fn a_government_report_covers_assessment_and_accountability() {
    let mut report = parts_report(SIX_PARTS);
    report.agency = Some("某县人民政府".to_string());
    let found = check(&report);
    assert_eq!(codes(&found), vec![Code::MissingSection]);
    assert_eq!(get(&found[0], fact::PART), Some("工作考核、社会评议和责任追究结果情况"));
    report.narrative.push_str("\n本年度工作考核结果已公开。");
    assert!(check(&report).is_empty());
}

#[test]
fn the_2016_report_covers_the_matters_of_the_2008_regulations() {
    let mut report = dated(FormId::F2016, 2016, "2017-02-16", "某市水库和生态移民局");
    report.narrative = "一、概述\n（一）主动公开情况\n（二）依申请公开情况\n二、存在问题和改进措施".to_string();
    let found = check(&report);
    let parts: Vec<_> = of(&found, Code::MissingSection).iter().filter_map(|d| get(d, fact::PART_NUMBER)).collect();
    assert_eq!(parts, vec!["3", "4"], "收费 and 复议/诉讼 are missing: {found:#?}");
}

#[test]
fn an_empty_narrative_is_not_missing_its_parts() {
    let report = dated(FormId::F2021, 2023, "2024-01-15", "某县发展和改革局");
    assert!(check(&report).is_empty());
}

#[test]
fn fees_dropped_for_non_payment_must_be_reported_in_part_six() {
    let mut report = sample_2023();
    assert!(of(&check(&report), Code::FeesNotReported).is_empty(), "no fee cases, nothing to say");
    report.cells.insert("B:3.6.2:natural".into(), "2".into());
    report.cells.insert("B:3.6.2:total".into(), "2".into());
    let found = check(&report);
    let fees = of(&found, Code::FeesNotReported);
    assert_eq!(fees.len(), 1, "{found:#?}");
    assert_eq!(fees[0].cells, vec!["B:3.6.2:total"]);
    assert_eq!(fees[0].actual, Some(Amount::from_int(2)));
    assert_eq!(quote(fees[0]).text, "六、其他需要报告的事项");
    // Saying how the fee was handled, in part 六, answers it; saying it elsewhere does not.
    let mut elsewhere = report.clone();
    elsewhere.narrative = elsewhere.narrative.replace("一、总体情况", "一、总体情况\n\n本年度发出收费通知2份。");
    assert_eq!(of(&check(&elsewhere), Code::FeesNotReported).len(), 1);
    report.narrative =
        report.narrative.replace("政府信息公开未发生收费情况", "发出收费通知2份，申请人均未缴纳信息处理费");
    assert!(of(&check(&report), Code::FeesNotReported).is_empty());
}

#[test]
fn carried_over_applications_match_last_years_carried_forward() {
    let report = sample_2023();
    let mut last = Report::new(FormId::F2021);
    last.year = Some(2022);
    for (column, value) in [("natural", "3"), ("commercial", "0"), ("total", "3")] {
        last.cells.insert(format!("B:4:{column}"), value.into());
    }
    let found = disclosure_report::checks::compare_years(&report, &last);
    let cells: Vec<&str> = found.iter().map(|d| d.cells[0].as_str()).collect();
    assert_eq!(cells, vec!["B:2:natural", "B:2:total"], "{found:#?}");
    assert!(found.iter().all(|d| d.code == Code::CarryOverMismatch && d.severity == Severity::Warning));
    assert_eq!((found[0].expected, found[0].actual), (Some(Amount::from_int(3)), Some(Amount::ZERO)));
    // A year that carried nothing forward agrees; blanks and the 2016 form say nothing.
    last.cells.insert("B:4:natural".into(), "0".into());
    last.cells.insert("B:4:total".into(), "0".into());
    assert!(disclosure_report::checks::compare_years(&report, &last).is_empty());
    assert!(disclosure_report::checks::compare_years(&report, &Report::new(FormId::F2021)).is_empty());
    assert!(disclosure_report::checks::compare_years(&sample_2016(), &last).is_empty());
}

// ---------------------------------------------------------------------------------------------
// The reviewers' checks beyond the table: wrong year, empty parts, Table A year against year.

#[test]
fn last_years_text_in_this_years_report_is_a_wrong_year() {
    let sample = sample_2023();
    assert!(of(&check(&sample), Code::WrongYear).is_empty(), "the sample speaks of its own year");
    let mut copied = sample.clone();
    copied.narrative =
        copied.narrative.replace("2023年度我局共收到依申请信息公开26件", "2022年度我局共收到依申请信息公开26件");
    assert_ne!(copied.narrative, sample.narrative);
    let found = check(&copied);
    let wrong = of(&found, Code::WrongYear);
    assert_eq!(wrong.len(), 1, "{found:#?}");
    assert_eq!(get(wrong[0], fact::OTHER_YEAR), Some("2022"));
    assert!(utf16_slice(&copied.narrative, quote(wrong[0])).starts_with("2022年度我局共收到依申请信息公开26件"));
    // The statistics period of another year.
    let mut period = sample.clone();
    period.narrative =
        period.narrative.replace("统计时限为2023年1月1日至2023年12月31日", "统计时限为2022年1月1日至2022年12月31日");
    let wrong = of(&check(&period), Code::WrongYear).into_iter().cloned().collect::<Vec<_>>();
    assert_eq!(wrong.len(), 1);
    assert_eq!(get(&wrong[0], fact::READING), Some("period"));
}

#[test]
fn a_part_that_says_nothing_is_an_empty_section() {
    let sample = sample_2023();
    assert!(of(&check(&sample), Code::EmptySection).is_empty());
    // 五 answered with a token.
    let start = sample.narrative.find("五、存在的主要问题及整改措施").unwrap();
    let end = sample.narrative.find("六、其他需要报告的事项").unwrap();
    let mut token = sample.clone();
    token.narrative.replace_range(start..end, "五、存在的主要问题及整改措施\n\n无。\n\n");
    let found = of(&check(&token), Code::EmptySection).into_iter().cloned().collect::<Vec<_>>();
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!((get(&found[0], fact::EMPTY), get(&found[0], fact::STATEMENT)), (Some("token"), Some("无")));
    // 五 with nothing under its heading.
    let mut bare = sample.clone();
    bare.narrative.replace_range(start..end, "五、存在的主要问题及整改措施\n\n");
    let found = of(&check(&bare), Code::EmptySection).into_iter().cloned().collect::<Vec<_>>();
    assert_eq!(get(&found[0], fact::EMPTY), Some("empty"));
    // 2021's 六 must report the fees, even when none.
    let mut no_fees = sample.clone();
    no_fees.narrative = no_fees.narrative.replace("2023年度，县发展和改革局政府信息公开未发生收费情况。", "无。");
    let found = of(&check(&no_fees), Code::EmptySection).into_iter().cloned().collect::<Vec<_>>();
    assert_eq!(found.len(), 1);
    assert_eq!(get(&found[0], fact::EMPTY), Some("fees"));
    // The 2019 trial format's 六 may have nothing else to report.
    assert!(of(&check(&sample_2019()), Code::EmptySection).is_empty());
}

#[test]
fn table_a_in_force_against_last_years_report() {
    let sample = sample_2023();
    // The sample: 行政规范性文件 8 issued, 0 repealed, 18 in force.
    let mut last = Report::new(FormId::F2021);
    last.year = Some(2022);
    last.cells.insert("A:normative:in_force".into(), "10".into());
    last.cells.insert("A:regulations:in_force".into(), "0".into());
    let found = disclosure_report::checks::compare_years(&sample, &last);
    assert!(of(&found, Code::InForceMismatch).is_empty(), "10 + 8 − 0 = 18: {found:#?}");
    last.cells.insert("A:normative:in_force".into(), "12".into());
    let found = disclosure_report::checks::compare_years(&sample, &last);
    let drift = of(&found, Code::InForceMismatch);
    assert_eq!(drift.len(), 1);
    assert_eq!(drift[0].cells[0], "A:normative:in_force");
    assert_eq!((drift[0].expected, drift[0].actual), (int(20), int(18)));
    assert_eq!(drift[0].severity, Severity::Warning);
}
