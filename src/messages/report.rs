//! Messages for the report-level findings (`checks`): one method per message, one implementation
//! per language. Everything a message says comes from the finding's facts and figures.

use crate::checks::{cumulative, fact};
use crate::diagnostic::{Code, Detail, Diagnostic};
use crate::form::FormId;
use crate::value::Amount;

use super::en::En;
use super::zh::Zh;
use super::Lang;

/// Whose deadline a late report missed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Deadline {
    /// The 2008 Regulations: 31 March for every agency.
    Any,
    /// A department: 31 January.
    Department,
    /// A people's government's own report: 31 March.
    Government,
    /// The kind is not known; even the later deadline has passed.
    Unknown,
}

/// One method per report-level message. Statements and labels arrive as written.
pub(crate) trait ReportCatalogue {
    /// The narrative states a count the table does not give.
    fn narrative_count(&self, statement: &str, label: &str, table: Amount) -> String;
    /// The narrative states a percentage that is not the table's share.
    fn narrative_share(&self, statement: &str, label: &str, share: Amount) -> String;
    /// The narrative says something did not happen; the table counts it.
    fn narrative_zero(&self, statement: &str, label: &str, table: Amount) -> String;
    /// The narrative says every case was upheld; the table has cases pending or corrected.
    fn narrative_upheld(&self, statement: &str, labels: &str, cases: Amount) -> String;
    fn late_publication(&self, date: &str, deadline: &str, whose: Deadline) -> String;
    fn agency_web_address(&self, name: &str) -> String;
    fn agency_absent(&self) -> String;
    fn agency_not_a_name(&self, name: &str) -> String;
    fn missing_part(&self, part: &str) -> String;
    fn numbering_stray(&self, heading: &str, expected: &str) -> String;
    fn numbering_skipped(&self, heading: &str, expected: &str) -> String;
    fn numbering_repeated(&self, heading: &str, expected: &str) -> String;
    fn numbering_order(&self, heading: &str, expected: &str) -> String;
    fn wrong_format(&self, year: &str, form: FormId, fitting: Option<FormId>) -> String;
    /// Applications dropped for unpaid fees, while the part on other matters says nothing of fees.
    fn fees_not_reported(&self, dropped: Amount, heading: &str) -> String;
    /// This year's carried-over applications against last year's carried forward, in one column.
    fn carry_over(&self, column: &str, year: &str, now: Amount, before: Amount) -> String;
    /// The statistics period names another year than the report's.
    fn wrong_period(&self, statement: &str, year: &str, other: &str) -> String;
    /// A sentence of the year's work dated in an earlier year.
    fn wrong_year(&self, statement: &str, year: &str, other: &str) -> String;
    /// A part present but saying nothing, or a token answer (无, 暂无).
    fn empty_part(&self, part: &str, token: Option<&str>) -> String;
    /// 2021's part 六 without the information processing fees charged (even when none).
    fn part_without_fees(&self, part: &str) -> String;
    /// A cumulative figure (历年累计) against last year's cumulative plus this year's figure.
    fn cumulative(&self, label: &str, year: &str, before: Amount, this_year: Amount, now: Amount) -> String;
    /// Table A's in-force count against last year's plus issued minus repealed.
    fn in_force(
        &self,
        label: &str,
        year: &str,
        before: Amount,
        issued: Amount,
        repealed: Amount,
        now: Amount,
    ) -> String;
    /// Text holding a character that changes the order in which it is shown: where (`narrative`,
    /// `title`, `agency`, `date`), the text (its controls written as code points) and the controls.
    fn bidi_control(&self, field: &str, text: &str, characters: &str) -> String;
}

fn form_name_zh(form: FormId) -> &'static str {
    match form {
        FormId::F2016 => "2014—2018年度的政府信息公开情况统计表（国办发〔2014〕32号）",
        FormId::F2019 => "2019年试行格式（国办公开办函〔2019〕60号）",
        FormId::F2021 => "2021年格式（国办公开办函〔2021〕30号）",
        FormId::F2016Fj => "福建省的政府信息公开情况统计表（2008—2018年度，含历年累计）",
    }
}

