//! Messages for the findings of the statistics tables: one method per message, one implementation
//! per language. Figures come from the diagnostic's detail; labels from the form definition.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

use crate::diagnostic::{Code, Detail, Diagnostic, Origin};
use crate::form::{CellRef, FormDef, FormId};
use crate::invisible;
use crate::value::{Amount, Normalization, Refusal};

use super::Lang;

/// One method per table message. Labels arrive as the clerk sees them on the form.
pub(crate) trait TableCatalogue {
    fn refused(&self, label: &str, text: &str, refusal: &Refusal) -> String;
    fn negative(&self, label: &str, text: &str) -> String;
    fn not_integer(&self, label: &str, text: &str) -> String;
    fn too_many_decimals(&self, label: &str, text: &str) -> String;
    fn missing(&self, label: &str) -> String;
    fn normalized(&self, label: &str, text: &str, value: &str, what: &[Normalization]) -> String;
    fn implied_zero(&self, label: &str) -> String;
    fn heading_value(&self, label: &str) -> String;
    /// parent = Σ children: the parent's label, the children's labels, their figures, Σ, the parent's value.
    fn sum_mismatch(&self, f: &Figures) -> String;
    fn balance_mismatch(&self, f: &Figures) -> String;
    fn subset_exceeds_parent(&self, f: &Figures) -> String;
    fn reasons_mismatch(&self, f: &Figures) -> String;
    fn channel_exceeds_total(&self, f: &Figures) -> String;
    fn channels_below_total(&self, f: &Figures) -> String;
    fn heading_mismatch(&self, f: &Figures) -> String;
    fn expected_nonzero(&self, f: &Figures) -> String;
    fn table_a_inconsistent(&self, f: &Figures) -> String;
    /// 历年累计 below the year's figure, in one row.
    fn cumulative_below_year(&self, f: &Figures) -> String;
    /// The answer types of a table without a catch-all answer row add up to less than 答复.
    fn answers_below_total(&self, f: &Figures) -> String;
    fn unknown_cell(&self, text: &str) -> String;
    fn unplaced_row(&self, at: &Origin, text: &str) -> String;
    fn duplicate_cell(&self, label: &str, at: &Origin, first: &str, second: &str) -> String;
    /// Where in the file: a line of text, a row of a table, a paragraph.
    fn origin(&self, at: &Origin) -> String;
}

/// The two sides of a relation, ready to be written.
pub(crate) struct Figures {
    /// What all the cells share, said once before the message: a row of a matrix (its columns
    /// compared) or a column (its rows compared); `None` for a one-column form.
    pub scope: Option<String>,
    pub lhs: Vec<String>,
    pub rhs: Vec<String>,
    pub lhs_figures: Vec<Amount>,
    pub rhs_figures: Vec<Amount>,
    /// Σ rhs.
    pub expected: Amount,
    /// Σ lhs.
    pub actual: Amount,
}

impl Figures {
    fn lhs_label(&self) -> String {
        self.lhs.join("、")
    }

    /// The scope said once before the message ("「一、本年新收…」一行：").
    fn prefix(&self, lang: Lang) -> String {
        match (&self.scope, lang) {
            (Some(s), Lang::Zh) => format!("{s}："),
            (Some(s), Lang::En) => format!("{s}: "),
            (None, _) => String::new(),
        }
    }

    /// "0+0+1+0=1" for up to eight terms, else just the sum.
    fn rhs_sum(&self) -> String {
        if self.rhs_figures.len() > 1 && self.rhs_figures.len() <= 8 {
            let terms: Vec<String> = self.rhs_figures.iter().map(Amount::to_string).collect();
            format!("{}={}", terms.join("+"), self.expected)
        } else {
            self.expected.to_string()
        }
    }

    fn lhs_sum(&self) -> String {
        if self.lhs_figures.len() > 1 && self.lhs_figures.len() <= 8 {
            let terms: Vec<String> = self.lhs_figures.iter().map(Amount::to_string).collect();
            format!("{}={}", terms.join("+"), self.actual)
        } else {
            self.actual.to_string()
        }
    }

