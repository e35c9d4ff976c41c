// Nothing a clerk types is lost (draft: 'local', www/form-2021.html): storage full or refused is said
// at the top of the form and the entries stay in the page; a second tab is asked before it writes
// over another tab's draft; what is typed while the .wasm still loads survives a reload; and a
// renderer killed mid-typing gives the draft back on the next visit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, axe } from './harness.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

const PAGE = '/form-2021.html';
// The form page's checker: the component waits for it alone to check the table.
const WASM = '**/pkg/checker/disclosure_report_checker_bg.wasm';
const cell = (page, id) => page.locator(`input[data-cell="${id}"]`);

/** A context of its own (its own localStorage), as the harness makes them. */
function newContext() {
  return env.browser.newContext({ locale: 'zh-CN' });
}

/** A page of `context` on the 2021 form; with `gate`, its .wasm is answered only once `gate` resolves. */
async function open(context, { gate, ready = !gate } = {}) {
  const page = await context.newPage();
  page.consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') page.consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => page.consoleErrors.push(String(e)));
  if (gate) {
    await page.route(WASM, async (route) => {
      await gate;
      await route.continue();
    });
  }
  await page.goto(env.url + PAGE);
  if (ready) await isReady(page);
  return page;
}

function isReady(page) {
  return page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
}

/** A promise and the function that resolves it. */
function latch() {
  let release;
  const promise = new Promise((resolve) => { release = resolve; });
  return { promise, release };
}

/** The drafts in this page's localStorage: { key: parsed } (the component's keys only). */
function drafts(page) {
  return page.evaluate(() => Object.fromEntries(Object.keys(localStorage)
    .filter((k) => k.startsWith('disclosure-report:draft:'))
    .map((k) => [k, JSON.parse(localStorage.getItem(k))])));
}

/** The form's draft (not the early key), or null. */
async function draft(page) {
  const all = await drafts(page);
  const key = Object.keys(all).find((k) => !k.endsWith(':early'));
  return key ? all[key] : null;
}

/** Wait until the form's draft satisfies `predicate` (polled: the page's CSP allows no eval). */
async function waitForDraft(page, predicate, timeout = 5000) {
  const end = Date.now() + timeout;
  for (;;) {
    const d = await draft(page);
    if (d && predicate(d)) return d;
    if (Date.now() > end) assert.fail(`the draft never matched ${predicate}: ${JSON.stringify(d)?.slice(0, 300)}`);
    await page.waitForTimeout(50);
  }
}

async function noViolations(page, state) {
  assert.deepEqual(await axe(page), [], `axe-core on ${page.url()} (${state})`);
}

/** Fill this origin's localStorage until a single character no longer fits. */
function fillStorage(page) {
  return page.evaluate(() => {
    let n = 0;
    for (let size = 1 << 20; size >= 1;) {
      try {
        localStorage.setItem(`filler:${n}`, 'x'.repeat(size));
        n += 1;
      } catch {
        size = Math.floor(size / 2);
      }
    }
    return n;
  });
}

// ---------------------------------------------------------------------------------------------
// 1. Storage full or refused

