// The JavaScript peer: the table checks of disclosure-report written in plain JavaScript, the way a
// competent JS developer would write them for a page, so that the benchmarks compare the wasm core
// with a real alternative rather than a straw man.
//
// It does what the wasm `Checker` does, from the same data: the form as `formDefinition(form)` gives
// it (tables, rows, columns, cell ids, and the rules expanded to cells), the same value parser, the
// same blank-aware rules (filling / submit / review, implied zeros), the same diagnostics (code,
// severity, cells, figures, rule key, detail) with a Chinese or English message each. The agreement
// test (tests/e2e/peer.test.mjs) holds the two to the same codes and cells.
//
// Choices a JS developer would make: a form is compiled once (cell ids to indices, rules to index
// arrays, the cell → rules index, labels) and shared by every checker of it; parsed values are kept
// per cell; a keystroke re-evaluates only the rules that read the cell. Amounts are integers of
// millionths in doubles: exact for every figure below 9×10^9 (万元 or 件), far above any real report.

const SCALE = 1000000;
const MAX_MAGNITUDE = 1e12;

// ---------------------------------------------------------------------------------------------
// Values

const COUNT_UNITS = ['人次', '条', '件', '次', '篇', '个', '人', '项', '期', '家', '份'];
const NOT_APPLICABLE = new Set(['/', '／', '—', '——', '-', '－', '无', 'N/A', 'n/a']);