    /// The children's short labels, or "these N rows" when there are many.
    fn rhs_names(&self, quote: fn(&str) -> String, separator: &str, many: impl Fn(usize) -> String) -> String {
        if self.rhs.len() <= 6 {
            self.rhs.iter().map(|l| quote(l)).collect::<Vec<_>>().join(separator)
        } else {
            many(self.rhs.len())
        }
    }
}

/// The first characters of a text too long to quote whole.
fn beginning(text: &str) -> String {
    text.trim_start().chars().take(16).collect()
}

fn plain(label: &str) -> String {
    label.to_string()
}

fn quoted(label: &str) -> String {
    format!("\"{label}\"")
}

/// The labels of a relation's cells, shortened by what they share: in one row of a matrix the
/// column names, in one column the row names; with the shared part as a scope to say once.
fn relation_labels(form: &FormDef, lhs: &[String], rhs: &[String], lang: Lang) -> (Option<String>, Vec<String>) {
    let cells: Vec<_> = lhs.iter().chain(rhs).map(|id| form.find_cell(id)).collect();
    let all: Option<Vec<_>> = cells.iter().copied().collect();
    let Some(all) = all else { return (None, lhs.iter().chain(rhs).map(|c| short_label(form, c)).collect()) };
    let multi_column = all.iter().any(|c| form.table(*c).row_columns(form.row(*c)).len() > 1);
    if !multi_column {
        return (None, lhs.iter().chain(rhs).map(|c| short_label(form, c)).collect());
    }
    let same_row = all.iter().all(|c| (c.table, c.row) == (all[0].table, all[0].row));
    let same_column = all.iter().all(|c| form.column(*c).id == form.column(all[0]).id);
    if same_row {
        let row = strip_numbering(form.row(all[0]).label);
        let scope = match lang {
            Lang::Zh => format!("「{row}」一行"),
            Lang::En => format!("In the row \"{row}\""),
        };
        (Some(scope), all.iter().map(|c| form.column(*c).label.to_string()).collect())
    } else if same_column {
        let column = form.column(all[0]).label;
        let scope = match lang {
            Lang::Zh => format!("「{column}」一栏"),
            Lang::En => format!("In the column \"{column}\""),
        };
        (Some(scope), all.iter().map(|c| strip_numbering(form.row(*c).label)).collect())
    } else {
        (None, lhs.iter().chain(rhs).map(|c| short_label(form, c)).collect())
    }
}

/// The label of a cell as a clerk recognises it: the row's wording without its numbering or the
/// bracketed explanation, plus the column in a matrix.
pub(crate) fn short_label(form: &FormDef, id: &str) -> String {
    label_of(form, id).into_owned()
}

/// `short_label`, borrowed from the labels made once per form where it can be: a message only
/// reads it, and copying it cost as much as writing the message.
fn label_of(form: &FormDef, id: &str) -> Cow<'static, str> {
    if let Some(labels) = labels_of(form) {
        return labels.get(id).map_or_else(|| Cow::Owned(id.to_string()), |l| Cow::Borrowed(l.as_str()));
    }
    Cow::Owned(form.find_cell(id).map_or_else(|| id.to_string(), |cell| make_short_label(form, cell)))
}

/// Every cell's short label, made once per form version: a message names many cells (a sum of 21
/// rows), and finding each cell and stripping its numbering every time made the messages cost more
/// than the check itself in the browser (`npm run bench`). `None` for a form that is not one of the
/// static definitions.
fn labels_of(form: &FormDef) -> Option<&'static HashMap<String, String>> {
    static LABELS: [OnceLock<HashMap<String, String>>; FormId::ALL.len()] =
        [const { OnceLock::new() }; FormId::ALL.len()];
    let def = form.id.def();
    if !std::ptr::eq(form, def) {
        return None;
    }
    let slot = FormId::ALL.iter().position(|f| *f == form.id)?;
    Some(
        LABELS[slot].get_or_init(|| def.cells().map(|cell| (def.cell_id(cell), make_short_label(def, cell))).collect()),
    )
}

