// Hostile content in the browser: look-alike and invisible characters typed or pasted into the form
// (www/form-2021.html), a hostile table pasted from a web page, and a hostile report chosen in the
// upload field (www/upload.html). What a person sees is what is read, or it is said why not; what
// the page shows of it (messages, the preview, the findings beside a field) carries no markup from
// the report and no bidi control that could reorder it; nothing runs and nothing is fetched.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setup } from './harness.mjs';

const ROOT = new URL('../..', import.meta.url).pathname;
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
// Elements a report could smuggle in, were anything written as markup.
const SMUGGLED = 'script, img, iframe, svg, math, object, embed, style, link, form, input, base, meta';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

const cell = (page, id) => page.locator(`input[data-cell="${id}"]`);

/** Nothing of the report became markup in `root`, and no bidi control reached its text. */
async function assertInert(page, root) {
  const found = await page.locator(root).evaluate((el, smuggled) => ({
    smuggled: [...el.querySelectorAll(smuggled)].map((e) => e.outerHTML.slice(0, 80)),
    handlers: [...el.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name)),
    links: [...el.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')).filter((h) => !h.startsWith('#')),
    styled: [...el.querySelectorAll('[style]')].length,
    text: el.textContent,
  }), SMUGGLED);
  assert.deepEqual(found.smuggled, [], `elements from the report in ${root}`);
  assert.deepEqual(found.handlers, [], `event handlers in ${root}`);
  assert.deepEqual(found.links, [], `links out of ${root}`);
  assert.equal(found.styled, 0, `style attributes in ${root}`);
  assert.ok(!BIDI.test(found.text), `a bidi control in the text of ${root}`);
  return found.text;
}

async function leave(page, id) {
  await cell(page, id).press('Tab');
}

