// The in-page half of the benchmarks and of the agreement test: the wasm core through its public API
// (the built package, as a portal loads it) and the JavaScript peer (bench/peer.js), side by side in
// one page, alternating. scripts/bench.mjs and tests/e2e/peer.test.mjs drive it through `window.bench`.
//
// Timing. Per-call timing cannot resolve microseconds in a browser (performance.now() is coarsened
// to 5 µs even in a cross-origin-isolated page, 100 µs otherwise). So each keystroke is timed as a
// batch: the cell is typed and taken back (two real keystrokes each time, from the same state) until
// the batch lasts at least `batchUs` (so that the clock's step is at most a few percent of it), and
// the batch's time divided by the number of calls. Each batch is run `tries` times
// and the fastest kept: on a shared machine a batch can lose the CPU to another process for
// milliseconds, which says nothing about either implementation. The median and p95 are over the
// keystrokes of the trace. The single first call of each keystroke is timed too, on the coarse clock,
// to show pauses that batching would average away (GC, tier-up).
import init, { Checker, formDefinition, importReport, validate } from '../pkg/disclosure_report.js';
import initChecker, { Checker as FormChecker } from '../pkg/checker/disclosure_report_checker.js';
import { Keystrokes } from '../pkg/keystrokes.js';
import { PeerChecker, check as peerCheck } from './peer.js';

const SAMPLES = ['2016-liupanshui-seed.txt', 'new-2019-shanghai-bangongting.txt', 'new-2023-shuyang-fagaiju.txt'];

