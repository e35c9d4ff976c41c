// disclosure-report in the browser: the checker's API (compiled from Rust to WebAssembly) and the
// component that attaches it to a portal's existing form.
//
//   import { attach } from 'disclosure-report';
//   attach(document.querySelector('form'), { form: '2016' });
//
// `init()` loads the .wasm; `attach()` calls it itself, so a page that only attaches never needs to.
export * from './disclosure_report.js';
export { init, init as default } from './loader.js';
export { attach } from './component.js';
export { checkReportFile } from './readers.js';
