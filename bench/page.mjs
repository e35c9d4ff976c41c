// Opens bench/index.html in a page of its own, served beside the demo server's /pkg/ and /fixtures/:
// the demo server knows nothing of bench/, so the page's requests under /bench/ are answered from
// this folder. The page is cross-origin isolated (COOP + COEP), which gives it the finest clock a
// browser offers (5 µs instead of 100 µs), under the demo's own Content-Security-Policy.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CSP } from '../scripts/serve.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };

/**
 * A new page at `${url}/bench/${name}` once it says it is ready (`window.bench` for index.html).
 * Close its context when done.
 */
export async function openBench(browser, url, name = 'index.html') {
  const context = await browser.newContext({ locale: 'zh-CN' });
  await context.route(`${url}/bench/**`, async (route) => {
    const name = new URL(route.request().url()).pathname.slice('/bench/'.length) || 'index.html';
    if (!/^[a-z-]+\.(html|js)$/.test(name)) return route.fulfill({ status: 404, body: 'not found' });
    try {
      const body = await readFile(here + name);
      return route.fulfill({
        status: 200,
        body,
        headers: {
          'Content-Type': TYPES[extname(name)],
          'Content-Security-Policy': CSP,
          'Cross-Origin-Opener-Policy': 'same-origin',
          'Cross-Origin-Embedder-Policy': 'require-corp',
          'Cache-Control': 'no-store',
        },
      });
    } catch {
      return route.fulfill({ status: 404, body: 'not found' });
    }
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(`${url}/bench/${name}`);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true' || undefined, null, { timeout: 30000 })
    .catch((e) => {
      throw new Error(`the bench page did not start: ${errors.join('; ') || e.message}`);
    });
  page.benchErrors = errors;
  return page;
}
