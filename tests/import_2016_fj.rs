//! Fujian's own table (form `2016-fj`) as it really arrives: the 2013 Pingtan county page (HTML
//! pasted from Word), its table copied from the page (tab-separated), and the page against a year
//! before made from it. And detection: the three samples of the other forms are still read as
//! before, now that a fourth form is compared with every table.

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use disclosure_report::form::FormId;
use disclosure_report::import::{detect, import, import_tsv, structure_form};

const SAMPLE_2016: &str = include_str!("fixtures/2016-liupanshui-seed.txt");
const SAMPLE_2019: &str = include_str!("fixtures/new-2019-shanghai-bangongting.txt");
const SAMPLE_2023: &str = include_str!("fixtures/new-2023-shuyang-fagaiju.txt");

/// The page's table as a browser copies it: tab-separated, the unit column and all.
const PASTED: &str = "平潭县人民政府2013年政府信息公开情况统计表
指标名称\t计量单位\t2013 年度\t历年累计
主动公开信息数\t条\t1853\t5395
其中：1.网站公开\t条\t1713\t5017
2.政府公报公开\t条\t0\t7
受理依申请公开信息总数\t条\t7\t28
其中：1.当面申请数\t条\t0\t18
2.传真申请数\t条\t0\t0
3.电子邮件申请数\t条\t3\t6
4.网上申请数\t条\t4\t4
5.信函申请数\t条\t0\t0
6.其它形式申请数\t条\t0\t0
对申请的答复数\t条\t3\t24
其中：1.同意公开答复数\t条\t2\t19
2.同意部分公开答复数\t条\t1\t3
3.否决公开答复数\t条\t0\t2
行政复议数\t条\t0\t0
行政诉讼数\t条\t0\t0
行政申诉数\t条\t0\t0
";

/// Every cell of both columns, as the page publishes them: row, 2013年度, 历年累计.
const PUBLISHED: &[(&str, &str, &str)] = &[
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
];

fn assert_published(report: &disclosure_report::report::Report) {
    assert_eq!(report.form, FormId::F2016Fj);
    for &(row, year, cumulative) in PUBLISHED {
        assert_eq!(report.cell(&format!("T:{row}:year")), year, "{row} 本年度");
        assert_eq!(report.cell(&format!("T:{row}:cumulative")), cumulative, "{row} 历年累计");
    }
    // Nothing else: the rows of the 2016 set are not in a 2013 table.
    assert_eq!(report.cells.len(), 2 * PUBLISHED.len(), "{:#?}", report.cells);
}

#[test]
fn the_three_samples_are_detected_as_before() {
    for (text, form) in [(SAMPLE_2016, FormId::F2016), (SAMPLE_2019, FormId::F2019), (SAMPLE_2023, FormId::F2021)] {
        assert_eq!(detect(text), Some(form));
        // By their structure alone, not by a fallback: and no signal for Fujian's form wins.
        let structure = structure_form(text);
        assert_eq!(structure.form, Some(form));
        assert!(structure.score(form) > structure.score(FormId::F2016Fj), "{form:?}");
        assert_eq!(import(text).unwrap().report.form, form);
    }
}

#[test]
fn the_table_copied_from_the_page_is_fujians_and_reads_completely() {
    let structure = structure_form(PASTED);
    assert_eq!(structure.form, Some(FormId::F2016Fj));
    let imported = import_tsv(PASTED).unwrap();
    assert_published(&imported.report);
    assert_eq!(imported.diagnostics, vec![], "no row left unplaced, the header row included");
    assert!(imported.unread.is_empty());
}

#[cfg(all(not(target_arch = "wasm32"), feature = "html"))]
mod page {
    use super::*;
    use disclosure_report::checks::compare_years;
    use disclosure_report::diagnostic::{Code, Severity};
    use disclosure_report::engine::Mode;
    use disclosure_report::messages::Lang;
    use disclosure_report::report::Report;
    use disclosure_report::validate::{self, Options};

    const PINGTAN_2013: &str = include_str!("fixtures/2013-pingtan-xianzhengfu.html");

    fn options() -> Options {
        Options { mode: Mode::Review, lang: Lang::Zh, agency_kind: None }
    }

