// The README's instructions for users are the files the package tests run: each snippet marked
// `<!-- snippet: PATH -->` is a run of lines of PATH, the upload example is checked by the package,
// and the tables of exports, options and events name what the package has.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, CSP } from '../consumers/support.mjs';

const readme = await readFile(join(ROOT, 'README.md'), 'utf8');

/** The fenced block right after each `<!-- MARK: ARG -->` comment. */
function marked(mark) {
  const pattern = new RegExp(`<!-- ${mark}: (\\S+) -->\\n\`\`\`\\w*\\n([\\s\\S]*?)\\n\`\`\``, 'g');
  return [...readme.matchAll(pattern)].map((m) => ({ arg: m[1], body: m[2] }));
}

const lines = (text) => text.split('\n').map((l) => l.trim());

test('every snippet is a run of lines of the file the tests run', async () => {
  const snippets = marked('snippet');
  assert.ok(snippets.length >= 7, `found ${snippets.length} snippets`);
  for (const { arg: path, body } of snippets) {
    const file = lines(await readFile(join(ROOT, path), 'utf8'));
    const wanted = lines(body);
    const at = file.findIndex((_, i) => wanted.every((line, j) => file[i + j] === line));
    assert.notEqual(at, -1, `README snippet not found in ${path}:\n${body}`);
  }
});

test('the upload example is a report in the JSON format, read as written and free of errors', async () => {
  const [example] = marked('example').filter((e) => e.arg === 'upload');
  assert.ok(example, 'the README has the upload example');
  const { importReport, validate } = await import(pathToFileURL(join(ROOT, 'pkg', 'node.js')).href);
  const imported = importReport(example.body);
  assert.ok(!('error' in imported), imported.error);
  assert.deepEqual(imported.diagnostics, [], 'every cell id is one of the form\'s');
  assert.deepEqual(imported.report, JSON.parse(example.body));
  const { diagnostics } = validate(imported.report, { mode: 'review' });
  assert.deepEqual(diagnostics.filter((d) => d.severity !== 'info').map((d) => d.code).filter((c) => c !== 'missing'), []);
});

test('the exports, options and events the README lists are the package\'s', async () => {
  const types = await readFile(join(ROOT, 'js', 'index.d.ts'), 'utf8');
  const api = await import(pathToFileURL(join(ROOT, 'pkg', 'index.js')).href);
  const exportsRow = readme.split('\n').find((l) => l.startsWith('| `disclosure-report` |'));
  for (const name of Object.keys(api).filter((n) => n !== 'default')) {
    assert.ok(exportsRow.includes(`\`${name}\``), `the exports table names ${name}`);
  }
  const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));
  for (const subpath of Object.keys(pkg.exports).filter((s) => s !== '.' && s !== './package.json')) {
    assert.ok(readme.includes(`| \`disclosure-report${subpath.slice(1)}\` |`), `the exports table names ${subpath}`);
  }
  const options = types.match(/export interface AttachOptions \{([\s\S]*?)\n\}/)[1];
  for (const [, name] of options.matchAll(/^ {2}(\w+)\?:/gm)) {
    assert.ok(readme.includes(`| \`${name}\` |`), `the options table names ${name}`);
  }
  const events = types.match(/export interface DisclosureEventMap \{([\s\S]*?)\n\}/)[1];
  for (const [, name] of events.matchAll(/'(disclosure:\w+)'/g)) {
    assert.ok(readme.includes(`| \`${name}\` |`), `the events table names ${name}`);
  }
});

test('the README\'s Content-Security-Policy is the one the package tests serve', () => {
  assert.ok(readme.includes(`Content-Security-Policy: ${CSP}`));
});
