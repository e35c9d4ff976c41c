// Shared by the end-to-end tests: the demo server on a free port and Debian's Chromium, driven by
// playwright-core, started the way this project's machines allow (no sandbox as root, no background
// network). Every page records the requests it makes and the console errors it logs.
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

export async function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync',
    ],
  });
}

/** Server + browser for one test file. */
export async function setup(serverOptions = {}) {
  const { server, url } = await startServer({ port: 0, ...serverOptions });
  const browser = await launch();
  return {
    url,
    browser,
    async page(path = '/', { ready = true } = {}) {
      const context = await browser.newContext({ locale: 'zh-CN' });
      const page = await context.newPage();
      page.requests = [];
      page.consoleErrors = [];
      page.on('request', (r) => page.requests.push(r.url()));
      page.on('console', (m) => { if (m.type() === 'error') page.consoleErrors.push(m.text()); });
      page.on('pageerror', (e) => page.consoleErrors.push(String(e)));
      await page.goto(url + path);
      if (ready) await page.waitForFunction(() => document.documentElement.dataset.ready);
      return page;
    },
    async close() {
      await browser.close();
      await new Promise((r) => server.close(r));
    },
  };
}

/** axe-core's checks on the page as it is now; resolves to the violations (none, one hopes). */
export async function axe(page, options = {}) {
  // The demo server's CSP forbids inline scripts, so a <script> tag cannot carry axe in; evaluating
  // it through the DevTools protocol is not subject to the page's CSP.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(await axeSource());
  return page.evaluate((opts) => window.axe.run(document, opts).then((r) => r.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
  }))), options);
}

let axeText = null;
async function axeSource() {
  if (axeText === null) {
    const { readFile } = await import('node:fs/promises');
    const { createRequire } = await import('node:module');
    axeText = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  }
  return axeText;
}
