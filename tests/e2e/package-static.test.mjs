// The first way in, no build step: the packed tarball unpacked, its pkg/ folder copied under a
// portal's static folder, and the portal's own page (tests/consumers/portal) with the two lines
// the README gives. Served as a portal serves it: a strict Content-Security-Policy, with and
// without 'wasm-unsafe-eval', and by a server that does not know the .wasm type.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launch } from './harness.mjs';
import { pack, unpack, copyConsumer, serveFolder, openPage, settled, events, consoleErrors, CSP_WITHOUT_WASM } from '../consumers/support.mjs';

let packed;
let portal;
let browser;

before(async () => {
  packed = await pack();
  const unpacked = await unpack(packed.tarball, join(packed.dir, 'download'));
  portal = await copyConsumer('portal', join(packed.dir, 'portal'));
  await cp(join(unpacked, 'pkg'), join(portal, 'static', 'disclosure-report'), { recursive: true });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  if (packed) await rm(packed.dir, { recursive: true, force: true });
});

/** Fill the 收到申请数 group: 12 received, by channel 3 + 0 + 8 + `letters`. */
async function fillApplications(page, letters) {
  for (const [name, value] of [['sq', '12'], ['sq_dm', '3'], ['sq_cz', '0'], ['sq_wl', '8'], ['sq_xh', letters]]) {
    await page.fill(`input[name=${name}]`, value);
  }
  await page.locator('input[name=bj]').focus();
}

test('the two lines attach the checker: a wrong sum blocks the upload, the corrected form is posted', async (t) => {
  const server = await serveFolder(portal);
  try {
    const page = await openPage(browser, `${server.url}/report.html`);
    const first = await settled(page);
    assert.equal(first.type, 'disclosure:ready');
    assert.equal(first.detail.form, '2016', 'the form version is told from the page\'s own labels');
    assert.deepEqual(first.detail.cells.sort(), ['3.1', '3.1.1', '3.1.2', '3.1.3', '3.1.4', '3.2', '3.2.1', '3.2.2']);

    await fillApplications(page, '0');
    await page.fill('input[name=bj]', '11');
    await page.fill('input[name=bj_as]', '11');
    await page.fill('input[name=bj_yq]', '0');
    await page.locator('button[type=submit]').click();
    const [blocked] = await events(page, 'disclosure:blocked');
    assert.deepEqual(blocked.diagnostics.map((d) => [d.code, d.cells[0]]), [['sum-mismatch', '3.1']]);
    assert.equal(server.posts.length, 0, 'nothing was posted');
    assert.ok(await page.locator('.dr-summary').isVisible(), 'the error summary is shown');

    await page.fill('input[name=sq_xh]', '1');
    await Promise.all([page.waitForURL('**/report/submit'), page.locator('button[type=submit]').click()]);
    assert.equal(server.posts.length, 1);
    assert.equal(server.posts[0].body.get('sq_xh'), '1', 'the portal receives its own fields, as typed');
    // A page with only its table loads the form's checker, never the whole API's module.
    assert.equal(page.requests.filter((u) => u.endsWith('/static/disclosure-report/checker/disclosure_report_checker_bg.wasm')).length, 1);
    assert.equal(page.requests.filter((u) => u.endsWith('/disclosure_report_bg.wasm')).length, 0, "the whole API's .wasm is not downloaded");
    assert.deepEqual(consoleErrors(page), []);

    // What the package costs: the tarball, and what this page downloaded of it.
    const downloaded = [...new Set(page.requests.map((u) => new URL(u).pathname))]
      .filter((path) => path.startsWith('/static/disclosure-report/'));
    assert.ok(downloaded.some((path) => path.endsWith('/component.js')) && downloaded.some((path) => path.endsWith('.css')));
    let raw = 0;
    let gzipped = 0;
    for (const path of downloaded) {
      const bytes = await readFile(join(portal, path));
      raw += bytes.length;
      gzipped += gzipSync(bytes, { level: 9 }).length;
    }
    t.diagnostic(`package: tarball ${packed.info.size} B, unpacked ${packed.info.unpackedSize} B, ${packed.info.files.length} files`);
    t.diagnostic(`the page downloads ${downloaded.length} files of the package: ${raw} B, ${gzipped} B gzipped`);
    await page.context().close();
  } finally {
    await server.close();
  }
});

test("without 'wasm-unsafe-eval' the form works as before and disclosure:unavailable says why", async () => {
  const server = await serveFolder(portal, { csp: CSP_WITHOUT_WASM });
  try {
    const page = await openPage(browser, `${server.url}/report.html`);
    const first = await settled(page);
    assert.equal(first.type, 'disclosure:unavailable');
    assert.equal(first.detail.error.name, 'CompileError', 'the policy refused to compile the WebAssembly module');
    assert.equal(await page.locator('[class^="dr-"], [class*=" dr-"]').count(), 0, 'the component added nothing');
    await fillApplications(page, '0');
    await Promise.all([page.waitForURL('**/report/submit'), page.locator('button[type=submit]').click()]);
    assert.equal(server.posts[0].body.get('sq_xh'), '0', 'the wrong figures go through unchecked, as before the package');
    await page.context().close();
  } finally {
    await server.close();
  }
});

test('a server that sends the .wasm as application/octet-stream still works, with a console warning', async () => {
  const server = await serveFolder(portal, { wasmType: 'application/octet-stream' });
  try {
    const page = await openPage(browser, `${server.url}/report.html`);
    assert.equal((await settled(page)).type, 'disclosure:ready');
    assert.ok(page.console.some((m) => m.type === 'warning' && m.text.includes('application/wasm')), 'the console says what to fix');
    await fillApplications(page, '0');
    await page.locator('button[type=submit]').click();
    assert.deepEqual((await events(page, 'disclosure:blocked')).map((d) => d.diagnostics[0].code), ['sum-mismatch']);
    await page.context().close();
  } finally {
    await server.close();
  }
});
