// The upload field: a report attached to the article as a file (.docx, .html, .txt, .md, .tsv,
// GB18030 text) is read and checked in the page when it is chosen, with the same rules as the table,
// and its findings shown beside the field in the same pattern as the error summary (a count, the
// problems, each in words). Errors hold the upload back as for the table (`blockOn`); an old .doc
// gets a notice that it was not checked and never holds anything back. Nothing leaves the browser:
// the file is read here, by the readers' module or, for a PDF, the PDF reader's (js/readers.js),
// each loaded on first use.
import { readerFor } from './readers.js';

/** What a report file field accepts or is called, when the page did not name it in `options.files`. */
const REPORT_ACCEPT = /\.docx|\.doc\b|\.pdf|\.html?|\.txt|\.md|\.tsv|wordprocessingml|msword|application\/pdf|text\//i;
const REPORT_NAME = /report|nianbao|年报|年度报告|报告/i;

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** What a field is called: its name, id, labels and accessible name, for telling its purpose. */
export function labelText(input) {
  const labels = input.labels ? [...input.labels].map((l) => l.textContent).join(' ') : '';
  return `${input.name} ${input.id} ${labels} ${input.getAttribute('aria-label') ?? ''}`;
}

/**
 * The box of findings beside a field (a file input; an editor's frame), announced as a status. With
 * `describe`, the field's description names it too; `release()` gives the field its own back.
 */
export function createBox(id, after, describe = null) {
  const box = el('div', 'dr-upload');
  box.id = id;
  box.tabIndex = -1;
  box.hidden = true;
  box.setAttribute('role', 'status');
  after.after(box);
  const own = describe?.getAttribute('aria-describedby') ?? null;
  describe?.setAttribute('aria-describedby', [own, id].filter(Boolean).join(' '));
  return {
    box,
    release() {
      box.remove();
      if (!describe) return;
      if (own === null) describe.removeAttribute('aria-describedby');
      else describe.setAttribute('aria-describedby', own);
    },
  };
}

/** The place beside a file input: after its <label> when the label wraps it. */
export function besideInput(input) {
  return input.parentElement instanceof HTMLLabelElement ? input.parentElement : input;
}

/** The findings of a check that hold the submit back at `blockOn` ([] while nothing is known). */
export function blockingIn(result, blockOn) {
  const outcome = result?.state === 'done' ? result.outcome : null;
  if (!outcome?.diagnostics) return [];
  const severities = blockOn === 'warning' ? ['error', 'warning'] : ['error'];
  return outcome.diagnostics.filter((d) => severities.includes(d.severity));
}

/**
 * The file inputs of `form` that hold a report: those `files` names (selectors or names), or with
 * no configuration, those whose accept attribute or name/label says report / 年度报告 / .docx.
 */
export function findUploads(form, files, except = []) {
  const inputs = [...form.querySelectorAll('input[type="file"]')].filter((input) => !except.includes(input));
  if (files !== undefined) {
    const refs = Array.isArray(files) ? files : [files];
    return inputs.filter((input) => refs.some((ref) => input.name === ref || input.matches(ref)));
  }
  return inputs.filter((input) => REPORT_ACCEPT.test(input.accept ?? '') || REPORT_NAME.test(labelText(input)));
}

/**
 * Show what reading and checking a report gave in its box beside the field (a file, an editor):
 * `result` { state: 'reading' | 'done' | 'failed', name, outcome | error } or null (nothing chosen).
 * The same pattern as the error summary: a count, each problem in words with its visually hidden
 * severity, and how much of the tables was read.
 */
