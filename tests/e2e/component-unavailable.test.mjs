// Progressive enhancement: with the .wasm unavailable the component stands aside, says so with
// disclosure:unavailable, and the form works exactly as before.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, axe } from './harness.mjs';

let env;
before(async () => { env = await setup({ block: ['.wasm'] }); });
after(async () => { await env.close(); });

for (const path of ['/legacy-2016.html', '/form-2021.html']) {
  test(`${path}: with the .wasm blocked, the form still submits, wrong values and all`, async () => {
    const page = await env.page(path);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.ready), 'unavailable', 'disclosure:unavailable was dispatched');
    assert.ok(page.requests.some((u) => u.endsWith('.wasm')), 'the .wasm was asked for');
    const input = page.locator('table input[type=text]').nth(3);
    await input.fill('1O');
    await input.press('Tab');
    assert.equal(await page.locator('[class^="dr-"], [class*=" dr-"]').count(), 0, 'the component added nothing');
    assert.equal(await input.getAttribute('aria-invalid'), null);
    if (path === '/form-2021.html') {
      // A page with its own labels stays accessible without the component. (The legacy page's
      // inputs have no labels of their own: the component is what names them.)
      assert.deepEqual(await axe(page), [], 'axe-core without the component');
    }
    await Promise.all([page.waitForURL('**/submitted.html'), page.locator('[type=submit]').click()]);
    await page.context().close();
  });
}
