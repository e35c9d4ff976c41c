// Types of disclosure-report's browser package: the checker's API (Rust compiled to WebAssembly)
// and the component that attaches it to a portal's form. Everything a user touches is typed; there
// is no `any` in this file.

// ------------------------------------------------------------------------------------------------
// Plain data

/**
 * The versions of the statistics tables: 2014–2018, the 2019 trial format, the 2021 format, and
 * Fujian's own pre-2019 table with its 历年累计 column ('2016-fj').
 */
export type FormId = '2016' | '2019' | '2021' | '2016-fj';

/** The language messages are made in. Chinese first. */
export type Lang = 'zh' | 'en';

export type Severity = 'error' | 'warning' | 'info';

/** Stable diagnostic codes (kebab-case; more may be added, none renamed). */
export type Code =
  | 'invalid-number'
  | 'negative'
  | 'not-integer'
  | 'too-many-decimals'
  | 'missing'
  | 'sum-mismatch'
  | 'balance-mismatch'
  | 'subset-exceeds-parent'
  | 'reasons-mismatch'
  | 'channel-exceeds-total'
  | 'heading-mismatch'
  | 'narrative-mismatch'
  | 'late-publication'
  | 'suspicious-agency'
  | 'wrong-format'
  | 'missing-section'
  | 'normalized'
  | 'channels-below-total'
  | 'expected-nonzero'
  | 'implied-zero'
  | 'unplaced-row'
  | 'duplicate-cell'
  | 'heading-value'
  | 'numbering-slip'
  | 'table-a-inconsistent'
  | 'fees-not-reported'
  | 'carry-over-mismatch'
  | 'not-checked'
  | 'table-not-found'
  | 'wrong-year'
  | 'empty-section'
  | 'in-force-mismatch'
  | 'cumulative-below-year'
  | 'answers-below-total'
  | 'cumulative-mismatch'
  | 'bidi-control';

/** What a cell holds: whole numbers, money in 万元 (6 decimals: to the 分), or a signed change (+3, -2). */
export type ValueKind = 'count' | 'money' | 'signed';

/** When a table is checked: while filling (blanks are warnings), at upload, or a published report. */
export type CheckerMode = 'filling' | 'submit' | 'review';

/** Something the value parser did to read a text; the text itself is never changed. */
export type Normalization =
  | { kind: 'fullWidth' }
  | { kind: 'separators' }
  | { kind: 'whitespace' }
  | { kind: 'unit'; unit: string }
  | { kind: 'converted'; from: string; to: string }
  | { kind: 'annotation'; note: string }
  | { kind: 'plusSign' };

/** Why a text is not a value. */
export type Refusal =
  | { reason: 'empty' }
  | { reason: 'letters'; found: string }
  | { reason: 'unexpectedCharacter'; found: string }
  | { reason: 'decimalPoints' }
  | { reason: 'malformedSign' }
  | { reason: 'misplacedSeparator' }
  | { reason: 'noDigits' }
  | { reason: 'tooLarge' }
  | { reason: 'negative' }
  | { reason: 'notInteger' }
  | { reason: 'tooManyDecimals' }
  | { reason: 'unknownUnit'; unit: string }
  /** Longer than any value (256 characters): refused before it is read. */
  | { reason: 'tooLong'; chars: number; limit: number };

/** What `parseValue` read. */
export type Parsed =
  | { state: 'blank' }
  | { state: 'notApplicable' }
  | { state: 'number'; amount: number; normalizations: Normalization[] }
  | ({ state: 'refused' } & Refusal);

/** A sentence of the narrative a finding quotes; offsets in UTF-16 code units (JS strings). */
export interface Quote {
  text: string;
  section: string | null;
  start: number;
  end: number;
}

/** Where in an imported file: a line of text, a row of its n-th table, or a paragraph (1-based). */
export type Origin =
  | { kind: 'line'; line: number }
  | { kind: 'row'; table: number; row: number }
  | { kind: 'paragraph'; paragraph: number };

