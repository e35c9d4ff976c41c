// The article body in a rich-text editor: the report as the CMS holds it (the table pasted from Word
// into the editor). Its tables are read by the HTML importer's reader and checked with the same rules
// when the content settles (debounced) and at submit; the findings show beside the editor in the
// upload field's pattern, and errors hold the submit back.
//
// An editor is found without configuration where it keeps its document in the page: a same-origin
// iframe in design mode (KindEditor, UEditor, TinyMCE, CKEditor 4), a contenteditable element
// (CKEditor 5, wangEditor, Quill), or a visible <textarea> holding HTML with a table. An editor that
// needs more is given as `options.editor`: an element, a selector, or an adapter
// `{ element, html(): string, watch?(onChange): () => void }`.
import { loadReaders } from './readers.js';
import { blockingIn, createBox, showOutcome } from './upload.js';

const SETTLE_MS = 600;
/** The editors' own frames around their editable area: the findings go after them. */
const CONTAINERS = '.tox-tinymce, .ke-container, .w-e-text-container, .ck-editor, .ql-container, .edui-editor, .cke';
const EDITABLE = '[contenteditable=""], [contenteditable="true"]';

function editableDocument(iframe) {
  try {
    const doc = iframe.contentDocument;
    return doc?.body && (doc.body.isContentEditable || doc.designMode === 'on') ? doc : null;
  } catch {
    return null; // another origin: not ours to read
  }
}

/** An adapter for an element: where its HTML is, and how to hear it change. */
export function adapterFor(element) {
  if (!element) return null;
  if (typeof element.html === 'function') return element;
  const observe = (target, onChange) => {
    const observer = new MutationObserver(onChange);
    observer.observe(target, { childList: true, subtree: true, characterData: true });
    target.addEventListener('input', onChange);
    return () => {
      observer.disconnect();
      target.removeEventListener('input', onChange);
    };
  };
  if (element instanceof HTMLIFrameElement) {
    return {
      element,
      html: () => editableDocument(element)?.body.innerHTML ?? '',
      watch: (onChange) => {
        const doc = editableDocument(element);
        return doc ? observe(doc.body, onChange) : () => {};
      },
    };
  }
  if (element instanceof HTMLTextAreaElement) {
    return {
      element,
      html: () => element.value,
      watch: (onChange) => {
        element.addEventListener('input', onChange);
        return () => element.removeEventListener('input', onChange);
      },
    };
  }
  return { element, html: () => element.innerHTML, watch: (onChange) => observe(element, onChange) };
}

/** The editors of `form`: those `option` names, or those found (see the top of this file). */
export function findEditors(form, option) {
  if (option !== undefined) {
    const list = Array.isArray(option) ? option : [option];
    return list
      .map((o) => adapterFor(typeof o === 'string' ? form.querySelector(o) : o))
      .filter(Boolean);
  }
  const found = [];
  for (const iframe of form.querySelectorAll('iframe')) {
    if (editableDocument(iframe)) found.push(adapterFor(iframe));
  }
  for (const el of form.querySelectorAll(EDITABLE)) {
    if (!el.parentElement?.closest(EDITABLE)) found.push(adapterFor(el));
  }
  for (const textarea of form.querySelectorAll('textarea')) {
    const shown = textarea.offsetParent !== null && getComputedStyle(textarea).display !== 'none';
    if (shown && /<table[\s>]/i.test(textarea.value)) found.push(adapterFor(textarea));
  }
  return found;
}

/** One editor being checked. */
export class Editor {
  constructor(adapter, { prefix, index, lang, words, wasm, onResult, previous }) {
    this.adapter = adapter;
    /** Last year's report, when the page has one (for the year-against-year checks). */
    this.previous = previous;
    this.lang = lang;
    this.words = words;
    this.wasm = wasm;
    this.onResult = onResult;
    this.result = null;
    this.pending = null;
    this.checked = null; // the HTML last checked
    this.timer = 0;
    const frame = adapter.element.closest(CONTAINERS) ?? adapter.element;
    ({ box: this.box, release: this.release } = createBox(`${prefix}-editor-${index}`, frame));
    this.unwatch = adapter.watch ? adapter.watch(() => this.schedule()) : () => {};
    this.schedule();
  }

  get label() {
    return this.words.editorName();
  }

  get element() {
    return this.adapter.element;
  }

  schedule() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.check(), SETTLE_MS);
  }

  /** Whether the content changed since it was last checked (or is being checked). */
  get stale() {
    return this.adapter.html() !== this.checked || this.result?.state === 'reading';
  }

  /** Check the editor's tables now; resolves when the findings show. */
  check() {
    clearTimeout(this.timer);
    const html = this.adapter.html();
    this.checked = html;
    if (!/<table[\s>]/i.test(html)) {
      this.result = null;
      showOutcome(this.box, null, this.words, this.lang);
      this.pending = Promise.resolve(null);
      return this.pending;
    }
    this.result = { state: 'reading', name: this.label, reading: this.words.editorReading() };
    showOutcome(this.box, this.result, this.words, this.lang);
    this.pending = loadReaders(this.wasm?.readers)
      .then((readers) => readers.checkReport(html, { lang: this.lang, previous: this.previous?.() ?? undefined }))
      .then((outcome) => ({ state: 'done', name: this.label, outcome }))
      .catch((error) => ({ state: 'failed', name: this.label, error }))
      .then((result) => {
        if (this.checked === html) {
          this.result = result;
          showOutcome(this.box, result, this.words, this.lang);
          this.onResult?.(this);
        }
        return this.result;
      });
    return this.pending;
  }

  blocking(blockOn) {
    return blockingIn(this.result, blockOn);
  }

  setLanguage(lang, words) {
    this.lang = lang;
    this.words = words;
    this.checked = null;
    this.check();
  }

  detach() {
    clearTimeout(this.timer);
    this.unwatch();
    this.release();
  }
}
