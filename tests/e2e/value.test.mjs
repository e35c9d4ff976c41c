// The value parser as a person meets it on the demo page: type, and see the number or the refusal.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from './harness.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

test('the page loads the built package under its strict CSP without errors', async () => {
  const page = await env.page('/');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.ready), 'true');
  assert.deepEqual(page.consoleErrors, []);
  assert.ok(page.requests.some((u) => u.endsWith('/pkg/disclosure_report_bg.wasm')), 'the .wasm is fetched from pkg/');
  await page.context().close();
});

test('typing full-width digits with a unit shows the number read', async () => {
  const page = await env.page('/');
  await page.locator('#value-input').pressSequentially('６４５条');
  const out = page.locator('#value-result');
  await assert.doesNotReject(out.filter({ hasText: '= 645' }).waitFor());
  assert.equal(await out.getAttribute('data-state'), 'number');
  assert.equal(await page.locator('#value-input').inputValue(), '６４５条', 'the text stays as typed');
  await page.context().close();
});

test('letters mixed into digits are refused with their reason', async () => {
  const page = await env.page('/');
  await page.locator('#value-input').fill('1O');
  const out = page.locator('#value-result');
  await out.filter({ hasText: 'letters' }).waitFor();
  assert.equal(await out.getAttribute('data-state'), 'refused');
  await page.context().close();
});

test('money in 元 is read in 万元', async () => {
  const page = await env.page('/');
  await page.locator('#value-kind').selectOption('money');
  await page.locator('#value-input').fill('251000元');
  await page.locator('#value-result').filter({ hasText: '= 25.1' }).waitFor();
  await page.context().close();
});
