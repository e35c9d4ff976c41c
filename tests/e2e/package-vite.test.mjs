// The second way in, a bundler: the Vite project in tests/consumers/vite with the packed tarball
// installed as its dependency, built with `vite build` and run in Chromium under a strict
// Content-Security-Policy; and the same project under Vite's dev server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { launch } from './harness.mjs';
import { ROOT, pack, install, linkRootPackage, copyConsumer, serveFolder, openPage, settled, events, consoleErrors } from '../consumers/support.mjs';

const run = promisify(execFile);

let packed;
let project;
let browser;
let build;

before(async () => {
  packed = await pack();
  project = await copyConsumer('vite', join(packed.dir, 'portal-report-entry'));
  await install(packed.tarball, project);
  await linkRootPackage('vite', project);
  // `npm run build` of the project, i.e. its `vite build`.
  build = await run(process.execPath, [join(project, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], { cwd: project });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  if (packed) await rm(packed.dir, { recursive: true, force: true });
});

async function assets() {
  const dir = join(project, 'dist', 'assets');
  const names = await readdir(dir);
  return { dir, names };
}

test('vite build emits the .wasm as an asset and bundles the component\'s style sheet', async () => {
  const { dir, names } = await assets();
  // The form page's checker, the whole API's module (loaded when a page has report fields, a preview
  // or calls the package's functions), the readers' module (HTML and Word readers) and the PDF
  // reader's, each a chunk of its own that a page loads only when it needs it.
  const checker = names.filter((n) => /^disclosure_report_checker_bg-[\w-]+\.wasm$/.test(n));
  assert.equal(checker.length, 1, `one checker .wasm among ${names.join(', ')}, hashed for long caching`);
  const wasm = names.filter((n) => /^disclosure_report_bg-[\w-]+\.wasm$/.test(n));
  assert.equal(wasm.length, 1, "the whole API's .wasm");
  assert.equal(names.filter((n) => /^disclosure_report_readers_bg-[\w-]+\.wasm$/.test(n)).length, 1, 'the readers\' .wasm');
  assert.equal(names.filter((n) => /^disclosure_report_pdf_bg-[\w-]+\.wasm$/.test(n)).length, 1, 'the PDF reader\'s .wasm');
  assert.equal(names.filter((n) => n.endsWith('.wasm')).length, 4);
  const original = await readFile(join(ROOT, 'pkg', 'disclosure_report_bg.wasm'));
  assert.ok(original.equals(await readFile(join(dir, wasm[0]))), 'the bytes of the package\'s .wasm');
  const originalChecker = await readFile(join(ROOT, 'pkg', 'checker', 'disclosure_report_checker_bg.wasm'));
  assert.ok(originalChecker.equals(await readFile(join(dir, checker[0]))), "the bytes of the package's checker .wasm");
  const css = await Promise.all(names.filter((n) => n.endsWith('.css')).map((n) => readFile(join(dir, n), 'utf8')));
  assert.ok(css.some((text) => text.includes('.dr-summary')), 'disclosure-report.css is in the bundle');
  assert.doesNotMatch(build.stderr, /error/i);
});

test('the built report-entry page: a wrong sum blocks the upload, the corrected form is posted', async () => {
  const server = await serveFolder(join(project, 'dist'));
  try {
    const page = await openPage(browser, `${server.url}/index.html`);
    const first = await settled(page);
    assert.equal(first.type, 'disclosure:ready');
    assert.equal(first.detail.form, '2016');
    for (const [name, value] of [['sq', '12'], ['sq_dm', '3'], ['sq_cz', '0'], ['sq_wl', '8'], ['sq_xh', '0']]) {
      await page.fill(`input[name=${name}]`, value);
    }
    await page.locator('button[type=submit]').click();
    const [blocked] = await events(page, 'disclosure:blocked');
    assert.deepEqual(blocked.diagnostics.filter((d) => d.code !== 'missing').map((d) => [d.code, d.cells[0]]), [['sum-mismatch', '3.1']]);
    assert.ok(await page.locator('.dr-summary').isVisible(), 'the bundled style sheet shows the error summary');
    assert.equal(server.posts.length, 0);

    for (const [name, value] of [['sq_xh', '1'], ['bj', '12'], ['bj_as', '12'], ['bj_yq', '0']]) {
      await page.fill(`input[name=${name}]`, value);
    }
    await Promise.all([page.waitForURL('**/report/submit'), page.locator('button[type=submit]').click()]);
    assert.equal(server.posts[0].body.get('sq_xh'), '1');
    assert.equal(page.requests.filter((u) => /\/assets\/disclosure_report_checker_bg-[\w-]+\.wasm$/.test(u)).length, 1, "the hashed checker's .wasm");
    assert.ok(!page.requests.some((u) => /\/assets\/disclosure_report_bg-[\w-]+\.wasm$/.test(u)), "a page with only its table never loads the whole API's .wasm");
    assert.ok(!page.requests.some((u) => u.includes('readers')), 'a form page without a file field never loads the readers');
    assert.deepEqual(consoleErrors(page), []);
    await page.context().close();
  } finally {
    await server.close();
  }
});

test('the headless page lists a published report\'s findings, and the bundler left the component out', async () => {
  const server = await serveFolder(join(project, 'dist'));
  try {
    const page = await openPage(browser, `${server.url}/check.html`);
    await page.waitForSelector('#check button:not([disabled])');
    await page.fill('#text', await readFile(join(ROOT, 'tests', 'fixtures', '2016-liupanshui-seed.txt'), 'utf8'));
    await page.click('#check button');
    await page.waitForSelector('#findings li');
    const findings = await page.$$eval('#findings li', (items) => items.map((li) => [li.dataset.code, li.dataset.cell]));
    assert.deepEqual(findings.sort(), [['channel-exceeds-total', '1.2.2'], ['narrative-mismatch', '1.2.2'], ['suspicious-agency', '']]);
    // The page imports only the API: the component's modules are tree-shaken out of what it loads
    // (the package declares no side effects but its style sheets and its Node entry).
    const scripts = page.requests.filter((u) => u.endsWith('.js'));
    assert.ok(scripts.length > 0);
    for (const url of scripts) {
      const text = await (await fetch(url)).text();
      assert.doesNotMatch(text, /disclosure:blocked|dr-summary/, `${url} carries none of the component`);
    }
    assert.deepEqual(consoleErrors(page), []);
    await page.context().close();
  } finally {
    await server.close();
  }
});

test('the dev server (npm run dev) serves the same page, the .wasm found beside the package', async () => {
  const { createServer } = await import('vite');
  const server = await createServer({
    root: project,
    configFile: join(project, 'vite.config.js'),
    logLevel: 'silent',
    server: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  await server.listen();
  try {
    const url = server.resolvedUrls.local[0];
    const page = await openPage(browser, `${url}index.html`);
    const first = await settled(page);
    assert.equal(first.type, 'disclosure:ready', JSON.stringify(first.detail));
    for (const [name, value] of [['sq', '12'], ['sq_dm', '3'], ['sq_cz', '0'], ['sq_wl', '8'], ['sq_xh', '0']]) {
      await page.fill(`input[name=${name}]`, value);
    }
    await page.locator('button[type=submit]').click();
    const [blocked] = await events(page, 'disclosure:blocked');
    assert.ok(blocked.diagnostics.some((d) => d.code === 'sum-mismatch' && d.cells[0] === '3.1'));
    await page.context().close();
  } finally {
    await server.close();
  }
});