fn form_name_en(form: FormId) -> &'static str {
    match form {
        FormId::F2016 => "the 2014–2018 statistics table (国办发〔2014〕32号)",
        FormId::F2019 => "the 2019 trial format (国办公开办函〔2019〕60号)",
        FormId::F2021 => "the 2021 format (国办公开办函〔2021〕30号)",
        FormId::F2016Fj => "Fujian's own statistics table (2008–2018, with a cumulative column)",
    }
}

impl ReportCatalogue for Zh {
    fn wrong_period(&self, statement: &str, year: &str, other: &str) -> String {
        format!("报告年度为 {year} 年，但统计期限写的是 {other} 年：“{statement}”。")
    }

    fn wrong_year(&self, statement: &str, year: &str, other: &str) -> String {
        format!(
            "报告年度为 {year} 年，这句报告本年度工作的话却写作 {other} 年（是否沿用了往年报告？）：“{statement}”。"
        )
    }

    fn empty_part(&self, part: &str, token: Option<&str>) -> String {
        match token {
            Some(token) => format!("“{part}”部分只写了“{token}”，没有实际内容；评议时这不算作答。"),
            None => format!("“{part}”部分只有标题，没有内容。"),
        }
    }

    fn part_without_fees(&self, part: &str) -> String {
        format!("“{part}”部分应报告依《政府信息公开信息处理费管理办法》收取信息处理费的情况，未收取也应写明。")
    }

    fn in_force(
        &self,
        label: &str,
        year: &str,
        before: Amount,
        issued: Amount,
        repealed: Amount,
        now: Amount,
    ) -> String {
        let last = if year.is_empty() { "上一年度".to_string() } else { format!("{year}年度") };
        format!(
            "「{label}」现行有效件数为 {now}，按{last}报告的 {before} 件加本年制发 {issued} 件、减本年废止 {repealed} 件应为 {}；修订、到期失效的统计口径不同可能造成差异，请核实。",
            before + issued - repealed
        )
    }

    fn cumulative(&self, label: &str, year: &str, before: Amount, this_year: Amount, now: Amount) -> String {
        let last = if year.is_empty() { "上一年度".to_string() } else { format!("{year}年度") };
        format!(
            "「{label}」历年累计为 {now}，但{last}报告的历年累计 {before} 加本年度 {this_year} 应为 {}；请核对两年的累计口径是否一致。",
            before + this_year
        )
    }

    fn carry_over(&self, column: &str, year: &str, now: Amount, before: Amount) -> String {
        let last = if year.is_empty() { "上一年度".to_string() } else { format!("{year}年度") };
        format!("「上年结转政府信息公开申请数量」（{column}）为 {now}，但{last}报告「结转下年度继续办理」（{column}）为 {before}，两者应相等。")
    }

    fn fees_not_reported(&self, dropped: Amount, heading: &str) -> String {
        format!(
            "统计表「申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请」为 {dropped} 件，但“{heading}”部分未说明信息处理费的收取情况。"
        )
    }

