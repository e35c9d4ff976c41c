//! The rule engine: every cell of a form read by the value parser, every rule of the form expanded to
//! concrete cells and evaluated, every finding collected (never stopping at the first).
//!
//! Blank-aware: a blank cell is never summed as 0 silently. A rule with blank cells is checked only as
//! far as it can be: children that already exceed their parent are a mismatch whatever the blanks
//! hold; a sum still short of its parent is pending (a running total) while filling, a mismatch at
//! submit; in review (published reports) blanks that make an identity hold exactly read as 0 and are
//! reported as `implied-zero` instead of `missing`.
//!
//! An index from each cell to the rules that read it lets `Checker::set_cell` re-check only those
//! rules: the browser calls it on every input.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Code, Detail, Diagnostic, Severity};
use crate::form::{CellRef, FormDef, FormId, Relation, RowKind};
use crate::report::Report;
use crate::value::{self, Amount, Parsed, Refusal};

/// When the table is checked, which decides how blanks are treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// While the clerk fills the form: blanks are `missing` warnings, incomplete sums are pending.
    #[default]
    Filling,
    /// At upload: blanks are `missing` errors and a sum with blanks that does not add up is a mismatch.
    Submit,
    /// Checking a published report: blanks that make an identity hold read as 0 (`implied-zero`).
    Review,
}

/// A rule expanded to concrete cells.
#[derive(Debug, Clone)]
struct Rule {
    key: String,
    code: Code,
    severity: Severity,
    relation: Relation,
    lhs: Vec<u32>,
    rhs: Vec<u32>,
    when_filled: bool,
}

/// The running total of a sum whose cells are not all filled yet (shown beside the parent, neutral).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Pending {
    /// The rule's key.
    pub rule: String,
    /// The parent cell (the first cell of the rule's left side).
    pub cell: String,
    /// Σ of the filled children.
    pub sum: Amount,
    /// The children.
    pub cells: Vec<String>,
    /// How many children are filled.
    pub filled: usize,
    /// Whether every child is filled.
    pub complete: bool,
}

/// A running total as an update carries it: `Pending` without the list of children, which the
/// form's rules give once (`FormView::rules`), so a keystroke does not send it again.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RunningTotal {
    pub rule: String,
    pub cell: String,
    pub sum: Amount,
    pub filled: usize,
    pub complete: bool,
}

/// The findings a changed cell brought: the keys re-evaluated and their current findings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Update {
    /// The keys whose findings are replaced: `cell:<id>` for the cell itself, and each rule's key.
    pub rules: Vec<String>,
    pub diagnostics: Vec<Diagnostic>,
    /// The running totals of the sum rules among `rules`, replacing theirs (`filled` may be 0: no
    /// total to show any more), so a page need not ask for every total on every keystroke.
    pub pending: Vec<RunningTotal>,
}

/// A form being checked: its cells' texts and values, its rules, and the findings of each.
#[derive(Debug, Clone)]
pub struct Checker {
    form: &'static FormDef,
    mode: Mode,
    // The form's compiled parts, shared by every checker of the form (see `Compiled`).
    cells: &'static [CellRef],
    ids: &'static [String],
    by_id: &'static HashMap<String, u32>,
    texts: Vec<String>,
    parsed: Vec<Parsed>,
    rules: &'static [Rule],
    /// Cell → the rules that read it.
    index: &'static [Vec<u32>],
    /// Heading cells that some rule checks when filled (others get `heading-value`).
    checked_headings: &'static [bool],
    /// Cells a blank is fine in (headings, optional rows and columns).
    optional: &'static [bool],
    /// `cell:<id>`: the key of each cell's own findings.
    cell_keys: &'static [String],
    cell_findings: Vec<Vec<Diagnostic>>,
    /// Whether each rule is violated now. Its finding is a function of the rule and of its cells'
    /// figures, so it is built only when asked for (`rule_findings`): most rules hold, and a
    /// keystroke in a violated rule changes its figures, not whether it is reported.
    violated: Vec<bool>,
    /// Cells a satisfied identity reads as 0 (review mode), with the rule that implies it.
    implied: Vec<Option<u32>>,
    /// Cells of the report that the form does not have.
    unknown: Vec<Diagnostic>,
    /// The keys whose findings the last `edit` changed (see `Checker::edit`).
    changed: Vec<u32>,
    /// The rules whose running total the last `edit` changed.
    changed_totals: Vec<u32>,
    /// Each rule's running total as `[Σ filled children, filled children]` (0, 0 for rules that are
    /// not sums): what a page shows beside a parent, readable without building a `RunningTotal`.
    totals: Vec<f64>,
}

