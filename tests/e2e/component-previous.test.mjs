// Last year's report in the page (www/form-2021.html's 上年度报告 field): chosen as a file, read in
// the page, and this year's table compared with it: the applications carried over against last
// year's carried forward, Table A's documents in force against last year's plus issued minus repealed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, axe } from './harness.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

const lastYear = (cells) => JSON.stringify({ format: 'disclosure-report', version: 1, form: '2021', year: 2022, cells });

test('last year\'s report is read in the page and this year\'s table is compared with it', async () => {
  const page = await env.page('/form-2021.html');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset.ready);
  // Last year carried 3 applications forward and had 12 normative documents in force; this year's
  // page carries 0 over and has 18 in force after issuing 8 (12 + 8 − 0 = 20).
  const file = { name: '2022年度报告.json', mimeType: 'application/json', buffer: Buffer.from(lastYear({ 'B:4:natural': '3', 'B:4:total': '3', 'A:normative:in_force': '12' })) };
  await page.locator('#previous-report').setInputFiles(file);
  await page.waitForFunction(() => document.querySelector('#previous-report ~ .dr-upload, .previous .dr-upload')?.dataset.state === 'read');
  const box = page.locator('.previous .dr-upload');
  assert.match(await box.textContent(), /已读取上年度报告“2022年度报告\.json”（2022 年度，2021 年版统计表）/);
  const codes = await box.locator('li').evaluateAll((els) => els.map((e) => e.dataset.code));
  assert.deepEqual(codes.sort(), ['carry-over-mismatch', 'carry-over-mismatch', 'in-force-mismatch']);
  assert.match(await box.textContent(), /按2022年度报告的 12 件加本年制发 8 件、减本年废止 0 件应为 20/);
  assert.deepEqual(await axe(page), []);

  // The clerk corrects this year's carried-over figures: the comparison follows.
  for (const id of ['B:2:natural', 'B:2:total']) {
    await page.fill(`input[data-cell="${id}"]`, '3');
    await page.locator(`input[data-cell="${id}"]`).blur();
  }
  await page.waitForFunction(() => document.querySelectorAll('.previous .dr-upload li[data-code="carry-over-mismatch"]').length === 0);
  assert.equal(await box.locator('li[data-code="in-force-mismatch"]').count(), 1);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});
