// The package's own part of a cold start, apart from any page around it: import the form page's
// checker, fetch, compile and instantiate its .wasm, then fill a whole 2021 form and check it once,
// as attach() does (through the keystroke protocol, then the whole table's findings once).
const t0 = performance.now();
const { default: init, Checker, formDefinition } = await import('../pkg/checker/disclosure_report_checker.js');
await init();
const t1 = performance.now();
const checker = new Checker('2021', {});
const number = new Map(checker.keys().map((name, k) => [name.slice(5), k]));
for (const table of formDefinition('2021').tables) {
  for (const row of table.rows) for (const id of row.cells) checker.edit(number.get(id), '1');
}
const found = checker.diagnostics().length + checker.pending().length;
checker.free();
const t2 = performance.now();
window.cold = { startMs: t0, loadMs: t1 - t0, firstCheckMs: t2 - t1, readyMs: t2, found };
document.documentElement.dataset.ready = 'true';
