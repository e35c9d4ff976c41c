// The JavaScript peer of the benchmarks (bench/peer.js) and the wasm core agree: the same findings
// (code, severity, cells, figures, rule key, in the same order) on the three samples and on seeded
// random tables in every mode, and the same update for every keystroke of seeded random typing. A
// benchmark against a peer that does less would flatter the peer; this keeps it honest, and fails
// when either side's rules change without the other.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from './harness.mjs';
import { openBench } from '../../bench/page.mjs';

const MODES = ['filling', 'submit', 'review'];
const FORMS = ['2016', '2019', '2021', '2016-fj'];

let env;
let page;
before(async () => {
  env = await setup();
  page = await openBench(env.browser, env.url);
});
after(async () => {
  await page?.context().close();
  await env.close();
});

test('both give the same findings on the three samples, in every mode', async () => {
  const results = await page.evaluate(async (modes) => {
    const out = [];
    for (const sample of await window.bench.samples()) {
      for (const mode of modes) out.push({ name: sample.name, mode, ...window.bench.bothCheck(sample.form, sample.cells, mode) });
    }
    return out;
  }, MODES);
  assert.equal(results.length, 9);
  for (const r of results) {
    assert.ok(r.wasm.length > 0, `${r.name} (${r.mode}): the wasm core finds something to compare`);
    assert.deepEqual(r.js, r.wasm, `${r.name} (${r.mode})`);
  }
  // The samples exercise more than one kind of finding, so the agreement is not trivial.
  const codes = new Set(results.flatMap((r) => r.wasm.map((d) => d.code)));
  assert.ok(codes.size >= 3, `codes seen: ${[...codes].join(', ')}`);
});

test('both give the same findings on seeded random tables of every form, in every mode', async () => {
  const results = await page.evaluate(
    ({ forms, modes }) => {
      const out = [];
      for (const form of forms) {
        for (const mode of modes) {
          for (let seed = 1; seed <= 8; seed += 1) {
            const cells = window.bench.randomCells(form, seed * 7919 + form.length);
            out.push({ form, mode, seed, ...window.bench.bothCheck(form, cells, mode) });
          }
        }
      }
      return out;
    },
    { forms: FORMS, modes: MODES },
  );
  const codes = new Set();
  for (const r of results) {
    assert.deepEqual(r.js, r.wasm, `form ${r.form}, ${r.mode}, seed ${r.seed}`);
    for (const d of r.wasm) codes.add(d.code);
  }
  // Random tables reach refusals, blanks, broken identities and implied zeros alike.
  for (const code of ['missing', 'sum-mismatch', 'invalid-number', 'normalized', 'implied-zero']) {
    assert.ok(codes.has(code), `random tables produce ${code}`);
  }
});

test('both give the same update for every keystroke of seeded random typing', async () => {
  const disagreements = await page.evaluate(
    ({ forms, modes }) => {
      const out = [];
      for (const form of forms) {
        for (const mode of modes) {
          const d = window.bench.bothType(form, 4242 + form.length, 400, mode);
          if (d) out.push({ form, mode, ...d });
        }
      }
      return out;
    },
    { forms: FORMS, modes: MODES },
  );
  assert.deepEqual(disagreements, []);
});

test('the peer reads values as the wasm parser does', async () => {
  const mismatches = await page.evaluate(async () => {
    const { parseValue } = await import('/pkg/disclosure_report.js');
    const peer = await import('/bench/peer.js');
    const texts = ['645', '６４５条', '1,234', '1，234', '12,34', '1O', '-3', '+3', '2.5', '160.5964', '1.00001', '251000元',
      '25.1万元', '5人次', ' 7 ', '7\u200b', '22（其中修订16件）', '1.2.3', '--1', '3-', '/', '—', '无', '', '   ', '1e3',
      '99999999999999', '1000000000000', '0.0', '-0', '元', '3万元'];
    const out = [];
    for (const kind of ['count', 'money', 'signed']) {
      for (const text of texts) {
        const w = parseValue(text, kind);
        const p = peer.parseValue(text, kind);
        const norm = (x) => x.state === 'number'
          ? { state: 'number', amount: 'units' in x ? peer.toAmount(x.units) : x.amount, normalizations: x.normalizations }
          : x.state === 'refused' ? { state: 'refused', reason: x.reason, found: x.found, unit: x.unit } : { state: x.state };
        if (JSON.stringify(norm(w)) !== JSON.stringify(norm(p))) out.push({ kind, text, wasm: norm(w), js: norm(p) });
      }
    }
    return out;
  });
  assert.deepEqual(mismatches, []);
});
