// A table pasted from Word or a web page into the 2021 form (www/form-2021.html): the clipboard's
// text/html goes through the HTML importer's grid reader (merged label cells, Word markup), its rows
// placed by their labels wherever the cursor is; figures without labels spread from the cursor.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from './harness.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

const cell = (page, id) => page.locator(`input[data-cell="${id}"]`);

/** Paste as the clipboard would: both the HTML and the plain text a word processor puts there. */
async function paste(page, locator, html, plain) {
  await locator.click();
  await locator.evaluate((el, [html, plain]) => {
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', plain);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, [html, plain]);
}

// Table B's rows as Word writes them: the group label merged down its rows, Word's markup around.
const WORD_ROWS = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><body>
<!--StartFragment--><table class=MsoNormalTable border=1>
<tr><td colspan=3><p class=MsoNormal>一、本年新收政府信息公开申请数量<o:p></o:p></p></td>
  <td><p class=MsoNormal>30</p></td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>31</td></tr>
<tr><td rowspan=2>三、本年度办理结果</td><td colspan=2>（一）予以公开</td>
  <td>20</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>21</td></tr>
<tr><td colspan=2>（二）部分公开（区分处理的，只计这一情形，不计其他情形）</td>
  <td>5</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>5</td></tr>
</table><!--EndFragment--></body></html>`;

test('a table pasted from Word lands in the cells its labels name, wherever the cursor is', async () => {
  const page = await env.page('/form-2021.html');
  await page.evaluate(() => localStorage.clear());
  // The cursor is in Table A: the rows still go to Table B, by their labels.
  await paste(page, cell(page, 'A:regulations:issued'), WORD_ROWS, 'plain text the browser would paste');
  await page.waitForFunction(() => document.querySelector('input[data-cell="B:3.2:total"]').value === '5');
  assert.equal(await cell(page, 'B:1:natural').inputValue(), '30');
  assert.equal(await cell(page, 'B:1:total').inputValue(), '31');
  assert.equal(await cell(page, 'B:3.1:total').inputValue(), '21');
  assert.equal(await cell(page, 'B:3.2:natural').inputValue(), '5');
  assert.notEqual(await cell(page, 'A:regulations:issued').inputValue(), 'plain text the browser would paste');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('figures without labels, copied from a web table, spread from the cursor as a block', async () => {
  const page = await env.page('/form-2021.html');
  await page.evaluate(() => localStorage.clear());
  const html = '<table><tr><td>7</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>8</td></tr></table>';
  await paste(page, cell(page, 'B:2:natural'), html, '7\t1\t0\t0\t0\t0\t8');
  await page.waitForFunction(() => document.querySelector('input[data-cell="B:2:total"]').value === '8');
  assert.equal(await cell(page, 'B:2:natural').inputValue(), '7');
  assert.equal(await cell(page, 'B:2:commercial').inputValue(), '1');
  await page.context().close();
});
