//! Messages about what could be read: a rule not judged, a table not found. They say what the
//! project could not read, never what the agency got wrong.

use super::table::TableCatalogue;
use super::{en::En, zh::Zh, Lang};
use crate::diagnostic::{Code, Detail, Diagnostic, Origin};

pub(crate) trait ReadingCatalogue: TableCatalogue {
    fn not_checked(&self, unread: &[String], at: &[String]) -> String;
    fn table_not_found(&self, table: &str, title: &str) -> String;
}

impl ReadingCatalogue for Zh {
    fn not_checked(&self, unread: &[String], at: &[String]) -> String {
        format!(
            "未核对：所涉单元格 {} 来自未能可靠读取的{}（表格读取不完整或栏目无法确定），不判断对错。",
            unread.join("、"),
            at.join("、")
        )
    }
    fn table_not_found(&self, table: &str, title: &str) -> String {
        match table {
            "" => format!("未找到或无法读取{title}，其中的核对均未进行。"),
            _ => format!("未找到或无法读取{title}（表 {table}），其中的核对均未进行。"),
        }
    }
}

impl ReadingCatalogue for En {
    fn not_checked(&self, unread: &[String], at: &[String]) -> String {
        format!(
            "Not checked: the cells {} come from {} that could not be read with confidence (a table read incompletely, or columns that could not be told apart); no judgement is made.",
            unread.join(", "),
            at.join(", ")
        )
    }
    fn table_not_found(&self, table: &str, title: &str) -> String {
        match table {
            "" => format!("The table \"{title}\" was not found or could not be read; none of its checks was made."),
            _ => format!("Table {table} \"{title}\" was not found or could not be read; none of its checks was made."),
        }
    }
}

fn with(catalogue: &impl ReadingCatalogue, d: &Diagnostic) -> Option<String> {
    match (&d.code, &d.detail) {
        (Code::NotChecked, Detail::NotChecked { unread, at }) => {
            let at: Vec<String> = at.iter().map(|o: &Origin| catalogue.origin(o)).collect();
            Some(catalogue.not_checked(unread, &at))
        }
        (Code::TableNotFound, Detail::TableNotFound { table, title }) => Some(catalogue.table_not_found(table, title)),
        _ => None,
    }
}

pub(crate) fn message(d: &Diagnostic, lang: Lang) -> Option<String> {
    match lang {
        Lang::Zh => with(&Zh, d),
        Lang::En => with(&En, d),
    }
}