fn make_short_label(form: &FormDef, cell: CellRef) -> String {
    let table = form.table(cell);
    let row = form.row(cell);
    let label = strip_numbering(row.label);
    if table.row_columns(row).len() == 1 {
        label
    } else {
        let column = form.column(cell);
        format!("{label}（{}）", column.label)
    }
}

/// 「（一）收到申请数」 → 收到申请数; 1．当面申请数 → 当面申请数; drops a trailing （…） explanation.
pub(crate) fn strip_numbering(label: &str) -> String {
    let mut s = label.trim();
    for prefix in ["其中：", "其中:"] {
        if let Some(rest) = s.strip_prefix(prefix) {
            s = rest;
        }
    }
    // （一） (一) 一、 1． 1. 1、
    let chars: Vec<char> = s.chars().collect();
    let numeral = |c: char| "一二三四五六七八九十".contains(c) || c.is_ascii_digit();
    let mut i = 0;
    if matches!(chars.first(), Some('（') | Some('(')) {
        let mut j = 1;
        while j < chars.len() && numeral(chars[j]) {
            j += 1;
        }
        if j > 1 && matches!(chars.get(j), Some('）') | Some(')')) {
            i = j + 1;
        }
    } else {
        let mut j = 0;
        while j < chars.len() && numeral(chars[j]) {
            j += 1;
        }
        if j > 0 && matches!(chars.get(j), Some('、') | Some('．') | Some('.')) {
            i = j + 1;
        }
    }
    let mut out: String = chars[i..].iter().collect();
    if out.ends_with('）') {
        if let Some(open) = out.rfind('（') {
            if open > 0 {
                out.truncate(open);
            }
        }
    }
    out.trim().to_string()
}

/// The message for a table finding, or `None` for codes this catalogue does not speak for.
pub(crate) fn message(d: &Diagnostic, form: &FormDef, lang: Lang) -> Option<String> {
    let catalogue: &dyn TableCatalogue = match lang {
        Lang::Zh => &super::zh::Zh,
        Lang::En => &super::en::En,
    };
    let first = d.cells.first().map(String::as_str).unwrap_or("");
    let label = label_of(form, first);
    let figures = || match &d.detail {
        Detail::Relation { lhs, rhs, lhs_figures, rhs_figures } => {
            let (scope, names) = relation_labels(form, lhs, rhs, lang);
            let (lhs_names, rhs_names) = names.split_at(lhs.len());
            Some(Figures {
                scope,
                lhs: lhs_names.to_vec(),
                rhs: rhs_names.to_vec(),
                lhs_figures: lhs_figures.clone(),
                rhs_figures: rhs_figures.clone(),
                expected: d.expected.unwrap_or_default(),
                actual: d.actual.unwrap_or_default(),
            })
        }
        _ => None,
    };
    let text = match &d.detail {
        Detail::Refused { text, .. } | Detail::Normalized { text, .. } => text.as_str(),
        _ => "",
    };
    Some(match d.code {
        Code::InvalidNumber => match &d.detail {
            Detail::Refused { refusal, .. } => catalogue.refused(&label, text, refusal),
            _ => return None,
        },
        Code::Negative => catalogue.negative(&label, text),
        Code::NotInteger => catalogue.not_integer(&label, text),
        Code::TooManyDecimals => catalogue.too_many_decimals(&label, text),
        Code::Missing => catalogue.missing(&label),
        Code::Normalized => match &d.detail {
            Detail::Normalized { text, normalizations } => {
                let value = form
                    .find_cell(first)
                    .and_then(|c| crate::value::parse(text, form.value_kind(c)).amount())
                    .map(|a| a.to_string())
                    .unwrap_or_default();
                catalogue.normalized(&label, text, &value, normalizations)
            }
            _ => return None,
        },
        Code::ImpliedZero => catalogue.implied_zero(&label),
        Code::HeadingValue => catalogue.heading_value(&label),
        Code::SumMismatch => catalogue.sum_mismatch(&figures()?),
        Code::BalanceMismatch => catalogue.balance_mismatch(&figures()?),
        Code::SubsetExceedsParent => catalogue.subset_exceeds_parent(&figures()?),
        Code::ReasonsMismatch => catalogue.reasons_mismatch(&figures()?),
        Code::ChannelExceedsTotal => catalogue.channel_exceeds_total(&figures()?),
        Code::ChannelsBelowTotal => catalogue.channels_below_total(&figures()?),
        Code::HeadingMismatch => catalogue.heading_mismatch(&figures()?),
        Code::ExpectedNonzero => catalogue.expected_nonzero(&figures()?),
        Code::TableAInconsistent => catalogue.table_a_inconsistent(&figures()?),
        Code::CumulativeBelowYear => catalogue.cumulative_below_year(&figures()?),
        Code::AnswersBelowTotal => catalogue.answers_below_total(&figures()?),
        Code::UnplacedRow => match &d.detail {
            Detail::Unplaced { line: 0, text, .. } => catalogue.unknown_cell(&super::excerpt(text)),
            Detail::Unplaced { line, text, at } => {
                catalogue.unplaced_row(&at.unwrap_or(Origin::Line { line: *line }), &super::excerpt(text))
            }
            _ => return None,
        },
        Code::DuplicateCell => match &d.detail {
            Detail::Duplicate { line, first, second, at } => catalogue.duplicate_cell(
                &label,
                &at.unwrap_or(Origin::Line { line: *line }),
                &super::excerpt(first),
                &super::excerpt(second),
            ),
            _ => return None,
        },
        _ => return None,
    })
}