test('storage full: the clerk is told at the top of the form, in their language; the entries stay and are saved once there is room', async () => {
  const context = await newContext();
  const page = await open(context);
  await page.evaluate(() => localStorage.clear());
  assert.ok(await fillStorage(page) > 0);

  const notice = page.locator('.dr-notice');
  await page.locator('#title').fill('存储已满时填写的标题');
  await notice.getByText('存储空间已满').waitFor();
  assert.equal(await notice.getAttribute('role'), 'status');
  assert.ok(await notice.isVisible());
  assert.equal(await notice.getAttribute('lang'), 'zh-CN');
  assert.equal(await draft(page), null, 'no draft could be written');
  assert.equal(await page.locator('#title').inputValue(), '存储已满时填写的标题', 'the entry stays in the page');
  // The page is the only copy: leaving it asks first.
  const dialog = new Promise((resolve) => page.once('dialog', async (d) => { resolve(d.type()); await d.dismiss(); }));
  await page.close({ runBeforeUnload: true });
  assert.equal(await dialog, 'beforeunload');
  assert.ok(!page.isClosed(), 'the clerk chose to stay');
  await noViolations(page, 'storage full, in Chinese');

  await page.locator('#lang').selectOption('en');
  await notice.getByText('storage is full').waitFor();
  assert.equal(await notice.getAttribute('lang'), 'en');
  await noViolations(page, 'storage full, in English');

  // The form keeps working: a cell left wrong is still checked.
  await cell(page, 'B:2:natural').fill('4');
  await cell(page, 'B:2:natural').press('Tab');
  await page.locator('.dr-message').first().waitFor();
  await cell(page, 'B:2:natural').fill('1');

  // Room again: the next change saves everything, said so.
  await page.evaluate(() => { for (const k of Object.keys(localStorage)) if (k.startsWith('filler:')) localStorage.removeItem(k); });
  await page.locator('#agency').fill('有空间后填写的机关');
  await notice.getByText('saved in this browser again').waitFor();
  const saved = await draft(page);
  assert.equal(saved.values.title, '存储已满时填写的标题', 'what was typed while storage was full is in the draft');
  assert.equal(saved.values.agency, '有空间后填写的机关');
  assert.equal(saved.values['B:2:natural'], '1');
  assert.deepEqual(page.consoleErrors, []);
  await context.close();
});

test('storage refused entirely (localStorage throws): the component runs, says the draft is not kept, and the form submits', async () => {
  const context = await newContext();
  await context.addInitScript(() => {
    const refuse = {
      configurable: true,
      get() { throw new DOMException("Failed to read the 'localStorage' property from 'Window': Access is denied for this document.", 'SecurityError'); },
    };
    Object.defineProperty(window, 'localStorage', refuse);
  });
  const page = await open(context);
  assert.equal(await page.evaluate(() => { try { return typeof localStorage; } catch (e) { return e.name; } }), 'SecurityError');
  const notice = page.locator('.dr-notice');
  assert.equal(await notice.count(), 0, 'nothing said before there is something to keep');
  await page.locator('#narrative').press('Control+End');
  await page.keyboard.type('补充一句。');
  await notice.getByText('不允许保存草稿').waitFor();
  assert.equal(await notice.getAttribute('role'), 'status');
  assert.ok((await page.locator('#narrative').inputValue()).endsWith('补充一句。'));
  await noViolations(page, 'storage refused');
  await Promise.all([page.waitForURL('**/submitted.html'), page.locator('button[type=submit]').click()]);
  assert.deepEqual(page.consoleErrors, []);
  await context.close();
});

// ---------------------------------------------------------------------------------------------
// 2. Two tabs on the same form

