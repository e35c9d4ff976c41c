// disclosure-report in the browser: the checker's API (compiled from Rust to WebAssembly) and the
// component that attaches it to a portal's existing form.
//
//   import { attach } from 'disclosure-report';
//   attach(document.querySelector('form'), { form: '2016' });
//
// `init()` loads the whole API's .wasm, before any of the functions is called. A page that only attaches
// never needs it: `attach()` loads the form's checker (a smaller module), and the whole API only when
// the page has report fields, a preview or last year's report.
export * from './disclosure_report.js';
export { init, init as default } from './loader.js';
export { attach } from './component.js';
export { checkReportFile } from './readers.js';