/** Unicode White_Space (what Rust's `char::is_whitespace` reads), plus the ideographic space. */
function isSpace(code) {
  return (
    (code >= 0x09 && code <= 0x0d) ||
    code === 0x20 ||
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

function isZeroWidth(code) {
  return code === 0x200b || code === 0x200c || code === 0x200d || code === 0x2060 || code === 0xfeff || code === 0xad;
}

function isGap(code) {
  return isSpace(code) || isZeroWidth(code);
}

/** Full-width ASCII to ASCII, dashes to '-', 。 to '.', 、 to ','; other characters unchanged. */
function halfWidth(ch) {
  const code = ch.codePointAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  if (code === 0x2212 || code === 0x2013 || code === 0x2014 || code === 0xfe63) return '-';
  if (ch === '。') return '.';
  if (ch === '、') return ',';
  return ch;
}

function addNorm(norms, n) {
  for (const m of norms) if (m.kind === n.kind && m.unit === n.unit && m.note === n.note) return;
  norms.push(n);
}

const refused = (reason, extra) => ({ state: 'refused', reason, ...extra });

/**
 * What a person typed, read as a value of `kind` ('count', 'money', 'signed'): `{ state: 'blank' }`,
 * `{ state: 'notApplicable' }`, `{ state: 'number', units, normalizations }` (units: millionths)
 * or `{ state: 'refused', reason, found?, unit? }`.
 */
export function parseValue(text, kind = 'count') {
  const norms = [];
  // 1. Spaces and zero-width characters anywhere.
  let start = 0;
  let end = text.length;
  while (start < end && isGap(text.charCodeAt(start))) start += 1;
  while (end > start && isGap(text.charCodeAt(end - 1))) end -= 1;
  let compact = '';
  let inside = false;
  for (let i = start; i < end; i += 1) {
    const code = text.charCodeAt(i);
    if (isGap(code)) inside = true;
    else compact += text[i];
  }
  if (compact === '') return BLANK;
  if (inside || end - start !== text.length) addNorm(norms, { kind: 'whitespace' });

  // 2. Not applicable.
  if (NOT_APPLICABLE.has(compact)) return NOT_APPLICABLE_VALUE;

  // 3. An annotation in brackets after the number: 22（其中修订16件）.
  let body = compact;
  const open = firstOpenBracket(body);
  if (open > 0 && (body.endsWith('）') || body.endsWith(')'))) {
    addNorm(norms, { kind: 'annotation', note: body.slice(open + 1, body.length - 1) });
    body = body.slice(0, open);
  }

  // 4. Full-width characters.
  let half = '';
  for (const ch of body) {
    const h = halfWidth(ch);
    if (h !== ch) addNorm(norms, { kind: 'fullWidth' });
    half += h;
  }

  // 5. A unit after the number.
  let num = half;
  let yuan = false;
  if (num.endsWith('万元')) {
    if (kind !== 'money') return refused('unknownUnit', { unit: '万元' });
    addNorm(norms, { kind: 'unit', unit: '万元' });
    num = num.slice(0, -2);
  } else if (num.endsWith('元')) {
    if (kind !== 'money') return refused('unknownUnit', { unit: '元' });
    addNorm(norms, { kind: 'converted', from: '元', to: '万元' });
    num = num.slice(0, -1);
    yuan = true;
  } else {
    const unit = COUNT_UNITS.find((u) => num.endsWith(u));
    if (unit !== undefined) {
      if (kind === 'money') return refused('unknownUnit', { unit });
      addNorm(norms, { kind: 'unit', unit });
      num = num.slice(0, num.length - unit.length);
    }
  }

  // 6. Sign.
  let negative = false;
  let digits = num;
  if (num.startsWith('+')) {
    addNorm(norms, { kind: 'plusSign' });
    digits = num.slice(1);
  } else if (num.startsWith('-')) {
    negative = true;
    digits = num.slice(1);
  }
  if (digits.startsWith('+') || digits.startsWith('-')) return refused('malformedSign');

  // 7. Digits, one decimal point, separators.
  let intPart = '';
  let fracPart = '';
  let point = false;
  let separators = false;
  const groups = [0];
  for (const c of digits) {
    if (c >= '0' && c <= '9') {
      if (point) fracPart += c;
      else {
        intPart += c;
        groups[groups.length - 1] += 1;
      }
    } else if (c === '.') {
      if (point) return refused('decimalPoints');
      point = true;
    } else if (c === ',' || c === '，') {
      if (point) return refused('misplacedSeparator');
      separators = true;
      groups.push(0);
    } else if (c === '+' || c === '-') {
      return refused('malformedSign');
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      return refused('letters', { found: c });
    } else {
      return refused('unexpectedCharacter', { found: c });
    }
  }
  if (intPart === '' && fracPart === '') return refused('noDigits');
  if (separators) {
    const wellPlaced = groups[0] >= 1 && groups[0] <= 3 && groups.every((g, i) => i === 0 || g === 3);
    if (!wellPlaced) return refused('misplacedSeparator');
    addNorm(norms, { kind: 'separators' });
  }

  // 8. Magnitude, before any arithmetic.
  let lead = 0;
  while (lead < intPart.length && intPart[lead] === '0') lead += 1;
  if (intPart.length - lead > 13) return refused('tooLarge');
  const whole = lead === intPart.length ? 0 : Number(intPart.slice(lead));

  // 9. Fraction: millionths of 万元; hundredths (分) when in 元.
  let fracEnd = fracPart.length;
  while (fracEnd > 0 && fracPart[fracEnd - 1] === '0') fracEnd -= 1;
  if (kind !== 'money' && fracEnd > 0) return refused('notInteger');
  const places = yuan ? 2 : 6;
  if (kind === 'money' && fracEnd > places) return refused('tooManyDecimals');
  let frac = 0;
  for (let i = 0; i < fracEnd; i += 1) frac += (fracPart.charCodeAt(i) - 48) * 10 ** (places - 1 - i);
  // A 分 is exactly one millionth of 万元.
  let units = yuan ? whole * 100 + frac : whole * SCALE + frac;
  if (units > MAX_MAGNITUDE * SCALE) return refused('tooLarge');
  if (negative && units !== 0) {
    if (kind !== 'signed') return refused('negative');
    units = -units;
  }
  return { state: 'number', units, normalizations: norms };
}

const BLANK = Object.freeze({ state: 'blank' });
const NOT_APPLICABLE_VALUE = Object.freeze({ state: 'notApplicable' });

function firstOpenBracket(s) {
  const a = s.indexOf('（');
  const b = s.indexOf('(');
  if (a < 0) return b;
  if (b < 0) return a;
  return Math.min(a, b);
}

/** An amount of millionths as JSON shows it: 645, 160.5964. */
export function toAmount(units) {
  return units / SCALE;
}

/** An amount as text, without trailing zeros. */
function show(units) {
  return String(units / SCALE);
}

// ---------------------------------------------------------------------------------------------
// Forms

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 };
const REFUSAL_CODE = { negative: 'negative', notInteger: 'not-integer', tooManyDecimals: 'too-many-decimals' };

const compiled = new WeakMap();

/** The form as arrays indexed by cell and by rule; done once per definition. */
export function compileForm(def) {
  let form = compiled.get(def);
  if (form) return form;
  const ids = [];
  const kinds = [];
  const optional = [];
  const heading = [];
  const labels = [];
  for (const table of def.tables) {
    for (const row of table.rows) {
      const rowLabel = stripNumbering(row.label);
      row.columns.forEach((column, c) => {
        ids.push(row.cells[c]);
        kinds.push(column.kind ?? (row.kind === 'heading' ? 'count' : row.kind));
        optional.push(row.optional || row.kind === 'heading' || column.optional);
        heading.push(row.kind === 'heading');
        labels.push(row.columns.length === 1 ? rowLabel : `${rowLabel}（${column.label}）`);
      });
    }
  }
  const byId = new Map(ids.map((id, i) => [id, i]));
  const index = ids.map(() => []);
  const checkedHeading = new Uint8Array(ids.length);
  const seen = new Map();
  const rules = def.rules.map((r, n) => {
    const lhs = r.lhs.map((id) => byId.get(id));
    const rhs = r.rhs.map((id) => byId.get(id));
    // The engine's key: code and first cell, numbered from the second rule on the same cell.
    const base = `${r.code}:${r.lhs[0]}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    for (const c of [...lhs, ...rhs]) if (!index[c].includes(n)) index[c].push(n);
    if (r.whenFilled) for (const c of lhs) checkedHeading[c] = 1;
    return {
      key: count === 1 ? base : `${base}#${count}`,
      code: r.code,
      severity: r.severity,
      relation: r.relation,
      lhs,
      rhs,
      whenFilled: r.whenFilled,
    };
  });
  form = { id: def.id, ids, byId, kinds, optional, heading, labels, rules, index, checkedHeading };
  compiled.set(def, form);
  return form;
}

