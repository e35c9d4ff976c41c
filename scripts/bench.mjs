// npm run bench: every benchmark of the project, side by side in one run, into
// target/bench/summary.json and printed as a table.
//
//   node scripts/bench.mjs [--runs N] [--no-native] [--no-browser]
//
// - Browser (headless Chromium, the built package as a portal loads it): keystrokes and full checks,
//   the wasm core against the JavaScript peer (bench/peer.js) in the same page, alternating
//   (bench/bench.js says how each is timed); cold start and input-to-DOM on the demo pages, the cold
//   start also under Chromium's 4× CPU throttling (as on an old office PC).
// - Sizes: what a browser downloads, gzipped: the form page's module and glue, and the modules a page
//   loads on demand (the readers', the PDF reader's).
// - Node: `validate` and a text import through the package's API (bench/node.mjs), and the JavaScript
//   peer's check of the same tables in the same process, with the
//   browser's size-optimised .wasm and with Node's speed-optimised one, alternately, fresh processes.
// - Native: criterion (benches/throughput.rs), per core; read from $CARGO_TARGET_DIR/criterion when
//   that is set, else target/criterion.
//
// Every browser figure is measured in N runs (fresh pages; default 5). The summary's top-level value
// of a key is the median over the runs; `spread` gives min/median/max, because this machine is shared
// and noisy.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { launch } from '../tests/e2e/harness.mjs';
import { openBench } from '../bench/page.mjs';
import { startServer } from './serve.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const RUNS = option('--runs', 5);

/** The targets: key → [comparison, bound]. */
const TARGETS = {
  keystroke_us_median: ['<=', 10],
  keystroke_us_p95: ['<=', 50],
  // Issue 13: the keystroke protocol (edit), on the 2021 form.
  keystroke_edit_us_median: ['<=', 2],
  keystroke_edit_us_p95: ['<=', 10],
  keystroke_edit_ratio_wasm_over_js: ['<=', 0.5],
  checker_wasm_gzip_bytes: ['<=', 60 * 1024],
  input_to_dom_ms_p95: ['<=', 4],
  cold_start_ms_median: ['<=', 50],
  cold_start_page_ms: ['<=', 50],
  wasm_gzip_bytes: ['<=', 100 * 1024],
  glue_gzip_bytes: ['<=', 10 * 1024],
  full_check_ratio_wasm_over_js: ['<=', 1.0],
  node_full_check_ratio_wasm_over_js: ['<=', 1.0],
  keystroke_ratio_wasm_over_js: ['<=', 0.5],
  native_checks_per_s: ['>=', 100000],
  native_text_imports_per_s: ['>=', 2000],
};

/**
 * Why a target is missed, printed under the table and kept in the summary (`reasons`) while it is:
 * what the profile (examples/profile.rs under callgrind) says the time goes to.
 */
