// Spreadsheet habits: a row or block copied from Excel, WPS or a web table arrives as text with tabs
// between cells and line breaks between rows. Pasted into one cell, it spreads over the cells it
// covers, as in a spreadsheet.

/**
 * Tab-separated text as rows of cells. Quoted cells ("a<TAB>b", with "" for a quote) are read as
 * spreadsheets write them; the line break that ends the copied block is not a row.
 */
export function parseGrid(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  let atCellStart = true;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else cell += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && atCellStart) {
      quoted = true;
      atCellStart = false;
      i += 1;
      continue;
    }
    if (ch === '\t') {
      row.push(cell);
      cell = '';
      atCellStart = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      atCellStart = true;
    } else {
      cell += ch;
      atCellStart = false;
    }
    i += 1;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Whether pasted text is more than one cell (otherwise the browser pastes it as usual). */
export function isBlock(grid) {
  return grid.length > 1 || (grid.length === 1 && grid[0].length > 1);
}

/**
 * The controls a block pasted at `at` ({ rows, row, column } from `gridAround`) fills, each with its
 * text; parts of the block that fall outside the table are dropped.
 */
export function spread(grid, at) {
  const out = [];
  grid.forEach((cells, i) => {
    const target = at.rows[at.row + i];
    if (!target) return;
    cells.forEach((text, j) => {
      const control = target[at.column + j];
      if (control) out.push({ control, text: text.trim() });
    });
  });
  return out;
}