/** How much of one table of an imported report was read and judged. */
export interface TableCoverage {
  /** `A`, `B`, `C`, `T` (Fujian's, '2016-fj'), or `''` for the single table of the 2016 form. */
  table: string;
  title: string;
  found: boolean;
  cells: number;
  /** Cells holding a value read with confidence. */
  read: number;
  /** Cells whose reading is not trusted (rows not placed or repaired). */
  unread: number;
  rulesPassed: number;
  rulesFailed: number;
  rulesNotChecked: number;
}

/** The typed facts behind a diagnostic, from which its message was made. */
export type Detail =
  | { kind: 'refused'; text: string; refusal: Refusal }
  | { kind: 'normalized'; text: string; normalizations: Normalization[] }
  | { kind: 'blank' }
  | { kind: 'relation'; lhs: string[]; rhs: string[]; lhsFigures: number[]; rhsFigures: number[] }
  | { kind: 'impliedZero'; by: string[] }
  | { kind: 'unplaced'; line: number; text: string; at?: Origin }
  | { kind: 'duplicate'; line: number; first: string; second: string; at?: Origin }
  | { kind: 'notChecked'; unread: string[]; at: Origin[] }
  | { kind: 'tableNotFound'; table: string; title: string }
  | { kind: 'report'; quote: Quote | null; facts: Array<[string, string]> };

/** One finding. */
export interface Diagnostic {
  code: Code;
  severity: Severity;
  /** The cell ids it concerns, the one to fix first. */
  cells: string[];
  /** The figure the rule expects (e.g. Σ of the children), where there is one. */
  expected?: number;
  /** The figure found (e.g. the parent's value). */
  actual?: number;
  /** In the language asked for. */
  message: string;
  /** The rule that made it (stable within one form), e.g. `sum-mismatch:3.1`, `cell:3.1`. */
  rule?: string;
  detail: Detail;
}

/** A report in the project's JSON format (what a portal uploads). */
export interface Report {
  format: 'disclosure-report';
  version: 1;
  form: FormId;
  /** The year reported on. */
  year?: number;
  agency?: string;
  /** The publication date, YYYY-MM-DD. */
  date?: string;
  title?: string;
  /** Cells by id (`3.1`, `B:3.7:total`), each as typed. */
  cells: Record<string, string>;
  narrative?: string;
}

export interface ColumnDefinition {
  id: string;
  label: string;
  /** The merged header it sits under (法人或其他组织), or "". */
  group: string;
  unit: string;
  /** Overrides the row's kind (本年收费金额 is money). */
  kind?: ValueKind;
  optional: boolean;
}

export interface RowDefinition {
  id: string;
  label: string;
  aliases: string[];
  unit: string;
  kind: 'heading' | ValueKind;
  depth: number;
  optional: boolean;
  columns: ColumnDefinition[];
  /** The cell id of each column, in order. */
  cells: string[];
}

export interface TableDefinition {
  /** "" for the single table of the 2016 form, else "A", "B", "C", or "T" (Fujian's, '2016-fj'). */
  id: string;
  title: string;
  columns: ColumnDefinition[];
  rows: RowDefinition[];
}

/** A rule of the form at one place it runs through (a sum at one column, say). */
export interface RuleDefinition {
  /** The key its findings (`Diagnostic.rule`) and running totals (`Pending.rule`) carry. */
  key: string;
  code: Code;
  severity: Severity;
  relation: 'equal' | 'atMost' | 'atLeast' | 'implies';
  /** The cell ids of each side: for a sum, the parent and its children. */
  lhs: string[];
  rhs: string[];
  /** Checked only once every cell of the left side is filled (an optional subtotal). */
  whenFilled: boolean;
}

export interface FormDefinition {
  id: FormId;
  title: string;
  /** The report years the form is for, inclusive. */
  years: [number, number];
  tables: TableDefinition[];
  rules: RuleDefinition[];
}

/** The running total of a sum whose children are being filled. */
export interface Pending {
  rule: string;
  /** The parent cell. */
  cell: string;
  /** Σ of the filled children. */
  sum: number;
  cells: string[];
  filled: number;
  complete: boolean;
}

