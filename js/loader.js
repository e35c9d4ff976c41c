// Loading the WebAssembly module once. `init()` may be called by the page, by `attach()`, and by
// every attached form: they all share one promise, so the .wasm is fetched and compiled once.
import initWasm from './disclosure_report.js';

/** @type {Promise<unknown> | null} */
let loading = null;

/**
 * Load and instantiate the checker. Safe to call any number of times; concurrent and later calls
 * get the same promise. A failed load is forgotten, so a later call (say, with another URL) tries
 * again.
 *
 * @param {unknown} [input] where the .wasm is: a URL, a `Response`, bytes, a `WebAssembly.Module`,
 *   or wasm-bindgen's own `{ module_or_path }` object. Default: next to this file.
 */
export function init(input) {
  if (!loading) {
    const options =
      input === undefined || (typeof input === 'object' && input !== null && 'module_or_path' in input)
        ? input
        : { module_or_path: input };
    loading = initWasm(options).catch((error) => {
      loading = null;
      throw error;
    });
  }
  return loading;
}
