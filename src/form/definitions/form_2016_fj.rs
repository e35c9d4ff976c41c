//! Fujian's own version of the pre-2019 统计表, as `spec/form-2016-fj.md` lists it: one table,
//! columns 指标名称 · 计量单位 · <year>年度 · 历年累计, cell ids `T:<row>:<column>`.
//!
//! The rows changed over the years. One definition holds the rows of both row sets the province
//! published (2012–2013, and the set of 2016); a row one set lacks is optional, so that a table of
//! either set is complete without it. A rule that names a row of one set only says nothing where
//! that row is blank (the engine's rule for optional cells), so each set's identities are declared
//! with its own rows and hold only where that set's rows are filled.
//!
//! Row ids name what a row counts, not its printed number: the numbering of the 其中 rows moved
//! between the two sets (网上申请数 is 4. in 2013).

use crate::diagnostic::{Code, Severity};
use crate::form::build::{aka, col, money_row as money, optional, period, row, rule};
use crate::form::{Axis, ColumnDef, FormDef, FormId, Layout, Period, Province, Relation, RowDef, RuleDef, TableDef};

/// The table's id: cell ids are `T:<row>:<column>` (`T:received.online:cumulative`).
const T: &str = "T";

const COLUMNS: &[ColumnDef] = &[
    // Printed with the year (2013年度): matched whatever year it names.
    period(col("year", "本年度"), Period::Year),
    period(col("cumulative", "历年累计"), Period::Cumulative),
];

const ROWS: &[RowDef] = &[
    // 2012–2013: 主动公开信息数; by 2016: 主动公开文件数.
    aka(row("disclosed", "主动公开信息数", "条", 0), &["主动公开文件数", "主动公开政府信息数"]),
    aka(row("disclosed.web", "其中：网站公开", "条", 1), &["网站公开数", "政府网站公开"]),
    aka(row("disclosed.gazette", "政府公报公开", "条", 1), &["政府公报公开数", "公报公开"]),
    aka(row("received", "受理依申请公开信息总数", "条", 0), &["受理依申请公开信息数"]),
    row("received.in_person", "其中：当面申请数", "条", 1),
    // 2012–2013 only.
    optional(row("received.fax", "传真申请数", "条", 1)),
    optional(row("received.email", "电子邮件申请数", "条", 1)),
    row("received.online", "网上申请数", "条", 1),
    // 2012–2013 only.
    optional(row("received.mail", "信函申请数", "条", 1)),
    optional(aka(row("received.other", "其它形式申请数", "条", 1), &["其他形式申请数"])),
    // By 2016: letters and faxes in one row.
    optional(aka(row("received.mail_fax", "信函、传真申请数", "条", 1), &["信函、传真", "信函传真申请数"])),
    aka(row("answered", "对申请的答复数", "条", 0), &["对申请的答复总数"]),
    row("answered.granted", "其中：同意公开答复数", "条", 1),
    row("answered.partial", "同意部分公开答复数", "条", 1),
    // 2012–2013 only.
    optional(row("answered.refused", "否决公开答复数", "条", 1)),
    // By 2016.
    optional(row("answered.withheld", "不予公开答复数", "条", 1)),
    optional(aka(row("answered.other", "其他类型答复数", "条", 1), &["其它类型答复数"])),
    // By 2016, in 元 (see the spec on its unit).
    optional(money(row("fees", "政府信息公开收费减免金额", "元", 0))),
    row("review", "行政复议数", "条", 0),
    row("lawsuit", "行政诉讼数", "条", 0),
    // 2013: 行政申诉数; 2012: 行政申诉、举报数; by 2016 (as listed in issue 17): 接受行政诉讼、举报数.
    aka(
        row("complaints", "行政申诉数", "条", 0),
        &["行政申诉、举报数", "接受行政申诉、举报数", "接受行政诉讼、举报数"],
    ),
];

/// The channels of 2012–2013, 其它形式 the catch-all: they cover every application.
const CHANNELS_2013: &[&str] =
    &["received.in_person", "received.fax", "received.email", "received.online", "received.mail", "received.other"];
/// The channels by 2016: in person, online, and on paper (letter or fax).
const CHANNELS_2016: &[&str] = &["received.in_person", "received.online", "received.mail_fax"];
/// The answer types of 2012–2013: no row for an answer of another kind (信息不存在, 非本机关…).
const ANSWERS_2013: &[&str] = &["answered.granted", "answered.partial", "answered.refused"];
/// The answer types by 2016, 其他类型 the catch-all: they cover every answer.
const ANSWERS_2016: &[&str] = &["answered.granted", "answered.partial", "answered.withheld", "answered.other"];

/// A rule of table T, down every column (本年度 and 历年累计 alike).
const fn down(
    code: Code,
    severity: Severity,
    relation: Relation,
    lhs: &'static [&'static str],
    rhs: &'static [&'static str],
) -> RuleDef {
    let mut r = rule(code, severity, relation, lhs, rhs);
    r.table = T;
    r
}

const fn sum(total: &'static [&'static str], parts: &'static [&'static str]) -> RuleDef {
    down(Code::SumMismatch, Severity::Error, Relation::Equal, total, parts)
}

const fn subset(part: &'static [&'static str], whole: &'static [&'static str]) -> RuleDef {
    down(Code::SubsetExceedsParent, Severity::Error, Relation::AtMost, part, whole)
}

/// 历年累计 ≥ 本年度, across every row that has both.
const CUMULATIVE_AT_LEAST_YEAR: RuleDef = {
    let mut r = rule(Code::CumulativeBelowYear, Severity::Error, Relation::AtLeast, &["cumulative"], &["year"]);
    r.table = T;
    r.axis = Axis::Horizontal;
    r
};

const RULES: &[RuleDef] = &[
    // Where the rows cover every case, the total is their sum [error].
    sum(&["received"], CHANNELS_2013),
    sum(&["received"], CHANNELS_2016),
    sum(&["answered"], ANSWERS_2016),
    // 2012–2013's answer types are 其中 rows of 答复: together never more than it [error]; less is
    // possible, with nowhere to put an answer of another kind, but unusual [warning].
    subset(ANSWERS_2013, &["answered"]),
    down(Code::AnswersBelowTotal, Severity::Warning, Relation::AtLeast, ANSWERS_2013, &["answered"]),
    // 网站 and 公报 are 其中 rows of 主动公开: one item can go out both ways, so they need not add up,
    // but neither can exceed it [error].
    subset(&["disclosed.web"], &["disclosed"]),
    subset(&["disclosed.gazette"], &["disclosed"]),
    // The cumulative figure includes the year's [error].
    CUMULATIVE_AT_LEAST_YEAR,
];

pub static FORM: FormDef = FormDef {
    id: FormId::F2016Fj,
    title: "政府信息公开情况统计表",
    // From the Regulations' first year to the last year of the old table.
    years: (2008, 2018),
    province: Some(Province { zh: "福建省", en: "Fujian" }),
    tables: &[TableDef {
        id: T,
        title: "政府信息公开情况统计表",
        columns: COLUMNS,
        rows: ROWS,
        layout: Layout::Indicators { stub: "指标名称", unit: "计量单位" },
    }],
    rules: RULES,
};