    #[test]
    fn the_shared_page_imports_completely_as_fujians_form() {
        let imported = import(PINGTAN_2013).unwrap();
        let r = &imported.report;
        assert_published(r);
        assert_eq!(r.year, Some(2013));
        assert_eq!(r.date.as_deref(), Some("2014-01-22"));
        // The title is broken over two lines, the agency's name on the first.
        assert_eq!(r.agency.as_deref(), Some("平潭县人民政府"));
        assert!(r.narrative.contains("网上申请数3条，信函申请数4条"));
        assert_eq!(imported.diagnostics, vec![], "every row placed, the header too");
        assert!(imported.unread.is_empty());

        let checked = validate::check_imported(&imported, None, &options());
        let table = &checked.coverage.tables[0];
        assert!(table.found);
        assert_eq!((table.read, table.cells, table.unread), (34, 42, 0));
        assert_eq!((table.rules_failed, table.rules_not_checked), (0, 0));
        // Checked by hand: every sum holds in both columns, 网站 and 公报 are within 主动公开, every
        // 累计 is at least its 本年度; the report has no part on fees nor on review and lawsuits; and
        // its text gives the applications by channel otherwise than its table ("网上申请数3条，信函申请数
        // 4条" against 网上 4, 信函 0: the sample's README notes it).
        let found: Vec<(Code, Severity, Option<&str>)> =
            checked.diagnostics.iter().map(|d| (d.code, d.severity, d.cells.first().map(String::as_str))).collect();
        assert_eq!(
            found,
            [
                (Code::MissingSection, Severity::Warning, None),
                (Code::MissingSection, Severity::Warning, None),
                (Code::NarrativeMismatch, Severity::Warning, Some("T:received.online:year")),
                (Code::NarrativeMismatch, Severity::Warning, Some("T:received.mail:year")),
            ]
        );
        assert!(!checked.diagnostics.iter().any(|d| d.code == Code::WrongFormat), "2013 is a year of the form");
    }

    /// Last year's report made from the page: every 历年累计 the page's less its 本年度.
    fn year_before(this: &Report) -> Report {
        let mut before = Report::new(this.form);
        before.year = Some(2012);
        before.agency = this.agency.clone();
        for &(row, _, _) in PUBLISHED {
            let (year, cumulative) = (format!("T:{row}:year"), format!("T:{row}:cumulative"));
            let value: i64 = this.cell(&cumulative).parse::<i64>().unwrap() - this.cell(&year).parse::<i64>().unwrap();
            before.cells.insert(cumulative, value.to_string());
        }
        before
    }

    #[test]
    fn the_page_against_a_year_before_that_does_not_chain() {
        let imported = import(PINGTAN_2013).unwrap();
        let mut before = year_before(&imported.report);
        assert_eq!(before.cell("T:disclosed:cumulative"), "3542");
        assert_eq!(compare_years(&imported.report, &before), vec![]);
        // 2012's report had counted four fewer items on the website than 2013's implies.
        before.cells.insert("T:disclosed.web:cumulative".into(), "3300".into());
        let checked = validate::check_imported(&imported, Some(&before), &options());
        let d = checked
            .diagnostics
            .iter()
            .find(|d| d.code == Code::CumulativeMismatch)
            .unwrap_or_else(|| panic!("{:#?}", checked.diagnostics));
        assert_eq!(d.severity, Severity::Warning);
        assert_eq!(d.cells, ["T:disclosed.web:cumulative", "T:disclosed.web:year"]);
        assert_eq!(
            d.message,
            "「网站公开」历年累计为 5017，但2012年度报告的历年累计 3300 加本年度 1713 应为 5013；请核对两年的累计口径是否一致。"
        );
        assert_eq!(checked.diagnostics.iter().filter(|d| d.code == Code::CumulativeMismatch).count(), 1);
    }

    #[test]
    fn the_preview_draws_fujians_four_columns() {
        use disclosure_report::render::{self, RenderOptions};
        let imported = import(PINGTAN_2013).unwrap();
        let all = validate::validate(&imported.report, &options());
        let text = render::text(&imported.report, &all, &RenderOptions::default());
        let header = text.lines().find(|l| l.starts_with("指标名称")).expect("the table's header");
        let words: Vec<&str> = header.split_whitespace().collect();
        assert_eq!(words, ["指标名称", "计量单位", "2013年度", "历年累计"]);
        let row = text.lines().find(|l| l.trim_start().starts_with("其中：网站公开")).unwrap();
        assert_eq!(row.split_whitespace().collect::<Vec<_>>(), ["其中：网站公开", "条", "1713", "5017"]);
        // The rows of the 2016 set, blank in a 2013 table, are not drawn.
        assert!(!text.contains("信函、传真申请数") && !text.contains("收费减免"));
        let html = render::html(&imported.report, &all, &RenderOptions::default());
        assert!(html.contains("<th class=\"dr-stub-head\" scope=\"col\">指标名称</th><th class=\"dr-unit-head\" scope=\"col\">计量单位</th><th scope=\"col\">2013年度</th><th scope=\"col\">历年累计</th>"));
        // The preview reads back to the same cells.
        let back = import(&html).unwrap();
        assert_published(&back.report);
    }
}
