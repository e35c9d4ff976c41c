// The reviewers' page (www/review.html): many published reports chosen at once (a PDF as published,
// a Word file, a text with an error, a scan, a file that is no report) are read and checked in the
// page with the command line's rules; what could not be read is said, never counted as an error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setup, axe } from './harness.mjs';

const ROOT = new URL('../..', import.meta.url).pathname;
const fixture = (name) => readFile(join(ROOT, 'tests/fixtures', name));

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

test('reviewers check a PDF, a Word file and a text report in one go, in the page', async () => {
  const page = await env.page('/review.html');
  const wrong = (await fixture('2016-liupanshui-seed.txt')).toString('utf8').replace('3.网络申请数 | 件 | 1 |', '3.网络申请数 | 件 | 2 |');
  await page.locator('#files').setInputFiles([
    { name: '淮安市2024.pdf', mimeType: 'application/pdf', buffer: await fixture('pdf/2024-huaian-shizhengfu.pdf') },
    { name: '沭阳县发改局2023.docx', mimeType: 'application/octet-stream', buffer: await fixture('office/new-2023-shuyang-fagaiju.docx') },
    { name: '六盘水2016.txt', mimeType: 'text/plain', buffer: Buffer.from(wrong) },
    { name: '说明.txt', mimeType: 'text/plain', buffer: Buffer.from('这不是年度报告。') },
  ]);
  await page.waitForFunction(() => document.documentElement.dataset.checked === '4');
  const rows = page.locator('#results tbody tr');
  assert.equal(await rows.count(), 4);
  const pdf = rows.nth(0);
  assert.equal(await pdf.getAttribute('data-outcome'), 'warning');
  const cells = await pdf.locator('td').allTextContents();
  assert.deepEqual(cells.slice(0, 5), ['2021', '0', '1', '200/257', '0'], 'form, errors, warnings, cells read, rules not checked');
  assert.equal(await rows.nth(1).getAttribute('data-outcome'), 'ok');
  assert.equal(await rows.nth(2).getAttribute('data-outcome'), 'error');
  assert.equal(await rows.nth(2).locator('li[data-code="sum-mismatch"]').count(), 1);
  assert.equal(await rows.nth(3).getAttribute('data-outcome'), 'unreadable');
  assert.match(await rows.nth(3).textContent(), /无法读取：找不到统计表/);
  assert.match(await page.locator('#status').textContent(), /已检查 4 份报告：1 份有错误/);
  // Both readers were loaded, and nothing left the page.
  assert.ok(page.requests.some((u) => u.endsWith('disclosure_report_pdf_bg.wasm')));
  assert.ok(page.requests.some((u) => u.endsWith('disclosure_report_readers_bg.wasm')));
  assert.ok(page.requests.every((u) => u.startsWith(env.url)));
  // The findings open from the keyboard.
  await rows.nth(2).locator('summary').focus();
  await page.keyboard.press('Enter');
  assert.ok(await rows.nth(2).locator('li[data-code="sum-mismatch"]').isVisible());
  assert.deepEqual(await axe(page), []);
  await page.screenshot({ path: join(process.env.SCREENSHOT_DIR || tmpdir(), 'dr-review.png'), fullPage: true });
  // In English, the same reports again.
  await page.locator('#lang').selectOption('en');
  await page.waitForFunction(() => /4 reports checked/.test(document.getElementById('status').textContent));
  assert.match(await rows.nth(3).textContent(), /Cannot be read: no statistics table/);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});
