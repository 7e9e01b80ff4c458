// Tables as Table/TR/TH/TD with a Caption stating the unit. Column headers are TH with
// Scope Column (column groups a header row above them, with ColSpan), row headers TH with
// Scope Row; a table with column groups or heading rows is tagged THead and a TBody per
// group of rows. Rows are kept whole; after a page break the header rows are drawn again
// as a pagination artifact (the structure has them once). A row's note is a link to the note,
// tagged as a Reference holding the Link.
import type { TableCell, TableModel } from '@kommunrapport/core';
import type { StructElement } from './pdfkit-api.js';
import { assignId, child, type RenderState } from './state.js';
import { badgeRuns, drawRichText, drawRuns, inlineRuns } from './text-blocks.js';
import type { Line, Run, Writer } from './writer.js';

interface CellLayout {
  lines: Line[];
  align: 'start' | 'end';
  header: boolean;
  /** Columns the cell spans (a column group's header, a heading row). */
  span?: number;
}

interface RowLayout {
  cells: CellLayout[];
  height: number;
  emphasis?: 'subtotal' | 'total';
}

const RULE = '#8a8a8a';
const HEAD_FILL = '#e8eef4';

// Tables are laid out and drawn with plain loops and module-level functions, not arrows made
// per table, row or cell: V8 drops the optimised code of such closures at each full
// collection, so a batch would compile them again every few reports.

/** A cell's content before it is wrapped. */
interface CellRuns {
  runs: Run[];
  align: 'start' | 'end';
}

/** The sum of `values` from the first (as `reduce((s, v) => s + v, 0)`). */
function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

/**
 * Column widths: every column at least as wide as its widest word, the space left shared
 * towards each column's natural width, and what remains given to the row-header column.
 * Null when even the widest words do not fit (the caller then uses a smaller size).
 */
function columnWidths(min: number[], natural: number[], total: number): number[] | null {
  const sumMin = sum(min);
  if (sumMin > total) return null;
  const want: number[] = [];
  for (let i = 0; i < natural.length; i++) want.push(Math.max(0, natural[i]! - min[i]!));
  const sumWant = sum(want);
  const extra = total - sumMin;
  const share = sumWant > 0 ? Math.min(1, extra / sumWant) : 0;
  const widths: number[] = [];
  for (let i = 0; i < min.length; i++) widths.push(min[i]! + want[i]! * share);
  const used = sum(widths);
  widths[0]! += total - used;
  return widths;
}

/** A table as laid out: text size, column widths and rows, before anything is drawn. */
interface TableLayout {
  size: number;
  pad: number;
  colWidths: number[];
  captionLines: Line[];
  /** The column groups' header row, above `head`, when the table has groups. */
  groupRow?: RowLayout;
  head: RowLayout;
  body: RowLayout[];
  /** Narrowest and natural width of each column. */
  min: number[];
  natural: number[];
}

/** Layouts by table: a heading measures the table that follows it before it is drawn. */
const LAYOUTS = new WeakMap<TableModel, TableLayout>();

/** The fewest rows a page may hold of a table that breaks (and the most a table may have that never breaks). */
export const MIN_ROWS_EACH_SIDE = 2;
export const MAX_UNBROKEN_ROWS = 6;

function layoutTable(state: RenderState, table: TableModel): TableLayout {
  const known = LAYOUTS.get(table);
  if (known) return known;
  const layout = computeLayout(state, table);
  LAYOUTS.set(table, layout);
  return layout;
}

/**
 * Lays out consecutive tables of the same kind (the legends of one section) with their
 * first column equally wide, so their second columns start at one position: the widest
 * natural first column of them, where every table's other columns still fit beside it.
 */
