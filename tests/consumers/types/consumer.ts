// A portal's TypeScript, checked with `tsc --noEmit --strict` against the installed package: every
// type a user touches. Each `@ts-expect-error` is misuse that must not compile; if its error went
// away (a type widened, or became `any`), the directive itself fails the check. `notAny` does the
// same for results.
import init, {
  attach,
  validate,
  importReport,
  checkReport,
  parseValue,
  formDefinition,
  matchLabel,
  renderPreview,
  initSync,
  Checker,
} from 'disclosure-report';
import type {
  AttachOptions,
  Code,
  Controller,
  Detail,
  Diagnostic,
  DisclosureValidateDetail,
  FormId,
  Report,
  Severity,
} from 'disclosure-report';

type IsAny<T> = 0 extends 1 & T ? true : false;
/** Compiles only when `value`'s type is not `any`. */
function notAny<T>(value: T, ...proof: IsAny<T> extends true ? [never] : []): T {
  void proof;
  return value;
}

// ---- The component -----------------------------------------------------------------------------

const options: AttachOptions = {
  form: '2016',
  mode: 'blur',
  lang: 'zh',
  blockOn: 'error',
  fields: { agency: '#agency', '3.1': 'sq' },
  draft: 'local',
  preview: '#preview',
  wasm: new URL('/static/disclosure-report/disclosure_report_bg.wasm', location.href),
};

/** What a portal shows beside a finding: the figures behind it, by the kind of finding. */
function figures(diagnostic: Diagnostic): string {
  const detail: Detail = diagnostic.detail;
  switch (detail.kind) {
    case 'relation':
      return `${detail.lhs.join('+')}=${detail.lhsFigures.join('+')}, ${detail.rhs.join('+')}=${detail.rhsFigures.join('+')}`;
    case 'refused':
      return `${detail.text}: ${detail.refusal.reason}`;
    case 'normalized':
      return detail.normalizations.map((n) => n.kind).join(',');
    case 'blank':
      return '';
    case 'impliedZero':
      return detail.by.join(',');
    case 'unplaced':
    case 'duplicate':
      return detail.at?.kind === 'row' ? `table ${detail.at.table}, row ${detail.at.row}` : `line ${detail.line}`;
    case 'notChecked':
      return detail.unread.join(',');
    case 'tableNotFound':
      return detail.title;
    case 'report':
      return detail.quote ? detail.quote.text.slice(detail.quote.start, detail.quote.end) : detail.facts.map(([k, v]) => `${k}=${v}`).join(';');
    default: {
      const unknown: never = detail;
      return unknown;
    }
  }
}

function severityLabel(severity: Severity): string {
  switch (severity) {
    case 'error':
      return '错误';
    case 'warning':
      return '警告';
    case 'info':
      return '提示';
  }
}

const form = document.querySelector('form');
if (form) {
  const controller: Controller = attach(form, options);
  void controller.ready.then((running: boolean) => {
    if (!running) console.info('checker unavailable; the form works as before');
  });
  const result = controller.validate();
  const valid: boolean = result.valid;
  const firstCell: string | undefined = result.diagnostics[0]?.cells[0];
  console.info(valid, firstCell);

  form.addEventListener('disclosure:validate', (event) => {
    const detail: DisclosureValidateDetail = notAny(event.detail);
    for (const d of detail.diagnostics) {
      const code: Code = d.code;
      const expected: number | undefined = d.expected;
      console.info(code, severityLabel(d.severity), d.cells, expected, d.actual, figures(d));
    }
  });
  form.addEventListener('disclosure:blocked', (event) => {
    for (const d of event.detail.diagnostics) console.info(d.code, d.cells[0], d.message);
  });
  form.addEventListener('disclosure:blocked', (event) => {
    const trigger: 'submit' | 'validate' = event.detail.trigger;
    console.info(trigger, event.detail.diagnostics.length);
  });
  form.addEventListener('disclosure:unavailable', (event) => {
    const error: Error = event.detail.error;
    console.info(error.name);
  });
  document.addEventListener('disclosure:ready', (event) => {
    const version: FormId = event.detail.form;
    console.info(version, event.detail.cells.length);
  });

  const report = notAny(controller.report());
  if (report !== null) console.info(JSON.stringify(report));
  controller.setLanguage('en');
  controller.detach();

  // @ts-expect-error: '2020' is not a form version
  attach(form, { form: '2020' });
  // @ts-expect-error: the modes are blur, live and submit
  attach('form', { mode: 'eager' });
  form.addEventListener('disclosure:validate', (event) => {
    // @ts-expect-error: the event's detail is typed, not any
    const count: number = event.detail.valid;
    console.info(count);
  });
}

