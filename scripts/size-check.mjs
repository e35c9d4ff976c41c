// CI's size check: the gzipped .wasm against the committed budget (size-budget.json). Prints the
// size; fails when it grows more than the budget's tolerance (10%) over the budget. Raise the budget
// on purpose, in the same commit, with the reason in the file's "reason".
//
//   node scripts/size-check.mjs            after npm run build
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const root = new URL('..', import.meta.url);
const budget = JSON.parse(readFileSync(new URL('size-budget.json', root), 'utf8'));
let failed = false;
for (const [file, { gzipBytes, tolerance }] of Object.entries(budget.files)) {
  let bytes;
  try {
    bytes = readFileSync(new URL(file, root));
  } catch {
    console.error(`size-check: ${file} is missing (run npm run build first)`);
    process.exit(1);
  }
  // Level 9, as scripts/size-report.mjs and the benchmarks measure it.
  const gz = gzipSync(bytes, { level: 9 }).length;
  const limit = Math.floor(gzipBytes * (1 + tolerance));
  const change = ((gz / gzipBytes - 1) * 100).toFixed(1);
  const verdict = gz > limit ? 'OVER' : 'ok';
  console.log(`size-check: ${file} ${gz} B gzipped; budget ${gzipBytes} B (${change >= 0 ? '+' : ''}${change}%), limit ${limit} B: ${verdict}`);
  if (gz > limit) failed = true;
}
if (failed) {
  console.error(`size-check: over budget. Make it smaller, or raise size-budget.json on purpose with the reason.`);
  process.exit(1);
}
