//! 2014–2018: 政府信息公开情况统计表 (国办发〔2014〕32号), as `spec/form-2016.md` lists it.
//! One table, one value column; cell ids are row ids.

use crate::diagnostic::{Code, Severity};
use crate::form::build::{aka, col, heading, money_row as money, optional, row, rule};
use crate::form::{ColumnDef, FormDef, FormId, Layout, Relation, RowDef, RuleDef, TableDef};

const COLUMNS: &[ColumnDef] = &[col("value", "统计数")];

const ROWS: &[RowDef] = &[
    heading("1", "一、主动公开情况", 0),
    row("1.1", "（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）", "条", 1),
    row("1.1.a", "其中：主动公开规范性文件数", "条", 3),
    aka(row("1.1.b", "制发规范性文件总数", "件", 3), &["制发规范文件性文件总数"]),
    heading("1.2", "（二）通过不同渠道和方式公开政府信息的情况", 1),
    row("1.2.1", "1．政府公报公开政府信息数", "条", 2),
    row("1.2.2", "2．政府网站公开政府信息数", "条", 2),
    row("1.2.3", "3．政务微博公开政府信息数", "条", 2),
    row("1.2.4", "4．政务微信公开政府信息数", "条", 2),
    row("1.2.5", "5．其他方式公开政府信息数", "条", 2),
    optional(heading("1.3", "（三）建议提案办理结果公开情况", 1)),
    optional(row("1.3.1", "1．人大代表建议", "件", 2)),
    optional(row("1.3.2", "2．政协提案", "件", 2)),
    heading("2", "二、回应解读情况", 0),
    row("2.1", "（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）", "次", 1),
    heading("2.2", "（二）通过不同渠道和方式回应解读的情况", 1),
    row("2.2.1", "1．参加或举办新闻发布会总次数", "次", 2),
    row("2.2.1.a", "其中：主要负责同志参加新闻发布会次数", "次", 3),
    row("2.2.2", "2．政府网站在线访谈次数", "次", 2),
    row("2.2.2.a", "其中：主要负责同志参加政府网站在线访谈次数", "次", 3),
    row("2.2.3", "3．政策解读稿件发布数", "篇", 2),
    row("2.2.4", "4．微博微信回应事件数", "次", 2),
    row("2.2.5", "5．其他方式回应事件数", "次", 2),
    heading("3", "三、依申请公开情况", 0),
    row("3.1", "（一）收到申请数", "件", 1),
    row("3.1.1", "1．当面申请数", "件", 2),
    row("3.1.2", "2．传真申请数", "件", 2),
    row("3.1.3", "3．网络申请数", "件", 2),
    row("3.1.4", "4．信函申请数", "件", 2),
    row("3.2", "（二）申请办结数", "件", 1),
    row("3.2.1", "1．按时办结数", "件", 2),
    row("3.2.2", "2．延期办结数", "件", 2),
    row("3.3", "（三）申请答复数", "件", 1),
    row("3.3.1", "1．属于已主动公开范围数", "件", 2),
    row("3.3.2", "2．同意公开答复数", "件", 2),
    row("3.3.3", "3．同意部分公开答复数", "件", 2),
    row("3.3.4", "4．不同意公开答复数", "件", 2),
    row("3.3.4.a", "其中：涉及国家秘密", "件", 3),
    row("3.3.4.b", "涉及商业秘密", "件", 3),
    row("3.3.4.c", "涉及个人隐私", "件", 3),
    row("3.3.4.d", "危及国家安全、公共安全、经济安全和社会稳定", "件", 3),
    row("3.3.4.e", "不是《条例》所指政府信息", "件", 3),
    row("3.3.4.f", "法律法规规定的其他情形", "件", 3),
    row("3.3.5", "5．不属于本行政机关公开数", "件", 2),
    row("3.3.6", "6．申请信息不存在数", "件", 2),
    row("3.3.7", "7．告知作出更改补充数", "件", 2),
    row("3.3.8", "8．告知通过其他途径办理数", "件", 2),
    row("4", "四、行政复议数量", "件", 0),
    row("4.1", "（一）维持具体行政行为数", "件", 1),
    row("4.2", "（二）被依法纠错数", "件", 1),
    row("4.3", "（三）其他情形数", "件", 1),
    row("5", "五、行政诉讼数量", "件", 0),
    row("5.1", "（一）维持具体行政行为或者驳回原告诉讼请求数", "件", 1),
    row("5.2", "（二）被依法纠错数", "件", 1),
    row("5.3", "（三）其他情形数", "件", 1),
    row("6", "六、举报投诉数量", "件", 0),
    money(row("7", "七、依申请公开信息收取的费用", "万元", 0)),
    heading("8", "八、机构建设和保障经费情况", 0),
    row("8.1", "（一）政府信息公开工作专门机构数", "个", 1),
    row("8.2", "（二）设置政府信息公开查阅点数", "个", 1),
    row("8.3", "（三）从事政府信息公开工作人员数", "人", 1),
    row("8.3.1", "1．专职人员数（不包括政府公报及政府网站工作人员数）", "人", 2),
    aka(row("8.3.2", "2．兼职人员数", "人", 2), &["2．兼职人数"]),
    money(row(
        "8.4",
        "（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）",
        "万元",
        1,
    )),
    heading("9", "九、政府信息公开会议和培训情况", 0),
    row("9.1", "（一）召开政府信息公开工作会议或专题会议数", "次", 1),
    row("9.2", "（二）举办各类培训班数", "次", 1),
    row("9.3", "（三）接受培训人员数", "人次", 1),
];

