// The browser component: `attach(form, options)` plugs the checker into a portal's existing report
// form. The DOM work is here; every check is the Rust core's (through the wasm API).
//
// When to speak (never while the clerk is still typing; reward early, punish late):
// - a cell is checked when left (change/blur); once it shows a problem, it is re-checked on every
//   keystroke, so the message goes the moment the value is fixed;
// - a sum shows a neutral running total beside its parent (子项合计 976) while its children are
//   filled, and becomes an error only once the group is complete and left, or at submit;
// - at submit, everything: an error summary with the count and a link per problem, focus on it.
// If the WebAssembly module cannot load (blocked by policy, a failed download), nothing of this
// happens: the form works exactly as before and `disclosure:unavailable` is dispatched.
//
// A keystroke costs what it changes: `Checker.edit` answers with the number of keys (a cell's own
// findings, a rule's findings and running total) it changed, most often 0; only then does the page
// read the change record and the running totals from views of the checker's memory, and ask for the
// findings of the changed keys that have some, without their messages. A message is made when its
// finding is first shown, for that key alone (`messaged`). The page keeps findings by key
// (findings.js), and a render repaints only the cells those keys name. The whole table crosses from
// wasm only when everything changes (the first check, a language, the submit, cells found again).
//
// Two modules: the checker (`checker/`) is all the table needs and all `attach` waits for; the
// whole API (`validate` with the report-level checks, the preview) loads beside it when the page
// has report fields, a preview or last year's report, and holds a submit back until it is there.
import * as api from './disclosure_report.js';
import * as checking from './checker/disclosure_report_checker.js';
import { init, initChecker, ready as reportsReady, sourceOf } from './loader.js';
import { discover, indexDefinition, gridAround } from './cells.js';
import { parseGrid, isBlock, spread } from './paste.js';
import { draftKey, earlyKey, pageId, loadDraft, saveDraft, clearDraft, stampOf, saveEarly, loadEarly, findControl } from './draft.js';
import { createSlot, fillSlot, createSummary, fillSummary, createNotice, fillNotice, createPreview, slug } from './display.js';
import { Findings, keyOf } from './findings.js';
import { Keystrokes } from './keystrokes.js';
import { findUploads, Upload } from './upload.js';
import { loadReaders } from './readers.js';
import { findEditors, Editor } from './editors.js';
import { findPrevious, Previous } from './previous.js';
import { words } from './strings.js';

// A province's own version first: without `form`, a tie goes to the later (national) one.
const FORMS = ['2016-fj', '2016', '2019', '2021'];
const MODES = ['submit', 'blur', 'live'];
const LANGS = ['zh', 'en'];
const BLOCK_ON = ['error', 'warning'];
/** Normalisations whose number can be offered in place of the text: an annotation would be lost. */
const OFFERABLE = new Set(['fullWidth', 'separators', 'whitespace', 'unit', 'converted', 'plusSign']);
/** Report-level findings and the report fields they are about. */
const REPORT_FIELDS = {
  'suspicious-agency': ['agency', 'title'],
  'late-publication': ['date'],
  'wrong-format': ['year'],
  'missing-section': ['narrative'],
  'narrative-mismatch': ['narrative'],
  'numbering-slip': ['narrative'],
  'wrong-year': ['narrative'],
  'empty-section': ['narrative'],
};
const PREVIEW_DELAY_MS = 300;
const DRAFT_DELAY_MS = 400;

const attached = new WeakMap();
let instances = 0;

/**
 * Each form version's definition, indexed by cell, made once per page: it is the same for every
 * attachment (read, never changed), and a page without `form` tries every version.
 */
const indexes = new Map();
function indexOf(formId) {
  if (!indexes.has(formId)) indexes.set(formId, indexDefinition(checking.formDefinition(formId)));
  return indexes.get(formId);
}

function misuse(message) {
  return new TypeError(`disclosure-report: ${message}`);
}

function oneOf(name, value, allowed, fallback) {
  if (value === undefined) return fallback;
  if (!allowed.includes(value)) throw misuse(`options.${name} must be one of ${allowed.map((a) => `"${a}"`).join(', ')}`);
  return value;
}

/**
 * Attach the checker to a form. Returns a controller at once; the checker starts when the
 * WebAssembly module has loaded (`controller.ready`).
 *
 * @param {HTMLFormElement | string} formElement the form, or a selector for it
 * @param {object} [options] see index.d.ts (AttachOptions)
 */
export function attach(formElement, options = {}) {
  const form = typeof formElement === 'string' ? document.querySelector(formElement) : formElement;
  if (!(form instanceof HTMLFormElement)) throw misuse('attach(form, options) needs a <form> element or a selector for one');
  if (attached.has(form)) throw misuse('this form is already attached; call detach() on its controller first');
  if (options === null || typeof options !== 'object') throw misuse('options must be an object');
  const settings = {
    form: oneOf('form', options.form, FORMS, undefined),
    mode: oneOf('mode', options.mode, MODES, 'blur'),
    lang: oneOf('lang', options.lang, LANGS, 'zh'),
    blockOn: oneOf('blockOn', options.blockOn, BLOCK_ON, 'error'),
    draft: oneOf('draft', options.draft, ['local', 'none', false], 'none'),
    draftKey: options.draftKey === undefined ? undefined : String(options.draftKey),
    fields: options.fields ?? {},
    preview: options.preview ?? null,
    files: options.files,
    editor: options.editor,
    previous: options.previous,
    wasm: options.wasm,
  };
  if (settings.files !== undefined && typeof settings.files !== 'string' && !Array.isArray(settings.files)) {
    throw misuse('options.files must be a name or selector of the report file field, or a list of them');
  }
  if (typeof settings.fields !== 'object') throw misuse('options.fields must map cell ids to names or selectors');
  const attachment = new Attachment(form, settings);
  attached.set(form, attachment);
  return attachment.controller;
}

