// Finding the table inside a sheet: an explicit range (`A3:E11`), a header anchor (the text of
// the top-left header cell, e.g. "Avdelning"), or else the first filled cell. The header row
// gives the columns, the first column the rows; the table ends at the first empty row label.
import type { Diagnostic, Unit } from '@kommunrapport/model';
import { cellRef, columnLetters, parseAddress, type Grid, type GridCell } from './sheet.js';
import { parseSwedishNumber, splitUnit } from './numbers.js';

/** A column of the sheet's table. */
export interface SheetColumn {
  /** The header as written. */
  header: string;
  /** The header without its unit. */
  label: string;
  unit?: Unit;
  /** `Sheet!D3`. */
  ref: string;
  index: number;
}

/** A row of the sheet's table. */
export interface SheetRow {
  label: string;
  ref: string;
  /** The row's cells, indexed like the grid's columns. */
  cells: GridCell[];
}

/** A table found in a sheet. */
export interface SheetTable {
  sheet: string;
  /** The unit the top-left cell names ("tkr", "Belopp i tkr"), if any. */
  unit?: Unit;
  corner: string;
  columns: SheetColumn[];
  rows: SheetRow[];
}

/** Where the table is: an `A1:F20` range or the text of its top-left header cell. */
export interface TableLocation {
  range?: string;
  anchor?: string;
}

const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

function located(file: string, grid: Grid, code: string, message: string, hint: string, extra: Partial<Diagnostic> = {}): Diagnostic {
  return { code, severity: 'error', path: '', file, message, hint, ...extra };
}