/** 「（一）收到申请数」 → 收到申请数; 1．当面申请数 → 当面申请数; a trailing （…） explanation dropped. */
function stripNumbering(label) {
  let s = label.trim().replace(/^其中[：:]/, '');
  s = s.replace(/^[（(][一二三四五六七八九十0-9]+[）)]/, '').replace(/^[一二三四五六七八九十0-9]+[、．.]/, '');
  const open = s.lastIndexOf('（');
  if (s.endsWith('）') && open > 0) s = s.slice(0, open);
  return s.trim();
}

// ---------------------------------------------------------------------------------------------
// Messages

const REFUSALS_ZH = {
  empty: () => '没有填写',
  letters: (r) => `数字中混有字母「${r.found}」（是否把 0 写成了 O、把 1 写成了 l？）`,
  unexpectedCharacter: (r) => `含有不能出现在数字中的字符「${r.found}」`,
  decimalPoints: () => '有两个小数点',
  malformedSign: () => '正负号写法有误',
  misplacedSeparator: () => '千位分隔符位置不对（应每三位一组，如 1,234）',
  noDigits: () => '没有数字',
  tooLarge: () => '数值过大（超过一万亿），不像真实的统计数',
  negative: () => '不能为负数',
  notInteger: () => '应为整数',
  tooManyDecimals: () => '小数位超过 6 位（0.000001 万元即 1 分）',
  unknownUnit: (r) => `单位「${r.unit}」不适用于此栏`,
};

const NORMALIZATIONS_ZH = {
  fullWidth: () => '全角数字或符号按半角读取',
  separators: () => '去掉了千位分隔符',
  whitespace: () => '去掉了空格',
  unit: (n) => `去掉了单位「${n.unit}」`,
  converted: (n) => `按${n.from}换算为${n.to}`,
  annotation: (n) => `括注「${n.note}」另存`,
  plusSign: () => '去掉了正号',
};