    fn narrative_count(&self, statement: &str, label: &str, table: Amount) -> String {
        format!("正文称“{statement}”，但统计表「{label}」为 {table}。")
    }
    fn narrative_share(&self, statement: &str, label: &str, share: Amount) -> String {
        format!("正文称“{statement}”，但按统计表计算，「{label}」占办理结果总计的 {share}%。")
    }
    fn narrative_zero(&self, statement: &str, label: &str, table: Amount) -> String {
        format!("正文称“{statement}”，但统计表「{label}」为 {table}，不是 0。")
    }
    fn narrative_upheld(&self, statement: &str, labels: &str, cases: Amount) -> String {
        format!("正文称“{statement}”，但统计表中「{labels}」共 {cases} 件，并非全部维持。")
    }
    fn late_publication(&self, date: &str, deadline: &str, whose: Deadline) -> String {
        let rule = match whose {
            Deadline::Any => "按2008年《条例》第三十一条，年度报告应于次年3月31日前公布",
            Deadline::Department => "按《条例》第四十九条，政府部门的年度报告应于次年1月31日前公布",
            Deadline::Government => "按《条例》第四十九条，人民政府的年度报告应于次年3月31日前公布",
            Deadline::Unknown => "即使按人民政府的期限（次年3月31日）计算也已逾期",
        };
        format!("报告发布日期为 {date}，晚于 {deadline}：{rule}。")
    }
    fn agency_web_address(&self, name: &str) -> String {
        format!("填报单位“{name}”是网址，不是机关名称，请填写本机关全称。")
    }
    fn agency_absent(&self) -> String {
        "报告没有写明填报单位，请填写本机关全称。".to_string()
    }
    fn agency_not_a_name(&self, name: &str) -> String {
        format!("填报单位“{name}”不像机关名称，请填写本机关全称。")
    }
    fn missing_part(&self, part: &str) -> String {
        format!("报告缺少“{part}”部分。")
    }
    fn numbering_stray(&self, heading: &str, expected: &str) -> String {
        format!("标题“{heading}”的编号前有多余字符，应为“{expected}”。")
    }
    fn numbering_skipped(&self, heading: &str, expected: &str) -> String {
        format!("标题“{heading}”的编号跳过了“{expected}”。")
    }
    fn numbering_repeated(&self, heading: &str, expected: &str) -> String {
        format!("标题“{heading}”的编号与上一部分重复，此处应为“{expected}”。")
    }
    fn numbering_order(&self, heading: &str, expected: &str) -> String {
        format!("标题“{heading}”的编号顺序有误，此处应为“{expected}”。")
    }
    fn wrong_format(&self, year: &str, form: FormId, fitting: Option<FormId>) -> String {
        let used = form_name_zh(form);
        match fitting {
            Some(f) => format!("报告年度为 {year} 年，统计表却是{used}；{year} 年度应使用{}。", form_name_zh(f)),
            None => format!("报告年度为 {year} 年，统计表却是{used}，没有适用于该年度的格式。"),
        }
    }

    fn bidi_control(&self, field: &str, text: &str, characters: &str) -> String {
        let field = match field {
            "title" => "标题",
            "agency" => "单位名称",
            "date" => "日期",
            _ => "这句话",
        };
        format!(
            "{field}含有改变文字显示顺序的控制字符 {characters}，页面上显示的内容与实际文字不同（数字可能显示成另一个数）；\
             其中的数字和表述未予核对，请删除这些字符：“{text}”。"
        )
    }
}

impl ReportCatalogue for En {
    fn wrong_period(&self, statement: &str, year: &str, other: &str) -> String {
        format!("The report is for {year}, but the statistics period says {other}: “{statement}”.")
    }

    fn wrong_year(&self, statement: &str, year: &str, other: &str) -> String {
        format!("The report is for {year}, but this sentence on the year's work is dated {other} (carried over from an earlier report?): “{statement}”.")
    }

    fn empty_part(&self, part: &str, token: Option<&str>) -> String {
        match token {
            Some(token) => format!("The part “{part}” only says “{token}”: reviewers do not count that as an answer."),
            None => format!("The part “{part}” has a heading and nothing under it."),
        }
    }

    fn part_without_fees(&self, part: &str) -> String {
        format!("The part “{part}” must report the information processing fees charged under the fee rules, even when none were.")
    }

    fn in_force(
        &self,
        label: &str,
        year: &str,
        before: Amount,
        issued: Amount,
        repealed: Amount,
        now: Amount,
    ) -> String {
        let last = if year.is_empty() { "last year's report".to_string() } else { format!("the {year} report") };
        format!(
            "「{label}」: {now} in force, but {last}'s {before} plus {issued} issued minus {repealed} repealed makes {}; revisions and expiries counted differently can explain a difference: please check.",
            before + issued - repealed
        )
    }

    fn cumulative(&self, label: &str, year: &str, before: Amount, this_year: Amount, now: Amount) -> String {
        let last = if year.is_empty() { "last year's report".to_string() } else { format!("the {year} report") };
        format!(
            "「{label}」: {now} for all years so far, but {last}'s {before} plus this year's {this_year} makes {}; please check both years count alike.",
            before + this_year
        )
    }

