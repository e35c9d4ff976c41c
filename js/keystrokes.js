// The keystroke protocol, the page's side (used by the component, and by the benchmarks as the
// component uses it): each cell's number, the text last sent for it (the same text again is not
// sent: nothing to encode), and the checker's change record and running totals read from views of
// its memory, made once and again only when the memory has grown (which empties them).

export class Keystrokes {
  /** @param {object} checker a `Checker` of the form page's checker module */
  constructor(checker) {
    this.checker = checker;
    /** every key's name: `cell:<id>` for each cell, then each rule's key */
    this.names = checker.keys();
    /** cell id → its number (its key) */
    this.number = new Map();
    for (const [k, name] of this.names.entries()) if (name.startsWith('cell:')) this.number.set(name.slice(5), k);
    /** how many keys are cells' (rule `r` is key `cells + r`) */
    this.cells = this.number.size;
    this.sent = new Array(this.cells).fill('');
    this.record = null;
    this.totals = null;
  }

  /**
   * Cell `id` now holds `text`. `null` when nothing changed (or the form has no such cell); else
   * `{ keys, totals }`: the keys whose findings changed, and each rule whose running total changed
   * as `{ rule, sum, filled }` (`rule` its number among the rules).
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
    const changed = [];
    for (let i = at; i < at + record[1]; i += 1) {
      const rule = record[i];
      changed.push({ rule, sum: totals[2 * rule], filled: totals[2 * rule + 1] });
    }
    return { keys, totals: changed };
  }
}
