// The component's API as a portal's script uses it: init() twice, attach() options (live, submit,
// blockOn), events, misuse, and detach() leaving the form as it was.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from './harness.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

/** A page with one extra form, built by script, for attach() to be called on by the test. */
async function pageWithForm(rows) {
  const page = await env.page('/embed.html');
  await page.evaluate((rows) => {
    const form = document.createElement('form');
    form.id = 'extra';
    form.action = 'submitted.html';
    form.method = 'post';
    const table = document.createElement('table');
    for (const [label, value] of rows) {
      const tr = table.insertRow();
      tr.insertCell().textContent = label;
      const input = document.createElement('input');
      input.name = `n${table.rows.length}`;
      input.value = value;
      input.setAttribute('aria-describedby', 'own-hint');
      tr.insertCell().append(input);
    }
    const hint = document.createElement('p');
    hint.id = 'own-hint';
    hint.textContent = '按统计数填写';
    const submit = document.createElement('button');
    submit.type = 'submit';
    submit.textContent = '提交';
    form.append(hint, table, submit);
    document.querySelector('main').append(form);
  }, rows);
  return page;
}

const CHANNELS = [['（一）主动公开政府信息数', '10'], ['2．政府网站公开政府信息数', '12']];

test('init() twice shares one load; attach() twice on a form is misuse; bad options throw', async () => {
  const page = await pageWithForm(CHANNELS);
  const result = await page.evaluate(async () => {
    const m = await import('/pkg/index.js');
    const same = m.init() === m.init();
    await m.init();
    const form = document.getElementById('extra');
    const errors = [];
    for (const options of [{ form: '2020' }, { mode: 'often' }, { lang: 'fr' }, { blockOn: 'info' }]) {
      try { m.attach(form, options); } catch (e) { errors.push(e instanceof TypeError); }
    }
    const controller = m.attach(form, { form: '2016' });
    try { m.attach(form); } catch (e) { errors.push(e instanceof TypeError); }
    const ready = await controller.ready;
    controller.detach();
    return { same, errors, ready, form: controller.form };
  });
  assert.deepEqual(result, { same: true, errors: [true, true, true, true, true], ready: true, form: '2016' });
  // The whole API's module (init) and the form's checker (attach), each fetched once.
  assert.equal(page.requests.filter((u) => u.endsWith('/disclosure_report_bg.wasm')).length, 1, "the whole API's .wasm is fetched once");
  assert.equal(page.requests.filter((u) => u.endsWith('/disclosure_report_checker_bg.wasm')).length, 1, "the checker's .wasm is fetched once");
  assert.equal(page.requests.filter((u) => u.endsWith('.wasm')).length, 2, 'no other .wasm');
  await page.context().close();
});

test('blockOn: warning stops the submit on a warning; the events carry the codes', async () => {
  const page = await pageWithForm(CHANNELS);
  const seen = await page.evaluate(async () => {
    const { attach } = await import('/pkg/index.js');
    const form = document.getElementById('extra');
    const controller = attach(form, { form: '2016', blockOn: 'warning' });
    await controller.ready;
    const events = [];
    form.addEventListener('disclosure:blocked', (e) => events.push(e.detail.diagnostics.map((d) => [d.code, d.severity, d.cells[0]])));
    const result = controller.validate();
    return { valid: result.valid, events, report: controller.report() };
  });
  assert.equal(seen.valid, false);
  // The page has no agency, date or text fields: findings about those are not this page's to fix.
  assert.deepEqual(seen.events, [[['channel-exceeds-total', 'warning', '1.2.2']]]);
  assert.deepEqual(seen.report.cells, { '1.1': '10', '1.2.2': '12' });
  assert.equal(seen.report.form, '2016');
  assert.equal(await page.locator('#extra .dr-summary li').getAttribute('data-cell'), '1.2.2');
  await page.context().close();
});

test('mode: live speaks while typing; mode: submit waits for the submit', async () => {
  for (const [mode, whileTyping] of [['live', ['invalid-number']], ['submit', []]]) {
    const page = await pageWithForm(CHANNELS);
    await page.evaluate(async (mode) => {
      const { attach } = await import('/pkg/index.js');
      await attach(document.getElementById('extra'), { form: '2016', mode }).ready;
    }, mode);
    const input = page.locator('#extra input[name=n1]');
    await input.click();
    await input.press('Control+A');
    await input.pressSequentially('1O');
    const codes = () => page.locator('#extra .dr-message').evaluateAll((els) => els.map((e) => e.dataset.code));
    assert.deepEqual(await codes(), whileTyping, `${mode}: while typing`);
    await input.press('Tab');
    assert.deepEqual(await codes(), whileTyping, `${mode}: after leaving`);
    await page.locator('#extra button[type=submit]').click();
    await page.locator('#extra .dr-summary').waitFor();
    assert.deepEqual(await codes(), ['invalid-number'], `${mode}: at submit`);
    await page.context().close();
  }
});

test('detach() removes all it added and gives the page its attributes back', async () => {
  const page = await pageWithForm(CHANNELS);
  const before = await page.locator('#extra').evaluate((f) => f.outerHTML);
  const after = await page.evaluate(async () => {
    const { attach } = await import('/pkg/index.js');
    const form = document.getElementById('extra');
    const controller = attach(form, { form: '2016' });
    await controller.ready;
    const input = form.querySelector('input[name=n1]');
    input.value = 'abc';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
    controller.validate();
    const shown = form.querySelectorAll('.dr-message, .dr-summary').length;
    input.value = '10';
    controller.detach();
    return { shown, html: form.outerHTML, available: controller.available };
  });
  assert.ok(after.shown >= 2, 'there was a message and a summary to remove');
  assert.equal(after.available, false);
  assert.equal(after.html, before, 'the form is exactly as it was');
  await page.context().close();
});