    fn carry_over(&self, column: &str, year: &str, now: Amount, before: Amount) -> String {
        let last = if year.is_empty() { "last year's report".to_string() } else { format!("the {year} report") };
        format!("Applications carried over from last year, column “{column}”: {now}, but {last} carried {before} forward; the two should be equal.")
    }

    fn fees_not_reported(&self, dropped: Amount, heading: &str) -> String {
        format!(
            "The table counts {dropped} application(s) no longer handled because the applicant did not pay after a fee notice, but the part “{heading}” says nothing of the information processing fees."
        )
    }

    fn narrative_count(&self, statement: &str, label: &str, table: Amount) -> String {
        format!("The text says “{statement}”, but the table gives {table} for 「{label}」.")
    }
    fn narrative_share(&self, statement: &str, label: &str, share: Amount) -> String {
        format!("The text says “{statement}”, but by the table 「{label}」 is {share}% of all requests handled.")
    }
    fn narrative_zero(&self, statement: &str, label: &str, table: Amount) -> String {
        format!("The text says “{statement}”, but the table gives {table} for 「{label}」, not 0.")
    }
    fn narrative_upheld(&self, statement: &str, labels: &str, cases: Amount) -> String {
        format!("The text says “{statement}”, but the table has {cases} case(s) in 「{labels}」: not all were upheld.")
    }
    fn late_publication(&self, date: &str, deadline: &str, whose: Deadline) -> String {
        let rule = match whose {
            Deadline::Any => "under the 2008 Regulations (Art. 31) the report is due by 31 March of the following year",
            Deadline::Department => "under the Regulations (Art. 49) a department's report is due by 31 January",
            Deadline::Government => "under the Regulations (Art. 49) a people's government's report is due by 31 March",
            Deadline::Unknown => "even the later deadline, a people's government's 31 March, has passed",
        };
        format!("The report is dated {date}, after {deadline}: {rule}.")
    }
    fn agency_web_address(&self, name: &str) -> String {
        format!("The reporting agency “{name}” is a web address, not an agency's name; give the agency's full name.")
    }
    fn agency_absent(&self) -> String {
        "The report does not name its agency; give the agency's full name.".to_string()
    }
    fn agency_not_a_name(&self, name: &str) -> String {
        format!("The reporting agency “{name}” does not look like an agency's name; give the agency's full name.")
    }
    fn missing_part(&self, part: &str) -> String {
        format!("The report has no part “{part}”.")
    }
    fn numbering_stray(&self, heading: &str, expected: &str) -> String {
        format!("The heading “{heading}” has stray characters before its number; it should read “{expected}”.")
    }
    fn numbering_skipped(&self, heading: &str, expected: &str) -> String {
        format!("The heading “{heading}” skips “{expected}”.")
    }
    fn numbering_repeated(&self, heading: &str, expected: &str) -> String {
        format!("The heading “{heading}” repeats the number of the part before; it should be “{expected}”.")
    }
    fn numbering_order(&self, heading: &str, expected: &str) -> String {
        format!("The heading “{heading}” is out of order; “{expected}” is expected here.")
    }
    fn wrong_format(&self, year: &str, form: FormId, fitting: Option<FormId>) -> String {
        let used = form_name_en(form);
        match fitting {
            Some(f) => format!("The report is for {year} but uses {used}; {year} calls for {}.", form_name_en(f)),
            None => format!("The report is for {year} but uses {used}; no format is for that year."),
        }
    }

    fn bidi_control(&self, field: &str, text: &str, characters: &str) -> String {
        let field = match field {
            "title" => "The title",
            "agency" => "The agency's name",
            "date" => "The date",
            _ => "This sentence",
        };
        format!(
            "{field} holds characters that change the order in which text is shown ({characters}): what the \
             page shows is not what is written (a figure can show as another), so its figures and claims are \
             not checked; remove them: \"{text}\"."
        )
    }
}

