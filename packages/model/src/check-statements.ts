// Reconciliation of the financial statements (räkenskaper): rows declared as formulas over
// other rows with signs, signs that contradict a row's kind under the statement's sign
// convention, a balansräkning that balances, årets resultat that agrees between the
// resultaträkning, the balansräkning and the balanskravsutredning, and a kassaflödesanalys
// that ends at the balansräkning's likvida medel. Rounding tolerance as in every sum check:
// see `tolerance` in check.ts.
import type { DataTable, TableColumn, TableRow } from './table.js';
import type { DiagnosticCode } from './diagnostics.js';
import { STANDARD_ROWS, type StandardKind } from './statements.js';
import { periodSpan } from './period.js';

type Path = readonly (string | number)[];

/** A finding before it gets its line: code, path, message, expected, found, hint. */
export interface StatementFinding {
  code: DiagnosticCode;
  path: Path;
  message: string;
  expected?: string;
  found?: string;
  hint?: string;
}

/** A table and where it stands in the report. */
export interface PlacedTable {
  table: DataTable;
  path: Path;
}

/** The tolerance function of the sum checks (decimals, number of rounded figures). */
export type Tolerance = (decimals: number, figures: number) => number;

const sv = (n: number): string => String(Math.round(n * 1e6) / 1e6);
const decimalsOfNumber = (n: number): number => {
  const s = String(Math.abs(n));
  if (s.includes('e')) return 0;
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
};

/** The table roles that are statements, whose amounts follow a sign convention (signed unless declared). */
const SIGNED_ROLES = new Set(['incomeStatement', 'cashFlow', 'balanceRequirement', 'waterResult']);

/** One term of a formula: the row it names and its sign. */
export interface FormulaTerm {
  sign: 1 | -1;
  row: string;
}

/**
 * Parses `a + b − c` into terms: row ids joined by + and − (or -) with spaces around them,
 * since a hyphen inside a row id is part of the id; a leading sign is allowed (`-a + b`).
 * Undefined when the text is not such a formula.
 */
export function parseFormula(text: string): FormulaTerm[] | undefined {
  const tokens = text.replace(/\u2212/g, '-').trim().split(/\s+/).filter((s) => s !== '');
  const terms: FormulaTerm[] = [];
  let sign: 1 | -1 = 1;
  let expectTerm = true;
  for (const tok of tokens) {
    if (tok === '+' || tok === '-') {
      if (!expectTerm && terms.length === 0) return undefined;
      if (expectTerm && terms.length > 0) return undefined;
      sign = (tok === '-' ? -sign : sign) as 1 | -1;
      expectTerm = true;
      continue;
    }
    const m = /^([+-]?)([a-z0-9][a-z0-9-]*)$/.exec(tok);
    if (!expectTerm || !m || (m[1] !== '' && terms.length > 0)) return undefined;
    terms.push({ sign: (m[1] === '-' ? -sign : sign) as 1 | -1, row: m[2]! });
    sign = 1;
    expectTerm = false;
  }
  return terms.length > 0 && !expectTerm ? terms : undefined;
}

/** The figure kind of a row that decides its sign: the row's own kind, else its standard key's. */
const signKind = (row: TableRow): StandardKind | undefined =>
  row.kind === 'revenue' || row.kind === 'cost' ? row.kind : row.key ? STANDARD_ROWS[row.key].kind : undefined;

/** The decimals a row's figures are printed with. */
const rowDecimals = (table: DataTable, row: TableRow, values: number[]): number =>
  row.decimals ?? table.decimals ?? Math.max(0, ...values.map(decimalsOfNumber));