const REASONS = {
  native_checks_per_s:
    'a full check of the 2021 sample is 1.46 M instructions (callgrind; 1.89 M before issue 13): validate makes a ' +
    "Diagnostic (cell ids, rule key, typed detail) and a message for each of the sample's 125 findings (all implied " +
    'zeros: the published table leaves cells blank), sorts them, and reads the narrative for the report-level checks; ' +
    'allocation and freeing are a third of the time. The engine now keeps a rule as violated or not and builds its ' +
    'finding only when asked, but validate asks for every one; 100,000 a second would need its answer as indexes.',
  native_text_imports_per_s:
    'a text import of the 2021 sample is 5.9 M instructions (callgrind; 23.1 M before issue 13), about 2,000 a second ' +
    "per core on this machine, so a busy moment of the shared machine puts it under (see min/max). What is left is " +
    "matching each row's label with every row of every table of every form (exact, then fuzzy) to tell the form.",
  keystroke_edit_ratio_wasm_over_js:
    "the peer's whole keystroke is 0.57 us (2021) and 0.25 us (2016); 0.5x of it is about what edit alone costs in " +
    'Chromium (0.26 us: the call into the module and the text encoded to UTF-8), before the page reads the change ' +
    'record and places the changed findings. Messages are no longer made in a keystroke (keystroke_edit_messages_* ' +
    'is the same trace with every changed finding\'s message made, as the peer makes them).',
  full_check_ratio_wasm_over_js:
    "validate's answer for the 2021 sample is 126 findings with their messages, 28.5 KB of JSON: parsing it alone " +
    '(JSON.parse, about 110 us in Node) costs more than the whole peer check (84 to 113 us). Reading the report as one ' +
    'JSON string instead of field by field took Node\'s table check from 566 to 350 us. At the peer\'s cost, findings ' +
    'would have to cross as counts and indexes, which validate\'s contract (objects with messages) does not allow.',
  node_full_check_ratio_wasm_over_js: 'as in Chromium (full_check_ratio_wasm_over_js): the answer\'s 126 findings with messages cross as 28.5 KB of JSON, whose JSON.parse alone costs about what the peer\'s whole check does.',
  cold_start_page_ms:
    "measured in fresh Chromium pages (medians of 7): importing the checker's glue 16 to 22 ms and instantiating its " +
    ".wasm 12 to 17 ms; then the first call of each thing the page's setup needs, in the module's baseline tier: " +
    'formDefinition 8.3 ms (16.6 before its ids were formatted once), a Checker 2.5 ms, keys() and codes() 1.6 ms, the ' +
    "empty table's findings placed only 1.5 ms; the rest is the demo page's own setup (finding its cells, restoring the " +
    "draft, the notes) and the layout it causes. The whole API's module loads after ready.",
  checker_wasm_gzip_bytes:
    "the checker holds the four forms' definitions and the table's messages in both languages (63 KB of data before " +
    'compression), the rule engine, the value parser, the label matching of zero-configuration pages, the serialisation ' +
    "of findings and of the form definition (serde_json), and std's formatting, panic and allocator code (twiggy: 57 KB " +
    "of data, 38 KB of the exports' inlined bodies, 21 KB allocator, 24 KB of core's string and panic code, before " +
    'compression). Taken off in issue 13: serde_json\'s error texts, three sorts\' code, the producers section (106.2 -> ' +
    '98.1 KB; 99.1 KB with formDefinition\'s id table). 60 KB needs findings that cross without serde_json and label matching in the on-demand module (not done).',
  glue_gzip_bytes:
    "both modules' glue: the component imports the whole API's glue (7.7 KB) beside the checker's (5.3 KB), and a page " +
    "importing the package's index gets it in any case.",
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
};
const spreadOf = (xs) => ({ min: Math.min(...xs), median: median(xs), max: Math.max(...xs), runs: xs.length });
const log = (...a) => console.error('bench:', ...a);

// ---------------------------------------------------------------------------------------------
// Sizes

/** The size keys, in the order they are printed. */
const SIZE_KEYS = [
  'wasm_gzip_bytes',
  'glue_gzip_bytes',
  'checker_wasm_gzip_bytes',
  'checker_glue_gzip_bytes',
  'reports_wasm_gzip_bytes',
  'reports_glue_gzip_bytes',
  'readers_wasm_gzip_bytes',
  'pdf_wasm_gzip_bytes',
  'node_wasm_gzip_bytes',
];

function sizes() {
  const gz = (file) => gzipSync(readFileSync(`${root}${file}`), { level: 9 }).length;
  // A module the build did not make: null, with the reason printed.
  const gzOrNull = (file) => {
    if (existsSync(`${root}${file}`)) return gz(file);
    log(`size: ${file} not built; its key is null`);
    return null;
  };
  return {
    // The form page's module and its glue: what every form page downloads. The module is the
    // checker (pkg/checker/); the glue, both modules' (the component imports the whole API's glue
    // too, whose .wasm it loads only when the page needs it).
    wasm_gzip_bytes: gz('pkg/checker/disclosure_report_checker_bg.wasm'),
    glue_gzip_bytes: gz('pkg/checker/disclosure_report_checker.js') + gz('pkg/disclosure_report.js'),
    checker_wasm_gzip_bytes: gz('pkg/checker/disclosure_report_checker_bg.wasm'),
    checker_glue_gzip_bytes: gz('pkg/checker/disclosure_report_checker.js'),
    // The whole API's module (validate, the preview, text import): loaded on demand by a form page
    // with report fields, a preview or last year's report, and by callers of the package's functions.
    reports_wasm_gzip_bytes: gz('pkg/disclosure_report_bg.wasm'),
    reports_glue_gzip_bytes: gz('pkg/disclosure_report.js'),
    // The modules loaded on demand (js/readers.js): the readers' (HTML, Word, text) when a file is
    // chosen, the PDF reader's when it is a PDF. Reported beside the form page's, not budgeted here.
    readers_wasm_gzip_bytes: gzOrNull('pkg/readers/disclosure_report_readers_bg.wasm'),
    pdf_wasm_gzip_bytes: gzOrNull('pkg/pdf/disclosure_report_pdf_bg.wasm'),
    // Node's module (not downloaded by a browser; reported, not budgeted against the target).
    node_wasm_gzip_bytes: gz(NODE_WASM.speed),
  };
}

