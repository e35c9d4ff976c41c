//! The form definitions as data: every cell addressable by its id, every id a rule names present in
//! its table, and the rows and columns the spec lists, with their ids.

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use std::collections::HashSet;

use disclosure_report::diagnostic::Code;
use disclosure_report::form::{Axis, FormDef, FormId, Relation, RowKind, TableDef};
use disclosure_report::value::ValueKind;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

fn table<'a>(form: &'a FormDef, id: &str) -> &'a TableDef {
    form.tables.iter().find(|t| t.id == id).unwrap_or_else(|| panic!("form {} has no table {id:?}", form.id.as_str()))
}

fn row_ids(table: &TableDef) -> Vec<&'static str> {
    table.rows.iter().map(|r| r.id).collect()
}

fn required_row_ids(table: &TableDef) -> Vec<&'static str> {
    table.rows.iter().filter(|r| !r.optional).map(|r| r.id).collect()
}

fn column_ids(table: &TableDef) -> Vec<&'static str> {
    table.columns.iter().map(|c| c.id).collect()
}

fn row_column_ids(table: &TableDef, row: &str) -> Vec<&'static str> {
    let row = table.rows.iter().find(|r| r.id == row).unwrap_or_else(|| panic!("no row {row}"));
    table.row_columns(row).iter().map(|c| c.id).collect()
}

fn kind(form: &FormDef, id: &str) -> ValueKind {
    form.value_kind(form.find_cell(id).unwrap_or_else(|| panic!("no cell {id}")))
}

fn optional(form: &FormDef, id: &str) -> bool {
    form.is_optional(form.find_cell(id).unwrap_or_else(|| panic!("no cell {id}")))
}

const B_COLUMNS: [&str; 8] =
    ["natural", "commercial", "research", "nonprofit", "legal", "other", "legal_subtotal", "total"];
const C_ROWS: [&str; 3] = ["review", "direct_suit", "suit_after_review"];
const C_COLUMNS: [&str; 5] = ["upheld", "corrected", "other", "pending", "total"];

/// Table B's rows up to （五）, the same in both versions; `3.3`–`3.5` are the optional subtotals.
const B_HEAD: [&str; 23] = [
    "1", "2", "3.1", "3.2", "3.3", "3.3.1", "3.3.2", "3.3.3", "3.3.4", "3.3.5", "3.3.6", "3.3.7", "3.3.8", "3.4",
    "3.4.1", "3.4.2", "3.4.3", "3.5", "3.5.1", "3.5.2", "3.5.3", "3.5.4", "3.5.5",
];

#[test]
fn cell_ids_are_unique_and_find_their_cell() {
    for form in FormId::ALL.map(FormId::def) {
        let mut seen = HashSet::new();
        let mut count = 0;
        for cell in form.cells() {
            let id = form.cell_id(cell);
            assert!(seen.insert(id.clone()), "form {}: cell id {id} twice", form.id.as_str());
            assert_eq!(form.find_cell(&id), Some(cell), "form {}: {id}", form.id.as_str());
            count += 1;
        }
        assert!(count > 0);
    }
}

#[test]
fn row_and_column_ids_are_unique_within_their_table() {
    for form in FormId::ALL.map(FormId::def) {
        let tables: HashSet<_> = form.tables.iter().map(|t| t.id).collect();
        assert_eq!(tables.len(), form.tables.len(), "form {}: table ids", form.id.as_str());
        for table in form.tables {
            let rows: HashSet<_> = row_ids(table).into_iter().collect();
            assert_eq!(rows.len(), table.rows.len(), "form {} table {}: row ids", form.id.as_str(), table.id);
            for row in table.rows {
                let columns = table.row_columns(row);
                assert!(!columns.is_empty(), "form {}: row {} has no column", form.id.as_str(), row.id);
                let ids: HashSet<_> = columns.iter().map(|c| c.id).collect();
                assert_eq!(ids.len(), columns.len(), "form {}: row {} columns", form.id.as_str(), row.id);
                // Ids are the parts of `<table>:<row>:<column>`: a colon would split them.
                assert!(!row.id.contains(':') && columns.iter().all(|c| !c.id.contains(':')));
                assert!(!row.label.is_empty(), "form {}: row {} has no label", form.id.as_str(), row.id);
            }
        }
    }
}

