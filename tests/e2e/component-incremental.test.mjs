// The component renders incrementally: a keystroke goes to the form page's checker through the
// keystroke protocol (`Checker.edit` answers how many keys it changed; the change record, read from
// a view of the checker's memory with the running totals, places a changed key's one finding, and
// a message is asked for only when its finding is shown) and repaints the cells those name, without
// converting the whole table's findings
// (`diagnostics()`) or totals (`pending()`). What the clerk sees is the same as a
// full render would show: checked here against one (a language switch repaints every cell).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from './harness.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

const cell = (page, id) => page.locator(`input[data-cell="${id}"]`);
const ROW = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other'];

/** Count the calls the page's checker gets, by method, from now on (the component's own included). */
async function countCalls(page) {
  await page.evaluate(async () => {
    // The same module the demo page imported: its Checker class is the component's.
    const { Checker } = await import('/pkg/checker/disclosure_report_checker.js');
    window.__calls = { diagnostics: 0, pending: 0, edit: 0, findingsOf: 0, record: 0, totals: 0 };
    window.__keysChanged = 0;
    window.__keysWithSeveral = 0;
    window.__placedAsked = 0;
    const record = Checker.prototype.record;
    for (const name of Object.keys(window.__calls)) {
      const original = Checker.prototype[name];
      if (!original) continue;
      Checker.prototype[name] = function counted(...args) {
        window.__calls[name] += 1;
        if (name === 'findingsOf' && args[1] === false) window.__placedAsked += 1;
        const result = original.apply(this, args);
        // The change record (read apart from the component's own views, which are counted): how
        // many keys' findings the edit changed, and how many of them have more than one finding now
        // (which the record cannot place).
        if (name === 'edit') {
          const r = record.call(this);
          window.__keysChanged += r[0];
          const keys = this.keys().length;
          const counts = 2 + keys + (keys - this.keys().filter((k) => k.startsWith('cell:')).length);
          for (let i = 0; i < r[0]; i += 1) if (r[counts + i] > 1) window.__keysWithSeveral += 1;
        }
        return result;
      };
    }
  });
}

const calls = (page) =>
  page.evaluate(() => ({
    ...window.__calls,
    changedKeys: window.__keysChanged,
    keysWithSeveral: window.__keysWithSeveral,
    placedAsked: window.__placedAsked,
  }));

/** The codes of the messages beside a cell. */
function codesBeside(page, id) {
  return cell(page, id).evaluate((el) => [...el.parentElement.querySelectorAll('.dr-slot .dr-message')].map((m) => m.dataset.code));
}

/** The running total beside a cell (its data-sum), or null. */
function totalBeside(page, id) {
  return cell(page, id).evaluate((el) => el.parentElement.querySelector('.dr-slot .dr-total')?.dataset.sum ?? null);
}

/** Everything the component shows about every cell: its note, and the input's ARIA state. */
function screen(page) {
  return page.locator('input[data-cell]').evaluateAll((els) => els.map((el) => {
    const slot = el.parentElement.querySelector('.dr-slot');
    return {
      cell: el.dataset.cell,
      describedBy: el.getAttribute('aria-describedby'),
      invalid: el.getAttribute('aria-invalid'),
      error: el.classList.contains('dr-input--error'),
      note: slot && !slot.hidden ? slot.innerHTML : '',
    };
  }));
}

/**
 * Retype a cell from the keyboard. Focus moves by script, not by a click: a click defers what
 * leaving a cell shows until the pointer is released (the component's guard for the submit button),
 * and the assertions here read the page at once.
 */
async function retype(page, id, text) {
  const input = cell(page, id);
  await input.focus();
  await input.press('Control+A');
  if (text) await input.pressSequentially(text);
  else await input.press('Backspace');
}

