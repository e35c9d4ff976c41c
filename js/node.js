// disclosure-report in Node.js (the package's "node" export condition): the same API as in the
// browser, ready on import. A server re-checks an upload with the rules the page used:
//
//   import { validate } from 'disclosure-report';
//   const { diagnostics } = validate(JSON.parse(body), { mode: 'submit' });
//
// The browser build fetches the .wasm by URL, which Node's fetch cannot do for a file: URL. The
// bytes are beside this file in the package, so they are read and compiled synchronously here,
// once, and `init()` (which the component and portable code call) then resolves at once.
//
// Node loads its own .wasm: the same code as the browser's, built for speed (opt-level 3, wasm-opt
// -O3) rather than size, since a server pays for time, not for bytes downloaded (npm run bench
// measures both). Its exports are the browser module's, so the one glue serves both.
import { readFileSync } from 'node:fs';
import { initSync } from './disclosure_report.js';

initSync({ module: readFileSync(new URL('./disclosure_report_node_bg.wasm', import.meta.url)) });

export * from './index.js';
export { default } from './index.js';