test('two tabs: the later one is asked before it writes over the draft the other saved, and the clerk chooses', async () => {
  const context = await newContext();
  const a = await open(context);
  await a.evaluate(() => localStorage.clear());
  await a.locator('#title').fill('甲页的标题');
  await waitForDraft(a, (d) => d.values.title === '甲页的标题');

  // The second tab opens on the draft A saved.
  const b = await open(context);
  await b.locator('.dr-notice').getByText('已恢复').waitFor();
  assert.equal(await b.locator('#title').inputValue(), '甲页的标题');

  // A goes on; then B types: B has not seen A's latest draft, so it asks instead of writing.
  await a.locator('#title').fill('甲页改过的标题');
  await waitForDraft(a, (d) => d.values.title === '甲页改过的标题');
  const fromA = await draft(a);
  await b.locator('#agency').fill('乙页填写的机关');
  const notice = b.locator('.dr-notice');
  await notice.getByText('另一个标签页或窗口').waitFor();
  assert.equal(await notice.getAttribute('role'), 'status');
  const when = await b.evaluate((iso) => new Date(iso).toLocaleString('zh-CN'), fromA.savedAt);
  assert.ok((await notice.textContent()).includes(when), `the warning names when the other tab saved (${when})`);
  await b.waitForTimeout(600); // a save would have happened by now
  assert.deepEqual(await draft(b), fromA, 'nothing was written over');
  assert.equal(await b.locator('#agency').inputValue(), '乙页填写的机关', 'B\'s entry stays in B');
  await noViolations(b, 'two tabs: the warning');
  // A saves again while B waits: B's warning follows (the storage event), and a button B's clerk
  // is on keeps the focus.
  const overwrite = notice.getByRole('button', { name: '用本页内容覆盖那份草稿' });
  await overwrite.focus();
  await a.waitForTimeout(1100); // the time shown is to the second
  await a.locator('#title').fill('甲页又改过的标题');
  const again = await waitForDraft(a, (d) => d.values.title === '甲页又改过的标题');
  const later = await b.evaluate((iso) => new Date(iso).toLocaleString('zh-CN'), again.savedAt);
  assert.notEqual(later, when);
  await notice.getByText(later).waitFor();
  assert.equal(await b.evaluate(() => document.activeElement?.dataset.drDraft), 'overwrite');
  // Leaving B now would lose its entry: it asks.
  const dialog = new Promise((resolve) => b.once('dialog', async (d) => { resolve(d.type()); await d.dismiss(); }));
  await b.close({ runBeforeUnload: true });
  assert.equal(await dialog, 'beforeunload');

  // The clerk keeps B's entries: they replace A's draft, said so.
  await overwrite.click();
  await notice.getByText('已用本页内容覆盖').waitFor();
  assert.equal(await b.evaluate(() => document.activeElement?.className), 'dr-notice__text', 'focus stays in the notice');
  const fromB = await draft(b);
  assert.equal(fromB.values.agency, '乙页填写的机关');
  assert.notEqual(fromB.tab, fromA.tab, 'each tab writes with its own id');
  await noViolations(b, 'two tabs: overwritten');

  // Now A is the one that has not seen the draft: it asks too, in English here.
  await a.locator('#lang').selectOption('en');
  await a.locator('#narrative').press('Control+End');
  await a.keyboard.type(' A');
  const noticeA = a.locator('.dr-notice');
  await noticeA.getByText('also open in another tab').waitFor();
  await noViolations(a, 'two tabs: the warning in English');
  await a.waitForTimeout(600);
  assert.deepEqual(await draft(a), fromB, 'A wrote nothing over B\'s draft');
  // A takes B's draft instead.
  await noticeA.getByRole('button', { name: 'Use the other tab\'s draft' }).click();
  await noticeA.getByText('was loaded').waitFor();
  assert.equal(await a.locator('#agency').inputValue(), '乙页填写的机关');
  // From there A saves as usual, without asking.
  await a.locator('#date').fill('2024-01-18');
  await waitForDraft(a, (d) => d.values.date === '2024-01-18');
  assert.equal(await noticeA.getByRole('button').count(), 0);
  await context.close();
});

test('two tabs: when the other tab submits (its draft gone), the waiting tab saves its entries at once', async () => {
  const context = await newContext();
  const a = await open(context);
  await a.evaluate(() => localStorage.clear());
  const b = await open(context);
  // A saves first; B, opened before that draft existed, is asked.
  await a.locator('#title').fill('甲页的标题');
  await waitForDraft(a, (d) => d.values.title === '甲页的标题');
  await b.locator('#agency').fill('乙页填写的机关');
  await b.locator('.dr-notice').getByText('另一个标签页或窗口').waitFor();
  // A submits: its draft is removed, and B (told by the storage event) keeps its own.
  await Promise.all([a.waitForURL('**/submitted.html'), a.locator('button[type=submit]').click()]);
  await b.locator('.dr-notice').getByText('草稿已重新保存').waitFor();
  const saved = await draft(b);
  assert.equal(saved.values.agency, '乙页填写的机关');
  await context.close();
});

