// The component on today's format (www/form-2021.html): cells marked with data-cell, the report's
// own fields named, a live preview, drafts kept in localStorage, spreadsheet paste.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from './harness.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

const cell = (page, id) => page.locator(`input[data-cell="${id}"]`);
const B_COLUMNS = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other', 'total'];

async function rowValues(page, row) {
  return Promise.all(B_COLUMNS.map((c) => cell(page, `B:${row}:${c}`).inputValue()));
}

/** Paste `text` into the focused control as the clipboard would (Ctrl+V), falling back to the event. */
async function paste(page, locator, text) {
  await locator.click();
  await locator.evaluate((el, text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

test('the page loads under its CSP and starts clean', async () => {
  const page = await env.page('/form-2021.html');
  assert.deepEqual(page.consoleErrors, []);
  assert.equal(await page.locator('.dr-message').count(), 0, 'nothing is said before the clerk does anything');
  assert.ok(page.requests.every((u) => u.startsWith(env.url)), 'only the page\'s own files are requested');
  await page.context().close();
});

test('pasting a tab-separated row of 7 numbers into a Table B cell fills the row', async () => {
  const page = await env.page('/form-2021.html');
  await page.evaluate(() => localStorage.clear());
  const before2 = await rowValues(page, '2');
  await paste(page, cell(page, 'B:1:natural'), '20\t1\t2\t0\t3\t0\t26\r\n');
  assert.deepEqual(await rowValues(page, '1'), ['20', '1', '2', '0', '3', '0', '26']);
  assert.deepEqual(await rowValues(page, '2'), before2, 'the row below is untouched');

  // A block of two rows starting in the second column: as in a spreadsheet, nothing outside the table.
  await paste(page, cell(page, 'B:3.3.1:commercial'), '4\t4\t4\t4\t4\t4\t4\t4\n5\t5');
  assert.deepEqual(await rowValues(page, '3.3.1'), ['0', '4', '4', '4', '4', '4', '4']);
  assert.deepEqual(await rowValues(page, '3.3.2'), ['0', '5', '5', '0', '0', '0', '0']);

  // Pasted cells count as left: their problems show (the focused one waits for the clerk to leave).
  await cell(page, 'B:2:natural').click();
  const codes = await page.locator('.dr-message').evaluateAll((els) => els.map((e) => e.dataset.code));
  assert.ok(codes.includes('sum-mismatch'), '3.3.1: 0+4+4+4+4+4 ≠ 4');
  await page.context().close();
});

test('the preview follows the input, debounced', async () => {
  const page = await env.page('/form-2021.html');
  const preview = page.locator('#report-preview');
  await preview.locator('.dr-preview').waitFor();
  assert.equal(await preview.locator('h1').textContent(), '沭阳县发展和改革局2023年政府信息公开年度报告');
  assert.equal((await preview.locator('#cell-B-1-natural').textContent()).trim(), '26');

  await cell(page, 'B:1:natural').fill('31');
  await page.locator('#title').fill('沭阳县发展和改革局2023年度政府信息公开工作报告');
  await page.waitForFunction(() => document.querySelector('#report-preview #cell-B-1-natural')?.firstChild?.textContent.trim() === '31');
  assert.equal(await preview.locator('h1').textContent(), '沭阳县发展和改革局2023年度政府信息公开工作报告');
  assert.ok(await preview.locator('button[data-dr-print]').isVisible(), 'a print button');
  await page.context().close();
});

test('markup in the narrative or a field is shown as text and runs nothing', async () => {
  const page = await env.page('/form-2021.html');
  const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
  await page.locator('#narrative').fill(`一、总体情况\n${payload}\n二、主动公开政府信息情况`);
  await page.locator('#agency').fill(payload);
  await page.locator('#title').fill(`标题${payload}`);
  await page.waitForFunction(() => document.querySelector('#report-preview h1')?.textContent.includes('<img'));
  await page.waitForTimeout(100);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('#report-preview img, #report-preview script').count(), 0);
  assert.ok(!page.requests.some((u) => u.endsWith('/x')), 'no request for the injected image');
  assert.ok(page.requests.every((u) => u.startsWith(env.url)));
  await page.context().close();
});

test('with draft: local, a reload brings the entries back, and the draft can be discarded', async () => {
  const page = await env.page('/form-2021.html');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset.ready);
  assert.equal(await page.locator('.dr-notice').count(), 0, 'no draft, no notice');

  await cell(page, 'B:1:natural').fill('31');
  await page.locator('#narrative').fill('草稿里的正文');
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('disclosure-report:draft:')));
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset.ready);
  assert.equal(await cell(page, 'B:1:natural').inputValue(), '31');
  assert.equal(await page.locator('#narrative').inputValue(), '草稿里的正文');
  const notice = page.locator('.dr-notice');
  assert.ok(await notice.isVisible());
  await notice.locator('button[data-dr-discard]').click();
  assert.equal(await cell(page, 'B:1:natural').inputValue(), '26', 'back to the page\'s own values');
  assert.notEqual(await page.locator('#narrative').inputValue(), '草稿里的正文');
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset.ready);
  assert.equal(await cell(page, 'B:1:natural').inputValue(), '26', 'a discarded draft stays discarded');
  await page.context().close();
});

test('a balance error in Table B blocks the upload and links to its cell', async () => {
  const page = await env.page('/form-2021.html');
  await page.evaluate(() => localStorage.clear());
  await cell(page, 'B:2:natural').fill('3');
  await cell(page, 'B:2:total').fill('3');
  await page.locator('button[type=submit]').click();
  const summary = page.locator('.dr-summary');
  await summary.waitFor();
  const items = await summary.locator('li').evaluateAll((lis) => lis.map((li) => [li.dataset.code, li.dataset.cell]));
  assert.deepEqual(items.map(([code]) => code).sort(), ['balance-mismatch', 'balance-mismatch']);
  assert.deepEqual(items.map(([, c]) => c).sort(), ['B:1:natural', 'B:1:total']);
  await summary.locator('li a').first().click();
  assert.equal(await page.evaluate(() => document.activeElement.dataset.cell), items[0][1]);
  await page.context().close();
});