/** "0+0+1+0=1" for two to eight terms, else the sum alone. */
function terms(figures, sum) {
  if (figures.length > 1 && figures.length <= 8) return `${figures.map((f) => show(f)).join('+')}=${show(sum)}`;
  return show(sum);
}

function names(labels, many) {
  return labels.length <= 6 ? labels.join('、') : many(labels.length);
}

const MESSAGES_ZH = {
  refused: (label, text, r) => `「${label}」填写的「${text}」不是有效数字：${REFUSALS_ZH[r.reason](r)}。`,
  negative: (label, text) => `「${label}」填写的「${text}」是负数，此栏不能为负。`,
  notInteger: (label, text) => `「${label}」填写的「${text}」不是整数，此栏只能填整数。`,
  tooManyDecimals: (label, text) => `「${label}」填写的「${text}」小数位超过 6 位（以万元计，0.000001 万元即 1 分）。`,
  missing: (label) => `「${label}」尚未填写；没有发生请填 0。`,
  normalized: (label, text, value, what) =>
    `「${label}」填写的「${text}」按 ${value} 读取（${what.map((n) => NORMALIZATIONS_ZH[n.kind](n)).join('，')}）。`,
  impliedZero: (label) => `「${label}」空白，按 0 计（所在合计关系在按 0 计时成立）。`,
  headingValue: (label) => `「${label}」是标题行，正式表样不填数值；所填数值未参与核对。`,
  'sum-mismatch': (f) =>
    `「${f.lhs.join('、')}」应等于${names(f.rhs, (n) => `下列 ${n} 项`)}之和（${terms(f.rhsFigures, f.expected)}），现填 ${show(f.actual)}。`,
  'balance-mismatch': (f) =>
    `第一项加第二项之和应等于第三项加第四项之和：${f.lhs.join(' + ')}（${terms(f.lhsFigures, f.actual)}）≠ ${f.rhs.join(' + ')}（${terms(f.rhsFigures, f.expected)}）。`,
  'subset-exceeds-parent': (f) =>
    f.lhs.length === 1
      ? `「${f.lhs[0]}」（${show(f.actual)}）是「${f.rhs.join('、')}」的其中项，不能大于它（${show(f.expected)}）。`
      : `${f.lhs.join('、')}之和（${terms(f.lhsFigures, f.actual)}）不能大于「${f.rhs.join('、')}」（${show(f.expected)}）。`,
  'reasons-mismatch': (f) =>
    `不同意公开的各项原因之和（${terms(f.lhsFigures, f.actual)}）小于「${f.rhs.join('、')}」（${show(f.expected)}）；原因中含兜底项，通常应相等。`,
  'channel-exceeds-total': (f) =>
    `「${f.lhs.join('、')}」（${show(f.actual)}）大于「${f.rhs.join('、')}」（${show(f.expected)}）：主动公开总数对同一信息只计 1 条，单一渠道公开的条数不应超过它。`,
  'channels-below-total': (f) =>
    `各渠道公开条数之和（${terms(f.lhsFigures, f.actual)}）小于「${f.rhs.join('、')}」（${show(f.expected)}）：每条信息至少经一个渠道公开。`,
  'heading-mismatch': (f) =>
    `标题行「${f.lhs.join('、')}」填了 ${show(f.actual)}，与${names(f.rhs, (n) => `其下 ${n} 项`)}之和（${terms(f.rhsFigures, f.expected)}）不符。`,
  'expected-nonzero': (f) => `「${f.lhs.join('、')}」为 ${show(f.actual)}，但「${f.rhs.join('、')}」为 0，请核对。`,
  'table-a-inconsistent': (f) =>
    `「${f.lhs.join('、')}」（${show(f.actual)}）与「${f.rhs.join('、')}」（${show(f.expected)}）不相符，请核对。`,
  'cumulative-below-year': (f) =>
    `「${f.lhs.join('、')}」（${show(f.actual)}）小于「${f.rhs.join('、')}」（${show(f.expected)}）：历年累计包含本年度，不能比它小。`,
  'answers-below-total': (f) =>
    `各类答复数之和（${terms(f.lhsFigures, f.actual)}）小于「${f.rhs.join('、')}」（${show(f.expected)}）：本表只列同意公开、同意部分公开、否决公开三类答复，其他答复（如信息不存在、不属于本机关）无栏可填，请核对是否漏填或错填。`,
  unknownCell: (text) => `「${text}」不是本表的栏目，未予核对。`,
};