export function alignTables(state: RenderState, tables: readonly TableModel[]): void {
  if (tables.length < 2) return;
  const layouts = tables.map((t) => computeLayout(state, t));
  if (new Set(layouts.map((l) => l.colWidths.length)).size !== 1) return;
  const first = Math.max(...layouts.map((l) => Math.max(l.natural[0]!, l.min[0]!)));
  const total = state.writer.width;
  if (layouts.some((l) => first + l.min.slice(1).reduce((s, m) => s + m, 0) > total)) return;
  tables.forEach((t) => LAYOUTS.set(t, computeLayout(state, t, first)));
}

/** A body cell's runs, bold in an emphasised or heading row. */
function cellRuns(cell: TableCell, bold: boolean): Run[] {
  const font = bold ? ('bold' as const) : ('regular' as const);
  // A badge shows its symbol before its words.
  const symbol = cell.badge ? badgeRuns(cell.badge).filter((r) => r.artifact) : [];
  // A sign ("–" for no amount, an interval's dash) is read as its words: ActualText.
  if (cell.content) return inlineRuns(cell.content, font);
  return [...symbol, { text: cell.text, font, ...(cell.label !== undefined ? { actual: cell.label } : {}) }];
}

/** The cells of a body row: its header (with the note reference), then its cells. */
function bodyRowCells(r: TableModel['rows'][number]): CellRuns[] {
  const bold = r.emphasis !== undefined || r.heading === true;
  const font = bold ? ('bold' as const) : ('regular' as const);
  // A note reference is an internal link to the note's heading (a named destination), tagged Reference > Link.
  const note: Run[] = r.note ? [{ text: ' ', font }, { text: r.note.label, font, link: { url: '', dest: r.note.target, contents: r.note.label, reference: true } }] : [];
  const header: Run[] = r.headerBadge ? badgeRuns(r.headerBadge) : r.headerContent ? inlineRuns(r.headerContent, font) : [{ text: r.header, font }];
  const cells: CellRuns[] = [{ runs: [...header, ...note], align: 'start' }];
  for (const c of r.cells) cells.push({ runs: cellRuns(c, bold), align: c.align });
  return cells;
}

/**
 * The widest content of each of `columns` columns over `rows`, with the cell padding: the
 * widest word, the widest word hyphenated once, or the whole text.
 */
function columnMeasures(w: Writer, rows: readonly CellRuns[][], columns: number, size: number, pad: number, of: 'word' | 'hyphenated' | 'text'): number[] {
  const out: number[] = [];
  for (let i = 0; i < columns; i++) {
    let max = -Infinity;
    for (const row of rows) {
      const cell = row[i];
      let width = 0;
      if (cell && of === 'word') width = w.widestWord(cell.runs, size);
      else if (cell && of === 'hyphenated') width = w.widestHyphenated(cell.runs, size);
      else if (cell) for (const r of cell.runs) width += w.measure(r.text, r.font, size);
      max = Math.max(max, width);
    }
    out.push(max + 2 * pad + 0.5);
  }
  return out;
}

/** A row laid out in columns of `colWidths`; `spans` gives the columns each cell spans. */
function layoutRow(w: Writer, colWidths: readonly number[], size: number, pad: number, cells: readonly CellRuns[], header: boolean, emphasis?: 'subtotal' | 'total', spans?: readonly number[]): RowLayout {
  const laid: CellLayout[] = [];
  let column = 0;
  let lines = 1;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!;
    const width = spans ? sum(colWidths.slice(column, column + spans[i]!)) : colWidths[i]!;
    if (spans) column += spans[i]!;
    const cell = { lines: w.wrap(c.runs, width - 2 * pad, size), align: c.align, header: header || i === 0, ...(spans ? { span: spans[i]! } : {}) };
    laid.push(cell);
    lines = Math.max(lines, cell.lines.length);
  }
  const height = lines * w.lineHeight(size) + 2 * pad;
  return { cells: laid, height, ...(emphasis ? { emphasis } : {}) };
}