// ---------------------------------------------------------------------------------------------
// The browser

/** One run of the side-by-side benchmarks in a fresh bench page. */
async function sideBySide(browser, url) {
  const page = await openBench(browser, url);
  try {
    return await page.evaluate(async () => {
      const B = window.bench;
      const [sample2016, , sample2021] = await B.samples();
      const keystroke2021 = B.keystrokes({ form: '2021', cells: B.fullTableB() });
      const keystroke2016 = B.keystrokes({ form: '2016', cells: sample2016.cells });
      const edit2021 = B.keystrokes({ form: '2021', cells: B.fullTableB(), protocol: 'edit' });
      const edit2016 = B.keystrokes({ form: '2016', cells: sample2016.cells, protocol: 'edit' });
      // The same with every changed finding's message made at once, as the peer makes them.
      const editMessages2021 = B.keystrokes({ form: '2021', cells: B.fullTableB(), protocol: 'edit-messages' });
      const full2021 = B.fullChecks({ form: '2021', cells: sample2021.cells });
      const full2016 = B.fullChecks({ form: '2016', cells: sample2016.cells });
      return { isolated: B.isolated(), keystroke2021, keystroke2016, edit2021, edit2016, editMessages2021, full2021, full2016 };
    });
  } finally {
    await page.context().close();
  }
}

/** The CPU slowdown of the throttled cold start (Chromium's own emulation): an old office PC. */
const THROTTLE = 4;

/** The 2021 demo page's module and where the cold start serves the mark of its start from. */
const COLD_PAGE = { html: '/form-2021.html', module: '/form-2021.js', mark: '/form-2021.bench-module-start.js' };

/**
 * The demo page's module as the server sends it, fetched once, and given a first import that notes the
 * moment the page's module graph starts to run (`window.__moduleStartAt`): a module's imports run
 * first, in order, so a first import without imports of its own runs before any of the page's code
 * and the package's. The browser gets both from the DevTools protocol, for these two URLs only (a
 * Playwright route would hold up every request, the .wasm's too).
 */
async function coldPageModule(url) {
  const response = await fetch(`${url}${COLD_PAGE.module}`);
  if (!response.ok) throw new Error(`bench: ${COLD_PAGE.module}: HTTP ${response.status}`);
  const headers = [...response.headers]
    .filter(([name]) => !['content-length', 'content-encoding', 'transfer-encoding', 'connection', 'keep-alive', 'date'].includes(name))
    .map(([name, value]) => ({ name, value }));
  const body = `import '.${COLD_PAGE.mark}';\n${await response.text()}`;
  return {
    module: { headers, body: Buffer.from(body).toString('base64') },
    mark: { headers, body: Buffer.from('window.__moduleStartAt = performance.now();\n').toString('base64') },
  };
}

/**
 * Fetch, compile, instantiate, attach and first check of the 2021 demo page, in a fresh context;
 * `throttle` slows the page's CPU that many times (1: not at all).
 */
async function coldStart(browser, url, served, throttle = 1) {
  const context = await browser.newContext({ locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const answers = { [`${url}${COLD_PAGE.module}`]: served.module, [`${url}${COLD_PAGE.mark}`]: served.mark };
    cdp.on('Fetch.requestPaused', ({ requestId, request }) => {
      const answer = answers[request.url];
      const reply = answer
        ? cdp.send('Fetch.fulfillRequest', { requestId, responseCode: 200, responseHeaders: answer.headers, body: answer.body })
        : cdp.send('Fetch.continueRequest', { requestId });
      reply.catch((e) => log(`cold start: ${request.url}: ${e.message}`));
    });
    await cdp.send('Fetch.enable', { patterns: Object.keys(answers).map((urlPattern) => ({ urlPattern, requestStage: 'Request' })) });
    if (throttle !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    // Note the moment the page says it is ready (the component attached and checked the table).
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.documentElement.dataset.ready) {
          window.__readyAt = performance.now();
          observer.disconnect();
        }
        // The document, not its element: this runs before the <html> element exists.
      }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready'] });
    });
    await page.goto(`${url}${COLD_PAGE.html}`);
    await page.waitForFunction(() => window.__readyAt !== undefined, null, { timeout: 30000 * throttle });
    const figures = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'));
      return {
        readyMs: window.__readyAt,
        // Where the time goes: the page and its modules, the .wasm request, and what follows it
        // (compile, instantiate, attach, first check).
        domContentLoadedMs: nav.domContentLoadedEventEnd,
        moduleStartMs: window.__moduleStartAt ?? null,
        wasmRequestedMs: wasm?.startTime ?? null,
        wasmLoadedMs: wasm?.responseEnd ?? null,
      };
    });
    if (figures.moduleStartMs === null) throw new Error('bench: the cold start did not note when the page module started');
    return figures;
  } finally {
    await context.close();
  }
}

