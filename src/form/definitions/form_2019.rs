//! 2019 trial format (国办公开办函〔2019〕60号), report years 2019 and 2020, as `spec/form-2021.md`
//! lists it. Tables B and C are the 2021 ones except for Table B's single （六）其他处理 row (`3.6`);
//! Table A counts items made and published, and projects with their yearly change.

use super::form_2021::{
    b_subtotal, identity, ARTICLE_20_1, ARTICLE_20_5, ARTICLE_20_6, ARTICLE_20_8, A_TITLE, B_APPLICANTS_TOTAL,
    B_BALANCE, B_COLUMNS, B_LEGAL_SUBTOTAL, B_NOT_DISCLOSED, B_NOT_HANDLED, B_ROWS_HEAD, B_ROWS_TAIL, B_TITLE,
    B_UNAVAILABLE, C_BLOCK_TOTAL, C_COLUMNS, C_ROWS, C_TITLE,
};
use crate::diagnostic::{Code, Severity};
use crate::form::build::{aka, col, concat, money_column as money, row, rule, signed, under, with_columns};
use crate::form::{Axis, ColumnDef, FormDef, FormId, Layout, Relation, RowDef, RuleDef, TableDef};

// ---------------------------------------------------------------------------------------------
// Table A: 主动公开政府信息情况 (2019 trial).

/// 政府集中采购, a caption of the trial form only.
const ARTICLE_20_9: &str = "第二十条第（九）项";

const A_DOCUMENTS: &[ColumnDef] = &[
    under(col("made", "本年新制作数量"), ARTICLE_20_1),
    under(col("published", "本年新公开数量"), ARTICLE_20_1),
    under(col("public_total", "对外公开总数量"), ARTICLE_20_1),
];
const A_LICENSING: &[ColumnDef] = &[
    under(col("previous", "上一年项目数量"), ARTICLE_20_5),
    under(signed(col("change", "本年增/减")), ARTICLE_20_5),
    under(col("decisions", "处理决定数量"), ARTICLE_20_5),
];
const A_ENFORCEMENT: &[ColumnDef] = &[
    under(col("previous", "上一年项目数量"), ARTICLE_20_6),
    under(signed(col("change", "本年增/减")), ARTICLE_20_6),
    under(col("decisions", "处理决定数量"), ARTICLE_20_6),
];
const A_FEES: &[ColumnDef] =
    &[under(col("previous", "上一年项目数量"), ARTICLE_20_8), under(signed(col("change", "本年增/减")), ARTICLE_20_8)];
// The trial form prints no unit for 采购总金额, so reports write their own ("251000元",
// "160.5964万元"); the value is held in 万元 like every amount.
const A_PROCUREMENT: &[ColumnDef] =
    &[under(col("items", "采购项目数量"), ARTICLE_20_9), under(money(col("amount", "采购总金额")), ARTICLE_20_9)];

const A_ROWS: &[RowDef] = &[
    with_columns(row("regulations", "规章", "件", 0), A_DOCUMENTS),
    with_columns(aka(row("normative", "规范性文件", "件", 0), &["行政规范性文件"]), A_DOCUMENTS),
    // Project counts (项) and decisions (件) side by side: no unit for the row as a whole.
    with_columns(row("licensing", "行政许可", "", 0), A_LICENSING),
    with_columns(row("other_services", "其他对外管理服务事项", "", 0), A_LICENSING),
    with_columns(row("penalty", "行政处罚", "", 0), A_ENFORCEMENT),
    with_columns(row("coercion", "行政强制", "", 0), A_ENFORCEMENT),
    with_columns(row("fees", "行政事业性收费", "项", 0), A_FEES),
    with_columns(row("procurement", "政府集中采购", "", 0), A_PROCUREMENT),
];

// ---------------------------------------------------------------------------------------------
// Table B: one （六） row where 2021 has three.

const B_ROW_OTHER_HANDLING: &[RowDef] = &[row("3.6", "（六）其他处理", "件", 1)];

const B_ROW_COUNT: usize = B_ROWS_HEAD.len() + B_ROW_OTHER_HANDLING.len() + B_ROWS_TAIL.len();
const B_ROWS: [RowDef; B_ROW_COUNT] = concat(&[B_ROWS_HEAD, B_ROW_OTHER_HANDLING, B_ROWS_TAIL]);

/// Every result row （七）总计 adds up: （一）, （二）, the rows under （三）…（五）, and （六）.
const B_RESULTS: &[&str] = &[
    "3.1", "3.2", "3.3.1", "3.3.2", "3.3.3", "3.3.4", "3.3.5", "3.3.6", "3.3.7", "3.3.8", "3.4.1", "3.4.2", "3.4.3",
    "3.5.1", "3.5.2", "3.5.3", "3.5.4", "3.5.5", "3.6",
];

// ---------------------------------------------------------------------------------------------
// Rules.

const RULES: &[RuleDef] = &[
    B_BALANCE,
    identity(Code::SumMismatch, "B", Axis::Vertical, &["3.7"], B_RESULTS),
    B_APPLICANTS_TOTAL,
    B_LEGAL_SUBTOTAL,
    b_subtotal(&["3.3"], B_NOT_DISCLOSED),
    b_subtotal(&["3.4"], B_UNAVAILABLE),
    b_subtotal(&["3.5"], B_NOT_HANDLED),
    C_BLOCK_TOTAL,
    // What is published this year was made at some point, mostly this year: a soft check, since
    // an item made last year may be published this year.
    RuleDef {
        table: "A",
        axis: Axis::Horizontal,
        scope: &["regulations", "normative"],
        ..rule(Code::TableAInconsistent, Severity::Warning, Relation::AtMost, &["published"], &["made"])
    },
];

pub static FORM: FormDef = FormDef {
    id: FormId::F2019,
    title: "中华人民共和国政府信息公开工作年度报告格式（试行）",
    years: (2019, 2020),
    province: None,
    tables: &[
        // Every row of Table A names its own columns.
        TableDef { id: "A", title: A_TITLE, columns: &[], rows: A_ROWS, layout: Layout::Matrix },
        TableDef { id: "B", title: B_TITLE, columns: B_COLUMNS, rows: &B_ROWS, layout: Layout::Matrix },
        TableDef { id: "C", title: C_TITLE, columns: C_COLUMNS, rows: C_ROWS, layout: Layout::Matrix },
    ],
    rules: RULES,
};
