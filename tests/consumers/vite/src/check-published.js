// A reviewer's page that uses only the headless API: read a published report, list its findings.
// The component is not imported, so the bundler leaves it out of this page.
import { init, importReport, validate } from 'disclosure-report';

await init();
const form = document.getElementById('check');
const findings = document.getElementById('findings');
form.querySelector('button').disabled = false;
form.addEventListener('submit', (event) => {
  event.preventDefault();
  const imported = importReport(document.getElementById('text').value);
  findings.replaceChildren();
  if ('error' in imported) {
    findings.append(Object.assign(document.createElement('li'), { textContent: imported.error }));
    return;
  }
  for (const d of validate(imported.report, { mode: 'review' }).diagnostics) {
    if (d.severity === 'info') continue;
    const item = document.createElement('li');
    item.dataset.code = d.code;
    item.dataset.cell = d.cells[0] ?? '';
    item.textContent = d.message;
    findings.append(item);
  }
});
