//! 2021 format (国办公开办函〔2021〕30号), report years 2021 onward, as `spec/form-2021.md` lists it:
//! Table A (主动公开, each row with its own columns), Table B (申请, 25 rows × 7 applicant columns)
//! and Table C (复议、诉讼, three blocks × five columns). Cell ids are `<table>:<row>:<column>`.
//!
//! The 2019 trial format differs only in Table A and in Table B's （六） row, so the parts the two
//! share are declared here once and reused by `form_2019`.
//!
//! Layout decisions:
//! - Table B's group headings 三、本年度办理结果 and （三）…（六） carry no cell on the official form.
//!   （三）…（六） are declared as optional value rows `3.3` … `3.6` because some templates add a
//!   subtotal there; when filled they are checked against their rows, never required. 三、 is not a
//!   row: no template gives it a value of its own (it would repeat （七）总计), and a label matcher
//!   finds a row under it by the row's own label and id.
//! - Table A's captions (第二十条第（一）项 …) are not rows either: they sit above each sub-table's
//!   column headers, so they are the columns' `group`.

use crate::diagnostic::{Code, Severity};
use crate::form::build::{
    aka, col, concat, money_column as money, optional, row, rule, under, when_filled, with_columns,
};
use crate::form::{Axis, ColumnDef, FormDef, FormId, Layout, Relation, RowDef, RuleDef, TableDef};

// ---------------------------------------------------------------------------------------------
// Builders shared with `form_2019`.

/// Σ lhs = Σ rhs, a hard identity.
pub(super) const fn identity(
    code: Code,
    table: &'static str,
    axis: Axis,
    lhs: &'static [&'static str],
    rhs: &'static [&'static str],
) -> RuleDef {
    let mut r = rule(code, Severity::Error, Relation::Equal, lhs, rhs);
    r.table = table;
    r.axis = axis;
    r
}

// ---------------------------------------------------------------------------------------------
// Table A: 主动公开政府信息情况 (2021). No hard identities.

pub(super) const ARTICLE_20_1: &str = "第二十条第（一）项";
pub(super) const ARTICLE_20_5: &str = "第二十条第（五）项";
pub(super) const ARTICLE_20_6: &str = "第二十条第（六）项";
pub(super) const ARTICLE_20_8: &str = "第二十条第（八）项";

const A_DOCUMENTS: &[ColumnDef] = &[
    under(col("issued", "本年制发件数"), ARTICLE_20_1),
    under(col("repealed", "本年废止件数"), ARTICLE_20_1),
    under(col("in_force", "现行有效件数"), ARTICLE_20_1),
];
const A_LICENSING: &[ColumnDef] = &[under(col("decisions", "本年处理决定数量"), ARTICLE_20_5)];
const A_ENFORCEMENT: &[ColumnDef] = &[under(col("decisions", "本年处理决定数量"), ARTICLE_20_6)];
const A_FEES: &[ColumnDef] = &[under(money(col("amount", "本年收费金额（单位：万元）")), ARTICLE_20_8)];

const A_ROWS: &[RowDef] = &[
    with_columns(row("regulations", "规章", "件", 0), A_DOCUMENTS),
    // The sample (and many reports) print the 2019 wording 规范性文件.
    with_columns(aka(row("normative", "行政规范性文件", "件", 0), &["规范性文件"]), A_DOCUMENTS),
    with_columns(row("licensing", "行政许可", "件", 0), A_LICENSING),
    with_columns(row("penalty", "行政处罚", "件", 0), A_ENFORCEMENT),
    with_columns(row("coercion", "行政强制", "件", 0), A_ENFORCEMENT),
    with_columns(row("fees", "行政事业性收费", "万元", 0), A_FEES),
];

/// Table A's title, the same in both versions.
pub(super) const A_TITLE: &str = "主动公开政府信息情况";

// ---------------------------------------------------------------------------------------------
// Table B: 收到和处理政府信息公开申请情况.

const LEGAL_PERSONS: &str = "法人或其他组织";

/// Natural persons, the five kinds of legal persons, the optional 小计 of the five, and the total.
pub(super) const B_COLUMNS: &[ColumnDef] = &[
    col("natural", "自然人"),
    under(col("commercial", "商业企业"), LEGAL_PERSONS),
    under(col("research", "科研机构"), LEGAL_PERSONS),
    under(col("nonprofit", "社会公益组织"), LEGAL_PERSONS),
    under(col("legal", "法律服务机构"), LEGAL_PERSONS),
    under(col("other", "其他"), LEGAL_PERSONS),
    // Some templates add a 小计 at the end of the group; the official form has none.
    ColumnDef { optional: true, ..under(col("legal_subtotal", "小计"), LEGAL_PERSONS) },
    col("total", "总计"),
];