test('typing converts only what changed, and shows and clears errors and running totals', async () => {
  const page = await env.page('/form-2021.html');
  await page.evaluate(() => localStorage.clear());
  await countCalls(page);

  // A wrong value: nothing while typing, the error once left, gone with the keystroke that fixes it.
  await retype(page, 'B:2:natural', '1O');
  assert.deepEqual(await codesBeside(page, 'B:2:natural'), [], 'nothing is said while typing');
  await cell(page, 'B:2:natural').press('Tab');
  assert.deepEqual(await codesBeside(page, 'B:2:natural'), ['invalid-number']);
  assert.equal(await cell(page, 'B:2:natural').getAttribute('aria-invalid'), 'true');
  await retype(page, 'B:2:natural', '0');
  assert.deepEqual(await codesBeside(page, 'B:2:natural'), [], 'cleared while the cursor is still in the field');
  assert.equal(await cell(page, 'B:2:natural').getAttribute('aria-invalid'), null);

  // A row filled anew: its running total beside the row's total, following each keystroke.
  for (const column of ROW) await retype(page, `B:3.3.1:${column}`, '');
  assert.equal(await totalBeside(page, 'B:3.3.1:total'), null, 'no child filled, no total');
  await retype(page, 'B:3.3.1:natural', '5');
  assert.equal(await totalBeside(page, 'B:3.3.1:total'), '5');
  await retype(page, 'B:3.3.1:commercial', '7');
  assert.equal(await totalBeside(page, 'B:3.3.1:total'), '12');
  await retype(page, 'B:3.3.1:commercial', '');
  assert.equal(await totalBeside(page, 'B:3.3.1:total'), '5', 'a child emptied leaves the total');

  // The group complete and left, off by 5 from its total of 0: the total gives way to the error.
  for (const column of ROW.slice(1)) await retype(page, `B:3.3.1:${column}`, '0');
  await cell(page, 'B:3.3.1:other').press('Tab');
  await cell(page, 'B:4:natural').focus();
  assert.deepEqual(await codesBeside(page, 'B:3.3.1:total'), ['sum-mismatch']);
  assert.equal(await totalBeside(page, 'B:3.3.1:total'), null);
  await retype(page, 'B:3.3.1:total', '5');
  assert.deepEqual(await codesBeside(page, 'B:3.3.1:total'), [], 'fixed: gone at once');

  const counted = await calls(page);
  assert.ok(counted.edit >= 15, `every keystroke that changed a text went to the checker (${counted.edit} calls)`);
  // The protocol's point: a keystroke crosses as a number (the change record and the running totals
  // are read from the checker's memory); a changed key's one finding is placed from the record, and
  // only a key with several is asked for, without messages. A message is asked for when its finding
  // is shown: here the invalid number once left, and the sum's mismatch once shown and while it
  // stays shown as the total is retyped; not for each of the keys the typing changed.
  assert.ok(counted.changedKeys >= 15, `keys changed: ${counted.changedKeys}`);
  assert.equal(counted.placedAsked, counted.keysWithSeveral, `placed findings asked for: ${counted.placedAsked}`);
  const messaged = counted.findingsOf - counted.placedAsked;
  assert.ok(messaged >= 2 && messaged <= 4, `messages asked for: ${messaged} (keys changed: ${counted.changedKeys})`);
  // The change record and the totals are read from views of the checker's memory made once (again
  // only if the memory grew), not asked for on each keystroke.
  assert.ok(counted.record <= 3 && counted.totals <= 3, `views made: ${counted.record} and ${counted.totals} for ${counted.edit} keystrokes`);
  assert.equal(counted.diagnostics, 0, 'no keystroke converted the whole table\'s findings');
  assert.equal(counted.pending, 0, 'no keystroke converted every running total');
  await page.context().close();
});

