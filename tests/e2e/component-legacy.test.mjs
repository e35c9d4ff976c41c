// The component on a legacy portal page (www/legacy-2016.html): inputs named txt_1…, no data
// attributes, attached with no options at all. Assertions name codes and cell ids; localised text
// only where the text is the behaviour (the count 发现 N 处问题, the running total 子项合计).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from './harness.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

/** The input in the legacy table's row whose label cell reads exactly `label`. */
function cell(page, label) {
  return page.locator(`xpath=//table[contains(@class,"tab")]//tr[td[normalize-space()="${label}"]]//input`);
}

/** The component's messages about a cell: the note beside its input. */
function notes(page, label) {
  return page.locator(`xpath=//table[contains(@class,"tab")]//tr[td[normalize-space()="${label}"]]//span[contains(@class,"dr-message")]`);
}

async function codesBeside(page, label) {
  return notes(page, label).evaluateAll((els) => els.map((e) => e.dataset.code));
}

function onlyOwnRequests(page) {
  const foreign = page.requests.filter((u) => !u.startsWith(env.url));
  assert.deepEqual(foreign, [], 'no request leaves for anything but the page\'s own files');
}

test('zero configuration: every row of the legacy table is found by its label', async () => {
  const page = await env.page('/legacy-2016.html');
  const rows = await page.evaluate(async () => {
    // The package's functions after `init()` (the page's component loaded only the form's checker).
    const { formDefinition, init } = await import('/pkg/index.js');
    await init();
    return formDefinition('2016').tables[0].rows.map((r) => r.id);
  });
  const names = await page.locator('table.tab input').evaluateAll((els) => els.map((e) => e.name));
  assert.equal(names.length, rows.length, 'the page has one input per row of the 2016 form');
  // Make every cell wrong, so that each shows up in the summary with its cell id and a link to it.
  await page.locator('table.tab input').evaluateAll((els) => {
    for (const el of els) {
      el.value = 'x';
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }
  });
  await page.locator('input[type=submit]').click();
  const summary = page.locator('.dr-summary');
  await summary.waitFor();
  const linked = await summary.locator('li').evaluateAll((items) => items.map((li) => {
    const link = li.querySelector('a');
    const target = link && document.querySelector(link.getAttribute('href'));
    return { code: li.dataset.code, cell: li.dataset.cell, name: target?.getAttribute('name') };
  }));
  const expected = rows.map((id, i) => ({ code: 'invalid-number', cell: id, name: `txt_${i + 1}` }));
  const byCell = (a, b) => a.cell.localeCompare(b.cell);
  assert.deepEqual([...linked].sort(byCell), [...expected].sort(byCell), 'txt_k is the k-th row of the form, ambiguous labels included');
  assert.equal(await summary.locator('h2').textContent(), `发现 ${rows.length} 处问题`);
  // The inputs had no accessible name; each is now named by its row's label cell.
  const name = await page.evaluate(() => {
    const input = document.querySelector('input[name=txt_25]');
    return input.getAttribute('aria-labelledby').split(' ').map((id) => document.getElementById(id).textContent).join(' ');
  });
  assert.equal(name, '(一)收到申请数');
  onlyOwnRequests(page);
  await page.context().close();
});

test('typing does not flag; leaving a wrong field does; fixing clears it at once', async () => {
  const page = await env.page('/legacy-2016.html');
  const input = cell(page, '3.网络申请数');
  await input.click();
  await input.press('Control+A');
  await input.pressSequentially('1O');
  assert.equal(await page.locator('.dr-message').count(), 0, 'nothing is said while typing');
  assert.equal(await input.getAttribute('aria-invalid'), null);

  await input.press('Tab');
  await notes(page, '3.网络申请数').first().waitFor();
  assert.deepEqual(await codesBeside(page, '3.网络申请数'), ['invalid-number']);
  assert.equal(await input.getAttribute('aria-invalid'), 'true');
  const described = await input.evaluate((el) => el.getAttribute('aria-describedby').split(' ').map((id) => document.getElementById(id)));
  assert.ok(described.length >= 1);
  const messageId = await notes(page, '3.网络申请数').first().getAttribute('id');
  assert.ok((await input.getAttribute('aria-describedby')).split(' ').includes(messageId), 'the message is tied to its input');
  assert.equal(await notes(page, '3.网络申请数').first().locator('.dr-visually-hidden').textContent(), '错误：');
  assert.equal(await input.inputValue(), '1O', 'the text stays as typed');

  // Back in the field, each keystroke re-checks: the message goes with the keystroke that fixes it.
  await input.click();
  await input.press('End');
  await input.press('Backspace');
  assert.deepEqual(await codesBeside(page, '3.网络申请数'), [], 'cleared while the cursor is still in the field');
  assert.equal(await input.getAttribute('aria-invalid'), null);
  await page.context().close();
});