/** A table's layout; `first` fixes the width of its first column. */
function computeLayout(state: RenderState, table: TableModel, first?: number): TableLayout {
  const w = state.writer;

  const headerCells: CellRuns[] = [{ runs: [{ text: table.corner, font: 'bold' }], align: 'start' }];
  for (const c of table.columns) headerCells.push({ runs: [{ text: c.label, font: 'bold' }], align: c.align });
  const bodyCells: CellRuns[][] = [];
  for (const r of table.rows) bodyCells.push(bodyRowCells(r));
  // A heading row spans the table: it does not size the first column.
  const measured = [headerCells];
  for (let k = 0; k < bodyCells.length; k++) if (!table.rows[k]!.heading) measured.push(bodyCells[k]!);
  // The table's text size: the body size a little smaller, smaller still when the widest words do not fit.
  let size = state.size * 0.92;
  let widths: number[] | null = null;
  let pad = 0;
  let min: number[] = [];
  let natural: number[] = [];
  for (let attempt = 0; attempt < 8 && !widths; attempt++) {
    pad = size * 0.45;
    min = columnMeasures(w, measured, headerCells.length, size, pad, 'word');
    natural = columnMeasures(w, measured, headerCells.length, size, pad, 'text');
    widths = columnWidths(min, natural, w.width);
    // Too narrow for the widest words: long words may break once at a hyphenation point before the text gets smaller.
    if (!widths) {
      const hyphenated = columnMeasures(w, measured, headerCells.length, size, pad, 'hyphenated');
      widths = columnWidths(hyphenated, natural, w.width);
      if (widths) min = hyphenated;
    }
    if (widths && first !== undefined && first >= min[0]!) {
      const rest = columnWidths(min.slice(1), natural.slice(1), w.width - first);
      if (rest) widths = [first, ...rest];
    }
    if (!widths) size *= 0.92;
  }
  if (!widths) widths = headerCells.map(() => w.width / headerCells.length);
  const colWidths = widths;
  const head = layoutRow(w, colWidths, size, pad, headerCells, true);
  // Column groups: a header row above, the corner first and each group over its columns.
  const groups = table.columnGroups?.length ? table.columnGroups : undefined;
  const groupRow = groups
    ? layoutRow(w, colWidths, size, pad, [{ runs: [], align: 'start' as const }, ...groups.map((g) => ({ runs: g.label ? [{ text: g.label, font: 'bold' as const }] : [], align: 'start' as const }))], true, undefined, [1, ...groups.map((g) => g.span)])
    : undefined;
  const body: RowLayout[] = [];
  for (let i = 0; i < table.rows.length; i++) {
    const r = table.rows[i]!;
    body.push(r.heading ? layoutRow(w, colWidths, size, pad, [bodyCells[i]![0]!], false, undefined, [headerCells.length]) : layoutRow(w, colWidths, size, pad, bodyCells[i]!, false, r.emphasis));
  }

  const captionLines = w.wrap([{ text: table.caption, font: 'bold' }], w.width, state.size);
  return { size, pad, colWidths, captionLines, ...(groupRow ? { groupRow } : {}), head, body, min, natural };
}

/** Height of the caption, header and the rows that must start on one page (all of a short table, else two). */
function keepHeight(state: RenderState, l: TableLayout): number {
  const rows = l.body.length <= MAX_UNBROKEN_ROWS ? l.body : l.body.slice(0, MIN_ROWS_EACH_SIDE);
  return l.captionLines.length * state.writer.lineHeight(state.size) + l.size * 0.3 + (l.groupRow?.height ?? 0) + l.head.height + rows.reduce((s, r) => s + r.height, 0);
}

/** The height a heading keeps with it when `table` follows it (its space above included). */
export function tableKeepHeight(state: RenderState, table: TableModel): number {
  return state.size * 0.4 + keepHeight(state, layoutTable(state, table));
}