// ---------------------------------------------------------------------------------------------
// 3. A reload while the .wasm is still loading

test('typed while the .wasm loads, then reloaded before it is ready: the entries come back once the checker runs', async () => {
  const context = await newContext();
  const gate = latch();
  const page = await open(context, { gate: gate.promise });
  await page.evaluate(() => localStorage.clear());
  assert.equal(await page.evaluate(() => document.documentElement.dataset.ready), undefined, 'still loading');
  await cell(page, 'B:1:natural').fill('31');
  await page.locator('#title').fill('加载时填写的标题');
  // Reloaded at once (no pause for a save), and the new page waits for the .wasm too.
  await page.reload({ waitUntil: 'domcontentloaded' });
  assert.equal(await page.evaluate(() => document.documentElement.dataset.ready), undefined, 'still loading after the reload');
  gate.release();
  await isReady(page);
  assert.equal(await cell(page, 'B:1:natural').inputValue(), '31');
  assert.equal(await page.locator('#title').inputValue(), '加载时填写的标题');
  await page.locator('.dr-notice').getByText('已恢复').waitFor();
  // Kept in the draft now, and the bridge key gone.
  await waitForDraft(page, (d) => d.values['B:1:natural'] === '31' && d.values.title === '加载时填写的标题');
  await page.waitForFunction(() => !Object.keys(localStorage).some((k) => k.endsWith(':early')));
  assert.deepEqual(page.consoleErrors, []);
  await context.close();
});

test('typed while the .wasm loads: an older draft does not replace it when the checker starts', async () => {
  const context = await newContext();
  const first = await open(context);
  await first.evaluate(() => localStorage.clear());
  await cell(first, 'B:1:natural').fill('40');
  await first.locator('#agency').fill('草稿里的机关');
  await waitForDraft(first, (d) => d.values['B:1:natural'] === '40');
  await first.close();

  const gate = latch();
  const page = await open(context, { gate: gate.promise });
  await cell(page, 'B:1:natural').fill('31');
  gate.release();
  await isReady(page);
  assert.equal(await cell(page, 'B:1:natural').inputValue(), '31', 'what the clerk typed here wins over the older draft');
  assert.equal(await page.locator('#agency').inputValue(), '草稿里的机关', 'the rest of the draft is restored');
  await waitForDraft(page, (d) => d.values['B:1:natural'] === '31' && d.values.agency === '草稿里的机关');
  await context.close();
});

// ---------------------------------------------------------------------------------------------
// 4. The browser killed mid-typing

test('the renderer killed mid-typing (no pagehide): the next visit restores what was typed, with the notice', async () => {
  const context = await newContext();
  const page = await open(context);
  await page.evaluate(() => localStorage.clear());
  await page.locator('#narrative').press('Control+End');
  const typed = '第六部分补充说明甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳';
  // Typing without a pause longer than the save's delay, then the renderer is killed at once.
  await page.keyboard.type(typed, { delay: 100 });
  const crashed = new Promise((resolve) => page.once('crash', resolve));
  const cdp = await context.newCDPSession(page);
  cdp.send('Page.crash').catch(() => {});
  await crashed;

  const next = await open(context);
  const notice = next.locator('.dr-notice');
  await notice.getByText('已恢复').waitFor();
  const narrative = await next.locator('#narrative').inputValue();
  const tail = narrative.slice(narrative.lastIndexOf('第六部分'));
  assert.ok(typed.startsWith(tail) && tail.length >= typed.length / 2,
    `most of what was typed before the crash is back (${tail.length} of ${typed.length} characters: "${tail}")`);
  await noViolations(next, 'restored after a crash');
  await context.close();
});
