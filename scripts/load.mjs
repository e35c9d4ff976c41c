// npm run load: the server re-check under load. A portal's server re-checks every uploaded report
// (README, "In Node: re-check an upload on the server"); this is such a server, hardened, and a
// bounded load run against it.
//
//   node scripts/load.mjs [--requests 5000] [--concurrency 32] [--workers <cores>]
//
// The server listens on 127.0.0.1 only. `POST /check` with a report in the project's JSON format
// (`Content-Type: application/json`) answers 200 with the submit-time verdict
// (`validate(report, { mode: 'submit' })` from pkg/node.js): `{ accepted, form, errors, warnings }`.
// A body that is not such a report is refused before the checker sees it, with a 4xx and
// `{ accepted: false, error: { code, message } }`: too large (413), not UTF-8, empty, not JSON,
// nested deeper than a report is, or carrying a `__proto__`/`constructor`/`prototype` key (400),
// a string or a table larger than a report has, or JSON that is not a report (422), another media
// type (415). The checks run on worker threads, one per core; the main thread only moves bytes.
//
// The load run sends a fixed number of requests at a fixed concurrency, mixing the fixtures'
// reports (read with importReport, as a page would upload them) with hostile bodies, and prints
// throughput, latency (p50/p95/p99), memory (RSS, heap, each worker's wasm memory) before and after,
// and whether every request got the answer expected of it, no worker died, and no prototype was
// polluted (main thread and every worker). Exit 1 when any of that fails.
//
// The functions are exported for tests/e2e/load.test.mjs: startServer, makeSamples, runLoad,
// snapshot, verify, LIMITS.
import http from 'node:http';
import os from 'node:os';
import { existsSync, readFileSync } from 'node:fs';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const root = fileURLToPath(new URL('..', import.meta.url));
const NODE_ENTRY = new URL('../pkg/node.js', import.meta.url);

/** What the server accepts. A report in the project's format is a few kilobytes (the fixtures:
 * 3–7 KB of JSON, two levels deep); every bound leaves a wide margin above that. */
export const LIMITS = Object.freeze({
  /** The body, in bytes (1 MiB). Larger bodies are read to the end, discarded, and refused (413). */
  bodyBytes: 1024 * 1024,
  /** Past this (declared or streamed), the connection is dropped after the 413 (16 MiB). */
  hardCapBytes: 16 * 1024 * 1024,
  /** Nesting of objects and arrays. A report is 2 deep (the report, its cells). */
  depth: 8,
  /** Each string but the narrative: a cell's value as typed, the agency, title, date, a cell id. */
  stringChars: 256,
  /** The narrative, the report's text around the tables (the fixtures': 3,000–6,000 characters). */
  narrativeChars: 300_000,
  /** Cells in one report (the largest form has 257). */
  cells: 2000,
  /** Re-checks waiting or running across the workers; past it, 503. */
  queue: 1024,
  /** A re-check taking longer is answered 503 and its worker replaced. */
  jobMs: 10_000,
});

const FORMS = ['2016', '2019', '2021', '2016-fj'];
const REPORT_KEYS = new Set(['format', 'version', 'form', 'year', 'agency', 'date', 'title', 'cells', 'narrative']);
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const LOOPBACK = new Set(['127.0.0.1', '::1']);

// ---------------------------------------------------------------------------------------------
// Prototype pollution probe: Object.prototype as this thread first saw it, and a check against it.

const PROTO_BASELINE = describeObjectPrototype();

function describeObjectPrototype() {
  const props = new Map();
  for (const key of Reflect.ownKeys(Object.prototype)) {
    const d = Object.getOwnPropertyDescriptor(Object.prototype, key);
    props.set(key, [d.value, d.get, d.set, d.writable, d.enumerable, d.configurable]);
  }
  return { props, extensible: Object.isExtensible(Object.prototype), proto: Object.getPrototypeOf(Object.prototype) };
}