pub(crate) mod zh_impl {
    use super::*;

    pub(crate) fn refusal(r: &Refusal) -> String {
        match r {
            Refusal::Empty => "没有填写".into(),
            Refusal::Letters { found } => format!("数字中混有字母「{found}」（是否把 0 写成了 O、把 1 写成了 l？）"),
            Refusal::UnexpectedCharacter { found } if found.chars().all(invisible::is_bidi_control) => {
                format!("含有改变文字显示顺序的控制字符 {}，显示出来的数字与实际填写的不同", invisible::shown(found))
            }
            Refusal::UnexpectedCharacter { found } if found.chars().all(invisible::is_invisible) => {
                format!("含有看不见的字符 {}", invisible::shown(found))
            }
            Refusal::UnexpectedCharacter { found } => format!("含有不能出现在数字中的字符「{found}」"),
            Refusal::DecimalPoints => "有两个小数点".into(),
            Refusal::MalformedSign => "正负号写法有误".into(),
            Refusal::MisplacedSeparator => "千位分隔符位置不对（应每三位一组，如 1,234）".into(),
            Refusal::NoDigits => "没有数字".into(),
            Refusal::TooLarge => "数值过大（超过一万亿），不像真实的统计数".into(),
            Refusal::Negative => "不能为负数".into(),
            Refusal::NotInteger => "应为整数".into(),
            Refusal::TooManyDecimals => "小数位超过 6 位（0.000001 万元即 1 分）".into(),
            Refusal::UnknownUnit { unit } => format!("单位「{unit}」不适用于此栏"),
            Refusal::TooLong { chars, limit } => format!("内容有 {chars} 个字符，超过一格最多可填的 {limit} 个字符"),
        }
    }

    pub(crate) fn normalization(n: &Normalization) -> String {
        match n {
            Normalization::FullWidth => "全角数字或符号按半角读取".into(),
            Normalization::Separators => "去掉了千位分隔符".into(),
            Normalization::Whitespace => "去掉了空格".into(),
            Normalization::Unit { unit } => format!("去掉了单位「{unit}」"),
            Normalization::Converted { from, to } => format!("按{from}换算为{to}"),
            Normalization::Annotation { note } => format!("括注「{note}」另存"),
            Normalization::PlusSign => "去掉了正号".into(),
        }
    }
}

pub(crate) mod en_impl {
    use super::*;

