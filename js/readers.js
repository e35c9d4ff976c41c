// The file readers are WebAssembly modules of their own, loaded the first time a page needs one: the
// readers of HTML pages, Word files and text (`readers/`) when a file is chosen, an editor's table is
// checked or a table is pasted; the PDF reader (`pdf/`) only when the file chosen is a PDF. A form
// page that only has its table never downloads either. One shared promise per module, as for the
// checker (loader.js, `once`); a failed load is forgotten, so the next file tries again.
import { once, optionsOf } from './loader.js';

const MODULES = {
  readers: () => import('./readers/disclosure_report_readers.js'),
  pdf: () => import('./pdf/disclosure_report_pdf.js'),
};

function load(kind, input) {
  return once(kind, () =>
    MODULES[kind]().then(async (module) => {
      await module.default(optionsOf(input));
      return module;
    }),
  );
}

/**
 * Load the readers' module (HTML, Word, text; next to this file, in `readers/`).
 *
 * @param {unknown} [input] where its .wasm is, as for `init()`. Default: next to its glue.
 */
export function loadReaders(input) {
  return load('readers', input);
}

/**
 * Load the PDF reader's module (in `pdf/`).
 *
 * @param {unknown} [input] where its .wasm is, as for `init()`. Default: next to its glue.
 */
export function loadPdfReader(input) {
  return load('pdf', input);
}

/** Whether a file is a PDF: its signature in its first kilobyte, whatever its name says. */
export async function isPdf(file) {
  const head = new Uint8Array(await file.slice(0, 1024).arrayBuffer());
  for (let i = 0; i + 5 <= head.length; i++) {
    if (head[i] === 0x25 && head[i + 1] === 0x50 && head[i + 2] === 0x44 && head[i + 3] === 0x46 && head[i + 4] === 0x2d) return true;
  }
  return false;
}

/**
 * The module that reads `file`: the PDF reader for a PDF, the readers' module for anything else.
 * `wasm` is the page's `wasm` option (`{ readers, pdf }` say where those modules' .wasm files are).
 */
export async function readerFor(file, wasm) {
  return (await isPdf(file)) ? loadPdfReader(wasm?.pdf) : loadReaders(wasm?.readers);
}

/**
 * A report file (a File or Blob from a file input or a drop) read in the page and checked as a
 * reviewer checks it, by the module its format needs: `{ report, diagnostics, coverage }`,
 * `{ error }` saying why it cannot be read, or `{ notChecked, message }` for a format not read.
 */
export async function checkReportFile(file, { lang, previous, wasm } = {}) {
  const reader = await readerFor(file, wasm);
  return reader.checkUpload(file, { lang, previous });
}