/** The package alone, in a fresh context: import, fetch, compile, instantiate, fill and check a form. */
async function coldPackage(browser, url) {
  const page = await openBench(browser, url, 'cold.html');
  try {
    return await page.evaluate(() => window.cold);
  } finally {
    await page.context().close();
  }
}

/**
 * Retype the table cells of a demo page, one character per `input` event and a `change` per cell,
 * timing each from dispatch until the DOM is updated and laid out.
 */
async function inputToDom(browser, url, path, selector) {
  const context = await browser.newContext({ locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    await page.goto(`${url}${path}`);
    await page.waitForFunction(() => document.documentElement.dataset.ready, null, { timeout: 30000 });
    if ((await page.evaluate(() => document.documentElement.dataset.ready)) !== 'true') return null;
    return await page.evaluate(async (sel) => {
      const controls = [...document.querySelectorAll(sel)].filter((el) => el.value.trim() !== '');
      const times = [];
      const fire = (el, type, value) => {
        const t0 = performance.now();
        el.value = value;
        el.dispatchEvent(new Event(type, { bubbles: true }));
        // Reading layout makes the browser apply every DOM change the event made.
        void document.body.offsetHeight;
        times.push(performance.now() - t0);
      };
      for (const el of controls) {
        const text = el.value;
        el.focus();
        fire(el, 'input', '');
        let typed = '';
        for (const ch of text) {
          typed += ch;
          fire(el, 'input', typed);
          // A person types a few characters a second: let the page's timers run in between.
          await new Promise((r) => setTimeout(r, 0));
        }
        fire(el, 'change', typed);
      }
      return { events: times.length, cells: controls.length, times };
    }, selector);
  } finally {
    await context.close();
  }
}

async function browserBenchmarks() {
  const { server, url } = await startServer({ port: 0 });
  const browser = await launch();
  const runs = [];
  const cold = [];
  const coldThrottled = [];
  const served = await coldPageModule(url);
  const dom = { '2021': [], '2016': [] };
  try {
    // Each kind of measurement interleaved with the others, run after run, so that a busy moment of
    // the machine spreads over all of them rather than spoiling one.
    for (let r = 0; r < RUNS; r += 1) {
      log(`browser run ${r + 1}/${RUNS}`);
      runs.push(await sideBySide(browser, url));
      cold.push({ ...(await coldStart(browser, url, served)), package: await coldPackage(browser, url) });
      coldThrottled.push(await coldStart(browser, url, served, THROTTLE));
      const d2021 = await inputToDom(browser, url, '/form-2021.html', 'input[data-cell^="B:"]');
      const d2016 = await inputToDom(browser, url, '/legacy-2016.html', 'form[name="form1"] table input[type="text"]');
      // null where a page did not come up (the component unavailable): measured as far as possible.
      dom['2021'].push(d2021);
      dom['2016'].push(d2016);
    }
  } finally {
    await browser.close();
    await new Promise((r) => server.close(r));
  }
  return { runs, cold, coldThrottled, dom };
}

// ---------------------------------------------------------------------------------------------
// Native

/** Where cargo writes criterion's results: the target directory cargo uses. */
const criterionDir = process.env.CARGO_TARGET_DIR
  ? `${resolve(root, process.env.CARGO_TARGET_DIR)}/criterion`
  : `${root}target/criterion`;

function criterionSamples(id) {
  const dir = `${criterionDir}/${id}/new`;
  const sample = JSON.parse(readFileSync(`${dir}/sample.json`, 'utf8'));
  // ns per iteration of each sample.
  return sample.iters.map((n, i) => sample.times[i] / n);
}

/** Criterion's figures, or null (with the reason printed) when the benches did not run. */
function criterionElements(id) {
  const benchmark = JSON.parse(readFileSync(`${criterionDir}/${id}/new/benchmark.json`, 'utf8'));
  return benchmark.throughput?.Elements ?? 1;
}

function nativeBenchmarks() {
  const command = ['bench', '--quiet', '--bench', 'throughput', '--', '--warm-up-time', '1', '--measurement-time', '4'];
  // Twice at most: on a shared machine another build can race this one for target/.
  for (let attempt = 1; ; attempt += 1) {
    log(`native: cargo ${command.join(' ')}`);
    try {
      execFileSync('cargo', command, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
      break;
    } catch (error) {
      if (attempt === 2) {
        log(`native: criterion did not run (${error.message.split('\n')[0]}); the native keys are null`);
        return null;
      }
    }
  }
  const perSecond = (id) => criterionSamples(id).map((ns) => 1e9 / ns);
  return {
    checks2021: perSecond('check/full_2021'),
    checks2016: perSecond('check/full_2016'),
    findingsChecks2021: perSecond('check/findings_2021'),
    textImports2021: perSecond('import/text_2021'),
    textImports2016: perSecond('import/text_2016'),
    tableChecks2021: perSecond('check/table_2021'),
    imports2021: perSecond('import/2021'),
    imports2016: perSecond('import/2016'),
    // The trace is typed whole in each iteration: per keystroke, divided by its length.
    keystrokeUs2021: criterionSamples('keystroke/2021').map((ns) => ns / 1000 / criterionElements('keystroke/2021')),
  };
}

// ---------------------------------------------------------------------------------------------
// Node

/** The two .wasm files of the package: the browser's (size) and Node's (speed, pkg/node.js). */
const NODE_WASM = { size: 'pkg/disclosure_report_bg.wasm', speed: 'pkg/disclosure_report_node_bg.wasm' };

function nodeBenchmarks() {
  const out = { size: [], speed: [] };
  for (let r = 0; r < RUNS; r += 1) {
    log(`node run ${r + 1}/${RUNS}`);
    // Alternately, each in a fresh process, so that a busy moment does not favour one.
    const order = r % 2 === 0 ? ['size', 'speed'] : ['speed', 'size'];
    for (const which of order) {
      const stdout = execFileSync(process.execPath, [`${root}bench/node.mjs`, `${root}${NODE_WASM[which]}`], {
        cwd: root,
        encoding: 'utf8',
      });
      out[which].push(JSON.parse(stdout));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The summary

/** Node's keys: per run the median over its rounds; the ratio speed/size run by run. */
function summariseNode(node, native, spread, details) {
  if (!node) return;
  const per = (which, key) => node[which].map((run) => median(run[key]));
  const perSecond = (us) => us.map((x) => 1e6 / x);
  spread.node_checks_per_s_speed_wasm = spreadOf(perSecond(per('speed', 'fullUs')));
  spread.node_checks_per_s_size_wasm = spreadOf(perSecond(per('size', 'fullUs')));
  spread.node_check_ratio_speed_over_size = spreadOf(per('speed', 'fullUs').map((x, i) => x / per('size', 'fullUs')[i]));
  spread.node_table_checks_per_s_speed_wasm = spreadOf(perSecond(per('speed', 'tableUs')));
  spread.node_table_checks_per_s_size_wasm = spreadOf(perSecond(per('size', 'tableUs')));
  // The tables' check against the JavaScript peer's, in the same process, run by run (Node's side
  // of full_check_ratio_wasm_over_js, whose browser side is the key itself).
  spread.node_full_check_ratio_wasm_over_js = spreadOf(per('speed', 'tableUs').map((x, i) => x / per('speed', 'peerTableUs')[i]));
  spread.node_full_check_ratio_wasm_over_js_size_wasm = spreadOf(per('size', 'tableUs').map((x, i) => x / per('size', 'peerTableUs')[i]));
  spread.node_imports_per_s_speed_wasm = spreadOf(perSecond(per('speed', 'importUs')));
  spread.node_imports_per_s_size_wasm = spreadOf(perSecond(per('size', 'importUs')));
  if (native) {
    // Node (speed .wasm) against the same Rust natively: the medians of this run.
    spread.node_over_native_check_time = spreadOf([median(native.checks2021) / median(perSecond(per('speed', 'fullUs')))]);
  }
  details.node_check_us_median = {
    speed_wasm: round(median(per('speed', 'fullUs'))),
    size_wasm: round(median(per('size', 'fullUs'))),
  };
}

function summarise({ runs, cold, coldThrottled, dom }, native, size, node) {
  const perRun = (f) => runs.map(f);
  const ks = (form) => ({
    wasmMedian: perRun((r) => median(r[form].wasm)),
    wasmP95: perRun((r) => quantile(r[form].wasm, 0.95)),
    jsMedian: perRun((r) => median(r[form].js)),
    jsP95: perRun((r) => quantile(r[form].js, 0.95)),
    wasmSingleP95: perRun((r) => quantile(r[form].wasmSingle, 0.95)),
    jsSingleP95: perRun((r) => quantile(r[form].jsSingle, 0.95)),
    keystrokes: runs[0][form].keystrokes,
  });
  const fc = (form) => ({
    wasmUs: perRun((r) => median(r[form].wasm)),
    jsUs: perRun((r) => median(r[form].js)),
  });
  const k2021 = ks('keystroke2021');
  const k2016 = ks('keystroke2016');
  const e2021 = ks('edit2021');
  const e2016 = ks('edit2016');
  const em2021 = ks('editMessages2021');
  const f2021 = fc('full2021');
  const f2016 = fc('full2016');
  const ratio = (a, b) => a.map((x, i) => x / b[i]);
  const domP95 = (page) => dom[page].filter(Boolean).map((d) => quantile(d.times, 0.95));

  const spread = {
    keystroke_us_median: spreadOf(k2021.wasmMedian),
    keystroke_us_p95: spreadOf(k2021.wasmP95),
    keystroke_us_median_2016: spreadOf(k2016.wasmMedian),
    keystroke_us_p95_2016: spreadOf(k2016.wasmP95),
    keystroke_ratio_wasm_over_js: spreadOf(ratio(k2021.wasmMedian, k2021.jsMedian)),
    keystroke_ratio_wasm_over_js_2016: spreadOf(ratio(k2016.wasmMedian, k2016.jsMedian)),
    // The keystroke protocol (the form page's checker's edit, as the component uses it) against the
    // same peer in the same page and run.
    keystroke_edit_us_median: spreadOf(e2021.wasmMedian),
    keystroke_edit_us_p95: spreadOf(e2021.wasmP95),
    keystroke_edit_ratio_wasm_over_js: spreadOf(ratio(e2021.wasmMedian, e2021.jsMedian)),
    keystroke_edit_us_median_2016: spreadOf(e2016.wasmMedian),
    keystroke_edit_us_p95_2016: spreadOf(e2016.wasmP95),
    keystroke_edit_ratio_wasm_over_js_2016: spreadOf(ratio(e2016.wasmMedian, e2016.jsMedian)),
    // … with every changed finding's message made in the keystroke (the component makes a message
    // only when its finding is shown): the most a keystroke costs, on the work the peer does.
    keystroke_edit_messages_us_median: spreadOf(em2021.wasmMedian),
    keystroke_edit_messages_us_p95: spreadOf(em2021.wasmP95),
    keystroke_edit_messages_ratio_wasm_over_js: spreadOf(ratio(em2021.wasmMedian, em2021.jsMedian)),
    full_check_ratio_wasm_over_js: spreadOf(ratio(f2021.wasmUs, f2021.jsUs)),
    full_check_ratio_wasm_over_js_2016: spreadOf(ratio(f2016.wasmUs, f2016.jsUs)),
    // The whole: navigation start to ready (the key's name is older than its spread).
    cold_start_ms_median: spreadOf(cold.map((c) => c.readyMs)),
    // The page's own share: its module starting to run to ready (after the browser's own cost of a
    // new page, the HTML, the style sheets and the page's JavaScript modules fetched).
    cold_start_page_ms: spreadOf(cold.map((c) => c.readyMs - c.moduleStartMs)),
    [`cold_start_page_ms_throttled${THROTTLE}x`]: spreadOf(coldThrottled.map((c) => c.readyMs - c.moduleStartMs)),
    [`cold_start_total_ms_throttled${THROTTLE}x`]: spreadOf(coldThrottled.map((c) => c.readyMs)),
  };
  // The key the target is for: the slower of the two pages, run by run.
  const domWorst = dom['2021']
    .map((_, r) => ['2021', '2016'].map((p) => dom[p][r]).filter(Boolean))
    .filter((pages) => pages.length)
    .map((pages) => Math.max(...pages.map((d) => quantile(d.times, 0.95))));
  if (domWorst.length) spread.input_to_dom_ms_p95 = spreadOf(domWorst);
  if (domP95('2021').length) spread.input_to_dom_ms_p95_2021 = spreadOf(domP95('2021'));
  if (domP95('2016').length) spread.input_to_dom_ms_p95_2016 = spreadOf(domP95('2016'));
  const summary = finishSummary(spread, native, size, node);
  Object.assign(summary.details, {
    runs: RUNS,
    crossOriginIsolated: runs.every((r) => r.isolated),
    keystrokes: { '2021': k2021.keystrokes, '2016': k2016.keystrokes },
    js_keystroke_us_median: { '2021': round(median(k2021.jsMedian)), '2016': round(median(k2016.jsMedian)) },
    js_keystroke_us_p95: { '2021': round(median(k2021.jsP95)), '2016': round(median(k2016.jsP95)) },
    // First call of each keystroke alone, on the page's coarse clock (5 µs): pauses batching hides.
    keystroke_us_p95_single_call: { wasm: round(median(k2021.wasmSingleP95)), js: round(median(k2021.jsSingleP95)) },
    keystroke_edit_us_p95_single_call: { wasm: round(median(e2021.wasmSingleP95)), js: round(median(e2021.jsSingleP95)) },
    // How many keystrokes of each trace the protocol answered with more than 0 (a finding or a total
    // changed), of all the trace's keystrokes.
    keystroke_edit_answered: {
      '2021': `${runs[0].edit2021.answeredMoreThanZero} of ${e2021.keystrokes}`,
      '2016': `${runs[0].edit2016.answeredMoreThanZero} of ${e2016.keystrokes}`,
    },
    // … and how many changed some key's findings (whose findings were then asked for, when it has some).
    keystroke_edit_changed_findings: {
      '2021': `${runs[0].edit2021.changedFindings} of ${e2021.keystrokes}`,
      '2016': `${runs[0].edit2016.changedFindings} of ${e2016.keystrokes}`,
    },
    full_check_us_median: {
      '2021': { wasm: round(median(f2021.wasmUs)), js: round(median(f2021.jsUs)) },
      '2016': { wasm: round(median(f2016.wasmUs)), js: round(median(f2016.jsUs)) },
    },
    cold_start_breakdown_ms_median: breakdown(cold),
    [`cold_start_breakdown_ms_median_throttled${THROTTLE}x`]: breakdown(coldThrottled),
    // The package alone (bench/cold.html): import and instantiate, then fill and check a whole form.
    cold_start_package_ms_median: {
      // When the page's module started: the browser's own cost of a new page, before any of ours.
      module_started: round(median(cold.map((c) => c.package.startMs))),
      load: round(median(cold.map((c) => c.package.loadMs))),
      first_check: round(median(cold.map((c) => c.package.firstCheckMs))),
      since_navigation: round(median(cold.map((c) => c.package.readyMs))),
    },
    input_to_dom_ms_median: Object.fromEntries(
      Object.entries(dom).map(([p, d]) => [p, round(median(d.filter(Boolean).map((x) => median(x.times))))]),
    ),
    input_to_dom_events: Object.fromEntries(Object.entries(dom).map(([p, d]) => [p, d.find(Boolean)?.events ?? 0])),
    // The 2021 sample typed into a fresh checker natively, the update's messages and JSON included.
    native_keystroke_us: native ? round(median(native.keystrokeUs2021)) : null,
    method:
      'keystroke_edit: the same trace and timing through the keystroke protocol (the checker module\'s edit; the changed keys\' findings and totals read only when it answers more than 0), as the component uses it; ' +
      'keystroke: the fastest of 3 batches of setCell calls (typed and taken back, each batch >= 200 µs) per keystroke of the trace, µs per call; ' +
      'median/p95 over the trace; 2021 = a whole Table B typed into an empty form, 2016 = the 2016 sample typed. ' +
      'full check: wasm validate(report) vs peer check(def, cells), review mode, the 2021 and 2016 samples. ' +
      'input_to_dom: dispatch of input/change until forced layout, the demo pages retyped. ' +
      'cold_start: navigation start to the page ready (component attached, table checked), fresh context; ' +
      'cold_start_page: from the page module starting to run (a first import noting the time) to ready; ' +
      `throttled${THROTTLE}x: the same under Chromium's CPU throttling (Emulation.setCPUThrottlingRate ${THROTTLE}).`,
  });
  return summary;
}

/** Where a cold start's time goes, each the median over the runs (ms since navigation start). */
function breakdown(cold) {
  return {
    dom_content_loaded: round(median(cold.map((c) => c.domContentLoadedMs))),
    module_started: round(median(cold.map((c) => c.moduleStartMs))),
    wasm_requested: round(median(cold.map((c) => c.wasmRequestedMs ?? NaN))),
    wasm_loaded: round(median(cold.map((c) => c.wasmLoadedMs ?? NaN))),
    wasm_loaded_to_ready: round(median(cold.map((c) => c.readyMs - (c.wasmLoadedMs ?? NaN)))),
  };
}

/** The native and Node keys, the sizes, the targets and the reasons, with or without the browser's. */
function finishSummary(spread, native, size, node) {
  const details = {};
  if (native) {
    spread.native_checks_per_s = spreadOf(native.checks2021);
    spread.native_checks_per_s_2016 = spreadOf(native.checks2016);
    spread.native_findings_checks_per_s = spreadOf(native.findingsChecks2021);
    spread.native_table_checks_per_s = spreadOf(native.tableChecks2021);
    spread.native_imports_per_s = spreadOf(native.imports2021);
    spread.native_imports_per_s_2016 = spreadOf(native.imports2016);
    spread.native_text_imports_per_s = spreadOf(native.textImports2021);
    spread.native_text_imports_per_s_2016 = spreadOf(native.textImports2016);
  }
  summariseNode(node, native, spread, details);

  const summary = Object.fromEntries(SIZE_KEYS.map((key) => [key, size[key]]));
  for (const [key, s] of Object.entries(spread)) summary[key] = round(s.median);
  if (!('input_to_dom_ms_p95' in summary)) summary.input_to_dom_ms_p95 = null;
  if (!native) {
    summary.native_checks_per_s = null;
    summary.native_imports_per_s = null;
    summary.native_text_imports_per_s = null;
  }
  summary.targets = Object.fromEntries(
    Object.entries(TARGETS)
      .filter(([key]) => key in summary)
      .map(([key, [op, bound]]) => {
        const value = summary[key];
        const met = value === null ? null : op === '<=' ? value <= bound : value >= bound;
        return [key, { target: `${op} ${bound}`, met }];
      }),
  );
  summary.reasons = Object.fromEntries(
    Object.entries(REASONS).filter(([key]) => summary.targets[key]?.met === false),
  );
  summary.spread = Object.fromEntries(Object.entries(spread).map(([k, s]) => [k, roundAll(s)]));
  summary.details = details;
  return summary;
}

function round(x) {
  if (x === null || x === undefined || Number.isNaN(x)) return null;
  if (Math.abs(x) >= 1000) return Math.round(x);
  return Math.round(x * 1000) / 1000;
}

function roundAll(s) {
  return { min: round(s.min), median: round(s.median), max: round(s.max), runs: s.runs };
}

function printTable(summary) {
  const rows = [['key', 'min', 'median', 'max', 'target', '']];
  for (const [key, s] of Object.entries(summary.spread)) {
    const t = summary.targets[key];
    rows.push([key, s.min, s.median, s.max, t?.target ?? '', t ? (t.met ? 'met' : 'MISSED') : '']);
  }
  for (const key of SIZE_KEYS) {
    const t = summary.targets[key];
    rows.push([key, '', summary[key], '', t?.target ?? '', t ? (t.met ? 'met' : 'MISSED') : '']);
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c] ?? '').length)));
  for (const [i, r] of rows.entries()) {
    console.log(r.map((v, c) => (c === 0 ? String(v ?? '').padEnd(widths[c]) : String(v ?? '').padStart(widths[c]))).join('  '));
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
  for (const [key, reason] of Object.entries(summary.reasons)) console.log(`${key} MISSED: ${reason}`);
}

const size = sizes();
const browserFigures = flag('--no-browser') ? null : await browserBenchmarks();
const node = nodeBenchmarks();
const native = flag('--no-native') ? null : nativeBenchmarks();
const summary = browserFigures ? summarise(browserFigures, native, size, node) : finishSummary({}, native, size, node);
const nativeFailed = !flag('--no-native') && native === null;
mkdirSync(`${root}target/bench`, { recursive: true });
writeFileSync(`${root}target/bench/summary.json`, `${JSON.stringify(summary, null, 2)}\n`);
printTable(summary);
console.log('bench: target/bench/summary.json written');
if (nativeFailed) process.exit(1);