#[test]
fn every_id_a_rule_names_resolves_in_its_table() {
    for form in FormId::ALL.map(FormId::def) {
        for (n, rule) in form.rules.iter().enumerate() {
            let what = format!("form {} rule {n} ({:?})", form.id.as_str(), rule.code);
            let table = table(form, rule.table);
            assert!(!rule.lhs.is_empty() && !rule.rhs.is_empty(), "{what}: an empty side");
            let has_row = |id: &str| table.rows.iter().any(|r| r.id == id);
            // Every (row, column) pair the rule expands to must be a cell of the form.
            let pairs: Vec<(&str, &str)> = match rule.axis {
                Axis::Vertical => {
                    let columns: Vec<&str> =
                        if rule.scope.is_empty() { column_ids(table) } else { rule.scope.to_vec() };
                    assert!(!columns.is_empty(), "{what}: no column to run down");
                    for id in rule.lhs.iter().chain(rule.rhs) {
                        assert!(has_row(id), "{what}: no row {id}");
                    }
                    rule.lhs.iter().chain(rule.rhs).flat_map(|r| columns.iter().map(move |c| (*r, *c))).collect()
                }
                Axis::Horizontal => {
                    let rows: Vec<&str> = if rule.scope.is_empty() {
                        // The rows that have every column the rule names.
                        table
                            .rows
                            .iter()
                            .filter(|r| !matches!(r.kind, RowKind::Heading))
                            .filter(|r| {
                                let cols = table.row_columns(r);
                                rule.lhs.iter().chain(rule.rhs).all(|id| cols.iter().any(|c| c.id == *id))
                            })
                            .map(|r| r.id)
                            .collect()
                    } else {
                        rule.scope.to_vec()
                    };
                    assert!(!rows.is_empty(), "{what}: no row to run across");
                    for id in &rows {
                        assert!(has_row(id), "{what}: no row {id} in scope");
                    }
                    rows.iter().flat_map(|r| rule.lhs.iter().chain(rule.rhs).map(move |c| (*r, *c))).collect()
                }
            };
            for (row, column) in pairs {
                let id = if table.id.is_empty() { row.to_string() } else { format!("{}:{row}:{column}", table.id) };
                assert!(form.find_cell(&id).is_some(), "{what}: no cell {id}");
            }
        }
    }
}

#[test]
fn years_are_the_spec_ranges_and_do_not_overlap() {
    assert_eq!(FormId::F2016.def().years, (2014, 2018));
    assert_eq!(FormId::F2019.def().years, (2019, 2020));
    assert_eq!(FormId::F2021.def().years, (2021, 9999));
    for form in FormId::ALL {
        assert_eq!(form.def().id, form);
        assert!(!form.def().title.is_empty());
    }
}

#[test]
fn form_2021_table_a() {
    let form = FormId::F2021.def();
    let a = table(form, "A");
    assert_eq!(row_ids(a), ["regulations", "normative", "licensing", "penalty", "coercion", "fees"]);
    for r in ["regulations", "normative"] {
        assert_eq!(row_column_ids(a, r), ["issued", "repealed", "in_force"]);
    }
    for r in ["licensing", "penalty", "coercion"] {
        assert_eq!(row_column_ids(a, r), ["decisions"]);
    }
    assert_eq!(row_column_ids(a, "fees"), ["amount"]);
    assert_eq!(kind(form, "A:fees:amount"), ValueKind::Money);
    assert_eq!(kind(form, "A:normative:issued"), ValueKind::Count);
    assert!(!optional(form, "A:normative:in_force"));
}

#[test]
fn form_2019_table_a() {
    let form = FormId::F2019.def();
    let a = table(form, "A");
    assert_eq!(
        row_ids(a),
        ["regulations", "normative", "licensing", "other_services", "penalty", "coercion", "fees", "procurement"]
    );
    for r in ["regulations", "normative"] {
        assert_eq!(row_column_ids(a, r), ["made", "published", "public_total"]);
    }
    for r in ["licensing", "other_services", "penalty", "coercion"] {
        assert_eq!(row_column_ids(a, r), ["previous", "change", "decisions"]);
        assert_eq!(kind(form, &format!("A:{r}:change")), ValueKind::Signed);
        assert_eq!(kind(form, &format!("A:{r}:previous")), ValueKind::Count);
    }
    assert_eq!(row_column_ids(a, "fees"), ["previous", "change"]);
    assert_eq!(kind(form, "A:fees:change"), ValueKind::Signed);
    assert_eq!(row_column_ids(a, "procurement"), ["items", "amount"]);
    assert_eq!(kind(form, "A:procurement:amount"), ValueKind::Money);
    assert_eq!(kind(form, "A:procurement:items"), ValueKind::Count);
}

#[test]
fn form_2021_table_b() {
    let form = FormId::F2021.def();
    let b = table(form, "B");
    let mut all: Vec<&str> = B_HEAD.to_vec();
    all.extend(["3.6", "3.6.1", "3.6.2", "3.6.3", "3.7", "4"]);
    assert_eq!(row_ids(b), all);
    let required = required_row_ids(b);
    assert_eq!(required.len(), 25);
    assert_eq!(
        required,
        all.iter().copied().filter(|id| !["3.3", "3.4", "3.5", "3.6"].contains(id)).collect::<Vec<_>>()
    );
    assert_eq!(column_ids(b), B_COLUMNS);
    for row in b.rows {
        assert!(row.columns.is_none(), "row {} of Table B has the table's columns", row.id);
    }
}

