// Accessibility: axe-core on every demo page in every state the component puts it in, and the
// whole round (find the error, go to the cell, fix, submit) with the keyboard alone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, axe } from './harness.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

async function noViolations(page, state) {
  const violations = await axe(page);
  assert.deepEqual(violations, [], `axe-core on ${page.url()} (${state})`);
}

test('axe-core: the landing page, the embed page and the submitted page', async () => {
  for (const path of ['/', '/embed.html']) {
    const page = await env.page(path);
    await noViolations(page, 'loaded');
    await page.context().close();
  }
  const page = await env.page('/submitted.html', { ready: false });
  await noViolations(page, 'loaded');
  await page.context().close();
});

test('axe-core: the legacy page loaded, with an error, with the summary, with an offer, in English', async () => {
  const page = await env.page('/legacy-2016.html');
  await noViolations(page, 'loaded');
  const input = page.locator('input[name=txt_27]');
  await input.fill('1O');
  await input.press('Tab');
  await page.locator('.dr-message').first().waitFor();
  await noViolations(page, 'an error beside a cell');
  await page.locator('input[name=txt_2]').fill('６４５');
  await page.locator('input[name=txt_2]').press('Tab');
  await page.locator('button[data-dr-offer]').waitFor();
  await noViolations(page, 'a normalised value offered');
  await page.locator('input[name=txt_30]').fill('');
  await page.locator('input[name=txt_30]').fill('7');
  await page.locator('input[type=submit]').click();
  await page.locator('.dr-summary').waitFor();
  await noViolations(page, 'the error summary');
  await page.locator('#lang').selectOption('en');
  await noViolations(page, 'in English');
  await page.context().close();
});

test('axe-core: the 2021 form loaded, with the preview, errors, the summary and a restored draft', async () => {
  const page = await env.page('/form-2021.html');
  await page.evaluate(() => localStorage.clear());
  await page.locator('#report-preview .dr-preview').waitFor();
  await noViolations(page, 'loaded, preview shown');
  await page.locator('input[data-cell="B:2:natural"]').fill('4');
  await page.locator('input[data-cell="B:2:natural"]').press('Tab');
  await page.locator('.dr-message').first().waitFor();
  await noViolations(page, 'errors beside cells');
  await page.locator('button[type=submit]').click();
  await page.locator('.dr-summary').waitFor();
  await page.waitForTimeout(400); // the preview's debounce
  await noViolations(page, 'the error summary, the preview with findings');
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset.ready);
  await page.locator('.dr-notice').waitFor();
  await noViolations(page, 'a restored draft');
  await page.locator('#lang').selectOption('en');
  await noViolations(page, 'in English');
  await page.evaluate(() => localStorage.clear());
  await page.context().close();
});

test('keyboard only: leave a wrong cell, submit, follow the summary\'s link, fix, submit', async () => {
  const page = await env.page('/legacy-2016.html');
  const active = () => page.evaluate(() => document.activeElement?.getAttribute('name') ?? document.activeElement?.className ?? '');
  // Tab from the top of the page to (二)申请办结数.
  let presses = 0;
  while ((await active()) !== 'txt_30') {
    await page.keyboard.press('Tab');
    presses += 1;
    assert.ok(presses < 120, 'the cell is reachable with Tab');
  }
  await page.keyboard.press('Control+A');
  await page.keyboard.type('9');
  // Through the group's own cells (1.按时办结数, 2.延期办结数) and out of it: only then is it an error.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.equal(await page.locator('.dr-message[data-code="sum-mismatch"]').count(), 0);
  await page.keyboard.press('Tab');
  await page.locator('.dr-message[data-code="sum-mismatch"]').waitFor();
  await page.keyboard.press('Enter'); // implicit submission from the text input now focused
  await page.locator('.dr-summary').waitFor();
  assert.equal(await active(), 'dr-summary', 'focus is on the summary');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.closest('li')?.dataset.cell), '3.2');
  await page.keyboard.press('Enter');
  assert.equal(await active(), 'txt_30', 'the link moved focus to the cell');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('1');
  assert.equal(await page.locator('.dr-summary').count(), 0);
  await Promise.all([page.waitForURL('**/submitted.html'), page.keyboard.press('Enter')]);
  await page.context().close();
});