// ---------------------------------------------------------------------------------------------
// The checker

/** A form being filled: its cells' texts and values, and the current findings of each cell and rule. */
export class PeerChecker {
  /**
   * @param {object} def what `formDefinition(form)` returns (with its `rules`)
   * @param {{ mode?: 'filling' | 'submit' | 'review' }} [options]
   */
  constructor(def, { mode = 'filling' } = {}) {
    this.form = compileForm(def);
    this.mode = mode;
    const n = this.form.ids.length;
    this.texts = new Array(n).fill('');
    this.values = new Array(n).fill(BLANK);
    this.cellFindings = new Array(n);
    this.ruleFindings = new Array(this.form.rules.length);
    this.implied = new Int32Array(n).fill(-1);
    this.unknown = [];
    this.recheckAll();
  }

  /** A checker filled from a report's cells (`{ id: text }`); cells the form lacks are reported. */
  static fromCells(def, cells, options) {
    const checker = new PeerChecker(def, options);
    const { byId, kinds } = checker.form;
    for (const id of Object.keys(cells).sort()) {
      const i = byId.get(id);
      const text = cells[id];
      if (i === undefined) {
        checker.unknown.push({
          code: 'unplaced-row',
          severity: 'info',
          cells: [id],
          message: MESSAGES_ZH.unknownCell(`${id}: ${text}`),
          rule: `unknown:${id}`,
          detail: { kind: 'unplaced', line: 0, text: `${id}: ${text}` },
        });
        continue;
      }
      checker.texts[i] = text;
      checker.values[i] = parseValue(text, kinds[i]);
    }
    checker.recheckAll();
    return checker;
  }

  setMode(mode) {
    if (mode !== this.mode) {
      this.mode = mode;
      this.recheckAll();
    }
  }

  /** Change one cell and re-check what reads it: `{ rules, diagnostics }` like the wasm `Checker`. */
  setCell(id, text) {
    const { byId, index, kinds, rules, ids } = this.form;
    const i = byId.get(id);
    if (i === undefined) throw new Error(`disclosure-report peer: form ${this.form.id} has no cell "${id}"`);
    if (this.texts[i] !== text) {
      this.texts[i] = text;
      this.values[i] = parseValue(text, kinds[i]);
    }
    if (this.mode === 'review') {
      // In review one cell can change which blanks read as 0 anywhere: check everything again.
      this.recheckAll();
      const keys = ids.map((c) => `cell:${c}`);
      for (const rule of rules) keys.push(rule.key);
      return { rules: keys, diagnostics: this.diagnostics() };
    }
    const keys = [`cell:${id}`];
    const ruleIds = index[i];
    for (const r of ruleIds) {
      keys.push(rules[r].key);
      this.ruleFindings[r] = this.evaluate(r);
    }
    this.cellFindings[i] = this.cellDiagnostics(i);
    const diagnostics = this.cellFindings[i] ? [...this.cellFindings[i]] : [];
    for (const r of ruleIds) if (this.ruleFindings[r]) diagnostics.push(this.ruleFindings[r]);
    return { rules: keys, diagnostics };
  }

  recheckAll() {
    // Implied zeros first: in review, the rules read them as 0.
    this.recomputeImplied();
    for (let r = 0; r < this.form.rules.length; r += 1) this.ruleFindings[r] = this.evaluate(r);
    for (let c = 0; c < this.form.ids.length; c += 1) this.cellFindings[c] = this.cellDiagnostics(c);
  }