/** A running total as `setCell` returns it: its children are the rule's `rhs` in `formDefinition`. */
export type RunningTotal = Omit<Pending, 'cells'>;

export interface CheckOptions {
  lang?: Lang;
  mode?: CheckerMode;
  /** Which publication deadline applies; told apart by the agency's name when absent. */
  agencyKind?: 'department' | 'government';
}

// ------------------------------------------------------------------------------------------------
// The headless API

/** Where the .wasm is, for `init`. */
export type WasmSource =
  | string
  | URL
  | Request
  | Response
  | BufferSource
  | WebAssembly.Module
  | Promise<Response>
  | { module_or_path: string | URL | Request | Response | BufferSource | WebAssembly.Module | Promise<Response> };

/**
 * Load the package's API (every function and class here). Safe to call twice: every call shares one
 * promise. Call it before the functions. `attach` needs no call: it loads the form's checker, a
 * smaller module, and this one only when the page has report fields, a preview or last year's report.
 */
export function init(input?: WasmSource): Promise<unknown>;
export default init;

/** Instantiate synchronously from the .wasm's bytes (Node, workers). */
export function initSync(module: { module: BufferSource | WebAssembly.Module } | BufferSource | WebAssembly.Module): unknown;

/** What a person typed, read as a number or refused with its reason. */
export function parseValue(text: string, kind?: ValueKind): Parsed;

export function formDefinition(form: FormId): FormDefinition;

/** The row of a table a printed label names (tolerant, as the text importer reads labels), or undefined. */
export function matchLabel(form: FormId, tableId: string, label: string): string | undefined;

/**
 * Every finding of a report: its tables and the text around them. With `previous` (last year's report
 * of the same agency) the year-against-year checks too: carried over against carried forward, and
 * Table A's documents in force against last year's plus issued minus repealed.
 */
export function validate(
  report: Report,
  options?: CheckOptions & { previous?: Report },
): { form: FormId; diagnostics: Diagnostic[] };

/** The finished report as one HTML element (escaped by construction), its findings marked. */
export function renderPreview(report: Report, options?: CheckOptions): string;

/** A report from the text it comes in (as published, Markdown, TSV, the project's JSON). */
export function importReport(
  text: string,
  options?: { lang?: Lang },
): { report: Report; diagnostics: Diagnostic[] } | { error: string };

/**
 * A published report read from its text (the text as published, Markdown, TSV, the project's JSON;
 * HTML pages and Word files are read by the command line, and answered here with an `error` saying so)
 * and checked as a reviewer checks it, with how much of each table was read. A rule
 * that reads a cell not read with confidence is `not-checked`, never a mismatch. `previous` is last
 * year's report, for the year-against-year checks.
 */
export function checkReport(
  text: string,
  options?: { lang?: Lang; previous?: string },
): { report: Report; diagnostics: Diagnostic[]; coverage: { tables: TableCoverage[] } } | { error: string };

/** The same for a file's bytes as a file input gives them (a Word file or a PDF where this module has its reader); an old .doc is refused by name. */
export function checkFile(
  bytes: Uint8Array,
  options?: { lang?: Lang; previous?: string },
): { report: Report; diagnostics: Diagnostic[]; coverage: { tables: TableCoverage[] } } | { error: string };

/**
 * A report file as a file input or a drop gives it (a PDF, a Word file, an HTML page, text; GB18030
 * text too), read in the page by the reader its format needs (loaded then: `readers/`, or `pdf/` for
 * a PDF) and checked as a reviewer checks it. Nothing leaves the browser. `wasm` says where the
 * readers' .wasm files are when they are not next to their glue.
 */
export function checkReportFile(
  file: Blob,
  options?: { lang?: Lang; previous?: Report | string; wasm?: { readers?: WasmSource; pdf?: WasmSource } },
): Promise<
  | { report: Report; diagnostics: Diagnostic[]; coverage: { tables: TableCoverage[] } }
  | { error: string }
  | { notChecked: 'pdf' | 'doc'; message: string }