#[test]
fn form_2019_table_b_has_a_single_other_handling_row() {
    let form = FormId::F2019.def();
    let b = table(form, "B");
    let mut all: Vec<&str> = B_HEAD.to_vec();
    all.extend(["3.6", "3.7", "4"]);
    assert_eq!(row_ids(b), all);
    assert_eq!(required_row_ids(b).len(), 23);
    assert!(!optional(form, "B:3.6:natural"), "（六） is a row of its own in the trial format");
    assert!(form.find_cell("B:3.6.1:natural").is_none());
    assert_eq!(column_ids(b), B_COLUMNS);
}

#[test]
fn table_b_optional_rows_and_column_are_optional_and_counts() {
    for form in [FormId::F2019, FormId::F2021].map(FormId::def) {
        for column in B_COLUMNS {
            assert_eq!(optional(form, &format!("B:1:{column}")), column == "legal_subtotal");
            assert!(optional(form, &format!("B:3.3:{column}")));
            assert_eq!(optional(form, &format!("B:3.3.1:{column}")), column == "legal_subtotal");
            assert_eq!(kind(form, &format!("B:3.7:{column}")), ValueKind::Count);
        }
        let b = table(form, "B");
        let legal: Vec<_> = b.columns.iter().filter(|c| c.group == "法人或其他组织").map(|c| c.id).collect();
        assert_eq!(legal, ["commercial", "research", "nonprofit", "legal", "other", "legal_subtotal"]);
    }
}

#[test]
fn table_c_is_three_blocks_of_five() {
    for form in [FormId::F2019, FormId::F2021].map(FormId::def) {
        let c = table(form, "C");
        assert_eq!(row_ids(c), C_ROWS);
        assert_eq!(required_row_ids(c), C_ROWS);
        assert_eq!(column_ids(c), C_COLUMNS);
        assert!(form.find_cell("C:review:pending").is_some());
        assert!(form.find_cell("C:suit_after_review:total").is_some());
    }
}

#[test]
fn the_sample_wordings_are_labels_or_aliases() {
    // Row labels as the two samples print them (the last part of their path-like labels).
    let wordings: &[(FormId, &str, &str)] = &[
        (FormId::F2021, "A", "规范性文件"),
        (FormId::F2021, "A", "行政事业性收费"),
        (FormId::F2019, "A", "其他对外管理服务事项"),
        (FormId::F2019, "A", "政府集中采购"),
        (FormId::F2021, "B", "一、本年新收政府信息公开申请数量"),
        (FormId::F2021, "B", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
        (FormId::F2021, "B", "3.危及“三安全一稳定”"),
        (FormId::F2021, "B", "5.要求行政机关确认或重新出具已获取信息"),
        (FormId::F2021, "B", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
        (FormId::F2019, "B", "（六）其他处理"),
        (FormId::F2021, "B", "四、结转下年度继续办理"),
        (FormId::F2021, "C", "行政复议"),
    ];
    for &(form, t, wording) in wordings {
        let table = table(form.def(), t);
        let found = table.rows.iter().any(|r| r.label == wording || r.aliases.contains(&wording));
        assert!(found, "form {} table {t}: no row reads {wording}", form.as_str());
    }
}

#[test]
fn the_total_row_adds_up_every_result_row() {
    // 3.7's rule names exactly the required rows under 三、 other than 3.7 itself: a row added to
    // the table without being added to the identity would escape the check.
    for form in [FormId::F2019, FormId::F2021].map(FormId::def) {
        let b = table(form, "B");
        let results: Vec<&str> =
            b.rows.iter().filter(|r| !r.optional && r.id.starts_with("3.") && r.id != "3.7").map(|r| r.id).collect();
        let rule = form
            .rules
            .iter()
            .find(|r| r.table == "B" && r.axis == Axis::Vertical && r.lhs == ["3.7"])
            .expect("a rule for 3.7");
        assert_eq!(rule.code, Code::SumMismatch);
        assert_eq!(rule.relation, Relation::Equal);
        assert!(!rule.when_filled);
        assert_eq!(rule.rhs, results.as_slice());
        // Every optional subtotal row is checked against the rows under it, once filled.
        for subtotal in b.rows.iter().filter(|r| r.optional) {
            let prefix = format!("{}.", subtotal.id);
            let children: Vec<&str> = b.rows.iter().filter(|r| r.id.starts_with(&prefix)).map(|r| r.id).collect();
            let rule = form
                .rules
                .iter()
                .find(|r| r.table == "B" && r.lhs == [subtotal.id])
                .unwrap_or_else(|| panic!("no rule for subtotal {}", subtotal.id));
            assert!(rule.when_filled);
            assert_eq!(rule.rhs, children.as_slice());
        }
    }
}
