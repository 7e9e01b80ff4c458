// Writing a sheet's table into a table of the report. The report is parsed with the `yaml`
// library's Document API to find the table's nodes and their places in the file; the edits are
// then made on the source text at exactly those places (a changed figure replaces only its own
// scalar, a new row is written after the last row in the style of the rows before it, a
// removed row loses only its own lines), so comments, key order, quoting and every byte
// outside the edited cells and rows stay as the author wrote them.
import { isMap, isScalar, isSeq, parseDocument, visit, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Diagnostic, Unit } from '@kommunrapport/model';
import { slug } from '../commands/init.js';
import { parseSwedishNumber, shiftDecimal, unitShift } from './numbers.js';
import type { SheetTable } from './locate.js';
import { cellRef, columnLetters } from './sheet.js';

/** How the sheet's figures are read. */
export interface ApplyOptions {
  /** The unit of the sheet's figures when no header names one. */
  unit?: Unit;
  /** `as-is` (default), `invert` (every figure negated), `costs-positive` (the sheet writes costs as positive figures: rows of kind cost are negated). */
  sign?: 'as-is' | 'invert' | 'costs-positive';
  /** Sheet header → table column key, or null to skip that sheet column. */
  columns?: Record<string, string | null>;
  /** Keep rows of the table the sheet does not have (default: they are removed, except sum rows). */
  keepMissingRows?: boolean;
}

/** One change the import makes. */
export type Change =
  | { type: 'cell'; table: string; row: string; column: string; old: number | null | undefined; new: number | null; ref: string }
  | { type: 'row-added'; table: string; row: string; label: string; ref: string }
  | { type: 'row-removed'; table: string; row: string; label: string };

