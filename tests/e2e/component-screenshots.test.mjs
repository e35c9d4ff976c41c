// Pictures of the three states the issue asks to look at: the legacy form with an error shown, the
// error summary, the preview. Saved to $SCREENSHOT_DIR (default: the system's temp folder); the
// assertions check what a picture cannot prove by itself: the parts are laid out and visible.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setup } from './harness.mjs';

const dir = process.env.SCREENSHOT_DIR || tmpdir();
let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

async function visible(locator) {
  const box = await locator.boundingBox();
  assert.ok(box && box.width > 0 && box.height > 0, 'laid out with a size');
  return box;
}

test('the legacy form with an error, and its error summary', async () => {
  const page = await env.page('/legacy-2016.html');
  await page.setViewportSize({ width: 1000, height: 760 });
  const input = page.locator('input[name=txt_30]');
  await input.fill('5');
  await page.locator('input[name=txt_33]').click();
  const message = page.locator('.dr-message[data-code="sum-mismatch"]');
  await message.waitFor();
  const inputBox = await visible(input);
  const messageBox = await visible(message);
  assert.ok(messageBox.y >= inputBox.y + inputBox.height - 1, 'the message sits below its input, in its cell');
  await input.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, -200));
  await page.screenshot({ path: join(dir, 'dr-legacy-error.png') });

  await page.locator('input[name=txt_28]').fill('abc');
  await page.locator('input[type=submit]').click();
  const summary = page.locator('.dr-summary');
  await summary.waitFor();
  const box = await visible(summary);
  assert.ok(box.y >= 0 && box.y < 760, 'the summary is scrolled into view');
  await page.screenshot({ path: join(dir, 'dr-error-summary.png') });
  await page.context().close();
});

test('the preview of the 2021 report', async () => {
  const page = await env.page('/form-2021.html');
  await page.evaluate(() => localStorage.clear());
  await page.setViewportSize({ width: 1100, height: 900 });
  await page.locator('input[data-cell="B:2:natural"]').fill('2');
  await page.waitForFunction(() => document.querySelector('#report-preview #cell-B-2-natural')?.firstChild?.textContent.trim() === '2');
  const preview = page.locator('#report-preview');
  await visible(preview.locator('.dr-preview'));
  await preview.screenshot({ path: join(dir, 'dr-preview.png') });
  await page.evaluate(() => localStorage.clear());
  await page.context().close();
});
