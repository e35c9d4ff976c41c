// The keystroke protocol, the page's side (used by the component, and by the benchmarks as the
// component uses it): each cell's number, the text last sent for it (the same text again is not
// sent: nothing to encode), and the checker's change record and running totals read from views of
// its memory, made once and again only when the memory has grown (which empties them). The record
// says how many findings each changed key has now, so a key whose findings went is never asked for,
// and the code and severity of a key's one finding, which is placed from them without asking: its
// cells are the key's own (a cell's, or its rule's two sides, from the form definition).

const SEVERITIES = ['error', 'warning', 'info'];

export class Keystrokes {
  /**
   * @param {object} checker a `Checker` of the form page's checker module
   * @param {object} def its form's definition (`formDefinition(form)`)
   */
  constructor(checker, def) {
    this.checker = checker;
    this.codes = checker.codes();
    /** every key's name: `cell:<id>` for each cell, then each rule's key */
    this.names = checker.keys();
    /** key name → its number */
    this.key = new Map(this.names.map((name, k) => [name, k]));
    /** cell id → its number (its key) */
    this.number = new Map();
    for (const [k, name] of this.names.entries()) if (name.startsWith('cell:')) this.number.set(name.slice(5), k);
    /** how many keys are cells' (rule `r` is key `cells + r`) */
    this.cells = this.number.size;
    this.sent = new Array(this.cells).fill('');
    /** each key's cells, as its findings name them */
    const sides = new Map(def.rules.map((rule) => [rule.key, [...rule.lhs, ...rule.rhs]]));
    this.cellsOf = this.names.map((name, k) => (k < this.cells ? [name.slice(5)] : sides.get(name) ?? []));
    this.record = null;
    this.totals = null;
  }

  /**
   * Cell `id` now holds `text`. `null` when nothing changed (or the form has no such cell); else
   * `{ keys, found, totals }`: the keys whose findings changed, how many findings each has now
   * (`found[i]` is `keys[i]`'s), and each rule whose running total changed as `{ rule, sum, filled }`
   * (`rule` its number among the rules).
   */
  type(id, text) {
    const cell = this.number.get(id);
    if (cell === undefined || this.sent[cell] === text) return null;
    this.sent[cell] = text;
    if (this.checker.edit(cell, text) === 0) return null;
    if (!this.record || this.record.length === 0 || this.totals.length === 0) {
      this.record = this.checker.record();
      this.totals = this.checker.totals();
    }
    const { record, totals } = this;
    const keys = Array.from(record.subarray(2, 2 + record[0]));
    const at = 2 + this.names.length;
    const counts = at + this.names.length - this.cells;
    const found = Array.from(record.subarray(counts, counts + record[0]));
    const codes = counts + this.names.length;
    const severities = codes + this.names.length;
    const kinds = found.map((n, i) => (n === 1 ? [record[codes + i], record[severities + i]] : null));
    const changed = [];
    for (let i = at; i < at + record[1]; i += 1) {
      const rule = record[i];
      changed.push({ rule, sum: totals[2 * rule], filled: totals[2 * rule + 1] });
    }
    return { keys, found, kinds, totals: changed };
  }

  /**
   * The findings of the keys a change named, each key asked for only when it has some: with their
   * messages, or (`messages` false) placed only, `message` empty and without the detail, for a page
   * that makes a message only when it shows the finding (`findingsOf(key)` again then). A key's
   * one finding is placed from the record without asking.
   */
  findings(change, messages = true) {
    const out = [];
    change.keys.forEach((k, i) => {
      const kind = change.kinds[i];
      if (!messages && kind) {
        const [code, severity] = kind;
        out.push({ code: this.codes[code], severity: SEVERITIES[severity], cells: this.cellsOf[k].slice(), message: '', rule: this.names[k] });
      } else if (change.found[i]) {
        for (const d of this.checker.findingsOf(k, messages)) out.push(d);
      }
    });
    return out;
  }
}