// ---- The headless API --------------------------------------------------------------------------

const upload: Report = {
  format: 'disclosure-report',
  version: 1,
  form: '2016',
  year: 2016,
  agency: '某某县人民政府办公室',
  date: '2017-03-31',
  cells: { '3.1': '12', '3.1.1': '3', '3.1.2': '0', '3.1.3': '8', '3.1.4': '1' },
};

await init();
await init(new URL('/static/disclosure-report/disclosure_report_bg.wasm', location.href));

const checked = notAny(validate(upload, { lang: 'en', mode: 'submit', agencyKind: 'government' }));
const checkedForm: FormId = checked.form;
const errors: Diagnostic[] = checked.diagnostics.filter((d) => d.severity === 'error');
console.info(checkedForm, errors.length);

const imported = notAny(importReport('…', { lang: 'zh' }));
if ('error' in imported) {
  const why: string = imported.error;
  console.info(why);
} else {
  const cell: string | undefined = imported.report.cells['3.1'];
  console.info(cell, imported.diagnostics.length);
}

// A reviewers' page: how much of each table was read, and what could not be checked.
const reviewed = notAny(checkReport('…', { lang: 'zh', previous: '…' }));
if ('error' in reviewed) {
  console.info(reviewed.error);
} else {
  for (const t of reviewed.coverage.tables) {
    const line: string = `${t.table || t.title}: ${t.read}/${t.cells}, ${t.rulesNotChecked} not checked`;
    console.info(line, t.found);
  }
  const notChecked: Diagnostic[] = reviewed.diagnostics.filter((d) => d.code === 'not-checked');
  console.info(notChecked.length);
}
// @ts-expect-error: the options are an object
checkReport('…', 'zh');

const parsed = notAny(parseValue('６４５', 'count'));
if (parsed.state === 'number') console.info(parsed.amount.toFixed(0), parsed.normalizations.length);
else if (parsed.state === 'refused') console.info(parsed.reason);

const definition = notAny(formDefinition('2021'));
const years: [number, number] = definition.years;
console.info(years, definition.tables.map((t) => t.rows.map((r) => r.cells)));

const row: string | undefined = matchLabel('2016', '', '（一）收到申请数');
const html: string = renderPreview(upload, { lang: 'zh' });
console.info(row, html.length);

const checker = new Checker('2021', { mode: 'filling', lang: 'zh' });
const update = notAny(checker.setCell('B:1:total', '３'));
console.info(update.rules, update.diagnostics.map((d) => d.code), checker.pending()[0]?.sum, checker.report().cells);
// The keystroke protocol: a number back, the change record read from a view, findings asked for
// placed only (no message, no detail) or whole.
const cell = checker.keys().indexOf('cell:B:1:total');
if (checker.edit(cell, '36') > 0) {
  const key = checker.record()[2] ?? 0;
  const placedOnly = checker.findingsOf(key, false);
  const messaged: Diagnostic[] = checker.findingsOf(key);
  const empty: '' = placedOnly[0]?.message ?? '';
  console.info(empty, messaged[0]?.message, checker.totals()[0], checker.diagnostics(false).length);
  // @ts-expect-error: a finding placed only has no detail to make a message from
  console.info(placedOnly[0]?.detail);
}
checker.setMode('submit');
checker.free();

/** A worker or a test that has the .wasm's bytes compiles them synchronously. */
export function fromBytes(bytes: ArrayBuffer): void {
  initSync({ module: bytes });
}

// @ts-expect-error: diagnostic codes are a closed set, a typo is caught
export const typo: Code = 'sum-mismatc';
// @ts-expect-error: the severities are error, warning and info
export const loud: Severity = 'fatal';
// @ts-expect-error: an upload names its form
export const formless: Report = { format: 'disclosure-report', version: 1, cells: {} };
// @ts-expect-error: validate() takes a report, not its JSON text
validate(JSON.stringify(upload));
