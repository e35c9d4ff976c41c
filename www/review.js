// The reviewers' page: published reports chosen (PDF, Word, saved web pages, text) are read and
// checked one after another in this page, by the package's checkReportFile (the reader each format
// needs loads on first use), with the same rules as the command line. Nothing leaves the browser.
import { checkReportFile } from './pkg/index.js';
import { translatePage } from './demo-common.js';

const WORDS = {
  zh: {
    reading: (done, all) => `正在检查：${done}/${all} 份已完成…`,
    done: (all, errors, open) =>
      `已检查 ${all} 份报告：${errors ? `${errors} 份有错误` : '均无错误'}${open ? `，${open} 份有未能可靠读取而未核对的内容` : ''}。`,
    cells: (read, cells, unread) => `${read}/${cells}${unread ? `（${unread} 格未能可靠读取）` : ''}`,
    findings: (n) => (n ? `${n} 条` : '无'),
    unreadable: '无法读取：',
    notChecked: '未检查：',
    failed: '读取时出错，未检查。',
    error: '错误：',
    warning: '警告：',
    info: '提示：',
  },
  en: {
    reading: (done, all) => `Checking: ${done} of ${all} done…`,
    done: (all, errors, open) =>
      `${all} reports checked: ${errors ? `${errors} with errors` : 'none with errors'}${open ? `; ${open} with parts not checked (not read with confidence)` : ''}.`,
    cells: (read, cells, unread) => `${read}/${cells}${unread ? ` (${unread} not read with confidence)` : ''}`,
    findings: (n) => (n ? `${n}` : 'none'),
    unreadable: 'Cannot be read: ',
    notChecked: 'Not checked: ',
    failed: 'Reading failed; not checked.',
    error: 'Error: ',
    warning: 'Warning: ',
    info: 'Note: ',
  },
};

const input = document.getElementById('files');
const status = document.getElementById('status');
const table = document.getElementById('results');
const body = table.querySelector('tbody');
const select = document.getElementById('lang');
let lang = 'zh';
let run = 0;

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** One report's row: what it is, how much was read, and its errors and warnings to open. */
function row(file, outcome) {
  const w = WORDS[lang];
  const tr = el('tr');
  const name = el('th', file.name);
  name.scope = 'row';
  tr.append(name);
  if (!outcome.report) {
    const why = outcome.error ? w.unreadable + outcome.error : outcome.message ? w.notChecked + outcome.message : w.failed;
    const td = el('td', why, 'review-table__unread');
    td.colSpan = 6;
    tr.dataset.outcome = outcome.error ? 'unreadable' : 'not-checked';
    tr.append(td);
    return tr;
  }
  const shown = outcome.diagnostics.filter((d) => d.severity !== 'info');
  const count = (severity) => shown.filter((d) => d.severity === severity).length;
  const tables = outcome.coverage.tables;
  const sum = (key) => tables.reduce((n, t) => n + t[key], 0);
  tr.dataset.outcome = count('error') ? 'error' : count('warning') ? 'warning' : 'ok';
  tr.append(
    el('td', outcome.report.form),
    el('td', String(count('error'))),
    el('td', String(count('warning'))),
    el('td', w.cells(sum('read'), sum('cells'), sum('unread'))),
    el('td', String(sum('rulesNotChecked'))),
  );
  const cell = el('td');
  if (shown.length) {
    const details = el('details');
    details.append(el('summary', w.findings(shown.length)));
    const list = el('ul', undefined, 'review-table__findings');
    for (const d of shown) {
      const li = el('li', undefined, `dr-message dr-message--${d.severity}`);
      li.dataset.code = d.code;
      li.append(el('span', w[d.severity], 'dr-visually-hidden'), d.cells.length ? `${d.cells[0]}：${d.message}` : d.message);
      list.append(li);
    }
    details.append(list);
    cell.append(details);
  } else {
    cell.textContent = w.findings(0);
  }
  tr.append(cell);
  return tr;
}

/** Check the chosen files one after another (one file in memory at a time). */
async function check(files) {
  const mine = ++run;
  const w = WORDS[lang];
  body.replaceChildren();
  table.hidden = files.length === 0;
  status.textContent = files.length ? w.reading(0, files.length) : '';
  let errors = 0;
  let open = 0;
  for (const [i, file] of files.entries()) {
    let outcome;
    try {
      outcome = await checkReportFile(file, { lang });
    } catch {
      outcome = {};
    }
    if (mine !== run) return; // a newer choice or language replaced this run
    const tr = row(file, outcome);
    if (tr.dataset.outcome === 'error') errors++;
    if (outcome.coverage?.tables.some((t) => t.rulesNotChecked > 0)) open++;
    body.append(tr);
    status.textContent = w.reading(i + 1, files.length);
  }
  status.textContent = files.length ? w.done(files.length, errors, open) : '';
  document.documentElement.dataset.checked = String(files.length);
}

input.addEventListener('change', () => check([...input.files]));
select?.addEventListener('change', () => {
  lang = select.value;
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
  translatePage(lang);
  if (input.files.length) check([...input.files]);
});
document.documentElement.dataset.ready = 'true';
