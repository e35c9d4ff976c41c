// Shared by the package tests (tests/e2e/package-*.test.mjs): the package as a user gets it, a
// `npm pack` tarball, put into a copy of a consumer project the way each kind of user puts it
// there, and a small static server that answers as a portal's server does. Nothing here reaches
// the network: the tarball has no dependencies, and Vite is the one installed at the root.
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const CONSUMERS = join(ROOT, 'tests', 'consumers');

/** npm without the network, its notices, or a write to the consumer's package.json. */
const NPM_ENV = {
  ...process.env,
  npm_config_offline: 'true',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
  npm_config_loglevel: 'error',
};

export async function npm(args, cwd) {
  return run('npm', args, { cwd, env: NPM_ENV, maxBuffer: 16 * 1024 * 1024 });
}

/**
 * `npm pack` of the built package into a new temporary folder. Resolves to the folder, the
 * tarball's path and npm's account of it (sizes and files). The lifecycle scripts are skipped:
 * `prepack` builds, and the tests run on the build `npm run build` made.
 */
export async function pack() {
  try {
    await stat(join(ROOT, 'pkg', 'disclosure_report_bg.wasm'));
  } catch {
    throw new Error('pkg/ is not built: run `npm run build` first');
  }
  const dir = await mkdtemp(join(tmpdir(), 'disclosure-report-pack-'));
  const { stdout } = await npm(['pack', '--ignore-scripts', '--json', '--pack-destination', dir], ROOT);
  const [info] = JSON.parse(stdout);
  return { dir, tarball: join(dir, info.filename), info };
}

/** Copy a consumer project (tests/consumers/NAME) into `dir`, leaving out anything built. */
export async function copyConsumer(name, dir) {
  await cp(join(CONSUMERS, name), dir, {
    recursive: true,
    filter: (src) => !/[\\/](node_modules|dist)([\\/]|$)/.test(src),
  });
  return dir;
}

/**
 * Install the tarball into `project/node_modules` with npm, as `npm install disclosure-report`
 * would. npm runs in a scratch folder beside the project, so the project's own package.json (which
 * names the registry version, and Vite) is neither resolved against the registry nor rewritten.
 */
export async function install(tarball, project) {
  const scratch = `${project}.npm`;
  await mkdir(scratch, { recursive: true });
  await writeFile(join(scratch, 'package.json'), JSON.stringify({ name: 'scratch', private: true }));
  await npm(['install', '--no-package-lock', '--no-save', tarball], scratch);
  await mkdir(join(project, 'node_modules'), { recursive: true });
  await cp(join(scratch, 'node_modules', 'disclosure-report'), join(project, 'node_modules', 'disclosure-report'), { recursive: true });
  await rm(scratch, { recursive: true, force: true });
  return join(project, 'node_modules', 'disclosure-report');
}

/** Link a dev tool installed at the root (vite) into a consumer's node_modules. */
export async function linkRootPackage(name, project) {
  await mkdir(join(project, 'node_modules'), { recursive: true });
  await symlink(join(ROOT, 'node_modules', name), join(project, 'node_modules', name), 'dir');
}

/** Unpack the tarball as someone who downloads it does: `tar -xzf` gives a `package/` folder. */
export async function unpack(tarball, dir) {
  await mkdir(dir, { recursive: true });
  await run('tar', ['-xzf', tarball, '-C', dir]);
  return join(dir, 'package');
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
};

/** The policy a careful portal sends, with the one source the package needs. */
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'";
/** The same policy as a portal had it before adding the package. */
export const CSP_WITHOUT_WASM = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'";

/**
 * A portal's web server for a folder: static files under a Content-Security-Policy, and a form
 * endpoint that records what was posted to it. `wasmType` is the Content-Type it gives .wasm
 * files (old servers send application/octet-stream). Resolves to `{ url, posts, close }`.
 */
export function serveFolder(dir, { csp = CSP, wasmType = TYPES['.wasm'] } = {}) {
  const root = resolve(dir);
  const posts = [];
  const server = createServer(async (req, res) => {
    const headers = { 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' };
    const path = new URL(req.url, 'http://localhost').pathname;
    if (req.method === 'POST') {
      const chunks = [];
      for await (const chunk of req) chunks.push(chunk);
      posts.push({ path, body: new URLSearchParams(Buffer.concat(chunks).toString('utf8')) });
      res.writeHead(200, { ...headers, 'Content-Type': TYPES['.html'] });
      res.end('<!doctype html><html lang="zh-CN"><title>已提交</title><p>已收到年度报告数据。</p></html>');
      return;
    }
    let file = resolve(root, normalize(decodeURIComponent(path)).replace(/^[\\/]+/, ''));
    try {
      if (file !== root && !file.startsWith(root + sep)) throw new Error('outside');
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      const type = extname(file) === '.wasm' ? wasmType : TYPES[extname(file)] ?? 'application/octet-stream';
      res.writeHead(200, { ...headers, 'Content-Type': type });
      res.end(body);
    } catch {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('not found');
    }
  });
  return new Promise((resolveStart, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      resolveStart({
        url: `http://127.0.0.1:${server.address().port}`,
        posts,
        close: () => new Promise((r) => server.close(r)),
      });
    });
  });
}

/**
 * Before any page script runs, record the component's events as they reach the document:
 * `window.disclosureEvents` holds `{ type, detail }` with the diagnostics cut down to what the
 * tests compare (code, severity, cells) and an error to its name.
 */
export function recordEvents() {
  window.disclosureEvents = [];
  for (const type of ['disclosure:ready', 'disclosure:validate', 'disclosure:blocked', 'disclosure:unavailable']) {
    document.addEventListener(type, (event) => {
      const { detail } = event;
      const copy = { ...detail };
      if (detail.diagnostics) copy.diagnostics = detail.diagnostics.map((d) => ({ code: d.code, severity: d.severity, cells: d.cells }));
      if (detail.error) copy.error = { name: detail.error.name, message: detail.error.message };
      window.disclosureEvents.push({ type, detail: copy });
    });
  }
}

/**
 * A page in a fresh context, recording requests, failed responses, console messages and the
 * component's events.
 */
export async function openPage(browser, url) {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  page.requests = [];
  page.failed = [];
  page.console = [];
  page.on('request', (r) => page.requests.push(r.url()));
  page.on('response', (r) => { if (r.status() >= 400) page.failed.push(new URL(r.url()).pathname); });
  page.on('console', (m) => page.console.push({ type: m.type(), text: m.text() }));
  page.on('pageerror', (e) => page.console.push({ type: 'pageerror', text: String(e) }));
  await page.addInitScript(recordEvents);
  await page.goto(url);
  return page;
}

/** Wait for the component to say whether it runs: resolves to the ready or unavailable event. */
export async function settled(page) {
  await page.waitForFunction(() => window.disclosureEvents.some((e) => e.type === 'disclosure:ready' || e.type === 'disclosure:unavailable'));
  return page.evaluate(() => window.disclosureEvents.find((e) => e.type === 'disclosure:ready' || e.type === 'disclosure:unavailable'));
}

/** Console errors other than the browser's own 404 for /favicon.ico, which a portal page may lack. */
export function consoleErrors(page) {
  const only404IsFavicon = page.failed.every((path) => path === '/favicon.ico');
  return page.console.filter((m) => (m.type === 'error' || m.type === 'pageerror')
    && !(only404IsFavicon && m.text.startsWith('Failed to load resource: the server responded with a status of 404')));
}

export async function events(page, type) {
  return page.evaluate((t) => window.disclosureEvents.filter((e) => e.type === t).map((e) => e.detail), type);
}