test('a sum shows its running total while filled and an error only when complete and left', async () => {
  const page = await env.page('/legacy-2016.html');
  const parent = '(一)收到申请数';
  const children = ['1.当面申请数', '2.传真申请数', '3.网络申请数', '4.信函申请数'];
  const total = page.locator(`xpath=//tr[td[normalize-space()="${parent}"]]//span[contains(@class,"dr-total")]`);

  for (const label of children.slice(1)) await cell(page, label).fill('');
  await cell(page, children[1]).fill('5');
  await cell(page, children[2]).fill('7');
  await total.waitFor();
  assert.equal(await total.getAttribute('data-sum'), '12');
  assert.match(await total.textContent(), /^子项合计 12/);
  assert.deepEqual(await codesBeside(page, parent), [], 'an incomplete group is not an error, even if already off');

  const last = cell(page, children[3]);
  await last.click();
  await last.pressSequentially('0');
  assert.deepEqual(await codesBeside(page, parent), [], 'complete, but the clerk is still in the group');
  await last.press('Tab'); // to (二)申请办结数, outside the group
  await notes(page, parent).first().waitFor();
  assert.deepEqual(await codesBeside(page, parent), ['sum-mismatch']);
  assert.equal(await total.count(), 0, 'the running total gives way to the error');

  const parentInput = cell(page, parent);
  await parentInput.click();
  await parentInput.press('Control+A');
  await parentInput.pressSequentially('1');
  assert.deepEqual(await codesBeside(page, parent), ['sum-mismatch'], '1 ≠ 12: still wrong');
  await parentInput.pressSequentially('2');
  assert.deepEqual(await codesBeside(page, parent), [], 'fixed: gone at once');
  await page.context().close();
});

test('submit is blocked while errors remain: summary with count, links that focus each cell', async () => {
  const page = await env.page('/legacy-2016.html');
  const events = page.evaluate(() => new Promise((resolve) => {
    const seen = [];
    document.forms.form1.addEventListener('disclosure:validate', (e) => seen.push(['validate', e.detail.valid]));
    document.forms.form1.addEventListener('disclosure:blocked', (e) => {
      seen.push(['blocked', e.detail.diagnostics.map((d) => d.code).sort()]);
      resolve(seen);
    });
  }));
  await cell(page, '3.网络申请数').fill('abc');
  await cell(page, '(二)申请办结数').fill('5');
  await cell(page, '(四)政府信息公开专项经费(不包括用于政府公报编辑管理及政府网站建设维护等方面的经费)').fill('-2');
  const title = await page.title();
  await page.locator('input[type=submit]').click();

  const summary = page.locator('.dr-summary');
  await summary.waitFor();
  assert.equal(new URL(page.url()).pathname, '/legacy-2016.html', 'the form was not sent');
  assert.equal(await summary.locator('h2').textContent(), '发现 3 处问题');
  assert.ok(await summary.evaluate((el) => document.activeElement === el), 'focus moves to the summary');
  assert.equal(await page.title(), `错误：${title}`);
  assert.equal(await summary.evaluate((el) => el.parentElement === document.forms.form1 && el === document.forms.form1.firstElementChild), true, 'at the top of the form');
  const items = await summary.locator('li').evaluateAll((lis) => lis.map((li) => [li.dataset.code, li.dataset.cell]).sort());
  assert.deepEqual(items, [['invalid-number', '3.1.3'], ['negative', '8.4'], ['sum-mismatch', '3.2']]);
  assert.deepEqual(await events, [['validate', false], ['blocked', ['invalid-number', 'negative', 'sum-mismatch']]]);

  for (const [cellId, label] of [['3.2', '(二)申请办结数'], ['8.4', '(四)政府信息公开专项经费(不包括用于政府公报编辑管理及政府网站建设维护等方面的经费)']]) {
    await summary.locator(`li[data-cell="${cellId}"] a`).click();
    assert.ok(await cell(page, label).evaluate((el) => document.activeElement === el), `the link moves focus to ${cellId}`);
  }

  // Fixing the three lets the form go, the summary shrinking as they are fixed.
  await cell(page, '3.网络申请数').fill('1');
  assert.equal(await summary.locator('h2').textContent(), '发现 2 处问题');
  await cell(page, '(二)申请办结数').fill('1');
  await cell(page, '(四)政府信息公开专项经费(不包括用于政府公报编辑管理及政府网站建设维护等方面的经费)').fill('2');
  assert.equal(await summary.count(), 0, 'no problem left, no summary');
  assert.equal(await page.title(), title);
  await Promise.all([page.waitForURL('**/submitted.html'), page.locator('input[type=submit]').click()]);
  onlyOwnRequests(page);
  await page.context().close();
});

