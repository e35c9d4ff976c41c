// The article body in a real rich-text editor, from its npm package (www/editor-*.html): attach()
// finds the editor by itself (TinyMCE and KindEditor keep their document in an iframe, wangEditor in
// a contenteditable area), checks the tables in it when the content settles, shows the findings
// beside the editor, and holds the article back while a table does not add up.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from './harness.mjs';
import { FIXED } from '../../www/editor-report.js';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

const EDITORS = {
  tinymce: (html) => window.tinymce.activeEditor.setContent(html),
  kindeditor: (html) => window.editor.html(html),
  wangeditor: (html) => window.editor.setHtml(html),
};

async function settled(page) {
  await page.waitForFunction(() => document.querySelector('.dr-upload')?.dataset.state === 'done', null, { timeout: 15000 });
}

for (const [name, setContent] of Object.entries(EDITORS)) {
  test(`${name}: a wrong total in the body's table is found, holds the article back, and goes when corrected`, async () => {
    const page = await env.page(`/editor-${name}.html`);
    await settled(page);
    const box = page.locator('.dr-upload');
    const errors = await box.locator('li[data-severity="error"]').evaluateAll((els) => els.map((e) => e.dataset.code));
    assert.deepEqual(errors.sort(), ['balance-mismatch', 'sum-mismatch']);
    assert.match(await box.textContent(), /B:1:total：「本年新收政府信息公开申请数量」一行：「总计」应等于.*现填 32/);

    await page.getByRole('button', { name: '发布' }).click();
    const summary = page.locator('.dr-summary');
    await summary.waitFor();
    assert.match(await summary.textContent(), /正文：B:1:total：/);
    assert.ok(page.url().endsWith(`/editor-${name}.html`), 'not published');

    // The clerk corrects the table in the editor: the findings follow, and the article goes.
    await page.evaluate(`(${setContent})(${JSON.stringify(FIXED)})`);
    await page.waitForFunction(() => !document.querySelector('.dr-upload li[data-severity="error"]') && document.querySelector('.dr-upload')?.dataset.state === 'done', null, { timeout: 15000 });
    await page.getByRole('button', { name: '发布' }).click();
    await page.waitForURL(/submitted\.html/);
    await page.context().close();
  });
}
