// Memory stays flat (issue 14): the wasm instance's linear memory, its table of JS references, and
// the JS heap, over 100,000 keystrokes on the headless Checker (in the page and in Node), and over
// 1,000 attach/detach cycles on the real 2021 form page, after which no element, attribute or
// listener of the component is left. The figures are printed on lines starting with `# memory:`.
//
// How the wasm memory is reached: `init()` resolves to the instance's exports (wasm-bindgen's init
// function returns them), `memory` among them; in Node, `initSync()` returns them once loaded.
// The JS heap is measured through the DevTools protocol after a full garbage collection.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { setup } from './harness.mjs';

const KEYSTROKES = 100_000;
const KEYSTROKES_WARMUP = 10_000;
const CYCLES = 1000;
const CYCLES_WARMUP = 20;
const KiB = 1024;
const MiB = 1024 * KiB;

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

const log = (line) => console.log(`# memory: ${line}`);
const kib = (bytes) => `${(bytes / KiB).toFixed(0)} KiB`;

/**
 * `n` keystrokes on a headless Checker of the 2021 form, continuing where the last call stopped
 * (`state` keeps the checker): cycling over every cell, the texts cycling over valid numbers,
 * numbers as clerks type them, invalid text and blanks, so that each pass gives each cell another
 * text. Runs in the page (its source is sent there) and in Node.
 */
function typeKeys(api, wasm, state, n) {
  const TEXTS = ['12', '0', '', '1,234', '３５', '2.5', '-3', 'abc', '十二', '1O', ' ', '99999999999999999999', '1 234', '7'];
  if (!state.checker) {
    state.checker = new api.Checker('2021', { mode: 'filling' });
    state.cells = api.formDefinition('2021').tables.flatMap((t) => t.rows.flatMap((r) => r.cells));
    state.i = 0;
    state.codes = {};
  }
  const { checker, cells, codes } = state;
  const t0 = performance.now();
  for (let k = 0; k < n; k++, state.i++) {
    const i = state.i;
    const { diagnostics } = checker.setCell(cells[i % cells.length], TEXTS[(i * 7 + Math.floor(i / cells.length)) % TEXTS.length]);
    for (const d of diagnostics) codes[d.code] = (codes[d.code] ?? 0) + 1;
  }
  return {
    keystrokes: state.i,
    cells: cells.length,
    ms: performance.now() - t0,
    wasmBytes: wasm.memory.buffer.byteLength,
    externrefs: wasm.__wbindgen_externrefs.length,
    codes: Object.keys(codes).sort(),
  };
}

/** A DevTools session on the page: the JS heap and DOM node count after a full collection. */
async function devtools(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return {
    cdp,
    async heap() {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      return { heap: usedSize, nodes: metrics.find((m) => m.name === 'Nodes').value };
    },
    /** Event listeners on window and on every node of the document, by type. */
    async listeners() {
      const out = {};
      for (const expression of ['window', 'document']) {
        const { result } = await cdp.send('Runtime.evaluate', { expression });
        const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId, depth: -1, pierce: true });
        for (const l of listeners) out[`${expression}:${l.type}`] = (out[`${expression}:${l.type}`] ?? 0) + 1;
        await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
      }
      return out;
    },
  };
}

