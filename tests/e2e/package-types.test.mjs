// The package's types as a TypeScript user meets them: a portal's consumer file
// (tests/consumers/types) checked with `tsc --noEmit --strict` against the packed tarball, under
// the two module resolutions a portal uses (a bundler's, Node's); no `any` in what is published;
// and the declarations agree with what the package exports and with the core's codes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { ROOT, pack, install, copyConsumer } from '../consumers/support.mjs';

const run = promisify(execFile);
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

let packed;
let project;
let installed;

before(async () => {
  packed = await pack();
  project = await copyConsumer('types', join(packed.dir, 'portal-typescript'));
  installed = await install(packed.tarball, project);
});
after(async () => {
  if (packed) await rm(packed.dir, { recursive: true, force: true });
});

async function tsc(...args) {
  try {
    await run(process.execPath, [TSC, '-p', join(project, 'tsconfig.json'), '--noEmit', '--strict', ...args], { cwd: project });
    return '';
  } catch (error) {
    return `${error.stdout}${error.stderr}` || String(error);
  }
}

/** The .d.ts text without its comments. */
function code(text) {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
}

test('tsc --noEmit --strict passes on the consumer file, with a bundler\'s module resolution', async () => {
  assert.equal(await tsc(), '');
});

test('tsc --noEmit --strict passes with Node\'s module resolution (nodenext)', async () => {
  assert.equal(await tsc('--module', 'nodenext', '--moduleResolution', 'nodenext'), '');
});

test('the published declarations have no `any`, and only index.d.ts is published', async () => {
  const declarations = packed.info.files.map((f) => f.path).filter((p) => p.endsWith('.d.ts'));
  assert.deepEqual(declarations, ['pkg/index.d.ts'], 'wasm-bindgen\'s own .d.ts (typed with any) stays out');
  const text = code(await readFile(join(installed, 'pkg', 'index.d.ts'), 'utf8'));
  assert.doesNotMatch(text, /\bany\b/);
});

test('index.d.ts declares exactly what the package exports', async () => {
  const text = code(await readFile(join(installed, 'pkg', 'index.d.ts'), 'utf8'));
  const declared = new Set([...text.matchAll(/^export (?:declare )?(?:function|class|const) (\w+)/gm)].map((m) => m[1]));
  if (/^export default /m.test(text)) declared.add('default');
  const runtime = await import(pathToFileURL(join(installed, 'pkg', 'index.js')).href);
  assert.deepEqual([...declared].sort(), Object.keys(runtime).sort());
});

test('the Code union is the core\'s codes; Severity is the three severities', async () => {
  const text = code(await readFile(join(installed, 'pkg', 'index.d.ts'), 'utf8'));
  const union = text.match(/export type Code =([^;]*);/)[1];
  const declared = [...union.matchAll(/'([a-z-]+)'/g)].map((m) => m[1]).sort();
  const rust = await readFile(join(ROOT, 'src', 'diagnostic.rs'), 'utf8');
  const core = [...rust.matchAll(/Code::\w+ => "([a-z-]+)"/g)].map((m) => m[1]).sort();
  assert.ok(core.length > 0);
  assert.deepEqual(declared, core);
  const severity = text.match(/export type Severity =([^;]*);/)[1];
  assert.deepEqual([...severity.matchAll(/'(\w+)'/g)].map((m) => m[1]).sort(), ['error', 'info', 'warning']);
});