/** Checks the rows of one table: formulas and signs. */
export function checkStatementRows(ref: PlacedTable, tolerance: Tolerance, add: (f: StatementFinding) => void): void {
  const { table, path } = ref;
  const rowById = new Map(table.rows.map((r) => [r.id, r]));
  const deviation = new Set(table.columns.filter((c) => c.kind === 'deviation' || c.differenceOf).map((c) => c.key));
  const convention = table.signConvention ?? (table.role && SIGNED_ROLES.has(table.role) ? 'signed' : undefined);

  table.rows.forEach((row, ri) => {
    const rp = [...path, 'rows', ri];
    if (row.kind === 'heading' && Object.keys(row.values).length > 0) {
      add({
        code: 'heading-with-values',
        path: [...rp, 'values'],
        message: `Row "${row.label}" of table "${table.id}" is a heading row but has values.`,
        expected: 'no values on a heading row',
        found: Object.keys(row.values).join(', '),
        hint: 'Remove the values, or give the row another kind (item, subtotal, total).',
      });
    }
    if (row.formula !== undefined && row.sumOf !== undefined) {
      add({
        code: 'formula-invalid',
        path: [...rp, 'formula'],
        message: `Row "${row.id}" of table "${table.id}" has both sumOf and formula.`,
        expected: 'either sumOf or formula',
        found: 'both',
        hint: 'Keep the formula: "a + b" says what sumOf [a, b] says.',
      });
    }
    if (row.formula !== undefined) {
      const terms = parseFormula(row.formula);
      if (!terms) {
        add({
          code: 'formula-invalid',
          path: [...rp, 'formula'],
          message: `The formula "${row.formula}" of row "${row.id}" is not row ids joined by + and −.`,
          expected: 'e.g. "kommunbidrag + intakter + kostnader - disposition"',
          found: JSON.stringify(row.formula),
          hint: 'Write row ids of this table separated by + or - with a space on each side; no numbers, brackets or other operators.',
        });
      } else {
        const unknown = terms.filter((t) => !rowById.has(t.row));
        for (const u of unknown) {
          add({
            code: 'unresolved-reference',
            path: [...rp, 'formula'],
            message: `The formula of row "${row.id}" names the row "${u.row}", which table "${table.id}" does not have.`,
            expected: `a row id of table ${table.id}`,
            found: JSON.stringify(u.row),
            hint: 'Use the ids of rows of this table.',
          });
        }
        if (unknown.length === 0) {
          for (const col of table.columns) {
            const result = row.values[col.key];
            if (typeof result !== 'number') continue;
            const parts = terms.map((t) => ({ t, v: rowById.get(t.row)!.values[col.key] }));
            if (parts.some((p) => typeof p.v !== 'number')) continue;
            const value = parts.reduce((a, p) => a + p.t.sign * (p.v as number), 0);
            const dec = rowDecimals(table, row, [result, ...parts.map((p) => p.v as number)]);
            const tol = tolerance(dec, parts.length + 1);
            if (Math.abs(value - result) <= tol) continue;
            add({
              code: 'formula-mismatch',
              path: [...rp, 'values', col.key],
              message: `"${row.label}" in column "${col.key}" of table "${table.id}" is ${result}, but ${row.formula} gives ${sv(value)}.`,
              expected: `${sv(value)} (± ${sv(tol)})`,
              found: String(result),
              hint: 'Check the figures and the signs in the formula against the source.',
            });
          }
        }
      }
    }
    const kind = signKind(row);
    if (convention && (kind === 'revenue' || kind === 'cost')) {
      for (const col of table.columns) {
        const v = row.values[col.key];
        if (typeof v !== 'number' || deviation.has(col.key) || v === 0) continue;
        const want = convention === 'positive' || kind === 'revenue' ? 1 : -1;
        if (Math.sign(v) === want) continue;
        add({
          code: 'sign-contradicts-kind',
          path: [...rp, 'values', col.key],
          message: `"${row.label}" in column "${col.key}" of table "${table.id}" is ${v}: ${kind === 'revenue' ? 'an income' : 'a cost'} is ${want > 0 ? 'positive' : 'negative'} in this statement (${convention === 'signed' ? 'costs negative, income positive' : 'every amount positive'}).`,
          expected: `a ${want > 0 ? 'positive' : 'negative'} amount`,
          found: String(v),
          hint: convention === 'signed' ? 'Write costs with a minus sign and income without; or set signConvention: positive on the table if every amount is written positive.' : 'Write the amount positive: the formula subtracts costs.',
        });
      }
    }
  });
}

/** Where a column stands among the statements: its entity, kind and the day its period ends. */
function columnKey(table: DataTable, col: TableColumn): string | undefined {
  const entity = table.columnGroups?.find((g) => g.columns.includes(col.key))?.entity ?? '';
  const end = col.period ? periodSpan(col.period)?.end : col.year !== undefined ? `${col.year}-12-31` : undefined;
  if (!end || col.kind === 'deviation' || col.differenceOf) return undefined;
  return `${entity}|${col.kind ?? 'outcome'}|${end}`;
}

interface Cell { value: number; path: Path; where: string; decimals: number }