/** Finds the table in a grid; diagnostics name the sheet and cell. */
export function locateTable(grid: Grid, where: TableLocation, file: string): { table?: SheetTable; diagnostics: Diagnostic[] } {
  const cell = (r: number, c: number): GridCell | undefined => grid.rows[r]?.[c];
  const text = (r: number, c: number) => cell(r, c)?.text ?? '';
  let top: number;
  let left: number;
  let bottom = Infinity;
  let right = Infinity;
  if (where.range !== undefined) {
    const [a, b] = where.range.split(':');
    const start = a === undefined ? undefined : parseAddress(a);
    const end = b === undefined ? undefined : parseAddress(b);
    if (!start || !end || end.row < start.row || end.col <= start.col) {
      return {
        diagnostics: [
          located(file, grid, 'import-range-invalid', `The range ${JSON.stringify(where.range)} is not a table range.`, 'Give the top-left and bottom-right cells, e.g. A3:E11: the header row and at least one column of figures.', {
            expected: 'a range such as A3:E11',
            found: JSON.stringify(where.range),
          }),
        ],
      };
    }
    [top, left, bottom, right] = [start.row, start.col, end.row, end.col];
  } else if (where.anchor !== undefined) {
    const wanted = norm(where.anchor);
    let found: { r: number; c: number } | undefined;
    for (let r = 0; r < grid.rows.length && !found; r++) {
      const row = grid.rows[r] ?? [];
      for (let c = 0; c < row.length; c++) if (norm(row[c]?.text ?? '') === wanted) {
        found = { r, c };
        break;
      }
    }
    if (!found) {
      return {
        diagnostics: [
          located(file, grid, 'import-anchor-missing', `Sheet ${JSON.stringify(grid.sheet)} has no cell reading ${JSON.stringify(where.anchor)}.`, 'The anchor is the text of the top-left header cell of the table (e.g. "Avdelning"); check its spelling or give a range instead.', {
            expected: JSON.stringify(where.anchor),
            found: 'no such cell',
          }),
        ],
      };
    }
    [top, left] = [found.r, found.c];
  } else {
    top = grid.rows.findIndex((row) => row.some((c) => c && c.text !== ''));
    if (top < 0) {
      // A CSV file has one sheet, named after the file: there is no other sheet to choose.
      const csv = /\.csv$/i.test(file);
      return {
        diagnostics: [
          csv
            ? located(file, grid, 'import-sheet-empty', `${file} holds no cells.`, 'Export the table from the spreadsheet again (Spara som → CSV); the file is empty or holds only blank lines.', { expected: 'a header row and rows of figures', found: 'an empty file' })
            : located(file, grid, 'import-sheet-empty', `Sheet ${JSON.stringify(grid.sheet)} is empty.`, 'Choose the sheet that holds the table (--sheet, or sheet: in the config).', { expected: 'a sheet with a header row and rows of figures', found: 'an empty sheet' }),
        ],
      };
    }
    left = grid.rows[top]!.findIndex((c) => c && c.text !== '');
  }
  const corner = text(top, left);
  const columns: SheetColumn[] = [];
  /** Whether a column has a filled cell in the table's rows (down to the first empty row label without a range). */
  const filledBelow = (c: number): string | undefined => {
    for (let r = top + 1; r <= bottom && r < grid.rows.length; r++) {
      if (bottom === Infinity && text(r, left) === '') break;
      if (text(r, c) !== '') return cell(r, c)!.address;
    }
    return undefined;
  };
  const diagnostics: Diagnostic[] = [];
  for (let c = left + 1; c <= right && c < (grid.rows[top]?.length ?? 0); c++) {
    const header = text(top, c);
    if (header === '') {
      // An empty header above figures would drop them (and, without a range, every column
      // after it) silently; an empty column ends the table.
      const below = filledBelow(c);
      const address = `${columnLetters(c)}${top + 1}`;
      if (below !== undefined) {
        diagnostics.push(
          located(file, grid, 'import-column-header-missing', `${cellRef(grid.sheet, address)}: the column has figures (the first at ${cellRef(grid.sheet, below)}) but no header.`, 'Write the column\'s label (as in the report\'s table) in the header cell, or give a --range that leaves the column out.', {
            expected: 'a header naming the column, e.g. "Utfall aug"',
            found: 'an empty cell',
          }),
        );
        continue;
      }
      if (right === Infinity) break;
      continue;
    }
    const split = splitUnit(header);
    columns.push({ header, label: split.label, ...(split.unit ? { unit: split.unit } : {}), ref: cellRef(grid.sheet, cell(top, c)?.address ?? ''), index: c });
  }
  // Headers that are all figures: the file starts with its first row of data (an export
  // without its header row), and every "header" would be reported as a column of its own.
  // Years ("2021", "2022") are headers of their own.
  const figure = (text: string) => {
    const parsed = parseSwedishNumber(text);
    return parsed.ok && parsed.value !== null && !(Number.isInteger(parsed.value) && parsed.value >= 1900 && parsed.value <= 2100 && /^\d{4}$/.test(text.trim()));
  };
  if (columns.length > 0 && columns.every((c) => figure(c.header))) {
    const shown = columns.slice(0, 3).map((c) => JSON.stringify(c.header)).join(', ');
    return {
      diagnostics: [
        located(file, grid, 'import-header-row-missing', `${cellRef(grid.sheet, `${columnLetters(left)}${top + 1}`)}: the table's first row holds figures (${shown}${columns.length > 3 ? ' …' : ''}), not column headers.`, 'Export the table with its header row (the column labels, as in the report\'s table, above the figures), or give a --range or --anchor that starts at it.', {
          expected: 'a header row naming the columns, e.g. "Utfall aug"',
          found: `a row of figures: ${shown}`,
        }),
      ],
    };
  }
  if (columns.length === 0) {
    diagnostics.push(
      located(file, grid, 'import-no-columns', `The table at ${cellRef(grid.sheet, cell(top, left)?.address ?? '')} has no column headers to the right of it.`, 'The header row names the columns (Utfall, Budget …) to the right of the row-label column.'),
    );
  }
  const rows: SheetRow[] = [];
  /** The grid's index of each row of `rows`. */
  const rowIndexes: number[] = [];
  for (let r = top + 1; r <= bottom && r < grid.rows.length; r++) {
    const label = text(r, left);
    if (label === '') {
      const empty = !(grid.rows[r] ?? []).some((c) => c && c.text !== '');
      if (bottom === Infinity) break; // the table ends at the first empty row label
      if (empty) continue;
      diagnostics.push(
        located(file, grid, 'import-row-label-missing', `Row ${r + 1} has figures but no label at ${cellRef(grid.sheet, `${columnLetters(left)}${r + 1}`)}.`, 'Write the row\'s label (or id) in the first column of the table, or leave the whole row empty.'),
      );
      continue;
    }
    rows.push({ label, ref: cellRef(grid.sheet, cell(r, left)?.address ?? ''), cells: grid.rows[r] ?? [] });
    rowIndexes.push(r);
  }
  // Merged cells in the table: XLSX repeats the first cell's value in each, so a merged
  // header reads as two columns, a merged label as two rows and a merged figure as the same
  // figure in every row. One error per merged range, at its first cell.
  const last = Math.max(left, ...columns.map((c) => c.index));
  const mergedRanges = new Map<string, string>();
  for (const r of [top, ...rowIndexes]) {
    for (let c = left; c <= last; c++) {
      const m = cell(r, c)?.merged;
      if (m !== undefined && !mergedRanges.has(m)) mergedRanges.set(m, cell(r, c)!.address);
    }
  }
  for (const [range] of mergedRanges) {
    diagnostics.push(
      located(file, grid, 'import-merged-cells', `${cellRef(grid.sheet, range)}: merged cells in the table; a merged cell shows one value but each of its cells is read as holding it.`, 'Unmerge the cells (Excel: Start → Sammanfoga och centrera → Dela upp celler) and write each header, label or figure in its own cell, or give a --range that leaves them out.', {
        expected: 'one header, label or figure per cell',
        found: `the merged cells ${range}`,
      }),
    );
  }
  const cornerUnit = splitUnit(corner).unit;
  return { table: { sheet: grid.sheet, corner, columns, rows, ...(cornerUnit ? { unit: cornerUnit } : {}) }, diagnostics };
}

