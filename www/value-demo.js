// The value parser, live: a portal loads the built package exactly like this.
import init, { parseValue } from './pkg/disclosure_report.js';

const input = document.getElementById('value-input');
const kind = document.getElementById('value-kind');
const output = document.getElementById('value-result');

function show() {
  const result = parseValue(input.value, kind.value);
  output.dataset.state = result.state;
  switch (result.state) {
    case 'number':
      output.textContent = `= ${result.amount}` + (result.normalizations.length ? `（已规范：${result.normalizations.map((n) => n.kind).join('、')}）` : '');
      break;
    case 'refused':
      output.textContent = `不能接受：${result.reason}`;
      break;
    case 'blank':
      output.textContent = '';
      break;
    default:
      output.textContent = '不适用';
  }
}

try {
  await init();
  input.addEventListener('input', show);
  kind.addEventListener('change', show);
  document.documentElement.dataset.ready = 'true';
} catch (error) {
  output.textContent = '检查组件未能加载，可照常填写。';
  document.documentElement.dataset.ready = 'unavailable';
}