class Attachment {
  constructor(form, settings) {
    this.form = form;
    this.settings = settings;
    this.lang = settings.lang;
    this.prefix = `dr${(instances += 1)}`;
    this.active = false;
    this.detached = false;
    this.aborter = new AbortController();
    /** cell id → control, control → cell id */
    this.controlOf = new Map();
    this.cellOf = new Map();
    this.meta = new Map();
    /** cell id → its note beside the control, and what it shows */
    this.slots = new Map();
    /** Cells left after an edit (or left holding a value): their own problems may be shown. */
    this.revealed = new Set();
    /** Cells typed into or pasted into in this session: their groups show running totals. */
    this.edited = new Set();
    /** The checker's findings and running totals, kept here and updated from each `setCell`. */
    this.findings = null;
    /**
     * Problems on screen, by key: they stay, re-checked on every keystroke, until fixed. A problem
     * is shown or not by the rules at the top of this file; that changes only when its key's
     * findings or total change, or a cell it names is left, edited or focused: `dirty` collects
     * those until the next render, which looks again at them alone and repaints the cells they name.
     */
    this.visible = new Map();
    this.dirty = {
      /** everything: after a whole-table change (language, mode, cells found again) */
      all: true,
      /** keys whose findings or total changed */
      keys: new Set(),
      /** cells left, edited or focused: the keys naming them are looked at again */
      cells: new Set(),
      /** cells named by changed findings or totals, before or after: their notes are made again */
      repaint: new Set(),
    };
    this.focused = null;
    /** The focused cell as the last render saw it. */
    this.renderedFocus = null;
    this.submitted = false;
    this.summary = null;
    this.summaryItems = [];
    /** The report file fields (upload.js) and the rich-text editors holding the report (editors.js). */
    this.uploads = [];
    this.editors = [];
    /** The fields for last year's report (previous.js). */
    this.previousFields = [];
    this.notice = null;
    this.preview = null;
    this.timers = { preview: 0, draft: 0, rescan: 0, editors: 0, early: 0 };
    /** Attributes we changed on the page's elements, to put back on detach: [el, name, old]. */
    this.restore = [];
    this.originalTitle = null;
    this.applying = false;
    this.pointerDown = false;
    this.deferred = false;
    /** The page's own aria-describedby of each control, which ours is added to. */
    this.baseDescribedBy = new Map();

    const self = this;
    this.controller = {
      get ready() {
        return self.readyPromise;
      },
      get available() {
        return self.active;
      },
      get form() {
        return self.formId ?? null;
      },
      validate: () => this.check('validate'),
      diagnostics: () => (this.active ? this.onPage(this.checker.diagnostics()) : []),
      report: () => (this.active ? this.report() : null),
      setLanguage: (lang) => this.setLanguage(lang),
      detach: () => this.detach(),
    };
    if (settings.draft === 'local') this.watchEarly();
    this.readyPromise = this.start();
  }

  dispatch(name, detail) {
    this.form.dispatchEvent(new CustomEvent(name, { detail, bubbles: true }));
  }

  async start() {
    try {
      await initChecker(sourceOf(this.settings.wasm, 'checker'));
    } catch (error) {
      this.stopEarly();
      return this.unavailable(error);
    }
    this.stopEarly();
    if (this.detached) return false;
    try {
      this.setup();
    } catch (error) {
      this.teardown();
      return this.unavailable(error);
    }
    this.active = true;
    this.dispatch('disclosure:ready', { form: this.formId, cells: [...this.controlOf.keys()] });
    return true;
  }

  unavailable(error) {
    attached.delete(this.form);
    if (!this.detached) this.dispatch('disclosure:unavailable', { error: error instanceof Error ? error : new Error(String(error)) });
    return false;
  }

  // ---------------------------------------------------------------------------------------------
  // Setting up

  setup() {
    const { index, mapping, formId } = this.findCells();
    this.formId = formId;
    this.index = index;
    this.checker = new checking.Checker(formId, { mode: 'filling', lang: this.lang });
    this.keystrokes = new Keystrokes(this.checker, index.def);
    this.rules = this.rulesOf(index.def);
    for (const [id, control] of mapping.cells) this.map(id, control, mapping.labelCells.get(control));
    this.meta = mapping.meta;
    const shared = { prefix: this.prefix, lang: this.lang, words: words(this.lang), wasm: this.settings.wasm };
    this.previousFields = findPrevious(this.form, this.settings.previous).map(
      (input) => new Previous(input, { ...shared, onRead: () => this.onPreviousRead() }),
    );
    const previousInputs = this.previousFields.map((p) => p.input);
    this.uploads = findUploads(this.form, this.settings.files, previousInputs).map(
      (input) => new Upload(input, { ...shared, previous: () => this.previousReport() }),
    );
    this.scanEditors();

    const on = (type, handler, capture = false) =>
      this.form.addEventListener(type, handler, { capture, signal: this.aborter.signal });
    on('input', (e) => this.onInput(e));
    on('change', (e) => this.onChange(e));
    on('focusin', (e) => this.onFocusIn(e));
    on('focusout', (e) => this.onFocusOut(e));
    on('paste', (e) => this.onPaste(e));
    on('click', (e) => this.onClick(e));
    // Capture, so that the check runs before the portal's own submit handlers and can stop them.
    on('submit', (e) => this.onSubmit(e), true);
    window.addEventListener('pagehide', () => this.saveDraftNow(), { signal: this.aborter.signal });
    if (this.settings.draft === 'local') {
      // A page hidden may be killed without a pagehide (a phone, a crash): the draft is kept first.
      document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && this.saveDraftNow(), { signal: this.aborter.signal });
      window.addEventListener('storage', (e) => this.onStorage(e), { signal: this.aborter.signal });
      // While the draft cannot be kept (storage full or refused, another tab's draft in the way),
      // leaving the page asks first.
      window.addEventListener('beforeunload', (e) => {
        if (this.active && this.unsaved && ['full', 'denied', 'conflict'].includes(this.noticeState?.kind)) {
          e.preventDefault();
          e.returnValue = '';
        }
      }, { signal: this.aborter.signal });
    }
    // A message appearing when a cell is left moves what is below it. If the cell was left by a
    // press on the submit button, the button would slide away between the press and the release
    // and the click be lost; so while a pointer is down, what leaving shows waits for its release.
    const signal = this.aborter.signal;
    document.addEventListener('pointerdown', () => { this.pointerDown = true; }, { capture: true, signal });
    for (const type of ['pointerup', 'pointercancel']) {
      document.addEventListener(type, () => {
        this.pointerDown = false;
        if (this.deferred) {
          this.deferred = false;
          setTimeout(() => this.active && this.render(), 0); // after the click this release makes
        }
      }, { capture: true, signal });
    }

    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.observer.observe(this.form, { childList: true, subtree: true });

