// Loading the WebAssembly modules, each once. The checker (`checker/`: the forms, the value parser,
// the rule engine and the table's messages) is all a form page needs to check its table, so it is
// all `attach()` waits for. The whole API (`init()`: import, the report-level checks, the preview,
// `validate`) is a module of its own, loaded when a page first needs it: a page with report fields,
// a preview or last year's report, or a caller of the package's functions. Every caller shares one
// promise per module, so each .wasm is fetched and compiled once.
import initWasm from './disclosure_report.js';
import initCheckerWasm from './checker/disclosure_report_checker.js';

/** One promise per module being loaded or loaded, by name. */
const loading = new Map();
let loaded = false;

/** wasm-bindgen's init takes `{ module_or_path }`; a bare URL, Response, bytes or Module is wrapped. */
export function optionsOf(input) {
  return input === undefined || (typeof input === 'object' && input !== null && 'module_or_path' in input)
    ? input
    : { module_or_path: input };
}

/**
 * Load module `name` once: every caller gets the one promise `start()` made. A failed load is
 * forgotten, so a later call (say, with another URL) tries again.
 */
export function once(name, start) {
  if (!loading.has(name)) {
    loading.set(
      name,
      start().catch((error) => {
        loading.delete(name);
        throw error;
      }),
    );
  }
  return loading.get(name);
}

/**
 * Load and instantiate the whole API (every export of the package). Safe to call any number of
 * times; concurrent and later calls get the same promise.
 *
 * @param {unknown} [input] where the .wasm is: a URL, a `Response`, bytes, a `WebAssembly.Module`,
 *   or wasm-bindgen's own `{ module_or_path }` object. Default: next to this file.
 */
export function init(input) {
  return once('reports', () =>
    initWasm(optionsOf(input)).then((exports) => {
      loaded = true;
      return exports;
    }),
  );
}

/** Whether `init()` has finished: the whole API can be called now. */
export function ready() {
  return loaded;
}

/**
 * Load the form page's checker (`Checker`, `formDefinition`, `matchLabel`, `parseValue` of
 * `checker/disclosure_report_checker.js`), once, as `init` does.
 *
 * @param {unknown} [input] where its .wasm is, as for `init()`. Default: next to its glue.
 */
export function initChecker(input) {
  return once('checker', () => initCheckerWasm(optionsOf(input)));
}

/**
 * Where one module's .wasm is, from the page's `wasm` option: a URL (a string, a `URL`, a
 * `Response`, bytes, a `WebAssembly.Module`, `{ module_or_path }`) says where the whole API's is;
 * an object names each module's: `{ checker, reports, readers, pdf }`. `undefined`: next to its glue.
 *
 * @param {unknown} wasm the `wasm` option
 * @param {'checker' | 'reports' | 'readers' | 'pdf'} kind
 */
export function sourceOf(wasm, kind) {
  if (wasm === undefined || wasm === null) return undefined;
  const named =
    typeof wasm === 'object' &&
    Object.getPrototypeOf(wasm) === Object.prototype &&
    !('module_or_path' in wasm);
  if (named) return wasm[kind];
  return kind === 'reports' ? wasm : undefined;
}