  /** Every current finding: errors first, then in reading order. */
  diagnostics() {
    const { byId } = this.form;
    const all = [...this.unknown];
    for (const f of this.cellFindings) if (f) all.push(...f);
    for (const f of this.ruleFindings) if (f) all.push(f);
    const order = (d) => byId.get(d.cells[0]) ?? Number.MAX_SAFE_INTEGER;
    return all.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || order(a) - order(b));
  }

  /** The running totals of sums still being filled. */
  pending() {
    const { rules, ids } = this.form;
    const out = [];
    for (const rule of rules) {
      if (rule.relation !== 'equal' || rule.code !== 'sum-mismatch' || rule.lhs.length !== 1) continue;
      let sum = 0;
      let filled = 0;
      for (const c of rule.rhs) {
        const v = this.values[c];
        if (v.state === 'number') {
          sum += v.units;
          filled += 1;
        } else if (v.state === 'notApplicable') filled += 1;
      }
      if (filled === 0) continue;
      out.push({
        rule: rule.key,
        cell: ids[rule.lhs[0]],
        sum: toAmount(sum),
        cells: rule.rhs.map((c) => ids[c]),
        filled,
        complete: filled === rule.rhs.length,
      });
    }
    return out;
  }

  /** Whether a rule reads a blank optional cell (a 小计 the template lacks): it says nothing then. */
  readsBlankOptional(rule) {
    const { optional } = this.form;
    for (const c of rule.lhs) if (optional[c] && this.values[c].state === 'blank') return true;
    for (const c of rule.rhs) if (optional[c] && this.values[c].state === 'blank') return true;
    return false;
  }

  /** The findings of one rule: one diagnostic or null. */
  evaluate(r) {
    const rule = this.form.rules[r];
    if (this.readsBlankOptional(rule)) return null;
    const values = this.values;
    const implied = this.implied;
    let l = 0;
    let rs = 0;
    let lBlank = 0;
    let rBlank = 0;
    const lFigures = [];
    const rFigures = [];
    for (const c of rule.lhs) {
      const v = values[c];
      // An unreadable cell has its own error; the rule waits for it.
      if (v.state === 'refused') return null;
      const units = v.state === 'number' ? v.units : 0;
      if (v.state === 'blank' && implied[c] < 0) lBlank += 1;
      l += units;
      lFigures.push(units);
    }
    for (const c of rule.rhs) {
      const v = values[c];
      if (v.state === 'refused') return null;
      const units = v.state === 'number' ? v.units : 0;
      if (v.state === 'blank' && implied[c] < 0) rBlank += 1;
      rs += units;
      rFigures.push(units);
    }
    if (rule.whenFilled && lBlank > 0) return null;
    const submit = this.mode === 'submit';
    let violated;
    switch (rule.relation) {
      case 'equal':
        // Blanks can only add: a complete side larger than a side still being filled is wrong
        // already; smaller is pending until submit.
        if (lBlank === 0 && rBlank === 0) violated = l !== rs;
        else if (lBlank === 0) violated = rs > l || (submit && rs !== l);
        else if (rBlank === 0) violated = l > rs || (submit && rs !== l);
        else violated = submit && rs !== l;
        break;
      case 'atMost':
        violated = l > rs && rBlank === 0;
        break;
      case 'atLeast':
        violated = l < rs && lBlank === 0;
        break;
      default: // implies
        violated = l > 0 && rBlank === 0 && rs === 0;
    }
    if (!violated) return null;
    const { ids, labels } = this.form;
    const lhs = rule.lhs.map((c) => ids[c]);
    const rhs = rule.rhs.map((c) => ids[c]);
    const message = MESSAGES_ZH[rule.code]({
      lhs: rule.lhs.map((c) => labels[c]),
      rhs: rule.rhs.map((c) => labels[c]),
      lhsFigures: lFigures,
      rhsFigures: rFigures,
      expected: rs,
      actual: l,
    });
    return {
      code: rule.code,
      severity: rule.severity,
      cells: lhs.concat(rhs),
      expected: toAmount(rs),
      actual: toAmount(l),
      message,
      rule: rule.key,
      detail: { kind: 'relation', lhs, rhs, lhsFigures: lFigures.map(toAmount), rhsFigures: rFigures.map(toAmount) },
    };
  }

  /** Review: blanks of a hard identity that holds exactly with them read as 0. */
  recomputeImplied() {
    const implied = this.implied;
    implied.fill(-1);
    if (this.mode !== 'review') return;
    const { rules } = this.form;
    const values = this.values;
    // Repeat until nothing changes: a row's blanks read as 0 can complete a column's identity.
    for (let changed = true; changed; ) {
      changed = false;
      for (let r = 0; r < rules.length; r += 1) {
        const rule = rules[r];
        if (rule.relation !== 'equal' || rule.severity !== 'error') continue;
        // An optional subtotal left blank says nothing about its rows.
        if (this.readsBlankOptional(rule) || (rule.whenFilled && rule.lhs.some((c) => values[c].state === 'blank'))) continue;
        const sums = [0, 0];
        const blanks = [];
        let ok = true;
        const sides = [rule.lhs, rule.rhs];
        for (let s = 0; s < 2; s += 1) {
          for (const c of sides[s]) {
            const v = values[c];
            if (v.state === 'number') sums[s] += v.units;
            else if (v.state === 'blank') {
              if (implied[c] < 0) blanks.push(c);
            } else if (v.state === 'refused') ok = false;
          }
        }
        if (ok && blanks.length > 0 && sums[0] === sums[1]) {
          for (const c of blanks) implied[c] = r;
          changed = true;
        }
      }
    }
  }

  /** The findings of one cell on its own: an array, or null when none. */
  cellDiagnostics(c) {
    const { ids, labels, optional, heading, checkedHeading, rules } = this.form;
    const id = ids[c];
    const v = this.values[c];
    const text = this.texts[c];
    const one = (code, severity, message, detail) => [{ code, severity, cells: [id], message, rule: `cell:${id}`, detail }];
    switch (v.state) {
      case 'blank': {
        if (optional[c]) return null;
        if (this.implied[c] >= 0) {
          const by = rules[this.implied[c]].key;
          return one('implied-zero', 'info', MESSAGES_ZH.impliedZero(labels[c]), { kind: 'impliedZero', by: [by] });
        }
        const severity = this.mode === 'submit' ? 'error' : 'warning';
        return one('missing', severity, MESSAGES_ZH.missing(labels[c]), { kind: 'blank' });
      }
      case 'refused': {
        const code = REFUSAL_CODE[v.reason] ?? 'invalid-number';
        const refusal = { reason: v.reason };
        if (v.found !== undefined) refusal.found = v.found;
        if (v.unit !== undefined) refusal.unit = v.unit;
        const message =
          code === 'invalid-number'
            ? MESSAGES_ZH.refused(labels[c], text, v)
            : MESSAGES_ZH[code === 'negative' ? 'negative' : code === 'not-integer' ? 'notInteger' : 'tooManyDecimals'](
                labels[c],
                text,
              );
        return one(code, 'error', message, { kind: 'refused', text, refusal });
      }
      case 'notApplicable':
        return null;
      default: {
        let out = null;
        if (v.normalizations.length > 0) {
          const message = MESSAGES_ZH.normalized(labels[c], text, show(v.units), v.normalizations);
          out = one('normalized', 'info', message, { kind: 'normalized', text, normalizations: v.normalizations });
        }
        if (heading[c] && !checkedHeading[c]) {
          const finding = one('heading-value', 'info', MESSAGES_ZH.headingValue(labels[c]), { kind: 'blank' });
          out = out ? out.concat(finding) : finding;
        }
        return out;
      }
    }
  }
}

/** Every table finding of a report's cells (`{ id: text }`), as the wasm `Checker` gives them. */
export function check(def, cells, { mode = 'filling' } = {}) {
  return PeerChecker.fromCells(def, cells, { mode }).diagnostics();
}