/**
 * Where a table's rows break: the indices of the rows that start a new page. `first` is
 * the room for rows on the first page, `page` on a continuation page (below the repeated
 * caption and header). Tables of up to six rows are not broken when they fit a page; a
 * break leaves at least two rows on each side, and a total or subtotal row keeps the row
 * above it on its page.
 */
export function planRowBreaks(rows: readonly { height: number; emphasis?: 'subtotal' | 'total' }[], first: number, page: number): number[] {
  const n = rows.length;
  const breaks: number[] = [];
  const all = rows.reduce((s, r) => s + r.height, 0);
  if (n <= MAX_UNBROKEN_ROWS && all <= first + 1e-6) return breaks;
  let start = 0;
  let room = first;
  for (;;) {
    let used = 0;
    let i = start;
    while (i < n && used + rows[i]!.height <= room + 1e-6) used += rows[i++]!.height;
    if (i >= n) return breaks;
    let b = i;
    if (n - b < MIN_ROWS_EACH_SIDE) b = n - MIN_ROWS_EACH_SIDE;
    while (b > start && rows[b]!.emphasis) b--;
    if (b - start < MIN_ROWS_EACH_SIDE) b = Math.max(i, start + 1);
    breaks.push(b);
    start = b;
    room = page;
  }
}

/** The tags of a body row's cells: the row header TH, then TD. */
function bodyCellTypes(row: RowLayout): ('TH' | 'TD')[] {
  const types: ('TH' | 'TD')[] = [];
  for (let i = 0; i < row.cells.length; i++) types.push(i === 0 ? 'TH' : 'TD');
  return types;
}

/** The scopes of a body row's cells: Row for the row header. */
function bodyCellScopes(row: RowLayout): ('Row' | undefined)[] {
  const scopes: ('Row' | undefined)[] = [];
  for (let i = 0; i < row.cells.length; i++) scopes.push(i === 0 ? 'Row' : undefined);
  return scopes;
}

/** Draws a row of a table laid out as `l` at the cursor: its rules, and each cell as a `tr` child of its type (an artifact without one). */
function drawRow(state: RenderState, l: TableLayout, block: number, row: RowLayout, tr: StructElement | undefined, isHead: boolean, cellTypes: readonly ('TH' | 'TD' | undefined)[], scopes: readonly ('Column' | 'Row' | undefined)[]): void {
  const w = state.writer;
  const { size, pad, colWidths } = l;
  const lh = w.lineHeight(size);
  const top = w.y;
  const x0 = w.frame.left;
  w.artifact(() => {
    if (isHead) state.doc.rect(x0, top, w.width, row.height).fill(HEAD_FILL);
    const strong = row.emphasis === 'total';
    state.doc.lineWidth(strong ? 1.1 : 0.4).strokeColor(RULE).moveTo(x0, top + row.height).lineTo(x0 + w.width, top + row.height).stroke();
    if (row.emphasis) state.doc.lineWidth(strong ? 1.1 : 0.6).moveTo(x0, top).lineTo(x0 + w.width, top).stroke();
  });
  let x = x0;
  let column = 0;
  for (let i = 0; i < row.cells.length; i++) {
    const cell = row.cells[i]!;
    const span = cell.span ?? 1;
    const cw = sum(colWidths.slice(column, column + span));
    column += span;
    const type = cellTypes[i];
    const scope = scopes[i];
    // An empty group cell (the corner above the column headers) is no structure element.
    const el = tr && type ? child(state, tr, type, scope ? { scope } : undefined) : undefined;
    if (el && span > 1) el.dictionary.data.A = { ...(el.dictionary.data.A as object), ColSpan: span };
    for (let k = 0; k < cell.lines.length; k++) {
      const line = cell.lines[k]!;
      const lx = cell.align === 'end' ? x + cw - pad - line.width : x + pad;
      const ly = top + pad + k * lh;
      if (el && type) w.drawLine(line, lx, ly, size, el, type);
      else w.artifact(() => line.pieces.forEach((p) => w.text(p.text, p.font, size, lx + p.x, ly + (lh - size * 1.16) / 2, p.colour)), 'Pagination');
    }
    w.endLinks();
    el?.end();
    x += cw;
  }
  w.y = top + row.height;
  if (!isHead) w.record('row', block, row.emphasis ? { emphasis: row.emphasis } : {});
  else {
    // Where each column starts.
    const columns: number[] = [];
    let at = 0;
    for (const c of colWidths) {
      columns.push(at);
      at += c;
    }
    w.record('head', block, { columns });
  }
}