export function showOutcome(box, result, w, lang) {
  box.replaceChildren();
  box.lang = lang;
  box.className = 'dr-upload';
  delete box.dataset.notChecked;
  if (!result) {
    box.hidden = true;
    return;
  }
  box.hidden = false;
  box.dataset.state = result.state;
  if (result.state === 'reading') {
    box.append(el('p', 'dr-upload__status', result.reading ?? w.uploadReading(result.name)));
    return;
  }
  if (result.state === 'failed') {
    box.classList.add('dr-upload--notice');
    box.append(el('p', 'dr-upload__status', w.uploadUnavailable(result.name)));
    return;
  }
  const { outcome } = result;
  if (outcome.notChecked) {
    box.classList.add('dr-upload--notice');
    box.dataset.notChecked = outcome.notChecked;
    box.append(el('p', 'dr-upload__status', outcome.message));
    return;
  }
  if (outcome.error) {
    box.classList.add('dr-upload--error');
    const line = el('p', 'dr-upload__status');
    line.append(el('span', 'dr-visually-hidden', w.error()), w.uploadUnreadable(result.name, outcome.error));
    box.append(line);
    return;
  }
  const shown = outcome.diagnostics.filter((d) => d.severity !== 'info');
  const notChecked = outcome.diagnostics.filter((d) => d.code === 'not-checked' || d.code === 'table-not-found').length;
  const tables = outcome.coverage.tables;
  const read = tables.reduce((n, t) => n + t.read, 0);
  const cells = tables.reduce((n, t) => n + t.cells, 0);
  box.classList.add(shown.some((d) => d.severity === 'error') ? 'dr-upload--error' : shown.length ? 'dr-upload--warning' : 'dr-upload--ok');
  const title = el('p', 'dr-upload__title', shown.length ? w.summaryTitle(shown.length) : w.uploadClean(result.name));
  title.id = `${box.id}-title`;
  box.append(title);
  const list = el('ul', 'dr-upload__list');
  for (const d of shown) {
    const li = el('li', `dr-message dr-message--${d.severity}`);
    li.dataset.code = d.code;
    li.dataset.severity = d.severity;
    li.append(el('span', 'dr-visually-hidden', w[d.severity]()), d.cells.length ? `${d.cells[0]}：${d.message}` : d.message);
    list.append(li);
  }
  if (shown.length) box.append(list);
  box.append(el('p', 'dr-upload__coverage', w.uploadCoverage(read, cells, notChecked)));
}

/** One upload field being checked: its box of findings, and what the last chosen file gave. */
export class Upload {
  constructor(input, { prefix, lang, words, wasm, previous }) {
    this.input = input;
    /** Last year's report, when the page has one (for the year-against-year checks). */
    this.previous = previous;
    this.lang = lang;
    this.words = words;
    this.wasm = wasm;
    this.result = null;
    this.pending = null;
    ({ box: this.box, release: this.release } = createBox(`${prefix}-upload-${input.name || input.id || 'file'}`, besideInput(input), input));
  }

  /** Check the chosen file (the first, for a multiple input); resolves when its findings show. */
  check() {
    const file = this.input.files?.[0];
    if (!file) {
      this.result = null;
      this.show();
      return Promise.resolve(null);
    }
    this.result = { state: 'reading', name: file.name };
    this.show();
    const run = readerFor(file, this.wasm)
      .then((reader) => reader.checkUpload(file, { lang: this.lang, previous: this.previous?.() ?? undefined }))
      .then((outcome) => ({ state: 'done', name: file.name, outcome }))
      .catch((error) => ({ state: 'failed', name: file.name, error }));
    this.pending = run.then((result) => {
      // A newer choice replaced this file while it was read: its answer is not this one's.
      if (this.input.files?.[0] === file) {
        this.result = result;
        this.show();
      }
      return this.result;
    });
    return this.pending;
  }

  /** The findings that hold the upload back at `blockOn`, [] when none (or while nothing is known). */
  blocking(blockOn) {
    return blockingIn(this.result, blockOn);
  }

  setLanguage(lang, words) {
    this.lang = lang;
    this.words = words;
    if (this.input.files?.[0]) this.check();
  }

  show() {
    showOutcome(this.box, this.result, this.words, this.lang);
  }

  detach() {
    this.release();
  }
}