/// What a form compiles to: its cells and their ids, its rules expanded to cells, and the index from
/// each cell to the rules that read it. Built once per form version and shared: building it costs
/// more than checking a whole report, and a server checks many reports of the same form.
#[derive(Debug)]
struct Compiled {
    cells: Vec<CellRef>,
    ids: Vec<String>,
    by_id: HashMap<String, u32>,
    rules: Vec<Rule>,
    index: Vec<Vec<u32>>,
    checked_headings: Vec<bool>,
    optional: Vec<bool>,
    cell_keys: Vec<String>,
}

fn compiled(form: FormId) -> &'static Compiled {
    static FORMS: [OnceLock<Compiled>; FormId::ALL.len()] = [const { OnceLock::new() }; FormId::ALL.len()];
    let slot = FormId::ALL.iter().position(|f| *f == form).expect("every form is in FormId::ALL");
    FORMS[slot].get_or_init(|| compile(form.def()))
}

fn compile(form: &'static FormDef) -> Compiled {
    let cells: Vec<CellRef> = form.cells().collect();
    let ids: Vec<String> = cells.iter().map(|c| form.cell_id(*c)).collect();
    let by_id = ids.iter().enumerate().map(|(i, id)| (id.clone(), i as u32)).collect();
    let by_ref: HashMap<CellRef, u32> = cells.iter().enumerate().map(|(i, c)| (*c, i as u32)).collect();
    let mut rules = Vec::new();
    let mut index = vec![Vec::new(); cells.len()];
    let mut checked_headings = vec![false; cells.len()];
    for instance in form.rule_instances() {
        let def = instance.def;
        let lhs: Vec<u32> = instance.lhs.iter().map(|c| by_ref[c]).collect();
        let rhs: Vec<u32> = instance.rhs.iter().map(|c| by_ref[c]).collect();
        let r = rules.len() as u32;
        for &c in lhs.iter().chain(rhs.iter()) {
            if !index[c as usize].contains(&r) {
                index[c as usize].push(r);
            }
        }
        if def.when_filled {
            for &c in &lhs {
                checked_headings[c as usize] = true;
            }
        }
        rules.push(Rule {
            key: instance.key,
            code: def.code,
            severity: def.severity,
            relation: def.relation,
            lhs,
            rhs,
            when_filled: def.when_filled,
        });
    }
    let optional = cells.iter().map(|c| form.is_optional(*c)).collect();
    let cell_keys = ids.iter().map(|id| format!("cell:{id}")).collect();
    Compiled { cells, ids, by_id, rules, index, checked_headings, optional, cell_keys }
}

/// Findings in the order `diagnostics` lists them: errors first, then by place (a cell's own at the
/// cell, a rule's at its first cell, what the form lacks, `u32::MAX`, last), in the order they came
/// within one severity and place: a stable sort by `(severity, place)`. Counted into buckets (three
/// severities by `places + 1` places) rather than sorted: linear, and no general sort's code in the
/// form page's download.
fn in_order<T>(items: Vec<(Severity, u32, T)>, places: usize) -> Vec<T> {
    let bucket = |severity: Severity, place: u32| severity as usize * (places + 1) + (place as usize).min(places);
    // starts[b] is where bucket b's next item goes.
    let mut starts = vec![0usize; 3 * (places + 1) + 1];
    for (severity, place, _) in &items {
        starts[bucket(*severity, *place) + 1] += 1;
    }
    for b in 1..starts.len() {
        starts[b] += starts[b - 1];
    }
    let mut slots: Vec<Option<T>> = std::iter::repeat_with(|| None).take(items.len()).collect();
    for (severity, place, item) in items {
        let b = bucket(severity, place);
        slots[starts[b]] = Some(item);
        starts[b] += 1;
    }
    slots.into_iter().flatten().collect()
}