    if (this.settings.draft === 'local') {
      this.draftKey = draftKey(this.form, formId, this.settings.draftKey);
      this.restoreDraft();
    }
    // The cells are all in (and the draft's values): the whole table's findings, once.
    this.findings = new Findings(index.def, (d) => this.concerns(d));
    this.reload();
    if (this.settings.preview) this.setupPreview();
    // The whole API, beside the table's checker, for what only it checks or shows.
    if (this.needsReports()) {
      this.withReports(() => {
        this.comparePrevious();
        if (this.preview) this.paintPreview();
      });
    }
    this.render();
  }

  /** Editors found now (an editor builds its frame after the page loads: looked for again on changes). */
  scanEditors() {
    for (const adapter of findEditors(this.form, this.settings.editor)) {
      if (this.editors.some((e) => e.element === adapter.element)) continue;
      this.editors.push(new Editor(adapter, {
        prefix: this.prefix,
        index: this.editors.length + 1,
        lang: this.lang,
        words: words(this.lang),
        wasm: this.settings.wasm,
        previous: () => this.previousReport(),
        onResult: () => { if (this.active && this.summary && this.submitted) this.check('editor'); },
      }));
    }
    // An editor's frame becomes editable once loaded.
    for (const iframe of this.form.querySelectorAll('iframe')) {
      if (this.editors.some((e) => e.element === iframe) || iframe.dataset.drWatched) continue;
      iframe.dataset.drWatched = '';
      this.remember(iframe, 'data-dr-watched');
      iframe.addEventListener('load', () => setTimeout(() => this.active && this.scanEditors(), 0), { signal: this.aborter.signal });
    }
  }

  /** The report files and editors: what the page checks beside the table. */
  get sources() {
    return [...this.uploads, ...this.editors];
  }

  /**
   * Whether the page needs the whole API (`init()`): its report fields (title, agency, date, text)
   * have report-level checks, a preview shows the report, last year's report is compared.
   */
  needsReports() {
    return this.meta.size > 0 || Boolean(this.preview) || this.previousFields.length > 0;
  }

  /**
   * Run `then` with the whole API: at once when it is loaded, else once it is (loading it). If it
   * cannot load, the table is still checked; what only it does is not done.
   */
  withReports(then) {
    if (reportsReady()) return Promise.resolve(then());
    return init(sourceOf(this.settings.wasm, 'reports')).then(
      () => (this.active ? then() : undefined),
      () => undefined,
    );
  }

  /** Last year's report, when one was chosen and read. */
  previousReport() {
    return this.previousFields.find((p) => p.report)?.report ?? null;
  }

  /** Last year's report was read (or taken away): everything that compares with it, again. */
  onPreviousRead() {
    if (!this.active) return;
    for (const upload of this.uploads) if (upload.input.files?.[0]) upload.check();
    for (const editor of this.editors) {
      editor.checked = null;
      editor.check();
    }
    this.comparePrevious();
    if (this.submitted) this.check('previous');
  }

  /** This year's table against last year's report, shown beside the field it came from. */
  comparePrevious() {
    const previous = this.previousReport();
    // Before the whole API is there, its load compares (see `setup`).
    if (!previous || !reportsReady()) return;
    const { diagnostics } = api.validate(this.report(), { lang: this.lang, mode: 'filling', previous });
    for (const field of this.previousFields) if (field.report) field.compare(diagnostics);
  }

  findCells() {
    const { fields } = this.settings;
    const candidates = this.settings.form ? [this.settings.form] : FORMS;
    let best = null;
    for (const formId of candidates) {
      const index = indexOf(formId);
      const mapping = discover(this.form, index, fields, checking.matchLabel);
      // Without `form`, the version whose cells the page has most; a tie goes to the newer.
      if (!best || mapping.cells.size >= best.mapping.cells.size) best = { formId, index, mapping };
    }
    return best;
  }

  remember(el, name) {
    this.restore.push([el, name, el.getAttribute(name)]);
  }

  /** Start checking one control as cell `id`. */
  map(id, control, labelCell) {
    this.controlOf.set(id, control);
    this.cellOf.set(control, id);
    if (labelCell && !this.hasName(control)) {
      // A legacy page's inputs often have no label at all: name each by its row's label cell.
      if (!labelCell.id) {
        this.remember(labelCell, 'id');
        labelCell.id = `${this.prefix}-label-${slug(id)}`;
      }
      this.remember(control, 'aria-labelledby');
      control.setAttribute('aria-labelledby', labelCell.id);
    }
    this.remember(control, 'aria-describedby');
    this.remember(control, 'aria-invalid');
    this.remember(control, 'class');
    this.baseDescribedBy.set(control, control.getAttribute('aria-describedby') ?? '');
    this.setCell(id, control.value);
  }

  hasName(control) {
    return Boolean(
      (control.labels && control.labels.length) ||
        control.getAttribute('aria-label') ||
        control.getAttribute('aria-labelledby') ||
        control.getAttribute('title'),
    );
  }

  /** Rows added or removed by the page's own script: map new cells, blank the ones gone. */
  onMutations(records) {
    // An editor building its frame (an iframe, an editable area) after the page loaded.
    const editorLike = (nodes) =>
      [...nodes].some((n) => n instanceof Element && (n.matches('iframe, [contenteditable]') || n.querySelector('iframe, [contenteditable]')));
    if (records.some((r) => editorLike(r.addedNodes))) {
      clearTimeout(this.timers.editors);
      this.timers.editors = setTimeout(() => this.active && this.scanEditors(), 50);
    }
    const touchesControls = (nodes) =>
      [...nodes].some((n) => n instanceof Element && (n.matches('input, textarea') || n.querySelector('input, textarea')));
    if (!records.some((r) => touchesControls(r.addedNodes) || touchesControls(r.removedNodes))) return;
    clearTimeout(this.timers.rescan);
    this.timers.rescan = setTimeout(() => this.rescan(), 0);
  }

  rescan() {
    if (!this.active) return;
    for (const [id, control] of [...this.controlOf]) {
      if (this.form.contains(control)) continue;
      this.controlOf.delete(id);
      this.cellOf.delete(control);
      this.slots.get(id)?.slot.remove();
      this.slots.delete(id);
      this.setCell(id, '');
    }
    const mapping = discover(this.form, this.index, this.settings.fields, checking.matchLabel);
    for (const [id, control] of mapping.cells) {
      if (this.controlOf.has(id) || this.cellOf.has(control)) continue;
      this.map(id, control, mapping.labelCells.get(control));
    }
    for (const [key, control] of mapping.meta) if (!this.meta.has(key)) this.meta.set(key, control);
    // Which cells the page has decides which findings concern it and where each is shown.
    this.reload();
    this.render();
    this.schedulePreview();
  }

  // ---------------------------------------------------------------------------------------------
  // Events

  onInput(e) {
    if (this.applying) return;
    const id = this.cellOf.get(e.target);
    if (id !== undefined) {
      this.edit(id);
      this.setCell(id, e.target.value);
      this.render();
    } else if (![...this.meta.values()].includes(e.target)) {
      return;
    }
    this.scheduleDraft();
    this.schedulePreview();
  }

  onChange(e) {
    if (this.applying) return;
    const previous = this.previousFields.find((p) => p.input === e.target);
    if (previous) {
      previous.read();
      return;
    }
    const upload = this.uploads.find((u) => u.input === e.target);
    if (upload) {
      upload.check().then(() => this.active && this.submitted && this.check('upload'));
      return;
    }
    const id = this.cellOf.get(e.target);
    if (id === undefined) return;
    this.reveal(id);
    this.setCell(id, e.target.value);
    this.comparePrevious();
    if (this.pointerDown) this.deferred = true;
    else this.render();
  }

  onFocusIn(e) {
    this.focused = this.cellOf.get(e.target) ?? null;
  }

  onFocusOut(e) {
    const id = this.cellOf.get(e.target);
    this.focused = this.cellOf.get(e.relatedTarget) ?? null;
    if (id === undefined) return;
    if (e.target.value.trim() !== '') this.reveal(id);
    if (this.pointerDown) this.deferred = true;
    else this.render();
  }

  /** A pasted HTML table: by labels where its rows have them, else spread from `control`. */
  async pasteTable(control, html, plain) {
    let pasted = null;
    try {
      const readers = await loadReaders(this.settings.wasm?.readers);
      pasted = readers.readPastedTable(html, this.formId);
    } catch {
      pasted = null; // the readers did not load: the clipboard's text, as before
    }
    if (!this.active) return;
    let targets;
    const byLabel = pasted ? Object.entries(pasted.cells).filter(([cell]) => this.controlOf.has(cell)) : [];
    if (byLabel.length) {
      targets = byLabel.map(([cell, text]) => ({ control: this.controlOf.get(cell), text }));
    } else {
      // Figures only: the rows' value cells (labels dropped), spread as a spreadsheet block would.
      // (A table of one row is no table to the reader: the clipboard's text has it.)
      const rows = pasted?.rows.length ? pasted.rows.map((r) => r.filter((c, i) => i > 0 || /\d/.test(c))) : parseGrid(plain);
      const at = gridAround(control, this.cellOf, this.controlOf, this.index);
      targets = at ? spread(rows.filter((r) => r.some((c) => /\d/.test(c))), at) : [];
    }
    if (!targets.length) return;
    this.setValues(targets.map(({ control: c, text }) => [c, text]));
    for (const { control: c } of targets) {
      const cell = this.cellOf.get(c);
      this.edit(cell);
      if (c !== control) this.reveal(cell);
    }
    this.render();
    this.scheduleDraft();
    this.schedulePreview();
  }

  onPaste(e) {
    const id = this.cellOf.get(e.target);
    if (id === undefined || !e.clipboardData) return;
    const html = e.clipboardData.getData('text/html');
    if (/<table[\s>]/i.test(html)) {
      // A table from Word, Excel or a web page: read by the HTML importer's grid reader (merged
      // cells, Word markup), its rows placed by their labels, or spread from here when it has none.
      e.preventDefault();
      const plain = e.clipboardData.getData('text/plain');
      this.pasteTable(e.target, html, plain);
      return;
    }
    const grid = parseGrid(e.clipboardData.getData('text/plain'));
    if (!isBlock(grid)) return; // one value: the browser pastes it as usual
    const at = gridAround(e.target, this.cellOf, this.controlOf, this.index);
    if (!at) return;
    e.preventDefault();
    const targets = spread(grid, at);
    this.setValues(targets.map(({ control, text }) => [control, text]));
    for (const { control } of targets) {
      const cell = this.cellOf.get(control);
      this.edit(cell);
      if (control !== e.target) this.reveal(cell);
    }
    this.render();
    this.scheduleDraft();
    this.schedulePreview();
  }

  /** Put texts into controls as if typed: the portal's own listeners hear input and change. */
  setValues(pairs) {
    this.applying = true;
    try {
      for (const [control, text] of pairs) {
        control.value = text;
        const id = this.cellOf.get(control);
        if (id !== undefined) this.setCell(id, text);
        control.dispatchEvent(new Event('input', { bubbles: true }));
        control.dispatchEvent(new Event('change', { bubbles: true }));
      }
    } finally {
      this.applying = false;
    }
  }

  onClick(e) {
    const target = e.target instanceof Element ? e.target.closest('button, a') : null;
    if (!target || !this.form.contains(target)) return;
    if (target.dataset.drOffer !== undefined) {
      const control = this.controlOf.get(target.dataset.drOffer);
      if (!control) return;
      this.setValues([[control, target.dataset.value ?? '']]);
      control.focus();
      this.render();
      this.scheduleDraft();
      this.schedulePreview();
    } else if (target.dataset.drCell !== undefined) {
      const control = this.controlOf.get(target.dataset.drCell);
      if (!control) return;
      e.preventDefault();
      control.focus();
      control.scrollIntoView({ block: 'center' });
    } else if (target.dataset.drDiscard !== undefined) {
      this.discardDraft();
    } else if (target.dataset.drDraft !== undefined) {
      this.resolveConflict(target.dataset.drDraft);
    } else if (target.dataset.drUpload !== undefined) {
      const source = this.sources.find((u) => u.box.id === target.dataset.drUpload);
      if (!source) return;
      // To the file field (the clerk can choose again) or the editor, and its findings in view.
      e.preventDefault();
      (source.input ?? source.element).focus();
      source.box.scrollIntoView({ block: 'center' });
    }
  }

  onSubmit(e) {
    if (!this.active) return;
    // A report file still being read: the upload waits for its findings, then goes on (or not).
    const reading = [
      ...this.previousFields.filter((p) => p.state === 'reading').map((p) => p.pending),
      ...this.uploads.filter((u) => u.result?.state === 'reading').map((u) => u.pending),
      ...this.editors.filter((ed) => ed.stale).map((ed) => ed.check()),
      // The report-level checks, when the page has them, before anything is sent.
      ...(this.needsReports() && !reportsReady() ? [this.withReports(() => undefined)] : []),
    ];
    if (reading.length) {
      e.preventDefault();
      e.stopImmediatePropagation();
      const submitter = e.submitter ?? null;
      Promise.all(reading).then(() => {
        if (this.active) this.form.requestSubmit(submitter && this.form.contains(submitter) ? submitter : undefined);
      });
      return;
    }
    const result = this.check('submit');
    if (!result.valid) {
      e.preventDefault();
      e.stopImmediatePropagation();
    } else if (this.draftKey) {
      clearTimeout(this.timers.draft);
      this.timers.draft = 0;
      this.forgetDraft();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Checking and showing

  isBlocking(d) {
    return d.severity === 'error' || (this.settings.blockOn === 'warning' && d.severity === 'warning');
  }

  /** The rule behind each rule key, in the checker's order (a sum's parent and children for its total). */
  rulesOf(def) {
    const ruleByKey = new Map(def.rules.map((rule) => [rule.key, rule]));
    return this.keystrokes.names.slice(this.keystrokes.cells).map((name) => ruleByKey.get(name));
  }

  /** A cell's new text to the checker; what it changed is taken into `findings`. */
  setCell(id, text) {
    const change = this.keystrokes.type(id, text);
    // Before the first load (cells being mapped, a draft restored) the load will read it all.
    if (!change || !this.findings) return;
    const pending = change.totals.map(({ rule: r, sum, filled }) => {
      const rule = this.rules[r];
      return { rule: rule.key, cell: rule.lhs[0], sum, filled, complete: filled === rule.rhs.length };
    });
    const { names } = this.keystrokes;
    const update = {
      rules: change.keys.map((k) => names[k]),
      // Without messages: a message is made when its finding is shown (`render`).
      diagnostics: this.keystrokes.findings(change, false),
      pending,
      totals: pending.map((p) => p.rule),
    };
    for (const c of this.findings.apply(update)) this.dirty.repaint.add(c);
    for (const key of update.rules) this.dirty.keys.add(key);
    for (const key of update.totals) this.dirty.keys.add(key);
  }

  /**
   * The whole table's findings and totals again, after a change that touches them all; with their
   * messages when most will be shown (a submit, a new language), else each made when it is shown.
   */
  reload(messages = false) {
    this.findings.load(this.checker.diagnostics(messages), this.checker.pending());
    this.dirty.all = true;
  }

  /** The key's findings, their messages made now if some shown one has none yet. */
  messaged(key) {
    const list = this.findings.get(key);
    if (list.some((d) => d.message === '' && this.isShown(d))) {
      const k = this.keystrokes.key.get(key);
      if (k !== undefined) this.findings.withMessages(key, this.checker.findingsOf(k, true));
    }
    return this.findings.get(key);
  }

  /** A cell left after an edit: its problems may be shown. */
  reveal(id) {
    this.revealed.add(id);
    this.dirty.cells.add(id);
  }

  /** A cell typed or pasted into: its groups show running totals. */
  edit(id) {
    this.edited.add(id);
    this.dirty.cells.add(id);
  }

  /** The submit-time check of the whole report; shows the summary if anything blocks. */
  check(trigger) {
    if (!this.active) return { valid: true, diagnostics: [] };
    this.submitted = true;
    this.checker.setMode('submit');
    this.reload(true);
    const previous = this.previousReport() ?? undefined;
    const diagnostics = this.onPage(this.fullCheck(this.lang, previous));
    this.comparePrevious();
    // The report files chosen: their blocking findings hold the upload back as the table's do.
    const files = this.sources.flatMap((u) => u.blocking(this.settings.blockOn).map((d) => ({ ...d, upload: u })));
    const blocking = [...diagnostics.filter((d) => this.isBlocking(d)), ...files];
    this.render();
    if (blocking.length) this.showSummary(blocking);
    else this.hideSummary();
    const valid = blocking.length === 0;
    this.dispatch('disclosure:validate', { trigger, valid, diagnostics });
    if (!valid) this.dispatch('disclosure:blocked', { trigger, diagnostics: blocking });
    return { valid, diagnostics };
  }

  /**
   * The submit-time findings of the whole report: `validate` (the tables and the report-level
   * checks) once the whole API is loaded; before that (a page with only its table never loads it)
   * the checker's own, in submit mode, which are the table's.
   */
  fullCheck(lang, previous) {
    if (reportsReady()) return api.validate(this.report(), { lang, mode: 'submit', previous }).diagnostics;
    return this.checker.diagnostics();
  }

  /**
   * Whether a finding concerns this page: a cell or a report field the page does not have cannot
   * be filled here, so its blank is not asked for (a portal may split the form over several pages,
   * or keep the report's text elsewhere).
   */
  concerns(d) {
    if (d.code === 'missing') return d.cells.some((c) => this.controlOf.has(c));
    const subject = REPORT_FIELDS[d.code];
    return !subject || subject.some((field) => this.meta.has(field));
  }

  /** The findings that concern this page (see `concerns`). */
  onPage(diagnostics) {
    return diagnostics.filter((d) => this.concerns(d));
  }

  /** Whether a problem is on screen now (see the rules at the top of this file). */
  isShown(d) {
    if (d.severity === 'info' && d.code !== 'normalized') return false;
    if (this.submitted) return true;
    if (d.code === 'missing' || this.settings.mode === 'submit') return false;
    if (this.visible.has(keyOf(d))) return true;
    const pending = d.rule ? this.findings.total(d.rule) : undefined;
    if (pending && !pending.complete) return false;
    if (this.settings.mode === 'live') return true;
    if (!d.cells.some((c) => this.revealed.has(c))) return false;
    return !(this.focused !== null && d.cells.includes(this.focused));
  }

  /**
   * Show what changed since the last render: decide again which problems are shown among the keys
   * that changed or name a cell whose state changed, and repaint the cells they name (every cell
   * after a whole-table change).
   */
  render() {
    if (!this.checker || !this.findings) return;
    const t = words(this.lang);
    const { dirty } = this;
    if (this.focused !== this.renderedFocus) {
      // Problems wait while the clerk is in one of their cells: both the cell left and the one
      // entered may change that.
      for (const id of [this.renderedFocus, this.focused]) if (id !== null) dirty.cells.add(id);
      this.renderedFocus = this.focused;
    }
    let keys;
    let repaint;
    if (dirty.all) {
      keys = new Set([...this.findings.keys(), ...this.visible.keys()]);
      repaint = new Set(this.controlOf.keys());
    } else {
      keys = new Set(dirty.keys);
      for (const id of dirty.cells) for (const key of this.findings.keysAt(id)) keys.add(key);
      repaint = new Set([...dirty.repaint, ...dirty.cells]);
    }
    this.dirty = { all: false, keys: new Set(), cells: new Set(), repaint: new Set() };

    for (const key of keys) {
      // Decided for all of a key's findings before it is marked shown: a problem shown at the
      // last render stays (it is only re-checked), whatever the order.
      const shown = this.messaged(key).filter((d) => this.isShown(d));
      if (shown.length) this.visible.set(key, shown);
      else this.visible.delete(key);
      for (const id of this.findings.cellsOf(key)) repaint.add(id);
    }
    for (const id of repaint) {
      const control = this.controlOf.get(id);
      if (control) this.paintCell(id, control, this.noteFor(id, t), t);
    }
    if (this.summary) this.refreshSummary();
  }

  /**
   * What a cell's note shows: the problems shown that it anchors (the first of their cells on the
   * page), in the checker's order; the running total of a sum it is the parent of; and, tied to it
   * by aria-describedby, every problem shown that names it.
   */
  noteFor(id, t) {
    const n = { messages: [], total: null, offer: null, invalid: false, describedBy: [] };
    const keys = this.findings.keysAt(id);
    const shown = [];
    for (const key of keys) for (const d of this.visible.get(key) ?? []) if (d.cells.includes(id)) shown.push(d);
    shown.sort((a, b) => this.findings.compare(a, b));
    for (const d of shown) {
      const anchor = d.cells.find((c) => this.controlOf.has(c));
      const message = { id: `${this.prefix}-m-${slug(keyOf(d))}`, code: d.code, severity: d.severity, text: d.message || d.code };
      if (d.code === 'normalized') {
        const offer = anchor === id ? this.offerFor(id) : null;
        if (offer) {
          n.offer = offer;
          n.messages.push(message);
          n.describedBy.push(message.id);
        }
        continue;
      }
      if (anchor === id) {
        n.messages.push(message);
        if (this.isBlocking(d)) n.invalid = true;
      }
      n.describedBy.push(message.id);
    }
    if (this.settings.mode !== 'submit' || this.submitted) {
      const totals = [...keys].map((key) => this.findings.total(key)).filter((p) => p && p.cell === id);
      totals.sort((a, b) => this.findings.compare(a, b));
      for (const p of totals) {
        if (!this.edited.has(p.cell) && !p.cells.some((c) => this.edited.has(c))) continue;
        const parentBlank = this.controlOf.get(p.cell).value.trim() === '';
        // A complete group with its parent filled needs no total once it adds up, nor once its
        // mismatch is shown; while the mismatch waits (the clerk still in the group), the total stays.
        if (p.complete && !parentBlank && (this.visible.has(p.rule) || !this.findings.has(p.rule))) continue;
        const totalId = `${this.prefix}-t-${slug(p.cell)}`;
        n.total = { id: totalId, sum: String(p.sum), text: t.runningTotal(p.sum) + t.runningFilled(p.filled, p.cells.length) };
        n.describedBy.push(totalId);
      }
    }
    return n;
  }

  paintCell(id, control, n, t) {
    const signature = JSON.stringify([n.messages, n.total, n.offer, this.lang]);
    let entry = this.slots.get(id);
    if (!entry) {
      if (!n.messages.length && !n.total && !n.offer) {
        this.setCellAria(control, n);
        return;
      }
      entry = { slot: createSlot(control), signature: '' };
      this.slots.set(id, entry);
    }
    if (entry.signature !== signature) {
      fillSlot(entry.slot, n, t, t.htmlLang());
      entry.signature = signature;
    }
    this.setCellAria(control, n);
  }

  setCellAria(control, n) {
    const base = this.baseDescribedBy.get(control) ?? '';
    const describedBy = [base, ...new Set(n.describedBy)].filter(Boolean).join(' ');
    if ((control.getAttribute('aria-describedby') ?? '') !== describedBy) {
      if (describedBy) control.setAttribute('aria-describedby', describedBy);
      else control.removeAttribute('aria-describedby');
    }
    if (n.invalid) {
      control.setAttribute('aria-invalid', 'true');
      control.classList.add('dr-input--error');
    } else if (control.classList.contains('dr-input--error')) {
      control.removeAttribute('aria-invalid');
      control.classList.remove('dr-input--error');
    }
  }

  /** The number a normalised text reads as, offered in its place (never imposed). */
  offerFor(id) {
    const control = this.controlOf.get(id);
    const place = this.index.cells.get(id);
    if (!control || !place) return null;
    const parsed = checking.parseValue(control.value, place.kind);
    if (parsed.state !== 'number' || !parsed.normalizations?.length) return null;
    if (!parsed.normalizations.every((n) => OFFERABLE.has(n.kind))) return null;
    const value = String(parsed.amount);
    if (value === control.value) return null;
    const t = words(this.lang);
    return { cell: id, value, label: t.offer(value), hint: t.offerHint(value, control.value) };
  }

  // ---------------------------------------------------------------------------------------------
  // The error summary

  showSummary(blocking) {
    const t = words(this.lang);
    this.summaryItems = blocking.map((d) => {
      if (d.upload) {
        // A problem in the report file: the link goes to the findings beside its field.
        const text = `${d.upload.result?.name ?? d.upload.label}：${d.cells.length ? `${d.cells[0]}：` : ''}${d.message || d.code}`;
        const box = d.upload.box.id;
        return { key: `upload:${keyOf(d)}`, code: d.code, cell: null, upload: box, href: `#${box}`, text, table: false };
      }
      const cell = d.cells.find((c) => this.controlOf.has(c)) ?? null;
      const href = cell ? `#${this.idFor(this.controlOf.get(cell))}` : null;
      // The table checker's own problems (reloaded at this submit) leave the summary once fixed.
      return { key: keyOf(d), code: d.code, cell, href, text: d.message || d.code, table: this.findings.has(keyOf(d)) };
    });
    if (!this.summary) this.summary = createSummary(this.form);
    fillSummary(this.summary, this.summaryItems, t, t.htmlLang(), `${this.prefix}-summary-title`);
    this.summary.setAttribute('aria-labelledby', `${this.prefix}-summary-title`);
    this.setTitle(true);
    this.summary.focus();
    this.summary.scrollIntoView({ block: 'start' });
  }

  /** Problems fixed since the submit leave the summary at once; when none is left, it goes. */
  refreshSummary() {
    // Report-level problems (the narrative, the dates) are not the table checker's: they stay
    // until the next submit.
    const left = this.summaryItems.filter((item) => !item.table || this.findings.has(item.key));
    if (left.length === this.summaryItems.length) return;
    this.summaryItems = left;
    if (!left.length) {
      this.hideSummary();
      return;
    }
    const t = words(this.lang);
    fillSummary(this.summary, left, t, t.htmlLang(), `${this.prefix}-summary-title`);
  }

  hideSummary() {
    this.summary?.remove();
    this.summary = null;
    this.summaryItems = [];
    this.setTitle(false);
  }

  setTitle(prefixed) {
    if (this.originalTitle === null) this.originalTitle = document.title;
    const base = this.originalTitle;
    document.title = prefixed ? words(this.lang).titlePrefix() + base : base;
  }

  idFor(control) {
    if (!control.id) {
      this.remember(control, 'id');
      control.id = `${this.prefix}-cell-${slug(this.cellOf.get(control))}`;
    }
    return control.id;
  }

  // ---------------------------------------------------------------------------------------------
  // The report, the draft, the preview

  report() {
    const report = this.checker.report();
    for (const [key, control] of this.meta) {
      const text = control.value;
      if (key === 'narrative') {
        if (text) report.narrative = text;
      } else if (key === 'year') {
        const year = Number.parseInt(text.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)), 10);
        if (Number.isInteger(year) && year > 1900 && year < 10000) report.year = year;
      } else if (text.trim()) {
        report[key] = text.trim();
      }
    }
    return report;
  }

  entries() {
    const values = {};
    for (const [id, control] of this.controlOf) values[id] = control.value;
    for (const [key, control] of this.meta) values[key] = control.value;
    return values;
  }

  /**
   * Before the checker is ready the cells are not known yet, but the clerk may already type (and
   * reload, or the browser die, before it is): what they type is kept by the controls' names under
   * a key of its own, and taken into the draft once the checker runs (`restoreDraft`).
   */
  watchEarly() {
    this.tab = pageId();
    this.early = new Set();
    this.earlyKey = earlyKey(this.form, this.settings.draftKey);
    this.earlyAborter = new AbortController();
    const signal = this.earlyAborter.signal;
    const save = () => {
      clearTimeout(this.timers.early);
      this.timers.early = 0;
      if (this.early.size) saveEarly(this.earlyKey, this.form, this.early);
    };
    this.form.addEventListener('input', (e) => {
      const control = e.target;
      if (!(control instanceof Element) || !control.matches('input:not([type=file]):not([type=password]):not([type=hidden]), textarea, select')) return;
      this.early.add(control);
      if (!this.timers.early) this.timers.early = setTimeout(save, DRAFT_DELAY_MS);
    }, { capture: true, signal });
    // Submitted before the checker was ready: what was typed is sent, nothing to keep.
    this.form.addEventListener('submit', () => {
      this.early.clear();
      clearTimeout(this.timers.early);
      this.timers.early = 0;
      clearDraft(this.earlyKey);
    }, { signal });
    window.addEventListener('pagehide', save, { signal });
    document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && save(), { signal });
  }

  stopEarly() {
    this.earlyAborter?.abort();
    clearTimeout(this.timers.early);
    this.timers.early = 0;
  }

  /** A change to keep: saved at most DRAFT_DELAY_MS later, so a clerk who never pauses is saved too. */
  scheduleDraft() {
    if (!this.draftKey) return;
    this.unsaved = true;
    if (!this.timers.draft) this.timers.draft = setTimeout(() => this.saveDraftNow(), DRAFT_DELAY_MS);
  }

  saveDraftNow() {
    if (!this.draftKey || !this.active || !this.timers.draft) return;
    clearTimeout(this.timers.draft);
    this.timers.draft = 0;
    // Another tab saved this form's draft since this page read or wrote it: never written over
    // without asking. The entries stay in the page meanwhile.
    const stored = loadDraft(this.draftKey);
    if (stored && stampOf(stored) !== this.draftSeen) {
      if (this.noticeState?.kind !== 'conflict' || this.noticeState.savedAt !== stored.savedAt) {
        this.showNotice({ kind: 'conflict', savedAt: stored.savedAt });
      }
      return;
    }
    this.writeDraft();
  }

  writeDraft() {
    const { status, stamp } = saveDraft(this.draftKey, this.entries(), this.tab);
    if (status === 'saved') {
      this.draftSeen = stamp;
      this.unsaved = false;
      if (this.earlyStored) {
        clearDraft(this.earlyKey); // now in the draft
        this.earlyStored = false;
      }
      if (['full', 'denied'].includes(this.noticeState?.kind)) this.showNotice({ kind: 'savedAgain' });
    } else if (this.noticeState?.kind !== status) {
      // Storage full or refused: said at the top of the form; the entries stay in the page.
      this.showNotice({ kind: status });
    }
    return status;
  }

  /** The draft is done with (the report submitted, the draft discarded). */
  forgetDraft() {
    clearDraft(this.draftKey);
    clearDraft(this.earlyKey);
    this.earlyStored = false;
    this.draftSeen = '';
    this.unsaved = false;
  }

  /** Another tab wrote or removed the draft while this page waits for the clerk's choice. */
  onStorage(e) {
    if ((e.key !== null && e.key !== this.draftKey) || this.noticeState?.kind !== 'conflict') return;
    const stored = loadDraft(this.draftKey);
    if (!stored) {
      // The other tab submitted or discarded its draft: there is nothing left to write over.
      this.draftSeen = '';
      if (this.writeDraft() === 'saved') this.showNotice({ kind: 'savedAgain' });
    } else if (stored.savedAt !== this.noticeState.savedAt) {
      this.showNotice({ kind: 'conflict', savedAt: stored.savedAt });
    }
  }

  /** The clerk's choice when another tab's draft is in the way: this page's entries, or that draft. */
  resolveConflict(choice) {
    if (this.noticeState?.kind !== 'conflict') return;
    clearTimeout(this.timers.draft);
    this.timers.draft = 0;
    const stored = loadDraft(this.draftKey);
    if (choice === 'overwrite' || !stored) {
      const status = this.writeDraft();
      this.showNotice(status === 'saved' ? { kind: 'overwritten', savedAt: stored?.savedAt ?? '' } : { kind: status });
    } else if (choice === 'load') {
      const controls = new Map([...this.controlOf, ...this.meta]);
      const changes = Object.entries(stored.values).filter(([id, text]) => controls.has(id) && controls.get(id).value !== text);
      this.setValues(changes.map(([id, text]) => [controls.get(id), text]));
      for (const [id] of changes) if (this.controlOf.has(id)) this.edit(id);
      this.pageValues = null;
      this.draftSeen = stampOf(stored);
      this.unsaved = false;
      this.showNotice({ kind: 'loaded', savedAt: stored.savedAt });
      this.render();
      this.schedulePreview();
    } else {
      return;
    }
    this.focusNotice();
  }

  restoreDraft() {
    const draft = loadDraft(this.draftKey);
    this.draftSeen = stampOf(draft);
    const controls = new Map([...this.controlOf, ...this.meta]);
    const values = new Map(Object.entries(draft?.values ?? {}));
    let savedAt = draft?.savedAt ?? '';
    // Typed on an earlier page before its checker was ready (a reload while it loaded, a crash):
    // newer than the draft, unless the draft was saved since.
    const early = loadEarly(this.earlyKey);
    this.earlyStored = Boolean(early);
    if (early && early.savedAt > savedAt) {
      const idOf = new Map([...controls].map(([id, control]) => [control, id]));
      for (const [ref, text] of Object.entries(early.values)) {
        const id = idOf.get(findControl(this.form, ref));
        if (id !== undefined) values.set(id, text);
      }
      savedAt = early.savedAt;
    }
    // What the clerk typed on this page while the checker loaded is newer still: it stays, and
    // everything typed before the checker was ready goes into the draft now.
    if (this.early.size || this.earlyStored) this.scheduleDraft();
    const changes = [...values].filter(([id, text]) => controls.has(id) && !this.early.has(controls.get(id)) && controls.get(id).value !== text);
    if (!changes.length) return;
    this.pageValues = new Map(changes.map(([id]) => [id, controls.get(id).value]));
    this.setValues(changes.map(([id, text]) => [controls.get(id), text]));
    for (const [id] of changes) if (this.controlOf.has(id)) this.edit(id);
    this.draftSavedAt = savedAt;
    this.draftCount = changes.length;
    this.showNotice({ kind: 'restored' });
  }

  /** What the draft notice says: `state.kind` is restored, discarded, full, denied, savedAgain, conflict, overwritten or loaded. */
  showNotice(state) {
    this.noticeState = state;
    if (!this.notice) this.notice = createNotice(this.form);
    this.paintNotice();
  }

  paintNotice() {
    if (!this.notice || !this.noticeState) return;
    const t = words(this.lang);
    const stamp = (iso) => {
      const when = new Date(iso);
      return Number.isNaN(when.getTime()) ? iso : when.toLocaleString(t.htmlLang());
    };
    const { kind, savedAt } = this.noticeState;
    // The restored draft can be discarded as long as it is in the form and nothing else is asked.
    const discard = this.pageValues && ['restored', 'full', 'denied', 'savedAgain'].includes(kind) ? t.draftDiscard() : null;
    const content = {
      restored: () => ({ text: t.draftRestored(stamp(this.draftSavedAt), this.draftCount) }),
      discarded: () => ({ text: t.draftDiscarded() }),
      full: () => ({ text: t.draftFull() }),
      denied: () => ({ text: t.draftDenied() }),
      savedAgain: () => ({ text: t.draftSavedAgain() }),
      conflict: () => ({
        text: t.draftConflict(stamp(savedAt)),
        actions: [
          { label: t.draftOverwrite(), action: 'overwrite' },
          { label: t.draftLoadOther(), action: 'load' },
        ],
      }),
      overwritten: () => ({ text: t.draftOverwritten(stamp(savedAt)) }),
      loaded: () => ({ text: t.draftLoadedOther(stamp(savedAt)) }),
    }[kind]();
    fillNotice(this.notice, { ...content, discard }, t.htmlLang());
  }

  /** The notice's buttons are gone once pressed: focus goes to what it says now. */
  focusNotice() {
    const text = this.notice?.querySelector('p');
    if (!text) return;
    text.setAttribute('tabindex', '-1');
    text.focus();
  }

  discardDraft() {
    clearTimeout(this.timers.draft);
    this.timers.draft = 0;
    this.forgetDraft();
    const controls = new Map([...this.controlOf, ...this.meta]);
    const back = [...(this.pageValues ?? [])].filter(([id]) => controls.has(id)).map(([id, text]) => [controls.get(id), text]);
    this.setValues(back);
    this.pageValues = null;
    this.showNotice({ kind: 'discarded' });
    this.focusNotice();
    this.render();
    this.schedulePreview();
  }

  setupPreview() {
    const ref = this.settings.preview;
    const container = ref instanceof Element ? ref : document.querySelector(ref);
    if (!container) throw misuse(`options.preview: no element matches ${String(ref)}`);
    this.preview = { container, ...createPreview(container) };
    this.preview.print.addEventListener(
      'click',
      () => {
        // Print the preview alone: the stylesheet hides the rest of the page while this class is set.
        document.documentElement.classList.add('dr-printing');
        window.addEventListener('afterprint', () => document.documentElement.classList.remove('dr-printing'), { once: true });
        window.print();
      },
      { signal: this.aborter.signal },
    );
    this.paintPreview();
  }

  schedulePreview() {
    if (!this.preview) return;
    clearTimeout(this.timers.preview);
    this.timers.preview = setTimeout(() => this.paintPreview(), PREVIEW_DELAY_MS);
  }

  paintPreview() {
    if (!this.preview) return;
    if (!reportsReady()) {
      this.withReports(() => this.paintPreview());
      return;
    }
    const t = words(this.lang);
    this.preview.print.textContent = t.print();
    this.preview.body.lang = t.htmlLang();
    this.preview.body.setAttribute('aria-label', t.previewLabel());
    this.preview.body.setAttribute('role', 'region');
    // renderPreview escapes every byte of the report's text by construction (src/render), so the
    // string holds no markup but the renderer's own.
    this.preview.body.innerHTML = api.renderPreview(this.report(), { lang: this.lang });
  }

  // ---------------------------------------------------------------------------------------------
  // Language and detaching

  setLanguage(lang) {
    if (!LANGS.includes(lang)) throw misuse('setLanguage(lang): lang must be "zh" or "en"');
    this.lang = lang;
    if (!this.active) {
      this.settings.lang = lang;
      return;
    }
    this.checker.setLanguage(lang);
    for (const source of this.sources) source.setLanguage(lang, words(lang));
    for (const field of this.previousFields) field.setLanguage(lang, words(lang));
    this.comparePrevious();
    // Every message is made again in the new language.
    this.reload(this.submitted);
    this.render();
    if (this.summary) {
      const keys = new Set(this.summaryItems.map((i) => i.key));
      const diagnostics = this.fullCheck(lang);
      const t = words(lang);
      this.summaryItems = this.summaryItems.map((item) => {
        const d = diagnostics.find((x) => keyOf(x) === item.key);
        return d && keys.has(item.key) ? { ...item, text: d.message || d.code } : item;
      });
      fillSummary(this.summary, this.summaryItems, t, t.htmlLang(), `${this.prefix}-summary-title`);
      this.setTitle(true);
    }
    this.paintNotice();
    if (this.preview) this.paintPreview();
  }

  detach() {
    if (this.detached) return;
    this.detached = true;
    if (this.draftKey && this.timers.draft) this.saveDraftNow();
    this.teardown();
    attached.delete(this.form);
  }

  teardown() {
    this.active = false;
    this.aborter.abort();
    this.stopEarly();
    this.observer?.disconnect();
    for (const t of Object.values(this.timers)) clearTimeout(t);
    for (const { slot } of this.slots.values()) slot.remove();
    this.slots.clear();
    for (const source of this.sources) source.detach();
    for (const field of this.previousFields) field.detach();
    if (this.summary) this.hideSummary();
    this.notice?.remove();
    if (this.preview) {
      this.preview.toolbar.remove();
      this.preview.body.remove();
    }
    for (const control of this.cellOf.keys()) control.classList.remove('dr-input--error');
    for (const [el, name, old] of this.restore.reverse()) {
      if (old === null) el.removeAttribute(name);
      else el.setAttribute(name, old);
    }
    this.restore = [];
    this.checker?.free();
    this.checker = null;
  }
}