/// The six applicant columns 总计 adds up.
pub(super) const B_APPLICANTS: &[&str] = &["natural", "commercial", "research", "nonprofit", "legal", "other"];
/// The five columns under 法人或其他组织.
pub(super) const B_LEGAL_PERSONS: &[&str] = &["commercial", "research", "nonprofit", "legal", "other"];

pub(super) const B_TITLE: &str = "收到和处理政府信息公开申请情况";

/// Rows 1 to （五）: the same in both versions.
pub(super) const B_ROWS_HEAD: &[RowDef] = &[
    row("1", "一、本年新收政府信息公开申请数量", "件", 0),
    row("2", "二、上年结转政府信息公开申请数量", "件", 0),
    aka(row("3.1", "（一）予以公开", "件", 1), &["三、（一）予以公开"]),
    aka(
        row("3.2", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "件", 1),
        &["（二）部分公开", "（二）部分公开（区分处理的，只计这一情形,不计其他情形）"],
    ),
    optional(row("3.3", "（三）不予公开", "件", 1)),
    row("3.3.1", "1.属于国家秘密", "件", 2),
    row("3.3.2", "2.其他法律行政法规禁止公开", "件", 2),
    aka(row("3.3.3", "3.危及“三安全一稳定”", "件", 2), &["3.危及\"三安全一稳定\"", "3.危及三安全一稳定"]),
    row("3.3.4", "4.保护第三方合法权益", "件", 2),
    row("3.3.5", "5.属于三类内部事务信息", "件", 2),
    row("3.3.6", "6.属于四类过程性信息", "件", 2),
    row("3.3.7", "7.属于行政执法案卷", "件", 2),
    row("3.3.8", "8.属于行政查询事项", "件", 2),
    optional(row("3.4", "（四）无法提供", "件", 1)),
    row("3.4.1", "1.本机关不掌握相关政府信息", "件", 2),
    row("3.4.2", "2.没有现成信息需要另行制作", "件", 2),
    row("3.4.3", "3.补正后申请内容仍不明确", "件", 2),
    optional(row("3.5", "（五）不予处理", "件", 1)),
    row("3.5.1", "1.信访举报投诉类申请", "件", 2),
    row("3.5.2", "2.重复申请", "件", 2),
    row("3.5.3", "3.要求提供公开出版物", "件", 2),
    row("3.5.4", "4.无正当理由大量反复申请", "件", 2),
    row("3.5.5", "5.要求行政机关确认或重新出具已获取信息", "件", 2),
];

/// （六）其他处理 in 2021: three rows, with the optional subtotal some templates add.
const B_ROWS_OTHER_HANDLING: &[RowDef] = &[
    optional(row("3.6", "（六）其他处理", "件", 1)),
    row("3.6.1", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "件", 2),
    row("3.6.2", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "件", 2),
    row("3.6.3", "3.其他", "件", 2),
];

/// （七）总计 and 四、: the same in both versions.
pub(super) const B_ROWS_TAIL: &[RowDef] = &[
    aka(row("3.7", "（七）总计", "件", 1), &["三、（七）总计"]),
    aka(row("4", "四、结转下年度继续办理", "件", 0), &["四、结转下年度继续办理数量"]),
];

const B_ROW_COUNT: usize = B_ROWS_HEAD.len() + B_ROWS_OTHER_HANDLING.len() + B_ROWS_TAIL.len();
const B_ROWS: [RowDef; B_ROW_COUNT] = concat(&[B_ROWS_HEAD, B_ROWS_OTHER_HANDLING, B_ROWS_TAIL]);

pub(super) const B_NOT_DISCLOSED: &[&str] = &["3.3.1", "3.3.2", "3.3.3", "3.3.4", "3.3.5", "3.3.6", "3.3.7", "3.3.8"];
pub(super) const B_UNAVAILABLE: &[&str] = &["3.4.1", "3.4.2", "3.4.3"];
pub(super) const B_NOT_HANDLED: &[&str] = &["3.5.1", "3.5.2", "3.5.3", "3.5.4", "3.5.5"];
const B_OTHER_HANDLING: &[&str] = &["3.6.1", "3.6.2", "3.6.3"];