/** Draws a table model with its caption and note. */
export function drawTable(state: RenderState, parent: StructElement, table: TableModel): void {
  const w = state.writer;
  const layout = layoutTable(state, table);
  const { size, groupRow, head, body } = layout;
  const headHeight = (groupRow?.height ?? 0) + head.height;
  // Tables with column groups or heading rows are tagged with THead and a TBody per group of rows.
  const sections = groupRow !== undefined || table.rows.some((r) => r.heading);
  const block = w.nextBlock();

  // Caption, header and the first rows (all rows of a short table) start on one page.
  w.y += state.size * 0.4;
  w.ensure(keepHeight(state, layout));
  const tableEl = child(state, parent, 'Table');
  assignId(state, tableEl, table.id);
  drawRuns(state, tableEl, 'Caption', [{ text: table.caption, font: 'bold' }], { gap: size * 0.3, kind: 'caption', text: table.caption, block });
  // A continuation page repeats the caption, marked as continued, and the header row.
  const continued = `${table.caption} (${state.ctx.vocabulary.term('continued')})`;
  const continuedLines = w.wrap([{ text: continued, font: 'bold' }], w.width, state.size);
  const continuedHeight = continuedLines.length * w.lineHeight(state.size) + size * 0.3;
  const breaks = new Set(planRowBreaks(body, w.frame.bottom - w.y - headHeight, w.frame.bottom - w.frame.top - continuedHeight - headHeight));

  const headTypes = head.cells.map(() => 'TH' as const);
  const headScopes = head.cells.map(() => 'Column' as const);
  const drawHead = (tag: boolean) => {
    const parentEl = tag && sections ? child(state, tableEl, 'THead') : tableEl;
    if (groupRow) {
      const tr = tag ? child(state, parentEl, 'TR') : undefined;
      drawRow(state, layout, block, groupRow, tr, true, groupRow.cells.map((c, i) => (i === 0 || c.lines.length === 0 ? undefined : 'TH')), groupRow.cells.map(() => 'Column' as const));
      tr?.end();
    }
    const tr = tag ? child(state, parentEl, 'TR') : undefined;
    drawRow(state, layout, block, head, tr, true, headTypes, headScopes);
    tr?.end();
    if (tag && sections) parentEl.end();
  };
  drawHead(true);
  let tbody: StructElement | undefined = sections ? child(state, tableEl, 'TBody') : undefined;
  body.forEach((row, i) => {
    if (sections && table.rows[i]!.heading && i > 0) {
      tbody!.end();
      tbody = child(state, tableEl, 'TBody');
    }
    if (breaks.has(i)) {
      w.newPage();
      const lineH = w.lineHeight(state.size);
      w.artifact(() => continuedLines.forEach((line, k) => line.pieces.forEach((p) => w.text(p.text, p.font, state.size, w.frame.left + p.x, w.y + k * lineH + (lineH - state.size * 1.16) / 2))), 'Pagination');
      w.y += continuedHeight;
      w.record('caption', block, { continued: true, text: continued });
      drawHead(false);
    }
    const tr = child(state, tbody ?? tableEl, 'TR');
    drawRow(state, layout, block, row, tr, false, bodyCellTypes(row), bodyCellScopes(row));
    tr.end();
  });
  tbody?.end();
  tableEl.end();
  w.y += state.size * 0.8;
  if (table.note?.length) drawRichText(state, parent, table.note);
}
