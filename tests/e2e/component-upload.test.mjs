// The upload field of a CMS article form (www/upload.html): the report attached as a file is read
// and checked in the page when chosen, its findings beside the field; errors hold the upload back,
// a PDF is read by the PDF reader (loaded only for a PDF), an old .doc is said not to be checked and
// holds nothing back; the readers load only then.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { setup, axe } from './harness.mjs';

const ROOT = new URL('../..', import.meta.url).pathname;
const fixture = (name) => readFile(join(ROOT, 'tests/fixtures', name));

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

async function choose(page, name, buffer, mimeType = 'application/octet-stream') {
  await page.locator('#report').setInputFiles({ name, mimeType, buffer });
  await page.waitForFunction(() => ['done', 'failed'].includes(document.querySelector('.dr-upload')?.dataset.state));
}

test('the readers load only when a file is chosen, and a clean Word report lets the article be published', async () => {
  const page = await env.page('/upload.html');
  assert.ok(!page.requests.some((u) => u.includes('/readers/')), 'a form page does not download the readers');
  await choose(page, '2023年度报告.docx', await fixture('office/new-2023-shuyang-fagaiju.docx'));
  assert.ok(page.requests.some((u) => u.endsWith('disclosure_report_readers_bg.wasm')));
  const box = page.locator('.dr-upload');
  assert.match(await box.textContent(), /“2023年度报告\.docx”未发现问题/);
  assert.match(await box.textContent(), /已读取 75\/257 个有值的格子/);
  assert.ok(page.requests.every((u) => u.startsWith(env.url)), 'the file is read in the page: nothing is sent');
  assert.deepEqual(await axe(page), []);
  await page.getByRole('button', { name: '发布' }).click();
  await page.waitForURL(/submitted\.html/);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('a report with a wrong sum holds the upload back, with its findings beside the field and in the summary', async () => {
  const page = await env.page('/upload.html');
  const text = (await fixture('2016-liupanshui-seed.txt')).toString('utf8').replace('3.网络申请数 | 件 | 1 |', '3.网络申请数 | 件 | 2 |');
  await choose(page, '报告.txt', Buffer.from(text), 'text/plain');
  const box = page.locator('.dr-upload');
  assert.equal(await box.locator('li[data-code="sum-mismatch"]').count(), 1);
  assert.equal(await box.locator('li[data-severity="error"] .dr-visually-hidden').first().textContent(), '错误：');
  assert.match(await page.locator('#report').getAttribute('aria-describedby'), /dr\d+-upload-report/);
  await page.getByRole('button', { name: '发布' }).click();
  const summary = page.locator('.dr-summary');
  await summary.waitFor();
  assert.match(await summary.textContent(), /发现 1 处问题/);
  assert.match(await summary.textContent(), /报告\.txt：3\.1：/);
  assert.ok(page.url().endsWith('/upload.html'), 'not published');
  // The link takes the clerk to the file field, to choose the corrected file.
  await summary.locator('a').click();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'report');
  assert.deepEqual(await axe(page), []);
  // The corrected file goes through.
  await choose(page, '报告.txt', await fixture('2016-liupanshui-seed.txt'), 'text/plain');
  await page.getByRole('button', { name: '发布' }).click();
  await page.waitForURL(/submitted\.html/);
  await page.context().close();
});

test('a GB18030 text report is decoded by the browser, and an old .doc is not checked and holds nothing back', async () => {
  const page = await env.page('/upload.html');
  const gb = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030', join(ROOT, 'tests/fixtures/new-2023-shuyang-fagaiju.txt')]);
  assert.ok(gb.length > 0 && !gb.equals(await fixture('new-2023-shuyang-fagaiju.txt')));
  await choose(page, '报告-gbk.txt', gb, 'text/plain');
  assert.match(await page.locator('.dr-upload').textContent(), /未发现问题/);

  await choose(page, '报告.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), 'application/msword');
  const box = page.locator('.dr-upload');
  assert.equal(await box.getAttribute('data-not-checked'), 'doc');
  assert.match(await box.textContent(), /未检查，不影响提交/);
  await page.getByRole('button', { name: '发布' }).click();
  await page.waitForURL(/submitted\.html/);
  await page.context().close();
});

test('a PDF as published is read in the page by the PDF reader, loaded only for it', async () => {
  const page = await env.page('/upload.html');
  await choose(page, '2023年度报告.docx', await fixture('office/new-2023-shuyang-fagaiju.docx'));
  assert.ok(!page.requests.some((u) => u.includes('/pdf/')), 'a Word upload does not download the PDF reader');
  await choose(page, '2024年报.pdf', await fixture('pdf/2024-huaian-shizhengfu.pdf'), 'application/pdf');
  assert.ok(page.requests.some((u) => u.endsWith('disclosure_report_pdf_bg.wasm')));
  assert.ok(page.requests.every((u) => u.startsWith(env.url)), 'the file is read in the page: nothing is sent');
  const box = page.locator('.dr-upload');
  // The tables read whole, the one finding the report really has, and how much was read.
  assert.match(await box.textContent(), /已读取 200\/257 个有值的格子/);
  assert.equal(await box.locator('li[data-code="missing-section"]').count(), 1);
  assert.equal(await box.locator('li[data-severity="error"]').count(), 0);
  assert.deepEqual(await axe(page), []);
  await page.screenshot({ path: join(process.env.SCREENSHOT_DIR || tmpdir(), 'dr-upload-pdf.png'), fullPage: true });
  // A scan, an encrypted or a broken PDF: said why, in the clerk's language, never holding the upload.
  await choose(page, '加密.pdf', await fixture('pdf/bad/encrypted.pdf'), 'application/pdf');
  assert.match(await box.textContent(), /已加密/);
  await choose(page, '损坏.pdf', Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n'), 'application/pdf');
  assert.match(await box.textContent(), /无法作为 PDF 文件读取/);
  await page.getByRole('button', { name: '发布' }).click();
  await page.waitForURL(/submitted\.html/);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('a file that is not a report says why, in the clerk\'s language', async () => {
  const page = await env.page('/upload.html');
  await page.selectOption('#lang', 'en');
  await choose(page, 'notes.docx', Buffer.from('PK\x03\x04 not really a zip'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  const box = page.locator('.dr-upload');
  assert.match(await box.textContent(), /“notes\.docx” cannot be read: cannot be read as a Word file/);
  assert.equal(await box.getAttribute('lang'), 'en');
  await page.context().close();
});