/** The result of applying one sheet table: the new text (unchanged when there are errors), the changes and the findings. */
export interface ApplyResult {
  text: string;
  changes: Change[];
  diagnostics: Diagnostic[];
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

const norm = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

/** Finds the map of the table with this id (a map with `id`, `columns` and `rows`), with its path. */
export function findTableNode(doc: Document, id: string): { node: YAMLMap; path: (string | number)[] } | undefined {
  let found: { node: YAMLMap; path: (string | number)[] } | undefined;
  visit(doc, {
    Map(_key, node, path) {
      if (node.get('id') === id && isSeq(node.get('rows', true)) && isSeq(node.get('columns', true))) {
        found = { node, path: pathOf(path, node) };
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** The ids of every table in the document (for "did you mean" hints). */
export function tableIds(doc: Document): string[] {
  const ids: string[] = [];
  visit(doc, {
    Map(_key, node) {
      const id = node.get('id');
      if (typeof id === 'string' && isSeq(node.get('rows', true)) && isSeq(node.get('columns', true))) ids.push(id);
    },
  });
  return ids;
}

function pathOf(ancestors: readonly unknown[], node: unknown): (string | number)[] {
  const chain = [...ancestors.slice(1), node];
  const out: (string | number)[] = [];
  for (let i = 0; i < chain.length - 1; i++) {
    const parent = chain[i];
    const child = chain[i + 1];
    if (isSeq(parent)) out.push(parent.items.indexOf(child as never));
    else if (isMap(parent)) {
      // the chain holds Pair nodes between a map and its values
      continue;
    } else if (child !== undefined && parent && typeof parent === 'object' && 'key' in parent) {
      const key = (parent as { key: unknown }).key;
      out.push(isScalar(key) ? String(key.value) : String(key));
    }
  }
  return out;
}

/** A number as the report writes it: plain, no exponent for ordinary amounts, -0 as 0. */
export function formatNumber(n: number | null): string {
  if (n === null) return 'null';
  if (Object.is(n, -0)) return '0';
  return String(n);
}

/** A string as a YAML scalar safe in flow and block context. */
export function yamlString(s: string): string {
  return /^[\p{L}][\p{L}\p{N} ()./–-]*$/u.test(s) && !/^(null|true|false|yes|no|on|off|~)$/i.test(s) && !/ -|: | #/.test(s) ? s : JSON.stringify(s);
}

function lineStart(src: string, pos: number): number {
  return src.lastIndexOf('\n', pos - 1) + 1;
}

function lineEndAfter(src: string, pos: number): number {
  let p = pos;
  while (p > 0 && (src[p - 1] === '\n' || src[p - 1] === '\r' || src[p - 1] === ' ')) p--;
  const nl = src.indexOf('\n', p);
  return nl < 0 ? src.length : nl;
}

/**
 * Applies a sheet table to the table `tableId` of the report text. Returns the new text with
 * only the changed cells and rows edited, every change, and diagnostics (sheet and cell named)
 * when a figure, header or row cannot be read; with errors the text is returned unchanged.
 */
export function applySheetTable(src: string, file: string, tableId: string, sheet: SheetTable, options: ApplyOptions = {}): ApplyResult {
  const diagnostics: Diagnostic[] = [];
  const fail = (d: Diagnostic[]): ApplyResult => ({ text: src, changes: [], diagnostics: d });
  const doc = parseDocument(src, { keepSourceTokens: false });
  if (doc.errors.length > 0) {
    return fail([{ code: 'yaml-syntax', severity: 'error', path: '', file, message: `The report cannot be parsed: ${doc.errors[0]!.message}`, hint: 'Run kommunrapport validate and fix the report first.' }]);
  }
  const found = findTableNode(doc, tableId);
  if (!found) {
    const ids = tableIds(doc);
    return fail([
      {
        code: 'import-table-missing',
        severity: 'error',
        path: '',
        file,
        message: `The report has no table with id ${JSON.stringify(tableId)}.`,
        expected: ids.length > 0 ? ids.join(', ') : 'a report with a table (tables: under a finance section)',
        found: JSON.stringify(tableId),
        hint: 'Name the id of an existing table; add the table (its columns and at least one row) by hand first.',
      },
    ]);
  }
  const table = found.node;
  const where = (p: (string | number)[]) => [...found.path, ...p].map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('').replace(/^\./, '');
  const tableUnit = table.get('unit') as Unit;
  const columnsSeq = table.get('columns', true) as unknown as YAMLSeq;
  const rowsSeq = table.get('rows', true) as unknown as YAMLSeq;
  const columns = columnsSeq.items.filter(isMap).map((c) => ({ key: String(c.get('key')), label: String(c.get('label')) }));
  const problem = (code: string, ref: string, message: string, expected: string, found: string, hint: string): Diagnostic => ({
    code,
    severity: 'error',
    path: where([]),
    file,
    message: `${ref}: ${message}`,
    expected,
    found,
    hint,
  });

  // Columns: the mapping's word first, then the column's key or label, with or without unit.
  const mapped: { sheet: (typeof sheet.columns)[number]; key: string }[] = [];
  const mappedBy = new Map<string, string>();
  for (const c of sheet.columns) {
    const override = options.columns ? Object.entries(options.columns).find(([h]) => norm(h) === norm(c.header) || norm(h) === norm(c.label)) : undefined;
    if (override && override[1] === null) continue;
    const key = override
      ? override[1]!
      : columns.find((col) => norm(col.key) === norm(c.label) || norm(col.label) === norm(c.label) || norm(col.label) === norm(c.header) || col.key === slug(c.label))?.key;
    if (key === undefined || !columns.some((col) => col.key === key)) {
      diagnostics.push(
        problem('import-column-unknown', c.ref, `the header ${JSON.stringify(c.header)} matches no column of table ${tableId}.`, columns.map((col) => `${col.label} (${col.key})`).join(', '), JSON.stringify(c.header), 'Rename the header to a column label, or map it in the import\'s `columns:` (header: column key, or header: null to skip it).'),
      );
      continue;
    }
    const earlier = mappedBy.get(key);
    if (earlier !== undefined) {
      diagnostics.push(problem('import-column-duplicate', c.ref, `a second header for column ${key} (the first is at ${earlier}).`, 'one sheet column per table column', JSON.stringify(c.header), 'Remove one of the two columns or skip one with `columns: { "<header>": null }`.'));
      continue;
    }
    mappedBy.set(key, c.ref);
    mapped.push({ sheet: c, key });
  }

  // Units: a header's own unit, else the mapping's, else the corner cell's, else the table's.
  const shiftFor = new Map<string, number>();
  for (const m of mapped) {
    const unit = m.sheet.unit ?? options.unit ?? sheet.unit ?? tableUnit;
    if (m.sheet.unit && options.unit && m.sheet.unit !== options.unit) {
      diagnostics.push(problem('import-unit-conflict', m.sheet.ref, `the header says ${m.sheet.unit} but the import's unit is ${options.unit}.`, options.unit, m.sheet.unit, 'Correct the header or the `unit:` of the import.'));
      continue;
    }
    const shift = unitShift(unit, tableUnit);
    if (shift === undefined) {
      diagnostics.push(problem('import-unit-mismatch', m.sheet.ref, `figures in ${unit} cannot go into table ${tableId}, whose unit is ${tableUnit}.`, `${tableUnit} or an amount unit it converts from (kr, tkr, mnkr)`, unit, 'Import into a table with a matching unit, or correct the unit in the header or the import.'));
      continue;
    }
    shiftFor.set(m.key, shift);
  }

  // Rows: matched by id or label.
  const rowNodes = rowsSeq.items.filter(isMap) as YAMLMap[];
  const existing = rowNodes.map((n) => ({ node: n, id: String(n.get('id')), label: String(n.get('label')), kind: n.get('kind') as string | undefined, sum: n.has('sumOf') }));
  const usedIds = new Set(existing.map((r) => r.id));
  // Indexes, so a sheet of thousands of rows is matched in linear time.
  const byId = new Map(existing.map((r) => [r.id, r] as const));
  const byLabel = new Map<string, (typeof existing)[number]>();
  for (const r of existing) if (!byLabel.has(norm(r.label))) byLabel.set(norm(r.label), r);
  const matchedRows = new Map<string, string>();
  const plans: { row: (typeof existing)[number] | undefined; id: string; sheetRow: (typeof sheet.rows)[number]; values: Map<string, number | null> }[] = [];
  for (const sr of sheet.rows) {
    const row = byId.get(sr.label.trim()) ?? byLabel.get(norm(sr.label));
    let id: string;
    if (row) {
      const earlier = matchedRows.get(row.id);
      if (earlier !== undefined) {
        diagnostics.push(problem('import-row-duplicate', sr.ref, `a second row for ${row.id} (the first is at ${earlier}).`, 'one sheet row per table row', JSON.stringify(sr.label), 'Remove or rename one of the two rows in the sheet.'));
        continue;
      }
      id = row.id;
    } else {
      const base = slug(sr.label);
      id = base;
      for (let n = 2; usedIds.has(id); n++) id = `${base}-${n}`;
      usedIds.add(id);
    }
    matchedRows.set(id, sr.ref);
    const values = new Map<string, number | null>();
    for (const m of mapped) {
      const shift = shiftFor.get(m.key);
      if (shift === undefined) continue;
      const cell = sr.cells[m.sheet.index];
      const ref = cellRef(sheet.sheet, cell?.address ?? `${columnLetters(m.sheet.index)}?`);
      if (cell?.error !== undefined) {
        diagnostics.push(problem('import-cell-error', ref, `the cell holds ${cell.error}.`, 'a number', cell.error, 'Fix the formula in the workbook (or open and save it in Excel or LibreOffice so its results are stored), then import again.'));
        continue;
      }
      let value: number | null;
      if (cell?.number !== undefined) {
        value = cell.percentFormat && tableUnit === 'percent' ? shiftDecimal(cell.number, 2) : cell.number;
      } else {
        const parsed = parseSwedishNumber(cell?.text ?? '');
        if (!parsed.ok) {
          diagnostics.push(problem('import-cell-not-number', ref, `${JSON.stringify(cell?.text ?? '')} is ${parsed.reason}.`, 'a number such as 1 234,5, −12,3, (1 234) or 12 %, or an empty cell or – for no value', JSON.stringify(cell?.text ?? ''), 'Correct the cell in the workbook.'));
          continue;
        }
        if (parsed.percent && tableUnit !== 'percent') {
          diagnostics.push(problem('import-unit-mismatch', ref, `a percentage cannot go into table ${tableId}, whose unit is ${tableUnit}.`, `a figure in ${tableUnit}`, JSON.stringify(cell?.text ?? ''), 'Remove the % sign or import into a table in percent.'));
          continue;
        }
        value = parsed.value;
      }
      if (value !== null) {
        value = shiftDecimal(value, shift);
        const invert = options.sign === 'invert' || (options.sign === 'costs-positive' && row?.kind === 'cost');
        if (invert && value !== 0) value = -value;
      }
      values.set(m.key, value);
    }
    plans.push({ row, id, sheetRow: sr, values });
  }
  // A sheet none of whose rows is a row of the table is most likely another table's (the
  // resultaträkning given for the driftredovisning): importing it would replace every row.
  const items = existing.filter((r) => !r.sum);
  if (items.length > 0 && sheet.rows.length > 0 && !plans.some((p) => p.row !== undefined && !p.row.sum) && diagnostics.length === 0) {
    const shown = (labels: string[]) => `${labels.slice(0, 4).map((l) => JSON.stringify(l)).join(', ')}${labels.length > 4 ? ` … (${labels.length} rows)` : ''}`;
    diagnostics.push(
      problem(
        'import-rows-unmatched',
        sheet.rows[0]!.ref,
        `none of the sheet's ${sheet.rows.length} row labels is a row of table ${tableId}, so importing would replace all its ${items.length} rows.`,
        `row labels or ids of table ${tableId}: ${shown(items.map((r) => r.label))}`,
        shown(sheet.rows.map((r) => r.label)),
        `Check that the file (and --sheet, --range) holds table ${tableId}. If its rows really are all new, delete the old rows from the report (keep the sum rows), then import again.`,
      ),
    );
  }
  if (diagnostics.length > 0) return fail(diagnostics);

  // The edits, from the nodes' places in the source.
  const edits: Edit[] = [];
  const changes: Change[] = [];
  for (const plan of plans) {
    if (!plan.row) continue;
    const valuesNode = plan.row.node.get('values', true);
    if (!isMap(valuesNode)) continue;
    const missingKeys: string[] = [];
    for (const [key, value] of plan.values) {
      const scalar = valuesNode.get(key, true);
      const old = isScalar(scalar) ? (scalar.value as number | null) : undefined;
      if (old === value) continue;
      changes.push({ type: 'cell', table: tableId, row: plan.id, column: key, old, new: value, ref: cellRefOf(sheet, plan.sheetRow, key, mapped) });
      if (isScalar(scalar) && scalar.range) edits.push({ start: scalar.range[0], end: scalar.range[1], text: formatNumber(value) });
      else missingKeys.push(key);
    }
    if (missingKeys.length > 0 && valuesNode.range) {
      for (const key of missingKeys) valuesNode.set(key, plan.values.get(key));
      const entries = valuesNode.items.map((p) => [String(isScalar(p.key) ? p.key.value : p.key), isScalar(p.value) ? (p.value.value as number | null) : null] as const);
      edits.push({ start: valuesNode.range[0], end: valuesNode.range[1], text: renderValues(src, valuesNode, entries) });
    }
  }
  // New rows go after the row that precedes them in the sheet, in that row's style, and join
  // the sums that row belongs to; new rows that no row precedes go before the first row, in
  // its style, and join the sums of the first matched row, in front of it.
  let anchor: (typeof existing)[number] | undefined;
  const groups = new Map<(typeof existing)[number] | undefined, typeof plans>();
  for (const plan of plans) {
    if (plan.row) {
      anchor = plan.row;
      continue;
    }
    groups.set(anchor, [...(groups.get(anchor) ?? []), plan]);
  }
  for (const [after, group] of groups) {
    const model = after ?? existing[0];
    if (!model || !model.node.range) {
      return fail([problem('import-table-empty', `table ${tableId}`, 'the table has no rows to add new rows next to.', 'a table with at least one row', 'rows: []', 'Write the first row by hand (id, label, values), then import.')]);
    }
    const range = model.node.range;
    const dashLine = lineStart(src, range[0]);
    const prefix = src.slice(dashLine, range[0]);
    const dashIndent = ' '.repeat(prefix.indexOf('-') >= 0 ? prefix.indexOf('-') : prefix.length);
    const bodyIndent = ' '.repeat(prefix.length);
    const kind = model.kind === 'item' || model.kind === 'revenue' || model.kind === 'cost' ? model.kind : undefined;
    const lines: string[] = [];
    for (const plan of group) {
      const values = columns.map((c) => [c.key, plan.values.has(c.key) ? plan.values.get(c.key)! : null] as const);
      const flowValues = `{ ${values.map(([k, v]) => `${k}: ${formatNumber(v)}`).join(', ')} }`;
      const label = yamlString(plan.sheetRow.label);
      if (model.node.flow) lines.push(`${dashIndent}- { id: ${plan.id}, label: ${label}${kind ? `, kind: ${kind}` : ''}, values: ${flowValues} }`);
      else lines.push(`${dashIndent}- id: ${plan.id}`, `${bodyIndent}label: ${label}`, ...(kind ? [`${bodyIndent}kind: ${kind}`] : []), `${bodyIndent}values: ${flowValues}`);
      changes.push({ type: 'row-added', table: tableId, row: plan.id, label: plan.sheetRow.label, ref: plan.sheetRow.ref });
    }
    if (after) {
      const at = lineEndAfter(src, range[1]);
      edits.push({ start: at, end: at, text: `\n${lines.join('\n')}` });
    } else {
      // Before the first row: at the end of the line before it, so that removing the first row
      // (which takes the newline before it) cannot cut into the new rows.
      const at = Math.max(0, dashLine - 1);
      edits.push({ start: at, end: at, text: `\n${lines.join('\n')}` });
    }
  }
  // Sums follow: a new row joins after the row before it (before the first matched row when
  // it comes first), a removed row leaves.
  const joinedAfter = new Map([...groups].filter(([a]) => a !== undefined).map(([a, g]) => [a!.id, g] as const));
  const firstMatched = plans.find((p) => p.row)?.row;
  const joinedBefore = new Map(firstMatched && groups.has(undefined) ? [[firstMatched.id, groups.get(undefined)!] as const] : []);
  const removed = new Set(options.keepMissingRows ? [] : existing.filter((r) => !matchedRows.has(r.id) && !r.sum).map((r) => r.id));
  for (const sum of existing) {
    const sumOf = sum.node.get('sumOf', true);
    if (!isSeq(sumOf) || !sumOf.range) continue;
    const before = sumOf.items.map((item) => String(isScalar(item) ? item.value : item));
    const after: string[] = [];
    for (const id of before) {
      const first = joinedBefore.get(id);
      if (first) after.push(...first.map((g) => g.id));
      if (!removed.has(id)) after.push(id);
      const joined = joinedAfter.get(id);
      if (joined) after.push(...joined.map((g) => g.id));
    }
    if (after.join(',') === before.join(',')) continue;
    if (sumOf.flow) edits.push({ start: sumOf.range[0], end: sumOf.range[1], text: `[${after.join(', ')}]` });
    else {
      const indent = ' '.repeat(sumOf.range[0] - lineStart(src, sumOf.range[0]));
      edits.push({ start: sumOf.range[0], end: lineEndAfter(src, sumOf.range[1]), text: after.map((id, n) => `${n === 0 ? '' : indent}- ${id}`).join('\n') });
    }
  }
  // Rows the sheet no longer has are removed (not sum rows, which the author declares).
  if (!options.keepMissingRows) {
    for (const r of existing) {
      if (matchedRows.has(r.id) || r.sum || !r.node.range) continue;
      // The newline before the row and the row's lines: a new row inserted at its end stays.
      const start = Math.max(0, lineStart(src, r.node.range[0]) - 1);
      edits.push({ start, end: lineEndAfter(src, r.node.range[1]), text: '' });
      changes.push({ type: 'row-removed', table: tableId, row: r.id, label: r.label });
    }
  }
  // Last place first; at one place a removal before an insertion, so the insertion stays.
  edits.sort((a, b) => b.start - a.start || b.end - a.end);
  let text = src;
  for (const e of edits) text = text.slice(0, e.start) + e.text + text.slice(e.end);
  return { text, changes, diagnostics: [] };
}

function cellRefOf(sheet: SheetTable, row: SheetTable['rows'][number], key: string, mapped: { sheet: { index: number }; key: string }[]): string {
  const col = mapped.find((m) => m.key === key);
  const address = col ? row.cells[col.sheet.index]?.address : undefined;
  return address ? cellRef(sheet.sheet, address) : row.ref;
}

function renderValues(src: string, node: YAMLMap, entries: readonly (readonly [string, number | null])[]): string {
  if (node.flow) return `{ ${entries.map(([k, v]) => `${k}: ${formatNumber(v)}`).join(', ')} }`;
  const start = node.range![0];
  const indent = ' '.repeat(start - lineStart(src, start));
  return entries.map(([k, v], i) => `${i === 0 ? '' : indent}${k}: ${formatNumber(v)}`).join('\n');
}

