// Node's half of the benchmarks: `validate` (and a text import) through the package's API, with the
// .wasm given, in a process of its own (one wasm instance per process, as a server has).
//
//   node bench/node.mjs <file.wasm> [--rounds N]
//
// Prints JSON: per round, µs per call (batches of calls timed with the monotonic clock, the fastest
// of three batches kept per round). scripts/bench.mjs runs it with each of the package's two .wasm
// files, alternately, in fresh processes.
import { readFileSync } from 'node:fs';
import { initSync, importReport, validate, formDefinition } from '../pkg/disclosure_report.js';
import { check as peerCheck } from './peer.js';

const args = process.argv.slice(2);
const wasm = args[0];
const rounds = args.includes('--rounds') ? Number(args[args.indexOf('--rounds') + 1]) : 15;
initSync({ module: readFileSync(wasm) });

const text = readFileSync(new URL('../tests/fixtures/new-2023-shuyang-fagaiju.txt', import.meta.url), 'utf8');
const imported = importReport(text, {});
if (imported.error) throw new Error(`the 2021 sample: ${imported.error}`);
// The whole report (tables and narrative), as the native full check; and its tables alone, as the
// browser's side-by-side full check sends them.
const report = imported.report;
const table = { format: 'disclosure-report', version: 1, form: report.form, cells: report.cells };
const options = { mode: 'review' };

/** µs per call of `f`: batches of at least 20 ms, the fastest of three. */
function perCall(f) {
  let n = 1;
  for (;;) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i += 1) f();
    const ns = Number(process.hrtime.bigint() - t0);
    if (ns >= 20e6) break;
    n *= 2;
  }
  let best = Infinity;
  for (let t = 0; t < 3; t += 1) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i += 1) f();
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / n / 1000);
  }
  return best;
}

const def = formDefinition(report.form);
const work = {
  fullUs: () => validate(report, options),
  tableUs: () => validate(table, options),
  importUs: () => importReport(text, {}),
  // The JavaScript peer's check of the same tables, in the same process: the Node side of
  // full_check_ratio_wasm_over_js.
  peerTableUs: () => peerCheck(def, table.cells, options),
};
for (const f of Object.values(work)) for (let i = 0; i < 50; i += 1) f();
const out = Object.fromEntries(Object.keys(work).map((k) => [k, []]));
for (let r = 0; r < rounds; r += 1) for (const [k, f] of Object.entries(work)) out[k].push(perCall(f));
console.log(JSON.stringify(out));