>;

/**
 * A finding as a page places it before showing it: its code, severity, cells and key, its message
 * empty, without the figures and the detail the message is made from.
 */
export type PlacedFinding = Omit<Diagnostic, 'detail' | 'expected' | 'actual'> & { message: '' };

/** A form being filled: one per form, re-checking only what a changed cell touches. */
export class Checker {
  constructor(form: FormId, options?: { mode?: CheckerMode; lang?: Lang });
  /** Change one cell: the rule keys re-checked, their current findings, and the running totals of the sums among them. */
  setCell(id: string, text: string): { rules: string[]; diagnostics: Diagnostic[]; pending: RunningTotal[] };
  /**
   * The keystroke protocol: cell number `cell` (its place in `keys()`) now holds `text`. Returns how
   * many keys' findings and rules' running totals changed (0: nothing to do); `record()` names them
   * and says how many findings each changed key has now, `findingsOf(key)` gives a key's findings.
   */
  edit(cell: number, text: string): number;
  /** Every key's name, in key order: `cell:<id>` for each cell, then each rule's key. */
  keys(): string[];
  /** Every diagnostic code, in the order `record()` numbers them. */
  codes(): Code[];
  /**
   * The last `edit`'s change record, a view of the checker's memory made once:
   * `[k, t, keys…, totals…, counts…, codes…, severities…]`. With `K = keys().length` and `R` rules:
   * `k` keys whose findings changed from index 2, `t` rules whose running total changed from `K + 2`;
   * from `K + R + 2`, `2K + R + 2` and `3K + R + 2`, for the i-th changed key, how many findings it
   * has now (0: nothing to ask for) and, when it has one, its code (a place in `codes()`) and
   * severity (0 error, 1 warning, 2 info); its cells are the key's own. Valid until the module's
   * memory grows (its length is then 0: ask again).
   */
  record(): Uint32Array;
  /** Every rule's running total as `[sum, filled]` pairs: a view of the checker's memory, valid as `record()`'s. */
  totals(): Float64Array;
  /** One key's current findings, with their messages. */
  findingsOf(key: number, messages?: true): Diagnostic[];
  /**
   * One key's current findings placed only (`message` empty, no `detail`), for a page that makes a
   * message only when it shows its finding (asking again then).
   */
  findingsOf(key: number, messages: false): PlacedFinding[];
  /** Every current finding of the table, with their messages (placed only with `messages` false). */
  diagnostics(messages?: true): Diagnostic[];
  diagnostics(messages: false): PlacedFinding[];
  pending(): Pending[];
  setLanguage(lang: Lang): void;
  setMode(mode: CheckerMode): void;
  report(): Report;
  free(): void;
}

// ------------------------------------------------------------------------------------------------
// The component

/** Report fields that are not table cells, which `fields` may also name. */
export type MetaField = 'agency' | 'year' | 'date' | 'title' | 'narrative';

/** An editor the component cannot find by itself: where its HTML is, and how to hear it change. */
export interface EditorAdapter {
  /** The editor's element; the findings go after it (or after the editor's frame around it). */
  element: Element;
  /** The editor's current content as HTML. */
  html(): string;
  /** Call `onChange` whenever the content changes; returns a function that stops it. */
  watch?(onChange: () => void): () => void;
}