/// What a refusal is reported as.
pub fn refusal_code(refusal: &Refusal) -> Code {
    match refusal {
        Refusal::Negative => Code::Negative,
        Refusal::NotInteger => Code::NotInteger,
        Refusal::TooManyDecimals => Code::TooManyDecimals,
        _ => Code::InvalidNumber,
    }
}

/// The state of one cell in a rule: filled with a value, blank, or unreadable.
enum Slot {
    Value(Amount),
    Blank,
    Invalid,
}

impl Checker {
    /// An empty form.
    pub fn new(form: FormId, mode: Mode) -> Checker {
        let mut checker = Checker::blank(form, mode);
        checker.recheck_all();
        checker
    }

    /// The form with nothing typed and nothing checked yet.
    fn blank(form: FormId, mode: Mode) -> Checker {
        let compiled = compiled(form);
        let form = form.def();
        let n = compiled.cells.len();
        let rule_count = compiled.rules.len();
        Checker {
            form,
            mode,
            cells: &compiled.cells,
            ids: &compiled.ids,
            by_id: &compiled.by_id,
            texts: vec![String::new(); n],
            parsed: vec![Parsed::Blank; n],
            rules: &compiled.rules,
            index: &compiled.index,
            checked_headings: &compiled.checked_headings,
            optional: &compiled.optional,
            cell_keys: &compiled.cell_keys,
            cell_findings: vec![Vec::new(); n],
            violated: vec![false; rule_count],
            implied: vec![None; n],
            unknown: Vec::new(),
            changed: Vec::new(),
            changed_totals: Vec::new(),
            totals: vec![0.0; 2 * rule_count],
        }
    }

    /// A form filled from a report's cells.
    pub fn from_report(report: &Report, mode: Mode) -> Checker {
        let mut checker = Checker::filled(report, mode);
        checker.recheck_all();
        checker
    }

    /// A form filled from a report's cells, not checked yet.
    fn filled(report: &Report, mode: Mode) -> Checker {
        // Filled first and checked once: checking the empty form first would be thrown away.
        let mut checker = Checker::blank(report.form, mode);
        for (id, text) in &report.cells {
            match checker.by_id.get(id) {
                Some(&i) => {
                    checker.texts[i as usize] = text.clone();
                    checker.parsed[i as usize] = value::parse(text, checker.form.value_kind(checker.cells[i as usize]));
                }
                None => checker.unknown.push(
                    Diagnostic::new(
                        Code::UnplacedRow,
                        Severity::Info,
                        vec![id.clone()],
                        Detail::Unplaced { line: 0, text: format!("{id}: {text}"), at: None },
                    )
                    .with_rule(format!("unknown:{id}")),
                ),
            }
        }
        checker
    }

