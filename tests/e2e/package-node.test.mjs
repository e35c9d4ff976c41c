// The third way in, Node: a portal's server script (tests/consumers/node) with the packed tarball
// installed, re-checking uploads with `import { validate } from 'disclosure-report'`; and the
// package's Node entry as a whole: the same API as the browser's, ready on import.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { ROOT, pack, install, copyConsumer } from '../consumers/support.mjs';

const run = promisify(execFile);

let packed;
let project;
let sample;

before(async () => {
  packed = await pack();
  project = await copyConsumer('node', join(packed.dir, 'portal-upload-check'));
  await install(packed.tarball, project);
  // An upload as the page makes it: the sample report in the project's JSON format. The repo's
  // own build reads it; the package under test only sees the JSON.
  const { importReport } = await import(pathToFileURL(join(ROOT, 'pkg', 'node.js')).href);
  const text = await readFile(join(ROOT, 'tests', 'fixtures', '2016-liupanshui-seed.txt'), 'utf8');
  sample = importReport(text).report;
});
after(async () => {
  if (packed) await rm(packed.dir, { recursive: true, force: true });
});

/** Run the consumer's script on an upload; resolves to its exit code and its one line of JSON. */
async function checkUpload(body) {
  const file = join(project, 'upload.json');
  await writeFile(file, body);
  try {
    const { stdout } = await run(process.execPath, ['check-upload.mjs', file], { cwd: project });
    return { code: 0, verdict: JSON.parse(stdout) };
  } catch (error) {
    if (typeof error.code !== 'number' || !error.stdout) throw new Error(`check-upload.mjs failed: ${error.stderr}`);
    return { code: error.code, verdict: JSON.parse(error.stdout) };
  }
}

test('the tarball holds every file the exports map names, the licences and the changelog', async () => {
  const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));
  const targets = Object.values(pkg.exports).flatMap((t) => (typeof t === 'string' ? [t] : Object.values(t)));
  const files = new Set(packed.info.files.map((f) => f.path));
  for (const target of [...targets, pkg.main, pkg.types]) {
    assert.ok(files.has(target.replace(/^\.\//, '')), `${target} is in the tarball`);
  }
  for (const file of ['README.md', 'CHANGELOG.md', 'LICENSE-MIT', 'LICENSE-APACHE', 'pkg/component.js', 'pkg/loader.js']) {
    assert.ok(files.has(file), `${file} is in the tarball`);
  }
  assert.deepEqual([...files].filter((f) => !f.startsWith('pkg/') && !/^(README|CHANGELOG)\.md$|^LICENSE-|^package\.json$/.test(f)), []);
});

test("Node's entry loads its own .wasm, built for speed, which the tarball holds beside the browser's", async () => {
  const files = new Set(packed.info.files.map((f) => f.path));
  assert.ok(files.has('pkg/disclosure_report_node_bg.wasm'), 'the speed-optimised .wasm is in the tarball');
  assert.ok(files.has('pkg/disclosure_report_bg.wasm'), "the browser's .wasm is in the tarball");
  const entry = await readFile(join(ROOT, 'pkg', 'node.js'), 'utf8');
  assert.match(entry, /'\.\/disclosure_report_node_bg\.wasm'/);
});

test('the sample report, uploaded as JSON, is accepted: it has warnings but no errors', async () => {
  const { code, verdict } = await checkUpload(JSON.stringify(sample));
  assert.deepEqual(verdict, { accepted: true, errors: [] });
  assert.equal(code, 0);
});

test('an upload whose sum does not add up is refused, with the cells and figures', async () => {
  const tampered = { ...sample, cells: { ...sample.cells, '3.1': '2' } };
  const { code, verdict } = await checkUpload(JSON.stringify(tampered));
  assert.equal(code, 1);
  assert.equal(verdict.accepted, false);
  assert.deepEqual(verdict.errors.map(({ code: c, cells, expected, actual }) => ({ code: c, cells, expected, actual })), [
    { code: 'sum-mismatch', cells: ['3.1', '3.1.1', '3.1.2', '3.1.3', '3.1.4'], expected: 1, actual: 2 },
  ]);
  assert.ok(verdict.errors[0].message.length > 0, 'with a message for the clerk');
});

test('a blank cell, which the page would have refused at submit, is refused here too', async () => {
  const { '3.1.4': _, ...cells } = sample.cells;
  const { code, verdict } = await checkUpload(JSON.stringify({ ...sample, cells }));
  assert.equal(code, 1);
  assert.deepEqual(verdict.errors.map((e) => [e.code, e.cells[0]]), [['missing', '3.1.4']]);
});

test('an upload that is not a report is refused as such (exit 2), not with a crash', async () => {
  for (const body of ['{"form": "2016", "cells": ', '{"form": "1999", "cells": {}}']) {
    const { code, verdict } = await checkUpload(body);
    assert.equal(code, 2, body);
    assert.equal(verdict.accepted, false);
    assert.equal(typeof verdict.error, 'string');
  }
});

test('the Node entry: the browser entry\'s API, ready on import; the .wasm and package.json as subpaths', async () => {
  const script = `
    import * as api from 'disclosure-report';
    import { readFileSync } from 'node:fs';
    const same = api.init() === api.init();
    await api.init();
    const checker = new api.Checker('2016', { mode: 'filling' });
    const update = checker.setCell('3.1', '１２');
    const pkg = JSON.parse(readFileSync(new URL(import.meta.resolve('disclosure-report/package.json')), 'utf8'));
    console.log(JSON.stringify({
      names: Object.keys(api).sort(),
      same,
      parsed: api.parseValue('６４５', 'count'),
      codes: update.diagnostics.map((d) => d.code),
      wasm: import.meta.resolve('disclosure-report/wasm'),
      version: pkg.version,
    }));
  `;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: project });
  const result = JSON.parse(stdout);
  const browser = await import(pathToFileURL(join(project, 'node_modules', 'disclosure-report', 'pkg', 'index.js')).href);
  assert.deepEqual(result.names, Object.keys(browser).sort(), 'the same names as the browser entry');
  assert.ok(result.names.includes('validate') && result.names.includes('attach') && result.names.includes('default'));
  assert.equal(result.same, true);
  assert.deepEqual(result.parsed, { state: 'number', amount: 645, normalizations: [{ kind: 'fullWidth' }] });
  assert.ok(result.codes.includes('normalized'), 'the full-width digits are read, and said so');
  assert.ok((await stat(fileURLToPath(result.wasm))).size > 0, 'disclosure-report/wasm resolves to the file');
  assert.equal(result.version, JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')).version);
});