export interface AttachOptions {
  /** The form version. Default: the one whose cells the page has most. */
  form?: FormId;
  /**
   * When problems are shown. `blur` (default): when a cell is left, then live until fixed;
   * `live`: as typed; `submit`: only at submit, then live.
   */
  mode?: 'blur' | 'live' | 'submit';
  /** Default `zh`. */
  lang?: Lang;
  /** What stops the submit. Default `error`; warnings are shown but do not block. */
  blockOn?: 'error' | 'warning';
  /**
   * Cells (and the report's own fields) the page does not mark with data-cell: id → a control's
   * `name`, a selector, or the element.
   */
  fields?: Partial<Record<MetaField, string | Element>> & Record<string, string | Element>;
  /** `local`: keep the entries in this browser's localStorage and restore them after a reload. */
  draft?: 'local' | 'none' | false;
  /** The localStorage key of the draft. Default: per page path, form and version. */
  draftKey?: string;
  /** Where the live preview goes: a selector or an element. */
  preview?: string | Element;
  /**
   * The report's file field(s), by name or selector. Default: every `<input type="file">` whose
   * `accept` names .docx/.html/.txt/.pdf or whose name or label says report/年度报告. A chosen file is
   * read and checked in the page (the readers' module, `readers/`, loads then; for a PDF the PDF
   * reader's, `pdf/`); its errors hold the upload back as the table's do (`blockOn`); an old .doc is
   * said not to be checked and never holds it back.
   */
  files?: string | string[];
  /**
   * The rich-text editor(s) holding the report in the article's body. Default: found by themselves
   * (a same-origin iframe in design mode: KindEditor, UEditor, TinyMCE, CKEditor 4; a contenteditable
   * area: CKEditor 5, wangEditor, Quill; a visible textarea holding HTML with a table). Otherwise an
   * element, a selector, or an adapter. The tables in it are checked when its content settles and at
   * submit; their findings show beside it and their errors hold the submit back (`blockOn`).
   */
  editor?: string | Element | EditorAdapter | Array<string | Element | EditorAdapter>;
  /**
   * The field(s) for last year's report, by name or selector. Default: file inputs named or labelled
   * 上年/去年/previous/last year. The chosen report (any format the readers take) is read in the page,
   * and this year's table, report files and editors are compared with it (carried over, documents in
   * force, a cumulative column); the comparison shows beside the field.
   */
  previous?: string | string[];
  /** Where the .wasm is, if not next to index.js. */
  wasm?: WasmSource | { checker?: WasmSource; reports?: WasmSource; readers?: WasmSource; pdf?: WasmSource };
}

export interface ValidationResult {
  /** Whether the report may be uploaded: nothing blocks. */
  valid: boolean;
  diagnostics: Diagnostic[];
}

export interface Controller {
  /** Resolves true once the checker runs, false if it could not load (the form works as before). */
  readonly ready: Promise<boolean>;
  readonly available: boolean;
  /** The form version in use, once ready. */
  readonly form: FormId | null;
  /**
   * The submit-time check, for a portal that uploads by script: shows the summary if anything
   * blocks, dispatches the events, and says whether to go on.
   */
  validate(): ValidationResult;
  /** The table's current findings. */
  diagnostics(): Diagnostic[];
  /** The report as it stands, for upload (`JSON.stringify` it); null while unavailable. */
  report(): Report | null;
  setLanguage(lang: Lang): void;
  /** Remove everything the component added and stop listening; the form is as it was. */
  detach(): void;
}

/** Attach the checker to a form. */
export function attach(form: HTMLFormElement | string, options?: AttachOptions): Controller;

export interface DisclosureReadyDetail {
  form: FormId;
  /** The cell ids found on the page. */
  cells: string[];
}

export interface DisclosureValidateDetail {
  trigger: 'submit' | 'validate';
  valid: boolean;
  diagnostics: Diagnostic[];
}

export interface DisclosureBlockedDetail {
  trigger: 'submit' | 'validate';
  /** What blocks: errors (and warnings with `blockOn: 'warning'`). */
  diagnostics: Diagnostic[];
}

export interface DisclosureUnavailableDetail {
  error: Error;
}

/** Events the component dispatches on the form (they bubble). */
export interface DisclosureEventMap {
  'disclosure:ready': CustomEvent<DisclosureReadyDetail>;
  'disclosure:validate': CustomEvent<DisclosureValidateDetail>;
  'disclosure:blocked': CustomEvent<DisclosureBlockedDetail>;
  'disclosure:unavailable': CustomEvent<DisclosureUnavailableDetail>;
}

declare global {
  interface HTMLElementEventMap extends DisclosureEventMap {}
  interface DocumentEventMap extends DisclosureEventMap {}
}
