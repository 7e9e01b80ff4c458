// Finding the table inside a sheet: an explicit range (`A3:E11`), a header anchor (the text of
// the top-left header cell, e.g. "Avdelning"), or else the first filled cell. The header row
// gives the columns, the first column the rows; the table ends at the first empty row label.
import type { Diagnostic, Unit } from '@kommunrapport/model';
import { cellRef, columnLetters, parseAddress, type Grid, type GridCell } from './sheet.js';
import { splitUnit } from './numbers.js';

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
    if (top < 0) return { diagnostics: [located(file, grid, 'import-sheet-empty', `Sheet ${JSON.stringify(grid.sheet)} is empty.`, 'Choose the sheet that holds the table.')] };
    left = grid.rows[top]!.findIndex((c) => c && c.text !== '');
  }
  const corner = text(top, left);
  const columns: SheetColumn[] = [];
  for (let c = left + 1; c <= right && c < (grid.rows[top]?.length ?? 0); c++) {
    const header = text(top, c);
    if (header === '') {
      if (right === Infinity) break;
      continue;
    }
    const split = splitUnit(header);
    columns.push({ header, label: split.label, ...(split.unit ? { unit: split.unit } : {}), ref: cellRef(grid.sheet, cell(top, c)?.address ?? ''), index: c });
  }
  const diagnostics: Diagnostic[] = [];
  if (columns.length === 0) {
    diagnostics.push(
      located(file, grid, 'import-no-columns', `The table at ${cellRef(grid.sheet, cell(top, left)?.address ?? '')} has no column headers to the right of it.`, 'The header row names the columns (Utfall, Budget …) to the right of the row-label column.'),
    );
  }
  const rows: SheetRow[] = [];
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
  }
  const cornerUnit = splitUnit(corner).unit;
  return { table: { sheet: grid.sheet, corner, columns, rows, ...(cornerUnit ? { unit: cornerUnit } : {}) }, diagnostics };
}