/** Small fast seeded PRNG (mulberry32), so random tables are the same in every run. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const definitions = new Map();
function definition(form) {
  if (!definitions.has(form)) definitions.set(form, formDefinition(form));
  return definitions.get(form);
}

/** The three samples, imported by the wasm importer: `[{ name, form, cells }]`. */
async function samples() {
  const out = [];
  for (const name of SAMPLES) {
    const text = await (await fetch(`/fixtures/${name}`)).text();
    const imported = importReport(text, {});
    if (imported.error) throw new Error(`${name}: ${imported.error}`);
    out.push({ name, form: imported.report.form, cells: imported.report.cells });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Tables to type

/** Rows of Table B (2021) that the total adds up, and the optional subtotal rows over them. */
const B_GROUPS = {
  '3.3': ['3.3.1', '3.3.2', '3.3.3', '3.3.4', '3.3.5', '3.3.6', '3.3.7', '3.3.8'],
  '3.4': ['3.4.1', '3.4.2', '3.4.3'],
  '3.5': ['3.5.1', '3.5.2', '3.5.3', '3.5.4', '3.5.5'],
  '3.6': ['3.6.1', '3.6.2', '3.6.3'],
};
const B_RESULTS = ['3.1', '3.2', ...Object.values(B_GROUPS).flat()];
const APPLICANTS = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other'];

/**
 * A whole Table B of the 2021 form that adds up, every cell filled (the optional subtotals too), with
 * figures like a busy agency's: most cells 0, natural persons in the tens to hundreds.
 */
export function fullTableB(seed = 2021) {
  const next = random(seed);
  const figure = (applicant) => {
    const p = next();
    if (applicant === 'natural') return p < 0.3 ? 0 : Math.floor(next() * (p < 0.8 ? 40 : 400));
    return p < 0.7 ? 0 : Math.floor(next() * (p < 0.95 ? 10 : 60));
  };
  const v = {};
  const set = (row, column, n) => {
    v[`B:${row}:${column}`] = n;
  };
  const get = (row, column) => v[`B:${row}:${column}`];
  const totals = (row) => {
    set(row, 'legal_subtotal', APPLICANTS.slice(1).reduce((s, a) => s + get(row, a), 0));
    set(row, 'total', APPLICANTS.reduce((s, a) => s + get(row, a), 0));
  };
  for (const row of B_RESULTS) {
    for (const a of APPLICANTS) set(row, a, figure(a));
    totals(row);
  }
  const columns = [...APPLICANTS, 'legal_subtotal', 'total'];
  const sumRows = (row, rows) => {
    for (const c of columns) set(row, c, rows.reduce((s, r) => s + get(r, c), 0));
  };
  for (const [row, rows] of Object.entries(B_GROUPS)) sumRows(row, rows);
  sumRows('3.7', B_RESULTS);
  // 1 + 2 = 3.7 + 4: carried over from last year (2) and to next year (4) chosen, new (1) follows.
  for (const a of APPLICANTS) {
    const done = get('3.7', a);
    set('4', a, Math.floor(next() * (done / 10 + 1)));
    set('2', a, Math.min(done + get('4', a), Math.floor(next() * (done / 10 + 1))));
    set('1', a, done + get('4', a) - get('2', a));
  }
  for (const row of ['1', '2', '4']) totals(row);
  const def = definition('2021');
  const cells = {};
  for (const row of def.tables.find((t) => t.id === 'B').rows) {
    for (const id of row.cells) cells[id] = String(v[id]);
  }
  return cells;
}

/**
 * The keystrokes of typing `cells` into an empty form in reading order, one character at a time:
 * `[{ id, before, after }]`.
 */
export function keystrokesOf(form, cells) {
  const out = [];
  for (const table of definition(form).tables) {
    for (const row of table.rows) {
      for (const id of row.cells) {
        const text = cells[id];
        if (!text) continue;
        let typed = '';
        for (const ch of text) {
          out.push({ id, before: typed, after: typed + ch });
          typed += ch;
        }
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Measuring

function quantile(sorted, q) {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

export function stats(values) {
  const s = [...values].sort((a, b) => a - b);
  return { n: s.length, min: s[0], median: quantile(s, 0.5), p95: quantile(s, 0.95), max: s[s.length - 1] };
}

/** Time `repeat` calls of `fn` (µs per call). */
function perCall(fn, repeat) {
  const t0 = performance.now();
  for (let i = 0; i < repeat; i += 1) fn();
  return ((performance.now() - t0) * 1000) / repeat;
}

/** How many calls of `fn` (an even number) last at least `batchUs`. */
function batchSize(fn, batchUs) {
  let n = 2;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < n; i += 1) fn();
    if ((performance.now() - t0) * 1000 >= batchUs || n >= 1 << 16) return n;
    n *= 2;
  }
}

/**
 * The keystroke protocol as the component uses it (js/component.js, `setCell`, through the same
 * js/keystrokes.js): the form page's checker's `edit`, and only when it answers more than 0, the
 * keys and totals it changed read from the views of its memory and the findings of the changed keys
 * that have some asked for, without their messages (the component makes a message when it shows
 * its finding). `messages: true` asks for every one with its message, as the peer makes them: the
 * most a keystroke can cost, every changed finding shown at once.
 */
class EditProtocol {
  constructor(form, options, messages = false) {
    this.checker = new FormChecker(form, options);
    this.keystrokes = new Keystrokes(this.checker, definition(form));
    this.messages = messages;
  }

  setCell(id, text) {
    const change = this.keystrokes.type(id, text);
    if (!change) return null;
    const { names, cells } = this.keystrokes;
    const pending = change.totals.map(({ rule, sum, filled }) => ({ rule: names[cells + rule], sum, filled }));
    return { rules: change.keys.map((k) => names[k]), diagnostics: this.keystrokes.findings(change, this.messages), pending };
  }

  free() {
    this.checker.free();
  }
}

/**
 * Type `cells` into a fresh wasm checker and a fresh peer, keystroke by keystroke, alternating
 * which goes first. Returns µs per keystroke for each, per keystroke of the trace. `protocol`:
 * `'edit'`, the keystroke protocol of the form page's checker (`EditProtocol`), `'edit-messages'`,
 * the same with every changed finding's message made, or `'setCell'`, the whole API's
 * `Checker.setCell` (its findings and totals as one JSON result every time).
 */
export function keystrokes({ form, cells, mode = 'filling', batchUs = 200, tries = 3, warmup = true, protocol = 'setCell' }) {
  const def = definition(form);
  const trace = keystrokesOf(form, cells);
  const make = () =>
    protocol === 'setCell' ? new Checker(form, { mode }) : new EditProtocol(form, { mode }, protocol === 'edit-messages');
  if (warmup) {
    // One untimed pass each, so that both run optimised code (JIT tiers, wasm tier-up) when timed.
    const w = make();
    const p = new PeerChecker(def, { mode });
    for (const k of trace) {
      w.setCell(k.id, k.after);
      p.setCell(k.id, k.after);
    }
    w.free();
  }
  const wasm = make();
  const peer = new PeerChecker(def, { mode });
  const out = { wasm: [], js: [], wasmSingle: [], jsSingle: [], keystrokes: trace.length };
  // Keystrokes the protocol answered with more than 0 (the first call of each).
  let answered = 0;
  // … and of those, the ones that changed some key's findings (asked for, with their messages).
  let withFindings = 0;
  const one = (checker, k, times, single) => {
    const t0 = performance.now();
    const answer = checker.setCell(k.id, k.after);
    single.push((performance.now() - t0) * 1000);
    if (checker === wasm && answer !== null) answered += 1;
    if (checker === wasm && answer?.rules?.length) withFindings += 1;
    let flip = false;
    const call = () => {
      flip = !flip;
      checker.setCell(k.id, flip ? k.before : k.after);
    };
    // An even number of calls leaves the cell as typed.
    const n = batchSize(call, batchUs);
    let best = Infinity;
    for (let t = 0; t < tries; t += 1) best = Math.min(best, perCall(call, n));
    times.push(best);
  };
  trace.forEach((k, i) => {
    if (i % 2 === 0) {
      one(wasm, k, out.wasm, out.wasmSingle);
      one(peer, k, out.js, out.jsSingle);
    } else {
      one(peer, k, out.js, out.jsSingle);
      one(wasm, k, out.wasm, out.wasmSingle);
    }
  });
  if (protocol === 'edit') {
    out.answeredMoreThanZero = answered;
    out.changedFindings = withFindings;
  }
  wasm.free();
  return out;
}

/**
 * A whole report's table check, wasm (`validate`, the public full check) and the peer, in
 * alternating batches; µs per check for each batch.
 */
export function fullChecks({ form, cells, mode = 'review', rounds = 15, batch = 20 }) {
  const def = definition(form);
  const report = { format: 'disclosure-report', version: 1, form, cells };
  const wasm = () => validate(report, { mode });
  const js = () => peerCheck(def, cells, { mode });
  for (let i = 0; i < 3; i += 1) {
    wasm();
    js();
  }
  const out = { wasm: [], js: [] };
  for (let r = 0; r < rounds; r += 1) {
    if (r % 2 === 0) {
      out.wasm.push(perCall(wasm, batch));
      out.js.push(perCall(js, batch));
    } else {
      out.js.push(perCall(js, batch));
      out.wasm.push(perCall(wasm, batch));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Agreement

/** What both must agree on, in order: code, severity, cells, figures, rule. */
function essence(d) {
  return {
    code: d.code,
    severity: d.severity,
    cells: d.cells,
    expected: d.expected ?? null,
    actual: d.actual ?? null,
    rule: d.rule ?? null,
  };
}

/** The table findings of a report's cells, wasm `Checker` and peer (cells the form lacks left out). */
export function bothCheck(form, cells, mode) {
  const def = definition(form);
  const ids = new Set(def.tables.flatMap((t) => t.rows.flatMap((r) => r.cells)));
  const known = Object.fromEntries(Object.entries(cells).filter(([id]) => ids.has(id)));
  const wasm = new Checker(form, { mode });
  for (const [id, text] of Object.entries(known)) wasm.setCell(id, text);
  const fromWasm = wasm.diagnostics().map(essence);
  wasm.free();
  return { wasm: fromWasm, js: peerCheck(def, known, { mode }).map(essence) };
}

/** Texts a clerk might type, weighted towards what makes rules hold, fail and wait. */
const ODD_TEXTS = ['', '', '/', '0', '１２', '3件', '1,234', '12,34', '1O', '-2', '+3', '2.5', '2.50', '251000元', '3万元', ' 7 ', '22（其中修订16件）', '1.2.3', '--1', '无', '5人次', '1e3'];

/** A random filling of a form: small figures (so that identities sometimes hold), blanks, odd texts. */
export function randomCells(form, seed) {
  const next = random(seed);
  const cells = {};
  for (const table of definition(form).tables) {
    for (const row of table.rows) {
      for (const id of row.cells) {
        const p = next();
        if (p < 0.2) continue;
        if (p < 0.35) cells[id] = ODD_TEXTS[Math.floor(next() * ODD_TEXTS.length)];
        else cells[id] = String(Math.floor(next() * (p < 0.8 ? 3 : 30)));
      }
    }
  }
  return cells;
}

/**
 * The same random keystrokes (set a random cell to a random text) into both, in `mode`; every
 * update and the final findings compared. Returns the first disagreement, or null.
 */
export function bothType(form, seed, steps, mode) {
  const next = random(seed);
  const def = definition(form);
  const ids = def.tables.flatMap((t) => t.rows.flatMap((r) => r.cells));
  const wasm = new Checker(form, { mode });
  const peer = new PeerChecker(def, { mode });
  try {
    for (let i = 0; i < steps; i += 1) {
      const id = ids[Math.floor(next() * ids.length)];
      const p = next();
      const text = p < 0.3 ? ODD_TEXTS[Math.floor(next() * ODD_TEXTS.length)] : String(Math.floor(next() * (p < 0.8 ? 3 : 30)));
      const a = wasm.setCell(id, text);
      const b = peer.setCell(id, text);
      const left = JSON.stringify({ rules: a.rules, diagnostics: a.diagnostics.map(essence) });
      const right = JSON.stringify({ rules: b.rules, diagnostics: b.diagnostics.map(essence) });
      if (left !== right) return { step: i, id, text, wasm: left, js: right };
    }
    const left = JSON.stringify(wasm.diagnostics().map(essence));
    const right = JSON.stringify(peer.diagnostics().map(essence));
    if (left !== right) return { step: 'final', wasm: left, js: right };
    const pendingLeft = JSON.stringify(wasm.pending());
    const pendingRight = JSON.stringify(peer.pending());
    if (pendingLeft !== pendingRight) return { step: 'pending', wasm: pendingLeft, js: pendingRight };
    return null;
  } finally {
    wasm.free();
  }
}

await Promise.all([init(), initChecker()]);

window.bench = {
  samples,
  fullTableB,
  keystrokesOf,
  keystrokes,
  fullChecks,
  bothCheck,
  bothType,
  randomCells,
  stats,
  definition,
  isolated: () => self.crossOriginIsolated === true,
};
document.documentElement.dataset.ready = 'true';