    pub(crate) fn refusal(r: &Refusal) -> String {
        match r {
            Refusal::Empty => "nothing is entered".into(),
            Refusal::Letters { found } => {
                format!("a letter \"{found}\" is mixed into the digits (an O for a 0, an l for a 1?)")
            }
            Refusal::UnexpectedCharacter { found } if found.chars().all(invisible::is_bidi_control) => format!(
                "it holds {}, a character that changes the order in which text is shown: the figure shown is not the \
                 figure written",
                invisible::shown(found)
            ),
            Refusal::UnexpectedCharacter { found } if found.chars().all(invisible::is_invisible) => {
                format!("it holds {}, a character that cannot be seen", invisible::shown(found))
            }
            Refusal::UnexpectedCharacter { found } => format!("the character \"{found}\" cannot appear in a number"),
            Refusal::DecimalPoints => "it has two decimal points".into(),
            Refusal::MalformedSign => "the sign is written wrongly".into(),
            Refusal::MisplacedSeparator => "the thousands separators are misplaced (groups of three: 1,234)".into(),
            Refusal::NoDigits => "it has no digits".into(),
            Refusal::TooLarge => "it is too large (over a trillion) to be a real count".into(),
            Refusal::Negative => "it cannot be negative".into(),
            Refusal::NotInteger => "it must be a whole number".into(),
            Refusal::TooManyDecimals => {
                "it has more than 6 decimal places (amounts are in 10,000 yuan: 0.000001 is 1 fen)".into()
            }
            Refusal::UnknownUnit { unit } => format!("the unit \"{unit}\" does not belong in this cell"),
            Refusal::TooLong { chars, limit } => {
                format!("it is {chars} characters long, more than the {limit} a cell takes")
            }
        }
    }

    pub(crate) fn normalization(n: &Normalization) -> String {
        match n {
            Normalization::FullWidth => "full-width digits read as ASCII".into(),
            Normalization::Separators => "thousands separators removed".into(),
            Normalization::Whitespace => "spaces removed".into(),
            Normalization::Unit { unit } => format!("the unit \"{unit}\" dropped"),
            Normalization::Converted { .. } => "converted from yuan to 10,000 yuan".into(),
            Normalization::Annotation { note } => format!("the note \"{note}\" kept aside"),
            Normalization::PlusSign => "the plus sign dropped".into(),
        }
    }
}

