// Finding the form's cells on a page. Three ways, tried in order for each control:
//   1. a `data-cell="3.1"` attribute (on the control, or on an element that holds it);
//   2. the `fields` option: cell id → a control's `name` or a selector;
//   3. no configuration: the label of the control's table row, matched as the text importer
//      matches labels (`matchLabel`, in Rust), and the control's place among the row's controls
//      for the column. A legacy page whose inputs are named txt_1, txt_2… works untouched.

/** Report fields that are not table cells; `fields` may name controls for them too. */
export const META_FIELDS = ['agency', 'year', 'date', 'title', 'narrative'];

const TEXT_INPUT_TYPES = new Set(['text', 'number', 'tel', 'search']);

/** Whether a form control holds text a person types (not a button, box or hidden field). */
export function isTextControl(el) {
  if (el instanceof HTMLTextAreaElement) return true;
  return el instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(el.type);
}

/** The text controls inside `root`, in document order. */
export function textControls(root) {
  return [...root.querySelectorAll('input, textarea')].filter(isTextControl);
}

/** A cell's place in the definition, by id. */
export function indexDefinition(def) {
  const cells = new Map();
  const units = new Set();
  for (const table of def.tables) {
    table.rows.forEach((row, r) => {
      if (row.unit) units.add(row.unit);
      row.columns.forEach((column, c) => {
        if (column.unit) units.add(column.unit);
        cells.set(row.cells[c], {
          table,
          row,
          rowIndex: r,
          column,
          columnIndex: c,
          kind: column.kind ?? (row.kind === 'heading' ? 'count' : row.kind),
        });
      });
    });
  }
  return { def, cells, units };
}

/** A `fields` entry (a name, a selector, or an element) resolved to a control. */
export function resolveField(form, ref) {
  if (ref instanceof Element) return ref;
  if (typeof ref !== 'string' || ref === '') return null;
  const named = form.elements.namedItem(ref);
  if (named instanceof Element) return named;
  if (named && typeof named.length === 'number' && named[0] instanceof Element) return named[0];
  try {
    return form.querySelector(ref) ?? document.querySelector(ref);
  } catch {
    return null; // neither a name on this form nor a valid selector
  }
}

const spaces = /\s+/g;

function cellText(el) {
  return (el.textContent ?? '').replace(spaces, ' ').trim();
}

/** The table's cells laid out on a grid, rowspan and colspan resolved: grid[row][column] = cell. */
function layout(table) {
  const grid = [];
  const rows = [...table.rows];
  rows.forEach((tr, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const cell of tr.cells) {
      while (grid[r][c]) c += 1;
      const rowSpan = Math.max(1, cell.rowSpan || 1);
      const colSpan = Math.max(1, cell.colSpan || 1);
      for (let i = 0; i < rowSpan && r + i < rows.length; i += 1) {
        grid[r + i] ??= [];
        for (let j = 0; j < colSpan; j += 1) grid[r + i][c + j] = cell;
      }
      c += colSpan;
    }
  });
  return { rows, grid };
}

/**
 * The labels a row offers, most specific reading first: the path of every label cell left of the
 * row's first control (cells spanning down from rows above included, as in
 * "三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密"), then the row's own label cells alone.
 * Unit cells (件, 条, 万元) are left out.
 */
function rowLabels(tr, firstControl, layouts, units) {
  const table = tr.closest('table');
  if (!table) return [];
  let entry = layouts.get(table);
  if (!entry) {
    entry = layout(table);
    layouts.set(table, entry);
  }
  const r = entry.rows.indexOf(tr);
  const slots = entry.grid[r] ?? [];
  const path = [];
  const seen = new Set();
  for (const cell of slots) {
    if (!cell || seen.has(cell)) continue;
    seen.add(cell);
    if (cell.contains(firstControl)) break;
    if (cell.querySelector('input, select, textarea')) continue;
    const text = cellText(cell);
    if (text && !units.has(text)) path.push({ cell, text, own: cell.parentElement === tr });
  }
  const own = path.filter((p) => p.own);
  const candidates = [];
  const add = (parts) => {
    if (!parts.length) return;
    const text = parts.map((p) => p.text).join(' / ');
    if (!candidates.some((c) => c.text === text)) candidates.push({ text, cell: parts[parts.length - 1].cell });
  };
  add(path);
  add(own);
  for (const p of [...own].reverse()) add([p]);
  return candidates;
}

/** The text controls of one table row (not those of a table nested in it). */
function rowControls(tr) {
  return textControls(tr).filter((el) => el.closest('tr') === tr);
}

/**
 * The rows of a table the def row `r` is nested under, innermost first (by depth), so that an
 * ambiguous label can be read in the context of the rows just before it.
 */
function ancestorsOf(rows, r) {
  const out = [r];
  let depth = rows[r].depth;
  for (let j = r - 1; j >= 0; j -= 1) {
    if (rows[j].depth < depth) {
      out.push(j);
      depth = rows[j].depth;
    }
  }
  return out;
}