/// The message for a report-level finding, or `None` for codes this catalogue does not speak for.
pub(crate) fn message(d: &Diagnostic, lang: Lang) -> Option<String> {
    let catalogue: &dyn ReportCatalogue = match lang {
        Lang::Zh => &Zh,
        Lang::En => &En,
    };
    let Detail::Report { facts, .. } = &d.detail else { return None };
    // What the facts quote of the report, at most `MAX_QUOTE_CHARS` of it.
    let facts: Vec<(&str, std::borrow::Cow<'_, str>)> =
        facts.iter().map(|(k, v)| (k.as_str(), super::excerpt(v))).collect();
    let get = |key: &str| facts.iter().find(|(k, _)| *k == key).map(|(_, v)| v.as_ref());
    let text = |key: &str| get(key).unwrap_or("");
    Some(match d.code {
        Code::NarrativeMismatch => {
            let (statement, label, table) = (text(fact::STATEMENT), text(fact::LABEL), d.expected?);
            match get(fact::READING)? {
                "count" => catalogue.narrative_count(statement, label, table),
                "share" => catalogue.narrative_share(statement, label, table),
                "zero" => catalogue.narrative_zero(statement, label, table),
                "upheld" => catalogue.narrative_upheld(statement, label, table),
                _ => return None,
            }
        }
        Code::LatePublication => {
            let whose = match get(fact::AGENCY_KIND)? {
                "department" => Deadline::Department,
                "government" => Deadline::Government,
                "any" => Deadline::Any,
                _ => Deadline::Unknown,
            };
            catalogue.late_publication(text(fact::DATE), text(fact::DEADLINE), whose)
        }
        Code::SuspiciousAgency => match get(fact::PROBLEM)? {
            "webAddress" => catalogue.agency_web_address(text(fact::AGENCY)),
            "notAName" => catalogue.agency_not_a_name(text(fact::AGENCY)),
            _ => catalogue.agency_absent(),
        },
        Code::MissingSection => catalogue.missing_part(get(fact::PART)?),
        Code::NumberingSlip => {
            let (heading, expected) = (text(fact::HEADING), text(fact::EXPECTED_MARKER));
            match get(fact::SLIP)? {
                "stray" => catalogue.numbering_stray(heading, expected),
                "skipped" => catalogue.numbering_skipped(heading, expected),
                "repeated" => catalogue.numbering_repeated(heading, expected),
                _ => catalogue.numbering_order(heading, expected),
            }
        }
        Code::FeesNotReported => catalogue.fees_not_reported(d.actual?, text(fact::HEADING)),
        Code::CarryOverMismatch => catalogue.carry_over(text(fact::LABEL), text(fact::YEAR), d.actual?, d.expected?),
        Code::CumulativeMismatch => {
            let amount =
                |key: &str| get(key).and_then(|v| crate::value::parse(v, crate::value::ValueKind::Money).amount());
            let (before, this_year) = (amount(cumulative::PREVIOUS)?, amount(cumulative::THIS_YEAR)?);
            catalogue.cumulative(text(fact::LABEL), text(fact::YEAR), before, this_year, d.actual?)
        }
        Code::WrongYear => {
            let (statement, year, other) = (text(fact::STATEMENT), text(fact::YEAR), text(fact::OTHER_YEAR));
            match get(fact::READING)? {
                "period" => catalogue.wrong_period(statement, year, other),
                _ => catalogue.wrong_year(statement, year, other),
            }
        }
        Code::EmptySection => match get(fact::EMPTY)? {
            "fees" => catalogue.part_without_fees(text(fact::PART)),
            "token" => catalogue.empty_part(text(fact::PART), get(fact::STATEMENT)),
            _ => catalogue.empty_part(text(fact::PART), None),
        },
        Code::InForceMismatch => {
            let amount =
                |key: &str| get(key).and_then(|v| crate::value::parse(v, crate::value::ValueKind::Count).amount());
            catalogue.in_force(
                text(fact::LABEL),
                text(fact::YEAR),
                amount(fact::BEFORE)?,
                amount(fact::ISSUED)?,
                amount(fact::REPEALED)?,
                d.actual?,
            )
        }
        Code::WrongFormat => {
            let form = FormId::parse(get(fact::FORM)?)?;
            let fitting = get(fact::FITTING_FORM).and_then(FormId::parse);
            catalogue.wrong_format(text(fact::YEAR), form, fitting)
        }
        Code::BidiControl => catalogue.bidi_control(text(fact::FIELD), text(fact::STATEMENT), text(fact::CHARACTERS)),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::{check_report, ReportOptions};
    use crate::form::FormId;
    use crate::report::Report;

    fn findings() -> Vec<Diagnostic> {
        let mut report = Report::new(FormId::F2019);
        report.year = Some(2021);
        report.agency = Some("www. 57365.com".to_string());
        report.date = Some("2022-04-01".to_string());
        report.narrative = "一、总体情况\n通过门户网站公开783条。行政复议1件，均获维持。予以公开的占50%。\n\
            l二、主动公开政府信息情况\n本年度未发生行政诉讼。"
            .to_string();
        for (id, text) in [
            ("B:3.1:total", "1"),
            ("B:3.7:total", "4"),
            ("C:review:pending", "1"),
            ("C:review:total", "1"),
            ("C:direct_suit:corrected", "1"),
        ] {
            report.cells.insert(id.to_string(), text.to_string());
        }
        check_report(&report, &ReportOptions::default())
    }

    #[test]
    fn every_report_finding_has_a_message_in_each_language() {
        let found = findings();
        for code in [
            Code::NarrativeMismatch,
            Code::LatePublication,
            Code::SuspiciousAgency,
            Code::MissingSection,
            Code::NumberingSlip,
            Code::WrongFormat,
        ] {
            assert!(found.iter().any(|d| d.code == code), "{code:?} among {found:#?}");
        }
        for d in &found {
            for lang in [Lang::Zh, Lang::En] {
                let text = message(d, lang).unwrap_or_else(|| panic!("no {lang:?} message for {d:#?}"));
                assert!(!text.is_empty());
            }
        }
    }

    #[test]
    fn the_portal_figure_in_chinese() {
        let mut report = Report::new(FormId::F2016);
        report.narrative = "通过门户网站公开783条。".to_string();
        report.cells.insert("1.2.2".to_string(), "927".to_string());
        let found = check_report(&report, &ReportOptions::default());
        let d = found.iter().find(|d| d.code == Code::NarrativeMismatch).expect("the portal figure");
        assert_eq!(
            message(d, Lang::Zh).as_deref(),
            Some("正文称“通过门户网站公开783条”，但统计表「政府网站公开政府信息数」为 927。")
        );
        assert_eq!(
            message(d, Lang::En).as_deref(),
            Some("The text says “通过门户网站公开783条”, but the table gives 927 for 「政府网站公开政府信息数」.")
        );
    }

    #[test]
    fn the_snapshot_of_each_message_in_chinese() {
        let messages: Vec<String> = findings().iter().filter_map(|d| message(d, Lang::Zh)).collect();
        assert_eq!(
            messages,
            vec![
                "报告年度为 2021 年，统计表却是2019年试行格式（国办公开办函〔2019〕60号）；2021 年度应使用2021年格式（国办公开办函〔2021〕30号）。",
                "填报单位“www. 57365.com”是网址，不是机关名称，请填写本机关全称。",
                "报告发布日期为 2022-04-01，晚于 2022-03-31：即使按人民政府的期限（次年3月31日）计算也已逾期。",
                "报告缺少“三、收到和处理政府信息公开申请情况”部分。",
                "报告缺少“四、政府信息公开行政复议、行政诉讼情况”部分。",
                "报告缺少“五、存在的主要问题及改进情况”部分。",
                "报告缺少“六、其他需要报告的事项”部分。",
                "标题“l二、主动公开政府信息情况”的编号前有多余字符，应为“二、”。",
                "正文称“行政复议1件，均获维持”，但统计表中「行政复议（尚未审结）」共 1 件，并非全部维持。",
                "正文称“予以公开的占50%”，但按统计表计算，「予以公开（总计）」占办理结果总计的 25%。",
                "正文称“本年度未发生行政诉讼”，但统计表「行政诉讼」为 1，不是 0。",
            ]
        );
    }
}
