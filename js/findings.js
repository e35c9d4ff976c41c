// The page's copy of what the checker found: findings and running totals by key, kept up to date
// from what each keystroke changed (`Checker.edit`), so that a keystroke converts only what it changed and the
// component repaints only the cells those changes concern. A key is a finding's `rule`: `cell:<id>`
// for a cell's own findings, the rule's key for a rule's (and for its running total).

/** Severities in the order the checker lists them (errors first). */
const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 };
/** The place of what the form does not have: last. */
const NOWHERE = Number.MAX_SAFE_INTEGER;

/** A finding's identity across re-checks: the rule that made it, else its code and cells. */
export function keyOf(d) {
  return d.rule ?? `${d.code}:${d.cells.join(',')}`;
}

/**
 * A rule as its findings show it: its code and its cells, left side then right. The form definition
 * lists the rules in the checker's order but without their keys; this is how a finding (or a
 * running total) finds its rule there.
 */
function ruleShape(code, cells) {
  return `${code} ${cells.join(',')}`;
}

export class Findings {
  /**
   * @param {object} def the form definition (`formDefinition(form)`): its cells and its rules give
   *   the order the checker lists findings in
   * @param {(d: object) => boolean} onPage which findings concern the page (the others are not kept)
   */
  constructor(def, onPage) {
    this.onPage = onPage;
    /** cell id → its place in the form, in reading order */
    this.place = new Map();
    for (const table of def.tables) for (const row of table.rows) for (const id of row.cells) this.place.set(id, this.place.size);
    /** a rule's shape → its place among the form's rules (the first, should two look alike) */
    this.ruleOrder = new Map();
    def.rules.forEach((rule, i) => {
      const shape = ruleShape(rule.code, [...rule.lhs, ...rule.rhs]);
      if (!this.ruleOrder.has(shape)) this.ruleOrder.set(shape, i);
    });
    /** rule key → its right side (a sum's children): an update's totals leave them out */
    this.children = new Map(def.rules.map((rule) => [rule.key, rule.rhs]));
    /** key → its findings on this page (never empty) */
    this.found = new Map();
    /** rule key → its running total, while some of its children are filled */
    this.totals = new Map();
    /** cell id → the keys whose findings or total name the cell */
    this.byCell = new Map();
    /** finding → where the checker lists it, computed once */
    this.ranks = new WeakMap();
  }

  /** Replace everything by the whole table's findings and totals (`diagnostics()`, `pending()`). */
  load(diagnostics, pending) {
    this.found.clear();
    this.totals.clear();
    this.byCell.clear();
    for (const [key, list] of this.byKey(diagnostics)) this.found.set(key, list);
    for (const p of pending) if (p.filled > 0) this.totals.set(p.rule, this.ranked(p));
    for (const key of this.keys()) this.index(key, [], this.cellsOf(key));
  }

  /** The findings of this page by key, each ranked (see `compare`). */
  byKey(diagnostics) {
    const found = new Map();
    for (const d of diagnostics) {
      if (!this.onPage(d)) continue;
      const key = keyOf(d);
      if (!found.has(key)) found.set(key, []);
      const list = found.get(key);
      const rule = this.ruleOrder.get(ruleShape(d.code, d.cells));
      // A cell's own findings are no rule's: they come before the rules' at the same place.
      this.ranks.set(d, [SEVERITY_ORDER[d.severity] ?? 3, this.place.get(d.cells[0]) ?? NOWHERE, rule ?? -1, list.length]);
      list.push(d);
    }
    return found;
  }

  /** An update's running total made whole again: the same fields, in the same order, as `pending()` gives. */
  withChildren(p) {
    const { rule, cell, sum, filled, complete } = p;
    return { rule, cell, sum, cells: this.children.get(rule) ?? [], filled, complete };
  }

  /** A running total, ranked by its rule: totals are only made for sums, parent = Σ children. */
  ranked(p) {
    const rule = this.ruleOrder.get(ruleShape('sum-mismatch', [p.cell, ...p.cells]));
    this.ranks.set(p, [0, this.place.get(p.cell) ?? NOWHERE, rule ?? NOWHERE, 0]);
    return p;
  }

  /**
   * Take what changed: the findings of each key in `update.rules` are replaced by the ones it
   * carries, and so are the running totals of each key in `update.totals` (by default the same
   * keys, as a `setCell` result has them; a keystroke's `edit` names the totals it changed apart).
   * Returns the cells those keys concerned before or concern now.
   */
  apply(update) {
    const touched = new Set();
    const found = this.byKey(update.diagnostics);
    const totals = new Map(
      update.pending
        .filter((p) => p.filled > 0)
        .map((p) => [p.rule, this.ranked(this.withChildren(p))]),
    );
    const findingKeys = new Set(update.rules);
    const totalKeys = new Set(update.totals ?? update.rules);
    for (const key of new Set([...findingKeys, ...totalKeys])) {
      const before = this.cellsOf(key);
      if (findingKeys.has(key)) {
        if (found.has(key)) this.found.set(key, found.get(key));
        else this.found.delete(key);
      }
      if (totalKeys.has(key)) {
        if (totals.has(key)) this.totals.set(key, totals.get(key));
        else this.totals.delete(key);
      }
      const after = this.cellsOf(key);
      this.index(key, before, after);
      for (const c of before) touched.add(c);
      for (const c of after) touched.add(c);
    }
    return touched;
  }

  /**
   * The key's findings again, the same ones now with their messages (a page that takes a
   * keystroke's findings without them asks for a key's when it shows them).
   */
  withMessages(key, diagnostics) {
    const found = this.byKey(diagnostics).get(key);
    if (found) this.found.set(key, found);
  }

  /** Every key with findings or a total. */
  keys() {
    return new Set([...this.found.keys(), ...this.totals.keys()]);
  }

  /** The key's findings on this page (empty when it has none). */
  get(key) {
    return this.found.get(key) ?? [];
  }

  /** Whether the key has a finding on this page. */
  has(key) {
    return this.found.has(key);
  }

  /** The rule's running total, or undefined when none of its children is filled. */
  total(key) {
    return this.totals.get(key);
  }

  /** The keys whose findings or total name the cell. */
  keysAt(cell) {
    return this.byCell.get(cell) ?? new Set();
  }

  /** The cells a key's findings and its total name. */
  cellsOf(key) {
    const cells = new Set();
    for (const d of this.get(key)) for (const c of d.cells) cells.add(c);
    const p = this.totals.get(key);
    if (p) for (const c of [p.cell, ...p.cells]) cells.add(c);
    return cells;
  }

  /** Move a key in `byCell` from the cells it named (`before`) to the ones it names now. */
  index(key, before, after) {
    for (const c of before) {
      if (after.has(c)) continue;
      const keys = this.byCell.get(c);
      keys?.delete(key);
      if (keys && !keys.size) this.byCell.delete(c);
    }
    for (const c of after) {
      if (!this.byCell.has(c)) this.byCell.set(c, new Set());
      this.byCell.get(c).add(key);
    }
  }

  /**
   * Compare two findings (or two totals) by where the checker lists them: errors first, then by the
   * place of the first cell, a cell's own findings before the rules', the rules in the form's order;
   * findings of one key keep the order they came in. A cell shows its messages in this order.
   */
  compare(a, b) {
    const x = this.ranks.get(a);
    const y = this.ranks.get(b);
    for (let i = 0; i < x.length; i += 1) if (x[i] !== y[i]) return x[i] - y[i];
    return 0;
  }
}