test('submit is allowed when the table is clean (warnings do not block)', async () => {
  const page = await env.page('/legacy-2016.html');
  await page.evaluate(() => {
    document.forms.form1.addEventListener('disclosure:validate', (e) => {
      const { valid, diagnostics } = e.detail;
      sessionStorage.setItem('validate', JSON.stringify({ valid, warnings: diagnostics.filter((d) => d.severity === 'warning').map((d) => d.code) }));
    });
  });
  await Promise.all([page.waitForURL('**/submitted.html'), page.locator('input[type=submit]').click()]);
  const seen = JSON.parse(await page.evaluate(() => sessionStorage.getItem('validate')));
  assert.equal(seen.valid, true);
  assert.ok(seen.warnings.includes('channel-exceeds-total'), 'the sample\'s 927 > 645 is a warning, and it did not block');
  await page.context().close();
});

test('rows added by the page\'s own script are picked up', async () => {
  const page = await env.page('/legacy-2016.html');
  // The portal's script rebuilds a row: a new <tr> and a new input the component has never seen.
  await page.evaluate(() => {
    const old = [...document.querySelectorAll('table.tab tr')].find((tr) => tr.cells[0].textContent === '4.信函申请数');
    const tr = document.createElement('tr');
    tr.innerHTML = '<td align="left">4.信函申请数</td><td align="center">件</td><td align="center"><input type="text" name="txt_added" size="12"></td>';
    old.replaceWith(tr);
  });
  const added = page.locator('input[name=txt_added]');
  await added.click();
  await added.pressSequentially('两件');
  await added.press('Tab');
  await notes(page, '4.信函申请数').first().waitFor();
  assert.deepEqual(await codesBeside(page, '4.信函申请数'), ['invalid-number']);
  await page.locator('input[type=submit]').click();
  await page.locator('.dr-summary').waitFor();
  const cells = await page.locator('.dr-summary li').evaluateAll((lis) => lis.map((li) => li.dataset.cell));
  assert.deepEqual(cells, ['3.1.4']);
  await page.context().close();
});

test('a normalised value is offered, never imposed', async () => {
  const page = await env.page('/legacy-2016.html');
  const label = '(一)主动公开政府信息数 (不同渠道和方式公开相同信息计1条)';
  const input = cell(page, label);
  await input.fill('６４５条');
  await input.press('Tab');
  const offer = page.locator(`xpath=//tr[td[normalize-space()="${label}"]]//button[@data-dr-offer]`);
  await offer.waitFor();
  assert.deepEqual(await codesBeside(page, label), ['normalized']);
  assert.equal(await offer.getAttribute('data-value'), '645');
  assert.equal(await input.inputValue(), '６４５条', 'the text stays as typed until the clerk takes the offer');
  await offer.click();
  assert.equal(await input.inputValue(), '645');
  assert.equal(await offer.count(), 0);
  await page.context().close();
});

test('markup in a label or in what is typed is shown as text and runs nothing', async () => {
  const page = await env.page('/legacy-2016.html');
  const payload = '<img src=x onerror="window.__pwned=1">';
  await page.evaluate((payload) => {
    const td = [...document.querySelectorAll('table.tab td')].find((c) => c.textContent === '2.传真申请数');
    td.textContent = `2.传真申请数${payload}`;
    const tr = td.parentElement;
    const fresh = tr.cloneNode(true); // a new row, so the changed label is read again
    tr.replaceWith(fresh);
  }, payload);
  const input = page.locator(`xpath=//tr[td[starts-with(normalize-space(),"2.传真申请数")]]//input`);
  await input.fill(payload);
  await input.press('Tab');
  await page.locator('.dr-message').first().waitFor();
  await page.locator('input[type=submit]').click();
  await page.locator('.dr-summary').waitFor();
  await page.waitForTimeout(100);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('img').count(), 0);
  assert.ok(!page.requests.some((u) => u.endsWith('/x')), 'no request for the injected image');
  onlyOwnRequests(page);
  await page.context().close();
});

test('the language switch speaks English, same codes', async () => {
  const page = await env.page('/legacy-2016.html');
  await cell(page, '3.网络申请数').fill('abc');
  await page.locator('input[type=submit]').click();
  await page.locator('.dr-summary').waitFor();
  await page.locator('#lang').selectOption('en');
  const summary = page.locator('.dr-summary');
  assert.equal(await summary.locator('h2').textContent(), 'There is 1 problem');
  assert.equal(await summary.getAttribute('lang'), 'en');
  assert.equal(await notes(page, '3.网络申请数').first().locator('.dr-visually-hidden').textContent(), 'Error: ');
  assert.deepEqual(await codesBeside(page, '3.网络申请数'), ['invalid-number']);
  assert.match(await page.title(), /^Error: /);
  await page.context().close();
});
