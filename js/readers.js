// The file readers (HTML pages, Word files) are a WebAssembly module of their own, loaded the first
// time a page needs one (a file chosen in an upload field): a form page that only has its table never
// downloads them. One shared promise, as for the checker; a failed load is forgotten.
let loading = null;

/**
 * Load the readers' module (next to this file, in `readers/`).
 *
 * @param {unknown} [input] where its .wasm is, as for `init()`. Default: next to its glue.
 */
export function loadReaders(input) {
  if (!loading) {
    loading = import('./readers/disclosure_report_readers.js')
      .then(async (readers) => {
        await readers.default(input === undefined ? undefined : { module_or_path: input });
        return readers;
      })
      .catch((error) => {
        loading = null;
        throw error;
      });
  }
  return loading;
}