/** Whether Object.prototype is as this thread first saw it and `({}).polluted` is undefined. */
export function pollutionCheck() {
  const now = describeObjectPrototype();
  const problems = [];
  if (({}).polluted !== undefined) problems.push('({}).polluted is defined');
  if (now.extensible !== PROTO_BASELINE.extensible) problems.push('Object.prototype extensibility changed');
  if (now.proto !== PROTO_BASELINE.proto) problems.push("Object.prototype's prototype changed");
  for (const key of new Set([...PROTO_BASELINE.props.keys(), ...now.props.keys()])) {
    const a = PROTO_BASELINE.props.get(key);
    const b = now.props.get(key);
    if (!a || !b || a.some((v, i) => v !== b[i])) problems.push(`Object.prototype[${String(key)}] changed`);
  }
  return { clean: problems.length === 0, problems };
}

// ---------------------------------------------------------------------------------------------
// The re-check of one body (runs on a worker).

class Refusal extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** Whether objects and arrays nest deeper than `limit`: one pass over the text, before parsing. */
function nestsDeeperThan(text, limit) {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

const plural = (n, word) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

/** The report's shape, as the project's JSON format has it (README, "The JSON format for upload"). */
function checkShape(value, limits) {
  const notReport = (why) => new Refusal(422, 'not-a-report', `the body is JSON but not a report in the project's format: ${why}`);
  const tooLong = (what, n, limit) =>
    new Refusal(422, 'string-too-long', `${what} is ${plural(n, 'character')} long; the limit is ${limit.toLocaleString('en')}`);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw notReport(`it is ${value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`}, not an object`);
  }
  for (const key of Object.keys(value)) {
    if (!REPORT_KEYS.has(key)) throw notReport(`unknown field "${key.slice(0, 40)}" (the fields: ${[...REPORT_KEYS].join(', ')})`);
  }
  if (value.format !== undefined && value.format !== 'disclosure-report') throw notReport('"format" must be "disclosure-report"');
  if (value.version !== undefined && value.version !== 1) throw notReport('"version" must be 1');
  if (!FORMS.includes(value.form)) throw notReport(`"form" must be one of ${FORMS.map((f) => `"${f}"`).join(', ')}`);
  if (value.year !== undefined && value.year !== null && !(Number.isInteger(value.year) && value.year >= 1900 && value.year <= 2999)) {
    throw notReport('"year" must be a whole number (the year reported on)');
  }
  for (const key of ['agency', 'date', 'title']) {
    const v = value[key];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string') throw notReport(`"${key}" must be a string`);
    if (v.length > limits.stringChars) throw tooLong(`"${key}"`, v.length, limits.stringChars);
  }
  if (value.narrative !== undefined && value.narrative !== null) {
    if (typeof value.narrative !== 'string') throw notReport('"narrative" must be a string');
    if (value.narrative.length > limits.narrativeChars) throw tooLong('"narrative"', value.narrative.length, limits.narrativeChars);
  }
  if (value.cells !== undefined) {
    const { cells } = value;
    if (cells === null || typeof cells !== 'object' || Array.isArray(cells)) throw notReport('"cells" must be an object of cell id → value');
    const ids = Object.keys(cells);
    if (ids.length > limits.cells) {
      throw new Refusal(422, 'too-many-cells', `"cells" has ${plural(ids.length, 'cell')}; the limit is ${limits.cells.toLocaleString('en')}`);
    }
    for (const id of ids) {
      if (id.length > limits.stringChars) throw tooLong('a cell id', id.length, limits.stringChars);
      const v = cells[id];
      if (typeof v !== 'string') throw notReport(`cell "${id}" must be a string (the value as typed), not ${v === null ? 'null' : Array.isArray(v) ? 'an array' : `a ${typeof v}`}`);
      if (v.length > limits.stringChars) throw tooLong(`cell "${id}"`, v.length, limits.stringChars);
    }
  }
}

/** One body's answer: `{ status, body }`. `validate` is pkg/node.js's. */
function recheck(bytes, limits, validate) {
  try {
    let text;
    try {
      // fatal: invalid UTF-8 is refused, not replaced; a byte order mark is dropped.
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new Refusal(400, 'bad-encoding', 'the body is not valid UTF-8');
    }
    if (text.trim() === '') throw new Refusal(400, 'empty-body', 'the body is empty; send the report as JSON');
    if (nestsDeeperThan(text, limits.depth)) {
      throw new Refusal(400, 'too-deep', `the JSON nests objects and arrays more than ${limits.depth} deep; a report is 2 deep`);
    }
    let report;
    try {
      report = JSON.parse(text, (key, value) => {
        // JSON.parse makes "__proto__" an own property (harmless here), but code that merges or
        // copies the report later might not: such keys are refused outright.
        if (FORBIDDEN_KEYS.has(key)) throw new Refusal(400, 'forbidden-key', `the key "${key}" is not allowed anywhere in the body`);
        return value;
      });
    } catch (error) {
      if (error instanceof Refusal) throw error;
      throw new Refusal(400, 'not-json', `the body is not JSON (${String(error.message).slice(0, 120)})`);
    }
    checkShape(report, limits);
    let diagnostics;
    try {
      ({ diagnostics } = validate(report, { mode: 'submit' }));
    } catch (error) {
      const message = String(error?.message ?? error);
      if (!message.startsWith('disclosure-report:')) throw error; // not the checker's refusal: a 500
      throw new Refusal(422, 'not-a-report', message.replace(/^disclosure-report: /, '').slice(0, 300));
    }
    const errors = diagnostics
      .filter((d) => d.severity === 'error')
      .map(({ code, cells, expected, actual, message }) => ({ code, cells, expected, actual, message }));
    const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
    return { status: 200, body: { accepted: errors.length === 0, form: report.form, errors, warnings } };
  } catch (error) {
    if (error instanceof Refusal) return refusal(error.status, error.code, error.message);
    return { ...refusal(500, 'internal', 'the re-check failed'), fatal: String(error?.stack ?? error) };
  }
}

/**
 * A full garbage collection of this thread's heap before its memory is measured, so that the figures
 * are what is kept, not what is yet to be collected. (`--expose-gc` set at run time, for a function
 * in a fresh context: the usual way without a command-line flag.)
 */
let gcFunction;
function collectGarbage() {
  if (gcFunction === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      gcFunction = runInNewContext('gc');
    } catch {
      gcFunction = null;
    }
  }
  gcFunction?.();
}

function refusal(status, code, message) {
  return { status, body: { accepted: false, error: { code, message } } };
}

async function workerMain() {
  const { limits } = workerData;
  const api = await import(NODE_ENTRY.href);
  const wasm = api.initSync(); // already loaded by node.js: gives the instance's exports
  const memory = () => (collectGarbage(), {
    wasmBytes: wasm.memory.buffer.byteLength,
    heapUsed: process.memoryUsage().heapUsed,
  });
  parentPort.on('message', (message) => {
    if (message.type === 'check') {
      const answer = recheck(message.bytes, limits, api.validate);
      parentPort.postMessage({ type: 'answer', id: message.id, status: answer.status, json: JSON.stringify(answer.body) });
      if (answer.fatal) {
        // The wasm instance may be in a bad state after an unexpected failure: start afresh.
        console.error(`load: worker ${workerData.slot}: ${answer.fatal}`);
        process.exit(70);
      }
    } else if (message.type === 'probe') {
      parentPort.postMessage({ type: 'probe', id: message.id, pollution: pollutionCheck(), memory: memory() });
    }
  });
  parentPort.postMessage({ type: 'ready' });
}

// ---------------------------------------------------------------------------------------------
// The worker pool (main thread).

class Pool {
  constructor(size, limits) {
    this.size = size;
    this.limits = limits;
    this.slots = [];
    this.jobs = new Map();
    this.nextId = 1;
    this.restarts = 0;
    this.closing = false;
    this.ready = Promise.all(Array.from({ length: size }, (_, slot) => this.spawn(slot)));
  }

  spawn(slot) {
    const worker = new Worker(new URL(import.meta.url), { workerData: { role: 'recheck', slot, limits: this.limits } });
    const entry = { worker, busy: 0, alive: true };
    this.slots[slot] = entry;
    return new Promise((resolve, reject) => {
      worker.on('message', (message) => {
        if (message.type === 'ready') resolve();
        else this.settle(message.id, message);
      });
      worker.on('error', (error) => {
        reject(error);
        console.error(`load: worker ${slot} failed: ${error?.stack ?? error}`);
      });
      worker.on('exit', (code) => {
        entry.alive = false;
        for (const [id, job] of this.jobs) {
          if (job.entry === entry) this.settle(id, { status: 500, json: JSON.stringify(refusal(500, 'internal', 'the re-check failed').body) });
        }
        if (this.closing) return;
        reject(new Error(`worker ${slot} exited (${code}) before it was ready`));
        this.restarts += 1;
        this.spawn(slot).catch(() => {});
      });
    });
  }

  get inFlight() {
    return this.jobs.size;
  }

  settle(id, message) {
    const job = this.jobs.get(id);
    if (!job) return;
    this.jobs.delete(id);
    clearTimeout(job.timer);
    job.entry.busy -= 1;
    job.resolve(message);
  }

  /** The least busy live worker. */
  pick() {
    let best = null;
    for (const entry of this.slots) if (entry?.alive && (!best || entry.busy < best.busy)) best = entry;
    return best;
  }

  /** Re-check `bytes` (a Uint8Array that this call may transfer): resolves to `{ status, json }`. */
  check(bytes) {
    const entry = this.pick();
    if (!entry) return Promise.resolve({ status: 503, json: JSON.stringify(refusal(503, 'busy', 'no re-check worker is running; try again').body) });
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.settle(id, { status: 503, json: JSON.stringify(refusal(503, 'timeout', `the re-check took longer than ${this.limits.jobMs} ms`).body) });
        entry.worker.terminate(); // its exit starts a fresh one
      }, this.limits.jobMs);
      this.jobs.set(id, { entry, resolve, timer });
      entry.busy += 1;
      entry.worker.postMessage({ type: 'check', id, bytes }, [bytes.buffer]);
    });
  }

  /** Every live worker's pollution check and memory. */
  probe() {
    return Promise.all(
      this.slots.filter((e) => e.alive).map((entry) => {
        const id = this.nextId++;
        return new Promise((resolve) => {
          const timer = setTimeout(() => this.settle(id, null), 5000);
          this.jobs.set(id, { entry, resolve, timer });
          entry.busy += 1;
          entry.worker.postMessage({ type: 'probe', id });
        });
      }),
    );
  }

  async close() {
    this.closing = true;
    await Promise.all(this.slots.map((e) => e.worker.terminate()));
  }
}

// ---------------------------------------------------------------------------------------------
// The HTTP server (main thread).

function send(res, status, json, extra = {}) {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(json),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...extra,
  });
  res.end(json);
}

const refuse = (res, status, code, message, extra) => send(res, status, JSON.stringify(refusal(status, code, message).body), extra);

function handle(req, res, pool, limits) {
  const path = (req.url ?? '').split('?')[0];
  req.on('error', () => {}); // a client that goes away mid-body is no error of ours
  if (path !== '/check') {
    req.resume();
    return refuse(res, 404, 'not-found', 'POST the report to /check');
  }
  if (req.method !== 'POST') {
    req.resume();
    return refuse(res, 405, 'method-not-allowed', 'POST the report to /check', { Allow: 'POST' });
  }
  const type = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') {
    req.resume();
    return refuse(res, 415, 'unsupported-media-type', `send the report as application/json, not ${type || 'no Content-Type'}`);
  }
  const tooLarge = (bytes) =>
    `the body is ${bytes === null ? 'larger than that' : plural(bytes, 'byte')}; the limit is ${plural(limits.bodyBytes, 'byte')} (${limits.bodyBytes / 1024 / 1024} MiB)`;
  const declared = req.headers['content-length'] === undefined ? null : Number(req.headers['content-length']);
  if (declared !== null && declared > limits.hardCapBytes) {
    // Not worth reading: answer, then drop the connection.
    res.once('finish', () => req.socket.destroy());
    return refuse(res, 413, 'body-too-large', tooLarge(declared), { Connection: 'close' });
  }
  if (pool.inFlight >= limits.queue) {
    req.resume();
    return refuse(res, 503, 'busy', 'too many re-checks at once; try again shortly', { 'Retry-After': '1' });
  }
  const chunks = [];
  let size = 0;
  req.on('data', (chunk) => {
    size += chunk.length;
    if (size > limits.hardCapBytes) {
      res.once('finish', () => req.socket.destroy());
      refuse(res, 413, 'body-too-large', tooLarge(null), { Connection: 'close' });
      req.pause();
      return;
    }
    // Past the limit the body is read to its end (so the client gets a clean answer) but not kept.
    if (size <= limits.bodyBytes) chunks.push(chunk);
  });
  req.on('end', () => {
    if (res.headersSent) return;
    if (size > limits.bodyBytes) return refuse(res, 413, 'body-too-large', tooLarge(size));
    // A copy of its own, so that its memory can be transferred to the worker.
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) {
      bytes.set(c, at);
      at += c.length;
    }
    pool.check(bytes).then(({ status, json }) => send(res, status, json));
  });
}

/**
 * Start the re-check server on the loopback interface. Resolves to
 * `{ url, server, pool, probe(), close() }` once every worker has loaded the checker.
 */
export async function startServer({ host = '127.0.0.1', port = 0, workers = defaultWorkers(), limits = LIMITS } = {}) {
  if (!LOOPBACK.has(host)) throw new Error(`load: the server listens on a loopback address only (127.0.0.1 or ::1), not ${host}`);
  requireBuild();
  const pool = new Pool(workers, limits);
  try {
    await pool.ready;
  } catch (error) {
    await pool.close();
    throw error;
  }
  const server = http.createServer((req, res) => handle(req, res, pool, limits));
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  server.maxHeadersCount = 64;
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address();
  if (!LOOPBACK.has(address.address)) {
    server.close();
    await pool.close();
    throw new Error(`load: the server is on ${address.address}, not a loopback address`);
  }
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  return {
    url,
    server,
    pool,
    /** The pollution check and memory of the main thread and of every worker. */
    async probe() {
      const workers = await pool.probe();
      return { main: { pollution: pollutionCheck(), memory: mainMemory() }, workers };
    },
    async close() {
      server.closeAllConnections?.();
      await new Promise((resolve) => server.close(resolve));
      await pool.close();
    },
  };
}

export function defaultWorkers() {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

function requireBuild() {
  if (!existsSync(NODE_ENTRY)) throw new Error('load: pkg/node.js is missing; build first (npm run build, or bash scripts/build.sh)');
}

function mainMemory() {
  collectGarbage();
  const { rss, heapUsed, arrayBuffers } = process.memoryUsage();
  return { rss, heapUsed, arrayBuffers };
}

// ---------------------------------------------------------------------------------------------
// What the load run sends.

/**
 * The bodies of the load run: `{ valid, hostile, edge }`, each `{ name, kind, body (Buffer), type,
 * expect }`. The valid ones are the fixtures read with importReport (the JSON a page uploads), each
 * also with a wrong figure in it; their expected verdict is `validate` run here, in the main thread.
 * The hostile ones expect a refusal: `{ status, code }`. The edge one is the largest report the
 * limits allow, expected to be checked like any other.
 */
export async function makeSamples(limits = LIMITS) {
  requireBuild();
  const { importReport, validate } = await import(NODE_ENTRY.href);
  const valid = [];
  const verdict = (report) => {
    const { diagnostics } = validate(report, { mode: 'submit' });
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    return { status: 200, accepted: errors === 0, errors, form: report.form };
  };
  const fixtures = ['2016-liupanshui-seed.txt', 'new-2019-shanghai-bangongting.txt', 'new-2023-shuyang-fagaiju.txt',
    'new-2023-shuyang-fagaiju.md', 'new-2023-shuyang-fagaiju.tsv'];
  for (const file of fixtures) {
    const { report } = importReport(readFileSync(new URL(`../tests/fixtures/${file}`, import.meta.url), 'utf8'));
    if (!report) throw new Error(`load: tests/fixtures/${file} did not import`);
    valid.push({ name: file, kind: 'valid', body: Buffer.from(JSON.stringify(report)), expect: verdict(report) });
    const [first] = Object.keys(report.cells);
    const wrong = { ...report, cells: { ...report.cells, [first]: '十二个' } };
    valid.push({ name: `${file}, a wrong figure`, kind: 'valid', body: Buffer.from(JSON.stringify(wrong)), expect: verdict(wrong) });
  }
  const base = JSON.parse(valid[0].body.toString());
  const json = (v) => Buffer.from(JSON.stringify(v));
  const bad = (name, body, status, code, type) => ({ name, kind: 'hostile', body: Buffer.isBuffer(body) ? body : Buffer.from(body), type, expect: { status, code } });
  const nested = (depth) => {
    let v = '1';
    for (let i = 0; i < depth; i++) v = { a: v };
    return v;
  };
  const hostile = [
    bad('huge string (2 MiB narrative)', json({ ...base, narrative: 'x'.repeat(2 * 1024 * 1024) }), 413, 'body-too-large'),
    bad('huge body of digits (1.5 MiB)', '9'.repeat(1.5 * 1024 * 1024), 413, 'body-too-large'),
    bad('long cell value (50,000 characters)', json({ ...base, cells: { ...base.cells, '3.1': '1'.repeat(50_000) } }), 422, 'string-too-long'),
    bad('long narrative (400,000 characters)', json({ ...base, narrative: '年'.repeat(100_000) + 'a'.repeat(300_000) }), 422, 'string-too-long'),
    bad('long cell id', json({ ...base, cells: { ['x'.repeat(5000)]: '1' } }), 422, 'string-too-long'),
    bad('deeply nested arrays (100,000)', '['.repeat(100_000) + ']'.repeat(100_000), 400, 'too-deep'),
    bad('deeply nested objects in cells (2,000)', JSON.stringify({ form: '2021', cells: { a: nested(2000) } }), 400, 'too-deep'),
    bad('unclosed nesting (50,000)', '{"a":'.repeat(50_000), 400, 'too-deep'),
    bad('__proto__ at the top', `{"form":"2021","cells":{},"__proto__":{"polluted":"yes"}}`, 400, 'forbidden-key'),
    bad('__proto__ in cells', `{"form":"2021","cells":{"__proto__":{"polluted":"yes"}}}`, 400, 'forbidden-key'),
    bad('__proto__ escaped', `{"form":"2021","cells":{},"\\u005f_proto__":{"polluted":"yes"}}`, 400, 'forbidden-key'),
    bad('constructor.prototype', `{"form":"2021","cells":{},"constructor":{"prototype":{"polluted":"yes"}}}`, 400, 'forbidden-key'),
    bad('prototype as a cell id', `{"form":"2021","cells":{"prototype":"1"}}`, 400, 'forbidden-key'),
    bad('not JSON (a form post)', 'form=2021&cells=1', 400, 'not-json'),
    bad('truncated JSON', valid[0].body.subarray(0, 200), 400, 'not-json'),
    bad('empty body', '', 400, 'empty-body'),
    bad('invalid UTF-8', Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]), 400, 'bad-encoding'),
    bad('an array', '[1,2,3]', 422, 'not-a-report'),
    bad('a string', '"report"', 422, 'not-a-report'),
    bad('null', 'null', 422, 'not-a-report'),
    bad('unknown form', '{"form":"1999","cells":{}}', 422, 'not-a-report'),
    bad('a number for a cell', '{"form":"2021","cells":{"A:regulations:issued":12}}', 422, 'not-a-report'),
    bad('an unknown field', `{"form":"2021","cells":{},"polluted":true}`, 422, 'not-a-report'),
    bad('the year as text', '{"form":"2021","year":"2023","cells":{}}', 422, 'not-a-report'),
    bad('too many cells (5,000)', json({ form: '2021', cells: Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`c${i}`, '1'])) }), 422, 'too-many-cells'),
    bad('a report as text/plain', valid[0].body, 415, 'unsupported-media-type', 'text/plain'),
  ];
  // At the limits, and accepted: the largest report the server takes (a narrative of the most
  // characters allowed, every string and cell of the most allowed), just under the body's limit.
  const full = JSON.parse(valid.find((v) => v.name.endsWith('.tsv')).body.toString());
  const largest = {
    ...full,
    agency: '局'.repeat(limits.stringChars),
    title: '题'.repeat(limits.stringChars),
    cells: Object.fromEntries(Object.keys(full.cells).map((id) => [id, '１'.repeat(limits.stringChars)])),
    narrative: '年'.repeat(limits.narrativeChars),
  };
  const edge = [{ name: 'the largest report accepted', kind: 'edge', body: json(largest), expect: verdict(largest) }];
  if (edge[0].body.length > limits.bodyBytes) throw new Error('load: the largest report is over the body limit');
  return { valid, hostile, edge };
}

// ---------------------------------------------------------------------------------------------
// The load run.

/** POST one sample to `${url}/check`: resolves to `{ status, type, body, ms }` or `{ error, ms }`. */
export function post(agent, url, sample) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const req = http.request(`${url}/check`, {
      method: 'POST',
      agent,
      headers: { 'Content-Type': sample.type ?? 'application/json', 'Content-Length': sample.body.length },
    });
    req.on('response', (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        let body = null;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          body = null;
        }
        resolve({ status: res.statusCode, type: res.headers['content-type'], body, ms });
      });
      res.on('error', (error) => resolve({ error, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
    });
    req.on('error', (error) => resolve({ error, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
    req.end(sample.body);
  });
}

/** Why an answer is not the one expected of `sample`, or null. */
export function mismatch(sample, answer) {
  if (answer.error) return `no answer: ${answer.error.code ?? answer.error.message}`;
  const { expect } = sample;
  if (answer.status !== expect.status) return `status ${answer.status}, expected ${expect.status}`;
  if (!String(answer.type).startsWith('application/json')) return `Content-Type ${answer.type}`;
  if (!answer.body || typeof answer.body !== 'object') return 'the answer is not JSON';
  if (expect.code) {
    const { error } = answer.body;
    if (answer.body.accepted !== false || !error) return 'a refusal without { accepted: false, error }';
    if (error.code !== expect.code) return `code ${error.code}, expected ${expect.code}`;
    if (typeof error.message !== 'string' || error.message.length < 10) return 'a refusal without a message';
    return null;
  }
  if (answer.body.accepted !== expect.accepted) return `accepted ${answer.body.accepted}, expected ${expect.accepted}`;
  if (answer.body.form !== expect.form) return `form ${answer.body.form}, expected ${expect.form}`;
  if (!Array.isArray(answer.body.errors) || answer.body.errors.length !== expect.errors) {
    return `${answer.body.errors?.length} errors, expected ${expect.errors}`;
  }
  return null;
}

const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);

function latency(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN };
}

/**
 * Send `requests` requests at `concurrency` to the server at `url`: request i is hostile when
 * i % hostileEvery === hostileEvery - 1 (cycling through the hostile bodies and the edge one),
 * else a valid report (cycling through them). Resolves to the figures and the mismatches.
 */
export async function runLoad({ url, samples, requests = 5000, concurrency = 32, hostileEvery = 4 }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const probing = [...samples.hostile, ...(samples.edge ?? [])];
  const plan = Array.from({ length: requests }, (_, i) => {
    const k = Math.floor(i / hostileEvery);
    return i % hostileEvery === hostileEvery - 1 ? probing[k % probing.length] : samples.valid[(i - k) % samples.valid.length];
  });
  const times = { all: [], valid: [], hostile: [], edge: [] };
  const statuses = {};
  const failures = [];
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, requests) }, async () => {
      while (next < plan.length) {
        const sample = plan[next++];
        const answer = await post(agent, url, sample);
        times.all.push(answer.ms);
        times[sample.kind].push(answer.ms);
        const key = answer.error ? 'no answer' : String(answer.status);
        statuses[key] = (statuses[key] ?? 0) + 1;
        const why = mismatch(sample, answer);
        if (why) failures.push({ sample: sample.name, why });
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  return {
    requests,
    concurrency,
    valid: times.valid.length,
    hostile: times.hostile.length,
    edge: times.edge.length,
    seconds,
    rps: requests / seconds,
    latency: latency(times.all),
    latencyValid: latency(times.valid),
    latencyHostile: latency(times.hostile),
    latencyEdge: latency(times.edge),
    statuses,
    failures,
  };
}

/** The process's RSS and heap, and each worker's heap and wasm memory, now (each heap after a full
 * garbage collection). */
export async function snapshot(srv) {
  const { main, workers } = await srv.probe();
  const { rss, heapUsed, arrayBuffers } = main.memory;
  return { rss, heapUsed, arrayBuffers, workers: workers.map((w) => w?.memory ?? null) };
}

/** What must hold after a run: the list of problems (empty when all is well). */
export async function verify(srv, result) {
  const problems = [];
  for (const f of result.failures.slice(0, 20)) problems.push(`${f.sample}: ${f.why}`);
  if (result.failures.length > 20) problems.push(`… and ${result.failures.length - 20} more mismatches`);
  if (srv.pool.restarts) problems.push(`${srv.pool.restarts} worker(s) died and were replaced`);
  const { main, workers } = await srv.probe();
  if (!main.pollution.clean) problems.push(`main thread: ${main.pollution.problems.join('; ')}`);
  if (workers.length !== srv.pool.size) problems.push(`${workers.length} of ${srv.pool.size} workers answer`);
  workers.forEach((w, i) => {
    if (!w) problems.push(`worker ${i} does not answer`);
    else if (!w.pollution.clean) problems.push(`worker ${i}: ${w.pollution.problems.join('; ')}`);
  });
  return problems;
}

const MiB = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const ms = (v) => `${v.toFixed(1)} ms`;

/** The figures, as lines of text. */
export function describe(result, before, after) {
  const lat = (l) => `p50 ${ms(l.p50)}, p95 ${ms(l.p95)}, p99 ${ms(l.p99)}, max ${ms(l.max)}`;
  const wasm = (s) => s.workers.map((w) => (w ? MiB(w.wasmBytes) : '?')).join(' / ');
  const heaps = (s) => s.workers.map((w) => (w ? MiB(w.heapUsed) : '?')).join(' / ');
  return [
    `requests: ${result.requests} (${result.valid} valid reports, ${result.hostile} hostile bodies, ${result.edge} of the largest report accepted) at concurrency ${result.concurrency}, ${before.workers.length} worker threads`,
    `throughput: ${result.rps.toFixed(0)} req/s (${result.seconds.toFixed(2)} s)`,
    `latency: ${lat(result.latency)}`,
    `latency, valid reports: ${lat(result.latencyValid)}`,
    `latency, hostile bodies: ${lat(result.latencyHostile)}`,
    `latency, the largest report accepted: ${lat(result.latencyEdge)}`,
    `statuses: ${Object.entries(result.statuses).map(([s, n]) => `${s}×${n}`).join(', ')}`,
    `rss (the whole process, every thread): ${MiB(before.rss)} before, ${MiB(after.rss)} after`,
    `main thread heap: ${MiB(before.heapUsed)} before, ${MiB(after.heapUsed)} after; its buffers ${MiB(before.arrayBuffers)} before, ${MiB(after.arrayBuffers)} after`,
    `worker heaps: ${heaps(before)} before, ${heaps(after)} after`,
    `worker wasm memory: ${wasm(before)} before, ${wasm(after)} after`,
  ];
}

async function main() {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  const requests = option('--requests', 5000);
  const concurrency = option('--concurrency', 32);
  const workers = option('--workers', defaultWorkers());
  const rssStart = process.memoryUsage().rss;
  const samples = await makeSamples();
  const srv = await startServer({ workers });
  try {
    console.log(`load: server on ${srv.url} (loopback only), ${workers} worker threads; process RSS at start ${MiB(rssStart)}`);
    const before = await snapshot(srv);
    const result = await runLoad({ url: srv.url, samples, requests, concurrency });
    const after = await snapshot(srv);
    for (const line of describe(result, before, after)) console.log(`load: ${line}`);
    const problems = await verify(srv, result);
    if (problems.length) {
      for (const p of problems) console.error(`load: FAIL ${p}`);
      process.exitCode = 1;
    } else {
      console.log('load: ok: every body got the answer expected of it (each hostile one a clear 4xx refusal), no worker died, Object.prototype unchanged in the main thread and every worker');
    }
  } finally {
    await srv.close();
  }
}

if (!isMainThread && workerData?.role === 'recheck') {
  await workerMain();
} else if (isMainThread && process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.chdir(root);
  await main();
}