test('after a run of edits the page shows exactly what a full render shows', async () => {
  const page = await env.page('/form-2021.html');
  await page.evaluate(() => localStorage.clear());
  await countCalls(page);
  // Errors left standing, a wrong sum, running totals in rows and columns, an offer.
  await retype(page, 'B:1:commercial', '2x');
  await retype(page, 'B:3.1:natural', '');
  await retype(page, 'B:3.1:commercial', '');
  await retype(page, 'B:3.1:research', '4');
  await retype(page, 'B:3.2:total', '9');
  await retype(page, 'B:3.3.2:legal', '－3');
  await retype(page, 'B:3.4.1:other', '１２');
  await cell(page, 'B:3.4.1:other').press('Tab');
  await retype(page, 'B:2:total', '');
  // The balance of the first column (26 + 0 = 99 + a blank) is wrong whatever the blank holds; it
  // waits while the clerk is in one of its cells, and shows once they leave, even a cell left blank.
  await retype(page, 'B:4:natural', '');
  await retype(page, 'B:3.7:natural', '99');
  await cell(page, 'B:4:natural').focus();
  assert.deepEqual(await codesBeside(page, 'B:1:natural'), []);
  await cell(page, 'B:4:total').focus();
  assert.deepEqual(await codesBeside(page, 'B:1:natural'), ['balance-mismatch']);
  const incremental = await screen(page);
  assert.ok(incremental.some((c) => c.note.includes('dr-total')), 'some running total is on screen');
  assert.ok(incremental.some((c) => c.note.includes('dr-offer')), 'an offer is on screen');
  assert.deepEqual(await calls(page).then((c) => [c.diagnostics, c.pending]), [0, 0]);

  // The same language again: the whole table is read again and every cell repainted.
  await page.evaluate(() => document.getElementById('lang').dispatchEvent(new Event('change')));
  assert.deepEqual(await calls(page).then((c) => [c.diagnostics, c.pending]), [1, 1], 'one whole-table read');
  assert.deepEqual(await screen(page), incremental);
  await page.context().close();
});

test('findings kept from each setCell equal a whole-table read, in the checker\'s order', async () => {
  const page = await env.page('/form-2021.html');
  const problems = await page.evaluate(async () => {
    const api = await import('/pkg/index.js');
    // The package's functions after init() (the page's component loads the whole API on its own time).
    await api.init();
    const { Findings } = await import('/pkg/findings.js');
    let seed = 2021;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const TEXTS = ['', '', '0', '1', '5', '12', '3.5', '-3', 'x', '１２', '/', '100'];
    const pick = (list) => list[Math.floor(random() * list.length)];
    const found = [];
    const flat = (findings, key) => JSON.stringify([findings.get(key), findings.total(key) ?? null]);
    for (const form of ['2016', '2019', '2021']) {
      const def = api.formDefinition(form);
      const ids = def.tables.flatMap((t) => t.rows.flatMap((r) => r.cells));
      for (let round = 0; round < 40; round += 1) {
        const checker = new api.Checker(form, { mode: round % 4 ? 'filling' : 'submit' });
        for (const id of ids) if (random() < 0.8) checker.setCell(id, pick(TEXTS));
        const kept = new Findings(def, () => true);
        const all = checker.diagnostics();
        kept.load(all, checker.pending());
        // The order a cell's messages are shown in is the checker's.
        const sorted = [...all].sort((a, b) => kept.compare(a, b));
        if (sorted.some((d, i) => d !== all[i])) found.push(`${form}#${round}: order`);
        for (let k = 0; k < 30; k += 1) kept.apply(checker.setCell(pick(ids), pick(TEXTS)));
        const read = new Findings(def, () => true);
        read.load(checker.diagnostics(), checker.pending());
        const keys = [...read.keys()].sort();
        if (JSON.stringify([...kept.keys()].sort()) !== JSON.stringify(keys)) found.push(`${form}#${round}: keys`);
        for (const key of keys) if (flat(kept, key) !== flat(read, key)) found.push(`${form}#${round}: ${key}`);
        for (const id of ids) {
          if ([...kept.keysAt(id)].sort().join() !== [...read.keysAt(id)].sort().join()) found.push(`${form}#${round}: cell ${id}`);
        }
        checker.free();
      }
    }
    return found;
  });
  assert.deepEqual(problems, []);
  await page.context().close();
});
