// Prints what a browser downloads: the .wasm and its JS glue, raw and gzipped.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const files = [
  // The form page's checker: all a page with only its table loads.
  'pkg/checker/disclosure_report_checker_bg.wasm',
  'pkg/checker/disclosure_report_checker.js',
  // The whole API (validate, the preview, text import), loaded on demand.
  'pkg/disclosure_report_bg.wasm',
  'pkg/disclosure_report.js',
  'pkg/readers/disclosure_report_readers_bg.wasm',
  // Node's (pkg/node.js), built for speed; no browser downloads it.
  'pkg/disclosure_report_node_bg.wasm',
  'pkg/pdf/disclosure_report_pdf_bg.wasm',
];
for (const file of files) {
  const bytes = readFileSync(new URL(`../${file}`, import.meta.url));
  const gz = gzipSync(bytes, { level: 9 }).length;
  console.log(`size: ${file.padEnd(48)} ${String(bytes.length).padStart(8)} B raw ${String(gz).padStart(8)} B gzipped`);
}