    pub fn form(&self) -> &'static FormDef {
        self.form
    }

    pub fn mode(&self) -> Mode {
        self.mode
    }

    pub fn set_mode(&mut self, mode: Mode) {
        if mode != self.mode {
            self.mode = mode;
            self.recheck_all();
        }
    }

    /// The cell ids of the form, in reading order.
    pub fn cell_ids(&self) -> &[String] {
        self.ids
    }

    /// The text typed into a cell.
    pub fn text(&self, id: &str) -> Option<&str> {
        self.by_id.get(id).map(|&i| self.texts[i as usize].as_str())
    }

    /// The value read from a cell, if it holds one.
    pub fn value(&self, id: &str) -> Option<Amount> {
        self.by_id.get(id).and_then(|&i| self.parsed[i as usize].amount())
    }

    /// The report's cells as typed (blank cells left out).
    pub fn cells(&self) -> impl Iterator<Item = (&str, &str)> {
        self.ids.iter().zip(&self.texts).filter(|(_, t)| !t.is_empty()).map(|(i, t)| (i.as_str(), t.as_str()))
    }

    /// Change one cell and re-check only what reads it. `None` when the form has no such cell.
    pub fn set_cell(&mut self, id: &str, text: &str) -> Option<Update> {
        let i = *self.by_id.get(id)? as usize;
        if self.texts[i] != text {
            self.texts[i] = text.to_string();
            self.parsed[i] = value::parse(text, self.form.value_kind(self.cells[i]));
        }
        if self.mode == Mode::Review {
            // In review one cell can change which blanks read as 0 anywhere: check everything again.
            self.recheck_all();
            let mut keys: Vec<String> = self.cell_keys.to_vec();
            keys.extend(self.rules.iter().map(|r| r.key.clone()));
            let pending = self.rules.iter().filter_map(|r| self.running_total(r)).collect();
            return Some(Update { rules: keys, diagnostics: self.diagnostics(), pending });
        }
        let rule_ids = self.index[i].clone();
        let mut keys = vec![self.cell_keys[i].clone()];
        keys.extend(rule_ids.iter().map(|&r| self.rules[r as usize].key.clone()));
        for &r in &rule_ids {
            self.violated[r as usize] = self.violates(r as usize);
            self.update_total(r as usize);
        }
        self.cell_findings[i] = self.cell_diagnostics(i);
        let mut diagnostics = self.cell_findings[i].clone();
        diagnostics.extend(rule_ids.iter().flat_map(|&r| self.rule_findings(r as usize)));
        let pending = rule_ids.iter().filter_map(|&r| self.running_total(&self.rules[r as usize])).collect();
        Some(Update { rules: keys, diagnostics, pending })
    }

    fn recheck_all(&mut self) {
        self.recheck_findings();
        for r in 0..self.rules.len() {
            self.update_total(r);
        }
    }

    /// Every rule and cell checked again, the running totals left as they are (a one-off check,
    /// which never edits, has no use for them).
    fn recheck_findings(&mut self) {
        // Implied zeros first: in review, the rules read them as 0.
        self.recompute_implied();
        for r in 0..self.rules.len() {
            self.violated[r] = self.violates(r);
        }
        for c in 0..self.cells.len() {
            self.cell_findings[c] = self.cell_diagnostics(c);
        }
    }

    /// Keep rule `r`'s entry of `totals` current; whether it changed.
    fn update_total(&mut self, r: usize) -> bool {
        let (sum, filled) = match self.sum_of_children(&self.rules[r]) {
            Some((sum, filled)) => (sum.to_f64(), filled as f64),
            None => (0.0, 0.0),
        };
        let slot = &mut self.totals[2 * r..2 * r + 2];
        let changed = slot[0] != sum || slot[1] != filled;
        slot[0] = sum;
        slot[1] = filled;
        changed
    }

    /// How many keys `edit` numbers: one per cell (`cell:<id>`, the cell's own findings; key `c` for
    /// cell `c` of `cell_ids`), then one per rule (key `cells + r`).
    pub fn key_count(&self) -> usize {
        self.cells.len() + self.rules.len()
    }

    /// The key's name, as findings carry it in `rule`: `cell:<id>` or the rule's key.
    pub fn key_name(&self, key: usize) -> Option<&str> {
        match key.checked_sub(self.cells.len()) {
            None => Some(self.cell_keys[key].as_str()),
            Some(r) => self.rules.get(r).map(|rule| rule.key.as_str()),
        }
    }

    /// The current findings of one key (see `key_count`), without messages, built now.
    pub fn key_findings(&self, key: usize) -> Vec<Diagnostic> {
        match key.checked_sub(self.cells.len()) {
            None => self.cell_findings.get(key).cloned().unwrap_or_default(),
            Some(r) if r < self.rules.len() => self.rule_findings(r),
            Some(_) => Vec::new(),
        }
    }

    /// How many findings the key has now (see `key_count`), without building them: a page asks for
    /// a changed key's findings only when it has some.
    pub fn key_finding_count(&self, key: usize) -> usize {
        match key.checked_sub(self.cells.len()) {
            None => self.cell_findings.get(key).map_or(0, Vec::len),
            Some(r) => usize::from(self.violated.get(r).copied().unwrap_or(false)),
        }
    }

    /// The code and severity of the key's first finding, without building it; `None` when it has none.
    pub fn key_finding_kind(&self, key: usize) -> Option<(Code, Severity)> {
        match key.checked_sub(self.cells.len()) {
            None => self.cell_findings.get(key)?.first().map(|d| (d.code, d.severity)),
            Some(r) => {
                let rule = self.rules.get(r).filter(|_| self.violated[r])?;
                Some((rule.code, rule.severity))
            }
        }
    }

    /// The keys whose findings the last `edit` changed, in key order.
    pub fn changed(&self) -> &[u32] {
        &self.changed
    }

    /// The rules (`r`, of key `cells + r`) whose running total the last `edit` changed, in order.
    pub fn changed_totals(&self) -> &[u32] {
        &self.changed_totals
    }

    /// Every rule's running total, `[sum, filled]` per rule in key order (see `totals`).
    pub fn totals(&self) -> &[f64] {
        &self.totals
    }

    /// The keystroke protocol: cell `cell` (an index into `cell_ids`) now holds `text`. Re-checks
    /// what reads the cell, as `set_cell` does, but builds nothing to send: it returns how many keys'
    /// findings and rules' running totals changed (most keystrokes change no finding: then it counts
    /// only the totals of the sums the cell is in), and `changed` and `changed_totals` name them.
    /// `None` when the form has no such cell.
    pub fn edit(&mut self, cell: usize, text: &str) -> Option<usize> {
        if cell >= self.cells.len() {
            return None;
        }
        self.changed.clear();
        self.changed_totals.clear();
        if self.texts[cell] == text {
            return Some(0);
        }
        self.texts[cell].clear();
        self.texts[cell].push_str(text);
        let before = self.figure(cell as u32);
        self.parsed[cell] = value::parse(text, self.form.value_kind(self.cells[cell]));
        let figure_changed = before != self.figure(cell as u32);
        let n = self.cells.len();
        if self.mode == Mode::Review {
            // In review one cell can change which blanks read as 0 anywhere: everything is looked at.
            let before_cells = self.cell_findings.clone();
            let before_rules = self.violated.clone();
            let totals = self.totals.clone();
            self.recheck_all();
            for (c, before) in before_cells.iter().enumerate() {
                if *before != self.cell_findings[c] {
                    self.changed.push(c as u32);
                }
            }
            for (r, &before) in before_rules.iter().enumerate() {
                // A violated rule's finding quotes its cells' figures: the edited cell's changed it.
                let reads = figure_changed && self.index[cell].contains(&(r as u32));
                if before != self.violated[r] || (before && reads) {
                    self.changed.push((n + r) as u32);
                }
                if totals[2 * r..2 * r + 2] != self.totals[2 * r..2 * r + 2] {
                    self.changed_totals.push(r as u32);
                }
            }
            return Some(self.changed.len() + self.changed_totals.len());
        }
        let own = self.cell_diagnostics(cell);
        if own != self.cell_findings[cell] {
            self.cell_findings[cell] = own;
            self.changed.push(cell as u32);
        }
        let index: &'static [Vec<u32>] = self.index;
        for &r in &index[cell] {
            let r = r as usize;
            let violated = self.violates(r);
            if violated != self.violated[r] || (violated && figure_changed) {
                self.violated[r] = violated;
                self.changed.push((n + r) as u32);
            }
            if self.update_total(r) {
                self.changed_totals.push(r as u32);
            }
        }
        Some(self.changed.len() + self.changed_totals.len())
    }

    /// Every current finding of the table, errors first, then in reading order.
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        let mut all: Vec<(Severity, u32, &Diagnostic)> = Vec::new();
        all.extend(self.unknown.iter().map(|d| (d.severity, u32::MAX, d)));
        for (c, found) in self.cell_findings.iter().enumerate() {
            all.extend(found.iter().map(|d| (d.severity, c as u32, d)));
        }
        let built = self.violated_findings();
        all.extend(built.iter().map(|(severity, place, d)| (*severity, *place, d)));
        // The place of each finding is known where it is kept (a cell's own at the cell, a rule's at its
        // first cell, cells the form lacks last): no lookup of its first cell's id while sorting.
        in_order(all, self.cells.len()).into_iter().cloned().collect()
    }

    /// `diagnostics`, moving the findings out instead of copying them (a one-off check).
    fn into_diagnostics(self) -> Vec<Diagnostic> {
        // The rules' findings are built first (they read the cells), and listed after the cells' own.
        let rules = self.violated_findings();
        let mut all: Vec<(Severity, u32, Diagnostic)> = Vec::new();
        all.extend(self.unknown.into_iter().map(|d| (d.severity, u32::MAX, d)));
        for (c, found) in self.cell_findings.into_iter().enumerate() {
            all.extend(found.into_iter().map(|d| (d.severity, c as u32, d)));
        }
        all.extend(rules);
        in_order(all, self.cells.len())
    }

    /// The running totals of sums whose children are not all filled, for the neutral hint beside the parent.
    pub fn pending(&self) -> Vec<Pending> {
        self.rules
            .iter()
            .filter_map(|rule| Some((rule, self.running_total(rule)?)))
            .filter(|(_, t)| t.filled > 0)
            .map(|(rule, t)| Pending {
                rule: t.rule,
                cell: t.cell,
                sum: t.sum,
                cells: rule.rhs.iter().map(|&c| self.ids[c as usize].clone()).collect(),
                filled: t.filled,
                complete: t.complete,
            })
            .collect()
    }

    /// Σ of a sum rule's filled children and how many are filled; `None` for rules that are not sums
    /// (parent = Σ children).
    fn sum_of_children(&self, rule: &Rule) -> Option<(Amount, usize)> {
        if rule.relation != Relation::Equal || rule.code != Code::SumMismatch || rule.lhs.len() != 1 {
            return None;
        }
        let mut sum = Amount::ZERO;
        let mut filled = 0;
        for &c in &rule.rhs {
            if let Some(a) = self.parsed[c as usize].amount() {
                sum = sum + a;
                filled += 1;
            } else if matches!(self.parsed[c as usize], Parsed::NotApplicable) {
                filled += 1;
            }
        }
        Some((sum, filled))
    }

    /// The running total of a sum rule (parent = Σ children), `None` for other rules.
    fn running_total(&self, rule: &Rule) -> Option<RunningTotal> {
        let (sum, filled) = self.sum_of_children(rule)?;
        Some(RunningTotal {
            rule: rule.key.clone(),
            cell: self.ids[rule.lhs[0] as usize].clone(),
            sum,
            filled,
            complete: filled == rule.rhs.len(),
        })
    }

    /// Whether a rule reads a blank optional cell (a 小计 column or subtotal row the template does
    /// not have): such a rule says nothing, and its blanks imply nothing.
    fn reads_blank_optional(&self, rule: &Rule) -> bool {
        rule.lhs
            .iter()
            .chain(&rule.rhs)
            .any(|&c| self.optional[c as usize] && matches!(self.parsed[c as usize], Parsed::Blank))
    }

    fn slot(&self, c: u32) -> Slot {
        match &self.parsed[c as usize] {
            Parsed::Number(n) => Slot::Value(n.amount),
            // Not applicable ("/") holds nothing to add.
            Parsed::NotApplicable => Slot::Value(Amount::ZERO),
            Parsed::Blank if self.implied[c as usize].is_some() => Slot::Value(Amount::ZERO),
            Parsed::Blank => Slot::Blank,
            Parsed::Refused(_) => Slot::Invalid,
        }
    }

    /// Σ of the filled cells of one side, the blank cells, and whether any is unreadable.
    /// Nothing is allocated here: every rule is evaluated on every full check and most hold.
    fn side(&self, cells: &[u32]) -> (Amount, usize, bool) {
        let mut sum = Amount::ZERO;
        let mut blanks = 0;
        let mut invalid = false;
        for &c in cells {
            match self.slot(c) {
                Slot::Value(a) => sum = sum + a,
                Slot::Blank => blanks += 1,
                Slot::Invalid => invalid = true,
            }
        }
        (sum, blanks, invalid)
    }

    /// A cell's figure as a violated rule's message quotes it: its value, a blank or an unreadable
    /// cell as 0. A violated rule's finding changes exactly when one of its figures does.
    fn figure(&self, c: u32) -> Amount {
        match &self.parsed[c as usize] {
            Parsed::Number(n) => n.amount,
            _ => Amount::ZERO,
        }
    }

    /// The figure of each cell of one side (for the message of a violated rule).
    fn figures(&self, cells: &[u32]) -> Vec<Amount> {
        cells.iter().map(|&c| self.figure(c)).collect()
    }

    /// The findings of every violated rule, each with its severity and its place (its first cell),
    /// as `diagnostics` sorts them.
    fn violated_findings(&self) -> Vec<(Severity, u32, Diagnostic)> {
        (0..self.rules.len())
            .filter(|&r| self.violated[r])
            .map(|r| {
                let d = self.rule_diagnostic(r);
                (d.severity, self.rules[r].lhs[0], d)
            })
            .collect()
    }

    /// A rule's current findings: its one finding when violated, none when it holds.
    fn rule_findings(&self, r: usize) -> Vec<Diagnostic> {
        if self.violated[r] {
            vec![self.rule_diagnostic(r)]
        } else {
            Vec::new()
        }
    }

    /// Whether rule `r` is violated now.
    fn violates(&self, r: usize) -> bool {
        let rule = &self.rules[r];
        if self.reads_blank_optional(rule) {
            return false;
        }
        let (l, l_blanks, l_bad) = self.side(&rule.lhs);
        let (rs, r_blanks, r_bad) = self.side(&rule.rhs);
        // An unreadable cell has its own error; the rule waits for it.
        if l_bad || r_bad {
            return false;
        }
        if rule.when_filled && l_blanks > 0 {
            return false;
        }
        match rule.relation {
            Relation::Equal => {
                match (l_blanks == 0, r_blanks == 0) {
                    (true, true) => l != rs,
                    // Blanks can only add: a side already larger than the other, with its blanks on the
                    // smaller side... is decided below; a complete side larger than a filled-so-far side
                    // is pending until submit.
                    (true, false) => rs > l || (self.mode == Mode::Submit && rs != l),
                    (false, true) => l > rs || (self.mode == Mode::Submit && rs != l),
                    (false, false) => self.mode == Mode::Submit && rs != l,
                }
            }
            Relation::AtMost => l > rs && r_blanks == 0,
            Relation::AtLeast => l < rs && l_blanks == 0,
            Relation::Implies => l.is_positive() && r_blanks == 0 && rs.is_zero(),
        }
    }

    /// The finding of rule `r`, violated: its cells, their figures, the two sides' sums.
    fn rule_diagnostic(&self, r: usize) -> Diagnostic {
        let rule = &self.rules[r];
        let (l, _, _) = self.side(&rule.lhs);
        let (rs, _, _) = self.side(&rule.rhs);
        let cells = rule.lhs.iter().chain(&rule.rhs).map(|&c| self.ids[c as usize].clone()).collect();
        let detail = Detail::Relation {
            lhs: rule.lhs.iter().map(|&c| self.ids[c as usize].clone()).collect(),
            rhs: rule.rhs.iter().map(|&c| self.ids[c as usize].clone()).collect(),
            lhs_figures: self.figures(&rule.lhs),
            rhs_figures: self.figures(&rule.rhs),
        };
        Diagnostic::new(rule.code, rule.severity, cells, detail).with_figures(rs, l).with_rule(rule.key.clone())
    }

    /// Review: blanks of an Equal rule that holds exactly with them read as 0.
    fn recompute_implied(&mut self) {
        self.implied.iter_mut().for_each(|c| *c = None);
        if self.mode != Mode::Review {
            return;
        }
        // The blanks of the rule at hand, one buffer for every rule of every pass.
        let mut blanks: Vec<u32> = Vec::new();
        // Repeat until nothing changes: a row's blanks read as 0 can complete a column's identity.
        loop {
            let mut changed = false;
            for (r, rule) in self.rules.iter().enumerate() {
                if rule.relation != Relation::Equal || rule.severity != Severity::Error {
                    continue;
                }
                // An optional subtotal left blank says nothing about its rows.
                if self.reads_blank_optional(rule)
                    || (rule.when_filled && rule.lhs.iter().any(|&c| matches!(self.parsed[c as usize], Parsed::Blank)))
                {
                    continue;
                }
                let value = |c: u32| -> Option<Option<Amount>> {
                    match self.slot(c) {
                        Slot::Value(a) => Some(Some(a)),
                        Slot::Blank if self.implied[c as usize].is_some() => Some(Some(Amount::ZERO)),
                        Slot::Blank => Some(None),
                        Slot::Invalid => None,
                    }
                };
                let mut sums = [Amount::ZERO; 2];
                blanks.clear();
                let mut ok = true;
                for (s, side) in [&rule.lhs, &rule.rhs].into_iter().enumerate() {
                    for &c in side {
                        match value(c) {
                            Some(Some(a)) => sums[s] = sums[s] + a,
                            Some(None) => blanks.push(c),
                            None => ok = false,
                        }
                    }
                }
                if ok && !blanks.is_empty() && sums[0] == sums[1] {
                    for &c in &blanks {
                        self.implied[c as usize] = Some(r as u32);
                    }
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
    }

    fn cell_diagnostics(&self, c: usize) -> Vec<Diagnostic> {
        let id = &self.ids[c];
        let cell = self.cells[c];
        let text = &self.texts[c];
        let one = |code: Code, severity: Severity, detail: Detail| {
            vec![Diagnostic::new(code, severity, vec![id.clone()], detail).with_rule(self.cell_keys[c].clone())]
        };
        match &self.parsed[c] {
            Parsed::Blank => {
                if self.optional[c] {
                    return vec![];
                }
                if let Some(r) = self.implied[c] {
                    return one(
                        Code::ImpliedZero,
                        Severity::Info,
                        Detail::ImpliedZero { by: vec![self.rules[r as usize].key.clone()] },
                    );
                }
                let severity = if self.mode == Mode::Submit { Severity::Error } else { Severity::Warning };
                one(Code::Missing, severity, Detail::Blank)
            }
            Parsed::Refused(refusal) => one(
                refusal_code(refusal),
                Severity::Error,
                Detail::Refused { text: text.clone(), refusal: refusal.clone() },
            ),
            Parsed::NotApplicable => vec![],
            Parsed::Number(n) => {
                let mut out = Vec::new();
                if !n.normalizations.is_empty() {
                    out.extend(one(
                        Code::Normalized,
                        Severity::Info,
                        Detail::Normalized { text: text.clone(), normalizations: n.normalizations.clone() },
                    ));
                }
                if matches!(self.form.row(cell).kind, RowKind::Heading) && !self.checked_headings[c] {
                    out.extend(one(Code::HeadingValue, Severity::Info, Detail::Blank));
                }
                out
            }
        }
    }
}

/// Check a report's tables: every cell and every rule of its form.
pub fn check(report: &Report, mode: Mode) -> Vec<Diagnostic> {
    let mut checker = Checker::filled(report, mode);
    checker.recheck_findings();
    checker.into_diagnostics()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn findings_are_put_in_order_as_a_stable_sort_would() {
        // A small generator, so that the cases are the same in every run.
        let mut seed = 0x2545_f491_u32;
        let mut next = move |below: u32| {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            seed % below
        };
        let severities = [Severity::Error, Severity::Warning, Severity::Info];
        for case in 0..200 {
            let places = (case % 12) as u32;
            let items: Vec<(Severity, u32, usize)> = (0..(case % 40))
                .map(|i| {
                    // A cell's place is below the number of places; what the form lacks is `u32::MAX`.
                    let place = if places == 0 || next(8) == 0 { u32::MAX } else { next(places) };
                    (severities[next(3) as usize], place, i)
                })
                .collect();
            let mut sorted = items.clone();
            sorted.sort_by_key(|&(severity, place, _)| (severity, place));
            let expected: Vec<usize> = sorted.into_iter().map(|(_, _, i)| i).collect();
            assert_eq!(in_order(items, places as usize), expected, "case {case}");
        }
    }
}