test('look-alike characters typed into cells are read as seen, or refused and said with their code points', async () => {
  const page = await env.page('/form-2021.html');
  await page.evaluate(() => localStorage.clear());
  // Seen as 26 (a zero-width space, full-width digits): read as 26, the identity holds.
  await cell(page, 'B:1:natural').fill('2\u200B6');
  await leave(page, 'B:1:natural');
  await cell(page, 'B:1:total').fill('２６');
  await leave(page, 'B:1:total');
  // Seen as 1,243, written 1,234: refused, never read as either.
  await cell(page, 'B:3.1:natural').fill('1,2\u202E34');
  await leave(page, 'B:3.1:natural');
  // A page pasted into a cell: refused by its length.
  await cell(page, 'B:2:natural').fill(`${'9'.repeat(300)}`);
  await leave(page, 'B:2:natural');
  await page.waitForFunction(() => document.querySelectorAll('.dr-message[data-code="invalid-number"]').length >= 2);
  const messages = await page.locator('.dr-message').evaluateAll((els) => els.map((e) => ({ code: e.dataset.code, text: e.textContent })));
  const errors = messages.filter((m) => m.code !== 'normalized');
  assert.ok(!errors.some((m) => /B:1:/.test(m.text)) && !messages.some((m) => m.code === 'sum-mismatch'), JSON.stringify(messages));
  const reordered = messages.find((m) => m.code === 'invalid-number' && m.text.includes('[U+202E]'));
  assert.ok(reordered, JSON.stringify(messages));
  assert.match(reordered.text, /1,2\[U\+202E\]34/);
  assert.match(reordered.text, /改变文字显示顺序/);
  const tooLong = messages.find((m) => m.code === 'invalid-number' && m.text.includes('300 个字符'));
  assert.ok(tooLong, JSON.stringify(messages));
  assert.match(tooLong.text, /超过一格最多可填的 256 个字符/);
  assert.ok(tooLong.text.length < 200, 'only the beginning is quoted');
  for (const m of messages) assert.ok(!BIDI.test(m.text), `a bidi control in a message: ${JSON.stringify(m.text)}`);
  // The summary at submit says the same, with no control either.
  await page.locator('button[type=submit]').click();
  await page.locator('.dr-summary').waitFor();
  await assertInert(page, '.dr-summary');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('a narrative shown in another order than written is said, and the preview shows where', async () => {
  const page = await env.page('/form-2021.html');
  await page.evaluate(() => localStorage.clear());
  const narrative = await page.locator('#narrative').inputValue();
  assert.ok(narrative.includes('共收到依申请信息公开26件'));
  await page.locator('#narrative').fill(narrative.replace('共收到依申请信息公开26件', '共收到依申请信息公开\u202E62件')
    + '\n<svg onload="window.__pwned=1"><script>window.__pwned=2</script></svg><iframe src="javascript:window.__pwned=3"></iframe>'
    + '<a href="javascript:window.__pwned=4">详见</a><div style="width:expression(window.__pwned=5)">样式</div>');
  await page.waitForFunction(() => document.querySelector('#report-preview [data-code="bidi-control"]'));
  const text = await assertInert(page, '#report-preview');
  assert.match(text, /共收到依申请信息公开\[U\+202E\]62件/);
  assert.match(text, /<svg onload="window.__pwned=1"><script>window.__pwned=2<\/script><\/svg>/, 'markup shown as text');
  assert.equal(await page.locator('#report-preview [data-code="narrative-mismatch"]').count(), 0, 'the reordered 62 is not read');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.ok(page.requests.every((u) => u.startsWith(env.url)));
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('a hostile table pasted from a web page fills what is seen, and runs nothing', async () => {
  const page = await env.page('/form-2021.html');
  await page.evaluate(() => localStorage.clear());
  const html = `<table>
<tr><td>一、本年新收政府信息公开申请数量</td><td>3<span style="font-size:0">9</span>0<img src=x onerror="window.__pwned=1"></td>
  <td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>3<script>window.__pwned=2</script>1<svg><text>7</text></svg></td></tr>
<tr><td>三、本年度办理结果 / （一）予以公开</td><td><bdo dir="rtl">02</bdo></td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>21</td></tr>
</table>`;
  await cell(page, 'A:regulations:issued').click();
  await cell(page, 'A:regulations:issued').evaluate((el, html) => {
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', 'plain');
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
  await page.waitForFunction(() => document.querySelector('input[data-cell="B:1:total"]').value === '31');
  assert.equal(await cell(page, 'B:1:natural').inputValue(), '30', 'the hidden 9 is not pasted');
  // The reversed 02 (seen as 20) is pasted as it is written, and refused there.
  assert.equal(await cell(page, 'B:3.1:natural').inputValue(), '\u202E02\u202C');
  await leave(page, 'B:3.1:natural');
  await page.waitForFunction(() => document.querySelector('.dr-message[data-code="invalid-number"]'));
  assert.match(await page.locator('.dr-message[data-code="invalid-number"]').first().textContent(), /\[U\+202E\]02\[U\+202C\]/);
  await page.waitForTimeout(100);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator(`form ${SMUGGLED.split(', ').filter((s) => !['input', 'form', 'meta', 'link', 'style'].includes(s)).join(', ')}`).count(), 0);
  assert.ok(page.requests.every((u) => u.startsWith(env.url)), 'no request for the pasted image');
  await page.context().close();
});

test('a hostile report chosen in the upload field: its findings are text, nothing runs', async () => {
  const page = await env.page('/upload.html');
  let page2023 = await readFile(join(ROOT, 'tests/fixtures/2023-pingtan-zongheshiyanqu.html'), 'utf8');
  page2023 = page2023
    .replace('</head>', '<script>window.__pwned=1</script><meta http-equiv="refresh" content="0;url=javascript:window.__pwned=2"></head>')
    .replace('办结依申请公开81件', '办结依申请公开<bdo dir="rtl">81</bdo>件<img src=x onerror="window.__pwned=3"><iframe src="javascript:window.__pwned=4"></iframe>')
    .replace('申请共计81件', '申请共计8<span style="font-size:0">0</span>1件');
  await page.locator('#report').setInputFiles({ name: '报告<img src=x onerror=window.__pwned=5>.html', mimeType: 'text/html', buffer: Buffer.from(page2023) });
  await page.waitForFunction(() => ['done', 'failed'].includes(document.querySelector('.dr-upload')?.dataset.state));
  const box = page.locator('.dr-upload');
  const codes = await box.locator('li[data-code]').evaluateAll((lis) => lis.map((li) => li.dataset.code));
  assert.deepEqual(codes, ['bidi-control'], 'the reordered sentence is said; the hidden 0 is not read (no mismatch)');
  const text = await assertInert(page, '.dr-upload');
  assert.match(text, /办结依申请公开\[U\+202E\]81\[U\+202C\]件/);
  await page.waitForTimeout(100);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  // A warning holds nothing back: the article is published.
  await page.getByRole('button', { name: '发布' }).click();
  await page.waitForURL(/submitted\.html/);
  assert.ok(page.requests.every((u) => u.startsWith(env.url)), 'nothing is fetched');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});