impl TableCatalogue for super::zh::Zh {
    fn refused(&self, label: &str, text: &str, refusal: &Refusal) -> String {
        if let Refusal::TooLong { chars, limit } = refusal {
            let start = beginning(text);
            return format!(
                "「{label}」填写的内容有 {chars} 个字符（“{start}…”），超过一格最多可填的 {limit} 个字符，不是有效数字；请只填数字。"
            );
        }
        format!("「{label}」填写的「{text}」不是有效数字：{}。", zh_impl::refusal(refusal))
    }
    fn negative(&self, label: &str, text: &str) -> String {
        format!("「{label}」填写的「{text}」是负数，此栏不能为负。")
    }
    fn not_integer(&self, label: &str, text: &str) -> String {
        format!("「{label}」填写的「{text}」不是整数，此栏只能填整数。")
    }
    fn too_many_decimals(&self, label: &str, text: &str) -> String {
        format!("「{label}」填写的「{text}」小数位超过 6 位（以万元计，0.000001 万元即 1 分）。")
    }
    fn missing(&self, label: &str) -> String {
        format!("「{label}」尚未填写；没有发生请填 0。")
    }
    fn normalized(&self, label: &str, text: &str, value: &str, what: &[Normalization]) -> String {
        let what: Vec<String> = what.iter().map(zh_impl::normalization).collect();
        format!("「{label}」填写的「{text}」按 {value} 读取（{}）。", what.join("，"))
    }
    fn implied_zero(&self, label: &str) -> String {
        format!("「{label}」空白，按 0 计（所在合计关系在按 0 计时成立）。")
    }
    fn heading_value(&self, label: &str) -> String {
        format!("「{label}」是标题行，正式表样不填数值；所填数值未参与核对。")
    }
    fn sum_mismatch(&self, f: &Figures) -> String {
        let names = f.rhs_names(plain, "、", |n| format!("下列 {n} 项"));
        format!("{}「{}」应等于{names}之和（{}），现填 {}。", f.prefix(Lang::Zh), f.lhs_label(), f.rhs_sum(), f.actual)
    }
    fn balance_mismatch(&self, f: &Figures) -> String {
        format!(
            "{}第一项加第二项之和应等于第三项加第四项之和：{}（{}）≠ {}（{}）。",
            f.prefix(Lang::Zh),
            f.lhs.join(" + "),
            f.lhs_sum(),
            f.rhs.join(" + "),
            f.rhs_sum()
        )
    }
    fn subset_exceeds_parent(&self, f: &Figures) -> String {
        let p = f.prefix(Lang::Zh);
        if f.lhs.len() == 1 {
            format!(
                "{p}「{}」（{}）是「{}」的其中项，不能大于它（{}）。",
                f.lhs_label(),
                f.actual,
                f.rhs.join("、"),
                f.expected
            )
        } else {
            format!("{p}{}之和（{}）不能大于「{}」（{}）。", f.lhs_label(), f.lhs_sum(), f.rhs.join("、"), f.expected)
        }
    }
    fn reasons_mismatch(&self, f: &Figures) -> String {
        format!(
            "{}不同意公开的各项原因之和（{}）小于「{}」（{}）；原因中含兜底项，通常应相等。",
            f.prefix(Lang::Zh),
            f.lhs_sum(),
            f.rhs.join("、"),
            f.expected
        )
    }
    fn channel_exceeds_total(&self, f: &Figures) -> String {
        format!(
            "{}「{}」（{}）大于「{}」（{}）：主动公开总数对同一信息只计 1 条，单一渠道公开的条数不应超过它。",
            f.prefix(Lang::Zh),
            f.lhs_label(),
            f.actual,
            f.rhs.join("、"),
            f.expected
        )
    }
    fn channels_below_total(&self, f: &Figures) -> String {
        format!(
            "{}各渠道公开条数之和（{}）小于「{}」（{}）：每条信息至少经一个渠道公开。",
            f.prefix(Lang::Zh),
            f.lhs_sum(),
            f.rhs.join("、"),
            f.expected
        )
    }
    fn heading_mismatch(&self, f: &Figures) -> String {
        let names = f.rhs_names(plain, "、", |n| format!("其下 {n} 项"));
        format!(
            "{}标题行「{}」填了 {}，与{names}之和（{}）不符。",
            f.prefix(Lang::Zh),
            f.lhs_label(),
            f.actual,
            f.rhs_sum()
        )
    }
    fn expected_nonzero(&self, f: &Figures) -> String {
        format!("{}「{}」为 {}，但「{}」为 0，请核对。", f.prefix(Lang::Zh), f.lhs_label(), f.actual, f.rhs.join("、"))
    }
    fn table_a_inconsistent(&self, f: &Figures) -> String {
        format!(
            "{}「{}」（{}）与「{}」（{}）不相符，请核对。",
            f.prefix(Lang::Zh),
            f.lhs_label(),
            f.actual,
            f.rhs.join("、"),
            f.expected
        )
    }
    fn cumulative_below_year(&self, f: &Figures) -> String {
        format!(
            "{}「{}」（{}）小于「{}」（{}）：历年累计包含本年度，不能比它小。",
            f.prefix(Lang::Zh),
            f.lhs_label(),
            f.actual,
            f.rhs.join("、"),
            f.expected
        )
    }
    fn answers_below_total(&self, f: &Figures) -> String {
        format!(
            "{}各类答复数之和（{}）小于「{}」（{}）：本表只列同意公开、同意部分公开、否决公开三类答复，其他答复（如信息不存在、不属于本机关）无栏可填，请核对是否漏填或错填。",
            f.prefix(Lang::Zh),
            f.lhs_sum(),
            f.rhs.join("、"),
            f.expected
        )
    }
    fn unknown_cell(&self, text: &str) -> String {
        format!("「{text}」不是本表的栏目，未予核对。")
    }
    fn unplaced_row(&self, at: &Origin, text: &str) -> String {
        format!("{}「{text}」无法对应到统计表的栏目，未予核对。", self.origin(at))
    }
    fn duplicate_cell(&self, label: &str, at: &Origin, first: &str, second: &str) -> String {
        format!("「{label}」出现两次且数值不同：先为「{first}」，{}又为「{second}」。", self.origin(at))
    }
    fn origin(&self, at: &Origin) -> String {
        match *at {
            Origin::Line { line } => format!("第 {line} 行"),
            Origin::Row { table, row } => format!("第 {table} 个表格第 {row} 行"),
            Origin::Paragraph { paragraph } => format!("第 {paragraph} 段"),
            Origin::PageLine { page, line } => format!("第 {page} 页第 {line} 行"),
            Origin::PageRow { page, table, row } => format!("第 {page} 页第 {table} 个表格第 {row} 行"),
        }
    }
}