/// Every result row （七）总计 adds up: （一）, （二）, and the rows under （三）…（六）.
const B_RESULTS: &[&str] = &[
    "3.1", "3.2", "3.3.1", "3.3.2", "3.3.3", "3.3.4", "3.3.5", "3.3.6", "3.3.7", "3.3.8", "3.4.1", "3.4.2", "3.4.3",
    "3.5.1", "3.5.2", "3.5.3", "3.5.4", "3.5.5", "3.6.1", "3.6.2", "3.6.3",
];

// ---------------------------------------------------------------------------------------------
// Table C: 政府信息公开行政复议、行政诉讼情况. One line of 15 cells on the form; each block of five
// is a row here, so that one rule runs through all three.

pub(super) const C_TITLE: &str = "政府信息公开行政复议、行政诉讼情况";

pub(super) const C_COLUMNS: &[ColumnDef] = &[
    col("upheld", "结果维持"),
    col("corrected", "结果纠正"),
    col("other", "其他结果"),
    col("pending", "尚未审结"),
    col("total", "总计"),
];

pub(super) const C_ROWS: &[RowDef] = &[
    row("review", "行政复议", "件", 0),
    aka(
        row("direct_suit", "未经复议直接起诉", "件", 0),
        &["行政诉讼·未经复议直接起诉", "行政诉讼：未经复议直接起诉", "行政诉讼未经复议直接起诉"],
    ),
    aka(
        row("suit_after_review", "复议后起诉", "件", 0),
        &["行政诉讼·复议后起诉", "行政诉讼：复议后起诉", "行政诉讼复议后起诉"],
    ),
];

// ---------------------------------------------------------------------------------------------
// Rules.

/// Printed on the form: 第一项加第二项之和，等于第三项加第四项之和, per column.
pub(super) const B_BALANCE: RuleDef = identity(Code::BalanceMismatch, "B", Axis::Vertical, &["1", "2"], &["3.7", "4"]);
/// 总计 = the six applicant columns, per row.
pub(super) const B_APPLICANTS_TOTAL: RuleDef =
    identity(Code::SumMismatch, "B", Axis::Horizontal, &["total"], B_APPLICANTS);
/// The optional 小计 = the five columns under 法人或其他组织, per row.
pub(super) const B_LEGAL_SUBTOTAL: RuleDef =
    when_filled(identity(Code::SumMismatch, "B", Axis::Horizontal, &["legal_subtotal"], B_LEGAL_PERSONS));

/// An optional subtotal row of Table B = its rows, per column.
pub(super) const fn b_subtotal(subtotal: &'static [&'static str], rows: &'static [&'static str]) -> RuleDef {
    when_filled(identity(Code::SumMismatch, "B", Axis::Vertical, subtotal, rows))
}

/// Each block's 总计 = its four results.
pub(super) const C_BLOCK_TOTAL: RuleDef =
    identity(Code::SumMismatch, "C", Axis::Horizontal, &["total"], &["upheld", "corrected", "other", "pending"]);

const RULES: &[RuleDef] = &[
    B_BALANCE,
    identity(Code::SumMismatch, "B", Axis::Vertical, &["3.7"], B_RESULTS),
    B_APPLICANTS_TOTAL,
    B_LEGAL_SUBTOTAL,
    b_subtotal(&["3.3"], B_NOT_DISCLOSED),
    b_subtotal(&["3.4"], B_UNAVAILABLE),
    b_subtotal(&["3.5"], B_NOT_HANDLED),
    b_subtotal(&["3.6"], B_OTHER_HANDLING),
    C_BLOCK_TOTAL,
];

pub static FORM: FormDef = FormDef {
    id: FormId::F2021,
    title: "中华人民共和国政府信息公开工作年度报告格式",
    years: (2021, 9999),
    province: None,
    tables: &[
        // Every row of Table A names its own columns.
        TableDef { id: "A", title: A_TITLE, columns: &[], rows: A_ROWS, layout: Layout::Matrix },
        TableDef { id: "B", title: B_TITLE, columns: B_COLUMNS, rows: &B_ROWS, layout: Layout::Matrix },
        TableDef { id: "C", title: C_TITLE, columns: C_COLUMNS, rows: C_ROWS, layout: Layout::Matrix },
    ],
    rules: RULES,
};