/**
 * Zero configuration: map the text controls of `form` not in `taken` by the labels of their table
 * rows (or their `<label>`). Returns [{ control, id, labelCell }].
 */
export function discoverByLabels(form, index, matchLabel, taken) {
  const { def, units } = index;
  const found = [];
  const used = new Set();
  const layouts = new Map();
  /** Per def table: the def row index matched last, for context. */
  const last = new Map();

  const match = (defTable, text) => {
    const id = matchLabel(def.id, defTable.id, text);
    if (typeof id === 'string') return id;
    // A label several rows share (（二）被依法纠错数 under both 四 and 五): read it under the rows
    // matched just before, as a reader of the printed table does.
    const previous = last.get(defTable.id);
    if (previous === undefined) return null;
    for (const a of ancestorsOf(defTable.rows, previous)) {
      const inContext = matchLabel(def.id, defTable.id, `${defTable.rows[a].label} / ${text}`);
      if (typeof inContext === 'string') return inContext;
    }
    return null;
  };

  const place = (controls, candidates) => {
    for (const candidate of candidates) {
      for (const defTable of def.tables) {
        const rowId = match(defTable, candidate.text);
        if (rowId === null) continue;
        const r = defTable.rows.findIndex((row) => row.id === rowId);
        if (r < 0) continue;
        const row = defTable.rows[r];
        let columns = row.columns.map((_, c) => c);
        if (controls.length !== columns.length) {
          const required = columns.filter((c) => !row.columns[c].optional);
          if (controls.length === required.length) columns = required;
        }
        let placed = 0;
        controls.forEach((control, i) => {
          const id = row.cells[columns[i]];
          if (i < columns.length && !used.has(id)) {
            used.add(id);
            found.push({ control, id, labelCell: candidate.cell });
            placed += 1;
          }
        });
        if (placed) {
          last.set(defTable.id, r);
          return true;
        }
      }
    }
    return false;
  };

  const seenRows = new Set();
  for (const control of textControls(form)) {
    if (taken.has(control)) continue;
    const tr = control.closest('tr');
    if (tr && form.contains(tr)) {
      if (seenRows.has(tr)) continue;
      seenRows.add(tr);
      const controls = rowControls(tr);
      if (controls.some((c) => taken.has(c))) continue;
      place(controls, rowLabels(tr, controls[0], layouts, units));
    } else if (control.labels && control.labels.length) {
      const label = control.labels[0];
      place([control], [{ text: cellText(label), cell: label }]);
    }
  }
  return found;
}

/**
 * All three ways, in order. Returns { cells: Map<id, control>, meta: Map<field, control>,
 * labelCells: Map<control, element> } — labelCells for controls found by their row label.
 */
export function discover(form, index, fields, matchLabel) {
  const cells = new Map();
  const meta = new Map();
  const labelCells = new Map();
  const taken = new Set();
  const take = (id, control) => {
    if (!control || taken.has(control) || cells.has(id)) return;
    cells.set(id, control);
    taken.add(control);
  };

  for (const el of form.querySelectorAll('[data-cell]')) {
    const id = el.getAttribute('data-cell') ?? '';
    if (!index.cells.has(id)) continue;
    const control = isTextControl(el) ? el : textControls(el)[0];
    take(id, control);
  }

  for (const [key, ref] of Object.entries(fields ?? {})) {
    const control = resolveField(form, ref);
    if (!control) continue;
    if (META_FIELDS.includes(key)) {
      if (!taken.has(control)) {
        meta.set(key, control);
        taken.add(control);
      }
    } else if (index.cells.has(key) && isTextControl(control)) {
      take(key, control);
    }
  }

  for (const { control, id, labelCell } of discoverByLabels(form, index, matchLabel, taken)) {
    if (cells.has(id)) continue;
    take(id, control);
    labelCells.set(control, labelCell);
  }
  return { cells, meta, labelCells };
}

/**
 * The grid of cells around `control`, as a spreadsheet sees it: the rows of its table that hold
 * mapped cells, each the row's mapped controls in order. Outside a table, the definition's rows.
 * Returns { rows: Element[][], row, column } or null.
 */
export function gridAround(control, cellOf, controlOf, index) {
  const table = control.closest('table');
  if (table) {
    const rows = [...table.rows]
      .map((tr) => rowControls(tr).filter((c) => cellOf.has(c)))
      .filter((r) => r.length);
    const row = rows.findIndex((r) => r.includes(control));
    return row < 0 ? null : { rows, row, column: rows[row].indexOf(control) };
  }
  const place = index.cells.get(cellOf.get(control));
  if (!place) return null;
  const rows = place.table.rows
    .map((row) => row.cells.map((id) => controlOf.get(id)).filter(Boolean))
    .filter((r) => r.length);
  const row = rows.findIndex((r) => r.includes(control));
  return row < 0 ? null : { rows, row, column: rows[row].indexOf(control) };
}