impl TableCatalogue for super::en::En {
    fn refused(&self, label: &str, text: &str, refusal: &Refusal) -> String {
        if let Refusal::TooLong { chars, limit } = refusal {
            let start = beginning(text);
            return format!(
                "\"{label}\": the text entered is {chars} characters long (\"{start}…\"), more than the {limit} a cell \
                 takes: not a number; enter the figure only."
            );
        }
        format!("\"{label}\": \"{text}\" is not a number: {}.", en_impl::refusal(refusal))
    }
    fn negative(&self, label: &str, text: &str) -> String {
        format!("\"{label}\": \"{text}\" is negative; this cell cannot be.")
    }
    fn not_integer(&self, label: &str, text: &str) -> String {
        format!("\"{label}\": \"{text}\" is not a whole number; this cell counts items.")
    }
    fn too_many_decimals(&self, label: &str, text: &str) -> String {
        format!(
            "\"{label}\": \"{text}\" has more than 6 decimal places (amounts are in 10,000 yuan: 0.000001 is 1 fen)."
        )
    }
    fn missing(&self, label: &str) -> String {
        format!("\"{label}\" is blank; enter 0 if there were none.")
    }
    fn normalized(&self, label: &str, text: &str, value: &str, what: &[Normalization]) -> String {
        let what: Vec<String> = what.iter().map(en_impl::normalization).collect();
        format!("\"{label}\": \"{text}\" read as {value} ({}).", what.join(", "))
    }
    fn implied_zero(&self, label: &str) -> String {
        format!("\"{label}\" is blank and read as 0 (its total holds that way).")
    }
    fn heading_value(&self, label: &str) -> String {
        format!("\"{label}\" is a heading row, which carries no value on the official form; its value is not checked.")
    }
    fn sum_mismatch(&self, f: &Figures) -> String {
        let names = f.rhs_names(quoted, ", ", |n| format!("the {n} rows below it"));
        format!(
            "{}\"{}\" must equal the sum of {names} ({}), but is {}.",
            f.prefix(Lang::En),
            f.lhs_label(),
            f.rhs_sum(),
            f.actual
        )
    }
    fn balance_mismatch(&self, f: &Figures) -> String {
        let side = |labels: &[String]| labels.iter().map(|l| quoted(l)).collect::<Vec<_>>().join(" + ");
        format!(
            "{}Item 1 plus item 2 must equal item 3 plus item 4: {} ({}) ≠ {} ({}).",
            f.prefix(Lang::En),
            side(&f.lhs),
            f.lhs_sum(),
            side(&f.rhs),
            f.rhs_sum()
        )
    }
    fn subset_exceeds_parent(&self, f: &Figures) -> String {
        let p = f.prefix(Lang::En);
        let whole = f.rhs.iter().map(|l| quoted(l)).collect::<Vec<_>>().join(", ");
        if f.lhs.len() == 1 {
            format!("{p}\"{}\" ({}) is part of {whole} and cannot exceed it ({}).", f.lhs_label(), f.actual, f.expected)
        } else {
            let parts = f.lhs.iter().map(|l| quoted(l)).collect::<Vec<_>>().join(", ");
            format!("{p}The sum of {parts} ({}) cannot exceed {whole} ({}).", f.lhs_sum(), f.expected)
        }
    }
    fn reasons_mismatch(&self, f: &Figures) -> String {
        format!(
            "{}The reasons for refusal add up to {}, less than \"{}\" ({}); they end in a catch-all, so they should add up.",
            f.prefix(Lang::En),
            f.lhs_sum(),
            f.rhs.join(", "),
            f.expected
        )
    }
    fn channel_exceeds_total(&self, f: &Figures) -> String {
        format!(
            "{}\"{}\" ({}) exceeds \"{}\" ({}): the total counts an item once, so one channel cannot carry more.",
            f.prefix(Lang::En),
            f.lhs_label(),
            f.actual,
            f.rhs.join(", "),
            f.expected
        )
    }
    fn channels_below_total(&self, f: &Figures) -> String {
        format!(
            "{}The channels add up to {}, less than \"{}\" ({}): every item goes out through at least one channel.",
            f.prefix(Lang::En),
            f.lhs_sum(),
            f.rhs.join(", "),
            f.expected
        )
    }
    fn heading_mismatch(&self, f: &Figures) -> String {
        let names = f.rhs_names(quoted, ", ", |n| format!("its {n} rows"));
        format!(
            "{}The heading \"{}\" is filled with {}, which differs from the sum of {names} ({}).",
            f.prefix(Lang::En),
            f.lhs_label(),
            f.actual,
            f.rhs_sum()
        )
    }
    fn expected_nonzero(&self, f: &Figures) -> String {
        format!(
            "{}\"{}\" is {} but \"{}\" is 0; please check.",
            f.prefix(Lang::En),
            f.lhs_label(),
            f.actual,
            f.rhs.join(", ")
        )
    }
    fn table_a_inconsistent(&self, f: &Figures) -> String {
        format!(
            "{}\"{}\" ({}) does not agree with \"{}\" ({}); please check.",
            f.prefix(Lang::En),
            f.lhs_label(),
            f.actual,
            f.rhs.join(", "),
            f.expected
        )
    }
    fn cumulative_below_year(&self, f: &Figures) -> String {
        format!(
            "{}\"{}\" ({}) is less than \"{}\" ({}): the figure for all years so far includes this year's, so it cannot be smaller.",
            f.prefix(Lang::En),
            f.lhs_label(),
            f.actual,
            f.rhs.join(", "),
            f.expected
        )
    }
    fn answers_below_total(&self, f: &Figures) -> String {
        format!(
            "{}The answer types add up to {}, less than \"{}\" ({}): this table has rows only for full, partial and refused disclosure, so an answer of another kind (information that does not exist, another agency's) has nowhere to go; please check none was left out or misplaced.",
            f.prefix(Lang::En),
            f.lhs_sum(),
            f.rhs.join(", "),
            f.expected
        )
    }
    fn unknown_cell(&self, text: &str) -> String {
        format!("\"{text}\" is not a cell of this form and was not checked.")
    }
    fn unplaced_row(&self, at: &Origin, text: &str) -> String {
        let at = self.origin(at);
        let mut at = at.chars();
        let first = at.next().map(|c| c.to_uppercase().collect::<String>()).unwrap_or_default();
        format!("{first}{} \"{text}\" matches no row of the form and was not checked.", at.as_str())
    }
    fn duplicate_cell(&self, label: &str, at: &Origin, first: &str, second: &str) -> String {
        let at = self.origin(at);
        format!("\"{label}\" appears twice with different values: \"{first}\", then \"{second}\" on {at}.")
    }
    fn origin(&self, at: &Origin) -> String {
        match *at {
            Origin::Line { line } => format!("line {line}"),
            Origin::Row { table, row } => format!("table {table}, row {row}"),
            Origin::Paragraph { paragraph } => format!("paragraph {paragraph}"),
            Origin::PageLine { page, line } => format!("page {page}, line {line}"),
            Origin::PageRow { page, table, row } => format!("page {page}, table {table}, row {row}"),
        }
    }
}
