// Last year's report in the page: a clerk chooses (or drops) the agency's report of the year before,
// in any format the readers take, and the year-against-year checks run in the browser too: the
// applications carried over against last year's carried forward, Table A's documents in force, a
// cumulative column that must chain. The file is read in the page and never sent anywhere.
import { readerFor } from './readers.js';
import { besideInput, createBox, labelText } from './upload.js';

const PREVIOUS_NAME = /上年|上一年|去年|往年|previous|last[-_ ]?year/i;
/** The codes of the checks that need last year's report. */
export const YEAR_CODES = new Set(['carry-over-mismatch', 'in-force-mismatch', 'cumulative-mismatch']);

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The file inputs for last year's report: `option` (names or selectors), or named/labelled so. */
export function findPrevious(form, option) {
  const inputs = [...form.querySelectorAll('input[type="file"]')];
  if (option !== undefined) {
    const refs = Array.isArray(option) ? option : [option];
    return inputs.filter((input) => refs.some((ref) => input.name === ref || input.matches(ref)));
  }
  return inputs.filter((input) => PREVIOUS_NAME.test(labelText(input)));
}

/** One field for last year's report: what was read from it, and the comparison beside it. */
export class Previous {
  constructor(input, { prefix, lang, words, wasm, onRead }) {
    this.input = input;
    this.lang = lang;
    this.words = words;
    this.wasm = wasm;
    this.onRead = onRead;
    this.report = null;
    this.state = null;
    this.name = '';
    this.error = '';
    this.comparison = [];
    ({ box: this.box, release: this.release } = createBox(`${prefix}-previous-${input.name || input.id || 'file'}`, besideInput(input), input));
  }

  /** Read the chosen file; resolves to last year's report, or null. */
  read() {
    const file = this.input.files?.[0];
    this.report = null;
    this.comparison = [];
    if (!file) {
      this.state = null;
      this.show();
      this.onRead?.(this);
      return Promise.resolve(null);
    }
    this.state = 'reading';
    this.name = file.name;
    this.show();
    this.pending = readerFor(file, this.wasm)
      .then((reader) => reader.checkUpload(file, { lang: this.lang }))
      .then((outcome) => {
        if (this.input.files?.[0] !== file) return this.report;
        if (outcome.report) {
          this.report = outcome.report;
          this.state = 'read';
        } else {
          this.state = 'error';
          this.error = outcome.error ?? outcome.message ?? '';
        }
        this.show();
        this.onRead?.(this);
        return this.report;
      })
      .catch(() => {
        this.state = 'error';
        this.error = this.words.uploadUnavailable(file.name);
        this.show();
        return null;
      });
    return this.pending;
  }

  /** The year-against-year findings of this year's report against the one read. */
  compare(diagnostics) {
    this.comparison = diagnostics.filter((d) => YEAR_CODES.has(d.code));
    this.show();
  }

  setLanguage(lang, words) {
    this.lang = lang;
    this.words = words;
    this.show();
  }

  show() {
    const w = this.words;
    const box = this.box;
    box.replaceChildren();
    box.lang = this.lang;
    box.className = 'dr-upload';
    box.hidden = this.state === null;
    box.dataset.state = this.state ?? '';
    if (this.state === 'reading') {
      box.append(el('p', 'dr-upload__status', w.uploadReading(this.name)));
    } else if (this.state === 'error') {
      box.classList.add('dr-upload--error');
      box.append(el('p', 'dr-upload__status', w.uploadUnreadable(this.name, this.error)));
    } else if (this.state === 'read') {
      const r = this.report;
      box.classList.add(this.comparison.length ? 'dr-upload--warning' : 'dr-upload--ok');
      box.append(el('p', 'dr-upload__title', w.previousRead(this.name, r.year ?? '', r.form)));
      if (this.comparison.length) {
        const list = el('ul', 'dr-upload__list');
        for (const d of this.comparison) {
          const li = el('li', `dr-message dr-message--${d.severity}`);
          li.dataset.code = d.code;
          li.append(el('span', 'dr-visually-hidden', w[d.severity]()), `${d.cells[0] ?? ''}：${d.message}`);
          list.append(li);
        }
        box.append(list);
      } else {
        box.append(el('p', 'dr-upload__status', w.previousAgrees()));
      }
    }
  }

  detach() {
    this.release();
  }
}
