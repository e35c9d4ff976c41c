// Prints, for each PDF fixture: its pages, the time to read and check it natively (the release
// command line, best of 5) and in Chromium (the reviewers' page's checkReportFile, first file
// including the PDF reader's download and compilation, then best of 5), and the PDF reader's
// download. Run after `npm run build` and `cargo build --release`:
//
//   node scripts/pdf-times.mjs
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { setup } from '../tests/e2e/harness.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const dirs = ['tests/fixtures/pdf', 'tests/fixtures/pdf/browser', 'tests/fixtures/pdf/office'];
const files = dirs.flatMap((d) => readdirSync(join(ROOT, d)).filter((f) => f.endsWith('.pdf')).map((f) => join(d, f)));
const cli = join(process.env.CARGO_TARGET_DIR || join(ROOT, 'target'), 'release/disclosure-report');

function pages(bytes) {
  // Counted as the reader counts them: the page objects of the file.
  return (bytes.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) || []).length;
}

function native(file) {
  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    const t = process.hrtime.bigint();
    try {
      execFileSync(cli, ['check', join(ROOT, file)], { stdio: 'ignore' });
    } catch {
      // exit 1 (errors found) is an answer too
    }
    best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e6);
  }
  return best;
}

const env = await setup();
const page = await env.page('/review.html');
const wasm = readFileSync(join(ROOT, 'pkg/pdf/disclosure_report_pdf_bg.wasm'));
console.log(`pdf-times: PDF reader module ${wasm.length} B raw, ${gzipSync(wasm, { level: 9 }).length} B gzipped`);
let first = true;
for (const file of files) {
  const bytes = readFileSync(join(ROOT, file));
  const times = await page.evaluate(async ({ data, name }) => {
    const { checkReportFile } = await import('./pkg/index.js');
    const blob = new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], name);
    const out = [];
    for (let i = 0; i < 6; i++) {
      const t = performance.now();
      await checkReportFile(blob, { lang: 'zh' });
      out.push(performance.now() - t);
    }
    return out;
  }, { data: bytes.toString('base64'), name: file });
  const warm = Math.min(...times.slice(1));
  const cold = first ? ` (first, with the reader's download and compilation: ${times[0].toFixed(0)} ms)` : '';
  first = false;
  console.log(
    `pdf-times: ${file.padEnd(58)} ${String(pages(bytes)).padStart(3)} pages  native ${native(file).toFixed(1).padStart(6)} ms  Chromium ${warm.toFixed(1).padStart(6)} ms${cold}`,
  );
}
await page.context().close();
await env.close();