const CHANNELS: &[&str] = &["1.2.1", "1.2.2", "1.2.3", "1.2.4", "1.2.5"];
const REASONS: &[&str] = &["3.3.4.a", "3.3.4.b", "3.3.4.c", "3.3.4.d", "3.3.4.e", "3.3.4.f"];

const fn sum(parent: &'static [&'static str], children: &'static [&'static str]) -> RuleDef {
    rule(Code::SumMismatch, Severity::Error, Relation::Equal, parent, children)
}

const fn subset(part: &'static [&'static str], whole: &'static [&'static str]) -> RuleDef {
    rule(Code::SubsetExceedsParent, Severity::Error, Relation::AtMost, part, whole)
}

const fn channel(one: &'static [&'static str]) -> RuleDef {
    rule(Code::ChannelExceedsTotal, Severity::Warning, Relation::AtMost, one, &["1.1"])
}

const fn heading_sum(heading: &'static [&'static str], rows: &'static [&'static str]) -> RuleDef {
    let mut r = rule(Code::HeadingMismatch, Severity::Warning, Relation::Equal, heading, rows);
    r.when_filled = true;
    r
}

const fn implies(positive: &'static [&'static str], then: &'static [&'static str]) -> RuleDef {
    rule(Code::ExpectedNonzero, Severity::Warning, Relation::Implies, positive, then)
}

const RULES: &[RuleDef] = &[
    // Hard identities.
    sum(&["3.1"], &["3.1.1", "3.1.2", "3.1.3", "3.1.4"]),
    sum(&["3.2"], &["3.2.1", "3.2.2"]),
    sum(&["3.3"], &["3.3.1", "3.3.2", "3.3.3", "3.3.4", "3.3.5", "3.3.6", "3.3.7", "3.3.8"]),
    sum(&["4"], &["4.1", "4.2", "4.3"]),
    sum(&["5"], &["5.1", "5.2", "5.3"]),
    sum(&["8.3"], &["8.3.1", "8.3.2"]),
    subset(&["1.1.a"], &["1.1"]),
    subset(&["2.2.1.a"], &["2.2.1"]),
    subset(&["2.2.2.a"], &["2.2.2"]),
    subset(REASONS, &["3.3.4"]),
    // Soft checks: the reasons end in a catch-all, so they should add up.
    rule(Code::ReasonsMismatch, Severity::Warning, Relation::AtLeast, REASONS, &["3.3.4"]),
    // 1.1 counts an item once however many channels carry it.
    channel(&["1.2.1"]),
    channel(&["1.2.2"]),
    channel(&["1.2.3"]),
    channel(&["1.2.4"]),
    channel(&["1.2.5"]),
    rule(Code::ChannelsBelowTotal, Severity::Warning, Relation::AtLeast, CHANNELS, &["1.1"]),
    implies(&["9.2"], &["9.3"]),
    implies(&["8.1"], &["8.3"]),
    // Filled heading rows.
    heading_sum(&["1.2"], CHANNELS),
    heading_sum(&["1.3"], &["1.3.1", "1.3.2"]),
    heading_sum(&["2"], &["2.1", "2.2"]),
    heading_sum(&["2.2"], &["2.2.1", "2.2.2", "2.2.3", "2.2.4", "2.2.5"]),
    heading_sum(&["3"], &["3.1"]),
];

pub static FORM: FormDef = FormDef {
    id: FormId::F2016,
    title: "政府信息公开情况统计表",
    years: (2014, 2018),
    province: None,
    tables: &[TableDef {
        id: "",
        title: "政府信息公开情况统计表",
        columns: COLUMNS,
        rows: ROWS,
        layout: Layout::Indicators { stub: "统计指标", unit: "单位" },
    }],
    rules: RULES,
};