/** The cells of a table's row with a standard key, by column key (entity, kind, period end). */
function keyedCells(ref: PlacedTable, key: string): Map<string, Cell> {
  const out = new Map<string, Cell>();
  const ri = ref.table.rows.findIndex((r) => r.key === key);
  if (ri < 0) return out;
  const row = ref.table.rows[ri]!;
  for (const col of ref.table.columns) {
    const v = row.values[col.key];
    const k = columnKey(ref.table, col);
    if (typeof v !== 'number' || !k || out.has(k)) continue;
    out.set(k, { value: v, path: [...ref.path, 'rows', ri, 'values', col.key], where: `${ref.table.id}.${row.id}.${col.key}`, decimals: rowDecimals(ref.table, row, [v]) });
  }
  return out;
}

/** Checks the statements against each other. */
export function checkStatements(tables: readonly PlacedTable[], tolerance: Tolerance, add: (f: StatementFinding) => void): void {
  const byRole = (role: string) => tables.filter((r) => r.table.role === role);
  const agree = (a: Cell, b: Cell, code: DiagnosticCode, what: string, hint: string) => {
    const dec = Math.max(a.decimals, b.decimals);
    const tol = tolerance(dec, 2);
    if (Math.abs(a.value - b.value) <= tol) return;
    add({ code, path: b.path, message: `${what}: ${b.where} is ${b.value}, but ${a.where} is ${a.value} (a difference of ${sv(b.value - a.value)}).`, expected: `${a.value} (± ${sv(tol)}, as ${a.where})`, found: String(b.value), hint });
  };

  // The balansräkning balances: tillgångar = eget kapital + avsättningar + skulder.
  for (const ref of byRole('balanceSheet')) {
    const assets = keyedCells(ref, 'summa-tillgangar');
    const total = keyedCells(ref, 'summa-eget-kapital-avsattningar-och-skulder');
    const parts = ['summa-eget-kapital', 'summa-avsattningar', 'summa-skulder'].map((k) => keyedCells(ref, k));
    for (const [k, a] of assets) {
      let other: Cell | undefined = total.get(k);
      if (!other && parts.every((p) => p.has(k))) {
        const cells = parts.map((p) => p.get(k)!);
        other = { value: cells.reduce((s, c) => s + c.value, 0), path: cells[0]!.path, where: 'eget kapital + avsättningar + skulder', decimals: Math.max(...cells.map((c) => c.decimals)) };
      }
      if (!other) continue;
      const tol = tolerance(Math.max(a.decimals, other.decimals), 2);
      if (Math.abs(a.value - other.value) <= tol) continue;
      add({
        code: 'balance-sheet-unbalanced',
        path: a.path,
        message: `The balansräkning "${ref.table.id}" does not balance: summa tillgångar (${a.where}) is ${a.value}, but eget kapital, avsättningar och skulder (${other.where}) are ${sv(other.value)}, a difference of ${sv(a.value - other.value)}.`,
        expected: `${sv(other.value)} (± ${sv(tol)})`,
        found: String(a.value),
        hint: 'Check each post of both sides against the ledger; the subtotals may add up while a post is wrong on one side.',
      });
    }
  }

  // Årets resultat: resultaträkning = balansräkning (eget kapital) = balanskravsutredning.
  const results = byRole('incomeStatement').map((r) => keyedCells(r, 'arets-resultat'));
  for (const role of ['balanceSheet', 'balanceRequirement'] as const) {
    for (const ref of byRole(role)) {
      for (const [k, cell] of keyedCells(ref, 'arets-resultat')) {
        const from = results.find((m) => m.has(k))?.get(k);
        if (from)
          agree(from, cell, 'result-mismatch', `Årets resultat differs between the resultaträkning and the ${role === 'balanceSheet' ? 'balansräkning' : 'balanskravsutredning'}`, 'Årets resultat is one figure: check which statement has it wrong (a post may be missing from the resultaträkning, or eget kapital not updated).');
      }
    }
  }

  // The kassaflödesanalys ends at the balansräkning's likvida medel.
  const cash = byRole('balanceSheet').map((r) => keyedCells(r, 'likvida-medel'));
  for (const ref of byRole('cashFlow')) {
    for (const [k, cell] of keyedCells(ref, 'likvida-medel-vid-periodens-slut')) {
      const from = cash.find((m) => m.has(k))?.get(k);
      if (from)
        agree(from, cell, 'cash-flow-mismatch', 'The kassaflödesanalys does not end at the balansräkning\'s likvida medel', 'Check the flows of the kassaflödesanalys and likvida medel at the start of the period; both must end at the same kassa och bank.');
    }
  }
}