test(`${KEYSTROKES.toLocaleString('en')} keystrokes on a headless Checker in the page: the wasm memory does not grow after the first ${KEYSTROKES_WARMUP.toLocaleString('en')}`, async () => {
  const page = await env.page('/form-2021.html');
  const tools = await devtools(page);
  const type = (n) =>
    page.evaluate(`(async () => {
      const api = await import('/pkg/index.js');
      const wasm = await api.init();
      window.__keys ??= {};
      return (${typeKeys})(api, wasm, window.__keys, ${n});
    })()`);
  const start = await type(0);
  const warm = await type(KEYSTROKES_WARMUP);
  const heapWarm = await tools.heap();
  const steps = [warm];
  while (steps.at(-1).keystrokes < KEYSTROKES) steps.push(await type(Math.min(10_000, KEYSTROKES - steps.at(-1).keystrokes)));
  const end = steps.at(-1);
  const heapEnd = await tools.heap();
  const ms = steps.reduce((s, x) => s + x.ms, 0);
  await page.evaluate(() => window.__keys.checker.free());

  log(`page, ${end.keystrokes} keystrokes over ${end.cells} cells in ${(ms / 1000).toFixed(1)} s (${((ms * 1000) / end.keystrokes).toFixed(1)} µs each); findings seen: ${end.codes.join(', ')}`);
  log(`page, wasm linear memory: ${kib(start.wasmBytes)} at start, ${kib(warm.wasmBytes)} after ${warm.keystrokes}, ${kib(end.wasmBytes)} after ${end.keystrokes} (every 10,000: ${steps.map((s) => kib(s.wasmBytes)).join(' ')})`);
  log(`page, wasm table of JS references: ${start.externrefs} at start, ${warm.externrefs} after ${warm.keystrokes}, ${end.externrefs} after ${end.keystrokes}`);
  log(`page, JS heap after a full GC: ${kib(heapWarm.heap)} after ${warm.keystrokes}, ${kib(heapEnd.heap)} after ${end.keystrokes} (${heapEnd.heap - heapWarm.heap >= 0 ? '+' : ''}${kib(heapEnd.heap - heapWarm.heap)})`);

  assert.equal(end.keystrokes, KEYSTROKES);
  assert.ok(end.codes.includes('invalid-number'), 'the invalid texts were found invalid');
  // Bounds. Wasm memory grows in 64 KiB pages and never shrinks: once warm, not one more page.
  assert.equal(end.wasmBytes, warm.wasmBytes, 'no wasm memory page added after the warm-up');
  for (const s of steps) assert.equal(s.wasmBytes, warm.wasmBytes, `wasm memory after ${s.keystrokes}`);
  assert.equal(end.externrefs, warm.externrefs, 'no JS reference kept by the wasm side');
  // 90,000 keystrokes: keeping as little as 12 bytes of each would pass 1 MiB.
  assert.ok(heapEnd.heap - heapWarm.heap < 1 * MiB, `JS heap growth ${heapEnd.heap - heapWarm.heap} < 1 MiB`);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test(`${KEYSTROKES.toLocaleString('en')} keystrokes on a headless Checker in Node: the same`, async () => {
  const api = await import('../../pkg/node.js');
  const wasm = api.initSync();
  v8.setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc');
  const heap = () => (gc(), gc(), process.memoryUsage().heapUsed);
  const state = {};
  const start = typeKeys(api, wasm, state, 0);
  const warm = typeKeys(api, wasm, state, KEYSTROKES_WARMUP);
  const heapWarm = heap();
  const end = typeKeys(api, wasm, state, KEYSTROKES - KEYSTROKES_WARMUP);
  const heapEnd = heap();
  state.checker.free();
  log(`node, ${end.keystrokes} keystrokes in ${((warm.ms + end.ms) / 1000).toFixed(1)} s; wasm linear memory: ${kib(start.wasmBytes)} at start, ${kib(warm.wasmBytes)} after ${warm.keystrokes}, ${kib(end.wasmBytes)} after ${end.keystrokes}; table of JS references: ${warm.externrefs} → ${end.externrefs}; JS heap after GC: ${kib(heapWarm)} → ${kib(heapEnd)}`);
  assert.equal(end.wasmBytes, warm.wasmBytes, 'no wasm memory page added after the warm-up');
  assert.equal(end.externrefs, warm.externrefs);
  assert.ok(heapEnd - heapWarm < 1 * MiB, `JS heap growth ${heapEnd - heapWarm} < 1 MiB`);
});

test(`${CYCLES.toLocaleString('en')} attach/detach cycles on the 2021 form page: memory flat, nothing left behind`, async () => {
  // The page as served, but without its own script (www/form-2021.js), whose controller the test
  // could not reach to detach: the test attaches with the same options instead.
  const context = await env.browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.route('**/form-2021.js', (route) =>
    route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: '// left out by tests/e2e/memory.test.mjs\n' }));
  await page.goto(`${env.url}/form-2021.html`);
  const tools = await devtools(page);

  const state = () => page.evaluate(() => ({
    body: document.body.outerHTML,
    title: document.title,
    html: document.documentElement.outerHTML.replace(/<body[\s\S]*$/, ''),
    left: document.querySelectorAll('[class*="dr-"], [id^="dr"], [data-dr], [data-dr-cell]').length,
  }));
  // `n` cycles: attach (as www/form-2021.js does), wait for ready, type an invalid number and leave
  // the cell (a message appears), every 10th cycle a submit-time check (the error summary appears),
  // put the value back, detach; count what the listeners made and what is left after each detach.
  const cycles = (n) => page.evaluate(async (n) => {
    const api = await import('/pkg/index.js');
    const wasm = await api.init();
    // The form's checker, where each attachment's Checker lives (its init answers the instance
    // already made).
    const checker = await (await import('/pkg/checker/disclosure_report_checker.js')).default();
    const form = document.getElementById('report-form');
    const options = {
      form: '2021',
      fields: { agency: 'agency', year: 'year', date: 'date', title: 'title', narrative: 'narrative' },
      preview: '#report-preview',
      draft: 'local',
    };
    const ours = () => document.querySelectorAll('[class*="dr-"], [id^="dr"]').length;
    let shownMin = Infinity;
    let summaries = 0;
    let leftMax = 0;
    let ready = 0;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) {
      const controller = api.attach(form, options);
      if (await controller.ready) ready += 1;
      const input = form.querySelector('[data-cell="A:normative:issued"]');
      const old = input.value;
      input.focus();
      input.value = '8x';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.blur();
      if (i % 10 === 0) {
        controller.validate();
        if (document.querySelector('.dr-summary')) summaries += 1;
      }
      shownMin = Math.min(shownMin, form.querySelectorAll('.dr-message').length);
      input.value = old;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      controller.detach();
      leftMax = Math.max(leftMax, ours());
    }
    return {
      ms: performance.now() - t0,
      ready,
      shownMin,
      summaries,
      leftMax,
      wasmBytes: wasm.memory.buffer.byteLength,
      externrefs: wasm.__wbindgen_externrefs.length,
      checkerBytes: checker.memory.buffer.byteLength,
      checkerExternrefs: checker.__wbindgen_externrefs.length,
    };
  }, n);

  const pristine = await state();
  const listenersBefore = await tools.listeners();
  const warm = await cycles(CYCLES_WARMUP);
  // The listener count sees the component's listeners while it is attached (else its "none left"
  // below would prove nothing).
  await page.evaluate(async () => { window.__controller = (await import('/pkg/index.js')).attach('#report-form', { form: '2021' }); await window.__controller.ready; });
  const listenersAttached = await tools.listeners();
  await page.evaluate(() => { window.__controller.detach(); delete window.__controller; });
  const heapWarm = await tools.heap();
  const steps = [];
  for (let done = 0; done < CYCLES; done += 100) steps.push(await cycles(Math.min(100, CYCLES - done)));
  const heapEnd = await tools.heap();
  const end = steps.at(-1);
  const finalState = await state();
  const listenersAfter = await tools.listeners();
  const ms = steps.reduce((s, x) => s + x.ms, 0);

  log(`attach/detach, ${CYCLES} cycles (after ${CYCLES_WARMUP} to warm up) in ${(ms / 1000).toFixed(1)} s (${(ms / CYCLES).toFixed(1)} ms each), each with a message shown, every 10th with the error summary`);
  log(`attach/detach, wasm linear memory: ${kib(warm.wasmBytes)} after the warm-up, ${kib(end.wasmBytes)} after ${CYCLES} cycles (every 100: ${steps.map((s) => kib(s.wasmBytes)).join(' ')}); table of JS references: ${warm.externrefs} → ${end.externrefs}`);
  log(`attach/detach, the checker's linear memory: ${kib(warm.checkerBytes)} after the warm-up, ${kib(end.checkerBytes)} after ${CYCLES} cycles (every 100: ${steps.map((s) => kib(s.checkerBytes)).join(' ')}); table of JS references: ${warm.checkerExternrefs} → ${end.checkerExternrefs}`);
  log(`attach/detach, JS heap after a full GC: ${kib(heapWarm.heap)} → ${kib(heapEnd.heap)} (${heapEnd.heap - heapWarm.heap >= 0 ? '+' : ''}${kib(heapEnd.heap - heapWarm.heap)}); DOM nodes: ${heapWarm.nodes} → ${heapEnd.nodes}`);
  const count = (l) => Object.values(l).reduce((a, b) => a + b, 0);
  log(`attach/detach, listeners on window and the document's nodes: ${count(listenersBefore)} before the first attach, ${count(listenersAttached)} while attached, ${count(listenersAfter)} after the last detach; component elements left: ${finalState.left}`);

  assert.equal(steps.reduce((s, x) => s + x.ready, 0), CYCLES, 'every attach got ready');
  assert.ok(Math.min(...steps.map((s) => s.shownMin)) >= 1, 'each cycle showed a message (the listeners made nodes)');
  assert.equal(steps.reduce((s, x) => s + x.summaries, 0), CYCLES / 10, 'every 10th cycle showed the summary');
  // Nothing left behind: after every detach no element of the component; after the last, the
  // page's markup, title and listeners exactly as before the first attach.
  assert.equal(Math.max(warm.leftMax, ...steps.map((s) => s.leftMax)), 0, 'no .dr- element left after any detach');
  assert.equal(finalState.left, 0);
  assert.equal(finalState.body, pristine.body, 'the body is exactly as it was');
  assert.equal(finalState.html, pristine.html, 'the <html> element and head are as they were');
  assert.equal(finalState.title, pristine.title);
  assert.ok(count(listenersAttached) > count(listenersBefore), `the component's listeners are seen while attached: ${JSON.stringify(listenersAttached)}`);
  assert.deepEqual(listenersAfter, listenersBefore, 'no listener left on window or any node');
  // Bounds. Each attach makes a Checker in the wasm memory and detach frees it: not one 64 KiB page
  // more after the warm-up, nor one JS reference held by the wasm side.
  for (const s of steps) assert.equal(s.wasmBytes, warm.wasmBytes, 'no wasm memory page added after the warm-up');
  assert.equal(end.externrefs, warm.externrefs);
  for (const s of steps) assert.equal(s.checkerBytes, warm.checkerBytes, "no page added to the checker's memory after the warm-up");
  assert.equal(end.checkerExternrefs, warm.checkerExternrefs);
  // One attachment kept alive after detach costs ~150 KiB of heap and ~800 DOM nodes (measured by
  // holding the controllers): the bounds are a fraction of one leaked attachment per 100 cycles.
  assert.ok(heapEnd.heap - heapWarm.heap < 1 * MiB, `JS heap growth ${heapEnd.heap - heapWarm.heap} < 1 MiB`);
  assert.ok(heapEnd.nodes - heapWarm.nodes < 100, `DOM nodes ${heapWarm.nodes} → ${heapEnd.nodes}: < 100 more`);
  assert.deepEqual(errors, []);
  await context.close();
});
